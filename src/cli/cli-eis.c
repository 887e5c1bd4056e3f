/* SPDX-License-Identifier: GPL-3.0-or-later
 * cathode-composer-cli eis DESIGN [--cycle N]... [--json|--csv]: the
 * simulated impedance spectrum of a design, from its materials and (until
 * a packing result is passed in) the documented default microstructure. */
#include "cli-eis-common.h"
#include "cli-commands.h"
#include "cc-preset.h"
#include "cc-eis-params.h"
#include "cc-eis-json.h"

#include <math.h>
#include <stdio.h>

typedef struct {
  char   **cycles;
  double   interphase_nm;
  double   soc;
  double   temperature_C;
  double   f_min, f_max;
  int      ppd;
  gboolean json, csv;
} Options;

static gboolean
parse_cycles (char **text, GArray *out, GError **error)
{
  if (text == NULL)
    {
      guint zero = 0;
      g_array_append_val (out, zero);
      return TRUE;
    }
  for (guint i = 0; text[i]; i++)
    {
      guint64 v;

      if (!g_ascii_string_to_unsigned (text[i], 10, 0, CC_DESIGN_MAX_CYCLES, &v, error))
        {
          g_prefix_error (error, "--cycle: ");
          return FALSE;
        }
      g_array_append_val (out, (guint) { (guint) v });
    }
  return TRUE;
}

static void
print_text (const CcDesign *d, const CcEisCellParams *p, const guint *cycles, guint n,
            const CcEisFreqRange *range, GPtrArray *notes)
{
  printf (_("%s — simulated impedance (model output, not data), %g degC\n"), d->name, p[0].temperature_C);
  for (guint i = 0; i < notes->len; i++)
    printf (_("  note: %s\n"), (char *) g_ptr_array_index (notes, i));
  for (guint c = 0; c < n; c++)
    {
      CcEisProcInfo procs[CC_EIS_N_PROCS];
      double zr_hi, zr_lo, zi;

      cc_eis_model_processes (&p[c], procs);
      cc_eis_model_impedance (&p[c], range->f_max_Hz, &zr_hi, &zi, NULL, NULL);
      cc_eis_model_impedance (&p[c], range->f_min_Hz, &zr_lo, &zi, NULL, NULL);
      printf ("\n");
      printf (_("Cycle %u: interphase %.3g nm; Z' = %.4g ohm cm2 at %g Hz, %.4g ohm cm2 at %g Hz\n"),
              cycles[c], p[c].ip_thickness_nm, zr_hi, range->f_max_Hz, zr_lo, range->f_min_Hz);
      printf ("  %-26s %16s %12s %14s\n", _("process"), _("R (ohm cm2)"), _("tau (s)"), _("f peak (Hz)"));
      for (guint k = 0; k < CC_EIS_N_PROCS; k++)
        if (procs[k].resistance_ohm_cm2 > 1e-9)
          printf ("  %-26s %16.4g %12.3g %14.3g\n", cc_eis_proc_name (k), procs[k].resistance_ohm_cm2,
                  procs[k].tau_s, 1 / (2 * G_PI * procs[k].tau_s));
    }
}

static int
print_json (const CcDesign *d, const CcEisCellParams *p, const guint *cycles, guint n,
            const CcEisFreqRange *range, GPtrArray *notes, const Options *o)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "design");
  json_builder_add_string_value (b, d->name);
  json_builder_set_member_name (b, "state_of_charge");
  cc_eis_json_add_number (b, o->soc);
  json_builder_set_member_name (b, "microstructure");
  json_builder_add_string_value (b, "default estimate from the design (no packing result)");
  json_builder_set_member_name (b, "interphase_source");
  json_builder_add_string_value (b, isnan (o->interphase_nm) ? "stand-alone growth law" : "--interphase-nm");
  json_builder_set_member_name (b, "notes");
  json_builder_begin_array (b);
  for (guint i = 0; i < notes->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (notes, i));
  json_builder_end_array (b);
  if (!cc_eis_json_add_impedance (b, n, cycles, p, range, &error))
    return cli_fail_error (error);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  cli_print_json (root);
  return CLI_EXIT_OK;
}

static int
print_csv (const CcDesign *d, const CcEisCellParams *p, guint cycle, const CcEisFreqRange *range)
{
  g_autoptr(CcEisSpectrum) s = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *csv = NULL;

  s = cc_eis_model_spectrum (p, range, &error);
  if (s == NULL)
    return cli_fail_error (error);
  comment = g_strdup_printf ("Simulated by cathode-composer-cli eis: model output, not data\n"
                             "design: %s; cycle %u; %g degC; interphase %.3g nm",
                             d->name, cycle, p->temperature_C, p->ip_thickness_nm);
  csv = cc_eis_spectrum_to_csv (s, comment);
  fputs (csv, stdout);
  return CLI_EXIT_OK;
}

