/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The legend: one entry per labelled series (a line sample with its dash and
 * marker) and per distinct rectangle label (a patch). Automatic placement
 * samples the drawn data in plot coordinates and takes the inside corner
 * whose box covers the fewest samples; when every corner covers some data
 * the layout moves the legend outside the plot.
 */
#include "cc-chart-private.h"

#include <math.h>

#define SAMPLE_W 22.0   /* legend line sample */
#define PATCH_W 11.0
#define INSET 4.0       /* between the legend box and the plot frame */
#define STEP 3.0        /* sampling step along lines, points */

typedef struct {
  const CcSeries *series;   /* one of series / rect */
  const CcRect   *rect;
  const char     *label;
} Entry;

static GArray *
collect_entries (const CcPlot *plot)
{
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < plot->series->len; i++)
    {
      const CcSeries *s = g_ptr_array_index (plot->series, i);
      Entry e = { s, NULL, s->label };

      if (s->in_legend && s->label != NULL && *s->label != '\0')
        g_array_append_val (entries, e);
    }
  for (guint i = 0; i < plot->rects->len; i++)
    {
      const CcRect *r = g_ptr_array_index (plot->rects, i);
      Entry e = { NULL, r, r->legend };

      if (r->legend == NULL || *r->legend == '\0' || g_hash_table_contains (seen, r->legend))
        continue;
      g_hash_table_add (seen, r->legend);
      g_array_append_val (entries, e);
    }
  return entries;
}

guint
cc_legend_count_entries (const CcPlot *plot)
{
  g_autoptr(GArray) entries = collect_entries (plot);

  return entries->len;
}

static double
legend_pad (const CcChartStyle *style)
{
  return style->font_size_pt[CC_TEXT_LEGEND] * 0.5;
}

static double
sample_width (const Entry *e)
{
  return e->series != NULL ? SAMPLE_W : PATCH_W;
}

void
cc_legend_measure (const CcPlot       *plot,
                   const CcChartStyle *style,
                   cairo_t            *cr,
                   gboolean            wide,
                   double              max_width,
                   CcLegendLayout     *out)
{
  g_autoptr(GArray) entries = collect_entries (plot);
  double pad = legend_pad (style), colw = 0, rowh = 0;
  guint rows;

  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *e = &g_array_index (entries, Entry, i);
      g_autoptr(PangoLayout) pl = cc_chart_text_layout (cr, style, CC_TEXT_LEGEND, e->label);
      double w, h;

      cc_chart_text_size (pl, &w, &h);
      colw = MAX (colw, sample_width (e) + pad + w);
      rowh = MAX (rowh, MAX (h, style->marker_size_pt + 2));
    }
  out->row_height = rowh;
  out->column_width = colw + (wide ? 2 * pad : 0);
  out->columns = 1;
  if (wide && out->column_width > 0)
    out->columns = (guint) CLAMP ((max_width - 2 * pad) / out->column_width, 1, MAX (entries->len, 1));
  rows = (entries->len + out->columns - 1) / out->columns;
  out->box.w = 2 * pad + out->columns * out->column_width - (wide ? 2 * pad : 0);
  out->box.h = 2 * pad + rows * rowh;
}

/* Data samples in plot coordinates: points, points along lines, a grid
 * over data rectangles, points along reference lines. */
/* A marker covers a disc, not a point: sample its rim too. */
static void
add_marker_samples (GArray *pts,
                    double  x,
                    double  y,
                    double  r)
{
  for (int i = 0; i < 8; i++)
    {
      double p[2] = { x + r * cos (i * G_PI / 4), y + r * sin (i * G_PI / 4) };

      g_array_append_val (pts, p);
    }
}

