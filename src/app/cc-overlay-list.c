/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-overlay-list.h"

#include <glib/gi18n.h>

struct _CcOverlayList {
  GtkBox      parent_instance;

  CcOverlays *overlays;
  GtkBox     *rows;
  GPtrArray  *labels;     /* GtkLabel*, one per row (borrowed) */
  GtkWidget  *clear_button;
};

G_DEFINE_FINAL_TYPE (CcOverlayList, cc_overlay_list, GTK_TYPE_BOX)

static const char *
kind_title (CcMeasuredKind kind)
{
  switch (kind)
    {
    case CC_MEASURED_VOLTAGE:
      return _("voltage profile");
    case CC_MEASURED_CYCLING:
      return _("cycling");
    case CC_MEASURED_RATE:
      return _("rate capability");
    case CC_MEASURED_IMPEDANCE:
      return _("impedance spectrum");
    default:
      return "";
    }
}

static void
add_heading (CcOverlayList *self,
             const char    *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (self->rows, label);
}

static void
add_placeholder (CcOverlayList *self,
                 const char    *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (self->rows, label);
}

/* A row: its text and a remove button bound to @action(@index). */
static void
add_row (CcOverlayList *self,
         const char    *text,
         const char    *action,
         guint          index,
         const char    *remove_label)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (remove), g_variant_new_uint32 (index));
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), remove);
  gtk_box_append (self->rows, row);
  g_ptr_array_add (self->labels, label);
}

static void
rebuild (CcOverlayList *self)
{
  GtkWidget *child;
  guint n_pins, n_measured;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rows))) != NULL)
    gtk_box_remove (self->rows, child);
  g_ptr_array_set_size (self->labels, 0);
  n_pins = self->overlays != NULL ? cc_overlays_get_n_pins (self->overlays) : 0;
  n_measured = self->overlays != NULL ? cc_overlays_get_n_measured (self->overlays) : 0;

  add_heading (self, _("Pinned results"));
  if (n_pins == 0)
    add_placeholder (self, _("Pin the results of a design to draw them in their own colour on the "
                             "charts of the next designs."));
  for (guint i = 0; i < n_pins; i++)
    {
      const char *name = cc_overlays_get_pin_name (self->overlays, i);
      g_autofree char *remove = g_strdup_printf (_("Remove the pin “%s”"), name);

      add_row (self, name, "win.unpin", i, remove);
    }
  add_heading (self, _("Measured data"));
  if (n_measured == 0)
    add_placeholder (self, _("Import voltage curves, cycling, rate or impedance data (CSV) to draw "
                             "them as markers over the predictions."));
  for (guint i = 0; i < n_measured; i++)
    {
      const CcMeasuredData *data = cc_overlays_get_measured (self->overlays, i);
      g_autofree char *text = g_strdup_printf (ngettext ("%s — %s, %u point", "%s — %s, %u points", data->n_points),
                                               data->name, kind_title (data->kind), data->n_points);
      g_autofree char *remove = g_strdup_printf (_("Remove “%s”"), data->name);

      add_row (self, text, "win.remove-measured", i, remove);
    }
  gtk_widget_set_sensitive (self->clear_button, n_pins + n_measured > 0);
}

static void
cc_overlay_list_dispose (GObject *object)
{
  CcOverlayList *self = CC_OVERLAY_LIST (object);

  if (self->overlays != NULL)
    g_signal_handlers_disconnect_by_data (self->overlays, self);
  g_clear_object (&self->overlays);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  G_OBJECT_CLASS (cc_overlay_list_parent_class)->dispose (object);
}

static void
cc_overlay_list_class_init (CcOverlayListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cc_overlay_list_dispose;
}

static void
cc_overlay_list_init (CcOverlayList *self)
{
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *import = gtk_button_new_with_mnemonic (_("_Import Measured Data…"));

  self->labels = g_ptr_array_new ();
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 10);
  self->rows = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 4));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->rows));

  gtk_actionable_set_action_name (GTK_ACTIONABLE (import), "win.import-measured");
  self->clear_button = gtk_button_new_with_mnemonic (_("_Clear All"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->clear_button), "win.clear-overlays");
  gtk_widget_set_hexpand (import, TRUE);
  gtk_box_append (GTK_BOX (buttons), import);
  gtk_box_append (GTK_BOX (buttons), self->clear_button);
  gtk_box_append (GTK_BOX (self), buttons);
  rebuild (self);
}

GtkWidget *
cc_overlay_list_new (void)
{
  return g_object_new (CC_TYPE_OVERLAY_LIST, NULL);
}

void
cc_overlay_list_set_overlays (CcOverlayList *self,
                              CcOverlays    *overlays)
{
  g_return_if_fail (CC_IS_OVERLAY_LIST (self));

  if (self->overlays != NULL)
    g_signal_handlers_disconnect_by_data (self->overlays, self);
  g_set_object (&self->overlays, overlays);
  if (overlays != NULL)
    g_signal_connect_object (overlays, "changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);
}

guint
cc_overlay_list_get_n_rows (CcOverlayList *self)
{
  g_return_val_if_fail (CC_IS_OVERLAY_LIST (self), 0);
  return self->labels->len;
}

const char *
cc_overlay_list_get_row_text (CcOverlayList *self,
                              guint          index)
{
  g_return_val_if_fail (CC_IS_OVERLAY_LIST (self), NULL);
  g_return_val_if_fail (index < self->labels->len, NULL);
  return gtk_label_get_text (g_ptr_array_index (self->labels, index));
}
