/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internals of CcSweep shared by the files that load, expand and apply it.
 * A loaded sweep is immutable: worker threads read it without locks.
 */
#pragma once

#include "cc-sweep.h"
#include "cc-sweep-path.h"

G_BEGIN_DECLS

typedef struct {
  char            *path;        /* as written in the sweep file */
  CcDesignPath    *target;      /* resolved against the base design */
  CcSweepAxisKind  kind;
  GArray          *numbers;     /* double: numeric axes */
  GPtrArray       *labels;      /* char* (NULL allowed): categorical axes */
  double           lo, hi;
  gboolean         log_scale;
  gboolean         integer;
  double           base_number;
} CcSweepAxis;

struct _CcSweep {
  gint       ref_count;
  char      *name;
  char      *description;
  CcDesign  *base;
  char      *base_text;       /* compact JSON of the base design, parsed anew per point */
  GPtrArray *axes;            /* CcSweepAxis* */
  guint      replicates;
  int        balance;         /* component index that takes up the rest, or -1 */
  GArray    *mf_components;   /* guint: components whose mass fraction an axis sets */
  guint64    n_grid;
  char      *digest;
};

void      cc_sweep_axis_free  (CcSweepAxis  *axis);
/* Parse axes[@i] and resolve it against the base design @root. */
CcSweepAxis *cc_sweep_axis_parse (JsonNode    *node,
                                  guint        i,
                                  JsonNode    *root,
                                  const char  *base_text,
                                  GError     **error);

G_END_DECLS
