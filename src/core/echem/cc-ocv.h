/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Open-circuit voltage of an active material as used by the cell model: the
 * database curve U(soc) (V vs Na+/Na, soc = 0 sodiated/discharged, 1 charged)
 * plus
 *  - a steep boundary term in the outer CC_OCV_EDGE of the window, so the
 *    state of charge cannot leave the capacity the curve spans (the curve's
 *    flat extrapolation would let it); it drops about 1 V over the last
 *    0.02 % of the window and is zero elsewhere;
 *  - a symmetric hysteresis: +h/2 on charge, -h/2 on discharge (conversion
 *    and organic materials), from the database's voltage_hysteresis_V.
 */
#pragma once

#include <glib.h>
#include "cc-material.h"

G_BEGIN_DECLS

#define CC_OCV_EDGE        0.01   /* soc width of the boundary layer */
#define CC_OCV_EDGE_STEEP  10.0   /* multiple of RT/F in the boundary term */
#define CC_OCV_MAX_POINTS  256

typedef struct {
  guint  n;
  double soc[CC_OCV_MAX_POINTS];
  double volt[CC_OCV_MAX_POINTS];
  double hysteresis_V;
} CcOcv;

/* Copies (and, past CC_OCV_MAX_POINTS, resamples) a database curve. */
void   cc_ocv_init_from_curve (CcOcv         *self,
                               const CcCurve *curve,
                               double         hysteresis_V);
/* A two-point linear curve, for tests and materials without a curve. */
void   cc_ocv_init_linear     (CcOcv  *self,
                               double  v_discharged,
                               double  v_charged);
/* U at state of charge soc; branch +1 charge, -1 discharge, 0 equilibrium;
 * temperature in K (the boundary term scales with RT/F). dU/dsoc in *slope
 * when not NULL. */
double cc_ocv_eval            (const CcOcv *self,
                               double       soc,
                               int          branch,
                               double       temperature_K,
                               double      *slope);
/* The soc at which the equilibrium curve crosses voltage v (clamped). */
double cc_ocv_soc_at          (const CcOcv *self,
                               double       v);

G_END_DECLS
