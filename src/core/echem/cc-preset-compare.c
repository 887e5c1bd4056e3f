/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-preset-compare.h"

#include <math.h>
#include "cc-cell-inputs.h"

/* Tolerances of the per-preset rows. The review's numbers come from cells
 * whose microstructure, loading and test details are partly assumed in the
 * presets, so the model is asked for the rough size, not the digits. */
#define CAPACITY_TOLERANCE   0.40   /* relative */
#define ICE_TOLERANCE        0.08   /* absolute */
#define RETENTION_TOLERANCE  0.15   /* absolute */

void
cc_preset_comparison_free (CcPresetComparison *row)
{
  if (row == NULL)
    return;
  g_free (row->quantity);
  g_free (row->condition);
  g_free (row->tolerance_text);
  g_free (row->note);
  g_free (row);
}

static CcPresetComparison *
row_new (const char *quantity,
         double      reported,
         double      predicted,
         double      tolerance,
         gboolean    relative,
         char       *condition,
         const char *note)
{
  CcPresetComparison *r = g_new0 (CcPresetComparison, 1);

  r->quantity = g_strdup (quantity);
  r->condition = condition;
  r->reported = reported;
  r->predicted = predicted;
  r->tolerance = tolerance;
  r->relative = relative;
  r->tolerance_text = relative ? g_strdup_printf ("±%.0f %%", 100 * tolerance)
                               : g_strdup_printf ("±%.2f", tolerance);
  r->pass = fabs (predicted - reported) <= (relative ? tolerance * fabs (reported) : tolerance);
  r->note = g_strdup (note != NULL ? note : "");
  return r;
}

static double
rate_capacity (const CcCellResult *r,
               double              c_rate,
               gboolean           *found)
{
  for (guint i = 0; i < r->rates->len; i++)
    {
      const CcRatePoint *p = &g_array_index (r->rates, CcRatePoint, i);
      if (p->valid && fabs (p->c_rate - c_rate) <= 1e-6 * c_rate)
        {
          *found = TRUE;
          return p->capacity_mAh_g;
        }
    }
  *found = FALSE;
  return 0;
}

GPtrArray *
cc_preset_compare (const CcPreset     *p,
                   const CcCellResult *r)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) cc_preset_comparison_free);
  const CcReported *rep = &p->reported;
  const char *dead = r->status != CC_CELL_STATUS_OK && r->status != CC_CELL_STATUS_PARTIAL ? r->message : NULL;
  guint n = r->cycles->len;

  if (isfinite (rep->capacity_mAh_g))
    {
      gboolean found = FALSE;
      double pred;
      char *cond;
      const char *note = dead;

      if (rep->cycles > 1)
        {
          guint c = MIN (rep->cycles, MAX (n, 1));
          pred = cc_cell_result_discharge_at (r, c);
          cond = g_strdup_printf ("discharge, cycle %u", c);
          if (n < rep->cycles && dead == NULL)
            note = "fewer cycles simulated than reported";
        }
      else if (isfinite (rep->c_rate) && (pred = rate_capacity (r, rep->c_rate, &found), found))
        cond = g_strdup_printf ("rate capability at %gC", rep->c_rate);
      else
        {
          pred = cc_cell_result_discharge_at (r, 1);
          cond = g_strdup ("discharge, cycle 1");
        }
      g_ptr_array_add (rows, row_new ("capacity_mAh_g", rep->capacity_mAh_g, pred, CAPACITY_TOLERANCE, TRUE,
                                      cond, note));
    }
  if (isfinite (rep->initial_coulombic_efficiency))
    g_ptr_array_add (rows, row_new ("initial_coulombic_efficiency", rep->initial_coulombic_efficiency,
                                    r->has_ice ? r->ice : 0, ICE_TOLERANCE, FALSE, g_strdup ("cycle 1"),
                                    r->has_ice ? dead : "no first cycle to measure"));
  if (isfinite (rep->retention) && rep->cycles > 1)
    {
      guint c = MIN (rep->cycles, MAX (n, 1));
      g_ptr_array_add (rows, row_new ("retention", rep->retention, cc_cell_result_retention (r, c),
                                      RETENTION_TOLERANCE, FALSE, g_strdup_printf ("cycle %u / cycle 1", c),
                                      n < rep->cycles && dead == NULL ? "fewer cycles simulated than reported"
                                                                      : dead));
    }
  return rows;
}

