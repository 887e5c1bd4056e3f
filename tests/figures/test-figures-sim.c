/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Simulation → chart: one simulation of a preset that packs quickly
 * (TiS2 in Na3PS4, ~15 s at the design's particle budget), every chart kind
 * built from it, exported in every format, and the exported CSV checked
 * against the simulation's own numbers. Set CC_FIGURES_DUMP_DIR to keep a
 * PNG of every chart for looking at.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cc-chart-export.h"
#include "cc-chart-kinds.h"
#include "cc-chart-registry.h"
#include "cc-eis-drt.h"
#include "cc-plot.h"
#include "cc-preset.h"
#include "figures-check.h"

#define PRESET "preset:tis2-na3ps4"

static CcSimulation *sim;

static double
field (GPtrArray *rows,
       guint      row,
       guint      column)
{
  char **f = g_ptr_array_index (rows, row);

  g_assert_cmpuint (g_strv_length (f), >, column);
  return g_ascii_strtod (f[column], NULL);
}

/* The CSV holds 10 significant digits. */
static void
assert_close (double a,
              double b)
{
  g_assert_cmpfloat_with_epsilon (a, b, 1e-8 * MAX (1.0, fabs (b)));
}

static CcChart *
build (const char *name)
{
  g_autoptr(GError) error = NULL;
  CcChart *chart = cc_plot_build_chart_from_simulation (name, sim, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (chart);
  g_assert_cmpstr (cc_chart_get_kind (chart), ==, name);
  return chart;
}

static void
test_every_kind_exports (void)
{
  guint n;
  const CcChartKindInfo *kinds = cc_chart_kinds_list (&n);
  const char *dump = g_getenv ("CC_FIGURES_DUMP_DIR");

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcChart) chart = build (kinds[i].name);
      static const CcChartFormat formats[] = {
        CC_CHART_FORMAT_PNG, CC_CHART_FORMAT_SVG, CC_CHART_FORMAT_PDF, CC_CHART_FORMAT_CSV,
      };

      for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GBytes) bytes = cc_chart_export_bytes (chart, NULL, formats[f], 360, 270, 100, &error);
          g_autofree char *reason = NULL;
          guint rows = 0;
          gboolean ok = FALSE;

          g_assert_no_error (error);
          switch (formats[f])
            {
            case CC_CHART_FORMAT_PNG: ok = figures_check_png (bytes, 500, 375, &reason); break;
            case CC_CHART_FORMAT_SVG: ok = figures_check_svg (bytes, 360, 270, &reason); break;
            case CC_CHART_FORMAT_PDF: ok = figures_check_pdf (bytes, &reason); break;
            case CC_CHART_FORMAT_CSV: ok = figures_check_csv (bytes, &rows, &reason) && rows > 0; break;
            default: g_assert_not_reached ();
            }
          if (!ok)
            g_error ("%s as %s: %s", kinds[i].name, cc_chart_format_to_string (formats[f]),
                     reason != NULL ? reason : "no rows");
        }
      if (dump != NULL)
        {
          g_autofree char *file = g_strconcat (kinds[i].name, ".png", NULL);
          g_autofree char *path = g_build_filename (dump, file, NULL);

          g_assert_true (cc_chart_export (chart, NULL, CC_CHART_FORMAT_PNG, path, 360, 270, 300, NULL));
        }
    }
}

/* Every profile's points, in order, charge and discharge tagged, and the
 * first discharge ends at the result's capacity. */
