/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A colour bar: the key of a continuous heat map. It stands right of the
 * panel's data rectangle, as tall as it, the sequential colour map (viridis)
 * from the low end at the bottom to the high end at the top, with ticks and
 * labels on its right and the quantity with its unit as a rotated title.
 * The colour of a value is cc_paint_sequential (cc_plot_colorbar_fraction
 * (plot, value)), so cells and key cannot disagree. On a log scale the
 * colour is linear in log10 of the value (conductivities span decades).
 *
 * A panel with a colour bar has no second y axis (both would want the
 * right-hand side); the bar is drawn left of an outside-right legend.
 */
#include "cc-chart-private.h"

#include <math.h>

#define GAP CC_CHART_GAP
#define BAR_W 10.0
#define N_STOPS 32

struct _CcColorbar {
  CcScale  scale;
  double   lo, hi;
  char    *title;
};

void
cc_colorbar_free (CcColorbar *bar)
{
  if (bar == NULL)
    return;
  g_free (bar->title);
  g_free (bar);
}

CcColorbar *
cc_colorbar_copy (const CcColorbar *bar)
{
  CcColorbar *copy = g_memdup2 (bar, sizeof *bar);

  copy->title = g_strdup (bar->title);
  return copy;
}

void
cc_plot_set_colorbar (CcPlot     *plot,
                      CcScale     scale,
                      double      lo,
                      double      hi,
                      const char *title_markup)
{
  CcColorbar *bar;

  g_return_if_fail (plot != NULL);
  g_return_if_fail (scale == CC_SCALE_LINEAR || scale == CC_SCALE_LOG);
  g_return_if_fail (isfinite (lo) && isfinite (hi) && lo <= hi);
  g_return_if_fail (scale != CC_SCALE_LOG || lo > 0);

  /* One value: widen around it so the bar still has a direction. */
  if (lo == hi)
    {
      if (scale == CC_SCALE_LOG)
        lo /= 1.5, hi *= 1.5;
      else
        {
          double d = lo != 0 ? fabs (lo) * 0.05 : 0.5;

          lo -= d;
          hi += d;
        }
    }
  bar = g_new0 (CcColorbar, 1);
  bar->scale = scale;
  bar->lo = lo;
  bar->hi = hi;
  bar->title = g_strdup (title_markup);
  cc_colorbar_free (plot->colorbar);
  plot->colorbar = bar;
}

double
cc_plot_colorbar_fraction (const CcPlot *plot,
                           double        value)
{
  const CcColorbar *bar;
  double t;

  g_return_val_if_fail (plot != NULL && plot->colorbar != NULL, NAN);
  bar = plot->colorbar;
  if (!isfinite (value) || (bar->scale == CC_SCALE_LOG && value <= 0))
    return NAN;
  if (bar->scale == CC_SCALE_LOG)
    t = (log10 (value) - log10 (bar->lo)) / (log10 (bar->hi) - log10 (bar->lo));
  else
    t = (value - bar->lo) / (bar->hi - bar->lo);
  return CLAMP (t, 0.0, 1.0);
}

/* Ticks along a bar of @length points. */
static void
bar_ticks (const CcColorbar   *bar,
           const CcChartStyle *style,
           double              length,
           CcTicks            *ticks)
{
  guint intervals = (guint) CLAMP (length / (style->font_size_pt[CC_TEXT_TICK] * 3.8), 2, 8);

  if (bar->scale == CC_SCALE_LOG)
    cc_ticks_log (bar->lo, bar->hi, intervals, FALSE, ticks);
  else
    cc_ticks_linear (bar->lo, bar->hi, intervals, FALSE, ticks);
}

static double
max_label_width (const CcTicks      *ticks,
                 const CcChartStyle *style,
                 cairo_t            *cr)
{
  double max_w = 0;

  for (guint i = 0; i < ticks->n_major; i++)
    {
      g_autofree char *label = cc_ticks_format (ticks, ticks->major[i]);
      g_autoptr(PangoLayout) layout = cc_chart_text_layout (cr, style, CC_TEXT_TICK, label);
      double w;

      cc_chart_text_size (layout, &w, NULL);
      max_w = MAX (max_w, w);
    }
  return max_w;
}

static double
title_height (const CcColorbar   *bar,
              const CcChartStyle *style,
              cairo_t            *cr)
{
  g_autoptr(PangoLayout) layout = NULL;
  double h;

  if (bar->title == NULL || *bar->title == '\0')
    return 0;
  layout = cc_chart_text_layout (cr, style, CC_TEXT_AXIS_TITLE, bar->title);
  cc_chart_text_size (layout, NULL, &h);
  return h;
}

