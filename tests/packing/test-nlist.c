/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The neighbour list against brute force: a build lists every pair closer
 * than r_i + r_j + skin exactly once, whichever side of a two-level pair
 * searched; and as long as cc_nlist_stale() says the list is fresh, every
 * overlapping pair is in it, through moves, rattlers, radius growth and an
 * affine squeeze of the box height. The refined staleness test must also
 * keep the list when only far-apart spheres moved far (the point of it).
 */
#include <glib.h>
#include <math.h>

#include "cc-packing-nlist.h"
#include "cc-packing-rng.h"

#define N 3000

typedef struct {
  CcSpheres s;
  double    pos[3 * N];
  double    rad[N];
} World;

/* Many small spheres, fewer middle ones and a handful of large ones: five
 * levels of radius, so both search directions are used. */
static void
world_init (World   *w,
            guint64  seed)
{
  CcRng rng;
  double volume = 0;

  cc_rng_init (&rng, seed, 0);
  for (guint i = 0; i < N; i++)
    {
      double u = cc_rng_uniform (&rng);

      w->rad[i] = u < 0.85 ? 0.3 + 0.2 * cc_rng_uniform (&rng)
                  : u < 0.98 ? 0.8 + 0.6 * cc_rng_uniform (&rng)
                             : 3.0 + 2.0 * cc_rng_uniform (&rng);
      volume += 4.0 / 3.0 * G_PI * pow (w->rad[i], 3);
    }
  w->s.n = N;
  w->s.pos = w->pos;
  w->s.rad = w->rad;
  /* a loose gas at φ ≈ 0.35 in a box 1.3 times taller than wide */
  w->s.box[0] = w->s.box[1] = cbrt (volume / 0.35 / 1.3);
  w->s.box[2] = 1.3 * w->s.box[0];
  for (guint i = 0; i < N; i++)
    for (guint k = 0; k < 3; k++)
      w->pos[3 * i + k] = cc_rng_uniform (&rng) * w->s.box[k];
}

static double
distance (const World *w,
          guint        i,
          guint        j)
{
  double d2 = 0;

  for (guint k = 0; k < 3; k++)
    {
      double d = w->pos[3 * j + k] - w->pos[3 * i + k];

      if (k < 2)
        d -= w->s.box[k] * round (d / w->s.box[k]);
      d2 += d * d;
    }
  return sqrt (d2);
}

/* Counts of each unordered pair in the list (upper triangle, i < j). */
static guint8 *
listed_pairs (const CcNlist *nl)
{
  guint8 *seen = g_new0 (guint8, (gsize) N * N);

  for (guint i = 0; i < N; i++)
    for (guint q = nl->start[i]; q < nl->start[i + 1]; q++)
      {
        guint j = CC_NLIST_J (nl->nbr[q]);

        seen[(gsize) MIN (i, j) * N + MAX (i, j)]++;
      }
  return seen;
}

static void
test_build_matches_brute_force (void)
{
  static World w;
  g_autoptr(CcPool) pool = cc_pool_new (2);
  CcNlist nl;
  g_autofree guint8 *seen = NULL;
  guint expected = 0, cross = 0;
  const double skin = 0.15;

  world_init (&w, 7);
  cc_nlist_init (&nl);
  cc_spheres_wrap (&w.s);
  cc_nlist_build (&nl, &w.s, skin, pool);
  g_assert_cmpuint (nl.n_levels, >=, 4);
  seen = listed_pairs (&nl);
  for (guint i = 0; i < N; i++)
    for (guint j = i + 1; j < N; j++)
      {
        gboolean near = distance (&w, i, j) < w.rad[i] + w.rad[j] + skin;
        guint8 count = seen[(gsize) i * N + j];

        if (near)
          {
            expected++;
            cross += nl.level_of[i] != nl.level_of[j];
            /* listed once: not missed, not twice from both sides */
            g_assert_cmpuint (count, ==, 1);
          }
        else
          g_assert_cmpuint (count, ==, 0);
      }
  g_assert_cmpuint (nl.start[N], ==, expected);
  g_assert_cmpuint (cross, >, 100);
  /* the few large spheres search the small ones, not the other way */
  g_assert_false (nl.upward[0][nl.n_levels - 1]);
  cc_nlist_clear (&nl);
}

