// SPDX-License-Identifier: GPL-3.0-or-later

uniform vec4 u_color;

out vec4 frag_color;

void main()
{
  frag_color = u_color;
}
