/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A microstructure estimated from the design alone, used by the impedance
 * model when no packing result is at hand (documented in cc-eis-params.h and
 * the README). The packing stage replaces every number here.
 */
#include "cc-eis-params-private.h"
#include "cc-eis-fallbacks-private.h"

#include <math.h>
#include <string.h>

/* Solid fraction after fabrication, by process (estimates: cold-pressed
 * sulfide composites reach ~80-90 %, sintering and infiltration more,
 * slurry-cast sheets less). */
static double
solid_fraction (CcProcessMethod method)
{
  switch (method)
    {
    case CC_PROCESS_HOT_PRESS:     return 0.90;
    case CC_PROCESS_CO_SINTERING:  return 0.93;
    case CC_PROCESS_INFILTRATION:  return 0.90;
    case CC_PROCESS_SLURRY:        return 0.70;
    case CC_PROCESS_COLD_PRESS:
    case CC_PROCESS_N_METHODS:
    default:                       return 0.85;
    }
}

static double
class_density (CcMaterialClass klass)
{
  switch (klass)
    {
    case CC_MATERIAL_CLASS_CAM:    return 4.0;
    case CC_MATERIAL_CLASS_SE:     return 2.2;
    case CC_MATERIAL_CLASS_CARBON: return 1.9;
    case CC_MATERIAL_CLASS_BINDER: return 1.3;
    default:                       return 2.0;
    }
}

typedef struct {
  double vol[CC_MATERIAL_N_CLASSES];   /* volume per gram of composite, cm3 */
  double vol_wet;                      /* of pore-filling electrolyte components */
  double sigma_ion_se, sigma_e_carbon, sigma_e_cam, sigma_wet;
  gboolean wet_coating;                /* the CAM's coating is a liquid that fills the pores */
  const CcComponent *cam;
} Mix;

/* Liquids, ionic liquids, plastic crystals and polymer electrolytes flow
 * into the pores and carry Na+ there; solid coatings do not. */
static gboolean
is_wetting (const CcMaterial *m)
{
  const char *kind;

  if (m == NULL || cc_material_get_class (m) != CC_MATERIAL_CLASS_INTERLAYER)
    return FALSE;
  kind = cc_material_get_string (m, "kind");
  return g_strcmp0 (kind, "liquid") == 0 || g_strcmp0 (kind, "ionic_liquid") == 0
         || g_strcmp0 (kind, "plastic_crystal") == 0
         || g_strcmp0 (cc_material_get_family (m), "polymer_electrolyte") == 0;
}

static void
note_wetting (const CcMaterial *m, Mix *mix, GPtrArray *notes)
{
  if (mix->sigma_wet == 0)
    mix->sigma_wet = cc_eis_prop (m, "ionic_conductivity_S_cm", 1e-4, "estimate", notes);
}

static gboolean
collect (const CcDesign *d, CcMaterialDb *db, Mix *mix, GPtrArray *notes, GError **error)
{
  memset (mix, 0, sizeof *mix);
  for (guint i = 0; i < d->components->len; i++)
    {
      const CcComponent *c = g_ptr_array_index (d->components, i);
      const CcMaterial *m = cc_material_db_lookup (db, c->material_id);
      CcMaterialClass k;

      if (m == NULL)
        {
          g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_INVALID,
                       "components[%u].material_id = '%s': not a material of the database", i, c->material_id);
          return FALSE;
        }
      k = cc_material_get_class (m);
      mix->vol[k] += c->mass_fraction / cc_eis_prop (m, "density_g_cm3", class_density (k),
                                                     "typical of its class", notes);
      if (k == CC_MATERIAL_CLASS_SE && mix->sigma_ion_se == 0)
        {
          const CcEisSeFamily *fam = cc_eis_se_family (m);
          mix->sigma_ion_se = cc_eis_prop (m, "ionic_conductivity_S_cm", fam->sigma_S_cm, fam->basis, notes);
        }
      else if (k == CC_MATERIAL_CLASS_CARBON && mix->sigma_e_carbon == 0)
        mix->sigma_e_carbon = cc_eis_prop (m, "electronic_conductivity_S_cm", 10,
                                           "pressed carbon black powders ~1-100 S/cm", notes);
      else if (k == CC_MATERIAL_CLASS_CAM && mix->cam == NULL)
        {
          const CcMaterial *coat = c->coating_id ? cc_material_db_lookup (db, c->coating_id) : NULL;

          mix->cam = c;
          mix->sigma_e_cam = cc_eis_prop (m, "electronic_conductivity_S_cm", 1e-6,
                                          "layered oxides ~1e-6-1e-4 S/cm", notes);
          if (is_wetting (coat))
            {
              mix->wet_coating = TRUE;
              note_wetting (coat, mix, notes);
            }
        }
      else if (is_wetting (m))
        {
          mix->vol_wet += c->mass_fraction / cc_eis_prop (m, "density_g_cm3", 1.2, "typical of liquids", NULL);
          note_wetting (m, mix, notes);
        }
    }
  if (mix->cam == NULL)
    {
      g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_INVALID,
                   "components: the design has no cathode active material");
      return FALSE;
    }
  return TRUE;
}

