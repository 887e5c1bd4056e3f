/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cc-sweep-metrics.h"

G_BEGIN_DECLS

/* The evaluator sweeps use by default: the whole simulation pipeline. */
const CcSweepEvaluator *cc_sweep_pipeline_evaluator (void);

G_END_DECLS
