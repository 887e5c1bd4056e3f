/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Palette: Okabe & Ito, "Color Universal Design" (2008), distinguishable
 * under the common colour-vision deficiencies. Every series also gets its own
 * dash pattern and marker shape, so charts survive greyscale printing.
 */
#include "cc-chart-style.h"

#include <math.h>
#include <string.h>

static CcRgba
hex (guint32 rgb)
{
  CcRgba c = { ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0, 1.0 };

  return c;
}

/* Okabe–Ito, ordered so that neighbours differ in lightness too; yellow last
 * because it is faint on white. */
static const guint32 okabe_ito_light[CC_CHART_PALETTE_SIZE] = {
  0x0072B2, /* blue */
  0xD55E00, /* vermillion */
  0x009E73, /* bluish green */
  0xCC79A7, /* reddish purple */
  0xE69F00, /* orange */
  0x56B4E9, /* sky blue */
  0x000000, /* black */
  0xF0E442, /* yellow */
};

/* Same hues for a dark background: the dark blue and black swap for sky
 * blue and white. */
static const guint32 okabe_ito_dark[CC_CHART_PALETTE_SIZE] = {
  0x56B4E9, 0xE69F00, 0x009E73, 0xCC79A7, 0xF0E442, 0xD55E00, 0xFFFFFF, 0x0072B2,
};

static const char * const theme_names[CC_CHART_N_THEMES] = { "light", "dark", "print" };

static void
init_palette (CcChartStyle   *style,
              const guint32  *colours)
{
  for (guint i = 0; i < CC_CHART_PALETTE_SIZE; i++)
    style->palette[i] = hex (colours[i]);
}

void
cc_chart_style_init (CcChartStyle *style,
                     CcChartTheme  theme)
{
  g_return_if_fail (style != NULL);
  g_return_if_fail (theme < CC_CHART_N_THEMES);

  memset (style, 0, sizeof *style);
  style->theme = theme;
  g_strlcpy (style->font_family, "Sans", sizeof style->font_family);
  style->font_size_pt[CC_TEXT_TITLE] = 11;
  style->font_size_pt[CC_TEXT_AXIS_TITLE] = 10;
  style->font_size_pt[CC_TEXT_TICK] = 9;
  style->font_size_pt[CC_TEXT_LEGEND] = 9;
  style->font_size_pt[CC_TEXT_ANNOTATION] = 8;
  style->line_width_pt = 1.5;
  style->axis_width_pt = 1.0;
  style->grid_width_pt = 0.5;
  style->marker_size_pt = 6;
  style->major_tick_pt = 5;
  style->minor_tick_pt = 2.5;
  style->padding_pt = 8;
  style->show_grid = TRUE;
  style->snap_hairlines = TRUE;

  switch (theme)
    {
    case CC_CHART_THEME_DARK:
      style->background = hex (0x242424);
      style->plot_background = hex (0x1c1c1c);
      style->foreground = hex (0xeeeeee);
      style->muted = hex (0xa0a0a0);
      style->grid_colour = hex (0x3a3a3a);
      style->warning = hex (0xff7a5c);
      init_palette (style, okabe_ito_dark);
      break;

    case CC_CHART_THEME_PRINT:
      /* Journal figures: 7–9 pt type at final size, thin strokes, no grid,
       * no pixel snapping (vector output). */
      style->background = hex (0xffffff);
      style->plot_background = hex (0xffffff);
      style->foreground = hex (0x000000);
      style->muted = hex (0x555555);
      style->grid_colour = hex (0xdddddd);
      style->warning = hex (0xD55E00);
      style->font_size_pt[CC_TEXT_TITLE] = 9;
      style->font_size_pt[CC_TEXT_AXIS_TITLE] = 8.5;
      style->font_size_pt[CC_TEXT_TICK] = 7.5;
      style->font_size_pt[CC_TEXT_LEGEND] = 7.5;
      style->font_size_pt[CC_TEXT_ANNOTATION] = 7;
      style->line_width_pt = 1.0;
      style->axis_width_pt = 0.6;
      style->grid_width_pt = 0.3;
      style->marker_size_pt = 4.5;
      style->major_tick_pt = 3.5;
      style->minor_tick_pt = 2;
      style->padding_pt = 4;
      style->show_grid = FALSE;
      style->snap_hairlines = FALSE;
      init_palette (style, okabe_ito_light);
      break;

    case CC_CHART_THEME_LIGHT:
    default:
      style->background = hex (0xffffff);
      style->plot_background = hex (0xffffff);
      style->foreground = hex (0x202020);
      style->muted = hex (0x6e6e6e);
      style->grid_colour = hex (0xe4e4e4);
      style->warning = hex (0xD55E00);
      init_palette (style, okabe_ito_light);
      break;
    }
}

