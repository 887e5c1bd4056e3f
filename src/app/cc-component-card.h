/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One component of the formulation: colour swatch, formula and class, the
 * fraction slider and spin button, particle size (d50, log-normal spread),
 * shape, and for active materials the coating and its thickness. The card
 * only reports what the user changed; the editor turns that into an
 * undoable document edit.
 */
#pragma once

#include <gtk/gtk.h>
#include "cc-colors.h"
#include "cc-design.h"

G_BEGIN_DECLS

#define CC_TYPE_COMPONENT_CARD (cc_component_card_get_type ())
G_DECLARE_FINAL_TYPE (CcComponentCard, cc_component_card, CC, COMPONENT_CARD, GtkBox)

CcComponentCard *cc_component_card_new         (CcMaterialDb       *db,
                                                 guint               index,
                                                 const CcComponent  *component,
                                                 CcRgb               color);
guint            cc_component_card_get_index   (CcComponentCard    *self);
/* Shows the component; `fraction` (0..1) is the mass or volume fraction
 * the editor displays. */
void             cc_component_card_sync        (CcComponentCard    *self,
                                                const CcComponent  *component,
                                                double              fraction);
/* Writes the card's particle, shape and coating fields into `component`. */
void             cc_component_card_apply       (CcComponentCard    *self,
                                                CcComponent        *component);
/* The input for a field path relative to the component ("mass_fraction",
 * "d50_um", "spread", "morphology", "coating.material",
 * "coating.thickness_nm", "agglomerate_d_um", "material"); NULL if the card has none. */
GtkWidget       *cc_component_card_get_field   (CcComponentCard    *self,
                                                const char         *field);
GtkWidget       *cc_component_card_get_error_label (CcComponentCard *self);
void             cc_component_card_set_fraction_label (CcComponentCard *self,
                                                       const char      *label);

G_END_DECLS
