/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cc_cell_inputs_from_design: design + materials database + packing metrics
 * -> SI cell inputs with provenance. Missing database numbers fall back to
 * the estimates of cc-echem-constants.c, and each fallback is written into
 * the parameter's source and the notes.
 */
#include "cc-cell-inputs.h"

#include <math.h>
#include <string.h>
#include "cc-chemistry.h"
#include "cc-cell-inputs-private.h"

void
cc_build_note (CcBuild    *b,
               const char *format,
               ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (b->in->notes, g_strdup_vprintf (format, args));
  va_end (args);
}

/* A database property times scale, or the fallback (an estimate, noted).
 * A NAN fallback means required: FALSE and an error naming the key. */
gboolean
cc_build_from_material (CcBuild          *b,
                        CcParam          *p,
                        const CcMaterial *m,
                        const char       *key,
                        double            scale,
                        const char       *unit,
                        double            fallback,
                        const char       *basis,
                        GError          **error)
{
  const CcProperty *prop = m != NULL ? cc_material_get_property (m, key) : NULL;

  if (prop != NULL && isfinite (prop->value))
    {
      cc_param_set (p, prop->value * scale, unit, prop->estimate ? CC_ORIGIN_ESTIMATE : CC_ORIGIN_MATERIAL,
                    "%s: %s (%s%s%s)", cc_material_get_id (m), key, prop->source,
                    prop->estimate && prop->basis ? "; estimate: " : "",
                    prop->estimate && prop->basis ? prop->basis : "");
      return TRUE;
    }
  if (isnan (fallback))
    {
      g_set_error (error, CC_CELL_ERROR, CC_CELL_ERROR_INVALID,
                   "material '%s' has no %s, which the cell model needs",
                   m != NULL ? cc_material_get_id (m) : "(none)", key);
      return FALSE;
    }
  cc_param_set (p, fallback, unit, CC_ORIGIN_ESTIMATE, "%s has no %s: %s",
                m != NULL ? cc_material_get_id (m) : "(absent material)", key, basis);
  if (m != NULL)
    cc_build_note (b, "%s: no %s in the database, using %g %s (%s)", cc_material_get_id (m), key,
                   fallback, unit, basis);
  return TRUE;
}

const CcMaterial *
cc_build_lookup (CcBuild     *b,
                 const char  *id,
                 const char  *field,
                 GError     **error)
{
  const CcMaterial *m;

  if (id == NULL)
    return NULL;
  m = cc_material_db_lookup (b->db, id);
  if (m == NULL)
    g_set_error (error, CC_CELL_ERROR, CC_CELL_ERROR_INVALID,
                 "%s names material '%s', which is not in the database", field, id);
  return m;
}

/* An Arrhenius-corrected ionic conductivity (S/m) of a material. */
gboolean
cc_build_ionic_sigma (CcBuild          *b,
                      CcParam          *p,
                      const CcMaterial *m,
                      double            fallback_S_cm,
                      GError          **error)
{
  double ea = cc_material_get (m, "activation_energy_eV", 0.3);
  double f = cc_arrhenius_factor (ea, b->temperature);

  char *src;

  if (!cc_build_from_material (b, p, m, "ionic_conductivity_S_cm", 100.0 * f, "S/m", fallback_S_cm * 100 * f,
                               "typical of the class; Arrhenius-corrected", error))
    return FALSE;
  src = p->source;
  p->source = g_strdup_printf ("%s; x%.3g for %.1f K with Ea = %.3g eV", src, f, b->temperature, ea);
  g_free (src);
  return TRUE;
}

