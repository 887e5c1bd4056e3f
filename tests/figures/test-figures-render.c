/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rendering and export: every chart kind in every format and theme without
 * a warning; file sizes and structure; curves where the data says; log axes
 * that refuse what they cannot show; legends off the data; equal aspect;
 * hit-testing; atomic writes.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cc-chart-export.h"
#include "cc-chart-private.h"
#include "cc-chart-registry.h"
#include "cc-chart-render.h"
#include "figures-check.h"
#include "figures-samples.h"

#define W_PT 360.0
#define H_PT 270.0

/* Every chart × format × theme, checked in process. */
static void
test_all_kinds_all_formats (void)
{
  guint n;
  const CcChartKindInfo *kinds = cc_chart_kinds_list (&n);

  for (guint i = 0; i < n; i++)
    for (CcChartTheme theme = 0; theme < CC_CHART_N_THEMES; theme++)
      {
        g_autoptr(CcChart) chart = figures_sample_chart (kinds[i].name);
        CcChartStyle style;

        g_assert_nonnull (chart);
        g_assert_cmpstr (cc_chart_get_kind (chart), ==, kinds[i].name);
        cc_chart_style_init (&style, theme);
        for (CcChartFormat f = 0; f < CC_CHART_N_FORMATS; f++)
          {
            g_autoptr(GError) error = NULL;
            g_autofree char *reason = NULL;
            double dpi = 96 + 24 * i;   /* a different DPI per chart */
            g_autoptr(GBytes) bytes = cc_chart_export_bytes (chart, &style, f, W_PT, H_PT, dpi, &error);
            gboolean ok = FALSE;
            guint rows = 0;
            int pw, ph;

            g_assert_no_error (error);
            g_assert_nonnull (bytes);
            cc_chart_png_size (W_PT, H_PT, dpi, &pw, &ph);
            switch (f)
              {
              case CC_CHART_FORMAT_PNG: ok = figures_check_png (bytes, pw, ph, &reason); break;
              case CC_CHART_FORMAT_SVG: ok = figures_check_svg (bytes, W_PT, H_PT, &reason); break;
              case CC_CHART_FORMAT_PDF: ok = figures_check_pdf (bytes, &reason); break;
              case CC_CHART_FORMAT_CSV: ok = figures_check_csv (bytes, &rows, &reason) && rows > 0; break;
              default: g_assert_not_reached ();
              }
            if (!ok)
              g_error ("%s as %s (%s theme): %s", kinds[i].name, cc_chart_format_to_string (f),
                       cc_chart_theme_to_string (theme), reason != NULL ? reason : "empty CSV");
          }
      }
}

static void
test_png_size (void)
{
  static const struct { double w, h, dpi; int pw, ph; } cases[] = {
    { 360, 270, 72, 360, 270 },
    { 360, 270, 300, 1500, 1125 },
    { 252, 180, 600, 2100, 1500 },      /* a one-column journal figure */
    { 100, 100, 96, 134, 134 },         /* 133.33 rounds up */
  };
  g_autoptr(CcChart) chart = figures_sample_chart ("voltage-profile");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *reason = NULL;
      g_autoptr(GBytes) png = cc_chart_export_bytes (chart, NULL, CC_CHART_FORMAT_PNG,
                                                    cases[i].w, cases[i].h, cases[i].dpi, &error);

      g_assert_no_error (error);
      if (!figures_check_png (png, cases[i].pw, cases[i].ph, &reason))
        g_error ("%s", reason);
    }
}

/* Image test helpers: the print theme draws a black frame on white. */
typedef struct {
  cairo_surface_t *surface;
  int              w, h, stride;
  const guchar    *data;
} Image;

static void
image_from_chart (CcChart *chart,
                  double   dpi,
                  Image   *img)
{
  CcChartStyle style;
  cairo_t *cr;

  cc_chart_style_init (&style, CC_CHART_THEME_PRINT);
  cc_chart_png_size (W_PT, H_PT, dpi, &img->w, &img->h);
  img->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, img->w, img->h);
  cr = cairo_create (img->surface);
  cairo_scale (cr, dpi / 72, dpi / 72);
  g_assert_true (cc_chart_render (chart, &style, cr, W_PT, H_PT, NULL));
  cairo_destroy (cr);
  cairo_surface_flush (img->surface);
  img->stride = cairo_image_surface_get_stride (img->surface);
  img->data = cairo_image_surface_get_data (img->surface);
}

