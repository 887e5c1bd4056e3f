/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Packing parameters: roles, per-role fallback properties, the --spheres
 * mini-language, copying and validation.
 */
#include "cc-packing.h"

#include <math.h>
#include <string.h>

G_DEFINE_QUARK (cc-packing-error-quark, cc_packing_error)

static const char * const role_names[CC_N_ROLES] = {
  [CC_ROLE_CAM] = "cam",
  [CC_ROLE_SE] = "se",
  [CC_ROLE_CARBON] = "carbon",
  [CC_ROLE_BINDER] = "binder",
  [CC_ROLE_OTHER] = "other",
};

const char *
cc_role_to_string (CcRole role)
{
  g_return_val_if_fail (role < CC_N_ROLES, NULL);
  return role_names[role];
}

gboolean
cc_role_from_string (const char *str,
                     CcRole     *out)
{
  for (guint i = 0; str != NULL && i < CC_N_ROLES; i++)
    if (g_ascii_strcasecmp (str, role_names[i]) == 0)
      {
        *out = (CcRole) i;
        return TRUE;
      }
  return FALSE;
}

/* Fallbacks used when the materials database lacks a key, and for the
 * generic --spheres form. All are estimates for a typical member of the
 * role (documented in the README, "Packing and microstructure"):
 *  cam     layered oxide: ρ 4.3 g/cm³, E 150 GPa, ν 0.25, elastic, H = E/15;
 *          σ_e 1e-5 S/cm, no ionic conduction counted.
 *  se      sulfide glass-ceramic (Na3PS4-like): ρ 2.2, E 20 GPa, ν 0.30,
 *          plastic, H = E/20 = 1 GPa; σ_ion 5e-4, σ_e 1e-8 S/cm.
 *  carbon  acetylene-black agglomerate: ρ 1.9, E 10 GPa, ν 0.25, plastic
 *          (agglomerates crush and conform); σ_e 10 S/cm (pressed powder).
 *  binder  rubbery polymer: ρ 1.1, E 0.5 GPa, ν 0.40, plastic, H 0.05 GPa,
 *          insulating.
 *  other   interlayer additive: ρ 2.5, E 20 GPa, ν 0.3, plastic. */
void
cc_species_init_for_role (CcSpecies *sp,
                          CcRole     role)
{
  memset (sp, 0, sizeof *sp);
  sp->role = role;
  sp->spread = 0.0;
  sp->d50_um = sp->d50_requested_um = 1.0;
  switch (role)
    {
    case CC_ROLE_CAM:
      sp->density_g_cm3 = 4.3;
      sp->young_modulus_GPa = 150;
      sp->poisson_ratio = 0.25;
      sp->plastic = FALSE;
      sp->sigma_e_S_cm = 1e-5;
      break;
    case CC_ROLE_SE:
      sp->density_g_cm3 = 2.2;
      sp->young_modulus_GPa = 20;
      sp->poisson_ratio = 0.30;
      sp->plastic = TRUE;
      sp->sigma_ion_S_cm = 5e-4;
      sp->sigma_e_S_cm = 1e-8;
      break;
    case CC_ROLE_CARBON:
      sp->density_g_cm3 = 1.9;
      sp->young_modulus_GPa = 10;
      sp->poisson_ratio = 0.25;
      sp->plastic = TRUE;
      sp->sigma_e_S_cm = 10;
      break;
    case CC_ROLE_BINDER:
      sp->density_g_cm3 = 1.1;
      sp->young_modulus_GPa = 0.5;
      sp->poisson_ratio = 0.40;
      sp->hardness_GPa = 0.05;
      sp->plastic = TRUE;
      break;
    case CC_ROLE_OTHER:
    case CC_N_ROLES:
    default:
      sp->density_g_cm3 = 2.5;
      sp->young_modulus_GPa = 20;
      sp->poisson_ratio = 0.30;
      sp->plastic = TRUE;
      break;
    }
  if (sp->hardness_GPa <= 0)
    sp->hardness_GPa = sp->young_modulus_GPa / (sp->plastic ? 20.0 : 15.0);
  sp->ion_network = role == CC_ROLE_SE;
  sp->electron_network = role == CC_ROLE_CARBON;
  sp->solid_content = 1.0;
}

double
cc_species_solid_content (const CcSpecies *sp)
{
  return sp->solid_content > 0 ? sp->solid_content : 1.0;
}