static int
simulate (const CcDesign *d, const Options *o, GArray *cycles)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autofree CcEisCellParams *p = g_new (CcEisCellParams, cycles->len);
  g_autoptr(GError) error = NULL;
  CcEisFreqRange range = { o->f_min, o->f_max, (guint) o->ppd };
  CcMaterialDb *db = cc_material_db_get_default ();

  if (!cc_eis_freq_range_validate (&range, &error) || !cc_design_validate (d, db, &error))
    return cli_fail_error (error);
  for (guint c = 0; c < cycles->len; c++)
    {
      guint cycle = g_array_index (cycles, guint, c);
      double ip = isnan (o->interphase_nm)
                  ? cc_eis_standalone_interphase_nm (d, db, cycle, notes) : o->interphase_nm;

      /* Fallback notes are the same for every cycle: collect them once. */
      if (!cc_eis_cell_params_from_design_micro (d, db, NULL, ip, o->soc, &p[c], c == 0 ? notes : NULL, &error))
        return cli_fail_error (error);
      if (!isnan (o->temperature_C))
        p[c].temperature_C = o->temperature_C;
      if (!cc_eis_cell_params_validate (&p[c], &error))
        return cli_fail_error (error);
    }
  if (o->csv)
    return print_csv (d, &p[0], g_array_index (cycles, guint, 0), &range);
  if (o->json)
    return print_json (d, p, (guint *) cycles->data, cycles->len, &range, notes, o);
  print_text (d, p, (guint *) cycles->data, cycles->len, &range, notes);
  return CLI_EXIT_OK;
}

int
cli_eis_run (int    argc,
             char **argv)
{
  Options o = { NULL, NAN, CC_EIS_DEFAULT_SOC, NAN, CC_EIS_DEFAULT_F_MIN_HZ, CC_EIS_DEFAULT_F_MAX_HZ,
                CC_EIS_DEFAULT_PPD, FALSE, FALSE };
  g_autoptr(CcDesign) design = NULL;
  g_autoptr(GArray) cycles = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "cycle", 'n', 0, G_OPTION_ARG_STRING_ARRAY, &o.cycles, N_("Cycle number (repeat for several; default 0)"), "N" },
    { "interphase-nm", 0, 0, G_OPTION_ARG_DOUBLE, &o.interphase_nm, N_("Interphase thickness (default: growth law)"), "NM" },
    { "soc", 0, 0, G_OPTION_ARG_DOUBLE, &o.soc, N_("State of charge 0..1 (default 0.5)"), "X" },
    { "temperature", 't', 0, G_OPTION_ARG_DOUBLE, &o.temperature_C, N_("Cell temperature, degC (default: the protocol's)"), "C" },
    { "f-min", 0, 0, G_OPTION_ARG_DOUBLE, &o.f_min, N_("Lowest frequency, Hz (default 0.01)"), "HZ" },
    { "f-max", 0, 0, G_OPTION_ARG_DOUBLE, &o.f_max, N_("Highest frequency, Hz (default 1e7)"), "HZ" },
    { "points-per-decade", 0, 0, G_OPTION_ARG_INT, &o.ppd, N_("Points per decade (default 10)"), "N" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &o.json, N_("Print one JSON document"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &o.csv, N_("Print the spectrum as CSV (one cycle)"), NULL },
    { NULL }
  };
  int rc;

  rc = cli_parse_options ("eis", "FILE|preset:NAME",
                          N_("Simulate the impedance spectrum of a design (ohm cm2, Z'' < 0 capacitive)."),
                          entries, &argc, &argv);
  if (rc != CLI_EXIT_OK)
    return rc;
  if (argc != 2)
    rc = cli_fail (CLI_EXIT_USAGE, _("eis: give exactly one design file or preset:NAME"));
  else if (o.json && o.csv)
    rc = cli_fail (CLI_EXIT_USAGE, _("eis: --json and --csv exclude each other"));
  else if (o.ppd < 1 || o.ppd > 1000)
    rc = cli_fail (CLI_EXIT_USAGE, _("eis: --points-per-decade %d: must be 1..1000"), o.ppd);
  else if (!parse_cycles (o.cycles, cycles, &error))
    rc = cli_fail (CLI_EXIT_USAGE, "eis: %s", error->message);
  else if (o.csv && cycles->len > 1)
    rc = cli_fail (CLI_EXIT_USAGE, _("eis: --csv writes one spectrum; give one --cycle"));
  if (rc != CLI_EXIT_OK)
    {
      g_strfreev (o.cycles);
      return rc;
    }
  g_strfreev (o.cycles);
  design = cc_design_load_from_argument (argv[1], &error);
  if (design == NULL)
    return cli_fail_error (error);
  return simulate (design, &o, cycles);
}
