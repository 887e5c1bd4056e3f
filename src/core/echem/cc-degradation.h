/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Degradation mechanisms of a composite cathode with a solid electrolyte,
 * each a named term that can be switched off (CcMechanism bits):
 *
 * OXIDATION, REDUCTION  electrolyte decomposition wherever the local
 *   electrode potential (phi_s - phi_e, V vs Na) leaves the electrolyte's
 *   window, at CAM-electrolyte contacts (scaled by how well the CAM surface
 *   supplies electrons, sigma/(sigma + sigma_supply)) and at carbon-electrolyte
 *   contacts (full supply: carbon accelerates it). Rate past the limit
 *   r = k (exp(dE/b) - 1). Products that do not conduct electrons passivate:
 *   dL/dt = r exp(-L/lambda) (L ~ lambda ln t); products that do keep
 *   growing: dL/dt = r / (1 + L/L_t) (linear, then ~sqrt t). Each nm of
 *   interphase consumes sodium (n_Na F / V_m of electrolyte decomposed):
 *   side-reaction charge that lowers the Coulombic efficiency. The CAM-side
 *   interphase adds L/sigma to the interface (film) resistance, sigma from
 *   whether the products conduct Na+. A coating stops it while its own
 *   window covers the potential, over the fraction of surface it covers.
 * CHEMICAL  a chemical interphase from chemical-potential (anion) mismatch,
 *   present from assembly and growing parabolically, blocked by a coating.
 * CONTACT_LOSS  per cycle the CAM-electrolyte contact shrinks by
 *   k max(0, E* (dV/V)/3 u - p_stack)/sigma_ref sqrt(R/R_ref), times a relief
 *   factor when either side flows plastically (larger particles release
 *   more strain energy when they debond); a particle is isolated once all its
 *   contacts are lost (probability (1 - contact)^n). Wetting agents and
 *   coatings that block contact loss stop it; a volatile wetting agent
 *   stops working after its lifetime and the contact it supplied is lost.
 * STRUCTURAL  CAM capacity lost while the CAM sits above its structural
 *   limit, proportional to the excess voltage and the time.
 * ANODE  an anode interphase that conducts electrons but not Na+ (halides
 *   reduced to metal + NaCl) grows parabolically and adds resistance; other
 *   anode interphases are taken as stabilised inside the measured anode ASR.
 */
#pragma once

#include <glib.h>
#include "cc-cell-inputs.h"
#include "cc-electrode.h"

G_BEGIN_DECLS

typedef enum {
  CC_MECH_OXIDATION    = 1 << 0,
  CC_MECH_REDUCTION    = 1 << 1,
  CC_MECH_CHEMICAL     = 1 << 2,
  CC_MECH_CONTACT_LOSS = 1 << 3,
  CC_MECH_STRUCTURAL   = 1 << 4,
  CC_MECH_ANODE        = 1 << 5,
} CcMechanism;

#define CC_N_MECHANISMS 6
#define CC_MECH_ALL     ((1u << CC_N_MECHANISMS) - 1)

/* Index 0..CC_N_MECHANISMS-1 of a single bit; names are stable JSON keys. */
const char *cc_mechanism_name        (guint index);
const char *cc_mechanism_description (guint index);

typedef struct {
  guint    mechanisms;
  double   e_ox, e_red;                 /* electrolyte window, V vs Na */
  double   coat_ox, coat_red, coverage; /* coating window and coverage */
  gboolean coat_blocks_ox, coat_blocks_red, coat_blocks_chem, coat_blocks_contact;
  double   rate0;                       /* m/s at the cell temperature */
  double   tafel, lambda, l_transport;
  gboolean ox_continuous, red_continuous;
  double   sigma_ox, sigma_red;         /* S/m of the interphases */
  double   chi_cam;                     /* electron supply of the CAM surface, 0..1 */
  double   a_cam, a_carbon;             /* m2/m3 at the start */
  double   zeta;                        /* C per m3 of interphase */
  double   chem_l0, chem_k, sigma_chem; /* m, m2/s, S/m (mismatch included) */
  double   stress_per_use;              /* Pa of mismatch stress at full utilisation */
  double   stack_pressure, stress_ref, contact_rate, relief, contacts_per_particle;
  double   size_factor;                 /* sqrt(R_mean / R_ref) */
  gboolean wetting;
  double   wetting_lifetime;            /* cycles; 0 = for good */
  double   dry_contact_ratio, dry_active_ratio;
  double   struct_limit, struct_rate;
  gboolean anode_grows;
  double   anode_k, anode_sigma;
  double   r_coat;                      /* Ohm m2 per contact area */
} CcDegModel;

