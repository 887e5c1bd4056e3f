/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The controller that turns a design into results off the main thread:
 *
 *   design ─▶ packing ─▶ analysis ─▶ electrochemistry ─▶ impedance, charts
 *
 * A run works on its own immutable copy of the design in a GTask thread,
 * through the core's staged simulation (cc-simulation.h). The pipeline owns
 * that simulation's stage cache across runs, so a run recomputes only the
 * stages the edit invalidated: a protocol edit re-runs the electrochemistry
 * on the cached microstructure, a formulation edit re-packs. The cache is
 * lent to one run at a time: a cancelled run hands it back before the next
 * run starts. Edits are debounced (300 ms): a new design cancels the run in
 * flight through its GCancellable; results of a superseded run are dropped.
 * Workers never touch widgets: they publish progress and particle snapshots
 * under a mutex and wake the main loop with one idle.
 */
#pragma once

#include <gio/gio.h>
#include "cc-design.h"

G_BEGIN_DECLS

typedef enum {
  CC_STAGE_PACKING,
  CC_STAGE_ANALYSIS,
  CC_STAGE_ELECTROCHEMISTRY,
  CC_STAGE_IMPEDANCE,
  CC_N_STAGES
} CcStage;

#define CC_PIPELINE_DEFAULT_DEBOUNCE_MS 300

/* One run: its design, progress, particles and, once finished, results. */
typedef struct _CcRun CcRun;

const char       *cc_stage_get_label             (CcStage          stage);

#define CC_TYPE_RUN (cc_run_get_type ())
GType             cc_run_get_type                (void) G_GNUC_CONST;
CcRun            *cc_run_ref                     (CcRun           *run);
void              cc_run_unref                   (CcRun           *run);
const CcDesign   *cc_run_get_design              (CcRun           *run);
/* Newest particles of this run and a serial that changes with each new
 * snapshot (unique across runs); NULL when there are none yet. A run that
 * re-used the cached packing shows that packing's particles with the serial
 * they had, so a view can tell that nothing moved. */
GBytes           *cc_run_dup_particles           (CcRun           *run,
                                                  guint           *serial,
                                                  double           box_um[3]);
/* Done: computed in this run or served from the cache. */
gboolean          cc_run_get_stage_done          (CcRun           *run,
                                                  CcStage          stage);
/* Computed (again) in this run rather than taken from the cache. */
gboolean          cc_run_get_stage_ran           (CcRun           *run,
                                                  CcStage          stage);
double            cc_run_get_seconds             (CcRun           *run);

#define CC_TYPE_PIPELINE (cc_pipeline_get_type ())
G_DECLARE_FINAL_TYPE (CcPipeline, cc_pipeline, CC, PIPELINE, GObject)

CcPipeline       *cc_pipeline_new                (CcMaterialDb    *db);
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
/* How many runs began to pack (cancelled ones included) rather than
 * re-using the cached packing. */
guint             cc_pipeline_get_n_packings     (CcPipeline      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcRun, cc_run_unref)

G_END_DECLS
