/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app in a translated locale (CC_TEST_LANGUAGE: de or zh_CN) under a
 * real display: every text the window shows that the catalog translates is
 * shown translated (labels, tooltips, placeholders, drop-down items, stack
 * titles, the main menu, the shortcuts window and a material's details
 * popover with its property labels), numbers in the editor
 * follow the locale's decimal separator while the saved design keeps '.',
 * and the app binary started in that language writes its own screenshot.
 */
#include "config.h"

#include "cc-application.h"
#include "cc-autosave.h"
#include "cc-preset.h"
#include "i18n-test-util.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include "../app/gui-test-util.h"

#define PRESET_ID "nacro2-nyzc-na3ps4"

static const char *lang;
static char *locale_name;
static char *locpath;
static gboolean locale_available;
static GHashTable *catalog;      /* msgid -> msgstr */
static GHashTable *plain_ids;    /* msgid without mnemonic underscores -> msgid */
static CcApplication *app;
static CcWindow *window;

/* ---- collecting what the window shows ------------------------------------------- */

static void
add_text (GPtrArray  *texts,
          const char *text)
{
  if (text != NULL && *text != '\0')
    g_ptr_array_add (texts, g_strdup (text));
}

static void
collect_menu (GMenuModel *model,
              GPtrArray  *texts)
{
  for (int i = 0; model != NULL && i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GVariant) label = g_menu_model_get_item_attribute_value (model, i, "label", G_VARIANT_TYPE_STRING);
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);

      if (label != NULL)
        add_text (texts, g_variant_get_string (label, NULL));
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) child = g_menu_link_iter_get_value (links);
          collect_menu (child, texts);
        }
    }
}

static void
collect (GtkWidget *widget,
         GPtrArray *texts)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  add_text (texts, tooltip);
  if (GTK_IS_LABEL (widget))
    add_text (texts, gtk_label_get_text (GTK_LABEL (widget)));
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "placeholder-text") != NULL)
    {
      g_autofree char *placeholder = NULL;

      g_object_get (widget, "placeholder-text", &placeholder, NULL);
      add_text (texts, placeholder);
    }
  if (GTK_IS_DROP_DOWN (widget) && GTK_IS_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (widget))))
    {
      GtkStringList *list = GTK_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (widget)));

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
        add_text (texts, gtk_string_list_get_string (list, i));
    }
  if (GTK_IS_STACK (widget))
    {
      g_autoptr(GListModel) pages = G_LIST_MODEL (gtk_stack_get_pages (GTK_STACK (widget)));

      for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
        {
          GtkStackPage *page = g_list_model_get_item (pages, i);

          add_text (texts, gtk_stack_page_get_title (page));
          g_object_unref (page);
        }
    }
  if (GTK_IS_MENU_BUTTON (widget))
    collect_menu (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)), texts);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect (c, texts);
}

/* The first palette row's (i) button: its popover lists the material's
 * properties and facts under translated labels. */
