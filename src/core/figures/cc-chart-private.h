/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internals shared by the chart model, layout, renderer, legend, export and
 * hit-test. Nothing outside src/core/figures includes this.
 */
#pragma once

#include <pango/pangocairo.h>
#include "cc-chart.h"
#include "cc-ticks.h"

G_BEGIN_DECLS

/* Between tick labels and the frame, and between titles and labels (pt). */
#define CC_CHART_GAP 3.0

typedef struct {
  CcScale     scale;
  char       *title;
  double      min, max;          /* fixed ends, NAN = automatic */
  gboolean    include_zero;
  gboolean    reversed;
  GPtrArray  *categories;        /* char* markup, for CC_SCALE_CATEGORY */
  gboolean    defined;           /* set_axis was called (y2 is optional) */
} CcAxis;

struct _CcSeries {
  char         *label;
  double       *x, *y;
  guint         n;
  CcSeriesMode  mode;
  CcAxisId      y_axis;
  int           colour, dash, marker;   /* −1 = automatic */
  guint         auto_index;             /* order in the chart */
  gboolean      filled;
  gboolean      in_legend;
  double        line_scale;
};

struct _CcRect {
  double      x0, x1, y0, y1;
  CcAxisId    y_axis;
  CcPaint     fill;
  CcFillStyle fill_style;
  double      alpha;
  double      outline;           /* width in points, 0 = none */
  gboolean    is_data;
  char       *legend;
};

typedef struct {
  gboolean  vertical;
  double    value;
  char     *label;
  CcPaint   paint;
  CcDash    dash;
} CcRefLine;

typedef struct _CcColorbar CcColorbar;   /* cc-chart-colorbar.c */

typedef struct {
  double    x, y;
  char     *markup;
  CcAnchor  anchor;
  double    dx, dy;
  CcPaint   paint;
  gboolean  if_room;     /* dropped where it would overlap other text or leave the plot */
} CcText;

struct _CcPlot {
  CcChart          *chart;        /* weak: the chart owns its plots */
  char             *title;
  CcAxis            axes[CC_N_AXES];
  GPtrArray        *series;       /* CcSeries* */
  GPtrArray        *rects;        /* CcRect* */
  GPtrArray        *lines;        /* CcRefLine* */
  GPtrArray        *texts;        /* CcText* */
  gboolean          equal_aspect;
  gboolean          grid;
  CcLegendPlacement legend;
  CcColorbar       *colorbar;     /* NULL: none */
};

typedef struct {
  double x, y, w, h;
} CcBox;

/* An axis after layout: its range and ticks. */
typedef struct {
  CcScale  scale;
  gboolean used;
  gboolean reversed;
  double   lo, hi;
  CcTicks  ticks;
  char    *labels[CC_TICKS_MAX_MAJOR];   /* markup per major tick (or category) */
  guint    n_labels;
  double   label_pos[CC_TICKS_MAX_MAJOR];
  int      label_angle;                  /* x category labels: 0, 45 or 90° */
  double   label_extent;                 /* room the tick labels take across the axis */
} CcAxisLayout;

typedef struct {
  gboolean  visible;
  gboolean  outside;                     /* right of or below the plot */
  CcBox     box;
  double    row_height;
  guint     columns;                     /* entries per row (below placement) */
  double    column_width;
} CcLegendLayout;

typedef struct {
  CcBox          cell;                   /* the panel's share of the chart */
  CcBox          plot;                   /* the data rectangle */
  CcAxisLayout   axes[CC_N_AXES];
  CcLegendLayout legend;
  CcLegendPlacement placement;           /* resolved (never AUTO) */
} CcPlotLayout;

typedef struct {
  double        width, height;
  CcChartStyle  style;
  double        title_height;
  guint         n_plots;
  CcPlotLayout *plots;
} CcChartLayout;

struct _CcChart {
  gatomicrefcount  ref_count;
  char            *kind;
  char            *title;
  guint            rows, cols;
  GPtrArray       *plots;      /* CcPlot* */
  CcTable         *table;
  guint            n_series;   /* for automatic styles */
  CcChartLayout   *layout;     /* of the last render, for hit-testing */
};

/* Text (cc-chart-text.c). */
PangoLayout *cc_chart_text_layout   (cairo_t            *cr,
                                     const CcChartStyle *style,
                                     CcTextRole          role,
                                     const char         *markup);
void         cc_chart_text_size     (PangoLayout        *layout,
                                     double             *width,
                                     double             *height);
/* Draws @layout with its @anchor point at (x, y), rotated by @angle radians
 * about that point. */
