/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "figures-check.h"
#include "cc-chart-export.h"

#include <cairo.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static gboolean
fail (char      **reason,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (char      **reason,
      const char *format,
      ...)
{
  va_list ap;

  va_start (ap, format);
  *reason = g_strdup_vprintf (format, ap);
  va_end (ap);
  return FALSE;
}

typedef struct {
  const guchar *data;
  gsize         len, pos;
} Reader;

static cairo_status_t
read_bytes (void          *closure,
            unsigned char *out,
            unsigned int   length)
{
  Reader *r = closure;

  if (r->pos + length > r->len)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (out, r->data + r->pos, length);
  r->pos += length;
  return CAIRO_STATUS_SUCCESS;
}

gboolean
figures_check_png (GBytes  *bytes,
                   int      width_px,
                   int      height_px,
                   char   **reason)
{
  Reader r = { NULL, 0, 0 };
  cairo_surface_t *s;
  int w, h;

  r.data = g_bytes_get_data (bytes, &r.len);
  if (r.len < 8 || memcmp (r.data, "\x89PNG\r\n\x1a\n", 8) != 0)
    return fail (reason, "no PNG signature");
  s = cairo_image_surface_create_from_png_stream (read_bytes, &r);
  if (cairo_surface_status (s) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (s);
      return fail (reason, "PNG does not decode");
    }
  w = cairo_image_surface_get_width (s);
  h = cairo_image_surface_get_height (s);
  cairo_surface_destroy (s);
  if (w != width_px || h != height_px)
    return fail (reason, "PNG is %d × %d px, expected %d × %d", w, h, width_px, height_px);
  return TRUE;
}

typedef struct {
  int   depth;
  char *root;
  char *width, *height;
  guint elements;
} SvgState;

static void
svg_start (GMarkupParseContext *ctx,
           const char          *name,
           const char         **attr_names,
           const char         **attr_values,
           gpointer             user_data,
           GError             **error)
{
  SvgState *st = user_data;

  st->elements++;
  if (st->depth++ > 0)
    return;
  st->root = g_strdup (name);
  for (guint i = 0; attr_names[i] != NULL; i++)
    {
      if (g_str_equal (attr_names[i], "width"))
        st->width = g_strdup (attr_values[i]);
      else if (g_str_equal (attr_names[i], "height"))
        st->height = g_strdup (attr_values[i]);
    }
}

static void
svg_end (GMarkupParseContext *ctx,
         const char          *name,
         gpointer             user_data,
         GError             **error)
{
  ((SvgState *) user_data)->depth--;
}

static gboolean
size_matches (const char *attr,
              double      pt)
{
  char *end = NULL;
  double v;

  if (attr == NULL)
    return FALSE;
  v = g_ascii_strtod (attr, &end);
  return fabs (v - pt) < 0.01 && g_str_equal (end, "pt");
}

gboolean
figures_check_svg (GBytes  *bytes,
                   double   width_pt,
                   double   height_pt,
                   char   **reason)
{
  GMarkupParser parser = { svg_start, svg_end, NULL, NULL, NULL };
  SvgState st = { 0, NULL, NULL, NULL, 0 };
  g_autoptr(GMarkupParseContext) ctx = g_markup_parse_context_new (&parser, 0, &st, NULL);
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  gboolean ok;

  ok = g_markup_parse_context_parse (ctx, data, len, &error) && g_markup_parse_context_end_parse (ctx, &error);
  if (!ok)
    ok = fail (reason, "SVG is not well-formed XML: %s", error->message);
  else if (g_strcmp0 (st.root, "svg") != 0)
    ok = fail (reason, "root element is <%s>, not <svg>", st.root);
  else if (!size_matches (st.width, width_pt) || !size_matches (st.height, height_pt))
    ok = fail (reason, "SVG size %s × %s, expected %gpt × %gpt", st.width, st.height, width_pt, height_pt);
  else if (st.elements < 10)
    ok = fail (reason, "SVG has only %u elements", st.elements);
  g_free (st.root);
  g_free (st.width);
  g_free (st.height);
  return ok;
}

static const char *
find_last (const char *hay,
           gsize       len,
           const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = len >= n ? len - n + 1 : 0; i-- > 0; )
    if (memcmp (hay + i, needle, n) == 0)
      return hay + i;
  return NULL;
}

