/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "sweep-pareto": two metrics per design (replicate means, ± sd whiskers),
 * the designs no other design beats in both (cc_pareto_front, larger is
 * better for every sweep metric) joined and labelled with their axis
 * values. Dominated designs stay visible in grey: how far they sit from the
 * front is part of the answer.
 */
#include "cc-chart-sweep-private.h"
#include "cc-chart-table.h"
#include "cc-sweep-pareto.h"

#include <math.h>

#define FRONT_COLOUR 1      /* vermillion */
#define OTHER_COLOUR 6      /* black (white on dark) */

/* Means that agree to 12 significant digits are ties: a metric the swept
 * fields do not touch must not make a staircase out of rounding noise. */
static double
tidy (double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_ascii_strtod (g_ascii_formatd (buf, sizeof buf, "%.12g", v), NULL);
}

static GArray *
front_of (const CcSweepPareto *p)
{
  g_autofree double *x = g_new (double, MAX (p->n, 1));
  g_autofree double *y = g_new (double, MAX (p->n, 1));

  for (guint i = 0; i < p->n; i++)
    {
      x[i] = tidy (p->x[i]);
      y[i] = tidy (p->y[i]);
    }
  return cc_pareto_front (p->n, x, y, TRUE, TRUE);
}

CcSweepPareto *
cc_sweep_grid_pareto (CcSweepGrid  *self,
                      guint         mx,
                      guint         my,
                      GError      **error)
{
  g_autoptr(GPtrArray) designs = NULL;
  CcSweepPareto *p;
  guint coords[CC_SWEEP_MAX_AXES];

  g_return_val_if_fail (self != NULL, NULL);
  if (mx >= CC_SWEEP_N_METRICS || my >= CC_SWEEP_N_METRICS || mx == my)
    {
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID,
                   "A Pareto front needs two different numeric metrics (got %u and %u)", mx, my);
      return NULL;
    }
  designs = cc_sweep_summarize (self->records);
  p = g_new0 (CcSweepPareto, 1);
  p->mx = mx;
  p->my = my;
  p->x_title = cc_sweep_metric_axis_title (mx, self->cycles);
  p->y_title = cc_sweep_metric_axis_title (my, self->cycles);
  p->x = g_new (double, MAX (designs->len, 1));
  p->y = g_new (double, MAX (designs->len, 1));
  p->sx = g_new (double, MAX (designs->len, 1));
  p->sy = g_new (double, MAX (designs->len, 1));
  p->index = g_new (guint64, MAX (designs->len, 1));
  p->labels = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < designs->len; i++)
    {
      const CcSweepDesignSummary *d = g_ptr_array_index (designs, i);

      if (d->n_ok == 0 || !isfinite (d->mean[mx]) || !isfinite (d->mean[my]))
        continue;
      p->x[p->n] = d->mean[mx];
      p->y[p->n] = d->mean[my];
      p->sx[p->n] = d->sd[mx];
      p->sy[p->n] = d->sd[my];
      p->index[p->n] = d->first_index;
      g_ptr_array_add (p->labels, cc_sweep_grid_values_coords (self, d->values, coords)
                                  ? cc_sweep_grid_short_label (self, coords) : g_strdup (""));
      p->n++;
    }
  p->x_log = cc_sweep_metric_is_log (mx);
  p->y_log = cc_sweep_metric_is_log (my);
  for (guint i = 0; i < p->n; i++)
    {
      p->x_log = p->x_log && p->x[i] > 0;
      p->y_log = p->y_log && p->y[i] > 0;
    }
  p->front = front_of (p);
  return p;
}

void
cc_sweep_pareto_free (CcSweepPareto *p)
{
  if (p == NULL)
    return;
  g_free (p->x_title);
  g_free (p->y_title);
  g_free (p->x);
  g_free (p->y);
  g_free (p->sx);
  g_free (p->sy);
  g_free (p->index);
  g_clear_pointer (&p->labels, g_ptr_array_unref);
  g_clear_pointer (&p->front, g_array_unref);
  g_free (p);
}

