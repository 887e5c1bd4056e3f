/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A widget that shows one chart of the figure engine. The engine draws with
 * a render function on any cairo context, sized in points; on screen one
 * point is one logical pixel (gtk_snapshot_append_cairo), and the same
 * function writes PNG, SVG and PDF, so the screen and the exported figure
 * are the same drawing. An optional hover function turns the pointer
 * position into a readout ("2.95 V at 84 mAh/g").
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void  (*CcChartRenderFunc) (gpointer  chart,
                                    cairo_t  *cr,
                                    double    width_pt,
                                    double    height_pt);
/* Returns a newly allocated readout (Pango markup) for the point
 * (x_pt, y_pt) of a chart drawn at width_pt × height_pt, or NULL when there
 * is nothing to say. */
typedef char *(*CcChartHoverFunc)  (gpointer  chart,
                                    double    x_pt,
                                    double    y_pt,
                                    double    width_pt,
                                    double    height_pt);

#define CC_TYPE_CHART_VIEW (cc_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (CcChartView, cc_chart_view, CC, CHART_VIEW, GtkWidget)

GtkWidget *cc_chart_view_new         (void);
/* chart is passed to both functions; destroy frees it. NULL render clears. */
void       cc_chart_view_set_chart   (CcChartView       *self,
                                      CcChartRenderFunc  render,
                                      CcChartHoverFunc   hover,
                                      gpointer           chart,
                                      GDestroyNotify     destroy);
gboolean   cc_chart_view_has_chart   (CcChartView       *self);
/* The chart handed to cc_chart_view_set_chart(), NULL if none. */
gpointer   cc_chart_view_get_chart   (CcChartView       *self);
/* The readout under the pointer, NULL if none. */
const char *cc_chart_view_get_readout (CcChartView      *self);
/* format: "png" (at dpi), "svg" or "pdf". */
gboolean   cc_chart_view_export      (CcChartView       *self,
                                      GFile             *file,
                                      const char        *format,
                                      double             width_pt,
                                      double             height_pt,
                                      double             dpi,
                                      GError           **error);

G_END_DECLS
