/* SPDX-License-Identifier: GPL-3.0-or-later
 * Sweep descriptions: axis expansion, point order, renormalisation of mass
 * fractions, field addressing, stable ids, and the errors of bad files. */
#include "cc-sweep.h"
#include "cc-json-util.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

static CcSweep *
load (const char *text)
{
  g_autoptr(GError) error = NULL;
  CcSweep *s = cc_sweep_load_from_data (text, -1, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (s);
  return s;
}

static CcDesign *
design_at (CcSweep *s,
           guint64  index)
{
  g_autoptr(GError) error = NULL;
  CcSweepValue v[CC_SWEEP_MAX_AXES];
  guint rep;
  CcDesign *d;

  cc_sweep_point_decompose (s, index, v, &rep);
  d = cc_sweep_build_design (s, v, rep, &error);
  g_assert_no_error (error);
  return d;
}

static double
fraction (const CcDesign *d,
          guint           i)
{
  return ((CcComponent *) g_ptr_array_index (d->components, i))->mass_fraction;
}

static double
fraction_sum (const CcDesign *d)
{
  double s = 0;
  for (guint i = 0; i < d->components->len; i++)
    s += fraction (d, i);
  return s;
}

/* Counts, exact range ends, log spacing and the index order. */
static void
test_expansion (void)
{
  g_autoptr(CcSweep) s = load (
    "{\"format\":\"cathode-composer-sweep\",\"version\":1,\"base\":\"default\",\"replicates\":2,"
    " \"axes\":["
    "  {\"path\":\"process.pressure_MPa\",\"from\":100,\"to\":500,\"steps\":5},"
    "  {\"path\":\"components[1].d50_um\",\"from\":0.5,\"to\":8,\"steps\":3,\"scale\":\"log\"},"
    "  {\"path\":\"components[1].material\",\"values\":[\"na3ps4-cubic\",\"na3sbs4\"]}]}");
  CcSweepValue v[3];
  guint rep = 99;

  g_assert_cmpuint (cc_sweep_get_n_axes (s), ==, 3);
  g_assert_cmpuint (cc_sweep_get_n_grid (s), ==, 5 * 3 * 2);
  g_assert_cmpuint (cc_sweep_get_n_points (s), ==, 5 * 3 * 2 * 2);
  g_assert_cmpint (cc_sweep_axis_get_kind (s, 2), ==, CC_SWEEP_AXIS_CATEGORICAL);

  g_assert_cmpfloat (cc_sweep_axis_get_value (s, 0, 0).number, ==, 100);
  g_assert_cmpfloat (cc_sweep_axis_get_value (s, 0, 4).number, ==, 500);
  g_assert_cmpfloat (cc_sweep_axis_get_value (s, 0, 1).number, ==, 200);
  /* Log scale: the middle step is the geometric mean, 2 µm (exactly, as
   * range points are rounded to 12 significant digits). */
  g_assert_cmpfloat (cc_sweep_axis_get_value (s, 1, 1).number, ==, 2.0);
  g_assert_cmpfloat (cc_sweep_axis_get_value (s, 1, 2).number, ==, 8);
  {
    g_autoptr(CcSweep) volts = load ("{\"format\":\"cathode-composer-sweep\",\"version\":1,\"base\":\"default\","
                                 " \"axes\":[{\"path\":\"protocol.voltage_max_V\",\"from\":2.8,\"to\":3.4,\"steps\":7}]}");
    g_assert_cmpfloat (cc_sweep_axis_get_value (volts, 0, 3).number, ==, 3.1);
    g_assert_cmpfloat (cc_sweep_axis_get_value (volts, 0, 5).number, ==, 3.3);
  }

  /* The replicate varies fastest, axis 0 slowest. */
  cc_sweep_point_decompose (s, 1, v, &rep);
  g_assert_cmpuint (rep, ==, 1);
  g_assert_cmpstr (v[2].label, ==, "na3ps4-cubic");
  cc_sweep_point_decompose (s, 2, v, &rep);
  g_assert_cmpuint (rep, ==, 0);
  g_assert_cmpstr (v[2].label, ==, "na3sbs4");
  cc_sweep_point_decompose (s, 4, v, &rep);
  g_assert_cmpfloat_with_epsilon (v[1].number, 2.0, 1e-12);
  cc_sweep_point_decompose (s, 59, v, &rep);
  g_assert_cmpfloat (v[0].number, ==, 500);
  g_assert_cmpfloat (v[1].number, ==, 8);
  g_assert_cmpstr (v[2].label, ==, "na3sbs4");
  g_assert_cmpuint (rep, ==, 1);

  {
    g_autoptr(CcDesign) d = design_at (s, 59);
    const CcComponent *se = g_ptr_array_index (d->components, 1);
    g_assert_cmpfloat (d->process.pressure_MPa, ==, 500);
    g_assert_cmpstr (se->material_id, ==, "na3sbs4");
    g_assert_cmpfloat (se->d50_um, ==, 8);
    /* Replicates differ only in the seed: base seed + replicate. */
    g_assert_cmpuint (d->simulation.seed, ==, cc_sweep_get_base (s)->simulation.seed + 1);
  }
}

/* Without a balance component the others keep their proportions. */
static void
test_renormalise_proportional (void)
{
  g_autoptr(CcSweep) s = load (
    "{\"format\":\"cathode-composer-sweep\",\"version\":1,\"base\":\"default\","
    " \"axes\":[{\"path\":\"components[0].mass_fraction\",\"values\":[0.5,0.7,0.9]}]}");
  const CcDesign *base = cc_sweep_get_base (s);
  double ratio0 = fraction (base, 1) / fraction (base, 2);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(CcDesign) d = design_at (s, i);
      double cam = cc_sweep_axis_get_value (s, 0, i).number;

      g_assert_cmpfloat (fraction (d, 0), ==, cam);
      g_assert_cmpfloat_with_epsilon (fraction_sum (d), 1.0, 1e-12);
      g_assert_cmpfloat_with_epsilon (fraction (d, 1) / fraction (d, 2), ratio0, 1e-12);
      g_assert_cmpfloat_with_epsilon (fraction (d, 1), (1 - cam) * 0.30 / 0.34, 1e-12);
    }
}

