/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pure parts of the figure engine: nice ticks, log ticks, number and
 * formula formatting, CSV quoting.
 */
#include <glib.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "cc-chart-table.h"
#include "cc-formula.h"
#include "cc-ticks.h"

static void
assert_majors (const CcTicks *t,
               const double  *expect,
               guint          n)
{
  g_assert_cmpuint (t->n_major, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpfloat_with_epsilon (t->major[i], expect[i], fabs (expect[i]) * 1e-12 + 1e-12);
}

static void
test_nice_step_cases (void)
{
  double m;
  int e;

  /* Smallest of 1, 2, 2.5, 5 × 10^k with at most N intervals. */
  g_assert_cmpfloat (cc_ticks_nice_step (0, 10, 5, &m, &e), ==, 2);
  g_assert_cmpfloat (m, ==, 2);
  g_assert_cmpint (e, ==, 0);
  g_assert_cmpfloat_with_epsilon (cc_ticks_nice_step (0, 1, 5, NULL, NULL), 0.2, 1e-15);
  g_assert_cmpfloat (cc_ticks_nice_step (0, 173, 5, NULL, NULL), ==, 50);     /* 25 would need 7 */
  g_assert_cmpfloat (cc_ticks_nice_step (0, 100, 4, &m, &e), ==, 25);
  g_assert_cmpfloat (m, ==, 2.5);
  g_assert_cmpint (e, ==, 1);
  /* 0.2 would take 2.4 … 3.8, seven intervals; 0.25 takes 2.25 … 3.75, six. */
  g_assert_cmpfloat_with_epsilon (cc_ticks_nice_step (2.41, 3.62, 6, NULL, NULL), 0.25, 1e-15);
  g_assert_cmpfloat (cc_ticks_nice_step (-3e6, 7e6, 5, NULL, NULL), ==, 2.5e6);
  g_assert_cmpfloat_with_epsilon (cc_ticks_nice_step (1e-9, 5e-9, 4, NULL, NULL), 1e-9, 1e-24);
}

/* Over many random ranges: the step is nice, needs at most N intervals, and
 * the next smaller nice step would need more. */
static void
test_nice_step_property (void)
{
  static const double mant[] = { 1, 2, 2.5, 5 };
  GRand *rand = g_rand_new_with_seed (20250101);

  for (int trial = 0; trial < 5000; trial++)
    {
      double lo = g_rand_double_range (rand, -1e3, 1e3) * pow (10, g_rand_int_range (rand, -6, 6));
      double hi = lo + fabs (lo) * g_rand_double_range (rand, 1e-4, 3) + 1e-12;
      guint n = g_rand_int_range (rand, 1, 12);
      double m, step = cc_ticks_nice_step (lo, hi, n, &m, NULL);
      double smaller = INFINITY;
      guint intervals;

      if (lo < 0 && hi > 0)
        n = MAX (n, 2);   /* zero must be a tick boundary */

      g_assert_true (m == 1 || m == 2 || m == 2.5 || m == 5);
      intervals = (guint) (ceil (hi / step - 1e-9) - floor (lo / step + 1e-9));
      g_assert_cmpuint (MAX (intervals, 1), <=, n);
      /* The largest nice number below step. */
      for (int k = -1; k <= 0; k++)
        for (guint i = 0; i < G_N_ELEMENTS (mant); i++)
          {
            double c = mant[i] * pow (10, floor (log10 (step)) + k);

            if (c < step * (1 - 1e-9))
              smaller = c;
          }
      g_assert_cmpfloat (ceil (hi / smaller - 1e-9) - floor (lo / smaller + 1e-9), >, n);
    }
  g_rand_free (rand);
}

static void
test_linear_expand (void)
{
  static const double expect[] = { 0, 20, 40, 60, 80, 100, 120 };
  CcTicks t;

  g_assert_true (cc_ticks_linear (0.3, 117.5, 6, TRUE, &t));
  g_assert_cmpfloat (t.lo, ==, 0);
  g_assert_cmpfloat (t.hi, ==, 120);
  assert_majors (&t, expect, G_N_ELEMENTS (expect));
  /* Step 20 = 2 × 10: four minor intervals per major, at 5, 10, 15. */
  g_assert_cmpfloat (t.minor[0], ==, 5);
  g_assert_cmpfloat (t.minor[2], ==, 15);
  g_assert_cmpuint (t.n_minor, ==, 6 * 3);
}

static void
test_linear_fixed (void)
{
  static const double expect[] = { 2.6, 2.8, 3.0, 3.2, 3.4 };
  CcTicks t;

  /* A fixed range keeps its ends; only multiples inside are ticks. */
  g_assert_true (cc_ticks_linear (2.55, 3.45, 5, FALSE, &t));
  g_assert_cmpfloat (t.lo, ==, 2.55);
  g_assert_cmpfloat (t.hi, ==, 3.45);
  assert_majors (&t, expect, G_N_ELEMENTS (expect));
  for (guint i = 0; i < t.n_minor; i++)
    {
      g_assert_cmpfloat (t.minor[i], >=, 2.55);
      g_assert_cmpfloat (t.minor[i], <=, 3.45);
    }
}

static void
test_linear_degenerate (void)
{
  CcTicks t;

  /* A constant series still gets an axis around its value. */
  g_assert_true (cc_ticks_linear (3.0, 3.0, 5, TRUE, &t));
  g_assert_cmpfloat (t.lo, <, 3.0);
  g_assert_cmpfloat (t.hi, >, 3.0);
  g_assert_true (cc_ticks_linear (0, 0, 5, TRUE, &t));
  g_assert_cmpfloat (t.lo, <=, -1);
  g_assert_cmpfloat (t.hi, >=, 1);
  g_assert_false (cc_ticks_linear (NAN, 1, 5, TRUE, &t));
  g_assert_false (cc_ticks_linear (2, 1, 5, TRUE, &t));
  g_assert_false (cc_ticks_linear (0, INFINITY, 5, TRUE, &t));
}

static void
test_linear_no_negative_zero (void)
{
  CcTicks t;
  gboolean saw_zero = FALSE;

  /* −0.3 … 0.3 in steps of 0.1: zero is "0", never "−0" or "−0.0". */
  g_assert_true (cc_ticks_linear (-0.3, 0.3, 6, TRUE, &t));
  for (guint i = 0; i < t.n_major; i++)
    {
      g_autofree char *label = cc_ticks_format (&t, t.major[i]);

      if (t.major[i] == 0)
        {
          g_assert_cmpstr (label, ==, "0");
          saw_zero = TRUE;
        }
      else
        g_assert_cmpint (g_str_has_prefix (label, "\xe2\x88\x92"), ==, t.major[i] < 0);
    }
  g_assert_true (saw_zero);
}

static void
test_log_decades (void)
{
  static const double expect[] = { 1e-3, 1e-2, 1e-1, 1, 10, 100, 1e3, 1e4, 1e5, 1e6 };
  CcTicks t;

  /* Nine decades in ten labels: sub-decade minors are dropped (> 8 decades). */
  g_assert_true (cc_ticks_log (2e-3, 5e5, 10, TRUE, &t));
  g_assert_cmpfloat (t.lo, ==, 1e-3);
  g_assert_cmpfloat_with_epsilon (t.hi, 1e6, 1e-6);
  assert_majors (&t, expect, G_N_ELEMENTS (expect));
  g_assert_cmpuint (t.n_minor, ==, 0);

  /* At most three labelled intervals: every third decade. */
  g_assert_true (cc_ticks_log (2e-3, 5e5, 3, TRUE, &t));
  for (guint i = 0; i < t.n_major; i++)
    g_assert_cmpint ((int) lround (log10 (t.major[i])) % 3, ==, 0);
  g_assert_cmpuint (t.n_major, <=, 4);
}

static void
test_log_minor (void)
{
  CcTicks t;

  /* Four decades: minors at 2…9 × 10^k, none at a decade. */
  g_assert_true (cc_ticks_log (1, 1e4, 10, TRUE, &t));
  g_assert_cmpuint (t.n_major, ==, 5);
  g_assert_cmpuint (t.n_minor, ==, 4 * 8);
  for (guint i = 0; i < t.n_minor; i++)
    {
      double m = t.minor[i] / pow (10, floor (log10 (t.minor[i]) + 1e-9));

      g_assert_cmpfloat (fabs (m - round (m)), <, 1e-9);
      g_assert_cmpfloat (m, >=, 2);
    }
}

static void
test_log_short_range (void)
{
  static const double expect[] = { 0.05, 0.1, 0.2, 0.5, 1, 2, 5 };
  CcTicks t;

  /* Two decades of C-rates: the range stops at 1-2-5 values, and 2 and 5
   * are labelled too. */
  g_assert_true (cc_ticks_log (0.05, 5, 10, TRUE, &t));
  g_assert_cmpfloat_with_epsilon (t.lo, 0.05, 1e-15);
  g_assert_cmpfloat_with_epsilon (t.hi, 5, 1e-12);
  assert_majors (&t, expect, G_N_ELEMENTS (expect));
}

static void
test_log_refuses_nonpositive (void)
{
  CcTicks t;

  g_assert_false (cc_ticks_log (0, 10, 5, TRUE, &t));
  g_assert_false (cc_ticks_log (-1, 10, 5, TRUE, &t));
  g_assert_false (cc_ticks_log (1, NAN, 5, TRUE, &t));
}

static void
test_format (void)
{
  CcTicks t;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;
  g_autofree char *e = NULL;
  g_autofree char *f = NULL;

  cc_ticks_linear (-1, 1, 4, TRUE, &t);           /* step 0.5 */
  a = cc_ticks_format (&t, -0.5);
  g_assert_cmpstr (a, ==, "\xe2\x88\x92" "0.5");  /* U+2212, not a hyphen */
  cc_ticks_linear (0, 1, 4, TRUE, &t);            /* step 0.25: two decimals */
  b = cc_ticks_format (&t, 0.75);
  g_assert_cmpstr (b, ==, "0.75");
  cc_ticks_linear (0, 4e5, 4, TRUE, &t);          /* 1e5 steps: powers of ten */
  c = cc_ticks_format (&t, 2e5);
  g_assert_cmpstr (c, ==, "2\xc3\x97" "10<sup>5</sup>");
  cc_ticks_log (1e-6, 1e2, 10, TRUE, &t);
  d = cc_ticks_format (&t, 1e-3);
  g_assert_cmpstr (d, ==, "10<sup>\xe2\x88\x92" "3</sup>");
  cc_ticks_log (0.1, 100, 10, TRUE, &t);          /* short labels stay plain */
  e = cc_ticks_format (&t, 0.1);
  g_assert_cmpstr (e, ==, "0.1");
  f = cc_format_number_markup (4.2e-5, 2);
  g_assert_cmpstr (f, ==, "4.2\xc3\x97" "10<sup>\xe2\x88\x92" "5</sup>");
}

static void
test_format_locale_independent (void)
{
  g_autofree char *s = NULL;

  /* Whatever LC_NUMERIC says, a CSV number uses '.'. */
  if (setlocale (LC_NUMERIC, "de_DE.UTF-8") == NULL && setlocale (LC_NUMERIC, "fr_FR.UTF-8") == NULL)
    {
      g_test_skip ("no locale with a decimal comma installed");
      return;
    }
  s = cc_format_number (0.5, 6, FALSE);
  setlocale (LC_NUMERIC, "C");
  g_assert_cmpstr (s, ==, "0.5");
}

static void
test_formula (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "Na3PS4", "Na<sub>3</sub>PS<sub>4</sub>" },
    { "Na0.67Ni0.33Mn0.67O2", "Na<sub>0.67</sub>Ni<sub>0.33</sub>Mn<sub>0.67</sub>O<sub>2</sub>" },
    { "Na3V2(PO4)3", "Na<sub>3</sub>V<sub>2</sub>(PO<sub>4</sub>)<sub>3</sub>" },
    { "Na+", "Na<sup>+</sup>" },
    { "S2-", "S<sup>2\xe2\x88\x92</sup>" },
    { "2Na2S", "2Na<sub>2</sub>S" },                 /* a coefficient stays on the line */
    { "P2S5 & S", "P<sub>2</sub>S<sub>5</sub> &amp; S" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *m = cc_formula_to_markup (cases[i].in);

      g_assert_cmpstr (m, ==, cases[i].out);
    }
}

