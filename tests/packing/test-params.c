/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From recipe to particles: the --spheres language, mass to volume
 * fractions, properties from the materials database (with fallbacks and
 * Arrhenius), coarse-graining, particle counts and size distributions, and
 * the contact law.
 */
#include "cc-packing-private.h"
#include "cc-packing-law.h"
#include "cc-packing-rng.h"
#include "cc-preset.h"

#include <math.h>
#include <string.h>

static void
test_normal_quantile (void)
{
  /* tabulated quantiles of the standard normal */
  g_assert_cmpfloat_with_epsilon (cc_normal_quantile (0.5), 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (cc_normal_quantile (0.975), 1.959963985, 1e-8);
  g_assert_cmpfloat_with_epsilon (cc_normal_quantile (0.8413447461), 1.0, 1e-8);
  g_assert_cmpfloat_with_epsilon (cc_normal_quantile (1e-6), -4.753424309, 1e-7);
  for (double p = 0.001; p < 1; p += 0.0137)
    g_assert_cmpfloat_with_epsilon (cc_normal_cdf (cc_normal_quantile (p)), p, 1e-9);
}

static void
test_rng_streams (void)
{
  CcRng a, b, c;
  double mean = 0;

  cc_rng_init (&a, 7, 1);
  cc_rng_init (&b, 7, 1);
  cc_rng_init (&c, 7, 2);
  for (guint i = 0; i < 1000; i++)
    {
      guint64 x = cc_rng_next (&a);

      g_assert_cmpuint (x, ==, cc_rng_next (&b));
      g_assert_cmpuint (x, !=, cc_rng_next (&c));
    }
  for (guint i = 0; i < 100000; i++)
    mean += cc_rng_uniform (&a);
  g_assert_cmpfloat_with_epsilon (mean / 100000, 0.5, 0.005);
}

static void
test_spheres_parse (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcPackingParams) p = cc_packing_params_from_spheres ("cam:5:0.6:0.3, se:2:0.3,carbon:0.8:0.1", 5000, 9, &error);
  CcPackingParams *bad;

  g_assert_no_error (error);
  g_assert_cmpuint (p->n_species, ==, 3);
  g_assert_cmpuint (p->n_particles, ==, 5000);
  g_assert_cmpuint (p->seed, ==, 9);
  g_assert_cmpint (p->species[0].role, ==, CC_ROLE_CAM);
  g_assert_cmpfloat (p->species[0].d50_um, ==, 5);
  g_assert_cmpfloat (p->species[0].spread, ==, 0.3);
  g_assert_cmpfloat_with_epsilon (p->species[1].volume_fraction, 0.3, 1e-12);
  g_assert_cmpint (p->species[2].role, ==, CC_ROLE_CARBON);
  g_assert_true (p->species[1].ion_network);
  g_assert_true (p->species[2].electron_network);
  g_assert_false (p->species[0].ion_network || p->species[0].electron_network);

  bad = cc_packing_params_from_spheres ("anode:5:1", 100, 1, &error);
  g_assert_null (bad);
  g_assert_error (error, CC_PACKING_ERROR, CC_PACKING_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "spheres[0].role"));
  g_clear_error (&error);
  bad = cc_packing_params_from_spheres ("cam:five:1", 100, 1, &error);
  g_assert_null (bad);
  g_assert_nonnull (strstr (error->message, "diameter_um"));
  g_clear_error (&error);
  bad = cc_packing_params_from_spheres ("cam:5:0.5,se:2:0.3", 100, 1, &error);
  g_assert_null (bad);
  g_assert_nonnull (strstr (error->message, "sum to 0.8"));
  g_clear_error (&error);
  bad = cc_packing_params_from_spheres ("cam:5", 100, 1, &error);
  g_assert_null (bad);
  g_clear_error (&error);
  bad = cc_packing_params_from_spheres ("cam:-5:1", 100, 1, &error);
  g_assert_null (bad);
  g_assert_nonnull (strstr (error->message, "d50_um"));
  g_clear_error (&error);
  bad = cc_packing_params_from_spheres ("cam:nan:1", 100, 1, &error);
  g_assert_null (bad);
  g_clear_error (&error);
}

