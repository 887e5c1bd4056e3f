/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * INTEGRATION POINT: the only place the app refers to the engines.
 *
 *   packing           cc_packing_run with a CcPackingMonitor, so the 3D view
 *                     shows the particles while they pack (the monitor is
 *                     the run's snapshot source) and the status bar shows
 *                     the packing's own progress; the run's GCancellable is
 *                     passed on, so an edit stops a packing in flight.
 *   analysis          cc_packing_analyze -> CcMicrostructure; the analysed
 *                     particles (state filled in) are published for the
 *                     view's "By state" colouring. Species index i is design
 *                     component i (cc_packing_params_from_design keeps it).
 *   electrochemistry  cc_cell_inputs_from_design + cc_cell_simulate, and the
 *                     interfacial stability of the design (CcEchemOutput).
 *   impedance         the model spectrum of the fresh cell on the packed
 *                     microstructure (cc_eis_model_spectrum).
 *
 * Stages run in the pipeline's worker thread and share no state between
 * runs (each run computes from its own copy of the design), so an old run
 * being cancelled never races a new one. cc_pipeline_stages_present() turns
 * the outputs into charts (cc-stage-charts.c), insights
 * (cc-stage-insights.c) and the presets gallery's "Predicted" column.
 */
#include "cc-pipeline-stages.h"

#include <glib/gi18n.h>
#include "cc-packing.h"
#include "cc-cell-inputs.h"
#include "cc-eis-model.h"
#include "cc-eis-params.h"
#include "cc-stage-outputs.h"
#include "cc-stage-charts.h"
#include "cc-stage-insights.h"
#include "cc-preset-compare.h"
#include "cc-plot.h"
#include "cc-preset.h"
#include <math.h>

#define PROGRESS_POLL_US 100000

void
cc_echem_output_free (CcEchemOutput *out)
{
  g_clear_pointer (&out->cell, cc_cell_result_free);
  g_clear_pointer (&out->stability, cc_stability_report_free);
  g_free (out->cell_error);
  g_free (out);
}

void
cc_impedance_output_free (CcImpedanceOutput *out)
{
  g_clear_pointer (&out->spectrum, cc_eis_spectrum_free);
  g_clear_pointer (&out->drt, cc_eis_drt_result_free);
  g_free (out->drt_error);
  g_free (out);
}

/* ---- packing ------------------------------------------------------------ */

/* The packing reports progress through its monitor only; a small thread
 * copies it into the run while cc_packing_run blocks. */
typedef struct {
  CcRun            *run;
  CcPackingMonitor *monitor;
  gint              stop;
} ProgressWatch;

static gpointer
watch_progress (gpointer data)
{
  ProgressWatch *watch = data;

  while (!g_atomic_int_get (&watch->stop))
    {
      double fraction = 0;
      const char *stage = NULL;

      cc_packing_monitor_get_progress (watch->monitor, &fraction, &stage);
      cc_run_set_progress (watch->run, fraction, stage);
      g_usleep (PROGRESS_POLL_US);
    }
  return NULL;
}

static gboolean
packing_stage (CcRun         *run,
               gpointer       data,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(CcPackingParams) params =
    cc_packing_params_from_design (cc_run_get_design (run), cc_run_get_db (run), error);
  g_autoptr(CcPackingMonitor) monitor = NULL;
  ProgressWatch watch = { run, NULL, 0 };
  GThread *thread;
  CcPacking *packing;

  if (params == NULL)
    return FALSE;
  monitor = cc_packing_monitor_new (0.1);
  watch.monitor = monitor;
  /* Live particles in the 3D view while it packs. */
  cc_run_set_snapshot_source (run, (CcSnapshotFunc) cc_packing_monitor_dup_snapshot,
                              cc_packing_monitor_ref (monitor),
                              (GDestroyNotify) cc_packing_monitor_unref);
  thread = g_thread_new ("cc-packing-progress", watch_progress, &watch);
  packing = cc_packing_run (params, monitor, cancellable, error);
  g_atomic_int_set (&watch.stop, 1);
  g_thread_join (thread);
  if (packing == NULL)
    return FALSE;
  cc_run_set_output (run, CC_STAGE_PACKING, packing, (GDestroyNotify) cc_packing_free);
  return TRUE;
}

/* ---- analysis ----------------------------------------------------------- */

static gboolean
analysis_stage (CcRun         *run,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  CcPacking *packing = cc_run_get_output (run, CC_STAGE_PACKING);
  CcMicrostructure micro;
  const CcParticle *particles;
  g_autoptr(GBytes) bytes = NULL;
  double box[3];
  guint n;

  if (packing == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("No packing to analyse"));
      return FALSE;
    }
  cc_run_set_progress (run, 0, _("contacts and percolation"));
  if (!cc_packing_analyze (packing, &micro, cancellable, error))
    return FALSE;
  cc_run_set_microstructure (run, &micro);
  particles = cc_packing_get_particles (packing, &n);
  cc_packing_get_box (packing, &box[0], &box[1], &box[2]);
  bytes = g_bytes_new (particles, (gsize) n * sizeof (CcParticle));
  cc_run_publish_particles (run, bytes, box);
  return TRUE;
}

