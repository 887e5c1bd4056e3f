/* SPDX-License-Identifier: GPL-3.0-or-later
 * The sweep commands as a user and a cluster run them: no fake physics
 * without a model, shards merged into the unsharded file (by hand, through
 * the Slurm job-array script run locally, and through the documented GNU
 * Parallel command line), interruption by a signal and resumption, optimize
 * and pareto output, the shipped example sweeps. */
#include "sweep-test-util.h"
#include "cc-sweep-pareto.h"

#include <glib/gstdio.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <math.h>
#include <signal.h>
#include <string.h>

/* 3 x 4 designs x 2 replicates = 24 points. */
static const char *small_sweep =
  "{\"format\":\"cathode-composer-sweep\",\"version\":1,\"base\":\"default\",\"replicates\":2,"
  " \"axes\":[{\"path\":\"simulation.particles\",\"values\":[5000]},"
  "           {\"path\":\"components[0].mass_fraction\",\"from\":0.6,\"to\":0.8,\"steps\":3},"
  "           {\"path\":\"protocol.voltage_max_V\",\"from\":2.9,\"to\":3.2,\"steps\":4}]}";

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

static const char *
cli (void)
{
  const char *p = g_getenv ("CC_CLI");
  g_assert_nonnull (p);
  return p;
}

/* Runs argv (NULL-terminated) with extra environment "K=V" pairs. */
static void
spawn (Run *r, const char * const *env_add, const char * const *argv)
{
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  for (guint i = 0; env_add && env_add[i]; i++)
    {
      g_auto(GStrv) kv = g_strsplit (env_add[i], "=", 2);
      env = g_environ_setenv (env, kv[0], kv[1], TRUE);
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &r->out, &r->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r->status = WEXITSTATUS (wait_status);
}

static void
run_cli (Run *r, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list ap;

  g_ptr_array_add (argv, (gpointer) cli ());
  va_start (ap, r);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  spawn (r, NULL, (const char * const *) argv->pdata);
}

static void
run_shell (Run *r, const char *script, const char *dir)
{
  const char *argv[] = { "bash", "-c", script, NULL };
  g_autofree char *cli_env = g_strdup_printf ("CC_CLI=%s", cli ());
  g_autofree char *dir_env = g_strdup_printf ("DIR=%s", dir);
  g_autofree char *src_env = g_strdup_printf ("SRC=%s", g_getenv ("CC_SOURCE_ROOT"));
  const char *env[] = { cli_env, dir_env, src_env, NULL };

  spawn (r, env, argv);
}

static char *
write_sweep (const char *dir)
{
  char *path = g_build_filename (dir, "s.json", NULL);
  g_assert_true (g_file_set_contents (path, small_sweep, -1, NULL));
  return path;
}

/* The reference: one unsharded run through the CLI. */
static char *
reference (const char *dir, const char *sweep)
{
  g_auto(Run) r = { 0 };
  g_autofree char *out = g_build_filename (dir, "ref.jsonl", NULL);

  run_cli (&r, "sweep", sweep, "--out", out, "--evaluator=analytic-test", "--quiet", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.err, "NOT a model"));   /* the fixture says what it is */
  return st_read (out);
}

/* This build's default evaluator is the simulation pipeline, never a test
 * fixture. (Running it here would pack every point: too slow for a test; the
 * pipeline itself is tested through simulate.) */
static void
test_no_evaluator (void)
{
  const CcSweepEvaluator *e = cc_sweep_evaluator_get_default ();

  g_assert_nonnull (e);
  g_assert_cmpstr (e->name, ==, "pipeline-v1");
  g_assert_false (e->is_test);
}

