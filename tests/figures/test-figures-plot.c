/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Design → chart: the window-overlap score, the stability windows of the
 * default design from the materials database, the engine charts' options
 * (their results are checked in test-figures-sim.c), and the plot
 * command's contract.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cc-chart-export.h"
#include "cc-chart-kinds.h"
#include "cc-chart-registry.h"
#include "cc-plot.h"
#include "cc-preset.h"
#include "figures-check.h"

static void
test_window_score (void)
{
  /* CAM 2.0–3.5 V against windows: inside, kinetic only, a little beyond,
   * far beyond, unknown. */
  g_assert_cmpint (cc_plot_window_score (2.0, 3.5, 0.0, 4.0, NAN, NAN), ==, 3);
  g_assert_cmpint (cc_plot_window_score (2.0, 3.5, 1.5, 3.2, NAN, 3.6), ==, 2);
  g_assert_cmpint (cc_plot_window_score (2.0, 3.5, 1.5, 3.2, NAN, NAN), ==, 1);
  g_assert_cmpint (cc_plot_window_score (2.0, 3.5, 1.5, 2.5, NAN, 2.9), ==, 0);
  g_assert_cmpint (cc_plot_window_score (2.0, 3.5, 1.5, 2.25, NAN, NAN), ==, 0);
  /* The reduction side counts too: a CAM discharged below the window. */
  g_assert_cmpint (cc_plot_window_score (1.0, 3.0, 1.3, 4.0, NAN, NAN), ==, 1);
  g_assert_cmpint (cc_plot_window_score (1.0, 3.0, 1.3, 4.0, 0.9, NAN), ==, 2);
  g_assert_cmpint (cc_plot_window_score (2.0, 3.5, NAN, 4.0, NAN, NAN), ==, -1);
  /* Monotone: a wider oxidation limit never lowers the score. */
  for (double ox = 2.0; ox < 4.5; ox += 0.05)
    g_assert_cmpint (cc_plot_window_score (2.0, 3.5, 1.0, ox, NAN, NAN), <=,
                     cc_plot_window_score (2.0, 3.5, 1.0, ox + 0.05, NAN, NAN));
}

/* The default design (NaCrO2 coated with NYZC in Na3PS4) against the real
 * database; the stub database of a fresh checkout lacks these materials. */
static CcDesign *
default_design_or_skip (void)
{
  CcMaterialDb *db = cc_material_db_get_default ();
  CcDesign *d = cc_design_new_default ();

  if (cc_material_db_lookup (db, "nacro2") == NULL || cc_material_db_lookup (db, "nyzc") == NULL ||
      !cc_material_has (cc_material_db_lookup (db, "na3ps4-cubic"), "oxidation_limit_V"))
    {
      g_test_skip ("the materials database is the stub: copy the real data/materials");
      cc_design_free (d);
      return NULL;
    }
  return d;
}

