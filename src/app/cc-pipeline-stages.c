/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * INTEGRATION POINT: the only place the app drives the engines.
 *
 * A run's worker calls cc_simulation_run() on the pipeline's stage cache:
 *
 *   packing           cc_packing_run with a CcPackingMonitor, so the 3D view
 *                     shows the particles while they pack (the monitor is
 *                     the run's snapshot source) and the status bar shows
 *                     the packing's own progress; the run's GCancellable is
 *                     passed on, so an edit stops a packing in flight.
 *   analysis          cc_packing_analyze -> CcMicrostructure; the analysed
 *                     particles (state filled in) are published for the
 *                     view's "By state" colouring.
 *   electrochemistry  interfacial stability, cc_cell_inputs_from_design on
 *                     the microstructure and cc_cell_simulate.
 *   impedance         the model spectra at the first and the last cycle and
 *                     their DRT, with every other chart, in cc-stage-results.c.
 *
 * The simulation re-runs a stage only when its inputs changed: after a
 * protocol or cell edit the packing and its analysis come from the cache and
 * the run re-publishes the cached particles under the serial they were first
 * shown with, so the 3D view keeps them as they are. The cache is lent to
 * one worker at a time (cc-pipeline.c), and a run that fails or is cancelled
 * leaves only complete stages in it (cc_simulation_run).
 */
#include "cc-pipeline-stages.h"

#include <glib/gi18n.h>
#include "cc-packing.h"
#include "cc-plot.h"
#include "cc-run-private.h"
#include "cc-simulation.h"
#include "cc-stage-charts.h"

struct _CcStageCache {
  CcSimulation *sim;
  GBytes       *particles;   /* of the cached packing, analysed */
  double        box[3];
  guint         serial;
};

CcStageCache *
cc_stage_cache_new (CcMaterialDb *db)
{
  CcStageCache *cache = g_new0 (CcStageCache, 1);

  cache->sim = cc_simulation_new (db);
  return cache;
}

void
cc_stage_cache_free (CcStageCache *cache)
{
  if (cache == NULL)
    return;
  cc_simulation_free (cache->sim);
  g_clear_pointer (&cache->particles, g_bytes_unref);
  g_free (cache);
}

/* ---- worker ------------------------------------------------------------- */

/* The packing's own progress, from its worker thread at each snapshot. */
static void
on_packing_progress (CcPackingMonitor *monitor,
                     double            fraction,
                     const char       *stage,
                     gpointer          data)
{
  cc_run_set_progress (data, CC_STAGE_PACKING, fraction, stage);
}

/* A stage of the simulation begins (stages served from the cache do not). */
static void
on_sim_stage (CcSimStage stage,
              gpointer   data)
{
  CcRun *run = data;

  switch (stage)
    {
    case CC_SIM_STAGE_PACKING:
      cc_run_begin_stage (run, CC_STAGE_PACKING, NULL);
      break;
    case CC_SIM_STAGE_ANALYSIS:
      cc_run_begin_stage (run, CC_STAGE_ANALYSIS, _("contacts and percolation"));
      break;
    case CC_SIM_STAGE_STABILITY:
      cc_run_begin_stage (run, CC_STAGE_ELECTROCHEMISTRY, NULL);
      break;
    case CC_SIM_STAGE_CELL:
    default:
      cc_run_begin_stage (run, CC_STAGE_ELECTROCHEMISTRY, _("cell model"));
      break;
    }
}

/* Keeps the cache's particles in step with its packing and shows them: a
 * new packing or analysis gets a new serial, a re-used one keeps its own. */
static void
share_particles (CcRun        *run,
                 CcStageCache *cache,
                 CcSimStage    ran)
{
  /* NULL unless analysed for this run's design. */
  CcPacking *packing = cc_simulation_get_packing (cache->sim);
  const CcParticle *particles;
  guint n;

  if (ran & CC_SIM_STAGE_PACKING)
    g_clear_pointer (&cache->particles, g_bytes_unref);   /* the old packing is gone */
  if (packing == NULL)
    return;
  if ((ran & CC_SIM_STAGE_ANALYSIS) || cache->particles == NULL)
    {
      particles = cc_packing_get_particles (packing, &n);
      g_clear_pointer (&cache->particles, g_bytes_unref);
      cache->particles = g_bytes_new (particles, (gsize) n * sizeof (CcParticle));
      cc_packing_get_box (packing, &cache->box[0], &cache->box[1], &cache->box[2]);
      cache->serial = cc_run_new_serial ();
    }
  cc_run_publish_particles (run, cache->particles, cache->box, cache->serial);
}

gboolean
cc_pipeline_stages_run (CcRun         *run,
                        CcStageCache  *cache,
                        GError       **error)
{
  GCancellable *cancellable = cc_run_get_cancellable (run);
  g_autoptr(CcPackingMonitor) monitor = cc_packing_monitor_new (0.1);
  g_autoptr(GError) sim_error = NULL;
  CcStageResults *results;
  CcSimulationOptions options;
  CcSimStage ran = 0;
  gint64 t0 = g_get_monotonic_time (), t1;
  gboolean ok;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  cc_packing_monitor_set_callback (monitor, on_packing_progress, run, NULL);
  cc_run_set_snapshot_source (run, (CcSnapshotFunc) cc_packing_monitor_dup_snapshot,
                              cc_packing_monitor_ref (monitor),
                              (GDestroyNotify) cc_packing_monitor_unref);
  cc_simulation_options_init (&options);
  options.progress = on_sim_stage;
  options.progress_data = run;
  ok = cc_simulation_run (cache->sim, cc_run_get_design (run), &options, monitor, &ran,
                          cancellable, &sim_error);
  cc_packing_monitor_set_callback (monitor, NULL, NULL, NULL);
  t1 = g_get_monotonic_time ();
  share_particles (run, cache, ran);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  /* Without a microstructure there is nothing to show; a cell that could
   * not be simulated still has its microstructure and stability. */
  if (!ok && cc_simulation_get_microstructure (cache->sim) == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&sim_error));
      return FALSE;
    }
  cc_run_begin_stage (run, CC_STAGE_IMPEDANCE, _("spectra at the first and the last cycle"));
  results = cc_stage_results_build (cache->sim, cc_run_get_design (run), cc_run_get_db (run), sim_error);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      cc_stage_results_free (results);
      return FALSE;
    }
  cc_run_set_results (run, results);
  /* G_MESSAGES_DEBUG=cathode-composer shows where a run's time goes. */
  g_debug ("run: simulation %.3f s (stages run: 0x%x), charts and insights %.3f s",
           (t1 - t0) / 1e6, ran, (g_get_monotonic_time () - t1) / 1e6);
  return TRUE;
}

