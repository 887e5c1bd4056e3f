/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The cells of a design-space map: results grouped by design (replicates),
 * designs grouped by cell (the x and y values, other axes fixed or averaged
 * over). Statistics as described in cc-chart-sweep.h.
 */
#include "cc-chart-sweep-private.h"
#include "cc-chart-table.h"
#include "cc-sweep-metrics.h"
#include "cc-ticks.h"

#include <math.h>

/* One design's results in the cell (Welford's running mean and M2). */
typedef struct {
  guint        cell;
  guint        n, n_ok, n_invalid, n_val;
  double       mean, m2;
  guint64      first_index;
} Design;

typedef struct {
  GHashTable  *designs;       /* key (coords) → Design* */
  GHashTable **mechanisms;    /* per cell: id → count */
  guint64     *error_index;   /* per cell: index of the record whose error is kept */
} Acc;

static gboolean
check_query (CcSweepGrid           *self,
             const CcSweepMapQuery *q,
             GError               **error)
{
  guint n = self->axes->len;

  if (n == 0)
    {
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID, "No results and no sweep: nothing to map");
      return FALSE;
    }
  if (q->metric >= CC_SWEEP_MAP_N_METRICS || q->x_axis >= n || q->y_axis >= (int) n
      || (int) q->x_axis == q->y_axis)
    {
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID,
                   "Map of metric %u over axes %u × %d: the sweep has %u axes and %d metrics; "
                   "x and y must differ", q->metric, q->x_axis, q->y_axis, n, CC_SWEEP_MAP_N_METRICS);
      return FALSE;
    }
  for (guint a = 0; q->fixed != NULL && a < n; a++)
    if (q->fixed[a] >= (int) cc_sweep_grid_axis_n_values (self, a))
      {
        g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID, "Axis “%s” has no value number %d",
                     cc_sweep_grid_axis_path (self, a), q->fixed[a]);
        return FALSE;
      }
  return TRUE;
}

static gboolean
is_free (const CcSweepMapQuery *q,
         guint                  a)
{
  return a != q->x_axis && (int) a != q->y_axis;
}

/* The cell of a record, or -1 when a fixed axis excludes it. */
static int
cell_of (CcSweepGrid           *self,
         const CcSweepMapQuery *q,
         const guint           *coords,
         guint                  nx)
{
  for (guint a = 0; a < self->axes->len; a++)
    if (is_free (q, a) && q->fixed != NULL && q->fixed[a] >= 0 && coords[a] != (guint) q->fixed[a])
      return -1;
  return (int) ((q->y_axis >= 0 ? coords[q->y_axis] : 0) * nx + coords[q->x_axis]);
}

static void
add_result (Design              *d,
            const CcSweepRecord *r,
            guint                metric)
{
  d->n++;
  d->first_index = MIN (d->first_index, r->index);
  if (r->status != CC_SWEEP_STATUS_OK)
    {
      d->n_invalid += r->status == CC_SWEEP_STATUS_INVALID;
      return;
    }
  d->n_ok++;
  if (metric < CC_SWEEP_N_METRICS)
    {
      double v = cc_sweep_metrics_get (&r->metrics, metric), delta;

      /* NAN: the evaluator does not compute this metric; not a zero. */
      if (!isfinite (v))
        return;
      d->n_val++;
      delta = v - d->mean;
      d->mean += delta / d->n_val;
      d->m2 += delta * (v - d->mean);
    }
}

static void
note_result (Acc                 *acc,
             CcSweepCell         *cell,
             guint                c,
             const CcSweepRecord *r)
{
  if (r->status != CC_SWEEP_STATUS_OK && r->metrics.error != NULL && r->index < acc->error_index[c])
    {
      acc->error_index[c] = r->index;
      g_free (cell->error);
      cell->error = g_strdup (r->metrics.error);
    }
  if (r->status == CC_SWEEP_STATUS_OK && r->metrics.limiting_mechanism != NULL)
    {
      GHashTable *m = acc->mechanisms[c];
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (m, r->metrics.limiting_mechanism));

      g_hash_table_replace (m, g_strdup (r->metrics.limiting_mechanism), GUINT_TO_POINTER (count + 1));
    }
}

