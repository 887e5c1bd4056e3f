/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An effective-medium estimate of the microstructure metrics from the
 * design alone (volume fractions, a porosity typical of the process,
 * percolation-theory conductivities, contact statistics from surface
 * shares). It is a sanity check and a fallback for tests: the production
 * pipeline takes its CcMicrostructure from the packing engine.
 *
 * Assumptions (each rough):
 *  - porosity by process: cold press 0.12 when a plastic phase (sulfide,
 *    hydride, halide) makes up most of the non-CAM volume, else 0.30; hot
 *    press 0.08; co-sintering 0.05; infiltration 0.05; slurry 0.40;
 *  - a phase percolates above p_c = 0.18 of the solid volume, lowered for
 *    particles much smaller than the mean (p_c = 0.18 sqrt(d/d_mean),
 *    at least 0.03); sigma_eff = sigma ((phi - p_c)/(1 - p_c))^2 phi_solid
 *    (percolation exponent t = 2);
 *  - a CAM particle touches phase j with probability 1 - exp(-z s_j),
 *    s_j the share of the non-CAM surface, z = 6 (r_CAM/r_j)^2 capped at 60;
 *    electronically conducting CAMs (> 1 S/cm) connect through each other;
 *  - CAM-electrolyte contact fraction 0.5 x electrolyte surface share for a
 *    plastic electrolyte, 0.15 x for a rigid one (infiltration: 0.8 x);
 *  - three size classes at the 1/6, 1/2, 5/6 quantiles of the log-normal
 *    volume distribution (d50 taken as the volume median).
 */
#pragma once

#include <glib.h>
#include "cc-design.h"
#include "cc-material-db.h"
#include "cc-microstructure.h"

G_BEGIN_DECLS

gboolean cc_microstructure_estimate_effective_medium (const CcDesign    *design,
                                                      CcMaterialDb      *db,
                                                      CcMicrostructure  *out,
                                                      GError           **error);

G_END_DECLS
