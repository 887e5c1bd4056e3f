/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cc-chart-overlay.h"
#include "cc-chart-kinds.h"
#include "cc-chart-private.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

/* Colour preferences (palette indices): pins take purple, orange, sky
 * blue, … so they stay off the blue and vermillion of the chart's own
 * first series; the first measured file is black, like data in a paper. */
static const guint pin_colours[] = { 3, 4, 5, 2, 1, 0, 7, 6 };
static const guint measured_colours[] = { 6, 1, 2, 4, 5, 3, 0, 7 };

gboolean
cc_chart_kind_takes_overlays (const char *kind)
{
  static const char * const kinds[] = {
    "voltage-profile", "cycling", "rate-capability", "ragone", "nyquist", "bode", "drt", NULL
  };

  return kind != NULL && g_strv_contains (kinds, kind);
}

static gboolean
labelled (const CcSeries *s)
{
  return s->label != NULL && s->label[0] != '\0';
}

static guint
free_colour (const CcChart *chart,
             CcOverlayKind  kind)
{
  const guint *prefs = kind == CC_OVERLAY_PINNED ? pin_colours : measured_colours;
  gboolean used[CC_CHART_PALETTE_SIZE] = { FALSE };

  for (guint p = 0; p < chart->plots->len; p++)
    {
      const CcPlot *plot = g_ptr_array_index (chart->plots, p);

      for (guint i = 0; i < plot->series->len; i++)
        {
          const CcSeries *s = g_ptr_array_index (plot->series, i);

          if (labelled (s))
            used[(s->colour >= 0 ? (guint) s->colour : s->auto_index) % CC_CHART_PALETTE_SIZE] = TRUE;
        }
    }
  for (guint i = 0; i < CC_CHART_PALETTE_SIZE; i++)
    if (!used[prefs[i]])
      return prefs[i];
  return prefs[0];
}

static guint
legend_entries (const CcPlot *plot)
{
  guint n = 0;

  for (guint i = 0; i < plot->series->len; i++)
    {
      const CcSeries *s = g_ptr_array_index (plot->series, i);

      n += s->in_legend && labelled (s);
    }
  return n;
}

/* The chart's own series of that label, among the first @n. */
static const CcSeries *
find_twin (const CcPlot *plot,
           guint         n,
           const char   *label)
{
  for (guint i = 0; i < n; i++)
    {
      const CcSeries *s = g_ptr_array_index (plot->series, i);

      if (g_strcmp0 (s->label, label) == 0)
        return s;
    }
  return NULL;
}

static double
axis_value (double  v,
            CcScale scale)
{
  return scale == CC_SCALE_LOG ? (v > 0 ? log10 (v) : NAN) : v;
}

/* Up to @max points evenly spaced along the curve, with lengths measured
 * in units of the curve's own extent on each axis (log10 on log axes).
 * The first and the last point are always kept. */
static guint
thin_out (const CcSeries *s,
          const CcPlot   *plot,
          guint           max,
          double         *x,
          double         *y)
{
  CcScale xs = plot->axes[CC_AXIS_X].scale, ys = plot->axes[s->y_axis].scale;
  double lo[2] = { INFINITY, INFINITY }, hi[2] = { -INFINITY, -INFINITY };
  g_autofree double *walked = g_new (double, s->n);
  double px = NAN, py = NAN, next = 0, total;
  guint kept = 0;

  for (guint k = 0; k < s->n; k++)
    {
      double u = axis_value (s->x[k], xs), v = axis_value (s->y[k], ys);

      if (isfinite (u) && isfinite (v))
        {
          lo[0] = MIN (lo[0], u), hi[0] = MAX (hi[0], u);
          lo[1] = MIN (lo[1], v), hi[1] = MAX (hi[1], v);
        }
    }
  total = 0;
  for (guint k = 0; k < s->n; k++)
    {
      double u = (axis_value (s->x[k], xs) - lo[0]) / (hi[0] > lo[0] ? hi[0] - lo[0] : 1);
      double v = (axis_value (s->y[k], ys) - lo[1]) / (hi[1] > lo[1] ? hi[1] - lo[1] : 1);

      if (isfinite (u) && isfinite (v))
        {
          if (isfinite (px))
            total += hypot (u - px, v - py);
          px = u, py = v;
        }
      walked[k] = isfinite (u) && isfinite (v) ? total : NAN;
    }
  for (guint k = 0; k < s->n && kept < max; k++)
    if (walked[k] >= next)
      {
        x[kept] = s->x[k];
        y[kept] = s->y[k];
        kept++;
        next = kept * total / (max - 1) - 1e-9 * total;   /* rounding must not drop the last point */
      }
  return kept;
}