static void
test_voltage_profile_numbers (void)
{
  const CcCellResult *r = cc_simulation_get_cell (sim);
  g_autoptr(CcChart) chart = build ("voltage-profile");
  g_autoptr(GPtrArray) rows = figures_csv_rows (chart);
  guint row = 0;
  gboolean seen_discharge = FALSE;

  g_assert_cmpuint (r->profiles->len, >=, 2);
  for (guint i = 0; i < r->profiles->len; i++)
    {
      const CcVoltageProfile *p = g_ptr_array_index (r->profiles, i);
      const char *direction = p->branch == CC_BRANCH_CHARGE ? "charge" : "discharge";

      for (guint k = 0; k < p->capacity_mAh_g->len; k++, row++)
        {
          char **f = g_ptr_array_index (rows, row);

          g_assert_cmpstr (f[2], ==, "model");
          g_assert_cmpstr (f[3], ==, direction);
          assert_close (field (rows, row, 4), g_array_index (p->capacity_mAh_g, double, k));
          assert_close (field (rows, row, 5), g_array_index (p->voltage_V, double, k));
        }
      if (p->branch == CC_BRANCH_DISCHARGE && !seen_discharge && p->capacity_mAh_g->len > 0)
        {
          seen_discharge = TRUE;
          assert_close (field (rows, row - 1, 4), p->capacity_mAh_g_end);
        }
    }
  g_assert_true (seen_discharge);
  g_assert_cmpuint (row, ==, rows->len);
}

static void
test_cycling_numbers (void)
{
  const CcCellResult *r = cc_simulation_get_cell (sim);
  g_autoptr(CcChart) chart = build ("cycling");
  g_autoptr(GPtrArray) rows = figures_csv_rows (chart);

  g_assert_cmpuint (r->cycles->len, >, 1);
  g_assert_cmpuint (rows->len, ==, r->cycles->len);
  for (guint i = 0; i < r->cycles->len; i++)
    {
      const CcCycleRecord *c = &g_array_index (r->cycles, CcCycleRecord, i);

      assert_close (field (rows, i, 2), c->cycle);
      assert_close (field (rows, i, 3), c->discharge_mAh_g);
      assert_close (field (rows, i, 4), 100 * c->coulombic_efficiency);
    }
  /* Cycle 1's discharge is the result's first discharge. */
  assert_close (field (rows, 0, 3), r->first_discharge_mAh_g);
}

/* Rate capability: the valid points, ascending rate. Ragone: the same
 * rates per composite and per CAM; the composite is heavier than its CAM,
 * so its specific energy and power are lower at every rate. */
static void
test_rate_and_ragone_numbers (void)
{
  const CcCellResult *r = cc_simulation_get_cell (sim);
  g_autoptr(CcChart) rate = build ("rate-capability");
  g_autoptr(CcChart) ragone = build ("ragone");
  g_autoptr(GPtrArray) rate_rows = figures_csv_rows (rate);
  g_autoptr(GPtrArray) ragone_rows = figures_csv_rows (ragone);
  guint valid = 0;

  for (guint i = 0; i < r->rates->len; i++)
    {
      const CcRatePoint *p = &g_array_index (r->rates, CcRatePoint, i);
      gboolean found = FALSE;

      if (!p->valid)
        continue;
      valid++;
      for (guint k = 0; k < rate_rows->len; k++)
        if (fabs (field (rate_rows, k, 4) - p->c_rate) <= 1e-9 * p->c_rate)
          {
            found = TRUE;
            assert_close (field (rate_rows, k, 5), p->capacity_mAh_g);
          }
      g_assert_true (found);
    }
  g_assert_cmpuint (valid, >=, 2);
  g_assert_cmpuint (rate_rows->len, ==, valid);
  for (guint k = 1; k < rate_rows->len; k++)
    g_assert_cmpfloat (field (rate_rows, k, 4), >, field (rate_rows, k - 1, 4));

  g_assert_cmpuint (ragone_rows->len, ==, 2 * valid);
  for (guint k = 0; k < valid; k++)
    {
      g_assert_true (strstr (((char **) g_ptr_array_index (ragone_rows, k))[0], "composite") != NULL);
      g_assert_true (strstr (((char **) g_ptr_array_index (ragone_rows, valid + k))[0], "CAM") != NULL);
      g_assert_cmpfloat (field (ragone_rows, k, 4), <, field (ragone_rows, valid + k, 4));
      g_assert_cmpfloat (field (ragone_rows, k, 5), <, field (ragone_rows, valid + k, 5));
    }
}

/* Nyquist at the first and the last cycle: the rows are the impedance
 * model's at the simulation's parameters for those cycles, and the aged
 * cell (thicker interphase, less contact) has the larger resistance. */
