/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The controller that turns a design into results off the main thread:
 *
 *   design ─▶ packing ─▶ analysis ─▶ electrochemistry ─▶ impedance
 *
 * Each stage is a plain function plugged in with cc_pipeline_set_stage()
 * (see cc-pipeline-stages.c); stages without a function are skipped. A run
 * works on its own immutable copy of the design in a GTask thread. Edits are
 * debounced (300 ms): a new design cancels the run in flight through its
 * GCancellable and starts a fresh one; results of a superseded run are
 * dropped. Workers never touch widgets: they publish progress and particle
 * snapshots under a mutex and wake the main loop with one idle.
 */
#pragma once

#include <gio/gio.h>
#include "cc-design.h"
#include "cc-microstructure.h"

G_BEGIN_DECLS

typedef enum {
  CC_STAGE_PACKING,
  CC_STAGE_ANALYSIS,
  CC_STAGE_ELECTROCHEMISTRY,
  CC_STAGE_IMPEDANCE,
  CC_N_STAGES
} CcStage;

#define CC_PIPELINE_DEFAULT_DEBOUNCE_MS 300

/* One run: created by the pipeline, handed to every stage function. */
typedef struct _CcRun CcRun;

/* A stage: runs in a worker thread, may block, must poll `cancellable` and
 * return FALSE with G_IO_ERROR_CANCELLED when it fires. user_data is shared
 * by all runs, so it must be immutable or thread-safe. */
typedef gboolean (*CcStageFunc)    (CcRun         *run,
                                    gpointer       user_data,
                                    GCancellable  *cancellable,
                                    GError       **error);
/* The signature of cc_packing_monitor_dup_snapshot(): a thread-safe source
 * of particle snapshots (GBytes of CcParticle) polled from the main thread. */
typedef GBytes  *(*CcSnapshotFunc) (gpointer       source,
                                    guint         *serial,
                                    double        *box_um);

const char       *cc_stage_get_label             (CcStage          stage);

#define CC_TYPE_RUN (cc_run_get_type ())
GType             cc_run_get_type                (void) G_GNUC_CONST;
CcRun            *cc_run_ref                     (CcRun           *run);
void              cc_run_unref                   (CcRun           *run);

/* ---- for stage functions (any thread) ---- */
const CcDesign   *cc_run_get_design              (CcRun           *run);
CcMaterialDb     *cc_run_get_db                  (CcRun           *run);
/* Progress within the current stage, 0..1, and a short detail ("compaction"). */
void              cc_run_set_progress            (CcRun           *run,
                                                  double           fraction,
                                                  const char      *detail);
/* A stage's result, read by later stages and by the presentation code. */
void              cc_run_set_output              (CcRun           *run,
                                                  CcStage          stage,
                                                  gpointer         data,
                                                  GDestroyNotify   destroy);
gpointer          cc_run_get_output              (CcRun           *run,
                                                  CcStage          stage);
void              cc_run_set_microstructure      (CcRun           *run,
                                                  const CcMicrostructure *micro);
/* NULL until the analysis stage has set it. */
const CcMicrostructure *cc_run_get_microstructure (CcRun          *run);
/* Live particles while packing runs (e.g. a CcPackingMonitor). */
void              cc_run_set_snapshot_source     (CcRun           *run,
                                                  CcSnapshotFunc   func,
                                                  gpointer         source,
                                                  GDestroyNotify   destroy);
/* Final particles (e.g. after the analysis has written their states). */
void              cc_run_publish_particles       (CcRun           *run,
                                                  GBytes          *particles,
                                                  const double     box_um[3]);

/* ---- for the main thread ---- */
/* Newest particles of this run and a serial that changes with each new
 * snapshot (unique across runs); NULL when there are none. */
GBytes           *cc_run_dup_particles           (CcRun           *run,
                                                  guint           *serial,
                                                  double           box_um[3]);
gboolean          cc_run_get_stage_done          (CcRun           *run,
                                                  CcStage          stage);
double            cc_run_get_seconds             (CcRun           *run);

#define CC_TYPE_PIPELINE (cc_pipeline_get_type ())
G_DECLARE_FINAL_TYPE (CcPipeline, cc_pipeline, CC, PIPELINE, GObject)

CcPipeline       *cc_pipeline_new                (CcMaterialDb    *db);
/* weight: the stage's share of the progress bar (relative). */
void              cc_pipeline_set_stage          (CcPipeline      *self,
                                                  CcStage          stage,
                                                  CcStageFunc      func,
                                                  double           weight,
                                                  gpointer         user_data,
                                                  GDestroyNotify   destroy);
gboolean          cc_pipeline_has_stage          (CcPipeline      *self,
                                                  CcStage          stage);
/* TRUE when at least one stage is plugged in. */
gboolean          cc_pipeline_get_available      (CcPipeline      *self);
void              cc_pipeline_set_debounce_ms    (CcPipeline      *self,
                                                  guint            ms);

/* Schedules a run on a copy of `design` after the debounce delay; a newer
 * submission replaces a pending one and cancels the run in flight. Invalid
 * designs cancel the run and start nothing. */
void              cc_pipeline_submit             (CcPipeline      *self,
                                                  const CcDesign  *design);
void              cc_pipeline_cancel             (CcPipeline      *self);

gboolean          cc_pipeline_get_running        (CcPipeline      *self);
double            cc_pipeline_get_progress       (CcPipeline      *self);
/* "Packing — compaction", "Done in 2.1 s", "Cancelled", an error message. */
const char       *cc_pipeline_get_status         (CcPipeline      *self);
/* The run in flight, else the last one that finished; may be NULL. */
CcRun            *cc_pipeline_get_current_run    (CcPipeline      *self);
GBytes           *cc_pipeline_dup_particles      (CcPipeline      *self,
                                                  guint           *serial,
                                                  double           box_um[3]);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcRun, cc_run_unref)

G_END_DECLS