static void
test_usage (void)
{
  g_autofree char *dir = st_tmpdir ();
  g_autofree char *sweep = write_sweep (dir);
  g_autofree char *out = g_build_filename (dir, "out.jsonl", NULL);
  g_auto(Run) shard = { 0 };
  g_auto(Run) no_out = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) direction = { 0 };
  g_auto(Run) metric = { 0 };
  g_auto(Run) list = { 0 };

  run_cli (&shard, "sweep", sweep, "--out", out, "--shard", "3/3", NULL);
  g_assert_cmpint (shard.status, ==, 2);
  g_assert_nonnull (strstr (shard.err, "0 <= I < N"));
  run_cli (&no_out, "sweep", sweep, "--evaluator=analytic-test", NULL);
  g_assert_cmpint (no_out.status, ==, 2);
  run_cli (&unknown, "sweep", sweep, "--out", out, "--evaluator=magic", NULL);
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_nonnull (strstr (unknown.err, "analytic-test (test fixture)"));
  run_cli (&direction, "optimize", sweep, "--objective", "energy_Wh_per_kg_composite", NULL);
  g_assert_cmpint (direction.status, ==, 2);
  run_cli (&metric, "optimize", sweep, "--objective", "energy", "--maximize", NULL);
  g_assert_cmpint (metric.status, ==, 1);
  g_assert_nonnull (strstr (metric.err, "energy_Wh_per_kg_composite"));

  /* --list needs no evaluator; shard 1/5 of 24 points holds 1, 6, 11, 16, 21. */
  run_cli (&list, "sweep", sweep, "--list", "--shard", "1/5", NULL);
  g_assert_cmpint (list.status, ==, 0);
  g_assert_cmpuint (st_count_lines (list.out), ==, 5);
  g_assert_true (g_str_has_prefix (list.out, "1\t"));
  g_assert_nonnull (strstr (list.out, "\n21\t"));
  st_cleanup (dir);
}

static void
merge_and_compare (const char *dir,
                   const char *sweep,
                   const char *ref,
                   const char *pattern)
{
  g_autofree char *all = g_build_filename (dir, "all.jsonl", NULL);
  g_autofree char *script = g_strdup_printf ("\"$CC_CLI\" sweep-merge %s --sweep '%s' --out '%s'", pattern, sweep, all);
  g_autofree char *merged = NULL;
  g_auto(Run) r = { 0 };

  run_shell (&r, script, dir);
  if (r.status != 0)
    g_error ("sweep-merge failed: %s", r.err);
  g_assert_nonnull (strstr (r.out, "merged 24 points"));
  merged = st_read (all);
  g_assert_cmpstr (merged, ==, ref);
}

/* Shards by hand: --shard I/3, then sweep-merge. */
static void
test_shards (void)
{
  g_autofree char *dir = st_tmpdir ();
  g_autofree char *sweep = write_sweep (dir);
  g_autofree char *ref = reference (dir, sweep);
  g_auto(Run) r = { 0 };

  run_shell (&r, "for i in 0 1 2; do \"$CC_CLI\" sweep \"$DIR/s.json\" --shard $i/3 --out \"$DIR/part$i.jsonl\" "
                 "--evaluator=analytic-test --quiet || exit 1; done", dir);
  g_assert_cmpint (r.status, ==, 0);
  merge_and_compare (dir, sweep, ref, "\"$DIR\"/part*.jsonl");
  st_cleanup (dir);
}

/* The Slurm script, run as the array tasks would be (no sbatch here): the
 * array 1-4 with two CPUs per task. */
static void
test_slurm_script (void)
{
  g_autofree char *dir = st_tmpdir ();
  g_autofree char *sweep = write_sweep (dir);
  g_autofree char *ref = reference (dir, sweep);
  g_auto(Run) r = { 0 };
  g_auto(Run) bad = { 0 };

  run_shell (&r,
             "for id in 1 2 3 4; do "
             "  SLURM_ARRAY_TASK_ID=$id SLURM_ARRAY_TASK_COUNT=4 SLURM_ARRAY_TASK_MIN=1 SLURM_ARRAY_TASK_MAX=4 "
             "  SLURM_CPUS_PER_TASK=2 bash \"$SRC/build-aux/slurm-sweep.sh\" \"$DIR/s.json\" \"$DIR/out\" "
             "  --evaluator=analytic-test --quiet || exit 1; "
             "done", dir);
  if (r.status != 0)
    g_error ("slurm-sweep.sh failed: %s", r.err);
  merge_and_compare (dir, sweep, ref, "\"$DIR\"/out/part-*.jsonl");

  /* A stepped array cannot map onto shards. */
  run_shell (&bad, "SLURM_ARRAY_TASK_ID=2 SLURM_ARRAY_TASK_COUNT=2 SLURM_ARRAY_TASK_MIN=0 SLURM_ARRAY_TASK_MAX=2 "
                   "SLURM_ARRAY_TASK_STEP=2 bash \"$SRC/build-aux/slurm-sweep.sh\" \"$DIR/s.json\" \"$DIR/x\"", dir);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "plain range"));
  st_cleanup (dir);
}

