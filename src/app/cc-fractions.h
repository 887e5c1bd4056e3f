/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fractions of a composite that must keep summing to one: editing one
 * component rescales the others in proportion, so the user's ratios between
 * the untouched components survive the edit. Pure functions, no GTK.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sets f[index] to value (clamped to [0, 1]) and scales the other entries by
 * a common factor so the sum is 1. When all others are 0 the remainder is
 * shared equally. With a single entry it stays 1. */
void     cc_fractions_set            (double       *f,
                                      guint         n,
                                      guint         index,
                                      double        value);

/* Divides by the sum; an all-zero (or non-finite) vector becomes uniform. */
void     cc_fractions_normalize      (double       *f,
                                      guint         n);

/* Mass fractions to volume fractions of the solid through the densities
 * (v_i ∝ w_i / ρ_i) and back (w_i ∝ v_i ρ_i). FALSE, leaving out untouched,
 * when a density is not a positive finite number. */
gboolean cc_fractions_mass_to_volume (const double *mass,
                                      const double *density,
                                      guint         n,
                                      double       *volume);
gboolean cc_fractions_volume_to_mass (const double *volume,
                                      const double *density,
                                      guint         n,
                                      double       *mass);

G_END_DECLS
