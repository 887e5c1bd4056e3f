/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the results area draws over its charts: pinned results (the charts
 * of an earlier run, with the name of its design) and measured data
 * imported from CSV files. Presentation state of one window: neither is
 * saved in the design file, since a pin is a run of another design and a
 * measurement belongs to a cell, not to a recipe.
 *
 * A pin is drawn on the charts of later runs, not on the run it was taken
 * from (it would hide the curves it copies). Measured data is drawn on
 * every chart that shows its kind.
 */
#pragma once

#include <glib-object.h>
#include "cc-chart.h"
#include "cc-measured.h"

G_BEGIN_DECLS

/* Enough to compare a few designs; each takes a colour of the palette. */
#define CC_OVERLAYS_MAX_PINS      4
#define CC_OVERLAYS_MAX_MEASURED  4

#define CC_TYPE_OVERLAYS (cc_overlays_get_type ())
G_DECLARE_FINAL_TYPE (CcOverlays, cc_overlays, CC, OVERLAYS, GObject)

CcOverlays           *cc_overlays_new              (void);

/* @charts: chart kind ("voltage-profile", …) → CcChart, the charts of the
 * run to pin (those that take overlays are kept, with a reference). Fails
 * when CC_OVERLAYS_MAX_PINS are pinned or no chart can be. The pin is
 * named @name, made unique with a number ("Design (2)"). */
gboolean              cc_overlays_add_pin          (CcOverlays           *self,
                                                    const char           *name,
                                                    GHashTable           *charts,
                                                    GError              **error);
guint                 cc_overlays_get_n_pins       (CcOverlays           *self);
const char           *cc_overlays_get_pin_name     (CcOverlays           *self,
                                                    guint                 index);
/* The pinned chart of @kind, or NULL. */
CcChart              *cc_overlays_get_pin_chart    (CcOverlays           *self,
                                                    guint                 index,
                                                    const char           *kind);
void                  cc_overlays_remove_pin       (CcOverlays           *self,
                                                    guint                 index);

/* Takes @data. Fails when CC_OVERLAYS_MAX_MEASURED files are shown. */
gboolean              cc_overlays_add_measured     (CcOverlays           *self,
                                                    CcMeasuredData       *data,
                                                    GError              **error);
guint                 cc_overlays_get_n_measured   (CcOverlays           *self);
const CcMeasuredData *cc_overlays_get_measured     (CcOverlays           *self,
                                                    guint                 index);
void                  cc_overlays_remove_measured  (CcOverlays           *self,
                                                    guint                 index);

void                  cc_overlays_clear            (CcOverlays           *self);
gboolean              cc_overlays_is_empty         (CcOverlays           *self);

/* The electrode area (cm²) that turns measured spectra in Ω into Ω cm²:
 * the current design's, assuming the measured cell had it. */
void                  cc_overlays_set_area         (CcOverlays           *self,
                                                    double                area_cm2);

/* @base with the overlays that fit it drawn on a copy, or a new reference
 * to @base when none does. An overlay that cannot be drawn (a spectrum
 * without an area to scale it) is left out and named in @error; the chart
 * is returned all the same. */
CcChart              *cc_overlays_apply            (CcOverlays           *self,
                                                    CcChart              *base,
                                                    GError              **error);

G_END_DECLS
