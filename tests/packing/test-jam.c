/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The jammer: random close packing of monodisperse spheres, denser packing
 * of size mixtures, no overlaps, no crystallisation, determinism,
 * cancellation and live snapshots.
 */
#include "packing-test-util.h"

#include <string.h>

/* Global bond-orientational order Q6 (Steinhardt, Nelson, Ronchetti 1983)
 * over the bonds shorter than 1.2 (r_i + r_j), bulk spheres only: about
 * 0.02–0.06 for a random packing of a few thousand spheres, 0.575 for fcc. */
static double
global_q6 (const CcPacking *k)
{
  guint n;
  const CcParticle *p = cc_packing_get_particles (k, &n);
  double lx, ly, lz, re[7] = { 0 }, im[7] = { 0 }, norm[7], q = 0;
  guint bonds = 0;

  cc_packing_get_box (k, &lx, &ly, &lz);
  for (int m = 0; m <= 6; m++)
    {
      double f = 1;
      for (int i = 6 - m + 1; i <= 6 + m; i++)
        f *= i;
      norm[m] = sqrt (13.0 / (4 * G_PI) / f);
    }
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        double dx = p[j].x - p[i].x, dy = p[j].y - p[i].y, dz = p[j].z - p[i].z, d, ct, st, phi;

        if (p[i].z < 4 * p[i].radius || p[i].z > lz - 4 * p[i].radius)
          continue;
        dx -= lx * rint (dx / lx);
        dy -= ly * rint (dy / ly);
        d = sqrt (dx * dx + dy * dy + dz * dz);
        if (d > 1.2 * (p[i].radius + p[j].radius))
          continue;
        ct = dz / d;
        st = sqrt (MAX (0.0, 1 - ct * ct));
        phi = atan2 (dy, dx);
        bonds++;
        for (int m = 0; m <= 6; m++)
          {
            /* associated Legendre P_6^m(ct) by the standard recurrence */
            double pmm = 1, fact = 1, pl;

            for (int a = 1; a <= m; a++)
              {
                pmm *= -fact * st;
                fact += 2;
              }
            if (m == 6)
              pl = pmm;
            else
              {
                double p1 = ct * (2 * m + 1) * pmm, p0 = pmm;

                pl = p1;
                for (int l = m + 2; l <= 6; l++)
                  {
                    pl = (ct * (2 * l - 1) * p1 - (l + m - 1) * p0) / (l - m);
                    p0 = p1;
                    p1 = pl;
                  }
              }
            re[m] += norm[m] * pl * cos (m * phi);
            im[m] += norm[m] * pl * sin (m * phi);
          }
      }
  g_assert_cmpuint (bonds, >, 100);
  for (int m = 0; m <= 6; m++)
    q += (m == 0 ? 1 : 2) * (re[m] * re[m] + im[m] * im[m]) / ((double) bonds * bonds);
  return sqrt (4 * G_PI / 13 * q);
}

/* Mean contacts per sphere (walls included) and the fraction of spheres
 * without any contact. */
static double
mean_coordination (CcPacking *k,
                   double    *loose_fraction)
{
  CcMicrostructure m;
  gsize nc;
  const CcContact *c;
  guint n, loose = 0;
  g_autofree guint *z = NULL;

  g_assert_true (cc_packing_analyze (k, &m, NULL, NULL));
  c = cc_packing_get_contacts (k, &nc);
  cc_packing_get_particles (k, &n);
  z = g_new0 (guint, n);
  for (gsize q = 0; q < nc; q++)
    {
      z[c[q].i]++;
      if (c[q].j < n)
        z[c[q].j]++;
    }
  for (guint i = 0; i < n; i++)
    loose += z[i] == 0;
  *loose_fraction = (double) loose / n;
  return 2.0 * m.total_contacts / n + (double) (nc - m.total_contacts) / n;
}

static void
test_monodisperse_rcp (void)
{
  g_autoptr(CcPacking) k = pack_spheres ("cam:5:1", 3000, 1, 0);
  double phi, bulk, overlap, q6, z, rattlers;


  cc_packing_get_jammed (k, &phi, &bulk, &overlap, NULL);
  z = mean_coordination (k, &rattlers);
  g_test_message ("monodisperse N=3000: phi %.4f bulk %.4f; Z %.2f, %.1f %% without contact",
                  phi, bulk, z, 100 * rattlers);
  /* random close packing: 0.634-0.646 in the bulk (Scott & Kilgour 1969,
   * O'Hern et al. 2003); walls lower the whole-box value */
  g_assert_cmpfloat (bulk, >, 0.634);
  g_assert_cmpfloat (bulk, <, 0.648);
  g_assert_cmpfloat (phi, <, bulk);
  /* a touching network (gaps below 1e-4 of r_i + r_j): jammed frictionless
   * spheres tend to Z = 6 on their backbone at the threshold; the last
   * stage ends just below it with Z ≈ 4.0-4.4 at this tolerance, while a
   * random loose packing has hardly any touching pairs */
  g_assert_cmpfloat (z, >, 3.8);
  g_assert_cmpfloat (z, <, 6.5);
  g_assert_cmpfloat (rattlers, <, 0.10);
  /* amorphous, not crystallised */
  q6 = global_q6 (k);
  g_test_message ("Q6 = %.3f", q6);
  g_assert_cmpfloat (q6, <, 0.15);
}

