/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cell model end to end: inputs and their provenance, connectivity
 * failures explained (never NaN), capacity bounds and efficiency as
 * properties over random parameters, rate and temperature trends, JSON keys,
 * non-convergence and cancellation.
 */
#include <string.h>
#include "echem-test-util.h"
#include "cc-echem-constants.h"

static void
test_inputs_provenance (void)
{
  g_autoptr(CcDesign) d = echem_test_design ("nacro2", "na3ps4-cubic", "acetylene-black");
  g_autoptr(CcCellInputs) in = echem_test_inputs (d, 2.5);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *o;

  /* SI conversions of database values (cm2/s -> m2/s, mAh/g -> C/kg,
   * S/cm -> S/m with the Arrhenius factor 1 at 25 C). */
  g_assert_cmpfloat_with_epsilon (in->diffusivity.value, 1e-11 * 1e-4, 1e-20);
  g_assert_cmpfloat_with_epsilon (in->capacity_theoretical.value, 250.5 * 3600, 1e-6);
  g_assert_cmpfloat_with_epsilon (in->capacity_window.value, 120 * 3600, 1e-6);
  g_assert_cmpfloat_with_epsilon (in->el_sigma.value, 4.6e-4 * 100, 1e-9);
  /* c_max = Q rho / F */
  g_assert_cmpfloat_with_epsilon (in->c_max.value, 120 * 3600 * 4360 / CC_FARADAY, 1e-6);
  /* Separator: 500 um / 4.6e-2 S/m. */
  g_assert_cmpfloat_with_epsilon (in->separator_resistance.value, 500e-6 / 4.6e-2, 1e-9);
  g_assert_cmpfloat (in->anode_potential.value, ==, 0.3);
  g_assert_false (in->starts_charged);
  /* Database values keep their key and source; estimates in the database
   * stay estimates. */
  g_assert_nonnull (strstr (in->diffusivity.source, "nacro2: diffusion_coefficient_cm2_s"));
  g_assert_true (in->diffusivity.origin == CC_ORIGIN_MATERIAL || in->diffusivity.origin == CC_ORIGIN_ESTIMATE);
  g_assert_cmpint (in->separator_resistance.origin, ==, CC_ORIGIN_DERIVED);
  g_assert_cmpint (in->active_cam_fraction.origin, ==, CC_ORIGIN_MICROSTRUCTURE);
  g_assert_cmpint (in->k[CC_K_DECOMP_RATE].origin, ==, CC_ORIGIN_FITTED);

  json_builder_begin_object (b);
  cc_cell_inputs_to_json (in, b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  o = json_node_get_object (root);
  /* Every parameter says where it came from. */
  members = json_object_get_members (o);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *n = json_object_get_member (o, l->data);
      if (!JSON_NODE_HOLDS_OBJECT (n))
        continue;
      g_assert_cmpuint (strlen (json_object_get_string_member (json_node_get_object (n), "source")), >, 3);
      g_assert_cmpuint (strlen (json_object_get_string_member (json_node_get_object (n), "origin")), >, 3);
    }
  g_assert_true (json_object_has_member (o, "decomposition_rate_constant"));
}

static void
test_temperature_arrhenius (void)
{
  g_autoptr(CcDesign) d = echem_test_design ("nacro2", "na3ps4-cubic", "acetylene-black");
  g_autoptr(CcCellInputs) warm = NULL;
  g_autoptr(CcCellInputs) cold = NULL;
  double ea = 0.28, expect;

  d->protocol.temperature_C = 60;
  warm = echem_test_inputs (d, 2.5);
  d->protocol.temperature_C = -10;
  cold = echem_test_inputs (d, 2.5);
  expect = exp (-ea / CC_BOLTZMANN_EV * (1 / 333.15 - 1 / 263.15));
  g_assert_cmpfloat (fabs (warm->el_sigma.value / cold->el_sigma.value / expect - 1), <, 1e-9);
  g_assert_cmpfloat (warm->sigma_ion_eff.value, >, cold->sigma_ion_eff.value);
  g_assert_cmpfloat (warm->diffusivity.value, >, cold->diffusivity.value);
  {
    CcCellOptions o;
    g_autoptr(CcCellResult) rw = NULL;
    g_autoptr(CcCellResult) rc = NULL;

    cc_cell_options_init (&o);
    o.skip_cycling = TRUE;
    o.mechanisms = 0;
    rw = echem_test_run (warm, &o);
    rc = echem_test_run (cold, &o);
    /* At 2C the cold cell is transport limited. */
    g_assert_cmpfloat (g_array_index (rc->rates, CcRatePoint, 4).capacity_mAh_g, <,
                       0.9 * g_array_index (rw->rates, CcRatePoint, 4).capacity_mAh_g);
  }
}

