/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "sweep-test-util.h"

#include <glib/gstdio.h>

char *
st_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("cc-sweep-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
st_cleanup (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

CcSweep *
st_load (const char *text)
{
  g_autoptr(GError) error = NULL;
  CcSweep *s = cc_sweep_load_from_data (text, -1, NULL, &error);

  g_assert_no_error (error);
  return s;
}

char *
st_read (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

guint
st_count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p; p++)
    n += (*p == '\n');
  return n;
}

void
st_run (CcSweep                *sweep,
        const CcSweepEvaluator *ev,
        guint                   shard_index,
        guint                   shard_count,
        guint                   threads,
        const char             *out)
{
  g_autoptr(GError) error = NULL;
  CcSweepRunOptions o = { shard_index, shard_count, threads, out };
  CcSweepProgress p;

  g_assert_true (cc_sweep_run (sweep, ev, cc_material_db_get_default (), &o, NULL, NULL, NULL, &p, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (p.resumed + p.done, ==, p.total);
}
