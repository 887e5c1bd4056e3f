/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sweep results as charts: the design-space map ("sweep-map", a heat map of
 * one metric over two axes of a sweep, replicate spread printed in each
 * cell) and the Pareto chart ("sweep-pareto", two metrics per design with
 * the undominated designs highlighted and labelled).
 *
 * CcSweepGrid collects result records (from a finished file, or streamed in
 * while a run goes on) and arranges them by the sweep's axes. With the
 * CcSweep the records came from, the grid knows every value of every axis
 * in advance (cells not computed yet show as pending) and can rebuild the
 * design of any cell; without it, the axes are read off the records.
 *
 * What a cell shows. A design's value is the mean over its computed
 * replicates. A cell holds one design when every other axis is fixed at a
 * value, or several when an axis is averaged over: the cell's value is then
 * the mean of the design means (each design weighs the same). The ± is the
 * replicate standard deviation: the sample sd for one design, pooled over
 * the cell's designs (square root of the mean within-design variance,
 * weighted by degrees of freedom) when averaging, so it stays the seed
 * noise and never mixes in the spread between designs (the readout gives
 * that range separately).
 */
#pragma once

#include "cc-chart.h"
#include "cc-sweep.h"
#include "cc-sweep-record.h"

G_BEGIN_DECLS

/* The categorical metric ("limiting_mechanism") after the numeric ones. */
#define CC_SWEEP_METRIC_MECHANISM CC_SWEEP_N_METRICS
#define CC_SWEEP_MAP_N_METRICS    (CC_SWEEP_N_METRICS + 1)

/* ---- Labels (cc-chart-sweep-labels.c) ------------------------------------ */

/* The record key ("energy_Wh_per_kg_composite", "limiting_mechanism"). */
const char *cc_sweep_metric_key         (guint        metric);
/* "Capacity retention after 500 cycles" (markup, no unit); @cycles 0: "N". */
char       *cc_sweep_metric_title       (guint        metric,
                                         guint        cycles);
/* Markup of the unit, "" for a ratio or a category. Static. */
const char *cc_sweep_metric_unit        (guint        metric);
/* Title with the unit in parentheses, for axes and colour bars. */
char       *cc_sweep_metric_axis_title  (guint        metric,
                                         guint        cycles);
/* Metrics that span decades (conductivities) read on a log scale. */
gboolean    cc_sweep_metric_is_log      (guint        metric);
/* "ionic-percolation" → "ionic percolation". */
char       *cc_sweep_mechanism_label    (const char  *id);

/* A sweep path as an axis title with its unit: "NaCrO<sub>2</sub> mass
 * fraction", "c-Na<sub>3</sub>PS<sub>4</sub> d<sub>50</sub> (µm)",
 * "Upper cut-off voltage (V)". @base (optional) names the material of
 * components[I]; @db (optional) gives formulas. */
char       *cc_sweep_path_title         (const char     *path,
                                         const CcDesign *base,
                                         CcMaterialDb   *db);
/* The same without the unit ("Fabrication pressure"). */
char       *cc_sweep_path_name          (const char     *path,
                                         const CcDesign *base,
                                         CcMaterialDb   *db);
/* The unit of the path's field as markup ("µm"), "" if none. Static. */
const char *cc_sweep_path_unit          (const char     *path);
/* One value of an axis as markup: "2 µm", "0.65", "NYZC", "none". */
char       *cc_sweep_value_markup       (const char     *path,
                                         gboolean        numeric,
                                         double          number,
                                         const char     *label,
                                         CcMaterialDb   *db);

/* ---- The grid (cc-chart-sweep-grid.c) ------------------------------------ */

typedef struct _CcSweepGrid CcSweepGrid;

/* @sweep (optional, referenced) fixes the axes and their values. */
CcSweepGrid    *cc_sweep_grid_new              (CcSweep       *sweep);
void            cc_sweep_grid_free             (CcSweepGrid   *self);
/* Takes @record. A record of another sweep or evaluator, with other axes
 * than the first, or conflicting with one already held (same index,
 * different line) is refused with an error and freed; an identical
 * duplicate is dropped. */
gboolean        cc_sweep_grid_add              (CcSweepGrid   *self,
                                                CcSweepRecord *record,
                                                GError       **error);
/* Attaches the sweep the records came from; FALSE (grid unchanged) when a
 * record does not belong to it. */
gboolean        cc_sweep_grid_set_sweep        (CcSweepGrid   *self,
                                                CcSweep       *sweep,
                                                GError       **error);
