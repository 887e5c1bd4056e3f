/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a chart must satisfy before it is drawn. A log axis cannot show zero
 * or negative values; rather than clip them silently (and draw a curve that
 * looks plausible but is not the data), the chart is refused with a message
 * naming the panel, the series, the point and the axis.
 */
#include "cc-chart-private.h"

#include <math.h>

static const char * const axis_names[CC_N_AXES] = { "x", "y", "second y" };

static char *
axis_title_text (const CcPlot *plot,
                 CcAxisId      axis)
{
  g_autofree char *t = cc_markup_to_text (plot->axes[axis].title);

  if (*t == '\0')
    return g_strdup_printf ("the %s axis", axis_names[axis]);
  return g_strdup_printf ("the %s axis “%s”", axis_names[axis], t);
}

static gboolean
fail_value (const CcPlot *plot,
            guint         panel,
            CcAxisId      axis,
            const char   *what,
            double        value,
            GError      **error)
{
  g_autofree char *title = axis_title_text (plot, axis);
  g_autofree char *v = cc_format_number (value, 6, TRUE);

  g_set_error (error, CC_CHART_ERROR, CC_CHART_ERROR_DATA,
               "Chart “%s”, panel %u: %s is %s, but %s is logarithmic and needs positive values",
               plot->chart->kind, panel + 1, what, v, title);
  return FALSE;
}

static gboolean
check_series (const CcPlot   *plot,
              guint           panel,
              const CcSeries *s,
              GError        **error)
{
  g_autofree char *label = cc_markup_to_text (s->label);
  gboolean xlog = plot->axes[CC_AXIS_X].scale == CC_SCALE_LOG;
  gboolean ylog = plot->axes[s->y_axis].scale == CC_SCALE_LOG;

  for (guint i = 0; i < s->n; i++)
    {
      if (xlog && isfinite (s->x[i]) && s->x[i] <= 0)
        {
          g_autofree char *what = g_strdup_printf ("x of point %u of series “%s”", i + 1, label);

          return fail_value (plot, panel, CC_AXIS_X, what, s->x[i], error);
        }
      if (ylog && isfinite (s->y[i]) && s->y[i] <= 0)
        {
          g_autofree char *what = g_strdup_printf ("y of point %u of series “%s”", i + 1, label);

          return fail_value (plot, panel, s->y_axis, what, s->y[i], error);
        }
    }
  return TRUE;
}

static gboolean
check_positive (const CcPlot *plot,
                guint         panel,
                CcAxisId      axis,
                double        value,
                const char   *what,
                GError      **error)
{
  if (plot->axes[axis].scale != CC_SCALE_LOG || !isfinite (value) || value > 0)
    return TRUE;
  return fail_value (plot, panel, axis, what, value, error);
}

static gboolean
check_layers (const CcPlot *plot,
              guint         panel,
              GError      **error)
{
  for (guint i = 0; i < plot->series->len; i++)
    if (!check_series (plot, panel, g_ptr_array_index (plot->series, i), error))
      return FALSE;
  for (guint i = 0; i < plot->rects->len; i++)
    {
      const CcRect *r = g_ptr_array_index (plot->rects, i);

      if (!check_positive (plot, panel, CC_AXIS_X, r->x0, "the left edge of a bar or band", error) ||
          !check_positive (plot, panel, r->y_axis, r->y0, "the lower edge of a bar or band", error))
        return FALSE;
    }
  for (guint i = 0; i < plot->lines->len; i++)
    {
      const CcRefLine *l = g_ptr_array_index (plot->lines, i);

      if (!check_positive (plot, panel, l->vertical ? CC_AXIS_X : CC_AXIS_Y, l->value,
                           "a reference line", error))
        return FALSE;
    }
  for (guint i = 0; i < plot->texts->len; i++)
    {
      const CcText *t = g_ptr_array_index (plot->texts, i);

      if (!check_positive (plot, panel, CC_AXIS_X, t->x, "the position of a label", error) ||
          !check_positive (plot, panel, CC_AXIS_Y, t->y, "the position of a label", error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_axes (const CcPlot *plot,
            guint         panel,
            GError      **error)
{
  for (guint a = 0; a < CC_N_AXES; a++)
    {
      const CcAxis *axis = &plot->axes[a];

      if (isfinite (axis->min) && isfinite (axis->max) && axis->min >= axis->max)
        {
          g_set_error (error, CC_CHART_ERROR, CC_CHART_ERROR_INVALID,
                       "Chart “%s”, panel %u: the %s axis range %g … %g is empty",
                       plot->chart->kind, panel + 1, axis_names[a], axis->min, axis->max);
          return FALSE;
        }
      if (!check_positive (plot, panel, a, axis->min, "the fixed axis minimum", error))
        return FALSE;
    }
  if (plot->equal_aspect &&
      (plot->axes[CC_AXIS_X].scale != CC_SCALE_LINEAR || plot->axes[CC_AXIS_Y].scale != CC_SCALE_LINEAR))
    {
      g_set_error (error, CC_CHART_ERROR, CC_CHART_ERROR_INVALID,
                   "Chart “%s”, panel %u: equal aspect needs two linear axes",
                   plot->chart->kind, panel + 1);
      return FALSE;
    }
  return TRUE;
}

gboolean
cc_chart_check (const CcChart  *chart,
                GError        **error)
{
  g_return_val_if_fail (chart != NULL, FALSE);

  if (chart->plots->len == 0)
    {
      g_set_error (error, CC_CHART_ERROR, CC_CHART_ERROR_DATA,
                   "Chart “%s” has no panels to draw", chart->kind);
      return FALSE;
    }
  for (guint p = 0; p < chart->plots->len; p++)
    {
      const CcPlot *plot = g_ptr_array_index (chart->plots, p);

      if (!check_axes (plot, p, error) || !check_layers (plot, p, error))
        return FALSE;
    }
  return TRUE;
}
