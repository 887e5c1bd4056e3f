/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application under a real display (Xvfb in CI): a window opened on a
 * literature preset, the palette, the formulation editor with undo/redo,
 * save and open through the window's actions, the OpenGL view rendering a
 * synthetic particle set (test data only: the app itself never fakes a
 * packing), and a screenshot of the window written to the build folder.
 */
#include "cc-agglomerate.h"
#include "cc-alert.h"
#include "cc-application.h"
#include "cc-autosave.h"
#include "cc-material-item.h"
#include "cc-preset.h"

#include <glib/gstdio.h>
#include <math.h>

#include "gui-test-util.h"

static CcApplication *app;
static CcWindow *window;


static const CcDesign *
design (void)
{
  return cc_document_get_design (cc_window_get_document (window));
}

static double
fraction (guint i)
{
  return ((CcComponent *) g_ptr_array_index (design ()->components, i))->mass_fraction;
}

static double
fraction_sum (void)
{
  double s = 0;

  for (guint i = 0; i < design ()->components->len; i++)
    s += fraction (i);
  return s;
}

static void
activate (CcWindow   *w,
          const char *action,
          GVariant   *param)
{
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (w), action));
  g_action_group_activate_action (G_ACTION_GROUP (w), action, param);
  settle (0.05);
}

/* ---- window and presets ------------------------------------------------------- */

static void
test_window_shows_design (void)
{
  CcFormulationEditor *editor = cc_window_get_editor (window);
  CcPresetList *presets = cc_preset_list_get_default ();
  GtkWidget *name = cc_formulation_editor_get_field (editor, "name");

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_cmpuint (cc_formulation_editor_get_n_components (editor), ==, design ()->components->len);
  g_assert_cmpuint (design ()->components->len, >, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, design ()->name);
  /* Every literature cell has a card with its reported capacity. */
  g_assert_cmpuint (cc_presets_gallery_get_n_presets (cc_window_get_presets (window)), ==,
                    cc_preset_list_get_n (presets));
  for (guint i = 0; i < cc_preset_list_get_n (presets); i++)
    {
      const CcPreset *p = cc_preset_list_get_nth (presets, i);
      const char *shown = cc_presets_gallery_get_figure (cc_window_get_presets (window), p->id,
                                                         "reported", "capacity");
      g_assert_nonnull (shown);
      if (!isnan (p->reported.capacity_mAh_g))
        {
          g_autofree char *number = g_strdup_printf ("%.0f", p->reported.capacity_mAh_g);
          g_assert_true (g_str_has_prefix (shown, number));
        }
      /* No engine in this build: no prediction is invented. */
      g_assert_cmpstr (cc_presets_gallery_get_figure (cc_window_get_presets (window), p->id,
                                                      "predicted", "capacity"), ==, "—");
    }
  /* Each component's fraction is shown in percent. */
  for (guint i = 0; i < design ()->components->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("components[%u].mass_fraction", i);
      GtkWidget *spin = cc_formulation_editor_get_field (editor, path);
      g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), 100 * fraction (i), 0.05);
    }
}

/* ---- palette ------------------------------------------------------------------ */

static void
test_palette_lists_materials (void)
{
  CcPalette *palette = cc_window_get_palette (window);
  CcMaterialDb *db = cc_material_db_get_default ();
  guint expected = 0;
  const CcMaterial *first_cam;
  g_autoptr(GPtrArray) cams = cc_material_db_list_class (db, CC_MATERIAL_CLASS_CAM);

  for (guint c = CC_MATERIAL_CLASS_CAM; c <= CC_MATERIAL_CLASS_INTERLAYER; c++)
    {
      g_autoptr(GPtrArray) list = cc_material_db_list_class (db, c);
      expected += list->len;
    }
  cc_palette_set_search_text (palette, NULL);
  g_assert_cmpuint (expected, >, 0);
  /* Every composite material, anodes excluded. */
  g_assert_cmpuint (cc_palette_get_n_visible_materials (palette), ==, expected);

  /* Search by formula finds it, with its group header. */
  g_assert_cmpuint (cams->len, >, 0);
  first_cam = g_ptr_array_index (cams, 0);
  cc_palette_set_search_text (palette, cc_material_get_formula (first_cam));
  g_assert_cmpuint (cc_palette_get_n_visible_materials (palette), >=, 1);
  {
    g_autoptr(CcMaterialItem) head = g_list_model_get_item (cc_palette_get_model (palette), 0);
    g_autoptr(CcMaterialItem) row = g_list_model_get_item (cc_palette_get_model (palette), 1);
    g_assert_cmpint (cc_material_item_get_kind (head), ==, CC_MATERIAL_ITEM_HEADER);
    g_assert_cmpint (cc_material_item_get_kind (row), ==, CC_MATERIAL_ITEM_MATERIAL);
  }
  cc_palette_set_search_text (palette, "no-material-is-called-this");
  g_assert_cmpuint (cc_palette_get_n_visible_materials (palette), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (cc_palette_get_model (palette)), ==, 0);
  cc_palette_set_search_text (palette, NULL);
  g_assert_cmpuint (cc_palette_get_n_visible_materials (palette), ==, expected);
}

