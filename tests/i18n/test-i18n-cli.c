/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The CLI and the app, started in German and Chinese with the catalogs of
 * the build tree (CC_LOCALEDIR): usage, option help and usage errors come
 * out translated; core errors keep their JSON paths; numbers follow the
 * locale in human-readable output (3,0 V in German) and never in files
 * (JSON, CSV and JSON Lines are byte for byte those of the C locale).
 */
#include "config.h"

#include "i18n-test-util.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#define PRESET_ID "nacro2-nyzc-na3ps4"
#define PRESET "preset:" PRESET_ID

static const char *
cli (void)
{
  g_assert_nonnull (g_getenv ("CC_CLI"));
  return g_getenv ("CC_CLI");
}

static GHashTable *
catalog (const char *lang)
{
  g_autofree char *path = i18n_mo_path (lang);
  g_autoptr(GError) error = NULL;
  GHashTable *table = i18n_read_mo (path, &error);

  g_assert_no_error (error);
  return table;
}

/* The translation of `msgid`, which must differ from the English. */
static const char *
tr (GHashTable *table,
    const char *msgid)
{
  const char *str = g_hash_table_lookup (table, msgid);

  g_assert_nonnull (str);
  g_assert_cmpstr (str, !=, msgid);
  return str;
}

static void
assert_contains (const char *text,
                 const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” not found in:\n%s", part, text);
}

static void
assert_lacks (const char *text,
              const char *part)
{
  if (strstr (text, part) != NULL)
    g_error ("“%s” (English) found in:\n%s", part, text);
}

/* Messages only: LANGUAGE over a C.UTF-8 base (gettext ignores LANGUAGE in
 * the plain C locale, not in C.UTF-8), so no generated locale is needed. */
static void
run_in (I18nRun            *run,
        const char         *lang,
        const char * const *argv)
{
  g_autofree char *language = g_strdup_printf ("LANGUAGE=%s", lang);
  const char *env[] = { "LC_ALL=C.UTF-8", language, NULL };

  i18n_run (run, argv, env);
}

static void
test_usage (gconstpointer data)
{
  const char *lang = data;
  g_autoptr(GHashTable) t = catalog (lang);
  const char *argv[] = { cli (), NULL };
  I18nRun run;

  run_in (&run, lang, argv);
  g_assert_cmpint (run.status, ==, 2);
  assert_contains (run.err, tr (t, "List the materials database"));
  assert_contains (run.err, tr (t, "Kramers-Kronig test of a spectrum"));
  assert_lacks (run.err, "List the materials database");
  assert_lacks (run.err, "Commands:");
  /* Command names and their arguments stay as they are typed. */
  assert_contains (run.err, "sweep-merge");
  assert_contains (run.err, "FILE|preset:NAME");
  assert_contains (run.err, g_str_equal (lang, "de") ? "Befehle:" : "命令：");
  i18n_run_clear (&run);
}

static void
test_option_help (gconstpointer data)
{
  const char *lang = data;
  g_autoptr(GHashTable) t = catalog (lang);
  const char *argv[] = { cli (), "plot", "--help", NULL };
  I18nRun run;

  run_in (&run, lang, argv);
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, tr (t, "Draw one chart of a design as PNG, SVG, PDF or CSV."));
  assert_contains (run.out, tr (t, "Chart to draw ('list' names them)"));
  assert_contains (run.out, "--width-pt");
  assert_lacks (run.out, "PNG resolution");
  i18n_run_clear (&run);
}

static void
test_usage_error (gconstpointer data)
{
  const char *lang = data;
  g_autoptr(GHashTable) t = catalog (lang);
  const char *argv[] = { cli (), "materials", "surplus", NULL };
  g_autofree char *expected = NULL;
  I18nRun run;

  run_in (&run, lang, argv);
  g_assert_cmpint (run.status, ==, 2);
  expected = g_strdup_printf (tr (t, "materials: unexpected argument '%s'"), "surplus");
  assert_contains (run.err, expected);
  i18n_run_clear (&run);
}

