/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From a design or a finished simulation to a chart by name: the one place
 * where engine results are mapped onto the chart data types. The CLI's
 * `plot` command and the app's export use it.
 */
#pragma once

#include "cc-chart.h"
#include "cc-chart-data.h"
#include "cc-design.h"
#include "cc-material-db.h"
#include "cc-simulation.h"

G_BEGIN_DECLS

typedef struct {
  guint cycle;      /* impedance charts (Nyquist, Bode, DRT): the cycle of
                     * the spectrum; 0 = the first (fresh cell) */
  guint particles;  /* engine charts: packing particle budget; 0 = the design's */
} CcPlotOptions;

/* @options may be NULL. The design should be valid against @db. Unknown
 * names fail with CC_CHART_ERROR_INVALID. Engine charts run a CcSimulation
 * of the design first (packing, then the cell model: seconds to a minute,
 * so call from a worker thread) and map it with the function below. */
CcChart *cc_plot_build_chart          (const char          *name,
                                       const CcDesign      *design,
                                       CcMaterialDb        *db,
                                       const CcPlotOptions *options,
                                       GError             **error);

/* Any chart kind from a simulation that has run (cc_simulation_run), all
 * curves model output:
 *   voltage-profile  one group per C-rate, charge and discharge, V vs the anode
 *   cycling          discharge capacity and Coulombic efficiency per cycle
 *   rate-capability  discharge capacity against C-rate
 *   ragone           energy against power per kg of composite and per kg of CAM
 *   nyquist, bode    the model spectrum at options->cycle (default 1) and at
 *                    the last simulated cycle, in ohm cm2
 *   drt              DRT of the options->cycle spectrum, peaks labelled with
 *                    the model process they belong to, and of the last
 *                    simulated cycle's (unlabelled) so that ageing shows
 *   microstructure   the packing's metrics
 * Design-only kinds are built from the simulation's design and the default
 * materials database. A cell the model could not simulate (no ionic path,
 * …) fails with CC_CHART_ERROR_DATA and the model's explanation. Does not
 * block beyond the impedance model and the DRT fit (milliseconds). */
CcChart *cc_plot_build_chart_from_simulation (const char          *name,
                                              CcSimulation        *sim,
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