void         cc_chart_text_draw     (cairo_t            *cr,
                                     PangoLayout        *layout,
                                     double              x,
                                     double              y,
                                     CcAnchor            anchor,
                                     double              angle);
/* The same over a halo of @halo colour, @width wide, so the text reads on
 * top of lines and hatching. The current source is the text colour. */
void         cc_chart_text_draw_halo (cairo_t           *cr,
                                     PangoLayout        *layout,
                                     double              x,
                                     double              y,
                                     CcAnchor            anchor,
                                     const CcRgba       *halo,
                                     double              width);
/* The box a text of size w × h occupies when anchored at (x, y), unrotated. */
CcBox        cc_chart_text_box      (double              x,
                                     double              y,
                                     double              w,
                                     double              h,
                                     CcAnchor            anchor);

/* Layout (cc-chart-layout.c). */
CcChartLayout *cc_chart_layout_compute (const CcChart      *chart,
                                        const CcChartStyle *style,
                                        cairo_t            *cr,
                                        double              width,
                                        double              height);
void           cc_chart_layout_free    (CcChartLayout      *layout);
/* Data → position along the axis, 0 at the low end, 1 at the high end. */
double         cc_axis_layout_fraction (const CcAxisLayout *axis,
                                        double              value);
double         cc_axis_layout_value    (const CcAxisLayout *axis,
                                        double              fraction);
double         cc_plot_layout_px       (const CcPlotLayout *pl,
                                        double              x);
double         cc_plot_layout_py       (const CcPlotLayout *pl,
                                        CcAxisId            axis,
                                        double              y);
/* The data extent of one axis over all layers, FALSE if nothing is there. */
gboolean       cc_plot_data_extent     (const CcPlot       *plot,
                                        CcAxisId            axis,
                                        double             *lo,
                                        double             *hi);

/* Legend (cc-chart-legend.c). */
guint          cc_legend_count_entries (const CcPlot       *plot);
void           cc_legend_measure       (const CcPlot       *plot,
                                        const CcChartStyle *style,
                                        cairo_t            *cr,
                                        gboolean            wide,
                                        double              max_width,
                                        CcLegendLayout     *out);
/* The inside corner that covers the fewest data; returns the count of data
 * samples under the best corner (0 = free). */
guint          cc_legend_choose_corner (const CcPlot       *plot,
                                        CcPlotLayout       *pl,
                                        const CcChartStyle *style);
void           cc_legend_draw          (const CcPlot       *plot,
                                        const CcPlotLayout *pl,
                                        const CcChartStyle *style,
                                        cairo_t            *cr);

/* Series styles after the automatic choice. */
CcRgba         cc_series_colour        (const CcSeries     *series,
                                        const CcChartStyle *style);
CcDash         cc_series_dash          (const CcSeries     *series);
CcMarker       cc_series_marker        (const CcSeries     *series);

/* Colour bar (cc-chart-colorbar.c): the room it takes right of the plot,
 * and drawing it there. */
void           cc_colorbar_free        (CcColorbar         *bar);
CcColorbar    *cc_colorbar_copy        (const CcColorbar   *bar);
double         cc_colorbar_extent      (const CcPlot       *plot,
                                        const CcPlotLayout *pl,
                                        const CcChartStyle *style,
                                        cairo_t            *cr);
void           cc_colorbar_draw        (const CcPlot       *plot,
                                        const CcPlotLayout *pl,
                                        const CcChartStyle *style,
                                        cairo_t            *cr);

/* Fixed axis ranges of the curve charts (cc-chart-curves.c), set again
 * when overlays add data: a fifth of the y axis free above the highest
 * curve (for peak labels); cycling capacity below, efficiency above. */
void           cc_plot_leave_headroom  (CcPlot             *plot);
void           cc_plot_separate_cycling_axes (CcPlot       *plot);

/* Render parts (cc-chart-render.c, cc-chart-axes.c). */
void           cc_chart_draw_axes      (const CcPlot       *plot,
                                        const CcPlotLayout *pl,
                                        const CcChartStyle *style,
                                        cairo_t            *cr,
                                        gboolean            grid_pass);
void           cc_chart_fill_rect      (cairo_t            *cr,
                                        const CcBox        *box,
                                        const CcRgba       *colour,
                                        CcFillStyle         fill_style,
                                        double              alpha);
/* Rounds a coordinate so that a line of @width lands on device pixels. */
double         cc_chart_snap           (cairo_t            *cr,
                                        const CcChartStyle *style,
                                        double              v,
                                        gboolean            vertical_line,
                                        double              width);

G_END_DECLS
