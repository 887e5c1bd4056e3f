/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-eis-kk.h"
#include "cc-eis-linalg-private.h"

#include <math.h>
#include <string.h>

#define MIN_POINTS 6

typedef struct {
  guint   n;
  double *omega;
  double  tau_min, tau_max;
} Grid;

void
cc_eis_kk_result_free (CcEisKkResult *result)
{
  if (result == NULL)
    return;
  g_free (result->res_re);
  g_free (result->res_im);
  g_free (result);
}

static int
compare_freq (gconstpointer a, gconstpointer b, gpointer freq)
{
  double fa = ((double *) freq)[*(const guint *) a], fb = ((double *) freq)[*(const guint *) b];

  return (fa > fb) - (fa < fb);
}

static double
tau_k (const Grid *g, guint k, guint m)
{
  if (m == 1)
    return sqrt (g->tau_min * g->tau_max);
  return g->tau_min * pow (g->tau_max / g->tau_min, (double) k / (m - 1));
}

/* Model rows at one frequency, times `weight`. Columns: R0, R_1..R_M, L, 1/C. */
static void
fill_row (const Grid *g, double w, guint m, double weight, double *re_row, double *im_row)
{
  re_row[0] = weight;
  im_row[0] = 0;
  for (guint k = 0; k < m; k++)
    {
      double wt = w * tau_k (g, k, m), d = 1.0 + wt * wt;

      re_row[1 + k] = weight / d;
      im_row[1 + k] = -weight * wt / d;
    }
  re_row[m + 1] = re_row[m + 2] = 0;
  im_row[m + 1] = weight * w;
  im_row[m + 2] = -weight / w;
}

/* Weighted (1/|Z|) linear least squares with m RC elements; x receives
 * the m + 3 coefficients. */
static gboolean
fit_m (const CcEisSpectrum *s, const Grid *g, guint m, double *x)
{
  guint rows = 2 * s->n, cols = m + 3;
  g_autofree double *a = g_new (double, (gsize) rows * cols);
  g_autofree double *b = g_new (double, rows);
  g_autofree double *scale = g_new0 (double, cols);

  for (guint i = 0; i < s->n; i++)
    {
      double inv_mod = 1.0 / MAX (hypot (s->z_re[i], s->z_im[i]), 1e-300);

      fill_row (g, g->omega[i], m, inv_mod, a + (gsize) i * cols, a + (gsize) (s->n + i) * cols);
      b[i] = s->z_re[i] * inv_mod;
      b[s->n + i] = s->z_im[i] * inv_mod;
    }
  /* Unit column norms: the L and 1/C columns span many decades. */
  for (guint r = 0; r < rows; r++)
    for (guint c = 0; c < cols; c++)
      scale[c] += a[r * cols + c] * a[r * cols + c];
  for (guint c = 0; c < cols; c++)
    scale[c] = scale[c] > 0 ? 1.0 / sqrt (scale[c]) : 1.0;
  for (guint r = 0; r < rows; r++)
    for (guint c = 0; c < cols; c++)
      a[r * cols + c] *= scale[c];
  if (!cc_eis_lstsq_qr (a, rows, cols, b, x))
    return FALSE;
  for (guint c = 0; c < cols; c++)
    x[c] *= scale[c];
  return TRUE;
}

static double
mu_of (const double *x, guint m)
{
  double neg = 0, pos = 0;

  for (guint k = 0; k < m; k++)
    {
      if (x[1 + k] < 0)
        neg -= x[1 + k];
      else
        pos += x[1 + k];
    }
  return pos > 0 ? 1.0 - neg / pos : 0;
}

static void
residuals (const CcEisSpectrum *s, const Grid *g, const double *x, guint m, CcEisKkResult *res)
{
  g_autofree double *re_row = g_new (double, m + 3);
  g_autofree double *im_row = g_new (double, m + 3);
  double sum = 0;

  res->max_residual = 0;
  for (guint i = 0; i < s->n; i++)
    {
      double zr = 0, zi = 0, mod = MAX (hypot (s->z_re[i], s->z_im[i]), 1e-300);

      fill_row (g, g->omega[i], m, 1.0, re_row, im_row);
      for (guint c = 0; c < m + 3; c++)
        {
          zr += re_row[c] * x[c];
          zi += im_row[c] * x[c];
        }
      res->res_re[i] = (s->z_re[i] - zr) / mod;
      res->res_im[i] = (s->z_im[i] - zi) / mod;
      sum += res->res_re[i] * res->res_re[i] + res->res_im[i] * res->res_im[i];
      res->max_residual = MAX (res->max_residual, MAX (fabs (res->res_re[i]), fabs (res->res_im[i])));
    }
  res->rms_residual = sqrt (sum / (2 * s->n));
}

