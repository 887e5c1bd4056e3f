/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-eis-drt-private.h"
#include "cc-eis-linalg-private.h"

#include <math.h>
#include <string.h>

#define MIN_POINTS 5
#define N_EXTRA    3     /* R_inf, L, 1/C */

typedef struct {
  guint   n, m, cols;    /* points, tau bins, unknowns */
  double  r_scale;
  double *a;             /* 2n x cols, weighted and column-scaled */
  double *b;             /* 2n */
  double *col_scale;
} System;

void
cc_eis_drt_options_init (CcEisDrtOptions *options)
{
  g_return_if_fail (options != NULL);
  options->lambda = CC_EIS_DRT_DEFAULT_LAMBDA;
  options->order = 1;
  options->points_per_decade = 0;
  options->extend_decades = 1.0;
}

static void
peak_clear (CcEisDrtPeak *peak)
{
  g_free (peak->process);
}

void
cc_eis_drt_result_free (CcEisDrtResult *result)
{
  if (result == NULL)
    return;
  g_free (result->tau_s);
  g_free (result->gamma);
  if (result->peaks != NULL)
    g_array_unref (result->peaks);
  g_free (result);
}

/* Exact integrals of the Debye kernel over one bin [u_a, u_b] of
 * u = w tau, per unit ln tau: written so that neither small nor large u
 * loses digits. */
static void
bin_kernel (double u_a, double u_b, double *re, double *im)
{
  *re = 0.5 * (log1p (1.0 / (u_a * u_a)) - log1p (1.0 / (u_b * u_b)));
  *im = -atan ((u_b - u_a) / (1.0 + u_a * u_b));
}

static gboolean
validate_options (const CcEisDrtOptions *o, GError **error)
{
  if (!isfinite (o->lambda) || o->lambda < 0 || o->lambda > 1e3)
    {
      g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_INVALID,
                   "lambda = %g: must be between 0 and 1000", o->lambda);
      return FALSE;
    }
  if (o->order > 2)
    {
      g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_INVALID,
                   "regularisation order %u: must be 0, 1 or 2", o->order);
      return FALSE;
    }
  if (!isfinite (o->extend_decades) || o->extend_decades < 0 || o->extend_decades > 3
      || o->points_per_decade > 50)
    {
      g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_INVALID,
                   "tau grid: extend_decades = %g (0..3) and points_per_decade = %u (0..50)",
                   o->extend_decades, o->points_per_decade);
      return FALSE;
    }
  return TRUE;
}

static CcEisDrtResult *
make_grid (const CcEisSpectrum *s, const CcEisDrtOptions *o, double *dln)
{
  CcEisDrtResult *res = g_new0 (CcEisDrtResult, 1);
  double f_min = s->freq_Hz[0], f_max = s->freq_Hz[0], decades, ppd, lt_lo, lt_hi;

  for (guint i = 0; i < s->n; i++)
    {
      f_min = MIN (f_min, s->freq_Hz[i]);
      f_max = MAX (f_max, s->freq_Hz[i]);
    }
  decades = MAX (log10 (f_max / f_min), 0.5);
  ppd = o->points_per_decade > 0 ? o->points_per_decade : CLAMP ((s->n - 1) / decades, 5, 20);
  lt_lo = log (1.0 / (2 * G_PI * f_max)) - o->extend_decades * G_LN10;
  lt_hi = log (1.0 / (2 * G_PI * f_min)) + o->extend_decades * G_LN10;
  res->n = (guint) ceil ((lt_hi - lt_lo) / G_LN10 * ppd) + 1;
  *dln = (lt_hi - lt_lo) / (res->n - 1);
  res->tau_s = g_new (double, res->n);
  res->gamma = g_new0 (double, res->n);
  for (guint k = 0; k < res->n; k++)
    res->tau_s[k] = exp (lt_lo + k * *dln);
  res->peaks = g_array_new (FALSE, TRUE, sizeof (CcEisDrtPeak));
  g_array_set_clear_func (res->peaks, (GDestroyNotify) peak_clear);
  res->capacitance_F = INFINITY;
  res->area_specific = s->area_specific;
  return res;
}

