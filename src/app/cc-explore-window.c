/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Explore window: the sweep choices, the grid on show and the map's
 * and Pareto chart's choices. Runs live in cc-explore-window-run.c, charts,
 * clicks and export in cc-explore-charts.c.
 */
#include "cc-explore-window-private.h"
#include "cc-application.h"

#include <glib/gi18n.h>

#define WINDOW_KEY "cc-explore-window"

G_DEFINE_FINAL_TYPE (CcExploreWindow, cc_explore_window, GTK_TYPE_APPLICATION_WINDOW)

/* ---- messages ------------------------------------------------------------------ */

void
cc_explore_window_status (CcExploreWindow *self,
                          const char      *message,
                          gboolean         error)
{
  gtk_label_set_text (self->status_label, message != NULL ? message : "");
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

gboolean
cc_explore_window_results_are_predictions (CcExploreWindow *self)
{
  const char *name = self->grid != NULL ? cc_sweep_grid_get_evaluator (self->grid) : NULL;

  return name == NULL || cc_explore_evaluator_is_model (name);
}

static void
set_notice (CcExploreWindow *self,
            const char      *text,
            gboolean         warning)
{
  g_free (self->notice);
  self->notice = g_strdup (text);
  gtk_widget_set_visible (self->notice_box, text != NULL);
  gtk_label_set_text (self->notice_label, text != NULL ? text : "");
  gtk_widget_set_css_classes (self->notice_box, (const char *[]) { warning ? "validation-banner" : "notice", NULL });
}

static void
update_notice (CcExploreWindow *self)
{
  const char *evaluator = self->grid != NULL ? cc_sweep_grid_get_evaluator (self->grid) : NULL;
  g_autofree char *text = NULL;

  if (evaluator != NULL && !cc_explore_window_results_are_predictions (self))
    text = g_strdup_printf (_("These results come from “%s”, a test fixture: a made-up function that checks the "
                              "software. They are not predictions."), evaluator);
  else if (self->grid != NULL && cc_sweep_grid_get_sweep (self->grid) == NULL)
    text = g_strdup (_("The sweep these results come from was not found, so designs cannot be opened from the "
                       "map. Open its sweep file (Open Sweep…) to match them."));
  if (text != NULL)
    {
      set_notice (self, text, TRUE);
      return;
    }
  if (evaluator != NULL && self->results_path != NULL)
    {
      g_autofree char *base = g_path_get_basename (self->results_path);

      text = g_strdup_printf (_("Model output computed by “%s” (%s). Predictions, not measurements."), evaluator,
                              base);
    }
  set_notice (self, text, FALSE);
}

static void
update_evaluator_label (CcExploreWindow *self)
{
  g_autofree char *text = NULL;

  if (self->evaluator == NULL)
    text = g_strdup (_("No simulation evaluator in this build — open a results file produced by "
                       "cathode-composer-cli sweep instead."));
  else if (self->evaluator->is_test)
    text = g_strdup_printf (_("Runs use “%s”, a TEST FIXTURE: its numbers are not predictions."),
                            self->evaluator->name);
  else
    text = g_strdup_printf (_("Runs use the evaluator “%s”."), self->evaluator->name);
  gtk_label_set_text (self->evaluator_label, text);
  if (self->evaluator == NULL || self->evaluator->is_test)
    gtk_widget_add_css_class (GTK_WIDGET (self->evaluator_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->evaluator_label), "warning");
}

void
cc_explore_window_update_counts (CcExploreWindow *self)
{
  guint ok = 0, invalid = 0, failed = 0, n = 0;
  guint64 expected = 0;
  g_autofree char *text = NULL;

  update_notice (self);
  if (self->grid != NULL)
    {
      cc_sweep_grid_count (self->grid, &ok, &invalid, &failed);
      n = cc_sweep_grid_get_n_records (self->grid);
      expected = cc_sweep_grid_get_n_expected (self->grid);
    }
  if (expected > 0)
    text = g_strdup_printf (_("%u of %" G_GUINT64_FORMAT " points computed: %u ok, %u invalid, %u failed"), n,
                            expected, ok, invalid, failed);
  else if (n > 0)
    text = g_strdup_printf (_("%u results: %u ok, %u invalid, %u failed"), n, ok, invalid, failed);
  gtk_label_set_text (self->run_status, text != NULL ? text : "");
}

static void
update_points_label (CcExploreWindow *self)
{
  GString *s = g_string_new (NULL);

  if (self->sweep != NULL)
    {
      for (guint a = 0; a < cc_sweep_get_n_axes (self->sweep); a++)
        if (cc_sweep_axis_get_n_values (self->sweep, a) > 1)
          g_string_append_printf (s, "%s%u", s->len > 0 ? " × " : "", cc_sweep_axis_get_n_values (self->sweep, a));
      g_string_append_printf (s, _(" designs × %u replicates = %" G_GUINT64_FORMAT " points"),
                              cc_sweep_get_replicates (self->sweep), cc_sweep_get_n_points (self->sweep));
    }
  gtk_label_set_text (self->points_label, s->str);
  g_string_free (s, TRUE);
}

void
cc_explore_window_update_actions (CcExploreWindow *self)
{
  gboolean running = cc_explore_window_is_running (self);
  const char *enable_idle[] = { "open-results", "open-sweep" };

  for (guint i = 0; i < G_N_ELEMENTS (enable_idle); i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), enable_idle[i])),
                                 !running);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "run")),
                               !running && self->evaluator != NULL && self->sweep != NULL);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "stop")), running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sweep_dropdown), !running);
  gtk_widget_set_sensitive (GTK_WIDGET (self->around), !running);
}

