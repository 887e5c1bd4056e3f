/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-packing-relax.h"

#include <math.h>
#include <string.h>

/* FIRE 2.0 parameters (Guénolé et al. 2020, table 1). */
#define FIRE_N_DELAY     20
#define FIRE_F_INC       1.1
#define FIRE_F_DEC       0.5
#define FIRE_ALPHA_START 0.25
#define FIRE_F_ALPHA     0.99

void
cc_relax_init (CcRelax      *self,
               guint         n,
               double       *pos,
               double       *rad,
               const double  box[3],
               double        skin,
               CcPool       *pool)
{
  memset (self, 0, sizeof *self);
  self->s.n = n;
  self->s.pos = pos;
  self->s.rad = rad;
  memcpy (self->s.box, box, sizeof self->s.box);
  cc_nlist_init (&self->nl);
  self->pool = pool;
  self->n_threads = pool ? cc_pool_get_n (pool) : 1;
  self->skin = skin;
  self->vel = g_new0 (double, 3 * (gsize) n);
  self->force = g_new0 (double, 3 * (gsize) n);
  self->tforce = g_new0 (double *, self->n_threads);
  self->tforce[0] = self->force;
  for (guint t = 1; t < self->n_threads; t++)
    self->tforce[t] = g_new0 (double, 3 * (gsize) n);
  self->tlo = g_new0 (guint, self->n_threads);
  self->thi = g_new0 (guint, self->n_threads);
  self->split = g_new0 (guint, self->n_threads + 1);
  self->tstats = g_new0 (CcRelaxStats, self->n_threads);
  self->tsums = g_new0 (double, 5 * self->n_threads);
  self->tdisp = g_new0 (double, 2 * self->n_threads);
  cc_relax_restart (self, 0.05, 0.2);
}

void
cc_relax_clear (CcRelax *self)
{
  cc_nlist_clear (&self->nl);
  g_free (self->vel);
  g_free (self->force);
  for (guint t = 1; t < self->n_threads; t++)
    g_free (self->tforce[t]);
  g_free (self->tforce);
  g_free (self->tlo);
  g_free (self->thi);
  g_free (self->split);
  g_free (self->tstats);
  g_free (self->tsums);
  g_free (self->tdisp);
  memset (self, 0, sizeof *self);
}

void
cc_relax_set_kernel (CcRelax      *self,
                     CcPairKernel  kernel,
                     gpointer      data)
{
  self->kernel = kernel;
  self->kernel_data = data;
}

void
cc_relax_restart (CcRelax *self,
                  double   dt_init,
                  double   dt_max)
{
  memset (self->vel, 0, 3 * (gsize) self->s.n * sizeof (double));
  self->piston_vel = 0;
  self->dt = dt_init;
  self->dt_max = dt_max;
  self->dt_min = 0.02 * dt_init;
  self->alpha = FIRE_ALPHA_START;
  self->n_positive = 0;
}

void
cc_relax_invalidate (CcRelax *self)
{
  self->nl.builds = 0;
}

void
cc_relax_touch (CcRelax *self)
{
  self->touched = TRUE;
}

/* Splits the spheres so every thread owns about the same number of pairs,
 * and records which part of its buffer each thread writes. */
static void
balance (CcRelax *self)
{
  const CcNlist *nl = &self->nl;
  guint n = self->s.n, T = self->n_threads;
  gsize total = nl->start[n];

  self->split[0] = 0;
  for (guint t = 1, i = 0; t < T; t++)
    {
      gsize target = total * t / T;

      while (i < n && nl->start[i] < target)
        i++;
      self->split[t] = i;
    }
  self->split[T] = n;
  for (guint t = 0; t < T; t++)
    {
      guint lo = self->split[t], hi = self->split[t + 1];

      for (gsize q = nl->start[self->split[t]]; q < nl->start[self->split[t + 1]]; q++)
        {
          guint j = CC_NLIST_J (nl->nbr[q]);

          lo = MIN (lo, j);
          hi = MAX (hi, j + 1);
        }
      self->tlo[t] = lo;
      self->thi[t] = hi;
    }
}

static void
rebuild (CcRelax *self)
{
  cc_spheres_wrap (&self->s);
  cc_nlist_build (&self->nl, &self->s, self->skin, self->pool);
  balance (self);
}

