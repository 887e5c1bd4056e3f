/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Automatic initial guesses for the circuit fit, from the shape of the
 * data. Top-level series terms are taken in the order the circuit lists
 * them, which by convention runs from high to low frequency: each p(...)
 * block is an arc whose time constant is placed on its share of the measured
 * log-frequency range and whose resistance is its share of the spread of Z'
 * (low minus high frequency). Series resistors take the high-frequency
 * intercept. Several variants of the time-constant placement give the fit
 * independent starts.
 */
#include "cc-eis-fit-private.h"

#include <math.h>

typedef struct {
  double r_hf, span, w_min, w_max, im_lo, mod_lo, im_hi;
} Features;

static void
features (const CcEisSpectrum *s, Features *f)
{
  guint hi = 0, lo = 0;
  double zmax = 0;

  for (guint i = 0; i < s->n; i++)
    {
      if (s->freq_Hz[i] > s->freq_Hz[hi])
        hi = i;
      if (s->freq_Hz[i] < s->freq_Hz[lo])
        lo = i;
      zmax = MAX (zmax, hypot (s->z_re[i], s->z_im[i]));
    }
  f->w_max = 2 * G_PI * s->freq_Hz[hi];
  f->w_min = 2 * G_PI * s->freq_Hz[lo];
  f->r_hf = MAX (s->z_re[hi], 1e-3 * zmax);
  f->mod_lo = MAX (hypot (s->z_re[lo], s->z_im[lo]), 1e-12);
  f->span = MAX (s->z_re[lo] - f->r_hf, 0.05 * f->mod_lo);
  f->im_lo = MAX (fabs (s->z_im[lo]), 1e-3 * f->mod_lo);
  f->im_hi = s->z_im[hi];
}

/* Where arc a of n sits on the [0, 1] log-time axis (0 = fastest). */
static double
arc_position (guint a, guint n, guint variant)
{
  double x = (a + 0.5) / n;

  switch (variant % 4)
    {
    case 1:  return 0.25 + 0.5 * x;    /* bunched in the middle */
    case 2:  return 1.0 - x;           /* listed low to high frequency */
    case 3:  return 0.66 * x;          /* arcs above a diffusion tail */
    default: return x;
    }
}

static void
guess_in_arc (CcEisElementType type, double tau, double r, double *v)
{
  switch (type)
    {
    case CC_EIS_ELEMENT_R:   v[0] = r; break;
    case CC_EIS_ELEMENT_C:   v[0] = tau / r; break;
    case CC_EIS_ELEMENT_L:   v[0] = r * tau; break;
    case CC_EIS_ELEMENT_CPE: v[0] = pow (tau, 0.9) / r; v[1] = 0.9; break;
    case CC_EIS_ELEMENT_W:   v[0] = 0.2 * r / sqrt (tau); break;
    case CC_EIS_ELEMENT_WS:
    case CC_EIS_ELEMENT_WO:  v[0] = r; v[1] = 10 * tau; break;
    default:                 g_assert_not_reached ();
    }
}

static void
guess_in_series (CcEisElementType type, const Features *f, guint n_series_r, double r_unit,
                 guint variant, double *v)
{
  switch (type)
    {
    case CC_EIS_ELEMENT_R:   v[0] = f->r_hf / MAX (n_series_r, 1); break;
    case CC_EIS_ELEMENT_C:   v[0] = 1.0 / (f->w_min * f->im_lo); break;
    case CC_EIS_ELEMENT_L:
      v[0] = f->im_hi > 0 ? f->im_hi / f->w_max : 1e-3 * f->r_hf / f->w_max;
      break;
    case CC_EIS_ELEMENT_CPE: v[0] = 1.0 / (pow (f->w_min, 0.8) * f->mod_lo); v[1] = 0.8; break;
    case CC_EIS_ELEMENT_W:   v[0] = 0.5 * f->im_lo * sqrt (f->w_min); break;
    case CC_EIS_ELEMENT_WS:
    case CC_EIS_ELEMENT_WO:
      v[0] = r_unit;
      v[1] = (variant % 2 ? 0.1 : 1.0) / f->w_min;
      break;
    default:                 g_assert_not_reached ();
    }
}

static void
one_start (const CcEisCircuit *c, const Features *f, guint variant, double *v)
{
  guint n_groups = cc_eis_circuit_get_n_groups (c), n_el = cc_eis_circuit_get_n_elements (c);
  g_autofree int *arc_of_group = g_new (int, n_groups);
  guint n_arcs = 0, n_units = 0, n_series_r = 0;
  double r_unit, lt_hi = -log (f->w_max), lt_lo = -log (f->w_min);

  for (guint g = 0; g < n_groups; g++)
    arc_of_group[g] = -1;
  for (guint e = 0; e < n_el; e++)
    {
      gboolean par;
      guint g = cc_eis_circuit_get_element_group (c, e, &par);
      CcEisElementType t = cc_eis_circuit_get_element_type (c, e);

      if (par && arc_of_group[g] < 0)
        arc_of_group[g] = (int) n_arcs++;
      else if (!par && (t == CC_EIS_ELEMENT_WS || t == CC_EIS_ELEMENT_WO))
        n_units++;
      else if (!par && t == CC_EIS_ELEMENT_R)
        n_series_r++;
    }
  n_units += n_arcs;
  r_unit = f->span / MAX (n_units, 1);

  for (guint e = 0; e < n_el; e++)
    {
      gboolean par;
      guint g = cc_eis_circuit_get_element_group (c, e, &par);
      CcEisElementType t = cc_eis_circuit_get_element_type (c, e);
      double *ve = v + cc_eis_circuit_get_element_param (c, e);

      if (par)
        {
          double x = arc_position ((guint) arc_of_group[g], n_arcs, variant);
          guess_in_arc (t, exp (lt_hi + x * (lt_lo - lt_hi)), r_unit, ve);
        }
      else
        guess_in_series (t, f, n_series_r, r_unit, variant, ve);
    }
}

guint
cc_eis_fit_initial_guesses (const CcEisCircuit  *circuit,
                            const CcEisSpectrum *spectrum,
                            const CcEisFitSetup *setup,
                            double              *starts,
                            guint                max_starts)
{
  guint n = setup->n, n_starts = max_starts;
  gboolean all_given = TRUE;
  Features f;

  features (spectrum, &f);
  for (guint i = 0; i < n; i++)
    all_given = all_given && !isnan (setup->initial[i]);
  /* A complete set of user values is one start, not several. */
  if (all_given)
    n_starts = MIN (n_starts, 1);
  for (guint s = 0; s < n_starts; s++)
    {
      double *v = starts + (gsize) s * n;

      one_start (circuit, &f, s, v);
      for (guint i = 0; i < n; i++)
        {
          if (!isnan (setup->initial[i]))
            v[i] = setup->initial[i];
          if (!isfinite (v[i]))
            v[i] = setup->lower[i] > 0 ? sqrt (setup->lower[i] * setup->upper[i]) : 0.5;
          v[i] = CLAMP (v[i], setup->lower[i], setup->upper[i]);
        }
    }
  return n_starts;
}
