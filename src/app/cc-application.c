/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cc-application.h"
#include "cc-alert.h"
#include "cc-autosave.h"
#include "cc-preferences-window.h"
#include "cc-preset.h"
#include "cc-screenshot.h"
#include "cc-view-bench.h"

#include <glib/gi18n.h>
#include <string.h>

struct _CcApplication {
  GtkApplication  parent_instance;

  GSettings      *settings;
  gboolean        recovery_offered;

  /* --screenshot FILE [--screenshot-view VIEW] */
  char           *screenshot_path;
  char           *screenshot_view;
  guint           screenshot_frames;
  gboolean        screenshot_after_run;
  gint64          screenshot_deadline;
  int             bench_view;      /* --bench-view N: particles, 0 = off */
  int             exit_status;
  /* --overlay FILE: measured data to draw over the first window's charts */
  char          **overlay_paths;
};

G_DEFINE_FINAL_TYPE (CcApplication, cc_application, GTK_TYPE_APPLICATION)

static const struct {
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "app.shortcuts", { "<Control>question", "<Control>slash", NULL } },
  { "app.new-window", { "<Control><Shift>n", NULL } },
  { "win.new", { "<Control>n", NULL } },
  { "win.open", { "<Control>o", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.export('view')", { "<Control>e", NULL } },
  { "win.export('chart-png')", { "<Control><Shift>e", NULL } },
  { "win.pin-results", { "<Control>d", NULL } },
  { "win.import-measured", { "<Control>i", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
  { "win.search-materials", { "<Control>f", NULL } },
  { "window.close", { "<Control>w", NULL } },
};

/* ---- windows and files ------------------------------------------------------ */

CcWindow *
cc_application_new_window (CcApplication *self)
{
  g_return_val_if_fail (CC_IS_APPLICATION (self), NULL);
  return cc_window_new (GTK_APPLICATION (self));
}

static CcWindow *
pristine_or_new_window (CcApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (CC_IS_WINDOW (active) && cc_window_is_pristine (CC_WINDOW (active)))
    return CC_WINDOW (active);
  return cc_application_new_window (self);
}

static CcWindow *
find_window_for (CcApplication *self,
                 GFile         *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      GFile *shown;
      if (!CC_IS_WINDOW (l->data))
        continue;
      shown = cc_document_get_file (cc_window_get_document (l->data));
      if (shown != NULL && g_file_equal (shown, file))
        return l->data;
    }
  return NULL;
}

CcWindow *
cc_application_open_preset (CcApplication  *self,
                            const char     *preset_id,
                            GError        **error)
{
  const CcPreset *preset;
  CcWindow *window;

  g_return_val_if_fail (CC_IS_APPLICATION (self), NULL);

  preset = cc_preset_list_lookup (cc_preset_list_get_default (), preset_id);
  if (preset == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no literature cell “%s”"), preset_id);
      return NULL;
    }
  window = pristine_or_new_window (self);
  cc_window_set_design (window, cc_design_copy (preset->design), NULL, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
report_open_error (CcApplication *self,
                   CcWindow      *window,
                   const char    *what,
                   GError        *error)
{
  g_autofree char *heading = g_strdup_printf (_("Could not open “%s”"), what);
  CcAlert *alert = cc_alert_new (GTK_WINDOW (window), heading, error->message);

  cc_alert_add_response (alert, "close", _("_Close"), CC_ALERT_RESPONSE_DEFAULT);
  cc_alert_set_close_response (alert, "close");
  cc_alert_choose (alert, NULL, NULL, NULL);
}

CcWindow *
cc_application_open_file (CcApplication *self,
                          GFile         *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *path = NULL;
  g_autoptr(CcDesign) checked = NULL;
  CcWindow *window;

  g_return_val_if_fail (CC_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* "preset:ID" on the command line names a literature cell. */
  if (g_str_has_prefix (uri, "preset:"))
    {
      window = cc_application_open_preset (self, uri + strlen ("preset:"), &error);
      if (window == NULL)
        {
          window = pristine_or_new_window (self);
          gtk_window_present (GTK_WINDOW (window));
          report_open_error (self, window, uri, error);
        }
      return window;
    }

  window = find_window_for (self, file);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return window;
    }
  /* Check the file before choosing a window, so a file that cannot be read
   * does not leave an empty new window behind. */
  path = g_file_get_path (file);
  checked = path ? cc_design_load_from_file (path, &error) : NULL;
  if (checked == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

      if (error == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be opened"));
      window = CC_IS_WINDOW (active) ? CC_WINDOW (active) : cc_application_new_window (self);
      gtk_window_present (GTK_WINDOW (window));
      report_open_error (self, window, name, error);
      return window;
    }
  window = pristine_or_new_window (self);
  gtk_window_present (GTK_WINDOW (window));
  if (!cc_window_load_file (window, file, &error))
    {
      g_autofree char *name = g_file_get_parse_name (file);
      report_open_error (self, window, name, error);
    }
  return window;
}

/* ---- crash recovery -------------------------------------------------------- */

static void
on_recovery_answer (GObject      *source,
                    GAsyncResult *result,
                    gpointer      data)
{
  CcApplication *self = data;
  const char *response = cc_alert_choose_finish (CC_ALERT (source), result);
  g_autoptr(GPtrArray) entries = cc_autosave_list ();

  for (guint i = 0; i < entries->len; i++)
    {
      CcAutosaveEntry *entry = g_ptr_array_index (entries, i);
      CcWindow *window;

      if (g_strcmp0 (response, "recover") != 0)
        {
          cc_autosave_remove (entry->id);
          continue;
        }
      window = pristine_or_new_window (self);
      cc_window_set_design (window, g_steal_pointer (&entry->design), entry->original, TRUE);
      cc_window_adopt_autosave (window, entry->id);
      gtk_window_present (GTK_WINDOW (window));
    }
  g_object_unref (self);
}

void
cc_application_offer_recovery (CcApplication *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GString) body = NULL;
  GtkWindow *parent;
  CcAlert *alert;

  g_return_if_fail (CC_IS_APPLICATION (self));

  if (self->recovery_offered)
    return;
  self->recovery_offered = TRUE;
  entries = cc_autosave_list ();
  if (entries->len == 0)
    return;

  body = g_string_new (_("Cathode Composer was not closed properly. These designs had unsaved changes:"));
  for (guint i = 0; i < entries->len && i < 6; i++)
    {
      CcAutosaveEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (entry->saved_unix);
      g_autofree char *time = when ? g_date_time_format (when, "%x %X") : g_strdup ("");
      g_string_append_printf (body, "\n• %s (%s)", entry->design->name, time);
    }
  parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  alert = cc_alert_new (parent, _("Recover Unsaved Work?"), body->str);
  cc_alert_add_response (alert, "discard", _("_Discard"), CC_ALERT_RESPONSE_DESTRUCTIVE);
  cc_alert_add_response (alert, "recover", _("_Recover"), CC_ALERT_RESPONSE_SUGGESTED);
  cc_alert_set_close_response (alert, "later");
  cc_alert_set_default_response (alert, "recover");
  cc_alert_choose (alert, NULL, on_recovery_answer, g_object_ref (self));
}

/* ---- app actions ------------------------------------------------------------- */

static void
action_quit (GSimpleAction *action,
             GVariant      *param,
             gpointer       data)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (data)));

  /* Each window asks about its own unsaved changes. */
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
}

static void
action_about (GSimpleAction *action,
              GVariant      *param,
              gpointer       data)
{
  static const char *authors[] = { "The Cathode Composer developers", NULL };

  gtk_show_about_dialog (gtk_application_get_active_window (GTK_APPLICATION (data)),
                         "program-name", _("Cathode Composer"),
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Design composite cathodes for all-solid-state sodium batteries. "
                                       "Every prediction is the output of a documented model, not data."),
                         "website", "https://github.com/cathodecomposer/cathode-composer",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", authors,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
action_preferences (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       data)
{
  CcApplication *self = data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWindow *prefs = cc_preferences_window_new (parent, self->settings);

  gtk_window_present (prefs);
}

static void
action_shortcuts (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (data));

  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static void
action_new_window (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       data)
{
  gtk_window_present (GTK_WINDOW (cc_application_new_window (data)));
}

static const GActionEntry app_entries[] = {
  { "quit", action_quit, NULL, NULL, NULL, { 0 } },
  { "about", action_about, NULL, NULL, NULL, { 0 } },
  { "preferences", action_preferences, NULL, NULL, NULL, { 0 } },
  { "shortcuts", action_shortcuts, NULL, NULL, NULL, { 0 } },
  { "new-window", action_new_window, NULL, NULL, NULL, { 0 } },
};

/* ---- style ----------------------------------------------------------------- */

static void
apply_style (CcApplication *self)
{
  GtkSettings *gtk_settings = gtk_settings_get_default ();
  g_autofree char *variant = NULL;

  if (self->settings == NULL || gtk_settings == NULL)
    return;
  variant = g_settings_get_string (self->settings, "style-variant");
  /* "default" leaves the user's own GTK setting alone. */
  if (g_strcmp0 (variant, "dark") == 0)
    g_object_set (gtk_settings, "gtk-application-prefer-dark-theme", TRUE, NULL);
  else if (g_strcmp0 (variant, "light") == 0)
    g_object_set (gtk_settings, "gtk-application-prefer-dark-theme", FALSE, NULL);
}

static void
load_css (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  GdkDisplay *display = gdk_display_get_default ();

  if (display == NULL)
    return;
  gtk_css_provider_load_from_resource (provider, "/io/github/cathodecomposer/CathodeComposer/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* ---- screenshots ------------------------------------------------------------ */

/* Frames to wait for a laid-out window: a running simulation updates the
 * status bar all the time, and a window with a resize pending draws nothing. */
#define SCREENSHOT_MAX_FRAMES 60
/* --screenshot-after-run waits this long at most for the simulation. */
#define SCREENSHOT_MAX_RUN_S 300

/* Called after a frame was painted, when layout is done. */
static void
on_after_paint (GdkFrameClock *clock,
                gpointer       data)
{
  CcApplication *self = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GError) error = NULL;

  if (window != NULL && cc_screenshot_save (GTK_WIDGET (window), self->screenshot_path, &error))
    self->exit_status = 0;
  else if (++self->screenshot_frames < SCREENSHOT_MAX_FRAMES && window != NULL)
    {
      gtk_widget_queue_draw (GTK_WIDGET (window));
      return;
    }
  else
    {
      g_printerr ("cathode-composer: %s\n", error ? error->message : _("The window is not shown yet"));
      self->exit_status = 1;
    }
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, self);
  g_application_quit (G_APPLICATION (self));
}

/* Waits for the window to be drawn (the 3D view and the charts render on
 * idle), then writes the picture after the next painted frame and quits. */
static gboolean
take_screenshot (gpointer data)
{
  CcApplication *self = data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GdkFrameClock *clock;

  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    return G_SOURCE_CONTINUE;
  /* --screenshot-after-run: the charts of the finished run, not "Computing…". */
  if (self->screenshot_after_run && CC_IS_WINDOW (window)
      && cc_pipeline_get_running (cc_window_get_pipeline (CC_WINDOW (window)))
      && g_get_monotonic_time () < self->screenshot_deadline)
    return G_SOURCE_CONTINUE;
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), self);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  return G_SOURCE_REMOVE;
}

