/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From a design to a chart by name: the one place where engine results are
 * mapped onto the chart data types. The CLI's `plot` command and the app's
 * export use it. Charts that need engine results not wired in yet fail with
 * CC_CHART_ERROR_UNAVAILABLE.
 */
#pragma once

#include "cc-chart.h"
#include "cc-chart-data.h"
#include "cc-design.h"
#include "cc-material-db.h"

G_BEGIN_DECLS

typedef struct {
  guint cycle;      /* voltage profiles: the cycle to show; 0 = the chart's default */
} CcPlotOptions;

/* @options may be NULL. The design should be valid against @db. Unknown
 * names fail with CC_CHART_ERROR_INVALID. */
CcChart *cc_plot_build_chart          (const char          *name,
                                       const CcDesign      *design,
                                       CcMaterialDb        *db,
                                       const CcPlotOptions *options,
                                       GError             **error);

/* The stability-window data of a design: every electrolyte and coating it
 * uses (catholyte, coatings, separator, interlayer), the CAM's range during
 * the protocol (cell voltage limits plus the anode potential, or the CAM's
 * usual range when the protocol gives none) and the anode potential. */
CcStabilityData *cc_plot_stability_data (const CcDesign   *design,
                                         CcMaterialDb     *db,
                                         GError          **error);

/* The window-overlap score of every CAM × SE pair in @db (see the README):
 * 3 the CAM's range lies inside the thermodynamic window, 2 inside the
 * apparent (kinetic) window only, 1 beyond it by at most 0.5 V, 0 by more;
 * −1 when a limit is missing. The design's pair is highlighted. */
CcCompatibilityData *cc_plot_compatibility_data (const CcDesign *design,
                                                 CcMaterialDb   *db,
                                                 GError        **error);
int              cc_plot_window_score   (double cam_min_V,
                                         double cam_max_V,
                                         double reduction_V,
                                         double oxidation_V,
                                         double apparent_reduction_V,
                                         double apparent_oxidation_V);

G_END_DECLS