/* Core validation messages stay English (README); what matters is that the
 * path of the bad field reaches the user untouched in every language. */
static void
test_error_keeps_json_path (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cc-i18n-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bad.ccdesign", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JsonObject *process;
  I18nRun run;

  {
    const char *argv[] = { cli (), "preset", PRESET_ID, NULL };
    run_in (&run, "de", argv);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
    g_assert_no_error (error);
    i18n_run_clear (&run);
  }
  process = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "process");
  g_assert_nonnull (process);
  json_object_set_double_member (process, "pressure_MPa", -5);
  text = json_to_string (json_parser_get_root (parser), TRUE);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  for (guint i = 0; i < 2; i++)
    {
      const char *argv[] = { cli (), "validate", path, NULL };

      run_in (&run, i == 0 ? "de" : "zh_CN", argv);
      g_assert_cmpint (run.status, ==, 1);
      assert_contains (run.err, "process.pressure_MPa");
      i18n_run_clear (&run);
    }
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_app_help (gconstpointer data)
{
  const char *lang = data;
  g_autoptr(GHashTable) t = catalog (lang);
  const char *app = g_getenv ("CC_APP");
  I18nRun run;

  if (app == NULL)
    {
      g_test_skip ("the app is not part of this build");
      return;
    }
  {
    const char *argv[] = { app, "--help", NULL };
    run_in (&run, lang, argv);
  }
  g_assert_cmpint (run.status, ==, 0);
  assert_contains (run.out, tr (t, "Save a picture of the window to FILE (PNG) once it is drawn, then quit"));
  assert_contains (run.out, "--screenshot");
  i18n_run_clear (&run);
}

/* ---- numbers ------------------------------------------------------------------ */

typedef struct {
  gboolean  available;
  char     *locpath;
} Locale;

static Locale german;

static void
run_numbers (I18nRun            *run,
             gboolean            in_german,
             const char * const *argv)
{
  g_autofree char *locpath = german.locpath ? g_strdup_printf ("LOCPATH=%s", german.locpath) : g_strdup ("LOCPATH=");
  const char *c_env[] = { "LC_ALL=C.UTF-8", "LANGUAGE=", "LOCPATH=", NULL };
  const char *de_env[] = { "LC_ALL=de_DE.UTF-8", "LANGUAGE=", locpath, NULL };

  i18n_run (run, argv, in_german ? de_env : c_env);
  g_assert_cmpint (run->status, ==, 0);
}

static char *
read_back (const char *path)
{
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_unlink (path);
  return g_steal_pointer (&text);
}

static void
test_numbers_ui_follow_locale (void)
{
  const char *argv[] = { cli (), "materials", "--class", "cam", NULL };
  I18nRun c, de;

  if (!german.available)
    {
      g_test_skip ("de_DE.UTF-8 is neither installed nor can be generated (Debian: apt install locales)");
      return;
    }
  run_numbers (&c, FALSE, argv);
  run_numbers (&de, TRUE, argv);
  /* NaCrO2: "120 mAh/g, 3.00 V" in C, "120 mAh/g, 3,00 V" in German. */
  g_assert_true (g_regex_match_simple ("nacro2 .* [0-9]+\\.[0-9]+ V", c.out, G_REGEX_MULTILINE, 0));
  g_assert_true (g_regex_match_simple ("nacro2 .* [0-9]+,[0-9]+ V", de.out, G_REGEX_MULTILINE, 0));
  g_assert_false (g_regex_match_simple ("nacro2 .* [0-9]+\\.[0-9]+ V", de.out, G_REGEX_MULTILINE, 0));
  i18n_run_clear (&c);
  i18n_run_clear (&de);
}