/* Lag-1 autocorrelation of the residuals taken in order of frequency:
 * about 0 for noise, near 1 for a systematic misfit. */
static double
trend (const CcEisSpectrum *s, const CcEisKkResult *res)
{
  g_autofree guint *order = g_new (guint, s->n);
  double num = 0, den = 0;

  for (guint i = 0; i < s->n; i++)
    order[i] = i;
  g_qsort_with_data (order, s->n, sizeof (guint), compare_freq, s->freq_Hz);
  for (guint c = 0; c < 2; c++)
    {
      const double *r = c == 0 ? res->res_re : res->res_im;

      for (guint i = 0; i < s->n; i++)
        {
          den += r[order[i]] * r[order[i]];
          if (i + 1 < s->n)
            num += r[order[i]] * r[order[i + 1]];
        }
    }
  return den > 0 ? num / den : 0;
}

CcEisKkResult *
cc_eis_kk_test (const CcEisSpectrum *spectrum,
                double               threshold,
                GError             **error)
{
  g_autofree double *x = NULL;
  g_autofree double *omega = NULL;
  CcEisKkResult *res;
  guint m_max, m_min, m_used = 0;
  Grid g;

  g_return_val_if_fail (spectrum != NULL, NULL);
  if (!cc_eis_spectrum_validate (spectrum, MIN_POINTS, error))
    return NULL;
  omega = g_new (double, spectrum->n);
  g = (Grid) { spectrum->n, omega, INFINITY, 0 };
  for (guint i = 0; i < spectrum->n; i++)
    {
      omega[i] = 2 * G_PI * spectrum->freq_Hz[i];
      g.tau_min = MIN (g.tau_min, 1.0 / omega[i]);
      g.tau_max = MAX (g.tau_max, 1.0 / omega[i]);
    }
  /* At most one RC per two real unknowns left after R0, L and C. */
  m_max = MAX ((2 * spectrum->n - 3) / 2, 1);
  m_max = MIN (m_max, 200);
  /* Narrow (ideal RC) arcs between two basis time constants make a coarse
   * basis oscillate, which drives mu below the criterion long before the
   * fit is adequate: start from three RCs per decade. */
  m_min = MIN ((guint) ceil (4 * log10 (g.tau_max / g.tau_min)), m_max);
  x = g_new (double, m_max + 3);
  res = g_new0 (CcEisKkResult, 1);
  res->n = spectrum->n;
  res->res_re = g_new (double, spectrum->n);
  res->res_im = g_new (double, spectrum->n);
  res->threshold = threshold > 0 ? threshold : CC_EIS_KK_DEFAULT_THRESHOLD;
  for (guint m = 1; m <= m_max; m++)
    {
      if (!fit_m (spectrum, &g, m, x))
        break;
      m_used = m;
      res->mu = mu_of (x, m);
      if (m >= m_min && res->mu <= CC_EIS_KK_MU_CRITERION)
        break;
      /* Already far inside the threshold: more RCs cannot change the verdict. */
      if (m >= m_min)
        {
          residuals (spectrum, &g, x, m, res);
          if (res->max_residual < 1e-3 * res->threshold)
            break;
        }
    }
  if (m_used == 0 || !fit_m (spectrum, &g, m_used, x))
    {
      g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_NUMERIC,
                   "the linear KK fit failed: the frequencies do not span a usable range");
      cc_eis_kk_result_free (res);
      return NULL;
    }
  res->n_rc = m_used;
  residuals (spectrum, &g, x, m_used, res);
  res->trend = trend (spectrum, res);
  /* Noise scatters; drift and nonlinearity leave structured residuals. */
  res->pass = res->rms_residual <= res->threshold
              && !(res->trend > CC_EIS_KK_TREND_LIMIT && res->max_residual > res->threshold);
  return res;
}
