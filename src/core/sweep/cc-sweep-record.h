/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Results of sweep points, one JSON object per line (JSON Lines):
 *
 *   {"index":7,"id":"…","replicate":1,"seed":2,"values":{"process.pressure_MPa":250.0},
 *    "status":"ok","evaluator":"…","metrics":{…,"limiting_mechanism":"…"}}
 *
 * status "invalid" (the design failed validation) and "failed" (the
 * evaluator could not compute it) carry "error" instead of metrics. A line is
 * a function of the point alone, so any run order gives the same lines.
 */
#pragma once

#include <gio/gio.h>
#include "cc-sweep.h"
#include "cc-sweep-metrics.h"

G_BEGIN_DECLS

typedef enum {
  CC_SWEEP_STATUS_OK,
  CC_SWEEP_STATUS_INVALID,
  CC_SWEEP_STATUS_FAILED,
} CcSweepStatus;

typedef struct {
  guint64         index;
  char           *id;
  guint           replicate;
  guint64         seed;
  JsonNode       *values;      /* object: axis path -> number, string or null */
  CcSweepStatus   status;
  char           *evaluator;
  CcSweepMetrics  metrics;     /* metrics.error says why for invalid/failed */
  char           *line;        /* the JSON text, without newline */
} CcSweepRecord;

const char    *cc_sweep_status_to_string (CcSweepStatus status);

CcSweepRecord *cc_sweep_record_new       (void);
void           cc_sweep_record_free      (CcSweepRecord *self);
/* Fills self->line from the fields. */
void           cc_sweep_record_serialize (CcSweepRecord *self);
CcSweepRecord *cc_sweep_record_parse     (const char    *line,
                                          gsize          length,
                                          GError       **error);
/* A key equal for the replicates of one design: the values, serialised. */
char          *cc_sweep_record_design_key (const CcSweepRecord *self);

/* Generates, validates and evaluates one point into @out (index and line
 * left for the caller). Returns FALSE only when cancelled; invalid and failed
 * points are results. */
gboolean       cc_sweep_evaluate_point   (const CcSweep          *sweep,
                                          const CcSweepValue     *values,
                                          guint                   replicate,
                                          const CcSweepEvaluator *evaluator,
                                          CcMaterialDb           *db,
                                          GCancellable           *cancellable,
                                          CcSweepRecord          *out);

/* Reads a results file. A last line without its newline (a write cut off by
 * a kill) is dropped when @tolerate_partial_tail, and *valid_bytes says how
 * much of the file the returned records cover. Any other unreadable line is
 * an error naming the file and line. Returns CcSweepRecord*. */
GPtrArray     *cc_sweep_read_results     (const char    *path,
                                          gboolean       tolerate_partial_tail,
                                          gsize         *valid_bytes,
                                          GError       **error);
/* Sort by index; identical duplicates are dropped, conflicting ones are an
 * error. */
gboolean       cc_sweep_results_canonicalize (GPtrArray *records,
                                              GError   **error);
/* Atomic write of the records' lines. */
gboolean       cc_sweep_write_results    (const char    *path,
                                          GPtrArray     *records,
                                          GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcSweepRecord, cc_sweep_record_free)

G_END_DECLS
