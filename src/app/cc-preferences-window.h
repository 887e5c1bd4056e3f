/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Preferences, each bound to its GSettings key: style, 3D colours, box
 * outline, fraction mode, autosave delay.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CC_TYPE_PREFERENCES_WINDOW (cc_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (CcPreferencesWindow, cc_preferences_window, CC, PREFERENCES_WINDOW, GtkWindow)

/* settings may be NULL (no schema): the window then says so. */
GtkWindow *cc_preferences_window_new (GtkWindow *parent,
                                      GSettings *settings);

G_END_DECLS