static void
test_palette_adds_material (void)
{
  CcFormulationEditor *editor = cc_window_get_editor (window);
  CcPalette *palette = cc_window_get_palette (window);
  GListModel *model = cc_palette_get_model (palette);
  const char *id = NULL;
  guint n_before = design ()->components->len;

  for (guint i = 0; i < g_list_model_get_n_items (model) && id == NULL; i++)
    {
      g_autoptr(CcMaterialItem) item = g_list_model_get_item (model, i);
      const char *candidate = cc_material_item_get_id (item);
      gboolean used = FALSE;
      for (guint c = 0; candidate && c < design ()->components->len; c++)
        used |= g_str_equal (((CcComponent *) g_ptr_array_index (design ()->components, c))->material_id,
                             candidate);
      if (candidate != NULL && !used)
        id = candidate;
    }
  g_assert_nonnull (id);

  /* Double-click (row activation) is ::material-activated. */
  g_signal_emit_by_name (palette, "material-activated", id);
  settle (0.05);
  g_assert_cmpuint (design ()->components->len, ==, n_before + 1);
  g_assert_cmpuint (cc_formulation_editor_get_n_components (editor), ==, n_before + 1);
  g_assert_cmpfloat_with_epsilon (fraction_sum (), 1.0, 1e-9);

  /* Adding it twice is refused without changing the design. */
  g_assert_false (cc_formulation_editor_add_material (editor, id));
  g_assert_cmpuint (design ()->components->len, ==, n_before + 1);

  activate (window, "undo", NULL);
  g_assert_cmpuint (design ()->components->len, ==, n_before);
  g_assert_cmpuint (cc_formulation_editor_get_n_components (editor), ==, n_before);
}

/* ---- editor ------------------------------------------------------------------- */

static void
test_editor_fraction_undo_redo (void)
{
  CcFormulationEditor *editor = cc_window_get_editor (window);
  GtkWidget *spin = cc_formulation_editor_get_field (editor, "components[0].mass_fraction");
  guint n = design ()->components->len;
  g_autofree double *before = g_new (double, n);
  double target;

  g_assert_cmpuint (n, >=, 2);
  for (guint i = 0; i < n; i++)
    before[i] = fraction (i);
  target = before[0] > 0.5 ? before[0] - 0.1 : before[0] + 0.1;

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 100 * target);
  settle (0.05);
  g_assert_cmpfloat_with_epsilon (fraction (0), target, 1e-9);
  g_assert_cmpfloat_with_epsilon (fraction_sum (), 1.0, 1e-9);
  /* The others keep their ratios. */
  g_assert_cmpfloat_with_epsilon (fraction (1) / fraction (n - 1), before[1] / before[n - 1], 1e-9);
  g_assert_true (cc_document_get_dirty (cc_window_get_document (window)));

  activate (window, "undo", NULL);
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat_with_epsilon (fraction (i), before[i], 1e-12);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), 100 * before[0], 0.05);

  activate (window, "redo", NULL);
  g_assert_cmpfloat_with_epsilon (fraction (0), target, 1e-9);
  g_assert_cmpfloat_with_epsilon (gtk_spin_button_get_value (GTK_SPIN_BUTTON (spin)), 100 * target, 0.05);
  activate (window, "undo", NULL);
}

static void
test_editor_flags_invalid_value (void)
{
  CcFormulationEditor *editor = cc_window_get_editor (window);
  GtkWidget *pressure = cc_formulation_editor_get_field (editor, "process.pressure_MPa");
  GtkWidget *vmax = cc_formulation_editor_get_field (editor, "protocol.voltage_max_V");
  GtkWidget *flagged = NULL;
  const char *shown;

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (pressure), 6000);
  settle (0.05);
  shown = cc_formulation_editor_get_shown_error (editor, &flagged);
  g_assert_nonnull (shown);
  g_assert_true (g_str_has_prefix (shown, "process.pressure_MPa = 6000"));
  g_assert_true (flagged == pressure);
  g_assert_true (gtk_widget_has_css_class (pressure, "error"));
  activate (window, "undo", NULL);
  g_assert_null (cc_formulation_editor_get_shown_error (editor, NULL));
  g_assert_false (gtk_widget_has_css_class (pressure, "error"));

  /* A window narrower than 0.05 V is flagged on the upper cut-off. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (vmax), design ()->protocol.voltage_min_V);
  settle (0.05);
  shown = cc_formulation_editor_get_shown_error (editor, &flagged);
  g_assert_nonnull (shown);
  g_assert_true (g_str_has_prefix (shown, "protocol.voltage_max_V"));
  g_assert_true (flagged == vmax);
  activate (window, "undo", NULL);
  g_assert_null (cc_formulation_editor_get_shown_error (editor, NULL));
}

/* The CAM card edits the agglomerate size: a size below the particles' own
 * is flagged on the field, a valid one reaches the design and undoes; cards
 * of other components do not offer the field. */
