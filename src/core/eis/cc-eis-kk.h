/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Kramers-Kronig consistency by the linear KK test (Schoenleber, Klotz &
 * Ivers-Tiffee, Electrochim. Acta 131, 20 (2014)): the spectrum is fitted by
 * a series of M RC elements with fixed time constants spread over the
 * measured range (plus an ohmic resistance, a series inductance and a series
 * capacitance), which is KK-consistent by construction. M grows until the
 * ratio of negative to positive resistances drops below 1 - mu, mu = 0.85,
 * so that the RCs fit the data rather than its noise; M starts at three RCs
 * per decade, because a coarser basis cannot follow narrow ideal arcs and
 * trips the mu criterion early. Residuals relative to |Z| above the
 * threshold, or structured residuals (lag-1 autocorrelation above 0.5 in
 * frequency order) that somewhere exceed it, mean the system was not
 * linear, causal and stable during the measurement, e.g. it drifted.
 */
#pragma once

#include <glib.h>
#include "cc-eis-spectrum.h"

G_BEGIN_DECLS

#define CC_EIS_KK_DEFAULT_THRESHOLD 0.01
#define CC_EIS_KK_MU_CRITERION      0.85
#define CC_EIS_KK_TREND_LIMIT       0.5

typedef struct {
  guint     n;
  double   *res_re;        /* (Z' - Z'_KK) / |Z| */
  double   *res_im;
  guint     n_rc;          /* RC elements used */
  double    mu;
  double    rms_residual;  /* over both components */
  double    max_residual;
  double    trend;         /* lag-1 autocorrelation of the residuals */
  double    threshold;     /* the rms residual that still passes */
  gboolean  pass;
} CcEisKkResult;

/* threshold <= 0 selects CC_EIS_KK_DEFAULT_THRESHOLD. */
CcEisKkResult *cc_eis_kk_test        (const CcEisSpectrum *spectrum,
                                      double               threshold,
                                      GError             **error);
void           cc_eis_kk_result_free (CcEisKkResult       *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcEisKkResult, cc_eis_kk_result_free)

G_END_DECLS
