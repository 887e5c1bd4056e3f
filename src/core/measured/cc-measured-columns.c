/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a column holds, from its name. Names are compared after folding
 * case and dropping blanks, underscores, dots, brackets and '^', with "⁻¹"
 * read as "-1" and "·" dropped, so "Capacity (mAh/g)", "capacity_mAh_g",
 * "Q discharge/mA.h/g" and "Specific capacity (mAh g⁻¹)" all reach the
 * same rules. The first rule that matches decides, in this order:
 *
 *   frequency   "freq"                               → an impedance spectrum
 *   efficiency  "effic", "coulomb", "CE", "CE (%)" (not "energy efficiency")
 *   other       "half cycle" (a step counter, not a cycle number)
 *   C-rate      "rate" without "capac" ("C-rate", "C rate", "Rate (C)")
 *   cycle       "cycle", "cyc", "N" ("cycle number", "Cycle_Index")
 *   branch      "branch", "direction", "ox/red", "step type", "step", "state"
 *   voltage     "volt", "ewe", "ecell", "potential", "E", "U", "E/V", "U/V"
 *   capacity    "capac", "Q…" ("Qdis", "Q charge/mA.h/g", "(Q-Qo)/mA.h");
 *               "dis"/"dchg" in the name → discharge, else "charge"/"chg" → charge
 *
 * Units: mV (×10⁻³) or V for voltages; mAh/g, mAh g⁻¹ and Ah/kg (the
 * same numbers), Ah/g (×10³) for capacities, while mAh or Ah alone is an
 * absolute capacity and refused by the readers; "%" or "percent" for
 * efficiencies. A name without a unit gets the default (V, mAh/g; an
 * efficiency is a fraction unless a value exceeds 1.5, then it is in %).
 */
#include "cc-measured-private.h"

#include <string.h>

static char *
fold_name (const char *name)
{
  static const struct { const char *from, *to; } replace[] = {
    { "\xe2\x81\xbb\xc2\xb9", "-1" },   /* ⁻¹ */
    { "\xe2\x81\xbb", "-" },            /* ⁻ */
    { "\xc2\xb9", "1" },                /* ¹ */
    { "\xe2\x88\x92", "-" },            /* − */
    { "\xc2\xb7", "" },                 /* · */
  };
  g_autofree char *lower = g_utf8_strdown (name, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = lower; *p != '\0';)
    {
      gboolean done = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (replace) && !done; i++)
        if (g_str_has_prefix (p, replace[i].from))
          {
            g_string_append (out, replace[i].to);
            p += strlen (replace[i].from);
            done = TRUE;
          }
      if (done)
        continue;
      if (strchr (" _.*^()[]{}<>\"", *p) == NULL)
        g_string_append_c (out, *p);
      p++;
    }
  return g_string_free (out, FALSE);
}

static gboolean
has (const char *n,
     const char *part)
{
  return strstr (n, part) != NULL;
}

