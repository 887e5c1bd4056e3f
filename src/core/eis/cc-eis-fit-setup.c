/* SPDX-License-Identifier: GPL-3.0-or-later
 * What the user tells the fit: weighting, initial values, fixed values and
 * bounds, by parameter name. */
#include "cc-eis-fit-private.h"

#include <math.h>

static const char * const weighting_names[] = { "modulus", "proportional", "unit" };

gboolean
cc_eis_weighting_from_string (const char     *str,
                              CcEisWeighting *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (weighting_names); i++)
    if (g_strcmp0 (str, weighting_names[i]) == 0)
      {
        *out = (CcEisWeighting) i;
        return TRUE;
      }
  return FALSE;
}

const char *
cc_eis_weighting_to_string (CcEisWeighting weighting)
{
  g_return_val_if_fail (weighting <= CC_EIS_WEIGHT_UNIT, NULL);
  return weighting_names[weighting];
}

void
cc_eis_fit_default_bounds (CcEisParamKind kind,
                           double        *lower,
                           double        *upper)
{
  if (kind == CC_EIS_PARAM_EXPONENT)
    {
      /* Below ~0.1 a CPE is a resistor in disguise and the fit degenerates. */
      *lower = 0.1;
      *upper = 1.0;
    }
  else
    {
      *lower = 1e-20;
      *upper = 1e20;
    }
}

CcEisFitSetup *
cc_eis_fit_setup_new (const CcEisCircuit *circuit)
{
  CcEisFitSetup *s;

  g_return_val_if_fail (circuit != NULL, NULL);
  s = g_new0 (CcEisFitSetup, 1);
  s->circuit = circuit;
  s->weighting = CC_EIS_WEIGHT_MODULUS;
  s->n = cc_eis_circuit_get_n_params (circuit);
  s->initial = g_new (double, s->n);
  s->fixed = g_new0 (gboolean, s->n);
  s->lower = g_new (double, s->n);
  s->upper = g_new (double, s->n);
  for (guint i = 0; i < s->n; i++)
    {
      s->initial[i] = NAN;
      cc_eis_fit_default_bounds (cc_eis_circuit_get_param_kind (circuit, i), &s->lower[i], &s->upper[i]);
    }
  return s;
}

void
cc_eis_fit_setup_free (CcEisFitSetup *self)
{
  if (self == NULL)
    return;
  g_free (self->initial);
  g_free (self->fixed);
  g_free (self->lower);
  g_free (self->upper);
  g_free (self);
}

void
cc_eis_fit_setup_set_weighting (CcEisFitSetup  *self,
                                CcEisWeighting  weighting)
{
  g_return_if_fail (self != NULL);
  self->weighting = weighting;
}

static int
find_param (CcEisFitSetup *self, const char *name, GError **error)
{
  int i = cc_eis_circuit_lookup_param (self->circuit, name);

  if (i < 0)
    {
      g_autoptr(GString) known = g_string_new (NULL);

      for (guint k = 0; k < self->n; k++)
        g_string_append_printf (known, "%s%s", k ? ", " : "", cc_eis_circuit_get_param_name (self->circuit, k));
      g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_INVALID,
                   "'%s' is not a parameter of circuit '%s' (parameters: %s)",
                   name, cc_eis_circuit_get_text (self->circuit), known->str);
    }
  return i;
}

static gboolean
check_value (CcEisFitSetup *self, int i, double value, GError **error)
{
  double lo, hi;

  cc_eis_fit_default_bounds (cc_eis_circuit_get_param_kind (self->circuit, i), &lo, &hi);
  if (!isfinite (value) || value < lo || value > hi)
    {
      g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_INVALID, "%s = %g: must be between %g and %g",
                   cc_eis_circuit_get_param_name (self->circuit, i), value, lo, hi);
      return FALSE;
    }
  return TRUE;
}

