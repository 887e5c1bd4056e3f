/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-packing-law.h"

#include <math.h>

static double
hardness_MPa (const CcSpecies *sp,
              double           temperature_C)
{
  double h = sp->hardness_GPa > 0 ? sp->hardness_GPa
                                  : sp->young_modulus_GPa / (sp->plastic ? 20.0 : 15.0);

  h *= 1000.0;
  if (sp->plastic && temperature_C > 25.0)
    h *= exp (-(temperature_C - 25.0) / CC_LAW_SOFTENING_K);
  return h;
}

static double
compliance (const CcSpecies *sp)
{
  return (1.0 - sp->poisson_ratio * sp->poisson_ratio) / (sp->young_modulus_GPa * 1000.0);
}

void
cc_contact_law_init (CcContactLaw          *law,
                     const CcPackingParams *params)
{
  guint n = params->n_species;

  law->n_species = n;
  law->pair = g_new0 (CcPairLaw, (gsize) n * n);
  law->wall = g_new0 (CcPairLaw, n);
  law->p_y = g_new0 (double, n);
  for (guint i = 0; i < n; i++)
    law->p_y[i] = hardness_MPa (&params->species[i], params->temperature_C);
  for (guint i = 0; i < n; i++)
    {
      const CcSpecies *a = &params->species[i];

      for (guint j = 0; j < n; j++)
        {
          const CcSpecies *b = &params->species[j];
          CcPairLaw *l = &law->pair[i * n + j];

          l->e_star = 1.0 / (compliance (a) + compliance (b));
          l->p_y = MIN (law->p_y[i], law->p_y[j]);
          /* Only plastic phases flow; between two, the softer flows, equal ones share. */
          if (a->plastic && b->plastic)
            l->flow_i = law->p_y[i] < law->p_y[j] ? 1.0 : law->p_y[i] > law->p_y[j] ? 0.0 : 0.5;
          else
            l->flow_i = a->plastic ? 1.0 : 0.0;
          l->junction = a->plastic || b->plastic;
        }
      law->wall[i].e_star = 1.0 / compliance (a);
      law->wall[i].p_y = law->p_y[i];
      law->wall[i].flow_i = a->plastic ? 1.0 : 0.0;
      law->wall[i].junction = a->plastic;
    }
}

void
cc_contact_law_clear (CcContactLaw *law)
{
  g_free (law->pair);
  g_free (law->wall);
  g_free (law->p_y);
  law->pair = law->wall = NULL;
  law->p_y = NULL;
}

double
cc_cap_volume (double r,
               double h)
{
  h = CLAMP (h, 0.0, 2.0 * r);
  return G_PI * h * h * (3.0 * r - h) / 3.0;
}

double
cc_lens_volume (double r1,
                double r2,
                double d)
{
  double s = r1 + r2 - d;

  if (s <= 0)
    return 0;
  if (d <= fabs (r1 - r2))
    {
      double r = MIN (r1, r2);
      return 4.0 / 3.0 * G_PI * r * r * r;
    }
  return G_PI * s * s * (d * d + 2 * d * (r1 + r2) - 3 * (r1 - r2) * (r1 - r2)) / (12.0 * d);
}
