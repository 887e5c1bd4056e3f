/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Explore window under a real display (Xvfb in CI). Results files are
 * written here with the "analytic-test" fixture (tests/sweep: a made-up
 * function, NOT a model), registered by this program only; the app itself
 * runs with whatever model evaluator its build has. Checks: the map's cells
 * against the file, computed independently; invalid, failed and partly
 * failed cells; a click on a cell opens that design; the Pareto front is
 * exactly the undominated designs; every export writes a well-formed file;
 * a run streams points into the map and stops when asked, and the next run
 * resumes to the canonical file.
 */
#include "analytic-test-evaluator.h"
#include "cc-application.h"
#include "cc-explore-around.h"
#include "cc-explore-sources.h"
#include "cc-explore-window.h"
#include "cc-sweep-path.h"
#include "cc-sweep-run.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "gui-test-util.h"

static CcApplication *app;
static CcWindow *window;
static CcExploreWindow *explore;
static char *tmpdir;


/* ---- fixtures ------------------------------------------------------------------ */

static CcSweep *
example (const char *name_prefix)
{
  g_autoptr(GPtrArray) examples = cc_explore_example_sweeps ();

  for (guint i = 0; i < examples->len; i++)
    {
      CcExploreChoice *c = g_ptr_array_index (examples, i);

      if (g_str_has_prefix (cc_sweep_get_name (c->sweep), name_prefix))
        return cc_sweep_ref (c->sweep);
    }
  g_assert_not_reached ();
}