/* ---- the map's choices ----------------------------------------------------------- */

static char *
plain_axis_title (CcSweepGrid *grid,
                  guint        axis)
{
  g_autofree char *markup = cc_sweep_grid_axis_title (grid, axis);

  return cc_markup_to_text (markup);
}

static void
on_fixed_selected (CcExploreWindow *self,
                   GParamSpec      *pspec,
                   GtkDropDown     *dropdown)
{
  guint axis = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "axis"));
  guint k = gtk_drop_down_get_selected (dropdown);

  if (self->updating || self->fixed == NULL)
    return;
  /* Entry 0 is the mean over the axis. */
  self->fixed[axis] = k == 0 ? -1 : (int) k - 1;
  cc_explore_charts_update (self);
}

static GtkWidget *
fixed_row (CcExploreWindow *self,
           guint            axis)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *title = plain_axis_title (self->grid, axis);
  GtkWidget *label = gtk_label_new (title);
  g_autoptr(GtkStringList) values = gtk_string_list_new (NULL);
  GtkWidget *dropdown;

  gtk_string_list_append (values, _("Mean over all values"));
  for (guint k = 0; k < cc_sweep_grid_axis_n_values (self->grid, axis); k++)
    {
      g_autofree char *markup = cc_sweep_grid_value_markup (self->grid, axis, k);
      g_autofree char *text = cc_markup_to_text (markup);

      gtk_string_list_append (values, text);
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&values)), NULL);
  g_object_set_data (G_OBJECT (dropdown), "axis", GUINT_TO_POINTER (axis));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), (guint) (self->fixed[axis] + 1));
  gtk_widget_set_tooltip_text (dropdown, _("Hold this field at one value, or average the map over it"));
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_fixed_selected), self, G_CONNECT_SWAPPED);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), dropdown);
  g_ptr_array_index (self->fixed_dropdowns, axis) = dropdown;
  return box;
}

static void
rebuild_others (CcExploreWindow *self)
{
  GtkWidget *child;
  guint n = self->grid != NULL ? cc_sweep_grid_get_n_axes (self->grid) : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->others_box))) != NULL)
    gtk_box_remove (self->others_box, child);
  g_ptr_array_set_size (self->fixed_dropdowns, 0);
  g_ptr_array_set_size (self->fixed_dropdowns, n);
  for (guint a = 0; a < n; a++)
    if (a != self->x_axis && (int) a != self->y_axis && cc_sweep_grid_axis_n_values (self->grid, a) > 1)
      gtk_box_append (self->others_box, fixed_row (self, a));
}