static void
test_editor_agglomerate_field (void)
{
  CcFormulationEditor *editor = cc_window_get_editor (window);
  CcMaterialDb *db = cc_material_db_get_default ();
  GtkWidget *field = cc_formulation_editor_get_field (editor, "components[0].agglomerate_d_um");
  GtkWidget *flagged = NULL;
  const CcComponent *cam = g_ptr_array_index (design ()->components, 0);
  const char *shown;

  g_assert_nonnull (field);
  g_assert_cmpint (cc_material_get_class (cc_material_db_lookup (db, cam->material_id)), ==, CC_MATERIAL_CLASS_CAM);
  g_assert_true (gtk_widget_is_visible (field));
  g_assert_cmpfloat (cam->agglomerate_d_um, ==, 0);
  for (guint i = 0; i < design ()->components->len; i++)
    {
      const CcComponent *c = g_ptr_array_index (design ()->components, i);
      g_autofree char *path = g_strdup_printf ("components[%u].agglomerate_d_um", i);
      GtkWidget *w = cc_formulation_editor_get_field (editor, path);

      if (cc_material_get_class (cc_material_db_lookup (db, c->material_id)) != CC_MATERIAL_CLASS_CAM)
        g_assert_false (gtk_widget_is_visible (w));
    }

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (field), 1);
  settle (0.05);
  shown = cc_formulation_editor_get_shown_error (editor, &flagged);
  g_assert_nonnull (shown);
  g_assert_true (g_str_has_prefix (shown, "components[0].agglomerate_d_um = 1: smaller than the particles"));
  g_assert_true (flagged == field);
  activate (window, "undo", NULL);
  g_assert_null (cc_formulation_editor_get_shown_error (editor, NULL));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (field), 40);
  settle (0.05);
  g_assert_null (cc_formulation_editor_get_shown_error (editor, NULL));
  g_assert_cmpfloat (((CcComponent *) g_ptr_array_index (design ()->components, 0))->agglomerate_d_um, ==, 40);
  /* The 3D view's legend says how much of the CAM the spheres stand for
   * sits inside agglomerates. */
  {
    const char *note = cc_view_panel_get_agglomerate_note (cc_window_get_view_panel (window));
    const CcComponent *edited = g_ptr_array_index (design ()->components, 0);
    g_autofree char *inside = g_strdup_printf ("%.0f %% lies inside 40 µm agglomerates",
                                               100 * (1 - cc_agglomerate_reached_fraction (edited->d50_um, 40)));

    g_assert_nonnull (note);
    g_test_message ("legend note: %s", note);
    g_assert_nonnull (strstr (note, inside));
  }
  activate (window, "undo", NULL);
  g_assert_null (cc_view_panel_get_agglomerate_note (cc_window_get_view_panel (window)));
  g_assert_cmpfloat (((CcComponent *) g_ptr_array_index (design ()->components, 0))->agglomerate_d_um, ==, 0);
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (field)), ==, 0);
}

/* ---- files -------------------------------------------------------------------- */

static gboolean
has_two_windows (gpointer data)
{
  return g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))) >= 2;
}

static void
test_save_and_open (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cc-gui-XXXXXX", NULL);
  g_autofree char *path_a = g_build_filename (dir, "a.ccdesign", NULL);
  g_autofree char *path_b = g_build_filename (dir, "b.ccdesign", NULL);
  g_autoptr(GFile) file_a = g_file_new_for_path (path_a);
  g_autofree char *uri_a = g_file_get_uri (file_a);
  g_autoptr(CcDesign) saved = NULL;
  g_autoptr(CcDesign) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *spin = cc_formulation_editor_get_field (cc_window_get_editor (window), "components[0].mass_fraction");
  CcWindow *other = NULL;
  CcDocument *doc = cc_window_get_document (window);

  activate (window, "save-as-uri", g_variant_new_string (path_a));
  g_assert_true (g_file_test (path_a, G_FILE_TEST_EXISTS));
  g_assert_false (cc_document_get_dirty (doc));
  g_assert_true (g_file_equal (cc_document_get_file (doc), file_a));
  on_disk = cc_design_load_from_file (path_a, &error);
  g_assert_no_error (error);
  g_assert_true (cc_design_equal (on_disk, design ()));
  saved = cc_design_copy (design ());

  /* Edit, save elsewhere: the window now shows b. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 100 * fraction (0) - 5);
  settle (0.05);
  g_assert_true (cc_document_get_dirty (doc));
  activate (window, "save-as-uri", g_variant_new_string (path_b));
  g_assert_false (cc_document_get_dirty (doc));
  g_assert_false (cc_design_equal (design (), saved));

  /* Opening a opens it in a second window, as it was saved. */
  activate (window, "open-uri", g_variant_new_string (uri_a));
  g_assert_true (iterate_until (has_two_windows, NULL, 5));
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (CC_IS_WINDOW (l->data) && l->data != (gpointer) window)
      other = l->data;
  g_assert_nonnull (other);
  g_assert_true (cc_design_equal (cc_document_get_design (cc_window_get_document (other)), saved));
  g_assert_false (cc_document_get_dirty (cc_window_get_document (other)));
  gtk_window_destroy (GTK_WINDOW (other));

  /* A broken file is refused with a message, nothing crashes. */
  g_assert_true (g_file_set_contents (path_a, "{ \"format\": \"cathode-composer-design\", ", -1, NULL));
  g_assert_false (cc_window_load_file (window, file_a, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  {
    g_autoptr(GFile) file_b = g_file_new_for_path (path_b);
    guint n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));

    g_assert_true (g_file_equal (cc_document_get_file (doc), file_b));
    /* Through the action: an error dialog, and no empty window left behind. */
    activate (window, "open-uri", g_variant_new_string (uri_a));
    g_assert_true (iterate_until (alert_shown, NULL, 5));
    cc_alert_respond (find_alert (), "close");
    settle (0.1);
    g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, n_windows);
    g_assert_true (g_file_equal (cc_document_get_file (doc), file_b));
  }

  g_unlink (path_a);
  g_unlink (path_b);
  g_rmdir (dir);
}

