/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Cycling and rate-capability tables: one row per cycle or per rate step.
 *
 * Coulombic efficiency comes from its own column when there is one (in %
 * when the name says so or any value exceeds 1.5, else as a fraction; an
 * empty cell is a cycle without a value, drawn as a gap). Without it, a
 * charge-capacity column gives CE = Q_discharge / Q_charge of the same row,
 * the definition for a cathode charged first (sodium extracted, then
 * reinserted); it does not hold for a cell that starts with a discharge.
 * A zero charge capacity gives no value (a gap); a ratio above 200 % is
 * refused like such an efficiency.
 */
#include "cc-measured-private.h"

#include <math.h>

/* Discharge capacity first: a column without direction is the discharge
 * capacity in cycling and rate tables. */
static const CcColumnRole discharge_order[] = { CC_COLUMN_CAPACITY_DISCHARGE, CC_COLUMN_CAPACITY };

static int
discharge_column (const CcColumnMap *map,
                  double            *scale)
{
  CcColumnRole role = CC_COLUMN_CAPACITY;
  int col = cc_measured_find_column (map, discharge_order, G_N_ELEMENTS (discharge_order), &role);

  *scale = map->info[role].scale;
  return col;
}

/* The scale that turns the efficiency column into %. */
static double
efficiency_to_percent (const CcCsvTable  *table,
                       const CcColumnMap *map)
{
  int col = map->index[CC_COLUMN_EFFICIENCY];

  if (map->info[CC_COLUMN_EFFICIENCY].unit == CC_UNIT_STATED)
    return 100 * map->info[CC_COLUMN_EFFICIENCY].scale;
  for (guint i = 0; i < table->rows->len; i++)
    {
      const CcCsvRow *row = g_ptr_array_index (table->rows, i);
      double v;

      if ((guint) col < row->n_fields && cc_csv_parse_double (row->fields[col], table->decimal_comma, &v)
          && v > 1.5)
        return 1;
    }
  return 100;
}

static gboolean
read_efficiency (const CcCsvTable *table,
                 const CcCsvRow   *row,
                 int               col,
                 double            to_percent,
                 double           *out,
                 GError          **error)
{
  double percent;

  if ((guint) col < row->n_fields && row->fields[col][0] == '\0')
    {
      *out = NAN;
      return TRUE;
    }
  if (!cc_measured_get_value (table, row, col, to_percent, 0, CC_MEASURED_MAX_CE_PERCENT,
                              "Coulombic efficiency", "%", &percent, error))
    return FALSE;
  *out = percent / 100;
  return TRUE;
}

gboolean
cc_measured_read_cycling (const CcCsvTable  *table,
                          const CcColumnMap *map,
                          CcMeasuredData    *data,
                          GError           **error)
{
  int cyc = map->index[CC_COLUMN_CYCLE], ce_col = map->index[CC_COLUMN_EFFICIENCY];
  int ch_col = map->index[CC_COLUMN_CAPACITY_CHARGE];
  double cap_scale, to_percent = ce_col >= 0 ? efficiency_to_percent (table, map) : 1;
  int cap = discharge_column (map, &cap_scale);
  guint n = table->rows->len;
  g_autofree double *cycle = g_new (double, MAX (n, 1));
  g_autofree double *q = g_new (double, MAX (n, 1));
  g_autofree double *ce = g_new (double, MAX (n, 1));
  g_autofree char *label = g_markup_escape_text (data->name, -1);

  for (guint i = 0; i < n; i++)
    {
      const CcCsvRow *row = g_ptr_array_index (table->rows, i);
      double q_ch;

      if (!cc_measured_get_value (table, row, cyc, 1, 0, CC_MEASURED_MAX_CYCLE, "cycle", "", &cycle[i], error) ||
          !cc_measured_get_value (table, row, cap, cap_scale, 0, CC_MEASURED_MAX_MAH_G,
                                  "discharge capacity", "mAh/g", &q[i], error))
        return FALSE;
      if (ce_col >= 0)
        {
          if (!read_efficiency (table, row, ce_col, to_percent, &ce[i], error))
            return FALSE;
        }
      else if (ch_col >= 0)
        {
          if (!cc_measured_get_value (table, row, ch_col, map->info[CC_COLUMN_CAPACITY_CHARGE].scale, 0,
                                      CC_MEASURED_MAX_MAH_G, "charge capacity", "mAh/g", &q_ch, error))
            return FALSE;
          ce[i] = q_ch > 0 ? q[i] / q_ch : NAN;
          /* The same range as an efficiency column (found by fuzzing). */
          if (ce[i] > CC_MEASURED_MAX_CE_PERCENT / 100)
            {
              g_set_error (error, CC_MEASURED_ERROR, CC_MEASURED_ERROR_INVALID,
                           "%s:%u: Coulombic efficiency Q_discharge / Q_charge = %g %% is outside 0 … %g %% "
                           "(are the capacity columns swapped?)", table->origin, row->line, 100 * ce[i],
                           CC_MEASURED_MAX_CE_PERCENT);
              return FALSE;
            }
        }
    }
  data->cycling = cc_cycling_data_new ();
  cc_cycling_data_add_run (data->cycling, label, CC_CURVE_MEASURED, cycle, q,
                           ce_col >= 0 || ch_col >= 0 ? ce : NULL, n);
  data->n_points = n;
  return TRUE;
}

gboolean
cc_measured_read_rate (const CcCsvTable  *table,
                       const CcColumnMap *map,
                       CcMeasuredData    *data,
                       GError           **error)
{
  int rate = map->index[CC_COLUMN_C_RATE];
  double cap_scale;
  int cap = discharge_column (map, &cap_scale);
  guint n = table->rows->len;
  g_autofree double *x = g_new (double, MAX (n, 1));
  g_autofree double *y = g_new (double, MAX (n, 1));
  g_autofree char *label = g_markup_escape_text (data->name, -1);

  for (guint i = 0; i < n; i++)
    {
      const CcCsvRow *row = g_ptr_array_index (table->rows, i);

      /* The rate axis is logarithmic: a C-rate must be positive. */
      if (!cc_measured_get_value (table, row, rate, 1, 1e-4, CC_MEASURED_MAX_C_RATE, "C-rate", "C", &x[i], error) ||
          !cc_measured_get_value (table, row, cap, cap_scale, 0, CC_MEASURED_MAX_MAH_G,
                                  "discharge capacity", "mAh/g", &y[i], error))
        return FALSE;
    }
  data->curves = cc_curve_set_new ();
  cc_curve_set_add (data->curves, label, CC_CURVE_MEASURED, x, y, n);
  data->n_points = n;
  return TRUE;
}
