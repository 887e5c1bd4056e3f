/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Levenberg-Marquardt for complex nonlinear least squares (see cc-eis-fit.h).
 * Free parameters live in a transformed space u: u = ln p for positive
 * parameters (so that ohms and microfarads are equally easy to move), u = p
 * for CPE exponents; bounds are enforced by projecting each step.
 */
#include "cc-eis-fit-private.h"
#include "cc-eis-linalg-private.h"

#include <math.h>
#include <string.h>

#define MAX_STARTS        4
#define SCOUT_ITERATIONS  40
#define MAX_ITERATIONS    500

typedef struct {
  const CcEisCircuit  *circuit;
  const CcEisSpectrum *spectrum;
  const CcEisFitSetup *setup;
  guint    n, m, n_pts;
  guint   *free_idx;
  double  *lo, *hi;          /* bounds of the free variables in u space */
  double  *omega, *w_re, *w_im;
  double  *p;                /* full parameter vector (work) */
} Problem;

static gboolean
is_log (const Problem *pb, guint k)
{
  return cc_eis_circuit_get_param_kind (pb->circuit, pb->free_idx[k]) == CC_EIS_PARAM_POSITIVE;
}

static void
to_params (Problem *pb, const double *u)
{
  for (guint k = 0; k < pb->m; k++)
    pb->p[pb->free_idx[k]] = is_log (pb, k) ? exp (u[k]) : u[k];
}

/* Weighted residuals (model - data); returns half their squared norm. */
static double
residuals (Problem *pb, const double *u, double *r)
{
  double cost = 0;

  to_params (pb, u);
  for (guint i = 0; i < pb->n_pts; i++)
    {
      double complex z = cc_eis_circuit_eval_omega (pb->circuit, pb->p, pb->omega[i]);

      r[2 * i] = pb->w_re[i] * (creal (z) - pb->spectrum->z_re[i]);
      r[2 * i + 1] = pb->w_im[i] * (cimag (z) - pb->spectrum->z_im[i]);
      cost += r[2 * i] * r[2 * i] + r[2 * i + 1] * r[2 * i + 1];
    }
  return isfinite (cost) ? 0.5 * cost : INFINITY;
}

/* Forward differences, stepping inwards at an upper bound. J is (2N x m). */
static void
jacobian (Problem *pb, double *u, const double *r0, double *J, double *work)
{
  guint rows = 2 * pb->n_pts;

  for (guint k = 0; k < pb->m; k++)
    {
      double keep = u[k], h = 1e-7 * MAX (1.0, fabs (u[k]));

      if (u[k] + h > pb->hi[k])
        h = -h;
      u[k] = keep + h;
      residuals (pb, u, work);
      u[k] = keep;
      for (guint i = 0; i < rows; i++)
        J[i * pb->m + k] = (work[i] - r0[i]) / h;
    }
  to_params (pb, u);
}

static void
normal_equations (const Problem *pb, const double *J, const double *r, double *A, double *g)
{
  guint rows = 2 * pb->n_pts, m = pb->m;

  memset (A, 0, sizeof (double) * m * m);
  memset (g, 0, sizeof (double) * m);
  for (guint i = 0; i < rows; i++)
    {
      const double *Ji = J + (gsize) i * m;

      for (guint a = 0; a < m; a++)
        {
          g[a] += Ji[a] * r[i];
          for (guint b = 0; b <= a; b++)
            A[a * m + b] += Ji[a] * Ji[b];
        }
    }
  for (guint a = 0; a < m; a++)
    for (guint b = 0; b < a; b++)
      A[b * m + a] = A[a * m + b];
}

typedef struct {
  double *r, *r_new, *J, *work, *A, *M, *g, *delta, *u_new;
} Work;

static void
work_init (Work *w, guint rows, guint m)
{
  w->r = g_new (double, rows);
  w->r_new = g_new (double, rows);
  w->work = g_new (double, rows);
  w->J = g_new (double, (gsize) rows * m);
  w->A = g_new (double, m * m);
  w->M = g_new (double, m * m);
  w->g = g_new (double, m);
  w->delta = g_new (double, m);
  w->u_new = g_new (double, m);
}

