/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where the engines meet the app. A run's worker drives the core's staged
 * simulation (cc-simulation.h) with the pipeline's stage cache and turns
 * what it computed into charts, insights and preset predictions; the main
 * thread then shows them. The rest of the app only knows CcPipeline, CcRun
 * and CcResultsView.
 */
#pragma once

#include "cc-pipeline.h"
#include "cc-presets-gallery.h"
#include "cc-results-view.h"

G_BEGIN_DECLS

/* The core's simulation, whose stages keep their results with the inputs
 * they came from, and the particles of its packing under the snapshot
 * serial they were first shown with. One worker at a time may use it. */
typedef struct _CcStageCache CcStageCache;

CcStageCache *cc_stage_cache_new               (CcMaterialDb     *db);
void          cc_stage_cache_free              (CcStageCache     *cache);

/* Worker thread: recomputes the stages the run's design invalidates (stages
 * whose inputs did not change are served from `cache`), publishes progress
 * and particles to the run and leaves its results there. FALSE with
 * G_IO_ERROR_CANCELLED when the run's cancellable fired. */
gboolean      cc_pipeline_stages_run           (CcRun            *run,
                                                CcStageCache     *cache,
                                                GError          **error);
/* The stage whose output a chart needs; CC_N_STAGES for charts drawn from
 * the design and the materials database alone (stability, compatibility). */
CcStage       cc_pipeline_stages_for_chart     (CcChartKind       kind);
/* Charts that need no simulation, redrawn on every valid design. */
void          cc_pipeline_stages_present_design (const CcDesign  *design,
                                                 CcMaterialDb    *db,
                                                 CcResultsView   *results);
/* Shows what a finished run produced. */
void          cc_pipeline_stages_present       (CcRun            *run,
                                                CcResultsView    *results,
                                                CcPresetsGallery *presets);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcStageCache, cc_stage_cache_free)

G_END_DECLS
