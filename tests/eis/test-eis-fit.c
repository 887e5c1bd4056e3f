/* SPDX-License-Identifier: GPL-3.0-or-later
 * The CNLS fit recovers known parameters from synthetic spectra with 1 %
 * noise, honours fixed parameters and bounds, and its confidence intervals
 * cover the truth about as often as they claim. */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "cc-eis-fit.h"
#include "eis-test-util.h"

#define CIRCUIT "R0-p(R1,Q1)-p(R2,Q2)-W"
/* R0, R1, Q1, Q1_n, R2, Q2, Q2_n, W */
static const double truth[] = { 20, 100, 1e-6, 0.9, 300, 1e-4, 0.85, 50 };

static CcEisFitResult *
fit (const char *circuit_text, const CcEisSpectrum *s, const char *fixed, const char *bounds,
     CcEisCircuit **circuit_out)
{
  g_autoptr(GError) error = NULL;
  CcEisCircuit *c = cc_eis_circuit_parse (circuit_text, &error);
  g_autoptr(CcEisFitSetup) setup = NULL;
  CcEisFitResult *res;

  g_assert_no_error (error);
  setup = cc_eis_fit_setup_new (c);
  if (fixed != NULL)
    g_assert_true (cc_eis_fit_setup_parse_fixed (setup, fixed, &error));
  if (bounds != NULL)
    g_assert_true (cc_eis_fit_setup_parse_bounds (setup, bounds, &error));
  g_assert_no_error (error);
  res = cc_eis_fit (c, s, setup, &error);
  g_assert_no_error (error);
  g_assert_nonnull (res);
  *circuit_out = c;
  return res;
}

/* Stated tolerances for 1 % noise on 100 points: resistances and the
 * Warburg coefficient within 5 %, CPE magnitudes within 25 %, exponents
 * within 0.03, and each within 4 standard errors. */
static void
test_recover_two_arcs (void)
{
  g_autoptr(CcEisSpectrum) s = eis_test_circuit_spectrum (CIRCUIT, truth, 1e-2, 1e6, 100);
  g_autoptr(CcEisCircuit) c = NULL;
  g_autoptr(CcEisFitResult) res = NULL;
  static const double tol[] = { 0.05, 0.05, 0.25, 0.03, 0.05, 0.25, 0.03, 0.05 };

  eis_test_add_noise (s, 0.01, 7);
  res = fit (CIRCUIT, s, NULL, NULL, &c);
  g_assert_true (res->converged);
  for (guint i = 0; i < G_N_ELEMENTS (truth); i++)
    {
      double v = res->value[i];
      gboolean exponent = cc_eis_circuit_get_param_kind (c, i) == CC_EIS_PARAM_EXPONENT;
      double err = exponent ? fabs (v - truth[i]) : fabs (v / truth[i] - 1);

      if (g_test_verbose ())
        g_printerr ("%-5s %12.5g  (true %g)  +- %.3g\n", cc_eis_circuit_get_param_name (c, i), v,
                    truth[i], res->std_error[i]);
      g_assert_cmpfloat (err, <, tol[i]);
      g_assert_true (isfinite (res->std_error[i]));
      g_assert_cmpfloat (fabs (v - truth[i]), <, 4 * res->std_error[i]);
    }
  /* The residual matches the injected noise: sqrt(2) x 1 % per point. */
  g_assert_cmpfloat (res->rms_relative, >, 0.010);
  g_assert_cmpfloat (res->rms_relative, <, 0.018);
}

/* A fixed parameter stays at its value and reports no error; the others
 * still fit. */
static void
test_fixed (void)
{
  g_autoptr(CcEisSpectrum) s = eis_test_circuit_spectrum (CIRCUIT, truth, 1e-2, 1e6, 100);
  g_autoptr(CcEisCircuit) c = NULL;
  g_autoptr(CcEisFitResult) res = NULL;
  int n1, r2;

  eis_test_add_noise (s, 0.01, 11);
  res = fit (CIRCUIT, s, "Q1_n=0.9,R0=20", NULL, &c);
  n1 = cc_eis_circuit_lookup_param (c, "Q1_n");
  r2 = cc_eis_circuit_lookup_param (c, "R2");
  g_assert_cmpfloat (res->value[n1], ==, 0.9);
  g_assert_cmpfloat (res->value[0], ==, 20);
  g_assert_true (res->fixed[n1] && isnan (res->std_error[n1]));
  g_assert_cmpfloat (fabs (res->value[r2] / 300 - 1), <, 0.05);
  g_assert_cmpuint (res->dof, ==, 2 * 100 - 6);
}

/* A bound that excludes the truth holds the parameter at the bound and
 * says so. */
static void
test_bounds (void)
{
  g_autoptr(CcEisSpectrum) s = eis_test_circuit_spectrum (CIRCUIT, truth, 1e-2, 1e6, 100);
  g_autoptr(CcEisCircuit) c = NULL;
  g_autoptr(CcEisFitResult) res = NULL;
  int r1;

  res = fit (CIRCUIT, s, NULL, "R1=1:80", &c);
  r1 = cc_eis_circuit_lookup_param (c, "R1");
  g_assert_cmpfloat (res->value[r1], <=, 80);
  g_assert_cmpfloat (res->value[r1], >, 79.9);
  g_assert_true (res->at_bound[r1]);
}

