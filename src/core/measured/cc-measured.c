/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The importer's entry points: what kind of data a file holds (from its
 * column names, or as the caller says), which columns to read, and the
 * readers of cc-measured-voltage.c and cc-measured-read.c.
 *
 * Guessing, from the roles of cc-measured-columns.c: a frequency column
 * makes a spectrum; capacity and voltage a voltage profile; a C-rate that
 * takes more than one value and a capacity rate capability; a cycle and a
 * capacity cycling data (also with a C-rate that stays the same). A file
 * without column names cannot be guessed; told its kind, it is read by
 * position: capacity, voltage; cycle, discharge capacity[, CE]; C-rate,
 * capacity.
 */
#include "cc-measured-private.h"
#include "cc-eis-csv.h"

#include <string.h>

G_DEFINE_QUARK (cc-measured-error-quark, cc_measured_error)

static const char * const kind_names[CC_MEASURED_N_KINDS] = {
  "auto", "voltage-profile", "cycling", "rate-capability", "impedance",
};

const char *
cc_measured_kind_to_string (CcMeasuredKind kind)
{
  g_return_val_if_fail (kind < CC_MEASURED_N_KINDS, NULL);
  return kind_names[kind];
}

gboolean
cc_measured_kind_from_string (const char     *text,
                              CcMeasuredKind *out)
{
  for (guint i = 0; text != NULL && i < CC_MEASURED_N_KINDS; i++)
    if (g_str_equal (text, kind_names[i]))
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

CcMeasuredKind
cc_measured_kind_for_chart (const char *chart_kind)
{
  if (g_strcmp0 (chart_kind, "nyquist") == 0 || g_strcmp0 (chart_kind, "bode") == 0)
    return CC_MEASURED_IMPEDANCE;
  if (g_strcmp0 (chart_kind, "voltage-profile") == 0)
    return CC_MEASURED_VOLTAGE;
  if (g_strcmp0 (chart_kind, "cycling") == 0)
    return CC_MEASURED_CYCLING;
  if (g_strcmp0 (chart_kind, "rate-capability") == 0)
    return CC_MEASURED_RATE;
  return CC_MEASURED_AUTO;
}

void
cc_measured_free (CcMeasuredData *data)
{
  if (data == NULL)
    return;
  g_free (data->name);
  cc_curve_set_free (data->curves);
  cc_cycling_data_free (data->cycling);
  cc_impedance_data_free (data->impedance);
  g_free (data);
}

static CcMeasuredData *
measured_new (CcMeasuredKind  kind,
              const char     *origin)
{
  CcMeasuredData *data = g_new0 (CcMeasuredData, 1);

  data->kind = kind;
  data->name = g_path_get_basename (origin != NULL ? origin : "CSV");
  return data;
}

/* Spectra go through the impedance importer as they are. */
static CcMeasuredData *
parse_impedance (const char  *text,
                 gssize       length,
                 const char  *origin,
                 GError     **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(CcEisSpectrum) s = cc_eis_spectrum_parse_csv (text, length, origin, &local);
  g_autofree char *label = NULL;
  CcMeasuredData *data;

  if (s == NULL)
    {
      g_set_error_literal (error, CC_MEASURED_ERROR, CC_MEASURED_ERROR_PARSE, local->message);
      return NULL;
    }
  data = measured_new (CC_MEASURED_IMPEDANCE, origin);
  label = g_markup_escape_text (data->name, -1);
  data->impedance = cc_impedance_data_new (s->area_specific);
  cc_impedance_data_add_spectrum (data->impedance, label, CC_CURVE_MEASURED, s->freq_Hz, s->z_re, s->z_im, s->n);
  data->n_points = s->n;
  return data;
}

static gboolean
has (const CcColumnMap *map,
     CcColumnRole       role)
{
  return map->index[role] >= 0;
}

static gboolean
has_capacity (const CcColumnMap *map)
{
  return has (map, CC_COLUMN_CAPACITY) || has (map, CC_COLUMN_CAPACITY_DISCHARGE)
         || has (map, CC_COLUMN_CAPACITY_CHARGE);
}

/* More than one distinct, readable value in @col. */
static gboolean
column_varies (const CcCsvTable *table,
               int               col)
{
  double first = 0, v;
  gboolean seen = FALSE;

  for (guint i = 0; i < table->rows->len; i++)
    {
      const CcCsvRow *row = g_ptr_array_index (table->rows, i);

      if ((guint) col >= row->n_fields || !cc_csv_parse_double (row->fields[col], table->decimal_comma, &v))
        continue;
      if (seen && v != first)
        return TRUE;
      first = v;
      seen = TRUE;
    }
  return FALSE;
}

static CcMeasuredKind
guess_kind (const CcCsvTable  *table,
            const CcColumnMap *map)
{
  if (!has_capacity (map))
    return CC_MEASURED_AUTO;
  if (has (map, CC_COLUMN_VOLTAGE))
    return CC_MEASURED_VOLTAGE;
  if (has (map, CC_COLUMN_C_RATE)
      && (!has (map, CC_COLUMN_CYCLE) || column_varies (table, map->index[CC_COLUMN_C_RATE])))
    return CC_MEASURED_RATE;
  if (has (map, CC_COLUMN_CYCLE))
    return CC_MEASURED_CYCLING;
  return CC_MEASURED_AUTO;
}

static char *
header_list (const CcCsvTable *table)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < table->n_header && i < 8; i++)
    {
      g_autofree char *shown = cc_csv_quote_field (table->header[i]);

      g_string_append_printf (out, "%s“%s”", i > 0 ? ", " : "", shown);
    }
  if (table->n_header > 8)
    g_string_append (out, ", …");
  return g_string_free (out, FALSE);
}