/* Every pair overlapping now is listed. */
static void
assert_overlaps_listed (const World   *w,
                        const CcNlist *nl)
{
  g_autofree guint8 *seen = listed_pairs (nl);

  for (guint i = 0; i < N; i++)
    for (guint j = i + 1; j < N; j++)
      if (distance (w, i, j) < w->rad[i] + w->rad[j])
        g_assert_cmpuint (seen[(gsize) i * N + j], ==, 1);
}

static void
test_stale_never_misses (void)
{
  static World w;
  CcNlist nl;
  CcRng rng;
  const double skin = 0.2;
  guint builds = 0, fresh_checks = 0;

  world_init (&w, 11);
  cc_rng_init (&rng, 3, 1);
  cc_nlist_init (&nl);
  for (guint step = 0; step < 400; step++)
    {
      if (cc_nlist_stale (&nl, &w.s))
        {
          cc_spheres_wrap (&w.s);
          cc_nlist_build (&nl, &w.s, skin, NULL);
          builds++;
        }
      else if (step % 8 == 0)
        {
          assert_overlaps_listed (&w, &nl);
          fresh_checks++;
        }
      /* everyone jiggles a little; a few rattlers fly; a few spheres grow;
       * the box height squeezes affinely now and then */
      for (guint i = 0; i < N; i++)
        {
          double a = i % 97 == 0 ? 0.08 : 0.004;

          for (guint k = 0; k < 3; k++)
            w.pos[3 * i + k] += a * (2 * cc_rng_uniform (&rng) - 1);
          w.pos[3 * i + 2] = CLAMP (w.pos[3 * i + 2], 0, w.s.box[2]);
          if (i % 53 == 0)
            w.rad[i] *= 1.003;
        }
      if (step % 5 == 0)
        {
          double f = 0.998;

          w.s.box[2] *= f;
          for (guint i = 0; i < N; i++)
            w.pos[3 * i + 2] *= f;
        }
    }
  g_assert_cmpuint (fresh_checks, >, 10);
  g_assert_cmpuint (builds, >, 3);
  cc_nlist_clear (&nl);
}

/* Smallest gap between sphere i and any other. */
static double
clearance (const World *w,
           guint        i)
{
  double room = G_MAXDOUBLE;

  for (guint j = 0; j < N; j++)
    if (j != i)
      room = MIN (room, distance (w, i, j) - w->rad[i] - w->rad[j]);
  return room;
}

static void
test_far_rattlers_keep_list (void)
{
  static World w;
  CcNlist nl;
  CcRng rng;
  guint movers[2] = { 0, 1 };

  world_init (&w, 5);
  cc_rng_init (&rng, 9, 2);
  /* two small spheres put in pores with half a diameter of room, far apart */
  for (guint k = 0; k < 2; k++)
    {
      guint i = movers[k];

      w.rad[i] = 0.3;
      do
        for (guint a = 0; a < 3; a++)
          w.pos[3 * i + a] = cc_rng_uniform (&rng) * w.s.box[a];
      while (clearance (&w, i) < 0.3 || (k == 1 && distance (&w, movers[0], i) < 8));
    }
  cc_nlist_init (&nl);
  cc_spheres_wrap (&w.s);
  cc_nlist_build (&nl, &w.s, 0.2, NULL);
  /* each moves 0.15: the two largest moves sum past the skin (0.3 > 0.2),
   * yet neither can touch anything new */
  for (guint k = 0; k < 2; k++)
    w.pos[3 * movers[k]] += 0.15;
  g_assert_true (cc_nlist_stale_after (&nl, &w.s, 0.15, 0.15) == FALSE);
  g_assert_false (cc_nlist_stale (&nl, &w.s));
  assert_overlaps_listed (&w, &nl);
  /* a jump onto the nearest small sphere (not listed: it had room) */
  {
    guint near = 2;

    for (guint j = 2; j < N; j++)
      if (w.rad[j] < 0.5 && distance (&w, movers[0], j) < distance (&w, movers[0], near))
        near = j;
    for (guint a = 0; a < 3; a++)
      w.pos[3 * movers[0] + a] = w.pos[3 * near + a];
    w.pos[3 * movers[0]] += w.rad[near];
  }
  g_assert_true (cc_nlist_stale (&nl, &w.s));
  cc_nlist_clear (&nl);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/packing/nlist/build-matches-brute-force", test_build_matches_brute_force);
  g_test_add_func ("/packing/nlist/stale-never-misses", test_stale_never_misses);
  g_test_add_func ("/packing/nlist/far-rattlers-keep-list", test_far_rattlers_keep_list);
  return g_test_run ();
}