/* With a balance component only it moves; the other swept and unswept
 * fractions stay as given. Two fraction axes at once. */
static void
test_renormalise_balance (void)
{
  g_autoptr(CcSweep) s = load (
    "{\"format\":\"cathode-composer-sweep\",\"version\":1,\"base\":\"default\","
    " \"balance\":\"components[material=na3ps4-cubic]\","
    " \"axes\":[{\"path\":\"components[0].mass_fraction\",\"values\":[0.6,0.7,0.95]},"
    "           {\"path\":\"components[material=acetylene-black].mass_fraction\",\"values\":[0.02,0.05,0.06]}]}");
  g_autoptr(CcDesign) d = design_at (s, 1 * 3 + 1);   /* 0.7, 0.05 */
  CcSweepValue v[2];
  g_autoptr(GError) error = NULL;
  g_autoptr(CcDesign) bad = NULL;

  g_assert_cmpfloat (fraction (d, 0), ==, 0.7);
  g_assert_cmpfloat (fraction (d, 2), ==, 0.05);
  g_assert_cmpfloat_with_epsilon (fraction (d, 1), 0.25, 1e-12);

  /* 0.95 + 0.06 > 1: no composition; the error says why. */
  cc_sweep_point_decompose (s, 2 * 3 + 2, v, NULL);
  bad = cc_sweep_build_design (s, v, 0, &error);
  g_assert_null (bad);
  g_assert_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "nothing is left for the balance"));
}

/* A selector is resolved on the base: when another axis changes that
 * component's material the address stays on the same component. */
static void
test_selector (void)
{
  g_autoptr(CcSweep) s = load (
    "{\"format\":\"cathode-composer-sweep\",\"version\":1,\"base\":\"default\","
    " \"axes\":[{\"path\":\"components[1].material\",\"values\":[\"na3ps4-cubic\",\"na3sbs4\"]},"
    "           {\"path\":\"components[material=na3ps4-cubic].d50_um\",\"values\":[1.5]}]}");
  g_autoptr(CcDesign) d = design_at (s, 1);
  const CcComponent *c = g_ptr_array_index (d->components, 1);

  g_assert_cmpstr (c->material_id, ==, "na3sbs4");
  g_assert_cmpfloat (c->d50_um, ==, 1.5);
}

