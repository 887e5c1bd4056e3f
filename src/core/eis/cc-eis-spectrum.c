/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-eis-spectrum.h"

#include <math.h>
#include <string.h>

G_DEFINE_QUARK (cc-eis-error-quark, cc_eis_error)

void
cc_eis_freq_range_init_default (CcEisFreqRange *range)
{
  g_return_if_fail (range != NULL);
  range->f_min_Hz = CC_EIS_DEFAULT_F_MIN_HZ;
  range->f_max_Hz = CC_EIS_DEFAULT_F_MAX_HZ;
  range->points_per_decade = CC_EIS_DEFAULT_PPD;
}

gboolean
cc_eis_freq_range_validate (const CcEisFreqRange *range,
                            GError              **error)
{
  g_return_val_if_fail (range != NULL, FALSE);

  if (!isfinite (range->f_min_Hz) || range->f_min_Hz <= 0)
    {
      g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_INVALID,
                   "f_min_Hz = %g: must be a positive frequency", range->f_min_Hz);
      return FALSE;
    }
  if (!isfinite (range->f_max_Hz) || range->f_max_Hz <= range->f_min_Hz)
    {
      g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_INVALID,
                   "f_max_Hz = %g: must be finite and above f_min_Hz = %g",
                   range->f_max_Hz, range->f_min_Hz);
      return FALSE;
    }
  if (range->points_per_decade < 1 || range->points_per_decade > 1000)
    {
      g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_INVALID,
                   "points_per_decade = %u: must be between 1 and 1000",
                   range->points_per_decade);
      return FALSE;
    }
  if (log10 (range->f_max_Hz / range->f_min_Hz) * range->points_per_decade + 1 > CC_EIS_MAX_POINTS)
    {
      g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_INVALID,
                   "%g Hz to %g Hz at %u points per decade exceeds %d points",
                   range->f_min_Hz, range->f_max_Hz, range->points_per_decade, CC_EIS_MAX_POINTS);
      return FALSE;
    }
  return TRUE;
}

double *
cc_eis_freq_grid (const CcEisFreqRange *range,
                  guint                *n_out,
                  GError              **error)
{
  double decades, step;
  double *f;
  guint n;

  g_return_val_if_fail (n_out != NULL, NULL);
  if (!cc_eis_freq_range_validate (range, error))
    return NULL;

  /* Points sit on the decade grid from f_max; the last one is f_min even
   * when the span is not a whole number of steps. */
  decades = log10 (range->f_max_Hz / range->f_min_Hz);
  step = 1.0 / range->points_per_decade;
  n = (guint) floor (decades / step + 1e-9) + 1;
  if (decades - (n - 1) * step > 1e-9)
    n++;
  f = g_new (double, n);
  for (guint i = 0; i < n; i++)
    f[i] = range->f_max_Hz * pow (10.0, -(double) i * step);
  f[n - 1] = range->f_min_Hz;
  *n_out = n;
  return f;
}

CcEisSpectrum *
cc_eis_spectrum_new (guint n)
{
  CcEisSpectrum *s = g_new0 (CcEisSpectrum, 1);

  s->n = n;
  s->freq_Hz = g_new0 (double, MAX (n, 1));
  s->z_re = g_new0 (double, MAX (n, 1));
  s->z_im = g_new0 (double, MAX (n, 1));
  s->processes = g_ptr_array_new_with_free_func ((GDestroyNotify) cc_eis_process_free);
  return s;
}

CcEisSpectrum *
cc_eis_spectrum_copy (const CcEisSpectrum *self)
{
  CcEisSpectrum *s;

  g_return_val_if_fail (self != NULL, NULL);
  s = cc_eis_spectrum_new (self->n);
  memcpy (s->freq_Hz, self->freq_Hz, self->n * sizeof (double));
  memcpy (s->z_re, self->z_re, self->n * sizeof (double));
  memcpy (s->z_im, self->z_im, self->n * sizeof (double));
  s->area_specific = self->area_specific;
  s->imag_sign_flipped = self->imag_sign_flipped;
  for (guint i = 0; i < self->processes->len; i++)
    {
      const CcEisProcess *p = g_ptr_array_index (self->processes, i);
      cc_eis_spectrum_add_process (s, p->name, p->resistance, p->tau_s);
    }
  return s;
}

void
cc_eis_spectrum_free (CcEisSpectrum *self)
{
  if (self == NULL)
    return;
  g_free (self->freq_Hz);
  g_free (self->z_re);
  g_free (self->z_im);
  g_ptr_array_unref (self->processes);
  g_free (self);
}

void
cc_eis_process_free (CcEisProcess *process)
{
  if (process == NULL)
    return;
  g_free (process->name);
  g_free (process);
}

void
cc_eis_spectrum_add_process (CcEisSpectrum *self,
                             const char    *name,
                             double         resistance,
                             double         tau_s)
{
  CcEisProcess *p;

  g_return_if_fail (self != NULL && name != NULL);
  p = g_new0 (CcEisProcess, 1);
  p->name = g_strdup (name);
  p->resistance = resistance;
  p->tau_s = tau_s;
  g_ptr_array_add (self->processes, p);
}

gboolean
cc_eis_spectrum_validate (const CcEisSpectrum *self,
                          guint                min_points,
                          GError             **error)
{
  double f_lo = INFINITY, f_hi = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->n < min_points)
    {
      g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_INVALID,
                   "the spectrum has %u points; at least %u are needed", self->n, min_points);
      return FALSE;
    }
  for (guint i = 0; i < self->n; i++)
    {
      if (!isfinite (self->freq_Hz[i]) || self->freq_Hz[i] <= 0)
        {
          g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_INVALID,
                       "point %u: frequency %g Hz must be positive and finite", i + 1, self->freq_Hz[i]);
          return FALSE;
        }
      if (!isfinite (self->z_re[i]) || !isfinite (self->z_im[i]))
        {
          g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_INVALID,
                       "point %u (%g Hz): impedance is not finite", i + 1, self->freq_Hz[i]);
          return FALSE;
        }
      /* Residuals are taken relative to |Z|; squares must not overflow. */
      if (hypot (self->z_re[i], self->z_im[i]) == 0 || hypot (self->z_re[i], self->z_im[i]) > 1e100)
        {
          g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_INVALID,
                       "point %u (%g Hz): |Z| = %g is outside (0, 1e100]", i + 1, self->freq_Hz[i],
                       hypot (self->z_re[i], self->z_im[i]));
          return FALSE;
        }
      f_lo = MIN (f_lo, self->freq_Hz[i]);
      f_hi = MAX (f_hi, self->freq_Hz[i]);
    }
  if (min_points > 3 && f_hi < 1.5 * f_lo)
    {
      g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_INVALID,
                   "the frequencies span only %g Hz to %g Hz; the analysis needs a wider range",
                   f_lo, f_hi);
      return FALSE;
    }
  return TRUE;
}

const char *
cc_eis_spectrum_unit (const CcEisSpectrum *self)
{
  return self != NULL && self->area_specific ? "ohm cm2" : "ohm";
}
