/* SPDX-License-Identifier: GPL-3.0-or-later
 * The cell impedance model: separator arcs where physics puts them,
 * Arrhenius temperature dependence, passivity, transmission-line limits,
 * interphase growth, parameters from a design and the JSON contract. */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "cc-eis-params.h"
#include "cc-eis-json.h"

#define EPS0 8.8541878128e-14
#define K_B  8.617333262e-5

static CcMaterialDb *
fixture_db (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "eis", "fixture-materials.json", NULL);
  CcMaterialDb *db = cc_material_db_new ();

  g_assert_true (cc_material_db_load_file (db, path, &error));
  g_assert_no_error (error);
  return db;
}

/* 66 % CAM, 30 % catholyte, 4 % carbon; 10 mg/cm2; given separator. */
static CcDesign *
fixture_design (const char *separator, const char *catholyte)
{
  CcDesign *d = cc_design_new ();

  g_ptr_array_add (d->components, cc_component_new ("t-cam", 0.66, 5.0, 0.3));
  g_ptr_array_add (d->components, cc_component_new (catholyte, 0.30, 2.0, 0.3));
  g_ptr_array_add (d->components, cc_component_new ("t-carbon", 0.04, 0.05, 0.3));
  g_free (d->cell.separator_id);
  d->cell.separator_id = g_strdup (separator);
  g_free (d->cell.anode_id);
  d->cell.anode_id = g_strdup ("t-anode");
  d->protocol.voltage_max_V = 3.6;
  return d;
}

static void
params_for (const char *separator, const char *catholyte, double ip_nm, CcEisCellParams *p, GPtrArray *notes)
{
  g_autoptr(CcMaterialDb) db = fixture_db ();
  g_autoptr(CcDesign) d = fixture_design (separator, catholyte);
  g_autoptr(GError) error = NULL;

  g_assert_true (cc_eis_cell_params_from_design_micro (d, db, NULL, ip_nm, 0.5, p, notes, &error));
  g_assert_no_error (error);
}

/* Separator part (bulk + grain boundary) of the impedance at f. */
static double complex_sep_im (const CcEisCellParams *p, double f, double *re)
{
  double zr, zi, pr[CC_EIS_N_PARTS], pi[CC_EIS_N_PARTS];

  cc_eis_model_impedance (p, f, &zr, &zi, pr, pi);
  *re = pr[CC_EIS_PART_SEP_BULK] + pr[CC_EIS_PART_SEP_GB];
  return pi[CC_EIS_PART_SEP_BULK] + pi[CC_EIS_PART_SEP_GB];
}

/* Frequency of the largest -Z'' of the separator within 10 mHz - 10 MHz. */
static double
separator_apex (const CcEisCellParams *p)
{
  double best = 0, f_best = 0, re;

  for (double lf = -2; lf <= 7.0001; lf += 0.01)
    {
      double f = pow (10, lf), im = -complex_sep_im (p, f, &re);
      if (im > best)
        {
          best = im;
          f_best = f;
        }
    }
  return f_best;
}

/* At 25 degC a sulfide's bulk arc (tau = eps0 eps_r / sigma) lies above
 * 10 MHz: only the end of it is measured. An oxide's boundary arc is slow
 * (brick layer) and shows up inside the range. */
