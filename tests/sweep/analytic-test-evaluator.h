/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "analytic-test": a TEST FIXTURE for the sweep engine, not a model. Its
 * numbers are a smooth made-up function of a few design fields; they only
 * have the right shape (an interior optimum of energy versus CAM fraction, a
 * trade-off between cut-off voltage and retention) so that sweeps, the
 * optimiser and Pareto fronts can be tested against known answers. Used by
 * the tests and, behind --evaluator=analytic-test, by the command-line tests.
 */
#pragma once

#include "cc-sweep-metrics.h"

G_BEGIN_DECLS

typedef struct {
  guint delay_us;   /* sleep per point (cancellable), to test interruption */
} CcAnalyticTestOptions;

/* user_data: CcAnalyticTestOptions* or NULL. */
gboolean cc_analytic_test_evaluate (const CcDesign  *design,
                                    CcSweepMetrics  *out,
                                    gpointer         user_data,
                                    GCancellable    *cancellable,
                                    GError         **error);

/* An evaluator struct for it (static storage); is_test is TRUE. */
const CcSweepEvaluator *cc_analytic_test_evaluator (const CcAnalyticTestOptions *options);

G_END_DECLS
