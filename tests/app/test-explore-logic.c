/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Explore view's logic without a display: labels of fields and metrics,
 * the grid read off results (axes, log spacing, refusals), cell statistics
 * against numbers worked out by hand, cell edges and lookup, the colour
 * scale, the points of an averaged cell, the "around the design" sweep, the
 * per-sweep results file and which evaluators count as models.
 */
#include "analytic-test-evaluator.h"
#include "cc-chart-export.h"
#include "cc-chart-render.h"
#include "cc-chart-sweep.h"
#include "cc-explore-around.h"
#include "cc-explore-sources.h"
#include "cc-sweep-run.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

static CcSweepRecord *
record (guint64     index,
        const char *values,
        const char *status,
        const char *evaluator,
        const char *metrics)
{
  g_autofree char *line = NULL;
  g_autoptr(GError) error = NULL;
  CcSweepRecord *r;

  if (g_str_equal (status, "ok"))
    line = g_strdup_printf ("{\"index\":%" G_GUINT64_FORMAT ",\"id\":\"i%" G_GUINT64_FORMAT "\",\"replicate\":0,"
                            "\"values\":%s,\"status\":\"ok\",\"evaluator\":\"%s\",\"metrics\":%s}",
                            index, index, values, evaluator, metrics);
  else
    line = g_strdup_printf ("{\"index\":%" G_GUINT64_FORMAT ",\"id\":\"i%" G_GUINT64_FORMAT "\",\"replicate\":0,"
                            "\"values\":%s,\"status\":\"%s\",\"evaluator\":\"%s\",\"error\":\"%s\"}",
                            index, index, values, status, evaluator, metrics);
  r = cc_sweep_record_parse (line, strlen (line), &error);
  g_assert_no_error (error);
  return r;
}

static CcSweepRecord *
ok (guint64     index,
    const char *values,
    double      active)
{
  g_autofree char *m = g_strdup_printf ("{\"active_cam_fraction\":%.17g,\"retention_cycles\":500,"
                                        "\"limiting_mechanism\":\"%s\"}", active,
                                        active > 5 ? "ionic-percolation" : "none");
  return record (index, values, "ok", "ev", m);
}

static void
test_labels (void)
{
  g_autoptr(CcDesign) d = cc_design_new_default ();
  CcMaterialDb *db = cc_material_db_get_default ();
  g_autofree char *w = cc_sweep_path_title ("components[material=nacro2].mass_fraction", d, db);
  g_autofree char *size = cc_sweep_path_title ("components[1].d50_um", d, db);
  g_autofree char *p = cc_sweep_path_title ("process.pressure_MPa", d, db);
  g_autofree char *unknown = cc_sweep_path_title ("cell.foo_um", NULL, NULL);
  g_autofree char *mat = cc_sweep_path_title ("components[1].material", d, db);
  g_autofree char *coat = cc_sweep_path_title ("components[0].coating.thickness_nm", NULL, NULL);
  g_autofree char *ret = cc_sweep_metric_axis_title (5, 500);
  g_autofree char *sigma = cc_sweep_metric_axis_title (1, 0);
  g_autofree char *v = cc_sweep_value_markup ("components[1].d50_um", TRUE, 2, NULL, db);
  g_autofree char *none = cc_sweep_value_markup ("components[0].coating.material", FALSE, NAN, NULL, db);
  g_autofree char *mech = cc_sweep_mechanism_label ("ionic-percolation");

  g_assert_cmpstr (w, ==, "NaCrO<sub>2</sub> mass fraction");
  g_assert_true (g_str_has_suffix (size, "d<sub>50</sub> (µm)"));
  g_assert_true (strstr (size, "PS<sub>4</sub>") != NULL);   /* the default catholyte */
  g_assert_cmpstr (p, ==, "Fabrication pressure (MPa)");
  g_assert_cmpstr (unknown, ==, "foo um (µm)");
  g_assert_cmpstr (mat, ==, "Solid electrolyte");
  g_assert_cmpstr (coat, ==, "Component 1 coating thickness (nm)");
  g_assert_cmpstr (ret, ==, "Capacity retention after 500 cycles");
  g_assert_cmpstr (sigma, ==, "Effective ionic conductivity (S cm<sup>−1</sup>)");
  g_assert_true (cc_sweep_metric_is_log (1) && cc_sweep_metric_is_log (2) && !cc_sweep_metric_is_log (4));
  g_assert_cmpstr (v, ==, "2 µm");
  g_assert_cmpstr (none, ==, "none");
  g_assert_cmpstr (mech, ==, "ionic percolation");
  g_assert_cmpstr (cc_sweep_metric_key (CC_SWEEP_METRIC_MECHANISM), ==, "limiting_mechanism");
}

