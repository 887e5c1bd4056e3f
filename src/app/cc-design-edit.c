/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-design-edit.h"
#include "cc-fractions.h"

#include <glib/gi18n.h>
#include <string.h>

G_DEFINE_QUARK (cc-design-edit-error-quark, cc_design_edit_error)

double
cc_design_edit_default_fraction (CcMaterialClass klass)
{
  /* Typical shares of sulfide-based composites in the review's Table 1. */
  switch (klass)
    {
    case CC_MATERIAL_CLASS_CAM: return 0.60;
    case CC_MATERIAL_CLASS_SE: return 0.30;
    case CC_MATERIAL_CLASS_CARBON: return 0.05;
    case CC_MATERIAL_CLASS_BINDER: return 0.02;
    case CC_MATERIAL_CLASS_INTERLAYER: return 0.05;
    case CC_MATERIAL_CLASS_ANODE:
    case CC_MATERIAL_N_CLASSES:
    default: return 0.05;
    }
}

double
cc_design_edit_default_d50 (CcMaterialClass klass)
{
  switch (klass)
    {
    case CC_MATERIAL_CLASS_CAM: return 5.0;
    case CC_MATERIAL_CLASS_SE: return 2.0;
    case CC_MATERIAL_CLASS_CARBON: return 0.1;
    case CC_MATERIAL_CLASS_BINDER: return 0.5;
    case CC_MATERIAL_CLASS_INTERLAYER: return 1.0;
    case CC_MATERIAL_CLASS_ANODE:
    case CC_MATERIAL_N_CLASSES:
    default: return 1.0;
    }
}

gint
cc_design_edit_find_component (const CcDesign *design,
                               const char     *material_id)
{
  g_return_val_if_fail (design != NULL, -1);

  for (guint i = 0; i < design->components->len; i++)
    {
      const CcComponent *c = g_ptr_array_index (design->components, i);
      if (g_strcmp0 (c->material_id, material_id) == 0)
        return i;
    }
  return -1;
}

static const char *
morphology_for (const CcMaterial *m)
{
  const char *shape = cc_material_get_string (m, "shape");

  if (g_strcmp0 (shape, "fiber") == 0 || g_strcmp0 (shape, "tube") == 0)
    return "fiber";
  if (g_strcmp0 (shape, "sheet") == 0)
    return "flake";
  return "sphere";
}

gint
cc_design_edit_add_component (CcDesign      *design,
                              CcMaterialDb  *db,
                              const char    *material_id,
                              GError       **error)
{
  const CcMaterial *m;
  CcMaterialClass klass;
  CcComponent *c;
  double share = 1.0;

  g_return_val_if_fail (design != NULL, -1);
  g_return_val_if_fail (db != NULL, -1);

  m = material_id ? cc_material_db_lookup (db, material_id) : NULL;
  if (m == NULL)
    {
      g_set_error (error, CC_DESIGN_EDIT_ERROR, CC_DESIGN_EDIT_ERROR_UNKNOWN,
                   _("“%s” is not in the materials database"), material_id ? material_id : "");
      return -1;
    }
  klass = cc_material_get_class (m);
  if (klass == CC_MATERIAL_CLASS_ANODE)
    {
      g_set_error (error, CC_DESIGN_EDIT_ERROR, CC_DESIGN_EDIT_ERROR_CLASS,
                   _("%s is an anode; choose it in the Cell section instead"),
                   cc_material_get_formula (m));
      return -1;
    }
  if (cc_design_edit_find_component (design, material_id) >= 0)
    {
      g_set_error (error, CC_DESIGN_EDIT_ERROR, CC_DESIGN_EDIT_ERROR_DUPLICATE,
                   _("%s is already in the formulation"), cc_material_get_formula (m));
      return -1;
    }
  if (design->components->len >= CC_DESIGN_MAX_COMPONENTS)
    {
      g_set_error (error, CC_DESIGN_EDIT_ERROR, CC_DESIGN_EDIT_ERROR_FULL,
                   _("A formulation holds at most %d components"), CC_DESIGN_MAX_COMPONENTS);
      return -1;
    }

  if (design->components->len > 0)
    {
      share = cc_design_edit_default_fraction (klass);
      for (guint i = 0; i < design->components->len; i++)
        {
          CcComponent *o = g_ptr_array_index (design->components, i);
          o->mass_fraction *= 1.0 - share;
        }
    }
  c = cc_component_new (material_id, share, cc_design_edit_default_d50 (klass), 0.3);
  g_free (c->morphology);
  c->morphology = g_strdup (morphology_for (m));
  g_ptr_array_add (design->components, c);
  return design->components->len - 1;
}

