/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Value checks of a design against the materials database. Each error names
 * the JSON path and the value: "components[2].mass_fraction = 1.7: must be
 * between 0 and 1".
 */
#include "cc-design.h"
#include "cc-json-util.h"

#include <math.h>

static const char * const morphologies[] = { "sphere", "fiber", "flake", "irregular", NULL };

static gboolean
check_range (const char  *path,
             double       value,
             double       min,
             gboolean     min_inclusive,
             double       max,
             GError     **error)
{
  char vbuf[G_ASCII_DTOSTR_BUF_SIZE], lo[G_ASCII_DTOSTR_BUF_SIZE], hi[G_ASCII_DTOSTR_BUF_SIZE];
  gboolean ok = isfinite (value)
                && (min_inclusive ? value >= min : value > min)
                && value <= max;

  if (ok)
    return TRUE;

  g_ascii_formatd (vbuf, sizeof vbuf, "%g", value);
  g_ascii_formatd (lo, sizeof lo, "%g", min);
  g_ascii_formatd (hi, sizeof hi, "%g", max);
  if (min_inclusive)
    g_set_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_INVALID,
                 "%s = %s: must be between %s and %s", path, vbuf, lo, hi);
  else
    g_set_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_INVALID,
                 "%s = %s: must be greater than %s and at most %s", path, vbuf, lo, hi);
  return FALSE;
}

static gboolean
check_material (CcMaterialDb      *db,
                const char        *path,
                const char        *id,
                const char        *expected,
                const CcMaterial **out,
                GError           **error)
{
  const CcMaterial *m;

  if (id == NULL || *id == '\0')
    {
      g_set_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_INVALID,
                   "%s = \"\": must name a material", path);
      return FALSE;
    }
  m = cc_material_db_lookup (db, id);
  if (m == NULL)
    {
      g_autofree char *shown = cc_json_quote (id);
      g_set_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_UNKNOWN_MATERIAL,
                   "%s = %s: unknown material id (see `cathode-composer-cli materials`)",
                   path, shown);
      return FALSE;
    }
  if (expected != NULL)
    {
      g_auto(GStrv) allowed = g_strsplit (expected, "|", -1);
      if (!g_strv_contains ((const char * const *) allowed, cc_material_class_to_string (cc_material_get_class (m))))
        {
          g_autofree char *readable = g_strjoinv (" or ", allowed);
          g_set_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_INVALID,
                       "%s = \"%s\": is a material of class %s; expected class %s", path, id,
                       cc_material_class_to_string (cc_material_get_class (m)), readable);
          return FALSE;
        }
    }
  if (out != NULL)
    *out = m;
  return TRUE;
}

