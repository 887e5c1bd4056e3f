/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by cc-particle-view.c (GL, API) and cc-particle-view-input.c
 * (mouse, touchpad and keyboard).
 */
#pragma once

#include "cc-particle-view.h"
#include "cc-particle-renderer.h"

G_BEGIN_DECLS

struct _CcParticleView {
  GtkGLArea           parent_instance;

  CcParticleRenderer *renderer;
  GBytes             *particles;
  gboolean            upload_pending;
  double              box[3];
  CcRgb               species[CC_PARTICLE_VIEW_MAX_SPECIES];
  CcColorMode         color_mode;
  CcCutPlane          cut;
  double              cut_fraction;
  gboolean            show_box;
  int                 highlight;

  CcCamera            camera;
  CcCamera            drag_start;
  gboolean            drag_pan;
  double              zoom_start_distance;
};

void cc_particle_view_setup_input (CcParticleView *self);

G_END_DECLS
