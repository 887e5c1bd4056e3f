/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The optimiser of a sweep: Nelder–Mead (cc-nelder-mead.h) over the sweep's
 * numeric axes, each bounded by its range (log axes searched in log space,
 * whole-number fields rounded), for one objective metric under constraints
 * on others. Every combination of the categorical axes gets its own search;
 * the results come back best first. A design's metrics are the means over
 * the sweep's replicates, evaluated in parallel. A design that is invalid or
 * fails ranks below every computed one.
 */
#pragma once

#include "cc-sweep.h"
#include "cc-sweep-metrics.h"

G_BEGIN_DECLS

#define CC_SWEEP_MAX_COMBINATIONS 256

typedef enum {
  CC_SWEEP_AT_LEAST,   /* metric >= bound */
  CC_SWEEP_AT_MOST,    /* metric <= bound */
} CcSweepBoundKind;

typedef struct {
  guint            metric;
  CcSweepBoundKind kind;
  double           bound;
} CcSweepConstraint;

/* "retention_at_n_cycles>=0.8" ("<=" too; ">" and "<" are read as the
 * non-strict forms). */
gboolean cc_sweep_constraint_parse     (const char              *text,
                                        CcSweepConstraint       *out,
                                        GError                 **error);
/* 0 when met, else the shortfall relative to |bound| (or absolute for a
 * bound of 0); INFINITY for a NAN value. */
double   cc_sweep_constraint_violation (const CcSweepConstraint *self,
                                        double                   value);

typedef struct {
  guint                    objective;        /* metric index */
  gboolean                 maximize;
  const CcSweepConstraint *constraints;
  guint                    n_constraints;
  guint                    max_evaluations;  /* designs per combination; 0: 200 */
  double                   x_tolerance;      /* fraction of each range; 0: 1e-3 */
  guint                    n_threads;        /* 0: g_get_num_processors () */
} CcSweepOptimizeOptions;

typedef struct {
  CcSweepValue   *values;        /* one per axis; labels point into the sweep */
  JsonNode       *values_json;
  CcSweepMetrics  mean;          /* over the replicates */
  double          sd[CC_SWEEP_N_METRICS];
  gboolean        computed;      /* all replicates computed */
  gboolean        feasible;
  double          violation;
  char           *error;         /* why the best design of this search was not computed */
  guint           evaluations;   /* designs evaluated by this search (cached repeats included) */
  guint           restarts;
  gboolean        converged;
} CcSweepOptimum;

typedef struct {
  GPtrArray *optima;             /* CcSweepOptimum*, best first */
  guint      points_evaluated;   /* evaluator calls: designs x replicates, without repeats */
} CcSweepOptimizeResult;

void                   cc_sweep_optimize_result_free (CcSweepOptimizeResult *self);

/* NULL with an error for bad options, too many combinations, or when
 * cancelled (G_IO_ERROR_CANCELLED). */
CcSweepOptimizeResult *cc_sweep_optimize (CcSweep                      *sweep,
                                          const CcSweepEvaluator       *evaluator,
                                          CcMaterialDb                 *db,
                                          const CcSweepOptimizeOptions *options,
                                          GCancellable                 *cancellable,
                                          GError                      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcSweepOptimizeResult, cc_sweep_optimize_result_free)

G_END_DECLS
