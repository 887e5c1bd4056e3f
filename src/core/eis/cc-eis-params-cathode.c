/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The composite-cathode half of the parameters: transport rails and
 * interface area from the microstructure; kinetics, coating, interphase and
 * solid diffusion from the CAM, its coating and the catholyte.
 */
#include "cc-eis-params-private.h"
#include "cc-eis-fallbacks-private.h"

#include <math.h>

#define FARADAY          96485.33212
#define R_GAS            8.314462618
#define SIGMA_FLOOR_S_CM 1e-12
#define AREA_FLOOR_CM_1  1e-3
#define DOCV_FLOOR_V     0.05
#define DOCV_HALF_WINDOW 0.05

const CcMaterial *
cc_eis_catholyte (const CcDesign *design,
                  CcMaterialDb   *db)
{
  const CcComponent *se = cc_design_find_component (design, db, CC_MATERIAL_CLASS_SE);

  if (se != NULL)
    return cc_material_db_lookup (db, se->material_id);
  return design->cell.separator_id ? cc_material_db_lookup (db, design->cell.separator_id) : NULL;
}

/* Na+ conduction of the CAM itself: the database value, else Nernst-Einstein
 * from the chemical diffusion coefficient and the exchangeable Na content,
 * sigma = F^2 D c / (R T) (an order-of-magnitude estimate). */
static double
cam_ionic_conductivity (const CcMaterial *cam, const CcEisCellParams *p, GPtrArray *notes)
{
  double sigma;

  if (cc_material_has (cam, "ionic_conductivity_S_cm"))
    return cc_material_get (cam, "ionic_conductivity_S_cm", 0);
  sigma = FARADAY * FARADAY * p->diff_coeff_cm2_s * p->c_max_mol_cm3 / (R_GAS * CC_EIS_T_REF_K);
  cc_eis_note (notes, "%s: Na+ conductivity %.3g S/cm from Nernst-Einstein (F^2 D c / RT)",
               cc_material_get_id (cam), sigma);
  return sigma;
}

static void
fill_transport (const CcMicrostructure *m, const CcMaterial *cam, CcEisCellParams *p, GPtrArray *notes)
{
  p->cat_thickness_um = m->thickness_um;
  p->cat_sigma_ion_eff_S_cm = m->sigma_ion_eff_S_per_cm;
  p->cat_sigma_e_eff_S_cm = m->sigma_e_eff_S_per_cm;
  p->cat_area_per_volume_cm2_cm3 = m->cam_se_area_per_volume_cm2_cm3;
  p->cat_cam_volume_fraction = CLAMP (m->cam_volume_fraction, 0.01, 1.0);
  p->cat_front_contact_fraction = p->cat_cam_volume_fraction;
  p->cat_mixed_conductor = !(p->cat_sigma_ion_eff_S_cm > SIGMA_FLOOR_S_CM)
                           || !(p->cat_area_per_volume_cm2_cm3 > AREA_FLOOR_CM_1);
  if (p->cat_mixed_conductor)
    {
      /* No catholyte network: ions must travel through the CAM. */
      p->cat_sigma_ion_eff_S_cm = MAX (cam_ionic_conductivity (cam, p, notes)
                                       * pow (p->cat_cam_volume_fraction, 1.5), SIGMA_FLOOR_S_CM);
      p->cat_ion_ea_eV = p->diff_ea_eV;
      cc_eis_note (notes, "no percolating catholyte: the cathode is modelled as a mixed conductor "
                   "(ions through the CAM, %.3g S/cm; reaction on the separator face)",
                   p->cat_sigma_ion_eff_S_cm);
    }
  if (!(p->cat_sigma_e_eff_S_cm > SIGMA_FLOOR_S_CM))
    {
      cc_eis_note (notes, "the electronic network does not percolate (sigma_e_eff = %g S/cm); "
                   "using %g S/cm", p->cat_sigma_e_eff_S_cm, SIGMA_FLOOR_S_CM);
      p->cat_sigma_e_eff_S_cm = SIGMA_FLOOR_S_CM;
    }
  p->n_size_classes = MIN (m->n_size_classes, CC_EIS_MAX_SIZE_CLASSES);
  for (guint k = 0; k < p->n_size_classes; k++)
    {
      p->size_radius_um[k] = m->size_class_radius_um[k];
      p->size_weight[k] = m->size_class_volume_weight[k];
    }
}

static gboolean
fill_coating (const CcComponent *cam, CcMaterialDb *db, CcEisCellParams *p,
              GPtrArray *notes, GError **error)
{
  const CcMaterial *coat;

  p->coat_thickness_nm = 0;
  if (cam->coating_id == NULL || cam->coating_thickness_nm <= 0)
    return TRUE;
  coat = cc_material_db_lookup (db, cam->coating_id);
  if (coat == NULL)
    {
      g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_INVALID,
                   "coating_id = '%s' of %s: not a material of the database",
                   cam->coating_id, cam->material_id);
      return FALSE;
    }
  p->coat_thickness_nm = cam->coating_thickness_nm;
  if (cc_material_get_class (coat) == CC_MATERIAL_CLASS_SE)
    {
      const CcEisSeFamily *fam = cc_eis_se_family (coat);

      p->coat_sigma_S_cm = cc_eis_prop (coat, "ionic_conductivity_S_cm", fam->sigma_S_cm, fam->basis, notes);
      p->coat_ea_eV = cc_eis_prop (coat, "activation_energy_eV", fam->ea_eV, fam->basis, notes);
    }
  else
    {
      p->coat_sigma_S_cm = cc_eis_prop (coat, "ionic_conductivity_S_cm", 1e-6,
                                        "estimate: thin oxide/polymer coatings 1e-7-1e-5 S/cm", notes);
      p->coat_ea_eV = cc_eis_prop (coat, "activation_energy_eV", 0.4, "estimate", notes);
    }
  p->coat_permittivity = cc_eis_prop (coat, "relative_permittivity", 10, "estimate", notes);
  return TRUE;
}

