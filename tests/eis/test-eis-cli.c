/* SPDX-License-Identifier: GPL-3.0-or-later
 * The impedance commands end to end: eis, eis-fit, drt and kk on the
 * shipped synthetic examples (which must still match their generator),
 * their JSON contracts, and clear failures on bad input. */
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "cc-design.h"
#include "cc-eis-csv.h"

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_free (r->out);
  g_free (r->err);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_argv (Run *r, const char *program, const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_add (argv, (gpointer) program);
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &r->out, &r->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r->status = WEXITSTATUS (wait_status);
}

#define RUN_CLI(r, ...) run_argv (r, g_getenv ("CC_CLI"), (const char * const[]) { __VA_ARGS__, NULL })

static char *
example (const char *name)
{
  return g_build_filename (g_getenv ("CC_SOURCE_ROOT"), "data", "examples", name, NULL);
}

static JsonObject *
parse_object (const char *text, JsonNode **keep)
{
  g_autoptr(GError) error = NULL;

  *keep = json_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (*keep));
  return json_node_get_object (*keep);
}

static void
test_fit_json (void)
{
  g_autofree char *file = example ("eis-two-arcs-synthetic.csv");
  g_auto(Run) r = { 0 };
  g_autoptr(JsonNode) root = NULL;
  static const char *names[] = { "R0", "R1", "Q1", "Q1_n", "R2", "Q2", "Q2_n", "W" };
  static const double truth[] = { 20, 100, 1e-6, 0.9, 300, 1e-4, 0.85, 50 };
  static const double tol[] = { 0.05, 0.05, 0.25, 0.03, 0.05, 0.25, 0.03, 0.05 };
  JsonObject *o, *params, *err;

  RUN_CLI (&r, "eis-fit", file, "--circuit", "R0-p(R1,Q1)-p(R2,Q2)-W", "--json");
  g_assert_cmpint (r.status, ==, 0);
  o = parse_object (r.out, &root);
  params = json_object_get_object_member (o, "parameters");
  err = json_object_get_object_member (o, "stderr");
  g_assert_cmpuint (json_object_get_size (params), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      double v = json_object_get_double_member (params, names[i]);
      double e = i == 3 || i == 6 ? fabs (v - truth[i]) : fabs (v / truth[i] - 1);

      g_assert_cmpfloat (e, <, tol[i]);
      g_assert_cmpfloat (json_object_get_double_member (err, names[i]), >, 0);
    }
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (o, "residual"), "rms_relative"), <, 0.02);
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (o, "kramers_kronig"), "pass"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "units"), "W"), ==, "ohm s^-1/2");
}

static void
test_drt_json (void)
{
  g_autofree char *file = example ("eis-instrument-style-synthetic.csv");
  const char *lambdas[] = { "1e-3", "0.1" };

  for (guint k = 0; k < 2; k++)
    {
      g_auto(Run) r = { 0 };
      g_autoptr(JsonNode) root = NULL;
      JsonObject *o;
      JsonArray *peaks;

      RUN_CLI (&r, "drt", file, "--lambda", lambdas[k], "--json");
      g_assert_cmpint (r.status, ==, 0);
      o = parse_object (r.out, &root);
      g_assert_true (json_object_get_boolean_member (o, "imag_sign_flipped"));
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "tau_s")), ==,
                        json_array_get_length (json_object_get_array_member (o, "gamma_ohm")));
      g_assert_cmpfloat (json_object_get_double_member (o, "lambda"), ==, g_ascii_strtod (lambdas[k], NULL));
      peaks = json_object_get_array_member (o, "peaks");
      g_assert_cmpuint (json_array_get_length (peaks), ==, 2);
      g_assert_cmpfloat (fabs (log10 (json_object_get_double_member (json_array_get_object_element (peaks, 0), "tau_s") / 5e-5)), <, 0.1);
      g_assert_cmpfloat (fabs (log10 (json_object_get_double_member (json_array_get_object_element (peaks, 1), "tau_s") / 0.2)), <, 0.1);
      g_assert_cmpfloat (fabs (json_object_get_double_member (json_array_get_object_element (peaks, 1), "resistance_ohm") / 200 - 1), <, 0.05);
      g_assert_false (json_object_has_member (json_array_get_object_element (peaks, 0), "process"));
    }
}

static void
test_drt_processes (void)
{
  g_autofree char *file = example ("eis-model-reference-synthetic.csv");
  g_auto(Run) r = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *peaks;
  gboolean ip = FALSE, ct = FALSE;

  RUN_CLI (&r, "drt", file, "--json");
  g_assert_cmpint (r.status, ==, 0);
  peaks = json_object_get_array_member (parse_object (r.out, &root), "peaks");
  for (guint i = 0; i < json_array_get_length (peaks); i++)
    {
      JsonObject *p = json_array_get_object_element (peaks, i);
      const char *name = json_object_has_member (p, "process") ? json_object_get_string_member (p, "process") : "";

      ip = ip || g_str_equal (name, "interphase");
      ct = ct || g_str_equal (name, "charge transfer");
    }
  g_assert_true (ip && ct);
}

static void
test_kk (void)
{
  g_autofree char *drift = example ("eis-drift-synthetic.csv");
  g_autofree char *good = example ("eis-instrument-style-synthetic.csv");
  g_auto(Run) a = { 0 };
  g_auto(Run) b = { 0 };
  g_autoptr(JsonNode) ra = NULL;
  g_autoptr(JsonNode) rb = NULL;

  RUN_CLI (&a, "kk", drift, "--json");
  RUN_CLI (&b, "kk", good, "--json");
  g_assert_cmpint (a.status, ==, 0);
  g_assert_false (json_object_get_boolean_member (json_object_get_object_member (parse_object (a.out, &ra), "kramers_kronig"), "pass"));
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (parse_object (b.out, &rb), "kramers_kronig"), "pass"));
}

