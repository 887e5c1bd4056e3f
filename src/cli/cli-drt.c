/* SPDX-License-Identifier: GPL-3.0-or-later
 * cathode-composer-cli drt FILE.csv [--lambda L] [--json]: distribution of
 * relaxation times by Tikhonov-regularised non-negative least squares. */
#include "cli-eis-common.h"
#include "cli-commands.h"
#include "cc-eis-drt.h"
#include "cc-eis-json.h"

#include <math.h>
#include <stdio.h>

static void
print_text (const CcEisDrtResult *r, const char *unit)
{
  printf (_("DRT: lambda = %g (order %u), %u time constants, reconstruction %.3g %% rms\n"),
          r->lambda, r->order, r->n, 100 * r->rms_relative);
  printf ("R_inf = %.4g %s", r->r_inf, unit);
  if (r->inductance_H > 0)
    printf (", L = %.3g H", r->inductance_H);
  if (isfinite (r->capacitance_F))
    printf (_(", series C = %.3g F"), r->capacitance_F);
  printf ("\n%-12s %-12s %-14s %s\n", _("tau (s)"), _("f (Hz)"), "R", _("process"));
  for (guint i = 0; i < r->peaks->len; i++)
    {
      const CcEisDrtPeak *p = &g_array_index (r->peaks, CcEisDrtPeak, i);
      g_autofree char *res = g_strdup_printf ("%.4g %s", p->resistance, unit);

      printf ("%-12.4g %-12.4g %-14s %s\n", p->tau_s, 1 / (2 * G_PI * p->tau_s), res,
              p->process ? p->process : "");
    }
}

int
cli_drt_run (int    argc,
             char **argv)
{
  g_autoptr(CcEisSpectrum) s = NULL;
  g_autoptr(CcEisDrtResult) r = NULL;
  g_autoptr(GError) error = NULL;
  CcEisDrtOptions o;
  gboolean json = FALSE;
  int order = 1, ppd = 0;
  GOptionEntry entries[] = {
    { "lambda", 'l', 0, G_OPTION_ARG_DOUBLE, NULL, N_("Regularisation parameter (default 1e-3)"), "L" },
    { "order", 0, 0, G_OPTION_ARG_INT, &order, N_("Derivative order of the penalty: 0, 1 (default) or 2"), "N" },
    { "points-per-decade", 0, 0, G_OPTION_ARG_INT, &ppd, N_("Time-constant grid density (default: the data's)"), "N" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON document"), NULL },
    { NULL }
  };
  int rc;

  cc_eis_drt_options_init (&o);
  entries[0].arg_data = &o.lambda;
  rc = cli_parse_options ("drt", "FILE.csv",
                          N_("Distribution of relaxation times (Tikhonov-regularised NNLS).\n"
                          "Larger lambda gives smoother, broader peaks; smaller lambda lets noise through."),
                          entries, &argc, &argv);
  if (rc != CLI_EXIT_OK)
    return rc;
  if (argc != 2)
    return cli_fail (CLI_EXIT_USAGE, _("drt: give exactly one CSV file"));
  if (order < 0 || order > 2 || ppd < 0 || ppd > 50)
    return cli_fail (CLI_EXIT_USAGE, _("drt: --order must be 0, 1 or 2 and --points-per-decade 0..50"));
  o.order = (guint) order;
  o.points_per_decade = (guint) ppd;
  s = cli_eis_load_spectrum (argv[1]);
  if (s == NULL)
    return CLI_EXIT_INVALID;
  r = cc_eis_drt (s, &o, &error);
  if (r == NULL)
    return cli_fail_error (error);
  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      cli_eis_json_source (b, argv[1], s);
      cc_eis_json_add_drt_members (b, r);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      cli_print_json (root);
      return CLI_EXIT_OK;
    }
  cli_eis_print_source (argv[1], s);
  print_text (r, cc_eis_spectrum_unit (s));
  return CLI_EXIT_OK;
}