static CcSeries *
copy_series (CcPlot         *dst,
             const CcSeries *s,
             const char     *label,
             gboolean        thin)
{
  g_autofree double *x = NULL;
  g_autofree double *y = NULL;
  CcSeries *o;
  guint n = s->n;

  if (thin && n > CC_OVERLAY_MAX_MARKERS)
    {
      x = g_new (double, CC_OVERLAY_MAX_MARKERS);
      y = g_new (double, CC_OVERLAY_MAX_MARKERS);
      n = thin_out (s, dst, CC_OVERLAY_MAX_MARKERS, x, y);
    }
  o = cc_plot_add_series (dst, label, x != NULL ? x : s->x, y != NULL ? y : s->y, n);
  o->mode = s->mode;
  o->y_axis = s->y_axis;
  o->filled = s->filled;
  o->line_scale = s->line_scale;
  o->in_legend = s->in_legend;
  return o;
}

/* One panel: the labelled series of @src over @dst. */
static void
overlay_plot (CcPlot        *dst,
              const CcPlot  *src,
              CcOverlayKind  kind,
              const char    *prefix,
              guint          colour)
{
  guint before = dst->series->len, entries = legend_entries (src);
  gboolean all_twinned = TRUE;
  CcSeries *first = NULL;

  for (guint i = 0; i < src->series->len; i++)
    {
      const CcSeries *s = g_ptr_array_index (src->series, i);
      const CcSeries *twin;
      g_autofree char *label = NULL;
      CcSeries *o;

      /* Unlabelled series are decorations (the Nyquist plot's decades). */
      if (!labelled (s))
        continue;
      twin = find_twin (dst, before, s->label);
      label = entries <= 1 ? g_strdup (prefix) : g_strdup_printf ("%s · %s", prefix, s->label);
      o = copy_series (dst, s, label, kind == CC_OVERLAY_MEASURED);
      o->colour = (int) colour;
      o->dash = cc_series_dash (twin != NULL ? twin : s);
      o->marker = cc_series_marker (twin != NULL ? twin : s);
      all_twinned = all_twinned && twin != NULL;
      if (first == NULL)
        first = o;
    }
  /* A pinned design whose curves all match the chart's own (same C-rates,
   * same cycles) needs one legend entry: the chart's legend already says
   * which dash is which curve. */
  if (kind == CC_OVERLAY_PINNED && entries > 1 && all_twinned && first != NULL)
    {
      CcSeries *key;

      for (guint i = before; i < dst->series->len; i++)
        ((CcSeries *) g_ptr_array_index (dst->series, i))->in_legend = FALSE;
      key = cc_plot_add_series (dst, prefix, NULL, NULL, 0);
      key->mode = first->mode;
      key->colour = first->colour;
      key->dash = first->dash;
      key->marker = first->marker;
      key->filled = first->filled;
    }
}

/* The overlay's rows in the chart's table: its label in the first column
 * (with the row's own label unless that is @redundant, the name already
 * in the label), "pinned" as the role of a pinned design's rows. */
static void
overlay_table (CcTable       *dst,
               const CcTable *src,
               CcOverlayKind  kind,
               const char    *prefix,
               const char    *redundant)
{
  int role = cc_table_find_column (dst, "role");
  guint first = cc_table_append_rows (dst, src);
  g_autofree char *plain = cc_markup_to_text (prefix);

  for (guint r = first; r < cc_table_get_n_rows (dst); r++)
    {
      const char *own = cc_table_get_cell (dst, r, 0);
      gboolean useful = own != NULL && own[0] != '\0' && g_strcmp0 (own, redundant) != 0;
      g_autofree char *label = useful ? g_strdup_printf ("%s · %s", plain, own) : g_strdup (plain);

      cc_table_set_plain (dst, r, 0, label);
      if (role >= 0 && kind == CC_OVERLAY_PINNED)
        cc_table_set_plain (dst, r, role, "pinned");
    }
}

