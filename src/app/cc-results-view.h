/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The results area: one chart page per figure (voltage curves, cycling,
 * rate capability, Ragone, Nyquist, Bode, DRT, interfacial stability,
 * material compatibility, microstructure) and an Insights panel. A page
 * without a chart says honestly why ("not computed yet" and the reason).
 * The figure engine's charts of a run are shown with
 * cc_results_view_show_chart(), which draws the overlays (pinned results,
 * measured data) of cc-overlays.h over them; other render functions can
 * be plugged in with cc_results_view_set_chart().
 */
#pragma once

#include <gtk/gtk.h>
#include "cc-chart.h"
#include "cc-chart-view.h"
#include "cc-overlays.h"

G_BEGIN_DECLS

typedef enum {
  CC_CHART_VOLTAGE,
  CC_CHART_CYCLING,
  CC_CHART_RATE,
  CC_CHART_RAGONE,
  CC_CHART_NYQUIST,
  CC_CHART_BODE,
  CC_CHART_DRT,
  CC_CHART_STABILITY,
  CC_CHART_COMPATIBILITY,
  CC_CHART_MICROSTRUCTURE,
  CC_N_CHARTS
} CcChartKind;

const char  *cc_chart_kind_get_id    (CcChartKind kind);   /* "voltage", … */
const char  *cc_chart_kind_get_title (CcChartKind kind);   /* translated */

#define CC_TYPE_RESULTS_VIEW (cc_results_view_get_type ())
G_DECLARE_FINAL_TYPE (CcResultsView, cc_results_view, CC, RESULTS_VIEW, GtkBox)

void         cc_results_view_set_chart       (CcResultsView     *self,
                                              CcChartKind        kind,
                                              CcChartRenderFunc  render,
                                              CcChartHoverFunc   hover,
                                              gpointer           chart,
                                              GDestroyNotify     destroy);
/* Removes a chart and shows why there is none. */
void         cc_results_view_clear           (CcResultsView     *self,
                                              CcChartKind        kind,
                                              const char        *title,
                                              const char        *reason);
gboolean     cc_results_view_has_chart       (CcResultsView     *self,
                                              CcChartKind        kind);
CcChartView *cc_results_view_get_chart_view  (CcResultsView     *self,
                                              CcChartKind        kind);
CcChartKind  cc_results_view_get_visible     (CcResultsView     *self);
void         cc_results_view_set_visible     (CcResultsView     *self,
                                              CcChartKind        kind);
/* A chart of the figure engine from a run (takes @chart), drawn with the
 * overlays that fit it; the chart itself stays as the run made it. */
void         cc_results_view_show_chart      (CcResultsView     *self,
                                              CcChartKind        kind,
                                              CcChart           *chart);
/* The overlays to draw (pins, measured data); redrawn when they change. */
void         cc_results_view_set_overlays    (CcResultsView     *self,
                                              CcOverlays        *overlays);
/* Chart kind ("voltage-profile", …) → the run's CcChart (a reference),
 * for the kinds that take overlays: what a pin keeps. */
GHashTable  *cc_results_view_dup_run_charts  (CcResultsView     *self);
/* The chart page @kind draws now, overlays included; NULL when the page
 * shows no engine chart. */
CcChart     *cc_results_view_get_shown_chart (CcResultsView     *self,
                                              CcChartKind        kind);
/* Pango markup, one insight per entry; NULL or empty shows a placeholder. */
void         cc_results_view_set_insights    (CcResultsView     *self,
                                              const char * const *insights,
                                              const char        *placeholder);

G_END_DECLS
