/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Results of a finished run -> charts of the figure engine. Kept in one
 * small file so it can be replaced by the core's own mapping
 * (cc_plot_build_chart_from_simulation) once that exists.
 */
#pragma once

#include "cc-results-view.h"
#include "cc-cell.h"
#include "cc-eis-spectrum.h"
#include "cc-eis-drt.h"
#include "cc-microstructure.h"

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

/* Each builder returns a CcChart* or NULL with error set. */
gpointer cc_stage_chart_voltage  (const CcCellResult *cell, GError **error);
gpointer cc_stage_chart_cycling  (const CcCellResult *cell, GError **error);
gpointer cc_stage_chart_rate     (const CcCellResult *cell, GError **error);
gpointer cc_stage_chart_ragone   (const CcCellResult *cell, GError **error);
gpointer cc_stage_chart_micro    (const CcMicrostructure *micro, GError **error);
/* bode: FALSE for the Nyquist plot. */
gpointer cc_stage_chart_spectrum (const CcEisSpectrum *spectrum, gboolean bode, GError **error);

gpointer cc_stage_chart_drt      (const CcEisDrtResult *drt, GError **error);

G_END_DECLS
