/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The resistor-network solver against analytic circuits, and percolation,
 * CAM states and conductivity on hand-built sphere structures.
 */
#include "cc-packing.h"
#include "cc-packing-resistor.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

/* ---- resistor networks ---------------------------------------------- */

static void
solve (CcResistorNetwork *net,
       double            *v,
       CcResistorResult  *res)
{
  g_assert_true (cc_resistor_network_solve (net, v, 1e-12, res));
  /* what enters at the top leaves at the bottom */
  g_assert_cmpfloat_with_epsilon (res->current_top, res->current_bottom, 1e-9 * fabs (res->current_top));
}

/* n nodes in series, g between neighbours and to each terminal:
 * n + 1 equal resistors, I = g / (n + 1), potentials fall linearly. */
static void
test_chain (void)
{
  const guint n = 50;
  const double g = 2.5;
  CcResistorNetwork net;
  CcResistorResult res;
  double v[50];

  cc_resistor_network_init (&net, n);
  for (guint i = 0; i + 1 < n; i++)
    cc_resistor_network_add (&net, i, i + 1, g);
  net.g_top[0] = g;
  net.g_bottom[n - 1] = g;
  solve (&net, v, &res);
  g_assert_cmpfloat_with_epsilon (res.current_top, g / (n + 1), 1e-10);
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat_with_epsilon (v[i], 1.0 - (i + 1.0) / (n + 1), 1e-9);
  cc_resistor_network_clear (&net);
}

/* m chains of different lengths side by side: conductances add. */
static void
test_parallel_bundle (void)
{
  const guint lengths[] = { 1, 3, 7, 20 };
  const double g[] = { 1.0, 0.5, 3.0, 1e-3 };
  CcResistorNetwork net;
  CcResistorResult res;
  guint n = 0, at = 0;
  double expected = 0;

  for (guint c = 0; c < G_N_ELEMENTS (lengths); c++)
    n += lengths[c];
  cc_resistor_network_init (&net, n);
  for (guint c = 0; c < G_N_ELEMENTS (lengths); c++)
    {
      for (guint i = 0; i + 1 < lengths[c]; i++)
        cc_resistor_network_add (&net, at + i, at + i + 1, g[c]);
      net.g_top[at] = g[c];
      net.g_bottom[at + lengths[c] - 1] = g[c];
      expected += g[c] / (lengths[c] + 1);
      at += lengths[c];
    }
  solve (&net, NULL, &res);
  g_assert_cmpfloat_with_epsilon (res.current_top, expected, 1e-10 * expected);
  cc_resistor_network_clear (&net);
}

/* An L×L×L cubic lattice of unit resistors, periodic across, with the top
 * and bottom layers tied to the terminals by unit resistors: by symmetry no
 * current flows sideways, so it is L² chains of L + 1 resistors. */
static void
test_cubic_lattice (void)
{
  const guint L = 12;
  CcResistorNetwork net;
  CcResistorResult res;
  g_autofree double *v = g_new (double, L * L * L);

  cc_resistor_network_init (&net, L * L * L);
  for (guint z = 0; z < L; z++)
    for (guint y = 0; y < L; y++)
      for (guint x = 0; x < L; x++)
        {
          guint i = (z * L + y) * L + x;

          cc_resistor_network_add (&net, i, (z * L + y) * L + (x + 1) % L, 1.0);
          cc_resistor_network_add (&net, i, (z * L + (y + 1) % L) * L + x, 1.0);
          if (z + 1 < L)
            cc_resistor_network_add (&net, i, i + L * L, 1.0);
          if (z == 0)
            net.g_top[i] = 1.0;
          if (z == L - 1)
            net.g_bottom[i] = 1.0;
        }
  solve (&net, v, &res);
  g_assert_cmpfloat_with_epsilon (res.current_top, (double) L * L / (L + 1), 1e-8);
  for (guint z = 0; z < L; z++)
    g_assert_cmpfloat_with_epsilon (v[(z * L + 5) * L + 7], 1.0 - (z + 1.0) / (L + 1), 1e-8);
  cc_resistor_network_clear (&net);
}

/* An unbalanced Wheatstone bridge: two nodes a, b; top–a R1, a–bottom R3,
 * top–b R2, b–bottom R4, a–b R5. Nodal analysis by hand (Cramer). */
