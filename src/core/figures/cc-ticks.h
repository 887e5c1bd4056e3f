/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Axis ticks: "nice numbers" for linear axes and decades for log axes. Pure
 * functions of the range and the wanted tick count, unit-tested on their own,
 * so the renderer only decides how many ticks fit.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CC_TICKS_MAX_MAJOR 64
#define CC_TICKS_MAX_MINOR 256

typedef struct {
  double   lo, hi;          /* axis range (expanded to whole steps/decades when asked) */
  double   step;            /* major step; for log axes, decades per major tick */
  double   mantissa;        /* linear: step = mantissa × 10^exponent, mantissa ∈ {1, 2, 2.5, 5} */
  int      exponent;
  gboolean log;
  guint    n_major;
  double   major[CC_TICKS_MAX_MAJOR];
  guint    n_minor;
  double   minor[CC_TICKS_MAX_MINOR];
} CcTicks;

/* The smallest step m × 10^k (m ∈ {1, 2, 2.5, 5}) that cuts [lo, hi] (widened
 * to whole steps) into at most @max_intervals intervals. @max_intervals ≥ 1;
 * a range that straddles zero is allowed two. */
double   cc_ticks_nice_step   (double   lo,
                               double   hi,
                               guint    max_intervals,
                               double  *mantissa,
                               int     *exponent);

/* Linear ticks over [lo, hi]. With @expand the range grows to whole steps;
 * otherwise only the multiples of the step inside [lo, hi] are ticks, and
 * the step is the smallest that keeps those to @max_intervals intervals. A
 * degenerate range (lo == hi) is widened around its value. Returns FALSE for
 * non-finite input or lo > hi. */
gboolean cc_ticks_linear      (double   lo,
                               double   hi,
                               guint    max_intervals,
                               gboolean expand,
                               CcTicks *out);

/* Log ticks over [lo, hi], both > 0: labelled decades (every n-th decade so
 * that at most @max_intervals intervals are labelled) and minor ticks at 2…9
 * × 10^k when the span is small enough for them to be readable. With @expand
 * the range grows to whole decades, or, when it spans three decades or
 * fewer, to the nearest 1, 2 or 5 × 10^k. Short ranges (three decades or
 * fewer) with fewer than three labelled decades also get 2× and 5× majors.
 * Returns FALSE when lo ≤ 0 or the input is not finite. */
gboolean cc_ticks_log         (double   lo,
                               double   hi,
                               guint    max_intervals,
                               gboolean expand,
                               CcTicks *out);

/* The label of a major tick as Pango markup: the right number of decimals
 * for the step, a real minus sign (U+2212), "m×10<sup>k</sup>" for very large
 * or small linear values, decade labels "10<sup>k</sup>" on log axes. */
char    *cc_ticks_format      (const CcTicks *ticks,
                               double         value);

/* A number for a readout or a CSV cell: %.*g, locale-independent, with a
 * real minus sign when @typographic. */
char    *cc_format_number     (double   value,
                               int      significant,
                               gboolean typographic);

/* The same as markup, "4.2×10<sup>−5</sup>" outside 0.001 … 99999. */
char    *cc_format_number_markup (double value,
                                  int    significant);

G_END_DECLS
