/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-json-util.h"

#include <math.h>
#include <string.h>

#define CC_JSON_MAX_DEPTH 64

char *
cc_json_path_join (const char *path,
                   const char *member)
{
  if (path == NULL || *path == '\0')
    return g_strdup (member);
  return g_strdup_printf ("%s.%s", path, member);
}

char *
cc_json_describe (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup ("null");
  if (JSON_NODE_HOLDS_OBJECT (node))
    return g_strdup ("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return g_strdup ("an array");

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      {
        const char *s = json_node_get_string (node);
        if (strlen (s) > 40)
          return g_strdup_printf ("\"%.40s…\"", s);
        return g_strdup_printf ("\"%s\"", s);
      }
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        return g_strdup (g_ascii_dtostr (buf, sizeof buf, json_node_get_double (node)));
      }
    default:
      return g_strdup ("a value");
    }
}

static gboolean
lookup (JsonObject         *object,
        const char         *path,
        const char         *member,
        CcJsonNeed          need,
        const CcJsonErrors *codes,
        JsonNode          **node,
        GError            **error)
{
  *node = json_object_get_member (object, member);
  if (*node != NULL && !JSON_NODE_HOLDS_NULL (*node))
    return TRUE;

  *node = NULL;
  if (need == CC_JSON_REQUIRED)
    {
      g_autofree char *full = cc_json_path_join (path, member);
      g_set_error (error, codes->domain, codes->code_missing,
                   "%s: required field is missing", full);
      return FALSE;
    }
  return TRUE;
}

static gboolean
type_error (const char         *path,
            const char         *member,
            JsonNode           *node,
            const char         *expected,
            const CcJsonErrors *codes,
            GError            **error)
{
  g_autofree char *full = cc_json_path_join (path, member);
  g_autofree char *what = cc_json_describe (node);
  g_set_error (error, codes->domain, codes->code_type,
               "%s = %s: must be %s", full, what, expected);
  return FALSE;
}

static gboolean
node_is_number (JsonNode *node)
{
  GType t;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  t = json_node_get_value_type (node);
  return t == G_TYPE_INT64 || t == G_TYPE_DOUBLE;
}