/* Axes read off records: order of the first line, numbers sorted, categories
 * as they come, log spacing recognised. */
static void
test_grid_infers_axes (void)
{
  g_autoptr(CcSweepGrid) g = cc_sweep_grid_new (NULL);
  const double d[] = { 8, 0.5, 2, 1, 4 };
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (d); i++)
    {
      g_autofree char *v = g_strdup_printf ("{\"w\":%g,\"d_um\":%g,\"c\":%s}", 0.5 + 0.1 * (i % 3), d[i],
                                            i % 2 ? "null" : "\"nyzc\"");
      g_assert_true (cc_sweep_grid_add (g, ok (i, v, 0.5), &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (cc_sweep_grid_get_n_axes (g), ==, 3);
  g_assert_cmpstr (cc_sweep_grid_axis_path (g, 0), ==, "w");
  g_assert_cmpstr (cc_sweep_grid_axis_path (g, 1), ==, "d_um");
  g_assert_cmpuint (cc_sweep_grid_axis_n_values (g, 1), ==, 5);
  for (guint k = 0; k < 5; k++)
    g_assert_cmpfloat (cc_sweep_grid_axis_number (g, 1, k), ==, 0.5 * pow (2, k));
  g_assert_true (cc_sweep_grid_axis_is_log (g, 1));
  g_assert_false (cc_sweep_grid_axis_is_log (g, 0));   /* 0.5, 0.6, 0.7: even steps */
  g_assert_false (cc_sweep_grid_axis_is_numeric (g, 2));
  g_assert_cmpstr (cc_sweep_grid_axis_label (g, 2, 0), ==, "nyzc");
  g_assert_null (cc_sweep_grid_axis_label (g, 2, 1));
  g_assert_cmpstr (cc_sweep_grid_get_evaluator (g), ==, "ev");
  g_assert_cmpuint (cc_sweep_grid_get_cycles (g), ==, 500);
  /* The same line again is dropped; a different one for the same point is not. */
  g_assert_true (cc_sweep_grid_add (g, ok (0, "{\"w\":0.5,\"d_um\":8,\"c\":\"nyzc\"}", 0.5), NULL));
  g_assert_cmpuint (cc_sweep_grid_get_n_records (g), ==, 5);
  g_assert_false (cc_sweep_grid_add (g, ok (0, "{\"w\":0.5,\"d_um\":8,\"c\":\"nyzc\"}", 0.7), &error));
  g_assert_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_MISMATCH);
  g_clear_error (&error);
  /* Another evaluator, other axes: refused. */
  g_assert_false (cc_sweep_grid_add (g, record (9, "{\"w\":0.5,\"d_um\":8,\"c\":null}", "ok", "other", "{}"), &error));
  g_assert_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_MISMATCH);
  g_clear_error (&error);
  g_assert_false (cc_sweep_grid_add (g, ok (10, "{\"w\":0.5,\"d_um\":8}", 0.5), &error));
  g_assert_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_MISMATCH);
  g_clear_error (&error);
  g_assert_false (cc_sweep_grid_add (g, ok (11, "{\"w\":\"x\",\"d_um\":8,\"c\":null}", 0.5), &error));
  g_assert_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_MISMATCH);
  g_assert_cmpuint (cc_sweep_grid_get_n_records (g), ==, 5);
}

/* Two designs in one cell (the second axis averaged): {1, 3} and
 * {10, 14, 12}. Means 2 and 12 → cell 7 (each design weighs the same);
 * variances 2 and 4 with 1 and 2 degrees of freedom → pooled sd
 * sqrt((2 + 8) / 3). A third design, invalid, makes the cell partial. */
