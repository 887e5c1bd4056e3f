/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-csv.h"
#include "cc-read-file.h"

#include <math.h>
#include <string.h>

static void
row_free (gpointer data)
{
  CcCsvRow *row = data;

  g_strfreev (row->fields);
  g_free (row);
}

void
cc_csv_table_free (CcCsvTable *table)
{
  if (table == NULL)
    return;
  g_free (table->origin);
  g_strfreev (table->header);
  g_ptr_array_unref (table->rows);
  g_ptr_array_unref (table->comments);
  g_free (table);
}

gboolean
cc_csv_error (const CcCsvTable *table,
              guint             line,
              GError          **error,
              const char       *format,
              ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, table->options.domain, table->options.code, "%s:%u: %s", table->origin, line, msg);
  return FALSE;
}

char *
cc_csv_quote_field (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);

  for (char *c = valid; *c; c++)
    if ((guchar) *c < 0x20)
      *c = ' ';
  if (g_utf8_strlen (valid, -1) > 40)
    {
      g_autofree char *head = g_utf8_substring (valid, 0, 40);

      return g_strconcat (head, "…", NULL);
    }
  return g_steal_pointer (&valid);
}

char *
cc_csv_column_name (const CcCsvTable *table,
                    guint             column)
{
  g_autofree char *name = NULL;

  if (table->header == NULL || column >= table->n_header || table->header[column][0] == '\0')
    return g_strdup_printf ("column %u", column + 1);
  name = cc_csv_quote_field (table->header[column]);
  return g_strdup_printf ("column %u “%s”", column + 1, name);
}

gboolean
cc_csv_parse_double (const char *text,
                     gboolean    decimal_comma,
                     double     *out)
{
  g_autofree char *copy = g_strdup (text);
  char *end = NULL;

  if (decimal_comma)
    g_strdelimit (copy, ",", '.');
  g_strstrip (copy);
  if (copy[0] == '\0')
    return FALSE;
  *out = g_ascii_strtod (copy, &end);
  return end != NULL && *end == '\0' && isfinite (*out);
}

gboolean
cc_csv_row_get_double (const CcCsvTable *table,
                       const CcCsvRow   *row,
                       guint             column,
                       double           *out,
                       GError          **error)
{
  g_autofree char *name = NULL;
  g_autofree char *shown = NULL;

  if (column >= row->n_fields)
    return cc_csv_error (table, row->line, error, "expected at least %u columns, found %u",
                         column + 1, row->n_fields);
  if (cc_csv_parse_double (row->fields[column], table->decimal_comma, out))
    return TRUE;
  name = cc_csv_column_name (table, column);
  shown = cc_csv_quote_field (row->fields[column]);
  return cc_csv_error (table, row->line, error, "%s: '%s' is not a number", name, shown);
}

static char **
split_fields (const char *line,
              char        delim)
{
  char **fields;

  if (delim != ' ')
    fields = g_strsplit (line, (char[]) { delim, '\0' }, -1);
  else
    {
      g_autoptr(GPtrArray) parts = g_ptr_array_new ();
      g_auto(GStrv) raw = g_strsplit_set (line, " \t", -1);

      for (guint i = 0; raw[i]; i++)
        if (raw[i][0] != '\0')
          g_ptr_array_add (parts, g_strdup (raw[i]));
      g_ptr_array_add (parts, NULL);
      fields = (char **) g_ptr_array_steal (parts, NULL);
    }
  for (guint i = 0; fields[i]; i++)
    {
      gsize len;

      g_strstrip (fields[i]);
      len = strlen (fields[i]);
      /* Spreadsheet exports quote fields. */
      if (len >= 2 && fields[i][0] == '"' && fields[i][len - 1] == '"')
        {
          memmove (fields[i], fields[i] + 1, len - 2);
          fields[i][len - 2] = '\0';
        }
    }
  return fields;
}

static char
detect_delimiter (const char *line)
{
  if (strchr (line, ';'))
    return ';';
  if (strchr (line, '\t'))
    return '\t';
  if (strchr (line, ','))
    return ',';
  return ' ';
}

static gboolean
add_line (CcCsvTable *t,
          char       *line,
          guint       number,
          GError    **error)
{
  char **fields;
  double probe;

  if (t->delimiter == '\0')
    {
      t->delimiter = detect_delimiter (line);
      t->decimal_comma = t->delimiter != ',';
      fields = split_fields (line, t->delimiter);
      /* A first field that is not a number makes this a header. */
      if (!cc_csv_parse_double (fields[0] != NULL ? fields[0] : "", t->decimal_comma, &probe))
        {
          t->header = fields;
          t->n_header = g_strv_length (fields);
          t->header_line = number;
          return TRUE;
        }
    }
  else
    fields = split_fields (line, t->delimiter);
  if (t->rows->len >= t->options.max_rows)
    {
      g_strfreev (fields);
      return cc_csv_error (t, number, error, "more than %u data rows", t->options.max_rows);
    }
  {
    CcCsvRow *row = g_new0 (CcCsvRow, 1);

    row->line = number;
    row->fields = fields;
    row->n_fields = g_strv_length (fields);
    g_ptr_array_add (t->rows, row);
  }
  return TRUE;
}

CcCsvTable *
cc_csv_parse (const char          *data,
              gssize               length,
              const char          *origin,
              const CcCsvOptions  *options,
              GError             **error)
{
  g_autoptr(CcCsvTable) t = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  t = g_new0 (CcCsvTable, 1);
  t->origin = g_strdup (origin != NULL ? origin : "CSV");
  t->options = *options;
  t->rows = g_ptr_array_new_with_free_func (row_free);
  t->comments = g_ptr_array_new_with_free_func (g_free);
  if (length < 0)
    length = strlen (data);
  if ((gsize) length > options->max_bytes)
    {
      g_set_error (error, options->domain, options->code, "%s: larger than %" G_GSIZE_FORMAT " bytes",
                   t->origin, options->max_bytes);
      return NULL;
    }
  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, options->domain, options->code, "%s: binary data, not a CSV text file", t->origin);
      return NULL;
    }
  text = g_strndup (data, length);
  lines = g_strsplit (g_str_has_prefix (text, "\xef\xbb\xbf") ? text + 3 : text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (line[0] == '\0')
        continue;
      if (line[0] == '#')
        g_ptr_array_add (t->comments, g_strdup (line));
      else if (!add_line (t, line, i + 1, error))
        return NULL;
    }
  return g_steal_pointer (&t);
}

char *
cc_csv_read_file (const char          *path,
                  const CcCsvOptions  *options,
                  gsize               *length,
                  GError             **error)
{
  g_return_val_if_fail (path != NULL && options != NULL, NULL);
  return cc_read_file_bounded (path, options->max_bytes, "a data file", options->domain, options->code,
                               options->code, length, error);
}
