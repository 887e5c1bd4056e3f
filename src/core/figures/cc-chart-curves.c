/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Curve charts: voltage profiles, rate capability, Ragone, DRT and cycling.
 * Model output is drawn as lines, measured points as open markers, so the
 * two are never confused; curves of one group share colour, dash and marker
 * (a different one per group, so groups stay apart in greyscale).
 */
#include "config.h"

#include "cc-chart-kinds.h"
#include "cc-chart-private.h"

#include <math.h>
#include <glib/gi18n-lib.h>

static const char * const role_names[] = { "model", "measured" };
static const char * const direction_names[] = { "", "charge", "discharge" };

static gboolean
has_finite_point (const double *x,
                  const double *y,
                  guint         n)
{
  for (guint i = 0; i < n; i++)
    if (isfinite (x[i]) && isfinite (y[i]))
      return TRUE;
  return FALSE;
}

static gboolean
check_curve_set (const CcCurveSet *set,
                 const char       *kind,
                 GError          **error)
{
  if (set != NULL)
    for (guint i = 0; i < set->curves->len; i++)
      {
        const CcDataCurve *c = g_ptr_array_index (set->curves, i);

        if (has_finite_point (c->x, c->y, c->n))
          return TRUE;
      }
  g_set_error (error, CC_CHART_ERROR, CC_CHART_ERROR_DATA,
               "Chart “%s”: there are no curves with data to plot", kind);
  return FALSE;
}

/* Style index per curve: its group, or a fresh one after the largest. */
static int
curve_style (const CcCurveSet *set,
             guint             index)
{
  int next = 0, own = 0;

  for (guint i = 0; i < set->curves->len; i++)
    next = MAX (next, ((CcDataCurve *) g_ptr_array_index (set->curves, i))->group + 1);
  for (guint i = 0; i < index; i++)
    if (((CcDataCurve *) g_ptr_array_index (set->curves, i))->group < 0)
      own++;
  {
    const CcDataCurve *c = g_ptr_array_index (set->curves, index);

    return c->group >= 0 ? c->group : next + own;
  }
}

/* The first curve of each (style, role) gets the legend entry. */
static gboolean
first_of_kind (const CcCurveSet *set,
               guint             index)
{
  const CcDataCurve *c = g_ptr_array_index (set->curves, index);
  int style = curve_style (set, index);

  for (guint i = 0; i < index; i++)
    {
      const CcDataCurve *o = g_ptr_array_index (set->curves, i);

      if (o->role == c->role && curve_style (set, i) == style)
        return FALSE;
    }
  return TRUE;
}

static void
add_curves (CcPlot           *plot,
            const CcCurveSet *set,
            CcSeriesMode      model_mode)
{
  for (guint i = 0; i < set->curves->len; i++)
    {
      const CcDataCurve *c = g_ptr_array_index (set->curves, i);
      int style = curve_style (set, i);
      CcSeries *s = cc_plot_add_series (plot, c->label, c->x, c->y, c->n);

      cc_series_set_style (s, style, style, style);
      if (c->role == CC_CURVE_MEASURED)
        {
          cc_series_set_mode (s, CC_SERIES_MARKERS);
          cc_series_set_marker_filled (s, FALSE);
        }
      else
        cc_series_set_mode (s, model_mode);
      cc_series_set_in_legend (s, c->label != NULL && first_of_kind (set, i));
    }
  for (guint i = 0; i < set->marks->len; i++)
    {
      const CcDataMark *m = g_ptr_array_index (set->marks, i);

      cc_plot_add_text (plot, m->x, m->y, m->label, CC_ANCHOR_S, 0, -4, cc_paint_role (CC_PAINT_FOREGROUND));
    }
}

static CcTable *
curve_table (const CcCurveSet *set,
             const char       *x_column,
             const char       *y_column)
{
  const char *columns[] = { "curve", "group", "role", "direction", x_column, y_column, NULL };
  CcTable *t = cc_table_new (columns);

  for (guint i = 0; i < set->curves->len; i++)
    {
      const CcDataCurve *c = g_ptr_array_index (set->curves, i);

      for (guint k = 0; k < c->n; k++)
        {
          guint r = cc_table_add_row (t);

          cc_table_set_text (t, r, 0, c->label);
          cc_table_set_double (t, r, 1, curve_style (set, i));
          cc_table_set_text (t, r, 2, role_names[c->role]);
          cc_table_set_text (t, r, 3, direction_names[c->direction]);
          cc_table_set_double (t, r, 4, c->x[k]);
          cc_table_set_double (t, r, 5, c->y[k]);
        }
    }
  return t;
}

/* Labels sit above their points: keep a fifth of the axis free above the
 * highest curve. */
