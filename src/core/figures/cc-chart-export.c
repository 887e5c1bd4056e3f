/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export. cairo embeds (subsets of) the fonts it draws in PDF output; cairo
 * 1.16's SVG surface writes glyphs as outlines (<symbol> paths), so SVG text
 * is not selectable text — a cairo limitation, noted in the README.
 */
#include "cc-chart-private.h"
#include "cc-chart-export.h"
#include "cc-chart-render.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <math.h>
#include <string.h>

static const char * const format_names[CC_CHART_N_FORMATS] = { "png", "svg", "pdf", "csv" };

const char *
cc_chart_format_to_string (CcChartFormat format)
{
  g_return_val_if_fail (format < CC_CHART_N_FORMATS, NULL);
  return format_names[format];
}

gboolean
cc_chart_format_from_string (const char    *str,
                             CcChartFormat *out)
{
  for (guint i = 0; i < CC_CHART_N_FORMATS; i++)
    if (str != NULL && g_ascii_strcasecmp (str, format_names[i]) == 0)
      {
        *out = (CcChartFormat) i;
        return TRUE;
      }
  return FALSE;
}

gboolean
cc_chart_format_from_path (const char    *path,
                           CcChartFormat *out)
{
  const char *dot = path != NULL ? strrchr (path, '.') : NULL;

  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FALSE;
  return cc_chart_format_from_string (dot + 1, out);
}

void
cc_chart_png_size (double  width_pt,
                   double  height_pt,
                   double  dpi,
                   int    *width_px,
                   int    *height_px)
{
  /* 1e-9 keeps 72 pt at 72 dpi at 72 px despite rounding in the product. */
  *width_px = (int) ceil (width_pt * dpi / 72.0 - 1e-9);
  *height_px = (int) ceil (height_pt * dpi / 72.0 - 1e-9);
}

static gboolean
check_size (CcChartFormat format,
            double        width_pt,
            double        height_pt,
            double        dpi,
            GError      **error)
{
  if (!(width_pt >= CC_CHART_MIN_SIZE_PT && width_pt <= CC_CHART_MAX_SIZE_PT) ||
      !(height_pt >= CC_CHART_MIN_SIZE_PT && height_pt <= CC_CHART_MAX_SIZE_PT))
    {
      g_set_error (error, CC_CHART_ERROR, CC_CHART_ERROR_INVALID,
                   "Chart size %g × %g pt: width and height must be between %g and %g pt",
                   width_pt, height_pt, CC_CHART_MIN_SIZE_PT, CC_CHART_MAX_SIZE_PT);
      return FALSE;
    }
  if (format != CC_CHART_FORMAT_PNG)
    return TRUE;
  if (!(dpi >= CC_CHART_MIN_DPI && dpi <= CC_CHART_MAX_DPI))
    {
      g_set_error (error, CC_CHART_ERROR, CC_CHART_ERROR_INVALID,
                   "dpi = %g: must be between %g and %g", dpi, CC_CHART_MIN_DPI, CC_CHART_MAX_DPI);
      return FALSE;
    }
  if (width_pt * height_pt * dpi * dpi / (72.0 * 72.0) > CC_CHART_MAX_PIXELS)
    {
      g_set_error (error, CC_CHART_ERROR, CC_CHART_ERROR_INVALID,
                   "A %g × %g pt PNG at %g dpi would have more than %.0f million pixels",
                   width_pt, height_pt, dpi, CC_CHART_MAX_PIXELS / 1e6);
      return FALSE;
    }
  return TRUE;
}

static cairo_status_t
write_to_array (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
surface_ok (cairo_surface_t *surface,
            const CcChart   *chart,
            GError         **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, CC_CHART_ERROR, CC_CHART_ERROR_RENDER,
               "Exporting chart “%s” failed: %s", chart->kind, cairo_status_to_string (status));
  return FALSE;
}

/* Renders on a vector surface writing into @out. */
static gboolean
render_vector (CcChart            *chart,
               const CcChartStyle *style,
               CcChartFormat       format,
               double              w,
               double              h,
               GByteArray         *out,
               GError            **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  if (format == CC_CHART_FORMAT_SVG)
    {
      surface = cairo_svg_surface_create_for_stream (write_to_array, out, w, h);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
    }
  else
    {
      g_autofree char *title = cc_markup_to_text (chart->title != NULL ? chart->title : chart->kind);

      surface = cairo_pdf_surface_create_for_stream (write_to_array, out, w, h);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Cathode Composer");
    }
  cr = cairo_create (surface);
  ok = cc_chart_render (chart, style, cr, w, h, error);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = ok && surface_ok (surface, chart, error);
  cairo_surface_destroy (surface);
  return ok;
}

