/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-history.h"

struct _CcHistory {
  GPtrArray *undo;        /* CcDesign*, oldest first */
  GPtrArray *redo;        /* CcDesign*, most recently undone last */
  guint      limit;
  char      *last_key;
  gint64     last_time_us;
};

CcHistory *
cc_history_new (guint limit)
{
  CcHistory *self = g_new0 (CcHistory, 1);

  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) cc_design_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) cc_design_free);
  self->limit = MAX (limit, 1);
  return self;
}

void
cc_history_free (CcHistory *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  g_free (self->last_key);
  g_free (self);
}

void
cc_history_break (CcHistory *self)
{
  g_return_if_fail (self != NULL);
  g_clear_pointer (&self->last_key, g_free);
}

gboolean
cc_history_record (CcHistory      *self,
                   const CcDesign *before,
                   const char     *coalesce_key,
                   gint64          now_us)
{
  gboolean coalesce;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (before != NULL, FALSE);

  coalesce = coalesce_key != NULL
             && self->last_key != NULL
             && g_str_equal (coalesce_key, self->last_key)
             && now_us - self->last_time_us < CC_HISTORY_COALESCE_US
             && self->undo->len > 0;

  g_ptr_array_set_size (self->redo, 0);
  g_free (self->last_key);
  self->last_key = g_strdup (coalesce_key);
  self->last_time_us = now_us;
  if (coalesce)
    return FALSE;

  g_ptr_array_add (self->undo, cc_design_copy (before));
  if (self->undo->len > self->limit)
    g_ptr_array_remove_index (self->undo, 0);
  return TRUE;
}

gboolean
cc_history_can_undo (const CcHistory *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->undo->len > 0;
}

gboolean
cc_history_can_redo (const CcHistory *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->redo->len > 0;
}

guint
cc_history_get_n_undo (const CcHistory *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->undo->len;
}

static CcDesign *
step (CcHistory      *self,
      GPtrArray      *from,
      GPtrArray      *to,
      const CcDesign *current)
{
  CcDesign *restored;

  if (from->len == 0)
    return NULL;
  cc_history_break (self);
  restored = g_ptr_array_steal_index (from, from->len - 1);
  g_ptr_array_add (to, cc_design_copy (current));
  return restored;
}

CcDesign *
cc_history_undo (CcHistory      *self,
                 const CcDesign *current)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (current != NULL, NULL);
  return step (self, self->undo, self->redo, current);
}

CcDesign *
cc_history_redo (CcHistory      *self,
                 const CcDesign *current)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (current != NULL, NULL);
  return step (self, self->redo, self->undo, current);
}

void
cc_history_clear (CcHistory *self)
{
  g_return_if_fail (self != NULL);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  cc_history_break (self);
}