static gboolean
find_phases (CcBuild *b,
             GError **error)
{
  const CcDesign *d = b->design;
  GError *local = NULL;

  b->cam_comp = cc_design_find_component (d, b->db, CC_MATERIAL_CLASS_CAM);
  if (b->cam_comp == NULL)
    {
      g_set_error_literal (error, CC_CELL_ERROR, CC_CELL_ERROR_INVALID,
                           "the design has no cathode active material component");
      return FALSE;
    }
  b->cam = cc_build_lookup (b, b->cam_comp->material_id, "components[].material", error);
  if (b->cam == NULL)
    return FALSE;

  {
    const CcComponent *c = cc_design_find_component (d, b->db, CC_MATERIAL_CLASS_SE);
    if (c == NULL)
      c = cc_design_find_component (d, b->db, CC_MATERIAL_CLASS_INTERLAYER);
    if (c != NULL && (b->el = cc_build_lookup (b, c->material_id, "components[].material", error)) == NULL)
      return FALSE;
  }
  {
    const CcComponent *c = cc_design_find_component (d, b->db, CC_MATERIAL_CLASS_CARBON);
    if (c != NULL && (b->carbon = cc_build_lookup (b, c->material_id, "components[].material", error)) == NULL)
      return FALSE;
  }
  b->coating = cc_build_lookup (b, b->cam_comp->coating_id, "components[].coating", &local);
  b->separator = local ? NULL : cc_build_lookup (b, d->cell.separator_id, "cell.separator", &local);
  b->interlayer = local ? NULL : cc_build_lookup (b, d->cell.interlayer_id, "cell.interlayer", &local);
  b->anode = local ? NULL : cc_build_lookup (b, d->cell.anode_id, "cell.anode", &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return FALSE;
    }
  if (b->anode == NULL)
    {
      g_set_error_literal (error, CC_CELL_ERROR, CC_CELL_ERROR_INVALID,
                           "the design has no anode (cell.anode)");
      return FALSE;
    }

  /* A wetting agent anywhere in the cell wets the CAM-SE contacts. */
  {
    const CcMaterial *cands[3] = { b->coating, b->interlayer, NULL };
    const CcComponent *c = cc_design_find_component (d, b->db, CC_MATERIAL_CLASS_INTERLAYER);
    cands[2] = c != NULL ? cc_material_db_lookup (b->db, c->material_id) : NULL;
    for (guint i = 0; i < G_N_ELEMENTS (cands) && b->wetting == NULL; i++)
      if (cands[i] != NULL && cc_material_is_wetting (cands[i], NULL))
        b->wetting = cands[i];
  }
  if (b->wetting != NULL && b->coating == b->wetting)
    b->coating = NULL;   /* a liquid "coating" wets; it is not a solid buffer */

  /* Without a solid electrolyte in the composite, ions can still get
   * through: a wetting agent fills the pores, or ion-conducting coatings on
   * touching CAM particles form a network of shells. */
  if (b->el == NULL && b->wetting != NULL)
    {
      b->el = b->wetting;
      b->pore_fill = TRUE;
    }
  else if (b->el == NULL && b->coating != NULL
           && cc_material_get (b->coating, "ionic_conductivity_S_cm", 0) >= 1e-9)
    {
      b->el = b->coating;
      b->shell_network = TRUE;
    }
  return TRUE;
}

static double
solid_density (CcBuild *b,
               GError **error)
{
  double inv = 0;

  for (guint i = 0; i < b->design->components->len; i++)
    {
      const CcComponent *c = g_ptr_array_index (b->design->components, i);
      const CcMaterial *m = cc_build_lookup (b, c->material_id, "components[].material", error);
      double rho;

      if (m == NULL)
        return NAN;
      rho = cc_material_get (m, "density_g_cm3", NAN);
      if (!(rho > 0))
        {
          g_set_error (error, CC_CELL_ERROR, CC_CELL_ERROR_INVALID,
                       "material '%s' has no density_g_cm3, needed for the electrode mass",
                       c->material_id);
          return NAN;
        }
      inv += c->mass_fraction / (rho * 1000.0);
    }
  return 1.0 / inv;
}

