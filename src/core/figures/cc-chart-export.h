/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export: the render function on PNG (at a chosen DPI), SVG and PDF
 * surfaces sized in points, and the plotted data as CSV. Files are written
 * atomically: a temporary file next to the target, synced, then renamed, so
 * a failed export never leaves a truncated file behind.
 */
#pragma once

#include "cc-chart.h"

G_BEGIN_DECLS

typedef enum {
  CC_CHART_FORMAT_PNG,
  CC_CHART_FORMAT_SVG,
  CC_CHART_FORMAT_PDF,
  CC_CHART_FORMAT_CSV,
  CC_CHART_N_FORMATS
} CcChartFormat;

/* Limits that keep a typo from allocating gigabytes. */
#define CC_CHART_MIN_SIZE_PT   36.0
#define CC_CHART_MAX_SIZE_PT   4000.0
#define CC_CHART_MIN_DPI       36.0
#define CC_CHART_MAX_DPI       1200.0
#define CC_CHART_MAX_PIXELS    (200.0 * 1000 * 1000)

const char *cc_chart_format_to_string   (CcChartFormat  format);
gboolean    cc_chart_format_from_string (const char    *str,
                                         CcChartFormat *out);
/* From a file name's extension (.png, .svg, .pdf, .csv; any case). */
gboolean    cc_chart_format_from_path   (const char    *path,
                                         CcChartFormat *out);

/* The pixel size of a PNG export: ceil(points × dpi / 72). */
void        cc_chart_png_size           (double         width_pt,
                                         double         height_pt,
                                         double         dpi,
                                         int           *width_px,
                                         int           *height_px);

/* The exported file's contents. @style NULL means the print theme. @dpi is
 * used for PNG only. */
GBytes     *cc_chart_export_bytes       (CcChart            *chart,
                                         const CcChartStyle *style,
                                         CcChartFormat       format,
                                         double              width_pt,
                                         double              height_pt,
                                         double              dpi,
                                         GError            **error);
gboolean    cc_chart_export             (CcChart            *chart,
                                         const CcChartStyle *style,
                                         CcChartFormat       format,
                                         const char         *path,
                                         double              width_pt,
                                         double              height_pt,
                                         double              dpi,
                                         GError            **error);
/* The CSV alone: the chart's table, else every series as
 * panel,series,x_title,x,y_title,y rows. */
char       *cc_chart_to_csv             (const CcChart      *chart);

G_END_DECLS
