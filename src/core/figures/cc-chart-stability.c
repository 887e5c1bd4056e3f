/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Stability windows: potential (vs Na⁺/Na) across, one row per electrolyte.
 * Each row holds the thermodynamic window as a solid band, the apparent
 * (kinetic) window as a lighter extension, and hatching where the CAM's
 * operating range or the anode potential lies outside the window — the
 * potentials at which that electrolyte decomposes in this cell. The products
 * are written under the band, at the end where they form, with an arrow
 * pointing the way the potential goes to make them.
 */
#include "config.h"

#include "cc-chart-kinds.h"
#include "cc-chart-private.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#define BAND_TOP   (-0.32)   /* row units around the category centre (y grows down) */
#define BAND_BOT   0.08
#define TEXT_Y     0.12

static gboolean
window_known (const CcStabilityWindow *w)
{
  return isfinite (w->reduction_V) && isfinite (w->oxidation_V) && w->reduction_V < w->oxidation_V;
}

static void
extend (double  v,
        double *lo,
        double *hi)
{
  if (isfinite (v))
    {
      *lo = MIN (*lo, v);
      *hi = MAX (*hi, v);
    }
}

/* A fixed potential range on half-volt steps around everything drawn. */
static void
potential_range (const CcStabilityData *d,
                 double                *lo,
                 double                *hi)
{
  *lo = 0;
  *hi = 4.5;
  for (guint i = 0; i < d->windows->len; i++)
    {
      const CcStabilityWindow *w = g_ptr_array_index (d->windows, i);

      extend (w->reduction_V, lo, hi);
      extend (w->oxidation_V, lo, hi);
      extend (w->apparent_reduction_V, lo, hi);
      extend (w->apparent_oxidation_V, lo, hi);
    }
  extend (d->cam_min_V, lo, hi);
  extend (d->cam_max_V, lo, hi);
  extend (d->anode_V, lo, hi);
  *lo = floor ((*lo - 0.2) * 2) / 2;
  *hi = ceil ((*hi + 0.3) * 2) / 2;
}

static void
band (CcPlot     *plot,
      double      x0,
      double      x1,
      guint       row,
      CcPaint     paint,
      CcFillStyle style,
      double      alpha,
      double      grow,
      const char *legend)
{
  CcRect *r;

  if (!(isfinite (x0) && isfinite (x1) && x1 > x0))
    return;
  r = cc_plot_add_rect (plot, x0, x1, row + BAND_TOP - grow, row + BAND_BOT + grow, paint);
  cc_rect_set_style (r, style, alpha);
  cc_rect_set_legend (r, legend);
}

static void
add_products (CcPlot                  *plot,
              const CcStabilityWindow *w,
              guint                    row,
              double                   lo,
              double                   hi)
{
  double mid = (lo + hi) / 2;

  /* Text runs away from the nearer plot edge so that it stays inside. */
  if (w->oxidation_products != NULL)
    {
      g_autofree char *t = g_strdup_printf ("%s →", w->oxidation_products);
      gboolean left = w->oxidation_V > mid + (hi - lo) * 0.15;
      g_autofree char *t2 = g_strdup_printf ("→ %s", w->oxidation_products);

      cc_plot_add_text (plot, w->oxidation_V, row + TEXT_Y, left ? t : t2,
                        left ? CC_ANCHOR_NE : CC_ANCHOR_NW, 0, 0, cc_paint_role (CC_PAINT_FOREGROUND));
    }
  if (w->reduction_products != NULL)
    {
      gboolean right = w->reduction_V < lo + (hi - lo) * 0.2;
      g_autofree char *t = g_strdup_printf ("← %s", w->reduction_products);
      g_autofree char *t2 = g_strdup_printf ("%s ←", w->reduction_products);

      cc_plot_add_text (plot, w->reduction_V, row + TEXT_Y, right ? t : t2,
                        right ? CC_ANCHOR_NW : CC_ANCHOR_NE, 0, 0, cc_paint_role (CC_PAINT_FOREGROUND));
    }
}

static void
add_window_row (CcPlot                *plot,
                const CcStabilityData *d,
                const CcStabilityWindow *w,
                guint                  row,
                double                 lo,
                double                 hi)
{
  CcPaint window = cc_paint_series (0), warn = cc_paint_role (CC_PAINT_WARNING);

  if (!window_known (w))
    {
      cc_plot_add_text (plot, (lo + hi) / 2, row, _("window not known"), CC_ANCHOR_CENTER, 0, 0,
                        cc_paint_role (CC_PAINT_MUTED));
      return;
    }
  band (plot, w->reduction_V, w->oxidation_V, row, window, CC_FILL_SOLID, 0.85, 0, _("Thermodynamic window"));
  band (plot, w->apparent_reduction_V, w->reduction_V, row, window, CC_FILL_SOLID, 0.35, 0,
        _("Apparent (kinetic) window"));
  band (plot, w->oxidation_V, w->apparent_oxidation_V, row, window, CC_FILL_SOLID, 0.35, 0,
        _("Apparent (kinetic) window"));
  /* The parts of the CAM range and of the anode potential outside the
   * window: the electrolyte is oxidised or reduced there. */
  if (isfinite (d->cam_min_V) && isfinite (d->cam_max_V))
    {
      band (plot, MAX (d->cam_min_V, w->oxidation_V), d->cam_max_V, row, warn, CC_FILL_HATCH, 1, 0.06,
            _("Outside the window: decomposes"));
      band (plot, d->cam_min_V, MIN (d->cam_max_V, w->reduction_V), row, warn, CC_FILL_HATCH, 1, 0.06,
            _("Outside the window: decomposes"));
    }
  if (isfinite (d->anode_V) && d->anode_V < w->reduction_V)
    band (plot, d->anode_V, w->reduction_V, row, warn, CC_FILL_HATCH, 1, 0.06, _("Outside the window: decomposes"));
  add_products (plot, w, row, lo, hi);
}

