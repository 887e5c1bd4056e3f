/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sweep axes: a field of the design and the values it takes, either a range
 * {"from", "to", "steps", "scale"} or an explicit list {"values"}. Numbers
 * make a numeric axis, strings (and null) a categorical one.
 */
#include "cc-sweep-private.h"
#include "cc-json-util.h"

#include <math.h>

static const CcJsonErrors *
codes (void)
{
  /* Filled once: the loaders also run on worker threads. */
  static CcJsonErrors c;
  static gsize ready;

  if (g_once_init_enter (&ready))
    {
      c.domain = CC_SWEEP_ERROR;
      c.code_type = CC_SWEEP_ERROR_INVALID;
      c.code_missing = CC_SWEEP_ERROR_INVALID;
      g_once_init_leave (&ready, 1);
    }
  return &c;
}

void
cc_sweep_axis_free (CcSweepAxis *axis)
{
  if (axis == NULL)
    return;
  g_free (axis->path);
  g_clear_pointer (&axis->target, cc_design_path_free);
  g_clear_pointer (&axis->numbers, g_array_unref);
  g_clear_pointer (&axis->labels, g_ptr_array_unref);
  g_free (axis);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcSweepAxis, cc_sweep_axis_free)

static gboolean
invalid (GError    **error,
         const char *where,
         const char *format,
         ...) G_GNUC_PRINTF (3, 4);

static gboolean
invalid (GError    **error,
         const char *where,
         const char *format,
         ...)
{
  g_autofree char *msg = NULL;
  va_list ap;

  va_start (ap, format);
  msg = g_strdup_vprintf (format, ap);
  va_end (ap);
  g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID, "%s: %s", where, msg);
  return FALSE;
}

/* 2.8 + 3 x 0.1 is 3.0999999999999996 in binary; 12 significant digits
 * give the 3.1 the user meant, far below any physical resolution. */
static double
tidy (double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_ascii_strtod (g_ascii_formatd (buf, sizeof buf, "%.12g", v), NULL);
}

static gboolean
parse_range (JsonObject  *obj,
             const char  *where,
             CcSweepAxis *axis,
             GError     **error)
{
  double from = NAN, to = NAN;
  guint64 steps = 0;

  if (!cc_json_get_double (obj, where, "from", CC_JSON_REQUIRED, codes (), &from, error)
      || !cc_json_get_double (obj, where, "to", CC_JSON_REQUIRED, codes (), &to, error)
      || !cc_json_get_uint (obj, where, "steps", CC_JSON_REQUIRED, CC_SWEEP_MAX_AXIS_VALUES, codes (), &steps, error))
    return FALSE;
  if (steps < 1)
    return invalid (error, where, "steps = 0: give at least 1 step");
  if (axis->log_scale && (from <= 0 || to <= 0))
    return invalid (error, where, "a log scale needs from > 0 and to > 0");

  axis->numbers = g_array_sized_new (FALSE, FALSE, sizeof (double), (guint) steps);
  for (guint k = 0; k < steps; k++)
    {
      double t = steps > 1 ? (double) k / (double) (steps - 1) : 0.0;
      double v;

      if (k + 1 == steps && steps > 1)
        v = to;   /* exact end point, whatever the rounding on the way */
      else if (axis->log_scale)
        v = tidy (from * pow (to / from, t));
      else
        v = tidy (from + (to - from) * t);
      /* Ends near ±1.8e308 overflow in between (to - from, to / from, or
       * rounding to 12 digits). */
      if (!isfinite (v))
        return invalid (error, where, "from and to are so far apart that the values between them "
                        "overflow");
      g_array_append_val (axis->numbers, v);
    }
  return TRUE;
}

