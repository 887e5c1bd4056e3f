/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-autosave.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#define DESIGN_SUFFIX ".ccdesign"
#define META_SUFFIX ".autosave"
#define META_GROUP "Autosave"

void
cc_autosave_entry_free (CcAutosaveEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->id);
  cc_design_free (entry->design);
  g_clear_object (&entry->original);
  g_free (entry);
}

char *
cc_autosave_get_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "cathode-composer", "autosave", NULL);
}

char *
cc_autosave_new_id (void)
{
  return g_uuid_string_random ();
}

static char *
path_for (const char *id,
          const char *suffix)
{
  g_autofree char *dir = cc_autosave_get_dir ();
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

gboolean
cc_autosave_write (const char      *id,
                   const CcDesign  *design,
                   GFile           *original,
                   GError         **error)
{
  g_autofree char *dir = cc_autosave_get_dir ();
  g_autofree char *design_path = path_for (id, DESIGN_SUFFIX);
  g_autofree char *meta_path = path_for (id, META_SUFFIX);
  g_autoptr(GKeyFile) meta = g_key_file_new ();

  g_return_val_if_fail (id != NULL && design != NULL, FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }
  if (!cc_design_save_to_file (design, design_path, error))
    return FALSE;
  if (original != NULL)
    {
      g_autofree char *uri = g_file_get_uri (original);
      g_key_file_set_string (meta, META_GROUP, "original", uri);
    }
  g_key_file_set_int64 (meta, META_GROUP, "saved", g_get_real_time () / G_USEC_PER_SEC);
  return g_key_file_save_to_file (meta, meta_path, error);
}

void
cc_autosave_remove (const char *id)
{
  g_autofree char *design_path = NULL;
  g_autofree char *meta_path = NULL;

  g_return_if_fail (id != NULL);

  design_path = path_for (id, DESIGN_SUFFIX);
  meta_path = path_for (id, META_SUFFIX);
  g_unlink (design_path);
  g_unlink (meta_path);
}

static CcAutosaveEntry *
read_entry (const char *id)
{
  g_autofree char *design_path = path_for (id, DESIGN_SUFFIX);
  g_autofree char *meta_path = path_for (id, META_SUFFIX);
  g_autoptr(GKeyFile) meta = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  CcAutosaveEntry *entry;
  CcDesign *design;

  design = cc_design_load_from_file (design_path, &error);
  if (design == NULL)
    {
      g_warning ("Autosaved design %s cannot be recovered: %s", design_path, error->message);
      return NULL;
    }
  entry = g_new0 (CcAutosaveEntry, 1);
  entry->id = g_strdup (id);
  entry->design = design;
  if (g_key_file_load_from_file (meta, meta_path, G_KEY_FILE_NONE, NULL))
    {
      uri = g_key_file_get_string (meta, META_GROUP, "original", NULL);
      entry->saved_unix = g_key_file_get_int64 (meta, META_GROUP, "saved", NULL);
    }
  if (uri != NULL)
    entry->original = g_file_new_for_uri (uri);
  if (entry->saved_unix == 0)
    {
      GStatBuf st;
      if (g_stat (design_path, &st) == 0)
        entry->saved_unix = st.st_mtime;
    }
  return entry;
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  const CcAutosaveEntry *ea = *(CcAutosaveEntry * const *) a;
  const CcAutosaveEntry *eb = *(CcAutosaveEntry * const *) b;

  return (ea->saved_unix < eb->saved_unix) - (ea->saved_unix > eb->saved_unix);
}

GPtrArray *
cc_autosave_list (void)
{
  g_autofree char *dir_path = cc_autosave_get_dir ();
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) cc_autosave_entry_free);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return entries;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *id = NULL;
      CcAutosaveEntry *entry;

      if (!g_str_has_suffix (name, DESIGN_SUFFIX))
        continue;
      id = g_strndup (name, strlen (name) - strlen (DESIGN_SUFFIX));
      entry = read_entry (id);
      if (entry != NULL)
        g_ptr_array_add (entries, entry);
    }
  g_ptr_array_sort (entries, newest_first);
  return entries;
}

