/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A galvanostatic half-cycle of a CcElectrode: constant current until the
 * cell voltage reaches the cut-off. Adaptive steps (smaller where the voltage
 * moves fast); the last step is retaken so the curve ends on the cut-off.
 */
#pragma once

#include "cc-electrode.h"

G_BEGIN_DECLS

typedef enum {
  CC_HALF_END_CUTOFF,        /* reached the voltage limit */
  CC_HALF_END_START_BEYOND,  /* the polarisation alone crosses the limit: no capacity */
  CC_HALF_END_EXHAUSTED,     /* no active capacity, or the CAM ran out before the limit */
  CC_HALF_END_FAILED,        /* the solver failed; message says where */
  CC_HALF_END_CANCELLED,
} CcHalfEnd;

typedef struct {
  double        current;     /* A/m2, > 0 discharge */
  double        v_limit;     /* cell-voltage cut-off */
  double        max_dq;      /* largest step, fraction of the active capacity (0: 0.02) */
  double        dv_target;   /* voltage change per step the step control aims at (0: 0.02 V) */
  gboolean      record;      /* keep the (q, V) points */
  CcStepHook    hook;        /* called after each accepted step */
  gpointer      hook_data;
  GCancellable *cancellable;
} CcHalfSpec;

typedef struct {
  CcHalfEnd  end;
  double     capacity;    /* C/m2 through the CAM */
  double     energy;      /* J/m2: integral of V dq */
  double     duration;    /* s */
  double     v_end;
  GArray    *q, *v;       /* C/m2 and V when recorded */
  char      *message;
  guint      steps;
} CcHalfResult;

void cc_half_run          (CcElectrode      *e,
                           const CcHalfSpec *spec,
                           CcHalfResult     *out);
void cc_half_result_clear (CcHalfResult *r);

G_END_DECLS
