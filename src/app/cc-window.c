/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-window-private.h"
#include "cc-application.h"
#include "cc-preset.h"

#include <glib/gi18n.h>
#include <string.h>

G_DEFINE_FINAL_TYPE (CcWindow, cc_window, GTK_TYPE_APPLICATION_WINDOW)

#define DEFAULT_AUTOSAVE_S 30

/* ---- title and status ------------------------------------------------------ */

static void
update_title (CcWindow *self)
{
  g_autofree char *title = cc_document_dup_title (self->document);
  g_autofree char *shown = NULL;
  g_autofree char *window_title = NULL;
  GFile *file = cc_document_get_file (self->document);
  gboolean dirty = cc_document_get_dirty (self->document);

  shown = dirty ? g_strdup_printf ("• %s", title) : g_strdup (title);
  gtk_label_set_text (self->title_label, shown);
  if (file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *where = parent ? g_file_get_parse_name (parent) : g_strdup ("");
      const char *home = g_get_home_dir ();
      g_autofree char *pretty = g_str_has_prefix (where, home)
                                ? g_strconcat ("~", where + strlen (home), NULL) : g_strdup (where);
      gtk_label_set_text (self->subtitle_label, pretty);
    }
  else
    gtk_label_set_text (self->subtitle_label, dirty ? _("Not saved") : _("New design"));
  window_title = g_strdup_printf ("%s — %s", shown, _("Cathode Composer"));
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

void
cc_window_show_message (CcWindow   *self,
                        const char *message,
                        gboolean    error)
{
  g_return_if_fail (CC_IS_WINDOW (self));

  gtk_label_set_text (self->status_label, message ? message : "");
  gtk_image_set_from_icon_name (self->status_icon, error ? "dialog-warning-symbolic" : "emblem-ok-symbolic");
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

static void
on_document_changed (CcWindow *self,
                     guint     changes)
{
  update_title (self);
  cc_window_update_actions (self);
  cc_window_pipeline_design_changed (self);
}

static void
on_document_notify (CcWindow *self)
{
  update_title (self);
  cc_window_update_actions (self);
}

/* ---- palette and presets --------------------------------------------------- */

static void
on_material_activated (CcWindow   *self,
                       const char *material_id)
{
  cc_formulation_editor_add_material (self->editor, material_id);
}

static void
on_preset_activated (CcWindow   *self,
                     const char *preset_id)
{
  g_autoptr(GError) error = NULL;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (cc_window_is_pristine (self))
    {
      const CcPreset *preset = cc_preset_list_lookup (cc_preset_list_get_default (), preset_id);
      if (preset != NULL)
        {
          cc_window_set_design (self, cc_design_copy (preset->design), NULL, FALSE);
          return;
        }
    }
  if (app == NULL || cc_application_open_preset (CC_APPLICATION (app), preset_id, &error) == NULL)
    cc_window_show_message (self, error ? error->message : _("Unknown literature cell"), TRUE);
}

/* ---- window state ---------------------------------------------------------- */

static void
restore_state (CcWindow *self)
{
  if (self->settings == NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self), 1480, 920);
      gtk_paned_set_position (self->sidebar_paned, 330);
      gtk_paned_set_position (self->editor_paned, 430);
      gtk_paned_set_position (self->view_paned, 440);
      return;
    }
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  g_settings_bind (self->settings, "sidebar-position", self->sidebar_paned, "position", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "editor-position", self->editor_paned, "position", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "view-position", self->view_paned, "position", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "fraction-mode", self->editor, "fraction-mode", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "color-mode", cc_view_panel_get_view (self->view_panel), "color-mode",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-box", cc_view_panel_get_view (self->view_panel), "show-box",
                   G_SETTINGS_BIND_GET);
}

static void
save_state (CcWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static void
on_autosave_interval (CcWindow *self)
{
  cc_autosaver_set_delay (self->autosaver, g_settings_get_uint (self->settings, "autosave-interval"));
}

static gboolean
cc_window_close_request (GtkWindow *window)
{
  CcWindow *self = CC_WINDOW (window);

  if (cc_document_get_dirty (self->document) && !self->close_confirmed)
    {
      cc_window_confirm_close (self);
      return TRUE;
    }
  save_state (self);
  return GTK_WINDOW_CLASS (cc_window_parent_class)->close_request (window);
}

/* ---- GObject ------------------------------------------------------------- */

static void
cc_window_dispose (GObject *object)
{
  CcWindow *self = CC_WINDOW (object);

  cc_window_pipeline_dispose (self);
  if (self->file_dialog != NULL)
    gtk_native_dialog_destroy (self->file_dialog);
  g_clear_object (&self->file_dialog);
  if (self->recent != NULL)
    g_signal_handlers_disconnect_by_data (self->recent, self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->autosaver);
  g_clear_object (&self->overlays);
  gtk_widget_dispose_template (GTK_WIDGET (object), CC_TYPE_WINDOW);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (cc_window_parent_class)->dispose (object);
}

static void
cc_window_class_init (CcWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = cc_window_close_request;

  g_type_ensure (CC_TYPE_PALETTE);
  g_type_ensure (CC_TYPE_PRESETS_GALLERY);
  g_type_ensure (CC_TYPE_FORMULATION_EDITOR);
  g_type_ensure (CC_TYPE_VIEW_PANEL);
  g_type_ensure (CC_TYPE_RESULTS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cathodecomposer/CathodeComposer/ui/cc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CcWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, sidebar_paned);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, editor_paned);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, view_paned);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, palette);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, presets);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, editor);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, view_panel);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, results);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, status_icon);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CcWindow, recent_submenu);
  gtk_widget_class_bind_template_callback (widget_class, on_material_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_preset_activated);
}

