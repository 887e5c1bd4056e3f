/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-component-card.h"
#include "cc-form.h"
#include "cc-material-dropdown.h"
#include "cc-material-item.h"

#include <glib/gi18n.h>

struct _CcComponentCard {
  GtkBox         parent_instance;

  guint          index;
  CcRgb          color;
  gboolean       updating;

  GtkWidget     *title;
  GtkWidget     *subtitle;
  GtkWidget     *fraction_label;
  GtkAdjustment *fraction;
  GtkWidget     *scale;
  GtkWidget     *fraction_spin;
  GtkWidget     *d50;
  GtkWidget     *spread;
  GtkWidget     *morphology;
  GtkWidget     *coating;
  GtkWidget     *coating_thickness;
  GtkWidget     *coating_row[3];
  GtkWidget     *agglomerate;
  GtkWidget     *agglomerate_row[2];
  GtkWidget     *error_label;
  gboolean       is_cam;
};

G_DEFINE_FINAL_TYPE (CcComponentCard, cc_component_card, GTK_TYPE_BOX)

enum {
  FRACTION_CHANGED,
  CHANGED,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const morphologies[] = { "sphere", "fiber", "flake", "irregular", NULL };

static void
cc_component_card_class_init (CcComponentCardClass *klass)
{
  /* ::fraction-changed (double fraction 0..1) */
  signals[FRACTION_CHANGED] =
    g_signal_new ("fraction-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_DOUBLE);
  /* ::changed (const char *field): a particle/shape/coating field changed. */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cc_component_card_init (CcComponentCard *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 4);
  gtk_widget_add_css_class (GTK_WIDGET (self), "cc-card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "component-card");
}

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  CcComponentCard *self = data;
  double r = MIN (width, height) / 2.0;

  cairo_arc (cr, width / 2.0, height / 2.0, r - 0.5, 0, 2 * G_PI);
  cairo_set_source_rgb (cr, self->color.r, self->color.g, self->color.b);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);
}

static void
on_fraction_changed (CcComponentCard *self)
{
  if (self->updating)
    return;
  g_signal_emit (self, signals[FRACTION_CHANGED], 0, gtk_adjustment_get_value (self->fraction) / 100.0);
}

static void
emit_changed (CcComponentCard *self,
              const char      *field)
{
  if (self->updating)
    return;
  g_signal_emit (self, signals[CHANGED], 0, field);
}

static void on_d50 (CcComponentCard *self) { emit_changed (self, "d50_um"); }
static void on_spread (CcComponentCard *self) { emit_changed (self, "spread"); }
static void on_morphology (CcComponentCard *self) { emit_changed (self, "morphology"); }
static void on_coating_thickness (CcComponentCard *self) { emit_changed (self, "coating.thickness_nm"); }
static void on_agglomerate (CcComponentCard *self) { emit_changed (self, "agglomerate_d_um"); }

static void
on_coating (CcComponentCard *self)
{
  gtk_widget_set_sensitive (self->coating_thickness,
                            cc_material_dropdown_get_id (GTK_DROP_DOWN (self->coating)) != NULL);
  emit_changed (self, "coating.material");
}

static void
on_remove (CcComponentCard *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static GtkWidget *
build_header (CcComponentCard  *self,
              const CcMaterial *m,
              const char       *material_id)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *swatch = gtk_drawing_area_new ();
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autoptr(CcMaterialItem) item = m ? cc_material_item_new (m, 0) : NULL;
  g_autofree char *subtitle = NULL;

  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 14);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 14);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch, self, NULL);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);

  self->title = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->title), 0);
  gtk_widget_add_css_class (self->title, "formula");
  if (item != NULL)
    gtk_label_set_markup (GTK_LABEL (self->title), cc_material_item_get_markup (item));
  else
    gtk_label_set_text (GTK_LABEL (self->title), material_id);

  if (m != NULL)
    subtitle = g_strdup_printf ("%s · %s", cc_material_get_name (m),
                                _(cc_material_class_label (cc_material_get_class (m))));
  else
    subtitle = g_strdup (_("Not in the materials database"));
  self->subtitle = gtk_label_new (subtitle);
  gtk_label_set_xalign (GTK_LABEL (self->subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->subtitle, "caption");
  gtk_widget_add_css_class (self->subtitle, "dim-label");
  gtk_widget_set_tooltip_text (self->subtitle, subtitle);

  gtk_box_append (GTK_BOX (text), self->title);
  gtk_box_append (GTK_BOX (text), self->subtitle);
  gtk_widget_set_hexpand (text, TRUE);

  gtk_button_set_has_frame (GTK_BUTTON (remove), FALSE);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove from the formulation"));
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (on_remove), self);

  gtk_box_append (GTK_BOX (header), swatch);
  gtk_box_append (GTK_BOX (header), text);
  gtk_box_append (GTK_BOX (header), remove);
  return header;
}