static GtkMenuButton *
find_details_button (GtkWidget  *widget,
                     const char *tooltip)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_widget_get_mapped (widget)
      && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    return GTK_MENU_BUTTON (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkMenuButton *found = find_details_button (c, tooltip);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static char *
without_mnemonics (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (*p != '_')
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

/* The msgid a shown text is the English of, or NULL. */
static const char *
english_source (const char *text)
{
  if (g_hash_table_contains (catalog, text))
    return text;
  return g_hash_table_lookup (plain_ids, text);
}

static void
test_window_translated (void)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) translations = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) english = g_string_new (NULL);
  GtkWindow *overlay = GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  GHashTableIter iter;
  gpointer key, value;
  guint translated = 0;
  const char *expected[] = { "Composition", "Materials", "Literature Cells", "Process", "Results",
                             "Search materials", "Stop the simulation", "_Preferences", "Undo",
                             "Properties", "Density", "Theoretical capacity" };

  collect (GTK_WIDGET (window), texts);
  if (overlay != NULL)
    collect (GTK_WIDGET (overlay), texts);
  {
    const char *tooltip = g_hash_table_lookup (catalog, "Properties and sources");
    GtkMenuButton *details = find_details_button (GTK_WIDGET (cc_window_get_palette (window)), tooltip);
    GtkPopover *popover;
    guint before = texts->len;

    g_assert_nonnull (details);
    gtk_menu_button_popup (details);
    settle (0.3);
    popover = gtk_menu_button_get_popover (details);
    g_assert_nonnull (popover);
    collect (GTK_WIDGET (popover), texts);
    /* The name, the property labels, values and sources. */
    g_assert_cmpuint (texts->len, >, before + 8);
    gtk_menu_button_popdown (details);
  }
  g_assert_cmpuint (texts->len, >, 100);

  g_hash_table_iter_init (&iter, catalog);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (key, value) != 0)
      g_hash_table_add (translations, value);

  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      const char *source = english_source (text);
      g_autofree char *plain = without_mnemonics (text);

      if (source != NULL && g_strcmp0 (g_hash_table_lookup (catalog, source), source) != 0)
        g_string_append_printf (english, "  “%s”\n", text);
      translated += g_hash_table_contains (translations, text) || g_hash_table_contains (translations, plain);
    }
  if (english->len > 0)
    g_test_message ("%s: shown in English although translated:\n%s", lang, english->str);
  g_assert_cmpstr (english->str, ==, "");
  g_test_message ("%s: %u of %u texts are translations", lang, translated, texts->len);
  g_assert_cmpuint (translated, >=, 60);

  /* A few that every window shows, by their translation. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const char *want = g_hash_table_lookup (catalog, expected[i]);
      g_autofree char *want_plain = NULL;
      gboolean seen = FALSE;

      g_assert_nonnull (want);
      g_assert_cmpstr (want, !=, expected[i]);
      want_plain = without_mnemonics (want);
      for (guint k = 0; k < texts->len && !seen; k++)
        seen = g_str_equal (g_ptr_array_index (texts, k), want) || g_str_equal (g_ptr_array_index (texts, k), want_plain);
      if (!seen)
        g_error ("“%s” (%s) is not shown", want, expected[i]);
    }
}

/* ---- numbers -------------------------------------------------------------------- */

static void
test_numbers_follow_locale (void)
{
  CcFormulationEditor *editor = cc_window_get_editor (window);
  GtkWidget *spin = cc_formulation_editor_get_field (editor, "components[0].mass_fraction");
  GtkWidget *total = cc_formulation_editor_get_field (editor, "components[].mass_fraction");
  const char *point = localeconv ()->decimal_point;
  g_autofree char *dir = g_dir_make_tmp ("cc-i18n-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "saved.ccdesign", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  const char *text;

  if (!locale_available)
    {
      g_test_skip ("the locale is neither installed nor can be generated (Debian: apt install locales)");
      return;
    }
  g_assert_cmpstr (point, ==, g_str_equal (lang, "de") ? "," : ".");
  g_assert_true (GTK_IS_EDITABLE (spin));
  text = gtk_editable_get_text (GTK_EDITABLE (spin));
  /* A mass fraction in percent with one decimal: "39,3" in German. */
  g_assert_nonnull (strstr (text, point));
  g_assert_null (strstr (text, g_str_equal (point, ",") ? "." : ","));
  g_assert_true (GTK_IS_LABEL (total));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (total)), g_str_equal (point, ",") ? "100,0" : "100.0"));

  /* The file the app writes is the same in every locale. */
  g_assert_true (cc_window_save_file (window, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_true (g_regex_match_simple ("\"mass_fraction\"\\s*:\\s*0\\.[0-9]", saved, 0, 0));
  g_assert_false (g_regex_match_simple (":\\s*-?[0-9]+,[0-9]", saved, 0, 0));
  g_unlink (path);
  g_rmdir (dir);
}

/* ---- the app binary --------------------------------------------------------------- */

static void
test_binary_screenshot (void)
{
  const char *app_path = g_getenv ("CC_APP");
  g_autofree char *dir = g_dir_make_tmp ("cc-i18n-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "shot.png", NULL);
  g_autofree char *language = g_strdup_printf ("LANGUAGE=%s", lang);
  g_autofree char *lc_all = g_strdup_printf ("LC_ALL=%s", locale_available ? locale_name : "C.UTF-8");
  g_autofree char *loc = g_strdup_printf ("LOCPATH=%s", locpath ? locpath : "");
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { app_path, "--screenshot", png, "--screenshot-view", "cells", "preset:" PRESET_ID, NULL };
  const char *env[] = { language, lc_all, loc, NULL };
  I18nRun run;

  g_assert_nonnull (app_path);
  i18n_run (&run, argv, env);
  if (run.status != 0)
    g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 0);
  texture = gdk_texture_new_from_filename (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), >=, 1000);
  g_assert_cmpint (gdk_texture_get_height (texture), >=, 600);
  i18n_run_clear (&run);
  g_unlink (png);
  g_rmdir (dir);
}

