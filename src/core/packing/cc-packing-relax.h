/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Damped-dynamics energy minimisation of interacting spheres with FIRE 2.0
 * (Bitzek et al., PRL 97, 170201 (2006); Guénolé et al., Comput. Mater. Sci.
 * 175, 109584 (2020)): semi-implicit Euler with velocity mixing towards the
 * force, adaptive time step and a half step back on uphill motion.
 *
 * The pair force law is a kernel supplied by the caller (harmonic overlap for
 * jamming, Hertz / plastic contacts for compaction). Forces are computed in
 * parallel: each thread owns a range of spheres balanced by pair count and
 * writes into its own force buffer; the buffers are summed in a fixed order,
 * so the result depends on the thread count but not on timing.
 */
#pragma once

#include "cc-packing-nlist.h"

G_BEGIN_DECLS

typedef struct {
  double energy;
  double max_overlap;      /* largest (r_i + r_j - d) / (r_i + r_j); walls: (r - gap) / r */
  double sum_overlap;      /* sum of relative overlaps over overlapping pairs */
  guint  overlaps;         /* number of overlapping pairs */
  double wall_force[2];    /* force on the wall at z = 0 and at z = Lz, pushing outwards */
} CcRelaxStats;

typedef struct _CcRelax CcRelax;

/* Computes the forces of the pairs owned by spheres [begin, end) and of
 * their walls into f (3 n, already zeroed where written) and adds to st. */
typedef void (*CcPairKernel) (CcRelax      *relax,
                              guint         begin,
                              guint         end,
                              double       *f,
                              CcRelaxStats *st,
                              gpointer      data);

struct _CcRelax {
  CcSpheres     s;            /* borrowed arrays; box owned here */
  CcNlist       nl;
  CcPool       *pool;
  guint         n_threads;
  double        skin;
  double       *vel;          /* 3 n */
  double       *force;        /* 3 n: the total force after cc_relax_forces */
  double      **tforce;       /* per thread >= 1 */
  guint        *tlo, *thi;    /* per thread: written index range of its buffer */
  guint        *split;        /* n_threads + 1 sphere boundaries */
  double       *inv_mass;     /* n, or NULL for unit masses */
  CcPairKernel  kernel;
  gpointer      kernel_data;
  CcRelaxStats  stats;
  CcRelaxStats *tstats;
  /* FIRE state */
  double        dt, dt_max, dt_min, alpha;
  guint         n_positive;
  guint         steps;
  double        power_sums[5]; /* f·v, m v·v, f·f/m, f·f, Σ f_z z */
  double       *tsums;         /* 5 per thread */
  double       *tdisp;         /* 2 per thread: largest two displacements */
  gboolean      touched;       /* moved or resized from outside since the last forces */
  /* Optional piston: the wall at z = Lz becomes a degree of freedom loaded
   * by piston_load; moving it rescales all heights affinely (as in
   * variable-cell minimisation), so the whole column follows at once. */
  gboolean      piston;
  double        piston_load;       /* µN (pressure × area) */
  double        piston_inv_mass;
  double        piston_vel;
  double        piston_force;      /* net generalised force on Lz */
  double        piston_max_strain; /* largest |ΔLz|/Lz per step */
};

void  cc_relax_init       (CcRelax      *self,
                           guint         n,
                           double       *pos,
                           double       *rad,
                           const double  box[3],
                           double        skin,
                           CcPool       *pool);
void  cc_relax_clear      (CcRelax      *self);
void  cc_relax_set_kernel (CcRelax      *self,
                           CcPairKernel  kernel,
                           gpointer      data);
/* Restarts FIRE (zero velocities, initial time step). */
void  cc_relax_restart    (CcRelax      *self,
                           double        dt_init,
                           double        dt_max);
/* Forces and stats at the current positions (rebuilds the list if needed). */
void  cc_relax_forces     (CcRelax      *self);
/* One FIRE step from current forces to new positions, then new forces. */
void  cc_relax_step       (CcRelax      *self);
/* Force the neighbour list to be rebuilt at the next force evaluation. */
void  cc_relax_invalidate (CcRelax      *self);
/* Call after moving or resizing spheres from outside the minimiser. */
void  cc_relax_touch      (CcRelax      *self);
/* The scaled FIRE is mass-weighted: the velocity is mixed towards M⁻¹f with
 * norms in the metric of M, i.e. FIRE on √M x, which makes per-sphere
 * masses act as a diagonal preconditioner. */

/* Root mean square of the force per sphere. */
double cc_relax_force_rms (CcRelax      *self);

G_END_DECLS