static void
test_cell_statistics (void)
{
  g_autoptr(CcSweepGrid) g = cc_sweep_grid_new (NULL);
  g_autoptr(CcSweepMap) map = NULL;
  int fixed[2] = { -1, -1 };
  CcSweepMapQuery q = { 0, 0, -1, fixed };
  const CcSweepCell *c;
  g_autofree char *readout = NULL;

  g_assert_true (cc_sweep_grid_add (g, ok (0, "{\"x\":1,\"z\":1}", 1), NULL));
  g_assert_true (cc_sweep_grid_add (g, ok (1, "{\"x\":1,\"z\":1}", 3), NULL));
  g_assert_true (cc_sweep_grid_add (g, ok (2, "{\"x\":1,\"z\":2}", 10), NULL));
  g_assert_true (cc_sweep_grid_add (g, ok (3, "{\"x\":1,\"z\":2}", 14), NULL));
  g_assert_true (cc_sweep_grid_add (g, ok (4, "{\"x\":1,\"z\":2}", 12), NULL));
  g_assert_true (cc_sweep_grid_add (g, record (5, "{\"x\":1,\"z\":3}", "invalid", "ev", "too much CAM"), NULL));
  g_assert_true (cc_sweep_grid_add (g, record (6, "{\"x\":2,\"z\":3}", "failed", "ev", "diverged"), NULL));
  map = cc_sweep_grid_map (g, &q, NULL);
  g_assert_nonnull (map);
  g_assert_cmpuint (map->nx, ==, 2);
  g_assert_cmpuint (map->ny, ==, 1);
  c = cc_sweep_map_get_cell (map, 0, 0);
  g_assert_cmpint (c->state, ==, CC_SWEEP_CELL_PARTIAL);
  g_assert_cmpuint (c->n_designs, ==, 3);
  g_assert_cmpuint (c->n_results, ==, 6);
  g_assert_cmpuint (c->n_ok, ==, 5);
  g_assert_cmpfloat_with_epsilon (c->mean, 7.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (c->sd, sqrt (10.0 / 3.0), 1e-12);
  g_assert_cmpfloat (c->lo, ==, 2);
  g_assert_cmpfloat (c->hi, ==, 12);
  g_assert_cmpstr (c->error, ==, "too much CAM");
  g_assert_cmpuint (c->index, ==, 0);
  c = cc_sweep_map_get_cell (map, 1, 0);
  g_assert_cmpint (c->state, ==, CC_SWEEP_CELL_FAILED);
  g_assert_true (isnan (c->mean));
  readout = cc_sweep_map_describe_cell (map, 1, 0);
  g_assert_nonnull (strstr (readout, "diverged"));
  g_assert_cmpfloat (map->color_lo, ==, 7);
  g_assert_cmpfloat (map->color_hi, ==, 7);

  /* The mechanism map takes the most frequent mechanism (3 × "ionic
   * percolation" against 2 × "none"). */
  {
    CcSweepMapQuery qm = { CC_SWEEP_METRIC_MECHANISM, 0, -1, fixed };
    g_autoptr(CcSweepMap) m2 = cc_sweep_grid_map (g, &qm, NULL);

    g_assert_cmpstr (cc_sweep_map_get_cell (m2, 0, 0)->mechanism, ==, "ionic-percolation");
    /* Only mechanisms that some cell shows go in the legend. */
    g_assert_cmpuint (m2->mechanisms->len, ==, 1);
  }
  /* Fixed at z = 1: one design, its own sample sd. */
  fixed[1] = 0;
  {
    g_autoptr(CcSweepMap) m3 = cc_sweep_grid_map (g, &q, NULL);

    c = cc_sweep_map_get_cell (m3, 0, 0);
    g_assert_cmpint (c->state, ==, CC_SWEEP_CELL_OK);
    g_assert_cmpfloat_with_epsilon (c->mean, 2.0, 1e-12);
    g_assert_cmpfloat_with_epsilon (c->sd, sqrt (2.0), 1e-12);
    g_assert_cmpint (cc_sweep_map_get_cell (m3, 1, 0)->state, ==, CC_SWEEP_CELL_PENDING);
  }
}

/* Log axes split cells at geometric midpoints, linear ones halfway. */
static void
test_cell_edges (void)
{
  g_autoptr(CcSweepGrid) g = cc_sweep_grid_new (NULL);
  g_autoptr(CcSweepMap) map = NULL;
  CcSweepMapQuery q = { 0, 1, 0, NULL };
  const double d[] = { 1, 4, 16 };
  guint ix, iy;

  for (guint i = 0; i < 3; i++)
    for (guint j = 0; j < 2; j++)
      {
        g_autofree char *v = g_strdup_printf ("{\"w\":%g,\"d_um\":%g}", 0.5 + 0.2 * j, d[i]);
        g_assert_true (cc_sweep_grid_add (g, ok (i * 2 + j, v, i + j), NULL));
      }
  map = cc_sweep_grid_map (g, &q, NULL);
  g_assert_true (map->x_log);
  g_assert_false (map->y_log);
  g_assert_cmpfloat_with_epsilon (map->x_edges[0], 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (map->x_edges[1], 2, 1e-12);
  g_assert_cmpfloat_with_epsilon (map->x_edges[2], 8, 1e-12);
  g_assert_cmpfloat_with_epsilon (map->x_edges[3], 32, 1e-12);
  g_assert_cmpfloat_with_epsilon (map->y_edges[0], 0.4, 1e-12);
  g_assert_cmpfloat_with_epsilon (map->y_edges[1], 0.6, 1e-12);
  g_assert_cmpfloat_with_epsilon (map->y_edges[2], 0.8, 1e-12);
  /* Three values: one labelled column each, found by position. */
  g_assert_false (map->x_continuous);
  g_assert_cmpstr (g_ptr_array_index (map->x_ticks, 1), ==, "4");
  g_assert_cmpstr (g_ptr_array_index (map->x_labels, 1), ==, "4 µm");
  g_assert_true (cc_sweep_map_locate (map, 1.3, 0.6, &ix, &iy));
  g_assert_cmpuint (ix, ==, 1);
  g_assert_cmpuint (iy, ==, 1);
  g_assert_false (cc_sweep_map_locate (map, 2.7, 0, &ix, &iy));
  g_assert_cmpfloat (cc_sweep_map_get_cell (map, 2, 1)->mean, ==, 3);
}

/* Many values: a numeric axis, cells found by value. */
static void
test_continuous_axis (void)
{
  g_autoptr(CcSweepGrid) g = cc_sweep_grid_new (NULL);
  g_autoptr(CcSweepMap) map = NULL;
  CcSweepMapQuery q = { 0, 0, -1, NULL };
  guint n = CC_SWEEP_MAP_MAX_LABELLED + 6, ix, iy;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *v = g_strdup_printf ("{\"p_MPa\":%u}", 100 + 10 * i);
      g_assert_true (cc_sweep_grid_add (g, ok (i, v, i), NULL));
    }
  map = cc_sweep_grid_map (g, &q, NULL);
  g_assert_true (map->x_continuous);
  g_assert_false (map->x_log);
  g_assert_cmpfloat_with_epsilon (map->x_edges[0], 95, 1e-12);
  g_assert_cmpfloat_with_epsilon (map->x_edges[n], 100 + 10 * n - 5, 1e-12);
  g_assert_true (cc_sweep_map_locate (map, 151, 0, &ix, &iy));
  g_assert_cmpuint (ix, ==, 5);
  g_assert_cmpfloat (cc_sweep_map_get_cell (map, ix, 0)->mean, ==, 5);
}

static void
test_colorbar_fraction (void)
{
  g_autoptr(CcChart) chart = cc_chart_new ("test", NULL);
  CcPlot *plot = cc_chart_add_plot (chart);

  cc_plot_set_colorbar (plot, CC_SCALE_LINEAR, 2, 6, "x");
  g_assert_cmpfloat (cc_plot_colorbar_fraction (plot, 3), ==, 0.25);
  g_assert_cmpfloat (cc_plot_colorbar_fraction (plot, 10), ==, 1);
  cc_plot_set_colorbar (plot, CC_SCALE_LOG, 1e-6, 1e-2, "σ");
  g_assert_cmpfloat_with_epsilon (cc_plot_colorbar_fraction (plot, 1e-4), 0.5, 1e-12);
  g_assert_true (isnan (cc_plot_colorbar_fraction (plot, 0)));
}

static CcSweep *
example (const char *name_prefix)
{
  g_autoptr(GPtrArray) examples = cc_explore_example_sweeps ();

  g_assert_cmpuint (examples->len, >=, 4);
  for (guint i = 0; i < examples->len; i++)
    {
      CcExploreChoice *c = g_ptr_array_index (examples, i);

      if (g_str_has_prefix (cc_sweep_get_name (c->sweep), name_prefix))
        return cc_sweep_ref (c->sweep);
    }
  g_assert_not_reached ();
}

/* An averaged cell names the sweep's own points, one per design. */
static void
test_cell_points (void)
{
  g_autoptr(CcSweep) sweep = example ("Upper cut-off");
  g_autoptr(CcSweepGrid) g = cc_sweep_grid_new (sweep);
  int fixed[4] = { 0, -1, -1, -1 };
  CcSweepMapQuery q = { 0, 1, 2, fixed };
  g_autoptr(GArray) points = NULL;
  guint64 index;
  guint coords[4] = { 0, 3, 1, 1 };

  /* voltage 3.1 V (k = 3), coating na3ycl6 (k = 1), thickness averaged. */
  points = cc_sweep_grid_cell_points (g, &q, 3, 1, 10);
  g_assert_cmpuint (points->len, ==, 2);
  for (guint i = 0; i < points->len; i++)
    {
      CcSweepValue v[CC_SWEEP_MAX_AXES];
      guint rep;

      cc_sweep_point_decompose (sweep, g_array_index (points, guint64, i), v, &rep);
      g_assert_cmpuint (rep, ==, 0);
      g_assert_cmpfloat_with_epsilon (v[1].number, 3.1, 1e-12);
      g_assert_cmpstr (v[2].label, ==, "na3ycl6");
      g_assert_cmpfloat (v[3].number, ==, i == 0 ? 10 : 50);
    }
  g_assert_true (cc_sweep_grid_coords_index (g, coords, &index));
  g_assert_cmpuint (index, ==, g_array_index (points, guint64, 1));
  /* Without the sweep there is nothing to name. */
  {
    g_autoptr(CcSweepGrid) bare = cc_sweep_grid_new (NULL);
    g_autoptr(GError) error = NULL;

    g_assert_null (cc_sweep_grid_build_design (bare, 0, &error));
    g_assert_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID);
  }
}