/* ---- CcAutosaver ------------------------------------------------------- */

struct _CcAutosaver {
  GObject     parent_instance;
  CcDocument *document;    /* weak: the window owns both */
  char       *id;
  guint       delay_s;
  guint       timeout_id;
  gboolean    written;
};

G_DEFINE_FINAL_TYPE (CcAutosaver, cc_autosaver, G_TYPE_OBJECT)

static void
cc_autosaver_dispose (GObject *object)
{
  CcAutosaver *self = CC_AUTOSAVER (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_object_remove_weak_pointer (G_OBJECT (self->document), (gpointer *) &self->document);
      self->document = NULL;
    }
  G_OBJECT_CLASS (cc_autosaver_parent_class)->dispose (object);
}

static void
cc_autosaver_finalize (GObject *object)
{
  g_free (CC_AUTOSAVER (object)->id);
  G_OBJECT_CLASS (cc_autosaver_parent_class)->finalize (object);
}

static void
cc_autosaver_class_init (CcAutosaverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cc_autosaver_dispose;
  object_class->finalize = cc_autosaver_finalize;
}

static void
cc_autosaver_init (CcAutosaver *self)
{
  self->id = cc_autosave_new_id ();
  self->delay_s = 30;
}

static void
write_now (CcAutosaver *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->document == NULL || !cc_document_get_dirty (self->document))
    return;
  if (!cc_autosave_write (self->id, cc_document_get_design (self->document),
                          cc_document_get_file (self->document), &error))
    g_warning ("Could not autosave: %s", error->message);
  else
    self->written = TRUE;
}

static gboolean
on_timeout (gpointer data)
{
  CcAutosaver *self = data;

  self->timeout_id = 0;
  write_now (self);
  return G_SOURCE_REMOVE;
}

static void
on_document_changed (CcAutosaver *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (cc_document_get_dirty (self->document))
    self->timeout_id = g_timeout_add_seconds (self->delay_s, on_timeout, self);
}

static void
on_dirty_changed (CcAutosaver *self)
{
  if (!cc_document_get_dirty (self->document))
    cc_autosaver_discard (self);
}

CcAutosaver *
cc_autosaver_new (CcDocument *document,
                  guint       delay_s)
{
  CcAutosaver *self;

  g_return_val_if_fail (CC_IS_DOCUMENT (document), NULL);

  self = g_object_new (CC_TYPE_AUTOSAVER, NULL);
  self->document = document;
  self->delay_s = MAX (delay_s, 1);
  g_object_add_weak_pointer (G_OBJECT (document), (gpointer *) &self->document);
  g_signal_connect_swapped (document, "changed", G_CALLBACK (on_document_changed), self);
  g_signal_connect_swapped (document, "notify::dirty", G_CALLBACK (on_dirty_changed), self);
  if (cc_document_get_dirty (document))
    on_document_changed (self);
  return self;
}

void
cc_autosaver_set_delay (CcAutosaver *self,
                        guint        delay_s)
{
  g_return_if_fail (CC_IS_AUTOSAVER (self));

  self->delay_s = MAX (delay_s, 1);
  if (self->timeout_id != 0 && self->document != NULL)
    on_document_changed (self);
}

void
cc_autosaver_flush (CcAutosaver *self)
{
  g_return_if_fail (CC_IS_AUTOSAVER (self));
  write_now (self);
}

void
cc_autosaver_discard (CcAutosaver *self)
{
  g_return_if_fail (CC_IS_AUTOSAVER (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->written)
    cc_autosave_remove (self->id);
  self->written = FALSE;
}

const char *
cc_autosaver_get_id (CcAutosaver *self)
{
  g_return_val_if_fail (CC_IS_AUTOSAVER (self), NULL);
  return self->id;
}

void
cc_autosaver_adopt (CcAutosaver *self,
                    const char  *id)
{
  g_return_if_fail (CC_IS_AUTOSAVER (self));
  g_return_if_fail (id != NULL);

  if (self->written && g_strcmp0 (id, self->id) != 0)
    cc_autosave_remove (self->id);
  g_free (self->id);
  self->id = g_strdup (id);
  self->written = TRUE;
}
