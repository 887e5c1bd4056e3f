/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Numerics of the cell model against closed-form solutions: the banded
 * solver, spherical diffusion under a constant flux (Crank's series), the
 * linear porous-electrode impedance of Newman and Tobias, and full-capacity
 * discharge at a slow rate.
 */
#include <math.h>
#include <string.h>
#include "cc-banded.h"
#include "cc-solid-diffusion.h"
#include "cc-electrode.h"
#include "cc-half-cycle.h"
#include "cc-echem-constants.h"

static void
test_banded_random (void)
{
  guint n = 40, kl = 3, ku = 2;
  g_autofree double *dense = g_new0 (double, n * n);
  g_autofree double *x = g_new0 (double, n);
  g_autofree double *b = g_new0 (double, n);
  CcBanded *m = cc_banded_new (n, kl, ku);
  GRand *rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < n; i++)
    for (guint j = (i > kl ? i - kl : 0); j <= MIN (n - 1, i + ku); j++)
      {
        /* Small diagonal: pivoting is needed. */
        double v = g_rand_double_range (rand, -1, 1) * (i == j ? 0.01 : 1);
        dense[i * n + j] = v;
        cc_banded_add (m, i, j, v);
      }
  for (guint i = 0; i < n; i++)
    x[i] = g_rand_double_range (rand, -2, 2);
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      b[i] += dense[i * n + j] * x[j];
  g_assert_true (cc_banded_factor (m));
  cc_banded_solve (m, b);
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat_with_epsilon (b[i], x[i], 1e-9);
  cc_banded_free (m);
  g_rand_free (rand);
}

static void
test_banded_singular (void)
{
  CcBanded *m = cc_banded_new (3, 1, 1);

  cc_banded_add (m, 0, 0, 1);
  cc_banded_add (m, 1, 0, 1);
  /* row 2 and column 2 stay empty */
  g_assert_false (cc_banded_factor (m));
  cc_banded_free (m);
}

/* Crank, The Mathematics of Diffusion, eq. 6.44 adapted to a flux F into a
 * sphere from uniform c0: c(R,t) - c0 = (F R / D) [3 tau + 1/5 -
 * 2 sum exp(-b_m^2 tau) / b_m^2], tan b_m = b_m, tau = D t / R^2. */
static double
crank_surface (double tau)
{
  static const double roots[] = {
    4.493409457909064, 7.725251836937707, 10.904121659428899, 14.066193912831473,
    17.220755271930768, 20.371302959287561, 23.519452498689006, 26.666054258812675,
    29.811598790892958, 32.956389039822476,
  };
  double s = 0;

  for (guint m = 0; m < G_N_ELEMENTS (roots); m++)
    s += exp (-roots[m] * roots[m] * tau) / (roots[m] * roots[m]);
  return 3 * tau + 0.2 - 2 * s;
}

static void
test_particle_constant_flux (void)
{
  double R = 5e-6, D = 1e-14, flux = 1e-9;   /* m, m2/s, m/s */
  CcSolidDiffusion p;
  double y[CC_DIFFUSION_MAX_SHELLS], yh[CC_DIFFUSION_MAX_SHELLS];
  double t = 0, dt = 0.002 * R * R / D;

  cc_solid_diffusion_init (&p, 24, R, D);
  for (guint m = 0; m < p.n; m++)
    y[m] = 0.1;
  cc_solid_diffusion_prepare (&p, dt);
  for (guint step = 1; step <= 500; step++)
    {
      cc_solid_diffusion_step_hom (&p, y, yh);
      cc_solid_diffusion_finish (&p, yh, flux, y);
      t += dt;
      /* Conservation: the mean rises by 3 F t / R exactly. */
      g_assert_cmpfloat_with_epsilon (cc_solid_diffusion_average (&p, y), 0.1 + 3 * flux * t / R, 1e-12);
      if (step == 50 || step == 150 || step == 500)
        {
          double tau = D * t / (R * R);
          double expect = 0.1 + flux * R / D * crank_surface (tau);
          double got = cc_solid_diffusion_surface (&p, y, flux);
          g_test_message ("tau %.2f surface %.6f analytic %.6f", tau, got, expect);
          /* Implicit Euler and 24 shells: within 2 % of the rise. */
          g_assert_cmpfloat (fabs (got - expect), <, 0.02 * (expect - 0.1));
        }
    }
}

