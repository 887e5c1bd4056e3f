/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-echem-constants.h"

const char *
cc_origin_to_string (CcOrigin origin)
{
  switch (origin)
    {
    case CC_ORIGIN_MATERIAL:       return "material";
    case CC_ORIGIN_DESIGN:         return "design";
    case CC_ORIGIN_MICROSTRUCTURE: return "microstructure";
    case CC_ORIGIN_DERIVED:        return "derived";
    case CC_ORIGIN_ESTIMATE:       return "estimate";
    case CC_ORIGIN_FITTED:         return "fitted";
    default:                       return "unknown";
    }
}

/* Values in SI. "Fitted" constants were tuned, in this order, against the
 * review's highlighted effects (see cc-preset-compare.c); each basis names the
 * figure it was tuned to. Estimates are typical magnitudes, not fits. */
static const CcModelConstant constants[CC_N_MODEL_CONSTANTS] = {
  [CC_K_BV_ALPHA] = { "bv_transfer_coefficient", 0.5, "1", CC_ORIGIN_ESTIMATE,
    "symmetric Butler-Volmer; no Na-ASSB measurement of asymmetry" },
  [CC_K_I0_DEFAULT] = { "default_exchange_current_density", 1.0, "A/m2", CC_ORIGIN_ESTIMATE,
    "0.1 mA/cm2, low end of 0.1-1 mA/cm2 reported for oxide CAM | sulfide SE (Li, NCM-LPSCl); "
    "used when the CAM has no exchange_current_density_mA_cm2" },
  [CC_K_INTERFACE_EA] = { "interface_activation_energy", 0.45, "eV", CC_ORIGIN_ESTIMATE,
    "typical 0.3-0.6 eV of solid-solid charge transfer; Arrhenius of the exchange current" },
  [CC_K_DIFFUSION_EA] = { "default_diffusion_activation_energy", 0.35, "eV", CC_ORIGIN_ESTIMATE,
    "typical of Na diffusion in layered and polyanion hosts; used when the CAM has none" },
  [CC_K_ANODE_ASR] = { "default_anode_interface_resistance", 20e-4, "Ohm m2", CC_ORIGIN_ESTIMATE,
    "20 Ohm cm2, between Li|LLZO best case (<1) and typical Na-Sn|sulfide cells; used when "
    "the anode has no interface_resistance_ohm_cm2" },
  [CC_K_DECOMP_RATE] = { "decomposition_rate_constant", 1.0e-13, "m/s", CC_ORIGIN_FITTED,
    "interphase growth rate one Tafel slope past the window edge; order of PyBaMM's SEI rate "
    "constant (1e-13 m/s), tuned so NaCrO2 | Na3PS4 with carbon gives the reported ICE of "
    "about 89 % (Review Table 1, ref. [99])" },
  [CC_K_DECOMP_TAFEL] = { "decomposition_tafel_slope", 0.12, "V", CC_ORIGIN_ESTIMATE,
    "120 mV/decade-like slope (alpha ~ 0.5 at 25 C) for the decomposition current beyond the "
    "thermodynamic limit" },
  [CC_K_PASSIVATION_LENGTH] = { "passivation_length", 2.0e-9, "m", CC_ORIGIN_FITTED,
    "electron-tunnelling decay length of a passivating (electronically insulating) interphase: "
    "growth slows as exp(-L/lambda), so L ~ lambda ln t (Tang-Lu-Newman form); tuned with the "
    "rate constant to the NaCrO2 | Na3PS4 capacity (~60-68 mAh/g)" },
  [CC_K_SIGMA_INTERPHASE_INSULATING] = { "interphase_conductivity_insulating", 1.0e-8, "S/m",
    CC_ORIGIN_FITTED,
    "Na+ conductivity of an interphase whose products are ionic insulators (S, P2S5, NaCl-rich); "
    "1e-10 S/cm tuned so the NaCrO2 | Na3PS4 interphase limits capacity to ~60-68 mAh/g" },
  [CC_K_SIGMA_INTERPHASE_IONIC] = { "interphase_conductivity_ionic", 1.0e-5, "S/m", CC_ORIGIN_ESTIMATE,
    "1e-7 S/cm for products that conduct Na+ (Na2S, Na3P, Na3PO4-like)" },
  [CC_K_ELECTRON_SUPPLY_SIGMA] = { "electron_supply_conductivity", 1.0e-2, "S/m", CC_ORIGIN_ESTIMATE,
    "1e-4 S/cm: a surface supplies electrons to the decomposition at the fraction "
    "sigma/(sigma + this); carbon supplies fully, a poorly conducting CAM barely (Asakura 2019: "
    "without carbon the onset is overestimated by > 1 V)" },
  [CC_K_INTERPHASE_EA] = { "interphase_growth_activation_energy", 0.5, "eV", CC_ORIGIN_ESTIMATE,
    "Arrhenius of interphase growth; PyBaMM examples use 42 kJ/mol (0.44 eV) for the SEI" },
  [CC_K_CHEM_INITIAL] = { "chemical_interphase_initial_thickness", 3.0e-9, "m", CC_ORIGIN_ESTIMATE,
    "thickness formed on assembly at full anion mismatch (oxide CAM against a sulfide SE); "
    "interdiffusion layers of a few nm seen by TEM in Li analogues" },
  [CC_K_CHEM_GROWTH] = { "chemical_interphase_parabolic_rate", 2.0e-24, "m2/s", CC_ORIGIN_ESTIMATE,
    "parabolic (diffusion-limited) growth L^2 = L0^2 + k t at full mismatch: ~4 nm more after "
    "1000 h" },
  [CC_K_SIGMA_CHEM] = { "chemical_interphase_conductivity", 1.0e-7, "S/m", CC_ORIGIN_ESTIMATE,
    "1e-9 S/cm: space-charge / interdiffusion layer between an oxide CAM and a sulfide SE" },
  [CC_K_CONTACT_LOSS_RATE] = { "contact_loss_rate", 0.05, "1/cycle", CC_ORIGIN_FITTED,
    "fraction of CAM-SE contact lost per cycle at the reference mismatch stress; tuned to the "
    "fast fade of rigid NVP | NZSP within the first cycles (Review refs. [205], [206])" },
  [CC_K_CONTACT_STRESS_REF] = { "contact_stress_reference", 100e6, "Pa", CC_ORIGIN_ESTIMATE,
    "interfacial strength scale: mismatch stress E* x linear strain minus the stack pressure is "
    "compared with it" },
  [CC_K_PLASTIC_RELIEF] = { "plastic_relief_factor", 0.05, "1", CC_ORIGIN_ESTIMATE,
    "fraction of the contact loss left when one side flows plastically (sulfides, hydrides, "
    "soft organics re-form contact under the stack pressure)" },
  [CC_K_CONTACTS_PER_PARTICLE] = { "cam_contacts_per_particle", 6.0, "1", CC_ORIGIN_ESTIMATE,
    "CAM-SE contacts per CAM particle in a composite: a particle is isolated once all are lost" },
  [CC_K_STRUCT_RATE] = { "structural_degradation_rate", 1.5e-6, "1/s", CC_ORIGIN_FITTED,
    "fraction of the remaining CAM capacity lost per second while the CAM surface sits at its "
    "structural limit (x exp((E - limit)/50 mV), saturating at 20x: layered oxides above ~4 V, "
    "P2-O2, NaCrO2 desodiated past x = 0.5); tuned so NaCrO2 | Na3PS4 charged to 4.1 V vs Na keeps "
    "~60-70 mAh/g by cycle 15 (Review ref. [210]); P2 Na0.67Ni0.23Mg0.1Mn0.67O2 to 4.5 V then keeps "
    "~25 % after 1000 cycles (47 of ~120 mAh/g reported, Table 1 ref. [100])" },
  [CC_K_COATING_COVERAGE_LENGTH] = { "coating_coverage_length", 3.0e-9, "m", CC_ORIGIN_ESTIMATE,
    "coating coverage 1 - exp(-t/length): a 3 nm coating leaves ~37 % of the surface bare, "
    "20 nm covers it" },
  [CC_K_WETTING_FILL] = { "wetting_fill_fraction", 0.8, "1", CC_ORIGIN_ESTIMATE,
    "fraction of the non-contacting CAM surface a liquid or ionic-liquid wetting agent turns "
    "into solid-liquid-solid contact (Review section 4: point contacts become area contacts)" },
  [CC_K_INTERPHASE_MOLAR_RATIO] = { "interphase_volume_per_electrolyte_volume", 1.0, "1",
    CC_ORIGIN_ESTIMATE,
    "interphase volume formed per volume of electrolyte decomposed" },
  [CC_K_CONTINUOUS_LENGTH] = { "continuous_growth_transport_length", 10e-9, "m", CC_ORIGIN_ESTIMATE,
    "an electronically conducting interphase grows at the reaction rate while thin and, past "
    "this length, as r L_t / L (transport-limited, L ~ sqrt t; Yang 2017 form in PyBaMM)" },
  [CC_K_ANODE_INTERPHASE_GROWTH] = { "anode_interphase_parabolic_rate", 1.0e-17, "m2/s", CC_ORIGIN_ESTIMATE,
    "L^2 = k t for an electronically conducting, ionically blocking anode interphase (halide "
    "reduced to metal + NaCl): ~10 um after ~3000 h of operation; Meng 2022 reports ~90 um "
    "against Sn (literature-values.md 5.2) over an unstated time" },
  [CC_K_ANODE_INTERPHASE_SIGMA] = { "anode_interphase_conductivity", 1.3e-4, "S/m", CC_ORIGIN_ESTIMATE,
    "90 um interphase adding ~9000 Ohm on ~0.8 cm2 (Meng 2022): 90e-6 m / 0.7 Ohm m2" },
  [CC_K_CONTACT_SIZE_REF] = { "contact_loss_reference_radius", 1.0e-6, "m", CC_ORIGIN_ESTIMATE,
    "the mismatch drive scales as sqrt(R / this): the strain energy released by a debonding "
    "particle grows with its size (Griffith), so nano-sized CAMs keep contact (Review 3.2.1)" },
  [CC_K_CARBON_CONTACT_FRACTION] = { "carbon_contact_fraction", 0.3, "1", CC_ORIGIN_ESTIMATE,
    "fraction of a carbon particle's geometric surface in contact with its neighbours; with the "
    "electrolyte's volume share it gives the carbon-electrolyte area at the design's carbon size "
    "(a packing that coarse-grains nano carbon under-counts it)" },
};

const CcModelConstant *
cc_model_constant (CcModelConstantId id)
{
  g_return_val_if_fail (id < CC_N_MODEL_CONSTANTS, NULL);
  return &constants[id];
}
