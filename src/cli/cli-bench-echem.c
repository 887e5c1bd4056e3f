/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The electrochemistry part of `bench pipeline`: the default design with a
 * fixed microstructure (computed once, outside the timing, by the
 * effective-medium estimate; the pipeline benchmark proper uses the packing
 * engine's), 1,000 cycles. Times the cell inputs plus the cell simulation
 * (formation, rate tests, 1,000 cycles) and the stability analysis; prints the
 * median of several runs against the targets.
 */
#include "cli-common.h"
#include "cli-commands.h"
#include "cc-cell.h"
#include "cc-effective-medium.h"
#include "cc-stability.h"

#include <stdio.h>
#include <stdlib.h>

#define RUNS 9

static int
compare (const void *a,
         const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

int
cli_bench_pipeline_echem (void)
{
  g_autoptr(CcDesign) design = cc_design_new_default ();
  g_autoptr(GError) error = NULL;
  CcMaterialDb *db = cc_material_db_get_default ();
  CcMicrostructure micro;
  double echem[RUNS], stab[RUNS];
  guint cycles = 0;

  design->protocol.cycles = 1000;
  if (!cc_microstructure_estimate_effective_medium (design, db, &micro, &error))
    return cli_fail_error (error);

  for (guint run = 0; run < RUNS; run++)
    {
      gint64 t0 = g_get_monotonic_time (), t1, t2;
      g_autoptr(CcCellInputs) in = cc_cell_inputs_from_design (design, db, &micro, &error);
      g_autoptr(CcCellResult) r = NULL;
      g_autoptr(CcStabilityReport) s = NULL;

      if (in == NULL || (r = cc_cell_simulate (in, NULL, NULL, &error)) == NULL)
        return cli_fail_error (error);
      t1 = g_get_monotonic_time ();
      s = cc_stability_analyze (design, db, &error);
      if (s == NULL)
        return cli_fail_error (error);
      t2 = g_get_monotonic_time ();
      echem[run] = (t1 - t0) / 1000.0;
      stab[run] = (t2 - t1) / 1000.0;
      cycles = r->cycles->len;
    }
  qsort (echem, RUNS, sizeof (double), compare);
  qsort (stab, RUNS, sizeof (double), compare);
  printf ("electrochemistry, fixed microstructure (%u cycles): median %.1f ms, min %.1f ms "
          "(target < 100 ms%s)\n", cycles, echem[RUNS / 2], echem[0], echem[RUNS / 2] < 100 ? "" : ": MISSED");
  printf ("stability analysis: median %.2f ms\n", stab[RUNS / 2]);
  return CLI_EXIT_OK;
}