/* Whole-number fields stay whole numbers; null removes an optional object. */
static void
test_integer_and_null (void)
{
  g_autoptr(CcSweep) s = load (
    "{\"format\":\"cathode-composer-sweep\",\"version\":1,\"base\":\"default\","
    " \"axes\":[{\"path\":\"protocol.cycles\",\"from\":100,\"to\":1000,\"steps\":4},"
    "           {\"path\":\"components[0].coating.material\",\"values\":[\"nyzc\",null]},"
    "           {\"path\":\"components[0].coating.thickness_nm\",\"values\":[10,40]}]}");
  CcSweepValue v[3];
  gboolean integer = FALSE;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(CcDesign) coated = NULL;
  g_autoptr(CcDesign) bare = NULL;
  g_autofree char *text = NULL;

  cc_sweep_axis_get_range (s, 0, NULL, NULL, NULL, &integer, NULL);
  g_assert_true (integer);
  g_assert_cmpfloat (cc_sweep_axis_get_value (s, 0, 1).number, ==, 400);

  cc_sweep_point_decompose (s, 1 * 4 + 0 * 2 + 1, v, NULL);
  json = cc_sweep_values_to_json (s, v);
  text = cc_json_to_data (json, FALSE, NULL);
  g_assert_nonnull (strstr (text, "\"protocol.cycles\":400,"));

  coated = design_at (s, 1 * 4 + 0 * 2 + 1);
  g_assert_cmpuint (coated->protocol.cycles, ==, 400);
  g_assert_cmpstr (((CcComponent *) g_ptr_array_index (coated->components, 0))->coating_id, ==, "nyzc");
  g_assert_cmpfloat (((CcComponent *) g_ptr_array_index (coated->components, 0))->coating_thickness_nm, ==, 40);
  bare = design_at (s, 1 * 4 + 1 * 2 + 1);
  g_assert_null (((CcComponent *) g_ptr_array_index (bare->components, 0))->coating_id);
}

static char *
id_at (CcSweep *s,
       guint64  index)
{
  CcSweepValue v[CC_SWEEP_MAX_AXES];
  guint rep;

  cc_sweep_point_decompose (s, index, v, &rep);
  return cc_sweep_point_id (s, v, rep);
}

/* Ids depend on the values, the replicate and the base design, not on how a
 * field is named, nor on white space in the file. */
static void
test_ids (void)
{
  g_autoptr(CcSweep) a = load (
    "{\"format\":\"cathode-composer-sweep\",\"version\":1,\"base\":\"default\",\"replicates\":2,"
    " \"axes\":[{\"path\":\"components[1].d50_um\",\"values\":[1,2,3]}]}");
  g_autoptr(CcSweep) b = load (
    "{ \"format\" : \"cathode-composer-sweep\", \"version\" : 1, \"base\" : \"default\", \"replicates\" : 2,\n"
    "  \"axes\" : [ { \"path\" : \"components[material=na3ps4-cubic].d50_um\", \"from\" : 1, \"to\" : 3, \"steps\" : 3 } ] }");
  g_autoptr(CcSweep) c = load (
    "{\"format\":\"cathode-composer-sweep\",\"version\":1,\"base\":\"preset:nacro2-na3ps4\","
    " \"replicates\":2, \"axes\":[{\"path\":\"components[1].d50_um\",\"values\":[1,2,3]}]}");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint64 i = 0; i < 6; i++)
    {
      g_autofree char *ia = id_at (a, i);
      g_autofree char *ib = id_at (b, i);
      g_autofree char *ic = id_at (c, i);

      g_assert_cmpuint (strlen (ia), ==, 20);
      g_assert_cmpstr (ia, ==, ib);
      g_assert_cmpstr (ia, !=, ic);
      g_assert_true (g_hash_table_add (seen, g_strdup (ia)));
    }
  g_assert_cmpstr (cc_sweep_get_digest (a), ==, cc_sweep_get_digest (b));
}

typedef struct {
  const char *axes_or_doc;   /* an "axes" array, or a whole document when it starts with '{' */
  const char *message;       /* a part of the expected error */
} BadCase;

