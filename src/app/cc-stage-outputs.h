/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the electrochemistry and impedance stages leave in a run.
 */
#pragma once

#include "cc-cell.h"
#include "cc-stability.h"
#include "cc-eis-spectrum.h"
#include "cc-eis-drt.h"

G_BEGIN_DECLS

typedef struct {
  CcCellResult      *cell;        /* NULL if the cell could not be set up */
  char              *cell_error;  /* why not */
  CcStabilityReport *stability;   /* NULL if the analysis failed */
} CcEchemOutput;

typedef struct {
  CcEisSpectrum  *spectrum;
  CcEisDrtResult *drt;            /* NULL when the DRT fit failed */
  char           *drt_error;
} CcImpedanceOutput;

void cc_echem_output_free     (CcEchemOutput     *out);
void cc_impedance_output_free (CcImpedanceOutput *out);

G_END_DECLS
