/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pins and measured data in the window (Xvfb in CI): a literature cell
 * that packs quickly is simulated, its results are pinned through the
 * window's action, the design is changed, and the next run's charts carry
 * the pinned curves next to their own; measured CSV files are imported
 * through the action with a file argument (a good one, a bad one that gives
 * an alert, one without column names that asks what it holds), listed,
 * drawn, and removed again.
 */
#include "cc-alert.h"
#include "cc-application.h"
#include "cc-chart.h"
#include "cc-overlay-list.h"
#include "cc-preset.h"
#include "cc-screenshot.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gui-test-util.h"

#define PRESET "tis2-na3ps4"

static CcApplication *app;
static CcWindow *window;

static void
activate (const char *action,
          GVariant   *param)
{
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), action));
  g_action_group_activate_action (G_ACTION_GROUP (window), action, param);
  settle (0.05);
}

static CcResultsView *
results (void)
{
  return cc_window_get_results (window);
}

static CcOverlays *
overlays (void)
{
  return cc_window_get_overlays (window);
}

static CcOverlayList *
overlay_list (GtkWidget *widget)
{
  if (CC_IS_OVERLAY_LIST (widget))
    return CC_OVERLAY_LIST (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      CcOverlayList *found = overlay_list (c);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The popover's list lives outside the widget tree until it is shown. */
static CcOverlayList *
the_list (void)
{
  GtkWidget *button = NULL;

  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (results ())); c && button == NULL;
       c = gtk_widget_get_next_sibling (c))
    for (GtkWidget *d = gtk_widget_get_first_child (c); d; d = gtk_widget_get_next_sibling (d))
      if (GTK_IS_MENU_BUTTON (d))
        button = d;
  g_assert_nonnull (button);
  return overlay_list (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))));
}

static gboolean
run_done (gpointer data)
{
  return !cc_pipeline_get_running (cc_window_get_pipeline (window))
         && cc_results_view_has_chart (results (), CC_CHART_VOLTAGE)
         && cc_results_view_has_chart (results (), CC_CHART_NYQUIST);
}

/* A new run started: it clears the charts or reports that it runs. */
static gboolean
run_started (gpointer data)
{
  return cc_pipeline_get_running (cc_window_get_pipeline (window))
         || !cc_results_view_has_chart (results (), CC_CHART_VOLTAGE);
}

static guint
series_with (const CcChart *chart,
             const char    *part)
{
  guint n = 0;

  for (guint p = 0; p < cc_chart_get_n_plots (chart); p++)
    {
      const CcPlot *plot = cc_chart_get_plot (chart, p);

      for (guint i = 0; i < cc_plot_get_n_series (plot); i++)
        {
          const char *label = cc_series_get_label (cc_plot_get_series (plot, i));

          n += label != NULL && strstr (label, part) != NULL;
        }
    }
  return n;
}

static guint
n_series (const CcChart *chart)
{
  return cc_plot_get_n_series (cc_chart_get_plot (chart, 0));
}

static char *
example (const char *name)
{
  return g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "..", "data", "examples", name, NULL);
}

/* ---- pins ---------------------------------------------------------------------- */

/* Pixels of the first pin's colour (Okabe–Ito reddish purple #CC79A7) in
 * the chart view's PNG export, which is kept in the build folder. */
static guint
pin_pixels_in_export (CcChartKind kind,
                      const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("CC_BUILD_ROOT"), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;
  const guint8 *data;
  guint count = 0;

  g_assert_true (cc_chart_view_export (cc_results_view_get_chart_view (results (), kind), file, "png",
                                       480, 360, 96, &error));
  g_assert_no_error (error);
  g_test_message ("chart: %s", path);
  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  data = cairo_image_surface_get_data (image);
  for (int y = 0; y < cairo_image_surface_get_height (image); y++)
    for (int x = 0; x < cairo_image_surface_get_width (image); x++)
      {
        guint32 p = *(const guint32 *) (data + y * cairo_image_surface_get_stride (image) + 4 * x);
        int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

        count += abs (r - 0xCC) < 30 && abs (g - 0x79) < 30 && abs (b - 0xA7) < 30;
      }
  cairo_surface_destroy (image);
  return count;
}