static gboolean
validate_component (const CcDesign *d,
                    guint           i,
                    CcMaterialDb   *db,
                    guint          *n_cam,
                    GError        **error)
{
  const CcComponent *c = g_ptr_array_index (d->components, i);
  const CcMaterial *m = NULL;
  g_autofree char *p_mat = g_strdup_printf ("components[%u].material", i);
  g_autofree char *p_mf = g_strdup_printf ("components[%u].mass_fraction", i);
  g_autofree char *p_d50 = g_strdup_printf ("components[%u].d50_um", i);
  g_autofree char *p_sp = g_strdup_printf ("components[%u].spread", i);
  g_autofree char *p_mo = g_strdup_printf ("components[%u].morphology", i);
  g_autofree char *p_co = g_strdup_printf ("components[%u].coating.material", i);
  g_autofree char *p_ct = g_strdup_printf ("components[%u].coating.thickness_nm", i);
  g_autofree char *p_ag = g_strdup_printf ("components[%u].agglomerate_d_um", i);

  if (!check_material (db, p_mat, c->material_id, "cam|se|carbon|binder|interlayer", &m, error))
    return FALSE;
  for (guint j = 0; j < i; j++)
    {
      const CcComponent *o = g_ptr_array_index (d->components, j);
      if (g_strcmp0 (o->material_id, c->material_id) == 0)
        {
          g_set_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_INVALID,
                       "%s = \"%s\": already used by components[%u]; merge the two",
                       p_mat, c->material_id, j);
          return FALSE;
        }
    }
  if (cc_material_get_class (m) == CC_MATERIAL_CLASS_CAM)
    (*n_cam)++;

  if (!check_range (p_mf, c->mass_fraction, 0, TRUE, 1, error)
      || !check_range (p_d50, c->d50_um, 0.001, TRUE, 500, error)
      || !check_range (p_sp, c->spread, 0, TRUE, 1.5, error)
      || !check_range (p_ag, c->agglomerate_d_um, 0, TRUE, 5000, error))
    return FALSE;
  if (c->agglomerate_d_um > 0)
    {
      char vbuf[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (vbuf, sizeof vbuf, "%g", c->agglomerate_d_um);
      if (cc_material_get_class (m) != CC_MATERIAL_CLASS_CAM)
        {
          g_set_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_INVALID,
                       "%s = %s: only an active material (CAM) component can be agglomerated; use 0",
                       p_ag, vbuf);
          return FALSE;
        }
      if (c->agglomerate_d_um < c->d50_um)
        {
          char dbuf[G_ASCII_DTOSTR_BUF_SIZE];

          g_ascii_formatd (dbuf, sizeof dbuf, "%g", c->d50_um);
          g_set_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_INVALID,
                       "%s = %s: smaller than the particles it is made of (d50_um = %s); use 0 for a dispersed CAM",
                       p_ag, vbuf, dbuf);
          return FALSE;
        }
    }
  if (c->morphology != NULL && !g_strv_contains (morphologies, c->morphology))
    {
      g_autofree char *shown = cc_json_quote (c->morphology);
      g_set_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_INVALID,
                   "%s = %s: must be sphere, fiber, flake or irregular", p_mo, shown);
      return FALSE;
    }
  if (c->coating_id != NULL)
    {
      if (!check_material (db, p_co, c->coating_id, "interlayer|se", NULL, error)
          || !check_range (p_ct, c->coating_thickness_nm, 0, FALSE, 5000, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
validate_components (const CcDesign *d,
                     CcMaterialDb   *db,
                     GError        **error)
{
  guint n_cam = 0;
  double sum = 0;

  if (d->components->len == 0)
    {
      g_set_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_MISSING,
                   "components: a design needs at least one component");
      return FALSE;
    }
  for (guint i = 0; i < d->components->len; i++)
    {
      const CcComponent *c = g_ptr_array_index (d->components, i);
      if (!validate_component (d, i, db, &n_cam, error))
        return FALSE;
      sum += c->mass_fraction;
    }
  if (n_cam == 0)
    {
      g_set_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_INVALID,
                   "components: no cathode active material; add one from the CAM palette");
      return FALSE;
    }
  if (fabs (sum - 1.0) > CC_DESIGN_FRACTION_TOLERANCE)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      g_set_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_INVALID,
                   "components[].mass_fraction: fractions sum to %s; they must sum to 1 (within %g)",
                   g_ascii_formatd (buf, sizeof buf, "%.4f", sum), CC_DESIGN_FRACTION_TOLERANCE);
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_cell (const CcDesign *d,
               CcMaterialDb   *db,
               GError        **error)
{
  const CcCell *c = &d->cell;

  if (!check_range ("cell.areal_loading_mg_cm2", c->areal_loading_mg_cm2, 0, TRUE, 500, error)
      || !check_range ("cell.thickness_um", c->thickness_um, 0, TRUE, 5000, error)
      || !check_range ("cell.area_cm2", c->area_cm2, 0, FALSE, 1000, error))
    return FALSE;
  if (c->areal_loading_mg_cm2 <= 0 && c->thickness_um <= 0)
    {
      g_set_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_INVALID,
                   "cell.areal_loading_mg_cm2 = 0 and cell.thickness_um = 0: give one of them");
      return FALSE;
    }
  if (!check_material (db, "cell.separator.material", c->separator_id, "se|interlayer", NULL, error)
      || !check_range ("cell.separator.thickness_um", c->separator_thickness_um, 0, FALSE, 5000, error)
      || !check_material (db, "cell.anode", c->anode_id, "anode", NULL, error))
    return FALSE;
  if (c->interlayer_id != NULL
      && (!check_material (db, "cell.interlayer.material", c->interlayer_id, "interlayer|se", NULL, error)
          || !check_range ("cell.interlayer.thickness_um", c->interlayer_thickness_um, 0, FALSE, 1000, error)))
    return FALSE;
  return TRUE;
}

static gboolean
validate_protocol (const CcDesign *d,
                   GError        **error)
{
  const CcProtocol *p = &d->protocol;

  if (!check_range ("protocol.voltage_min_V", p->voltage_min_V, 0, TRUE, 6, error)
      || !check_range ("protocol.voltage_max_V", p->voltage_max_V, 0, FALSE, 6, error))
    return FALSE;
  if (p->voltage_max_V <= p->voltage_min_V + 0.05)
    {
      char lo[G_ASCII_DTOSTR_BUF_SIZE], hi[G_ASCII_DTOSTR_BUF_SIZE];
      g_set_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_INVALID,
                   "protocol.voltage_max_V = %s: must exceed protocol.voltage_min_V = %s by at least 0.05 V",
                   g_ascii_formatd (hi, sizeof hi, "%g", p->voltage_max_V),
                   g_ascii_formatd (lo, sizeof lo, "%g", p->voltage_min_V));
      return FALSE;
    }
  if (p->c_rates->len == 0)
    {
      g_set_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_MISSING,
                   "protocol.c_rates: give at least one C-rate");
      return FALSE;
    }
  for (guint i = 0; i < p->c_rates->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("protocol.c_rates[%u]", i);
      if (!check_range (path, g_array_index (p->c_rates, double, i), 0, FALSE, 100, error))
        return FALSE;
    }
  if (!check_range ("protocol.cycling_c_rate", p->cycling_c_rate, 0, FALSE, 100, error)
      || !check_range ("protocol.temperature_C", p->temperature_C, -40, TRUE, 200, error)
      || !check_range ("protocol.cycles", p->cycles, 1, TRUE, CC_DESIGN_MAX_CYCLES, error))
    return FALSE;
  return TRUE;
}

gboolean
cc_design_validate (const CcDesign *self,
                    CcMaterialDb   *db,
                    GError        **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (db != NULL, FALSE);

  return validate_components (self, db, error)
         && check_range ("process.pressure_MPa", self->process.pressure_MPa, 0, TRUE, 5000, error)
         && check_range ("process.temperature_C", self->process.temperature_C, -50, TRUE, 1500, error)
         && check_range ("process.stack_pressure_MPa", self->process.stack_pressure_MPa, 0, TRUE, 1000, error)
         && validate_cell (self, db, error)
         && validate_protocol (self, error)
         && check_range ("simulation.particles", self->simulation.particles,
                         CC_DESIGN_MIN_PARTICLES, TRUE, CC_DESIGN_MAX_PARTICLES, error);
}