static gboolean
is_one_of (const char         *n,
           const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (n, names[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_efficiency (const char *n)
{
  /* Energy efficiency is another quantity. */
  if (has (n, "energy"))
    return FALSE;
  return has (n, "effic") || has (n, "coulomb") || g_str_equal (n, "ce")
         || g_str_has_prefix (n, "ce%") || g_str_has_prefix (n, "ce/") || g_str_has_prefix (n, "ce-");
}

static gboolean
is_voltage (const char *n)
{
  static const char * const bare[] = { "e", "u", "v", "ev", "uv", "emv", "umv", NULL };

  return has (n, "volt") || has (n, "ewe") || has (n, "ecell") || has (n, "potential")
         || is_one_of (n, bare) || g_str_has_prefix (n, "e/") || g_str_has_prefix (n, "u/");
}

static gboolean
is_capacity (const char *n)
{
  return has (n, "capac")
         || (n[0] == 'q' && (n[1] == '\0' || !g_ascii_isalpha (n[1]) || g_str_has_prefix (n, "qdis")
                             || g_str_has_prefix (n, "qch") || g_str_has_prefix (n, "qcharge")));
}

static CcColumnRole
classify_role (const char *n)
{
  static const char * const cycle_names[] = { "n", "cycleno", "cyc", NULL };
  static const char * const branch_names[] = { "step", "state", NULL };

  if (has (n, "freq"))
    return CC_COLUMN_FREQUENCY;
  if (is_efficiency (n))
    return CC_COLUMN_EFFICIENCY;
  if (has (n, "halfcycle"))
    return CC_COLUMN_OTHER;
  if (has (n, "rate") && !has (n, "capac"))
    return CC_COLUMN_C_RATE;
  if (has (n, "cycle") || is_one_of (n, cycle_names))
    return CC_COLUMN_CYCLE;
  if (has (n, "branch") || has (n, "direction") || has (n, "ox/red") || has (n, "steptype")
      || is_one_of (n, branch_names))
    return CC_COLUMN_BRANCH;
  if (is_voltage (n))
    return CC_COLUMN_VOLTAGE;
  if (is_capacity (n))
    {
      if (has (n, "dis") || has (n, "dchg"))
        return CC_COLUMN_CAPACITY_DISCHARGE;
      if (has (n, "charge") || has (n, "chg"))
        return CC_COLUMN_CAPACITY_CHARGE;
      return CC_COLUMN_CAPACITY;
    }
  return CC_COLUMN_OTHER;
}

/* A unit anywhere in the name ("mah/g", "mahg-1") or, written without a
 * separator, at its end ("capacity_mAh_g" folds to "capacitymahg"). */
static gboolean
has_unit (const char         *n,
          const char * const *anywhere,
          const char         *at_end)
{
  for (guint i = 0; anywhere[i] != NULL; i++)
    if (has (n, anywhere[i]))
      return TRUE;
  return g_str_has_suffix (n, at_end);
}

static void
capacity_unit (const char   *n,
               CcColumnInfo *out)
{
  static const char * const mah_g[] = { "mah/g", "mahg-1", NULL };
  static const char * const ah_kg[] = { "ah/kg", "ahkg-1", NULL };
  static const char * const ah_g[] = { "ah/g", "ahg-1", NULL };

  if (has_unit (n, mah_g, "mahg") || has_unit (n, ah_kg, "ahkg"))
    out->unit = CC_UNIT_STATED;
  else if (has_unit (n, ah_g, "ahg"))
    {
      out->unit = CC_UNIT_STATED;
      out->scale = 1000;
    }
  else if (g_str_has_suffix (n, "mah") || g_str_has_suffix (n, "/ah") || g_str_has_suffix (n, "capacityah"))
    out->unit = CC_UNIT_ABSOLUTE_CAPACITY;
}

void
cc_measured_classify_column (const char   *name,
                             CcColumnInfo *out)
{
  g_autofree char *n = fold_name (name);

  out->role = classify_role (n);
  out->unit = CC_UNIT_UNSTATED;
  out->scale = 1;
  switch (out->role)
    {
    case CC_COLUMN_VOLTAGE:
      if (g_str_has_suffix (n, "mv"))
        out->unit = CC_UNIT_STATED, out->scale = 1e-3;
      else if (g_str_has_suffix (n, "v") && !g_str_equal (n, "v"))
        out->unit = CC_UNIT_STATED;
      break;
    case CC_COLUMN_CAPACITY:
    case CC_COLUMN_CAPACITY_DISCHARGE:
    case CC_COLUMN_CAPACITY_CHARGE:
      capacity_unit (n, out);
      break;
    case CC_COLUMN_EFFICIENCY:
      if (has (n, "%") || has (n, "percent"))
        out->unit = CC_UNIT_STATED, out->scale = 0.01;
      break;
    default:
      break;
    }
}

/* An absolute capacity column only counts when no other column of its
 * role gives the capacity per gram. */
static int
unit_rank (const CcColumnInfo *info)
{
  return info->unit == CC_UNIT_ABSOLUTE_CAPACITY ? 0 : 1;
}

void
cc_measured_map_columns (const CcCsvTable *table,
                         CcColumnMap      *map)
{
  for (guint r = 0; r < CC_N_COLUMN_ROLES; r++)
    map->index[r] = -1;
  for (guint i = 0; table->header != NULL && i < table->n_header; i++)
    {
      CcColumnInfo info;

      cc_measured_classify_column (table->header[i], &info);
      if (info.role == CC_COLUMN_OTHER)
        continue;
      if (map->index[info.role] < 0 || unit_rank (&info) > unit_rank (&map->info[info.role]))
        {
          map->index[info.role] = (int) i;
          map->info[info.role] = info;
        }
    }
}

gboolean
cc_measured_get_value (const CcCsvTable *table,
                       const CcCsvRow   *row,
                       int               column,
                       double            scale,
                       double            lo,
                       double            hi,
                       const char       *what,
                       const char       *unit,
                       double           *out,
                       GError          **error)
{
  g_autofree char *name = NULL;
  double v;

  if (!cc_csv_row_get_double (table, row, column, &v, error))
    return FALSE;
  v *= scale;
  if (v >= lo && v <= hi)
    {
      *out = v;
      return TRUE;
    }
  name = cc_csv_column_name (table, column);
  g_set_error (error, CC_MEASURED_ERROR, CC_MEASURED_ERROR_INVALID, "%s:%u: %s: %s %g%s%s is outside %g … %g%s%s%s",
               table->origin, row->line, name, what, v, *unit ? " " : "", unit, lo, hi, *unit ? " " : "", unit,
               g_str_equal (unit, "V") && v > hi ? " (is it in mV? name the column e.g. “Voltage (mV)”)" : "");
  return FALSE;
}

int
cc_measured_find_column (const CcColumnMap  *map,
                         const CcColumnRole *order,
                         guint               n,
                         CcColumnRole       *found)
{
  for (guint i = 0; i < n; i++)
    if (map->index[order[i]] >= 0)
      {
        *found = order[i];
        return map->index[order[i]];
      }
  return -1;
}
