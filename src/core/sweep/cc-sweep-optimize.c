/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sweep optimiser: maps the numeric axes onto a Nelder–Mead search, one
 * search per combination of categorical values, with designs cached by point
 * id and replicates evaluated in parallel on a thread pool.
 */
#include "cc-sweep-optimize.h"
#include "cc-sweep-record.h"
#include "cc-nelder-mead.h"

#include <math.h>
#include <string.h>

gboolean
cc_sweep_constraint_parse (const char         *text,
                           CcSweepConstraint  *out,
                           GError            **error)
{
  const char *op = strpbrk (text, "<>");
  g_autofree char *name = NULL;
  const char *num;
  char *end = NULL;

  if (op == NULL)
    {
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID,
                   "constraint \"%s\": write METRIC>=VALUE or METRIC<=VALUE", text);
      return FALSE;
    }
  name = g_strstrip (g_strndup (text, op - text));
  out->kind = *op == '>' ? CC_SWEEP_AT_LEAST : CC_SWEEP_AT_MOST;
  num = op + 1 + (op[1] == '=');
  if (!cc_sweep_metric_lookup (name, &out->metric))
    {
      g_autoptr(GString) names = g_string_new (NULL);
      for (guint i = 0; i < cc_sweep_metric_get_n (); i++)
        g_string_append_printf (names, "%s%s", i ? ", " : "", cc_sweep_metric_get_name (i));
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID,
                   "constraint \"%s\": unknown metric \"%s\" (one of %s)", text, name, names->str);
      return FALSE;
    }
  while (g_ascii_isspace (*num))
    num++;
  out->bound = g_ascii_strtod (num, &end);
  while (end != NULL && g_ascii_isspace (*end))
    end++;
  if (end == num || end == NULL || *end != '\0' || !isfinite (out->bound))
    {
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID,
                   "constraint \"%s\": \"%s\" is not a number", text, num);
      return FALSE;
    }
  return TRUE;
}

double
cc_sweep_constraint_violation (const CcSweepConstraint *self,
                               double                   value)
{
  double scale = self->bound != 0 ? fabs (self->bound) : 1.0;
  double gap;

  if (isnan (value))
    return INFINITY;
  gap = self->kind == CC_SWEEP_AT_LEAST ? self->bound - value : value - self->bound;
  return gap > 0 ? gap / scale : 0.0;
}

/* ---- Evaluation with a cache ---------------------------------------- */

typedef struct {
  CcNmValue       v;
  CcSweepMetrics  mean;
  double          sd[CC_SWEEP_N_METRICS];
  gboolean        computed;
  char           *error;
} Evaluated;

static void
evaluated_free (Evaluated *e)
{
  cc_sweep_metrics_clear (&e->mean);
  g_free (e->error);
  g_free (e);
}

typedef struct {
  CcSweep                      *sweep;
  const CcSweepEvaluator       *evaluator;
  CcMaterialDb                 *db;
  GCancellable                 *cancellable;
  const CcSweepOptimizeOptions *o;
  GThreadPool                  *pool;
  GAsyncQueue                  *finished;      /* Job* */
  GHashTable                   *cache;         /* id -> Evaluated* */
  guint                         n_var;
  guint                         var_axis[CC_SWEEP_MAX_AXES];
  gboolean                      var_log[CC_SWEEP_MAX_AXES];
  double                        var_lo[CC_SWEEP_MAX_AXES], var_hi[CC_SWEEP_MAX_AXES];
  CcSweepValue                  fixed[CC_SWEEP_MAX_AXES];   /* the combination + one-value axes */
  guint                         points;
} Opt;

typedef struct {
  Opt           *opt;
  CcSweepValue   values[CC_SWEEP_MAX_AXES];
  guint          replicate;
  CcSweepRecord *record;
  gboolean       done;
} Job;

static void
job_worker (gpointer data,
            gpointer user_data)
{
  Job *job = data;
  Opt *o = job->opt;

  job->record = cc_sweep_record_new ();
  job->done = cc_sweep_evaluate_point (o->sweep, job->values, job->replicate, o->evaluator, o->db,
                                       o->cancellable, job->record);
  g_async_queue_push (o->finished, job);
}