static gboolean
parse_values (JsonArray   *arr,
              const char  *where,
              CcSweepAxis *axis,
              GError     **error)
{
  guint n = json_array_get_length (arr);
  gboolean any_number = FALSE, any_label = FALSE;

  if (n == 0)
    return invalid (error, where, "values is empty");
  if (n > CC_SWEEP_MAX_AXIS_VALUES)
    return invalid (error, where, "%u values; an axis takes at most %d", n, CC_SWEEP_MAX_AXIS_VALUES);

  axis->numbers = g_array_new (FALSE, FALSE, sizeof (double));
  axis->labels = g_ptr_array_new_with_free_func (g_free);
  for (guint k = 0; k < n; k++)
    {
      JsonNode *el = json_array_get_element (arr, k);
      GType t = JSON_NODE_HOLDS_VALUE (el) ? json_node_get_value_type (el) : G_TYPE_INVALID;

      if (t == G_TYPE_INT64 || t == G_TYPE_DOUBLE)
        {
          double v = json_node_get_double (el);

          /* json-glib reads 1e999 as infinity. */
          if (!isfinite (v))
            return invalid (error, where, "values[%u] is not a finite number", k);
          g_array_append_val (axis->numbers, v);
          any_number = TRUE;
        }
      else if (t == G_TYPE_STRING || JSON_NODE_HOLDS_NULL (el))
        {
          g_ptr_array_add (axis->labels, g_strdup (JSON_NODE_HOLDS_NULL (el) ? NULL : json_node_get_string (el)));
          any_label = TRUE;
        }
      else
        {
          g_autofree char *what = cc_json_describe (el);
          return invalid (error, where, "values[%u] = %s: must be a number, a string or null", k, what);
        }
    }
  if (any_number && any_label)
    return invalid (error, where, "values mixes numbers and names; an axis is numeric or categorical");
  if (any_number)
    g_clear_pointer (&axis->labels, g_ptr_array_unref);
  else
    g_clear_pointer (&axis->numbers, g_array_unref);
  return TRUE;
}

static gboolean
check_numbers (CcSweepAxis *axis,
               const char  *where,
               GError     **error)
{
  GArray *v = axis->numbers;

  axis->lo = INFINITY;
  axis->hi = -INFINITY;
  for (guint k = 0; k < v->len; k++)
    {
      double *x = &g_array_index (v, double, k);

      if (axis->integer)
        {
          if (fabs (*x) > 9.0e15)
            return invalid (error, where, "values must be whole numbers of at most 9e15");
          *x = round (*x);
        }
      if (axis->log_scale && *x <= 0)
        return invalid (error, where, "a log scale needs values > 0");
      for (guint j = 0; j < k; j++)
        if (g_array_index (v, double, j) == *x)
          return invalid (error, where, "values[%u] repeats values[%u]%s", k, j,
                          axis->integer ? " (the field holds whole numbers; values are rounded)" : "");
      axis->lo = MIN (axis->lo, *x);
      axis->hi = MAX (axis->hi, *x);
    }
  return TRUE;
}

static gboolean
check_labels (CcSweepAxis *axis,
              const char  *where,
              const char  *base_text,
              GError     **error)
{
  GPtrArray *v = axis->labels;

  for (guint k = 0; k < v->len; k++)
    {
      for (guint j = 0; j < k; j++)
        if (g_strcmp0 (g_ptr_array_index (v, j), g_ptr_array_index (v, k)) == 0)
          return invalid (error, where, "values[%u] repeats values[%u]", k, j);

      if (g_ptr_array_index (v, k) == NULL)
        {
          /* null drops an optional object (a coating, the interlayer). Try it
           * on the base now, so a sweep that would remove a required part
           * fails at load time, not at every point. */
          g_autoptr(JsonNode) root = json_from_string (base_text, NULL);
          g_autoptr(CcDesign) d = NULL;
          g_autoptr(GError) local = NULL;

          if (!cc_design_path_remove_holder (axis->target, root))
            return invalid (error, where, "values[%u] = null: only a field of an optional object "
                            "(such as coating.material) can be null", k);
          d = cc_design_from_json_node (root, &local);
          if (d == NULL)
            return invalid (error, where, "values[%u] = null: the design is unreadable without that object: %s",
                            k, local->message);
        }
    }
  return TRUE;
}