static void
test_impedance_numbers (void)
{
  const CcCellResult *r = cc_simulation_get_cell (sim);
  guint last = g_array_index (r->cycles, CcCycleRecord, r->cycles->len - 1).cycle;
  g_autoptr(CcChart) chart = build ("nyquist");
  g_autoptr(GPtrArray) rows = figures_csv_rows (chart);
  g_autoptr(GError) error = NULL;
  CcEisCellParams params;
  CcEisFreqRange range;
  g_autoptr(CcEisSpectrum) fresh = NULL;
  g_autoptr(CcEisSpectrum) aged = NULL;

  cc_eis_freq_range_init_default (&range);
  g_assert_true (cc_simulation_eis_params (sim, 1, &params, &error));
  fresh = cc_eis_model_spectrum (&params, &range, &error);
  g_assert_true (cc_simulation_eis_params (sim, last, &params, &error));
  aged = cc_eis_model_spectrum (&params, &range, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, fresh->n + aged->n);
  for (guint k = 0; k < fresh->n; k++)
    {
      assert_close (field (rows, k, 2), fresh->freq_Hz[k]);
      assert_close (field (rows, k, 3), fresh->z_re[k]);
      assert_close (field (rows, k, 4), fresh->z_im[k]);
      assert_close (field (rows, fresh->n + k, 3), aged->z_re[k]);
    }
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 0))[0], ==, "Cycle 1");
  g_assert_cmpfloat (aged->z_re[aged->n - 1], >, fresh->z_re[fresh->n - 1]);
}

/* --cycle picks the first spectrum; a cycle beyond the run is clamped to
 * the last, leaving one spectrum. */
static void
test_impedance_cycle_option (void)
{
  const CcCellResult *r = cc_simulation_get_cell (sim);
  guint last = g_array_index (r->cycles, CcCycleRecord, r->cycles->len - 1).cycle;
  CcPlotOptions options = { .cycle = last + 1000 };
  g_autoptr(GError) error = NULL;
  g_autoptr(CcChart) chart = cc_plot_build_chart_from_simulation ("bode", sim, &options, &error);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *label = g_strdup_printf ("Cycle %u", last);

  g_assert_no_error (error);
  rows = figures_csv_rows (chart);
  for (guint k = 0; k < rows->len; k++)
    g_assert_cmpstr (((char **) g_ptr_array_index (rows, k))[0], ==, label);
}

/* The DRT of the model spectrum at @cycle. */
static CcEisDrtResult *
drt_at (guint cycle)
{
  g_autoptr(GError) error = NULL;
  CcEisCellParams params;
  CcEisFreqRange range;
  CcEisDrtOptions options;
  g_autoptr(CcEisSpectrum) s = NULL;
  CcEisDrtResult *drt;

  cc_eis_freq_range_init_default (&range);
  cc_eis_drt_options_init (&options);
  g_assert_true (cc_simulation_eis_params (sim, cycle, &params, &error));
  s = cc_eis_model_spectrum (&params, &range, &error);
  g_assert_no_error (error);
  drt = cc_eis_drt (s, &options, &error);
  g_assert_no_error (error);
  return drt;
}

/* The DRT rows are the DRT of the fresh cell's model spectrum, then that
 * of the last cycle's, whose interphase has grown. */