static void
force_job (gpointer data,
           guint    t,
           guint    n_threads)
{
  CcRelax *self = data;
  double *f = self->tforce[t];
  CcRelaxStats *st = &self->tstats[t];

  memset (st, 0, sizeof *st);
  memset (f + 3 * (gsize) self->tlo[t], 0,
          3 * (gsize) (self->thi[t] - self->tlo[t]) * sizeof (double));
  self->kernel (self, self->split[t], self->split[t + 1], f, st, self->kernel_data);
}

/* Sums the thread buffers into the total force and, in the same pass, the
 * sums FIRE needs: f·v, m v·v, f·f/m, f·f, and Σ f_z z for the piston. */
static void
reduce_job (gpointer data,
            guint    t,
            guint    n_threads)
{
  CcRelax *self = data;
  double *sums = &self->tsums[5 * t];
  double p = 0, mvv = 0, ffm = 0, ff = 0, fzz = 0;
  guint begin, end;

  cc_pool_split (self->s.n, t, n_threads, &begin, &end);
  for (guint i = begin; i < end; i++)
    {
      double im = self->inv_mass ? self->inv_mass[i] : 1.0;

      for (guint k = 0; k < 3; k++)
        {
          gsize q = 3 * (gsize) i + k;
          double f = (i >= self->tlo[0] && i < self->thi[0]) ? self->force[q] : 0.0;
          double v = self->vel[q];

          for (guint u = 1; u < n_threads; u++)
            if (i >= self->tlo[u] && i < self->thi[u])
              f += self->tforce[u][q];
          self->force[q] = f;
          p += f * v;
          mvv += v * v / im;
          ffm += f * f * im;
          ff += f * f;
        }
      fzz += self->force[3 * (gsize) i + 2] * self->s.pos[3 * (gsize) i + 2];
    }
  sums[0] = p;
  sums[1] = mvv;
  sums[2] = ffm;
  sums[3] = ff;
  sums[4] = fzz;
}

void
cc_relax_forces (CcRelax *self)
{
  CcRelaxStats *st = &self->stats;

  if (self->nl.builds == 0 || (self->touched && cc_nlist_stale (&self->nl, &self->s)))
    rebuild (self);
  self->touched = FALSE;
  if (self->pool)
    {
      cc_pool_run (self->pool, force_job, self);
      cc_pool_run (self->pool, reduce_job, self);
    }
  else
    {
      force_job (self, 0, 1);
      reduce_job (self, 0, 1);
    }
  memset (st, 0, sizeof *st);
  memset (self->power_sums, 0, sizeof self->power_sums);
  for (guint t = 0; t < self->n_threads; t++)
    {
      const CcRelaxStats *ts = &self->tstats[t];

      st->energy += ts->energy;
      st->max_overlap = MAX (st->max_overlap, ts->max_overlap);
      st->sum_overlap += ts->sum_overlap;
      st->overlaps += ts->overlaps;
      st->wall_force[0] += ts->wall_force[0];
      st->wall_force[1] += ts->wall_force[1];
      for (guint k = 0; k < 5; k++)
        self->power_sums[k] += self->tsums[5 * t + k];
    }
  if (self->piston)
    {
      /* -dG/dLz of G = U + load Lz with heights scaled by Lz: Σ f_z z / Lz
       * plus the spheres' push on the piston, minus the load */
      double f = self->power_sums[4] / self->s.box[2] + st->wall_force[1] - self->piston_load;
      double v = self->piston_vel, im = self->piston_inv_mass;

      self->piston_force = f;
      self->power_sums[0] += f * v;
      self->power_sums[1] += v * v / im;
      self->power_sums[2] += f * f * im;
    }
}

typedef struct {
  CcRelax  *self;
  gboolean  reset;
  double    dt;
  double    c_v;      /* v <- c_v v + c_f f/m after the Euler update */
  double    c_f;
  double    z_scale;  /* affine rescaling of heights by the piston */
} UpdateJob;