static void
test_errors (void)
{
  static const BadCase cases[] = {
    { "[{\"path\":\"process.presure_MPa\",\"values\":[1]}]", "no field \"presure_MPa\"" },
    { "[{\"path\":\"components[7].d50_um\",\"values\":[1]}]", "index 7 is out of range" },
    { "[{\"path\":\"components[material=nope].d50_um\",\"values\":[1]}]", "no element with material = \"nope\"" },
    { "[{\"path\":\"components[0].material\",\"values\":[1,2]}]", "not a numeric field" },
    { "[{\"path\":\"process.pressure_MPa\",\"values\":[\"high\"]}]", "not a text field" },
    { "[{\"path\":\"process.pressure_MPa\",\"values\":[1,\"x\"]}]", "mixes numbers and names" },
    { "[{\"path\":\"process.pressure_MPa\",\"values\":[100,200,100]}]", "values[2] repeats values[0]" },
    { "[{\"path\":\"protocol.cycles\",\"values\":[100,100.2]}]", "repeats" },
    { "[{\"path\":\"process.pressure_MPa\",\"from\":1,\"to\":2,\"steps\":0}]", "steps = 0" },
    { "[{\"path\":\"process.pressure_MPa\",\"from\":-1,\"to\":2,\"steps\":3,\"scale\":\"log\"}]", "log scale" },
    { "[{\"path\":\"process.pressure_MPa\",\"from\":1,\"to\":2}]", "axes[0].steps: required" },
    { "[{\"path\":\"process.pressure_MPa\",\"values\":[1],\"from\":1}]", "either values or from/to/steps" },
    { "[{\"path\":\"cell.separator.material\",\"values\":[\"na3sbs4\",null]}]", "cell.separator: required" },
    { "[{\"path\":\"components[1].material\",\"values\":[null]}]", "a component cannot be removed" },
    { "[{\"path\":\"components[1].d50_um\",\"values\":[1]},{\"path\":\"components[material=na3ps4-cubic].d50_um\",\"values\":[2]}]",
      "the same field as axes[0]" },
    { "[{\"path\":\"components[0]mass_fraction\",\"values\":[1]}]", "unexpected character" },
    { "[{\"path\":\"process.pressure_MPa\",\"from\":1,\"to\":2,\"steps\":10000},"
      " {\"path\":\"process.temperature_C\",\"from\":1,\"to\":2,\"steps\":10000},"
      " {\"path\":\"protocol.cycles\",\"from\":1,\"to\":20000,\"steps\":10000}]", "more than 100000000 points" },
    { "{\"format\":\"cathode-composer-sweep\",\"version\":1,\"base\":\"default\",\"balance\":\"components[0]\","
      "\"axes\":[{\"path\":\"components[0].mass_fraction\",\"values\":[0.5]}]}", "cannot be swept itself" },
    { "{\"format\":\"cathode-composer-sweep\",\"version\":1,\"base\":\"default\",\"balance\":\"process\",\"axes\":[]}",
      "must name a component" },
    { "{\"format\":\"cathode-composer-design\",\"version\":1,\"axes\":[]}", "not a sweep file" },
    { "{\"format\":\"cathode-composer-sweep\",\"version\":2,\"base\":\"default\",\"axes\":[]}", "version = 2" },
    { "{\"format\":\"cathode-composer-sweep\",\"version\":1,\"axes\":[]}", "base: required" },
    { "{\"format\":\"cathode-composer-sweep\",\"version\":1,\"base\":\"preset:no-such\",\"axes\":[]}", "no-such" },
    { "{\"format\":\"cathode-composer-sweep\",\"version\":1,\"base\":\"default\",\"replicates\":0,\"axes\":[]}",
      "replicates = 0" },
    { "{\"format\":\"cathode-composer-sweep\",\"version\":1,\"base\":\"default\",\"axes\":[],\"axes\":[]}",
      "duplicated key" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *doc = cases[i].axes_or_doc[0] == '{'
        ? g_strdup (cases[i].axes_or_doc)
        : g_strdup_printf ("{\"format\":\"cathode-composer-sweep\",\"version\":1,\"base\":\"default\",\"axes\":%s}",
                           cases[i].axes_or_doc);
      g_autoptr(GError) error = NULL;
      g_autoptr(CcSweep) s = cc_sweep_load_from_data (doc, -1, NULL, &error);

      g_assert_null (s);
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: expected \"%s\" in \"%s\"", i, cases[i].message, error->message);
    }
}

/* A base design given as a file name is found next to the sweep file. */
static void
test_base_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cc-sweep-XXXXXX", &error);
  g_autofree char *design_path = g_build_filename (dir, "my-design.json", NULL);
  g_autofree char *sweep_path = g_build_filename (dir, "s.json", NULL);
  g_autoptr(CcDesign) d = cc_design_new_default ();
  g_autoptr(CcSweep) s = NULL;

  g_free (d->name);
  d->name = g_strdup ("from a file");
  g_assert_true (cc_design_save_to_file (d, design_path, &error));
  g_assert_true (g_file_set_contents (sweep_path,
                                      "{\"format\":\"cathode-composer-sweep\",\"version\":1,"
                                      "\"base\":\"my-design.json\",\"axes\":[]}", -1, &error));
  s = cc_sweep_load_from_file (sweep_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (cc_sweep_get_name (s), ==, "from a file");
  g_assert_cmpuint (cc_sweep_get_n_points (s), ==, 1);
  g_remove (design_path);
  g_remove (sweep_path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sweep/axes/expansion", test_expansion);
  g_test_add_func ("/sweep/axes/renormalise-proportional", test_renormalise_proportional);
  g_test_add_func ("/sweep/axes/renormalise-balance", test_renormalise_balance);
  g_test_add_func ("/sweep/axes/selector", test_selector);
  g_test_add_func ("/sweep/axes/integer-and-null", test_integer_and_null);
  g_test_add_func ("/sweep/points/ids", test_ids);
  g_test_add_func ("/sweep/load/errors", test_errors);
  g_test_add_func ("/sweep/load/base-file", test_base_file);
  return g_test_run ();
}
