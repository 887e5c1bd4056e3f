/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cathode-composer-cli: a thin command-line tool over the simulation core.
 * Exit status: 0 success, 1 invalid input, 2 usage error.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "cli-common.h"
#include "cli-commands.h"

static const CliCommand commands[] = {
  { "materials", "[--class CLASS] [--json]", N_("List the materials database"), cli_materials_run },
  { "presets",   "[--json]",                 N_("List the literature-cell presets"), cli_presets_run },
  { "preset",    "NAME",                     N_("Print a preset's design document"), cli_preset_run },
  { "validate",  "FILE|preset:NAME",         N_("Check a design document"), cli_validate_run },
  { "plot",      "DESIGN --chart NAME -o FILE", N_("Draw a chart (PNG, SVG, PDF, CSV)"), cli_plot_run },
  { "sweep",     "SWEEP.json --out FILE.jsonl", N_("Run a design-space sweep (--shard I/N for a cluster)"), cli_sweep_run },
  { "sweep-merge", "A.jsonl B.jsonl … --out ALL.jsonl", N_("Join sweep shards into one canonical file"), cli_sweep_merge_run },
  { "optimize",  "SWEEP.json --objective M --maximize", N_("Best design over a sweep's numeric axes"), cli_optimize_run },
  { "pareto",    "FILE.jsonl --x M --y M",   N_("Pareto front of two metrics of a sweep"), cli_pareto_run },
  { "eis",       "FILE|preset:NAME [--cycle N]", N_("Simulate a design's impedance spectrum"), cli_eis_run },
  { "eis-fit",   "FILE.csv --circuit C",     N_("Fit an equivalent circuit to a spectrum"), cli_eis_fit_run },
  { "drt",       "FILE.csv [--lambda L]",    N_("Distribution of relaxation times of a spectrum"), cli_drt_run },
  { "kk",        "FILE.csv",                 N_("Kramers-Kronig test of a spectrum"), cli_kk_run },
  { "simulate",  "DESIGN|preset:NAME [--json]", N_("Simulate a design: packing, microstructure, electrochemistry, stability, impedance"), cli_simulate_run },
  { "validate-presets", "[--json] [--packing]", N_("Compare every literature preset with its prediction"), cli_validate_presets_run },
  { "stability", "FILE|preset:NAME [--json]", N_("Interfacial stability of a design"), cli_stability_run },
  { "pack",      "DESIGN|--spheres SPEC",    N_("Pack and analyse the composite's particles"), cli_pack_run },
  { "bench",     "NAME [OPTIONS]",           N_("Run a benchmark (packing, pipeline, eis, sweep)"), cli_bench_run },
};

static void
print_usage (FILE *out)
{
  fprintf (out, _("Usage: cathode-composer-cli COMMAND [OPTIONS…]\n\nCommands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-12s %s\n  %-12s   %s\n", commands[i].name, commands[i].args, "", _(commands[i].summary));
  fprintf (out, _("\nWherever a design file is expected, preset:NAME names a literature preset.\n"
                  "Run 'cathode-composer-cli COMMAND --help' for a command's options.\n"));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  /* CC_LOCALEDIR: the build tree's po/ folder, so tests and run-app.sh
   * show translations without installing them. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CC_LOCALEDIR") ? g_getenv ("CC_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return CLI_EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return CLI_EXIT_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      printf ("cathode-composer-cli %s\n", PACKAGE_VERSION);
      return CLI_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      return commands[i].run (argc - 1, argv + 1);

  fprintf (stderr, _("cathode-composer-cli: unknown command '%s'\n\n"), argv[1]);
  print_usage (stderr);
  return CLI_EXIT_USAGE;
}
