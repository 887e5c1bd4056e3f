/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-packing-nlist.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void
cc_nlist_init (CcNlist *self)
{
  memset (self, 0, sizeof *self);
}

void
cc_nlist_clear (CcNlist *self)
{
  g_free (self->start);
  g_free (self->nbr);
  g_free (self->ref_pos);
  g_free (self->ref_rad);
  g_free (self->cell_of);
  g_free (self->cell_start);
  g_free (self->cell_items);
  for (guint t = 0; t < self->n_tbuf; t++)
    g_free (self->tbuf[t]);
  g_free (self->tbuf);
  g_free (self->tbuf_len);
  g_free (self->tbuf_cap);
  cc_nlist_init (self);
}

void
cc_spheres_wrap (CcSpheres *s)
{
  for (guint i = 0; i < s->n; i++)
    for (guint k = 0; k < 2; k++)
      {
        double *x = &s->pos[3 * i + k];

        if (*x < 0.0 || *x >= s->box[k])
          {
            *x -= s->box[k] * floor (*x / s->box[k]);
            if (*x >= s->box[k])   /* -1e-17 + L rounds to L */
              *x = 0.0;
          }
      }
}

/* The cell grid: counting sort of the spheres into cubes of side >= cell. */
typedef struct {
  guint  n[3];
  double size[3];
} Grid;

static guint
grid_coord (const Grid *g,
            double      x,
            guint       k)
{
  long c = (long) (x / g->size[k]);

  return (guint) CLAMP (c, 0, (long) g->n[k] - 1);
}

static void
grid_setup (Grid            *g,
            const CcSpheres *s,
            double           cell)
{
  /* Never more cells than about 4 per sphere: an empty cell still costs a visit. */
  double volume = s->box[0] * s->box[1] * s->box[2];
  double min_cell = cbrt (volume / (4.0 * s->n + 64));

  cell = MAX (cell, min_cell);
  for (guint k = 0; k < 3; k++)
    {
      g->n[k] = MAX (1, (guint) floor (s->box[k] / cell));
      g->size[k] = s->box[k] / g->n[k];
    }
}

static void
grid_fill (CcNlist         *self,
           const Grid      *g,
           const CcSpheres *s)
{
  gsize n_cells = (gsize) g->n[0] * g->n[1] * g->n[2];

  if (n_cells + 1 > self->n_cells_alloc)
    {
      self->n_cells_alloc = n_cells + 1;
      self->cell_start = g_renew (guint, self->cell_start, self->n_cells_alloc);
    }
  memset (self->cell_start, 0, (n_cells + 1) * sizeof (guint));
  for (guint i = 0; i < s->n; i++)
    {
      const double *p = &s->pos[3 * i];
      guint c = (grid_coord (g, p[2], 2) * g->n[1] + grid_coord (g, p[1], 1)) * g->n[0] +
                grid_coord (g, p[0], 0);

      self->cell_of[i] = c;
      self->cell_start[c + 1]++;
    }
  for (gsize c = 0; c < n_cells; c++)
    self->cell_start[c + 1] += self->cell_start[c];
  {
    g_autofree guint *fill = g_memdup2 (self->cell_start, n_cells * sizeof (guint));

    for (guint i = 0; i < s->n; i++)
      self->cell_items[fill[self->cell_of[i]]++] = i;
  }
}

typedef struct {
  CcNlist         *self;
  const CcSpheres *s;
  const Grid      *g;
  double           skin;
} BuildJob;

static inline void
push (CcNlist *self,
      guint    t,
      guint32  packed)
{
  if (self->tbuf_len[t] == self->tbuf_cap[t])
    {
      self->tbuf_cap[t] = MAX (1024, self->tbuf_cap[t] * 2);
      self->tbuf[t] = g_renew (guint32, self->tbuf[t], self->tbuf_cap[t]);
    }
  self->tbuf[t][self->tbuf_len[t]++] = packed;
}

/* The cells of one axis that a search of half-width k around cell c visits;
 * a periodic axis that the stencil would wrap onto itself is visited once. */
static guint
axis_cells (const Grid *g,
            guint       axis,
            guint       c,
            guint       k,
            guint      *out)
{
  guint n = g->n[axis];
  guint m = 0;

  if (axis < 2)
    {
      if (2 * k + 1 >= n)
        {
          for (guint i = 0; i < n; i++)
            out[m++] = i;
          return m;
        }
      for (int d = -(int) k; d <= (int) k; d++)
        out[m++] = (guint) (((int) c + d + (int) n) % (int) n);
      return m;
    }
  for (int d = -(int) k; d <= (int) k; d++)
    {
      int cc = (int) c + d;

      if (cc >= 0 && cc < (int) n)
        out[m++] = (guint) cc;
    }
  return m;
}

