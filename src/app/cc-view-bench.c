/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `cathode-composer --bench-view N`: the frame time of the 3D view for N
 * particles. A jittered lattice of two species fills a box at a solid
 * fraction of about 0.6 (benchmark data, never shown as a packing), the
 * view renders it off-screen at 1280 × 800 with the default camera, and
 * the median of the timed frames is printed with the first frame (shader
 * compilation and buffer upload). Each frame is the whole draw plus
 * glReadPixels, so it is an upper bound of what the screen path costs.
 */
#include "cc-view-bench.h"
#include "cc-particle-view.h"

#include <epoxy/gl.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define BENCH_WIDTH  1280
#define BENCH_HEIGHT 800
#define BENCH_FRAMES 15

static GBytes *
lattice (guint   n,
         double  box[3])
{
  CcParticle *p = g_new (CcParticle, MAX (n, 1));
  guint side = (guint) ceil (cbrt (n));
  double pitch = 2.0, r_big = 0.95, r_small = 0.7;
  GRand *rand = g_rand_new_with_seed (1);

  box[0] = box[1] = box[2] = side * pitch;
  for (guint i = 0; i < n; i++)
    {
      guint a = i % side, b = (i / side) % side, c = i / (side * side);
      gboolean big = (a + b + c) % 3 == 0;

      p[i] = (CcParticle) {
        .x = (float) ((a + 0.5) * pitch + g_rand_double_range (rand, -0.2, 0.2)),
        .y = (float) ((b + 0.5) * pitch + g_rand_double_range (rand, -0.2, 0.2)),
        .z = (float) ((c + 0.5) * pitch + g_rand_double_range (rand, -0.2, 0.2)),
        .radius = (float) (big ? r_big : r_small),
        .species = big ? 0 : 1,
        .role = big ? CC_ROLE_CAM : CC_ROLE_SE,
        .state = big ? CC_PARTICLE_STATE_ACTIVE : CC_PARTICLE_STATE_NONE,
      };
    }
  g_rand_free (rand);
  return g_bytes_new_take (p, (gsize) n * sizeof (CcParticle));
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
cc_view_bench_run (guint n_particles)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = cc_particle_view_new ();
  g_autoptr(GBytes) particles = NULL;
  double box[3], ms[BENCH_FRAMES], first = 0;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  const char *renderer = NULL;

  particles = lattice (n_particles, box);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 400);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_realized (view) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  if (!gtk_widget_get_realized (view))
    {
      g_printerr ("bench view: the 3D view was never realized (no display?)\n");
      gtk_window_destroy (GTK_WINDOW (window));
      return 1;
    }
  cc_particle_view_set_particles (CC_PARTICLE_VIEW (view), particles, box);
  for (guint k = 0; k <= BENCH_FRAMES; k++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) pixels = NULL;
      gint64 t0 = g_get_monotonic_time ();

      pixels = cc_particle_view_read_pixels (CC_PARTICLE_VIEW (view), BENCH_WIDTH, BENCH_HEIGHT, &error);
      if (pixels == NULL)
        {
          g_printerr ("bench view: %s\n", error->message);
          gtk_window_destroy (GTK_WINDOW (window));
          return 1;
        }
      if (k == 0)
        first = (g_get_monotonic_time () - t0) / 1e3;
      else
        ms[k - 1] = (g_get_monotonic_time () - t0) / 1e3;
    }
  gtk_gl_area_make_current (GTK_GL_AREA (view));
  renderer = (const char *) glGetString (GL_RENDERER);
  qsort (ms, BENCH_FRAMES, sizeof ms[0], compare_double);
  printf ("bench view: %u particles, %d x %d, renderer %s\n", n_particles, BENCH_WIDTH, BENCH_HEIGHT,
          renderer ? renderer : "unknown");
  printf ("  first frame (shaders, upload)  %8.1f ms\n", first);
  printf ("  frame, median of %d           %8.1f ms (%.1f frames/s; min %.1f, max %.1f ms)\n",
          BENCH_FRAMES, ms[BENCH_FRAMES / 2], 1000 / ms[BENCH_FRAMES / 2], ms[0], ms[BENCH_FRAMES - 1]);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
