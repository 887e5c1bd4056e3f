/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-json-util.h"

#include <math.h>
#include <stdio.h>
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

#define CC_JSON_QUOTE_CHARS 40

char *
cc_json_quote (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_new ("\"");
  const char *p = valid;

  for (guint n = 0; *p != '\0' && n < CC_JSON_QUOTE_CHARS; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || c == 0x7f)
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  if (*p != '\0')
    g_string_append (out, "…");
  g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
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
      return cc_json_quote (json_node_get_string (node));
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
  guint64 u;
  double v;

  if (!lookup (object, path, member, need, codes, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;
  if (!node_is_number (node))
    return type_error (path, member, node, "a whole number", codes, error);

  /* Integers are read as integers: through a double, those above 2^53
   * change and G_MAXINT64 becomes 2^63, which then passes "v > max" and
   * saves as a negative number. */
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      gint64 i = json_node_get_int (node);

      if (i < 0)
        return type_error (path, member, node, "a whole number ≥ 0", codes, error);
      u = (guint64) i;
    }
  else
    {
      v = json_node_get_double (node);
      if (!isfinite (v) || v < 0 || v != floor (v))
        return type_error (path, member, node, "a whole number ≥ 0", codes, error);
      /* 2^64 and above do not fit the cast. */
      u = v >= 18446744073709551616.0 ? G_MAXUINT64 : (guint64) v;
    }
  if (u > max)
    {
      g_autofree char *full = cc_json_path_join (path, member);
      g_autofree char *what = cc_json_describe (node);
      g_set_error (error, codes->domain, codes->code_type,
                   "%s = %s: must be at most %" G_GUINT64_FORMAT, full, what, max);
      return FALSE;
    }
  *out = u;
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

/* json-glib 1.6 has gaps that this scanner closes by walking the text once
 * before parsing. json-glib keeps the last of duplicated keys silently;
 * recurses without bound; accepts a second value after the first (keeping
 * the first, leaking the second), so two documents back to back load as
 * half of themselves; cuts a string at an escaped NUL; and decodes an
 * unpaired UTF-16 surrogate escape ("\ud800") into bytes that are not
 * UTF-8 (leaking memory on some of those paths). The scanner refuses all
 * of these, and also the single quotes and comments json-glib tolerates,
 * with which it would see a different structure than json-glib does. It
 * knows the JSON path at every point, so its errors and json-glib's syntax
 * errors name the field. It only needs to be right for texts json-glib
 * accepts afterwards. */

#define CC_JSON_MAX_KEY   200   /* bytes of a key kept for comparison and paths */
#define CC_JSON_MAX_SHOWN 120   /* bytes of a path shown in a message */

typedef struct {
  GHashTable *keys;    /* objects: the keys seen so far; NULL for arrays */
  char       *key;     /* objects: the member being read, NULL between members */
  guint       index;   /* arrays: the element being read */
} Frame;

typedef struct {
  const char         *data;
  gsize               length;
  const CcJsonErrors *codes;
  Frame               stack[CC_JSON_MAX_DEPTH + 1];
  int                 depth;
  guint               line;
  gboolean            expect_key;
  gboolean            started;    /* the top-level value has begun */
  gboolean            finished;   /* ... and was a container that has closed */
} Scanner;

/* At most @max bytes of @s (valid UTF-8, @len bytes), not splitting a
 * character. */
static char *
utf8_prefix (const char *s,
             gsize       len,
             gsize       max)
{
  if (len > max)
    {
      len = max;
      while (len > 0 && ((guchar) s[len] & 0xC0) == 0x80)
        len--;
    }
  return g_strndup (s, len);
}

static char *
scanner_path (const Scanner *s)
{
  GString *path = g_string_new (NULL);

  for (int d = 0; d < s->depth; d++)
    {
      const Frame *f = &s->stack[d];

      if (f->keys == NULL)
        g_string_append_printf (path, "[%u]", f->index);
      else if (f->key != NULL)
        {
          if (path->len > 0)
            g_string_append_c (path, '.');
          g_string_append (path, f->key);
        }
      else
        break;
    }
  /* A key read past the stop of an encoding error may hold stray bytes. */
  if (!g_utf8_validate (path->str, path->len, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (path->str, path->len);
      g_string_assign (path, valid);
    }
  if (path->len > CC_JSON_MAX_SHOWN)
    {
      g_autofree char *cut = utf8_prefix (path->str, path->len, CC_JSON_MAX_SHOWN);
      g_string_assign (path, cut);
      g_string_append (path, "…");
    }
  return g_string_free (path, FALSE);
}

static gboolean
scanner_fail (const Scanner  *s,
              GError        **error,
              const char     *format,
              ...) G_GNUC_PRINTF (3, 4);

static gboolean
scanner_fail (const Scanner  *s,
              GError        **error,
              const char     *format,
              ...)
{
  g_autofree char *path = scanner_path (s);
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  if (*path != '\0')
    g_set_error (error, s->codes->domain, s->codes->code_type, "%s: %s (line %u)", path, what, s->line);
  else
    g_set_error (error, s->codes->domain, s->codes->code_type, "line %u: %s", s->line, what);
  return FALSE;
}

/* The UTF-16 code unit of the four hex digits at @at, or -1. */
static int
hex4 (const Scanner *s,
      gsize          at)
{
  int v = 0;

  if (at + 4 > s->length)
    return -1;
  for (gsize k = at; k < at + 4; k++)
    {
      if (!g_ascii_isxdigit (s->data[k]))
        return -1;
      v = v * 16 + g_ascii_xdigit_value (s->data[k]);
    }
  return v;
}

/* Skips the string whose opening quote is at *i; leaves *i after the
 * closing quote. */
static gboolean
scan_string (Scanner  *s,
             gsize    *i,
             GError  **error)
{
  gsize at = *i + 1;

  while (at < s->length && s->data[at] != '"')
    {
      int unit, low;

      if (s->data[at] == '\n')
        s->line++;
      if (s->data[at] != '\\')
        {
          at++;
          continue;
        }
      if (at + 1 >= s->length)
        break;
      if (s->data[at + 1] != 'u')
        {
          char e = s->data[at + 1];

          /* json-glib leaks on some malformed escapes: refuse them first. */
          if (e == '\0' || strchr ("\"\\/bfnrt", e) == NULL)
            return scanner_fail (s, error, "a string contains an invalid escape \"\\%c\"",
                                 g_ascii_isprint (e) ? e : '?');
          at += 2;
          continue;
        }
      if ((unit = hex4 (s, at + 2)) < 0)
        return scanner_fail (s, error, "a string contains an invalid escape (\\u must be followed by four hex digits)");
      if (unit == 0)
        return scanner_fail (s, error, "a string contains \\u0000 (a NUL character), which is not allowed");
      if (unit >= 0xDC00 && unit <= 0xDFFF)
        return scanner_fail (s, error, "a string contains an unpaired UTF-16 surrogate escape (\\u%04X)", unit);
      if (unit >= 0xD800 && unit <= 0xDBFF)
        {
          low = (at + 7 < s->length && s->data[at + 6] == '\\' && s->data[at + 7] == 'u')
                ? hex4 (s, at + 8) : -1;
          if (low < 0xDC00 || low > 0xDFFF)
            return scanner_fail (s, error, "a string contains an unpaired UTF-16 surrogate escape (\\u%04X)", unit);
          at += 12;
          continue;
        }
      at += 6;
    }
  /* One past the closing quote; one past the end if there is none. */
  *i = MIN (at, s->length) + 1;
  return TRUE;
}

static gboolean
scan_key (Scanner  *s,
          gsize    *i,
          GError  **error)
{
  Frame *f = &s->stack[s->depth - 1];
  gsize start = *i + 1;

  if (!scan_string (s, i, error))
    return FALSE;
  g_free (f->key);
  /* *i is one past the closing quote (or past the end, unterminated). */
  f->key = utf8_prefix (s->data + start, *i - 1 - start, CC_JSON_MAX_KEY);
  if (!g_hash_table_add (f->keys, g_strdup (f->key)))
    return scanner_fail (s, error, "duplicated key \"%s\"", f->key);
  return TRUE;
}

static void
scanner_clear (Scanner *s)
{
  while (s->depth > 0)
    {
      s->depth--;
      g_clear_pointer (&s->stack[s->depth].keys, g_hash_table_unref);
      g_clear_pointer (&s->stack[s->depth].key, g_free);
    }
}

static gboolean
scan_char (Scanner  *s,
           gsize    *i,
           GError  **error)
{
  char c = s->data[*i];
  Frame *top = s->depth > 0 ? &s->stack[s->depth - 1] : NULL;

  if (s->depth == 0 && !g_ascii_isspace (c))
    {
      if (s->finished || (s->started && (c == '{' || c == '[')))
        return scanner_fail (s, error, "unexpected text after the end of the document");
      s->started = TRUE;
    }

  switch (c)
    {
    case '\n':
      s->line++;
      break;
    case '{':
    case '[':
      if (s->depth >= CC_JSON_MAX_DEPTH)
        return scanner_fail (s, error, "nested deeper than %d levels", CC_JSON_MAX_DEPTH);
      top = &s->stack[s->depth++];
      top->keys = c == '{' ? g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) : NULL;
      top->key = NULL;
      top->index = 0;
      s->expect_key = (c == '{');
      break;
    case '}':
    case ']':
      if (top != NULL)
        {
          g_clear_pointer (&top->keys, g_hash_table_unref);
          g_clear_pointer (&top->key, g_free);
          s->depth--;
          s->finished = s->depth == 0;
        }
      s->expect_key = FALSE;
      break;
    case ',':
      if (top != NULL && top->keys == NULL)
        top->index++;
      else if (top != NULL)
        g_clear_pointer (&top->key, g_free);
      s->expect_key = top != NULL && top->keys != NULL;
      break;
    case '\'':
    case '/':
      /* json-glib also reads 'single-quoted' strings and C comments; the
       * scanner would see different structure than json-glib (a quoted or
       * commented-out brace) and miss a second document. JSON has neither. */
      return scanner_fail (s, error, c == '/' ? "a comment or a stray '/' (JSON has no comments)"
                                              : "a single quote (JSON strings take double quotes)");
    case '"':
      {
        gboolean ok = (s->expect_key && top != NULL && top->keys != NULL)
                      ? scan_key (s, i, error) : scan_string (s, i, error);
        s->expect_key = FALSE;
        return ok;
      }
    default:
      break;
    }
  (*i)++;
  return TRUE;
}

/* Scans data[0, stop): TRUE if nothing is wrong up to there. */
static gboolean
scanner_run (Scanner            *s,
             const char         *data,
             gsize               length,
             gsize               stop,
             const CcJsonErrors *codes,
             GError            **error)
{
  gsize i = 0;

  memset (s, 0, sizeof *s);
  s->data = data;
  s->length = length;
  s->codes = codes;
  s->line = 1;
  while (i < MIN (stop, length))
    if (!scan_char (s, &i, error))
      return FALSE;
  return TRUE;
}

static gboolean
scan_structure (const char         *data,
                gsize               length,
                const CcJsonErrors *codes,
                GError            **error)
{
  Scanner s;
  gboolean ok = scanner_run (&s, data, length, length, codes, error);

  scanner_clear (&s);
  return ok;
}

/* json-glib reports a syntax error as "<data>:LINE:COLUMN: Parse error:
 * REASON"; the scanner names the field at that place. */
static void
syntax_error (const char         *data,
              gsize               length,
              const char         *message,
              const CcJsonErrors *codes,
              GError            **error)
{
  g_autofree char *reason = g_utf8_make_valid (message, -1);
  g_autofree char *path = NULL;
  const char *tail = strstr (reason, "Parse error: ");
  guint line = 0, column = 0;
  gsize offset = 0;
  Scanner s;

  if (sscanf (reason, "<data>:%u:%u:", &line, &column) != 2 || line == 0 || column == 0)
    {
      g_set_error (error, codes->domain, codes->code_type, "not valid JSON: %s", reason);
      return;
    }
  for (guint l = 1; l < line && offset < length; offset++)
    if (data[offset] == '\n')
      l++;
  offset += column - 1;

  scanner_run (&s, data, length, offset, codes, NULL);
  path = scanner_path (&s);
  scanner_clear (&s);
  tail = tail != NULL ? tail + strlen ("Parse error: ") : reason;
  if (*path != '\0')
    g_set_error (error, codes->domain, codes->code_type, "%s: not valid JSON (line %u, column %u): %s",
                 path, line, column, tail);
  else
    g_set_error (error, codes->domain, codes->code_type, "not valid JSON (line %u, column %u): %s",
                 line, column, tail);
}

/* Names the field holding the first byte that is not UTF-8 (the scanner
 * only looks at ASCII structure, so it can run up to there). */
static void
encoding_error (const char         *data,
                gsize               length,
                gsize               offset,
                const CcJsonErrors *codes,
                GError            **error)
{
  g_autofree char *path = NULL;
  const char *hint = "save the file as UTF-8";
  Scanner s;

  if (length >= 2 && (((guchar) data[0] == 0xff && (guchar) data[1] == 0xfe)
                      || ((guchar) data[0] == 0xfe && (guchar) data[1] == 0xff)
                      || data[0] == '\0' || data[1] == '\0'))
    hint = "the file looks like UTF-16; save it as UTF-8";
  scanner_run (&s, data, length, offset, codes, NULL);
  path = scanner_path (&s);
  if (*path != '\0')
    g_set_error (error, codes->domain, codes->code_type,
                 "%s: not valid UTF-8 text (line %u, byte %" G_GSIZE_FORMAT "): %s",
                 path, s.line, offset, hint);
  else
    g_set_error (error, codes->domain, codes->code_type,
                 "not valid UTF-8 text (line %u, byte %" G_GSIZE_FORMAT "): %s", s.line, offset, hint);
  scanner_clear (&s);
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
  /* A UTF-8 byte-order mark (some Windows editors write one) is not
   * content; json-glib skips it, the scanner must too. */
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      len -= 3;
    }
  if (!g_utf8_validate (data, len, &end))
    {
      encoding_error (data, len, (gsize) (end - data), codes, error);
      return NULL;
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
      syntax_error (data, len, local_error->message, codes, error);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, codes->domain, codes->code_type, "document is empty");
      return NULL;
    }
  return json_node_copy (json_parser_get_root (parser));
}

