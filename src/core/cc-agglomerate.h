/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CAM agglomerates that mixing leaves intact: how much of an agglomerated
 * CAM the solid electrolyte reaches (a sub-grid model shared by the packing
 * analysis and the effective-medium estimate).
 */
#pragma once

#include <glib.h>

#include "cc-design.h"
#include "cc-material-db.h"

G_BEGIN_DECLS

/* Fraction of the volume of an agglomerate of diameter @agglomerate_d_um,
 * made of primary particles of diameter @primary_d_um, that the electrolyte
 * reaches: the outer shell one primary deep,
 *
 *   s = 1 - (1 - 2 d / D)^3   for D > 2 d,   1 otherwise,
 *
 * 1 when @agglomerate_d_um <= 0 (a dispersed CAM). See cc-agglomerate.c. */
double cc_agglomerate_reached_fraction (double primary_d_um,
                                        double agglomerate_d_um);

/* The agglomerate size that limits a design component's reach: its
 * agglomerate_d_um, or 0 when it has none or when an ion-conducting coating
 * (≥ 5 nm, σ_ion ≥ 1e-7 S/cm) carries ions from primary to primary into the
 * agglomerate. */
double cc_agglomerate_effective_d_um   (const CcComponent *component,
                                        CcMaterialDb      *db);

G_END_DECLS
