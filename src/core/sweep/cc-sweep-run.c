/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sweep runner: a GThreadPool computes points, the calling thread is the
 * only writer of the results file. See cc-sweep-run.h for the file contract.
 */
#include "cc-sweep-run.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

typedef struct {
  CcSweep                *sweep;
  const CcSweepEvaluator *evaluator;
  CcMaterialDb           *db;
  GCancellable           *cancellable;
  GAsyncQueue            *results;    /* Result* */
} Shared;

typedef struct {
  guint64        index;
  CcSweepRecord *record;   /* NULL: not done (cancelled) */
} Result;

gboolean
cc_sweep_parse_shard (const char *text,
                      guint      *index,
                      guint      *count,
                      GError    **error)
{
  g_auto(GStrv) parts = g_strsplit (text, "/", -1);
  guint64 i = 0, n = 0;

  if (g_strv_length (parts) != 2
      || !g_ascii_string_to_unsigned (parts[0], 10, 0, 1000000, &i, NULL)
      || !g_ascii_string_to_unsigned (parts[1], 10, 1, 1000000, &n, NULL)
      || i >= n)
    {
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID,
                   "shard \"%s\": write I/N with 0 <= I < N (e.g. 0/4 … 3/4)", text);
      return FALSE;
    }
  *index = (guint) i;
  *count = (guint) n;
  return TRUE;
}

gboolean
cc_sweep_check_results (CcSweep    *sweep,
                        GPtrArray  *records,
                        guint       shard_index,
                        guint       shard_count,
                        const char *origin,
                        GError    **error)
{
  guint64 n = cc_sweep_get_n_points (sweep);
  CcSweepValue values[CC_SWEEP_MAX_AXES];

  for (guint i = 0; i < records->len; i++)
    {
      const CcSweepRecord *r = g_ptr_array_index (records, i);
      g_autofree char *id = NULL;
      guint replicate;

      if (r->index >= n)
        {
          g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_MISMATCH,
                       "%s: point %" G_GUINT64_FORMAT " is beyond this sweep's %" G_GUINT64_FORMAT
                       " points: the file holds results of another sweep", origin, r->index, n);
          return FALSE;
        }
      cc_sweep_point_decompose (sweep, r->index, values, &replicate);
      id = cc_sweep_point_id (sweep, values, replicate);
      if (g_strcmp0 (id, r->id) != 0)
        {
          g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_MISMATCH,
                       "%s: point %" G_GUINT64_FORMAT " has id %s where this sweep gives %s: the file holds "
                       "results of another sweep (its base design, balance or axes differ)",
                       origin, r->index, r->id, id);
          return FALSE;
        }
      if (shard_count > 1 && r->index % shard_count != shard_index)
        {
          g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_MISMATCH,
                       "%s: point %" G_GUINT64_FORMAT " belongs to shard %" G_GUINT64_FORMAT "/%u, not %u/%u",
                       origin, r->index, r->index % shard_count, shard_count, shard_index, shard_count);
          return FALSE;
        }
    }
  return TRUE;
}

static void
worker (gpointer data,
        gpointer user_data)
{
  Shared *sh = user_data;
  Result *res = g_new0 (Result, 1);

  res->index = GPOINTER_TO_SIZE (data) - 1;
  if (!g_cancellable_is_cancelled (sh->cancellable))
    {
      CcSweepValue values[CC_SWEEP_MAX_AXES];
      CcSweepRecord *r = cc_sweep_record_new ();
      guint replicate;

      r->index = res->index;
      cc_sweep_point_decompose (sh->sweep, res->index, values, &replicate);
      if (cc_sweep_evaluate_point (sh->sweep, values, replicate, sh->evaluator, sh->db, sh->cancellable, r))
        {
          cc_sweep_record_serialize (r);
          res->record = r;
        }
      else
        cc_sweep_record_free (r);
    }
  g_async_queue_push (sh->results, res);
}