static void
build_range (gpointer data,
             guint    t,
             guint    n_threads)
{
  BuildJob *job = data;
  CcNlist *self = job->self;
  const CcSpheres *s = job->s;
  const Grid *g = job->g;
  const double lx = s->box[0], ly = s->box[1];
  g_autofree guint *ax = NULL, *ay = NULL, *az = NULL;
  guint begin, end, cap;

  cap = MAX (MAX (g->n[0], g->n[1]), g->n[2]) + 1;
  ax = g_new (guint, cap);
  ay = g_new (guint, cap);
  az = g_new (guint, cap);
  self->tbuf_len[t] = 0;
  cc_pool_split (s->n, t, n_threads, &begin, &end);
  for (guint i = begin; i < end; i++)
    {
      const double *pi = &s->pos[3 * i];
      double ri = s->rad[i];
      double reach = 2.0 * ri + job->skin;
      guint nx, ny, nz, count0 = (guint) self->tbuf_len[t];

      nx = axis_cells (g, 0, grid_coord (g, pi[0], 0), (guint) ceil (reach / g->size[0]), ax);
      ny = axis_cells (g, 1, grid_coord (g, pi[1], 1), (guint) ceil (reach / g->size[1]), ay);
      nz = axis_cells (g, 2, grid_coord (g, pi[2], 2), (guint) ceil (reach / g->size[2]), az);
      for (guint a = 0; a < nz; a++)
        for (guint b = 0; b < ny; b++)
          for (guint c = 0; c < nx; c++)
            {
              guint cell = (az[a] * g->n[1] + ay[b]) * g->n[0] + ax[c];

              for (guint q = self->cell_start[cell]; q < self->cell_start[cell + 1]; q++)
                {
                  guint j = self->cell_items[q];
                  const double *pj = &s->pos[3 * j];
                  double rj = s->rad[j], dx, dy, dz, cut;
                  int sx = 0, sy = 0;

                  if (rj > ri || (rj == ri && j <= i))
                    continue;
                  dx = pj[0] - pi[0];
                  dy = pj[1] - pi[1];
                  dz = pj[2] - pi[2];
                  if (dx > 0.5 * lx) { dx -= lx; sx = -1; }
                  else if (dx < -0.5 * lx) { dx += lx; sx = 1; }
                  if (dy > 0.5 * ly) { dy -= ly; sy = -1; }
                  else if (dy < -0.5 * ly) { dy += ly; sy = 1; }
                  cut = ri + rj + job->skin;
                  if (dx * dx + dy * dy + dz * dz < cut * cut)
                    push (self, t, (j << 4) | (guint32) ((sx + 1) * 3 + (sy + 1)));
                }
            }
      /* start[i + 1] holds the count for now; offsets are summed after the join. */
      self->start[i + 1] = (guint) self->tbuf_len[t] - count0;
    }
}

