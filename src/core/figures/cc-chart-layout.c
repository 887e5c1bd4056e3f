/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Layout: where the plot rectangle of each panel goes, the axis ranges and
 * their ticks. Margins depend on the tick labels, the tick count depends on
 * the axis length, and an equal-aspect panel changes a range after the
 * rectangle is known; a few fixed-point passes settle all three. Panels in
 * one column share left and right edges, panels in one row share top and
 * bottom edges, so stacked panels (Bode) line up.
 */
#include "cc-chart-private.h"

#include <math.h>
#include <string.h>

#define GAP CC_CHART_GAP

typedef struct {
  double l, r, t, b;
} Margins;

static void
extent_add (double  v,
            double *lo,
            double *hi)
{
  if (!isfinite (v))
    return;
  *lo = MIN (*lo, v);
  *hi = MAX (*hi, v);
}

gboolean
cc_plot_data_extent (const CcPlot *plot,
                     CcAxisId      axis,
                     double       *lo,
                     double       *hi)
{
  gboolean is_x = axis == CC_AXIS_X;
  gboolean log = plot->axes[axis].scale == CC_SCALE_LOG;

  *lo = INFINITY;
  *hi = -INFINITY;
  for (guint i = 0; i < plot->series->len; i++)
    {
      const CcSeries *s = g_ptr_array_index (plot->series, i);

      if (!is_x && s->y_axis != axis)
        continue;
      for (guint k = 0; k < s->n; k++)
        {
          double v = is_x ? s->x[k] : s->y[k];

          if (!log || v > 0)
            extent_add (v, lo, hi);
        }
    }
  for (guint i = 0; i < plot->rects->len; i++)
    {
      const CcRect *r = g_ptr_array_index (plot->rects, i);

      if (!is_x && r->y_axis != axis)
        continue;
      extent_add (is_x ? r->x0 : r->y0, lo, hi);
      extent_add (is_x ? r->x1 : r->y1, lo, hi);
    }
  for (guint i = 0; i < plot->lines->len; i++)
    {
      const CcRefLine *l = g_ptr_array_index (plot->lines, i);

      if ((is_x && l->vertical) || (axis == CC_AXIS_Y && !l->vertical))
        extent_add (l->value, lo, hi);
    }
  for (guint i = 0; i < plot->texts->len; i++)
    {
      const CcText *t = g_ptr_array_index (plot->texts, i);

      if (is_x || axis == CC_AXIS_Y)
        extent_add (is_x ? t->x : t->y, lo, hi);
    }
  return *lo <= *hi;
}

static gboolean
axis_used (const CcPlot *plot,
           CcAxisId      axis)
{
  if (axis != CC_AXIS_Y2)
    return TRUE;
  if (plot->axes[axis].defined)
    return TRUE;
  for (guint i = 0; i < plot->series->len; i++)
    if (((CcSeries *) g_ptr_array_index (plot->series, i))->y_axis == CC_AXIS_Y2)
      return TRUE;
  return FALSE;
}

/* The range before ticks: fixed ends, else the data, else a default. */
static void
base_range (const CcPlot *plot,
            CcAxisId      axis,
            double       *lo,
            double       *hi)
{
  const CcAxis *a = &plot->axes[axis];
  double dlo, dhi;

  if (a->scale == CC_SCALE_CATEGORY)
    {
      guint n = a->categories != NULL ? a->categories->len : 1;

      *lo = -0.5;
      *hi = MAX (n, 1) - 0.5;
      return;
    }
  if (!cc_plot_data_extent (plot, axis, &dlo, &dhi))
    {
      dlo = a->scale == CC_SCALE_LOG ? 1 : 0;
      dhi = a->scale == CC_SCALE_LOG ? 10 : 1;
    }
  if (a->include_zero && a->scale == CC_SCALE_LINEAR)
    {
      dlo = MIN (dlo, 0);
      dhi = MAX (dhi, 0);
    }
  *lo = isfinite (a->min) ? a->min : dlo;
  *hi = isfinite (a->max) ? a->max : dhi;
  if (*lo > *hi)
    {
      /* Only one end fixed and the data is on the wrong side of it. */
      if (isfinite (a->min))
        *hi = *lo;
      else
        *lo = *hi;
    }
}

static void
clear_labels (CcAxisLayout *al)
{
  for (guint i = 0; i < al->n_labels; i++)
    g_clear_pointer (&al->labels[i], g_free);
  al->n_labels = 0;
}