void
cc_chart_style_scale_fonts (CcChartStyle *style,
                            double        factor)
{
  g_return_if_fail (style != NULL);
  g_return_if_fail (factor > 0 && isfinite (factor));

  for (guint i = 0; i < CC_N_TEXT_ROLES; i++)
    style->font_size_pt[i] *= factor;
}

const char *
cc_chart_theme_to_string (CcChartTheme theme)
{
  g_return_val_if_fail (theme < CC_CHART_N_THEMES, NULL);
  return theme_names[theme];
}

gboolean
cc_chart_theme_from_string (const char   *str,
                            CcChartTheme *out)
{
  for (guint i = 0; i < CC_CHART_N_THEMES; i++)
    if (g_strcmp0 (str, theme_names[i]) == 0)
      {
        *out = (CcChartTheme) i;
        return TRUE;
      }
  return FALSE;
}

/* Viridis sampled at eleven points (matplotlib's _viridis_data), linearly
 * interpolated: the error against the full table is below 1/255. */
static const guint32 viridis[] = {
  0x440154, 0x482475, 0x414487, 0x355f8d, 0x2a788e, 0x21918c,
  0x22a884, 0x44bf70, 0x7ad151, 0xbddf26, 0xfde725,
};

CcRgba
cc_chart_colormap_viridis (double t)
{
  const guint n = G_N_ELEMENTS (viridis);
  double pos;
  guint i;
  CcRgba a, b, c;

  if (!isfinite (t))
    t = 0;
  t = CLAMP (t, 0.0, 1.0);
  pos = t * (n - 1);
  i = MIN ((guint) floor (pos), n - 2);
  pos -= i;
  a = hex (viridis[i]);
  b = hex (viridis[i + 1]);
  c.r = a.r + (b.r - a.r) * pos;
  c.g = a.g + (b.g - a.g) * pos;
  c.b = a.b + (b.b - a.b) * pos;
  c.a = 1.0;
  return c;
}

