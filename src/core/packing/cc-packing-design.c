/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From a design to packing parameters: one species per component, with
 * properties from the materials database (fallbacks by role where a key is
 * missing), mass fractions turned into volume fractions through densities,
 * fine components coarse-grained to a resolvable size, and a box shaped like
 * a slab of the electrode when the electrode is thin.
 */
#include "cc-packing-private.h"
#include "cc-agglomerate.h"

#include <math.h>
#include <string.h>

#define BOLTZMANN_EV_K      8.617333262e-5
/* Activation energy assumed for σ_ion when the database has none. */
#define DEFAULT_ACTIVATION_EV 0.30
/* Largest d50 ratio resolved in one packing: finer components are packed as
 * agglomerates of d50_max / MAX_SIZE_RATIO (README, "Coarse-grained fine
 * components"). */
#define MAX_SIZE_RATIO      6.0
/* Solid fractions used only to shape the box before packing. */
#define ESTIMATED_PHI_JAMMED    0.64
#define ESTIMATED_PHI_COMPACTED 0.80

static CcRole
role_for_class (CcMaterialClass klass)
{
  switch (klass)
    {
    case CC_MATERIAL_CLASS_CAM: return CC_ROLE_CAM;
    case CC_MATERIAL_CLASS_SE: return CC_ROLE_SE;
    case CC_MATERIAL_CLASS_CARBON: return CC_ROLE_CARBON;
    case CC_MATERIAL_CLASS_BINDER: return CC_ROLE_BINDER;
    case CC_MATERIAL_CLASS_INTERLAYER:
    case CC_MATERIAL_CLASS_ANODE:
    case CC_MATERIAL_N_CLASSES:
    default:
      return CC_ROLE_OTHER;
    }
}

/* Plastic when the database says so; otherwise oxide electrolytes are
 * elastic, other electrolytes (sulfides, halides, hydrides) plastic, and a
 * solid softer than 15 GPa (organic CAMs, polymers) plastic. */
static gboolean
is_plastic (const CcMaterial *m,
            const CcSpecies  *sp)
{
  const char *deformation = cc_material_get_string (m, "deformation");
  const char *anion = cc_material_get_string (m, "anion");
  const char *family = cc_material_get_family (m);

  if (g_strcmp0 (deformation, "plastic") == 0)
    return TRUE;
  if (g_strcmp0 (deformation, "elastic") == 0)
    return FALSE;
  if (sp->role == CC_ROLE_SE)
    return !(g_strcmp0 (anion, "oxide") == 0 || (family && strstr (family, "oxide") != NULL));
  if (sp->young_modulus_GPa < 15)
    return TRUE;
  return sp->plastic;
}

/* σ(T) = σ(25 °C) exp(-Ea/k (1/T - 1/298.15 K)). */
static double
arrhenius (double sigma_25,
           double ea_eV,
           double temperature_C)
{
  double t = temperature_C + 273.15;

  if (sigma_25 <= 0 || t <= 0)
    return sigma_25;
  return sigma_25 * exp (-ea_eV / BOLTZMANN_EV_K * (1.0 / t - 1.0 / 298.15));
}

static void
species_from_material (CcSpecies         *sp,
                       const CcMaterial  *m,
                       const CcComponent *c,
                       double             temperature_C)
{
  CcRole role = role_for_class (cc_material_get_class (m));
  double ea;

  cc_species_init_for_role (sp, role);
  sp->name = g_strdup (cc_material_get_id (m));
  sp->d50_um = sp->d50_requested_um = c->d50_um;
  sp->spread = c->spread;
  sp->mass_fraction = c->mass_fraction;
  sp->density_g_cm3 = cc_material_get (m, "density_g_cm3", sp->density_g_cm3);
  sp->young_modulus_GPa = cc_material_get (m, "young_modulus_GPa", sp->young_modulus_GPa);
  sp->poisson_ratio = cc_material_get (m, "poisson_ratio", sp->poisson_ratio);
  sp->plastic = is_plastic (m, sp);
  sp->hardness_GPa = cc_material_get (m, "hardness_GPa",
                                      sp->young_modulus_GPa / (sp->plastic ? 20.0 : 15.0));
  ea = cc_material_get (m, "activation_energy_eV", DEFAULT_ACTIVATION_EV);
  sp->sigma_ion_S_cm = arrhenius (cc_material_get (m, "ionic_conductivity_S_cm", sp->sigma_ion_S_cm),
                                  ea, temperature_C);
  sp->sigma_e_S_cm = cc_material_get (m, "electronic_conductivity_S_cm", sp->sigma_e_S_cm);

  switch (role)
    {
    case CC_ROLE_SE:
      sp->ion_network = sp->sigma_ion_S_cm > 0;
      sp->electron_network = FALSE;
      break;
    case CC_ROLE_CARBON:
      sp->ion_network = FALSE;
      sp->electron_network = sp->sigma_e_S_cm > 0;
      break;
    case CC_ROLE_BINDER:
      sp->ion_network = sp->electron_network = FALSE;
      break;
    case CC_ROLE_CAM:
    case CC_ROLE_OTHER:
    case CC_N_ROLES:
    default:
      sp->ion_network = sp->sigma_ion_S_cm >= CC_PACKING_CAM_ION_THRESHOLD_S_CM;
      sp->electron_network = sp->sigma_e_S_cm >= CC_PACKING_CAM_E_THRESHOLD_S_CM;
      break;
    }
}