CcSweep        *cc_sweep_grid_get_sweep        (CcSweepGrid   *self);
guint           cc_sweep_grid_get_n_records    (CcSweepGrid   *self);
/* Points the sweep has (0 without a sweep). */
guint64         cc_sweep_grid_get_n_expected   (CcSweepGrid   *self);
void            cc_sweep_grid_count            (CcSweepGrid   *self,
                                                guint         *n_ok,
                                                guint         *n_invalid,
                                                guint         *n_failed);
/* The evaluator named by the records; NULL before the first. */
const char     *cc_sweep_grid_get_evaluator    (CcSweepGrid   *self);
/* protocol.cycles of the retention metric (0: unknown). */
guint           cc_sweep_grid_get_cycles       (CcSweepGrid   *self);
GPtrArray      *cc_sweep_grid_get_records      (CcSweepGrid   *self);   /* CcSweepRecord*, arrival order */

guint           cc_sweep_grid_get_n_axes       (CcSweepGrid   *self);
const char     *cc_sweep_grid_axis_path        (CcSweepGrid   *self,
                                                guint          axis);
gboolean        cc_sweep_grid_axis_is_numeric  (CcSweepGrid   *self,
                                                guint          axis);
gboolean        cc_sweep_grid_axis_is_log      (CcSweepGrid   *self,
                                                guint          axis);
guint           cc_sweep_grid_axis_n_values    (CcSweepGrid   *self,
                                                guint          axis);
/* Numeric axes: ascending. Categorical: NULL label means "none". */
double          cc_sweep_grid_axis_number      (CcSweepGrid   *self,
                                                guint          axis,
                                                guint          k);
const char     *cc_sweep_grid_axis_label       (CcSweepGrid   *self,
                                                guint          axis,
                                                guint          k);
char           *cc_sweep_grid_axis_title       (CcSweepGrid   *self,
                                                guint          axis);
char           *cc_sweep_grid_value_markup     (CcSweepGrid   *self,
                                                guint          axis,
                                                guint          k);
/* The value index of the base design's value on a numeric axis, else 0:
 * where a fixed axis starts. */
guint           cc_sweep_grid_axis_default     (CcSweepGrid   *self,
                                                guint          axis);
/* Value indices (n_axes of them) of a record; FALSE if a value is not on
 * its axis. */
gboolean        cc_sweep_grid_record_coords    (CcSweepGrid          *self,
                                                const CcSweepRecord  *record,
                                                guint                *coords);
/* The same for a "values" object as records and cc_sweep_values_to_json
 * write it. */
gboolean        cc_sweep_grid_values_coords    (CcSweepGrid          *self,
                                                JsonNode             *values,
                                                guint                *coords);
/* Plain text of the design's axis values that vary in the sweep:
 * "NaCrO2 mass fraction = 0.65, c-Na3PS4 d50 = 2 µm". */
char           *cc_sweep_grid_describe_design  (CcSweepGrid   *self,
                                                const guint   *coords);
/* The sweep's point (replicate 0) of the design at value indices @coords;
 * FALSE without the sweep. */
gboolean        cc_sweep_grid_coords_index     (CcSweepGrid   *self,
                                                const guint   *coords,
                                                guint64       *index);
/* The design at point @index (replicate 0 of it, the base seed), named
 * after the base and its axis values. Needs the sweep. */
CcDesign       *cc_sweep_grid_build_design     (CcSweepGrid   *self,
                                                guint64        index,
                                                GError       **error);

/* ---- The map (cc-chart-sweep-cells.c, cc-chart-sweep-map.c) -------------- */

typedef struct {
  guint        metric;      /* 0 … CC_SWEEP_MAP_N_METRICS - 1 */
  guint        x_axis;
  int          y_axis;      /* -1: a single row */
  const int   *fixed;       /* per axis: value index, or -1 to average over it; NULL: average all */
} CcSweepMapQuery;

typedef enum {
  CC_SWEEP_CELL_PENDING,    /* no result yet */
  CC_SWEEP_CELL_OK,         /* every result in is computed */
  CC_SWEEP_CELL_PARTIAL,    /* some computed, some invalid or failed */
  CC_SWEEP_CELL_INVALID,    /* none computed; the designs failed validation */
  CC_SWEEP_CELL_FAILED,     /* none computed; the evaluator failed (or a mix) */
} CcSweepCellState;

typedef struct {
  CcSweepCellState state;
  guint    n_designs;       /* with at least one result */
  guint    n_results;       /* replicates in, all designs */
  guint    n_ok;
  guint    n_expected;      /* results the sweep will give this cell; 0 without a sweep */
  double   mean;            /* NAN: no computed value (pending, failed, or not computed by the evaluator) */
  double   sd;              /* replicate sd (pooled); NAN without two computed replicates */
  double   lo, hi;          /* range of the design means */
  char    *mechanism;       /* the most frequent limiting mechanism */
  char    *error;           /* the first reason a result is invalid or failed */
  guint64  index;           /* first index of the cell's first design; G_MAXUINT64 if none */
} CcSweepCell;