static gboolean
build_geometry (CcBuild *b,
                GError **error)
{
  CcCellInputs *in = b->in;
  const CcMicrostructure *mi = b->micro;
  const CcDesign *d = b->design;
  double rho = solid_density (b, error);
  double solid = 1.0 - mi->porosity, L, loading;

  if (isnan (rho))
    return FALSE;
  if (!(mi->porosity >= 0 && mi->porosity < 1))
    {
      g_set_error (error, CC_CELL_ERROR, CC_CELL_ERROR_INVALID,
                   "microstructure porosity = %g is outside [0, 1)", mi->porosity);
      return FALSE;
    }
  if (d->cell.thickness_um > 0)
    {
      L = d->cell.thickness_um * 1e-6;
      loading = L * rho * solid;
      cc_param_set (&in->thickness, L, "m", CC_ORIGIN_DESIGN, "cell.thickness_um");
      cc_param_set (&in->composite_loading, loading, "kg/m2", CC_ORIGIN_DERIVED,
                    "thickness x solid density %.0f kg/m3 x solid fraction %.3f", rho, solid);
    }
  else
    {
      loading = d->cell.areal_loading_mg_cm2 * 1e-2;
      L = loading / (rho * solid);
      cc_param_set (&in->composite_loading, loading, "kg/m2", CC_ORIGIN_DESIGN, "cell.areal_loading_mg_cm2");
      cc_param_set (&in->thickness, L, "m", CC_ORIGIN_DERIVED,
                    "loading / (solid density %.0f kg/m3 x solid fraction %.3f)", rho, solid);
    }
  cc_param_set (&in->cam_loading, loading * b->cam_comp->mass_fraction, "kg/m2", CC_ORIGIN_DERIVED,
                "composite loading x CAM mass fraction %.3f", b->cam_comp->mass_fraction);

  cc_param_set (&in->eps_cam, mi->cam_volume_fraction, "1", CC_ORIGIN_MICROSTRUCTURE, "cam_volume_fraction");
  cc_param_set (&in->eps_electrolyte, mi->se_volume_fraction, "1", CC_ORIGIN_MICROSTRUCTURE, "se_volume_fraction");
  cc_param_set (&in->eps_carbon, mi->carbon_volume_fraction, "1", CC_ORIGIN_MICROSTRUCTURE, "carbon_volume_fraction");
  cc_param_set (&in->porosity, mi->porosity, "1", CC_ORIGIN_MICROSTRUCTURE, "porosity");
  cc_param_set (&in->active_cam_fraction, CLAMP (mi->active_cam_fraction, 0, 1), "1",
                CC_ORIGIN_MICROSTRUCTURE, "active_cam_fraction (CAM reached by both networks)");
  cc_param_set (&in->electronically_connected_fraction,
                CLAMP (MAX (mi->electronically_connected_cam_fraction, mi->active_cam_fraction), 0, 1),
                "1", CC_ORIGIN_MICROSTRUCTURE, "electronically_connected_cam_fraction");
  cc_param_set (&in->sigma_e_eff, mi->electronic_percolation ? mi->sigma_e_eff_S_per_cm * 100 : 0,
                "S/m", CC_ORIGIN_MICROSTRUCTURE, "sigma_e_eff_S_per_cm");
  cc_param_set (&in->cam_se_area, mi->cam_se_area_per_volume_cm2_cm3 * 100, "1/m",
                CC_ORIGIN_MICROSTRUCTURE, "cam_se_area_per_volume_cm2_cm3");
  cc_param_set (&in->carbon_se_area, mi->carbon_se_area_per_volume_cm2_cm3 * 100, "1/m",
                CC_ORIGIN_MICROSTRUCTURE, "carbon_se_area_per_volume_cm2_cm3");
  cc_param_set (&in->contact_fraction, CLAMP (mi->cam_se_contact_area_fraction, 0, 1), "1",
                CC_ORIGIN_MICROSTRUCTURE, "cam_se_contact_area_fraction");
  in->ionic_percolation = mi->ionic_percolation;
  in->electronic_percolation = mi->electronic_percolation;
  return TRUE;
}

/* Merges the packing's size classes into at most CC_CELL_MAX_CLASSES, keeping
 * the volume-weighted mean of R^2 (the diffusion time) of each group. */
