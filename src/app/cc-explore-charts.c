/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Explore window's two charts: built from the grid with the figure
 * engine (so the screen, PNG, SVG, PDF and CSV agree), read back under the
 * pointer, clicked to open a design (export: cc-explore-export.c).
 */
#include "cc-explore-window-private.h"
#include "cc-application.h"
#include "cc-chart-render.h"
#include "cc-ticks.h"

#include <glib/gi18n.h>
#include <math.h>

#define REDRAW_INTERVAL_US (250 * 1000)
#define PICK_RADIUS_PT 8.0
#define MAX_CELL_DESIGNS 24

/* What a chart view shows: the chart, the data it came from, the style it
 * was drawn with (hit-testing needs the same), or a message instead. */
typedef struct {
  CcChart       *chart;
  CcSweepMap    *map;
  CcSweepPareto *pareto;
  CcChartStyle   style;
  char          *message;
  gboolean       can_open;      /* the sweep is known: clicks open designs */
} Shown;

static void
shown_free (gpointer data)
{
  Shown *s = data;

  g_clear_pointer (&s->chart, cc_chart_unref);
  g_clear_pointer (&s->map, cc_sweep_map_free);
  g_clear_pointer (&s->pareto, cc_sweep_pareto_free);
  g_free (s->message);
  g_free (s);
}

static Shown *
shown_of (CcExploreWindow *self,
          gboolean         pareto)
{
  return g_object_get_data (G_OBJECT (pareto ? self->pareto_view : self->map_view), "shown");
}

