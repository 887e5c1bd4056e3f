/* SPDX-License-Identifier: GPL-3.0-or-later
 * The circuit language: parameter naming, evaluation against closed forms
 * and clear errors for malformed strings. */
#include <glib.h>
#include <complex.h>
#include <math.h>
#include <string.h>

#include "cc-eis-circuit.h"
#include "cc-eis-spectrum.h"

static void
assert_names (const char *text, const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcEisCircuit) c = cc_eis_circuit_parse (text, &error);
  g_autoptr(GString) got = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < cc_eis_circuit_get_n_params (c); i++)
    g_string_append_printf (got, "%s%s", i ? " " : "", cc_eis_circuit_get_param_name (c, i));
  g_assert_cmpstr (got->str, ==, expected);
}

static void
test_naming (void)
{
  assert_names ("R0-p(R1,Q1)-p(R2,Q2)-W", "R0 R1 Q1 Q1_n R2 Q2 Q2_n W");
  assert_names (" R0 - p( R1 , CPE1 ) - Ws1", "R0 R1 CPE1 CPE1_n Ws1_R Ws1_tau");
  assert_names ("L1-Rs-p(Cdl,Rct-Wo)", "L1 Rs Cdl Rct Wo_R Wo_tau");
  assert_names ("R0-p(R1,p(C1,R2-C2))", "R0 R1 C1 R2 C2");
}

static double complex
eval (const char *text, const double *p, double omega)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcEisCircuit) c = cc_eis_circuit_parse (text, &error);
  double re, im;

  g_assert_no_error (error);
  cc_eis_circuit_eval (c, p, omega / (2 * G_PI), &re, &im);
  return re + I * im;
}

static void
assert_close (double complex a, double complex b)
{
  g_assert_cmpfloat (cabs (a - b), <=, 1e-12 * MAX (cabs (a), cabs (b)));
}

static void
test_eval (void)
{
  const double rc[] = { 10, 100, 1e-6 };
  const double w0 = 1.0 / (100 * 1e-6);
  const double cpe[] = { 2e-6, 0.5 };
  const double par[] = { 30, 60 };
  const double nested[] = { 50, 20, 1e-3 };   /* p(R1, R2-C2): DC -> R1 */

  assert_close (eval ("R0-p(R1,C1)", rc, w0), 10 + 50 - 50 * I);
  assert_close (eval ("C1", rc + 2, 1e3), 1.0 / (I * 1e3 * 1e-6));
  assert_close (eval ("L1", rc + 2, 1e3), I * 1e3 * 1e-6);
  /* A CPE with n = 1/2: equal real and imaginary parts. */
  g_assert_cmpfloat (fabs (creal (eval ("Q1", cpe, 7.0)) + cimag (eval ("Q1", cpe, 7.0))), <, 1e-9);
  assert_close (eval ("p(R1,R2)", par, 1.0), 20);
  g_assert_cmpfloat (cabs (eval ("p(R1,R2-C2)", nested, 1e-9) - 50), <, 1e-3);
  assert_close (eval ("p(R1,R2-C2)", nested, 1e16), 50.0 * 20 / 70);
}

static void
assert_error (const char *text, const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcEisCircuit) c = cc_eis_circuit_parse (text, &error);

  g_assert_null (c);
  g_assert_error (error, CC_EIS_ERROR, CC_EIS_ERROR_CIRCUIT);
  if (strstr (error->message, fragment) == NULL)
    g_error ("'%s': message '%s' lacks '%s'", text, error->message, fragment);
}

static void
test_errors (void)
{
  assert_error ("", "empty");
  assert_error ("R0-", "position 4");
  assert_error ("p(R1)", "at least two branches");
  assert_error ("p(R1,C1", "expected ',' or ')'");
  assert_error ("R0)", "unmatched ')'");
  assert_error ("R0-X1", "unknown element 'X1'");
  assert_error ("R1-p(R1,C1)", "'R1' is used twice");
  assert_error ("Q1-Q1_n", "clashes");
  assert_error ("R0--R1", "position 4");
  assert_error ("R0,R1", "position 3");
  assert_error ("R0-p(R1,p(R2,p(R3,p(R4,p(R5,p(R6,p(R7,p(R8,p(R9,p(R10,p(R11,p(R12,p(R13,p(R14,p(R15,"
                "p(R16,p(R17,C1)))))))))))))))))", "nested too deeply");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/eis/circuit/naming", test_naming);
  g_test_add_func ("/eis/circuit/eval", test_eval);
  g_test_add_func ("/eis/circuit/errors", test_errors);
  return g_test_run ();
}