static void
build_classes (CcBuild *b)
{
  CcCellInputs *in = b->in;
  const CcMicrostructure *mi = b->micro;
  guint n = MIN (mi->n_size_classes, CC_MICRO_MAX_SIZE_CLASSES);
  double wsum = 0;

  for (guint k = 0; k < n; k++)
    if (mi->size_class_radius_um[k] > 0 && mi->size_class_volume_weight[k] > 0)
      wsum += mi->size_class_volume_weight[k];
  if (n == 0 || !(wsum > 0))
    {
      in->n_classes = 1;
      in->class_radius[0] = 0.5 * b->cam_comp->d50_um * 1e-6;
      in->class_weight[0] = 1;
      cc_build_note (b, "no CAM size classes in the microstructure: one class at the design d50");
      return;
    }
  {
    guint groups = MIN (n, CC_CELL_MAX_CLASSES);
    guint per = (n + groups - 1) / groups;
    in->n_classes = 0;
    for (guint k0 = 0; k0 < n; k0 += per)
      {
        double w = 0, r2 = 0;
        for (guint k = k0; k < MIN (n, k0 + per); k++)
          if (mi->size_class_radius_um[k] > 0 && mi->size_class_volume_weight[k] > 0)
            {
              double rr = mi->size_class_radius_um[k] * 1e-6;
              w += mi->size_class_volume_weight[k];
              r2 += mi->size_class_volume_weight[k] * rr * rr;
            }
        if (w > 0)
          {
            in->class_radius[in->n_classes] = sqrt (r2 / w);
            in->class_weight[in->n_classes] = w / wsum;
            in->n_classes++;
          }
      }
  }
}

double
cc_build_first_limit (const CcMaterial *m,
             const char       *key,
             const char       *apparent_key,
             double            none)
{
  double v = cc_material_get (m, key, NAN);

  if (isnan (v))
    v = cc_material_get (m, apparent_key, NAN);
  return isnan (v) ? none : v;
}


/* CAM surface per electrode volume of the electronically connected CAM. */
static double
cam_surface (const CcCellInputs *in)
{
  double s = 0;

  for (guint k = 0; k < in->n_classes; k++)
    s += 3 * in->class_weight[k] / in->class_radius[k];
  return s * in->eps_cam.value * in->electronically_connected_fraction.value;
}

static void
alternative_ionic_path (CcBuild *b)
{
  CcCellInputs *in = b->in;
  double conn = in->electronically_connected_fraction.value;

  if (b->pore_fill)
    {
      double fill = in->k[CC_K_WETTING_FILL].value;
      double eps = in->porosity.value * fill;

      cc_param_set (&in->eps_electrolyte, eps, "1", CC_ORIGIN_DERIVED,
                    "no solid electrolyte: %s fills %.0f %% of the porosity", in->electrolyte_id, 100 * fill);
      cc_param_set (&in->sigma_ion_eff, in->el_sigma.value * pow (eps, 1.5), "S/m", CC_ORIGIN_DERIVED,
                    "Bruggeman: liquid conductivity x eps^1.5");
      cc_param_set (&in->contact_fraction, fill, "1", CC_ORIGIN_DERIVED, "wetted CAM surface");
      cc_param_set (&in->cam_se_area, cam_surface (in) * fill, "1/m", CC_ORIGIN_DERIVED,
                    "wetted surface of the electronically connected CAM");
      in->ionic_percolation = eps > 0;
    }
  else
    {
      double t = b->cam_comp->coating_thickness_nm * 1e-9, r = 0, eps;
      double cov = 1 - exp (-t / in->k[CC_K_COATING_COVERAGE_LENGTH].value);

      for (guint k = 0; k < in->n_classes; k++)
        r += in->class_weight[k] * in->class_radius[k];
      eps = in->eps_cam.value * 3 * t / r;
      cc_param_set (&in->eps_electrolyte, eps, "1", CC_ORIGIN_DERIVED,
                    "no solid electrolyte: %s shells on the CAM (3 t/R of the CAM volume)", in->electrolyte_id);
      /* Shells conduct only where CAM particles touch: a CAM network. */
      in->ionic_percolation = in->eps_cam.value > 0.18;
      cc_param_set (&in->sigma_ion_eff, in->ionic_percolation ? in->el_sigma.value * eps / 1.5 : 0, "S/m",
                    CC_ORIGIN_DERIVED, "shell network: coating conductivity x shell fraction / tortuosity 1.5");
      cc_param_set (&in->contact_fraction, cov, "1", CC_ORIGIN_DERIVED, "coating coverage");
      cc_param_set (&in->cam_se_area, cam_surface (in) * cov, "1/m", CC_ORIGIN_DERIVED,
                    "coated surface of the electronically connected CAM");
    }
  cc_param_set (&in->active_cam_fraction, in->ionic_percolation ? conn : 0, "1", CC_ORIGIN_DERIVED,
                "electronically connected CAM, all reached by the %s", b->pore_fill ? "liquid" : "shells");
  cc_build_note (b, "the composite has no solid electrolyte: ions move through %s (%s)", in->electrolyte_id,
                 b->pore_fill ? "pore-filling wetting agent" : "network of ion-conducting coatings");
}

