/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkDropDown of materials of some classes (formula markup and name per
 * row), optionally with a "None" entry, addressed by material id.
 */
#pragma once

#include <gtk/gtk.h>
#include "cc-material-db.h"

G_BEGIN_DECLS

/* classes: a -1 terminated list of CcMaterialClass. */
GtkWidget  *cc_material_dropdown_new    (CcMaterialDb  *db,
                                         const int     *classes,
                                         const char    *none_label);
/* NULL for "None" (or nothing selected). */
const char *cc_material_dropdown_get_id (GtkDropDown   *dropdown);
/* Selects `id`; NULL selects "None". An id that is not in the list is
 * added (marked unknown) so a loaded design is shown as it is. */
void        cc_material_dropdown_set_id (GtkDropDown   *dropdown,
                                         const char    *id);

G_END_DECLS
