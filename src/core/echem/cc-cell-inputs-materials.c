/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The material part of cc_cell_inputs_from_design: CAM, composite
 * electrolyte, coating and wetting agent, separator, interlayer and anode.
 */
#include "cc-cell-inputs-private.h"

#include <math.h>
#include <string.h>
#include "cc-chemistry.h"

static gboolean
build_ocv (CcBuild *b,
           GError **error)
{
  CcCellInputs *in = b->in;
  const CcCurve *curve = cc_material_get_ocv (b->cam);
  double hyst = cc_material_get (b->cam, "voltage_hysteresis_V", 0);

  if (curve != NULL && curve->n >= 2)
    {
      cc_ocv_init_from_curve (&in->ocv, curve, hyst);
      return TRUE;
    }
  {
    double lo = cc_material_get (b->cam, "voltage_min_V", NAN);
    double hi = cc_material_get (b->cam, "voltage_max_V", NAN);
    double avg = cc_material_get (b->cam, "average_voltage_V", NAN);

    if (isnan (lo) || isnan (hi))
      {
        if (isnan (avg))
          {
            g_set_error (error, CC_CELL_ERROR, CC_CELL_ERROR_INVALID,
                         "material '%s' has no OCV curve, voltage window or average voltage",
                         cc_material_get_id (b->cam));
            return FALSE;
          }
        lo = avg - 0.25;
        hi = avg + 0.25;
      }
    cc_ocv_init_linear (&in->ocv, lo, hi);
    in->ocv.hysteresis_V = hyst;
    cc_build_note (b, "%s has no OCV curve: a linear curve %.2f-%.2f V (estimate)",
                   cc_material_get_id (b->cam), lo, hi);
  }
  return TRUE;
}

gboolean
cc_build_cam (CcBuild *b,
              GError **error)
{
  CcCellInputs *in = b->in;
  const CcMaterial *m = b->cam;
  const char *state = cc_material_get_string (m, "initial_state");
  double qt, qw, rho, f;

  if (!cc_build_from_material (b, &in->cam_density, m, "density_g_cm3", 1000, "kg/m3", NAN, NULL, error)
      || !cc_build_from_material (b, &in->capacity_theoretical, m, "theoretical_capacity_mAh_g",
                                  CC_C_PER_MAH_G, "C/kg", NAN, NULL, error))
    return FALSE;
  qt = in->capacity_theoretical.value;
  cc_build_from_material (b, &in->capacity_window, m, "practical_capacity_mAh_g", CC_C_PER_MAH_G, "C/kg",
                          qt, "the OCV curve is taken to span the theoretical capacity", NULL);
  if (in->capacity_window.value > qt)
    {
      cc_param_set (&in->capacity_window, qt, "C/kg", CC_ORIGIN_DERIVED,
                    "practical capacity above the theoretical one: capped at theoretical");
    }
  qw = in->capacity_window.value;
  rho = in->cam_density.value;
  cc_param_set (&in->c_max, qw * rho / CC_FARADAY, "mol/m3", CC_ORIGIN_DERIVED,
                "window capacity x density / F");

  f = cc_arrhenius_factor (cc_material_get (m, "diffusion_activation_energy_eV",
                                            in->k[CC_K_DIFFUSION_EA].value), b->temperature);
  cc_build_from_material (b, &in->diffusivity, m, "diffusion_coefficient_cm2_s", 1e-4 * f, "m2/s",
                          1e-14 * f, "1e-10 cm2/s, middle of the 1e-12..1e-9 range of Na hosts", NULL);
  f = cc_arrhenius_factor (in->k[CC_K_INTERFACE_EA].value, b->temperature);
  cc_build_from_material (b, &in->exchange_current, m, "exchange_current_density_mA_cm2", 10 * f, "A/m2",
                          in->k[CC_K_I0_DEFAULT].value * f, "default exchange current (estimate)", NULL);
  cc_build_from_material (b, &in->volume_change, m, "volume_change_percent", 0.01, "1", 0.02,
                          "2 %, typical of insertion hosts", NULL);
  cc_build_from_material (b, &in->cam_modulus, m, "young_modulus_GPa", 1e9, "Pa", 100e9,
                          "100 GPa, typical of inorganic CAMs", NULL);
  cc_build_from_material (b, &in->cam_poisson, m, "poisson_ratio", 1, "1", 0.3, "typical", NULL);
  cc_build_from_material (b, &in->cam_sigma_e, m, "electronic_conductivity_S_cm", 100, "S/m", 1e-4,
                          "1e-6 S/cm, a poor electronic conductor", NULL);
  cc_build_from_material (b, &in->structural_limit, m, "structural_limit_V", 1, "V", INFINITY,
                          "no structural limit known", NULL);
  in->cam_plastic = cc_material_is_plastic (m);
  in->cam_anion = g_strdup (cc_material_anion (m));

  /* Cathodes assembled without sodium (TiS2, FeS2, S, PTO, Fe4[Fe(CN)6]3)
   * start charged: their first half-cycle is a discharge. */
  if (state != NULL)
    in->starts_charged = g_str_equal (state, "charged");
  else
    in->starts_charged = !cc_formula_has_sodium (cc_material_get_formula (m));
  return build_ocv (b, error);
}