/* A sphere packing cannot represent fibres and tubes, which percolate at
 * about 1 vol% (excluded volume, aspect ratio ~100). When the packing finds
 * no electronic path but the design's carbon is fibrous and above that, the
 * electronic network is estimated: percolation-theory conductivity and
 * every ionically connected CAM particle touching a fibre with the
 * probability of the effective-medium estimate. */
static void
fibre_network (CcBuild *b)
{
  CcCellInputs *in = b->in;
  const CcComponent *c = cc_design_find_component (b->design, b->db, CC_MATERIAL_CLASS_CARBON);
  const char *shape = b->carbon != NULL ? cc_material_get_string (b->carbon, "shape") : NULL;
  double eps = in->eps_carbon.value, pc = 0.01, x, sigma, touch, r_cam = 0, act_old;

  if (in->electronic_percolation || c == NULL || shape == NULL
      || !(g_str_equal (shape, "fiber") || g_str_equal (shape, "tube")) || eps <= pc)
    return;
  x = (eps - pc) / (1 - pc);
  sigma = cc_material_get (b->carbon, "electronic_conductivity_S_cm", 1) * 100 * x * x;
  for (guint k = 0; k < in->n_classes; k++)
    r_cam += in->class_weight[k] * in->class_radius[k];
  /* CAM-fibre contacts: z = 6 (r_CAM / r_fibre)^2 (at most 60) times the
   * fibre's volume share and the fraction of fibres in the spanning cluster. */
  touch = 1 - exp (-MIN (60.0, 6 * pow (r_cam / (0.5e-6 * c->d50_um), 2))
                   * eps / (1 - in->porosity.value - in->eps_cam.value)
                   * (1 - exp (-2 * pow ((eps - pc) / pc, 0.41))));
  act_old = in->active_cam_fraction.value;
  in->electronic_percolation = TRUE;
  cc_param_set (&in->sigma_e_eff, sigma, "S/m", CC_ORIGIN_DERIVED,
                "%s fibres (%.1f vol%%) percolate above ~1 vol%%: sigma x ((eps - 0.01)/0.99)^2; the sphere "
                "packing found no path", cc_material_get_id (b->carbon), 100 * eps);
  cc_param_set (&in->electronically_connected_fraction, touch, "1", CC_ORIGIN_DERIVED,
                "CAM touching the fibre network (effective-medium estimate)");
  cc_param_set (&in->active_cam_fraction, CLAMP (b->micro->ionically_connected_cam_fraction, 0, 1) * touch, "1",
                CC_ORIGIN_DERIVED, "ionically connected CAM (packing) x CAM touching fibres (estimate)");
  /* The packing's contact area is that of its active CAM: rescale it. */
  if (act_old > 0)
    in->cam_se_area.value *= in->active_cam_fraction.value / act_old;
  else
    {
      double surf = 0;
      for (guint k = 0; k < in->n_classes; k++)
        surf += 3 * in->class_weight[k] / in->class_radius[k];
      cc_param_set (&in->cam_se_area, surf * in->eps_cam.value * in->active_cam_fraction.value
                    * CLAMP (b->micro->cam_se_contact_area_fraction, 0, 1), "1/m", CC_ORIGIN_DERIVED,
                    "CAM surface x active fraction x the packing's contact fraction");
    }
  cc_build_note (b, "the packing found no electronic path; %s is fibrous, so its network was estimated",
                 cc_material_get_id (b->carbon));
}