static gboolean
check_match (const CcChart  *chart,
             const CcChart  *source,
             GError        **error)
{
  if (!cc_chart_kind_takes_overlays (chart->kind))
    {
      g_set_error (error, CC_CHART_ERROR, CC_CHART_ERROR_DATA, "Chart “%s” takes no overlays", chart->kind);
      return FALSE;
    }
  if (!g_str_equal (chart->kind, source->kind) || chart->plots->len != source->plots->len)
    {
      g_set_error (error, CC_CHART_ERROR, CC_CHART_ERROR_DATA,
                   "Chart “%s”: an overlay must be a chart of the same kind, not “%s”", chart->kind, source->kind);
      return FALSE;
    }
  if ((chart->table == NULL) != (source->table == NULL)
      || (chart->table != NULL && !cc_table_same_columns (chart->table, source->table)))
    {
      guint c = 0;

      while (chart->table != NULL && source->table != NULL && c + 1 < cc_table_get_n_columns (chart->table)
             && c + 1 < cc_table_get_n_columns (source->table)
             && g_str_equal (cc_table_get_column (chart->table, c), cc_table_get_column (source->table, c)))
        c++;
      g_set_error (error, CC_CHART_ERROR, CC_CHART_ERROR_DATA,
                   "Chart “%s”: the overlay's data has other columns (“%s” where the chart has “%s”)", chart->kind,
                   source->table != NULL ? cc_table_get_column (source->table, c) : "none",
                   chart->table != NULL ? cc_table_get_column (chart->table, c) : "none");
      return FALSE;
    }
  return TRUE;
}

/* Overlays add data beyond the ranges the builder fixed for its own. */
static void
refit_axes (CcChart *chart)
{
  for (guint p = 0; p < chart->plots->len; p++)
    {
      CcPlot *plot = g_ptr_array_index (chart->plots, p);

      if (g_str_equal (chart->kind, "cycling"))
        cc_plot_separate_cycling_axes (plot);
      else if (isfinite (plot->axes[CC_AXIS_Y].max) && plot->texts->len > 0
               && plot->axes[CC_AXIS_Y].scale == CC_SCALE_LINEAR)
        cc_plot_leave_headroom (plot);
    }
}

static gboolean
add_overlay (CcChart        *chart,
             const CcChart  *source,
             CcOverlayKind   kind,
             const char     *label_markup,
             const char     *redundant,
             GError        **error)
{
  guint colour;

  if (!check_match (chart, source, error))
    return FALSE;
  colour = free_colour (chart, kind);
  for (guint p = 0; p < chart->plots->len; p++)
    overlay_plot (g_ptr_array_index (chart->plots, p), g_ptr_array_index (source->plots, p), kind,
                  label_markup, colour);
  if (chart->table != NULL)
    overlay_table (chart->table, source->table, kind, label_markup, redundant);
  refit_axes (chart);
  g_clear_pointer (&chart->layout, cc_chart_layout_free);
  return TRUE;
}

gboolean
cc_chart_add_overlay (CcChart        *chart,
                      const CcChart  *source,
                      CcOverlayKind   kind,
                      const char     *label_markup,
                      GError        **error)
{
  g_return_val_if_fail (chart != NULL && source != NULL && label_markup != NULL, FALSE);
  return add_overlay (chart, source, kind, label_markup, NULL, error);
}

/* A name short enough for a legend: without a table file's extension,
 * and the middle left out beyond 32 characters (the ends tell files and
 * designs apart best). Markup-escaped. */
static char *
legend_name (const char *name)
{
  static const char * const extensions[] = { ".csv", ".CSV", ".tsv", ".txt", ".dat", NULL };
  g_autofree char *text = g_strdup (name != NULL ? name : "");
  glong len;

  for (guint i = 0; extensions[i] != NULL; i++)
    if (g_str_has_suffix (text, extensions[i]) && strlen (text) > strlen (extensions[i]))
      text[strlen (text) - strlen (extensions[i])] = '\0';
  len = g_utf8_strlen (text, -1);
  if (len > 32)
    {
      g_autofree char *head = g_utf8_substring (text, 0, 15);
      g_autofree char *tail = g_utf8_substring (text, len - 15, len);

      g_free (text);
      text = g_strconcat (head, "…", tail, NULL);
    }
  return g_markup_escape_text (text, -1);
}

