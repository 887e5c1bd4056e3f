/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-simulation.h"
#include "cc-eis-params.h"

#include <math.h>
#include <string.h>

struct _CcSimulation {
  CcMaterialDb       *db;
  CcDesign           *design;        /* of the last successful run */
  char               *design_text;   /* its serialisation and ... */
  CcCellOptions       cell_options;  /* ... these: the cell-stage key */
  gboolean            skip_cell;
  CcPackingParams    *params;        /* the packing-stage key */
  CcPacking          *packing;
  CcMicrostructure    micro;
  gboolean            has_micro;
  CcSimStage          current;       /* stages complete for the last run's design */
  CcCellInputs       *inputs;
  CcCellResult       *cell;
  CcStabilityReport  *stability;
  double              seconds[4];
};

void
cc_simulation_options_init (CcSimulationOptions *options)
{
  memset (options, 0, sizeof *options);
  cc_cell_options_init (&options->cell);
}

CcSimulation *
cc_simulation_new (CcMaterialDb *db)
{
  CcSimulation *self = g_new0 (CcSimulation, 1);

  self->db = cc_material_db_ref (db);
  return self;
}

static void
clear_cell (CcSimulation *self)
{
  g_clear_pointer (&self->inputs, cc_cell_inputs_free);
  g_clear_pointer (&self->cell, cc_cell_result_free);
  g_clear_pointer (&self->stability, cc_stability_report_free);
  g_clear_pointer (&self->design_text, g_free);
}

static void
clear_packing (CcSimulation *self)
{
  g_clear_pointer (&self->packing, cc_packing_free);
  g_clear_pointer (&self->params, cc_packing_params_free);
  self->has_micro = FALSE;
  clear_cell (self);
}

void
cc_simulation_free (CcSimulation *self)
{
  if (self == NULL)
    return;
  clear_packing (self);
  g_clear_pointer (&self->design, cc_design_free);
  cc_material_db_unref (self->db);
  g_free (self);
}

/* What a species brings to the geometry of the packing. */
static gboolean
species_geometry_equal (const CcSpecies *a,
                        const CcSpecies *b)
{
  return g_strcmp0 (a->name, b->name) == 0
         && a->role == b->role
         && a->volume_fraction == b->volume_fraction
         && a->d50_um == b->d50_um
         && a->spread == b->spread
         && a->d_max_um == b->d_max_um
         && a->density_g_cm3 == b->density_g_cm3
         && a->young_modulus_GPa == b->young_modulus_GPa
         && a->poisson_ratio == b->poisson_ratio
         && a->hardness_GPa == b->hardness_GPa
         && a->plastic == b->plastic
         && a->solid_content == b->solid_content;
}

/* The packing stage's key: everything that places the particles. The
 * design thickness enters through the box's aspect ratio only. */
static gboolean
geometry_equal (const CcPackingParams *a,
                const CcPackingParams *b)
{
  if (a == NULL || b == NULL)
    return FALSE;
  if (a->n_species != b->n_species || a->n_particles != b->n_particles || a->seed != b->seed
      || a->pressure_MPa != b->pressure_MPa || a->temperature_C != b->temperature_C
      || a->stack_pressure_MPa != b->stack_pressure_MPa || a->threads != b->threads
      || a->compression_rate != b->compression_rate || a->box_aspect != b->box_aspect)
    return FALSE;
  for (guint i = 0; i < a->n_species; i++)
    if (!species_geometry_equal (&a->species[i], &b->species[i]))
      return FALSE;
  return TRUE;
}

/* The rest of the analysis stage's key: bulk conductivities (they follow
 * the cell temperature), which networks each species joins, and the CAM
 * agglomerate size (a sub-grid share applied by the analysis). */
static gboolean
transport_equal (const CcPackingParams *a,
                 const CcPackingParams *b)
{
  for (guint i = 0; i < a->n_species; i++)
    {
      const CcSpecies *x = &a->species[i], *y = &b->species[i];

      if (x->sigma_ion_S_cm != y->sigma_ion_S_cm || x->sigma_e_S_cm != y->sigma_e_S_cm
          || x->ion_network != y->ion_network || x->electron_network != y->electron_network
          || x->agglomerate_d_um != y->agglomerate_d_um)
        return FALSE;
    }
  return TRUE;
}

static gboolean
cell_options_equal (const CcCellOptions *a,
                    const CcCellOptions *b)
{
  return a->nx == b->nx && a->nr == b->nr && a->mechanisms == b->mechanisms
         && a->cycle_jumping == b->cycle_jumping && a->jump_tolerance == b->jump_tolerance
         && a->max_jump == b->max_jump && a->cycles == b->cycles && a->max_newton == b->max_newton
         && a->skip_cycling == b->skip_cycling;
}

static void
report (const CcSimulationOptions *options,
        CcSimStage                 stage)
{
  if (options->progress != NULL)
    options->progress (stage, options->progress_data);
}