static void
work_clear (Work *w)
{
  g_free (w->r); g_free (w->r_new); g_free (w->work); g_free (w->J);
  g_free (w->A); g_free (w->M); g_free (w->g); g_free (w->delta); g_free (w->u_new);
}

/* Tries one damped step; TRUE when it lowered the cost (then u, r, cost
 * are updated). *pred receives the decrease the linear model predicted. */
static gboolean
lm_step (Problem *pb, Work *w, double *u, double *cost, double mu, double *rho, double *step)
{
  guint m = pb->m;
  double maxd = 0, pred = 0, cost_new;

  for (guint a = 0; a < m; a++)
    maxd = MAX (maxd, w->A[a * m + a]);
  memcpy (w->M, w->A, sizeof (double) * m * m);
  for (guint a = 0; a < m; a++)
    {
      double span = pb->hi[a] - pb->lo[a];
      /* A variable on a bound that the gradient pushes outwards is held
       * there for this step (projected LM): otherwise the clipped step
       * crawls along the bound. */
      gboolean held = (u[a] >= pb->hi[a] - 1e-12 * span && w->g[a] < 0)
                      || (u[a] <= pb->lo[a] + 1e-12 * span && w->g[a] > 0);

      w->M[a * m + a] += mu * MAX (w->A[a * m + a], 1e-12 * maxd + 1e-300);
      w->delta[a] = -w->g[a];
      if (held)
        {
          for (guint b = 0; b < m; b++)
            w->M[a * m + b] = w->M[b * m + a] = 0;
          w->M[a * m + a] = 1;
          w->delta[a] = 0;
        }
    }
  *rho = -1;
  *step = 0;
  if (!cc_eis_cholesky (w->M, m))
    return FALSE;
  cc_eis_cholesky_solve (w->M, m, w->delta);
  for (guint a = 0; a < m; a++)
    {
      w->u_new[a] = CLAMP (u[a] + w->delta[a], pb->lo[a], pb->hi[a]);
      w->delta[a] = w->u_new[a] - u[a];
      *step = MAX (*step, fabs (w->delta[a]) / MAX (1.0, fabs (u[a])));
    }
  for (guint a = 0; a < m; a++)
    {
      double Ad = 0;

      for (guint b = 0; b < m; b++)
        Ad += w->A[a * m + b] * w->delta[b];
      pred -= w->g[a] * w->delta[a] + 0.5 * w->delta[a] * Ad;
    }
  cost_new = residuals (pb, w->u_new, w->r_new);
  if (!(pred > 0) || !(cost_new < *cost))
    return FALSE;
  *rho = (*cost - cost_new) / pred;
  memcpy (u, w->u_new, sizeof (double) * m);
  memcpy (w->r, w->r_new, sizeof (double) * 2 * pb->n_pts);
  *cost = cost_new;
  return TRUE;
}

/* Minimises from u (in place); returns the final cost. */
static double
levenberg_marquardt (Problem *pb, double *u, guint max_iter, guint *iterations, gboolean *converged)
{
  guint m = pb->m, small = 0;
  double cost, mu, nu = 2;
  Work w;

  work_init (&w, 2 * pb->n_pts, m);
  cost = residuals (pb, u, w.r);
  *converged = FALSE;
  jacobian (pb, u, w.r, w.J, w.work);
  normal_equations (pb, w.J, w.r, w.A, w.g);
  mu = 1e-3;
  for (*iterations = 0; *iterations < max_iter && isfinite (cost); (*iterations)++)
    {
      double old = cost, rho, step;

      if (lm_step (pb, &w, u, &cost, mu, &rho, &step))
        {
          mu *= MAX (1.0 / 3.0, 1.0 - pow (2 * rho - 1, 3));
          nu = 2;
          jacobian (pb, u, w.r, w.J, w.work);
          normal_equations (pb, w.J, w.r, w.A, w.g);
          small = (old - cost) <= 1e-9 * old || step < 1e-9 ? small + 1 : 0;
        }
      else
        {
          mu *= nu;
          nu *= 2;
          if (step < 1e-12 && step > 0)
            small++;
        }
      if (small >= 3 || mu > 1e16 || cost < 1e-300)
        {
          *converged = TRUE;
          break;
        }
    }
  work_clear (&w);
  return cost;
}