/* json-glib 1.6 (Debian 12) writes 1e-10 as "1e-10.0", which is not JSON.
 * This writer is used for every JSON document we produce. */
static void
write_indent (GString *out,
              gboolean pretty,
              guint    level)
{
  if (!pretty)
    return;
  g_string_append_c (out, '\n');
  for (guint i = 0; i < level; i++)
    g_string_append (out, "  ");
}

static void
write_string (GString    *out,
              const char *s)
{
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) s; *p; p++)
    {
      switch (*p)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (*p < 0x20)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
        }
    }
  g_string_append_c (out, '"');
}

void
cc_json_format_double (GString *out,
                       double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }
  /* Shortest representation that reads back to the same double. */
  for (int prec = 1; prec <= 17; prec++)
    {
      char fmt[8];

      g_snprintf (fmt, sizeof fmt, "%%.%dg", prec);
      g_ascii_formatd (buf, sizeof buf, fmt, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  /* %g switches to an exponent when the precision is shorter than the
   * integer part (50 -> "5e+01"); write such numbers in plain form. */
  if (strchr (buf, 'e') != NULL && fabs (value) >= 1.0 && fabs (value) < 1e16)
    {
      int digits = (int) floor (log10 (fabs (value))) + 1;

      for (int prec = MAX (digits, 1); prec <= 17; prec++)
        {
          char fmt[8];

          g_snprintf (fmt, sizeof fmt, "%%.%dg", prec);
          g_ascii_formatd (buf, sizeof buf, fmt, value);
          if (strchr (buf, 'e') == NULL && g_ascii_strtod (buf, NULL) == value)
            break;
        }
    }
  g_string_append (out, buf);
  if (strpbrk (buf, ".eEn") == NULL)
    g_string_append (out, ".0");
}

static void
write_node (GString  *out,
            JsonNode *node,
            gboolean  pretty,
            guint     level)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *obj = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (obj);

        g_string_append_c (out, '{');
        for (GList *l = members; l; l = l->next)
          {
            write_indent (out, pretty, level + 1);
            write_string (out, l->data);
            g_string_append (out, pretty ? " : " : ":");
            write_node (out, json_object_get_member (obj, l->data), pretty, level + 1);
            if (l->next)
              g_string_append_c (out, ',');
          }
        if (members != NULL)
          write_indent (out, pretty, level);
        g_string_append_c (out, '}');
      }
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *arr = json_node_get_array (node);
        guint n = json_array_get_length (arr);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            write_indent (out, pretty, level + 1);
            write_node (out, json_array_get_element (arr, i), pretty, level + 1);
            if (i + 1 < n)
              g_string_append_c (out, ',');
          }
        if (n > 0)
          write_indent (out, pretty, level);
        g_string_append_c (out, ']');
      }
      break;
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          cc_json_format_double (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_STRING:
          write_string (out, json_node_get_string (node));
          break;
        default:
          g_string_append (out, "null");
          break;
        }
      break;
    }
}

char *
cc_json_to_data (JsonNode *root,
                 gboolean  pretty,
                 gsize    *length)
{
  GString *out = g_string_new (NULL);

  write_node (out, root, pretty, 0);
  if (pretty)
    g_string_append_c (out, '\n');
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}
