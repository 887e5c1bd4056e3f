/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-packing-jam.h"
#include "cc-packing-relax.h"
#include "cc-packing.h"

#include <math.h>
#include <string.h>

/* A stage ends when the mean overlap is within this of its target and the
 * net forces are this small against the overlaps: a stable network carries
 * them. */
#define SETTLE_TOLERANCE   0.05
#define MAX_STEPS_PER_MIN  40000

/* Harmonic repulsion V = δ²/2 with the same stiffness for every pair: the
 * potential is irrelevant at the jamming point, where overlaps vanish, and a
 * uniform stiffness gives every mode the same time scale. */
static void
harmonic_kernel (CcRelax      *relax,
                 guint         begin,
                 guint         end,
                 double       *f,
                 CcRelaxStats *st,
                 gpointer      data)
{
  const CcNlist *nl = &relax->nl;
  const double *pos = relax->s.pos, *rad = relax->s.rad;
  const double lz = relax->s.box[2];
  double energy = 0, max_ov = 0, sum_ov = 0;
  guint overlaps = 0;

  for (guint i = begin; i < end; i++)
    {
      const double xi = pos[3 * i], yi = pos[3 * i + 1], zi = pos[3 * i + 2], ri = rad[i];
      double fx = 0, fy = 0, fz = 0;

      for (guint q = nl->start[i]; q < nl->start[i + 1]; q++)
        {
          guint32 packed = nl->nbr[q];
          guint j = CC_NLIST_J (packed);
          const double *sh = nl->shift[CC_NLIST_CODE (packed)];
          double dx = pos[3 * j] - xi + sh[0];
          double dy = pos[3 * j + 1] - yi + sh[1];
          double dz = pos[3 * j + 2] - zi;
          double sum = ri + rad[j], d2 = dx * dx + dy * dy + dz * dz;
          /* branch-free: about half the listed pairs overlap, unpredictably */
          double d = sqrt (d2) + 1e-300;
          double delta = MAX (sum - d, 0.0);
          double g = delta / d, rel = delta / sum;

          f[3 * j] += g * dx;
          f[3 * j + 1] += g * dy;
          f[3 * j + 2] += g * dz;
          fx -= g * dx;
          fy -= g * dy;
          fz -= g * dz;
          energy += delta * delta;
          max_ov = MAX (max_ov, rel);
          sum_ov += rel;
          overlaps += delta > 0.0;
        }
      if (zi < ri)
        {
          double delta = ri - zi;

          fz += delta;
          st->energy += 0.5 * delta * delta;
          st->max_overlap = MAX (st->max_overlap, delta / ri);
          st->wall_force[0] += delta;
        }
      if (zi > lz - ri)
        {
          double delta = zi + ri - lz;

          fz -= delta;
          st->energy += 0.5 * delta * delta;
          st->max_overlap = MAX (st->max_overlap, delta / ri);
          st->wall_force[1] += delta;
        }
      f[3 * i] += fx;
      f[3 * i + 1] += fy;
      f[3 * i + 2] += fz;
    }
  st->energy += 0.5 * energy;
  st->max_overlap = MAX (st->max_overlap, max_ov);
  st->sum_overlap += sum_ov;
  st->overlaps += overlaps;
}

double
cc_jam_phi (const CcJam *job,
            double       scale)
{
  double v = 0;

  for (guint i = 0; i < job->n; i++)
    v += job->radius[i] * job->radius[i] * job->radius[i];
  return 4.0 / 3.0 * G_PI * v * scale * scale * scale / (job->box[0] * job->box[1] * job->box[2]);
}

typedef enum {
  MIN_JAMMED,
  MIN_CANCELLED,
} MinResult;

static void
set_scale (CcRelax     *relax,
           const CcJam *job,
           double       scale)
{
  for (guint i = 0; i < job->n; i++)
    relax->s.rad[i] = scale * job->radius[i];
  cc_relax_touch (relax);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return (x > y) - (x < y);
}

static double
mean_overlap (const CcRelax *relax)
{
  return relax->stats.sum_overlap / MAX (relax->s.n, 1);
}

/* Compresses or decompresses until the mean overlap per sphere settles at
 * target with balanced forces. The growth is proportional to the shortfall
 * of overlap, capped at rate: the mean overlap responds to growth as about
 * 3 g (three pairs per sphere), so a gain of 0.2 keeps the loop stable
 * however small the target. */
