/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Literature presets as validation cases: reported-vs-predicted rows for one
 * preset (each with the tolerance it is judged by), and the effects the
 * review highlights, as data a test or `validate-presets` can iterate: each
 * effect names the presets to simulate, the quantity to read from the
 * results and the bound or range it must meet.
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>
#include "cc-cell.h"
#include "cc-preset.h"

G_BEGIN_DECLS

typedef struct {
  char     *quantity;     /* "capacity_mAh_g", "initial_coulombic_efficiency", "retention" */
  char     *condition;    /* where it was read: "cycle 250 at 0.2C" */
  double    reported;
  double    predicted;
  double    tolerance;    /* absolute, or relative when `relative` */
  gboolean  relative;
  char     *tolerance_text;
  gboolean  pass;
  char     *note;         /* why a prediction may not be comparable, or "" */
} CcPresetComparison;

/* Rows for what the preset reports; empty when it reports no number. */
GPtrArray *cc_preset_compare             (const CcPreset     *preset,
                                          const CcCellResult *result);   /* CcPresetComparison* */
void       cc_preset_comparison_free     (CcPresetComparison *row);
void       cc_preset_comparisons_to_json (GPtrArray   *rows,
                                          JsonBuilder *builder);          /* a "comparisons" member */

typedef enum {
  CC_EFFECT_CAPACITY,          /* discharge capacity at `cycle`, mAh/g */
  CC_EFFECT_FRACTION,          /* capacity at `cycle` / theoretical capacity */
  CC_EFFECT_ICE,               /* initial Coulombic efficiency */
  CC_EFFECT_RETENTION,         /* capacity at `cycle` / capacity at cycle 1 */
  CC_EFFECT_RATE_CAPACITY,     /* rate-capability capacity at `c_rate`, mAh/g */
} CcEffectMetric;

typedef struct {
  const char     *preset;
  CcEffectMetric  metric;
  guint           cycle;
  double          c_rate;
  /* Protocol overrides for this preset's simulation (0: keep the preset's). */
  double          cycling_c_rate;
  guint           cycles;
} CcEffectQuantity;

typedef enum {
  CC_EFFECT_RANGE,             /* lo <= a <= hi */
  CC_EFFECT_AT_LEAST,          /* a >= lo */
  CC_EFFECT_AT_MOST,           /* a <= hi */
  CC_EFFECT_RATIO_AT_LEAST,    /* a / b >= lo */
  CC_EFFECT_RATIO_AT_MOST,     /* a / b <= hi */
} CcEffectTest;

typedef struct {
  const char       *id;
  const char       *statement;   /* the review's claim */
  CcEffectQuantity  a, b;        /* b only for ratio tests */
  CcEffectTest      test;
  double            lo, hi;
  const char       *tolerance;   /* the bound, in words, with the reported figure */
  const char       *gap;         /* NULL; or why the present model does not reproduce it
                                  * (tests report such an effect but do not assert it) */
} CcPresetEffect;

const CcPresetEffect *cc_preset_effects          (guint *n_effects);

/* The design to simulate for one quantity: the preset's, with the
 * quantity's protocol overrides applied. */
CcDesign  *cc_preset_effect_design        (const CcEffectQuantity *q,
                                           const CcPreset         *preset);
/* Reads the quantity from a result; FALSE (and *value 0) when the result
 * does not hold it (too few cycles, no such rate, no ICE). */
gboolean   cc_preset_effect_value         (const CcEffectQuantity *q,
                                           const CcCellResult     *result,
                                           double                 *value);
/* Judges the effect from the results of its presets (rb NULL for one-preset
 * tests). *text (optional) gets a line such as "a = 58.1 mAh/g, need 35-90". */
gboolean   cc_preset_effect_check         (const CcPresetEffect *effect,
                                           const CcCellResult   *ra,
                                           const CcCellResult   *rb,
                                           double               *value,
                                           char                **text);

/* How a caller supplies microstructures: the packing engine in the app and
 * CLI, the effective-medium estimate in tests. */
typedef gboolean (*CcMicrostructureFunc) (const CcDesign   *design,
                                          CcMaterialDb     *db,
                                          CcMicrostructure *out,
                                          gpointer          data,
                                          GError          **error);

/* Design -> microstructure -> inputs -> simulation, for convenience. */
CcCellResult *cc_preset_simulate_design   (const CcDesign       *design,
                                           CcMaterialDb         *db,
                                           CcMicrostructureFunc  micro,
                                           gpointer              data,
                                           GError              **error);

G_END_DECLS
