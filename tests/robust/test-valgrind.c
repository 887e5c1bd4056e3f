/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command-line tool under valgrind: no memory errors and no definite
 * leaks, on the success paths and on an error path.
 *
 *   test-robust-valgrind VALGRIND [PRESET...]
 *
 * Without presets it runs the rows of rows[] that do not name @PRESET; with
 * presets, the rows that do, once per preset (meson registers one test per
 * preset, so they run in parallel). Valgrind runs with
 * --errors-for-leak-kinds=definite and a distinct --error-exitcode (97), so
 * a memory error or a definite leak is told apart from the tool's own
 * "invalid input" status 1; each row states the status the tool must end
 * with.
 *
 * In arguments, @PRESET is the preset id, @SOURCE the source root and
 * @TMPDIR a fresh temporary directory.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#define VALGRIND_ERROR_STATUS 97

typedef struct {
  const char *name;
  const char *args[10];
  int         status;      /* exit status the CLI must end with */
} Row;

/* Add simulate and plot here as they land, e.g.
 *   { "simulate", { "simulate", "preset:@PRESET", "--json", NULL }, 0 },
 *   { "plot", { "plot", "voltage", "preset:@PRESET", "-o", "@TMPDIR/v.png", NULL }, 0 }, */
static const Row rows[] = {
  { "validate",        { "validate", "preset:@PRESET", NULL }, 0 },
  { "preset",          { "preset", "@PRESET", NULL }, 0 },
  { "materials-json",  { "materials", "--json", NULL }, 0 },
  { "presets-json",    { "presets", "--json", NULL }, 0 },
  /* Error paths leak more often than success paths. */
  { "validate-broken-file", { "validate", "@SOURCE/tests/robust/regressions/design/two-documents.json", NULL }, 1 },
  { "validate-newer-version", { "validate", "@SOURCE/tests/robust/regressions/design/newer-version.json", NULL }, 1 },
};

static const char *valgrind;

typedef struct {
  const Row *row;
  char      *preset;   /* NULL for rows without @PRESET */
} Case;

static gboolean
row_uses_preset (const Row *row)
{
  for (guint i = 0; row->args[i] != NULL; i++)
    if (strstr (row->args[i], "@PRESET") != NULL)
      return TRUE;
  return FALSE;
}

static char *
expand (const char *arg,
        const char *preset,
        const char *tmpdir)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_auto(GStrv) parts = NULL;

  parts = g_strsplit (arg, "@PRESET", -1);
  a = g_strjoinv (preset != NULL ? preset : "", parts);
  g_strfreev (parts);
  parts = g_strsplit (a, "@SOURCE", -1);
  b = g_strjoinv (g_getenv ("CC_SOURCE_ROOT"), parts);
  g_strfreev (parts);
  parts = g_strsplit (b, "@TMPDIR", -1);
  return g_strjoinv (tmpdir, parts);
}

static void
run_case (gconstpointer data)
{
  const Case *c = data;
  g_autofree char *tmpdir = g_dir_make_tmp ("cc-valgrind-XXXXXX", NULL);
  g_autofree char *log = g_build_filename (tmpdir, "valgrind.log", NULL);
  g_autofree char *log_arg = g_strconcat ("--log-file=", log, NULL);
  g_autofree char *supp = g_build_filename (g_getenv ("CC_SOURCE_ROOT"), "build-aux", "valgrind.supp", NULL);
  g_autofree char *supp_arg = g_strconcat ("--suppressions=", supp, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *log_text = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  int wait_status = 0;

  g_assert_nonnull (g_getenv ("CC_CLI"));
  g_ptr_array_add (argv, g_strdup (valgrind));
  g_ptr_array_add (argv, g_strdup ("--error-exitcode=97"));
  g_ptr_array_add (argv, g_strdup ("--leak-check=full"));
  g_ptr_array_add (argv, g_strdup ("--errors-for-leak-kinds=definite"));
  g_ptr_array_add (argv, g_strdup ("--show-leak-kinds=definite"));
  g_ptr_array_add (argv, g_strdup ("--num-callers=30"));
  g_ptr_array_add (argv, g_strdup (supp_arg));
  g_ptr_array_add (argv, g_strdup (log_arg));
  g_ptr_array_add (argv, g_strdup (g_getenv ("CC_CLI")));
  for (guint i = 0; c->row->args[i] != NULL; i++)
    g_ptr_array_add (argv, expand (c->row->args[i], c->preset, tmpdir));
  g_ptr_array_add (argv, NULL);

  /* GLib's slice allocator hides blocks from valgrind. */
  envp = g_environ_setenv (envp, "G_SLICE", "always-malloc", TRUE);
  envp = g_environ_setenv (envp, "G_DEBUG", "gc-friendly", TRUE);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (log, &log_text, NULL, NULL));
  g_assert_true (WIFEXITED (wait_status));
  if (WEXITSTATUS (wait_status) == VALGRIND_ERROR_STATUS)
    g_error ("valgrind found memory errors or definite leaks:\n%s", log_text);
  if (WEXITSTATUS (wait_status) != c->row->status)
    g_error ("the CLI exited with %d, expected %d\nstderr: %s", WEXITSTATUS (wait_status),
             c->row->status, err);
  /* The summary valgrind prints must agree. */
  g_assert_nonnull (strstr (log_text, "ERROR SUMMARY: 0 errors"));

  g_unlink (log);
  {
    g_autoptr(GDir) d = g_dir_open (tmpdir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmpdir, name, NULL);
        g_unlink (path);
      }
  }
  g_rmdir (tmpdir);
}

static void
add_case (const Row  *row,
          const char *preset)
{
  Case *c = g_new0 (Case, 1);
  g_autofree char *path = NULL;

  c->row = row;
  c->preset = g_strdup (preset);
  path = preset != NULL ? g_strdup_printf ("/robust/valgrind/%s/%s", preset, row->name)
                        : g_strdup_printf ("/robust/valgrind/%s", row->name);
  /* The case lives as long as the test program. */
  g_test_add_data_func (path, c, run_case);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    {
      g_printerr ("usage: %s VALGRIND [PRESET...]\n", argv[0]);
      return 2;
    }
  valgrind = argv[1];

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (!row_uses_preset (&rows[i]))
        {
          if (argc == 2)
            add_case (&rows[i], NULL);
          continue;
        }
      for (int p = 2; p < argc; p++)
        add_case (&rows[i], argv[p]);
    }
  return g_test_run ();
}
