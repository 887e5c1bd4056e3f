/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Axes: grid, frame, ticks (inward, mirrored on the opposite side when that
 * side has no axis of its own, as journals print them), tick labels and axis
 * titles.
 */
#include "cc-chart-private.h"

#include <math.h>

#define GAP CC_CHART_GAP

double
cc_chart_snap (cairo_t            *cr,
               const CcChartStyle *style,
               double              v,
               gboolean            vertical_line,
               double              width)
{
  double x = vertical_line ? v : 0, y = vertical_line ? 0 : v;
  double dw = width, dummy = 0;
  long px;

  if (!style->snap_hairlines)
    return v;
  cairo_user_to_device_distance (cr, vertical_line ? &dw : &dummy, vertical_line ? &dummy : &dw);
  cairo_user_to_device (cr, &x, &y);
  px = lround (fabs (dw));
  /* Odd widths centre on a pixel, even widths on a pixel edge. */
  if (px % 2 == 1)
    {
      if (vertical_line)
        x = floor (x) + 0.5;
      else
        y = floor (y) + 0.5;
    }
  else
    {
      if (vertical_line)
        x = round (x);
      else
        y = round (y);
    }
  cairo_device_to_user (cr, &x, &y);
  return vertical_line ? x : y;
}

static void
draw_grid (const CcPlotLayout *pl,
           const CcChartStyle *style,
           cairo_t            *cr)
{
  const CcAxisLayout *x = &pl->axes[CC_AXIS_X], *y = &pl->axes[CC_AXIS_Y];
  double lw = style->grid_width_pt;

  cairo_save (cr);
  cc_chart_set_source (cr, &style->grid_colour, 1.0);
  cairo_set_line_width (cr, lw);
  if (x->scale != CC_SCALE_CATEGORY)
    for (guint i = 0; i < x->ticks.n_major; i++)
      {
        double px = cc_chart_snap (cr, style, cc_plot_layout_px (pl, x->ticks.major[i]), TRUE, lw);

        cairo_move_to (cr, px, pl->plot.y);
        cairo_line_to (cr, px, pl->plot.y + pl->plot.h);
      }
  if (y->scale != CC_SCALE_CATEGORY)
    for (guint i = 0; i < y->ticks.n_major; i++)
      {
        double py = cc_chart_snap (cr, style, cc_plot_layout_py (pl, CC_AXIS_Y, y->ticks.major[i]), FALSE, lw);

        cairo_move_to (cr, pl->plot.x, py);
        cairo_line_to (cr, pl->plot.x + pl->plot.w, py);
      }
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Tick marks of one axis on one side of the frame; @sign points inward. */
static void
draw_ticks (const CcPlotLayout *pl,
            const CcChartStyle *style,
            cairo_t            *cr,
            CcAxisId            axis,
            gboolean            far_side)
{
  const CcAxisLayout *al = &pl->axes[axis];
  double lw = style->axis_width_pt;
  gboolean horizontal = axis == CC_AXIS_X;

  if (al->scale == CC_SCALE_CATEGORY)
    return;
  for (int pass = 0; pass < 2; pass++)
    {
      const double *v = pass == 0 ? al->ticks.major : al->ticks.minor;
      guint n = pass == 0 ? al->ticks.n_major : al->ticks.n_minor;
      double len = pass == 0 ? style->major_tick_pt : style->minor_tick_pt;

      for (guint i = 0; i < n; i++)
        {
          if (horizontal)
            {
              double px = cc_chart_snap (cr, style, cc_plot_layout_px (pl, v[i]), TRUE, lw);
              double y0 = far_side ? pl->plot.y : pl->plot.y + pl->plot.h;

              cairo_move_to (cr, px, y0);
              cairo_line_to (cr, px, y0 + (far_side ? len : -len));
            }
          else
            {
              double py = cc_chart_snap (cr, style, cc_plot_layout_py (pl, axis, v[i]), FALSE, lw);
              double x0 = far_side ? pl->plot.x + pl->plot.w : pl->plot.x;

              cairo_move_to (cr, x0, py);
              cairo_line_to (cr, x0 + (far_side ? -len : len), py);
            }
        }
    }
  cairo_stroke (cr);
}

static void
draw_tick_labels (const CcPlotLayout *pl,
                  const CcChartStyle *style,
                  cairo_t            *cr,
                  CcAxisId            axis)
{
  const CcAxisLayout *al = &pl->axes[axis];

  for (guint i = 0; i < al->n_labels; i++)
    {
      g_autoptr(PangoLayout) layout = cc_chart_text_layout (cr, style, CC_TEXT_TICK, al->labels[i]);
      double v = al->label_pos[i];

      if (axis == CC_AXIS_X)
        {
          double px = cc_plot_layout_px (pl, v), py = pl->plot.y + pl->plot.h + GAP;

          if (al->label_angle == 45)
            cc_chart_text_draw (cr, layout, px, py, CC_ANCHOR_NE, -G_PI / 4);
          else if (al->label_angle == 90)
            cc_chart_text_draw (cr, layout, px, py, CC_ANCHOR_E, -G_PI / 2);
          else
            cc_chart_text_draw (cr, layout, px, py, CC_ANCHOR_N, 0);
        }
      else if (axis == CC_AXIS_Y)
        cc_chart_text_draw (cr, layout, pl->plot.x - GAP, cc_plot_layout_py (pl, axis, v), CC_ANCHOR_E, 0);
      else
        cc_chart_text_draw (cr, layout, pl->plot.x + pl->plot.w + GAP, cc_plot_layout_py (pl, axis, v),
                            CC_ANCHOR_W, 0);
    }
}

static void
draw_axis_title (const CcPlot       *plot,
                 const CcPlotLayout *pl,
                 const CcChartStyle *style,
                 cairo_t            *cr,
                 CcAxisId            axis)
{
  const char *title = plot->axes[axis].title;
  const CcAxisLayout *al = &pl->axes[axis];
  g_autoptr(PangoLayout) layout = NULL;

  if (title == NULL || *title == '\0')
    return;
  layout = cc_chart_text_layout (cr, style, CC_TEXT_AXIS_TITLE, title);
  if (axis == CC_AXIS_X)
    cc_chart_text_draw (cr, layout, pl->plot.x + pl->plot.w / 2,
                        pl->plot.y + pl->plot.h + 2 * GAP + al->label_extent, CC_ANCHOR_N, 0);
  else if (axis == CC_AXIS_Y)
    cc_chart_text_draw (cr, layout, pl->plot.x - 2 * GAP - al->label_extent,
                        pl->plot.y + pl->plot.h / 2, CC_ANCHOR_S, -G_PI / 2);
  else
    cc_chart_text_draw (cr, layout, pl->plot.x + pl->plot.w + 2 * GAP + al->label_extent,
                        pl->plot.y + pl->plot.h / 2, CC_ANCHOR_N, -G_PI / 2);
}

static void
draw_frame (const CcPlotLayout *pl,
            const CcChartStyle *style,
            cairo_t            *cr)
{
  double lw = style->axis_width_pt;
  double x0 = cc_chart_snap (cr, style, pl->plot.x, TRUE, lw);
  double x1 = cc_chart_snap (cr, style, pl->plot.x + pl->plot.w, TRUE, lw);
  double y0 = cc_chart_snap (cr, style, pl->plot.y, FALSE, lw);
  double y1 = cc_chart_snap (cr, style, pl->plot.y + pl->plot.h, FALSE, lw);

  cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
  cairo_stroke (cr);
}

void
cc_chart_draw_axes (const CcPlot       *plot,
                    const CcPlotLayout *pl,
                    const CcChartStyle *style,
                    cairo_t            *cr,
                    gboolean            grid_pass)
{
  gboolean y2 = pl->axes[CC_AXIS_Y2].used;

  if (grid_pass)
    {
      if (style->show_grid && plot->grid)
        draw_grid (pl, style, cr);
      return;
    }
  cairo_save (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cc_chart_set_source (cr, &style->foreground, 1.0);
  cairo_set_line_width (cr, style->axis_width_pt);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  draw_ticks (pl, style, cr, CC_AXIS_X, FALSE);
  draw_ticks (pl, style, cr, CC_AXIS_X, TRUE);
  draw_ticks (pl, style, cr, CC_AXIS_Y, FALSE);
  draw_ticks (pl, style, cr, y2 ? CC_AXIS_Y2 : CC_AXIS_Y, TRUE);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  draw_frame (pl, style, cr);

  draw_tick_labels (pl, style, cr, CC_AXIS_X);
  draw_tick_labels (pl, style, cr, CC_AXIS_Y);
  if (y2)
    draw_tick_labels (pl, style, cr, CC_AXIS_Y2);
  for (guint a = 0; a < CC_N_AXES; a++)
    if (pl->axes[a].used)
      draw_axis_title (plot, pl, style, cr, a);
  if (plot->title != NULL)
    {
      g_autoptr(PangoLayout) layout = cc_chart_text_layout (cr, style, CC_TEXT_AXIS_TITLE, plot->title);

      cc_chart_text_draw (cr, layout, pl->plot.x + pl->plot.w / 2, pl->plot.y - GAP, CC_ANCHOR_S, 0);
    }
  cairo_restore (cr);
}
