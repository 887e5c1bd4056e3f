/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Degradation: each mechanism switched on and off, its growth law against
 * the closed form, the coating and wetting-agent rules, contact loss for
 * rigid vs soft pairs and stack pressure, and cycle jumping against
 * explicit cycling.
 */
#include <string.h>
#include "echem-test-util.h"
#include "cc-echem-constants.h"

static CcCellResult *
run_design (CcDesign *d,
            double    radius_um,
            guint     mechanisms,
            gboolean  jumping)
{
  g_autoptr(CcCellInputs) in = echem_test_inputs (d, radius_um);
  CcCellOptions o;
  CcCellResult *r;

  cc_cell_options_init (&o);
  o.mechanisms = mechanisms;
  o.cycle_jumping = jumping;
  r = echem_test_run (in, &o);
  echem_assert_sane (r);
  return r;
}

static const CcCycleRecord *
last_cycle (const CcCellResult *r)
{
  return &g_array_index (r->cycles, CcCycleRecord, r->cycles->len - 1);
}

static void
test_off_means_no_fade (void)
{
  g_autoptr(CcDesign) d = echem_test_design ("nacro2", "na3ps4-cubic", "acetylene-black");
  g_autoptr(CcCellResult) r = NULL;

  d->protocol.cycles = 200;
  r = run_design (d, 2.5, 0, TRUE);
  g_assert_cmpuint (r->cycles->len, ==, 200);
  g_assert_cmpfloat (cc_cell_result_retention (r, 200), >, 0.995);
  g_assert_cmpfloat (last_cycle (r)->interphase_nm, ==, 0);
  g_assert_cmpint (r->limiting, ==, -1);
  for (guint i = 1; i < r->cycles->len; i++)
    g_assert_cmpfloat (g_array_index (r->cycles, CcCycleRecord, i).coulombic_efficiency, >, 0.995);
}

/* The reduced model, calibrated against the full one, continues cycle 1
 * without a jump: same protocol, no degradation, nearly the same capacity
 * (cycle 2 starts from where cycle 1 ended, not from the assembled state,
 * which matters a little for diffusion-limited particles). */
static void
test_reduced_model_matches (void)
{
  double radii[] = { 1.0, 4.0 };

  for (guint i = 0; i < G_N_ELEMENTS (radii); i++)
    {
      g_autoptr(CcDesign) d = echem_test_design ("nacro2", "na3ps4-cubic", "acetylene-black");
      g_autoptr(CcCellResult) r = NULL;

      d->protocol.cycles = 5;
      d->protocol.cycling_c_rate = 1.0;
      r = run_design (d, radii[i], 0, FALSE);
      g_test_message ("R = %.0f um: cycle 1 (full) %.2f, cycle 2 (reduced) %.2f mAh/g, calibration %.1f Ohm cm2",
                      radii[i], cc_cell_result_discharge_at (r, 1), cc_cell_result_discharge_at (r, 2),
                      r->calibration_ohm_cm2);
      g_assert_cmpfloat (fabs (cc_cell_result_discharge_at (r, 2) / cc_cell_result_discharge_at (r, 1) - 1), <, 0.05);
      g_assert_cmpfloat (fabs (cc_cell_result_discharge_at (r, 5) / cc_cell_result_discharge_at (r, 2) - 1), <, 0.02);
    }
}

/* NaCrO2 charged to ~3.9 V vs Na against Na3PS4 (window to 2.25 V): the
 * oxidised interphase consumes sodium (ICE < 1) and grows resistance. */
