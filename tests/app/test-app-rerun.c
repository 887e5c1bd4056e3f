/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What an edit re-runs in the app, on the real engines under a real display
 * (Xvfb): a literature cell (TiS2 in Na3PS4, 5,000 particles, ~3 s to pack)
 * is simulated once; a protocol edit then updates the electrochemistry
 * without packing again (same particle snapshot, same 3D view), a
 * formulation edit packs again, and the impedance pages show the first and
 * the last cycle, the last with the larger resistance (this cell's
 * interphase grows). Times from each edit to the charts on screen are
 * logged (CC_RERUN_REPEATS edits of each kind, default 3 and 1;
 * CC_RERUN_PARTICLES sets the particle budget, default 5,000).
 */
#include "cc-design-edit.h"
#include "cc-preset.h"
#include "cc-window.h"

#include <math.h>
#include <stdlib.h>

#include "figures-check.h"
#include "gui-test-util.h"

#define PRESET "tis2-na3ps4"

static CcApplication *app;
static CcWindow *window;
static guint n_finished;
static gint64 started_us, finished_us;
static GArray *protocol_s, *formulation_s;   /* edit -> charts, seconds */

static CcPipeline *
pipeline (void)
{
  return cc_window_get_pipeline (window);
}

static void
on_started (CcPipeline *p,
            CcRun      *run,
            gpointer    data)
{
  started_us = g_get_monotonic_time ();
}

/* Connected after the window's own handler: the charts are on screen. */
static void
on_finished (CcPipeline *p,
             CcRun      *run,
             GError     *error,
             gpointer    data)
{
  g_assert_no_error (error);
  n_finished++;
  finished_us = g_get_monotonic_time ();
}

static gboolean
finished_at_least (gpointer n)
{
  return n_finished >= GPOINTER_TO_UINT (n) && !cc_pipeline_get_running (pipeline ());
}

typedef void (*Change) (CcDesign *design,
                        guint     step);

/* Edits the design as the editor does and waits until the run it starts is
 * on screen; returns the seconds from the edit to the charts. */
static double
edit_and_wait (Change change,
               guint  step)
{
  CcDocument *document = cc_window_get_document (window);
  CcDesign *design = cc_document_dup_design (document);
  guint before = n_finished;
  gint64 t0;

  change (design, step);
  t0 = g_get_monotonic_time ();
  g_assert_true (cc_document_edit (document, design, NULL));
  g_assert_true (iterate_until (finished_at_least, GUINT_TO_POINTER (before + 1), 60));
  g_test_message ("edit -> charts %.3f s (run %.3f s)", (finished_us - t0) / 1e6,
                  (finished_us - started_us) / 1e6);
  return (finished_us - t0) / 1e6;
}

/* How many edits of a kind to time: CC_RERUN_REPEATS, else `fallback`. */
static guint
repeats (guint fallback)
{
  const char *env = g_getenv ("CC_RERUN_REPEATS");

  return env != NULL && atoi (env) > 0 ? (guint) atoi (env) : fallback;
}

static double base_cut_off;

/* 0.10, 0.15, 0.20 V below the preset's cut-off, round and round: every
 * step changes the design. */
static void
lower_cut_off (CcDesign *design,
               guint     step)
{
  design->protocol.voltage_max_V = base_cut_off - 0.10 - 0.05 * (step % 3);
}

static void
more_active_material (CcDesign *design,
                      guint     step)
{
  double f = ((CcComponent *) g_ptr_array_index (design->components, 0))->mass_fraction;

  g_assert_true (cc_design_edit_set_fraction (design, cc_material_db_get_default (), CC_FRACTION_MASS,
                                              0, f + 0.02));
}

static CcChart *
page_chart (CcChartKind kind)
{
  CcResultsView *results = cc_window_get_results (window);

  g_assert_true (cc_results_view_has_chart (results, kind));
  return cc_chart_view_get_chart (cc_results_view_get_chart_view (results, kind));
}

static double
column_max (CcChart *chart,
            guint    column)
{
  g_autoptr(GPtrArray) rows = figures_csv_rows (chart);
  double max = -INFINITY;

  for (guint i = 0; i < rows->len; i++)
    max = MAX (max, g_ascii_strtod (((char **) g_ptr_array_index (rows, i))[column], NULL));
  return max;
}

static guint
particle_serial (void)
{
  g_autoptr(GBytes) particles = NULL;
  guint serial = 0;

  particles = cc_pipeline_dup_particles (pipeline (), &serial, NULL);
  g_assert_nonnull (particles);
  return serial;
}

