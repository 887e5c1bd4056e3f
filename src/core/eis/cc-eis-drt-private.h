/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cc-eis-drt.h"

G_BEGIN_DECLS

/* Finds the peaks of result->gamma and attributes them to the spectrum's
 * processes, if it has any. */
void cc_eis_drt_find_peaks (CcEisDrtResult      *result,
                            const CcEisSpectrum *spectrum);

G_END_DECLS
