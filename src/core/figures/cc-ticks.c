/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nice numbers after Heckbert (Graphics Gems, 1990), reformulated as "the
 * smallest nice step that needs at most N intervals", which is monotone in N
 * and easy to test. Steps are m × 10^k with m ∈ {1, 2, 2.5, 5}.
 */
#include "cc-ticks.h"

#include <math.h>
#include <string.h>

#define MINUS "\xe2\x88\x92"   /* U+2212 MINUS SIGN */
#define TIMES "\xc3\x97"       /* U+00D7 MULTIPLICATION SIGN */

static const double nice_mantissas[] = { 1.0, 2.0, 2.5, 5.0 };

/* Tolerance for "is on a step boundary": data at 3.0000000001 with a step of
 * 0.5 must not grow the axis by a whole step. */
#define STEP_EPS 1e-9

static guint
count_intervals (double lo,
                 double hi,
                 double step)
{
  double a = floor (lo / step + STEP_EPS);
  double b = ceil (hi / step - STEP_EPS);

  return (guint) MAX (1.0, b - a);
}

double
cc_ticks_nice_step (double  lo,
                    double  hi,
                    guint   max_intervals,
                    double *mantissa,
                    int    *exponent)
{
  double range = hi - lo;
  int k;

  g_return_val_if_fail (max_intervals >= 1, NAN);
  g_return_val_if_fail (range > 0 && isfinite (range), NAN);

  /* A range that straddles zero needs two intervals whatever the step. */
  if (lo < 0 && hi > 0)
    max_intervals = MAX (max_intervals, 2);
  /* Start one decade below the raw step so that no smaller candidate that
   * fits is skipped, and walk up. */
  k = (int) floor (log10 (range / max_intervals)) - 1;
  for (int guard = 0; guard < 8; guard++, k++)
    for (guint i = 0; i < G_N_ELEMENTS (nice_mantissas); i++)
      {
        double step = nice_mantissas[i] * pow (10.0, k);

        if (count_intervals (lo, hi, step) <= max_intervals)
          {
            if (mantissa != NULL)
              *mantissa = nice_mantissas[i];
            if (exponent != NULL)
              *exponent = k;
            return step;
          }
      }
  g_assert_not_reached ();
  return NAN;
}

static void
widen_degenerate (double *lo,
                  double *hi)
{
  if (*hi > *lo)
    return;
  if (*lo == 0.0)
    {
      *lo = -1.0;
      *hi = 1.0;
    }
  else
    {
      double d = fabs (*lo) * 0.1;

      *lo -= d;
      *hi += d;
    }
}

static void
add_linear_minor (CcTicks *t)
{
  guint sub = t->mantissa == 2.0 ? 4 : 5;
  double ms = t->step / sub;
  double first = ceil (t->lo / ms - STEP_EPS);
  double last = floor (t->hi / ms + STEP_EPS);

  t->n_minor = 0;
  if (last - first + 1 > CC_TICKS_MAX_MINOR + CC_TICKS_MAX_MAJOR)
    return;
  for (double i = first; i <= last; i++)
    {
      double r = fmod (fabs (i), (double) sub);

      if (r != 0.0 && t->n_minor < CC_TICKS_MAX_MINOR)
        t->minor[t->n_minor++] = i * ms;
    }
}

/* For a fixed range only the ticks inside count: the smallest nice step
 * whose multiples inside [lo, hi] make at most @max_intervals intervals.
 * Never larger than the widened-range step, so it is found below it. */
static double
fixed_step (double  lo,
            double  hi,
            guint   max_intervals,
            double *mantissa,
            int    *exponent)
{
  double m;
  int e;
  double wide = cc_ticks_nice_step (lo, hi, max_intervals, &m, &e);

  for (int k = e - 1; k <= e; k++)
    for (guint i = 0; i < G_N_ELEMENTS (nice_mantissas); i++)
      {
        double step = nice_mantissas[i] * pow (10.0, k);
        double inside = floor (hi / step + STEP_EPS) - ceil (lo / step - STEP_EPS);

        if (step < wide && inside >= 1 && inside <= max_intervals)
          {
            *mantissa = nice_mantissas[i];
            *exponent = k;
            return step;
          }
      }
  *mantissa = m;
  *exponent = e;
  return wide;
}

