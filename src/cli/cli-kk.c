/* SPDX-License-Identifier: GPL-3.0-or-later
 * cathode-composer-cli kk FILE.csv [--threshold X] [--json]: linear
 * Kramers-Kronig test of a measured spectrum. */
#include "cli-eis-common.h"
#include "cli-commands.h"
#include "cc-eis-kk.h"
#include "cc-eis-json.h"

#include <stdio.h>

int
cli_kk_run (int    argc,
            char **argv)
{
  g_autoptr(CcEisSpectrum) s = NULL;
  g_autoptr(CcEisKkResult) kk = NULL;
  g_autoptr(GError) error = NULL;
  double threshold = CC_EIS_KK_DEFAULT_THRESHOLD;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "threshold", 't', 0, G_OPTION_ARG_DOUBLE, &threshold, N_("RMS relative residual that still passes (default 0.01)"), "X" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON document"), NULL },
    { NULL }
  };
  int rc;

  rc = cli_parse_options ("kk", "FILE.csv", N_("Linear Kramers-Kronig test (Schoenleber 2014) of a spectrum."),
                          entries, &argc, &argv);
  if (rc != CLI_EXIT_OK)
    return rc;
  if (argc != 2)
    return cli_fail (CLI_EXIT_USAGE, _("kk: give exactly one CSV file"));
  if (!(threshold > 0 && threshold < 1))
    return cli_fail (CLI_EXIT_USAGE, _("kk: --threshold %g: must be between 0 and 1"), threshold);
  s = cli_eis_load_spectrum (argv[1]);
  if (s == NULL)
    return CLI_EXIT_INVALID;
  kk = cc_eis_kk_test (s, threshold, &error);
  if (kk == NULL)
    return cli_fail_error (error);
  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      cli_eis_json_source (b, argv[1], s);
      json_builder_set_member_name (b, "kramers_kronig");
      cc_eis_json_add_kk (b, kk);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      cli_print_json (root);
      return CLI_EXIT_OK;
    }
  cli_eis_print_source (argv[1], s);
  printf (_("Linear KK with %u RC elements (mu = %.2f): %s\n"
            "  residuals %.3g %% rms, %.3g %% max, trend %.2f (threshold %.3g %% rms)\n"),
          kk->n_rc, kk->mu, kk->pass ? _("consistent") : _("NOT consistent (drift, nonlinearity or noise)"),
          100 * kk->rms_residual, 100 * kk->max_residual, kk->trend, 100 * kk->threshold);
  return CLI_EXIT_OK;
}