static void
sync_axis_dropdowns (CcExploreWindow *self)
{
  self->updating = TRUE;
  for (guint i = 0; i < self->x_axes->len; i++)
    {
      if (g_array_index (self->x_axes, guint, i) == self->x_axis)
        gtk_drop_down_set_selected (self->x_dropdown, i);
      if ((int) g_array_index (self->x_axes, guint, i) == self->y_axis)
        gtk_drop_down_set_selected (self->y_dropdown, i);
    }
  if (self->y_axis < 0)
    gtk_drop_down_set_selected (self->y_dropdown, self->x_axes->len);
  self->updating = FALSE;
}

static void
rebuild_axis_choices (CcExploreWindow *self)
{
  g_autoptr(GtkStringList) xs = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) ys = gtk_string_list_new (NULL);
  guint n = cc_sweep_grid_get_n_axes (self->grid);

  g_array_set_size (self->x_axes, 0);
  for (guint a = 0; a < n; a++)
    if (cc_sweep_grid_axis_n_values (self->grid, a) > 1)
      {
        g_autofree char *title = plain_axis_title (self->grid, a);

        g_array_append_val (self->x_axes, a);
        gtk_string_list_append (xs, title);
        gtk_string_list_append (ys, title);
      }
  gtk_string_list_append (ys, _("None (one row)"));
  /* The two first axes that vary, the others held at the base design's value. */
  self->x_axis = self->x_axes->len > 0 ? g_array_index (self->x_axes, guint, 0) : 0;
  self->y_axis = self->x_axes->len > 1 ? (int) g_array_index (self->x_axes, guint, 1) : -1;
  g_free (self->fixed);
  self->fixed = g_new (int, MAX (n, 1));
  for (guint a = 0; a < n; a++)
    self->fixed[a] = (int) cc_sweep_grid_axis_default (self->grid, a);
  self->updating = TRUE;
  gtk_drop_down_set_model (self->x_dropdown, G_LIST_MODEL (xs));
  gtk_drop_down_set_model (self->y_dropdown, G_LIST_MODEL (ys));
  self->updating = FALSE;
  sync_axis_dropdowns (self);
  rebuild_others (self);
}

static void
on_axis_selected (CcExploreWindow *self,
                  GParamSpec      *pspec,
                  GtkDropDown     *dropdown)
{
  guint k = gtk_drop_down_get_selected (dropdown);
  guint old_x = self->x_axis;
  int old_y = self->y_axis;

  if (self->updating || self->grid == NULL)
    return;
  if (dropdown == self->x_dropdown && k < self->x_axes->len)
    {
      self->x_axis = g_array_index (self->x_axes, guint, k);
      if ((int) self->x_axis == self->y_axis)
        self->y_axis = (int) old_x;   /* picking Y's axis for X swaps them */
    }
  else if (dropdown == self->y_dropdown)
    {
      self->y_axis = k < self->x_axes->len ? (int) g_array_index (self->x_axes, guint, k) : -1;
      if (self->y_axis == (int) self->x_axis)
        {
          if (old_y < 0)
            {
              self->y_axis = old_y;
              sync_axis_dropdowns (self);
              return;
            }
          self->x_axis = (guint) old_y;
        }
    }
  sync_axis_dropdowns (self);
  rebuild_others (self);
  cc_explore_charts_update (self);
}

static void
on_metric_selected (CcExploreWindow *self)
{
  if (self->updating)
    return;
  self->map_metric = gtk_drop_down_get_selected (self->metric_dropdown);
  self->pareto_x = gtk_drop_down_get_selected (self->pareto_x_dropdown);
  self->pareto_y = gtk_drop_down_get_selected (self->pareto_y_dropdown);
  cc_explore_charts_update (self);
}

static void
fill_metric_dropdowns (CcExploreWindow *self)
{
  g_autoptr(GtkStringList) all = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) numeric = gtk_string_list_new (NULL);

  for (guint m = 0; m < CC_SWEEP_MAP_N_METRICS; m++)
    {
      g_autofree char *markup = cc_sweep_metric_title (m, 0);
      g_autofree char *text = cc_markup_to_text (markup);

      gtk_string_list_append (all, text);
      if (m < CC_SWEEP_N_METRICS)
        gtk_string_list_append (numeric, text);
    }
  self->map_metric = 0;
  self->pareto_x = 4;   /* energy per composite mass */
  self->pareto_y = 5;   /* retention */
  self->updating = TRUE;
  gtk_drop_down_set_model (self->metric_dropdown, G_LIST_MODEL (all));
  gtk_drop_down_set_model (self->pareto_x_dropdown, G_LIST_MODEL (numeric));
  gtk_drop_down_set_model (self->pareto_y_dropdown, G_LIST_MODEL (numeric));
  gtk_drop_down_set_selected (self->metric_dropdown, self->map_metric);
  gtk_drop_down_set_selected (self->pareto_x_dropdown, self->pareto_x);
  gtk_drop_down_set_selected (self->pareto_y_dropdown, self->pareto_y);
  self->updating = FALSE;
}