static void
test_oxidation_interphase (void)
{
  g_autoptr(CcDesign) d = echem_test_design ("nacro2", "na3ps4-cubic", "acetylene-black");
  g_autoptr(CcCellResult) on = NULL;
  g_autoptr(CcCellResult) off = NULL;

  d->protocol.cycles = 50;
  on = run_design (d, 2.5, CC_MECH_OXIDATION, TRUE);
  off = run_design (d, 2.5, 0, TRUE);
  g_test_message ("ICE %.3f vs %.3f; R %.0f -> %.0f Ohm cm2; %.1f nm", on->ice, off->ice,
                  g_array_index (on->cycles, CcCycleRecord, 0).resistance_ohm_cm2,
                  last_cycle (on)->resistance_ohm_cm2, last_cycle (on)->interphase_nm);
  g_assert_cmpfloat (on->ice, <, off->ice - 0.02);
  g_assert_cmpfloat (last_cycle (on)->interphase_nm, >, 1);
  g_assert_cmpfloat (last_cycle (on)->resistance_ohm_cm2, >,
                     1.2 * g_array_index (off->cycles, CcCycleRecord, 0).resistance_ohm_cm2);
  g_assert_cmpint (on->limiting, ==, 0);   /* oxidative_decomposition */
  g_assert_cmpfloat (cc_cell_result_discharge_at (on, 50), <, cc_cell_result_discharge_at (off, 50));
}

/* Carbon surface accelerates decomposition: more carbon-electrolyte area,
 * more sodium lost in the first cycle. */
static void
test_carbon_accelerates (void)
{
  g_autoptr(CcDesign) d = echem_test_design ("nacro2", "na3ps4-cubic", "acetylene-black");
  g_autoptr(CcCellInputs) in = echem_test_inputs (d, 2.5);
  g_autoptr(CcCellResult) low = NULL;
  g_autoptr(CcCellResult) high = NULL;
  CcCellOptions o;

  cc_cell_options_init (&o);
  o.mechanisms = CC_MECH_OXIDATION;
  o.skip_cycling = TRUE;
  in->carbon_se_area.value *= 0.1;
  low = echem_test_run (in, &o);
  in->carbon_se_area.value *= 100;
  high = echem_test_run (in, &o);
  g_test_message ("ICE with 0.1x carbon area %.3f, with 10x %.3f", low->ice, high->ice);
  g_assert_cmpfloat (high->ice, <, low->ice - 0.02);
}

/* A NYZC coating whose window covers the cathode potential keeps the sulfide
 * from oxidising at the CAM. */
static void
test_coating_blocks (void)
{
  g_autoptr(CcDesign) d = echem_test_design ("nacro2", "na3ps4-cubic", NULL);
  g_autoptr(CcCellResult) bare = NULL;
  g_autoptr(CcCellResult) coated = NULL;
  CcComponent *cam;

  d->protocol.voltage_max_V = 3.3;   /* 3.6 V vs Na: inside NYZC's 1.3-3.8 V */
  d->protocol.cycles = 30;
  bare = run_design (d, 2.5, CC_MECH_OXIDATION, TRUE);
  cam = g_ptr_array_index (d->components, 0);
  cam->coating_id = g_strdup ("nyzc");
  cam->coating_thickness_nm = 30;
  coated = run_design (d, 2.5, CC_MECH_OXIDATION, TRUE);
  g_test_message ("interphase bare %.2f nm, coated %.3f nm", last_cycle (bare)->interphase_nm,
                  last_cycle (coated)->interphase_nm);
  g_assert_cmpfloat (last_cycle (bare)->interphase_nm, >, 1);
  g_assert_cmpfloat (last_cycle (coated)->interphase_nm, <, 0.05 * last_cycle (bare)->interphase_nm);
  g_assert_cmpfloat (coated->ice, >, bare->ice);

  /* Past the coating's own window the protection ends. */
  d->protocol.voltage_max_V = 3.9;   /* 4.2 V vs Na */
  {
    g_autoptr(CcCellResult) over = run_design (d, 2.5, CC_MECH_OXIDATION, TRUE);
    g_assert_cmpfloat (last_cycle (over)->interphase_nm, >, 10 * last_cycle (coated)->interphase_nm);
  }
}

/* Passivating growth follows L = lambda ln(1 + r t / lambda) exactly;
 * continuous growth is faster and keeps going. */
