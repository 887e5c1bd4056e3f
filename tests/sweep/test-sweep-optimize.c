/* SPDX-License-Identifier: GPL-3.0-or-later
 * Pareto fronts (hand-built and against brute force), replicate statistics,
 * constraints, and the sweep optimiser against a dense grid of the analytic
 * test function, whose constrained optimum is known in closed form. */
#include "sweep-test-util.h"
#include "cc-sweep-optimize.h"
#include "cc-sweep-pareto.h"

#include <locale.h>
#include <math.h>
#include <string.h>

static GArray *
front_of (const double *x, const double *y, guint n, gboolean mx, gboolean my)
{
  return cc_pareto_front (n, x, y, mx, my);
}

static void
assert_front (GArray *front, const guint *expect, guint n)
{
  g_assert_cmpuint (front->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (g_array_index (front, guint, i), ==, expect[i]);
}

static void
test_pareto_hand_built (void)
{
  /*                 A  B  C  D  E  F    G  H    I */
  const double x[] = { 1, 2, 3, 2, 3, 0.5, 4, NAN, 3 };
  const double y[] = { 5, 4, 3, 2, 3, 5,   1, 10,  2.5 };
  g_autoptr(GArray) maxmax = front_of (x, y, 9, TRUE, TRUE);
  g_autoptr(GArray) minmax = front_of (x, y, 9, FALSE, TRUE);
  g_autoptr(GArray) minmin = front_of (x, y, 9, FALSE, FALSE);
  const guint e_maxmax[] = { 0, 1, 2, 4, 6 };   /* A B C E G: C and E tie, both kept */
  const guint e_minmax[] = { 5 };                /* F dominates everything else */
  const guint e_minmin[] = { 5, 3, 6 };          /* F D G */

  assert_front (maxmax, e_maxmax, G_N_ELEMENTS (e_maxmax));
  assert_front (minmax, e_minmax, G_N_ELEMENTS (e_minmax));
  assert_front (minmin, e_minmin, G_N_ELEMENTS (e_minmin));
}

static gboolean
dominated (const double *x, const double *y, guint n, guint i)
{
  for (guint j = 0; j < n; j++)
    if (x[j] >= x[i] && y[j] >= y[i] && (x[j] > x[i] || y[j] > y[i]))
      return TRUE;
  return FALSE;
}

/* Random sets on a coarse lattice (many ties) against the O(n^2) definition. */
static void
test_pareto_brute_force (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  for (guint trial = 0; trial < 200; trial++)
    {
      guint n = g_rand_int_range (rand, 1, 60);
      g_autofree double *x = g_new (double, n);
      g_autofree double *y = g_new (double, n);
      g_autoptr(GArray) front = NULL;
      guint expected = 0;

      for (guint i = 0; i < n; i++)
        {
          x[i] = g_rand_int_range (rand, 0, 8);
          y[i] = g_rand_int_range (rand, 0, 8);
        }
      front = front_of (x, y, n, TRUE, TRUE);
      for (guint i = 0; i < n; i++)
        expected += !dominated (x, y, n, i);
      /* As many members as non-dominated points, all distinct and none
       * dominated: the same set. */
      g_assert_cmpuint (front->len, ==, expected);
      for (guint f = 0; f < front->len; f++)
        g_assert_false (dominated (x, y, n, g_array_index (front, guint, f)));
      for (guint f = 1; f < front->len; f++)
        {
          g_assert_cmpuint (g_array_index (front, guint, f - 1), !=, g_array_index (front, guint, f));
          g_assert_cmpfloat (x[g_array_index (front, guint, f - 1)], <=, x[g_array_index (front, guint, f)]);
        }
    }
}

/* Replicates grouped per design: mean and sample sd as computed directly. */
static void
test_summarize (void)
{
  g_autofree char *dir = st_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "r.jsonl", NULL);
  g_autoptr(CcSweep) s = st_load (
    "{\"format\":\"cathode-composer-sweep\",\"version\":1,\"base\":\"default\",\"replicates\":3,"
    " \"axes\":[{\"path\":\"components[0].d50_um\",\"values\":[5,40]},"
    "           {\"path\":\"protocol.voltage_max_V\",\"values\":[2.9,3.1]}]}");
  g_autoptr(GPtrArray) recs = NULL;
  g_autoptr(GPtrArray) sum = NULL;
  const CcSweepDesignSummary *d;
  guint e = CC_SWEEP_N_METRICS;
  double v[3], mean, sd;

  st_run (s, cc_analytic_test_evaluator (NULL), 0, 1, 2, out);
  recs = cc_sweep_read_results (out, FALSE, NULL, NULL);
  sum = cc_sweep_summarize (recs);
  g_assert_cmpuint (sum->len, ==, 4);
  g_assert_true (cc_sweep_metric_lookup ("energy_Wh_per_kg_composite", &e));

  d = g_ptr_array_index (sum, 1);                       /* d50 5, 3.1 V */
  g_assert_cmpuint (d->first_index, ==, 3);
  g_assert_cmpuint (d->n_ok, ==, 3);
  for (guint r = 0; r < 3; r++)
    v[r] = ((CcSweepRecord *) g_ptr_array_index (recs, 3 + r))->metrics.energy_Wh_per_kg_composite;
  mean = (v[0] + v[1] + v[2]) / 3;
  sd = sqrt (((v[0] - mean) * (v[0] - mean) + (v[1] - mean) * (v[1] - mean) + (v[2] - mean) * (v[2] - mean)) / 2);
  g_assert_cmpfloat_with_epsilon (d->mean[e], mean, 1e-9 * mean);
  g_assert_cmpfloat_with_epsilon (d->sd[e], sd, 1e-6 * sd);
  g_assert_cmpfloat (d->sd[e], >, 0);
  g_assert_cmpstr (d->limiting_mechanism, !=, NULL);

  d = g_ptr_array_index (sum, 2);                       /* d50 40: fails */
  g_assert_cmpuint (d->n_total, ==, 3);
  g_assert_cmpuint (d->n_ok, ==, 0);
  g_assert_true (isnan (d->mean[e]));
  g_assert_nonnull (strstr (d->error, "outside the test function's domain"));
  st_cleanup (dir);
}

