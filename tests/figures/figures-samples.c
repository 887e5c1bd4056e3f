/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "figures-samples.h"
#include "cc-chart-kinds.h"

#include <math.h>
#include <string.h>

#define N_PROFILE 60

/* Discharge (−1) or charge (+1) curve of a plateau-like cathode at
 * capacity Q with overpotential eta. */
static void
profile (double  q_max,
         double  eta,
         int     sign,
         double *x,
         double *y)
{
  for (guint i = 0; i < N_PROFILE; i++)
    {
      double s = (double) i / (N_PROFILE - 1);   /* depth of discharge or state of charge */
      double ocv = sign < 0 ? 3.45 - 0.25 * s - 0.5 * pow (s, 8) : 2.75 + 0.5 * pow (s, 0.15) + 0.2 * s;

      x[i] = q_max * s;
      y[i] = ocv + sign * eta;
    }
}

static CcChart *
sample_voltage (void)
{
  static const double rates[] = { 0.1, 0.5, 1.0 };
  g_autoptr(CcCurveSet) set = cc_curve_set_new ();

  for (guint g = 0; g < G_N_ELEMENTS (rates); g++)
    {
      double x[N_PROFILE], y[N_PROFILE];
      g_autofree char *label = g_strdup_printf ("%g C", rates[g]);
      double q = 120 / (1 + 0.15 * rates[g]), eta = 0.03 + 0.08 * rates[g];
      CcDataCurve *c;

      profile (q, eta, +1, x, y);
      c = cc_curve_set_add (set, label, CC_CURVE_MODEL, x, y, N_PROFILE);
      cc_data_curve_set_group (c, g);
      cc_data_curve_set_direction (c, CC_CURVE_CHARGE);
      profile (q, eta, -1, x, y);
      c = cc_curve_set_add (set, label, CC_CURVE_MODEL, x, y, N_PROFILE);
      cc_data_curve_set_group (c, g);
      cc_data_curve_set_direction (c, CC_CURVE_DISCHARGE);
    }
  return cc_chart_voltage_profile_new (set, NULL, NULL);
}

static CcChart *
sample_cycling (void)
{
  g_autoptr(CcCyclingData) d = cc_cycling_data_new ();
  double cyc[200], cap[200], ce[200], mc[20], mcap[20], mce[20];

  for (guint i = 0; i < 200; i++)
    {
      cyc[i] = i + 1;
      cap[i] = 118 * exp (-cyc[i] / 900.0);
      ce[i] = 0.998 - 0.03 * exp (-cyc[i] / 3.0);
    }
  for (guint i = 0; i < 20; i++)
    {
      mc[i] = 10 * i + 1;
      mcap[i] = 115 * exp (-mc[i] / 700.0) + 2 * sin (i);
      mce[i] = 0.996 - 0.04 * exp (-mc[i] / 3.0);
    }
  cc_cycling_data_add_run (d, "Model", CC_CURVE_MODEL, cyc, cap, ce, 200);
  cc_cycling_data_add_run (d, "Reported", CC_CURVE_MEASURED, mc, mcap, mce, 20);
  return cc_chart_cycling_new (d, NULL);
}

static CcChart *
sample_rate (void)
{
  static const double c[] = { 0.05, 0.1, 0.2, 0.5, 1, 2, 5 };
  double model[7], meas[7];
  g_autoptr(CcCurveSet) set = cc_curve_set_new ();

  for (guint i = 0; i < 7; i++)
    {
      model[i] = 122 / (1 + pow (c[i] / 2.0, 1.3));
      meas[i] = model[i] * (0.97 + 0.02 * cos (3.0 * i));
    }
  cc_data_curve_set_group (cc_curve_set_add (set, "Model", CC_CURVE_MODEL, c, model, 7), 0);
  cc_data_curve_set_group (cc_curve_set_add (set, "Reported", CC_CURVE_MEASURED, c, meas, 7), 1);
  return cc_chart_rate_capability_new (set, NULL);
}

