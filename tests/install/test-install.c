/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `meson install --destdir` into a temporary folder: the programs, the data
 * the CLI reads at run time, the icons, the schema, the translations and the
 * desktop files land under the prefix, merged with their translations; the
 * installed CLI runs from there (its data is compiled in as a GResource) and
 * speaks German with the installed catalog; the installed app answers
 * --help; the installed schema and desktop entry validate.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

static char *destdir;
static char *root;      /* destdir + prefix */

typedef struct {
  char *out;
  char *err;
  int   status;
} Run;

static void
run_clear (Run *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

static void
run (Run                *r,
     const char * const *argv,
     const char * const *env)
{
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  for (guint i = 0; env != NULL && env[i]; i++)
    {
      g_auto(GStrv) kv = g_strsplit (env[i], "=", 2);
      envp = g_environ_setenv (envp, kv[0], kv[1], TRUE);
    }
  memset (r, 0, sizeof *r);
  if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &r->out, &r->err, &wait_status, &error))
    {
      r->out = g_strdup ("");
      r->err = g_strdup (error->message);
      r->status = -1;
      return;
    }
  r->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static const char *
env (const char *name)
{
  const char *v = g_getenv (name);

  g_assert_nonnull (v);
  return v;
}

static gboolean
with_app (void)
{
  return g_str_equal (env ("CC_BUILD_APP"), "true");
}

/* Installs once, on first use. */
static const char *
installed (void)
{
  Run r;

  if (root != NULL)
    return root;
  destdir = g_dir_make_tmp ("cc-install-XXXXXX", NULL);
  g_assert_nonnull (destdir);
  {
    const char *argv[] = { env ("CC_MESON"), "install", "-C", env ("CC_BUILD_ROOT"), "--destdir", destdir,
                           "--no-rebuild", "--quiet", NULL };
    run (&r, argv, NULL);
  }
  if (r.status != 0)
    g_error ("meson install failed (%d):\n%s\n%s", r.status, r.out, r.err);
  run_clear (&r);
  root = g_build_filename (destdir, env ("CC_PREFIX"), NULL);
  return root;
}

static char *
path_in (const char *first,
         ...)
{
  va_list args;
  GPtrArray *parts = g_ptr_array_new ();
  char *path;

  g_ptr_array_add (parts, (char *) installed ());
  va_start (args, first);
  for (const char *p = first; p != NULL; p = va_arg (args, const char *))
    g_ptr_array_add (parts, (char *) p);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  path = g_build_filenamev ((char **) parts->pdata);
  g_ptr_array_free (parts, TRUE);
  return path;
}

static char *
read_installed (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (path, &text, NULL, &error))
    g_error ("%s is not installed: %s", path, error->message);
  g_assert_cmpuint (strlen (text), >, 0);
  return g_steal_pointer (&text);
}

static void
assert_same_file (const char *installed_path,
                  const char *source_rel)
{
  g_autofree char *source = g_build_filename (env ("CC_SOURCE_ROOT"), source_rel, NULL);
  g_autofree char *a = read_installed (installed_path);
  g_autofree char *b = NULL;

  g_assert_true (g_file_get_contents (source, &b, NULL, NULL));
  g_assert_cmpstr (a, ==, b);
}

static void
test_programs (void)
{
  g_autofree char *cli = path_in (env ("CC_BINDIR"), "cathode-composer-cli", NULL);
  g_autofree char *app = path_in (env ("CC_BINDIR"), "cathode-composer", NULL);

  g_assert_true (g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE));
  if (with_app ())
    g_assert_true (g_file_test (app, G_FILE_TEST_IS_EXECUTABLE));
}

