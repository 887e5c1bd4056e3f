/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small chemistry and mechanics rules shared by the cell inputs and the
 * stability analysis: sodium per formula unit, anion families and their
 * mismatch, the contact modulus of a pair, whether a material deforms
 * plastically or wets.
 */
#pragma once

#include <glib.h>
#include "cc-material.h"

G_BEGIN_DECLS

/* Sodium atoms per formula unit, parsed from a formula such as
 * "Na2.25Y0.25Zr0.75Cl6" or "Na3V2(PO4)3"; 0 when none. */
double      cc_formula_sodium_count (const char *formula);
/* The material's anion family: the "anion" fact, else a guess from the
 * family and formula ("oxide", "sulfide", "halide", "hydride", "polyanion",
 * "cyanide", "organic", "selenide") or NULL. Returns a static string. */
const char *cc_material_anion       (const CcMaterial *material);
/* Chemical-potential mismatch between a cathode and the phase it touches,
 * 0 (compatible) .. 1 (oxide against sulfide); *reason (static) says why. */
double      cc_anion_mismatch       (const char  *cam_anion,
                                     const char  *partner_anion,
                                     const char **reason);
/* Hertzian contact modulus E* = 1 / ((1 - v1^2)/E1 + (1 - v2^2)/E2), Pa;
 * 0 when either modulus is unknown. */
double      cc_contact_modulus      (const CcMaterial *a,
                                     const CcMaterial *b);
/* TRUE for materials that flow under the stack pressure: the "deformation"
 * fact, else E < 30 GPa (sulfides, hydrides, organics, polymers). */
gboolean    cc_material_is_plastic  (const CcMaterial *material);
/* TRUE for liquid, ionic-liquid and plastic-crystal interlayer materials
 * (wetting agents that permeate the composite);
 * *volatile_out tells the volatile ones (organic carbonate electrolytes). */
gboolean    cc_material_is_wetting  (const CcMaterial *material,
                                     gboolean         *volatile_out);
/* TRUE when the material's decomposition products on that side conduct
 * electrons (continuous growth) — the "…_products_electronic" fact, else a
 * guess from the products (metals, metal sulfides). */
gboolean    cc_products_electronic  (const CcMaterial *material,
                                     gboolean          oxidation);
gboolean    cc_products_ionic       (const CcMaterial *material,
                                     gboolean          oxidation);
/* Whether a formula contains the element sodium. */
gboolean    cc_formula_has_sodium   (const char *formula);

G_END_DECLS
