/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bounded, constrained Nelder–Mead simplex search (minimisation).
 *
 * Bounds: the search runs in the unit box; a trial point outside is
 * projected onto the box before it is evaluated, and the projected point
 * joins the simplex. Constraints: instead of a penalty weight that has to
 * match the objective's scale, points are ranked by Deb's feasibility rules
 * (Deb 2000, Comput. Methods Appl. Mech. Eng. 186, 311): a feasible point
 * beats an infeasible one, two feasible points compare by objective, two
 * infeasible ones by total violation. Nelder–Mead only ever compares points,
 * so the rules slot in without changing the method. Parameters adapt to the
 * dimension (Gao & Han 2012, Comput. Optim. Appl. 51, 259). After
 * convergence the search restarts around the best point and stops when a
 * restart finds nothing better, which repairs most simplex collapses.
 *
 * Where it breaks: it is a local method (one basin per start); with noisy
 * objectives it converges to a point within the noise of an optimum; a
 * constrained optimum on a curved boundary is approached slowly.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  double objective;   /* minimised */
  double violation;   /* 0: feasible; larger is worse; INFINITY: no result */
} CcNmValue;

/* Evaluates @n points of @dim coordinates (row-major in @x) into @out; it may
 * evaluate them in parallel. FALSE with @error aborts the search. */
typedef gboolean (*CcNmBatchFunc) (guint          n,
                                   guint          dim,
                                   const double  *x,
                                   CcNmValue     *out,
                                   gpointer       user_data,
                                   GError       **error);

typedef struct {
  guint  max_evaluations;   /* 0: 200 */
  double x_tolerance;       /* simplex size as a fraction of the box; 0: 1e-3 */
  double initial_step;      /* first simplex edge as a fraction of the box; 0: 0.25 */
  guint  max_restarts;      /* 0: none */
} CcNmOptions;

typedef struct {
  CcNmValue best;
  guint     evaluations;
  guint     iterations;
  guint     restarts;
  gboolean  converged;      /* stopped by x_tolerance, not by the budget */
} CcNmResult;

/* TRUE when @a ranks strictly before @b under the feasibility rules. */
gboolean cc_nm_better   (const CcNmValue *a,
                         const CcNmValue *b);

/* lower[i] < upper[i]; x0 is clamped into the box; x_best gets @dim values. */
gboolean cc_nm_minimize (guint              dim,
                         const double      *lower,
                         const double      *upper,
                         const double      *x0,
                         CcNmBatchFunc      func,
                         gpointer           user_data,
                         const CcNmOptions *options,
                         double            *x_best,
                         CcNmResult        *result,
                         GError           **error);

G_END_DECLS