gboolean
cc_sweep_pareto_on_front (const CcSweepPareto *p,
                          guint                i)
{
  g_return_val_if_fail (p != NULL, FALSE);
  for (guint k = 0; k < p->front->len; k++)
    if (g_array_index (p->front, guint, k) == i)
      return TRUE;
  return FALSE;
}

int
cc_sweep_pareto_find (const CcSweepPareto *p,
                      double               x,
                      double               y)
{
  g_return_val_if_fail (p != NULL, -1);
  for (guint i = 0; i < p->n; i++)
    if (p->x[i] == x && p->y[i] == y)
      return (int) i;
  return -1;
}

/* Whiskers of every design in one series, broken by NaN points. */
static void
add_whiskers (CcPlot              *plot,
              const CcSweepPareto *p,
              gboolean             along_x)
{
  g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ys = g_array_new (FALSE, FALSE, sizeof (double));
  const double gap = NAN;
  CcSeries *s;

  for (guint i = 0; i < p->n; i++)
    {
      double e = along_x ? p->sx[i] : p->sy[i];
      double v = along_x ? p->x[i] : p->y[i];
      double a[2], b[2];

      /* The sum-of-squares sd of identical replicates is rounding noise. */
      if (!(e > 1e-9 * fabs (v)))
        continue;
      a[0] = along_x ? p->x[i] - e : p->x[i];
      a[1] = along_x ? p->y[i] : p->y[i] - e;
      b[0] = along_x ? p->x[i] + e : p->x[i];
      b[1] = along_x ? p->y[i] : p->y[i] + e;
      /* On a log axis a whisker reaching zero or below stops at the point. */
      if (along_x ? p->x_log && a[0] <= 0 : p->y_log && a[1] <= 0)
        {
          a[0] = p->x[i];
          a[1] = p->y[i];
        }
      g_array_append_val (xs, a[0]);
      g_array_append_val (ys, a[1]);
      g_array_append_val (xs, b[0]);
      g_array_append_val (ys, b[1]);
      g_array_append_val (xs, gap);
      g_array_append_val (ys, gap);
    }
  if (xs->len == 0)
    return;
  s = cc_plot_add_series (plot, NULL, (double *) xs->data, (double *) ys->data, xs->len);
  cc_series_set_mode (s, CC_SERIES_LINES);
  cc_series_set_style (s, OTHER_COLOUR, 0, -1);
  cc_series_set_line_scale (s, 0.5);
  cc_series_set_in_legend (s, FALSE);
}

static void
add_points (CcPlot              *plot,
            const CcSweepPareto *p)
{
  g_autoptr(GArray) ox = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) oy = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree double *fx = g_new (double, MAX (p->front->len, 1));
  g_autofree double *fy = g_new (double, MAX (p->front->len, 1));
  CcSeries *s;

  for (guint i = 0; i < p->n; i++)
    if (!cc_sweep_pareto_on_front (p, i))
      {
        g_array_append_val (ox, p->x[i]);
        g_array_append_val (oy, p->y[i]);
      }
  if (ox->len > 0)
    {
      s = cc_plot_add_series (plot, "dominated designs", (double *) ox->data, (double *) oy->data, ox->len);
      cc_series_set_mode (s, CC_SERIES_MARKERS);
      cc_series_set_style (s, OTHER_COLOUR, 0, CC_MARKER_CIRCLE);
      cc_series_set_marker_filled (s, FALSE);
    }
  for (guint k = 0; k < p->front->len; k++)
    {
      fx[k] = p->x[g_array_index (p->front, guint, k)];
      fy[k] = p->y[g_array_index (p->front, guint, k)];
    }
  s = cc_plot_add_series (plot, "Pareto front", fx, fy, p->front->len);
  cc_series_set_mode (s, CC_SERIES_LINES_MARKERS);
  cc_series_set_style (s, FRONT_COLOUR, 0, CC_MARKER_CIRCLE);
  cc_series_set_marker_filled (s, TRUE);
  for (guint k = 0; k < p->front->len; k++)
    {
      guint i = g_array_index (p->front, guint, k);

      cc_plot_add_text_if_room (plot, p->x[i], p->y[i], g_ptr_array_index (p->labels, i), CC_ANCHOR_SW, 5, -4,
                                cc_paint_role (CC_PAINT_FOREGROUND));
    }
}

