/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The grid's internals, shared by the files that fill it, summarise it into
 * map cells and extract the Pareto front.
 */
#pragma once

#include "cc-chart-sweep.h"

G_BEGIN_DECLS

typedef struct {
  char      *path;
  gboolean   numeric;
  gboolean   log;         /* cells and chart axis on a log scale */
  gboolean   log_known;   /* said by the sweep, not guessed from the values */
  GArray    *numbers;     /* double, ascending (numeric axes) */
  GPtrArray *labels;      /* char* or NULL = none, in sweep or arrival order (categorical) */
} CcGridAxis;

struct _CcSweepGrid {
  CcSweep      *sweep;        /* NULL: axes read off the records */
  CcMaterialDb *db;
  GPtrArray    *axes;         /* CcGridAxis* */
  GPtrArray    *records;      /* CcSweepRecord*, arrival order */
  GHashTable   *by_index;     /* guint64* (the record's index) → CcSweepRecord* */
  char         *evaluator;
  guint         cycles;
  guint         n_ok, n_invalid, n_failed;
};

/* Markup of the varying axes' values: "0.65, 2 µm". */
char    *cc_sweep_grid_short_label   (CcSweepGrid *self,
                                      const guint *coords);

G_END_DECLS
