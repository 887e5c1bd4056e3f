/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command-line tool under valgrind: no memory errors and no definite
 * leaks, on the success paths and on error paths.
 *
 *   test-robust-valgrind VALGRIND [--slow-rows=A,B,...] [PRESET...]
 *   test-robust-valgrind VALGRIND --row=NAME [PRESET...]
 *
 * Without presets it runs the rows of rows[] that do not name @PRESET; with
 * presets, the rows that do, once per preset. meson registers one test per
 * preset for the quick rows and one per preset and slow row (the rows that
 * run the whole pipeline, ~15 s each under valgrind), so they run in
 * parallel and each stays well under a minute: --row=NAME runs one row,
 * and --slow-rows names the slow rows that have tests of their own, which
 * the quick test then leaves out — after checking that the list is exactly
 * the rows marked slow here, so a new slow row cannot go unregistered.
 *
 * Valgrind runs with --errors-for-leak-kinds=definite and a distinct
 * --error-exitcode (97), so a memory error or a definite leak is told apart
 * from the tool's own "invalid input" status 1; each row states the status
 * the tool must end with.
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
  const char *args[12];
  int         status;      /* exit status the CLI must end with */
  const char *creates;     /* a file the run must leave non-empty, or NULL */
  gboolean    slow;        /* runs the pipeline: a test of its own per preset */
} Row;

/* The whole pipeline (packing, analysis, cell model, stability, impedance,
 * charts) is far too slow under valgrind at a design's 10 000 particles
 * (minutes per run): 1000 still packs every preset of valgrind_presets in
 * tests/robust/meson.build (the box must span 2.8 of the largest spheres)
 * and takes ~15 s a run. The preset's full cycle count is kept: the cell
 * model is cheap next to the packing. */
#define PARTICLES "1000"

static const Row rows[] = {
  { "validate",        { "validate", "preset:@PRESET", NULL }, 0, NULL },
  { "preset",          { "preset", "@PRESET", NULL }, 0, NULL },
  { "simulate-json",   { "simulate", "preset:@PRESET", "--json", "--particles", PARTICLES, NULL }, 0, NULL, TRUE },
  { "plot-voltage-png", { "plot", "preset:@PRESET", "--chart", "voltage-profile", "--particles", PARTICLES,
                          "-o", "@TMPDIR/voltage.png", NULL }, 0, "@TMPDIR/voltage.png", TRUE },
  { "plot-nyquist-svg", { "plot", "preset:@PRESET", "--chart", "nyquist", "--particles", PARTICLES,
                          "-o", "@TMPDIR/nyquist.svg", NULL }, 0, "@TMPDIR/nyquist.svg", TRUE },
  { "materials-json",  { "materials", "--json", NULL }, 0, NULL },
  { "presets-json",    { "presets", "--json", NULL }, 0, NULL },
  /* Error paths leak more often than success paths. */
  { "validate-broken-file", { "validate", "@SOURCE/tests/robust/regressions/design/two-documents.json", NULL }, 1, NULL },
  { "validate-newer-version", { "validate", "@SOURCE/tests/robust/regressions/design/newer-version.json", NULL }, 1, NULL },
  /* 60 particles cannot span the box: refused by the packing, after the
   * design, database and preset list were loaded. */
  { "simulate-too-few-particles", { "simulate", "preset:@PRESET", "--particles", "60", NULL }, 1, NULL },
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
  if (c->row->creates != NULL)
    {
      g_autofree char *path = expand (c->row->creates, c->preset, tmpdir);
      GStatBuf st;

      if (g_stat (path, &st) != 0 || st.st_size == 0)
        g_error ("%s: missing or empty after a successful run", path);
    }

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

/* --slow-rows=A,B,...: FALSE unless it names exactly the slow rows. */
static gboolean
check_slow_rows (const char *list)
{
  g_auto(GStrv) names = g_strsplit (list, ",", -1);
  guint n_slow = 0;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (rows[i].slow)
      {
        n_slow++;
        if (!g_strv_contains ((const char * const *) names, rows[i].name))
          {
            g_printerr ("--slow-rows: the slow row %s has no test of its own "
                        "(add it to valgrind_slow_rows in tests/robust/meson.build)\n", rows[i].name);
            return FALSE;
          }
      }
  if (g_strv_length (names) != n_slow)
    {
      g_printerr ("--slow-rows=%s: names rows that are not marked slow in test-valgrind.c\n", list);
      return FALSE;
    }
  return TRUE;
}

static const Row *
find_row (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (g_str_equal (rows[i].name, name))
      return &rows[i];
  return NULL;
}

int
main (int    argc,
      char **argv)
{
  const Row *only = NULL;
  gboolean skip_slow = FALSE;
  int first_preset = 2;
  guint added = 0;

  g_test_init (&argc, &argv, NULL);
  if (argc < 2)
    {
      g_printerr ("usage: %s VALGRIND [--row=NAME | --slow-rows=A,B,...] [PRESET...]\n", argv[0]);
      return 2;
    }
  valgrind = argv[1];
  if (argc > 2 && g_str_has_prefix (argv[2], "--row="))
    {
      only = find_row (argv[2] + strlen ("--row="));
      if (only == NULL)
        {
          g_printerr ("%s: no such row\n", argv[2]);
          return 2;
        }
      first_preset = 3;
    }
  else if (argc > 2 && g_str_has_prefix (argv[2], "--slow-rows="))
    {
      if (!check_slow_rows (argv[2] + strlen ("--slow-rows=")))
        return 2;
      skip_slow = TRUE;
      first_preset = 3;
    }

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if ((only != NULL && &rows[i] != only) || (skip_slow && rows[i].slow))
        continue;
      if (!row_uses_preset (&rows[i]))
        {
          if (argc == first_preset)
            {
              add_case (&rows[i], NULL);
              added++;
            }
          continue;
        }
      for (int p = first_preset; p < argc; p++, added++)
        add_case (&rows[i], argv[p]);
    }
  /* A row filter or a preset list that selects nothing is a mistake in
   * meson.build, not a pass. */
  if (added == 0)
    {
      g_printerr ("no rows selected\n");
      return 2;
    }
  return g_test_run ();
}
