/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Simulation → chart: the engines' results (packing, cell model, impedance
 * model and its DRT) mapped onto the chart data types. Everything drawn
 * here is model output (CC_CURVE_MODEL), never data.
 */
#include "config.h"

#include "cc-plot.h"
#include "cc-chart-kinds.h"
#include "cc-chart-registry.h"
#include "cc-eis-drt.h"
#include "cc-formula.h"

#include <math.h>
#include <glib/gi18n-lib.h>

static gboolean
fail_data (GError    **error,
           const char *kind,
           const char *why)
{
  g_set_error (error, CC_CHART_ERROR, CC_CHART_ERROR_DATA, "Chart “%s”: %s", kind, why);
  return FALSE;
}

/* The cell result, or an error that says why the cell gave none. */
static const CcCellResult *
cell_or_error (CcSimulation *sim,
               const char   *kind,
               GError      **error)
{
  const CcCellResult *r = cc_simulation_get_cell (sim);

  if (r == NULL)
    {
      fail_data (error, kind, "the simulation ran without the cell model");
      return NULL;
    }
  if (r->status != CC_CELL_STATUS_OK && r->status != CC_CELL_STATUS_PARTIAL)
    {
      g_set_error (error, CC_CHART_ERROR, CC_CHART_ERROR_DATA, "Chart “%s”: the cell model gave no curves (%s: %s)",
                   kind, cc_cell_status_to_string (r->status), r->message != NULL ? r->message : "");
      return NULL;
    }
  return r;
}

/* The cell voltage is measured against the anode. */
static char *
anode_reference (CcSimulation *sim,
                 CcMaterialDb *db)
{
  const CcDesign *d = cc_simulation_get_design (sim);
  const CcMaterial *anode = d->cell.anode_id != NULL ? cc_material_db_lookup (db, d->cell.anode_id) : NULL;
  const char *markup, *formula;

  if (anode == NULL)
    return NULL;
  markup = cc_material_get_markup (anode);
  formula = cc_material_get_formula (anode);
  if (markup != NULL && *markup != '\0')
    return g_strdup (markup);
  if (formula != NULL && *formula != '\0')
    return cc_formula_to_markup (formula);
  return g_markup_escape_text (cc_material_get_name (anode), -1);
}

/* One group per C-rate (in the order the rates first appear), charge and
 * discharge in it. */
static CcChart *
voltage_profile (CcSimulation *sim,
                 CcMaterialDb *db,
                 GError      **error)
{
  const CcCellResult *r = cell_or_error (sim, "voltage-profile", error);
  g_autoptr(CcCurveSet) set = NULL;
  g_autoptr(GArray) rates = NULL;
  g_autofree char *reference = NULL;

  if (r == NULL)
    return NULL;
  set = cc_curve_set_new ();
  rates = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < r->profiles->len; i++)
    {
      const CcVoltageProfile *p = g_ptr_array_index (r->profiles, i);
      g_autofree char *label = cc_c_rate_label (p->c_rate);
      CcDataCurve *c;
      guint group;

      if (p->capacity_mAh_g->len == 0)
        continue;
      for (group = 0; group < rates->len; group++)
        if (g_array_index (rates, double, group) == p->c_rate)
          break;
      if (group == rates->len)
        g_array_append_val (rates, p->c_rate);
      c = cc_curve_set_add (set, label, CC_CURVE_MODEL, (const double *) p->capacity_mAh_g->data,
                            (const double *) p->voltage_V->data, p->capacity_mAh_g->len);
      cc_data_curve_set_group (c, (int) group);
      cc_data_curve_set_direction (c, p->branch == CC_BRANCH_CHARGE ? CC_CURVE_CHARGE : CC_CURVE_DISCHARGE);
    }
  reference = anode_reference (sim, db);
  return cc_chart_voltage_profile_new (set, reference, error);
}

static CcChart *
cycling (CcSimulation *sim,
         GError      **error)
{
  const CcCellResult *r = cell_or_error (sim, "cycling", error);
  g_autoptr(CcCyclingData) data = NULL;
  g_autofree double *cycle = NULL, *cap = NULL, *ce = NULL;
  guint n;

  if (r == NULL)
    return NULL;
  n = r->cycles->len;
  if (n == 0)
    {
      fail_data (error, "cycling", "the simulation ran no cycles");
      return NULL;
    }
  cycle = g_new (double, n);
  cap = g_new (double, n);
  ce = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      const CcCycleRecord *rec = &g_array_index (r->cycles, CcCycleRecord, i);

      cycle[i] = rec->cycle;
      cap[i] = rec->discharge_mAh_g;
      ce[i] = rec->coulombic_efficiency;
    }
  data = cc_cycling_data_new ();
  cc_cycling_data_add_run (data, _("Model"), CC_CURVE_MODEL, cycle, cap, ce, n);
  return cc_chart_cycling_new (data, error);
}

/* Valid rate points, ascending C-rate, as x / y pairs from @x_of / @y_of. */
typedef double (*RateField) (const CcRatePoint *p);

