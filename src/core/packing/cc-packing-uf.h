/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Union–find (disjoint sets) with union by size and path halving: near
 * constant time per operation, for percolation on contact graphs.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint *parent;
  guint *size;
  guint  n;
} CcUnionFind;

static inline void
cc_uf_init (CcUnionFind *uf,
            guint        n)
{
  uf->n = n;
  uf->parent = g_new (guint, MAX (n, 1));
  uf->size = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      uf->parent[i] = i;
      uf->size[i] = 1;
    }
}

static inline void
cc_uf_clear (CcUnionFind *uf)
{
  g_clear_pointer (&uf->parent, g_free);
  g_clear_pointer (&uf->size, g_free);
  uf->n = 0;
}

static inline guint
cc_uf_find (CcUnionFind *uf,
            guint        x)
{
  while (uf->parent[x] != x)
    {
      uf->parent[x] = uf->parent[uf->parent[x]];
      x = uf->parent[x];
    }
  return x;
}

static inline void
cc_uf_union (CcUnionFind *uf,
             guint        a,
             guint        b)
{
  a = cc_uf_find (uf, a);
  b = cc_uf_find (uf, b);
  if (a == b)
    return;
  if (uf->size[a] < uf->size[b])
    {
      guint t = a;
      a = b;
      b = t;
    }
  uf->parent[b] = a;
  uf->size[a] += uf->size[b];
}

static inline gboolean
cc_uf_same (CcUnionFind *uf,
            guint        a,
            guint        b)
{
  return cc_uf_find (uf, a) == cc_uf_find (uf, b);
}

G_END_DECLS
