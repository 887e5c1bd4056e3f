/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fuzz target: the literature-preset loader (data/presets/ files), which
 * embeds design documents; every accepted preset's design must pass the
 * design checks too.
 */
#include "fuzz-oracles.h"
#include "cc-preset.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_exact_copy (data, size);
  g_autoptr(CcPresetList) list = cc_preset_list_new ();
  g_autoptr(GError) error = NULL;

  if (!cc_preset_list_load_data (list, text, (gssize) size, "fuzz.json", &error))
    {
      fuzz_check_error (error);
      g_assert_cmpuint (cc_preset_list_get_n (list), ==, 0);
      return 0;
    }

  for (guint i = 0; i < cc_preset_list_get_n (list); i++)
    {
      const CcPreset *p = cc_preset_list_get_nth (list, i);

      g_assert_nonnull (p->id);
      g_assert_nonnull (p->title);
      g_assert_nonnull (p->explanation);
      g_assert_true (cc_preset_list_lookup (list, p->id) == p);
      fuzz_check_design (p->design);
    }
  return 0;
}