static void
update_job (gpointer data,
            guint    t,
            guint    n_threads)
{
  UpdateJob *job = data;
  CcRelax *self = job->self;
  const double *ref = self->nl.ref_pos, *ref_r = self->nl.ref_rad;
  double first = 0, second = 0, dt = job->dt;
  /* displacements are measured in heights scaled to the box at the build:
   * the piston's affine squeeze moves spheres far but neighbours together,
   * which cc_nlist_stale_after accounts for separately */
  double unscale = self->nl.ref_box[2] / (self->s.box[2]);
  guint begin, end;

  cc_pool_split (self->s.n, t, n_threads, &begin, &end);
  for (guint i = begin; i < end; i++)
    {
      double im = self->inv_mass ? self->inv_mass[i] : 1.0;
      double *x = &self->s.pos[3 * i], *v = &self->vel[3 * i];
      const double *f = &self->force[3 * i];
      double d2 = 0, m;

      x[2] *= job->z_scale;
      for (guint k = 0; k < 3; k++)
        {
          double dx;

          if (job->reset)
            {
              x[k] -= 0.5 * dt * v[k];
              v[k] = 0.0;
            }
          v[k] += dt * f[k] * im;
          v[k] = job->c_v * v[k] + job->c_f * f[k] * im;
          x[k] += dt * v[k];
          dx = (k == 2 ? x[k] * unscale : x[k]) - ref[3 * i + k];
          d2 += dx * dx;
        }
      m = sqrt (d2) + MAX (self->s.rad[i] - ref_r[i], 0.0);
      if (m > first)
        {
          second = first;
          first = m;
        }
      else if (m > second)
        second = m;
    }
  self->tdisp[2 * t] = first;
  self->tdisp[2 * t + 1] = second;
}

/* The piston's own FIRE update, with its move capped per step. */
static void
move_piston (CcRelax   *self,
             UpdateJob *job)
{
  double v = self->piston_vel, f = self->piston_force, im = self->piston_inv_mass;
  double lz = self->s.box[2], dz;

  if (job->reset)
    {
      lz -= 0.5 * job->dt * v;
      v = 0;
    }
  v += job->dt * f * im;
  v = job->c_v * v + job->c_f * f * im;
  dz = CLAMP (job->dt * v, -self->piston_max_strain * lz, self->piston_max_strain * lz);
  self->piston_vel = dz / job->dt;
  self->s.box[2] = lz + dz;
}

void
cc_relax_step (CcRelax *self)
{
  double p = self->power_sums[0], mvv = self->power_sums[1], ffm = self->power_sums[2];
  double vf = p;
  UpdateJob job = { self, FALSE, 0, 1, 0, 1.0 };
  double vnorm;

  if (p > 0)
    {
      self->n_positive++;
      if (self->n_positive > FIRE_N_DELAY)
        {
          self->dt = MIN (self->dt * FIRE_F_INC, self->dt_max);
          self->alpha *= FIRE_F_ALPHA;
        }
    }
  else
    {
      self->n_positive = 0;
      if (self->steps >= FIRE_N_DELAY)
        self->dt = MAX (self->dt * FIRE_F_DEC, self->dt_min);
      self->alpha = FIRE_ALPHA_START;
      job.reset = TRUE;
      mvv = vf = 0;
    }
  job.dt = self->dt;
  /* |v + dt M⁻¹f|_M² = m v·v + 2 dt f·v + dt² f·f/m */
  vnorm = sqrt (MAX (mvv + 2 * self->dt * vf + self->dt * self->dt * ffm, 0.0));
  job.c_v = 1.0 - self->alpha;
  job.c_f = ffm > 0 ? self->alpha * vnorm / sqrt (ffm) : 0.0;
  if (self->piston)
    {
      double lz = self->s.box[2];

      move_piston (self, &job);
      job.z_scale = self->s.box[2] / lz;
    }
  if (self->pool)
    cc_pool_run (self->pool, update_job, &job);
  else
    update_job (&job, 0, 1);
  self->steps++;

  {
    double first = 0, second = 0;

    for (guint t = 0; t < self->n_threads; t++)
      for (guint k = 0; k < 2; k++)
        {
          double m = self->tdisp[2 * t + k];

          if (m > first)
            {
              second = first;
              first = m;
            }
          else if (m > second)
            second = m;
        }
    if (cc_nlist_stale_after (&self->nl, &self->s, first, second))
      cc_relax_invalidate (self);
  }
  cc_relax_forces (self);
}

double
cc_relax_force_rms (CcRelax *self)
{
  return sqrt (self->power_sums[3] / MAX (self->s.n, 1));
}
