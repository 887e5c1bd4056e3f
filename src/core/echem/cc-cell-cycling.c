/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cycles 2..N: the reduced model (one control volume through the
 * thickness: single particle per size class plus an ohmic electrode),
 * calibrated against the full model, with adaptive cycle jumping.
 */
#include "cc-cell-private.h"

#include <math.h>
#include <string.h>

/* The reduced model's discharge capacity (mAh/g) in the calibration cycle:
 * from the assembled state, a charge at the cycling rate (cells assembled
 * discharged) and then the discharge at the cycling rate, with r_cal added
 * to the series resistance. -1 when the solver fails. */
static double
reduced_discharge (CcSim       *sim,
                   CcElectrode *e,
                   double       r_series,
                   double       r_cal)
{
  CcHalfResult h = { 0 };
  double I = cc_sim_current (sim, sim->in->cycling_c_rate.value), q;

  e->p.r_series = r_series + r_cal;
  cc_electrode_set_uniform (e, sim->y_start);
  if (sim->in_sign < 0)
    {
      if (!cc_sim_half (sim, e, -I, FALSE, NULL, NULL, &h))
        return -1;
      cc_half_result_clear (&h);
      cc_electrode_relax (e);
    }
  if (!cc_sim_half (sim, e, I, FALSE, NULL, NULL, &h))
    return -1;
  q = h.end == CC_HALF_END_FAILED ? -1 : cc_sim_mAh_g (sim, h.capacity);
  cc_half_result_clear (&h);
  return q;
}

/* Finds the series resistance that makes the reduced model deliver the full
 * model's capacity in the calibration cycle (regula falsi, Illinois
 * variant), and the sensitivity -dQ/dR / Q used to attribute losses. */
static double
calibrate (CcSim            *sim,
           const CcDegState *state,
           double            target)
{
  CcElectrodeParams p;
  CcElectrode *e;
  double lumped, lo, hi, qlo, qhi, r = 0, q = 0, r_base, tol;
  int side = 0;

  cc_sim_params (sim, state, 1, &p);
  e = cc_electrode_new (&p);
  cc_sim_apply_films (sim, state, e);
  r_base = p.r_series;
  lumped = 0.5 * p.thickness * (1 / p.sigma_ion + 1 / p.sigma_e);
  lo = -0.9 * lumped;
  hi = 10 * (r_base + lumped) + 1.0;
  qlo = reduced_discharge (sim, e, r_base, lo);
  qhi = reduced_discharge (sim, e, r_base, hi);
  tol = 0.005 * MAX (target, 1.0);
  if (target < 0 || qlo < 0 || qhi < 0)
    {
      /* No full-model reference: keep the reduced model as it is. */
      r = 0;
      q = reduced_discharge (sim, e, r_base, 0);
    }
  else if (qlo <= target)
    {
      r = lo;
      q = qlo;
    }
  else if (qhi >= target)
    {
      r = hi;
      q = qhi;
    }
  else
    for (guint it = 0; it < 30; it++)
      {
        r = hi - (qhi - target) * (hi - lo) / (qhi - qlo);
        q = reduced_discharge (sim, e, r_base, r);
        if (q < 0 || fabs (q - target) < tol)
          break;
        if (q > target)
          {
            lo = r;
            qlo = q;
            if (side == -1)
              qhi = target + 0.5 * (qhi - target);
            side = -1;
          }
        else
          {
            hi = r;
            qhi = q;
            if (side == 1)
              qlo = target + 0.5 * (qlo - target);
            side = 1;
          }
      }

  /* Sensitivity by a small finite difference around the calibration. */
  {
    double dr = 0.02 * (r_base + lumped + fabs (r)) + 1e-6;
    double q2 = reduced_discharge (sim, e, r_base, r + dr);
    sim->sensitivity = q > 0 && q2 >= 0 ? MAX (0.0, (q - q2) / dr / q) : 0;
  }
  cc_electrode_free (e);
  return r;
}

typedef struct {
  double q_in, q_out, side, u;
  gboolean ok;
  char *message;
} CycleOut;