/* Decomposition happens on the carbon's real surface. A packing of 10^4
 * particles cannot resolve tens-of-nm carbon next to µm CAM, so the area is
 * at least the one the design's carbon size gives. */
static void
carbon_area_at_design_size (CcBuild *b)
{
  CcCellInputs *in = b->in;
  const CcComponent *c = cc_design_find_component (b->design, b->db, CC_MATERIAL_CLASS_CARBON);
  double eps_c = in->eps_carbon.value, est, share;

  if (c == NULL || !(c->d50_um > 0) || !(eps_c > 0) || eps_c >= 1)
    return;
  share = in->eps_electrolyte.value / (1 - in->porosity.value - eps_c);
  est = 3 * eps_c / (0.5e-6 * c->d50_um) * in->k[CC_K_CARBON_CONTACT_FRACTION].value * CLAMP (share, 0, 1);
  if (est > in->carbon_se_area.value)
    cc_param_set (&in->carbon_se_area, est, "1/m", CC_ORIGIN_DERIVED,
                  "3 eps_carbon / r (d50 %.3g um) x carbon_contact_fraction x electrolyte share %.2f; the "
                  "packing's %.3g 1/m under-resolves the carbon", c->d50_um, share, in->carbon_se_area.value);
}

static void
build_ionic_transport (CcBuild *b)
{
  CcCellInputs *in = b->in;
  const CcMicrostructure *mi = b->micro;
  double tau = mi->tortuosity_ion;

  if (b->pore_fill || b->shell_network)
    alternative_ionic_path (b);
  else if (!mi->ionic_percolation)
    cc_param_set (&in->sigma_ion_eff, 0, "S/m", CC_ORIGIN_MICROSTRUCTURE,
                  "ionic_percolation = false: no ionic path through the composite");
  else if (tau > 0 && isfinite (tau) && in->el_sigma.value > 0)
    cc_param_set (&in->sigma_ion_eff, in->eps_electrolyte.value * in->el_sigma.value / tau, "S/m",
                  CC_ORIGIN_DERIVED, "se_volume_fraction x electrolyte conductivity at the cell "
                  "temperature / tortuosity_ion %.3g", tau);
  else
    cc_param_set (&in->sigma_ion_eff, mi->sigma_ion_eff_S_per_cm * 100, "S/m", CC_ORIGIN_MICROSTRUCTURE,
                  "sigma_ion_eff_S_per_cm (no tortuosity to correct for temperature)");
}

/* The CAM volume fraction follows from the CAM mass in the electrode, so the
 * capacity is that of the CAM the design holds; the packing's own fraction
 * should agree (a note says when it does not). */
static void
cam_fraction_from_mass (CcBuild *b)
{
  CcCellInputs *in = b->in;
  double eps = in->cam_loading.value / (in->cam_density.value * in->thickness.value);
  double packed = b->micro->cam_volume_fraction;

  if (packed > 0 && fabs (eps / packed - 1) > 0.05)
    cc_build_note (b, "the packing's CAM volume fraction %.3f differs from the design's %.3f; the design's is "
                   "used for the capacity", packed, eps);
  cc_param_set (&in->eps_cam, eps, "1", CC_ORIGIN_DERIVED, "CAM loading / (density x thickness)");
}