static CcChart *
sample_ragone (void)
{
  static const double c[] = { 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10 };
  double e1[8], p1[8], e2[8], p2[8];
  g_autoptr(CcCurveSet) set = cc_curve_set_new ();

  for (guint i = 0; i < 8; i++)
    {
      e1[i] = 0.7 * 3.1 * 122 / (1 + pow (c[i] / 2.0, 1.3));
      p1[i] = e1[i] * c[i];
      e2[i] = 0.55 * 3.0 * 110 / (1 + pow (c[i] / 0.8, 1.4));
      p2[i] = e2[i] * c[i];
    }
  cc_curve_set_add (set, "70 wt% CAM", CC_CURVE_MODEL, p1, e1, 8);
  cc_curve_set_add (set, "55 wt% CAM", CC_CURVE_MODEL, p2, e2, 8);
  return cc_chart_ragone_new (set, "cathode composite", NULL);
}

/* R0 + (R1 ‖ C1) + (R2 ‖ C2) + Warburg σ/√ω (1 − j). */
static void
model_z (double  f,
         double *re,
         double *im)
{
  double w = 2 * G_PI * f;
  double r0 = 20, r1 = 60, c1 = 1e-8, r2 = 150, c2 = 5e-6, sigma = 40;
  double a1 = w * r1 * c1, a2 = w * r2 * c2;

  *re = r0 + r1 / (1 + a1 * a1) + r2 / (1 + a2 * a2) + sigma / sqrt (w);
  *im = -r1 * a1 / (1 + a1 * a1) - r2 * a2 / (1 + a2 * a2) - sigma / sqrt (w);
}

static CcImpedanceData *
sample_impedance (void)
{
  CcImpedanceData *d = cc_impedance_data_new (FALSE);
  double f[81], re[81], im[81], mf[25], mre[25], mim[25];

  for (guint i = 0; i < 81; i++)
    {
      f[i] = pow (10, 6 - i * 0.1);   /* 1 MHz → 10 mHz, descending like an instrument */
      model_z (f[i], &re[i], &im[i]);
    }
  for (guint i = 0; i < 25; i++)
    {
      mf[i] = pow (10, 6 - i * (8.0 / 24));
      model_z (mf[i], &mre[i], &mim[i]);
      mre[i] *= 1 + 0.03 * sin (2.0 * i);
      mim[i] *= 1 + 0.03 * cos (2.0 * i);
    }
  cc_impedance_data_add_spectrum (d, "Measured", CC_CURVE_MEASURED, mf, mre, mim, 25);
  cc_impedance_data_add_spectrum (d, "Model", CC_CURVE_MODEL, f, re, im, 81);
  return d;
}

static CcChart *
sample_drt (void)
{
  g_autoptr(CcCurveSet) set = cc_curve_set_new ();
  double tau[121], g[121];

  for (guint i = 0; i < 121; i++)
    {
      double lt = -7 + i * 0.075;

      tau[i] = pow (10, lt);
      g[i] = 25 * exp (-pow ((lt + 5.2) / 0.35, 2)) + 48 * exp (-pow ((lt + 2.5) / 0.45, 2));
    }
  cc_curve_set_add (set, "DRT", CC_CURVE_MODEL, tau, g, 121);
  cc_curve_set_add_mark (set, pow (10, -5.2), 25, "grain boundary");
  cc_curve_set_add_mark (set, pow (10, -2.5), 48, "CAM–SE interface");
  return cc_chart_drt_new (set, FALSE, NULL);
}

static CcChart *
sample_stability (void)
{
  g_autoptr(CcStabilityData) d = cc_stability_data_new ();
  CcStabilityWindow *w;

  w = cc_stability_data_add_window (d, "Na<sub>3</sub>PS<sub>4</sub> (catholyte)", 1.55, 2.25);
  cc_stability_window_set_apparent (w, 0.9, 3.0);
  cc_stability_window_set_products (w, "Na<sub>2</sub>S, Na<sub>3</sub>P", "P<sub>2</sub>S<sub>5</sub>, S");
  w = cc_stability_data_add_window (d, "Na<sub>2</sub>ZrCl<sub>6</sub> (coating)", 1.0, 3.8);
  cc_stability_window_set_products (w, "Zr, NaCl", "ZrCl<sub>4</sub>, Cl<sub>2</sub>");
  w = cc_stability_data_add_window (d, "Na<sub>3</sub>Zr<sub>2</sub>Si<sub>2</sub>PO<sub>12</sub> (separator)", 1.1, 3.4);
  cc_stability_window_set_products (w, "Na<sub>2</sub>ZrSi<sub>2</sub>O<sub>7</sub>", "ZrO<sub>2</sub>, O<sub>2</sub>");
  cc_stability_data_set_cam (d, "NaCrO<sub>2</sub>", 2.6, 3.6);
  cc_stability_data_set_anode (d, "Na<sub>15</sub>Sn<sub>4</sub>", 0.2);
  return cc_chart_stability_new (d, NULL);
}

