/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loading sweep files: format header, base design, balance rule, axes,
 * replicates; and the accessors. Building the design of a point is in
 * cc-sweep-point.c.
 */
#include "cc-sweep-private.h"
#include "cc-json-util.h"
#include "cc-read-file.h"
#include "cc-preset.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>

G_DEFINE_QUARK (cc-sweep-error-quark, cc_sweep_error)

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

CcSweep *
cc_sweep_ref (CcSweep *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
cc_sweep_unref (CcSweep *self)
{
  if (self == NULL || !g_atomic_int_dec_and_test (&self->ref_count))
    return;
  g_free (self->name);
  g_free (self->description);
  g_clear_pointer (&self->base, cc_design_free);
  g_free (self->base_text);
  g_clear_pointer (&self->axes, g_ptr_array_unref);
  g_clear_pointer (&self->mf_components, g_array_unref);
  g_free (self->digest);
  g_free (self);
}

/* "base": "default", "preset:ID", a file name (relative to the sweep file),
 * or an inline design document. */
static CcDesign *
load_base (JsonObject  *root,
           const char  *base_dir,
           GError     **error)
{
  JsonNode *node = json_object_get_member (root, "base");
  g_autoptr(GError) local = NULL;
  CcDesign *d = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID,
                   "base: required field is missing (a design document, \"default\", "
                   "\"preset:ID\" or a design file name)");
      return NULL;
    }
  if (JSON_NODE_HOLDS_OBJECT (node))
    d = cc_design_from_json_node (node, &local);
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *arg = json_node_get_string (node);

      if (g_str_equal (arg, "default"))
        return cc_design_new_default ();
      if (g_str_has_prefix (arg, "preset:") || g_path_is_absolute (arg) || base_dir == NULL)
        d = cc_design_load_from_argument (arg, &local);
      else
        {
          g_autofree char *path = g_build_filename (base_dir, arg, NULL);
          d = cc_design_load_from_argument (path, &local);
        }
    }
  else
    {
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID,
                   "base: must be a design document or a string");
      return NULL;
    }
  if (d == NULL)
    g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID, "base: %s", local->message);
  return d;
}

static gboolean
load_header (JsonObject  *root,
             CcSweep     *self,
             GError     **error)
{
  g_autofree char *format = NULL;
  guint64 version = 0, replicates = 1;

  if (!cc_json_get_string (root, "", "format", CC_JSON_REQUIRED, codes (), &format, error))
    return FALSE;
  if (!g_str_equal (format, CC_SWEEP_FORMAT))
    {
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID,
                   "format = \"%s\": not a sweep file (expected \"%s\")", format, CC_SWEEP_FORMAT);
      return FALSE;
    }
  if (!cc_json_get_uint (root, "", "version", CC_JSON_REQUIRED, G_MAXUINT32, codes (), &version, error))
    return FALSE;
  if (version < 1 || version > CC_SWEEP_FORMAT_VERSION)
    {
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID,
                   "version = %" G_GUINT64_FORMAT ": this Cathode Composer reads sweep files of version 1 to %d",
                   version, CC_SWEEP_FORMAT_VERSION);
      return FALSE;
    }
  if (!cc_json_get_string (root, "", "name", CC_JSON_OPTIONAL, codes (), &self->name, error)
      || !cc_json_get_string (root, "", "description", CC_JSON_OPTIONAL, codes (), &self->description, error)
      || !cc_json_get_uint (root, "", "replicates", CC_JSON_OPTIONAL, CC_SWEEP_MAX_REPLICATES, codes (),
                            &replicates, error))
    return FALSE;
  if (replicates < 1)
    {
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID, "replicates = 0: must be at least 1");
      return FALSE;
    }
  self->replicates = (guint) replicates;
  return TRUE;
}

