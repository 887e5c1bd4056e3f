/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-eis-model.h"
#include "cc-eis-elements-private.h"

#include <math.h>

#define FARADAY   96485.33212      /* C/mol */
#define K_B_EV    8.617333262e-5   /* eV/K */
#define EPS0      8.8541878128e-14 /* F/cm */
/* First root of tan x = x: the slowest relaxation mode of diffusion in a
 * sphere with a reflective centre decays with tau = r^2 / (x1^2 D). */
#define SPHERE_X1 4.493409457909064

/* Everything the per-frequency evaluation needs, at the cell temperature,
 * in ohm cm2, ohm cm, seconds and cm. */
typedef struct {
  double r_b, tau_b, n_b;
  double r_gb, tau_gb, n_gb;
  double r_il, tau_il;
  double L, r_ion, r_e, a_v;
  double r_coat, tau_coat;
  double r_ip, tau_ip;
  double r_ct, tau_dl, n_dl;
  guint  nk;
  double area_frac[CC_EIS_MAX_SIZE_CLASSES];
  double K[CC_EIS_MAX_SIZE_CLASSES];
  double tau_d[CC_EIS_MAX_SIZE_CLASSES];
  double r_an, tau_an, n_an;
  gboolean mixed;
  double c_vol;          /* chemical capacitance per electrode volume, F/cm3 */
  double front;          /* CAM contact area on the separator face, per cell area */
} Prep;

static const char * const proc_names[CC_EIS_N_PROCS] = {
  "bulk", "grain boundary", "interlayer", "cathode ionic transport", "coating",
  "interphase", "charge transfer", "diffusion", "anode interface",
};

static const char * const part_names[CC_EIS_N_PARTS] = {
  "separator bulk", "separator grain boundary", "interlayer", "cathode", "anode interface",
};

const char *
cc_eis_proc_name (CcEisProcId id)
{
  g_return_val_if_fail (id < CC_EIS_N_PROCS, NULL);
  return proc_names[id];
}

const char *
cc_eis_part_name (CcEisPartId id)
{
  g_return_val_if_fail (id < CC_EIS_N_PARTS, NULL);
  return part_names[id];
}

double
cc_eis_arrhenius (double ea_eV,
                  double temperature_C)
{
  double T = temperature_C + 273.15;

  return exp (-ea_eV / K_B_EV * (1.0 / T - 1.0 / CC_EIS_T_REF_K));
}

/* R || C layer of thickness d (cm): R = d / sigma, tau = eps0 eps_r / sigma,
 * so the time constant is a material property and only R grows with d. */
static void
prepare_layer (double d_cm, double sigma25, double eps_r, double ea, double T,
               double *r, double *tau)
{
  double sig;

  *r = *tau = 0;
  if (d_cm <= 0)
    return;
  sig = sigma25 * cc_eis_arrhenius (ea, T);
  *r = d_cm / sig;
  *tau = EPS0 * eps_r / sig;
}

static void
prepare_diffusion (const CcEisCellParams *p, Prep *q)
{
  double D = p->diff_coeff_cm2_s * cc_eis_arrhenius (p->diff_ea_eV, p->temperature_C);
  double docv_dc = p->docv_dsoc_V / p->c_max_mol_cm3;
  double sum_area = 0;

  /* The interface area of a size class is proportional to its volume over
   * its radius (3 V / r for spheres). */
  q->nk = p->n_size_classes;
  for (guint k = 0; k < q->nk; k++)
    {
      double r = p->size_radius_um[k] * 1e-4;

      q->area_frac[k] = p->size_weight[k] / r;
      sum_area += q->area_frac[k];
      q->K[k] = docv_dc * r / (FARADAY * D);
      q->tau_d[k] = r * r / D;
    }
  for (guint k = 0; k < q->nk; k++)
    q->area_frac[k] /= sum_area;
}

