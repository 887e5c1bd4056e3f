/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-explore-run.h"
#include "cc-material-db.h"

#include <string.h>

#define MAX_READ (64 * 1024 * 1024)

/* Shared by the worker and the main loop; outlives either side. */
typedef struct {
  gatomicrefcount          ref_count;
  GMutex                   mutex;
  CcSweepProgress          progress;      /* under mutex */
  gboolean                 idle_pending;  /* under mutex */
  CcExploreRun            *run;           /* under mutex; NULL once the run is gone or done */
  CcSweep                 *sweep;         /* immutable from here on */
  const CcSweepEvaluator  *evaluator;
  char                    *path;
} Job;

struct _CcExploreRun {
  GObject          parent_instance;

  Job             *job;
  GCancellable    *cancellable;
  gboolean         running;
  CcSweepProgress  progress;
  gsize            offset;
};

G_DEFINE_FINAL_TYPE (CcExploreRun, cc_explore_run, G_TYPE_OBJECT)

enum {
  SIGNAL_PROGRESS,
  SIGNAL_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static Job *
job_ref (Job *job)
{
  g_atomic_ref_count_inc (&job->ref_count);
  return job;
}

static void
job_unref (gpointer data)
{
  Job *job = data;

  if (!g_atomic_ref_count_dec (&job->ref_count))
    return;
  g_mutex_clear (&job->mutex);
  cc_sweep_unref (job->sweep);
  g_free (job->path);
  g_free (job);
}

/* Main loop: one wake-up however many points finished meanwhile. */
static gboolean
progress_idle (gpointer data)
{
  Job *job = data;
  CcExploreRun *run;
  CcSweepProgress p;

  g_mutex_lock (&job->mutex);
  job->idle_pending = FALSE;
  p = job->progress;
  run = job->run != NULL ? g_object_ref (job->run) : NULL;
  g_mutex_unlock (&job->mutex);
  if (run != NULL)
    {
      run->progress = p;
      g_signal_emit (run, signals[SIGNAL_PROGRESS], 0);
      g_object_unref (run);
    }
  return G_SOURCE_REMOVE;
}

/* Worker thread, after each result is written and flushed. */
static void
on_progress (const CcSweepProgress *p,
             gpointer               data)
{
  Job *job = data;

  g_mutex_lock (&job->mutex);
  job->progress = *p;
  if (!job->idle_pending)
    {
      job->idle_pending = TRUE;
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, progress_idle, job_ref (job), job_unref);
    }
  g_mutex_unlock (&job->mutex);
}

