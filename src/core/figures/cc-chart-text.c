/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Text through Pango: markup for formulas and units, sizes in points. The
 * context's resolution is 72 dpi so that one point of type is one unit of
 * the chart's coordinate system on every surface, and metrics hinting is off
 * so that a chart lays out identically on screen, in PNG, SVG and PDF.
 */
#include "cc-chart-private.h"

#include <math.h>

static PangoContext *
make_context (cairo_t *cr)
{
  PangoContext *ctx = pango_cairo_create_context (cr);
  cairo_font_options_t *fo = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (fo, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (ctx, fo);
  pango_cairo_context_set_resolution (ctx, 72.0);
  cairo_font_options_destroy (fo);
  return ctx;
}

/* Pango 1.50 sizes <sub> and <sup> through font_scale, which comes out too
 * large on scaled cairo contexts (PNG at more than 72 dpi). Explicit sizes
 * and rises in points (the context runs at 72 dpi) look the same
 * everywhere: 70 % of the text size, lowered 18 % or raised 38 % of it. */
static char *
explicit_scripts (const char *markup,
                  double      size)
{
  g_autofree char *sub = g_strdup_printf ("<span size=\"%d\" rise=\"%d\">",
                                          (int) (0.7 * size * PANGO_SCALE),
                                          (int) (-0.18 * size * PANGO_SCALE));
  g_autofree char *sup = g_strdup_printf ("<span size=\"%d\" rise=\"%d\">",
                                          (int) (0.7 * size * PANGO_SCALE),
                                          (int) (0.38 * size * PANGO_SCALE));
  GString *out = g_string_new (NULL);

  for (const char *p = markup; *p; )
    {
      if (g_str_has_prefix (p, "<sub>") || g_str_has_prefix (p, "<sup>"))
        {
          g_string_append (out, p[3] == 'b' ? sub : sup);
          p += 5;
        }
      else if (g_str_has_prefix (p, "</sub>") || g_str_has_prefix (p, "</sup>"))
        {
          g_string_append (out, "</span>");
          p += 6;
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

PangoLayout *
cc_chart_text_layout (cairo_t            *cr,
                      const CcChartStyle *style,
                      CcTextRole          role,
                      const char         *markup)
{
  PangoContext *ctx = make_context (cr);
  PangoLayout *layout = pango_layout_new (ctx);
  PangoFontDescription *font = pango_font_description_new ();

  g_object_unref (ctx);   /* the layout keeps its own reference */

  pango_font_description_set_family (font, style->font_family);
  pango_font_description_set_absolute_size (font, style->font_size_pt[role] * PANGO_SCALE);
  if (role == CC_TEXT_TITLE)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  if (markup == NULL)
    markup = "";
  /* Invalid markup (an unescaped '&' in a user's design name) is shown as
   * text rather than dropped with a warning. */
  if (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL))
    {
      g_autofree char *fixed = explicit_scripts (markup, style->font_size_pt[role]);

      pango_layout_set_markup (layout, fixed, -1);
    }
  else
    pango_layout_set_text (layout, markup, -1);
  return layout;
}

void
cc_chart_text_size (PangoLayout *layout,
                    double      *width,
                    double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

/* The anchor point relative to the box's top-left corner. */
static void
anchor_offset (CcAnchor  anchor,
               double    w,
               double    h,
               double   *ax,
               double   *ay)
{
  switch (anchor)
    {
    case CC_ANCHOR_N:  *ax = w / 2; *ay = 0;     break;
    case CC_ANCHOR_NE: *ax = w;     *ay = 0;     break;
    case CC_ANCHOR_E:  *ax = w;     *ay = h / 2; break;
    case CC_ANCHOR_SE: *ax = w;     *ay = h;     break;
    case CC_ANCHOR_S:  *ax = w / 2; *ay = h;     break;
    case CC_ANCHOR_SW: *ax = 0;     *ay = h;     break;
    case CC_ANCHOR_W:  *ax = 0;     *ay = h / 2; break;
    case CC_ANCHOR_NW: *ax = 0;     *ay = 0;     break;
    case CC_ANCHOR_CENTER:
    default:           *ax = w / 2; *ay = h / 2; break;
    }
}

CcBox
cc_chart_text_box (double   x,
                   double   y,
                   double   w,
                   double   h,
                   CcAnchor anchor)
{
  double ax, ay;
  CcBox b;

  anchor_offset (anchor, w, h, &ax, &ay);
  b.x = x - ax;
  b.y = y - ay;
  b.w = w;
  b.h = h;
  return b;
}

/* Moves to where the layout's top-left goes and returns with the
 * translation and rotation applied (inside a cairo_save). */
static void
position_layout (cairo_t     *cr,
                 PangoLayout *layout,
                 double       x,
                 double       y,
                 CcAnchor     anchor,
                 double       angle)
{
  PangoRectangle logical;
  double w, h, ax, ay;

  pango_layout_get_extents (layout, NULL, &logical);
  w = (double) logical.width / PANGO_SCALE;
  h = (double) logical.height / PANGO_SCALE;
  anchor_offset (anchor, w, h, &ax, &ay);
  cairo_translate (cr, x, y);
  if (angle != 0)
    cairo_rotate (cr, angle);
  cairo_move_to (cr, -ax - (double) logical.x / PANGO_SCALE, -ay - (double) logical.y / PANGO_SCALE);
  pango_cairo_update_layout (cr, layout);
}

void
cc_chart_text_draw (cairo_t     *cr,
                    PangoLayout *layout,
                    double       x,
                    double       y,
                    CcAnchor     anchor,
                    double       angle)
{
  cairo_save (cr);
  position_layout (cr, layout, x, y, anchor, angle);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

void
cc_chart_text_draw_halo (cairo_t      *cr,
                         PangoLayout  *layout,
                         double        x,
                         double        y,
                         CcAnchor      anchor,
                         const CcRgba *halo,
                         double        width)
{
  cairo_save (cr);
  cairo_save (cr);
  position_layout (cr, layout, x, y, anchor, 0);
  pango_cairo_layout_path (cr, layout);
  cc_chart_set_source (cr, halo, 0.85);
  cairo_set_line_width (cr, width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_restore (cr);
  position_layout (cr, layout, x, y, anchor, 0);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}