/* Mass fractions -> volume fractions of the solid: v_i = (w_i/ρ_i) / Σ w/ρ. */
static void
mass_to_volume (CcPackingParams *p)
{
  double total = 0;

  for (guint i = 0; i < p->n_species; i++)
    total += p->species[i].mass_fraction / p->species[i].density_g_cm3;
  for (guint i = 0; i < p->n_species; i++)
    p->species[i].volume_fraction = p->species[i].mass_fraction / p->species[i].density_g_cm3 / total;
}

static void
coarse_grain (CcPackingParams *p)
{
  double d_max = 0;

  for (guint i = 0; i < p->n_species; i++)
    d_max = MAX (d_max, p->species[i].d50_um);
  for (guint i = 0; i < p->n_species; i++)
    {
      CcSpecies *sp = &p->species[i];

      if (sp->d50_um >= d_max / MAX_SIZE_RATIO)
        continue;
      sp->d50_um = d_max / MAX_SIZE_RATIO;
      /* fine carbon black is packed as porous agglomerates; other fine
       * powders (electrolyte fines) as dense clusters */
      if (sp->role == CC_ROLE_CARBON)
        sp->solid_content = CC_PACKING_AGGLOMERATE_SOLID_CONTENT;
    }
}

/* Mean particle volume of a log-normal size distribution: π/6 d50³ e^{4.5σ²}. */
/* The untruncated log-normal mean sizes the box as it always has; a species
 * cut by a thin layer (d_max_um) loses its large tail, so its truncated
 * mean is used, or the box would come out too wide and too thin. */
static double
mean_particle_volume (const CcSpecies *sp)
{
  if (sp->d_max_um > 0)
    return cc_packing_truncated_mean_volume (sp);
  return G_PI / 6.0 * pow (sp->d50_um, 3) * exp (4.5 * sp->spread * sp->spread);
}

/* The particle budget must span a box at least BUDGET_WIDTH_FACTOR large-
 * particle diameters wide (the neighbour search needs 2.8 d_max for the
 * largest drawn sphere, ~e^{2σ} above d50). Fine components dominate the
 * count: when the budget falls short, they are coarse-grained further —
 * their d50 grows in steps of 5 % up to d_max / 1.5 — instead of refusing
 * to pack (README, "Coarse-grained fine components"); the species then
 * report the d50 actually packed. */
#define BUDGET_WIDTH_FACTOR 3.2

static double
budget_box_width (const CcPackingParams *p)
{
  double per_volume = 0;

  for (guint i = 0; i < p->n_species; i++)
    per_volume += p->species[i].volume_fraction / cc_species_solid_content (&p->species[i])
                  / mean_particle_volume (&p->species[i]);
  /* n particles occupy n / per_volume of particle volume; the box holds it
   * at the jammed density. */
  return cbrt (p->n_particles / per_volume / ESTIMATED_PHI_JAMMED);
}

static void
fit_particle_budget (CcPackingParams *p)
{
  double d_max = 0, spread_max = 0;

  for (guint i = 0; i < p->n_species; i++)
    if (p->species[i].d50_um > d_max)
      {
        d_max = p->species[i].d50_um;
        spread_max = p->species[i].spread;
      }
  for (guint step = 0; step < 200; step++)
    {
      gboolean grown = FALSE;

      if (budget_box_width (p) >= BUDGET_WIDTH_FACTOR * d_max * exp (2.0 * spread_max))
        return;
      for (guint i = 0; i < p->n_species; i++)
        {
          CcSpecies *sp = &p->species[i];
          if (sp->d50_um * 1.05 <= d_max / 1.5)
            {
              sp->d50_um *= 1.05;
              grown = TRUE;
            }
        }
      if (!grown)
        return;
    }
}

/* Thin electrodes are packed over their full thickness (a slab); thick ones
 * as a cube, a slab of the electrode (conductivities are intensive). */
static void
shape_box (CcPackingParams *p,
           double           thickness_um)
{
  double per_volume = 0, v_solid, cube, h_jammed, width;

  p->box_aspect = 1.0;
  p->design_thickness_um = thickness_um;
  if (thickness_um <= 0)
    return;
  for (guint i = 0; i < p->n_species; i++)
    per_volume += p->species[i].volume_fraction / cc_species_solid_content (&p->species[i]) /
                  mean_particle_volume (&p->species[i]);
  v_solid = p->n_particles / per_volume;
  cube = cbrt (v_solid / ESTIMATED_PHI_COMPACTED);
  if (thickness_um >= cube)
    return;
  h_jammed = thickness_um * ESTIMATED_PHI_COMPACTED / ESTIMATED_PHI_JAMMED;
  width = sqrt (v_solid / (ESTIMATED_PHI_JAMMED * h_jammed));
  p->box_aspect = h_jammed / width;
}

