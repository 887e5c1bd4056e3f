/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Addresses of fields in a design document, as written in sweep files:
 *
 *   process.pressure_MPa
 *   components[0].mass_fraction
 *   components[material=na3ps4-cubic].d50_um
 *   components[0].coating.thickness_nm
 *   cell.separator.material
 *
 * A path is resolved once against the base design's JSON tree: selectors
 * such as [material=…] become array indices there, so later changes of the
 * material by another axis do not move the address.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _CcDesignPath CcDesignPath;

/* NULL with CC_SWEEP_ERROR_INVALID when the text is malformed or names
 * nothing in @root. */
CcDesignPath *cc_design_path_resolve         (const char         *text,
                                              JsonNode           *root,
                                              GError            **error);
void          cc_design_path_free            (CcDesignPath       *self);
/* The resolved form, with indices only: "components[1].d50_um". */
const char   *cc_design_path_get_canonical   (const CcDesignPath *self);
/* The node at the path, or NULL when it does not exist in @root. */
JsonNode     *cc_design_path_lookup          (const CcDesignPath *self,
                                              JsonNode           *root);
/* Overwrite the value at the path. FALSE when it is gone (its holder was
 * removed by another axis). */
gboolean      cc_design_path_set_number      (const CcDesignPath *self,
                                              JsonNode           *root,
                                              double              value,
                                              gboolean            as_integer);
gboolean      cc_design_path_set_string      (const CcDesignPath *self,
                                              JsonNode           *root,
                                              const char         *value);
/* Remove the object that holds the field ("components[0].coating" for
 * "components[0].coating.material"). FALSE when the path is not a member of
 * an object that is itself an object member. */
gboolean      cc_design_path_remove_holder   (const CcDesignPath *self,
                                              JsonNode           *root);
/* For "components[I].FIELD" returns I, else -1. */
int           cc_design_path_component_index (const CcDesignPath *self,
                                              const char         *field);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcDesignPath, cc_design_path_free)

G_END_DECLS
