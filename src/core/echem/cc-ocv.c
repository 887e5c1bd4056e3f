/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-ocv.h"

#include <math.h>
#include "cc-echem-constants.h"

void
cc_ocv_init_from_curve (CcOcv         *self,
                        const CcCurve *curve,
                        double         hysteresis_V)
{
  g_return_if_fail (curve != NULL && curve->n >= 2);

  self->hysteresis_V = MAX (0.0, hysteresis_V);
  if (curve->n <= CC_OCV_MAX_POINTS)
    {
      self->n = curve->n;
      for (guint i = 0; i < curve->n; i++)
        {
          self->soc[i] = curve->x[i];
          self->volt[i] = curve->y[i];
        }
    }
  else
    {
      self->n = CC_OCV_MAX_POINTS;
      for (guint i = 0; i < CC_OCV_MAX_POINTS; i++)
        {
          double x = curve->x[0] + (curve->x[curve->n - 1] - curve->x[0]) * i / (CC_OCV_MAX_POINTS - 1.0);
          self->soc[i] = x;
          self->volt[i] = cc_curve_eval (curve, x);
        }
    }
}

void
cc_ocv_init_linear (CcOcv  *self,
                    double  v_discharged,
                    double  v_charged)
{
  self->n = 2;
  self->soc[0] = 0;
  self->soc[1] = 1;
  self->volt[0] = v_discharged;
  self->volt[1] = v_charged;
  self->hysteresis_V = 0;
}

static double
table_eval (const CcOcv *self,
            double       s,
            double      *slope)
{
  guint lo = 0, hi = self->n - 1;

  if (s <= self->soc[0])
    {
      *slope = 0;
      return self->volt[0];
    }
  if (s >= self->soc[hi])
    {
      *slope = 0;
      return self->volt[hi];
    }
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;
      if (self->soc[mid] <= s)
        lo = mid;
      else
        hi = mid;
    }
  *slope = (self->volt[hi] - self->volt[lo]) / (self->soc[hi] - self->soc[lo]);
  return self->volt[lo] + *slope * (s - self->soc[lo]);
}

double
cc_ocv_eval (const CcOcv *self,
             double       soc,
             int          branch,
             double       temperature_K,
             double      *slope)
{
  double rt_f = CC_GAS_CONSTANT * temperature_K / CC_FARADAY;
  double k = CC_OCV_EDGE_STEEP * rt_f;
  double s = CLAMP (soc, 1e-14, 1 - 1e-14);
  double ds, u;

  u = table_eval (self, s, &ds);
  if (s < CC_OCV_EDGE)
    {
      u += k * log (s / CC_OCV_EDGE);
      ds += k / s;
    }
  else if (s > 1 - CC_OCV_EDGE)
    {
      u -= k * log ((1 - s) / CC_OCV_EDGE);
      ds += k / (1 - s);
    }
  if (branch > 0)
    u += 0.5 * self->hysteresis_V;
  else if (branch < 0)
    u -= 0.5 * self->hysteresis_V;
  if (slope != NULL)
    *slope = ds;
  return u;
}

double
cc_ocv_soc_at (const CcOcv *self,
               double       v)
{
  /* Curves rise with soc (a charged cathode has the higher potential); a
   * non-monotonic table is searched for its first crossing. */
  if (v <= self->volt[0])
    return self->soc[0];
  for (guint i = 1; i < self->n; i++)
    if (self->volt[i] >= v)
      {
        double dv = self->volt[i] - self->volt[i - 1];
        if (dv <= 0)
          return self->soc[i];
        return self->soc[i - 1] + (self->soc[i] - self->soc[i - 1]) * (v - self->volt[i - 1]) / dv;
      }
  return self->soc[self->n - 1];
}
