/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-view-panel.h"
#include "cc-agglomerate.h"
#include "cc-colors.h"
#include "cc-material-item.h"

#include <glib/gi18n.h>

struct _CcViewPanel {
  GtkBox          parent_instance;

  GtkDropDown    *color_dropdown;
  GtkDropDown    *cut_dropdown;
  GtkScale       *cut_scale;
  GtkOverlay     *overlay;
  CcParticleView *view;
  GtkBox         *legend;
  GtkWidget      *status_box;
  GtkLabel       *status_title;
  GtkLabel       *status_detail;
  GtkWidget      *pick_popover;
  GtkLabel       *pick_label;

  GPtrArray      *species_markup;   /* char*: formula markup of component i */
  GArray         *species_colors;   /* CcRgb */
  char           *agglomerate_note; /* markup, NULL when every CAM is dispersed */
};

G_DEFINE_FINAL_TYPE (CcViewPanel, cc_view_panel, GTK_TYPE_BOX)

static const char *
state_label (guint state)
{
  switch (state)
    {
    case CC_PARTICLE_STATE_ACTIVE: return _("Active (ions and electrons reach it)");
    case CC_PARTICLE_STATE_IONICALLY_ISOLATED: return _("Ionically isolated");
    case CC_PARTICLE_STATE_ELECTRONICALLY_ISOLATED: return _("Electronically isolated");
    case CC_PARTICLE_STATE_ISOLATED: return _("Isolated from both networks");
    case CC_PARTICLE_STATE_NONE:
    default: return _("Not an active-material particle");
    }
}

static const char *
role_label (guint role)
{
  switch (role)
    {
    case CC_ROLE_CAM: return _("Active material");
    case CC_ROLE_SE: return _("Solid electrolyte");
    case CC_ROLE_CARBON: return _("Conductive carbon");
    case CC_ROLE_BINDER: return _("Binder");
    case CC_ROLE_OTHER:
    default: return _("Additive");
    }
}

static void
legend_swatch (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        data)
{
  CcRgb *c = data;

  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.0 - 0.5, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, c->r, c->g, c->b);
  cairo_fill (cr);
}

static void
legend_add (CcViewPanel *self,
            CcRgb        color,
            const char  *markup)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *swatch = gtk_drawing_area_new ();
  GtkWidget *label = gtk_label_new (NULL);
  CcRgb *c = g_new (CcRgb, 1);

  *c = color;
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 10);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 10);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), legend_swatch, c, g_free);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (row), swatch);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (self->legend, row);
}

static void
rebuild_legend (CcViewPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->legend))) != NULL)
    gtk_box_remove (self->legend, child);

  if (cc_particle_view_get_color_mode (self->view) == CC_COLOR_BY_STATE)
    {
      for (guint s = CC_PARTICLE_STATE_ACTIVE; s <= CC_PARTICLE_STATE_ISOLATED; s++)
        {
          g_autofree char *m = g_markup_escape_text (state_label (s), -1);
          legend_add (self, cc_colors_for_state (s), m);
        }
      legend_add (self, cc_colors_for_state (CC_PARTICLE_STATE_NONE), _("Other phases"));
      /* Agglomerates are a sub-grid share of each CAM sphere: say so. */
      if (self->agglomerate_note != NULL)
        {
          GtkWidget *note = gtk_label_new (NULL);

          gtk_label_set_markup (GTK_LABEL (note), self->agglomerate_note);
          gtk_label_set_xalign (GTK_LABEL (note), 0);
          gtk_label_set_wrap (GTK_LABEL (note), TRUE);
          gtk_label_set_max_width_chars (GTK_LABEL (note), 34);
          gtk_widget_add_css_class (note, "dim-label");
          gtk_box_append (self->legend, note);
        }
    }
  else
    for (guint i = 0; i < self->species_markup->len; i++)
      legend_add (self, g_array_index (self->species_colors, CcRgb, i),
                  g_ptr_array_index (self->species_markup, i));
  legend_add (self, cc_colors_separator (), _("Separator side (z = H)"));
  legend_add (self, cc_colors_collector (), _("Current collector (z = 0)"));
}

