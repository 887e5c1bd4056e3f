/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-results-view.h"

#include <glib/gi18n.h>

typedef struct {
  GtkStack    *stack;       /* "empty" | "chart" */
  CcChartView *chart;
  GtkLabel    *title;
  GtkLabel    *reason;
} Page;

struct _CcResultsView {
  GtkBox       parent_instance;

  GtkDropDown *chart_dropdown;
  GtkStack    *stack;
  GtkBox      *insights_list;
  Page         pages[CC_N_CHARTS];
};

G_DEFINE_FINAL_TYPE (CcResultsView, cc_results_view, GTK_TYPE_BOX)

static const struct {
  const char *id;
  const char *title;
  const char *icon;
} kinds[CC_N_CHARTS] = {
  [CC_CHART_VOLTAGE] = { "voltage", N_("Voltage"), "battery-good-symbolic" },
  [CC_CHART_CYCLING] = { "cycling", N_("Cycling"), "view-refresh-symbolic" },
  [CC_CHART_RATE] = { "rate", N_("Rate"), "power-profile-performance-symbolic" },
  [CC_CHART_RAGONE] = { "ragone", N_("Ragone"), "x-office-spreadsheet-symbolic" },
  [CC_CHART_NYQUIST] = { "nyquist", N_("Nyquist"), "x-office-spreadsheet-symbolic" },
  [CC_CHART_BODE] = { "bode", N_("Bode"), "x-office-spreadsheet-symbolic" },
  [CC_CHART_DRT] = { "drt", N_("DRT"), "x-office-spreadsheet-symbolic" },
  [CC_CHART_STABILITY] = { "stability", N_("Stability"), "dialog-warning-symbolic" },
  [CC_CHART_COMPATIBILITY] = { "compatibility", N_("Compatibility"), "emblem-ok-symbolic" },
  [CC_CHART_MICROSTRUCTURE] = { "microstructure", N_("Microstructure"), "applications-science-symbolic" },
};

const char *
cc_chart_kind_get_id (CcChartKind kind)
{
  g_return_val_if_fail (kind < CC_N_CHARTS, NULL);
  return kinds[kind].id;
}

const char *
cc_chart_kind_get_title (CcChartKind kind)
{
  g_return_val_if_fail (kind < CC_N_CHARTS, NULL);
  return _(kinds[kind].title);
}

static GtkWidget *
build_page (CcResultsView *self,
            CcChartKind    kind)
{
  Page *page = &self->pages[kind];
  GtkWidget *empty = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name (kinds[kind].icon);

  page->stack = GTK_STACK (gtk_stack_new ());
  page->chart = CC_CHART_VIEW (cc_chart_view_new ());
  page->title = GTK_LABEL (gtk_label_new (_("Not computed yet")));
  page->reason = GTK_LABEL (gtk_label_new (NULL));

  gtk_image_set_pixel_size (GTK_IMAGE (icon), 40);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (page->title), "title-4");
  gtk_label_set_wrap (page->reason, TRUE);
  gtk_label_set_justify (page->reason, GTK_JUSTIFY_CENTER);
  gtk_label_set_max_width_chars (page->reason, 48);
  gtk_widget_add_css_class (GTK_WIDGET (page->reason), "dim-label");
  gtk_widget_set_valign (empty, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (empty, 18);
  gtk_widget_set_margin_end (empty, 18);
  gtk_box_append (GTK_BOX (empty), icon);
  gtk_box_append (GTK_BOX (empty), GTK_WIDGET (page->title));
  gtk_box_append (GTK_BOX (empty), GTK_WIDGET (page->reason));

  gtk_stack_add_named (page->stack, empty, "empty");
  gtk_stack_add_named (page->stack, GTK_WIDGET (page->chart), "chart");
  gtk_widget_add_css_class (GTK_WIDGET (page->chart), "chart");
  gtk_stack_set_visible_child_name (page->stack, "empty");
  return GTK_WIDGET (page->stack);
}

static void
on_chart_selected (CcResultsView *self)
{
  guint k = gtk_drop_down_get_selected (self->chart_dropdown);

  if (k < CC_N_CHARTS)
    gtk_stack_set_visible_child_name (self->stack, kinds[k].id);
}

static void
on_page_shown (CcResultsView *self)
{
  CcChartKind k = cc_results_view_get_visible (self);

  if (gtk_drop_down_get_selected (self->chart_dropdown) != k)
    gtk_drop_down_set_selected (self->chart_dropdown, k);
}