/* Runs @sweep with the fixture into a fresh file of the temporary folder. */
static char *
write_results (CcSweep    *sweep,
               const char *name)
{
  char *path = g_build_filename (tmpdir, name, NULL);
  CcSweepRunOptions options = { 0, 1, 2, path };
  g_autoptr(GError) error = NULL;

  g_remove (path);
  g_assert_true (cc_sweep_run (sweep, cc_sweep_evaluator_lookup ("analytic-test"), cc_material_db_get_default (),
                               &options, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* The CAM fraction × catholyte size example, computed once. */
static char *
cam_results (void)
{
  g_autoptr(CcSweep) sweep = example ("CAM fraction");
  char *path = g_build_filename (tmpdir, "cam.jsonl", NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_free (write_results (sweep, "cam.jsonl"));
  return path;
}

static void
open_results (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (cc_explore_window_open_results (explore, file, &error));
  g_assert_no_error (error);
  settle (0.05);
}

static guint
axis_index (const char *path)
{
  CcSweepGrid *grid = cc_explore_window_get_grid (explore);

  for (guint a = 0; a < cc_sweep_grid_get_n_axes (grid); a++)
    if (g_str_equal (cc_sweep_grid_axis_path (grid, a), path))
      return a;
  g_assert_not_reached ();
}

/* ---- expected cells, computed from the file alone ------------------------------- */

typedef struct {
  GArray *values;      /* double: one design's replicates */
} Design;

static void
design_free (gpointer data)
{
  Design *d = data;

  g_array_unref (d->values);
  g_free (d);
}

static char *
value_key (JsonObject *values,
           const char *path)
{
  JsonNode *n = json_object_get_member (values, path);

  if (JSON_NODE_HOLDS_NULL (n))
    return g_strdup ("null");
  if (json_node_get_value_type (n) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (n));
  return g_strdup_printf ("%.12g", json_node_get_double (n));
}

/* Cell key "x|y" → (design key → replicates of @metric). */
static GHashTable *
expected_cells (const char *results,
                const char *x_path,
                const char *y_path,
                guint       metric,
                const char *only_path,
                const char *only_value)
{
  g_autoptr(GPtrArray) records = cc_sweep_read_results (results, FALSE, NULL, NULL);
  GHashTable *cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);

  g_assert_nonnull (records);
  for (guint i = 0; i < records->len; i++)
    {
      CcSweepRecord *r = g_ptr_array_index (records, i);
      JsonObject *values = json_node_get_object (r->values);
      g_autofree char *x = value_key (values, x_path), *y = value_key (values, y_path);
      g_autofree char *design = cc_sweep_record_design_key (r);
      char *cell = g_strdup_printf ("%s|%s", x, y);
      GHashTable *designs = g_hash_table_lookup (cells, cell);
      Design *d;
      double v;

      if (only_path != NULL)
        {
          g_autofree char *k = value_key (values, only_path);

          if (!g_str_equal (k, only_value))
            {
              g_free (cell);
              continue;
            }
        }
      if (designs == NULL)
        {
          designs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, design_free);
          g_hash_table_insert (cells, g_strdup (cell), designs);
        }
      g_free (cell);
      d = g_hash_table_lookup (designs, design);
      if (d == NULL)
        {
          d = g_new0 (Design, 1);
          d->values = g_array_new (FALSE, FALSE, sizeof (double));
          g_hash_table_insert (designs, g_strdup (design), d);
        }
      g_assert_cmpint (r->status, ==, CC_SWEEP_STATUS_OK);
      v = cc_sweep_metrics_get (&r->metrics, metric);
      g_array_append_val (d->values, v);
    }
  return cells;
}

/* Mean of the design means; pooled sd, both in two passes. */
static void
cell_stats (GHashTable *designs,
            double     *mean,
            double     *sd)
{
  GHashTableIter it;
  Design *d;
  double sum_means = 0, ss = 0;
  guint n = 0, dof = 0;

  g_hash_table_iter_init (&it, designs);
  while (g_hash_table_iter_next (&it, NULL, (gpointer *) &d))
    {
      double m = 0;

      for (guint k = 0; k < d->values->len; k++)
        m += g_array_index (d->values, double, k) / d->values->len;
      for (guint k = 0; k < d->values->len; k++)
        ss += pow (g_array_index (d->values, double, k) - m, 2);
      dof += d->values->len - 1;
      sum_means += m;
      n++;
    }
  *mean = sum_means / n;
  *sd = dof > 0 ? sqrt (ss / dof) : NAN;
}

static void
assert_close (double a,
              double b)
{
  g_assert_true (isfinite (a) && isfinite (b));
  g_assert_cmpfloat (fabs (a - b), <=, 1e-9 * MAX (fabs (b), 1e-12));
}

/* @only_path = @only_value: the axis held fixed (NULL: none). */
static void
check_map_against_file (const char *results,
                        guint       metric,
                        guint       expected_designs_per_cell,
                        const char *only_path,
                        const char *only_value)
{
  const CcSweepMap *map = cc_explore_window_get_map (explore);
  CcSweepGrid *grid = cc_explore_window_get_grid (explore);
  g_autoptr(GHashTable) cells = NULL;
  guint xa, ya;

  g_assert_nonnull (map);
  /* The map's axes are the grid's; read their paths back through the titles' order. */
  xa = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (explore), "test-x"));
  ya = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (explore), "test-y"));
  cells = expected_cells (results, cc_sweep_grid_axis_path (grid, xa), cc_sweep_grid_axis_path (grid, ya), metric,
                         only_path, only_value);
  g_assert_cmpuint (map->nx, ==, cc_sweep_grid_axis_n_values (grid, xa));
  g_assert_cmpuint (map->ny, ==, cc_sweep_grid_axis_n_values (grid, ya));
  g_assert_cmpuint (g_hash_table_size (cells), ==, map->nx * map->ny);
  for (guint iy = 0; iy < map->ny; iy++)
    for (guint ix = 0; ix < map->nx; ix++)
      {
        const CcSweepCell *c = cc_sweep_map_get_cell (map, ix, iy);
        g_autofree char *xk = NULL, *yk = NULL, *key = NULL;
        GHashTable *designs;
        double mean, sd;

        xk = cc_sweep_grid_axis_is_numeric (grid, xa)
             ? g_strdup_printf ("%.12g", cc_sweep_grid_axis_number (grid, xa, ix))
             : g_strdup (cc_sweep_grid_axis_label (grid, xa, ix) ? cc_sweep_grid_axis_label (grid, xa, ix) : "null");
        yk = cc_sweep_grid_axis_is_numeric (grid, ya)
             ? g_strdup_printf ("%.12g", cc_sweep_grid_axis_number (grid, ya, iy))
             : g_strdup (cc_sweep_grid_axis_label (grid, ya, iy) ? cc_sweep_grid_axis_label (grid, ya, iy) : "null");
        key = g_strdup_printf ("%s|%s", xk, yk);
        designs = g_hash_table_lookup (cells, key);
        g_assert_nonnull (designs);
        g_assert_cmpuint (g_hash_table_size (designs), ==, expected_designs_per_cell);
        cell_stats (designs, &mean, &sd);
        g_assert_cmpint (c->state, ==, CC_SWEEP_CELL_OK);
        g_assert_cmpuint (c->n_designs, ==, expected_designs_per_cell);
        assert_close (c->mean, mean);
        /* The fixture's capacity carries seed noise: a real spread. */
        g_assert_cmpfloat (sd, >, 0);
        assert_close (c->sd, sd);
      }
}

