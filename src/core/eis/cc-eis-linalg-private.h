/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The small dense linear algebra the EIS analysis needs: Cholesky for the
 * Levenberg-Marquardt normal equations and covariances, Householder QR for
 * the ill-conditioned Kramers-Kronig least squares, and a non-negative
 * quadratic solver for the DRT. Matrices are row-major, a[i * cols + j].
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* In-place Cholesky factor (lower triangle) of a symmetric positive
 * definite n x n matrix. FALSE if a pivot is not positive. */
gboolean cc_eis_cholesky        (double *a, guint n);
/* Solves L L^T x = b in place (b becomes x), L from cc_eis_cholesky. */
void     cc_eis_cholesky_solve  (const double *l, guint n, double *b);
/* Inverse of a symmetric positive definite matrix, in place. */
gboolean cc_eis_spd_invert      (double *a, guint n);

/* Least squares min |A x - b| by Householder QR (m >= n). A and b are
 * overwritten. FALSE if A is rank deficient to working precision. */
gboolean cc_eis_lstsq_qr        (double *a, guint m, guint n, double *b, double *x);

/* min 1/2 x^T H x - g^T x subject to x >= 0, for symmetric positive
 * definite H (the normal equations of a regularised least-squares problem):
 * the Lawson-Hanson active-set method in the Gram-matrix form of Bro & de
 * Jong, J. Chemometrics 11, 393 (1997). x is the output. */
gboolean cc_eis_nnls_gram       (const double *h, const double *g, guint n, double *x);

/* Ascending order of doubles, for g_qsort_with_data. */
int      cc_eis_compare_doubles (const double *a, const double *b, gpointer unused);

G_END_DECLS
