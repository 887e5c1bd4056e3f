/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helpers shared by the translation tests: running a program with a given
 * environment, reading a compiled catalog (.mo) and providing a locale such
 * as de_DE.UTF-8 on a machine that has not generated it (localedef into the
 * build folder, found through LOCPATH; no root needed).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  char *out;
  char *err;
  int   status;   /* exit status, or -1 when the program did not exit normally */
} I18nRun;

void        i18n_run_clear           (I18nRun     *run);
/* Runs argv with the current environment changed by `env` (NAME=VALUE;
 * NAME= with nothing after it unsets NAME). A program that cannot be
 * started gets status -1 and the reason in err. */
void        i18n_run                 (I18nRun     *run,
                                      const char * const *argv,
                                      const char * const *env);

/* msgid -> msgstr of a compiled catalog; a context is "CTXT\004msgid", a
 * plural entry is keyed by its singular and holds the first form. */
GHashTable *i18n_read_mo             (const char  *path,
                                      GError     **error);

/* The build tree's compiled catalog for `lang` (CC_LOCALEDIR). */
char       *i18n_mo_path             (const char  *lang);

/* Makes `locale` (e.g. "de_DE.UTF-8") usable. Returns NULL when the system
 * has it, or the folder to put in LOCPATH when it was generated here; sets
 * *available to FALSE when neither works (no locale sources installed). */
char       *i18n_ensure_locale       (const char  *locale,
                                      gboolean    *available);

G_END_DECLS