static void
render (gpointer  data,
        cairo_t  *cr,
        double    w,
        double    h)
{
  Shown *s = data;
  PangoLayout *layout;
  int tw, th;

  if (s->chart != NULL)
    {
      cc_chart_render (s->chart, &s->style, cr, w, h, NULL);
      return;
    }
  cairo_set_source_rgb (cr, s->style.background.r, s->style.background.g, s->style.background.b);
  cairo_paint (cr);
  layout = pango_cairo_create_layout (cr);
  pango_layout_set_text (layout, s->message != NULL ? s->message : "", -1);
  pango_layout_set_width (layout, (int) (MAX (w - 48, 40) * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_get_pixel_size (layout, &tw, &th);
  cairo_set_source_rgb (cr, s->style.muted.r, s->style.muted.g, s->style.muted.b);
  cairo_move_to (cr, 24, (h - th) / 2);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static gboolean
map_cell_at (Shown  *s,
             double  x,
             double  y,
             double  w,
             double  h,
             guint  *ix,
             guint  *iy)
{
  CcChartHit hit;

  return s->chart != NULL && s->map != NULL && cc_chart_hit_test (s->chart, &s->style, w, h, x, y, 0, &hit)
         && hit.in_plot && cc_sweep_map_locate (s->map, hit.x, isfinite (hit.y) ? hit.y : 0, ix, iy);
}

/* The design drawn nearest to (x, y), within the pick radius. */
static int
pareto_design_at (Shown  *s,
                  double  x,
                  double  y,
                  double  w,
                  double  h)
{
  double best = PICK_RADIUS_PT;
  int found = -1;

  for (guint i = 0; s->chart != NULL && s->pareto != NULL && i < s->pareto->n; i++)
    {
      double px, py;

      if (cc_chart_point_at (s->chart, &s->style, w, h, 0, CC_AXIS_Y, s->pareto->x[i], s->pareto->y[i], &px, &py)
          && hypot (px - x, py - y) <= best)
        {
          best = hypot (px - x, py - y);
          found = (int) i;
        }
    }
  return found;
}

static char *
hover_map (gpointer data,
           double   x,
           double   y,
           double   w,
           double   h)
{
  Shown *s = data;
  guint ix, iy;
  char *text, *out;

  if (!map_cell_at (s, x, y, w, h, &ix, &iy))
    return NULL;
  text = cc_sweep_map_describe_cell (s->map, ix, iy);
  if (!s->can_open)
    return text;
  out = g_strdup_printf ("%s\n<i>%s</i>", text, _("Click to open this design"));
  g_free (text);
  return out;
}

static char *
hover_pareto (gpointer data,
              double   x,
              double   y,
              double   w,
              double   h)
{
  Shown *s = data;
  int i = pareto_design_at (s, x, y, w, h);
  const CcSweepPareto *p = s->pareto;
  g_autofree char *vx = NULL, *vy = NULL, *ex = NULL, *ey = NULL;

  if (i < 0)
    return NULL;
  vx = cc_format_number_markup (p->x[i], 4);
  vy = cc_format_number_markup (p->y[i], 4);
  ex = cc_format_number_markup (p->sx[i], 2);
  ey = cc_format_number_markup (p->sy[i], 2);
  return g_strdup_printf ("<b>%s</b>%s\n%s = %s ± %s\n%s = %s ± %s%s", (char *) g_ptr_array_index (p->labels, i),
                          cc_sweep_pareto_on_front (p, (guint) i) ? _(" — on the Pareto front") : "",
                          p->x_title, vx, ex, p->y_title, vy, ey,
                          s->can_open ? _("\n<i>Click to open this design</i>") : "");
}

/* ---- building ---------------------------------------------------------------------- */

static void
init_style (CcExploreWindow *self,
            CcChartStyle    *style)
{
  gboolean dark = FALSE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-application-prefer-dark-theme", &dark, NULL);
  cc_chart_style_init (style, dark ? CC_CHART_THEME_DARK : CC_CHART_THEME_LIGHT);
  /* One point is one logical pixel on screen, which reads small. */
  cc_chart_style_scale_fonts (style, 1.4);
}

/* The chart title says what made the numbers when they are not predictions. */
static void
title_chart (CcExploreWindow *self,
             CcChart         *chart)
{
  const char *evaluator = cc_sweep_grid_get_evaluator (self->grid);
  g_autofree char *name = g_markup_escape_text (self->sweep != NULL ? cc_sweep_get_name (self->sweep) : "", -1);
  g_autofree char *title = NULL;

  if (!cc_explore_window_results_are_predictions (self))
    title = g_strdup_printf (_("%s\n<span foreground=\"#D55E00\">Test fixture “%s”: not a prediction</span>"),
                             name, evaluator);
  else
    title = g_strdup (name);
  cc_chart_set_title (chart, *title != '\0' ? title : NULL);
}

static Shown *
build_map (CcExploreWindow *self)
{
  Shown *s = g_new0 (Shown, 1);
  CcSweepMapQuery q = { self->map_metric, self->x_axis, self->y_axis, self->fixed };
  g_autoptr(GError) error = NULL;

  init_style (self, &s->style);
  s->can_open = cc_sweep_grid_get_sweep (self->grid) != NULL;
  s->map = cc_sweep_grid_map (self->grid, &q, &error);
  if (s->map != NULL)
    s->chart = cc_chart_sweep_map_new (s->map, &error);
  if (s->chart != NULL)
    title_chart (self, s->chart);
  else
    s->message = g_strdup (error->message);
  return s;
}

static Shown *
build_pareto (CcExploreWindow *self)
{
  Shown *s = g_new0 (Shown, 1);
  g_autoptr(GError) error = NULL;

  init_style (self, &s->style);
  s->can_open = cc_sweep_grid_get_sweep (self->grid) != NULL;
  if (self->pareto_x == self->pareto_y)
    {
      s->message = g_strdup (_("Choose two different metrics for the Pareto front."));
      return s;
    }
  s->pareto = cc_sweep_grid_pareto (self->grid, self->pareto_x, self->pareto_y, &error);
  if (s->pareto != NULL && s->pareto->n == 0)
    s->message = g_strdup (_("No design has both metrics computed yet."));
  else if (s->pareto != NULL)
    s->chart = cc_chart_sweep_pareto_new (s->pareto, &error);
  if (s->chart != NULL)
    title_chart (self, s->chart);
  else if (s->message == NULL)
    s->message = g_strdup (error->message);
  return s;
}

static void
show (CcChartView       *view,
      Shown             *s,
      CcChartHoverFunc   hover)
{
  /* The view owns what it shows; the window reads it back from there. */
  g_object_set_data (G_OBJECT (view), "shown", s);
  cc_chart_view_set_chart (view, render, hover, s, shown_free);
}

static gboolean
show_empty (CcExploreWindow *self)
{
  if (self->grid != NULL)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "charts");
      return FALSE;
    }
  gtk_label_set_text (self->empty_label, self->evaluator != NULL
                      ? _("Choose a sweep and run it, or open a results file.")
                      : _("No simulation evaluator in this build — open a results file produced by "
                          "cathode-composer-cli sweep instead."));
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
  g_object_set_data (G_OBJECT (self->map_view), "shown", NULL);
  g_object_set_data (G_OBJECT (self->pareto_view), "shown", NULL);
  cc_chart_view_set_chart (self->map_view, NULL, NULL, NULL, NULL);
  cc_chart_view_set_chart (self->pareto_view, NULL, NULL, NULL, NULL);
  return TRUE;
}

void
cc_explore_charts_update_map (CcExploreWindow *self)
{
  if (!show_empty (self))
    show (self->map_view, build_map (self), hover_map);
}

void
cc_explore_charts_update_pareto (CcExploreWindow *self)
{
  if (!show_empty (self))
    show (self->pareto_view, build_pareto (self), hover_pareto);
}

void
cc_explore_charts_update (CcExploreWindow *self)
{
  gint64 start = g_get_monotonic_time ();

  g_clear_handle_id (&self->redraw_id, g_source_remove);
  cc_explore_charts_update_map (self);
  cc_explore_charts_update_pareto (self);
  self->last_redraw_us = g_get_monotonic_time ();
  self->redraw_cost_us = self->last_redraw_us - start;
}

static gboolean
redraw_now (gpointer data)
{
  CcExploreWindow *self = data;

  self->redraw_id = 0;
  cc_explore_charts_update (self);
  return G_SOURCE_REMOVE;
}

void
cc_explore_charts_queue_update (CcExploreWindow *self)
{
  /* Large sweeps take a while to summarise: never spend more than a third
   * of the time redrawing while results stream in. */
  gint64 interval = MAX (REDRAW_INTERVAL_US, 2 * self->redraw_cost_us);
  gint64 wait = self->last_redraw_us + interval - g_get_monotonic_time ();

  if (self->redraw_id != 0)
    return;
  if (wait <= 0)
    cc_explore_charts_update (self);
  else
    self->redraw_id = g_timeout_add ((guint) (wait / 1000) + 1, redraw_now, self);
}

/* ---- opening designs --------------------------------------------------------------- */

CcWindow *
cc_explore_window_open_point (CcExploreWindow  *self,
                              guint64           index,
                              GError          **error)
{
  g_autoptr(CcWindow) parent = g_weak_ref_get (&self->parent);
  g_autoptr(CcDesign) design = NULL;
  g_autofree char *message = NULL;
  CcWindow *target;

  g_return_val_if_fail (CC_IS_EXPLORE_WINDOW (self), NULL);
  if (self->grid == NULL || (design = cc_sweep_grid_build_design (self->grid, index, error)) == NULL)
    {
      if (self->grid == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No sweep on show"));
      return NULL;
    }
  /* Never overwrite unsaved work: that design window keeps it, a new one
   * shows this design. */
  target = parent;
  if (target == NULL || cc_document_get_dirty (cc_window_get_document (target)))
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      if (app == NULL || !CC_IS_APPLICATION (app))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("There is no design window to open the design in"));
          return NULL;
        }
      target = cc_application_new_window (CC_APPLICATION (app));
    }
  message = g_strdup_printf (_("Opened “%s”"), design->name);
  cc_window_set_design (target, g_steal_pointer (&design), NULL, FALSE);
  gtk_window_present (GTK_WINDOW (target));
  cc_explore_window_status (self, message, FALSE);
  return target;
}

