/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart model: a chart is a grid of panels (CcPlot); a panel has an x
 * axis, a y axis and an optional second y axis, and layers in data
 * coordinates: XY series (lines and/or markers), rectangles (bands, bars,
 * heat-map cells), reference lines and text annotations. The chart builders
 * (cc-chart-kinds.h) assemble these from typed data; one render function
 * draws any chart into any cairo context (cc-chart-render.h).
 *
 * All text is Pango markup (Na<sub>3</sub>PS<sub>4</sub>, mAh g<sup>−1</sup>).
 * Plain text from users must be escaped (g_markup_escape_text).
 */
#pragma once

#include <glib-object.h>
#include "cc-chart-style.h"
#include "cc-chart-table.h"

G_BEGIN_DECLS

#define CC_CHART_ERROR (cc_chart_error_quark ())

typedef enum {
  CC_CHART_ERROR_INVALID,   /* a bad argument (size, DPI, format, chart name) */
  CC_CHART_ERROR_DATA,      /* data the chart cannot show (non-positive on a log axis, empty) */
  CC_CHART_ERROR_IO,        /* writing an export failed */
  CC_CHART_ERROR_RENDER,    /* cairo reported an error */
  CC_CHART_ERROR_UNAVAILABLE, /* the data this chart needs is not computed */
} CcChartError;

typedef enum {
  CC_AXIS_X,
  CC_AXIS_Y,
  CC_AXIS_Y2,
  CC_N_AXES
} CcAxisId;

typedef enum {
  CC_SCALE_LINEAR,
  CC_SCALE_LOG,
  CC_SCALE_CATEGORY,   /* categories at 0, 1, …, n−1 */
} CcScale;

typedef enum {
  CC_SERIES_LINES   = 1 << 0,
  CC_SERIES_MARKERS = 1 << 1,
  CC_SERIES_LINES_MARKERS = CC_SERIES_LINES | CC_SERIES_MARKERS,
} CcSeriesMode;

typedef enum {
  CC_LEGEND_AUTO,            /* the inside corner over the fewest data, else outside */
  CC_LEGEND_TOP_RIGHT,
  CC_LEGEND_TOP_LEFT,
  CC_LEGEND_BOTTOM_RIGHT,
  CC_LEGEND_BOTTOM_LEFT,
  CC_LEGEND_OUTSIDE_RIGHT,
  CC_LEGEND_BELOW,
  CC_LEGEND_NONE,
} CcLegendPlacement;

typedef enum {
  CC_FILL_SOLID,
  CC_FILL_HATCH,       /* diagonal hatching: reads in greyscale and over other fills */
} CcFillStyle;

/* Which point of a text's box sits at its anchor position. */
typedef enum {
  CC_ANCHOR_CENTER,
  CC_ANCHOR_N, CC_ANCHOR_NE, CC_ANCHOR_E, CC_ANCHOR_SE,
  CC_ANCHOR_S, CC_ANCHOR_SW, CC_ANCHOR_W, CC_ANCHOR_NW,
} CcAnchor;

typedef struct _CcChart  CcChart;
typedef struct _CcPlot   CcPlot;
typedef struct _CcSeries CcSeries;
typedef struct _CcRect   CcRect;

GQuark        cc_chart_error_quark        (void);
GType         cc_chart_get_type           (void) G_GNUC_CONST;
#define CC_TYPE_CHART (cc_chart_get_type ())

/* @kind is the registry name ("nyquist"); @title may be NULL. */
CcChart      *cc_chart_new                (const char        *kind,
                                           const char        *title_markup);
CcChart      *cc_chart_ref                (CcChart           *chart);
/* A deep copy (cc-chart-copy.c): panels, layers and the table. */
CcChart      *cc_chart_copy               (const CcChart     *chart);
void          cc_chart_unref              (CcChart           *chart);
const char   *cc_chart_get_kind           (const CcChart     *chart);
const char   *cc_chart_get_title          (const CcChart     *chart);
void          cc_chart_set_title          (CcChart           *chart,
                                           const char        *title_markup);
/* Panels are laid out row-major in a rows × cols grid (default 1 × 1; the
 * grid grows in rows when more panels are added). */
void          cc_chart_set_grid           (CcChart           *chart,
                                           guint              rows,
                                           guint              cols);
CcPlot       *cc_chart_add_plot           (CcChart           *chart);
guint         cc_chart_get_n_plots        (const CcChart     *chart);
CcPlot       *cc_chart_get_plot           (const CcChart     *chart,
                                           guint              index);
/* The plotted data as a table, for CSV export. Takes ownership. Charts
 * without a table export their series generically. */
void          cc_chart_set_table          (CcChart           *chart,
                                           CcTable           *table);
const CcTable *cc_chart_get_table         (const CcChart     *chart);

/* Checks what rendering would otherwise draw as garbage: non-positive data on
 * log axes, a chart without panels, fixed ranges with min ≥ max. */
gboolean      cc_chart_check              (const CcChart     *chart,
                                           GError           **error);

/* Panels. */
void          cc_plot_set_title           (CcPlot            *plot,
                                           const char        *title_markup);
void          cc_plot_set_axis            (CcPlot            *plot,
                                           CcAxisId           axis,
                                           CcScale            scale,
                                           const char        *title_markup);
/* NAN for either end means automatic (from the data, widened to nice ticks). */
void          cc_plot_set_axis_range      (CcPlot            *plot,
                                           CcAxisId           axis,
                                           double             min,
                                           double             max);
