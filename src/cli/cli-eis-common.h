/* SPDX-License-Identifier: GPL-3.0-or-later
 * Shared bits of the impedance commands (eis, eis-fit, drt, kk). */
#pragma once

#include "cli-common.h"
#include "cc-eis-csv.h"

G_BEGIN_DECLS

/* Loads FILE.csv, reporting errors on stderr; NULL on failure. */
CcEisSpectrum *cli_eis_load_spectrum (const char *path);
/* "File, N points from f1 to f2 Hz, unit; -Z'' column flipped". */
void           cli_eis_print_source  (const char          *path,
                                      const CcEisSpectrum *s);
/* Members describing the input file, for --json. */
void           cli_eis_json_source   (JsonBuilder         *b,
                                      const char          *path,
                                      const CcEisSpectrum *s);

G_END_DECLS