static CcPackingParams *
params_new (guint n_species)
{
  CcPackingParams *p = g_new0 (CcPackingParams, 1);

  p->species = g_new0 (CcSpecies, MAX (n_species, 1));
  p->n_species = n_species;
  p->n_particles = 10000;
  p->seed = 1;
  p->temperature_C = 25;
  p->compression_rate = CC_PACKING_DEFAULT_COMPRESSION_RATE;
  p->box_aspect = 1.0;
  return p;
}

static gboolean
parse_number (const char  *text,
              const char  *what,
              guint        index,
              double      *out,
              GError     **error)
{
  char *end = NULL;
  double v = g_ascii_strtod (text, &end);

  if (end == text || *end != '\0' || !isfinite (v))
    {
      g_set_error (error, CC_PACKING_ERROR, CC_PACKING_ERROR_INVALID,
                   "spheres[%u].%s = \"%s\": not a number", index, what, text);
      return FALSE;
    }
  *out = v;
  return TRUE;
}

CcPackingParams *
cc_packing_params_from_spheres (const char  *spec,
                                guint        n_particles,
                                guint64      seed,
                                GError     **error)
{
  g_auto(GStrv) items = NULL;
  g_autoptr(CcPackingParams) p = NULL;
  double total = 0;
  guint n;

  g_return_val_if_fail (spec != NULL, NULL);

  items = g_strsplit (spec, ",", -1);
  n = g_strv_length (items);
  if (n == 0 || n > 16)
    {
      g_set_error (error, CC_PACKING_ERROR, CC_PACKING_ERROR_INVALID,
                   "spheres = \"%s\": give 1 to 16 items ROLE:DIAMETER_UM:VOLUME_FRACTION[:SIGMA]", spec);
      return NULL;
    }
  p = params_new (n);
  p->n_particles = n_particles;
  p->seed = seed;
  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) f = g_strsplit (g_strstrip (items[i]), ":", -1);
      guint nf = g_strv_length (f);
      CcSpecies *sp = &p->species[i];
      CcRole role;
      double d, vf, sigma = 0;

      if (nf < 3 || nf > 4)
        {
          g_set_error (error, CC_PACKING_ERROR, CC_PACKING_ERROR_INVALID,
                       "spheres[%u] = \"%s\": expected ROLE:DIAMETER_UM:VOLUME_FRACTION[:SIGMA]", i, items[i]);
          return NULL;
        }
      if (!cc_role_from_string (f[0], &role) || role == CC_ROLE_OTHER)
        {
          g_set_error (error, CC_PACKING_ERROR, CC_PACKING_ERROR_INVALID,
                       "spheres[%u].role = \"%s\": must be cam, se, carbon or binder", i, f[0]);
          return NULL;
        }
      if (!parse_number (f[1], "diameter_um", i, &d, error) ||
          !parse_number (f[2], "volume_fraction", i, &vf, error) ||
          (nf == 4 && !parse_number (f[3], "sigma", i, &sigma, error)))
        return NULL;
      cc_species_init_for_role (sp, role);
      sp->name = g_strdup (f[0]);
      sp->d50_um = sp->d50_requested_um = d;
      sp->volume_fraction = vf;
      sp->spread = sigma;
      total += vf;
    }
  if (fabs (total - 1.0) > 0.01)
    {
      g_set_error (error, CC_PACKING_ERROR, CC_PACKING_ERROR_INVALID,
                   "spheres: volume fractions sum to %g, must sum to 1", total);
      return NULL;
    }
  for (guint i = 0; i < n; i++)
    p->species[i].volume_fraction /= total;
  if (!cc_packing_params_validate (p, error))
    return NULL;
  return g_steal_pointer (&p);
}

CcPackingParams *
cc_packing_params_copy (const CcPackingParams *self)
{
  CcPackingParams *p;

  g_return_val_if_fail (self != NULL, NULL);
  p = g_memdup2 (self, sizeof *self);
  p->species = g_memdup2 (self->species, MAX (self->n_species, 1) * sizeof (CcSpecies));
  for (guint i = 0; i < self->n_species; i++)
    p->species[i].name = g_strdup (self->species[i].name);
  return p;
}

void
cc_packing_params_free (CcPackingParams *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->n_species; i++)
    g_free (self->species[i].name);
  g_free (self->species);
  g_free (self);
}

static gboolean
check (gboolean     ok,
       GError     **error,
       const char  *format,
       ...) G_GNUC_PRINTF (3, 4);

static gboolean
check (gboolean     ok,
       GError     **error,
       const char  *format,
       ...)
{
  va_list args;

  if (ok)
    return TRUE;
  va_start (args, format);
  if (error != NULL && *error == NULL)
    *error = g_error_new_valist (CC_PACKING_ERROR, CC_PACKING_ERROR_INVALID, format, args);
  va_end (args);
  return FALSE;
}

