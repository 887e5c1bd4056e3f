/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "i18n-test-util.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/wait.h>

void
i18n_run_clear (I18nRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

void
i18n_run (I18nRun            *run,
          const char * const *argv,
          const char * const *env)
{
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  for (guint i = 0; env != NULL && env[i]; i++)
    {
      const char *eq = strchr (env[i], '=');
      g_autofree char *name = g_strndup (env[i], eq - env[i]);

      g_assert_nonnull (eq);
      envp = eq[1] == '\0' ? g_environ_unsetenv (envp, name) : g_environ_setenv (envp, name, eq + 1, TRUE);
    }
  memset (run, 0, sizeof *run);
  if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &run->out, &run->err, &wait_status, &error))
    {
      /* Reported like a program that failed: the caller decides. */
      run->out = g_strdup ("");
      run->err = g_strdup_printf ("could not run %s: %s", argv[0], error->message);
      run->status = -1;
      return;
    }
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

/* ---- compiled catalogs ------------------------------------------------------ */

static guint32
read_u32 (const guint8 *p,
          gboolean      swap)
{
  guint32 v;

  memcpy (&v, p, 4);
  return swap ? GUINT32_SWAP_LE_BE (v) : v;
}

/* The .mo format: magic, revision, N, offset of the msgid table, offset of
 * the msgstr table; each table holds N (length, offset) pairs. */
GHashTable *
i18n_read_mo (const char  *path,
              GError     **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  const guint8 *d;
  gboolean swap;
  guint32 n, orig, trans;
  GHashTable *table;

  if (!g_file_get_contents (path, &data, &len, error))
    return NULL;
  d = (const guint8 *) data;
  if (len < 20 || (read_u32 (d, FALSE) != 0x950412de && read_u32 (d, TRUE) != 0x950412de))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s is not a compiled catalog", path);
      return NULL;
    }
  swap = read_u32 (d, FALSE) != 0x950412de;
  n = read_u32 (d + 8, swap);
  orig = read_u32 (d + 12, swap);
  trans = read_u32 (d + 16, swap);
  if ((guint64) orig + 8 * (guint64) n > len || (guint64) trans + 8 * (guint64) n > len)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: tables out of range", path);
      return NULL;
    }
  table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint32 i = 0; i < n; i++)
    {
      guint32 ol = read_u32 (d + orig + 8 * i, swap), oo = read_u32 (d + orig + 8 * i + 4, swap);
      guint32 tl = read_u32 (d + trans + 8 * i, swap), to = read_u32 (d + trans + 8 * i + 4, swap);

      if ((guint64) oo + ol >= len || (guint64) to + tl >= len)
        {
          g_hash_table_unref (table);
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: string %u out of range", path, i);
          return NULL;
        }
      /* strdup stops at the first NUL: the singular of a plural entry. */
      g_hash_table_insert (table, g_strdup ((const char *) d + oo), g_strdup ((const char *) d + to));
    }
  return table;
}

char *
i18n_mo_path (const char *lang)
{
  const char *dir = g_getenv ("CC_LOCALEDIR");

  g_assert_nonnull (dir);
  return g_build_filename (dir, lang, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
}

/* ---- locales ------------------------------------------------------------------ */

static gboolean
locale_works (const char *locale)
{
  locale_t probe = newlocale (LC_ALL_MASK, locale, (locale_t) 0);

  if (probe == (locale_t) 0)
    return FALSE;
  freelocale (probe);
  return TRUE;
}

static gboolean
locale_works_in (const char *dir,
                 const char *locale)
{
  g_autofree char *saved = g_strdup (g_getenv ("LOCPATH"));
  gboolean ok;

  g_setenv ("LOCPATH", dir, TRUE);
  ok = locale_works (locale);
  if (saved != NULL)
    g_setenv ("LOCPATH", saved, TRUE);
  else
    g_unsetenv ("LOCPATH");
  return ok;
}

/* localedef writes into a private folder first and renames it into place,
 * so two test programs generating the same locale do not trip each other. */
static gboolean
generate_locale (const char *dir,
                 const char *locale)
{
  g_autofree char *input = g_strndup (locale, strcspn (locale, "."));
  const char *charmap = strchr (locale, '.') ? strchr (locale, '.') + 1 : "UTF-8";
  g_autofree char *tmpl = g_build_filename (dir, ".gen-XXXXXX", NULL);
  g_autofree char *out = NULL;
  g_autofree char *target = g_build_filename (dir, locale, NULL);
  g_autofree char *ctype = NULL;
  I18nRun run;

  if (g_mkdir_with_parents (dir, 0755) != 0 || g_mkdtemp (tmpl) == NULL)
    return FALSE;
  out = g_build_filename (tmpl, locale, NULL);
  {
    const char *argv[] = { "localedef", "-c", "-i", input, "-f", charmap, out, NULL };
    i18n_run (&run, argv, NULL);
  }
  ctype = g_build_filename (out, "LC_CTYPE", NULL);
  if (g_file_test (ctype, G_FILE_TEST_EXISTS) && g_rename (out, target) != 0 && errno != EEXIST && errno != ENOTEMPTY)
    g_test_message ("could not move %s into place: %s", out, g_strerror (errno));
  if (!g_file_test (ctype, G_FILE_TEST_EXISTS) && run.status != 0)
    g_test_message ("localedef %s: %s", locale, run.err);
  i18n_run_clear (&run);
  {
    const char *argv[] = { "rm", "-rf", tmpl, NULL };
    i18n_run (&run, argv, NULL);
    i18n_run_clear (&run);
  }
  return locale_works_in (dir, locale);
}

char *
i18n_ensure_locale (const char *locale,
                    gboolean   *available)
{
  g_autofree char *dir = NULL;

  *available = TRUE;
  if (g_getenv ("LOCPATH") == NULL && locale_works (locale))
    return NULL;
  dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".", "locale", NULL);
  if (locale_works_in (dir, locale) || generate_locale (dir, locale))
    return g_steal_pointer (&dir);
  *available = FALSE;
  return NULL;
}
