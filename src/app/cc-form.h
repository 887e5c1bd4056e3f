/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Small helpers for the formulation editor's forms: titled sections, rows
 * of "label · field · unit" with an inline error label under the field, and
 * spin buttons that only change when the value really differs (so syncing
 * from the document does not fight the user's typing).
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A titled card; *grid receives the 3-column grid to fill. */
GtkWidget *cc_form_section_new    (const char     *title,
                                   GtkGrid       **grid);
GtkWidget *cc_form_spin_new       (double          min,
                                   double          max,
                                   double          step,
                                   guint           digits);
/* Adds a row at *row (advanced past the row and its error label) and
 * returns the (hidden) error label. */
GtkWidget *cc_form_add_row        (GtkGrid        *grid,
                                   int            *row,
                                   const char     *label,
                                   GtkWidget      *field,
                                   const char     *unit);
GtkWidget *cc_form_error_label_new (void);
void       cc_form_set_spin       (GtkSpinButton  *spin,
                                   double          value);
/* Shows/hides an error label and marks the field. */
void       cc_form_show_error     (GtkWidget      *field,
                                   GtkWidget      *error_label,
                                   const char     *message);

G_END_DECLS
