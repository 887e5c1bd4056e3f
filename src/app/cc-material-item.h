/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A thin GObject over a CcMaterial (owned by the materials database) for
 * list models: palette rows, group headers and the "None" choice of
 * material drop-downs.
 */
#pragma once

#include <glib-object.h>
#include "cc-material.h"

G_BEGIN_DECLS

typedef enum {
  CC_MATERIAL_ITEM_MATERIAL,
  CC_MATERIAL_ITEM_HEADER,
  CC_MATERIAL_ITEM_NONE,
} CcMaterialItemKind;

#define CC_TYPE_MATERIAL_ITEM (cc_material_item_get_type ())
G_DECLARE_FINAL_TYPE (CcMaterialItem, cc_material_item, CC, MATERIAL_ITEM, GObject)

CcMaterialItem     *cc_material_item_new          (const CcMaterial *material,
                                                   guint             group);
CcMaterialItem     *cc_material_item_new_header   (const char       *title,
                                                   guint             group);
CcMaterialItem     *cc_material_item_new_none     (const char       *title);

CcMaterialItemKind  cc_material_item_get_kind     (CcMaterialItem   *self);
const CcMaterial   *cc_material_item_get_material (CcMaterialItem   *self);
/* Material id; NULL for headers and "None". */
const char         *cc_material_item_get_id       (CcMaterialItem   *self);
const char         *cc_material_item_get_title    (CcMaterialItem   *self);
/* Pango markup of the formula (falls back to the escaped formula). */
const char         *cc_material_item_get_markup   (CcMaterialItem   *self);
guint               cc_material_item_get_group    (CcMaterialItem   *self);
/* The key numbers shown in a palette row: capacity and voltage for active
 * materials, conductivity and window for electrolytes, one per line; ""
 * if none is known. */
const char         *cc_material_item_get_summary  (CcMaterialItem   *self);
/* Case-insensitive match of a casefolded needle against id, name, formula
 * and family. */
gboolean            cc_material_item_matches      (CcMaterialItem   *self,
                                                   const char       *needle);

/* The palette group of a material: its class, and its family for active
 * materials and electrolytes. Title is translated. */
char               *cc_material_group_title       (const CcMaterial *material);

G_END_DECLS
