/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "sweep-map": the design-space map. Up to CC_SWEEP_MAP_MAX_LABELLED values
 * an axis has one labelled column (row) per value, so a cell reads off its
 * exact value rather than an interpolated tick; longer numeric axes are
 * numeric chart axes (log where the sweep is log-spaced), each cell
 * spanning halfway to its neighbours. A continuous
 * metric is coloured on viridis with a colour bar; the value and the
 * replicate ± sd are printed in the cell where they fit (the readout and
 * the CSV always have them). The categorical metric (limiting mechanism)
 * takes one palette colour per mechanism, listed in the legend. States other
 * than "computed" never borrow a data colour: pending cells are a faint
 * tint, invalid designs are hatched grey, failed evaluations hatched in the
 * warning colour, and a cell where only some replicates were computed
 * carries a small triangle in its corner.
 */
#include "cc-chart-sweep-private.h"
#include "cc-chart-kinds.h"
#include "cc-chart-table.h"
#include "cc-ticks.h"

#include <math.h>

/* Palette order for categories: black (6) would read as a hole, so last. */
static const guint category_colours[] = { 0, 1, 2, 3, 4, 5, 7, 6 };

typedef struct {
  gboolean pending, invalid, failed, partial, no_value;
} Seen;

static double
cell_pos (gboolean      numeric,
          gboolean      log_scale,
          const double *edges,
          guint         k,
          double        f)
{
  if (!numeric)
    return k - 0.5 + f;
  if (log_scale)
    return exp (log (edges[k]) + f * (log (edges[k + 1]) - log (edges[k])));
  return edges[k] + f * (edges[k + 1] - edges[k]);
}

static int
mechanism_colour (const CcSweepMap *map,
                  const char       *id)
{
  for (guint i = 0; i < map->mechanisms->len; i++)
    if (g_strcmp0 (g_ptr_array_index (map->mechanisms, i), id) == 0)
      return (int) category_colours[i % G_N_ELEMENTS (category_colours)];
  return -1;
}

static char *
value_text (const CcSweepCell *cell)
{
  g_autofree char *mean = cc_format_number_markup (cell->mean, 3);
  g_autofree char *sd = NULL;

  if (!isfinite (cell->sd))
    return g_steal_pointer (&mean);
  sd = cc_format_number_markup (cell->sd, 2);
  return g_strdup_printf ("%s\n<span size=\"smaller\">± %s</span>", mean, sd);
}

static void
add_state_cell (CcPlot            *plot,
                const CcSweepCell *cell,
                double             x0,
                double             x1,
                double             y0,
                double             y1,
                Seen              *seen)
{
  CcRect *rect;

  switch (cell->state)
    {
    case CC_SWEEP_CELL_PENDING:
      rect = cc_plot_add_rect (plot, x0, x1, y0, y1, cc_paint_role (CC_PAINT_MUTED));
      cc_rect_set_style (rect, CC_FILL_SOLID, 0.12);
      seen->pending = TRUE;
      break;
    case CC_SWEEP_CELL_INVALID:
      rect = cc_plot_add_rect (plot, x0, x1, y0, y1, cc_paint_role (CC_PAINT_MUTED));
      cc_rect_set_style (rect, CC_FILL_HATCH, 0.7);
      seen->invalid = TRUE;
      break;
    case CC_SWEEP_CELL_FAILED:
      rect = cc_plot_add_rect (plot, x0, x1, y0, y1, cc_paint_role (CC_PAINT_WARNING));
      cc_rect_set_style (rect, CC_FILL_HATCH, 0.8);
      seen->failed = TRUE;
      break;
    default:
      /* Computed, but the evaluator gives no number for this metric. */
      rect = cc_plot_add_rect (plot, x0, x1, y0, y1, cc_paint_role (CC_PAINT_MUTED));
      cc_rect_set_style (rect, CC_FILL_HATCH, 0.35);
      seen->no_value = TRUE;
      break;
    }
  cc_rect_set_is_data (rect, TRUE);
}

