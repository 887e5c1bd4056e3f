/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cc-chart-registry.h"
#include <glib/gi18n-lib.h>

static const CcChartKindInfo kinds[] = {
  { "voltage-profile", N_("Voltage profiles"),
    N_("Voltage against specific capacity, charge and discharge, one curve per C-rate or cycle"),
    CC_CHART_SOURCE_ECHEM },
  { "cycling", N_("Cycling"),
    N_("Discharge capacity against cycle number, Coulombic efficiency on the right axis"),
    CC_CHART_SOURCE_ECHEM },
  { "rate-capability", N_("Rate capability"),
    N_("Discharge capacity against C-rate (log axis)"), CC_CHART_SOURCE_ECHEM },
  { "ragone", N_("Ragone plot"),
    N_("Specific energy against specific power, log–log"), CC_CHART_SOURCE_ECHEM },
  { "nyquist", N_("Nyquist plot"),
    N_("−Z″ against Z′ on equal axes, frequency decades marked"), CC_CHART_SOURCE_IMPEDANCE },
  { "bode", N_("Bode plot"),
    N_("|Z| and phase against frequency"), CC_CHART_SOURCE_IMPEDANCE },
  { "drt", N_("Distribution of relaxation times"),
    N_("γ against τ (log axis), peaks annotated"), CC_CHART_SOURCE_IMPEDANCE },
  { "stability-window", N_("Stability windows"),
    N_("Electrolyte windows against the CAM range and the anode potential, unstable overlap hatched"),
    CC_CHART_SOURCE_DESIGN },
  { "compatibility-matrix", N_("Compatibility matrix"),
    N_("CAM × SE heat map of the electrochemical-window overlap score"), CC_CHART_SOURCE_DESIGN },
  { "microstructure", N_("Microstructure summary"),
    N_("Volume fractions, active and isolated CAM, network conductivities"), CC_CHART_SOURCE_PACKING },
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
    case CC_CHART_SOURCE_DESIGN:    return N_("design + materials database");
    case CC_CHART_SOURCE_PACKING:   return N_("packing engine");
    case CC_CHART_SOURCE_ECHEM:     return N_("electrochemistry engine");
    case CC_CHART_SOURCE_IMPEDANCE: return N_("impedance engine");
    default:                        return "";
    }
}
