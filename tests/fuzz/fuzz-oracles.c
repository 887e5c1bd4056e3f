/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fuzz-oracles.h"

#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

/* Long enough for a path, a quoted value and an explanation; a message
 * longer than this echoes the input instead of explaining it. */
#define FUZZ_MAX_MESSAGE 1024

/* g_error() and fatal criticals end in SIGTRAP, which libFuzzer does not
 * catch: it would exit without saving the input. Turn it into an abort. */
static void
trap_to_abort (int sig)
{
  abort ();
}

int LLVMFuzzerInitialize (int *argc, char ***argv);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  signal (SIGTRAP, trap_to_abort);
  return 0;
}

void
fuzz_check_error (const GError *error)
{
  if (error == NULL)
    g_error ("a loader refused its input without setting an error");
  if (error->message == NULL || error->message[0] == '\0')
    g_error ("empty error message (domain %s, code %d)",
             g_quark_to_string (error->domain), error->code);
  if (!g_utf8_validate (error->message, -1, NULL))
    g_error ("error message is not valid UTF-8: %s", error->message);
  if (strlen (error->message) > FUZZ_MAX_MESSAGE)
    g_error ("error message of %" G_GSIZE_FORMAT " bytes (limit %d): %.200s…",
             strlen (error->message), FUZZ_MAX_MESSAGE, error->message);
}

void
fuzz_check_design (const CcDesign *design)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcDesign) back = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;
  gsize length = 0;

  /* Whatever the loader accepts, a save must write a file the loader reads
   * back to the same design: otherwise the user's work is lost on reopen. */
  text = cc_design_to_data (design, &length);
  back = cc_design_load_from_data (text, (gssize) length, &error);
  if (back == NULL)
    g_error ("a loaded design does not reload after saving: %s\n--- saved text ---\n%.2000s",
             error->message, text);
  text2 = cc_design_to_data (back, NULL);
  if (g_strcmp0 (text, text2) != 0)
    g_error ("save/load/save changed the design:\n--- first ---\n%.2000s\n--- second ---\n%.2000s",
             text, text2);

  if (!cc_design_validate (design, cc_material_db_get_default (), &error))
    fuzz_check_error (error);
}

char *
fuzz_exact_copy (const uint8_t *data,
                 size_t         size)
{
  /* malloc(0) may return NULL; the loaders want a non-NULL pointer. */
  char *copy = g_malloc (MAX (size, 1));

  if (size > 0)
    memcpy (copy, data, size);
  return copy;
}

