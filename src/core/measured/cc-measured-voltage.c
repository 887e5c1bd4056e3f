/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Voltage profiles: rows of (specific capacity, voltage), cut into curves.
 *
 * A curve is a run of rows with the same group (C-rate, else cycle, else
 * one group for the file) and the same branch. With a branch column
 * ("charge"/"discharge", "CC_DChg", "ox/red" 1/0, …) rows say their branch;
 * rest steps are skipped. Without one, a new curve starts where the
 * capacity falls back by more than half of what the curve has reached (the
 * counter was reset for the next half cycle), and the branch is read from
 * the voltage: it falls along a discharge and rises along a charge. That
 * rule breaks for a curve with a plateau and a slope in opposite
 * directions (it never happens in one galvanostatic half cycle).
 */
#include "cc-measured-private.h"

#include <math.h>
#include <string.h>

typedef struct {
  guint             group;
  CcCurveDirection  direction;
  gboolean          known;          /* the file gave the branch */
  GArray           *x, *y;
} Segment;

static void
segment_free (gpointer data)
{
  Segment *s = data;

  g_array_unref (s->x);
  g_array_unref (s->y);
  g_free (s);
}

typedef struct {
  const CcCsvTable  *table;
  const CcColumnMap *map;
  int                cap_col, group_col;
  double             cap_scale;
  CcColumnRole       group_role;
  GArray            *keys;          /* double: the group values in order of appearance */
  GPtrArray         *segments;      /* Segment* */
  Segment           *current;
  double             seg_max;
  gboolean           break_next;
} VoltageReader;

/* The branch a row's text names; FALSE for a rest step. */
static gboolean
parse_branch (const VoltageReader *r,
              const CcCsvRow      *row,
              CcCurveDirection    *dir,
              gboolean            *rest,
              GError             **error)
{
  int col = r->map->index[CC_COLUMN_BRANCH];
  g_autofree char *t = NULL;
  g_autofree char *name = NULL;
  g_autofree char *shown = NULL;
  double v;

  *rest = FALSE;
  if (col >= (int) row->n_fields)
    return cc_csv_error (r->table, row->line, error, "expected at least %d columns, found %u", col + 1, row->n_fields);
  t = g_ascii_strdown (row->fields[col], -1);
  if (strstr (t, "dis") || strstr (t, "dchg") || strstr (t, "red") || g_str_equal (t, "d"))
    *dir = CC_CURVE_DISCHARGE;
  else if (strstr (t, "rest") || strstr (t, "ocv") || strstr (t, "pause") || strstr (t, "relax"))
    *rest = TRUE;
  else if (strstr (t, "ch") || strstr (t, "ox") || g_str_equal (t, "c"))
    *dir = CC_CURVE_CHARGE;
  /* EC-Lab's ox/red: 1 while the working electrode is oxidised (a cathode
   * is charged), 0 while it is reduced. */
  else if (cc_csv_parse_double (t, r->table->decimal_comma, &v) && (v == 0 || v == 1))
    *dir = v == 1 ? CC_CURVE_CHARGE : CC_CURVE_DISCHARGE;
  else
    {
      name = cc_csv_column_name (r->table, col);
      shown = cc_csv_quote_field (row->fields[col]);
      g_set_error (error, CC_MEASURED_ERROR, CC_MEASURED_ERROR_INVALID,
                   "%s:%u: %s: '%s' is neither charge nor discharge (nor a rest)",
                   r->table->origin, row->line, name, shown);
      return FALSE;
    }
  return TRUE;
}

static guint
group_of (VoltageReader *r,
          double         key)
{
  for (guint i = 0; i < r->keys->len; i++)
    if (g_array_index (r->keys, double, i) == key)
      return i;
  g_array_append_val (r->keys, key);
  return r->keys->len - 1;
}

static gboolean
start_segment (VoltageReader    *r,
               guint             group,
               CcCurveDirection  dir,
               gboolean          known,
               guint             line,
               GError          **error)
{
  Segment *s;

  if (r->segments->len >= CC_MEASURED_MAX_CURVES)
    return cc_csv_error (r->table, line, error, "more than %d curves (runs of one C-rate, cycle and branch); "
                         "keep the cycles to compare", CC_MEASURED_MAX_CURVES);
  s = g_new0 (Segment, 1);
  s->group = group;
  s->direction = dir;
  s->known = known;
  s->x = g_array_new (FALSE, FALSE, sizeof (double));
  s->y = g_array_new (FALSE, FALSE, sizeof (double));
  g_ptr_array_add (r->segments, s);
  r->current = s;
  r->seg_max = 0;
  r->break_next = FALSE;
  return TRUE;
}

