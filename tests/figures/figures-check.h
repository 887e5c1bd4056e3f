/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In-process checks of exported files: PNG dimensions, SVG well-formedness,
 * PDF structure (header, cross-reference table, trailer, embedded fonts),
 * CSV shape. Each returns FALSE with a reason instead of asserting, so a
 * test can say which chart and format failed.
 */
#pragma once

#include <glib.h>
#include "cc-chart.h"

G_BEGIN_DECLS

gboolean figures_check_png (GBytes  *bytes,
                            int      width_px,
                            int      height_px,
                            char   **reason);
gboolean figures_check_svg (GBytes  *bytes,
                            double   width_pt,
                            double   height_pt,
                            char   **reason);
gboolean figures_check_pdf (GBytes  *bytes,
                            char   **reason);
/* Every record has the header's number of fields; returns the data rows. */
gboolean figures_check_csv (GBytes  *bytes,
                            guint   *rows,
                            char   **reason);
/* A chart's CSV export as rows of fields (GStrv), header dropped, for charts
 * whose fields hold no comma. Asserts that the export works. */
GPtrArray *figures_csv_rows (CcChart *chart);

G_END_DECLS
