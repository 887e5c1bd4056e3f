/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the pipeline and its worker (and only they) do to a run.
 */
#pragma once

#include "cc-pipeline.h"
#include "cc-stage-outputs.h"

G_BEGIN_DECLS

/* Called in the run's main context, at most once per main-loop iteration,
 * after progress or particles changed. */
typedef void    (*CcRunNotify)    (GObject  *owner,
                                   CcRun    *run);
/* The signature of cc_packing_monitor_dup_snapshot(): a thread-safe source
 * of particle snapshots (GBytes of CcParticle) polled from the main thread. */
typedef GBytes *(*CcSnapshotFunc) (gpointer  source,
                                   guint    *serial,
                                   double   *box_um);

CcRun        *cc_run_new                (const CcDesign *design,
                                         CcMaterialDb   *db,
                                         GObject        *owner,
                                         CcRunNotify     notify);
CcMaterialDb *cc_run_get_db             (CcRun          *run);
GCancellable *cc_run_get_cancellable    (CcRun          *run);

/* ---- worker side (any thread) ---- */
void          cc_run_mark_started       (CcRun          *run);
/* `stage` is being computed; every stage before it is done (computed or
 * served from the cache). detail: a short note ("cell model"), nullable. */
void          cc_run_begin_stage        (CcRun          *run,
                                         CcStage         stage,
                                         const char     *detail);
/* Progress within `stage`, 0..1; ignored unless `stage` is the one running. */
void          cc_run_set_progress       (CcRun          *run,
                                         CcStage         stage,
                                         double          fraction,
                                         const char     *detail);
/* Live particles while the packing runs (a CcPackingMonitor). */
void          cc_run_set_snapshot_source (CcRun         *run,
                                         CcSnapshotFunc  func,
                                         gpointer        source,
                                         GDestroyNotify  destroy);
/* A fresh snapshot serial, unique across runs. */
guint         cc_run_new_serial         (void);
/* The final particles (states filled in) under `serial`; ends the live
 * snapshots, so a late one cannot replace them. */
void          cc_run_publish_particles  (CcRun          *run,
                                         GBytes         *particles,
                                         const double    box_um[3],
                                         guint           serial);
/* Takes `results`; every stage is done. */
void          cc_run_set_results        (CcRun          *run,
                                         CcStageResults *results);

/* ---- main thread ---- */
/* NULL until the worker has finished successfully. */
const CcStageResults *cc_run_get_results (CcRun         *run);
void          cc_run_mark_finished      (CcRun          *run);
/* Overall progress, weighted by the stages' usual shares of the time, and
 * a status line ("Packing — compaction"). */
double        cc_run_get_total_progress (CcRun          *run,
                                         char          **status);

G_END_DECLS
