/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The grid of a sweep's results: records by index, axes and their values,
 * designs rebuilt from the sweep. See cc-chart-sweep.h.
 */
#include "cc-chart-sweep-private.h"
#include "cc-sweep-run.h"
#include "cc-chart-table.h"

#include <math.h>

static void
axis_free (gpointer data)
{
  CcGridAxis *a = data;

  g_free (a->path);
  g_clear_pointer (&a->numbers, g_array_unref);
  g_clear_pointer (&a->labels, g_ptr_array_unref);
  g_free (a);
}

static CcGridAxis *
axis_new (const char *path,
          gboolean    numeric)
{
  CcGridAxis *a = g_new0 (CcGridAxis, 1);

  a->path = g_strdup (path);
  a->numeric = numeric;
  a->numbers = g_array_new (FALSE, FALSE, sizeof (double));
  a->labels = g_ptr_array_new_with_free_func (g_free);
  return a;
}

static gboolean
same_number (double a,
             double b)
{
  return fabs (a - b) <= 1e-9 * MAX (1.0, MAX (fabs (a), fabs (b)));
}

static int
find_number (const CcGridAxis *a,
             double            v)
{
  for (guint k = 0; k < a->numbers->len; k++)
    if (same_number (g_array_index (a->numbers, double, k), v))
      return (int) k;
  return -1;
}

static int
find_label (const CcGridAxis *a,
            const char       *label)
{
  for (guint k = 0; k < a->labels->len; k++)
    if (g_strcmp0 (g_ptr_array_index (a->labels, k), label) == 0)
      return (int) k;
  return -1;
}

static void
insert_number (CcGridAxis *a,
               double      v)
{
  guint k = 0;

  if (find_number (a, v) >= 0)
    return;
  while (k < a->numbers->len && g_array_index (a->numbers, double, k) < v)
    k++;
  g_array_insert_val (a->numbers, k, v);
}

/* Without the sweep, a log-spaced axis shows itself by near-constant ratios
 * of neighbouring values where the differences are not constant. */
static void
guess_log (CcGridAxis *a)
{
  const double *v = (const double *) a->numbers->data;
  guint n = a->numbers->len;
  double rmin = INFINITY, rmax = 0, dmin = INFINITY, dmax = 0;

  a->log = FALSE;
  if (a->log_known || n < 3 || v[0] <= 0)
    return;
  for (guint k = 1; k < n; k++)
    {
      rmin = MIN (rmin, v[k] / v[k - 1]);
      rmax = MAX (rmax, v[k] / v[k - 1]);
      dmin = MIN (dmin, v[k] - v[k - 1]);
      dmax = MAX (dmax, v[k] - v[k - 1]);
    }
  a->log = rmax / rmin < 1.02 && dmax / dmin > 1.05;
}

static void
axes_from_sweep (CcSweepGrid *self)
{
  CcSweep *sweep = self->sweep;

  g_ptr_array_set_size (self->axes, 0);
  for (guint i = 0; i < cc_sweep_get_n_axes (sweep); i++)
    {
      gboolean numeric = cc_sweep_axis_get_kind (sweep, i) == CC_SWEEP_AXIS_NUMERIC;
      CcGridAxis *a = axis_new (cc_sweep_axis_get_path (sweep, i), numeric);
      gboolean integer = FALSE;

      if (numeric)
        cc_sweep_axis_get_range (sweep, i, NULL, NULL, &a->log, &integer, NULL);
      a->log_known = TRUE;
      for (guint k = 0; k < cc_sweep_axis_get_n_values (sweep, i); k++)
        {
          CcSweepValue v = cc_sweep_axis_get_value (sweep, i, k);

          /* Records hold whole-number fields rounded. */
          if (numeric)
            insert_number (a, integer ? round (v.number) : v.number);
          else if (find_label (a, v.label) < 0)
            g_ptr_array_add (a->labels, g_strdup (v.label));
        }
      g_ptr_array_add (self->axes, a);
    }
}

