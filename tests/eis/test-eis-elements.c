/* SPDX-License-Identifier: GPL-3.0-or-later
 * Elementary impedances against closed-form limits, and the analytic
 * two-rail transmission line against a finite-difference solution of the
 * same boundary-value problem. */
#include <glib.h>
#include <math.h>

#include "cc-eis-elements-private.h"

static void
assert_close (double complex a, double complex b, double rel)
{
  double scale = MAX (cabs (a), cabs (b));

  if (!(cabs (a - b) <= rel * scale))
    g_error ("%.10g%+.10gj differs from %.10g%+.10gj by more than %g relative",
             creal (a), cimag (a), creal (b), cimag (b), rel);
}

/* R || C: a semicircle of diameter R on the real axis, apex at w = 1/RC. */
static void
test_rc_semicircle (void)
{
  const double R = 123.0, C = 4.5e-6, w0 = 1.0 / (R * C);
  double best_w = 0, best_im = 0;

  assert_close (cc_eis_z_zarc (w0, R, R * C, 1.0), R / 2 - I * R / 2, 1e-12);
  g_assert_cmpfloat (creal (cc_eis_z_zarc (w0 * 1e-6, R, R * C, 1.0)), >, R * (1 - 1e-9));
  g_assert_cmpfloat (cabs (cc_eis_z_zarc (w0 * 1e6, R, R * C, 1.0)), <, R * 1.01e-6);
  for (double lw = -3; lw <= 3; lw += 0.001)
    {
      double w = w0 * pow (10, lw);
      double complex z = cc_eis_z_zarc (w, R, R * C, 1.0);

      g_assert_cmpfloat (fabs (cabs (z - R / 2) - R / 2), <, 1e-9 * R);
      if (-cimag (z) > best_im)
        {
          best_im = -cimag (z);
          best_w = w;
        }
    }
  g_assert_cmpfloat (fabs (log10 (best_w / w0)), <, 0.0011);
  g_assert_cmpfloat (fabs (best_im - R / 2), <, 1e-6 * R);
}

/* Finite differences for the same line: ionic current i(x), i(0) = 1,
 * i(L) = 0, i'' = ((r1 + r2) i - r2) / zeta; V = -zeta i'(0) + r2 int (1 - i). */
static double complex
tlm_numeric (double complex zeta, double r1, double r2, double L, guint n)
{
  g_autofree double complex *cp = g_new (double complex, n + 1);
  g_autofree double complex *dp = g_new (double complex, n + 1);
  g_autofree double complex *x = g_new0 (double complex, n + 1);
  double h = L / n;
  double complex a = (r1 + r2) / zeta * h * h, b = r2 / zeta * h * h, integral = 0;

  /* Thomas algorithm for x[k-1] - (2 + a) x[k] + x[k+1] = -b, k = 1..n-1. */
  x[0] = 1;
  x[n] = 0;
  for (guint k = 1; k < n; k++)
    {
      double complex diag = -(2 + a) - (k > 1 ? cp[k - 1] : 0);
      double complex rhs = -b - (k == 1 ? x[0] : dp[k - 1]);

      cp[k] = 1.0 / diag;
      dp[k] = rhs / diag;
    }
  for (guint k = n - 1; k >= 1; k--)
    x[k] = dp[k] - cp[k] * x[k + 1];
  for (guint k = 0; k < n; k++)
    integral += 0.5 * h * ((1 - x[k]) + (1 - x[k + 1]));
  return -zeta * (-3 * x[0] + 4 * x[1] - x[2]) / (2 * h) + r2 * integral;
}

static void
test_tlm_against_numeric (void)
{
  const double L = 60e-4, a_v = 2000, Rct = 250, Cdl = 1e-5;
  const double rails[][2] = { { 1e4, 0 }, { 1e4, 3e3 }, { 2e3, 2e4 }, { 5e3, 5e3 } };

  for (guint r = 0; r < G_N_ELEMENTS (rails); r++)
    for (double lf = -2; lf <= 6; lf += 1)
      {
        double w = 2 * G_PI * pow (10, lf);
        double complex zs = Rct / (1 + I * w * Rct * Cdl);
        double complex zeta = zs / a_v;
        double complex za = cc_eis_z_tlm_two_rail (zeta, rails[r][0], rails[r][1], L);
        /* Second-order scheme: Richardson extrapolation of two grids. */
        double complex z1 = tlm_numeric (zeta, rails[r][0], rails[r][1], L, 8000);
        double complex z2 = tlm_numeric (zeta, rails[r][0], rails[r][1], L, 16000);

        assert_close (za, (4 * z2 - z1) / 3, 1e-6);
      }
}

/* Blocking electrode (zeta = 1/(j w C a_v)), perfect electronic rail:
 * 45 degree line at high frequency, then a vertical capacitive line whose
 * real part is R_ion / 3. */
