/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-pipeline.h"
#include "cc-run-private.h"

#include <glib/gi18n.h>

struct _CcPipeline {
  GObject       parent_instance;

  CcMaterialDb *db;
  CcStageSlot  *slots[CC_N_STAGES];
  guint         debounce_ms;
  guint         debounce_id;
  CcDesign     *pending;      /* submitted, waiting for the debounce */
  CcRun        *current;      /* in flight, or the last one finished */
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
  PROP_AVAILABLE,
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
  for (guint i = 0; i < CC_N_STAGES; i++)
    g_clear_pointer (&self->slots[i], cc_stage_slot_unref);
  G_OBJECT_CLASS (cc_pipeline_parent_class)->dispose (object);
}

static void
cc_pipeline_finalize (GObject *object)
{
  CcPipeline *self = CC_PIPELINE (object);

  g_clear_pointer (&self->db, cc_material_db_unref);
  g_clear_pointer (&self->pending, cc_design_free);
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
    case PROP_AVAILABLE:
      g_value_set_boolean (value, cc_pipeline_get_available (self));
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
  properties[PROP_AVAILABLE] =
    g_param_spec_boolean ("available", NULL, NULL, FALSE,
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
  return self;
}

void
cc_pipeline_set_stage (CcPipeline     *self,
                       CcStage         stage,
                       CcStageFunc     func,
                       double          weight,
                       gpointer        user_data,
                       GDestroyNotify  destroy)
{
  gboolean was_available;

  g_return_if_fail (CC_IS_PIPELINE (self));
  g_return_if_fail (stage < CC_N_STAGES);

  was_available = cc_pipeline_get_available (self);
  g_clear_pointer (&self->slots[stage], cc_stage_slot_unref);
  if (func != NULL)
    self->slots[stage] = cc_stage_slot_new (func, weight, user_data, destroy);
  else if (destroy != NULL)
    destroy (user_data);
  if (was_available != cc_pipeline_get_available (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
}

gboolean
cc_pipeline_has_stage (CcPipeline *self,
                       CcStage     stage)
{
  g_return_val_if_fail (CC_IS_PIPELINE (self), FALSE);
  g_return_val_if_fail (stage < CC_N_STAGES, FALSE);
  return self->slots[stage] != NULL;
}

gboolean
cc_pipeline_get_available (CcPipeline *self)
{
  g_return_val_if_fail (CC_IS_PIPELINE (self), FALSE);

  for (guint i = 0; i < CC_N_STAGES; i++)
    if (self->slots[i] != NULL)
      return TRUE;
  return FALSE;
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

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  CcRun *run = task_data;
  GError *error = NULL;

  if (cc_run_execute (run, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
run_done (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  CcPipeline *self = CC_PIPELINE (object);
  CcRun *run = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;

  cc_run_mark_finished (run);
  g_task_propagate_boolean (G_TASK (result), &error);
  if (run != self->current)
    return;   /* superseded: a newer run owns the state */

  if (error == NULL)
    status = g_strdup_printf (_("Done in %.1f s"), cc_run_get_seconds (run));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    status = g_strdup (_("Cancelled"));
  else
    status = g_strdup (error->message);
  set_state (self, FALSE, error == NULL ? 1.0 : self->progress, status);
  g_signal_emit (self, signals[RUN_FINISHED], 0, run, error);
}

static void
start_run (CcPipeline     *self,
           const CcDesign *design)
{
  g_autoptr(GTask) task = NULL;
  CcRun *run;

  cc_pipeline_cancel (self);
  run = cc_run_new (design, self->db, self->slots, G_OBJECT (self), on_run_notify);
  g_clear_pointer (&self->current, cc_run_unref);
  self->current = run;

  task = g_task_new (self, cc_run_get_cancellable (run), run_done, NULL);
  g_task_set_source_tag (task, start_run);
  g_task_set_task_data (task, cc_run_ref (run), (GDestroyNotify) cc_run_unref);
  /* The cancellable is the run's own: cancelling must reach the stages,
   * but the task still returns so run_done can clean up. */
  g_task_set_return_on_cancel (task, FALSE);
  set_state (self, TRUE, 0, _("Starting"));
  g_signal_emit (self, signals[RUN_STARTED], 0, run);
  g_task_run_in_thread (task, run_thread);
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

  if (!cc_pipeline_get_available (self))
    return;
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