/* ---- main thread -------------------------------------------------------- */

CcStage
cc_pipeline_stages_for_chart (CcChartKind kind)
{
  switch (kind)
    {
    case CC_CHART_NYQUIST:
    case CC_CHART_BODE:
    case CC_CHART_DRT:
      return CC_STAGE_IMPEDANCE;
    case CC_CHART_MICROSTRUCTURE:
      return CC_STAGE_ANALYSIS;
    case CC_CHART_STABILITY:
    case CC_CHART_COMPATIBILITY:
      return CC_N_STAGES;
    case CC_CHART_VOLTAGE:
    case CC_CHART_CYCLING:
    case CC_CHART_RATE:
    case CC_CHART_RAGONE:
    case CC_N_CHARTS:
    default:
      return CC_STAGE_ELECTROCHEMISTRY;
    }
}

void
cc_pipeline_stages_present_design (const CcDesign *design,
                                   CcMaterialDb   *db,
                                   CcResultsView  *results)
{
  static const struct { CcChartKind kind; const char *name; } charts[] = {
    { CC_CHART_STABILITY, "stability-window" },
    { CC_CHART_COMPATIBILITY, "compatibility-matrix" },
  };

  g_return_if_fail (design != NULL && db != NULL);
  g_return_if_fail (CC_IS_RESULTS_VIEW (results));

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    {
      g_autoptr(GError) error = NULL;
      CcChart *chart = cc_plot_build_chart (charts[i].name, design, db, NULL, &error);

      cc_stage_charts_show (results, charts[i].kind, chart, error);
    }
}

void
cc_pipeline_stages_present (CcRun            *run,
                            CcResultsView    *results,
                            CcPresetsGallery *presets)
{
  const CcStageResults *r;

  g_return_if_fail (run != NULL);
  g_return_if_fail (CC_IS_RESULTS_VIEW (results));

  r = cc_run_get_results (run);
  if (r == NULL)
    return;
  for (guint k = 0; k < CC_N_CHARTS; k++)
    {
      const CcStagePage *page = &r->pages[k];

      if (page->chart != NULL)
        cc_stage_charts_show (results, k, cc_chart_ref (page->chart), NULL);
      else if (page->title != NULL)
        cc_results_view_clear (results, k, page->title, page->reason);
    }
  cc_results_view_set_insights (results, (const char * const *) r->insights, NULL);
  if (r->preset != NULL && presets != NULL)
    cc_presets_gallery_set_prediction (presets, r->preset->id, r->has_prediction ? &r->predicted : NULL);
}
