/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-cell-inputs.h"

#include <math.h>
#include <stdarg.h>

G_DEFINE_QUARK (cc-cell-error-quark, cc_cell_error)

/* Every CcParam field by name, for copying, freeing, checking and JSON. */
typedef struct {
  const char *name;
  gsize       offset;
  double      min, max;    /* physical range checked by cc_cell_inputs_check */
} ParamField;

#define F(field, lo, hi) { #field, G_STRUCT_OFFSET (CcCellInputs, field), lo, hi }
static const ParamField fields[] = {
  F (temperature, 150, 700),
  F (stack_pressure, 0, 2e9),
  F (thickness, 1e-7, 0.05),
  F (cam_loading, 0, 10),
  F (composite_loading, 1e-6, 10),
  F (eps_cam, 0, 1), F (eps_electrolyte, 0, 1), F (eps_carbon, 0, 1), F (porosity, 0, 1),
  F (active_cam_fraction, 0, 1),
  F (electronically_connected_fraction, 0, 1),
  F (sigma_ion_eff, 0, 1e6), F (sigma_e_eff, 0, 1e9),
  F (cam_se_area, 0, 1e10), F (carbon_se_area, 0, 1e11), F (contact_fraction, 0, 1),
  F (contact_fraction_dry, 0, 1), F (active_cam_fraction_dry, 0, 1),
  F (cam_density, 100, 3e4),
  F (capacity_theoretical, 1, 1e7), F (capacity_window, 1, 1e7), F (c_max, 1e-3, 1e7),
  F (diffusivity, 1e-30, 1e-3), F (exchange_current, 1e-12, 1e6),
  F (volume_change, 0, 10), F (cam_modulus, 0, 2e12), F (cam_poisson, 0, 0.5),
  F (cam_sigma_e, 0, 1e9), F (structural_limit, -HUGE_VAL, HUGE_VAL),
  F (el_oxidation_limit, -HUGE_VAL, HUGE_VAL), F (el_reduction_limit, -HUGE_VAL, HUGE_VAL),
  F (el_sigma, 0, 1e6), F (el_modulus, 0, 2e12), F (el_poisson, 0, 0.5),
  F (el_molar_volume, 1e-7, 1e-2), F (el_na_per_formula, 0, 100),
  F (coating_thickness, 0, 1e-4), F (coating_sigma, 0, 1e6),
  F (coating_oxidation_limit, -HUGE_VAL, HUGE_VAL), F (coating_reduction_limit, -HUGE_VAL, HUGE_VAL),
  F (coating_coverage, 0, 1),
  F (wetting_lifetime, 0, 1e9),
  F (anion_mismatch, 0, 1), F (contact_modulus, 0, 2e12),
  F (separator_resistance, 0, 1e6), F (interlayer_resistance, 0, 1e6),
  F (anode_potential, -1, 5), F (anode_resistance, 0, 1e6),
  F (separator_reduction_limit, -HUGE_VAL, HUGE_VAL),
  F (v_min, -5, 10), F (v_max, -5, 10), F (cycling_c_rate, 1e-4, 1e3),
  F (nominal_capacity, 0, 1e9), F (current_1c, 0, 1e9),
};
#undef F

#define FIELD(self, f) ((CcParam *) ((char *) (self) + (f)->offset))

double
cc_arrhenius_factor (double activation_energy_eV,
                     double temperature_K)
{
  return exp (-activation_energy_eV / CC_BOLTZMANN_EV * (1.0 / temperature_K - 1.0 / CC_T_REF_K));
}

void
cc_param_set (CcParam    *param,
              double      value,
              const char *unit,
              CcOrigin    origin,
              const char *source_format,
              ...)
{
  va_list args;

  param->value = value;
  param->unit = unit;
  param->origin = origin;
  g_free (param->source);
  va_start (args, source_format);
  param->source = g_strdup_vprintf (source_format, args);
  va_end (args);
}

static void
free_param (CcParam *p)
{
  g_clear_pointer (&p->source, g_free);
}

