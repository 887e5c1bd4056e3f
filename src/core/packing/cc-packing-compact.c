/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-packing-compact.h"
#include "cc-packing-relax.h"

#include <math.h>
#include <string.h>

/* Force balance is reached when the rms net force per sphere is this small
 * against the force the pressure puts on a sphere of mean cross-section,
 * both walls carry the pressure within PRESSURE_TOLERANCE and no plastic
 * sphere's radius changes by more than VOLUME_TOLERANCE. */
#define BALANCE_TOLERANCE   5e-3
#define PRESSURE_TOLERANCE  0.01
#define VOLUME_TOLERANCE    1e-3
#define MAX_STEPS           200000
#define UPDATE_EVERY        25
#define MAX_PISTON_STRAIN   2e-3
#define MAX_GROWTH          1.5
#define RADIUS_RELAXATION   0.5

typedef struct {
  const CcContactLaw *law;
  const guint16      *species;
} Kernel;

static void
contact_kernel (CcRelax      *relax,
                guint         begin,
                guint         end,
                double       *f,
                CcRelaxStats *st,
                gpointer      data)
{
  const Kernel *k = data;
  const CcNlist *nl = &relax->nl;
  const double *pos = relax->s.pos, *rad = relax->s.rad;
  const double lz = relax->s.box[2];
  const guint ns = k->law->n_species;

  for (guint i = begin; i < end; i++)
    {
      const double xi = pos[3 * i], yi = pos[3 * i + 1], zi = pos[3 * i + 2], ri = rad[i];
      const CcPairLaw *row = &k->law->pair[k->species[i] * ns];
      double fx = 0, fy = 0, fz = 0;

      for (guint q = nl->start[i]; q < nl->start[i + 1]; q++)
        {
          guint32 packed = nl->nbr[q];
          guint j = CC_NLIST_J (packed);
          const double *sh = nl->shift[CC_NLIST_CODE (packed)];
          double dx = pos[3 * j] - xi + sh[0];
          double dy = pos[3 * j + 1] - yi + sh[1];
          double dz = pos[3 * j + 2] - zi;
          double rj = rad[j], sum = ri + rj, d2 = dx * dx + dy * dy + dz * dz, d, delta, g;

          if (d2 >= sum * sum)
            continue;
          d = sqrt (d2);
          delta = sum - d;
          g = cc_contact_force (&row[k->species[j]], ri * rj / sum, delta, NULL, NULL, NULL) / MAX (d, 1e-12 * sum);
          f[3 * j] += g * dx;
          f[3 * j + 1] += g * dy;
          f[3 * j + 2] += g * dz;
          fx -= g * dx;
          fy -= g * dy;
          fz -= g * dz;
          st->max_overlap = MAX (st->max_overlap, delta / sum);
          st->sum_overlap += delta / sum;
          st->overlaps++;
        }
      if (zi < ri)
        {
          double fw = cc_contact_force (&k->law->wall[k->species[i]], ri, ri - zi, NULL, NULL, NULL);

          fz += fw;
          st->wall_force[0] += fw;
        }
      if (zi > lz - ri)
        {
          double fw = cc_contact_force (&k->law->wall[k->species[i]], ri, zi + ri - lz, NULL, NULL, NULL);

          fz -= fw;
          st->wall_force[1] += fw;
        }
      f[3 * i] += fx;
      f[3 * i + 1] += fy;
      f[3 * i + 2] += fz;
    }
}

/* Masses proportional to each sphere's contact stiffness (a Jacobi
 * preconditioner for FIRE): soft sulfide contacts and stiff oxide contacts
 * then relax on the same time scale. The floor is the stiffness of a Hertz
 * contact of radius r/20, so a sphere without contacts still moves. The
 * piston's mass is the column's stiffness against an affine squeeze. */
