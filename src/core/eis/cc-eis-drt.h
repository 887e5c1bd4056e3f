/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Distribution of relaxation times (DRT):
 *
 *   Z(w) = R_inf + j w L + 1/(j w C) + integral gamma(ln tau) / (1 + j w tau) d ln tau
 *
 * gamma is piecewise constant on a log-spaced tau grid that extends a decade
 * beyond the measured range on both sides; the kernel is integrated exactly
 * over each bin. Unknowns (gamma, R_inf, L, 1/C) are found by non-negative
 * least squares on the real and imaginary parts together, weighted by 1/|Z|,
 * with Tikhonov regularisation lambda |D gamma / R|^2 (D the identity or the
 * first or second difference, R = max |Z|, so lambda is dimensionless).
 * Larger lambda smooths and broadens the peaks; smaller lambda sharpens them
 * and lets noise through.
 *
 * Peaks are the local maxima above 2 % of the largest one; each carries the
 * resistance under it (integrated between the neighbouring minima), its
 * share of the total polarisation resistance and, for model spectra, the
 * process whose time constant lies nearest (within one decade) among those
 * holding at least 1 % of the total resistance.
 *
 * Known artefact: a broad (CPE-like) process is represented with satellite
 * peaks about 0.6-1 decade either side that carry a few per cent of its
 * resistance; peaks with a share below ~5 % deserve caution.
 */
#pragma once

#include <glib.h>
#include "cc-eis-spectrum.h"

G_BEGIN_DECLS

#define CC_EIS_DRT_DEFAULT_LAMBDA 1e-3

typedef struct {
  double lambda;
  guint  order;              /* 0, 1 or 2: derivative order of the penalty */
  guint  points_per_decade;  /* of the tau grid; 0 = that of the data, 5..20 */
  double extend_decades;     /* beyond the measured range, each side */
} CcEisDrtOptions;

typedef struct {
  double  tau_s;
  double  resistance;        /* in the spectrum's unit */
  double  gamma;             /* height, same unit */
  double  share;             /* resistance / total polarisation resistance */
  char   *process;           /* NULL unless attributed */
  double  process_tau_s;
} CcEisDrtPeak;

typedef struct {
  guint      n;
  double    *tau_s;
  double    *gamma;          /* ohm (or ohm cm2) per unit ln tau */
  double     r_inf;
  double     inductance_H;
  double     capacitance_F;  /* INFINITY when there is no series capacitance */
  double     lambda;
  guint      order;
  double     rms_relative;   /* of the DRT reconstruction */
  gboolean   area_specific;
  GArray    *peaks;          /* CcEisDrtPeak */
} CcEisDrtResult;

void            cc_eis_drt_options_init  (CcEisDrtOptions       *options);
CcEisDrtResult *cc_eis_drt               (const CcEisSpectrum   *spectrum,
                                          const CcEisDrtOptions *options,
                                          GError               **error);
void            cc_eis_drt_result_free   (CcEisDrtResult        *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcEisDrtResult, cc_eis_drt_result_free)

G_END_DECLS