/* ---- electrochemistry --------------------------------------------------- */

static gboolean
echem_stage (CcRun         *run,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  const CcDesign *design = cc_run_get_design (run);
  CcMaterialDb *db = cc_run_get_db (run);
  g_autoptr(CcCellInputs) inputs = NULL;
  g_autoptr(GError) local = NULL;
  CcEchemOutput *out = g_new0 (CcEchemOutput, 1);
  CcCellOptions options;

  /* The stability verdicts need only the design: kept even when the cell
   * cannot be simulated, since they often say why. */
  out->stability = cc_stability_analyze (design, db, NULL);
  cc_run_set_progress (run, 0, _("cell model"));
  inputs = cc_cell_inputs_from_design (design, db, cc_run_get_microstructure (run), &local);
  if (inputs != NULL)
    {
      cc_cell_options_init (&options);
      out->cell = cc_cell_simulate (inputs, &options, cancellable, &local);
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      cc_echem_output_free (out);
      return FALSE;
    }
  if (out->cell == NULL)
    out->cell_error = g_strdup (local != NULL ? local->message : _("The cell model gave no result"));
  cc_run_set_output (run, CC_STAGE_ELECTROCHEMISTRY, out, (GDestroyNotify) cc_echem_output_free);
  return TRUE;
}

/* ---- impedance ---------------------------------------------------------- */

static gboolean
impedance_stage (CcRun         *run,
                 gpointer       data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  CcEisCellParams params;
  CcEisFreqRange range;
  CcEisDrtOptions drt_options;
  g_autoptr(GError) drt_error = NULL;
  CcImpedanceOutput *out;
  CcEisSpectrum *spectrum;

  /* The fresh cell: no interphase yet, half charged. */
  if (!cc_eis_cell_params_from_design_micro (cc_run_get_design (run), cc_run_get_db (run),
                                             cc_run_get_microstructure (run), 0.0,
                                             CC_EIS_DEFAULT_SOC, &params, NULL, error))
    return FALSE;
  cc_eis_freq_range_init_default (&range);
  spectrum = cc_eis_model_spectrum (&params, &range, error);
  if (spectrum == NULL)
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      cc_eis_spectrum_free (spectrum);
      return FALSE;
    }
  out = g_new0 (CcImpedanceOutput, 1);
  out->spectrum = spectrum;
  cc_eis_drt_options_init (&drt_options);
  out->drt = cc_eis_drt (spectrum, &drt_options, &drt_error);
  if (out->drt == NULL)
    out->drt_error = g_strdup (drt_error != NULL ? drt_error->message : "");
  cc_run_set_output (run, CC_STAGE_IMPEDANCE, out, (GDestroyNotify) cc_impedance_output_free);
  return TRUE;
}

