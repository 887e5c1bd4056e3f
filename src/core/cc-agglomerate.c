/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Model "agglomerate-shell access" (sub-grid).
 *
 * Dry mixing by hand does not break the agglomerates of a CAM powder, and a
 * cold-pressed electrolyte does not enter them: the review ties low CAM
 * utilisation to insufficient solid-solid contact and high utilisation to a
 * homogeneous distribution of CAM, ionic and electronic conductor (Review
 * Sects. 4.3 and 5.1.1, refs. [11], [111]). The model assumes
 *
 *  - the electrolyte touches only the primaries in the agglomerate's outer
 *    layer, a shell one median primary diameter d (the component's d50)
 *    deep, whatever the size of each primary;
 *  - sodium does not cross the contacts between primaries (grain-to-grain
 *    transfer neglected), so the interior is ionically isolated; it still
 *    conducts electrons, since its primaries touch;
 *  - agglomerates are spheres of one diameter D;
 *  - an ion-conducting coating on the primaries (one that connects touching
 *    particles, cc_component_coating_connects_ions: >= 5 nm, σ_ion >= 1e-7
 *    S/cm) carries ions into the agglomerate, which is then reached whole:
 *
 *      s = 1 - (1 - 2 d / D)^3      (D > 2 d; s = 1 otherwise).
 *
 * Where it breaks: a soft electrolyte pressed hard flows into the pores of
 * an agglomerate and reaches deeper (not modelled); transfer between
 * primaries of a 3D host over many hours would reach the interior slowly;
 * agglomerates as large as the electrode is thick are no longer spheres in a
 * matrix. The agglomerate diameter is a design input: it is not predicted
 * from the mixing process. The packing engine keeps the CAM dispersed in its
 * box and applies s to each CAM sphere's share (agglomerates are larger than
 * the box can hold).
 */
#include "cc-agglomerate.h"

#include <math.h>

double
cc_agglomerate_effective_d_um (const CcComponent *component,
                               CcMaterialDb      *db)
{
  g_return_val_if_fail (component != NULL, 0);
  if (!(component->agglomerate_d_um > 0) || cc_component_coating_connects_ions (component, db))
    return 0;
  return component->agglomerate_d_um;
}

double
cc_agglomerate_reached_fraction (double primary_d_um,
                                 double agglomerate_d_um)
{
  double x;

  if (!(agglomerate_d_um > 0) || !(primary_d_um > 0))
    return 1.0;
  x = 2.0 * primary_d_um / agglomerate_d_um;
  if (x >= 1.0)
    return 1.0;
  return 1.0 - (1.0 - x) * (1.0 - x) * (1.0 - x);
}