static void
test_separator_arcs (void)
{
  CcEisCellParams sulf, oxi;
  double re, f_gb, tau_gb;

  params_for ("t-sulfide", "t-sulfide", 2, &sulf, NULL);
  g_assert_cmpfloat (sulf.sep_gb_sigma_S_cm, ==, 0);        /* sulfide: merged arcs */
  g_assert_cmpfloat (1 / (2 * G_PI * EPS0 * 30 / 4.6e-4), >, 1e7);
  complex_sep_im (&sulf, 1e7, &re);
  g_assert_cmpfloat (re, >, 0.8 * sulf.sep_thickness_um * 1e-4 / 4.6e-4);
  g_assert_cmpfloat (separator_apex (&sulf), >=, 0.99e7);   /* still rising at the top */

  params_for ("t-oxide", "t-sulfide", 2, &oxi, NULL);
  /* 1/5e-3 = 1/1.5e-2 + 1/sigma_gb */
  g_assert_cmpfloat (fabs (oxi.sep_gb_sigma_S_cm / 7.5e-3 - 1), <, 1e-9);
  tau_gb = EPS0 * 15 * oxi.sep_grain_to_gb_ratio / 7.5e-3;
  f_gb = 1 / (2 * G_PI * tau_gb);
  g_assert_cmpfloat (f_gb, >, 1e-2);
  g_assert_cmpfloat (f_gb, <, 1e7);
  g_assert_cmpfloat (fabs (log10 (separator_apex (&oxi) / f_gb)), <, 0.1);
}

/* Cooling to -40 degC slows the sulfide bulk by exp(Ea/k (1/T - 1/T0)) and
 * brings its arc into the measured range, as in low-temperature studies. */
static void
test_arrhenius (void)
{
  CcEisCellParams warm, cold;
  CcEisProcInfo pw[CC_EIS_N_PROCS], pc[CC_EIS_N_PROCS];
  double factor;

  params_for ("t-sulfide", "t-sulfide", 2, &warm, NULL);
  cold = warm;
  cold.temperature_C = -40;
  cc_eis_model_processes (&warm, pw);
  cc_eis_model_processes (&cold, pc);
  factor = exp (0.28 / K_B * (1 / 233.15 - 1 / 298.15));
  g_assert_cmpfloat (fabs (pc[CC_EIS_PROC_SEP_BULK].resistance_ohm_cm2
                           / pw[CC_EIS_PROC_SEP_BULK].resistance_ohm_cm2 / factor - 1), <, 1e-12);
  g_assert_cmpfloat (fabs (pc[CC_EIS_PROC_CHARGE_TRANSFER].resistance_ohm_cm2
                           / pw[CC_EIS_PROC_CHARGE_TRANSFER].resistance_ohm_cm2
                           / exp (warm.ct_ea_eV / K_B * (1 / 233.15 - 1 / 298.15)) - 1), <, 1e-12);
  g_assert_cmpfloat (separator_apex (&cold), <, 5e6);
  g_assert_cmpfloat (fabs (log10 (separator_apex (&cold) * 2 * G_PI * pc[CC_EIS_PROC_SEP_BULK].tau_s)), <, 0.05);
}

/* An RC network: Re Z never rises with frequency and Z'' <= 0; the
 * separable parts add up to the total. */
static void
test_passivity_and_parts (void)
{
  CcEisCellParams p;
  double last_re = INFINITY;

  params_for ("t-oxide", "t-sulfide", 20, &p, NULL);
  for (double lf = -3; lf <= 8; lf += 0.05)
    {
      double zr, zi, pr[CC_EIS_N_PARTS], pi[CC_EIS_N_PARTS], sr = 0, si = 0;

      cc_eis_model_impedance (&p, pow (10, lf), &zr, &zi, pr, pi);
      g_assert_cmpfloat (zi, <=, 0);
      g_assert_cmpfloat (zr, <=, last_re * (1 + 1e-12));
      last_re = zr;
      for (guint k = 0; k < CC_EIS_N_PARTS; k++)
        {
          sr += pr[k];
          si += pi[k];
        }
      g_assert_cmpfloat (fabs (sr - zr), <=, 1e-12 * fabs (zr));
      g_assert_cmpfloat (fabs (si - zi), <=, 1e-12 * hypot (zr, zi));
    }
}

/* Without solid diffusion, slow kinetics react uniformly: the cathode's
 * DC resistance is (R_ct + R_ip) / (a_v L) + (R_ion + R_e) / 3. */
