/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The OpenGL side of CcParticleView: shader programs (from the GResource),
 * the instance buffer and the draw calls. Every function needs the GL
 * context current.
 */
#pragma once

#include <glib.h>
#include "cc-colors.h"
#include "cc-packing.h"
#include "cc-particle-pick.h"

G_BEGIN_DECLS

typedef struct _CcParticleRenderer CcParticleRenderer;

typedef struct {
  float      view[16];
  float      proj[16];
  CcRgb      species[16];
  guint      color_mode;     /* CcColorMode */
  CcCutPlane cut;
  gboolean   show_box;
  int        highlight;      /* instance index or -1 */
  double     box[3];
} CcRenderParams;

CcParticleRenderer *cc_particle_renderer_new        (gboolean            use_es,
                                                     GError            **error);
void                cc_particle_renderer_free       (CcParticleRenderer *self);
void                cc_particle_renderer_upload     (CcParticleRenderer *self,
                                                     const CcParticle   *particles,
                                                     guint               n);
/* Draws into the bound framebuffer. */
void                cc_particle_renderer_draw       (CcParticleRenderer   *self,
                                                     const CcRenderParams *params,
                                                     int                   width,
                                                     int                   height);

G_END_DECLS