gboolean
cc_build_electrolyte (CcBuild *b,
                      GError **error)
{
  CcCellInputs *in = b->in;
  const CcMaterial *m = b->el;
  double ox, red, mm, rho;

  if (m == NULL)
    {
      /* No ionic phase: the microstructure reports no ionic path and the
       * simulation returns that explanation; keep neutral numbers. */
      cc_param_set (&in->el_oxidation_limit, INFINITY, "V", CC_ORIGIN_DESIGN, "no electrolyte in the composite");
      cc_param_set (&in->el_reduction_limit, -INFINITY, "V", CC_ORIGIN_DESIGN, "no electrolyte in the composite");
      cc_param_set (&in->el_sigma, 0, "S/m", CC_ORIGIN_DESIGN, "no electrolyte in the composite");
      cc_param_set (&in->el_modulus, 20e9, "Pa", CC_ORIGIN_ESTIMATE, "no electrolyte");
      cc_param_set (&in->el_poisson, 0.3, "1", CC_ORIGIN_ESTIMATE, "no electrolyte");
      cc_param_set (&in->el_molar_volume, 1e-4, "m3/mol", CC_ORIGIN_ESTIMATE, "no electrolyte");
      cc_param_set (&in->el_na_per_formula, 0, "1", CC_ORIGIN_ESTIMATE, "no electrolyte");
      cc_build_note (b, "the composite has no electrolyte component");
      return TRUE;
    }
  in->electrolyte_id = g_strdup (cc_material_get_id (m));
  in->electrolyte_anion = g_strdup (cc_material_anion (m));
  ox = cc_build_first_limit (m, "oxidation_limit_V", "apparent_oxidation_limit_V", INFINITY);
  red = cc_build_first_limit (m, "reduction_limit_V", "apparent_reduction_limit_V", -INFINITY);
  cc_param_set (&in->el_oxidation_limit, ox, "V", CC_ORIGIN_MATERIAL, "%s: oxidation_limit_V%s",
                in->electrolyte_id, isinf (ox) ? " (none known: no oxidation)" : "");
  cc_param_set (&in->el_reduction_limit, red, "V", CC_ORIGIN_MATERIAL, "%s: reduction_limit_V%s",
                in->electrolyte_id, isinf (red) ? " (none known: no reduction)" : "");
  if (!cc_build_ionic_sigma (b, &in->el_sigma, m, 1e-4, error))
    return FALSE;
  cc_build_from_material (b, &in->el_modulus, m, "young_modulus_GPa", 1e9, "Pa", 20e9,
                          "20 GPa, a soft electrolyte", NULL);
  cc_build_from_material (b, &in->el_poisson, m, "poisson_ratio", 1, "1", 0.3, "typical", NULL);
  mm = cc_material_get (m, "molar_mass_g_mol", NAN);
  rho = cc_material_get (m, "density_g_cm3", NAN);
  if (mm > 0 && rho > 0)
    cc_param_set (&in->el_molar_volume, mm / rho * 1e-6, "m3/mol", CC_ORIGIN_DERIVED,
                  "%s: molar_mass_g_mol / density_g_cm3", in->electrolyte_id);
  else
    cc_param_set (&in->el_molar_volume, 1e-4, "m3/mol", CC_ORIGIN_ESTIMATE,
                  "%s lacks molar mass or density: 100 cm3/mol", in->electrolyte_id);
  cc_param_set (&in->el_na_per_formula, MAX (1.0, cc_formula_sodium_count (cc_material_get_formula (m))),
                "1", CC_ORIGIN_DERIVED, "%s: Na atoms in the formula (electrons per formula unit "
                "released or taken by decomposition)", in->electrolyte_id);
  in->el_plastic = cc_material_is_plastic (m);
  in->el_ox_products_electronic = cc_products_electronic (m, TRUE);
  in->el_red_products_electronic = cc_products_electronic (m, FALSE);
  in->el_ox_products_ionic = cc_products_ionic (m, TRUE);
  in->el_red_products_ionic = cc_products_ionic (m, FALSE);
  return TRUE;
}

