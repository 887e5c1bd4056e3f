/* SPDX-License-Identifier: GPL-3.0-or-later
 * Running sweeps: what a results line holds, invalid and failed points,
 * determinism over thread counts, resume after interruption, shards merged
 * into the unsharded file, refusing foreign files, cancellation. */
#include "sweep-test-util.h"
#include "cc-sweep-merge.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>

/* 4 x 3 designs x 2 replicates = 24 points. */
static const char *grid_sweep =
  "{\"format\":\"cathode-composer-sweep\",\"version\":1,\"base\":\"default\",\"replicates\":2,"
  " \"axes\":[{\"path\":\"components[0].mass_fraction\",\"from\":0.55,\"to\":0.85,\"steps\":4},"
  "           {\"path\":\"protocol.voltage_max_V\",\"values\":[2.8,3.0,3.2]}]}";

static const CcSweepEvaluator *
plain_evaluator (void)
{
  return cc_analytic_test_evaluator (NULL);
}

static GPtrArray *
read_records (const char *path)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *r = cc_sweep_read_results (path, FALSE, NULL, &error);

  g_assert_no_error (error);
  return r;
}

/* Every point is written once, sorted, with the metrics the evaluator
 * computed for exactly that design. */
static void
test_records (void)
{
  g_autofree char *dir = st_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "all.jsonl", NULL);
  g_autoptr(CcSweep) s = st_load (grid_sweep);
  g_autoptr(GPtrArray) recs = NULL;

  st_run (s, plain_evaluator (), 0, 1, 2, out);
  recs = read_records (out);
  g_assert_cmpuint (recs->len, ==, 24);
  for (guint i = 0; i < recs->len; i++)
    {
      const CcSweepRecord *r = g_ptr_array_index (recs, i);
      CcSweepValue v[2];
      guint rep;
      g_autoptr(CcDesign) d = NULL;
      CcSweepMetrics m;
      g_autofree char *id = NULL;

      g_assert_cmpuint (r->index, ==, i);
      g_assert_cmpint (r->status, ==, CC_SWEEP_STATUS_OK);
      g_assert_cmpstr (r->evaluator, ==, "analytic-test");
      cc_sweep_point_decompose (s, i, v, &rep);
      id = cc_sweep_point_id (s, v, rep);
      g_assert_cmpstr (r->id, ==, id);
      g_assert_cmpuint (r->replicate, ==, rep);
      g_assert_cmpfloat (json_object_get_double_member (json_node_get_object (r->values),
                                                        "protocol.voltage_max_V"), ==, v[1].number);

      d = cc_sweep_build_design (s, v, rep, NULL);
      g_assert_cmpuint (r->seed, ==, d->simulation.seed);
      cc_sweep_metrics_init (&m);
      g_assert_true (cc_analytic_test_evaluate (d, &m, NULL, NULL, NULL));
      /* Written with the shortest round-trip text: read back exactly. */
      for (guint k = 0; k < cc_sweep_metric_get_n (); k++)
        g_assert_cmpfloat (cc_sweep_metrics_get (&r->metrics, k), ==, cc_sweep_metrics_get (&m, k));
      g_assert_cmpstr (r->metrics.limiting_mechanism, ==, m.limiting_mechanism);
      g_assert_cmpuint (r->metrics.retention_cycles, ==, 500);
      cc_sweep_metrics_clear (&m);
    }
  /* Replicates differ through the seed only, and the noise is small. */
  {
    const CcSweepRecord *a = g_ptr_array_index (recs, 0), *b = g_ptr_array_index (recs, 1);
    double ea = a->metrics.energy_Wh_per_kg_composite, eb = b->metrics.energy_Wh_per_kg_composite;
    g_assert_cmpfloat (ea, !=, eb);
    g_assert_cmpfloat (fabs (ea - eb) / ea, <, 0.03);
  }
  st_cleanup (dir);
}

