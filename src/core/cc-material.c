/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cc-material.h"
#include "cc-material-db.h"
#include "cc-json-util.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

struct _CcMaterial {
  char            *id;
  char            *name;
  char            *formula;
  char            *markup;
  char            *family;
  char            *description;
  CcMaterialClass  klass;
  GPtrArray       *properties;   /* CcProperty*, file order */
  GHashTable      *by_key;       /* key -> CcProperty* */
  JsonObject      *facts;        /* owned ref, may be NULL */
  GHashTable      *strv_cache;   /* key -> char** */
  CcCurve         *ocv;
};

static const struct {
  const char *id;
  const char *label;
} class_names[CC_MATERIAL_N_CLASSES] = {
  /* Labels in English; the app translates them (N_ marks them for po/). */
  [CC_MATERIAL_CLASS_CAM]        = { "cam", N_("Cathode active materials") },
  [CC_MATERIAL_CLASS_SE]         = { "se", N_("Solid electrolytes") },
  [CC_MATERIAL_CLASS_CARBON]     = { "carbon", N_("Conductive carbons") },
  [CC_MATERIAL_CLASS_BINDER]     = { "binder", N_("Binders") },
  [CC_MATERIAL_CLASS_INTERLAYER] = { "interlayer", N_("Coatings and interlayers") },
  [CC_MATERIAL_CLASS_ANODE]      = { "anode", N_("Anodes") },
};

static const CcJsonErrors *
material_errors_get (void)
{
  static CcJsonErrors codes;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      codes.domain = CC_MATERIAL_DB_ERROR;
      codes.code_type = CC_MATERIAL_DB_ERROR_INVALID;
      codes.code_missing = CC_MATERIAL_DB_ERROR_INVALID;
      g_once_init_leave (&initialized, 1);
    }
  return &codes;
}
#define material_errors (*material_errors_get ())

const char *
cc_material_class_to_string (CcMaterialClass klass)
{
  g_return_val_if_fail (klass < CC_MATERIAL_N_CLASSES, NULL);
  return class_names[klass].id;
}

const char *
cc_material_class_label (CcMaterialClass klass)
{
  g_return_val_if_fail (klass < CC_MATERIAL_N_CLASSES, NULL);
  return class_names[klass].label;
}

gboolean
cc_material_class_from_string (const char      *str,
                               CcMaterialClass *out)
{
  for (guint i = 0; i < CC_MATERIAL_N_CLASSES; i++)
    if (g_strcmp0 (str, class_names[i].id) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

static void
property_free (gpointer data)
{
  CcProperty *p = data;

  g_free (p->key);
  g_free (p->source);
  g_free (p->basis);
  g_free (p->note);
  g_free (p);
}

static void
curve_free (CcCurve *c)
{
  if (c == NULL)
    return;
  g_free (c->x);
  g_free (c->y);
  g_free (c->source);
  g_free (c->basis);
  g_free (c);
}

void
cc_material_free (CcMaterial *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->name);
  g_free (self->formula);
  g_free (self->markup);
  g_free (self->family);
  g_free (self->description);
  g_clear_pointer (&self->properties, g_ptr_array_unref);
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_clear_pointer (&self->facts, json_object_unref);
  g_clear_pointer (&self->strv_cache, g_hash_table_unref);
  curve_free (self->ocv);
  g_free (self);
}

/* Ids appear in every error path of their material: keep them short. */
#define MAX_ID_LENGTH 64

static gboolean
id_is_valid (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > MAX_ID_LENGTH)
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
      return FALSE;
  return TRUE;
}

