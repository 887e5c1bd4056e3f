/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small banded linear solver (LU with partial pivoting, the algorithm of
 * LAPACK's dgbtf2) for the Newton systems of the porous-electrode model,
 * whose unknowns couple only to neighbouring control volumes.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint   n;        /* unknowns */
  guint   kl, ku;   /* sub- and super-diagonals of the matrix */
  guint   ld;       /* rows of band storage: 2 kl + ku + 1 */
  double *ab;       /* column-major band storage, ld x n */
  guint  *ipiv;
} CcBanded;

CcBanded *cc_banded_new   (guint n,
                           guint kl,
                           guint ku);
void      cc_banded_free  (CcBanded *self);
void      cc_banded_zero  (CcBanded *self);
/* Adds v to A[row, col]; (row, col) must lie inside the band. */
void      cc_banded_add   (CcBanded *self,
                           guint     row,
                           guint     col,
                           double    v);
double    cc_banded_get   (const CcBanded *self,
                           guint           row,
                           guint           col);
/* Factorises in place; FALSE when the matrix is singular (a zero pivot). */
gboolean  cc_banded_factor (CcBanded *self);
/* Solves A x = b in place after cc_banded_factor. */
void      cc_banded_solve  (const CcBanded *self,
                            double         *b);

G_END_DECLS
