/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Insights (Pango markup) from the cell model and the stability analysis:
 * what limits the cell and what to change.
 */
#pragma once

#include "cc-material-db.h"
#include "cc-stage-outputs.h"

G_BEGIN_DECLS

/* Appends char* lines to `lines`. */
void cc_stage_insights_cell      (const CcEchemOutput *echem,
                                  GPtrArray           *lines);
void cc_stage_insights_stability (const CcStabilityReport *report,
                                  CcMaterialDb            *db,
                                  GPtrArray               *lines);

G_END_DECLS