/* Over 20 noise realisations the 95 % intervals of R2 and Q2_n contain
 * the truth in at least 16 (a binomial 95 % CI would give 19 on average). */
static void
test_interval_coverage (void)
{
  guint hits_r = 0, hits_n = 0;

  for (guint seed = 100; seed < 120; seed++)
    {
      g_autoptr(CcEisSpectrum) s = eis_test_circuit_spectrum (CIRCUIT, truth, 1e-2, 1e6, 100);
      g_autoptr(CcEisCircuit) c = NULL;
      g_autoptr(CcEisFitResult) res = NULL;

      eis_test_add_noise (s, 0.01, seed);
      res = fit (CIRCUIT, s, NULL, NULL, &c);
      if (g_test_verbose ()) g_printerr ("seed %u R2 %g [%g, %g] n2 %g [%g %g] rms %g it %u\n", seed, res->value[4], res->ci_low[4], res->ci_high[4], res->value[6], res->ci_low[6], res->ci_high[6], res->rms_relative, res->iterations);
      hits_r += res->ci_low[4] <= truth[4] && truth[4] <= res->ci_high[4];
      hits_n += res->ci_low[6] <= truth[6] && truth[6] <= res->ci_high[6];
      g_assert_cmpfloat (res->ci_low[5], >, 0);   /* log-space intervals stay positive */
    }
  g_assert_cmpuint (hits_r, >=, 16);
  g_assert_cmpuint (hits_n, >=, 16);
}

/* Finite Warburgs, capacitors and an inductor, with proportional and unit
 * weighting. */
static void
test_other_elements (void)
{
  static const double p1[] = { 5e-7, 10, 200, 2e-5, 150, 3.0 };   /* L0, R0, R1, C1, Ws1_R, Ws1_tau */
  static const double p2[] = { 15, 80, 5e-6, 0.8, 400, 20 };        /* R0, R1, CPE1, CPE1_n, Wo1_R, Wo1_tau */
  const char *w_names[] = { "proportional", "unit" };

  for (guint k = 0; k < 2; k++)
    {
      const char *text = k == 0 ? "L0-R0-p(R1,C1)-Ws1" : "R0-p(R1,CPE1)-Wo1";
      const double *p = k == 0 ? p1 : p2;
      g_autoptr(CcEisSpectrum) s = eis_test_circuit_spectrum (text, p, 1e-3, 1e6, 91);
      g_autoptr(GError) error = NULL;
      g_autoptr(CcEisCircuit) c = cc_eis_circuit_parse (text, &error);
      g_autoptr(CcEisFitSetup) setup = cc_eis_fit_setup_new (c);
      g_autoptr(CcEisFitResult) res = NULL;
      CcEisWeighting w;

      eis_test_add_noise (s, 0.005, 3 + k);
      g_assert_true (cc_eis_weighting_from_string (w_names[k], &w));
      cc_eis_fit_setup_set_weighting (setup, w);
      res = cc_eis_fit (c, s, setup, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < cc_eis_circuit_get_n_params (c); i++)
        {
          double rel = fabs (res->value[i] / p[i] - 1);

          if (g_test_verbose ())
            g_printerr ("%s %s = %g (true %g)\n", text, cc_eis_circuit_get_param_name (c, i), res->value[i], p[i]);
          g_assert_cmpfloat (rel, <, 0.15);
        }
    }
}

static void
test_bad_setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcEisCircuit) c = cc_eis_circuit_parse (CIRCUIT, &error);
  g_autoptr(CcEisFitSetup) setup = cc_eis_fit_setup_new (c);
  g_autoptr(CcEisSpectrum) tiny = eis_test_circuit_spectrum (CIRCUIT, truth, 1, 10, 3);
  CcEisFitResult *res;

  g_assert_false (cc_eis_fit_setup_parse_fixed (setup, "R9=1", &error));
  g_assert_error (error, CC_EIS_ERROR, CC_EIS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "R9"));
  g_clear_error (&error);
  g_assert_false (cc_eis_fit_setup_parse_fixed (setup, "Q1_n=1.5", &error));
  g_assert_nonnull (strstr (error->message, "Q1_n = 1.5"));
  g_clear_error (&error);
  g_assert_false (cc_eis_fit_setup_parse_bounds (setup, "R1=10", &error));
  g_clear_error (&error);
  g_assert_false (cc_eis_fit_setup_parse_initial (setup, "R1=abc", &error));
  g_assert_error (error, CC_EIS_ERROR, CC_EIS_ERROR_PARSE);
  g_clear_error (&error);
  res = cc_eis_fit (c, tiny, setup, &error);
  g_assert_null (res);
  g_assert_error (error, CC_EIS_ERROR, CC_EIS_ERROR_INVALID);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/eis/fit/recover-two-arcs", test_recover_two_arcs);
  g_test_add_func ("/eis/fit/fixed", test_fixed);
  g_test_add_func ("/eis/fit/bounds", test_bounds);
  g_test_add_func ("/eis/fit/interval-coverage", test_interval_coverage);
  g_test_add_func ("/eis/fit/other-elements", test_other_elements);
  g_test_add_func ("/eis/fit/bad-setup", test_bad_setup);
  return g_test_run ();
}
