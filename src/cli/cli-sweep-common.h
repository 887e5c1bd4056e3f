/* SPDX-License-Identifier: GPL-3.0-or-later
 * What the sweep, optimize and pareto commands share. */
#pragma once

#include <gio/gio.h>
#include "cc-sweep-metrics.h"

G_BEGIN_DECLS

/* Interrupted by SIGINT/SIGTERM; the work done so far is kept. */
#define CLI_EXIT_INTERRUPTED 130

/* The evaluator @name, or the build's model when NULL. Fails with a clear
 * message when this build has no model; says so on stderr when the choice
 * is a test fixture. */
const CcSweepEvaluator *cli_sweep_evaluator     (const char  *name,
                                                 GError     **error);

typedef gboolean (*CliWorkFunc) (gpointer       data,
                                 GCancellable  *cancellable,
                                 GError       **error);

/* Runs @func on a worker thread while the main thread turns SIGINT and
 * SIGTERM (Slurm's signal at the time limit) into a cancellation. A second
 * signal exits at once: results are flushed line by line anyway. */
gboolean                cli_run_interruptible   (CliWorkFunc   func,
                                                 gpointer      data,
                                                 GError      **error);

/* Exit code and message for an error of the sweep commands. */
int                     cli_sweep_fail          (const GError *error);

gboolean                cli_metric_lookup       (const char   *option,
                                                 const char   *name,
                                                 guint        *out,
                                                 GError      **error);

G_END_DECLS
