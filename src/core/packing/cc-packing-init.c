/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Particles from a recipe: how many of each species, and their radii drawn
 * by stratified quantiles of a truncated log-normal distribution, so even a
 * species with a few dozen particles has exactly the intended distribution.
 */
#include "cc-packing-private.h"
#include "cc-packing-rng.h"

#include <math.h>

/* The log-normal size distribution is truncated at d50 e^{±Zc σ} (95 % of
 * its mass for Zc = 2): the far tails would add a handful of giant or dust
 * particles that a 10,000-particle box cannot represent. */
#define TRUNCATION_Z 2.0

/* The upper cut of a species' distribution in standard deviations: TRUNCATION_Z,
 * or lower where a thin layer caps the diameter at d_max_um. */
double
cc_species_upper_z (const CcSpecies *sp)
{
  if (sp->d_max_um > 0 && sp->spread > 0 && sp->d50_um > 0)
    return CLAMP (log (sp->d_max_um / sp->d50_um) / sp->spread, 1.0 - TRUNCATION_Z, TRUNCATION_Z);
  return TRUNCATION_Z;
}

guint64
cc_pair_key (guint i,
             guint j)
{
  return i < j ? ((guint64) i << 32) | j : ((guint64) j << 32) | i;
}

/* E[π/6 d³] for ln d ~ N(ln d50, σ²) truncated to -Zc <= z <= Zu (Zu the
 * species' upper cut, cc_species_upper_z). */
double
cc_packing_truncated_mean_volume (const CcSpecies *sp)
{
  double s = sp->spread, v50 = G_PI / 6.0 * pow (sp->d50_um, 3), zu = cc_species_upper_z (sp);
  double mass;

  if (s <= 0)
    return v50;
  mass = cc_normal_cdf (zu) - cc_normal_cdf (-TRUNCATION_Z);
  return v50 * exp (4.5 * s * s) *
         (cc_normal_cdf (zu - 3 * s) - cc_normal_cdf (-TRUNCATION_Z - 3 * s)) / mass;
}

/* Numbers per species in proportion to volume fraction / mean volume,
 * rounded by largest remainder so they add up to n exactly; every species
 * with a volume fraction gets at least one particle. */
guint *
cc_packing_species_counts (const CcPackingParams *p)
{
  guint ns = p->n_species, assigned = 0;
  g_autofree double *share = g_new0 (double, ns);
  guint *count = g_new0 (guint, ns);
  double total = 0;

  for (guint k = 0; k < ns; k++)
    {
      /* spheres of an agglomerate species hold less material than their volume */
      share[k] = p->species[k].volume_fraction / cc_species_solid_content (&p->species[k]) /
                 cc_packing_truncated_mean_volume (&p->species[k]);
      total += share[k];
    }
  for (guint k = 0; k < ns; k++)
    {
      share[k] *= p->n_particles / total;
      count[k] = (guint) floor (share[k]);
      if (count[k] == 0 && p->species[k].volume_fraction > 0)
        count[k] = 1;
      assigned += count[k];
    }
  while (assigned < p->n_particles)
    {
      guint best = 0;
      double best_rem = -1;

      for (guint k = 0; k < ns; k++)
        if (p->species[k].volume_fraction > 0 && share[k] - count[k] > best_rem)
          {
            best_rem = share[k] - count[k];
            best = k;
          }
      count[best]++;
      assigned++;
    }
  while (assigned > p->n_particles)
    {
      guint best = 0;

      for (guint k = 0; k < ns; k++)
        if (count[k] > count[best])
          best = k;
      count[best]--;
      assigned--;
    }
  return count;
}

void
cc_packing_draw_radii (const CcPackingParams *p,
                       const guint           *counts,
                       double                *rad,
                       guint16               *species)
{
  guint at = 0;
  double lo = cc_normal_cdf (-TRUNCATION_Z);

  for (guint k = 0; k < p->n_species; k++)
    {
      const CcSpecies *sp = &p->species[k];
      double hi = cc_normal_cdf (cc_species_upper_z (sp));

      for (guint i = 0; i < counts[k]; i++)
        {
          double u = lo + (i + 0.5) / counts[k] * (hi - lo);
          double z = sp->spread > 0 ? cc_normal_quantile (u) : 0.0;

          rad[at] = 0.5 * sp->d50_um * exp (sp->spread * z);
          species[at] = (guint16) k;
          at++;
        }
    }
}

double
cc_packing_material_volume (const CcPacking *self,
                            guint            i)
{
  return 4.0 / 3.0 * G_PI * pow (self->rad0[i], 3) *
         cc_species_solid_content (&self->params->species[self->species[i]]);
}

/* Volume of the part of a sphere (centre z, radius r) between heights a < b. */
static double
slice_volume (double z,
              double r,
              double a,
              double b)
{
  double u0 = MAX (a, z - r) - z, u1 = MIN (b, z + r) - z;

  if (u1 <= u0)
    return 0;
  return G_PI * ((r * r * u1 - u1 * u1 * u1 / 3) - (r * r * u0 - u0 * u0 * u0 / 3));
}

/* Each sphere contributes its slice within the slab, scaled by its material
 * volume over its sphere volume (plastic spheres that grew to keep their
 * volume overlap their neighbours by the difference; agglomerates hold
 * their solid content). */
double
cc_packing_bulk_fraction (const CcPacking *self,
                          double           margin)
{
  const double *pos = self->pos, *rad = self->rad, *rad0 = self->rad0, *box = self->box;
  double a = margin, b = box[2] - margin, v = 0;

  if (b <= a)
    return 0;
  for (guint i = 0; i < self->n; i++)
    {
      double scale = pow (rad0[i] / rad[i], 3) *
                     cc_species_solid_content (&self->params->species[self->species[i]]);

      v += scale * slice_volume (pos[3 * i + 2], rad[i], a, b);
    }
  return v / (box[0] * box[1] * (b - a));
}