/* Bad designs and evaluator failures are results, not fatal. */
static void
test_invalid_and_failed (void)
{
  g_autofree char *dir = st_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "r.jsonl", NULL);
  g_autoptr(CcSweep) s = st_load (
    "{\"format\":\"cathode-composer-sweep\",\"version\":1,\"base\":\"default\","
    " \"axes\":[{\"path\":\"components[0].mass_fraction\",\"values\":[0.6,1.2]},"
    "           {\"path\":\"components[0].d50_um\",\"values\":[5,40]},"
    "           {\"path\":\"process.pressure_MPa\",\"values\":[300,-5]}]}");
  g_autoptr(GPtrArray) recs = NULL;
  g_autoptr(GError) error = NULL;
  CcSweepRunOptions o = { 0, 1, 2, out };
  CcSweepProgress p;
  const CcSweepRecord *r;

  g_assert_true (cc_sweep_run (s, plain_evaluator (), cc_material_db_get_default (), &o, NULL, NULL, NULL, &p, &error));
  g_assert_no_error (error);
  /* 0.6 x 5 x 300 ok; 0.6 x 40 x 300 failed; any -5 or 1.2: invalid. */
  g_assert_cmpuint (p.n_ok, ==, 1);
  g_assert_cmpuint (p.n_failed, ==, 1);
  g_assert_cmpuint (p.n_invalid, ==, 6);
  recs = read_records (out);
  g_assert_cmpuint (recs->len, ==, 8);

  r = g_ptr_array_index (recs, 0);
  g_assert_cmpint (r->status, ==, CC_SWEEP_STATUS_OK);
  r = g_ptr_array_index (recs, 1);
  g_assert_cmpint (r->status, ==, CC_SWEEP_STATUS_INVALID);
  g_assert_cmpstr (r->metrics.error, ==, "process.pressure_MPa = -5: must be between 0 and 5000");
  r = g_ptr_array_index (recs, 2);
  g_assert_cmpint (r->status, ==, CC_SWEEP_STATUS_FAILED);
  g_assert_nonnull (strstr (r->metrics.error, "outside the test function's domain"));
  g_assert_true (isnan (r->metrics.energy_Wh_per_kg_composite));
  r = g_ptr_array_index (recs, 4);
  g_assert_cmpint (r->status, ==, CC_SWEEP_STATUS_INVALID);
  g_assert_nonnull (strstr (r->metrics.error, "sum to 1.2, more than 1"));
  g_assert_nonnull (strstr (r->line, "\"status\":\"invalid\""));
  g_assert_null (strstr (r->line, "\"metrics\""));
  st_cleanup (dir);
}

/* The finished file does not depend on the number of threads. */
static void
test_determinism (void)
{
  g_autofree char *dir = st_tmpdir ();
  g_autofree char *a = g_build_filename (dir, "a.jsonl", NULL);
  g_autofree char *b = g_build_filename (dir, "b.jsonl", NULL);
  g_autofree char *c = g_build_filename (dir, "c.jsonl", NULL);
  g_autoptr(CcSweep) s = st_load (grid_sweep);
  g_autofree char *ta = NULL, *tb = NULL, *tc = NULL;

  st_run (s, plain_evaluator (), 0, 1, 1, a);
  st_run (s, plain_evaluator (), 0, 1, 2, b);
  st_run (s, plain_evaluator (), 0, 1, 7, c);
  ta = st_read (a);
  tb = st_read (b);
  tc = st_read (c);
  g_assert_cmpuint (st_count_lines (ta), ==, 24);
  g_assert_cmpstr (ta, ==, tb);
  g_assert_cmpstr (ta, ==, tc);
  st_cleanup (dir);
}

typedef struct {
  GCancellable *cancellable;
  guint64       cancel_after;
  guint64       calls;
} CancelAfter;

static void
cancel_after (const CcSweepProgress *p,
              gpointer               user_data)
{
  CancelAfter *c = user_data;

  c->calls++;
  g_assert_cmpuint (p->done, ==, c->calls);
  if (p->done == c->cancel_after)
    g_cancellable_cancel (c->cancellable);
}

/* Interrupted, then run again: the same file as an uninterrupted run, and
 * only the missing points computed. A line cut off by a kill is redone. */
