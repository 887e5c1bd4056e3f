/* SPDX-License-Identifier: GPL-3.0-or-later
 * cathode-composer-cli eis-fit FILE.csv --circuit "R0-p(R1,Q1)-W" [--json]:
 * complex nonlinear least-squares fit of an equivalent circuit, with the
 * Kramers-Kronig check of the data alongside. */
#include "cli-eis-common.h"
#include "cli-commands.h"
#include "cc-eis-fit.h"
#include "cc-eis-json.h"
#include "cc-eis-kk.h"

#include <math.h>
#include <stdio.h>

static void
print_text (const CcEisCircuit *c, const CcEisFitResult *fit, const CcEisKkResult *kk, const char *unit)
{
  printf (_("Circuit %s: %s after %u iterations from %u start(s)\n"), cc_eis_circuit_get_text (c),
          fit->converged ? _("converged") : _("NOT converged"), fit->iterations, fit->starts);
  printf ("%-10s %14s %12s   %-29s %s\n", _("parameter"), _("value"), _("std error"), _("interval (95 %)"),
          _("unit"));
  for (guint i = 0; i < fit->n_params; i++)
    {
      const char *u = cc_eis_circuit_get_param_unit (c, i);
      g_autofree char *interval = isfinite (fit->ci_low[i])
        ? g_strdup_printf ("[%.4g, %.4g]", fit->ci_low[i], fit->ci_high[i]) : g_strdup ("-");
      g_autofree char *err = isfinite (fit->std_error[i]) ? g_strdup_printf ("%.3g", fit->std_error[i])
                                                          : g_strdup ("-");

      printf ("%-10s %14.6g %12s   %-29s %s%s%s\n", cc_eis_circuit_get_param_name (c, i), fit->value[i], err,
              interval, g_str_equal (u, "ohm") ? unit : u, fit->fixed[i] ? _("  (fixed)") : "",
              fit->at_bound[i] ? _("  (at bound)") : "");
    }
  printf (_("Residual: %.3g %% rms relative, chi^2 = %.4g for %u degrees of freedom\n"),
          100 * fit->rms_relative, fit->chi_square, fit->dof);
  if (kk != NULL)
    printf (_("Kramers-Kronig (linear KK, %u RC): %s, residual %.3g %% rms, %.3g %% max\n"), kk->n_rc,
            kk->pass ? _("consistent") : _("NOT consistent"), 100 * kk->rms_residual, 100 * kk->max_residual);
}

static int
emit (const char *path, const CcEisSpectrum *s, const CcEisCircuit *c, CcEisWeighting w,
      const CcEisFitResult *fit, const CcEisKkResult *kk, gboolean json)
{
  g_autoptr(JsonBuilder) b = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (!json)
    {
      cli_eis_print_source (path, s);
      print_text (c, fit, kk, cc_eis_spectrum_unit (s));
      return CLI_EXIT_OK;
    }
  b = json_builder_new ();
  json_builder_begin_object (b);
  cli_eis_json_source (b, path, s);
  cc_eis_json_add_fit_members (b, c, w, fit);
  json_builder_set_member_name (b, "kramers_kronig");
  if (kk != NULL)
    cc_eis_json_add_kk (b, kk);
  else
    json_builder_add_null_value (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  cli_print_json (root);
  return CLI_EXIT_OK;
}

int
cli_eis_fit_run (int    argc,
                 char **argv)
{
  g_autofree char *circuit_text = NULL, *weighting = NULL, *init = NULL, *fix = NULL, *bounds = NULL;
  g_autoptr(CcEisSpectrum) s = NULL;
  g_autoptr(CcEisCircuit) c = NULL;
  g_autoptr(CcEisFitSetup) setup = NULL;
  g_autoptr(CcEisFitResult) fit = NULL;
  g_autoptr(CcEisKkResult) kk = NULL;
  g_autoptr(GError) error = NULL;
  CcEisWeighting w = CC_EIS_WEIGHT_MODULUS;
  gboolean json = FALSE;
  double kk_threshold = CC_EIS_KK_DEFAULT_THRESHOLD;
  GOptionEntry entries[] = {
    { "circuit", 'c', 0, G_OPTION_ARG_STRING, &circuit_text, N_("Circuit, e.g. \"R0-p(R1,Q1)-p(R2,Q2)-W\""), "CIRCUIT" },
    { "weighting", 'w', 0, G_OPTION_ARG_STRING, &weighting, N_("modulus (default), proportional or unit"), "KIND" },
    { "init", 0, 0, G_OPTION_ARG_STRING, &init, N_("Initial values, e.g. R0=10,Q1_n=0.9"), "LIST" },
    { "fix", 0, 0, G_OPTION_ARG_STRING, &fix, N_("Fixed values, e.g. Q1_n=1"), "LIST" },
    { "bounds", 0, 0, G_OPTION_ARG_STRING, &bounds, N_("Bounds, e.g. R1=1:1e4,Q2_n=0.6:1"), "LIST" },
    { "kk-threshold", 0, 0, G_OPTION_ARG_DOUBLE, &kk_threshold, N_("RMS KK residual that still passes (default 0.01)"), "X" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON document"), NULL },
    { NULL }
  };
  int rc;

  rc = cli_parse_options ("eis-fit", "FILE.csv --circuit CIRCUIT",
                          N_("Fit an equivalent circuit to a measured spectrum (CNLS, Levenberg-Marquardt).\n"
                          "Element names: R, C, L, Q or CPE (reports NAME and NAME_n), W (Warburg sigma),\n"
                          "Ws/Wo (report NAME_R and NAME_tau); series '-', parallel p(a,b)."),
                          entries, &argc, &argv);
  if (rc != CLI_EXIT_OK)
    return rc;
  if (argc != 2)
    return cli_fail (CLI_EXIT_USAGE, _("eis-fit: give exactly one CSV file"));
  if (circuit_text == NULL)
    return cli_fail (CLI_EXIT_USAGE, _("eis-fit: --circuit is required, e.g. --circuit \"R0-p(R1,Q1)-W\""));
  if (weighting != NULL && !cc_eis_weighting_from_string (weighting, &w))
    return cli_fail (CLI_EXIT_USAGE, _("eis-fit: --weighting %s: use modulus, proportional or unit"), weighting);
  if (!(kk_threshold > 0 && kk_threshold < 1))
    return cli_fail (CLI_EXIT_USAGE, _("eis-fit: --kk-threshold %g: must be between 0 and 1"), kk_threshold);

  c = cc_eis_circuit_parse (circuit_text, &error);
  if (c == NULL)
    return cli_fail_error (error);
  setup = cc_eis_fit_setup_new (c);
  cc_eis_fit_setup_set_weighting (setup, w);
  if ((bounds && !cc_eis_fit_setup_parse_bounds (setup, bounds, &error))
      || (init && !cc_eis_fit_setup_parse_initial (setup, init, &error))
      || (fix && !cc_eis_fit_setup_parse_fixed (setup, fix, &error)))
    return cli_fail_error (error);
  s = cli_eis_load_spectrum (argv[1]);
  if (s == NULL)
    return CLI_EXIT_INVALID;
  fit = cc_eis_fit (c, s, setup, &error);
  if (fit == NULL)
    return cli_fail_error (error);
  /* The KK check is a companion: too short a spectrum skips it. */
  kk = cc_eis_kk_test (s, kk_threshold, NULL);
  return emit (argv[1], s, c, w, fit, kk, json);
}
