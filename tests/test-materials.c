/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-material-db.h"

#include <math.h>
#include <string.h>

/* Every material the review names in these roles (issue: foundation). */
static const char * const required_ids[] = {
  /* CAMs */
  "nacro2", "na066ni033mn067o2", "na067ni023mg01mn067o2", "na085mn05ni04fe01o2", "naxcoo2",
  "na044mno2", "nani13fe13mn13o2", "nvp", "na3ti2po43", "nati2po43", "nafepo4", "nvopf",
  "nfs", "na2fefecn6", "na2mnfecn6", "fe4fecn63", "he-pba", "tis2", "fes2", "fe1-xs", "mos2",
  "sb2s3", "na2s", "s8", "fef3", "nicl2", "cucl2", "na4c6o6", "pto", "pbqs", "paqs",
  /* SEs */
  "na3ps4-cubic", "na3ps4-tetragonal", "na3sbs4", "na288sb088w012s4", "na11sn2ps12",
  "na3sbs375se025", "na29ps395se005", "na10gep2s12", "beta-alumina", "beta2-alumina", "nzsp",
  "na3ycl6", "na3ybr6", "nyzc", "na07la07zr03cl4", "na2zrcl6", "na067zrso4033cl4", "na2o2-mcl4",
  "naalh4", "na3alh6", "na2b12h12", "na2b10h10-3na2b12h12", "na4b12h12b10h10",
  "na4cb11h122b12h12", "na3b24h23-5na2b12h12", "na2nh2b12h12", "na5smsi4o12",
  /* carbons, binders, interlayers, anodes */
  "acetylene-black", "carbon-black", "vgcf", "cnt", "cmk3", "graphene",
  "ptfe", "nbr", "sebs", "pvdf",
  "polydopamine", "succinonitrile", "peo-natfsi", "py14fsi", "pp13fsi", "napf6-ec-dmc",
  "na-metal", "na-sn", "na15sn4", "na2sn",
};

/* Keys the models read; each material of the class must carry them. */
static const char * const cam_keys[] = {
  "density_g_cm3", "theoretical_capacity_mAh_g", "practical_capacity_mAh_g", "voltage_min_V",
  "voltage_max_V", "average_voltage_V", "volume_change_percent", "electronic_conductivity_S_cm",
  "diffusion_coefficient_cm2_s", "young_modulus_GPa", NULL
};
static const char * const se_keys[] = {
  "density_g_cm3", "ionic_conductivity_S_cm", "activation_energy_eV", "electronic_conductivity_S_cm",
  "reduction_limit_V", "oxidation_limit_V", "young_modulus_GPa", NULL
};
static const char * const carbon_keys[] = {
  "density_g_cm3", "electronic_conductivity_S_cm", "specific_surface_area_m2_g", NULL
};
static const char * const anode_keys[] = { "potential_vs_na_V", NULL };
static const char * const interlayer_keys[] = { "ionic_conductivity_S_cm", NULL };

static CcMaterialDb *
db (void)
{
  return cc_material_db_get_default ();
}

static void
test_required_ids (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (required_ids); i++)
    if (cc_material_db_lookup (db (), required_ids[i]) == NULL)
      g_error ("material \"%s\" is missing from the database", required_ids[i]);
}

