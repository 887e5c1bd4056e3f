/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"
#include "cc-degradation.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include "cc-echem-constants.h"

#define CC_STRUCT_ONSET_V    0.05   /* width of the soft onset at the structural limit */
#define CC_STRUCT_MAX_FACTOR 20.0   /* far past the limit the damage rate saturates */
#define CC_PLASTIC_STRESS_CAP 2e9   /* Pa: flow stress of soft sulfides/hydrides, ~hardness (estimate) */

static const struct {
  const char *name;
  const char *description;
} mechanisms[CC_N_MECHANISMS] = {
  { "oxidative_decomposition", N_ ("electrolyte oxidised above its window at CAM and carbon contacts") },
  { "reductive_decomposition", N_ ("electrolyte reduced below its window at CAM and carbon contacts") },
  { "chemical_interphase", N_ ("interphase from the chemical-potential mismatch of CAM and electrolyte") },
  { "contact_loss", N_ ("CAM-electrolyte contact lost to the CAM's volume change") },
  { "structural_degradation", N_ ("CAM structure damaged above its voltage limit") },
  { "anode_interphase", N_ ("resistive interphase growing between anode and separator") },
};

const char *
cc_mechanism_name (guint index)
{
  g_return_val_if_fail (index < CC_N_MECHANISMS, NULL);
  return mechanisms[index].name;
}

/* In English; the strings are marked for translation, so a front end can
 * show them with _(). */
const char *
cc_mechanism_description (guint index)
{
  g_return_val_if_fail (index < CC_N_MECHANISMS, NULL);
  return mechanisms[index].description;
}

void
cc_deg_model_init (CcDegModel         *m,
                   const CcCellInputs *in,
                   guint               mechanisms_on)
{
  double T = in->temperature.value;
  double f_int = cc_arrhenius_factor (in->k[CC_K_INTERPHASE_EA].value, T);
  double sig_ins = in->k[CC_K_SIGMA_INTERPHASE_INSULATING].value * f_int;
  double sig_ion = in->k[CC_K_SIGMA_INTERPHASE_IONIC].value * f_int;
  double cov = in->coating_thickness.value > 0 ? in->coating_coverage.value : 0;
  double mismatch;

  memset (m, 0, sizeof *m);
  m->mechanisms = mechanisms_on;
  m->e_ox = in->el_oxidation_limit.value;
  m->e_red = in->el_reduction_limit.value;
  m->coat_ox = in->coating_oxidation_limit.value;
  m->coat_red = in->coating_reduction_limit.value;
  m->coverage = cov;
  m->coat_blocks_ox = cov > 0 && in->coating_blocks_oxidation;
  m->coat_blocks_red = cov > 0 && in->coating_blocks_reduction;
  m->coat_blocks_chem = cov > 0 && in->coating_blocks_chemical;
  m->coat_blocks_contact = cov > 0 && in->coating_blocks_contact_loss;
  m->rate0 = in->k[CC_K_DECOMP_RATE].value * f_int;
  m->tafel = in->k[CC_K_DECOMP_TAFEL].value * T / CC_T_REF_K;
  m->lambda = in->k[CC_K_PASSIVATION_LENGTH].value;
  m->l_transport = in->k[CC_K_CONTINUOUS_LENGTH].value;
  m->ox_continuous = in->el_ox_products_electronic;
  m->red_continuous = in->el_red_products_electronic;
  m->sigma_ox = in->el_ox_products_ionic ? sig_ion : sig_ins;
  m->sigma_red = in->el_red_products_ionic ? sig_ion : sig_ins;
  m->chi_cam = in->cam_sigma_e.value / (in->cam_sigma_e.value + in->k[CC_K_ELECTRON_SUPPLY_SIGMA].value);
  m->a_cam = in->cam_se_area.value;
  m->a_carbon = in->carbon_id != NULL ? in->carbon_se_area.value : 0;
  m->zeta = in->el_na_per_formula.value * CC_FARADAY / in->el_molar_volume.value
            * in->k[CC_K_INTERPHASE_MOLAR_RATIO].value;

  mismatch = in->anion_mismatch.value * (m->coat_blocks_chem ? 1 - cov : 1);
  m->chem_l0 = in->k[CC_K_CHEM_INITIAL].value * mismatch;
  m->chem_k = in->k[CC_K_CHEM_GROWTH].value * mismatch * f_int;
  m->sigma_chem = in->k[CC_K_SIGMA_CHEM].value * f_int;

  m->stress_per_use = in->contact_modulus.value * in->volume_change.value / 3.0;
  m->stack_pressure = in->stack_pressure.value;
  m->stress_ref = in->k[CC_K_CONTACT_STRESS_REF].value;
  m->contact_rate = in->k[CC_K_CONTACT_LOSS_RATE].value;
  m->relief = (in->cam_plastic || in->el_plastic) ? in->k[CC_K_PLASTIC_RELIEF].value : 1.0;
  m->contacts_per_particle = in->k[CC_K_CONTACTS_PER_PARTICLE].value;
  {
    double r = 0;
    for (guint k = 0; k < in->n_classes; k++)
      r += in->class_weight[k] * in->class_radius[k];
    m->size_factor = sqrt (r / in->k[CC_K_CONTACT_SIZE_REF].value);
  }

  m->wetting = in->wetting_id != NULL;
  m->wetting_lifetime = in->wetting_volatile ? in->wetting_lifetime.value : 0;
  m->dry_contact_ratio = in->contact_fraction.value > 0
                         ? MIN (1.0, in->contact_fraction_dry.value / in->contact_fraction.value) : 1;
  m->dry_active_ratio = in->active_cam_fraction.value > 0
                        ? MIN (1.0, in->active_cam_fraction_dry.value / in->active_cam_fraction.value) : 1;

  m->struct_limit = in->structural_limit.value;
  m->struct_rate = in->k[CC_K_STRUCT_RATE].value;

  m->anode_grows = in->anode_potential.value < in->separator_reduction_limit.value
                   && in->separator_red_products_electronic && !in->separator_red_products_ionic;
  m->anode_k = in->k[CC_K_ANODE_INTERPHASE_GROWTH].value * f_int;
  m->anode_sigma = in->k[CC_K_ANODE_INTERPHASE_SIGMA].value * f_int;
  m->r_coat = in->coating_sigma.value > 0 ? cov * in->coating_thickness.value / in->coating_sigma.value : 0;
}

