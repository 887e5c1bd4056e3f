/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 3D view with its toolbar (colour mode, cut plane, reset, export), the
 * legend of component colours and an honest status when there is nothing
 * to show ("Packing engine not available in this build").
 */
#pragma once

#include <gtk/gtk.h>
#include "cc-design.h"
#include "cc-particle-view.h"

G_BEGIN_DECLS

#define CC_TYPE_VIEW_PANEL (cc_view_panel_get_type ())
G_DECLARE_FINAL_TYPE (CcViewPanel, cc_view_panel, CC, VIEW_PANEL, GtkBox)

CcParticleView *cc_view_panel_get_view        (CcViewPanel    *self);
/* Colours and legend follow the design's components (species i = component i). */
void            cc_view_panel_set_components  (CcViewPanel    *self,
                                               const CcDesign *design,
                                               CcMaterialDb   *db);
/* NULL particles: show the status instead. */
void            cc_view_panel_set_particles   (CcViewPanel    *self,
                                               GBytes         *particles,
                                               const double    box_um[3]);
/* What to say when there are no particles; NULL title hides it. */
void            cc_view_panel_set_status      (CcViewPanel    *self,
                                               const char     *title,
                                               const char     *detail);
/* A one-line description of a particle, for the pick popover (markup). */
char           *cc_view_panel_describe_particle (CcViewPanel  *self,
                                                 guint         index);
/* The state legend's note on CAM agglomerates (markup), NULL when every
 * CAM is dispersed: agglomerate interiors are a sub-grid share of each
 * sphere, not particles of their own. */
const char     *cc_view_panel_get_agglomerate_note (CcViewPanel *self);

G_END_DECLS