void
cc_preset_comparisons_to_json (GPtrArray   *rows,
                               JsonBuilder *b)
{
  json_builder_set_member_name (b, "comparisons");
  json_builder_begin_array (b);
  for (guint i = 0; i < rows->len; i++)
    {
      const CcPresetComparison *c = g_ptr_array_index (rows, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "quantity");
      json_builder_add_string_value (b, c->quantity);
      json_builder_set_member_name (b, "condition");
      json_builder_add_string_value (b, c->condition);
      json_builder_set_member_name (b, "reported");
      json_builder_add_double_value (b, c->reported);
      json_builder_set_member_name (b, "predicted");
      json_builder_add_double_value (b, isfinite (c->predicted) ? c->predicted : 0);
      json_builder_set_member_name (b, "tolerance");
      json_builder_add_string_value (b, c->tolerance_text);
      json_builder_set_member_name (b, "pass");
      json_builder_add_boolean_value (b, c->pass);
      json_builder_set_member_name (b, "note");
      json_builder_add_string_value (b, c->note);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

CcDesign *
cc_preset_effect_design (const CcEffectQuantity *q,
                         const CcPreset         *preset)
{
  CcDesign *d = cc_design_copy (preset->design);

  if (q->cycling_c_rate > 0)
    d->protocol.cycling_c_rate = q->cycling_c_rate;
  if (q->cycles > 0)
    d->protocol.cycles = q->cycles;
  else if ((q->metric == CC_EFFECT_CAPACITY || q->metric == CC_EFFECT_RETENTION || q->metric == CC_EFFECT_FRACTION)
           && d->protocol.cycles < q->cycle)
    d->protocol.cycles = q->cycle;
  return d;
}

gboolean
cc_preset_effect_value (const CcEffectQuantity *q,
                        const CcCellResult     *r,
                        double                 *value)
{
  gboolean ok = TRUE;

  *value = 0;
  switch (q->metric)
    {
    case CC_EFFECT_CAPACITY:
      ok = r->cycles->len >= q->cycle;
      *value = ok ? cc_cell_result_discharge_at (r, q->cycle) : 0;
      break;
    case CC_EFFECT_FRACTION:
      ok = r->cycles->len >= q->cycle && r->theoretical_mAh_g > 0;
      *value = ok ? cc_cell_result_discharge_at (r, q->cycle) / r->theoretical_mAh_g : 0;
      break;
    case CC_EFFECT_ICE:
      ok = r->has_ice;
      *value = ok ? r->ice : 0;
      break;
    case CC_EFFECT_RETENTION:
      ok = r->cycles->len >= q->cycle;
      *value = ok ? cc_cell_result_retention (r, q->cycle) : 0;
      break;
    case CC_EFFECT_RATE_CAPACITY:
      *value = rate_capacity (r, q->c_rate, &ok);
      break;
    default:
      ok = FALSE;
    }
  /* A cell that cannot work at all has a capacity: zero. */
  if (!ok && r->status != CC_CELL_STATUS_OK && r->status != CC_CELL_STATUS_PARTIAL
      && q->metric != CC_EFFECT_ICE && q->metric != CC_EFFECT_RETENTION)
    ok = TRUE;
  return ok;
}

gboolean
cc_preset_effect_check (const CcPresetEffect *e,
                        const CcCellResult   *ra,
                        const CcCellResult   *rb,
                        double               *value,
                        char                **text)
{
  gboolean ratio = e->test == CC_EFFECT_RATIO_AT_LEAST || e->test == CC_EFFECT_RATIO_AT_MOST;
  double a = 0, b = 0, v;
  gboolean ok, pass = FALSE;

  ok = cc_preset_effect_value (&e->a, ra, &a);
  if (ratio)
    ok = ok && rb != NULL && cc_preset_effect_value (&e->b, rb, &b) && b > 0;
  v = ratio ? (b > 0 ? a / b : 0) : a;
  if (ok)
    switch (e->test)
      {
      case CC_EFFECT_RANGE:          pass = v >= e->lo && v <= e->hi; break;
      case CC_EFFECT_AT_LEAST:
      case CC_EFFECT_RATIO_AT_LEAST: pass = v >= e->lo; break;
      case CC_EFFECT_AT_MOST:
      case CC_EFFECT_RATIO_AT_MOST:  pass = v <= e->hi; break;
      default:                       pass = FALSE;
      }
  if (value != NULL)
    *value = v;
  if (text != NULL)
    *text = ok ? (ratio ? g_strdup_printf ("%.3g / %.3g = %.3g; need %s", a, b, v, e->tolerance)
                        : g_strdup_printf ("%.3g; need %s", v, e->tolerance))
               : g_strdup_printf ("not available from the simulation; need %s", e->tolerance);
  return ok && pass;
}

CcCellResult *
cc_preset_simulate_design (const CcDesign       *design,
                           CcMaterialDb         *db,
                           CcMicrostructureFunc  micro_func,
                           gpointer              data,
                           GError              **error)
{
  CcMicrostructure micro;
  g_autoptr(CcCellInputs) in = NULL;

  if (!micro_func (design, db, &micro, data, error))
    return NULL;
  in = cc_cell_inputs_from_design (design, db, &micro, error);
  if (in == NULL)
    return NULL;
  return cc_cell_simulate (in, NULL, NULL, error);
}