static GArray *
collect_samples (const CcPlot       *plot,
                 const CcPlotLayout *pl,
                 const CcChartStyle *style)
{
  GArray *pts = g_array_new (FALSE, FALSE, sizeof (double) * 2);

  for (guint i = 0; i < plot->series->len; i++)
    {
      const CcSeries *s = g_ptr_array_index (plot->series, i);
      double px = NAN, py = NAN;

      for (guint k = 0; k < s->n; k++)
        {
          double x = cc_plot_layout_px (pl, s->x[k]);
          double y = cc_plot_layout_py (pl, s->y_axis, s->y[k]);
          double p[2] = { x, y };

          if (!isfinite (x) || !isfinite (y))
            {
              px = NAN;
              continue;
            }
          g_array_append_val (pts, p);
          if (s->mode & CC_SERIES_MARKERS)
            add_marker_samples (pts, x, y, style->marker_size_pt * s->line_scale / 2);
          if ((s->mode & CC_SERIES_LINES) && isfinite (px))
            {
              double len = hypot (x - px, y - py);
              guint n = (guint) MIN (len / STEP, 2000);

              for (guint j = 1; j < n; j++)
                {
                  double q[2] = { px + (x - px) * j / n, py + (y - py) * j / n };

                  g_array_append_val (pts, q);
                }
            }
          px = x;
          py = y;
        }
    }
  for (guint i = 0; i < plot->rects->len; i++)
    {
      const CcRect *r = g_ptr_array_index (plot->rects, i);
      double x0, x1, y0, y1;

      if (!r->is_data)
        continue;
      x0 = cc_plot_layout_px (pl, r->x0);
      x1 = cc_plot_layout_px (pl, r->x1);
      y0 = cc_plot_layout_py (pl, r->y_axis, r->y0);
      y1 = cc_plot_layout_py (pl, r->y_axis, r->y1);
      for (double x = MIN (x0, x1); x <= MAX (x0, x1); x += STEP)
        for (double y = MIN (y0, y1); y <= MAX (y0, y1); y += STEP)
          {
            double p[2] = { x, y };

            g_array_append_val (pts, p);
          }
    }
  for (guint i = 0; i < plot->lines->len; i++)
    {
      const CcRefLine *l = g_ptr_array_index (plot->lines, i);

      for (double t = 0; t <= 1.0; t += 0.02)
        {
          double p[2];

          p[0] = l->vertical ? cc_plot_layout_px (pl, l->value) : pl->plot.x + t * pl->plot.w;
          p[1] = l->vertical ? pl->plot.y + t * pl->plot.h : cc_plot_layout_py (pl, CC_AXIS_Y, l->value);
          g_array_append_val (pts, p);
        }
    }
  return pts;
}

static CcBox
corner_box (const CcPlotLayout *pl,
            CcLegendPlacement   corner)
{
  CcBox b = pl->legend.box;
  gboolean right = corner == CC_LEGEND_TOP_RIGHT || corner == CC_LEGEND_BOTTOM_RIGHT;
  gboolean top = corner == CC_LEGEND_TOP_RIGHT || corner == CC_LEGEND_TOP_LEFT;

  b.x = right ? pl->plot.x + pl->plot.w - b.w - INSET : pl->plot.x + INSET;
  b.y = top ? pl->plot.y + INSET : pl->plot.y + pl->plot.h - b.h - INSET;
  return b;
}

static guint
count_inside (GArray      *pts,
              const CcBox *b)
{
  guint n = 0;

  for (guint i = 0; i < pts->len; i++)
    {
      const double *p = (const double *) (pts->data + i * 2 * sizeof (double));

      if (p[0] >= b->x - 2 && p[0] <= b->x + b->w + 2 && p[1] >= b->y - 2 && p[1] <= b->y + b->h + 2)
        n++;
    }
  return n;
}

