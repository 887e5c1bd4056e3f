/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Jamming of hard spheres through soft-sphere energy minimisation ("jamming
 * from above", O'Hern, Silbert, Liu and Nagel, PRE 68, 011306 (2003)):
 *
 *  1. spheres are placed at random, overlapping, at a solid fraction well
 *     above jamming (0.9);
 *  2. they repel through a harmonic overlap potential and FIRE minimises the
 *     energy while all radii shrink by a common factor, at most `rate` per
 *     step, until the mean overlap per sphere settles at 1e-2 on a
 *     mechanically stable network (a jammed state slightly above threshold);
 *  3. further stages bring the mean overlap to 1e-3, 1e-4 and 1e-5, which
 *     walks the same network down to the jamming threshold;
 *  4. a final common shrink by the largest remaining relative overlap (about
 *     4e-5) makes the packing strictly overlap-free.
 *
 * When the packing is pressed afterwards, the jammed state is only the start
 * of the compaction, which deforms every contact by percent strains: the
 * caller may then stop at a mean overlap of 1e-4 (`final_overlap`), a few
 * hundred steps sooner; the final shrink is then about 1e-4.
 *
 * A slower rate lets the structure rearrange while it decompresses and packs
 * denser: 10,000 monodisperse spheres reach a bulk φ of 0.638 at rate 4e-4
 * (about 650 steps), 0.641 at 2e-4 (1,200 steps), 0.643 at 1e-4, still
 * amorphous (bond order Q6 ≈ 0.05). A random start and minimisation (not
 * growth by insertion, not a lattice) make it a genuine jamming algorithm,
 * and the outcome is deterministic for a given start and thread count.
 */
#pragma once

#include <gio/gio.h>
#include "cc-packing-pool.h"

G_BEGIN_DECLS

typedef void (*CcJamReport) (gpointer      data,
                             double        fraction,
                             const double *pos,
                             double        scale);

typedef struct {
  /* in */
  guint          n;
  double        *pos;           /* 3 n, in the box; updated in place */
  const double  *radius;        /* n; sphere i has radius scale * radius[i] */
  double         box[3];        /* periodic x, y; walls at z = 0 and box[2] */
  double         phi_start;     /* solid fraction of the random start (overlapping) */
  double         rate;          /* largest relative radius change per step */
  double         final_overlap; /* mean overlap of the last stage: 1e-5 (0), or 1e-4 */
  CcPool        *pool;
  GCancellable  *cancellable;
  CcJamReport    report;
  gpointer       report_data;
  /* out */
  double         scale;
  double         phi;
  double         max_overlap;   /* relative, after the final shrink (<= 0 means gaps only) */
  guint          steps;         /* FIRE steps in all */
  guint          minimisations;
  double         mean_radius;
  GArray        *contacts;      /* guint64 keys (i << 32 | j), i < j: pairs that
                                 * carried force before the final shrink */
} CcJam;

gboolean  cc_jam_run        (CcJam    *job,
                             GError  **error);
/* Solid fraction of spheres scale * radius in the box. */
double    cc_jam_phi        (const CcJam *job,
                             double       scale);

G_END_DECLS
