/* SPDX-License-Identifier: GPL-3.0-or-later
 * The Flatpak manifest cannot be built here (no runtimes can be downloaded),
 * so this checks its structure: the app id, a pinned GNOME runtime and SDK, a
 * command the build installs, minimal permissions, and a meson module that
 * builds this checkout. */
#include "config.h"

#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

static JsonObject *
load_manifest (JsonParser **parser)
{
  g_autofree char *path = g_strdup_printf ("%s/flatpak/%s.json", g_getenv ("CC_SOURCE_ROOT"), APP_ID);
  g_autoptr(GError) error = NULL;

  *parser = json_parser_new ();
  g_assert_true (json_parser_load_from_file (*parser, path, &error));
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (*parser));
}

static void
test_identity (void)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *m = load_manifest (&parser);
  const char *version;

  g_assert_cmpstr (json_object_get_string_member (m, "id"), ==, APP_ID);
  g_assert_cmpstr (json_object_get_string_member (m, "runtime"), ==, "org.gnome.Platform");
  g_assert_cmpstr (json_object_get_string_member (m, "sdk"), ==, "org.gnome.Sdk");
  version = json_object_get_string_member (m, "runtime-version");
  /* Pinned to a numbered release, never a moving branch. */
  g_assert_nonnull (version);
  g_assert_true (g_ascii_isdigit (version[0]));
  g_assert_cmpint (atoi (version), >=, 48);
  g_assert_cmpstr (json_object_get_string_member (m, "command"), ==, "cathode-composer");
}

static void
test_permissions (void)
{
  static const char * const allowed[] = {
    "--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri", NULL
  };
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *m = load_manifest (&parser);
  JsonArray *args = json_object_get_array_member (m, "finish-args");

  for (guint i = 0; i < json_array_get_length (args); i++)
    {
      const char *arg = json_array_get_string_element (args, i);
      if (!g_strv_contains (allowed, arg))
        g_error ("finish-arg %s is not in the minimal set (files go through the portal)", arg);
    }
  g_assert_cmpuint (json_array_get_length (args), ==, g_strv_length ((char **) allowed));
}

static void
test_module_builds_checkout (void)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *m = load_manifest (&parser);
  JsonArray *modules = json_object_get_array_member (m, "modules");
  JsonObject *app = json_array_get_object_element (modules, json_array_get_length (modules) - 1);
  JsonArray *sources = json_object_get_array_member (app, "sources");
  JsonObject *src = json_array_get_object_element (sources, 0);
  g_autofree char *dir = NULL;
  g_autofree char *meson = NULL;

  g_assert_cmpstr (json_object_get_string_member (app, "buildsystem"), ==, "meson");
  g_assert_cmpstr (json_object_get_string_member (src, "type"), ==, "dir");
  dir = g_build_filename (g_getenv ("CC_SOURCE_ROOT"), "flatpak", json_object_get_string_member (src, "path"), NULL);
  meson = g_build_filename (dir, "meson.build", NULL);
  g_assert_true (g_file_test (meson, G_FILE_TEST_EXISTS));
  {
    g_autofree char *text = NULL;
    g_assert_true (g_file_get_contents (meson, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, "project('cathode-composer'"));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/flatpak/identity", test_identity);
  g_test_add_func ("/flatpak/permissions", test_permissions);
  g_test_add_func ("/flatpak/module-builds-checkout", test_module_builds_checkout);
  return g_test_run ();
}
