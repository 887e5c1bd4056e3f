/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sweep results: evaluating a point, one JSON line per point, reading and
 * writing results files.
 */
#include "cc-sweep-record.h"
#include "cc-json-util.h"

#include <math.h>
#include <string.h>

static const char * const status_names[] = { "ok", "invalid", "failed" };

const char *
cc_sweep_status_to_string (CcSweepStatus status)
{
  g_return_val_if_fail (status <= CC_SWEEP_STATUS_FAILED, NULL);
  return status_names[status];
}

CcSweepRecord *
cc_sweep_record_new (void)
{
  CcSweepRecord *r = g_new0 (CcSweepRecord, 1);

  cc_sweep_metrics_init (&r->metrics);
  return r;
}

void
cc_sweep_record_free (CcSweepRecord *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_clear_pointer (&self->values, json_node_unref);
  g_free (self->evaluator);
  cc_sweep_metrics_clear (&self->metrics);
  g_free (self->line);
  g_free (self);
}

static void
add_metrics (JsonBuilder          *b,
             const CcSweepMetrics *m)
{
  json_builder_set_member_name (b, "metrics");
  json_builder_begin_object (b);
  for (guint i = 0; i < cc_sweep_metric_get_n (); i++)
    {
      double v = cc_sweep_metrics_get (m, i);

      json_builder_set_member_name (b, cc_sweep_metric_get_name (i));
      if (isfinite (v))
        json_builder_add_double_value (b, v);
      else
        json_builder_add_null_value (b);
    }
  json_builder_set_member_name (b, "retention_cycles");
  json_builder_add_int_value (b, m->retention_cycles);
  json_builder_set_member_name (b, "limiting_mechanism");
  if (m->limiting_mechanism != NULL)
    json_builder_add_string_value (b, m->limiting_mechanism);
  else
    json_builder_add_null_value (b);
  json_builder_end_object (b);
}

void
cc_sweep_record_serialize (CcSweepRecord *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "index");
  json_builder_add_int_value (b, (gint64) self->index);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, self->id);
  json_builder_set_member_name (b, "replicate");
  json_builder_add_int_value (b, self->replicate);
  json_builder_set_member_name (b, "seed");
  json_builder_add_int_value (b, (gint64) self->seed);
  json_builder_set_member_name (b, "values");
  json_builder_add_value (b, json_node_copy (self->values));
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, cc_sweep_status_to_string (self->status));
  json_builder_set_member_name (b, "evaluator");
  json_builder_add_string_value (b, self->evaluator);
  if (self->status == CC_SWEEP_STATUS_OK)
    add_metrics (b, &self->metrics);
  else
    {
      json_builder_set_member_name (b, "error");
      json_builder_add_string_value (b, self->metrics.error ? self->metrics.error : "");
    }
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  g_free (self->line);
  self->line = cc_json_to_data (root, FALSE, NULL);
}

/* ---- Parsing --------------------------------------------------------- */

static const CcJsonErrors *
codes (void)
{
  /* Filled once: the loaders also run on worker threads. */
  static CcJsonErrors c;
  static gsize ready;

  if (g_once_init_enter (&ready))
    {
      c.domain = CC_SWEEP_ERROR;
      c.code_type = CC_SWEEP_ERROR_PARSE;
      c.code_missing = CC_SWEEP_ERROR_PARSE;
      g_once_init_leave (&ready, 1);
    }
  return &c;
}

static gboolean
parse_metrics (JsonObject     *obj,
               CcSweepMetrics *m,
               GError        **error)
{
  JsonObject *mo = NULL;
  guint64 cycles = 0;

  if (!cc_json_get_object (obj, "", "metrics", CC_JSON_REQUIRED, codes (), &mo, error))
    return FALSE;
  for (guint i = 0; i < cc_sweep_metric_get_n (); i++)
    {
      double v = NAN;
      if (!cc_json_get_double (mo, "metrics", cc_sweep_metric_get_name (i), CC_JSON_OPTIONAL, codes (), &v, error))
        return FALSE;
      cc_sweep_metrics_set (m, i, v);
    }
  if (!cc_json_get_uint (mo, "metrics", "retention_cycles", CC_JSON_OPTIONAL, G_MAXUINT32, codes (), &cycles, error)
      || !cc_json_get_string (mo, "metrics", "limiting_mechanism", CC_JSON_OPTIONAL, codes (),
                              &m->limiting_mechanism, error))
    return FALSE;
  m->retention_cycles = (guint) cycles;
  return TRUE;
}

