/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-particle-pick.h"

#include <math.h>

gboolean
cc_cut_plane_keeps (const CcCutPlane *cut,
                    const double      point[3])
{
  return cut == NULL || !cut->enabled || point[cut->axis] <= cut->position;
}

/* Distance to the visible surface of one sphere, or -1. */
static double
hit_sphere (const CcParticle *p,
            const double      origin[3],
            const double      dir[3],
            const CcCutPlane *cut)
{
  double oc[3] = { origin[0] - p->x, origin[1] - p->y, origin[2] - p->z };
  double b = oc[0] * dir[0] + oc[1] * dir[1] + oc[2] * dir[2];
  double c = oc[0] * oc[0] + oc[1] * oc[1] + oc[2] * oc[2] - (double) p->radius * p->radius;
  double disc = b * b - c, h, t0, t1, hit[3];

  if (c <= 0 || disc < 0)
    return -1;
  h = sqrt (disc);
  t0 = -b - h;
  t1 = -b + h;
  if (t0 < 0)
    return -1;
  for (guint i = 0; i < 3; i++)
    hit[i] = origin[i] + t0 * dir[i];
  if (cc_cut_plane_keeps (cut, hit))
    return t0;
  /* The front surface is cut away: the ray may still meet the cap. */
  if (fabs (dir[cut->axis]) < 1e-12)
    return -1;
  {
    double tp = (cut->position - origin[cut->axis]) / dir[cut->axis];
    return tp >= t0 && tp <= t1 ? tp : -1;
  }
}

int
cc_particle_pick (const CcParticle *particles,
                  guint             n,
                  const double      origin[3],
                  const double      dir[3],
                  const CcCutPlane *cut,
                  double           *t)
{
  int best = -1;
  double best_t = INFINITY;

  for (guint i = 0; i < n; i++)
    {
      double ti = hit_sphere (&particles[i], origin, dir, cut);
      if (ti >= 0 && ti < best_t)
        {
          best_t = ti;
          best = i;
        }
    }
  if (t != NULL)
    *t = best >= 0 ? best_t : -1;
  return best;
}