static CcChart *
sample_compat (void)
{
  static const char * const levels[] = { "reacts", "needs a coating", "kinetically stable", "stable" };
  static const char * const cams[] = { "NaCrO<sub>2</sub>", "Na<sub>3</sub>V<sub>2</sub>(PO<sub>4</sub>)<sub>3</sub>",
                                       "Na<sub>2</sub>FeP<sub>2</sub>O<sub>7</sub>", "TiS<sub>2</sub>" };
  static const char * const ses[] = { "Na<sub>3</sub>PS<sub>4</sub>", "Na<sub>3</sub>SbS<sub>4</sub>",
                                      "Na<sub>2</sub>ZrCl<sub>6</sub>", "NZSP", "Na<sub>4</sub>(B<sub>12</sub>H<sub>12</sub>)(B<sub>10</sub>H<sub>10</sub>)" };
  static const int scores[4][5] = { { 1, 1, 3, 2, 0 }, { 1, 1, 3, 3, -1 }, { 0, 1, 2, 3, 1 }, { 3, 3, 2, 3, 3 } };
  g_autoptr(CcCompatibilityData) d = cc_compatibility_data_new (levels, 4);

  for (guint r = 0; r < 4; r++)
    cc_compatibility_data_add_row (d, cams[r]);
  for (guint c = 0; c < 5; c++)
    cc_compatibility_data_add_col (d, ses[c]);
  for (guint r = 0; r < 4; r++)
    for (guint c = 0; c < 5; c++)
      cc_compatibility_data_set_score (d, r, c, scores[r][c]);
  cc_compatibility_data_set_highlight (d, 0, 0);
  return cc_chart_compatibility_new (d, NULL);
}

static CcChart *
sample_micro (void)
{
  CcMicrostructure m;

  memset (&m, 0, sizeof m);
  m.cam_volume_fraction = 0.52;
  m.se_volume_fraction = 0.33;
  m.carbon_volume_fraction = 0.04;
  m.binder_volume_fraction = 0.02;
  m.porosity = 0.09;
  m.ionic_percolation = TRUE;
  m.electronic_percolation = TRUE;
  m.active_cam_fraction = 0.81;
  m.ionically_connected_cam_fraction = 0.9;
  m.electronically_connected_cam_fraction = 0.86;
  m.sigma_ion_eff_S_per_cm = 4.2e-5;
  m.sigma_e_eff_S_per_cm = 2.1e-2;
  m.tortuosity_ion = 3.6;
  m.tortuosity_e = 1.9;
  return cc_chart_microstructure_new (&m, NULL);
}

CcChart *
figures_sample_chart (const char *name)
{
  if (g_str_equal (name, "voltage-profile"))
    return sample_voltage ();
  if (g_str_equal (name, "cycling"))
    return sample_cycling ();
  if (g_str_equal (name, "rate-capability"))
    return sample_rate ();
  if (g_str_equal (name, "ragone"))
    return sample_ragone ();
  if (g_str_equal (name, "nyquist") || g_str_equal (name, "bode"))
    {
      g_autoptr(CcImpedanceData) d = sample_impedance ();

      return g_str_equal (name, "nyquist") ? cc_chart_nyquist_new (d, NULL) : cc_chart_bode_new (d, NULL);
    }
  if (g_str_equal (name, "drt"))
    return sample_drt ();
  if (g_str_equal (name, "stability-window"))
    return sample_stability ();
  if (g_str_equal (name, "compatibility-matrix"))
    return sample_compat ();
  if (g_str_equal (name, "microstructure"))
    return sample_micro ();
  return NULL;
}
