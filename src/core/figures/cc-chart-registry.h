/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chart kinds by name, for the CLI's --chart and the app's chart menu.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  CC_CHART_SOURCE_DESIGN,       /* the design and the materials database */
  CC_CHART_SOURCE_PACKING,      /* microstructure metrics */
  CC_CHART_SOURCE_ECHEM,        /* electrochemistry results */
  CC_CHART_SOURCE_IMPEDANCE,    /* impedance results */
} CcChartSource;

typedef struct {
  const char    *name;          /* "nyquist" */
  const char    *title;         /* "Nyquist plot" */
  const char    *summary;       /* one line */
  CcChartSource  source;
} CcChartKindInfo;

/* All kinds, in menu order. */
const CcChartKindInfo *cc_chart_kinds_list   (guint      *n);
const CcChartKindInfo *cc_chart_kinds_lookup (const char *name);
const char            *cc_chart_source_label (CcChartSource source);

G_END_DECLS