static void
schedule_screenshot (CcApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GError) error = NULL;

  if (self->screenshot_path == NULL || !CC_IS_WINDOW (window))
    return;
  gtk_window_set_default_size (window, 1480, 920);
  gtk_window_unmaximize (window);
  if (self->screenshot_view != NULL && !cc_screenshot_show_view (CC_WINDOW (window), self->screenshot_view, &error))
    {
      g_printerr ("cathode-composer: %s\n", error->message);
      self->exit_status = 2;
      g_application_quit (G_APPLICATION (self));
      return;
    }
  self->screenshot_deadline = g_get_monotonic_time () + SCREENSHOT_MAX_RUN_S * G_USEC_PER_SEC;
  g_timeout_add_seconds_full (G_PRIORITY_LOW, 3, take_screenshot, g_object_ref (self), g_object_unref);
}

static int
cc_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  CcApplication *self = CC_APPLICATION (app);

  g_variant_dict_lookup (options, "screenshot", "^ay", &self->screenshot_path);
  g_variant_dict_lookup (options, "screenshot-view", "s", &self->screenshot_view);
  g_variant_dict_lookup (options, "screenshot-after-run", "b", &self->screenshot_after_run);
  g_variant_dict_lookup (options, "bench-view", "i", &self->bench_view);
  g_variant_dict_lookup (options, "overlay", "^aay", &self->overlay_paths);
  if (self->bench_view < 0 || self->bench_view > 1000000)
    {
      g_printerr ("--bench-view %d: give a particle count between 1 and 1000000\n", self->bench_view);
      return 2;
    }
  /* A picture or a benchmark needs its own instance, not a window of a
   * running one; so do files to overlay, which this process reads into the
   * window it opens. */
  if (self->screenshot_path != NULL || self->bench_view > 0 || self->overlay_paths != NULL)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
  return -1;
}

