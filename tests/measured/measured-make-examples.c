/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes the SYNTHETIC example "measured" files of data/examples/ (see the
 * README there): measured-make-examples OUTPUT_DIR. They exercise the
 * measured-data importer and the overlays; the numbers come from simple
 * formulas below, chosen to look like a layered-oxide cathode against
 * sodium. They are not measurements and fit no real cell. test-measured
 * checks that the shipped files are exactly what this program writes.
 */
#include <glib.h>
#include <math.h>
#include <stdio.h>

#define HEADER "# SYNTHETIC data, not a measurement (tests/measured/measured-make-examples.c)\n"

static void
append (GString    *out,
        double      v,
        const char *format,
        gboolean    decimal_comma)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, format, v);
  if (decimal_comma)
    g_strdelimit (buf, ".", ',');
  g_string_append (out, buf);
}

static void
write_file (const char *dir,
            const char *name,
            GString    *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, text->str, text->len, &error))
    g_error ("%s", error->message);
}

/* A two-phase-like plateau near 2.95 V with Nernstian tails,
 * V = 2.95 V + 0.05 V · ln((1 − x)/x) at depth of discharge x, shifted by
 * a polarisation η (down on discharge, up on charge). */
static double
profile_voltage (double x,
                 double eta,
                 gboolean discharge)
{
  double ocv = 2.95 + 0.05 * log ((1 - x) / x);

  return discharge ? ocv - eta : ocv + eta;
}

static void
voltage_file (const char *dir)
{
  static const struct { const char *rate; double q_max, eta; } steps[] = {
    { "0.1", 118, 0.03 },
    { "1", 104, 0.12 },
  };
  g_autoptr(GString) out = g_string_new (HEADER
    "# layered-oxide-like profiles: V = 2.95 V + 0.05 V ln((1-x)/x) -/+ eta; C/10: Q = 118 mAh/g, eta = 0.03 V;\n"
    "# 1C: Q = 104 mAh/g, eta = 0.12 V; 60 points per branch, x from 0.02 to 0.98\n"
    "C-rate,branch,Capacity (mAh/g),Voltage (V)\n");

  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    for (int b = 0; b < 2; b++)
      for (int i = 0; i < 60; i++)
        {
          double x = 0.02 + 0.96 * i / 59.0;
          /* The charge extracts sodium: its depth of discharge runs backwards. */
          double v = profile_voltage (b == 0 ? 1 - x : x, steps[s].eta, b == 1);

          g_string_append_printf (out, "%s,%s,", steps[s].rate, b == 0 ? "charge" : "discharge");
          append (out, x * steps[s].q_max, "%.2f", FALSE);
          g_string_append_c (out, ',');
          append (out, v, "%.4f", FALSE);
          g_string_append_c (out, '\n');
        }
  write_file (dir, "voltage-profile-synthetic.csv", out);
}

/* 200 cycles: linear fade of 0.08 % per cycle from 118 mAh/g with ±0.4 %
 * Gaussian scatter (seed 3); CE 92 % in the first cycle, then
 * 99.9 % − 0.9 % exp(−n/10). Written like an instrument export: ';' and
 * decimal commas, capacities of both branches and the efficiency in %. */
static void
cycling_file (const char *dir)
{
  g_autoptr(GRand) rng = g_rand_new_with_seed (3);
  g_autoptr(GString) out = g_string_new (HEADER
    "# Q_dis = 118 mAh/g (1 - 0.0008 n) with 0.4 % Gaussian scatter (seed 3); CE = 92 % in cycle 1, then 99.9 % - 0.9 % exp(-n/10)\n"
    "cycle number;Q discharge/mA.h/g;Q charge/mA.h/g;Efficiency/%\n");

  for (int n = 1; n <= 200; n++)
    {
      double u1 = g_rand_double_range (rng, 1e-12, 1), u2 = g_rand_double (rng);
      double noise = sqrt (-2 * log (u1)) * cos (2 * G_PI * u2);
      double q = 118 * (1 - 0.0008 * n) * (1 + 0.004 * noise);
      double ce = n == 1 ? 92.0 : 99.9 - 0.9 * exp (-n / 10.0);

      g_string_append_printf (out, "%d;", n);
      append (out, q, "%.2f", TRUE);
      g_string_append_c (out, ';');
      append (out, q / (ce / 100), "%.2f", TRUE);
      g_string_append_c (out, ';');
      append (out, ce, "%.2f", TRUE);
      g_string_append_c (out, '\n');
    }
  write_file (dir, "cycling-synthetic.csv", out);
}

/* Capacity against C-rate: Q = 120 mAh/g / (1 + (C/4)^0.8), three cycles
 * per rate with 0.5 % scatter (seed 5). */
static void
rate_file (const char *dir)
{
  static const double rates[] = { 0.1, 0.2, 0.5, 1, 2, 5 };
  g_autoptr(GRand) rng = g_rand_new_with_seed (5);
  g_autoptr(GString) out = g_string_new (HEADER
    "# Q = 120 mAh/g / (1 + (C/4)^0.8), three cycles per rate, 0.5 % uniform scatter (seed 5)\n"
    "C-rate\tCycle\tDischarge capacity (mAh/g)\n");
  int cycle = 1;

  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    for (int k = 0; k < 3; k++, cycle++)
      {
        double q = 120 / (1 + pow (rates[i] / 4, 0.8)) * (1 + 0.005 * g_rand_double_range (rng, -1, 1));

        append (out, rates[i], "%g", FALSE);
        g_string_append_printf (out, "\t%d\t", cycle);
        append (out, q, "%.2f", FALSE);
        g_string_append_c (out, '\n');
      }
  write_file (dir, "rate-capability-synthetic.csv", out);
}

int
main (int    argc,
      char **argv)
{
  if (argc != 2)
    {
      fprintf (stderr, "usage: measured-make-examples OUTPUT_DIR\n");
      return 2;
    }
  voltage_file (argv[1]);
  cycling_file (argv[1]);
  rate_file (argv[1]);
  return 0;
}