gboolean
cc_eis_fit_setup_set_initial (CcEisFitSetup *self,
                              const char    *name,
                              double         value,
                              GError       **error)
{
  int i = find_param (self, name, error);

  if (i < 0 || !check_value (self, i, value, error))
    return FALSE;
  self->initial[i] = value;
  return TRUE;
}

gboolean
cc_eis_fit_setup_set_fixed (CcEisFitSetup *self,
                            const char    *name,
                            double         value,
                            GError       **error)
{
  int i = find_param (self, name, error);

  if (i < 0 || !check_value (self, i, value, error))
    return FALSE;
  self->initial[i] = value;
  self->fixed[i] = TRUE;
  return TRUE;
}

gboolean
cc_eis_fit_setup_set_bounds (CcEisFitSetup *self,
                             const char    *name,
                             double         lower,
                             double         upper,
                             GError       **error)
{
  int i = find_param (self, name, error);

  if (i < 0 || !check_value (self, i, lower, error) || !check_value (self, i, upper, error))
    return FALSE;
  if (!(lower < upper))
    {
      g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_INVALID,
                   "%s: lower bound %g must be below upper bound %g", name, lower, upper);
      return FALSE;
    }
  self->lower[i] = lower;
  self->upper[i] = upper;
  return TRUE;
}

static gboolean
parse_number (char *text, const char *what, double *out, GError **error)
{
  char *end = NULL;

  g_strstrip (text);
  *out = g_ascii_strtod (text, &end);
  if (text[0] == '\0' || end == NULL || *end != '\0' || !isfinite (*out))
    {
      g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_PARSE, "%s: '%s' is not a number", what, text);
      return FALSE;
    }
  return TRUE;
}

typedef enum { SPEC_INITIAL, SPEC_FIXED, SPEC_BOUNDS } SpecKind;

static gboolean
parse_spec (CcEisFitSetup *self, const char *spec, SpecKind kind, GError **error)
{
  g_auto(GStrv) items = NULL;

  g_return_val_if_fail (self != NULL && spec != NULL, FALSE);
  items = g_strsplit (spec, ",", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_auto(GStrv) kv = g_strsplit (items[i], "=", 2);
      double a, b;

      if (kv[0] == NULL || kv[1] == NULL)
        {
          g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_PARSE,
                       "'%s': expected NAME=VALUE%s", items[i], kind == SPEC_BOUNDS ? ":VALUE" : "");
          return FALSE;
        }
      g_strstrip (kv[0]);
      if (kind == SPEC_BOUNDS)
        {
          g_auto(GStrv) lh = g_strsplit (kv[1], ":", 2);

          if (lh[1] == NULL)
            {
              g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_PARSE,
                           "'%s': bounds are written NAME=LOWER:UPPER", items[i]);
              return FALSE;
            }
          if (!parse_number (lh[0], kv[0], &a, error) || !parse_number (lh[1], kv[0], &b, error)
              || !cc_eis_fit_setup_set_bounds (self, kv[0], a, b, error))
            return FALSE;
        }
      else if (!parse_number (kv[1], kv[0], &a, error)
               || !(kind == SPEC_FIXED ? cc_eis_fit_setup_set_fixed (self, kv[0], a, error)
                                       : cc_eis_fit_setup_set_initial (self, kv[0], a, error)))
        return FALSE;
    }
  return TRUE;
}

gboolean
cc_eis_fit_setup_parse_initial (CcEisFitSetup *self,
                                const char    *spec,
                                GError       **error)
{
  return parse_spec (self, spec, SPEC_INITIAL, error);
}

gboolean
cc_eis_fit_setup_parse_fixed (CcEisFitSetup *self,
                              const char    *spec,
                              GError       **error)
{
  return parse_spec (self, spec, SPEC_FIXED, error);
}

gboolean
cc_eis_fit_setup_parse_bounds (CcEisFitSetup *self,
                               const char    *spec,
                               GError       **error)
{
  return parse_spec (self, spec, SPEC_BOUNDS, error);
}
