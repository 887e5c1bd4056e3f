/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The adapters between CcChartView and the figure engine: a page draws and
 * hovers a CcChart. The charts themselves come from the core's mapping of
 * the simulation (cc-stage-results.c) or of the design.
 */
#include "cc-stage-charts.h"

#include <glib/gi18n.h>
#include "cc-chart-render.h"

void
cc_stage_chart_render (gpointer chart, cairo_t *cr, double w, double h)
{
  cc_chart_render (chart, NULL, cr, w, h, NULL);
}

char *
cc_stage_chart_hover (gpointer chart, double x, double y, double w, double h)
{
  CcChartHit hit;

  return cc_chart_hit_test (chart, NULL, w, h, x, y, 6, &hit) ? cc_chart_hit_describe (chart, &hit) : NULL;
}

void
cc_stage_charts_show (CcResultsView *results,
                      CcChartKind    kind,
                      gpointer       chart,
                      GError        *error)
{
  if (chart != NULL)
    cc_results_view_show_chart (results, kind, chart);   /* draws pins and measured data over it */
  else
    cc_results_view_clear (results, kind, _("No chart"),
                           error != NULL ? error->message : _("The run produced no data for this chart."));
}
