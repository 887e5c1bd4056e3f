/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An orbit camera for the 3D particle view (world z up: z = 0 is the current
 * collector, z = H the separator). It turns around a target at a distance;
 * matrices are column-major float[16] for OpenGL. Pure math, no GL, so the
 * CPU picking and the tests use exactly what the GPU draws.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  double target[3];
  double yaw;           /* radians, around z */
  double pitch;         /* radians above the xy plane, |pitch| < 89° */
  double distance;
  double fov_y;         /* radians */
  double scene_radius;  /* for zoom limits and clip planes */
} CcCamera;

/* Looks at the box [0, box] from a 3/4 view that shows all of it. */
void cc_camera_frame      (CcCamera       *camera,
                           const double    box[3]);
void cc_camera_orbit      (CcCamera       *camera,
                           double          dyaw,
                           double          dpitch);
/* Moves the target by fractions of the visible height. */
void cc_camera_pan        (CcCamera       *camera,
                           double          dx,
                           double          dy);
/* factor < 1 moves closer. */
void cc_camera_zoom       (CcCamera       *camera,
                           double          factor);
void cc_camera_get_eye    (const CcCamera *camera,
                           double          eye[3]);
/* Unit vectors: forward (eye -> target), right, up on screen. */
void cc_camera_get_basis  (const CcCamera *camera,
                           double          forward[3],
                           double          right[3],
                           double          up[3]);
void cc_camera_get_clip   (const CcCamera *camera,
                           double         *near,
                           double         *far);
void cc_camera_view_matrix       (const CcCamera *camera,
                                  float           m[16]);
void cc_camera_projection_matrix (const CcCamera *camera,
                                  double          aspect,
                                  float           m[16]);
/* The ray through normalized device coordinates (x right, y up, -1..1). */
void cc_camera_ray        (const CcCamera *camera,
                           double          aspect,
                           double          ndc_x,
                           double          ndc_y,
                           double          origin[3],
                           double          dir[3]);

void cc_mat4_multiply     (const float     a[16],
                           const float     b[16],
                           float           out[16]);

G_END_DECLS