/* The axis kind must match the type of the field in the design format. */
static gboolean
check_target (CcSweepAxis *axis,
              const char  *where,
              JsonNode    *root,
              GError     **error)
{
  JsonNode *node = cc_design_path_lookup (axis->target, root);
  GType t = node && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  axis->base_number = NAN;
  if (axis->kind == CC_SWEEP_AXIS_NUMERIC)
    {
      if (t != G_TYPE_INT64 && t != G_TYPE_DOUBLE)
        return invalid (error, where, "path \"%s\" is not a numeric field; give names in values for a "
                        "categorical axis", axis->path);
      axis->integer = (t == G_TYPE_INT64);
      axis->base_number = json_node_get_double (node);
      return TRUE;
    }
  if (t != G_TYPE_STRING)
    return invalid (error, where, "path \"%s\" is not a text field; give numbers in values for a "
                    "numeric axis", axis->path);
  if (cc_design_path_component_index (axis->target, "material") >= 0)
    for (guint k = 0; k < axis->labels->len; k++)
      if (g_ptr_array_index (axis->labels, k) == NULL)
        return invalid (error, where, "values[%u] = null: a component cannot be removed; "
                        "sweep its mass_fraction instead", k);
  return TRUE;
}

static gboolean
parse_scale (JsonObject  *obj,
             const char  *where,
             CcSweepAxis *axis,
             GError     **error)
{
  g_autofree char *scale = NULL;

  if (!cc_json_get_string (obj, where, "scale", CC_JSON_OPTIONAL, codes (), &scale, error))
    return FALSE;
  if (scale == NULL || g_str_equal (scale, "linear"))
    return TRUE;
  if (g_str_equal (scale, "log"))
    {
      axis->log_scale = TRUE;
      return TRUE;
    }
  return invalid (error, where, "scale = \"%s\": must be \"linear\" or \"log\"", scale);
}

CcSweepAxis *
cc_sweep_axis_parse (JsonNode    *node,
                     guint        i,
                     JsonNode    *root,
                     const char  *base_text,
                     GError     **error)
{
  g_autoptr(CcSweepAxis) axis = g_new0 (CcSweepAxis, 1);
  g_autofree char *where = g_strdup_printf ("axes[%u]", i);
  g_autoptr(GError) local = NULL;
  JsonArray *values = NULL;
  JsonObject *obj;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (error, where, "must be an object with a path and values (or from/to/steps)");
      return NULL;
    }
  obj = json_node_get_object (node);
  if (!cc_json_get_string (obj, where, "path", CC_JSON_REQUIRED, codes (), &axis->path, error)
      || !cc_json_get_array (obj, where, "values", CC_JSON_OPTIONAL, codes (), &values, error)
      || !parse_scale (obj, where, axis, error))
    return NULL;

  axis->target = cc_design_path_resolve (axis->path, root, &local);
  if (axis->target == NULL)
    {
      invalid (error, where, "path %s", local->message);
      return NULL;
    }

  if (values != NULL && (json_object_has_member (obj, "from") || json_object_has_member (obj, "steps")))
    {
      invalid (error, where, "give either values or from/to/steps, not both");
      return NULL;
    }
  if (values != NULL ? !parse_values (values, where, axis, error) : !parse_range (obj, where, axis, error))
    return NULL;
  axis->kind = axis->numbers != NULL ? CC_SWEEP_AXIS_NUMERIC : CC_SWEEP_AXIS_CATEGORICAL;
  if (axis->kind == CC_SWEEP_AXIS_CATEGORICAL && axis->log_scale)
    {
      invalid (error, where, "scale applies to numeric axes only");
      return NULL;
    }

  if (!check_target (axis, where, root, error))
    return NULL;
  if (axis->kind == CC_SWEEP_AXIS_NUMERIC ? !check_numbers (axis, where, error)
                                          : !check_labels (axis, where, base_text, error))
    return NULL;
  return g_steal_pointer (&axis);
}
