/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Design field addresses: parsing "a.b[2].c" and "a[key=value].c", resolving
 * them against a JSON tree, reading and writing the addressed node.
 */
#include "cc-sweep-path.h"
#include "cc-sweep-error.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
  char *member;   /* object member, or NULL for an array element */
  guint index;
} Step;

struct _CcDesignPath {
  GArray *steps;      /* Step */
  char   *canonical;
};

static void
step_clear (gpointer data)
{
  Step *s = data;
  g_free (s->member);
}

void
cc_design_path_free (CcDesignPath *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->steps);
  g_free (self->canonical);
  g_free (self);
}

static gboolean
is_name_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-';
}

static gboolean
fail (GError    **error,
      const char *text,
      const char *reason)
{
  g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID, "\"%s\": %s", text, reason);
  return FALSE;
}

/* "[3]" or "[material=nacro2]" against the array @node. */
static gboolean
resolve_selector (const char  *text,
                  const char  *sel,
                  JsonNode    *node,
                  guint       *out,
                  GError     **error)
{
  JsonArray *arr;
  const char *eq = strchr (sel, '=');
  guint n, matches = 0;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, text, "an index [...] follows something that is not an array");
  arr = json_node_get_array (node);
  n = json_array_get_length (arr);

  if (eq == NULL)
    {
      char *end = NULL;
      guint64 v;

      if (*sel == '\0' || !g_ascii_isdigit (*sel))
        return fail (error, text, "an index must be a whole number or key=value");
      v = g_ascii_strtoull (sel, &end, 10);
      if (*end != '\0')
        return fail (error, text, "an index must be a whole number or key=value");
      if (v >= n)
        {
          g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID,
                       "\"%s\": index %" G_GUINT64_FORMAT " is out of range; the base design has %u elements there",
                       text, v, n);
          return FALSE;
        }
      *out = (guint) v;
      return TRUE;
    }

  {
    g_autofree char *key = g_strndup (sel, eq - sel);
    const char *value = eq + 1;

    for (guint i = 0; i < n; i++)
      {
        JsonNode *el = json_array_get_element (arr, i);
        JsonNode *m;

        if (!JSON_NODE_HOLDS_OBJECT (el))
          continue;
        m = json_object_get_member (json_node_get_object (el), key);
        if (m != NULL && JSON_NODE_HOLDS_VALUE (m) && json_node_get_value_type (m) == G_TYPE_STRING
            && g_str_equal (json_node_get_string (m), value))
          {
            *out = i;
            matches++;
          }
      }
    if (matches == 0)
      {
        g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID,
                     "\"%s\": no element with %s = \"%s\" in the base design", text, key, value);
        return FALSE;
      }
    if (matches > 1)
      {
        g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID,
                     "\"%s\": %u elements have %s = \"%s\"; use an index", text, matches, key, value);
        return FALSE;
      }
  }
  return TRUE;
}

static JsonNode *
child (JsonNode   *node,
       const Step *s)
{
  if (node == NULL)
    return NULL;
  if (s->member != NULL)
    return JSON_NODE_HOLDS_OBJECT (node) ? json_object_get_member (json_node_get_object (node), s->member) : NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node) || s->index >= json_array_get_length (json_node_get_array (node)))
    return NULL;
  return json_array_get_element (json_node_get_array (node), s->index);
}

static void
append_canonical (GString    *out,
                  const Step *s)
{
  if (s->member != NULL)
    {
      if (out->len > 0)
        g_string_append_c (out, '.');
      g_string_append (out, s->member);
    }
  else
    g_string_append_printf (out, "[%u]", s->index);
}

static gboolean
resolve_member (const char   *text,
                const char  **p,
                CcDesignPath *self,
                JsonNode    **node,
                GError      **error)
{
  const char *start = *p;
  Step s = { NULL, 0 };

  while (is_name_char (**p))
    (*p)++;
  if (*p == start)
    return fail (error, text, "expected a field name");
  s.member = g_strndup (start, *p - start);
  if (*node == NULL || !JSON_NODE_HOLDS_OBJECT (*node)
      || !json_object_has_member (json_node_get_object (*node), s.member))
    {
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID,
                   "\"%s\": the base design has no field \"%s\" there", text, s.member);
      g_free (s.member);
      return FALSE;
    }
  *node = child (*node, &s);
  g_array_append_val (self->steps, s);
  return TRUE;
}

