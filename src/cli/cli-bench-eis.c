/* SPDX-License-Identifier: GPL-3.0-or-later
 * `bench eis`: median timings of the three impedance workloads the project
 * sets targets for — a 100-point model spectrum (< 1 ms), a 5-element
 * circuit fit (< 50 ms) and a 100-point DRT (< 100 ms). */
#include "cli-commands.h"
#include "cli-common.h"
#include "cc-eis-model.h"
#include "cc-eis-fit.h"
#include "cc-eis-drt.h"

#include <math.h>
#include <stdio.h>
#include <time.h>

#define FIT_CIRCUIT "R0-p(R1,Q1)-p(R2,Q2)"

/* CPU time of this thread in ms: what the work costs, independent of how
 * busy the machine is (wall time on a loaded machine overstates it). */
static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec * 1e-6;
}

static int
compare (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *v, guint n)
{
  qsort (v, n, sizeof (double), compare);
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

/* 100 points, 10 mHz to 10 MHz (11 per decade). */
static double
bench_spectrum (guint *n_points)
{
  CcEisCellParams p;
  CcEisFreqRange range = { 1e-2, 1e7, 11 };
  double t[31];

  cc_eis_cell_params_init_default (&p);
  for (guint r = 0; r < G_N_ELEMENTS (t); r++)
    {
      double t0 = now_ms ();

      for (guint k = 0; k < 20; k++)
        {
          g_autoptr(CcEisSpectrum) s = cc_eis_model_spectrum (&p, &range, NULL);
          *n_points = s->n;
        }
      t[r] = (now_ms () - t0) / 20.0;
    }
  return median (t, G_N_ELEMENTS (t));
}

/* Two ZARCs and a series resistor with 1 % Gaussian noise, 100 points. */
static CcEisSpectrum *
synthetic (const CcEisCircuit *c)
{
  static const double truth[] = { 20, 100, 1e-6, 0.9, 300, 1e-4, 0.85 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  CcEisSpectrum *s = cc_eis_spectrum_new (100);

  for (guint i = 0; i < s->n; i++)
    {
      double mod, u1, u2;

      s->freq_Hz[i] = 1e6 * pow (1e-8, i / 99.0);
      cc_eis_circuit_eval (c, truth, s->freq_Hz[i], &s->z_re[i], &s->z_im[i]);
      mod = hypot (s->z_re[i], s->z_im[i]);
      u1 = g_rand_double_range (rand, 1e-12, 1), u2 = g_rand_double (rand);
      s->z_re[i] += 0.01 * mod * sqrt (-2 * log (u1)) * cos (2 * G_PI * u2);
      s->z_im[i] += 0.01 * mod * sqrt (-2 * log (u1)) * sin (2 * G_PI * u2);
    }
  return s;
}

static double
bench_fit (const CcEisSpectrum *s, const CcEisCircuit *c, guint *iterations)
{
  g_autoptr(CcEisFitSetup) setup = cc_eis_fit_setup_new (c);
  double t[21];

  for (guint r = 0; r < G_N_ELEMENTS (t); r++)
    {
      double t0 = now_ms ();
      g_autoptr(CcEisFitResult) fit = cc_eis_fit (c, s, setup, NULL);

      t[r] = now_ms () - t0;
      *iterations = fit != NULL ? fit->iterations : 0;
    }
  return median (t, G_N_ELEMENTS (t));
}

static double
bench_drt (const CcEisSpectrum *s, guint *peaks)
{
  double t[21];

  for (guint r = 0; r < G_N_ELEMENTS (t); r++)
    {
      double t0 = now_ms ();
      g_autoptr(CcEisDrtResult) drt = cc_eis_drt (s, NULL, NULL);

      t[r] = now_ms () - t0;
      *peaks = drt != NULL ? drt->peaks->len : 0;
    }
  return median (t, G_N_ELEMENTS (t));
}

int
cli_bench_eis (void)
{
  g_autoptr(CcEisCircuit) c = cc_eis_circuit_parse (FIT_CIRCUIT, NULL);
  g_autoptr(CcEisSpectrum) s = synthetic (c);
  guint n_points = 0, iterations = 0, peaks = 0;
  double t_spec = bench_spectrum (&n_points);
  double t_fit = bench_fit (s, c, &iterations);
  double t_drt = bench_drt (s, &peaks);

  printf ("eis: CPU time per run (thread clock)\n");
  printf ("eis: model spectrum, %u points      %9.3f ms  (target < 1 ms%s; median of 31 x 20)\n",
          n_points, t_spec, t_spec < 1 ? "" : ", MISSED");
  printf ("eis: fit %s, 100 points %9.3f ms  (target < 50 ms%s; median of 21; %u LM iterations)\n",
          FIT_CIRCUIT, t_fit, t_fit < 50 ? "" : ", MISSED", iterations);
  printf ("eis: DRT, 100 points                %9.3f ms  (target < 100 ms%s; median of 21; %u peaks)\n",
          t_drt, t_drt < 100 ? "" : ", MISSED", peaks);
  return CLI_EXIT_OK;
}