guint
cc_legend_choose_corner (const CcPlot       *plot,
                         CcPlotLayout       *pl,
                         const CcChartStyle *style)
{
  static const CcLegendPlacement corners[] = {
    CC_LEGEND_TOP_RIGHT, CC_LEGEND_TOP_LEFT, CC_LEGEND_BOTTOM_RIGHT, CC_LEGEND_BOTTOM_LEFT,
  };
  g_autoptr(GArray) pts = NULL;
  guint best = G_MAXUINT;
  CcLegendPlacement want = plot->legend;

  if (want != CC_LEGEND_AUTO)
    {
      pl->placement = want;
      pl->legend.box = corner_box (pl, want);
      return 0;
    }
  pts = collect_samples (plot, pl, style);
  for (guint i = 0; i < G_N_ELEMENTS (corners); i++)
    {
      CcBox b = corner_box (pl, corners[i]);
      guint n = count_inside (pts, &b);

      /* A box taller or wider than the plot cannot sit inside it. */
      if (b.w > pl->plot.w - 2 * INSET || b.h > pl->plot.h - 2 * INSET)
        n = G_MAXUINT - 1;
      if (n < best)
        {
          best = n;
          pl->placement = corners[i];
          pl->legend.box = b;
        }
    }
  return best;
}

static void
draw_sample (cairo_t            *cr,
             const Entry        *e,
             const CcChartStyle *style,
             double              x,
             double              yc)
{
  if (e->series != NULL)
    {
      const CcSeries *s = e->series;
      CcRgba c = cc_series_colour (s, style);
      double lw = style->line_width_pt * s->line_scale;

      if (s->mode & CC_SERIES_LINES)
        {
          cairo_save (cr);
          cc_chart_set_source (cr, &c, 1.0);
          cairo_set_line_width (cr, lw);
          cc_chart_set_dash (cr, cc_series_dash (s), lw);
          cairo_move_to (cr, x, yc);
          cairo_line_to (cr, x + SAMPLE_W, yc);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      if (s->mode & CC_SERIES_MARKERS)
        cc_chart_draw_marker (cr, cc_series_marker (s), x + SAMPLE_W / 2, yc, style->marker_size_pt,
                              s->filled, &c, &style->plot_background, style->axis_width_pt);
    }
  else
    {
      CcRgba c = cc_chart_style_resolve (style, &e->rect->fill);
      double h = MIN (style->font_size_pt[CC_TEXT_LEGEND], 9);
      CcBox b = { x, yc - h / 2, PATCH_W, h };

      cc_chart_fill_rect (cr, &b, &c, e->rect->fill_style, e->rect->alpha);
      if (e->rect->outline > 0 || e->rect->fill_style == CC_FILL_HATCH)
        {
          cairo_save (cr);
          cc_chart_set_source (cr, e->rect->outline > 0 ? &style->foreground : &c, 1.0);
          cairo_set_line_width (cr, e->rect->outline > 0 ? e->rect->outline : 0.6);
          cairo_rectangle (cr, b.x, b.y, b.w, b.h);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
    }
}

void
cc_legend_draw (const CcPlot       *plot,
                const CcPlotLayout *pl,
                const CcChartStyle *style,
                cairo_t            *cr)
{
  g_autoptr(GArray) entries = NULL;
  const CcBox *b = &pl->legend.box;
  double pad = legend_pad (style);

  if (!pl->legend.visible)
    return;
  entries = collect_entries (plot);

  cairo_save (cr);
  cairo_rectangle (cr, b->x, b->y, b->w, b->h);
  cc_chart_set_source (cr, &style->plot_background, 0.9);
  cairo_fill_preserve (cr);
  cc_chart_set_source (cr, &style->muted, 0.6);
  cairo_set_line_width (cr, 0.5);
  cairo_stroke (cr);

  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *e = &g_array_index (entries, Entry, i);
      guint row = i / pl->legend.columns, col = i % pl->legend.columns;
      double x = b->x + pad + col * pl->legend.column_width;
      double yc = b->y + pad + (row + 0.5) * pl->legend.row_height;
      g_autoptr(PangoLayout) layout = cc_chart_text_layout (cr, style, CC_TEXT_LEGEND, e->label);

      draw_sample (cr, e, style, x, yc);
      cc_chart_set_source (cr, &style->foreground, 1.0);
      cc_chart_text_draw (cr, layout, x + sample_width (e) + pad, yc, CC_ANCHOR_W, 0);
    }
  cairo_restore (cr);
}