static void
pixel (const Image *img,
       int          x,
       int          y,
       double      *r,
       double      *g,
       double      *b)
{
  guint32 p;

  g_assert_true (x >= 0 && x < img->w && y >= 0 && y < img->h);
  p = *(const guint32 *) (img->data + y * img->stride + 4 * x);
  *r = ((p >> 16) & 0xff) / 255.0;
  *g = ((p >> 8) & 0xff) / 255.0;
  *b = (p & 0xff) / 255.0;
}

static gboolean
is_black (const Image *img,
          int          x,
          int          y)
{
  double r, g, b;

  pixel (img, x, y, &r, &g, &b);
  return r < 0.3 && g < 0.3 && b < 0.3;
}

/* Palette 0 of the print theme is Okabe–Ito blue #0072B2. */
static gboolean
is_blue (const Image *img,
         int          x,
         int          y)
{
  double r, g, b;

  pixel (img, x, y, &r, &g, &b);
  return b > 0.55 && r < 0.25 && g > 0.25 && g < 0.6;
}

static gboolean
is_white (const Image *img,
          int          x,
          int          y)
{
  double r, g, b;

  pixel (img, x, y, &r, &g, &b);
  return r > 0.95 && g > 0.95 && b > 0.95;
}

/* From (x, y) step by (dx, dy) to the first black run; return the far end
 * of the run: the frame's outer edge even where a tick touches it. */
static int
find_frame (const Image *img,
            int          x,
            int          y,
            int          dx,
            int          dy)
{
  while (!is_black (img, x, y))
    {
      x += dx;
      y += dy;
    }
  while (is_black (img, x + dx, y + dy))
    {
      x += dx;
      y += dy;
    }
  return dx != 0 ? x : y;
}

typedef struct {
  double x0, x1, y0, y1;   /* frame line centres, pixels */
} Frame;

static Frame
measure_frame (const Image *img,
               double       line_px)
{
  Frame f;
  int cx = img->w / 2, cy = (int) (img->h * 0.4);

  f.x0 = find_frame (img, cx, cy, -1, 0) + line_px / 2;
  f.x1 = find_frame (img, cx, cy, 1, 0) + 1 - line_px / 2;
  f.y0 = find_frame (img, cx, cy, 0, -1) + line_px / 2;
  f.y1 = find_frame (img, cx, cy, 0, 1) + 1 - line_px / 2;
  return f;
}

/* A known straight line must cross the pixels the data says, measured
 * against the frame found in the image, not against the engine's layout. */
static void
test_line_lands_on_pixels (void)
{
  g_autoptr(CcChart) chart = cc_chart_new ("test", NULL);
  CcPlot *plot = cc_chart_add_plot (chart);
  double x[2] = { 0, 10 }, y[2] = { 1, 6 };   /* y = 0.5 x + 1, below the scan row */
  double dpi = 200, line_px = 0.6 * dpi / 72;
  Image img;
  Frame f;

  cc_plot_set_axis (plot, CC_AXIS_X, CC_SCALE_LINEAR, "x");
  cc_plot_set_axis (plot, CC_AXIS_Y, CC_SCALE_LINEAR, "y");
  cc_plot_set_axis_range (plot, CC_AXIS_X, 0, 10);
  cc_plot_set_axis_range (plot, CC_AXIS_Y, 0, 25);
  cc_series_set_style (cc_plot_add_series (plot, NULL, x, y, 2), 0, CC_DASH_SOLID, 0);
  image_from_chart (chart, dpi, &img);
  f = measure_frame (&img, line_px);
  /* The frame must be a sensible rectangle inside the image. */
  g_assert_cmpfloat (f.x0, >, 0);
  g_assert_cmpfloat (f.x1 - f.x0, >, img.w * 0.6);
  g_assert_cmpfloat (f.y1 - f.y0, >, img.h * 0.6);

  for (double xv = 0.5; xv < 10; xv += 1.5)
    {
      double px = f.x0 + xv / 10 * (f.x1 - f.x0);
      double py = f.y1 - (0.5 * xv + 1) / 25 * (f.y1 - f.y0);

      if (!is_blue (&img, (int) px, (int) py))
        g_error ("x = %g: pixel (%d, %d) is not the line's colour", xv, (int) px, (int) py);
      /* A y-flip or an offset would put the line elsewhere: 10 px off the
       * line there is only background. */
      g_assert_true (is_white (&img, (int) px, (int) (py - 10)));
      g_assert_true (is_white (&img, (int) px, (int) (py + 10)));
    }
  cairo_surface_destroy (img.surface);
}

