/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Impedance charts. Nyquist: −Z″ up against Z′ on equal-aspect axes (so a
 * semicircle looks like one) with the frequency of every decade marked on
 * one spectrum; Bode: |Z| and −phase against frequency in two stacked
 * panels that share the frequency axis.
 */
#include "config.h"

#include "cc-chart-kinds.h"
#include "cc-chart-private.h"

#include <math.h>
#include <glib/gi18n-lib.h>

static gboolean
check_spectra (const CcImpedanceData *data,
               const char            *kind,
               GError               **error)
{
  if (data != NULL)
    for (guint i = 0; i < data->spectra->len; i++)
      {
        const CcSpectrum *s = g_ptr_array_index (data->spectra, i);

        for (guint k = 0; k < s->n; k++)
          if (isfinite (s->z_re[k]) && isfinite (s->z_im[k]))
            return TRUE;
      }
  g_set_error (error, CC_CHART_ERROR, CC_CHART_ERROR_DATA,
               "Chart “%s”: there are no impedance spectra with data to plot", kind);
  return FALSE;
}

static const char *
unit (const CcImpedanceData *data)
{
  return data->area_specific ? "Ω cm<sup>2</sup>" : "Ω";
}

static CcTable *
impedance_table (const CcImpedanceData *data)
{
  const char *columns[] = {
    "spectrum", "role", "frequency_Hz",
    data->area_specific ? "z_re_ohm_cm2" : "z_re_ohm",
    data->area_specific ? "z_im_ohm_cm2" : "z_im_ohm",
    data->area_specific ? "z_abs_ohm_cm2" : "z_abs_ohm",
    "phase_deg", NULL
  };
  CcTable *t = cc_table_new (columns);

  for (guint i = 0; i < data->spectra->len; i++)
    {
      const CcSpectrum *s = g_ptr_array_index (data->spectra, i);

      for (guint k = 0; k < s->n; k++)
        {
          guint r = cc_table_add_row (t);

          cc_table_set_text (t, r, 0, s->label);
          cc_table_set_text (t, r, 1, s->role == CC_CURVE_MEASURED ? "measured" : "model");
          cc_table_set_double (t, r, 2, s->frequency_Hz[k]);
          cc_table_set_double (t, r, 3, s->z_re[k]);
          cc_table_set_double (t, r, 4, s->z_im[k]);
          cc_table_set_double (t, r, 5, hypot (s->z_re[k], s->z_im[k]));
          cc_table_set_double (t, r, 6, atan2 (s->z_im[k], s->z_re[k]) * 180 / G_PI);
        }
    }
  return t;
}

static void
style_series (CcSeries         *series,
              const CcSpectrum *spectrum,
              guint             index)
{
  cc_series_set_style (series, index, index, index);
  if (spectrum->role == CC_CURVE_MEASURED)
    {
      cc_series_set_mode (series, CC_SERIES_MARKERS);
      cc_series_set_marker_filled (series, FALSE);
    }
  else
    cc_series_set_mode (series, CC_SERIES_LINES);
}

/* "1 kHz", "100 mHz": decades with SI prefixes. */
static char *
decade_label (int k)
{
  static const char * const prefixes[] = { "m", "", "k", "M", "G" };
  int group = (int) floor (k / 3.0);
  int rest = k - 3 * group;

  if (group < -1 || group > 3)
    return g_strdup_printf ("10<sup>%d</sup> Hz", k);
  return g_strdup_printf ("%d %sHz", rest == 0 ? 1 : rest == 1 ? 10 : 100, prefixes[group + 1]);
}

/* The spectrum that carries the frequency marks. */
static const CcSpectrum *
reference_spectrum (const CcImpedanceData *data)
{
  for (guint i = 0; i < data->spectra->len; i++)
    {
      const CcSpectrum *s = g_ptr_array_index (data->spectra, i);

      if (s->role == CC_CURVE_MODEL && s->n >= 2)
        return s;
    }
  return ((CcSpectrum *) g_ptr_array_index (data->spectra, 0))->n >= 2 ? g_ptr_array_index (data->spectra, 0)
                                                                        : NULL;
}

/* The label goes on the side of the curve that faces up, along the local
 * normal; on equal-aspect axes data directions are screen directions. */
static void
label_placement (double     tx,
                 double     ty,
                 CcAnchor  *anchor,
                 double    *dx,
                 double    *dy)
{
  double nx = -ty, ny = tx, len = hypot (tx, ty), deg;

  if (ny < 0 || (ny == 0 && nx < 0))
    {
      nx = -nx;
      ny = -ny;
    }
  if (len > 0)
    {
      nx /= len;
      ny /= len;
    }
  else
    {
      nx = 0;
      ny = 1;
    }
  deg = atan2 (ny, nx) * 180 / G_PI;
  *anchor = deg < 22.5 ? CC_ANCHOR_W : deg < 67.5 ? CC_ANCHOR_SW : deg < 112.5 ? CC_ANCHOR_S
          : deg < 157.5 ? CC_ANCHOR_SE : CC_ANCHOR_E;
  *dx = 5 * nx;
  *dy = -5 * ny;
}

