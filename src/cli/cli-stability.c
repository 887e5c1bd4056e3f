/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cathode-composer-cli stability DESIGN [--json] [--matrix]: the
 * interfacial stability of a design (every interface, its margin and
 * verdict), optionally with the CAM x electrolyte compatibility matrix of the
 * whole database.
 */
#include "cli-common.h"
#include "cli-commands.h"
#include "cc-preset.h"
#include "cc-stability.h"

#include <math.h>
#include <stdio.h>

static void
print_text (const CcStabilityReport *r)
{
  printf ("Cathode %s from %.2f to %.2f V vs Na+/Na; anode %s at %.2f V\n\n",
          r->cam_id, r->cam_min_V, r->cam_max_V, r->anode_id, r->anode_V);
  printf ("%-44s %-22s %9s  %-12s %s\n", "interface", "kind", "margin/V", "verdict", "products");
  for (guint i = 0; i < r->interfaces->len; i++)
    {
      const CcInterfaceStability *s = g_ptr_array_index (r->interfaces, i);
      g_autofree char *prod = NULL;

      g_ptr_array_add (s->products, NULL);
      prod = g_strjoinv (", ", (char **) s->products->pdata);
      g_ptr_array_remove_index (s->products, s->products->len - 1);
      printf ("%-44s %-22s %+9.2f  %-12s %s\n", s->pair, s->kind, s->margin_V,
              cc_verdict_to_string (s->verdict), prod);
    }
}

static void
print_matrix (GPtrArray *m)
{
  printf ("\n%-24s %-26s %6s %9s %-12s %8s %9s\n", "CAM", "electrolyte", "score", "margin/V", "verdict",
          "chem", "mech/MPa");
  for (guint i = 0; i < m->len; i++)
    {
      const CcCompatibility *c = g_ptr_array_index (m, i);
      printf ("%-24s %-26s %6.1f %+9.2f %-12s %8.2f %9.0f\n", c->cam_id, c->electrolyte_id, c->score,
              c->margin_V, cc_verdict_to_string (c->verdict), c->chemical_mismatch, c->mechanical_stress_MPa);
    }
}

int
cli_stability_run (int    argc,
                   char **argv)
{
  g_autoptr(CcDesign) design = NULL;
  g_autoptr(CcStabilityReport) report = NULL;
  g_autoptr(GPtrArray) matrix = NULL;
  g_autoptr(GError) error = NULL;
  CcMaterialDb *db = cc_material_db_get_default ();
  gboolean json = FALSE, with_matrix = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, "Print the result as JSON", NULL },
    { "matrix", 0, 0, G_OPTION_ARG_NONE, &with_matrix, "Add the CAM x electrolyte compatibility matrix", NULL },
    { NULL }
  };
  int rc;

  rc = cli_parse_options ("stability", "FILE|preset:NAME",
                          "Interfacial stability of a design: windows, margins, verdicts, products.",
                          entries, &argc, &argv);
  if (rc != CLI_EXIT_OK)
    return rc;
  if (argc != 2)
    return cli_fail (CLI_EXIT_USAGE, "stability: give exactly one design file or preset:NAME");

  design = cc_design_load_from_argument (argv[1], &error);
  if (design == NULL || !cc_design_validate (design, db, &error))
    return cli_fail_error (error);
  report = cc_stability_analyze (design, db, &error);
  if (report == NULL)
    return cli_fail_error (error);
  if (with_matrix)
    matrix = cc_compatibility_matrix (db);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      cc_stability_report_to_json (report, b);
      if (matrix != NULL)
        cc_compatibility_matrix_to_json (matrix, b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      cli_print_json (root);
      return CLI_EXIT_OK;
    }
  print_text (report);
  if (matrix != NULL)
    print_matrix (matrix);
  return CLI_EXIT_OK;
}