/* Read by position: no names, or names that say nothing and are as many
 * as the kind needs. */
static gboolean
map_by_position (const CcCsvTable *table,
                 CcMeasuredKind    kind,
                 CcColumnMap      *map)
{
  const CcCsvRow *first = table->rows->len > 0 ? g_ptr_array_index (table->rows, 0) : NULL;
  guint n = table->header != NULL ? table->n_header : first != NULL ? first->n_fields : 0;

  for (guint r = 0; r < CC_N_COLUMN_ROLES; r++)
    if (map->index[r] >= 0)
      return FALSE;
  if (n < 2)
    return FALSE;
  for (guint r = 0; r < CC_N_COLUMN_ROLES; r++)
    map->info[r] = (CcColumnInfo) { r, CC_UNIT_UNSTATED, 1 };
  switch (kind)
    {
    case CC_MEASURED_VOLTAGE:
      map->index[CC_COLUMN_CAPACITY] = 0, map->index[CC_COLUMN_VOLTAGE] = 1;
      return n == 2 || table->header == NULL;
    case CC_MEASURED_CYCLING:
      map->index[CC_COLUMN_CYCLE] = 0, map->index[CC_COLUMN_CAPACITY_DISCHARGE] = 1;
      if (n >= 3)
        map->index[CC_COLUMN_EFFICIENCY] = 2;
      return n <= 3 || table->header == NULL;
    case CC_MEASURED_RATE:
      map->index[CC_COLUMN_C_RATE] = 0, map->index[CC_COLUMN_CAPACITY_DISCHARGE] = 1;
      return n == 2 || table->header == NULL;
    default:
      return FALSE;
    }
}

static gboolean
require (const CcCsvTable  *table,
         const CcColumnMap *map,
         gboolean           present,
         const char        *what,
         const char        *example,
         GError           **error)
{
  g_autofree char *names = NULL;

  if (present)
    return TRUE;
  names = header_list (table);
  g_set_error (error, CC_MEASURED_ERROR, CC_MEASURED_ERROR_KIND,
               "%s: no %s column among %s (name it e.g. “%s”)", table->origin, what, names, example);
  return FALSE;
}

/* Capacities are compared per gram of active material. */
static gboolean
refuse_absolute (const CcCsvTable  *table,
                 const CcColumnMap *map,
                 CcColumnRole       role,
                 GError           **error)
{
  g_autofree char *name = NULL;

  if (map->index[role] < 0 || map->info[role].unit != CC_UNIT_ABSOLUTE_CAPACITY)
    return TRUE;
  name = cc_csv_column_name (table, map->index[role]);
  g_set_error (error, CC_MEASURED_ERROR, CC_MEASURED_ERROR_INVALID,
               "%s: %s holds an absolute capacity (mAh); the charts compare specific capacity: divide by "
               "the active-material mass and name the column e.g. “Capacity (mAh/g)”", table->origin, name);
  return FALSE;
}