static void
test_growth_laws (void)
{
  g_autoptr(CcDesign) d = echem_test_design ("nacro2", "na3ps4-cubic", NULL);
  g_autoptr(CcCellInputs) in = echem_test_inputs (d, 2.5);
  CcDegModel m;
  CcDegState *s;
  CcDegPotentials E = { 3.0, 3.0, 3.0 };
  GArray *dt = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *pot = g_array_new (FALSE, FALSE, sizeof (CcDegPotentials));
  double r, expect, l_pass, l_cont_10, l_cont_100;

  for (guint k = 0; k < 100; k++)
    {
      double step = 360;   /* 10 h in total */
      g_array_append_val (dt, step);
      g_array_append_val (pot, E);
    }
  in->cam_sigma_e.value = 1e9;   /* the CAM supplies electrons fully */
  cc_deg_model_init (&m, in, CC_MECH_OXIDATION);
  m.a_carbon = 0;
  g_assert_false (m.ox_continuous);   /* S, P2S5 do not conduct electrons */
  s = cc_deg_state_new (&m, 1);
  cc_deg_replay (&m, s, dt, pot, in->thickness.value);
  r = m.rate0 * expm1 ((3.0 - m.e_ox) / m.tafel) * m.chi_cam;
  expect = m.lambda * log1p (r * 3600 * 10 / m.lambda);
  g_assert_cmpfloat (fabs (s->l_ox[0] / expect - 1), <, 1e-9);
  l_pass = s->l_ox[0];
  /* Side-reaction charge = thickness x area x n F / V_m. */
  g_assert_cmpfloat (fabs (s->q_side / (l_pass * m.a_cam * m.zeta * in->thickness.value) - 1), <, 1e-9);
  cc_deg_state_free (s);

  m.ox_continuous = TRUE;
  s = cc_deg_state_new (&m, 1);
  cc_deg_replay (&m, s, dt, pot, in->thickness.value);
  l_cont_10 = s->l_ox[0];
  for (guint k = 0; k < 9; k++)
    cc_deg_replay (&m, s, dt, pot, in->thickness.value);
  l_cont_100 = s->l_ox[0];
  g_test_message ("10 h: passivating %.2f nm, continuous %.2f nm; 100 h continuous %.2f nm",
                  l_pass * 1e9, l_cont_10 * 1e9, l_cont_100 * 1e9);
  g_assert_cmpfloat (l_cont_10, >, l_pass);
  /* Transport-limited: ~sqrt(t), far more than the log of passivation. */
  g_assert_cmpfloat (l_cont_100 / l_cont_10, >, 2.5);
  g_assert_cmpfloat (l_cont_100 / l_cont_10, <, 10.5);
  cc_deg_state_free (s);
  g_array_unref (dt);
  g_array_unref (pot);
}

static CcDesign *
oxide_pair (const char *se)
{
  CcDesign *d = echem_test_design ("nvp", se, "acetylene-black");

  d->protocol.voltage_min_V = 2.5 - 0.3;
  d->protocol.voltage_max_V = 3.7 - 0.3;
  d->protocol.cycles = 60;
  return d;
}

/* Rigid NVP against rigid NZSP loses contact and capacity; against the soft
 * sulfide it keeps it; a higher stack pressure slows the loss. */
