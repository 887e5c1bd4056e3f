/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fuzz-oracles.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

/* Long enough for a path, a quoted value and an explanation; a message
 * longer than this echoes the input instead of explaining it. */
#define FUZZ_MAX_MESSAGE 1024

/* g_error() and fatal criticals end in SIGTRAP, which libFuzzer does not
 * catch: it would exit without saving the input. Turn it into an abort. */
static void
trap_to_abort (int sig)
{
  abort ();
}

int LLVMFuzzerInitialize (int *argc, char ***argv);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  signal (SIGTRAP, trap_to_abort);
  return 0;
}

void
fuzz_check_error (const GError *error)
{
  if (error == NULL)
    g_error ("a loader refused its input without setting an error");
  if (error->message == NULL || error->message[0] == '\0')
    g_error ("empty error message (domain %s, code %d)",
             g_quark_to_string (error->domain), error->code);
  if (!g_utf8_validate (error->message, -1, NULL))
    g_error ("error message is not valid UTF-8: %s", error->message);
  if (strlen (error->message) > FUZZ_MAX_MESSAGE)
    g_error ("error message of %" G_GSIZE_FORMAT " bytes (limit %d): %.200s…",
             strlen (error->message), FUZZ_MAX_MESSAGE, error->message);
}

void
fuzz_check_design (const CcDesign *design)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcDesign) back = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text2 = NULL;
  gsize length = 0;

  /* Whatever the loader accepts, a save must write a file the loader reads
   * back to the same design: otherwise the user's work is lost on reopen. */
  text = cc_design_to_data (design, &length);
  back = cc_design_load_from_data (text, (gssize) length, &error);
  if (back == NULL)
    g_error ("a loaded design does not reload after saving: %s\n--- saved text ---\n%.2000s",
             error->message, text);
  text2 = cc_design_to_data (back, NULL);
  if (g_strcmp0 (text, text2) != 0)
    g_error ("save/load/save changed the design:\n--- first ---\n%.2000s\n--- second ---\n%.2000s",
             text, text2);

  if (!cc_design_validate (design, cc_material_db_get_default (), &error))
    fuzz_check_error (error);
}

char *
fuzz_exact_copy (const uint8_t *data,
                 size_t         size)
{
  /* malloc(0) may return NULL; the loaders want a non-NULL pointer. */
  char *copy = g_malloc (MAX (size, 1));

  if (size > 0)
    memcpy (copy, data, size);
  return copy;
}