static void
test_wheatstone (void)
{
  const double g1 = 1.0, g2 = 0.5, g3 = 0.25, g4 = 2.0, g5 = 0.75;
  double a11 = g1 + g3 + g5, a12 = -g5, a22 = g2 + g4 + g5, det, va, vb, current;
  CcResistorNetwork net;
  CcResistorResult res;
  double v[2];

  det = a11 * a22 - a12 * a12;
  va = (g1 * a22 - a12 * g2) / det;
  vb = (a11 * g2 - a12 * g1) / det;
  current = g1 * (1 - va) + g2 * (1 - vb);
  cc_resistor_network_init (&net, 2);
  net.g_top[0] = g1;
  net.g_bottom[0] = g3;
  net.g_top[1] = g2;
  net.g_bottom[1] = g4;
  cc_resistor_network_add (&net, 0, 1, g5);
  solve (&net, v, &res);
  g_assert_cmpfloat_with_epsilon (v[0], va, 1e-12);
  g_assert_cmpfloat_with_epsilon (v[1], vb, 1e-12);
  g_assert_cmpfloat_with_epsilon (res.current_top, current, 1e-12);
  cc_resistor_network_clear (&net);
}

/* A cluster that touches no terminal has no potential: it is left out and
 * changes nothing. */
static void
test_floating_cluster (void)
{
  CcResistorNetwork net;
  CcResistorResult res;

  cc_resistor_network_init (&net, 5);
  cc_resistor_network_add (&net, 0, 1, 1.0);
  net.g_top[0] = 1.0;
  net.g_bottom[1] = 1.0;
  cc_resistor_network_add (&net, 2, 3, 1.0);
  cc_resistor_network_add (&net, 3, 4, 1.0);
  solve (&net, NULL, &res);
  g_assert_cmpuint (res.solved_nodes, ==, 2);
  g_assert_cmpfloat_with_epsilon (res.current_top, 1.0 / 3.0, 1e-12);
  cc_resistor_network_clear (&net);
}

/* ---- hand-built sphere structures ----------------------------------- */

enum { SE, CAM, CARBON };

static CcPackingParams *
three_species (void)
{
  g_autoptr(GError) error = NULL;
  CcPackingParams *p = cc_packing_params_from_spheres ("se:2:0.4,cam:2:0.4,carbon:2:0.2", 100, 1, &error);

  g_assert_no_error (error);
  p->species[SE].sigma_ion_S_cm = 1e-3;
  p->species[CARBON].sigma_e_S_cm = 10;
  return p;
}

typedef struct {
  GArray *pos;
  GArray *rad;
  GArray *species;
} Builder;

static void
add (Builder *b,
     double   x,
     double   y,
     double   z,
     double   r,
     guint16  species)
{
  double p[3] = { x, y, z };

  g_array_append_vals (b->pos, p, 3);
  g_array_append_val (b->rad, r);
  g_array_append_val (b->species, species);
}

static Builder
builder_new (void)
{
  Builder b = { g_array_new (FALSE, FALSE, sizeof (double)), g_array_new (FALSE, FALSE, sizeof (double)),
                g_array_new (FALSE, FALSE, sizeof (guint16)) };
  return b;
}

static CcPacking *
builder_finish (Builder               *b,
                const CcPackingParams *p,
                const double           box[3])
{
  g_autoptr(GError) error = NULL;
  CcPacking *k = cc_packing_new_from_spheres (p, b->rad->len, (double *) b->pos->data,
                                              (double *) b->rad->data, (guint16 *) b->species->data, box, &error);

  g_assert_no_error (error);
  g_array_unref (b->pos);
  g_array_unref (b->rad);
  g_array_unref (b->species);
  return k;
}

/* A column of n spheres of radius r at (x, y), each overlapping the next
 * and the first and last the walls, so that every contact circle has
 * radius a; returns the height it spans. */
static double
column (Builder *b,
        double   x,
        double   y,
        guint    n,
        double   r,
        double   a,
        guint16  species)
{
  double c = sqrt (r * r - a * a);

  for (guint q = 0; q < n; q++)
    add (b, x, y, c + 2 * q * c, r, species);
  return 2 * n * c;
}

/* An electrolyte column spans the box; the ionic network percolates, the
 * electronic one (no carbon) does not. A gap in the column breaks it. */