static gboolean
is_hex (const char *text,
        gsize       length)
{
  if (text == NULL || strlen (text) != length)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;
  return TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static int
compare_labels (gconstpointer a,
                gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Sorted copies make the distinctness checks O(n log n): axes hold up to
 * 10 000 values. */
static void
check_numeric_axis (CcSweep *sweep,
                    guint    axis,
                    guint    n)
{
  g_autofree double *v = g_new (double, n);
  double lo, hi, base;
  gboolean log_scale, integer;

  cc_sweep_axis_get_range (sweep, axis, &lo, &hi, &log_scale, &integer, &base);
  for (guint k = 0; k < n; k++)
    {
      v[k] = cc_sweep_axis_get_value (sweep, axis, k).number;
      if (!isfinite (v[k]) || v[k] < lo || v[k] > hi)
        g_error ("axes[%u] value %u = %g: not finite or outside the axis range [%g, %g]",
                 axis, k, v[k], lo, hi);
      if (integer && v[k] != round (v[k]))
        g_error ("axes[%u] value %u = %.17g on a whole-number field", axis, k, v[k]);
      if (log_scale && v[k] <= 0)
        g_error ("axes[%u] value %u = %g on a log scale", axis, k, v[k]);
    }
  qsort (v, n, sizeof *v, compare_doubles);
  if (v[0] != lo || v[n - 1] != hi)
    g_error ("axes[%u]: range [%g, %g], values span [%g, %g]", axis, lo, hi, v[0], v[n - 1]);
  for (guint k = 1; k < n; k++)
    if (v[k] == v[k - 1])
      g_error ("axes[%u]: the value %.17g appears twice (its points would share an id)", axis, v[k]);
}

static void
check_categorical_axis (CcSweep *sweep,
                        guint    axis,
                        guint    n)
{
  g_autofree const char **v = g_new (const char *, n);

  for (guint k = 0; k < n; k++)
    {
      v[k] = cc_sweep_axis_get_value (sweep, axis, k).label;
      if (v[k] != NULL && !g_utf8_validate (v[k], -1, NULL))
        g_error ("axes[%u] value %u is not valid UTF-8", axis, k);
    }
  qsort (v, n, sizeof *v, compare_labels);
  for (guint k = 1; k < n; k++)
    if (g_strcmp0 (v[k], v[k - 1]) == 0)
      g_error ("axes[%u]: the value \"%s\" appears twice", axis, v[k] ? v[k] : "(null)");
}

/* The point @index: its coordinates are the axis values its digits name
 * (axis 0 slowest, the replicate fastest); returns its id. */
static char *
check_point (CcSweep *sweep,
             guint64  index)
{
  guint n_axes = cc_sweep_get_n_axes (sweep);
  guint replicates = cc_sweep_get_replicates (sweep);
  g_autofree CcSweepValue *values = g_new0 (CcSweepValue, MAX (n_axes, 1));
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(CcDesign) design = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *again = NULL;
  guint64 rest = index / replicates;
  guint replicate = G_MAXUINT;
  char *id;

  cc_sweep_point_decompose (sweep, index, values, &replicate);
  if (replicate != index % replicates)
    g_error ("point %" G_GUINT64_FORMAT ": replicate %u, expected %u", index, replicate,
             (guint) (index % replicates));
  for (guint i = n_axes; i-- > 0;)
    {
      guint n = cc_sweep_axis_get_n_values (sweep, i);
      CcSweepValue want = cc_sweep_axis_get_value (sweep, i, (guint) (rest % n));

      rest /= n;
      if (cc_sweep_axis_get_kind (sweep, i) == CC_SWEEP_AXIS_NUMERIC
          ? values[i].number != want.number : values[i].label != want.label)
        g_error ("point %" G_GUINT64_FORMAT ": axis %u holds the wrong value", index, i);
    }

  id = cc_sweep_point_id (sweep, values, replicate);
  again = cc_sweep_point_id (sweep, values, replicate);
  if (!is_hex (id, 20) || !g_str_equal (id, again))
    g_error ("point %" G_GUINT64_FORMAT ": id \"%s\" is not 20 stable hex digits", index, id);

  json = cc_sweep_values_to_json (sweep, values);
  if (!JSON_NODE_HOLDS_OBJECT (json) || json_object_get_size (json_node_get_object (json)) != n_axes)
    g_error ("point %" G_GUINT64_FORMAT ": the values object does not have one member per axis", index);

  design = cc_sweep_build_design (sweep, values, replicate, &error);
  if (design == NULL)
    {
      fuzz_check_error (error);
      return id;
    }
  fuzz_check_design (design);
  /* Replicates differ in the seed alone: the first replicate's seed (the
   * base's, or an axis value) + the replicate. */
  if (replicate > 0)
    {
      g_autoptr(CcDesign) first = cc_sweep_build_design (sweep, values, 0, &error);
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      if (first == NULL)
        g_error ("point %" G_GUINT64_FORMAT ": replicate %u builds, replicate 0 does not: %s",
                 index, replicate, error->message);
      if (design->simulation.seed != first->simulation.seed + replicate)
        g_error ("point %" G_GUINT64_FORMAT ": seed %" G_GUINT64_FORMAT ", replicate 0 has %"
                 G_GUINT64_FORMAT, index, design->simulation.seed, first->simulation.seed);
      first->simulation.seed = design->simulation.seed;
      a = cc_design_to_data (first, NULL);
      b = cc_design_to_data (design, NULL);
      if (!g_str_equal (a, b))
        g_error ("point %" G_GUINT64_FORMAT ": replicates %u and 0 differ beyond the seed", index, replicate);
    }
  return id;
}

void
fuzz_check_sweep (CcSweep *sweep)
{
  guint n_axes = cc_sweep_get_n_axes (sweep);
  guint replicates = cc_sweep_get_replicates (sweep);
  guint64 n_grid = 1, n_points = cc_sweep_get_n_points (sweep);
  const char *name = cc_sweep_get_name (sweep);
  guint64 sample[3];
  char *ids[3] = { NULL, NULL, NULL };

  if (n_axes > CC_SWEEP_MAX_AXES || replicates < 1 || replicates > CC_SWEEP_MAX_REPLICATES)
    g_error ("%u axes, %u replicates: outside the documented limits", n_axes, replicates);
  if (name != NULL && !g_utf8_validate (name, -1, NULL))
    g_error ("the sweep name is not valid UTF-8");
  if (!is_hex (cc_sweep_get_digest (sweep), 64))
    g_error ("digest \"%s\" is not a hex SHA-256", cc_sweep_get_digest (sweep));
  for (guint i = 0; i < n_axes; i++)
    {
      guint n = cc_sweep_axis_get_n_values (sweep, i);

      if (cc_sweep_axis_get_path (sweep, i) == NULL || n < 1 || n > CC_SWEEP_MAX_AXIS_VALUES)
        g_error ("axes[%u]: no path, or %u values", i, n);
      if (cc_sweep_axis_get_kind (sweep, i) == CC_SWEEP_AXIS_NUMERIC)
        check_numeric_axis (sweep, i, n);
      else
        check_categorical_axis (sweep, i, n);
      n_grid *= n;
    }
  if (n_grid != cc_sweep_get_n_grid (sweep) || n_points != n_grid * replicates
      || n_points > CC_SWEEP_MAX_POINTS)
    g_error ("grid of %" G_GUINT64_FORMAT " designs, %" G_GUINT64_FORMAT " points: the axes give %"
             G_GUINT64_FORMAT " designs × %u replicates (limit %" G_GUINT64_FORMAT " points)",
             cc_sweep_get_n_grid (sweep), n_points, n_grid, replicates, CC_SWEEP_MAX_POINTS);
  fuzz_check_design (cc_sweep_get_base (sweep));

  sample[0] = 0;
  sample[1] = n_points / 2;
  sample[2] = n_points - 1;
  for (guint s = 0; s < G_N_ELEMENTS (sample); s++)
    {
      if (s > 0 && sample[s] == sample[s - 1])
        continue;
      ids[s] = check_point (sweep, sample[s]);
      for (guint t = 0; t < s; t++)
        if (ids[t] != NULL && g_str_equal (ids[s], ids[t]))
          g_error ("points %" G_GUINT64_FORMAT " and %" G_GUINT64_FORMAT " share the id %s",
                   sample[t], sample[s], ids[s]);
    }
  for (guint s = 0; s < G_N_ELEMENTS (ids); s++)
    g_free (ids[s]);
}
