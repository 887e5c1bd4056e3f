/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-electrode.h"

#include <math.h>
#include <string.h>
#include "cc-echem-constants.h"

#define Y_LO 1e-12
#define Y_HI (1 - 1e-12)
#define I0_FLOOR 0.05          /* i0 ~ sqrt(y(1-y)), floored so it never vanishes */

static inline guint nblock (const CcElectrode *e) { return 2 + e->p.nk; }
static inline guint ix_e (const CcElectrode *e, guint i) { return i * nblock (e); }
static inline guint ix_s (const CcElectrode *e, guint i) { return i * nblock (e) + 1; }
static inline guint ix_j (const CcElectrode *e, guint i, guint k) { return i * nblock (e) + 2 + k; }
static inline double *prof (double *y, const CcElectrode *e, guint i, guint k)
{
  return y + ((gsize) i * e->p.nk + k) * e->p.nr;
}

/* Particle surface per electrode volume of class k. */
static double
surface_per_volume (const CcElectrode *e,
                    guint              k)
{
  return 3.0 * e->p.eps[k] / e->p.radius[k];
}

/* Flux into the particle (m/s, normalised by c_max) per unit j. */
static double
flux_per_current (const CcElectrode *e,
                  guint              k)
{
  double s = surface_per_volume (e, k);

  if (s <= 0)
    return 0;
  return e->p.area[k] / (CC_FARADAY * s * e->p.c_max);
}

CcElectrode *
cc_electrode_new (const CcElectrodeParams *p)
{
  CcElectrode *e = g_new0 (CcElectrode, 1);
  guint n, ny;

  g_return_val_if_fail (p->nx >= 1 && p->nk >= 1 && p->nk <= CC_ELECTRODE_MAX_CLASSES, NULL);
  e->p = *p;
  if (e->p.max_newton == 0)
    e->p.max_newton = 30;
  n = p->nx * (2 + p->nk);
  ny = p->nx * p->nk * p->nr;
  e->y = g_new0 (double, ny);
  e->y_hom = g_new0 (double, ny);
  e->y_save = g_new0 (double, ny);
  e->phi_e = g_new0 (double, p->nx);
  e->phi_s = g_new0 (double, p->nx);
  e->r_film = g_new0 (double, p->nx);
  e->j = g_new0 (double, p->nx * p->nk);
  e->surf_a = g_new0 (double, p->nx * p->nk);
  e->surf_b = g_new0 (double, p->nx * p->nk);
  e->x = g_new0 (double, n);
  e->x_save = g_new0 (double, n);
  e->x_prev = g_new0 (double, n);
  e->res = g_new0 (double, n);
  e->mat = cc_banded_new (2 * p->nx, 2, 2);
  e->rhs = g_new0 (double, 2 * p->nx);
  e->diag_j = g_new0 (double, p->nx * p->nk);
  cc_electrode_update (e);
  return e;
}

void
cc_electrode_free (CcElectrode *e)
{
  if (e == NULL)
    return;
  g_free (e->y);
  g_free (e->y_hom);
  g_free (e->y_save);
  g_free (e->phi_e);
  g_free (e->phi_s);
  g_free (e->r_film);
  g_free (e->j);
  g_free (e->surf_a);
  g_free (e->surf_b);
  g_free (e->x);
  g_free (e->x_save);
  g_free (e->x_prev);
  g_free (e->res);
  g_free (e->rhs);
  g_free (e->diag_j);
  g_free (e->failure);
  cc_banded_free (e->mat);
  g_free (e);
}

void
cc_electrode_update (CcElectrode *e)
{
  for (guint k = 0; k < e->p.nk; k++)
    cc_solid_diffusion_init (&e->part[k], e->p.nr, e->p.radius[k], e->p.diffusivity);
}

double
cc_electrode_capacity (const CcElectrode *e)
{
  double eps = 0;

  for (guint k = 0; k < e->p.nk; k++)
    eps += e->p.eps[k];
  return eps * e->p.thickness * e->p.c_max * CC_FARADAY;
}

double
cc_electrode_mean_y (const CcElectrode *e)
{
  double s = 0, w = 0;

  for (guint i = 0; i < e->p.nx; i++)
    for (guint k = 0; k < e->p.nk; k++)
      {
        s += e->p.eps[k] * cc_solid_diffusion_average (&e->part[k], prof (e->y, e, i, k));
        w += e->p.eps[k];
      }
  return w > 0 ? s / w : 0;
}

static double
ocv_of_y (const CcElectrode *e,
          double             y,
          int                branch,
          double            *slope_soc)
{
  return cc_ocv_eval (e->p.ocv, 1.0 - y, branch, e->p.temperature, slope_soc);
}

/* Potentials at rest for the present particle state. */
static void pack (CcElectrode *e);
static void unpack (CcElectrode *e);

