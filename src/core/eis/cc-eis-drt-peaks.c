/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Peaks of a DRT: local maxima above a fraction of the largest, their
 * resistances (gamma integrated between the neighbouring minima) and, for
 * model spectra, the process each comes from.
 */
#include "cc-eis-drt-private.h"

#include <math.h>

#define MIN_RELATIVE_HEIGHT   0.02
#define MIN_PROCESS_SHARE     0.01
#define MAX_ATTRIBUTION_DEC   1.0

/* Parabola through three points of gamma against ln tau: the vertex. */
static double
refine_tau (const CcEisDrtResult *r, guint k)
{
  double y0, y1, y2, den, shift;

  if (k == 0 || k + 1 >= r->n)
    return r->tau_s[k];
  y0 = r->gamma[k - 1], y1 = r->gamma[k], y2 = r->gamma[k + 1];
  den = y0 - 2 * y1 + y2;
  if (den >= 0)
    return r->tau_s[k];
  shift = CLAMP (0.5 * (y0 - y2) / den, -0.5, 0.5);
  return r->tau_s[k] * pow (r->tau_s[k + 1] / r->tau_s[k], shift);
}

static void
attribute (CcEisDrtPeak *peak, const CcEisSpectrum *s)
{
  double total = 0, best = INFINITY;
  const CcEisProcess *found = NULL;

  for (guint i = 0; i < s->processes->len; i++)
    total += ((CcEisProcess *) g_ptr_array_index (s->processes, i))->resistance;
  for (guint i = 0; i < s->processes->len; i++)
    {
      const CcEisProcess *p = g_ptr_array_index (s->processes, i);
      double d = fabs (log10 (peak->tau_s / p->tau_s));

      if (p->resistance >= MIN_PROCESS_SHARE * total && d < best)
        {
          best = d;
          found = p;
        }
    }
  if (found != NULL && best <= MAX_ATTRIBUTION_DEC)
    {
      peak->process = g_strdup (found->name);
      peak->process_tau_s = found->tau_s;
    }
}

void
cc_eis_drt_find_peaks (CcEisDrtResult      *r,
                       const CcEisSpectrum *spectrum)
{
  double gmax = 0, total = 0, dln = r->n > 1 ? log (r->tau_s[1] / r->tau_s[0]) : 1;

  for (guint k = 0; k < r->n; k++)
    {
      gmax = MAX (gmax, r->gamma[k]);
      total += r->gamma[k] * dln;
    }
  if (gmax <= 0)
    return;
  for (guint k = 0; k < r->n; k++)
    {
      gboolean left = k == 0 || r->gamma[k] > r->gamma[k - 1];
      gboolean right = k + 1 == r->n || r->gamma[k] >= r->gamma[k + 1];
      CcEisDrtPeak peak = { 0 };
      guint lo = k, hi = k;
      double res = 0;

      if (!left || !right || r->gamma[k] < MIN_RELATIVE_HEIGHT * gmax)
        continue;
      /* Walk down to the valleys; a valley bin is shared by both sides. */
      while (lo > 0 && r->gamma[lo - 1] <= r->gamma[lo])
        lo--;
      while (hi + 1 < r->n && r->gamma[hi + 1] <= r->gamma[hi])
        hi++;
      for (guint j = lo; j <= hi; j++)
        res += r->gamma[j] * dln * ((j == lo && lo > 0) || (j == hi && hi + 1 < r->n) ? 0.5 : 1.0);
      peak.tau_s = refine_tau (r, k);
      peak.gamma = r->gamma[k];
      peak.resistance = res;
      peak.share = res / total;
      peak.process_tau_s = NAN;
      if (spectrum != NULL && spectrum->processes->len > 0)
        attribute (&peak, spectrum);
      g_array_append_val (r->peaks, peak);
    }
}
