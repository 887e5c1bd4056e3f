/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Physical constants and the model constants of the electrochemistry and
 * degradation models. Every model constant says whether it is an estimate
 * (a typical value with its basis) or fitted (with what it was fitted to);
 * cc_cell_inputs_from_design copies them into the inputs, where tests and
 * the app can change them.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CC_FARADAY         96485.33212     /* C/mol */
#define CC_GAS_CONSTANT    8.314462618     /* J/(mol K) */
#define CC_BOLTZMANN_EV    8.617333262e-5  /* eV/K */
#define CC_T_REF_K         298.15          /* reference temperature of the database */
#define CC_C_PER_MAH_G     3600.0          /* 1 mAh/g = 3600 C/kg */

typedef enum {
  CC_ORIGIN_MATERIAL,        /* a database property */
  CC_ORIGIN_DESIGN,          /* the design document */
  CC_ORIGIN_MICROSTRUCTURE,  /* the packing metrics */
  CC_ORIGIN_DERIVED,         /* computed from other inputs */
  CC_ORIGIN_ESTIMATE,        /* a typical value; the basis says why */
  CC_ORIGIN_FITTED,          /* tuned; the basis says to what */
} CcOrigin;

const char *cc_origin_to_string (CcOrigin origin);

typedef enum {
  CC_K_BV_ALPHA,
  CC_K_I0_DEFAULT,
  CC_K_INTERFACE_EA,
  CC_K_DIFFUSION_EA,
  CC_K_ANODE_ASR,
  CC_K_DECOMP_RATE,
  CC_K_DECOMP_TAFEL,
  CC_K_PASSIVATION_LENGTH,
  CC_K_SIGMA_INTERPHASE_INSULATING,
  CC_K_SIGMA_INTERPHASE_IONIC,
  CC_K_ELECTRON_SUPPLY_SIGMA,
  CC_K_INTERPHASE_EA,
  CC_K_CHEM_INITIAL,
  CC_K_CHEM_GROWTH,
  CC_K_SIGMA_CHEM,
  CC_K_CONTACT_LOSS_RATE,
  CC_K_CONTACT_STRESS_REF,
  CC_K_PLASTIC_RELIEF,
  CC_K_CONTACTS_PER_PARTICLE,
  CC_K_STRUCT_RATE,
  CC_K_COATING_COVERAGE_LENGTH,
  CC_K_WETTING_FILL,
  CC_K_INTERPHASE_MOLAR_RATIO,
  CC_K_CONTINUOUS_LENGTH,
  CC_K_ANODE_INTERPHASE_GROWTH,
  CC_K_ANODE_INTERPHASE_SIGMA,
  CC_K_CONTACT_SIZE_REF,
  CC_K_CARBON_CONTACT_FRACTION,
  CC_N_MODEL_CONSTANTS
} CcModelConstantId;

typedef struct {
  const char *name;
  double      value;     /* SI */
  const char *unit;
  CcOrigin    origin;    /* CC_ORIGIN_ESTIMATE or CC_ORIGIN_FITTED */
  const char *basis;
} CcModelConstant;

const CcModelConstant *cc_model_constant (CcModelConstantId id);

G_END_DECLS
