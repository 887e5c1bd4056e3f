/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The porous-electrode model of a composite cathode with a solid electrolyte
 * (a pseudo-two-dimensional, "P2D", model reduced to what a single-ion
 * conductor needs):
 *
 *  - ionic phase: transference number 1, so no salt concentration gradient;
 *    Ohm's law with the effective ionic conductivity, d/dx(sigma_ion dphi_e/dx)
 *    = a j; blocking at the current collector (x = 0), the separator side
 *    (x = L) is the potential reference;
 *  - electronic phase: Ohm's law with the effective electronic conductivity,
 *    d/dx(sigma_e dphi_s/dx) = -a j; the applied current enters at x = 0,
 *    nothing crosses x = L;
 *  - Butler-Volmer kinetics (symmetric, alpha = 0.5, written with asinh so
 *    Newton converges from far away) at the CAM-electrolyte contacts of each
 *    particle size class, with a film resistance (coating, interphases) in
 *    series: eta = phi_s - phi_e - U(soc_surface) + j R_film;
 *  - solid diffusion in spherical particles of each size class at each
 *    position (cc-solid-diffusion.h), sharing one diffusion coefficient.
 *
 * Finite volumes through the thickness (nx cells) and in the radius (nr
 * shells), implicit Euler in time, Newton on [phi_e, phi_s, j_k] per cell;
 * the particle profiles are eliminated exactly (cc-solid-diffusion.h) and
 * the interface currents by block elimination, so each Newton step is a
 * banded LU of two unknowns per cell. Only active CAM takes part; the caller scales the classes'
 * volume fractions and contact areas to the active CAM.
 *
 * Sign convention: current > 0 discharges (sodiates the CAM); j > 0 is
 * sodiation. Potentials in V; the cell voltage is the current-collector
 * potential minus the anode potential minus the series resistance drop.
 */
#pragma once

#include <gio/gio.h>
#include "cc-ocv.h"
#include "cc-solid-diffusion.h"
#include "cc-banded.h"

G_BEGIN_DECLS

#define CC_ELECTRODE_MAX_CLASSES 4

typedef struct {
  guint        nx, nr, nk;
  double       thickness;          /* m */
  double       sigma_ion;          /* S/m, effective */
  double       sigma_e;            /* S/m, effective */
  double       temperature;        /* K */
  double       i0;                 /* A/m2 of contact at soc 0.5 */
  double       c_max;              /* mol/m3 */
  double       diffusivity;        /* m2/s */
  double       r_series;           /* Ohm m2 outside the composite */
  double       u_anode;            /* V vs Na */
  double       radius[CC_ELECTRODE_MAX_CLASSES];  /* m */
  double       eps[CC_ELECTRODE_MAX_CLASSES];     /* active CAM volume fraction per class */
  double       area[CC_ELECTRODE_MAX_CLASSES];    /* contact area per electrode volume, 1/m */
  const CcOcv *ocv;
  guint        max_newton;         /* iterations per step; 0 = default (30) */
} CcElectrodeParams;

typedef struct {
  CcElectrodeParams p;
  CcSolidDiffusion  part[CC_ELECTRODE_MAX_CLASSES];
  double     *y, *y_hom, *y_save;   /* nx * nk * nr sodiation fractions */
  double     *phi_e, *phi_s;        /* nx */
  double     *j;                    /* nx * nk */
  double     *r_film;               /* nx, Ohm m2 of contact */
  double     *surf_a, *surf_b;      /* nx * nk: y_surface = a + b j */
  double     *x, *x_prev, *x_save, *res;   /* Newton vectors */
  double     *rhs, *diag_j;         /* reduced system: right-hand side, dR_k/dj_k */
  CcBanded   *mat;
  double      current;              /* of the last converged step */
  double      saved_current;
  int         branch;
  guint       newton_total;
  char       *failure;              /* why the last step failed */
  gboolean    saturated;            /* ... because a particle surface hit full or empty */
} CcElectrode;

typedef void (*CcStepHook) (CcElectrode *e,
                            double       dt,
                            gpointer     data);

CcElectrode *cc_electrode_new          (const CcElectrodeParams *p);
void         cc_electrode_free         (CcElectrode *self);
/* Re-reads geometry-dependent numbers after p changed (same nx, nk, nr). */
void         cc_electrode_update       (CcElectrode *self);
/* Every particle at sodiation y; potentials at rest. */
void         cc_electrode_set_uniform  (CcElectrode *self,
                                        double       y);
/* A rest: each particle relaxes to its average; potentials at rest. */
void         cc_electrode_relax        (CcElectrode *self);
/* One implicit step at the given current (A/m2); FALSE with self->failure set
 * when Newton does not converge (the state is left unchanged). */
gboolean     cc_electrode_step         (CcElectrode *self,
                                        double       current,
                                        double       dt,
                                        int          branch);
double       cc_electrode_voltage      (const CcElectrode *self);
/* Keeps a copy of the state (particles, potentials, currents) and puts it
 * back, to retake a step. */
void         cc_electrode_save         (CcElectrode *self);
void         cc_electrode_restore      (CcElectrode *self);
/* Mean sodiation of the active CAM (0..1). */
double       cc_electrode_mean_y       (const CcElectrode *self);
/* Window charge of the active CAM, C/m2. */
double       cc_electrode_capacity     (const CcElectrode *self);
/* Electrode potential against the local electrolyte in cell i, V vs Na. */
double       cc_electrode_local_potential (const CcElectrode *self,
                                           guint              i);
/* Potential of the CAM surfaces against the electrolyte in cell i (V vs
 * Na): phi_s - phi_e without the ohmic drop across the film, i.e. OCV of the
 * surface plus the charge-transfer overpotential (contact-area weighted). */
double       cc_electrode_cam_potential   (const CcElectrode *self,
                                           guint              i);
/* Equilibrium potential of the particle surfaces in cell i (V vs Na). */
double       cc_electrode_surface_ocv     (const CcElectrode *self,
                                           guint              i);
/* Open-circuit cell voltage of the present state. */
double       cc_electrode_ocv          (const CcElectrode *self);

G_END_DECLS
