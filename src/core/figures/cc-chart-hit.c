/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading a chart under the pointer: the inverse of the axis mapping and a
 * nearest-point search in plot coordinates (so "near" means near on screen,
 * whatever the axis scales).
 */
#include "cc-chart-private.h"
#include "cc-chart-render.h"

#include <math.h>
#include <string.h>

static gboolean
same_style (const CcChartStyle *a,
            const CcChartStyle *b)
{
  return memcmp (a, b, sizeof *a) == 0;
}

static const CcChartLayout *
ensure_layout (CcChart            *chart,
               const CcChartStyle *style,
               double              width,
               double              height)
{
  cairo_surface_t *scratch;
  cairo_t *cr;

  if (chart->layout != NULL && chart->layout->width == width && chart->layout->height == height &&
      same_style (&chart->layout->style, style))
    return chart->layout;
  if (!cc_chart_check (chart, NULL))
    return NULL;
  /* Layout needs text metrics only; a tiny surface provides the context. */
  scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (scratch);
  cc_chart_layout_free (chart->layout);
  chart->layout = cc_chart_layout_compute (chart, style, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_destroy (scratch);
  return chart->layout;
}

static void
find_nearest (const CcPlot       *plot,
              const CcPlotLayout *pl,
              double              px,
              double              py,
              double              radius,
              CcChartHit         *hit)
{
  double best = radius;

  for (guint i = 0; i < plot->series->len; i++)
    {
      const CcSeries *s = g_ptr_array_index (plot->series, i);

      for (guint k = 0; k < s->n; k++)
        {
          double x = cc_plot_layout_px (pl, s->x[k]);
          double y = cc_plot_layout_py (pl, s->y_axis, s->y[k]);
          double d = hypot (x - px, y - py);

          if (isfinite (d) && d <= best)
            {
              best = d;
              hit->has_point = TRUE;
              hit->series_index = i;
              hit->series_label = s->label;
              hit->point_index = k;
              hit->point_x = s->x[k];
              hit->point_y = s->y[k];
              hit->distance_pt = d;
            }
        }
    }
}

gboolean
cc_chart_hit_test (CcChart            *chart,
                   const CcChartStyle *style,
                   double              width,
                   double              height,
                   double              px,
                   double              py,
                   double              radius,
                   CcChartHit         *hit)
{
  CcChartStyle fallback;
  const CcChartLayout *lay;

  g_return_val_if_fail (chart != NULL && hit != NULL, FALSE);
  memset (hit, 0, sizeof *hit);
  hit->x = hit->y = hit->y2 = NAN;
  if (style == NULL)
    {
      cc_chart_style_init (&fallback, CC_CHART_THEME_LIGHT);
      style = &fallback;
    }
  lay = ensure_layout (chart, style, width, height);
  if (lay == NULL)
    return FALSE;

  for (guint i = 0; i < lay->n_plots; i++)
    {
      const CcPlotLayout *pl = &lay->plots[i];
      double fx = (px - pl->plot.x) / pl->plot.w;
      double fy = 1.0 - (py - pl->plot.y) / pl->plot.h;

      if (fx < 0 || fx > 1 || fy < 0 || fy > 1)
        continue;
      hit->in_plot = TRUE;
      hit->plot_index = i;
      hit->x = cc_axis_layout_value (&pl->axes[CC_AXIS_X], fx);
      hit->y = cc_axis_layout_value (&pl->axes[CC_AXIS_Y], fy);
      if (pl->axes[CC_AXIS_Y2].used)
        hit->y2 = cc_axis_layout_value (&pl->axes[CC_AXIS_Y2], fy);
      find_nearest (g_ptr_array_index (chart->plots, i), pl, px, py, radius, hit);
      return TRUE;
    }
  return FALSE;
}

gboolean
cc_chart_point_at (CcChart            *chart,
                   const CcChartStyle *style,
                   double              width,
                   double              height,
                   guint               plot_index,
                   CcAxisId            y_axis,
                   double              x,
                   double              y,
                   double             *px,
                   double             *py)
{
  CcChartStyle fallback;
  const CcChartLayout *lay;

  g_return_val_if_fail (chart != NULL && px != NULL && py != NULL, FALSE);
  g_return_val_if_fail (y_axis == CC_AXIS_Y || y_axis == CC_AXIS_Y2, FALSE);
  if (style == NULL)
    {
      cc_chart_style_init (&fallback, CC_CHART_THEME_LIGHT);
      style = &fallback;
    }
  lay = ensure_layout (chart, style, width, height);
  if (lay == NULL || plot_index >= lay->n_plots)
    return FALSE;
  *px = cc_plot_layout_px (&lay->plots[plot_index], x);
  *py = cc_plot_layout_py (&lay->plots[plot_index], y_axis, y);
  return isfinite (*px) && isfinite (*py);
}

static char *
axis_value (const CcPlot *plot,
            CcAxisId      axis,
            double        v)
{
  const CcAxis *a = &plot->axes[axis];
  g_autofree char *num = NULL;
  g_autofree char *title = NULL;

  if (a->scale == CC_SCALE_CATEGORY && a->categories != NULL)
    {
      long i = lround (v);

      if (i >= 0 && (guint) i < a->categories->len)
        return g_strdup (g_ptr_array_index (a->categories, i));
    }
  num = cc_format_number (v, 4, TRUE);
  title = cc_markup_to_text (a->title);
  if (*title == '\0')
    return g_steal_pointer (&num);
  {
    g_autofree char *escaped = g_markup_escape_text (title, -1);

    return g_strdup_printf ("%s: %s", escaped, num);
  }
}

char *
cc_chart_hit_describe (const CcChart    *chart,
                       const CcChartHit *hit)
{
  const CcPlot *plot;
  g_autofree char *xs = NULL;
  g_autofree char *ys = NULL;

  g_return_val_if_fail (chart != NULL && hit != NULL, NULL);
  if (!hit->in_plot || hit->plot_index >= chart->plots->len)
    return g_strdup ("");
  plot = g_ptr_array_index (chart->plots, hit->plot_index);
  if (hit->has_point)
    {
      const CcSeries *s = g_ptr_array_index (plot->series, hit->series_index);

      xs = axis_value (plot, CC_AXIS_X, hit->point_x);
      ys = axis_value (plot, s->y_axis, hit->point_y);
      return g_strdup_printf ("%s — %s, %s", s->label != NULL ? s->label : "", xs, ys);
    }
  xs = axis_value (plot, CC_AXIS_X, hit->x);
  ys = axis_value (plot, CC_AXIS_Y, hit->y);
  return g_strdup_printf ("%s, %s", xs, ys);
}