static void
add_decade_marks (CcPlot           *plot,
                  const CcSpectrum *s)
{
  g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ys = g_array_new (FALSE, FALSE, sizeof (double));
  CcSeries *series;

  for (guint j = 0; j + 1 < s->n; j++)
    {
      double f0 = s->frequency_Hz[j], f1 = s->frequency_Hz[j + 1];
      double l0, l1;

      if (!(f0 > 0 && f1 > 0) || f0 == f1)
        continue;
      l0 = log10 (f0);
      l1 = log10 (f1);
      for (int k = (int) ceil (MIN (l0, l1)); k <= floor (MAX (l0, l1)); k++)
        {
          double t = (k - l0) / (l1 - l0);
          double x = s->z_re[j] + t * (s->z_re[j + 1] - s->z_re[j]);
          double y = -(s->z_im[j] + t * (s->z_im[j + 1] - s->z_im[j]));
          g_autofree char *label = NULL;
          CcAnchor anchor;
          double dx, dy;

          /* A decade on a segment end is counted on the segment it starts. */
          if (t == 1.0 && j + 2 < s->n)
            continue;
          if (!isfinite (x) || !isfinite (y))
            continue;
          label = decade_label (k);
          label_placement (s->z_re[j + 1] - s->z_re[j], -(s->z_im[j + 1] - s->z_im[j]), &anchor, &dx, &dy);
          cc_plot_add_text_if_room (plot, x, y, label, anchor, dx, dy, cc_paint_role (CC_PAINT_MUTED));
          g_array_append_val (xs, x);
          g_array_append_val (ys, y);
        }
    }
  if (xs->len == 0)
    return;
  series = cc_plot_add_series (plot, NULL, (double *) xs->data, (double *) ys->data, xs->len);
  cc_series_set_mode (series, CC_SERIES_MARKERS);
  cc_series_set_style (series, 6, 0, CC_MARKER_DIAMOND);   /* palette 6: black / white */
  cc_series_set_line_scale (series, 0.8);
}

CcChart *
cc_chart_nyquist_new (const CcImpedanceData *data,
                      GError               **error)
{
  g_autofree char *x_title = NULL;
  g_autofree char *y_title = NULL;
  const CcSpectrum *ref;
  CcChart *chart;
  CcPlot *plot;

  if (!check_spectra (data, "nyquist", error))
    return NULL;
  x_title = g_strdup_printf ("Z′ (%s)", unit (data));
  y_title = g_strdup_printf ("−Z″ (%s)", unit (data));
  chart = cc_chart_new ("nyquist", NULL);
  plot = cc_chart_add_plot (chart);
  cc_plot_set_axis (plot, CC_AXIS_X, CC_SCALE_LINEAR, x_title);
  cc_plot_set_axis (plot, CC_AXIS_Y, CC_SCALE_LINEAR, y_title);
  cc_plot_set_axis_include_zero (plot, CC_AXIS_X, TRUE);
  cc_plot_set_axis_include_zero (plot, CC_AXIS_Y, TRUE);
  cc_plot_set_equal_aspect (plot, TRUE);

  for (guint i = 0; i < data->spectra->len; i++)
    {
      const CcSpectrum *s = g_ptr_array_index (data->spectra, i);
      g_autofree double *y = g_new (double, s->n + 1);
      CcSeries *series;

      for (guint k = 0; k < s->n; k++)
        y[k] = -s->z_im[k];
      series = cc_plot_add_series (plot, s->label, s->z_re, y, s->n);
      style_series (series, s, i);
    }
  ref = reference_spectrum (data);
  if (ref != NULL)
    add_decade_marks (plot, ref);
  cc_chart_set_table (chart, impedance_table (data));
  return chart;
}

CcChart *
cc_chart_bode_new (const CcImpedanceData *data,
                   GError               **error)
{
  g_autofree char *abs_title = NULL;
  CcChart *chart;
  CcPlot *top, *bottom;

  if (!check_spectra (data, "bode", error))
    return NULL;
  abs_title = g_strdup_printf ("|Z| (%s)", unit (data));
  chart = cc_chart_new ("bode", NULL);
  cc_chart_set_grid (chart, 2, 1);
  top = cc_chart_add_plot (chart);
  bottom = cc_chart_add_plot (chart);
  cc_plot_set_axis (top, CC_AXIS_X, CC_SCALE_LOG, NULL);
  cc_plot_set_axis (top, CC_AXIS_Y, CC_SCALE_LOG, abs_title);
  cc_plot_set_axis (bottom, CC_AXIS_X, CC_SCALE_LOG, _("Frequency (Hz)"));
  cc_plot_set_axis (bottom, CC_AXIS_Y, CC_SCALE_LINEAR, _("−Phase (°)"));
  cc_plot_set_axis_include_zero (bottom, CC_AXIS_Y, TRUE);
  cc_plot_set_legend (bottom, CC_LEGEND_NONE);

  for (guint i = 0; i < data->spectra->len; i++)
    {
      const CcSpectrum *s = g_ptr_array_index (data->spectra, i);
      g_autofree double *mag = g_new (double, s->n + 1);
      g_autofree double *phase = g_new (double, s->n + 1);

      for (guint k = 0; k < s->n; k++)
        {
          mag[k] = hypot (s->z_re[k], s->z_im[k]);
          phase[k] = -atan2 (s->z_im[k], s->z_re[k]) * 180 / G_PI;
        }
      style_series (cc_plot_add_series (top, s->label, s->frequency_Hz, mag, s->n), s, i);
      style_series (cc_plot_add_series (bottom, s->label, s->frequency_Hz, phase, s->n), s, i);
    }
  cc_chart_set_table (chart, impedance_table (data));
  return chart;
}
