/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "cc-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(CcApplication) app = NULL;
  int status;

  setlocale (LC_ALL, "");
  /* CC_LOCALEDIR: the build tree's po/ folder, so tests and run-app.sh
   * show translations without installing them. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CC_LOCALEDIR") ? g_getenv ("CC_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = cc_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);
  return status != 0 ? status : cc_application_get_exit_status (app);
}
