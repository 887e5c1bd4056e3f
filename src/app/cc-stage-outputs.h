/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a finished run leaves for the main thread. The worker builds it from
 * the simulation while it holds the stage cache, so nothing here points into
 * the cache (the next run may change it); it is immutable afterwards.
 */
#pragma once

#include "cc-chart.h"
#include "cc-preset.h"
#include "cc-results-view.h"
#include "cc-simulation.h"

G_BEGIN_DECLS

/* One results page: a chart, or why there is none. */
typedef struct {
  CcChart *chart;
  char    *title;    /* both NULL for pages the run does not draw */
  char    *reason;
} CcStagePage;

typedef struct {
  CcStagePage     pages[CC_N_CHARTS];
  char          **insights;        /* Pango markup, main limitation first */
  const CcPreset *preset;          /* the literature cell of the design, or NULL */
  gboolean        has_prediction;  /* FALSE: the cell gave no figures */
  CcReported      predicted;       /* the preset's conditions, the model's figures */
} CcStageResults;

CcStageResults *cc_stage_results_new  (void);
void            cc_stage_results_free (CcStageResults *results);
/* Puts a chart (owned) or, when it is NULL, why not on `kind`'s page. */
void            cc_stage_results_set  (CcStageResults *results,
                                       CcChartKind     kind,
                                       CcChart        *chart,
                                       const char     *title,
                                       const char     *reason);

/* Worker thread: charts, insights and the preset prediction of `sim`, which
 * ran `design`; `sim_error` is set when only the microstructure (and the
 * stability, if analysed) completed and the cell model failed. */
CcStageResults *cc_stage_results_build (CcSimulation   *sim,
                                        const CcDesign *design,
                                        CcMaterialDb   *db,
                                        const GError   *sim_error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcStageResults, cc_stage_results_free)

G_END_DECLS
