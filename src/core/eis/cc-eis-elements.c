/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-eis-elements-private.h"

#include <math.h>

/* Below this |x| the closed forms lose digits to cancellation, so the
 * Laurent/Taylor series (accurate to ~1e-16 there) takes over. */
#define SMALL_ARG 1e-3

double complex
cc_eis_ccoth (double complex x)
{
  double complex e;

  if (creal (x) < 0)
    return -cc_eis_ccoth (-x);
  if (cabs (x) < SMALL_ARG)
    return 1.0 / x + x / 3.0 - x * x * x / 45.0;
  e = cexp (-2.0 * x);
  return (1.0 + e) / (1.0 - e);
}

double complex
cc_eis_ccsch (double complex x)
{
  double complex e;

  if (creal (x) < 0)
    return -cc_eis_ccsch (-x);
  if (cabs (x) < SMALL_ARG)
    return 1.0 / x - x / 6.0 + 7.0 * x * x * x / 360.0;
  e = cexp (-x);
  return 2.0 * e / (1.0 - e * e);
}

double complex
cc_eis_ctanh (double complex x)
{
  double complex e;

  if (creal (x) < 0)
    return -cc_eis_ctanh (-x);
  if (cabs (x) < SMALL_ARG)
    return x - x * x * x / 3.0;
  e = cexp (-2.0 * x);
  return (1.0 - e) / (1.0 + e);
}

double complex
cc_eis_jpow (double x, double n)
{
  /* (j x)^n = x^n e^(j n pi/2) for x > 0: cheaper and more exact than cpow. */
  double m = pow (x, n);

  if (n == 1.0)
    return I * x;
  return m * cos (n * G_PI_2) + I * m * sin (n * G_PI_2);
}

double complex
cc_eis_z_zarc (double omega, double R, double tau, double n)
{
  if (R <= 0)
    return 0;
  if (tau <= 0)
    return R;
  return R / (1.0 + cc_eis_jpow (omega * tau, n));
}

double complex
cc_eis_z_cpe (double omega, double Q, double n)
{
  return 1.0 / (Q * cc_eis_jpow (omega, n));
}

double complex
cc_eis_z_warburg (double omega, double sigma)
{
  return sigma * (1.0 - I) / sqrt (omega);
}

double complex
cc_eis_z_warburg_short (double omega, double R, double tau)
{
  double complex y = csqrt (I * omega * tau);

  if (cabs (y) < SMALL_ARG)
    return R * (1.0 - y * y / 3.0);
  return R * cc_eis_ctanh (y) / y;
}

double complex
cc_eis_z_warburg_open (double omega, double R, double tau)
{
  double complex y = csqrt (I * omega * tau);

  return R * cc_eis_ccoth (y) / y;
}

double complex
cc_eis_z_sphere_diffusion (double omega, double K, double tau)
{
  double complex y = csqrt (I * omega * tau);
  double complex y2 = y * y;
  double complex t;

  if (K <= 0)
    return 0;
  if (cabs (y) < 0.1)
    {
      /* tanh(y)/(y - tanh y) = 3/y^2 + 1/5 - y^2/175 + 2 y^4/7875 - ...
       * (series of y coth y - 1 inverted); the closed form cancels here. */
      return K * (3.0 / y2 + 0.2 - y2 / 175.0 + 2.0 * y2 * y2 / 7875.0);
    }
  t = cc_eis_ctanh (y);
  return K * t / (y - t);
}

double complex
cc_eis_z_tlm_two_rail (double complex zeta, double r1, double r2, double L)
{
  double rs = r1 + r2;
  double complex lam, x;

  if (cabs (zeta) == 0)
    return r1 * r2 / rs * L;
  lam = csqrt (zeta / rs);
  x = L / lam;
  return r1 * r2 / rs * (L + 2.0 * lam * cc_eis_ccsch (x))
         + lam * (r1 * r1 + r2 * r2) / rs * cc_eis_ccoth (x);
}
