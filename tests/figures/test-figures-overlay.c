/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Overlays: a pinned design's curves and measured data drawn over a chart.
 * What the legend says, which styles the overlay takes, what the CSV
 * export holds, that a copy keeps the original untouched, that charts
 * which do not match are refused, and that the overlay reaches the pixels.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cc-chart-export.h"
#include "cc-chart-kinds.h"
#include "cc-chart-overlay.h"
#include "cc-chart-private.h"
#include "cc-chart-render.h"
#include "figures-samples.h"

static CcSeries *
series (const CcChart *chart,
        guint          plot,
        guint          i)
{
  return cc_plot_get_series (cc_chart_get_plot (chart, plot), i);
}

static guint
n_series (const CcChart *chart,
          guint          plot)
{
  return cc_plot_get_n_series (cc_chart_get_plot (chart, plot));
}

static guint
colour_of (const CcSeries *s)
{
  return (s->colour >= 0 ? (guint) s->colour : s->auto_index) % CC_CHART_PALETTE_SIZE;
}

static char *
csv_of (const CcChart *chart)
{
  return cc_table_to_csv (cc_chart_get_table (chart));
}

static guint
count_lines_with (const char *csv,
                  const char *part)
{
  g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += strstr (lines[i], part) != NULL;
  return n;
}

static CcMeasuredData *
example (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("CC_SOURCE_ROOT"), "data", "examples", name, NULL);
  g_autoptr(GError) error = NULL;
  CcMeasuredData *data = cc_measured_load (path, CC_MEASURED_AUTO, &error);

  g_assert_no_error (error);
  return data;
}

/* A pinned voltage profile with the same C-rates: its curves take the dash
 * of the chart's own curve of the same label and the pin's colour, and the
 * legend gets one entry for the pin. */
static void
test_pinned_voltage (void)
{
  g_autoptr(CcChart) chart = figures_sample_chart ("voltage-profile");
  g_autoptr(CcChart) pinned = figures_sample_chart ("voltage-profile");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = csv_of (chart);
  g_autofree char *after = NULL;
  guint n = n_series (chart, 0), legend = cc_legend_count_entries (cc_chart_get_plot (chart, 0));
  guint rows = cc_table_get_n_rows (cc_chart_get_table (chart));
  CcSeries *key;

  g_assert_true (cc_chart_add_pinned (chart, pinned, "Design <B>", &error));
  g_assert_no_error (error);
  /* Six curves copied and one legend key. */
  g_assert_cmpuint (n_series (chart, 0), ==, 2 * n + 1);
  g_assert_cmpuint (cc_legend_count_entries (cc_chart_get_plot (chart, 0)), ==, legend + 1);
  key = series (chart, 0, 2 * n);
  g_assert_cmpstr (key->label, ==, "pinned model: Design &lt;B&gt;");
  g_assert_true (key->in_legend);
  g_assert_cmpuint (key->n, ==, 0);
  for (guint i = 0; i < n; i++)
    {
      CcSeries *own = series (chart, 0, i), *pin = series (chart, 0, n + i);
      g_autofree char *label = g_strdup_printf ("pinned model: Design &lt;B&gt; · %s", own->label);

      g_assert_cmpstr (pin->label, ==, label);
      g_assert_false (pin->in_legend);
      g_assert_cmpint (cc_series_dash (pin), ==, cc_series_dash (own));
      g_assert_cmpuint (colour_of (pin), !=, colour_of (own));
      g_assert_cmpuint (colour_of (pin), ==, colour_of (key));
      g_assert_cmpuint (pin->n, ==, own->n);   /* model curves are not thinned */
      g_assert_true (pin->mode & CC_SERIES_LINES);
    }
  /* The export holds both, the pinned rows marked as such. */
  g_assert_cmpuint (cc_table_get_n_rows (cc_chart_get_table (chart)), ==, 2 * rows);
  after = csv_of (chart);
  g_assert_true (g_str_has_prefix (after, before));
  g_assert_cmpuint (count_lines_with (after, ",pinned,"), ==, rows);
  g_assert_cmpuint (count_lines_with (after, "pinned model: Design <B> · 0.1 C,"), ==, 2 * 60);
}