#define IN(v, lo, hi) (isfinite (v) && (v) >= (lo) && (v) <= (hi))

static gboolean
validate_species (const CcSpecies *sp,
                  guint            i,
                  GError         **error)
{
  const char *name = sp->name ? sp->name : "?";

  return check (sp->role < CC_N_ROLES, error, "species[%u] (%s).role = %d: unknown role", i, name, sp->role)
      && check (IN (sp->volume_fraction, 0, 1), error,
                "species[%u] (%s).volume_fraction = %g: must be between 0 and 1", i, name, sp->volume_fraction)
      && check (IN (sp->d50_um, 0.001, 1000), error,
                "species[%u] (%s).d50_um = %g: must be between 0.001 and 1000", i, name, sp->d50_um)
      && check (IN (sp->spread, 0, 1.5), error,
                "species[%u] (%s).spread = %g: must be between 0 and 1.5", i, name, sp->spread)
      && check (IN (sp->density_g_cm3, 0.1, 30), error,
                "species[%u] (%s).density_g_cm3 = %g: must be between 0.1 and 30", i, name, sp->density_g_cm3)
      && check (IN (sp->young_modulus_GPa, 1e-3, 2000), error,
                "species[%u] (%s).young_modulus_GPa = %g: must be between 0.001 and 2000", i, name, sp->young_modulus_GPa)
      && check (IN (sp->poisson_ratio, -0.99, 0.5), error,
                "species[%u] (%s).poisson_ratio = %g: must be between -0.99 and 0.5", i, name, sp->poisson_ratio)
      && check (isfinite (sp->hardness_GPa) && sp->hardness_GPa < 1000, error,
                "species[%u] (%s).hardness_GPa = %g: must be below 1000", i, name, sp->hardness_GPa)
      && check (IN (sp->sigma_ion_S_cm, 0, 1e4), error,
                "species[%u] (%s).sigma_ion_S_cm = %g: must be between 0 and 1e4", i, name, sp->sigma_ion_S_cm)
      && check (IN (sp->sigma_e_S_cm, 0, 1e7), error,
                "species[%u] (%s).sigma_e_S_cm = %g: must be between 0 and 1e7", i, name, sp->sigma_e_S_cm)
      && check (IN (sp->solid_content, 0, 1), error,
                "species[%u] (%s).solid_content = %g: must be between 0 and 1", i, name, sp->solid_content)
      && check (IN (sp->d_max_um, 0, 1e5), error,
                "species[%u] (%s).d_max_um = %g: must be between 0 and 1e5", i, name, sp->d_max_um)
      && check (IN (sp->agglomerate_d_um, 0, 5000), error,
                "species[%u] (%s).agglomerate_d_um = %g: must be between 0 and 5000", i, name, sp->agglomerate_d_um);
}

gboolean
cc_packing_params_validate (const CcPackingParams *self,
                            GError               **error)
{
  double total = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!check (self->n_species >= 1 && self->n_species <= 64, error,
              "species: %u given, need 1 to 64", self->n_species)
      || !check (self->n_particles >= 20 && self->n_particles <= 2000000, error,
                 "n_particles = %u: must be between 20 and 2000000", self->n_particles)
      || !check (IN (self->pressure_MPa, 0, 5000), error,
                 "pressure_MPa = %g: must be between 0 and 5000", self->pressure_MPa)
      || !check (IN (self->stack_pressure_MPa, 0, 5000), error,
                 "stack_pressure_MPa = %g: must be between 0 and 5000", self->stack_pressure_MPa)
      || !check (IN (self->temperature_C, -100, 1500), error,
                 "temperature_C = %g: must be between -100 and 1500", self->temperature_C)
      || !check (IN (self->compression_rate, 0, 0.01), error,
                 "compression_rate = %g: must be between 0 and 0.01", self->compression_rate)
      || !check (IN (self->box_aspect, 0, 100), error,
                 "box_aspect = %g: must be between 0 and 100", self->box_aspect)
      || !check (IN (self->design_thickness_um, 0, 1e5), error,
                 "design_thickness_um = %g: must be between 0 and 1e5", self->design_thickness_um))
    return FALSE;
  for (guint i = 0; i < self->n_species; i++)
    {
      if (!validate_species (&self->species[i], i, error))
        return FALSE;
      total += self->species[i].volume_fraction;
    }
  return check (fabs (total - 1.0) < 1e-6, error,
                "species: volume fractions sum to %g, must sum to 1", total);
}
