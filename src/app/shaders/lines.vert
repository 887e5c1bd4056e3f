// SPDX-License-Identifier: GPL-3.0-or-later
// Box edges, the current collector and separator planes, the cut outline.

layout(location = 0) in vec3 a_position;

uniform mat4 u_mvp;

void main()
{
  gl_Position = u_mvp * vec4(a_position, 1.0);
}