/* Two pins on a one-curve chart: each its own colour, neither the chart's,
 * each in the legend. */
static void
test_two_pins_distinct (void)
{
  g_autoptr(CcChart) chart = figures_sample_chart ("ragone");
  g_autoptr(CcChart) a = figures_sample_chart ("ragone");
  g_autoptr(CcChart) b = figures_sample_chart ("ragone");
  guint n = n_series (chart, 0);
  gboolean used[CC_CHART_PALETTE_SIZE] = { FALSE };

  g_assert_true (cc_chart_add_pinned (chart, a, "A", NULL));
  g_assert_true (cc_chart_add_pinned (chart, b, "B", NULL));
  for (guint i = 0; i < n; i++)
    used[colour_of (series (chart, 0, i))] = TRUE;
  {
    guint ca = colour_of (series (chart, 0, n)), cb = colour_of (series (chart, 0, 2 * n + 1));

    g_assert_false (used[ca]);
    g_assert_false (used[cb]);
    g_assert_cmpuint (ca, !=, cb);
    g_assert_cmpstr (series (chart, 0, 2 * n + 1)->label, ==, "pinned model: B · 70 wt% CAM");
  }
  g_assert_cmpuint (cc_legend_count_entries (cc_chart_get_plot (chart, 0)), ==, n + 2);
}

/* Measured voltage profiles: open markers, thinned on the chart, every
 * point in the export; curves of a C-rate the chart has take its marker. */