/* Two-sided 97.5 % quantile of Student's t (Cornish-Fisher expansion,
 * better than 1e-3 relative for dof >= 3). */
static double
t_quantile_975 (guint dof)
{
  const double z = 1.959963984540054;
  double v = MAX (dof, 1), z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z;

  return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v)
         + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v);
}

static CcEisFitResult *
result_new (guint n, guint n_pts)
{
  CcEisFitResult *r = g_new0 (CcEisFitResult, 1);

  r->n_params = n;
  r->value = g_new (double, n);
  r->std_error = g_new (double, n);
  r->ci_low = g_new (double, n);
  r->ci_high = g_new (double, n);
  r->fixed = g_new0 (gboolean, n);
  r->at_bound = g_new0 (gboolean, n);
  r->n_points = n_pts;
  r->res_re = g_new (double, n_pts);
  r->res_im = g_new (double, n_pts);
  return r;
}

void
cc_eis_fit_result_free (CcEisFitResult *result)
{
  if (result == NULL)
    return;
  g_free (result->value); g_free (result->std_error);
  g_free (result->ci_low); g_free (result->ci_high);
  g_free (result->fixed); g_free (result->at_bound);
  g_free (result->res_re); g_free (result->res_im);
  g_free (result);
}

/* Covariance in u space from the Jacobian of the parameters that are free
 * and off their bounds; standard errors and intervals back in p space. */
static void
statistics (Problem *pb, double *u, double cost, CcEisFitResult *res)
{
  guint rows = 2 * pb->n_pts, q = 0;
  g_autofree double *r = g_new (double, rows);
  g_autofree double *work = g_new (double, rows);
  g_autofree double *J = g_new (double, (gsize) rows * MAX (pb->m, 1));
  g_autofree guint *sel = g_new (guint, MAX (pb->m, 1));
  g_autofree double *A = NULL;
  double s2, t;

  res->chi_square = 2 * cost;
  res->dof = rows > pb->m ? rows - pb->m : 0;
  for (guint k = 0; k < pb->m; k++)
    {
      guint i = pb->free_idx[k];
      double span = pb->hi[k] - pb->lo[k];

      res->at_bound[i] = u[k] <= pb->lo[k] + 1e-9 * span || u[k] >= pb->hi[k] - 1e-9 * span;
      if (!res->at_bound[i])
        sel[q++] = k;
    }
  if (q == 0 || res->dof == 0)
    return;
  residuals (pb, u, r);
  jacobian (pb, u, r, J, work);
  /* A parameter that no longer moves the model (a series resistance fitted
   * to ~0 in log space, say) has no error bar and would make the whole
   * covariance singular: leave it out. */
  {
    double dmax = 0;
    g_autofree double *d = g_new0 (double, q);
    guint kept = 0;

    for (guint a = 0; a < q; a++)
      {
        for (guint i = 0; i < rows; i++)
          d[a] += J[i * pb->m + sel[a]] * J[i * pb->m + sel[a]];
        dmax = MAX (dmax, d[a]);
      }
    for (guint a = 0; a < q; a++)
      if (d[a] > 1e-14 * dmax)
        sel[kept++] = sel[a];
    q = kept;
  }
  A = g_new0 (double, q * q);
  for (guint i = 0; i < rows; i++)
    for (guint a = 0; a < q; a++)
      for (guint b = 0; b < q; b++)
        A[a * q + b] += J[i * pb->m + sel[a]] * J[i * pb->m + sel[b]];
  if (!cc_eis_spd_invert (A, q))
    return;   /* not identifiable: errors stay NAN */
  s2 = 2 * cost / res->dof;
  t = t_quantile_975 (res->dof);
  for (guint a = 0; a < q; a++)
    {
      guint k = sel[a], i = pb->free_idx[k];
      double su = sqrt (MAX (A[a * q + a], 0) * s2);

      if (is_log (pb, k))
        {
          res->std_error[i] = res->value[i] * su;
          res->ci_low[i] = exp (u[k] - t * su);
          res->ci_high[i] = exp (u[k] + t * su);
        }
      else
        {
          res->std_error[i] = su;
          res->ci_low[i] = u[k] - t * su;
          res->ci_high[i] = u[k] + t * su;
        }
    }
}