/* On log axes the markers sit a third and two thirds across (1, 10, 100,
 * 1000), nowhere near where a linear mapping would put them. */
static void
test_log_axis_pixels (void)
{
  g_autoptr(CcChart) chart = cc_chart_new ("test", NULL);
  CcPlot *plot = cc_chart_add_plot (chart);
  double x[2] = { 10, 100 }, y[2] = { 1.5, 1.5 };
  double dpi = 200, line_px = 0.6 * dpi / 72;
  CcSeries *s;
  Image img;
  Frame f;

  cc_plot_set_axis (plot, CC_AXIS_X, CC_SCALE_LOG, "x");
  cc_plot_set_axis (plot, CC_AXIS_Y, CC_SCALE_LOG, "y");
  cc_plot_set_axis_range (plot, CC_AXIS_X, 1, 1000);
  cc_plot_set_axis_range (plot, CC_AXIS_Y, 1, 1000);
  s = cc_plot_add_series (plot, NULL, x, y, 2);
  cc_series_set_mode (s, CC_SERIES_MARKERS);
  cc_series_set_style (s, 0, 0, CC_MARKER_SQUARE);
  image_from_chart (chart, dpi, &img);
  f = measure_frame (&img, line_px);
  for (guint i = 0; i < 2; i++)
    {
      double px = f.x0 + (i + 1) / 3.0 * (f.x1 - f.x0);
      double py = f.y1 - log10 (1.5) / 3 * (f.y1 - f.y0);
      double lin = f.x0 + x[i] / 1000 * (f.x1 - f.x0);

      g_assert_true (is_blue (&img, (int) px, (int) py));
      if (i == 1)
        g_assert_true (is_white (&img, (int) lin, (int) py));
    }
  cairo_surface_destroy (img.surface);
}

static CcChart *
log_chart_with (double bad)
{
  CcChart *chart = cc_chart_new ("bode", NULL);
  CcPlot *plot = cc_chart_add_plot (chart);
  double x[3] = { 1, 10, 100 }, y[3] = { 5, bad, 50 };

  cc_plot_set_axis (plot, CC_AXIS_X, CC_SCALE_LOG, "Frequency (Hz)");
  cc_plot_set_axis (plot, CC_AXIS_Y, CC_SCALE_LOG, "|Z| (Ω)");
  cc_plot_add_series (plot, "Fit", x, y, 3);
  return chart;
}

static void
test_log_refuses_nonpositive (void)
{
  const double bad[] = { 0, -3 };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(CcChart) chart = log_chart_with (bad[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) render_error = NULL;
      cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 100, 100);
      cairo_t *cr = cairo_create (s);

      g_assert_false (cc_chart_check (chart, &error));
      g_assert_error (error, CC_CHART_ERROR, CC_CHART_ERROR_DATA);
      /* The message names the point, the series and the axis. */
      g_assert_nonnull (strstr (error->message, "point 2"));
      g_assert_nonnull (strstr (error->message, "“Fit”"));
      g_assert_nonnull (strstr (error->message, "|Z| (Ω)"));
      g_assert_nonnull (strstr (error->message, "logarithmic"));
      g_assert_false (cc_chart_render (chart, NULL, cr, 100, 100, &render_error));
      g_assert_error (render_error, CC_CHART_ERROR, CC_CHART_ERROR_DATA);
      cairo_destroy (cr);
      cairo_surface_destroy (s);
    }
  {
    /* NaN is a gap, not an error. */
    g_autoptr(CcChart) chart = log_chart_with (NAN);

    g_assert_true (cc_chart_check (chart, NULL));
  }
}