static void
build_system (const CcEisSpectrum *s, const CcEisDrtResult *res, double dln, System *sys)
{
  guint rows = 2 * s->n;

  sys->n = s->n;
  sys->m = res->n;
  sys->cols = res->n + N_EXTRA;
  sys->a = g_new0 (double, (gsize) rows * sys->cols);
  sys->b = g_new (double, rows);
  sys->col_scale = g_new0 (double, sys->cols);
  sys->r_scale = 0;
  for (guint i = 0; i < s->n; i++)
    sys->r_scale = MAX (sys->r_scale, hypot (s->z_re[i], s->z_im[i]));
  for (guint i = 0; i < s->n; i++)
    {
      double w = 2 * G_PI * s->freq_Hz[i], inv = 1.0 / MAX (hypot (s->z_re[i], s->z_im[i]), 1e-300);
      double *re = sys->a + (gsize) i * sys->cols, *im = sys->a + (gsize) (s->n + i) * sys->cols;

      for (guint k = 0; k < sys->m; k++)
        {
          double kr, ki;

          bin_kernel (w * res->tau_s[k] * exp (-dln / 2), w * res->tau_s[k] * exp (dln / 2), &kr, &ki);
          re[k] = kr * inv * sys->r_scale;
          im[k] = ki * inv * sys->r_scale;
        }
      re[sys->m] = inv;             /* R_inf */
      im[sys->m + 1] = w * inv;     /* L */
      im[sys->m + 2] = -inv / w;    /* 1/C */
      sys->b[i] = s->z_re[i] * inv;
      sys->b[s->n + i] = s->z_im[i] * inv;
    }
  /* gamma columns keep the R_scale units (so lambda means the same for
   * every spectrum); the extra columns are normalised. */
  for (guint c = 0; c < sys->cols; c++)
    {
      double norm = 0;

      if (c < sys->m)
        {
          sys->col_scale[c] = 1;
          continue;
        }
      for (guint r = 0; r < rows; r++)
        norm += sys->a[r * sys->cols + c] * sys->a[r * sys->cols + c];
      sys->col_scale[c] = norm > 0 ? 1.0 / sqrt (norm) : 1;
      for (guint r = 0; r < rows; r++)
        sys->a[r * sys->cols + c] *= sys->col_scale[c];
    }
}

/* Adds lambda D^T D for a difference operator of the given order. */
static void
add_penalty (double *h, guint cols, guint m, guint order, double lambda)
{
  static const double stencils[3][3] = { { 1, 0, 0 }, { -1, 1, 0 }, { 1, -2, 1 } };
  const double *st = stencils[order];

  for (guint r = 0; r + order < m; r++)
    for (guint a = 0; a <= order; a++)
      for (guint b = 0; b <= order; b++)
        h[(r + a) * cols + (r + b)] += lambda * st[a] * st[b];
}

static gboolean
solve (const System *sys, const CcEisDrtOptions *o, double *x)
{
  guint rows = 2 * sys->n, c = sys->cols;
  g_autofree double *h = g_new0 (double, c * c);
  g_autofree double *g = g_new0 (double, c);
  double trace = 0;

  for (guint r = 0; r < rows; r++)
    {
      const double *ar = sys->a + (gsize) r * c;

      for (guint i = 0; i < c; i++)
        {
          if (ar[i] == 0)
            continue;
          g[i] += ar[i] * sys->b[r];
          for (guint j = i; j < c; j++)
            h[i * c + j] += ar[i] * ar[j];
        }
    }
  for (guint i = 0; i < c; i++)
    for (guint j = 0; j < i; j++)
      h[i * c + j] = h[j * c + i];
  add_penalty (h, c, sys->m, o->order, o->lambda);
  for (guint i = 0; i < c; i++)
    trace += h[i * c + i];
  /* A whisper of ridge keeps the Gram matrix positive definite when lambda
   * is zero or the penalty has a null space. */
  for (guint i = 0; i < c; i++)
    h[i * c + i] += 1e-12 * trace / c;
  return cc_eis_nnls_gram (h, g, c, x);
}

CcEisDrtResult *
cc_eis_drt (const CcEisSpectrum   *spectrum,
            const CcEisDrtOptions *options,
            GError               **error)
{
  g_autoptr(CcEisDrtResult) res = NULL;
  g_autofree double *x = NULL;
  CcEisDrtOptions defaults;
  System sys = { 0 };
  double dln, sum = 0;
  gboolean ok;

  g_return_val_if_fail (spectrum != NULL, NULL);
  if (options == NULL)
    {
      cc_eis_drt_options_init (&defaults);
      options = &defaults;
    }
  if (!validate_options (options, error) || !cc_eis_spectrum_validate (spectrum, MIN_POINTS, error))
    return NULL;
  res = make_grid (spectrum, options, &dln);
  res->lambda = options->lambda;
  res->order = options->order;
  build_system (spectrum, res, dln, &sys);
  x = g_new0 (double, sys.cols);
  ok = solve (&sys, options, x);
  if (ok)
    {
      for (guint k = 0; k < res->n; k++)
        res->gamma[k] = x[k] * sys.r_scale;
      res->r_inf = x[sys.m] * sys.col_scale[sys.m];
      res->inductance_H = x[sys.m + 1] * sys.col_scale[sys.m + 1];
      res->capacitance_F = x[sys.m + 2] > 0 ? 1.0 / (x[sys.m + 2] * sys.col_scale[sys.m + 2]) : INFINITY;
      for (guint r = 0; r < 2 * sys.n; r++)
        {
          double fit = 0;

          for (guint cidx = 0; cidx < sys.cols; cidx++)
            fit += sys.a[(gsize) r * sys.cols + cidx] * x[cidx];
          sum += (fit - sys.b[r]) * (fit - sys.b[r]);
        }
      res->rms_relative = sqrt (sum / sys.n);
    }
  g_free (sys.a);
  g_free (sys.b);
  g_free (sys.col_scale);
  if (!ok)
    {
      g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_NUMERIC,
                   "the DRT least-squares problem is singular (lambda = %g); try a larger lambda",
                   options->lambda);
      return NULL;
    }
  cc_eis_drt_find_peaks (res, spectrum);
  return g_steal_pointer (&res);
}