static gboolean
render_png (CcChart            *chart,
            const CcChartStyle *style,
            double              w,
            double              h,
            double              dpi,
            GByteArray         *out,
            GError            **error)
{
  int pw, ph;
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean ok;

  cc_chart_png_size (w, h, dpi, &pw, &ph);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pw, ph);
  if (!surface_ok (surface, chart, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  cr = cairo_create (surface);
  cairo_scale (cr, dpi / 72.0, dpi / 72.0);
  ok = cc_chart_render (chart, style, cr, w, h, error);
  cairo_destroy (cr);
  if (ok && cairo_surface_write_to_png_stream (surface, write_to_array, out) != CAIRO_STATUS_SUCCESS)
    ok = surface_ok (surface, chart, error);
  cairo_surface_destroy (surface);
  return ok;
}

static void
append_series_rows (CcTable      *table,
                    const CcPlot *plot,
                    guint         panel)
{
  for (guint i = 0; i < plot->series->len; i++)
    {
      const CcSeries *s = g_ptr_array_index (plot->series, i);

      for (guint k = 0; k < s->n; k++)
        {
          guint r = cc_table_add_row (table);

          cc_table_set_double (table, r, 0, panel + 1);
          cc_table_set_text (table, r, 1, s->label);
          cc_table_set_text (table, r, 2, plot->axes[CC_AXIS_X].title);
          cc_table_set_double (table, r, 3, s->x[k]);
          cc_table_set_text (table, r, 4, plot->axes[s->y_axis].title);
          cc_table_set_double (table, r, 5, s->y[k]);
        }
    }
}

char *
cc_chart_to_csv (const CcChart *chart)
{
  static const char * const columns[] = { "panel", "series", "x_title", "x", "y_title", "y", NULL };
  g_autoptr(CcTable) table = NULL;

  g_return_val_if_fail (chart != NULL, NULL);
  if (chart->table != NULL)
    return cc_table_to_csv (chart->table);
  table = cc_table_new (columns);
  for (guint p = 0; p < chart->plots->len; p++)
    append_series_rows (table, g_ptr_array_index (chart->plots, p), p);
  return cc_table_to_csv (table);
}

GBytes *
cc_chart_export_bytes (CcChart            *chart,
                       const CcChartStyle *style,
                       CcChartFormat       format,
                       double              width_pt,
                       double              height_pt,
                       double              dpi,
                       GError            **error)
{
  g_autoptr(GByteArray) out = NULL;
  CcChartStyle print;
  gboolean ok;

  g_return_val_if_fail (chart != NULL, NULL);
  g_return_val_if_fail (format < CC_CHART_N_FORMATS, NULL);

  if (format == CC_CHART_FORMAT_CSV)
    {
      char *csv;

      if (!cc_chart_check (chart, error))
        return NULL;
      csv = cc_chart_to_csv (chart);
      return g_bytes_new_take (csv, strlen (csv));
    }
  if (!check_size (format, width_pt, height_pt, dpi, error))
    return NULL;
  if (style == NULL)
    {
      cc_chart_style_init (&print, CC_CHART_THEME_PRINT);
      style = &print;
    }
  out = g_byte_array_new ();
  if (format == CC_CHART_FORMAT_PNG)
    ok = render_png (chart, style, width_pt, height_pt, dpi, out, error);
  else
    ok = render_vector (chart, style, format, width_pt, height_pt, out, error);
  if (!ok)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

gboolean
cc_chart_export (CcChart            *chart,
                 const CcChartStyle *style,
                 CcChartFormat       format,
                 const char         *path,
                 double              width_pt,
                 double              height_pt,
                 double              dpi,
                 GError            **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len;
  const char *data;

  g_return_val_if_fail (path != NULL, FALSE);

  /* Everything is rendered in memory first: nothing touches the disk
   * unless the whole file is ready. */
  bytes = cc_chart_export_bytes (chart, style, format, width_pt, height_pt, dpi, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &len);
  if (!g_file_set_contents_full (path, data, len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0644, &local_error))
    {
      g_set_error (error, CC_CHART_ERROR, CC_CHART_ERROR_IO,
                   "Cannot write %s: %s", path, local_error->message);
      return FALSE;
    }
  return TRUE;
}