static void
add_cell (CcPlot           *plot,
          const CcSweepMap *map,
          guint             ix,
          guint             iy,
          GArray           *partial_x,
          GArray           *partial_y,
          Seen             *seen)
{
  const CcSweepCell *cell = cc_sweep_map_get_cell (map, ix, iy);
  double x0 = cell_pos (map->x_continuous, map->x_log, map->x_edges, ix, 0);
  double x1 = cell_pos (map->x_continuous, map->x_log, map->x_edges, ix, 1);
  double y0 = cell_pos (map->y_continuous, map->y_log, map->y_edges, iy, 0);
  double y1 = cell_pos (map->y_continuous, map->y_log, map->y_edges, iy, 1);
  double cx = cell_pos (map->x_continuous, map->x_log, map->x_edges, ix, 0.5);
  double cy = cell_pos (map->y_continuous, map->y_log, map->y_edges, iy, 0.5);
  gboolean computed = cell->state == CC_SWEEP_CELL_OK || cell->state == CC_SWEEP_CELL_PARTIAL;
  int colour = map->categorical && computed ? mechanism_colour (map, cell->mechanism) : -1;

  if (map->categorical && colour >= 0)
    cc_rect_set_is_data (cc_plot_add_rect (plot, x0, x1, y0, y1, cc_paint_series (colour)), TRUE);
  else if (!map->categorical && computed && isfinite (cell->mean))
    {
      double t = cc_plot_colorbar_fraction (plot, cell->mean);
      g_autofree char *text = value_text (cell);

      cc_rect_set_is_data (cc_plot_add_rect (plot, x0, x1, y0, y1, cc_paint_sequential (t)), TRUE);
      /* Cells of a long numeric axis are too narrow for numbers. */
      if (!map->x_continuous && !map->y_continuous)
        cc_plot_add_text_if_room (plot, cx, cy, text, CC_ANCHOR_CENTER, 0, 0, cc_paint_on_sequential (t));
    }
  else if (cell->state == CC_SWEEP_CELL_PENDING)
    /* Inset, so the grid of points still to come shows cell by cell. */
    add_state_cell (plot, cell, cell_pos (map->x_continuous, map->x_log, map->x_edges, ix, 0.03),
                    cell_pos (map->x_continuous, map->x_log, map->x_edges, ix, 0.97),
                    cell_pos (map->y_continuous, map->y_log, map->y_edges, iy, 0.03),
                    cell_pos (map->y_continuous, map->y_log, map->y_edges, iy, 0.97), seen);
  else
    add_state_cell (plot, cell, x0, x1, y0, y1, seen);

  if (cell->state == CC_SWEEP_CELL_PARTIAL)
    {
      double px = cell_pos (map->x_continuous, map->x_log, map->x_edges, ix, 0.86);
      double py = cell_pos (map->y_continuous, map->y_log, map->y_edges, iy, 0.82);

      g_array_append_val (partial_x, px);
      g_array_append_val (partial_y, py);
      seen->partial = TRUE;
    }
}

static void
setup_axis (CcPlot       *plot,
            CcAxisId      id,
            gboolean      numeric,
            gboolean      log,
            const double *edges,
            guint         n,
            GPtrArray    *labels,
            const char   *title)
{
  if (numeric)
    {
      cc_plot_set_axis (plot, id, log ? CC_SCALE_LOG : CC_SCALE_LINEAR, title);
      cc_plot_set_axis_range (plot, id, edges[0], edges[n]);
      return;
    }
  cc_plot_set_axis_categories (plot, id, (const char * const *) labels->pdata, labels->len);
  cc_plot_set_axis (plot, id, CC_SCALE_CATEGORY, title);
}