static void
test_contact_loss (void)
{
  g_autoptr(CcDesign) rigid = oxide_pair ("nzsp");
  g_autoptr(CcDesign) soft = oxide_pair ("na3ps4-cubic");
  g_autoptr(CcCellResult) rr = run_design (rigid, 1.0, CC_MECH_CONTACT_LOSS, TRUE);
  g_autoptr(CcCellResult) rs = run_design (soft, 1.0, CC_MECH_CONTACT_LOSS, TRUE);
  g_autoptr(CcCellResult) rp = NULL;

  g_test_message ("retention at 60: rigid %.3f, soft %.3f", cc_cell_result_retention (rr, 60),
                  cc_cell_result_retention (rs, 60));
  g_assert_cmpfloat (cc_cell_result_retention (rr, 60), <, 0.5);
  g_assert_cmpfloat (cc_cell_result_retention (rs, 60), >, 0.98);
  g_assert_cmpint (rr->limiting, ==, 3);   /* contact_loss */
  g_assert_cmpfloat (last_cycle (rr)->active_cam_fraction, <, 0.5 * g_array_index (rr->cycles, CcCycleRecord, 0).active_cam_fraction);

  rigid->process.stack_pressure_MPa = 400;
  rp = run_design (rigid, 1.0, CC_MECH_CONTACT_LOSS, TRUE);
  g_assert_cmpfloat (cc_cell_result_retention (rp, 60), >, cc_cell_result_retention (rr, 60));
}

/* A liquid wetting agent stops contact loss; a volatile one only for its
 * lifetime. */
static void
test_wetting_agents (void)
{
  g_autoptr(CcDesign) d = oxide_pair ("nzsp");
  g_autoptr(CcCellResult) il = NULL;
  g_autoptr(CcCellResult) vol = NULL;

  d->protocol.cycles = 400;
  d->cell.interlayer_id = g_strdup ("py14fsi");
  d->cell.interlayer_thickness_um = 2;
  il = run_design (d, 1.0, CC_MECH_ALL, TRUE);
  g_free (d->cell.interlayer_id);
  d->cell.interlayer_id = g_strdup ("napf6-ec-dmc");   /* volatile, ~250 cycles */
  vol = run_design (d, 1.0, CC_MECH_ALL, TRUE);
  g_test_message ("ionic liquid: %.3f at 400; EC-DMC: %.3f at 240, %.3f at 400",
                  cc_cell_result_retention (il, 400), cc_cell_result_retention (vol, 240),
                  cc_cell_result_retention (vol, 400));
  g_assert_cmpfloat (cc_cell_result_retention (il, 400), >, 0.95);
  g_assert_cmpfloat (cc_cell_result_retention (vol, 240), >, 0.95);
  g_assert_cmpfloat (cc_cell_result_retention (vol, 400), <, 0.6);
}

/* Above its structural limit the CAM loses capacity; below it, not. */
static void
test_structural (void)
{
  g_autoptr(CcDesign) d = echem_test_design ("na067ni023mg01mn067o2", "nyzc", "acetylene-black");
  g_autoptr(CcCellResult) below = NULL;
  g_autoptr(CcCellResult) above = NULL;

  /* P2 Na0.67Ni0.23Mg0.1Mn0.67O2: its curve passes the 4.3 V limit near the
   * top of charge. */
  d->protocol.cycles = 100;
  d->protocol.voltage_min_V = 2.0 - 0.3;
  d->protocol.voltage_max_V = 4.1 - 0.3;
  below = run_design (d, 2.5, CC_MECH_STRUCTURAL, TRUE);
  d->protocol.voltage_max_V = 4.5 - 0.3;
  above = run_design (d, 2.5, CC_MECH_STRUCTURAL, TRUE);
  g_test_message ("retention at 100: to 4.1 V %.3f, to 4.5 V %.3f", cc_cell_result_retention (below, 100),
                  cc_cell_result_retention (above, 100));
  g_assert_cmpfloat (cc_cell_result_retention (below, 100), >, 0.995);
  g_assert_cmpfloat (cc_cell_result_retention (above, 100), <, 0.98);
  g_assert_cmpint (above->limiting, ==, 4);
}

/* A chemical interphase forms between an oxide CAM and a sulfide, not a
 * halide. */