static CcTable *
stability_table (const CcStabilityData *d)
{
  static const char * const columns[] = {
    "electrolyte", "reduction_limit_V", "oxidation_limit_V", "apparent_reduction_limit_V",
    "apparent_oxidation_limit_V", "reduction_products", "oxidation_products",
    "cam", "cam_min_V", "cam_max_V", "anode", "anode_V", NULL
  };
  CcTable *t = cc_table_new (columns);

  for (guint i = 0; i < d->windows->len; i++)
    {
      const CcStabilityWindow *w = g_ptr_array_index (d->windows, i);
      guint r = cc_table_add_row (t);

      cc_table_set_text (t, r, 0, w->label);
      cc_table_set_double (t, r, 1, w->reduction_V);
      cc_table_set_double (t, r, 2, w->oxidation_V);
      cc_table_set_double (t, r, 3, w->apparent_reduction_V);
      cc_table_set_double (t, r, 4, w->apparent_oxidation_V);
      cc_table_set_text (t, r, 5, w->reduction_products);
      cc_table_set_text (t, r, 6, w->oxidation_products);
      cc_table_set_text (t, r, 7, d->cam_label);
      cc_table_set_double (t, r, 8, d->cam_min_V);
      cc_table_set_double (t, r, 9, d->cam_max_V);
      cc_table_set_text (t, r, 10, d->anode_label);
      cc_table_set_double (t, r, 11, d->anode_V);
    }
  return t;
}

static void
add_overlays (CcPlot                *plot,
              const CcStabilityData *d)
{
  guint n = d->windows->len;

  if (d->cam_label != NULL && isfinite (d->cam_min_V) && isfinite (d->cam_max_V))
    {
      g_autofree char *label = g_strdup_printf (_("%s operating range"), d->cam_label);
      CcRect *r = cc_plot_add_rect (plot, d->cam_min_V, d->cam_max_V, -INFINITY, INFINITY, cc_paint_series (4));

      cc_rect_set_style (r, CC_FILL_SOLID, 0.22);
      cc_rect_set_legend (r, label);
      cc_rect_set_is_data (r, FALSE);
    }
  if (d->anode_label != NULL && isfinite (d->anode_V))
    {
      /* A two-point series rather than a reference line, so that it has a
       * legend entry instead of a label that could sit on a band. */
      g_autofree char *label = g_strdup_printf (_("%s anode potential"), d->anode_label);
      double x[2] = { d->anode_V, d->anode_V }, y[2] = { -0.5, n - 0.5 };
      CcSeries *s = cc_plot_add_series (plot, label, x, y, 2);

      cc_series_set_style (s, 6, CC_DASH_DASHED, 0);
    }
}

CcChart *
cc_chart_stability_new (const CcStabilityData *data,
                        GError               **error)
{
  g_autoptr(GPtrArray) labels = NULL;
  CcChart *chart;
  CcPlot *plot;
  double lo, hi;

  if (data == NULL || data->windows->len == 0)
    {
      g_set_error (error, CC_CHART_ERROR, CC_CHART_ERROR_DATA,
                   "Chart “stability-window”: there are no electrolytes to show");
      return NULL;
    }
  chart = cc_chart_new ("stability-window", NULL);
  plot = cc_chart_add_plot (chart);
  labels = g_ptr_array_new ();
  for (guint i = 0; i < data->windows->len; i++)
    g_ptr_array_add (labels, ((CcStabilityWindow *) g_ptr_array_index (data->windows, i))->label);
  potential_range (data, &lo, &hi);
  cc_plot_set_axis (plot, CC_AXIS_X, CC_SCALE_LINEAR, _("Potential (V vs Na<sup>+</sup>/Na)"));
  cc_plot_set_axis_range (plot, CC_AXIS_X, lo, hi);
  cc_plot_set_axis_categories (plot, CC_AXIS_Y, (const char * const *) labels->pdata, labels->len);
  cc_plot_set_axis_reversed (plot, CC_AXIS_Y, TRUE);
  cc_plot_set_legend (plot, CC_LEGEND_BELOW);

  add_overlays (plot, data);
  for (guint i = 0; i < data->windows->len; i++)
    add_window_row (plot, data, g_ptr_array_index (data->windows, i), i, lo, hi);
  cc_chart_set_table (chart, stability_table (data));
  return chart;
}