static void
on_design_button (GtkButton       *button,
                  CcExploreWindow *self)
{
  guint64 *index = g_object_get_data (G_OBJECT (button), "index");
  g_autoptr(GError) error = NULL;

  gtk_popover_popdown (GTK_POPOVER (self->cell_popover));
  if (cc_explore_window_open_point (self, *index, &error) == NULL)
    cc_explore_window_status (self, error->message, TRUE);
}

/* An averaged cell holds several designs: offer them. */
static void
offer_designs (CcExploreWindow *self,
               GArray          *points,
               double           x,
               double           y)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *heading = gtk_label_new (_("Open which design?"));
  guint coords[CC_SWEEP_MAX_AXES];

  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);
  for (guint i = 0; i < points->len; i++)
    {
      guint64 index = g_array_index (points, guint64, i);
      CcSweepValue values[CC_SWEEP_MAX_AXES];
      g_autoptr(JsonNode) json = NULL;
      g_autofree char *text = NULL;
      GtkWidget *button;
      guint rep;

      cc_sweep_point_decompose (self->sweep, index, values, &rep);
      json = cc_sweep_values_to_json (self->sweep, values);
      text = cc_sweep_grid_values_coords (self->grid, json, coords)
             ? cc_sweep_grid_describe_design (self->grid, coords) : g_strdup_printf ("%" G_GUINT64_FORMAT, index);
      button = gtk_button_new_with_label (text);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (button), "index", g_memdup2 (&index, sizeof index), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_design_button), self, 0);
      gtk_box_append (GTK_BOX (box), button);
    }
  if (self->cell_popover == NULL)
    {
      self->cell_popover = gtk_popover_new ();
      gtk_widget_set_parent (self->cell_popover, GTK_WIDGET (self->map_view));
    }
  gtk_popover_set_child (GTK_POPOVER (self->cell_popover), box);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->cell_popover), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->cell_popover));
}