static void
update_masses (CcRelax      *relax,
               const Kernel *k,
               double       *kk)
{
  const CcNlist *nl = &relax->nl;
  const double *pos = relax->s.pos, *rad = relax->s.rad;
  const guint ns = k->law->n_species;
  guint n = relax->s.n;
  double k_piston = 0, floor_piston = 0, h = relax->s.box[2];

  memset (kk, 0, n * sizeof (double));
  for (guint i = 0; i < n; i++)
    {
      const CcPairLaw *row = &k->law->pair[k->species[i] * ns];
      double ri = rad[i], zi = pos[3 * i + 2], s;

      for (guint q = nl->start[i]; q < nl->start[i + 1]; q++)
        {
          guint32 packed = nl->nbr[q];
          guint j = CC_NLIST_J (packed);
          const double *sh = nl->shift[CC_NLIST_CODE (packed)];
          double dx = pos[3 * j] - pos[3 * i] + sh[0];
          double dy = pos[3 * j + 1] - pos[3 * i + 1] + sh[1];
          double dz = pos[3 * j + 2] - zi;
          double sum = ri + rad[j], d = sqrt (dx * dx + dy * dy + dz * dz);

          if (d < sum)
            {
              cc_contact_force (&row[k->species[j]], ri * rad[j] / sum, sum - d, NULL, &s, NULL);
              kk[i] += s;
              kk[j] += s;
              k_piston += s * dz * dz;
            }
        }
      if (zi < ri)
        {
          cc_contact_force (&k->law->wall[k->species[i]], ri, ri - zi, NULL, &s, NULL);
          kk[i] += s;
        }
      if (zi > relax->s.box[2] - ri)
        {
          cc_contact_force (&k->law->wall[k->species[i]], ri, zi + ri - relax->s.box[2], NULL, &s, NULL);
          kk[i] += s;
        }
    }
  for (guint i = 0; i < n; i++)
    {
      double floor_k = 2.0 * k->law->wall[k->species[i]].e_star * 0.05 * rad[i];

      relax->inv_mass[i] = 1.0 / (kk[i] + floor_k);
      floor_piston += floor_k * rad[i] * rad[i];
    }
  /* the piston's stiffness under affine scaling: Σ k (Δz / Lz)² */
  relax->piston_inv_mass = h * h / (k_piston + floor_piston);
}

/* Arzt's volume conservation: a plastic sphere grows by the lens volumes it
 * has given up to its neighbours and walls. Returns the volume-weighted mean
 * relative radius change still to come. A sphere is allowed to grow by at
 * most MAX_GROWTH: beyond that its pore is full and the sphere picture no
 * longer holds (the material would extrude into the next pore). */
static double
conserve_volume (CcRelax      *relax,
                 const Kernel *k,
                 const double *rad0,
                 double       *lost)
{
  const CcNlist *nl = &relax->nl;
  const double *pos = relax->s.pos;
  double *rad = relax->s.rad;
  const guint ns = k->law->n_species;
  guint n = relax->s.n;
  double change = 0, v_plastic = 0;

  memset (lost, 0, n * sizeof (double));
  for (guint i = 0; i < n; i++)
    {
      const CcPairLaw *row = &k->law->pair[k->species[i] * ns];
      double ri = rad[i], zi = pos[3 * i + 2];

      for (guint q = nl->start[i]; q < nl->start[i + 1]; q++)
        {
          guint32 packed = nl->nbr[q];
          guint j = CC_NLIST_J (packed);
          const CcPairLaw *l = &row[k->species[j]];
          const double *sh = nl->shift[CC_NLIST_CODE (packed)];
          double dx = pos[3 * j] - pos[3 * i] + sh[0];
          double dy = pos[3 * j + 1] - pos[3 * i + 1] + sh[1];
          double dz = pos[3 * j + 2] - zi;
          double d = sqrt (dx * dx + dy * dy + dz * dz), lens;

          if (d >= ri + rad[j] || (l->flow_i == 0 && k->law->pair[k->species[j] * ns + k->species[i]].flow_i == 0))
            continue;
          lens = cc_lens_volume (ri, rad[j], d);
          lost[i] += l->flow_i * lens;
          lost[j] += k->law->pair[k->species[j] * ns + k->species[i]].flow_i * lens;
        }
      if (k->law->wall[k->species[i]].flow_i > 0)
        {
          if (zi < ri)
            lost[i] += cc_cap_volume (ri, ri - zi);
          if (zi > relax->s.box[2] - ri)
            lost[i] += cc_cap_volume (ri, zi + ri - relax->s.box[2]);
        }
    }
  for (guint i = 0; i < n; i++)
    {
      double v0 = 4.0 / 3.0 * G_PI * rad0[i] * rad0[i] * rad0[i], target;

      if (lost[i] <= 0 && rad[i] == rad0[i])
        continue;
      target = MIN (rad0[i] * cbrt (1.0 + lost[i] / v0), MAX_GROWTH * rad0[i]);
      change += v0 * fabs (target - rad[i]) / rad[i];
      v_plastic += v0;
      /* under-relaxed: a sphere squeezed from all sides gains lens volume
       * almost as fast as it grows, and a full step would oscillate */
      rad[i] += RADIUS_RELAXATION * (target - rad[i]);
    }
  change = v_plastic > 0 ? change / v_plastic : 0.0;
  cc_relax_touch (relax);
  return change;
}