static void
test_pin_then_change_design (void)
{
  CcDocument *doc = cc_window_get_document (window);
  CcChart *shown, *before;
  CcDesign *edited;
  guint own;
  double grow = 0.05;

  g_assert_true (iterate_until (run_done, NULL, 120));
  before = cc_results_view_get_shown_chart (results (), CC_CHART_VOLTAGE);
  g_assert_nonnull (before);
  own = n_series (before);
  g_assert_cmpuint (pin_pixels_in_export (CC_CHART_VOLTAGE, "overlay-voltage-before.png"), <, 10);

  activate ("pin-results", NULL);
  g_assert_cmpuint (cc_overlays_get_n_pins (overlays ()), ==, 1);
  g_assert_cmpstr (cc_overlays_get_pin_name (overlays (), 0), ==, cc_document_get_design (doc)->name);
  g_assert_nonnull (cc_overlays_get_pin_chart (overlays (), 0, "voltage-profile"));
  g_assert_nonnull (cc_overlays_get_pin_chart (overlays (), 0, "nyquist"));
  g_assert_null (cc_overlays_get_pin_chart (overlays (), 0, "stability-window"));
  /* Not drawn over the run it copies. */
  g_assert_cmpuint (n_series (cc_results_view_get_shown_chart (results (), CC_CHART_VOLTAGE)), ==, own);
  g_assert_cmpuint (cc_overlay_list_get_n_rows (the_list ()), ==, 1);
  g_assert_cmpstr (cc_overlay_list_get_row_text (the_list (), 0), ==, cc_document_get_design (doc)->name);

  /* More active material: the next run's curves differ. */
  edited = cc_document_dup_design (doc);
  ((CcComponent *) g_ptr_array_index (edited->components, 0))->mass_fraction += grow;
  for (guint i = 1; i < edited->components->len; i++)
    ((CcComponent *) g_ptr_array_index (edited->components, i))->mass_fraction
      *= 1 - grow / (1 - ((CcComponent *) g_ptr_array_index (edited->components, 0))->mass_fraction + grow);
  g_assert_true (cc_document_edit (doc, edited, NULL));
  g_assert_true (iterate_until (run_started, NULL, 10));
  g_assert_true (iterate_until (run_done, NULL, 120));

  shown = cc_results_view_get_shown_chart (results (), CC_CHART_VOLTAGE);
  g_assert_nonnull (shown);
  g_assert_true (shown != before);
  /* The new run's curves, the pinned ones and the pin's legend entry. */
  g_assert_cmpuint (series_with (shown, "pinned model: "), >=, 2);
  g_assert_cmpuint (n_series (shown), >, own);
  {
    g_autofree char *csv = cc_table_to_csv (cc_chart_get_table (shown));
    g_assert_nonnull (strstr (csv, ",pinned,"));
    g_assert_nonnull (strstr (csv, ",model,"));
  }
  g_assert_cmpuint (series_with (cc_results_view_get_shown_chart (results (), CC_CHART_NYQUIST), "pinned model: "), >=, 1);
  g_assert_cmpuint (pin_pixels_in_export (CC_CHART_VOLTAGE, "overlay-voltage-pinned.png"), >, 100);
  /* The window as it looks now, for people to check. */
  {
    g_autofree char *path = g_build_filename (g_getenv ("CC_BUILD_ROOT"), "overlay-window.png", NULL);
    g_autoptr(GError) error = NULL;

    cc_results_view_set_visible (results (), CC_CHART_VOLTAGE);
    settle (0.3);
    g_assert_true (cc_screenshot_save (GTK_WIDGET (window), path, &error));
    g_assert_no_error (error);
    g_test_message ("window: %s", path);
  }

  /* Unpinned: the charts are the run's alone again. */
  activate ("unpin", g_variant_new_uint32 (0));
  g_assert_cmpuint (cc_overlays_get_n_pins (overlays ()), ==, 0);
  g_assert_cmpuint (series_with (cc_results_view_get_shown_chart (results (), CC_CHART_VOLTAGE), "pinned model: "), ==, 0);
  g_assert_cmpuint (cc_overlay_list_get_n_rows (the_list ()), ==, 0);
}

/* Up to four pins; the fifth is refused and nothing changes. */
static void
test_pin_limit (void)
{
  for (guint i = 0; i < CC_OVERLAYS_MAX_PINS + 1; i++)
    activate ("pin-results", NULL);
  g_assert_cmpuint (cc_overlays_get_n_pins (overlays ()), ==, CC_OVERLAYS_MAX_PINS);
  /* Pins of one design get numbered names. */
  g_assert_true (g_str_has_suffix (cc_overlays_get_pin_name (overlays (), 1), " (2)"));
  activate ("clear-overlays", NULL);
  g_assert_true (cc_overlays_is_empty (overlays ()));
}

/* ---- measured data ------------------------------------------------------------- */

