/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * plot DESIGN --chart NAME --format png|svg|pdf|csv -o FILE: one chart of a
 * design, drawn by the same figure engine as the app, with measured data
 * (--overlay FILE.csv, repeatable) drawn over the prediction.
 */
#include "cli-common.h"
#include "cli-commands.h"
#include "cc-chart-export.h"
#include "cc-chart-overlay.h"
#include "cc-chart-registry.h"
#include "cc-plot.h"
#include "cc-preset.h"

#include <stdio.h>

#define PLOT_ARGS "DESIGN --chart NAME -o FILE [--overlay DATA.csv ...]"

static int
list_charts (gboolean json)
{
  guint n;
  const CcChartKindInfo *kinds = cc_chart_kinds_list (&n);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < n; i++)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, kinds[i].name);
          json_builder_set_member_name (b, "title");
          json_builder_add_string_value (b, kinds[i].title);
          json_builder_set_member_name (b, "summary");
          json_builder_add_string_value (b, kinds[i].summary);
          json_builder_set_member_name (b, "source");
          json_builder_add_string_value (b, cc_chart_source_label (kinds[i].source));
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      cli_print_json (root);
      return CLI_EXIT_OK;
    }
  for (guint i = 0; i < n; i++)
    printf (_("%-22s %s (from the %s)\n"), kinds[i].name, _(kinds[i].summary),
            _(cc_chart_source_label (kinds[i].source)));
  return CLI_EXIT_OK;
}

typedef struct {
  char    *chart;
  char    *format;
  char    *output;
  char    *theme;
  double   width_pt, height_pt, dpi;
  int      cycle;
  int      particles;
  gboolean json;
  char   **overlays;
} PlotArgs;

static void
plot_args_clear (PlotArgs *a)
{
  g_free (a->chart);
  g_free (a->format);
  g_free (a->output);
  g_free (a->theme);
  g_strfreev (a->overlays);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PlotArgs, plot_args_clear)

static int
check_args (PlotArgs      *a,
            int            argc,
            CcChartFormat *format,
            CcChartStyle  *style)
{
  CcChartTheme theme = CC_CHART_THEME_PRINT;

  if (argc != 2)
    return cli_fail (CLI_EXIT_USAGE, _("plot: give exactly one design file or preset:NAME"));
  if (a->output == NULL)
    return cli_fail (CLI_EXIT_USAGE, _("plot: -o FILE is required"));
  if (a->format != NULL ? !cc_chart_format_from_string (a->format, format)
                        : !cc_chart_format_from_path (a->output, format))
    return cli_fail (CLI_EXIT_USAGE, _("plot: --format %s: must be png, svg, pdf or csv"),
                     a->format != NULL ? a->format : "(from the file name)");
  if (a->theme != NULL && !cc_chart_theme_from_string (a->theme, &theme))
    return cli_fail (CLI_EXIT_USAGE, _("plot: --theme %s: must be print, light or dark"), a->theme);
  if (a->cycle < 0)
    return cli_fail (CLI_EXIT_USAGE, _("plot: --cycle %d: must be a positive cycle number"), a->cycle);
  if (a->particles < 0)
    return cli_fail (CLI_EXIT_USAGE, _("plot: --particles %d: must be a positive number of particles"), a->particles);
  if (!(a->width_pt >= CC_CHART_MIN_SIZE_PT && a->width_pt <= CC_CHART_MAX_SIZE_PT) ||
      !(a->height_pt >= CC_CHART_MIN_SIZE_PT && a->height_pt <= CC_CHART_MAX_SIZE_PT))
    return cli_fail (CLI_EXIT_USAGE, _("plot: --width-pt %g --height-pt %g: each must be between %g and %g"),
                     a->width_pt, a->height_pt, CC_CHART_MIN_SIZE_PT, CC_CHART_MAX_SIZE_PT);
  if (!(a->dpi >= CC_CHART_MIN_DPI && a->dpi <= CC_CHART_MAX_DPI))
    return cli_fail (CLI_EXIT_USAGE, _("plot: --dpi %g: must be between %g and %g"),
                     a->dpi, CC_CHART_MIN_DPI, CC_CHART_MAX_DPI);
  cc_chart_style_init (style, theme);
  return CLI_EXIT_OK;
}

