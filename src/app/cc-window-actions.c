/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's verbs: new, open, save, save as, export, undo, redo; the
 * recent-designs menu and the unsaved-changes prompt. File choosers are
 * GtkFileChooserNative so they go through the portal in a sandbox.
 */
#include "cc-window-private.h"
#include "cc-alert.h"
#include "cc-application.h"
#include "cc-explore-window.h"

#include <glib/gi18n.h>
#include <string.h>

#define MIME_TYPE "application/x-cathode-composer"
#define MAX_RECENT 8

typedef enum {
  AFTER_SAVE_NOTHING,
  AFTER_SAVE_CLOSE,
} AfterSave;

static void save_as (CcWindow *self, AfterSave after);

void
cc_window_show_error (CcWindow   *self,
                      const char *heading,
                      GError     *error)
{
  CcAlert *alert = cc_alert_new (GTK_WINDOW (self), heading, error->message);

  cc_alert_add_response (alert, "close", _("_Close"), CC_ALERT_RESPONSE_DEFAULT);
  cc_alert_set_close_response (alert, "close");
  cc_alert_choose (alert, NULL, NULL, NULL);
  cc_window_show_message (self, error->message, TRUE);
}

void
cc_window_add_recent (CcWindow *self,
                      GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .display_name = NULL,
    .description = NULL,
    .mime_type = (char *) MIME_TYPE,
    .app_name = (char *) g_get_application_name (),
    .app_exec = (char *) "cathode-composer %u",
    .groups = NULL,
    .is_private = FALSE,
  };

  if (data.app_name == NULL)
    data.app_name = (char *) "Cathode Composer";
  gtk_recent_manager_add_full (self->recent, uri, &data);
}

void
cc_window_rebuild_recent (CcWindow *self)
{
  GList *items = gtk_recent_manager_get_items (self->recent);
  guint added = 0;

  g_menu_remove_all (self->recent_submenu);
  for (GList *l = items; l && added < MAX_RECENT; l = l->next)
    {
      GtkRecentInfo *info = l->data;
      const char *uri = gtk_recent_info_get_uri (info);
      g_autoptr(GMenuItem) item = NULL;

      if (g_strcmp0 (gtk_recent_info_get_mime_type (info), MIME_TYPE) != 0
          && !g_str_has_suffix (uri, ".ccdesign"))
        continue;
      if (!gtk_recent_info_exists (info))
        continue;
      item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-uri", g_variant_new_string (uri));
      g_menu_append_item (self->recent_submenu, item);
      added++;
    }
  if (added == 0)
    {
      g_autoptr(GMenuItem) none = g_menu_item_new (_("No recent designs"), "win.none");
      g_menu_append_item (self->recent_submenu, none);
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);
}

/* ---- open ---------------------------------------------------------------- */

static void
open_file (CcWindow *self,
           GFile    *file)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;

  if (app != NULL && CC_IS_APPLICATION (app))
    {
      cc_application_open_file (CC_APPLICATION (app), file);
      return;
    }
  if (!cc_window_load_file (self, file, &error))
    cc_window_show_error (self, _("Could not open the design"), error);
}

static void
add_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) designs = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (designs, _("Cathode Composer designs"));
  gtk_file_filter_add_mime_type (designs, MIME_TYPE);
  gtk_file_filter_add_suffix (designs, "ccdesign");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, designs);
  gtk_file_chooser_add_filter (chooser, all);
}

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  CcWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (file != NULL)
        open_file (self, file);
    }
  g_clear_object (&self->file_dialog);
}

static void
action_open (GSimpleAction *action,
             GVariant      *param,
             gpointer       data)
{
  CcWindow *self = data;
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Open a Design"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  add_filters (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), self);
  g_clear_object (&self->file_dialog);
  self->file_dialog = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->file_dialog);
}

static void
action_open_uri (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       data)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (g_variant_get_string (param, NULL));

  open_file (data, file);
}

static void
action_new (GSimpleAction *action,
            GVariant      *param,
            gpointer       data)
{
  CcWindow *self = data;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (cc_window_is_pristine (self) || app == NULL || !CC_IS_APPLICATION (app))
    {
      cc_window_set_design (self, cc_design_new_default (), NULL, FALSE);
      return;
    }
  gtk_window_present (GTK_WINDOW (cc_application_new_window (CC_APPLICATION (app))));
}

/* ---- save ---------------------------------------------------------------- */