/* ---- the grid on show -------------------------------------------------------------- */

void
cc_explore_window_set_grid (CcExploreWindow *self,
                            CcSweepGrid     *grid,
                            const char      *results_path)
{
  g_autofree char *title = NULL;

  g_clear_pointer (&self->grid, cc_sweep_grid_free);
  self->grid = grid;
  g_free (self->results_path);
  self->results_path = g_strdup (results_path);
  if (grid != NULL)
    rebuild_axis_choices (self);
  cc_explore_window_update_counts (self);
  title = g_strdup_printf (_("Explore — %s"), self->sweep != NULL ? cc_sweep_get_name (self->sweep)
                                              : results_path != NULL ? results_path : _("Cathode Composer"));
  gtk_window_set_title (GTK_WINDOW (self), title);
  cc_explore_charts_update (self);
}

static CcWindow *
parent_window (CcExploreWindow *self)
{
  return g_weak_ref_get (&self->parent);
}

/* A sweep chosen: its earlier results (this sweep, this evaluator) come
 * back from the results file, so a stopped run shows what it had. */
static void
show_sweep (CcExploreWindow *self,
            CcSweep         *sweep)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  CcSweepGrid *grid = NULL;

  if (self->sweep != sweep)
    {
      g_clear_pointer (&self->sweep, cc_sweep_unref);
      self->sweep = sweep != NULL ? cc_sweep_ref (sweep) : NULL;
    }
  update_points_label (self);
  cc_explore_window_update_actions (self);
  if (sweep == NULL)
    {
      cc_explore_window_set_grid (self, NULL, NULL);
      return;
    }
  if (self->evaluator != NULL)
    path = cc_explore_results_path (sweep, self->evaluator->name);
  if (path != NULL && g_file_test (path, G_FILE_TEST_EXISTS))
    grid = cc_explore_load_results (path, sweep, NULL, &error);
  if (error != NULL)
    cc_explore_window_status (self, error->message, TRUE);
  cc_explore_window_set_grid (self, grid != NULL ? grid : cc_sweep_grid_new (sweep), path);
}

static void
show_around (CcExploreWindow *self)
{
  g_autoptr(CcSweep) sweep = NULL;
  g_autoptr(GError) error = NULL;

  sweep = cc_explore_around_build (self->around, &error);
  if (sweep == NULL)
    cc_explore_window_status (self, error->message, TRUE);
  show_sweep (self, sweep);
}

static CcExploreChoice *
selected_choice (CcExploreWindow *self)
{
  guint k = gtk_drop_down_get_selected (self->sweep_dropdown);

  return k < self->choices->len ? g_ptr_array_index (self->choices, k) : NULL;
}

static void
on_sweep_selected (CcExploreWindow *self)
{
  CcExploreChoice *c = selected_choice (self);
  g_autoptr(CcWindow) parent = NULL;

  if (self->updating || c == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->around), c->sweep == NULL);
  gtk_label_set_text (self->sweep_description,
                      c->sweep == NULL ? _("Two fields of the design in the design window, each over a range.")
                                       : c->description != NULL ? c->description : "");
  if (c->sweep != NULL)
    {
      show_sweep (self, c->sweep);
      return;
    }
  parent = parent_window (self);
  self->updating = TRUE;
  if (parent != NULL)
    cc_explore_around_set_design (self->around, cc_document_get_design (cc_window_get_document (parent)));
  else
    {
      g_autoptr(CcDesign) d = cc_design_new_default ();
      cc_explore_around_set_design (self->around, d);
    }
  self->updating = FALSE;
  show_around (self);
}

static void
on_around_changed (CcExploreWindow *self)
{
  CcExploreChoice *c = selected_choice (self);

  if (!self->updating && c != NULL && c->sweep == NULL)
    show_around (self);
}

