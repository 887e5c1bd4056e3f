/* SPDX-License-Identifier: GPL-3.0-or-later
 * Range checks of the cell-model parameters: every message names the field
 * and its value. */
#include "cc-eis-model.h"

#include <math.h>

#define CHECK(cond, ...) \
  G_STMT_START { \
    if (!(cond)) \
      { \
        g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_INVALID, __VA_ARGS__); \
        return FALSE; \
      } \
  } G_STMT_END

static gboolean
positive (double v)
{
  return isfinite (v) && v > 0;
}

static gboolean
non_negative (double v)
{
  return isfinite (v) && v >= 0;
}

static gboolean
exponent_ok (double n)
{
  return isfinite (n) && n > 0 && n <= 1;
}

static gboolean
validate_layer (const char *name, double thickness, double sigma, double eps, GError **error)
{
  CHECK (non_negative (thickness), "%s thickness = %g: must be >= 0", name, thickness);
  CHECK (thickness == 0 || positive (sigma), "%s conductivity = %g S/cm: must be positive", name, sigma);
  CHECK (thickness == 0 || (isfinite (eps) && eps >= 1),
         "%s relative permittivity = %g: must be >= 1", name, eps);
  return TRUE;
}

static gboolean
validate_separator (const CcEisCellParams *p, GError **error)
{
  CHECK (isfinite (p->temperature_C) && p->temperature_C > -150 && p->temperature_C < 500,
         "temperature_C = %g: must be between -150 and 500", p->temperature_C);
  CHECK (positive (p->sep_thickness_um), "sep_thickness_um = %g: must be positive", p->sep_thickness_um);
  CHECK (positive (p->sep_bulk_sigma_S_cm), "sep_bulk_sigma_S_cm = %g: must be positive", p->sep_bulk_sigma_S_cm);
  CHECK (non_negative (p->sep_gb_sigma_S_cm), "sep_gb_sigma_S_cm = %g: must be >= 0", p->sep_gb_sigma_S_cm);
  CHECK (isfinite (p->sep_permittivity) && p->sep_permittivity >= 1,
         "sep_permittivity = %g: must be >= 1", p->sep_permittivity);
  CHECK (isfinite (p->sep_grain_to_gb_ratio) && p->sep_grain_to_gb_ratio >= 1,
         "sep_grain_to_gb_ratio = %g: must be >= 1", p->sep_grain_to_gb_ratio);
  CHECK (exponent_ok (p->sep_bulk_n), "sep_bulk_n = %g: must be in (0, 1]", p->sep_bulk_n);
  CHECK (exponent_ok (p->sep_gb_n), "sep_gb_n = %g: must be in (0, 1]", p->sep_gb_n);
  return validate_layer ("interlayer", p->il_thickness_um, p->il_sigma_S_cm, p->il_permittivity, error)
         && validate_layer ("interphase", p->ip_thickness_nm, p->ip_sigma_S_cm, p->ip_permittivity, error)
         && validate_layer ("coating", p->coat_thickness_nm, p->coat_sigma_S_cm, p->coat_permittivity, error);
}

static gboolean
validate_particles (const CcEisCellParams *p, GError **error)
{
  double wsum = 0;

  CHECK (p->n_size_classes >= 1 && p->n_size_classes <= CC_EIS_MAX_SIZE_CLASSES,
         "n_size_classes = %u: must be between 1 and %d", p->n_size_classes, CC_EIS_MAX_SIZE_CLASSES);
  for (guint k = 0; k < p->n_size_classes; k++)
    {
      CHECK (positive (p->size_radius_um[k]), "size_radius_um[%u] = %g: must be positive", k, p->size_radius_um[k]);
      CHECK (non_negative (p->size_weight[k]), "size_weight[%u] = %g: must be >= 0", k, p->size_weight[k]);
      wsum += p->size_weight[k];
    }
  CHECK (wsum > 0, "size_weight: the weights sum to %g; must be positive", wsum);
  CHECK (positive (p->diff_coeff_cm2_s), "diff_coeff_cm2_s = %g: must be positive", p->diff_coeff_cm2_s);
  CHECK (non_negative (p->docv_dsoc_V), "docv_dsoc_V = %g: must be >= 0", p->docv_dsoc_V);
  CHECK (positive (p->c_max_mol_cm3), "c_max_mol_cm3 = %g: must be positive", p->c_max_mol_cm3);
  return TRUE;
}

