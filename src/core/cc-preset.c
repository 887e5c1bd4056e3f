/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-preset.h"
#include "cc-json-util.h"
#include "cc-resources.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

struct _CcPresetList {
  gatomicrefcount  ref_count;
  GPtrArray       *presets;   /* CcPreset* */
};

static void
preset_free (CcPreset *p)
{
  if (p == NULL)
    return;
  g_free (p->id);
  g_free (p->title);
  g_free (p->reference);
  g_free (p->explanation);
  cc_design_free (p->design);
  g_free (p->reported.voltage_reference);
  g_free (p->reported.notes);
  g_free (p);
}

CcPresetList *
cc_preset_list_new (void)
{
  CcPresetList *self = g_new0 (CcPresetList, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->presets = g_ptr_array_new_with_free_func ((GDestroyNotify) preset_free);
  return self;
}

CcPresetList *
cc_preset_list_ref (CcPresetList *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cc_preset_list_unref (CcPresetList *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_ptr_array_unref (self->presets);
  g_free (self);
}

static gboolean
read_reported (JsonObject          *obj,
               const char          *path,
               const CcJsonErrors  *codes,
               CcReported          *r,
               GError             **error)
{
  guint64 cycles = 0;

  r->capacity_mAh_g = r->c_rate = r->current_mA_g = r->retention = NAN;
  r->initial_coulombic_efficiency = r->temperature_C = NAN;
  r->voltage_min_V = r->voltage_max_V = NAN;

  if (!cc_json_get_double (obj, path, "capacity_mAh_g", CC_JSON_OPTIONAL, codes, &r->capacity_mAh_g, error)
      || !cc_json_get_double (obj, path, "c_rate", CC_JSON_OPTIONAL, codes, &r->c_rate, error)
      || !cc_json_get_double (obj, path, "current_mA_g", CC_JSON_OPTIONAL, codes, &r->current_mA_g, error)
      || !cc_json_get_uint (obj, path, "cycles", CC_JSON_OPTIONAL, 1000000, codes, &cycles, error)
      || !cc_json_get_double (obj, path, "retention", CC_JSON_OPTIONAL, codes, &r->retention, error)
      || !cc_json_get_double (obj, path, "initial_coulombic_efficiency", CC_JSON_OPTIONAL, codes,
                              &r->initial_coulombic_efficiency, error)
      || !cc_json_get_double (obj, path, "temperature_C", CC_JSON_OPTIONAL, codes, &r->temperature_C, error)
      || !cc_json_get_double (obj, path, "voltage_min_V", CC_JSON_OPTIONAL, codes, &r->voltage_min_V, error)
      || !cc_json_get_double (obj, path, "voltage_max_V", CC_JSON_OPTIONAL, codes, &r->voltage_max_V, error)
      || !cc_json_get_string (obj, path, "voltage_reference", CC_JSON_OPTIONAL, codes, &r->voltage_reference, error)
      || !cc_json_get_string (obj, path, "notes", CC_JSON_OPTIONAL, codes, &r->notes, error))
    return FALSE;
  r->cycles = (guint) cycles;
  return TRUE;
}

gboolean
cc_preset_list_load_data (CcPresetList  *self,
                          const char    *data,
                          gssize         length,
                          const char    *origin,
                          GError       **error)
{
  CcJsonErrors codes = { CC_DESIGN_ERROR, CC_DESIGN_ERROR_INVALID, CC_DESIGN_ERROR_MISSING };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func ((GDestroyNotify) preset_free);
  JsonArray *list = NULL;

  root = cc_json_parse (data, length, 16 * 1024 * 1024, &codes, error);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      if (root != NULL)
        g_set_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_INVALID, "must be an object");
      g_prefix_error (error, "%s: ", origin);
      return FALSE;
    }
  if (!cc_json_get_array (json_node_get_object (root), origin, "presets", CC_JSON_REQUIRED, &codes, &list, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      g_autofree char *path = g_strdup_printf ("%s: presets[%u]", origin, i);
      JsonObject *obj, *reported = NULL;
      CcPreset *p;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_INVALID, "%s: must be an object", path);
          return FALSE;
        }
      obj = json_node_get_object (node);
      p = g_new0 (CcPreset, 1);
      g_ptr_array_add (loaded, p);
      if (!cc_json_get_string (obj, path, "id", CC_JSON_REQUIRED, &codes, &p->id, error)
          || !cc_json_get_string (obj, path, "title", CC_JSON_REQUIRED, &codes, &p->title, error)
          || !cc_json_get_string (obj, path, "reference", CC_JSON_REQUIRED, &codes, &p->reference, error)
          || !cc_json_get_string (obj, path, "explanation", CC_JSON_OPTIONAL, &codes, &p->explanation, error)
          || !cc_json_get_object (obj, path, "reported", CC_JSON_REQUIRED, &codes, &reported, error))
        return FALSE;
      {
        g_autofree char *rpath = g_strdup_printf ("%s.reported", path);
        if (!read_reported (reported, rpath, &codes, &p->reported, error))
          return FALSE;
      }
      if (!json_object_has_member (obj, "design"))
        {
          g_set_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_MISSING, "%s.design: required field is missing", path);
          return FALSE;
        }
      p->design = cc_design_from_json_node (json_object_get_member (obj, "design"), error);
      if (p->design == NULL)
        {
          g_autofree char *shown = cc_json_quote (p->id);
          g_prefix_error (error, "%s (%s).design: ", path, shown);
          return FALSE;
        }
      if (p->explanation == NULL)
        p->explanation = g_strdup ("");
      if (cc_preset_list_lookup (self, p->id) != NULL)
        {
          g_autofree char *shown = cc_json_quote (p->id);
          g_set_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_INVALID, "%s: id %s is already defined", path, shown);
          return FALSE;
        }
      /* ... or earlier in this file (not yet in the list). */
      for (guint j = 0; j + 1 < loaded->len; j++)
        if (g_str_equal (((CcPreset *) g_ptr_array_index (loaded, j))->id, p->id))
          {
            g_autofree char *shown = cc_json_quote (p->id);
            g_set_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_INVALID,
                         "%s: id %s appears twice (also presets[%u])", path, shown, j);
            return FALSE;
          }
    }

  for (guint i = 0; i < loaded->len; i++)
    {
      g_ptr_array_add (self->presets, g_ptr_array_index (loaded, i));
      g_ptr_array_index (loaded, i) = NULL;
    }
  return TRUE;
}