static void
test_classes_covered (void)
{
  static const char * const cam_families[] = {
    "layered_oxide", "tunnel_oxide", "polyanion", "prussian_blue", "sulfide_conversion",
    "halide_conversion", "organic", NULL
  };
  static const char * const se_families[] = { "oxide", "sulfide", "halide", "hydride", NULL };

  for (CcMaterialClass k = 0; k < CC_MATERIAL_N_CLASSES; k++)
    {
      g_autoptr(GPtrArray) list = cc_material_db_list_class (db (), k);
      g_assert_cmpuint (list->len, >, 0);
    }
  for (guint f = 0; cam_families[f]; f++)
    {
      gboolean found = FALSE;
      for (guint i = 0; i < cc_material_db_get_n (db ()); i++)
        {
          const CcMaterial *m = cc_material_db_get_nth (db (), i);
          found |= cc_material_get_class (m) == CC_MATERIAL_CLASS_CAM
                   && g_str_equal (cc_material_get_family (m), cam_families[f]);
        }
      if (!found)
        g_error ("no CAM of family %s", cam_families[f]);
    }
  for (guint f = 0; se_families[f]; f++)
    {
      gboolean found = FALSE;
      for (guint i = 0; i < cc_material_db_get_n (db ()); i++)
        {
          const CcMaterial *m = cc_material_db_get_nth (db (), i);
          found |= cc_material_get_class (m) == CC_MATERIAL_CLASS_SE
                   && g_str_equal (cc_material_get_family (m), se_families[f]);
        }
      if (!found)
        g_error ("no SE of family %s", se_families[f]);
    }
}

static void
test_sources (void)
{
  guint n_props = 0, n_estimates = 0;

  for (guint i = 0; i < cc_material_db_get_n (db ()); i++)
    {
      const CcMaterial *m = cc_material_db_get_nth (db (), i);

      for (guint j = 0; j < cc_material_get_n_properties (m); j++)
        {
          const CcProperty *p = cc_material_get_property_at (m, j);

          n_props++;
          if (p->source == NULL || strlen (p->source) < 3)
            g_error ("%s.%s has no source", cc_material_get_id (m), p->key);
          if (p->estimate)
            {
              n_estimates++;
              if (p->basis == NULL || strlen (p->basis) < 3)
                g_error ("%s.%s is an estimate without a basis", cc_material_get_id (m), p->key);
            }
          if (!isfinite (p->value))
            g_error ("%s.%s is not finite", cc_material_get_id (m), p->key);
        }
    }
  g_test_message ("%u properties, %u estimates", n_props, n_estimates);
  g_assert_cmpuint (n_props, >, 500);
}

static void
check_keys (const CcMaterial   *m,
            const char * const *keys)
{
  for (guint i = 0; keys[i]; i++)
    if (!cc_material_has (m, keys[i]))
      g_error ("%s lacks %s, which the models need", cc_material_get_id (m), keys[i]);
}

static void
test_model_keys_and_sanity (void)
{
  for (guint i = 0; i < cc_material_db_get_n (db ()); i++)
    {
      const CcMaterial *m = cc_material_db_get_nth (db (), i);
      const char *id = cc_material_get_id (m);
      double rho = cc_material_get (m, "density_g_cm3", NAN);

      if (!isnan (rho) && (rho < 0.5 || rho > 12))
        g_error ("%s: density %g g/cm³ is not physical", id, rho);

      switch (cc_material_get_class (m))
        {
        case CC_MATERIAL_CLASS_CAM:
          {
            const CcCurve *ocv = cc_material_get_ocv (m);
            double vmin = cc_material_get (m, "voltage_min_V", NAN);
            double vmax = cc_material_get (m, "voltage_max_V", NAN);
            double vavg = cc_material_get (m, "average_voltage_V", NAN);
            double qt = cc_material_get (m, "theoretical_capacity_mAh_g", NAN);
            double qp = cc_material_get (m, "practical_capacity_mAh_g", NAN);

            check_keys (m, cam_keys);
            if (ocv == NULL)
              g_error ("%s has no OCV curve", id);
            g_assert_cmpfloat (ocv->x[0], >=, 0.0);
            g_assert_cmpfloat (ocv->x[ocv->n - 1], <=, 1.0);
            if (!(vmin < vavg && vavg < vmax))
              g_error ("%s: average voltage %g outside its window %g–%g", id, vavg, vmin, vmax);
            if (!(qp <= qt * 1.05))
              g_error ("%s: practical capacity %g above theoretical %g", id, qp, qt);
          }
          break;
        case CC_MATERIAL_CLASS_SE:
          check_keys (m, se_keys);
          if (!(cc_material_get (m, "reduction_limit_V", 0) < cc_material_get (m, "oxidation_limit_V", 0)))
            g_error ("%s: reduction limit not below oxidation limit", id);
          if (cc_material_get (m, "ionic_conductivity_S_cm", 0) <= 0)
            g_error ("%s: ionic conductivity must be positive", id);
          break;
        case CC_MATERIAL_CLASS_CARBON:
          check_keys (m, carbon_keys);
          break;
        case CC_MATERIAL_CLASS_ANODE:
          check_keys (m, anode_keys);
          break;
        case CC_MATERIAL_CLASS_INTERLAYER:
          check_keys (m, interlayer_keys);
          break;
        case CC_MATERIAL_CLASS_BINDER:
        case CC_MATERIAL_N_CLASSES:
        default:
          break;
        }
    }
}