static double rate_c (const CcRatePoint *p) { return p->c_rate; }
static double rate_capacity (const CcRatePoint *p) { return p->capacity_mAh_g; }
static double rate_p_comp (const CcRatePoint *p) { return p->power_W_kg_composite; }
static double rate_e_comp (const CcRatePoint *p) { return p->energy_Wh_kg_composite; }
static double rate_p_cam (const CcRatePoint *p) { return p->power_W_kg_cam; }
static double rate_e_cam (const CcRatePoint *p) { return p->energy_Wh_kg_cam; }

static gint
compare_rate (gconstpointer a,
              gconstpointer b)
{
  double ra = ((const CcRatePoint *) a)->c_rate, rb = ((const CcRatePoint *) b)->c_rate;

  return (ra > rb) - (ra < rb);
}

static void
add_rate_curve (CcCurveSet         *set,
                const CcCellResult *r,
                const char         *label,
                RateField           x_of,
                RateField           y_of)
{
  g_autoptr(GArray) pts = g_array_new (FALSE, FALSE, sizeof (CcRatePoint));
  g_autofree double *x = NULL, *y = NULL;

  for (guint i = 0; i < r->rates->len; i++)
    {
      const CcRatePoint *p = &g_array_index (r->rates, CcRatePoint, i);

      if (p->valid)
        g_array_append_val (pts, *p);
    }
  g_array_sort (pts, compare_rate);
  x = g_new (double, MAX (pts->len, 1));
  y = g_new (double, MAX (pts->len, 1));
  for (guint i = 0; i < pts->len; i++)
    {
      x[i] = x_of (&g_array_index (pts, CcRatePoint, i));
      y[i] = y_of (&g_array_index (pts, CcRatePoint, i));
    }
  cc_curve_set_add (set, label, CC_CURVE_MODEL, x, y, pts->len);
}

static CcChart *
rate_capability (CcSimulation *sim,
                 GError      **error)
{
  const CcCellResult *r = cell_or_error (sim, "rate-capability", error);
  g_autoptr(CcCurveSet) set = NULL;

  if (r == NULL)
    return NULL;
  set = cc_curve_set_new ();
  add_rate_curve (set, r, _("Model"), rate_c, rate_capacity);
  return cc_chart_rate_capability_new (set, error);
}

/* Both bases on one chart, each series saying which mass it is per. */
static CcChart *
ragone (CcSimulation *sim,
        GError      **error)
{
  const CcCellResult *r = cell_or_error (sim, "ragone", error);
  g_autoptr(CcCurveSet) set = NULL;

  if (r == NULL)
    return NULL;
  set = cc_curve_set_new ();
  add_rate_curve (set, r, _("per kg of cathode composite"), rate_p_comp, rate_e_comp);
  add_rate_curve (set, r, _("per kg of CAM"), rate_p_cam, rate_e_cam);
  return cc_chart_ragone_new (set, NULL, error);
}

/* Impedance. */

static CcEisSpectrum *
spectrum_at (CcSimulation *sim,
             guint         cycle,
             GError      **error)
{
  CcEisCellParams params;
  CcEisFreqRange range;

  cc_eis_freq_range_init_default (&range);
  if (!cc_simulation_eis_params (sim, cycle, &params, error))
    return NULL;
  return cc_eis_model_spectrum (&params, &range, error);
}

/* The last cycle the simulation reached (1 when it ran none). */
static guint
last_cycle (CcSimulation *sim)
{
  const CcCellResult *r = cc_simulation_get_cell (sim);

  if (r == NULL || r->cycles->len == 0)
    return 1;
  return g_array_index (r->cycles, CcCycleRecord, r->cycles->len - 1).cycle;
}

/* options->cycle (default 1) clamped to the run, and the run's last. */
static guint
requested_cycle (CcSimulation        *sim,
                 const CcPlotOptions *options,
                 guint               *last)
{
  *last = last_cycle (sim);
  return CLAMP (options != NULL && options->cycle > 0 ? options->cycle : 1, 1, *last);
}

/* The requested cycle, and the last one as a second spectrum so that
 * ageing shows. */
static CcImpedanceData *
impedance_data (CcSimulation        *sim,
                const CcPlotOptions *options,
                GError             **error)
{
  guint last;
  guint first = requested_cycle (sim, options, &last);
  guint cycles[2] = { first, last };
  g_autoptr(CcImpedanceData) data = cc_impedance_data_new (TRUE);

  for (guint i = 0; i < (first == last ? 1u : 2u); i++)
    {
      g_autoptr(CcEisSpectrum) s = spectrum_at (sim, cycles[i], error);
      g_autofree char *label = NULL;

      if (s == NULL)
        return NULL;
      label = g_strdup_printf (_("Cycle %u"), cycles[i]);
      cc_impedance_data_add_spectrum (data, label, CC_CURVE_MODEL, s->freq_Hz, s->z_re, s->z_im, s->n);
    }
  return g_steal_pointer (&data);
}

/* A broad process shows satellite peaks (see cc-eis-drt.h) that the DRT
 * attributes to the same process: each process is labelled once, at the
 * peak that holds the most of its resistance. */
