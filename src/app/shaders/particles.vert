// SPDX-License-Identifier: GPL-3.0-or-later
// Sphere impostors: one camera-facing quad per particle instance, sized to
// bound the sphere's exact perspective silhouette. The fragment shader ray-
// casts the sphere and writes its true depth. (The #version line is
// prepended by the program: GLSL 3.30 core or ES 3.00.)

layout(location = 0) in vec3 a_center;
layout(location = 1) in float a_radius;
layout(location = 2) in uint a_species;
layout(location = 3) in uvec2 a_role_state;

uniform mat4 u_view;
uniform mat4 u_proj;
uniform int u_color_mode;          // 0: by component, 1: by state
uniform vec3 u_species_colors[16];
uniform vec3 u_state_colors[5];
uniform vec4 u_cut_world;          // keep dot(n, x) <= w; n = 0: no cut
uniform int u_highlight;           // picked instance, -1 for none

out vec3 v_ray;                    // view-space point on the quad
flat out vec3 v_center;
flat out float v_radius;
flat out vec3 v_color;
flat out float v_highlight;

const vec2 corners[4] = vec2[4](vec2(-1.0, -1.0), vec2(1.0, -1.0),
                                vec2(-1.0, 1.0), vec2(1.0, 1.0));

void main()
{
  vec3 c = (u_view * vec4(a_center, 1.0)).xyz;
  float r = a_radius;
  float d2 = dot(c, c);
  bool cut_away = dot(u_cut_world.xyz, u_cut_world.xyz) > 0.0
                  && dot(u_cut_world.xyz, a_center) - u_cut_world.w > r;

  // Camera inside the sphere, or the whole sphere removed by the cut plane.
  if (d2 <= r * r * 1.0001 || cut_away) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    return;
  }

  vec3 axis = c / sqrt(d2);
  vec3 up = abs(axis.y) < 0.99 ? vec3(0.0, 1.0, 0.0) : vec3(1.0, 0.0, 0.0);
  vec3 u = normalize(cross(up, axis));
  vec3 v = cross(axis, u);
  // Silhouette radius on the plane through c perpendicular to the view ray.
  float s = r * sqrt(d2) / sqrt(d2 - r * r);
  vec2 k = corners[gl_VertexID];
  vec3 p = c + (k.x * u + k.y * v) * s;

  v_ray = p;
  v_center = c;
  v_radius = r;
  if (u_color_mode == 1)
    v_color = u_state_colors[min(a_role_state.y, 4u)];
  else
    v_color = u_species_colors[min(a_species, 15u)];
  v_highlight = gl_InstanceID == u_highlight ? 1.0 : 0.0;
  gl_Position = u_proj * vec4(p, 1.0);
}
