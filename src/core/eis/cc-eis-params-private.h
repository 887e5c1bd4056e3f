/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cc-eis-params.h"

G_BEGIN_DECLS

gboolean cc_eis_fill_cathode (const CcDesign         *design,
                              CcMaterialDb           *db,
                              const CcMicrostructure *micro,
                              double                  interphase_nm,
                              double                  soc,
                              CcEisCellParams        *p,
                              GPtrArray              *notes,
                              GError                **error);

/* The SE that fills the composite's pores (the first SE component), else
 * the separator's SE; NULL if neither is in the database. */
const CcMaterial *cc_eis_catholyte (const CcDesign *design,
                                    CcMaterialDb   *db);

G_END_DECLS
