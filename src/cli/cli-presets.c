/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cli-common.h"
#include "cli-commands.h"
#include "cc-preset.h"

#include <math.h>
#include <stdio.h>

static void
add_number (JsonBuilder *b,
            const char  *member,
            double       value)
{
  json_builder_set_member_name (b, member);
  if (isnan (value))
    json_builder_add_null_value (b);
  else
    json_builder_add_double_value (b, value);
}

static void
add_reported (JsonBuilder      *b,
              const CcReported *r)
{
  json_builder_set_member_name (b, "reported");
  json_builder_begin_object (b);
  add_number (b, "capacity_mAh_g", r->capacity_mAh_g);
  add_number (b, "c_rate", r->c_rate);
  add_number (b, "current_mA_g", r->current_mA_g);
  json_builder_set_member_name (b, "cycles");
  json_builder_add_int_value (b, r->cycles);
  add_number (b, "retention", r->retention);
  add_number (b, "initial_coulombic_efficiency", r->initial_coulombic_efficiency);
  add_number (b, "temperature_C", r->temperature_C);
  add_number (b, "voltage_min_V", r->voltage_min_V);
  add_number (b, "voltage_max_V", r->voltage_max_V);
  json_builder_set_member_name (b, "voltage_reference");
  json_builder_add_string_value (b, r->voltage_reference ? r->voltage_reference : "");
  json_builder_end_object (b);
}

int
cli_presets_run (int    argc,
                 char **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON document"), NULL },
    { NULL }
  };
  CcPresetList *list;
  int rc;

  rc = cli_parse_options ("presets", "[--json]", N_("List the literature-cell presets."), entries, &argc, &argv);
  if (rc != CLI_EXIT_OK)
    return rc;
  if (argc > 1)
    return cli_fail (CLI_EXIT_USAGE, _("presets: unexpected argument '%s'"), argv[1]);

  list = cc_preset_list_get_default ();
  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "presets");
      json_builder_begin_array (b);
      for (guint i = 0; i < cc_preset_list_get_n (list); i++)
        {
          const CcPreset *p = cc_preset_list_get_nth (list, i);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_string_value (b, p->id);
          json_builder_set_member_name (b, "title");
          json_builder_add_string_value (b, p->title);
          json_builder_set_member_name (b, "reference");
          json_builder_add_string_value (b, p->reference);
          json_builder_set_member_name (b, "explanation");
          json_builder_add_string_value (b, p->explanation);
          add_reported (b, &p->reported);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      cli_print_json (root);
      return CLI_EXIT_OK;
    }

  for (guint i = 0; i < cc_preset_list_get_n (list); i++)
    {
      const CcPreset *p = cc_preset_list_get_nth (list, i);
      printf ("%-32s %s\n", p->id, p->title);
    }
  return CLI_EXIT_OK;
}

int
cli_preset_run (int    argc,
                char **argv)
{
  const CcPreset *p;
  g_autofree char *text = NULL;
  int rc;

  rc = cli_parse_options ("preset", "NAME", N_("Print a preset's design document."), NULL, &argc, &argv);
  if (rc != CLI_EXIT_OK)
    return rc;
  if (argc != 2)
    return cli_fail (CLI_EXIT_USAGE, _("preset: give exactly one preset name (see 'cathode-composer-cli presets')"));

  p = cc_preset_list_lookup (cc_preset_list_get_default (), argv[1]);
  if (p == NULL)
    return cli_fail (CLI_EXIT_INVALID, _("preset: no preset named \"%s\" (see 'cathode-composer-cli presets')"), argv[1]);

  text = cc_design_to_data (p->design, NULL);
  fputs (text, stdout);
  return CLI_EXIT_OK;
}
