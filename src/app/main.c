/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <gtk/gtk.h>
#include <locale.h>

#include "cc-design.h"

static void
on_activate (GtkApplication *app)
{
  g_autoptr(CcDesign) design = cc_design_new_default ();
  GtkWidget *window = gtk_application_window_new (app);
  GtkWidget *label;

  gtk_window_set_title (GTK_WINDOW (window), _("Cathode Composer"));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  label = gtk_label_new (design->name);
  gtk_window_set_child (GTK_WINDOW (window), label);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GtkApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = gtk_application_new (APP_ID, G_APPLICATION_DEFAULT_FLAGS);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