static gboolean
save_to (CcWindow *self,
         GFile    *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!cc_window_save_file (self, file, &error))
    {
      cc_window_show_error (self, _("Could not save the design"), error);
      return FALSE;
    }
  name = g_file_get_basename (file);
  message = g_strdup_printf (_("Saved %s"), name);
  cc_window_show_message (self, message, FALSE);
  return TRUE;
}

static void
on_save_response (GtkNativeDialog *dialog,
                  int              response,
                  CcWindow        *self)
{
  AfterSave after = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "after"));
  gboolean saved = FALSE;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GFile) with_suffix = NULL;
      g_autofree char *base = file ? g_file_get_basename (file) : NULL;

      if (file != NULL && !g_str_has_suffix (base, ".ccdesign") && strchr (base, '.') == NULL)
        {
          g_autofree char *name = g_strconcat (base, ".ccdesign", NULL);
          g_autoptr(GFile) parent = g_file_get_parent (file);
          with_suffix = g_file_get_child (parent, name);
        }
      if (file != NULL)
        saved = save_to (self, with_suffix ? with_suffix : file);
    }
  g_clear_object (&self->file_dialog);
  if (saved && after == AFTER_SAVE_CLOSE)
    gtk_window_close (GTK_WINDOW (self));
}

static char *
suggested_name (CcWindow *self)
{
  const CcDesign *design = cc_document_get_design (self->document);
  g_autofree char *name = g_strdup (design->name && *design->name ? design->name : _("Untitled design"));

  /* Path separators and the like have no place in a file name. */
  g_strdelimit (name, "/\\:*?\"<>|", '-');
  return g_strconcat (name, ".ccdesign", NULL);
}

static void
save_as (CcWindow  *self,
         AfterSave  after)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = suggested_name (self);
  GFile *current = cc_document_get_file (self->document);

  chooser = gtk_file_chooser_native_new (_("Save the Design"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  add_filters (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (current != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), current, NULL);
  else
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "after", GINT_TO_POINTER (after));
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response), self);
  g_clear_object (&self->file_dialog);
  self->file_dialog = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->file_dialog);
}

static gboolean
save (CcWindow  *self,
      AfterSave  after)
{
  GFile *file = cc_document_get_file (self->document);

  if (file == NULL)
    {
      save_as (self, after);
      return FALSE;
    }
  return save_to (self, file);
}

static void
action_save (GSimpleAction *action,
             GVariant      *param,
             gpointer       data)
{
  save (data, AFTER_SAVE_NOTHING);
}

static void
action_save_as (GSimpleAction *action,
                GVariant      *param,
                gpointer       data)
{
  save_as (data, AFTER_SAVE_NOTHING);
}

static void
action_save_as_uri (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       data)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (g_variant_get_string (param, NULL));

  save_to (data, file);
}

/* ---- undo ---------------------------------------------------------------- */

static void
action_undo (GSimpleAction *action,
             GVariant      *param,
             gpointer       data)
{
  CcWindow *self = data;

  cc_document_undo (self->document);
}

static void
action_redo (GSimpleAction *action,
             GVariant      *param,
             gpointer       data)
{
  CcWindow *self = data;

  cc_document_redo (self->document);
}

static void
action_search (GSimpleAction *action,
               GVariant      *param,
               gpointer       data)
{
  CcWindow *self = data;

  gtk_stack_set_visible_child_name (self->sidebar_stack, "materials");
  cc_palette_focus_search (self->palette);
}

/* ---- export ---------------------------------------------------------------- */

static gboolean
export_to (CcWindow   *self,
           const char *target,
           GFile      *file,
           GError    **error)
{
  if (g_str_equal (target, "view"))
    {
      CcParticleView *view = cc_view_panel_get_view (self->view_panel);
      int scale = 2;
      int w = MAX (gtk_widget_get_width (GTK_WIDGET (view)), 320) * scale;
      int h = MAX (gtk_widget_get_height (GTK_WIDGET (view)), 240) * scale;

      if (cc_particle_view_get_n_particles (view) == 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("There is no packing to export yet"));
          return FALSE;
        }
      return cc_particle_view_export_png (view, file, MIN (w, 4096), MIN (h, 4096), error);
    }
  /* A journal figure: 6.5 × 4.5 inches, PNG at 300 dpi. */
  return cc_chart_view_export (cc_results_view_get_chart_view (self->results,
                                                               cc_results_view_get_visible (self->results)),
                               file, target + strlen ("chart-"), 468, 324, 300, error);
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    CcWindow        *self)
{
  const char *target = g_object_get_data (G_OBJECT (dialog), "target");
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (file != NULL && !export_to (self, target, file, &error))
        cc_window_show_error (self, _("Could not export"), error);
      else if (file != NULL)
        cc_window_show_message (self, _("Exported"), FALSE);
    }
  g_clear_object (&self->file_dialog);
}

