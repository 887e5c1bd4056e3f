/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * validate-presets: every literature preset simulated and compared with what
 * its source reported, then the effects the review highlights. The
 * microstructure comes from the packing engine (--packing) or, by default,
 * from the documented effective-medium estimate, which runs all 41 presets in
 * seconds; the table says which was used.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cli-common.h"
#include "cli-commands.h"
#include "cc-effective-medium.h"
#include "cc-preset-compare.h"
#include "cc-simulation.h"

typedef struct {
  gboolean packing;
  guint    particles;
} MicroSource;

static gboolean
micro_from_packing (const CcDesign   *design,
                    CcMaterialDb     *db,
                    CcMicrostructure *out,
                    gpointer          data,
                    GError          **error)
{
  MicroSource *src = data;
  g_autoptr(CcSimulation) sim = cc_simulation_new (db);
  CcSimulationOptions options;

  if (!src->packing)
    return cc_microstructure_estimate_effective_medium (design, db, out, error);

  cc_simulation_options_init (&options);
  options.particles = src->particles;
  options.skip_cell = TRUE;
  if (!cc_simulation_run (sim, design, &options, NULL, NULL, NULL, error))
    return FALSE;
  *out = *cc_simulation_get_microstructure (sim);
  return TRUE;
}

static void
print_row (const CcPreset           *p,
           const CcPresetComparison *row)
{
  printf ("%-30s %-30s %-22s %10.3g %10.3g  %-14s %s\n", p->id, row->quantity, row->condition,
          row->reported, row->predicted, row->tolerance_text, row->pass ? "ok" : "OFF");
}

int
cli_validate_presets_run (int    argc,
                          char **argv)
{
  gboolean json = FALSE, packing = FALSE;
  gint particles = 0;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON document"), NULL },
    { "packing", 0, 0, G_OPTION_ARG_NONE, &packing, N_("Use the packing engine for every microstructure (slow)"), NULL },
    { "particles", 'n', 0, G_OPTION_ARG_INT, &particles, N_("Particle count with --packing"), "N" },
    { NULL }
  };
  MicroSource src;
  CcPresetList *list = cc_preset_list_get_default ();
  CcMaterialDb *db = cc_material_db_get_default ();
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const CcPresetEffect *effects;
  guint n_effects, n_rows = 0, n_pass = 0, n_eff_pass = 0, n_eff_checked = 0;
  int rc;

  rc = cli_parse_options ("validate-presets", "[--json] [--packing]",
                          _("Compare every literature preset with its prediction"), entries, &argc, &argv);
  if (rc != CLI_EXIT_OK)
    return rc;
  src.packing = packing;
  src.particles = (guint) MAX (particles, 0);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "microstructure_source");
  json_builder_add_string_value (b, packing ? "packing" : "effective-medium");
  json_builder_set_member_name (b, "presets");
  json_builder_begin_array (b);
  if (!json)
    printf (_("Reported vs predicted (model output). Microstructure: %s\n\n"),
            packing ? _("packing engine") : _("effective-medium estimate (--packing for the packed one)"));

  for (guint i = 0; i < cc_preset_list_get_n (list); i++)
    {
      const CcPreset *p = cc_preset_list_get_nth (list, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(CcCellResult) r = cc_preset_simulate_design (p->design, db, micro_from_packing, &src, &error);
      g_autoptr(GPtrArray) rows = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, p->id);
      if (r == NULL)
        {
          json_builder_set_member_name (b, "error");
          json_builder_add_string_value (b, error->message);
          json_builder_end_object (b);
          if (!json)
            printf ("%-30s %s\n", p->id, error->message);
          continue;
        }
      rows = cc_preset_compare (p, r);
      cc_preset_comparisons_to_json (rows, b);
      json_builder_end_object (b);
      for (guint k = 0; k < rows->len; k++)
        {
          const CcPresetComparison *row = g_ptr_array_index (rows, k);
          n_rows++;
          n_pass += row->pass;
          if (!json)
            print_row (p, row);
        }
    }
  json_builder_end_array (b);

  effects = cc_preset_effects (&n_effects);
  json_builder_set_member_name (b, "effects");
  json_builder_begin_array (b);
  if (!json)
    printf (_("\nEffects the review highlights:\n"));
  for (guint i = 0; i < n_effects; i++)
    {
      const CcPresetEffect *e = &effects[i];
      const CcPreset *pa = cc_preset_list_lookup (list, e->a.preset);
      const CcPreset *pb = e->b.preset ? cc_preset_list_lookup (list, e->b.preset) : NULL;
      g_autoptr(CcDesign) da = pa ? cc_preset_effect_design (&e->a, pa) : NULL;
      g_autoptr(CcDesign) db_design = pb ? cc_preset_effect_design (&e->b, pb) : NULL;
      g_autoptr(CcCellResult) ra = da ? cc_preset_simulate_design (da, db, micro_from_packing, &src, NULL) : NULL;
      g_autoptr(CcCellResult) rb = db_design ? cc_preset_simulate_design (db_design, db, micro_from_packing, &src, NULL) : NULL;
      g_autofree char *text = NULL;
      double value = 0;
      gboolean pass = ra != NULL && (e->b.preset == NULL || rb != NULL)
                      && cc_preset_effect_check (e, ra, rb, &value, &text);

      if (e->gap == NULL)
        {
          n_eff_checked++;
          n_eff_pass += pass;
        }
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, e->id);
      json_builder_set_member_name (b, "statement");
      json_builder_add_string_value (b, e->statement);
      json_builder_set_member_name (b, "value");
      json_builder_add_double_value (b, value);
      json_builder_set_member_name (b, "tolerance");
      json_builder_add_string_value (b, e->tolerance);
      json_builder_set_member_name (b, "pass");
      json_builder_add_boolean_value (b, pass);
      json_builder_set_member_name (b, "known_gap");
      if (e->gap)
        json_builder_add_string_value (b, e->gap);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
      if (!json)
        printf ("  [%s] %s\n      %s%s%s\n", pass ? "ok" : (e->gap ? "gap" : "OFF"), e->statement,
                text ? text : e->tolerance, e->gap ? _("; known gap: ") : "", e->gap ? e->gap : "");
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  if (json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (b);
      cli_print_json (root);
    }
  else
    printf (_("\n%u of %u reported figures within tolerance; %u of %u highlighted effects reproduced.\n"),
            n_pass, n_rows, n_eff_pass, n_eff_checked);
  return CLI_EXIT_OK;
}