static guint
view_particles (void)
{
  return cc_particle_view_get_n_particles (cc_view_panel_get_view (cc_window_get_view_panel (window)));
}

/* The labels of a panel's labelled series (markers have none), joined. */
static char *
series_labels (CcChart *chart)
{
  CcPlot *plot = cc_chart_get_plot (chart, 0);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; i < cc_plot_get_n_series (plot); i++)
    if (cc_series_get_label (cc_plot_get_series (plot, i)) != NULL)
      g_ptr_array_add (labels, (gpointer) cc_series_get_label (cc_plot_get_series (plot, i)));
  g_ptr_array_add (labels, NULL);
  return g_strjoinv ("|", (char **) labels->pdata);
}

/* Nyquist, Bode and DRT each carry the fresh cell and the last cycle of the
 * protocol; the Nyquist arc of the last cycle reaches further along the
 * real axis (its low-frequency end is the cell's total resistance). */
static void
test_impedance_first_and_last_cycle (void)
{
  guint cycles = cc_document_get_design (cc_window_get_document (window))->protocol.cycles;
  g_autofree char *last = g_strdup_printf ("Cycle %u", cycles);
  g_autofree char *both = g_strdup_printf ("Cycle 1|%s", last);
  CcChart *nyquist = page_chart (CC_CHART_NYQUIST);
  g_autoptr(GPtrArray) rows = NULL;
  double r_fresh = NAN, r_aged = NAN, f_fresh = INFINITY, f_aged = INFINITY;
  const CcChartKind kinds[] = { CC_CHART_NYQUIST, CC_CHART_BODE, CC_CHART_DRT };

  g_assert_cmpuint (cycles, >, 1);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *labels = series_labels (page_chart (kinds[k]));

      g_assert_cmpstr (labels, ==, both);
    }

  /* spectrum,role,frequency_Hz,z_re,… : Z' at each spectrum's lowest frequency. */
  rows = figures_csv_rows (nyquist);
  for (guint i = 0; i < rows->len; i++)
    {
      char **f = g_ptr_array_index (rows, i);
      double freq = g_ascii_strtod (f[2], NULL), z_re = g_ascii_strtod (f[3], NULL);
      gboolean fresh = g_str_equal (f[0], "Cycle 1");

      g_assert_true (fresh || g_str_equal (f[0], last));
      if (fresh && freq < f_fresh)
        f_fresh = freq, r_fresh = z_re;
      else if (!fresh && freq < f_aged)
        f_aged = freq, r_aged = z_re;
    }
  g_test_message ("total resistance: cycle 1 %.1f, cycle %u %.1f (Ω cm²)", r_fresh, cycles, r_aged);
  g_assert_cmpfloat (f_fresh, ==, f_aged);
  g_assert_cmpfloat (r_fresh, >, 0);
  g_assert_cmpfloat (r_aged, >, r_fresh);
}

/* A lower charge cut-off: new voltage curves that stop at it, from the
 * cached packing (no packing run, the particle snapshot and the 3D view
 * untouched, the microstructure page kept). */
static void
test_protocol_edit_keeps_packing (void)
{
  guint packings = cc_pipeline_get_n_packings (pipeline ());
  guint serial = particle_serial (), shown = view_particles ();
  /* held, so a later run cannot be allocated at its address */
  g_autoptr(CcRun) before = cc_run_ref (cc_pipeline_get_current_run (pipeline ()));
  double old_top = column_max (page_chart (CC_CHART_VOLTAGE), 5), new_cut_off;

  base_cut_off = cc_document_get_design (cc_window_get_document (window))->protocol.voltage_max_V;
  for (guint i = 0; i < repeats (3); i++)
    {
      double s = edit_and_wait (lower_cut_off, i);

      g_array_append_val (protocol_s, s);
    }
  new_cut_off = cc_document_get_design (cc_window_get_document (window))->protocol.voltage_max_V;

  g_assert_true (cc_pipeline_get_current_run (pipeline ()) != before);
  g_assert_false (cc_run_get_stage_ran (cc_pipeline_get_current_run (pipeline ()), CC_STAGE_PACKING));
  g_assert_false (cc_run_get_stage_ran (cc_pipeline_get_current_run (pipeline ()), CC_STAGE_ANALYSIS));
  g_assert_true (cc_run_get_stage_ran (cc_pipeline_get_current_run (pipeline ()), CC_STAGE_ELECTROCHEMISTRY));
  g_assert_cmpuint (cc_pipeline_get_n_packings (pipeline ()), ==, packings);
  g_assert_cmpuint (particle_serial (), ==, serial);
  g_assert_cmpuint (view_particles (), ==, shown);
  g_assert_true (cc_results_view_has_chart (cc_window_get_results (window), CC_CHART_MICROSTRUCTURE));

  /* The curves on screen are the new protocol's: charged to the new cut-off. */
  g_test_message ("voltage chart tops at %.3f V, was %.3f V; cut-off %.3f V", column_max (page_chart (CC_CHART_VOLTAGE), 5),
                  old_top, new_cut_off);
  g_assert_cmpfloat (old_top, >, new_cut_off + 0.1);
  g_assert_cmpfloat (fabs (column_max (page_chart (CC_CHART_VOLTAGE), 5) - new_cut_off), <, 0.02);
}

