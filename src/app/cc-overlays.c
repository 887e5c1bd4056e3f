/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-overlays.h"
#include "cc-chart-overlay.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

typedef struct {
  char       *name;
  GHashTable *charts;   /* kind → CcChart* */
} Pin;

struct _CcOverlays {
  GObject    parent_instance;

  GPtrArray *pins;       /* Pin* */
  GPtrArray *measured;   /* CcMeasuredData* */
  double     area_cm2;
};

G_DEFINE_FINAL_TYPE (CcOverlays, cc_overlays, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
pin_free (gpointer data)
{
  Pin *pin = data;

  g_free (pin->name);
  g_hash_table_unref (pin->charts);
  g_free (pin);
}

static void
changed (CcOverlays *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
cc_overlays_finalize (GObject *object)
{
  CcOverlays *self = CC_OVERLAYS (object);

  g_ptr_array_unref (self->pins);
  g_ptr_array_unref (self->measured);
  G_OBJECT_CLASS (cc_overlays_parent_class)->finalize (object);
}

static void
cc_overlays_class_init (CcOverlaysClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cc_overlays_finalize;

  /* Pins or measured data were added or removed. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cc_overlays_init (CcOverlays *self)
{
  self->pins = g_ptr_array_new_with_free_func (pin_free);
  self->measured = g_ptr_array_new_with_free_func ((GDestroyNotify) cc_measured_free);
}

CcOverlays *
cc_overlays_new (void)
{
  return g_object_new (CC_TYPE_OVERLAYS, NULL);
}

static gboolean
name_taken (CcOverlays *self,
            const char *name)
{
  for (guint i = 0; i < self->pins->len; i++)
    if (g_str_equal (((Pin *) g_ptr_array_index (self->pins, i))->name, name))
      return TRUE;
  return FALSE;
}

gboolean
cc_overlays_add_pin (CcOverlays  *self,
                     const char  *name,
                     GHashTable  *charts,
                     GError     **error)
{
  GHashTableIter iter;
  gpointer kind, chart;
  Pin *pin;

  g_return_val_if_fail (CC_IS_OVERLAYS (self), FALSE);
  g_return_val_if_fail (name != NULL && charts != NULL, FALSE);

  if (self->pins->len >= CC_OVERLAYS_MAX_PINS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("%d results are pinned already: remove one to pin another"), CC_OVERLAYS_MAX_PINS);
      return FALSE;
    }
  pin = g_new0 (Pin, 1);
  pin->charts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) cc_chart_unref);
  g_hash_table_iter_init (&iter, charts);
  while (g_hash_table_iter_next (&iter, &kind, &chart))
    if (chart != NULL && cc_chart_kind_takes_overlays (kind))
      g_hash_table_insert (pin->charts, g_strdup (kind), cc_chart_ref (chart));
  if (g_hash_table_size (pin->charts) == 0)
    {
      pin_free (pin);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                   _("There are no results to pin yet: wait for the simulation to finish"));
      return FALSE;
    }
  pin->name = g_strdup (name);
  for (guint n = 2; name_taken (self, pin->name); n++)
    {
      g_free (pin->name);
      pin->name = g_strdup_printf ("%s (%u)", name, n);
    }
  g_ptr_array_add (self->pins, pin);
  changed (self);
  return TRUE;
}

guint
cc_overlays_get_n_pins (CcOverlays *self)
{
  g_return_val_if_fail (CC_IS_OVERLAYS (self), 0);
  return self->pins->len;
}

const char *
cc_overlays_get_pin_name (CcOverlays *self,
                          guint       index)
{
  g_return_val_if_fail (CC_IS_OVERLAYS (self), NULL);
  g_return_val_if_fail (index < self->pins->len, NULL);
  return ((Pin *) g_ptr_array_index (self->pins, index))->name;
}

CcChart *
cc_overlays_get_pin_chart (CcOverlays *self,
                           guint       index,
                           const char *kind)
{
  g_return_val_if_fail (CC_IS_OVERLAYS (self), NULL);
  g_return_val_if_fail (index < self->pins->len, NULL);
  return g_hash_table_lookup (((Pin *) g_ptr_array_index (self->pins, index))->charts, kind);
}

void
cc_overlays_remove_pin (CcOverlays *self,
                        guint       index)
{
  g_return_if_fail (CC_IS_OVERLAYS (self));
  g_return_if_fail (index < self->pins->len);
  g_ptr_array_remove_index (self->pins, index);
  changed (self);
}

gboolean
cc_overlays_add_measured (CcOverlays      *self,
                          CcMeasuredData  *data,
                          GError         **error)
{
  g_return_val_if_fail (CC_IS_OVERLAYS (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (self->measured->len >= CC_OVERLAYS_MAX_MEASURED)
    {
      cc_measured_free (data);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("%d measured files are shown already: remove one to import another"),
                   CC_OVERLAYS_MAX_MEASURED);
      return FALSE;
    }
  g_ptr_array_add (self->measured, data);
  changed (self);
  return TRUE;
}

guint
cc_overlays_get_n_measured (CcOverlays *self)
{
  g_return_val_if_fail (CC_IS_OVERLAYS (self), 0);
  return self->measured->len;
}

const CcMeasuredData *
cc_overlays_get_measured (CcOverlays *self,
                          guint       index)
{
  g_return_val_if_fail (CC_IS_OVERLAYS (self), NULL);
  g_return_val_if_fail (index < self->measured->len, NULL);
  return g_ptr_array_index (self->measured, index);
}

void
cc_overlays_remove_measured (CcOverlays *self,
                             guint       index)
{
  g_return_if_fail (CC_IS_OVERLAYS (self));
  g_return_if_fail (index < self->measured->len);
  g_ptr_array_remove_index (self->measured, index);
  changed (self);
}

void
cc_overlays_clear (CcOverlays *self)
{
  g_return_if_fail (CC_IS_OVERLAYS (self));
  if (cc_overlays_is_empty (self))
    return;
  g_ptr_array_set_size (self->pins, 0);
  g_ptr_array_set_size (self->measured, 0);
  changed (self);
}

gboolean
cc_overlays_is_empty (CcOverlays *self)
{
  g_return_val_if_fail (CC_IS_OVERLAYS (self), TRUE);
  return self->pins->len == 0 && self->measured->len == 0;
}

void
cc_overlays_set_area (CcOverlays *self,
                      double      area_cm2)
{
  g_return_if_fail (CC_IS_OVERLAYS (self));
  if (self->area_cm2 == area_cm2)
    return;
  self->area_cm2 = area_cm2;
  /* Only measured spectra depend on it. */
  if (self->measured->len > 0)
    changed (self);
}

/* The overlays that fit a chart of @kind, other than the run's own. */
static gboolean
applies (CcOverlays *self,
         CcChart    *base)
{
  const char *kind = cc_chart_get_kind (base);

  for (guint i = 0; i < self->pins->len; i++)
    {
      CcChart *pinned = cc_overlays_get_pin_chart (self, i, kind);

      if (pinned != NULL && pinned != base)
        return TRUE;
    }
  for (guint i = 0; i < self->measured->len; i++)
    if (cc_measured_kind_for_chart (kind) == ((CcMeasuredData *) g_ptr_array_index (self->measured, i))->kind)
      return TRUE;
  return FALSE;
}

CcChart *
cc_overlays_apply (CcOverlays  *self,
                   CcChart     *base,
                   GError     **error)
{
  const char *kind;
  CcChart *chart;

  g_return_val_if_fail (CC_IS_OVERLAYS (self), NULL);
  g_return_val_if_fail (base != NULL, NULL);

  if (!applies (self, base))
    return cc_chart_ref (base);
  kind = cc_chart_get_kind (base);
  chart = cc_chart_copy (base);
  for (guint i = 0; i < self->pins->len; i++)
    {
      CcChart *pinned = cc_overlays_get_pin_chart (self, i, kind);
      g_autoptr(GError) local = NULL;

      /* The run a pin was taken from is not drawn twice. */
      if (pinned != NULL && pinned != base
          && !cc_chart_add_pinned (chart, pinned, cc_overlays_get_pin_name (self, i), &local)
          && error != NULL && *error == NULL)
        g_propagate_error (error, g_steal_pointer (&local));
    }
  for (guint i = 0; i < self->measured->len; i++)
    {
      const CcMeasuredData *data = g_ptr_array_index (self->measured, i);
      g_autoptr(GError) local = NULL;

      if (cc_measured_kind_for_chart (kind) == data->kind
          && !cc_chart_add_measured (chart, data, self->area_cm2, &local)
          && error != NULL && *error == NULL)
        g_propagate_error (error, g_steal_pointer (&local));
    }
  return chart;
}