static void
test_drt_numbers (void)
{
  const CcCellResult *r = cc_simulation_get_cell (sim);
  guint last = g_array_index (r->cycles, CcCycleRecord, r->cycles->len - 1).cycle;
  g_autoptr(CcChart) chart = build ("drt");
  g_autoptr(GPtrArray) rows = figures_csv_rows (chart);
  g_autoptr(CcEisDrtResult) fresh = drt_at (1);
  g_autoptr(CcEisDrtResult) aged = drt_at (last);
  g_autofree char *aged_label = g_strdup_printf ("Cycle %u", last);
  double fresh_total = 0, aged_total = 0;
  guint attributed = 0;

  g_assert_cmpuint (last, >, 1);
  g_assert_cmpuint (rows->len, ==, fresh->n + aged->n);
  for (guint k = 0; k < fresh->n; k++)
    {
      g_assert_cmpstr (((char **) g_ptr_array_index (rows, k))[0], ==, "Cycle 1");
      assert_close (field (rows, k, 4), fresh->tau_s[k]);
      assert_close (field (rows, k, 5), fresh->gamma[k]);
    }
  for (guint k = 0; k < aged->n; k++)
    {
      g_assert_cmpstr (((char **) g_ptr_array_index (rows, fresh->n + k))[0], ==, aged_label);
      assert_close (field (rows, fresh->n + k, 5), aged->gamma[k]);
    }
  for (guint i = 0; i < fresh->peaks->len; i++)
    {
      attributed += g_array_index (fresh->peaks, CcEisDrtPeak, i).process != NULL;
      fresh_total += g_array_index (fresh->peaks, CcEisDrtPeak, i).resistance;
    }
  for (guint i = 0; i < aged->peaks->len; i++)
    aged_total += g_array_index (aged->peaks, CcEisDrtPeak, i).resistance;
  g_assert_cmpuint (attributed, >, 0);
  /* The polarisation the peaks hold grows with the interphase. */
  g_assert_cmpfloat (aged_total, >, fresh_total);
}

static void
test_microstructure_numbers (void)
{
  const CcMicrostructure *m = cc_simulation_get_microstructure (sim);
  g_autoptr(CcChart) chart = build ("microstructure");
  g_autoptr(GPtrArray) rows = figures_csv_rows (chart);

  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 0))[0], ==, "cam_volume_fraction");
  assert_close (field (rows, 0, 1), m->cam_volume_fraction);
  g_assert_cmpstr (((char **) g_ptr_array_index (rows, 5))[0], ==, "active_cam_fraction");
  assert_close (field (rows, 5, 1), m->active_cam_fraction);
}

static void
test_refusals (void)
{
  g_autoptr(CcSimulation) fresh = cc_simulation_new (cc_material_db_get_default ());
  g_autoptr(GError) error = NULL;

  g_assert_null (cc_plot_build_chart_from_simulation ("nyquist", fresh, NULL, &error));
  g_assert_error (error, CC_CHART_ERROR, CC_CHART_ERROR_DATA);
  g_clear_error (&error);
  g_assert_null (cc_plot_build_chart_from_simulation ("pie", sim, NULL, &error));
  g_assert_error (error, CC_CHART_ERROR, CC_CHART_ERROR_INVALID);
}

static void
skip_without_presets (void)
{
  g_test_skip ("the presets are the stub: copy the real data/presets");
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(CcDesign) design = NULL;
  g_autoptr(GError) error = NULL;
  CcSimulationOptions options;
  int rc;

  g_test_init (&argc, &argv, NULL);
  g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  design = cc_design_load_from_argument (PRESET, &error);
  if (design == NULL)
    {
      /* The stub database of a fresh checkout has no presets. */
      g_test_message ("%s: %s", PRESET, error->message);
      g_test_add_func ("/figures/sim/skipped", skip_without_presets);
      return g_test_run ();
    }
  cc_simulation_options_init (&options);
  options.has_seed = TRUE;
  options.seed = 1;
  sim = cc_simulation_new (cc_material_db_get_default ());
  if (!cc_simulation_run (sim, design, &options, NULL, NULL, NULL, &error))
    g_error ("%s: %s", PRESET, error->message);

  g_test_add_func ("/figures/sim/every-kind-exports", test_every_kind_exports);
  g_test_add_func ("/figures/sim/voltage-profile-numbers", test_voltage_profile_numbers);
  g_test_add_func ("/figures/sim/cycling-numbers", test_cycling_numbers);
  g_test_add_func ("/figures/sim/rate-and-ragone-numbers", test_rate_and_ragone_numbers);
  g_test_add_func ("/figures/sim/impedance-numbers", test_impedance_numbers);
  g_test_add_func ("/figures/sim/impedance-cycle-option", test_impedance_cycle_option);
  g_test_add_func ("/figures/sim/drt-numbers", test_drt_numbers);
  g_test_add_func ("/figures/sim/microstructure-numbers", test_microstructure_numbers);
  g_test_add_func ("/figures/sim/refusals", test_refusals);
  rc = g_test_run ();
  cc_simulation_free (sim);
  return rc;
}