/* A materials database with controlled numbers (the shipped one may change). */
static const char test_materials[] =
  "{\"schema\": 1, \"materials\": ["
  "{\"id\": \"cam-a\", \"name\": \"A\", \"formula\": \"A\", \"class\": \"cam\", \"family\": \"layered_oxide\","
  " \"properties\": {\"density_g_cm3\": {\"value\": 4.0, \"source\": \"t\"},"
  "  \"young_modulus_GPa\": {\"value\": 180, \"source\": \"t\"},"
  "  \"electronic_conductivity_S_cm\": {\"value\": 1e-5, \"source\": \"t\"}}},"
  "{\"id\": \"cam-metal\", \"name\": \"M\", \"formula\": \"M\", \"class\": \"cam\", \"family\": \"sulfide\","
  " \"properties\": {\"density_g_cm3\": {\"value\": 3.2, \"source\": \"t\"},"
  "  \"electronic_conductivity_S_cm\": {\"value\": 100, \"source\": \"t\"}}},"
  "{\"id\": \"se-s\", \"name\": \"S\", \"formula\": \"S\", \"class\": \"se\", \"family\": \"sulfide\","
  " \"properties\": {\"density_g_cm3\": {\"value\": 2.0, \"source\": \"t\"},"
  "  \"ionic_conductivity_S_cm\": {\"value\": 1e-3, \"source\": \"t\"},"
  "  \"activation_energy_eV\": {\"value\": 0.3, \"source\": \"t\"},"
  "  \"young_modulus_GPa\": {\"value\": 20, \"source\": \"t\"},"
  "  \"hardness_GPa\": {\"value\": 1.5, \"source\": \"t\"}}, \"facts\": {\"anion\": \"sulfide\"}},"
  "{\"id\": \"se-o\", \"name\": \"O\", \"formula\": \"O\", \"class\": \"se\", \"family\": \"nasicon\","
  " \"properties\": {\"density_g_cm3\": {\"value\": 3.2, \"source\": \"t\"}}, \"facts\": {\"anion\": \"oxide\"}},"
  "{\"id\": \"se-bare\", \"name\": \"B\", \"formula\": \"B\", \"class\": \"se\", \"family\": \"x\", \"properties\": {}},"
  "{\"id\": \"c\", \"name\": \"C\", \"formula\": \"C\", \"class\": \"carbon\", \"family\": \"carbon_black\","
  " \"properties\": {\"density_g_cm3\": {\"value\": 2.0, \"source\": \"t\"}}, \"facts\": {\"deformation\": \"elastic\"}},"
  "{\"id\": \"sep\", \"name\": \"P\", \"formula\": \"P\", \"class\": \"se\", \"family\": \"sulfide\", \"properties\": {}},"
  "{\"id\": \"an\", \"name\": \"N\", \"formula\": \"N\", \"class\": \"anode\", \"family\": \"metal\","
  " \"properties\": {\"potential_vs_na_V\": {\"value\": 0.0, \"source\": \"t\"}}}"
  "]}";

static CcMaterialDb *
test_db (void)
{
  g_autoptr(GError) error = NULL;
  CcMaterialDb *db = cc_material_db_new ();

  g_assert_true (cc_material_db_load_data (db, test_materials, -1, "test.json", &error));
  g_assert_no_error (error);
  return db;
}

static CcDesign *
test_design (void)
{
  CcDesign *d = cc_design_new ();

  g_free (d->cell.separator_id);
  d->cell.separator_id = g_strdup ("sep");
  g_free (d->cell.anode_id);
  d->cell.anode_id = g_strdup ("an");
  return d;
}