static void
test_data (void)
{
  const char *dirs[] = { "materials", "presets", "sweeps" };

  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autofree char *installed_dir = path_in (env ("CC_DATADIR"), "cathode-composer", dirs[d], NULL);
      g_autofree char *source_dir = g_build_filename (env ("CC_SOURCE_ROOT"), "data", dirs[d], NULL);
      g_autoptr(GDir) dir = g_dir_open (source_dir, 0, NULL);
      const char *name;
      guint n = 0;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *inst = g_build_filename (installed_dir, name, NULL);
          g_autofree char *rel = g_build_filename ("data", dirs[d], name, NULL);

          if (!g_str_has_suffix (name, ".json"))
            continue;
          assert_same_file (inst, rel);
          n++;
        }
      g_assert_cmpuint (n, >, 0);
    }
}

static void
test_desktop_integration (void)
{
  const char *app_id = env ("CC_APP_ID");
  g_autofree char *desktop_name = g_strconcat (app_id, ".desktop", NULL);
  g_autofree char *metainfo_name = g_strconcat (app_id, ".metainfo.xml", NULL);
  g_autofree char *schema_name = g_strconcat (app_id, ".gschema.xml", NULL);
  g_autofree char *mime_name = g_strconcat (app_id, ".xml", NULL);
  g_autofree char *icon_name = g_strconcat (app_id, ".svg", NULL);
  g_autofree char *symbolic_name = g_strconcat (app_id, "-symbolic.svg", NULL);
  g_autofree char *desktop = NULL, *metainfo = NULL, *mime = NULL;
  g_autofree char *schema_dir = NULL, *schema_rel = NULL;

  if (!with_app ())
    {
      g_test_skip ("the app is not part of this build (-Dapp=false)");
      return;
    }
  {
    g_autofree char *p = path_in (env ("CC_DATADIR"), "applications", desktop_name, NULL);
    desktop = read_installed (p);
  }
  {
    g_autofree char *p = path_in (env ("CC_DATADIR"), "metainfo", metainfo_name, NULL);
    metainfo = read_installed (p);
  }
  {
    g_autofree char *p = path_in (env ("CC_DATADIR"), "mime", "packages", mime_name, NULL);
    mime = read_installed (p);
  }
  /* Merged with the translations. */
  g_assert_nonnull (strstr (desktop, "\nName[de]="));
  g_assert_nonnull (strstr (desktop, "\nComment[zh_CN]="));
  g_assert_nonnull (strstr (desktop, "\nKeywords[de]="));
  g_assert_nonnull (strstr (metainfo, "xml:lang=\"de\""));
  g_assert_nonnull (strstr (metainfo, "xml:lang=\"zh_CN\""));
  g_assert_nonnull (strstr (metainfo, "<screenshot"));
  g_assert_nonnull (strstr (mime, "<comment xml:lang=\"de\">"));
  g_assert_nonnull (strstr (mime, "*.ccdesign"));

  schema_rel = g_build_filename ("data", schema_name, NULL);
  {
    g_autofree char *p = path_in (env ("CC_DATADIR"), "glib-2.0", "schemas", schema_name, NULL);
    assert_same_file (p, schema_rel);
  }
  {
    g_autofree char *p = path_in (env ("CC_DATADIR"), "icons", "hicolor", "scalable", "apps", icon_name, NULL);
    g_autofree char *rel = g_build_filename ("icons", "hicolor", "scalable", "apps", icon_name, NULL);
    assert_same_file (p, rel);
  }
  {
    g_autofree char *p = path_in (env ("CC_DATADIR"), "icons", "hicolor", "symbolic", "apps", symbolic_name, NULL);
    g_autofree char *rel = g_build_filename ("icons", "hicolor", "symbolic", "apps", symbolic_name, NULL);
    assert_same_file (p, rel);
  }
  /* The installed schema compiles, the installed entry validates. */
  schema_dir = path_in (env ("CC_DATADIR"), "glib-2.0", "schemas", NULL);
  {
    const char *argv[] = { "glib-compile-schemas", "--strict", "--dry-run", schema_dir, NULL };
    Run r;

    run (&r, argv, NULL);
    g_assert_cmpint (r.status, ==, 0);
    run_clear (&r);
  }
  {
    g_autofree char *p = path_in (env ("CC_DATADIR"), "applications", desktop_name, NULL);
    const char *argv[] = { "desktop-file-validate", p, NULL };
    Run r;

    run (&r, argv, NULL);
    if (r.status == -1)
      g_test_message ("desktop-file-validate not found: %s", r.err);
    else
      g_assert_cmpint (r.status, ==, 0);
    run_clear (&r);
  }
}

