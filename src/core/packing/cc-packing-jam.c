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
/* The last stage freezes the radii once the overlap is within FREEZE_BAND of
 * its target and then balances forces to FINAL_TOLERANCE. */
#define FREEZE_BAND        0.3
#define FINAL_TOLERANCE    0.01
/* Later stages only shave overlaps off a set structure: looser force balance. */
#define REFINE_TOLERANCE   0.3
#define MAX_STEPS_PER_MIN  40000

/* Harmonic repulsion V = k δ²/2 with a stiffness proportional to the pair's
 * size, k = (r_i + r_j) / d_ref, as for spheres of one elastic material: in
 * a pressure field (force ~ size²) every pair then overlaps by the same
 * fraction of its size, so small spheres are not crushed while the large
 * ones barely touch. The potential is irrelevant at the jamming point
 * itself, where overlaps vanish. Masses proportional to the radius keep the
 * vibration time scales of large and small spheres alike. */
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
  const double inv_ref = *(const double *) data;
  double energy = 0, sum_ov = 0;
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
          double k = sum * inv_ref, g = delta * k / d;

          f[3 * j] += g * dx;
          f[3 * j + 1] += g * dy;
          f[3 * j + 2] += g * dz;
          fx -= g * dx;
          fy -= g * dy;
          fz -= g * dz;
          energy += delta * delta * k;
          sum_ov += delta;
          overlaps += delta > 0.0;
        }
      if (zi < ri)
        {
          double delta = ri - zi;

          fz += delta * 2 * ri * inv_ref;
          st->energy += delta * delta * ri * inv_ref;
          st->wall_force[0] += delta;
        }
      if (zi > lz - ri)
        {
          double delta = zi + ri - lz;

          fz -= delta * 2 * ri * inv_ref;
          st->energy += delta * delta * ri * inv_ref;
          st->wall_force[1] += delta;
        }
      f[3 * i] += fx;
      f[3 * i + 1] += fy;
      f[3 * i + 2] += fz;
    }
  st->energy += 0.5 * energy;
  st->sum_overlap += sum_ov * inv_ref;
  st->overlaps += overlaps;
}

/* The largest overlap relative to r_i + r_j (to r at a wall), exactly: the
 * kernel only sums overlaps, which saves a division per pair. */
static double
max_relative_overlap (CcRelax *relax)
{
  const CcNlist *nl = &relax->nl;
  const double *pos = relax->s.pos, *rad = relax->s.rad;
  double worst = 0;

  cc_relax_forces (relax);
  for (guint i = 0; i < relax->s.n; i++)
    {
      double zi = pos[3 * i + 2], ri = rad[i];

      for (guint q = nl->start[i]; q < nl->start[i + 1]; q++)
        {
          guint j = CC_NLIST_J (nl->nbr[q]);
          const double *sh = nl->shift[CC_NLIST_CODE (nl->nbr[q])];
          double dx = pos[3 * j] - pos[3 * i] + sh[0];
          double dy = pos[3 * j + 1] - pos[3 * i + 1] + sh[1];
          double dz = pos[3 * j + 2] - zi, sum = ri + rad[j];

          worst = MAX (worst, 1.0 - sqrt (dx * dx + dy * dy + dz * dz) / sum);
        }
      worst = MAX (worst, (ri - zi) / ri);
      worst = MAX (worst, (zi + ri - relax->s.box[2]) / ri);
    }
  return worst;
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
        double   force_tol,
        gboolean freeze,
        double   progress_from,
        double   progress_to)
{
  double expected = MAX (0.2 / rate, 200);
  gboolean frozen = FALSE;
  guint quiet = 0;

  cc_relax_forces (relax);
  for (guint step = 0; step < MAX_STEPS_PER_MIN; step++)
    {
      double m = mean_overlap (relax);
      double g = CLAMP (0.2 * (target - m), -rate, rate);
      double sigma = 2.0 * job->mean_radius * *scale;

      /* once the overlap is near its target the radii stay put and FIRE
       * only has to balance the forces: chasing the target exactly would
       * keep shaking the network */
      if (freeze && fabs (1.0 - m / target) < FREEZE_BAND)
        frozen = TRUE;
      if (frozen)
        g = 0;
      /* a wide size mixture keeps creeping denser at a constant overlap for
       * thousands of steps; past twice the expected length the force
       * balance asked for is relaxed, and again past four times */
      if (step == (guint) (2 * expected) || step == (guint) (4 * expected))
        force_tol *= 2;
      if ((frozen || fabs (1.0 - m / target) < SETTLE_TOLERANCE) &&
          cc_relax_force_rms (relax) < force_tol * target * sigma)
        {
          if (++quiet > 20)
            return MIN_JAMMED;
        }
      else
        quiet = 0;
      if (g != 0)
        {
          /* no cc_relax_touch: the step below counts radius growth in its
           * displacement check before it computes forces */
          *scale *= 1.0 + g;
          for (guint i = 0; i < job->n; i++)
            relax->s.rad[i] = *scale * job->radius[i];
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

/* Pairs that overlap (carry force) or whose gap is within the contact
 * tolerance. Keys (i << 32 | j) with i < j, sorted. The jammed packing's
 * contacts are those at the end of the last compressed stage (the force
 * network just above the threshold) and those touching at the end. */
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

        sum *= 1.0 + CC_PACKING_CONTACT_TOLERANCE;
        if (dx * dx + dy * dy + dz * dz < sum * sum)
          {
            guint64 key = i < j ? ((guint64) i << 32) | j : ((guint64) j << 32) | i;
            g_array_append_val (keys, key);
          }
      }
  g_array_sort (keys, compare_keys);
  return keys;
}

/* Sorted union of two sorted key arrays (consumes both). */
static GArray *
merge_keys (GArray *a,
            GArray *b)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (guint64), a->len + b->len);
  guint i = 0, j = 0;

  while (i < a->len || j < b->len)
    {
      guint64 x = i < a->len ? g_array_index (a, guint64, i) : G_MAXUINT64;
      guint64 y = j < b->len ? g_array_index (b, guint64, j) : G_MAXUINT64;
      guint64 v = MIN (x, y);

      g_array_append_val (out, v);
      i += x == v;
      j += y == v;
    }
  g_array_unref (a);
  g_array_unref (b);
  return out;
}

