/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The impedance model of a solid-state cell, all per unit cell area
 * (ohm cm2), from high to low frequency:
 *
 *   separator bulk  (R || CPE)   R = L/sigma_b, C = eps0 eps_r / L
 *   separator grain boundaries (R || CPE)   brick layer: R = L/sigma_gb,app,
 *                   C = eps0 eps_r / L * (grain size / boundary thickness)
 *   interlayer      (R || C)     optional buffer layer between cathode and separator
 *   composite cathode: analytic two-rail transmission line (ionic rail
 *                   1/sigma_ion,eff, electronic rail 1/sigma_e,eff) whose
 *                   interfacial branch, per true CAM-SE area, is
 *                     coating (R||C) + interphase (R||C)
 *                     + [ C_dl || (R_ct + Z_diffusion,sphere) ]   (Randles)
 *                   averaged over the CAM particle size classes by area;
 *                   without a catholyte, a mixed-conducting line (chemical
 *                   capacitance of the CAM) behind that same interface on
 *                   the separator face
 *   anode interface (R || CPE)
 *
 * Every conductivity and rate is given at 25 degC and moved to the cell
 * temperature with its own Arrhenius activation energy,
 * sigma(T) = sigma(25 degC) exp(-Ea/k (1/T - 1/298.15 K)).
 *
 * The struct is plain data so that the integrator can fill it from a design,
 * a packing result and a degradation state (cc-eis-params.c does the first
 * two with documented fallbacks).
 */
#pragma once

#include <glib.h>
#include "cc-eis-spectrum.h"

G_BEGIN_DECLS

#define CC_EIS_MAX_SIZE_CLASSES 8
#define CC_EIS_T_REF_K          298.15

typedef struct {
  double temperature_C;

  /* Separator (solid electrolyte pellet or layer). */
  double sep_thickness_um;
  double sep_bulk_sigma_S_cm;       /* grain interior */
  double sep_gb_sigma_S_cm;         /* apparent grain-boundary conductivity, L / (R_gb A); 0 = no arc */
  double sep_permittivity;          /* relative */
  double sep_grain_to_gb_ratio;     /* grain size / boundary thickness (brick layer), >= 1 */
  double sep_bulk_n, sep_gb_n;      /* CPE exponents, 1 = ideal capacitor */
  double sep_bulk_ea_eV, sep_gb_ea_eV;

  /* Optional interlayer between cathode and separator (thickness 0 = none). */
  double il_thickness_um;
  double il_sigma_S_cm;
  double il_permittivity;
  double il_ea_eV;

  /* Composite cathode (transmission line). */
  double cat_thickness_um;
  double cat_sigma_ion_eff_S_cm;    /* effective, through the thickness */
  double cat_sigma_e_eff_S_cm;
  double cat_ion_ea_eV;             /* of the catholyte */
  double cat_area_per_volume_cm2_cm3; /* active CAM-SE contact area per electrode volume */
  /* Catholyte-free composites (no percolating SE or liquid): Na+ moves
   * through the CAM itself (cat_sigma_ion_eff is then the CAM network's), the
   * line's interfacial branch is the CAM's chemical capacitance per volume,
   * F c_max phi_CAM / |dU/dsoc|, and the CAM-SE reaction happens only on
   * the separator face, on cat_front_contact_fraction of it. */
  gboolean cat_mixed_conductor;
  double cat_cam_volume_fraction;
  double cat_front_contact_fraction;

  /* CAM-SE interface, per true contact area. */
  double ct_resistance_ohm_cm2;     /* RT / (F i0) at 25 degC */
  double ct_ea_eV;
  double dl_capacitance_F_cm2;
  double dl_n;                      /* CPE exponent of the double layer */

  /* Interphase (decomposition layer, grows with cycling) and coating. */
  double ip_thickness_nm;
  double ip_sigma_S_cm;
  double ip_permittivity;
  double ip_ea_eV;
  double coat_thickness_nm;         /* 0 = uncoated */
  double coat_sigma_S_cm;
  double coat_permittivity;
  double coat_ea_eV;

  /* Solid diffusion in the CAM. */
  guint  n_size_classes;
  double size_radius_um[CC_EIS_MAX_SIZE_CLASSES];
  double size_weight[CC_EIS_MAX_SIZE_CLASSES];  /* volume weights, sum to 1 */
  double diff_coeff_cm2_s;
  double diff_ea_eV;
  double docv_dsoc_V;               /* |dU/d(soc)| at the state of charge */
  double c_max_mol_cm3;             /* Na exchanged between soc 0 and 1, per CAM volume */

  /* Anode | separator interface. */
  double anode_resistance_ohm_cm2;
  double anode_capacitance_F_cm2;
  double anode_n;
  double anode_ea_eV;
} CcEisCellParams;