static void
test_around_sweep (void)
{
  g_autoptr(CcDesign) d = cc_design_new_default ();
  g_autoptr(GPtrArray) fields = cc_explore_fields (d, cc_material_db_get_default ());
  CcExploreAxisSpec axes[] = {
    { "components[material=nacro2].mass_fraction", 0.5, 0.8, 4, FALSE },
    { "components[material=na3ps4-cubic].d50_um", 0.5, 8, 5, TRUE },
  };
  g_autoptr(CcSweep) sweep = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_w = FALSE, has_v = FALSE;

  for (guint i = 0; i < fields->len; i++)
    {
      CcExploreField *f = g_ptr_array_index (fields, i);

      double k;

      /* Every suggested range holds the design's own value as one of its
       * points: an even number of steps (or factors of 2) away from each end. */
      g_assert_cmpfloat (f->from, <=, f->value + 1e-12);
      g_assert_cmpfloat (f->to, >=, f->value - 1e-12);
      g_assert_cmpuint (f->steps, >=, 2);
      if (f->log)
        k = log2 (f->value / f->from);
      else
        k = (f->value - f->from) / ((f->to - f->from) / (f->steps - 1));
      g_assert_cmpfloat (fabs (k - round (k)), <, 1e-6);
      has_w |= g_str_equal (f->path, axes[0].path);
      has_v |= g_str_equal (f->path, "protocol.voltage_max_V");
    }
  g_assert_true (has_w && has_v);
  sweep = cc_explore_sweep_around (d, axes, 2, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cc_sweep_get_n_points (sweep), ==, 4 * 5 * 3);
  g_assert_cmpfloat_with_epsilon (cc_sweep_axis_get_value (sweep, 0, 1).number, 0.6, 1e-12);
  g_assert_cmpfloat_with_epsilon (cc_sweep_axis_get_value (sweep, 1, 1).number, 1.0, 1e-9);
  g_assert_true (cc_design_equal (cc_sweep_get_base (sweep), d));
  /* A field that is not in the design is the sweep loader's error. */
  axes[1].path = "components[material=nope].d50_um";
  g_assert_null (cc_explore_sweep_around (d, axes, 2, 3, &error));
  g_assert_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID);
}

