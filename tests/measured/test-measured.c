/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The measured-data importer: each kind from the shipped (synthetic)
 * examples and from instrument-style layouts, lenient column names, units,
 * decimal commas, the branch rules of voltage profiles, and bad input that
 * must give the right error naming line, column and value.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "cc-measured-private.h"

static char *
example (const char *name)
{
  return g_build_filename (g_getenv ("CC_SOURCE_ROOT"), "data", "examples", name, NULL);
}

static CcMeasuredData *
parse_ok (const char     *text,
          CcMeasuredKind  kind)
{
  g_autoptr(GError) error = NULL;
  CcMeasuredData *data = cc_measured_parse (text, -1, "/some/dir/test.csv", kind, &error);

  g_assert_no_error (error);
  g_assert_nonnull (data);
  g_assert_cmpstr (data->name, ==, "test.csv");
  return data;
}

static const CcDataCurve *
curve (const CcMeasuredData *data,
       guint                 i)
{
  g_assert_nonnull (data->curves);
  g_assert_cmpuint (i, <, data->curves->curves->len);
  return g_ptr_array_index (data->curves->curves, i);
}

/* ---- voltage profiles ----------------------------------------------------- */

static void
test_voltage_example (void)
{
  g_autofree char *path = example ("voltage-profile-synthetic.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(CcMeasuredData) data = cc_measured_load (path, CC_MEASURED_AUTO, &error);

  g_assert_no_error (error);
  g_assert_cmpint (data->kind, ==, CC_MEASURED_VOLTAGE);
  g_assert_cmpstr (data->name, ==, "voltage-profile-synthetic.csv");
  g_assert_cmpuint (data->n_points, ==, 240);
  /* Two C-rates × charge and discharge, grouped and labelled by C-rate. */
  g_assert_cmpuint (data->curves->curves->len, ==, 4);
  g_assert_cmpstr (curve (data, 0)->label, ==, "C/10");
  g_assert_cmpstr (curve (data, 3)->label, ==, "1C");
  g_assert_cmpint (curve (data, 0)->group, ==, 0);
  g_assert_cmpint (curve (data, 2)->group, ==, 1);
  g_assert_cmpint (curve (data, 0)->direction, ==, CC_CURVE_CHARGE);
  g_assert_cmpint (curve (data, 1)->direction, ==, CC_CURVE_DISCHARGE);
  for (guint i = 0; i < 4; i++)
    {
      g_assert_cmpint (curve (data, i)->role, ==, CC_CURVE_MEASURED);
      g_assert_cmpuint (curve (data, i)->n, ==, 60);
    }
  /* The 1C discharge ends at 0.98 × 104 mAh/g, below the C/10 one. */
  g_assert_cmpfloat_with_epsilon (curve (data, 3)->x[59], 0.98 * 104, 0.01);
  g_assert_cmpfloat (curve (data, 3)->y[30], <, curve (data, 1)->y[30]);
}

/* EC-Lab style: ';', decimal commas, mV, the ox/red flag and a cycle
 * counter; a rest row in between is skipped. */
static void
test_voltage_instrument_style (void)
{
  g_autoptr(CcMeasuredData) data = parse_ok ("cycle number;ox/red;<Ewe>/mV;Capacity/mA.h/g\n"
                                             "1;1;2800;0\n1;1;3000,5;50\n1;1;3300;100\n"
                                             "1;Rest;3250;100\n"
                                             "1;0;3200;0\n1;0;2900;50\n1;0;2500;100\n"
                                             "2;1;2810;0\n2;1;3310;98\n",
                                             CC_MEASURED_AUTO);

  g_assert_cmpint (data->kind, ==, CC_MEASURED_VOLTAGE);
  g_assert_cmpuint (data->curves->curves->len, ==, 3);
  g_assert_cmpstr (curve (data, 0)->label, ==, "cycle 1");
  g_assert_cmpstr (curve (data, 2)->label, ==, "cycle 2");
  g_assert_cmpint (curve (data, 0)->direction, ==, CC_CURVE_CHARGE);
  g_assert_cmpint (curve (data, 1)->direction, ==, CC_CURVE_DISCHARGE);
  g_assert_cmpfloat (curve (data, 0)->y[1], ==, 3.0005);   /* mV → V, decimal comma */
  g_assert_cmpuint (curve (data, 0)->n, ==, 3);           /* the rest row is not part of it */
  g_assert_cmpuint (data->n_points, ==, 8);
}

/* No branch column: a capacity reset starts a new curve and the voltage
 * trend names its branch. */
static void
test_voltage_branch_from_trend (void)
{
  g_autoptr(CcMeasuredData) data = parse_ok ("Specific capacity (mAh g⁻¹)\tE (V)\n"
                                             "0\t3,4\n40\t3,0\n80\t2,9\n120\t2,5\n"
                                             "0\t2,6\n40\t3,0\n80\t3,1\n115\t3,5\n",
                                             CC_MEASURED_AUTO);

  g_assert_cmpuint (data->curves->curves->len, ==, 2);
  g_assert_cmpint (curve (data, 0)->direction, ==, CC_CURVE_DISCHARGE);
  g_assert_cmpint (curve (data, 1)->direction, ==, CC_CURVE_CHARGE);
  g_assert_cmpint (curve (data, 0)->group, ==, curve (data, 1)->group);
  g_assert_cmpfloat (curve (data, 1)->x[3], ==, 115);
  g_assert_cmpfloat (curve (data, 0)->y[1], ==, 3.0);
}

/* Told the kind, a file without names is read by position. */
static void
test_voltage_by_position (void)
{
  g_autoptr(CcMeasuredData) data = parse_ok ("0 3.5\n50 3.1\n100 2.8\n", CC_MEASURED_VOLTAGE);

  g_assert_cmpuint (data->curves->curves->len, ==, 1);
  g_assert_cmpfloat (curve (data, 0)->x[2], ==, 100);
  g_assert_cmpfloat (curve (data, 0)->y[2], ==, 2.8);
}

/* ---- cycling and rate ------------------------------------------------------ */

static const CcCyclingRun *
run (const CcMeasuredData *data)
{
  g_assert_nonnull (data->cycling);
  g_assert_cmpuint (data->cycling->runs->len, ==, 1);
  return g_ptr_array_index (data->cycling->runs, 0);
}

static void
test_cycling_example (void)
{
  g_autofree char *path = example ("cycling-synthetic.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(CcMeasuredData) data = cc_measured_load (path, CC_MEASURED_AUTO, &error);
  const CcCyclingRun *r;

  g_assert_no_error (error);
  g_assert_cmpint (data->kind, ==, CC_MEASURED_CYCLING);
  r = run (data);
  g_assert_cmpuint (r->n, ==, 200);
  g_assert_cmpint (r->role, ==, CC_CURVE_MEASURED);
  g_assert_cmpfloat (r->cycle[199], ==, 200);
  /* "Efficiency/%" with decimal commas: 92,00 → 0.92. */
  g_assert_cmpfloat_with_epsilon (r->efficiency[0], 0.92, 1e-12);
  g_assert_cmpfloat_with_epsilon (r->efficiency[199], (99.9 - 0.9 * exp (-20.0)) / 100, 1e-4);
  /* 0.08 % fade per cycle within the 0.4 % scatter. */
  g_assert_cmpfloat (fabs (r->capacity_mAh_g[199] / (118 * (1 - 0.0008 * 200)) - 1), <, 0.02);
}

/* Without an efficiency column, CE = Q_discharge / Q_charge; an
 * efficiency without unit above 1.5 is in %, below it a fraction. */
static void
test_cycling_efficiency_sources (void)
{
  g_autoptr(CcMeasuredData) a = parse_ok ("Cycle_Index,Discharge_Capacity(mAh/g),Charge_Capacity(mAh/g)\n"
                                          "1,100,125\n2,99,100\n", CC_MEASURED_AUTO);
  g_autoptr(CcMeasuredData) b = parse_ok ("cycle,capacity,CE\n1,100,0.8\n2,99,0.99\n", CC_MEASURED_AUTO);
  g_autoptr(CcMeasuredData) c = parse_ok ("cycle,capacity,CE\n1,100,80\n2,99,\n3,98,99.5\n", CC_MEASURED_AUTO);
  g_autoptr(CcMeasuredData) d = parse_ok ("cycle;Q discharge/Ah/kg\n1;100\n2;90\n", CC_MEASURED_AUTO);

  g_assert_cmpfloat_with_epsilon (run (a)->efficiency[0], 0.8, 1e-12);
  g_assert_cmpfloat_with_epsilon (run (a)->efficiency[1], 0.99, 1e-12);
  g_assert_cmpfloat (run (b)->efficiency[1], ==, 0.99);
  g_assert_cmpfloat_with_epsilon (run (c)->efficiency[0], 0.8, 1e-12);
  g_assert_true (isnan (run (c)->efficiency[1]));   /* an empty cell: no value for that cycle */
  g_assert_null (run (d)->efficiency);
  g_assert_cmpfloat (run (d)->capacity_mAh_g[1], ==, 90);   /* Ah/kg = mAh/g */
}

static void
test_rate_example (void)
{
  g_autofree char *path = example ("rate-capability-synthetic.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(CcMeasuredData) data = cc_measured_load (path, CC_MEASURED_AUTO, &error);

  g_assert_no_error (error);
  /* A C-rate that changes: rate capability, even with a cycle column. */
  g_assert_cmpint (data->kind, ==, CC_MEASURED_RATE);
  g_assert_cmpuint (curve (data, 0)->n, ==, 18);
  g_assert_cmpfloat (curve (data, 0)->x[17], ==, 5);
  g_assert_cmpfloat (fabs (curve (data, 0)->y[0] / (120 / (1 + pow (0.1 / 4, 0.8))) - 1), <, 0.006);
  /* A C-rate that stays the same over the cycles: cycling data. */
  {
    g_autoptr(CcMeasuredData) c = parse_ok ("cycle,C-rate,capacity\n1,0.5,100\n2,0.5,99\n", CC_MEASURED_AUTO);
    g_assert_cmpint (c->kind, ==, CC_MEASURED_CYCLING);
  }
}

static void
test_impedance_example (void)
{
  g_autofree char *path = example ("eis-instrument-style-synthetic.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(CcMeasuredData) data = cc_measured_load (path, CC_MEASURED_AUTO, &error);
  const CcSpectrum *s;

  g_assert_no_error (error);
  g_assert_cmpint (data->kind, ==, CC_MEASURED_IMPEDANCE);
  g_assert_cmpuint (data->impedance->spectra->len, ==, 1);
  s = g_ptr_array_index (data->impedance->spectra, 0);
  g_assert_cmpint (s->role, ==, CC_CURVE_MEASURED);
  g_assert_cmpuint (s->n, ==, 71);
  g_assert_false (data->impedance->area_specific);
  /* The file holds −Z″; the importer flips it to the capacitive Z″ < 0. */
  g_assert_cmpfloat (s->z_im[10], <, 0);
}

/* ---- column names ----------------------------------------------------------- */

static void
test_column_names (void)
{
  static const struct { const char *name; CcColumnRole role; CcUnitKind unit; double scale; } cases[] = {
    { "Capacity (mAh/g)", CC_COLUMN_CAPACITY, CC_UNIT_STATED, 1 },
    { "capacity_mAh_g", CC_COLUMN_CAPACITY, CC_UNIT_STATED, 1 },
    { "Specific capacity (mAh g⁻¹)", CC_COLUMN_CAPACITY, CC_UNIT_STATED, 1 },
    { "Q discharge/mA.h/g", CC_COLUMN_CAPACITY_DISCHARGE, CC_UNIT_STATED, 1 },
    { "Charge_Capacity(mAh/g)", CC_COLUMN_CAPACITY_CHARGE, CC_UNIT_STATED, 1 },
    { "CC_DChg capacity [Ah/g]", CC_COLUMN_CAPACITY_DISCHARGE, CC_UNIT_STATED, 1000 },
    { "Capacity/mA.h", CC_COLUMN_CAPACITY, CC_UNIT_ABSOLUTE_CAPACITY, 1 },
    { "(Q-Qo)/mA.h", CC_COLUMN_CAPACITY, CC_UNIT_ABSOLUTE_CAPACITY, 1 },
    { "capacity", CC_COLUMN_CAPACITY, CC_UNIT_UNSTATED, 1 },
    { "Ewe/V", CC_COLUMN_VOLTAGE, CC_UNIT_STATED, 1 },
    { "<Ewe>/mV", CC_COLUMN_VOLTAGE, CC_UNIT_STATED, 1e-3 },
    { "Voltage (V)", CC_COLUMN_VOLTAGE, CC_UNIT_STATED, 1 },
    { "Ecell/V", CC_COLUMN_VOLTAGE, CC_UNIT_STATED, 1 },
    { "Potential vs Na+/Na", CC_COLUMN_VOLTAGE, CC_UNIT_UNSTATED, 1 },
    { "cycle number", CC_COLUMN_CYCLE, CC_UNIT_UNSTATED, 1 },
    { "Cycle_Index", CC_COLUMN_CYCLE, CC_UNIT_UNSTATED, 1 },
    { "half cycle", CC_COLUMN_OTHER, CC_UNIT_UNSTATED, 1 },
    { "C-rate", CC_COLUMN_C_RATE, CC_UNIT_UNSTATED, 1 },
    { "Rate (C)", CC_COLUMN_C_RATE, CC_UNIT_UNSTATED, 1 },
    { "Coulombic efficiency (%)", CC_COLUMN_EFFICIENCY, CC_UNIT_STATED, 0.01 },
    { "CE", CC_COLUMN_EFFICIENCY, CC_UNIT_UNSTATED, 1 },
    { "Energy efficiency (%)", CC_COLUMN_OTHER, CC_UNIT_UNSTATED, 1 },
    { "ox/red", CC_COLUMN_BRANCH, CC_UNIT_UNSTATED, 1 },
    { "Step Type", CC_COLUMN_BRANCH, CC_UNIT_UNSTATED, 1 },
    { "freq/Hz", CC_COLUMN_FREQUENCY, CC_UNIT_UNSTATED, 1 },
    { "time/s", CC_COLUMN_OTHER, CC_UNIT_UNSTATED, 1 },
    { "Specific energy (Wh/kg)", CC_COLUMN_OTHER, CC_UNIT_UNSTATED, 1 },
    { "I/mA", CC_COLUMN_OTHER, CC_UNIT_UNSTATED, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CcColumnInfo info;

      cc_measured_classify_column (cases[i].name, &info);
      g_test_message ("%s", cases[i].name);
      g_assert_cmpint (info.role, ==, cases[i].role);
      g_assert_cmpint (info.unit, ==, cases[i].unit);
      g_assert_cmpfloat (info.scale, ==, cases[i].scale);
    }
}

static void
test_kind_strings (void)
{
  for (CcMeasuredKind k = 0; k < CC_MEASURED_N_KINDS; k++)
    {
      CcMeasuredKind back = CC_MEASURED_N_KINDS;

      g_assert_true (cc_measured_kind_from_string (cc_measured_kind_to_string (k), &back));
      g_assert_cmpint (back, ==, k);
    }
  g_assert_false (cc_measured_kind_from_string ("volts", &(CcMeasuredKind) { 0 }));
  g_assert_cmpint (cc_measured_kind_for_chart ("nyquist"), ==, CC_MEASURED_IMPEDANCE);
  g_assert_cmpint (cc_measured_kind_for_chart ("bode"), ==, CC_MEASURED_IMPEDANCE);
  g_assert_cmpint (cc_measured_kind_for_chart ("voltage-profile"), ==, CC_MEASURED_VOLTAGE);
  g_assert_cmpint (cc_measured_kind_for_chart ("drt"), ==, CC_MEASURED_AUTO);
}

/* ---- bad input ---------------------------------------------------------------- */

static void
assert_error (const char     *text,
              gssize          length,
              CcMeasuredKind  kind,
              int             code,
              const char     *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcMeasuredData) data = cc_measured_parse (text, length, "bad.csv", kind, &error);

  if (data != NULL)
    g_error ("'%.60s' was accepted, expected '%s'", text, fragment);
  g_assert_error (error, CC_MEASURED_ERROR, code);
  if (strstr (error->message, fragment) == NULL)
    g_error ("message '%s' lacks '%s'", error->message, fragment);
}

static void
test_errors (void)
{
  const int P = CC_MEASURED_ERROR_PARSE, I = CC_MEASURED_ERROR_INVALID, K = CC_MEASURED_ERROR_KIND;
  const CcMeasuredKind A = CC_MEASURED_AUTO;

  /* Line, column (number and name) and value. */
  assert_error ("Capacity (mAh/g),Voltage (V)\n0,3.4\n10,3,1\n20,3.O\n", -1, A, P,
                "bad.csv:4: column 2 “Voltage (V)”: '3.O' is not a number");
  assert_error ("cycle,capacity\n1,100\n2,nan\n", -1, A, P, "bad.csv:3: column 2 “capacity”: 'nan' is not a number");
  assert_error ("cycle,capacity\n1,inf\n", -1, A, P, "'inf' is not a number");
  assert_error ("cycle,capacity\n1,100\n2\n", -1, A, P, "bad.csv:3: expected at least 2 columns, found 1");
  /* Physical ranges, with a hint for a voltage in mV. */
  assert_error ("Capacity (mAh/g),Voltage (V)\n0,3400\n", -1, A, I,
                "bad.csv:2: column 2 “Voltage (V)”: voltage 3400 V is outside -5 … 10 V (is it in mV?");
  assert_error ("Capacity (mAh/g),Voltage (V)\n-3,3.4\n", -1, A, I, "capacity -3 mAh/g is outside 0 … 5000 mAh/g");
  assert_error ("C-rate,capacity\n0,100\n1,90\n", -1, A, I, "bad.csv:2: column 1 “C-rate”: C-rate 0 C is outside");
  assert_error ("cycle,capacity,CE (%)\n1,100,250\n", -1, A, I, "Coulombic efficiency 250 % is outside 0 … 200 %");
  assert_error ("cycle,capacity\n-1,100\n", -1, A, I, "cycle -1 is outside 0 … 1e+06");
  assert_error ("cycle,Q discharge (mAh/g),Q charge (mAh/g)\n1,100,101\n2,99,1\n", -1, A, I,
                "bad.csv:3: Coulombic efficiency Q_discharge / Q_charge = 9900 % is outside 0 … 200 %");
  assert_error ("cycle number,ox/red,Ewe/V,Capacity (mAh/g)\n1,up,3.1,0\n", -1, A, I,
                "bad.csv:2: column 2 “ox/red”: 'up' is neither charge nor discharge");
  /* Capacities must be per gram. */
  assert_error ("Capacity/mA.h,Ewe/V\n0,3.4\n", -1, A, I, "column 1 “Capacity/mA.h” holds an absolute capacity (mAh)");
  /* What the file holds. */
  assert_error ("1,2\n3,4\n", -1, A, K, "the columns have no names");
  assert_error ("time/s,I/mA\n1,2\n", -1, A, K, "cannot tell what the columns “time/s”, “I/mA” hold");
  assert_error ("time/s,Capacity (mAh/g),I/mA\n1,2,3\n", -1, CC_MEASURED_VOLTAGE, K,
                "bad.csv: no voltage column among “time/s”, “Capacity (mAh/g)”, “I/mA” (name it e.g. “Voltage (V)”)");
  assert_error ("cycle,Capacity (mAh/g)\n1,100\n", -1, CC_MEASURED_VOLTAGE, K,
                "no voltage column among “cycle”, “Capacity (mAh/g)” (name it e.g. “Voltage (V)”); "
                "the columns look like cycling data");
  assert_error ("Capacity (mAh/g),Voltage (V)\n", -1, A, P, "bad.csv: no data rows");
  assert_error ("freq,Z',Z''\n1,2\n", -1, A, P, "expected at least 3 columns");
  /* Binary data and size limits. */
  assert_error ("cycle,capacity\n1,2\n\0\1", 21, A, P, "binary data");
  {
    gsize big = CC_MEASURED_MAX_BYTES + 1;
    g_autofree char *text = g_malloc (big);

    memset (text, '1', big);
    assert_error (text, big, A, P, "larger than 16777216 bytes");
  }
  {
    g_autoptr(GString) rows = g_string_new ("cycle,capacity\n");

    for (guint i = 0; i <= CC_MEASURED_MAX_ROWS; i++)
      g_string_append (rows, "1,2\n");
    assert_error (rows->str, rows->len, A, P, "bad.csv:200002: more than 200000 data rows");
  }
  {
    g_autoptr(GString) cycles = g_string_new ("cycle,capacity,voltage\n");

    for (guint i = 1; i <= CC_MEASURED_MAX_CURVES + 1; i++)
      g_string_append_printf (cycles, "%u,0,3\n%u,10,2.9\n", i, i);
    assert_error (cycles->str, cycles->len, A, P, "more than 64 curves");
  }
}

/* ---- the shipped examples -------------------------------------------------------- */

static void
assert_same_numbers (const CcMeasuredData *a,
                     const CcMeasuredData *b)
{
  g_assert_cmpint (a->kind, ==, b->kind);
  g_assert_cmpuint (a->n_points, ==, b->n_points);
  if (a->curves != NULL)
    for (guint i = 0; i < a->curves->curves->len; i++)
      for (guint k = 0; k < curve (a, i)->n; k++)
        {
          g_assert_cmpfloat_with_epsilon (curve (a, i)->x[k], curve (b, i)->x[k], 0.011);
          g_assert_cmpfloat_with_epsilon (curve (a, i)->y[k], curve (b, i)->y[k], 0.011);
        }
  if (a->cycling != NULL)
    for (guint k = 0; k < run (a)->n; k++)
      g_assert_cmpfloat_with_epsilon (run (a)->capacity_mAh_g[k], run (b)->capacity_mAh_g[k], 0.011);
}

static void
test_examples_up_to_date (void)
{
  static const char *files[] = {
    "voltage-profile-synthetic.csv", "cycling-synthetic.csv", "rate-capability-synthetic.csv"
  };
  g_autofree char *dir = g_dir_make_tmp ("cc-measured-XXXXXX", NULL);
  g_autofree char *maker = g_test_build_filename (G_TEST_BUILT, "measured", "measured-make-examples", NULL);
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char *[]) { maker, dir, NULL }, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *fresh = g_build_filename (dir, files[i], NULL);
      g_autofree char *shipped = example (files[i]);
      g_autofree char *head = NULL;
      g_autoptr(CcMeasuredData) a = cc_measured_load (fresh, CC_MEASURED_AUTO, &error);
      g_autoptr(CcMeasuredData) b = cc_measured_load (shipped, CC_MEASURED_AUTO, &error);

      g_assert_no_error (error);
      assert_same_numbers (a, b);
      /* Each says what it is in its first line. */
      g_assert_true (g_file_get_contents (shipped, &head, NULL, NULL));
      g_assert_true (g_str_has_prefix (head, "# SYNTHETIC data, not a measurement"));
      g_unlink (fresh);
    }
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/measured/voltage/example", test_voltage_example);
  g_test_add_func ("/measured/voltage/instrument-style", test_voltage_instrument_style);
  g_test_add_func ("/measured/voltage/branch-from-trend", test_voltage_branch_from_trend);
  g_test_add_func ("/measured/voltage/by-position", test_voltage_by_position);
  g_test_add_func ("/measured/cycling/example", test_cycling_example);
  g_test_add_func ("/measured/cycling/efficiency-sources", test_cycling_efficiency_sources);
  g_test_add_func ("/measured/rate/example", test_rate_example);
  g_test_add_func ("/measured/impedance/example", test_impedance_example);
  g_test_add_func ("/measured/columns/names", test_column_names);
  g_test_add_func ("/measured/kinds/strings", test_kind_strings);
  g_test_add_func ("/measured/errors", test_errors);
  g_test_add_func ("/measured/examples/up-to-date", test_examples_up_to_date);
  return g_test_run ();
}
