/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Files in the Explore window: a sweep file becomes a choice; a results
 * file is shown with the sweep it came from when one matches (the chosen
 * sweeps, sweep files beside it, the examples).
 */
#include "cc-explore-window-private.h"

#include <glib/gi18n.h>

gboolean
cc_explore_window_open_sweep (CcExploreWindow  *self,
                              GFile            *file,
                              GError          **error)
{
  g_autofree char *path = g_file_get_path (file);
  CcExploreChoice *choice;
  guint k;

  g_return_val_if_fail (CC_IS_EXPLORE_WINDOW (self) && G_IS_FILE (file), FALSE);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Sweeps can only be read from local files"));
      return FALSE;
    }
  choice = cc_explore_choice_load (path, error);
  if (choice == NULL)
    return FALSE;
  /* Results on show that belong to this sweep keep their file. */
  if (self->grid != NULL && cc_sweep_grid_get_sweep (self->grid) == NULL && cc_sweep_grid_get_n_records (self->grid) > 0
      && cc_sweep_grid_set_sweep (self->grid, choice->sweep, NULL))
    {
      CcSweepGrid *grid = g_steal_pointer (&self->grid);
      g_autofree char *results = g_strdup (self->results_path);

      k = cc_explore_window_add_choice (self, choice);
      self->updating = TRUE;
      gtk_drop_down_set_selected (self->sweep_dropdown, k);
      self->updating = FALSE;
      cc_explore_window_describe_choice (self);
      g_clear_pointer (&self->sweep, cc_sweep_unref);
      self->sweep = cc_sweep_ref (cc_sweep_grid_get_sweep (grid));
      cc_explore_window_update_points (self);
      cc_explore_window_set_grid (self, grid, results);
      return TRUE;
    }
  k = cc_explore_window_add_choice (self, choice);
  gtk_drop_down_set_selected (self->sweep_dropdown, k);
  cc_explore_window_choose (self);
  return TRUE;
}

gboolean
cc_explore_window_open_results (CcExploreWindow  *self,
                                GFile            *file,
                                GError          **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  g_autoptr(CcSweep) sweep = NULL;
  CcSweepGrid *grid;

  g_return_val_if_fail (CC_IS_EXPLORE_WINDOW (self) && G_IS_FILE (file), FALSE);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Results can only be read from local files"));
      return FALSE;
    }
  if (cc_explore_window_is_running (self))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_BUSY, _("Stop the running sweep first"));
      return FALSE;
    }
  grid = cc_explore_load_results (path, NULL, NULL, error);
  if (grid == NULL)
    return FALSE;
  if (self->sweep != NULL)
    g_ptr_array_add (candidates, self->sweep);
  for (guint i = 0; i < self->choices->len; i++)
    if (((CcExploreChoice *) g_ptr_array_index (self->choices, i))->sweep != NULL)
      g_ptr_array_add (candidates, ((CcExploreChoice *) g_ptr_array_index (self->choices, i))->sweep);
  sweep = cc_explore_find_sweep (grid, candidates, path);
  if (sweep != NULL && cc_sweep_grid_set_sweep (grid, sweep, NULL))
    {
      guint k = cc_explore_window_add_choice (self, cc_explore_choice_new (sweep, NULL));

      self->updating = TRUE;
      gtk_drop_down_set_selected (self->sweep_dropdown, k);
      self->updating = FALSE;
      cc_explore_window_describe_choice (self);
    }
  g_clear_pointer (&self->sweep, cc_sweep_unref);
  self->sweep = sweep != NULL ? cc_sweep_ref (sweep) : NULL;
  cc_explore_window_update_points (self);
  cc_explore_window_update_actions (self);
  cc_explore_window_set_grid (self, grid, path);
  return TRUE;
}

static void
on_file_response (GtkNativeDialog *dialog,
                  int              response,
                  CcExploreWindow *self)
{
  gboolean results = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "results"));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL)
    {
      gboolean ok = results ? cc_explore_window_open_results (self, file, &error)
                            : cc_explore_window_open_sweep (self, file, &error);

      cc_explore_window_status (self, ok ? NULL : error->message, !ok);
    }
  g_clear_object (&self->file_dialog);
}

static void
choose_file (CcExploreWindow *self,
             gboolean         results)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (results ? _("Open Sweep Results") : _("Open a Sweep"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, results ? _("Sweep results (JSON Lines)") : _("Sweep files (JSON)"));
  gtk_file_filter_add_suffix (filter, results ? "jsonl" : "json");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "results", GINT_TO_POINTER (results));
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_response), self);
  g_clear_object (&self->file_dialog);
  self->file_dialog = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->file_dialog);
}

static void
action_open_results (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       data)
{
  choose_file (data, TRUE);
}

static void
action_open_sweep (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       data)
{
  choose_file (data, FALSE);
}

void
cc_explore_files_actions_init (CcExploreWindow *self)
{
  static const GActionEntry entries[] = {
    { "open-results", action_open_results, NULL, NULL, NULL, { 0 } },
    { "open-sweep", action_open_sweep, NULL, NULL, NULL, { 0 } },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
}