static void
on_color_selected (CcViewPanel *self)
{
  cc_particle_view_set_color_mode (self->view, gtk_drop_down_get_selected (self->color_dropdown) == 1
                                               ? CC_COLOR_BY_STATE : CC_COLOR_BY_COMPONENT);
}

static void
on_view_color_mode (CcViewPanel *self)
{
  guint selected = cc_particle_view_get_color_mode (self->view) == CC_COLOR_BY_STATE ? 1 : 0;

  if (gtk_drop_down_get_selected (self->color_dropdown) != selected)
    gtk_drop_down_set_selected (self->color_dropdown, selected);
  rebuild_legend (self);
}

static void
on_cut_changed (CcViewPanel *self)
{
  guint choice = gtk_drop_down_get_selected (self->cut_dropdown);

  gtk_widget_set_sensitive (GTK_WIDGET (self->cut_scale), choice > 0);
  cc_particle_view_set_cut (self->view, choice > 0, choice > 0 ? choice - 1 : 0,
                            gtk_range_get_value (GTK_RANGE (self->cut_scale)) / 100.0);
}

static void
on_reset_clicked (CcViewPanel *self)
{
  cc_particle_view_reset_camera (self->view);
}

char *
cc_view_panel_describe_particle (CcViewPanel *self,
                                 guint        index)
{
  const CcParticle *p;
  const char *name;

  g_return_val_if_fail (CC_IS_VIEW_PANEL (self), NULL);

  p = cc_particle_view_get_particle (self->view, index);
  if (p == NULL)
    return NULL;
  name = p->species < self->species_markup->len ? g_ptr_array_index (self->species_markup, p->species)
                                                 : _("Unknown component");
  {
    /* The component name is markup already (subscripts): only the rest is escaped. */
    g_autofree char *details = g_markup_printf_escaped (_("%s · d = %.2f µm\n%s\nz = %.1f µm above the collector"),
                                                        role_label (p->role), 2.0 * p->radius,
                                                        state_label (p->state), p->z);
    return g_strdup_printf ("<b>%s</b>\n%s", name, details);
  }
}

static void
on_particle_picked (CcViewPanel *self,
                    int          index,
                    double       x,
                    double       y)
{
  g_autofree char *text = NULL;
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };

  if (index < 0)
    {
      gtk_popover_popdown (GTK_POPOVER (self->pick_popover));
      return;
    }
  text = cc_view_panel_describe_particle (self, index);
  gtk_label_set_markup (self->pick_label, text);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->pick_popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->pick_popover));
}

static void
cc_view_panel_dispose (GObject *object)
{
  CcViewPanel *self = CC_VIEW_PANEL (object);

  if (self->pick_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->pick_popover));
  g_clear_pointer (&self->pick_popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (object), CC_TYPE_VIEW_PANEL);
  G_OBJECT_CLASS (cc_view_panel_parent_class)->dispose (object);
}

static void
cc_view_panel_finalize (GObject *object)
{
  CcViewPanel *self = CC_VIEW_PANEL (object);

  g_ptr_array_unref (self->species_markup);
  g_array_unref (self->species_colors);
  g_free (self->agglomerate_note);
  G_OBJECT_CLASS (cc_view_panel_parent_class)->finalize (object);
}

static void
cc_view_panel_class_init (CcViewPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_view_panel_dispose;
  object_class->finalize = cc_view_panel_finalize;

  g_type_ensure (CC_TYPE_PARTICLE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cathodecomposer/CathodeComposer/ui/cc-view-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, CcViewPanel, color_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CcViewPanel, cut_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CcViewPanel, cut_scale);
  gtk_widget_class_bind_template_child (widget_class, CcViewPanel, overlay);
  gtk_widget_class_bind_template_child (widget_class, CcViewPanel, view);
  gtk_widget_class_bind_template_child (widget_class, CcViewPanel, legend);
  gtk_widget_class_bind_template_child (widget_class, CcViewPanel, status_box);
  gtk_widget_class_bind_template_child (widget_class, CcViewPanel, status_title);
  gtk_widget_class_bind_template_child (widget_class, CcViewPanel, status_detail);
  gtk_widget_class_bind_template_callback (widget_class, on_color_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_cut_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_reset_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_particle_picked);
}

