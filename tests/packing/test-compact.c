/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Compaction: densification of plastic and elastic powders against the
 * Helle–Fischmeister–Arzt model, force balance at the pressing pressure,
 * contacts made by deformation, hot pressing, and unloading to the stack
 * pressure.
 */
#include "packing-test-util.h"

#include <string.h>

typedef struct {
  CcPacking        *k;
  CcMicrostructure  m;
} Pressed;

static Pressed
press (const char *spec,
       guint       n,
       double      pressure,
       double      stack,
       double      temperature)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcPackingParams) p = cc_packing_params_from_spheres (spec, n, 3, &error);
  Pressed out;

  g_assert_no_error (error);
  p->pressure_MPa = pressure;
  p->stack_pressure_MPa = stack;
  p->temperature_C = temperature;
  p->threads = 1;
  out.k = cc_packing_run (p, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (cc_packing_analyze (out.k, &out.m, NULL, &error));
  return out;
}

/* Relative density of a pressed plastic powder in the first stage of the
 * Helle, Easterling and Ashby (1985) / Fischmeister–Arzt model:
 * P = 3 σ_y D² (D - D0) / (1 - D0), with 3 σ_y the hardness H. */
static double
helle_density (double pressure,
               double hardness,
               double d0)
{
  double lo = d0, hi = 1.0;

  for (guint i = 0; i < 100; i++)
    {
      double d = 0.5 * (lo + hi);

      if (d * d * (d - d0) / (1 - d0) * hardness < pressure)
        lo = d;
      else
        hi = d;
    }
  return 0.5 * (lo + hi);
}

static void
test_plastic_powder (void)
{
  /* the generic electrolyte: E = 20 GPa, plastic, H = E/20 = 1 GPa */
  Pressed lo = press ("se:2:1:0.2", 1500, 100, 0, 25);
  Pressed hi = press ("se:2:1:0.2", 1500, 375, 0, 25);
  double d0, b0, b100 = lo.m.bulk_solid_fraction, b375 = hi.m.bulk_solid_fraction;

  cc_packing_get_jammed (hi.k, NULL, &b0, NULL, NULL);
  cc_packing_get_jammed (hi.k, &d0, NULL, NULL, NULL);
  g_test_message ("plastic powder: jammed %.3f, 100 MPa %.3f (Helle %.3f), 375 MPa %.3f (Helle %.3f)",
                  b0, b100, helle_density (100, 1000, b0), b375, helle_density (375, 1000, b0));
  g_assert_cmpfloat (b100, >, b0 + 0.05);
  g_assert_cmpfloat (b375, >, b100 + 0.05);
  g_assert_cmpfloat (fabs (b100 - helle_density (100, 1000, b0)), <, 0.06);
  g_assert_cmpfloat (fabs (b375 - helle_density (375, 1000, b0)), <, 0.06);
  /* the walls carry the pressing pressure */
  g_assert_cmpfloat (fabs (cc_packing_get_pressure_reached (hi.k) / 375 - 1), <, 0.011);
  /* material is conserved: the solid fraction is the drawn volume over the
   * pressed box */
  g_assert_cmpfloat (hi.m.solid_fraction, >, d0);
  g_assert_cmpfloat (hi.m.solid_fraction, <, 1.0);
  /* a composite never conducts better than its phase laid out in parallel
   * (Wiener bound): τ >= 1, and pressing lowers it */
  g_test_message ("tortuosity: %.2f at 100 MPa, %.2f at 375 MPa", lo.m.tortuosity_ion, hi.m.tortuosity_ion);
  g_assert_cmpfloat (lo.m.tortuosity_ion, >=, 1.0);
  g_assert_cmpfloat (hi.m.tortuosity_ion, >=, 1.0);
  g_assert_cmpfloat (hi.m.tortuosity_ion, <, lo.m.tortuosity_ion);
  cc_packing_free (lo.k);
  cc_packing_free (hi.k);
}

/* A stiff oxide (E 150 GPa, hardness 10 GPa) hardly densifies at 375 MPa:
 * its contacts stay elastic and small. */
static void
test_elastic_powder (void)
{
  Pressed oxide = press ("cam:5:1:0.2", 1500, 375, 0, 25);
  double b0;
  gsize nc, plastic = 0;
  const CcContact *c = cc_packing_get_contacts (oxide.k, &nc);

  cc_packing_get_jammed (oxide.k, NULL, &b0, NULL, NULL);
  g_test_message ("elastic powder: jammed %.3f, 375 MPa %.3f", b0, oxide.m.bulk_solid_fraction);
  g_assert_cmpfloat (oxide.m.bulk_solid_fraction, <, b0 + 0.10);
  g_assert_cmpfloat (oxide.m.bulk_solid_fraction, <, 0.78);
  for (gsize q = 0; q < nc; q++)
    plastic += (c[q].flags & CC_CONTACT_PLASTIC) != 0;
  g_assert_cmpuint (plastic, ==, 0);
  cc_packing_free (oxide.k);
}

