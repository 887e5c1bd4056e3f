/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cathode-composer-cli optimize SWEEP.json --objective METRIC --maximize [--constraint 'M>=V'] …
 * cathode-composer-cli pareto FILE.jsonl --x METRIC --y METRIC [--min-x] [--min-y]
 */
#include "cli-common.h"
#include "cli-commands.h"
#include "cli-sweep-common.h"
#include "cc-json-util.h"
#include "cc-sweep-optimize.h"
#include "cc-sweep-pareto.h"

#include <math.h>
#include <stdio.h>

typedef struct {
  CcSweep                *sweep;
  const CcSweepEvaluator *evaluator;
  CcSweepOptimizeOptions  options;
  CcSweepOptimizeResult  *result;
} OptimizeJob;

static gboolean
run_optimize (gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  OptimizeJob *job = data;

  job->result = cc_sweep_optimize (job->sweep, job->evaluator, cc_material_db_get_default (),
                                   &job->options, cancellable, error);
  return job->result != NULL;
}

static void
add_metrics (JsonBuilder    *b,
             const char     *member,
             const double   *values)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  for (guint k = 0; k < CC_SWEEP_N_METRICS; k++)
    {
      json_builder_set_member_name (b, cc_sweep_metric_get_name (k));
      if (isfinite (values[k]))
        json_builder_add_double_value (b, values[k]);
      else
        json_builder_add_null_value (b);
    }
  json_builder_end_object (b);
}

static void
optimum_to_json (JsonBuilder          *b,
                 const CcSweepOptimum *m)
{
  double mean[CC_SWEEP_N_METRICS];

  for (guint k = 0; k < CC_SWEEP_N_METRICS; k++)
    mean[k] = cc_sweep_metrics_get (&m->mean, k);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "values");
  json_builder_add_value (b, json_node_copy (m->values_json));
  json_builder_set_member_name (b, "feasible");
  json_builder_add_boolean_value (b, m->feasible);
  json_builder_set_member_name (b, "computed");
  json_builder_add_boolean_value (b, m->computed);
  json_builder_set_member_name (b, "violation");
  if (isfinite (m->violation))
    json_builder_add_double_value (b, m->violation);
  else
    json_builder_add_null_value (b);
  if (m->computed)
    {
      add_metrics (b, "mean", mean);
      add_metrics (b, "sd", m->sd);
      json_builder_set_member_name (b, "limiting_mechanism");
      json_builder_add_string_value (b, m->mean.limiting_mechanism ? m->mean.limiting_mechanism : "");
    }
  else
    {
      json_builder_set_member_name (b, "error");
      json_builder_add_string_value (b, m->error ? m->error : "");
    }
  json_builder_set_member_name (b, "evaluations");
  json_builder_add_int_value (b, m->evaluations);
  json_builder_set_member_name (b, "converged");
  json_builder_add_boolean_value (b, m->converged);
  json_builder_end_object (b);
}