static void
test_export_atomic (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cc-figures-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "missing", "chart.pdf", NULL);
  g_autoptr(CcChart) bad = log_chart_with (0);
  g_autoptr(CcChart) good = figures_sample_chart ("nyquist");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  GDir *d;
  guint files = 0;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_false (cc_chart_export (bad, NULL, CC_CHART_FORMAT_PDF, path, W_PT, H_PT, 300, &error));
  g_assert_error (error, CC_CHART_ERROR, CC_CHART_ERROR_DATA);
  g_clear_error (&error);
  /* The failed export left the old file as it was, and nothing beside it. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  d = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (d) != NULL)
    files++;
  g_dir_close (d);
  g_assert_cmpuint (files, ==, 1);

  g_assert_false (cc_chart_export (good, NULL, CC_CHART_FORMAT_PDF, nowhere, W_PT, H_PT, 300, &error));
  g_assert_error (error, CC_CHART_ERROR, CC_CHART_ERROR_IO);
  g_clear_error (&error);

  g_assert_true (cc_chart_export (good, NULL, CC_CHART_FORMAT_PDF, path, W_PT, H_PT, 300, &error));
  g_assert_no_error (error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-1."));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_export_limits (void)
{
  g_autoptr(CcChart) chart = figures_sample_chart ("cycling");
  static const struct { double w, h, dpi; } bad[] = {
    { 10, 270, 300 }, { 360, 1e6, 300 }, { 360, 270, 5 }, { 360, 270, 1e5 }, { NAN, 270, 300 },
    { 4000, 4000, 1200 },   /* 4.4 gigapixels */
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) b = cc_chart_export_bytes (chart, NULL, CC_CHART_FORMAT_PNG, bad[i].w, bad[i].h,
                                                  bad[i].dpi, &error);

      g_assert_null (b);
      g_assert_error (error, CC_CHART_ERROR, CC_CHART_ERROR_INVALID);
    }
}

/* After a render, no series point of a panel lies under its legend. */
static void
test_legend_avoids_data (void)
{
  guint n;
  const CcChartKindInfo *kinds = cc_chart_kinds_list (&n);
  static const double sizes[][2] = { { 360, 270 }, { 252, 190 }, { 500, 300 } };

  for (guint i = 0; i < n; i++)
    for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
      {
        g_autoptr(CcChart) chart = figures_sample_chart (kinds[i].name);
        cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 10, 10);
        cairo_t *cr = cairo_create (s);

        g_assert_true (cc_chart_render (chart, NULL, cr, sizes[z][0], sizes[z][1], NULL));
        for (guint p = 0; p < chart->layout->n_plots; p++)
          {
            const CcPlotLayout *pl = &chart->layout->plots[p];
            const CcPlot *plot = cc_chart_get_plot (chart, p);

            if (!pl->legend.visible)
              continue;
            for (guint k = 0; k < plot->series->len; k++)
              {
                const CcSeries *ser = g_ptr_array_index (plot->series, k);

                for (guint j = 0; j < ser->n; j++)
                  {
                    double x = cc_plot_layout_px (pl, ser->x[j]), y = cc_plot_layout_py (pl, ser->y_axis, ser->y[j]);
                    const CcBox *b = &pl->legend.box;

                    if (x > b->x && x < b->x + b->w && y > b->y && y < b->y + b->h)
                      g_error ("%s at %g × %g: point %u of series %u lies under the legend",
                               kinds[i].name, sizes[z][0], sizes[z][1], j, k);
                  }
              }
          }
        cairo_destroy (cr);
        cairo_surface_destroy (s);
      }
}