static void
test_cathode_dc_limit (void)
{
  CcEisCellParams p;
  double zr, zi, pr[CC_EIS_N_PARTS], pi[CC_EIS_N_PARTS], L, area, expect;

  cc_eis_cell_params_init_default (&p);
  p.docv_dsoc_V = 0;
  p.cat_sigma_ion_eff_S_cm = 1e-2;
  p.cat_sigma_e_eff_S_cm = 5e-3;
  L = p.cat_thickness_um * 1e-4;
  area = p.cat_area_per_volume_cm2_cm3 * L;
  cc_eis_model_impedance (&p, 1e-9, &zr, &zi, pr, pi);
  expect = (p.ct_resistance_ohm_cm2 + p.ip_thickness_nm * 1e-7 / p.ip_sigma_S_cm) / area
           + (1 / 1e-2 + 1 / 5e-3) * L / 3;
  g_assert_cmpfloat (fabs (pr[CC_EIS_PART_CATHODE] / expect - 1), <, 1e-3);
}

/* The interphase resistance grows in proportion to its thickness and its
 * time constant stays. The DC resistance follows: the line's DC impedance
 * lies between zeta/L and zeta/L + (R_ion + R_e)/3, so its change differs
 * from the added interfacial resistance by less than (R_ion + R_e)/3. */
static void
test_interphase_growth (void)
{
  CcEisCellParams thin, thick;
  CcEisProcInfo a[CC_EIS_N_PROCS], b[CC_EIS_N_PROCS];
  double zr1, zr2, zi, dr;

  cc_eis_cell_params_init_default (&thin);
  thin.docv_dsoc_V = 0;    /* no diffusion capacitance: a true DC limit */
  thick = thin;
  thin.ip_thickness_nm = 2;
  thick.ip_thickness_nm = 50;
  cc_eis_model_processes (&thin, a);
  cc_eis_model_processes (&thick, b);
  dr = b[CC_EIS_PROC_INTERPHASE].resistance_ohm_cm2 - a[CC_EIS_PROC_INTERPHASE].resistance_ohm_cm2;
  g_assert_cmpfloat (fabs (b[CC_EIS_PROC_INTERPHASE].resistance_ohm_cm2
                           / a[CC_EIS_PROC_INTERPHASE].resistance_ohm_cm2 - 25), <, 1e-9);
  g_assert_cmpfloat (b[CC_EIS_PROC_INTERPHASE].tau_s, ==, a[CC_EIS_PROC_INTERPHASE].tau_s);
  cc_eis_model_impedance (&thin, 1e-6, &zr1, &zi, NULL, NULL);
  cc_eis_model_impedance (&thick, 1e-6, &zr2, &zi, NULL, NULL);
  g_assert_cmpfloat (zr2 - zr1, >, 0);
  g_assert_cmpfloat (fabs (zr2 - zr1 - dr), <, a[CC_EIS_PROC_CATHODE_IONIC].resistance_ohm_cm2);
}

/* Values taken from the fixture database, with fallbacks reported. */
static void
test_from_design (void)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  CcEisCellParams p;
  gboolean halide_note = FALSE;

  params_for ("t-halide", "t-sulfide", 3, &p, notes);
  g_assert_cmpfloat (fabs (p.ct_resistance_ohm_cm2 / (8.314462618 * 298.15 / (96485.33212 * 0.2e-3)) - 1), <, 1e-12);
  g_assert_cmpfloat (fabs (p.c_max_mol_cm3 / (120 * 3.6 * 4.36 / 96485.33212) - 1), <, 1e-12);
  g_assert_cmpfloat (fabs (p.docv_dsoc_V - 1.0), <, 1e-12);
  g_assert_cmpfloat (p.anode_resistance_ohm_cm2, ==, 5);
  g_assert_cmpfloat (p.ip_thickness_nm, ==, 3);
  g_assert_cmpuint (p.n_size_classes, ==, 3);
  g_assert_cmpfloat (p.size_radius_um[1], ==, 2.5);
  /* Halide with only a total conductivity: bulk carries a third. */
  g_assert_cmpfloat (fabs (p.sep_bulk_sigma_S_cm / (3 * 6.6e-5) - 1), <, 1e-12);
  g_assert_cmpfloat (fabs (p.sep_gb_sigma_S_cm / (1.5 * 6.6e-5) - 1), <, 1e-12);
  g_assert_cmpfloat (p.sep_bulk_ea_eV, ==, 0.66);    /* halide family fallback */
  for (guint i = 0; i < notes->len; i++)
    halide_note = halide_note || (strstr (g_ptr_array_index (notes, i), "t-halide: no activation_energy_eV") != NULL);
  g_assert_true (halide_note);
  /* Thickness from the loading: 10 mg/cm2 at the cold-press solid fraction. */
  g_assert_cmpfloat (p.cat_thickness_um, >, 20);
  g_assert_cmpfloat (p.cat_thickness_um, <, 60);
}