static void
build_fields (CcComponentCard *self,
              CcMaterialDb    *db)
{
  static const int coating_classes[] = { CC_MATERIAL_CLASS_INTERLAYER, CC_MATERIAL_CLASS_SE, -1 };
  const char *shape_labels[] = { _("Sphere"), _("Fiber"), _("Flake"), _("Irregular"), NULL };
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *size_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *spread_label, *unit, *l;
  int row = 0;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);

  self->fraction = gtk_adjustment_new (0, 0, 100, 0.5, 5, 0);
  self->scale = gtk_scale_new (GTK_ORIENTATION_HORIZONTAL, self->fraction);
  gtk_scale_set_draw_value (GTK_SCALE (self->scale), FALSE);
  gtk_widget_set_hexpand (self->scale, TRUE);
  self->fraction_spin = gtk_spin_button_new (self->fraction, 0.5, 1);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->fraction_spin), 5);
  g_signal_connect_swapped (self->fraction, "value-changed", G_CALLBACK (on_fraction_changed), self);

  self->fraction_label = gtk_label_new (_("Mass"));
  gtk_label_set_xalign (GTK_LABEL (self->fraction_label), 0);
  gtk_widget_add_css_class (self->fraction_label, "field-label");
  gtk_grid_attach (GTK_GRID (grid), self->fraction_label, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), self->scale, 1, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), self->fraction_spin, 2, row, 1, 1);
  unit = gtk_label_new ("%");
  gtk_widget_add_css_class (unit, "dim-label");
  gtk_grid_attach (GTK_GRID (grid), unit, 3, row++, 1, 1);

  self->d50 = cc_form_spin_new (0, 1000, 0.1, 2);
  gtk_widget_set_tooltip_text (self->d50, _("Median particle diameter"));
  g_signal_connect_swapped (self->d50, "value-changed", G_CALLBACK (on_d50), self);
  self->spread = cc_form_spin_new (0, 3, 0.05, 2);
  gtk_widget_set_tooltip_text (self->spread, _("Width of the log-normal size distribution (σ of ln d); 0 = all particles the same size"));
  g_signal_connect_swapped (self->spread, "value-changed", G_CALLBACK (on_spread), self);
  gtk_box_append (GTK_BOX (size_box), self->d50);
  l = gtk_label_new ("µm");
  gtk_widget_add_css_class (l, "dim-label");
  gtk_box_append (GTK_BOX (size_box), l);
  spread_label = gtk_label_new (_("spread σ"));
  gtk_widget_add_css_class (spread_label, "field-label");
  gtk_widget_set_margin_start (spread_label, 8);
  gtk_box_append (GTK_BOX (size_box), spread_label);
  gtk_box_append (GTK_BOX (size_box), self->spread);
  l = gtk_label_new (_("d₅₀"));
  gtk_label_set_xalign (GTK_LABEL (l), 0);
  gtk_widget_add_css_class (l, "field-label");
  gtk_grid_attach (GTK_GRID (grid), l, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), size_box, 1, row++, 3, 1);

  self->morphology = gtk_drop_down_new_from_strings (shape_labels);
  gtk_widget_set_halign (self->morphology, GTK_ALIGN_START);
  g_signal_connect_swapped (self->morphology, "notify::selected", G_CALLBACK (on_morphology), self);
  l = gtk_label_new (_("Shape"));
  gtk_label_set_xalign (GTK_LABEL (l), 0);
  gtk_widget_add_css_class (l, "field-label");
  gtk_grid_attach (GTK_GRID (grid), l, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), self->morphology, 1, row++, 3, 1);

  self->coating = cc_material_dropdown_new (db, coating_classes, _("None"));
  gtk_widget_set_hexpand (self->coating, TRUE);
  g_signal_connect_swapped (self->coating, "notify::selected", G_CALLBACK (on_coating), self);
  self->coating_thickness = cc_form_spin_new (0, 10000, 5, 0);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->coating_thickness), 5);
  gtk_widget_set_tooltip_text (self->coating_thickness, _("Coating thickness"));
  g_signal_connect_swapped (self->coating_thickness, "value-changed", G_CALLBACK (on_coating_thickness), self);
  self->coating_row[0] = gtk_label_new (_("Coating"));
  gtk_label_set_xalign (GTK_LABEL (self->coating_row[0]), 0);
  gtk_widget_add_css_class (self->coating_row[0], "field-label");
  self->coating_row[1] = self->coating;
  self->coating_row[2] = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_box_append (GTK_BOX (self->coating_row[2]), self->coating_thickness);
  l = gtk_label_new ("nm");
  gtk_widget_add_css_class (l, "dim-label");
  gtk_box_append (GTK_BOX (self->coating_row[2]), l);
  gtk_grid_attach (GTK_GRID (grid), self->coating_row[0], 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), self->coating, 1, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), self->coating_row[2], 2, row++, 2, 1);

  /* CAM agglomerates that mixing leaves intact (sub-grid model). */
  self->agglomerate = cc_form_spin_new (0, 5000, 5, 0);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->agglomerate), 5);
  gtk_widget_set_tooltip_text (self->agglomerate,
                               _("Diameter of the active-material agglomerates that mixing leaves intact; the "
                                 "electrolyte reaches only their outer layer of particles. 0 = dispersed "
                                 "(ball-milled) powder. An ion-conducting coating carries ions inside and "
                                 "lifts the limit"));
  g_signal_connect_swapped (self->agglomerate, "value-changed", G_CALLBACK (on_agglomerate), self);
  self->agglomerate_row[0] = gtk_label_new (_("Agglomerates"));
  gtk_label_set_xalign (GTK_LABEL (self->agglomerate_row[0]), 0);
  gtk_widget_add_css_class (self->agglomerate_row[0], "field-label");
  self->agglomerate_row[1] = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_box_append (GTK_BOX (self->agglomerate_row[1]), self->agglomerate);
  l = gtk_label_new ("µm");
  gtk_widget_add_css_class (l, "dim-label");
  gtk_box_append (GTK_BOX (self->agglomerate_row[1]), l);
  l = gtk_label_new (_("0 = dispersed"));
  gtk_widget_add_css_class (l, "dim-label");
  gtk_widget_set_margin_start (l, 8);
  gtk_box_append (GTK_BOX (self->agglomerate_row[1]), l);
  gtk_grid_attach (GTK_GRID (grid), self->agglomerate_row[0], 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), self->agglomerate_row[1], 1, row++, 3, 1);

  gtk_box_append (GTK_BOX (self), grid);
  self->error_label = cc_form_error_label_new ();
  gtk_box_append (GTK_BOX (self), self->error_label);
}

