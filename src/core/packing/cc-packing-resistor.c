/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-packing-resistor.h"
#include "cc-packing-uf.h"

#include <math.h>
#include <string.h>

void
cc_resistor_network_init (CcResistorNetwork *net,
                          guint              n_nodes)
{
  net->n_nodes = n_nodes;
  net->edges = g_array_new (FALSE, FALSE, sizeof (CcResistorEdge));
  net->g_top = g_new0 (double, MAX (n_nodes, 1));
  net->g_bottom = g_new0 (double, MAX (n_nodes, 1));
}

void
cc_resistor_network_clear (CcResistorNetwork *net)
{
  g_clear_pointer (&net->edges, g_array_unref);
  g_clear_pointer (&net->g_top, g_free);
  g_clear_pointer (&net->g_bottom, g_free);
  net->n_nodes = 0;
}

void
cc_resistor_network_add (CcResistorNetwork *net,
                         guint              a,
                         guint              b,
                         double             g)
{
  CcResistorEdge e = { a, b, g };

  g_return_if_fail (a < net->n_nodes && b < net->n_nodes && a != b);
  if (g > 0 && isfinite (g))
    g_array_append_val (net->edges, e);
}

/* The matrix in compressed rows, over the solved nodes only. */
typedef struct {
  guint   n;
  guint  *row;      /* n + 1 */
  guint  *col;
  double *val;
  double *diag;
} Csr;

static void
csr_clear (Csr *m)
{
  g_free (m->row);
  g_free (m->col);
  g_free (m->val);
  g_free (m->diag);
}

static void
csr_multiply (const Csr    *m,
              const double *x,
              double       *y)
{
  for (guint i = 0; i < m->n; i++)
    {
      double s = m->diag[i] * x[i];

      for (guint q = m->row[i]; q < m->row[i + 1]; q++)
        s += m->val[q] * x[m->col[q]];
      y[i] = s;
    }
}

static double
dot (const double *a,
     const double *b,
     guint         n)
{
  double s = 0;

  for (guint i = 0; i < n; i++)
    s += a[i] * b[i];
  return s;
}

/* Marks the nodes a conducting path links to a terminal; returns how many,
 * and numbers them in index[] (G_MAXUINT for the others). */
static guint
solvable_nodes (const CcResistorNetwork *net,
                guint                   *index)
{
  CcUnionFind uf;
  guint terminal = net->n_nodes, count = 0;

  cc_uf_init (&uf, net->n_nodes + 1);
  for (guint k = 0; k < net->edges->len; k++)
    {
      const CcResistorEdge *e = &g_array_index (net->edges, CcResistorEdge, k);
      cc_uf_union (&uf, e->a, e->b);
    }
  for (guint i = 0; i < net->n_nodes; i++)
    if (net->g_top[i] > 0 || net->g_bottom[i] > 0)
      cc_uf_union (&uf, i, terminal);
  for (guint i = 0; i < net->n_nodes; i++)
    index[i] = cc_uf_same (&uf, i, terminal) ? count++ : G_MAXUINT;
  cc_uf_clear (&uf);
  return count;
}