static void
test_chemical_interphase (void)
{
  g_autoptr(CcDesign) sul = echem_test_design ("nacro2", "na3ps4-cubic", "acetylene-black");
  g_autoptr(CcDesign) hal = echem_test_design ("nacro2", "nyzc", "acetylene-black");
  g_autoptr(CcCellResult) rs = run_design (sul, 2.5, CC_MECH_CHEMICAL, TRUE);
  g_autoptr(CcCellResult) rh = run_design (hal, 2.5, CC_MECH_CHEMICAL, TRUE);

  g_assert_cmpfloat (last_cycle (rs)->interphase_nm, >, 2.5);
  g_assert_cmpfloat (last_cycle (rh)->interphase_nm, <, 0.3 * last_cycle (rs)->interphase_nm);
}

/* Cycle jumping reproduces explicit cycling and skips most cycles. */
static void
test_cycle_jumping (void)
{
  g_autoptr(CcDesign) d = echem_test_design ("nacro2", "na3ps4-cubic", "acetylene-black");
  g_autoptr(CcCellResult) jump = NULL;
  g_autoptr(CcCellResult) every = NULL;

  d->protocol.cycles = 300;
  d->protocol.voltage_max_V = 3.3;
  jump = run_design (d, 2.5, CC_MECH_ALL, TRUE);
  every = run_design (d, 2.5, CC_MECH_ALL, FALSE);
  g_test_message ("explicit cycles: %u with jumping, %u without; capacity at 300: %.2f vs %.2f",
                  jump->explicit_cycles, every->explicit_cycles, cc_cell_result_discharge_at (jump, 300),
                  cc_cell_result_discharge_at (every, 300));
  g_assert_cmpuint (every->explicit_cycles, ==, 299);
  g_assert_cmpuint (jump->explicit_cycles, <, 60);
  for (guint c = 50; c <= 300; c += 50)
    g_assert_cmpfloat (fabs (cc_cell_result_discharge_at (jump, c) / cc_cell_result_discharge_at (every, c) - 1),
                       <, 0.02);
  g_assert_cmpfloat (fabs (last_cycle (jump)->interphase_nm / last_cycle (every)->interphase_nm - 1), <, 0.02);
}

static void
test_ten_thousand_cycles (void)
{
  g_autoptr(CcDesign) d = echem_test_design ("nacro2", "nyzc", "acetylene-black");
  g_autoptr(CcCellResult) r = NULL;
  gint64 t0;

  d->protocol.cycles = 10000;
  d->protocol.cycling_c_rate = 1;
  g_free (d->cell.separator_id);
  d->cell.separator_id = g_strdup ("na3ps4-cubic");   /* NYZC is reduced by Na-Sn */
  t0 = g_get_monotonic_time ();
  r = run_design (d, 2.5, CC_MECH_ALL, TRUE);
  g_test_message ("10,000 cycles in %.0f ms, %u explicit", (g_get_monotonic_time () - t0) / 1000.0,
                  r->explicit_cycles);
  g_assert_cmpuint (r->cycles->len, ==, 10000);
  g_assert_cmpuint (r->explicit_cycles, <, 300);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/echem/fade/off-means-no-fade", test_off_means_no_fade);
  g_test_add_func ("/echem/fade/reduced-model-matches", test_reduced_model_matches);
  g_test_add_func ("/echem/fade/oxidation-interphase", test_oxidation_interphase);
  g_test_add_func ("/echem/fade/carbon-accelerates", test_carbon_accelerates);
  g_test_add_func ("/echem/fade/coating-blocks", test_coating_blocks);
  g_test_add_func ("/echem/fade/growth-laws", test_growth_laws);
  g_test_add_func ("/echem/fade/contact-loss", test_contact_loss);
  g_test_add_func ("/echem/fade/wetting-agents", test_wetting_agents);
  g_test_add_func ("/echem/fade/structural", test_structural);
  g_test_add_func ("/echem/fade/chemical-interphase", test_chemical_interphase);
  g_test_add_func ("/echem/fade/cycle-jumping", test_cycle_jumping);
  g_test_add_func ("/echem/fade/ten-thousand-cycles", test_ten_thousand_cycles);
  return g_test_run ();
}
