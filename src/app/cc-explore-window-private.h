/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by cc-explore-window.c (layout, sweeps, choices, files),
 * cc-explore-window-run.c (background runs, streaming) and
 * cc-explore-charts.c (charts, readouts, clicks, opening designs, export).
 */
#pragma once

#include "cc-explore-window.h"
#include "cc-explore-around.h"
#include "cc-explore-run.h"
#include "cc-explore-sources.h"
#include "cc-chart-view.h"

G_BEGIN_DECLS

struct _CcExploreWindow {
  GtkApplicationWindow    parent_instance;

  /* template */
  GtkDropDown            *sweep_dropdown;
  GtkLabel               *sweep_description;
  CcExploreAround        *around;
  GtkLabel               *points_label;
  GtkLabel               *evaluator_label;
  GtkWidget              *run_button;
  GtkWidget              *stop_button;
  GtkProgressBar         *progress_bar;
  GtkLabel               *run_status;
  GtkDropDown            *x_dropdown;
  GtkDropDown            *y_dropdown;
  GtkDropDown            *metric_dropdown;
  GtkBox                 *others_box;
  GtkDropDown            *pareto_x_dropdown;
  GtkDropDown            *pareto_y_dropdown;
  GtkWidget              *notice_box;
  GtkLabel               *notice_label;
  GtkStack               *content_stack;
  GtkStack               *view_stack;
  CcChartView            *map_view;
  CcChartView            *pareto_view;
  GtkLabel               *status_label;
  GtkLabel               *empty_label;

  GWeakRef                parent;             /* CcWindow */
  GPtrArray              *choices;            /* CcExploreChoice* */
  GtkStringList          *choice_titles;
  const CcSweepEvaluator *evaluator;
  CcSweep                *sweep;              /* of the grid, may be NULL */
  CcSweepGrid            *grid;
  char                   *results_path;       /* the file the grid shows */
  GArray                 *x_axes;             /* guint: grid axes offered for x (and y) */
  int                    *fixed;              /* per grid axis */
  GPtrArray              *fixed_dropdowns;    /* GtkDropDown* per grid axis, NULL for x/y/single */
  guint                   map_metric, pareto_x, pareto_y;
  guint                   x_axis;
  int                     y_axis;
  gboolean                updating;
  CcExploreRun           *run;
  gint64                  last_redraw_us;
  gint64                  redraw_cost_us;     /* of the last full update */
  guint                   redraw_id;
  GtkWidget              *cell_popover;
  GtkNativeDialog        *file_dialog;
  char                   *notice;
};

/* cc-explore-window.c */
void      cc_explore_window_set_grid       (CcExploreWindow *self,
                                            CcSweepGrid     *grid,
                                            const char      *results_path);
void      cc_explore_window_update_counts  (CcExploreWindow *self);
void      cc_explore_window_update_actions (CcExploreWindow *self);
void      cc_explore_window_status         (CcExploreWindow *self,
                                            const char      *message,
                                            gboolean         error);
gboolean  cc_explore_window_results_are_predictions (CcExploreWindow *self);
/* The sweep choices: the selected one shown (cc_explore_window_choose), a
 * new one added before "around the design" (its position returned). */
void      cc_explore_window_choose         (CcExploreWindow *self);
guint     cc_explore_window_add_choice     (CcExploreWindow *self,
                                            CcExploreChoice *choice);
void      cc_explore_window_describe_choice (CcExploreWindow *self);
void      cc_explore_window_update_points  (CcExploreWindow *self);

/* cc-explore-choices.c */
void      cc_explore_choices_init          (CcExploreWindow *self);
/* The grid changed: offer its axes, hold the others at the base value. */
void      cc_explore_choices_rebuild       (CcExploreWindow *self);

/* cc-explore-files.c */
void      cc_explore_files_actions_init    (CcExploreWindow *self);

/* cc-explore-window-run.c */
void      cc_explore_window_run_dispose    (CcExploreWindow *self);

/* cc-explore-charts.c */
void      cc_explore_charts_init           (CcExploreWindow *self);
void      cc_explore_charts_dispose        (CcExploreWindow *self);
/* Rebuild both charts from the grid now, or one of them (its choices changed). */
void      cc_explore_charts_update         (CcExploreWindow *self);
void      cc_explore_charts_update_map     (CcExploreWindow *self);
void      cc_explore_charts_update_pareto  (CcExploreWindow *self);
/* Rebuild soon: at most a few times a second while results stream in. */
void      cc_explore_charts_queue_update   (CcExploreWindow *self);
/* Why a chart is not there (NULL if it is, or nothing is on show). */
const char *cc_explore_charts_get_message  (CcExploreWindow *self,
                                            gboolean         pareto);

/* cc-explore-export.c */
void      cc_explore_export_actions_init   (CcExploreWindow *self);

G_END_DECLS
