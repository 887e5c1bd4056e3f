/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Microstructure summary, three bar panels: what the electrode is made of
 * (volume fractions, pores included), how much of the CAM both networks
 * reach (active) and how much only one or none does, and the effective
 * ionic and electronic conductivities through the thickness (log axis; a
 * network that does not percolate has no bar, and says so).
 */
#include "config.h"

#include "cc-chart-kinds.h"
#include "cc-chart-private.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#define HALF_BAR 0.34

typedef struct {
  const char *label;
  double      value;
  CcPaint     paint;
} Bar;

static gboolean
check_fraction (const char *name,
                double      v,
                GError    **error)
{
  /* 1e-9: fractions computed as differences may come out a hair negative. */
  if (isfinite (v) && v >= -1e-9 && v <= 1 + 1e-9)
    return TRUE;
  g_set_error (error, CC_CHART_ERROR, CC_CHART_ERROR_DATA,
               "Chart “microstructure”: %s = %g must be a fraction between 0 and 1", name, v);
  return FALSE;
}

static gboolean
check_micro (const CcMicrostructure *m,
             GError                **error)
{
  if (m == NULL)
    {
      g_set_error (error, CC_CHART_ERROR, CC_CHART_ERROR_DATA,
                   "Chart “microstructure”: no microstructure has been computed");
      return FALSE;
    }
  return check_fraction ("cam_volume_fraction", m->cam_volume_fraction, error) &&
         check_fraction ("se_volume_fraction", m->se_volume_fraction, error) &&
         check_fraction ("carbon_volume_fraction", m->carbon_volume_fraction, error) &&
         check_fraction ("binder_volume_fraction", m->binder_volume_fraction, error) &&
         check_fraction ("porosity", m->porosity, error) &&
         check_fraction ("active_cam_fraction", m->active_cam_fraction, error) &&
         check_fraction ("ionically_connected_cam_fraction", m->ionically_connected_cam_fraction, error) &&
         check_fraction ("electronically_connected_cam_fraction", m->electronically_connected_cam_fraction, error);
}

static void
percent_bars (CcPlot     *plot,
              const char *title,
              const char *y_title,
              const Bar  *bars,
              guint       n)
{
  g_autofree const char **labels = g_new0 (const char *, n);

  for (guint i = 0; i < n; i++)
    labels[i] = bars[i].label;
  cc_plot_set_title (plot, title);
  cc_plot_set_axis_categories (plot, CC_AXIS_X, labels, n);
  cc_plot_set_axis (plot, CC_AXIS_Y, CC_SCALE_LINEAR, y_title);
  /* Above 100 %: room for the label of a full bar. */
  cc_plot_set_axis_range (plot, CC_AXIS_Y, 0, 112);
  cc_plot_set_legend (plot, CC_LEGEND_NONE);
  for (guint i = 0; i < n; i++)
    {
      double v = 100 * CLAMP (bars[i].value, 0, 1);
      g_autofree char *text = g_strdup_printf ("%.0f", v);

      cc_plot_add_rect (plot, i - HALF_BAR, i + HALF_BAR, 0, v, bars[i].paint);
      cc_plot_add_text (plot, i, v, text, CC_ANCHOR_S, 0, -2, cc_paint_role (CC_PAINT_FOREGROUND));
    }
}

static void
conductivity_bars (CcPlot                 *plot,
                   const CcMicrostructure *m)
{
  static const char * const labels[] = { "σ<sub>ion,eff</sub>", "σ<sub>e,eff</sub>" };
  double sigma[2] = { m->sigma_ion_eff_S_per_cm, m->sigma_e_eff_S_per_cm };
  gboolean perc[2] = { m->ionic_percolation, m->electronic_percolation };
  double lo = INFINITY, hi = -INFINITY;

  cc_plot_set_title (plot, _("Networks"));
  cc_plot_set_axis_categories (plot, CC_AXIS_X, labels, 2);
  cc_plot_set_axis (plot, CC_AXIS_Y, CC_SCALE_LOG, "σ<sub>eff</sub> (S cm<sup>−1</sup>)");
  cc_plot_set_legend (plot, CC_LEGEND_NONE);
  for (guint i = 0; i < 2; i++)
    if (perc[i] && isfinite (sigma[i]) && sigma[i] > 0)
      {
        lo = MIN (lo, sigma[i]);
        hi = MAX (hi, sigma[i]);
      }
  /* Room below the smaller bar and above the larger one for its label. */
  lo = isfinite (lo) ? pow (10, floor (log10 (lo)) - 1) : 1e-8;
  hi = isfinite (hi) ? pow (10, ceil (log10 (hi) + 0.8)) : 1e-2;
  cc_plot_set_axis_range (plot, CC_AXIS_Y, lo, hi);
  for (guint i = 0; i < 2; i++)
    {
      CcPaint paint = cc_paint_series (i == 0 ? 0 : 6);

      if (perc[i] && isfinite (sigma[i]) && sigma[i] > 0)
        {
          g_autofree char *text = cc_format_number_markup (sigma[i], 2);

          cc_plot_add_rect (plot, i - HALF_BAR, i + HALF_BAR, -INFINITY, sigma[i], paint);
          cc_plot_add_text (plot, i, sigma[i], text, CC_ANCHOR_S, 0, -2, cc_paint_role (CC_PAINT_FOREGROUND));
        }
      else
        cc_plot_add_text (plot, i, sqrt (lo * hi), _("does not\npercolate"), CC_ANCHOR_CENTER, 0, 0,
                          cc_paint_role (CC_PAINT_WARNING));
    }
}

