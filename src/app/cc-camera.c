/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-camera.h"

#include <math.h>

#define MAX_PITCH (89.0 * G_PI / 180.0)

static double
dot3 (const double a[3], const double b[3])
{
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

static void
cross3 (const double a[3], const double b[3], double out[3])
{
  double r[3] = {
    a[1] * b[2] - a[2] * b[1],
    a[2] * b[0] - a[0] * b[2],
    a[0] * b[1] - a[1] * b[0],
  };
  out[0] = r[0];
  out[1] = r[1];
  out[2] = r[2];
}

static void
normalize3 (double v[3])
{
  double len = sqrt (dot3 (v, v));

  if (len > 0)
    for (guint i = 0; i < 3; i++)
      v[i] /= len;
}

void
cc_camera_frame (CcCamera     *camera,
                 const double  box[3])
{
  double diag2 = 0;

  for (guint i = 0; i < 3; i++)
    {
      double extent = box[i] > 0 ? box[i] : 1;
      camera->target[i] = extent / 2;
      diag2 += extent * extent;
    }
  camera->scene_radius = sqrt (diag2) / 2;
  camera->fov_y = 35.0 * G_PI / 180.0;
  camera->yaw = -55.0 * G_PI / 180.0;
  camera->pitch = 22.0 * G_PI / 180.0;
  camera->distance = 1.08 * camera->scene_radius / sin (camera->fov_y / 2);
}

void
cc_camera_orbit (CcCamera *camera,
                 double    dyaw,
                 double    dpitch)
{
  camera->yaw = fmod (camera->yaw + dyaw, 2 * G_PI);
  camera->pitch = CLAMP (camera->pitch + dpitch, -MAX_PITCH, MAX_PITCH);
}

void
cc_camera_get_basis (const CcCamera *camera,
                     double          forward[3],
                     double          right[3],
                     double          up[3])
{
  static const double z[3] = { 0, 0, 1 };
  double f[3] = {
    -cos (camera->pitch) * cos (camera->yaw),
    -cos (camera->pitch) * sin (camera->yaw),
    -sin (camera->pitch),
  };
  double r[3], u[3];

  cross3 (f, z, r);
  normalize3 (r);
  cross3 (r, f, u);
  for (guint i = 0; i < 3; i++)
    {
      if (forward)
        forward[i] = f[i];
      if (right)
        right[i] = r[i];
      if (up)
        up[i] = u[i];
    }
}

void
cc_camera_pan (CcCamera *camera,
               double    dx,
               double    dy)
{
  double right[3], up[3];
  double visible = 2 * camera->distance * tan (camera->fov_y / 2);

  cc_camera_get_basis (camera, NULL, right, up);
  for (guint i = 0; i < 3; i++)
    camera->target[i] += visible * (dx * right[i] + dy * up[i]);
}

void
cc_camera_zoom (CcCamera *camera,
                double    factor)
{
  double r = camera->scene_radius > 0 ? camera->scene_radius : 1;

  if (!(factor > 0) || !isfinite (factor))
    return;
  camera->distance = CLAMP (camera->distance * factor, 0.05 * r, 20 * r);
}

void
cc_camera_get_eye (const CcCamera *camera,
                   double          eye[3])
{
  double forward[3];

  cc_camera_get_basis (camera, forward, NULL, NULL);
  for (guint i = 0; i < 3; i++)
    eye[i] = camera->target[i] - camera->distance * forward[i];
}

void
cc_camera_get_clip (const CcCamera *camera,
                    double         *near,
                    double         *far)
{
  double r = camera->scene_radius > 0 ? camera->scene_radius : 1;

  /* The target may have been panned off the scene centre: leave room. */
  *near = MAX (camera->distance * 0.01, camera->distance - 2.5 * r);
  *far = camera->distance + 3.0 * r;
}

void
cc_camera_view_matrix (const CcCamera *camera,
                       float           m[16])
{
  double f[3], r[3], u[3], eye[3];

  cc_camera_get_basis (camera, f, r, u);
  cc_camera_get_eye (camera, eye);
  /* Rows of the rotation are right, up, -forward. */
  m[0] = r[0]; m[4] = r[1]; m[8] = r[2];
  m[1] = u[0]; m[5] = u[1]; m[9] = u[2];
  m[2] = -f[0]; m[6] = -f[1]; m[10] = -f[2];
  m[3] = 0; m[7] = 0; m[11] = 0;
  m[12] = -dot3 (r, eye);
  m[13] = -dot3 (u, eye);
  m[14] = dot3 (f, eye);
  m[15] = 1;
}

void
cc_camera_projection_matrix (const CcCamera *camera,
                             double          aspect,
                             float           m[16])
{
  double near, far, t = 1.0 / tan (camera->fov_y / 2);

  cc_camera_get_clip (camera, &near, &far);
  if (!(aspect > 0))
    aspect = 1;
  for (guint i = 0; i < 16; i++)
    m[i] = 0;
  m[0] = t / aspect;
  m[5] = t;
  m[10] = (far + near) / (near - far);
  m[11] = -1;
  m[14] = 2 * far * near / (near - far);
}

void
cc_camera_ray (const CcCamera *camera,
               double          aspect,
               double          ndc_x,
               double          ndc_y,
               double          origin[3],
               double          dir[3])
{
  double f[3], r[3], u[3];
  double t = tan (camera->fov_y / 2);

  cc_camera_get_basis (camera, f, r, u);
  cc_camera_get_eye (camera, origin);
  for (guint i = 0; i < 3; i++)
    dir[i] = f[i] + r[i] * ndc_x * t * aspect + u[i] * ndc_y * t;
  normalize3 (dir);
}

void
cc_mat4_multiply (const float a[16],
                  const float b[16],
                  float       out[16])
{
  float r[16];

  for (guint col = 0; col < 4; col++)
    for (guint row = 0; row < 4; row++)
      {
        float s = 0;
        for (guint k = 0; k < 4; k++)
          s += a[k * 4 + row] * b[col * 4 + k];
        r[col * 4 + row] = s;
      }
  for (guint i = 0; i < 16; i++)
    out[i] = r[i];
}