CcWindow *
cc_explore_window_click (CcExploreWindow *self,
                         gboolean         pareto,
                         double           x,
                         double           y)
{
  GtkWidget *view = GTK_WIDGET (pareto ? self->pareto_view : self->map_view);
  double w = gtk_widget_get_width (view), h = gtk_widget_get_height (view);
  Shown *s = shown_of (self, pareto);
  g_autoptr(GError) error = NULL;
  CcWindow *opened = NULL;

  g_return_val_if_fail (CC_IS_EXPLORE_WINDOW (self), NULL);
  if (s == NULL || s->chart == NULL)
    return NULL;
  if (!s->can_open)
    {
      cc_explore_window_status (self, _("Open the sweep file these results come from to open designs"), TRUE);
      return NULL;
    }
  if (pareto)
    {
      int i = pareto_design_at (s, x, y, w, h);

      if (i >= 0)
        opened = cc_explore_window_open_point (self, s->pareto->index[i], &error);
    }
  else
    {
      CcSweepMapQuery q = { self->map_metric, self->x_axis, self->y_axis, self->fixed };
      g_autoptr(GArray) points = NULL;
      guint ix, iy;

      if (!map_cell_at (s, x, y, w, h, &ix, &iy))
        return NULL;
      points = cc_sweep_grid_cell_points (self->grid, &q, ix, iy, MAX_CELL_DESIGNS);
      if (points->len == 1)
        opened = cc_explore_window_open_point (self, g_array_index (points, guint64, 0), &error);
      else if (points->len > 1)
        offer_designs (self, points, x, y);
    }
  if (error != NULL)
    cc_explore_window_status (self, error->message, TRUE);
  return opened;
}

static void
on_released (GtkGestureClick *gesture,
             int              n_press,
             double           x,
             double           y,
             CcExploreWindow *self)
{
  GtkWidget *view = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  cc_explore_window_click (self, view == GTK_WIDGET (self->pareto_view), x, y);
}

void
cc_explore_charts_init (CcExploreWindow *self)
{
  GtkWidget *views[] = { GTK_WIDGET (self->map_view), GTK_WIDGET (self->pareto_view) };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      GtkGesture *click = gtk_gesture_click_new ();

      gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
      g_signal_connect_object (click, "released", G_CALLBACK (on_released), self, 0);
      gtk_widget_add_controller (views[i], GTK_EVENT_CONTROLLER (click));
    }
}

void
cc_explore_charts_dispose (CcExploreWindow *self)
{
  g_clear_handle_id (&self->redraw_id, g_source_remove);
  if (self->cell_popover != NULL)
    gtk_widget_unparent (self->cell_popover);
  self->cell_popover = NULL;
}

/* ---- for tests and the window ------------------------------------------------------ */

const CcSweepMap *
cc_explore_window_get_map (CcExploreWindow *self)
{
  Shown *s;

  g_return_val_if_fail (CC_IS_EXPLORE_WINDOW (self), NULL);
  s = shown_of (self, FALSE);
  return s != NULL ? s->map : NULL;
}

const CcSweepPareto *
cc_explore_window_get_pareto (CcExploreWindow *self)
{
  Shown *s;

  g_return_val_if_fail (CC_IS_EXPLORE_WINDOW (self), NULL);
  s = shown_of (self, TRUE);
  return s != NULL ? s->pareto : NULL;
}

CcChart *
cc_explore_window_get_chart (CcExploreWindow *self,
                             gboolean         pareto)
{
  Shown *s;

  g_return_val_if_fail (CC_IS_EXPLORE_WINDOW (self), NULL);
  s = shown_of (self, pareto);
  return s != NULL ? s->chart : NULL;
}

const char *
cc_explore_charts_get_message (CcExploreWindow *self,
                               gboolean         pareto)
{
  Shown *s = shown_of (self, pareto);

  return s != NULL ? s->message : NULL;
}

GtkWidget *
cc_explore_window_get_view (CcExploreWindow *self,
                            gboolean         pareto)
{
  g_return_val_if_fail (CC_IS_EXPLORE_WINDOW (self), NULL);
  return GTK_WIDGET (pareto ? self->pareto_view : self->map_view);
}

gboolean
cc_explore_window_data_to_view (CcExploreWindow *self,
                                gboolean         pareto,
                                double           x,
                                double           y,
                                double          *px,
                                double          *py)
{
  GtkWidget *view;
  Shown *s;

  g_return_val_if_fail (CC_IS_EXPLORE_WINDOW (self), FALSE);
  view = GTK_WIDGET (pareto ? self->pareto_view : self->map_view);
  s = shown_of (self, pareto);
  return s != NULL && s->chart != NULL
         && cc_chart_point_at (s->chart, &s->style, gtk_widget_get_width (view), gtk_widget_get_height (view), 0,
                               CC_AXIS_Y, x, y, px, py);
}
