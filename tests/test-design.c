/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-design.h"
#include "cc-preset.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

/* Set (or with value == NULL remove) the member at a path such as
 * "components[1].coating.thickness_nm" in a JSON tree. */
static void
mutate (JsonNode   *root,
        const char *path,
        const char *value)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonNode *node = root;
  guint n = g_strv_length (parts);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup (parts[i]);
      char *bracket = strchr (name, '[');
      int index = -1;
      JsonObject *obj = json_node_get_object (node);

      if (bracket != NULL)
        {
          index = atoi (bracket + 1);
          *bracket = '\0';
        }
      if (i == n - 1 && index < 0)
        {
          if (value == NULL)
            json_object_remove_member (obj, name);
          else
            {
              g_autoptr(JsonParser) p = json_parser_new ();
              g_assert_true (json_parser_load_from_data (p, value, -1, NULL));
              json_object_set_member (obj, name, json_node_copy (json_parser_get_root (p)));
            }
          return;
        }
      node = json_object_get_member (obj, name);
      if (index >= 0)
        node = json_array_get_element (json_node_get_array (node), index);
    }
}

static char *
base_text (void)
{
  g_autoptr(CcDesign) d = cc_design_new_default ();
  return cc_design_to_data (d, NULL);
}

static void
test_round_trip (void)
{
  g_autoptr(CcDesign) d = cc_design_new_default ();
  g_autoptr(CcDesign) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;

  /* Awkward numbers must survive exactly. */
  ((CcComponent *) g_ptr_array_index (d->components, 0))->mass_fraction = 0.1 + 0.2 + 0.36;
  d->simulation.seed = G_GUINT64_CONSTANT (9007199254740993) >> 2;
  text = cc_design_to_data (d, NULL);
  back = cc_design_load_from_data (text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (cc_design_equal (d, back));
  g_assert_cmpfloat (((CcComponent *) g_ptr_array_index (back->components, 0))->mass_fraction, ==, 0.1 + 0.2 + 0.36);
  g_assert_cmpstr (((CcComponent *) g_ptr_array_index (back->components, 0))->coating_id, ==, "nyzc");
  g_assert_cmpuint (back->simulation.seed, ==, d->simulation.seed);
  text2 = cc_design_to_data (back, NULL);
  g_assert_cmpstr (text, ==, text2);
  /* A dispersed CAM writes no agglomerate key (documents stay as they were);
   * an agglomerated one keeps its size. */
  g_assert_null (strstr (text, "agglomerate_d_um"));
  ((CcComponent *) g_ptr_array_index (d->components, 0))->agglomerate_d_um = 37.5;
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&back, cc_design_free);
  text = cc_design_to_data (d, NULL);
  back = cc_design_load_from_data (text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (((CcComponent *) g_ptr_array_index (back->components, 0))->agglomerate_d_um, ==, 37.5);
  g_assert_true (cc_design_validate (back, cc_material_db_get_default (), &error));
  g_assert_no_error (error);
}

static void
test_round_trip_presets (void)
{
  CcPresetList *list = cc_preset_list_get_default ();

  for (guint i = 0; i < cc_preset_list_get_n (list); i++)
    {
      const CcPreset *p = cc_preset_list_get_nth (list, i);
      g_autofree char *text = cc_design_to_data (p->design, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(CcDesign) back = cc_design_load_from_data (text, -1, &error);

      g_assert_no_error (error);
      g_assert_true (cc_design_equal (p->design, back));
    }
}

static void
test_save_is_atomic_and_lossless (void)
{
  g_autoptr(CcDesign) d = cc_design_new_default ();
  g_autoptr(CcDesign) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cc-design-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "design.ccdesign", NULL);

  g_assert_true (cc_design_save_to_file (d, path, &error));
  g_assert_no_error (error);
  back = cc_design_load_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (cc_design_equal (d, back));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_locale_independent (void)
{
  g_autoptr(CcDesign) d = cc_design_new_default ();
  g_autofree char *text = NULL;
  const char *old = setlocale (LC_NUMERIC, NULL);
  g_autofree char *saved = g_strdup (old);

  /* If a comma-decimal locale exists, numbers must still be written with '.'. */
  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL)
    {
      g_test_skip ("de_DE.UTF-8 locale not installed");
      return;
    }
  text = cc_design_to_data (d, NULL);
  setlocale (LC_NUMERIC, saved);
  g_assert_nonnull (strstr (text, "\"mass_fraction\" : 0.66"));
}

typedef struct {
  const char   *path;
  const char   *value;     /* NULL = remove */
  CcDesignError code;
  const char   *message;   /* substring of the error */
  gboolean      needs_db;  /* error comes from validation, not parsing */
} InvalidCase;

static const InvalidCase invalid_cases[] = {
  { "components[0].mass_fraction", "1.7", CC_DESIGN_ERROR_INVALID, "components[0].mass_fraction = 1.7: must be between 0 and 1", TRUE },
  { "components[1].mass_fraction", "-0.3", CC_DESIGN_ERROR_INVALID, "components[1].mass_fraction = -0.3: must be between 0 and 1", TRUE },
  { "components[1].mass_fraction", "\"0.3\"", CC_DESIGN_ERROR_INVALID, "components[1].mass_fraction = \"0.3\": must be a number", FALSE },
  { "components[1].mass_fraction", "0.2", CC_DESIGN_ERROR_INVALID, "fractions sum to 0.9000; they must sum to 1", TRUE },
  { "components[1].mass_fraction", NULL, CC_DESIGN_ERROR_MISSING, "components[1].mass_fraction: required field is missing", FALSE },
  { "components[2].material", "\"unobtainium\"", CC_DESIGN_ERROR_UNKNOWN_MATERIAL, "components[2].material = \"unobtainium\": unknown material id", TRUE },
  { "components[2].material", "\"\"", CC_DESIGN_ERROR_INVALID, "components[2].material = \"\": must name a material", TRUE },
  { "components[2].material", "\"na-metal\"", CC_DESIGN_ERROR_INVALID, "is a material of class anode", TRUE },
  { "components[2].material", "\"nacro2\"", CC_DESIGN_ERROR_INVALID, "already used by components[0]", TRUE },
  { "components[0].d50_um", "0", CC_DESIGN_ERROR_INVALID, "components[0].d50_um = 0: must be between", TRUE },
  { "components[0].d50_um", "1e9", CC_DESIGN_ERROR_INVALID, "components[0].d50_um = 1e+09: must be between", TRUE },
  { "components[0].spread", "true", CC_DESIGN_ERROR_INVALID, "components[0].spread = true: must be a number", FALSE },
  { "components[0].morphology", "\"cube\"", CC_DESIGN_ERROR_INVALID, "components[0].morphology = \"cube\"", TRUE },
  { "components[0].coating.material", "\"acetylene-black\"", CC_DESIGN_ERROR_INVALID, "components[0].coating.material = \"acetylene-black\": is a material of class carbon", TRUE },
  { "components[0].coating.thickness_nm", "-5", CC_DESIGN_ERROR_INVALID, "components[0].coating.thickness_nm = -5", TRUE },
  { "components[0].agglomerate_d_um", "-1", CC_DESIGN_ERROR_INVALID, "components[0].agglomerate_d_um = -1: must be between 0 and 5000", TRUE },
  { "components[0].agglomerate_d_um", "1e300", CC_DESIGN_ERROR_INVALID, "components[0].agglomerate_d_um = 1e+300: must be between 0 and 5000", TRUE },
  { "components[0].agglomerate_d_um", "\"big\"", CC_DESIGN_ERROR_INVALID, "components[0].agglomerate_d_um = \"big\": must be a number", FALSE },
  { "components[0].agglomerate_d_um", "2", CC_DESIGN_ERROR_INVALID, "components[0].agglomerate_d_um = 2: smaller than the particles it is made of (d50_um = 5)", TRUE },
  { "components[1].agglomerate_d_um", "30", CC_DESIGN_ERROR_INVALID, "components[1].agglomerate_d_um = 30: only an active material (CAM) component can be agglomerated", TRUE },
  { "components", "[]", CC_DESIGN_ERROR_MISSING, "components: a design needs at least one component", TRUE },
  { "components", "{}", CC_DESIGN_ERROR_INVALID, "components = an object: must be an array", FALSE },
  { "components", NULL, CC_DESIGN_ERROR_MISSING, "components: required field is missing", FALSE },
  { "process.method", "\"microwave\"", CC_DESIGN_ERROR_INVALID, "process.method = \"microwave\"", FALSE },
  { "process.pressure_MPa", "-1", CC_DESIGN_ERROR_INVALID, "process.pressure_MPa = -1: must be between 0 and 5000", TRUE },
  { "process", NULL, CC_DESIGN_ERROR_MISSING, "process: required field is missing", FALSE },
  { "cell.separator.material", "\"nacro2\"", CC_DESIGN_ERROR_INVALID, "cell.separator.material = \"nacro2\": is a material of class cam; expected class se or interlayer", TRUE },
  { "cell.separator.thickness_um", "0", CC_DESIGN_ERROR_INVALID, "cell.separator.thickness_um = 0", TRUE },
  { "cell.anode", "\"lithium\"", CC_DESIGN_ERROR_UNKNOWN_MATERIAL, "cell.anode = \"lithium\": unknown material id", TRUE },
  { "cell.areal_loading_mg_cm2", "0", CC_DESIGN_ERROR_INVALID, "give one of them", TRUE },
  { "cell.area_cm2", "0", CC_DESIGN_ERROR_INVALID, "cell.area_cm2 = 0", TRUE },
  { "protocol.voltage_max_V", "1.0", CC_DESIGN_ERROR_INVALID, "protocol.voltage_max_V = 1: must exceed protocol.voltage_min_V", TRUE },
  { "protocol.c_rates", "[]", CC_DESIGN_ERROR_MISSING, "protocol.c_rates: give at least one C-rate", TRUE },
  { "protocol.c_rates", "[0.1, \"fast\"]", CC_DESIGN_ERROR_INVALID, "protocol.c_rates[1] = \"fast\": must be a number", FALSE },
  { "protocol.c_rates", "[0.1, 0]", CC_DESIGN_ERROR_INVALID, "protocol.c_rates[1] = 0", TRUE },
  { "protocol.cycles", "0", CC_DESIGN_ERROR_INVALID, "protocol.cycles = 0: must be between 1 and 20000", TRUE },
  { "protocol.cycles", "1e7", CC_DESIGN_ERROR_INVALID, "protocol.cycles = 1e+07: must be between 1 and 20000", TRUE },
  { "protocol.cycles", "2.5", CC_DESIGN_ERROR_INVALID, "protocol.cycles = 2.5: must be a whole number", FALSE },
  { "simulation.particles", "10000000", CC_DESIGN_ERROR_INVALID, "simulation.particles = 1e+07: must be between 50 and 500000", TRUE },
  { "simulation.particles", "-5", CC_DESIGN_ERROR_INVALID, "simulation.particles = -5: must be a whole number", FALSE },
  { "version", "2", CC_DESIGN_ERROR_VERSION, "written by a newer Cathode Composer", FALSE },
  { "version", "\"1\"", CC_DESIGN_ERROR_INVALID, "version = \"1\": must be a whole number", FALSE },
  { "format", "\"something-else\"", CC_DESIGN_ERROR_INVALID, "not a Cathode Composer design", FALSE },
};

static void
test_invalid_documents (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      const InvalidCase *c = &invalid_cases[i];
      g_autofree char *text = base_text ();
      g_autoptr(JsonNode) root = json_from_string (text, NULL);
      g_autofree char *mutated = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(CcDesign) d = NULL;

      mutate (root, c->path, c->value);
      mutated = json_to_string (root, FALSE);
      d = cc_design_load_from_data (mutated, -1, &error);
      if (d != NULL)
        {
          g_assert_true (c->needs_db);
          g_assert_false (cc_design_validate (d, cc_material_db_get_default (), &error));
        }
      else if (c->needs_db)
        g_error ("case %u (%s): expected the parser to accept it, got: %s", i, c->path, error->message);

      g_assert_nonnull (error);
      if (error->code != (int) c->code || strstr (error->message, c->message) == NULL)
        g_error ("case %u (%s): expected code %d and \"%s\", got code %d: \"%s\"",
                 i, c->path, c->code, c->message, error->code, error->message);
    }
}