static void
test_constraints (void)
{
  CcSweepConstraint c;
  g_autoptr(GError) error = NULL;

  g_assert_true (cc_sweep_constraint_parse ("retention_at_n_cycles>=0.8", &c, &error));
  g_assert_cmpint (c.kind, ==, CC_SWEEP_AT_LEAST);
  g_assert_cmpfloat (c.bound, ==, 0.8);
  g_assert_cmpfloat (cc_sweep_constraint_violation (&c, 0.9), ==, 0);
  g_assert_cmpfloat_with_epsilon (cc_sweep_constraint_violation (&c, 0.7), 0.125, 1e-12);
  g_assert_true (isinf (cc_sweep_constraint_violation (&c, NAN)));

  g_assert_true (cc_sweep_constraint_parse (" energy_Wh_per_kg_composite <= 250 ", &c, &error));
  g_assert_cmpint (c.kind, ==, CC_SWEEP_AT_MOST);
  g_assert_cmpfloat_with_epsilon (cc_sweep_constraint_violation (&c, 300), 0.2, 1e-12);

  g_assert_false (cc_sweep_constraint_parse ("capacity>=1", &c, &error));
  g_assert_nonnull (strstr (error->message, "unknown metric \"capacity\" (one of active_cam_fraction,"));
  g_clear_error (&error);
  g_assert_false (cc_sweep_constraint_parse ("retention_at_n_cycles>=0,8", &c, &error));
  g_assert_nonnull (strstr (error->message, "\"0,8\" is not a number"));
  g_clear_error (&error);
  g_assert_false (cc_sweep_constraint_parse ("retention_at_n_cycles=0.8", &c, &error));
  g_clear_error (&error);
}

