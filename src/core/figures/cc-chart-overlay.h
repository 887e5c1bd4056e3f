/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Overlays: the series of another chart of the same kind drawn over a
 * chart, to compare designs (a pinned result) or a prediction with data
 * (a measured file).
 *
 * Pinned results are model output: lines in the pin's own colour, each
 * with the dash (and marker) of the chart's own series of the same label,
 * so "C/10" of a pinned design is drawn like "C/10" of the current one;
 * the legend gives one entry per pin, "pinned model: NAME". Measured data is
 * drawn as open markers in the file's colour (black for the first file),
 * at most 50 per curve (evenly spaced along the curve; the CSV export
 * keeps every point), labelled "measured: FILE" (without the file's
 * extension; names over 32 characters lose their middle, as do design
 * names). Each overlay takes the first colour of its list that the chart
 * does not use yet, so pins and files stay apart from the chart's own
 * series and from each other.
 *
 * The chart's CSV table gets the overlay's rows in the same columns, with
 * role "pinned" (model output of a pinned design) or "measured" and the
 * overlay's label in the first column ("pinned model: Design A · C/10").
 *
 * Overlays change the chart: draw them on a copy (cc_chart_copy) to keep
 * the original.
 */
#pragma once

#include "cc-chart.h"
#include "cc-measured.h"

G_BEGIN_DECLS

/* At most this many markers per measured curve on the chart. */
#define CC_OVERLAY_MAX_MARKERS 50

typedef enum {
  CC_OVERLAY_PINNED,
  CC_OVERLAY_MEASURED,
} CcOverlayKind;

/* Whether charts of @kind ("voltage-profile", …) take overlays: the curve
 * and impedance charts (voltage-profile, cycling, rate-capability, ragone,
 * nyquist, bode, drt). */
gboolean cc_chart_kind_takes_overlays (const char     *kind);

/* Draws the labelled series of @source (a chart of the same kind and
 * layout, table in the same columns) over @chart, as @kind, named
 * @label_markup. Fails with CC_CHART_ERROR_DATA when the charts do not
 * match (another kind, Ω against Ω cm²). */
gboolean cc_chart_add_overlay         (CcChart        *chart,
                                       const CcChart  *source,
                                       CcOverlayKind   kind,
                                       const char     *label_markup,
                                       GError        **error);

/* A pinned result: @pinned is the chart of the same kind from a design
 * named @name (plain text). */
gboolean cc_chart_add_pinned          (CcChart        *chart,
                                       const CcChart  *pinned,
                                       const char     *name,
                                       GError        **error);

/* Measured data of the kind the chart shows (cc_measured_kind_for_chart).
 * Impedance in Ω drawn on a chart in Ω cm² (or the reverse) is multiplied
 * (divided) by @area_cm2, the electrode area of the measured cell; with
 * @area_cm2 ≤ 0 the mismatch is an error. */
gboolean cc_chart_add_measured        (CcChart              *chart,
                                       const CcMeasuredData *data,
                                       double                area_cm2,
                                       GError              **error);

G_END_DECLS