static void
values_at (const Opt    *o,
           const double *x,
           CcSweepValue *values)
{
  memcpy (values, o->fixed, sizeof o->fixed);
  for (guint j = 0; j < o->n_var; j++)
    {
      double v = o->var_log[j] ? exp (x[j]) : x[j];
      /* exp(log(hi)) may come out a hair above hi. */
      values[o->var_axis[j]].number = CLAMP (v, o->var_lo[j], o->var_hi[j]);
    }
}

/* Mean and spread over the replicates of one design; all must be computed. */
static Evaluated *
aggregate (Opt  *o,
           Job **jobs,
           guint n)
{
  const CcSweepOptimizeOptions *opt = o->o;
  Evaluated *e = g_new0 (Evaluated, 1);

  cc_sweep_metrics_init (&e->mean);
  e->v = (CcNmValue) { NAN, INFINITY };
  for (guint r = 0; r < n; r++)
    if (jobs[r]->record->status != CC_SWEEP_STATUS_OK)
      {
        e->error = g_strdup (jobs[r]->record->metrics.error);
        return e;
      }
  e->computed = TRUE;
  for (guint k = 0; k < CC_SWEEP_N_METRICS; k++)
    {
      double s = 0, s2 = 0, mean;
      for (guint r = 0; r < n; r++)
        {
          double v = cc_sweep_metrics_get (&jobs[r]->record->metrics, k);
          s += v;
          s2 += v * v;
        }
      mean = s / n;
      cc_sweep_metrics_set (&e->mean, k, mean);
      e->sd[k] = n > 1 ? sqrt (MAX (0.0, (s2 - n * mean * mean) / (n - 1))) : 0.0;
    }
  e->mean.limiting_mechanism = g_strdup (jobs[0]->record->metrics.limiting_mechanism);
  e->mean.retention_cycles = jobs[0]->record->metrics.retention_cycles;

  e->v.objective = cc_sweep_metrics_get (&e->mean, opt->objective);
  if (opt->maximize)
    e->v.objective = -e->v.objective;
  e->v.violation = isnan (e->v.objective) ? INFINITY : 0.0;
  for (guint c = 0; c < opt->n_constraints; c++)
    e->v.violation += cc_sweep_constraint_violation (&opt->constraints[c],
                                                     cc_sweep_metrics_get (&e->mean, opt->constraints[c].metric));
  return e;
}

/* Runs the replicates of the designs not yet in the cache, in parallel. */
static gboolean
run_jobs (Opt        *o,
          GPtrArray  *ids,        /* char*, new designs */
          GPtrArray  *jobs,       /* Job*, replicates of each id in order */
          GError    **error)
{
  guint R = cc_sweep_get_replicates (o->sweep);
  gboolean cancelled = FALSE;

  for (guint i = 0; i < jobs->len; i++)
    g_thread_pool_push (o->pool, g_ptr_array_index (jobs, i), NULL);
  for (guint i = 0; i < jobs->len; i++)
    {
      Job *job = g_async_queue_pop (o->finished);
      cancelled |= !job->done;
    }
  o->points += jobs->len;
  if (cancelled)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "the optimisation was cancelled");
      return FALSE;
    }
  for (guint d = 0; d < ids->len; d++)
    g_hash_table_insert (o->cache, g_strdup (g_ptr_array_index (ids, d)),
                         aggregate (o, (Job **) jobs->pdata + d * R, R));
  return TRUE;
}

static void
job_free (Job *job)
{
  cc_sweep_record_free (job->record);
  g_free (job);
}