static void
set_map (guint metric,
         guint x,
         int   y)
{
  g_object_set_data (G_OBJECT (explore), "test-x", GUINT_TO_POINTER (x));
  g_object_set_data (G_OBJECT (explore), "test-y", GUINT_TO_POINTER ((guint) y));
  cc_explore_window_set_map (explore, metric, x, y);
}

/* ---- tests --------------------------------------------------------------------- */

static void
test_no_evaluator (void)
{
  GAction *run = g_action_map_lookup_action (G_ACTION_MAP (explore), "run");
  g_autoptr(GError) error = NULL;

  if (cc_sweep_evaluator_get_default () != NULL)
    {
      /* A build with a model: runs are offered with it. */
      g_assert_true (g_action_get_enabled (run));
      return;
    }
  g_assert_false (g_action_get_enabled (run));
  g_assert_false (cc_explore_window_run (explore, &error));
  g_assert_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_NO_EVALUATOR);
  g_assert_nonnull (strstr (error->message, "No simulation evaluator in this build"));
  g_assert_nonnull (strstr (error->message, "cathode-composer-cli sweep"));
}

static void
test_map_matches_file (void)
{
  g_autoptr(CcSweep) sweep = example ("CAM fraction");
  g_autofree char *path = cam_results ();
  CcSweepGrid *grid;

  open_results (path);
  grid = cc_explore_window_get_grid (explore);
  g_assert_cmpuint (cc_sweep_grid_get_n_records (grid), ==, cc_sweep_get_n_points (sweep));
  /* The example sweep is found for the file, so designs can be opened. */
  g_assert_nonnull (cc_sweep_grid_get_sweep (grid));
  /* Fixture results are labelled as such. */
  g_assert_nonnull (strstr (cc_explore_window_get_notice (explore), "not predictions"));
  set_map (3, axis_index ("components[material=nacro2].mass_fraction"),
           (int) axis_index ("components[material=na3ps4-cubic].d50_um"));
  check_map_against_file (path, 3, 1, NULL, NULL);
  /* Transposed, and another metric. */
  set_map (4, axis_index ("components[material=na3ps4-cubic].d50_um"),
           (int) axis_index ("components[material=nacro2].mass_fraction"));
  check_map_against_file (path, 4, 1, NULL, NULL);
}

static void
test_map_averages_axis (void)
{
  g_autoptr(CcSweep) sweep = example ("Upper cut-off");
  g_autofree char *path = write_results (sweep, "cutoff.jsonl");
  guint thickness;

  open_results (path);
  thickness = axis_index ("components[0].coating.thickness_nm");
  set_map (3, axis_index ("protocol.voltage_max_V"), (int) axis_index ("components[0].coating.material"));
  cc_explore_window_set_fixed (explore, thickness, -1);
  /* Two thicknesses per cell: mean of the design means, pooled sd. */
  check_map_against_file (path, 3, 2, NULL, NULL);
  cc_explore_window_set_fixed (explore, thickness, 1);
  check_map_against_file (path, 3, 1, "components[0].coating.thickness_nm", "50");
}

