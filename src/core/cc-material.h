/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One entry of the materials database: identity, class, sourced numeric
 * properties (the unit is part of each key), qualitative facts and an
 * optional open-circuit-voltage curve.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  CC_MATERIAL_CLASS_CAM,        /* cathode active material */
  CC_MATERIAL_CLASS_SE,         /* solid electrolyte */
  CC_MATERIAL_CLASS_CARBON,     /* conductive carbon */
  CC_MATERIAL_CLASS_BINDER,
  CC_MATERIAL_CLASS_INTERLAYER, /* coatings, buffer layers, wetting agents */
  CC_MATERIAL_CLASS_ANODE,
  CC_MATERIAL_N_CLASSES
} CcMaterialClass;

/* A numeric property. Every value carries its source; an estimate says so
 * and gives its basis. */
typedef struct {
  char     *key;      /* "density_g_cm3": the unit is part of the key */
  double    value;
  char     *source;   /* "Review ref. [36]" or "Hayashi et al., Nat. Commun. 2019" */
  gboolean  estimate;
  char     *basis;    /* for estimates: how the number was obtained */
  char     *note;     /* optional context (conditions of the measurement) */
} CcProperty;

/* A tabulated curve y(x), e.g. OCV (V vs Na+/Na) against state of charge
 * x in [0, 1] where x = 0 is the discharged (sodiated) state. */
typedef struct {
  guint     n;
  double   *x;
  double   *y;
  char     *source;
  gboolean  estimate;
  char     *basis;
} CcCurve;

typedef struct _CcMaterial CcMaterial;

const char        *cc_material_class_to_string   (CcMaterialClass klass);
gboolean           cc_material_class_from_string (const char      *str,
                                                  CcMaterialClass *out);
const char        *cc_material_class_label       (CcMaterialClass klass);

const char        *cc_material_get_id          (const CcMaterial *self);
const char        *cc_material_get_name        (const CcMaterial *self);
const char        *cc_material_get_formula     (const CcMaterial *self);
const char        *cc_material_get_markup      (const CcMaterial *self);
CcMaterialClass    cc_material_get_class       (const CcMaterial *self);
const char        *cc_material_get_family      (const CcMaterial *self);
const char        *cc_material_get_description (const CcMaterial *self);

gboolean           cc_material_has             (const CcMaterial *self,
                                                const char       *key);
double             cc_material_get             (const CcMaterial *self,
                                                const char       *key,
                                                double            fallback);
const CcProperty  *cc_material_get_property    (const CcMaterial *self,
                                                const char       *key);
guint              cc_material_get_n_properties (const CcMaterial *self);
const CcProperty  *cc_material_get_property_at (const CcMaterial *self,
                                                guint             index);

/* Qualitative facts ("facts" object in the JSON). */
const char        *cc_material_get_string      (const CcMaterial *self,
                                                const char       *key);
const char * const *cc_material_get_strv       (const CcMaterial *self,
                                                const char       *key);
gboolean           cc_material_get_flag        (const CcMaterial *self,
                                                const char       *key,
                                                gboolean          fallback);
GList             *cc_material_get_fact_keys   (const CcMaterial *self);

const CcCurve     *cc_material_get_ocv         (const CcMaterial *self);

double             cc_curve_eval               (const CcCurve *curve,
                                                double         x);

/* Internal to the database loader. */
CcMaterial        *cc_material_new_from_json   (gpointer     json_object,
                                                const char  *origin,
                                                GError     **error);
void               cc_material_free            (CcMaterial *self);

G_END_DECLS