static gboolean
evaluate_batch (guint          n,
                guint          dim,
                const double  *x,
                CcNmValue     *out,
                gpointer       user_data,
                GError       **error)
{
  Opt *o = user_data;
  guint R = cc_sweep_get_replicates (o->sweep);
  g_autoptr(GPtrArray) point_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) new_ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
  g_autoptr(GHashTable) queued = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < n; i++)
    {
      CcSweepValue values[CC_SWEEP_MAX_AXES];
      char *id;

      values_at (o, x + i * dim, values);
      id = cc_sweep_point_id (o->sweep, values, 0);
      g_ptr_array_add (point_ids, id);
      if (g_hash_table_contains (o->cache, id) || !g_hash_table_add (queued, id))
        continue;
      g_ptr_array_add (new_ids, id);
      for (guint r = 0; r < R; r++)
        {
          Job *job = g_new0 (Job, 1);
          job->opt = o;
          memcpy (job->values, values, sizeof values);
          job->replicate = r;
          g_ptr_array_add (jobs, job);
        }
    }
  if (jobs->len > 0 && !run_jobs (o, new_ids, jobs, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const Evaluated *e = g_hash_table_lookup (o->cache, g_ptr_array_index (point_ids, i));
      out[i] = e->v;
    }
  return TRUE;
}

/* ---- Searches -------------------------------------------------------- */

void
cc_sweep_optimize_result_free (CcSweepOptimizeResult *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->optima);
  g_free (self);
}

static void
optimum_free (CcSweepOptimum *m)
{
  g_free (m->values);
  g_clear_pointer (&m->values_json, json_node_unref);
  cc_sweep_metrics_clear (&m->mean);
  g_free (m->error);
  g_free (m);
}

/* Numeric axes with a range become search variables; the others are fixed. */
static void
setup_variables (Opt    *o,
                 double *lo,
                 double *hi,
                 double *x0)
{
  o->n_var = 0;
  for (guint a = 0; a < cc_sweep_get_n_axes (o->sweep); a++)
    {
      double l, h, base;
      gboolean log_scale;
      guint j = o->n_var;

      if (cc_sweep_axis_get_kind (o->sweep, a) != CC_SWEEP_AXIS_NUMERIC)
        continue;
      cc_sweep_axis_get_range (o->sweep, a, &l, &h, &log_scale, NULL, &base);
      o->fixed[a].number = l;
      if (!(l < h))
        continue;
      o->var_axis[j] = a;
      o->var_log[j] = log_scale;
      o->var_lo[j] = l;
      o->var_hi[j] = h;
      lo[j] = log_scale ? log (l) : l;
      hi[j] = log_scale ? log (h) : h;
      /* Start from the base design when it lies in the range. */
      x0[j] = (base >= l && base <= h) ? (log_scale ? log (base) : base) : 0.5 * (lo[j] + hi[j]);
      o->n_var++;
    }
}

static CcSweepOptimum *
search_combination (Opt           *o,
                    const double  *lo,
                    const double  *hi,
                    const double  *x0,
                    CcNmValue     *rank,
                    GError       **error)
{
  guint n_axes = cc_sweep_get_n_axes (o->sweep);
  CcNmOptions nm = { o->o->max_evaluations, o->o->x_tolerance, 0.25, 2 };
  double x[CC_SWEEP_MAX_AXES];
  CcSweepValue values[CC_SWEEP_MAX_AXES];
  g_autofree char *id = NULL;
  const Evaluated *e;
  CcSweepOptimum *m;
  CcNmResult res;

  if (!cc_nm_minimize (o->n_var, lo, hi, x0, evaluate_batch, o, &nm, x, &res, error))
    return NULL;
  values_at (o, x, values);
  id = cc_sweep_point_id (o->sweep, values, 0);
  e = g_hash_table_lookup (o->cache, id);
  g_assert (e != NULL);

  m = g_new0 (CcSweepOptimum, 1);
  m->values = g_memdup2 (values, n_axes * sizeof (CcSweepValue));
  m->values_json = cc_sweep_values_to_json (o->sweep, values);
  cc_sweep_metrics_copy (&e->mean, &m->mean);
  memcpy (m->sd, e->sd, sizeof m->sd);
  m->computed = e->computed;
  m->violation = e->v.violation;
  m->feasible = e->computed && e->v.violation <= 0;
  m->error = g_strdup (e->error);
  m->evaluations = res.evaluations;
  m->restarts = res.restarts;
  m->converged = res.converged;
  *rank = e->v;
  return m;
}

typedef struct {
  CcSweepOptimum *m;
  CcNmValue       rank;
} Ranked;

