/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the measured-data importer's files: what a column holds, and
 * the readers of each kind.
 */
#pragma once

#include "cc-measured.h"
#include "cc-csv.h"

G_BEGIN_DECLS

typedef enum {
  CC_COLUMN_OTHER,
  CC_COLUMN_CAPACITY,             /* no direction in the name */
  CC_COLUMN_CAPACITY_DISCHARGE,
  CC_COLUMN_CAPACITY_CHARGE,
  CC_COLUMN_VOLTAGE,
  CC_COLUMN_CYCLE,
  CC_COLUMN_C_RATE,
  CC_COLUMN_EFFICIENCY,
  CC_COLUMN_BRANCH,               /* charge / discharge (text, or ox/red 1/0) */
  CC_COLUMN_FREQUENCY,            /* an impedance spectrum */
  CC_N_COLUMN_ROLES
} CcColumnRole;

typedef enum {
  CC_UNIT_UNSTATED,               /* the name gives none: the default unit is assumed */
  CC_UNIT_STATED,                 /* a unit the importer converts with `scale` */
  CC_UNIT_ABSOLUTE_CAPACITY,      /* mAh or Ah: not comparable with mAh/g */
} CcUnitKind;

typedef struct {
  CcColumnRole role;
  CcUnitKind   unit;
  double       scale;             /* to V, mAh/g, fraction (efficiency) */
} CcColumnInfo;

/* What a column named @name holds (see cc-measured-columns.c). */
void     cc_measured_classify_column (const char   *name,
                                      CcColumnInfo *out);

/* The columns of one file: index per role, −1 where absent. */
typedef struct {
  int          index[CC_N_COLUMN_ROLES];
  CcColumnInfo info[CC_N_COLUMN_ROLES];
} CcColumnMap;

/* From the header, the first (best unit) column of each role. */
void     cc_measured_map_columns     (const CcCsvTable *table,
                                      CcColumnMap      *map);

/* The column of the first role in @order the file has (its role in
 * @found), or −1. */
int      cc_measured_find_column     (const CcColumnMap  *map,
                                      const CcColumnRole *order,
                                      guint               n,
                                      CcColumnRole       *found);

/* The value in @column of @row, times the column's scale, checked to lie in
 * [lo, hi] (@what and @unit make the message: "voltage 3500 V"). */
gboolean cc_measured_get_value       (const CcCsvTable *table,
                                      const CcCsvRow   *row,
                                      int               column,
                                      double            scale,
                                      double            lo,
                                      double            hi,
                                      const char       *what,
                                      const char       *unit,
                                      double           *out,
                                      GError          **error);

/* Per-kind readers: fill @data from @table with @map. */
gboolean cc_measured_read_voltage    (const CcCsvTable  *table,
                                      const CcColumnMap *map,
                                      CcMeasuredData    *data,
                                      GError           **error);
gboolean cc_measured_read_cycling    (const CcCsvTable  *table,
                                      const CcColumnMap *map,
                                      CcMeasuredData    *data,
                                      GError           **error);
gboolean cc_measured_read_rate       (const CcCsvTable  *table,
                                      const CcColumnMap *map,
                                      CcMeasuredData    *data,
                                      GError           **error);

/* Physical ranges the readers accept. */
#define CC_MEASURED_MIN_V            (-5.0)
#define CC_MEASURED_MAX_V            10.0
#define CC_MEASURED_MAX_MAH_G        5000.0
#define CC_MEASURED_MAX_CYCLE        1e6
#define CC_MEASURED_MAX_C_RATE       1000.0
#define CC_MEASURED_MAX_CE_PERCENT   200.0

G_END_DECLS
