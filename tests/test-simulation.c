/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The staged simulation's cache (cc-simulation.h): an edit recomputes the
 * stages whose inputs it changed and no others, the progress callback names
 * exactly the stages that run, and a run cancelled in a stage leaves no
 * half-updated stage behind. The cancellations are made deterministic by
 * cancelling from the progress callback as the stage begins.
 */
#include <glib.h>
#include <string.h>

#include "cc-agglomerate.h"
#include "cc-preset.h"
#include "cc-simulation.h"

#define PRESET "preset:tis2-na3ps4"
#define PARTICLES 2000   /* with the narrower TiS2 sizes below, ~1 s a packing */

typedef struct {
  GArray       *stages;      /* CcSimStage, in the order reported */
  CcSimStage    cancel_at;   /* 0: never */
  GCancellable *cancellable;
} Recorder;

static void
record_stage (CcSimStage stage,
              gpointer   data)
{
  Recorder *rec = data;

  g_array_append_val (rec->stages, stage);
  if (stage == rec->cancel_at)
    g_cancellable_cancel (rec->cancellable);
}

/* The order in which the stages run. */
static int
order (CcSimStage stage)
{
  static const CcSimStage stages[] = {
    CC_SIM_STAGE_PACKING, CC_SIM_STAGE_ANALYSIS, CC_SIM_STAGE_STABILITY, CC_SIM_STAGE_CELL,
  };

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    if (stages[i] == stage)
      return i;
  g_assert_not_reached ();
}

/* Runs `design` and returns the stages that ran; *reported gets the stages
 * the callback named as a bit set (their order is checked here). */
static gboolean
run (CcSimulation   *sim,
     const CcDesign *design,
     guint           cycles,
     CcSimStage      cancel_at,
     CcSimStage     *ran,
     CcSimStage     *reported,
     GError        **error)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Recorder rec = { g_array_new (FALSE, FALSE, sizeof (CcSimStage)), cancel_at, cancellable };
  CcSimulationOptions options;
  gboolean ok;

  cc_simulation_options_init (&options);
  options.particles = PARTICLES;
  options.threads = 1;
  options.cell.cycles = cycles;
  options.progress = record_stage;
  options.progress_data = &rec;
  ok = cc_simulation_run (sim, design, &options, NULL, ran, cancellable, error);
  *reported = 0;
  for (guint i = 0; i < rec.stages->len; i++)
    {
      CcSimStage s = g_array_index (rec.stages, CcSimStage, i);

      /* Each stage once, in pipeline order. */
      g_assert_cmpint (order (s), >, i > 0 ? order (g_array_index (rec.stages, CcSimStage, i - 1)) : -1);
      *reported |= s;
    }
  g_array_unref (rec.stages);
  return ok;
}

static CcDesign *
load_design (void)
{
  g_autoptr(GError) error = NULL;
  CcDesign *design = cc_design_load_from_argument (PRESET, &error);
  CcComponent *cam;

  g_assert_no_error (error);
  /* Narrower, smaller TiS2 particles than the preset's (5 µm, σ 0.6) fit a
   * representative box with fewer particles. */
  cam = g_ptr_array_index (design->components, 0);
  cam->d50_um = 3.0;
  cam->spread = 0.3;
  return design;
}

#define ALL (CC_SIM_STAGE_PACKING | CC_SIM_STAGE_ANALYSIS | CC_SIM_STAGE_STABILITY | CC_SIM_STAGE_CELL)
#define CELL_ONLY (CC_SIM_STAGE_STABILITY | CC_SIM_STAGE_CELL)

/* First run: everything. The same design again: nothing. A protocol edit:
 * the cell only, on the very same microstructure. Other cell options: the
 * cell again. A design that fails: nothing to read, everything still
 * cached. A process edit: everything. */