static gboolean
blocks (const CcMaterial *m,
        const char       *what,
        gboolean          fallback)
{
  const char * const *list = cc_material_get_strv (m, "blocks");

  if (list == NULL)
    return fallback;
  return g_strv_contains (list, what);
}

gboolean
cc_build_coating_wetting (CcBuild *b,
                          GError **error)
{
  CcCellInputs *in = b->in;
  const CcMaterial *c = b->coating;

  if (c != NULL)
    {
      double t = b->cam_comp->coating_thickness_nm * 1e-9;
      in->coating_id = g_strdup (cc_material_get_id (c));
      cc_param_set (&in->coating_thickness, t, "m", CC_ORIGIN_DESIGN, "components[].coating.thickness_nm");
      if (!cc_build_ionic_sigma (b, &in->coating_sigma, c, 1e-5, error))
        return FALSE;
      cc_param_set (&in->coating_oxidation_limit,
                    cc_build_first_limit (c, "oxidation_limit_V", "apparent_oxidation_limit_V", INFINITY),
                    "V", CC_ORIGIN_MATERIAL, "%s: oxidation_limit_V", in->coating_id);
      cc_param_set (&in->coating_reduction_limit,
                    cc_build_first_limit (c, "reduction_limit_V", "apparent_reduction_limit_V", -INFINITY),
                    "V", CC_ORIGIN_MATERIAL, "%s: reduction_limit_V", in->coating_id);
      cc_param_set (&in->coating_coverage, 1 - exp (-t / in->k[CC_K_COATING_COVERAGE_LENGTH].value), "1",
                    CC_ORIGIN_DERIVED, "1 - exp(-thickness / coating_coverage_length)");
      /* A solid coating separates CAM and electrolyte: it blocks their
       * chemical reaction and, inside its own window, electron transfer to
       * the electrolyte, unless the database says otherwise. */
      in->coating_blocks_oxidation = blocks (c, "oxidation", TRUE);
      in->coating_blocks_reduction = blocks (c, "reduction", TRUE);
      in->coating_blocks_chemical = blocks (c, "chemical_reaction", TRUE);
      in->coating_blocks_contact_loss = blocks (c, "contact_loss", FALSE);
    }
  else
    {
      cc_param_set (&in->coating_thickness, 0, "m", CC_ORIGIN_DESIGN, "uncoated CAM");
      cc_param_set (&in->coating_sigma, 0, "S/m", CC_ORIGIN_DESIGN, "uncoated CAM");
      cc_param_set (&in->coating_oxidation_limit, INFINITY, "V", CC_ORIGIN_DESIGN, "uncoated CAM");
      cc_param_set (&in->coating_reduction_limit, -INFINITY, "V", CC_ORIGIN_DESIGN, "uncoated CAM");
      cc_param_set (&in->coating_coverage, 0, "1", CC_ORIGIN_DESIGN, "uncoated CAM");
    }

  cc_param_set (&in->contact_fraction_dry, in->contact_fraction.value, "1", CC_ORIGIN_MICROSTRUCTURE,
                "cam_se_contact_area_fraction (solid contacts only)");
  cc_param_set (&in->active_cam_fraction_dry, in->active_cam_fraction.value, "1", CC_ORIGIN_MICROSTRUCTURE,
                "active_cam_fraction (solid network only)");
  if (b->wetting != NULL)
    {
      gboolean vol = FALSE;
      double fill = in->k[CC_K_WETTING_FILL].value;
      double theta = in->contact_fraction.value, theta_new = theta + (1 - theta) * fill;
      double act = in->active_cam_fraction.value, conn = in->electronically_connected_fraction.value;

      cc_material_is_wetting (b->wetting, &vol);
      in->wetting_id = g_strdup (cc_material_get_id (b->wetting));
      in->wetting_volatile = vol;
      cc_build_from_material (b, &in->wetting_lifetime, b->wetting, "lifetime_cycles", 1, "cycles",
                              vol ? 250 : 0, vol ? "volatile liquid: ~250 cycles (Review section 4, "
                              "EC-DMC wetting agent drops sharply after ~250 cycles)" : "not volatile", NULL);
      if (!vol)
        in->wetting_lifetime.value = 0;
      if (b->pore_fill)
        {
          /* The agent is the only ionic phase: nothing is left when it goes. */
          in->contact_fraction_dry.value = 0;
          in->active_cam_fraction_dry.value = 0;
          return TRUE;
        }
      /* The liquid turns point contacts into area contacts and reaches CAM
       * that the solid electrolyte network missed. */
      if (theta > 0)
        in->cam_se_area.value *= theta_new / theta;
      cc_param_set (&in->contact_fraction, theta_new, "1", CC_ORIGIN_DERIVED,
                    "packing contact fraction %.3f wetted by %s (fill %.2f)", theta, in->wetting_id, fill);
      if (conn > act)
        cc_param_set (&in->active_cam_fraction, act + fill * (conn - act), "1", CC_ORIGIN_DERIVED,
                      "packing active fraction %.3f plus wetted, electronically connected CAM", act);
    }
  else
    cc_param_set (&in->wetting_lifetime, 0, "cycles", CC_ORIGIN_DESIGN, "no wetting agent");
  return TRUE;
}