static void
test_percolation_column (void)
{
  g_autoptr(CcPackingParams) p = three_species ();
  CcMicrostructure m;

  {
    Builder b = builder_new ();
    g_autoptr(CcPacking) k = NULL;
    double h = column (&b, 5, 5, 10, 1.0, 0.3, SE);

    k = builder_finish (&b, p, (double[3]) { 10, 10, h });
    g_assert_true (cc_packing_analyze (k, &m, NULL, NULL));
    g_assert_true (m.ionic_percolation);
    g_assert_false (m.electronic_percolation);
    g_assert_cmpfloat (m.sigma_ion_eff_S_per_cm, >, 0);
    g_assert_cmpfloat (m.sigma_e_eff_S_per_cm, ==, 0);
    g_assert_true (isinf (m.tortuosity_e));
  }
  {
    /* the same column with one sphere moved 1e-3 r sideways out of touch:
     * a gap of 3e-4 relative is beyond the contact tolerance */
    Builder b = builder_new ();
    g_autoptr(CcPacking) k = NULL;

    add (&b, 5, 5, 1, 1, SE);
    add (&b, 5, 5, 3.0006, 1, SE);   /* gap 6e-4 µm = 3e-4 of r_i + r_j */
    add (&b, 5, 5, 5.0006, 1, SE);
    for (double z = 7.0006; z <= 19.0006; z += 2)
      add (&b, 5, 5, MIN (z, 19.0), 1, SE);
    k = builder_finish (&b, p, (double[3]) { 10, 10, 20 });
    g_assert_true (cc_packing_analyze (k, &m, NULL, NULL));
    g_assert_false (m.ionic_percolation);
    g_assert_cmpfloat (m.sigma_ion_eff_S_per_cm, ==, 0);
  }
  {
    /* a gap of 5e-5 relative is within it: touching (a point contact) */
    Builder b = builder_new ();
    g_autoptr(CcPacking) k = NULL;

    add (&b, 5, 5, 1, 1, SE);
    add (&b, 5, 5, 3.0001, 1, SE);
    k = builder_finish (&b, p, (double[3]) { 10, 10, 4.0001 });
    g_assert_true (cc_packing_analyze (k, &m, NULL, NULL));
    g_assert_true (m.ionic_percolation);
    /* touching hard spheres carry no current: the contact has no area */
    g_assert_cmpfloat (m.sigma_ion_eff_S_per_cm, ==, 0);
  }
}

/* Contacts across the periodic boundary count: two electrolyte spheres, one
 * on each wall, touch only through x = 0. */
static void
test_percolation_periodic (void)
{
  g_autoptr(CcPackingParams) p = three_species ();
  Builder b = builder_new ();
  g_autoptr(CcPacking) k = NULL;
  CcMicrostructure m;

  add (&b, 9.7, 5, 0.9, 1.0, SE);
  add (&b, 0.7, 5, 2.5, 1.0, SE);
  k = builder_finish (&b, p, (double[3]) { 10, 10, 3.4 });
  g_assert_true (cc_packing_analyze (k, &m, NULL, NULL));
  g_assert_true (m.ionic_percolation);
  g_assert_cmpfloat (m.sigma_ion_eff_S_per_cm, >, 0);
}