static void
test_table_csv (void)
{
  static const char * const columns[] = { "material", "value", NULL };
  g_autoptr(CcTable) t = cc_table_new (columns);
  g_autofree char *csv = NULL;
  guint r;

  r = cc_table_add_row (t);
  cc_table_set_text (t, r, 0, "Na<sub>3</sub>PS<sub>4</sub>, cubic");
  cc_table_set_double (t, r, 1, 2.25);
  r = cc_table_add_row (t);
  cc_table_set_text (t, r, 0, "say \"hi\"");
  cc_table_set_double (t, r, 1, NAN);
  csv = cc_table_to_csv (t);
  /* Markup becomes text, commas and quotes are quoted, NaN is empty. */
  g_assert_cmpstr (csv, ==, "material,value\n\"Na3PS4, cubic\",2.25\n\"say \"\"hi\"\"\",\n");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/figures/ticks/nice-step/cases", test_nice_step_cases);
  g_test_add_func ("/figures/ticks/nice-step/property", test_nice_step_property);
  g_test_add_func ("/figures/ticks/linear/expand", test_linear_expand);
  g_test_add_func ("/figures/ticks/linear/fixed", test_linear_fixed);
  g_test_add_func ("/figures/ticks/linear/degenerate", test_linear_degenerate);
  g_test_add_func ("/figures/ticks/linear/no-negative-zero", test_linear_no_negative_zero);
  g_test_add_func ("/figures/ticks/log/decades", test_log_decades);
  g_test_add_func ("/figures/ticks/log/minor", test_log_minor);
  g_test_add_func ("/figures/ticks/log/short-range", test_log_short_range);
  g_test_add_func ("/figures/ticks/log/refuses-nonpositive", test_log_refuses_nonpositive);
  g_test_add_func ("/figures/format/labels", test_format);
  g_test_add_func ("/figures/format/locale", test_format_locale_independent);
  g_test_add_func ("/figures/format/formula", test_formula);
  g_test_add_func ("/figures/format/csv", test_table_csv);
  return g_test_run ();
}
