/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The formulation edits the app offers, as plain operations on a CcDesign
 * (no GTK, unit-tested): adding a material from the palette, removing a
 * component, and setting one component's mass or volume fraction while the
 * others rescale so the total stays 100 %.
 */
#pragma once

#include "cc-design.h"

G_BEGIN_DECLS

#define CC_DESIGN_EDIT_ERROR (cc_design_edit_error_quark ())

typedef enum {
  CC_DESIGN_EDIT_ERROR_UNKNOWN,     /* no such material */
  CC_DESIGN_EDIT_ERROR_CLASS,       /* e.g. an anode dropped into the composite */
  CC_DESIGN_EDIT_ERROR_DUPLICATE,   /* already a component */
  CC_DESIGN_EDIT_ERROR_FULL,        /* CC_DESIGN_MAX_COMPONENTS reached */
} CcDesignEditError;

typedef enum {
  CC_FRACTION_MASS,
  CC_FRACTION_VOLUME,
} CcFractionMode;

GQuark   cc_design_edit_error_quark       (void);

/* The share a newly added component of this class takes (the others give
 * it up in proportion), and its starting particle size. */
double   cc_design_edit_default_fraction  (CcMaterialClass  klass);
double   cc_design_edit_default_d50       (CcMaterialClass  klass);

/* Returns the index of the new component. */
gint     cc_design_edit_add_component     (CcDesign        *design,
                                           CcMaterialDb    *db,
                                           const char      *material_id,
                                           GError         **error);
void     cc_design_edit_remove_component  (CcDesign        *design,
                                           guint            index);
gint     cc_design_edit_find_component    (const CcDesign  *design,
                                           const char      *material_id);

/* Volume fractions need every component's density. */
gboolean cc_design_edit_can_use_volume    (const CcDesign  *design,
                                           CcMaterialDb    *db);
/* Fills out[components->len]. FALSE for volume mode without densities. */
gboolean cc_design_edit_get_fractions     (const CcDesign  *design,
                                           CcMaterialDb    *db,
                                           CcFractionMode   mode,
                                           double          *out);
gboolean cc_design_edit_set_fraction      (CcDesign        *design,
                                           CcMaterialDb    *db,
                                           CcFractionMode   mode,
                                           guint            index,
                                           double           value);

/* Validation messages start with the JSON path of the offending field
 * ("components[2].mass_fraction = 1.7: must be ..."): returns that path, or
 * NULL when the message does not start with one. */
char    *cc_design_edit_error_path        (const char      *message);
/* One level up: "a.b[2].c" -> "a.b[2]" -> "a.b" -> "a" -> NULL. */
char    *cc_design_edit_parent_path       (const char      *path);

G_END_DECLS
