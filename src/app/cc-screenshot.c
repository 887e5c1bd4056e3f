/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cc-screenshot.h"

#include <glib/gi18n.h>

gboolean
cc_screenshot_save (GtkWidget   *widget,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GtkNative *native;
  int w, h;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  w = gtk_widget_get_width (widget);
  h = gtk_widget_get_height (widget);
  native = gtk_widget_get_native (widget);
  if (!gtk_widget_get_mapped (widget) || w <= 0 || h <= 0 || native == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("The window is not shown yet"));
      return FALSE;
    }
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The window drew nothing"));
      return FALSE;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (native), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write %s"), path);
      return FALSE;
    }
  return TRUE;
}

/* The window's sidebar stack is the GtkStack with a "presets" page. */
static GtkStack *
find_sidebar (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "presets") != NULL)
    return GTK_STACK (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkStack *found = find_sidebar (c);
      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
cc_screenshot_show_view (CcWindow    *window,
                         const char  *view,
                         GError     **error)
{
  GtkStack *sidebar;

  g_return_val_if_fail (CC_IS_WINDOW (window), FALSE);
  g_return_val_if_fail (view != NULL, FALSE);

  sidebar = find_sidebar (GTK_WIDGET (window));
  if (sidebar != NULL && (g_str_equal (view, "materials") || g_str_equal (view, "cells")))
    {
      gtk_stack_set_visible_child_name (sidebar, g_str_equal (view, "cells") ? "presets" : "materials");
      return TRUE;
    }
  for (guint k = 0; k < CC_N_CHARTS; k++)
    if (g_str_equal (view, cc_chart_kind_get_id (k)))
      {
        cc_results_view_set_visible (cc_window_get_results (window), k);
        return TRUE;
      }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("Unknown view “%s”: use materials, cells or a chart such as stability"), view);
  return FALSE;
}
