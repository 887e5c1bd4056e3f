/* SPDX-License-Identifier: GPL-3.0-or-later
 * Distribution of relaxation times: two RC arcs give two peaks at their
 * time constants with their resistances; regularisation smooths; model
 * spectra get their peaks attributed to processes. */
#include <glib.h>
#include <math.h>

#include "cc-eis-drt.h"
#include "cc-eis-model.h"
#include "eis-test-util.h"

static const double two_rc[] = { 10, 50, 1e-6, 200, 1e-3 };   /* tau 5e-5 s and 0.2 s */

static CcEisDrtResult *
drt (const CcEisSpectrum *s, double lambda)
{
  g_autoptr(GError) error = NULL;
  CcEisDrtOptions o;
  CcEisDrtResult *r;

  cc_eis_drt_options_init (&o);
  if (lambda >= 0)
    o.lambda = lambda;
  r = cc_eis_drt (s, &o, &error);
  g_assert_no_error (error);
  g_assert_nonnull (r);
  return r;
}

static void
assert_two_peaks (const CcEisDrtResult *r, double dec_tol, double r_tol)
{
  const CcEisDrtPeak *a, *b;

  g_assert_cmpuint (r->peaks->len, ==, 2);
  a = &g_array_index (r->peaks, CcEisDrtPeak, 0);
  b = &g_array_index (r->peaks, CcEisDrtPeak, 1);
  g_assert_cmpfloat (fabs (log10 (a->tau_s / 5e-5)), <, dec_tol);
  g_assert_cmpfloat (fabs (log10 (b->tau_s / 0.2)), <, dec_tol);
  g_assert_cmpfloat (fabs (a->resistance / 50 - 1), <, r_tol);
  g_assert_cmpfloat (fabs (b->resistance / 200 - 1), <, r_tol);
  g_assert_cmpfloat (fabs (r->r_inf / 10 - 1), <, 0.15);
}

static void
test_two_rc (void)
{
  g_autoptr(CcEisSpectrum) s = eis_test_circuit_spectrum ("R0-p(R1,C1)-p(R2,C2)", two_rc, 1e-2, 1e5, 100);
  g_autoptr(CcEisDrtResult) clean = drt (s, -1);
  g_autoptr(CcEisDrtResult) noisy = NULL;

  assert_two_peaks (clean, 0.03, 0.02);
  g_assert_cmpfloat (clean->rms_relative, <, 0.01);
  g_assert_false (isfinite (clean->capacitance_F));   /* no series capacitor in the data */
  eis_test_add_noise (s, 0.01, 21);
  noisy = drt (s, -1);
  assert_two_peaks (noisy, 0.05, 0.03);
}

/* More regularisation: lower and broader peaks, worse reconstruction, the
 * same total resistance. */
static void
test_lambda_smooths (void)
{
  g_autoptr(CcEisSpectrum) s = eis_test_circuit_spectrum ("R0-p(R1,C1)-p(R2,C2)", two_rc, 1e-2, 1e5, 100);
  g_autoptr(CcEisDrtResult) sharp = drt (s, 1e-5);
  g_autoptr(CcEisDrtResult) smooth = drt (s, 1e-1);
  const CcEisDrtPeak *ps = &g_array_index (sharp->peaks, CcEisDrtPeak, 1);
  const CcEisDrtPeak *pm = &g_array_index (smooth->peaks, CcEisDrtPeak, 1);

  g_assert_cmpfloat (pm->gamma, <, 0.7 * ps->gamma);
  g_assert_cmpfloat (smooth->rms_relative, >, sharp->rms_relative);
  g_assert_cmpfloat (fabs (pm->resistance / ps->resistance - 1), <, 0.05);
}

