/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-document.h"
#include "cc-history.h"

#include <glib/gi18n.h>

struct _CcDocument {
  GObject       parent_instance;

  CcMaterialDb *db;
  CcDesign     *design;
  CcDesign     *saved;          /* as last loaded/saved; NULL: never saved */
  GFile        *file;
  CcHistory    *history;
  char         *validation_error;
  gboolean      dirty;
};

G_DEFINE_FINAL_TYPE (CcDocument, cc_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_DIRTY,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_TITLE,
  PROP_VALIDATION_ERROR,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
cc_document_finalize (GObject *object)
{
  CcDocument *self = CC_DOCUMENT (object);

  g_clear_pointer (&self->db, cc_material_db_unref);
  g_clear_pointer (&self->design, cc_design_free);
  g_clear_pointer (&self->saved, cc_design_free);
  g_clear_object (&self->file);
  g_clear_pointer (&self->history, cc_history_free);
  g_free (self->validation_error);

  G_OBJECT_CLASS (cc_document_parent_class)->finalize (object);
}

static void
cc_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CcDocument *self = CC_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, cc_document_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, cc_document_get_can_redo (self));
      break;
    case PROP_TITLE:
      g_value_take_string (value, cc_document_dup_title (self));
      break;
    case PROP_VALIDATION_ERROR:
      g_value_set_string (value, self->validation_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_document_class_init (CcDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cc_document_finalize;
  object_class->get_property = cc_document_get_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALIDATION_ERROR] =
    g_param_spec_string ("validation-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CcDocument::changed:
   * @changes: CcDocumentChange flags
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
cc_document_init (CcDocument *self)
{
  self->history = cc_history_new (CC_HISTORY_DEFAULT_LIMIT);
}

static void
revalidate (CcDocument *self)
{
  g_autoptr(GError) error = NULL;
  char *message = NULL;

  if (!cc_design_validate (self->design, self->db, &error))
    message = g_strdup (error->message);
  if (g_strcmp0 (message, self->validation_error) == 0)
    {
      g_free (message);
      return;
    }
  g_free (self->validation_error);
  self->validation_error = message;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALIDATION_ERROR]);
}

static gboolean
same_structure (const CcDesign *a,
                const CcDesign *b)
{
  if (a->components->len != b->components->len)
    return FALSE;
  for (guint i = 0; i < a->components->len; i++)
    {
      const CcComponent *ca = g_ptr_array_index (a->components, i);
      const CcComponent *cb = g_ptr_array_index (b->components, i);
      if (g_strcmp0 (ca->material_id, cb->material_id) != 0)
        return FALSE;
    }
  return TRUE;
}

/* Recomputes everything derived from the design and tells the views. */
static void
after_change (CcDocument *self,
              guint       changes)
{
  /* No saved state: recovered work that was never saved, dirty until it is. */
  gboolean dirty = self->saved == NULL || !cc_design_equal (self->design, self->saved);

  g_object_freeze_notify (G_OBJECT (self));
  revalidate (self);
  if (dirty != self->dirty)
    {
      self->dirty = dirty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[CHANGED], 0, changes);
}

CcDocument *
cc_document_new (CcMaterialDb *db)
{
  CcDocument *self;

  g_return_val_if_fail (db != NULL, NULL);

  self = g_object_new (CC_TYPE_DOCUMENT, NULL);
  self->db = cc_material_db_ref (db);
  self->design = cc_design_new_default ();
  self->saved = cc_design_copy (self->design);
  revalidate (self);
  return self;
}

CcMaterialDb *
cc_document_get_db (CcDocument *self)
{
  g_return_val_if_fail (CC_IS_DOCUMENT (self), NULL);
  return self->db;
}

const CcDesign *
cc_document_get_design (CcDocument *self)
{
  g_return_val_if_fail (CC_IS_DOCUMENT (self), NULL);
  return self->design;
}

CcDesign *
cc_document_dup_design (CcDocument *self)
{
  g_return_val_if_fail (CC_IS_DOCUMENT (self), NULL);
  return cc_design_copy (self->design);
}