CcComponentCard *
cc_component_card_new (CcMaterialDb      *db,
                       guint              index,
                       const CcComponent *component,
                       CcRgb              color)
{
  CcComponentCard *self;
  const CcMaterial *m;

  g_return_val_if_fail (db != NULL && component != NULL, NULL);

  self = g_object_new (CC_TYPE_COMPONENT_CARD, NULL);
  self->index = index;
  self->color = color;
  m = cc_material_db_lookup (db, component->material_id);
  self->is_cam = m != NULL && cc_material_get_class (m) == CC_MATERIAL_CLASS_CAM;
  gtk_box_append (GTK_BOX (self), build_header (self, m, component->material_id));
  build_fields (self, db);
  return self;
}

guint
cc_component_card_get_index (CcComponentCard *self)
{
  g_return_val_if_fail (CC_IS_COMPONENT_CARD (self), 0);
  return self->index;
}

static guint
morphology_index (const char *morphology)
{
  for (guint i = 0; morphologies[i]; i++)
    if (g_strcmp0 (morphology, morphologies[i]) == 0)
      return i;
  return 0;
}

void
cc_component_card_sync (CcComponentCard   *self,
                        const CcComponent *c,
                        double             fraction)
{
  gboolean show_coating, show_agglomerate;

  g_return_if_fail (CC_IS_COMPONENT_CARD (self));

  self->updating = TRUE;
  if (ABS (gtk_adjustment_get_value (self->fraction) - fraction * 100) > 1e-6)
    gtk_adjustment_set_value (self->fraction, fraction * 100);
  cc_form_set_spin (GTK_SPIN_BUTTON (self->d50), c->d50_um);
  cc_form_set_spin (GTK_SPIN_BUTTON (self->spread), c->spread);
  if (gtk_drop_down_get_selected (GTK_DROP_DOWN (self->morphology)) != morphology_index (c->morphology))
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->morphology), morphology_index (c->morphology));
  cc_material_dropdown_set_id (GTK_DROP_DOWN (self->coating), c->coating_id);
  if (cc_material_dropdown_get_id (GTK_DROP_DOWN (self->coating)) == NULL && c->coating_id == NULL)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->coating), 0);
  cc_form_set_spin (GTK_SPIN_BUTTON (self->coating_thickness), c->coating_thickness_nm);
  gtk_widget_set_sensitive (self->coating_thickness, c->coating_id != NULL);
  show_coating = self->is_cam || c->coating_id != NULL;
  for (guint i = 0; i < G_N_ELEMENTS (self->coating_row); i++)
    gtk_widget_set_visible (self->coating_row[i], show_coating);
  cc_form_set_spin (GTK_SPIN_BUTTON (self->agglomerate), c->agglomerate_d_um);
  show_agglomerate = self->is_cam || c->agglomerate_d_um != 0;
  for (guint i = 0; i < G_N_ELEMENTS (self->agglomerate_row); i++)
    gtk_widget_set_visible (self->agglomerate_row[i], show_agglomerate);
  self->updating = FALSE;
}