static void
test_no_overlaps (void)
{
  g_autoptr(CcPacking) a = pack_spheres ("cam:5:1", 1500, 3, 0);
  g_autoptr(CcPacking) b = pack_spheres ("cam:6:0.6:0.3,se:2:0.4:0.4", 1500, 3, 0);
  double reported;

  g_assert_cmpfloat (brute_max_overlap (a), <, 1e-4);
  g_assert_cmpfloat (brute_max_overlap (b), <, 1e-4);
  cc_packing_get_jammed (b, NULL, NULL, &reported, NULL);
  g_assert_cmpfloat (reported, <, 1e-4);
}

static double
bulk_phi (const char *spec,
          guint       n,
          guint64     seed)
{
  g_autoptr(CcPacking) k = pack_spheres (spec, n, seed, 0);
  double bulk;

  cc_packing_get_jammed (k, NULL, &bulk, NULL, NULL);
  return bulk;
}

static void
test_size_ratio_denser (void)
{
  double mono = bulk_phi ("cam:6:1", 3000, 2);
  double r2 = bulk_phi ("cam:6:0.7,se:3:0.3", 3000, 2);
  double r3 = bulk_phi ("cam:6:0.7,se:2:0.3", 3000, 2);

  g_test_message ("bulk phi: mono %.4f, 2:1 %.4f, 3:1 %.4f (70:30 by volume)", mono, r2, r3);
  /* binary mixtures fill the gaps between large spheres with small ones:
   * 3:1 at 70:30 reaches ~0.71 (reference generator: 0.712) */
  g_assert_cmpfloat (r2, >, mono + 0.01);
  g_assert_cmpfloat (r3, >, r2 + 0.01);
  g_assert_cmpfloat (r3, >, 0.685);
  g_assert_cmpfloat (r3, <, 0.74);
}

static void
test_deterministic (void)
{
  g_autoptr(CcPacking) a = pack_spheres ("cam:5:0.6:0.3,se:2:0.4", 1200, 42, 0);
  g_autoptr(CcPacking) b = pack_spheres ("cam:5:0.6:0.3,se:2:0.4", 1200, 42, 0);
  g_autoptr(CcPacking) c = pack_spheres ("cam:5:0.6:0.3,se:2:0.4", 1200, 43, 0);
  guint na, nb, nc;
  const CcParticle *pa = cc_packing_get_particles (a, &na);
  const CcParticle *pb = cc_packing_get_particles (b, &nb);
  const CcParticle *pc = cc_packing_get_particles (c, &nc);

  g_assert_cmpuint (na, ==, nb);
  g_assert_cmpmem (pa, na * sizeof *pa, pb, nb * sizeof *pb);
  g_assert_cmpuint (na, ==, nc);
  g_assert_true (memcmp (pa, pc, na * sizeof *pa) != 0);
}

static void
test_deterministic_threads (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcPackingParams) p = cc_packing_params_from_spheres ("cam:5:1", 1500, 7, &error);
  g_autoptr(CcPacking) a = NULL;
  g_autoptr(CcPacking) b = NULL;
  guint n;

  g_assert_no_error (error);
  p->threads = 2;
  a = cc_packing_run (p, NULL, NULL, &error);
  g_assert_no_error (error);
  b = cc_packing_run (p, NULL, NULL, &error);
  g_assert_no_error (error);
  cc_packing_get_particles (a, &n);
  g_assert_cmpmem (cc_packing_get_particles (a, NULL), n * sizeof (CcParticle),
                   cc_packing_get_particles (b, NULL), n * sizeof (CcParticle));
}

static void
test_cancel (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcPackingParams) p = cc_packing_params_from_spheres ("cam:5:1", 5000, 1, &error);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(CcPacking) k = NULL;

  g_cancellable_cancel (cancellable);
  k = cc_packing_run (p, NULL, cancellable, &error);
  g_assert_null (k);
  g_assert_error (error, CC_PACKING_ERROR, CC_PACKING_ERROR_CANCELLED);
}

