/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * bench pipeline: the default design with 10,000 particles and 1,000 cycles
 * through the whole pipeline (packing included), the stages after packing,
 * and electrochemistry alone with the microstructure cached. Medians of
 * repeated runs.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cli-common.h"
#include "cli-commands.h"
#include "cc-simulation.h"

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *v,
        guint   n)
{
  qsort (v, n, sizeof *v, (int (*) (const void *, const void *)) compare_double);
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

int
cli_bench_pipeline (void)
{
  enum { REPEAT = 3 };
  double full[REPEAT], after[REPEAT], cell[REPEAT];
  g_autoptr(CcDesign) design = cc_design_new_default ();

  design->simulation.particles = 10000;
  design->protocol.cycles = 1000;
  printf ("bench pipeline: default design, %u particles, %u cycles (median of %d)\n",
          design->simulation.particles, design->protocol.cycles, REPEAT);

  for (guint i = 0; i < REPEAT; i++)
    {
      g_autoptr(CcSimulation) sim = cc_simulation_new (cc_material_db_get_default ());
      g_autoptr(GError) error = NULL;
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr(CcDesign) edited = cc_design_copy (design);

      if (!cc_simulation_run (sim, design, NULL, NULL, NULL, NULL, &error))
        return cli_fail_error (error);
      full[i] = (g_get_monotonic_time () - t0) / 1e6;
      after[i] = cc_simulation_get_seconds (sim, CC_SIM_STAGE_ANALYSIS)
                 + cc_simulation_get_seconds (sim, CC_SIM_STAGE_CELL)
                 + cc_simulation_get_seconds (sim, CC_SIM_STAGE_STABILITY);

      /* A protocol edit: the cached microstructure is reused. */
      edited->protocol.voltage_max_V -= 0.05;
      t0 = g_get_monotonic_time ();
      if (!cc_simulation_run (sim, edited, NULL, NULL, NULL, NULL, &error))
        return cli_fail_error (error);
      cell[i] = (g_get_monotonic_time () - t0) / 1e6;
    }
  printf ("  full pipeline (packing included)      %8.3f s\n", median (full, REPEAT));
  printf ("  after packing (analysis+cell+stability) %6.3f s\n", median (after, REPEAT));
  printf ("  re-prediction, microstructure cached   %8.3f s\n", median (cell, REPEAT));
  return cli_bench_pipeline_echem ();
}
