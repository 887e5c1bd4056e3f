/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-half-cycle.h"

#include <math.h>

#define MAX_STEPS       20000
#define MAX_RETRIES     10
#define MAX_REFINES     6

void
cc_half_result_clear (CcHalfResult *r)
{
  g_clear_pointer (&r->q, g_array_unref);
  g_clear_pointer (&r->v, g_array_unref);
  g_clear_pointer (&r->message, g_free);
  memset (r, 0, sizeof *r);
}

static void
record (CcHalfResult *r,
        double        q,
        double        v)
{
  if (r->q == NULL)
    return;
  g_array_append_val (r->q, q);
  g_array_append_val (r->v, v);
}

static gboolean
crossed (double v,
         double limit,
         double current)
{
  return current > 0 ? v <= limit : v >= limit;
}

void
cc_half_run (CcElectrode      *e,
             const CcHalfSpec *spec,
             CcHalfResult     *out)
{
  double cap = cc_electrode_capacity (e);
  double ai = fabs (spec->current);
  int branch = spec->current > 0 ? -1 : 1;
  double dq = spec->max_dq > 0 ? spec->max_dq : 0.02;
  double dv_target = spec->dv_target > 0 ? spec->dv_target : 0.02;
  double dt_max, dt, v_prev;
  guint retries = 0, refines = 0;

  memset (out, 0, sizeof *out);
  if (spec->record)
    {
      out->q = g_array_new (FALSE, FALSE, sizeof (double));
      out->v = g_array_new (FALSE, FALSE, sizeof (double));
    }
  v_prev = cc_electrode_ocv (e);
  out->v_end = v_prev;
  if (!(cap > 0) || !(ai > 0))
    {
      out->end = CC_HALF_END_EXHAUSTED;
      out->message = g_strdup (cap > 0 ? "zero current" : "no active cathode material stores charge");
      return;
    }
  if (crossed (v_prev, spec->v_limit, spec->current))
    {
      out->end = CC_HALF_END_START_BEYOND;
      out->message = g_strdup_printf ("the open-circuit voltage %.3f V is already past the %.3f V limit",
                                      v_prev, spec->v_limit);
      return;
    }
  /* The ohmic drop alone can exceed the window: a lower bound is the series
   * resistance (separator, anode, interlayer) plus the composite's at the
   * most favourable reaction distribution, L / (σ_ion + σ_e). Past it no
   * step can converge inside the limit, and the cause is the resistance,
   * not the solver. */
  {
    double r_min = e->p.r_series + e->p.thickness / (e->p.sigma_ion + e->p.sigma_e);

    if (isfinite (r_min) && ai * r_min > fabs (v_prev - spec->v_limit))
      {
        out->end = CC_HALF_END_START_BEYOND;
        out->message = g_strdup_printf ("the ohmic drop at this current, at least %.3g V over %.3g Ω cm² of "
                                        "separator, interfaces and composite, takes the cell past the "
                                        "%.3f V limit at once", ai * r_min, r_min * 1e4, spec->v_limit);
        return;
      }
  }
  dt_max = dq * cap / ai;
  dt = dt_max * 1e-3;   /* a short first step resolves the ohmic jump */

  while (TRUE)
    {
      double v;

      if (g_cancellable_is_cancelled (spec->cancellable))
        {
          out->end = CC_HALF_END_CANCELLED;
          out->message = g_strdup ("cancelled");
          return;
        }
      if (out->steps >= MAX_STEPS || out->capacity > 1.05 * cap)
        {
          out->end = CC_HALF_END_EXHAUSTED;
          out->message = g_strdup ("the active material ran out before the voltage limit");
          return;
        }
      cc_electrode_save (e);
      if (!cc_electrode_step (e, spec->current, dt, branch))
        {
          if (++retries > MAX_RETRIES && e->saturated)
            {
              /* A saturated surface puts the open-circuit potential past any
               * limit: the half-cycle ends here, limited by solid diffusion. */
              out->end = out->steps == 0 ? CC_HALF_END_START_BEYOND : CC_HALF_END_CUTOFF;
              out->message = g_strdup ("solid diffusion: the particle surfaces are saturated");
              return;
            }
          if (retries > MAX_RETRIES)
            {
              out->end = CC_HALF_END_FAILED;
              out->message = g_strdup_printf ("solver failed at %.1f %% of the active capacity: %s",
                                              100 * out->capacity / cap, e->failure);
              return;
            }
          dt *= 0.25;
          continue;
        }
      retries = 0;
      v = cc_electrode_voltage (e);
      if (crossed (v, spec->v_limit, spec->current))
        {
          double f = (v_prev - spec->v_limit) / (v_prev - v);

          if (out->steps == 0)
            {
              out->end = CC_HALF_END_START_BEYOND;
              out->v_end = v;
              out->message = g_strdup_printf ("the polarisation at this current takes the cell past "
                                              "the %.3f V limit at once (%.3f V)", spec->v_limit, v);
              cc_electrode_restore (e);
              return;
            }
          if (refines < MAX_REFINES && f * dt > 1e-5 * dt_max && f < 0.995)
            {
              cc_electrode_restore (e);
              dt *= MAX (f * 0.98, 0.05);
              refines++;
              continue;
            }
          /* Close enough: accept the step as taken, so the charge counted
           * is exactly what the particles hold (the last point may sit a
           * hair past the limit). */
          out->capacity += ai * dt;
          out->energy += 0.5 * (v_prev + v) * ai * dt;
          out->duration += dt;
          out->steps++;
          out->v_end = v;
          record (out, out->capacity, v);
          if (spec->hook)
            spec->hook (e, dt, spec->hook_data);
          out->end = CC_HALF_END_CUTOFF;
          return;
        }
      out->capacity += ai * dt;
      out->energy += 0.5 * (v_prev + v) * ai * dt;
      out->duration += dt;
      out->steps++;
      out->v_end = v;
      record (out, out->capacity, v);
      if (spec->hook)
        spec->hook (e, dt, spec->hook_data);

      /* Step control on the voltage change; the first step was short. */
      if (out->steps == 1)
        dt = dt_max * 0.1;
      else if (fabs (v - v_prev) > dv_target)
        dt *= 0.5;
      else if (fabs (v - v_prev) < 0.3 * dv_target)
        dt *= 1.5;
      dt = CLAMP (dt, dt_max * 1e-5, dt_max);
      v_prev = v;
    }
}