static char *
coords_key (const guint *coords,
            guint        n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%u,", coords[i]);
  return g_string_free (s, FALSE);
}

static void
collect (CcSweepGrid           *self,
         const CcSweepMapQuery *q,
         CcSweepMap            *map,
         Acc                   *acc)
{
  guint coords[CC_SWEEP_MAX_AXES];

  for (guint i = 0; i < self->records->len; i++)
    {
      const CcSweepRecord *r = g_ptr_array_index (self->records, i);
      char *key;
      Design *d;
      int c;

      if (!cc_sweep_grid_record_coords (self, r, coords) || (c = cell_of (self, q, coords, map->nx)) < 0)
        continue;
      key = coords_key (coords, self->axes->len);
      d = g_hash_table_lookup (acc->designs, key);
      if (d == NULL)
        {
          d = g_new0 (Design, 1);
          d->cell = (guint) c;
          d->first_index = G_MAXUINT64;
          g_hash_table_insert (acc->designs, key, d);
        }
      else
        g_free (key);
      add_result (d, r, q->metric);
      note_result (acc, &map->cells[c], (guint) c, r);
    }
}

static const char *
most_frequent (GHashTable *counts)
{
  GHashTableIter it;
  gpointer key, value;
  const char *best = NULL;
  guint best_n = 0;

  g_hash_table_iter_init (&it, counts);
  while (g_hash_table_iter_next (&it, &key, &value))
    if (GPOINTER_TO_UINT (value) > best_n
        || (GPOINTER_TO_UINT (value) == best_n && g_strcmp0 (key, best) < 0))
      {
        best = key;
        best_n = GPOINTER_TO_UINT (value);
      }
  return best;
}

typedef struct {
  double sum_means, sum_m2;
  guint  n_means, dof, n_invalid;
} CellSums;

static void
finish_cells (CcSweepMap *map,
              Acc        *acc)
{
  guint n = map->nx * map->ny;
  g_autofree CellSums *sums = g_new0 (CellSums, n);
  GHashTableIter it;
  Design *d;

  g_hash_table_iter_init (&it, acc->designs);
  while (g_hash_table_iter_next (&it, NULL, (gpointer *) &d))
    {
      CcSweepCell *cell = &map->cells[d->cell];
      CellSums *s = &sums[d->cell];

      cell->n_designs++;
      cell->n_results += d->n;
      cell->n_ok += d->n_ok;
      cell->index = MIN (cell->index, d->first_index);
      s->n_invalid += d->n_invalid;
      if (d->n_val == 0)
        continue;
      s->sum_means += d->mean;
      s->n_means++;
      s->sum_m2 += d->m2;
      s->dof += d->n_val - 1;
      cell->lo = isnan (cell->lo) ? d->mean : MIN (cell->lo, d->mean);
      cell->hi = isnan (cell->hi) ? d->mean : MAX (cell->hi, d->mean);
    }
  for (guint c = 0; c < n; c++)
    {
      CcSweepCell *cell = &map->cells[c];
      const char *mech = most_frequent (acc->mechanisms[c]);

      cell->mechanism = g_strdup (mech);
      if (sums[c].n_means > 0)
        cell->mean = sums[c].sum_means / sums[c].n_means;
      if (sums[c].dof > 0)
        cell->sd = sqrt (sums[c].sum_m2 / sums[c].dof);
      if (cell->n_results == 0)
        cell->state = CC_SWEEP_CELL_PENDING;
      else if (cell->n_ok == 0)
        cell->state = sums[c].n_invalid == cell->n_results ? CC_SWEEP_CELL_INVALID : CC_SWEEP_CELL_FAILED;
      else
        cell->state = cell->n_ok < cell->n_results ? CC_SWEEP_CELL_PARTIAL : CC_SWEEP_CELL_OK;
    }
}