static void
expect_load_error (const char *json,
                   const char *fragment)
{
  g_autoptr(CcMaterialDb) local = cc_material_db_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (cc_material_db_load_data (local, json, -1, "test.json", &error));
  g_assert_nonnull (error);
  if (strstr (error->message, fragment) == NULL)
    g_error ("expected \"%s\" in \"%s\"", fragment, error->message);
  g_assert_cmpuint (cc_material_db_get_n (local), ==, 0);
}

#define MAT(props) "{\"schema\": 1, \"materials\": [{\"id\": \"x\", \"name\": \"X\", \"formula\": \"X\", " \
                   "\"class\": \"se\", \"family\": \"oxide\", \"properties\": " props "}]}"

static void
test_loader_refuses_unsourced (void)
{
  g_autoptr(CcMaterialDb) local = cc_material_db_new ();

  expect_load_error (MAT ("{\"density_g_cm3\": {\"value\": 3}}"), "source: required field is missing");
  expect_load_error (MAT ("{\"density_g_cm3\": {\"value\": 3, \"source\": \"  \"}}"), "must not be empty");
  expect_load_error (MAT ("{\"density_g_cm3\": {\"value\": 3, \"source\": \"a\", \"estimate\": true}}"),
                     "an estimate must give its basis");
  expect_load_error (MAT ("{\"density_g_cm3\": 3}"), "must be an object with value and source");
  expect_load_error (MAT ("{\"density_g_cm3\": {\"value\": \"3\", \"source\": \"a\"}}"), "must be a number");
  g_assert_true (cc_material_db_load_data (local, MAT ("{\"density_g_cm3\": {\"value\": 3, \"source\": \"Review ref. [1]\"}}"),
                                           -1, "ok.json", NULL));
  g_assert_cmpfloat (cc_material_get (cc_material_db_lookup (local, "x"), "density_g_cm3", 0), ==, 3);
  /* Loading the same id again is refused and adds nothing. */
  {
    g_autoptr(GError) error = NULL;
    g_assert_false (cc_material_db_load_data (local, MAT ("{}"), -1, "again.json", &error));
    g_assert_error (error, CC_MATERIAL_DB_ERROR, CC_MATERIAL_DB_ERROR_DUPLICATE);
    g_assert_cmpuint (cc_material_db_get_n (local), ==, 1);
  }
}

static void
test_curve_eval (void)
{
  double x[] = { 0, 0.5, 1 };
  double y[] = { 2, 3, 4 };
  CcCurve c = { 3, x, y, NULL, FALSE, NULL };

  g_assert_cmpfloat_with_epsilon (cc_curve_eval (&c, 0.25), 2.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (cc_curve_eval (&c, 0.75), 3.5, 1e-12);
  g_assert_cmpfloat (cc_curve_eval (&c, -1), ==, 2);
  g_assert_cmpfloat (cc_curve_eval (&c, 2), ==, 4);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/materials/required-ids", test_required_ids);
  g_test_add_func ("/materials/classes-covered", test_classes_covered);
  g_test_add_func ("/materials/every-number-sourced", test_sources);
  g_test_add_func ("/materials/model-keys-and-sanity", test_model_keys_and_sanity);
  g_test_add_func ("/materials/loader-refuses-unsourced", test_loader_refuses_unsourced);
  g_test_add_func ("/materials/curve-eval", test_curve_eval);
  return g_test_run ();
}
