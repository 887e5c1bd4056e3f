/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The formulation editor: the components of the composite with fractions
 * kept at 100 %, particle sizes, shapes and coatings, then process, cell,
 * test protocol and simulation settings. Every change is an undoable
 * document edit; the design is validated after each and the message of
 * cc_design_validate() is shown next to the field its JSON path names.
 * Materials are added by dropping palette rows or with
 * cc_formulation_editor_add_material().
 */
#pragma once

#include <gtk/gtk.h>
#include "cc-document.h"
#include "cc-design-edit.h"

G_BEGIN_DECLS

#define CC_TYPE_FORMULATION_EDITOR (cc_formulation_editor_get_type ())
G_DECLARE_FINAL_TYPE (CcFormulationEditor, cc_formulation_editor, CC, FORMULATION_EDITOR, GtkBox)

GtkWidget     *cc_formulation_editor_new                (void);
void           cc_formulation_editor_set_document       (CcFormulationEditor *self,
                                                         CcDocument          *document);
CcDocument    *cc_formulation_editor_get_document       (CcFormulationEditor *self);
void           cc_formulation_editor_set_fraction_mode  (CcFormulationEditor *self,
                                                         CcFractionMode       mode);
CcFractionMode cc_formulation_editor_get_fraction_mode  (CcFormulationEditor *self);
/* Adds a component; on failure shows why in the editor and returns FALSE. */
gboolean       cc_formulation_editor_add_material       (CcFormulationEditor *self,
                                                         const char          *material_id);

/* For tests and keyboard navigation: the input for a JSON path
 * ("components[0].mass_fraction", "process.pressure_MPa"), or NULL. */
GtkWidget     *cc_formulation_editor_get_field          (CcFormulationEditor *self,
                                                         const char          *path);
guint          cc_formulation_editor_get_n_components   (CcFormulationEditor *self);
/* The validation message shown next to a field, NULL when none. */
const char    *cc_formulation_editor_get_shown_error    (CcFormulationEditor *self,
                                                         GtkWidget          **field);

G_END_DECLS
