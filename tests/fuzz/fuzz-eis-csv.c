/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fuzz target: the impedance-spectrum CSV importer
 * (cc_eis_spectrum_parse_csv). Whatever it accepts must be a valid spectrum
 * (positive finite frequencies, finite impedances) that survives a write
 * and re-read with the same number of points; whatever it refuses must say
 * why in one clear message.
 */
#include "fuzz-oracles.h"
#include "cc-eis-csv.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_exact_copy (data, size);
  g_autoptr(GError) error = NULL;
  CcEisSpectrum *s = cc_eis_spectrum_parse_csv (text, (gssize) size, "fuzz.csv", &error);

  if (s == NULL)
    {
      fuzz_check_error (error);
      return 0;
    }
  g_assert_true (cc_eis_spectrum_validate (s, 3, NULL));
  {
    g_autofree char *csv = cc_eis_spectrum_to_csv (s, NULL);
    g_autoptr(GError) again_error = NULL;
    CcEisSpectrum *again = cc_eis_spectrum_parse_csv (csv, -1, "again.csv", &again_error);

    g_assert_no_error (again_error);
    g_assert_cmpuint (again->n, ==, s->n);
    cc_eis_spectrum_free (again);
  }
  cc_eis_spectrum_free (s);
  return 0;
}