/* The shipped database (stubs or real) and the default design. */
static void
test_default_design (void)
{
  g_autoptr(CcDesign) d = cc_design_new_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CcEisSpectrum) s = NULL;
  CcEisCellParams p;
  CcEisFreqRange range;

  g_assert_true (cc_eis_cell_params_from_design_micro (d, cc_material_db_get_default (), NULL,
                                                       2, 0.5, &p, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (p.coat_thickness_nm, ==, 50);     /* the NYZC buffer */
  cc_eis_freq_range_init_default (&range);
  s = cc_eis_model_spectrum (&p, &range, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (s->n, ==, 91);
  for (guint i = 0; i < s->n; i++)
    g_assert_true (isfinite (s->z_re[i]) && isfinite (s->z_im[i]) && s->z_im[i] <= 0);
}

static void
test_errors (void)
{
  g_autoptr(CcMaterialDb) db = fixture_db ();
  g_autoptr(CcDesign) d = fixture_design ("nope", "t-sulfide");
  g_autoptr(GError) error = NULL;
  CcEisCellParams p;

  g_assert_false (cc_eis_cell_params_from_design_micro (d, db, NULL, 2, 0.5, &p, NULL, &error));
  g_assert_nonnull (strstr (error->message, "cell.separator_id = 'nope'"));
  g_clear_error (&error);
  g_assert_false (cc_eis_cell_params_from_design_micro (d, db, NULL, -1, 0.5, &p, NULL, &error));
  g_assert_nonnull (strstr (error->message, "interphase thickness = -1"));
  g_clear_error (&error);
  cc_eis_cell_params_init_default (&p);
  p.sep_thickness_um = -5;
  g_assert_false (cc_eis_cell_params_validate (&p, &error));
  g_assert_nonnull (strstr (error->message, "sep_thickness_um = -5"));
  g_clear_error (&error);
  cc_eis_cell_params_init_default (&p);
  p.dl_n = 1.2;
  g_assert_false (cc_eis_cell_params_validate (&p, &error));
  g_assert_nonnull (strstr (error->message, "dl_n = 1.2"));
}

/* Stand-alone growth: sqrt(L0^2 + k^2 N), fast when the catholyte is
 * oxidised at the upper cut-off. */
static void
test_standalone_growth (void)
{
  g_autoptr(CcMaterialDb) db = fixture_db ();
  g_autoptr(CcDesign) sulf = fixture_design ("t-sulfide", "t-sulfide");
  g_autoptr(CcDesign) hal = fixture_design ("t-sulfide", "t-halide");

  g_assert_cmpfloat (fabs (cc_eis_standalone_interphase_nm (sulf, db, 0, NULL) - 2.0), <, 1e-12);
  g_assert_cmpfloat (fabs (cc_eis_standalone_interphase_nm (sulf, db, 100, NULL) - sqrt (4 + 400)), <, 1e-9);
  g_assert_cmpfloat (fabs (cc_eis_standalone_interphase_nm (hal, db, 100, NULL) - sqrt (4 + 9)), <, 1e-9);
}

static void
test_json (void)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  CcEisCellParams p[2];
  CcEisFreqRange range = { 1e-1, 1e6, 5 };
  guint cycles[2] = { 0, 100 };
  JsonArray *imp, *contrib;
  JsonObject *c0, *c1;
  guint n;

  cc_eis_cell_params_init_default (&p[0]);
  p[1] = p[0];
  p[1].ip_thickness_nm = 20;
  json_builder_begin_object (b);
  g_assert_true (cc_eis_json_add_impedance (b, 2, cycles, p, &range, &error));
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  imp = json_object_get_array_member (json_node_get_object (root), "impedance");
  g_assert_cmpuint (json_array_get_length (imp), ==, 2);
  c0 = json_array_get_object_element (imp, 0);
  c1 = json_array_get_object_element (imp, 1);
  g_assert_cmpint (json_object_get_int_member (c1, "cycle"), ==, 100);
  n = json_array_get_length (json_object_get_array_member (c0, "frequency_Hz"));
  g_assert_cmpuint (n, ==, 36);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (c0, "z_imag_ohm_cm2")), ==, n);
  contrib = json_object_get_array_member (c0, "contributions");
  for (guint i = 0; i < n; i++)
    {
      double sum = 0, total = json_array_get_double_element (json_object_get_array_member (c0, "z_real_ohm_cm2"), i);

      for (guint k = 0; k < json_array_get_length (contrib); k++)
        sum += json_array_get_double_element (json_object_get_array_member (json_array_get_object_element (contrib, k),
                                                                             "z_real_ohm_cm2"), i);
      g_assert_cmpfloat (fabs (sum - total), <, 1e-9 * total);
    }
  /* The interphase arc grows between the two cycles. */
  g_assert_cmpfloat (json_array_get_double_element (json_object_get_array_member (c1, "z_real_ohm_cm2"), n - 1), >,
                     json_array_get_double_element (json_object_get_array_member (c0, "z_real_ohm_cm2"), n - 1));
}