/* ρ 4, 2, 2 and w 0.6, 0.3, 0.1: v ∝ 0.15, 0.15, 0.05. */
static void
test_mass_to_volume (void)
{
  g_autoptr(CcMaterialDb) db = test_db ();
  g_autoptr(CcDesign) d = test_design ();
  g_autoptr(CcPackingParams) p = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (d->components, cc_component_new ("cam-a", 0.6, 5, 0.3));
  g_ptr_array_add (d->components, cc_component_new ("se-s", 0.3, 2, 0.3));
  g_ptr_array_add (d->components, cc_component_new ("c", 0.1, 2, 0));
  p = cc_packing_params_from_design (d, db, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (p->species[0].volume_fraction, 0.15 / 0.35, 1e-12);
  g_assert_cmpfloat_with_epsilon (p->species[1].volume_fraction, 0.15 / 0.35, 1e-12);
  g_assert_cmpfloat_with_epsilon (p->species[2].volume_fraction, 0.05 / 0.35, 1e-12);
  g_assert_cmpfloat (p->pressure_MPa, ==, d->process.pressure_MPa);
  g_assert_cmpuint (p->n_particles, ==, d->simulation.particles);
}

static void
test_properties (void)
{
  g_autoptr(CcMaterialDb) db = test_db ();
  g_autoptr(CcDesign) d = test_design ();
  g_autoptr(CcPackingParams) p = NULL;
  g_autoptr(GError) error = NULL;
  const double kB = 8.617333262e-5;

  g_ptr_array_add (d->components, cc_component_new ("cam-a", 0.5, 5, 0.3));
  g_ptr_array_add (d->components, cc_component_new ("cam-metal", 0.1, 5, 0.3));
  g_ptr_array_add (d->components, cc_component_new ("se-s", 0.2, 2, 0.3));
  g_ptr_array_add (d->components, cc_component_new ("se-o", 0.1, 2, 0.3));
  g_ptr_array_add (d->components, cc_component_new ("se-bare", 0.05, 2, 0.3));
  g_ptr_array_add (d->components, cc_component_new ("c", 0.05, 1.5, 0.3));
  d->protocol.temperature_C = 60;
  p = cc_packing_params_from_design (d, db, &error);
  g_assert_no_error (error);
  /* Arrhenius from 25 to 60 °C with 0.3 eV */
  g_assert_cmpfloat_with_epsilon (p->species[2].sigma_ion_S_cm,
                                  1e-3 * exp (-0.3 / kB * (1 / 333.15 - 1 / 298.15)), 1e-12);
  g_assert_cmpfloat (p->species[2].sigma_ion_S_cm, >, 3e-3);
  g_assert_cmpfloat (p->species[2].hardness_GPa, ==, 1.5);
  /* sulfide plastic, oxide elastic, the database's "deformation" wins */
  g_assert_true (p->species[2].plastic);
  g_assert_false (p->species[3].plastic);
  g_assert_false (p->species[5].plastic);
  /* a metallic CAM joins the electronic network, an oxide one does not */
  g_assert_true (p->species[1].electron_network);
  g_assert_false (p->species[0].electron_network);
  /* a material without any key gets the role's fallbacks, never a crash */
  g_assert_cmpfloat (p->species[4].density_g_cm3, >, 0);
  g_assert_cmpfloat (p->species[4].young_modulus_GPa, >, 0);
  g_assert_cmpfloat (p->species[4].sigma_ion_S_cm, >, 0);
  g_assert_true (p->species[4].ion_network);
  g_assert_true (cc_packing_params_validate (p, NULL));
}

/* Fine carbon next to 6 µm CAM is packed as agglomerates of 1 µm. */
static void
test_coarse_grain (void)
{
  g_autoptr(CcMaterialDb) db = test_db ();
  g_autoptr(CcDesign) d = test_design ();
  g_autoptr(CcPackingParams) p = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (d->components, cc_component_new ("cam-a", 0.66, 6, 0.3));
  g_ptr_array_add (d->components, cc_component_new ("se-s", 0.30, 2, 0.3));
  g_ptr_array_add (d->components, cc_component_new ("c", 0.04, 0.08, 0.3));
  p = cc_packing_params_from_design (d, db, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (p->species[2].d50_um, 1.0, 1e-12);
  g_assert_cmpfloat (p->species[2].d50_requested_um, ==, 0.08);
  g_assert_cmpfloat (p->species[2].solid_content, ==, CC_PACKING_AGGLOMERATE_SOLID_CONTENT);
  g_assert_cmpfloat (p->species[1].d50_um, ==, 2);
  g_assert_cmpfloat (cc_species_solid_content (&p->species[1]), ==, 1);
}

static void
test_invalid_design (void)
{
  g_autoptr(CcMaterialDb) db = test_db ();
  g_autoptr(CcDesign) d = test_design ();
  g_autoptr(GError) error = NULL;
  CcPackingParams *p;

  g_ptr_array_add (d->components, cc_component_new ("cam-a", 0.7, 5, 0.3));
  g_ptr_array_add (d->components, cc_component_new ("se-s", 0.2, 2, 0.3));
  p = cc_packing_params_from_design (d, db, &error);
  g_assert_null (p);
  g_assert_error (error, CC_PACKING_ERROR, CC_PACKING_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "mass_fraction"));
}

/* Counts follow volume fraction / mean particle volume, add up to N, and
 * the drawn radii reproduce the volume fractions and the log-normal. */
static void
test_counts_and_sizes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcPackingParams) p = cc_packing_params_from_spheres ("cam:6:0.5:0.35,se:2:0.4:0.4,carbon:1:0.1", 20000, 1, &error);
  g_autofree guint *counts = cc_packing_species_counts (p);
  g_autofree double *rad = g_new (double, 20000);
  g_autofree guint16 *sp = g_new (guint16, 20000);
  double v[3] = { 0 }, total = 0, mean_ln = 0, var_ln = 0;
  guint n_se = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (counts[0] + counts[1] + counts[2], ==, 20000);
  cc_packing_draw_radii (p, counts, rad, sp);
  for (guint i = 0; i < 20000; i++)
    {
      double vol = pow (rad[i], 3);

      v[sp[i]] += vol;
      total += vol;
      if (sp[i] == 1)
        {
          mean_ln += log (2 * rad[i]);
          n_se++;
        }
    }
  for (guint k = 0; k < 3; k++)
    g_assert_cmpfloat (fabs (v[k] / total - p->species[k].volume_fraction), <, 0.01);
  mean_ln /= n_se;
  for (guint i = 0; i < 20000; i++)
    if (sp[i] == 1)
      var_ln += pow (log (2 * rad[i]) - mean_ln, 2);
  var_ln /= n_se;
  /* median d50, and the spread of ln d of a normal truncated at ±2σ:
   * σ sqrt(1 - 2·2φ(2)/(Φ(2) - Φ(-2))) = 0.8796 σ */
  g_assert_cmpfloat_with_epsilon (exp (mean_ln), 2.0, 0.005);
  g_assert_cmpfloat_with_epsilon (sqrt (var_ln), 0.8796 * 0.4, 0.002);
}

