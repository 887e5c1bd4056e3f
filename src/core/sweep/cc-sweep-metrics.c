/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sweep metrics by name, and the registry of evaluators.
 */
#include "cc-sweep-metrics.h"
#include "cc-sweep-pipeline.h"

#include <math.h>
#include <stddef.h>

typedef struct {
  const char *name;
  const char *unit;
  gsize       offset;
} MetricInfo;

static const MetricInfo metrics[] = {
  { "active_cam_fraction",        "",       G_STRUCT_OFFSET (CcSweepMetrics, active_cam_fraction) },
  { "sigma_ion_eff_S_per_cm",     "S/cm",   G_STRUCT_OFFSET (CcSweepMetrics, sigma_ion_eff_S_per_cm) },
  { "sigma_e_eff_S_per_cm",       "S/cm",   G_STRUCT_OFFSET (CcSweepMetrics, sigma_e_eff_S_per_cm) },
  { "initial_capacity_mAh_g",     "mAh/g",  G_STRUCT_OFFSET (CcSweepMetrics, initial_capacity_mAh_g) },
  { "energy_Wh_per_kg_composite", "Wh/kg",  G_STRUCT_OFFSET (CcSweepMetrics, energy_Wh_per_kg_composite) },
  { "retention_at_n_cycles",      "",       G_STRUCT_OFFSET (CcSweepMetrics, retention_at_n_cycles) },
};

G_STATIC_ASSERT (G_N_ELEMENTS (metrics) == CC_SWEEP_N_METRICS);

void
cc_sweep_metrics_init (CcSweepMetrics *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (metrics); i++)
    cc_sweep_metrics_set (self, i, NAN);
  self->retention_cycles = 0;
  self->limiting_mechanism = NULL;
  self->error = NULL;
}

void
cc_sweep_metrics_clear (CcSweepMetrics *self)
{
  g_clear_pointer (&self->limiting_mechanism, g_free);
  g_clear_pointer (&self->error, g_free);
  cc_sweep_metrics_init (self);
}

void
cc_sweep_metrics_copy (const CcSweepMetrics *src,
                       CcSweepMetrics       *dest)
{
  *dest = *src;
  dest->limiting_mechanism = g_strdup (src->limiting_mechanism);
  dest->error = g_strdup (src->error);
}

guint
cc_sweep_metric_get_n (void)
{
  return G_N_ELEMENTS (metrics);
}

const char *
cc_sweep_metric_get_name (guint i)
{
  g_return_val_if_fail (i < G_N_ELEMENTS (metrics), NULL);
  return metrics[i].name;
}

const char *
cc_sweep_metric_get_unit (guint i)
{
  g_return_val_if_fail (i < G_N_ELEMENTS (metrics), NULL);
  return metrics[i].unit;
}

gboolean
cc_sweep_metric_lookup (const char *name,
                        guint      *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (metrics); i++)
    if (g_strcmp0 (name, metrics[i].name) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

double
cc_sweep_metrics_get (const CcSweepMetrics *self,
                      guint                 i)
{
  g_return_val_if_fail (i < G_N_ELEMENTS (metrics), NAN);
  return G_STRUCT_MEMBER (double, self, metrics[i].offset);
}

void
cc_sweep_metrics_set (CcSweepMetrics *self,
                      guint           i,
                      double          value)
{
  g_return_if_fail (i < G_N_ELEMENTS (metrics));
  G_STRUCT_MEMBER (double, self, metrics[i].offset) = value;
}

/* ---- Evaluators ------------------------------------------------------ */

static GMutex registry_lock;
static GPtrArray *registry;   /* const CcSweepEvaluator* */

/* The core's own models go here, registered once on first use. The real
 * evaluator (packing -> microstructure analysis -> electrochemistry) is
 * registered by the integration of those engines; until then this build has
 * none and the sweep commands say so instead of inventing numbers. */
static void
register_builtin_locked (void)
{
  g_ptr_array_add (registry, (gpointer) cc_sweep_pipeline_evaluator ());
}

static void
ensure_registry_locked (void)
{
  if (registry != NULL)
    return;
  registry = g_ptr_array_new ();
  register_builtin_locked ();
}

void
cc_sweep_evaluator_register (const CcSweepEvaluator *evaluator)
{
  g_return_if_fail (evaluator != NULL && evaluator->name != NULL && evaluator->func != NULL);

  g_mutex_lock (&registry_lock);
  ensure_registry_locked ();
  for (guint i = 0; i < registry->len; i++)
    {
      const CcSweepEvaluator *e = g_ptr_array_index (registry, i);
      if (g_str_equal (e->name, evaluator->name))
        {
          g_mutex_unlock (&registry_lock);
          g_critical ("sweep evaluator \"%s\" registered twice", evaluator->name);
          return;
        }
    }
  g_ptr_array_add (registry, (gpointer) evaluator);
  g_mutex_unlock (&registry_lock);
}

const CcSweepEvaluator *
cc_sweep_evaluator_lookup (const char *name)
{
  const CcSweepEvaluator *found = NULL;

  g_mutex_lock (&registry_lock);
  ensure_registry_locked ();
  for (guint i = 0; i < registry->len && found == NULL; i++)
    {
      const CcSweepEvaluator *e = g_ptr_array_index (registry, i);
      if (g_strcmp0 (e->name, name) == 0)
        found = e;
    }
  g_mutex_unlock (&registry_lock);
  return found;
}

const CcSweepEvaluator *
cc_sweep_evaluator_get_default (void)
{
  const CcSweepEvaluator *found = NULL;

  g_mutex_lock (&registry_lock);
  ensure_registry_locked ();
  for (guint i = 0; i < registry->len && found == NULL; i++)
    {
      const CcSweepEvaluator *e = g_ptr_array_index (registry, i);
      if (!e->is_test)
        found = e;
    }
  g_mutex_unlock (&registry_lock);
  return found;
}

GPtrArray *
cc_sweep_evaluator_list (void)
{
  GPtrArray *out;

  g_mutex_lock (&registry_lock);
  ensure_registry_locked ();
  out = g_ptr_array_copy (registry, NULL, NULL);
  g_mutex_unlock (&registry_lock);
  return out;
}
