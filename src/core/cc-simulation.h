/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pipeline of the core: design -> packing -> microstructure -> cell model
 * (+ stability, impedance). Each stage is a function of the previous stage's
 * result and is cached with the inputs it depends on, so re-running after an
 * edit only recomputes what the edit invalidates (a protocol change does not
 * repack; a particle-size change does). The keys: the packing, everything
 * that places the particles (recipe, sizes, process, particle budget, seed,
 * the box shape the electrode thickness asks for); the analysis, that and
 * the bulk conductivities at the cell temperature; the cell and stability,
 * the whole design and the cell options.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include "cc-design.h"
#include "cc-microstructure.h"
#include "cc-packing.h"
#include "cc-cell.h"
#include "cc-stability.h"
#include "cc-eis-model.h"

G_BEGIN_DECLS

typedef enum {
  CC_SIM_STAGE_PACKING  = 1 << 0,
  CC_SIM_STAGE_ANALYSIS = 1 << 1,
  CC_SIM_STAGE_CELL     = 1 << 2,
  CC_SIM_STAGE_STABILITY = 1 << 3,
} CcSimStage;

/* Called in the thread that runs cc_simulation_run() as each stage that has
 * to be recomputed begins; stages served from the cache are not reported. */
typedef void (*CcSimProgressFunc) (CcSimStage stage,
                                   gpointer   user_data);

typedef struct {
  guint          particles;       /* 0: the design's */
  gboolean       has_seed;
  guint64        seed;
  CcCellOptions  cell;
  gboolean       skip_cell;       /* packing + analysis only */
  guint          threads;         /* packing threads; 0 = all cores */
  CcSimProgressFunc progress;     /* nullable */
  gpointer       progress_data;
} CcSimulationOptions;

void cc_simulation_options_init (CcSimulationOptions *options);

typedef struct _CcSimulation CcSimulation;

CcSimulation           *cc_simulation_new        (CcMaterialDb *db);
void                    cc_simulation_free       (CcSimulation *self);

/* Runs the stages the design change invalidates. Returns the stages that
 * were recomputed in *ran (nullable). Blocks: call from a worker thread;
 * one thread at a time per CcSimulation. A run that fails or is cancelled
 * keeps the stages that completed, with their keys (a later run re-uses
 * them), never a half-updated one. The getters below describe the last
 * run's design only: after a failure the design reads NULL, and so does
 * every stage that did not complete for that design (an earlier design's
 * cached packing is not this one's microstructure). */
gboolean                cc_simulation_run        (CcSimulation              *self,
                                                  const CcDesign            *design,
                                                  const CcSimulationOptions *options,
                                                  CcPackingMonitor          *monitor,
                                                  CcSimStage                   *ran,
                                                  GCancellable              *cancellable,
                                                  GError                   **error);

const CcDesign         *cc_simulation_get_design         (CcSimulation *self);
/* The packing once analysed (NULL before), its particles' states filled in. */
CcPacking              *cc_simulation_get_packing        (CcSimulation *self);
const CcMicrostructure *cc_simulation_get_microstructure (CcSimulation *self);
const CcCellInputs     *cc_simulation_get_cell_inputs    (CcSimulation *self);
const CcCellResult     *cc_simulation_get_cell           (CcSimulation *self);
const CcStabilityReport *cc_simulation_get_stability     (CcSimulation *self);
double                  cc_simulation_get_seconds        (CcSimulation *self,
                                                          CcSimStage       stage);

/* Impedance parameters of the simulated cell at a cycle of its fade run:
 * the interphase thickness of that cycle, and the CAM-SE contact area scaled
 * by the active CAM left (contact loss). Cycle 0 or 1 is the fresh cell. */
gboolean                cc_simulation_eis_params  (CcSimulation    *self,
                                                   guint            cycle,
                                                   CcEisCellParams *out,
                                                   GError         **error);
/* The cycle record of a cycle (clamped to the simulated range), NULL if the
 * cell was not simulated. */
const CcCycleRecord    *cc_simulation_get_cycle   (CcSimulation    *self,
                                                   guint            cycle);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcSimulation, cc_simulation_free)

G_END_DECLS