int
cc_application_get_exit_status (CcApplication *self)
{
  g_return_val_if_fail (CC_IS_APPLICATION (self), 1);
  return self->exit_status;
}

/* ---- GApplication -------------------------------------------------------- */

static void
cc_application_startup (GApplication *app)
{
  CcApplication *self = CC_APPLICATION (app);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  G_APPLICATION_CLASS (cc_application_parent_class)->startup (app);

  g_set_application_name (_("Cathode Composer"));
  load_css ();
  gtk_window_set_default_icon_name (APP_ID);
  if (schema != NULL)
    {
      self->settings = g_settings_new (APP_ID);
      g_signal_connect_object (self->settings, "changed::style-variant", G_CALLBACK (apply_style), self,
                               G_CONNECT_SWAPPED);
      apply_style (self);
    }
  else
    g_warning ("GSettings schema %s is not installed: window size and preferences will not be kept "
               "(run from the build tree with GSETTINGS_SCHEMA_DIR=<build>/data)", APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries, G_N_ELEMENTS (app_entries), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);
}

/* --overlay: each file through the window's import action, once. */
static void
import_overlays (CcApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_auto(GStrv) paths = g_steal_pointer (&self->overlay_paths);

  for (guint i = 0; window != NULL && paths != NULL && paths[i] != NULL; i++)
    g_action_group_activate_action (G_ACTION_GROUP (window), "import-measured-uri", g_variant_new_string (paths[i]));
}