static gboolean
parse_sourced (JsonObject  *obj,
               const char  *path,
               char       **source,
               gboolean    *estimate,
               char       **basis,
               GError     **error)
{
  JsonNode *est;

  if (!cc_json_get_string (obj, path, "source", CC_JSON_REQUIRED, &material_errors, source, error))
    return FALSE;
  if (g_strstrip (*source)[0] == '\0')
    {
      g_set_error (error, CC_MATERIAL_DB_ERROR, CC_MATERIAL_DB_ERROR_INVALID,
                   "%s.source: must not be empty", path);
      return FALSE;
    }
  est = json_object_get_member (obj, "estimate");
  *estimate = est != NULL && JSON_NODE_HOLDS_VALUE (est)
              && json_node_get_value_type (est) == G_TYPE_BOOLEAN
              && json_node_get_boolean (est);
  if (!cc_json_get_string (obj, path, "basis", CC_JSON_OPTIONAL, &material_errors, basis, error))
    return FALSE;
  if (*estimate && (*basis == NULL || g_strstrip (*basis)[0] == '\0'))
    {
      g_set_error (error, CC_MATERIAL_DB_ERROR, CC_MATERIAL_DB_ERROR_INVALID,
                   "%s: an estimate must give its basis", path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_property (CcMaterial  *self,
                const char  *path,
                const char  *key,
                JsonNode    *node,
                GError     **error)
{
  g_autofree char *ppath = cc_json_path_join (path, key);
  CcProperty *p;
  JsonObject *obj;
  double value = NAN;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, CC_MATERIAL_DB_ERROR, CC_MATERIAL_DB_ERROR_INVALID,
                   "%s: must be an object with value and source", ppath);
      return FALSE;
    }
  obj = json_node_get_object (node);
  if (!cc_json_get_double (obj, ppath, "value", CC_JSON_REQUIRED, &material_errors, &value, error))
    return FALSE;

  p = g_new0 (CcProperty, 1);
  p->key = g_strdup (key);
  p->value = value;
  if (!parse_sourced (obj, ppath, &p->source, &p->estimate, &p->basis, error)
      || !cc_json_get_string (obj, ppath, "note", CC_JSON_OPTIONAL, &material_errors, &p->note, error))
    {
      property_free (p);
      return FALSE;
    }
  g_ptr_array_add (self->properties, p);
  g_hash_table_insert (self->by_key, p->key, p);
  return TRUE;
}

/* json_array_get_double_element() on a string or null logs a critical and
 * returns 0, which would enter the curve as a real point. */
static gboolean
table_number (JsonArray   *array,
              const char  *path,
              const char  *member,
              guint        i,
              double      *out,
              GError     **error)
{
  JsonNode *el = json_array_get_element (array, i);
  GType t = JSON_NODE_HOLDS_VALUE (el) ? json_node_get_value_type (el) : G_TYPE_INVALID;

  if ((t == G_TYPE_DOUBLE || t == G_TYPE_INT64) && isfinite (json_node_get_double (el)))
    {
      *out = json_node_get_double (el);
      return TRUE;
    }
  {
    g_autofree char *what = cc_json_describe (el);
    g_set_error (error, CC_MATERIAL_DB_ERROR, CC_MATERIAL_DB_ERROR_INVALID,
                 "%s.%s[%u] = %s: must be a finite number", path, member, i, what);
  }
  return FALSE;
}

static gboolean
parse_ocv (CcMaterial  *self,
           JsonObject  *obj,
           const char  *path,
           GError     **error)
{
  g_autofree char *opath = cc_json_path_join (path, "ocv");
  JsonArray *xs = NULL, *ys = NULL;
  CcCurve *c;
  guint n;

  if (!cc_json_get_array (obj, opath, "soc", CC_JSON_REQUIRED, &material_errors, &xs, error)
      || !cc_json_get_array (obj, opath, "voltage_V", CC_JSON_REQUIRED, &material_errors, &ys, error))
    return FALSE;

  n = json_array_get_length (xs);
  if (n < 2 || n != json_array_get_length (ys))
    {
      g_set_error (error, CC_MATERIAL_DB_ERROR, CC_MATERIAL_DB_ERROR_INVALID,
                   "%s: soc and voltage_V must have the same length (at least 2)", opath);
      return FALSE;
    }

  c = g_new0 (CcCurve, 1);
  c->n = n;
  c->x = g_new (double, n);
  c->y = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      if (!table_number (xs, opath, "soc", i, &c->x[i], error)
          || !table_number (ys, opath, "voltage_V", i, &c->y[i], error))
        {
          curve_free (c);
          return FALSE;
        }
      if (i > 0 && c->x[i] <= c->x[i - 1])
        {
          g_set_error (error, CC_MATERIAL_DB_ERROR, CC_MATERIAL_DB_ERROR_INVALID,
                       "%s.soc[%u]: state of charge must increase strictly", opath, i);
          curve_free (c);
          return FALSE;
        }
    }
  if (!parse_sourced (obj, opath, &c->source, &c->estimate, &c->basis, error))
    {
      curve_free (c);
      return FALSE;
    }
  self->ocv = c;
  return TRUE;
}

