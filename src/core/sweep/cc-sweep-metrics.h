/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a design-space screening records per point, and the pluggable
 * evaluator that computes it. The sweep engine knows nothing about packing or
 * electrochemistry: it hands each generated, validated design to an evaluator
 * and records what comes back.
 */
#pragma once

#include <gio/gio.h>
#include "cc-design.h"

G_BEGIN_DECLS

#define CC_SWEEP_N_METRICS 6   /* the numeric fields below, in this order */

/* NAN in a numeric field means "not computed" and is written as JSON null. */
typedef struct {
  double  active_cam_fraction;          /* CAM reached by both networks, 0..1 */
  double  sigma_ion_eff_S_per_cm;       /* effective ionic conductivity of the composite */
  double  sigma_e_eff_S_per_cm;         /* effective electronic conductivity */
  double  initial_capacity_mAh_g;       /* first discharge, per gram of CAM */
  double  energy_Wh_per_kg_composite;   /* first discharge, per kg of composite cathode */
  double  retention_at_n_cycles;        /* capacity retention after retention_cycles, 0..1 */
  guint   retention_cycles;             /* N: the design's protocol.cycles (set by the engine) */
  char   *limiting_mechanism;           /* short id such as "ionic-percolation"; NULL if none */
  char   *error;                        /* why a point is invalid or failed; NULL when ok */
} CcSweepMetrics;

/* Evaluates one design. Called from worker threads, concurrently: it must be
 * thread-safe and deterministic (same design, same seed: same numbers), so
 * that sharded and resumed runs reproduce the unsharded one byte for byte.
 * Return FALSE with @error for a point that cannot be computed: the engine
 * records it as failed and goes on. An error G_IO_ERROR_CANCELLED means "not
 * done" and is not recorded. @out arrives cleared (numbers NAN, strings NULL);
 * the engine owns the strings set in it. */
typedef gboolean (*CcSweepEvalFunc) (const CcDesign  *design,
                                     CcSweepMetrics  *out,
                                     gpointer         user_data,
                                     GCancellable    *cancellable,
                                     GError         **error);

typedef struct {
  const char      *name;       /* recorded with every result: rename it when the model changes */
  const char      *summary;
  CcSweepEvalFunc  func;
  gpointer         user_data;
  gboolean         is_test;    /* a test fixture: never the default, its numbers are not predictions */
} CcSweepEvaluator;

void      cc_sweep_metrics_init  (CcSweepMetrics       *self);
void      cc_sweep_metrics_clear (CcSweepMetrics       *self);
void      cc_sweep_metrics_copy  (const CcSweepMetrics *src,
                                  CcSweepMetrics       *dest);

/* The numeric metrics by name, for objectives, constraints and axes of
 * charts. Names are the JSON keys of the records. */
guint       cc_sweep_metric_get_n       (void);
const char *cc_sweep_metric_get_name    (guint                 i);
const char *cc_sweep_metric_get_unit    (guint                 i);
gboolean    cc_sweep_metric_lookup      (const char           *name,
                                         guint                *out);
double      cc_sweep_metrics_get        (const CcSweepMetrics *self,
                                         guint                 i);
void        cc_sweep_metrics_set        (CcSweepMetrics       *self,
                                         guint                 i,
                                         double                value);

/* Registry of evaluators. Registered structs must outlive the process. The
 * core registers its models on first use; programs may add their own. */
void                    cc_sweep_evaluator_register    (const CcSweepEvaluator *evaluator);
const CcSweepEvaluator *cc_sweep_evaluator_lookup      (const char             *name);
/* The first registered evaluator that is not a test fixture; NULL when this
 * build has none. */
const CcSweepEvaluator *cc_sweep_evaluator_get_default (void);
/* All registered evaluators; free with g_ptr_array_unref. */
GPtrArray              *cc_sweep_evaluator_list        (void);

G_END_DECLS
