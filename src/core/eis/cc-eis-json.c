/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-eis-json.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

void
cc_eis_json_add_number (JsonBuilder *b,
                        double       value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      json_builder_add_null_value (b);
      return;
    }
  /* json-glib 1.6 appends ".0" to any number printed without a '.', which
   * turns 1e-08 into the invalid 1e-08.0. One ulp away, the shortest form
   * carries a mantissa with a '.'. */
  for (int i = 0; i < 4; i++)
    {
      g_ascii_dtostr (buf, sizeof buf, value);
      if (strchr (buf, 'e') == NULL || strchr (buf, '.') != NULL)
        break;
      value = nextafter (value, value > 0 ? INFINITY : -INFINITY);
    }
  json_builder_add_double_value (b, value);
}

static void
member_number (JsonBuilder *b, const char *name, double value)
{
  json_builder_set_member_name (b, name);
  cc_eis_json_add_number (b, value);
}

static void
member_array (JsonBuilder *b, const char *name, const double *v, guint n)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    cc_eis_json_add_number (b, v[i]);
  json_builder_end_array (b);
}

#define FIELD(name) { #name, offsetof (CcEisCellParams, name) }

static const struct { const char *name; gsize offset; } param_fields[] = {
  FIELD (temperature_C),
  FIELD (sep_thickness_um), FIELD (sep_bulk_sigma_S_cm), FIELD (sep_gb_sigma_S_cm),
  FIELD (sep_permittivity), FIELD (sep_grain_to_gb_ratio), FIELD (sep_bulk_n), FIELD (sep_gb_n),
  FIELD (sep_bulk_ea_eV), FIELD (sep_gb_ea_eV),
  FIELD (il_thickness_um), FIELD (il_sigma_S_cm), FIELD (il_permittivity), FIELD (il_ea_eV),
  FIELD (cat_thickness_um), FIELD (cat_sigma_ion_eff_S_cm), FIELD (cat_sigma_e_eff_S_cm),
  FIELD (cat_ion_ea_eV), FIELD (cat_area_per_volume_cm2_cm3),
  FIELD (ct_resistance_ohm_cm2), FIELD (ct_ea_eV), FIELD (dl_capacitance_F_cm2), FIELD (dl_n),
  FIELD (ip_thickness_nm), FIELD (ip_sigma_S_cm), FIELD (ip_permittivity), FIELD (ip_ea_eV),
  FIELD (coat_thickness_nm), FIELD (coat_sigma_S_cm), FIELD (coat_permittivity), FIELD (coat_ea_eV),
  FIELD (diff_coeff_cm2_s), FIELD (diff_ea_eV), FIELD (docv_dsoc_V), FIELD (c_max_mol_cm3),
  FIELD (anode_resistance_ohm_cm2), FIELD (anode_capacitance_F_cm2), FIELD (anode_n), FIELD (anode_ea_eV),
};

void
cc_eis_json_add_cell_params (JsonBuilder           *b,
                             const CcEisCellParams *params)
{
  json_builder_begin_object (b);
  for (guint i = 0; i < G_N_ELEMENTS (param_fields); i++)
    member_number (b, param_fields[i].name,
                   *(const double *) ((const char *) params + param_fields[i].offset));
  member_array (b, "size_radius_um", params->size_radius_um, params->n_size_classes);
  member_array (b, "size_weight", params->size_weight, params->n_size_classes);
  json_builder_end_object (b);
}

static void
add_processes (JsonBuilder *b, const CcEisCellParams *params)
{
  CcEisProcInfo procs[CC_EIS_N_PROCS];

  cc_eis_model_processes (params, procs);
  json_builder_set_member_name (b, "processes");
  json_builder_begin_array (b);
  for (guint i = 0; i < CC_EIS_N_PROCS; i++)
    {
      if (!(procs[i].resistance_ohm_cm2 > 1e-9))
        continue;
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, cc_eis_proc_name (i));
      member_number (b, "resistance_ohm_cm2", procs[i].resistance_ohm_cm2);
      member_number (b, "tau_s", procs[i].tau_s);
      member_number (b, "peak_frequency_Hz", 1.0 / (2 * G_PI * procs[i].tau_s));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_contributions (JsonBuilder *b, const CcEisCellParams *params, const double *freq, guint n)
{
  g_autofree double *re = g_new (double, (gsize) n * CC_EIS_N_PARTS);
  g_autofree double *im = g_new (double, (gsize) n * CC_EIS_N_PARTS);
  g_autofree double *col = g_new (double, n);

  for (guint i = 0; i < n; i++)
    {
      double zr, zi;
      cc_eis_model_impedance (params, freq[i], &zr, &zi, re + i * CC_EIS_N_PARTS, im + i * CC_EIS_N_PARTS);
    }
  json_builder_set_member_name (b, "contributions");
  json_builder_begin_array (b);
  for (guint k = 0; k < CC_EIS_N_PARTS; k++)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < n; i++)
        any = any || re[i * CC_EIS_N_PARTS + k] != 0 || im[i * CC_EIS_N_PARTS + k] != 0;
      if (!any)
        continue;
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, cc_eis_part_name (k));
      for (guint i = 0; i < n; i++)
        col[i] = re[i * CC_EIS_N_PARTS + k];
      member_array (b, "z_real_ohm_cm2", col, n);
      for (guint i = 0; i < n; i++)
        col[i] = im[i * CC_EIS_N_PARTS + k];
      member_array (b, "z_imag_ohm_cm2", col, n);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

gboolean
cc_eis_json_add_impedance_cycle (JsonBuilder           *b,
                                 guint                  cycle,
                                 const CcEisCellParams *params,
                                 const CcEisFreqRange  *range,
                                 GError               **error)
{
  g_autoptr(CcEisSpectrum) s = NULL;

  g_return_val_if_fail (b != NULL && params != NULL && range != NULL, FALSE);
  s = cc_eis_model_spectrum (params, range, error);
  if (s == NULL)
    return FALSE;
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "cycle");
  json_builder_add_int_value (b, cycle);
  member_number (b, "temperature_C", params->temperature_C);
  member_array (b, "frequency_Hz", s->freq_Hz, s->n);
  member_array (b, "z_real_ohm_cm2", s->z_re, s->n);
  member_array (b, "z_imag_ohm_cm2", s->z_im, s->n);
  add_contributions (b, params, s->freq_Hz, s->n);
  add_processes (b, params);
  json_builder_set_member_name (b, "model_parameters");
  cc_eis_json_add_cell_params (b, params);
  json_builder_end_object (b);
  return TRUE;
}

gboolean
cc_eis_json_add_impedance (JsonBuilder           *b,
                           guint                  n,
                           const guint           *cycles,
                           const CcEisCellParams *params,
                           const CcEisFreqRange  *range,
                           GError               **error)
{
  g_return_val_if_fail (b != NULL && (n == 0 || (cycles != NULL && params != NULL)), FALSE);
  json_builder_set_member_name (b, "impedance");
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    if (!cc_eis_json_add_impedance_cycle (b, cycles[i], &params[i], range, error))
      {
        json_builder_end_array (b);
        return FALSE;
      }
  json_builder_end_array (b);
  return TRUE;
}