static void
add_legend (CcPlot           *plot,
            const CcSweepMap *map,
            const Seen       *seen)
{
  for (guint i = 0; map->categorical && i < map->mechanisms->len; i++)
    {
      g_autofree char *label = cc_sweep_mechanism_label (g_ptr_array_index (map->mechanisms, i));
      g_autofree char *escaped = g_markup_escape_text (label, -1);

      int colour = mechanism_colour (map, g_ptr_array_index (map->mechanisms, i));

      cc_plot_add_legend_patch (plot, escaped, cc_paint_series (colour), CC_FILL_SOLID, 1.0);
    }
  if (seen->pending)
    cc_plot_add_legend_patch (plot, "not computed yet", cc_paint_role (CC_PAINT_MUTED), CC_FILL_SOLID, 0.10);
  if (seen->no_value)
    cc_plot_add_legend_patch (plot, "metric not given by the evaluator", cc_paint_role (CC_PAINT_MUTED),
                              CC_FILL_HATCH, 0.35);
  if (seen->invalid)
    cc_plot_add_legend_patch (plot, "invalid design", cc_paint_role (CC_PAINT_MUTED), CC_FILL_HATCH, 0.7);
  if (seen->failed)
    cc_plot_add_legend_patch (plot, "evaluation failed", cc_paint_role (CC_PAINT_WARNING), CC_FILL_HATCH, 0.8);
}

static const char *
state_name (CcSweepCellState state)
{
  static const char * const names[] = { "pending", "ok", "partial", "invalid", "failed" };

  return names[state];
}

static CcTable *
map_table (const CcSweepMap *map)
{
  g_autofree char *x = cc_markup_to_text (map->x_title);
  g_autofree char *y = cc_markup_to_text (map->y_title);
  g_autofree char *m = cc_markup_to_text (map->metric_title);
  g_autofree char *sd = g_strdup_printf ("%s, replicate sd", m);
  g_autofree char *lo = g_strdup_printf ("%s, lowest design", m);
  g_autofree char *hi = g_strdup_printf ("%s, highest design", m);
  const char *columns[] = { x, y, m, sd, lo, hi, "designs", "results", "computed", "expected", "state",
                            "limiting mechanism", "error", "first point", NULL };
  CcTable *t = cc_table_new (columns);

  for (guint iy = 0; iy < map->ny; iy++)
    for (guint ix = 0; ix < map->nx; ix++)
      {
        const CcSweepCell *c = cc_sweep_map_get_cell (map, ix, iy);
        guint row = cc_table_add_row (t);

        cc_table_set_text (t, row, 0, g_ptr_array_index (map->x_labels, ix));
        cc_table_set_text (t, row, 1, g_ptr_array_index (map->y_labels, iy));
        if (map->categorical)
          cc_table_set_text (t, row, 2, c->mechanism);
        else
          cc_table_set_double (t, row, 2, c->mean);
        cc_table_set_double (t, row, 3, map->categorical ? NAN : c->sd);
        cc_table_set_double (t, row, 4, map->categorical ? NAN : c->lo);
        cc_table_set_double (t, row, 5, map->categorical ? NAN : c->hi);
        cc_table_set_double (t, row, 6, c->n_designs);
        cc_table_set_double (t, row, 7, c->n_results);
        cc_table_set_double (t, row, 8, c->n_ok);
        cc_table_set_double (t, row, 9, c->n_expected > 0 ? c->n_expected : NAN);
        cc_table_set_text (t, row, 10, state_name (c->state));
        cc_table_set_text (t, row, 11, map->categorical ? NULL : c->mechanism);
        if (c->error != NULL)
          {
            g_autofree char *escaped = g_markup_escape_text (c->error, -1);

            cc_table_set_text (t, row, 12, escaped);
          }
        cc_table_set_double (t, row, 13, c->index != G_MAXUINT64 ? (double) c->index : NAN);
      }
  return t;
}