/* Axes with up to this many values get one labelled column (row) per value,
 * so every cell reads off its exact value; longer numeric axes become numeric
 * chart axes with round ticks, cells spanning halfway to their neighbours. */
#define CC_SWEEP_MAP_MAX_LABELLED 24

typedef struct {
  guint        metric;
  gboolean     categorical;          /* the limiting mechanism */
  char        *metric_title;         /* with unit */
  guint        nx, ny;
  gboolean     x_numeric, y_numeric;        /* the sweep axis holds numbers */
  gboolean     x_continuous, y_continuous;  /* drawn on a numeric chart axis */
  gboolean     x_log, y_log;
  double      *x_edges, *y_edges;    /* numeric: n + 1 cell edges, ascending */
  GPtrArray   *x_labels, *y_labels;  /* markup per value, with its unit (readouts, CSV) */
  GPtrArray   *x_ticks, *y_ticks;    /* markup per value as a column or row label */
  char        *x_title, *y_title;
  char        *note;                 /* what the other axes are held at (markup), NULL if none */
  double       color_lo, color_hi;   /* finite range of the cell means; NAN when none */
  gboolean     color_log;
  GPtrArray   *mechanisms;           /* categorical: the ids present, sorted (colour = index) */
  CcSweepCell *cells;                /* [iy * nx + ix] */
} CcSweepMap;

CcSweepMap        *cc_sweep_grid_map           (CcSweepGrid           *self,
                                                const CcSweepMapQuery *query,
                                                GError               **error);
void               cc_sweep_map_free           (CcSweepMap            *map);
const CcSweepCell *cc_sweep_map_get_cell       (const CcSweepMap      *map,
                                                guint                  ix,
                                                guint                  iy);
/* The cell under data coordinates (x, y) of the map's chart (category
 * positions 0, 1, … on a labelled axis). */
gboolean           cc_sweep_map_locate         (const CcSweepMap      *map,
                                                double                 x,
                                                double                 y,
                                                guint                 *ix,
                                                guint                 *iy);
/* A readout of one cell (markup): position, value ± sd, replicates, why
 * results are missing. */
char              *cc_sweep_map_describe_cell  (const CcSweepMap      *map,
                                                guint                  ix,
                                                guint                  iy);
/* The sweep's points (replicate 0) of the designs in a cell, at most @max,
 * in axis order; empty without the sweep. */
GArray            *cc_sweep_grid_cell_points   (CcSweepGrid           *self,
                                                const CcSweepMapQuery *query,
                                                guint                  ix,
                                                guint                  iy,
                                                guint                  max);

/* "sweep-map": cells coloured on viridis with a colour bar (categorical
 * metric: one palette colour per mechanism, in the legend), value and ± sd
 * printed where they fit, pending cells faint, invalid and failed cells
 * hatched, cells with some failed replicates marked with a triangle. Its
 * table has one row per cell. */
CcChart           *cc_chart_sweep_map_new      (const CcSweepMap      *map,
                                                GError               **error);

/* ---- The Pareto chart (cc-chart-sweep-pareto.c) -------------------------- */

typedef struct {
  guint        mx, my;               /* numeric metrics, larger is better in both */
  char        *x_title, *y_title;
  gboolean     x_log, y_log;
  guint        n;                    /* designs with both metrics computed */
  double      *x, *y, *sx, *sy;      /* replicate means and sds */
  guint64     *index;                /* first index of each design */
  GPtrArray   *labels;               /* markup: the design's varying axis values */
  GArray      *front;                /* guint into the arrays, by x ascending */
} CcSweepPareto;

CcSweepPareto *cc_sweep_grid_pareto       (CcSweepGrid          *self,
                                           guint                 mx,
                                           guint                 my,
                                           GError              **error);
void           cc_sweep_pareto_free       (CcSweepPareto        *pareto);
gboolean       cc_sweep_pareto_on_front   (const CcSweepPareto  *pareto,
                                           guint                 i);
/* The design drawn at (x, y) (a hit's point), -1 if none. */
int            cc_sweep_pareto_find       (const CcSweepPareto  *pareto,
                                           double                x,
                                           double                y);
/* "sweep-pareto": every design as a grey marker with ± sd whiskers in both
 * metrics, the front as a coloured line through filled markers, each front
 * design labelled with its axis values where the label fits. */
CcChart       *cc_chart_sweep_pareto_new  (const CcSweepPareto  *pareto,
                                           GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcSweepGrid, cc_sweep_grid_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcSweepMap, cc_sweep_map_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcSweepPareto, cc_sweep_pareto_free)

G_END_DECLS