static void
filter_ticks (CcTicks *t)
{
  guint n = 0;

  for (guint i = 0; i < t->n_major; i++)
    if (t->major[i] >= t->lo - 1e-9 * fabs (t->hi - t->lo) && t->major[i] <= t->hi + 1e-9 * fabs (t->hi - t->lo))
      t->major[n++] = t->major[i];
  t->n_major = n;
  n = 0;
  for (guint i = 0; i < t->n_minor; i++)
    if (t->minor[i] >= t->lo && t->minor[i] <= t->hi)
      t->minor[n++] = t->minor[i];
  t->n_minor = n;
}

/* Ticks and labels for one numeric axis over [lo, hi] with at most
 * @intervals intervals; fixed ends stay where they are. */
static void
numeric_ticks (const CcAxis *a,
               CcAxisLayout *al,
               double        lo,
               double        hi,
               guint         intervals,
               gboolean      fixed)
{
  gboolean ok;

  if (a->scale == CC_SCALE_LOG)
    ok = cc_ticks_log (lo, hi, intervals, !fixed, &al->ticks);
  else
    ok = cc_ticks_linear (lo, hi, intervals, !fixed, &al->ticks);
  if (!ok)
    {
      /* Unreachable after cc_chart_check; keep a drawable axis anyway. */
      cc_ticks_linear (0, 1, intervals, TRUE, &al->ticks);
    }
  if (!fixed)
    {
      if (isfinite (a->min))
        al->ticks.lo = a->min;
      if (isfinite (a->max))
        al->ticks.hi = a->max;
      filter_ticks (&al->ticks);
    }
  al->lo = al->ticks.lo;
  al->hi = al->ticks.hi;
  clear_labels (al);
  for (guint i = 0; i < al->ticks.n_major; i++)
    {
      al->labels[al->n_labels] = cc_ticks_format (&al->ticks, al->ticks.major[i]);
      al->label_pos[al->n_labels++] = al->ticks.major[i];
    }
}

static void
category_ticks (const CcAxis *a,
                CcAxisLayout *al)
{
  guint n = a->categories != NULL ? a->categories->len : 0;

  memset (&al->ticks, 0, sizeof al->ticks);
  al->lo = -0.5;
  al->hi = MAX (n, 1) - 0.5;
  clear_labels (al);
  for (guint i = 0; i < n && i < CC_TICKS_MAX_MAJOR; i++)
    {
      al->labels[al->n_labels] = g_strdup (g_ptr_array_index (a->categories, i));
      al->label_pos[al->n_labels++] = i;
    }
}

typedef struct {
  double max_w, max_h, sum_w;
} LabelSizes;

static LabelSizes
measure_labels (const CcAxisLayout *al,
                const CcChartStyle *style,
                cairo_t            *cr)
{
  LabelSizes s = { 0, 0, 0 };

  for (guint i = 0; i < al->n_labels; i++)
    {
      g_autoptr(PangoLayout) pl = cc_chart_text_layout (cr, style, CC_TEXT_TICK, al->labels[i]);
      double w, h;

      cc_chart_text_size (pl, &w, &h);
      s.max_w = MAX (s.max_w, w);
      s.max_h = MAX (s.max_h, h);
      s.sum_w += w;
    }
  return s;
}

static double
title_height (const char         *markup,
              const CcChartStyle *style,
              CcTextRole          role,
              cairo_t            *cr)
{
  g_autoptr(PangoLayout) pl = NULL;
  double h;

  if (markup == NULL || *markup == '\0')
    return 0;
  pl = cc_chart_text_layout (cr, style, role, markup);
  cc_chart_text_size (pl, NULL, &h);
  return h;
}

/* Ticks for every used axis at the given plot size. x labels that would
 * collide get fewer intervals. */