static gboolean
validate_cathode (const CcEisCellParams *p, GError **error)
{
  CHECK (positive (p->cat_thickness_um), "cat_thickness_um = %g: must be positive", p->cat_thickness_um);
  CHECK (positive (p->cat_sigma_ion_eff_S_cm), "cat_sigma_ion_eff_S_cm = %g: must be positive", p->cat_sigma_ion_eff_S_cm);
  CHECK (positive (p->cat_sigma_e_eff_S_cm), "cat_sigma_e_eff_S_cm = %g: must be positive", p->cat_sigma_e_eff_S_cm);
  CHECK (p->cat_mixed_conductor || positive (p->cat_area_per_volume_cm2_cm3),
         "cat_area_per_volume_cm2_cm3 = %g: must be positive (no active CAM-SE contact)",
         p->cat_area_per_volume_cm2_cm3);
  CHECK (!p->cat_mixed_conductor
         || (positive (p->cat_cam_volume_fraction) && p->cat_cam_volume_fraction <= 1
             && positive (p->cat_front_contact_fraction) && p->cat_front_contact_fraction <= 1),
         "mixed-conducting cathode: cat_cam_volume_fraction = %g and cat_front_contact_fraction = %g "
         "must be in (0, 1]", p->cat_cam_volume_fraction, p->cat_front_contact_fraction);
  CHECK (positive (p->ct_resistance_ohm_cm2), "ct_resistance_ohm_cm2 = %g: must be positive", p->ct_resistance_ohm_cm2);
  CHECK (positive (p->dl_capacitance_F_cm2), "dl_capacitance_F_cm2 = %g: must be positive", p->dl_capacitance_F_cm2);
  CHECK (exponent_ok (p->dl_n), "dl_n = %g: must be in (0, 1]", p->dl_n);
  CHECK (non_negative (p->anode_resistance_ohm_cm2), "anode_resistance_ohm_cm2 = %g: must be >= 0", p->anode_resistance_ohm_cm2);
  CHECK (positive (p->anode_capacitance_F_cm2), "anode_capacitance_F_cm2 = %g: must be positive", p->anode_capacitance_F_cm2);
  CHECK (exponent_ok (p->anode_n), "anode_n = %g: must be in (0, 1]", p->anode_n);
  return validate_particles (p, error);
}

gboolean
cc_eis_cell_params_validate (const CcEisCellParams *p,
                             GError               **error)
{
  static const char * const names[] = { "sep_bulk_ea_eV", "sep_gb_ea_eV", "il_ea_eV", "cat_ion_ea_eV",
                                        "ct_ea_eV", "ip_ea_eV", "coat_ea_eV", "diff_ea_eV", "anode_ea_eV" };
  double ea[G_N_ELEMENTS (names)];

  g_return_val_if_fail (p != NULL, FALSE);
  ea[0] = p->sep_bulk_ea_eV; ea[1] = p->sep_gb_ea_eV; ea[2] = p->il_ea_eV;
  ea[3] = p->cat_ion_ea_eV; ea[4] = p->ct_ea_eV; ea[5] = p->ip_ea_eV;
  ea[6] = p->coat_ea_eV; ea[7] = p->diff_ea_eV; ea[8] = p->anode_ea_eV;
  for (guint i = 0; i < G_N_ELEMENTS (ea); i++)
    CHECK (isfinite (ea[i]) && ea[i] >= 0 && ea[i] < 3,
           "%s = %g: activation energy must be between 0 and 3 eV", names[i], ea[i]);
  return validate_separator (p, error) && validate_cathode (p, error);
}
