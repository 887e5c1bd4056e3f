/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cc-eis-fit.h"
#include "cc-eis-circuit-private.h"

G_BEGIN_DECLS

struct _CcEisFitSetup {
  const CcEisCircuit *circuit;
  CcEisWeighting      weighting;
  guint               n;
  double             *initial;   /* NAN = automatic */
  gboolean           *fixed;
  double             *lower;
  double             *upper;
};

/* Default bounds of a parameter kind. */
void  cc_eis_fit_default_bounds (CcEisParamKind kind,
                                 double        *lower,
                                 double        *upper);

/* Automatic starting points: fills `starts` rows of n parameters each
 * (returns how many were filled, at most max_starts). User initial and
 * fixed values override the guesses in every row. */
guint cc_eis_fit_initial_guesses (const CcEisCircuit  *circuit,
                                  const CcEisSpectrum *spectrum,
                                  const CcEisFitSetup *setup,
                                  double              *starts,
                                  guint                max_starts);

/* Puts interchangeable series blocks in order of increasing time constant. */
void  cc_eis_fit_canonical_order  (const CcEisCircuit  *circuit,
                                   const CcEisFitSetup *setup,
                                   double              *params);

G_END_DECLS