typedef enum {
  PRESS_DONE,
  PRESS_STALLED,
  PRESS_CANCELLED,
} PressResult;

static double
residual (CcRelax *r,
          double   pressure,
          double   mean_r2)
{
  return cc_relax_force_rms (r) / (pressure * G_PI * mean_r2);
}

gboolean
cc_compact_run (CcCompact  *job,
                GError    **error)
{
  CcRelax r;
  Kernel kernel = { job->law, job->species };
  g_autofree double *kk = g_new (double, job->n);
  g_autofree double *lost = g_new (double, job->n);
  g_autofree double *inv_mass = g_new (double, job->n);
  double mean_r = 0, mean_r2 = 0, area = job->box[0] * job->box[1], change = 1;
  double top = 0, bottom = 0, res = 1;
  PressResult result = PRESS_STALLED;
  gint64 t_start = g_get_monotonic_time ();

  g_return_val_if_fail (job->pressure_MPa > 0, FALSE);

  for (guint i = 0; i < job->n; i++)
    {
      mean_r += job->rad[i];
      mean_r2 += job->rad[i] * job->rad[i];
    }
  mean_r /= job->n;
  mean_r2 /= job->n;
  cc_relax_init (&r, job->n, job->pos, job->rad, job->box, 1.0 * mean_r, job->pool);
  r.inv_mass = inv_mass;
  r.piston = TRUE;
  r.piston_load = job->pressure_MPa * area;
  r.piston_max_strain = MAX_PISTON_STRAIN;
  cc_relax_set_kernel (&r, contact_kernel, &kernel);
  for (guint i = 0; i < job->n; i++)
    inv_mass[i] = 1.0;
  cc_relax_restart (&r, 0.1, 0.5);
  cc_relax_forces (&r);
  update_masses (&r, &kernel, kk);
  /* again, so FIRE's sums see the masses */
  cc_relax_forces (&r);
  job->steps = 0;

  for (guint step = 1; step <= MAX_STEPS; step++)
    {
      cc_relax_step (&r);
      job->steps++;
      if (step % UPDATE_EVERY != 0)
        continue;
      bottom = r.stats.wall_force[0] / area;
      top = r.stats.wall_force[1] / area;
      res = residual (&r, job->pressure_MPa, mean_r2);
      if (res < BALANCE_TOLERANCE && change < VOLUME_TOLERANCE &&
          fabs (top / job->pressure_MPa - 1) < PRESSURE_TOLERANCE &&
          fabs (bottom / job->pressure_MPa - 1) < PRESSURE_TOLERANCE)
        {
          result = PRESS_DONE;
          break;
        }
      change = conserve_volume (&r, &kernel, job->rad0, lost);
      update_masses (&r, &kernel, kk);
      if (g_cancellable_is_cancelled (job->cancellable))
        {
          result = PRESS_CANCELLED;
          break;
        }
      if (job->report && step % (4 * UPDATE_EVERY) == 0)
        job->report (job->report_data, MIN (1.0, log1p (MAX (top, 0)) / log1p (job->pressure_MPa)),
                     r.s.pos, r.s.rad, r.s.box);
      if (step % 100 == 0 && g_getenv ("CC_PACKING_DEBUG"))
        g_printerr ("compact: step %u H %.4f top %.2f bottom %.2f MPa residual %.2e volume change %.1e dt %.3f\n",
                    step, r.s.box[2], top, bottom, res, change, r.dt);
    }
  if (g_getenv ("CC_PACKING_DEBUG"))
    g_printerr ("compact: %u steps, %u list builds (%.2f s), %u pairs, skin %.3f, %.2f s\n", job->steps,
                r.nl.total_builds, r.nl.build_seconds, r.nl.start[job->n], r.skin,
                (g_get_monotonic_time () - t_start) / 1e6);
  job->pressure_reached_MPa = 0.5 * (top + bottom);
  job->box[2] = r.s.box[2];
  r.inv_mass = NULL;
  cc_relax_clear (&r);
  if (result == PRESS_CANCELLED)
    {
      g_set_error_literal (error, CC_PACKING_ERROR, CC_PACKING_ERROR_CANCELLED, "packing cancelled");
      return FALSE;
    }
  if (result != PRESS_DONE)
    {
      g_set_error (error, CC_PACKING_ERROR, CC_PACKING_ERROR_FAILED,
                   "compaction: no force balance at %.0f MPa after %u steps (walls at %.0f and %.0f MPa, "
                   "residual %.1e)", job->pressure_MPa, job->steps, bottom, top, res);
      return FALSE;
    }
  return TRUE;
}