static int
by_rank (gconstpointer a,
         gconstpointer b)
{
  const Ranked *ra = a, *rb = b;

  if (cc_nm_better (&ra->rank, &rb->rank))
    return -1;
  return cc_nm_better (&rb->rank, &ra->rank) ? 1 : 0;
}

static gboolean
check_options (CcSweep                      *sweep,
               const CcSweepOptimizeOptions *o,
               guint                        *n_combos,
               GError                      **error)
{
  guint64 n = 1;

  if (o->objective >= CC_SWEEP_N_METRICS)
    {
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID, "unknown objective metric");
      return FALSE;
    }
  for (guint a = 0; a < cc_sweep_get_n_axes (sweep); a++)
    if (cc_sweep_axis_get_kind (sweep, a) == CC_SWEEP_AXIS_CATEGORICAL)
      n *= cc_sweep_axis_get_n_values (sweep, a);
  if (n > CC_SWEEP_MAX_COMBINATIONS)
    {
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_TOO_LARGE,
                   "the categorical axes make %" G_GUINT64_FORMAT " combinations; the optimiser searches "
                   "at most %d: fix some of them", n, CC_SWEEP_MAX_COMBINATIONS);
      return FALSE;
    }
  *n_combos = (guint) n;
  return TRUE;
}

/* Sets the categorical values of combination @c (last axis fastest). */
static void
set_combination (Opt  *o,
                 guint c)
{
  for (guint a = cc_sweep_get_n_axes (o->sweep); a-- > 0;)
    if (cc_sweep_axis_get_kind (o->sweep, a) == CC_SWEEP_AXIS_CATEGORICAL)
      {
        guint n = cc_sweep_axis_get_n_values (o->sweep, a);
        o->fixed[a] = cc_sweep_axis_get_value (o->sweep, a, c % n);
        c /= n;
      }
}

static gboolean
search_all (Opt        *o,
            guint       n_combos,
            GArray     *ranked,
            GError    **error)
{
  double lo[CC_SWEEP_MAX_AXES], hi[CC_SWEEP_MAX_AXES], x0[CC_SWEEP_MAX_AXES];

  setup_variables (o, lo, hi, x0);
  for (guint c = 0; c < n_combos; c++)
    {
      Ranked r;

      set_combination (o, c);
      r.m = search_combination (o, lo, hi, x0, &r.rank, error);
      if (r.m == NULL)
        return FALSE;
      g_array_append_val (ranked, r);
    }
  return TRUE;
}

CcSweepOptimizeResult *
cc_sweep_optimize (CcSweep                      *sweep,
                   const CcSweepEvaluator       *evaluator,
                   CcMaterialDb                 *db,
                   const CcSweepOptimizeOptions *options,
                   GCancellable                 *cancellable,
                   GError                      **error)
{
  Opt o = { sweep, evaluator, db, cancellable, options };
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  CcSweepOptimizeResult *result = NULL;
  guint n_combos = 0, n_threads;
  gboolean ok;

  g_return_val_if_fail (sweep != NULL && evaluator != NULL && db != NULL && options != NULL, NULL);
  if (!check_options (sweep, options, &n_combos, error))
    return NULL;

  n_threads = options->n_threads ? options->n_threads : (guint) g_get_num_processors ();
  o.pool = g_thread_pool_new (job_worker, NULL, (gint) n_threads, FALSE, NULL);
  o.finished = g_async_queue_new ();
  o.cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) evaluated_free);

  ok = search_all (&o, n_combos, ranked, error);

  g_thread_pool_free (o.pool, FALSE, TRUE);
  g_async_queue_unref (o.finished);
  g_hash_table_unref (o.cache);
  if (ok)
    {
      g_array_sort (ranked, by_rank);
      result = g_new0 (CcSweepOptimizeResult, 1);
      result->optima = g_ptr_array_new_with_free_func ((GDestroyNotify) optimum_free);
      result->points_evaluated = o.points;
    }
  for (guint i = 0; i < ranked->len; i++)
    {
      CcSweepOptimum *m = g_array_index (ranked, Ranked, i).m;
      if (result != NULL)
        g_ptr_array_add (result->optima, m);
      else
        optimum_free (m);
    }
  return result;
}
