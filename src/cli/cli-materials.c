/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cli-common.h"
#include "cli-commands.h"
#include "cc-material-db.h"

#include <stdio.h>

static void
add_material_json (JsonBuilder      *b,
                   const CcMaterial *m)
{
  g_autoptr(GList) facts = cc_material_get_fact_keys (m);
  const CcCurve *ocv = cc_material_get_ocv (m);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, cc_material_get_id (m));
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, cc_material_get_name (m));
  json_builder_set_member_name (b, "formula");
  json_builder_add_string_value (b, cc_material_get_formula (m));
  json_builder_set_member_name (b, "class");
  json_builder_add_string_value (b, cc_material_class_to_string (cc_material_get_class (m)));
  json_builder_set_member_name (b, "family");
  json_builder_add_string_value (b, cc_material_get_family (m));

  json_builder_set_member_name (b, "properties");
  json_builder_begin_object (b);
  for (guint i = 0; i < cc_material_get_n_properties (m); i++)
    {
      const CcProperty *p = cc_material_get_property_at (m, i);
      json_builder_set_member_name (b, p->key);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "value");
      json_builder_add_double_value (b, p->value);
      json_builder_set_member_name (b, "source");
      json_builder_add_string_value (b, p->source);
      json_builder_set_member_name (b, "estimate");
      json_builder_add_boolean_value (b, p->estimate);
      if (p->basis != NULL)
        {
          json_builder_set_member_name (b, "basis");
          json_builder_add_string_value (b, p->basis);
        }
      json_builder_end_object (b);
    }
  json_builder_end_object (b);

  json_builder_set_member_name (b, "facts");
  json_builder_begin_object (b);
  for (GList *l = facts; l; l = l->next)
    {
      const char *s = cc_material_get_string (m, l->data);
      const char * const *v = cc_material_get_strv (m, l->data);

      json_builder_set_member_name (b, l->data);
      if (s != NULL)
        json_builder_add_string_value (b, s);
      else if (v != NULL)
        {
          json_builder_begin_array (b);
          for (guint i = 0; v[i]; i++)
            json_builder_add_string_value (b, v[i]);
          json_builder_end_array (b);
        }
      else
        json_builder_add_boolean_value (b, cc_material_get_flag (m, l->data, FALSE));
    }
  json_builder_end_object (b);

  if (ocv != NULL)
    {
      json_builder_set_member_name (b, "ocv");
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "soc");
      json_builder_begin_array (b);
      for (guint i = 0; i < ocv->n; i++)
        json_builder_add_double_value (b, ocv->x[i]);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "voltage_V");
      json_builder_begin_array (b);
      for (guint i = 0; i < ocv->n; i++)
        json_builder_add_double_value (b, ocv->y[i]);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "source");
      json_builder_add_string_value (b, ocv->source);
      json_builder_set_member_name (b, "estimate");
      json_builder_add_boolean_value (b, ocv->estimate);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
}

static char *
key_numbers (const CcMaterial *m)
{
  switch (cc_material_get_class (m))
    {
    case CC_MATERIAL_CLASS_CAM:
      return g_strdup_printf ("%.0f mAh/g, %.2f V",
                              cc_material_get (m, "theoretical_capacity_mAh_g", 0),
                              cc_material_get (m, "average_voltage_V", 0));
    case CC_MATERIAL_CLASS_SE:
      return g_strdup_printf ("%.1e S/cm, %.2f–%.2f V",
                              cc_material_get (m, "ionic_conductivity_S_cm", 0),
                              cc_material_get (m, "reduction_limit_V", 0),
                              cc_material_get (m, "oxidation_limit_V", 0));
    case CC_MATERIAL_CLASS_CARBON:
      return g_strdup_printf ("%.1e S/cm, %.0f m²/g",
                              cc_material_get (m, "electronic_conductivity_S_cm", 0),
                              cc_material_get (m, "specific_surface_area_m2_g", 0));
    case CC_MATERIAL_CLASS_ANODE:
      return g_strdup_printf ("%.2f V vs Na", cc_material_get (m, "potential_vs_na_V", 0));
    case CC_MATERIAL_CLASS_INTERLAYER:
      return g_strdup_printf ("%.1e S/cm", cc_material_get (m, "ionic_conductivity_S_cm", 0));
    case CC_MATERIAL_CLASS_BINDER:
    case CC_MATERIAL_N_CLASSES:
    default:
      return g_strdup_printf ("%.2f g/cm³", cc_material_get (m, "density_g_cm3", 0));
    }
}

int
cli_materials_run (int    argc,
                   char **argv)
{
  g_autofree char *class_name = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "class", 'c', 0, G_OPTION_ARG_STRING, &class_name, N_("Only this class: cam, se, carbon, binder, interlayer, anode"), "CLASS" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON document"), NULL },
    { NULL }
  };
  CcMaterialDb *db;
  CcMaterialClass klass = CC_MATERIAL_CLASS_CAM;
  g_autoptr(JsonBuilder) b = NULL;
  int rc;

  rc = cli_parse_options ("materials", "[--class CLASS] [--json]", N_("List the materials database."),
                          entries, &argc, &argv);
  if (rc != CLI_EXIT_OK)
    return rc;
  if (argc > 1)
    return cli_fail (CLI_EXIT_USAGE, _("materials: unexpected argument '%s'"), argv[1]);
  if (class_name != NULL && !cc_material_class_from_string (class_name, &klass))
    return cli_fail (CLI_EXIT_USAGE,
                     _("--class %s: unknown class; use cam, se, carbon, binder, interlayer or anode"),
                     class_name);

  db = cc_material_db_get_default ();
  if (json)
    {
      b = json_builder_new ();
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "materials");
      json_builder_begin_array (b);
    }

  for (guint i = 0; i < cc_material_db_get_n (db); i++)
    {
      const CcMaterial *m = cc_material_db_get_nth (db, i);

      if (class_name != NULL && cc_material_get_class (m) != klass)
        continue;
      if (json)
        add_material_json (b, m);
      else
        {
          g_autofree char *numbers = key_numbers (m);
          printf ("%-24s %-10s %-20s %-28s %s\n", cc_material_get_id (m),
                  cc_material_class_to_string (cc_material_get_class (m)),
                  cc_material_get_family (m), cc_material_get_formula (m), numbers);
        }
    }

  if (json)
    {
      g_autoptr(JsonNode) root = NULL;

      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      cli_print_json (root);
    }
  return CLI_EXIT_OK;
}
