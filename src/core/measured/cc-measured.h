/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Measured cell data from CSV files, to draw over the model's predictions:
 * voltage profiles, cycling (capacity and Coulombic efficiency per cycle),
 * rate capability and impedance spectra. The text is split by cc-csv.h
 * (',', ';', tab or blanks; decimal commas with ';', tab or blanks; '#'
 * comments); impedance spectra go through the spectrum importer
 * (cc-eis-csv.h) unchanged.
 *
 * Columns are found by name, with or without units, as instruments and
 * spreadsheets write them ("Capacity (mAh/g)", "Ewe/V", "cycle number",
 * "Q discharge/mA.h/g", "CE (%)", "C-rate", "ox/red"); see
 * cc-measured-columns.c for the rules. Every value is checked: numbers
 * must be finite (no NaN or infinity), in their physical range (a voltage
 * of 3500 "V" is refused with a hint that it is in mV) and capacities
 * specific (mAh/g; an absolute capacity in mAh cannot be compared with the
 * model). Errors name the file, line, column and value.
 *
 * The data is held in the chart data types of cc-chart-data.h with the
 * role CC_CURVE_MEASURED, so the figure engine draws it as markers.
 */
#pragma once

#include <glib.h>
#include "cc-chart-data.h"

G_BEGIN_DECLS

#define CC_MEASURED_ERROR (cc_measured_error_quark ())

typedef enum {
  CC_MEASURED_ERROR_PARSE,     /* not readable: bad number, too large, binary */
  CC_MEASURED_ERROR_INVALID,   /* a value outside its physical range */
  CC_MEASURED_ERROR_KIND,      /* cannot tell what the file holds, or it lacks a column */
} CcMeasuredError;

/* Limits that keep a bad file from exhausting memory or time. */
#define CC_MEASURED_MAX_BYTES   (16 * 1024 * 1024)
#define CC_MEASURED_MAX_ROWS    200000
#define CC_MEASURED_MAX_CURVES  64

typedef enum {
  CC_MEASURED_AUTO,        /* guess from the column names */
  CC_MEASURED_VOLTAGE,     /* specific capacity, voltage [, branch] [, C-rate] [, cycle] */
  CC_MEASURED_CYCLING,     /* cycle, discharge capacity [, Coulombic efficiency] [, charge capacity] */
  CC_MEASURED_RATE,        /* C-rate, discharge capacity */
  CC_MEASURED_IMPEDANCE,   /* frequency, Z′, Z″ */
  CC_MEASURED_N_KINDS
} CcMeasuredKind;

typedef struct {
  CcMeasuredKind   kind;
  char            *name;        /* plain text, the file's base name */
  guint            n_points;    /* data rows read */
  CcCurveSet      *curves;      /* VOLTAGE, RATE (x: capacity or C-rate) */
  CcCyclingData   *cycling;     /* CYCLING */
  CcImpedanceData *impedance;   /* IMPEDANCE */
} CcMeasuredData;

GQuark          cc_measured_error_quark    (void);

/* @origin names the source in errors and gives the data its name (its base
 * name); @kind CC_MEASURED_AUTO guesses from the column names and fails
 * with CC_MEASURED_ERROR_KIND when they do not say (or there are none). */
CcMeasuredData *cc_measured_parse          (const char      *data,
                                            gssize           length,
                                            const char      *origin,
                                            CcMeasuredKind   kind,
                                            GError         **error);
CcMeasuredData *cc_measured_load           (const char      *path,
                                            CcMeasuredKind   kind,
                                            GError         **error);
void            cc_measured_free           (CcMeasuredData  *data);

/* "voltage-profile", "cycling", "rate-capability", "impedance" ("auto"). */
const char     *cc_measured_kind_to_string (CcMeasuredKind   kind);
gboolean        cc_measured_kind_from_string (const char    *text,
                                            CcMeasuredKind  *out);
/* The kind of data a chart can show measured data of ("nyquist" and "bode"
 * → IMPEDANCE, …); CC_MEASURED_AUTO for charts that show none. */
CcMeasuredKind  cc_measured_kind_for_chart (const char      *chart_kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcMeasuredData, cc_measured_free)

G_END_DECLS