/* A layer thinner than its largest particles: the jamming box is
 * h = thickness φ_compacted / φ_jammed high, and the neighbour search needs
 * 2.8 r_max of it (cc_packing_run), so the size distribution of each
 * species is cut at h / LAYER_REACH (1.4 with a margin for the box's volume
 * estimate) instead of d50 e^{2σ}. A cast or pressed layer cannot hold
 * particles much larger than itself; the cut removes them and the layer
 * keeps its thickness (README, "Thin layers"). A cut below the 16th
 * percentile is not made: such a layer is refused with its reason. */
#define LAYER_REACH 1.6

static gboolean
cap_to_layer (CcPackingParams *p)
{
  double h_jammed, cap;
  gboolean capped = FALSE;

  if (p->box_aspect >= 1.0 || p->design_thickness_um <= 0)
    return FALSE;
  h_jammed = p->design_thickness_um * ESTIMATED_PHI_COMPACTED / ESTIMATED_PHI_JAMMED;
  cap = h_jammed / LAYER_REACH;
  for (guint i = 0; i < p->n_species; i++)
    {
      CcSpecies *sp = &p->species[i];

      if (sp->spread <= 0 || sp->d50_um * exp (2.0 * sp->spread) <= cap
          || sp->d50_um * exp (-sp->spread) > cap)
        continue;
      sp->d_max_um = cap;
      capped = TRUE;
    }
  return capped;
}

static double
design_thickness (const CcDesign  *design,
                  const CcPackingParams *p)
{
  double inv_rho = 0;

  if (design->cell.thickness_um > 0)
    return design->cell.thickness_um;
  if (design->cell.areal_loading_mg_cm2 <= 0)
    return 0;
  for (guint i = 0; i < p->n_species; i++)
    inv_rho += p->species[i].mass_fraction / p->species[i].density_g_cm3;
  /* loading [mg/cm²] / (ρ_solid φ) [mg/cm³] -> cm -> µm */
  return design->cell.areal_loading_mg_cm2 * inv_rho / (1000.0 * ESTIMATED_PHI_COMPACTED) * 1e4;
}

CcPackingParams *
cc_packing_params_from_design (const CcDesign  *design,
                               CcMaterialDb    *db,
                               GError         **error)
{
  g_autoptr(CcPackingParams) p = NULL;
  g_autoptr(GError) local = NULL;
  guint n;

  g_return_val_if_fail (design != NULL, NULL);
  g_return_val_if_fail (db != NULL, NULL);

  if (!cc_design_validate (design, db, &local))
    {
      g_set_error (error, CC_PACKING_ERROR, CC_PACKING_ERROR_INVALID, "%s", local->message);
      return NULL;
    }
  n = design->components->len;
  p = g_new0 (CcPackingParams, 1);
  p->species = g_new0 (CcSpecies, MAX (n, 1));
  p->n_species = n;
  p->n_particles = design->simulation.particles;
  p->seed = design->simulation.seed;
  p->pressure_MPa = design->process.pressure_MPa;
  p->temperature_C = design->process.temperature_C;
  p->stack_pressure_MPa = design->process.stack_pressure_MPa;
  p->compression_rate = MAX (p->pressure_MPa, p->stack_pressure_MPa) > 0 ? CC_PACKING_PRESSED_COMPRESSION_RATE
                                                                         : CC_PACKING_DEFAULT_COMPRESSION_RATE;
  for (guint i = 0; i < n; i++)
    {
      const CcComponent *c = g_ptr_array_index (design->components, i);
      const CcMaterial *m = cc_material_db_lookup (db, c->material_id);

      if (m == NULL)
        {
          g_set_error (error, CC_PACKING_ERROR, CC_PACKING_ERROR_INVALID,
                       "components[%u].material_id = \"%s\": not in the materials database", i, c->material_id);
          return NULL;
        }
      species_from_material (&p->species[i], m, c, design->protocol.temperature_C);
      if (p->species[i].role == CC_ROLE_CAM)
        p->species[i].agglomerate_d_um = cc_agglomerate_effective_d_um (c, db);
    }
  mass_to_volume (p);
  coarse_grain (p);
  fit_particle_budget (p);
  shape_box (p, design_thickness (design, p));
  /* The cut changes the mean particle volume and so the box's width. */
  if (cap_to_layer (p))
    shape_box (p, p->design_thickness_um);
  if (!cc_packing_params_validate (p, error))
    return NULL;
  return g_steal_pointer (&p);
}