static gboolean
check_columns (const CcCsvTable  *table,
               const CcColumnMap *map,
               CcMeasuredKind     kind,
               GError           **error)
{
  gboolean cap = has_capacity (map);
  gboolean discharge = has (map, CC_COLUMN_CAPACITY) || has (map, CC_COLUMN_CAPACITY_DISCHARGE);

  for (CcColumnRole r = CC_COLUMN_CAPACITY; r <= CC_COLUMN_CAPACITY_CHARGE; r++)
    if (!refuse_absolute (table, map, r, error))
      return FALSE;
  switch (kind)
    {
    case CC_MEASURED_VOLTAGE:
      return require (table, map, cap, "capacity", "Capacity (mAh/g)", error)
             && require (table, map, has (map, CC_COLUMN_VOLTAGE), "voltage", "Voltage (V)", error);
    case CC_MEASURED_CYCLING:
      return require (table, map, has (map, CC_COLUMN_CYCLE), "cycle", "Cycle", error)
             && require (table, map, discharge, "discharge capacity", "Discharge capacity (mAh/g)", error);
    case CC_MEASURED_RATE:
      return require (table, map, has (map, CC_COLUMN_C_RATE), "C-rate", "C-rate", error)
             && require (table, map, discharge, "discharge capacity", "Discharge capacity (mAh/g)", error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

static gboolean
choose_kind (const CcCsvTable  *table,
             CcColumnMap       *map,
             CcMeasuredKind    *kind,
             GError           **error)
{
  g_autofree char *names = NULL;

  if (*kind == CC_MEASURED_AUTO)
    {
      if (table->header == NULL)
        {
          g_set_error (error, CC_MEASURED_ERROR, CC_MEASURED_ERROR_KIND,
                       "%s: the columns have no names, so what the file holds cannot be told: "
                       "name them or choose the kind of data", table->origin);
          return FALSE;
        }
      *kind = guess_kind (table, map);
      if (*kind != CC_MEASURED_AUTO)
        return TRUE;
      names = header_list (table);
      g_set_error (error, CC_MEASURED_ERROR, CC_MEASURED_ERROR_KIND,
                   "%s: cannot tell what the columns %s hold: a voltage profile needs capacity and voltage, "
                   "cycling data a cycle and a capacity, rate data a C-rate and a capacity", table->origin, names);
      return FALSE;
    }
  map_by_position (table, *kind, map);
  return TRUE;
}

static gboolean
read_kind (const CcCsvTable  *table,
           const CcColumnMap *map,
           CcMeasuredData    *data,
           GError           **error)
{
  switch (data->kind)
    {
    case CC_MEASURED_VOLTAGE:
      return cc_measured_read_voltage (table, map, data, error);
    case CC_MEASURED_CYCLING:
      return cc_measured_read_cycling (table, map, data, error);
    case CC_MEASURED_RATE:
      return cc_measured_read_rate (table, map, data, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

CcMeasuredData *
cc_measured_parse (const char      *text,
                   gssize           length,
                   const char      *origin,
                   CcMeasuredKind   kind,
                   GError         **error)
{
  CcCsvOptions options = { CC_MEASURED_MAX_BYTES, CC_MEASURED_MAX_ROWS, CC_MEASURED_ERROR, CC_MEASURED_ERROR_PARSE };
  g_autoptr(CcCsvTable) table = NULL;
  g_autoptr(CcMeasuredData) data = NULL;
  g_autoptr(GError) local = NULL;
  CcColumnMap map;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (kind < CC_MEASURED_N_KINDS, NULL);

  if (kind == CC_MEASURED_IMPEDANCE)
    return parse_impedance (text, length, origin, error);
  table = cc_csv_parse (text, length, origin, &options, error);
  if (table == NULL)
    return NULL;
  cc_measured_map_columns (table, &map);
  if (kind == CC_MEASURED_AUTO && has (&map, CC_COLUMN_FREQUENCY))
    return parse_impedance (text, length, origin, error);
  if (!choose_kind (table, &map, &kind, error))
    return NULL;
  if (!check_columns (table, &map, kind, &local))
    {
      CcMeasuredKind looks = table->header != NULL ? guess_kind (table, &map) : CC_MEASURED_AUTO;

      if (looks != CC_MEASURED_AUTO && looks != kind && local->code == CC_MEASURED_ERROR_KIND)
        g_set_error (error, CC_MEASURED_ERROR, CC_MEASURED_ERROR_KIND, "%s; the columns look like %s data",
                     local->message, cc_measured_kind_to_string (looks));
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  data = measured_new (kind, origin);
  if (!read_kind (table, &map, data, error))
    return NULL;
  if (data->n_points == 0)
    {
      g_set_error (error, CC_MEASURED_ERROR, CC_MEASURED_ERROR_PARSE, "%s: no data rows", table->origin);
      return NULL;
    }
  return g_steal_pointer (&data);
}

CcMeasuredData *
cc_measured_load (const char      *path,
                  CcMeasuredKind   kind,
                  GError         **error)
{
  CcCsvOptions options = { CC_MEASURED_MAX_BYTES, CC_MEASURED_MAX_ROWS, CC_MEASURED_ERROR, CC_MEASURED_ERROR_PARSE };
  g_autofree char *text = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  text = cc_csv_read_file (path, &options, &length, error);
  if (text == NULL)
    return NULL;
  return cc_measured_parse (text, length, path, kind, error);
}
