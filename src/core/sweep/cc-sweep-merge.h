/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Joining the result files of shards (or of any runs of one sweep) into one
 * canonical file: lines sorted by index, identical duplicates dropped. The
 * result is byte-identical to the file of an unsharded run.
 */
#pragma once

#include "cc-sweep.h"
#include "cc-sweep-record.h"

G_BEGIN_DECLS

typedef struct {
  guint64 n_points;      /* written */
  guint64 n_duplicates;  /* identical lines dropped */
  guint64 n_missing;     /* only with a sweep: points no input holds */
} CcSweepMergeSummary;

/* With @sweep (optional) every line is checked to belong to it and a
 * missing point is an error (CC_SWEEP_ERROR_MISMATCH naming the first
 * one). All inputs must come from one evaluator. Inputs are read completely
 * before @out_path is written (atomically), so it may be one of them. */
gboolean cc_sweep_merge (const char * const   *inputs,
                         const char           *out_path,
                         CcSweep              *sweep,
                         CcSweepMergeSummary  *summary,
                         GError              **error);

G_END_DECLS