static void
problem_clear (Problem *pb)
{
  g_free (pb->free_idx); g_free (pb->lo); g_free (pb->hi);
  g_free (pb->omega); g_free (pb->w_re); g_free (pb->w_im); g_free (pb->p);
}

static void
problem_init (Problem *pb, const CcEisCircuit *c, const CcEisSpectrum *s, const CcEisFitSetup *setup)
{
  g_autofree double *mod = g_new (double, s->n);
  double scale;

  memset (pb, 0, sizeof *pb);
  pb->circuit = c;
  pb->spectrum = s;
  pb->setup = setup;
  pb->n = setup->n;
  pb->n_pts = s->n;
  pb->free_idx = g_new (guint, MAX (pb->n, 1));
  pb->lo = g_new (double, MAX (pb->n, 1));
  pb->hi = g_new (double, MAX (pb->n, 1));
  pb->p = g_new (double, MAX (pb->n, 1));
  for (guint i = 0; i < pb->n; i++)
    if (!setup->fixed[i])
      {
        gboolean lg = cc_eis_circuit_get_param_kind (c, i) == CC_EIS_PARAM_POSITIVE;

        pb->lo[pb->m] = lg ? log (setup->lower[i]) : setup->lower[i];
        pb->hi[pb->m] = lg ? log (setup->upper[i]) : setup->upper[i];
        pb->free_idx[pb->m++] = i;
      }
  pb->omega = g_new (double, s->n);
  pb->w_re = g_new (double, s->n);
  pb->w_im = g_new (double, s->n);
  for (guint i = 0; i < s->n; i++)
    {
      pb->omega[i] = 2 * G_PI * s->freq_Hz[i];
      mod[i] = MAX (hypot (s->z_re[i], s->z_im[i]), 1e-300);
    }
  scale = mod[0];
  if (setup->weighting == CC_EIS_WEIGHT_UNIT)
    {
      g_autofree double *sorted = g_memdup2 (mod, sizeof (double) * s->n);
      g_qsort_with_data (sorted, s->n, sizeof (double), (GCompareDataFunc) cc_eis_compare_doubles, NULL);
      scale = sorted[s->n / 2];
    }
  for (guint i = 0; i < s->n; i++)
    switch (setup->weighting)
      {
      case CC_EIS_WEIGHT_PROPORTIONAL:
        pb->w_re[i] = 1.0 / MAX (fabs (s->z_re[i]), 0.01 * mod[i]);
        pb->w_im[i] = 1.0 / MAX (fabs (s->z_im[i]), 0.01 * mod[i]);
        break;
      case CC_EIS_WEIGHT_UNIT:
        pb->w_re[i] = pb->w_im[i] = 1.0 / scale;
        break;
      case CC_EIS_WEIGHT_MODULUS:
      default:
        pb->w_re[i] = pb->w_im[i] = 1.0 / mod[i];
        break;
      }
}

static void
to_u (const Problem *pb, const double *p, double *u)
{
  for (guint k = 0; k < pb->m; k++)
    {
      guint i = pb->free_idx[k];

      u[k] = is_log (pb, k) ? log (p[i]) : p[i];
      u[k] = CLAMP (u[k], pb->lo[k], pb->hi[k]);
    }
}

