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
  g_free (self->level_of);
  for (guint l = 0; l < CC_NLIST_MAX_LEVELS; l++)
    {
      g_free (self->levels[l].start);
      g_free (self->levels[l].items);
      g_free (self->levels[l].coords);
    }
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

/* Which level a radius belongs to: factors of two above the smallest. */
static guint
level_for (double r,
           double r_min)
{
  int l = (int) floor (log2 (r / r_min));

  return (guint) CLAMP (l, 0, CC_NLIST_MAX_LEVELS - 1);
}

static guint
cell_coord (const CcNlistLevel *lv,
            double              x,
            guint               k)
{
  long c = (long) (x / lv->size[k]);

  return (guint) CLAMP (c, 0, (long) lv->n[k] - 1);
}

static guint
cell_index (const CcNlistLevel *lv,
            const double       *p)
{
  return (cell_coord (lv, p[2], 2) * lv->n[1] + cell_coord (lv, p[1], 1)) * lv->n[0] +
         cell_coord (lv, p[0], 0);
}

/* Cells one level-diameter (plus skin) wide, so a search reaches one cell
 * each way (27 cells; the distance test in search_level skips the corners
 * a search from a small sphere into a coarse level does not reach); never
 * more than about four per sphere of the level: an empty cell still costs a
 * visit. */
static void
level_setup (CcNlistLevel    *lv,
             const CcSpheres *s,
             double           skin)
{
  double volume = s->box[0] * s->box[1] * s->box[2];
  double cell = MAX (2.0 * lv->r_max + skin, cbrt (volume / (4.0 * lv->count + 8)));
  gsize cells;

  for (guint k = 0; k < 3; k++)
    {
      lv->n[k] = MAX (1, (guint) floor (s->box[k] / cell));
      lv->size[k] = s->box[k] / lv->n[k];
    }
  cells = (gsize) lv->n[0] * lv->n[1] * lv->n[2];
  if (cells + 1 > lv->cells_alloc)
    {
      lv->cells_alloc = cells + 1;
      lv->start = g_renew (guint, lv->start, lv->cells_alloc);
    }
  if (lv->count > lv->items_alloc)
    {
      lv->items_alloc = lv->count;
      lv->items = g_renew (guint, lv->items, lv->items_alloc);
      lv->coords = g_renew (double, lv->coords, 4 * lv->items_alloc);
    }
  memset (lv->start, 0, (cells + 1) * sizeof (guint));
}

static void
levels_fill (CcNlist         *self,
             const CcSpheres *s,
             double           skin)
{
  double r_min = G_MAXDOUBLE;
  g_autofree guint *cell_of = g_new (guint, MAX (s->n, 1));

  for (guint i = 0; i < s->n; i++)
    r_min = MIN (r_min, s->rad[i]);
  self->n_levels = 0;
  for (guint l = 0; l < CC_NLIST_MAX_LEVELS; l++)
    {
      self->levels[l].count = 0;
      self->levels[l].r_max = 0;
    }
  for (guint i = 0; i < s->n; i++)
    {
      guint l = level_for (s->rad[i], r_min);
      CcNlistLevel *lv = &self->levels[l];

      self->level_of[i] = (guint8) l;
      lv->count++;
      lv->r_max = MAX (lv->r_max, s->rad[i]);
      self->n_levels = MAX (self->n_levels, l + 1);
    }
  for (guint l = 0; l < self->n_levels; l++)
    if (self->levels[l].count > 0)
      level_setup (&self->levels[l], s, skin);
  for (guint i = 0; i < s->n; i++)
    {
      CcNlistLevel *lv = &self->levels[self->level_of[i]];

      cell_of[i] = cell_index (lv, &s->pos[3 * i]);
      lv->start[cell_of[i] + 1]++;
    }
  for (guint l = 0; l < self->n_levels; l++)
    {
      CcNlistLevel *lv = &self->levels[l];
      gsize cells = (gsize) lv->n[0] * lv->n[1] * lv->n[2];

      if (lv->count == 0)
        continue;
      for (gsize c = 0; c < cells; c++)
        lv->start[c + 1] += lv->start[c];
    }
  /* stable fill in index order: deterministic item order per cell */
  for (guint l = 0; l < self->n_levels; l++)
    {
      CcNlistLevel *lv = &self->levels[l];
      gsize cells = (gsize) lv->n[0] * lv->n[1] * lv->n[2];

      if (lv->count == 0)
        continue;
      for (gsize c = cells; c > 0; c--)
        lv->start[c] = lv->start[c - 1];
      lv->start[0] = 0;
    }
  for (guint i = 0; i < s->n; i++)
    {
      CcNlistLevel *lv = &self->levels[self->level_of[i]];
      guint q = lv->start[cell_of[i] + 1]++;

      lv->items[q] = i;
      lv->coords[4 * q] = s->pos[3 * i];
      lv->coords[4 * q + 1] = s->pos[3 * i + 1];
      lv->coords[4 * q + 2] = s->pos[3 * i + 2];
      lv->coords[4 * q + 3] = s->rad[i];
    }
}

