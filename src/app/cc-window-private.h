/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by cc-window.c (layout, document, state), cc-window-actions.c
 * (win.* actions, files, export) and cc-window-pipeline.c (simulation
 * status, snapshots, results).
 */
#pragma once

#include "cc-window.h"
#include "cc-autosave.h"
#include "cc-overlays.h"

G_BEGIN_DECLS

struct _CcWindow {
  GtkApplicationWindow  parent_instance;

  /* template */
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkPaned             *sidebar_paned;
  GtkPaned             *editor_paned;
  GtkPaned             *view_paned;
  GtkStack             *sidebar_stack;
  CcPalette            *palette;
  CcPresetsGallery     *presets;
  CcFormulationEditor  *editor;
  CcViewPanel          *view_panel;
  CcResultsView        *results;
  GtkImage             *status_icon;
  GtkLabel             *status_label;
  GtkProgressBar       *progress_bar;
  GtkWidget            *cancel_button;
  GMenu                *recent_submenu;

  CcDocument           *document;
  CcAutosaver          *autosaver;
  CcPipeline           *pipeline;
  GSettings            *settings;          /* NULL without the schema */
  GtkRecentManager     *recent;
  guint                 poll_id;
  guint                 last_serial;
  gboolean              close_confirmed;
  GtkNativeDialog      *file_dialog;
  CcOverlays           *overlays;          /* pins and measured data on the charts */
};

/* cc-window-actions.c */
void cc_window_actions_init     (CcWindow   *self);
void cc_window_update_actions   (CcWindow   *self);
void cc_window_rebuild_recent   (CcWindow   *self);
void cc_window_confirm_close    (CcWindow   *self);
void cc_window_add_recent       (CcWindow   *self,
                                 GFile      *file);
/* An alert with @heading and the error's message, also in the status bar. */
void cc_window_show_error       (CcWindow   *self,
                                 const char *heading,
                                 GError     *error);

/* cc-window-overlays.c: pins and measured data (win.pin-results, …) */
void cc_window_overlays_init    (CcWindow   *self);

/* cc-window-pipeline.c */
void cc_window_pipeline_init    (CcWindow   *self);
void cc_window_pipeline_dispose (CcWindow   *self);
/* The document changed: update colours, status and start a run. */
void cc_window_pipeline_design_changed (CcWindow *self);

G_END_DECLS