CcSweepGrid *
cc_sweep_grid_new (CcSweep *sweep)
{
  CcSweepGrid *self = g_new0 (CcSweepGrid, 1);

  self->db = cc_material_db_get_default ();
  self->axes = g_ptr_array_new_with_free_func (axis_free);
  self->records = g_ptr_array_new_with_free_func ((GDestroyNotify) cc_sweep_record_free);
  self->by_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  if (sweep != NULL)
    {
      self->sweep = cc_sweep_ref (sweep);
      axes_from_sweep (self);
    }
  return self;
}

void
cc_sweep_grid_free (CcSweepGrid *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->sweep, cc_sweep_unref);
  g_hash_table_unref (self->by_index);
  g_ptr_array_unref (self->records);
  g_ptr_array_unref (self->axes);
  g_free (self->evaluator);
  g_free (self);
}

/* ---- adding records ---------------------------------------------------------- */

static gboolean
refuse (GError     **error,
        CcSweepError code,
        const char  *format,
        ...) G_GNUC_PRINTF (3, 4);

static gboolean
refuse (GError     **error,
        CcSweepError code,
        const char  *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list ap;

  va_start (ap, format);
  message = g_strdup_vprintf (format, ap);
  va_end (ap);
  g_set_error_literal (error, CC_SWEEP_ERROR, code, message);
  return FALSE;
}

/* The first record without a sweep defines the axes, in its order. */
static gboolean
axes_from_record (CcSweepGrid         *self,
                  const CcSweepRecord *r,
                  GError             **error)
{
  JsonObject *values = json_node_get_object (r->values);
  JsonObjectIter it;
  const char *path;
  JsonNode *node;

  json_object_iter_init_ordered (&it, values);
  while (json_object_iter_next_ordered (&it, &path, &node))
    {
      gboolean numeric = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) != G_TYPE_STRING;

      if (self->axes->len >= CC_SWEEP_MAX_AXES)
        return refuse (error, CC_SWEEP_ERROR_TOO_LARGE, "point %" G_GUINT64_FORMAT ": more than %d axes",
                       r->index, CC_SWEEP_MAX_AXES);
      g_ptr_array_add (self->axes, axis_new (path, numeric));
    }
  return TRUE;
}

/* Without a sweep: a record's values extend the axes. */
static gboolean
extend_axes (CcSweepGrid         *self,
             const CcSweepRecord *r,
             GError             **error)
{
  JsonObject *values = json_node_get_object (r->values);

  if (json_object_get_size (values) != self->axes->len)
    return refuse (error, CC_SWEEP_ERROR_MISMATCH, "point %" G_GUINT64_FORMAT ": has %u axes where the first "
                   "result has %u: the results come from different sweeps", r->index,
                   json_object_get_size (values), self->axes->len);
  for (guint i = 0; i < self->axes->len; i++)
    {
      CcGridAxis *a = g_ptr_array_index (self->axes, i);
      JsonNode *node = json_object_get_member (values, a->path);
      gboolean is_string = node != NULL && JSON_NODE_HOLDS_VALUE (node)
                           && json_node_get_value_type (node) == G_TYPE_STRING;

      if (node == NULL || (a->numeric && (!JSON_NODE_HOLDS_VALUE (node) || is_string))
          || (!a->numeric && !is_string && !JSON_NODE_HOLDS_NULL (node)))
        return refuse (error, CC_SWEEP_ERROR_MISMATCH, "point %" G_GUINT64_FORMAT ": axis “%s” is missing or "
                       "holds another kind of value than in the first result", r->index, a->path);
    }
  for (guint i = 0; i < self->axes->len; i++)
    {
      CcGridAxis *a = g_ptr_array_index (self->axes, i);
      JsonNode *node = json_object_get_member (values, a->path);

      if (a->numeric)
        {
          insert_number (a, json_node_get_double (node));
          guess_log (a);
        }
      else if (find_label (a, json_node_get_string (node)) < 0)
        g_ptr_array_add (a->labels, g_strdup (json_node_get_string (node)));
    }
  return TRUE;
}