/* Hertz below yield, π p_y a² above, continuous at the yield point. */
static void
test_contact_law (void)
{
  CcPairLaw law = { 1e5, 2000, 0, TRUE };   /* E* 100 GPa, p_y 2 GPa */
  double r = 2.0, q = 3 * G_PI * law.p_y / (4 * law.e_star), dy = r * q * q;
  double a, k, f;
  gboolean plastic;

  f = cc_contact_force (&law, r, 0.5 * dy, &a, &k, &plastic);
  g_assert_false (plastic);
  g_assert_cmpfloat_with_epsilon (f, 4.0 / 3.0 * law.e_star * sqrt (r) * pow (0.5 * dy, 1.5), 1e-9 * f);
  g_assert_cmpfloat_with_epsilon (a, sqrt (r * 0.5 * dy), 1e-12);
  g_assert_cmpfloat_with_epsilon (k, 2 * law.e_star * a, 1e-9 * k);
  /* continuity across yield */
  g_assert_cmpfloat_with_epsilon (cc_contact_force (&law, r, dy * (1 - 1e-9), NULL, NULL, NULL),
                                  cc_contact_force (&law, r, dy * (1 + 1e-9), NULL, NULL, NULL),
                                  1e-6 * f);
  f = cc_contact_force (&law, r, 3 * dy, &a, NULL, &plastic);
  g_assert_true (plastic);
  g_assert_cmpfloat_with_epsilon (f, G_PI * law.p_y * a * a, 1e-9 * f);
  g_assert_cmpfloat (cc_contact_force (&law, r, -1e-3, &a, NULL, NULL), ==, 0);
  g_assert_cmpfloat (a, ==, 0);
  /* lens of two unit spheres at distance 1: 5π/12 */
  g_assert_cmpfloat_with_epsilon (cc_lens_volume (1, 1, 1), 5 * G_PI / 12, 1e-12);
}

/* A layer thinner than its largest particles (2 mg/cm² of a slurry
 * cathode, ~7 µm, with 5 µm CAM of spread 0.5) cuts the CAM's size
 * distribution at what the layer can hold: every drawn sphere fits, the
 * cut is reported, the mean volume follows the cut distribution, and the
 * packing gets past its geometric checks. A thick electrode is not cut. */