gboolean
cc_json_get_double (JsonObject         *object,
                    const char         *path,
                    const char         *member,
                    CcJsonNeed          need,
                    const CcJsonErrors *codes,
                    double             *out,
                    GError            **error)
{
  JsonNode *node;
  double v;

  if (!lookup (object, path, member, need, codes, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!node_is_number (node))
    return type_error (path, member, node, "a number", codes, error);

  v = json_node_get_double (node);
  if (!isfinite (v))
    return type_error (path, member, node, "a finite number", codes, error);
  *out = v;
  return TRUE;
}

gboolean
cc_json_get_uint (JsonObject         *object,
                  const char         *path,
                  const char         *member,
                  CcJsonNeed          need,
                  guint64             max,
                  const CcJsonErrors *codes,
                  guint64            *out,
                  GError            **error)
{
  JsonNode *node;
  double v;

  if (!lookup (object, path, member, need, codes, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!node_is_number (node))
    return type_error (path, member, node, "a whole number", codes, error);

  v = json_node_get_double (node);
  if (!isfinite (v) || v < 0 || v != floor (v))
    return type_error (path, member, node, "a whole number ≥ 0", codes, error);
  if (v > (double) max)
    {
      g_autofree char *full = cc_json_path_join (path, member);
      g_autofree char *what = cc_json_describe (node);
      g_set_error (error, codes->domain, codes->code_type,
                   "%s = %s: must be at most %" G_GUINT64_FORMAT, full, what, max);
      return FALSE;
    }
  *out = (guint64) v;
  return TRUE;
}

gboolean
cc_json_get_string (JsonObject         *object,
                    const char         *path,
                    const char         *member,
                    CcJsonNeed          need,
                    const CcJsonErrors *codes,
                    char              **out,
                    GError            **error)
{
  JsonNode *node;

  if (!lookup (object, path, member, need, codes, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return type_error (path, member, node, "a string", codes, error);

  g_free (*out);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

gboolean
cc_json_get_object (JsonObject         *object,
                    const char         *path,
                    const char         *member,
                    CcJsonNeed          need,
                    const CcJsonErrors *codes,
                    JsonObject        **out,
                    GError            **error)
{
  JsonNode *node;

  if (!lookup (object, path, member, need, codes, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return type_error (path, member, node, "an object", codes, error);
  *out = json_node_get_object (node);
  return TRUE;
}

gboolean
cc_json_get_array (JsonObject         *object,
                   const char         *path,
                   const char         *member,
                   CcJsonNeed          need,
                   const CcJsonErrors *codes,
                   JsonArray         **out,
                   GError            **error)
{
  JsonNode *node;

  if (!lookup (object, path, member, need, codes, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return type_error (path, member, node, "an array", codes, error);
  *out = json_node_get_array (node);
  return TRUE;
}

/* json-glib keeps the last of duplicated keys silently and recurses without
 * bound; json-glib 1.6 also accepts a second value after the first (keeping
 * the first, leaking the second), so a file with two documents back to back
 * would load half of itself silently. This scanner walks the text once,
 * before parsing, to refuse all three. It only needs to be right for texts
 * json-glib accepts afterwards. */
typedef struct {
  GHashTable *keys;    /* NULL for arrays */
} Frame;

static gboolean
scan_structure (const char         *data,
                gsize               length,
                const CcJsonErrors *codes,
                GError            **error)
{
  Frame stack[CC_JSON_MAX_DEPTH + 1];
  int depth = 0;
  gboolean expect_key = FALSE;
  gboolean ok = TRUE;
  gboolean started = FALSE;    /* the top-level value has begun */
  gboolean finished = FALSE;   /* ... and was a container that has closed */
  guint line = 1;
  gsize i = 0;

  while (i < length && ok)
    {
      char c = data[i];

      if (c == '\n')
        line++;

      if (depth == 0 && !g_ascii_isspace (c))
        {
          if (finished || (started && (c == '{' || c == '[')))
            {
              g_set_error (error, codes->domain, codes->code_type,
                           "line %u: unexpected text after the end of the document", line);
              ok = FALSE;
              break;
            }
          started = TRUE;
        }

      if (c == '{' || c == '[')
        {
          if (depth >= CC_JSON_MAX_DEPTH)
            {
              g_set_error (error, codes->domain, codes->code_type,
                           "line %u: document nested deeper than %d levels",
                           line, CC_JSON_MAX_DEPTH);
              ok = FALSE;
              break;
            }
          stack[depth].keys = c == '{' ? g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) : NULL;
          depth++;
          expect_key = (c == '{');
          i++;
        }
      else if (c == '}' || c == ']')
        {
          if (depth > 0)
            {
              depth--;
              g_clear_pointer (&stack[depth].keys, g_hash_table_unref);
              finished = depth == 0;
            }
          expect_key = FALSE;
          i++;
        }
      else if (c == ',')
        {
          expect_key = depth > 0 && stack[depth - 1].keys != NULL;
          i++;
        }
      else if (c == '"')
        {
          gsize start = ++i;

          while (i < length && data[i] != '"')
            {
              /* json-glib would silently cut the string at the NUL. */
              if (data[i] == '\\' && i + 5 < length && memcmp (data + i + 1, "u0000", 5) == 0)
                {
                  g_set_error (error, codes->domain, codes->code_type,
                               "line %u: a string contains \\u0000 (a NUL character), "
                               "which is not allowed", line);
                  ok = FALSE;
                  break;
                }
              i += (data[i] == '\\' && i + 1 < length) ? 2 : 1;
            }
          if (!ok)
            break;

          if (expect_key && depth > 0 && stack[depth - 1].keys != NULL)
            {
              char *key = g_strndup (data + start, MIN (i - start, (gsize) 200));
              if (!g_hash_table_add (stack[depth - 1].keys, key))
                {
                  g_autofree char *shown = g_strndup (data + start, MIN (i - start, (gsize) 60));
                  g_set_error (error, codes->domain, codes->code_type,
                               "line %u: duplicated key \"%s\"", line, shown);
                  ok = FALSE;
                }
            }
          expect_key = FALSE;
          i++;
        }
      else
        i++;
    }

  while (depth > 0)
    {
      depth--;
      g_clear_pointer (&stack[depth].keys, g_hash_table_unref);
    }
  return ok;
}

/* @data need not be NUL-terminated (a mapped file, a GBytes): never read
 * past @length. */
static gboolean
only_whitespace (const char *data,
                 gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (data[i] != ' ' && data[i] != '\t' && data[i] != '\r' && data[i] != '\n')
      return FALSE;
  return TRUE;
}

/* json-glib decodes an escaped UTF-16 surrogate that has no partner
 * ("\ud800") into bytes that are not UTF-8; every string handed on must be
 * valid (GTK shows them, the writer saves them). */
static gboolean
check_strings (JsonNode           *node,
               const char         *path,
               const CcJsonErrors *codes,
               GError            **error)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        {
          g_autofree char *child = NULL;

          if (!g_utf8_validate (name, -1, NULL))
            {
              g_set_error (error, codes->domain, codes->code_type,
                           "%s: a key is not valid Unicode (an unpaired \\uD800–\\uDFFF escape)",
                           *path ? path : "document");
              return FALSE;
            }
          child = cc_json_path_join (path, name);
          if (!check_strings (member, child, codes, error))
            return FALSE;
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *child = g_strdup_printf ("%s[%u]", path, i);
          if (!check_strings (json_array_get_element (array, i), child, codes, error))
            return FALSE;
        }
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
           && !g_utf8_validate (json_node_get_string (node), -1, NULL))
    {
      g_set_error (error, codes->domain, codes->code_type,
                   "%s: text is not valid Unicode (an unpaired \\uD800–\\uDFFF escape)",
                   *path ? path : "document");
      return FALSE;
    }
  return TRUE;
}

JsonNode *
cc_json_parse (const char         *data,
               gssize              length,
               gsize               max_bytes,
               const CcJsonErrors *codes,
               GError            **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len;
  const char *end;

  g_return_val_if_fail (data != NULL, NULL);

  len = length < 0 ? strlen (data) : (gsize) length;
  if (max_bytes > 0 && len > max_bytes)
    {
      g_set_error (error, codes->domain, codes->code_type,
                   "document is %" G_GSIZE_FORMAT " bytes: larger than the limit of %" G_GSIZE_FORMAT " bytes",
                   len, max_bytes);
      return NULL;
    }
  if (!g_utf8_validate (data, len, &end))
    {
      g_set_error (error, codes->domain, codes->code_type,
                   "not valid UTF-8 text (byte %" G_GSIZE_FORMAT "): save the file as UTF-8",
                   (gsize) (end - data));
      return NULL;
    }
  /* A UTF-8 byte-order mark (some Windows editors write one) is not
   * content; json-glib skips it, the scanner must too. */
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      len -= 3;
    }
  if (only_whitespace (data, len))
    {
      g_set_error (error, codes->domain, codes->code_type, "document is empty");
      return NULL;
    }
  if (!scan_structure (data, len, codes, error))
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) len, &local_error))
    {
      /* json-glib quotes the offending token, decoded: an escaped lone
       * surrogate (\ud800) comes back as bytes that are not UTF-8. */
      g_autofree char *reason = g_utf8_make_valid (local_error->message, -1);

      g_set_error (error, codes->domain, codes->code_type, "not valid JSON: %s", reason);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, codes->domain, codes->code_type, "document is empty");
      return NULL;
    }
  if (!check_strings (json_parser_get_root (parser), "", codes, error))
    return NULL;
  return json_node_copy (json_parser_get_root (parser));
}
