/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cathode-composer-cli sweep SWEEP.json --out FILE.jsonl [--shard I/N] …
 * cathode-composer-cli sweep-merge A.jsonl B.jsonl … --out ALL.jsonl
 */
#include "cli-common.h"
#include "cli-commands.h"
#include "cli-sweep-common.h"
#include "cc-json-util.h"
#include "cc-sweep-merge.h"
#include "cc-sweep-run.h"

#include <stdio.h>
#include <unistd.h>

typedef struct {
  CcSweep                *sweep;
  const CcSweepEvaluator *evaluator;
  CcSweepRunOptions       options;
  CcSweepProgress         summary;
  gboolean                quiet;
  gboolean                tty;
  gint64                  last_report_us;
  guint64                 last_decile;
} SweepJob;

static void
report (const CcSweepProgress *p,
        gpointer               data)
{
  SweepJob *job = data;
  gint64 now = g_get_monotonic_time ();
  guint64 finished = p->resumed + p->done;
  guint64 decile = p->total ? finished * 10 / p->total : 10;
  double rate = p->elapsed_s > 0 ? p->done / p->elapsed_s : 0;
  double left = rate > 0 ? (p->total - finished) / rate : 0;

  if (job->quiet)
    return;
  /* A terminal gets a live line; a log (Slurm, CI) a line per tenth. */
  if (job->tty ? now - job->last_report_us < 200000 && finished < p->total
               : decile == job->last_decile && finished < p->total)
    return;
  job->last_report_us = now;
  job->last_decile = decile;
  fputs (job->tty ? "\r" : "", stderr);
  fprintf (stderr, _("sweep: %llu/%llu points (%llu invalid, %llu failed), %.3g points/s, about %.0f s left"),
           (unsigned long long) finished, (unsigned long long) p->total, (unsigned long long) p->n_invalid,
           (unsigned long long) p->n_failed, rate, left);
  fputs (job->tty ? "   " : "\n", stderr);
  fflush (stderr);
}

static gboolean
run_sweep (gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  SweepJob *job = data;

  return cc_sweep_run (job->sweep, job->evaluator, cc_material_db_get_default (), &job->options,
                       report, job, cancellable, &job->summary, error);
}

static int
list_points (CcSweep  *sweep,
             guint     shard_index,
             guint     shard_count,
             gboolean  json)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  guint64 n = cc_sweep_get_n_points (sweep);
  CcSweepValue v[CC_SWEEP_MAX_AXES];

  json_builder_begin_array (b);
  for (guint64 i = shard_index; i < n; i += shard_count)
    {
      g_autoptr(JsonNode) values = NULL;
      g_autofree char *id = NULL;
      guint rep;

      cc_sweep_point_decompose (sweep, i, v, &rep);
      id = cc_sweep_point_id (sweep, v, rep);
      values = cc_sweep_values_to_json (sweep, v);
      if (!json)
        {
          g_autofree char *text = cc_json_to_data (values, FALSE, NULL);
          printf ("%" G_GUINT64_FORMAT "\t%s\t%u\t%s\n", i, id, rep, text);
          continue;
        }
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "index");
      json_builder_add_int_value (b, (gint64) i);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, id);
      json_builder_set_member_name (b, "replicate");
      json_builder_add_int_value (b, rep);
      json_builder_set_member_name (b, "values");
      json_builder_add_value (b, g_steal_pointer (&values));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (json)
    {
      root = json_builder_get_root (b);
      cli_print_json (root);
    }
  return CLI_EXIT_OK;
}

static void
print_summary (const SweepJob *job,
               const char     *shard,
               gboolean        json)
{
  const CcSweepProgress *p = &job->summary;
  double rate = p->elapsed_s > 0 ? p->done / p->elapsed_s : 0;

  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      const struct { const char *k; guint64 v; } counts[] = {
        { "points", p->total }, { "resumed", p->resumed }, { "computed", p->done },
        { "ok", p->n_ok }, { "invalid", p->n_invalid }, { "failed", p->n_failed },
      };

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "out");
      json_builder_add_string_value (b, job->options.out_path);
      json_builder_set_member_name (b, "shard");
      json_builder_add_string_value (b, shard);
      json_builder_set_member_name (b, "evaluator");
      json_builder_add_string_value (b, job->evaluator->name);
      for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
        {
          json_builder_set_member_name (b, counts[i].k);
          json_builder_add_int_value (b, (gint64) counts[i].v);
        }
      json_builder_set_member_name (b, "seconds");
      json_builder_add_double_value (b, p->elapsed_s);
      json_builder_set_member_name (b, "points_per_second");
      json_builder_add_double_value (b, rate);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      cli_print_json (root);
    }
  if (!job->quiet)
    {
      g_printerr ("%s", job->tty ? "\n" : "");
      g_printerr (_("sweep: %llu points of shard %s in %s (%llu ok, %llu invalid, %llu failed; "
                    "%llu computed now in %.1f s)\n"),
                  (unsigned long long) p->total, shard, job->options.out_path, (unsigned long long) p->n_ok,
                  (unsigned long long) p->n_invalid, (unsigned long long) p->n_failed,
                  (unsigned long long) p->done, p->elapsed_s);
    }
}