static void
test_invalid_and_failed (void)
{
  static const char *text =
    "{\"format\":\"cathode-composer-sweep\",\"version\":1,\"name\":\"Failures\",\"base\":\"default\","
    "\"replicates\":2,\"axes\":["
    "{\"path\":\"components[0].d50_um\",\"values\":[5,40]},"
    "{\"path\":\"components[0].mass_fraction\",\"values\":[0.6,1.5]}]}";
  g_autoptr(CcSweep) sweep = cc_sweep_load_from_data (text, -1, NULL, NULL);
  g_autofree char *path = NULL;
  g_autofree char *sweep_path = g_build_filename (tmpdir, "failures.json", NULL);
  const CcSweepMap *map;
  g_autofree char *readout = NULL;
  guint d50, w;

  g_assert_nonnull (sweep);
  g_assert_true (g_file_set_contents (sweep_path, text, -1, NULL));
  path = write_results (sweep, "failures.jsonl");
  open_results (path);
  /* Found beside the results. */
  g_assert_nonnull (cc_sweep_grid_get_sweep (cc_explore_window_get_grid (explore)));
  d50 = axis_index ("components[0].d50_um");
  w = axis_index ("components[0].mass_fraction");
  set_map (0, d50, (int) w);
  map = cc_explore_window_get_map (explore);
  g_assert_cmpint (cc_sweep_map_get_cell (map, 0, 0)->state, ==, CC_SWEEP_CELL_OK);
  /* d50 = 40 µm is outside the fixture's domain: failed, with its reason. */
  g_assert_cmpint (cc_sweep_map_get_cell (map, 1, 0)->state, ==, CC_SWEEP_CELL_FAILED);
  g_assert_nonnull (strstr (cc_sweep_map_get_cell (map, 1, 0)->error, "domain"));
  g_assert_true (isnan (cc_sweep_map_get_cell (map, 1, 0)->mean));
  /* A mass fraction of 1.5 is no design: invalid, with the validator's message. */
  g_assert_cmpint (cc_sweep_map_get_cell (map, 0, 1)->state, ==, CC_SWEEP_CELL_INVALID);
  g_assert_cmpint (cc_sweep_map_get_cell (map, 1, 1)->state, ==, CC_SWEEP_CELL_INVALID);
  g_assert_nonnull (cc_sweep_map_get_cell (map, 0, 1)->error);
  readout = cc_sweep_map_describe_cell (map, 1, 0);
  g_assert_nonnull (strstr (readout, "domain"));
  /* Averaged over d50: the computed design and the failed one make a partial cell. */
  set_map (0, w, -1);
  cc_explore_window_set_fixed (explore, d50, -1);
  map = cc_explore_window_get_map (explore);
  g_assert_cmpuint (map->ny, ==, 1);
  g_assert_cmpint (cc_sweep_map_get_cell (map, 0, 0)->state, ==, CC_SWEEP_CELL_PARTIAL);
  g_assert_cmpuint (cc_sweep_map_get_cell (map, 0, 0)->n_ok, ==, 2);
  g_assert_cmpuint (cc_sweep_map_get_cell (map, 0, 0)->n_results, ==, 4);
  g_assert_cmpint (cc_sweep_map_get_cell (map, 1, 0)->state, ==, CC_SWEEP_CELL_INVALID);
}

static gboolean
design_number_at (const CcDesign *d,
                  const char     *path,
                  double         *out)
{
  g_autoptr(JsonNode) root = cc_design_to_json_node (d);
  g_autoptr(CcDesignPath) p = cc_design_path_resolve (path, root, NULL);
  JsonNode *node = p != NULL ? cc_design_path_lookup (p, root) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  *out = json_node_get_double (node);
  return TRUE;
}

