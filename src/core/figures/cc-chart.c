/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart model: construction and ownership. Layout and drawing live in
 * cc-chart-layout.c and cc-chart-render.c.
 */
#include "cc-chart-private.h"

#include <math.h>

G_DEFINE_QUARK (cc-chart-error-quark, cc_chart_error)
G_DEFINE_BOXED_TYPE (CcChart, cc_chart, cc_chart_ref, cc_chart_unref)

static void
axis_init (CcAxis *axis)
{
  axis->scale = CC_SCALE_LINEAR;
  axis->min = NAN;
  axis->max = NAN;
}

static void
axis_clear (CcAxis *axis)
{
  g_free (axis->title);
  if (axis->categories != NULL)
    g_ptr_array_unref (axis->categories);
}

static void
series_free (gpointer data)
{
  CcSeries *s = data;

  g_free (s->label);
  g_free (s->x);
  g_free (s->y);
  g_free (s);
}

static void
rect_free (gpointer data)
{
  CcRect *r = data;

  g_free (r->legend);
  g_free (r);
}

static void
line_free (gpointer data)
{
  CcRefLine *l = data;

  g_free (l->label);
  g_free (l);
}

static void
text_free (gpointer data)
{
  CcText *t = data;

  g_free (t->markup);
  g_free (t);
}

static void
plot_free (gpointer data)
{
  CcPlot *p = data;

  g_free (p->title);
  for (guint i = 0; i < CC_N_AXES; i++)
    axis_clear (&p->axes[i]);
  g_ptr_array_unref (p->series);
  g_ptr_array_unref (p->rects);
  g_ptr_array_unref (p->lines);
  g_ptr_array_unref (p->texts);
  cc_colorbar_free (p->colorbar);
  g_free (p);
}

CcChart *
cc_chart_new (const char *kind,
              const char *title_markup)
{
  CcChart *c;

  g_return_val_if_fail (kind != NULL, NULL);

  c = g_new0 (CcChart, 1);
  g_atomic_ref_count_init (&c->ref_count);
  c->kind = g_strdup (kind);
  c->title = g_strdup (title_markup);
  c->rows = 1;
  c->cols = 1;
  c->plots = g_ptr_array_new_with_free_func (plot_free);
  return c;
}

CcChart *
cc_chart_ref (CcChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  g_atomic_ref_count_inc (&chart->ref_count);
  return chart;
}

void
cc_chart_unref (CcChart *chart)
{
  if (chart == NULL || !g_atomic_ref_count_dec (&chart->ref_count))
    return;
  g_free (chart->kind);
  g_free (chart->title);
  g_ptr_array_unref (chart->plots);
  cc_table_free (chart->table);
  cc_chart_layout_free (chart->layout);
  g_free (chart);
}

const char *
cc_chart_get_kind (const CcChart *chart)
{
  return chart->kind;
}

const char *
cc_chart_get_title (const CcChart *chart)
{
  return chart->title;
}

void
cc_chart_set_title (CcChart    *chart,
                    const char *title_markup)
{
  g_free (chart->title);
  chart->title = g_strdup (title_markup);
}

void
cc_chart_set_grid (CcChart *chart,
                   guint    rows,
                   guint    cols)
{
  g_return_if_fail (rows >= 1 && cols >= 1);
  chart->rows = rows;
  chart->cols = cols;
}

CcPlot *
cc_chart_add_plot (CcChart *chart)
{
  CcPlot *p = g_new0 (CcPlot, 1);

  p->chart = chart;
  for (guint i = 0; i < CC_N_AXES; i++)
    axis_init (&p->axes[i]);
  p->axes[CC_AXIS_X].defined = TRUE;
  p->axes[CC_AXIS_Y].defined = TRUE;
  p->series = g_ptr_array_new_with_free_func (series_free);
  p->rects = g_ptr_array_new_with_free_func (rect_free);
  p->lines = g_ptr_array_new_with_free_func (line_free);
  p->texts = g_ptr_array_new_with_free_func (text_free);
  p->grid = TRUE;
  p->legend = CC_LEGEND_AUTO;
  g_ptr_array_add (chart->plots, p);
  while (chart->rows * chart->cols < chart->plots->len)
    chart->rows++;
  return p;
}

guint
cc_chart_get_n_plots (const CcChart *chart)
{
  return chart->plots->len;
}

CcPlot *
cc_chart_get_plot (const CcChart *chart,
                   guint          index)
{
  g_return_val_if_fail (index < chart->plots->len, NULL);
  return g_ptr_array_index (chart->plots, index);
}

void
cc_chart_set_table (CcChart *chart,
                    CcTable *table)
{
  cc_table_free (chart->table);
  chart->table = table;
}

