/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Insights (Pango markup) from the cell model, the stability analysis and
 * the microstructure: what limits the cell and what to change.
 */
#pragma once

#include "cc-material-db.h"
#include "cc-cell.h"
#include "cc-microstructure.h"
#include "cc-stability.h"

G_BEGIN_DECLS

/* Each appends char* lines to `lines`. cell NULL: cell_error says why the
 * model could not run. micro (may be NULL): when less than
 * CC_INSIGHTS_LOW_UTILISATION of the CAM is active, the unreached CAM is the
 * main limitation, ahead of the fade. */
#define CC_INSIGHTS_LOW_UTILISATION 0.7

void cc_stage_insights_cell      (const CcCellResult      *cell,
                                  const CcMicrostructure  *micro,
                                  const char              *cell_error,
                                  GPtrArray               *lines);
void cc_stage_insights_stability (const CcStabilityReport *report,
                                  CcMaterialDb            *db,
                                  GPtrArray               *lines);
void cc_stage_insights_micro     (const CcMicrostructure  *micro,
                                  GPtrArray               *lines);

G_END_DECLS
