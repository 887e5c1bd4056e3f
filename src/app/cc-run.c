/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One pipeline run: an immutable design, the outputs of the stages that
 * ran, and the progress/snapshot state shared between the worker thread
 * and the main loop (guarded by one mutex).
 */
#include "cc-run-private.h"

#include <glib/gi18n.h>
#include <string.h>

struct _CcStageSlot {
  gatomicrefcount  ref;
  CcStageFunc      func;
  double           weight;
  gpointer         user_data;
  GDestroyNotify   destroy;
};

struct _CcRun {
  gatomicrefcount   ref;
  CcDesign         *design;
  CcMaterialDb     *db;
  CcStageSlot      *slots[CC_N_STAGES];
  GCancellable     *cancellable;
  GMainContext     *context;
  GWeakRef          owner;
  CcRunNotify       notify;
  gint64            start_us;
  gint64            end_us;

  GMutex            mutex;
  /* Below: guarded by mutex. */
  gpointer          outputs[CC_N_STAGES];
  GDestroyNotify    output_destroy[CC_N_STAGES];
  gboolean          done[CC_N_STAGES];
  CcMicrostructure  micro;
  gboolean          has_micro;
  int               stage;           /* running stage, -1 before/after */
  double            stage_fraction;
  char             *detail;
  gboolean          idle_pending;
  CcSnapshotFunc    snap_func;
  gpointer          snap_source;
  GDestroyNotify    snap_destroy;
  guint             snap_source_serial;
  GBytes           *particles;
  double            box[3];
  guint             serial;
};

static const char * const stage_labels[CC_N_STAGES] = {
  [CC_STAGE_PACKING] = N_("Packing"),
  [CC_STAGE_ANALYSIS] = N_("Microstructure analysis"),
  [CC_STAGE_ELECTROCHEMISTRY] = N_("Electrochemistry"),
  [CC_STAGE_IMPEDANCE] = N_("Impedance"),
};

/* Snapshot serials are unique across runs so a view can tell a new run's
 * first snapshot from an old run's. */
static guint serial_counter;

const char *
cc_stage_get_label (CcStage stage)
{
  g_return_val_if_fail (stage < CC_N_STAGES, NULL);
  return _(stage_labels[stage]);
}

CcStageSlot *
cc_stage_slot_new (CcStageFunc    func,
                   double         weight,
                   gpointer       user_data,
                   GDestroyNotify destroy)
{
  CcStageSlot *slot = g_new0 (CcStageSlot, 1);

  g_atomic_ref_count_init (&slot->ref);
  slot->func = func;
  slot->weight = weight > 0 ? weight : 1;
  slot->user_data = user_data;
  slot->destroy = destroy;
  return slot;
}

CcStageSlot *
cc_stage_slot_ref (CcStageSlot *slot)
{
  g_atomic_ref_count_inc (&slot->ref);
  return slot;
}

void
cc_stage_slot_unref (CcStageSlot *slot)
{
  if (slot == NULL || !g_atomic_ref_count_dec (&slot->ref))
    return;
  if (slot->destroy != NULL)
    slot->destroy (slot->user_data);
  g_free (slot);
}

G_DEFINE_BOXED_TYPE (CcRun, cc_run, cc_run_ref, cc_run_unref)

CcRun *
cc_run_new (const CcDesign *design,
            CcMaterialDb   *db,
            CcStageSlot   **slots,
            GObject        *owner,
            CcRunNotify     notify)
{
  CcRun *run = g_new0 (CcRun, 1);

  g_atomic_ref_count_init (&run->ref);
  run->design = cc_design_copy (design);
  run->db = cc_material_db_ref (db);
  for (guint i = 0; i < CC_N_STAGES; i++)
    run->slots[i] = slots[i] ? cc_stage_slot_ref (slots[i]) : NULL;
  run->cancellable = g_cancellable_new ();
  run->context = g_main_context_ref_thread_default ();
  g_weak_ref_init (&run->owner, owner);
  run->notify = notify;
  g_mutex_init (&run->mutex);
  run->stage = -1;
  return run;
}

CcRun *
cc_run_ref (CcRun *run)
{
  g_return_val_if_fail (run != NULL, NULL);
  g_atomic_ref_count_inc (&run->ref);
  return run;
}

