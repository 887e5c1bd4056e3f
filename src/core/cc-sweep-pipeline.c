/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The sweep evaluator of this build: the full pipeline (packing -> analysis
 * -> cell model) per design point. One packing thread per point, so the
 * sweep's thread pool spreads the points over the cores.
 */
#include "cc-sweep-pipeline.h"
#include "cc-simulation.h"

#include <math.h>

static const char *
limiting_id (const CcCellResult *r)
{
  switch (r->status)
    {
    case CC_CELL_STATUS_NO_IONIC_PATH: return "no-ionic-path";
    case CC_CELL_STATUS_NO_ELECTRONIC_PATH: return "no-electronic-path";
    case CC_CELL_STATUS_NO_ACTIVE_CAM: return "no-active-cam";
    case CC_CELL_STATUS_FAILED: return "failed";
    case CC_CELL_STATUS_OK:
    case CC_CELL_STATUS_PARTIAL:
    default:
      return r->limiting >= 0 ? cc_mechanism_name ((guint) r->limiting) : NULL;
    }
}

static gboolean
evaluate (const CcDesign  *design,
          CcSweepMetrics  *out,
          gpointer         user_data,
          GCancellable    *cancellable,
          GError         **error)
{
  g_autoptr(CcSimulation) sim = cc_simulation_new (cc_material_db_get_default ());
  CcSimulationOptions options;
  const CcMicrostructure *m;
  const CcCellResult *r;
  const char *limiting;

  cc_simulation_options_init (&options);
  options.threads = 1;
  if (!cc_simulation_run (sim, design, &options, NULL, NULL, cancellable, error))
    return FALSE;

  m = cc_simulation_get_microstructure (sim);
  r = cc_simulation_get_cell (sim);
  out->active_cam_fraction = m->active_cam_fraction;
  out->sigma_ion_eff_S_per_cm = m->sigma_ion_eff_S_per_cm;
  out->sigma_e_eff_S_per_cm = m->sigma_e_eff_S_per_cm;
  out->initial_capacity_mAh_g = r->first_discharge_mAh_g;
  out->energy_Wh_per_kg_composite = 0;
  for (guint i = 0; i < r->rates->len; i++)
    {
      const CcRatePoint *pt = &g_array_index (r->rates, CcRatePoint, i);
      if (pt->valid)
        {
          out->energy_Wh_per_kg_composite = pt->energy_Wh_kg_composite;
          break;
        }
    }
  out->retention_cycles = design->protocol.cycles;
  out->retention_at_n_cycles = cc_cell_result_retention (r, design->protocol.cycles);
  limiting = limiting_id (r);
  out->limiting_mechanism = limiting ? g_strdup (limiting) : NULL;
  return TRUE;
}

const CcSweepEvaluator *
cc_sweep_pipeline_evaluator (void)
{
  static const CcSweepEvaluator evaluator = {
    "pipeline-v1",
    "Packing, microstructure analysis and the cell model (model output)",
    evaluate,
    NULL,
    FALSE,
  };
  return &evaluator;
}