const CcTable *
cc_chart_get_table (const CcChart *chart)
{
  return chart->table;
}

/* Panels. */

void
cc_plot_set_title (CcPlot     *plot,
                   const char *title_markup)
{
  g_free (plot->title);
  plot->title = g_strdup (title_markup);
}

void
cc_plot_set_axis (CcPlot     *plot,
                  CcAxisId    axis,
                  CcScale     scale,
                  const char *title_markup)
{
  g_return_if_fail (axis < CC_N_AXES);
  plot->axes[axis].scale = scale;
  plot->axes[axis].defined = TRUE;
  g_free (plot->axes[axis].title);
  plot->axes[axis].title = g_strdup (title_markup);
}

void
cc_plot_set_axis_range (CcPlot   *plot,
                        CcAxisId  axis,
                        double    min,
                        double    max)
{
  g_return_if_fail (axis < CC_N_AXES);
  plot->axes[axis].min = min;
  plot->axes[axis].max = max;
}

void
cc_plot_set_axis_include_zero (CcPlot   *plot,
                               CcAxisId  axis,
                               gboolean  include_zero)
{
  g_return_if_fail (axis < CC_N_AXES);
  plot->axes[axis].include_zero = include_zero;
}

void
cc_plot_set_axis_categories (CcPlot             *plot,
                             CcAxisId            axis,
                             const char * const *labels,
                             guint               n)
{
  CcAxis *a;

  g_return_if_fail (axis < CC_N_AXES);
  a = &plot->axes[axis];
  if (a->categories != NULL)
    g_ptr_array_unref (a->categories);
  a->categories = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (a->categories, g_strdup (labels[i]));
  a->scale = CC_SCALE_CATEGORY;
  a->defined = TRUE;
}

void
cc_plot_set_axis_reversed (CcPlot   *plot,
                           CcAxisId  axis,
                           gboolean  reversed)
{
  g_return_if_fail (axis < CC_N_AXES);
  plot->axes[axis].reversed = reversed;
}

void
cc_plot_set_equal_aspect (CcPlot   *plot,
                          gboolean  equal)
{
  plot->equal_aspect = equal;
}

void
cc_plot_set_legend (CcPlot            *plot,
                    CcLegendPlacement  placement)
{
  plot->legend = placement;
}

void
cc_plot_set_grid (CcPlot   *plot,
                  gboolean  show)
{
  plot->grid = show;
}

CcSeries *
cc_plot_add_series (CcPlot       *plot,
                    const char   *label_markup,
                    const double *x,
                    const double *y,
                    guint         n)
{
  CcSeries *s;

  g_return_val_if_fail (n == 0 || (x != NULL && y != NULL), NULL);

  s = g_new0 (CcSeries, 1);
  s->label = g_strdup (label_markup);
  s->x = g_memdup2 (x, n * sizeof (double));
  s->y = g_memdup2 (y, n * sizeof (double));
  s->n = n;
  s->mode = CC_SERIES_LINES;
  s->y_axis = CC_AXIS_Y;
  s->colour = s->dash = s->marker = -1;
  s->auto_index = plot->chart->n_series++;
  s->filled = TRUE;
  s->in_legend = label_markup != NULL && *label_markup != '\0';
  s->line_scale = 1.0;
  g_ptr_array_add (plot->series, s);
  return s;
}

void
cc_series_set_mode (CcSeries     *series,
                    CcSeriesMode  mode)
{
  series->mode = mode;
}

void
cc_series_set_y_axis (CcSeries *series,
                      CcAxisId  axis)
{
  g_return_if_fail (axis == CC_AXIS_Y || axis == CC_AXIS_Y2);
  series->y_axis = axis;
}

void
cc_series_set_style (CcSeries *series,
                     int       colour,
                     int       dash,
                     int       marker)
{
  series->colour = colour;
  series->dash = dash;
  series->marker = marker;
}

void
cc_series_set_marker_filled (CcSeries *series,
                             gboolean  filled)
{
  series->filled = filled;
}

void
cc_series_set_line_scale (CcSeries *series,
                          double    scale)
{
  g_return_if_fail (scale > 0);
  series->line_scale = scale;
}

void
cc_series_set_in_legend (CcSeries *series,
                         gboolean  in_legend)
{
  series->in_legend = in_legend;
}

const char *
cc_series_get_label (const CcSeries *series)
{
  return series->label;
}

guint
cc_plot_get_n_series (const CcPlot *plot)
{
  return plot->series->len;
}

CcSeries *
cc_plot_get_series (const CcPlot *plot,
                    guint         index)
{
  g_return_val_if_fail (index < plot->series->len, NULL);
  return g_ptr_array_index (plot->series, index);
}