CcDegState *
cc_deg_state_new (const CcDegModel *m,
                  guint             nx)
{
  CcDegState *s = g_new0 (CcDegState, 1);

  s->nx = nx;
  s->l_ox = g_new0 (double, nx);
  s->l_red = g_new0 (double, nx);
  s->l_ox_c = g_new0 (double, nx);
  s->l_red_c = g_new0 (double, nx);
  s->l_chem = (m->mechanisms & CC_MECH_CHEMICAL) ? m->chem_l0 : 0;
  s->contact = 1;
  s->wetting_factor = 1;
  return s;
}

void
cc_deg_state_free (CcDegState *s)
{
  if (s == NULL)
    return;
  g_free (s->l_ox);
  g_free (s->l_red);
  g_free (s->l_ox_c);
  g_free (s->l_red_c);
  g_free (s);
}

CcDegState *
cc_deg_state_copy (const CcDegState *s)
{
  CcDegState *c = g_memdup2 (s, sizeof *s);

  c->l_ox = g_memdup2 (s->l_ox, sizeof (double) * s->nx);
  c->l_red = g_memdup2 (s->l_red, sizeof (double) * s->nx);
  c->l_ox_c = g_memdup2 (s->l_ox_c, sizeof (double) * s->nx);
  c->l_red_c = g_memdup2 (s->l_red_c, sizeof (double) * s->nx);
  return c;
}

static double
mean (const double *v,
      guint         n)
{
  double s = 0;

  for (guint i = 0; i < n; i++)
    s += v[i];
  return s / n;
}

CcDegState *
cc_deg_state_collapse (const CcDegState *s)
{
  CcDegState *c = cc_deg_state_copy (s);

  c->nx = 1;
  c->l_ox[0] = mean (s->l_ox, s->nx);
  c->l_red[0] = mean (s->l_red, s->nx);
  c->l_ox_c[0] = mean (s->l_ox_c, s->nx);
  c->l_red_c[0] = mean (s->l_red_c, s->nx);
  return c;
}

