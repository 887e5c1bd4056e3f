/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-chart-table.h"
#include "cc-ticks.h"

#include <math.h>
#include <pango/pango.h>
#include <string.h>

struct _CcTable {
  GStrv      columns;
  guint      n_columns;
  GPtrArray *rows;   /* char** of n_columns cells, NULL = empty */
};

CcTable *
cc_table_new (const char * const *columns)
{
  CcTable *t;

  g_return_val_if_fail (columns != NULL && columns[0] != NULL, NULL);

  t = g_new0 (CcTable, 1);
  t->columns = g_strdupv ((char **) columns);
  t->n_columns = g_strv_length (t->columns);
  t->rows = g_ptr_array_new ();
  return t;
}

void
cc_table_free (CcTable *t)
{
  if (t == NULL)
    return;
  for (guint r = 0; r < t->rows->len; r++)
    {
      char **cells = g_ptr_array_index (t->rows, r);

      for (guint c = 0; c < t->n_columns; c++)
        g_free (cells[c]);
      g_free (cells);
    }
  g_ptr_array_unref (t->rows);
  g_strfreev (t->columns);
  g_free (t);
}

CcTable *
cc_table_copy (const CcTable *t)
{
  CcTable *copy = cc_table_new ((const char * const *) t->columns);

  cc_table_append_rows (copy, t);
  return copy;
}

const char *
cc_table_get_column (const CcTable *t,
                     guint          column)
{
  g_return_val_if_fail (column < t->n_columns, NULL);
  return t->columns[column];
}

int
cc_table_find_column (const CcTable *t,
                      const char    *name)
{
  for (guint c = 0; c < t->n_columns; c++)
    if (g_str_equal (t->columns[c], name))
      return (int) c;
  return -1;
}

gboolean
cc_table_same_columns (const CcTable *a,
                       const CcTable *b)
{
  return g_strv_equal ((const char * const *) a->columns, (const char * const *) b->columns);
}

guint
cc_table_append_rows (CcTable       *t,
                      const CcTable *src)
{
  guint first = t->rows->len;

  g_return_val_if_fail (cc_table_same_columns (t, src), first);
  for (guint r = 0; r < src->rows->len; r++)
    {
      char **cells = g_ptr_array_index (src->rows, r);
      char **copy = g_new0 (char *, t->n_columns);

      for (guint c = 0; c < t->n_columns; c++)
        copy[c] = g_strdup (cells[c]);
      g_ptr_array_add (t->rows, copy);
    }
  return first;
}

guint
cc_table_get_n_columns (const CcTable *t)
{
  return t->n_columns;
}

guint
cc_table_get_n_rows (const CcTable *t)
{
  return t->rows->len;
}

guint
cc_table_add_row (CcTable *t)
{
  g_ptr_array_add (t->rows, g_new0 (char *, t->n_columns));
  return t->rows->len - 1;
}

static void
set_cell (CcTable *t,
          guint    row,
          guint    column,
          char    *value)
{
  char **cells;

  g_return_if_fail (row < t->rows->len && column < t->n_columns);
  cells = g_ptr_array_index (t->rows, row);
  g_free (cells[column]);
  cells[column] = value;
}

char *
cc_markup_to_text (const char *markup)
{
  char *text = NULL;

  if (markup == NULL)
    return g_strdup ("");
  if (!pango_parse_markup (markup, -1, 0, NULL, &text, NULL, NULL))
    return g_strdup (markup);
  return text;
}

void
cc_table_set_plain (CcTable    *t,
                    guint       row,
                    guint       column,
                    const char *text)
{
  set_cell (t, row, column, g_strdup (text));
}

void
cc_table_set_text (CcTable    *t,
                   guint       row,
                   guint       column,
                   const char *markup)
{
  set_cell (t, row, column, cc_markup_to_text (markup));
}

void
cc_table_set_double (CcTable *t,
                     guint    row,
                     guint    column,
                     double   value)
{
  set_cell (t, row, column, isfinite (value) ? cc_format_number (value, 10, FALSE) : NULL);
}

const char *
cc_table_get_cell (const CcTable *t,
                   guint          row,
                   guint          column)
{
  g_return_val_if_fail (row < t->rows->len && column < t->n_columns, NULL);
  return ((char **) g_ptr_array_index (t->rows, row))[column];
}

static void
append_field (GString    *out,
              const char *s)
{
  if (s == NULL)
    return;
  if (strpbrk (s, ",\"\r\n") == NULL)
    {
      g_string_append (out, s);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = s; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

char *
cc_table_to_csv (const CcTable *t)
{
  GString *out = g_string_new (NULL);

  for (guint c = 0; c < t->n_columns; c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      append_field (out, t->columns[c]);
    }
  g_string_append (out, "\n");
  for (guint r = 0; r < t->rows->len; r++)
    {
      char **cells = g_ptr_array_index (t->rows, r);

      for (guint c = 0; c < t->n_columns; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          append_field (out, cells[c]);
        }
      g_string_append (out, "\n");
    }
  return g_string_free (out, FALSE);
}
