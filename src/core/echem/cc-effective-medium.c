/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-effective-medium.h"

#include <math.h>
#include <string.h>
#include "cc-agglomerate.h"
#include "cc-cell-inputs.h"
#include "cc-chemistry.h"
#include "cc-echem-constants.h"

typedef struct {
  const CcComponent *comp;
  const CcMaterial  *mat;
  CcMaterialClass    klass;
  double             phi;       /* of the solid volume */
  double             radius;    /* m */
  double             surface;   /* per solid volume, 1/m */
} Phase;

static double
threshold (double radius,
           double mean_radius)
{
  return CLAMP (0.18 * sqrt (radius / mean_radius), 0.03, 0.18);
}

/* Elongated carbons percolate at far lower fractions (excluded-volume
 * argument, p_c ~ 0.7 / aspect ratio for aspect ratios ~100). */
static double
shape_threshold (const Phase *p,
                 double       mean_radius)
{
  const char *shape = cc_material_get_string (p->mat, "shape");

  if (shape != NULL && (g_str_equal (shape, "fiber") || g_str_equal (shape, "tube")))
    return 0.01;
  if (shape != NULL && g_str_equal (shape, "sheet"))
    return 0.03;
  return threshold (p->radius, mean_radius);
}

static double
percolating_conductivity (double sigma,
                          double phi,
                          double pc,
                          double solid)
{
  double x = (phi - pc) / (1 - pc);

  return phi > pc ? sigma * x * x * solid : 0;
}

static double
porosity_for (const CcDesign *d,
              const Phase    *ph,
              guint           n)
{
  double plastic = 0, other = 0;

  for (guint i = 0; i < n; i++)
    if (ph[i].klass != CC_MATERIAL_CLASS_CAM)
      {
        other += ph[i].phi;
        if (cc_material_is_plastic (ph[i].mat))
          plastic += ph[i].phi;
      }
  switch (d->process.method)
    {
    case CC_PROCESS_COLD_PRESS:   return other > 0 && plastic > 0.5 * other ? 0.12 : 0.30;
    case CC_PROCESS_HOT_PRESS:    return 0.08;
    case CC_PROCESS_CO_SINTERING: return 0.05;
    case CC_PROCESS_INFILTRATION: return 0.05;
    case CC_PROCESS_SLURRY:
    default:                      return 0.40;
    }
}

/* Fraction of a phase's volume in the spanning cluster: rises as
 * ((phi - p_c)/p_c)^0.41 just above the threshold (3D percolation exponent)
 * and saturates far above it; 1 - exp(-2 x^0.41) gives ~0.85 at twice the
 * threshold, like lattice site percolation. */
static double
spanning_fraction (double phi,
                   double pc)
{
  return phi > pc ? 1 - exp (-2 * pow ((phi - pc) / pc, 0.41)) : 0;
}

/* Probability that a particle of radius r touches the spanning cluster of
 * phase j. */
static double
touch (double       r,
       const Phase *j,
       double       share,
       double       mean_r)
{
  double z = MIN (60.0, 6.0 * pow (MAX (1.0, r / j->radius), 2));

  return 1 - exp (-z * share * spanning_fraction (j->phi, shape_threshold (j, mean_r)));
}

static void
size_classes (const CcComponent *cam,
              CcMicrostructure  *out)
{
  static const double z[3] = { -0.9674215661017, 0, 0.9674215661017 };   /* Phi^-1(1/6, 1/2, 5/6) */

  if (cam->spread <= 0)
    {
      out->n_size_classes = 1;
      out->size_class_radius_um[0] = 0.5 * cam->d50_um;
      out->size_class_volume_weight[0] = 1;
      return;
    }
  out->n_size_classes = 3;
  for (guint k = 0; k < 3; k++)
    {
      out->size_class_radius_um[k] = 0.5 * cam->d50_um * exp (cam->spread * z[k]);
      out->size_class_volume_weight[k] = 1.0 / 3;
    }
}

