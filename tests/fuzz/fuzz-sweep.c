/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fuzz target: the sweep-file loader (cc_sweep_load_from_data), then what a
 * loaded sweep promises to the sweep runner, the optimiser and the merge
 * (fuzz_check_sweep): consistent counts, clean axis values, points that
 * decompose back to their axes, distinct stable ids, and designs that build
 * or are refused with one clear error. A relative "base" file name resolves
 * against the working directory (base_dir NULL).
 */
#include "fuzz-oracles.h"
#include "cc-sweep.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_exact_copy (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(CcSweep) sweep = cc_sweep_load_from_data (text, (gssize) size, NULL, &error);

  if (sweep == NULL)
    fuzz_check_error (error);
  else
    fuzz_check_sweep (sweep);
  return 0;
}