void
cc_cell_inputs_free (CcCellInputs *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    free_param (FIELD (self, &fields[i]));
  for (guint i = 0; i < CC_N_MODEL_CONSTANTS; i++)
    free_param (&self->k[i]);
  g_free (self->cam_id);
  g_free (self->electrolyte_id);
  g_free (self->carbon_id);
  g_free (self->coating_id);
  g_free (self->separator_id);
  g_free (self->interlayer_id);
  g_free (self->anode_id);
  g_free (self->wetting_id);
  g_free (self->cam_anion);
  g_free (self->electrolyte_anion);
  g_clear_pointer (&self->c_rates, g_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_free (self);
}

CcCellInputs *
cc_cell_inputs_copy (const CcCellInputs *self)
{
  CcCellInputs *c = g_memdup2 (self, sizeof *self);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    FIELD (c, &fields[i])->source = g_strdup (FIELD (self, &fields[i])->source);
  for (guint i = 0; i < CC_N_MODEL_CONSTANTS; i++)
    c->k[i].source = g_strdup (self->k[i].source);
  c->cam_id = g_strdup (self->cam_id);
  c->electrolyte_id = g_strdup (self->electrolyte_id);
  c->carbon_id = g_strdup (self->carbon_id);
  c->coating_id = g_strdup (self->coating_id);
  c->separator_id = g_strdup (self->separator_id);
  c->interlayer_id = g_strdup (self->interlayer_id);
  c->anode_id = g_strdup (self->anode_id);
  c->wetting_id = g_strdup (self->wetting_id);
  c->cam_anion = g_strdup (self->cam_anion);
  c->electrolyte_anion = g_strdup (self->electrolyte_anion);
  c->c_rates = self->c_rates != NULL ? g_array_copy (self->c_rates) : NULL;
  c->notes = g_ptr_array_new_with_free_func (g_free);
  if (self->notes != NULL)
    for (guint i = 0; i < self->notes->len; i++)
      g_ptr_array_add (c->notes, g_strdup (g_ptr_array_index (self->notes, i)));
  return c;
}

static gboolean
check_value (const char *name,
             double      v,
             double      lo,
             double      hi,
             GError    **error)
{
  /* Limits of windows may be +-inf ("no limit"), nothing else may. */
  gboolean ok = isinf (lo) ? !isnan (v) : (isfinite (v) && v >= lo && v <= hi);

  if (!ok)
    g_set_error (error, CC_CELL_ERROR, CC_CELL_ERROR_INVALID,
                 "cell input %s = %g is outside its physical range [%g, %g]", name, v, lo, hi);
  return ok;
}

gboolean
cc_cell_inputs_check (const CcCellInputs *self,
                      GError            **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (!check_value (fields[i].name, FIELD (self, &fields[i])->value, fields[i].min, fields[i].max, error))
      return FALSE;
  for (guint i = 0; i < CC_N_MODEL_CONSTANTS; i++)
    if (!check_value (cc_model_constant (i)->name, self->k[i].value, 0, HUGE_VAL, error))
      return FALSE;
  if (self->n_classes == 0 || self->n_classes > CC_CELL_MAX_CLASSES)
    {
      g_set_error (error, CC_CELL_ERROR, CC_CELL_ERROR_INVALID,
                   "cell input n_classes = %u must be 1..%d", self->n_classes, CC_CELL_MAX_CLASSES);
      return FALSE;
    }
  for (guint k = 0; k < self->n_classes; k++)
    if (!check_value ("class_radius", self->class_radius[k], 1e-10, 1e-2, error)
        || !check_value ("class_weight", self->class_weight[k], 0, 1, error))
      return FALSE;
  if (self->v_max.value <= self->v_min.value)
    {
      g_set_error (error, CC_CELL_ERROR, CC_CELL_ERROR_INVALID,
                   "protocol voltage window is empty: voltage_max_V = %g <= voltage_min_V = %g",
                   self->v_max.value, self->v_min.value);
      return FALSE;
    }
  if (self->c_rates != NULL)
    for (guint i = 0; i < self->c_rates->len; i++)
      if (!check_value ("c_rates[]", g_array_index (self->c_rates, double, i), 1e-4, 1e3, error))
        return FALSE;
  if (self->ocv.n < 2)
    {
      g_set_error_literal (error, CC_CELL_ERROR, CC_CELL_ERROR_INVALID,
                           "cell input ocv has fewer than two points");
      return FALSE;
    }
  return TRUE;
}

static void
add_param (JsonBuilder   *b,
           const char    *name,
           const CcParam *p)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "value");
  if (isfinite (p->value))
    json_builder_add_double_value (b, p->value);
  else
    json_builder_add_null_value (b);   /* an absent limit */
  json_builder_set_member_name (b, "unit");
  json_builder_add_string_value (b, p->unit != NULL ? p->unit : "");
  json_builder_set_member_name (b, "origin");
  json_builder_add_string_value (b, cc_origin_to_string (p->origin));
  json_builder_set_member_name (b, "source");
  json_builder_add_string_value (b, p->source != NULL ? p->source : "");
  json_builder_end_object (b);
}

void
cc_cell_inputs_to_json (const CcCellInputs *self,
                        JsonBuilder        *b)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    add_param (b, fields[i].name, FIELD (self, &fields[i]));
  for (guint i = 0; i < CC_N_MODEL_CONSTANTS; i++)
    add_param (b, cc_model_constant (i)->name, &self->k[i]);
  json_builder_set_member_name (b, "size_classes");
  json_builder_begin_array (b);
  for (guint k = 0; k < self->n_classes; k++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "radius_m");
      json_builder_add_double_value (b, self->class_radius[k]);
      json_builder_set_member_name (b, "volume_weight");
      json_builder_add_double_value (b, self->class_weight[k]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "notes");
  json_builder_begin_array (b);
  for (guint i = 0; self->notes != NULL && i < self->notes->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (self->notes, i));
  json_builder_end_array (b);
}
