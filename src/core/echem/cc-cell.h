/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cell simulation: voltage curves per C-rate and branch, rate
 * capability, specific energy and power, initial Coulombic efficiency and
 * per-cycle fade, from CcCellInputs.
 *
 * Scheme (see the README section "Electrochemistry and degradation models"):
 *  1. cycle 1 (formation) with the full porous-electrode model
 *     (cc-electrode.h) and the degradation terms (cc-degradation.h) at every
 *     step and position: initial Coulombic efficiency, first interphases;
 *  2. voltage curves and rate capability with the full model in the
 *     post-formation state;
 *  3. cycles 2..N with a reduced model: the same equations with one control
 *     volume through the thickness (single-particle model per size class,
 *     ohmic electrode), plus a series resistance calibrated so it matches
 *     the full model's capacity at the cycling rate. Adaptive cycle jumping:
 *     an explicit reduced-model cycle records the potential history, the
 *     degradation laws are replayed on that history for the skipped cycles,
 *     and capacities between explicit cycles are interpolated
 *     (CcCycleRecord.simulated says which cycles were explicit).
 *
 * Results never hold NaN: a cell without an ionic or electronic path or
 * without active CAM gets a status and an explanation; a run that does not
 * converge is marked and explained.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include "cc-cell-inputs.h"
#include "cc-degradation.h"

G_BEGIN_DECLS

typedef struct {
  guint    nx;               /* full model: control volumes through the thickness (16) */
  guint    nr;               /* shells per particle (10) */
  guint    mechanisms;       /* CcMechanism bits (CC_MECH_ALL) */
  gboolean cycle_jumping;    /* TRUE */
  double   jump_tolerance;   /* capacity change allowed per jump, fraction (0.01) */
  guint    max_jump;         /* largest jump in cycles (100) */
  guint    cycles;           /* 0: the protocol's */
  guint    max_newton;       /* 0: the solver's default */
  gboolean skip_cycling;     /* only formation and rate tests */
} CcCellOptions;

void cc_cell_options_init (CcCellOptions *options);

typedef enum {
  CC_CELL_STATUS_OK,
  CC_CELL_STATUS_PARTIAL,            /* some runs failed to converge; see warnings */
  CC_CELL_STATUS_NO_IONIC_PATH,
  CC_CELL_STATUS_NO_ELECTRONIC_PATH,
  CC_CELL_STATUS_NO_ACTIVE_CAM,
  CC_CELL_STATUS_FAILED,             /* the formation cycle failed; message says why */
} CcCellStatus;

const char *cc_cell_status_to_string (CcCellStatus status);

typedef enum {
  CC_BRANCH_CHARGE,
  CC_BRANCH_DISCHARGE,
} CcBranch;

typedef struct {
  double    c_rate;
  CcBranch  branch;
  GArray   *capacity_mAh_g;     /* double, per g of CAM */
  GArray   *voltage_V;          /* double, cell voltage */
  double    capacity_mAh_g_end;
  double    energy_Wh_kg_cam;
  double    mean_voltage_V;
  gboolean  converged;
  char     *end_reason;
} CcVoltageProfile;

typedef struct {
  guint     cycle;
  double    charge_mAh_g;
  double    discharge_mAh_g;
  double    coulombic_efficiency;
  double    resistance_ohm_cm2;
  double    interphase_nm;
  double    active_cam_fraction;  /* of all CAM */
  int       dominant;             /* mechanism index, -1 for none */
  gboolean  simulated;            /* FALSE: jumped (degradation replayed, capacity interpolated) */
} CcCycleRecord;

typedef struct {
  double    c_rate;
  gboolean  valid;
  double    capacity_mAh_g;       /* discharge */
  double    energy_Wh_kg_cam, energy_Wh_kg_composite;
  double    power_W_kg_cam, power_W_kg_composite;
} CcRatePoint;

typedef struct {
  CcCellStatus status;
  char        *message;           /* explanation when status is not OK */
  GPtrArray   *profiles;          /* CcVoltageProfile* */
  GArray      *rates;             /* CcRatePoint */
  gboolean     has_ice;
  double       ice;
  double       first_charge_mAh_g, first_discharge_mAh_g;
  GArray      *cycles;            /* CcCycleRecord, cycle 1 first */
  double       loss[CC_N_MECHANISMS];   /* capacity fraction attributed at the end */
  int          limiting;          /* mechanism with the largest loss, -1 none */
  double       theoretical_mAh_g, window_mAh_g;
  double       calibration_ohm_cm2;     /* series resistance added to the reduced model */
  guint        explicit_cycles;
  gboolean     starts_charged;
  GPtrArray   *warnings;          /* char* */
} CcCellResult;

CcCellResult *cc_cell_simulate       (const CcCellInputs *inputs,
                                      CcCellOptions      *options,
                                      GCancellable       *cancellable,
                                      GError            **error);
void          cc_cell_result_free    (CcCellResult *result);
/* Capacity of the discharge that ends cycle n (1-based); 0 if not run. */
double        cc_cell_result_discharge_at (const CcCellResult *result,
                                           guint               cycle);
/* Discharge capacity at cycle n over that of cycle 1 (0 when undefined). */
double        cc_cell_result_retention    (const CcCellResult *result,
                                           guint               cycle);
/* Writes members into the open JSON object: status, message,
 * voltage_profiles, rate_capability, energy, initial_coulombic_efficiency,
 * cycling, degradation, warnings. */
void          cc_cell_result_to_json (const CcCellResult *result,
                                      JsonBuilder        *builder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcCellResult, cc_cell_result_free)

G_END_DECLS