static void
test_click_opens_design (void)
{
  g_autoptr(CcSweep) sweep = example ("CAM fraction");
  g_autofree char *path = cam_results ();
  const char *xp = "components[material=nacro2].mass_fraction";
  const char *yp = "components[material=na3ps4-cubic].d50_um";
  const CcSweepMap *map;
  const CcSweepCell *cell;
  CcSweepGrid *grid;
  CcSweepValue values[CC_SWEEP_MAX_AXES];
  g_autoptr(CcDesign) expected = NULL;
  const CcDesign *opened;
  CcWindow *target;
  double px, py, v;
  guint rep;

  open_results (path);
  grid = cc_explore_window_get_grid (explore);
  set_map (0, axis_index (xp), (int) axis_index (yp));
  settle (0.1);
  map = cc_explore_window_get_map (explore);
  cell = cc_sweep_map_get_cell (map, 2, 3);
  /* The centre of cell (2, 3) on screen, as the chart lays it out. */
  g_assert_false (map->x_continuous || map->y_continuous);   /* a labelled column and row per value */
  g_assert_true (cc_explore_window_data_to_view (explore, FALSE, 2, 3, &px, &py));
  target = cc_explore_window_click (explore, FALSE, px, py);
  g_assert_true (target == window);   /* saved or untouched: the design window itself */
  opened = cc_document_get_design (cc_window_get_document (target));
  g_assert_true (design_number_at (opened, xp, &v));
  g_assert_cmpfloat_with_epsilon (v, cc_sweep_grid_axis_number (grid, axis_index (xp), 2), 1e-12);
  g_assert_true (design_number_at (opened, yp, &v));
  g_assert_cmpfloat_with_epsilon (v, cc_sweep_grid_axis_number (grid, axis_index (yp), 3), 1e-12);
  /* Exactly the design the sweep engine builds for that point. */
  cc_sweep_point_decompose (sweep, cell->index, values, &rep);
  expected = cc_sweep_build_design (sweep, values, 0, NULL);
  g_free (expected->name);
  expected->name = g_strdup (opened->name);
  g_assert_true (cc_design_equal (opened, expected));
  g_assert_nonnull (strstr (opened->name, "0.6"));

  /* Unsaved work is never overwritten: the next design opens in a new window. */
  {
    CcDesign *edit = cc_document_dup_design (cc_window_get_document (window));
    CcWindow *other;

    edit->process.pressure_MPa += 1;
    g_assert_true (cc_document_edit (cc_window_get_document (window), edit, NULL));
    other = cc_explore_window_click (explore, FALSE, px, py);
    g_assert_nonnull (other);
    g_assert_true (other != window);
    g_assert_true (cc_document_get_dirty (cc_window_get_document (window)));
    gtk_window_destroy (GTK_WINDOW (other));
    cc_window_set_design (window, cc_design_copy (expected), NULL, FALSE);
  }
}

static void
test_pareto_front (void)
{
  g_autofree char *path = cam_results ();
  const CcSweepPareto *p;
  CcChart *chart;
  guint on_front = 0;

  open_results (path);
  cc_explore_window_set_pareto (explore, 4, 0);   /* energy × active CAM fraction */
  p = cc_explore_window_get_pareto (explore);
  g_assert_nonnull (p);
  g_assert_cmpuint (p->n, ==, 35);   /* 7 × 5 designs, all computed */
  for (guint i = 0; i < p->n; i++)
    {
      gboolean dominated = FALSE;

      for (guint j = 0; j < p->n && !dominated; j++)
        dominated = p->x[j] >= p->x[i] && p->y[j] >= p->y[i] && (p->x[j] > p->x[i] || p->y[j] > p->y[i]);
      g_assert_cmpint (cc_sweep_pareto_on_front (p, i), ==, !dominated);
      on_front += !dominated;
    }
  /* A real trade-off: more than the one best design, fewer than all. */
  g_assert_cmpuint (on_front, >, 1);
  g_assert_cmpuint (on_front, <, p->n);
  chart = cc_explore_window_get_chart (explore, TRUE);
  g_assert_cmpstr (cc_chart_get_kind (chart), ==, "sweep-pareto");
  g_assert_cmpuint (cc_plot_get_n_series (cc_chart_get_plot (chart, 0)), >=, 2);
}

