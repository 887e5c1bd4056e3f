/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The analytic test function (see the header: not a model). With w the mass
 * fractions by material class, d the d50 of the first CAM and SE component,
 * P the pressing pressure, V the cut-off voltages, N the cycles, t the CAM
 * coating thickness and u(seed) a uniform number in [-1, 1]:
 *
 *   active    = (1 - exp(-w_se / (0.08 (1 + d_se/d_cam)))) (1 - exp(-(w_c + 0.005)/0.01))
 *   sigma_ion = 1e-3 w_se^1.5 (0.5 + 0.5 (1 - exp(-P/300)))          S/cm
 *   sigma_e   = 0.1 w_c^2 + 1e-6                                      S/cm
 *   window    = 1 / (1 + exp(-(V_max - 2.6)/0.1))
 *   capacity  = 120 active window (1 + 0.01 u)                        mAh/g CAM
 *   energy    = capacity w_cam (V_max + V_min)/2                      Wh/kg composite
 *   life      = 3000 exp(-(V_max - 3)/0.15) (0.3 + 0.7 (1 - exp(-P/200))) (1 + t/50 nm)
 *   retention = exp(-N / life)
 *
 * A CAM d50 above 30 µm fails on purpose ("outside the domain"), so tests
 * can check that failed points are recorded.
 */
#include "analytic-test-evaluator.h"

#include <math.h>

static double
seed_noise (guint64 seed)
{
  /* splitmix64: a fixed, platform-independent mixing of the seed. */
  guint64 z = seed + G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  z ^= z >> 31;
  return (double) (z >> 11) / (double) (G_GUINT64_CONSTANT (1) << 53) * 2.0 - 1.0;
}

typedef struct {
  double w_cam, w_se, w_c;
  double d_cam, d_se;
  double coating_nm;
} Composition;

static void
read_composition (const CcDesign *d,
                  Composition    *c)
{
  CcMaterialDb *db = cc_material_db_get_default ();
  const CcComponent *cam = cc_design_find_component (d, db, CC_MATERIAL_CLASS_CAM);
  const CcComponent *se = cc_design_find_component (d, db, CC_MATERIAL_CLASS_SE);

  *c = (Composition) { 0, 0, 0, 1, 1, 0 };
  for (guint i = 0; i < d->components->len; i++)
    {
      const CcComponent *comp = g_ptr_array_index (d->components, i);
      const CcMaterial *m = cc_material_db_lookup (db, comp->material_id);

      switch (m ? cc_material_get_class (m) : CC_MATERIAL_CLASS_BINDER)
        {
        case CC_MATERIAL_CLASS_CAM:    c->w_cam += comp->mass_fraction; break;
        case CC_MATERIAL_CLASS_SE:     c->w_se += comp->mass_fraction; break;
        case CC_MATERIAL_CLASS_CARBON: c->w_c += comp->mass_fraction; break;
        default: break;
        }
    }
  if (cam != NULL)
    {
      c->d_cam = cam->d50_um;
      c->coating_nm = cam->coating_id ? cam->coating_thickness_nm : 0;
    }
  if (se != NULL)
    c->d_se = se->d50_um;
}

static gboolean
wait_delay (guint          delay_us,
            GCancellable  *cancellable,
            GError       **error)
{
  gint64 end = g_get_monotonic_time () + delay_us;

  while (g_get_monotonic_time () < end)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      g_usleep (MIN (2000, (gulong) MAX (0, end - g_get_monotonic_time ())));
    }
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

static const char *
limiting (double se_term,
          double c_term,
          double window,
          double retention)
{
  double worst = MIN (MIN (se_term, c_term), window);

  if (worst > 0.9)
    return retention < 0.8 ? "capacity-fade" : "none";
  if (worst == se_term)
    return "ionic-network";
  if (worst == c_term)
    return "electronic-network";
  return "voltage-window";
}

gboolean
cc_analytic_test_evaluate (const CcDesign  *design,
                           CcSweepMetrics  *out,
                           gpointer         user_data,
                           GCancellable    *cancellable,
                           GError         **error)
{
  const CcAnalyticTestOptions *o = user_data;
  const CcProcess *pr = &design->process;
  const CcProtocol *pt = &design->protocol;
  double se_term, c_term, window, life, noise;
  Composition c;

  if (o != NULL && o->delay_us > 0 && !wait_delay (o->delay_us, cancellable, error))
    return FALSE;
  read_composition (design, &c);
  if (c.d_cam > 30)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "analytic-test: CAM d50 = %g µm is outside the test function's domain (at most 30 µm)",
                   c.d_cam);
      return FALSE;
    }

  noise = 0.01 * seed_noise (design->simulation.seed);
  se_term = 1 - exp (-c.w_se / (0.08 * (1 + c.d_se / c.d_cam)));
  c_term = 1 - exp (-(c.w_c + 0.005) / 0.01);
  window = 1 / (1 + exp (-(pt->voltage_max_V - 2.6) / 0.1));
  life = 3000 * exp (-(pt->voltage_max_V - 3.0) / 0.15)
         * (0.3 + 0.7 * (1 - exp (-pr->pressure_MPa / 200))) * (1 + c.coating_nm / 50);

  out->active_cam_fraction = se_term * c_term;
  out->sigma_ion_eff_S_per_cm = 1e-3 * pow (c.w_se, 1.5) * (0.5 + 0.5 * (1 - exp (-pr->pressure_MPa / 300)));
  out->sigma_e_eff_S_per_cm = 0.1 * c.w_c * c.w_c + 1e-6;
  out->initial_capacity_mAh_g = 120 * out->active_cam_fraction * window * (1 + noise);
  out->energy_Wh_per_kg_composite = out->initial_capacity_mAh_g * c.w_cam
                                    * 0.5 * (pt->voltage_max_V + pt->voltage_min_V);
  out->retention_at_n_cycles = exp (-(double) pt->cycles / life);
  out->limiting_mechanism = g_strdup (limiting (se_term, c_term, window, out->retention_at_n_cycles));
  return TRUE;
}

const CcSweepEvaluator *
cc_analytic_test_evaluator (const CcAnalyticTestOptions *options)
{
  static CcAnalyticTestOptions opts;
  static CcSweepEvaluator ev = {
    "analytic-test",
    "a synthetic test function of the design, NOT a model: its numbers are not predictions",
    cc_analytic_test_evaluate, &opts, TRUE,
  };

  if (options != NULL)
    opts = *options;
  return &ev;
}
