/* SPDX-License-Identifier: GPL-3.0-or-later
 * The linear Kramers-Kronig test passes model spectra (circuits and the
 * full cell model, with and without noise) and flags a spectrum whose
 * charge-transfer resistance drifted during the measurement. */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "cc-eis-kk.h"
#include "cc-eis-model.h"
#include "eis-test-util.h"

static const double two_arcs[] = { 20, 100, 1e-6, 0.9, 300, 1e-4, 0.85, 50 };

static void
test_model_spectra_pass (void)
{
  g_autoptr(CcEisSpectrum) circ = eis_test_circuit_spectrum ("R0-p(R1,Q1)-p(R2,Q2)-W", two_arcs, 1e-2, 1e6, 100);
  g_autoptr(CcEisSpectrum) cell = NULL;
  g_autoptr(CcEisKkResult) a = NULL;
  g_autoptr(CcEisKkResult) b = NULL;
  g_autoptr(CcEisKkResult) c = NULL;
  g_autoptr(GError) error = NULL;
  CcEisCellParams p;
  CcEisFreqRange range;

  a = cc_eis_kk_test (circ, 0, &error);
  g_assert_no_error (error);
  g_assert_true (a->pass);
  g_assert_cmpfloat (a->rms_residual, <, 1e-3);

  cc_eis_cell_params_init_default (&p);
  cc_eis_freq_range_init_default (&range);
  cell = cc_eis_model_spectrum (&p, &range, &error);
  g_assert_no_error (error);
  b = cc_eis_kk_test (cell, 0, &error);
  g_assert_no_error (error);
  g_assert_true (b->pass);
  g_assert_cmpfloat (b->rms_residual, <, 1e-3);

  /* 0.5 % noise stays below the 1 % default threshold, at the noise level. */
  eis_test_add_noise (circ, 0.005, 5);
  c = cc_eis_kk_test (circ, 0, &error);
  g_assert_true (c->pass);
  g_assert_cmpfloat (c->rms_residual, >, 0.002);
  g_assert_cmpfloat (c->rms_residual, <, 0.007);
  g_assert_cmpfloat (c->mu, <=, CC_EIS_KK_MU_CRITERION);
}

/* Two RC arcs swept from high to low frequency, each point taking
 * max(1 s, 1/f); the low-frequency resistance grows by `drift` over the
 * sweep (a non-stationary cell). */
static CcEisSpectrum *
drifting_spectrum (double drift)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcEisCircuit) c = cc_eis_circuit_parse ("R0-p(R1,C1)-p(R2,C2)", &error);
  CcEisSpectrum *s = cc_eis_spectrum_new (80);
  double t = 0, total = 0;

  for (guint i = 0; i < s->n; i++)
    {
      s->freq_Hz[i] = 1e5 * pow (1e-7, (double) i / (s->n - 1));
      total += MAX (1.0, 1.0 / s->freq_Hz[i]);
    }
  for (guint i = 0; i < s->n; i++)
    {
      double p[] = { 10, 50, 1e-6, 200, 1e-3 };

      t += MAX (1.0, 1.0 / s->freq_Hz[i]);
      p[3] *= 1.0 + drift * t / total;
      cc_eis_circuit_eval (c, p, s->freq_Hz[i], &s->z_re[i], &s->z_im[i]);
    }
  return s;
}

static void
test_drift_flagged (void)
{
  g_autoptr(CcEisSpectrum) steady = drifting_spectrum (0);
  g_autoptr(CcEisSpectrum) drifting = drifting_spectrum (0.4);
  g_autoptr(CcEisKkResult) ok = NULL;
  g_autoptr(CcEisKkResult) bad = NULL;
  g_autoptr(GError) error = NULL;

  ok = cc_eis_kk_test (steady, 0, &error);
  g_assert_no_error (error);
  g_assert_true (ok->pass);
  g_assert_cmpfloat (ok->max_residual, <, 1e-3);
  bad = cc_eis_kk_test (drifting, 0, &error);
  g_assert_no_error (error);
  if (g_test_verbose ())
    g_printerr ("drift: rms %g max %g M %u mu %g trend %g\n", bad->rms_residual, bad->max_residual,
                bad->n_rc, bad->mu, bad->trend);
  g_assert_false (bad->pass);
  g_assert_cmpfloat (bad->max_residual, >, 0.02);
  g_assert_cmpfloat (bad->trend, >, CC_EIS_KK_TREND_LIMIT);
}

static void
test_too_few_points (void)
{
  g_autoptr(CcEisSpectrum) s = eis_test_circuit_spectrum ("R0-p(R1,Q1)-p(R2,Q2)-W", two_arcs, 1, 10, 4);
  g_autoptr(GError) error = NULL;
  g_autoptr(CcEisKkResult) res = cc_eis_kk_test (s, 0, &error);

  g_assert_null (res);
  g_assert_error (error, CC_EIS_ERROR, CC_EIS_ERROR_INVALID);
}

/* Degenerate spectra are refused with a reason, never analysed into NaN. */
static void
test_degenerate (void)
{
  g_autoptr(CcEisSpectrum) zero = eis_test_circuit_spectrum ("R0-p(R1,Q1)-p(R2,Q2)-W", two_arcs, 1e-2, 1e6, 20);
  g_autoptr(CcEisSpectrum) one_f = eis_test_circuit_spectrum ("R0-p(R1,Q1)-p(R2,Q2)-W", two_arcs, 1e-2, 1e6, 20);
  g_autoptr(GError) error = NULL;

  zero->z_re[5] = zero->z_im[5] = 0;
  g_assert_null (cc_eis_kk_test (zero, 0, &error));
  g_assert_nonnull (strstr (error->message, "point 6"));
  g_clear_error (&error);
  for (guint i = 0; i < one_f->n; i++)
    one_f->freq_Hz[i] = 100;
  g_assert_null (cc_eis_kk_test (one_f, 0, &error));
  g_assert_nonnull (strstr (error->message, "span only"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/eis/kk/model-spectra-pass", test_model_spectra_pass);
  g_test_add_func ("/eis/kk/drift-flagged", test_drift_flagged);
  g_test_add_func ("/eis/kk/too-few-points", test_too_few_points);
  g_test_add_func ("/eis/kk/degenerate", test_degenerate);
  return g_test_run ();
}
