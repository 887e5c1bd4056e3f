/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-chart-view.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>

struct _CcChartView {
  GtkWidget          parent_instance;

  CcChartRenderFunc  render;
  CcChartHoverFunc   hover;
  gpointer           chart;
  GDestroyNotify     destroy;

  char              *readout;
  double             pointer_x;
  double             pointer_y;
};

G_DEFINE_FINAL_TYPE (CcChartView, cc_chart_view, GTK_TYPE_WIDGET)

static void
draw_readout (CcChartView *self,
              cairo_t     *cr,
              double       width,
              double       height)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  int tw, th;
  double x, y, pad = 6;

  /* Readouts are markup (subscripts, units); plain text if they do not parse. */
  if (pango_parse_markup (self->readout, -1, 0, NULL, NULL, NULL, NULL))
    pango_layout_set_markup (layout, self->readout, -1);
  else
    pango_layout_set_text (layout, self->readout, -1);
  pango_layout_get_pixel_size (layout, &tw, &th);
  /* Beside the pointer, flipped to stay inside the chart. */
  x = self->pointer_x + 14;
  y = self->pointer_y + 14;
  if (x + tw + 2 * pad > width)
    x = self->pointer_x - tw - 2 * pad - 8;
  if (y + th + 2 * pad > height)
    y = self->pointer_y - th - 2 * pad - 8;
  x = MAX (x, 0);
  y = MAX (y, 0);

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + tw + 2 * pad - 4, y + 4, 4, -G_PI / 2, 0);
  cairo_arc (cr, x + tw + 2 * pad - 4, y + th + 2 * pad - 4, 4, 0, G_PI / 2);
  cairo_arc (cr, x + 4, y + th + 2 * pad - 4, 4, G_PI / 2, G_PI);
  cairo_arc (cr, x + 4, y + 4, 4, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_set_source_rgba (cr, 0.12, 0.12, 0.14, 0.88);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_move_to (cr, x + pad, y + pad);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static void
cc_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  CcChartView *self = CC_CHART_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->render == NULL || width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_save (cr);
  self->render (self->chart, cr, width, height);
  cairo_restore (cr);
  if (self->readout != NULL)
    draw_readout (self, cr, width, height);
  cairo_destroy (cr);
}

static void
set_readout (CcChartView *self,
             char        *readout)
{
  if (g_strcmp0 (readout, self->readout) == 0)
    {
      g_free (readout);
      return;
    }
  g_free (self->readout);
  self->readout = readout;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           CcChartView              *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  if (self->hover == NULL)
    return;
  set_readout (self, self->hover (self->chart, x, y, gtk_widget_get_width (GTK_WIDGET (self)),
                                  gtk_widget_get_height (GTK_WIDGET (self))));
  if (self->readout != NULL)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_leave (GtkEventControllerMotion *controller,
          CcChartView              *self)
{
  set_readout (self, NULL);
}

static void
clear_chart (CcChartView *self)
{
  if (self->destroy != NULL && self->chart != NULL)
    self->destroy (self->chart);
  self->render = NULL;
  self->hover = NULL;
  self->chart = NULL;
  self->destroy = NULL;
  g_clear_pointer (&self->readout, g_free);
}

static void
cc_chart_view_finalize (GObject *object)
{
  clear_chart (CC_CHART_VIEW (object));
  G_OBJECT_CLASS (cc_chart_view_parent_class)->finalize (object);
}

static void
cc_chart_view_class_init (CcChartViewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cc_chart_view_finalize;
  GTK_WIDGET_CLASS (klass)->snapshot = cc_chart_view_snapshot;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "chartview");
}

static void
cc_chart_view_init (CcChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
}

GtkWidget *
cc_chart_view_new (void)
{
  return g_object_new (CC_TYPE_CHART_VIEW, NULL);
}

void
cc_chart_view_set_chart (CcChartView       *self,
                         CcChartRenderFunc  render,
                         CcChartHoverFunc   hover,
                         gpointer           chart,
                         GDestroyNotify     destroy)
{
  g_return_if_fail (CC_IS_CHART_VIEW (self));

  clear_chart (self);
  self->render = render;
  self->hover = render ? hover : NULL;
  self->chart = chart;
  self->destroy = destroy;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
cc_chart_view_has_chart (CcChartView *self)
{
  g_return_val_if_fail (CC_IS_CHART_VIEW (self), FALSE);
  return self->render != NULL;
}

gpointer
cc_chart_view_get_chart (CcChartView *self)
{
  g_return_val_if_fail (CC_IS_CHART_VIEW (self), NULL);
  return self->chart;
}

const char *
cc_chart_view_get_readout (CcChartView *self)
{
  g_return_val_if_fail (CC_IS_CHART_VIEW (self), NULL);
  return self->readout;
}

static cairo_surface_t *
create_surface (const char *format,
                const char *path,
                double      width_pt,
                double      height_pt,
                double      dpi)
{
  if (g_str_equal (format, "pdf"))
    return cairo_pdf_surface_create (path, width_pt, height_pt);
  if (g_str_equal (format, "svg"))
    return cairo_svg_surface_create (path, width_pt, height_pt);
  return cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                     (int) (width_pt * dpi / 72.0 + 0.5),
                                     (int) (height_pt * dpi / 72.0 + 0.5));
}

gboolean
cc_chart_view_export (CcChartView  *self,
                      GFile        *file,
                      const char   *format,
                      double        width_pt,
                      double        height_pt,
                      double        dpi,
                      GError      **error)
{
  g_autofree char *path = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  gboolean png;

  g_return_val_if_fail (CC_IS_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file) && format != NULL, FALSE);

  if (self->render == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("This chart has not been computed yet"));
      return FALSE;
    }
  if (!g_str_equal (format, "png") && !g_str_equal (format, "svg") && !g_str_equal (format, "pdf"))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Unknown figure format “%s”"), format);
      return FALSE;
    }
  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Figures can only be saved to local files"));
      return FALSE;
    }
  png = g_str_equal (format, "png");
  if (!(dpi > 0))
    dpi = 150;
  surface = create_surface (format, path, width_pt, height_pt, dpi);
  cr = cairo_create (surface);
  if (png)
    cairo_scale (cr, dpi / 72.0, dpi / 72.0);
  self->render (self->chart, cr, width_pt, height_pt);
  cairo_destroy (cr);
  if (png)
    status = cairo_surface_write_to_png (surface, path);
  else
    {
      /* Vector surfaces write their file when finished. */
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write %s: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