static gboolean
parse_fields (JsonObject    *obj,
              CcSweepRecord *r,
              GError       **error)
{
  g_autofree char *status = NULL;
  guint64 index = 0, replicate = 0, seed = 0;
  JsonObject *values = NULL;

  if (!cc_json_get_uint (obj, "", "index", CC_JSON_REQUIRED, CC_SWEEP_MAX_POINTS, codes (), &index, error)
      || !cc_json_get_string (obj, "", "id", CC_JSON_REQUIRED, codes (), &r->id, error)
      || !cc_json_get_uint (obj, "", "replicate", CC_JSON_REQUIRED, G_MAXUINT32, codes (), &replicate, error)
      || !cc_json_get_uint (obj, "", "seed", CC_JSON_OPTIONAL, G_MAXINT64, codes (), &seed, error)
      || !cc_json_get_object (obj, "", "values", CC_JSON_REQUIRED, codes (), &values, error)
      || !cc_json_get_string (obj, "", "status", CC_JSON_REQUIRED, codes (), &status, error)
      || !cc_json_get_string (obj, "", "evaluator", CC_JSON_REQUIRED, codes (), &r->evaluator, error))
    return FALSE;
  r->index = index;
  r->replicate = (guint) replicate;
  r->seed = seed;
  r->values = json_node_copy (json_object_get_member (obj, "values"));

  if (g_str_equal (status, "ok"))
    {
      r->status = CC_SWEEP_STATUS_OK;
      return parse_metrics (obj, &r->metrics, error);
    }
  if (g_str_equal (status, "invalid") || g_str_equal (status, "failed"))
    {
      r->status = g_str_equal (status, "invalid") ? CC_SWEEP_STATUS_INVALID : CC_SWEEP_STATUS_FAILED;
      return cc_json_get_string (obj, "", "error", CC_JSON_REQUIRED, codes (), &r->metrics.error, error);
    }
  g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_PARSE,
               "status = \"%s\": must be ok, invalid or failed", status);
  return FALSE;
}

CcSweepRecord *
cc_sweep_record_parse (const char  *line,
                       gsize        length,
                       GError     **error)
{
  g_autoptr(CcSweepRecord) r = cc_sweep_record_new ();
  g_autoptr(JsonNode) root = NULL;

  root = cc_json_parse (line, (gssize) length, 0, codes (), error);
  if (root == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_PARSE, "a result line must be a JSON object");
      return NULL;
    }
  if (!parse_fields (json_node_get_object (root), r, error))
    return NULL;
  r->line = g_strndup (line, length);
  return g_steal_pointer (&r);
}

char *
cc_sweep_record_design_key (const CcSweepRecord *self)
{
  return cc_json_to_data (self->values, FALSE, NULL);
}

/* ---- Evaluation ------------------------------------------------------ */

gboolean
cc_sweep_evaluate_point (const CcSweep          *sweep,
                         const CcSweepValue     *values,
                         guint                   replicate,
                         const CcSweepEvaluator *evaluator,
                         CcMaterialDb           *db,
                         GCancellable           *cancellable,
                         CcSweepRecord          *out)
{
  g_autoptr(CcDesign) design = NULL;
  g_autoptr(GError) error = NULL;
  CcSweepMetrics m;

  out->id = cc_sweep_point_id (sweep, values, replicate);
  out->replicate = replicate;
  out->values = cc_sweep_values_to_json (sweep, values);
  out->evaluator = g_strdup (evaluator->name);
  out->seed = cc_sweep_get_base (sweep)->simulation.seed + replicate;

  design = cc_sweep_build_design (sweep, values, replicate, &error);
  if (design == NULL || !cc_design_validate (design, db, &error))
    {
      out->status = CC_SWEEP_STATUS_INVALID;
      out->metrics.error = g_strdup (error->message);
      return TRUE;
    }
  out->seed = design->simulation.seed;
  if (g_cancellable_is_cancelled (cancellable))
    return FALSE;

  cc_sweep_metrics_init (&m);
  if (!evaluator->func (design, &m, evaluator->user_data, cancellable, &error))
    {
      cc_sweep_metrics_clear (&m);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return FALSE;
      out->status = CC_SWEEP_STATUS_FAILED;
      out->metrics.error = g_strdup (error ? error->message : "the evaluator failed without saying why");
      return TRUE;
    }
  g_clear_pointer (&m.error, g_free);
  m.retention_cycles = design->protocol.cycles;
  out->status = CC_SWEEP_STATUS_OK;
  cc_sweep_metrics_clear (&out->metrics);
  out->metrics = m;
  return TRUE;
}