/* ---- drag and drop ------------------------------------------------------------ */

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);
      if (GTK_IS_DROP_TARGET (c))
        return GTK_DROP_TARGET (c);
    }
  return NULL;
}

static void
test_editor_accepts_drop (void)
{
  CcFormulationEditor *editor = cc_window_get_editor (window);
  GtkDropTarget *target = find_drop_target (GTK_WIDGET (editor));
  CcMaterialDb *db = cc_material_db_get_default ();
  g_autoptr(GPtrArray) carbons = cc_material_db_list_class (db, CC_MATERIAL_CLASS_BINDER);
  g_autoptr(GPtrArray) ses = cc_material_db_list_class (db, CC_MATERIAL_CLASS_SE);
  GPtrArray *pool = carbons->len > 0 ? carbons : ses;
  const CcMaterial *m = NULL;
  g_autoptr(CcMaterialItem) item = NULL;
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;
  guint n = design ()->components->len;

  g_assert_nonnull (target);
  /* The payload is the palette's item type, which text fields refuse. */
  g_assert_true (gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (target), CC_TYPE_MATERIAL_ITEM));
  g_assert_false (gdk_content_formats_contain_gtype (gtk_drop_target_get_formats (target), G_TYPE_STRING));
  for (guint i = 0; i < pool->len && m == NULL; i++)
    {
      const CcMaterial *candidate = g_ptr_array_index (pool, i);
      gboolean used = FALSE;
      for (guint c = 0; c < n; c++)
        used |= g_str_equal (((CcComponent *) g_ptr_array_index (design ()->components, c))->material_id,
                             cc_material_get_id (candidate));
      if (!used)
        m = candidate;
    }
  g_assert_nonnull (m);
  item = cc_material_item_new (m, 0);
  g_value_init (&value, CC_TYPE_MATERIAL_ITEM);
  g_value_set_object (&value, item);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  settle (0.05);
  g_assert_true (accepted);
  g_assert_cmpuint (design ()->components->len, ==, n + 1);
  g_assert_cmpstr (((CcComponent *) g_ptr_array_index (design ()->components, n))->material_id, ==,
                   cc_material_get_id (m));
  g_assert_cmpfloat_with_epsilon (fraction_sum (), 1.0, 1e-9);
  activate (window, "undo", NULL);
  g_assert_cmpuint (design ()->components->len, ==, n);
}

/* ---- charts ------------------------------------------------------------------- */

typedef struct {
  double width_pt, height_pt;
  int    calls;
} TestChart;

/* Left half red, right half white: enough to check sizes and orientation. */
static void
test_chart_render (gpointer  data,
                   cairo_t  *cr,
                   double    width_pt,
                   double    height_pt)
{
  TestChart *chart = data;

  chart->width_pt = width_pt;
  chart->height_pt = height_pt;
  chart->calls++;
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_rectangle (cr, 0, 0, width_pt / 2, height_pt);
  cairo_fill (cr);
}

static char *
test_chart_hover (gpointer data,
                  double   x,
                  double   y,
                  double   width_pt,
                  double   height_pt)
{
  return x < width_pt / 2 ? g_strdup_printf ("left %.0f", x) : NULL;
}

