/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Evaluator choice and interruption for the sweep commands.
 */
#include "cli-sweep-common.h"
#include "cli-common.h"
#include "analytic-test-evaluator.h"
#include "cc-sweep-error.h"

#include <glib-unix.h>
#include <signal.h>
#include <stdlib.h>

/* The analytic test function ships in the CLI only so that the command-line
 * and cluster-script tests can drive the sweep machinery without the
 * models; it is never the default. CC_ANALYTIC_TEST_DELAY_MS slows it down
 * for interruption tests. */
static void
register_test_evaluators (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      CcAnalyticTestOptions o = { 0 };
      const char *delay = g_getenv ("CC_ANALYTIC_TEST_DELAY_MS");

      if (delay != NULL)
        o.delay_us = (guint) MIN (g_ascii_strtoull (delay, NULL, 10), 60000) * 1000;
      cc_sweep_evaluator_register (cc_analytic_test_evaluator (&o));
      g_once_init_leave (&done, 1);
    }
}

static char *
list_names (void)
{
  g_autoptr(GPtrArray) all = cc_sweep_evaluator_list ();
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < all->len; i++)
    {
      const CcSweepEvaluator *e = g_ptr_array_index (all, i);
      g_string_append_printf (s, "%s%s%s", i ? ", " : "", e->name, e->is_test ? _(" (test fixture)") : "");
    }
  return g_string_free (s, FALSE);
}

const CcSweepEvaluator *
cli_sweep_evaluator (const char  *name,
                     GError     **error)
{
  const CcSweepEvaluator *e;

  register_test_evaluators ();
  e = name ? cc_sweep_evaluator_lookup (name) : cc_sweep_evaluator_get_default ();
  if (e == NULL && name == NULL)
    {
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_NO_EVALUATOR,
                   _("no evaluator in this build: the packing and electrochemistry models that compute a "
                     "design's metrics are not part of this cathode-composer-cli, so there is nothing to "
                     "compute. (--evaluator=analytic-test drives the sweep machinery with a synthetic test "
                     "function for testing; its numbers are not predictions.)"));
      return NULL;
    }
  if (e == NULL)
    {
      g_autofree char *names = list_names ();
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_NO_EVALUATOR,
                   _("unknown evaluator \"%s\"; this build has: %s"), name, names);
      return NULL;
    }
  if (e->is_test)
    g_printerr (_("cathode-composer-cli: evaluator %s is %s\n"), e->name, e->summary);
  return e;
}

typedef struct {
  CliWorkFunc   func;
  gpointer      data;
  GCancellable *cancellable;
  GMainLoop    *loop;
  gboolean      ok;
  GError       *error;
  guint         signals;
} Work;

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static gpointer
work_thread (gpointer data)
{
  Work *w = data;

  w->ok = w->func (w->data, w->cancellable, &w->error);
  g_idle_add (quit_loop, w->loop);
  return NULL;
}

static gboolean
on_signal (gpointer data)
{
  Work *w = data;

  if (++w->signals > 1)
    {
      g_printerr ("\n");
      g_printerr (_("cathode-composer-cli: stopped at once; finished points are saved\n"));
      exit (CLI_EXIT_INTERRUPTED);
    }
  g_printerr ("\n");
  g_printerr (_("cathode-composer-cli: stopping after the points in progress (again to stop at once)\n"));
  g_cancellable_cancel (w->cancellable);
  return G_SOURCE_CONTINUE;
}

gboolean
cli_run_interruptible (CliWorkFunc   func,
                       gpointer      data,
                       GError      **error)
{
  Work w = { func, data, g_cancellable_new (), g_main_loop_new (NULL, FALSE), FALSE, NULL, 0 };
  guint sig_int = g_unix_signal_add (SIGINT, on_signal, &w);
  guint sig_term = g_unix_signal_add (SIGTERM, on_signal, &w);
  GThread *t = g_thread_new ("cli-work", work_thread, &w);

  g_main_loop_run (w.loop);
  g_thread_join (t);
  g_source_remove (sig_int);
  g_source_remove (sig_term);
  g_main_loop_unref (w.loop);
  g_object_unref (w.cancellable);
  if (!w.ok)
    g_propagate_error (error, w.error);
  return w.ok;
}

int
cli_sweep_fail (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return cli_fail (CLI_EXIT_INTERRUPTED, "%s", error->message);
  return cli_fail_error (error);
}

gboolean
cli_metric_lookup (const char  *option,
                   const char  *name,
                   guint       *out,
                   GError     **error)
{
  g_autoptr(GString) names = NULL;

  if (name != NULL && cc_sweep_metric_lookup (name, out))
    return TRUE;
  names = g_string_new (NULL);
  for (guint i = 0; i < cc_sweep_metric_get_n (); i++)
    g_string_append_printf (names, "%s%s", i ? ", " : "", cc_sweep_metric_get_name (i));
  if (name != NULL)
    g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID, _("%s: unknown metric \"%s\"; give one of %s"),
                 option, name, names->str);
  else
    g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID, _("%s: missing; give one of %s"),
                 option, names->str);
  return FALSE;
}
