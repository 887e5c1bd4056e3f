/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A finished simulation -> what the window shows: every engine chart through
 * the core's own mapping (cc_plot_build_chart_from_simulation, so a chart on
 * screen is the chart `plot` exports; the impedance pages carry the first
 * and the last cycle of the protocol), the insights, main limitation first,
 * and the literature cell's predicted figures. Runs in the worker while it
 * holds the stage cache; the results own everything they hold.
 */
#include "cc-stage-outputs.h"

#include <glib/gi18n.h>
#include <math.h>
#include "cc-chart-kinds.h"
#include "cc-plot.h"
#include "cc-preset-compare.h"
#include "cc-stage-insights.h"

CcStageResults *
cc_stage_results_new (void)
{
  return g_new0 (CcStageResults, 1);
}

void
cc_stage_results_free (CcStageResults *results)
{
  if (results == NULL)
    return;
  for (guint k = 0; k < CC_N_CHARTS; k++)
    {
      g_clear_pointer (&results->pages[k].chart, cc_chart_unref);
      g_free (results->pages[k].title);
      g_free (results->pages[k].reason);
    }
  g_strfreev (results->insights);
  g_free (results);
}

void
cc_stage_results_set (CcStageResults *results,
                      CcChartKind     kind,
                      CcChart        *chart,
                      const char     *title,
                      const char     *reason)
{
  CcStagePage *page;

  g_return_if_fail (results != NULL && kind < CC_N_CHARTS);

  page = &results->pages[kind];
  g_clear_pointer (&page->chart, cc_chart_unref);
  g_clear_pointer (&page->title, g_free);
  g_clear_pointer (&page->reason, g_free);
  page->chart = chart;
  if (chart == NULL)
    {
      page->title = g_strdup (title);
      page->reason = g_strdup (reason);
    }
}

static gboolean
cell_works (const CcCellResult *cell)
{
  return cell != NULL && (cell->status == CC_CELL_STATUS_OK || cell->status == CC_CELL_STATUS_PARTIAL);
}

/* The pages drawn from the simulation and the core's name of each chart. */
static const struct {
  CcChartKind  kind;
  const char  *name;
  gboolean     needs_curves;   /* nothing to draw for a cell that does not work */
} engine_charts[] = {
  { CC_CHART_VOLTAGE, "voltage-profile", TRUE },
  { CC_CHART_CYCLING, "cycling", TRUE },
  { CC_CHART_RATE, "rate-capability", TRUE },
  { CC_CHART_RAGONE, "ragone", TRUE },
  { CC_CHART_NYQUIST, "nyquist", FALSE },
  { CC_CHART_BODE, "bode", FALSE },
  { CC_CHART_DRT, "drt", FALSE },
};

static void
build_charts (CcStageResults *results,
              CcSimulation   *sim,
              const GError   *sim_error)
{
  const CcCellResult *cell = cc_simulation_get_cell (sim);
  g_autoptr(GError) micro_error = NULL;
  CcChart *micro = cc_chart_microstructure_new (cc_simulation_get_microstructure (sim), &micro_error);

  cc_stage_results_set (results, CC_CHART_MICROSTRUCTURE, micro, _("No chart"),
                        micro_error != NULL ? micro_error->message : NULL);
  for (guint i = 0; i < G_N_ELEMENTS (engine_charts); i++)
    {
      CcChartKind kind = engine_charts[i].kind;
      g_autoptr(GError) error = NULL;
      CcChart *chart;

      if (sim_error != NULL)
        {
          cc_stage_results_set (results, kind, NULL, _("The cell model could not run"), sim_error->message);
          continue;
        }
      if (engine_charts[i].needs_curves && !cell_works (cell))
        {
          cc_stage_results_set (results, kind, NULL, _("This cell does not work"), cell->message);
          continue;
        }
      chart = cc_plot_build_chart_from_simulation (engine_charts[i].name, sim, NULL, &error);
      cc_stage_results_set (results, kind, chart, _("No chart"),
                            error != NULL ? error->message : _("The run produced no data for this chart."));
    }
}

/* The preset a design was opened from: same name as the preset's design. */
static const CcPreset *
find_preset (const CcDesign *design)
{
  CcPresetList *list = cc_preset_list_get_default ();

  for (guint i = 0; design->name != NULL && list != NULL && i < cc_preset_list_get_n (list); i++)
    {
      const CcPreset *preset = cc_preset_list_get_nth (list, i);

      if (g_strcmp0 (preset->design->name, design->name) == 0 || g_strcmp0 (preset->id, design->name) == 0)
        return preset;
    }
  return NULL;
}

/* The gallery's "Predicted" column: the rows the echem engine compares with
 * the preset's reported figures, under the same conditions as reported. */
static void
predict (CcStageResults     *results,
         const CcDesign     *design,
         const CcCellResult *cell)
{
  g_autoptr(GPtrArray) rows = NULL;
  CcReported *predicted = &results->predicted;

  results->preset = find_preset (design);
  if (results->preset == NULL || !cell_works (cell))
    return;
  *predicted = results->preset->reported;
  predicted->capacity_mAh_g = NAN;
  predicted->retention = NAN;
  predicted->initial_coulombic_efficiency = NAN;
  predicted->notes = NULL;
  rows = cc_preset_compare (results->preset, cell);
  g_ptr_array_set_free_func (rows, (GDestroyNotify) cc_preset_comparison_free);
  for (guint i = 0; i < rows->len; i++)
    {
      const CcPresetComparison *row = g_ptr_array_index (rows, i);

      if (g_str_equal (row->quantity, "capacity_mAh_g"))
        predicted->capacity_mAh_g = row->predicted;
      else if (g_str_equal (row->quantity, "initial_coulombic_efficiency"))
        predicted->initial_coulombic_efficiency = row->predicted;
      else if (g_str_equal (row->quantity, "retention"))
        predicted->retention = row->predicted;
    }
  results->has_prediction = TRUE;
}

CcStageResults *
cc_stage_results_build (CcSimulation   *sim,
                        const CcDesign *design,
                        CcMaterialDb   *db,
                        const GError   *sim_error)
{
  CcStageResults *results = cc_stage_results_new ();
  /* After a failure the simulation shows only this design's stages. */
  const CcCellResult *cell = cc_simulation_get_cell (sim);
  const CcStabilityReport *stability = cc_simulation_get_stability (sim);
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();

  g_return_val_if_fail (cc_simulation_get_microstructure (sim) != NULL, results);

  build_charts (results, sim, sim_error);
  /* The main limitation first: a dead cell, much CAM out of reach or the
   * dominant fade, then the interfaces outside their window, then the
   * microstructure. */
  cc_stage_insights_cell (cell, cc_simulation_get_microstructure (sim), sim_error != NULL ? sim_error->message : NULL,
                          lines);
  if (stability != NULL)
    cc_stage_insights_stability (stability, db, lines);
  cc_stage_insights_micro (cc_simulation_get_microstructure (sim), lines);
  g_ptr_array_add (lines, NULL);
  results->insights = (char **) g_ptr_array_steal (lines, NULL);
  predict (results, design, cell);
  return results;
}
