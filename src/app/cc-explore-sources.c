/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-explore-sources.h"
#include "cc-sweep-run.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#define SWEEPS_RESOURCE "/io/github/cathodecomposer/CathodeComposer/sweeps/"
#define MAX_SIBLINGS 64

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

CcExploreChoice *
cc_explore_choice_new (CcSweep    *sweep,
                       const char *description)
{
  CcExploreChoice *c = g_new0 (CcExploreChoice, 1);

  c->sweep = sweep != NULL ? cc_sweep_ref (sweep) : NULL;
  c->title = g_strdup (sweep != NULL ? cc_sweep_get_name (sweep) : NULL);
  c->description = g_strdup (description);
  return c;
}

void
cc_explore_choice_free (CcExploreChoice *c)
{
  if (c == NULL)
    return;
  g_clear_pointer (&c->sweep, cc_sweep_unref);
  g_free (c->title);
  g_free (c->description);
  g_free (c);
}

/* The loader keeps no description; read it here (display only). */
static char *
description_of (const char *data,
                gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, data, (gssize) length, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  return g_strdup (json_object_get_string_member_with_default (json_node_get_object (root), "description", NULL));
}

static CcExploreChoice *
choice_from_data (const char  *data,
                  gsize        length,
                  const char  *base_dir,
                  GError     **error)
{
  g_autoptr(CcSweep) sweep = cc_sweep_load_from_data (data, (gssize) length, base_dir, error);
  g_autofree char *description = NULL;

  if (sweep == NULL)
    return NULL;
  description = description_of (data, length);
  return cc_explore_choice_new (sweep, description);
}

CcExploreChoice *
cc_explore_choice_load (const char  *path,
                        GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *dir = NULL;
  gsize length;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);
  if (g_stat (path, &st) == 0 && st.st_size > CC_SWEEP_MAX_FILE_BYTES)
    {
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_TOO_LARGE, "%s: larger than %d bytes", path,
                   CC_SWEEP_MAX_FILE_BYTES);
      return NULL;
    }
  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  dir = g_path_get_dirname (path);
  return choice_from_data (data, length, dir, error);
}

GPtrArray *
cc_explore_example_sweeps (void)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) cc_explore_choice_free);
  g_auto(GStrv) names = g_resources_enumerate_children (SWEEPS_RESOURCE, 0, NULL);
  guint n = names != NULL ? g_strv_length (names) : 0;

  if (n == 0)
    return out;
  qsort (names, n, sizeof (char *), compare_names);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strconcat (SWEEPS_RESOURCE, names[i], NULL);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
      g_autoptr(GError) error = NULL;
      CcExploreChoice *choice;

      if (bytes == NULL || !g_str_has_suffix (names[i], ".json"))
        continue;
      choice = choice_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, &error);
      if (choice != NULL)
        g_ptr_array_add (out, choice);
      else
        g_warning ("Example sweep %s: %s", names[i], error->message);
    }
  return out;
}

/* The sweep's identity beyond its digest (base design and balance): each
 * axis with every value, and the replicates. */
static void
hash_sweep (GChecksum *sum,
            CcSweep   *sweep)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_checksum_update (sum, (const guchar *) cc_sweep_get_digest (sweep), -1);
  for (guint a = 0; a < cc_sweep_get_n_axes (sweep); a++)
    {
      g_checksum_update (sum, (const guchar *) cc_sweep_axis_get_path (sweep, a), -1);
      for (guint k = 0; k < cc_sweep_axis_get_n_values (sweep, a); k++)
        {
          CcSweepValue v = cc_sweep_axis_get_value (sweep, a, k);
          const char *text = cc_sweep_axis_get_kind (sweep, a) == CC_SWEEP_AXIS_NUMERIC
                             ? g_ascii_dtostr (buf, sizeof buf, v.number)
                             : v.label != NULL ? v.label : "\x01null";

          g_checksum_update (sum, (const guchar *) "\x1f", 1);
          g_checksum_update (sum, (const guchar *) text, -1);
        }
      g_checksum_update (sum, (const guchar *) "\x1e", 1);
    }
  g_snprintf (buf, sizeof buf, "%u", cc_sweep_get_replicates (sweep));
  g_checksum_update (sum, (const guchar *) buf, -1);
}