static void
test_chart_render_export_hover (void)
{
  CcResultsView *results = cc_window_get_results (window);
  TestChart *chart = g_new0 (TestChart, 1);
  CcChartView *view;
  g_autofree char *dir = g_dir_make_tmp ("cc-chart-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "c.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "c.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "c.pdf", NULL);
  g_autoptr(GFile) png_file = g_file_new_for_path (png);
  g_autoptr(GFile) svg_file = g_file_new_for_path (svg);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) controllers = NULL;
  g_autofree char *contents = NULL;
  cairo_surface_t *image;
  guint32 *px;
  int stride;

  /* A finished run may have drawn the real spectrum: start from an empty page. */
  cc_pipeline_cancel (cc_window_get_pipeline (window));
  cc_results_view_clear (results, CC_CHART_NYQUIST, "Not computed yet", "test");
  g_assert_false (cc_results_view_has_chart (results, CC_CHART_NYQUIST));
  cc_results_view_set_chart (results, CC_CHART_NYQUIST, test_chart_render, test_chart_hover, chart, g_free);
  cc_results_view_set_visible (results, CC_CHART_NYQUIST);
  view = cc_results_view_get_chart_view (results, CC_CHART_NYQUIST);
  g_assert_true (iterate_until (is_mapped, view, 5));
  settle (0.2);
  /* On screen one point is one logical pixel. */
  g_assert_cmpint (chart->calls, >, 0);
  g_assert_cmpfloat (chart->width_pt, ==, gtk_widget_get_width (GTK_WIDGET (view)));
  g_assert_cmpfloat (chart->height_pt, ==, gtk_widget_get_height (GTK_WIDGET (view)));

  /* PNG at 144 dpi: twice the size in points. */
  g_assert_true (cc_chart_view_export (view, png_file, "png", 200, 100, 144, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (chart->width_pt, ==, 200);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 400);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 200);
  px = (guint32 *) cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image) / 4;
  g_assert_cmphex (px[100 * stride + 50] & 0xffffff, ==, 0xff0000);
  g_assert_cmphex (px[100 * stride + 350] & 0xffffff, ==, 0xffffff);
  cairo_surface_destroy (image);
  g_assert_true (cc_chart_view_export (view, svg_file, "svg", 200, 100, 0, &error));
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_true (strstr (contents, "<svg") != NULL);
  g_assert_true (cc_chart_view_export (view, pdf_file, "pdf", 200, 100, 0, &error));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_assert_false (cc_chart_view_export (view, png_file, "bmp", 200, 100, 0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* The hover hook turns the pointer position into a readout. */
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, i);
      if (GTK_IS_EVENT_CONTROLLER_MOTION (c))
        {
          g_signal_emit_by_name (c, "motion", 12.0, 5.0);
          g_assert_cmpstr (cc_chart_view_get_readout (view), ==, "left 12");
          g_signal_emit_by_name (c, "motion", gtk_widget_get_width (GTK_WIDGET (view)) - 2.0, 5.0);
          g_assert_null (cc_chart_view_get_readout (view));
        }
    }

  cc_results_view_clear (results, CC_CHART_NYQUIST, NULL, "test over");
  g_assert_false (cc_results_view_has_chart (results, CC_CHART_NYQUIST));
  cc_results_view_set_visible (results, CC_CHART_VOLTAGE);
  g_unlink (png);
  g_unlink (svg);
  g_unlink (pdf);
  g_rmdir (dir);
}

/* ---- unsaved changes and recovery --------------------------------------------- */

static void
test_close_asks_about_unsaved_changes (void)
{
  CcWindow *other = cc_application_new_window (app);
  GtkWidget *cycles = cc_formulation_editor_get_field (cc_window_get_editor (other), "protocol.cycles");
  GWeakRef ref;

  g_weak_ref_init (&ref, other);
  gtk_window_present (GTK_WINDOW (other));
  g_assert_true (iterate_until (is_mapped, other, 5));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (cycles), 123);
  settle (0.05);
  g_assert_true (cc_document_get_dirty (cc_window_get_document (other)));

  gtk_window_close (GTK_WINDOW (other));
  g_assert_true (iterate_until (alert_shown, NULL, 5));
  cc_alert_respond (find_alert (), "cancel");
  settle (0.1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (other)));

  gtk_window_close (GTK_WINDOW (other));
  g_assert_true (iterate_until (alert_shown, NULL, 5));
  cc_alert_respond (find_alert (), "discard");
  settle (0.2);
  {
    g_autoptr(GObject) still = g_weak_ref_get (&ref);
    g_assert_true (still == NULL || !gtk_widget_get_visible (GTK_WIDGET (still)));
  }
  g_weak_ref_clear (&ref);
}

