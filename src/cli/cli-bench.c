/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cathode-composer-cli bench: benchmarks of the engines (not tests: they
 * print timings and leave the judging to the reader). Each benchmark is a
 * row of the table below; add new ones there.
 */
#include "cli-common.h"
#include "cli-commands.h"
#include "cc-packing.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

typedef struct {
  const char *name;
  const char *summary;
  CliRunFunc  run;
} BenchEntry;

static int bench_packing_run (int argc, char **argv);

static int bench_pipeline_run (int argc, char **argv) { return cli_bench_pipeline (); }
static int bench_eis_run (int argc, char **argv) { return cli_bench_eis (); }
static int bench_sweep_run (int argc, char **argv) { return cli_bench_sweep (); }

static const BenchEntry benches[] = {
  { "packing", "Jamming and analysis for 1,000 to 100,000 spheres", bench_packing_run },
  { "pipeline", "Default design, 10,000 particles, 1,000 cycles: whole pipeline and its stages", bench_pipeline_run },
  { "eis", "Model spectrum, 5-element fit and DRT of 100 points", bench_eis_run },
  { "sweep", "Points per second of a 10x10 sweep, 1 and 2 threads", bench_sweep_run },
};

/* Peak resident memory since the last reset, in MiB. Linux resets the
 * high-water mark when "5" is written to /proc/self/clear_refs. */
static void
peak_memory_reset (void)
{
  FILE *f = fopen ("/proc/self/clear_refs", "w");

  if (f != NULL)
    {
      fputs ("5", f);
      fclose (f);
    }
}

static double
peak_memory_mib (void)
{
  g_autofree char *status = NULL;
  struct rusage usage;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    {
      const char *line = strstr (status, "VmHWM:");

      if (line != NULL)
        return g_ascii_strtod (line + 6, NULL) / 1024.0;
    }
  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

typedef struct {
  double solid_fraction;
  double bulk;
  double seconds;
  double analysis_seconds;
  double memory_mib;
} PackRun;

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static gboolean
pack_once (const char  *spec,
           guint        n,
           guint64      seed,
           double       rate,
           int          threads,
           PackRun     *out,
           GError     **error)
{
  g_autoptr(CcPackingParams) p = cc_packing_params_from_spheres (spec, n, seed, error);
  g_autoptr(CcPacking) k = NULL;
  CcMicrostructure m;
  gint64 t0;

  if (p == NULL)
    return FALSE;
  p->pressure_MPa = 0;
  p->stack_pressure_MPa = 0;
  p->threads = (guint) MAX (threads, 0);
  if (rate > 0)
    p->compression_rate = rate;
  peak_memory_reset ();
  k = cc_packing_run (p, NULL, NULL, error);
  if (k == NULL)
    return FALSE;
  t0 = g_get_monotonic_time ();
  if (!cc_packing_analyze (k, &m, NULL, error))
    return FALSE;
  out->analysis_seconds = (g_get_monotonic_time () - t0) / 1e6;
  out->seconds = cc_packing_get_seconds (k);
  out->memory_mib = peak_memory_mib ();
  cc_packing_get_jammed (k, &out->solid_fraction, &out->bulk, NULL, NULL);
  return TRUE;
}

static int
bench_packing_run (int    argc,
                   char **argv)
{
  static const struct { const char *label; const char *spec; double rate; } mixes[] = {
    { "monodisperse", "cam:5:1", 0 },
    { "monodisperse, fast", "cam:5:1", 4e-4 },
    { "CAM/SE 3:1, 70:30 vol", "cam:6:0.7,se:2:0.3", 0 },
  };
  g_autofree char *sizes = NULL;
  int repeat = 1, threads = 0;
  double rate = 0;
  GOptionEntry entries[] = {
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes, "Particle counts (default 1000,10000,100000)", "N,..." },
    { "repeat", 'r', 0, G_OPTION_ARG_INT, &repeat, "Runs per case; the median is printed (default 1)", "R" },
    { "rate", 0, 0, G_OPTION_ARG_DOUBLE, &rate, "Jamming compression rate for every case (default 2e-4; 4e-4 for the fast case)", "R" },
    { "threads", 0, 0, G_OPTION_ARG_INT, &threads, "Threads (default: all cores)", "T" },
    { NULL }
  };
  g_auto(GStrv) list = NULL;
  int rc;

  rc = cli_parse_options ("bench packing", "[--sizes N,...] [--repeat R]",
                          "Jam monodisperse spheres and a CAM/SE mixture (no pressing) and analyse them.",
                          entries, &argc, &argv);
  if (rc != CLI_EXIT_OK)
    return rc;
  if (argc > 1 || repeat < 1 || repeat > 100 || threads < 0 || rate < 0)
    return cli_fail (CLI_EXIT_USAGE, "bench packing: bad arguments (see --help)");
  list = g_strsplit (sizes ? sizes : "1000,10000,100000", ",", -1);

  printf ("%-22s %9s %8s %8s %9s %10s %9s\n", "case", "particles", "phi", "phi_bulk",
          "seconds", "analysis_s", "peak_MiB");
  for (guint c = 0; c < G_N_ELEMENTS (mixes); c++)
    for (guint s = 0; list[s] != NULL; s++)
      {
        guint64 n = g_ascii_strtoull (list[s], NULL, 10);
        g_autofree PackRun *runs = g_new0 (PackRun, repeat);
        g_autofree double *t = g_new (double, repeat);
        g_autofree double *ta = g_new (double, repeat);
        g_autoptr(GError) error = NULL;

        if (n < 20 || n > 2000000)
          return cli_fail (CLI_EXIT_USAGE, "bench packing: --sizes: %s is not a particle count", list[s]);
        for (int r = 0; r < repeat; r++)
          {
            if (!pack_once (mixes[c].spec, (guint) n, 1 + r, rate > 0 ? rate : mixes[c].rate, threads,
                            &runs[r], &error))
              return cli_fail_error (error);
            t[r] = runs[r].seconds;
            ta[r] = runs[r].analysis_seconds;
          }
        qsort (t, repeat, sizeof (double), compare_double);
        qsort (ta, repeat, sizeof (double), compare_double);
        printf ("%-22s %9u %8.4f %8.4f %9.2f %10.3f %9.0f\n", mixes[c].label, (guint) n,
                runs[0].solid_fraction, runs[0].bulk, t[repeat / 2], ta[repeat / 2], runs[0].memory_mib);
        fflush (stdout);
      }
  return CLI_EXIT_OK;
}

static void
print_benches (FILE *out)
{
  fprintf (out, "Usage: cathode-composer-cli bench NAME [OPTIONS…]\n\nBenchmarks:\n");
  for (guint i = 0; i < G_N_ELEMENTS (benches); i++)
    fprintf (out, "  %-10s %s\n", benches[i].name, benches[i].summary);
}

int
cli_bench_run (int    argc,
               char **argv)
{
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_benches (argc < 2 ? stderr : stdout);
      return argc < 2 ? CLI_EXIT_USAGE : CLI_EXIT_OK;
    }
  for (guint i = 0; i < G_N_ELEMENTS (benches); i++)
    if (g_str_equal (argv[1], benches[i].name))
      return benches[i].run (argc - 1, argv + 1);
  fprintf (stderr, "cathode-composer-cli bench: unknown benchmark '%s'\n\n", argv[1]);
  print_benches (stderr);
  return CLI_EXIT_USAGE;
}
