/* SPDX-License-Identifier: GPL-3.0-or-later
 * Nelder–Mead on functions with known optima: unconstrained, at a bound,
 * and at an active constraint; and the feasibility-rule ordering. */
#include "cc-nelder-mead.h"

#include <locale.h>
#include <math.h>

typedef enum { ROSENBROCK, QUADRATIC_CONSTRAINED, QUADRATIC_BOUND, RING } Problem;

static gboolean
evaluate (guint          n,
          guint          dim,
          const double  *x,
          CcNmValue     *out,
          gpointer       user_data,
          GError       **error)
{
  Problem p = GPOINTER_TO_INT (user_data);

  for (guint i = 0; i < n; i++)
    {
      const double *v = x + i * dim;
      double a = v[0], b = dim > 1 ? v[1] : 0;

      switch (p)
        {
        case ROSENBROCK:
          out[i].objective = 100 * (b - a * a) * (b - a * a) + (1 - a) * (1 - a);
          out[i].violation = 0;
          break;
        case QUADRATIC_CONSTRAINED:   /* min |v - (2,1)|^2 s.t. a + b <= 2 */
          out[i].objective = (a - 2) * (a - 2) + (b - 1) * (b - 1);
          out[i].violation = MAX (0.0, a + b - 2);
          break;
        case QUADRATIC_BOUND:         /* optimum (3, 0.5) lies outside [0,2]^2 */
          out[i].objective = (a - 3) * (a - 3) + (b - 0.5) * (b - 0.5);
          out[i].violation = 0;
          break;
        case RING:                    /* max a subject to a^2 + b^2 <= 1, a 3-D box */
          out[i].objective = -a + 0.0 * v[2];
          out[i].violation = MAX (0.0, a * a + b * b + v[2] * v[2] - 1);
          break;
        }
    }
  return TRUE;
}

static void
minimise (Problem       p,
          guint         dim,
          const double *lo,
          const double *hi,
          const double *x0,
          guint         budget,
          double        tol,
          double       *x,
          CcNmResult   *res)
{
  g_autoptr(GError) error = NULL;
  CcNmOptions o = { budget, tol, 0.25, 3 };

  g_assert_true (cc_nm_minimize (dim, lo, hi, x0, evaluate, GINT_TO_POINTER (p), &o, x, res, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (res->evaluations, <=, budget);
  g_test_message ("problem %d: x = %.8g %.8g, f = %.3g, v = %.3g, %u evaluations, %u restarts", p, x[0], dim > 1 ? x[1] : 0, res->best.objective, res->best.violation, res->evaluations, res->restarts);
}

static void
test_rosenbrock (void)
{
  const double lo[] = { -2, -2 }, hi[] = { 2, 2 }, x0[] = { -1.2, 1 };
  double x[2];
  CcNmResult res;

  minimise (ROSENBROCK, 2, lo, hi, x0, 2000, 1e-9, x, &res);
  g_assert_true (res.converged);
  g_assert_cmpfloat_with_epsilon (x[0], 1.0, 1e-4);
  g_assert_cmpfloat_with_epsilon (x[1], 1.0, 2e-4);
  g_assert_cmpfloat (res.best.objective, <, 1e-8);
}

static void
test_bound (void)
{
  const double lo[] = { 0, 0 }, hi[] = { 2, 2 }, x0[] = { 0.2, 1.8 };
  double x[2];
  CcNmResult res;

  minimise (QUADRATIC_BOUND, 2, lo, hi, x0, 500, 1e-7, x, &res);
  g_assert_cmpfloat (x[0], ==, 2.0);   /* projected exactly onto the bound */
  g_assert_cmpfloat_with_epsilon (x[1], 0.5, 1e-5);
}

static void
test_constrained (void)
{
  const double lo[] = { -3, -3 }, hi[] = { 3, 3 }, x0[] = { -1, -2 };
  double x[2];
  CcNmResult res;

  minimise (QUADRATIC_CONSTRAINED, 2, lo, hi, x0, 1000, 1e-8, x, &res);
  /* The projection of (2, 1) on the half-plane a + b <= 2: (1.5, 0.5). */
  g_assert_cmpfloat (res.best.violation, ==, 0);
  g_assert_cmpfloat_with_epsilon (x[0], 1.5, 1e-4);
  g_assert_cmpfloat_with_epsilon (x[1], 0.5, 1e-4);
  g_assert_cmpfloat_with_epsilon (res.best.objective, 0.5, 1e-4);
}

/* Starting infeasible, in 3-D, with the optimum on a curved boundary. */
static void
test_ring (void)
{
  const double lo[] = { -2, -2, -2 }, hi[] = { 2, 2, 2 }, x0[] = { 1.8, 1.8, -1.8 };
  double x[3];
  CcNmResult res;

  minimise (RING, 3, lo, hi, x0, 3000, 1e-8, x, &res);
  g_assert_cmpfloat (res.best.violation, ==, 0);
  g_assert_cmpfloat (x[0], >, 0.999);
}

static void
test_feasibility_rules (void)
{
  CcNmValue feasible_bad = { 10, 0 }, feasible_good = { 1, 0 };
  CcNmValue slightly = { -100, 0.1 }, badly = { -1000, 5 }, none = { NAN, INFINITY };

  g_assert_true (cc_nm_better (&feasible_good, &feasible_bad));
  g_assert_false (cc_nm_better (&feasible_bad, &feasible_good));
  g_assert_true (cc_nm_better (&feasible_bad, &slightly));     /* any feasible beats infeasible */
  g_assert_true (cc_nm_better (&slightly, &badly));             /* less violation wins */
  g_assert_true (cc_nm_better (&badly, &none));
  g_assert_false (cc_nm_better (&none, &none));
  g_assert_false (cc_nm_better (&feasible_good, &feasible_good));
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sweep/nelder-mead/feasibility-rules", test_feasibility_rules);
  g_test_add_func ("/sweep/nelder-mead/rosenbrock", test_rosenbrock);
  g_test_add_func ("/sweep/nelder-mead/bound", test_bound);
  g_test_add_func ("/sweep/nelder-mead/constrained", test_constrained);
  g_test_add_func ("/sweep/nelder-mead/ring", test_ring);
  return g_test_run ();
}