static void
test_recovery_after_crash (void)
{
  g_autoptr(CcDesign) lost = cc_design_new_default ();
  g_autofree char *id = cc_autosave_new_id ();
  g_autoptr(GError) error = NULL;
  CcWindow *recovered = NULL;

  g_free (lost->name);
  lost->name = g_strdup ("Work from before the crash");
  lost->protocol.cycles = 777;
  g_assert_true (cc_autosave_write (id, lost, NULL, &error));

  cc_application_offer_recovery (app);
  g_assert_true (iterate_until (alert_shown, NULL, 5));
  cc_alert_respond (find_alert (), "recover");
  settle (0.3);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (CC_IS_WINDOW (l->data)
        && g_strcmp0 (cc_document_get_design (cc_window_get_document (l->data))->name, lost->name) == 0)
      recovered = l->data;
  g_assert_nonnull (recovered);
  g_assert_true (cc_design_equal (cc_document_get_design (cc_window_get_document (recovered)), lost));
  /* Recovered work is unsaved until the user saves it. */
  g_assert_true (cc_document_get_dirty (cc_window_get_document (recovered)));

  gtk_window_close (GTK_WINDOW (recovered));
  g_assert_true (iterate_until (alert_shown, NULL, 5));
  cc_alert_respond (find_alert (), "discard");
  settle (0.2);
  /* Discarding removes the recovery copy. */
  {
    g_autoptr(GPtrArray) left = cc_autosave_list ();
    g_assert_cmpuint (left->len, ==, 0);
  }
}

/* ---- 3D view ------------------------------------------------------------------ */

/* A synthetic set for this test only: a cubic lattice of two species, big
 * "CAM" spheres and small "SE" ones, in a 40 µm box. */
static GBytes *
synthetic_particles (double box[3])
{
  GArray *a = g_array_new (FALSE, FALSE, sizeof (CcParticle));

  box[0] = box[1] = 40;
  box[2] = 32;
  for (int i = 0; i < 5; i++)
    for (int j = 0; j < 5; j++)
      for (int k = 0; k < 4; k++)
        {
          gboolean cam = (i + j + k) % 2 == 0;
          CcParticle p = {
            .x = 4 + 8 * i, .y = 4 + 8 * j, .z = 4 + 8 * k,
            .radius = cam ? 3.6f : 2.6f,
            .species = cam ? 0 : 1,
            .role = cam ? CC_ROLE_CAM : CC_ROLE_SE,
            .state = cam ? CC_PARTICLE_STATE_ACTIVE : CC_PARTICLE_STATE_NONE,
          };
          g_array_append_val (a, p);
        }
  return g_bytes_new_take (g_array_free (a, FALSE), 100 * sizeof (CcParticle));
}

/* Pixels whose colour is the species colour times a brightness (Lambert
 * shading keeps the hue): their count. */
static guint
count_shaded (GBytes *pixels,
              CcRgb   base)
{
  gsize size;
  const guint8 *p = g_bytes_get_data (pixels, &size);
  double b[3] = { base.r * 255, base.g * 255, base.b * 255 };
  double bb = b[0] * b[0] + b[1] * b[1] + b[2] * b[2];
  guint count = 0;

  for (gsize i = 0; i + 3 < size; i += 4)
    {
      double k = (p[i] * b[0] + p[i + 1] * b[1] + p[i + 2] * b[2]) / bb;
      double err = 0;
      if (k < 0.35 || k > 1.05)
        continue;
      for (guint c = 0; c < 3; c++)
        err = MAX (err, fabs (p[i + c] - k * b[c]));
      if (err < 10)
        count++;
    }
  return count;
}

static gboolean
pipeline_idle (gpointer w)
{
  return !cc_pipeline_get_running (cc_window_get_pipeline (w));
}

static gboolean
run_presented (gpointer w)
{
  CcResultsView *results = cc_window_get_results (w);

  return pipeline_idle (w) && cc_results_view_has_chart (results, CC_CHART_MICROSTRUCTURE);
}

/* Pixels that are neither white nor grey: drawn curves and markers. */
static guint
count_coloured (cairo_surface_t *image)
{
  int w = cairo_image_surface_get_width (image), h = cairo_image_surface_get_height (image);
  int stride = cairo_image_surface_get_stride (image) / 4;
  const guint32 *px = (const guint32 *) cairo_image_surface_get_data (image);
  guint count = 0;

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 p = px[y * stride + x];
        int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;

        if (MAX (r, MAX (g, b)) - MIN (r, MIN (g, b)) > 60)
          count++;
      }
  return count;
}

/* The real engines behind the window: a fast literature cell packs, is
 * analysed and simulated, the 3D view shows its particles in their
 * component colours and the voltage page draws curves. */