static CcOcv flat_ocv;

static CcElectrodeParams
base_params (void)
{
  CcElectrodeParams p = { 0 };

  cc_ocv_init_linear (&flat_ocv, 3.0, 3.0);
  p.nx = 60;
  p.nr = 6;
  p.nk = 1;
  p.thickness = 50e-6;
  p.sigma_ion = 0.05;
  p.sigma_e = 0.5;
  p.temperature = 298.15;
  p.i0 = 0.5;
  p.c_max = 30000;
  p.diffusivity = 1e-10;
  p.r_series = 0;
  p.u_anode = 0;
  p.radius[0] = 2e-6;
  p.eps[0] = 0.5;
  p.area[0] = 2e5;
  p.ocv = &flat_ocv;
  return p;
}

/* Newman & Tobias (1962): resistance of a porous electrode with linear
 * kinetics, uniform conductivities kappa (ionic) and sigma (electronic). */
static double
newman_tobias (const CcElectrodeParams *p)
{
  double f = CC_FARADAY / (CC_GAS_CONSTANT * p->temperature);
  double k = p->sigma_ion, s = p->sigma_e, L = p->thickness;
  double nu = L * sqrt (p->area[0] * p->i0 * f * (1 / k + 1 / s));

  return L / (k + s) * (1 + (2 + (s / k + k / s) * cosh (nu)) / (nu * sinh (nu)));
}

static void
test_newman_tobias (void)
{
  CcElectrodeParams p = base_params ();
  double ratios[] = { 0.1, 1, 10 };

  for (guint r = 0; r < G_N_ELEMENTS (ratios); r++)
    {
      CcElectrode *e;
      double current = 0.05, expect, got;

      p.sigma_e = p.sigma_ion * ratios[r];
      e = cc_electrode_new (&p);
      cc_electrode_set_uniform (e, 0.5);
      g_assert_true (cc_electrode_step (e, current, 1e-6, -1));
      got = (3.0 - cc_electrode_voltage (e)) / current;
      expect = newman_tobias (&p);
      g_test_message ("sigma_e/kappa %.1f: R %.6g Ohm m2, Newman-Tobias %.6g", ratios[r], got, expect);
      g_assert_cmpfloat (fabs (got - expect), <, 0.01 * expect);
      cc_electrode_free (e);
    }
}

static void
test_slow_discharge_full_capacity (void)
{
  CcElectrodeParams p = base_params ();
  CcOcv sloped;
  CcElectrode *e;
  CcHalfSpec spec = { 0 };
  CcHalfResult res;
  double cap;

  cc_ocv_init_linear (&sloped, 2.5, 3.5);
  p.ocv = &sloped;
  p.nx = 10;
  e = cc_electrode_new (&p);
  cc_electrode_set_uniform (e, 0.01);    /* charged */
  cap = cc_electrode_capacity (e);
  spec.current = cap / (50 * 3600.0);    /* C/50 */
  spec.v_limit = 2.0;
  spec.record = TRUE;
  cc_half_run (e, &spec, &res);
  g_assert_cmpint (res.end, ==, CC_HALF_END_CUTOFF);
  /* Between y = 0.01 and the cut-off deep in the boundary layer. */
  g_assert_cmpfloat (res.capacity / cap, >, 0.975);
  g_assert_cmpfloat (res.capacity / cap, <, 0.995);
  /* Energy = mean voltage x charge: mean of a linear curve is 3.0 V. */
  g_assert_cmpfloat (fabs (res.energy / res.capacity - 3.0), <, 0.03);
  for (guint i = 1; i < res.v->len; i++)
    g_assert_cmpfloat (g_array_index (res.v, double, i), <=, g_array_index (res.v, double, i - 1) + 1e-9);
  cc_half_result_clear (&res);
  cc_electrode_free (e);
}

/* At a high rate with slow solid diffusion the capacity falls; the loss
 * follows the diffusion time R^2/D against the discharge time. */
