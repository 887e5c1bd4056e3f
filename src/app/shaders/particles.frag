// SPDX-License-Identifier: GPL-3.0-or-later
// Ray-casts the sphere of the impostor quad; spheres cut by the cut plane
// show a flat cap (the cross-section) instead of being hollow.

in vec3 v_ray;
flat in vec3 v_center;
flat in float v_radius;
flat in vec3 v_color;
flat in float v_highlight;

uniform mat4 u_proj;
uniform vec4 u_cut_view;           // the cut plane in view space
uniform int u_cut_enabled;

out vec4 frag_color;

void main()
{
  vec3 d = normalize(v_ray);
  vec3 c = v_center;
  float r = v_radius;
  float b = dot(d, c);
  float disc = b * b - dot(c, c) + r * r;
  if (disc < 0.0)
    discard;
  float h = sqrt(disc);
  float t0 = b - h;
  float t1 = b + h;
  vec3 p = t0 * d;
  vec3 n = (p - c) / r;
  bool cap = false;

  if (u_cut_enabled != 0 && dot(u_cut_view.xyz, p) > u_cut_view.w) {
    float dn = dot(u_cut_view.xyz, d);
    if (abs(dn) < 1e-6)
      discard;
    float tp = u_cut_view.w / dn;
    if (tp < t0 || tp > t1)
      discard;
    p = tp * d;
    n = -u_cut_view.xyz;
    cap = true;
  }

  vec3 l = normalize(vec3(0.35, 0.55, 1.0));
  float diffuse = max(dot(n, l), 0.0);
  vec3 hv = normalize(l - d);
  float specular = pow(max(dot(n, hv), 0.0), 48.0);
  vec3 color = cap ? v_color * 0.62
                   : v_color * (0.30 + 0.70 * diffuse) + vec3(0.22) * specular;
  // Picked particle: a bright rim.
  float rim = 1.0 - max(dot(n, -d), 0.0);
  color = mix(color, vec3(1.0), v_highlight * smoothstep(0.55, 0.9, rim));
  frag_color = vec4(color, 1.0);

  vec4 clip = u_proj * vec4(p, 1.0);
  gl_FragDepth = clamp(0.5 * clip.z / clip.w + 0.5, 0.0, 1.0);
}