static void
test_resume (void)
{
  g_autofree char *dir = st_tmpdir ();
  g_autofree char *ref = g_build_filename (dir, "ref.jsonl", NULL);
  g_autofree char *out = g_build_filename (dir, "out.jsonl", NULL);
  g_autoptr(CcSweep) s = st_load (grid_sweep);
  CcAnalyticTestOptions slow = { 3000 };
  CcSweepEvaluator ev = *plain_evaluator ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  CancelAfter ca = { cancellable, 7, 0 };
  CcSweepRunOptions o = { 0, 1, 2, out };
  CcSweepProgress p;
  g_autoptr(GError) error = NULL;
  g_autofree char *ref_text = NULL, *partial = NULL, *final = NULL;
  guint saved;

  ev.user_data = &slow;
  st_run (s, plain_evaluator (), 0, 1, 1, ref);
  ref_text = st_read (ref);

  g_assert_false (cc_sweep_run (s, &ev, cc_material_db_get_default (), &o, cancel_after, &ca, cancellable, &p, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_nonnull (strstr (error->message, "run the same command again to resume"));
  g_clear_error (&error);
  partial = st_read (out);
  saved = st_count_lines (partial);
  g_assert_cmpuint (saved, >=, 7);
  g_assert_cmpuint (saved, <, 24);
  g_assert_cmpuint (saved, ==, p.done);

  /* Simulate a kill in the middle of writing a line. */
  {
    g_autofree char *cut = g_strconcat (partial, "{\"index\":23,\"id\":\"ab", NULL);
    g_assert_true (g_file_set_contents (out, cut, -1, NULL));
  }
  g_assert_true (cc_sweep_run (s, plain_evaluator (), cc_material_db_get_default (), &o, NULL, NULL, NULL, &p, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (p.resumed, ==, saved);
  g_assert_cmpuint (p.done, ==, 24 - saved);
  final = st_read (out);
  g_assert_cmpstr (final, ==, ref_text);

  /* A finished file: nothing left to do, and it stays as it is. */
  g_assert_true (cc_sweep_run (s, plain_evaluator (), cc_material_db_get_default (), &o, NULL, NULL, NULL, &p, &error));
  g_assert_cmpuint (p.done, ==, 0);
  g_assert_cmpuint (p.resumed, ==, 24);
  g_free (final);
  final = st_read (out);
  g_assert_cmpstr (final, ==, ref_text);
  st_cleanup (dir);
}

/* Three shards merged give the unsharded file byte for byte. */
static void
test_shards_merge (void)
{
  g_autofree char *dir = st_tmpdir ();
  g_autofree char *ref = g_build_filename (dir, "ref.jsonl", NULL);
  g_autofree char *all = g_build_filename (dir, "all.jsonl", NULL);
  g_autoptr(CcSweep) s = st_load (grid_sweep);
  char *parts[4] = { NULL };
  g_autoptr(GError) error = NULL;
  CcSweepMergeSummary sum;
  g_autofree char *ref_text = NULL, *all_text = NULL;

  st_run (s, plain_evaluator (), 0, 1, 2, ref);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GPtrArray) recs = NULL;

      parts[i] = g_strdup_printf ("%s/part%u.jsonl", dir, i);
      st_run (s, plain_evaluator (), i, 3, 1 + i, parts[i]);
      recs = read_records (parts[i]);
      g_assert_cmpuint (recs->len, ==, 8);
      for (guint k = 0; k < recs->len; k++)
        g_assert_cmpuint (((CcSweepRecord *) g_ptr_array_index (recs, k))->index % 3, ==, i);
    }
  /* Out of order, with the sweep check. */
  {
    const char *inputs[] = { parts[2], parts[0], parts[1], NULL };
    g_assert_true (cc_sweep_merge (inputs, all, s, &sum, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (sum.n_points, ==, 24);
  ref_text = st_read (ref);
  all_text = st_read (all);
  g_assert_cmpstr (all_text, ==, ref_text);

  /* The same shard twice: identical lines are dropped. */
  {
    const char *inputs[] = { parts[0], parts[1], parts[2], parts[1], NULL };
    g_assert_true (cc_sweep_merge (inputs, all, NULL, &sum, &error));
    g_assert_cmpuint (sum.n_duplicates, ==, 8);
    g_free (all_text);
    all_text = st_read (all);
    g_assert_cmpstr (all_text, ==, ref_text);
  }
  /* A missing shard is an error with the sweep, and names the first gap. */
  {
    const char *inputs[] = { parts[0], parts[2], NULL };
    g_assert_false (cc_sweep_merge (inputs, all, s, &sum, &error));
    g_assert_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_MISMATCH);
    g_assert_cmpuint (sum.n_missing, ==, 8);
    g_assert_nonnull (strstr (error->message, "the first is point 1,"));
    g_clear_error (&error);
  }
  /* Two different results for one point cannot be merged. */
  {
    g_autofree char *text = st_read (parts[1]);
    g_autofree char *bad = g_build_filename (dir, "bad.jsonl", NULL);
    char *p = strstr (text, "\"energy_Wh_per_kg_composite\":");
    const char *inputs[] = { parts[1], bad, NULL };

    g_assert_nonnull (p);
    p += strlen ("\"energy_Wh_per_kg_composite\":");
    *p = (*p == '1') ? '2' : '1';
    g_assert_true (g_file_set_contents (bad, text, -1, NULL));
    g_assert_false (cc_sweep_merge (inputs, all, NULL, &sum, &error));
    g_assert_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_MISMATCH);
    g_assert_nonnull (strstr (error->message, "appears twice with different results"));
    g_clear_error (&error);
  }
  for (guint i = 0; i < 3; i++)
    g_free (parts[i]);
  st_cleanup (dir);
}

/* A results file of another sweep, shard or evaluator is refused and kept. */
static void
test_mismatch (void)
{
  g_autofree char *dir = st_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "out.jsonl", NULL);
  g_autoptr(CcSweep) s = st_load (grid_sweep);
  g_autoptr(CcSweep) other = st_load (
    "{\"format\":\"cathode-composer-sweep\",\"version\":1,\"base\":\"preset:nacro2-na3ps4\",\"replicates\":2,"
    " \"axes\":[{\"path\":\"components[0].mass_fraction\",\"from\":0.55,\"to\":0.85,\"steps\":4},"
    "           {\"path\":\"protocol.voltage_max_V\",\"values\":[2.8,3.0,3.2]}]}");
  CcSweepEvaluator renamed = *plain_evaluator ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  CcSweepRunOptions o = { 0, 1, 2, out };

  st_run (s, plain_evaluator (), 0, 1, 2, out);
  before = st_read (out);

  g_assert_false (cc_sweep_run (other, plain_evaluator (), cc_material_db_get_default (), &o, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_MISMATCH);
  g_assert_nonnull (strstr (error->message, "another sweep"));
  g_clear_error (&error);

  renamed.name = "analytic-test-v2";
  g_assert_false (cc_sweep_run (s, &renamed, cc_material_db_get_default (), &o, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_MISMATCH);
  g_assert_nonnull (strstr (error->message, "evaluator \"analytic-test\""));
  g_clear_error (&error);

  o.shard_index = 1;
  o.shard_count = 2;
  g_assert_false (cc_sweep_run (s, plain_evaluator (), cc_material_db_get_default (), &o, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_MISMATCH);
  g_assert_nonnull (strstr (error->message, "belongs to shard 0/2, not 1/2"));
  g_clear_error (&error);

  after = st_read (out);
  g_assert_cmpstr (after, ==, before);
  st_cleanup (dir);
}

static gboolean
cancel_later (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

static gpointer
cancel_thread (gpointer data)
{
  g_usleep (100000);
  cancel_later (data);
  return NULL;
}

/* Cancelling stops the queued points at once and the running ones through
 * the evaluator's cancellable; cancelled points are not recorded. */
static void
test_cancel (void)
{
  g_autofree char *dir = st_tmpdir ();
  g_autofree char *out = g_build_filename (dir, "out.jsonl", NULL);
  g_autoptr(CcSweep) s = st_load (grid_sweep);
  CcAnalyticTestOptions very_slow = { 2000000 };   /* 2 s per point */
  CcSweepEvaluator ev = *plain_evaluator ();
  g_autoptr(GCancellable) pre = g_cancellable_new ();
  g_autoptr(GCancellable) mid = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  CcSweepRunOptions o = { 0, 1, 2, out };
  CcSweepProgress p;
  g_autoptr(GThread) t = NULL;
  gint64 start;
  g_autofree char *text = NULL;

  ev.user_data = &very_slow;
  g_cancellable_cancel (pre);
  g_assert_false (cc_sweep_run (s, &ev, cc_material_db_get_default (), &o, NULL, NULL, pre, &p, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (p.done, ==, 0);
  g_clear_error (&error);

  start = g_get_monotonic_time ();
  t = g_thread_new ("cancel", cancel_thread, mid);
  g_assert_false (cc_sweep_run (s, &ev, cc_material_db_get_default (), &o, NULL, NULL, mid, &p, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Well before even one point (2 s) could finish. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 1000000);
  g_assert_cmpuint (p.done, ==, 0);
  text = st_read (out);
  g_assert_cmpstr (text, ==, "");
  g_thread_join (g_steal_pointer (&t));
  st_cleanup (dir);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sweep/run/records", test_records);
  g_test_add_func ("/sweep/run/invalid-and-failed", test_invalid_and_failed);
  g_test_add_func ("/sweep/run/determinism", test_determinism);
  g_test_add_func ("/sweep/run/resume", test_resume);
  g_test_add_func ("/sweep/run/shards-merge", test_shards_merge);
  g_test_add_func ("/sweep/run/mismatch", test_mismatch);
  g_test_add_func ("/sweep/run/cancel", test_cancel);
  return g_test_run ();
}