static double
elapsed (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static CcPackingParams *
packing_params (CcSimulation              *self,
                const CcDesign            *design,
                const CcSimulationOptions *options,
                GError                   **error)
{
  g_autoptr(CcDesign) sized = cc_design_copy (design);
  CcPackingParams *params;

  /* The particle budget goes into the design, not into the params after
   * the fact: cc_packing_params_from_design fits the coarse-graining of
   * fine components and the box shape to it, so a budget set afterwards
   * packed N particles sized for the design's budget (refused as too few
   * below ~5000 for most presets, unlike pack --particles). */
  if (options->particles > 0)
    sized->simulation.particles = options->particles;
  if (options->has_seed)
    sized->simulation.seed = options->seed;
  params = cc_packing_params_from_design (sized, self->db, error);
  if (params == NULL)
    return NULL;
  if (options->threads > 0)
    params->threads = options->threads;
  return params;
}

/* Packs anew unless the cached packing has the same geometry, then analyses
 * it unless its analysis had the same conductivities too (a cell
 * temperature edit re-analyses the same particles). A cancelled packing
 * keeps the cached one; a cancelled analysis keeps the complete packing,
 * not the analysis. */
static gboolean
run_packing (CcSimulation              *self,
             const CcDesign            *design,
             const CcSimulationOptions *options,
             CcPackingMonitor          *monitor,
             CcSimStage                *ran,
             GCancellable              *cancellable,
             GError                   **error)
{
  g_autoptr(CcPackingParams) params = packing_params (self, design, options, error);
  gint64 t0;

  if (params == NULL)
    return FALSE;
  if (self->packing != NULL && geometry_equal (params, self->params))
    {
      if (self->has_micro && transport_equal (params, self->params))
        {
          self->current |= CC_SIM_STAGE_PACKING | CC_SIM_STAGE_ANALYSIS;
          return TRUE;
        }
      if (!cc_packing_set_transport (self->packing, params, error))
        return FALSE;
    }
  else
    {
      CcPacking *packing;

      report (options, CC_SIM_STAGE_PACKING);
      t0 = g_get_monotonic_time ();
      /* A packing that fails or is cancelled leaves the cached one, which
       * is still right for its own key (an undone edit re-uses it). */
      packing = cc_packing_run (params, monitor, cancellable, error);
      if (packing == NULL)
        return FALSE;
      clear_packing (self);
      self->packing = packing;
      self->seconds[0] = elapsed (t0);
      *ran |= CC_SIM_STAGE_PACKING;
    }
  /* From here the packing is this design's; its analysis is not yet. */
  g_clear_pointer (&self->params, cc_packing_params_free);
  self->params = g_steal_pointer (&params);
  self->has_micro = FALSE;
  clear_cell (self);

  report (options, CC_SIM_STAGE_ANALYSIS);
  t0 = g_get_monotonic_time ();
  if (!cc_packing_analyze (self->packing, &self->micro, cancellable, error))
    return FALSE;
  self->seconds[1] = elapsed (t0);
  *ran |= CC_SIM_STAGE_ANALYSIS;
  self->has_micro = TRUE;
  self->current |= CC_SIM_STAGE_PACKING | CC_SIM_STAGE_ANALYSIS;
  return TRUE;
}

static gboolean
run_cell (CcSimulation              *self,
          const CcDesign            *design,
          const CcSimulationOptions *options,
          CcSimStage                   *ran,
          GCancellable              *cancellable,
          GError                   **error)
{
  g_autofree char *text = cc_design_to_data (design, NULL);
  CcCellOptions cell_options = options->cell;
  gint64 t0;

  /* A cached cell serves a run that skips the cell, not the reverse. */
  if (self->design_text != NULL && g_strcmp0 (text, self->design_text) == 0
      && (options->skip_cell || !self->skip_cell)
      && cell_options_equal (&cell_options, &self->cell_options))
    {
      self->current |= CC_SIM_STAGE_STABILITY | (self->cell != NULL ? CC_SIM_STAGE_CELL : 0);
      return TRUE;
    }

  clear_cell (self);
  report (options, CC_SIM_STAGE_STABILITY);
  t0 = g_get_monotonic_time ();
  self->stability = cc_stability_analyze (design, self->db, error);
  if (self->stability == NULL)
    return FALSE;
  self->seconds[3] = elapsed (t0);
  *ran |= CC_SIM_STAGE_STABILITY;
  self->current |= CC_SIM_STAGE_STABILITY;

  self->skip_cell = options->skip_cell;
  self->cell_options = cell_options;
  if (options->skip_cell)
    {
      self->design_text = g_steal_pointer (&text);
      return TRUE;
    }

  report (options, CC_SIM_STAGE_CELL);
  t0 = g_get_monotonic_time ();
  self->inputs = cc_cell_inputs_from_design (design, self->db, &self->micro, error);
  if (self->inputs == NULL)
    return FALSE;
  self->cell = cc_cell_simulate (self->inputs, &cell_options, cancellable, error);
  if (self->cell == NULL)
    {
      g_clear_pointer (&self->inputs, cc_cell_inputs_free);
      return FALSE;
    }
  self->seconds[2] = elapsed (t0);
  *ran |= CC_SIM_STAGE_CELL;
  self->current |= CC_SIM_STAGE_CELL;
  self->design_text = g_steal_pointer (&text);
  return TRUE;
}

gboolean
cc_simulation_run (CcSimulation              *self,
                   const CcDesign            *design,
                   const CcSimulationOptions *options,
                   CcPackingMonitor          *monitor,
                   CcSimStage                   *ran,
                   GCancellable              *cancellable,
                   GError                   **error)
{
  CcSimulationOptions defaults;
  CcSimStage local_ran = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (design != NULL, FALSE);

  if (options == NULL)
    {
      cc_simulation_options_init (&defaults);
      options = &defaults;
    }
  if (ran == NULL)
    ran = &local_ran;
  *ran = 0;

  /* Until this run succeeds, no design's results are complete; the
   * getters show only stages complete for this design. */
  g_clear_pointer (&self->design, cc_design_free);
  self->current = 0;
  if (!cc_design_validate (design, self->db, error))
    return FALSE;
  if (!run_packing (self, design, options, monitor, ran, cancellable, error)
      || !run_cell (self, design, options, ran, cancellable, error))
    return FALSE;

  self->design = cc_design_copy (design);
  return TRUE;
}

const CcDesign *cc_simulation_get_design (CcSimulation *self) { return self->design; }
/* A stage's result if it is complete for the last run's design. */
#define CURRENT(self, stage, result) (((self)->current & (stage)) ? (result) : NULL)

CcPacking *cc_simulation_get_packing (CcSimulation *self) { return CURRENT (self, CC_SIM_STAGE_ANALYSIS, self->packing); }
const CcCellInputs *cc_simulation_get_cell_inputs (CcSimulation *self) { return CURRENT (self, CC_SIM_STAGE_CELL, self->inputs); }
const CcCellResult *cc_simulation_get_cell (CcSimulation *self) { return CURRENT (self, CC_SIM_STAGE_CELL, self->cell); }
const CcStabilityReport *cc_simulation_get_stability (CcSimulation *self) { return CURRENT (self, CC_SIM_STAGE_STABILITY, self->stability); }

const CcMicrostructure *
cc_simulation_get_microstructure (CcSimulation *self)
{
  return CURRENT (self, CC_SIM_STAGE_ANALYSIS, &self->micro);
}

double
cc_simulation_get_seconds (CcSimulation *self,
                           CcSimStage       stage)
{
  switch (stage)
    {
    case CC_SIM_STAGE_PACKING: return self->seconds[0];
    case CC_SIM_STAGE_ANALYSIS: return self->seconds[1];
    case CC_SIM_STAGE_CELL: return self->seconds[2];
    case CC_SIM_STAGE_STABILITY: return self->seconds[3];
    default: return 0;
    }
}

const CcCycleRecord *
cc_simulation_get_cycle (CcSimulation *self,
                         guint         cycle)
{
  GArray *cycles;
  const CcCellResult *cell = cc_simulation_get_cell (self);

  if (cell == NULL || cell->cycles == NULL || cell->cycles->len == 0)
    return NULL;
  cycles = cell->cycles;
  cycle = CLAMP (cycle, 1, cycles->len);
  return &g_array_index (cycles, CcCycleRecord, cycle - 1);
}

gboolean
cc_simulation_eis_params (CcSimulation    *self,
                          guint            cycle,
                          CcEisCellParams *out,
                          GError         **error)
{
  const CcCycleRecord *first = cc_simulation_get_cycle (self, 1);
  const CcCycleRecord *rec = cc_simulation_get_cycle (self, MAX (cycle, 1));
  double interphase_nm;

  g_return_val_if_fail (self->design != NULL && self->has_micro, FALSE);

  /* Without a fade run, the fresh cell's interphase comes from the
   * impedance module's documented stand-alone law. */
  interphase_nm = rec != NULL ? rec->interphase_nm
                              : cc_eis_standalone_interphase_nm (self->design, self->db, 1, NULL);
  if (!cc_eis_cell_params_from_design_micro (self->design, self->db, &self->micro,
                                             interphase_nm, CC_EIS_DEFAULT_SOC, out, NULL, error))
    return FALSE;
  if (rec != NULL && first != NULL && first->active_cam_fraction > 0)
    /* Floored at 1 %: a cell that lost all contact has no finite spectrum. */
    out->cat_area_per_volume_cm2_cm3 *= CLAMP (rec->active_cam_fraction / first->active_cam_fraction, 0.01, 1.0);
  return TRUE;
}
