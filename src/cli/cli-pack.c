/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cathode-composer-cli pack: pack and analyse a design's composite, or any
 * sphere mixture given with --spheres.
 */
#include "cli-common.h"
#include "cli-commands.h"
#include "cc-packing.h"
#include "cc-preset.h"

#include <math.h>
#include <stdio.h>

#define PACK_ARGS "DESIGN|preset:NAME [--particles N] [--seed S] [--json] [--xyz FILE]\n" \
                  "  or: pack --spheres ROLE:DIAMETER_UM:VOLUME_FRACTION[:SIGMA],..."

typedef struct {
  int       particles;
  gint64    seed;
  gboolean  json;
  char     *xyz;
  char     *spheres;
  double    pressure;
  double    stack_pressure;
  double    rate;
  int       threads;
} PackOptions;

static CcPackingParams *
params_from_options (const PackOptions  *o,
                     const char         *design_arg,
                     GError            **error)
{
  CcPackingParams *p;

  if (o->spheres != NULL)
    {
      p = cc_packing_params_from_spheres (o->spheres, o->particles > 0 ? (guint) o->particles : 10000,
                                          o->seed >= 0 ? (guint64) o->seed : 1, error);
      if (p == NULL)
        return NULL;
      /* a mixture without a design is pressed like the default design */
      p->pressure_MPa = 375;
      p->stack_pressure_MPa = 50;
    }
  else
    {
      g_autoptr(CcDesign) design = cc_design_load_from_argument (design_arg, error);

      if (design == NULL)
        return NULL;
      if (o->particles > 0)
        design->simulation.particles = (guint) o->particles;
      if (o->seed >= 0)
        design->simulation.seed = (guint64) o->seed;
      p = cc_packing_params_from_design (design, cc_material_db_get_default (), error);
      if (p == NULL)
        return NULL;
    }
  /* NAN: not given; anything else goes through validation */
  if (!isnan (o->pressure))
    p->pressure_MPa = o->pressure;
  if (!isnan (o->stack_pressure))
    p->stack_pressure_MPa = o->stack_pressure;
  if (!isnan (o->rate))
    p->compression_rate = o->rate;
  p->threads = (guint) MAX (o->threads, 0);
  if (!cc_packing_params_validate (p, error))
    {
      cc_packing_params_free (p);
      return NULL;
    }
  return p;
}

static void
print_text (const CcPacking        *k,
            const CcMicrostructure *m)
{
  double phi_j, bulk_j, overlap;

  cc_packing_get_jammed (k, &phi_j, &bulk_j, &overlap, NULL);
  printf ("particles            %u in %.1f x %.1f x %.1f µm\n", m->particles, m->box_x_um, m->box_y_um,
          m->thickness_um);
  printf ("jammed               solid fraction %.4f (bulk %.4f), max overlap %.1e\n", phi_j, bulk_j, overlap);
  printf ("compacted            solid fraction %.4f (bulk %.4f), porosity %.4f at %.0f MPa\n",
          m->solid_fraction, m->bulk_solid_fraction, m->porosity, cc_packing_get_pressure_reached (k));
  printf ("contacts             %u, %u made by deformation\n", m->total_contacts, m->deformation_contacts);
  printf ("ionic network        %s, σ_eff %.3g S/cm, τ %.3g\n", m->ionic_percolation ? "percolates" : "does not percolate",
          m->sigma_ion_eff_S_per_cm, m->tortuosity_ion);
  printf ("electronic network   %s, σ_eff %.3g S/cm, τ %.3g\n", m->electronic_percolation ? "percolates" : "does not percolate",
          m->sigma_e_eff_S_per_cm, m->tortuosity_e);
  printf ("CAM                  %.1f %% active, %.1f %% reached by ions, %.1f %% by electrons\n",
          100 * m->active_cam_fraction, 100 * m->ionically_connected_cam_fraction,
          100 * m->electronically_connected_cam_fraction);
  printf ("CAM–SE contact       %.2f %% of the active CAM surface, mean radius %.3f µm\n",
          100 * m->cam_se_contact_area_fraction, m->mean_cam_se_contact_radius_um);
  printf ("time                 %.2f s packing\n", cc_packing_get_seconds (k));
}

int
cli_pack_run (int    argc,
              char **argv)
{
  PackOptions o = { 0, -1, FALSE, NULL, NULL, NAN, NAN, NAN, 0 };
  GOptionEntry entries[] = {
    { "particles", 'n', 0, G_OPTION_ARG_INT, &o.particles, "Number of particles (default: the design's, or 10000)", "N" },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &o.seed, "Random seed", "S" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &o.json, "Print one JSON document", NULL },
    { "xyz", 0, 0, G_OPTION_ARG_FILENAME, &o.xyz, "Write the particles as extended XYZ (OVITO)", "FILE" },
    { "spheres", 0, 0, G_OPTION_ARG_STRING, &o.spheres, "Pack a sphere mixture instead of a design", "SPEC" },
    { "pressure", 0, 0, G_OPTION_ARG_DOUBLE, &o.pressure, "Pressing pressure in MPa (0: hard-sphere packing only)", "MPA" },
    { "stack-pressure", 0, 0, G_OPTION_ARG_DOUBLE, &o.stack_pressure, "Stack pressure in MPa", "MPA" },
    { "rate", 0, 0, G_OPTION_ARG_DOUBLE, &o.rate, "Jamming compression rate (default 2e-4; smaller is denser, slower)", "R" },
    { "threads", 0, 0, G_OPTION_ARG_INT, &o.threads, "Threads (default: all cores)", "T" },
    { NULL }
  };
  g_autoptr(CcPackingParams) params = NULL;
  g_autoptr(CcPacking) packing = NULL;
  g_autoptr(GError) error = NULL;
  CcMicrostructure m;
  int rc;

  rc = cli_parse_options ("pack", PACK_ARGS, "Pack the composite's particles and analyse the microstructure.",
                          entries, &argc, &argv);
  if (rc != CLI_EXIT_OK)
    goto out;
  rc = CLI_EXIT_USAGE;
  if ((o.spheres == NULL && argc != 2) || (o.spheres != NULL && argc != 1))
    {
      cli_fail (CLI_EXIT_USAGE, "pack: give one design (FILE or preset:NAME) or --spheres, not both");
      goto out;
    }
  if (o.particles < 0 || o.threads < 0)
    {
      cli_fail (CLI_EXIT_USAGE, "pack: --particles and --threads must not be negative");
      goto out;
    }
  rc = CLI_EXIT_INVALID;
  params = params_from_options (&o, argc > 1 ? argv[1] : NULL, &error);
  if (params == NULL || (packing = cc_packing_run (params, NULL, NULL, &error)) == NULL ||
      !cc_packing_analyze (packing, &m, NULL, &error) ||
      (o.xyz != NULL && !cc_packing_write_xyz (packing, o.xyz, &error)))
    {
      cli_fail_error (error);
      goto out;
    }
  if (o.json)
    {
      g_autoptr(JsonNode) root = cc_packing_to_json (packing, &m);
      cli_print_json (root);
    }
  else
    print_text (packing, &m);
  rc = CLI_EXIT_OK;
out:
  g_free (o.xyz);
  g_free (o.spheres);
  return rc;
}
