/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sweep: a base design plus axes over fields of the design document, with
 * replicates that differ only in the random seed. Every point of the grid has
 * a fixed index and a stable id, so sweeps can be sharded over machines,
 * interrupted, resumed and merged into a canonical result file.
 *
 * Point order: axis 0 varies slowest, the replicate fastest:
 *   index = ((v0 * n1 + v1) * n2 + v2 ...) * replicates + replicate
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>
#include "cc-design.h"
#include "cc-sweep-error.h"

G_BEGIN_DECLS

#define CC_SWEEP_FORMAT          "cathode-composer-sweep"
#define CC_SWEEP_FORMAT_VERSION  1
#define CC_SWEEP_MAX_AXES        16
#define CC_SWEEP_MAX_AXIS_VALUES 10000
#define CC_SWEEP_MAX_REPLICATES  1000
#define CC_SWEEP_MAX_POINTS      G_GUINT64_CONSTANT (100000000)
#define CC_SWEEP_MAX_FILE_BYTES  (4 * 1024 * 1024)

typedef enum {
  CC_SWEEP_AXIS_NUMERIC,
  CC_SWEEP_AXIS_CATEGORICAL,
} CcSweepAxisKind;

/* One coordinate of a point. */
typedef struct {
  double      number;   /* numeric axes */
  const char *label;    /* categorical axes; NULL removes the object holding the field */
} CcSweepValue;

typedef struct _CcSweep CcSweep;

/* @base_dir resolves a "base" given as a relative file name (NULL: the
 * current directory). */
CcSweep        *cc_sweep_load_from_data     (const char  *data,
                                             gssize       length,
                                             const char  *base_dir,
                                             GError     **error);
CcSweep        *cc_sweep_load_from_file     (const char  *path,
                                             GError     **error);
CcSweep        *cc_sweep_ref                (CcSweep     *self);
void            cc_sweep_unref              (CcSweep     *self);

const char     *cc_sweep_get_name           (const CcSweep *self);
const CcDesign *cc_sweep_get_base           (const CcSweep *self);
/* Hex SHA-256 over what defines the points besides their axis values: the
 * base design and the mass-fraction balance rule. */
const char     *cc_sweep_get_digest         (const CcSweep *self);
guint           cc_sweep_get_replicates     (const CcSweep *self);
guint64         cc_sweep_get_n_grid         (const CcSweep *self);  /* designs */
guint64         cc_sweep_get_n_points       (const CcSweep *self);  /* designs × replicates */

guint           cc_sweep_get_n_axes         (const CcSweep *self);
const char     *cc_sweep_axis_get_path      (const CcSweep *self,
                                             guint          axis);
CcSweepAxisKind cc_sweep_axis_get_kind      (const CcSweep *self,
                                             guint          axis);
guint           cc_sweep_axis_get_n_values  (const CcSweep *self,
                                             guint          axis);
CcSweepValue    cc_sweep_axis_get_value     (const CcSweep *self,
                                             guint          axis,
                                             guint          k);
/* Numeric axes: the range the optimiser may explore, whether it is
 * explored on a log scale, whether the field holds whole numbers, and the
 * base design's value (NAN if none). */
void            cc_sweep_axis_get_range     (const CcSweep *self,
                                             guint          axis,
                                             double        *lo,
                                             double        *hi,
                                             gboolean      *log_scale,
                                             gboolean      *integer,
                                             double        *base_value);

/* Coordinates of the point @index (values: n_axes entries; labels point
 * into the sweep). */
void            cc_sweep_point_decompose    (const CcSweep *self,
                                             guint64        index,
                                             CcSweepValue  *values,
                                             guint         *replicate);
/* Stable id: 20 hex digits of SHA-256 over the digest, every axis (resolved
 * path and value) and the replicate. Integer fields are rounded first. */
char           *cc_sweep_point_id           (const CcSweep      *self,
                                             const CcSweepValue *values,
                                             guint               replicate);
/* {"path as written": value, ...} */
JsonNode       *cc_sweep_values_to_json     (const CcSweep      *self,
                                             const CcSweepValue *values);
/* The design at a point: axis values applied to the base, mass fractions
 * renormalised (see the README), seed = base seed + replicate. NULL with an
 * error (CC_SWEEP_ERROR_INVALID) when no valid composition results; the
 * design is not validated against the materials database here. */
CcDesign       *cc_sweep_build_design       (const CcSweep      *self,
                                             const CcSweepValue *values,
                                             guint               replicate,
                                             GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcSweep, cc_sweep_unref)

G_END_DECLS