gboolean
cc_ticks_linear (double   lo,
                 double   hi,
                 guint    max_intervals,
                 gboolean expand,
                 CcTicks *out)
{
  double first, last;

  g_return_val_if_fail (out != NULL, FALSE);
  memset (out, 0, sizeof *out);
  if (!isfinite (lo) || !isfinite (hi) || lo > hi)
    return FALSE;
  max_intervals = CLAMP (max_intervals, 1, CC_TICKS_MAX_MAJOR - 1);
  widen_degenerate (&lo, &hi);

  if (expand)
    out->step = cc_ticks_nice_step (lo, hi, max_intervals, &out->mantissa, &out->exponent);
  else
    out->step = fixed_step (lo, hi, max_intervals, &out->mantissa, &out->exponent);
  first = expand ? floor (lo / out->step + STEP_EPS) : ceil (lo / out->step - STEP_EPS);
  last = expand ? ceil (hi / out->step - STEP_EPS) : floor (hi / out->step + STEP_EPS);
  out->lo = expand ? first * out->step : lo;
  out->hi = expand ? last * out->step : hi;

  for (double i = first; i <= last && out->n_major < CC_TICKS_MAX_MAJOR; i++)
    {
      double v = i * out->step;

      /* Snap values that should be 0 so labels never read "−0". */
      out->major[out->n_major++] = fabs (v) < out->step * 1e-9 ? 0.0 : v;
    }
  add_linear_minor (out);
  return TRUE;
}

static void
add_major (CcTicks *t,
           double   v)
{
  if (t->n_major < CC_TICKS_MAX_MAJOR)
    t->major[t->n_major++] = v;
}

static gboolean
is_major (const CcTicks *t,
          double         v)
{
  for (guint i = 0; i < t->n_major; i++)
    if (fabs (t->major[i] - v) <= v * 1e-9)
      return TRUE;
  return FALSE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Fill majors with m × 10^k for the given mantissas inside [lo, hi]. */
static void
add_log_multiples (CcTicks      *t,
                   int           dlo,
                   int           dhi,
                   const double *mant,
                   guint         n_mant)
{
  for (int k = dlo; k <= dhi; k++)
    for (guint i = 0; i < n_mant; i++)
      {
        double v = mant[i] * pow (10.0, k);

        if (v >= t->lo * (1 - 1e-9) && v <= t->hi * (1 + 1e-9) && !is_major (t, v))
          add_major (t, v);
      }
  qsort (t->major, t->n_major, sizeof (double), compare_doubles);
}

static void
add_log_minor (CcTicks *t,
               int      dlo,
               int      dhi,
               gboolean sub_decade)
{
  t->n_minor = 0;
  for (int k = dlo; k <= dhi; k++)
    for (int m = 1; m <= 9; m++)
      {
        double v = m * pow (10.0, k);

        if (m > 1 && !sub_decade)
          break;
        if (v < t->lo * (1 - 1e-9) || v > t->hi * (1 + 1e-9) || is_major (t, v))
          continue;
        if (t->n_minor < CC_TICKS_MAX_MINOR)
          t->minor[t->n_minor++] = v;
      }
}

/* The nearest 1, 2 or 5 × 10^k at or below (down) or above (!down) v. */
static double
snap_125 (double   v,
          gboolean down)
{
  static const double m[] = { 1, 2, 5, 10 };
  int k = (int) floor (log10 (v) + 1e-9);
  double best = down ? pow (10.0, k) : pow (10.0, k + 1);

  for (guint i = 0; i < G_N_ELEMENTS (m); i++)
    {
      double c = m[i] * pow (10.0, k);

      if (down && c <= v * (1 + 1e-9))
        best = c;
      if (!down && c >= v * (1 - 1e-9))
        return c;
    }
  return best;
}

gboolean
cc_ticks_log (double   lo,
              double   hi,
              guint    max_intervals,
              gboolean expand,
              CcTicks *out)
{
  int dlo, dhi, every, decades;

  g_return_val_if_fail (out != NULL, FALSE);
  memset (out, 0, sizeof *out);
  if (!isfinite (lo) || !isfinite (hi) || lo <= 0 || lo > hi)
    return FALSE;
  max_intervals = CLAMP (max_intervals, 1, CC_TICKS_MAX_MAJOR - 1);
  if (hi == lo)
    {
      lo /= 2;
      hi *= 2;
    }
  out->log = TRUE;
  dlo = (int) floor (log10 (lo) + 1e-9);
  dhi = (int) ceil (log10 (hi) - 1e-9);
  if (dhi == dlo)
    dhi++;
  decades = dhi - dlo;
  if (expand && decades <= 3)
    {
      /* Whole decades would waste up to half the axis on a short range:
       * stop at the nearest 1, 2 or 5 instead. */
      out->lo = snap_125 (lo, TRUE);
      out->hi = snap_125 (hi, FALSE);
    }
  else
    {
      out->lo = expand ? pow (10.0, dlo) : lo;
      out->hi = expand ? pow (10.0, dhi) : hi;
    }

  every = (decades + (int) max_intervals - 1) / (int) max_intervals;
  out->step = every;
  out->mantissa = 1.0;
  for (int k = dlo; k <= dhi; k++)
    {
      double v = pow (10.0, k);

      if (k % every == 0 && v >= out->lo * (1 - 1e-9) && v <= out->hi * (1 + 1e-9))
        add_major (out, v);
    }
  /* Fewer than three labels say little on a short axis: add 2 and 5. */
  if (out->n_major < 3 && decades <= 3)
    {
      static const double m25[] = { 1.0, 2.0, 5.0 };

      add_log_multiples (out, dlo, dhi, m25, G_N_ELEMENTS (m25));
    }
  if (out->n_major < 2)
    {
      static const double all[] = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };

      add_log_multiples (out, dlo, dhi, all, G_N_ELEMENTS (all));
    }
  /* Sub-decade minors turn into a grey smear beyond about eight decades. */
  add_log_minor (out, dlo, dhi, decades <= 8);
  return TRUE;
}

