/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-packing-rng.h"

#include <math.h>

static guint64
splitmix64 (guint64 *x)
{
  guint64 z = (*x += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

/* Different streams of one seed are independent sequences, so adding a
 * random draw in one stage never shifts the numbers of another. */
void
cc_rng_init (CcRng   *rng,
             guint64  seed,
             guint64  stream)
{
  guint64 x = seed ^ (stream * G_GUINT64_CONSTANT (0xd1b54a32d192ed03));

  for (guint i = 0; i < 4; i++)
    rng->s[i] = splitmix64 (&x);
}

static inline guint64
rotl (guint64 x,
      int     k)
{
  return (x << k) | (x >> (64 - k));
}

guint64
cc_rng_next (CcRng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 45);
  return result;
}

double
cc_rng_uniform (CcRng *rng)
{
  return (cc_rng_next (rng) >> 11) * (1.0 / 9007199254740992.0);
}

guint32
cc_rng_below (CcRng   *rng,
              guint32  n)
{
  /* Lemire's multiply-shift; the tiny bias (< n / 2^32) is irrelevant here. */
  return (guint32) (((cc_rng_next (rng) >> 32) * (guint64) n) >> 32);
}

/* Acklam's rational approximation of the normal quantile. */
double
cc_normal_quantile (double p)
{
  static const double a[] = { -3.969683028665376e+01, 2.209460984245205e+02,
                              -2.759285104469687e+02, 1.383577518672690e+02,
                              -3.066479806614716e+01, 2.506628277459239e+00 };
  static const double b[] = { -5.447609879822406e+01, 1.615858368580409e+02,
                              -1.556989798598866e+02, 6.680131188771972e+01,
                              -1.328068155288572e+01 };
  static const double c[] = { -7.784894002430293e-03, -3.223964580411365e-01,
                              -2.400758277161838e+00, -2.549732539343734e+00,
                              4.374664141464968e+00, 2.938163982698783e+00 };
  static const double d[] = { 7.784695709041462e-03, 3.224671290700398e-01,
                              2.445134137142996e+00, 3.754408661907416e+00 };
  const double p_low = 0.02425;
  double q, r;

  g_return_val_if_fail (p > 0.0 && p < 1.0, 0.0);

  if (p < p_low)
    {
      q = sqrt (-2 * log (p));
      return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
             ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
  if (p > 1 - p_low)
    {
      q = sqrt (-2 * log (1 - p));
      return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
              ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
  q = p - 0.5;
  r = q * q;
  return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
         (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

double
cc_normal_cdf (double x)
{
  return 0.5 * erfc (-x / G_SQRT2);
}
