/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "cc-eis-circuit.h"
#include "cc-eis-elements-private.h"

G_BEGIN_DECLS

/* Top-level series terms ("groups"): R0-p(R1,Q1)-W has three. */
guint          cc_eis_circuit_get_n_groups      (const CcEisCircuit *self);
guint          cc_eis_circuit_get_element_group (const CcEisCircuit *self,
                                                 guint               index,
                                                 gboolean           *in_parallel);
/* The group's structure with names replaced by types, e.g. "p(R,Q)":
 * groups with equal signatures in series are interchangeable. */
char          *cc_eis_circuit_group_signature   (const CcEisCircuit *self,
                                                 guint               group);
/* Parameters of a group are contiguous: [first, end). */
void           cc_eis_circuit_group_params      (const CcEisCircuit *self,
                                                 guint               group,
                                                 guint              *first,
                                                 guint              *end);
double complex cc_eis_circuit_eval_group_omega  (const CcEisCircuit *self,
                                                 const double       *params,
                                                 guint               group,
                                                 double              omega);

double complex cc_eis_circuit_eval_omega (const CcEisCircuit *self,
                                          const double       *params,
                                          double              omega);

G_END_DECLS
