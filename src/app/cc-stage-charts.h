/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CcChart (the figure engine) on a results page.
 */
#pragma once

#include "cc-results-view.h"

G_BEGIN_DECLS

/* The adapters between CcChartView and the figure engine. */
void   cc_stage_chart_render (gpointer chart, cairo_t *cr, double w, double h);
char  *cc_stage_chart_hover  (gpointer chart, double x, double y, double w, double h);

/* Puts `chart` (owned, may be NULL) on page `kind`, or the reason it could
 * not be built (error) there. */
void   cc_stage_charts_show  (CcResultsView *results,
                              CcChartKind    kind,
                              gpointer       chart,
                              GError        *error);

G_END_DECLS