typedef struct {
  guint    nx;
  double  *l_ox, *l_red;                /* CAM-side interphases per position, m */
  double  *l_ox_c, *l_red_c;            /* carbon-side interphases, m */
  double   l_chem, l_anode;             /* m */
  double   time;                        /* s of operation */
  double   contact;                     /* CAM-electrolyte contact / initial */
  double   isolated;                    /* CAM isolated by contact loss */
  double   struct_loss;                 /* CAM capacity lost structurally */
  double   wetting_factor;              /* 1, or the dry/wet ratio once a volatile agent is gone */
  gboolean wetting_gone;
  double   q_side;                      /* side-reaction charge since the last reset, C/m2 */
  guint    cycle;                       /* completed cycles */
} CcDegState;

void        cc_deg_model_init     (CcDegModel         *model,
                                   const CcCellInputs *in,
                                   guint               mechanisms);
CcDegState *cc_deg_state_new      (const CcDegModel *model,
                                   guint             nx);
void        cc_deg_state_free     (CcDegState *state);
CcDegState *cc_deg_state_copy     (const CcDegState *state);
/* The same state averaged over the thickness (for the reduced model). */
CcDegState *cc_deg_state_collapse (const CcDegState *state);

/* Per-step update from the electrode's local potentials (a CcStepHook with
 * data = CcDegRun). */
/* The potentials (V vs Na) the terms respond to at one position. */
typedef struct {
  double electronic;   /* phi_s - phi_e: what carbon-electrolyte contacts see */
  double cam;          /* CAM surface: without the film's ohmic drop */
  double surface_ocv;  /* equilibrium potential of the CAM surface (structure) */
} CcDegPotentials;

typedef struct {
  const CcDegModel *model;
  CcDegState       *state;
  GArray           *trace_dt;   /* when not NULL: step lengths (s) ... */
  GArray           *trace_e;    /* ... and CcDegPotentials of position 0, for replay */
} CcDegRun;
void        cc_deg_step_hook      (CcElectrode *e,
                                   double       dt,
                                   gpointer     data);
/* Applies a recorded potential history (one position) to a one-position
 * state, as cc_deg_step_hook would have; thickness in m. Returns the
 * side-reaction charge, C/m2. */
double      cc_deg_replay         (const CcDegModel *model,
                                   CcDegState       *state,
                                   const GArray     *trace_dt,
                                   const GArray     *trace_e,
                                   double            thickness);
/* Film resistance at the CAM contacts of position i, Ohm m2 of contact. */
double      cc_deg_film           (const CcDegModel *model,
                                   const CcDegState *state,
                                   guint             i);
/* The part of the film due to one mechanism, averaged over positions. */
double      cc_deg_film_part      (const CcDegModel *model,
                                   const CcDegState *state,
                                   CcMechanism       mech);
/* Anode interphase resistance, Ohm m2. */
double      cc_deg_anode_resistance (const CcDegModel *model,
                                     const CcDegState *state);
/* Mean CAM-side interphase thickness (decomposition + chemical), m. */
double      cc_deg_interphase     (const CcDegModel *model,
                                   const CcDegState *state);
/* Active CAM relative to the start (isolation, structure, wetting loss). */
double      cc_deg_active         (const CcDegState *state);
/* End of a cycle in which a fraction u of the window was cycled: contact
 * loss, isolation and the wetting agent's lifetime. */
void        cc_deg_end_cycle      (const CcDegModel *model,
                                   CcDegState       *state,
                                   double            utilisation);
/* Contact loss per cycle at utilisation u (for cycle jumping and tests). */
double      cc_deg_contact_loss_rate (const CcDegModel *model,
                                      const CcDegState *state,
                                      double            utilisation);

G_END_DECLS