/* A ZARC (R || CPE, n = 0.8) has one symmetric peak at tau0 = (R Q)^(1/n). */
static void
test_zarc (void)
{
  const double p[] = { 5, 100, 1e-4, 0.8 };
  g_autoptr(CcEisSpectrum) s = eis_test_circuit_spectrum ("R0-p(R1,Q1)", p, 1e-3, 1e6, 91);
  g_autoptr(CcEisDrtResult) r = drt (s, -1);
  const CcEisDrtPeak *pk;

  g_assert_cmpuint (r->peaks->len, ==, 1);
  pk = &g_array_index (r->peaks, CcEisDrtPeak, 0);
  g_assert_cmpfloat (fabs (log10 (pk->tau_s / pow (100 * 1e-4, 1 / 0.8))), <, 0.05);
  g_assert_cmpfloat (fabs (pk->resistance / 100 - 1), <, 0.03);
}

static const CcEisDrtPeak *
find_process (const CcEisDrtResult *r, const char *name)
{
  for (guint i = 0; i < r->peaks->len; i++)
    {
      const CcEisDrtPeak *p = &g_array_index (r->peaks, CcEisDrtPeak, i);
      if (g_strcmp0 (p->process, name) == 0)
        return p;
    }
  return NULL;
}

/* Model spectra: the interphase and charge-transfer peaks are named, sit
 * within a decade of their processes, and the interphase peak grows with
 * the interphase thickness while charge transfer stays put (the peak
 * integration shares the overlap between neighbours, hence 30 %). */
static void
test_model_attribution (void)
{
  const double thickness[] = { 5, 60 };
  double r_ip[2], r_ct[2];

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CcEisSpectrum) s = NULL;
      g_autoptr(CcEisDrtResult) r = NULL;
      const CcEisDrtPeak *ip, *ct;
      CcEisCellParams p;
      CcEisFreqRange range;

      cc_eis_cell_params_init_default (&p);
      cc_eis_freq_range_init_default (&range);
      p.ip_thickness_nm = thickness[i];
      s = cc_eis_model_spectrum (&p, &range, &error);
      g_assert_no_error (error);
      r = drt (s, -1);
      ip = find_process (r, "interphase");
      ct = find_process (r, "charge transfer");
      g_assert_nonnull (ip);
      g_assert_nonnull (ct);
      g_assert_cmpfloat (fabs (log10 (ip->tau_s / ip->process_tau_s)), <, 1);
      if (g_test_verbose ()) g_printerr ("%g nm: ip %g (tau %g) ct %g\n", thickness[i], ip->resistance, ip->tau_s, ct->resistance);
      r_ip[i] = ip->resistance;
      r_ct[i] = ct->resistance;
      g_assert_nonnull (find_process (r, "bulk"));
    }
  g_assert_cmpfloat (r_ip[1], >, 3 * r_ip[0]);
  g_assert_cmpfloat (fabs (r_ct[1] / r_ct[0] - 1), <, 0.3);
}

static void
test_bad_options (void)
{
  g_autoptr(CcEisSpectrum) s = eis_test_circuit_spectrum ("R0-p(R1,C1)-p(R2,C2)", two_rc, 1e-2, 1e5, 30);
  g_autoptr(GError) error = NULL;
  CcEisDrtOptions o;

  cc_eis_drt_options_init (&o);
  o.lambda = -1;
  g_assert_null (cc_eis_drt (s, &o, &error));
  g_assert_error (error, CC_EIS_ERROR, CC_EIS_ERROR_INVALID);
  g_clear_error (&error);
  cc_eis_drt_options_init (&o);
  o.order = 3;
  g_assert_null (cc_eis_drt (s, &o, &error));
  g_assert_error (error, CC_EIS_ERROR, CC_EIS_ERROR_INVALID);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/eis/drt/two-rc", test_two_rc);
  g_test_add_func ("/eis/drt/lambda-smooths", test_lambda_smooths);
  g_test_add_func ("/eis/drt/zarc", test_zarc);
  g_test_add_func ("/eis/drt/model-attribution", test_model_attribution);
  g_test_add_func ("/eis/drt/bad-options", test_bad_options);
  return g_test_run ();
}
