/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Sweep around the current design": two numeric fields of the design, each
 * over a range, with replicates, written as a sweep file whose base is the
 * design itself. The field list and the default ranges (a plausible
 * neighbourhood of the design's own value, log-spaced for sizes and rates
 * that matter by factors) are plain functions; CcExploreAround is the small
 * form that edits them.
 */
#pragma once

#include <gtk/gtk.h>
#include "cc-sweep.h"

G_BEGIN_DECLS

typedef struct {
  char     *path;        /* sweep path: "components[material=nacro2].mass_fraction" */
  char     *title;       /* markup with unit */
  double    value;       /* the design's */
  double    from, to;    /* the suggested range, around value */
  guint     steps;       /* values in it: round steps that include the design's value */
  gboolean  log;
  gboolean  integer;
} CcExploreField;

/* The numeric fields of @design an axis may sweep (CcExploreField*). */
GPtrArray *cc_explore_fields        (const CcDesign *design,
                                     CcMaterialDb   *db);

typedef struct {
  const char *path;
  double      from, to;
  guint       steps;
  gboolean    log;
} CcExploreAxisSpec;

/* A sweep over @n_axes fields of @design (its base), @replicates seeds. */
CcSweep   *cc_explore_sweep_around  (const CcDesign          *design,
                                     const CcExploreAxisSpec *axes,
                                     guint                    n_axes,
                                     guint                    replicates,
                                     GError                 **error);

#define CC_TYPE_EXPLORE_AROUND (cc_explore_around_get_type ())
G_DECLARE_FINAL_TYPE (CcExploreAround, cc_explore_around, CC, EXPLORE_AROUND, GtkBox)

GtkWidget *cc_explore_around_new        (void);
/* Offers @design's fields (the X and Y choices are kept where possible). */
void       cc_explore_around_set_design (CcExploreAround *self,
                                         const CcDesign  *design);
/* Chooses the field at @path for axis 0 (X) or 1 (Y) with its default range. */
gboolean   cc_explore_around_select     (CcExploreAround *self,
                                         guint            axis,
                                         const char      *path);
void       cc_explore_around_set_range  (CcExploreAround *self,
                                         guint            axis,
                                         double           from,
                                         double           to,
                                         guint            steps);
void       cc_explore_around_set_replicates (CcExploreAround *self,
                                             guint            replicates);
/* The sweep the form describes; NULL with the reason. */
CcSweep   *cc_explore_around_build      (CcExploreAround *self,
                                         GError         **error);

G_END_DECLS
