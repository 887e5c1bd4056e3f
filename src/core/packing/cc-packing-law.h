/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Contact mechanics of pressed particles: an elastic–perfectly-plastic
 * normal contact (Thornton and Ning, Powder Technol. 99, 154 (1998)).
 *
 *   elastic (Hertz):  F = 4/3 E* √R* δ^{3/2},   a² = R* δ,
 *   until the mean contact pressure F/(π a²) reaches the yield pressure p_y
 *   at δ_y = R* (3π p_y / 4E*)², then fully plastic:
 *                     F = F_y + 2π p_y R* (δ - δ_y),   a² = a_y² + 2 R* (δ - δ_y),
 *   so that F = π p_y a² all along the plastic branch.
 *
 * δ is the overlap of the undeformed spheres, R* = r_i r_j / (r_i + r_j),
 * 1/E* = (1-ν_i²)/E_i + (1-ν_j²)/E_j, and p_y is the indentation hardness of
 * the softer partner (hardness ≈ 3 × yield stress, the mean pressure under a
 * fully plastic indenter). A wall is a rigid flat: R* = r, 1/E* = (1-ν²)/E.
 *
 * Units: µm, MPa, µN.
 */
#pragma once

#include "cc-packing.h"

G_BEGIN_DECLS

typedef struct {
  double e_star;     /* MPa */
  double p_y;        /* MPa */
  double flow_i;     /* share of the overlap lens taken up by i's plastic flow, 0..1 */
  gboolean junction; /* a plastic partner: a yielded contact is a permanent junction */
} CcPairLaw;

typedef struct {
  guint      n_species;
  CcPairLaw *pair;   /* n_species², [si * n + sj] */
  CcPairLaw *wall;   /* n_species */
  double    *p_y;    /* per species, MPa, after temperature softening */
} CcContactLaw;

/* Softening of plastic phases with the pressing temperature:
 * p_y(T) = p_y(25 °C) exp(-(T - 25 °C) / 150 K), an estimate that puts
 * hot-pressed sulfides (275 °C) near the 93-95 % densities reported. */
#define CC_LAW_SOFTENING_K 150.0

void    cc_contact_law_init  (CcContactLaw          *law,
                              const CcPackingParams *params);
void    cc_contact_law_clear (CcContactLaw          *law);

/* Force (µN) at overlap delta (µm); contact radius, stiffness dF/dδ and
 * whether the contact has yielded, each optional. Inline: the compaction
 * evaluates it for every contact at every step. */
#include <math.h>

static inline double
cc_contact_force (const CcPairLaw *law,
                  double           r_star,
                  double           delta,
                  double          *a,
                  double          *stiffness,
                  gboolean        *plastic)
{
  double q = 3.0 * G_PI * law->p_y / (4.0 * law->e_star);
  double delta_y = r_star * q * q;
  double f, a2, k;
  gboolean yielded = FALSE;

  if (delta <= 0)
    {
      f = a2 = k = 0;
    }
  else if (delta <= delta_y)
    {
      double s = sqrt (r_star * delta);

      f = 4.0 / 3.0 * law->e_star * s * delta;
      a2 = s * s;
      k = 2.0 * law->e_star * s;
    }
  else
    {
      double a2_y = r_star * delta_y;

      yielded = TRUE;
      a2 = a2_y + 2.0 * r_star * (delta - delta_y);
      f = G_PI * law->p_y * a2;
      k = 2.0 * G_PI * law->p_y * r_star;
    }
  if (a)
    *a = sqrt (a2);
  if (stiffness)
    *stiffness = k;
  if (plastic)
    *plastic = yielded;
  return f;
}

/* Volume of the lens where two spheres overlap, and the cap of sphere 1 cut
 * by the plane of the contact circle. */
double  cc_lens_volume       (double r1,
                              double r2,
                              double d);
double  cc_cap_volume        (double r,
                              double h);

G_END_DECLS