static void
cc_application_activate (GApplication *app)
{
  CcApplication *self = CC_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (self->bench_view > 0)
    {
      g_application_hold (app);
      self->exit_status = cc_view_bench_run ((guint) self->bench_view);
      g_application_release (app);
      return;
    }
  if (window == NULL)
    window = GTK_WINDOW (cc_application_new_window (self));
  gtk_window_present (window);
  import_overlays (self);
  if (self->screenshot_path != NULL)
    schedule_screenshot (self);
  else
    cc_application_offer_recovery (self);
}

static void
cc_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  CcApplication *self = CC_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    cc_application_open_file (self, files[i]);
  import_overlays (self);
  if (self->screenshot_path != NULL)
    schedule_screenshot (self);
  else
    cc_application_offer_recovery (self);
}

static void
cc_application_finalize (GObject *object)
{
  CcApplication *self = CC_APPLICATION (object);

  g_clear_object (&self->settings);
  g_free (self->screenshot_path);
  g_free (self->screenshot_view);
  g_strfreev (self->overlay_paths);
  G_OBJECT_CLASS (cc_application_parent_class)->finalize (object);
}

static void
cc_application_class_init (CcApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = cc_application_finalize;
  app_class->startup = cc_application_startup;
  app_class->activate = cc_application_activate;
  app_class->open = cc_application_open;
  app_class->handle_local_options = cc_application_handle_local_options;
}

static void
cc_application_init (CcApplication *self)
{
  const GOptionEntry entries[] = {
    { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Save a picture of the window to FILE (PNG) once it is drawn, then quit"), N_("FILE") },
    { "screenshot-view", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --screenshot: show VIEW first (materials, cells or a chart such as stability)"), N_("VIEW") },
    { "screenshot-after-run", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --screenshot: wait until the simulation has finished"), NULL },
    { "bench-view", 0, 0, G_OPTION_ARG_INT, NULL,
      N_("Print the 3D view's frame time for N benchmark particles, then quit"), N_("N") },
    { "overlay", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL,
      N_("Draw the measured data in FILE (CSV) over the charts; repeatable"), N_("FILE") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

CcApplication *
cc_application_new (void)
{
  return g_object_new (CC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/cathodecomposer/CathodeComposer",
                       NULL);
}

GSettings *
cc_application_get_settings (CcApplication *self)
{
  g_return_val_if_fail (CC_IS_APPLICATION (self), NULL);
  return self->settings;
}