static guint
add_choice (CcExploreWindow *self,
            CcExploreChoice *choice)
{
  for (guint i = 0; i < self->choices->len; i++)
    {
      CcExploreChoice *c = g_ptr_array_index (self->choices, i);

      if (c->sweep != NULL && choice->sweep != NULL && c->sweep == choice->sweep)
        {
          cc_explore_choice_free (choice);
          return i;
        }
    }
  /* Before "around the current design", which stays last. */
  g_ptr_array_insert (self->choices, (int) self->choices->len - 1, choice);
  self->updating = TRUE;
  gtk_string_list_splice (self->choice_titles, self->choices->len - 2, 0,
                          (const char * const[]) { choice->title, NULL });
  self->updating = FALSE;
  return self->choices->len - 2;
}

static void
init_choices (CcExploreWindow *self)
{
  g_autoptr(GPtrArray) examples = cc_explore_example_sweeps ();
  CcExploreChoice *around = cc_explore_choice_new (NULL, NULL);

  around->title = g_strdup (_("Around the current design…"));
  self->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) cc_explore_choice_free);
  self->choice_titles = gtk_string_list_new (NULL);
  for (guint i = 0; i < examples->len; i++)
    {
      CcExploreChoice *c = g_ptr_array_steal_index (examples, i--);

      g_ptr_array_add (self->choices, c);
      gtk_string_list_append (self->choice_titles, c->title);
    }
  g_ptr_array_add (self->choices, around);
  gtk_string_list_append (self->choice_titles, around->title);
  gtk_drop_down_set_model (self->sweep_dropdown, G_LIST_MODEL (self->choice_titles));
}

/* ---- files ------------------------------------------------------------------------- */

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

      k = add_choice (self, choice);
      self->updating = TRUE;
      gtk_drop_down_set_selected (self->sweep_dropdown, k);
      self->updating = FALSE;
      g_clear_pointer (&self->sweep, cc_sweep_unref);
      self->sweep = cc_sweep_ref (cc_sweep_grid_get_sweep (grid));
      update_points_label (self);
      cc_explore_window_set_grid (self, grid, results);
      return TRUE;
    }
  k = add_choice (self, choice);
  gtk_drop_down_set_selected (self->sweep_dropdown, k);
  on_sweep_selected (self);
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
      guint k = add_choice (self, cc_explore_choice_new (sweep, NULL));

      self->updating = TRUE;
      gtk_drop_down_set_selected (self->sweep_dropdown, k);
      gtk_widget_set_visible (GTK_WIDGET (self->around), FALSE);
      self->updating = FALSE;
    }
  g_clear_pointer (&self->sweep, cc_sweep_unref);
  self->sweep = sweep != NULL ? cc_sweep_ref (sweep) : NULL;
  update_points_label (self);
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

static void
action_run (GSimpleAction *action,
            GVariant      *param,
            gpointer       data)
{
  g_autoptr(GError) error = NULL;

  if (!cc_explore_window_run (data, &error))
    cc_explore_window_status (data, error->message, TRUE);
}

static void
action_stop (GSimpleAction *action,
             GVariant      *param,
             gpointer       data)
{
  cc_explore_window_stop (data);
}

static const GActionEntry entries[] = {
  { "open-results", action_open_results, NULL, NULL, NULL, { 0 } },
  { "open-sweep", action_open_sweep, NULL, NULL, NULL, { 0 } },
  { "run", action_run, NULL, NULL, NULL, { 0 } },
  { "stop", action_stop, NULL, NULL, NULL, { 0 } },
};

/* ---- GObject ----------------------------------------------------------------------- */