static void
count_status (CcSweepProgress     *p,
              const CcSweepRecord *r)
{
  switch (r->status)
    {
    case CC_SWEEP_STATUS_OK:      p->n_ok++; break;
    case CC_SWEEP_STATUS_INVALID: p->n_invalid++; break;
    case CC_SWEEP_STATUS_FAILED:  p->n_failed++; break;
    default: g_assert_not_reached ();
    }
}

/* Loads what an earlier run left: checked, with a cut-off last line removed
 * from the file. Returns the records (empty if there is no file). */
static GPtrArray *
load_previous (CcSweep                 *sweep,
               const CcSweepEvaluator  *evaluator,
               const CcSweepRunOptions *o,
               guint                    shard_count,
               GError                 **error)
{
  g_autoptr(GPtrArray) records = NULL;
  gsize valid = 0;
  GStatBuf st;

  if (g_stat (o->out_path, &st) != 0)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) cc_sweep_record_free);
  records = cc_sweep_read_results (o->out_path, TRUE, &valid, error);
  if (records == NULL
      || !cc_sweep_check_results (sweep, records, o->shard_index, shard_count, o->out_path, error))
    return NULL;
  for (guint i = 0; i < records->len; i++)
    {
      const CcSweepRecord *r = g_ptr_array_index (records, i);
      if (g_strcmp0 (r->evaluator, evaluator->name) != 0)
        {
          g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_MISMATCH,
                       "%s: holds results of evaluator \"%s\"; this run uses \"%s\". "
                       "Write to another file.", o->out_path, r->evaluator, evaluator->name);
          return NULL;
        }
    }
  if ((gsize) st.st_size > valid && truncate (o->out_path, (off_t) valid) != 0)
    {
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_IO, "%s: could not drop the cut-off last line: %s",
                   o->out_path, g_strerror (errno));
      return NULL;
    }
  return g_steal_pointer (&records);
}

typedef struct {
  FILE                *out;
  GPtrArray           *records;
  CcSweepProgress     *p;
  gint64               start_us;
  CcSweepProgressFunc  progress;
  gpointer             progress_data;
  GError              *write_error;
} Writer;

static void
write_result (Writer *w,
              Result *res,
              const char *path)
{
  CcSweepRecord *r = res->record;

  g_free (res);
  if (r == NULL)
    return;
  if (w->write_error == NULL
      && (fputs (r->line, w->out) == EOF || fputc ('\n', w->out) == EOF || fflush (w->out) != 0))
    g_set_error (&w->write_error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_IO, "%s: could not write: %s",
                 path, g_strerror (errno));
  w->p->done++;
  count_status (w->p, r);
  g_ptr_array_add (w->records, r);
  w->p->elapsed_s = (g_get_monotonic_time () - w->start_us) / 1e6;
  if (w->progress != NULL)
    w->progress (w->p, w->progress_data);
}

/* Pushes the pending points and writes results as they come, until all are
 * in or the run is cancelled. */
static void
pump (Shared                  *sh,
      Writer                  *w,
      const CcSweepRunOptions *o,
      GArray                  *pending)
{
  guint n_threads = o->n_threads > 0 ? o->n_threads : (guint) g_get_num_processors ();
  GThreadPool *pool;
  guint received = 0;

  n_threads = CLAMP (n_threads, 1, MAX (pending->len, 1));
  pool = g_thread_pool_new (worker, sh, (gint) n_threads, FALSE, NULL);
  for (guint i = 0; i < pending->len; i++)
    g_thread_pool_push (pool, GSIZE_TO_POINTER (g_array_index (pending, guint64, i) + 1), NULL);

  while (received < pending->len)
    {
      Result *res;

      if (g_cancellable_is_cancelled (sh->cancellable) || w->write_error != NULL)
        break;
      res = g_async_queue_timeout_pop (sh->results, 100000);
      if (res == NULL)
        continue;
      received++;
      write_result (w, res, o->out_path);
    }
  /* Drop the queued points, wait for the ones running, keep their results. */
  g_thread_pool_free (pool, TRUE, TRUE);
  for (Result *res; (res = g_async_queue_try_pop (sh->results)) != NULL;)
    write_result (w, res, o->out_path);
}