CcRgba
cc_series_colour (const CcSeries     *s,
                  const CcChartStyle *style)
{
  guint i = s->colour >= 0 ? (guint) s->colour : s->auto_index;

  return style->palette[i % CC_CHART_PALETTE_SIZE];
}

CcDash
cc_series_dash (const CcSeries *s)
{
  guint i = s->dash >= 0 ? (guint) s->dash : s->auto_index;

  return (CcDash) (i % CC_N_DASHES);
}

CcMarker
cc_series_marker (const CcSeries *s)
{
  guint i = s->marker >= 0 ? (guint) s->marker : s->auto_index;

  return (CcMarker) (i % CC_N_MARKERS);
}

CcRect *
cc_plot_add_rect (CcPlot  *plot,
                  double   x0,
                  double   x1,
                  double   y0,
                  double   y1,
                  CcPaint  fill)
{
  CcRect *r = g_new0 (CcRect, 1);

  r->x0 = MIN (x0, x1);
  r->x1 = MAX (x0, x1);
  r->y0 = MIN (y0, y1);
  r->y1 = MAX (y0, y1);
  r->y_axis = CC_AXIS_Y;
  r->fill = fill;
  r->fill_style = CC_FILL_SOLID;
  r->alpha = 1.0;
  r->is_data = TRUE;
  g_ptr_array_add (plot->rects, r);
  return r;
}

void
cc_rect_set_style (CcRect      *rect,
                   CcFillStyle  style,
                   double       alpha)
{
  rect->fill_style = style;
  rect->alpha = CLAMP (alpha, 0.0, 1.0);
}

void
cc_rect_set_outline (CcRect *rect,
                     double  width_pt)
{
  rect->outline = MAX (width_pt, 0.0);
}

void
cc_plot_add_legend_patch (CcPlot      *plot,
                          const char  *label_markup,
                          CcPaint      fill,
                          CcFillStyle  style,
                          double       alpha)
{
  /* A rectangle at NaN coordinates: never drawn, never in a range, never
   * under the legend, but listed in it. */
  CcRect *r = cc_plot_add_rect (plot, NAN, NAN, NAN, NAN, fill);

  cc_rect_set_style (r, style, alpha);
  cc_rect_set_legend (r, label_markup);
  cc_rect_set_is_data (r, FALSE);
}

void
cc_rect_set_legend (CcRect     *rect,
                    const char *label_markup)
{
  g_free (rect->legend);
  rect->legend = g_strdup (label_markup);
}

void
cc_rect_set_is_data (CcRect   *rect,
                     gboolean  is_data)
{
  rect->is_data = is_data;
}

void
cc_rect_set_y_axis (CcRect   *rect,
                    CcAxisId  axis)
{
  g_return_if_fail (axis == CC_AXIS_Y || axis == CC_AXIS_Y2);
  rect->y_axis = axis;
}

static void
add_line (CcPlot     *plot,
          gboolean    vertical,
          double      value,
          const char *label,
          CcPaint     paint,
          CcDash      dash)
{
  CcRefLine *l = g_new0 (CcRefLine, 1);

  l->vertical = vertical;
  l->value = value;
  l->label = g_strdup (label);
  l->paint = paint;
  l->dash = dash;
  g_ptr_array_add (plot->lines, l);
}

void
cc_plot_add_vline (CcPlot     *plot,
                   double      x,
                   const char *label_markup,
                   CcPaint     paint,
                   CcDash      dash)
{
  add_line (plot, TRUE, x, label_markup, paint, dash);
}

void
cc_plot_add_hline (CcPlot     *plot,
                   double      y,
                   const char *label_markup,
                   CcPaint     paint,
                   CcDash      dash)
{
  add_line (plot, FALSE, y, label_markup, paint, dash);
}

void
cc_plot_add_text (CcPlot     *plot,
                  double      x,
                  double      y,
                  const char *markup,
                  CcAnchor    anchor,
                  double      dx,
                  double      dy,
                  CcPaint     paint)
{
  CcText *t = g_new0 (CcText, 1);

  t->x = x;
  t->y = y;
  t->markup = g_strdup (markup);
  t->anchor = anchor;
  t->dx = dx;
  t->dy = dy;
  t->paint = paint;
  g_ptr_array_add (plot->texts, t);
}

void
cc_plot_add_text_if_room (CcPlot     *plot,
                          double      x,
                          double      y,
                          const char *markup,
                          CcAnchor    anchor,
                          double      dx,
                          double      dy,
                          CcPaint     paint)
{
  CcText *t;

  cc_plot_add_text (plot, x, y, markup, anchor, dx, dy, paint);
  t = g_ptr_array_index (plot->texts, plot->texts->len - 1);
  t->if_room = TRUE;
}