static void
cc_results_view_class_init (CcResultsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cathodecomposer/CathodeComposer/ui/cc-results-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CcResultsView, chart_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CcResultsView, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_page_shown);
  gtk_widget_class_bind_template_child (widget_class, CcResultsView, insights_list);
}

static void
cc_results_view_init (CcResultsView *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint k = 0; k < CC_N_CHARTS; k++)
    {
      gtk_stack_add_titled (self->stack, build_page (self, k), kinds[k].id, _(kinds[k].title));
      gtk_string_list_append (titles, _(kinds[k].title));
    }
  gtk_drop_down_set_model (self->chart_dropdown, G_LIST_MODEL (titles));
  cc_results_view_set_insights (self, NULL, NULL);
}

void
cc_results_view_set_chart (CcResultsView     *self,
                           CcChartKind        kind,
                           CcChartRenderFunc  render,
                           CcChartHoverFunc   hover,
                           gpointer           chart,
                           GDestroyNotify     destroy)
{
  g_return_if_fail (CC_IS_RESULTS_VIEW (self));
  g_return_if_fail (kind < CC_N_CHARTS);

  cc_chart_view_set_chart (self->pages[kind].chart, render, hover, chart, destroy);
  gtk_stack_set_visible_child_name (self->pages[kind].stack, render ? "chart" : "empty");
}

void
cc_results_view_clear (CcResultsView *self,
                       CcChartKind    kind,
                       const char    *title,
                       const char    *reason)
{
  g_return_if_fail (CC_IS_RESULTS_VIEW (self));
  g_return_if_fail (kind < CC_N_CHARTS);

  cc_chart_view_set_chart (self->pages[kind].chart, NULL, NULL, NULL, NULL);
  gtk_label_set_text (self->pages[kind].title, title ? title : _("Not computed yet"));
  gtk_label_set_text (self->pages[kind].reason, reason ? reason : "");
  gtk_stack_set_visible_child_name (self->pages[kind].stack, "empty");
}

gboolean
cc_results_view_has_chart (CcResultsView *self,
                           CcChartKind    kind)
{
  g_return_val_if_fail (CC_IS_RESULTS_VIEW (self), FALSE);
  g_return_val_if_fail (kind < CC_N_CHARTS, FALSE);
  return cc_chart_view_has_chart (self->pages[kind].chart);
}

CcChartView *
cc_results_view_get_chart_view (CcResultsView *self,
                                CcChartKind    kind)
{
  g_return_val_if_fail (CC_IS_RESULTS_VIEW (self), NULL);
  g_return_val_if_fail (kind < CC_N_CHARTS, NULL);
  return self->pages[kind].chart;
}

CcChartKind
cc_results_view_get_visible (CcResultsView *self)
{
  const char *name;

  g_return_val_if_fail (CC_IS_RESULTS_VIEW (self), CC_CHART_VOLTAGE);

  name = gtk_stack_get_visible_child_name (self->stack);
  for (guint k = 0; k < CC_N_CHARTS; k++)
    if (g_strcmp0 (name, kinds[k].id) == 0)
      return k;
  return CC_CHART_VOLTAGE;
}

void
cc_results_view_set_visible (CcResultsView *self,
                             CcChartKind    kind)
{
  g_return_if_fail (CC_IS_RESULTS_VIEW (self));
  g_return_if_fail (kind < CC_N_CHARTS);
  gtk_stack_set_visible_child_name (self->stack, kinds[kind].id);
}

void
cc_results_view_set_insights (CcResultsView      *self,
                              const char * const *insights,
                              const char         *placeholder)
{
  GtkWidget *child;

  g_return_if_fail (CC_IS_RESULTS_VIEW (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->insights_list))) != NULL)
    gtk_box_remove (self->insights_list, child);
  if (insights == NULL || insights[0] == NULL)
    {
      GtkWidget *label = gtk_label_new (placeholder ? placeholder
                                                    : _("Insights on what limits this design appear "
                                                        "here once the simulation has run."));
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->insights_list, label);
      return;
    }
  for (guint i = 0; insights[i]; i++)
    {
      GtkWidget *label = gtk_label_new (NULL);
      gtk_label_set_markup (GTK_LABEL (label), insights[i]);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "insight");
      gtk_box_append (self->insights_list, label);
    }
}