/* ---- set-up ------------------------------------------------------------------- */


static void
load_catalog (void)
{
  g_autofree char *path = i18n_mo_path (lang);
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key;

  catalog = i18n_read_mo (path, &error);
  g_assert_no_error (error);
  plain_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, catalog);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (strchr (key, '_') != NULL && strchr (key, '\004') == NULL)
      g_hash_table_insert (plain_ids, without_mnemonics (key), key);
}

/* The locale and the catalogs are chosen before GTK starts, as main.c does. */
static void
choose_language (void)
{
  lang = g_getenv ("CC_TEST_LANGUAGE") ? g_getenv ("CC_TEST_LANGUAGE") : "de";
  locale_name = g_strdup_printf ("%s.UTF-8", g_str_equal (lang, "de") ? "de_DE" : lang);
  locpath = i18n_ensure_locale (locale_name, &locale_available);
  if (locpath != NULL)
    g_setenv ("LOCPATH", locpath, TRUE);
  g_setenv ("LC_ALL", locale_available ? locale_name : "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", lang, TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CC_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  choose_language ();
  g_log_set_writer_func (log_writer, NULL, NULL);
  g_test_init (&argc, &argv, NULL);
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  load_catalog ();
  if (!gtk_init_check ())
    {
      g_printerr ("SKIP: no display (run under xvfb-run)\n");
      return 77;
    }
  {
    g_autoptr(GPtrArray) stale = cc_autosave_list ();
    for (guint i = 0; i < stale->len; i++)
      cc_autosave_remove (((CcAutosaveEntry *) g_ptr_array_index (stale, i))->id);
  }
  app = cc_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  window = cc_application_open_preset (app, PRESET_ID, &error);
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 1480, 920);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (iterate_until (is_mapped, window, 10));
  settle (0.5);

  {
    g_autofree char *translated = g_strdup_printf ("/i18n/app/%s/window-translated", lang);
    g_autofree char *numbers = g_strdup_printf ("/i18n/app/%s/numbers-follow-locale", lang);
    g_autofree char *binary = g_strdup_printf ("/i18n/app/%s/binary-writes-screenshot", lang);

    g_test_add_func (translated, test_window_translated);
    g_test_add_func (numbers, test_numbers_follow_locale);
    g_test_add_func (binary, test_binary_screenshot);
    status = g_test_run ();
  }
  gtk_window_destroy (GTK_WINDOW (window));
  settle (0.1);
  g_object_unref (app);
  g_hash_table_unref (catalog);
  g_hash_table_unref (plain_ids);
  g_free (locale_name);
  g_free (locpath);
  return status;
}
