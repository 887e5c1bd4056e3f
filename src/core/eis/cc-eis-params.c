/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Design + materials + microstructure -> CcEisCellParams. The fallback of
 * every key is documented next to its use and in the README's Impedance
 * section.
 */
#include "cc-eis-params-private.h"
#include "cc-eis-fallbacks-private.h"

#include <math.h>
#include <string.h>

#define FARADAY    96485.33212
#define R_GAS      8.314462618

void
cc_eis_cell_params_init_default (CcEisCellParams *p)
{
  g_return_if_fail (p != NULL);
  memset (p, 0, sizeof *p);
  p->temperature_C = 25;
  /* c-Na3PS4 separator pellet (Hayashi 2014), merged bulk/boundary arcs. */
  p->sep_thickness_um = 500;
  p->sep_bulk_sigma_S_cm = 4.6e-4;
  p->sep_gb_sigma_S_cm = 0;
  p->sep_permittivity = 20;
  p->sep_grain_to_gb_ratio = 1000;
  p->sep_bulk_n = 1.0;
  p->sep_gb_n = 0.9;
  p->sep_bulk_ea_eV = p->sep_gb_ea_eV = 0.28;
  p->il_permittivity = 10;
  p->il_ea_eV = 0.4;
  /* 60 um composite, Bruggeman catholyte network, 0.1 S/cm electrons. */
  p->cat_thickness_um = 60;
  p->cat_sigma_ion_eff_S_cm = 1e-4;
  p->cat_sigma_e_eff_S_cm = 0.1;
  p->cat_ion_ea_eV = 0.28;
  p->cat_area_per_volume_cm2_cm3 = 2000;
  p->ct_resistance_ohm_cm2 = R_GAS * CC_EIS_T_REF_K / (FARADAY * 1e-4);  /* i0 = 0.1 mA/cm2 */
  p->ct_ea_eV = 0.4;
  p->dl_capacitance_F_cm2 = CC_EIS_DL_CAPACITANCE_F_CM2;
  p->dl_n = CC_EIS_DL_N;
  p->ip_thickness_nm = 2;
  p->ip_sigma_S_cm = 1e-8;
  p->ip_permittivity = 10;
  p->ip_ea_eV = 0.5;
  p->coat_permittivity = 10;
  p->coat_ea_eV = 0.4;
  p->n_size_classes = 1;
  p->size_radius_um[0] = 2.5;
  p->size_weight[0] = 1;
  p->diff_coeff_cm2_s = 1e-11;
  p->diff_ea_eV = 0.4;
  p->docv_dsoc_V = 1.0;
  p->c_max_mol_cm3 = 0.02;
  p->anode_resistance_ohm_cm2 = 10;
  p->anode_capacitance_F_cm2 = CC_EIS_ANODE_CAPACITANCE_F_CM2;
  p->anode_n = CC_EIS_ANODE_N;
  p->anode_ea_eV = 0.3;
}

/* Splits an SE's conductivity into bulk and apparent boundary parts
 * (resistances in series: 1/sigma_total = 1/sigma_bulk + 1/sigma_gb). */
static void
se_conductivities (const CcMaterial *se, double *bulk, double *gb, GPtrArray *notes)
{
  const CcEisSeFamily *fam = cc_eis_se_family (se);
  gboolean has_b = cc_material_has (se, "bulk_ionic_conductivity_S_cm");
  gboolean has_g = cc_material_has (se, "grain_boundary_conductivity_S_cm");
  gboolean has_t = cc_material_has (se, "ionic_conductivity_S_cm");
  double b = cc_material_get (se, "bulk_ionic_conductivity_S_cm", 0);
  double g = cc_material_get (se, "grain_boundary_conductivity_S_cm", 0);
  double t = cc_material_get (se, "ionic_conductivity_S_cm", 0);

  if (!has_t && !has_b && !has_g)
    {
      t = cc_eis_prop (se, "ionic_conductivity_S_cm", fam->sigma_S_cm, fam->basis, notes);
      has_t = TRUE;
    }
  if (has_b && has_g)
    ;
  else if (has_b && has_t)
    g = t < b ? 1.0 / (1.0 / t - 1.0 / b) : 0;
  else if (has_g && has_t && t < g)
    b = 1.0 / (1.0 / t - 1.0 / g);
  else if (has_b)
    g = 0;
  else
    {
      b = t / fam->bulk_resistance_share;
      g = fam->bulk_resistance_share < 1 ? t / (1.0 - fam->bulk_resistance_share) : 0;
      cc_eis_note (notes, "%s: only the total conductivity is known; bulk %.3g S/cm, "
                   "grain boundary %s (%s family split)", cc_material_get_id (se), b,
                   g > 0 ? "from the rest" : "merged into the bulk", fam->family ? fam->family : "generic");
    }
  *bulk = b;
  *gb = g;
}

