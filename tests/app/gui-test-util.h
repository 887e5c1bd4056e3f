/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Main-loop helpers shared by the GUI tests (app, Explore, translations),
 * and their set-up and tear-down.
 */
#pragma once

#include <gtk/gtk.h>
#include <string.h>
#include "cc-application.h"

#include "cc-alert.h"

/* Runs the main loop until `done` returns TRUE or the time runs out. */
static inline gboolean
iterate_until (gboolean (*done) (gpointer),
               gpointer   data,
               double     seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static inline gboolean
always_false (gpointer data)
{
  return FALSE;
}

/* Lets the main loop run for a while (layout, idle handlers, frames). */
static inline void
settle (double seconds)
{
  iterate_until (always_false, NULL, seconds);
}

static inline gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

/* The message dialog on screen, if any. */
static inline CcAlert *
find_alert (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not owned */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
      if (CC_IS_ALERT (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return CC_ALERT (w);
    }
  return NULL;
}

static inline gboolean
alert_shown (gpointer data)
{
  return find_alert () != NULL;
}

/* Warnings fail the test, except those about the test machine itself (Xvfb
 * has no session bus). GTK logs through the structured API, so this is a
 * writer function rather than a fatal handler. */
static inline GLogWriterOutput
log_writer (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         data)
{
  const char *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE"))
      message = fields[i].value;
  if ((level & G_LOG_LEVEL_WARNING) && message != NULL
      && (strstr (message, "session bus") != NULL || strstr (message, "dbus") != NULL))
    return G_LOG_WRITER_HANDLED;
  if (level & G_LOG_LEVEL_WARNING)
    g_test_fail ();
  return g_log_writer_default (level, fields, n_fields, data);
}

/* GTest and GTK for a GUI test: warnings fail it (log_writer), criticals
 * abort. FALSE without a display: the test then exits 77 (skipped). */
static inline gboolean
gui_test_init (int    *argc,
               char ***argv)
{
  g_log_set_writer_func (log_writer, NULL, NULL);
  g_test_init (argc, argv, NULL);
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  if (gtk_init_check ())
    return TRUE;
  g_test_skip ("no display (run under xvfb-run)");
  g_printerr ("SKIP: no display\n");
  return FALSE;
}

/* The test's application: registered, never handing over to another
 * instance. */
static inline CcApplication *
gui_test_application_new (void)
{
  g_autoptr(GError) error = NULL;
  CcApplication *app = cc_application_new ();

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  return app;
}

/* Closes the test's main window and drops the application. */
static inline void
gui_test_finish (CcApplication *app,
                 GtkWindow     *window)
{
  gtk_window_destroy (window);
  settle (0.1);
  g_object_unref (app);
}
