/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writes the SYNTHETIC example spectra of data/examples/ (see the README
 * there): eis-make-examples OUTPUT_DIR. Every file says in its header that
 * it is synthetic and how it was made; test-eis-cli checks that the shipped
 * files are exactly what this program writes.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>

#include "cc-eis-csv.h"
#include "cc-eis-model.h"
#include "eis-test-util.h"

static const double two_arcs[] = { 20, 100, 1e-6, 0.9, 300, 1e-4, 0.85, 50 };
static const double two_rc[] = { 10, 50, 1e-6, 200, 1e-3 };

static char *
fmt (double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.6g", v));
}

static void
write_file (const char *dir, const char *name, const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, text, -1, &error))
    g_error ("%s", error->message);
}

/* Comma-separated, named columns, 1 % noise. */
static void
two_arcs_file (const char *dir)
{
  g_autoptr(CcEisSpectrum) s = eis_test_circuit_spectrum ("R0-p(R1,Q1)-p(R2,Q2)-W", two_arcs, 1e-2, 1e6, 100);
  g_autofree char *csv = NULL;

  eis_test_add_noise (s, 0.01, 7);
  csv = cc_eis_spectrum_to_csv (s, "SYNTHETIC spectrum, not a measurement (tests/eis/eis-make-examples.c)\n"
                                   "circuit R0-p(R1,Q1)-p(R2,Q2)-W: R0 = 20 ohm, R1 = 100 ohm, Q1 = 1e-6 F s^(n-1), "
                                   "Q1_n = 0.9, R2 = 300 ohm, Q2 = 1e-4 F s^(n-1), Q2_n = 0.85, W = 50 ohm s^-1/2\n"
                                   "1 % Gaussian noise on Z' and Z'' (sigma = 0.01 |Z|, seed 7); 100 points, 1 MHz to 10 mHz");
  write_file (dir, "eis-two-arcs-synthetic.csv", csv);
}

/* An instrument-style export: semicolons, decimal commas, -Z'' and extra
 * columns (time, |Z|, phase). */
static void
instrument_file (const char *dir)
{
  g_autoptr(CcEisSpectrum) s = eis_test_circuit_spectrum ("R0-p(R1,C1)-p(R2,C2)", two_rc, 1e-2, 1e5, 71);
  g_autoptr(GString) out = g_string_new (NULL);
  double t = 0;

  eis_test_add_noise (s, 0.005, 11);
  g_string_append (out, "# SYNTHETIC spectrum, not a measurement (tests/eis/eis-make-examples.c)\n"
                        "# circuit R0-p(R1,C1)-p(R2,C2): R0 = 10 ohm, R1 = 50 ohm, C1 = 1e-6 F (tau 5e-5 s), "
                        "R2 = 200 ohm, C2 = 1e-3 F (tau 0.2 s)\n"
                        "# 0.5 % Gaussian noise (seed 11); laid out like an instrument export: ';', decimal "
                        "commas, -Z'' column\n"
                        "time/s;freq/Hz;Re(Z)/Ohm;-Im(Z)/Ohm;|Z|/Ohm;Phase(Z)/deg\n");
  for (guint i = 0; i < s->n; i++)
    {
      double v[6];

      t += MAX (1.0, 1.0 / s->freq_Hz[i]);
      v[0] = t, v[1] = s->freq_Hz[i], v[2] = s->z_re[i], v[3] = -s->z_im[i];
      v[4] = hypot (s->z_re[i], s->z_im[i]), v[5] = atan2 (s->z_im[i], s->z_re[i]) * 180 / G_PI;
      for (guint k = 0; k < 6; k++)
        {
          g_autofree char *num = fmt (v[k]);

          g_strdelimit (num, ".", ',');
          g_string_append_printf (out, "%s%s", k ? ";" : "", num);
        }
      g_string_append_c (out, '\n');
    }
  write_file (dir, "eis-instrument-style-synthetic.csv", out->str);
}

/* The low-frequency resistance grows by 40 % during the sweep. */
static void
drift_file (const char *dir)
{
  g_autoptr(CcEisCircuit) c = cc_eis_circuit_parse ("R0-p(R1,C1)-p(R2,C2)", NULL);
  g_autoptr(CcEisSpectrum) s = cc_eis_spectrum_new (80);
  g_autofree char *csv = NULL;
  double t = 0, total = 0;

  for (guint i = 0; i < s->n; i++)
    {
      s->freq_Hz[i] = 1e5 * pow (1e-7, (double) i / (s->n - 1));
      total += MAX (1.0, 1.0 / s->freq_Hz[i]);
    }
  for (guint i = 0; i < s->n; i++)
    {
      double p[5] = { 10, 50, 1e-6, 200, 1e-3 };

      t += MAX (1.0, 1.0 / s->freq_Hz[i]);
      p[3] *= 1.0 + 0.4 * t / total;
      cc_eis_circuit_eval (c, p, s->freq_Hz[i], &s->z_re[i], &s->z_im[i]);
    }
  csv = cc_eis_spectrum_to_csv (s, "SYNTHETIC spectrum, not a measurement (tests/eis/eis-make-examples.c)\n"
                                   "circuit R0-p(R1,C1)-p(R2,C2) as in eis-instrument-style-synthetic.csv, no noise,\n"
                                   "but R2 grows linearly in measurement time by 40 % during the sweep "
                                   "(each point takes max(1 s, 1/f)): fails the Kramers-Kronig test");
  write_file (dir, "eis-drift-synthetic.csv", csv);
}

/* The cell model's reference parameter set with a 20 nm interphase; the
 * cc-process lines let `drt` name the peaks. */
static void
model_file (const char *dir)
{
  g_autoptr(CcEisSpectrum) s = NULL;
  g_autofree char *csv = NULL;
  CcEisCellParams p;
  CcEisFreqRange range;

  cc_eis_cell_params_init_default (&p);
  p.ip_thickness_nm = 20;
  cc_eis_freq_range_init_default (&range);
  s = cc_eis_model_spectrum (&p, &range, NULL);
  csv = cc_eis_spectrum_to_csv (s, "SYNTHETIC: model output of the impedance model, not a measurement "
                                   "(tests/eis/eis-make-examples.c)\n"
                                   "reference parameter set cc_eis_cell_params_init_default() with a 20 nm interphase; "
                                   "ohm cm2, Z'' < 0 capacitive");
  write_file (dir, "eis-model-reference-synthetic.csv", csv);
}

int
main (int argc, char **argv)
{
  if (argc != 2)
    {
      fprintf (stderr, "usage: eis-make-examples OUTPUT_DIR\n");
      return 2;
    }
  g_mkdir_with_parents (argv[1], 0755);
  two_arcs_file (argv[1]);
  instrument_file (argv[1]);
  drift_file (argv[1]);
  model_file (argv[1]);
  return 0;
}