static gboolean
is_main_peak (GArray *peaks,
              guint   index)
{
  const CcEisDrtPeak *p = &g_array_index (peaks, CcEisDrtPeak, index);

  if (p->process == NULL)
    return FALSE;
  for (guint i = 0; i < peaks->len; i++)
    {
      const CcEisDrtPeak *o = &g_array_index (peaks, CcEisDrtPeak, i);

      if (i != index && g_strcmp0 (o->process, p->process) == 0 &&
          (o->resistance > p->resistance || (o->resistance == p->resistance && i < index)))
        return FALSE;
    }
  return TRUE;
}

/* The DRT of the model spectrum at @cycle as a curve of @set; with @marks,
 * each peak labelled with the process whose time constant it sits at. */
static gboolean
add_drt_curve (CcCurveSet   *set,
               CcSimulation *sim,
               guint         cycle,
               gboolean      marks,
               gboolean     *area_specific,
               GError      **error)
{
  g_autoptr(CcEisSpectrum) s = spectrum_at (sim, cycle, error);
  g_autoptr(CcEisDrtResult) result = NULL;
  g_autofree char *label = NULL;
  CcEisDrtOptions drt_options;

  if (s == NULL)
    return FALSE;
  cc_eis_drt_options_init (&drt_options);
  result = cc_eis_drt (s, &drt_options, error);
  if (result == NULL)
    return FALSE;
  label = g_strdup_printf (_("Cycle %u"), cycle);
  cc_curve_set_add (set, label, CC_CURVE_MODEL, result->tau_s, result->gamma, result->n);
  for (guint i = 0; marks && i < result->peaks->len; i++)
    if (is_main_peak (result->peaks, i))
      {
        const CcEisDrtPeak *p = &g_array_index (result->peaks, CcEisDrtPeak, i);

        cc_curve_set_add_mark (set, p->tau_s, p->gamma, p->process);
      }
  *area_specific = result->area_specific;
  return TRUE;
}

/* The DRT of the fresh cell's (or the requested cycle's) spectrum, its
 * peaks labelled, and of the last cycle's, as in the Nyquist plot. */
static CcChart *
drt (CcSimulation        *sim,
     const CcPlotOptions *options,
     GError             **error)
{
  guint last;
  guint cycle = requested_cycle (sim, options, &last);
  g_autoptr(CcCurveSet) set = cc_curve_set_new ();
  gboolean area_specific = TRUE;

  if (!add_drt_curve (set, sim, cycle, TRUE, &area_specific, error)
      || (last != cycle && !add_drt_curve (set, sim, last, FALSE, &area_specific, error)))
    return NULL;
  return cc_chart_drt_new (set, area_specific, error);
}

CcChart *
cc_plot_build_chart_from_simulation (const char          *name,
                                     CcSimulation        *sim,
                                     const CcPlotOptions *options,
                                     GError             **error)
{
  const CcChartKindInfo *kind = cc_chart_kinds_lookup (name);
  const CcDesign *design;
  CcMaterialDb *db = cc_material_db_get_default ();

  g_return_val_if_fail (sim != NULL, NULL);
  if (kind == NULL)
    {
      g_set_error (error, CC_CHART_ERROR, CC_CHART_ERROR_INVALID,
                   "Unknown chart “%s” (“list” names the charts)", name != NULL ? name : "");
      return NULL;
    }
  design = cc_simulation_get_design (sim);
  if (design == NULL || cc_simulation_get_microstructure (sim) == NULL)
    {
      g_set_error (error, CC_CHART_ERROR, CC_CHART_ERROR_DATA,
                   "Chart “%s”: the simulation has not run", kind->name);
      return NULL;
    }
  if (kind->source == CC_CHART_SOURCE_DESIGN)
    return cc_plot_build_chart (kind->name, design, db, options, error);
  if (g_str_equal (kind->name, "microstructure"))
    return cc_chart_microstructure_new (cc_simulation_get_microstructure (sim), error);
  if (g_str_equal (kind->name, "voltage-profile"))
    return voltage_profile (sim, db, error);
  if (g_str_equal (kind->name, "cycling"))
    return cycling (sim, error);
  if (g_str_equal (kind->name, "rate-capability"))
    return rate_capability (sim, error);
  if (g_str_equal (kind->name, "ragone"))
    return ragone (sim, error);
  if (g_str_equal (kind->name, "drt"))
    return drt (sim, options, error);
  if (g_str_equal (kind->name, "nyquist") || g_str_equal (kind->name, "bode"))
    {
      g_autoptr(CcImpedanceData) data = impedance_data (sim, options, error);

      if (data == NULL)
        return NULL;
      return g_str_equal (kind->name, "nyquist") ? cc_chart_nyquist_new (data, error)
                                                 : cc_chart_bode_new (data, error);
    }
  g_set_error (error, CC_CHART_ERROR, CC_CHART_ERROR_UNAVAILABLE,
               "Chart “%s” has no mapping from the simulation's results", kind->name);
  return NULL;
}
