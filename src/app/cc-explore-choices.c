/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Explore window's chart choices: which metric colours the map, which
 * sweep axes run along x and y, where each other axis is held (or that the
 * map averages over it), and the two metrics of the Pareto chart.
 */
#include "cc-explore-window-private.h"

#include <glib/gi18n.h>

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
  cc_explore_charts_update_map (self);
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

void
cc_explore_choices_rebuild (CcExploreWindow *self)
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
  cc_explore_charts_update_map (self);
}

static void
on_metric_selected (CcExploreWindow *self)
{
  if (self->updating)
    return;
  self->map_metric = gtk_drop_down_get_selected (self->metric_dropdown);
  cc_explore_charts_update_map (self);
}

static void
on_pareto_selected (CcExploreWindow *self)
{
  if (self->updating)
    return;
  self->pareto_x = gtk_drop_down_get_selected (self->pareto_x_dropdown);
  self->pareto_y = gtk_drop_down_get_selected (self->pareto_y_dropdown);
  cc_explore_charts_update_pareto (self);
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
  cc_explore_charts_update_map (self);
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
  cc_explore_charts_update_map (self);
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
  cc_explore_charts_update_pareto (self);
}

void
cc_explore_choices_init (CcExploreWindow *self)
{
  fill_metric_dropdowns (self);
  g_signal_connect_object (self->x_dropdown, "notify::selected", G_CALLBACK (on_axis_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->y_dropdown, "notify::selected", G_CALLBACK (on_axis_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->metric_dropdown, "notify::selected", G_CALLBACK (on_metric_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pareto_x_dropdown, "notify::selected", G_CALLBACK (on_pareto_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pareto_y_dropdown, "notify::selected", G_CALLBACK (on_pareto_selected), self,
                           G_CONNECT_SWAPPED);
}