/* One explicit reduced-model cycle; records the potential history. */
static gboolean
explicit_cycle (CcSim      *sim,
                CcElectrode *e,
                CcDegState *state,
                double      r_cal,
                GArray     *trace_dt,
                GArray     *trace_e,
                CycleOut   *out)
{
  CcDegRun run = { &sim->model, state, trace_dt, trace_e };
  CcElectrodeParams p;
  CcHalfResult a, b;
  double I = cc_sim_current (sim, sim->in->cycling_c_rate.value), window;

  cc_sim_params (sim, state, 1, &p);
  p.r_series += r_cal;
  p.max_newton = e->p.max_newton;
  e->p = p;
  cc_sim_apply_films (sim, state, e);
  window = cc_electrode_capacity (e);
  g_array_set_size (trace_dt, 0);
  g_array_set_size (trace_e, 0);
  memset (out, 0, sizeof *out);
  state->q_side = 0;
  if (!cc_sim_half (sim, e, sim->in_sign * I, FALSE, cc_deg_step_hook, &run, &a))
    {
      cc_half_result_clear (&a);
      return FALSE;
    }
  cc_electrode_relax (e);
  if (!cc_sim_half (sim, e, -sim->in_sign * I, FALSE, cc_deg_step_hook, &run, &b))
    {
      cc_half_result_clear (&a);
      cc_half_result_clear (&b);
      return FALSE;
    }
  cc_electrode_relax (e);
  out->ok = a.end != CC_HALF_END_FAILED && b.end != CC_HALF_END_FAILED;
  if (!out->ok)
    out->message = g_strdup (a.end == CC_HALF_END_FAILED ? a.message : b.message);
  out->q_in = a.capacity;
  out->side = state->q_side;
  /* A rest lets the particle surfaces relax, so a cell whose previous
   * half-cycle stopped early on polarisation can give back a little charge it
   * stored in earlier cycles. That credit is not this cycle's: the second
   * half counts at most what the first half (and the side reactions) put in,
   * so a full cycle never shows an efficiency above one. */
  out->q_out = MIN (b.capacity, a.capacity + state->q_side);
  out->u = window > 0 ? b.capacity / window : 0;
  cc_half_result_clear (&a);
  cc_half_result_clear (&b);
  return TRUE;
}

static void
fill_record (CcSim            *sim,
             const CcDegState *state,
             CcCycleRecord    *rec,
             double            q_in,
             double            q_out,
             double            side)
{
  gboolean charge_first = sim->in_sign < 0;
  double loss[CC_N_MECHANISMS];

  rec->charge_mAh_g = cc_sim_mAh_g (sim, charge_first ? q_in + side : q_out);
  rec->discharge_mAh_g = cc_sim_mAh_g (sim, charge_first ? q_out : q_in);
  rec->coulombic_efficiency = q_in + side > 0 ? q_out / (q_in + side) : 0;
  rec->resistance_ohm_cm2 = cc_sim_resistance (sim, state) * 1e4;
  rec->interphase_nm = cc_deg_interphase (&sim->model, state) * 1e9;
  rec->active_cam_fraction = sim->in->active_cam_fraction.value * cc_deg_active (state);
  rec->dominant = cc_sim_attribute (sim, state, loss);
}

/* How many cycles the next jump may skip, from the capacity and contact
 * change per cycle between the last two explicit cycles. */
static guint
next_jump (CcSim  *sim,
           double  q_prev,
           double  q_now,
           guint   cycles_between,
           double  contact_rate,
           guint   jump)
{
  /* Capacities of explicit cycles scatter by ~0.3 % (step control and the
   * landing on the cut-off): changes below that are not a trend. */
  double change = q_now > 0 ? MAX (0.0, fabs (q_now - q_prev) / q_now - 0.003) : 0;
  double rate = change / MAX (cycles_between, 1);
  double allowed;

  rate = MAX (rate, contact_rate);
  allowed = rate > 0 ? sim->opts.jump_tolerance / rate : sim->opts.max_jump;
  return (guint) CLAMP (MIN (allowed, 2.0 * jump + 1), 1, sim->opts.max_jump);
}

