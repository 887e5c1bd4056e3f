/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The materials palette: every material of the database that can go into a
 * composite, grouped by class and family, searchable. Rows show the formula
 * and key numbers; the info button opens every property with its source.
 * A row can be dragged into the formulation (the payload is the row's
 * CcMaterialItem, a type text fields do not accept, so a drop never lands in
 * an entry by accident) or activated (double-click, Enter), which emits
 * ::material-activated.
 */
#pragma once

#include <gtk/gtk.h>
#include "cc-material-db.h"

G_BEGIN_DECLS

#define CC_TYPE_PALETTE (cc_palette_get_type ())
G_DECLARE_FINAL_TYPE (CcPalette, cc_palette, CC, PALETTE, GtkBox)

GtkWidget  *cc_palette_new                (CcMaterialDb *db);
/* Fills the palette from a database (once; the window calls it on its
 * template child). */
void        cc_palette_set_db             (CcPalette    *self,
                                           CcMaterialDb *db);
/* The filtered rows (headers and materials), for tests and accessibility. */
GListModel *cc_palette_get_model          (CcPalette    *self);
guint       cc_palette_get_n_visible_materials (CcPalette *self);
void        cc_palette_set_search_text    (CcPalette    *self,
                                           const char   *text);
void        cc_palette_focus_search       (CcPalette    *self);

G_END_DECLS