static void
test_stability_from_design (void)
{
  g_autoptr(CcDesign) design = default_design_or_skip ();
  CcMaterialDb *db = cc_material_db_get_default ();
  g_autoptr(CcStabilityData) data = NULL;
  g_autoptr(CcChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  const CcMaterial *sps;
  gboolean found = FALSE;

  if (design == NULL)
    return;
  sps = cc_material_db_lookup (db, "na3ps4-cubic");
  data = cc_plot_stability_data (design, db, &error);
  g_assert_no_error (error);
  /* Na3PS4 (catholyte and separator) and the NYZC coating, each once, with
   * the database's limits. */
  g_assert_cmpuint (data->windows->len, ==, 2);
  for (guint i = 0; i < data->windows->len; i++)
    {
      const CcStabilityWindow *w = g_ptr_array_index (data->windows, i);

      if (strstr (w->label, "catholyte, separator") != NULL)
        {
          found = TRUE;
          g_assert_cmpfloat (w->oxidation_V, ==, cc_material_get (sps, "oxidation_limit_V", NAN));
          g_assert_cmpfloat (w->reduction_V, ==, cc_material_get (sps, "reduction_limit_V", NAN));
        }
    }
  g_assert_true (found);
  /* The cathode sees the protocol's cell voltage plus the anode potential. */
  g_assert_cmpfloat_with_epsilon (data->cam_max_V, design->protocol.voltage_max_V +
                                  cc_material_get (cc_material_db_lookup (db, design->cell.anode_id),
                                                   "potential_vs_na_V", NAN), 1e-12);
  g_assert_cmpfloat (data->anode_V, ==, cc_material_get (cc_material_db_lookup (db, design->cell.anode_id),
                                                          "potential_vs_na_V", NAN));

  chart = cc_plot_build_chart ("stability-window", design, db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cc_chart_get_kind (chart), ==, "stability-window");
}

static void
test_compatibility_from_db (void)
{
  g_autoptr(CcDesign) design = default_design_or_skip ();
  CcMaterialDb *db = cc_material_db_get_default ();
  g_autoptr(CcCompatibilityData) data = NULL;
  g_autoptr(GPtrArray) cams = NULL;
  g_autoptr(GPtrArray) ses = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CcChart) chart = NULL;

  if (design == NULL)
    return;
  cams = cc_material_db_list_class (db, CC_MATERIAL_CLASS_CAM);
  ses = cc_material_db_list_class (db, CC_MATERIAL_CLASS_SE);
  data = cc_plot_compatibility_data (design, db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (data->rows->len, ==, cams->len);
  g_assert_cmpuint (data->cols->len, ==, ses->len);
  /* The design's pair is highlighted, and its score is the function's. */
  g_assert_cmpint (data->highlight_row, >=, 0);
  g_assert_cmpint (data->highlight_col, >=, 0);
  {
    const CcMaterial *cam = g_ptr_array_index (cams, data->highlight_row);
    const CcMaterial *se = g_ptr_array_index (ses, data->highlight_col);

    g_assert_cmpstr (cc_material_get_id (cam), ==, "nacro2");
    g_assert_cmpstr (cc_material_get_id (se), ==, "na3ps4-cubic");
    g_assert_cmpint (cc_compatibility_data_get_score (data, data->highlight_row, data->highlight_col), ==,
                     cc_plot_window_score (cc_material_get (cam, "voltage_min_V", NAN),
                                           cc_material_get (cam, "voltage_max_V", NAN),
                                           cc_material_get (se, "reduction_limit_V", NAN),
                                           cc_material_get (se, "oxidation_limit_V", NAN),
                                           cc_material_get (se, "apparent_reduction_limit_V", NAN),
                                           cc_material_get (se, "apparent_oxidation_limit_V", NAN)));
  }
  chart = cc_chart_compatibility_new (data, &error);
  g_assert_no_error (error);
}

/* Engine charts run the simulation with the options' particle budget: a
 * budget too small for the preset's size distribution is refused by the
 * packing (in milliseconds), and that error reaches the caller. */
static void
test_engine_options_and_unknown (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcDesign) design = cc_design_load_from_argument ("preset:tis2-na3ps4", &error);
  CcMaterialDb *db = cc_material_db_get_default ();
  CcPlotOptions options = { .particles = 50 };
  guint n;
  const CcChartKindInfo *kinds = cc_chart_kinds_list (&n);

  if (design == NULL)
    {
      g_test_skip ("the presets are the stub: copy the real data/presets");
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcChart) chart = NULL;

      if (kinds[i].source == CC_CHART_SOURCE_DESIGN)
        continue;
      chart = cc_plot_build_chart (kinds[i].name, design, db, &options, &error);
      g_assert_null (chart);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "n_particles = 50"));
      g_clear_error (&error);
    }
  g_assert_null (cc_plot_build_chart ("pie", design, db, NULL, &error));
  g_assert_error (error, CC_CHART_ERROR, CC_CHART_ERROR_INVALID);
}

static void
test_builders_refuse_empty (void)
{
  g_autoptr(CcCurveSet) set = cc_curve_set_new ();
  g_autoptr(CcImpedanceData) imp = cc_impedance_data_new (FALSE);
  g_autoptr(CcCyclingData) cyc = cc_cycling_data_new ();
  g_autoptr(GError) error = NULL;
  double nan2[2] = { NAN, NAN };

  /* A curve whose points are all gaps is no data either. */
  cc_curve_set_add (set, "gaps", CC_CURVE_MODEL, nan2, nan2, 2);
  g_assert_null (cc_chart_voltage_profile_new (set, NULL, &error));
  g_assert_error (error, CC_CHART_ERROR, CC_CHART_ERROR_DATA);
  g_clear_error (&error);
  g_assert_null (cc_chart_nyquist_new (imp, &error));
  g_assert_error (error, CC_CHART_ERROR, CC_CHART_ERROR_DATA);
  g_clear_error (&error);
  g_assert_null (cc_chart_cycling_new (cyc, &error));
  g_assert_error (error, CC_CHART_ERROR, CC_CHART_ERROR_DATA);
  g_clear_error (&error);
  g_assert_null (cc_chart_microstructure_new (NULL, &error));
  g_assert_error (error, CC_CHART_ERROR, CC_CHART_ERROR_DATA);
}