static gsize
file_size (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return (gsize) st.st_size;
}

static void
check_export (const char *target,
              const char *name,
              const char *magic)
{
  g_autofree char *path = g_build_filename (tmpdir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (cc_explore_window_export (explore, target, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (len, >, 100);
  g_assert_true (memmem (data, MIN (len, 200), magic, strlen (magic)) != NULL);
}

static guint
count_lines (const char *path)
{
  g_autofree char *data = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  for (const char *p = data; *p; p++)
    n += *p == '\n';
  return n;
}

static void
test_export_writes_files (void)
{
  g_autofree char *results = cam_results ();
  g_autofree char *csv = g_build_filename (tmpdir, "map.csv", NULL);
  g_autofree char *pcsv = g_build_filename (tmpdir, "pareto.csv", NULL);
  g_autofree char *copy = g_build_filename (tmpdir, "copy.jsonl", NULL);
  g_autofree char *png = g_build_filename (tmpdir, "map.png", NULL);
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GFile) png_file = NULL;
  const CcSweepMap *map;

  open_results (results);
  map = cc_explore_window_get_map (explore);
  check_export ("map-png", "map.png", "PNG");
  check_export ("map-svg", "map.svg", "<svg");
  check_export ("map-pdf", "map.pdf", "%PDF");
  check_export ("map-csv", "map.csv", ",");
  check_export ("pareto-png", "pareto.png", "PNG");
  check_export ("pareto-svg", "pareto.svg", "<svg");
  check_export ("pareto-pdf", "pareto.pdf", "%PDF");
  check_export ("pareto-csv", "pareto.csv", ",");
  check_export ("results", "copy.jsonl", "\"index\":0");
  /* A 6.5 × 4.5 inch figure at 300 dpi. */
  png_file = g_file_new_for_path (png);
  texture = gdk_texture_new_from_file (png_file, NULL);
  g_assert_nonnull (texture);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1950);
  g_assert_cmpint (gdk_texture_get_height (texture), ==, 1350);
  /* One header line and one row per cell; one row per design. */
  g_assert_cmpuint (count_lines (csv), ==, 1 + map->nx * map->ny);
  g_assert_cmpuint (count_lines (pcsv), ==, 1 + cc_explore_window_get_pareto (explore)->n);
  g_assert_cmpuint (file_size (copy), ==, file_size (results));
}

static guint
n_records (void)
{
  CcSweepGrid *grid = cc_explore_window_get_grid (explore);

  return grid != NULL ? cc_sweep_grid_get_n_records (grid) : 0;
}

static gboolean
some_streamed (gpointer data)
{
  return n_records () >= GPOINTER_TO_UINT (data);
}

/* The map (redrawn a few times a second) shows a computed cell. */
static gboolean
map_shows_results (gpointer data)
{
  const CcSweepMap *map = cc_explore_window_get_map (explore);

  for (guint c = 0; map != NULL && c < map->nx * map->ny; c++)
    if (map->cells[c].state == CC_SWEEP_CELL_OK)
      return TRUE;
  return FALSE;
}

static gboolean
not_running (gpointer data)
{
  return !cc_explore_window_is_running (explore);
}

static void
test_run_streams_and_stops (void)
{
  const CcSweepEvaluator *fixture = cc_analytic_test_evaluator (&(CcAnalyticTestOptions) { 100000 });
  CcExploreAround *around = CC_EXPLORE_AROUND (cc_explore_window_get_around (explore));
  g_autoptr(GError) error = NULL;
  const CcSweepMap *map;
  guint computed = 0, pending = 0, stopped_at;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) records = NULL;

  cc_explore_window_set_evaluator (explore, fixture);
  cc_explore_window_select_sweep (explore, cc_explore_window_get_n_sweeps (explore) - 1);
  cc_explore_around_set_range (around, 0, 0.5, 0.8, 4);
  cc_explore_around_set_range (around, 1, 0.5, 8, 4);
  cc_explore_around_set_replicates (around, 2);
  g_assert_cmpuint (cc_sweep_grid_get_n_expected (cc_explore_window_get_grid (explore)), ==, 32);
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (explore)), "Around"));

  /* No file left by an earlier run of this test: start from nothing. */
  path = cc_explore_results_path (cc_sweep_grid_get_sweep (cc_explore_window_get_grid (explore)), fixture->name);
  g_remove (path);
  g_assert_true (cc_explore_window_run (explore, &error));
  g_assert_no_error (error);
  g_assert_true (cc_explore_window_is_running (explore));
  /* Points arrive in the map while the run goes on. */
  g_assert_true (iterate_until (map_shows_results, NULL, 10));
  map = cc_explore_window_get_map (explore);
  for (guint c = 0; c < map->nx * map->ny; c++)
    {
      computed += map->cells[c].state == CC_SWEEP_CELL_OK;
      pending += map->cells[c].state == CC_SWEEP_CELL_PENDING;
    }
  g_test_message ("streaming: %u computed, %u pending cells, %u records", computed, pending, n_records ());
  g_assert_cmpuint (computed, >, 0);
  g_assert_cmpuint (pending, >, 0);
  g_assert_true (iterate_until (some_streamed, GUINT_TO_POINTER (6), 10));
  g_assert_true (strstr (cc_explore_window_get_notice (explore), "test fixture") != NULL);

  cc_explore_window_stop (explore);
  g_assert_true (iterate_until (not_running, NULL, 10));
  stopped_at = n_records ();
  g_assert_cmpuint (stopped_at, <, 32);
  /* The file holds exactly what the map shows, each point once. */
  g_assert_cmpuint (count_lines (path), ==, stopped_at);

  /* Running again resumes and completes the canonical file. */
  cc_analytic_test_evaluator (&(CcAnalyticTestOptions) { 0 });
  g_assert_true (cc_explore_window_run (explore, &error));
  g_assert_true (iterate_until (not_running, NULL, 20));
  g_assert_cmpuint (n_records (), ==, 32);
  records = cc_sweep_read_results (path, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 32);
  for (guint i = 0; i < records->len; i++)
    g_assert_cmpuint (((CcSweepRecord *) g_ptr_array_index (records, i))->index, ==, i);
  map = cc_explore_window_get_map (explore);
  for (guint c = 0; c < map->nx * map->ny; c++)
    g_assert_cmpint (map->cells[c].state, ==, CC_SWEEP_CELL_OK);
}