static const char *opt_sweep =
  "{\"format\":\"cathode-composer-sweep\",\"version\":1,\"base\":\"default\",\"replicates\":2,"
  " \"axes\":[{\"path\":\"components[0].mass_fraction\",\"from\":0.5,\"to\":0.9,\"steps\":5},"
  "           {\"path\":\"protocol.voltage_max_V\",\"from\":2.8,\"to\":3.4,\"steps\":4},"
  "           {\"path\":\"components[0].coating.material\",\"values\":[null,\"nyzc\"]}]}";

/* Mean energy over the replicates, or -inf where retention < bound. */
static double
grid_objective (CcSweep *s, double cam, double vmax, const char *coating, double bound, double *ret)
{
  CcSweepValue v[3] = { { cam, NULL }, { vmax, NULL }, { NAN, coating } };
  double e = 0, r = 0;

  for (guint rep = 0; rep < 2; rep++)
    {
      g_autoptr(CcDesign) d = cc_sweep_build_design (s, v, rep, NULL);
      CcSweepMetrics m;

      cc_sweep_metrics_init (&m);
      g_assert_true (cc_analytic_test_evaluate (d, &m, NULL, NULL, NULL));
      e += m.energy_Wh_per_kg_composite / 2;
      r += m.retention_at_n_cycles / 2;
      cc_sweep_metrics_clear (&m);
    }
  *ret = r;
  return r >= bound ? e : -INFINITY;
}

static CcSweepOptimizeResult *
optimise (CcSweep *s, const char *constraint, guint budget)
{
  g_autoptr(GError) error = NULL;
  CcSweepConstraint c;
  CcSweepOptimizeOptions o = { 0, TRUE, &c, constraint ? 1 : 0, budget, 1e-5, 2 };
  CcSweepOptimizeResult *res;

  g_assert_true (cc_sweep_metric_lookup ("energy_Wh_per_kg_composite", &o.objective));
  if (constraint)
    g_assert_true (cc_sweep_constraint_parse (constraint, &c, NULL));
  res = cc_sweep_optimize (s, cc_analytic_test_evaluator (NULL), cc_material_db_get_default (), &o, NULL, &error);
  g_assert_no_error (error);
  return res;
}

/* Maximise composite energy subject to 80 % retention. The retention bound
 * pins V_max at 3 + 0.15 ln(life0 / (N / -ln 0.8)) (3.1306 V for the NYZC
 * coating); the CAM fraction optimum is interior. */