static void
expect_failure (Run *r, int status, const char *fragment)
{
  g_assert_cmpint (r->status, ==, status);
  if (strstr (r->err, fragment) == NULL)
    g_error ("stderr '%s' lacks '%s'", r->err, fragment);
}

static void
test_errors (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cc-eis-XXXXXX", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.csv", NULL);
  g_autofree char *good = example ("eis-two-arcs-synthetic.csv");
  g_auto(Run) r1 = { 0 };
  g_auto(Run) r2 = { 0 };
  g_auto(Run) r3 = { 0 };
  g_auto(Run) r4 = { 0 };
  g_auto(Run) r5 = { 0 };
  g_auto(Run) r6 = { 0 };

  g_assert_true (g_file_set_contents (bad, "freq,Z',Z''\n1000,10,-1\n100,1O.5,-2\n10,3,-4\n", -1, NULL));
  RUN_CLI (&r1, "drt", bad);
  expect_failure (&r1, 1, "bad.csv:3: column 2 ");
  g_assert_nonnull (strstr (r1.err, "'1O.5' is not a number"));
  RUN_CLI (&r2, "eis-fit", good);
  expect_failure (&r2, 2, "--circuit is required");
  RUN_CLI (&r3, "eis-fit", good, "--circuit", "R0-p(R1,Q1");
  expect_failure (&r3, 1, "position");
  RUN_CLI (&r4, "kk", "/nonexistent/x.csv");
  expect_failure (&r4, 1, "x.csv");
  RUN_CLI (&r5, "drt", good, "--order", "5");
  expect_failure (&r5, 2, "--order");
  RUN_CLI (&r6, "eis-fit", good, "--circuit", "R0-p(R1,C1)", "--fix", "R7=3");
  expect_failure (&r6, 1, "'R7' is not a parameter");
  g_unlink (bad);
  g_rmdir (dir);
}

static void
test_eis_design (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cc-eis-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "design.json", NULL);
  g_autoptr(CcDesign) d = cc_design_new_default ();
  g_auto(Run) r = { 0 };
  g_auto(Run) c = { 0 };
  g_auto(Run) u = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(CcEisSpectrum) s = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *imp;
  double lf[2];

  g_assert_true (cc_design_save_to_file (d, path, &error));
  RUN_CLI (&r, "eis", path, "--cycle", "0", "--cycle", "500", "--json");
  g_assert_cmpint (r.status, ==, 0);
  imp = json_object_get_array_member (parse_object (r.out, &root), "impedance");
  g_assert_cmpuint (json_array_get_length (imp), ==, 2);
  for (guint k = 0; k < 2; k++)
    {
      JsonObject *cyc = json_array_get_object_element (imp, k);
      JsonArray *re = json_object_get_array_member (cyc, "z_real_ohm_cm2");

      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (cyc, "frequency_Hz")), ==, 91);
      g_assert_cmpuint (json_array_get_length (re), ==, 91);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (cyc, "contributions")), >=, 3);
      lf[k] = json_array_get_double_element (re, 90);
    }
  g_assert_cmpfloat (lf[1], >, lf[0]);

  RUN_CLI (&c, "eis", path, "--csv", "--points-per-decade", "5");
  g_assert_cmpint (c.status, ==, 0);
  s = cc_eis_spectrum_parse_csv (c.out, -1, "stdout", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (s->n, ==, 46);
  g_assert_true (s->area_specific);
  g_assert_cmpuint (s->processes->len, >=, 4);

  RUN_CLI (&u, "eis", path, "--csv", "--json");
  expect_failure (&u, 2, "exclude");
  g_unlink (path);
  g_rmdir (dir);
}

/* The shipped examples are what eis-make-examples writes today. */
static void
test_examples_up_to_date (void)
{
  static const char *files[] = { "eis-two-arcs-synthetic.csv", "eis-instrument-style-synthetic.csv",
                                 "eis-drift-synthetic.csv", "eis-model-reference-synthetic.csv" };
  g_autofree char *dir = g_dir_make_tmp ("cc-eis-XXXXXX", NULL);
  g_autofree char *maker = g_test_build_filename (G_TEST_BUILT, "eis", "eis-make-examples", NULL);
  g_auto(Run) r = { 0 };

  run_argv (&r, maker, (const char * const[]) { dir, NULL });
  g_assert_cmpint (r.status, ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *fresh = g_build_filename (dir, files[i], NULL);
      g_autofree char *shipped = example (files[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(CcEisSpectrum) a = cc_eis_spectrum_load_csv (fresh, &error);
      g_autoptr(CcEisSpectrum) b = cc_eis_spectrum_load_csv (shipped, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (a->n, ==, b->n);
      for (guint k = 0; k < a->n; k++)
        {
          g_assert_cmpfloat (fabs (a->freq_Hz[k] / b->freq_Hz[k] - 1), <, 1e-5);
          g_assert_cmpfloat (hypot (a->z_re[k] - b->z_re[k], a->z_im[k] - b->z_im[k]), <,
                             1e-5 * hypot (b->z_re[k], b->z_im[k]));
        }
      g_unlink (fresh);
    }
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/eis/cli/eis-fit-json", test_fit_json);
  g_test_add_func ("/eis/cli/drt-json", test_drt_json);
  g_test_add_func ("/eis/cli/drt-processes", test_drt_processes);
  g_test_add_func ("/eis/cli/kk", test_kk);
  g_test_add_func ("/eis/cli/errors", test_errors);
  g_test_add_func ("/eis/cli/eis-design", test_eis_design);
  g_test_add_func ("/eis/cli/examples-up-to-date", test_examples_up_to_date);
  return g_test_run ();
}