gboolean
cc_chart_add_pinned (CcChart       *chart,
                     const CcChart *pinned,
                     const char    *name,
                     GError       **error)
{
  g_autofree char *escaped = legend_name (name);
  /* TRANSLATORS: legend entry of a pinned design's curves; %s is its name. */
  g_autofree char *label = g_strdup_printf (_("pinned model: %s"), escaped);

  return cc_chart_add_overlay (chart, pinned, CC_OVERLAY_PINNED, label, error);
}

/* Ω ↔ Ω cm²: the measured spectra scaled by the electrode area. */
static CcImpedanceData *
impedance_in_units (const CcImpedanceData *data,
                    gboolean               area_specific,
                    double                 area_cm2)
{
  double factor = area_specific ? area_cm2 : 1 / area_cm2;
  CcImpedanceData *out = cc_impedance_data_new (area_specific);

  for (guint i = 0; i < data->spectra->len; i++)
    {
      const CcSpectrum *s = g_ptr_array_index (data->spectra, i);
      g_autofree double *re = g_new (double, MAX (s->n, 1));
      g_autofree double *im = g_new (double, MAX (s->n, 1));

      for (guint k = 0; k < s->n; k++)
        re[k] = factor * s->z_re[k], im[k] = factor * s->z_im[k];
      cc_impedance_data_add_spectrum (out, s->label, s->role, s->frequency_Hz, re, im, s->n);
    }
  return out;
}

static gboolean
chart_area_specific (const CcChart *chart)
{
  return chart->table != NULL && cc_table_find_column (chart->table, "z_re_ohm_cm2") >= 0;
}

static CcChart *
impedance_chart (const CcChart         *chart,
                 const CcImpedanceData *data,
                 double                 area_cm2,
                 char                 **note,
                 GError               **error)
{
  gboolean want = chart_area_specific (chart);
  g_autoptr(CcImpedanceData) scaled = NULL;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (data->area_specific != want)
    {
      if (!(area_cm2 > 0) || !isfinite (area_cm2))
        {
          g_set_error (error, CC_CHART_ERROR, CC_CHART_ERROR_DATA,
                       "Chart “%s” is in %s but the measured spectrum is in %s: the electrode area is needed",
                       chart->kind, want ? "ohm cm2" : "ohm", want ? "ohm" : "ohm cm2");
          return NULL;
        }
      scaled = impedance_in_units (data, want, area_cm2);
      data = scaled;
      *note = g_strdup_printf (want ? " (× %s cm<sup>2</sup>)" : " (÷ %s cm<sup>2</sup>)",
                               g_ascii_formatd (buf, sizeof buf, "%.3g", area_cm2));
    }
  return g_str_equal (chart->kind, "bode") ? cc_chart_bode_new (data, error) : cc_chart_nyquist_new (data, error);
}

/* The measured data as a chart of @chart's kind. */
static CcChart *
measured_chart (const CcChart        *chart,
                const CcMeasuredData *data,
                double                area_cm2,
                char                **note,
                GError              **error)
{
  switch (data->kind)
    {
    case CC_MEASURED_VOLTAGE:
      return cc_chart_voltage_profile_new (data->curves, NULL, error);
    case CC_MEASURED_CYCLING:
      return cc_chart_cycling_new (data->cycling, error);
    case CC_MEASURED_RATE:
      return cc_chart_rate_capability_new (data->curves, error);
    case CC_MEASURED_IMPEDANCE:
      return impedance_chart (chart, data->impedance, area_cm2, note, error);
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
cc_chart_add_measured (CcChart              *chart,
                       const CcMeasuredData *data,
                       double                area_cm2,
                       GError              **error)
{
  g_autoptr(CcChart) source = NULL;
  g_autofree char *note = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (chart != NULL && data != NULL, FALSE);

  if (cc_measured_kind_for_chart (chart->kind) != data->kind)
    {
      g_set_error (error, CC_CHART_ERROR, CC_CHART_ERROR_DATA, "Chart “%s” cannot show measured %s data (%s)",
                   chart->kind, cc_measured_kind_to_string (data->kind), data->name);
      return FALSE;
    }
  source = measured_chart (chart, data, area_cm2, &note, error);
  if (source == NULL)
    return FALSE;
  escaped = legend_name (data->name);
  /* TRANSLATORS: legend entry of measured data; %s is the file name. */
  label = g_strdup_printf (_("measured: %s%s"), escaped, note != NULL ? note : "");
  /* The rows of a file's single curve or run are labelled with its name. */
  return add_overlay (chart, source, CC_OVERLAY_MEASURED, label, data->name, error);
}