static void
fill_interphase (const CcMaterial *catholyte, double thickness_nm, CcEisCellParams *p,
                 GPtrArray *notes)
{
  gboolean ionic = catholyte != NULL
                   && cc_material_get_flag (catholyte, "oxidation_products_ionic", FALSE);

  /* Oxidation products such as S, P2S5-type glasses or NaCl barely conduct
   * Na+; a catholyte whose products do conduct (flag in the database) gets
   * a hundred times more conductive interphase. */
  p->ip_thickness_nm = thickness_nm;
  p->ip_sigma_S_cm = ionic ? 1e-6 : 1e-8;
  p->ip_permittivity = 10;
  p->ip_ea_eV = 0.5;
  if (thickness_nm > 0)
    cc_eis_note (notes, "interphase: %.3g nm at %g S/cm (estimate for %s decomposition products)",
                 thickness_nm, p->ip_sigma_S_cm, ionic ? "Na+-conducting" : "poorly conducting");
}

static void
fill_diffusion (const CcMaterial *cam, double soc, CcEisCellParams *p, GPtrArray *notes)
{
  const CcCurve *ocv = cc_material_get_ocv (cam);
  double cap, rho;

  p->diff_coeff_cm2_s = cc_eis_prop (cam, "diffusion_coefficient_cm2_s", 1e-11,
                                     "mid-range of layered-oxide and polyanion chemical diffusion coefficients", notes);
  p->diff_ea_eV = cc_eis_prop (cam, "diffusion_activation_energy_eV", 0.4, "estimate", notes);
  if (ocv != NULL && ocv->n >= 2)
    {
      double x = CLAMP (soc, DOCV_HALF_WINDOW, 1.0 - DOCV_HALF_WINDOW);
      double slope = (cc_curve_eval (ocv, x + DOCV_HALF_WINDOW) - cc_curve_eval (ocv, x - DOCV_HALF_WINDOW))
                     / (2 * DOCV_HALF_WINDOW);

      /* Two-phase plateaus have dU/dx -> 0 and an unbounded chemical
       * capacitance; the floor stands in for the residual slope. */
      p->docv_dsoc_V = MAX (fabs (slope), DOCV_FLOOR_V);
    }
  else
    {
      p->docv_dsoc_V = 1.0;
      cc_eis_note (notes, "%s: no OCV curve; using |dU/dsoc| = 1 V (a sloping insertion cathode)",
                   cc_material_get_id (cam));
    }
  /* Na exchanged between soc 0 and 1 per cm3 of CAM. */
  cap = cc_material_has (cam, "practical_capacity_mAh_g")
        ? cc_material_get (cam, "practical_capacity_mAh_g", 0)
        : cc_eis_prop (cam, "theoretical_capacity_mAh_g", 120, "typical sodium insertion cathode", notes);
  rho = cc_eis_prop (cam, "density_g_cm3", 4.0, "typical oxide CAM", notes);
  p->c_max_mol_cm3 = cap * 3.6 * rho / FARADAY;
}

gboolean
cc_eis_fill_cathode (const CcDesign         *design,
                     CcMaterialDb           *db,
                     const CcMicrostructure *micro,
                     double                  interphase_nm,
                     double                  soc,
                     CcEisCellParams        *p,
                     GPtrArray              *notes,
                     GError                **error)
{
  const CcComponent *cam_c = cc_design_find_component (design, db, CC_MATERIAL_CLASS_CAM);
  const CcMaterial *cam, *catholyte = cc_eis_catholyte (design, db);
  double i0;

  if (cam_c == NULL)
    {
      g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_INVALID,
                   "components: the design has no cathode active material");
      return FALSE;
    }
  cam = cc_material_db_lookup (db, cam_c->material_id);
  fill_diffusion (cam, soc, p, notes);
  if (catholyte != NULL)
    {
      const CcEisSeFamily *fam = cc_eis_se_family (catholyte);

      p->cat_ion_ea_eV = cc_eis_prop (catholyte, "activation_energy_eV", fam->ea_eV, fam->basis, NULL);
    }
  fill_transport (micro, cam, p, notes);
  i0 = cc_eis_prop (cam, "exchange_current_density_mA_cm2", 0.1,
                    "CAM-SE interfaces ~0.1-1 mA/cm2 (Li NCM-LPSCl), lower end", notes);
  if (!(i0 > 0))
    {
      g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_INVALID,
                   "%s: exchange_current_density_mA_cm2 = %g must be positive", cam_c->material_id, i0);
      return FALSE;
    }
  p->ct_resistance_ohm_cm2 = R_GAS * CC_EIS_T_REF_K / (FARADAY * i0 * 1e-3);
  p->ct_ea_eV = 0.4;
  p->dl_capacitance_F_cm2 = CC_EIS_DL_CAPACITANCE_F_CM2;
  p->dl_n = CC_EIS_DL_N;
  if (!fill_coating (cam_c, db, p, notes, error))
    return FALSE;
  fill_interphase (catholyte, interphase_nm, p, notes);
  return TRUE;
}