/* Growth over dt at rate r (m/s): exact for a constant rate. */
static double
grow (const CcDegModel *m,
      double            l,
      double            r,
      double            dt,
      gboolean          continuous)
{
  if (r <= 0)
    return l;
  if (!continuous)
    /* dL/dt = r exp(-L/lambda): exp(L/lambda) grows linearly. */
    return l + m->lambda * log1p (r * dt / m->lambda * exp (-l / m->lambda));
  {
    /* dL/dt = r / (1 + L/Lt): L + L^2/(2 Lt) grows linearly. */
    double lt = m->l_transport, a = 1 + l / lt;
    return lt * (sqrt (a * a + 2 * r * dt / lt) - 1);
  }
}

static double
decomposition_rate (const CcDegModel *m,
                    double            overpotential)
{
  if (overpotential <= 0)
    return 0;
  return m->rate0 * expm1 (MIN (overpotential / m->tafel, 60.0));
}

double
cc_deg_film (const CcDegModel *m,
             const CcDegState *s,
             guint             i)
{
  return m->r_coat + s->l_ox[i] / m->sigma_ox + s->l_red[i] / m->sigma_red + s->l_chem / m->sigma_chem;
}

double
cc_deg_film_part (const CcDegModel *m,
                  const CcDegState *s,
                  CcMechanism       mech)
{
  switch (mech)
    {
    case CC_MECH_OXIDATION:  return mean (s->l_ox, s->nx) / m->sigma_ox;
    case CC_MECH_REDUCTION:  return mean (s->l_red, s->nx) / m->sigma_red;
    case CC_MECH_CHEMICAL:   return s->l_chem / m->sigma_chem;
    default:                 return 0;
    }
}

double
cc_deg_anode_resistance (const CcDegModel *m,
                         const CcDegState *s)
{
  return s->l_anode / m->anode_sigma;
}

double
cc_deg_interphase (const CcDegModel *m,
                   const CcDegState *s)
{
  return mean (s->l_ox, s->nx) + mean (s->l_red, s->nx) + s->l_chem;
}

double
cc_deg_active (const CcDegState *s)
{
  return (1 - s->isolated) * (1 - s->struct_loss) * s->wetting_factor;
}

/* One side (oxidation or reduction) at one position: overpotentials past
 * the limit at the CAM and at carbon. Returns the sodium consumed per
 * electrode volume, C/m3. */
static double
decompose (const CcDegModel *m,
           CcDegState       *s,
           double           *l_cam,
           double           *l_carbon,
           double            over_cam,
           double            over_carbon,
           gboolean          coating_holds,
           gboolean          continuous,
           double            dt)
{
  double r_cam = decomposition_rate (m, over_cam);
  double r_c = m->a_carbon > 0 ? decomposition_rate (m, over_carbon) : 0;
  double exposed = 1 - (coating_holds ? m->coverage : 0);
  double l0 = *l_cam, c0 = *l_carbon;

  /* The interphase grows on the exposed patches at the full rate; the state
   * keeps its mean over the contact area. */
  if (exposed > 0)
    *l_cam = exposed * grow (m, *l_cam / exposed, r_cam * m->chi_cam, dt, continuous);
  *l_carbon = grow (m, *l_carbon, r_c, dt, continuous);
  return ((*l_cam - l0) * m->a_cam * s->contact + (*l_carbon - c0) * m->a_carbon) * m->zeta;
}

/* The potential-driven terms at one position over dt. */
static void
update_position (const CcDegModel      *m,
                 CcDegState            *s,
                 guint                  i,
                 const CcDegPotentials *E,
                 double                 dt,
                 double                 h)
{
  double q = 0;

  if (m->mechanisms & CC_MECH_OXIDATION)
    q += decompose (m, s, &s->l_ox[i], &s->l_ox_c[i], E->cam - m->e_ox, E->electronic - m->e_ox,
                    m->coat_blocks_ox && E->cam <= m->coat_ox, m->ox_continuous, dt);
  if (m->mechanisms & CC_MECH_REDUCTION)
    q += decompose (m, s, &s->l_red[i], &s->l_red_c[i], m->e_red - E->cam, m->e_red - E->electronic,
                    m->coat_blocks_red && E->cam >= m->coat_red, m->red_continuous, dt);
  s->q_side += q * h;
  if ((m->mechanisms & CC_MECH_STRUCTURAL) && isfinite (m->struct_limit))
    {
      /* The phase change sets in over ~50 mV around the limit (a soft
       * onset), driven by the potential the CAM surface is held at. */
      double x = (E->cam - m->struct_limit) / CC_STRUCT_ONSET_V;
      double rate = m->struct_rate * MIN (exp (MIN (x, 10.0)), CC_STRUCT_MAX_FACTOR);
      if (x > -8)
        s->struct_loss = MIN (1.0, s->struct_loss + rate * dt / s->nx * (1 - s->struct_loss));
    }
}

