/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-solid-diffusion.h"

#include <math.h>
#include <string.h>

void
cc_solid_diffusion_init (CcSolidDiffusion *self,
                  guint       n,
                  double      radius,
                  double      diffusivity)
{
  double h;

  g_return_if_fail (n >= 2 && n <= CC_DIFFUSION_MAX_SHELLS);
  g_return_if_fail (radius > 0 && diffusivity > 0);

  memset (self, 0, sizeof *self);
  self->n = n;
  self->radius = radius;
  self->diffusivity = diffusivity;
  self->dt = -1;
  h = 1.0 / n;
  for (guint m = 0; m < n; m++)
    {
      double r0 = m * h, r1 = (m + 1) * h;

      self->vol[m] = (r1 * r1 * r1 - r0 * r0 * r0) / 3.0;
      self->area[m] = r1 * r1;
    }
}

/* Tridiagonal solve with the prepared (already eliminated) factors. */
static void
thomas_solve (const CcSolidDiffusion *self,
              const double     *rhs,
              double           *x)
{
  guint n = self->n;
  double tmp[CC_DIFFUSION_MAX_SHELLS];

  tmp[0] = rhs[0] / self->diag[0];
  for (guint m = 1; m < n; m++)
    tmp[m] = (rhs[m] - self->lower[m] * tmp[m - 1]) / self->diag[m];
  x[n - 1] = tmp[n - 1];
  for (guint m = n - 1; m-- > 0;)
    x[m] = tmp[m] - self->upper[m] * x[m + 1];
}

void
cc_solid_diffusion_prepare (CcSolidDiffusion *self,
                     double      dt)
{
  guint n = self->n;
  double h = 1.0 / n;
  /* Dimensionless conductance of a face: D / (R^2 h) per unit area. */
  double g = self->diffusivity / (self->radius * self->radius * h);
  double rhs[CC_DIFFUSION_MAX_SHELLS] = { 0 };

  if (dt == self->dt)
    return;
  self->dt = dt;

  for (guint m = 0; m < n; m++)
    {
      double west = m > 0 ? g * self->area[m - 1] : 0;
      double east = m + 1 < n ? g * self->area[m] : 0;

      self->lower[m] = -west;
      self->upper[m] = -east;
      self->diag[m] = self->vol[m] / dt + west + east;
    }
  /* Forward elimination stored in place: diag becomes the pivot, upper the
   * normalised super-diagonal. */
  self->upper[0] /= self->diag[0];
  for (guint m = 1; m < n; m++)
    {
      self->diag[m] -= self->lower[m] * self->upper[m - 1];
      if (m + 1 < n)
        self->upper[m] /= self->diag[m];
    }

  /* The surface flux enters the outer shell through area 1 (R^2): per unit
   * R^3 of volume that is n / R. */
  rhs[n - 1] = 1.0 / self->radius;
  thomas_solve (self, rhs, self->unit);
  self->surface_gain = self->unit[n - 1] + 0.5 * h * self->radius / self->diffusivity;
}

double
cc_solid_diffusion_step_hom (const CcSolidDiffusion *self,
                      const double     *y_old,
                      double           *y_hom)
{
  double rhs[CC_DIFFUSION_MAX_SHELLS];

  for (guint m = 0; m < self->n; m++)
    rhs[m] = self->vol[m] / self->dt * y_old[m];
  thomas_solve (self, rhs, y_hom);
  return y_hom[self->n - 1];
}

void
cc_solid_diffusion_finish (const CcSolidDiffusion *self,
                    const double     *y_hom,
                    double            flux,
                    double           *y)
{
  for (guint m = 0; m < self->n; m++)
    y[m] = y_hom[m] + flux * self->unit[m];
}

double
cc_solid_diffusion_surface (const CcSolidDiffusion *self,
                     const double     *y,
                     double            flux)
{
  /* Half a shell of diffusion resistance between the outer shell's centre
   * and the surface. */
  return y[self->n - 1] + flux * 0.5 * self->radius / (self->n * self->diffusivity);
}

double
cc_solid_diffusion_average (const CcSolidDiffusion *self,
                     const double     *y)
{
  double s = 0;

  for (guint m = 0; m < self->n; m++)
    s += self->vol[m] * y[m];
  return s * 3.0;   /* sum of vol = 1/3 */
}