static char *
replace_minus (char *s)
{
  if (s[0] == '-')
    {
      char *r = g_strconcat (MINUS, s + 1, NULL);

      g_free (s);
      return r;
    }
  return s;
}

static char *
format_fixed (double value,
              int    decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *fmt = g_strdup_printf ("%%.%df", CLAMP (decimals, 0, 15));

  g_ascii_formatd (buf, sizeof buf, fmt, value);
  return replace_minus (g_strdup (buf));
}

static char *
format_power_str (const char *mantissa,
                  int         power)
{
  g_autofree char *p = replace_minus (g_strdup_printf ("%d", power));

  if (g_str_equal (mantissa, "1"))
    return g_strdup_printf ("10<sup>%s</sup>", p);
  return g_strdup_printf ("%s" TIMES "10<sup>%s</sup>", mantissa, p);
}

static char *
format_power (double mant_value,
              int    decimals,
              int    power)
{
  g_autofree char *m = format_fixed (mant_value, decimals);
  g_autofree char *p = replace_minus (g_strdup_printf ("%d", power));

  return g_strdup_printf ("%s" TIMES "10<sup>%s</sup>", m, p);
}

static char *
format_log (const CcTicks *t,
            double         value)
{
  double lg = log10 (value);
  int k = (int) floor (lg + 1e-9);
  double m = value / pow (10.0, k);
  gboolean plain = TRUE;

  /* Plain numbers read best when every label is short (0.01 … 1000). */
  for (guint i = 0; i < t->n_major; i++)
    if (t->major[i] < 0.0099 || t->major[i] > 1001)
      plain = FALSE;
  if (plain)
    return format_fixed (value, MAX (0, -k));
  if (fabs (m - 1.0) < 1e-6)
    return replace_minus (g_strdup_printf ("10<sup>%d</sup>", k)) ;
  return format_power (m, 0, k);
}

char *
cc_ticks_format (const CcTicks *t,
                 double         value)
{
  double big = 0;
  int decimals;

  g_return_val_if_fail (t != NULL, NULL);
  if (t->log)
    {
      char *s = format_log (t, value);
      /* replace_minus only fixes a leading sign; exponents are built with '-'. */
      char **parts = g_strsplit (s, "-", -1);
      char *r = g_strjoinv (MINUS, parts);

      g_strfreev (parts);
      g_free (s);
      return r;
    }
  if (fabs (value) < t->step * 1e-9)
    return g_strdup ("0");
  big = MAX (fabs (t->lo), fabs (t->hi));
  decimals = MAX (0, -t->exponent + (t->mantissa == 2.5 ? 1 : 0));
  if (big >= 1e5 || big < 1e-3)
    {
      int e = (int) floor (log10 (big));
      int d = MAX (0, e - t->exponent + (t->mantissa == 2.5 ? 1 : 0));

      return format_power (value / pow (10.0, e), d, e);
    }
  return format_fixed (value, decimals);
}

char *
cc_format_number_markup (double value,
                         int    significant)
{
  int e;
  double m;
  g_autofree char *ms = NULL;

  if (!isfinite (value) || value == 0)
    return cc_format_number (value, significant, TRUE);
  e = (int) floor (log10 (fabs (value)));
  if (e >= -3 && e < 5)
    return cc_format_number (value, significant, TRUE);
  m = value / pow (10.0, e);
  ms = cc_format_number (m, significant, TRUE);
  return format_power_str (ms, e);
}

char *
cc_format_number (double   value,
                  int      significant,
                  gboolean typographic)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *fmt = g_strdup_printf ("%%.%dg", CLAMP (significant, 1, 17));

  if (!isfinite (value))
    return g_strdup (isnan (value) ? "NaN" : (value > 0 ? "inf" : "-inf"));
  g_ascii_formatd (buf, sizeof buf, fmt, value);
  return typographic ? replace_minus (g_strdup (buf)) : g_strdup (buf);
}