static void
print_optimize_json (const OptimizeJob *job,
                     char             **constraints)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  const CcSweepOptimizeResult *r = job->result;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "objective");
  json_builder_add_string_value (b, cc_sweep_metric_get_name (job->options.objective));
  json_builder_set_member_name (b, "direction");
  json_builder_add_string_value (b, job->options.maximize ? "maximize" : "minimize");
  json_builder_set_member_name (b, "constraints");
  json_builder_begin_array (b);
  for (guint i = 0; constraints && constraints[i]; i++)
    json_builder_add_string_value (b, constraints[i]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "evaluator");
  json_builder_add_string_value (b, job->evaluator->name);
  json_builder_set_member_name (b, "replicates");
  json_builder_add_int_value (b, cc_sweep_get_replicates (job->sweep));
  json_builder_set_member_name (b, "points_evaluated");
  json_builder_add_int_value (b, r->points_evaluated);
  json_builder_set_member_name (b, "optima");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->optima->len; i++)
    optimum_to_json (b, g_ptr_array_index (r->optima, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  cli_print_json (root);
}

static void
print_values (const JsonNode *values)
{
  JsonObject *obj = json_node_get_object ((JsonNode *) values);
  g_autoptr(GList) members = json_object_get_members (obj);

  for (GList *l = members; l; l = l->next)
    {
      g_autofree char *v = cc_json_to_data (json_object_get_member (obj, l->data), FALSE, NULL);
      printf ("    %s = %s\n", (const char *) l->data, v);
    }
}

static void
print_optimize_text (const OptimizeJob *job)
{
  const CcSweepOptimizeResult *r = job->result;
  guint R = cc_sweep_get_replicates (job->sweep);

  for (guint i = 0; i < r->optima->len; i++)
    {
      const CcSweepOptimum *m = g_ptr_array_index (r->optima, i);

      printf (_("%s (%s, %u designs searched%s):\n"), i == 0 ? _("Best design") : _("Next best"),
              m->feasible ? _("meets the constraints")
                          : m->computed ? _("VIOLATES the constraints") : _("not computed"),
              m->evaluations, m->converged ? _(", converged") : _(", evaluation budget spent"));
      print_values (m->values_json);
      if (!m->computed)
        {
          printf (_("    error: %s\n"), m->error);
          continue;
        }
      for (guint k = 0; k < CC_SWEEP_N_METRICS; k++)
        printf ("    %-28s %.5g ± %.2g %s\n", cc_sweep_metric_get_name (k),
                cc_sweep_metrics_get (&m->mean, k), m->sd[k], cc_sweep_metric_get_unit (k));
      printf ("    %-28s %s\n", "limiting_mechanism", m->mean.limiting_mechanism ? m->mean.limiting_mechanism : "-");
    }
  printf (ngettext ("(mean ± sd over %u replicate; %u points evaluated; evaluator %s)\n",
                    "(mean ± sd over %u replicates; %u points evaluated; evaluator %s)\n", R),
          R, r->points_evaluated, job->evaluator->name);
}

static gboolean
save_best (const OptimizeJob *job,
           const char        *path,
           GError           **error)
{
  const CcSweepOptimum *m = g_ptr_array_index (job->result->optima, 0);
  g_autoptr(CcDesign) d = cc_sweep_build_design (job->sweep, m->values, 0, error);

  return d != NULL && cc_design_save_to_file (d, path, error);
}

static int
check_direction (gboolean maximize,
                 gboolean minimize)
{
  if (maximize == minimize)
    return cli_fail (CLI_EXIT_USAGE, _("optimize: give one of --maximize and --minimize"));
  return CLI_EXIT_OK;
}

int
cli_optimize_run (int    argc,
                  char **argv)
{
  g_autofree char *objective = NULL, *evaluator = NULL, *design_out = NULL;
  g_auto(GStrv) constraints = NULL;
  g_autofree CcSweepConstraint *parsed = NULL;
  g_autoptr(CcSweep) sweep = NULL;
  g_autoptr(GError) error = NULL;
  gboolean maximize = FALSE, minimize = FALSE, json = FALSE;
  int threads = 0, budget = 200, rc;
  OptimizeJob job = { NULL };
  GOptionEntry entries[] = {
    { "objective", 0, 0, G_OPTION_ARG_STRING, &objective, N_("Metric to optimise"), "METRIC" },
    { "maximize", 0, 0, G_OPTION_ARG_NONE, &maximize, N_("Maximise the objective"), NULL },
    { "minimize", 0, 0, G_OPTION_ARG_NONE, &minimize, N_("Minimise the objective"), NULL },
    { "constraint", 'c', 0, G_OPTION_ARG_STRING_ARRAY, &constraints, N_("METRIC>=VALUE or METRIC<=VALUE (repeatable)"), "EXPR" },
    { "max-evaluations", 0, 0, G_OPTION_ARG_INT, &budget, N_("Designs per combination of categorical values (default 200)"), "N" },
    { "threads", 't', 0, G_OPTION_ARG_INT, &threads, N_("Worker threads (default: all cores)"), "N" },
    { "evaluator", 0, 0, G_OPTION_ARG_STRING, &evaluator, N_("Evaluator (default: the build's model)"), "NAME" },
    { "save-design", 0, 0, G_OPTION_ARG_FILENAME, &design_out, N_("Write the best design document here"), "FILE" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the result as JSON"), NULL },
    { NULL }
  };

  rc = cli_parse_options ("optimize", "SWEEP.json --objective METRIC --maximize|--minimize",
                          N_("Search the numeric axes of a sweep for the best design under constraints."),
                          entries, &argc, &argv);
  if (rc != CLI_EXIT_OK || (rc = check_direction (maximize, minimize)) != CLI_EXIT_OK)
    return rc;
  if (argc != 2)
    return cli_fail (CLI_EXIT_USAGE, _("optimize: give exactly one sweep file"));
  if (budget < 4 || budget > 100000 || threads < 0 || threads > 4096)
    return cli_fail (CLI_EXIT_USAGE, _("optimize: --max-evaluations must be 4 to 100000, --threads 1 to 4096"));
  if (!cli_metric_lookup ("--objective", objective, &job.options.objective, &error))
    return cli_fail (objective ? CLI_EXIT_INVALID : CLI_EXIT_USAGE, "optimize: %s", error->message);
  job.options.n_constraints = constraints ? g_strv_length (constraints) : 0;
  parsed = g_new0 (CcSweepConstraint, MAX (job.options.n_constraints, 1));
  for (guint i = 0; i < job.options.n_constraints; i++)
    if (!cc_sweep_constraint_parse (constraints[i], &parsed[i], &error))
      return cli_fail_error (error);

  sweep = cc_sweep_load_from_file (argv[1], &error);
  if (sweep == NULL)
    return cli_fail_error (error);
  job.evaluator = cli_sweep_evaluator (evaluator, &error);
  if (job.evaluator == NULL)
    return cli_fail_error (error);
  job.sweep = sweep;
  job.options.maximize = maximize;
  job.options.constraints = parsed;
  job.options.max_evaluations = (guint) budget;
  job.options.n_threads = (guint) threads;

  if (!cli_run_interruptible (run_optimize, &job, &error))
    return cli_sweep_fail (error);
  if (design_out != NULL && !save_best (&job, design_out, &error))
    rc = cli_fail_error (error);
  if (json)
    print_optimize_json (&job, constraints);
  else
    print_optimize_text (&job);
  cc_sweep_optimize_result_free (job.result);
  return rc;
}

/* ---- pareto ---------------------------------------------------------- */

static void
print_front_json (GPtrArray  *designs,
                  GArray     *front,
                  guint       mx,
                  guint       my,
                  gboolean    min_x,
                  gboolean    min_y)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "x");
  json_builder_add_string_value (b, cc_sweep_metric_get_name (mx));
  json_builder_set_member_name (b, "x_direction");
  json_builder_add_string_value (b, min_x ? "minimize" : "maximize");
  json_builder_set_member_name (b, "y");
  json_builder_add_string_value (b, cc_sweep_metric_get_name (my));
  json_builder_set_member_name (b, "y_direction");
  json_builder_add_string_value (b, min_y ? "minimize" : "maximize");
  json_builder_set_member_name (b, "designs");
  json_builder_add_int_value (b, designs->len);
  json_builder_set_member_name (b, "front");
  json_builder_begin_array (b);
  for (guint i = 0; i < front->len; i++)
    {
      const CcSweepDesignSummary *d = g_ptr_array_index (designs, g_array_index (front, guint, i));

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "first_index");
      json_builder_add_int_value (b, (gint64) d->first_index);
      json_builder_set_member_name (b, "values");
      json_builder_add_value (b, json_node_copy (d->values));
      json_builder_set_member_name (b, "replicates");
      json_builder_add_int_value (b, d->n_ok);
      json_builder_set_member_name (b, "x");
      json_builder_add_double_value (b, d->mean[mx]);
      json_builder_set_member_name (b, "x_sd");
      json_builder_add_double_value (b, d->sd[mx]);
      json_builder_set_member_name (b, "y");
      json_builder_add_double_value (b, d->mean[my]);
      json_builder_set_member_name (b, "y_sd");
      json_builder_add_double_value (b, d->sd[my]);
      json_builder_set_member_name (b, "limiting_mechanism");
      json_builder_add_string_value (b, d->limiting_mechanism ? d->limiting_mechanism : "");
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  cli_print_json (root);
}