/* The same window with the build's real model (pipeline-v1: packing,
 * analysis, electrochemistry, stability) on a small design: 2 x 2 points
 * of CAM fraction and catholyte size, each a real simulation, land in the
 * file and the map with
 * physical metrics, and the notice does not call them a test fixture. */
static void
test_run_real_model (void)
{
  const CcSweepEvaluator *model = cc_sweep_evaluator_get_default ();
  CcExploreAround *around = CC_EXPLORE_AROUND (cc_explore_window_get_around (explore));
  g_autoptr(CcDesign) design = cc_design_new_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *path = NULL;
  const CcSweepMap *map;
  guint ok = 0;

  if (model == NULL)
    {
      g_test_skip ("no model evaluator in this build");
      return;
    }
  design->simulation.particles = 1500;
  design->protocol.cycles = 20;
  cc_explore_window_set_evaluator (explore, model);
  cc_explore_around_set_design (around, design);
  cc_explore_window_select_sweep (explore, cc_explore_window_get_n_sweeps (explore) - 1);
  cc_explore_around_set_range (around, 0, 0.6, 0.7, 2);
  cc_explore_around_set_range (around, 1, 1.5, 2.5, 2);
  cc_explore_around_set_replicates (around, 1);
  g_assert_cmpuint (cc_sweep_grid_get_n_expected (cc_explore_window_get_grid (explore)), ==, 4);
  path = cc_explore_results_path (cc_sweep_grid_get_sweep (cc_explore_window_get_grid (explore)), model->name);
  g_remove (path);
  g_assert_true (cc_explore_window_run (explore, &error));
  g_assert_no_error (error);
  g_assert_true (iterate_until (not_running, NULL, 180));
  g_assert_null (strstr (cc_explore_window_get_notice (explore), "test fixture"));
  records = cc_sweep_read_results (path, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 4);
  for (guint i = 0; i < records->len; i++)
    {
      const CcSweepRecord *r = g_ptr_array_index (records, i);

      g_assert_cmpstr (r->evaluator, ==, model->name);
      g_assert_cmpint (r->status, ==, CC_SWEEP_STATUS_OK);
      /* NaCrO2 in a window of 1.6-3.0 V vs Na-Sn: some but not all of its
       * 250 mAh/g; a percolating composite */
      g_assert_cmpfloat (r->metrics.initial_capacity_mAh_g, >, 20);
      g_assert_cmpfloat (r->metrics.initial_capacity_mAh_g, <, 250);
      g_assert_cmpfloat (r->metrics.active_cam_fraction, >, 0.5);
      g_assert_cmpfloat (r->metrics.sigma_ion_eff_S_per_cm, >, 0);
    }
  map = cc_explore_window_get_map (explore);
  for (guint c = 0; c < map->nx * map->ny; c++)
    ok += map->cells[c].state == CC_SWEEP_CELL_OK;
  g_assert_cmpuint (ok, ==, 4);
  g_remove (path);
}

