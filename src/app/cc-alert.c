/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-alert.h"

#include <glib/gi18n.h>

struct _CcAlert {
  GtkWindow  parent_instance;

  GtkWidget *buttons;
  char      *close_response;
  GTask     *task;
};

G_DEFINE_FINAL_TYPE (CcAlert, cc_alert, GTK_TYPE_WINDOW)

void
cc_alert_respond (CcAlert    *self,
                  const char *id)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CC_IS_ALERT (self));

  task = g_steal_pointer (&self->task);
  if (task == NULL)
    return;
  /* The task keeps the dialog alive past its parent (the answer may close
   * the parent): let go of the parent now, while both exist. */
  gtk_window_set_transient_for (GTK_WINDOW (self), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
  g_task_return_pointer (task, g_strdup (id), g_free);
}

static gboolean
on_close_request (GtkWindow *window)
{
  CcAlert *self = CC_ALERT (window);

  if (self->task != NULL)
    {
      cc_alert_respond (self, self->close_response);
      return TRUE;
    }
  return FALSE;
}

static void
cc_alert_finalize (GObject *object)
{
  CcAlert *self = CC_ALERT (object);

  g_free (self->close_response);
  g_clear_object (&self->task);
  G_OBJECT_CLASS (cc_alert_parent_class)->finalize (object);
}

static void
cc_alert_class_init (CcAlertClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cc_alert_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = on_close_request;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cc_alert_init (CcAlert *self)
{
  self->close_response = g_strdup ("cancel");
}

CcAlert *
cc_alert_new (GtkWindow  *parent,
              const char *heading,
              const char *body)
{
  CcAlert *self = g_object_new (CC_TYPE_ALERT,
                                "modal", TRUE,
                                "resizable", FALSE,
                                "transient-for", parent,
                                "destroy-with-parent", TRUE,
                                "title", "",
                                NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *text = gtk_label_new (body);

  gtk_widget_add_css_class (GTK_WIDGET (self), "cc-alert");
  gtk_window_set_titlebar (GTK_WINDOW (self), gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0));
  gtk_widget_add_css_class (title, "title-4");
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_justify (GTK_LABEL (title), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 40);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_justify (GTK_LABEL (text), GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 48);
  gtk_widget_set_visible (text, body != NULL && *body);

  self->buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_box_set_homogeneous (GTK_BOX (self->buttons), TRUE);
  gtk_widget_set_halign (self->buttons, GTK_ALIGN_FILL);
  gtk_widget_set_margin_top (self->buttons, 8);

  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 20);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), self->buttons);
  gtk_window_set_child (GTK_WINDOW (self), box);
  return self;
}

static void
on_button_clicked (GtkButton *button,
                   CcAlert   *self)
{
  cc_alert_respond (self, g_object_get_data (G_OBJECT (button), "response"));
}

void
cc_alert_add_response (CcAlert           *self,
                       const char        *id,
                       const char        *label,
                       CcAlertAppearance  appearance)
{
  GtkWidget *button;

  g_return_if_fail (CC_IS_ALERT (self));

  button = gtk_button_new_with_mnemonic (label);
  g_object_set_data_full (G_OBJECT (button), "response", g_strdup (id), g_free);
  g_object_set_data (G_OBJECT (self), id, button);
  if (appearance == CC_ALERT_RESPONSE_SUGGESTED)
    gtk_widget_add_css_class (button, "suggested-action");
  else if (appearance == CC_ALERT_RESPONSE_DESTRUCTIVE)
    gtk_widget_add_css_class (button, "destructive-action");
  g_signal_connect (button, "clicked", G_CALLBACK (on_button_clicked), self);
  gtk_box_append (GTK_BOX (self->buttons), button);
}

void
cc_alert_set_close_response (CcAlert    *self,
                             const char *id)
{
  g_return_if_fail (CC_IS_ALERT (self));
  g_free (self->close_response);
  self->close_response = g_strdup (id);
}

void
cc_alert_set_default_response (CcAlert    *self,
                               const char *id)
{
  GtkWidget *button;

  g_return_if_fail (CC_IS_ALERT (self));

  button = g_object_get_data (G_OBJECT (self), id);
  if (button != NULL)
    gtk_window_set_default_widget (GTK_WINDOW (self), button);
}

void
cc_alert_choose (CcAlert             *self,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  g_return_if_fail (CC_IS_ALERT (self));
  g_return_if_fail (self->task == NULL);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, cc_alert_choose);
  gtk_window_present (GTK_WINDOW (self));
}

const char *
cc_alert_choose_finish (CcAlert      *self,
                        GAsyncResult *result)
{
  char *response;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  /* Owned by the task, which lives as long as the callback runs. */
  response = g_task_propagate_pointer (G_TASK (result), NULL);
  g_object_set_data_full (G_OBJECT (result), "response", response, g_free);
  return response;
}
