/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading and writing spectra as CSV text.
 *
 * Reading (the tokenizer is cc-csv.h): one row per frequency; fields
 * separated by ',' or ';' (tab and runs of spaces also work; with ';', tab
 * or spaces a decimal comma is accepted). Lines starting with '#' are comments. An optional first line
 * of column names picks the columns: frequency ("freq", "f", "Frequency/Hz"),
 * real part ("Z'", "Re(Z)", "Zreal", "z_real_ohm") and imaginary part
 * ("Z''", "-Z''", "Im(Z)", "Zimag"); columns such as time, |Z| or phase are
 * skipped. Without names the first three columns are frequency, Z', Z''.
 * The sign convention of Z'' is detected from the data: if most points have
 * a positive imaginary part the column held -Z'' and is flipped (the
 * spectrum then has imag_sign_flipped set). "cm2" in a column name marks
 * area-specific impedances. Errors name the line and column.
 *
 * Writing: "# " comment lines, "# cc-process: NAME; resistance=R; tau_s=T"
 * lines for model spectra (read back into the process table), then
 * frequency_Hz, z_real_ohm[_cm2], z_imag_ohm[_cm2] with Z'' < 0 capacitive.
 */
#pragma once

#include <glib.h>
#include "cc-eis-spectrum.h"

G_BEGIN_DECLS

CcEisSpectrum *cc_eis_spectrum_parse_csv (const char  *data,
                                          gssize       length,
                                          const char  *origin,
                                          GError     **error);
CcEisSpectrum *cc_eis_spectrum_load_csv  (const char  *path,
                                          GError     **error);
/* comment (nullable) may hold several lines; each is prefixed with "# ". */
char          *cc_eis_spectrum_to_csv    (const CcEisSpectrum *self,
                                          const char          *comment);

G_END_DECLS
