/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A design window: palette and literature cells on the left, the
 * formulation editor, the 3D view and the results. One window edits one
 * document; its actions are win.new, win.open, win.save, win.save-as,
 * win.export, win.undo, win.redo (plus win.open-uri / win.save-as-uri with a
 * URI parameter, used by the recent-files menu and the tests).
 */
#pragma once

#include <gtk/gtk.h>
#include "cc-document.h"
#include "cc-formulation-editor.h"
#include "cc-palette.h"
#include "cc-pipeline.h"
#include "cc-presets-gallery.h"
#include "cc-results-view.h"
#include "cc-view-panel.h"

G_BEGIN_DECLS

#define CC_TYPE_WINDOW (cc_window_get_type ())
G_DECLARE_FINAL_TYPE (CcWindow, cc_window, CC, WINDOW, GtkApplicationWindow)

CcWindow            *cc_window_new               (GtkApplication *application);
CcDocument          *cc_window_get_document      (CcWindow       *self);
/* Replaces the document (design taken). dirty: recovered, never-saved work. */
void                 cc_window_set_design        (CcWindow       *self,
                                                  CcDesign       *design,
                                                  GFile          *file,
                                                  gboolean        dirty);
gboolean             cc_window_load_file         (CcWindow       *self,
                                                  GFile          *file,
                                                  GError        **error);
gboolean             cc_window_save_file         (CcWindow       *self,
                                                  GFile          *file,
                                                  GError        **error);
/* Continue the autosave copy `id` (after a crash recovery). */
void                 cc_window_adopt_autosave    (CcWindow       *self,
                                                  const char     *id);
gboolean             cc_window_is_pristine       (CcWindow       *self);
/* A line in the status bar; error=TRUE marks it as a problem. */
void                 cc_window_show_message      (CcWindow       *self,
                                                  const char     *message,
                                                  gboolean        error);

CcPalette           *cc_window_get_palette       (CcWindow       *self);
CcFormulationEditor *cc_window_get_editor        (CcWindow       *self);
CcViewPanel         *cc_window_get_view_panel    (CcWindow       *self);
CcResultsView       *cc_window_get_results       (CcWindow       *self);
CcPresetsGallery    *cc_window_get_presets       (CcWindow       *self);
CcPipeline          *cc_window_get_pipeline      (CcWindow       *self);
/* Pinned results and measured data drawn on the charts. */
CcOverlays          *cc_window_get_overlays      (CcWindow       *self);

G_END_DECLS