static void
test_optimize_constrained (void)
{
  g_autoptr(CcSweep) s = st_load (opt_sweep);
  g_autoptr(CcSweepOptimizeResult) res = optimise (s, "retention_at_n_cycles>=0.8", 400);
  const CcSweepOptimum *best = g_ptr_array_index (res->optima, 0);
  const CcSweepOptimum *bare = g_ptr_array_index (res->optima, 1);
  double grid_best = -INFINITY, ret, life0;

  g_test_message ("optimum: cam %.6f, vmax %.6f, energy %.4f, retention %.6f, %u evaluations, %u points",
                  best->values[0].number, best->values[1].number, best->mean.energy_Wh_per_kg_composite,
                  best->mean.retention_at_n_cycles, best->evaluations, res->points_evaluated);
  g_assert_cmpuint (res->optima->len, ==, 2);
  g_assert_cmpstr (best->values[2].label, ==, "nyzc");   /* the coating buys voltage */
  g_assert_null (bare->values[2].label);
  g_assert_true (best->feasible && bare->feasible);
  g_assert_cmpfloat (best->mean.energy_Wh_per_kg_composite, >, bare->mean.energy_Wh_per_kg_composite);

  /* Closed form of the active constraint (P = 375 MPa, 50 nm coating). */
  life0 = 3000 * (0.3 + 0.7 * (1 - exp (-375.0 / 200))) * 2;
  g_assert_cmpfloat_with_epsilon (best->values[1].number, 3 + 0.15 * log (life0 / (500 / -log (0.8))), 2e-3);
  g_assert_cmpfloat (best->mean.retention_at_n_cycles, >=, 0.8);
  g_assert_cmpfloat (best->mean.retention_at_n_cycles, <, 0.802);
  g_assert_cmpfloat (best->values[0].number, >, 0.5);
  g_assert_cmpfloat (best->values[0].number, <, 0.9);

  /* No point of a dense grid beats it by more than the grid's own step. */
  for (guint i = 0; i <= 80; i++)
    for (guint j = 0; j <= 120; j++)
      grid_best = MAX (grid_best, grid_objective (s, 0.5 + 0.4 * i / 80, 2.8 + 0.6 * j / 120, "nyzc", 0.8, &ret));
  g_test_message ("grid best %.4f", grid_best);
  g_assert_cmpfloat (best->mean.energy_Wh_per_kg_composite, >=, grid_best * (1 - 1e-4));
  g_assert_cmpfloat (best->mean.energy_Wh_per_kg_composite, <=, grid_best * 1.01);
  g_assert_cmpuint (best->evaluations, <=, 400);
  g_assert_cmpuint (res->points_evaluated % 2, ==, 0);   /* whole designs: 2 replicates each */
}

/* Without the constraint the voltage runs to its upper bound. */
static void
test_optimize_unconstrained (void)
{
  g_autoptr(CcSweep) s = st_load (opt_sweep);
  g_autoptr(CcSweepOptimizeResult) res = optimise (s, NULL, 300);
  const CcSweepOptimum *best = g_ptr_array_index (res->optima, 0);

  g_assert_cmpfloat_with_epsilon (best->values[1].number, 3.4, 1e-6);
  g_assert_true (best->feasible);
}

/* When nothing meets the constraint the least violating design comes back,
 * marked infeasible: retention is highest at the lowest cut-off voltage. */
static void
test_optimize_infeasible (void)
{
  g_autoptr(CcSweep) s = st_load (opt_sweep);
  g_autoptr(CcSweepOptimizeResult) res = optimise (s, "retention_at_n_cycles>=0.999", 300);
  const CcSweepOptimum *best = g_ptr_array_index (res->optima, 0);

  g_assert_false (best->feasible);
  g_assert_cmpfloat (best->violation, >, 0);
  g_assert_cmpfloat_with_epsilon (best->values[1].number, 2.8, 1e-6);
}

static void
test_optimize_cancel (void)
{
  g_autoptr(CcSweep) s = st_load (opt_sweep);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  CcSweepOptimizeOptions o = { 4, TRUE, NULL, 0, 100, 0, 2 };
  g_autoptr(CcSweepOptimizeResult) res = NULL;

  g_cancellable_cancel (cancellable);
  res = cc_sweep_optimize (s, cc_analytic_test_evaluator (NULL), cc_material_db_get_default (), &o, cancellable, &error);
  g_assert_null (res);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sweep/pareto/hand-built", test_pareto_hand_built);
  g_test_add_func ("/sweep/pareto/brute-force", test_pareto_brute_force);
  g_test_add_func ("/sweep/summarize/replicates", test_summarize);
  g_test_add_func ("/sweep/optimize/constraints", test_constraints);
  g_test_add_func ("/sweep/optimize/constrained", test_optimize_constrained);
  g_test_add_func ("/sweep/optimize/unconstrained", test_optimize_unconstrained);
  g_test_add_func ("/sweep/optimize/infeasible", test_optimize_infeasible);
  g_test_add_func ("/sweep/optimize/cancel", test_optimize_cancel);
  return g_test_run ();
}
