/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The live 3D view of a particle packing: a GtkGLArea (OpenGL 3.3 core or
 * GLES 3.0) that draws every particle in one instanced call of ray-cast
 * sphere impostors with correct depth, the current collector (z = 0) and
 * separator (z = H) planes and the box outline. Colours by component or by
 * state (active / ionically / electronically isolated). Orbit with the
 * primary button, pan with the middle or secondary button (or Shift),
 * zoom with the wheel, touchpad scroll or pinch; arrows, +/- and Home from
 * the keyboard. A click picks a particle (CPU ray cast) and emits
 * ::particle-picked. An optional cut plane shows cross-sections.
 *
 * Input: the GBytes of CcParticle (cc-packing.h) and the box size that
 * cc_packing_monitor_dup_snapshot() returns.
 */
#pragma once

#include <gtk/gtk.h>
#include "cc-camera.h"
#include "cc-colors.h"
#include "cc-packing.h"

G_BEGIN_DECLS

#define CC_PARTICLE_VIEW_MAX_SPECIES 16

typedef enum {
  CC_COLOR_BY_COMPONENT,
  CC_COLOR_BY_STATE,
} CcColorMode;

#define CC_TYPE_PARTICLE_VIEW (cc_particle_view_get_type ())
G_DECLARE_FINAL_TYPE (CcParticleView, cc_particle_view, CC, PARTICLE_VIEW, GtkGLArea)

GtkWidget        *cc_particle_view_new                (void);
/* particles: CcParticle array (NULL clears); box_um: lx, ly, lz. Keeps the
 * camera unless the box size changed. */
void              cc_particle_view_set_particles      (CcParticleView *self,
                                                       GBytes         *particles,
                                                       const double    box_um[3]);
guint             cc_particle_view_get_n_particles    (CcParticleView *self);
const CcParticle *cc_particle_view_get_particle       (CcParticleView *self,
                                                       guint           index);
void              cc_particle_view_get_box            (CcParticleView *self,
                                                       double          box_um[3]);
/* Colour of species i (= design component i). */
void              cc_particle_view_set_species_colors (CcParticleView *self,
                                                       const CcRgb    *colors,
                                                       guint           n);
void              cc_particle_view_set_color_mode     (CcParticleView *self,
                                                       CcColorMode     mode);
CcColorMode       cc_particle_view_get_color_mode     (CcParticleView *self);
/* Cut away everything beyond `fraction` (0..1) of the box along `axis`. */
void              cc_particle_view_set_cut            (CcParticleView *self,
                                                       gboolean        enabled,
                                                       guint           axis,
                                                       double          fraction);
void              cc_particle_view_set_show_box       (CcParticleView *self,
                                                       gboolean        show);
void              cc_particle_view_reset_camera       (CcParticleView *self);
CcCamera         *cc_particle_view_get_camera         (CcParticleView *self);
/* Picks at widget coordinates; returns the index or -1 (also highlights). */
int               cc_particle_view_pick               (CcParticleView *self,
                                                       double          x,
                                                       double          y);

/* Renders off-screen at width × height and reads the pixels back: RGBA,
 * 8 bits per channel, top row first. Needs the widget realized. */
GBytes           *cc_particle_view_read_pixels        (CcParticleView *self,
                                                       int             width,
                                                       int             height,
                                                       GError        **error);
gboolean          cc_particle_view_export_png         (CcParticleView *self,
                                                       GFile          *file,
                                                       int             width,
                                                       int             height,
                                                       GError        **error);

G_END_DECLS
