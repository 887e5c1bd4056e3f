/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where the engines meet the app. The packing, analysis, electrochemistry
 * and impedance engines are plugged into the pipeline here, and a finished
 * run is turned into charts, insights and preset predictions here; the rest
 * of the app only knows CcPipeline, CcRun and CcResultsView.
 */
#pragma once

#include "cc-pipeline.h"
#include "cc-presets-gallery.h"
#include "cc-results-view.h"

G_BEGIN_DECLS

/* Plugs every engine available in this build into `pipeline`. */
void     cc_pipeline_stages_install       (CcPipeline       *pipeline);
/* The stage whose output a chart needs; CC_N_STAGES for charts drawn from
 * the design and the materials database alone (stability, compatibility). */
CcStage  cc_pipeline_stages_for_chart     (CcChartKind       kind);
/* Charts that need no simulation, redrawn on every valid design. */
void     cc_pipeline_stages_present_design (const CcDesign  *design,
                                            CcMaterialDb    *db,
                                            CcResultsView   *results);
/* Shows what a finished run produced. */
void     cc_pipeline_stages_present       (CcRun            *run,
                                           CcResultsView    *results,
                                           CcPresetsGallery *presets);
/* Insights (Pango markup) from microstructure metrics, NULL-terminated. */
char   **cc_pipeline_stages_micro_insights (const CcMicrostructure *micro);

G_END_DECLS