static void
rest_potentials (CcElectrode *e)
{
  for (guint i = 0; i < e->p.nx; i++)
    {
      double u = 0, w = 0;
      for (guint k = 0; k < e->p.nk; k++)
        {
          double *y = prof (e->y, e, i, k);
          u += e->p.area[k] * ocv_of_y (e, y[e->p.nr - 1], 0, NULL);
          w += e->p.area[k];
          e->j[i * e->p.nk + k] = 0;
        }
      e->phi_e[i] = 0;
      e->phi_s[i] = w > 0 ? u / w : 0;
    }
  e->current = 0;
}

void
cc_electrode_set_uniform (CcElectrode *e,
                          double       y)
{
  guint ny = e->p.nx * e->p.nk * e->p.nr;

  for (guint m = 0; m < ny; m++)
    e->y[m] = CLAMP (y, Y_LO, Y_HI);
  rest_potentials (e);
}

void
cc_electrode_relax (CcElectrode *e)
{
  for (guint i = 0; i < e->p.nx; i++)
    for (guint k = 0; k < e->p.nk; k++)
      {
        double *y = prof (e->y, e, i, k);
        double avg = cc_solid_diffusion_average (&e->part[k], y);
        for (guint m = 0; m < e->p.nr; m++)
          y[m] = avg;
      }
  rest_potentials (e);
}

double
cc_electrode_ocv (const CcElectrode *e)
{
  double u = 0, w = 0;

  for (guint i = 0; i < e->p.nx; i++)
    for (guint k = 0; k < e->p.nk; k++)
      {
        double y = cc_solid_diffusion_average (&e->part[k], prof (e->y, e, i, k));
        u += e->p.eps[k] * ocv_of_y (e, y, 0, NULL);
        w += e->p.eps[k];
      }
  return (w > 0 ? u / w : 0) - e->p.u_anode;
}

double
cc_electrode_voltage (const CcElectrode *e)
{
  double h = e->p.thickness / e->p.nx;
  double phi_cc = e->phi_s[0] - e->current * 0.5 * h / e->p.sigma_e;

  return phi_cc - e->p.u_anode - e->current * e->p.r_series;
}

void
cc_electrode_save (CcElectrode *e)
{
  pack (e);
  memcpy (e->y_save, e->y, sizeof (double) * e->p.nx * e->p.nk * e->p.nr);
  memcpy (e->x_save, e->x, sizeof (double) * e->p.nx * nblock (e));
  e->saved_current = e->current;
}

void
cc_electrode_restore (CcElectrode *e)
{
  memcpy (e->y, e->y_save, sizeof (double) * e->p.nx * e->p.nk * e->p.nr);
  memcpy (e->x, e->x_save, sizeof (double) * e->p.nx * nblock (e));
  unpack (e);
  e->current = e->saved_current;
}

double
cc_electrode_local_potential (const CcElectrode *e,
                              guint              i)
{
  return e->phi_s[i] - e->phi_e[i];
}

double
cc_electrode_cam_potential (const CcElectrode *e,
                            guint              i)
{
  double jm = 0, w = 0;

  for (guint k = 0; k < e->p.nk; k++)
    {
      jm += e->p.area[k] * e->j[i * e->p.nk + k];
      w += e->p.area[k];
    }
  return e->phi_s[i] - e->phi_e[i] + (w > 0 ? jm / w : 0) * e->r_film[i];
}

double
cc_electrode_surface_ocv (const CcElectrode *e,
                          guint              i)
{
  double u = 0, w = 0;

  for (guint k = 0; k < e->p.nk; k++)
    {
      const double *y = e->y + ((gsize) i * e->p.nk + k) * e->p.nr;
      double flux = e->j[i * e->p.nk + k] * flux_per_current (e, k);
      double ys = CLAMP (cc_solid_diffusion_surface (&e->part[k], y, flux), 1e-12, 1 - 1e-12);

      u += e->p.area[k] * ocv_of_y (e, ys, 0, NULL);
      w += e->p.area[k];
    }
  return w > 0 ? u / w : 0;
}

static void
pack (CcElectrode *e)
{
  for (guint i = 0; i < e->p.nx; i++)
    {
      e->x[ix_e (e, i)] = e->phi_e[i];
      e->x[ix_s (e, i)] = e->phi_s[i];
      for (guint k = 0; k < e->p.nk; k++)
        e->x[ix_j (e, i, k)] = e->j[i * e->p.nk + k];
    }
}

static void
unpack (CcElectrode *e)
{
  for (guint i = 0; i < e->p.nx; i++)
    {
      e->phi_e[i] = e->x[ix_e (e, i)];
      e->phi_s[i] = e->x[ix_s (e, i)];
      for (guint k = 0; k < e->p.nk; k++)
        e->j[i * e->p.nk + k] = e->x[ix_j (e, i, k)];
    }
}