gboolean
cc_microstructure_estimate_effective_medium (const CcDesign    *d,
                                             CcMaterialDb      *db,
                                             CcMicrostructure  *out,
                                             GError           **error)
{
  Phase ph[CC_DESIGN_MAX_COMPONENTS] = { { 0 } };
  guint n = MIN (d->components->len, CC_DESIGN_MAX_COMPONENTS);
  double vsum = 0, mean_r = 0, solid, s_total = 0, rho_solid = 0;
  int cam = -1, el = -1;

  memset (out, 0, sizeof *out);
  for (guint i = 0; i < n; i++)
    {
      Phase *p = &ph[i];
      double rho;

      p->comp = g_ptr_array_index (d->components, i);
      p->mat = cc_material_db_lookup (db, p->comp->material_id);
      if (p->mat == NULL)
        {
          g_set_error (error, CC_CELL_ERROR, CC_CELL_ERROR_INVALID,
                       "components[%u].material '%s' is not in the database", i, p->comp->material_id);
          return FALSE;
        }
      rho = cc_material_get (p->mat, "density_g_cm3", NAN);
      if (!(rho > 0) || !(p->comp->d50_um > 0))
        {
          g_set_error (error, CC_CELL_ERROR, CC_CELL_ERROR_INVALID,
                       "components[%u] ('%s') needs a density and a d50 > 0", i, p->comp->material_id);
          return FALSE;
        }
      p->klass = cc_material_get_class (p->mat);
      p->phi = p->comp->mass_fraction / rho;
      p->radius = 0.5e-6 * p->comp->d50_um;
      vsum += p->phi;
      rho_solid += p->comp->mass_fraction / rho;
      if (p->klass == CC_MATERIAL_CLASS_CAM && cam < 0)
        cam = i;
      if (p->klass == CC_MATERIAL_CLASS_SE && el < 0)
        el = i;
    }
  for (guint i = 0; i < n && el < 0; i++)
    if (ph[i].klass == CC_MATERIAL_CLASS_INTERLAYER)
      el = i;
  if (cam < 0)
    {
      g_set_error_literal (error, CC_CELL_ERROR, CC_CELL_ERROR_INVALID, "the design has no CAM component");
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      ph[i].phi /= vsum;
      ph[i].surface = 3 * ph[i].phi / ph[i].radius;
      mean_r += ph[i].phi * ph[i].radius;
      if ((int) i != cam)
        s_total += ph[i].surface;
    }

  out->porosity = porosity_for (d, ph, n);
  solid = 1 - out->porosity;
  out->solid_fraction = out->bulk_solid_fraction = solid;
  {
    double rho = 1.0 / rho_solid;   /* g/cm3 */
    out->thickness_um = d->cell.thickness_um > 0 ? d->cell.thickness_um
                        : d->cell.areal_loading_mg_cm2 * 10.0 / (rho * solid);
  }
  out->particles = 0;

  {
    const Phase *c = &ph[cam];
    double sig_cam_e = cc_material_get (c->mat, "electronic_conductivity_S_cm", 0);
    double sig_e = 0, p_e = 0, p_i = 0, share_el = 0, theta_max, v_other = 0;
    gboolean cam_conducts = sig_cam_e >= 1 && c->phi > threshold (c->radius, mean_r);
    double cam_span = spanning_fraction (c->phi, threshold (c->radius, mean_r));

    for (guint i = 0; i < n; i++)
      {
        const Phase *p = &ph[i];
        double pc = shape_threshold (p, mean_r);
        double v_share = c->phi < 1 ? p->phi / (1 - c->phi) : 0;

        switch (p->klass)
          {
          case CC_MATERIAL_CLASS_CAM:
            out->cam_volume_fraction += p->phi * solid;
            if (cam_conducts)
              sig_e += percolating_conductivity (sig_cam_e, p->phi, pc, solid);
            break;
          case CC_MATERIAL_CLASS_SE:
            out->se_volume_fraction += p->phi * solid;
            break;
          case CC_MATERIAL_CLASS_CARBON:
            out->carbon_volume_fraction += p->phi * solid;
            if (p->phi > pc)
              {
                sig_e += percolating_conductivity (cc_material_get (p->mat, "electronic_conductivity_S_cm", 1),
                                                   p->phi, pc, solid);
                p_e = MAX (p_e, touch (c->radius, p, v_share, mean_r));
              }
            break;
          case CC_MATERIAL_CLASS_BINDER:
            out->binder_volume_fraction += p->phi * solid;
            break;
          default:
            if ((int) i == el)
              out->se_volume_fraction += p->phi * solid;
            break;
          }
        if ((int) i == el && p->phi > pc)
          {
            double sig = cc_material_get (p->mat, "ionic_conductivity_S_cm", 0);
            out->sigma_ion_eff_S_per_cm = percolating_conductivity (sig, p->phi, pc, solid);
            out->ionic_percolation = out->sigma_ion_eff_S_per_cm > 0;
            out->tortuosity_ion = out->sigma_ion_eff_S_per_cm > 0
                                  ? p->phi * solid * sig / out->sigma_ion_eff_S_per_cm : 0;
            p_i = touch (c->radius, p, v_share, mean_r);
            share_el = p->phi;
          }
      }
    /* A CAM that conducts electrons connects through its own network. */
    if (cam_conducts)
      p_e = 1 - (1 - p_e) * (1 - cam_span);
    /* Ion-conducting coatings connect CAM particles that touch each other. */
    if (cc_component_coating_connects_ions (c->comp, db))
      p_i = 1 - (1 - p_i) * (1 - cam_span);
    out->sigma_e_eff_S_per_cm = sig_e;
    out->electronic_percolation = sig_e > 0;
    if (!out->electronic_percolation)
      p_e = 0;
    out->tortuosity_e = sig_e > 0 ? 1 : 0;
    /* Agglomerates left by mixing: the electrolyte reaches their outer
     * shell only (cc-agglomerate.c). */
    out->agglomerate_interior_cam_fraction = 1 - cc_agglomerate_reached_fraction (c->comp->d50_um,
                                                                                  cc_agglomerate_effective_d_um (c->comp, db));
    p_i *= 1 - out->agglomerate_interior_cam_fraction;
    out->ionically_connected_cam_fraction = p_i;
    out->electronically_connected_cam_fraction = p_e;
    out->active_cam_fraction = p_i * p_e;

    /* The CAM's surroundings by volume: nano carbon is numerous but takes
     * little of a large particle's surface. */
    for (guint i = 0; i < n; i++)
      if ((int) i != cam)
        v_other += ph[i].phi;
    share_el = v_other > 0 ? share_el / v_other : 0;
    theta_max = d->process.method == CC_PROCESS_INFILTRATION ? 0.8
                : (el >= 0 && cc_material_is_plastic (ph[el].mat)) ? 0.5 : 0.15;
    out->cam_se_contact_area_fraction = theta_max * share_el;
    out->cam_se_area_per_volume_cm2_cm3 = 3 * out->cam_volume_fraction * out->active_cam_fraction
                                          / (c->radius * 100) * out->cam_se_contact_area_fraction;
    for (guint i = 0; i < n; i++)
      if (ph[i].klass == CC_MATERIAL_CLASS_CARBON && el >= 0)
        out->carbon_se_area_per_volume_cm2_cm3 += 3 * ph[i].phi * solid / (ph[i].radius * 100)
                                                  * cc_model_constant (CC_K_CARBON_CONTACT_FRACTION)->value
                                                  * ph[el].phi / (1 - ph[i].phi);
    out->mean_cam_se_contact_radius_um = 0.2 * c->radius * 1e6;
    size_classes (c->comp, out);
  }
  return TRUE;
}
