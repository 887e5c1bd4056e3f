/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-form.h"

#include <math.h>

GtkWidget *
cc_form_section_new (const char  *title,
                     GtkGrid    **grid)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *card = gtk_grid_new ();

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (card, "cc-card");
  gtk_grid_set_column_spacing (GTK_GRID (card), 8);
  gtk_grid_set_row_spacing (GTK_GRID (card), 4);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), card);
  gtk_widget_add_css_class (box, "form-section");
  *grid = GTK_GRID (card);
  return box;
}

GtkWidget *
cc_form_spin_new (double min,
                  double max,
                  double step,
                  guint  digits)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, step);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), digits);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_update_policy (GTK_SPIN_BUTTON (spin), GTK_UPDATE_IF_VALID);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 7);
  gtk_widget_set_halign (spin, GTK_ALIGN_START);
  return spin;
}

GtkWidget *
cc_form_error_label_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_add_css_class (label, "field-error");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_visible (label, FALSE);
  return label;
}

GtkWidget *
cc_form_add_row (GtkGrid    *grid,
                 int        *row,
                 const char *label,
                 GtkWidget  *field,
                 const char *unit)
{
  GtkWidget *name = gtk_label_new (label);
  GtkWidget *error = cc_form_error_label_new ();

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_add_css_class (name, "field-label");
  gtk_label_set_mnemonic_widget (GTK_LABEL (name), field);
  gtk_widget_set_hexpand (field, TRUE);
  gtk_grid_attach (grid, name, 0, *row, 1, 1);
  if (unit != NULL)
    {
      GtkWidget *u = gtk_label_new (unit);
      gtk_label_set_xalign (GTK_LABEL (u), 0);
      gtk_widget_add_css_class (u, "dim-label");
      gtk_grid_attach (grid, field, 1, *row, 1, 1);
      gtk_grid_attach (grid, u, 2, *row, 1, 1);
    }
  else
    gtk_grid_attach (grid, field, 1, *row, 2, 1);
  gtk_grid_attach (grid, error, 1, *row + 1, 2, 1);
  *row += 2;
  return error;
}

void
cc_form_set_spin (GtkSpinButton *spin,
                  double         value)
{
  double current = gtk_spin_button_get_value (spin);
  guint digits = gtk_spin_button_get_digits (spin);

  if (!isfinite (value))
    return;
  if (fabs (current - value) >= 0.5 * pow (10, -(int) digits))
    gtk_spin_button_set_value (spin, value);
}

void
cc_form_show_error (GtkWidget  *field,
                    GtkWidget  *error_label,
                    const char *message)
{
  if (field != NULL)
    {
      if (message != NULL)
        gtk_widget_add_css_class (field, "error");
      else
        gtk_widget_remove_css_class (field, "error");
    }
  if (error_label != NULL)
    {
      gtk_label_set_text (GTK_LABEL (error_label), message ? message : "");
      gtk_widget_set_visible (error_label, message != NULL);
    }
}
