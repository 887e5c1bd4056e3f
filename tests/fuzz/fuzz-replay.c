/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Replays inputs through a fuzz harness without libFuzzer, so every build
 * (gcc, valgrind, the sanitizer build) runs the crash regressions and the
 * seed corpus as ordinary tests:
 *
 *   fuzz-NAME-replay NAME DIR|FILE...
 *
 * Each file becomes the test /fuzz/NAME/replay/PARENT/FILE, PARENT being
 * the directory above the file's (regressions, seeds, data). A missing
 * directory is skipped with a message (a corpus source that does not exist
 * yet, such as data/examples); finding no input at all fails.
 */
#include "fuzz-oracles.h"

#include <string.h>

static void
replay_file (gconstpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);
  /* The harness makes its own exactly-sized copy. */
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static guint
add_directory (const char *harness,
               const char *dir,
               GPtrArray  *keep)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *parent = g_path_get_dirname (dir);
  g_autofree char *label = g_path_get_basename (parent);
  const char *name;
  guint added = 0;

  if (d == NULL)
    {
      g_printerr ("fuzz-replay: %s: no such directory, skipped\n", dir);
      return 0;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    if (name[0] != '.' && !g_str_equal (name, "README.md"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      g_autofree char *test = NULL;

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          g_free (path);
          continue;
        }
      test = g_strdup_printf ("/fuzz/%s/replay/%s/%s", harness, label,
                              (const char *) g_ptr_array_index (names, i));
      g_ptr_array_add (keep, path);
      g_test_add_data_func (test, path, replay_file);
      added++;
    }
  return added;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  guint added = 0;

  g_test_init (&argc, &argv, NULL);
  if (argc < 3)
    {
      g_printerr ("usage: %s HARNESS DIR|FILE...\n", argv[0]);
      return 2;
    }

  for (int i = 2; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        added += add_directory (argv[1], argv[i], keep);
      else if (g_file_test (argv[i], G_FILE_TEST_IS_REGULAR))
        {
          g_autofree char *base = g_path_get_basename (argv[i]);
          g_autofree char *test = g_strdup_printf ("/fuzz/%s/replay/%s", argv[1], base);
          char *path = g_strdup (argv[i]);

          g_ptr_array_add (keep, path);
          g_test_add_data_func (test, path, replay_file);
          added++;
        }
      else
        g_printerr ("fuzz-replay: %s: no such file or directory, skipped\n", argv[i]);
    }
  if (added == 0)
    {
      g_printerr ("fuzz-replay: no inputs for harness %s\n", argv[1]);
      return 1;
    }
  return g_test_run ();
}