static void
cc_window_init (CcWindow *self)
{
  CcMaterialDb *db = cc_material_db_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->document = cc_document_new (db);
  self->autosaver = cc_autosaver_new (self->document, DEFAULT_AUTOSAVE_S);
  g_signal_connect_swapped (self->document, "changed", G_CALLBACK (on_document_changed), self);
  g_signal_connect_swapped (self->document, "notify::dirty", G_CALLBACK (on_document_notify), self);
  g_signal_connect_swapped (self->document, "notify::file", G_CALLBACK (on_document_notify), self);

  cc_palette_set_db (self->palette, db);
  cc_presets_gallery_set_presets (self->presets, cc_preset_list_get_default ());
  cc_formulation_editor_set_document (self->editor, self->document);

  cc_window_actions_init (self);
  cc_window_overlays_init (self);
  cc_window_pipeline_init (self);
  self->recent = gtk_recent_manager_get_default ();
  g_signal_connect_swapped (self->recent, "changed", G_CALLBACK (cc_window_rebuild_recent), self);
  cc_window_rebuild_recent (self);

  update_title (self);
  cc_window_update_actions (self);
  cc_window_pipeline_design_changed (self);
}

CcWindow *
cc_window_new (GtkApplication *application)
{
  CcWindow *self = g_object_new (CC_TYPE_WINDOW, "application", application, NULL);
  GSettings *settings = CC_IS_APPLICATION (application)
                        ? cc_application_get_settings (CC_APPLICATION (application)) : NULL;

  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      g_signal_connect_object (settings, "changed::autosave-interval", G_CALLBACK (on_autosave_interval),
                               self, G_CONNECT_SWAPPED);
      on_autosave_interval (self);
    }
  restore_state (self);
  return self;
}

CcDocument *
cc_window_get_document (CcWindow *self)
{
  g_return_val_if_fail (CC_IS_WINDOW (self), NULL);
  return self->document;
}

void
cc_window_set_design (CcWindow *self,
                      CcDesign *design,
                      GFile    *file,
                      gboolean  dirty)
{
  g_return_if_fail (CC_IS_WINDOW (self));
  g_return_if_fail (design != NULL);

  cc_autosaver_discard (self->autosaver);
  cc_document_replace (self->document, design, file, dirty);
}

gboolean
cc_window_load_file (CcWindow  *self,
                     GFile     *file,
                     GError   **error)
{
  g_return_val_if_fail (CC_IS_WINDOW (self), FALSE);

  if (!cc_document_load (self->document, file, error))
    return FALSE;
  cc_autosaver_discard (self->autosaver);
  cc_window_add_recent (self, file);
  return TRUE;
}

gboolean
cc_window_save_file (CcWindow  *self,
                     GFile     *file,
                     GError   **error)
{
  g_return_val_if_fail (CC_IS_WINDOW (self), FALSE);

  if (!cc_document_save (self->document, file, error))
    return FALSE;
  cc_window_add_recent (self, file);
  return TRUE;
}

void
cc_window_adopt_autosave (CcWindow   *self,
                          const char *id)
{
  g_return_if_fail (CC_IS_WINDOW (self));
  cc_autosaver_adopt (self->autosaver, id);
}

gboolean
cc_window_is_pristine (CcWindow *self)
{
  g_return_val_if_fail (CC_IS_WINDOW (self), FALSE);
  return cc_document_is_pristine (self->document);
}

CcPalette *
cc_window_get_palette (CcWindow *self)
{
  g_return_val_if_fail (CC_IS_WINDOW (self), NULL);
  return self->palette;
}

CcFormulationEditor *
cc_window_get_editor (CcWindow *self)
{
  g_return_val_if_fail (CC_IS_WINDOW (self), NULL);
  return self->editor;
}

CcViewPanel *
cc_window_get_view_panel (CcWindow *self)
{
  g_return_val_if_fail (CC_IS_WINDOW (self), NULL);
  return self->view_panel;
}

CcResultsView *
cc_window_get_results (CcWindow *self)
{
  g_return_val_if_fail (CC_IS_WINDOW (self), NULL);
  return self->results;
}

CcPresetsGallery *
cc_window_get_presets (CcWindow *self)
{
  g_return_val_if_fail (CC_IS_WINDOW (self), NULL);
  return self->presets;
}

CcOverlays *
cc_window_get_overlays (CcWindow *self)
{
  g_return_val_if_fail (CC_IS_WINDOW (self), NULL);
  return self->overlays;
}

CcPipeline *
cc_window_get_pipeline (CcWindow *self)
{
  g_return_val_if_fail (CC_IS_WINDOW (self), NULL);
  return self->pipeline;
}