gboolean
cc_build_cell_stack (CcBuild *b,
                     GError **error)
{
  CcCellInputs *in = b->in;
  const CcDesign *d = b->design;
  CcParam tmp = { 0 };
  double ea_sep;

  if (b->separator != NULL)
    {
      if (!cc_build_ionic_sigma (b, &tmp, b->separator, 1e-4, error))
        return FALSE;
      cc_param_set (&in->separator_resistance, d->cell.separator_thickness_um * 1e-6 / tmp.value, "Ohm m2",
                    CC_ORIGIN_DERIVED, "separator thickness / conductivity (%s)", tmp.source);
      in->separator_id = g_strdup (cc_material_get_id (b->separator));
      cc_param_set (&in->separator_reduction_limit,
                    cc_build_first_limit (b->separator, "reduction_limit_V", "apparent_reduction_limit_V",
                                          -INFINITY), "V", CC_ORIGIN_MATERIAL, "%s: reduction_limit_V",
                    in->separator_id);
      in->separator_red_products_electronic = cc_products_electronic (b->separator, FALSE);
      in->separator_red_products_ionic = cc_products_ionic (b->separator, FALSE);
    }
  else
    {
      cc_param_set (&in->separator_resistance, 0, "Ohm m2", CC_ORIGIN_DESIGN, "no separator in the design");
      cc_param_set (&in->separator_reduction_limit, -INFINITY, "V", CC_ORIGIN_DESIGN, "no separator");
      cc_build_note (b, "the design has no separator: its resistance is taken as zero");
    }
  g_free (tmp.source);
  tmp.source = NULL;

  if (b->interlayer != NULL && d->cell.interlayer_thickness_um > 0)
    {
      if (!cc_build_ionic_sigma (b, &tmp, b->interlayer, 1e-4, error))
        return FALSE;
      cc_param_set (&in->interlayer_resistance, d->cell.interlayer_thickness_um * 1e-6 / tmp.value,
                    "Ohm m2", CC_ORIGIN_DERIVED, "interlayer thickness / conductivity (%s)", tmp.source);
      in->interlayer_id = g_strdup (cc_material_get_id (b->interlayer));
      g_clear_pointer (&tmp.source, g_free);
    }
  else
    cc_param_set (&in->interlayer_resistance, 0, "Ohm m2", CC_ORIGIN_DESIGN, "no interlayer");

  in->anode_id = g_strdup (cc_material_get_id (b->anode));
  cc_build_from_material (b, &in->anode_potential, b->anode, "potential_vs_na_V", 1, "V", 0,
                          "taken as sodium metal (0 V)", NULL);
  ea_sep = b->separator != NULL ? cc_material_get (b->separator, "activation_energy_eV", 0.3) : 0.3;
  cc_build_from_material (b, &in->anode_resistance, b->anode, "interface_resistance_ohm_cm2",
                          1e-4 * cc_arrhenius_factor (-ea_sep, b->temperature), "Ohm m2",
                          in->k[CC_K_ANODE_ASR].value * cc_arrhenius_factor (-ea_sep, b->temperature),
                          "default anode interface resistance (estimate), Arrhenius with the "
                          "separator's activation energy", NULL);
  return TRUE;
}