void
cc_run_unref (CcRun *run)
{
  if (run == NULL || !g_atomic_ref_count_dec (&run->ref))
    return;
  for (guint i = 0; i < CC_N_STAGES; i++)
    {
      if (run->outputs[i] != NULL && run->output_destroy[i] != NULL)
        run->output_destroy[i] (run->outputs[i]);
      cc_stage_slot_unref (run->slots[i]);
    }
  if (run->snap_destroy != NULL)
    run->snap_destroy (run->snap_source);
  g_clear_pointer (&run->particles, g_bytes_unref);
  g_free (run->detail);
  cc_design_free (run->design);
  cc_material_db_unref (run->db);
  g_object_unref (run->cancellable);
  g_main_context_unref (run->context);
  g_weak_ref_clear (&run->owner);
  g_mutex_clear (&run->mutex);
  g_free (run);
}

const CcDesign *
cc_run_get_design (CcRun *run)
{
  g_return_val_if_fail (run != NULL, NULL);
  return run->design;
}

CcMaterialDb *
cc_run_get_db (CcRun *run)
{
  g_return_val_if_fail (run != NULL, NULL);
  return run->db;
}

GCancellable *
cc_run_get_cancellable (CcRun *run)
{
  g_return_val_if_fail (run != NULL, NULL);
  return run->cancellable;
}

static gboolean
dispatch_notify (gpointer data)
{
  CcRun *run = data;
  g_autoptr(GObject) owner = g_weak_ref_get (&run->owner);

  g_mutex_lock (&run->mutex);
  run->idle_pending = FALSE;
  g_mutex_unlock (&run->mutex);
  if (owner != NULL && run->notify != NULL)
    run->notify (owner, run);
  return G_SOURCE_REMOVE;
}

/* Called with the mutex held: one idle per main-loop iteration at most. */
static void
wake_main_locked (CcRun *run)
{
  g_autoptr(GSource) source = NULL;

  if (run->idle_pending)
    return;
  run->idle_pending = TRUE;
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT_IDLE);
  g_source_set_callback (source, dispatch_notify, cc_run_ref (run), (GDestroyNotify) cc_run_unref);
  g_source_set_static_name (source, "[cathode-composer] run progress");
  g_source_attach (source, run->context);
}

void
cc_run_set_progress (CcRun      *run,
                     double      fraction,
                     const char *detail)
{
  g_return_if_fail (run != NULL);

  g_mutex_lock (&run->mutex);
  run->stage_fraction = CLAMP (fraction, 0.0, 1.0);
  if (g_strcmp0 (detail, run->detail) != 0)
    {
      g_free (run->detail);
      run->detail = g_strdup (detail);
    }
  wake_main_locked (run);
  g_mutex_unlock (&run->mutex);
}

void
cc_run_set_output (CcRun          *run,
                   CcStage         stage,
                   gpointer        data,
                   GDestroyNotify  destroy)
{
  gpointer old;
  GDestroyNotify old_destroy;

  g_return_if_fail (run != NULL);
  g_return_if_fail (stage < CC_N_STAGES);

  g_mutex_lock (&run->mutex);
  old = run->outputs[stage];
  old_destroy = run->output_destroy[stage];
  run->outputs[stage] = data;
  run->output_destroy[stage] = destroy;
  g_mutex_unlock (&run->mutex);
  if (old != NULL && old != data && old_destroy != NULL)
    old_destroy (old);
}

gpointer
cc_run_get_output (CcRun   *run,
                   CcStage  stage)
{
  gpointer data;

  g_return_val_if_fail (run != NULL, NULL);
  g_return_val_if_fail (stage < CC_N_STAGES, NULL);

  g_mutex_lock (&run->mutex);
  data = run->outputs[stage];
  g_mutex_unlock (&run->mutex);
  return data;
}

void
cc_run_set_microstructure (CcRun                  *run,
                           const CcMicrostructure *micro)
{
  g_return_if_fail (run != NULL && micro != NULL);

  g_mutex_lock (&run->mutex);
  run->micro = *micro;
  run->has_micro = TRUE;
  g_mutex_unlock (&run->mutex);
}

const CcMicrostructure *
cc_run_get_microstructure (CcRun *run)
{
  gboolean has;

  g_return_val_if_fail (run != NULL, NULL);

  /* Written once by the analysis stage before later stages read it. */
  g_mutex_lock (&run->mutex);
  has = run->has_micro;
  g_mutex_unlock (&run->mutex);
  return has ? &run->micro : NULL;
}

void
cc_run_set_snapshot_source (CcRun          *run,
                            CcSnapshotFunc  func,
                            gpointer        source,
                            GDestroyNotify  destroy)
{
  GDestroyNotify old_destroy;
  gpointer old_source;

  g_return_if_fail (run != NULL);

  g_mutex_lock (&run->mutex);
  old_destroy = run->snap_destroy;
  old_source = run->snap_source;
  run->snap_func = func;
  run->snap_source = source;
  run->snap_destroy = destroy;
  run->snap_source_serial = 0;
  wake_main_locked (run);
  g_mutex_unlock (&run->mutex);
  if (old_destroy != NULL)
    old_destroy (old_source);
}

