/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Never lose work: a save interrupted at any moment leaves on disk either
 * the old or the new complete document, and a design that could not be
 * read back is never written over a good file.
 *
 *   test-robust-atomic-save WRITER
 *
 * WRITER (robust-save-writer) saves two big designs alternately in a loop;
 * this test kills it with SIGKILL at random moments, many times, and after
 * each kill the file must load and equal one of the two. Temporary files
 * left beside it show that some kills landed in the middle of a write (the
 * test insists on a few, or it would prove nothing).
 */
#include "cc-design.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include "robust-common.h"

#define ROUNDS          100   /* at least; more until MIN_MID_WRITE is reached */
#define MAX_ROUNDS      500
#define MIN_MID_WRITE   3     /* kills that must land while a temp file exists */
#define MAX_DELAY_US    60000

static const char *writer_path;

/* Removes every file of @dir but @keep; returns how many there were. */
static guint
remove_strays (const char *dir,
               const char *keep)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (!g_str_equal (name, keep))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_unlink (path);
        n++;
      }
  return n;
}

static void
kill_writer_at (const char *path,
                guint       delay_us)
{
  const char *argv[] = { writer_path, path, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;
  int status = 0;

  g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  g_usleep (delay_us);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  while (waitpid (pid, &status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);
  /* Killed, not exited: an exit means the writer failed to save. */
  if (!WIFSIGNALED (status))
    g_error ("the writer exited by itself (status %d) after %u µs", status, delay_us);
  g_spawn_close_pid (pid);
}

static void
test_killed_writer (void)
{
  g_autoptr(CcDesign) a = robust_big_design (0);
  g_autoptr(CcDesign) b = robust_big_design (1);
  g_autofree char *dir = g_dir_make_tmp ("cc-atomic-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "design.ccdesign", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autofree char *text_a = cc_design_to_data (a, NULL);
  g_autofree char *text_b = cc_design_to_data (b, NULL);
  guint mid_write = 0, saw_a = 0, saw_b = 0;

  g_assert_nonnull (writer_path);
  g_assert_true (cc_design_save_to_file (a, path, &error));
  g_assert_no_error (error);

  guint round;

  for (round = 0; round < ROUNDS || (mid_write < MIN_MID_WRITE && round < MAX_ROUNDS); round++)
    {
      g_autoptr(CcDesign) on_disk = NULL;
      g_autofree char *text = NULL;

      kill_writer_at (path, g_rand_int_range (rand, 0, MAX_DELAY_US));
      on_disk = cc_design_load_from_file (path, &error);
      if (on_disk == NULL)
        g_error ("round %u: the file on disk does not load: %s", round, error->message);
      text = cc_design_to_data (on_disk, NULL);
      if (g_str_equal (text, text_a))
        saw_a++;
      else if (g_str_equal (text, text_b))
        saw_b++;
      else
        g_error ("round %u: the file on disk is neither the old nor the new design", round);
      /* A temporary file beside it: the kill interrupted a write. */
      if (remove_strays (dir, "design.ccdesign") > 0)
        mid_write++;
    }

  /* Which design a round ends on depends on the machine's speed and load;
   * that every round ends on one of them is the point. */
  g_test_message ("%u rounds: %u ended on design A, %u on B, %u killed mid-write",
                  round, saw_a, saw_b, mid_write);
  g_assert_cmpuint (saw_a + saw_b, ==, round);
  g_assert_cmpuint (mid_write, >=, MIN_MID_WRITE);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_unloadable_design_not_saved (void)
{
  g_autoptr(CcDesign) good = cc_design_new_default ();
  g_autoptr(CcDesign) bad = cc_design_new_default ();
  g_autoptr(CcDesign) on_disk = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cc-atomic-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "design.ccdesign", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (cc_design_save_to_file (good, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));

  /* A value the format cannot hold, as code (not a file) could set it. */
  ((CcComponent *) g_ptr_array_index (bad->components, 0))->d50_um = NAN;
  g_assert_false (cc_design_save_to_file (bad, path, &error));
  robust_assert_clear_error (error, "components[0].d50_um");
  g_assert_nonnull (strstr (error->message, "not saved"));

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
  on_disk = cc_design_load_from_file (path, NULL);
  g_assert_true (cc_design_equal (on_disk, good));
  g_assert_cmpuint (remove_strays (dir, "design.ccdesign"), ==, 0);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  writer_path = argc > 1 ? argv[1] : g_getenv ("ROBUST_SAVE_WRITER");
  g_test_add_func ("/robust/save/killed-writer-leaves-old-or-new", test_killed_writer);
  g_test_add_func ("/robust/save/unloadable-design-not-saved", test_unloadable_design_not_saved);
  return g_test_run ();
}