CcChart *
cc_chart_sweep_map_new (const CcSweepMap *map,
                        GError          **error)
{
  g_autoptr(GArray) px = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) py = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *title = NULL;
  Seen seen = { FALSE };
  CcChart *chart;
  CcPlot *plot;

  if (map == NULL || map->nx == 0 || map->ny == 0)
    {
      g_set_error (error, CC_CHART_ERROR, CC_CHART_ERROR_DATA, "Chart “sweep-map”: the map has no cells");
      return NULL;
    }
  title = cc_sweep_metric_title (map->metric, 0);
  chart = cc_chart_new ("sweep-map", NULL);
  plot = cc_chart_add_plot (chart);
  setup_axis (plot, CC_AXIS_X, map->x_continuous, map->x_log, map->x_edges, map->nx, map->x_ticks, map->x_title);
  setup_axis (plot, CC_AXIS_Y, map->y_continuous, map->y_log, map->y_edges, map->ny, map->y_ticks, map->y_title);
  cc_plot_set_grid (plot, FALSE);
  cc_plot_set_legend (plot, CC_LEGEND_BELOW);
  if (map->note != NULL)
    cc_plot_set_title (plot, map->note);
  if (!map->categorical && isfinite (map->color_lo))
    cc_plot_set_colorbar (plot, map->color_log ? CC_SCALE_LOG : CC_SCALE_LINEAR, map->color_lo, map->color_hi,
                          map->metric_title);

  for (guint iy = 0; iy < map->ny; iy++)
    for (guint ix = 0; ix < map->nx; ix++)
      add_cell (plot, map, ix, iy, px, py, &seen);
  add_legend (plot, map, &seen);
  if (px->len > 0)
    {
      CcSeries *s = cc_plot_add_series (plot, "some replicates invalid or failed", (double *) px->data,
                                        (double *) py->data, px->len);

      cc_series_set_mode (s, CC_SERIES_MARKERS);
      cc_series_set_style (s, 1, -1, CC_MARKER_TRIANGLE_DOWN);
      cc_series_set_marker_filled (s, TRUE);
    }
  cc_chart_set_table (chart, map_table (map));
  return chart;
}

/* ---- readout ------------------------------------------------------------------- */

static void
append_results (GString           *s,
                const CcSweepMap  *map,
                const CcSweepCell *c)
{
  if (c->n_designs > 1 && (map->categorical || !isfinite (c->mean)))
    g_string_append_printf (s, "\n%u designs", c->n_designs);
  if (c->n_expected > c->n_results)
    g_string_append_printf (s, "\n%u of %u results in", c->n_results, c->n_expected);
  else if (c->n_results > 1)
    g_string_append_printf (s, "\n%u results", c->n_results);
  if (c->n_ok < c->n_results)
    {
      g_autofree char *why = c->error != NULL ? g_markup_escape_text (c->error, -1) : g_strdup ("no reason given");

      g_string_append_printf (s, "\n%u not computed: %s", c->n_results - c->n_ok, why);
    }
}

char *
cc_sweep_map_describe_cell (const CcSweepMap *map,
                            guint             ix,
                            guint             iy)
{
  const CcSweepCell *c;
  GString *s;

  g_return_val_if_fail (map != NULL && ix < map->nx && iy < map->ny, NULL);
  c = cc_sweep_map_get_cell (map, ix, iy);
  s = g_string_new (NULL);
  g_string_append_printf (s, "<b>%s", (char *) g_ptr_array_index (map->x_labels, ix));
  if (*(char *) g_ptr_array_index (map->y_labels, iy) != '\0')
    g_string_append_printf (s, ", %s", (char *) g_ptr_array_index (map->y_labels, iy));
  g_string_append (s, "</b>");
  if (c->state == CC_SWEEP_CELL_PENDING)
    {
      g_string_append (s, "\nnot computed yet");
      return g_string_free (s, FALSE);
    }
  if (map->categorical && c->mechanism != NULL)
    {
      g_autofree char *label = cc_sweep_mechanism_label (c->mechanism);
      g_autofree char *escaped = g_markup_escape_text (label, -1);

      g_string_append_printf (s, "\nlimited by %s", escaped);
    }
  else if (isfinite (c->mean))
    {
      g_autofree char *mean = cc_format_number_markup (c->mean, 4);

      g_string_append_printf (s, "\n%s = %s", map->metric_title, mean);
      if (isfinite (c->sd))
        {
          g_autofree char *sd = cc_format_number_markup (c->sd, 2);

          g_string_append_printf (s, " ± %s (replicate sd)", sd);
        }
      if (c->n_designs > 1)
        {
          g_autofree char *lo = cc_format_number_markup (c->lo, 3), *hi = cc_format_number_markup (c->hi, 3);

          g_string_append_printf (s, "\nmean of %u designs, which range %s – %s", c->n_designs, lo, hi);
        }
    }
  else if (c->n_ok > 0)
    g_string_append (s, "\nthe evaluator gives no value for this metric");
  append_results (s, map, c);
  return g_string_free (s, FALSE);
}
