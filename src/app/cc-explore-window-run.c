/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Running the chosen sweep from the Explore window: the results file is
 * the sweep's own (cc_explore_results_path), so a stopped run resumes;
 * results stream into the grid as the worker writes them.
 */
#include "cc-explore-window-private.h"

#include <glib/gi18n.h>

static void
take_new_records (CcExploreWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = cc_explore_run_read_new (self->run, &error);

  if (error != NULL)
    cc_explore_window_status (self, error->message, TRUE);
  if (self->grid == NULL)
    return;
  while (records->len > 0)
    {
      g_autoptr(GError) local = NULL;

      if (!cc_sweep_grid_add (self->grid, g_ptr_array_steal_index (records, 0), &local))
        cc_explore_window_status (self, local->message, TRUE);
    }
}

static void
on_progress (CcExploreWindow *self,
             CcExploreRun    *run)
{
  CcSweepProgress p;
  g_autofree char *text = NULL;
  guint64 finished;

  cc_explore_run_get_progress (run, &p);
  finished = p.resumed + p.done;
  if (p.total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, (double) finished / p.total);
  /* Sweeps hold at most 10⁸ points: guint is enough, and translators get
   * a plain %u. */
  text = g_strdup_printf (_("%u of %u points"), (guint) finished, (guint) p.total);
  gtk_progress_bar_set_text (self->progress_bar, text);
  take_new_records (self);
  cc_explore_window_update_counts (self);
  cc_explore_charts_queue_update (self);
}

static void
on_finished (CcExploreWindow *self,
             const GError    *error,
             CcExploreRun    *run)
{
  g_autoptr(GError) reload_error = NULL;
  CcSweepGrid *grid;

  /* A complete run has rewritten the file in index order: read it whole. */
  if (error == NULL && self->sweep != NULL
      && (grid = cc_explore_load_results (cc_explore_run_get_path (run), self->sweep, NULL, &reload_error)) != NULL)
    {
      g_clear_pointer (&self->grid, cc_sweep_grid_free);
      self->grid = grid;
    }
  else
    take_new_records (self);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  if (error == NULL)
    cc_explore_window_status (self, reload_error != NULL ? reload_error->message : _("Sweep complete"),
                              reload_error != NULL);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    cc_explore_window_status (self, _("Stopped. The points done so far are kept; run again to resume."), FALSE);
  else
    cc_explore_window_status (self, error->message, TRUE);
  g_signal_handlers_disconnect_by_data (run, self);
  g_clear_object (&self->run);
  cc_explore_window_update_actions (self);
  cc_explore_window_update_counts (self);
  cc_explore_charts_update (self);
}

gboolean
cc_explore_window_run (CcExploreWindow  *self,
                       GError          **error)
{
  g_autofree char *path = NULL;
  gsize valid = 0;
  CcSweepGrid *grid;

  g_return_val_if_fail (CC_IS_EXPLORE_WINDOW (self), FALSE);
  if (self->run != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY, _("A sweep is already running"));
      return FALSE;
    }
  if (self->evaluator == NULL)
    {
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_NO_EVALUATOR,
                   _("No simulation evaluator in this build — open a results file produced by "
                     "cathode-composer-cli sweep instead."));
      return FALSE;
    }
  if (self->sweep == NULL)
    {
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID, _("Choose a sweep first"));
      return FALSE;
    }
  /* Start from what the file holds now; the worker appends after it. */
  path = cc_explore_results_path (self->sweep, self->evaluator->name);
  grid = g_file_test (path, G_FILE_TEST_EXISTS) ? cc_explore_load_results (path, self->sweep, &valid, error)
                                                 : cc_sweep_grid_new (self->sweep);
  if (grid == NULL)
    return FALSE;
  cc_explore_window_set_grid (self, grid, path);

  self->run = cc_explore_run_new (self->sweep, self->evaluator, path, valid);
  g_signal_connect_object (self->run, "progress", G_CALLBACK (on_progress), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->run, "finished", G_CALLBACK (on_finished), self, G_CONNECT_SWAPPED);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, _("Starting…"));
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  cc_explore_window_status (self, _("Running…"), FALSE);
  cc_explore_run_start (self->run);
  cc_explore_window_update_actions (self);
  return TRUE;
}

void
cc_explore_window_stop (CcExploreWindow *self)
{
  g_return_if_fail (CC_IS_EXPLORE_WINDOW (self));
  if (self->run != NULL)
    cc_explore_run_cancel (self->run);
}

gboolean
cc_explore_window_is_running (CcExploreWindow *self)
{
  g_return_val_if_fail (CC_IS_EXPLORE_WINDOW (self), FALSE);
  return self->run != NULL;
}

void
cc_explore_window_run_dispose (CcExploreWindow *self)
{
  if (self->run == NULL)
    return;
  /* The worker finishes on its own (the task holds the run); nothing it
   * reports reaches this window any more. */
  cc_explore_run_cancel (self->run);
  g_signal_handlers_disconnect_by_data (self->run, self);
  g_clear_object (&self->run);
}