void
cc_plot_leave_headroom (CcPlot *plot)
{
  double hi = -INFINITY;

  for (guint i = 0; i < plot->series->len; i++)
    {
      const CcSeries *s = g_ptr_array_index (plot->series, i);

      for (guint k = 0; s->y_axis == CC_AXIS_Y && k < s->n; k++)
        if (isfinite (s->y[k]))
          hi = MAX (hi, s->y[k]);
    }
  if (hi > 0)
    cc_plot_set_axis_range (plot, CC_AXIS_Y, NAN, 1.25 * hi);
}

typedef struct {
  const char   *kind;
  const char   *x_title, *y_title;
  CcScale       x_scale, y_scale;
  gboolean      x_zero, y_zero;
  CcSeriesMode  model_mode;
  const char   *x_column, *y_column;
} CurveChartSpec;

static CcChart *
curve_chart (const CcCurveSet     *set,
             const CurveChartSpec *spec,
             GError              **error)
{
  CcChart *chart;
  CcPlot *plot;

  if (!check_curve_set (set, spec->kind, error))
    return NULL;
  chart = cc_chart_new (spec->kind, NULL);
  plot = cc_chart_add_plot (chart);
  cc_plot_set_axis (plot, CC_AXIS_X, spec->x_scale, spec->x_title);
  cc_plot_set_axis (plot, CC_AXIS_Y, spec->y_scale, spec->y_title);
  cc_plot_set_axis_include_zero (plot, CC_AXIS_X, spec->x_zero);
  cc_plot_set_axis_include_zero (plot, CC_AXIS_Y, spec->y_zero);
  add_curves (plot, set, spec->model_mode);
  if (set->marks->len > 0 && spec->y_scale == CC_SCALE_LINEAR)
    cc_plot_leave_headroom (plot);
  cc_chart_set_table (chart, curve_table (set, spec->x_column, spec->y_column));
  return chart;
}

CcChart *
cc_chart_voltage_profile_new (const CcCurveSet *set,
                              const char       *reference_markup,
                              GError          **error)
{
  g_autofree char *y_title = g_strdup_printf (_("Voltage (V vs %s)"),
                                              reference_markup != NULL ? reference_markup : "Na<sup>+</sup>/Na");
  CurveChartSpec spec = {
    "voltage-profile", _("Specific capacity (mAh g<sup>−1</sup>)"), y_title,
    CC_SCALE_LINEAR, CC_SCALE_LINEAR, TRUE, FALSE, CC_SERIES_LINES,
    "capacity_mAh_g", "voltage_V",
  };

  return curve_chart (set, &spec, error);
}

CcChart *
cc_chart_rate_capability_new (const CcCurveSet *set,
                              GError          **error)
{
  CurveChartSpec spec = {
    "rate-capability", _("C-rate (h<sup>−1</sup>)"), _("Discharge capacity (mAh g<sup>−1</sup>)"),
    CC_SCALE_LOG, CC_SCALE_LINEAR, FALSE, TRUE, CC_SERIES_LINES_MARKERS,
    "c_rate_per_h", "capacity_mAh_g",
  };

  return curve_chart (set, &spec, error);
}

CcChart *
cc_chart_ragone_new (const CcCurveSet *set,
                     const char       *basis_markup,
                     GError          **error)
{
  g_autofree char *x_title = NULL;
  g_autofree char *y_title = NULL;
  CurveChartSpec spec = {
    "ragone", NULL, NULL, CC_SCALE_LOG, CC_SCALE_LOG, FALSE, FALSE, CC_SERIES_LINES_MARKERS,
    "power_W_kg", "energy_Wh_kg",
  };

  if (basis_markup != NULL)
    {
      x_title = g_strdup_printf (_("Specific power (W kg<sup>−1</sup> of %s)"), basis_markup);
      y_title = g_strdup_printf (_("Specific energy (Wh kg<sup>−1</sup> of %s)"), basis_markup);
    }
  else
    {
      x_title = g_strdup (_("Specific power (W kg<sup>−1</sup>)"));
      y_title = g_strdup (_("Specific energy (Wh kg<sup>−1</sup>)"));
    }
  spec.x_title = x_title;
  spec.y_title = y_title;
  return curve_chart (set, &spec, error);
}

CcChart *
cc_chart_drt_new (const CcCurveSet *set,
                  gboolean          area_specific,
                  GError          **error)
{
  CurveChartSpec spec = {
    "drt", "τ (s)", area_specific ? "γ (Ω cm<sup>2</sup>)" : "γ (Ω)",
    CC_SCALE_LOG, CC_SCALE_LINEAR, FALSE, TRUE, CC_SERIES_LINES,
    "tau_s", area_specific ? "gamma_ohm_cm2" : "gamma_ohm",
  };

  return curve_chart (set, &spec, error);
}

/* Cycling. */

static gboolean
check_cycling (const CcCyclingData *data,
               GError             **error)
{
  if (data != NULL)
    for (guint i = 0; i < data->runs->len; i++)
      {
        const CcCyclingRun *r = g_ptr_array_index (data->runs, i);

        if (has_finite_point (r->cycle, r->capacity_mAh_g, r->n))
          return TRUE;
      }
  g_set_error (error, CC_CHART_ERROR, CC_CHART_ERROR_DATA,
               "Chart “cycling”: there are no runs with data to plot");
  return FALSE;
}

