/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Verlet neighbour lists built through a hierarchical cell grid (Ogarko and
 * Luding, Comput. Phys. Commun. 183, 931 (2012)), for spheres in a box that
 * is periodic in x and y and bounded by walls in z.
 *
 * Spheres are sorted into levels by radius (each level spans a factor of
 * two); every level has its own grid with cells one level-diameter wide.
 * A sphere finds its neighbours of the same level in the 27 cells around it.
 * Pairs of two levels are searched from the side that costs less: the many
 * small spheres each look into the 27 coarse cells around them, or the few
 * large ones each look into the fine cells within their reach (a handful of
 * cathode particles among thousands of electrolyte and carbon particles
 * search downwards; that is 3-10 times fewer cell visits and distance tests).
 * Either way a mixture with a size ratio of 50 costs no more per sphere than
 * a monodisperse packing: O(N) per build. A pair is stored once, under the
 * sphere that searched (the lower index within a level). The periodic
 * image of each pair is fixed when the list is built and packed with the
 * neighbour index, so the force loops need no minimum-image rounding.
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

#define CC_NLIST_MAX_LEVELS 8

typedef struct {
  guint     n[3];       /* cells per axis */
  double    size[3];    /* cell size per axis */
  double    r_max;      /* largest radius on this level */
  guint     count;      /* spheres on this level */
  guint    *start;      /* cells + 1 offsets into items */
  guint    *items;      /* the level's spheres, cell by cell */
  double   *coords;     /* x, y, z, r of items, in the same order (contiguous reads) */
  gsize     cells_alloc;
  gsize     items_alloc;
} CcNlistLevel;

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
  double    ref_r_max;     /* largest radius at the build */
  guint     builds;      /* 0 marks the list invalid */
  guint     total_builds;
  double    build_seconds;  /* wall time spent in builds (diagnostics) */
  /* the grids, one per level of radius */
  CcNlistLevel levels[CC_NLIST_MAX_LEVELS];
  guint     n_levels;
  guint8   *level_of;
  /* upward[a][b], a < b: the spheres of level a search level b (else the
   * spheres of b search a) */
  gboolean  upward[CC_NLIST_MAX_LEVELS][CC_NLIST_MAX_LEVELS];
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
/* The same test, given the two largest displacements (heights scaled to
 * the box at the build) as tracked by a minimiser: fresh when they fit in
 * the skin, else decided by checking the spheres that moved more than half
 * the skin against their neighbourhood. */
gboolean  cc_nlist_stale_after    (const CcNlist   *self,
                                   const CcSpheres *s,
                                   double           first,
                                   double           second);
/* Wraps x and y back into the box (call only just before a build). */
void      cc_spheres_wrap         (CcSpheres       *s);

G_END_DECLS