/* Exchange current at surface sodiation y and its derivative. */
static double
exchange_current (const CcElectrode *e,
                  double             y,
                  double            *di0_dy)
{
  double g = 2.0 * sqrt (y * (1.0 - y));

  if (g <= I0_FLOOR)
    {
      *di0_dy = 0;
      return e->p.i0 * I0_FLOOR;
    }
  *di0_dy = e->p.i0 * (1.0 - 2.0 * y) / sqrt (y * (1.0 - y));
  return e->p.i0 * g;
}

/* Residuals of the step at the current iterate e->x, and the Newton matrix
 * with the interface currents eliminated: each Butler-Volmer row involves
 * only its own j_k and the cell's two potentials,
 *   dphi_s - dphi_e + D_k dj_k = -R_k,
 * so substituting dj_k into the charge rows leaves a banded system in
 * [phi_e, phi_s] alone (two unknowns per cell, bandwidth 2). */
static gboolean
assemble (CcElectrode *e,
          double       current,
          int          branch)
{
  guint nx = e->p.nx, nk = e->p.nk;
  double h = e->p.thickness / nx;
  double ge = e->p.sigma_ion / h, gs = e->p.sigma_e / h;
  double f2 = 2.0 * CC_GAS_CONSTANT * e->p.temperature / CC_FARADAY;

  cc_banded_zero (e->mat);
  for (guint i = 0; i < nx; i++)
    {
      guint re = ix_e (e, i), rs = ix_s (e, i);
      guint me = 2 * i, ms = 2 * i + 1;
      double pe = e->x[re], ps = e->x[rs];
      double r_e = 0, r_s = 0, b_e, b_s;

      /* Ionic row: flux in from the right minus flux out to the left. */
      if (i + 1 < nx)
        {
          r_e += ge * (e->x[ix_e (e, i + 1)] - pe);
          cc_banded_add (e->mat, me, me + 2, ge);
          cc_banded_add (e->mat, me, me, -ge);
        }
      else
        {
          r_e += 2 * ge * (0 - pe);
          cc_banded_add (e->mat, me, me, -2 * ge);
        }
      if (i > 0)
        {
          r_e -= ge * (pe - e->x[ix_e (e, i - 1)]);
          cc_banded_add (e->mat, me, me, -ge);
          cc_banded_add (e->mat, me, me - 2, ge);
        }
      /* Electronic row. */
      if (i + 1 < nx)
        {
          r_s += gs * (e->x[ix_s (e, i + 1)] - ps);
          cc_banded_add (e->mat, ms, ms + 2, gs);
          cc_banded_add (e->mat, ms, ms, -gs);
        }
      if (i > 0)
        {
          r_s -= gs * (ps - e->x[ix_s (e, i - 1)]);
          cc_banded_add (e->mat, ms, ms, -gs);
          cc_banded_add (e->mat, ms, ms - 2, gs);
        }
      else
        r_s -= current;

      b_e = 0;
      b_s = 0;
      for (guint k = 0; k < nk; k++)
        {
          guint rj = ix_j (e, i, k);
          double jj = e->x[rj];
          double a = e->p.area[k];
          double bk = e->surf_b[i * nk + k];
          double ys = e->surf_a[i * nk + k] + bk * jj;
          double slope, di0, i0, u, z, dz, d, g;

          r_e -= h * a * jj;
          r_s += h * a * jj;
          if (!(ys > 0 && ys < 1))
            return FALSE;
          u = ocv_of_y (e, ys, branch, &slope);
          i0 = exchange_current (e, ys, &di0);
          z = jj / (2 * i0);
          dz = 1 / (2 * i0) - jj / (2 * i0 * i0) * di0 * bk;
          e->res[rj] = ps - pe - u + jj * e->r_film[i] + f2 * asinh (z);
          /* D_k = dR_k/dj: dU/dj = slope * (-1) * bk enters with a minus. */
          d = slope * bk + e->r_film[i] + f2 * dz / sqrt (1 + z * z);
          if (d == 0 || !isfinite (d))
            return FALSE;
          e->diag_j[i * nk + k] = d;
          g = h * a / d;
          /* Ion row term -h a dj, electron row +h a dj, with
           * dj = (-R_k - dphi_s + dphi_e) / D_k. */
          cc_banded_add (e->mat, me, ms, g);
          cc_banded_add (e->mat, me, me, -g);
          cc_banded_add (e->mat, ms, ms, -g);
          cc_banded_add (e->mat, ms, me, g);
          b_e += g * e->res[rj];
          b_s -= g * e->res[rj];
        }
      e->res[re] = r_e;
      e->res[rs] = r_s;
      e->rhs[me] = -r_e - b_e;
      e->rhs[ms] = -r_s - b_s;
    }
  return TRUE;
}

