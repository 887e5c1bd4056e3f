/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the pipeline (and only the pipeline) does to a run.
 */
#pragma once

#include "cc-pipeline.h"

G_BEGIN_DECLS

/* One plugged-in stage, shared by reference between the pipeline and runs
 * so a run in flight keeps its user_data alive. */
typedef struct _CcStageSlot CcStageSlot;

CcStageSlot *cc_stage_slot_new   (CcStageFunc     func,
                                  double          weight,
                                  gpointer        user_data,
                                  GDestroyNotify  destroy);
CcStageSlot *cc_stage_slot_ref   (CcStageSlot    *slot);
void         cc_stage_slot_unref (CcStageSlot    *slot);

/* Called in the run's main context, at most once per main-loop iteration,
 * after progress or snapshots changed. */
typedef void (*CcRunNotify) (GObject *owner,
                             CcRun   *run);

CcRun       *cc_run_new          (const CcDesign *design,
                                  CcMaterialDb   *db,
                                  CcStageSlot   **slots,  /* [CC_N_STAGES], NULL entries skipped */
                                  GObject        *owner,
                                  CcRunNotify     notify);
GCancellable *cc_run_get_cancellable (CcRun  *run);
/* Worker side: runs every stage in order. */
gboolean     cc_run_execute      (CcRun          *run,
                                  GError        **error);
/* Overall progress, weighted by the stages' weights, and a status line. */
double       cc_run_get_total_progress (CcRun *run,
                                        char **status);
void         cc_run_mark_finished (CcRun         *run);

G_END_DECLS