void
cc_component_card_apply (CcComponentCard *self,
                         CcComponent     *c)
{
  const char *coating;
  guint shape;

  g_return_if_fail (CC_IS_COMPONENT_CARD (self));

  c->d50_um = gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->d50));
  c->spread = gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->spread));
  c->agglomerate_d_um = gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->agglomerate));
  shape = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->morphology));
  if (shape < G_N_ELEMENTS (morphologies) - 1)
    {
      g_free (c->morphology);
      c->morphology = g_strdup (morphologies[shape]);
    }
  coating = cc_material_dropdown_get_id (GTK_DROP_DOWN (self->coating));
  if (g_strcmp0 (coating, c->coating_id) != 0)
    {
      g_free (c->coating_id);
      c->coating_id = g_strdup (coating);
      /* A new coating starts at a typical thickness. */
      if (coating != NULL && c->coating_thickness_nm <= 0)
        {
          c->coating_thickness_nm = 20;
          return;
        }
    }
  c->coating_thickness_nm = gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->coating_thickness));
  if (c->coating_id == NULL)
    c->coating_thickness_nm = 0;
}

GtkWidget *
cc_component_card_get_field (CcComponentCard *self,
                             const char      *field)
{
  g_return_val_if_fail (CC_IS_COMPONENT_CARD (self), NULL);

  if (g_strcmp0 (field, "mass_fraction") == 0)
    return self->fraction_spin;
  if (g_strcmp0 (field, "d50_um") == 0)
    return self->d50;
  if (g_strcmp0 (field, "spread") == 0)
    return self->spread;
  if (g_strcmp0 (field, "morphology") == 0)
    return self->morphology;
  if (g_strcmp0 (field, "coating.material") == 0 || g_strcmp0 (field, "coating") == 0)
    return self->coating;
  if (g_strcmp0 (field, "coating.thickness_nm") == 0)
    return self->coating_thickness;
  if (g_strcmp0 (field, "agglomerate_d_um") == 0)
    return self->agglomerate;
  if (g_strcmp0 (field, "material") == 0)
    return self->title;
  return NULL;
}

GtkWidget *
cc_component_card_get_error_label (CcComponentCard *self)
{
  g_return_val_if_fail (CC_IS_COMPONENT_CARD (self), NULL);
  return self->error_label;
}

void
cc_component_card_set_fraction_label (CcComponentCard *self,
                                      const char      *label)
{
  g_return_if_fail (CC_IS_COMPONENT_CARD (self));
  gtk_label_set_text (GTK_LABEL (self->fraction_label), label);
}