/* A legend with data in every inside corner must move out of the plot. */
static void
test_legend_moves_outside (void)
{
  g_autoptr(CcChart) chart = cc_chart_new ("test", NULL);
  CcPlot *plot = cc_chart_add_plot (chart);
  double x[5] = { 0, 10, 0, 10, 5 }, y[5] = { 0, 0, 10, 10, 5 };
  CcSeries *s = cc_plot_add_series (plot, "corners", x, y, 5);
  double px, py;

  cc_series_set_mode (s, CC_SERIES_MARKERS);
  g_assert_true (cc_chart_point_at (chart, NULL, W_PT, H_PT, 0, CC_AXIS_Y, 10, 10, &px, &py));
  g_assert_true (chart->layout->plots[0].legend.outside);
  g_assert_cmpfloat (chart->layout->plots[0].legend.box.x, >=, px);
}

static void
test_equal_aspect (void)
{
  g_autoptr(CcChart) chart = figures_sample_chart ("nyquist");
  static const double sizes[][2] = { { 360, 270 }, { 270, 360 }, { 600, 200 } };

  for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
    {
      double x0, y0, x1, y1, x2, y2;

      g_assert_true (cc_chart_point_at (chart, NULL, sizes[z][0], sizes[z][1], 0, CC_AXIS_Y, 0, 0, &x0, &y0));
      g_assert_true (cc_chart_point_at (chart, NULL, sizes[z][0], sizes[z][1], 0, CC_AXIS_Y, 100, 0, &x1, &y1));
      g_assert_true (cc_chart_point_at (chart, NULL, sizes[z][0], sizes[z][1], 0, CC_AXIS_Y, 0, 100, &x2, &y2));
      /* 100 Ω is as long across as up, and −Z″ points up. */
      g_assert_cmpfloat_with_epsilon (x1 - x0, y0 - y2, 1e-6 * (x1 - x0));
      g_assert_cmpfloat (y2, <, y0);
    }
}

static void
test_hit_test (void)
{
  g_autoptr(CcChart) chart = figures_sample_chart ("rate-capability");
  const CcSeries *s = cc_plot_get_series (cc_chart_get_plot (chart, 0), 1);   /* reported points */
  CcChartHit hit;
  double px, py;
  g_autofree char *text = NULL;

  g_assert_true (cc_chart_point_at (chart, NULL, W_PT, H_PT, 0, CC_AXIS_Y, s->x[3], s->y[3], &px, &py));
  g_assert_true (cc_chart_hit_test (chart, NULL, W_PT, H_PT, px + 1, py + 1, 4, &hit));
  g_assert_true (hit.in_plot);
  g_assert_true (hit.has_point);
  g_assert_cmpuint (hit.series_index, ==, 1);
  g_assert_cmpuint (hit.point_index, ==, 3);
  g_assert_cmpfloat (hit.point_y, ==, s->y[3]);
  /* The position maps back to the data near the point (log x axis). */
  g_assert_cmpfloat (fabs (log10 (hit.x / s->x[3])), <, 0.02);
  text = cc_chart_hit_describe (chart, &hit);
  g_assert_nonnull (strstr (text, "Reported"));
  /* Outside every panel: nothing. */
  g_assert_false (cc_chart_hit_test (chart, NULL, W_PT, H_PT, 1, 1, 4, &hit));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* "Without warnings": any Pango, cairo or GLib warning fails the test. */
  g_log_set_always_fatal (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  g_test_add_func ("/figures/render/all-kinds-all-formats", test_all_kinds_all_formats);
  g_test_add_func ("/figures/render/png-size", test_png_size);
  g_test_add_func ("/figures/render/line-lands-on-pixels", test_line_lands_on_pixels);
  g_test_add_func ("/figures/render/log-axis-pixels", test_log_axis_pixels);
  g_test_add_func ("/figures/render/log-refuses-nonpositive", test_log_refuses_nonpositive);
  g_test_add_func ("/figures/render/legend-avoids-data", test_legend_avoids_data);
  g_test_add_func ("/figures/render/legend-moves-outside", test_legend_moves_outside);
  g_test_add_func ("/figures/render/equal-aspect", test_equal_aspect);
  g_test_add_func ("/figures/render/hit-test", test_hit_test);
  g_test_add_func ("/figures/export/atomic", test_export_atomic);
  g_test_add_func ("/figures/export/limits", test_export_limits);
  return g_test_run ();
}
