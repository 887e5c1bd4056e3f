/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * INTEGRATION POINT. The engines are written separately (src/core/packing,
 * src/core/echem, src/core/eis, src/core/figures); this file is the only
 * place the app refers to them. Until they are merged the pipeline has no
 * stages, the app says so ("… not available in this build") and computes
 * nothing: it never shows made-up results.
 *
 * To plug an engine, in cc_pipeline_stages_install():
 *
 *   cc_pipeline_set_stage (pipeline, CC_STAGE_PACKING, packing_stage, 6, NULL, NULL);
 *
 * with, for the packing (cc-packing.h):
 *
 *   static gboolean
 *   packing_stage (CcRun *run, gpointer data, GCancellable *cancellable, GError **error)
 *   {
 *     g_autoptr(CcPackingParams) params =
 *       cc_packing_params_from_design (cc_run_get_design (run), cc_run_get_db (run), error);
 *     g_autoptr(CcPackingMonitor) monitor = cc_packing_monitor_new (0.1);
 *     CcPacking *packing;
 *
 *     if (params == NULL)
 *       return FALSE;
 *     // Live particles in the 3D view while it packs:
 *     cc_run_set_snapshot_source (run, (CcSnapshotFunc) cc_packing_monitor_dup_snapshot,
 *                                 cc_packing_monitor_ref (monitor),
 *                                 (GDestroyNotify) cc_packing_monitor_unref);
 *     // Progress: a thread polling cc_packing_monitor_get_progress, or the
 *     // monitor's own callback, calls cc_run_set_progress (run, fraction, stage).
 *     packing = cc_packing_run (params, monitor, cancellable, error);
 *     if (packing == NULL)
 *       return FALSE;
 *     cc_run_set_output (run, CC_STAGE_PACKING, packing, (GDestroyNotify) cc_packing_free);
 *     return TRUE;
 *   }
 *
 * The analysis stage takes cc_run_get_output (run, CC_STAGE_PACKING), calls
 * cc_packing_analyze() into a CcMicrostructure, hands it over with
 * cc_run_set_microstructure(), and publishes the analysed particles (their
 * `state` filled in) with cc_run_publish_particles() so the 3D view's
 * "By state" colouring shows active and isolated particles. Species index i
 * must be design component i (cc_packing_params_from_design keeps that
 * order), because the view colours and names particles by component.
 *
 * The electrochemistry and impedance stages read cc_run_get_microstructure()
 * and store their results with cc_run_set_output (run, CC_STAGE_…, result,
 * free_func). cc_pipeline_stages_present() then hands each chart to the
 * results view with the figure engine's render and hover functions:
 *
 *   cc_results_view_set_chart (results, CC_CHART_VOLTAGE,
 *                              cc_figure_voltage_render, cc_figure_voltage_hover,
 *                              chart, (GDestroyNotify) cc_figure_free);
 *
 * The figure engine (src/core/figures) draws with
 *   gboolean cc_chart_render (CcChart*, const CcChartStyle*, cairo_t*, w_pt, h_pt, GError**)
 * so the adapters are two lines each:
 *
 *   static void
 *   render_chart (gpointer chart, cairo_t *cr, double w, double h)
 *   {
 *     cc_chart_render (chart, NULL, cr, w, h, NULL);
 *   }
 *
 *   static char *
 *   hover_chart (gpointer chart, double x, double y, double w, double h)
 *   {
 *     CcChartHit hit;
 *     return cc_chart_hit_test (chart, NULL, w, h, x, y, 6, &hit)
 *            ? cc_chart_hit_describe (chart, &hit) : NULL;
 *   }
 *
 * Page ↔ chart kind: VOLTAGE "voltage-profile", CYCLING "cycling", RATE
 * "rate-capability", RAGONE "ragone", NYQUIST "nyquist", BODE "bode", DRT
 * "drt", STABILITY "stability-window", COMPATIBILITY "compatibility-matrix",
 * MICROSTRUCTURE "microstructure". The two design charts go in
 * cc_pipeline_stages_present_design():
 *
 *   CcChart *chart = cc_plot_build_chart ("stability-window", design, db, NULL, &error);
 *   if (chart != NULL)
 *     cc_results_view_set_chart (results, CC_CHART_STABILITY, render_chart, hover_chart,
 *                                chart, (GDestroyNotify) cc_chart_unref);
 *
 * and fills the "Predicted" column of the literature cells with
 * cc_presets_gallery_set_prediction (presets, id, &predicted) when the run
 * was started from a preset.
 */
#include "cc-pipeline-stages.h"

#include <glib/gi18n.h>

void
cc_pipeline_stages_install (CcPipeline *pipeline)
{
  g_return_if_fail (CC_IS_PIPELINE (pipeline));
  /* No engine is part of this build yet: see the comment at the top. */
}

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

char **
cc_pipeline_stages_micro_insights (const CcMicrostructure *m)
{
  GPtrArray *lines = g_ptr_array_new ();

  g_return_val_if_fail (m != NULL, NULL);

  g_ptr_array_add (lines, g_strdup_printf (_("<b>%.0f %%</b> of the active material is reached by both "
                                             "ions and electrons."), 100 * m->active_cam_fraction));
  if (!m->ionic_percolation)
    g_ptr_array_add (lines, g_strdup (_("<b>No ionic path</b> spans the cathode: add solid electrolyte "
                                        "or make its particles smaller.")));
  if (!m->electronic_percolation)
    g_ptr_array_add (lines, g_strdup (_("<b>No electronic path</b> spans the cathode: the active material "
                                        "alone does not conduct well enough; add carbon.")));
  if (m->ionic_percolation && m->tortuosity_ion > 0)
    g_ptr_array_add (lines, g_strdup_printf (_("Ionic tortuosity <b>%.1f</b> (τ = ε·σ<sub>bulk</sub>/σ<sub>eff</sub>; "
                                               "1 means straight channels)."), m->tortuosity_ion));
  g_ptr_array_add (lines, g_strdup_printf (_("Porosity after pressing: <b>%.1f %%</b>."), 100 * m->porosity));
  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (lines, FALSE);
}

void
cc_pipeline_stages_present_design (const CcDesign *design,
                                   CcMaterialDb   *db,
                                   CcResultsView  *results)
{
  g_return_if_fail (design != NULL && db != NULL);
  g_return_if_fail (CC_IS_RESULTS_VIEW (results));
  /* The figure engine is not part of this build: see the comment at the top
   * (stability-window and compatibility-matrix need only the design). */
}

void
cc_pipeline_stages_present (CcRun            *run,
                            CcResultsView    *results,
                            CcPresetsGallery *presets)
{
  const CcMicrostructure *micro;

  g_return_if_fail (run != NULL);
  g_return_if_fail (CC_IS_RESULTS_VIEW (results));

  micro = cc_run_get_microstructure (run);
  if (micro != NULL)
    {
      g_auto(GStrv) insights = cc_pipeline_stages_micro_insights (micro);
      cc_results_view_set_insights (results, (const char * const *) insights, NULL);
    }
  /* Charts: see the comment at the top of this file. */
}
