/* SPDX-License-Identifier: GPL-3.0-or-later
 * Internal to cc_cell_simulate (formation and rate tests in
 * cc-cell-simulate.c, reduced-model cycling in cc-cell-cycling.c). */
#pragma once

#include "cc-cell.h"
#include "cc-electrode.h"
#include "cc-half-cycle.h"

G_BEGIN_DECLS

/* Resistances are capped here (Ohm m2, i.e. 1 MOhm cm2): an open circuit. */
#define CC_RESISTANCE_OPEN 100.0

typedef struct {
  const CcCellInputs *in;
  CcCellOptions       opts;
  GCancellable       *cancellable;
  CcCellResult       *result;
  CcDegModel          model;
  CcElectrodeParams   base;          /* full model, fresh state */
  double              y_start;       /* sodiation as assembled */
  int                 in_sign;       /* current sign of the first half-cycle: -1 charge, +1 discharge */
  double              sensitivity;   /* -dQ/dR / Q of the reduced model, 1/(Ohm m2) */
  gboolean            cancelled;
  gboolean            failed;
} CcSim;

void     cc_sim_warn        (CcSim      *sim,
                             const char *format,
                             ...) G_GNUC_PRINTF (2, 3);
double   cc_sim_mAh_g       (const CcSim *sim,
                             double       q_C_m2);
/* Electrode parameters for a degradation state (contact, active CAM). */
void     cc_sim_params      (const CcSim       *sim,
                             const CcDegState  *state,
                             guint              nx,
                             CcElectrodeParams *p);
void     cc_sim_apply_films (const CcSim      *sim,
                             const CcDegState *state,
                             CcElectrode      *e);
/* DC resistance of the series terms, Ohm m2. */
double   cc_sim_resistance  (const CcSim      *sim,
                             const CcDegState *state);
/* Capacity fractions attributed to each mechanism; returns the dominant
 * mechanism index or -1. */
int      cc_sim_attribute   (const CcSim      *sim,
                             const CcDegState *state,
                             double           *loss);
double   cc_sim_current     (const CcSim *sim,
                             double       c_rate);
/* One galvanostatic half-cycle to the protocol's limit for the current's
 * sign; FALSE only when cancelled. */
gboolean cc_sim_half        (CcSim        *sim,
                             CcElectrode  *e,
                             double        current,
                             gboolean      record,
                             CcStepHook    hook,
                             gpointer      data,
                             CcHalfResult *out);
/* Cycles 2..N with the reduced model; state and start sodiation after
 * formation; target_mAh_g the full model's discharge capacity at the
 * cycling rate in that state. */
void     cc_sim_cycling     (CcSim            *sim,
                             const CcDegState *after_formation,
                             double            y_after,
                             double            target_mAh_g);

G_END_DECLS
