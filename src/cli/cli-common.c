/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cli-common.h"
#include "cc-json-util.h"

#include <stdio.h>

int
cli_parse_options (const char   *command,
                   const char   *args,
                   const char   *summary,
                   GOptionEntry *entries,
                   int          *argc,
                   char       ***argv)
{
  g_autofree char *param = g_strdup_printf ("%s %s", command, args ? args : "");
  g_autoptr(GOptionContext) ctx = g_option_context_new (param);
  g_autoptr(GError) error = NULL;

  /* Summaries and option descriptions are marked N_() where they are
   * written; GOption translates them when it prints --help. */
  g_option_context_set_translation_domain (ctx, GETTEXT_PACKAGE);
  g_option_context_set_summary (ctx, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (ctx, argc, argv, &error))
    {
      g_printerr ("cathode-composer-cli %s: %s\n", command, error->message);
      g_printerr (_("Try 'cathode-composer-cli %s --help'.\n"), command);
      return CLI_EXIT_USAGE;
    }
  return CLI_EXIT_OK;
}

int
cli_fail (int         code,
          const char *format,
          ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("cathode-composer-cli: %s\n", msg);
  return code;
}

int
cli_fail_error (const GError *error)
{
  return cli_fail (CLI_EXIT_INVALID, "%s", error->message);
}

void
cli_print_json (JsonNode *root)
{
  g_autofree char *text = cc_json_to_data (root, TRUE, NULL);

  fputs (text, stdout);
  fflush (stdout);
}