void
cc_pipeline_stages_install (CcPipeline *pipeline)
{
  g_return_if_fail (CC_IS_PIPELINE (pipeline));

  /* Weights: rough shares of the wall time at the design's particle count. */
  cc_pipeline_set_stage (pipeline, CC_STAGE_PACKING, packing_stage, 6, NULL, NULL);
  cc_pipeline_set_stage (pipeline, CC_STAGE_ANALYSIS, analysis_stage, 1, NULL, NULL);
  cc_pipeline_set_stage (pipeline, CC_STAGE_ELECTROCHEMISTRY, echem_stage, 2, NULL, NULL);
  cc_pipeline_set_stage (pipeline, CC_STAGE_IMPEDANCE, impedance_stage, 0.5, NULL, NULL);
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

/* Fills the gallery's "Predicted" column from the rows the echem engine
 * compares with the preset's reported figures. */
static void
present_prediction (const CcDesign     *design,
                    const CcCellResult *cell,
                    CcPresetsGallery   *presets)
{
  const CcPreset *preset = find_preset (design);
  g_autoptr(GPtrArray) rows = NULL;
  CcReported predicted = preset ? preset->reported : (CcReported) { 0 };

  if (preset == NULL || presets == NULL)
    return;
  if (cell == NULL || (cell->status != CC_CELL_STATUS_OK && cell->status != CC_CELL_STATUS_PARTIAL))
    {
      cc_presets_gallery_set_prediction (presets, preset->id, NULL);
      return;
    }
  /* Same conditions as reported; only the compared figures are model output. */
  predicted.capacity_mAh_g = NAN;
  predicted.retention = NAN;
  predicted.initial_coulombic_efficiency = NAN;
  predicted.notes = NULL;
  rows = cc_preset_compare (preset, cell);
  g_ptr_array_set_free_func (rows, (GDestroyNotify) cc_preset_comparison_free);
  for (guint i = 0; i < rows->len; i++)
    {
      const CcPresetComparison *row = g_ptr_array_index (rows, i);

      if (g_str_equal (row->quantity, "capacity_mAh_g"))
        predicted.capacity_mAh_g = row->predicted;
      else if (g_str_equal (row->quantity, "initial_coulombic_efficiency"))
        predicted.initial_coulombic_efficiency = row->predicted;
      else if (g_str_equal (row->quantity, "retention"))
        predicted.retention = row->predicted;
    }
  cc_presets_gallery_set_prediction (presets, preset->id, &predicted);
}

static void
present_cell (const CcEchemOutput *echem,
              CcResultsView       *results)
{
  static const CcChartKind kinds[] = { CC_CHART_VOLTAGE, CC_CHART_CYCLING, CC_CHART_RATE, CC_CHART_RAGONE };
  static gpointer (*const build[]) (const CcCellResult *, GError **) = {
    cc_stage_chart_voltage, cc_stage_chart_cycling, cc_stage_chart_rate, cc_stage_chart_ragone,
  };
  const CcCellResult *cell = echem->cell;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GError) error = NULL;

      if (cell == NULL)
        cc_results_view_clear (results, kinds[i], _("The cell model could not run"), echem->cell_error);
      else if (cell->status != CC_CELL_STATUS_OK && cell->status != CC_CELL_STATUS_PARTIAL)
        cc_results_view_clear (results, kinds[i], _("This cell does not work"), cell->message);
      else
        {
          gpointer chart = build[i] (cell, &error);

          cc_stage_charts_show (results, kinds[i], chart, error);
        }
    }
}

static void
present_impedance (const CcImpedanceOutput *eis,
                   CcResultsView           *results)
{
  g_autoptr(GError) e1 = NULL;
  g_autoptr(GError) e2 = NULL;
  g_autoptr(GError) e3 = NULL;
  gpointer chart;

  chart = cc_stage_chart_spectrum (eis->spectrum, FALSE, &e1);
  cc_stage_charts_show (results, CC_CHART_NYQUIST, chart, e1);
  chart = cc_stage_chart_spectrum (eis->spectrum, TRUE, &e2);
  cc_stage_charts_show (results, CC_CHART_BODE, chart, e2);
  if (eis->drt != NULL)
    {
      chart = cc_stage_chart_drt (eis->drt, &e3);
      cc_stage_charts_show (results, CC_CHART_DRT, chart, e3);
    }
  else
    cc_results_view_clear (results, CC_CHART_DRT, _("No DRT"), eis->drt_error);
}

void
cc_pipeline_stages_present (CcRun            *run,
                            CcResultsView    *results,
                            CcPresetsGallery *presets)
{
  const CcMicrostructure *micro;
  const CcEchemOutput *echem;
  const CcImpedanceOutput *eis;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (run != NULL);
  g_return_if_fail (CC_IS_RESULTS_VIEW (results));

  echem = cc_run_get_output (run, CC_STAGE_ELECTROCHEMISTRY);
  eis = cc_run_get_output (run, CC_STAGE_IMPEDANCE);
  micro = cc_run_get_microstructure (run);

  /* The main limitation first: a dead cell, the dominant fade, then the
   * interfaces outside their window, then the microstructure. */
  if (echem != NULL)
    {
      cc_stage_insights_cell (echem, lines);
      if (echem->stability != NULL)
        cc_stage_insights_stability (echem->stability, cc_run_get_db (run), lines);
      present_cell (echem, results);
      present_prediction (cc_run_get_design (run), echem->cell, presets);
    }
  if (micro != NULL)
    {
      g_auto(GStrv) micro_lines = cc_pipeline_stages_micro_insights (micro);
      g_autoptr(GError) error = NULL;
      gpointer chart = cc_stage_chart_micro (micro, &error);

      for (guint i = 0; micro_lines[i] != NULL; i++)
        g_ptr_array_add (lines, g_strdup (micro_lines[i]));
      cc_stage_charts_show (results, CC_CHART_MICROSTRUCTURE, chart, error);
    }
  if (eis != NULL)
    present_impedance (eis, results);
  g_ptr_array_add (lines, NULL);
  cc_results_view_set_insights (results, (const char * const *) lines->pdata, NULL);
}
