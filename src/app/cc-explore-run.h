/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One sweep run in the background for the Explore view: cc_sweep_run on a
 * GTask thread (which spreads the points over its own thread pool), writing
 * the results file that doubles as the checkpoint. The worker never touches
 * widgets: it publishes progress under a mutex and wakes the main loop with
 * a single idle; there "progress" is emitted and the results that reached
 * the file since the last call are read back (so the map fills in as points
 * complete). "finished" comes once, with NULL or the error (cancelled:
 * G_IO_ERROR_CANCELLED, the points done so far kept in the file).
 */
#pragma once

#include <gio/gio.h>
#include "cc-sweep-run.h"

G_BEGIN_DECLS

#define CC_TYPE_EXPLORE_RUN (cc_explore_run_get_type ())
G_DECLARE_FINAL_TYPE (CcExploreRun, cc_explore_run, CC, EXPLORE_RUN, GObject)

/* @start_offset: bytes of @out_path already read by the caller. */
CcExploreRun *cc_explore_run_new          (CcSweep                *sweep,
                                           const CcSweepEvaluator *evaluator,
                                           const char             *out_path,
                                           gsize                   start_offset);
void          cc_explore_run_start        (CcExploreRun           *self);
void          cc_explore_run_cancel       (CcExploreRun           *self);
gboolean      cc_explore_run_is_running   (CcExploreRun           *self);
/* The latest progress (main thread). */
void          cc_explore_run_get_progress (CcExploreRun           *self,
                                           CcSweepProgress        *out);
/* Records appended to the file since the last call, complete lines only
 * (CcSweepRecord*, to be taken by the caller). */
GPtrArray    *cc_explore_run_read_new     (CcExploreRun           *self,
                                           GError                **error);
const char   *cc_explore_run_get_path     (CcExploreRun           *self);

G_END_DECLS