static void
prepare (const CcEisCellParams *p, Prep *q)
{
  double T = p->temperature_C;

  /* Brick layer: the thin boundaries in series act as a capacitor larger
   * than the bulk one by grain size / boundary thickness. */
  prepare_layer (p->sep_thickness_um * 1e-4, p->sep_bulk_sigma_S_cm, p->sep_permittivity,
                 p->sep_bulk_ea_eV, T, &q->r_b, &q->tau_b);
  prepare_layer (p->sep_gb_sigma_S_cm > 0 ? p->sep_thickness_um * 1e-4 : 0, p->sep_gb_sigma_S_cm,
                 p->sep_permittivity * p->sep_grain_to_gb_ratio, p->sep_gb_ea_eV, T,
                 &q->r_gb, &q->tau_gb);
  q->n_b = p->sep_bulk_n;
  q->n_gb = p->sep_gb_n;
  prepare_layer (p->il_thickness_um * 1e-4, p->il_sigma_S_cm, p->il_permittivity, p->il_ea_eV,
                 T, &q->r_il, &q->tau_il);

  q->L = p->cat_thickness_um * 1e-4;
  q->r_ion = 1.0 / (p->cat_sigma_ion_eff_S_cm * cc_eis_arrhenius (p->cat_ion_ea_eV, T));
  q->r_e = 1.0 / p->cat_sigma_e_eff_S_cm;
  q->a_v = p->cat_area_per_volume_cm2_cm3;

  prepare_layer (p->coat_thickness_nm * 1e-7, p->coat_sigma_S_cm, p->coat_permittivity,
                 p->coat_ea_eV, T, &q->r_coat, &q->tau_coat);
  prepare_layer (p->ip_thickness_nm * 1e-7, p->ip_sigma_S_cm, p->ip_permittivity,
                 p->ip_ea_eV, T, &q->r_ip, &q->tau_ip);
  q->r_ct = p->ct_resistance_ohm_cm2 / cc_eis_arrhenius (p->ct_ea_eV, T);
  q->tau_dl = q->r_ct * p->dl_capacitance_F_cm2;
  q->n_dl = p->dl_n;
  prepare_diffusion (p, q);

  /* dQ/dU of the CAM per electrode volume: F c_max phi / |dU/dsoc|. */
  q->mixed = p->cat_mixed_conductor;
  q->front = p->cat_front_contact_fraction;
  q->c_vol = p->docv_dsoc_V > 0
             ? FARADAY * p->c_max_mol_cm3 * p->cat_cam_volume_fraction / p->docv_dsoc_V : INFINITY;

  q->r_an = p->anode_resistance_ohm_cm2 / cc_eis_arrhenius (p->anode_ea_eV, T);
  q->tau_an = q->r_an * p->anode_capacitance_F_cm2;
  q->n_an = p->anode_n;
}

/* Interfacial impedance per true CAM-SE area for one size class. A CPE
 * double layer is written through tau_dl = R_ct C_dl so that C_dl stays the
 * effective capacitance of the charge-transfer arc (Brug's relation). */
static double complex
interface_impedance (const Prep *q, double omega, guint k)
{
  double complex y_dl = cc_eis_jpow (omega * q->tau_dl, q->n_dl) / q->r_ct;
  double complex z_far = q->r_ct + cc_eis_z_sphere_diffusion (omega, q->K[k], q->tau_d[k]);

  return cc_eis_z_zarc (omega, q->r_coat, q->tau_coat, 1.0)
         + cc_eis_z_zarc (omega, q->r_ip, q->tau_ip, 1.0)
         + 1.0 / (y_dl + 1.0 / z_far);
}

/* Catholyte-free composite: the reaction at the separator face, then a
 * mixed-conducting line that stores charge in the CAM's chemical
 * capacitance (a finite diffusion element in transmission-line form). */
static double complex
mixed_cathode_impedance (const Prep *q, double omega)
{
  double complex y_dl = cc_eis_jpow (omega * q->tau_dl, q->n_dl) / q->r_ct;
  double complex front = cc_eis_z_zarc (omega, q->r_coat, q->tau_coat, 1.0)
                         + cc_eis_z_zarc (omega, q->r_ip, q->tau_ip, 1.0)
                         + 1.0 / (y_dl + 1.0 / q->r_ct);
  double complex zeta = isfinite (q->c_vol) ? 1.0 / (I * omega * q->c_vol) : 0;

  return front / q->front + cc_eis_z_tlm_two_rail (zeta, q->r_ion, q->r_e, q->L);
}

static double complex
cathode_impedance (const Prep *q, double omega)
{
  double complex y = 0, zeta;

  if (q->mixed)
    return mixed_cathode_impedance (q, omega);

  /* Size classes act in parallel on the interface: admittances add,
   * weighted by each class's share of the area. */
  for (guint k = 0; k < q->nk; k++)
    y += q->area_frac[k] / interface_impedance (q, omega, k);
  zeta = 1.0 / (q->a_v * y);
  return cc_eis_z_tlm_two_rail (zeta, q->r_ion, q->r_e, q->L);
}

static void
evaluate (const Prep *q, double freq_Hz, double complex parts[CC_EIS_N_PARTS])
{
  double omega = 2 * G_PI * freq_Hz;

  parts[CC_EIS_PART_SEP_BULK] = cc_eis_z_zarc (omega, q->r_b, q->tau_b, q->n_b);
  parts[CC_EIS_PART_SEP_GB] = cc_eis_z_zarc (omega, q->r_gb, q->tau_gb, q->n_gb);
  parts[CC_EIS_PART_INTERLAYER] = cc_eis_z_zarc (omega, q->r_il, q->tau_il, 1.0);
  parts[CC_EIS_PART_CATHODE] = cathode_impedance (q, omega);
  parts[CC_EIS_PART_ANODE] = cc_eis_z_zarc (omega, q->r_an, q->tau_an, q->n_an);
}

void
cc_eis_model_impedance (const CcEisCellParams *p,
                        double                 freq_Hz,
                        double                *z_re,
                        double                *z_im,
                        double                *parts_re,
                        double                *parts_im)
{
  double complex parts[CC_EIS_N_PARTS], z = 0;
  Prep q;

  g_return_if_fail (p != NULL && z_re != NULL && z_im != NULL);
  prepare (p, &q);
  evaluate (&q, freq_Hz, parts);
  for (guint i = 0; i < CC_EIS_N_PARTS; i++)
    {
      z += parts[i];
      if (parts_re != NULL)
        parts_re[i] = creal (parts[i]);
      if (parts_im != NULL)
        parts_im[i] = cimag (parts[i]);
    }
  *z_re = creal (z);
  *z_im = cimag (z);
}