static void
build_matrix (const CcResistorNetwork *net,
              const guint             *index,
              guint                    n,
              Csr                     *m,
              double                  *rhs)
{
  g_autofree guint *fill = NULL;

  m->n = n;
  m->row = g_new0 (guint, n + 1);
  m->diag = g_new0 (double, MAX (n, 1));
  for (guint k = 0; k < net->edges->len; k++)
    {
      const CcResistorEdge *e = &g_array_index (net->edges, CcResistorEdge, k);

      if (index[e->a] == G_MAXUINT)
        continue;
      m->row[index[e->a] + 1]++;
      m->row[index[e->b] + 1]++;
    }
  for (guint i = 0; i < n; i++)
    m->row[i + 1] += m->row[i];
  m->col = g_new (guint, MAX (m->row[n], 1));
  m->val = g_new (double, MAX (m->row[n], 1));
  fill = g_memdup2 (m->row, (n + 1) * sizeof (guint));
  for (guint k = 0; k < net->edges->len; k++)
    {
      const CcResistorEdge *e = &g_array_index (net->edges, CcResistorEdge, k);
      guint a = index[e->a], b = index[e->b];

      if (a == G_MAXUINT)
        continue;
      m->col[fill[a]] = b;
      m->val[fill[a]++] = -e->g;
      m->col[fill[b]] = a;
      m->val[fill[b]++] = -e->g;
      m->diag[a] += e->g;
      m->diag[b] += e->g;
    }
  for (guint i = 0; i < net->n_nodes; i++)
    if (index[i] != G_MAXUINT)
      {
        m->diag[index[i]] += net->g_top[i] + net->g_bottom[i];
        rhs[index[i]] = net->g_top[i];
      }
}

/* Jacobi-preconditioned conjugate gradients (Saad, Iterative Methods for
 * Sparse Linear Systems, alg. 9.1). */
static void
pcg (const Csr        *m,
     const double     *b,
     double           *x,
     double            tolerance,
     CcResistorResult *res)
{
  guint n = m->n, max_iter = 20 * n + 100;
  g_autofree double *r = g_new (double, MAX (n, 1));
  g_autofree double *z = g_new (double, MAX (n, 1));
  g_autofree double *p = g_new (double, MAX (n, 1));
  g_autofree double *q = g_new (double, MAX (n, 1));
  double bnorm = sqrt (dot (b, b, n)), rz;

  res->iterations = 0;
  res->residual = 0;
  if (bnorm == 0)
    {
      memset (x, 0, n * sizeof (double));
      return;
    }
  /* start halfway between the terminals */
  for (guint i = 0; i < n; i++)
    x[i] = 0.5;
  csr_multiply (m, x, q);
  for (guint i = 0; i < n; i++)
    {
      r[i] = b[i] - q[i];
      z[i] = r[i] / m->diag[i];
      p[i] = z[i];
    }
  rz = dot (r, z, n);
  for (guint it = 0; it < max_iter; it++)
    {
      double alpha, beta, rz_new, rnorm = sqrt (dot (r, r, n));

      res->residual = rnorm / bnorm;
      res->iterations = it;
      if (res->residual < tolerance)
        return;
      csr_multiply (m, p, q);
      alpha = rz / dot (p, q, n);
      for (guint i = 0; i < n; i++)
        {
          x[i] += alpha * p[i];
          r[i] -= alpha * q[i];
          z[i] = r[i] / m->diag[i];
        }
      rz_new = dot (r, z, n);
      beta = rz_new / rz;
      rz = rz_new;
      for (guint i = 0; i < n; i++)
        p[i] = z[i] + beta * p[i];
    }
}

gboolean
cc_resistor_network_solve (const CcResistorNetwork *net,
                           double                  *potential,
                           double                   tolerance,
                           CcResistorResult        *result)
{
  g_autofree guint *index = g_new (guint, MAX (net->n_nodes, 1));
  g_autofree double *rhs = NULL, *x = NULL;
  Csr m = { 0 };
  guint n;

  memset (result, 0, sizeof *result);
  n = solvable_nodes (net, index);
  result->solved_nodes = n;
  rhs = g_new0 (double, MAX (n, 1));
  x = g_new0 (double, MAX (n, 1));
  build_matrix (net, index, n, &m, rhs);
  pcg (&m, rhs, x, tolerance, result);
  for (guint i = 0; i < net->n_nodes; i++)
    {
      double v = index[i] != G_MAXUINT ? x[index[i]] : 0.0;

      if (potential)
        potential[i] = v;
      if (index[i] != G_MAXUINT)
        {
          result->current_top += net->g_top[i] * (1.0 - v);
          result->current_bottom += net->g_bottom[i] * v;
        }
    }
  csr_clear (&m);
  return result->residual < tolerance || n == 0;
}