static void
run_in_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Job *job = data;
  CcSweepRunOptions options = { 0, 1, 0, job->path };
  CcSweepProgress summary = { 0 };
  GError *error = NULL;
  g_autofree char *dir = g_path_get_dirname (job->path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not create %s", dir);
      return;
    }
  if (!cc_sweep_run (job->sweep, job->evaluator, cc_material_db_get_default (), &options, on_progress, job,
                     cancellable, &summary, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_mutex_lock (&job->mutex);
  job->progress = summary;
  g_mutex_unlock (&job->mutex);
  g_task_return_boolean (task, TRUE);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  CcExploreRun *self = CC_EXPLORE_RUN (source);
  g_autoptr(GError) error = NULL;

  g_task_propagate_boolean (G_TASK (result), &error);
  g_mutex_lock (&self->job->mutex);
  self->progress = self->job->progress;
  self->job->run = NULL;   /* no progress after the end */
  g_mutex_unlock (&self->job->mutex);
  self->running = FALSE;
  g_signal_emit (self, signals[SIGNAL_PROGRESS], 0);
  g_signal_emit (self, signals[SIGNAL_FINISHED], 0, error);
}

static void
cc_explore_run_finalize (GObject *object)
{
  CcExploreRun *self = CC_EXPLORE_RUN (object);

  g_mutex_lock (&self->job->mutex);
  self->job->run = NULL;
  g_mutex_unlock (&self->job->mutex);
  job_unref (self->job);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (cc_explore_run_parent_class)->finalize (object);
}

static void
cc_explore_run_class_init (CcExploreRunClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cc_explore_run_finalize;

  signals[SIGNAL_PROGRESS] = g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* The argument is a const GError * (NULL on success). */
  signals[SIGNAL_FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
cc_explore_run_init (CcExploreRun *self)
{
  self->cancellable = g_cancellable_new ();
}

CcExploreRun *
cc_explore_run_new (CcSweep                *sweep,
                    const CcSweepEvaluator *evaluator,
                    const char             *out_path,
                    gsize                   start_offset)
{
  CcExploreRun *self;
  Job *job;

  g_return_val_if_fail (sweep != NULL && evaluator != NULL && out_path != NULL, NULL);

  self = g_object_new (CC_TYPE_EXPLORE_RUN, NULL);
  job = g_new0 (Job, 1);
  g_atomic_ref_count_init (&job->ref_count);
  g_mutex_init (&job->mutex);
  job->run = self;
  job->sweep = cc_sweep_ref (sweep);
  job->evaluator = evaluator;
  job->path = g_strdup (out_path);
  self->job = job;
  self->offset = start_offset;
  return self;
}

void
cc_explore_run_start (CcExploreRun *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CC_IS_EXPLORE_RUN (self));
  g_return_if_fail (!self->running);

  self->running = TRUE;
  task = g_task_new (self, self->cancellable, on_done, NULL);
  g_task_set_source_tag (task, cc_explore_run_start);
  g_task_set_task_data (task, job_ref (self->job), job_unref);
  g_task_run_in_thread (task, run_in_thread);
}

void
cc_explore_run_cancel (CcExploreRun *self)
{
  g_return_if_fail (CC_IS_EXPLORE_RUN (self));
  g_cancellable_cancel (self->cancellable);
}

gboolean
cc_explore_run_is_running (CcExploreRun *self)
{
  g_return_val_if_fail (CC_IS_EXPLORE_RUN (self), FALSE);
  return self->running;
}

void
cc_explore_run_get_progress (CcExploreRun    *self,
                             CcSweepProgress *out)
{
  g_return_if_fail (CC_IS_EXPLORE_RUN (self) && out != NULL);
  *out = self->progress;
}

const char *
cc_explore_run_get_path (CcExploreRun *self)
{
  g_return_val_if_fail (CC_IS_EXPLORE_RUN (self), NULL);
  return self->job->path;
}

static gboolean
read_tail (const char *path,
           gsize       offset,
           GByteArray *out,
           GError    **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, error);
  guint8 buf[65536];
  gssize n = 0;

  if (in == NULL)
    return FALSE;
  if (!g_seekable_seek (G_SEEKABLE (in), (goffset) offset, G_SEEK_SET, NULL, error))
    return FALSE;
  while (out->len < MAX_READ && (n = g_input_stream_read (G_INPUT_STREAM (in), buf, sizeof buf, NULL, error)) > 0)
    g_byte_array_append (out, buf, (guint) n);
  return n >= 0 || out->len >= MAX_READ;
}

GPtrArray *
cc_explore_run_read_new (CcExploreRun  *self,
                         GError       **error)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) cc_sweep_record_free);
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  const char *data;
  gsize start = 0;

  g_return_val_if_fail (CC_IS_EXPLORE_RUN (self), records);
  if (!g_file_test (self->job->path, G_FILE_TEST_EXISTS))
    return records;
  if (!read_tail (self->job->path, self->offset, bytes, error))
    return records;
  data = (const char *) bytes->data;
  /* Only whole lines: the writer may be halfway through the last one. */
  for (gsize i = 0; i < bytes->len; i++)
    {
      CcSweepRecord *r;

      if (data[i] != '\n')
        continue;
      if (i > start)
        {
          r = cc_sweep_record_parse (data + start, i - start, error);
          if (r == NULL)
            {
              self->offset += i + 1;
              return records;
            }
          g_ptr_array_add (records, r);
        }
      start = i + 1;
    }
  self->offset += start;
  return records;
}