static void
test_preset_runs_engines (void)
{
  const char *ids[] = { "tis2-na3ps4", "na2s-nano-nps-c" };
  g_autoptr(GError) error = NULL;
  CcWindow *w = NULL;
  CcParticleView *view;
  CcResultsView *results;
  g_autofree CcRgb *colors = NULL;
  g_autoptr(GBytes) pixels = NULL;
  const CcDesign *d;
  guint total = 320 * 240, shown = 0;

  for (guint i = 0; i < G_N_ELEMENTS (ids) && w == NULL; i++)
    if (cc_preset_list_lookup (cc_preset_list_get_default (), ids[i]) != NULL)
      w = cc_application_open_preset (app, ids[i], &error);
  if (w == NULL)
    {
      g_test_skip ("no fast preset in the data");
      return;
    }
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (w), 1480, 920);
  gtk_window_present (GTK_WINDOW (w));
  g_assert_true (iterate_until (is_mapped, w, 10));
  g_assert_true (iterate_until (run_presented, w, 120));

  /* The analysed packing is on screen in the design's colours. */
  d = cc_document_get_design (cc_window_get_document (w));
  view = cc_view_panel_get_view (cc_window_get_view_panel (w));
  g_assert_cmpuint (cc_particle_view_get_n_particles (view), >, 100);
  colors = g_new0 (CcRgb, d->components->len);
  cc_colors_for_design (d, cc_document_get_db (cc_window_get_document (w)), colors);
  cc_particle_view_set_color_mode (view, CC_COLOR_BY_COMPONENT);
  pixels = cc_particle_view_read_pixels (view, 320, 240, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < d->components->len; i++)
    {
      guint n = count_shaded (pixels, colors[i]);

      g_test_message ("component %u: %u of %u pixels", i, n, total);
      if (n > total / 500)
        shown++;
    }
  /* The CAM and the electrolyte at least. */
  g_assert_cmpuint (shown, >=, 2);

  /* The literature cell's card shows the prediction next to the report. */
  {
    const char *id = cc_document_get_design (cc_window_get_document (w))->name;
    CcPresetsGallery *gallery = cc_window_get_presets (w);
    const char *shown_id = NULL;

    for (guint i = 0; i < G_N_ELEMENTS (ids) && shown_id == NULL; i++)
      if (cc_presets_gallery_get_figure (gallery, ids[i], "predicted", "capacity") != NULL
          && strstr (cc_presets_gallery_get_figure (gallery, ids[i], "predicted", "capacity"), "mAh") != NULL)
        shown_id = ids[i];
    g_test_message ("design %s: predicted capacity %s", id,
                    shown_id ? cc_presets_gallery_get_figure (gallery, shown_id, "predicted", "capacity") : "none");
    g_assert_nonnull (shown_id);
  }

  /* The voltage page holds the model's curves. */
  results = cc_window_get_results (w);
  g_assert_true (cc_results_view_has_chart (results, CC_CHART_STABILITY));
  g_assert_true (cc_results_view_has_chart (results, CC_CHART_VOLTAGE));
  cc_results_view_set_visible (results, CC_CHART_VOLTAGE);
  {
    CcChartView *chart = cc_results_view_get_chart_view (results, CC_CHART_VOLTAGE);
    g_autofree char *dir = g_dir_make_tmp ("cc-volt-XXXXXX", NULL);
    g_autofree char *png = g_build_filename (dir, "v.png", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (png);
    cairo_surface_t *image;
    guint coloured;

    g_assert_true (iterate_until (is_mapped, chart, 5));
    g_assert_true (cc_chart_view_export (chart, file, "png", 400, 300, 72, &error));
    g_assert_no_error (error);
    image = cairo_image_surface_create_from_png (png);
    g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
    coloured = count_coloured (image);
    g_test_message ("voltage chart: %u coloured pixels", coloured);
    g_assert_cmpuint (coloured, >, 200);
    cairo_surface_destroy (image);
    g_unlink (png);
    g_rmdir (dir);
  }
  /* An untouched main window is reused for the preset: keep that one. */
  if (w != window)
    gtk_window_destroy (GTK_WINDOW (w));
  settle (0.2);
}

