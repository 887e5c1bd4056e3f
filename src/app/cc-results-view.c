/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-results-view.h"
#include "cc-chart-overlay.h"
#include "cc-overlay-list.h"
#include "cc-stage-charts.h"

#include <glib/gi18n.h>

typedef struct {
  GtkStack    *stack;       /* "empty" | "chart" */
  CcChartView *chart;
  GtkLabel    *title;
  GtkLabel    *reason;
  CcChart     *base;        /* the run's chart, without overlays; NULL if none */
  CcChart     *shown;       /* what the chart view draws (owned by it) */
} Page;

struct _CcResultsView {
  GtkBox         parent_instance;

  GtkDropDown   *chart_dropdown;
  GtkStack      *stack;
  GtkBox        *insights_list;
  GtkMenuButton *overlays_button;
  GtkLabel      *overlays_count;
  CcOverlayList *overlay_list;
  CcOverlays    *overlays;
  Page           pages[CC_N_CHARTS];
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
cc_results_view_dispose (GObject *object)
{
  CcResultsView *self = CC_RESULTS_VIEW (object);

  for (guint k = 0; k < CC_N_CHARTS; k++)
    g_clear_pointer (&self->pages[k].base, cc_chart_unref);
  if (self->overlays != NULL)
    g_signal_handlers_disconnect_by_data (self->overlays, self);
  g_clear_object (&self->overlays);
  gtk_widget_dispose_template (GTK_WIDGET (self), CC_TYPE_RESULTS_VIEW);
  G_OBJECT_CLASS (cc_results_view_parent_class)->dispose (object);
}

static void
cc_results_view_class_init (CcResultsViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (CC_TYPE_OVERLAY_LIST);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cathodecomposer/CathodeComposer/ui/cc-results-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CcResultsView, chart_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CcResultsView, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_page_shown);
  gtk_widget_class_bind_template_child (widget_class, CcResultsView, insights_list);
  gtk_widget_class_bind_template_child (widget_class, CcResultsView, overlays_button);
  gtk_widget_class_bind_template_child (widget_class, CcResultsView, overlays_count);
  gtk_widget_class_bind_template_child (widget_class, CcResultsView, overlay_list);
  G_OBJECT_CLASS (klass)->dispose = cc_results_view_dispose;
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

  g_clear_pointer (&self->pages[kind].base, cc_chart_unref);
  self->pages[kind].shown = NULL;
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

  g_clear_pointer (&self->pages[kind].base, cc_chart_unref);
  self->pages[kind].shown = NULL;
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

/* ---- engine charts and overlays ------------------------------------------- */

/* The page's run chart with the overlays that fit it. */
static void
compose (CcResultsView *self,
         CcChartKind    kind)
{
  Page *page = &self->pages[kind];
  g_autoptr(GError) error = NULL;
  CcChart *shown;

  if (page->base == NULL)
    return;
  shown = self->overlays != NULL ? cc_overlays_apply (self->overlays, page->base, &error)
                                 : cc_chart_ref (page->base);
  if (error != NULL)
    g_debug ("%s: an overlay is left out: %s", kinds[kind].id, error->message);
  page->shown = shown;
  cc_chart_view_set_chart (page->chart, cc_stage_chart_render, cc_stage_chart_hover, shown,
                           (GDestroyNotify) cc_chart_unref);
  gtk_stack_set_visible_child_name (page->stack, "chart");
}

/* How many pins and files the charts carry, next to the button's icon. */
static void
update_overlays_button (CcResultsView *self)
{
  guint n = self->overlays != NULL ? cc_overlays_get_n_pins (self->overlays)
                                     + cc_overlays_get_n_measured (self->overlays) : 0;
  g_autofree char *count = g_strdup_printf ("%u", n);

  gtk_label_set_text (self->overlays_count, count);
  gtk_widget_set_visible (GTK_WIDGET (self->overlays_count), n > 0);
}

static void
on_overlays_changed (CcResultsView *self)
{
  for (guint k = 0; k < CC_N_CHARTS; k++)
    compose (self, k);
  update_overlays_button (self);
}

void
cc_results_view_show_chart (CcResultsView *self,
                            CcChartKind    kind,
                            CcChart       *chart)
{
  g_return_if_fail (CC_IS_RESULTS_VIEW (self));
  g_return_if_fail (kind < CC_N_CHARTS);
  g_return_if_fail (chart != NULL);

  g_clear_pointer (&self->pages[kind].base, cc_chart_unref);
  self->pages[kind].base = chart;
  compose (self, kind);
}

void
cc_results_view_set_overlays (CcResultsView *self,
                              CcOverlays    *overlays)
{
  g_return_if_fail (CC_IS_RESULTS_VIEW (self));

  if (self->overlays != NULL)
    g_signal_handlers_disconnect_by_data (self->overlays, self);
  g_set_object (&self->overlays, overlays);
  if (overlays != NULL)
    g_signal_connect_object (overlays, "changed", G_CALLBACK (on_overlays_changed), self, G_CONNECT_SWAPPED);
  cc_overlay_list_set_overlays (self->overlay_list, overlays);
  on_overlays_changed (self);
}

GHashTable *
cc_results_view_dup_run_charts (CcResultsView *self)
{
  GHashTable *charts;

  g_return_val_if_fail (CC_IS_RESULTS_VIEW (self), NULL);

  charts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) cc_chart_unref);
  for (guint k = 0; k < CC_N_CHARTS; k++)
    {
      CcChart *base = self->pages[k].base;

      if (base != NULL && cc_chart_kind_takes_overlays (cc_chart_get_kind (base)))
        g_hash_table_insert (charts, g_strdup (cc_chart_get_kind (base)), cc_chart_ref (base));
    }
  return charts;
}

CcChart *
cc_results_view_get_shown_chart (CcResultsView *self,
                                 CcChartKind    kind)
{
  g_return_val_if_fail (CC_IS_RESULTS_VIEW (self), NULL);
  g_return_val_if_fail (kind < CC_N_CHARTS, NULL);
  return self->pages[kind].base != NULL ? self->pages[kind].shown : NULL;
}
