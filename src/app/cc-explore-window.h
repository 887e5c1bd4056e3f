/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Explore view: design-space screening in a window of its own, opened
 * from a design window (win.explore). Pick a sweep (an example, a sweep
 * file, or two fields around the current design), run it in the background
 * with the build's simulation evaluator, or open a results file (from
 * cathode-composer-cli sweep, a cluster, an earlier run). The map shows one
 * metric over two axes of the sweep (other axes fixed or averaged), filling
 * in as points complete; the Pareto page shows two metrics with the front.
 * A click on a cell or a point opens that design in the design window.
 *
 * Actions (win.*): open-results, open-sweep, run, stop, export (s: map-png,
 * map-svg, map-pdf, map-csv, pareto-png, pareto-svg, pareto-pdf,
 * pareto-csv, results).
 */
#pragma once

#include <gtk/gtk.h>
#include "cc-chart-sweep.h"
#include "cc-sweep-metrics.h"
#include "cc-window.h"

G_BEGIN_DECLS

#define CC_TYPE_EXPLORE_WINDOW (cc_explore_window_get_type ())
G_DECLARE_FINAL_TYPE (CcExploreWindow, cc_explore_window, CC, EXPLORE_WINDOW, GtkApplicationWindow)

/* The Explore window of @parent (created on first use) for its design. */
CcExploreWindow *cc_explore_window_show_for      (CcWindow          *parent);
CcExploreWindow *cc_explore_window_new           (CcWindow          *parent);

/* The evaluator runs use: by default the registry's default (none in a
 * build without the models). Tests set a fixture here; its results are
 * then labelled as such. */
void             cc_explore_window_set_evaluator (CcExploreWindow        *self,
                                                  const CcSweepEvaluator *evaluator);
/* Shows a results file; the sweep it came from is looked for (the chosen
 * one, sweep files beside it, the examples). */
gboolean         cc_explore_window_open_results  (CcExploreWindow   *self,
                                                  GFile             *file,
                                                  GError           **error);
gboolean         cc_explore_window_open_sweep    (CcExploreWindow   *self,
                                                  GFile             *file,
                                                  GError           **error);
/* Selects the example sweep or "around the design" entry by position. */
guint            cc_explore_window_get_n_sweeps  (CcExploreWindow   *self);
void             cc_explore_window_select_sweep  (CcExploreWindow   *self,
                                                  guint              position);
GtkWidget       *cc_explore_window_get_around    (CcExploreWindow   *self);
gboolean         cc_explore_window_run           (CcExploreWindow   *self,
                                                  GError           **error);
void             cc_explore_window_stop          (CcExploreWindow   *self);
gboolean         cc_explore_window_is_running    (CcExploreWindow   *self);

/* The map's choices: axes by grid index (y -1: one row), fixed[axis] a
 * value index or -1 to average. */
void             cc_explore_window_set_map       (CcExploreWindow   *self,
                                                  guint              metric,
                                                  guint              x_axis,
                                                  int                y_axis);
void             cc_explore_window_set_fixed     (CcExploreWindow   *self,
                                                  guint              axis,
                                                  int                value);
void             cc_explore_window_set_pareto    (CcExploreWindow   *self,
                                                  guint              x_metric,
                                                  guint              y_metric);

CcSweepGrid     *cc_explore_window_get_grid      (CcExploreWindow   *self);
const CcSweepMap *cc_explore_window_get_map      (CcExploreWindow   *self);
const CcSweepPareto *cc_explore_window_get_pareto (CcExploreWindow  *self);
CcChart         *cc_explore_window_get_chart     (CcExploreWindow   *self,
                                                  gboolean           pareto);
GtkWidget       *cc_explore_window_get_view      (CcExploreWindow   *self,
                                                  gboolean           pareto);
/* Where data (x, y) of a chart lands in its view (pixels). */
gboolean         cc_explore_window_data_to_view  (CcExploreWindow   *self,
                                                  gboolean           pareto,
                                                  double             x,
                                                  double             y,
                                                  double            *px,
                                                  double            *py);
/* What a click at (x, y) in a view does (opens a design, or offers the
 * designs of an averaged cell); the design window it went to, if any. */
CcWindow        *cc_explore_window_click         (CcExploreWindow   *self,
                                                  gboolean           pareto,
                                                  double             x,
                                                  double             y);
/* Builds the design of a sweep point and opens it in the design window
 * (a new one when that has unsaved changes). */
CcWindow        *cc_explore_window_open_point    (CcExploreWindow   *self,
                                                  guint64            index,
                                                  GError           **error);
gboolean         cc_explore_window_export        (CcExploreWindow   *self,
                                                  const char        *target,
                                                  GFile             *file,
                                                  GError           **error);
/* The notice above the charts (evaluator, fixture warning, missing sweep). */
const char      *cc_explore_window_get_notice    (CcExploreWindow   *self);

G_END_DECLS