static gboolean
load_axes (JsonObject  *root,
           JsonNode    *base_root,
           CcSweep     *self,
           GError     **error)
{
  JsonArray *arr = NULL;

  if (!cc_json_get_array (root, "", "axes", CC_JSON_REQUIRED, codes (), &arr, error))
    return FALSE;
  if (json_array_get_length (arr) > CC_SWEEP_MAX_AXES)
    {
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_TOO_LARGE,
                   "axes: %u axes; a sweep has at most %d", json_array_get_length (arr), CC_SWEEP_MAX_AXES);
      return FALSE;
    }
  self->n_grid = 1;
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      CcSweepAxis *axis = cc_sweep_axis_parse (json_array_get_element (arr, i), i, base_root,
                                               self->base_text, error);
      guint n;
      int c;

      if (axis == NULL)
        return FALSE;
      g_ptr_array_add (self->axes, axis);
      for (guint j = 0; j < i; j++)
        {
          const CcSweepAxis *o = g_ptr_array_index (self->axes, j);
          if (g_str_equal (cc_design_path_get_canonical (o->target), cc_design_path_get_canonical (axis->target)))
            {
              g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID,
                           "axes[%u].path = \"%s\": the same field as axes[%u]", i, axis->path, j);
              return FALSE;
            }
        }
      n = axis->kind == CC_SWEEP_AXIS_NUMERIC ? axis->numbers->len : axis->labels->len;
      if (self->n_grid * n * self->replicates > CC_SWEEP_MAX_POINTS)
        {
          g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_TOO_LARGE,
                       "axes: more than %" G_GUINT64_FORMAT " points (replicates included); split the sweep",
                       CC_SWEEP_MAX_POINTS);
          return FALSE;
        }
      self->n_grid *= n;
      c = cc_design_path_component_index (axis->target, "mass_fraction");
      if (c >= 0)
        {
          guint uc = (guint) c;
          g_array_append_val (self->mf_components, uc);
        }
    }
  return TRUE;
}

static gboolean
load_balance (JsonObject  *root,
              JsonNode    *base_root,
              CcSweep     *self,
              GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(CcDesignPath) path = NULL;
  g_autoptr(GError) local = NULL;

  self->balance = -1;
  if (!cc_json_get_string (root, "", "balance", CC_JSON_OPTIONAL, codes (), &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;
  path = cc_design_path_resolve (text, base_root, &local);
  if (path == NULL)
    {
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID, "balance: %s", local->message);
      return FALSE;
    }
  self->balance = cc_design_path_component_index (path, NULL);
  if (self->balance < 0)
    {
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID,
                   "balance = \"%s\": must name a component, e.g. \"components[material=na3ps4-cubic]\"", text);
      return FALSE;
    }
  for (guint i = 0; i < self->mf_components->len; i++)
    if (g_array_index (self->mf_components, guint, i) == (guint) self->balance)
      {
        g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID,
                     "balance = \"%s\": that component's mass_fraction is an axis; the balance takes "
                     "up the rest and cannot be swept itself", text);
        return FALSE;
      }
  return TRUE;
}

/* Replicate r runs with the seed + r, and a design holds seeds up to
 * G_MAXINT64 (a JSON integer): a point past it would save a design that
 * does not open again. Checked at load time, not at every point. An axis
 * on the seed itself sets whole numbers of at most 9e15, far below. */
static gboolean
check_seed_room (CcSweep  *self,
                 GError  **error)
{
  guint64 last = self->replicates - 1;

  for (guint i = 0; i < self->axes->len; i++)
    {
      const CcSweepAxis *axis = g_ptr_array_index (self->axes, i);

      if (g_str_equal (cc_design_path_get_canonical (axis->target), "simulation.seed"))
        return TRUE;
    }
  if (self->base->simulation.seed > (guint64) G_MAXINT64 - last)
    {
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID,
                   "replicates = %u: the base design's simulation.seed = %" G_GUINT64_FORMAT
                   " plus the replicate would pass %" G_GINT64_FORMAT ", the largest seed a design holds",
                   self->replicates, self->base->simulation.seed, G_MAXINT64);
      return FALSE;
    }
  return TRUE;
}

static void
compute_digest (CcSweep *self)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *rule = g_strdup_printf ("\nbalance=%d\nseed=base+replicate\n", self->balance);

  g_checksum_update (sum, (const guchar *) self->base_text, -1);
  g_checksum_update (sum, (const guchar *) rule, -1);
  self->digest = g_strdup (g_checksum_get_string (sum));
}

