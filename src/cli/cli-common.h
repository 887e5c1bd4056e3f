/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

enum {
  CLI_EXIT_OK = 0,
  CLI_EXIT_INVALID = 1,   /* bad input: one clear message on stderr */
  CLI_EXIT_USAGE = 2,     /* bad command line */
};

typedef int (*CliRunFunc) (int argc, char **argv);

typedef struct {
  const char *name;
  const char *args;
  const char *summary;
  CliRunFunc  run;
} CliCommand;

/* Parse options for a command; returns CLI_EXIT_OK or CLI_EXIT_USAGE (after
 * printing the reason). */
int   cli_parse_options (const char   *command,
                         const char   *args,
                         const char   *summary,
                         GOptionEntry *entries,
                         int          *argc,
                         char       ***argv);
int   cli_fail          (int          code,
                         const char  *format,
                         ...) G_GNUC_PRINTF (2, 3);
int   cli_fail_error    (const GError *error);
/* Print a JSON document to stdout (pretty, trailing newline). */
void  cli_print_json    (JsonNode     *root);

G_END_DECLS
