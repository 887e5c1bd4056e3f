/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one render function. Layers go back to front: bands and bars,
 * reference lines, series lines, markers, text; then the frame and ticks
 * over the data edges, then the legend.
 */
#include "cc-chart-private.h"
#include "cc-chart-render.h"

#include <math.h>

#define HATCH_SPACING 4.0

void
cc_chart_fill_rect (cairo_t      *cr,
                    const CcBox  *b,
                    const CcRgba *c,
                    CcFillStyle   fill_style,
                    double        alpha)
{
  cairo_save (cr);
  cairo_rectangle (cr, b->x, b->y, b->w, b->h);
  if (fill_style == CC_FILL_SOLID)
    {
      cc_chart_set_source (cr, c, alpha);
      cairo_fill (cr);
      cairo_restore (cr);
      return;
    }
  /* Hatch: a faint tint plus 45° lines, so the area reads in greyscale and
   * what lies beneath stays visible. */
  cairo_clip_preserve (cr);
  cc_chart_set_source (cr, c, alpha * 0.18);
  cairo_fill (cr);
  cc_chart_set_source (cr, c, alpha);
  cairo_set_line_width (cr, 0.8);
  for (double d = -b->h; d < b->w; d += HATCH_SPACING)
    {
      cairo_move_to (cr, b->x + d, b->y + b->h);
      cairo_line_to (cr, b->x + d + b->h, b->y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_rects (const CcPlot       *plot,
            const CcPlotLayout *pl,
            const CcChartStyle *style,
            cairo_t            *cr)
{
  for (guint i = 0; i < plot->rects->len; i++)
    {
      const CcRect *r = g_ptr_array_index (plot->rects, i);
      CcRgba c = cc_chart_style_resolve (style, &r->fill);
      double x0 = cc_plot_layout_px (pl, r->x0), x1 = cc_plot_layout_px (pl, r->x1);
      double y0 = cc_plot_layout_py (pl, r->y_axis, r->y0), y1 = cc_plot_layout_py (pl, r->y_axis, r->y1);
      CcBox b = { MIN (x0, x1), MIN (y0, y1), fabs (x1 - x0), fabs (y1 - y0) };

      if (!isfinite (b.x + b.y + b.w + b.h))
        continue;
      cc_chart_fill_rect (cr, &b, &c, r->fill_style, r->alpha);
      if (r->outline > 0)
        {
          cairo_save (cr);
          cc_chart_set_source (cr, &style->foreground, 1.0);
          cairo_set_line_width (cr, r->outline);
          cairo_rectangle (cr, b.x, b.y, b.w, b.h);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
    }
}

static void
draw_ref_lines (const CcPlot       *plot,
                const CcPlotLayout *pl,
                const CcChartStyle *style,
                cairo_t            *cr)
{
  for (guint i = 0; i < plot->lines->len; i++)
    {
      const CcRefLine *l = g_ptr_array_index (plot->lines, i);
      CcRgba c = cc_chart_style_resolve (style, &l->paint);
      double lw = style->line_width_pt;

      cairo_save (cr);
      cc_chart_set_source (cr, &c, 1.0);
      cairo_set_line_width (cr, lw);
      cc_chart_set_dash (cr, l->dash, lw);
      if (l->vertical)
        {
          double x = cc_chart_snap (cr, style, cc_plot_layout_px (pl, l->value), TRUE, lw);

          cairo_move_to (cr, x, pl->plot.y);
          cairo_line_to (cr, x, pl->plot.y + pl->plot.h);
        }
      else
        {
          double y = cc_chart_snap (cr, style, cc_plot_layout_py (pl, CC_AXIS_Y, l->value), FALSE, lw);

          cairo_move_to (cr, pl->plot.x, y);
          cairo_line_to (cr, pl->plot.x + pl->plot.w, y);
        }
      cairo_stroke (cr);
      if (l->label != NULL)
        {
          g_autoptr(PangoLayout) layout = cc_chart_text_layout (cr, style, CC_TEXT_ANNOTATION, l->label);

          if (l->vertical)
            cc_chart_text_draw (cr, layout, cc_plot_layout_px (pl, l->value) + 2, pl->plot.y + 2, CC_ANCHOR_NW, 0);
          else
            cc_chart_text_draw (cr, layout, pl->plot.x + pl->plot.w - 2,
                                cc_plot_layout_py (pl, CC_AXIS_Y, l->value) - 1, CC_ANCHOR_SE, 0);
        }
      cairo_restore (cr);
    }
}

static void
series_path (const CcSeries     *s,
             const CcPlotLayout *pl,
             cairo_t            *cr)
{
  gboolean pen_down = FALSE;

  for (guint k = 0; k < s->n; k++)
    {
      double x = cc_plot_layout_px (pl, s->x[k]);
      double y = cc_plot_layout_py (pl, s->y_axis, s->y[k]);

      if (!isfinite (x) || !isfinite (y))
        {
          pen_down = FALSE;
          continue;
        }
      if (pen_down)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      pen_down = TRUE;
    }
}

static void
draw_series (const CcPlot       *plot,
             const CcPlotLayout *pl,
             const CcChartStyle *style,
             cairo_t            *cr,
             gboolean            markers)
{
  for (guint i = 0; i < plot->series->len; i++)
    {
      const CcSeries *s = g_ptr_array_index (plot->series, i);
      CcRgba c = cc_series_colour (s, style);
      double lw = style->line_width_pt * s->line_scale;
      double last_x = NAN, last_y = NAN;

      if (!markers && (s->mode & CC_SERIES_LINES))
        {
          cairo_save (cr);
          cc_chart_set_source (cr, &c, 1.0);
          cairo_set_line_width (cr, lw);
          cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
          cc_chart_set_dash (cr, cc_series_dash (s), lw);
          series_path (s, pl, cr);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      if (markers && (s->mode & CC_SERIES_MARKERS))
        for (guint k = 0; k < s->n; k++)
          {
            double x = cc_plot_layout_px (pl, s->x[k]);
            double y = cc_plot_layout_py (pl, s->y_axis, s->y[k]);

            /* On a line, markers identify the series; a marker every couple
             * of marker widths is enough and keeps dense curves readable. */
            if ((s->mode & CC_SERIES_LINES) && isfinite (last_x) &&
                hypot (x - last_x, y - last_y) < 3 * style->marker_size_pt)
              continue;

            /* Markers are not clipped, so skip those whose centre is out. */
            if (!isfinite (x) || !isfinite (y) ||
                x < pl->plot.x - 0.5 || x > pl->plot.x + pl->plot.w + 0.5 ||
                y < pl->plot.y - 0.5 || y > pl->plot.y + pl->plot.h + 0.5)
              continue;
            cc_chart_draw_marker (cr, cc_series_marker (s), x, y, style->marker_size_pt * s->line_scale,
                                  s->filled, &c, &style->plot_background, style->axis_width_pt);
            last_x = x;
            last_y = y;
          }
    }
}

static gboolean
boxes_overlap (const CcBox *a,
               const CcBox *b)
{
  return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

static gboolean
box_inside (const CcBox *inner,
            const CcBox *outer)
{
  return inner->x >= outer->x && inner->y >= outer->y &&
         inner->x + inner->w <= outer->x + outer->w && inner->y + inner->h <= outer->y + outer->h;
}

/* Whether an optional label fits: inside the plot, clear of the legend and
 * of every text drawn so far. */
static gboolean
has_room (const CcBox        *box,
          const CcPlotLayout *pl,
          GArray             *drawn)
{
  if (!box_inside (box, &pl->plot))
    return FALSE;
  if (pl->legend.visible && boxes_overlap (box, &pl->legend.box))
    return FALSE;
  for (guint i = 0; i < drawn->len; i++)
    if (boxes_overlap (box, &g_array_index (drawn, CcBox, i)))
      return FALSE;
  return TRUE;
}

static CcAnchor
opposite_anchor (CcAnchor a)
{
  switch (a)
    {
    case CC_ANCHOR_N:  return CC_ANCHOR_S;
    case CC_ANCHOR_NE: return CC_ANCHOR_SW;
    case CC_ANCHOR_E:  return CC_ANCHOR_W;
    case CC_ANCHOR_SE: return CC_ANCHOR_NW;
    case CC_ANCHOR_S:  return CC_ANCHOR_N;
    case CC_ANCHOR_SW: return CC_ANCHOR_NE;
    case CC_ANCHOR_W:  return CC_ANCHOR_E;
    case CC_ANCHOR_NW: return CC_ANCHOR_SE;
    case CC_ANCHOR_CENTER:
    default:           return CC_ANCHOR_CENTER;
    }
}

static void
draw_texts (const CcPlot       *plot,
            const CcPlotLayout *pl,
            const CcChartStyle *style,
            cairo_t            *cr)
{
  g_autoptr(GArray) drawn = g_array_new (FALSE, FALSE, sizeof (CcBox));

  /* Required texts first, so optional ones give way to them. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < plot->texts->len; i++)
      {
        const CcText *t = g_ptr_array_index (plot->texts, i);
        g_autoptr(PangoLayout) layout = NULL;
        CcRgba c = cc_chart_style_resolve (style, &t->paint);
        double x = cc_plot_layout_px (pl, t->x), y = cc_plot_layout_py (pl, CC_AXIS_Y, t->y);
        double w, h, dx, dy;
        CcAnchor anchor;
        CcBox box;

        if (t->if_room != (pass == 1) || !isfinite (x) || !isfinite (y))
          continue;
        layout = cc_chart_text_layout (cr, style, CC_TEXT_ANNOTATION, t->markup);
        cc_chart_text_size (layout, &w, &h);
        anchor = t->anchor;
        dx = t->dx;
        dy = t->dy;
        box = cc_chart_text_box (x + dx, y + dy, w, h, anchor);
        if (t->if_room && !has_room (&box, pl, drawn))
          {
            /* Try the other side of the point before giving up. */
            anchor = opposite_anchor (anchor);
            dx = -dx;
            dy = -dy;
            box = cc_chart_text_box (x + dx, y + dy, w, h, anchor);
            if (!has_room (&box, pl, drawn))
              continue;
          }
        /* Required text is nudged sideways to stay within the plot. */
        if (!t->if_room && box.w < pl->plot.w)
          {
            double shift = MAX (pl->plot.x + 1 - box.x, 0) + MIN (pl->plot.x + pl->plot.w - 1 - (box.x + box.w), 0);

            dx += shift;
            box.x += shift;
          }
        g_array_append_val (drawn, box);
        cc_chart_set_source (cr, &c, 1.0);
        /* Text on a colour scale picks its own contrast; other text gets a
         * halo of the background so lines beneath do not cut through it. */
        if (t->paint.kind == CC_PAINT_ON_SEQUENTIAL)
          cc_chart_text_draw (cr, layout, x + dx, y + dy, anchor, 0);
        else
          cc_chart_text_draw_halo (cr, layout, x + dx, y + dy, anchor, &style->plot_background, 2.0);
      }
}

static void
draw_plot (const CcPlot       *plot,
           const CcPlotLayout *pl,
           const CcChartStyle *style,
           cairo_t            *cr)
{
  cairo_save (cr);
  cairo_rectangle (cr, pl->plot.x, pl->plot.y, pl->plot.w, pl->plot.h);
  cc_chart_set_source (cr, &style->plot_background, 1.0);
  cairo_fill_preserve (cr);
  cairo_clip (cr);
  cc_chart_draw_axes (plot, pl, style, cr, TRUE);
  draw_rects (plot, pl, style, cr);
  draw_ref_lines (plot, pl, style, cr);
  draw_series (plot, pl, style, cr, FALSE);
  cairo_restore (cr);

  draw_series (plot, pl, style, cr, TRUE);
  draw_texts (plot, pl, style, cr);
  cc_chart_draw_axes (plot, pl, style, cr, FALSE);
  cc_colorbar_draw (plot, pl, style, cr);
  cc_legend_draw (plot, pl, style, cr);
}

static void
draw_message (cairo_t            *cr,
              const CcChartStyle *style,
              double              width,
              double              height,
              const char         *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);
  g_autoptr(PangoLayout) layout = cc_chart_text_layout (cr, style, CC_TEXT_AXIS_TITLE, escaped);

  pango_layout_set_width (layout, (int) (MAX (width - 4 * style->padding_pt, 20) * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  cc_chart_set_source (cr, &style->muted, 1.0);
  cc_chart_text_draw (cr, layout, width / 2, height / 2, CC_ANCHOR_CENTER, 0);
}

gboolean
cc_chart_render (CcChart            *chart,
                 const CcChartStyle *style,
                 cairo_t            *cr,
                 double              width,
                 double              height,
                 GError            **error)
{
  CcChartStyle fallback;
  g_autoptr(GError) local_error = NULL;
  CcChartLayout *lay;
  cairo_status_t status;

  g_return_val_if_fail (chart != NULL && cr != NULL, FALSE);
  if (style == NULL)
    {
      cc_chart_style_init (&fallback, CC_CHART_THEME_LIGHT);
      style = &fallback;
    }

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cc_chart_set_source (cr, &style->background, 1.0);
  cairo_fill (cr);

  if (!(width > 0 && height > 0 && isfinite (width) && isfinite (height)))
    g_set_error (&local_error, CC_CHART_ERROR, CC_CHART_ERROR_INVALID,
                 "Chart size %g × %g pt: both must be positive", width, height);
  else
    cc_chart_check (chart, &local_error);
  if (local_error != NULL)
    {
      if (width > 0 && height > 0)
        draw_message (cr, style, width, height, local_error->message);
      cairo_restore (cr);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  lay = cc_chart_layout_compute (chart, style, cr, width, height);
  if (chart->title != NULL)
    {
      g_autoptr(PangoLayout) layout = cc_chart_text_layout (cr, style, CC_TEXT_TITLE, chart->title);

      cc_chart_set_source (cr, &style->foreground, 1.0);
      cc_chart_text_draw (cr, layout, width / 2, style->padding_pt, CC_ANCHOR_N, 0);
    }
  for (guint i = 0; i < lay->n_plots; i++)
    draw_plot (g_ptr_array_index (chart->plots, i), &lay->plots[i], style, cr);
  cairo_restore (cr);

  cc_chart_layout_free (chart->layout);
  chart->layout = lay;

  status = cairo_status (cr);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, CC_CHART_ERROR, CC_CHART_ERROR_RENDER,
                   "Drawing chart “%s” failed: %s", chart->kind, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
