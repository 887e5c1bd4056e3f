/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Filling CcEisCellParams from a design, the materials database and a
 * microstructure (the packing result). Every database key that is missing
 * falls back to a documented value; each fallback is reported as a note so
 * that callers can show which numbers are estimates.
 *
 * Until the degradation model provides the state at a given cycle, the
 * interphase thickness can come from cc_eis_standalone_interphase_nm().
 */
#pragma once

#include <glib.h>
#include "cc-design.h"
#include "cc-material-db.h"
#include "cc-microstructure.h"
#include "cc-eis-model.h"

G_BEGIN_DECLS

/* Interfacial constants that no database key provides (per true area). */
#define CC_EIS_DL_CAPACITANCE_F_CM2     10e-6  /* CAM-SE double layer */
#define CC_EIS_DL_N                     0.9
#define CC_EIS_ANODE_CAPACITANCE_F_CM2  1e-6   /* mid-range of "electrode interface" 1e-7-1e-5 F (Irvine 1990) */
#define CC_EIS_ANODE_N                  0.9
#define CC_EIS_GB_THICKNESS_NM          2.0    /* brick-layer boundary thickness */
#define CC_EIS_DEFAULT_SOC              0.5

/* Fills the parameters. micro may be NULL: then the documented default
 * microstructure (cc_eis_default_microstructure) is used. soc in [0, 1]
 * sets the OCV slope for solid diffusion. notes (nullable) receives one
 * string (char*, owned by the array) per fallback used. */
gboolean cc_eis_cell_params_from_design_micro (const CcDesign         *design,
                                               CcMaterialDb           *db,
                                               const CcMicrostructure *micro,
                                               double                  interphase_thickness_nm,
                                               double                  soc,
                                               CcEisCellParams        *out,
                                               GPtrArray              *notes,
                                               GError                **error);

/* A microstructure estimated from the design alone, for when no packing
 * result is available: volume fractions from mass fractions and densities,
 * a solid fraction per process, Bruggeman effective conductivities
 * (sigma phi^1.5), CAM-SE area 3 phi_CAM / r x (0.5 phi_SE / (1 - phi_CAM)),
 * and three size classes from the CAM's log-normal size distribution. */
gboolean cc_eis_default_microstructure       (const CcDesign   *design,
                                               CcMaterialDb     *db,
                                               CcMicrostructure *out,
                                               GPtrArray        *notes,
                                               GError          **error);

/* Interphase thickness after `cycle` cycles from a stand-alone growth law,
 * L(N) = sqrt(L0^2 + k^2 N) (diffusion-limited, passivating growth), with
 * L0 = 2 nm (0.5 nm under a coating), k = 2 nm per sqrt(cycle) when the
 * cathode's upper potential exceeds the catholyte's oxidation limit and
 * 0.3 nm per sqrt(cycle) otherwise. Used until the degradation model passes
 * its own interphase state; documented in the README. */
double   cc_eis_standalone_interphase_nm      (const CcDesign *design,
                                               CcMaterialDb   *db,
                                               guint           cycle,
                                               GPtrArray      *notes);

G_END_DECLS