/* String-array facts are converted once, so lookups stay read-only and
 * safe from worker threads. */
static void
fill_strv_cache (CcMaterial *self)
{
  g_autoptr(GList) members = json_object_get_members (self->facts);

  for (GList *l = members; l; l = l->next)
    {
      JsonNode *node = json_object_get_member (self->facts, l->data);
      g_autoptr(GStrvBuilder) builder = NULL;
      JsonArray *arr;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        continue;
      builder = g_strv_builder_new ();
      arr = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (arr); i++)
        {
          JsonNode *el = json_array_get_element (arr, i);
          if (JSON_NODE_HOLDS_VALUE (el) && json_node_get_value_type (el) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (el));
        }
      g_hash_table_insert (self->strv_cache, g_strdup (l->data), g_strv_builder_end (builder));
    }
}

CcMaterial *
cc_material_new_from_json (gpointer     json_object,
                           const char  *origin,
                           GError     **error)
{
  JsonObject *obj = json_object;
  JsonObject *props = NULL, *facts = NULL, *ocv = NULL;
  g_autofree char *klass = NULL;
  g_autofree char *path = NULL;
  CcMaterial *self;

  g_return_val_if_fail (obj != NULL, NULL);

  self = g_new0 (CcMaterial, 1);
  self->properties = g_ptr_array_new_with_free_func (property_free);
  self->by_key = g_hash_table_new (g_str_hash, g_str_equal);

  if (!cc_json_get_string (obj, origin, "id", CC_JSON_REQUIRED, &material_errors, &self->id, error))
    goto fail;
  if (!id_is_valid (self->id))
    {
      g_autofree char *shown = cc_json_quote (self->id);
      g_set_error (error, CC_MATERIAL_DB_ERROR, CC_MATERIAL_DB_ERROR_INVALID,
                   "%s.id = %s: must be 1 to %d lowercase letters, digits and hyphens",
                   origin, shown, MAX_ID_LENGTH);
      goto fail;
    }
  path = g_strdup_printf ("%s[%s]", origin, self->id);
  if (!cc_json_get_string (obj, path, "name", CC_JSON_REQUIRED, &material_errors, &self->name, error)
      || !cc_json_get_string (obj, path, "formula", CC_JSON_REQUIRED, &material_errors, &self->formula, error)
      || !cc_json_get_string (obj, path, "markup", CC_JSON_OPTIONAL, &material_errors, &self->markup, error)
      || !cc_json_get_string (obj, path, "family", CC_JSON_REQUIRED, &material_errors, &self->family, error)
      || !cc_json_get_string (obj, path, "description", CC_JSON_OPTIONAL, &material_errors, &self->description, error)
      || !cc_json_get_string (obj, path, "class", CC_JSON_REQUIRED, &material_errors, &klass, error))
    goto fail;
  if (!cc_material_class_from_string (klass, &self->klass))
    {
      g_autofree char *shown = cc_json_quote (klass);
      g_set_error (error, CC_MATERIAL_DB_ERROR, CC_MATERIAL_DB_ERROR_INVALID,
                   "%s.class = %s: must be cam, se, carbon, binder, interlayer or anode",
                   path, shown);
      goto fail;
    }
  if (self->markup == NULL)
    self->markup = g_markup_escape_text (self->formula, -1);
  if (self->description == NULL)
    self->description = g_strdup ("");

  if (!cc_json_get_object (obj, path, "properties", CC_JSON_REQUIRED, &material_errors, &props, error))
    goto fail;
  {
    g_autofree char *ppath = cc_json_path_join (path, "properties");
    g_autoptr(GList) members = json_object_get_members (props);

    for (GList *l = members; l; l = l->next)
      if (!parse_property (self, ppath, l->data, json_object_get_member (props, l->data), error))
        goto fail;
  }

  if (!cc_json_get_object (obj, path, "facts", CC_JSON_OPTIONAL, &material_errors, &facts, error))
    goto fail;
  if (facts != NULL)
    self->facts = json_object_ref (facts);
  self->strv_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  if (facts != NULL)
    fill_strv_cache (self);

  if (!cc_json_get_object (obj, path, "ocv", CC_JSON_OPTIONAL, &material_errors, &ocv, error))
    goto fail;
  if (ocv != NULL && !parse_ocv (self, ocv, path, error))
    goto fail;

  return self;

fail:
  cc_material_free (self);
  return NULL;
}