gboolean
cc_preset_list_load_builtin (CcPresetList  *self,
                             GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize size;

  cc_resources_ensure_registered ();
  bytes = g_resources_lookup_data (CC_RESOURCE_DATA_PREFIX "/presets/literature-cells.json", 0, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  return cc_preset_list_load_data (self, data, (gssize) size, "literature-cells.json", error);
}

CcPresetList *
cc_preset_list_get_default (void)
{
  static CcPresetList *list;

  if (g_once_init_enter (&list))
    {
      g_autoptr(GError) error = NULL;
      CcPresetList *loaded = cc_preset_list_new ();

      if (!cc_preset_list_load_builtin (loaded, &error))
        g_error ("The built-in presets are broken: %s", error->message);
      g_once_init_leave (&list, loaded);
    }
  return list;
}

guint
cc_preset_list_get_n (CcPresetList *self)
{
  return self->presets->len;
}

const CcPreset *
cc_preset_list_get_nth (CcPresetList *self,
                        guint         index)
{
  g_return_val_if_fail (index < self->presets->len, NULL);
  return g_ptr_array_index (self->presets, index);
}

const CcPreset *
cc_preset_list_lookup (CcPresetList *self,
                       const char   *id)
{
  for (guint i = 0; i < self->presets->len; i++)
    {
      const CcPreset *p = g_ptr_array_index (self->presets, i);
      if (g_strcmp0 (p->id, id) == 0)
        return p;
    }
  return NULL;
}

CcDesign *
cc_design_load_from_argument (const char  *argument,
                              GError     **error)
{
  g_return_val_if_fail (argument != NULL, NULL);

  if (g_str_has_prefix (argument, "preset:"))
    {
      const char *id = argument + strlen ("preset:");
      const CcPreset *p = cc_preset_list_lookup (cc_preset_list_get_default (), id);

      if (p == NULL)
        {
          g_autofree char *shown = cc_json_quote (id);
          g_set_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_INVALID,
                       "no preset named %s (see `cathode-composer-cli presets`)", shown);
          return NULL;
        }
      return cc_design_copy (p->design);
    }
  return cc_design_load_from_file (argument, error);
}
