/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Running a sweep (or one shard of it) on a thread pool, streaming results to
 * a JSON Lines file that doubles as the checkpoint.
 *
 * While the run goes on, lines are appended in completion order and flushed
 * one by one, so a kill loses at most the points being computed. Running the
 * same command again reads the file, skips the points it holds and computes
 * the rest. When every point of the shard is done the file is rewritten
 * sorted by index (atomically): the finished file depends only on the sweep,
 * the shard and the evaluator, not on threads, timing or interruptions.
 *
 * Shard I of N holds the points whose index % N == I (round robin, so slow
 * and fast regions of the grid spread evenly over the shards).
 */
#pragma once

#include <gio/gio.h>
#include "cc-sweep.h"
#include "cc-sweep-record.h"

G_BEGIN_DECLS

typedef struct {
  guint        shard_index;    /* 0 .. shard_count-1 */
  guint        shard_count;    /* 0 or 1: the whole sweep */
  guint        n_threads;      /* 0: g_get_num_processors () */
  const char  *out_path;       /* required */
} CcSweepRunOptions;

typedef struct {
  guint64  total;        /* points in this shard */
  guint64  resumed;      /* found done in the file at the start */
  guint64  done;         /* computed by this run so far */
  guint64  n_ok;         /* over resumed + done */
  guint64  n_invalid;
  guint64  n_failed;
  double   elapsed_s;    /* of this run */
} CcSweepProgress;

/* Called on the thread that runs cc_sweep_run, after each result is written. */
typedef void (*CcSweepProgressFunc) (const CcSweepProgress *progress,
                                     gpointer               user_data);

/* TRUE when every point of the shard is in the (now canonical) file.
 * Cancelled: FALSE with G_IO_ERROR_CANCELLED, the finished points saved.
 * A file that holds results of another sweep, shard or evaluator is refused
 * (CC_SWEEP_ERROR_MISMATCH) and left untouched. */
gboolean cc_sweep_run (CcSweep                 *sweep,
                       const CcSweepEvaluator  *evaluator,
                       CcMaterialDb            *db,
                       const CcSweepRunOptions *options,
                       CcSweepProgressFunc      progress,
                       gpointer                 progress_data,
                       GCancellable            *cancellable,
                       CcSweepProgress         *summary,
                       GError                 **error);

/* Whether the results in @records belong to @sweep (index in range, id as
 * computed) and, if @shard_count > 1, to that shard. */
gboolean cc_sweep_check_results (CcSweep    *sweep,
                                 GPtrArray  *records,
                                 guint       shard_index,
                                 guint       shard_count,
                                 const char *origin,
                                 GError    **error);

/* Parses "I/N" (0 <= I < N). */
gboolean cc_sweep_parse_shard (const char *text,
                               guint      *index,
                               guint      *count,
                               GError    **error);

G_END_DECLS