static gboolean
fill_separator (const CcDesign *d, CcMaterialDb *db, CcEisCellParams *p,
                GPtrArray *notes, GError **error)
{
  const CcMaterial *se = d->cell.separator_id ? cc_material_db_lookup (db, d->cell.separator_id) : NULL;
  const CcEisSeFamily *fam;
  double grain_um = 2.0;

  if (se == NULL)
    {
      g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_INVALID,
                   "cell.separator_id = '%s': not a material of the database",
                   d->cell.separator_id ? d->cell.separator_id : "(none)");
      return FALSE;
    }
  fam = cc_eis_se_family (se);
  p->sep_thickness_um = d->cell.separator_thickness_um;
  se_conductivities (se, &p->sep_bulk_sigma_S_cm, &p->sep_gb_sigma_S_cm, notes);
  p->sep_permittivity = cc_eis_prop (se, "relative_permittivity", 20,
                                     "typical of inorganic solid electrolytes, 10-60", notes);
  p->sep_bulk_ea_eV = cc_eis_prop (se, "activation_energy_eV", fam->ea_eV, fam->basis, notes);
  p->sep_gb_ea_eV = p->sep_bulk_ea_eV;
  /* Pressed separators: grains are the powder particles of that SE. */
  for (guint i = 0; i < d->components->len; i++)
    {
      const CcComponent *c = g_ptr_array_index (d->components, i);

      if (g_strcmp0 (c->material_id, d->cell.separator_id) == 0 && c->d50_um > 0)
        grain_um = c->d50_um;
    }
  p->sep_grain_to_gb_ratio = MAX (10.0, grain_um * 1e3 / CC_EIS_GB_THICKNESS_NM);
  return TRUE;
}

static gboolean
fill_interlayer (const CcDesign *d, CcMaterialDb *db, CcEisCellParams *p,
                 GPtrArray *notes, GError **error)
{
  const CcMaterial *il;

  p->il_thickness_um = 0;
  if (d->cell.interlayer_id == NULL || d->cell.interlayer_thickness_um <= 0)
    return TRUE;
  il = cc_material_db_lookup (db, d->cell.interlayer_id);
  if (il == NULL)
    {
      g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_INVALID,
                   "cell.interlayer_id = '%s': not a material of the database", d->cell.interlayer_id);
      return FALSE;
    }
  p->il_thickness_um = d->cell.interlayer_thickness_um;
  p->il_sigma_S_cm = cc_eis_prop (il, "ionic_conductivity_S_cm", 1e-5,
                                  "order of magnitude of polymer and halide buffer layers", notes);
  p->il_permittivity = cc_eis_prop (il, "relative_permittivity", 10, "estimate", notes);
  p->il_ea_eV = cc_eis_prop (il, "activation_energy_eV", 0.4, "estimate", notes);
  return TRUE;
}

static void
fill_anode (const CcDesign *d, CcMaterialDb *db, CcEisCellParams *p, GPtrArray *notes)
{
  const CcMaterial *an = d->cell.anode_id ? cc_material_db_lookup (db, d->cell.anode_id) : NULL;

  p->anode_capacitance_F_cm2 = CC_EIS_ANODE_CAPACITANCE_F_CM2;
  p->anode_n = CC_EIS_ANODE_N;
  p->anode_ea_eV = 0.3;
  if (an == NULL)
    {
      p->anode_resistance_ohm_cm2 = 0;
      cc_eis_note (notes, "no anode material: the anode interface arc is left out");
      return;
    }
  p->anode_resistance_ohm_cm2 =
    cc_eis_prop (an, "interface_resistance_ohm_cm2", 10,
                 "estimate: Na | hydroborate ~1 mV at 0.1 mA/cm2 (Duchene 2017) to tens of ohm cm2", notes);
}

gboolean
cc_eis_cell_params_from_design_micro (const CcDesign         *design,
                                      CcMaterialDb           *db,
                                      const CcMicrostructure *micro,
                                      double                  interphase_thickness_nm,
                                      double                  soc,
                                      CcEisCellParams        *out,
                                      GPtrArray              *notes,
                                      GError                **error)
{
  CcMicrostructure fallback;
  CcEisCellParams p;

  g_return_val_if_fail (design != NULL && db != NULL && out != NULL, FALSE);
  if (!isfinite (interphase_thickness_nm) || interphase_thickness_nm < 0)
    {
      g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_INVALID,
                   "interphase thickness = %g nm: must be >= 0", interphase_thickness_nm);
      return FALSE;
    }
  if (!isfinite (soc) || soc < 0 || soc > 1)
    {
      g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_INVALID,
                   "state of charge = %g: must be between 0 and 1", soc);
      return FALSE;
    }
  if (micro == NULL)
    {
      if (!cc_eis_default_microstructure (design, db, &fallback, notes, error))
        return FALSE;
      micro = &fallback;
    }
  if (!(micro->thickness_um > 0) || micro->n_size_classes == 0)
    {
      g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_INVALID,
                   "microstructure: thickness_um = %g and n_size_classes = %u must be positive",
                   micro->thickness_um, micro->n_size_classes);
      return FALSE;
    }

  cc_eis_cell_params_init_default (&p);
  p.temperature_C = design->protocol.temperature_C;
  if (!fill_separator (design, db, &p, notes, error)
      || !fill_interlayer (design, db, &p, notes, error)
      || !cc_eis_fill_cathode (design, db, micro, interphase_thickness_nm, soc, &p, notes, error))
    return FALSE;
  fill_anode (design, db, &p, notes);
  if (!cc_eis_cell_params_validate (&p, error))
    return FALSE;
  *out = p;
  return TRUE;
}
