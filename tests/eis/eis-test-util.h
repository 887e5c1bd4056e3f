/* SPDX-License-Identifier: GPL-3.0-or-later
 * Helpers shared by the EIS tests: synthetic spectra with reproducible
 * Gaussian noise. */
#pragma once

#include <glib.h>
#include <math.h>

#include "cc-eis-circuit.h"
#include "cc-eis-spectrum.h"

/* n log-spaced frequencies from f_hi down to f_lo. */
static inline CcEisSpectrum *
eis_test_circuit_spectrum (const char *circuit_text, const double *params,
                           double f_lo, double f_hi, guint n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcEisCircuit) c = cc_eis_circuit_parse (circuit_text, &error);
  CcEisSpectrum *s = cc_eis_spectrum_new (n);

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      s->freq_Hz[i] = f_hi * pow (f_lo / f_hi, (double) i / (n - 1));
      cc_eis_circuit_eval (c, params, s->freq_Hz[i], &s->z_re[i], &s->z_im[i]);
    }
  return s;
}

static inline double
eis_test_gauss (GRand *rand)
{
  double u1 = g_rand_double_range (rand, 1e-300, 1.0), u2 = g_rand_double (rand);

  return sqrt (-2 * log (u1)) * cos (2 * G_PI * u2);
}

/* Adds noise of standard deviation level * |Z| to both components. */
static inline void
eis_test_add_noise (CcEisSpectrum *s, double level, guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  for (guint i = 0; i < s->n; i++)
    {
      double mod = hypot (s->z_re[i], s->z_im[i]);

      s->z_re[i] += level * mod * eis_test_gauss (rand);
      s->z_im[i] += level * mod * eis_test_gauss (rand);
    }
}
