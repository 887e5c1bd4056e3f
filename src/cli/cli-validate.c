/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cli-common.h"
#include "cli-commands.h"
#include "cc-preset.h"

#include <stdio.h>

int
cli_validate_run (int    argc,
                  char **argv)
{
  g_autoptr(CcDesign) design = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the result as JSON"), NULL },
    { NULL }
  };
  int rc;

  rc = cli_parse_options ("validate", "FILE|preset:NAME", N_("Check a design document."), entries, &argc, &argv);
  if (rc != CLI_EXIT_OK)
    return rc;
  if (argc != 2)
    return cli_fail (CLI_EXIT_USAGE, _("validate: give exactly one design file or preset:NAME"));

  design = cc_design_load_from_argument (argv[1], &error);
  if (design != NULL)
    cc_design_validate (design, cc_material_db_get_default (), &error);

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "valid");
      json_builder_add_boolean_value (b, error == NULL);
      if (error != NULL)
        {
          json_builder_set_member_name (b, "error");
          json_builder_add_string_value (b, error->message);
        }
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      cli_print_json (root);
    }

  if (error != NULL)
    return cli_fail_error (error);
  if (!json)
    printf (_("%s: valid\n"), argv[1]);
  return CLI_EXIT_OK;
}