const char *cc_material_get_id (const CcMaterial *self) { return self->id; }
const char *cc_material_get_name (const CcMaterial *self) { return self->name; }
const char *cc_material_get_formula (const CcMaterial *self) { return self->formula; }
const char *cc_material_get_markup (const CcMaterial *self) { return self->markup; }
CcMaterialClass cc_material_get_class (const CcMaterial *self) { return self->klass; }
const char *cc_material_get_family (const CcMaterial *self) { return self->family; }
const char *cc_material_get_description (const CcMaterial *self) { return self->description; }
const CcCurve *cc_material_get_ocv (const CcMaterial *self) { return self->ocv; }

gboolean
cc_material_has (const CcMaterial *self,
                 const char       *key)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return g_hash_table_contains (self->by_key, key);
}

const CcProperty *
cc_material_get_property (const CcMaterial *self,
                          const char       *key)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_hash_table_lookup (self->by_key, key);
}

double
cc_material_get (const CcMaterial *self,
                 const char       *key,
                 double            fallback)
{
  const CcProperty *p = cc_material_get_property (self, key);
  return p != NULL ? p->value : fallback;
}

guint
cc_material_get_n_properties (const CcMaterial *self)
{
  return self->properties->len;
}

const CcProperty *
cc_material_get_property_at (const CcMaterial *self,
                             guint             index)
{
  g_return_val_if_fail (index < self->properties->len, NULL);
  return g_ptr_array_index (self->properties, index);
}

static JsonNode *
fact_node (const CcMaterial *self,
           const char       *key)
{
  if (self->facts == NULL)
    return NULL;
  return json_object_get_member (self->facts, key);
}

const char *
cc_material_get_string (const CcMaterial *self,
                        const char       *key)
{
  JsonNode *node = fact_node (self, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

const char * const *
cc_material_get_strv (const CcMaterial *self,
                      const char       *key)
{
  return g_hash_table_lookup (self->strv_cache, key);
}

gboolean
cc_material_get_flag (const CcMaterial *self,
                      const char       *key,
                      gboolean          fallback)
{
  JsonNode *node = fact_node (self, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fallback;
  return json_node_get_boolean (node);
}

GList *
cc_material_get_fact_keys (const CcMaterial *self)
{
  if (self->facts == NULL)
    return NULL;
  return json_object_get_members (self->facts);
}

double
cc_curve_eval (const CcCurve *curve,
               double         x)
{
  guint lo = 0, hi;

  g_return_val_if_fail (curve != NULL && curve->n >= 2, NAN);

  hi = curve->n - 1;
  if (x <= curve->x[0])
    return curve->y[0];
  if (x >= curve->x[hi])
    return curve->y[hi];

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;
      if (curve->x[mid] <= x)
        lo = mid;
      else
        hi = mid;
    }
  return curve->y[lo] + (curve->y[hi] - curve->y[lo]) * (x - curve->x[lo]) / (curve->x[hi] - curve->x[lo]);
}
