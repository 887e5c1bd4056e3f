/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The agglomerate-shell model (cc-agglomerate.c): its closed form and limits,
 * and the effective-medium estimate applying it to the electrolyte's reach
 * only.
 */
#include <glib.h>
#include <math.h>

#include "cc-agglomerate.h"
#include "cc-effective-medium.h"
#include "cc-preset.h"

static void
test_shell_fraction (void)
{
  /* Dispersed, or an agglomerate no thicker than two primaries: all reached. */
  g_assert_cmpfloat (cc_agglomerate_reached_fraction (5, 0), ==, 1);
  g_assert_cmpfloat (cc_agglomerate_reached_fraction (5, -3), ==, 1);
  g_assert_cmpfloat (cc_agglomerate_reached_fraction (5, NAN), ==, 1);
  g_assert_cmpfloat (cc_agglomerate_reached_fraction (5, 10), ==, 1);
  g_assert_cmpfloat (cc_agglomerate_reached_fraction (0, 50), ==, 1);
  /* A shell one primary deep: 1 - (1 - 2d/D)^3. */
  g_assert_cmpfloat_with_epsilon (cc_agglomerate_reached_fraction (5, 50), 1 - 0.8 * 0.8 * 0.8, 1e-12);
  g_assert_cmpfloat_with_epsilon (cc_agglomerate_reached_fraction (1, 4), 1 - 0.125, 1e-12);
  /* Large agglomerates: the shell's share tends to its area times its depth, 6d/D. */
  g_assert_cmpfloat (fabs (cc_agglomerate_reached_fraction (1, 3000) / (6.0 / 3000) - 1), <, 0.002);
  /* Larger agglomerates leave more inside; larger primaries reach deeper. */
  for (double D = 11; D < 500; D *= 1.3)
    {
      g_assert_cmpfloat (cc_agglomerate_reached_fraction (5, D * 1.3), <, cc_agglomerate_reached_fraction (5, D));
      g_assert_cmpfloat (cc_agglomerate_reached_fraction (4, D), <, cc_agglomerate_reached_fraction (5, D));
    }
}

/* The effective-medium estimate multiplies the ionic reach (and so the
 * active fraction) by the shell fraction, reports the rest as the interior,
 * and leaves the electronic reach alone. */
static void
test_effective_medium (void)
{
  CcMaterialDb *db = cc_material_db_get_default ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CcDesign) d = cc_design_load_from_argument ("preset:tis2-na3ps4", &error);
  CcMicrostructure agg, disp;
  CcComponent *cam;
  double share;

  if (d == NULL)
    {
      g_test_skip (error->message);
      return;
    }
  cam = g_ptr_array_index (d->components, 0);
  cam->agglomerate_d_um = 40;
  share = cc_agglomerate_reached_fraction (cam->d50_um, 40);
  g_assert_true (cc_microstructure_estimate_effective_medium (d, db, &agg, &error));
  cam->agglomerate_d_um = 0;
  g_assert_true (cc_microstructure_estimate_effective_medium (d, db, &disp, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (disp.active_cam_fraction, >, 0.5);
  g_assert_cmpfloat_with_epsilon (agg.ionically_connected_cam_fraction, share * disp.ionically_connected_cam_fraction, 1e-12);
  g_assert_cmpfloat_with_epsilon (agg.active_cam_fraction, share * disp.active_cam_fraction, 1e-12);
  g_assert_cmpfloat (agg.electronically_connected_cam_fraction, ==, disp.electronically_connected_cam_fraction);
  g_assert_cmpfloat_with_epsilon (agg.agglomerate_interior_cam_fraction, 1 - share, 1e-12);
  g_assert_cmpfloat (disp.agglomerate_interior_cam_fraction, ==, 0);
}

/* An ion-conducting coating carries ions from primary to primary into the
 * agglomerate: the agglomerate no longer limits the reach. A coating too
 * thin to connect the particles, or none, leaves it. */
static void
test_coating_reaches_inside (void)
{
  CcMaterialDb *db = cc_material_db_get_default ();
  g_autoptr(CcComponent) c = cc_component_new ("nacro2", 0.7, 5.0, 0.35);
  g_autoptr(GError) error = NULL;
  g_autoptr(CcDesign) d = cc_design_new_default ();
  CcComponent *cam = g_ptr_array_index (d->components, 0);
  CcMicrostructure m;

  g_assert_cmpfloat (cc_agglomerate_effective_d_um (c, db), ==, 0);
  c->agglomerate_d_um = 40;
  g_assert_cmpfloat (cc_agglomerate_effective_d_um (c, db), ==, 40);
  c->coating_id = g_strdup ("nyzc");
  c->coating_thickness_nm = 20;
  g_assert_cmpfloat (cc_agglomerate_effective_d_um (c, db), ==, 0);
  c->coating_thickness_nm = 2;
  g_assert_cmpfloat (cc_agglomerate_effective_d_um (c, db), ==, 40);

  /* The default design's NaCrO2 carries a NYZC coating. */
  g_assert_cmpstr (cam->coating_id, ==, "nyzc");
  cam->agglomerate_d_um = 40;
  g_assert_true (cc_microstructure_estimate_effective_medium (d, db, &m, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (m.agglomerate_interior_cam_fraction, ==, 0);
  g_clear_pointer (&cam->coating_id, g_free);
  cam->coating_thickness_nm = 0;
  g_assert_true (cc_microstructure_estimate_effective_medium (d, db, &m, &error));
  g_assert_cmpfloat (m.agglomerate_interior_cam_fraction, >, 0.3);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/agglomerate/shell-fraction", test_shell_fraction);
  g_test_add_func ("/agglomerate/effective-medium", test_effective_medium);
  g_test_add_func ("/agglomerate/coating-reaches-inside", test_coating_reaches_inside);
  return g_test_run ();
}