static void
compute_ticks (const CcPlot       *plot,
               CcPlotLayout       *pl,
               const CcChartStyle *style,
               cairo_t            *cr)
{
  double tick_font = style->font_size_pt[CC_TEXT_TICK];

  for (guint a = 0; a < CC_N_AXES; a++)
    {
      const CcAxis *axis = &plot->axes[a];
      CcAxisLayout *al = &pl->axes[a];
      double lo, hi, len = a == CC_AXIS_X ? pl->plot.w : pl->plot.h;
      gboolean fixed = isfinite (axis->min) && isfinite (axis->max);
      guint intervals;

      al->used = axis_used (plot, a);
      al->scale = axis->scale;
      al->reversed = axis->reversed;
      if (!al->used)
        continue;
      if (axis->scale == CC_SCALE_CATEGORY)
        {
          category_ticks (axis, al);
          continue;
        }
      base_range (plot, a, &lo, &hi);
      intervals = (guint) CLAMP (len / (tick_font * (a == CC_AXIS_X ? 4.5 : 3.8)), 2, 10);
      for (;;)
        {
          LabelSizes s;

          numeric_ticks (axis, al, lo, hi, intervals, fixed);
          if (a != CC_AXIS_X || intervals <= 2)
            break;
          s = measure_labels (al, style, cr);
          if (s.sum_w + al->n_labels * tick_font <= len)
            break;
          intervals--;
        }
    }
}

/* One data unit the same length on x and y: stretch the axis that has room. */
static void
equalize_aspect (const CcPlot *plot,
                 CcPlotLayout *pl)
{
  CcAxisLayout *x = &pl->axes[CC_AXIS_X], *y = &pl->axes[CC_AXIS_Y];
  double ux = (x->hi - x->lo) / pl->plot.w;
  double uy = (y->hi - y->lo) / pl->plot.h;
  guint nx = MAX (x->ticks.n_major, 3), ny = MAX (y->ticks.n_major, 3);

  if (!plot->equal_aspect || pl->plot.w <= 0 || pl->plot.h <= 0)
    return;
  if (ux > uy)
    numeric_ticks (&plot->axes[CC_AXIS_Y], y, y->lo, y->lo + ux * pl->plot.h, ny, TRUE);
  else
    numeric_ticks (&plot->axes[CC_AXIS_X], x, x->lo, x->lo + uy * pl->plot.w, nx, TRUE);
}

/* Category labels turn 45° when they do not fit their slot side by side,
 * and 90° when even slanted neighbours would touch. */
static int
label_angle (const CcAxisLayout *x,
             LabelSizes          s,
             double              length)
{
  double slot;

  if (x->scale != CC_SCALE_CATEGORY || x->n_labels == 0)
    return 0;
  slot = length / x->n_labels;
  if (s.max_w <= slot - 4)
    return 0;
  return s.max_h <= slot * G_SQRT2 / 2 - 1 ? 45 : 90;
}

static double
label_extent (LabelSizes s,
              int        angle)
{
  return angle == 0 ? s.max_h : angle == 45 ? (s.max_w + s.max_h) * G_SQRT2 / 2 : s.max_w;
}

static Margins
measure_margins (const CcPlot       *plot,
                 CcPlotLayout       *pl,
                 const CcChartStyle *style,
                 cairo_t            *cr)
{
  Margins m = { 0, 0, 0, 0 };
  CcAxisLayout *x = &pl->axes[CC_AXIS_X];
  LabelSizes sx = measure_labels (x, style, cr);
  LabelSizes sy = measure_labels (&pl->axes[CC_AXIS_Y], style, cr);
  double pad = style->padding_pt * 0.5;

  x->label_angle = label_angle (x, sx, pl->plot.w);
  m.l = pad + sy.max_w + GAP + 2;
  m.l += title_height (plot->axes[CC_AXIS_Y].title, style, CC_TEXT_AXIS_TITLE, cr) + GAP;
  x->label_extent = label_extent (sx, x->label_angle);
  pl->axes[CC_AXIS_Y].label_extent = sy.max_w;
  m.b = GAP + x->label_extent + GAP;
  m.b += title_height (plot->axes[CC_AXIS_X].title, style, CC_TEXT_AXIS_TITLE, cr) + pad;
  if (x->label_angle == 45)
    m.l = MAX (m.l, sx.max_w * G_SQRT2 / 2 - pl->plot.w / MAX (x->n_labels, 1) / 2 + pad);
  if (pl->axes[CC_AXIS_Y2].used)
    {
      LabelSizes s2 = measure_labels (&pl->axes[CC_AXIS_Y2], style, cr);

      pl->axes[CC_AXIS_Y2].label_extent = s2.max_w;
      m.r = pad + s2.max_w + GAP + 2;
      m.r += title_height (plot->axes[CC_AXIS_Y2].title, style, CC_TEXT_AXIS_TITLE, cr) + GAP;
    }
  else
    m.r = MAX (pad, x->label_angle != 0 ? pad : sx.max_w / 2 + 1);
  m.r += cc_colorbar_extent (plot, pl, style, cr);
  m.t = plot->title != NULL ? title_height (plot->title, style, CC_TEXT_AXIS_TITLE, cr) + 2 * GAP
                            : MAX (pad, sy.max_h / 2 + 1);
  if (pl->legend.visible && pl->legend.outside)
    {
      if (pl->placement == CC_LEGEND_BELOW)
        m.b += pl->legend.box.h + 2 * GAP;
      else
        m.r += pl->legend.box.w + 2 * GAP;
    }
  return m;
}