/* Four CAM particles, one in each state. */
static void
test_cam_states (void)
{
  g_autoptr(CcPackingParams) p = three_species ();
  const double a = 0.3, r = 1.0, d = 2 * sqrt (r * r - a * a);
  Builder b = builder_new ();
  g_autoptr(CcPacking) k = NULL;
  const CcParticle *particles;
  CcMicrostructure m;
  guint n_se = 10, n_c = 10, n;
  double h;

  /* an electrolyte column at x = 5 and a carbon column at x = 8.6, both
   * from wall to wall, too far apart to touch each other */
  h = column (&b, 5, 5, n_se, r, a, SE);
  column (&b, 8.6, 5, n_c, r, a, CARBON);
  /* CAM 0 between them touches both: active */
  add (&b, 6.8, 5, r + 5 * d, r, CAM);
  /* CAM 1 touches only the electrolyte: electronically isolated */
  add (&b, 3.2, 5, r + 5 * d, r, CAM);
  /* CAM 2 touches only the carbon: ionically isolated */
  add (&b, 10.4, 5, r + 5 * d, r, CAM);
  /* CAM 3 floats: isolated */
  add (&b, 30, 30, 10, r, CAM);
  k = builder_finish (&b, p, (double[3]) { 40, 40, h });
  g_assert_true (cc_packing_analyze (k, &m, NULL, NULL));
  particles = cc_packing_get_particles (k, &n);
  g_assert_cmpuint (n, ==, n_se + n_c + 4);
  g_assert_cmpuint (particles[n_se + n_c + 0].state, ==, CC_PARTICLE_STATE_ACTIVE);
  g_assert_cmpuint (particles[n_se + n_c + 1].state, ==, CC_PARTICLE_STATE_ELECTRONICALLY_ISOLATED);
  g_assert_cmpuint (particles[n_se + n_c + 2].state, ==, CC_PARTICLE_STATE_IONICALLY_ISOLATED);
  g_assert_cmpuint (particles[n_se + n_c + 3].state, ==, CC_PARTICLE_STATE_ISOLATED);
  g_assert_cmpuint (particles[0].state, ==, CC_PARTICLE_STATE_NONE);
  /* equal volumes: one of four CAM particles is active */
  g_assert_cmpfloat_with_epsilon (m.active_cam_fraction, 0.25, 1e-12);
  g_assert_cmpfloat_with_epsilon (m.ionically_connected_cam_fraction, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (m.electronically_connected_cam_fraction, 0.5, 1e-12);
  g_assert_true (m.ionic_percolation);
  g_assert_true (m.electronic_percolation);
  g_assert_cmpuint (m.n_size_classes, ==, 1);
  g_assert_cmpfloat_with_epsilon (m.size_class_radius_um[0], r, 1e-12);
}

/* Half of a contact as the transport model defines it (cc-packing-transport.c)
 * for a sphere with at most 6 contacts: constriction plus the bulk through
 * the mean cross-section min (πr², V / 2l). */
static double
half_resistance (double sigma,
                 double r,
                 double a,
                 double l)
{
  double area = MIN (G_PI * r * r, 4.0 / 3.0 * G_PI * r * r * r / (2 * l));

  return pow (1 - a / r, 1.5) / (4 * sigma * a * 1e-4) + l / (sigma * area * 1e-4);
}

/* Columns of spheres on a square lattice: columns in parallel, in each the
 * contacts in series; σ_eff = H / (A R). Neighbouring columns touch
 * sideways (periodic, six contacts per sphere) but carry no current by
 * symmetry. */
static void
test_conductivity_lattice (void)
{
  g_autoptr(CcPackingParams) p = three_species ();
  const double r = 1.0, a = 0.2, sigma = 1e-3;
  const double d = 2 * sqrt (r * r - a * a);
  const guint cols = 4, per_column = 8;
  double h = (per_column - 1) * d + 2 * sqrt (r * r - a * a), width = cols * d;
  double box[3] = { width, width, h };
  Builder b = builder_new ();
  g_autoptr(CcPacking) k = NULL;
  CcMicrostructure m;
  double r_column, expected;

  for (guint i = 0; i < cols; i++)
    for (guint j = 0; j < cols; j++)
      for (guint q = 0; q < per_column; q++)
        add (&b, (i + 0.5) * d, (j + 0.5) * d, sqrt (r * r - a * a) + q * d, r, SE);
  k = builder_finish (&b, p, box);
  g_assert_true (cc_packing_analyze (k, &m, NULL, NULL));
  /* per column: two wall contacts of radius a at distance sqrt(r² - a²) and
   * per_column - 1 sphere contacts, two halves each at distance d/2 */
  r_column = 2 * half_resistance (sigma, r, a, sqrt (r * r - a * a)) +
             (per_column - 1) * 2 * half_resistance (sigma, r, a, d / 2);
  expected = (h * 1e-4) / ((width * width * 1e-8) * r_column / (cols * cols));
  g_test_message ("lattice: sigma_eff = %.6g S/cm, expected %.6g", m.sigma_ion_eff_S_per_cm, expected);
  g_assert_cmpfloat_with_epsilon (m.sigma_ion_eff_S_per_cm, expected, 1e-6 * expected);
  /* τ = ε σ / σ_eff with ε the electrolyte's volume fraction */
  g_assert_cmpfloat_with_epsilon (m.tortuosity_ion,
                                  m.se_volume_fraction * sigma / m.sigma_ion_eff_S_per_cm, 1e-9);
}

/* For a small contact spot the constriction dominates and one contact of two
 * equal spheres tends to Holm's 1/(2 σ a). */
static void
test_conductivity_holm_limit (void)
{
  g_autoptr(CcPackingParams) p = three_species ();
  const double r = 1.0, a = 0.01, sigma = 1e-3;
  const double d = 2 * sqrt (r * r - a * a);
  Builder b = builder_new ();
  g_autoptr(CcPacking) k = NULL;
  CcMicrostructure m;
  double h = d + 2 * sqrt (r * r - a * a), resistance, holm;

  add (&b, 5, 5, sqrt (r * r - a * a), r, SE);
  add (&b, 5, 5, sqrt (r * r - a * a) + d, r, SE);
  k = builder_finish (&b, p, (double[3]) { 10, 10, h });
  g_assert_true (cc_packing_analyze (k, &m, NULL, NULL));
  /* three contacts of radius a in series: two walls (one half each) and one
   * pair (two halves) */
  resistance = h * 1e-4 / (m.sigma_ion_eff_S_per_cm * 100 * 1e-8);
  holm = 1.0 / (4 * sigma * a * 1e-4) * 2 + 1.0 / (2 * sigma * a * 1e-4);
  g_assert_cmpfloat (fabs (resistance / holm - 1), <, 0.03);
}

/* The analysis as JSON has every key the issue names, and extended XYZ has
 * one line per particle with species, position, radius, state and role,
 * with '.' decimals whatever the locale. */
static void
test_output (void)
{
  static const char * const keys[] = {
    "solid_fraction", "particles", "seconds", "max_overlap_relative", "active_cam_fraction",
    "ionically_connected_cam_fraction", "electronically_connected_cam_fraction", "ionic_percolation",
    "electronic_percolation", "sigma_ion_eff_S_per_cm", "sigma_e_eff_S_per_cm", "tortuosity_ion",
    "tortuosity_e", "cam_se_contact_area_fraction", "bulk_solid_fraction", "deformation_contacts",
  };
  g_autoptr(CcPackingParams) p = three_species ();
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "cc-packing-test.xyz", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  Builder b = builder_new ();
  g_autoptr(CcPacking) k = NULL;
  CcMicrostructure m;
  JsonObject *o;

  column (&b, 5, 5, 4, 1.0, 0.3, SE);
  add (&b, 6.8, 5, 3, 1.0, CAM);
  add (&b, 30, 30, 3, 0.5, CARBON);
  k = builder_finish (&b, p, (double[3]) { 40, 40, 2 * 4 * sqrt (0.91) });
  g_assert_true (cc_packing_analyze (k, &m, NULL, NULL));
  setlocale (LC_NUMERIC, "de_DE.UTF-8");   /* a decimal comma, where installed */

  root = cc_packing_to_json (k, &m);
  o = json_node_get_object (root);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (json_object_has_member (o, keys[i]));
  g_assert_cmpint (json_object_get_int_member (o, "particles"), ==, 6);
  /* the electronic network does not conduct: null, not a NaN or Infinity */
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (o, "tortuosity_e")));
  {
    g_autoptr(JsonGenerator) gen = json_generator_new ();
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autofree char *json = NULL;

    json_generator_set_root (gen, root);
    json = json_generator_to_data (gen, NULL);
    g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
    g_assert_no_error (error);
  }

  g_assert_true (cc_packing_write_xyz (k, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpstr (lines[0], ==, "6");
  g_assert_nonnull (strstr (lines[1], "Properties=species:S:1:pos:R:3:radius:R:1:state:S:1:role:S:1"));
  g_assert_nonnull (strstr (lines[1], "Lattice=\"40.000000 0 0 0 40.000000 0"));
  for (guint i = 2; i < 8; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], " ", -1);

      g_assert_cmpuint (g_strv_length (f), ==, 7);
      g_assert_null (strchr (f[1], ','));
    }
  /* the CAM touches the electrolyte column but no electron conductor */
  g_assert_cmpstr (lines[6], ==, "cam 6.80000 5.00000 3.00000 1.00000 electronically_isolated cam");
  g_assert_cmpstr (lines[7], ==, "carbon 30.00000 30.00000 3.00000 0.50000 none carbon");
  setlocale (LC_NUMERIC, "C");
  g_unlink (path);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/packing/resistor/chain", test_chain);
  g_test_add_func ("/packing/resistor/parallel-bundle", test_parallel_bundle);
  g_test_add_func ("/packing/resistor/cubic-lattice", test_cubic_lattice);
  g_test_add_func ("/packing/resistor/wheatstone-bridge", test_wheatstone);
  g_test_add_func ("/packing/resistor/floating-cluster", test_floating_cluster);
  g_test_add_func ("/packing/percolation/column", test_percolation_column);
  g_test_add_func ("/packing/percolation/periodic", test_percolation_periodic);
  g_test_add_func ("/packing/percolation/cam-states", test_cam_states);
  g_test_add_func ("/packing/conductivity/sphere-lattice", test_conductivity_lattice);
  g_test_add_func ("/packing/conductivity/holm-limit", test_conductivity_holm_limit);
  g_test_add_func ("/packing/output/json-and-xyz", test_output);
  return g_test_run ();
}