static void
test_measured_voltage (void)
{
  g_autoptr(CcChart) chart = figures_sample_chart ("voltage-profile");
  g_autoptr(CcMeasuredData) data = example ("voltage-profile-synthetic.csv");
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  guint n = n_series (chart, 0), rows = cc_table_get_n_rows (cc_chart_get_table (chart));

  g_assert_true (cc_chart_add_measured (chart, data, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_series (chart, 0), ==, n + 4);
  for (guint i = n; i < n + 4; i++)
    {
      CcSeries *s = series (chart, 0, i);

      g_assert_cmpint (s->mode, ==, CC_SERIES_MARKERS);
      g_assert_false (s->filled);
      g_assert_cmpuint (colour_of (s), ==, 6);   /* the first file is black */
      g_assert_cmpuint (s->n, <=, CC_OVERLAY_MAX_MARKERS);
      g_assert_cmpuint (s->n, >=, CC_OVERLAY_MAX_MARKERS - 5);
      g_assert_true (g_str_has_prefix (s->label, "measured: voltage-profile-synthetic · "));
    }
  /* The first and the last point survive the thinning. */
  g_assert_cmpfloat (series (chart, 0, n + 1)->x[0], ==, 0.02 * 118);
  g_assert_cmpfloat_with_epsilon (series (chart, 0, n + 1)->x[series (chart, 0, n + 1)->n - 1], 0.98 * 118, 1e-9);
  /* One legend entry per C-rate of the file. */
  g_assert_cmpuint (cc_legend_count_entries (cc_chart_get_plot (chart, 0)), ==, 3 + 2);
  csv = csv_of (chart);
  g_assert_cmpuint (cc_table_get_n_rows (cc_chart_get_table (chart)), ==, rows + 240);
  g_assert_cmpuint (count_lines_with (csv, "measured: voltage-profile-synthetic · C/10,"), ==, 120);
  g_assert_cmpuint (count_lines_with (csv, ",measured,"), ==, 240);
}

/* Measured efficiencies below the model's stay on the chart: the fixed
 * axis ranges are set again over all series. */
static void
test_measured_cycling_refits (void)
{
  g_autoptr(CcCyclingData) model = cc_cycling_data_new ();
  g_autoptr(CcChart) chart = NULL;
  g_autoptr(CcMeasuredData) data = example ("cycling-synthetic.csv");
  const CcPlot *plot;
  double cyc[] = { 1, 2, 3 }, cap[] = { 110, 109, 108 }, ce[] = { 0.999, 0.999, 0.9995 };

  cc_cycling_data_add_run (model, "Model", CC_CURVE_MODEL, cyc, cap, ce, 3);
  chart = cc_chart_cycling_new (model, NULL);
  plot = cc_chart_get_plot (chart, 0);
  g_assert_cmpfloat (plot->axes[CC_AXIS_Y2].min, >, 98);
  g_assert_true (cc_chart_add_measured (chart, data, 0, NULL));
  /* 92 % in the first measured cycle. */
  g_assert_cmpfloat (plot->axes[CC_AXIS_Y2].min, <, 92);
  g_assert_cmpfloat (plot->axes[CC_AXIS_Y].max, >=, 1.65 * 118 * 0.99);
  g_assert_cmpuint (n_series (chart, 0), ==, 4);
  g_assert_cmpint (series (chart, 0, 3)->y_axis, ==, CC_AXIS_Y2);
  g_assert_cmpuint (cc_table_get_n_rows (cc_chart_get_table (chart)), ==, 3 + 200);
}

/* A spectrum in Ω on a chart in Ω cm² is scaled by the electrode area;
 * without an area it is refused. */
static void
test_measured_impedance_area (void)
{
  g_autoptr(CcChart) chart = figures_sample_chart ("nyquist");
  g_autoptr(CcChart) plain = NULL;
  g_autoptr(CcImpedanceData) model = cc_impedance_data_new (TRUE);
  g_autoptr(CcMeasuredData) data = example ("eis-two-arcs-synthetic.csv");
  g_autoptr(GError) error = NULL;
  const CcSpectrum *m = g_ptr_array_index (data->impedance->spectra, 0);
  double f[] = { 1e3, 1e2, 1e1 }, re[] = { 10, 20, 30 }, im[] = { -1, -5, -2 };
  const CcTable *t;
  guint last;

  cc_impedance_data_add_spectrum (model, "Model", CC_CURVE_MODEL, f, re, im, 3);
  plain = cc_chart_nyquist_new (model, NULL);
  g_assert_false (cc_chart_add_measured (plain, data, 0, &error));
  g_assert_error (error, CC_CHART_ERROR, CC_CHART_ERROR_DATA);
  g_assert_nonnull (strstr (error->message, "electrode area"));
  g_clear_error (&error);
  g_assert_true (cc_chart_add_measured (plain, data, 2.0, &error));
  g_assert_no_error (error);
  t = cc_chart_get_table (plain);
  last = cc_table_get_n_rows (t) - 1;
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (cc_table_get_cell (t, last, 3), NULL), 2 * m->z_re[m->n - 1],
                                  1e-6 * m->z_re[m->n - 1]);
  g_assert_nonnull (strstr (series (plain, 0, n_series (plain, 0) - 1)->label, "× 2 cm"));
  /* The sample chart is in Ω, like the file: nothing to scale. */
  g_assert_true (cc_chart_add_measured (chart, data, 0, NULL));
  (void) chart;
}

static void
test_mismatch_refused (void)
{
  g_autoptr(CcChart) voltage = figures_sample_chart ("voltage-profile");
  g_autoptr(CcChart) cycling = figures_sample_chart ("cycling");
  g_autoptr(CcChart) micro = figures_sample_chart ("microstructure");
  g_autoptr(CcMeasuredData) data = example ("cycling-synthetic.csv");
  g_autoptr(GError) error = NULL;
  guint n = n_series (voltage, 0);

  g_assert_false (cc_chart_add_measured (voltage, data, 0, &error));
  g_assert_error (error, CC_CHART_ERROR, CC_CHART_ERROR_DATA);
  g_assert_nonnull (strstr (error->message, "cannot show measured cycling data (cycling-synthetic.csv)"));
  g_clear_error (&error);
  g_assert_false (cc_chart_add_pinned (voltage, cycling, "A", &error));
  g_assert_error (error, CC_CHART_ERROR, CC_CHART_ERROR_DATA);
  g_clear_error (&error);
  g_assert_false (cc_chart_add_pinned (micro, micro, "A", &error));
  g_assert_error (error, CC_CHART_ERROR, CC_CHART_ERROR_DATA);
  g_assert_cmpuint (n_series (voltage, 0), ==, n);
  g_assert_true (cc_chart_kind_takes_overlays ("bode"));
  g_assert_false (cc_chart_kind_takes_overlays ("stability-window"));
}

