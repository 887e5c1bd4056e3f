/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Checks shared by the robustness tests.
 */
#pragma once

#include "cc-design.h"

G_BEGIN_DECLS

/* Long enough for a path, a quoted value and an explanation. */
#define ROBUST_MAX_MESSAGE 1024

/* One clear error: set, non-empty, one line, valid UTF-8, at most
 * ROBUST_MAX_MESSAGE bytes, and, when @path is given, naming it (or its
 * index-free form "components[].mass_fraction", used by checks over all
 * components). */
void  robust_assert_clear_error    (const GError   *error,
                                    const char     *path);

/* An accepted design holds no NaN or infinity: it saves to text that
 * loads back to the same design. */
void  robust_assert_design_finite  (const CcDesign *design);

/* One of two large, different, valid designs (@which 0 or 1), the same in
 * every process: the atomic-save test and its writer both build them. */
CcDesign *robust_big_design (guint which);

G_END_DECLS
