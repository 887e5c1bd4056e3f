/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sweep benchmark: points per second for a 10 x 10 sweep of the default
 * design with 5,000 particles, on 1 thread and on 2, with the evaluator this
 * build has. Without a model it times the engine around the analytic test
 * function, i.e. the overhead per point, and says so.
 */
#include "cli-commands.h"
#include "cli-common.h"
#include "cli-sweep-common.h"
#include "cc-json-util.h"
#include "cc-sweep-run.h"
#include "analytic-test-evaluator.h"

#include <glib/gstdio.h>
#include <stdio.h>

#define BENCH_PARTICLES 5000
#define BENCH_BUDGET_S  120.0   /* stop repeating a thread count after this long */
#define BENCH_MIN_S     1.0     /* fast runs repeat until this much was timed */
#define BENCH_MAX_RUNS  51

static CcSweep *
bench_sweep (GError **error)
{
  g_autoptr(CcDesign) d = cc_design_new_default ();
  g_autoptr(JsonNode) base = NULL;
  g_autofree char *base_text = NULL, *doc = NULL;

  d->simulation.particles = BENCH_PARTICLES;
  base = cc_design_to_json_node (d);
  base_text = cc_json_to_data (base, FALSE, NULL);
  doc = g_strdup_printf ("{\"format\":\"cathode-composer-sweep\",\"version\":1,\"name\":\"bench\",\"base\":%s,"
                         "\"axes\":[{\"path\":\"components[0].mass_fraction\",\"from\":0.55,\"to\":0.8,\"steps\":10},"
                         "{\"path\":\"components[1].d50_um\",\"from\":0.5,\"to\":5,\"steps\":10,\"scale\":\"log\"}]}",
                         base_text);
  return cc_sweep_load_from_data (doc, -1, NULL, error);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* Median points/s over repeated runs: at least 3 and 1 s in all for fast
 * evaluators (whose runs are dominated by fixed costs and jitter), fewer
 * when a run is slow. */
static gboolean
measure (CcSweep                *sweep,
         const CcSweepEvaluator *ev,
         guint                   threads,
         double                 *median,
         guint                  *runs,
         GError                **error)
{
  g_autofree char *dir = g_dir_make_tmp ("cc-bench-sweep-XXXXXX", error);
  g_autofree char *out = NULL;
  double rates[BENCH_MAX_RUNS];
  double total = 0;
  guint n = 0;

  if (dir == NULL)
    return FALSE;
  out = g_build_filename (dir, "bench.jsonl", NULL);
  while (n < G_N_ELEMENTS (rates) && total < BENCH_BUDGET_S && (n < 3 || total < BENCH_MIN_S))
    {
      CcSweepRunOptions o = { 0, 1, threads, out };
      CcSweepProgress p;
      gint64 t0 = g_get_monotonic_time ();
      double s;

      g_remove (out);
      if (!cc_sweep_run (sweep, ev, cc_material_db_get_default (), &o, NULL, NULL, NULL, &p, error))
        break;
      s = (g_get_monotonic_time () - t0) / 1e6;   /* the whole run: writing the file included */
      rates[n++] = p.done / s;
      total += s;
    }
  g_remove (out);
  g_rmdir (dir);
  if (n == 0)
    return FALSE;
  qsort (rates, n, sizeof (double), compare_double);
  *median = n % 2 ? rates[n / 2] : 0.5 * (rates[n / 2 - 1] + rates[n / 2]);
  *runs = n;
  return TRUE;
}

int
cli_bench_sweep (void)
{
  g_autoptr(CcSweep) sweep = NULL;
  g_autoptr(GError) error = NULL;
  const CcSweepEvaluator *ev = cc_sweep_evaluator_get_default ();
  double rate[2];
  guint runs[2];

  if (ev == NULL)
    {
      ev = cli_sweep_evaluator ("analytic-test", &error);
      if (ev == NULL)
        return cli_fail_error (error);
      printf ("sweep: no model evaluator in this build; timing the sweep engine around the analytic "
              "test function (engine overhead per point, not model speed)\n");
    }
  sweep = bench_sweep (&error);
  if (sweep == NULL)
    return cli_fail_error (error);
  printf ("sweep: 10 x 10 designs of the default design, %d particles, evaluator %s, %u cores\n",
          BENCH_PARTICLES, ev->name, g_get_num_processors ());
  for (guint t = 0; t < 2; t++)
    {
      if (!measure (sweep, ev, t + 1, &rate[t], &runs[t], &error))
        return cli_fail_error (error);
      printf ("sweep: %u thread%s  %10.4g points/s  %10.4g ms/point  (median of %u run%s)\n", t + 1,
              t ? "s" : " ", rate[t], 1000 / rate[t], runs[t], runs[t] == 1 ? "" : "s");
    }
  printf ("sweep: scaling 1 -> 2 threads: %.2fx\n", rate[1] / rate[0]);
  return CLI_EXIT_OK;
}