static void
cc_view_panel_init (CcViewPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->species_markup = g_ptr_array_new_with_free_func (g_free);
  self->species_colors = g_array_new (FALSE, FALSE, sizeof (CcRgb));

  self->pick_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->pick_label, 0);
  self->pick_popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->pick_popover), GTK_WIDGET (self->pick_label));
  gtk_popover_set_autohide (GTK_POPOVER (self->pick_popover), TRUE);
  gtk_widget_set_parent (self->pick_popover, GTK_WIDGET (self->view));

  g_signal_connect_object (self->view, "notify::color-mode", G_CALLBACK (on_view_color_mode), self,
                           G_CONNECT_SWAPPED);
  rebuild_legend (self);
}

CcParticleView *
cc_view_panel_get_view (CcViewPanel *self)
{
  g_return_val_if_fail (CC_IS_VIEW_PANEL (self), NULL);
  return self->view;
}

void
cc_view_panel_set_components (CcViewPanel    *self,
                              const CcDesign *design,
                              CcMaterialDb   *db)
{
  guint n;

  g_return_if_fail (CC_IS_VIEW_PANEL (self));
  g_return_if_fail (design != NULL && db != NULL);

  n = MIN (design->components->len, CC_PARTICLE_VIEW_MAX_SPECIES);
  g_ptr_array_set_size (self->species_markup, 0);
  g_clear_pointer (&self->agglomerate_note, g_free);
  g_array_set_size (self->species_colors, design->components->len);
  cc_colors_for_design (design, db, (CcRgb *) self->species_colors->data);
  for (guint i = 0; i < n; i++)
    {
      const CcComponent *c = g_ptr_array_index (design->components, i);
      const CcMaterial *m = cc_material_db_lookup (db, c->material_id);
      g_autoptr(CcMaterialItem) item = m ? cc_material_item_new (m, 0) : NULL;
      g_ptr_array_add (self->species_markup,
                       item ? g_strdup (cc_material_item_get_markup (item))
                            : g_markup_escape_text (c->material_id, -1));
      if (cc_agglomerate_effective_d_um (c, db) > 0 && self->agglomerate_note == NULL)
        {
          double inside = 1 - cc_agglomerate_reached_fraction (c->d50_um, c->agglomerate_d_um);

          if (inside >= 0.005)
            self->agglomerate_note =
              g_strdup_printf (_("%s: %.0f %% lies inside %.0f µm agglomerates, out of the electrolyte's reach; "
                                 "each sphere is drawn with its own network reach"),
                               (const char *) g_ptr_array_index (self->species_markup, i), 100 * inside,
                               c->agglomerate_d_um);
        }
    }
  g_array_set_size (self->species_colors, n);
  cc_particle_view_set_species_colors (self->view, (CcRgb *) self->species_colors->data, n);
  rebuild_legend (self);
}

const char *
cc_view_panel_get_agglomerate_note (CcViewPanel *self)
{
  g_return_val_if_fail (CC_IS_VIEW_PANEL (self), NULL);
  return self->agglomerate_note;
}

void
cc_view_panel_set_particles (CcViewPanel  *self,
                             GBytes       *particles,
                             const double  box_um[3])
{
  g_return_if_fail (CC_IS_VIEW_PANEL (self));

  cc_particle_view_set_particles (self->view, particles, box_um);
  gtk_widget_set_visible (self->status_box, particles == NULL);
}

void
cc_view_panel_set_status (CcViewPanel *self,
                          const char  *title,
                          const char  *detail)
{
  g_return_if_fail (CC_IS_VIEW_PANEL (self));

  gtk_label_set_text (self->status_title, title ? title : "");
  gtk_label_set_text (self->status_detail, detail ? detail : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_detail), detail != NULL);
  gtk_widget_set_visible (self->status_box,
                          title != NULL && cc_particle_view_get_n_particles (self->view) == 0);
}
