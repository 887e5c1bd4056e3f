/* SPDX-License-Identifier: GPL-3.0-or-later
 * Helpers shared by the packing tests. */
#pragma once

#include "cc-packing.h"

#include <math.h>

/* Packs a --spheres mixture without compaction (pure jamming). */
static inline CcPacking *
pack_spheres (const char *spec,
              guint       n,
              guint64     seed,
              double      pressure_MPa)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcPackingParams) p = cc_packing_params_from_spheres (spec, n, seed, &error);
  CcPacking *k;

  g_assert_no_error (error);
  p->pressure_MPa = pressure_MPa;
  p->stack_pressure_MPa = 0;
  p->threads = 1;
  k = cc_packing_run (p, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (k);
  return k;
}

/* Largest relative overlap (r_i + r_j - d) / (r_i + r_j) over all pairs of
 * the float particles, by brute force with the periodic images in x and y;
 * and the largest wall overlap relative to the radius. */
static inline double
brute_max_overlap (const CcPacking *k)
{
  guint n;
  const CcParticle *p = cc_packing_get_particles (k, &n);
  double lx, ly, lz, worst = -1;

  cc_packing_get_box (k, &lx, &ly, &lz);
  for (guint i = 0; i < n; i++)
    {
      worst = MAX (worst, (p[i].radius - p[i].z) / p[i].radius);
      worst = MAX (worst, (p[i].z + p[i].radius - lz) / p[i].radius);
      for (guint j = i + 1; j < n; j++)
        {
          double dx = p[j].x - p[i].x, dy = p[j].y - p[i].y, dz = p[j].z - p[i].z;
          double sum = p[i].radius + p[j].radius;

          dx -= lx * rint (dx / lx);
          dy -= ly * rint (dy / ly);
          worst = MAX (worst, (sum - sqrt (dx * dx + dy * dy + dz * dz)) / sum);
        }
    }
  return worst;
}