static gboolean
check_record (CcSweepGrid         *self,
              const CcSweepRecord *r,
              GError             **error)
{
  const CcSweepRecord *held = g_hash_table_lookup (self->by_index, &r->index);

  if (self->evaluator != NULL && g_strcmp0 (self->evaluator, r->evaluator) != 0)
    return refuse (error, CC_SWEEP_ERROR_MISMATCH, "point %" G_GUINT64_FORMAT ": computed by “%s”, the "
                   "others by “%s”", r->index, r->evaluator, self->evaluator);
  if (held != NULL && g_strcmp0 (held->line, r->line) != 0)
    return refuse (error, CC_SWEEP_ERROR_MISMATCH, "point %" G_GUINT64_FORMAT " appears twice with different "
                   "results", r->index);
  if (r->values == NULL || !JSON_NODE_HOLDS_OBJECT (r->values))
    return refuse (error, CC_SWEEP_ERROR_PARSE, "point %" G_GUINT64_FORMAT ": no axis values", r->index);
  if (self->sweep != NULL)
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new ();

      g_ptr_array_add (one, (gpointer) r);
      return cc_sweep_check_results (self->sweep, one, 0, 1, "results", error);
    }
  return TRUE;
}

gboolean
cc_sweep_grid_add (CcSweepGrid   *self,
                   CcSweepRecord *record,
                   GError       **error)
{
  g_autoptr(CcSweepRecord) r = record;

  g_return_val_if_fail (self != NULL && record != NULL, FALSE);

  if (!check_record (self, r, error))
    return FALSE;
  if (g_hash_table_contains (self->by_index, &r->index))
    return TRUE;   /* the same line again (a resumed file read twice) */
  if (self->sweep == NULL && self->records->len == 0 && !axes_from_record (self, r, error))
    return FALSE;
  if (self->sweep == NULL && !extend_axes (self, r, error))
    return FALSE;
  if (self->evaluator == NULL)
    self->evaluator = g_strdup (r->evaluator);
  if (r->status == CC_SWEEP_STATUS_OK && self->cycles == 0)
    self->cycles = r->metrics.retention_cycles;
  switch (r->status)
    {
    case CC_SWEEP_STATUS_OK: self->n_ok++; break;
    case CC_SWEEP_STATUS_INVALID: self->n_invalid++; break;
    default: self->n_failed++; break;
    }
  g_hash_table_insert (self->by_index, &r->index, r);
  g_ptr_array_add (self->records, g_steal_pointer (&r));
  return TRUE;
}

gboolean
cc_sweep_grid_set_sweep (CcSweepGrid *self,
                         CcSweep     *sweep,
                         GError     **error)
{
  g_return_val_if_fail (self != NULL && sweep != NULL, FALSE);

  if (!cc_sweep_check_results (sweep, self->records, 0, 1, "results", error))
    return FALSE;
  g_clear_pointer (&self->sweep, cc_sweep_unref);
  self->sweep = cc_sweep_ref (sweep);
  axes_from_sweep (self);
  return TRUE;
}

/* ---- reading ----------------------------------------------------------------- */

CcSweep *
cc_sweep_grid_get_sweep (CcSweepGrid *self)
{
  return self->sweep;
}

guint
cc_sweep_grid_get_n_records (CcSweepGrid *self)
{
  return self->records->len;
}

guint64
cc_sweep_grid_get_n_expected (CcSweepGrid *self)
{
  return self->sweep != NULL ? cc_sweep_get_n_points (self->sweep) : 0;
}

void
cc_sweep_grid_count (CcSweepGrid *self,
                     guint       *n_ok,
                     guint       *n_invalid,
                     guint       *n_failed)
{
  if (n_ok) *n_ok = self->n_ok;
  if (n_invalid) *n_invalid = self->n_invalid;
  if (n_failed) *n_failed = self->n_failed;
}

const char *
cc_sweep_grid_get_evaluator (CcSweepGrid *self)
{
  return self->evaluator;
}

guint
cc_sweep_grid_get_cycles (CcSweepGrid *self)
{
  return self->cycles;
}

GPtrArray *
cc_sweep_grid_get_records (CcSweepGrid *self)
{
  return self->records;
}

guint
cc_sweep_grid_get_n_axes (CcSweepGrid *self)
{
  return self->axes->len;
}

static CcGridAxis *
get_axis (CcSweepGrid *self,
          guint        axis)
{
  g_return_val_if_fail (axis < self->axes->len, NULL);
  return g_ptr_array_index (self->axes, axis);
}

const char *
cc_sweep_grid_axis_path (CcSweepGrid *self,
                         guint        axis)
{
  return get_axis (self, axis)->path;
}