/* ---- axes of the map ------------------------------------------------------- */

static void
axis_edges (CcSweepGrid *self,
            guint        axis,
            double     **edges)
{
  guint n = cc_sweep_grid_axis_n_values (self, axis);
  gboolean log = cc_sweep_grid_axis_is_log (self, axis);
  double *e = g_new (double, n + 1);
  const double *v = (const double *) ((CcGridAxis *) g_ptr_array_index (self->axes, axis))->numbers->data;

  if (n == 1)
    {
      double d = v[0] != 0 ? fabs (v[0]) * 0.1 : 0.5;

      e[0] = log ? v[0] / 1.25 : v[0] - d;
      e[1] = log ? v[0] * 1.25 : v[0] + d;
    }
  else
    {
      /* Cell edges halfway between values (geometrically on a log axis);
       * the outer edges half a step beyond the end values. */
      for (guint k = 1; k < n; k++)
        e[k] = log ? sqrt (v[k - 1] * v[k]) : (v[k - 1] + v[k]) / 2;
      e[0] = log ? v[0] * v[0] / e[1] : 2 * v[0] - e[1];
      e[n] = log ? v[n - 1] * v[n - 1] / e[n - 1] : 2 * v[n - 1] - e[n - 1];
    }
  *edges = e;
}

typedef struct {
  guint       n;
  gboolean    numeric, continuous, log;
  double     *edges;
  GPtrArray  *labels, *ticks;
  char       *title;
} MapAxis;

static void
setup_axis (CcSweepGrid *self,
            int          axis,
            MapAxis     *m)
{
  m->labels = g_ptr_array_new_with_free_func (g_free);
  m->ticks = g_ptr_array_new_with_free_func (g_free);
  if (axis < 0)
    {
      m->n = 1;
      g_ptr_array_add (m->labels, g_strdup (""));
      g_ptr_array_add (m->ticks, g_strdup (""));
      m->title = g_strdup ("");
      return;
    }
  m->n = cc_sweep_grid_axis_n_values (self, axis);
  m->numeric = cc_sweep_grid_axis_is_numeric (self, axis);
  m->continuous = m->numeric && m->n > CC_SWEEP_MAP_MAX_LABELLED;
  m->log = m->numeric && cc_sweep_grid_axis_is_log (self, axis);
  for (guint k = 0; k < m->n; k++)
    {
      g_ptr_array_add (m->labels, cc_sweep_grid_value_markup (self, axis, k));
      /* The unit is in the axis title. */
      g_ptr_array_add (m->ticks, m->numeric ? cc_format_number_markup (cc_sweep_grid_axis_number (self, axis, k), 4)
                                            : cc_sweep_grid_value_markup (self, axis, k));
    }
  if (m->numeric)
    axis_edges (self, axis, &m->edges);
  m->title = cc_sweep_grid_axis_title (self, axis);
}

/* "Fabrication pressure = 250 MPa · averaged over 4 catholytes". */
static char *
describe_others (CcSweepGrid           *self,
                 const CcSweepMapQuery *q)
{
  GString *s = g_string_new (NULL);

  for (guint a = 0; a < self->axes->len; a++)
    {
      g_autofree char *name = NULL, *value = NULL;
      guint nv = cc_sweep_grid_axis_n_values (self, a);

      if (!is_free (q, a) || nv < 2)
        continue;
      name = cc_sweep_path_name (cc_sweep_grid_axis_path (self, a), self->sweep ? cc_sweep_get_base (self->sweep) : NULL,
                                 self->db);
      if (q->fixed != NULL && q->fixed[a] >= 0)
        {
          value = cc_sweep_grid_value_markup (self, a, q->fixed[a]);
          g_string_append_printf (s, "%s%s = %s", s->len ? " · " : "", name, value);
        }
      else
        g_string_append_printf (s, "%smean over %u values of %s", s->len ? " · " : "", nv, name);
    }
  return s->len > 0 ? g_string_free (s, FALSE) : (g_string_free (s, TRUE), NULL);
}