/* Designs that all score the same (a metric the swept fields do not
 * touch) would otherwise stretch rounding noise over the whole axis. */
static void
guard_flat_axis (CcPlot       *plot,
                 CcAxisId      axis,
                 const double *v,
                 guint         n,
                 gboolean      log_scale)
{
  double lo = INFINITY, hi = -INFINITY, mid;

  for (guint i = 0; i < n; i++)
    {
      lo = MIN (lo, v[i]);
      hi = MAX (hi, v[i]);
    }
  if (hi - lo > 1e-6 * MAX (fabs (lo), fabs (hi)))
    return;
  mid = (lo + hi) / 2;
  if (log_scale)
    cc_plot_set_axis_range (plot, axis, mid / 1.2, mid * 1.2);
  else if (mid != 0)
    cc_plot_set_axis_range (plot, axis, mid - 0.1 * fabs (mid), mid + 0.1 * fabs (mid));
  else
    cc_plot_set_axis_range (plot, axis, -1, 1);
}

static CcTable *
pareto_table (const CcSweepPareto *p)
{
  g_autofree char *x = cc_markup_to_text (p->x_title);
  g_autofree char *y = cc_markup_to_text (p->y_title);
  g_autofree char *sx = g_strdup_printf ("%s, replicate sd", x);
  g_autofree char *sy = g_strdup_printf ("%s, replicate sd", y);
  const char *columns[] = { "first point", "design", x, sx, y, sy, "on front", NULL };
  CcTable *t = cc_table_new (columns);

  for (guint i = 0; i < p->n; i++)
    {
      guint row = cc_table_add_row (t);

      cc_table_set_double (t, row, 0, (double) p->index[i]);
      cc_table_set_text (t, row, 1, g_ptr_array_index (p->labels, i));
      cc_table_set_double (t, row, 2, p->x[i]);
      cc_table_set_double (t, row, 3, p->sx[i]);
      cc_table_set_double (t, row, 4, p->y[i]);
      cc_table_set_double (t, row, 5, p->sy[i]);
      cc_table_set_text (t, row, 6, cc_sweep_pareto_on_front (p, i) ? "yes" : "no");
    }
  return t;
}

CcChart *
cc_chart_sweep_pareto_new (const CcSweepPareto *p,
                           GError             **error)
{
  CcChart *chart;
  CcPlot *plot;

  if (p == NULL || p->n == 0)
    {
      g_set_error (error, CC_CHART_ERROR, CC_CHART_ERROR_DATA,
                   "Chart “sweep-pareto”: no design has both metrics computed");
      return NULL;
    }
  chart = cc_chart_new ("sweep-pareto", NULL);
  plot = cc_chart_add_plot (chart);
  cc_plot_set_axis (plot, CC_AXIS_X, p->x_log ? CC_SCALE_LOG : CC_SCALE_LINEAR, p->x_title);
  cc_plot_set_axis (plot, CC_AXIS_Y, p->y_log ? CC_SCALE_LOG : CC_SCALE_LINEAR, p->y_title);
  guard_flat_axis (plot, CC_AXIS_X, p->x, p->n, p->x_log);
  guard_flat_axis (plot, CC_AXIS_Y, p->y, p->n, p->y_log);
  add_whiskers (plot, p, TRUE);
  add_whiskers (plot, p, FALSE);
  add_points (plot, p);
  cc_chart_set_table (chart, pareto_table (p));
  return chart;
}
