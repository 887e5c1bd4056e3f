/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A resistor network between two electrodes: the top terminal held at 1 V,
 * the bottom one at 0 V. Nodal analysis gives a symmetric positive definite
 * system (the graph Laplacian with Dirichlet terminals), solved by the
 * conjugate gradient method with a Jacobi (diagonal) preconditioner.
 * Nodes that no conducting path links to a terminal have no defined
 * potential; they are left out of the solve and reported at 0 V.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint  a, b;
  double g;            /* conductance, S */
} CcResistorEdge;

typedef struct {
  guint   n_nodes;
  GArray *edges;       /* CcResistorEdge */
  double *g_top;       /* n_nodes: conductance to the 1 V terminal */
  double *g_bottom;    /* n_nodes: conductance to the 0 V terminal */
} CcResistorNetwork;

typedef struct {
  double current_top;     /* A, into the network from the 1 V terminal */
  double current_bottom;  /* A, out of the network into the 0 V terminal */
  guint  iterations;
  double residual;        /* final ‖r‖ / ‖b‖ */
  guint  solved_nodes;
} CcResistorResult;

void      cc_resistor_network_init  (CcResistorNetwork *net,
                                     guint              n_nodes);
void      cc_resistor_network_clear (CcResistorNetwork *net);
void      cc_resistor_network_add   (CcResistorNetwork *net,
                                     guint              a,
                                     guint              b,
                                     double             g);
/* potential (n_nodes, nullable) receives the node potentials in V. */
gboolean  cc_resistor_network_solve (const CcResistorNetwork *net,
                                     double                  *potential,
                                     double                   tolerance,
                                     CcResistorResult        *result);

G_END_DECLS