static guint
expected_per_cell (CcSweepGrid           *self,
                   const CcSweepMapQuery *q)
{
  guint n;

  if (self->sweep == NULL)
    return 0;
  n = cc_sweep_get_replicates (self->sweep);
  for (guint a = 0; a < self->axes->len; a++)
    if (is_free (q, a) && (q->fixed == NULL || q->fixed[a] < 0))
      n *= cc_sweep_grid_axis_n_values (self, a);
  return n;
}

static int
compare_str (gconstpointer a,
             gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
colour_range (CcSweepMap *map)
{
  map->color_lo = map->color_hi = NAN;
  for (guint c = 0; c < map->nx * map->ny; c++)
    {
      double v = map->cells[c].mean;

      if (!isfinite (v) || (map->color_log && v <= 0))
        continue;
      map->color_lo = isnan (map->color_lo) ? v : MIN (map->color_lo, v);
      map->color_hi = isnan (map->color_hi) ? v : MAX (map->color_hi, v);
    }
  /* A log scale needs every value positive; fall back to linear. */
  for (guint c = 0; map->color_log && c < map->nx * map->ny; c++)
    if (isfinite (map->cells[c].mean) && map->cells[c].mean <= 0)
      {
        map->color_log = FALSE;
        colour_range (map);
        return;
      }
}

static void
list_mechanisms (CcSweepMap *map)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  map->mechanisms = g_ptr_array_new_with_free_func (g_free);
  for (guint c = 0; c < map->nx * map->ny; c++)
    {
      const char *m = map->cells[c].mechanism;

      if (m != NULL && g_hash_table_add (seen, (gpointer) m))
        g_ptr_array_add (map->mechanisms, g_strdup (m));
    }
  g_ptr_array_sort (map->mechanisms, compare_str);
}

CcSweepMap *
cc_sweep_grid_map (CcSweepGrid           *self,
                   const CcSweepMapQuery *q,
                   GError               **error)
{
  CcSweepMap *map;
  Acc acc;
  guint n, per_cell;

  g_return_val_if_fail (self != NULL && q != NULL, NULL);
  if (!check_query (self, q, error))
    return NULL;

  map = g_new0 (CcSweepMap, 1);
  map->metric = q->metric;
  map->categorical = q->metric == CC_SWEEP_METRIC_MECHANISM;
  map->metric_title = cc_sweep_metric_axis_title (q->metric, self->cycles);
  map->color_log = cc_sweep_metric_is_log (q->metric);
  {
    MapAxis mx = { 0 }, my = { 0 };

    setup_axis (self, (int) q->x_axis, &mx);
    setup_axis (self, q->y_axis, &my);
    map->nx = mx.n, map->x_numeric = mx.numeric, map->x_continuous = mx.continuous, map->x_log = mx.log;
    map->x_edges = mx.edges, map->x_labels = mx.labels, map->x_ticks = mx.ticks, map->x_title = mx.title;
    map->ny = my.n, map->y_numeric = my.numeric, map->y_continuous = my.continuous, map->y_log = my.log;
    map->y_edges = my.edges, map->y_labels = my.labels, map->y_ticks = my.ticks, map->y_title = my.title;
  }
  map->note = describe_others (self, q);
  n = map->nx * map->ny;
  per_cell = expected_per_cell (self, q);
  map->cells = g_new0 (CcSweepCell, n);
  for (guint c = 0; c < n; c++)
    {
      map->cells[c].mean = map->cells[c].sd = map->cells[c].lo = map->cells[c].hi = NAN;
      map->cells[c].index = G_MAXUINT64;
      map->cells[c].n_expected = per_cell;
    }

  acc.designs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  acc.mechanisms = g_new (GHashTable *, n);
  acc.error_index = g_new (guint64, n);
  for (guint c = 0; c < n; c++)
    {
      acc.mechanisms[c] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      acc.error_index[c] = G_MAXUINT64;
    }
  collect (self, q, map, &acc);
  finish_cells (map, &acc);
  for (guint c = 0; c < n; c++)
    g_hash_table_unref (acc.mechanisms[c]);
  g_free (acc.mechanisms);
  g_free (acc.error_index);
  g_hash_table_unref (acc.designs);

  colour_range (map);
  list_mechanisms (map);
  return map;
}

