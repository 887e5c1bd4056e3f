/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app's logic without a display: fraction arithmetic, units, undo
 * history, formulation edits, the document, camera and picking maths, the
 * pipeline controller (on the real engines) and autosave.
 */
#include "cc-autosave.h"
#include "cc-camera.h"
#include "cc-design-edit.h"
#include "cc-document.h"
#include "cc-fractions.h"
#include "cc-history.h"
#include "cc-particle-pick.h"
#include "cc-pipeline.h"
#include "cc-preset.h"
#include "cc-run-private.h"
#include "cc-units.h"
#include "cc-stage-insights.h"

#include <glib/gstdio.h>
#include <pango/pango.h>
#include <math.h>

#define EPS 1e-12

static double
sum (const double *f,
     guint         n)
{
  double s = 0;

  for (guint i = 0; i < n; i++)
    s += f[i];
  return s;
}

/* ---- fractions ------------------------------------------------------------- */

static void
test_fractions_set_proportional (void)
{
  double f[3] = { 0.6, 0.3, 0.1 };

  cc_fractions_set (f, 3, 0, 0.8);
  g_assert_cmpfloat_with_epsilon (f[0], 0.8, EPS);
  g_assert_cmpfloat_with_epsilon (sum (f, 3), 1.0, EPS);
  /* The untouched components keep their 3:1 ratio. */
  g_assert_cmpfloat_with_epsilon (f[1] / f[2], 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (f[1], 0.15, EPS);
}

static void
test_fractions_set_edges (void)
{
  double f[3] = { 1.0, 0.0, 0.0 };
  double one[1] = { 0.3 };
  double g[2] = { 0.5, 0.5 };

  /* Others all zero: the remainder is shared equally. */
  cc_fractions_set (f, 3, 0, 0.4);
  g_assert_cmpfloat_with_epsilon (f[1], 0.3, EPS);
  g_assert_cmpfloat_with_epsilon (f[2], 0.3, EPS);
  /* A single component is always 100 %. */
  cc_fractions_set (one, 1, 0, 0.2);
  g_assert_cmpfloat (one[0], ==, 1.0);
  /* Out of range and NaN are clamped / ignored. */
  cc_fractions_set (g, 2, 1, 1.7);
  g_assert_cmpfloat (g[1], ==, 1.0);
  g_assert_cmpfloat (g[0], ==, 0.0);
  cc_fractions_set (g, 2, 0, NAN);
  g_assert_cmpfloat_with_epsilon (sum (g, 2), 1.0, EPS);
  g_assert_false (isnan (g[0]));
}

static void
test_fractions_mass_volume (void)
{
  /* 50/50 by mass of ρ = 2 and ρ = 6: volumes 0.25 : 0.0833 -> 75 % / 25 %. */
  double mass[2] = { 0.5, 0.5 }, rho[2] = { 2.0, 6.0 }, vol[2], back[2];
  double bad_rho[2] = { 2.0, 0.0 };

  g_assert_true (cc_fractions_mass_to_volume (mass, rho, 2, vol));
  g_assert_cmpfloat_with_epsilon (vol[0], 0.75, EPS);
  g_assert_cmpfloat_with_epsilon (vol[1], 0.25, EPS);
  g_assert_true (cc_fractions_volume_to_mass (vol, rho, 2, back));
  g_assert_cmpfloat_with_epsilon (back[0], 0.5, EPS);
  g_assert_false (cc_fractions_mass_to_volume (mass, bad_rho, 2, vol));
}

/* ---- units ------------------------------------------------------------------ */

static void
test_units_keys (void)
{
  static const struct { const char *key, *unit, *label; } cases[] = {
    { "density_g_cm3", "g/cm³", "Density" },
    { "ionic_conductivity_S_cm", "S/cm", "Ionic conductivity" },
    { "oxidation_limit_V", "V", "Oxidation limit" },
    { "young_modulus_GPa", "GPa", "Young’s modulus" },
    { "practical_capacity_mAh_g", "mAh/g", "Practical capacity" },
    { "diffusion_coefficient_cm2_s", "cm²/s", "Diffusion coefficient" },
    { "activation_energy_eV", "eV", "Activation energy" },
    { "volume_change_percent", "%", "Volume change" },
    { "water_content_wt_percent", "wt %", "Water content" },
    { "interface_resistance_ohm_cm2", "Ω·cm²", "Interface resistance" },
    { "exchange_current_density_mA_cm2", "mA/cm²", "Exchange current density" },
    { "specific_surface_area_m2_g", "m²/g", "Specific surface area" },
    { "molar_mass_g_mol", "g/mol", "Molar mass" },
    { "potential_vs_na_V", "V", "Potential vs Na⁺/Na" },
    { "lifetime_cycles", "cycles", "Lifetime" },
    { "thickness_nm", "nm", "Thickness" },
    { "d50_um", "µm", "D50" },
    { "poisson_ratio", "", "Poisson’s ratio" },
    { "relative_permittivity", "", "Relative permittivity" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = cc_units_label_for_key (cases[i].key);
      g_assert_cmpstr (cc_units_unit_for_key (cases[i].key), ==, cases[i].unit);
      g_assert_cmpstr (label, ==, cases[i].label);
    }
}

static void
test_units_format (void)
{
  g_autofree char *a = cc_units_format_value (1.2e-4, 2);
  g_autofree char *b = cc_units_format_value (0.0999999, 2);
  g_autofree char *c = cc_units_format_value (9.99e-4, 2);
  g_autofree char *d = cc_units_format_value (1e-3, 3);
  g_autofree char *e = cc_units_format_value (NAN, 3);
  g_autofree char *f = cc_units_format_with_unit (25, "volume_change_percent", 3);
  g_autofree char *g = cc_units_format_value (-3.4e6, 2);

  g_assert_cmpstr (a, ==, "1.2 × 10⁻⁴");
  g_assert_cmpstr (b, ==, "0.1");
  /* 9.99e-4 rounds to 1.0e-3: the exponent carries. */
  g_assert_cmpstr (c, ==, "10⁻³");
  g_assert_cmpstr (d, ==, "10⁻³");
  g_assert_cmpstr (e, ==, "—");
  g_assert_cmpstr (f, ==, "25 %");
  g_assert_cmpstr (g, ==, "-3.4 × 10⁶");
}

static void
test_units_formula_markup (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "Na3PS4", "Na<sub>3</sub>PS<sub>4</sub>" },
    { "Na3V2(PO4)3", "Na<sub>3</sub>V<sub>2</sub>(PO<sub>4</sub>)<sub>3</sub>" },
    { "Na0.66Ni0.33Mn0.67O2", "Na<sub>0.66</sub>Ni<sub>0.33</sub>Mn<sub>0.67</sub>O<sub>2</sub>" },
    { "Fe4[Fe(CN)6]3", "Fe<sub>4</sub>[Fe(CN)<sub>6</sub>]<sub>3</sub>" },
    { "3Na2B12H12", "3Na<sub>2</sub>B<sub>12</sub>H<sub>12</sub>" },
    { "C", "C" },
    { "A<B", "A&lt;B" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *m = cc_units_formula_markup (cases[i].in);
      g_assert_cmpstr (m, ==, cases[i].out);
    }
}

static void
test_units_markup_for_labels (void)
{
  g_autofree char *m = cc_units_markup_for_labels ("NaCrO<sub>2</sub> 10<sup>-4</sup>");

  g_assert_cmpstr (m, ==, "NaCrO<span size=\"80%\" rise=\"-3pt\">2</span> 10<span size=\"80%\" rise=\"4pt\">-4</span>");
  g_assert_true (pango_parse_markup (m, -1, 0, NULL, NULL, NULL, NULL));
}

/* ---- history ---------------------------------------------------------------- */

static CcDesign *
design_with_pressure (double pressure)
{
  CcDesign *d = cc_design_new_default ();

  d->process.pressure_MPa = pressure;
  return d;
}

static void
test_history_undo_redo (void)
{
  g_autoptr(CcHistory) h = cc_history_new (10);
  g_autoptr(CcDesign) a = design_with_pressure (100);
  g_autoptr(CcDesign) b = design_with_pressure (200);
  g_autoptr(CcDesign) c = design_with_pressure (300);
  g_autoptr(CcDesign) u1 = NULL, u2 = NULL, r1 = NULL;

  g_assert_false (cc_history_can_undo (h));
  g_assert_true (cc_history_record (h, a, NULL, 0));        /* a -> b */
  g_assert_true (cc_history_record (h, b, NULL, 10));       /* b -> c */
  u1 = cc_history_undo (h, c);
  g_assert_cmpfloat (u1->process.pressure_MPa, ==, 200);
  u2 = cc_history_undo (h, u1);
  g_assert_cmpfloat (u2->process.pressure_MPa, ==, 100);
  g_assert_null (cc_history_undo (h, u2));
  r1 = cc_history_redo (h, u2);
  g_assert_cmpfloat (r1->process.pressure_MPa, ==, 200);
  /* A new edit drops the redo stack. */
  cc_history_record (h, r1, NULL, 20);
  g_assert_false (cc_history_can_redo (h));
}

static void
test_history_coalesce (void)
{
  g_autoptr(CcHistory) h = cc_history_new (10);
  g_autoptr(CcDesign) a = design_with_pressure (100);
  g_autoptr(CcDesign) b = design_with_pressure (150);
  g_autoptr(CcDesign) c = design_with_pressure (180);
  g_autoptr(CcDesign) d = design_with_pressure (190);
  g_autoptr(CcDesign) undone = NULL;

  /* A drag: three edits of the same field within the window -> one step. */
  g_assert_true (cc_history_record (h, a, "p", 0));
  g_assert_false (cc_history_record (h, b, "p", CC_HISTORY_COALESCE_US / 2));
  g_assert_false (cc_history_record (h, c, "p", CC_HISTORY_COALESCE_US));
  g_assert_cmpuint (cc_history_get_n_undo (h), ==, 1);
  undone = cc_history_undo (h, d);
  g_assert_cmpfloat (undone->process.pressure_MPa, ==, 100);
  /* After a pause, the same key starts a new step. */
  cc_history_record (h, a, "p", 0);
  g_assert_true (cc_history_record (h, b, "p", 3 * CC_HISTORY_COALESCE_US));
  /* A different key always does. */
  g_assert_true (cc_history_record (h, c, "q", 3 * CC_HISTORY_COALESCE_US + 1));
}

static void
test_history_limit (void)
{
  g_autoptr(CcHistory) h = cc_history_new (3);
  g_autoptr(CcDesign) last = NULL;
  CcDesign *cur;

  for (int i = 0; i < 5; i++)
    {
      g_autoptr(CcDesign) d = design_with_pressure (i);
      cc_history_record (h, d, NULL, i);
    }
  g_assert_cmpuint (cc_history_get_n_undo (h), ==, 3);
  cur = design_with_pressure (5);
  while ((last = cc_history_undo (h, cur)) != NULL)
    {
      cc_design_free (cur);
      cur = g_steal_pointer (&last);
    }
  /* The oldest steps were dropped: the earliest reachable state is 2. */
  g_assert_cmpfloat (cur->process.pressure_MPa, ==, 2);
  cc_design_free (cur);
}

/* ---- formulation edits ------------------------------------------------------ */

static void
assert_fractions_sum_to_one (const CcDesign *d)
{
  double s = 0;

  for (guint i = 0; i < d->components->len; i++)
    s += ((CcComponent *) g_ptr_array_index (d->components, i))->mass_fraction;
  g_assert_cmpfloat_with_epsilon (s, 1.0, 1e-12);
}

static void
test_edit_add_remove (void)
{
  CcMaterialDb *db = cc_material_db_get_default ();
  g_autoptr(CcDesign) d = cc_design_new_default ();
  g_autoptr(GError) error = NULL;
  guint n = d->components->len;
  double cam_before = ((CcComponent *) g_ptr_array_index (d->components, 0))->mass_fraction;
  gint added;

  /* nyzc is a solid electrolyte in every version of the database. */
  added = cc_design_edit_add_component (d, db, "nyzc", &error);
  g_assert_no_error (error);
  g_assert_cmpint (added, ==, n);
  assert_fractions_sum_to_one (d);
  g_assert_cmpfloat_with_epsilon (((CcComponent *) g_ptr_array_index (d->components, added))->mass_fraction,
                                  cc_design_edit_default_fraction (CC_MATERIAL_CLASS_SE), 1e-12);
  g_assert_cmpfloat_with_epsilon (((CcComponent *) g_ptr_array_index (d->components, 0))->mass_fraction,
                                  cam_before * (1 - cc_design_edit_default_fraction (CC_MATERIAL_CLASS_SE)),
                                  1e-12);

  g_assert_cmpint (cc_design_edit_add_component (d, db, "nyzc", &error), ==, -1);
  g_assert_error (error, CC_DESIGN_EDIT_ERROR, CC_DESIGN_EDIT_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_cmpint (cc_design_edit_add_component (d, db, "na-sn", &error), ==, -1);
  g_assert_error (error, CC_DESIGN_EDIT_ERROR, CC_DESIGN_EDIT_ERROR_CLASS);
  g_clear_error (&error);
  g_assert_cmpint (cc_design_edit_add_component (d, db, "no-such-material", &error), ==, -1);
  g_assert_error (error, CC_DESIGN_EDIT_ERROR, CC_DESIGN_EDIT_ERROR_UNKNOWN);
  g_clear_error (&error);

  cc_design_edit_remove_component (d, added);
  g_assert_cmpuint (d->components->len, ==, n);
  assert_fractions_sum_to_one (d);
  g_assert_cmpfloat_with_epsilon (((CcComponent *) g_ptr_array_index (d->components, 0))->mass_fraction,
                                  cam_before, 1e-12);
  g_assert_true (cc_design_validate (d, db, NULL));
}

static void
test_edit_volume_fraction (void)
{
  CcMaterialDb *db = cc_material_db_get_default ();
  g_autoptr(CcDesign) d = cc_design_new_default ();
  double v[8], w[8];
  guint n = d->components->len;

  g_assert_true (cc_design_edit_can_use_volume (d, db));
  g_assert_true (cc_design_edit_set_fraction (d, db, CC_FRACTION_VOLUME, 0, 0.5));
  g_assert_true (cc_design_edit_get_fractions (d, db, CC_FRACTION_VOLUME, v));
  g_assert_true (cc_design_edit_get_fractions (d, db, CC_FRACTION_MASS, w));
  g_assert_cmpfloat_with_epsilon (v[0], 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (sum (v, n), 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (sum (w, n), 1.0, 1e-12);
  /* Mass and volume shares agree through the densities: w_i/ρ_i ∝ v_i. */
  for (guint i = 1; i < n; i++)
    {
      const CcComponent *c0 = g_ptr_array_index (d->components, 0);
      const CcComponent *ci = g_ptr_array_index (d->components, i);
      double r0 = cc_material_get (cc_material_db_lookup (db, c0->material_id), "density_g_cm3", 0);
      double ri = cc_material_get (cc_material_db_lookup (db, ci->material_id), "density_g_cm3", 0);
      g_assert_cmpfloat_with_epsilon ((w[i] / ri) / (w[0] / r0), v[i] / v[0], 1e-9);
    }
}

static void
test_edit_error_path (void)
{
  static const struct { const char *message, *path; } cases[] = {
    { "components[2].mass_fraction = 1.7: must be between 0 and 1", "components[2].mass_fraction" },
    { "components[].mass_fraction: fractions sum to 0.9000", "components[].mass_fraction" },
    { "cell.areal_loading_mg_cm2 = 0 and cell.thickness_um = 0: give one", "cell.areal_loading_mg_cm2" },
    { "components: a design needs at least one component", "components" },
    { "protocol.c_rates[1] = 0: must be greater", "protocol.c_rates[1]" },
    { "Something else went wrong", NULL },
  };
  g_autofree char *p1 = cc_design_edit_parent_path ("components[0].coating.material");
  g_autofree char *p2 = cc_design_edit_parent_path ("components[0]");
  g_autofree char *p3 = cc_design_edit_parent_path ("components");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = cc_design_edit_error_path (cases[i].message);
      g_assert_cmpstr (path, ==, cases[i].path);
    }
  g_assert_cmpstr (p1, ==, "components[0].coating");
  g_assert_cmpstr (p2, ==, "components");
  g_assert_null (p3);
}

/* ---- document --------------------------------------------------------------- */

static void
test_document_dirty_and_undo (void)
{
  g_autoptr(CcDocument) doc = cc_document_new (cc_material_db_get_default ());
  g_autofree char *dir = g_dir_make_tmp ("cc-doc-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "d.ccdesign", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CcDesign *d;

  g_assert_true (cc_document_is_pristine (doc));
  g_assert_null (cc_document_get_validation_error (doc));

  d = cc_document_dup_design (doc);
  d->process.pressure_MPa = 6000;     /* out of range */
  g_assert_true (cc_document_edit (doc, d, "process.pressure_MPa"));
  g_assert_true (cc_document_get_dirty (doc));
  g_assert_true (g_str_has_prefix (cc_document_get_validation_error (doc), "process.pressure_MPa = 6000"));

  /* An edit that changes nothing is not a step. */
  g_assert_false (cc_document_edit (doc, cc_document_dup_design (doc), NULL));

  g_assert_true (cc_document_undo (doc));
  g_assert_false (cc_document_get_dirty (doc));   /* back to the saved state */
  g_assert_null (cc_document_get_validation_error (doc));
  g_assert_true (cc_document_redo (doc));
  g_assert_true (cc_document_get_dirty (doc));

  g_assert_true (cc_document_save (doc, file, &error));
  g_assert_no_error (error);
  g_assert_false (cc_document_get_dirty (doc));
  g_assert_true (g_file_equal (cc_document_get_file (doc), file));
  g_assert_true (cc_document_undo (doc));
  g_assert_true (cc_document_get_dirty (doc));
  g_unlink (path);
  g_rmdir (dir);
}

/* ---- camera and picking ----------------------------------------------------- */

static void
test_camera_ray_hits_target (void)
{
  CcCamera cam;
  const double box[3] = { 40, 30, 60 };
  double o[3], d[3], eye[3];
  float view[16], proj[16], mvp[16];
  double clip[4];

  cc_camera_frame (&cam, box);
  cc_camera_orbit (&cam, 0.3, -0.1);
  cc_camera_pan (&cam, 0.1, -0.05);
  cc_camera_ray (&cam, 1.5, 0, 0, o, d);
  cc_camera_get_eye (&cam, eye);
  /* The centre ray passes through the target at the camera distance. */
  for (guint i = 0; i < 3; i++)
    g_assert_cmpfloat_with_epsilon (o[i] + cam.distance * d[i], cam.target[i], 1e-9);

  /* And the projection puts the target at the centre of the screen. */
  cc_camera_view_matrix (&cam, view);
  cc_camera_projection_matrix (&cam, 1.5, proj);
  cc_mat4_multiply (proj, view, mvp);
  for (guint r = 0; r < 4; r++)
    clip[r] = mvp[r] * cam.target[0] + mvp[4 + r] * cam.target[1] + mvp[8 + r] * cam.target[2] + mvp[12 + r];
  g_assert_cmpfloat_with_epsilon (clip[0] / clip[3], 0, 1e-5);
  g_assert_cmpfloat_with_epsilon (clip[1] / clip[3], 0, 1e-5);
  g_assert_cmpfloat (fabs (clip[2] / clip[3]), <, 1);
}

static void
test_camera_ray_matches_projection (void)
{
  CcCamera cam;
  const double box[3] = { 20, 20, 20 };
  double o[3], d[3], p[3];
  float view[16], proj[16], mvp[16];
  double clip[4];
  double aspect = 1.25, nx = 0.4, ny = -0.3;

  cc_camera_frame (&cam, box);
  cc_camera_ray (&cam, aspect, nx, ny, o, d);
  for (guint i = 0; i < 3; i++)
    p[i] = o[i] + 50 * d[i];
  cc_camera_view_matrix (&cam, view);
  cc_camera_projection_matrix (&cam, aspect, proj);
  cc_mat4_multiply (proj, view, mvp);
  for (guint r = 0; r < 4; r++)
    clip[r] = mvp[r] * p[0] + mvp[4 + r] * p[1] + mvp[8 + r] * p[2] + mvp[12 + r];
  /* A point on the pick ray projects back to the pixel it came from. */
  g_assert_cmpfloat_with_epsilon (clip[0] / clip[3], nx, 1e-5);
  g_assert_cmpfloat_with_epsilon (clip[1] / clip[3], ny, 1e-5);
}

static void
test_pick_nearest_and_cut (void)
{
  /* Three spheres on the x axis; the ray comes from -x. */
  CcParticle p[3] = {
    { 10, 0, 0, 1, 0, CC_ROLE_CAM, 0 },
    { 5, 0, 0, 1, 1, CC_ROLE_SE, 0 },
    { 20, 0, 0, 2, 0, CC_ROLE_CAM, 0 },
  };
  const double o[3] = { -10, 0, 0 }, d[3] = { 1, 0, 0 };
  CcCutPlane cut = { TRUE, 0, 7 };
  CcCutPlane cut_mid = { TRUE, 0, 10 };
  double t;

  g_assert_cmpint (cc_particle_pick (p, 3, o, d, NULL, &t), ==, 1);
  g_assert_cmpfloat_with_epsilon (t, 14, 1e-9);
  /* Keep x <= 7: the ray coming from -x still meets sphere 1 first. */
  g_assert_cmpint (cc_particle_pick (p, 3, o, d, &cut, &t), ==, 1);
  /* A ray from +x: spheres beyond the plane are gone, sphere 0 (centre 10)
   * is cut through its centre and shows its cap at x = 10. */
  {
    const double o2[3] = { 40, 0, 0 }, d2[3] = { -1, 0, 0 };
    g_assert_cmpint (cc_particle_pick (p, 3, o2, d2, &cut_mid, &t), ==, 0);
    g_assert_cmpfloat_with_epsilon (t, 30, 1e-9);
  }
  /* Missing everything. */
  {
    const double d3[3] = { 0, 1, 0 };
    g_assert_cmpint (cc_particle_pick (p, 3, o, d3, NULL, &t), ==, -1);
    g_assert_cmpfloat (t, ==, -1);
  }
}

/* ---- pipeline --------------------------------------------------------------- */

/* The real engines on a literature cell with narrower, smaller TiS2
 * particles than reported (3 µm, σ 0.3), which pack in about 1 s at 2,000
 * particles. */
#define FAST_PRESET "preset:tis2-na3ps4"

static CcDesign *
fast_design (const char *name)
{
  g_autoptr(GError) error = NULL;
  CcDesign *design = cc_design_load_from_argument (FAST_PRESET, &error);
  CcComponent *cam;

  g_assert_no_error (error);
  cam = g_ptr_array_index (design->components, 0);
  cam->d50_um = 3.0;
  cam->spread = 0.3;
  design->simulation.particles = 2000;
  g_free (design->name);
  design->name = g_strdup (name);
  return design;
}

typedef struct {
  int      started;
  int      finished;
  CcRun   *first_run;
  CcRun   *last_run;
  GError  *last_error;
  double   max_progress;
} Observed;

static void
on_started (CcPipeline *pipeline,
            CcRun      *run,
            Observed   *obs)
{
  if (obs->started++ == 0)
    obs->first_run = cc_run_ref (run);
}

static void
on_finished (CcPipeline *pipeline,
             CcRun      *run,
             GError     *error,
             Observed   *obs)
{
  obs->finished++;
  g_clear_pointer (&obs->last_run, cc_run_unref);
  obs->last_run = cc_run_ref (run);
  g_clear_error (&obs->last_error);
  obs->last_error = error ? g_error_copy (error) : NULL;
}

static void
on_progress (CcPipeline *pipeline,
             GParamSpec *pspec,
             Observed   *obs)
{
  obs->max_progress = MAX (obs->max_progress, cc_pipeline_get_progress (pipeline));
}

static void
observe (CcPipeline *pipeline,
         Observed   *obs)
{
  g_signal_connect (pipeline, "run-started", G_CALLBACK (on_started), obs);
  g_signal_connect (pipeline, "run-finished", G_CALLBACK (on_finished), obs);
  g_signal_connect (pipeline, "notify::progress", G_CALLBACK (on_progress), obs);
}

static void
observed_clear (Observed *obs)
{
  g_clear_pointer (&obs->first_run, cc_run_unref);
  g_clear_pointer (&obs->last_run, cc_run_unref);
  g_clear_error (&obs->last_error);
}

static void
wait_until_idle (CcPipeline *pipeline,
                 Observed   *obs,
                 int         finished)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while ((obs->finished < finished || cc_pipeline_get_running (pipeline))
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (obs->finished, >=, finished);
}

static guint
particle_serial (CcPipeline *pipeline,
                 gsize      *size)
{
  g_autoptr(GBytes) particles = NULL;
  double box[3] = { 0, 0, 0 };
  guint serial = 0;

  particles = cc_pipeline_dup_particles (pipeline, &serial, box);
  g_assert_nonnull (particles);
  g_assert_cmpfloat (box[0], >, 0);
  *size = g_bytes_get_size (particles);
  return serial;
}

/* Three quick submissions run only the last design, through every stage
 * and into results; then a protocol edit re-runs the electrochemistry on
 * the cached packing (same particles, same serial), a design that cannot be
 * packed fails without showing the cached packing, and a formulation edit
 * packs again. */
static void
test_pipeline_debounce_and_cache (void)
{
  g_autoptr(CcPipeline) pipeline = cc_pipeline_new (cc_material_db_get_default ());
  g_autoptr(CcDesign) a = fast_design ("first");
  g_autoptr(CcDesign) b = fast_design ("last");
  Observed obs = { 0 };
  const CcStageResults *results;
  gsize size, size2;
  guint serial;

  cc_pipeline_set_debounce_ms (pipeline, 50);
  observe (pipeline, &obs);
  cc_pipeline_submit (pipeline, a);
  cc_pipeline_submit (pipeline, a);
  cc_pipeline_submit (pipeline, b);
  wait_until_idle (pipeline, &obs, 1);

  g_assert_cmpint (obs.started, ==, 1);
  g_assert_no_error (obs.last_error);
  g_assert_cmpstr (cc_run_get_design (obs.last_run)->name, ==, "last");
  for (guint i = 0; i < CC_N_STAGES; i++)
    {
      g_assert_true (cc_run_get_stage_done (obs.last_run, i));
      g_assert_true (cc_run_get_stage_ran (obs.last_run, i));
    }
  results = cc_run_get_results (obs.last_run);
  g_assert_nonnull (results);
  g_assert_nonnull (results->pages[CC_CHART_VOLTAGE].chart);
  g_assert_nonnull (results->pages[CC_CHART_NYQUIST].chart);
  g_assert_nonnull (results->pages[CC_CHART_MICROSTRUCTURE].chart);
  g_assert_nonnull (results->insights[0]);
  g_assert_cmpfloat (cc_pipeline_get_progress (pipeline), ==, 1.0);
  g_assert_cmpfloat (obs.max_progress, ==, 1.0);
  serial = particle_serial (pipeline, &size);
  g_assert_cmpuint (serial, >, 0);
  g_assert_cmpuint (size % sizeof (CcParticle), ==, 0);
  g_assert_cmpuint (size / sizeof (CcParticle), >, 1000);   /* the budget is approximate */
  g_assert_cmpuint (cc_pipeline_get_n_packings (pipeline), ==, 1);

  /* Protocol edit: the cell alone, the very same particles. */
  b->protocol.voltage_max_V -= 0.2;
  cc_pipeline_submit (pipeline, b);
  wait_until_idle (pipeline, &obs, 2);
  g_assert_no_error (obs.last_error);
  g_assert_false (cc_run_get_stage_ran (obs.last_run, CC_STAGE_PACKING));
  g_assert_false (cc_run_get_stage_ran (obs.last_run, CC_STAGE_ANALYSIS));
  g_assert_true (cc_run_get_stage_ran (obs.last_run, CC_STAGE_ELECTROCHEMISTRY));
  g_assert_true (cc_run_get_stage_done (obs.last_run, CC_STAGE_PACKING));
  g_assert_nonnull (cc_run_get_results (obs.last_run));
  g_assert_cmpuint (particle_serial (pipeline, &size2), ==, serial);
  g_assert_cmpuint (size2, ==, size);
  g_assert_cmpuint (cc_pipeline_get_n_packings (pipeline), ==, 1);

  /* Too few particles for these sizes: the run fails and shows nothing of
   * the cached packing; going back re-uses it, particles and serial. */
  a->simulation.particles = 100;
  cc_pipeline_submit (pipeline, a);
  wait_until_idle (pipeline, &obs, 3);
  g_assert_nonnull (obs.last_error);
  g_assert_nonnull (strstr (obs.last_error->message, "n_particles"));
  g_assert_null (cc_run_get_results (obs.last_run));
  g_assert_null (cc_pipeline_dup_particles (pipeline, NULL, NULL));
  cc_pipeline_submit (pipeline, b);
  wait_until_idle (pipeline, &obs, 4);
  g_assert_no_error (obs.last_error);
  g_assert_false (cc_run_get_stage_ran (obs.last_run, CC_STAGE_PACKING));
  g_assert_cmpuint (particle_serial (pipeline, &size2), ==, serial);

  /* Formulation edit: packs again. */
  g_assert_true (cc_design_edit_set_fraction (b, cc_material_db_get_default (), CC_FRACTION_MASS, 0, 0.45));
  cc_pipeline_submit (pipeline, b);
  wait_until_idle (pipeline, &obs, 5);
  g_assert_no_error (obs.last_error);
  g_assert_true (cc_run_get_stage_ran (obs.last_run, CC_STAGE_PACKING));
  g_assert_cmpuint (particle_serial (pipeline, &size2), >, serial);
  /* The first run, the failed one (it began to pack), this one. */
  g_assert_cmpuint (cc_pipeline_get_n_packings (pipeline), ==, 3);
  observed_clear (&obs);
}

/* A new design cancels the packing in flight; only the new run reports, and
 * it starts once the cancelled one has handed the stage cache back. */
static void
test_pipeline_cancels_superseded_run (void)
{
  g_autoptr(CcPipeline) pipeline = cc_pipeline_new (cc_material_db_get_default ());
  g_autoptr(CcDesign) a = fast_design ("first");
  g_autoptr(CcDesign) b = fast_design ("second");
  g_autoptr(CcDesign) invalid = fast_design ("invalid");
  Observed obs = { 0 };
  gint64 deadline;

  cc_pipeline_set_debounce_ms (pipeline, 1);
  observe (pipeline, &obs);
  cc_pipeline_submit (pipeline, a);
  /* Wait for the first run to be packing, then change the design. */
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while ((obs.first_run == NULL || !cc_run_get_stage_ran (obs.first_run, CC_STAGE_PACKING))
         && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (cc_run_get_stage_ran (obs.first_run, CC_STAGE_PACKING));
  b->process.pressure_MPa += 20;
  cc_pipeline_submit (pipeline, b);
  wait_until_idle (pipeline, &obs, 1);

  g_assert_cmpint (obs.started, ==, 2);
  g_assert_cmpint (obs.finished, ==, 1);
  g_assert_no_error (obs.last_error);
  g_assert_cmpstr (cc_run_get_design (obs.last_run)->name, ==, "second");
  g_assert_true (g_cancellable_is_cancelled (cc_run_get_cancellable (obs.first_run)));
  g_assert_null (cc_run_get_results (obs.first_run));
  g_assert_false (cc_run_get_stage_done (obs.first_run, CC_STAGE_ANALYSIS));
  g_assert_true (cc_run_get_stage_ran (obs.last_run, CC_STAGE_PACKING));
  g_assert_cmpuint (cc_pipeline_get_n_packings (pipeline), ==, 2);

  /* An invalid design starts nothing and says why. */
  invalid->process.pressure_MPa = -5;
  cc_pipeline_submit (pipeline, invalid);
  g_assert_false (cc_pipeline_get_running (pipeline));
  g_assert_true (g_str_has_prefix (cc_pipeline_get_status (pipeline), "process.pressure_MPa"));
  observed_clear (&obs);
}

/* ---- autosave --------------------------------------------------------------- */

static void
clear_autosave_dir (void)
{
  g_autoptr(GPtrArray) entries = cc_autosave_list ();

  for (guint i = 0; i < entries->len; i++)
    cc_autosave_remove (((CcAutosaveEntry *) g_ptr_array_index (entries, i))->id);
}

static void
test_autosave_round_trip (void)
{
  g_autoptr(CcDesign) d = cc_design_new_default ();
  g_autoptr(GFile) original = g_file_new_for_path ("/tmp/original.ccdesign");
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = cc_autosave_new_id ();
  CcAutosaveEntry *entry;

  clear_autosave_dir ();
  g_free (d->name);
  d->name = g_strdup ("Unsaved work");
  g_assert_true (cc_autosave_write (id, d, original, &error));
  g_assert_no_error (error);
  entries = cc_autosave_list ();
  g_assert_cmpuint (entries->len, ==, 1);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->id, ==, id);
  g_assert_true (cc_design_equal (entry->design, d));
  g_assert_true (g_file_equal (entry->original, original));
  g_assert_cmpint (entry->saved_unix, >, 0);
  cc_autosave_remove (id);
  after = cc_autosave_list ();
  g_assert_cmpuint (after->len, ==, 0);
}

static void
test_autosaver_follows_document (void)
{
  g_autoptr(CcDocument) doc = cc_document_new (cc_material_db_get_default ());
  g_autoptr(CcAutosaver) saver = cc_autosaver_new (doc, 3600);
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) one = NULL;
  g_autoptr(GPtrArray) gone = NULL;
  CcDesign *d;

  clear_autosave_dir ();
  /* Clean document: nothing is written. */
  cc_autosaver_flush (saver);
  none = cc_autosave_list ();
  g_assert_cmpuint (none->len, ==, 0);

  d = cc_document_dup_design (doc);
  d->protocol.cycles = 321;
  cc_document_edit (doc, d, NULL);
  cc_autosaver_flush (saver);
  one = cc_autosave_list ();
  g_assert_cmpuint (one->len, ==, 1);
  g_assert_cmpuint (((CcAutosaveEntry *) g_ptr_array_index (one, 0))->design->protocol.cycles, ==, 321);

  /* Undoing back to the saved state makes the copy pointless: it goes. */
  cc_document_undo (doc);
  gone = cc_autosave_list ();
  g_assert_cmpuint (gone->len, ==, 0);
}

static char *
join_lines (GPtrArray *lines)
{
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

/* A dead cell's explanation is the insight, not numbers it does not have. */
static void
test_insights_dead_cell (void)
{
  CcCellResult cell = { 0 };
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;

  cell.status = CC_CELL_STATUS_NO_IONIC_PATH;
  cell.message = (char *) "no ionic path spans the cathode: the electrolyte does not percolate";
  cell.limiting = -1;
  cc_stage_insights_cell (&cell, NULL, NULL, lines);
  text = join_lines (lines);
  g_assert_nonnull (strstr (text, "does not work"));
  g_assert_nonnull (strstr (text, cell.message));
  g_assert_null (strstr (text, "mAh"));
}

/* The main limitation and an interface outside its window, with margins. */
static void
test_insights_limitation_and_window (void)
{
  CcCellResult cell = { 0 };
  CcInterfaceStability bad = { 0 }, good = { 0 };
  CcStabilityReport report = { 0 };
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;

  cell.status = CC_CELL_STATUS_OK;
  cell.first_discharge_mAh_g = 120;
  cell.theoretical_mAh_g = 140;
  cell.window_mAh_g = 130;
  cell.limiting = 3;                     /* contact loss */
  cell.loss[3] = 0.12;
  cc_stage_insights_cell (&cell, NULL, NULL, lines);

  bad.kind = (char *) "cam-electrolyte";
  bad.electrolyte = (char *) "no-such-electrolyte";
  bad.electronic_side = (char *) "no-such-cam";
  bad.oxidation = TRUE;
  bad.verdict = CC_VERDICT_CONTINUOUS;
  bad.oxidation_limit_V = 2.25;
  bad.potential_max_V = 3.6;
  bad.margin_V = 2.25 - 3.6;
  good.verdict = CC_VERDICT_STABLE;
  report.interfaces = g_ptr_array_new ();
  g_ptr_array_add (report.interfaces, &good);
  g_ptr_array_add (report.interfaces, &bad);
  cc_stage_insights_stability (&report, cc_material_db_get_default (), lines);
  g_ptr_array_unref (report.interfaces);

  text = join_lines (lines);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "120 mAh"));
  g_assert_nonnull (strstr (text, "Main limitation"));
  g_assert_nonnull (strstr (text, "contact"));
  g_assert_nonnull (strstr (text, "12 %"));
  g_assert_nonnull (strstr (text, "oxidises above 2.25 V"));
  g_assert_nonnull (strstr (text, "charges to 3.60 V"));
  g_assert_nonnull (strstr (text, "1.35 V past the limit"));
  g_assert_nonnull (strstr (text, "lower the cut-off"));
}

/* Much CAM out of reach is the main limitation, with the largest reason
 * and its remedy; the fade follows as the largest loss over cycling. A
 * well-connected composite keeps the fade as its main limitation. */
static void
test_insights_unreached_cam (void)
{
  CcCellResult cell = { 0 };
  CcMicrostructure m = { 0 };
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) wired = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) carbonless = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  g_autofree char *text_wired = NULL;
  g_autofree char *text_carbonless = NULL;

  cell.status = CC_CELL_STATUS_OK;
  cell.first_discharge_mAh_g = 95;
  cell.theoretical_mAh_g = 239;
  cell.window_mAh_g = 237;
  cell.limiting = 0;
  cell.loss[0] = 0.03;
  m.active_cam_fraction = 0.45;
  m.ionically_connected_cam_fraction = 0.49;
  m.electronically_connected_cam_fraction = 0.92;
  m.agglomerate_interior_cam_fraction = 0.51;
  cc_stage_insights_cell (&cell, &m, NULL, lines);
  text = join_lines (lines);
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, "<b>Main limitation:</b> only <b>45 %</b> of the active material"));
  g_assert_nonnull (strstr (text, "51 % sits inside agglomerates"));
  g_assert_nonnull (strstr (text, "<b>Largest loss over cycling:</b>"));
  g_assert_cmpuint (g_strv_length ((char **) lines->pdata), ==, 3);

  /* Carbon-free and poorly wired: the electronic path is the reason. */
  m.agglomerate_interior_cam_fraction = 0;
  m.ionically_connected_cam_fraction = 0.95;
  m.electronically_connected_cam_fraction = 0.5;
  m.active_cam_fraction = 0.48;
  cc_stage_insights_cell (&cell, &m, NULL, carbonless);
  text_carbonless = join_lines (carbonless);
  g_assert_nonnull (strstr (text_carbonless, "50 % has no electronic path"));

  m.active_cam_fraction = 0.9;
  m.electronically_connected_cam_fraction = 0.95;
  cc_stage_insights_cell (&cell, &m, NULL, wired);
  text_wired = join_lines (wired);
  g_assert_true (g_str_has_prefix (text_wired, "<b>Main limitation:</b> "));
  g_assert_null (strstr (text_wired, "reached by both"));
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *data_home = g_dir_make_tmp ("cc-app-logic-XXXXXX", NULL);

  /* Autosaves go to a scratch folder, never the user's. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/app/fractions/set-keeps-ratios", test_fractions_set_proportional);
  g_test_add_func ("/app/fractions/set-edge-cases", test_fractions_set_edges);
  g_test_add_func ("/app/fractions/mass-volume", test_fractions_mass_volume);
  g_test_add_func ("/app/units/keys", test_units_keys);
  g_test_add_func ("/app/units/format", test_units_format);
  g_test_add_func ("/app/units/formula-markup", test_units_formula_markup);
  g_test_add_func ("/app/units/markup-for-labels", test_units_markup_for_labels);
  g_test_add_func ("/app/history/undo-redo", test_history_undo_redo);
  g_test_add_func ("/app/history/coalesce", test_history_coalesce);
  g_test_add_func ("/app/history/limit", test_history_limit);
  g_test_add_func ("/app/edit/add-remove", test_edit_add_remove);
  g_test_add_func ("/app/edit/volume-fraction", test_edit_volume_fraction);
  g_test_add_func ("/app/edit/error-path", test_edit_error_path);
  g_test_add_func ("/app/document/dirty-undo-save", test_document_dirty_and_undo);
  g_test_add_func ("/app/camera/ray-hits-target", test_camera_ray_hits_target);
  g_test_add_func ("/app/camera/ray-matches-projection", test_camera_ray_matches_projection);
  g_test_add_func ("/app/pick/nearest-and-cut", test_pick_nearest_and_cut);
  g_test_add_func ("/app/pipeline/debounce-and-cache", test_pipeline_debounce_and_cache);
  g_test_add_func ("/app/pipeline/cancels-superseded-run", test_pipeline_cancels_superseded_run);
  g_test_add_func ("/app/autosave/round-trip", test_autosave_round_trip);
  g_test_add_func ("/app/autosave/follows-document", test_autosaver_follows_document);
  g_test_add_func ("/app/insights/dead-cell", test_insights_dead_cell);
  g_test_add_func ("/app/insights/limitation-and-window", test_insights_limitation_and_window);
  g_test_add_func ("/app/insights/unreached-cam", test_insights_unreached_cam);

  return g_test_run ();
}
