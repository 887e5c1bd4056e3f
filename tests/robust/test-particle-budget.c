/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A particle budget given as a simulation option (simulate --particles,
 * plot --particles, the app's quick previews) packs exactly what the same
 * budget written into the design packs: the coarse-graining of fine
 * components and the box are fitted to it. Found while making the valgrind
 * test affordable: the option used to replace the particle count after the
 * box was sized for the design's 10 000, so every budget below ~5000 was
 * refused as "too few for the size distribution" and larger ones packed a
 * different microstructure than `pack --particles`.
 */
#include <glib.h>

#include "cc-preset.h"
#include "cc-simulation.h"

#define BUDGET 1000

static const char *presets[] = {
  "preset:nacro2-nyzc-na3ps4",
  "preset:nvp-nzsp-cosintered",
  "preset:fef3-yu-acsnano-2024",
};

static CcSimulation *
run (const CcDesign *design,
     guint           particles)
{
  CcSimulation *sim = cc_simulation_new (cc_material_db_get_default ());
  g_autoptr(GError) error = NULL;
  CcSimulationOptions options;

  cc_simulation_options_init (&options);
  options.particles = particles;
  options.threads = 1;         /* one thread: bit-identical packings */
  options.skip_cell = TRUE;    /* the packing is what is compared */
  if (!cc_simulation_run (sim, design, &options, NULL, NULL, NULL, &error))
    g_error ("%s (particles option %u): %s", design->name, particles, error->message);
  return sim;
}

static void
test_option_equals_design (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcDesign) design = cc_design_load_from_argument (data, &error);
  g_autoptr(CcDesign) sized = NULL;
  g_autoptr(CcSimulation) by_option = NULL;
  g_autoptr(CcSimulation) by_design = NULL;
  const CcMicrostructure *a, *b;

  g_assert_no_error (error);
  g_assert_cmpuint (design->simulation.particles, >, BUDGET);
  sized = cc_design_copy (design);
  sized->simulation.particles = BUDGET;

  by_option = run (design, BUDGET);
  by_design = run (sized, 0);
  a = cc_simulation_get_microstructure (by_option);
  b = cc_simulation_get_microstructure (by_design);
  g_assert_cmpuint (a->particles, ==, BUDGET);
  g_assert_cmpuint (b->particles, ==, BUDGET);
  g_assert_cmpfloat (a->box_x_um, ==, b->box_x_um);
  g_assert_cmpfloat (a->box_y_um, ==, b->box_y_um);
  g_assert_cmpfloat (a->thickness_um, ==, b->thickness_um);
  g_assert_cmpfloat (a->solid_fraction, ==, b->solid_fraction);
  g_assert_cmpfloat (a->cam_se_contact_area_fraction, ==, b->cam_se_contact_area_fraction);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (presets); i++)
    {
      g_autofree char *path = g_strdup_printf ("/robust/particle-budget/%s", presets[i] + 7);

      g_test_add_data_func (path, presets[i], test_option_equals_design);
    }
  return g_test_run ();
}
