/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Maps the engines' results onto the figure engine's data structures. The
 * charts show model output only: every curve is CC_CURVE_MODEL.
 */
#include "cc-stage-charts.h"

#include <glib/gi18n.h>
#include "cc-chart-kinds.h"
#include "cc-chart-render.h"

void
cc_stage_chart_render (gpointer chart, cairo_t *cr, double w, double h)
{
  cc_chart_render (chart, NULL, cr, w, h, NULL);
}

char *
cc_stage_chart_hover (gpointer chart, double x, double y, double w, double h)
{
  CcChartHit hit;

  return cc_chart_hit_test (chart, NULL, w, h, x, y, 6, &hit) ? cc_chart_hit_describe (chart, &hit) : NULL;
}

void
cc_stage_charts_show (CcResultsView *results,
                      CcChartKind    kind,
                      gpointer       chart,
                      GError        *error)
{
  if (chart != NULL)
    cc_results_view_show_chart (results, kind, chart);   /* draws pins and measured data over it */
  else
    cc_results_view_clear (results, kind, _("No chart"),
                           error != NULL ? error->message : _("The run produced no data for this chart."));
}

static char *
rate_label (double c_rate)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup_printf ("%sC", g_ascii_formatd (buf, sizeof buf, "%.3g", c_rate));
}

gpointer
cc_stage_chart_voltage (const CcCellResult *cell, GError **error)
{
  g_autoptr(GArray) rates = g_array_new (FALSE, FALSE, sizeof (double));
  CcCurveSet *set = cc_curve_set_new ();
  CcChart *chart;

  for (guint i = 0; cell->profiles != NULL && i < cell->profiles->len; i++)
    {
      const CcVoltageProfile *p = g_ptr_array_index (cell->profiles, i);
      g_autofree char *label = rate_label (p->c_rate);
      CcDataCurve *curve;
      guint group = 0;

      if (p->capacity_mAh_g == NULL || p->capacity_mAh_g->len < 2)
        continue;
      /* One group (colour) per C-rate: charge and discharge share it. */
      while (group < rates->len && g_array_index (rates, double, group) != p->c_rate)
        group++;
      if (group == rates->len)
        g_array_append_val (rates, p->c_rate);
      curve = cc_curve_set_add (set, label, CC_CURVE_MODEL,
                                (const double *) p->capacity_mAh_g->data,
                                (const double *) p->voltage_V->data, p->capacity_mAh_g->len);
      cc_data_curve_set_group (curve, group);
      cc_data_curve_set_direction (curve, p->branch == CC_BRANCH_CHARGE ? CC_CURVE_CHARGE : CC_CURVE_DISCHARGE);
    }
  chart = cc_chart_voltage_profile_new (set, NULL, error);
  cc_curve_set_free (set);
  return chart;
}

gpointer
cc_stage_chart_cycling (const CcCellResult *cell, GError **error)
{
  guint n = cell->cycles != NULL ? cell->cycles->len : 0;
  g_autofree double *cycle = g_new0 (double, MAX (n, 1));
  g_autofree double *cap = g_new0 (double, MAX (n, 1));
  g_autofree double *ce = g_new0 (double, MAX (n, 1));
  CcCyclingData *data = cc_cycling_data_new ();
  CcChart *chart;

  for (guint i = 0; i < n; i++)
    {
      const CcCycleRecord *r = &g_array_index (cell->cycles, CcCycleRecord, i);

      cycle[i] = r->cycle;
      cap[i] = r->discharge_mAh_g;
      ce[i] = r->coulombic_efficiency;
    }
  cc_cycling_data_add_run (data, _("Model"), CC_CURVE_MODEL, cycle, cap, ce, n);
  chart = cc_chart_cycling_new (data, error);
  cc_cycling_data_free (data);
  return chart;
}

/* x and y of the valid rate points; which: 0 capacity vs rate, 1 Ragone. */
static CcCurveSet *
rate_set (const CcCellResult *cell, int which)
{
  guint n = cell->rates != NULL ? cell->rates->len : 0, k = 0;
  g_autofree double *x = g_new0 (double, MAX (n, 1));
  g_autofree double *y = g_new0 (double, MAX (n, 1));
  CcCurveSet *set = cc_curve_set_new ();

  for (guint i = 0; i < n; i++)
    {
      const CcRatePoint *r = &g_array_index (cell->rates, CcRatePoint, i);

      if (!r->valid)
        continue;
      x[k] = which == 0 ? r->c_rate : r->power_W_kg_composite;
      y[k] = which == 0 ? r->capacity_mAh_g : r->energy_Wh_kg_composite;
      if (which == 0 || (x[k] > 0 && y[k] > 0))
        k++;
    }
  cc_curve_set_add (set, _("Model"), CC_CURVE_MODEL, x, y, k);
  return set;
}

gpointer
cc_stage_chart_rate (const CcCellResult *cell, GError **error)
{
  CcCurveSet *set = rate_set (cell, 0);
  CcChart *chart = cc_chart_rate_capability_new (set, error);

  cc_curve_set_free (set);
  return chart;
}

gpointer
cc_stage_chart_ragone (const CcCellResult *cell, GError **error)
{
  CcCurveSet *set = rate_set (cell, 1);
  CcChart *chart = cc_chart_ragone_new (set, _("cathode composite"), error);

  cc_curve_set_free (set);
  return chart;
}

gpointer
cc_stage_chart_micro (const CcMicrostructure *micro, GError **error)
{
  return cc_chart_microstructure_new (micro, error);
}

gpointer
cc_stage_chart_spectrum (const CcEisSpectrum *s, gboolean bode, GError **error)
{
  CcImpedanceData *data = cc_impedance_data_new (s->area_specific);
  CcChart *chart;

  cc_impedance_data_add_spectrum (data, _("Model, fresh cell"), CC_CURVE_MODEL,
                                  s->freq_Hz, s->z_re, s->z_im, s->n);
  chart = bode ? cc_chart_bode_new (data, error) : cc_chart_nyquist_new (data, error);
  cc_impedance_data_free (data);
  return chart;
}

gpointer
cc_stage_chart_drt (const CcEisDrtResult *drt, GError **error)
{
  CcCurveSet *set = cc_curve_set_new ();
  CcChart *chart;

  cc_curve_set_add (set, _("Model, fresh cell"), CC_CURVE_MODEL, drt->tau_s, drt->gamma, drt->n);
  for (guint i = 0; drt->peaks != NULL && i < drt->peaks->len; i++)
    {
      const CcEisDrtPeak *peak = &g_array_index (drt->peaks, CcEisDrtPeak, i);

      cc_curve_set_add_mark (set, peak->tau_s, peak->gamma, peak->process);
    }
  chart = cc_chart_drt_new (set, drt->area_specific, error);
  cc_curve_set_free (set);
  return chart;
}