/* The time-driven terms. */
static void
advance_time (const CcDegModel *m,
              CcDegState       *s,
              double            dt)
{
  s->time += dt;
  if (m->mechanisms & CC_MECH_CHEMICAL)
    s->l_chem = sqrt (m->chem_l0 * m->chem_l0 + m->chem_k * s->time);
  if ((m->mechanisms & CC_MECH_ANODE) && m->anode_grows)
    s->l_anode = sqrt (m->anode_k * s->time);
}

void
cc_deg_step_hook (CcElectrode *e,
                  double       dt,
                  gpointer     data)
{
  CcDegRun *run = data;
  const CcDegModel *m = run->model;
  CcDegState *s = run->state;
  double h = e->p.thickness / e->p.nx;

  g_assert (s->nx == e->p.nx);
  for (guint i = 0; i < s->nx; i++)
    {
      CcDegPotentials E;

      E.electronic = cc_electrode_local_potential (e, i);
      E.cam = cc_electrode_cam_potential (e, i);
      E.surface_ocv = (m->mechanisms & CC_MECH_STRUCTURAL) ? cc_electrode_surface_ocv (e, i) : 0;
      update_position (m, s, i, &E, dt, h);
      if (i == 0 && run->trace_dt != NULL)
        {
          g_array_append_val (run->trace_dt, dt);
          g_array_append_val (run->trace_e, E);
        }
    }
  advance_time (m, s, dt);
  for (guint i = 0; i < s->nx; i++)
    e->r_film[i] = cc_deg_film (m, s, i);
}

double
cc_deg_replay (const CcDegModel *m,
               CcDegState       *s,
               const GArray     *trace_dt,
               const GArray     *trace_e,
               double            thickness)
{
  double q0 = s->q_side;

  g_assert (s->nx == 1);
  for (guint k = 0; k < trace_dt->len; k++)
    {
      double dt = g_array_index (trace_dt, double, k);
      update_position (m, s, 0, &g_array_index (trace_e, CcDegPotentials, k), dt, thickness);
      advance_time (m, s, dt);
    }
  return s->q_side - q0;
}

double
cc_deg_contact_loss_rate (const CcDegModel *m,
                          const CcDegState *s,
                          double            u)
{
  double stress, drive;

  if (!(m->mechanisms & CC_MECH_CONTACT_LOSS) || m->coat_blocks_contact)
    return 0;
  if (m->wetting && !s->wetting_gone)
    return 0;
  stress = m->stress_per_use * CLAMP (u, 0, 1);
  /* A phase that flows cannot carry more than its flow stress. */
  if (m->relief < 1)
    stress = MIN (stress, CC_PLASTIC_STRESS_CAP);
  drive = MAX (0.0, stress - m->stack_pressure) / m->stress_ref * m->size_factor;
  return MIN (0.5, m->contact_rate * drive * m->relief);
}

void
cc_deg_end_cycle (const CcDegModel *m,
                  CcDegState       *s,
                  double            u)
{
  s->contact *= 1 - cc_deg_contact_loss_rate (m, s, u);
  s->cycle++;
  if (m->wetting && m->wetting_lifetime > 0 && !s->wetting_gone && s->cycle >= m->wetting_lifetime)
    {
      /* The volatile agent has evaporated or decomposed: the contact it
       * supplied goes, and so does the CAM only it connected. */
      s->wetting_gone = TRUE;
      s->contact *= m->dry_contact_ratio;
      s->wetting_factor = m->dry_active_ratio;
    }
  s->isolated = pow (1 - s->contact, m->contacts_per_particle);
}
