/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One pipeline run: an immutable design, the results the worker built, and
 * the progress/snapshot state shared between the worker thread and the main
 * loop (guarded by one mutex).
 */
#include "cc-run-private.h"

#include <glib/gi18n.h>
#include <string.h>

struct _CcRun {
  gatomicrefcount   ref;
  CcDesign         *design;
  CcMaterialDb     *db;
  GCancellable     *cancellable;
  GMainContext     *context;
  GWeakRef          owner;
  CcRunNotify       notify;
  gint64            start_us;
  gint64            end_us;

  GMutex            mutex;
  /* Below: guarded by mutex. */
  CcStageResults   *results;
  gboolean          done[CC_N_STAGES];
  gboolean          ran[CC_N_STAGES];
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

/* Rough shares of the wall time when every stage runs, at the design's
 * particle count: they weight the progress bar. */
static const double stage_weights[CC_N_STAGES] = { 6, 1, 2, 0.5 };

/* Snapshot serials are unique across runs so a view can tell a new run's
 * first snapshot from an old run's. */
static guint serial_counter;

const char *
cc_stage_get_label (CcStage stage)
{
  g_return_val_if_fail (stage < CC_N_STAGES, NULL);
  return _(stage_labels[stage]);
}

G_DEFINE_BOXED_TYPE (CcRun, cc_run, cc_run_ref, cc_run_unref)

CcRun *
cc_run_new (const CcDesign *design,
            CcMaterialDb   *db,
            GObject        *owner,
            CcRunNotify     notify)
{
  CcRun *run = g_new0 (CcRun, 1);

  g_atomic_ref_count_init (&run->ref);
  run->design = cc_design_copy (design);
  run->db = cc_material_db_ref (db);
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
  if (run->snap_destroy != NULL)
    run->snap_destroy (run->snap_source);
  g_clear_pointer (&run->results, cc_stage_results_free);
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
cc_run_mark_started (CcRun *run)
{
  g_return_if_fail (run != NULL);
  run->start_us = g_get_monotonic_time ();
}

void
cc_run_begin_stage (CcRun      *run,
                    CcStage     stage,
                    const char *detail)
{
  g_return_if_fail (run != NULL);
  g_return_if_fail (stage < CC_N_STAGES);

  g_mutex_lock (&run->mutex);
  for (guint i = 0; i < stage; i++)
    run->done[i] = TRUE;
  run->ran[stage] = TRUE;
  if (run->stage != (int) stage)
    run->stage_fraction = 0;
  run->stage = stage;
  g_free (run->detail);
  run->detail = g_strdup (detail);
  wake_main_locked (run);
  g_mutex_unlock (&run->mutex);
}

void
cc_run_set_progress (CcRun      *run,
                     CcStage     stage,
                     double      fraction,
                     const char *detail)
{
  g_return_if_fail (run != NULL);

  g_mutex_lock (&run->mutex);
  if (run->stage == (int) stage)
    {
      run->stage_fraction = CLAMP (fraction, 0.0, 1.0);
      if (g_strcmp0 (detail, run->detail) != 0)
        {
          g_free (run->detail);
          run->detail = g_strdup (detail);
        }
      wake_main_locked (run);
    }
  g_mutex_unlock (&run->mutex);
}

/* Returns the old source for destruction outside the lock. */
static void
swap_snapshot_source_locked (CcRun          *run,
                             CcSnapshotFunc  func,
                             gpointer       *source,
                             GDestroyNotify *destroy)
{
  gpointer old_source = run->snap_source;
  GDestroyNotify old_destroy = run->snap_destroy;

  run->snap_func = func;
  run->snap_source = *source;
  run->snap_destroy = *destroy;
  run->snap_source_serial = 0;
  *source = old_source;
  *destroy = old_destroy;
}

void
cc_run_set_snapshot_source (CcRun          *run,
                            CcSnapshotFunc  func,
                            gpointer        source,
                            GDestroyNotify  destroy)
{
  g_return_if_fail (run != NULL);

  g_mutex_lock (&run->mutex);
  swap_snapshot_source_locked (run, func, &source, &destroy);
  wake_main_locked (run);
  g_mutex_unlock (&run->mutex);
  if (destroy != NULL)
    destroy (source);
}

guint
cc_run_new_serial (void)
{
  return g_atomic_int_add (&serial_counter, 1) + 1;
}

static void
store_particles_locked (CcRun        *run,
                        GBytes       *particles,
                        const double *box,
                        guint         serial)
{
  g_clear_pointer (&run->particles, g_bytes_unref);
  run->particles = g_bytes_ref (particles);
  for (guint i = 0; i < 3; i++)
    run->box[i] = box ? box[i] : 0;
  run->serial = serial;
}

void
cc_run_publish_particles (CcRun        *run,
                          GBytes       *particles,
                          const double  box_um[3],
                          guint         serial)
{
  gpointer source = NULL;
  GDestroyNotify destroy = NULL;

  g_return_if_fail (run != NULL);
  g_return_if_fail (particles != NULL);

  g_mutex_lock (&run->mutex);
  swap_snapshot_source_locked (run, NULL, &source, &destroy);
  store_particles_locked (run, particles, box_um, serial);
  wake_main_locked (run);
  g_mutex_unlock (&run->mutex);
  if (destroy != NULL)
    destroy (source);
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
          store_particles_locked (run, snap, box, cc_run_new_serial ());
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

void
cc_run_set_results (CcRun          *run,
                    CcStageResults *results)
{
  CcStageResults *old;

  g_return_if_fail (run != NULL && results != NULL);

  g_mutex_lock (&run->mutex);
  old = run->results;
  run->results = results;
  for (guint i = 0; i < CC_N_STAGES; i++)
    run->done[i] = TRUE;
  wake_main_locked (run);
  g_mutex_unlock (&run->mutex);
  g_clear_pointer (&old, cc_stage_results_free);
}

const CcStageResults *
cc_run_get_results (CcRun *run)
{
  const CcStageResults *results;

  g_return_val_if_fail (run != NULL, NULL);

  /* Set once by the worker before the run finishes; immutable after. */
  g_mutex_lock (&run->mutex);
  results = run->results;
  g_mutex_unlock (&run->mutex);
  return results;
}

static gboolean
get_flag (CcRun          *run,
          const gboolean *flags,
          CcStage         stage)
{
  gboolean value;

  g_mutex_lock (&run->mutex);
  value = flags[stage];
  g_mutex_unlock (&run->mutex);
  return value;
}

gboolean
cc_run_get_stage_done (CcRun   *run,
                       CcStage  stage)
{
  g_return_val_if_fail (run != NULL, FALSE);
  g_return_val_if_fail (stage < CC_N_STAGES, FALSE);
  return get_flag (run, run->done, stage);
}

gboolean
cc_run_get_stage_ran (CcRun   *run,
                      CcStage  stage)
{
  g_return_val_if_fail (run != NULL, FALSE);
  g_return_val_if_fail (stage < CC_N_STAGES, FALSE);
  return get_flag (run, run->ran, stage);
}

double
cc_run_get_seconds (CcRun *run)
{
  g_return_val_if_fail (run != NULL, 0);
  if (run->start_us == 0)
    return 0;
  return ((run->end_us ? run->end_us : g_get_monotonic_time ()) - run->start_us) / 1e6;
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
      total += stage_weights[i];
      if (run->done[i])
        done += stage_weights[i];
      else if ((int) i == run->stage)
        done += stage_weights[i] * run->stage_fraction;
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
  return done / total;
}
