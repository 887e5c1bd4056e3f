/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Helper of test-atomic-save: saves the two big designs alternately (B, A,
 * B, ...) to PATH with cc_design_save_to_file until it is killed.
 */
#include "robust-common.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(CcDesign) a = robust_big_design (0);
  g_autoptr(CcDesign) b = robust_big_design (1);

  if (argc != 2)
    {
      g_printerr ("usage: %s PATH\n", argv[0]);
      return 2;
    }
  for (guint i = 0; ; i++)
    {
      g_autoptr(GError) error = NULL;

      /* B first: the test starts from a file holding A. */
      if (!cc_design_save_to_file (i % 2 ? a : b, argv[1], &error))
        {
          g_printerr ("robust-save-writer: %s\n", error->message);
          return 1;
        }
    }
}
