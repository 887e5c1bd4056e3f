/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nelder–Mead in the unit box with feasibility-rule comparisons. See the
 * header for the method and its limits.
 */
#include "cc-nelder-mead.h"

#include <math.h>
#include <string.h>

gboolean
cc_nm_better (const CcNmValue *a,
              const CcNmValue *b)
{
  gboolean fa = a->violation <= 0 && !isnan (a->objective);
  gboolean fb = b->violation <= 0 && !isnan (b->objective);

  if (fa && fb)
    return a->objective < b->objective;
  if (fa != fb)
    return fa;
  /* Both infeasible: smaller violation wins; NaN violations rank last. */
  if (isnan (a->violation))
    return FALSE;
  if (isnan (b->violation))
    return TRUE;
  return a->violation < b->violation;
}

typedef struct {
  guint          dim;
  const double  *lower;
  const double  *upper;
  CcNmBatchFunc  func;
  gpointer       user_data;
  guint          max_evaluations;
  guint          evaluations;
  double        *scratch;    /* dim * (dim + 1) real coordinates */
  /* Simplex in unit coordinates, vertex i at u + i * dim. */
  double        *u;
  CcNmValue     *f;
  double         alpha, gamma, rho, sigma;
} Search;

static void
clamp_unit (double *u,
            guint   dim)
{
  for (guint j = 0; j < dim; j++)
    u[j] = CLAMP (u[j], 0.0, 1.0);
}

/* Evaluates @n unit points. */
static gboolean
evaluate (Search       *s,
          guint         n,
          const double *u,
          CcNmValue    *out,
          GError      **error)
{
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < s->dim; j++)
      s->scratch[i * s->dim + j] = s->lower[j] + u[i * s->dim + j] * (s->upper[j] - s->lower[j]);
  s->evaluations += n;
  return s->func (n, s->dim, s->scratch, out, s->user_data, error);
}

static void
swap_vertices (Search *s,
               guint   a,
               guint   b)
{
  CcNmValue tf = s->f[a];
  double tmp;

  s->f[a] = s->f[b];
  s->f[b] = tf;
  for (guint j = 0; j < s->dim; j++)
    {
      tmp = s->u[a * s->dim + j];
      s->u[a * s->dim + j] = s->u[b * s->dim + j];
      s->u[b * s->dim + j] = tmp;
    }
}

/* Insertion sort, best first; stable, so ties keep their order. */
static void
order (Search *s)
{
  for (guint i = 1; i <= s->dim; i++)
    for (guint k = i; k > 0 && cc_nm_better (&s->f[k], &s->f[k - 1]); k--)
      swap_vertices (s, k, k - 1);
}

static double
simplex_size (const Search *s)
{
  double size = 0;

  for (guint i = 1; i <= s->dim; i++)
    for (guint j = 0; j < s->dim; j++)
      size = MAX (size, fabs (s->u[i * s->dim + j] - s->u[j]));
  return size;
}

static gboolean
start_simplex (Search        *s,
               const double  *u0,
               double         step,
               GError       **error)
{
  guint d = s->dim;

  for (guint i = 0; i <= d; i++)
    {
      memcpy (s->u + i * d, u0, d * sizeof (double));
      if (i > 0)
        {
          double *x = &s->u[i * d + (i - 1)];
          *x = (*x + step <= 1.0) ? *x + step : *x - step;
        }
    }
  return evaluate (s, d + 1, s->u, s->f, error);
}

/* p = c + t (q - c), projected into the box. */
static void
along (const Search *s,
       const double *c,
       const double *q,
       double        t,
       double       *p)
{
  for (guint j = 0; j < s->dim; j++)
    p[j] = c[j] + t * (q[j] - c[j]);
  clamp_unit (p, s->dim);
}

static void
replace_worst (Search       *s,
               const double *p,
               CcNmValue     v)
{
  memcpy (s->u + s->dim * s->dim, p, s->dim * sizeof (double));
  s->f[s->dim] = v;
}

static gboolean
shrink (Search  *s,
        GError **error)
{
  guint d = s->dim;

  for (guint i = 1; i <= d; i++)
    for (guint j = 0; j < d; j++)
      s->u[i * d + j] = s->u[j] + s->sigma * (s->u[i * d + j] - s->u[j]);
  return evaluate (s, d, s->u + d, s->f + 1, error);
}