static void
action_export (GSimpleAction *action,
               GVariant      *param,
               gpointer       data)
{
  CcWindow *self = data;
  const char *target = g_variant_get_string (param, NULL);
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  const char *ext;

  if (g_str_equal (target, "view"))
    {
      if (cc_particle_view_get_n_particles (cc_view_panel_get_view (self->view_panel)) == 0)
        {
          cc_window_show_message (self, _("There is no packing to export yet"), TRUE);
          return;
        }
      ext = "png";
    }
  else if (g_str_equal (target, "chart-png") || g_str_equal (target, "chart-svg")
           || g_str_equal (target, "chart-pdf"))
    {
      if (!cc_results_view_has_chart (self->results, cc_results_view_get_visible (self->results)))
        {
          cc_window_show_message (self, _("This chart has not been computed yet"), TRUE);
          return;
        }
      ext = target + strlen ("chart-");
    }
  else
    {
      g_warning ("Unknown export target %s", target);
      return;
    }

  base = suggested_name (self);
  base[strlen (base) - strlen (".ccdesign")] = '\0';
  name = g_strdup_printf ("%s-%s.%s", base,
                          g_str_equal (target, "view") ? "3d"
                          : cc_chart_kind_get_id (cc_results_view_get_visible (self->results)), ext);
  chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "target", g_strdup (target), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), self);
  g_clear_object (&self->file_dialog);
  self->file_dialog = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->file_dialog);
}

static void
action_explore (GSimpleAction *action,
                GVariant      *param,
                gpointer       data)
{
  cc_explore_window_show_for (data);
}

/* ---- close with unsaved changes -------------------------------------------- */

static void
on_close_answer (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  CcWindow *self = data;
  const char *response = cc_alert_choose_finish (CC_ALERT (source), result);

  if (g_strcmp0 (response, "discard") == 0)
    {
      cc_autosaver_discard (self->autosaver);
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      if (save (self, AFTER_SAVE_CLOSE))
        gtk_window_close (GTK_WINDOW (self));
    }
  g_object_unref (self);
}

void
cc_window_confirm_close (CcWindow *self)
{
  g_autofree char *title = cc_document_dup_title (self->document);
  g_autofree char *heading = g_strdup_printf (_("Save changes to “%s”?"), title);
  CcAlert *alert = cc_alert_new (GTK_WINDOW (self), heading,
                                 _("If you don’t save, the changes since the last save are lost."));

  cc_alert_add_response (alert, "cancel", _("_Cancel"), CC_ALERT_RESPONSE_DEFAULT);
  cc_alert_add_response (alert, "discard", _("_Discard"), CC_ALERT_RESPONSE_DESTRUCTIVE);
  cc_alert_add_response (alert, "save", _("_Save"), CC_ALERT_RESPONSE_SUGGESTED);
  cc_alert_set_close_response (alert, "cancel");
  cc_alert_set_default_response (alert, "save");
  cc_alert_choose (alert, NULL, on_close_answer, g_object_ref (self));
}

/* ---- setup ------------------------------------------------------------------ */

static const GActionEntry win_entries[] = {
  { "new", action_new, NULL, NULL, NULL, { 0 } },
  { "open", action_open, NULL, NULL, NULL, { 0 } },
  { "open-uri", action_open_uri, "s", NULL, NULL, { 0 } },
  { "save", action_save, NULL, NULL, NULL, { 0 } },
  { "save-as", action_save_as, NULL, NULL, NULL, { 0 } },
  { "save-as-uri", action_save_as_uri, "s", NULL, NULL, { 0 } },
  { "export", action_export, "s", NULL, NULL, { 0 } },
  { "undo", action_undo, NULL, NULL, NULL, { 0 } },
  { "redo", action_redo, NULL, NULL, NULL, { 0 } },
  { "search-materials", action_search, NULL, NULL, NULL, { 0 } },
  { "explore", action_explore, NULL, NULL, NULL, { 0 } },
};

void
cc_window_actions_init (CcWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), win_entries, G_N_ELEMENTS (win_entries), self);
}

static void
set_enabled (CcWindow   *self,
             const char *name,
             gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

void
cc_window_update_actions (CcWindow *self)
{
  set_enabled (self, "undo", cc_document_get_can_undo (self->document));
  set_enabled (self, "redo", cc_document_get_can_redo (self->document));
  set_enabled (self, "save", cc_document_get_dirty (self->document)
                             || cc_document_get_file (self->document) == NULL);
}
