/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-material-db.h"
#include "cc-json-util.h"
#include "cc-resources.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>

struct _CcMaterialDb {
  gatomicrefcount  ref_count;
  GPtrArray       *materials;   /* CcMaterial*, load order */
  GHashTable      *by_id;       /* id -> CcMaterial* */
};

G_DEFINE_QUARK (cc-material-db-error-quark, cc_material_db_error)

static const char * const builtin_files[] = {
  "cam-layered-oxides.json",
  "cam-polyanions.json",
  "cam-prussian-blue.json",
  "cam-conversion.json",
  "cam-organic.json",
  "se-oxides.json",
  "se-sulfides.json",
  "se-halides.json",
  "se-hydrides.json",
  "carbons.json",
  "binders.json",
  "interlayers.json",
  "anodes.json",
};

CcMaterialDb *
cc_material_db_new (void)
{
  CcMaterialDb *self = g_new0 (CcMaterialDb, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->materials = g_ptr_array_new_with_free_func ((GDestroyNotify) cc_material_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  return self;
}

CcMaterialDb *
cc_material_db_ref (CcMaterialDb *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cc_material_db_unref (CcMaterialDb *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_hash_table_unref (self->by_id);
  g_ptr_array_unref (self->materials);
  g_free (self);
}

gboolean
cc_material_db_load_data (CcMaterialDb  *self,
                          const char    *data,
                          gssize         length,
                          const char    *origin,
                          GError       **error)
{
  CcJsonErrors codes = { CC_MATERIAL_DB_ERROR, CC_MATERIAL_DB_ERROR_PARSE, CC_MATERIAL_DB_ERROR_INVALID };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  JsonArray *list = NULL;
  JsonObject *obj;
  guint64 schema = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  root = cc_json_parse (data, length, 16 * 1024 * 1024, &codes, error);
  if (root == NULL)
    {
      g_prefix_error (error, "%s: ", origin);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CC_MATERIAL_DB_ERROR, CC_MATERIAL_DB_ERROR_INVALID,
                   "%s: the document must be an object with \"materials\"", origin);
      return FALSE;
    }
  obj = json_node_get_object (root);
  codes.code_type = CC_MATERIAL_DB_ERROR_INVALID;
  if (!cc_json_get_uint (obj, origin, "schema", CC_JSON_REQUIRED, 1000, &codes, &schema, error)
      || !cc_json_get_array (obj, origin, "materials", CC_JSON_REQUIRED, &codes, &list, error))
    return FALSE;
  if (schema != 1)
    {
      g_set_error (error, CC_MATERIAL_DB_ERROR, CC_MATERIAL_DB_ERROR_INVALID,
                   "%s.schema = %" G_GUINT64_FORMAT ": this version reads schema 1", origin, schema);
      return FALSE;
    }

  /* Parse everything first so a bad file adds nothing. */
  loaded = g_ptr_array_new_with_free_func ((GDestroyNotify) cc_material_free);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      g_autofree char *path = g_strdup_printf ("%s: materials[%u]", origin, i);
      CcMaterial *m;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, CC_MATERIAL_DB_ERROR, CC_MATERIAL_DB_ERROR_INVALID,
                       "%s: must be an object", path);
          return FALSE;
        }
      m = cc_material_new_from_json (json_node_get_object (node), path, error);
      if (m == NULL)
        return FALSE;
      g_ptr_array_add (loaded, m);

      if (g_hash_table_contains (self->by_id, cc_material_get_id (m)))
        {
          g_set_error (error, CC_MATERIAL_DB_ERROR, CC_MATERIAL_DB_ERROR_DUPLICATE,
                       "%s: id \"%s\" is already defined", path, cc_material_get_id (m));
          return FALSE;
        }
      for (guint j = 0; j + 1 < loaded->len; j++)
        if (g_str_equal (cc_material_get_id (g_ptr_array_index (loaded, j)), cc_material_get_id (m)))
          {
            g_set_error (error, CC_MATERIAL_DB_ERROR, CC_MATERIAL_DB_ERROR_DUPLICATE,
                         "%s: id \"%s\" appears twice", path, cc_material_get_id (m));
            return FALSE;
          }
    }

  for (guint i = 0; i < loaded->len; i++)
    {
      CcMaterial *m = g_ptr_array_index (loaded, i);
      g_ptr_array_index (loaded, i) = NULL;
      g_ptr_array_add (self->materials, m);
      g_hash_table_insert (self->by_id, (gpointer) cc_material_get_id (m), m);
    }
  return TRUE;
}

gboolean
cc_material_db_load_file (CcMaterialDb  *self,
                          const char    *path,
                          GError       **error)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;
  return cc_material_db_load_data (self, contents, (gssize) length, path, error);
}

gboolean
cc_material_db_load_builtin (CcMaterialDb  *self,
                             GError       **error)
{
  cc_resources_ensure_registered ();

  for (guint i = 0; i < G_N_ELEMENTS (builtin_files); i++)
    {
      g_autofree char *path = g_strconcat (CC_RESOURCE_DATA_PREFIX "/materials/", builtin_files[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, error);
      gsize size;
      const char *data;

      if (bytes == NULL)
        return FALSE;
      data = g_bytes_get_data (bytes, &size);
      if (!cc_material_db_load_data (self, data, (gssize) size, builtin_files[i], error))
        return FALSE;
    }
  return TRUE;
}

CcMaterialDb *
cc_material_db_get_default (void)
{
  static CcMaterialDb *db;

  if (g_once_init_enter (&db))
    {
      g_autoptr(GError) error = NULL;
      CcMaterialDb *loaded = cc_material_db_new ();

      if (!cc_material_db_load_builtin (loaded, &error))
        g_error ("The built-in materials database is broken: %s", error->message);
      g_once_init_leave (&db, loaded);
    }
  return db;
}

const CcMaterial *
cc_material_db_lookup (CcMaterialDb *self,
                       const char   *id)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (self->by_id, id);
}

guint
cc_material_db_get_n (CcMaterialDb *self)
{
  return self->materials->len;
}

const CcMaterial *
cc_material_db_get_nth (CcMaterialDb *self,
                        guint         index)
{
  g_return_val_if_fail (index < self->materials->len, NULL);
  return g_ptr_array_index (self->materials, index);
}

GPtrArray *
cc_material_db_list_class (CcMaterialDb    *self,
                           CcMaterialClass  klass)
{
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < self->materials->len; i++)
    {
      const CcMaterial *m = g_ptr_array_index (self->materials, i);
      if (cc_material_get_class (m) == klass)
        g_ptr_array_add (out, (gpointer) m);
    }
  return out;
}
