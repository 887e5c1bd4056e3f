/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-chart-registry.h"

static const CcChartKindInfo kinds[] = {
  { "voltage-profile", "Voltage profiles",
    "Voltage against specific capacity, charge and discharge, one curve per C-rate or cycle",
    CC_CHART_SOURCE_ECHEM },
  { "cycling", "Cycling",
    "Discharge capacity against cycle number, Coulombic efficiency on the right axis",
    CC_CHART_SOURCE_ECHEM },
  { "rate-capability", "Rate capability",
    "Discharge capacity against C-rate (log axis)", CC_CHART_SOURCE_ECHEM },
  { "ragone", "Ragone plot",
    "Specific energy against specific power, log–log", CC_CHART_SOURCE_ECHEM },
  { "nyquist", "Nyquist plot",
    "−Z″ against Z′ on equal axes, frequency decades marked", CC_CHART_SOURCE_IMPEDANCE },
  { "bode", "Bode plot",
    "|Z| and phase against frequency", CC_CHART_SOURCE_IMPEDANCE },
  { "drt", "Distribution of relaxation times",
    "γ against τ (log axis), peaks annotated", CC_CHART_SOURCE_IMPEDANCE },
  { "stability-window", "Stability windows",
    "Electrolyte windows against the CAM range and the anode potential, unstable overlap hatched",
    CC_CHART_SOURCE_DESIGN },
  { "compatibility-matrix", "Compatibility matrix",
    "CAM × SE heat map of the electrochemical-window overlap score", CC_CHART_SOURCE_DESIGN },
  { "microstructure", "Microstructure summary",
    "Volume fractions, active and isolated CAM, network conductivities", CC_CHART_SOURCE_PACKING },
};

const CcChartKindInfo *
cc_chart_kinds_list (guint *n)
{
  *n = G_N_ELEMENTS (kinds);
  return kinds;
}

const CcChartKindInfo *
cc_chart_kinds_lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].name, name) == 0)
      return &kinds[i];
  return NULL;
}

const char *
cc_chart_source_label (CcChartSource source)
{
  switch (source)
    {
    case CC_CHART_SOURCE_DESIGN:    return "design + materials database";
    case CC_CHART_SOURCE_PACKING:   return "packing engine";
    case CC_CHART_SOURCE_ECHEM:     return "electrochemistry engine";
    case CC_CHART_SOURCE_IMPEDANCE: return "impedance engine";
    default:                        return "";
    }
}