typedef struct {
  CcPackingParams  *params;
  CcPackingMonitor *monitor;
  CcPacking        *result;
} Worker;

typedef struct {
  gint   calls;       /* atomic */
  double last_fraction;
  char   last_stage[32];
} Calls;

/* Runs in the worker thread: only records. */
static void
on_progress (CcPackingMonitor *monitor,
             double            fraction,
             const char       *stage,
             gpointer          data)
{
  Calls *c = data;

  g_atomic_int_inc (&c->calls);
  c->last_fraction = fraction;
  g_strlcpy (c->last_stage, stage, sizeof c->last_stage);
}

static gpointer
worker (gpointer data)
{
  Worker *w = data;

  w->result = cc_packing_run (w->params, w->monitor, NULL, NULL);
  return NULL;
}

/* The app's pattern: a worker packs while the main thread reads progress and
 * snapshots; serials only grow and every snapshot is a whole particle array. */
static void
test_monitor_snapshots (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcPackingParams) p = cc_packing_params_from_spheres ("cam:5:0.5,se:2:0.5", 2000, 5, &error);
  g_autoptr(CcPackingMonitor) monitor = cc_packing_monitor_new (0.0);
  Worker w = { p, monitor, NULL };
  Calls calls = { 0 };
  GThread *thread;
  guint last_serial = 0, seen = 0, n;
  double fraction, last_fraction = 0;
  const char *stage;
  const CcParticle *final;

  g_assert_no_error (error);
  p->pressure_MPa = 100;
  p->threads = 1;
  cc_packing_monitor_set_callback (monitor, on_progress, &calls, NULL);
  thread = g_thread_new ("pack", worker, &w);
  while (g_atomic_pointer_get (&w.result) == NULL)
    {
      guint serial;
      g_autoptr(GBytes) snap = cc_packing_monitor_dup_snapshot (monitor, &serial, NULL);

      if (snap != NULL)
        {
          g_assert_cmpuint (g_bytes_get_size (snap), ==, 2000 * sizeof (CcParticle));
          g_assert_cmpuint (serial, >=, last_serial);
          if (serial > last_serial)
            seen++;
          last_serial = serial;
        }
      cc_packing_monitor_get_progress (monitor, &fraction, &stage);
      g_assert_cmpfloat (fraction, >=, 0);
      g_assert_cmpfloat (fraction, <=, 1);
      last_fraction = fraction;
      g_usleep (2000);
    }
  g_thread_join (thread);
  g_assert_nonnull (w.result);
  g_assert_cmpuint (seen, >, 3);
  cc_packing_monitor_get_progress (monitor, &fraction, &stage);
  g_assert_cmpfloat (fraction, ==, 1.0);
  g_assert_cmpstr (stage, ==, "done");
  /* the callback saw the snapshots, the last one at the end */
  g_assert_cmpint (g_atomic_int_get (&calls.calls), >=, (gint) seen);
  g_assert_cmpfloat (calls.last_fraction, ==, 1.0);
  g_assert_cmpstr (calls.last_stage, ==, "done");
  (void) last_fraction;
  {
    g_autoptr(GBytes) snap = cc_packing_monitor_dup_snapshot (monitor, NULL, NULL);

    final = cc_packing_get_particles (w.result, &n);
    g_assert_cmpmem (g_bytes_get_data (snap, NULL), g_bytes_get_size (snap), final, n * sizeof (CcParticle));
  }
  cc_packing_free (w.result);
}

static void
test_too_few_particles (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcPackingParams) p = cc_packing_params_from_spheres ("cam:20:0.9,se:1:0.1", 30, 1, &error);
  g_autoptr(CcPacking) k = NULL;

  g_assert_no_error (error);
  k = cc_packing_run (p, NULL, NULL, &error);
  g_assert_null (k);
  g_assert_error (error, CC_PACKING_ERROR, CC_PACKING_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "n_particles"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/packing/monodisperse/random-close-packing", test_monodisperse_rcp);
  g_test_add_func ("/packing/jam/no-overlaps", test_no_overlaps);
  g_test_add_func ("/packing/mixture/size-ratio-packs-denser", test_size_ratio_denser);
  g_test_add_func ("/packing/jam/deterministic", test_deterministic);
  g_test_add_func ("/packing/jam/deterministic-threads", test_deterministic_threads);
  g_test_add_func ("/packing/jam/cancel", test_cancel);
  g_test_add_func ("/packing/monitor/snapshots", test_monitor_snapshots);
  g_test_add_func ("/packing/params/too-few-particles", test_too_few_particles);
  return g_test_run ();
}
