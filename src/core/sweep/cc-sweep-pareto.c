/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Replicate statistics per design and the two-objective Pareto front.
 */
#include "cc-sweep-pareto.h"

#include <math.h>

void
cc_sweep_design_summary_free (CcSweepDesignSummary *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->values, json_node_unref);
  g_free (self->limiting_mechanism);
  g_free (self->error);
  g_free (self);
}

static void
finish_stats (CcSweepDesignSummary *s,
              const double         *sum,
              const double         *sum_sq)
{
  for (guint k = 0; k < CC_SWEEP_N_METRICS; k++)
    {
      if (s->n_ok == 0 || isnan (sum[k]))
        {
          s->mean[k] = s->sd[k] = NAN;
          continue;
        }
      s->mean[k] = sum[k] / s->n_ok;
      /* Two-pass would be steadier; replicate spreads are far above the
       * cancellation error of this form at double precision. */
      s->sd[k] = s->n_ok > 1 ? sqrt (MAX (0.0, (sum_sq[k] - s->n_ok * s->mean[k] * s->mean[k]) / (s->n_ok - 1))) : 0.0;
    }
}

typedef struct {
  CcSweepDesignSummary *summary;
  double                sum[CC_SWEEP_N_METRICS];
  double                sum_sq[CC_SWEEP_N_METRICS];
} Group;

static void
add_record (Group               *g,
            const CcSweepRecord *r)
{
  CcSweepDesignSummary *s = g->summary;

  s->n_total++;
  s->first_index = MIN (s->first_index, r->index);
  if (r->status != CC_SWEEP_STATUS_OK)
    {
      if (s->error == NULL)
        s->error = g_strdup (r->metrics.error);
      return;
    }
  s->n_ok++;
  if (s->limiting_mechanism == NULL)
    s->limiting_mechanism = g_strdup (r->metrics.limiting_mechanism);
  for (guint k = 0; k < CC_SWEEP_N_METRICS; k++)
    {
      double v = cc_sweep_metrics_get (&r->metrics, k);
      g->sum[k] += v;          /* a NaN (not computed) poisons the mean, as it should */
      g->sum_sq[k] += v * v;
    }
}

static int
by_first_index (gconstpointer a,
                gconstpointer b)
{
  const CcSweepDesignSummary *sa = *(CcSweepDesignSummary * const *) a;
  const CcSweepDesignSummary *sb = *(CcSweepDesignSummary * const *) b;

  return sa->first_index < sb->first_index ? -1 : sa->first_index > sb->first_index;
}

GPtrArray *
cc_sweep_summarize (GPtrArray *records)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) cc_sweep_design_summary_free);
  GHashTableIter it;
  Group *g;

  for (guint i = 0; i < records->len; i++)
    {
      const CcSweepRecord *r = g_ptr_array_index (records, i);
      char *key = cc_sweep_record_design_key (r);

      g = g_hash_table_lookup (groups, key);
      if (g == NULL)
        {
          g = g_new0 (Group, 1);
          g->summary = g_new0 (CcSweepDesignSummary, 1);
          g->summary->values = json_node_copy (r->values);
          g->summary->first_index = G_MAXUINT64;
          g_hash_table_insert (groups, key, g);
          g_ptr_array_add (out, g->summary);
        }
      else
        g_free (key);
      add_record (g, r);
    }
  g_hash_table_iter_init (&it, groups);
  while (g_hash_table_iter_next (&it, NULL, (gpointer *) &g))
    finish_stats (g->summary, g->sum, g->sum_sq);
  g_ptr_array_sort (out, by_first_index);
  return out;
}

typedef struct {
  double x, y;   /* both turned into "larger is better" */
  guint  index;
} Cand;

/* Best x first, then best y. */
static int
by_x_then_y (gconstpointer a,
             gconstpointer b)
{
  const Cand *ca = a, *cb = b;

  if (ca->x != cb->x)
    return ca->x > cb->x ? -1 : 1;
  if (ca->y != cb->y)
    return ca->y > cb->y ? -1 : 1;
  return ca->index < cb->index ? -1 : ca->index > cb->index;
}

static int
by_original_x (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  const double *const *xy = data;
  guint ia = *(const guint *) a, ib = *(const guint *) b;

  if (xy[0][ia] != xy[0][ib])
    return xy[0][ia] < xy[0][ib] ? -1 : 1;
  if (xy[1][ia] != xy[1][ib])
    return xy[1][ia] < xy[1][ib] ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

GArray *
cc_pareto_front (guint         n,
                 const double *x,
                 const double *y,
                 gboolean      maximize_x,
                 gboolean      maximize_y)
{
  g_autoptr(GArray) cand = g_array_new (FALSE, FALSE, sizeof (Cand));
  GArray *front = g_array_new (FALSE, FALSE, sizeof (guint));
  const double *xy[2] = { x, y };
  double best_y_before = -INFINITY;   /* best y among points with strictly better x */

  for (guint i = 0; i < n; i++)
    if (isfinite (x[i]) && isfinite (y[i]))
      {
        Cand c = { maximize_x ? x[i] : -x[i], maximize_y ? y[i] : -y[i], i };
        g_array_append_val (cand, c);
      }
  g_array_sort (cand, by_x_then_y);

  /* Within a run of equal x only the best y can survive (and its ties); it
   * survives if no point with a better x has a y as good. */
  for (guint i = 0; i < cand->len;)
    {
      const Cand *first = &g_array_index (cand, Cand, i);
      double group_x = first->x, group_y = first->y;
      guint j = i;

      for (; j < cand->len && g_array_index (cand, Cand, j).x == group_x; j++)
        if (g_array_index (cand, Cand, j).y == group_y && group_y > best_y_before)
          g_array_append_val (front, g_array_index (cand, Cand, j).index);
      best_y_before = MAX (best_y_before, group_y);
      i = j;
    }
  g_array_sort_with_data (front, by_original_x, xy);
  return front;
}
