/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-material-details.h"
#include "cc-material-item.h"
#include "cc-units.h"

#include <glib/gi18n.h>

static GtkWidget *
label_new (const char *text,
           const char *css_class,
           gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 56);
    }
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* The pill that marks an estimated number; its tooltip says how it was made. */
GtkWidget *
cc_estimate_tag_new (const char *basis)
{
  GtkWidget *tag = gtk_label_new (_("estimate"));
  g_autofree char *tip = g_strdup_printf (_("Estimated, not measured. Basis: %s"),
                                          basis && *basis ? basis : _("not given"));

  gtk_widget_add_css_class (tag, "estimate-tag");
  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (tag, tip);
  return tag;
}

static void
add_property (GtkGrid          *grid,
              int               row,
              const CcProperty *p)
{
  g_autofree char *label = cc_units_label_for_key (p->key);
  g_autofree char *value = cc_units_format_with_unit (p->value, p->key, 4);
  GtkWidget *name = label_new (label, NULL, FALSE);
  GtkWidget *val = label_new (value, "numeric", FALSE);
  GtkWidget *source = label_new (p->source, "caption", TRUE);

  gtk_widget_set_tooltip_text (name, p->key);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_label_set_xalign (GTK_LABEL (val), 1);
  if (p->note != NULL && *p->note)
    gtk_widget_set_tooltip_text (val, p->note);
  gtk_widget_add_css_class (source, "dim-label");
  gtk_widget_set_margin_bottom (source, 6);

  gtk_grid_attach (grid, name, 0, row, 1, 1);
  gtk_grid_attach (grid, val, 1, row, 1, 1);
  if (p->estimate)
    gtk_grid_attach (grid, cc_estimate_tag_new (p->basis), 2, row, 1, 1);
  gtk_grid_attach (grid, source, 0, row + 1, 3, 1);
}

static char *
fact_text (const CcMaterial *m,
           const char       *key)
{
  const char *s = cc_material_get_string (m, key);
  const char * const *v;

  if (s != NULL)
    return g_strdup (cc_units_fact_value_label (s));
  v = cc_material_get_strv (m, key);
  if (v != NULL)
    {
      GString *list = g_string_new (NULL);

      for (guint i = 0; v[i]; i++)
        g_string_append_printf (list, "%s%s", i ? ", " : "", cc_units_fact_value_label (v[i]));
      return g_string_free (list, FALSE);
    }
  return g_strdup (cc_material_get_flag (m, key, FALSE) ? _("yes") : _("no"));
}

static void
add_facts (GtkBox           *box,
           const CcMaterial *m)
{
  g_autoptr(GList) keys = cc_material_get_fact_keys (m);
  GString *text;

  if (keys == NULL)
    return;
  text = g_string_new (NULL);
  for (GList *l = keys; l; l = l->next)
    {
      g_autofree char *value = fact_text (m, l->data);
      g_autofree char *name = cc_units_label_for_key (l->data);
      g_autofree char *escaped = g_markup_printf_escaped ("<b>%s</b>: %s", name, value);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, escaped);
    }
  gtk_box_append (box, label_new (_("Facts"), "heading", FALSE));
  {
    GtkWidget *facts = label_new (NULL, "caption", TRUE);
    gtk_label_set_markup (GTK_LABEL (facts), text->str);
    gtk_box_append (box, facts);
  }
  g_string_free (text, TRUE);
}

static void
add_ocv (GtkBox           *box,
         const CcMaterial *m)
{
  const CcCurve *ocv = cc_material_get_ocv (m);
  g_autofree char *text = NULL;
  GtkWidget *row;
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;

  if (ocv == NULL || ocv->n == 0)
    return;
  for (guint i = 0; i < ocv->n; i++)
    {
      lo = MIN (lo, ocv->y[i]);
      hi = MAX (hi, ocv->y[i]);
    }
  text = g_strdup_printf (_("Open-circuit voltage curve: %u points, %.2f–%.2f V vs Na⁺/Na. Source: %s"),
                          ocv->n, lo, hi, ocv->source ? ocv->source : "—");
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (row), label_new (text, "caption", TRUE));
  if (ocv->estimate)
    gtk_box_append (GTK_BOX (row), cc_estimate_tag_new (ocv->basis));
  gtk_box_append (box, row);
}

GtkWidget *
cc_material_details_new (const CcMaterial *m)
{
  GtkWidget *scroller, *box, *title, *grid;
  g_autoptr(CcMaterialItem) item = NULL;
  g_autofree char *group = NULL;
  g_autofree char *markup = NULL;
  guint n;

  g_return_val_if_fail (m != NULL, NULL);

  item = cc_material_item_new (m, 0);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (box, "material-details");

  title = label_new (NULL, "title-4", FALSE);
  gtk_label_set_markup (GTK_LABEL (title), cc_material_item_get_markup (item));
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), label_new (cc_material_get_name (m), "dim-label", TRUE));
  group = cc_material_group_title (m);
  markup = g_markup_printf_escaped ("%s · <tt>%s</tt>", group, cc_material_get_id (m));
  {
    GtkWidget *l = label_new (NULL, "caption", FALSE);
    gtk_label_set_markup (GTK_LABEL (l), markup);
    gtk_box_append (GTK_BOX (box), l);
  }
  if (cc_material_get_description (m) && *cc_material_get_description (m))
    gtk_box_append (GTK_BOX (box), label_new (cc_material_get_description (m), NULL, TRUE));

  n = cc_material_get_n_properties (m);
  gtk_box_append (GTK_BOX (box), label_new (_("Properties"), "heading", FALSE));
  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 0);
  for (guint i = 0; i < n; i++)
    add_property (GTK_GRID (grid), 2 * i, cc_material_get_property_at (m, i));
  if (n == 0)
    gtk_box_append (GTK_BOX (box), label_new (_("No numeric properties recorded."), "dim-label", FALSE));
  gtk_box_append (GTK_BOX (box), grid);
  add_ocv (GTK_BOX (box), m);
  add_facts (GTK_BOX (box), m);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 520);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_widget_set_size_request (scroller, 420, -1);
  return scroller;
}