/* Runs the starts briefly, then the best one to convergence. */
static double
solve (Problem *pb, const double *starts, guint n_starts, double *u_best, CcEisFitResult *res)
{
  g_autofree double *u = g_new (double, MAX (pb->m, 1));
  double best = INFINITY, cost;
  guint it, total = 0;
  gboolean conv;

  for (guint s = 0; s < n_starts; s++)
    {
      to_u (pb, starts + (gsize) s * pb->n, u);
      cost = levenberg_marquardt (pb, u, n_starts > 1 ? SCOUT_ITERATIONS : MAX_ITERATIONS, &it, &conv);
      total += it;
      if (cost < best)
        {
          best = cost;
          memcpy (u_best, u, sizeof (double) * pb->m);
          res->converged = conv;
        }
    }
  if (n_starts > 1 && isfinite (best))
    {
      best = levenberg_marquardt (pb, u_best, MAX_ITERATIONS, &it, &res->converged);
      total += it;
    }
  res->iterations = total;
  res->starts = n_starts;
  return best;
}

CcEisFitResult *
cc_eis_fit (const CcEisCircuit  *circuit,
            const CcEisSpectrum *spectrum,
            const CcEisFitSetup *setup,
            GError             **error)
{
  g_autoptr(CcEisFitResult) res = NULL;
  g_autofree double *starts = NULL;
  g_autofree double *u = NULL;
  g_autofree double *r = NULL;
  double cost, sum = 0;
  guint n_starts;
  Problem pb;

  g_return_val_if_fail (circuit != NULL && spectrum != NULL && setup != NULL, NULL);
  g_return_val_if_fail (setup->circuit == circuit, NULL);
  if (!cc_eis_spectrum_validate (spectrum, 3, error))
    return NULL;
  problem_init (&pb, circuit, spectrum, setup);
  if (2 * spectrum->n <= pb.m)
    {
      g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_INVALID,
                   "%u points cannot determine %u free parameters", spectrum->n, pb.m);
      problem_clear (&pb);
      return NULL;
    }
  starts = g_new (double, (gsize) MAX_STARTS * pb.n);
  n_starts = cc_eis_fit_initial_guesses (circuit, spectrum, setup, starts, MAX_STARTS);
  memcpy (pb.p, starts, sizeof (double) * pb.n);   /* fixed values */
  res = result_new (pb.n, spectrum->n);
  u = g_new (double, MAX (pb.m, 1));
  r = g_new (double, 2 * spectrum->n);
  cost = pb.m > 0 ? solve (&pb, starts, n_starts, u, res) : residuals (&pb, u, r);
  if (!isfinite (cost))
    {
      g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_NUMERIC,
                   "the fit of '%s' diverged: the model is not finite at the starting values",
                   cc_eis_circuit_get_text (circuit));
      problem_clear (&pb);
      return NULL;
    }
  if (pb.m == 0)
    res->converged = TRUE;
  residuals (&pb, u, r);
  cc_eis_fit_canonical_order (circuit, setup, pb.p);
  to_u (&pb, pb.p, u);
  residuals (&pb, u, r);
  memcpy (res->value, pb.p, sizeof (double) * pb.n);
  for (guint i = 0; i < pb.n; i++)
    {
      res->fixed[i] = setup->fixed[i];
      res->std_error[i] = res->ci_low[i] = res->ci_high[i] = NAN;
    }
  statistics (&pb, u, cost, res);
  for (guint i = 0; i < spectrum->n; i++)
    {
      double zr, zi, mod = hypot (spectrum->z_re[i], spectrum->z_im[i]);

      cc_eis_circuit_eval (circuit, res->value, spectrum->freq_Hz[i], &zr, &zi);
      res->res_re[i] = (spectrum->z_re[i] - zr) / mod;
      res->res_im[i] = (spectrum->z_im[i] - zi) / mod;
      sum += res->res_re[i] * res->res_re[i] + res->res_im[i] * res->res_im[i];
    }
  res->rms_relative = sqrt (sum / spectrum->n);
  problem_clear (&pb);
  return g_steal_pointer (&res);
}
