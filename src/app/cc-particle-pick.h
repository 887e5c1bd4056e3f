/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CPU ray picking of particles, with the same cut-plane rule as the GPU
 * shaders: the part of a sphere beyond the plane is gone, and a cut sphere
 * shows its flat cross-section.
 */
#pragma once

#include <glib.h>
#include "cc-packing.h"

G_BEGIN_DECLS

/* Keeps the half-space coordinate[axis] <= position. */
typedef struct {
  gboolean enabled;
  guint    axis;       /* 0 x, 1 y, 2 z */
  double   position;   /* µm */
} CcCutPlane;

gboolean cc_cut_plane_keeps (const CcCutPlane *cut,
                             const double      point[3]);

/* The index of the nearest particle the ray (dir normalized) hits, -1 for
 * none; *t gets the distance along the ray. Spheres around the origin are
 * skipped, as the renderer skips them. */
int      cc_particle_pick   (const CcParticle *particles,
                             guint             n,
                             const double      origin[3],
                             const double      dir[3],
                             const CcCutPlane *cut,
                             double           *t);

G_END_DECLS