static void
assert_dead (CcCellInputs *in,
             CcCellStatus  status,
             const char   *phrase)
{
  g_autoptr(CcCellResult) r = echem_test_run (in, NULL);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (r->status, ==, status);
  g_assert_nonnull (strstr (r->message, phrase));
  g_assert_false (r->has_ice);
  for (guint i = 0; i < r->rates->len; i++)
    g_assert_cmpfloat (g_array_index (r->rates, CcRatePoint, i).capacity_mAh_g, ==, 0);
  json_builder_begin_object (b);
  cc_cell_result_to_json (r, b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  text = json_to_string (root, FALSE);
  /* json-glib would print NaN and infinities as bare words. */
  g_assert_null (strstr (text, ":nan"));
  g_assert_null (strstr (text, ":-nan"));
  g_assert_null (strstr (text, ":inf"));
  g_assert_null (strstr (text, ":-inf"));
}

static void
test_no_ionic_path (void)
{
  g_autoptr(CcDesign) d = echem_test_design ("nacro2", "na3ps4-cubic", "acetylene-black");
  CcMicrostructure m;
  g_autoptr(CcCellInputs) in = NULL;

  echem_test_micro (&m, 2.5);
  m.ionic_percolation = FALSE;
  m.active_cam_fraction = 0;
  m.se_volume_fraction = 0.08;
  in = cc_cell_inputs_from_design (d, echem_test_db (), &m, NULL);
  assert_dead (in, CC_CELL_STATUS_NO_IONIC_PATH, "no ionic path: the electrolyte fraction");
}

static void
test_no_electronic_path (void)
{
  g_autoptr(CcDesign) d = echem_test_design ("nacro2", "na3ps4-cubic", "acetylene-black");
  CcMicrostructure m;
  g_autoptr(CcCellInputs) in = NULL;

  echem_test_micro (&m, 2.5);
  m.electronic_percolation = FALSE;
  m.sigma_e_eff_S_per_cm = 0;
  in = cc_cell_inputs_from_design (d, echem_test_db (), &m, NULL);
  assert_dead (in, CC_CELL_STATUS_NO_ELECTRONIC_PATH, "no electronic path");
}

/* A sphere packing cannot hold fibres: with a fibrous carbon above ~1 vol%
 * the electronic network is estimated instead of declared absent. */
static void
test_fibre_network (void)
{
  g_autoptr(CcDesign) d = echem_test_design ("nacro2", "na3ps4-cubic", "vgcf");
  CcMicrostructure m;
  g_autoptr(CcCellInputs) in = NULL;
  g_autoptr(CcCellResult) r = NULL;
  gboolean noted = FALSE;

  echem_test_micro (&m, 2.5);
  m.electronic_percolation = FALSE;
  m.sigma_e_eff_S_per_cm = 0;
  m.active_cam_fraction = 0.1;
  m.cam_se_area_per_volume_cm2_cm3 *= 0.1 / 0.92;
  in = cc_cell_inputs_from_design (d, echem_test_db (), &m, NULL);
  g_assert_true (in->electronic_percolation);
  g_assert_cmpfloat (in->sigma_e_eff.value, >, 1);
  g_assert_cmpfloat (in->active_cam_fraction.value, >, 0.5);
  g_assert_cmpfloat_with_epsilon (in->cam_se_area.value / in->active_cam_fraction.value,
                                  m.cam_se_area_per_volume_cm2_cm3 * 100 / 0.1, 1e-6 * in->cam_se_area.value);
  for (guint i = 0; i < in->notes->len; i++)
    noted |= strstr (g_ptr_array_index (in->notes, i), "fibrous") != NULL;
  g_assert_true (noted);
  r = echem_test_run (in, NULL);
  g_assert_cmpint (r->status, ==, CC_CELL_STATUS_OK);
}

static void
test_no_active_cam (void)
{
  g_autoptr(CcDesign) d = echem_test_design ("nacro2", "na3ps4-cubic", "acetylene-black");
  CcMicrostructure m;
  g_autoptr(CcCellInputs) in = NULL;

  echem_test_micro (&m, 2.5);
  m.active_cam_fraction = 0;
  m.cam_se_area_per_volume_cm2_cm3 = 0;
  in = cc_cell_inputs_from_design (d, echem_test_db (), &m, NULL);
  assert_dead (in, CC_CELL_STATUS_NO_ACTIVE_CAM, "no active CAM");
}

/* A design whose CAM mass fraction is zero: an explained dead cell. */
static void
test_zero_cam (void)
{
  g_autoptr(CcDesign) d = echem_test_design ("nacro2", "na3ps4-cubic", "acetylene-black");
  CcComponent *cam = g_ptr_array_index (d->components, 0);
  CcComponent *se = g_ptr_array_index (d->components, 1);
  g_autoptr(CcCellInputs) in = NULL;

  se->mass_fraction += cam->mass_fraction;
  cam->mass_fraction = 0;
  in = echem_test_inputs (d, 2.5);
  assert_dead (in, CC_CELL_STATUS_NO_ACTIVE_CAM, "no active CAM");
}

static void
test_no_electrolyte_component (void)
{
  g_autoptr(CcDesign) d = echem_test_design ("nacro2", NULL, "acetylene-black");
  CcMicrostructure m;
  g_autoptr(CcCellInputs) in = NULL;

  echem_test_micro (&m, 2.5);
  m.ionic_percolation = FALSE;
  m.se_volume_fraction = 0;
  in = cc_cell_inputs_from_design (d, echem_test_db (), &m, NULL);
  assert_dead (in, CC_CELL_STATUS_NO_IONIC_PATH, "no ionic path");
}

/* Slow discharge of a fresh, ideal cell delivers the active CAM's window. */
static void
test_slow_rate_utilisation (void)
{
  g_autoptr(CcDesign) d = echem_test_design ("nacro2", "na3ps4-cubic", "acetylene-black");
  g_autoptr(CcCellInputs) in = NULL;
  g_autoptr(CcCellResult) r = NULL;
  CcCellOptions o;
  double expect;

  d->protocol.voltage_min_V = 1.5;
  d->protocol.voltage_max_V = 3.6;
  g_array_set_size (d->protocol.c_rates, 0);
  g_array_append_val (d->protocol.c_rates, (double) { 0.01 });
  d->protocol.cycling_c_rate = 0.01;
  in = echem_test_inputs (d, 2.5);
  cc_cell_options_init (&o);
  o.mechanisms = 0;
  o.skip_cycling = TRUE;
  r = echem_test_run (in, &o);
  echem_assert_sane (r);
  expect = 120 * in->active_cam_fraction.value;
  g_test_message ("0.01C: %.2f mAh/g, expected %.2f", g_array_index (r->rates, CcRatePoint, 0).capacity_mAh_g, expect);
  g_assert_cmpfloat (fabs (g_array_index (r->rates, CcRatePoint, 0).capacity_mAh_g / expect - 1), <, 0.03);
  /* Without side reactions the first cycle returns all it took. */
  g_assert_cmpfloat (r->ice, >, 0.99);
}

static void
test_rate_capability_monotone (void)
{
  g_autoptr(CcDesign) d = echem_test_design ("nacro2", "na3ps4-cubic", "acetylene-black");
  g_autoptr(CcCellInputs) in = NULL;
  g_autoptr(CcCellResult) r = NULL;
  CcCellOptions o;

  in = echem_test_inputs (d, 4.0);
  cc_cell_options_init (&o);
  o.skip_cycling = TRUE;
  o.mechanisms = 0;     /* the fresh cell: transport and kinetics only */
  r = echem_test_run (in, &o);
  echem_assert_sane (r);
  g_assert_cmpuint (r->rates->len, ==, 5);
  g_assert_cmpuint (r->profiles->len, ==, 10);
  for (guint i = 1; i < r->rates->len; i++)
    {
      const CcRatePoint *a = &g_array_index (r->rates, CcRatePoint, i - 1);
      const CcRatePoint *c = &g_array_index (r->rates, CcRatePoint, i);
      g_assert_cmpfloat (c->c_rate, >, a->c_rate);
      g_assert_cmpfloat (c->capacity_mAh_g, <=, a->capacity_mAh_g + 1e-6);
      /* Power grows with rate while the capacity holds. */
      if (c->capacity_mAh_g > 0.5 * a->capacity_mAh_g)
        g_assert_cmpfloat (c->power_W_kg_cam, >, a->power_W_kg_cam);
      /* Energy per CAM mass = capacity x mean voltage, a few volts. */
      if (c->capacity_mAh_g > 1)
        {
          double v = c->energy_Wh_kg_cam / c->capacity_mAh_g;
          g_assert_cmpfloat (v, >, 1.5);
          g_assert_cmpfloat (v, <, 3.6);
        }
      g_test_message ("%gC: %.1f mAh/g, %.0f Wh/kg CAM, %.0f W/kg CAM", c->c_rate, c->capacity_mAh_g,
                      c->energy_Wh_kg_cam, c->power_W_kg_cam);
      if (c->energy_Wh_kg_cam > 0)
        g_assert_cmpfloat (c->energy_Wh_kg_composite, <, c->energy_Wh_kg_cam);
    }
  /* Discharge curves fall, charge curves rise. */
  for (guint i = 0; i < r->profiles->len; i++)
    {
      const CcVoltageProfile *p = g_ptr_array_index (r->profiles, i);
      guint n = p->voltage_V->len;
      if (n < 3)
        continue;
      if (p->branch == CC_BRANCH_DISCHARGE)
        g_assert_cmpfloat (g_array_index (p->voltage_V, double, n - 1), <, g_array_index (p->voltage_V, double, 0));
      else
        g_assert_cmpfloat (g_array_index (p->voltage_V, double, n - 1), >, g_array_index (p->voltage_V, double, 0));
    }
}

/* Property: over random, extreme parameters nothing exceeds theory, no
 * cycle's efficiency exceeds one, and no number is NaN. */
static void
test_property_bounds (void)
{
  GRand *rand = g_rand_new_with_seed (20250101);
  guint runs = g_test_slow () ? 40 : 14;

  for (guint run = 0; run < runs; run++)
    {
      g_autoptr(CcDesign) d = echem_test_design ("nacro2", "na3ps4-cubic",
                                                 g_rand_boolean (rand) ? "acetylene-black" : NULL);
      g_autoptr(CcCellInputs) in = NULL;
      g_autoptr(CcCellResult) r = NULL;
      CcCellOptions o;

      d->protocol.temperature_C = g_rand_double_range (rand, -20, 80);
      d->protocol.voltage_max_V = g_rand_double_range (rand, 2.8, 4.2);
      d->protocol.voltage_min_V = g_rand_double_range (rand, 1.0, 2.6);
      d->protocol.cycling_c_rate = exp (g_rand_double_range (rand, log (0.05), log (5)));
      d->protocol.cycles = 30;
      d->cell.areal_loading_mg_cm2 = g_rand_double_range (rand, 1, 60);
      in = echem_test_inputs (d, g_rand_double_range (rand, 0.1, 10));
      in->exchange_current.value *= exp (g_rand_double_range (rand, log (1e-3), log (1e2)));
      in->diffusivity.value *= exp (g_rand_double_range (rand, log (1e-3), log (1e3)));
      in->sigma_ion_eff.value *= exp (g_rand_double_range (rand, log (1e-3), log (1e2)));
      in->k[CC_K_DECOMP_RATE].value *= exp (g_rand_double_range (rand, log (1e-2), log (1e3)));
      in->volume_change.value = g_rand_double_range (rand, 0, 0.3);
      cc_cell_options_init (&o);
      r = echem_test_run (in, &o);
      g_test_message ("run %u: status %s, ICE %.3f, cycle-1 %.1f mAh/g", run,
                      cc_cell_status_to_string (r->status), r->ice, cc_cell_result_discharge_at (r, 1));
      echem_assert_sane (r);
      if (r->status != CC_CELL_STATUS_OK)
        g_assert_cmpuint (strlen (r->message), >, 10);
    }
  g_rand_free (rand);
}

static void
test_json_keys (void)
{
  g_autoptr(CcDesign) d = echem_test_design ("nacro2", "na3ps4-cubic", "acetylene-black");
  g_autoptr(CcCellInputs) in = echem_test_inputs (d, 2.5);
  g_autoptr(CcCellResult) r = echem_test_run (in, NULL);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o, *p, *c;

  json_builder_begin_object (b);
  cc_cell_result_to_json (r, b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  o = json_node_get_object (root);
  p = json_array_get_object_element (json_object_get_array_member (o, "voltage_profiles"), 0);
  g_assert_true (json_object_has_member (p, "c_rate") && json_object_has_member (p, "branch"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (p, "capacity_mAh_g")), ==,
                    json_array_get_length (json_object_get_array_member (p, "voltage_V")));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (p, "voltage_V")), >, 10);
  g_assert_true (json_object_has_member (json_object_get_object_member (o, "rate_capability"), "c_rate"));
  g_assert_true (json_object_has_member (json_object_get_object_member (o, "rate_capability"), "capacity_mAh_g"));
  c = json_object_get_object_member (o, "cycling");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (c, "cycle")), ==, 20);
  for (const char **k = (const char *[]) { "discharge_capacity_mAh_g", "coulombic_efficiency",
                                          "resistance_ohm_cm2", "interphase_thickness_nm",
                                          "active_cam_fraction", "dominant_mechanism", NULL }; *k; k++)
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (c, *k)), ==, 20);
  g_assert_true (json_object_has_member (json_object_get_object_member (o, "energy"), "specific_energy_Wh_kg_cam"));
  g_assert_true (json_object_has_member (json_object_get_object_member (o, "energy"), "specific_power_W_kg_composite"));
  g_assert_true (json_object_has_member (o, "initial_coulombic_efficiency"));
}