static void
cc_explore_window_dispose (GObject *object)
{
  CcExploreWindow *self = CC_EXPLORE_WINDOW (object);

  g_autoptr(CcWindow) parent = g_weak_ref_get (&self->parent);

  if (parent != NULL && g_object_get_data (G_OBJECT (parent), WINDOW_KEY) == self)
    g_object_steal_data (G_OBJECT (parent), WINDOW_KEY);
  cc_explore_window_run_dispose (self);
  cc_explore_charts_dispose (self);
  if (self->file_dialog != NULL)
    gtk_native_dialog_destroy (self->file_dialog);
  g_clear_object (&self->file_dialog);
  gtk_widget_dispose_template (GTK_WIDGET (object), CC_TYPE_EXPLORE_WINDOW);
  g_clear_pointer (&self->grid, cc_sweep_grid_free);
  g_clear_pointer (&self->sweep, cc_sweep_unref);
  g_clear_pointer (&self->choices, g_ptr_array_unref);
  g_clear_object (&self->choice_titles);
  g_clear_pointer (&self->x_axes, g_array_unref);
  g_clear_pointer (&self->fixed_dropdowns, g_ptr_array_unref);
  G_OBJECT_CLASS (cc_explore_window_parent_class)->dispose (object);
}

static void
cc_explore_window_finalize (GObject *object)
{
  CcExploreWindow *self = CC_EXPLORE_WINDOW (object);

  g_weak_ref_clear (&self->parent);
  g_free (self->results_path);
  g_free (self->fixed);
  g_free (self->notice);
  G_OBJECT_CLASS (cc_explore_window_parent_class)->finalize (object);
}

static void
cc_explore_window_class_init (CcExploreWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_explore_window_dispose;
  object_class->finalize = cc_explore_window_finalize;
  g_type_ensure (CC_TYPE_EXPLORE_AROUND);
  g_type_ensure (CC_TYPE_CHART_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cathodecomposer/CathodeComposer/ui/cc-explore-window.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, CcExploreWindow, name)
  BIND (sweep_dropdown);
  BIND (sweep_description);
  BIND (around);
  BIND (points_label);
  BIND (evaluator_label);
  BIND (run_button);
  BIND (stop_button);
  BIND (progress_bar);
  BIND (run_status);
  BIND (x_dropdown);
  BIND (y_dropdown);
  BIND (metric_dropdown);
  BIND (others_box);
  BIND (pareto_x_dropdown);
  BIND (pareto_y_dropdown);
  BIND (notice_box);
  BIND (notice_label);
  BIND (content_stack);
  BIND (view_stack);
  BIND (map_view);
  BIND (pareto_view);
  BIND (status_label);
  BIND (empty_label);
#undef BIND
}

