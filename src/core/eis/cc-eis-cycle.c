/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A stand-alone interphase growth law, so that `eis --cycle N` shows the
 * interphase arc grow before the degradation model feeds its own state.
 * Shape: diffusion-limited, passivating growth L^2 = L0^2 + k^2 N (the
 * sqrt(t) laws of literature-values.md section 7.1). Magnitude: an estimate
 * of tens of nm after ~100 cycles when the catholyte is oxidised.
 */
#include "cc-eis-params-private.h"
#include "cc-eis-fallbacks-private.h"

#include <math.h>

#define L0_BARE_NM        2.0   /* formed on contact and in the first charge */
#define L0_COATED_NM      0.5
#define K_OXIDISED_NM     2.0   /* nm per sqrt(cycle) beyond the oxidation limit */
#define K_STABLE_NM       0.3   /* slow chemical growth inside the window */

static double
oxidation_limit (const CcMaterial *m)
{
  if (cc_material_has (m, "apparent_oxidation_limit_V"))
    return cc_material_get (m, "apparent_oxidation_limit_V", 0);
  if (cc_material_has (m, "oxidation_limit_V"))
    return cc_material_get (m, "oxidation_limit_V", 0);
  return cc_eis_se_family (m)->oxidation_limit_V;
}

double
cc_eis_standalone_interphase_nm (const CcDesign *design,
                                 CcMaterialDb   *db,
                                 guint           cycle,
                                 GPtrArray      *notes)
{
  const CcMaterial *se, *anode, *coat = NULL;
  const CcComponent *cam;
  double v_max, limit, l0, k;

  g_return_val_if_fail (design != NULL && db != NULL, 0);
  se = cc_eis_catholyte (design, db);
  cam = cc_design_find_component (design, db, CC_MATERIAL_CLASS_CAM);
  anode = design->cell.anode_id ? cc_material_db_lookup (db, design->cell.anode_id) : NULL;
  if (cam != NULL && cam->coating_id != NULL && cam->coating_thickness_nm > 0)
    coat = cc_material_db_lookup (db, cam->coating_id);

  /* The protocol's voltages are cell voltages; the cathode sits higher by
   * the anode's potential vs Na+/Na. */
  v_max = design->protocol.voltage_max_V
          + (anode != NULL ? cc_material_get (anode, "potential_vs_na_V", 0) : 0);
  /* A coating that is itself stable at v_max shields the catholyte. */
  limit = se != NULL ? oxidation_limit (se) : 5.0;
  if (coat != NULL && cc_material_get_class (coat) == CC_MATERIAL_CLASS_SE)
    limit = MAX (limit, oxidation_limit (coat));
  l0 = coat != NULL ? L0_COATED_NM : L0_BARE_NM;
  k = v_max > limit ? K_OXIDISED_NM : K_STABLE_NM;
  cc_eis_note (notes, "interphase after %u cycles from the stand-alone growth law: "
               "cathode up to %.2f V vs Na, catholyte limit %.2f V -> %.1f nm", cycle, v_max, limit,
               sqrt (l0 * l0 + k * k * cycle));
  return sqrt (l0 * l0 + k * k * cycle);
}
