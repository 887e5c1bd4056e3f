/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-pipeline.h"
#include "cc-pipeline-stages.h"
#include "cc-run-private.h"

#include <glib/gi18n.h>

struct _CcPipeline {
  GObject       parent_instance;

  CcMaterialDb *db;
  /* The stage cache, lent to one worker at a time: NULL while lent. */
  CcStageCache *cache;
  guint         debounce_ms;
  guint         debounce_id;
  CcDesign     *pending;      /* submitted, waiting for the debounce */
  CcRun        *current;      /* in flight (or waiting for the cache), or the last one finished */
  gboolean      launched;     /* current's worker has started */
  guint         n_packings;
  gboolean      running;
  double        progress;
  char         *status;
};

G_DEFINE_FINAL_TYPE (CcPipeline, cc_pipeline, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RUNNING,
  PROP_PROGRESS,
  PROP_STATUS,
  N_PROPS
};

enum {
  RUN_STARTED,
  RUN_UPDATED,
  RUN_FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
cc_pipeline_dispose (GObject *object)
{
  CcPipeline *self = CC_PIPELINE (object);

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  if (self->current != NULL)
    g_cancellable_cancel (cc_run_get_cancellable (self->current));
  g_clear_pointer (&self->current, cc_run_unref);
  G_OBJECT_CLASS (cc_pipeline_parent_class)->dispose (object);
}

static void
cc_pipeline_finalize (GObject *object)
{
  CcPipeline *self = CC_PIPELINE (object);

  g_clear_pointer (&self->db, cc_material_db_unref);
  g_clear_pointer (&self->pending, cc_design_free);
  /* A worker holds a reference to the pipeline, so the cache is back. */
  g_clear_pointer (&self->cache, cc_stage_cache_free);
  g_free (self->status);
  G_OBJECT_CLASS (cc_pipeline_parent_class)->finalize (object);
}

static void
cc_pipeline_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CcPipeline *self = CC_PIPELINE (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_pipeline_class_init (CcPipelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cc_pipeline_dispose;
  object_class->finalize = cc_pipeline_finalize;
  object_class->get_property = cc_pipeline_get_property;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* A run began (CcRun). */
  signals[RUN_STARTED] =
    g_signal_new ("run-started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CC_TYPE_RUN);
  /* Progress or a new particle snapshot of the current run. */
  signals[RUN_UPDATED] =
    g_signal_new ("run-updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CC_TYPE_RUN);
  /* The current run ended: (CcRun, GError or NULL). Superseded runs are
   * not reported. */
  signals[RUN_FINISHED] =
    g_signal_new ("run-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, CC_TYPE_RUN, G_TYPE_ERROR);
}

static void
cc_pipeline_init (CcPipeline *self)
{
  self->debounce_ms = CC_PIPELINE_DEFAULT_DEBOUNCE_MS;
}

CcPipeline *
cc_pipeline_new (CcMaterialDb *db)
{
  CcPipeline *self;

  g_return_val_if_fail (db != NULL, NULL);

  self = g_object_new (CC_TYPE_PIPELINE, NULL);
  self->db = cc_material_db_ref (db);
  self->cache = cc_stage_cache_new (db);
  return self;
}

void
cc_pipeline_set_debounce_ms (CcPipeline *self,
                             guint       ms)
{
  g_return_if_fail (CC_IS_PIPELINE (self));
  self->debounce_ms = ms;
}

static void
set_state (CcPipeline *self,
           gboolean    running,
           double      progress,
           const char *status)
{
  g_object_freeze_notify (G_OBJECT (self));
  if (running != self->running)
    {
      self->running = running;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
    }
  if (progress != self->progress)
    {
      self->progress = progress;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
    }
  if (g_strcmp0 (status, self->status) != 0)
    {
      g_free (self->status);
      self->status = g_strdup (status);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
on_run_notify (GObject *owner,
               CcRun   *run)
{
  CcPipeline *self = CC_PIPELINE (owner);
  g_autofree char *status = NULL;
  double progress;

  if (run != self->current || !self->running)
    return;
  progress = cc_run_get_total_progress (run, &status);
  set_state (self, TRUE, progress, status);
  g_signal_emit (self, signals[RUN_UPDATED], 0, run);
}

/* What a worker is lent: its run and the stage cache. */
typedef struct {
  CcRun        *run;
  CcStageCache *cache;
} Work;

static void
work_free (Work *work)
{
  cc_run_unref (work->run);
  /* Only reached without run_done when the task never ran. */
  g_clear_pointer (&work->cache, cc_stage_cache_free);
  g_free (work);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Work *work = task_data;
  GError *error = NULL;

  if (cc_pipeline_stages_run (work->run, work->cache, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void launch (CcPipeline *self);

static void
run_done (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  CcPipeline *self = CC_PIPELINE (object);
  Work *work = g_task_get_task_data (G_TASK (result));
  CcRun *run = work->run;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;

  /* The cache is back: a run that waited for it may start. */
  self->cache = g_steal_pointer (&work->cache);
  cc_run_mark_finished (run);
  g_task_propagate_boolean (G_TASK (result), &error);
  if (cc_run_get_stage_ran (run, CC_STAGE_PACKING))
    self->n_packings++;
  if (run != self->current)
    {
      /* Superseded: a newer run owns the state. */
      if (!self->launched && self->current != NULL)
        launch (self);
      return;
    }

  if (error == NULL)
    status = g_strdup_printf (_("Done in %.1f s"), cc_run_get_seconds (run));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    status = g_strdup (_("Cancelled"));
  else
    status = g_strdup (error->message);
  set_state (self, FALSE, error == NULL ? 1.0 : self->progress, status);
  g_signal_emit (self, signals[RUN_FINISHED], 0, run, error);
}

/* Starts the current run's worker with the cache. */
static void
launch (CcPipeline *self)
{
  g_autoptr(GTask) task = NULL;
  Work *work;

  g_assert (self->cache != NULL && self->current != NULL && !self->launched);

  work = g_new0 (Work, 1);
  work->run = cc_run_ref (self->current);
  work->cache = g_steal_pointer (&self->cache);
  self->launched = TRUE;
  cc_run_mark_started (work->run);
  task = g_task_new (self, cc_run_get_cancellable (work->run), run_done, NULL);
  g_task_set_source_tag (task, launch);
  g_task_set_task_data (task, work, (GDestroyNotify) work_free);
  /* The cancellable is the run's own: cancelling must reach the stages,
   * but the task still returns so run_done gets the cache back. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, run_thread);
}

static void
start_run (CcPipeline     *self,
           const CcDesign *design)
{
  cc_pipeline_cancel (self);
  g_clear_pointer (&self->current, cc_run_unref);
  self->current = cc_run_new (design, self->db, G_OBJECT (self), on_run_notify);
  self->launched = FALSE;
  set_state (self, TRUE, 0, self->cache != NULL ? _("Starting") : _("Stopping the previous run"));
  g_signal_emit (self, signals[RUN_STARTED], 0, self->current);
  /* Else the cancelled run hands the cache back first (run_done). */
  if (self->cache != NULL)
    launch (self);
}

static gboolean
on_debounce (gpointer data)
{
  CcPipeline *self = data;
  g_autoptr(CcDesign) design = g_steal_pointer (&self->pending);

  self->debounce_id = 0;
  if (design != NULL)
    start_run (self, design);
  return G_SOURCE_REMOVE;
}

void
cc_pipeline_submit (CcPipeline     *self,
                    const CcDesign *design)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (CC_IS_PIPELINE (self));
  g_return_if_fail (design != NULL);

  if (!cc_design_validate (design, self->db, &error))
    {
      cc_pipeline_cancel (self);
      set_state (self, FALSE, 0, error->message);
      return;
    }
  g_clear_pointer (&self->pending, cc_design_free);
  self->pending = cc_design_copy (design);
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (self->debounce_ms, on_debounce, self);
}

void
cc_pipeline_cancel (CcPipeline *self)
{
  g_return_if_fail (CC_IS_PIPELINE (self));

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_clear_pointer (&self->pending, cc_design_free);
  if (self->current != NULL && self->running)
    {
      /* A run still waiting for the cache starts, sees this and stops. */
      g_cancellable_cancel (cc_run_get_cancellable (self->current));
      set_state (self, FALSE, self->progress, _("Cancelled"));
    }
}

gboolean
cc_pipeline_get_running (CcPipeline *self)
{
  g_return_val_if_fail (CC_IS_PIPELINE (self), FALSE);
  return self->running;
}

double
cc_pipeline_get_progress (CcPipeline *self)
{
  g_return_val_if_fail (CC_IS_PIPELINE (self), 0);
  return self->progress;
}

const char *
cc_pipeline_get_status (CcPipeline *self)
{
  g_return_val_if_fail (CC_IS_PIPELINE (self), NULL);
  return self->status;
}

CcRun *
cc_pipeline_get_current_run (CcPipeline *self)
{
  g_return_val_if_fail (CC_IS_PIPELINE (self), NULL);
  return self->current;
}

GBytes *
cc_pipeline_dup_particles (CcPipeline *self,
                           guint      *serial,
                           double      box_um[3])
{
  g_return_val_if_fail (CC_IS_PIPELINE (self), NULL);

  if (self->current == NULL)
    {
      if (serial != NULL)
        *serial = 0;
      return NULL;
    }
  return cc_run_dup_particles (self->current, serial, box_um);
}

guint
cc_pipeline_get_n_packings (CcPipeline *self)
{
  g_return_val_if_fail (CC_IS_PIPELINE (self), 0);
  return self->n_packings;
}