static CcTable *
cycling_table (const CcCyclingData *data)
{
  static const char * const columns[] = {
    "run", "role", "cycle", "discharge_capacity_mAh_g", "coulombic_efficiency_percent", NULL
  };
  CcTable *t = cc_table_new (columns);

  for (guint i = 0; i < data->runs->len; i++)
    {
      const CcCyclingRun *run = g_ptr_array_index (data->runs, i);

      for (guint k = 0; k < run->n; k++)
        {
          guint r = cc_table_add_row (t);

          cc_table_set_text (t, r, 0, run->label);
          cc_table_set_text (t, r, 1, role_names[run->role]);
          cc_table_set_double (t, r, 2, run->cycle[k]);
          cc_table_set_double (t, r, 3, run->capacity_mAh_g[k]);
          cc_table_set_double (t, r, 4, run->efficiency != NULL ? 100 * run->efficiency[k] : NAN);
        }
    }
  return t;
}

static void
add_run (CcPlot             *plot,
         const CcCyclingRun *run,
         guint               index,
         gboolean            single)
{
  CcSeriesMode mode = run->role == CC_CURVE_MODEL ? CC_SERIES_LINES_MARKERS : CC_SERIES_MARKERS;
  g_autofree char *cap_label = single ? g_strdup (_("Discharge capacity")) : g_strdup (run->label);
  g_autofree char *ce_label = single ? g_strdup (_("Coulombic efficiency"))
                                     : g_strdup_printf ("%s (CE)", run->label != NULL ? run->label : "");
  CcSeries *s = cc_plot_add_series (plot, cap_label, run->cycle, run->capacity_mAh_g, run->n);

  cc_series_set_mode (s, mode);
  cc_series_set_style (s, index, CC_DASH_SOLID, index);
  if (run->efficiency != NULL)
    {
      g_autofree double *ce = g_new (double, run->n);

      for (guint k = 0; k < run->n; k++)
        ce[k] = 100 * run->efficiency[k];
      s = cc_plot_add_series (plot, ce_label, run->cycle, ce, run->n);
      cc_series_set_mode (s, mode);
      cc_series_set_style (s, index, CC_DASH_DOTTED, index);
      cc_series_set_marker_filled (s, FALSE);
      cc_series_set_y_axis (s, CC_AXIS_Y2);
    }
}

/* Capacity in the lower three fifths, efficiency in the upper third, so the
 * two sets of markers never sit on each other. */
void
cc_plot_separate_cycling_axes (CcPlot *plot)
{
  double cap_max = -INFINITY, ce_min = INFINITY, ce_max = -INFINITY;

  for (guint i = 0; i < plot->series->len; i++)
    {
      const CcSeries *s = g_ptr_array_index (plot->series, i);

      for (guint k = 0; k < s->n; k++)
        {
          if (!isfinite (s->y[k]))
            continue;
          if (s->y_axis == CC_AXIS_Y2)
            {
              ce_min = MIN (ce_min, s->y[k]);
              ce_max = MAX (ce_max, s->y[k]);
            }
          else
            cap_max = MAX (cap_max, s->y[k]);
        }
    }
  if (cap_max > 0 && isfinite (ce_min))
    {
      double top = MAX (100.0, ce_max);
      double span = MAX (top - ce_min, 0.5);

      cc_plot_set_axis_range (plot, CC_AXIS_Y, 0, 1.65 * cap_max);
      cc_plot_set_axis_range (plot, CC_AXIS_Y2, top - 3.2 * span, top + 0.1 * span);
    }
}

CcChart *
cc_chart_cycling_new (const CcCyclingData *data,
                      GError             **error)
{
  CcChart *chart;
  CcPlot *plot;

  if (!check_cycling (data, error))
    return NULL;
  chart = cc_chart_new ("cycling", NULL);
  plot = cc_chart_add_plot (chart);
  cc_plot_set_axis (plot, CC_AXIS_X, CC_SCALE_LINEAR, _("Cycle number"));
  cc_plot_set_axis (plot, CC_AXIS_Y, CC_SCALE_LINEAR, _("Discharge capacity (mAh g<sup>−1</sup>)"));
  cc_plot_set_axis (plot, CC_AXIS_Y2, CC_SCALE_LINEAR, _("Coulombic efficiency (%)"));
  cc_plot_set_axis_include_zero (plot, CC_AXIS_X, TRUE);
  cc_plot_set_axis_include_zero (plot, CC_AXIS_Y, TRUE);
  for (guint i = 0; i < data->runs->len; i++)
    add_run (plot, g_ptr_array_index (data->runs, i), i, data->runs->len == 1);
  cc_plot_separate_cycling_axes (plot);
  cc_chart_set_table (chart, cycling_table (data));
  return chart;
}