/* Relative luminance after WCAG 2 (sRGB linearised). */
double
cc_rgba_luminance (const CcRgba *c)
{
  double ch[3] = { c->r, c->g, c->b };

  for (guint i = 0; i < 3; i++)
    ch[i] = ch[i] <= 0.03928 ? ch[i] / 12.92 : pow ((ch[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
}

CcRgba
cc_chart_style_resolve (const CcChartStyle *style,
                        const CcPaint      *paint)
{
  CcRgba c;

  switch (paint->kind)
    {
    case CC_PAINT_SERIES:
      return style->palette[paint->index % CC_CHART_PALETTE_SIZE];
    case CC_PAINT_SEQUENTIAL:
      return cc_chart_colormap_viridis (paint->t);
    case CC_PAINT_ON_SEQUENTIAL:
      c = cc_chart_colormap_viridis (paint->t);
      /* Contrast against black (L + 0.05) / 0.05 vs white 1.05 / (L + 0.05):
       * black wins when L > ~0.18. */
      return cc_rgba_luminance (&c) > 0.18 ? hex (0x000000) : hex (0xffffff);
    case CC_PAINT_FOREGROUND:
      return style->foreground;
    case CC_PAINT_MUTED:
      return style->muted;
    case CC_PAINT_WARNING:
      return style->warning;
    case CC_PAINT_RGBA:
    default:
      return paint->rgba;
    }
}

CcPaint
cc_paint_series (guint index)
{
  CcPaint p = { CC_PAINT_SERIES, index, 0, { 0, 0, 0, 1 } };

  return p;
}

CcPaint
cc_paint_sequential (double t)
{
  CcPaint p = { CC_PAINT_SEQUENTIAL, 0, t, { 0, 0, 0, 1 } };

  return p;
}

CcPaint
cc_paint_on_sequential (double t)
{
  CcPaint p = { CC_PAINT_ON_SEQUENTIAL, 0, t, { 0, 0, 0, 1 } };

  return p;
}

CcPaint
cc_paint_role (CcPaintKind kind)
{
  CcPaint p = { kind, 0, 0, { 0, 0, 0, 1 } };

  return p;
}

CcPaint
cc_paint_rgba (double r,
               double g,
               double b,
               double a)
{
  CcPaint p = { CC_PAINT_RGBA, 0, 0, { r, g, b, a } };

  return p;
}

void
cc_chart_set_source (cairo_t      *cr,
                     const CcRgba *c,
                     double        alpha)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, c->a * alpha);
}

void
cc_chart_set_dash (cairo_t *cr,
                   CcDash   dash,
                   double   lw)
{
  /* Lengths in line widths; dots use round caps to read as dots. */
  static const double dashed[] = { 4.0, 2.5 };
  static const double dotted[] = { 0.1, 2.2 };
  static const double dash_dot[] = { 4.5, 2.0, 0.1, 2.0 };
  static const double long_dash[] = { 8.0, 3.0 };
  static const double dash_dot_dot[] = { 4.5, 1.8, 0.1, 1.8, 0.1, 1.8 };
  const double *pattern = NULL;
  guint n = 0;
  double scaled[6];
  double unit = MAX (lw, 0.5) * 1.6;

  switch (dash)
    {
    case CC_DASH_DASHED:       pattern = dashed; n = G_N_ELEMENTS (dashed); break;
    case CC_DASH_DOTTED:       pattern = dotted; n = G_N_ELEMENTS (dotted); break;
    case CC_DASH_DASH_DOT:     pattern = dash_dot; n = G_N_ELEMENTS (dash_dot); break;
    case CC_DASH_LONG_DASH:    pattern = long_dash; n = G_N_ELEMENTS (long_dash); break;
    case CC_DASH_DASH_DOT_DOT: pattern = dash_dot_dot; n = G_N_ELEMENTS (dash_dot_dot); break;
    case CC_DASH_SOLID:
    default:
      break;
    }
  for (guint i = 0; i < n; i++)
    scaled[i] = pattern[i] * unit;
  cairo_set_dash (cr, n > 0 ? scaled : NULL, (int) n, 0);
  cairo_set_line_cap (cr, dash == CC_DASH_SOLID ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND);
}

static void
marker_path (cairo_t  *cr,
             CcMarker  marker,
             double    x,
             double    y,
             double    r)
{
  switch (marker)
    {
    case CC_MARKER_SQUARE:
      r *= 0.88;   /* equal visual weight with the circle */
      cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
      break;
    case CC_MARKER_TRIANGLE_UP:
    case CC_MARKER_TRIANGLE_DOWN:
      {
        double s = marker == CC_MARKER_TRIANGLE_UP ? -1 : 1;

        r *= 1.15;
        cairo_move_to (cr, x, y + s * r);
        cairo_line_to (cr, x + r * 0.866, y - s * r * 0.5);
        cairo_line_to (cr, x - r * 0.866, y - s * r * 0.5);
        cairo_close_path (cr);
      }
      break;
    case CC_MARKER_DIAMOND:
      r *= 1.2;
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r * 0.8, y);
      cairo_line_to (cr, x, y + r);
      cairo_line_to (cr, x - r * 0.8, y);
      cairo_close_path (cr);
      break;
    case CC_MARKER_CROSS:
      cairo_move_to (cr, x - r, y - r);
      cairo_line_to (cr, x + r, y + r);
      cairo_move_to (cr, x - r, y + r);
      cairo_line_to (cr, x + r, y - r);
      break;
    case CC_MARKER_PLUS:
      r *= 1.2;
      cairo_move_to (cr, x - r, y);
      cairo_line_to (cr, x + r, y);
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x, y + r);
      break;
    case CC_MARKER_STAR:
      r *= 1.25;
      for (int i = 0; i < 10; i++)
        {
          double a = -G_PI / 2 + i * G_PI / 5;
          double rr = i % 2 == 0 ? r : r * 0.45;

          if (i == 0)
            cairo_move_to (cr, x + rr * cos (a), y + rr * sin (a));
          else
            cairo_line_to (cr, x + rr * cos (a), y + rr * sin (a));
        }
      cairo_close_path (cr);
      break;
    case CC_MARKER_CIRCLE:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
}

void
cc_chart_draw_marker (cairo_t      *cr,
                      CcMarker      marker,
                      double        x,
                      double        y,
                      double        size,
                      gboolean      filled,
                      const CcRgba *colour,
                      const CcRgba *background,
                      double        lw)
{
  gboolean stroked_only = marker == CC_MARKER_CROSS || marker == CC_MARKER_PLUS;

  cairo_save (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_width (cr, lw);
  marker_path (cr, marker, x, y, size / 2);
  if (stroked_only)
    {
      cc_chart_set_source (cr, colour, 1.0);
      cairo_set_line_width (cr, lw * 1.3);
      cairo_stroke (cr);
    }
  else if (filled)
    {
      /* A thin halo in the background colour separates the marker from a
       * line of its own colour. */
      cc_chart_set_source (cr, background, 1.0);
      cairo_set_line_width (cr, lw * 0.8);
      cairo_stroke_preserve (cr);
      cc_chart_set_source (cr, colour, 1.0);
      cairo_fill (cr);
    }
  else
    {
      cc_chart_set_source (cr, background, 1.0);
      cairo_fill_preserve (cr);
      cc_chart_set_source (cr, colour, 1.0);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}