static void
build_pair (CcBuild *b)
{
  CcCellInputs *in = b->in;
  const char *why = NULL;
  double e1 = in->cam_modulus.value, e2 = in->el_modulus.value;
  double v1 = in->cam_poisson.value, v2 = in->el_poisson.value;

  cc_param_set (&in->anion_mismatch, cc_anion_mismatch (in->cam_anion, in->electrolyte_anion, &why), "1",
                CC_ORIGIN_ESTIMATE, "%s | %s: %s", in->cam_anion ? in->cam_anion : "?",
                in->electrolyte_anion ? in->electrolyte_anion : "?", why);
  cc_param_set (&in->contact_modulus, e1 > 0 && e2 > 0 ? 1 / ((1 - v1 * v1) / e1 + (1 - v2 * v2) / e2) : 0,
                "Pa", CC_ORIGIN_DERIVED, "Hertz contact modulus of CAM and electrolyte");
}

static void
build_protocol (CcBuild *b)
{
  CcCellInputs *in = b->in;
  const CcProtocol *p = &b->design->protocol;

  cc_param_set (&in->temperature, b->temperature, "K", CC_ORIGIN_DESIGN, "protocol.temperature_C");
  cc_param_set (&in->stack_pressure, b->design->process.stack_pressure_MPa * 1e6, "Pa", CC_ORIGIN_DESIGN,
                "process.stack_pressure_MPa");
  cc_param_set (&in->v_min, p->voltage_min_V, "V", CC_ORIGIN_DESIGN, "protocol.voltage_min_V (cell)");
  cc_param_set (&in->v_max, p->voltage_max_V, "V", CC_ORIGIN_DESIGN, "protocol.voltage_max_V (cell)");
  cc_param_set (&in->cycling_c_rate, p->cycling_c_rate, "1/h", CC_ORIGIN_DESIGN, "protocol.cycling_c_rate");
  in->c_rates = p->c_rates != NULL ? g_array_copy (p->c_rates) : g_array_new (FALSE, FALSE, sizeof (double));
  in->cycles = p->cycles;
}

CcCellInputs *
cc_cell_inputs_from_design (const CcDesign         *design,
                            CcMaterialDb           *db,
                            const CcMicrostructure *micro,
                            GError                **error)
{
  g_autoptr(CcCellInputs) in = NULL;
  CcBuild b = { 0 };

  g_return_val_if_fail (design != NULL && db != NULL && micro != NULL, NULL);

  in = g_new0 (CcCellInputs, 1);
  in->notes = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < CC_N_MODEL_CONSTANTS; i++)
    {
      const CcModelConstant *k = cc_model_constant (i);
      cc_param_set (&in->k[i], k->value, k->unit, k->origin, "%s", k->basis);
    }
  b.in = in;
  b.design = design;
  b.db = db;
  b.micro = micro;
  b.temperature = design->protocol.temperature_C + 273.15;
  build_protocol (&b);

  if (!find_phases (&b, error) || !build_geometry (&b, error))
    return NULL;
  build_classes (&b);
  in->cam_id = g_strdup (cc_material_get_id (b.cam));
  if (b.carbon != NULL)
    in->carbon_id = g_strdup (cc_material_get_id (b.carbon));
  if (!cc_build_cam (&b, error) || !cc_build_electrolyte (&b, error))
    return NULL;
  cam_fraction_from_mass (&b);
  build_ionic_transport (&b);
  fibre_network (&b);
  carbon_area_at_design_size (&b);
  if (!cc_build_coating_wetting (&b, error) || !cc_build_cell_stack (&b, error))
    return NULL;
  build_pair (&b);

  cc_param_set (&in->nominal_capacity, in->capacity_window.value * in->cam_loading.value, "C/m2",
                CC_ORIGIN_DERIVED, "window capacity x CAM loading (all CAM, active or not)");
  cc_param_set (&in->current_1c, in->nominal_capacity.value / 3600.0, "A/m2", CC_ORIGIN_DERIVED,
                "nominal capacity / 1 h");
  if (!cc_cell_inputs_check (in, error))
    return NULL;
  return g_steal_pointer (&in);
}