static void
test_edits_rerun_what_they_change (void)
{
  g_autoptr(CcSimulation) sim = cc_simulation_new (cc_material_db_get_default ());
  g_autoptr(CcDesign) design = load_design ();
  g_autoptr(CcDesign) bad = NULL;
  g_autoptr(GError) error = NULL;
  const CcMicrostructure *micro;
  CcMicrostructure before;
  CcPacking *packing;
  double first_capacity;
  CcSimStage ran, reported;

  run (sim, design, 0, 0, &ran, &reported, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ran, ==, ALL);
  g_assert_cmpuint (reported, ==, ALL);
  micro = cc_simulation_get_microstructure (sim);
  before = *micro;
  packing = cc_simulation_get_packing (sim);
  first_capacity = cc_simulation_get_cell (sim)->first_discharge_mAh_g;

  g_assert_true (run (sim, design, 0, 0, &ran, &reported, &error));
  g_assert_cmpuint (ran, ==, 0);
  g_assert_cmpuint (reported, ==, 0);

  /* A lower cut-off charges less capacity. */
  design->protocol.voltage_max_V -= 0.3;
  g_assert_true (run (sim, design, 0, 0, &ran, &reported, &error));
  g_assert_cmpuint (ran, ==, CELL_ONLY);
  g_assert_cmpuint (reported, ==, CELL_ONLY);
  g_assert_true (cc_simulation_get_packing (sim) == packing);
  g_assert_true (cc_simulation_get_microstructure (sim) == micro);
  g_assert_cmpmem (micro, sizeof *micro, &before, sizeof before);
  g_assert_cmpfloat (cc_simulation_get_cell (sim)->first_discharge_mAh_g, <, first_capacity);
  g_assert_cmpfloat (cc_simulation_get_design (sim)->protocol.voltage_max_V, ==, design->protocol.voltage_max_V);

  /* The cell options are part of the cell stage's key. */
  g_assert_true (run (sim, design, 3, 0, &ran, &reported, &error));
  g_assert_cmpuint (ran, ==, CELL_ONLY);
  g_assert_cmpuint (cc_simulation_get_cell (sim)->cycles->len, ==, 3);

  /* A design that fails shows nothing of the stages cached for another
   * design; they stay cached for it. */
  bad = cc_design_copy (design);
  bad->process.pressure_MPa = -5;
  g_assert_false (run (sim, bad, 3, 0, &ran, &reported, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (cc_simulation_get_microstructure (sim));
  g_assert_null (cc_simulation_get_packing (sim));
  g_assert_null (cc_simulation_get_stability (sim));
  g_assert_null (cc_simulation_get_cell (sim));
  g_assert_null (cc_simulation_get_design (sim));
  g_assert_true (run (sim, design, 3, 0, &ran, &reported, &error));
  g_assert_cmpuint (ran, ==, 0);
  g_assert_true (cc_simulation_get_microstructure (sim) == micro);
  g_assert_nonnull (cc_simulation_get_cell (sim));

  design->process.pressure_MPa += 40;
  g_assert_true (run (sim, design, 3, 0, &ran, &reported, &error));
  g_assert_cmpuint (ran, ==, ALL);
}

/* Cancelled as the cell model begins: the packing stays cached (it is
 * complete), the cell does not, the design reads NULL until a run succeeds,
 * and the next run recomputes the cell alone. Cancelled as a new packing
 * begins: the old packing stays cached. */
static void
test_cancelled_cell_keeps_only_complete_stages (void)
{
  g_autoptr(CcSimulation) sim = cc_simulation_new (cc_material_db_get_default ());
  g_autoptr(CcDesign) design = load_design ();
  g_autoptr(GError) error = NULL;
  CcSimStage ran, reported;
  CcPacking *packing;

  g_assert_true (run (sim, design, 0, 0, &ran, &reported, &error));
  packing = cc_simulation_get_packing (sim);

  design->protocol.voltage_max_V -= 0.2;
  g_assert_false (run (sim, design, 0, CC_SIM_STAGE_CELL, &ran, &reported, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (reported, ==, CELL_ONLY);
  g_assert_null (cc_simulation_get_cell (sim));
  g_assert_null (cc_simulation_get_design (sim));
  g_assert_true (cc_simulation_get_packing (sim) == packing);
  g_assert_nonnull (cc_simulation_get_microstructure (sim));

  g_assert_true (run (sim, design, 0, 0, &ran, &reported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ran, ==, CELL_ONLY);
  g_assert_nonnull (cc_simulation_get_cell (sim));

  /* Cancelled as a new packing begins: the cached packing stays, and its
   * own design (an undone edit) needs nothing re-run. */
  design->process.pressure_MPa += 40;
  g_assert_false (run (sim, design, 0, CC_SIM_STAGE_PACKING, &ran, &reported, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (ran, ==, 0);
  g_assert_null (cc_simulation_get_microstructure (sim));
  design->process.pressure_MPa -= 40;
  g_assert_true (run (sim, design, 0, 0, &ran, &reported, &error));
  g_assert_cmpuint (ran, ==, 0);
  g_assert_true (cc_simulation_get_packing (sim) == packing);
}

/* Cancelled as the analysis of a new packing begins: the packing is
 * complete and stays, its analysis is not; the next run re-analyses the
 * same particles without packing them again. */
static void
test_cancelled_analysis_keeps_the_packing (void)
{
  g_autoptr(CcSimulation) sim = cc_simulation_new (cc_material_db_get_default ());
  g_autoptr(CcDesign) design = load_design ();
  g_autoptr(GError) error = NULL;
  CcSimStage ran, reported;

  g_assert_false (run (sim, design, 0, CC_SIM_STAGE_ANALYSIS, &ran, &reported, &error));
  g_assert_nonnull (error);   /* the analysis says it was cancelled */
  g_clear_error (&error);
  g_assert_cmpuint (reported, ==, CC_SIM_STAGE_PACKING | CC_SIM_STAGE_ANALYSIS);
  g_assert_null (cc_simulation_get_microstructure (sim));
  g_assert_null (cc_simulation_get_packing (sim));
  g_assert_null (cc_simulation_get_cell (sim));

  g_assert_true (run (sim, design, 2, 0, &ran, &reported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ran, ==, CC_SIM_STAGE_ANALYSIS | CELL_ONLY);
  g_assert_nonnull (cc_simulation_get_packing (sim));
}

/* The cell temperature sets the bulk conductivities, which enter the
 * analysis but not the geometry: the same particles are analysed again and
 * a warmer cell conducts better. The areal loading of a thick electrode
 * changes the cell, not the representative box. */
static void
test_temperature_reanalyses_loading_does_not (void)
{
  g_autoptr(CcSimulation) sim = cc_simulation_new (cc_material_db_get_default ());
  g_autoptr(CcDesign) design = load_design ();
  g_autoptr(GError) error = NULL;
  CcSimStage ran, reported;
  CcPacking *packing;
  double sigma_cold;

  g_assert_true (run (sim, design, 2, 0, &ran, &reported, &error));
  packing = cc_simulation_get_packing (sim);
  sigma_cold = cc_simulation_get_microstructure (sim)->sigma_ion_eff_S_per_cm;
  g_assert_cmpfloat (sigma_cold, >, 0);

  design->protocol.temperature_C += 35;
  g_assert_true (run (sim, design, 2, 0, &ran, &reported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ran, ==, CC_SIM_STAGE_ANALYSIS | CELL_ONLY);
  g_assert_true (cc_simulation_get_packing (sim) == packing);
  g_assert_cmpfloat (cc_simulation_get_microstructure (sim)->sigma_ion_eff_S_per_cm, >, 1.5 * sigma_cold);

  design->cell.areal_loading_mg_cm2 *= 1.5;
  g_assert_true (run (sim, design, 2, 0, &ran, &reported, &error));
  g_assert_cmpuint (ran, ==, CELL_ONLY);
  g_assert_true (cc_simulation_get_packing (sim) == packing);
}

/* The CAM agglomerate size is a sub-grid share applied by the analysis: an
 * edit analyses the same particles again, and every CAM metric the
 * electrolyte's reach enters scales by exactly the shell fraction, while the
 * electronic reach and the particles' own states stay as they were. */
static void
test_agglomerate_reanalyses (void)
{
  g_autoptr(CcSimulation) sim = cc_simulation_new (cc_material_db_get_default ());
  g_autoptr(CcDesign) design = load_design ();
  g_autoptr(GError) error = NULL;
  CcComponent *cam = g_ptr_array_index (design->components, 0);
  CcMicrostructure agglomerated, dispersed;
  g_autofree guint8 *states = NULL;
  const CcParticle *p;
  CcSimStage ran, reported;
  CcPacking *packing;
  double share;
  guint n;

  g_assert_cmpfloat (cam->agglomerate_d_um, >, 0);   /* the preset's fitted size */
  share = cc_agglomerate_reached_fraction (cam->d50_um, cam->agglomerate_d_um);
  g_assert_cmpfloat (share, <, 0.7);
  g_assert_true (run (sim, design, 2, 0, &ran, &reported, &error));
  g_assert_no_error (error);
  packing = cc_simulation_get_packing (sim);
  agglomerated = *cc_simulation_get_microstructure (sim);
  p = cc_packing_get_particles (packing, &n);
  states = g_new (guint8, n);
  for (guint i = 0; i < n; i++)
    states[i] = p[i].state;

  cam->agglomerate_d_um = 0;
  g_assert_true (run (sim, design, 2, 0, &ran, &reported, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ran, ==, CC_SIM_STAGE_ANALYSIS | CELL_ONLY);
  g_assert_true (cc_simulation_get_packing (sim) == packing);
  dispersed = *cc_simulation_get_microstructure (sim);

  g_assert_cmpfloat (dispersed.active_cam_fraction, >, 0.5);
  g_assert_cmpfloat_with_epsilon (agglomerated.active_cam_fraction, share * dispersed.active_cam_fraction, 1e-9);
  g_assert_cmpfloat_with_epsilon (agglomerated.ionically_connected_cam_fraction,
                                  share * dispersed.ionically_connected_cam_fraction, 1e-9);
  g_assert_cmpfloat_with_epsilon (agglomerated.cam_se_area_per_volume_cm2_cm3,
                                  share * dispersed.cam_se_area_per_volume_cm2_cm3, 1e-6);
  g_assert_cmpfloat (agglomerated.electronically_connected_cam_fraction, ==,
                     dispersed.electronically_connected_cam_fraction);
  g_assert_cmpfloat_with_epsilon (agglomerated.agglomerate_interior_cam_fraction, 1 - share, 1e-9);
  g_assert_cmpfloat (dispersed.agglomerate_interior_cam_fraction, ==, 0);
  g_assert_cmpfloat_with_epsilon (agglomerated.cam_se_contact_area_fraction, dispersed.cam_se_contact_area_fraction, 1e-9);
  p = cc_packing_get_particles (packing, &n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (p[i].state, ==, states[i]);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcDesign) design = NULL;

  g_test_init (&argc, &argv, NULL);
  design = cc_design_load_from_argument (PRESET, &error);
  if (design == NULL)
    {
      /* The stub database of a fresh checkout has no presets. */
      g_printerr ("SKIP: %s\n", error->message);
      return 77;
    }
  g_test_add_func ("/simulation/cache/edits-rerun-what-they-change", test_edits_rerun_what_they_change);
  g_test_add_func ("/simulation/cache/cancelled-cell-keeps-only-complete-stages",
                   test_cancelled_cell_keeps_only_complete_stages);
  g_test_add_func ("/simulation/cache/cancelled-analysis-keeps-the-packing",
                   test_cancelled_analysis_keeps_the_packing);
  g_test_add_func ("/simulation/cache/temperature-reanalyses-loading-does-not",
                   test_temperature_reanalyses_loading_does_not);
  g_test_add_func ("/simulation/cache/agglomerate-reanalyses", test_agglomerate_reanalyses);
  return g_test_run ();
}