static void
test_numbers_files_stay (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cc-i18n-XXXXXX", NULL);
  g_autofree char *sweep = g_build_filename (g_getenv ("CC_SOURCE_ROOT"), "data", "sweeps", "carbon-fraction.json", NULL);
  const char *stdout_cmds[][5] = {
    { "materials", "--json", NULL },
    { "preset", PRESET_ID, NULL },
    { "validate", "--json", PRESET, NULL },
  };

  if (!german.available)
    {
      g_test_skip ("de_DE.UTF-8 is neither installed nor can be generated (Debian: apt install locales)");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (stdout_cmds); i++)
    {
      const char *argv[6] = { cli () };
      I18nRun c, de;

      for (guint k = 0; stdout_cmds[i][k]; k++)
        argv[k + 1] = stdout_cmds[i][k];
      run_numbers (&c, FALSE, argv);
      run_numbers (&de, TRUE, argv);
      g_assert_cmpuint (strlen (c.out), >, 10);
      g_assert_cmpstr (de.out, ==, c.out);
      i18n_run_clear (&c);
      i18n_run_clear (&de);
    }
  /* Files written with -o / --out. */
  {
    g_autofree char *csv = g_build_filename (dir, "chart.csv", NULL);
    g_autofree char *jsonl = g_build_filename (dir, "sweep.jsonl", NULL);
    g_autofree char *c_csv = NULL, *de_csv = NULL, *c_jsonl = NULL, *de_jsonl = NULL;
    const char *plot[] = { cli (), "plot", PRESET, "--chart", "stability-window", "-o", csv, NULL };
    const char *run_sweep[] = { cli (), "sweep", sweep, "--evaluator=analytic-test", "--threads", "1",
                                "--quiet", "--out", jsonl, NULL };
    I18nRun r;

    run_numbers (&r, FALSE, plot);
    i18n_run_clear (&r);
    c_csv = read_back (csv);
    run_numbers (&r, TRUE, plot);
    i18n_run_clear (&r);
    de_csv = read_back (csv);
    g_assert_true (g_regex_match_simple ("[0-9]\\.[0-9]", c_csv, 0, 0));
    g_assert_cmpstr (de_csv, ==, c_csv);

    run_numbers (&r, FALSE, run_sweep);
    i18n_run_clear (&r);
    c_jsonl = read_back (jsonl);
    run_numbers (&r, TRUE, run_sweep);
    i18n_run_clear (&r);
    de_jsonl = read_back (jsonl);
    g_assert_true (g_regex_match_simple ("[0-9]\\.[0-9]", c_jsonl, 0, 0));
    g_assert_cmpstr (de_jsonl, ==, c_jsonl);
  }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  static const char *langs[] = { "de", "zh_CN" };
  int status;

  g_test_init (&argc, &argv, NULL);
  german.locpath = i18n_ensure_locale ("de_DE.UTF-8", &german.available);
  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      g_autofree char *usage = g_strdup_printf ("/i18n/cli/%s/usage", langs[i]);
      g_autofree char *help = g_strdup_printf ("/i18n/cli/%s/option-help", langs[i]);
      g_autofree char *error = g_strdup_printf ("/i18n/cli/%s/usage-error", langs[i]);
      g_autofree char *app = g_strdup_printf ("/i18n/app/%s/help", langs[i]);

      g_test_add_data_func (usage, langs[i], test_usage);
      g_test_add_data_func (help, langs[i], test_option_help);
      g_test_add_data_func (error, langs[i], test_usage_error);
      g_test_add_data_func (app, langs[i], test_app_help);
    }
  g_test_add_func ("/i18n/cli/error-keeps-json-path", test_error_keeps_json_path);
  g_test_add_func ("/i18n/cli/numbers/ui-follow-locale", test_numbers_ui_follow_locale);
  g_test_add_func ("/i18n/cli/numbers/files-stay-locale-independent", test_numbers_files_stay);
  status = g_test_run ();
  g_free (german.locpath);
  return status;
}