CcSweep *
cc_sweep_load_from_data (const char  *data,
                         gssize       length,
                         const char  *base_dir,
                         GError     **error)
{
  CcJsonErrors pcodes = { CC_SWEEP_ERROR, CC_SWEEP_ERROR_PARSE, CC_SWEEP_ERROR_INVALID };
  g_autoptr(CcSweep) self = g_new0 (CcSweep, 1);
  g_autoptr(JsonNode) doc = NULL;
  g_autoptr(JsonNode) base_root = NULL;
  JsonObject *root;

  g_return_val_if_fail (data != NULL, NULL);

  self->ref_count = 1;
  self->axes = g_ptr_array_new_with_free_func ((GDestroyNotify) cc_sweep_axis_free);
  self->mf_components = g_array_new (FALSE, FALSE, sizeof (guint));
  doc = cc_json_parse (data, length, CC_SWEEP_MAX_FILE_BYTES, &pcodes, error);
  if (doc == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (doc))
    {
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID, "the sweep file must be a JSON object");
      return NULL;
    }
  root = json_node_get_object (doc);
  if (!load_header (root, self, error))
    return NULL;
  self->base = load_base (root, base_dir, error);
  if (self->base == NULL)
    return NULL;
  base_root = cc_design_to_json_node (self->base);
  self->base_text = cc_json_to_data (base_root, FALSE, NULL);
  if (self->name == NULL)
    self->name = g_strdup (self->base->name);
  if (!load_axes (root, base_root, self, error)
      || !load_balance (root, base_root, self, error)
      || !check_seed_room (self, error))
    return NULL;
  compute_digest (self);
  return g_steal_pointer (&self);
}

CcSweep *
cc_sweep_load_from_file (const char  *path,
                         GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GError) local = NULL;
  gsize length = 0;
  CcSweep *self;

  contents = cc_read_file_bounded (path, CC_SWEEP_MAX_FILE_BYTES, "a sweep file", CC_SWEEP_ERROR,
                                   CC_SWEEP_ERROR_IO, CC_SWEEP_ERROR_TOO_LARGE, &length, error);
  if (contents == NULL)
    return NULL;
  dir = g_path_get_dirname (path);
  self = cc_sweep_load_from_data (contents, (gssize) length, dir, &local);
  if (self == NULL)
    g_set_error (error, local->domain, local->code, "%s: %s", path, local->message);
  return self;
}

/* ---- Accessors ------------------------------------------------------- */

const char *
cc_sweep_get_name (const CcSweep *self)
{
  return self->name;
}

const CcDesign *
cc_sweep_get_base (const CcSweep *self)
{
  return self->base;
}

const char *
cc_sweep_get_digest (const CcSweep *self)
{
  return self->digest;
}

guint
cc_sweep_get_replicates (const CcSweep *self)
{
  return self->replicates;
}

guint64
cc_sweep_get_n_grid (const CcSweep *self)
{
  return self->n_grid;
}

guint64
cc_sweep_get_n_points (const CcSweep *self)
{
  return self->n_grid * self->replicates;
}

guint
cc_sweep_get_n_axes (const CcSweep *self)
{
  return self->axes->len;
}

static const CcSweepAxis *
get_axis (const CcSweep *self,
          guint          axis)
{
  g_return_val_if_fail (axis < self->axes->len, NULL);
  return g_ptr_array_index (self->axes, axis);
}

const char *
cc_sweep_axis_get_path (const CcSweep *self,
                        guint          axis)
{
  return get_axis (self, axis)->path;
}

CcSweepAxisKind
cc_sweep_axis_get_kind (const CcSweep *self,
                        guint          axis)
{
  return get_axis (self, axis)->kind;
}

guint
cc_sweep_axis_get_n_values (const CcSweep *self,
                            guint          axis)
{
  const CcSweepAxis *a = get_axis (self, axis);

  return a->kind == CC_SWEEP_AXIS_NUMERIC ? a->numbers->len : a->labels->len;
}

CcSweepValue
cc_sweep_axis_get_value (const CcSweep *self,
                         guint          axis,
                         guint          k)
{
  const CcSweepAxis *a = get_axis (self, axis);
  CcSweepValue v = { NAN, NULL };

  if (a->kind == CC_SWEEP_AXIS_NUMERIC)
    v.number = g_array_index (a->numbers, double, k);
  else
    v.label = g_ptr_array_index (a->labels, k);
  return v;
}

void
cc_sweep_axis_get_range (const CcSweep *self,
                         guint          axis,
                         double        *lo,
                         double        *hi,
                         gboolean      *log_scale,
                         gboolean      *integer,
                         double        *base_value)
{
  const CcSweepAxis *a = get_axis (self, axis);

  if (lo) *lo = a->lo;
  if (hi) *hi = a->hi;
  if (log_scale) *log_scale = a->log_scale;
  if (integer) *integer = a->integer;
  if (base_value) *base_value = a->base_number;
}
