/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How a chart looks: theme colours, the colour-blind-safe palette, fonts,
 * line widths, dash patterns and marker shapes. A plain struct the app may
 * copy and tweak (font scale, grid); charts refer to colours by role or
 * palette index (CcPaint) so one chart renders in any theme.
 */
#pragma once

#include <glib.h>
#include <cairo.h>

G_BEGIN_DECLS

typedef enum {
  CC_CHART_THEME_LIGHT,   /* screen, light background */
  CC_CHART_THEME_DARK,    /* screen, dark background */
  CC_CHART_THEME_PRINT,   /* export: white, black ink, smaller type, no grid */
  CC_CHART_N_THEMES
} CcChartTheme;

#define CC_CHART_PALETTE_SIZE 8

typedef struct {
  double r, g, b, a;
} CcRgba;

typedef enum {
  CC_DASH_SOLID,
  CC_DASH_DASHED,
  CC_DASH_DOTTED,
  CC_DASH_DASH_DOT,
  CC_DASH_LONG_DASH,
  CC_DASH_DASH_DOT_DOT,
  CC_N_DASHES
} CcDash;

typedef enum {
  CC_MARKER_CIRCLE,
  CC_MARKER_SQUARE,
  CC_MARKER_TRIANGLE_UP,
  CC_MARKER_DIAMOND,
  CC_MARKER_TRIANGLE_DOWN,
  CC_MARKER_CROSS,
  CC_MARKER_PLUS,
  CC_MARKER_STAR,
  CC_N_MARKERS
} CcMarker;

typedef enum {
  CC_PAINT_SERIES,          /* palette[index % size] */
  CC_PAINT_SEQUENTIAL,      /* colour map at t ∈ [0, 1] (viridis) */
  CC_PAINT_ON_SEQUENTIAL,   /* black or white, whichever reads on SEQUENTIAL(t) */
  CC_PAINT_FOREGROUND,      /* text and axes */
  CC_PAINT_MUTED,           /* secondary text, neutral fills */
  CC_PAINT_WARNING,         /* highlights: unstable ranges */
  CC_PAINT_RGBA,            /* explicit colour (avoid: ignores the theme) */
} CcPaintKind;

typedef struct {
  CcPaintKind kind;
  guint       index;
  double      t;
  CcRgba      rgba;
} CcPaint;

typedef enum {
  CC_TEXT_TITLE,
  CC_TEXT_AXIS_TITLE,
  CC_TEXT_TICK,
  CC_TEXT_LEGEND,
  CC_TEXT_ANNOTATION,
  CC_N_TEXT_ROLES
} CcTextRole;

typedef struct {
  CcChartTheme theme;
  CcRgba       background;
  CcRgba       plot_background;
  CcRgba       foreground;
  CcRgba       muted;
  CcRgba       grid_colour;
  CcRgba       warning;
  CcRgba       palette[CC_CHART_PALETTE_SIZE];
  char         font_family[64];
  double       font_size_pt[CC_N_TEXT_ROLES];
  double       line_width_pt;      /* data lines */
  double       axis_width_pt;      /* frame and ticks */
  double       grid_width_pt;
  double       marker_size_pt;     /* marker diameter */
  double       major_tick_pt;
  double       minor_tick_pt;
  double       padding_pt;         /* around the whole chart */
  gboolean     show_grid;          /* light major grid behind the data */
  gboolean     snap_hairlines;     /* align thin lines to device pixels */
} CcChartStyle;

void        cc_chart_style_init          (CcChartStyle       *style,
                                          CcChartTheme        theme);
/* Multiplies every font size (for HiDPI or presentation use). */
void        cc_chart_style_scale_fonts   (CcChartStyle       *style,
                                          double              factor);
const char *cc_chart_theme_to_string     (CcChartTheme        theme);
gboolean    cc_chart_theme_from_string   (const char         *str,
                                          CcChartTheme       *out);

CcRgba      cc_chart_style_resolve       (const CcChartStyle *style,
                                          const CcPaint      *paint);
/* Viridis (perceptually uniform, colour-blind safe, monotone in greyscale). */
CcRgba      cc_chart_colormap_viridis    (double              t);
double      cc_rgba_luminance            (const CcRgba       *c);

CcPaint     cc_paint_series              (guint               index);
CcPaint     cc_paint_sequential          (double              t);
CcPaint     cc_paint_on_sequential       (double              t);
CcPaint     cc_paint_role                (CcPaintKind         kind);
CcPaint     cc_paint_rgba                (double              r,
                                          double              g,
                                          double              b,
                                          double              a);

void        cc_chart_set_source          (cairo_t            *cr,
                                          const CcRgba       *c,
                                          double              alpha);
/* Sets the dash pattern, scaled to the line width. */
void        cc_chart_set_dash            (cairo_t            *cr,
                                          CcDash              dash,
                                          double              line_width);
/* Draws one marker centred at (x, y); filled markers also get an outline so
 * they stay visible over lines of the same colour. */
void        cc_chart_draw_marker         (cairo_t            *cr,
                                          CcMarker            marker,
                                          double              x,
                                          double              y,
                                          double              size,
                                          gboolean            filled,
                                          const CcRgba       *colour,
                                          const CcRgba       *background,
                                          double              line_width);

G_END_DECLS
