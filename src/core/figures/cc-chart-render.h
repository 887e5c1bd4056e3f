/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Drawing a chart, and reading it back under the pointer. The same render
 * function serves the screen (the app's widget), PNG, SVG and PDF export.
 */
#pragma once

#include <cairo.h>
#include "cc-chart.h"

G_BEGIN_DECLS

/* Draws @chart into @cr over (0, 0)–(width_pt, height_pt) in user units of
 * points (scale the context for pixels). @style NULL means the light theme.
 * A chart that fails cc_chart_check is not drawn: the area shows the reason
 * and the function returns FALSE with @error set. Also FALSE if cairo
 * reports an error. The chart keeps the layout of its last render for
 * hit-testing, so one chart must not be rendered from two threads at once
 * (separate charts may). On screen, 1 pt = 1 logical pixel reads small:
 * cc_chart_style_scale_fonts adjusts the type. */
gboolean cc_chart_render       (CcChart            *chart,
                                const CcChartStyle *style,
                                cairo_t            *cr,
                                double              width_pt,
                                double              height_pt,
                                GError            **error);

typedef struct {
  gboolean    in_plot;       /* the position is inside a panel's data rectangle */
  guint       plot_index;
  double      x, y, y2;      /* data coordinates there (y2 NAN without a second axis) */
  gboolean    has_point;     /* a series point lies within the search radius */
  guint       series_index;  /* in the panel */
  const char *series_label;  /* markup, owned by the chart */
  guint       point_index;
  double      point_x, point_y;
  double      distance_pt;
} CcChartHit;

/* What lies under (px, py), in points from the chart's top-left corner, for
 * a chart drawn at width_pt × height_pt with @style: data coordinates of the
 * position and the nearest series point within @radius_pt. Uses the layout of
 * the last cc_chart_render at that size and style, else lays the chart out
 * again. Returns FALSE when the position is outside every panel. */
gboolean cc_chart_hit_test     (CcChart            *chart,
                                const CcChartStyle *style,
                                double              width_pt,
                                double              height_pt,
                                double              px,
                                double              py,
                                double              radius_pt,
                                CcChartHit         *hit);
/* The inverse: where data (x, y) on @y_axis of panel @plot_index lands, in
 * points from the chart's top-left corner (for crosshairs and markers the
 * app draws over the chart). FALSE if the chart cannot be laid out. */
gboolean cc_chart_point_at     (CcChart            *chart,
                                const CcChartStyle *style,
                                double              width_pt,
                                double              height_pt,
                                guint               plot_index,
                                CcAxisId            y_axis,
                                double              x,
                                double              y,
                                double             *px,
                                double             *py);
/* A one-line readout of a hit as Pango markup: the nearest point with its
 * series, else the position ("x = 12.5, y = 3.41"). */
char    *cc_chart_hit_describe (const CcChart      *chart,
                                const CcChartHit   *hit);

G_END_DECLS