gboolean
cc_sweep_grid_axis_is_numeric (CcSweepGrid *self,
                               guint        axis)
{
  return get_axis (self, axis)->numeric;
}

gboolean
cc_sweep_grid_axis_is_log (CcSweepGrid *self,
                           guint        axis)
{
  return get_axis (self, axis)->log;
}

guint
cc_sweep_grid_axis_n_values (CcSweepGrid *self,
                             guint        axis)
{
  CcGridAxis *a = get_axis (self, axis);

  return a->numeric ? a->numbers->len : a->labels->len;
}

double
cc_sweep_grid_axis_number (CcSweepGrid *self,
                           guint        axis,
                           guint        k)
{
  CcGridAxis *a = get_axis (self, axis);

  g_return_val_if_fail (a->numeric && k < a->numbers->len, NAN);
  return g_array_index (a->numbers, double, k);
}

const char *
cc_sweep_grid_axis_label (CcSweepGrid *self,
                          guint        axis,
                          guint        k)
{
  CcGridAxis *a = get_axis (self, axis);

  g_return_val_if_fail (!a->numeric && k < a->labels->len, NULL);
  return g_ptr_array_index (a->labels, k);
}

static const CcDesign *
base_design (CcSweepGrid *self)
{
  return self->sweep != NULL ? cc_sweep_get_base (self->sweep) : NULL;
}

char *
cc_sweep_grid_axis_title (CcSweepGrid *self,
                          guint        axis)
{
  return cc_sweep_path_title (get_axis (self, axis)->path, base_design (self), self->db);
}

char *
cc_sweep_grid_value_markup (CcSweepGrid *self,
                            guint        axis,
                            guint        k)
{
  CcGridAxis *a = get_axis (self, axis);

  return cc_sweep_value_markup (a->path, a->numeric, a->numeric ? g_array_index (a->numbers, double, k) : NAN,
                                a->numeric ? NULL : g_ptr_array_index (a->labels, k), self->db);
}

guint
cc_sweep_grid_axis_default (CcSweepGrid *self,
                            guint        axis)
{
  CcGridAxis *a = get_axis (self, axis);
  double base = NAN;
  int k;

  if (self->sweep == NULL || !a->numeric)
    return 0;
  cc_sweep_axis_get_range (self->sweep, axis, NULL, NULL, NULL, NULL, &base);
  k = isfinite (base) ? find_number (a, base) : -1;
  return k >= 0 ? (guint) k : 0;
}

gboolean
cc_sweep_grid_values_coords (CcSweepGrid *self,
                             JsonNode    *values,
                             guint       *coords)
{
  JsonObject *obj = values != NULL && JSON_NODE_HOLDS_OBJECT (values) ? json_node_get_object (values) : NULL;

  if (obj == NULL)
    return FALSE;
  for (guint i = 0; i < self->axes->len; i++)
    {
      CcGridAxis *a = g_ptr_array_index (self->axes, i);
      JsonNode *node = json_object_get_member (obj, a->path);
      int k;

      if (node == NULL || !(JSON_NODE_HOLDS_VALUE (node) || JSON_NODE_HOLDS_NULL (node)))
        return FALSE;
      if (a->numeric)
        k = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) != G_TYPE_STRING
            ? find_number (a, json_node_get_double (node)) : -1;
      else
        k = JSON_NODE_HOLDS_NULL (node) ? find_label (a, NULL)
            : json_node_get_value_type (node) == G_TYPE_STRING ? find_label (a, json_node_get_string (node)) : -1;
      if (k < 0)
        return FALSE;
      coords[i] = (guint) k;
    }
  return TRUE;
}

gboolean
cc_sweep_grid_record_coords (CcSweepGrid         *self,
                             const CcSweepRecord *record,
                             guint               *coords)
{
  g_return_val_if_fail (self != NULL && record != NULL && coords != NULL, FALSE);
  return cc_sweep_grid_values_coords (self, record->values, coords);
}

char *
cc_sweep_grid_short_label (CcSweepGrid *self,
                           const guint *coords)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < self->axes->len; i++)
    {
      g_autofree char *v = NULL;

      if (cc_sweep_grid_axis_n_values (self, i) < 2)
        continue;
      v = cc_sweep_grid_value_markup (self, i, coords[i]);
      g_string_append_printf (s, "%s%s", s->len > 0 ? ", " : "", v);
    }
  return g_string_free (s, FALSE);
}

