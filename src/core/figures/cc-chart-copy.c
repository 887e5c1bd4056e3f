/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A deep copy of a chart: overlays are added to a copy so that the chart a
 * run produced stays as it was (it may be pinned, or redrawn with other
 * overlays later).
 */
#include "cc-chart-private.h"

static gpointer
string_copy (gconstpointer text,
             gpointer      unused)
{
  return g_strdup (text);
}

static void
axis_copy (CcAxis       *dst,
           const CcAxis *src)
{
  *dst = *src;
  dst->title = g_strdup (src->title);
  if (src->categories != NULL)
    dst->categories = g_ptr_array_copy (src->categories, string_copy, NULL);
}

static gpointer
series_copy (gconstpointer data,
             gpointer      unused)
{
  const CcSeries *s = data;
  CcSeries *c = g_memdup2 (s, sizeof *s);

  c->label = g_strdup (s->label);
  c->x = g_memdup2 (s->x, s->n * sizeof (double));
  c->y = g_memdup2 (s->y, s->n * sizeof (double));
  return c;
}

static gpointer
rect_copy (gconstpointer data,
           gpointer      unused)
{
  const CcRect *r = data;
  CcRect *c = g_memdup2 (r, sizeof *r);

  c->legend = g_strdup (r->legend);
  return c;
}

static gpointer
line_copy (gconstpointer data,
           gpointer      unused)
{
  const CcRefLine *l = data;
  CcRefLine *c = g_memdup2 (l, sizeof *l);

  c->label = g_strdup (l->label);
  return c;
}

static gpointer
text_copy (gconstpointer data,
           gpointer      unused)
{
  const CcText *t = data;
  CcText *c = g_memdup2 (t, sizeof *t);

  c->markup = g_strdup (t->markup);
  return c;
}

/* The arrays of a fresh panel keep their free functions. */
static void
extend (GPtrArray       *dst,
        const GPtrArray *src,
        GCopyFunc        copy)
{
  for (guint i = 0; i < src->len; i++)
    g_ptr_array_add (dst, copy (g_ptr_array_index (src, i), NULL));
}

static void
plot_copy (CcPlot       *dst,
           const CcPlot *src)
{
  for (guint a = 0; a < CC_N_AXES; a++)
    axis_copy (&dst->axes[a], &src->axes[a]);
  dst->title = g_strdup (src->title);
  extend (dst->series, src->series, series_copy);
  extend (dst->rects, src->rects, rect_copy);
  extend (dst->lines, src->lines, line_copy);
  extend (dst->texts, src->texts, text_copy);
  dst->equal_aspect = src->equal_aspect;
  dst->grid = src->grid;
  dst->legend = src->legend;
  dst->colorbar = src->colorbar != NULL ? cc_colorbar_copy (src->colorbar) : NULL;
}

CcChart *
cc_chart_copy (const CcChart *chart)
{
  CcChart *copy;

  g_return_val_if_fail (chart != NULL, NULL);

  copy = cc_chart_new (chart->kind, chart->title);
  for (guint i = 0; i < chart->plots->len; i++)
    plot_copy (cc_chart_add_plot (copy), g_ptr_array_index (chart->plots, i));
  copy->rows = chart->rows;
  copy->cols = chart->cols;
  copy->n_series = chart->n_series;
  if (chart->table != NULL)
    copy->table = cc_table_copy (chart->table);
  return copy;
}