/* A composite without catholyte: a mixed conductor whose CAM-SE reaction
 * happens on the separator face. At low frequency the line blocks: the real
 * part tends to the face's resistances over its contact fraction plus
 * (R_ion + R_e)/3, the imaginary part to the CAM's chemical capacitance. */
static void
test_mixed_conductor (void)
{
  g_autoptr(CcMaterialDb) db = fixture_db ();
  g_autoptr(CcDesign) d = cc_design_new ();
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  CcEisCellParams p;
  double zr, zi, pr[CC_EIS_N_PARTS], pi[CC_EIS_N_PARTS], L, w = 2 * G_PI * 1e-7, c_vol, expect;

  g_ptr_array_add (d->components, cc_component_new ("t-cam", 0.9, 5.0, 0));
  g_ptr_array_add (d->components, cc_component_new ("t-carbon", 0.1, 0.05, 0));
  g_free (d->cell.separator_id);
  d->cell.separator_id = g_strdup ("t-oxide");
  g_assert_true (cc_eis_cell_params_from_design_micro (d, db, NULL, 2, 0.5, &p, notes, &error));
  g_assert_no_error (error);
  g_assert_true (p.cat_mixed_conductor);
  /* Nernst-Einstein conduction of the CAM network. */
  g_assert_cmpfloat (fabs (p.cat_sigma_ion_eff_S_cm / (96485.33212 * 96485.33212 * 1e-11 * p.c_max_mol_cm3
                                                        / (8.314462618 * 298.15)
                                                        * pow (p.cat_cam_volume_fraction, 1.5)) - 1), <, 1e-9);
  p.temperature_C = 25;
  cc_eis_model_impedance (&p, w / (2 * G_PI), &zr, &zi, pr, pi);
  L = p.cat_thickness_um * 1e-4;
  c_vol = 96485.33212 * p.c_max_mol_cm3 * p.cat_cam_volume_fraction / p.docv_dsoc_V;
  expect = (p.ct_resistance_ohm_cm2 + p.ip_thickness_nm * 1e-7 / p.ip_sigma_S_cm) / p.cat_front_contact_fraction
           + (1 / p.cat_sigma_ion_eff_S_cm + 1 / p.cat_sigma_e_eff_S_cm) * L / 3;
  g_assert_cmpfloat (fabs (pr[CC_EIS_PART_CATHODE] / expect - 1), <, 1e-3);
  g_assert_cmpfloat (fabs (-pi[CC_EIS_PART_CATHODE] * w * c_vol * L - 1), <, 1e-3);
}

