/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 3D view's frame-time benchmark (`cathode-composer --bench-view N`).
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Renders N benchmark particles and prints the frame times; needs GTK
 * initialised (run it from the application's startup or activation).
 * Returns an exit status. */
int cc_view_bench_run (guint n_particles);

G_END_DECLS