static char *
slug (const char *name)
{
  GString *s = g_string_new (NULL);

  for (const char *p = name; p != NULL && *p != '\0' && s->len < 40; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (s, g_ascii_tolower (*p));
      else if (s->len > 0 && s->str[s->len - 1] != '-')
        g_string_append_c (s, '-');
    }
  while (s->len > 0 && s->str[s->len - 1] == '-')
    g_string_truncate (s, s->len - 1);
  if (s->len == 0)
    g_string_append (s, "sweep");
  return g_string_free (s, FALSE);
}

char *
cc_explore_results_path (CcSweep    *sweep,
                         const char *evaluator)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *name = NULL;
  g_autofree char *base = NULL;
  g_autofree char *file = NULL;

  g_return_val_if_fail (sweep != NULL && evaluator != NULL, NULL);
  hash_sweep (sum, sweep);
  g_checksum_update (sum, (const guchar *) "\x1d", 1);
  g_checksum_update (sum, (const guchar *) evaluator, -1);
  name = slug (cc_sweep_get_name (sweep));
  base = g_strndup (g_checksum_get_string (sum), 12);
  file = g_strdup_printf ("%s-%s.jsonl", name, base);
  return g_build_filename (g_get_user_data_dir (), "cathode-composer", "sweeps", file, NULL);
}

CcSweepGrid *
cc_explore_load_results (const char  *path,
                         CcSweep     *sweep,
                         gsize       *valid_bytes,
                         GError     **error)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(CcSweepGrid) grid = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  records = cc_sweep_read_results (path, TRUE, valid_bytes, error);
  if (records == NULL)
    return NULL;
  if (records->len == 0 && sweep == NULL)
    {
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_PARSE, "%s holds no results", path);
      return NULL;
    }
  grid = cc_sweep_grid_new (sweep);
  while (records->len > 0)
    {
      g_autoptr(GError) local = NULL;

      if (!cc_sweep_grid_add (grid, g_ptr_array_steal_index (records, 0), &local))
        {
          g_set_error (error, local->domain, local->code, "%s: %s", path, local->message);
          return NULL;
        }
    }
  return g_steal_pointer (&grid);
}

static gboolean
matches (CcSweepGrid *grid,
         CcSweep     *sweep)
{
  GPtrArray *records = cc_sweep_grid_get_records (grid);

  return sweep != NULL && records->len > 0
         && cc_sweep_check_results (sweep, records, 0, 1, "results", NULL);
}

static CcSweep *
find_sibling (CcSweepGrid *grid,
              const char  *results_path)
{
  g_autofree char *dir = g_path_get_dirname (results_path);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint tried = 0;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL && tried < MAX_SIBLINGS)
    {
      g_autofree char *path = NULL;
      g_autoptr(CcSweep) sweep = NULL;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      tried++;
      path = g_build_filename (dir, name, NULL);
      sweep = cc_sweep_load_from_file (path, NULL);
      if (matches (grid, sweep))
        return g_steal_pointer (&sweep);
    }
  return NULL;
}

CcSweep *
cc_explore_find_sweep (CcSweepGrid *grid,
                       GPtrArray   *candidates,
                       const char  *results_path)
{
  g_autoptr(GPtrArray) examples = NULL;
  CcSweep *found;

  g_return_val_if_fail (grid != NULL, NULL);
  for (guint i = 0; candidates != NULL && i < candidates->len; i++)
    if (matches (grid, g_ptr_array_index (candidates, i)))
      return cc_sweep_ref (g_ptr_array_index (candidates, i));
  if (results_path != NULL && (found = find_sibling (grid, results_path)) != NULL)
    return found;
  examples = cc_explore_example_sweeps ();
  for (guint i = 0; i < examples->len; i++)
    {
      CcSweep *sweep = ((CcExploreChoice *) g_ptr_array_index (examples, i))->sweep;

      if (matches (grid, sweep))
        return cc_sweep_ref (sweep);
    }
  return NULL;
}

gboolean
cc_explore_evaluator_is_model (const char *name)
{
  const CcSweepEvaluator *ev = name != NULL ? cc_sweep_evaluator_lookup (name) : NULL;

  if (name == NULL)
    return FALSE;
  if (ev != NULL)
    return !ev->is_test;
  /* Not in this build: trust the name unless it is the CLI's fixture. */
  return !g_str_equal (name, "analytic-test");
}