/* An ionic liquid on the CAM fills the pores and becomes the catholyte. */
static void
test_wetting_catholyte (void)
{
  g_autoptr(CcMaterialDb) db = fixture_db ();
  g_autoptr(CcDesign) d = cc_design_new ();
  g_autoptr(GError) error = NULL;
  CcComponent *cam = cc_component_new ("t-cam", 0.9, 5.0, 0);
  CcEisCellParams p;

  cam->coating_id = g_strdup ("t-il");
  cam->coating_thickness_nm = 10;
  g_ptr_array_add (d->components, cam);
  g_ptr_array_add (d->components, cc_component_new ("t-carbon", 0.1, 0.05, 0));
  g_free (d->cell.separator_id);
  d->cell.separator_id = g_strdup ("t-oxide");
  g_assert_true (cc_eis_cell_params_from_design_micro (d, db, NULL, 2, 0.5, &p, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (p.cat_mixed_conductor);
  /* Cold press: 15 % pores, all filled: 2e-3 x 0.15^1.5. */
  g_assert_cmpfloat (fabs (p.cat_sigma_ion_eff_S_cm / (2e-3 * pow (0.15, 1.5)) - 1), <, 1e-9);
  g_assert_cmpfloat (p.cat_area_per_volume_cm2_cm3, >, 0);
}

/* json-glib 1.6 writes 1e-08 as the invalid 1e-08.0; our writer must not. */
static void
test_json_numbers (void)
{
  static const double values[] = { 1e-8, 1e20, -3e-300, 0.25, 2 };
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JsonArray *a;

  json_builder_begin_array (b);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    cc_eis_json_add_number (b, values[i]);
  cc_eis_json_add_number (b, NAN);
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  text = json_generator_to_data (gen, NULL);
  back = json_from_string (text, &error);
  g_assert_no_error (error);
  a = json_node_get_array (back);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_assert_cmpfloat (fabs (json_array_get_double_element (a, i) / values[i] - 1), <, 1e-15);
  g_assert_true (json_array_get_null_element (a, G_N_ELEMENTS (values)));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/eis/model/separator-arcs", test_separator_arcs);
  g_test_add_func ("/eis/model/arrhenius", test_arrhenius);
  g_test_add_func ("/eis/model/passivity-and-parts", test_passivity_and_parts);
  g_test_add_func ("/eis/model/cathode-dc-limit", test_cathode_dc_limit);
  g_test_add_func ("/eis/model/interphase-growth", test_interphase_growth);
  g_test_add_func ("/eis/model/from-design", test_from_design);
  g_test_add_func ("/eis/model/default-design", test_default_design);
  g_test_add_func ("/eis/model/errors", test_errors);
  g_test_add_func ("/eis/model/standalone-growth", test_standalone_growth);
  g_test_add_func ("/eis/model/mixed-conductor", test_mixed_conductor);
  g_test_add_func ("/eis/model/wetting-catholyte", test_wetting_catholyte);
  g_test_add_func ("/eis/model/json", test_json);
  g_test_add_func ("/eis/model/json-numbers", test_json_numbers);
  return g_test_run ();
}