void
cc_nlist_build (CcNlist         *self,
                const CcSpheres *s,
                double           skin,
                CcPool          *pool)
{
  guint n_threads = pool ? cc_pool_get_n (pool) : 1;
  BuildJob job = { self, s, NULL, skin };
  double mean_r = 0.0;
  Grid g;
  gsize total = 0;

  g_assert (s->n < CC_NLIST_MAX_N);
  if (self->n != s->n)
    {
      self->n = s->n;
      self->start = g_renew (guint, self->start, s->n + 1);
      self->ref_pos = g_renew (double, self->ref_pos, 3 * (gsize) s->n);
      self->ref_rad = g_renew (double, self->ref_rad, s->n);
      self->cell_of = g_renew (guint, self->cell_of, s->n);
      self->cell_items = g_renew (guint, self->cell_items, s->n);
    }
  if (self->n_tbuf < n_threads)
    {
      self->tbuf = g_renew (guint32 *, self->tbuf, n_threads);
      self->tbuf_len = g_renew (gsize, self->tbuf_len, n_threads);
      self->tbuf_cap = g_renew (gsize, self->tbuf_cap, n_threads);
      for (guint t = self->n_tbuf; t < n_threads; t++)
        {
          self->tbuf[t] = NULL;
          self->tbuf_len[t] = self->tbuf_cap[t] = 0;
        }
      self->n_tbuf = n_threads;
    }
  self->skin = skin;
  for (guint k = 0; k < 3; k++)
    self->ref_box[k] = s->box[k];
  for (int a = -1; a <= 1; a++)
    for (int b = -1; b <= 1; b++)
      {
        self->shift[(a + 1) * 3 + (b + 1)][0] = a * s->box[0];
        self->shift[(a + 1) * 3 + (b + 1)][1] = b * s->box[1];
      }
  for (guint i = 0; i < s->n; i++)
    mean_r += s->rad[i];
  mean_r /= MAX (s->n, 1);
  grid_setup (&g, s, 2.0 * mean_r + skin);
  grid_fill (self, &g, s);
  job.g = &g;
  if (pool)
    cc_pool_run (pool, build_range, &job);
  else
    build_range (&job, 0, 1);

  self->start[0] = 0;
  for (guint i = 0; i < s->n; i++)
    self->start[i + 1] += self->start[i];
  for (guint t = 0; t < n_threads; t++)
    total += self->tbuf_len[t];
  if (total > self->capacity)
    {
      self->capacity = total + total / 4 + 16;
      self->nbr = g_renew (guint32, self->nbr, self->capacity);
    }
  {
    gsize off = 0;

    for (guint t = 0; t < n_threads; t++)
      {
        memcpy (self->nbr + off, self->tbuf[t], self->tbuf_len[t] * sizeof (guint32));
        off += self->tbuf_len[t];
      }
  }
  memcpy (self->ref_pos, s->pos, 3 * (gsize) s->n * sizeof (double));
  memcpy (self->ref_rad, s->rad, (gsize) s->n * sizeof (double));
  self->builds++;
  self->total_builds++;
}

gboolean
cc_nlist_stale (const CcNlist   *self,
                const CcSpheres *s)
{
  double first = 0.0, second = 0.0;

  if (self->n != s->n || self->builds == 0 ||
      self->ref_box[0] != s->box[0] || self->ref_box[1] != s->box[1])
    return TRUE;
  for (guint i = 0; i < s->n; i++)
    {
      const double *p = &s->pos[3 * i], *q = &self->ref_pos[3 * i];
      double dx = p[0] - q[0], dy = p[1] - q[1], dz = p[2] - q[2];
      double m = sqrt (dx * dx + dy * dy + dz * dz) + MAX (s->rad[i] - self->ref_rad[i], 0.0);

      if (m > first)
        {
          second = first;
          first = m;
        }
      else if (m > second)
        second = m;
    }
  return first + second > self->skin;
}

static guint64
spread_bits (guint64 v)
{
  v &= 0x1fffff;
  v = (v | v << 32) & G_GUINT64_CONSTANT (0x1f00000000ffff);
  v = (v | v << 16) & G_GUINT64_CONSTANT (0x1f0000ff0000ff);
  v = (v | v << 8) & G_GUINT64_CONSTANT (0x100f00f00f00f00f);
  v = (v | v << 4) & G_GUINT64_CONSTANT (0x10c30c30c30c30c3);
  v = (v | v << 2) & G_GUINT64_CONSTANT (0x1249249249249249);
  return v;
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const guint64 *ka = a, *kb = b;

  return (*ka > *kb) - (*ka < *kb);
}

void
cc_spheres_spatial_order (const CcSpheres *s,
                          guint           *perm)
{
  /* key: Morton code in the high 36 bits, index in the low 28 (unique, so
   * the sort is deterministic) */
  g_autofree guint64 *keys = g_new (guint64, s->n);
  double mean_r = 0, cell;

  g_assert (s->n < CC_NLIST_MAX_N);
  for (guint i = 0; i < s->n; i++)
    mean_r += s->rad[i];
  cell = MAX (2.0 * mean_r / MAX (s->n, 1), 1e-12);
  for (guint i = 0; i < s->n; i++)
    {
      guint64 c[3];

      for (guint k = 0; k < 3; k++)
        {
          double x = s->pos[3 * i + k] - (k < 2 ? s->box[k] * floor (s->pos[3 * i + k] / s->box[k]) : 0.0);

          c[k] = (guint64) CLAMP (x / cell, 0.0, 4095.0);
        }
      keys[i] = ((spread_bits (c[0]) | spread_bits (c[1]) << 1 | spread_bits (c[2]) << 2) << 28) | i;
    }
  qsort (keys, s->n, sizeof (guint64), compare_keys);
  for (guint k = 0; k < s->n; k++)
    perm[k] = (guint) (keys[k] & (CC_NLIST_MAX_N - 1));
}