static void
test_nonconvergence_reported (void)
{
  g_autoptr(CcDesign) d = echem_test_design ("nacro2", "na3ps4-cubic", "acetylene-black");
  g_autoptr(CcCellInputs) in = echem_test_inputs (d, 2.5);
  g_autoptr(CcCellResult) r = NULL;
  CcCellOptions o;

  cc_cell_options_init (&o);
  o.max_newton = 1;    /* Newton cannot converge in one iteration */
  r = echem_test_run (in, &o);
  g_assert_cmpint (r->status, ==, CC_CELL_STATUS_FAILED);
  g_assert_nonnull (strstr (r->message, "did not converge"));
  echem_assert_sane (r);
}

static void
test_cancel (void)
{
  g_autoptr(CcDesign) d = echem_test_design ("nacro2", "na3ps4-cubic", "acetylene-black");
  g_autoptr(CcCellInputs) in = echem_test_inputs (d, 2.5);
  g_autoptr(GCancellable) c = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  CcCellResult *r;

  g_cancellable_cancel (c);
  r = cc_cell_simulate (in, NULL, c, &error);
  g_assert_null (r);
  g_assert_error (error, CC_CELL_ERROR, CC_CELL_ERROR_CANCELLED);
}

static void
test_bad_inputs (void)
{
  g_autoptr(CcDesign) d = echem_test_design ("nacro2", "na3ps4-cubic", "acetylene-black");
  g_autoptr(CcCellInputs) in = echem_test_inputs (d, 2.5);
  g_autoptr(GError) error = NULL;

  in->diffusivity.value = NAN;
  g_assert_null (cc_cell_simulate (in, NULL, NULL, &error));
  g_assert_error (error, CC_CELL_ERROR, CC_CELL_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "diffusivity"));
  g_clear_error (&error);
  in->diffusivity.value = 1e-15;
  in->v_max.value = in->v_min.value - 0.1;
  g_assert_null (cc_cell_simulate (in, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "voltage window"));
}

