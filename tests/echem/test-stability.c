/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Interfacial stability verdicts against hand-computed margins, coatings
 * that protect, the anode side, the compatibility matrix's ranking, and the
 * JSON the CLI and charts read.
 */
#include <string.h>
#include "echem-test-util.h"
#include "cc-stability.h"

static const CcInterfaceStability *
find (const CcStabilityReport *r,
      const char              *kind)
{
  for (guint i = 0; i < r->interfaces->len; i++)
    {
      const CcInterfaceStability *s = g_ptr_array_index (r->interfaces, i);
      if (g_str_equal (s->kind, kind))
        return s;
    }
  return NULL;
}

static gboolean
has_product (const CcInterfaceStability *s,
             const char                 *p)
{
  for (guint i = 0; i < s->products->len; i++)
    if (g_str_equal (g_ptr_array_index (s->products, i), p))
      return TRUE;
  return FALSE;
}

static void
test_oxide_sulfide (void)
{
  g_autoptr(CcDesign) d = echem_test_design ("nacro2", "na3ps4-cubic", "acetylene-black");
  g_autoptr(GError) error = NULL;
  g_autoptr(CcStabilityReport) r = NULL;
  const CcInterfaceStability *s;

  d->protocol.voltage_max_V = 3.3;    /* + 0.3 V (Na-Sn) = 3.6 V vs Na */
  r = cc_stability_analyze (d, echem_test_db (), &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (r->cam_max_V, 3.6, 1e-12);
  g_assert_cmpfloat_with_epsilon (r->anode_V, 0.3, 1e-12);
  s = find (r, "cam-electrolyte");
  g_assert_nonnull (s);
  /* Na3PS4 oxidises at 2.25 V: 1.35 V past it; S and P2S5 block electrons. */
  g_assert_cmpfloat_with_epsilon (s->margin_V, 2.25 - 3.6, 1e-9);
  g_assert_cmpint (s->verdict, ==, CC_VERDICT_PASSIVATING);
  g_assert_true (s->oxidation);
  g_assert_true (has_product (s, "S"));
  g_assert_cmpfloat (s->chemical_mismatch, ==, 1.0);
  g_assert_nonnull (find (r, "carbon-electrolyte"));
  g_assert_nonnull (find (r, "collector-electrolyte"));
  /* Na-Sn at 0.3 V reduces Na3PS4 (1.21 V) to Na2S + Na3P, which conduct
   * electrons: continuous. */
  s = find (r, "anode-separator");
  g_assert_nonnull (s);
  g_assert_cmpfloat_with_epsilon (s->margin_V, 0.3 - 1.21, 1e-9);
  g_assert_cmpint (s->verdict, ==, CC_VERDICT_CONTINUOUS);
  g_assert_true (has_product (s, "Na3P"));
}

static void
test_coating_protects (void)
{
  g_autoptr(CcDesign) d = echem_test_design ("nacro2", "na3ps4-cubic", NULL);
  g_autoptr(CcStabilityReport) r = NULL;
  CcComponent *cam = g_ptr_array_index (d->components, 0);
  const CcInterfaceStability *s;

  cam->coating_id = g_strdup ("nyzc");
  cam->coating_thickness_nm = 30;
  d->protocol.voltage_max_V = 3.3;
  r = cc_stability_analyze (d, echem_test_db (), NULL);
  s = find (r, "coating-cam");
  g_assert_nonnull (s);
  g_assert_cmpfloat_with_epsilon (s->margin_V, 3.8 - 3.6, 1e-9);
  g_assert_cmpint (s->verdict, ==, CC_VERDICT_STABLE);
  /* Behind a full, insulating coating the sulfide sees no electrons. */
  g_assert_cmpint (find (r, "cam-electrolyte")->verdict, ==, CC_VERDICT_STABLE);
  g_assert_cmpint (find (r, "coating-electrolyte")->verdict, ==, CC_VERDICT_STABLE);
  g_assert_cmpfloat (find (r, "cam-electrolyte")->margin_V, <, 0);   /* the window itself is still exceeded */
  /* Beyond the coating's window the protection is gone. */
  d->protocol.voltage_max_V = 3.9;
  {
    g_autoptr(CcStabilityReport) r2 = cc_stability_analyze (d, echem_test_db (), NULL);
    g_assert_cmpint (find (r2, "coating-cam")->verdict, !=, CC_VERDICT_STABLE);
    g_assert_cmpint (find (r2, "cam-electrolyte")->verdict, !=, CC_VERDICT_STABLE);
  }
}

static void
test_stable_window (void)
{
  g_autoptr(CcDesign) d = echem_test_design ("tis2", "na3ps4-cubic", NULL);
  g_autoptr(CcStabilityReport) r = NULL;

  /* 1.5-2.2 V vs Na sits inside 1.21-2.25 V. */
  d->protocol.voltage_min_V = 1.2;
  d->protocol.voltage_max_V = 1.9;
  r = cc_stability_analyze (d, echem_test_db (), NULL);
  g_assert_cmpint (find (r, "cam-electrolyte")->verdict, ==, CC_VERDICT_STABLE);
  g_assert_cmpfloat_with_epsilon (find (r, "cam-electrolyte")->margin_V, MIN (2.25 - 2.2, 1.5 - 1.21), 1e-9);
  g_assert_cmpuint (find (r, "cam-electrolyte")->products->len, ==, 0);
}

static void
test_errors (void)
{
  g_autoptr(CcDesign) d = echem_test_design ("nacro2", "na3ps4-cubic", NULL);
  g_autoptr(GError) error = NULL;

  g_free (d->cell.anode_id);
  d->cell.anode_id = g_strdup ("no-such-anode");
  g_assert_null (cc_stability_analyze (d, echem_test_db (), &error));
  g_assert_nonnull (strstr (error->message, "no-such-anode"));
}

static const CcCompatibility *
pair (GPtrArray  *m,
      const char *cam,
      const char *el)
{
  for (guint i = 0; i < m->len; i++)
    {
      const CcCompatibility *c = g_ptr_array_index (m, i);
      if (g_str_equal (c->cam_id, cam) && g_str_equal (c->electrolyte_id, el))
        return c;
    }
  g_assert_not_reached ();
}

static void
test_compatibility_matrix (void)
{
  CcMaterialDb *db = echem_test_db ();
  g_autoptr(GPtrArray) m = cc_compatibility_matrix (db);
  g_autoptr(GPtrArray) cams = cc_material_db_list_class (db, CC_MATERIAL_CLASS_CAM);
  g_autoptr(GPtrArray) ses = cc_material_db_list_class (db, CC_MATERIAL_CLASS_SE);

  g_assert_cmpuint (m->len, ==, cams->len * ses->len);
  for (guint i = 0; i < m->len; i++)
    {
      const CcCompatibility *c = g_ptr_array_index (m, i);
      g_assert_true (c->score >= 0 && c->score <= 100);
      g_assert_cmpuint (c->reasons->len, >=, 3);
    }
  /* Oxide CAM: the halide beats the sulfide (window and anion). */
  g_assert_cmpfloat (pair (m, "nacro2", "nyzc")->score, >, 2 * pair (m, "nacro2", "na3ps4-cubic")->score);
  g_assert_cmpint (pair (m, "nacro2", "na3ps4-cubic")->verdict, ==, CC_VERDICT_PASSIVATING);
  /* TiS2 and Na3PS4 share the anion and nearly the window. */
  g_assert_cmpfloat (pair (m, "tis2", "na3ps4-cubic")->chemical_mismatch, ==, 0);
  g_assert_cmpfloat (pair (m, "tis2", "na3ps4-cubic")->score, >, pair (m, "nacro2", "na3ps4-cubic")->score);
  /* Rigid NVP against rigid NZSP: large mismatch stress; against the
   * sulfide it is relieved. */
  g_assert_cmpfloat (pair (m, "nvp", "nzsp")->mechanical_stress_MPa, >, 500);
  g_assert_false (pair (m, "nvp", "nzsp")->plastic);
  g_assert_true (pair (m, "nvp", "na3ps4-cubic")->plastic);
  g_assert_cmpfloat (pair (m, "pto", "na3ps4-cubic")->mechanical_stress_MPa, <,
                     pair (m, "nvp", "nzsp")->mechanical_stress_MPa);
}

static void
test_json (void)
{
  g_autoptr(CcDesign) d = echem_test_design ("nacro2", "na3ps4-cubic", "acetylene-black");
  g_autoptr(CcStabilityReport) r = cc_stability_analyze (d, echem_test_db (), NULL);
  g_autoptr(GPtrArray) m = cc_compatibility_matrix (echem_test_db ());
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  JsonObject *o, *first, *chart;

  json_builder_begin_object (b);
  cc_stability_report_to_json (r, b);
  cc_compatibility_matrix_to_json (m, b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  o = json_node_get_object (root);
  first = json_array_get_object_element (json_object_get_array_member (o, "interfaces"), 0);
  for (const char **k = (const char *[]) { "pair", "margin_V", "verdict", "products", NULL }; *k; k++)
    g_assert_true (json_object_has_member (first, *k));
  g_assert_cmpstr (json_object_get_string_member (first, "verdict"), ==, "passivating");
  chart = json_object_get_object_member (o, "stability_window");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (chart, "electrolytes")), >=, 1);
  g_assert_true (json_object_has_member (json_object_get_object_member (chart, "cam"), "max_V"));
  g_assert_true (json_object_has_member (json_object_get_object_member (chart, "anode"), "potential_V"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "compatibility")), ==, m->len);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/echem/stability/oxide-sulfide", test_oxide_sulfide);
  g_test_add_func ("/echem/stability/coating-protects", test_coating_protects);
  g_test_add_func ("/echem/stability/stable-window", test_stable_window);
  g_test_add_func ("/echem/stability/errors", test_errors);
  g_test_add_func ("/echem/stability/compatibility-matrix", test_compatibility_matrix);
  g_test_add_func ("/echem/stability/json", test_json);
  return g_test_run ();
}
