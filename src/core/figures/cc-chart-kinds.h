/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One builder per chart kind: typed data in, a CcChart out (with its CSV
 * table). Render or export the result with cc-chart-render.h and
 * cc-chart-export.h. Each returns NULL with CC_CHART_ERROR_DATA when the
 * data cannot make the chart (nothing to plot, arrays that disagree).
 */
#pragma once

#include "cc-chart.h"
#include "cc-chart-data.h"
#include "cc-microstructure.h"

G_BEGIN_DECLS

/* "voltage-profile": x = specific capacity (mAh g⁻¹), y = voltage (V) vs
 * @reference_markup (NULL: Na⁺/Na). One group per C-rate or cycle; charge and
 * discharge curves of a group share its style. */
CcChart *cc_chart_voltage_profile_new  (const CcCurveSet          *set,
                                        const char                *reference_markup,
                                        GError                   **error);

/* "cycling": discharge capacity on the left axis (filled markers), Coulombic
 * efficiency in % on the right axis (open markers of the same colour). */
CcChart *cc_chart_cycling_new          (const CcCyclingData       *data,
                                        GError                   **error);

/* "rate-capability": x = C-rate (log axis), y = discharge capacity (mAh g⁻¹). */
CcChart *cc_chart_rate_capability_new  (const CcCurveSet          *set,
                                        GError                   **error);

/* "ragone": x = specific power (W kg⁻¹), y = specific energy (Wh kg⁻¹), both
 * log; @basis_markup names the mass ("cathode composite"; NULL: none). */
CcChart *cc_chart_ragone_new           (const CcCurveSet          *set,
                                        const char                *basis_markup,
                                        GError                   **error);

/* "nyquist": −Z″ against Z′ on equal-aspect axes, measured spectra as markers
 * over model lines, the frequency of each decade marked on one spectrum
 * (the first model spectrum, else the first). */
CcChart *cc_chart_nyquist_new          (const CcImpedanceData     *data,
                                        GError                   **error);

/* "bode": |Z| (log) and −phase (°) against frequency (log), two panels. */
CcChart *cc_chart_bode_new             (const CcImpedanceData     *data,
                                        GError                   **error);

/* "drt": distribution of relaxation times, x = τ (s, log), y = γ (Ω or
 * Ω cm² when @area_specific); marks annotate peaks. */
CcChart *cc_chart_drt_new              (const CcCurveSet          *set,
                                        gboolean                   area_specific,
                                        GError                   **error);

/* "stability-window": one horizontal band per electrolyte from its
 * reduction to its oxidation limit, the CAM's operating range and the anode
 * potential across all rows, the parts of those outside each window hatched
 * as unstable, decomposition products written at the window ends. */
CcChart *cc_chart_stability_new        (const CcStabilityData     *data,
                                        GError                   **error);

/* "compatibility-matrix": CAM × SE heat map of ordinal scores, with the
 * meaning of each level in the legend and the design's pair outlined. */
CcChart *cc_chart_compatibility_new    (const CcCompatibilityData *data,
                                        GError                   **error);

/* "microstructure": volume fractions, CAM connectivity (active, ionically
 * or electronically connected only, isolated) and effective network
 * conductivities, three panels. */
CcChart *cc_chart_microstructure_new   (const CcMicrostructure    *micro,
                                        GError                   **error);

G_END_DECLS