/* Three volume-weighted classes at the Gauss-Hermite nodes of the
 * log-normal size distribution: ln r = ln r50 + {-sqrt 3, 0, sqrt 3} sigma
 * with weights {1/6, 2/3, 1/6} (exact for the first five moments of ln r). */
static void
size_classes (const CcComponent *cam, CcMicrostructure *m)
{
  double r50 = (cam->d50_um > 0 ? cam->d50_um : 5.0) / 2.0;

  if (cam->spread <= 0)
    {
      m->n_size_classes = 1;
      m->size_class_radius_um[0] = r50;
      m->size_class_volume_weight[0] = 1;
      return;
    }
  m->n_size_classes = 3;
  for (int k = 0; k < 3; k++)
    {
      m->size_class_radius_um[k] = r50 * exp ((k - 1) * sqrt (3.0) * cam->spread);
      m->size_class_volume_weight[k] = k == 1 ? 2.0 / 3.0 : 1.0 / 6.0;
    }
}

gboolean
cc_eis_default_microstructure (const CcDesign   *design,
                               CcMaterialDb     *db,
                               CcMicrostructure *out,
                               GPtrArray        *notes,
                               GError          **error)
{
  double solid, vtot = 0, phi_cam, phi_se, phi_c, phi_wet, inv_r = 0;
  Mix mix;

  g_return_val_if_fail (design != NULL && db != NULL && out != NULL, FALSE);
  if (!collect (design, db, &mix, notes, error))
    return FALSE;
  memset (out, 0, sizeof *out);
  solid = solid_fraction (design->process.method);
  for (guint k = 0; k < CC_MATERIAL_N_CLASSES; k++)
    vtot += mix.vol[k];
  phi_cam = solid * mix.vol[CC_MATERIAL_CLASS_CAM] / vtot;
  phi_se = solid * mix.vol[CC_MATERIAL_CLASS_SE] / vtot;
  phi_c = solid * mix.vol[CC_MATERIAL_CLASS_CARBON] / vtot;
  /* A liquid added as a component fills its own volume; one that wets the
   * CAM as a coating is taken to fill the pores. */
  phi_wet = solid * mix.vol_wet / vtot + (mix.wet_coating ? 1 - solid : 0);

  out->solid_fraction = out->bulk_solid_fraction = solid;
  out->porosity = 1 - solid;
  out->cam_volume_fraction = phi_cam;
  out->se_volume_fraction = phi_se;
  out->carbon_volume_fraction = phi_c;
  out->binder_volume_fraction = solid * mix.vol[CC_MATERIAL_CLASS_BINDER] / vtot;
  /* Thickness from the areal loading when no thickness is given: the
   * composite's density is 1 / vtot (g/cm3) at full density. */
  out->thickness_um = design->cell.thickness_um > 0
                      ? design->cell.thickness_um
                      : design->cell.areal_loading_mg_cm2 * 1e-3 * vtot / solid * 1e4;
  out->sigma_ion_eff_S_per_cm = mix.sigma_ion_se * pow (phi_se, 1.5) + mix.sigma_wet * pow (phi_wet, 1.5);
  out->sigma_e_eff_S_per_cm = mix.sigma_e_carbon * pow (phi_c, 1.5) + mix.sigma_e_cam * pow (phi_cam, 1.5);
  out->ionic_percolation = phi_se > 0 || phi_wet > 0;
  out->electronic_percolation = TRUE;
  out->active_cam_fraction = out->ionically_connected_cam_fraction = 1;
  out->electronically_connected_cam_fraction = 1;
  out->tortuosity_ion = phi_se > 0 ? 1.0 / sqrt (phi_se) : 0;
  out->tortuosity_e = phi_c > 0 ? 1.0 / sqrt (phi_c) : 0;

  size_classes (mix.cam, out);
  for (guint k = 0; k < out->n_size_classes; k++)
    inv_r += out->size_class_volume_weight[k] / out->size_class_radius_um[k];
  /* Sauter-mean surface 3 phi / r, of which the SE covers its share of the
   * non-CAM volume, halved for imperfect contact of a pressed powder; a
   * liquid wets its share fully. */
  out->cam_se_contact_area_fraction = phi_cam < 1 ? MIN (1.0, (0.5 * phi_se + phi_wet) / (1 - phi_cam)) : 0;
  out->cam_se_area_per_volume_cm2_cm3 = 3 * phi_cam * inv_r * 1e4 * out->cam_se_contact_area_fraction;
  cc_eis_note (notes, "no packing result: default microstructure (solid fraction %.2f, "
               "Bruggeman transport, CAM-SE contact fraction %.2f)", solid,
               out->cam_se_contact_area_fraction);
  return TRUE;
}
