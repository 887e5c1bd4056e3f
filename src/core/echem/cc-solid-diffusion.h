/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Solid-state diffusion of sodium in a spherical active particle: finite
 * volumes in the radius, implicit Euler in time, a flux boundary condition at
 * the surface. The equation is linear (constant diffusion coefficient), so
 * one implicit step is affine in the surface flux:
 *
 *   y_new = y_hom + n u,     y_surface = A + B n
 *
 * where y_hom is the step with no flux, u the response to a unit flux n and
 * A, B the matching surface values. The electrode model uses this to keep
 * only the interface current as an unknown while the radial profile stays
 * exact for the step.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CC_DIFFUSION_MAX_SHELLS 32

typedef struct {
  guint  n;            /* shells of equal thickness */
  double radius;       /* m */
  double diffusivity;  /* m^2/s */
  double dt;           /* time step the factors below were prepared for */
  double vol[CC_DIFFUSION_MAX_SHELLS];    /* shell volumes / (R^3), 4 pi omitted */
  double area[CC_DIFFUSION_MAX_SHELLS];   /* outer face areas / R^2 */
  /* Thomas-algorithm factors of the implicit matrix. */
  double lower[CC_DIFFUSION_MAX_SHELLS];
  double diag[CC_DIFFUSION_MAX_SHELLS];
  double upper[CC_DIFFUSION_MAX_SHELLS];
  double unit[CC_DIFFUSION_MAX_SHELLS];   /* u: response to a unit surface flux */
  double surface_gain;                   /* B = dy_surface / dn  (s/m) */
} CcSolidDiffusion;

/* n shells (2..CC_DIFFUSION_MAX_SHELLS), radius in m, diffusivity in m^2/s. */
void   cc_solid_diffusion_init      (CcSolidDiffusion *self,
                              guint       n,
                              double      radius,
                              double      diffusivity);
/* Factorises the implicit step of length dt (s); cheap to call again with the
 * same dt (a no-op). */
void   cc_solid_diffusion_prepare   (CcSolidDiffusion *self,
                              double      dt);
/* The no-flux step from y_old into y_hom; returns the surface value A. */
double cc_solid_diffusion_step_hom  (const CcSolidDiffusion *self,
                              const double     *y_old,
                              double           *y_hom);
/* Completes the step: y = y_hom + flux u. flux in m/s (mol m^-2 s^-1 over
 * the maximum concentration), positive into the particle. */
void   cc_solid_diffusion_finish    (const CcSolidDiffusion *self,
                              const double     *y_hom,
                              double            flux,
                              double           *y);
/* Surface value of a profile carrying the given flux. */
double cc_solid_diffusion_surface   (const CcSolidDiffusion *self,
                              const double     *y,
                              double            flux);
/* Volume average of a profile (the particle's state of charge). */
double cc_solid_diffusion_average   (const CcSolidDiffusion *self,
                              const double     *y);

G_END_DECLS
