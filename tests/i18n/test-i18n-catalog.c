/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The translation catalogs: po/POTFILES.in names every file with marked
 * strings; the German and Chinese catalogs translate every string the
 * sources mark today (a fresh template is extracted and merged, so a new
 * string without a translation fails here); and the translations keep what
 * must not change: printf conversions in order, Pango markup, units,
 * symbols, circuit element names, option names and JSON paths.
 */
#include "config.h"

#include "i18n-test-util.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

static const char *languages[] = { "de", "zh_CN" };

static const char *
source_root (void)
{
  const char *root = g_getenv ("CC_SOURCE_ROOT");

  g_assert_nonnull (root);
  return root;
}

/* ---- POTFILES ----------------------------------------------------------------- */

static GHashTable *
read_potfiles (void)
{
  g_autofree char *path = g_build_filename (source_root (), "po", "POTFILES.in", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0' && lines[i][0] != '#')
        g_hash_table_add (set, g_strdup (lines[i]));
    }
  return set;
}

/* Does this file hold strings for the catalog? C: a literal in _(), N_(),
 * C_(), NC_() or ngettext(); .ui: translatable="yes"; data: the templated
 * desktop entry and metainfo, a schema's summaries, a MIME comment. */
static gboolean
has_translatable_strings (const char *relpath,
                          const char *text)
{
  static GRegex *c_mark;

  if (c_mark == NULL)
    c_mark = g_regex_new ("(^|[^A-Za-z0-9_])(_|N_|C_|NC_|ngettext|g_dngettext|g_dpgettext2)\\s*\\(\\s*\"",
                          G_REGEX_MULTILINE, 0, NULL);
  if (g_str_has_suffix (relpath, ".c") || g_str_has_suffix (relpath, ".h"))
    return g_regex_match (c_mark, text, 0, NULL);
  if (g_str_has_suffix (relpath, ".ui"))
    return strstr (text, "translatable=\"yes\"") != NULL;
  if (g_str_has_suffix (relpath, ".in"))
    return TRUE;
  if (g_str_has_suffix (relpath, ".gschema.xml"))
    return strstr (text, "<summary") != NULL || strstr (text, "<description") != NULL;
  if (g_str_has_suffix (relpath, ".mime.xml"))
    return strstr (text, "<comment") != NULL;
  return FALSE;
}

static void
scan (const char *rel,
      gboolean    recurse,
      GPtrArray  *found)
{
  g_autofree char *abs = g_build_filename (source_root (), rel, NULL);
  g_autoptr(GDir) dir = g_dir_open (abs, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child_rel = g_build_filename (rel, name, NULL);
      g_autofree char *child_abs = g_build_filename (abs, name, NULL);
      g_autofree char *text = NULL;

      if (g_file_test (child_abs, G_FILE_TEST_IS_DIR))
        {
          if (recurse)
            scan (child_rel, TRUE, found);
          continue;
        }
      if (g_file_get_contents (child_abs, &text, NULL, NULL) && has_translatable_strings (child_rel, text))
        g_ptr_array_add (found, g_steal_pointer (&child_rel));
    }
}

static void
test_potfiles_complete (void)
{
  g_autoptr(GHashTable) listed = read_potfiles ();
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) missing = g_string_new (NULL);

  scan ("src", TRUE, found);
  scan ("ui", TRUE, found);
  scan ("data", FALSE, found);
  /* The scan itself must see the app, the CLI and the data files. */
  g_assert_cmpuint (found->len, >=, 40);
  g_ptr_array_sort (found, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < found->len; i++)
    if (!g_hash_table_contains (listed, g_ptr_array_index (found, i)))
      g_string_append_printf (missing, "%s\n", (char *) g_ptr_array_index (found, i));
  if (missing->len > 0)
    g_test_message ("files with translatable strings missing from po/POTFILES.in:\n%s", missing->str);
  g_assert_cmpstr (missing->str, ==, "");
}

static void
test_potfiles_entries_exist (void)
{
  g_autoptr(GHashTable) listed = read_potfiles ();
  g_autoptr(GString) stale = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, listed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_autofree char *path = g_build_filename (source_root (), key, NULL);
      g_autofree char *text = NULL;

      if (!g_file_get_contents (path, &text, NULL, NULL) || !has_translatable_strings (key, text))
        g_string_append_printf (stale, "%s\n", (char *) key);
    }
  g_assert_cmpstr (stale->str, ==, "");
}

/* ---- completeness against the sources ---------------------------------------- */

typedef struct {
  char *tmp;
  char *pot;
} Template;

static Template template;

/* The same extraction as `ninja cathode-composer-pot` (meson's glib preset),
 * into a temporary folder, so the check sees the sources as they are now. */