static void
test_view_renders_particles (void)
{
  CcViewPanel *panel = cc_window_get_view_panel (window);
  CcParticleView *view = cc_view_panel_get_view (panel);
  CcRgb colors[2];
  double box[3];
  g_autoptr(GBytes) particles = synthetic_particles (box);
  g_autoptr(GBytes) pixels = NULL;
  g_autoptr(GBytes) state_pixels = NULL;
  g_autoptr(GError) error = NULL;
  guint total = 320 * 240, n_cam, n_se;

  g_assert_true (iterate_until (is_mapped, view, 5));
  /* No run may replace the synthetic particles while this test reads them. */
  cc_pipeline_cancel (cc_window_get_pipeline (window));
  g_assert_true (iterate_until (pipeline_idle, window, 30));
  colors[0] = cc_colors_for_component (CC_MATERIAL_CLASS_CAM, 0);
  colors[1] = cc_colors_for_component (CC_MATERIAL_CLASS_SE, 0);
  cc_particle_view_set_species_colors (view, colors, 2);
  cc_view_panel_set_particles (panel, particles, box);
  cc_particle_view_set_color_mode (view, CC_COLOR_BY_COMPONENT);
  settle (0.2);
  g_assert_cmpuint (cc_particle_view_get_n_particles (view), ==, 100);

  pixels = cc_particle_view_read_pixels (view, 320, 240, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (pixels), ==, 4 * total);
  n_cam = count_shaded (pixels, colors[0]);
  n_se = count_shaded (pixels, colors[1]);
  g_test_message ("CAM-coloured pixels %u, SE-coloured %u of %u", n_cam, n_se, total);
  /* Both components are on screen, the bigger CAM spheres cover more. */
  g_assert_cmpuint (n_cam, >, total / 50);
  g_assert_cmpuint (n_se, >, total / 200);
  g_assert_cmpuint (n_cam, >, n_se);

  /* By state: the active colour replaces the CAM colour. */
  cc_particle_view_set_color_mode (view, CC_COLOR_BY_STATE);
  state_pixels = cc_particle_view_read_pixels (view, 320, 240, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_shaded (state_pixels, cc_colors_for_state (CC_PARTICLE_STATE_ACTIVE)), >, total / 50);
  g_assert_cmpuint (count_shaded (state_pixels, colors[0]), <, n_cam / 10);
  cc_particle_view_set_color_mode (view, CC_COLOR_BY_COMPONENT);

  /* Export as PNG: the same rendering, read back at the requested size. */
  {
    g_autofree char *dir = g_dir_make_tmp ("cc-view-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "view.png", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GdkTexture) png = NULL;

    g_assert_true (cc_particle_view_export_png (view, file, 400, 300, &error));
    g_assert_no_error (error);
    png = gdk_texture_new_from_filename (path, &error);
    g_assert_no_error (error);
    g_assert_cmpint (gdk_texture_get_width (png), ==, 400);
    g_assert_cmpint (gdk_texture_get_height (png), ==, 300);
    g_unlink (path);
    g_rmdir (dir);
  }

  /* A click in the middle picks the particle the CPU ray meets first. */
  {
    int index = cc_particle_view_pick (view, gtk_widget_get_width (GTK_WIDGET (view)) / 2.0,
                                       gtk_widget_get_height (GTK_WIDGET (view)) / 2.0);
    g_autofree char *text = NULL;
    g_assert_cmpint (index, >=, 0);
    text = cc_view_panel_describe_particle (panel, index);
    g_assert_nonnull (text);
    g_assert_true (strstr (text, "µm") != NULL);
  }
  settle (0.2);
}

static void
test_screenshot (void)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("CC_BUILD_ROOT") ? g_getenv ("CC_BUILD_ROOT") : g_test_get_dir (G_TEST_BUILT),
                                            "app-screenshot.png", NULL);
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  int w = gtk_widget_get_width (GTK_WIDGET (window));
  int h = gtk_widget_get_height (GTK_WIDGET (window));

  settle (0.3);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, w);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, h);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_test_message ("screenshot: %s", path);
}

/* ---- set-up ------------------------------------------------------------------- */


int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  CcPresetList *presets;
  int status;

  if (!gui_test_init (&argc, &argv))
    return 77;

  /* Recovery copies of earlier runs are not this run's business. */
  {
    g_autoptr(GPtrArray) stale = cc_autosave_list ();
    for (guint i = 0; i < stale->len; i++)
      cc_autosave_remove (((CcAutosaveEntry *) g_ptr_array_index (stale, i))->id);
  }

  app = gui_test_application_new ();

  /* Start on a literature cell when the data has some. */
  presets = cc_preset_list_get_default ();
  if (cc_preset_list_get_n (presets) > 0)
    window = cc_application_open_preset (app, cc_preset_list_get_nth (presets, 0)->id, &error);
  else
    window = cc_application_new_window (app);
  g_assert_no_error (error);
  g_assert_nonnull (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1480, 920);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (iterate_until (is_mapped, window, 10));
  settle (0.3);

  g_test_add_func ("/app/window/shows-design", test_window_shows_design);
  g_test_add_func ("/app/palette/lists-materials", test_palette_lists_materials);
  g_test_add_func ("/app/palette/adds-material", test_palette_adds_material);
  g_test_add_func ("/app/editor/fraction-undo-redo", test_editor_fraction_undo_redo);
  g_test_add_func ("/app/editor/flags-invalid-value", test_editor_flags_invalid_value);
  g_test_add_func ("/app/editor/agglomerate-field", test_editor_agglomerate_field);
  g_test_add_func ("/app/editor/accepts-drop", test_editor_accepts_drop);
  g_test_add_func ("/app/file/save-and-open", test_save_and_open);
  g_test_add_func ("/app/file/close-asks-about-unsaved-changes", test_close_asks_about_unsaved_changes);
  g_test_add_func ("/app/file/recovery-after-crash", test_recovery_after_crash);
  g_test_add_func ("/app/chart/render-export-hover", test_chart_render_export_hover);
  g_test_add_func ("/app/view/renders-particles", test_view_renders_particles);
  g_test_add_func ("/app/view/window-screenshot", test_screenshot);
  g_test_add_func ("/app/pipeline/preset-runs-engines", test_preset_runs_engines);
  status = g_test_run ();

  gui_test_finish (app, GTK_WINDOW (window));
  return status;
}
