/* SPDX-License-Identifier: GPL-3.0-or-later
 * The command-line contract: exit codes, JSON output, error messages. */
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Run *r, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("CC_CLI");
  const char *arg;
  int wait_status = 0;
  va_list ap;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  va_start (ap, r);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &r->out, &r->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r->status = WEXITSTATUS (wait_status);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static void
test_materials (void)
{
  g_auto(Run) all = { 0 };
  g_auto(Run) se = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) text = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *arr;

  run_cli (&all, "materials", "--json", NULL);
  g_assert_cmpint (all.status, ==, 0);
  root = parse_json (all.out);
  arr = json_object_get_array_member (json_node_get_object (root), "materials");
  g_assert_cmpuint (json_array_get_length (arr), >, 80);

  run_cli (&se, "materials", "--class", "se", "--json", NULL);
  g_assert_cmpint (se.status, ==, 0);
  {
    g_autoptr(JsonNode) r2 = parse_json (se.out);
    JsonArray *a2 = json_object_get_array_member (json_node_get_object (r2), "materials");
    g_assert_cmpuint (json_array_get_length (a2), >=, 25);
    for (guint i = 0; i < json_array_get_length (a2); i++)
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (a2, i), "class"), ==, "se");
  }

  run_cli (&bad, "materials", "--class", "metal", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "--class metal"));

  run_cli (&text, "materials", NULL);
  g_assert_cmpint (text.status, ==, 0);
  g_assert_nonnull (strstr (text.out, "nacro2"));
}

static void
test_presets (void)
{
  g_auto(Run) list = { 0 };
  g_auto(Run) one = { 0 };
  g_auto(Run) missing = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *arr;
  const char *id;

  run_cli (&list, "presets", "--json", NULL);
  g_assert_cmpint (list.status, ==, 0);
  root = parse_json (list.out);
  arr = json_object_get_array_member (json_node_get_object (root), "presets");
  g_assert_cmpuint (json_array_get_length (arr), >=, 25);
  id = json_object_get_string_member (json_array_get_object_element (arr, 0), "id");

  run_cli (&one, "preset", id, NULL);
  g_assert_cmpint (one.status, ==, 0);
  {
    g_autoptr(JsonNode) d = parse_json (one.out);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (d), "format"), ==, "cathode-composer-design");
  }

  run_cli (&missing, "preset", "nope", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "no preset named \"nope\""));
}

static void
test_validate (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cc-cli-XXXXXX", NULL);
  g_autofree char *good = g_build_filename (dir, "good.json", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
  g_auto(Run) preset = { 0 };
  g_auto(Run) r_good = { 0 };
  g_auto(Run) r_bad = { 0 };
  g_auto(Run) r_usage = { 0 };
  g_auto(Run) r_unknown = { 0 };
  g_autofree char *broken = NULL;
  char *at;

  run_cli (&preset, "presets", NULL);
  {
    g_autofree char *first = g_strndup (preset.out, strcspn (preset.out, " \n"));
    g_auto(Run) design = { 0 };
    g_autofree char *arg = g_strconcat ("preset:", first, NULL);

    run_cli (&design, "preset", first, NULL);
    g_assert_true (g_file_set_contents (good, design.out, -1, NULL));
    broken = g_strdup (design.out);
    {
      g_auto(Run) by_name = { 0 };
      run_cli (&by_name, "validate", arg, NULL);
      g_assert_cmpint (by_name.status, ==, 0);
    }
  }

  run_cli (&r_good, "validate", good, NULL);
  g_assert_cmpint (r_good.status, ==, 0);

  /* Break the first mass fraction. */
  at = strstr (broken, "\"mass_fraction\" : ");
  g_assert_nonnull (at);
  at += strlen ("\"mass_fraction\" : ");
  at[0] = '7';
  g_assert_true (g_file_set_contents (bad, broken, -1, NULL));
  run_cli (&r_bad, "validate", bad, NULL);
  g_assert_cmpint (r_bad.status, ==, 1);
  g_assert_nonnull (strstr (r_bad.err, "components[0].mass_fraction = 7"));
  g_assert_cmpuint (strlen (r_bad.out), ==, 0);

  run_cli (&r_usage, "validate", NULL);
  g_assert_cmpint (r_usage.status, ==, 2);
  run_cli (&r_unknown, "frobnicate", NULL);
  g_assert_cmpint (r_unknown.status, ==, 2);

  g_unlink (good);
  g_unlink (bad);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/materials", test_materials);
  g_test_add_func ("/cli/presets", test_presets);
  g_test_add_func ("/cli/validate", test_validate);
  return g_test_run ();
}