/* Every in-use entry of the cross-reference table must point at the start
 * of "N 0 obj" for its own object number N. */
static gboolean
check_xref (const char *data,
            gsize       len,
            gsize       xref,
            char      **reason)
{
  const char *p = data + xref + 4;
  unsigned first, count;
  int consumed = 0;

  if (sscanf (p, " %u %u%n", &first, &count, &consumed) != 2)
    return fail (reason, "xref subsection header unreadable");
  p += consumed;
  while (*p == '\r' || *p == '\n' || *p == ' ')
    p++;
  for (unsigned i = 0; i < count; i++, p += 20)
    {
      unsigned long off;
      unsigned gen;
      char kind;
      g_autofree char *expect = NULL;

      if (p + 20 > data + len || sscanf (p, "%10lu %5u %c", &off, &gen, &kind) != 3)
        return fail (reason, "xref entry %u unreadable", first + i);
      if (kind != 'n')
        continue;
      expect = g_strdup_printf ("%u %u obj", first + i, gen);
      if (off >= len || strncmp (data + off, expect, strlen (expect)) != 0)
        return fail (reason, "xref entry %u points at offset %lu, which is not “%s”", first + i, off, expect);
    }
  return TRUE;
}

gboolean
figures_check_pdf (GBytes  *bytes,
                   char   **reason)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  const char *sx, *trailer;
  unsigned long xref;

  if (len < 64 || strncmp (data, "%PDF-1.", 7) != 0)
    return fail (reason, "no %%PDF-1.x header");
  if (find_last (data, len, "%%EOF") == NULL || find_last (data, len, "%%EOF") < data + len - 8)
    return fail (reason, "no %%%%EOF at the end");
  sx = find_last (data, len, "startxref");
  if (sx == NULL || sscanf (sx + 9, " %lu", &xref) != 1 || xref >= len)
    return fail (reason, "no usable startxref");
  if (strncmp (data + xref, "xref", 4) != 0)
    return fail (reason, "startxref %lu does not point at an xref table", xref);
  if (!check_xref (data, len, xref, reason))
    return FALSE;
  trailer = find_last (data, len, "trailer");
  if (trailer == NULL || memmem (trailer, data + len - trailer, "/Root", 5) == NULL)
    return fail (reason, "trailer without /Root");
  /* cairo embeds every font it draws with (subset) as /FontFile, /FontFile2
   * or /FontFile3: text must never depend on the reader's fonts. */
  if (memmem (data, len, "/FontFile", 9) == NULL)
    return fail (reason, "no embedded font program");
  return TRUE;
}

gboolean
figures_check_csv (GBytes  *bytes,
                   guint   *rows,
                   char   **reason)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  guint fields = 1, header = 0, records = 0;
  gboolean quoted = FALSE;

  if (len == 0 || data[len - 1] != '\n')
    return fail (reason, "CSV does not end with a newline");
  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (quoted)
        {
          if (c == '"' && i + 1 < len && data[i + 1] == '"')
            i++;
          else if (c == '"')
            quoted = FALSE;
          continue;
        }
      if (c == '"')
        quoted = TRUE;
      else if (c == ',')
        fields++;
      else if (c == '\n')
        {
          if (records == 0)
            header = fields;
          else if (fields != header)
            return fail (reason, "record %u has %u fields, the header %u", records, fields, header);
          records++;
          fields = 1;
        }
    }
  if (quoted)
    return fail (reason, "unterminated quoted field");
  *rows = records - 1;
  return TRUE;
}

GPtrArray *
figures_csv_rows (CcChart *chart)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = cc_chart_export_bytes (chart, NULL, CC_CHART_FORMAT_CSV, 360, 270, 72, &error);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_assert_no_error (error);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)   /* past the header */
    if (*lines[i] != '\0')
      g_ptr_array_add (rows, g_strsplit (lines[i], ",", -1));
  return rows;
}
