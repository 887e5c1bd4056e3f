/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Synthetic data for every chart kind, computed from closed-form models so
 * that the tests know what the charts must show. Not literature values.
 */
#pragma once

#include "cc-chart.h"

G_BEGIN_DECLS

/* A chart of the kind @name (a registry name) from synthetic data. */
CcChart *figures_sample_chart (const char *name);

G_END_DECLS
