/* SPDX-License-Identifier: GPL-3.0-or-later
 * CSV import: header detection, delimiters, decimal commas, the sign
 * convention of Z'', errors that name line and column, and the round trip
 * of the exporter. */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "cc-eis-csv.h"

static CcEisSpectrum *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  CcEisSpectrum *s = cc_eis_spectrum_parse_csv (text, -1, "test.csv", &error);

  g_assert_no_error (error);
  g_assert_nonnull (s);
  return s;
}

static void
test_comma_header (void)
{
  g_autoptr(CcEisSpectrum) s = parse_ok ("# measured 2024\n"
                                         "freq,Z',Z''\n"
                                         "1000,10.5,-2.25\n"
                                         "100,12,-5\n"
                                         "10,20,-8.5\n");

  g_assert_cmpuint (s->n, ==, 3);
  g_assert_cmpfloat (s->freq_Hz[1], ==, 100);
  g_assert_cmpfloat (s->z_re[0], ==, 10.5);
  g_assert_cmpfloat (s->z_im[2], ==, -8.5);
  g_assert_false (s->imag_sign_flipped);
  g_assert_false (s->area_specific);
}

/* European instrument export: semicolons, decimal commas and -Z''. */
static void
test_semicolon_decimal_comma_flip (void)
{
  g_autoptr(CcEisSpectrum) s = parse_ok ("\xef\xbb\xbf" "Frequency/Hz;Z'/Ohm;-Z''/Ohm\r\n"
                                         "1,0E+03;10,5;2,25\r\n"
                                         "1,0E+02;12;5\r\n"
                                         "1,0E+01;20;8,5\r\n"
                                         "1,0E+06;9;-0,5\r\n");

  g_assert_cmpuint (s->n, ==, 4);
  g_assert_cmpfloat (s->freq_Hz[0], ==, 1000);
  g_assert_cmpfloat (s->z_re[0], ==, 10.5);
  g_assert_true (s->imag_sign_flipped);
  g_assert_cmpfloat (s->z_im[0], ==, -2.25);
  g_assert_cmpfloat (s->z_im[3], ==, 0.5);   /* the inductive point stays inductive */
}

/* Extra columns in another order, tab-separated, area-specific units. */
static void
test_columns_by_name (void)
{
  g_autoptr(CcEisSpectrum) s = parse_ok ("time/s\t|Z|/Ohm cm2\t-Im(Z)/Ohm cm2\tfreq/Hz\tRe(Z)/Ohm cm2\tPhase(Z)/deg\n"
                                         "0.1\t10\t3\t1000\t9\t-10\n"
                                         "0.2\t12\t4\t100\t11\t-12\n"
                                         "0.3\t15\t5\t10\t14\t-14\n");

  g_assert_cmpfloat (s->freq_Hz[2], ==, 10);
  g_assert_cmpfloat (s->z_re[1], ==, 11);
  g_assert_cmpfloat (s->z_im[1], ==, -4);
  g_assert_true (s->area_specific);
}

static void
test_no_header (void)
{
  g_autoptr(CcEisSpectrum) s = parse_ok ("1e4 5.0 -1.0\n1e3 6.0 -2.0\n\n1e2 8.0 -2.5\n");

  g_assert_cmpuint (s->n, ==, 3);
  g_assert_cmpfloat (s->z_re[2], ==, 8.0);
}

static void
assert_parse_error (const char *text, const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcEisSpectrum) s = cc_eis_spectrum_parse_csv (text, -1, "bad.csv", &error);

  g_assert_null (s);
  g_assert_error (error, CC_EIS_ERROR, CC_EIS_ERROR_PARSE);
  if (strstr (error->message, fragment) == NULL)
    g_error ("message '%s' lacks '%s'", error->message, fragment);
}

static void
test_errors (void)
{
  assert_parse_error ("freq,Z',Z''\n1000,10,-1\n100,abc,-2\n10,3,-4\n", "bad.csv:3: column 2 “Z'”: 'abc' is not a number");
  assert_parse_error ("1000;10;-1\n100;11\n10;3;-4\n", "bad.csv:2: expected at least 3 columns, found 2");
  assert_parse_error ("1000,10,-1\n-100,11,-2\n10,3,-4\n", "bad.csv:2: column 1: frequency -100 Hz must be positive");
  assert_parse_error ("", "0 data rows");
  assert_parse_error ("# only a comment\nfreq,Z',Z''\n", "0 data rows");
  assert_parse_error ("a,b,c,d\n1,2,3,4\n", "bad.csv:1: cannot tell which of the 4 columns");
  assert_parse_error ("1000,10,-1\n100,nan,-2\n10,3,-4\n", "bad.csv:2: column 2");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CcEisSpectrum) s = cc_eis_spectrum_parse_csv ("1,2,3\n\0\1\2", 9, "bin", &error);

    g_assert_null (s);
    g_assert_nonnull (strstr (error->message, "binary"));
  }
}

static void
test_round_trip (void)
{
  g_autoptr(CcEisSpectrum) s = cc_eis_spectrum_new (3);
  g_autoptr(CcEisSpectrum) back = NULL;
  g_autofree char *csv = NULL;
  const CcEisProcess *p;

  for (guint i = 0; i < 3; i++)
    {
      s->freq_Hz[i] = pow (10, 3 - i) * 1.2345678901;
      s->z_re[i] = 10 + i / 3.0;
      s->z_im[i] = -1 - i * G_PI;
    }
  s->area_specific = TRUE;
  cc_eis_spectrum_add_process (s, "charge transfer", 21.5, 2.5e-3);
  csv = cc_eis_spectrum_to_csv (s, "synthetic\nsecond line");
  g_assert_true (g_str_has_prefix (csv, "# synthetic\n# second line\n"));
  back = parse_ok (csv);
  g_assert_cmpuint (back->n, ==, 3);
  g_assert_true (back->area_specific);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpfloat (fabs (back->freq_Hz[i] / s->freq_Hz[i] - 1), <, 1e-11);
      g_assert_cmpfloat (fabs (back->z_im[i] / s->z_im[i] - 1), <, 1e-11);
    }
  g_assert_cmpuint (back->processes->len, ==, 1);
  p = g_ptr_array_index (back->processes, 0);
  g_assert_cmpstr (p->name, ==, "charge transfer");
  g_assert_cmpfloat (p->tau_s, ==, 2.5e-3);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/eis/csv/comma-header", test_comma_header);
  g_test_add_func ("/eis/csv/semicolon-decimal-comma-flip", test_semicolon_decimal_comma_flip);
  g_test_add_func ("/eis/csv/columns-by-name", test_columns_by_name);
  g_test_add_func ("/eis/csv/no-header", test_no_header);
  g_test_add_func ("/eis/csv/errors", test_errors);
  g_test_add_func ("/eis/csv/round-trip", test_round_trip);
  return g_test_run ();
}
