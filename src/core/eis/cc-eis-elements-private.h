/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Impedances of elementary electrochemical elements, in C99 complex
 * arithmetic. Shared by the cell model and the circuit language; kept out of
 * the public headers so that <complex.h> (and its macro I) does not leak
 * into code that includes the EIS API.
 */
#pragma once

#include <complex.h>
#include <glib.h>

G_BEGIN_DECLS

/* Numerically safe hyperbolic functions for any Re(x): no overflow for
 * large |x|, no cancellation for small |x|. */
double complex cc_eis_ccoth     (double complex x);
double complex cc_eis_ccsch     (double complex x);
double complex cc_eis_ctanh     (double complex x);

/* (j x)^n for real x > 0. */
double complex cc_eis_jpow      (double x, double n);

/* R in parallel with a constant-phase element written through its time
 * constant: Z = R / (1 + (j w tau)^n) (a "ZARC"); n = 1 is R || C with
 * C = tau / R. */
double complex cc_eis_z_zarc    (double omega, double R, double tau, double n);
/* Z = 1 / (Q (j w)^n) */
double complex cc_eis_z_cpe     (double omega, double Q, double n);
/* Semi-infinite Warburg, Z = sigma (1 - j) / sqrt(w). */
double complex cc_eis_z_warburg (double omega, double sigma);
/* Finite-length diffusion with a transmissive boundary (tanh; "Ws") and
 * a reflective one (coth; "Wo"): Z = R f(sqrt(j w tau)) / sqrt(j w tau). */
double complex cc_eis_z_warburg_short (double omega, double R, double tau);
double complex cc_eis_z_warburg_open  (double omega, double R, double tau);

/* Solid diffusion in a sphere with a reflective centre (Jacobsen & West,
 * Electrochim. Acta 40, 255 (1995)):
 *   Z = K tanh(y) / (y - tanh(y)),  y = sqrt(j w tau),  tau = r^2 / D,
 *   K = |dU/dc| r / (F D).
 * High frequency: Warburg K / y. Low frequency: K/5 in series with the
 * chemical capacitance tau / (3 K). */
double complex cc_eis_z_sphere_diffusion (double omega, double K, double tau);

/* Two-rail transmission line of thickness L (Paasch, Micka & Gersdorf,
 * Electrochim. Acta 38, 2653 (1993), Eq. 22): rail 1 (ions, r1 ohm cm) is
 * contacted at x = 0, rail 2 (electrons, r2 ohm cm) at x = L; zeta
 * (ohm cm3) is the interfacial impedance of a unit length of electrode,
 * Z_interface (ohm cm2 of true interface) / a_v (interface cm2 per cm3).
 *   Z = r1 r2/(r1+r2) [L + 2 lam csch(L/lam)] + lam (r1^2+r2^2)/(r1+r2) coth(L/lam),
 *   lam = sqrt(zeta / (r1 + r2)).
 * Result in ohm cm2 (per unit cross-section). */
double complex cc_eis_z_tlm_two_rail (double complex zeta, double r1, double r2, double L);

G_END_DECLS