/* One Nelder–Mead iteration on an ordered simplex. */
static gboolean
iterate (Search  *s,
         double  *c,
         double  *r,
         double  *t,
         GError **error)
{
  guint d = s->dim;
  const double *worst = s->u + d * d;
  CcNmValue fr, ft;

  memset (c, 0, d * sizeof (double));
  for (guint i = 0; i < d; i++)
    for (guint j = 0; j < d; j++)
      c[j] += s->u[i * d + j] / d;

  along (s, c, worst, -s->alpha, r);
  if (!evaluate (s, 1, r, &fr, error))
    return FALSE;

  if (cc_nm_better (&fr, &s->f[0]))
    {
      along (s, c, worst, -s->alpha * s->gamma, t);
      if (!evaluate (s, 1, t, &ft, error))
        return FALSE;
      if (cc_nm_better (&ft, &fr))
        replace_worst (s, t, ft);
      else
        replace_worst (s, r, fr);
      return TRUE;
    }
  if (cc_nm_better (&fr, &s->f[d - 1]))
    {
      replace_worst (s, r, fr);
      return TRUE;
    }
  if (cc_nm_better (&fr, &s->f[d]))
    {
      along (s, c, worst, -s->alpha * s->rho, t);   /* outside contraction */
      if (!evaluate (s, 1, t, &ft, error))
        return FALSE;
      if (!cc_nm_better (&fr, &ft))
        {
          replace_worst (s, t, ft);
          return TRUE;
        }
    }
  else
    {
      along (s, c, worst, s->rho, t);               /* inside contraction */
      if (!evaluate (s, 1, t, &ft, error))
        return FALSE;
      if (cc_nm_better (&ft, &s->f[d]))
        {
          replace_worst (s, t, ft);
          return TRUE;
        }
    }
  return shrink (s, error);
}

/* Runs until the simplex is smaller than @tol or the budget is spent. */
static gboolean
descend (Search     *s,
         double      tol,
         CcNmResult *res,
         GError    **error)
{
  g_autofree double *c = g_new (double, s->dim);
  g_autofree double *r = g_new (double, s->dim);
  g_autofree double *t = g_new (double, s->dim);

  for (;;)
    {
      order (s);
      if (simplex_size (s) < tol)
        {
          res->converged = TRUE;
          return TRUE;
        }
      if (s->evaluations + s->dim + 2 > s->max_evaluations)
        {
          res->converged = FALSE;
          return TRUE;
        }
      if (!iterate (s, c, r, t, error))
        return FALSE;
      res->iterations++;
    }
}

static gboolean
run_0d (CcNmBatchFunc  func,
        gpointer       user_data,
        CcNmResult    *res,
        GError       **error)
{
  res->evaluations = 1;
  res->converged = TRUE;
  return func (1, 0, NULL, &res->best, user_data, error);
}

gboolean
cc_nm_minimize (guint              dim,
                const double      *lower,
                const double      *upper,
                const double      *x0,
                CcNmBatchFunc      func,
                gpointer           user_data,
                const CcNmOptions *options,
                double            *x_best,
                CcNmResult        *result,
                GError           **error)
{
  CcNmOptions o = options ? *options : (CcNmOptions) { 0 };
  CcNmResult res = { { NAN, INFINITY }, 0, 0, 0, FALSE };
  g_autofree double *u = NULL, *u0 = NULL;
  g_autofree CcNmValue *f = NULL;
  g_autofree double *scratch = NULL;
  Search s;
  double n = MAX (dim, 1);

  g_return_val_if_fail (func != NULL, FALSE);
  if (dim == 0)
    {
      gboolean ok = run_0d (func, user_data, &res, error);
      if (result)
        *result = res;
      return ok;
    }
  for (guint j = 0; j < dim; j++)
    g_return_val_if_fail (lower[j] < upper[j], FALSE);

  u = g_new (double, dim * (dim + 1));
  u0 = g_new (double, dim);
  f = g_new (CcNmValue, dim + 1);
  scratch = g_new (double, dim * (dim + 1));
  s = (Search) { dim, lower, upper, func, user_data,
                 o.max_evaluations ? o.max_evaluations : 200, 0, scratch, u, f,
                 1.0, 1.0 + 2.0 / n, 0.75 - 1.0 / (2.0 * n), 1.0 - 1.0 / n };
  if (dim == 1)
    s.sigma = 0.5;
  for (guint j = 0; j < dim; j++)
    u0[j] = CLAMP ((x0[j] - lower[j]) / (upper[j] - lower[j]), 0.0, 1.0);

  for (guint attempt = 0;; attempt++)
    {
      CcNmValue before = res.best;

      if (!start_simplex (&s, u0, o.initial_step > 0 ? o.initial_step : 0.25, error)
          || !descend (&s, o.x_tolerance > 0 ? o.x_tolerance : 1e-3, &res, error))
        return FALSE;
      if (attempt == 0 || cc_nm_better (&s.f[0], &before))
        {
          res.best = s.f[0];
          memcpy (u0, s.u, dim * sizeof (double));
        }
      else
        break;   /* a restart found nothing better */
      if (!res.converged || attempt >= o.max_restarts
          || s.evaluations + 2 * (dim + 1) > s.max_evaluations)
        break;
      res.restarts++;
    }
  for (guint j = 0; j < dim; j++)
    x_best[j] = lower[j] + u0[j] * (upper[j] - lower[j]);
  res.evaluations = s.evaluations;
  if (result)
    *result = res;
  return TRUE;
}