static const char *
fresh_template (void)
{
  g_autofree char *potfiles = g_build_filename (source_root (), "po", "POTFILES.in", NULL);
  I18nRun run;

  if (template.pot != NULL)
    return template.pot;
  template.tmp = g_dir_make_tmp ("cc-i18n-XXXXXX", NULL);
  g_assert_nonnull (template.tmp);
  template.pot = g_build_filename (template.tmp, "cathode-composer.pot", NULL);
  {
    const char *argv[] = {
      "xgettext", "--package-name=" GETTEXT_PACKAGE, "-f", potfiles, "-D", source_root (),
      "-o", template.pot, "--from-code=UTF-8", "--add-comments",
      "--keyword=_", "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
      "--keyword=g_dcgettext:2", "--keyword=g_dngettext:2,3", "--keyword=g_dpgettext2:2c,3",
      "--flag=N_:1:pass-c-format", "--flag=C_:2:pass-c-format", "--flag=NC_:2:pass-c-format",
      "--flag=g_dngettext:2:pass-c-format", "--flag=g_strdup_printf:1:c-format",
      "--flag=g_string_printf:2:c-format", "--flag=g_string_append_printf:2:c-format",
      "--flag=g_error_new:3:c-format", "--flag=g_set_error:4:c-format",
      "--flag=g_markup_printf_escaped:1:c-format", "--flag=g_printerr:1:c-format",
      "--flag=g_print:1:c-format", NULL
    };
    i18n_run (&run, argv, NULL);
  }
  if (run.status != 0)
    g_error ("xgettext failed (Debian: apt install gettext): %s", run.err);
  i18n_run_clear (&run);
  return template.pot;
}

static void
test_catalog_complete (gconstpointer data)
{
  const char *lang = data;
  g_autofree char *po = g_strdup_printf ("%s/po/%s.po", source_root (), lang);
  g_autofree char *merged = NULL;
  const char *pot = fresh_template ();
  I18nRun run;

  merged = g_strdup_printf ("%s/%s.po", template.tmp, lang);
  {
    const char *argv[] = { "msgfmt", "--check", "-o", "/dev/null", po, NULL };
    i18n_run (&run, argv, NULL);
    g_assert_cmpint (run.status, ==, 0);
    i18n_run_clear (&run);
  }
  {
    const char *argv[] = { "msgmerge", "--quiet", "--no-fuzzy-matching", "-o", merged, po, pot, NULL };
    i18n_run (&run, argv, NULL);
    g_assert_cmpint (run.status, ==, 0);
    i18n_run_clear (&run);
  }
  {
    const char *argv[] = { "msgattrib", "--untranslated", "--no-obsolete", merged, NULL };
    i18n_run (&run, argv, NULL);
    if (run.out[0] != '\0')
      g_test_message ("%s: untranslated:\n%s", lang, run.out);
    g_assert_cmpstr (run.out, ==, "");
    i18n_run_clear (&run);
  }
  {
    const char *argv[] = { "msgattrib", "--only-fuzzy", "--no-obsolete", merged, NULL };
    i18n_run (&run, argv, NULL);
    g_assert_cmpstr (run.out, ==, "");
    i18n_run_clear (&run);
  }
  {
    const char *argv[] = { "msgfmt", "--check", "--statistics", "-o", "/dev/null", merged, NULL };
    i18n_run (&run, argv, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_test_message ("%s: %s", lang, run.err);
    g_assert_nonnull (strstr (run.err, "translated message"));
    g_assert_null (strstr (run.err, "untranslated"));
    g_assert_null (strstr (run.err, "fuzzy"));
    i18n_run_clear (&run);
  }
}

/* ---- what a translation must keep -------------------------------------------- */

static GPtrArray *
tokens (GRegex     *regex,
        const char *text)
{
  g_autoptr(GMatchInfo) match = NULL;
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);

  g_regex_match (regex, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_ptr_array_add (list, g_match_info_fetch (match, 0));
      g_match_info_next (match, NULL);
    }
  return list;
}

