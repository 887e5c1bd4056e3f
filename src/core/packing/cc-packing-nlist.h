/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Verlet neighbour lists built through a cell grid, for spheres in a box
 * that is periodic in x and y and bounded by walls in z.
 *
 * Each pair is stored once, under the larger sphere (ties: lower index), so a
 * sphere only searches cells within 2 r_i + skin of itself and small spheres
 * never scan the big neighbourhood of a large one: with a size ratio the
 * cost stays O(N). The periodic image of each pair is fixed when the list is
 * built and packed with the neighbour index, so the force loops need no
 * minimum-image rounding.
 */
#pragma once

#include <glib.h>
#include "cc-packing-pool.h"

G_BEGIN_DECLS

/* Particle coordinates and radii, structure of arrays except positions. */
typedef struct {
  guint    n;
  double   box[3];     /* Lx, Ly periodic; walls at z = 0 and z = Lz */
  double  *pos;        /* 3 n, x y z interleaved */
  double  *rad;        /* n */
} CcSpheres;

typedef struct {
  guint     n;
  guint    *start;     /* n + 1 offsets into nbr */
  guint32  *nbr;       /* (j << 4) | image code */
  gsize     capacity;
  double    skin;
  double    shift[9][2];  /* x, y offsets for each image code */
  double   *ref_pos;   /* positions and radii when the list was built */
  double   *ref_rad;
  double    ref_box[3];
  guint     builds;      /* 0 marks the list invalid */
  guint     total_builds;
  /* scratch for the cell grid */
  guint    *cell_of;
  guint    *cell_start;
  guint    *cell_items;
  gsize     n_cells_alloc;
  /* per-thread pair buffers during a parallel build */
  guint32 **tbuf;
  gsize    *tbuf_len;
  gsize    *tbuf_cap;
  guint     n_tbuf;
} CcNlist;

#define CC_NLIST_J(packed)    ((packed) >> 4)
#define CC_NLIST_CODE(packed) ((packed) & 15u)
/* The most particles a packed index can name. */
#define CC_NLIST_MAX_N        (1u << 28)

void      cc_nlist_init           (CcNlist         *self);
void      cc_nlist_clear          (CcNlist         *self);
/* Pairs closer than r_i + r_j + skin. */
void      cc_nlist_build          (CcNlist         *self,
                                   const CcSpheres *s,
                                   double           skin,
                                   CcPool          *pool);
/* TRUE when a pair might have come closer than the list guarantees, from
 * moves, radius changes or a change of box since the build. */
gboolean  cc_nlist_stale          (const CcNlist   *self,
                                   const CcSpheres *s);
/* A permutation that orders the spheres along a Morton (Z-order) curve of
 * cells about one mean diameter wide: neighbours in space become neighbours
 * in memory, which roughly halves the cost of the force loops. perm[k] is
 * the old index of the sphere that goes to place k. */
void      cc_spheres_spatial_order (const CcSpheres *s,
                                    guint           *perm);
/* Wraps x and y back into the box (call only just before a build). */
void      cc_spheres_wrap         (CcSpheres       *s);

G_END_DECLS