static void
test_screenshot (void)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (explore));
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *results = cam_results ();
  g_autofree char *path = g_build_filename (g_getenv ("CC_BUILD_ROOT") ? g_getenv ("CC_BUILD_ROOT")
                                            : g_test_get_dir (G_TEST_BUILT), "explore-screenshot.png", NULL);
  int w, h;

  open_results (results);
  settle (0.3);
  w = gtk_widget_get_width (GTK_WIDGET (explore));
  h = gtk_widget_get_height (GTK_WIDGET (explore));
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (explore)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

/* ---- set-up ------------------------------------------------------------------- */


static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
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
  tmpdir = g_dir_make_tmp ("cc-explore-XXXXXX", &error);
  g_assert_no_error (error);
  /* Only this test program knows the fixture; the app never registers it. */
  cc_sweep_evaluator_register (cc_analytic_test_evaluator (NULL));

  app = gui_test_application_new ();
  window = cc_application_new_window (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (iterate_until (is_mapped, window, 10));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (window), "explore"));
  g_action_group_activate_action (G_ACTION_GROUP (window), "explore", NULL);
  explore = cc_explore_window_show_for (window);
  g_assert_true (iterate_until (is_mapped, explore, 10));
  /* The same window comes back for the same design window. */
  g_assert_true (cc_explore_window_show_for (window) == explore);
  settle (0.2);

  g_test_add_func ("/explore/run/no-evaluator", test_no_evaluator);
  g_test_add_func ("/explore/results/map-matches-file", test_map_matches_file);
  g_test_add_func ("/explore/results/map-averages-axis", test_map_averages_axis);
  g_test_add_func ("/explore/results/invalid-and-failed", test_invalid_and_failed);
  g_test_add_func ("/explore/click/opens-design", test_click_opens_design);
  g_test_add_func ("/explore/pareto/front-is-undominated", test_pareto_front);
  g_test_add_func ("/explore/export/writes-files", test_export_writes_files);
  g_test_add_func ("/explore/run/streams-and-stops", test_run_streams_and_stops);
  g_test_add_func ("/explore/run/real-model", test_run_real_model);
  g_test_add_func ("/explore/window/screenshot", test_screenshot);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (explore));
  gui_test_finish (app, GTK_WINDOW (window));
  remove_tree (tmpdir);
  g_free (tmpdir);
  return status;
}