int
cli_plot_run (int    argc,
              char **argv)
{
  g_auto(PlotArgs) a = { NULL, NULL, NULL, NULL, 360, 270, 300, 0, 0, FALSE, NULL };
  GOptionEntry entries[] = {
    { "chart", 'c', 0, G_OPTION_ARG_STRING, &a.chart, N_("Chart to draw ('list' names them)"), "NAME" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &a.format, N_("png, svg, pdf or csv (default: from -o)"), "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &a.output, N_("File to write"), "FILE" },
    { "width-pt", 0, 0, G_OPTION_ARG_DOUBLE, &a.width_pt, N_("Width in points (default 360)"), "W" },
    { "height-pt", 0, 0, G_OPTION_ARG_DOUBLE, &a.height_pt, N_("Height in points (default 270)"), "H" },
    { "dpi", 0, 0, G_OPTION_ARG_DOUBLE, &a.dpi, N_("PNG resolution (default 300)"), "D" },
    { "cycle", 0, 0, G_OPTION_ARG_INT, &a.cycle, N_("Cycle of the impedance charts (default 1; the last cycle is drawn too)"), "N" },
    { "particles", 0, 0, G_OPTION_ARG_INT, &a.particles, N_("Particle budget of the packing (default: the design's)"), "N" },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &a.theme, N_("print (default), light or dark"), "THEME" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &a.json, N_("With --chart list: print JSON"), NULL },
    { "overlay", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &a.overlays,
      N_("Measured data (CSV) to draw over the chart; repeatable"), "FILE" },
    { NULL }
  };
  g_autoptr(CcDesign) design = NULL;
  g_autoptr(CcChart) chart = NULL;
  g_autoptr(GPtrArray) measured = NULL;
  g_autoptr(GError) error = NULL;
  CcPlotOptions options = { 0 };
  CcChartFormat format;
  CcChartStyle style;
  int rc;

  rc = cli_parse_options ("plot", PLOT_ARGS, N_("Draw one chart of a design as PNG, SVG, PDF or CSV."),
                          entries, &argc, &argv);
  if (rc != CLI_EXIT_OK)
    return rc;
  if (a.chart == NULL)
    return cli_fail (CLI_EXIT_USAGE, _("plot: --chart NAME is required ('--chart list' names the charts)"));
  if (g_str_equal (a.chart, "list"))
    return list_charts (a.json);
  if (cc_chart_kinds_lookup (a.chart) == NULL)
    return cli_fail (CLI_EXIT_USAGE, _("plot: unknown chart '%s' ('--chart list' names the charts)"), a.chart);
  rc = check_args (&a, argc, &format, &style);
  if (rc != CLI_EXIT_OK)
    return rc;

  if (a.overlays != NULL && cc_measured_kind_for_chart (a.chart) == CC_MEASURED_AUTO)
    return cli_fail (CLI_EXIT_USAGE, _("plot: --overlay: the %s chart shows no measured data (voltage-profile, "
                                       "cycling, rate-capability, nyquist and bode do)"), a.chart);

  design = cc_design_load_from_argument (argv[1], &error);
  if (design == NULL || !cc_design_validate (design, cc_material_db_get_default (), &error))
    return cli_fail_error (error);
  /* Read the data before the (slow) simulation, so a bad file fails fast. */
  measured = g_ptr_array_new_with_free_func ((GDestroyNotify) cc_measured_free);
  for (guint i = 0; a.overlays != NULL && a.overlays[i] != NULL; i++)
    {
      CcMeasuredData *data = cc_measured_load (a.overlays[i], cc_measured_kind_for_chart (a.chart), &error);

      if (data == NULL)
        return cli_fail_error (error);
      g_ptr_array_add (measured, data);
    }
  options.cycle = (guint) a.cycle;
  options.particles = (guint) a.particles;
  chart = cc_plot_build_chart (a.chart, design, cc_material_db_get_default (), &options, &error);
  if (chart == NULL)
    return cli_fail_error (error);
  /* A measured spectrum in ohm is compared per area with the design's electrode. */
  for (guint i = 0; i < measured->len; i++)
    if (!cc_chart_add_measured (chart, g_ptr_array_index (measured, i), design->cell.area_cm2, &error))
      return cli_fail_error (error);
  if (!cc_chart_export (chart, &style, format, a.output, a.width_pt, a.height_pt, a.dpi, &error))
    return cli_fail_error (error);
  return CLI_EXIT_OK;
}