/* The cost, in cell visits plus distance tests, of the spheres of level
 * `from` searching level `to`: each visits the cells of `to` within its
 * reach and tests the spheres in them (cubes, as the stencil is). */
static double
search_cost (const CcNlist   *self,
             const CcSpheres *s,
             guint            from,
             guint            to,
             double           skin)
{
  const CcNlistLevel *a = &self->levels[from], *b = &self->levels[to];
  double volume = s->box[0] * s->box[1] * s->box[2];
  double reach = a->r_max + b->r_max + skin, cells = 1, side = 1;

  for (guint k = 0; k < 3; k++)
    {
      double span = MIN (2.0 * reach + b->size[k], s->box[k]);

      cells *= MIN (ceil (span / b->size[k]) + 1, (double) b->n[k]);
      side *= span;
    }
  return a->count * (cells + b->count * side / volume);
}

static void
choose_directions (CcNlist         *self,
                   const CcSpheres *s,
                   double           skin)
{
  for (guint a = 0; a < self->n_levels; a++)
    for (guint b = a + 1; b < self->n_levels; b++)
      self->upward[a][b] = self->levels[a].count == 0 || self->levels[b].count == 0 ||
                           search_cost (self, s, a, b, skin) <= search_cost (self, s, b, a, skin);
}

typedef struct {
  CcNlist         *self;
  const CcSpheres *s;
  double           skin;
} BuildJob;