static void
apply_margins (CcPlotLayout  *pl,
               const Margins *m)
{
  pl->plot.x = pl->cell.x + m->l;
  pl->plot.y = pl->cell.y + m->t;
  pl->plot.w = MAX (pl->cell.w - m->l - m->r, 10);
  pl->plot.h = MAX (pl->cell.h - m->t - m->b, 10);
}

static Margins
max_margins (Margins a,
             Margins b)
{
  Margins m = { MAX (a.l, b.l), MAX (a.r, b.r), MAX (a.t, b.t), MAX (a.b, b.b) };

  return m;
}

/* Settle margins, ticks and aspect for one panel; @min are the margins the
 * panel's row and column neighbours need. Returns the margins it needs. */
static Margins
settle (const CcPlot       *plot,
        CcPlotLayout       *pl,
        const CcChartStyle *style,
        cairo_t            *cr,
        const Margins      *min)
{
  Margins m = { pl->cell.w * 0.12, pl->cell.w * 0.05, pl->cell.h * 0.05, pl->cell.h * 0.12 };

  for (int pass = 0; pass < 3; pass++)
    {
      Margins used = max_margins (m, *min);

      apply_margins (pl, &used);
      compute_ticks (plot, pl, style, cr);
      equalize_aspect (plot, pl);
      m = measure_margins (plot, pl, style, cr);
    }
  {
    Margins used = max_margins (m, *min);

    apply_margins (pl, &used);
    equalize_aspect (plot, pl);
  }
  return m;
}

static void
place_outside_legend (CcPlotLayout       *pl,
                      const CcChartStyle *style)
{
  CcBox *b = &pl->legend.box;

  if (pl->placement == CC_LEGEND_BELOW)
    {
      /* Centred under the plot, but never past the panel's edges. */
      b->x = pl->plot.x + (pl->plot.w - b->w) / 2;
      b->x = MIN (b->x, pl->cell.x + pl->cell.w - b->w - style->padding_pt * 0.5);
      b->x = MAX (b->x, pl->cell.x);
      b->y = pl->cell.y + pl->cell.h - b->h - style->padding_pt * 0.5;
    }
  else
    {
      b->x = pl->cell.x + pl->cell.w - b->w - style->padding_pt * 0.5;
      b->y = pl->plot.y;
    }
}

static Margins
layout_plot (const CcPlot       *plot,
             CcPlotLayout       *pl,
             const CcChartStyle *style,
             cairo_t            *cr,
             const Margins      *min)
{
  CcLegendPlacement want = plot->legend;
  gboolean wide;
  Margins m;

  pl->legend.outside = FALSE;
  pl->legend.visible = want != CC_LEGEND_NONE && cc_legend_count_entries (plot) > 0;
  if (!pl->legend.visible)
    {
      pl->placement = CC_LEGEND_NONE;
      return settle (plot, pl, style, cr, min);
    }
  wide = want == CC_LEGEND_BELOW;
  cc_legend_measure (plot, style, cr, wide, pl->cell.w * 0.9, &pl->legend);
  pl->placement = want == CC_LEGEND_AUTO ? CC_LEGEND_TOP_RIGHT : want;
  pl->legend.outside = want == CC_LEGEND_OUTSIDE_RIGHT || want == CC_LEGEND_BELOW;
  m = settle (plot, pl, style, cr, min);

  if (!pl->legend.outside)
    {
      guint covered = cc_legend_choose_corner (plot, pl, style);

      if (want != CC_LEGEND_AUTO || covered == 0)
        return m;
      /* No free corner: move the legend out of the data, to the right when
       * that leaves the plot most of the width, else below. */
      pl->legend.outside = TRUE;
      pl->placement = pl->legend.box.w < pl->cell.w * 0.3 ? CC_LEGEND_OUTSIDE_RIGHT : CC_LEGEND_BELOW;
      if (pl->placement == CC_LEGEND_BELOW)
        cc_legend_measure (plot, style, cr, TRUE, pl->cell.w * 0.9, &pl->legend);
      m = settle (plot, pl, style, cr, min);
    }
  place_outside_legend (pl, style);
  return m;
}

