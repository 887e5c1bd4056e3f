/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The application: one instance per session that opens design files given
 * on the command line or by the file manager ("preset:ID" opens a literature
 * cell), app.* actions (quit, about, preferences, shortcuts, new-window),
 * accelerators, the style preference and crash recovery at start-up.
 */
#pragma once

#include <gtk/gtk.h>
#include "cc-window.h"

G_BEGIN_DECLS

#define CC_TYPE_APPLICATION (cc_application_get_type ())
G_DECLARE_FINAL_TYPE (CcApplication, cc_application, CC, APPLICATION, GtkApplication)

CcApplication *cc_application_new            (void);
/* NULL when the GSettings schema is not installed (settings not kept). */
GSettings     *cc_application_get_settings   (CcApplication *self);
/* A new window with the default design. */
CcWindow      *cc_application_new_window     (CcApplication *self);
/* Presents the window showing `file`, else loads it into a pristine
 * window, else into a new one. Errors are shown to the user. */
CcWindow      *cc_application_open_file      (CcApplication *self,
                                              GFile         *file);
/* Opens a literature preset as a new, untitled design. */
CcWindow      *cc_application_open_preset    (CcApplication *self,
                                              const char    *preset_id,
                                              GError       **error);
/* Offers to recover autosaved work left by a crash (once per run). */
void           cc_application_offer_recovery (CcApplication *self);
/* Non-zero when --screenshot could not write its picture. */
int            cc_application_get_exit_status (CcApplication *self);

G_END_DECLS
