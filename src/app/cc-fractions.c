/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-fractions.h"

#include <math.h>

void
cc_fractions_normalize (double *f,
                        guint   n)
{
  double sum = 0;

  g_return_if_fail (f != NULL || n == 0);

  for (guint i = 0; i < n; i++)
    {
      if (!isfinite (f[i]) || f[i] < 0)
        f[i] = 0;
      sum += f[i];
    }
  for (guint i = 0; i < n; i++)
    f[i] = sum > 0 ? f[i] / sum : 1.0 / n;
}

void
cc_fractions_set (double *f,
                  guint   n,
                  guint   index,
                  double  value)
{
  double others = 0, rest;

  g_return_if_fail (f != NULL);
  g_return_if_fail (index < n);

  if (n == 1)
    {
      f[0] = 1;
      return;
    }
  if (!isfinite (value))
    value = f[index];
  value = CLAMP (value, 0.0, 1.0);
  rest = 1.0 - value;

  for (guint i = 0; i < n; i++)
    if (i != index)
      others += MAX (f[i], 0.0);

  for (guint i = 0; i < n; i++)
    {
      if (i == index)
        f[i] = value;
      else if (others > 0)
        f[i] = MAX (f[i], 0.0) * rest / others;
      else
        f[i] = rest / (n - 1);
    }
}

static gboolean
densities_valid (const double *density,
                 guint         n)
{
  for (guint i = 0; i < n; i++)
    if (!isfinite (density[i]) || density[i] <= 0)
      return FALSE;
  return TRUE;
}

static gboolean
convert (const double *in,
         const double *density,
         guint         n,
         gboolean      divide,
         double       *out)
{
  g_autofree double *tmp = NULL;

  g_return_val_if_fail (n == 0 || (in != NULL && density != NULL && out != NULL), FALSE);

  if (!densities_valid (density, n))
    return FALSE;
  tmp = g_new (double, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    tmp[i] = divide ? in[i] / density[i] : in[i] * density[i];
  cc_fractions_normalize (tmp, n);
  for (guint i = 0; i < n; i++)
    out[i] = tmp[i];
  return TRUE;
}

gboolean
cc_fractions_mass_to_volume (const double *mass,
                             const double *density,
                             guint         n,
                             double       *volume)
{
  return convert (mass, density, n, TRUE, volume);
}

gboolean
cc_fractions_volume_to_mass (const double *volume,
                             const double *density,
                             guint         n,
                             double       *mass)
{
  return convert (volume, density, n, FALSE, mass);
}