void
cc_design_edit_remove_component (CcDesign *design,
                                 guint     index)
{
  g_autofree double *f = NULL;
  guint n;

  g_return_if_fail (design != NULL);
  g_return_if_fail (index < design->components->len);

  g_ptr_array_remove_index (design->components, index);
  n = design->components->len;
  if (n == 0)
    return;
  f = g_new (double, n);
  for (guint i = 0; i < n; i++)
    f[i] = ((CcComponent *) g_ptr_array_index (design->components, i))->mass_fraction;
  cc_fractions_normalize (f, n);
  for (guint i = 0; i < n; i++)
    ((CcComponent *) g_ptr_array_index (design->components, i))->mass_fraction = f[i];
}

static double *
densities (const CcDesign *design,
           CcMaterialDb   *db)
{
  guint n = design->components->len;
  double *rho = g_new (double, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      const CcComponent *c = g_ptr_array_index (design->components, i);
      const CcMaterial *m = cc_material_db_lookup (db, c->material_id);
      rho[i] = m ? cc_material_get (m, "density_g_cm3", -1) : -1;
    }
  return rho;
}

gboolean
cc_design_edit_can_use_volume (const CcDesign *design,
                               CcMaterialDb   *db)
{
  g_autofree double *rho = NULL;

  g_return_val_if_fail (design != NULL && db != NULL, FALSE);

  rho = densities (design, db);
  for (guint i = 0; i < design->components->len; i++)
    if (!(rho[i] > 0))
      return FALSE;
  return design->components->len > 0;
}

gboolean
cc_design_edit_get_fractions (const CcDesign *design,
                              CcMaterialDb   *db,
                              CcFractionMode  mode,
                              double         *out)
{
  guint n;
  g_autofree double *mass = NULL;
  g_autofree double *rho = NULL;

  g_return_val_if_fail (design != NULL && db != NULL, FALSE);

  n = design->components->len;
  mass = g_new (double, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    mass[i] = ((CcComponent *) g_ptr_array_index (design->components, i))->mass_fraction;
  if (mode == CC_FRACTION_MASS)
    {
      memcpy (out, mass, n * sizeof (double));
      return TRUE;
    }
  rho = densities (design, db);
  return cc_fractions_mass_to_volume (mass, rho, n, out);
}

gboolean
cc_design_edit_set_fraction (CcDesign       *design,
                             CcMaterialDb   *db,
                             CcFractionMode  mode,
                             guint           index,
                             double          value)
{
  guint n;
  g_autofree double *f = NULL;
  g_autofree double *rho = NULL;

  g_return_val_if_fail (design != NULL && db != NULL, FALSE);
  g_return_val_if_fail (index < design->components->len, FALSE);

  n = design->components->len;
  f = g_new (double, n);
  if (!cc_design_edit_get_fractions (design, db, mode, f))
    return FALSE;
  cc_fractions_set (f, n, index, value);
  if (mode == CC_FRACTION_VOLUME)
    {
      rho = densities (design, db);
      if (!cc_fractions_volume_to_mass (f, rho, n, f))
        return FALSE;
    }
  for (guint i = 0; i < n; i++)
    ((CcComponent *) g_ptr_array_index (design->components, i))->mass_fraction = f[i];
  return TRUE;
}

char *
cc_design_edit_error_path (const char *message)
{
  const char *p = message;

  if (message == NULL)
    return NULL;
  /* A path is identifiers, dots and [indices]; it ends at " = " or ":". */
  while (g_ascii_isalnum (*p) || *p == '_' || *p == '.' || *p == '[' || *p == ']')
    p++;
  if (p == message || !(*p == ':' || g_str_has_prefix (p, " = ") || g_str_has_prefix (p, " and ")))
    return NULL;
  return g_strndup (message, p - message);
}

char *
cc_design_edit_parent_path (const char *path)
{
  gsize len;

  if (path == NULL)
    return NULL;
  len = strlen (path);
  if (len > 0 && path[len - 1] == ']')
    {
      const char *open = g_strrstr (path, "[");
      return open && open != path ? g_strndup (path, open - path) : NULL;
    }
  {
    const char *dot = g_strrstr (path, ".");
    return dot ? g_strndup (path, dot - path) : NULL;
  }
}
