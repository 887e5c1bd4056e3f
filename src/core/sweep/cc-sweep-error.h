/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Errors of the design-space screening (sweeps, merging, optimiser).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CC_SWEEP_ERROR (cc_sweep_error_quark ())

typedef enum {
  CC_SWEEP_ERROR_PARSE,          /* not JSON / not a sweep file / bad results line */
  CC_SWEEP_ERROR_INVALID,        /* a field of the sweep file has a bad value */
  CC_SWEEP_ERROR_TOO_LARGE,      /* more axes, values or points than allowed */
  CC_SWEEP_ERROR_IO,
  CC_SWEEP_ERROR_MISMATCH,       /* a results file belongs to another sweep, shard or evaluator */
  CC_SWEEP_ERROR_NO_EVALUATOR,
} CcSweepError;

GQuark cc_sweep_error_quark (void);

G_END_DECLS
