/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Main-loop helpers shared by the GUI tests (app, Explore, translations).
 */
#pragma once

#include <gtk/gtk.h>

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
