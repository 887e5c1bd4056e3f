/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cc_cell_simulate: connectivity checks, the formation cycle and the rate
 * tests with the full porous-electrode model; cycling is in
 * cc-cell-cycling.c.
 */
#include "cc-cell-private.h"

#include <math.h>
#include <string.h>
#include "cc-echem-constants.h"

void
cc_cell_options_init (CcCellOptions *o)
{
  memset (o, 0, sizeof *o);
  o->nx = 16;
  o->nr = 10;
  o->mechanisms = CC_MECH_ALL;
  o->cycle_jumping = TRUE;
  o->jump_tolerance = 0.01;
  o->max_jump = 100;
}

void
cc_sim_warn (CcSim      *sim,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (sim->result->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

double
cc_sim_mAh_g (const CcSim *sim,
              double       q)
{
  return q / (sim->in->cam_loading.value * CC_C_PER_MAH_G);
}

double
cc_sim_current (const CcSim *sim,
                double       c_rate)
{
  return c_rate * sim->in->current_1c.value;
}

static void
base_params (CcSim *sim)
{
  const CcCellInputs *in = sim->in;
  CcElectrodeParams *p = &sim->base;
  double eps_active = in->eps_cam.value * in->active_cam_fraction.value;
  double share = 0;

  memset (p, 0, sizeof *p);
  p->nx = sim->opts.nx;
  p->nr = sim->opts.nr;
  p->nk = in->n_classes;
  p->thickness = in->thickness.value;
  p->sigma_ion = in->sigma_ion_eff.value;
  p->sigma_e = in->sigma_e_eff.value;
  p->temperature = in->temperature.value;
  p->i0 = in->exchange_current.value;
  p->c_max = in->c_max.value;
  p->diffusivity = in->diffusivity.value;
  p->r_series = in->separator_resistance.value + in->interlayer_resistance.value + in->anode_resistance.value;
  p->u_anode = in->anode_potential.value;
  p->ocv = &in->ocv;
  p->max_newton = sim->opts.max_newton;
  /* The contact area goes to the classes in proportion to their surface
   * (volume weight / radius). */
  for (guint k = 0; k < p->nk; k++)
    share += in->class_weight[k] / in->class_radius[k];
  for (guint k = 0; k < p->nk; k++)
    {
      p->radius[k] = in->class_radius[k];
      p->eps[k] = eps_active * in->class_weight[k];
      p->area[k] = in->cam_se_area.value * in->class_weight[k] / in->class_radius[k] / share;
    }
}

void
cc_sim_params (const CcSim       *sim,
               const CcDegState  *s,
               guint              nx,
               CcElectrodeParams *p)
{
  double active = cc_deg_active (s);

  *p = sim->base;
  p->nx = nx;
  for (guint k = 0; k < p->nk; k++)
    {
      p->area[k] *= s->contact;
      p->eps[k] *= active;
    }
  p->r_series += cc_deg_anode_resistance (&sim->model, s);
}

void
cc_sim_apply_films (const CcSim      *sim,
                    const CcDegState *s,
                    CcElectrode      *e)
{
  for (guint i = 0; i < e->p.nx; i++)
    e->r_film[i] = cc_deg_film (&sim->model, s, s->nx == e->p.nx ? i : 0);
}

static double
area_total (const CcSim      *sim,
            const CcDegState *s)
{
  return sim->in->cam_se_area.value * s->contact;
}

double
cc_sim_resistance (const CcSim      *sim,
                   const CcDegState *s)
{
  const CcCellInputs *in = sim->in;
  double L = in->thickness.value;
  double f = CC_FARADAY / (CC_GAS_CONSTANT * in->temperature.value);
  double rct = 1.0 / (in->exchange_current.value * f);
  double film = 0, a = area_total (sim, s);

  for (guint i = 0; i < s->nx; i++)
    film += cc_deg_film (&sim->model, s, i) / s->nx;
  double r = sim->base.r_series + cc_deg_anode_resistance (&sim->model, s)
             + L / (3 * in->sigma_ion_eff.value) + L / (3 * in->sigma_e_eff.value)
             + (a > 0 ? (rct + film) / (a * L) : CC_RESISTANCE_OPEN);

  /* No contact left is an open circuit; report it as the cap, not infinity. */
  return MIN (r, CC_RESISTANCE_OPEN);
}

int
cc_sim_attribute (const CcSim      *sim,
                  const CcDegState *s,
                  double           *loss)
{
  static const CcMechanism films[] = { CC_MECH_OXIDATION, CC_MECH_REDUCTION, CC_MECH_CHEMICAL };
  const CcCellInputs *in = sim->in;
  double aL = area_total (sim, s) * in->thickness.value;
  double aL0 = in->cam_se_area.value * in->thickness.value;
  double f = CC_FARADAY / (CC_GAS_CONSTANT * in->temperature.value);
  double rct = 1.0 / (in->exchange_current.value * f);
  double film0 = sim->model.r_coat + sim->model.chem_l0 / sim->model.sigma_chem;
  int best = -1;
  double best_v = 0.005;   /* below half a percent nothing dominates */

  memset (loss, 0, sizeof (double) * CC_N_MECHANISMS);
  for (guint k = 0; k < G_N_ELEMENTS (films); k++)
    {
      double part = cc_deg_film_part (&sim->model, s, films[k]);
      if (films[k] == CC_MECH_CHEMICAL)
        part -= sim->model.chem_l0 / sim->model.sigma_chem;   /* present from the start */
      loss[k] = aL > 0 ? sim->sensitivity * MAX (part, 0) / aL : 0;
    }
  /* Contact: isolated CAM, the wetting agent's loss, and the charge-transfer
   * and film resistance concentrated on less contact. */
  loss[3] = 1 - (1 - s->isolated) * s->wetting_factor;
  if (aL > 0 && s->contact < 1)
    loss[3] += sim->sensitivity * (rct + film0) * (1 / aL - 1 / aL0);
  loss[4] = s->struct_loss;
  loss[5] = sim->sensitivity * cc_deg_anode_resistance (&sim->model, s);
  for (guint k = 0; k < CC_N_MECHANISMS; k++)
    {
      loss[k] = CLAMP (loss[k], 0, 1);
      if (loss[k] > best_v)
        {
          best_v = loss[k];
          best = k;
        }
    }
  return best;
}

/* Why the cell cannot work at all, or NULL. */
static char *
connectivity_problem (const CcCellInputs *in,
                      CcCellStatus       *status)
{
  if (in->electrolyte_id == NULL)
    {
      *status = CC_CELL_STATUS_NO_IONIC_PATH;
      return g_strdup ("no ionic path: the composite has no electrolyte, so no CAM can exchange sodium ions");
    }
  if (!in->ionic_percolation || !(in->sigma_ion_eff.value > 0))
    {
      *status = CC_CELL_STATUS_NO_IONIC_PATH;
      return g_strdup_printf ("no ionic path: the electrolyte fraction (%.1f %% of the electrode volume) "
                              "is below the percolation threshold, so ions cannot cross the composite",
                              100 * in->eps_electrolyte.value);
    }
  if (!in->electronic_percolation || !(in->sigma_e_eff.value > 0))
    {
      *status = CC_CELL_STATUS_NO_ELECTRONIC_PATH;
      return g_strdup_printf ("no electronic path: the electron-conducting phases (carbon %.1f %% of the "
                              "electrode volume) do not connect the current collector to the CAM",
                              100 * in->eps_carbon.value);
    }
  if (!(in->active_cam_fraction.value > 0) || !(in->cam_se_area.value > 0) || !(in->eps_cam.value > 0)
      || !(in->cam_loading.value > 0))
    {
      *status = CC_CELL_STATUS_NO_ACTIVE_CAM;
      return g_strdup ("no active CAM: no cathode particle is reached by both the ionic and the "
                       "electronic network, so nothing stores charge");
    }
  return NULL;
}

static CcVoltageProfile *
make_profile (const CcSim        *sim,
              double              c_rate,
              CcBranch            branch,
              const CcHalfResult *h)
{
  CcVoltageProfile *p = g_new0 (CcVoltageProfile, 1);

  p->c_rate = c_rate;
  p->branch = branch;
  p->capacity_mAh_g = g_array_new (FALSE, FALSE, sizeof (double));
  p->voltage_V = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; h->q != NULL && i < h->q->len; i++)
    {
      double q = cc_sim_mAh_g (sim, g_array_index (h->q, double, i));
      g_array_append_val (p->capacity_mAh_g, q);
      g_array_append_val (p->voltage_V, g_array_index (h->v, double, i));
    }
  p->capacity_mAh_g_end = cc_sim_mAh_g (sim, h->capacity);
  p->energy_Wh_kg_cam = h->energy / 3600.0 / sim->in->cam_loading.value;
  p->mean_voltage_V = h->capacity > 0 ? h->energy / h->capacity : h->v_end;
  p->converged = h->end != CC_HALF_END_FAILED;
  switch (h->end)
    {
    case CC_HALF_END_CUTOFF:       p->end_reason = g_strdup ("voltage cut-off"); break;
    case CC_HALF_END_START_BEYOND: p->end_reason = g_strdup_printf ("no capacity: %s", h->message); break;
    case CC_HALF_END_EXHAUSTED:    p->end_reason = g_strdup (h->message); break;
    default:                       p->end_reason = g_strdup (h->message ? h->message : "stopped"); break;
    }
  return p;
}

static void
free_profile (gpointer data)
{
  CcVoltageProfile *p = data;

  g_array_unref (p->capacity_mAh_g);
  g_array_unref (p->voltage_V);
  g_free (p->end_reason);
  g_free (p);
}

gboolean
cc_sim_half (CcSim        *sim,
             CcElectrode  *e,
             double        current,
             gboolean      record,
             CcStepHook    hook,
             gpointer      data,
             CcHalfResult *out)
{
  CcHalfSpec spec = { 0 };

  spec.current = current;
  spec.v_limit = current > 0 ? sim->in->v_min.value : sim->in->v_max.value;
  spec.record = record;
  spec.hook = hook;
  spec.hook_data = data;
  spec.cancellable = sim->cancellable;
  spec.dv_target = e->p.nx == 1 ? 0.04 : 0.02;
  spec.max_dq = e->p.nx == 1 ? 0.04 : 0.02;
  cc_half_run (e, &spec, out);
  if (out->end == CC_HALF_END_CANCELLED)
    {
      sim->cancelled = TRUE;
      return FALSE;
    }
  return TRUE;
}

/* Cycle 1 with the full model and every degradation term. */
static gboolean
formation (CcSim      *sim,
           CcDegState *deg,
           double     *y_after)
{
  CcElectrodeParams p;
  CcElectrode *e;
  CcDegRun run = { &sim->model, deg, NULL, NULL };
  CcHalfResult in_h = { 0 }, out_h = { 0 };
  double side_in, side_out, I = cc_sim_current (sim, sim->in->cycling_c_rate.value);
  double window;
  CcCycleRecord rec = { 0 };
  CcCellResult *r = sim->result;

  cc_sim_params (sim, deg, sim->opts.nx, &p);
  e = cc_electrode_new (&p);
  window = cc_electrode_capacity (e);
  cc_electrode_set_uniform (e, sim->y_start);
  cc_sim_apply_films (sim, deg, e);
  deg->q_side = 0;
  if (!cc_sim_half (sim, e, sim->in_sign * I, FALSE, cc_deg_step_hook, &run, &in_h))
    goto out;
  side_in = deg->q_side;
  cc_electrode_relax (e);
  deg->q_side = 0;
  if (!cc_sim_half (sim, e, -sim->in_sign * I, FALSE, cc_deg_step_hook, &run, &out_h))
    goto out;
  side_out = deg->q_side;
  cc_electrode_relax (e);

  if (in_h.end == CC_HALF_END_FAILED || out_h.end == CC_HALF_END_FAILED)
    {
      sim->failed = TRUE;
      r->status = CC_CELL_STATUS_FAILED;
      r->message = g_strdup_printf ("the first cycle did not converge: %s",
                                    in_h.end == CC_HALF_END_FAILED ? in_h.message : out_h.message);
    }
  else
    {
      double q_in = in_h.capacity, q_out = out_h.capacity;
      gboolean charge_first = sim->in_sign < 0;

      rec.cycle = 1;
      rec.simulated = TRUE;
      rec.charge_mAh_g = cc_sim_mAh_g (sim, charge_first ? q_in + side_in : q_out + side_out);
      rec.discharge_mAh_g = cc_sim_mAh_g (sim, charge_first ? q_out : q_in);
      rec.coulombic_efficiency = q_in + side_in + side_out > 0 ? q_out / (q_in + side_in + side_out) : 0;
      r->has_ice = q_in > 0;
      if (!(q_in > 0))
        r->message = g_strdup_printf ("no capacity at the cycling rate (%gC): %s", sim->in->cycling_c_rate.value,
                                      in_h.message != NULL ? in_h.message : "the first half-cycle stopped at once");
      r->ice = rec.coulombic_efficiency;
      r->first_charge_mAh_g = rec.charge_mAh_g;
      r->first_discharge_mAh_g = rec.discharge_mAh_g;
      cc_deg_end_cycle (&sim->model, deg, window > 0 ? q_out / window : 0);
      rec.resistance_ohm_cm2 = cc_sim_resistance (sim, deg) * 1e4;
      rec.interphase_nm = cc_deg_interphase (&sim->model, deg) * 1e9;
      rec.active_cam_fraction = sim->in->active_cam_fraction.value * cc_deg_active (deg);
      rec.dominant = -1;
      g_array_append_val (r->cycles, rec);
      *y_after = cc_electrode_mean_y (e);
    }
out:
  cc_half_result_clear (&in_h);
  cc_half_result_clear (&out_h);
  cc_electrode_free (e);
  return !sim->cancelled && !sim->failed;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* Voltage curves and rate capability in the post-formation state. Returns
 * the full model's discharge capacity at the cycling rate (mAh/g). */
static double
rate_tests (CcSim            *sim,
            const CcDegState *deg)
{
  const CcCellInputs *in = sim->in;
  CcCellResult *r = sim->result;
  g_autoptr(GArray) rates = g_array_copy (in->c_rates);
  CcElectrodeParams p;
  CcElectrode *e;
  CcHalfResult h = { 0 };
  g_autofree double *slow = NULL;
  gsize ny;
  double target = -1, cyc = in->cycling_c_rate.value;
  gboolean have_cycling = FALSE;
  int sign_dis = 1;

  for (guint i = 0; i < rates->len; i++)
    have_cycling |= fabs (g_array_index (rates, double, i) - cyc) < 1e-9 * cyc;
  if (!have_cycling)
    g_array_append_val (rates, cyc);   /* for calibration only, not reported */
  g_array_sort (rates, compare_double);

  cc_sim_params (sim, deg, sim->opts.nx, &p);
  e = cc_electrode_new (&p);
  cc_sim_apply_films (sim, deg, e);
  ny = (gsize) p.nx * p.nk * p.nr;

  /* Precondition at the slowest rate for the second branch. */
  cc_electrode_set_uniform (e, sim->y_start);
  if (!cc_sim_half (sim, e, sim->in_sign * cc_sim_current (sim, g_array_index (rates, double, 0)),
                    FALSE, NULL, NULL, &h))
    goto out;
  cc_half_result_clear (&h);
  cc_electrode_relax (e);
  slow = g_memdup2 (e->y, sizeof (double) * ny);

  for (guint i = 0; i < rates->len; i++)
    {
      double c = g_array_index (rates, double, i), I = cc_sim_current (sim, c);
      gboolean report = have_cycling || fabs (c - cyc) > 1e-9 * cyc;

      for (int branch = 0; branch < 2; branch++)
        {
          /* branch 0: discharge, 1: charge */
          gboolean from_assembled = (branch == 0) == (sim->in_sign > 0);
          CcVoltageProfile *prof;

          if (from_assembled)
            cc_electrode_set_uniform (e, sim->y_start);
          else
            {
              memcpy (e->y, slow, sizeof (double) * ny);
              cc_electrode_relax (e);
            }
          if (!cc_sim_half (sim, e, (branch == 0 ? sign_dis : -sign_dis) * I, report, NULL, NULL, &h))
            goto out;
          if (h.end == CC_HALF_END_FAILED)
            cc_sim_warn (sim, "%s at %gC: %s", branch == 0 ? "discharge" : "charge", c, h.message);
          /* Calibration target for the reduced model: the discharge of a
           * cycle at the cycling rate from the assembled state. */
          if (from_assembled && fabs (c - cyc) <= 1e-9 * cyc)
            {
              if (branch == 0)
                target = h.end == CC_HALF_END_FAILED ? -1 : cc_sim_mAh_g (sim, h.capacity);
              else
                {
                  CcHalfResult d;
                  cc_electrode_relax (e);
                  if (!cc_sim_half (sim, e, I, FALSE, NULL, NULL, &d))
                    goto out;
                  target = d.end == CC_HALF_END_FAILED ? -1 : cc_sim_mAh_g (sim, d.capacity);
                  cc_half_result_clear (&d);
                }
            }
          if (report)
            {
              prof = make_profile (sim, c, branch == 0 ? CC_BRANCH_DISCHARGE : CC_BRANCH_CHARGE, &h);
              g_ptr_array_add (r->profiles, prof);
              if (branch == 0)
                {
                  CcRatePoint pt = { 0 };
                  pt.c_rate = c;
                  pt.valid = prof->converged;
                  pt.capacity_mAh_g = prof->capacity_mAh_g_end;
                  pt.energy_Wh_kg_cam = h.energy / 3600.0 / in->cam_loading.value;
                  pt.energy_Wh_kg_composite = h.energy / 3600.0 / in->composite_loading.value;
                  pt.power_W_kg_cam = h.duration > 0 ? h.energy / h.duration / in->cam_loading.value : 0;
                  pt.power_W_kg_composite = h.duration > 0 ? h.energy / h.duration / in->composite_loading.value : 0;
                  g_array_append_val (r->rates, pt);
                }
            }
          cc_half_result_clear (&h);
        }
    }
out:
  cc_half_result_clear (&h);
  cc_electrode_free (e);
  return target;
}

/* The CAM as assembled: fully sodiated (or empty for cathodes made without
 * sodium), but never past the state an infinitely slow half-cycle to the
 * protocol's limit would reach, so the first cycle cannot return more charge
 * than it took. */
static double
start_sodiation (const CcCellInputs *in)
{
  int branch = in->starts_charged ? 1 : -1;
  double target = (in->starts_charged ? in->v_max.value : in->v_min.value) + in->anode_potential.value;
  double lo = 1e-12, hi = 1 - 1e-12, soc;

  for (guint it = 0; it < 200 && hi - lo > 1e-14; it++)
    {
      double mid = 0.5 * (lo + hi);
      if (cc_ocv_eval (&in->ocv, mid, branch, in->temperature.value, NULL) < target)
        lo = mid;
      else
        hi = mid;
    }
  soc = 0.5 * (lo + hi);
  soc = in->starts_charged ? MAX (soc, 1 - CC_OCV_EDGE) : MIN (soc, CC_OCV_EDGE);
  return 1 - soc;
}

static CcCellResult *
result_new (const CcCellInputs *in)
{
  CcCellResult *r = g_new0 (CcCellResult, 1);

  r->profiles = g_ptr_array_new_with_free_func (free_profile);
  r->rates = g_array_new (FALSE, FALSE, sizeof (CcRatePoint));
  r->cycles = g_array_new (FALSE, FALSE, sizeof (CcCycleRecord));
  r->warnings = g_ptr_array_new_with_free_func (g_free);
  r->limiting = -1;
  r->theoretical_mAh_g = in->capacity_theoretical.value / CC_C_PER_MAH_G;
  r->window_mAh_g = in->capacity_window.value / CC_C_PER_MAH_G;
  r->starts_charged = in->starts_charged;
  return r;
}

/* A cell that cannot work: zero capacity at every rate, explained. */
static void
fill_dead (CcCellResult       *r,
           const CcCellInputs *in)
{
  for (guint i = 0; i < in->c_rates->len; i++)
    {
      CcRatePoint pt = { 0 };
      pt.c_rate = g_array_index (in->c_rates, double, i);
      pt.valid = TRUE;
      g_array_append_val (r->rates, pt);
    }
}

CcCellResult *
cc_cell_simulate (const CcCellInputs *in,
                  CcCellOptions      *options,
                  GCancellable       *cancellable,
                  GError            **error)
{
  g_autoptr(CcCellResult) r = NULL;
  CcSim sim = { 0 };
  CcDegState *deg = NULL;
  double y_after = 0, target;
  char *why;

  g_return_val_if_fail (in != NULL, NULL);
  if (!cc_cell_inputs_check (in, error))
    return NULL;

  r = result_new (in);
  sim.in = in;
  sim.result = r;
  sim.cancellable = cancellable;
  if (options != NULL)
    sim.opts = *options;
  else
    cc_cell_options_init (&sim.opts);
  sim.opts.nx = CLAMP (sim.opts.nx, 1, 200);
  sim.opts.nr = CLAMP (sim.opts.nr, 2, CC_DIFFUSION_MAX_SHELLS);
  if (sim.opts.cycles == 0)
    sim.opts.cycles = MAX (in->cycles, 1);

  why = connectivity_problem (in, &r->status);
  if (why != NULL)
    {
      r->message = why;
      fill_dead (r, in);
      return g_steal_pointer (&r);
    }

  base_params (&sim);
  cc_deg_model_init (&sim.model, in, sim.opts.mechanisms);
  sim.in_sign = in->starts_charged ? 1 : -1;
  sim.y_start = start_sodiation (in);

  deg = cc_deg_state_new (&sim.model, sim.opts.nx);
  if (formation (&sim, deg, &y_after))
    {
      target = rate_tests (&sim, deg);
      if (!sim.cancelled && !sim.opts.skip_cycling && sim.opts.cycles > 1)
        cc_sim_cycling (&sim, deg, y_after, target);
    }
  cc_deg_state_free (deg);

  if (sim.cancelled)
    {
      g_set_error_literal (error, CC_CELL_ERROR, CC_CELL_ERROR_CANCELLED, "simulation cancelled");
      return NULL;
    }
  if (r->status == CC_CELL_STATUS_OK && r->warnings->len > 0)
    {
      g_autofree char *earlier = g_steal_pointer (&r->message);

      r->status = CC_CELL_STATUS_PARTIAL;
      r->message = earlier != NULL
                   ? g_strdup_printf ("%s; %u run(s) did not converge; see warnings", earlier, r->warnings->len)
                   : g_strdup_printf ("%u run(s) did not converge; see warnings", r->warnings->len);
    }
  return g_steal_pointer (&r);
}