static void
cc_explore_window_init (CcExploreWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_weak_ref_init (&self->parent, NULL);
  self->x_axes = g_array_new (FALSE, FALSE, sizeof (guint));
  self->fixed_dropdowns = g_ptr_array_new ();
  self->y_axis = -1;
  self->evaluator = cc_sweep_evaluator_get_default ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
  cc_explore_charts_actions_init (self);
  cc_explore_charts_init (self);
  fill_metric_dropdowns (self);
  init_choices (self);
  update_evaluator_label (self);

  g_signal_connect_object (self->sweep_dropdown, "notify::selected", G_CALLBACK (on_sweep_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->x_dropdown, "notify::selected", G_CALLBACK (on_axis_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->y_dropdown, "notify::selected", G_CALLBACK (on_axis_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->metric_dropdown, "notify::selected", G_CALLBACK (on_metric_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pareto_x_dropdown, "notify::selected", G_CALLBACK (on_metric_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pareto_y_dropdown, "notify::selected", G_CALLBACK (on_metric_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->around, "changed", G_CALLBACK (on_around_changed), self, G_CONNECT_SWAPPED);
}

CcExploreWindow *
cc_explore_window_new (CcWindow *parent)
{
  GtkApplication *app = parent != NULL ? gtk_window_get_application (GTK_WINDOW (parent)) : NULL;
  CcExploreWindow *self = g_object_new (CC_TYPE_EXPLORE_WINDOW, "application", app, NULL);

  g_weak_ref_set (&self->parent, parent);
  on_sweep_selected (self);
  return self;
}

CcExploreWindow *
cc_explore_window_show_for (CcWindow *parent)
{
  CcExploreWindow *self;

  g_return_val_if_fail (CC_IS_WINDOW (parent), NULL);
  self = g_object_get_data (G_OBJECT (parent), WINDOW_KEY);
  if (self == NULL)
    {
      self = cc_explore_window_new (parent);
      /* A plain pointer: the explore window lives until closed, and then
       * takes itself off (dispose). */
      g_object_set_data (G_OBJECT (parent), WINDOW_KEY, self);
    }
  else
    {
      CcExploreChoice *c = selected_choice (self);

      /* "Around the design" follows the edits made meanwhile. */
      if (c != NULL && c->sweep == NULL && !cc_explore_window_is_running (self))
        on_sweep_selected (self);
    }
  gtk_window_present (GTK_WINDOW (self));
  return self;
}

void
cc_explore_window_set_evaluator (CcExploreWindow        *self,
                                 const CcSweepEvaluator *evaluator)
{
  g_return_if_fail (CC_IS_EXPLORE_WINDOW (self));
  g_return_if_fail (!cc_explore_window_is_running (self));

  self->evaluator = evaluator;
  update_evaluator_label (self);
  on_sweep_selected (self);
}

guint
cc_explore_window_get_n_sweeps (CcExploreWindow *self)
{
  g_return_val_if_fail (CC_IS_EXPLORE_WINDOW (self), 0);
  return self->choices->len;
}

void
cc_explore_window_select_sweep (CcExploreWindow *self,
                                guint            position)
{
  g_return_if_fail (CC_IS_EXPLORE_WINDOW (self) && position < self->choices->len);
  if (gtk_drop_down_get_selected (self->sweep_dropdown) == position)
    on_sweep_selected (self);
  else
    gtk_drop_down_set_selected (self->sweep_dropdown, position);
}

GtkWidget *
cc_explore_window_get_around (CcExploreWindow *self)
{
  g_return_val_if_fail (CC_IS_EXPLORE_WINDOW (self), NULL);
  return GTK_WIDGET (self->around);
}

void
cc_explore_window_set_map (CcExploreWindow *self,
                           guint            metric,
                           guint            x_axis,
                           int              y_axis)
{
  g_return_if_fail (CC_IS_EXPLORE_WINDOW (self) && self->grid != NULL);
  g_return_if_fail (metric < CC_SWEEP_MAP_N_METRICS && x_axis < cc_sweep_grid_get_n_axes (self->grid));
  g_return_if_fail (y_axis < (int) cc_sweep_grid_get_n_axes (self->grid) && y_axis != (int) x_axis);

  self->map_metric = metric;
  self->x_axis = x_axis;
  self->y_axis = y_axis;
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->metric_dropdown, metric);
  self->updating = FALSE;
  sync_axis_dropdowns (self);
  rebuild_others (self);
  cc_explore_charts_update (self);
}

void
cc_explore_window_set_fixed (CcExploreWindow *self,
                             guint            axis,
                             int              value)
{
  GtkDropDown *dropdown;

  g_return_if_fail (CC_IS_EXPLORE_WINDOW (self) && self->grid != NULL);
  g_return_if_fail (axis < cc_sweep_grid_get_n_axes (self->grid));
  g_return_if_fail (value < (int) cc_sweep_grid_axis_n_values (self->grid, axis));

  self->fixed[axis] = value < 0 ? -1 : value;
  dropdown = g_ptr_array_index (self->fixed_dropdowns, axis);
  if (dropdown != NULL)
    {
      self->updating = TRUE;
      gtk_drop_down_set_selected (dropdown, (guint) (self->fixed[axis] + 1));
      self->updating = FALSE;
    }
  cc_explore_charts_update (self);
}

void
cc_explore_window_set_pareto (CcExploreWindow *self,
                              guint            x_metric,
                              guint            y_metric)
{
  g_return_if_fail (CC_IS_EXPLORE_WINDOW (self));
  g_return_if_fail (x_metric < CC_SWEEP_N_METRICS && y_metric < CC_SWEEP_N_METRICS);

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->pareto_x_dropdown, x_metric);
  gtk_drop_down_set_selected (self->pareto_y_dropdown, y_metric);
  self->updating = FALSE;
  self->pareto_x = x_metric;
  self->pareto_y = y_metric;
  cc_explore_charts_update (self);
}

CcSweepGrid *
cc_explore_window_get_grid (CcExploreWindow *self)
{
  g_return_val_if_fail (CC_IS_EXPLORE_WINDOW (self), NULL);
  return self->grid;
}

const char *
cc_explore_window_get_notice (CcExploreWindow *self)
{
  g_return_val_if_fail (CC_IS_EXPLORE_WINDOW (self), NULL);
  return self->notice;
}
