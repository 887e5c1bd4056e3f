/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What every harness checks beyond "does not crash": the properties a loader
 * promises for any input. A broken promise aborts, which libFuzzer reports
 * as a crash and the replay test as a failure.
 */
#pragma once

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

#include "cc-design.h"
#include "cc-sweep.h"

G_BEGIN_DECLS

/* The libFuzzer entry point each harness defines. */
int  LLVMFuzzerTestOneInput        (const uint8_t *data,
                                    size_t         size);

/* A refused input gives exactly one error whose message is non-empty,
 * single-paragraph, valid UTF-8 (it is shown in GTK labels) and short
 * enough to read. */
void fuzz_check_error              (const GError  *error);

/* A loaded design survives save and reload unchanged, and validating it
 * either passes or gives a checked error. */
void fuzz_check_design             (const CcDesign *design);

/* A loaded sweep is what the runner, the optimiser and the merge rely on:
 * at most the documented numbers of axes, values, replicates and points,
 * the grid the product of the axes; numeric values finite, distinct,
 * inside the axis range, whole on integer fields and positive on log
 * scales; categorical values distinct; the base design round-trips. A few
 * points (first, middle, last) decompose to the axis values their index
 * names, have distinct 20-hex-digit ids, and build a design that passes
 * fuzz_check_design, with the replicate's seed, or refuse it cleanly. */
void fuzz_check_sweep              (CcSweep        *sweep);

/* Loaders take (data, length) and must not read past length: copy the
 * input into an exactly-sized buffer (no terminating NUL) so AddressSanitizer
 * sees any over-read. libFuzzer's buffer already is one; the replay runner
 * uses this too. */
char *fuzz_exact_copy              (const uint8_t *data,
                                    size_t         size);

G_END_DECLS