static void
test_import_measured (void)
{
  g_autofree char *cycling = example ("cycling-synthetic.csv");
  g_autofree char *spectrum = example ("eis-instrument-style-synthetic.csv");
  CcChart *shown;
  guint own;

  g_assert_true (iterate_until (run_done, NULL, 120));
  own = n_series (cc_results_view_get_shown_chart (results (), CC_CHART_CYCLING));
  activate ("import-measured-uri", g_variant_new_string (cycling));
  g_assert_null (find_alert ());
  g_assert_cmpuint (cc_overlays_get_n_measured (overlays ()), ==, 1);
  g_assert_cmpint (cc_overlays_get_measured (overlays (), 0)->kind, ==, CC_MEASURED_CYCLING);
  /* The cycling page comes to the front with the data on it. */
  g_assert_cmpint (cc_results_view_get_visible (results ()), ==, CC_CHART_CYCLING);
  shown = cc_results_view_get_shown_chart (results (), CC_CHART_CYCLING);
  g_assert_cmpuint (n_series (shown), ==, own + 2);   /* capacity and efficiency */
  g_assert_cmpuint (series_with (shown, "measured: cycling-synthetic"), ==, 2);
  g_assert_cmpuint (series_with (cc_results_view_get_shown_chart (results (), CC_CHART_VOLTAGE), "measured"), ==, 0);
  g_assert_cmpuint (cc_overlay_list_get_n_rows (the_list ()), ==, 1);
  g_assert_cmpstr (cc_overlay_list_get_row_text (the_list (), 0), ==, "cycling-synthetic.csv — cycling, 200 points");

  /* A spectrum in ohm on the model's ohm cm2 charts. */
  activate ("import-measured-uri", g_variant_new_string (spectrum));
  g_assert_cmpuint (cc_overlays_get_n_measured (overlays ()), ==, 2);
  g_assert_cmpuint (series_with (cc_results_view_get_shown_chart (results (), CC_CHART_NYQUIST),
                                 "measured: eis-instrument-style-synthetic (×"), ==, 1);
  g_assert_cmpuint (series_with (cc_results_view_get_shown_chart (results (), CC_CHART_BODE), "measured"), ==, 2);

  activate ("remove-measured", g_variant_new_uint32 (0));
  g_assert_cmpuint (cc_overlays_get_n_measured (overlays ()), ==, 1);
  g_assert_cmpuint (n_series (cc_results_view_get_shown_chart (results (), CC_CHART_CYCLING)), ==, own);
  activate ("clear-overlays", NULL);
  g_assert_true (cc_overlays_is_empty (overlays ()));
}

static char *
write_temp (const char *dir,
            const char *name,
            const char *text)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

/* A bad file gives an alert that names line, column and value; a file
 * without column names asks what it holds. */
static void
test_import_bad_and_unnamed (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cc-overlay-XXXXXX", NULL);
  g_autofree char *bad = write_temp (dir, "bad.csv", "Capacity (mAh/g),Voltage (V)\n0,3.4\n10,x3\n");
  g_autofree char *unnamed = write_temp (dir, "unnamed.csv", "0;3,40\n50;3,10\n100;2,80\n");

  activate ("import-measured-uri", g_variant_new_string (bad));
  g_assert_true (iterate_until (alert_shown, NULL, 5));
  cc_alert_respond (find_alert (), "close");
  settle (0.1);
  g_assert_cmpuint (cc_overlays_get_n_measured (overlays ()), ==, 0);

  activate ("import-measured-uri", g_variant_new_string (unnamed));
  g_assert_true (iterate_until (alert_shown, NULL, 5));
  g_assert_cmpuint (cc_overlays_get_n_measured (overlays ()), ==, 0);
  cc_alert_respond (find_alert (), "voltage-profile");
  settle (0.1);
  g_assert_cmpuint (cc_overlays_get_n_measured (overlays ()), ==, 1);
  g_assert_cmpint (cc_overlays_get_measured (overlays (), 0)->kind, ==, CC_MEASURED_VOLTAGE);
  g_assert_cmpuint (cc_overlays_get_measured (overlays (), 0)->n_points, ==, 3);
  g_assert_cmpint (cc_results_view_get_visible (results ()), ==, CC_CHART_VOLTAGE);
  g_assert_cmpuint (series_with (cc_results_view_get_shown_chart (results (), CC_CHART_VOLTAGE),
                                 "measured: unnamed"), ==, 1);
  activate ("clear-overlays", NULL);
  g_unlink (bad);
  g_unlink (unnamed);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  if (!gui_test_init (&argc, &argv))
    return 77;
  if (cc_preset_list_lookup (cc_preset_list_get_default (), PRESET) == NULL)
    {
      g_printerr ("SKIP: no preset %s (stub data)\n", PRESET);
      return 77;
    }
  app = cc_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  window = cc_application_open_preset (app, PRESET, &error);
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 1480, 920);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (iterate_until (is_mapped, window, 10));

  g_test_add_func ("/app/overlay/pin-then-change-design", test_pin_then_change_design);
  g_test_add_func ("/app/overlay/pin-limit", test_pin_limit);
  g_test_add_func ("/app/overlay/import-measured", test_import_measured);
  g_test_add_func ("/app/overlay/import-bad-and-unnamed", test_import_bad_and_unnamed);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  settle (0.1);
  g_object_unref (app);
  return status;
}