/* Overlays go on a copy; the original draws and exports as before. */
static void
test_copy_keeps_original (void)
{
  g_autoptr(CcChart) chart = figures_sample_chart ("bode");
  g_autoptr(CcChart) copy = cc_chart_copy (chart);
  g_autoptr(CcMeasuredData) data = example ("eis-two-arcs-synthetic.csv");
  g_autofree char *a = csv_of (chart);
  g_autofree char *b = csv_of (copy);

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpuint (cc_chart_get_n_plots (copy), ==, 2);
  g_assert_true (cc_chart_add_measured (copy, data, 0, NULL));
  g_assert_cmpuint (n_series (copy, 0), ==, n_series (chart, 0) + 1);
  g_assert_cmpuint (n_series (copy, 1), ==, n_series (chart, 1) + 1);
  {
    g_autofree char *again = csv_of (chart);
    g_assert_cmpstr (again, ==, a);
  }
  g_assert_true (cc_chart_check (copy, NULL));
}

/* Pixels of the pin's colour (Okabe–Ito reddish purple #CC79A7). */
static guint
count_pin_pixels (CcChart *chart)
{
  CcChartStyle style;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 480, 360);
  cairo_t *cr = cairo_create (surface);
  const guint8 *data;
  guint count = 0;
  int stride;

  cc_chart_style_init (&style, CC_CHART_THEME_PRINT);
  g_assert_true (cc_chart_render (chart, &style, cr, 480, 360, NULL));
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < 360; y++)
    for (int x = 0; x < 480; x++)
      {
        guint32 p = *(const guint32 *) (data + y * stride + 4 * x);
        int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

        count += abs (r - 0xCC) < 30 && abs (g - 0x79) < 30 && abs (b - 0xA7) < 30;
      }
  cairo_surface_destroy (surface);
  return count;
}

static void
test_png_shows_overlay (void)
{
  g_autoptr(CcChart) chart = figures_sample_chart ("rate-capability");
  g_autoptr(CcChart) pinned = figures_sample_chart ("rate-capability");
  g_autoptr(CcChart) with = cc_chart_copy (chart);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cc-overlay-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "rate.png", NULL);
  CcChartStyle style;

  /* Shift the pinned curve so it does not hide under the chart's own. */
  for (guint i = 0; i < n_series (pinned, 0); i++)
    for (guint k = 0; k < series (pinned, 0, i)->n; k++)
      series (pinned, 0, i)->y[k] *= 0.8;
  g_assert_true (cc_chart_add_pinned (with, pinned, "B", NULL));
  g_assert_cmpuint (count_pin_pixels (chart), <, 20);
  g_assert_cmpuint (count_pin_pixels (with), >, 150);
  cc_chart_style_init (&style, CC_CHART_THEME_PRINT);
  g_assert_true (cc_chart_export (with, &style, CC_CHART_FORMAT_PNG, png, 360, 270, 150, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
  g_remove (png);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/figures/overlay/pinned-voltage", test_pinned_voltage);
  g_test_add_func ("/figures/overlay/two-pins-distinct", test_two_pins_distinct);
  g_test_add_func ("/figures/overlay/measured-voltage", test_measured_voltage);
  g_test_add_func ("/figures/overlay/measured-cycling-refits", test_measured_cycling_refits);
  g_test_add_func ("/figures/overlay/measured-impedance-area", test_measured_impedance_area);
  g_test_add_func ("/figures/overlay/mismatch-refused", test_mismatch_refused);
  g_test_add_func ("/figures/overlay/copy-keeps-original", test_copy_keeps_original);
  g_test_add_func ("/figures/overlay/png-shows-overlay", test_png_shows_overlay);
  return g_test_run ();
}