/* The point of the cache, as times (a report, not an assertion: speed
 * targets live in benchmarks, and the structural checks above already fail
 * when a protocol edit packs). */
static void
report_edit_times (void)
{
  double slowest = 0, fastest = INFINITY;

  for (guint i = 0; i < protocol_s->len; i++)
    slowest = MAX (slowest, g_array_index (protocol_s, double, i));
  for (guint i = 0; i < formulation_s->len; i++)
    fastest = MIN (fastest, g_array_index (formulation_s, double, i));
  g_test_message ("edit -> charts: slowest of %u protocol edits %.3f s, fastest of %u formulation edits %.3f s",
                  protocol_s->len, slowest, formulation_s->len, fastest);
}

/* More active material: a new packing, new particles in the 3D view. */
static void
test_formulation_edit_repacks (void)
{
  guint n = repeats (1);
  guint packings = cc_pipeline_get_n_packings (pipeline ());
  guint serial = particle_serial ();

  for (guint i = 0; i < n; i++)
    {
      double s = edit_and_wait (more_active_material, i);

      g_array_append_val (formulation_s, s);
      g_assert_true (cc_run_get_stage_ran (cc_pipeline_get_current_run (pipeline ()), CC_STAGE_PACKING));
    }
  g_assert_cmpuint (cc_pipeline_get_n_packings (pipeline ()), ==, packings + n);
  g_assert_cmpuint (particle_serial (), >, serial);
  g_assert_cmpuint (view_particles (), >, 1000);
  report_edit_times ();
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  CcDesign *design;
  int status;

  if (!gui_test_init (&argc, &argv))
    return 77;
  if (cc_preset_list_lookup (cc_preset_list_get_default (), PRESET) == NULL)
    {
      g_printerr ("SKIP: no preset %s in the data\n", PRESET);
      return 77;
    }

  app = gui_test_application_new ();
  window = cc_application_open_preset (app, PRESET, &error);
  g_assert_no_error (error);
  g_signal_connect (pipeline (), "run-started", G_CALLBACK (on_started), NULL);
  g_signal_connect (pipeline (), "run-finished", G_CALLBACK (on_finished), NULL);
  /* The fewest particles this cell's sizes allow, within the debounce of
   * the first submission, so only this design runs. */
  design = cc_document_dup_design (cc_window_get_document (window));
  design->simulation.particles = g_getenv ("CC_RERUN_PARTICLES") ? (guint) atoi (g_getenv ("CC_RERUN_PARTICLES")) : 5000;
  cc_document_edit (cc_window_get_document (window), design, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1480, 920);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (iterate_until (is_mapped, window, 10));
  g_assert_true (iterate_until (finished_at_least, GUINT_TO_POINTER (1), 60));
  g_assert_cmpuint (cc_pipeline_get_n_packings (pipeline ()), ==, 1);

  protocol_s = g_array_new (FALSE, FALSE, sizeof (double));
  formulation_s = g_array_new (FALSE, FALSE, sizeof (double));
  g_test_add_func ("/app/rerun/impedance-first-and-last-cycle", test_impedance_first_and_last_cycle);
  g_test_add_func ("/app/rerun/protocol-edit-keeps-packing", test_protocol_edit_keeps_packing);
  g_test_add_func ("/app/rerun/formulation-edit-repacks", test_formulation_edit_repacks);
  status = g_test_run ();

  gui_test_finish (app, GTK_WINDOW (window));
  g_array_unref (protocol_s);
  g_array_unref (formulation_s);
  return status;
}