static void
test_unknown_material (void)
{
  g_autoptr(CcDesign) d = echem_test_design ("unobtainium", "na3ps4-cubic", NULL);
  g_autoptr(GError) error = NULL;
  CcMicrostructure m;

  echem_test_micro (&m, 2.5);
  g_assert_null (cc_cell_inputs_from_design (d, echem_test_db (), &m, &error));
  g_assert_nonnull (error);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/echem/cell/inputs-provenance", test_inputs_provenance);
  g_test_add_func ("/echem/cell/temperature-arrhenius", test_temperature_arrhenius);
  g_test_add_func ("/echem/cell/no-ionic-path", test_no_ionic_path);
  g_test_add_func ("/echem/cell/no-electronic-path", test_no_electronic_path);
  g_test_add_func ("/echem/cell/no-active-cam", test_no_active_cam);
  g_test_add_func ("/echem/cell/fibre-network", test_fibre_network);
  g_test_add_func ("/echem/cell/no-electrolyte-component", test_no_electrolyte_component);
  g_test_add_func ("/echem/cell/zero-cam", test_zero_cam);
  g_test_add_func ("/echem/cell/slow-rate-utilisation", test_slow_rate_utilisation);
  g_test_add_func ("/echem/cell/rate-capability-monotone", test_rate_capability_monotone);
  g_test_add_func ("/echem/cell/property-bounds", test_property_bounds);
  g_test_add_func ("/echem/cell/json-keys", test_json_keys);
  g_test_add_func ("/echem/cell/nonconvergence-reported", test_nonconvergence_reported);
  g_test_add_func ("/echem/cell/cancel", test_cancel);
  g_test_add_func ("/echem/cell/bad-inputs", test_bad_inputs);
  g_test_add_func ("/echem/cell/unknown-material", test_unknown_material);
  return g_test_run ();
}
