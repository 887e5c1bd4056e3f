/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fuzz target: the design-file loader (cc_design_load_from_data), then
 * validation and the save/reload round trip of whatever it accepts.
 */
#include "fuzz-oracles.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_exact_copy (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(CcDesign) design = NULL;

  design = cc_design_load_from_data (text, (gssize) size, &error);
  if (design == NULL)
    fuzz_check_error (error);
  else
    fuzz_check_design (design);
  return 0;
}
