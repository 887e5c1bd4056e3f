/* SPDX-License-Identifier: GPL-3.0-or-later
 * Helpers shared by the sweep test programs. */
#pragma once

#include "cc-sweep.h"
#include "cc-sweep-run.h"
#include "analytic-test-evaluator.h"

G_BEGIN_DECLS

/* A fresh temporary directory, removed (with its files) by st_cleanup. */
char     *st_tmpdir       (void);
void      st_cleanup      (const char *dir);
CcSweep  *st_load         (const char *text);
char     *st_read         (const char *path);
guint     st_count_lines  (const char *text);
/* Runs the whole sweep (or a shard) into @out; asserts success. */
void      st_run          (CcSweep                *sweep,
                           const CcSweepEvaluator *ev,
                           guint                   shard_index,
                           guint                   shard_count,
                           guint                   threads,
                           const char             *out);

G_END_DECLS