static void
test_thin_layer_cut (void)
{
  CcPresetList *list = cc_preset_list_get_default ();
  const CcPreset *thin = cc_preset_list_lookup (list, "p2-nnmo-beta-alumina-py14fsi");
  g_autoptr(CcDesign) thick = cc_design_new_default ();
  g_autoptr(CcPackingParams) p = NULL;
  g_autoptr(CcPackingParams) q = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint *counts = NULL;
  g_autofree double *rad = NULL;
  g_autofree guint16 *species = NULL;
  const CcSpecies *cam = NULL;
  double v = 0, n_cam = 0;

  if (thin == NULL)
    {
      g_test_skip ("no p2-nnmo-beta-alumina-py14fsi preset");
      return;
    }
  p = cc_packing_params_from_design (thin->design, cc_material_db_get_default (), &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (p->box_aspect, <, 1);
  for (guint k = 0; k < p->n_species; k++)
    if (p->species[k].role == CC_ROLE_CAM)
      cam = &p->species[k];
  g_assert_nonnull (cam);
  g_assert_cmpfloat (cam->d_max_um, >, cam->d50_um);
  g_assert_cmpfloat (cam->d_max_um, <, cam->d50_um * exp (2 * cam->spread));
  /* 1.4 d_max fits in the jamming height h = thickness 0.80 / 0.64. */
  g_assert_cmpfloat (1.4 * cam->d_max_um, <=, p->design_thickness_um * 0.80 / 0.64);

  counts = cc_packing_species_counts (p);
  rad = g_new (double, p->n_particles);
  species = g_new (guint16, p->n_particles);
  cc_packing_draw_radii (p, counts, rad, species);
  for (guint i = 0; i < p->n_particles; i++)
    if (&p->species[species[i]] == cam)
      {
        g_assert_cmpfloat (2 * rad[i], <=, cam->d_max_um * (1 + 1e-12));
        v += G_PI / 6 * pow (2 * rad[i], 3);
        n_cam++;
      }
  g_assert_cmpfloat (fabs (v / n_cam / cc_packing_truncated_mean_volume (cam) - 1), <, 0.02);

  /* The geometric checks come before the first cancellation point. */
  {
    g_autoptr(GCancellable) cancelled = g_cancellable_new ();
    g_autoptr(CcPacking) k = NULL;

    g_cancellable_cancel (cancelled);
    k = cc_packing_run (p, NULL, cancelled, &error);
    g_assert_null (k);
    g_assert_error (error, CC_PACKING_ERROR, CC_PACKING_ERROR_CANCELLED);
    g_clear_error (&error);
  }

  q = cc_packing_params_from_design (thick, cc_material_db_get_default (), &error);
  g_assert_no_error (error);
  for (guint k = 0; k < q->n_species; k++)
    g_assert_cmpfloat (q->species[k].d_max_um, ==, 0);
}

/* Every literature preset's design gets past the packing's geometric
 * checks (box wide and high enough for its largest spheres) with its own
 * particle budget: a preset the app opens must pack. */
static void
test_presets_pack (void)
{
  CcPresetList *list = cc_preset_list_get_default ();
  guint n = cc_preset_list_get_n (list);

  if (n == 0)
    {
      g_test_skip ("no presets");
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      const CcPreset *preset = cc_preset_list_get_nth (list, i);
      g_autoptr(CcPackingParams) p = NULL;
      g_autoptr(CcPacking) k = NULL;
      g_autoptr(GCancellable) cancelled = g_cancellable_new ();
      g_autoptr(GError) error = NULL;

      p = cc_packing_params_from_design (preset->design, cc_material_db_get_default (), &error);
      if (p == NULL)
        g_error ("%s: %s", preset->id, error->message);
      g_cancellable_cancel (cancelled);
      k = cc_packing_run (p, NULL, cancelled, &error);
      g_assert_null (k);
      if (!g_error_matches (error, CC_PACKING_ERROR, CC_PACKING_ERROR_CANCELLED))
        g_error ("%s: %s", preset->id, error->message);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/packing/rng/normal-quantile", test_normal_quantile);
  g_test_add_func ("/packing/rng/streams", test_rng_streams);
  g_test_add_func ("/packing/params/spheres", test_spheres_parse);
  g_test_add_func ("/packing/params/mass-to-volume", test_mass_to_volume);
  g_test_add_func ("/packing/params/properties", test_properties);
  g_test_add_func ("/packing/params/coarse-grain", test_coarse_grain);
  g_test_add_func ("/packing/params/invalid-design", test_invalid_design);
  g_test_add_func ("/packing/params/counts-and-sizes", test_counts_and_sizes);
  g_test_add_func ("/packing/params/thin-layer-cut", test_thin_layer_cut);
  g_test_add_func ("/packing/params/presets-pack", test_presets_pack);
  g_test_add_func ("/packing/law/elastic-plastic", test_contact_law);
  return g_test_run ();
}
