/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fuzz target: the measured-data importer (cc_measured_parse), guessing the
 * kind and told each kind in turn. Whatever it accepts must hold only
 * finite values in their physical ranges and draw: the chart of its kind
 * builds from it, passes the chart check and takes it as an overlay.
 * Whatever it refuses must say why in one clear message.
 */
#include "fuzz-oracles.h"
#include "cc-chart-kinds.h"
#include "cc-chart-overlay.h"
#include "cc-measured-private.h"

#include <math.h>

static void
check_curves (const CcCurveSet *set,
              double            x_lo,
              double            y_lo,
              double            y_hi)
{
  g_assert_cmpuint (set->curves->len, >=, 1);
  g_assert_cmpuint (set->curves->len, <=, CC_MEASURED_MAX_CURVES);
  for (guint i = 0; i < set->curves->len; i++)
    {
      const CcDataCurve *c = g_ptr_array_index (set->curves, i);

      g_assert_cmpint (c->role, ==, CC_CURVE_MEASURED);
      for (guint k = 0; k < c->n; k++)
        {
          g_assert_true (isfinite (c->x[k]) && c->x[k] >= x_lo);
          g_assert_true (isfinite (c->y[k]) && c->y[k] >= y_lo && c->y[k] <= y_hi);
        }
    }
}

static void
check_cycling (const CcCyclingData *data)
{
  const CcCyclingRun *run;

  g_assert_cmpuint (data->runs->len, ==, 1);
  run = g_ptr_array_index (data->runs, 0);
  for (guint k = 0; k < run->n; k++)
    {
      g_assert_true (isfinite (run->cycle[k]) && run->cycle[k] >= 0);
      g_assert_true (isfinite (run->capacity_mAh_g[k]) && run->capacity_mAh_g[k] >= 0);
      /* NaN only for an empty efficiency cell; otherwise 0 … 200 %. */
      g_assert_true (run->efficiency == NULL || isnan (run->efficiency[k])
                     || (run->efficiency[k] >= 0 && run->efficiency[k] <= 2));
    }
}

static CcChart *
chart_of (const CcMeasuredData *data)
{
  switch (data->kind)
    {
    case CC_MEASURED_VOLTAGE:
      check_curves (data->curves, 0, CC_MEASURED_MIN_V, CC_MEASURED_MAX_V);
      return cc_chart_voltage_profile_new (data->curves, NULL, NULL);
    case CC_MEASURED_CYCLING:
      check_cycling (data->cycling);
      return cc_chart_cycling_new (data->cycling, NULL);
    case CC_MEASURED_RATE:
      check_curves (data->curves, 1e-4, 0, CC_MEASURED_MAX_MAH_G);
      return cc_chart_rate_capability_new (data->curves, NULL);
    case CC_MEASURED_IMPEDANCE:
      return cc_chart_nyquist_new (data->impedance, NULL);
    default:
      g_assert_not_reached ();
    }
}

static void
one_kind (const char     *text,
          size_t          size,
          CcMeasuredKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcMeasuredData) data = cc_measured_parse (text, (gssize) size, "fuzz.csv", kind, &error);
  g_autoptr(CcChart) chart = NULL;

  if (data == NULL)
    {
      fuzz_check_error (error);
      return;
    }
  g_assert_true (kind == CC_MEASURED_AUTO || data->kind == kind);
  g_assert_cmpuint (data->n_points, >, 0);
  chart = chart_of (data);
  g_assert_nonnull (chart);
  g_assert_true (cc_chart_check (chart, NULL));
  g_assert_true (cc_chart_add_measured (chart, data, 1.0, NULL));
  g_assert_true (cc_chart_check (chart, NULL));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_exact_copy (data, size);

  for (CcMeasuredKind kind = CC_MEASURED_AUTO; kind < CC_MEASURED_N_KINDS; kind++)
    one_kind (text, size, kind);
  return 0;
}