/* The plot command. */

typedef struct {
  int   status;
  char *out, *err;
} Run;

static void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Run *r, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *cli = g_getenv ("CC_CLI");
  const char *arg;
  int wait_status = 0;
  va_list ap;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  g_ptr_array_add (argv, (gpointer) "plot");
  va_start (ap, r);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &r->out, &r->err, &wait_status, NULL));
  g_assert_true (WIFEXITED (wait_status));
  r->status = WEXITSTATUS (wait_status);
}

static void
test_cli_list (void)
{
  g_auto(Run) r = { 0 };
  guint n;
  const CcChartKindInfo *kinds = cc_chart_kinds_list (&n);

  run_cli (&r, "--chart", "list", NULL);
  g_assert_cmpint (r.status, ==, 0);
  for (guint i = 0; i < n; i++)
    g_assert_nonnull (strstr (r.out, kinds[i].name));
}

static void
test_cli_exit_codes (void)
{
  g_autoptr(CcDesign) design = cc_design_new_default ();
  g_autofree char *dir = g_dir_make_tmp ("cc-plot-XXXXXX", NULL);
  g_autofree char *design_path = g_build_filename (dir, "design.json", NULL);
  g_autofree char *out = g_build_filename (dir, "out.png", NULL);

  g_assert_true (cc_design_save_to_file (design, design_path, NULL));
  {
    g_auto(Run) r = { 0 };

    run_cli (&r, design_path, "--chart", "pie", "-o", out, NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "pie"));
  }
  {
    g_auto(Run) r = { 0 };

    run_cli (&r, design_path, "--chart", "nyquist", NULL);   /* no -o */
    g_assert_cmpint (r.status, ==, 2);
  }
  {
    g_auto(Run) r = { 0 };

    run_cli (&r, design_path, "--chart", "nyquist", "-o", out, "--dpi", "5", NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "--dpi"));
  }
  {
    g_auto(Run) r = { 0 };

    run_cli (&r, design_path, "--chart", "nyquist", "-o", out, "--particles", "-3", NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "--particles"));
  }
  {
    g_auto(Run) r = { 0 };

    /* --particles reaches the packing, which refuses a budget this small. */
    run_cli (&r, design_path, "--chart", "nyquist", "-o", out, "--particles", "50", NULL);
    g_assert_cmpint (r.status, ==, 1);
    /* With the stub database the design itself is refused first. */
    if (cc_material_db_lookup (cc_material_db_get_default (), "nacro2") != NULL)
      g_assert_nonnull (strstr (r.err, "n_particles = 50"));
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) r = { 0 };
    g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);

    run_cli (&r, missing, "--chart", "stability-window", "-o", out, NULL);
    g_assert_cmpint (r.status, ==, 1);
  }
  g_unlink (design_path);
  g_rmdir (dir);
}