/* ---- Files ----------------------------------------------------------- */

GPtrArray *
cc_sweep_read_results (const char  *path,
                       gboolean     tolerate_partial_tail,
                       gsize       *valid_bytes,
                       GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) cc_sweep_record_free);
  g_autofree char *data = NULL;
  g_autoptr(GError) local = NULL;
  gsize length = 0, pos = 0;
  guint line_no = 0;

  if (!g_file_get_contents (path, &data, &length, &local))
    {
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_IO, "%s", local->message);
      return NULL;
    }
  while (pos < length)
    {
      const char *start = data + pos;
      const char *nl = memchr (start, '\n', length - pos);
      gsize len = nl ? (gsize) (nl - start) : length - pos;
      CcSweepRecord *r;

      line_no++;
      if (nl == NULL && tolerate_partial_tail)
        break;   /* cut off mid-write: the point is simply done again */
      if (strspn (start, " \t\r") >= len)
        {
          pos += len + 1;
          continue;
        }
      r = cc_sweep_record_parse (start, len, &local);
      if (r == NULL)
        {
          g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_PARSE, "%s:%u: %s", path, line_no, local->message);
          return NULL;
        }
      g_ptr_array_add (out, r);
      pos += len + (nl ? 1 : 0);
    }
  if (valid_bytes != NULL)
    *valid_bytes = MIN (pos, length);
  return g_steal_pointer (&out);
}

static int
compare_index (gconstpointer a,
               gconstpointer b)
{
  const CcSweepRecord *ra = *(CcSweepRecord * const *) a;
  const CcSweepRecord *rb = *(CcSweepRecord * const *) b;

  return ra->index < rb->index ? -1 : ra->index > rb->index ? 1 : 0;
}

gboolean
cc_sweep_results_canonicalize (GPtrArray  *records,
                               GError    **error)
{
  guint w = 0;

  g_ptr_array_sort (records, compare_index);
  for (guint i = 0; i < records->len; i++)
    {
      CcSweepRecord *r = g_ptr_array_index (records, i);

      if (w > 0)
        {
          CcSweepRecord *prev = g_ptr_array_index (records, w - 1);
          if (prev->index == r->index)
            {
              if (g_strcmp0 (prev->line, r->line) != 0)
                {
                  g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_MISMATCH,
                               "point %" G_GUINT64_FORMAT " appears twice with different results "
                               "(ids %s and %s): the files come from different sweeps or evaluators",
                               r->index, prev->id, r->id);
                  return FALSE;
                }
              cc_sweep_record_free (r);
              records->pdata[i] = NULL;
              continue;
            }
        }
      records->pdata[w++] = r;
    }
  /* The tail now holds moved or freed pointers: shrink without freeing. */
  for (guint i = w; i < records->len; i++)
    records->pdata[i] = NULL;
  g_ptr_array_set_size (records, w);
  return TRUE;
}

gboolean
cc_sweep_write_results (const char  *path,
                        GPtrArray   *records,
                        GError     **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) local = NULL;

  for (guint i = 0; i < records->len; i++)
    {
      const CcSweepRecord *r = g_ptr_array_index (records, i);
      g_string_append (text, r->line);
      g_string_append_c (text, '\n');
    }
  if (!g_file_set_contents (path, text->str, (gssize) text->len, &local))
    {
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_IO, "%s", local->message);
      return FALSE;
    }
  return TRUE;
}