void
cc_sim_cycling (CcSim            *sim,
                const CcDegState *after,
                double            y_after,
                double            target)
{
  CcCellResult *r = sim->result;
  CcDegState *state = cc_deg_state_collapse (after);
  g_autoptr(GArray) trace_dt = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) trace_e = g_array_new (FALSE, FALSE, sizeof (CcDegPotentials));
  CcElectrodeParams p;
  CcElectrode *e;
  guint n_total = sim->opts.cycles, last = 1, jump = 1, next = 2;
  double r_cal = calibrate (sim, state, target);
  double q_in_last, q_out_last, u_last = 0;

  if (sim->cancelled)
    {
      cc_deg_state_free (state);
      return;
    }
  r->calibration_ohm_cm2 = r_cal * 1e4;
  cc_sim_params (sim, state, 1, &p);
  e = cc_electrode_new (&p);
  cc_electrode_set_uniform (e, y_after);
  {
    /* Interpolation starts from cycle 1 (its in-half includes side charge:
     * close enough for the cycles a first jump can skip). */
    const CcCycleRecord *c1 = &g_array_index (r->cycles, CcCycleRecord, 0);
    q_in_last = sim->in_sign < 0 ? c1->charge_mAh_g : c1->discharge_mAh_g;
    q_out_last = sim->in_sign < 0 ? c1->discharge_mAh_g : c1->charge_mAh_g;
  }

  for (guint n = 2; n <= n_total; n++)
    {
      CcCycleRecord rec = { 0 };

      rec.cycle = n;
      if (!sim->opts.cycle_jumping || n >= next || n == n_total)
        {
          CycleOut o;
          double q_in, q_out;

          if (!explicit_cycle (sim, e, state, r_cal, trace_dt, trace_e, &o))
            break;
          if (!o.ok)
            {
              cc_sim_warn (sim, "cycle %u did not converge (%s); cycling stopped there", n, o.message);
              g_free (o.message);
              break;
            }
          cc_deg_end_cycle (&sim->model, state, o.u);
          u_last = o.u;
          fill_record (sim, state, &rec, o.q_in, o.q_out, o.side);
          rec.simulated = TRUE;
          r->explicit_cycles++;
          g_array_append_val (r->cycles, rec);

          /* Capacities of the jumped cycles: linear between explicit ones. */
          q_in = cc_sim_mAh_g (sim, o.q_in);
          q_out = cc_sim_mAh_g (sim, o.q_out);
          for (guint m = last + 1; m < n; m++)
            {
              CcCycleRecord *j = &g_array_index (r->cycles, CcCycleRecord, m - 1);
              double t = (double) (m - last) / (n - last);
              double side = j->charge_mAh_g;   /* parked there by the jump below */
              double qi = q_in_last + t * (q_in - q_in_last);
              double qo = MIN (q_out_last + t * (q_out - q_out_last), qi + side);   /* as explicit_cycle */
              gboolean charge_first = sim->in_sign < 0;

              j->charge_mAh_g = charge_first ? qi + side : qo;
              j->discharge_mAh_g = charge_first ? qo : qi;
              j->coulombic_efficiency = qi + side > 0 ? qo / (qi + side) : 0;
            }
          jump = next_jump (sim, q_out_last, q_out, n - last,
                            cc_deg_contact_loss_rate (&sim->model, state, u_last), jump);
          if (sim->model.wetting_lifetime > n && n + jump > sim->model.wetting_lifetime)
            jump = MAX (1, (guint) sim->model.wetting_lifetime - n + 1);
          last = n;
          next = n + jump;
          q_in_last = q_in;
          q_out_last = q_out;
        }
      else
        {
          /* Jumped: degradation replayed on the last potential history. */
          double side = cc_deg_replay (&sim->model, state, trace_dt, trace_e, sim->in->thickness.value);
          double loss[CC_N_MECHANISMS];

          cc_deg_end_cycle (&sim->model, state, u_last);
          rec.simulated = FALSE;
          rec.charge_mAh_g = cc_sim_mAh_g (sim, side);   /* side charge, parked until filled */
          rec.resistance_ohm_cm2 = cc_sim_resistance (sim, state) * 1e4;
          rec.interphase_nm = cc_deg_interphase (&sim->model, state) * 1e9;
          rec.active_cam_fraction = sim->in->active_cam_fraction.value * cc_deg_active (state);
          rec.dominant = cc_sim_attribute (sim, state, loss);
          g_array_append_val (r->cycles, rec);
        }
    }
  /* Jumped cycles after the last explicit one (cycling stopped early) have
   * no capacities to interpolate from: drop them. */
  if (r->cycles->len > last)
    g_array_set_size (r->cycles, last);
  r->limiting = cc_sim_attribute (sim, state, r->loss);
  cc_electrode_free (e);
  cc_deg_state_free (state);
}
