/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small, fast, seedable random number generator (xoshiro256**, seeded
 * through splitmix64) so a packing is reproducible bit for bit on every
 * platform, independent of GLib's generator, plus the inverse normal
 * distribution used to draw particle sizes by stratified quantiles.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint64 s[4];
} CcRng;

void    cc_rng_init         (CcRng   *rng,
                             guint64  seed,
                             guint64  stream);
guint64 cc_rng_next         (CcRng   *rng);
/* Uniform in [0, 1). */
double  cc_rng_uniform      (CcRng   *rng);
/* Uniform integer in [0, n). */
guint32 cc_rng_below        (CcRng   *rng,
                             guint32  n);
/* Standard normal quantile Φ⁻¹(p), p in (0, 1); |error| < 1.2e-9. */
double  cc_normal_quantile  (double   p);
/* Standard normal cumulative distribution Φ(x). */
double  cc_normal_cdf       (double   x);

G_END_DECLS