/* The README's GNU Parallel line; a plain background loop where parallel
 * is not installed. */
static void
test_gnu_parallel (void)
{
  g_autofree char *dir = st_tmpdir ();
  g_autofree char *sweep = write_sweep (dir);
  g_autofree char *ref = reference (dir, sweep);
  g_autofree char *parallel = g_find_program_in_path ("parallel");
  g_auto(Run) r = { 0 };

  if (parallel != NULL)
    run_shell (&r, "cd \"$DIR\" && parallel --will-cite \"$CC_CLI\" sweep s.json --shard {}/4 --out part{}.jsonl "
                   "--evaluator=analytic-test --quiet ::: 0 1 2 3", dir);
  else
    {
      g_test_message ("GNU parallel is not installed: running the same command lines in a shell loop");
      run_shell (&r, "cd \"$DIR\" && for i in 0 1 2 3; do \"$CC_CLI\" sweep s.json --shard $i/4 --out part$i.jsonl "
                     "--evaluator=analytic-test --quiet & done; wait", dir);
    }
  if (r.status != 0)
    g_error ("parallel run failed: %s", r.err);
  merge_and_compare (dir, sweep, ref, "\"$DIR\"/part*.jsonl");
  st_cleanup (dir);
}

static guint
lines_in (const char *path)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return 0;
  return st_count_lines (text);
}

/* Ctrl-C (or Slurm's SIGTERM) keeps the finished points; the same command
 * again finishes the sweep with the file of an uninterrupted run. */
static void
interrupt_and_resume (int signal_number)
{
  g_autofree char *dir = st_tmpdir ();
  g_autofree char *sweep = write_sweep (dir);
  g_autofree char *ref = reference (dir, sweep);
  g_autofree char *out = g_build_filename (dir, "out.jsonl", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *final = NULL;
  g_auto(Run) again = { 0 };
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint saved;

  g_subprocess_launcher_setenv (launcher, "CC_ANALYTIC_TEST_DELAY_MS", "40", TRUE);
  proc = g_subprocess_launcher_spawn (launcher, &error, cli (), "sweep", sweep, "--out", out,
                                      "--evaluator=analytic-test", "--threads", "2", NULL);
  g_assert_no_error (error);
  /* Signal once a few points are saved, i.e. with the handlers in place. */
  while (lines_in (out) < 3 && g_get_monotonic_time () < deadline)
    g_usleep (5000);
  g_subprocess_send_signal (proc, signal_number);
  g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, NULL, &err, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (proc));
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 130);
  g_assert_nonnull (strstr (err, "run the same command again to resume"));
  saved = lines_in (out);
  g_assert_cmpuint (saved, >=, 3);
  g_assert_cmpuint (saved, <, 24);

  run_cli (&again, "sweep", sweep, "--out", out, "--evaluator=analytic-test", "--json", NULL);
  g_assert_cmpint (again.status, ==, 0);
  {
    g_autoptr(JsonNode) summary = json_from_string (again.out, &error);
    g_assert_no_error (error);
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (summary), "resumed"), ==, saved);
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (summary), "computed"), ==, 24 - saved);
  }
  final = st_read (out);
  g_assert_cmpstr (final, ==, ref);
  st_cleanup (dir);
}

static void
test_interrupt_sigint (void)
{
  interrupt_and_resume (SIGINT);
}

static void
test_interrupt_sigterm (void)
{
  interrupt_and_resume (SIGTERM);
}

/* optimize --json finds a design that meets the constraint and saves it as a
 * valid design document; pareto --json returns undominated designs only. */
