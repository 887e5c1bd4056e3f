/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * simulate: packing + analysis + electrochemistry + stability + impedance of
 * one design, as one JSON document or a short human summary.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "cli-common.h"
#include "cli-commands.h"
#include "cc-eis-json.h"
#include "cc-preset.h"
#include "cc-simulation.h"

static gboolean
parse_cycles (const char  *text,
              guint        max_cycle,
              GArray      *out,
              GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  for (guint i = 0; parts[i]; i++)
    {
      guint64 v;

      if (!g_ascii_string_to_unsigned (g_strstrip (parts[i]), 10, 1, max_cycle, &v, NULL))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "--impedance-cycles: \"%s\" is not a cycle between 1 and %u", parts[i], max_cycle);
          return FALSE;
        }
      g_array_append_vals (out, &(guint) { (guint) v }, 1);
    }
  return TRUE;
}

static gboolean
write_impedance (JsonBuilder  *b,
                 CcSimulation *sim,
                 GArray       *cycles,
                 GError      **error)
{
  g_autofree CcEisCellParams *params = g_new0 (CcEisCellParams, cycles->len);
  CcEisFreqRange range;

  cc_eis_freq_range_init_default (&range);
  for (guint i = 0; i < cycles->len; i++)
    if (!cc_simulation_eis_params (sim, g_array_index (cycles, guint, i), &params[i], error))
      return FALSE;
  return cc_eis_json_add_impedance (b, cycles->len, (const guint *) cycles->data, params, &range, error);
}

static void
print_summary (CcSimulation *sim)
{
  const CcMicrostructure *m = cc_simulation_get_microstructure (sim);
  const CcCellResult *r = cc_simulation_get_cell (sim);

  printf (_("Microstructure: solid fraction %.3f, active CAM %.1f %%, σ_ion,eff %.2e S/cm, σ_e,eff %.2e S/cm\n"),
          m->solid_fraction, 100 * m->active_cam_fraction, m->sigma_ion_eff_S_per_cm, m->sigma_e_eff_S_per_cm);
  if (r == NULL)
    return;
  printf (_("Cell: %s%s%s\n"), cc_cell_status_to_string (r->status),
          r->message ? " — " : "", r->message ? r->message : "");
  if (r->has_ice)
    printf (_("First cycle: charge %.1f mAh/g, discharge %.1f mAh/g, ICE %.1f %%\n"),
            r->first_charge_mAh_g, r->first_discharge_mAh_g, 100 * r->ice);
  if (r->cycles != NULL && r->cycles->len > 0)
    {
      const CcCycleRecord *last = &g_array_index (r->cycles, CcCycleRecord, r->cycles->len - 1);
      printf (_("After %u cycles: %.1f mAh/g (%.1f %% of cycle 1)\n"), last->cycle,
              last->discharge_mAh_g, 100 * cc_cell_result_retention (r, last->cycle));
    }
  printf (_("(Model output, not measured data.)\n"));
}

int
cli_simulate_run (int    argc,
                  char **argv)
{
  g_autoptr(CcDesign) design = NULL;
  g_autoptr(CcSimulation) sim = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) eis_cycles = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *cycles_text = NULL;
  gboolean json = FALSE, no_impedance = FALSE;
  gint particles = 0;
  gint64 seed = -1;
  CcSimulationOptions options;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON document"), NULL },
    { "particles", 'n', 0, G_OPTION_ARG_INT, &particles, N_("Particle count (default: the design's)"), "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, N_("Random seed (default: the design's)"), "S" },
    { "impedance-cycles", 0, 0, G_OPTION_ARG_STRING, &cycles_text, N_("Cycles to compute spectra at (default: first and last)"), "N,M,…" },
    { "no-impedance", 0, 0, G_OPTION_ARG_NONE, &no_impedance, N_("Skip the impedance spectra"), NULL },
    { NULL }
  };
  int rc;

  rc = cli_parse_options ("simulate", "DESIGN|preset:NAME [--json]",
                          _("Simulate a design: packing, microstructure, electrochemistry, stability, impedance"),
                          entries, &argc, &argv);
  if (rc != CLI_EXIT_OK)
    return rc;
  if (argc != 2)
    return cli_fail (CLI_EXIT_USAGE, _("simulate: give exactly one design file or preset:NAME"));
  if (particles < 0 || (particles > 0 && (particles < CC_DESIGN_MIN_PARTICLES || particles > CC_DESIGN_MAX_PARTICLES)))
    return cli_fail (CLI_EXIT_USAGE, _("--particles %d: must be between %d and %d"), particles,
                     CC_DESIGN_MIN_PARTICLES, CC_DESIGN_MAX_PARTICLES);

  design = cc_design_load_from_argument (argv[1], &error);
  if (design == NULL)
    return cli_fail_error (error);
  if (cycles_text != NULL && !parse_cycles (cycles_text, MAX (design->protocol.cycles, 1), eis_cycles, &error))
    return cli_fail (CLI_EXIT_USAGE, "%s", error->message);

  cc_simulation_options_init (&options);
  options.particles = (guint) particles;
  options.has_seed = seed >= 0;
  options.seed = (guint64) MAX (seed, 0);

  sim = cc_simulation_new (cc_material_db_get_default ());
  if (!cc_simulation_run (sim, design, &options, NULL, NULL, NULL, &error))
    return cli_fail_error (error);

  if (eis_cycles->len == 0)
    {
      guint first = 1, last = MAX (design->protocol.cycles, 1);
      g_array_append_val (eis_cycles, first);
      if (last > 1)
        g_array_append_val (eis_cycles, last);
    }

  if (!json)
    {
      print_summary (sim);
      return CLI_EXIT_OK;
    }

  {
    g_autoptr(JsonBuilder) b = json_builder_new ();
    g_autoptr(JsonNode) root = NULL;
    JsonNode *micro;

    json_builder_begin_object (b);
    json_builder_set_member_name (b, "design");
    json_builder_add_string_value (b, design->name);
    json_builder_set_member_name (b, "model_output");
    json_builder_add_boolean_value (b, TRUE);
    micro = cc_packing_to_json (cc_simulation_get_packing (sim), cc_simulation_get_microstructure (sim));
    json_builder_set_member_name (b, "microstructure");
    json_builder_add_value (b, micro);
    cc_cell_result_to_json (cc_simulation_get_cell (sim), b);
    json_builder_set_member_name (b, "stability");
    json_builder_begin_object (b);
    cc_stability_report_to_json (cc_simulation_get_stability (sim), b);
    json_builder_end_object (b);
    if (!no_impedance && !write_impedance (b, sim, eis_cycles, &error))
      return cli_fail_error (error);
    json_builder_set_member_name (b, "seconds");
    json_builder_begin_object (b);
    json_builder_set_member_name (b, "packing");
    json_builder_add_double_value (b, cc_simulation_get_seconds (sim, CC_SIM_STAGE_PACKING));
    json_builder_set_member_name (b, "analysis");
    json_builder_add_double_value (b, cc_simulation_get_seconds (sim, CC_SIM_STAGE_ANALYSIS));
    json_builder_set_member_name (b, "electrochemistry");
    json_builder_add_double_value (b, cc_simulation_get_seconds (sim, CC_SIM_STAGE_CELL));
    json_builder_end_object (b);
    json_builder_end_object (b);
    root = json_builder_get_root (b);
    cli_print_json (root);
  }
  return CLI_EXIT_OK;
}