gboolean
cc_document_edit (CcDocument *self,
                  CcDesign   *design,
                  const char *coalesce_key)
{
  guint changes = CC_DOCUMENT_CHANGE_VALUES;

  g_return_val_if_fail (CC_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (design != NULL, FALSE);

  if (cc_design_equal (design, self->design))
    {
      cc_design_free (design);
      return FALSE;
    }
  if (!same_structure (design, self->design))
    changes |= CC_DOCUMENT_CHANGE_STRUCTURE;
  cc_history_record (self->history, self->design, coalesce_key, g_get_monotonic_time ());
  cc_design_free (self->design);
  self->design = design;
  after_change (self, changes);
  return TRUE;
}

void
cc_document_break_coalescing (CcDocument *self)
{
  g_return_if_fail (CC_IS_DOCUMENT (self));
  cc_history_break (self->history);
}

static gboolean
restore (CcDocument *self,
         CcDesign   *design)
{
  guint changes = CC_DOCUMENT_CHANGE_VALUES;

  if (design == NULL)
    return FALSE;
  if (!same_structure (design, self->design))
    changes |= CC_DOCUMENT_CHANGE_STRUCTURE;
  cc_design_free (self->design);
  self->design = design;
  after_change (self, changes);
  return TRUE;
}

gboolean
cc_document_undo (CcDocument *self)
{
  g_return_val_if_fail (CC_IS_DOCUMENT (self), FALSE);
  return restore (self, cc_history_undo (self->history, self->design));
}

gboolean
cc_document_redo (CcDocument *self)
{
  g_return_val_if_fail (CC_IS_DOCUMENT (self), FALSE);
  return restore (self, cc_history_redo (self->history, self->design));
}

gboolean
cc_document_get_can_undo (CcDocument *self)
{
  g_return_val_if_fail (CC_IS_DOCUMENT (self), FALSE);
  return cc_history_can_undo (self->history);
}

gboolean
cc_document_get_can_redo (CcDocument *self)
{
  g_return_val_if_fail (CC_IS_DOCUMENT (self), FALSE);
  return cc_history_can_redo (self->history);
}

static void
set_file (CcDocument *self,
          GFile      *file)
{
  if (file == self->file || (file && self->file && g_file_equal (file, self->file)))
    return;
  g_set_object (&self->file, file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

void
cc_document_replace (CcDocument *self,
                     CcDesign   *design,
                     GFile      *file,
                     gboolean    dirty)
{
  g_return_if_fail (CC_IS_DOCUMENT (self));
  g_return_if_fail (design != NULL);

  cc_history_clear (self->history);
  cc_design_free (self->design);
  self->design = design;
  g_clear_pointer (&self->saved, cc_design_free);
  if (!dirty)
    self->saved = cc_design_copy (design);
  set_file (self, file);
  after_change (self, CC_DOCUMENT_CHANGE_VALUES | CC_DOCUMENT_CHANGE_STRUCTURE
                      | CC_DOCUMENT_CHANGE_REPLACED);
}

gboolean
cc_document_load (CcDocument  *self,
                  GFile       *file,
                  GError     **error)
{
  g_autofree char *path = NULL;
  CcDesign *design;

  g_return_val_if_fail (CC_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s is not a local file"), uri);
      return FALSE;
    }
  design = cc_design_load_from_file (path, error);
  if (design == NULL)
    return FALSE;
  cc_document_replace (self, design, file, FALSE);
  return TRUE;
}

gboolean
cc_document_save (CcDocument  *self,
                  GFile       *file,
                  GError     **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (CC_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s is not a local file"), uri);
      return FALSE;
    }
  if (!cc_design_save_to_file (self->design, path, error))
    return FALSE;
  g_clear_pointer (&self->saved, cc_design_free);
  self->saved = cc_design_copy (self->design);
  set_file (self, file);
  if (self->dirty)
    {
      self->dirty = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  return TRUE;
}

GFile *
cc_document_get_file (CcDocument *self)
{
  g_return_val_if_fail (CC_IS_DOCUMENT (self), NULL);
  return self->file;
}

gboolean
cc_document_get_dirty (CcDocument *self)
{
  g_return_val_if_fail (CC_IS_DOCUMENT (self), FALSE);
  return self->dirty;
}

gboolean
cc_document_is_pristine (CcDocument *self)
{
  g_return_val_if_fail (CC_IS_DOCUMENT (self), FALSE);
  return self->file == NULL && !self->dirty
         && !cc_history_can_undo (self->history) && !cc_history_can_redo (self->history);
}

char *
cc_document_dup_title (CcDocument *self)
{
  g_return_val_if_fail (CC_IS_DOCUMENT (self), NULL);

  if (self->file != NULL)
    return g_file_get_basename (self->file);
  return g_strdup (self->design->name && *self->design->name ? self->design->name
                                                               : _("Untitled design"));
}

const char *
cc_document_get_validation_error (CcDocument *self)
{
  g_return_val_if_fail (CC_IS_DOCUMENT (self), NULL);
  return self->validation_error;
}