static void
test_cli_writes_chart (void)
{
  g_autoptr(CcDesign) design = default_design_or_skip ();
  g_autofree char *dir = NULL;
  g_autofree char *design_path = NULL;
  static const struct { const char *file, *format; } outputs[] = {
    { "w.png", NULL }, { "w.svg", NULL }, { "w.pdf", NULL }, { "w.csv", NULL }, { "w.out", "pdf" },
  };

  if (design == NULL)
    return;
  dir = g_dir_make_tmp ("cc-plot-XXXXXX", NULL);
  design_path = g_build_filename (dir, "design.json", NULL);
  g_assert_true (cc_design_save_to_file (design, design_path, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_auto(Run) r = { 0 };
      g_autofree char *path = g_build_filename (dir, outputs[i].file, NULL);
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *reason = NULL;
      char *data = NULL;
      gsize len;
      guint rows;
      gboolean ok;

      if (outputs[i].format != NULL)
        run_cli (&r, design_path, "--chart", "stability-window", "-o", path, "--format", outputs[i].format, NULL);
      else
        run_cli (&r, design_path, "--chart", "stability-window", "-o", path,
                 "--width-pt", "200", "--height-pt", "150", "--dpi", "144", NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      bytes = g_bytes_new_take (data, len);
      if (g_str_has_suffix (path, ".png"))
        ok = figures_check_png (bytes, 400, 300, &reason);
      else if (g_str_has_suffix (path, ".svg"))
        ok = figures_check_svg (bytes, 200, 150, &reason);
      else if (g_str_has_suffix (path, ".csv"))
        ok = figures_check_csv (bytes, &rows, &reason) && rows == 2;
      else
        ok = figures_check_pdf (bytes, &reason);
      if (!ok)
        g_error ("%s: %s", outputs[i].file, reason != NULL ? reason : "wrong row count");
      g_unlink (path);
    }
  g_unlink (design_path);
  g_rmdir (dir);
}

/* --overlay: measured data on the chart and in its CSV export; files that
 * do not fit the chart are refused before the simulation runs. */
static void
test_cli_overlay (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cc-plot-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "rate.csv", NULL);
  g_autofree char *png = g_build_filename (dir, "v.png", NULL);
  g_autofree char *rate = g_build_filename (g_getenv ("CC_SOURCE_ROOT"), "data", "examples",
                                            "rate-capability-synthetic.csv", NULL);
  g_autofree char *cycling = g_build_filename (g_getenv ("CC_SOURCE_ROOT"), "data", "examples",
                                               "cycling-synthetic.csv", NULL);
  const char *preset = "preset:tis2-na3ps4";

  if (cc_preset_list_lookup (cc_preset_list_get_default (), "tis2-na3ps4") == NULL)
    {
      g_test_skip ("the presets are the stub: copy the real data/presets");
      return;
    }
  {
    g_auto(Run) r = { 0 };

    run_cli (&r, preset, "--chart", "stability-window", "--overlay", rate, "-o", png, NULL);
    g_assert_cmpint (r.status, ==, 2);
    g_assert_nonnull (strstr (r.err, "shows no measured data"));
  }
  {
    g_auto(Run) r = { 0 };

    run_cli (&r, preset, "--chart", "voltage-profile", "--overlay", cycling, "-o", png, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "no voltage column"));
    g_assert_nonnull (strstr (r.err, "look like cycling data"));
    g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  }
  {
    g_auto(Run) r = { 0 };
    g_autofree char *missing = g_build_filename (dir, "missing.csv", NULL);

    run_cli (&r, preset, "--chart", "cycling", "--overlay", missing, "-o", png, NULL);
    g_assert_cmpint (r.status, ==, 1);
    g_assert_nonnull (strstr (r.err, "missing.csv"));
  }
  {
    g_auto(Run) r = { 0 };
    g_autofree char *text = NULL;
    g_autoptr(GBytes) bytes = NULL;
    g_autofree char *reason = NULL;
    guint rows = 0, measured = 0, model = 0;
    g_auto(GStrv) lines = NULL;

    run_cli (&r, preset, "--chart", "rate-capability", "--overlay", rate, "--overlay", rate, "-o", csv, NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
    bytes = g_bytes_new (text, strlen (text));
    if (!figures_check_csv (bytes, &rows, &reason))
      g_error ("%s", reason);
    lines = g_strsplit (text, "\n", -1);
    for (guint i = 1; lines[i] != NULL; i++)
      {
        if (g_str_has_prefix (lines[i], "measured: rate-capability-synthetic,0,measured,,"))
          measured++;
        else if (strstr (lines[i], ",model,") != NULL)
          model++;
      }
    /* Both files, every row; the model's points too. */
    g_assert_cmpuint (measured, ==, 2 * 18);
    g_assert_cmpuint (model, >, 0);
    g_assert_cmpuint (rows, ==, measured + model);
    g_unlink (csv);
  }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  g_test_add_func ("/figures/plot/window-score", test_window_score);
  g_test_add_func ("/figures/plot/stability-from-design", test_stability_from_design);
  g_test_add_func ("/figures/plot/compatibility-from-db", test_compatibility_from_db);
  g_test_add_func ("/figures/plot/engine-options-and-unknown", test_engine_options_and_unknown);
  g_test_add_func ("/figures/plot/builders-refuse-empty", test_builders_refuse_empty);
  g_test_add_func ("/figures/cli/list", test_cli_list);
  g_test_add_func ("/figures/cli/exit-codes", test_cli_exit_codes);
  g_test_add_func ("/figures/cli/writes-chart", test_cli_writes_chart);
  g_test_add_func ("/figures/cli/overlay", test_cli_overlay);
  return g_test_run ();
}