char *
cc_sweep_grid_describe_design (CcSweepGrid *self,
                               const guint *coords)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (self != NULL && coords != NULL, NULL);
  for (guint i = 0; i < self->axes->len; i++)
    {
      CcGridAxis *a = g_ptr_array_index (self->axes, i);
      g_autofree char *name = NULL, *value = NULL, *name_text = NULL, *value_text = NULL;

      if (cc_sweep_grid_axis_n_values (self, i) < 2)
        continue;
      name = cc_sweep_path_name (a->path, base_design (self), self->db);
      value = cc_sweep_grid_value_markup (self, i, coords[i]);
      name_text = cc_markup_to_text (name);
      value_text = cc_markup_to_text (value);
      g_string_append_printf (s, "%s%s = %s", s->len > 0 ? ", " : "", name_text, value_text);
    }
  return g_string_free (s, FALSE);
}

/* The sweep's own index of grid value @k on axis @a (the grid sorts numeric
 * values; the sweep keeps the file's order). */
static int
sweep_value_index (CcSweepGrid *self,
                   guint        a,
                   guint        k)
{
  CcGridAxis *axis = g_ptr_array_index (self->axes, a);
  gboolean integer = FALSE;

  if (axis->numeric)
    cc_sweep_axis_get_range (self->sweep, a, NULL, NULL, NULL, &integer, NULL);
  for (guint j = 0; j < cc_sweep_axis_get_n_values (self->sweep, a); j++)
    {
      CcSweepValue v = cc_sweep_axis_get_value (self->sweep, a, j);

      if (axis->numeric ? same_number (integer ? round (v.number) : v.number,
                                       g_array_index (axis->numbers, double, k))
                        : g_strcmp0 (v.label, g_ptr_array_index (axis->labels, k)) == 0)
        return (int) j;
    }
  return -1;
}

gboolean
cc_sweep_grid_coords_index (CcSweepGrid *self,
                            const guint *coords,
                            guint64     *index)
{
  guint64 i = 0;

  g_return_val_if_fail (self != NULL && coords != NULL && index != NULL, FALSE);
  if (self->sweep == NULL)
    return FALSE;
  for (guint a = 0; a < self->axes->len; a++)
    {
      int j = sweep_value_index (self, a, coords[a]);

      if (j < 0)
        return FALSE;
      i = i * cc_sweep_axis_get_n_values (self->sweep, a) + (guint) j;
    }
  *index = i * cc_sweep_get_replicates (self->sweep);
  return TRUE;
}

CcDesign *
cc_sweep_grid_build_design (CcSweepGrid *self,
                            guint64      index,
                            GError     **error)
{
  CcSweepValue values[CC_SWEEP_MAX_AXES];
  g_autoptr(JsonNode) json = NULL;
  guint coords[CC_SWEEP_MAX_AXES];
  g_autoptr(CcDesign) design = NULL;
  g_autofree char *what = NULL;
  guint replicate;

  g_return_val_if_fail (self != NULL, NULL);
  if (self->sweep == NULL)
    {
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID,
                   "The sweep these results come from is not known: open its sweep file to rebuild designs");
      return NULL;
    }
  if (index >= cc_sweep_get_n_points (self->sweep))
    {
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID, "Point %" G_GUINT64_FORMAT " is beyond the "
                   "sweep's %" G_GUINT64_FORMAT " points", index, cc_sweep_get_n_points (self->sweep));
      return NULL;
    }
  cc_sweep_point_decompose (self->sweep, index, values, &replicate);
  design = cc_sweep_build_design (self->sweep, values, 0, error);
  if (design == NULL)
    return NULL;
  json = cc_sweep_values_to_json (self->sweep, values);
  if (cc_sweep_grid_values_coords (self, json, coords))
    what = cc_sweep_grid_describe_design (self, coords);
  if (what != NULL && *what != '\0')
    {
      char *name = g_strdup_printf ("%s · %s", design->name != NULL ? design->name : "", what);

      g_free (design->name);
      design->name = name;
    }
  return g_steal_pointer (&design);
}