static void
test_results_path_and_evaluators (void)
{
  g_autoptr(CcSweep) a = example ("CAM fraction");
  g_autoptr(CcSweep) b = example ("Upper cut-off");
  g_autofree char *pa = cc_explore_results_path (a, "model");
  g_autofree char *pa2 = cc_explore_results_path (a, "model");
  g_autofree char *pb = cc_explore_results_path (b, "model");
  g_autofree char *pt = cc_explore_results_path (a, "analytic-test");

  g_assert_cmpstr (pa, ==, pa2);
  g_assert_cmpstr (pa, !=, pb);
  g_assert_cmpstr (pa, !=, pt);
  g_assert_true (g_str_has_suffix (pa, ".jsonl"));
  g_assert_true (g_str_has_prefix (pa, g_get_user_data_dir ()));
  g_assert_false (cc_explore_evaluator_is_model ("analytic-test"));
  g_assert_true (cc_explore_evaluator_is_model ("packing-analysis-echem-v1"));
  g_assert_false (cc_explore_evaluator_is_model (NULL));
}

/* Results of an example sweep find it; results of another sweep do not. */
static void
test_find_sweep (void)
{
  g_autoptr(CcSweep) sweep = example ("CAM fraction");
  g_autofree char *dir = g_dir_make_tmp ("cc-explore-logic-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "r.jsonl", NULL);
  CcSweepRunOptions o = { 0, 1, 1, path };
  g_autoptr(CcSweepGrid) grid = NULL;
  g_autoptr(CcSweep) found = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cc_sweep_run (sweep, cc_analytic_test_evaluator (NULL), cc_material_db_get_default (), &o, NULL,
                               NULL, NULL, NULL, &error));
  grid = cc_explore_load_results (path, NULL, NULL, &error);
  g_assert_no_error (error);
  found = cc_explore_find_sweep (grid, NULL, path);
  g_assert_nonnull (found);
  g_assert_cmpstr (cc_sweep_get_digest (found), ==, cc_sweep_get_digest (sweep));
  g_assert_true (cc_sweep_grid_set_sweep (grid, found, NULL));
  g_assert_cmpuint (cc_sweep_grid_get_n_expected (grid), ==, 105);
  {
    g_autoptr(CcSweep) other = example ("Upper cut-off");

    g_assert_false (cc_sweep_grid_set_sweep (grid, other, &error));
    g_assert_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_MISMATCH);
  }
  g_remove (path);
  g_rmdir (dir);
}