static gboolean
resolve_index (const char   *text,
               const char  **p,
               CcDesignPath *self,
               JsonNode    **node,
               GError      **error)
{
  const char *close = strchr (*p, ']');
  g_autofree char *sel = NULL;
  Step s = { NULL, 0 };

  if (close == NULL)
    return fail (error, text, "missing ']'");
  sel = g_strndup (*p + 1, close - *p - 1);
  if (!resolve_selector (text, sel, *node, &s.index, error))
    return FALSE;
  *node = child (*node, &s);
  g_array_append_val (self->steps, s);
  *p = close + 1;
  return TRUE;
}

CcDesignPath *
cc_design_path_resolve (const char  *text,
                        JsonNode    *root,
                        GError     **error)
{
  g_autoptr(CcDesignPath) self = g_new0 (CcDesignPath, 1);
  GString *canon;
  JsonNode *node = root;
  const char *p = text;

  g_return_val_if_fail (text != NULL && root != NULL, NULL);

  self->steps = g_array_new (FALSE, TRUE, sizeof (Step));
  g_array_set_clear_func (self->steps, step_clear);
  if (*text == '\0')
    {
      fail (error, text, "empty path");
      return NULL;
    }

  while (*p != '\0')
    {
      if (!resolve_member (text, &p, self, &node, error))
        return NULL;
      while (*p == '[')
        if (!resolve_index (text, &p, self, &node, error))
          return NULL;
      if (*p == '.')
        p++;
      else if (*p != '\0')
        {
          fail (error, text, "unexpected character; write fields as a.b[0].c or a[key=value].c");
          return NULL;
        }
    }

  canon = g_string_new (NULL);
  for (guint i = 0; i < self->steps->len; i++)
    append_canonical (canon, &g_array_index (self->steps, Step, i));
  self->canonical = g_string_free (canon, FALSE);
  return g_steal_pointer (&self);
}

const char *
cc_design_path_get_canonical (const CcDesignPath *self)
{
  return self->canonical;
}

JsonNode *
cc_design_path_lookup (const CcDesignPath *self,
                       JsonNode           *root)
{
  JsonNode *node = root;

  for (guint i = 0; i < self->steps->len && node != NULL; i++)
    node = child (node, &g_array_index (self->steps, Step, i));
  return node;
}

static JsonNode *
lookup_prefix (const CcDesignPath *self,
               JsonNode           *root,
               guint               n_steps)
{
  JsonNode *node = root;

  for (guint i = 0; i < n_steps && node != NULL; i++)
    node = child (node, &g_array_index (self->steps, Step, i));
  return node;
}

gboolean
cc_design_path_set_number (const CcDesignPath *self,
                           JsonNode           *root,
                           double              value,
                           gboolean            as_integer)
{
  JsonNode *node = cc_design_path_lookup (self, root);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  /* Overwriting the value in place works for object members and array
   * elements alike (JsonArray has no replace). Not json_node_init_*: in
   * json-glib 1.6 they free the old value and then write into it. */
  if (as_integer)
    json_node_set_int (node, (gint64) value);
  else
    json_node_set_double (node, value);
  return TRUE;
}

gboolean
cc_design_path_set_string (const CcDesignPath *self,
                           JsonNode           *root,
                           const char         *value)
{
  JsonNode *node = cc_design_path_lookup (self, root);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  json_node_set_string (node, value);
  return TRUE;
}

gboolean
cc_design_path_remove_holder (const CcDesignPath *self,
                              JsonNode           *root)
{
  guint n = self->steps->len;
  const Step *holder, *last;
  JsonNode *container;

  if (n < 2)
    return FALSE;
  last = &g_array_index (self->steps, Step, n - 1);
  holder = &g_array_index (self->steps, Step, n - 2);
  if (last->member == NULL || holder->member == NULL)
    return FALSE;
  container = lookup_prefix (self, root, n - 2);
  if (container == NULL || !JSON_NODE_HOLDS_OBJECT (container))
    return FALSE;
  json_object_remove_member (json_node_get_object (container), holder->member);
  return TRUE;
}

int
cc_design_path_component_index (const CcDesignPath *self,
                                 const char         *field)
{
  guint want = field != NULL ? 3 : 2;
  const Step *s0, *s1;

  if (self->steps->len != want)
    return -1;
  s0 = &g_array_index (self->steps, Step, 0);
  s1 = &g_array_index (self->steps, Step, 1);
  if (g_strcmp0 (s0->member, "components") != 0 || s1->member != NULL)
    return -1;
  if (field != NULL && g_strcmp0 (g_array_index (self->steps, Step, 2).member, field) != 0)
    return -1;
  return (int) s1->index;
}
