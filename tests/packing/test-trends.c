/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Trends over several random packings: more solid electrolyte never lowers
 * the ionic percolation probability, more carbon never lowers the electronic
 * conductivity, on average.
 */
#include "packing-test-util.h"

#define SEEDS 5

static void
test_more_electrolyte (void)
{
  const double fractions[] = { 0.15, 0.22, 0.30, 0.40 };
  double last = -1, last_connected = -1;

  for (guint f = 0; f < G_N_ELEMENTS (fractions); f++)
    {
      g_autofree char *spec = g_strdup_printf ("cam:5:%g:0.2,se:2:%g:0.2", 1 - fractions[f], fractions[f]);
      double probability, connected = 0;
      guint percolating = 0;

      for (guint s = 0; s < SEEDS; s++)
        {
          g_autoptr(CcPacking) k = pack_spheres (spec, 1200, 100 + s, 0);
          CcMicrostructure m;

          g_assert_true (cc_packing_analyze (k, &m, NULL, NULL));
          percolating += m.ionic_percolation;
          connected += m.ionically_connected_cam_fraction / SEEDS;
        }
      probability = (double) percolating / SEEDS;
      g_test_message ("electrolyte %.2f: percolation probability %.2f, CAM reached by ions %.2f",
                      fractions[f], probability, connected);
      g_assert_cmpfloat (probability, >=, last);
      g_assert_cmpfloat (connected, >=, last_connected);
      last = probability;
      last_connected = connected;
      if (f == 0)
        g_assert_cmpfloat (probability, <, 0.5);
    }
  g_assert_cmpfloat (last, ==, 1.0);
}

static void
test_more_carbon (void)
{
  const double fractions[] = { 0.10, 0.20, 0.30 };
  double last = -1;

  for (guint f = 0; f < G_N_ELEMENTS (fractions); f++)
    {
      g_autofree char *spec = g_strdup_printf ("cam:5:0.5,se:2:%g,carbon:1.2:%g", 0.5 - fractions[f], fractions[f]);
      double sigma = 0;

      for (guint s = 0; s < 3; s++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(CcPackingParams) p = cc_packing_params_from_spheres (spec, 1200, 200 + s, &error);
          g_autoptr(CcPacking) k = NULL;
          CcMicrostructure m;

          g_assert_no_error (error);
          p->pressure_MPa = 200;
          p->stack_pressure_MPa = 50;
          p->threads = 1;
          k = cc_packing_run (p, NULL, NULL, &error);
          g_assert_no_error (error);
          g_assert_true (cc_packing_analyze (k, &m, NULL, NULL));
          sigma += m.sigma_e_eff_S_per_cm / 3;
        }
      g_test_message ("carbon %.2f: mean sigma_e %.3g S/cm", fractions[f], sigma);
      g_assert_cmpfloat (sigma, >=, last);
      last = sigma;
    }
  g_assert_cmpfloat (last, >, 0.05);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/packing/trends/more-electrolyte-percolates", test_more_electrolyte);
  g_test_add_func ("/packing/trends/more-carbon-conducts", test_more_carbon);
  return g_test_run ();
}