CcChartLayout *
cc_chart_layout_compute (const CcChart      *chart,
                         const CcChartStyle *style,
                         cairo_t            *cr,
                         double              width,
                         double              height)
{
  CcChartLayout *lay = g_new0 (CcChartLayout, 1);
  double pad = style->padding_pt;
  double top;
  g_autofree Margins *need = NULL;
  g_autofree Margins *min = NULL;

  lay->width = width;
  lay->height = height;
  lay->style = *style;
  lay->n_plots = chart->plots->len;
  lay->plots = g_new0 (CcPlotLayout, lay->n_plots);
  lay->title_height = chart->title != NULL ? title_height (chart->title, style, CC_TEXT_TITLE, cr) + GAP : 0;
  top = pad + lay->title_height;
  need = g_new0 (Margins, lay->n_plots);
  min = g_new0 (Margins, lay->n_plots);

  for (guint i = 0; i < lay->n_plots; i++)
    {
      CcPlotLayout *pl = &lay->plots[i];
      guint r = i / chart->cols, c = i % chart->cols;
      double cw = (width - 2 * pad) / chart->cols, ch = (height - top - pad) / chart->rows;

      pl->cell = (CcBox) { pad + c * cw, top + r * ch, cw, ch };
      need[i] = layout_plot (g_ptr_array_index (chart->plots, i), pl, style, cr, &min[i]);
    }
  if (lay->n_plots < 2)
    return lay;

  /* Align: left/right edges per column, top/bottom per row. */
  for (guint i = 0; i < lay->n_plots; i++)
    for (guint j = 0; j < lay->n_plots; j++)
      {
        if (i % chart->cols == j % chart->cols)
          {
            min[i].l = MAX (min[i].l, need[j].l);
            min[i].r = MAX (min[i].r, need[j].r);
          }
        if (i / chart->cols == j / chart->cols)
          {
            min[i].t = MAX (min[i].t, need[j].t);
            min[i].b = MAX (min[i].b, need[j].b);
          }
      }
  for (guint i = 0; i < lay->n_plots; i++)
    need[i] = layout_plot (g_ptr_array_index (chart->plots, i), &lay->plots[i], style, cr, &min[i]);
  return lay;
}

void
cc_chart_layout_free (CcChartLayout *lay)
{
  if (lay == NULL)
    return;
  for (guint i = 0; i < lay->n_plots; i++)
    for (guint a = 0; a < CC_N_AXES; a++)
      clear_labels (&lay->plots[i].axes[a]);
  g_free (lay->plots);
  g_free (lay);
}

double
cc_axis_layout_fraction (const CcAxisLayout *al,
                         double              v)
{
  double f;

  if (al->scale == CC_SCALE_LOG)
    f = (log10 (v) - log10 (al->lo)) / (log10 (al->hi) - log10 (al->lo));
  else
    f = (v - al->lo) / (al->hi - al->lo);
  return al->reversed ? 1.0 - f : f;
}

double
cc_axis_layout_value (const CcAxisLayout *al,
                      double              f)
{
  if (al->reversed)
    f = 1.0 - f;
  if (al->scale == CC_SCALE_LOG)
    return pow (10.0, log10 (al->lo) + f * (log10 (al->hi) - log10 (al->lo)));
  return al->lo + f * (al->hi - al->lo);
}

/* Infinite coordinates reach just past the plot edge (for bands). */
static double
axis_f (const CcAxisLayout *al,
        double              v)
{
  if (isinf (v))
    {
      gboolean high = (v > 0) != (al->reversed != FALSE);

      return high ? 1.01 : -0.01;
    }
  return cc_axis_layout_fraction (al, v);
}

double
cc_plot_layout_px (const CcPlotLayout *pl,
                   double              x)
{
  return pl->plot.x + axis_f (&pl->axes[CC_AXIS_X], x) * pl->plot.w;
}

double
cc_plot_layout_py (const CcPlotLayout *pl,
                   CcAxisId            axis,
                   double              y)
{
  return pl->plot.y + pl->plot.h * (1.0 - axis_f (&pl->axes[axis], y));
}