static void
test_translations (void)
{
  const char *langs[] = { "de", "zh_CN" };

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autofree char *mo = path_in (env ("CC_LOCALEDIR_REL"), langs[i], "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
      g_autofree char *built = g_build_filename (env ("CC_BUILD_ROOT"), "po", langs[i], "LC_MESSAGES",
                                                 GETTEXT_PACKAGE ".mo", NULL);
      g_autofree char *a = NULL, *b = NULL;
      gsize la = 0, lb = 0;

      g_assert_true (g_file_get_contents (mo, &a, &la, NULL));
      g_assert_true (g_file_get_contents (built, &b, &lb, NULL));
      g_assert_cmpuint (la, >, 1000);
      g_assert_cmpmem (a, la, b, lb);
    }
}

/* The installed CLI runs from the destdir: the materials database is compiled
 * in, and the installed catalog translates it. */
static void
test_installed_cli_runs (void)
{
  g_autofree char *cli = path_in (env ("CC_BINDIR"), "cathode-composer-cli", NULL);
  g_autofree char *locale_dir = path_in (env ("CC_LOCALEDIR_REL"), NULL);
  g_autofree char *locale_env = g_strconcat ("CC_LOCALEDIR=", locale_dir, NULL);
  g_autoptr(JsonParser) installed_json = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *materials;
  Run r, b;

  {
    const char *argv[] = { cli, "materials", "--json", NULL };
    const char *env_c[] = { "LC_ALL=C.UTF-8", NULL };
    run (&r, argv, env_c);
  }
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (json_parser_load_from_data (installed_json, r.out, -1, &error));
  g_assert_no_error (error);
  materials = json_object_get_array_member (json_node_get_object (json_parser_get_root (installed_json)), "materials");
  g_assert_cmpuint (json_array_get_length (materials), >, 5);
  {
    const char *argv[] = { env ("CC_CLI"), "materials", "--json", NULL };
    const char *env_c[] = { "LC_ALL=C.UTF-8", NULL };
    run (&b, argv, env_c);
  }
  g_assert_cmpstr (r.out, ==, b.out);
  run_clear (&r);
  run_clear (&b);

  {
    const char *argv[] = { cli, NULL };
    const char *env_de[] = { "LC_ALL=C.UTF-8", "LANGUAGE=de", locale_env, NULL };
    run (&r, argv, env_de);
  }
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "Befehle:"));
  run_clear (&r);
}

static void
test_installed_app_runs (void)
{
  g_autofree char *app = NULL;
  Run r;

  if (!with_app ())
    {
      g_test_skip ("the app is not part of this build (-Dapp=false)");
      return;
    }
  app = path_in (env ("CC_BINDIR"), "cathode-composer", NULL);
  {
    const char *argv[] = { app, "--help", NULL };
    run (&r, argv, NULL);
  }
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "--screenshot"));
  run_clear (&r);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/install/destdir/programs", test_programs);
  g_test_add_func ("/install/destdir/data", test_data);
  g_test_add_func ("/install/destdir/desktop-integration", test_desktop_integration);
  g_test_add_func ("/install/destdir/translations", test_translations);
  g_test_add_func ("/install/destdir/installed-cli-runs", test_installed_cli_runs);
  g_test_add_func ("/install/destdir/installed-app-runs", test_installed_app_runs);
  status = g_test_run ();
  if (destdir != NULL)
    {
      const char *rm[] = { "rm", "-rf", destdir, NULL };
      Run r;

      run (&r, rm, NULL);
      run_clear (&r);
    }
  g_free (destdir);
  g_free (root);
  return status;
}