static void
test_defaults_valid (void)
{
  g_autoptr(CcDesign) d = cc_design_new_default ();
  g_autoptr(GError) error = NULL;

  g_assert_true (cc_design_validate (d, cc_material_db_get_default (), &error));
  g_assert_no_error (error);
}

static void
test_truncated_and_garbage (void)
{
  g_autofree char *text = base_text ();
  gsize len = strlen (text);

  /* Every truncation of a valid document is refused with a message. */
  for (gsize cut = 0; cut < len - 2; cut += 7)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CcDesign) d = cc_design_load_from_data (text, (gssize) cut, &error);

      g_assert_null (d);
      g_assert_nonnull (error);
      g_assert_cmpuint (strlen (error->message), >, 5);
    }
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcDesign) d = cc_design_load_from_file ("/nonexistent/dir/design.json", &error);

  g_assert_null (d);
  g_assert_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_IO);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/design/round-trip", test_round_trip);
  g_test_add_func ("/design/round-trip-presets", test_round_trip_presets);
  g_test_add_func ("/design/save-atomic", test_save_is_atomic_and_lossless);
  g_test_add_func ("/design/locale-independent", test_locale_independent);
  g_test_add_func ("/design/defaults-valid", test_defaults_valid);
  g_test_add_func ("/design/invalid-documents", test_invalid_documents);
  g_test_add_func ("/design/truncated", test_truncated_and_garbage);
  g_test_add_func ("/design/missing-file", test_missing_file);
  return g_test_run ();
}