/* The processes the model reports (in this order). */
typedef enum {
  CC_EIS_PROC_SEP_BULK,
  CC_EIS_PROC_SEP_GB,
  CC_EIS_PROC_INTERLAYER,
  CC_EIS_PROC_CATHODE_IONIC,
  CC_EIS_PROC_COATING,
  CC_EIS_PROC_INTERPHASE,
  CC_EIS_PROC_CHARGE_TRANSFER,
  CC_EIS_PROC_DIFFUSION,
  CC_EIS_PROC_ANODE,
  CC_EIS_N_PROCS
} CcEisProcId;

/* Series contributions that can be evaluated on their own. The cathode is
 * one transmission line: its interphase, charge-transfer and diffusion
 * parts are not additive in Z, so they come as one contribution. */
typedef enum {
  CC_EIS_PART_SEP_BULK,
  CC_EIS_PART_SEP_GB,
  CC_EIS_PART_INTERLAYER,
  CC_EIS_PART_CATHODE,
  CC_EIS_PART_ANODE,
  CC_EIS_N_PARTS
} CcEisPartId;

typedef struct {
  double resistance_ohm_cm2;   /* contribution to the DC resistance */
  double tau_s;                /* characteristic time constant */
} CcEisProcInfo;

const char     *cc_eis_proc_name        (CcEisProcId id);
const char     *cc_eis_part_name        (CcEisPartId id);

/* exp(-Ea/k (1/T - 1/T_ref)): the factor by which a conductivity or rate at
 * 25 degC changes at temperature_C. */
double          cc_eis_arrhenius        (double ea_eV,
                                         double temperature_C);

/* A self-consistent set of values (a sulfide cell at 25 degC), used by
 * tests and as the starting point of the fallbacks. */
void            cc_eis_cell_params_init_default (CcEisCellParams *p);
gboolean        cc_eis_cell_params_validate     (const CcEisCellParams *p,
                                                 GError               **error);

/* Resistance (as it adds to the low-frequency limit; the diffusion entry is
 * the K/5 resistance of the finite-space element, the cathode-ionic entry
 * R_ion/3 + R_e/3) and time constant of every process, at the cell
 * temperature. Cathode processes are converted to ohm cm2 of cell area by
 * dividing by the interface area per cell area, a_v L. */
void            cc_eis_model_processes  (const CcEisCellParams *p,
                                         CcEisProcInfo          out[CC_EIS_N_PROCS]);

/* Impedance at one frequency; parts (nullable, CC_EIS_N_PARTS entries
 * each) receive the separable contributions, which sum to the total. */
void            cc_eis_model_impedance  (const CcEisCellParams *p,
                                         double                 freq_Hz,
                                         double                *z_re,
                                         double                *z_im,
                                         double                *parts_re,
                                         double                *parts_im);

/* The spectrum over a frequency range, with the process table attached
 * (processes with a resistance below 1e-9 ohm cm2 are omitted). */
CcEisSpectrum  *cc_eis_model_spectrum   (const CcEisCellParams *p,
                                         const CcEisFreqRange  *range,
                                         GError               **error);

G_END_DECLS
