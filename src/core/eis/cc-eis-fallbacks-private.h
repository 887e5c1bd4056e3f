/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading material properties with documented fallbacks. A missing key
 * yields the fallback and, when a notes array is given, one note that names
 * the material, the key, the value used and its basis.
 */
#pragma once

#include "cc-material-db.h"

G_BEGIN_DECLS

/* Family-typical values for a solid electrolyte without the key, after
 * /work/shared/literature-values.md section 5.1 and 4 (see README). */
typedef struct {
  const char *family;
  double      sigma_S_cm;
  double      ea_eV;
  double      oxidation_limit_V;
  double      bulk_resistance_share;  /* of the total, when only the total is known */
  const char *basis;
} CcEisSeFamily;

const CcEisSeFamily *cc_eis_se_family (const CcMaterial *se);

double cc_eis_prop (const CcMaterial *m,
                    const char       *key,
                    double            fallback,
                    const char       *basis,
                    GPtrArray        *notes);

void   cc_eis_note (GPtrArray  *notes,
                    const char *format,
                    ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS
