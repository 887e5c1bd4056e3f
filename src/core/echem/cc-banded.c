/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-banded.h"

#include <math.h>
#include <string.h>

/* Band storage as in LAPACK: A[i, j] lives at ab[(kl + ku + i - j) + j * ld];
 * the first kl rows are room for the fill-in that row interchanges create. */
#define AB(s, i, j) ((s)->ab[((s)->kl + (s)->ku + (i) - (j)) + (gsize) (j) * (s)->ld])

CcBanded *
cc_banded_new (guint n,
               guint kl,
               guint ku)
{
  CcBanded *self = g_new0 (CcBanded, 1);

  self->n = n;
  self->kl = kl;
  self->ku = ku;
  self->ld = 2 * kl + ku + 1;
  self->ab = g_new0 (double, (gsize) self->ld * n);
  self->ipiv = g_new0 (guint, n);
  return self;
}

void
cc_banded_free (CcBanded *self)
{
  if (self == NULL)
    return;
  g_free (self->ab);
  g_free (self->ipiv);
  g_free (self);
}

void
cc_banded_zero (CcBanded *self)
{
  memset (self->ab, 0, sizeof (double) * self->ld * self->n);
}

void
cc_banded_add (CcBanded *self,
               guint     row,
               guint     col,
               double    v)
{
  g_assert (row < self->n && col < self->n);
  g_assert (row <= col + self->kl && col <= row + self->ku);
  AB (self, row, col) += v;
}

double
cc_banded_get (const CcBanded *self,
               guint           row,
               guint           col)
{
  if (row > col + self->kl || col > row + self->ku + self->kl)
    return 0;
  return AB (self, row, col);
}

static void
swap_rows (CcBanded *self,
           guint     r1,
           guint     r2,
           guint     from_col,
           guint     to_col)
{
  for (guint j = from_col; j <= to_col; j++)
    {
      double t = AB (self, r1, j);
      AB (self, r1, j) = AB (self, r2, j);
      AB (self, r2, j) = t;
    }
}

gboolean
cc_banded_factor (CcBanded *self)
{
  guint n = self->n, kl = self->kl, ku = self->ku;

  for (guint j = 0; j < n; j++)
    {
      guint last_row = MIN (n - 1, j + kl);
      guint last_col = MIN (n - 1, j + kl + ku);
      guint p = j;
      double best = fabs (AB (self, j, j));

      for (guint i = j + 1; i <= last_row; i++)
        if (fabs (AB (self, i, j)) > best)
          {
            best = fabs (AB (self, i, j));
            p = i;
          }
      self->ipiv[j] = p;
      /* A zero (or non-finite) pivot: singular in floating point. */
      if (!(best > 0) || !isfinite (best))
        return FALSE;
      if (p != j)
        swap_rows (self, p, j, j, last_col);

      for (guint i = j + 1; i <= last_row; i++)
        {
          double l = AB (self, i, j) / AB (self, j, j);

          AB (self, i, j) = l;
          if (l == 0)
            continue;
          for (guint c = j + 1; c <= last_col; c++)
            AB (self, i, c) -= l * AB (self, j, c);
        }
    }
  return TRUE;
}

void
cc_banded_solve (const CcBanded *self,
                 double         *b)
{
  guint n = self->n, kl = self->kl, ku = self->ku;

  for (guint j = 0; j < n; j++)
    {
      guint p = self->ipiv[j];
      guint last_row = MIN (n - 1, j + kl);

      if (p != j)
        {
          double t = b[p];
          b[p] = b[j];
          b[j] = t;
        }
      for (guint i = j + 1; i <= last_row; i++)
        b[i] -= AB (self, i, j) * b[j];
    }
  for (guint jj = n; jj-- > 0;)
    {
      guint last_col = MIN (n - 1, jj + kl + ku);
      double s = b[jj];

      for (guint c = jj + 1; c <= last_col; c++)
        s -= AB (self, jj, c) * b[c];
      b[jj] = s / AB (self, jj, jj);
    }
}