static void
check_pixel (cairo_surface_t *surface,
             double           x,
             double           y,
             const CcRgba    *want)
{
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 px = *(const guint32 *) (data + (int) y * stride + 4 * (int) x);
  double r = ((px >> 16) & 0xff) / 255.0, g = ((px >> 8) & 0xff) / 255.0, b = (px & 0xff) / 255.0;

  g_assert_cmpfloat (fabs (r - want->r) + fabs (g - want->g) + fabs (b - want->b), <, 0.06);
}
/* Every format in every theme; the colour bar and a cell carry the colours
 * the scale gives their values. */
static void
test_charts_render (void)
{
  g_autoptr(CcSweep) sweep = example ("CAM fraction");
  g_autofree char *dir = g_dir_make_tmp ("cc-explore-logic-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "r.jsonl", NULL);
  CcSweepRunOptions o = { 0, 1, 1, path };
  g_autoptr(CcSweepGrid) grid = NULL;
  int fixed[3] = { 0, 0, 0 };
  CcSweepMapQuery q = { 3, 1, 2, fixed };
  g_autoptr(CcSweepMap) map = NULL;
  g_autoptr(CcSweepPareto) pareto = NULL;
  g_autoptr(CcChart) chart = NULL;
  g_autoptr(CcChart) pchart = NULL;

  g_assert_true (cc_sweep_run (sweep, cc_analytic_test_evaluator (NULL), cc_material_db_get_default (), &o, NULL,
                               NULL, NULL, NULL, NULL));
  grid = cc_explore_load_results (path, sweep, NULL, NULL);
  map = cc_sweep_grid_map (grid, &q, NULL);
  chart = cc_chart_sweep_map_new (map, NULL);
  pareto = cc_sweep_grid_pareto (grid, 4, 0, NULL);
  pchart = cc_chart_sweep_pareto_new (pareto, NULL);
  g_assert_nonnull (chart);
  g_assert_nonnull (pchart);
  for (CcChartTheme theme = 0; theme < CC_CHART_N_THEMES; theme++)
    for (CcChartFormat f = 0; f < CC_CHART_N_FORMATS; f++)
      {
        CcChartStyle style;
        g_autoptr(GBytes) a = NULL, b = NULL;
        g_autoptr(GError) error = NULL;

        cc_chart_style_init (&style, theme);
        a = cc_chart_export_bytes (chart, &style, f, 360, 270, 150, &error);
        g_assert_no_error (error);
        b = cc_chart_export_bytes (pchart, &style, f, 360, 270, 150, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (g_bytes_get_size (a), >, 200);
        g_assert_cmpuint (g_bytes_get_size (b), >, 200);
      }
  /* Pixels at 1 pt = 1 px: the colour bar halfway up is viridis(0.5), and
   * the lower-left corner of a cell is the colour of its mean. */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 400);
    cairo_t *cr = cairo_create (surface);
    const CcSweepCell *cell = cc_sweep_map_get_cell (map, 0, 0);
    double x0, y0, x1, y1;
    CcRgba mid = cc_chart_colormap_viridis (0.5);
    CcRgba want;
    double t;

    g_assert_true (cc_chart_render (chart, NULL, cr, 600, 400, NULL));
    cairo_surface_flush (surface);
    g_assert_true (cc_chart_point_at (chart, NULL, 600, 400, 0, CC_AXIS_Y, map->nx - 0.5, 0.5 * map->ny - 0.5, &x1, &y1));
    check_pixel (surface, x1 + 4 * 3.0 + 5, y1, &mid);
    g_assert_true (cc_chart_point_at (chart, NULL, 600, 400, 0, CC_AXIS_Y, -0.45, -0.45, &x0, &y0));
    t = (cell->mean - map->color_lo) / (map->color_hi - map->color_lo);
    want = cc_chart_colormap_viridis (t);
    check_pixel (surface, x0 + 2, y0 - 2, &want);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }
  g_remove (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/explore/labels", test_labels);
  g_test_add_func ("/explore/grid/infers-axes", test_grid_infers_axes);
  g_test_add_func ("/explore/grid/cell-statistics", test_cell_statistics);
  g_test_add_func ("/explore/grid/cell-edges", test_cell_edges);
  g_test_add_func ("/explore/grid/cell-points", test_cell_points);
  g_test_add_func ("/explore/grid/continuous-axis", test_continuous_axis);
  g_test_add_func ("/explore/chart/colorbar-fraction", test_colorbar_fraction);
  g_test_add_func ("/explore/chart/renders", test_charts_render);
  g_test_add_func ("/explore/around/sweep", test_around_sweep);
  g_test_add_func ("/explore/sources/results-path-and-evaluators", test_results_path_and_evaluators);
  g_test_add_func ("/explore/sources/find-sweep", test_find_sweep);
  return g_test_run ();
}
