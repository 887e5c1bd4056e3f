/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The materials database carries the unit in each property key
 * ("density_g_cm3", "ionic_conductivity_S_cm"). These helpers split a key
 * into a readable quantity and a typeset unit, and format numbers for
 * display (scientific notation with Unicode superscripts where a plain
 * decimal would be unreadable). Pure functions, no GTK.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The typeset unit of a key ("g/cm³", "S/cm", "Ω·cm²"); "" when the
 * quantity is dimensionless or the suffix is unknown. Static string. */
const char *cc_units_unit_for_key  (const char *key);

/* The quantity without its unit suffix, capitalised, underscores as
 * spaces: "ionic_conductivity_S_cm" -> "Ionic conductivity". */
char       *cc_units_label_for_key (const char *key);

/* An enumerated fact value for display ("ionic_liquid" -> "ionic liquid",
 * translated); other values are returned as they are. */
const char *cc_units_fact_value_label (const char *value);

/* A number for display: up to `digits` significant digits, scientific
 * ("1.2 × 10⁻⁴") below 1e-2 or from 1e5 in magnitude. Uses the user's
 * locale for the decimal separator (display only, never for files). */
char       *cc_units_format_value  (double      value,
                                    guint       digits);

/* Value and unit of a key together: "1.2 × 10⁻⁴ S/cm", "25 %". */
char       *cc_units_format_with_unit (double      value,
                                       const char *key,
                                       guint       digits);

/* Pango markup of a plain chemical formula: digits after an element, ")"
 * or "]" become subscripts ("Na3V2(PO4)3" -> "Na<sub>3</sub>V<sub>2</sub>…"),
 * a leading coefficient does not. The result is escaped. */
char       *cc_units_formula_markup   (const char *formula);

/* The same markup with <sub>/<sup> written as sized, raised spans. Pango
 * 1.50 (Debian 12) warns "Leftover font scales" whenever a label with
 * <sub> is ellipsized; spans with rise render the same without the bug. */
char       *cc_units_markup_for_labels (const char *markup);

G_END_DECLS