/* Per-thread stencil scratch. */
typedef struct {
  guint  *ax, *ay, *az;
  double *gx, *gy, *gz;
} Scratch;

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
axis_cells (const CcNlistLevel *lv,
            guint               axis,
            guint               c,
            guint               k,
            guint              *out)
{
  guint n = lv->n[axis];
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
        {
          /* 2k + 1 < n here, so one wrap each way is enough (no division:
           * this runs for every searched level of every sphere) */
          int cc = (int) c + d;

          if (cc < 0)
            cc += (int) n;
          else if (cc >= (int) n)
            cc -= (int) n;
          out[m++] = (guint) cc;
        }
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

/* Distance from x to the nearest point of cell c of an axis (periodic
 * axes take the nearest image). */
static double
axis_gap (const CcNlistLevel *lv,
          guint               axis,
          guint               c,
          double              x,
          double              length)
{
  double d = (c + 0.5) * lv->size[axis] - x;

  /* x lies in the box, so one image shift is enough (no libm rint here:
   * this runs for every stencil row of every sphere) */
  if (axis < 2)
    {
      if (d > 0.5 * length)
        d -= length;
      else if (d < -0.5 * length)
        d += length;
    }
  d = d < 0 ? -d : d;
  return MAX (d - 0.5 * lv->size[axis], 0.0);
}

/* Pairs of sphere i with the spheres of level l (all of them when l is
 * another level, those of higher index when it is i's own). Cells farther
 * than the reach are skipped, so the search is a sphere, not a cube. */
static void
search_level (BuildJob *job,
              guint     t,
              guint     i,
              guint     l,
              Scratch  *sc)
{
  CcNlist *self = job->self;
  const CcSpheres *s = job->s;
  const CcNlistLevel *lv = &self->levels[l];
  const double *pi = &s->pos[3 * i];
  const double lx = s->box[0], ly = s->box[1], ri = s->rad[i];
  gboolean same = l == self->level_of[i];
  double reach = ri + lv->r_max + job->skin, reach2 = reach * reach;
  guint nx, ny, nz;

  nx = axis_cells (lv, 0, cell_coord (lv, pi[0], 0), (guint) (reach / lv->size[0]) + 1, sc->ax);
  ny = axis_cells (lv, 1, cell_coord (lv, pi[1], 1), (guint) (reach / lv->size[1]) + 1, sc->ay);
  nz = axis_cells (lv, 2, cell_coord (lv, pi[2], 2), (guint) (reach / lv->size[2]) + 1, sc->az);
  for (guint c = 0; c < nx; c++)
    sc->gx[c] = axis_gap (lv, 0, sc->ax[c], pi[0], lx);
  for (guint b = 0; b < ny; b++)
    sc->gy[b] = axis_gap (lv, 1, sc->ay[b], pi[1], ly);
  for (guint a = 0; a < nz; a++)
    sc->gz[a] = axis_gap (lv, 2, sc->az[a], pi[2], 0);
  for (guint a = 0; a < nz; a++)
    for (guint b = 0; b < ny; b++)
      {
        double gzy = sc->gz[a] * sc->gz[a] + sc->gy[b] * sc->gy[b];

        if (gzy >= reach2)
          continue;
        for (guint c = 0; c < nx; c++)
          {
            guint cell = (sc->az[a] * lv->n[1] + sc->ay[b]) * lv->n[0] + sc->ax[c];

            if (gzy + sc->gx[c] * sc->gx[c] >= reach2)
              continue;
            for (guint q = lv->start[cell]; q < lv->start[cell + 1]; q++)
              {
                const double *cj = &lv->coords[4 * q];
                double dx = cj[0] - pi[0], dy = cj[1] - pi[1], dz = cj[2] - pi[2];
                double cut = ri + cj[3] + job->skin;
                int sx = 0, sy = 0;

                if (dx > 0.5 * lx) { dx -= lx; sx = -1; }
                else if (dx < -0.5 * lx) { dx += lx; sx = 1; }
                if (dy > 0.5 * ly) { dy -= ly; sy = -1; }
                else if (dy < -0.5 * ly) { dy += ly; sy = 1; }
                if (dx * dx + dy * dy + dz * dz < cut * cut)
                  {
                    guint j = lv->items[q];

                    if (!same || j > i)
                      push (self, t, (j << 4) | (guint32) ((sx + 1) * 3 + (sy + 1)));
                  }
              }
          }
      }
}

static void
build_range (gpointer data,
             guint    t,
             guint    n_threads)
{
  BuildJob *job = data;
  CcNlist *self = job->self;
  const CcSpheres *s = job->s;
  g_autofree guint *cells = NULL;
  g_autofree double *gaps = NULL;
  Scratch sc;
  guint begin, end, cap = 1;

  for (guint l = 0; l < self->n_levels; l++)
    for (guint k = 0; k < 3; k++)
      cap = MAX (cap, self->levels[l].n[k] + 1);
  cells = g_new (guint, 3 * cap);
  gaps = g_new (double, 3 * cap);
  sc.ax = cells;
  sc.ay = cells + cap;
  sc.az = cells + 2 * cap;
  sc.gx = gaps;
  sc.gy = gaps + cap;
  sc.gz = gaps + 2 * cap;
  self->tbuf_len[t] = 0;
  cc_pool_split (s->n, t, n_threads, &begin, &end);
  for (guint i = begin; i < end; i++)
    {
      guint count0 = (guint) self->tbuf_len[t];

      guint li = self->level_of[i];

      for (guint l = 0; l < self->n_levels; l++)
        if (self->levels[l].count > 0 &&
            (l == li || (l > li && self->upward[li][l]) || (l < li && !self->upward[l][li])))
          search_level (job, t, i, l, &sc);
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
  BuildJob job = { self, s, skin };
  gsize total = 0;
  gint64 t0 = g_get_monotonic_time ();

  g_assert (s->n < CC_NLIST_MAX_N);
  if (self->n != s->n)
    {
      self->n = s->n;
      self->start = g_renew (guint, self->start, s->n + 1);
      self->ref_pos = g_renew (double, self->ref_pos, 3 * (gsize) s->n);
      self->ref_rad = g_renew (double, self->ref_rad, s->n);
      self->level_of = g_renew (guint8, self->level_of, s->n);
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
  levels_fill (self, s, skin);
  choose_directions (self, s, skin);
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
  self->ref_r_max = 0;
  for (guint i = 0; i < s->n; i++)
    self->ref_r_max = MAX (self->ref_r_max, s->rad[i]);
  self->builds++;
  self->total_builds++;
  self->build_seconds += (g_get_monotonic_time () - t0) / 1e6;
}

/* How far sphere i has moved since the build (heights scaled to the box at
 * the build, see cc_nlist_stale_after) and how much it has grown. */
static void
moved (const CcNlist   *self,
       const CcSpheres *s,
       double           unscale,
       guint            i,
       double          *disp,
       double          *growth)
{
  const double *p = &s->pos[3 * i], *q = &self->ref_pos[3 * i];
  double dx = p[0] - q[0], dy = p[1] - q[1], dz = p[2] * unscale - q[2];

  *disp = sqrt (dx * dx + dy * dy + dz * dz);
  *growth = MAX (s->rad[i] - self->ref_rad[i], 0.0);
}

static gboolean
listed (const CcNlist *self,
        guint          i,
        guint          j)
{
  for (guint q = self->start[i]; q < self->start[i + 1]; q++)
    if (CC_NLIST_J (self->nbr[q]) == j)
      return TRUE;
  for (guint q = self->start[j]; q < self->start[j + 1]; q++)
    if (CC_NLIST_J (self->nbr[q]) == i)
      return TRUE;
  return FALSE;
}

/* Whether sphere i, which has moved far (disp_i, grown by g_i), may now
 * touch a sphere it was not listed with. Its neighbourhood at the build is
 * searched in the level grids (they still hold the build's positions):
 * a sphere j within reach must have moved enough too (m_i + m_j + squeeze
 * above the skin), and then is checked exactly: at least
 * shrink (d0 - disp_i - disp_j) apart now, touching at the grown radii. */
static gboolean
fast_sphere_may_touch (const CcNlist   *self,
                       const CcSpheres *s,
                       guint            i,
                       double           disp_i,
                       double           g_i,
                       double           first,
                       double           squeeze,
                       guint           *cells)
{
  double unscale = self->ref_box[2] / s->box[2], shrink = MIN (1.0, s->box[2] / self->ref_box[2]);
  const double *p = &self->ref_pos[3 * i];
  double ri = self->ref_rad[i];

  for (guint l = 0; l < self->n_levels; l++)
    {
      const CcNlistLevel *lv = &self->levels[l];
      double reach = (ri + lv->r_max + 2.0 * (disp_i + g_i + first)) / shrink;
      guint *ax = cells, *ay = ax + lv->n[0] + 1, *az = ay + lv->n[1] + 1, nx, ny, nz;

      if (lv->count == 0)
        continue;
      nx = axis_cells (lv, 0, cell_coord (lv, p[0], 0), (guint) (reach / lv->size[0]) + 1, ax);
      ny = axis_cells (lv, 1, cell_coord (lv, p[1], 1), (guint) (reach / lv->size[1]) + 1, ay);
      nz = axis_cells (lv, 2, cell_coord (lv, p[2], 2), (guint) (reach / lv->size[2]) + 1, az);
      for (guint a = 0; a < nz; a++)
        for (guint b = 0; b < ny; b++)
          for (guint c = 0; c < nx; c++)
            {
              guint cell = (az[a] * lv->n[1] + ay[b]) * lv->n[0] + ax[c];

              for (guint q = lv->start[cell]; q < lv->start[cell + 1]; q++)
                {
                  const double *cj = &lv->coords[4 * q];
                  guint j = lv->items[q];
                  double dx = fabs (cj[0] - p[0]), dy = fabs (cj[1] - p[1]), dz = cj[2] - p[2];
                  double disp_j, g_j, d0;

                  if (j == i)
                    continue;
                  moved (self, s, unscale, j, &disp_j, &g_j);
                  if (disp_i + g_i + disp_j + g_j + squeeze <= self->skin)
                    continue;
                  dx = MIN (dx, self->ref_box[0] - dx);
                  dy = MIN (dy, self->ref_box[1] - dy);
                  d0 = sqrt (dx * dx + dy * dy + dz * dz);
                  if (shrink * (d0 - disp_i - disp_j) < ri + g_i + cj[3] + g_j && !listed (self, i, j))
                    return TRUE;
                }
            }
    }
  return FALSE;
}

/* The two-largest-moves test fails as soon as two spheres anywhere have
 * moved half a skin: in a pressed powder, two rattlers drifting in their
 * pores at opposite ends of the box, hundreds of times per compaction. A
 * pair can only have closed if one of its spheres moved more than
 * (skin - squeeze) / 2; those few are checked against their neighbourhood
 * (fast_sphere_may_touch), so a rebuild waits until a pair can really
 * touch. Too many fast spheres (a collective move): stale. */
#define STALE_FAST_MAX 64

static gboolean
fast_spheres_may_touch (const CcNlist   *self,
                        const CcSpheres *s,
                        double           first,
                        double           squeeze)
{
  double unscale = self->ref_box[2] / s->box[2], half = 0.5 * (self->skin - squeeze);
  guint fast[STALE_FAST_MAX], n = 0, cap = 0;
  double disp[STALE_FAST_MAX], growth[STALE_FAST_MAX];
  g_autofree guint *cells = NULL;

  if (half <= 0)
    return TRUE;
  for (guint i = 0; i < s->n; i++)
    {
      double d, g;

      moved (self, s, unscale, i, &d, &g);
      if (d + g <= half)
        continue;
      if (n == STALE_FAST_MAX)
        return TRUE;
      disp[n] = d;
      growth[n] = g;
      fast[n++] = i;
    }
  for (guint l = 0; l < self->n_levels; l++)
    cap = MAX (cap, self->levels[l].n[0] + self->levels[l].n[1] + self->levels[l].n[2] + 3);
  cells = g_new (guint, cap);
  for (guint k = 0; k < n; k++)
    if (fast_sphere_may_touch (self, s, fast[k], disp[k], growth[k], first, squeeze, cells))
      return TRUE;
  return FALSE;
}

static double
squeeze_of (const CcNlist   *self,
            const CcSpheres *s)
{
  return fabs (1.0 - s->box[2] / self->ref_box[2]) * (2.0 * self->ref_r_max + self->skin);
}

/* A pair left out was farther apart than r_i + r_j + skin at the build. It
 * can have closed by the moves of both spheres (the two largest
 * displacements bound them) and, when the box height changed, by the affine
 * squeeze of its separation, at most |1 - Lz/Lz_build| (2 r_max + skin).
 * When that bound exceeds the skin, fast_spheres_may_touch decides. */
gboolean
cc_nlist_stale_after (const CcNlist   *self,
                      const CcSpheres *s,
                      double           first,
                      double           second)
{
  double squeeze;

  if (self->n != s->n || self->builds == 0 ||
      self->ref_box[0] != s->box[0] || self->ref_box[1] != s->box[1])
    return TRUE;
  squeeze = squeeze_of (self, s);
  if (first + second + squeeze <= self->skin)
    return FALSE;
  return fast_spheres_may_touch (self, s, first, squeeze);
}

gboolean
cc_nlist_stale (const CcNlist   *self,
                const CcSpheres *s)
{
  double first = 0.0, second = 0.0, unscale;

  if (self->n != s->n || self->builds == 0 ||
      self->ref_box[0] != s->box[0] || self->ref_box[1] != s->box[1])
    return TRUE;
  unscale = self->ref_box[2] / s->box[2];
  for (guint i = 0; i < s->n; i++)
    {
      double d, g, m;

      moved (self, s, unscale, i, &d, &g);
      m = d + g;
      if (m > first)
        {
          second = first;
          first = m;
        }
      else if (m > second)
        second = m;
    }
  return cc_nlist_stale_after (self, s, first, second);
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