/* The trap of hard-sphere mixtures: most small spheres are loose. Pressing
 * deforms the soft phase and gives them contacts; the analysis says how many
 * contacts came from deformation. After unloading to zero stack pressure the
 * elastic oxide–oxide contacts close to points while the plastic junctions
 * of the electrolyte stay. */
static void
test_deformation_contacts (void)
{
  Pressed loose = press ("cam:6:0.7:0.2,se:2:0.3:0.2", 2000, 0, 0, 25);
  Pressed pressed = press ("cam:6:0.7:0.2,se:2:0.3:0.2", 2000, 375, 0, 25);
  gsize nc;
  const CcContact *c = cc_packing_get_contacts (pressed.k, &nc);
  const CcParticle *p = cc_packing_get_particles (pressed.k, NULL);
  guint cam_cam = 0, cam_cam_open = 0, cam_se = 0, cam_se_plastic = 0;
  double z_loose = cc_packing_get_coordination (loose.k, 1, -1);
  double z_pressed = cc_packing_get_coordination (pressed.k, 1, -1);

  g_test_message ("electrolyte contacts per particle: %.2f hard-sphere, %.2f pressed; "
                  "%u of %u contacts from deformation", z_loose, z_pressed,
                  pressed.m.deformation_contacts, pressed.m.total_contacts);
  g_assert_cmpuint (loose.m.deformation_contacts, ==, 0);
  g_assert_cmpuint (pressed.m.deformation_contacts, >, pressed.m.total_contacts / 4);
  g_assert_cmpfloat (z_pressed, >, z_loose + 2);
  for (gsize q = 0; q < nc; q++)
    {
      if (c[q].j >= 2000)
        continue;
      if (p[c[q].i].role == CC_ROLE_CAM && p[c[q].j].role == CC_ROLE_CAM)
        {
          cam_cam++;
          cam_cam_open += c[q].radius_um == 0 && !(c[q].flags & CC_CONTACT_PLASTIC);
        }
      else if (p[c[q].i].role != p[c[q].j].role)
        {
          cam_se++;
          cam_se_plastic += (c[q].flags & CC_CONTACT_PLASTIC) && c[q].radius_um > 0;
        }
    }
  g_assert_cmpuint (cam_cam, >, 0);
  g_assert_cmpuint (cam_cam_open, >, 0.9 * cam_cam);
  g_assert_cmpuint (cam_se_plastic, >, 0.5 * cam_se);
  /* pressing turns the electrolyte into a conductor with contact area */
  g_assert_cmpfloat (loose.m.sigma_ion_eff_S_per_cm, ==, 0);
  g_assert_cmpfloat (pressed.m.sigma_ion_eff_S_per_cm, >, 0);
  g_assert_cmpfloat (pressed.m.cam_se_contact_area_fraction, >, 0.02);
  cc_packing_free (loose.k);
  cc_packing_free (pressed.k);
}

/* Hot pressing softens the plastic phase: denser at the same pressure. */
static void
test_wiener_bound (void)
{
  /* a soft electrolyte hot-pressed hard: spheres far beyond the sphere
   * picture, contacts capped at the particle surface, still τ >= 1 */
  Pressed p = press ("cam:5:0.5:0.2,se:2:0.5:0.2", 1500, 1000, 50, 150);

  g_test_message ("hard-pressed: solid fraction %.3f, tau %.2f, CAM-SE area fraction %.2f",
                  p.m.solid_fraction, p.m.tortuosity_ion, p.m.cam_se_contact_area_fraction);
  g_assert_cmpfloat (p.m.tortuosity_ion, >=, 1.0);
  g_assert_cmpfloat (p.m.cam_se_contact_area_fraction, <=, 1.0);
  cc_packing_free (p.k);
}

static void
test_hot_press (void)
{
  Pressed cold = press ("cam:5:0.6:0.2,se:2:0.4:0.2", 1500, 200, 0, 25);
  Pressed hot = press ("cam:5:0.6:0.2,se:2:0.4:0.2", 1500, 200, 0, 200);

  g_test_message ("200 MPa: %.3f at 25 C, %.3f at 200 C", cold.m.solid_fraction, hot.m.solid_fraction);
  g_assert_cmpfloat (hot.m.solid_fraction, >, cold.m.solid_fraction + 0.02);
  cc_packing_free (cold.k);
  cc_packing_free (hot.k);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/packing/compaction/plastic-powder", test_plastic_powder);
  g_test_add_func ("/packing/compaction/elastic-powder", test_elastic_powder);
  g_test_add_func ("/packing/compaction/deformation-contacts", test_deformation_contacts);
  g_test_add_func ("/packing/compaction/hot-press", test_hot_press);
  g_test_add_func ("/packing/compaction/wiener-bound", test_wiener_bound);
  return g_test_run ();
}
