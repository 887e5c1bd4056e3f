/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Compatibility matrix: a heat map of ordinal scores on a viridis scale
 * (ordered in lightness, so it survives greyscale), the score printed in
 * each cell in black or white for contrast, unknown pairs hatched, the
 * design's own pair outlined, each level's meaning in the legend.
 */
#include "config.h"

#include "cc-chart-kinds.h"
#include "cc-chart-private.h"
#include <glib/gi18n-lib.h>

#define CELL 0.47   /* half a cell, leaving a hairline gap between cells */

static double
level_t (const CcCompatibilityData *d,
         int                        score)
{
  return d->levels->len > 1 ? (double) score / (d->levels->len - 1) : 1.0;
}

static char *
level_label (const CcCompatibilityData *d,
             guint                      level)
{
  /* The meanings are kept in English (the CSV export); the legend shows them translated. */
  return g_strdup_printf ("%u — %s", level, _((char *) g_ptr_array_index (d->levels, level)));
}

static gboolean
add_cells (CcPlot                    *plot,
           const CcCompatibilityData *d)
{
  gboolean unknown = FALSE;

  for (guint r = 0; r < d->rows->len; r++)
    for (guint c = 0; c < d->cols->len; c++)
      {
        int s = cc_compatibility_data_get_score (d, r, c);
        CcRect *rect;

        if (s < 0)
          {
            rect = cc_plot_add_rect (plot, c - CELL, c + CELL, r - CELL, r + CELL, cc_paint_role (CC_PAINT_MUTED));
            cc_rect_set_style (rect, CC_FILL_HATCH, 0.5);
            unknown = TRUE;
            continue;
          }
        {
          g_autofree char *text = g_strdup_printf ("%d", s);

          cc_plot_add_rect (plot, c - CELL, c + CELL, r - CELL, r + CELL, cc_paint_sequential (level_t (d, s)));
          cc_plot_add_text (plot, c, r, text, CC_ANCHOR_CENTER, 0, 0, cc_paint_on_sequential (level_t (d, s)));
        }
      }
  return unknown;
}

static void
add_legend (CcPlot                    *plot,
            const CcCompatibilityData *d,
            gboolean                   unknown)
{
  for (guint i = d->levels->len; i-- > 0; )
    {
      g_autofree char *label = level_label (d, i);

      cc_plot_add_legend_patch (plot, label, cc_paint_sequential (level_t (d, i)), CC_FILL_SOLID, 1.0);
    }
  if (unknown)
    cc_plot_add_legend_patch (plot, _("not known"), cc_paint_role (CC_PAINT_MUTED), CC_FILL_HATCH, 0.5);
}

static void
add_highlight (CcPlot                    *plot,
               const CcCompatibilityData *d)
{
  int r = d->highlight_row, c = d->highlight_col;
  CcRect *rect;

  if (r < 0 || c < 0 || (guint) r >= d->rows->len || (guint) c >= d->cols->len)
    return;
  rect = cc_plot_add_rect (plot, c - 0.5, c + 0.5, r - 0.5, r + 0.5, cc_paint_role (CC_PAINT_FOREGROUND));
  cc_rect_set_style (rect, CC_FILL_SOLID, 0.0);
  cc_rect_set_outline (rect, 2.0);
  cc_rect_set_legend (rect, _("this design"));
}

static CcTable *
compat_table (const CcCompatibilityData *d)
{
  static const char * const columns[] = { "cam", "se", "score", "meaning", NULL };
  CcTable *t = cc_table_new (columns);

  for (guint r = 0; r < d->rows->len; r++)
    for (guint c = 0; c < d->cols->len; c++)
      {
        int s = cc_compatibility_data_get_score (d, r, c);
        guint row = cc_table_add_row (t);

        cc_table_set_text (t, row, 0, g_ptr_array_index (d->rows, r));
        cc_table_set_text (t, row, 1, g_ptr_array_index (d->cols, c));
        if (s >= 0)
          {
            cc_table_set_double (t, row, 2, s);
            cc_table_set_text (t, row, 3, g_ptr_array_index (d->levels, s));
          }
      }
  return t;
}

CcChart *
cc_chart_compatibility_new (const CcCompatibilityData *data,
                            GError                   **error)
{
  CcChart *chart;
  CcPlot *plot;
  gboolean unknown;

  if (data == NULL || data->rows->len == 0 || data->cols->len == 0 || data->levels->len == 0)
    {
      g_set_error (error, CC_CHART_ERROR, CC_CHART_ERROR_DATA,
                   "Chart “compatibility-matrix”: needs at least one row, one column and one score level");
      return NULL;
    }
  chart = cc_chart_new ("compatibility-matrix", NULL);
  plot = cc_chart_add_plot (chart);
  cc_plot_set_axis_categories (plot, CC_AXIS_X, (const char * const *) data->cols->pdata, data->cols->len);
  cc_plot_set_axis_categories (plot, CC_AXIS_Y, (const char * const *) data->rows->pdata, data->rows->len);
  cc_plot_set_axis (plot, CC_AXIS_X, CC_SCALE_CATEGORY,
                    data->col_title != NULL ? data->col_title : _("Solid electrolyte"));
  cc_plot_set_axis (plot, CC_AXIS_Y, CC_SCALE_CATEGORY,
                    data->row_title != NULL ? data->row_title : _("Cathode active material"));
  cc_plot_set_axis_reversed (plot, CC_AXIS_Y, TRUE);
  cc_plot_set_grid (plot, FALSE);
  cc_plot_set_legend (plot, CC_LEGEND_BELOW);

  unknown = add_cells (plot, data);
  add_legend (plot, data, unknown);
  add_highlight (plot, data);
  cc_chart_set_table (chart, compat_table (data));
  return chart;
}
