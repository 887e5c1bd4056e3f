/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * JSON output of the EIS module (json-glib builders), shared by the CLI
 * commands and by `simulate --json`. Non-finite numbers are written as null.
 *
 * cc_eis_json_add_impedance_cycle() writes one element of the `impedance`
 * array of `simulate --json`:
 *   { "cycle", "temperature_C", "frequency_Hz"[], "z_real_ohm_cm2"[],
 *     "z_imag_ohm_cm2"[],
 *     "contributions": [ { "name", "z_real_ohm_cm2"[], "z_imag_ohm_cm2"[] } ],
 *     "processes": [ { "name", "resistance_ohm_cm2", "tau_s", "peak_frequency_Hz" } ],
 *     "model_parameters": { field: value } }
 * Contributions are the series parts that add up to the total (separator
 * bulk, grain boundary, interlayer, cathode, anode); processes list every
 * physical process, including those inside the cathode's transmission line.
 */
#pragma once

#include <json-glib/json-glib.h>
#include "cc-eis-model.h"
#include "cc-eis-circuit.h"
#include "cc-eis-fit.h"
#include "cc-eis-kk.h"
#include "cc-eis-drt.h"

G_BEGIN_DECLS

void     cc_eis_json_add_number          (JsonBuilder *b,
                                          double       value);

gboolean cc_eis_json_add_impedance_cycle (JsonBuilder           *b,
                                          guint                  cycle,
                                          const CcEisCellParams *params,
                                          const CcEisFreqRange  *range,
                                          GError               **error);
/* Writes member "impedance": [ ... ] for n cycles (params[i] at cycles[i]). */
gboolean cc_eis_json_add_impedance       (JsonBuilder           *b,
                                          guint                  n,
                                          const guint           *cycles,
                                          const CcEisCellParams *params,
                                          const CcEisFreqRange  *range,
                                          GError               **error);

void     cc_eis_json_add_cell_params     (JsonBuilder           *b,
                                          const CcEisCellParams *params);
void     cc_eis_json_add_spectrum        (JsonBuilder           *b,
                                          const CcEisSpectrum   *spectrum);
void     cc_eis_json_add_fit             (JsonBuilder           *b,
                                          const CcEisCircuit    *circuit,
                                          CcEisWeighting         weighting,
                                          const CcEisFitResult  *fit);
/* The same members, written into the object being built. */
void     cc_eis_json_add_fit_members     (JsonBuilder           *b,
                                          const CcEisCircuit    *circuit,
                                          CcEisWeighting         weighting,
                                          const CcEisFitResult  *fit);
void     cc_eis_json_add_kk              (JsonBuilder           *b,
                                          const CcEisKkResult   *kk);
void     cc_eis_json_add_drt             (JsonBuilder           *b,
                                          const CcEisDrtResult  *drt);
void     cc_eis_json_add_drt_members     (JsonBuilder           *b,
                                          const CcEisDrtResult  *drt);

G_END_DECLS
