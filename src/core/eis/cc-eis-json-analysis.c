/* SPDX-License-Identifier: GPL-3.0-or-later
 * JSON of the analysis results: spectra, fits, KK tests and DRTs. */
#include "cc-eis-json.h"

#include <math.h>

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

static void
member_string (JsonBuilder *b, const char *name, const char *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value);
}

void
cc_eis_json_add_spectrum (JsonBuilder         *b,
                          const CcEisSpectrum *s)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "points");
  json_builder_add_int_value (b, s->n);
  member_string (b, "unit", cc_eis_spectrum_unit (s));
  json_builder_set_member_name (b, "imag_sign_flipped");
  json_builder_add_boolean_value (b, s->imag_sign_flipped);
  member_array (b, "frequency_Hz", s->freq_Hz, s->n);
  member_array (b, "z_real", s->z_re, s->n);
  member_array (b, "z_imag", s->z_im, s->n);
  json_builder_end_object (b);
}

/* One object mapping every parameter name to a per-parameter number. */
static void
param_map (JsonBuilder *b, const char *member, const CcEisCircuit *c, const double *v)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  for (guint i = 0; i < cc_eis_circuit_get_n_params (c); i++)
    member_number (b, cc_eis_circuit_get_param_name (c, i), v[i]);
  json_builder_end_object (b);
}

static void
param_list (JsonBuilder *b, const char *member, const CcEisCircuit *c, const gboolean *flags)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint i = 0; i < cc_eis_circuit_get_n_params (c); i++)
    if (flags[i])
      json_builder_add_string_value (b, cc_eis_circuit_get_param_name (c, i));
  json_builder_end_array (b);
}

void
cc_eis_json_add_fit (JsonBuilder          *b,
                     const CcEisCircuit   *c,
                     CcEisWeighting        weighting,
                     const CcEisFitResult *fit)
{
  json_builder_begin_object (b);
  cc_eis_json_add_fit_members (b, c, weighting, fit);
  json_builder_end_object (b);
}

void
cc_eis_json_add_fit_members (JsonBuilder          *b,
                             const CcEisCircuit   *c,
                             CcEisWeighting        weighting,
                             const CcEisFitResult *fit)
{
  guint n = cc_eis_circuit_get_n_params (c);

  member_string (b, "circuit", cc_eis_circuit_get_text (c));
  member_string (b, "weighting", cc_eis_weighting_to_string (weighting));
  param_map (b, "parameters", c, fit->value);
  param_map (b, "stderr", c, fit->std_error);
  json_builder_set_member_name (b, "ci95");
  json_builder_begin_object (b);
  for (guint i = 0; i < n; i++)
    {
      json_builder_set_member_name (b, cc_eis_circuit_get_param_name (c, i));
      json_builder_begin_array (b);
      cc_eis_json_add_number (b, fit->ci_low[i]);
      cc_eis_json_add_number (b, fit->ci_high[i]);
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "units");
  json_builder_begin_object (b);
  for (guint i = 0; i < n; i++)
    member_string (b, cc_eis_circuit_get_param_name (c, i), cc_eis_circuit_get_param_unit (c, i));
  json_builder_end_object (b);
  param_list (b, "fixed", c, fit->fixed);
  param_list (b, "at_bound", c, fit->at_bound);
  json_builder_set_member_name (b, "residual");
  json_builder_begin_object (b);
  member_number (b, "rms_relative", fit->rms_relative);
  member_number (b, "chi_square", fit->chi_square);
  json_builder_set_member_name (b, "dof");
  json_builder_add_int_value (b, fit->dof);
  json_builder_set_member_name (b, "iterations");
  json_builder_add_int_value (b, fit->iterations);
  json_builder_set_member_name (b, "converged");
  json_builder_add_boolean_value (b, fit->converged);
  json_builder_end_object (b);
}

void
cc_eis_json_add_kk (JsonBuilder         *b,
                    const CcEisKkResult *kk)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "pass");
  json_builder_add_boolean_value (b, kk->pass);
  member_number (b, "rms_residual", kk->rms_residual);
  member_number (b, "max_residual", kk->max_residual);
  member_number (b, "trend", kk->trend);
  member_number (b, "threshold", kk->threshold);
  json_builder_set_member_name (b, "rc_elements");
  json_builder_add_int_value (b, kk->n_rc);
  member_number (b, "mu", kk->mu);
  member_array (b, "residual_real", kk->res_re, kk->n);
  member_array (b, "residual_imag", kk->res_im, kk->n);
  json_builder_end_object (b);
}

void
cc_eis_json_add_drt (JsonBuilder          *b,
                     const CcEisDrtResult *drt)
{
  json_builder_begin_object (b);
  cc_eis_json_add_drt_members (b, drt);
  json_builder_end_object (b);
}

void
cc_eis_json_add_drt_members (JsonBuilder          *b,
                             const CcEisDrtResult *drt)
{
  member_string (b, "unit", drt->area_specific ? "ohm cm2" : "ohm");
  member_number (b, "lambda", drt->lambda);
  json_builder_set_member_name (b, "regularisation_order");
  json_builder_add_int_value (b, drt->order);
  member_number (b, "r_inf_ohm", drt->r_inf);
  member_number (b, "inductance_H", drt->inductance_H);
  member_number (b, "capacitance_F", drt->capacitance_F);
  member_number (b, "rms_relative", drt->rms_relative);
  member_array (b, "tau_s", drt->tau_s, drt->n);
  member_array (b, "gamma_ohm", drt->gamma, drt->n);
  json_builder_set_member_name (b, "peaks");
  json_builder_begin_array (b);
  for (guint i = 0; i < drt->peaks->len; i++)
    {
      const CcEisDrtPeak *p = &g_array_index (drt->peaks, CcEisDrtPeak, i);

      json_builder_begin_object (b);
      member_number (b, "tau_s", p->tau_s);
      member_number (b, "frequency_Hz", 1.0 / (2 * G_PI * p->tau_s));
      member_number (b, "resistance_ohm", p->resistance);
      member_number (b, "gamma_ohm", p->gamma);
      member_number (b, "resistance_share", p->share);
      if (p->process != NULL)
        {
          member_string (b, "process", p->process);
          member_number (b, "process_tau_s", p->process_tau_s);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}
