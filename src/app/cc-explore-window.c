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
    text = g_strdup_printf (_("%u of %u points computed: %u ok, %u invalid, %u failed"), n,
                            (guint) expected, ok, invalid, failed);
  else if (n > 0)
    text = g_strdup_printf (_("%u results: %u ok, %u invalid, %u failed"), n, ok, invalid, failed);
  gtk_label_set_text (self->run_status, text != NULL ? text : "");
}

void
cc_explore_window_update_points (CcExploreWindow *self)
{
  g_autoptr(GString) grid = g_string_new (NULL);
  g_autofree char *text = NULL;

  if (self->sweep != NULL)
    {
      for (guint a = 0; a < cc_sweep_get_n_axes (self->sweep); a++)
        if (cc_sweep_axis_get_n_values (self->sweep, a) > 1)
          g_string_append_printf (grid, "%s%u", grid->len > 0 ? " × " : "", cc_sweep_axis_get_n_values (self->sweep, a));
      /* TRANSLATORS: "7 × 5 designs × 3 replicates = 105 points" */
      text = g_strdup_printf (_("%s designs × %u replicates = %u points"), grid->len > 0 ? grid->str : "1",
                              cc_sweep_get_replicates (self->sweep), (guint) cc_sweep_get_n_points (self->sweep));
    }
  gtk_label_set_text (self->points_label, text != NULL ? text : "");
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
    cc_explore_choices_rebuild (self);
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
  cc_explore_window_update_points (self);
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

void
cc_explore_window_describe_choice (CcExploreWindow *self)
{
  CcExploreChoice *c = selected_choice (self);

  if (c == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->around), c->sweep == NULL);
  gtk_label_set_text (self->sweep_description,
                      c->sweep == NULL ? _("Two fields of the design in the design window, each over a range.")
                                       : c->description != NULL ? c->description : "");
}

void
cc_explore_window_choose (CcExploreWindow *self)
{
  CcExploreChoice *c = selected_choice (self);
  g_autoptr(CcWindow) parent = NULL;

  if (self->updating || c == NULL)
    return;
  cc_explore_window_describe_choice (self);
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

guint
cc_explore_window_add_choice (CcExploreWindow *self,
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
  cc_explore_export_actions_init (self);
  cc_explore_files_actions_init (self);
  cc_explore_charts_init (self);
  cc_explore_choices_init (self);
  init_choices (self);
  update_evaluator_label (self);

  g_signal_connect_object (self->sweep_dropdown, "notify::selected", G_CALLBACK (cc_explore_window_choose), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->around, "changed", G_CALLBACK (on_around_changed), self, G_CONNECT_SWAPPED);
}

CcExploreWindow *
cc_explore_window_new (CcWindow *parent)
{
  GtkApplication *app = parent != NULL ? gtk_window_get_application (GTK_WINDOW (parent)) : NULL;
  CcExploreWindow *self = g_object_new (CC_TYPE_EXPLORE_WINDOW, "application", app, NULL);

  g_weak_ref_set (&self->parent, parent);
  cc_explore_window_choose (self);
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
        cc_explore_window_choose (self);
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
  cc_explore_window_choose (self);
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
    cc_explore_window_choose (self);
  else
    gtk_drop_down_set_selected (self->sweep_dropdown, position);
}

GtkWidget *
cc_explore_window_get_around (CcExploreWindow *self)
{
  g_return_val_if_fail (CC_IS_EXPLORE_WINDOW (self), NULL);
  return GTK_WIDGET (self->around);
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