double
cc_colorbar_extent (const CcPlot       *plot,
                    const CcPlotLayout *pl,
                    const CcChartStyle *style,
                    cairo_t            *cr)
{
  CcTicks ticks;

  if (plot->colorbar == NULL)
    return 0;
  bar_ticks (plot->colorbar, style, pl->plot.h, &ticks);
  /* A little slack: the last layout pass may change the height, and with it
   * the tick labels, after this was measured. */
  return 4 * GAP + BAR_W + style->major_tick_pt + GAP + max_label_width (&ticks, style, cr) * 1.15
         + 2 * GAP + title_height (plot->colorbar, style, cr);
}

static double
bar_y (const CcColorbar *bar,
       const CcBox      *box,
       double            value)
{
  double f;

  if (bar->scale == CC_SCALE_LOG)
    f = (log10 (value) - log10 (bar->lo)) / (log10 (bar->hi) - log10 (bar->lo));
  else
    f = (value - bar->lo) / (bar->hi - bar->lo);
  return box->y + box->h * (1.0 - f);
}

static void
draw_gradient (const CcBox *box,
               cairo_t     *cr)
{
  cairo_pattern_t *pattern = cairo_pattern_create_linear (0, box->y + box->h, 0, box->y);

  for (int i = 0; i <= N_STOPS; i++)
    {
      double t = (double) i / N_STOPS;
      CcRgba c = cc_chart_colormap_viridis (t);

      cairo_pattern_add_color_stop_rgb (pattern, t, c.r, c.g, c.b);
    }
  cairo_rectangle (cr, box->x, box->y, box->w, box->h);
  cairo_set_source (cr, pattern);
  cairo_fill (cr);
  cairo_pattern_destroy (pattern);
}

static void
draw_ticks (const CcColorbar   *bar,
            const CcBox        *box,
            const CcTicks      *ticks,
            const CcChartStyle *style,
            cairo_t            *cr)
{
  double x1 = box->x + box->w;

  cairo_set_line_width (cr, style->axis_width_pt);
  for (guint i = 0; i < ticks->n_major; i++)
    {
      double y = cc_chart_snap (cr, style, bar_y (bar, box, ticks->major[i]), FALSE, style->axis_width_pt);

      cairo_move_to (cr, x1, y);
      cairo_line_to (cr, x1 + style->major_tick_pt, y);
    }
  cairo_stroke (cr);
  for (guint i = 0; i < ticks->n_major; i++)
    {
      g_autofree char *label = cc_ticks_format (ticks, ticks->major[i]);
      g_autoptr(PangoLayout) layout = cc_chart_text_layout (cr, style, CC_TEXT_TICK, label);

      cc_chart_text_draw (cr, layout, x1 + style->major_tick_pt + GAP, bar_y (bar, box, ticks->major[i]),
                          CC_ANCHOR_W, 0);
    }
}

void
cc_colorbar_draw (const CcPlot       *plot,
                  const CcPlotLayout *pl,
                  const CcChartStyle *style,
                  cairo_t            *cr)
{
  const CcColorbar *bar = plot->colorbar;
  CcBox box;
  CcTicks ticks;
  double label_w;

  if (bar == NULL)
    return;
  box = (CcBox) { pl->plot.x + pl->plot.w + 4 * GAP, pl->plot.y, BAR_W, pl->plot.h };
  bar_ticks (bar, style, box.h, &ticks);
  label_w = max_label_width (&ticks, style, cr);

  cairo_save (cr);
  draw_gradient (&box, cr);
  cc_chart_set_source (cr, &style->foreground, 1.0);
  cairo_set_line_width (cr, style->axis_width_pt);
  cairo_rectangle (cr, box.x, box.y, box.w, box.h);
  cairo_stroke (cr);
  draw_ticks (bar, &box, &ticks, style, cr);
  if (bar->title != NULL && *bar->title != '\0')
    {
      g_autoptr(PangoLayout) layout = cc_chart_text_layout (cr, style, CC_TEXT_AXIS_TITLE, bar->title);

      cc_chart_text_draw (cr, layout, box.x + box.w + style->major_tick_pt + 2 * GAP + label_w,
                          box.y + box.h / 2, CC_ANCHOR_N, -G_PI / 2);
    }
  cairo_restore (cr);
}
