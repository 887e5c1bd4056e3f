/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-eis-linalg-private.h"

#include <math.h>
#include <string.h>

gboolean
cc_eis_cholesky (double *a, guint n)
{
  for (guint j = 0; j < n; j++)
    {
      double d = a[j * n + j];

      for (guint k = 0; k < j; k++)
        d -= a[j * n + k] * a[j * n + k];
      if (!(d > 0) || !isfinite (d))
        return FALSE;
      d = sqrt (d);
      a[j * n + j] = d;
      for (guint i = j + 1; i < n; i++)
        {
          double s = a[i * n + j];

          for (guint k = 0; k < j; k++)
            s -= a[i * n + k] * a[j * n + k];
          a[i * n + j] = s / d;
        }
    }
  return TRUE;
}

void
cc_eis_cholesky_solve (const double *l, guint n, double *b)
{
  for (guint i = 0; i < n; i++)
    {
      double s = b[i];

      for (guint k = 0; k < i; k++)
        s -= l[i * n + k] * b[k];
      b[i] = s / l[i * n + i];
    }
  for (guint ii = n; ii-- > 0;)
    {
      double s = b[ii];

      for (guint k = ii + 1; k < n; k++)
        s -= l[k * n + ii] * b[k];
      b[ii] = s / l[ii * n + ii];
    }
}

gboolean
cc_eis_spd_invert (double *a, guint n)
{
  g_autofree double *l = g_memdup2 (a, sizeof (double) * n * n);
  g_autofree double *col = g_new (double, n);

  if (!cc_eis_cholesky (l, n))
    return FALSE;
  for (guint j = 0; j < n; j++)
    {
      memset (col, 0, sizeof (double) * n);
      col[j] = 1.0;
      cc_eis_cholesky_solve (l, n, col);
      for (guint i = 0; i < n; i++)
        a[i * n + j] = col[i];
    }
  return TRUE;
}

gboolean
cc_eis_lstsq_qr (double *a, guint m, guint n, double *b, double *x)
{
  double max_diag = 0;

  g_return_val_if_fail (m >= n, FALSE);
  for (guint k = 0; k < n; k++)
    {
      double norm = 0, alpha, vkk, s;

      for (guint i = k; i < m; i++)
        norm += a[i * n + k] * a[i * n + k];
      norm = sqrt (norm);
      if (norm == 0)
        return FALSE;
      alpha = a[k * n + k] > 0 ? -norm : norm;
      vkk = a[k * n + k] - alpha;
      a[k * n + k] = vkk;
      /* v = (vkk, a[k+1..m-1][k]); apply H = I - 2 v v^T / |v|^2. */
      s = vkk * vkk;
      for (guint i = k + 1; i < m; i++)
        s += a[i * n + k] * a[i * n + k];
      for (guint j = k + 1; j < n; j++)
        {
          double dot = 0;

          for (guint i = k; i < m; i++)
            dot += a[i * n + k] * a[i * n + j];
          dot = 2.0 * dot / s;
          for (guint i = k; i < m; i++)
            a[i * n + j] -= dot * a[i * n + k];
        }
      {
        double dot = 0;

        for (guint i = k; i < m; i++)
          dot += a[i * n + k] * b[i];
        dot = 2.0 * dot / s;
        for (guint i = k; i < m; i++)
          b[i] -= dot * a[i * n + k];
      }
      a[k * n + k] = alpha;   /* R's diagonal */
      max_diag = MAX (max_diag, fabs (alpha));
    }
  for (guint kk = n; kk-- > 0;)
    {
      double sum = b[kk];

      if (fabs (a[kk * n + kk]) <= 1e-14 * max_diag)
        return FALSE;
      for (guint j = kk + 1; j < n; j++)
        sum -= a[kk * n + j] * x[j];
      x[kk] = sum / a[kk * n + kk];
    }
  return TRUE;
}

/* Solves the unconstrained problem on the passive set P: H_PP z_P = g_P. */
static gboolean
solve_passive (const double *h, const double *g, guint n, const gboolean *passive,
               guint *idx, double *sub, double *z)
{
  guint np = 0;

  for (guint i = 0; i < n; i++)
    {
      z[i] = 0;
      if (passive[i])
        idx[np++] = i;
    }
  if (np == 0)
    return TRUE;
  for (guint r = 0; r < np; r++)
    for (guint c = 0; c < np; c++)
      sub[r * np + c] = h[idx[r] * n + idx[c]];
  if (!cc_eis_cholesky (sub, np))
    return FALSE;
  {
    g_autofree double *rhs = g_new (double, np);

    for (guint r = 0; r < np; r++)
      rhs[r] = g[idx[r]];
    cc_eis_cholesky_solve (sub, np, rhs);
    for (guint r = 0; r < np; r++)
      z[idx[r]] = rhs[r];
  }
  return TRUE;
}

gboolean
cc_eis_nnls_gram (const double *h, const double *g, guint n, double *x)
{
  g_autofree gboolean *passive = g_new0 (gboolean, n);
  g_autofree guint *idx = g_new (guint, n);
  g_autofree double *sub = g_new (double, (gsize) n * n);
  g_autofree double *z = g_new (double, n);
  g_autofree double *w = g_new (double, n);
  double gmax = 0, tol;
  guint outer = 0;

  for (guint i = 0; i < n; i++)
    {
      x[i] = 0;
      gmax = MAX (gmax, fabs (g[i]));
    }
  tol = 1e-12 * MAX (gmax, 1e-300);

  while (outer++ < 3 * n + 10)
    {
      guint best = G_MAXUINT;
      double wbest = tol;

      /* w = g - H x: the negative gradient; a zero variable with w > 0
       * would lower the objective if it were allowed to grow. */
      for (guint i = 0; i < n; i++)
        {
          double s = g[i];

          for (guint j = 0; j < n; j++)
            s -= h[i * n + j] * x[j];
          w[i] = s;
          if (!passive[i] && s > wbest)
            {
              wbest = s;
              best = i;
            }
        }
      if (best == G_MAXUINT)
        return TRUE;
      passive[best] = TRUE;

      for (guint inner = 0; inner <= n; inner++)
        {
          double alpha = 1.0;
          guint limiting = G_MAXUINT;
          gboolean feasible = TRUE;

          if (!solve_passive (h, g, n, passive, idx, sub, z))
            return FALSE;
          for (guint i = 0; i < n; i++)
            if (passive[i] && z[i] <= 0)
              {
                feasible = FALSE;
                if (x[i] - z[i] > 0 && x[i] / (x[i] - z[i]) < alpha)
                  {
                    alpha = x[i] / (x[i] - z[i]);
                    limiting = i;
                  }
              }
          if (feasible)
            {
              memcpy (x, z, sizeof (double) * n);
              break;
            }
          /* Step towards z until the first passive variable hits zero,
           * then release the variables that reached it. */
          for (guint i = 0; i < n; i++)
            {
              if (!passive[i])
                continue;
              x[i] += alpha * (z[i] - x[i]);
              if (i == limiting || x[i] <= 0)
                {
                  x[i] = 0;
                  passive[i] = FALSE;
                }
            }
        }
    }
  return TRUE;
}

int
cc_eis_compare_doubles (const double *a,
                        const double *b,
                        gpointer      unused)
{
  return (*a > *b) - (*a < *b);
}