static int
compare_strings (const void *a,
                 const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static char *
joined (GPtrArray *list,
        gboolean   sorted)
{
  g_autofree char **items = g_new0 (char *, list->len + 1);

  for (guint i = 0; i < list->len; i++)
    items[i] = g_ptr_array_index (list, i);
  if (sorted)
    qsort (items, list->len, sizeof (char *), compare_strings);
  return g_strjoinv (" ", items);
}

/* `word` with no ASCII letter right before or after it ("SE" in "CAM × SE",
 * not in "SEARCH"). */
static gboolean
contains_word (const char *text,
               const char *word)
{
  gsize len = strlen (word);

  for (const char *p = strstr (text, word); p != NULL; p = strstr (p + 1, word))
    if ((p == text || !g_ascii_isalpha (p[-1])) && !g_ascii_isalpha (p[len]))
      return TRUE;
  return FALSE;
}

/* Kept in order: printf conversions (no space flag, so "100 % and" is
 * prose). Kept as a set: markup tags, option names, JSON paths with an
 * underscore, element names such as R0 or Q1_n. Kept when present: units,
 * symbols and the Na reference electrode. */
static void
test_catalog_keeps (gconstpointer data)
{
  const char *lang = data;
  static const char * const units[] = {
    "mAh/g", "mA/g", "mAh g", "W kg", "Wh kg", "µm", "nm", "MPa", "Hz", "°C", "degC", "ohm cm2",
    "Ω", "Na⁺/Na", "Na<sup>+</sup>/Na", "d₅₀", "σ", "τ", "γ", "ε", "−Z″", "Z′", "|Z|", "CAM", "SE",
    "JSON", "PNG", "SVG", "PDF", "CSV", "RC", "KK", "DRT", "NNLS", "CNLS", "chi^2", "lambda", "V",
  };
  g_autoptr(GRegex) conv = g_regex_new ("%(\\d+\\$)?[-+#0']*(\\d+|\\*)?(\\.(\\d+|\\*))?(hh|h|ll|l|L|z|j|t)?"
                                        "[diouxXeEfFgGaAcsp%]", 0, 0, NULL);
  g_autoptr(GRegex) set = g_regex_new ("<[^>]+>|--[a-z][a-z0-9-]*|\\b[a-z]+\\.[a-z]+_[a-z0-9_]+\\b"
                                       "|\\b[A-Z][a-z]?[0-9]+(_[a-z]+)?\\b|preset:NAME", 0, 0, NULL);
  g_autoptr(GRegex) mnemonic = g_regex_new ("(^|[\\s(])_[[:alnum:]]", 0, 0, NULL);
  g_autofree char *mo = i18n_mo_path (lang);
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) catalog = i18n_read_mo (mo, &error);
  g_autoptr(GString) problems = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;
  guint n = 0, differ = 0;

  g_assert_no_error (error);
  g_hash_table_iter_init (&iter, catalog);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *id = strchr (key, '\004') ? strchr (key, '\004') + 1 : key;
      const char *str = value;
      g_autoptr(GPtrArray) ca = NULL, cb = NULL, sa = NULL, sb = NULL;
      g_autofree char *a = NULL, *b = NULL, *x = NULL, *y = NULL;

      if (*id == '\0')
        continue;
      n++;
      differ += g_strcmp0 (id, str) != 0;
      ca = tokens (conv, id);
      cb = tokens (conv, str);
      a = joined (ca, FALSE);
      b = joined (cb, FALSE);
      if (g_strcmp0 (a, b) != 0)
        g_string_append_printf (problems, "conversions “%s” → “%s”: %s | %s\n", id, str, a, b);
      sa = tokens (set, id);
      sb = tokens (set, str);
      x = joined (sa, TRUE);
      y = joined (sb, TRUE);
      if (g_strcmp0 (x, y) != 0)
        g_string_append_printf (problems, "markup/options/names “%s” → “%s”: %s | %s\n", id, str, x, y);
      for (guint u = 0; u < G_N_ELEMENTS (units); u++)
        if (contains_word (id, units[u]) && !contains_word (str, units[u]))
          g_string_append_printf (problems, "unit or symbol %s lost: “%s” → “%s”\n", units[u], id, str);
      if (g_regex_match (mnemonic, id, 0, NULL) && strchr (str, '_') == NULL)
        g_string_append_printf (problems, "mnemonic lost: “%s” → “%s”\n", id, str);
    }
  if (problems->len > 0)
    g_test_message ("%s:\n%s", lang, problems->str);
  g_assert_cmpstr (problems->str, ==, "");
  /* A catalog of copied English would pass everything above. */
  g_assert_cmpuint (n, >, 500);
  g_assert_cmpfloat ((double) differ / n, >, 0.85);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/i18n/potfiles/complete", test_potfiles_complete);
  g_test_add_func ("/i18n/potfiles/entries-exist", test_potfiles_entries_exist);
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *complete = g_strdup_printf ("/i18n/catalog/%s/complete", languages[i]);
      g_autofree char *keeps = g_strdup_printf ("/i18n/catalog/%s/keeps-formats-units-and-names", languages[i]);

      g_test_add_data_func (complete, languages[i], test_catalog_complete);
      g_test_add_data_func (keeps, languages[i], test_catalog_keeps);
    }
  status = g_test_run ();
  if (template.tmp != NULL)
    {
      const char *rm[] = { "rm", "-rf", template.tmp, NULL };
      I18nRun run;

      i18n_run (&run, rm, NULL);
      i18n_run_clear (&run);
      g_free (template.tmp);
      g_free (template.pot);
    }
  return status;
}
