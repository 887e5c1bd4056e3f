/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list of pinned results and imported measured files in the results
 * area's overlay popover, each with a remove button, plus "Import Measured
 * Data…" and "Clear All". The buttons activate the window's actions
 * (win.unpin, win.remove-measured, win.import-measured, win.clear-overlays).
 */
#pragma once

#include <gtk/gtk.h>
#include "cc-overlays.h"

G_BEGIN_DECLS

#define CC_TYPE_OVERLAY_LIST (cc_overlay_list_get_type ())
G_DECLARE_FINAL_TYPE (CcOverlayList, cc_overlay_list, CC, OVERLAY_LIST, GtkBox)

GtkWidget *cc_overlay_list_new          (void);
void       cc_overlay_list_set_overlays (CcOverlayList *self,
                                         CcOverlays    *overlays);
/* Rows shown (pins and files), for tests. */
guint      cc_overlay_list_get_n_rows   (CcOverlayList *self);
/* The text of row @index ("Design A", "cycling.csv — cycling, 200 points"). */
const char *cc_overlay_list_get_row_text (CcOverlayList *self,
                                          guint          index);

G_END_DECLS