static CcEisProcInfo
diffusion_info (const CcEisCellParams *p, const Prep *q, double area)
{
  double y = 0, r_mean = 0, wsum = 0, D;

  /* K/5 is the low-frequency resistance of finite-space spherical
   * diffusion; classes add as admittances like the interface itself. */
  for (guint k = 0; k < q->nk; k++)
    {
      y += q->area_frac[k] / (q->K[k] / 5.0);
      r_mean += p->size_weight[k] * p->size_radius_um[k] * 1e-4;
      wsum += p->size_weight[k];
    }
  r_mean /= wsum;
  D = p->diff_coeff_cm2_s * cc_eis_arrhenius (p->diff_ea_eV, p->temperature_C);
  return (CcEisProcInfo) { y > 0 ? 1.0 / y / area : 0,
                           r_mean * r_mean / (SPHERE_X1 * SPHERE_X1 * D) };
}

void
cc_eis_model_processes (const CcEisCellParams *p,
                        CcEisProcInfo          out[CC_EIS_N_PROCS])
{
  double area;
  Prep q;

  g_return_if_fail (p != NULL && out != NULL);
  prepare (p, &q);
  area = q.a_v * q.L;      /* interface cm2 per cell cm2 */

  out[CC_EIS_PROC_SEP_BULK] = (CcEisProcInfo) { q.r_b, q.tau_b };
  out[CC_EIS_PROC_SEP_GB] = (CcEisProcInfo) { q.r_gb, q.tau_gb };
  out[CC_EIS_PROC_INTERLAYER] = (CcEisProcInfo) { q.r_il, q.tau_il };
  /* Transport along the line relaxes when the double layer of the whole
   * thickness charges through the rails. */
  out[CC_EIS_PROC_CATHODE_IONIC] = (CcEisProcInfo) {
    (q.r_ion + q.r_e) * q.L / 3.0,
    (q.r_ion + q.r_e) * q.L * p->dl_capacitance_F_cm2 * area };
  out[CC_EIS_PROC_COATING] = (CcEisProcInfo) { q.r_coat / area, q.tau_coat };
  out[CC_EIS_PROC_INTERPHASE] = (CcEisProcInfo) { q.r_ip / area, q.tau_ip };
  out[CC_EIS_PROC_CHARGE_TRANSFER] = (CcEisProcInfo) { q.r_ct / area, q.tau_dl };
  out[CC_EIS_PROC_DIFFUSION] = diffusion_info (p, &q, area);
  out[CC_EIS_PROC_ANODE] = (CcEisProcInfo) { q.r_an, q.tau_an };
  if (q.mixed)
    {
      /* Interface on the separator face only; transport is the line with
       * the CAM's chemical capacitance (its diffusion). */
      out[CC_EIS_PROC_CATHODE_IONIC] = (CcEisProcInfo) {
        (q.r_ion + q.r_e) * q.L / 3.0, (q.r_ion + q.r_e) * q.L * q.c_vol * q.L };
      out[CC_EIS_PROC_COATING].resistance_ohm_cm2 = q.r_coat / q.front;
      out[CC_EIS_PROC_INTERPHASE].resistance_ohm_cm2 = q.r_ip / q.front;
      out[CC_EIS_PROC_CHARGE_TRANSFER].resistance_ohm_cm2 = q.r_ct / q.front;
      out[CC_EIS_PROC_DIFFUSION] = (CcEisProcInfo) { 0, 0 };
    }
}

CcEisSpectrum *
cc_eis_model_spectrum (const CcEisCellParams *p,
                       const CcEisFreqRange  *range,
                       GError               **error)
{
  g_autofree double *f = NULL;
  CcEisProcInfo procs[CC_EIS_N_PROCS];
  CcEisSpectrum *s;
  Prep q;
  guint n;

  g_return_val_if_fail (p != NULL && range != NULL, NULL);
  if (!cc_eis_cell_params_validate (p, error))
    return NULL;
  f = cc_eis_freq_grid (range, &n, error);
  if (f == NULL)
    return NULL;

  prepare (p, &q);
  s = cc_eis_spectrum_new (n);
  s->area_specific = TRUE;
  for (guint i = 0; i < n; i++)
    {
      double complex parts[CC_EIS_N_PARTS], z = 0;

      evaluate (&q, f[i], parts);
      for (guint k = 0; k < CC_EIS_N_PARTS; k++)
        z += parts[k];
      s->freq_Hz[i] = f[i];
      s->z_re[i] = creal (z);
      s->z_im[i] = cimag (z);
    }
  cc_eis_model_processes (p, procs);
  for (guint i = 0; i < CC_EIS_N_PROCS; i++)
    if (procs[i].resistance_ohm_cm2 > 1e-9)
      cc_eis_spectrum_add_process (s, proc_names[i], procs[i].resistance_ohm_cm2, procs[i].tau_s);
  return s;
}