static CcTable *
micro_table (const CcMicrostructure *m)
{
  static const char * const columns[] = { "quantity", "value", "unit", NULL };
  const struct { const char *name; double v; const char *unit; } rows[] = {
    { "cam_volume_fraction", m->cam_volume_fraction, "1" },
    { "se_volume_fraction", m->se_volume_fraction, "1" },
    { "carbon_volume_fraction", m->carbon_volume_fraction, "1" },
    { "binder_volume_fraction", m->binder_volume_fraction, "1" },
    { "porosity", m->porosity, "1" },
    { "active_cam_fraction", m->active_cam_fraction, "1" },
    { "ionically_connected_cam_fraction", m->ionically_connected_cam_fraction, "1" },
    { "electronically_connected_cam_fraction", m->electronically_connected_cam_fraction, "1" },
    { "agglomerate_interior_cam_fraction", m->agglomerate_interior_cam_fraction, "1" },
    { "sigma_ion_eff", m->sigma_ion_eff_S_per_cm, "S/cm" },
    { "sigma_e_eff", m->sigma_e_eff_S_per_cm, "S/cm" },
    { "tortuosity_ion", m->tortuosity_ion, "1" },
    { "tortuosity_e", m->tortuosity_e, "1" },
    { "ionic_percolation", m->ionic_percolation ? 1 : 0, "bool" },
    { "electronic_percolation", m->electronic_percolation ? 1 : 0, "bool" },
  };
  CcTable *t = cc_table_new (columns);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      guint r = cc_table_add_row (t);

      cc_table_set_text (t, r, 0, rows[i].name);
      cc_table_set_double (t, r, 1, rows[i].v);
      cc_table_set_text (t, r, 2, rows[i].unit);
    }
  return t;
}

CcChart *
cc_chart_microstructure_new (const CcMicrostructure *m,
                             GError                **error)
{
  CcChart *chart;
  double ion_only, e_only, isolated;

  if (!check_micro (m, error))
    return NULL;
  ion_only = MAX (m->ionically_connected_cam_fraction - m->active_cam_fraction, 0);
  e_only = MAX (m->electronically_connected_cam_fraction - m->active_cam_fraction, 0);
  isolated = MAX (1 - m->active_cam_fraction - ion_only - e_only, 0);

  chart = cc_chart_new ("microstructure", NULL);
  cc_chart_set_grid (chart, 1, 3);
  {
    const Bar volume[] = {
      { "CAM", m->cam_volume_fraction, cc_paint_series (0) },
      { "SE", m->se_volume_fraction, cc_paint_series (2) },
      { _("Carbon"), m->carbon_volume_fraction, cc_paint_series (6) },
      { _("Binder"), m->binder_volume_fraction, cc_paint_series (3) },
      { _("Pores"), m->porosity, cc_paint_role (CC_PAINT_MUTED) },
    };
    const Bar cam[] = {
      { _("Active"), m->active_cam_fraction, cc_paint_series (2) },
      { _("Ionic only"), ion_only, cc_paint_series (0) },
      { _("Electronic only"), e_only, cc_paint_series (4) },
      { _("Isolated"), isolated, cc_paint_role (CC_PAINT_WARNING) },
    };

    percent_bars (cc_chart_add_plot (chart), _("Volume"), _("Share (%)"), volume, G_N_ELEMENTS (volume));
    percent_bars (cc_chart_add_plot (chart), _("CAM reached"), NULL, cam, G_N_ELEMENTS (cam));
  }
  conductivity_bars (cc_chart_add_plot (chart), m);
  cc_chart_set_table (chart, micro_table (m));
  return chart;
}