static void
test_optimize_and_pareto (void)
{
  g_autofree char *dir = st_tmpdir ();
  g_autofree char *sweep = write_sweep (dir);
  g_autofree char *ref_text = reference (dir, sweep);   /* writes ref.jsonl */
  g_autofree char *best = g_build_filename (dir, "best.json", NULL);
  g_autofree char *results = g_build_filename (dir, "ref.jsonl", NULL);
  g_auto(Run) opt = { 0 };
  g_auto(Run) par = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(CcDesign) design = NULL;
  g_autoptr(GPtrArray) recs = NULL, designs = NULL;
  JsonObject *o;
  JsonArray *front;

  run_cli (&opt, "optimize", sweep, "--objective", "energy_Wh_per_kg_composite", "--maximize",
           "--constraint", "retention_at_n_cycles>=0.8", "--evaluator=analytic-test", "--json",
           "--save-design", best, NULL);
  g_assert_cmpint (opt.status, ==, 0);
  root = json_from_string (opt.out, &error);
  g_assert_no_error (error);
  o = json_array_get_object_element (json_object_get_array_member (json_node_get_object (root), "optima"), 0);
  g_assert_true (json_object_get_boolean_member (o, "feasible"));
  g_assert_cmpfloat (json_object_get_double_member (json_object_get_object_member (o, "mean"),
                                                    "retention_at_n_cycles"), >=, 0.8);
  design = cc_design_load_from_file (best, &error);
  g_assert_no_error (error);
  g_assert_true (cc_design_validate (design, cc_material_db_get_default (), &error));
  g_assert_cmpfloat (design->protocol.voltage_max_V, ==,
                     json_object_get_double_member (json_object_get_object_member (o, "values"), "protocol.voltage_max_V"));
  g_clear_pointer (&root, json_node_unref);

  run_cli (&par, "pareto", results, "--x", "energy_Wh_per_kg_composite", "--y", "retention_at_n_cycles", "--json", NULL);
  g_assert_cmpint (par.status, ==, 0);
  root = json_from_string (par.out, &error);
  g_assert_no_error (error);
  front = json_object_get_array_member (json_node_get_object (root), "front");
  g_assert_cmpuint (json_array_get_length (front), >, 1);
  g_assert_cmpuint (st_count_lines (ref_text), ==, 24);
  recs = cc_sweep_read_results (results, FALSE, NULL, &error);
  designs = cc_sweep_summarize (recs);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (root), "designs"), ==, designs->len);
  for (guint i = 0; i < json_array_get_length (front); i++)
    {
      JsonObject *f = json_array_get_object_element (front, i);
      double fx = json_object_get_double_member (f, "x"), fy = json_object_get_double_member (f, "y");

      if (i > 0)
        g_assert_cmpfloat (fx, >=, json_object_get_double_member (json_array_get_object_element (front, i - 1), "x"));
      for (guint k = 0; k < designs->len; k++)
        {
          const CcSweepDesignSummary *d = g_ptr_array_index (designs, k);
          g_assert_false (d->mean[4] >= fx && d->mean[5] >= fy && (d->mean[4] > fx || d->mean[5] > fy));
        }
    }
  st_cleanup (dir);
}

/* Every shipped example loads, and every one of its designs is valid. */
static void
test_examples (void)
{
  g_autofree char *dir = g_build_filename (g_getenv ("CC_SOURCE_ROOT"), "data", "sweeps", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n_files = 0;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(CcSweep) s = NULL;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      n_files++;
      s = cc_sweep_load_from_file (path, &error);
      g_assert_no_error (error);
      for (guint64 i = 0; i < cc_sweep_get_n_points (s); i++)
        {
          CcSweepValue v[CC_SWEEP_MAX_AXES];
          g_autoptr(CcDesign) design = NULL;
          guint rep;

          cc_sweep_point_decompose (s, i, v, &rep);
          design = cc_sweep_build_design (s, v, rep, &error);
          if (design == NULL || !cc_design_validate (design, cc_material_db_get_default (), &error))
            g_error ("%s, point %" G_GUINT64_FORMAT ": %s", name, i, error->message);
        }
    }
  g_assert_cmpuint (n_files, >=, 4);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sweep/cli/default-evaluator", test_no_evaluator);
  g_test_add_func ("/sweep/cli/usage", test_usage);
  g_test_add_func ("/sweep/cli/shards", test_shards);
  g_test_add_func ("/sweep/cli/slurm-script", test_slurm_script);
  g_test_add_func ("/sweep/cli/gnu-parallel", test_gnu_parallel);
  g_test_add_func ("/sweep/cli/interrupt-sigint", test_interrupt_sigint);
  g_test_add_func ("/sweep/cli/interrupt-sigterm", test_interrupt_sigterm);
  g_test_add_func ("/sweep/cli/optimize-and-pareto", test_optimize_and_pareto);
  g_test_add_func ("/sweep/cli/examples", test_examples);
  return g_test_run ();
}
