/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app draws its own screenshots (`cathode-composer --screenshot FILE`):
 * the pictures in data/screenshots/ show the real widgets of the current
 * version, and build-aux/make-screenshots.sh regenerates them.
 */
#pragma once

#include "cc-window.h"

G_BEGIN_DECLS

/* Renders `widget` as it is drawn now into a PNG at `path`. */
gboolean cc_screenshot_save      (GtkWidget   *widget,
                                  const char  *path,
                                  GError     **error);

/* Brings a part of the window to the front before the picture:
 * "materials" or "cells" (the sidebar), or a chart of the results area by
 * its id ("stability", "compatibility", "voltage", …). */
gboolean cc_screenshot_show_view (CcWindow    *window,
                                  const char  *view,
                                  GError     **error);

G_END_DECLS