void          cc_plot_set_axis_include_zero (CcPlot          *plot,
                                           CcAxisId           axis,
                                           gboolean           include_zero);
/* Category axis labels (markup); sets the scale to CC_SCALE_CATEGORY. */
void          cc_plot_set_axis_categories (CcPlot            *plot,
                                           CcAxisId           axis,
                                           const char * const *labels,
                                           guint              n);
/* Reversed: categories run top to bottom on a y axis (tables, matrices). */
void          cc_plot_set_axis_reversed   (CcPlot            *plot,
                                           CcAxisId           axis,
                                           gboolean           reversed);
/* One data unit on x has the same length as one on y (Nyquist). Both axes
 * must be linear. */
void          cc_plot_set_equal_aspect    (CcPlot            *plot,
                                           gboolean           equal);
void          cc_plot_set_legend          (CcPlot            *plot,
                                           CcLegendPlacement  placement);
void          cc_plot_set_grid            (CcPlot            *plot,
                                           gboolean           show);

/* A colour bar right of the panel for a continuous colour scale: viridis
 * over [lo, hi] (linear, or log with lo > 0), titled with the quantity and
 * its unit. Colour data with cc_paint_sequential (cc_plot_colorbar_fraction
 * (plot, value)); the fraction is clamped to [0, 1], NAN for values the
 * scale cannot show. A panel with a colour bar has no second y axis. */
void          cc_plot_set_colorbar        (CcPlot            *plot,
                                           CcScale            scale,
                                           double             lo,
                                           double             hi,
                                           const char        *title_markup);
double        cc_plot_colorbar_fraction   (const CcPlot      *plot,
                                           double             value);

/* Series: the arrays are copied. Non-finite points break the line. */
CcSeries     *cc_plot_add_series          (CcPlot            *plot,
                                           const char        *label_markup,
                                           const double      *x,
                                           const double      *y,
                                           guint              n);
void          cc_series_set_mode          (CcSeries          *series,
                                           CcSeriesMode       mode);
void          cc_series_set_y_axis        (CcSeries          *series,
                                           CcAxisId           axis);
/* Colour (palette index), dash and marker; −1 keeps the automatic choice,
 * which is the series' order in its chart for all three. */
void          cc_series_set_style         (CcSeries          *series,
                                           int                colour,
                                           int                dash,
                                           int                marker);
void          cc_series_set_marker_filled (CcSeries          *series,
                                           gboolean           filled);
void          cc_series_set_line_scale    (CcSeries          *series,
                                           double             scale);
void          cc_series_set_in_legend     (CcSeries          *series,
                                           gboolean           in_legend);
const char   *cc_series_get_label         (const CcSeries    *series);
guint         cc_plot_get_n_series        (const CcPlot      *plot);
CcSeries     *cc_plot_get_series          (const CcPlot      *plot,
                                           guint              index);

/* Rectangles in data coordinates; ±INFINITY reaches the plot edge. A label
 * puts a patch in the legend (once per label). Data rectangles (bars, cells)
 * count when the legend looks for a free corner; background bands do not. */
CcRect       *cc_plot_add_rect            (CcPlot            *plot,
                                           double             x0,
                                           double             x1,
                                           double             y0,
                                           double             y1,
                                           CcPaint            fill);
void          cc_rect_set_style           (CcRect            *rect,
                                           CcFillStyle        style,
                                           double             alpha);
/* An outline in the foreground colour, @width_pt wide (0: none). */
void          cc_rect_set_outline         (CcRect            *rect,
                                           double             width_pt);
void          cc_rect_set_legend          (CcRect            *rect,
                                           const char        *label_markup);
void          cc_rect_set_is_data         (CcRect            *rect,
                                           gboolean           is_data);
void          cc_rect_set_y_axis          (CcRect            *rect,
                                           CcAxisId           axis);

/* A legend entry without data: a patch of @fill (e.g. the levels of a
 * discrete colour scale, whether or not a cell uses them). */
void          cc_plot_add_legend_patch    (CcPlot            *plot,
                                           const char        *label_markup,
                                           CcPaint            fill,
                                           CcFillStyle        style,
                                           double             alpha);

/* A vertical (x = value) or horizontal (y = value) reference line with an
 * optional label drawn along it. */
void          cc_plot_add_vline           (CcPlot            *plot,
                                           double             x,
                                           const char        *label_markup,
                                           CcPaint            paint,
                                           CcDash             dash);
void          cc_plot_add_hline           (CcPlot            *plot,
                                           double             y,
                                           const char        *label_markup,
                                           CcPaint            paint,
                                           CcDash             dash);
/* Text at data (x, y), shifted by (dx, dy) points (y down). */
void          cc_plot_add_text            (CcPlot            *plot,
                                           double             x,
                                           double             y,
                                           const char        *markup,
                                           CcAnchor           anchor,
                                           double             dx,
                                           double             dy,
                                           CcPaint            paint);
/* The same, but drawn only where it overlaps no other text, the legend or
 * the plot's edge (labels that help but are not essential, such as
 * frequency decades on a Nyquist plot). */
void          cc_plot_add_text_if_room    (CcPlot            *plot,
                                           double             x,
                                           double             y,
                                           const char        *markup,
                                           CcAnchor           anchor,
                                           double             dx,
                                           double             dy,
                                           CcPaint            paint);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcChart, cc_chart_unref)

G_END_DECLS
