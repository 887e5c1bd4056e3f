/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Chemical formulas as Pango markup: "Na3PS4" → Na<sub>3</sub>PS<sub>4</sub>,
 * "Na0.67Ni0.33Mn0.67O2" with decimal subscripts, "Na+" → Na<sup>+</sup>.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Numbers that follow an element symbol, a closing bracket or a '·' hydrate
 * dot's group are subscripts; a number at the start of a formula or after a
 * space or '·' is a coefficient and stays on the line; a trailing charge
 * ("+", "2+", "−", "3-") is a superscript. The text is escaped for markup. */
char *cc_formula_to_markup (const char *formula);

/* Joins formulas as markup with ", " (NULL or empty: NULL). */
char *cc_formulas_to_markup (const char * const *formulas);

G_END_DECLS