/* Largest step fraction (<= 1) keeping every surface sodiation inside (0, 1). */
static double
boundary_fraction (const CcElectrode *e,
                   const double      *dx)
{
  double lambda = 1;

  for (guint i = 0; i < e->p.nx; i++)
    for (guint k = 0; k < e->p.nk; k++)
      {
        double bk = e->surf_b[i * e->p.nk + k];
        double ys = e->surf_a[i * e->p.nk + k] + bk * e->x[ix_j (e, i, k)];
        double dy = bk * dx[ix_j (e, i, k)];

        if (ys + dy > Y_HI)
          lambda = MIN (lambda, 0.9 * (Y_HI - ys) / dy);
        else if (ys + dy < Y_LO)
          lambda = MIN (lambda, 0.9 * (Y_LO - ys) / dy);
      }
  return MAX (lambda, 1e-6);
}

static void
set_failure (CcElectrode *e,
             const char  *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
set_failure (CcElectrode *e,
             const char  *format,
             ...)
{
  va_list args;

  g_free (e->failure);
  va_start (args, format);
  e->failure = g_strdup_vprintf (format, args);
  va_end (args);
}

static void
prepare_particles (CcElectrode *e,
                   double       dt)
{
  for (guint k = 0; k < e->p.nk; k++)
    {
      double g = flux_per_current (e, k);
      cc_solid_diffusion_prepare (&e->part[k], dt);
      for (guint i = 0; i < e->p.nx; i++)
        {
          e->surf_a[i * e->p.nk + k] = cc_solid_diffusion_step_hom (&e->part[k], prof (e->y, e, i, k),
                                                             prof (e->y_hom, e, i, k));
          e->surf_b[i * e->p.nk + k] = e->part[k].surface_gain * g;
        }
    }
}

static gboolean
newton (CcElectrode *e,
        double       current,
        int          branch)
{
  guint n = e->p.nx * nblock (e), nk = e->p.nk;
  double j_scale = fabs (current) / MAX (e->p.thickness * e->p.area[0], 1e-30) + e->p.i0 * 1e-6;

  for (guint it = 0; it < e->p.max_newton; it++)
    {
      double lambda, dphi = 0, dj = 0;

      if (!assemble (e, current, branch))
        {
          e->saturated = TRUE;
          set_failure (e, "the particle surfaces are saturated (solid-diffusion limit)");
          return FALSE;
        }
      if (!cc_banded_factor (e->mat))
        {
          set_failure (e, "the Newton matrix is singular");
          return FALSE;
        }
      cc_banded_solve (e->mat, e->rhs);
      /* Back to the full update, interface currents included. */
      for (guint i = 0; i < e->p.nx; i++)
        {
          double de = e->rhs[2 * i], ds = e->rhs[2 * i + 1];

          e->res[ix_e (e, i)] = de;
          e->res[ix_s (e, i)] = ds;
          dphi = MAX (dphi, MAX (fabs (de), fabs (ds)));
          for (guint k = 0; k < nk; k++)
            {
              guint rj = ix_j (e, i, k);
              double d = (-e->res[rj] - ds + de) / e->diag_j[i * nk + k];
              e->res[rj] = d;
              dj = MAX (dj, fabs (d));
            }
        }
      if (!isfinite (dphi) || !isfinite (dj))
        {
          set_failure (e, "the Newton update is not finite");
          return FALSE;
        }
      lambda = boundary_fraction (e, e->res);
      for (guint r = 0; r < n; r++)
        e->x[r] += lambda * e->res[r];
      e->newton_total++;
      if (lambda == 1 && dphi < 1e-9 && dj < 1e-9 * j_scale)
        return TRUE;
    }
  set_failure (e, "Newton did not converge in %u iterations", e->p.max_newton);
  return FALSE;
}

gboolean
cc_electrode_step (CcElectrode *e,
                   double       current,
                   double       dt,
                   int          branch)
{
  guint nx = e->p.nx, nk = e->p.nk;

  g_return_val_if_fail (dt > 0, FALSE);

  e->saturated = FALSE;
  prepare_particles (e, dt);
  pack (e);
  memcpy (e->x_prev, e->x, sizeof (double) * nx * nblock (e));
  if (!newton (e, current, branch))
    {
      memcpy (e->x, e->x_prev, sizeof (double) * nx * nblock (e));
      unpack (e);
      return FALSE;
    }
  unpack (e);
  for (guint i = 0; i < nx; i++)
    for (guint k = 0; k < nk; k++)
      cc_solid_diffusion_finish (&e->part[k], prof (e->y_hom, e, i, k),
                          e->j[i * nk + k] * flux_per_current (e, k), prof (e->y, e, i, k));
  e->current = current;
  e->branch = branch;
  return TRUE;
}
