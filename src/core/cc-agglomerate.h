/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CAM agglomerates that mixing leaves intact: how much of an agglomerated
 * CAM the solid electrolyte reaches (a sub-grid model shared by the packing
 * analysis and the effective-medium estimate).
 */
#pragma once

#include <glib.h>

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

G_END_DECLS