int
cli_sweep_run (int    argc,
               char **argv)
{
  g_autofree char *out = NULL, *shard = NULL, *evaluator = NULL;
  g_autoptr(CcSweep) sweep = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE, list = FALSE, quiet = FALSE;
  int threads = 0, rc;
  SweepJob job = { NULL };
  GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("Results file (JSON Lines); an existing one is resumed"), "FILE" },
    { "shard", 0, 0, G_OPTION_ARG_STRING, &shard, N_("Run shard I of N (points with index % N = I)"), "I/N" },
    { "threads", 't', 0, G_OPTION_ARG_INT, &threads, N_("Worker threads (default: all cores)"), "N" },
    { "evaluator", 0, 0, G_OPTION_ARG_STRING, &evaluator, N_("Evaluator (default: the build's model)"), "NAME" },
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, N_("Print the points (index, id, replicate, values) and exit"), NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("No progress on stderr"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON summary (with --list: the points)"), NULL },
    { NULL }
  };

  rc = cli_parse_options ("sweep", "SWEEP.json --out FILE.jsonl", N_("Run a design-space sweep (or one shard of it)."),
                          entries, &argc, &argv);
  if (rc != CLI_EXIT_OK)
    return rc;
  if (argc != 2)
    return cli_fail (CLI_EXIT_USAGE, _("sweep: give exactly one sweep file"));
  if (threads < 0 || threads > 4096)
    return cli_fail (CLI_EXIT_USAGE, _("sweep: --threads must be between 1 and 4096"));
  job.options.shard_count = 1;
  if (shard != NULL && !cc_sweep_parse_shard (shard, &job.options.shard_index, &job.options.shard_count, &error))
    return cli_fail (CLI_EXIT_USAGE, "sweep: %s", error->message);

  sweep = cc_sweep_load_from_file (argv[1], &error);
  if (sweep == NULL)
    return cli_fail_error (error);
  if (list)
    return list_points (sweep, job.options.shard_index, job.options.shard_count, json);
  if (out == NULL)
    return cli_fail (CLI_EXIT_USAGE, _("sweep: give the results file with --out FILE.jsonl"));

  job.evaluator = cli_sweep_evaluator (evaluator, &error);
  if (job.evaluator == NULL)
    return cli_fail_error (error);
  job.sweep = sweep;
  job.options.n_threads = (guint) threads;
  job.options.out_path = out;
  job.quiet = quiet;
  job.tty = isatty (STDERR_FILENO);
  job.last_decile = G_MAXUINT64;
  if (!cli_run_interruptible (run_sweep, &job, &error))
    {
      if (!quiet && job.tty)
        g_printerr ("\n");
      return cli_sweep_fail (error);
    }
  {
    g_autofree char *shard_text = g_strdup_printf ("%u/%u", job.options.shard_index, job.options.shard_count);
    print_summary (&job, shard_text, json);
  }
  return CLI_EXIT_OK;
}

int
cli_sweep_merge_run (int    argc,
                     char **argv)
{
  g_autofree char *out = NULL, *sweep_path = NULL;
  g_autoptr(CcSweep) sweep = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  CcSweepMergeSummary s = { 0 };
  GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("Merged results file"), "FILE" },
    { "sweep", 0, 0, G_OPTION_ARG_FILENAME, &sweep_path, N_("Check the inputs against this sweep and require every point"), "SWEEP.json" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON summary"), NULL },
    { NULL }
  };
  int rc;

  rc = cli_parse_options ("sweep-merge", "A.jsonl B.jsonl … --out ALL.jsonl",
                          N_("Join the results of sweep shards into one canonical file."), entries, &argc, &argv);
  if (rc != CLI_EXIT_OK)
    return rc;
  if (argc < 2)
    return cli_fail (CLI_EXIT_USAGE, _("sweep-merge: give the results files to merge"));
  if (out == NULL)
    return cli_fail (CLI_EXIT_USAGE, _("sweep-merge: give the merged file with --out FILE.jsonl"));
  if (sweep_path != NULL && (sweep = cc_sweep_load_from_file (sweep_path, &error)) == NULL)
    return cli_fail_error (error);

  {
    g_autoptr(GPtrArray) inputs = g_ptr_array_new ();
    for (int i = 1; i < argc; i++)
      g_ptr_array_add (inputs, argv[i]);
    g_ptr_array_add (inputs, NULL);
    if (!cc_sweep_merge ((const char * const *) inputs->pdata, out, sweep, &s, &error))
      return cli_fail_error (error);
  }
  if (json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "out");
      json_builder_add_string_value (b, out);
      json_builder_set_member_name (b, "inputs");
      json_builder_add_int_value (b, argc - 1);
      json_builder_set_member_name (b, "points");
      json_builder_add_int_value (b, (gint64) s.n_points);
      json_builder_set_member_name (b, "duplicates_dropped");
      json_builder_add_int_value (b, (gint64) s.n_duplicates);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      cli_print_json (root);
    }
  else
    printf (_("merged %llu points from %d files into %s (%llu identical duplicates dropped)\n"),
            (unsigned long long) s.n_points, argc - 1, out, (unsigned long long) s.n_duplicates);
  return CLI_EXIT_OK;
}
