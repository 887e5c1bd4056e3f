/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The materials database: every material of data/materials/ (one JSON file per family), loaded
 * from the GResource compiled into the core (or from files for tests).
 */
#pragma once

#include <glib.h>
#include "cc-material.h"

G_BEGIN_DECLS

#define CC_MATERIAL_DB_ERROR (cc_material_db_error_quark ())

typedef enum {
  CC_MATERIAL_DB_ERROR_PARSE,
  CC_MATERIAL_DB_ERROR_INVALID,
  CC_MATERIAL_DB_ERROR_DUPLICATE,
} CcMaterialDbError;

typedef struct _CcMaterialDb CcMaterialDb;

GQuark            cc_material_db_error_quark (void);

CcMaterialDb     *cc_material_db_new         (void);
CcMaterialDb     *cc_material_db_ref         (CcMaterialDb *self);
void              cc_material_db_unref       (CcMaterialDb *self);

/* The database shipped in the binary; loaded once, shared, never NULL
 * (a broken built-in database is a programming error and aborts). */
CcMaterialDb     *cc_material_db_get_default (void);

gboolean          cc_material_db_load_data   (CcMaterialDb  *self,
                                              const char    *data,
                                              gssize         length,
                                              const char    *origin,
                                              GError       **error);
gboolean          cc_material_db_load_file   (CcMaterialDb  *self,
                                              const char    *path,
                                              GError       **error);
gboolean          cc_material_db_load_builtin (CcMaterialDb *self,
                                               GError      **error);

const CcMaterial *cc_material_db_lookup      (CcMaterialDb *self,
                                              const char   *id);
guint             cc_material_db_get_n       (CcMaterialDb *self);
const CcMaterial *cc_material_db_get_nth     (CcMaterialDb *self,
                                              guint         index);
/* Materials of one class, in file order. Free with g_ptr_array_unref;
 * the elements belong to the database. */
GPtrArray        *cc_material_db_list_class  (CcMaterialDb    *self,
                                              CcMaterialClass  klass);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcMaterialDb, cc_material_db_unref)

G_END_DECLS