static void
test_tlm_blocking (void)
{
  const double L = 50e-4, r1 = 1e4, a_v = 1000, Cdl = 1e-5;
  const double R_ion = r1 * L, C_tot = Cdl * a_v * L;
  double w_hi = 1e4 / (R_ion * C_tot), w_lo = 1e-4 / (R_ion * C_tot);
  double complex z_hi = cc_eis_z_tlm_two_rail (1.0 / (I * w_hi * Cdl * a_v), r1, 0, L);
  double complex z_lo = cc_eis_z_tlm_two_rail (1.0 / (I * w_lo * Cdl * a_v), r1, 0, L);

  g_assert_cmpfloat (fabs (carg (z_hi) * 180 / G_PI + 45), <, 0.01);
  g_assert_cmpfloat (fabs (creal (z_lo) - R_ion / 3) / (R_ion / 3), <, 1e-4);
  g_assert_cmpfloat (fabs (-cimag (z_lo) * w_lo * C_tot - 1), <, 1e-4);
}

/* Faradaic line at DC (zeta = R_ct / a_v real). Slow kinetics: uniform
 * reaction, Z = R_ct/(a_v L) + (R_ion + R_e)/3. Fast kinetics: the reaction
 * crowds at the separator, Z -> sqrt(r1 zeta) (de Levie) with no electronic
 * loss, and with both rails finite Z -> r1 r2 L / (r1 + r2). */
static void
test_tlm_kinetic_limits (void)
{
  const double L = 50e-4, r1 = 1e4, r2 = 4e3, a_v = 1000;
  double Rct = 1e9, zeta = Rct / a_v;
  double complex z = cc_eis_z_tlm_two_rail (zeta, r1, r2, L);

  g_assert_cmpfloat (fabs (creal (z) - (zeta / L + (r1 + r2) * L / 3)) / ((r1 + r2) * L / 3), <, 1e-3);

  zeta = 1e-6 / a_v;
  z = cc_eis_z_tlm_two_rail (zeta, r1, 0, L);
  g_assert_cmpfloat (fabs (creal (z) - sqrt (r1 * zeta)) / sqrt (r1 * zeta), <, 1e-9);
  g_assert_cmpfloat (creal (z), <, 1e-3 * r1 * L / 3);
  z = cc_eis_z_tlm_two_rail (1e-12, r1, r2, L);
  g_assert_cmpfloat (fabs (creal (z) - r1 * r2 * L / (r1 + r2)) / (r1 * r2 * L / (r1 + r2)), <, 1e-4);
}

/* Finite-space spherical diffusion: K/5 plus the chemical capacitance
 * tau/(3K) at low frequency; Warburg K / sqrt(j w tau) at high frequency;
 * no jump where the series hands over to the closed form. */
static void
test_sphere_diffusion (void)
{
  const double K = 40, tau = 300;
  double w = 1e-6 / tau, w_switch = 0.01 / tau;
  double complex z = cc_eis_z_sphere_diffusion (w, K, tau);

  g_assert_cmpfloat (fabs (creal (z) - K / 5) / (K / 5), <, 1e-6);
  g_assert_cmpfloat (fabs (-cimag (z) * w * tau / (3 * K) - 1), <, 1e-6);
  w = 1e8 / tau;
  assert_close (cc_eis_z_sphere_diffusion (w, K, tau), K / csqrt (I * w * tau), 1e-3);
  assert_close (cc_eis_z_sphere_diffusion (w_switch * (1 - 1e-9), K, tau),
                cc_eis_z_sphere_diffusion (w_switch * (1 + 1e-9), K, tau), 1e-7);
}

static void
test_warburg_family (void)
{
  const double R = 50, tau = 2;
  double w_lo = 1e-7, w_hi = 1e7;

  assert_close (cc_eis_z_warburg_short (w_lo, R, tau), R, 1e-6);
  g_assert_cmpfloat (fabs (creal (cc_eis_z_warburg_open (w_lo, R, tau)) - R / 3), <, 1e-5 * R);
  assert_close (cc_eis_z_warburg_short (w_hi, R, tau), R / csqrt (I * w_hi * tau), 1e-9);
  assert_close (cc_eis_z_warburg_open (w_hi, R, tau), R / csqrt (I * w_hi * tau), 1e-9);
  /* Semi-infinite: equal real and imaginary magnitude at every frequency. */
  for (double w = 1e-3; w < 1e6; w *= 10)
    {
      double complex z = cc_eis_z_warburg (w, 7.0);
      g_assert_cmpfloat (fabs (creal (z) + cimag (z)), <, 1e-12 * cabs (z));
      g_assert_cmpfloat (fabs (creal (z) - 7.0 / sqrt (w)), <, 1e-12 * cabs (z));
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/eis/elements/rc-semicircle", test_rc_semicircle);
  g_test_add_func ("/eis/elements/tlm/numeric", test_tlm_against_numeric);
  g_test_add_func ("/eis/elements/tlm/blocking", test_tlm_blocking);
  g_test_add_func ("/eis/elements/tlm/kinetic-limits", test_tlm_kinetic_limits);
  g_test_add_func ("/eis/elements/sphere-diffusion", test_sphere_diffusion);
  g_test_add_func ("/eis/elements/warburg", test_warburg_family);
  return g_test_run ();
}
