/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where the Explore view's sweeps and results come from: the example sweeps
 * shipped with the app (data/sweeps, compiled into the GResource), sweep
 * files, the results file a run writes (one per sweep and evaluator, so a
 * second run of the same sweep resumes), and the sweep a results file came
 * from. No GTK.
 */
#pragma once

#include "cc-chart-sweep.h"
#include "cc-sweep-metrics.h"

G_BEGIN_DECLS

/* A sweep offered in the Explore view. */
typedef struct {
  char    *title;
  char    *description;   /* the sweep file's, may be NULL */
  CcSweep *sweep;         /* NULL: "around the current design" */
} CcExploreChoice;

CcExploreChoice *cc_explore_choice_new       (CcSweep     *sweep,
                                              const char  *description);
void             cc_explore_choice_free      (CcExploreChoice *choice);
/* A sweep file as a choice; NULL with the loader's message. */
CcExploreChoice *cc_explore_choice_load      (const char  *path,
                                              GError     **error);

/* The example sweeps (CcExploreChoice*), in file-name order. */
GPtrArray  *cc_explore_example_sweeps   (void);

/* $XDG_DATA_HOME/cathode-composer/sweeps/NAME-HASH.jsonl: the hash covers the
 * base design, every axis and its values, the replicates and the evaluator,
 * so two sweeps never share a file and the same sweep always finds its own. */
char       *cc_explore_results_path     (CcSweep                *sweep,
                                         const char             *evaluator);

/* Reads a results file into a new grid (a cut-off last line is dropped;
 * *valid_bytes says how much was read). @sweep (optional) must match. */
CcSweepGrid *cc_explore_load_results    (const char             *path,
                                         CcSweep                *sweep,
                                         gsize                  *valid_bytes,
                                         GError                **error);

/* The sweep the grid's results belong to: @candidates first (CcSweep*,
 * may be NULL), then the sweep files (*.json) next to @results_path, then
 * the examples. NULL if none matches. */
CcSweep    *cc_explore_find_sweep       (CcSweepGrid            *grid,
                                         GPtrArray              *candidates,
                                         const char             *results_path);

/* Whether results of @name may be shown as predictions: FALSE for a test
 * fixture (registered as one, or the CLI's documented "analytic-test", which
 * the app does not link). */
gboolean    cc_explore_evaluator_is_model (const char           *name);

G_END_DECLS
