/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Complex nonlinear least squares (CNLS) fit of an equivalent circuit to a
 * spectrum: Levenberg-Marquardt (Marquardt scaling, Nielsen's damping
 * update) on the real and imaginary residuals together, positive parameters
 * in log space, CPE exponents in linear space, bounds by projection, fixed
 * parameters, several starts from automatic initial guesses unless the user
 * gives them. Standard errors from the covariance s^2 (J^T J)^-1 at the
 * optimum (s^2 = chi^2 / dof); 95 % confidence intervals with Student's t,
 * taken in log space for positive parameters (so they stay positive).
 */
#pragma once

#include <glib.h>
#include "cc-eis-circuit.h"
#include "cc-eis-spectrum.h"

G_BEGIN_DECLS

typedef enum {
  CC_EIS_WEIGHT_MODULUS,       /* both residuals / |Z| */
  CC_EIS_WEIGHT_PROPORTIONAL,  /* real / |Z'|, imaginary / |Z''| (floored at 1 % of |Z|) */
  CC_EIS_WEIGHT_UNIT,          /* unweighted (scaled by the median |Z|) */
} CcEisWeighting;

typedef struct _CcEisFitSetup CcEisFitSetup;

typedef struct {
  guint      n_params;
  double    *value;
  double    *std_error;   /* NAN when the parameter is fixed or not identifiable */
  double    *ci_low;      /* 95 % confidence interval */
  double    *ci_high;
  gboolean  *fixed;
  gboolean  *at_bound;
  double     chi_square;      /* weighted sum of squared residuals */
  double     rms_relative;    /* sqrt(mean |Z - Z_fit|^2 / |Z|^2) */
  guint      dof;
  guint      iterations;
  guint      starts;
  gboolean   converged;
  guint      n_points;
  double    *res_re;          /* (Z' - Z'_fit) / |Z| per point */
  double    *res_im;
} CcEisFitResult;

gboolean        cc_eis_weighting_from_string (const char     *str,
                                              CcEisWeighting *out);
const char     *cc_eis_weighting_to_string   (CcEisWeighting  weighting);

/* The setup refers to the circuit, which must outlive it. */
CcEisFitSetup  *cc_eis_fit_setup_new         (const CcEisCircuit *circuit);
void            cc_eis_fit_setup_free        (CcEisFitSetup      *self);
void            cc_eis_fit_setup_set_weighting (CcEisFitSetup   *self,
                                                CcEisWeighting   weighting);
gboolean        cc_eis_fit_setup_set_initial (CcEisFitSetup *self,
                                              const char    *name,
                                              double         value,
                                              GError       **error);
gboolean        cc_eis_fit_setup_set_fixed   (CcEisFitSetup *self,
                                              const char    *name,
                                              double         value,
                                              GError       **error);
gboolean        cc_eis_fit_setup_set_bounds  (CcEisFitSetup *self,
                                              const char    *name,
                                              double         lower,
                                              double         upper,
                                              GError       **error);
/* Comma-separated assignments: "R0=10,Q1_n=0.9" (initial values or fixed
 * values) or "R1=1:1e4,Q1_n=0.6:1" (bounds). */
gboolean        cc_eis_fit_setup_parse_initial (CcEisFitSetup *self,
                                                const char    *spec,
                                                GError       **error);
gboolean        cc_eis_fit_setup_parse_fixed   (CcEisFitSetup *self,
                                                const char    *spec,
                                                GError       **error);
gboolean        cc_eis_fit_setup_parse_bounds  (CcEisFitSetup *self,
                                                const char    *spec,
                                                GError       **error);

CcEisFitResult *cc_eis_fit                   (const CcEisCircuit  *circuit,
                                              const CcEisSpectrum *spectrum,
                                              const CcEisFitSetup *setup,
                                              GError             **error);
void            cc_eis_fit_result_free       (CcEisFitResult      *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcEisFitSetup, cc_eis_fit_setup_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcEisFitResult, cc_eis_fit_result_free)

G_END_DECLS
