/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cli-eis-common.h"
#include "cc-eis-json.h"

#include <stdio.h>

CcEisSpectrum *
cli_eis_load_spectrum (const char *path)
{
  g_autoptr(GError) error = NULL;
  CcEisSpectrum *s = cc_eis_spectrum_load_csv (path, &error);

  if (s == NULL)
    cli_fail_error (error);
  return s;
}

static void
range_of (const CcEisSpectrum *s, double *lo, double *hi)
{
  *lo = *hi = s->freq_Hz[0];
  for (guint i = 0; i < s->n; i++)
    {
      *lo = MIN (*lo, s->freq_Hz[i]);
      *hi = MAX (*hi, s->freq_Hz[i]);
    }
}

void
cli_eis_print_source (const char          *path,
                      const CcEisSpectrum *s)
{
  double lo, hi;

  range_of (s, &lo, &hi);
  printf (_("%s: %u points, %g Hz to %g Hz, impedance in %s%s\n"), path, s->n, lo, hi,
          cc_eis_spectrum_unit (s),
          s->imag_sign_flipped ? _(" (the file holds -Z''; flipped to Z'')") : "");
}

void
cli_eis_json_source (JsonBuilder         *b,
                     const char          *path,
                     const CcEisSpectrum *s)
{
  double lo, hi;

  range_of (s, &lo, &hi);
  json_builder_set_member_name (b, "file");
  json_builder_add_string_value (b, path);
  json_builder_set_member_name (b, "points");
  json_builder_add_int_value (b, s->n);
  json_builder_set_member_name (b, "f_min_Hz");
  cc_eis_json_add_number (b, lo);
  json_builder_set_member_name (b, "f_max_Hz");
  cc_eis_json_add_number (b, hi);
  json_builder_set_member_name (b, "unit");
  json_builder_add_string_value (b, cc_eis_spectrum_unit (s));
  json_builder_set_member_name (b, "imag_sign_flipped");
  json_builder_add_boolean_value (b, s->imag_sign_flipped);
}