static void
store_particles_locked (CcRun        *run,
                        GBytes       *particles,
                        const double *box)
{
  g_clear_pointer (&run->particles, g_bytes_unref);
  run->particles = g_bytes_ref (particles);
  for (guint i = 0; i < 3; i++)
    run->box[i] = box ? box[i] : 0;
  run->serial = g_atomic_int_add (&serial_counter, 1) + 1;
}

void
cc_run_publish_particles (CcRun        *run,
                          GBytes       *particles,
                          const double  box_um[3])
{
  g_return_if_fail (run != NULL);
  g_return_if_fail (particles != NULL);

  g_mutex_lock (&run->mutex);
  store_particles_locked (run, particles, box_um);
  wake_main_locked (run);
  g_mutex_unlock (&run->mutex);
}

GBytes *
cc_run_dup_particles (CcRun  *run,
                      guint  *serial,
                      double  box_um[3])
{
  GBytes *bytes = NULL;

  g_return_val_if_fail (run != NULL, NULL);

  g_mutex_lock (&run->mutex);
  if (run->snap_func != NULL)
    {
      guint src_serial = 0;
      double box[3] = { 0, 0, 0 };
      g_autoptr(GBytes) snap = run->snap_func (run->snap_source, &src_serial, box);
      if (snap != NULL && src_serial != run->snap_source_serial)
        {
          run->snap_source_serial = src_serial;
          store_particles_locked (run, snap, box);
        }
    }
  if (run->particles != NULL)
    {
      bytes = g_bytes_ref (run->particles);
      if (box_um != NULL)
        memcpy (box_um, run->box, sizeof run->box);
    }
  if (serial != NULL)
    *serial = run->serial;
  g_mutex_unlock (&run->mutex);
  return bytes;
}

gboolean
cc_run_get_stage_done (CcRun   *run,
                       CcStage  stage)
{
  gboolean done;

  g_return_val_if_fail (run != NULL, FALSE);
  g_return_val_if_fail (stage < CC_N_STAGES, FALSE);

  g_mutex_lock (&run->mutex);
  done = run->done[stage];
  g_mutex_unlock (&run->mutex);
  return done;
}

double
cc_run_get_seconds (CcRun *run)
{
  g_return_val_if_fail (run != NULL, 0);
  return ((run->end_us ? run->end_us : g_get_monotonic_time ()) - run->start_us) / 1e6;
}

gboolean
cc_run_execute (CcRun   *run,
                GError **error)
{
  run->start_us = g_get_monotonic_time ();
  for (guint i = 0; i < CC_N_STAGES; i++)
    {
      CcStageSlot *slot = run->slots[i];

      if (slot == NULL)
        continue;
      if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
        return FALSE;
      g_mutex_lock (&run->mutex);
      run->stage = i;
      run->stage_fraction = 0;
      g_clear_pointer (&run->detail, g_free);
      wake_main_locked (run);
      g_mutex_unlock (&run->mutex);

      if (!slot->func (run, slot->user_data, run->cancellable, error))
        return FALSE;

      g_mutex_lock (&run->mutex);
      run->done[i] = TRUE;
      run->stage_fraction = 1;
      wake_main_locked (run);
      g_mutex_unlock (&run->mutex);
    }
  return !g_cancellable_set_error_if_cancelled (run->cancellable, error);
}

void
cc_run_mark_finished (CcRun *run)
{
  g_mutex_lock (&run->mutex);
  run->stage = -1;
  g_mutex_unlock (&run->mutex);
  run->end_us = g_get_monotonic_time ();
}

double
cc_run_get_total_progress (CcRun  *run,
                           char  **status)
{
  double total = 0, done = 0;

  g_mutex_lock (&run->mutex);
  for (guint i = 0; i < CC_N_STAGES; i++)
    {
      if (run->slots[i] == NULL)
        continue;
      total += run->slots[i]->weight;
      if (run->done[i])
        done += run->slots[i]->weight;
      else if ((int) i == run->stage)
        done += run->slots[i]->weight * run->stage_fraction;
    }
  if (status != NULL)
    {
      if (run->stage < 0)
        *status = NULL;
      else if (run->detail != NULL)
        *status = g_strdup_printf ("%s — %s", cc_stage_get_label (run->stage), run->detail);
      else
        *status = g_strdup (cc_stage_get_label (run->stage));
    }
  g_mutex_unlock (&run->mutex);
  return total > 0 ? done / total : 0;
}
