/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading a sweep's results as designs: replicates grouped into a mean and a
 * sample standard deviation (the error bars), and the Pareto front of two
 * metrics.
 */
#pragma once

#include "cc-sweep-record.h"

G_BEGIN_DECLS

typedef struct {
  JsonNode *values;               /* the axis values of the design */
  guint64   first_index;          /* of its first replicate */
  guint     n_total;              /* replicates in the results */
  guint     n_ok;                 /* of them computed */
  double    mean[CC_SWEEP_N_METRICS];
  double    sd[CC_SWEEP_N_METRICS];   /* sample sd; 0 for one replicate; NAN for none */
  char     *limiting_mechanism;   /* of the first computed replicate */
  char     *error;                /* of the first replicate when none was computed */
} CcSweepDesignSummary;

void       cc_sweep_design_summary_free (CcSweepDesignSummary *self);
/* One summary per design, in index order. @records: CcSweepRecord*. */
GPtrArray *cc_sweep_summarize           (GPtrArray    *records);

/* Indices of the points no other point dominates (at least as good in both,
 * better in one), ordered by x ascending (by y ascending among equal x).
 * Points with a non-finite coordinate take no part. Points equal in both
 * coordinates are all kept. O(n log n). */
GArray    *cc_pareto_front              (guint         n,
                                         const double *x,
                                         const double *y,
                                         gboolean      maximize_x,
                                         gboolean      maximize_y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcSweepDesignSummary, cc_sweep_design_summary_free)

G_END_DECLS