static void
test_diffusion_limits_rate (void)
{
  CcElectrodeParams p = base_params ();
  CcOcv sloped;
  double caps[2];
  double D[2] = { 1e-12, 1e-16 };

  cc_ocv_init_linear (&sloped, 2.5, 3.5);
  p.ocv = &sloped;
  p.nx = 8;
  p.nr = 12;
  for (guint i = 0; i < 2; i++)
    {
      CcElectrode *e;
      CcHalfSpec spec = { 0 };
      CcHalfResult res;

      p.diffusivity = D[i];
      e = cc_electrode_new (&p);
      cc_electrode_set_uniform (e, 0.01);
      spec.current = cc_electrode_capacity (e) / 3600.0 * 2;   /* 2C */
      spec.v_limit = 2.0;
      cc_half_run (e, &spec, &res);
      g_assert_cmpint (res.end, ==, CC_HALF_END_CUTOFF);
      caps[i] = res.capacity / cc_electrode_capacity (e);
      cc_half_result_clear (&res);
      cc_electrode_free (e);
    }
  g_test_message ("2C utilisation: fast diffusion %.3f, slow %.3f", caps[0], caps[1]);
  g_assert_cmpfloat (caps[0], >, 0.9);
  /* R^2/D = 400 s against 1800 s of discharge: clearly limited. */
  g_assert_cmpfloat (caps[1], <, 0.8 * caps[0]);
}

/* Discharges a charged electrode at C/10 to 2.0 V behind a series
 * resistance whose ohmic drop is `drop` windows (the OCV down to 2.0 V). */
static void
run_behind_resistance (CcElectrodeParams *p,
                       double             drop,
                       CcHalfResult      *res,
                       double            *capacity)
{
  CcElectrode *e = cc_electrode_new (p);
  CcHalfSpec spec = { 0 };

  cc_electrode_set_uniform (e, 0.01);
  *capacity = cc_electrode_capacity (e);
  spec.current = *capacity / (10 * 3600.0);
  spec.v_limit = 2.0;
  e->p.r_series = drop * (cc_electrode_ocv (e) - spec.v_limit) / spec.current;
  cc_half_run (e, &spec, res);
  cc_electrode_free (e);
}

/* A series resistance whose ohmic drop alone exceeds the window ends the
 * half-cycle at once, naming the drop, without a solver failure; the bound
 * it uses, r_series + L/(κ+σ), is below the Newman-Tobias resistance of the
 * composite. Half that drop still runs to the cut-off. */
static void
test_ohmic_drop_past_window (void)
{
  CcElectrodeParams p = base_params ();
  CcOcv sloped;
  CcHalfResult res;
  double capacity;

  g_assert_cmpfloat (p.thickness / (p.sigma_ion + p.sigma_e), <, newman_tobias (&p));
  cc_ocv_init_linear (&sloped, 2.5, 3.5);
  p.ocv = &sloped;
  p.nx = 10;

  run_behind_resistance (&p, 1.3, &res, &capacity);
  g_assert_cmpint (res.end, ==, CC_HALF_END_START_BEYOND);
  g_assert_cmpuint (res.steps, ==, 0);
  g_assert_cmpfloat (res.capacity, ==, 0);
  g_assert_nonnull (strstr (res.message, "ohmic drop"));
  cc_half_result_clear (&res);

  run_behind_resistance (&p, 0.5, &res, &capacity);
  g_assert_cmpint (res.end, ==, CC_HALF_END_CUTOFF);
  g_assert_cmpfloat (res.capacity, >, 0.3 * capacity);
  cc_half_result_clear (&res);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/echem/numerics/banded-random", test_banded_random);
  g_test_add_func ("/echem/numerics/banded-singular", test_banded_singular);
  g_test_add_func ("/echem/numerics/particle-constant-flux", test_particle_constant_flux);
  g_test_add_func ("/echem/numerics/newman-tobias", test_newman_tobias);
  g_test_add_func ("/echem/numerics/slow-discharge-full-capacity", test_slow_discharge_full_capacity);
  g_test_add_func ("/echem/numerics/diffusion-limits-rate", test_diffusion_limits_rate);
  g_test_add_func ("/echem/numerics/ohmic-drop-past-window", test_ohmic_drop_past_window);
  return g_test_run ();
}
