/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The monitor carries progress and particle snapshots from the packing
 * worker to the app. The worker publishes under a mutex; readers take a
 * reference to the newest immutable GBytes, so neither side ever waits for
 * the other longer than a pointer swap.
 */
#include "cc-packing-private.h"

#include <math.h>

struct _CcPackingMonitor {
  gint        ref_count;
  GMutex      mutex;
  double      interval_s;
  double      fraction;
  const char *stage;
  GBytes     *snapshot;
  guint       serial;
  double      box[3];
  gint64      last_us;     /* worker side only */
  CcPackingProgressFunc callback;
  gpointer    callback_data;
  GDestroyNotify callback_destroy;
};

CcPackingMonitor *
cc_packing_monitor_new (double snapshot_interval_s)
{
  CcPackingMonitor *self = g_new0 (CcPackingMonitor, 1);

  self->ref_count = 1;
  g_mutex_init (&self->mutex);
  self->interval_s = MAX (snapshot_interval_s, 0.0);
  self->stage = "waiting";
  self->last_us = G_MININT64 / 2;
  return self;
}

CcPackingMonitor *
cc_packing_monitor_ref (CcPackingMonitor *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
cc_packing_monitor_unref (CcPackingMonitor *self)
{
  if (self == NULL || !g_atomic_int_dec_and_test (&self->ref_count))
    return;
  g_clear_pointer (&self->snapshot, g_bytes_unref);
  if (self->callback_destroy)
    self->callback_destroy (self->callback_data);
  g_mutex_clear (&self->mutex);
  g_free (self);
}

void
cc_packing_monitor_set_callback (CcPackingMonitor      *self,
                                 CcPackingProgressFunc  func,
                                 gpointer               user_data,
                                 GDestroyNotify         destroy)
{
  GDestroyNotify old_destroy;
  gpointer old_data;

  g_return_if_fail (self != NULL);
  g_mutex_lock (&self->mutex);
  old_destroy = self->callback_destroy;
  old_data = self->callback_data;
  self->callback = func;
  self->callback_data = user_data;
  self->callback_destroy = destroy;
  g_mutex_unlock (&self->mutex);
  if (old_destroy)
    old_destroy (old_data);
}

/* The callback runs outside the lock, so it may read the monitor. */
static void
notify (CcPackingMonitor *self)
{
  CcPackingProgressFunc func;
  gpointer data;
  double fraction;
  const char *stage;

  g_mutex_lock (&self->mutex);
  func = self->callback;
  data = self->callback_data;
  fraction = self->fraction;
  stage = self->stage;
  g_mutex_unlock (&self->mutex);
  if (func)
    func (self, fraction, stage, data);
}

void
cc_packing_monitor_set_snapshot_interval (CcPackingMonitor *self,
                                          double            seconds)
{
  g_return_if_fail (self != NULL);
  g_mutex_lock (&self->mutex);
  self->interval_s = isfinite (seconds) ? MAX (seconds, 0.0) : 0.0;
  g_mutex_unlock (&self->mutex);
}

double
cc_packing_monitor_get_snapshot_interval (CcPackingMonitor *self)
{
  double v;

  g_return_val_if_fail (self != NULL, 0.0);
  g_mutex_lock (&self->mutex);
  v = self->interval_s;
  g_mutex_unlock (&self->mutex);
  return v;
}

void
cc_packing_monitor_get_progress (CcPackingMonitor *self,
                                 double           *fraction,
                                 const char      **stage)
{
  g_return_if_fail (self != NULL);
  g_mutex_lock (&self->mutex);
  if (fraction)
    *fraction = self->fraction;
  if (stage)
    *stage = self->stage;
  g_mutex_unlock (&self->mutex);
}

GBytes *
cc_packing_monitor_dup_snapshot (CcPackingMonitor *self,
                                 guint            *serial,
                                 double           *box_um)
{
  GBytes *b;

  g_return_val_if_fail (self != NULL, NULL);
  g_mutex_lock (&self->mutex);
  b = self->snapshot ? g_bytes_ref (self->snapshot) : NULL;
  if (serial)
    *serial = self->serial;
  if (box_um)
    for (guint k = 0; k < 3; k++)
      box_um[k] = self->box[k];
  g_mutex_unlock (&self->mutex);
  return b;
}

void
cc_packing_monitor_set_progress (CcPackingMonitor *self,
                                 double            fraction,
                                 const char       *stage)
{
  if (self == NULL)
    return;
  g_mutex_lock (&self->mutex);
  self->fraction = CLAMP (fraction, 0.0, 1.0);
  self->stage = stage;
  g_mutex_unlock (&self->mutex);
}

gboolean
cc_packing_monitor_snapshot_due (CcPackingMonitor *self)
{
  gint64 now;
  double interval;

  if (self == NULL)
    return FALSE;
  now = g_get_monotonic_time ();
  g_mutex_lock (&self->mutex);
  interval = self->interval_s;
  g_mutex_unlock (&self->mutex);
  return (now - self->last_us) >= interval * 1e6;
}

void
cc_packing_monitor_publish (CcPackingMonitor *self,
                            GBytes           *particles,
                            const double      box[3])
{
  GBytes *old;

  if (self == NULL)
    {
      g_bytes_unref (particles);
      return;
    }
  self->last_us = g_get_monotonic_time ();
  g_mutex_lock (&self->mutex);
  old = self->snapshot;
  self->snapshot = particles;
  self->serial++;
  for (guint k = 0; k < 3; k++)
    self->box[k] = box[k];
  g_mutex_unlock (&self->mutex);
  if (old)
    g_bytes_unref (old);
  notify (self);
}