static MinResult
settle (CcRelax *relax,
        CcJam   *job,
        double  *scale,
        double   target,
        double   rate,
        double   progress_from,
        double   progress_to)
{
  double expected = MAX (0.2 / rate, 200);
  guint quiet = 0;

  cc_relax_forces (relax);
  for (guint step = 0; step < MAX_STEPS_PER_MIN; step++)
    {
      double m = mean_overlap (relax);
      double g = CLAMP (0.2 * (target - m), -rate, rate);
      double sigma = 2.0 * job->mean_radius * *scale;

      if (fabs (1.0 - m / target) < SETTLE_TOLERANCE &&
          cc_relax_force_rms (relax) < SETTLE_TOLERANCE * target * sigma)
        {
          if (++quiet > 20)
            return MIN_JAMMED;
        }
      else
        quiet = 0;
      if (g != 0)
        {
          *scale *= 1.0 + g;
          set_scale (relax, job, *scale);
        }
      if ((step & 63) == 63)
        {
          if (g_cancellable_is_cancelled (job->cancellable))
            return MIN_CANCELLED;
          if (job->report)
            job->report (job->report_data,
                         progress_from + (progress_to - progress_from) * MIN (1.0, step / expected),
                         relax->s.pos, *scale);
        }
      cc_relax_step (relax);
      job->steps++;
    }
  return MIN_JAMMED;
}

/* Pairs that carry force (overlap) in the jammed state: its contacts. Keys
 * (i << 32 | j) with i < j, sorted. */
static GArray *
force_network (CcRelax *relax)
{
  const CcNlist *nl = &relax->nl;
  const double *pos = relax->s.pos, *rad = relax->s.rad;
  GArray *keys = g_array_new (FALSE, FALSE, sizeof (guint64));

  for (guint i = 0; i < relax->s.n; i++)
    for (guint q = nl->start[i]; q < nl->start[i + 1]; q++)
      {
        guint j = CC_NLIST_J (nl->nbr[q]);
        const double *sh = nl->shift[CC_NLIST_CODE (nl->nbr[q])];
        double dx = pos[3 * j] - pos[3 * i] + sh[0];
        double dy = pos[3 * j + 1] - pos[3 * i + 1] + sh[1];
        double dz = pos[3 * j + 2] - pos[3 * i + 2];
        double sum = rad[i] + rad[j];

        if (dx * dx + dy * dy + dz * dz < sum * sum)
          {
            guint64 key = i < j ? ((guint64) i << 32) | j : ((guint64) j << 32) | i;
            g_array_append_val (keys, key);
          }
      }
  g_array_sort (keys, compare_keys);
  return keys;
}

gboolean
cc_jam_run (CcJam   *job,
            GError **error)
{
  /* Mean overlap per sphere at the end of each stage: a stiff jammed network
   * first, then decompression towards the threshold. */
  static const double targets[] = { 1e-2, 1e-3, 1e-4, 1e-5 };
  static const double progress[] = { 0.0, 0.8, 0.87, 0.94, 1.0 };
  g_autofree double *rad = g_new (double, job->n);
  double scale, mean = 0;
  CcRelax relax;
  MinResult res = MIN_JAMMED;

  g_return_val_if_fail (job->rate > 0, FALSE);

  for (guint i = 0; i < job->n; i++)
    mean += job->radius[i];
  job->mean_radius = mean / MAX (job->n, 1);
  scale = cbrt (job->phi_start / cc_jam_phi (job, 1.0));
  for (guint i = 0; i < job->n; i++)
    rad[i] = scale * job->radius[i];
  cc_relax_init (&relax, job->n, job->pos, rad, job->box,
                 0.4 * job->mean_radius * scale, job->pool);
  cc_relax_set_kernel (&relax, harmonic_kernel, NULL);
  cc_relax_restart (&relax, 0.05, 0.25);
  job->steps = job->minimisations = 0;

  for (guint k = 0; k < G_N_ELEMENTS (targets) && res != MIN_CANCELLED; k++)
    {
      /* the first stage sets the structure (its rate is the protocol's
       * quench rate); later ones only shave the overlaps off it */
      res = settle (&relax, job, &scale, targets[k], k == 0 ? job->rate : MAX (job->rate, 1e-3),
                    progress[k], progress[k + 1]);
      job->minimisations++;
      if (g_getenv ("CC_PACKING_DEBUG"))
        g_printerr ("jam: target %.0e phi %.5f steps %u max overlap %.2e list builds %u pairs %u\n",
                    targets[k], cc_jam_phi (job, scale), job->steps, relax.stats.max_overlap,
                    relax.nl.total_builds, relax.nl.start[job->n]);
    }
  if (res == MIN_CANCELLED)
    {
      cc_relax_clear (&relax);
      g_set_error_literal (error, CC_PACKING_ERROR, CC_PACKING_ERROR_CANCELLED, "packing cancelled");
      return FALSE;
    }

  /* The force network of the jammed state, then a shrink by the largest
   * remaining overlap: strictly overlap-free. */
  cc_relax_forces (&relax);
  job->contacts = force_network (&relax);
  job->scale = scale * (1 - relax.stats.max_overlap) * (1 - 1e-12);
  set_scale (&relax, job, job->scale);
  cc_relax_forces (&relax);
  job->max_overlap = relax.stats.max_overlap;
  job->phi = cc_jam_phi (job, job->scale);
  cc_relax_clear (&relax);
  return TRUE;
}