void
cc_sweep_map_free (CcSweepMap *map)
{
  if (map == NULL)
    return;
  for (guint c = 0; c < map->nx * map->ny; c++)
    {
      g_free (map->cells[c].mechanism);
      g_free (map->cells[c].error);
    }
  g_free (map->cells);
  g_free (map->metric_title);
  g_free (map->x_edges);
  g_free (map->y_edges);
  g_clear_pointer (&map->x_labels, g_ptr_array_unref);
  g_clear_pointer (&map->y_labels, g_ptr_array_unref);
  g_clear_pointer (&map->x_ticks, g_ptr_array_unref);
  g_clear_pointer (&map->y_ticks, g_ptr_array_unref);
  g_clear_pointer (&map->mechanisms, g_ptr_array_unref);
  g_free (map->x_title);
  g_free (map->y_title);
  g_free (map->note);
  g_free (map);
}

const CcSweepCell *
cc_sweep_map_get_cell (const CcSweepMap *map,
                       guint             ix,
                       guint             iy)
{
  g_return_val_if_fail (map != NULL && ix < map->nx && iy < map->ny, NULL);
  return &map->cells[iy * map->nx + ix];
}

static gboolean
locate_1d (gboolean      numeric,
           const double *edges,
           guint         n,
           double        v,
           guint        *out)
{
  if (!isfinite (v))
    return FALSE;
  if (!numeric)
    {
      double k = floor (v + 0.5);

      if (k < 0 || k >= n)
        return FALSE;
      *out = (guint) k;
      return TRUE;
    }
  if (v < edges[0] || v > edges[n])
    return FALSE;
  for (guint k = 0; k < n; k++)
    if (v <= edges[k + 1])
      {
        *out = k;
        return TRUE;
      }
  return FALSE;
}

gboolean
cc_sweep_map_locate (const CcSweepMap *map,
                     double            x,
                     double            y,
                     guint            *ix,
                     guint            *iy)
{
  g_return_val_if_fail (map != NULL && ix != NULL && iy != NULL, FALSE);
  return locate_1d (map->x_continuous, map->x_edges, map->nx, x, ix)
         && locate_1d (map->y_continuous, map->y_edges, map->ny, y, iy);
}

GArray *
cc_sweep_grid_cell_points (CcSweepGrid           *self,
                           const CcSweepMapQuery *q,
                           guint                  ix,
                           guint                  iy,
                           guint                  max)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint64));
  guint coords[CC_SWEEP_MAX_AXES] = { 0 };
  guint n = self->axes->len;

  g_return_val_if_fail (self != NULL && q != NULL, out);
  if (self->sweep == NULL || !check_query (self, q, NULL) || ix >= cc_sweep_grid_axis_n_values (self, q->x_axis)
      || (q->y_axis >= 0 ? iy >= cc_sweep_grid_axis_n_values (self, q->y_axis) : iy > 0))
    return out;
  /* Fixed axes at their value, averaged ones counting up like an odometer. */
  for (guint a = 0; a < n; a++)
    coords[a] = a == q->x_axis ? ix : (int) a == q->y_axis ? iy
                : q->fixed != NULL && q->fixed[a] >= 0 ? (guint) q->fixed[a] : 0;
  while (out->len < max)
    {
      guint64 index;
      guint a;

      if (cc_sweep_grid_coords_index (self, coords, &index))
        g_array_append_val (out, index);
      for (a = 0; a < n; a++)
        {
          if (!is_free (q, a) || (q->fixed != NULL && q->fixed[a] >= 0))
            continue;
          if (++coords[a] < cc_sweep_grid_axis_n_values (self, a))
            break;
          coords[a] = 0;
        }
      if (a == n)
        break;
    }
  return out;
}
