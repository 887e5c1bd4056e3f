/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small equivalent-circuit language (the notation of impedance.py):
 *
 *   circuit  := series
 *   series   := term ( '-' term )*
 *   term     := 'p(' series ( ',' series )+ ')'  |  ELEMENT
 *
 * e.g. "R0-p(R1,Q1)-p(R2,Q2)-W". Element names are the user's and must be
 * unique; the type comes from the prefix (case-insensitive, longest match):
 *
 *   prefix  element                         parameters (names reported)
 *   R       resistor                        NAME            ohm
 *   C       capacitor                       NAME            F
 *   L       inductor                        NAME            H
 *   CPE, Q  constant-phase element,         NAME            F s^(n-1)  (Q)
 *           Z = 1 / (Q (jw)^n)              NAME_n          -          (0 < n <= 1)
 *   W       semi-infinite Warburg,          NAME            ohm s^-1/2 (sigma)
 *           Z = sigma (1 - j) / sqrt(w)
 *   Ws      finite-length, transmissive,    NAME_R, NAME_tau   ohm, s
 *           Z = R tanh(sqrt(jw tau)) / sqrt(jw tau)
 *   Wo      finite-space, reflective,       NAME_R, NAME_tau   ohm, s
 *           Z = R coth(sqrt(jw tau)) / sqrt(jw tau)
 *
 * So "Q1" reports Q1 and Q1_n, "Ws1" reports Ws1_R and Ws1_tau.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CC_EIS_CIRCUIT_MAX_ELEMENTS 32
#define CC_EIS_CIRCUIT_MAX_LENGTH   1024

typedef enum {
  CC_EIS_ELEMENT_R,
  CC_EIS_ELEMENT_C,
  CC_EIS_ELEMENT_L,
  CC_EIS_ELEMENT_CPE,
  CC_EIS_ELEMENT_W,
  CC_EIS_ELEMENT_WS,
  CC_EIS_ELEMENT_WO,
} CcEisElementType;

typedef enum {
  CC_EIS_PARAM_POSITIVE,   /* any positive value (fitted in log space) */
  CC_EIS_PARAM_EXPONENT,   /* a CPE exponent in (0, 1] */
} CcEisParamKind;

typedef struct _CcEisCircuit CcEisCircuit;

CcEisCircuit     *cc_eis_circuit_parse           (const char *text,
                                                  GError    **error);
void              cc_eis_circuit_free            (CcEisCircuit *self);
/* The circuit as written, without whitespace. */
const char       *cc_eis_circuit_get_text        (const CcEisCircuit *self);

guint             cc_eis_circuit_get_n_elements  (const CcEisCircuit *self);
const char       *cc_eis_circuit_get_element_name (const CcEisCircuit *self,
                                                   guint               index);
CcEisElementType  cc_eis_circuit_get_element_type (const CcEisCircuit *self,
                                                   guint               index);
/* Index of the element's first parameter. */
guint             cc_eis_circuit_get_element_param (const CcEisCircuit *self,
                                                    guint               index);

guint             cc_eis_circuit_get_n_params    (const CcEisCircuit *self);
const char       *cc_eis_circuit_get_param_name  (const CcEisCircuit *self,
                                                  guint               index);
const char       *cc_eis_circuit_get_param_unit  (const CcEisCircuit *self,
                                                  guint               index);
CcEisParamKind    cc_eis_circuit_get_param_kind  (const CcEisCircuit *self,
                                                  guint               index);
/* -1 if there is no parameter of that name. */
int               cc_eis_circuit_lookup_param    (const CcEisCircuit *self,
                                                  const char         *name);

void              cc_eis_circuit_eval            (const CcEisCircuit *self,
                                                  const double       *params,
                                                  double              freq_Hz,
                                                  double             *z_re,
                                                  double             *z_im);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcEisCircuit, cc_eis_circuit_free)

G_END_DECLS