static void
print_front_text (GPtrArray *designs,
                  GArray    *front,
                  guint      mx,
                  guint      my)
{
  printf (_("Pareto front: %u of %u designs (mean ± sd over replicates)\n"), front->len, designs->len);
  for (guint i = 0; i < front->len; i++)
    {
      const CcSweepDesignSummary *d = g_ptr_array_index (designs, g_array_index (front, guint, i));
      g_autofree char *values = cc_json_to_data (d->values, FALSE, NULL);

      printf ("  %s = %.5g ± %.2g   %s = %.5g ± %.2g   %s\n", cc_sweep_metric_get_name (mx), d->mean[mx],
              d->sd[mx], cc_sweep_metric_get_name (my), d->mean[my], d->sd[my], values);
    }
}

int
cli_pareto_run (int    argc,
                char **argv)
{
  g_autofree char *x = NULL, *y = NULL;
  g_autoptr(GPtrArray) records = NULL, designs = NULL;
  g_autoptr(GArray) front = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree double *vx = NULL, *vy = NULL;
  gboolean min_x = FALSE, min_y = FALSE, json = FALSE;
  guint mx, my;
  GOptionEntry entries[] = {
    { "x", 0, 0, G_OPTION_ARG_STRING, &x, N_("First objective (maximised)"), "METRIC" },
    { "y", 0, 0, G_OPTION_ARG_STRING, &y, N_("Second objective (maximised)"), "METRIC" },
    { "min-x", 0, 0, G_OPTION_ARG_NONE, &min_x, N_("Minimise the first objective instead"), NULL },
    { "min-y", 0, 0, G_OPTION_ARG_NONE, &min_y, N_("Minimise the second objective instead"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the front as JSON"), NULL },
    { NULL }
  };
  int rc;

  rc = cli_parse_options ("pareto", "FILE.jsonl --x METRIC --y METRIC",
                          N_("The Pareto front of two metrics over a sweep's results."), entries, &argc, &argv);
  if (rc != CLI_EXIT_OK)
    return rc;
  if (argc != 2)
    return cli_fail (CLI_EXIT_USAGE, _("pareto: give exactly one results file"));
  if (!cli_metric_lookup ("--x", x, &mx, &error) || !cli_metric_lookup ("--y", y, &my, &error))
    return cli_fail (x && y ? CLI_EXIT_INVALID : CLI_EXIT_USAGE, "pareto: %s", error->message);

  records = cc_sweep_read_results (argv[1], FALSE, NULL, &error);
  if (records == NULL)
    return cli_fail_error (error);
  designs = cc_sweep_summarize (records);
  vx = g_new (double, MAX (designs->len, 1));
  vy = g_new (double, MAX (designs->len, 1));
  for (guint i = 0; i < designs->len; i++)
    {
      const CcSweepDesignSummary *d = g_ptr_array_index (designs, i);
      vx[i] = d->mean[mx];
      vy[i] = d->mean[my];
    }
  front = cc_pareto_front (designs->len, vx, vy, !min_x, !min_y);
  if (json)
    print_front_json (designs, front, mx, my, min_x, min_y);
  else
    print_front_text (designs, front, mx, my);
  return CLI_EXIT_OK;
}