gboolean
cc_jam_run (CcJam   *job,
            GError **error)
{
  /* Mean overlap per sphere at the end of each stage: a stiff jammed network
   * first, then decompression towards the threshold. */
  static const double targets[] = { 1e-2, 1e-3, 1e-4, 1e-5 };
  static const double progress[] = { 0.0, 0.8, 0.87, 0.94, 1.0 };
  guint n_stages = G_N_ELEMENTS (targets);
  g_autofree double *rad = g_new (double, job->n);
  g_autofree double *inv_mass = NULL;
  GArray *network = NULL;
  double scale, mean = 0, inv_ref;
  CcRelax relax;
  MinResult res = MIN_JAMMED;
  gint64 t_start = g_get_monotonic_time ();

  g_return_val_if_fail (job->rate > 0, FALSE);
  while (n_stages > 2 && targets[n_stages - 1] < job->final_overlap * (1 - 1e-9))
    n_stages--;

  for (guint i = 0; i < job->n; i++)
    mean += job->radius[i];
  job->mean_radius = mean / MAX (job->n, 1);
  scale = cbrt (job->phi_start / cc_jam_phi (job, 1.0));
  for (guint i = 0; i < job->n; i++)
    rad[i] = scale * job->radius[i];
  cc_relax_init (&relax, job->n, job->pos, rad, job->box,
                 0.4 * job->mean_radius * scale, job->pool);
  /* stiffness (r_i + r_j) / d_ref, masses r_i / r_mean (see harmonic_kernel) */
  inv_ref = 1.0 / (2.0 * job->mean_radius * scale);
  inv_mass = g_new (double, job->n);
  for (guint i = 0; i < job->n; i++)
    inv_mass[i] = job->mean_radius / job->radius[i];
  relax.inv_mass = inv_mass;
  cc_relax_set_kernel (&relax, harmonic_kernel, &inv_ref);
  cc_relax_restart (&relax, 0.05, 0.45);
  job->steps = job->minimisations = 0;

  for (guint k = 0; k < n_stages && res != MIN_CANCELLED; k++)
    {
      /* the first stage sets the structure (its rate is the protocol's
       * quench rate); later ones only shave the overlaps off it */
      res = settle (&relax, job, &scale, targets[k], k == 0 ? job->rate : MAX (job->rate, 1e-3),
                    k == 0 ? SETTLE_TOLERANCE : k == n_stages - 1 ? FINAL_TOLERANCE : REFINE_TOLERANCE,
                    k == n_stages - 1,
                    progress[k] / progress[n_stages], progress[k + 1] / progress[n_stages]);
      job->minimisations++;
      if (k == n_stages - 2)
        network = force_network (&relax);
      if (k == 0)
        {
          /* the structure is set: spheres now move little, and a thinner
           * skin lists about a third fewer pairs */
          relax.skin = 0.1 * job->mean_radius * scale;
          cc_relax_invalidate (&relax);
        }
      if (g_getenv ("CC_PACKING_DEBUG"))
        g_printerr ("jam: target %.0e phi %.5f steps %u max overlap %.2e list builds %u (%.2f s) pairs %u, %.2f s\n",
                    targets[k], cc_jam_phi (job, scale), job->steps, max_relative_overlap (&relax),
                    relax.nl.total_builds, relax.nl.build_seconds, relax.nl.start[job->n],
                    (g_get_monotonic_time () - t_start) / 1e6);
    }
  if (res == MIN_CANCELLED)
    {
      if (network)
        g_array_unref (network);
      cc_relax_clear (&relax);
      g_set_error_literal (error, CC_PACKING_ERROR, CC_PACKING_ERROR_CANCELLED, "packing cancelled");
      return FALSE;
    }

  /* The force network of the jammed state, then a shrink by the largest
   * remaining overlap: strictly overlap-free. */
  job->max_overlap = max_relative_overlap (&relax);
  job->contacts = merge_keys (network, force_network (&relax));
  job->scale = scale * (1 - job->max_overlap) * (1 - 1e-12);
  set_scale (&relax, job, job->scale);
  job->max_overlap = max_relative_overlap (&relax);
  job->phi = cc_jam_phi (job, job->scale);
  cc_relax_clear (&relax);
  return TRUE;
}