static GArray *
pending_points (CcSweep    *sweep,
                guint       shard_index,
                guint       shard_count,
                GPtrArray  *previous,
                guint64    *total)
{
  g_autoptr(GHashTable) done = g_hash_table_new (g_int64_hash, g_int64_equal);
  GArray *pending = g_array_new (FALSE, FALSE, sizeof (guint64));
  guint64 n = cc_sweep_get_n_points (sweep);

  for (guint i = 0; i < previous->len; i++)
    {
      CcSweepRecord *r = g_ptr_array_index (previous, i);
      g_hash_table_add (done, &r->index);
    }
  *total = 0;
  for (guint64 i = shard_index; i < n; i += shard_count)
    {
      (*total)++;
      if (!g_hash_table_contains (done, &i))
        g_array_append_val (pending, i);
    }
  return pending;
}

static gboolean
finish (Writer                  *w,
        const CcSweepRunOptions *o,
        GCancellable            *cancellable,
        GError                 **error)
{
  if (w->write_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&w->write_error));
      return FALSE;
    }
  if (w->p->resumed + w->p->done < w->p->total)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                   "interrupted after %" G_GUINT64_FORMAT " of %" G_GUINT64_FORMAT " points; the results "
                   "so far are in %s: run the same command again to resume",
                   w->p->resumed + w->p->done, w->p->total, o->out_path);
      return FALSE;
    }
  /* Complete: rewrite sorted, so the file no longer depends on the order in
   * which threads finished or on interruptions. */
  return cc_sweep_results_canonicalize (w->records, error)
         && cc_sweep_write_results (o->out_path, w->records, error);
}

gboolean
cc_sweep_run (CcSweep                 *sweep,
              const CcSweepEvaluator  *evaluator,
              CcMaterialDb            *db,
              const CcSweepRunOptions *options,
              CcSweepProgressFunc      progress,
              gpointer                 progress_data,
              GCancellable            *cancellable,
              CcSweepProgress         *summary,
              GError                 **error)
{
  guint shard_count = MAX (options->shard_count, 1);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GArray) pending = NULL;
  CcSweepProgress p = { 0 };
  Shared sh = { sweep, evaluator, db, cancellable, NULL };
  Writer w = { NULL };
  gboolean ok;

  g_return_val_if_fail (sweep != NULL && evaluator != NULL && db != NULL, FALSE);
  g_return_val_if_fail (options != NULL && options->out_path != NULL, FALSE);
  g_return_val_if_fail (options->shard_index < shard_count, FALSE);

  records = load_previous (sweep, evaluator, options, shard_count, error);
  if (records == NULL)
    return FALSE;
  pending = pending_points (sweep, options->shard_index, shard_count, records, &p.total);
  p.resumed = p.total - pending->len;
  for (guint i = 0; i < records->len; i++)
    count_status (&p, g_ptr_array_index (records, i));

  w.out = fopen (options->out_path, "ab");
  if (w.out == NULL)
    {
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_IO, "%s: %s", options->out_path, g_strerror (errno));
      return FALSE;
    }
  w.records = records;
  w.p = &p;
  w.start_us = g_get_monotonic_time ();
  w.progress = progress;
  w.progress_data = progress_data;

  if (pending->len > 0)
    {
      sh.results = g_async_queue_new ();
      pump (&sh, &w, options, pending);
      g_async_queue_unref (sh.results);
    }
  if (fclose (w.out) != 0 && w.write_error == NULL)
    g_set_error (&w.write_error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_IO, "%s: %s", options->out_path, g_strerror (errno));
  p.elapsed_s = (g_get_monotonic_time () - w.start_us) / 1e6;

  ok = finish (&w, options, cancellable, error);
  if (summary != NULL)
    *summary = p;
  return ok;
}