static gboolean
read_row (VoltageReader  *r,
          const CcCsvRow *row,
          GError        **error)
{
  const CcColumnMap *map = r->map;
  CcCurveDirection dir = CC_CURVE_NONE;
  gboolean known = map->index[CC_COLUMN_BRANCH] >= 0, rest = FALSE;
  double q, v, key = 0;
  guint group;
  Segment *s = r->current;

  if (known && !parse_branch (r, row, &dir, &rest, error))
    return FALSE;
  if (rest)
    {
      r->break_next = TRUE;
      return TRUE;
    }
  if (!cc_measured_get_value (r->table, row, r->cap_col, r->cap_scale, 0, CC_MEASURED_MAX_MAH_G, "capacity", "mAh/g", &q, error) ||
      !cc_measured_get_value (r->table, row, map->index[CC_COLUMN_VOLTAGE], map->info[CC_COLUMN_VOLTAGE].scale,
                              CC_MEASURED_MIN_V, CC_MEASURED_MAX_V, "voltage", "V", &v, error))
    return FALSE;
  if (r->group_col >= 0 &&
      !cc_measured_get_value (r->table, row, r->group_col, 1,
                              r->group_role == CC_COLUMN_C_RATE ? 1e-4 : 0,
                              r->group_role == CC_COLUMN_C_RATE ? CC_MEASURED_MAX_C_RATE : CC_MEASURED_MAX_CYCLE,
                              r->group_role == CC_COLUMN_C_RATE ? "C-rate" : "cycle", "", &key, error))
    return FALSE;
  group = group_of (r, key);
  if (s == NULL || r->break_next || s->group != group || s->direction != dir
      || q < g_array_index (s->x, double, s->x->len - 1) - 0.5 * r->seg_max)
    {
      if (!start_segment (r, group, dir, known, row->line, error))
        return FALSE;
      s = r->current;
    }
  g_array_append_val (s->x, q);
  g_array_append_val (s->y, v);
  r->seg_max = MAX (r->seg_max, q);
  return TRUE;
}

/* Falling voltage: a discharge; rising: a charge (mean of the first and
 * of the last quarter of the points). */
static CcCurveDirection
direction_from_voltage (const Segment *s)
{
  guint n = s->y->len, q = MAX (n / 4, 1);
  double head = 0, tail = 0;

  if (n < 2)
    return CC_CURVE_NONE;
  for (guint i = 0; i < q; i++)
    {
      head += g_array_index (s->y, double, i);
      tail += g_array_index (s->y, double, n - 1 - i);
    }
  return tail < head ? CC_CURVE_DISCHARGE : tail > head ? CC_CURVE_CHARGE : CC_CURVE_NONE;
}

static char *
group_label (const VoltageReader  *r,
             const CcMeasuredData *data,
             guint                 group)
{
  double key = g_array_index (r->keys, double, group);
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (r->group_role == CC_COLUMN_C_RATE)
    return cc_c_rate_label (key);
  if (r->group_role == CC_COLUMN_CYCLE)
    return g_strdup_printf ("cycle %s", g_ascii_formatd (buf, sizeof buf, "%g", key));
  return g_markup_escape_text (data->name, -1);
}

gboolean
cc_measured_read_voltage (const CcCsvTable  *table,
                          const CcColumnMap *map,
                          CcMeasuredData    *data,
                          GError           **error)
{
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) segments = g_ptr_array_new_with_free_func (segment_free);
  VoltageReader r = { table, map, -1, -1, 1, CC_COLUMN_OTHER, keys, segments, NULL, 0, FALSE };
  /* Capacity without a direction in its name, else either direction. */
  static const CcColumnRole order[] = {
    CC_COLUMN_CAPACITY, CC_COLUMN_CAPACITY_DISCHARGE, CC_COLUMN_CAPACITY_CHARGE
  };
  CcColumnRole cap_role = CC_COLUMN_CAPACITY;

  r.cap_col = cc_measured_find_column (map, order, G_N_ELEMENTS (order), &cap_role);
  r.cap_scale = map->info[cap_role].scale;
  r.group_role = map->index[CC_COLUMN_C_RATE] >= 0 ? CC_COLUMN_C_RATE
               : map->index[CC_COLUMN_CYCLE] >= 0 ? CC_COLUMN_CYCLE : CC_COLUMN_OTHER;
  r.group_col = r.group_role == CC_COLUMN_OTHER ? -1 : map->index[r.group_role];
  for (guint i = 0; i < table->rows->len; i++)
    if (!read_row (&r, g_ptr_array_index (table->rows, i), error))
      return FALSE;
  data->curves = cc_curve_set_new ();
  for (guint i = 0; i < segments->len; i++)
    {
      const Segment *s = g_ptr_array_index (segments, i);
      g_autofree char *label = group_label (&r, data, s->group);
      CcDataCurve *c = cc_curve_set_add (data->curves, label, CC_CURVE_MEASURED, (double *) s->x->data,
                                         (double *) s->y->data, s->x->len);

      cc_data_curve_set_group (c, (int) s->group);
      cc_data_curve_set_direction (c, s->known ? s->direction : direction_from_voltage (s));
      data->n_points += s->x->len;
    }
  return TRUE;
}
