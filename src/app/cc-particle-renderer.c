/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-particle-renderer.h"
#include "cc-camera.h"

#include <epoxy/gl.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <stddef.h>

#define SHADER_PATH "/io/github/cathodecomposer/CathodeComposer/shaders/"

G_STATIC_ASSERT (sizeof (CcParticle) == 20);

struct _CcParticleRenderer {
  GLuint particle_program;
  GLuint line_program;
  GLuint particle_vao;
  GLuint particle_vbo;
  GLuint line_vao;
  GLuint line_vbo;
  guint  n_particles;

  /* uniform locations */
  GLint  u_view, u_proj, u_color_mode, u_species, u_states, u_cut_world, u_cut_view,
         u_cut_enabled, u_highlight, u_line_mvp, u_line_color;
};

static GLuint
compile (GLenum       type,
         const char  *resource,
         gboolean     use_es,
         GError     **error)
{
  const char *header = use_es ? "#version 300 es\nprecision highp float;\nprecision highp int;\n"
                              : "#version 330 core\n";
  g_autoptr(GBytes) bytes = g_resources_lookup_data (resource, 0, error);
  const char *sources[2];
  GLint lengths[2], ok = 0;
  GLuint shader;

  if (bytes == NULL)
    return 0;
  sources[0] = header;
  lengths[0] = strlen (header);
  sources[1] = g_bytes_get_data (bytes, NULL);
  lengths[1] = g_bytes_get_size (bytes);
  shader = glCreateShader (type);
  glShaderSource (shader, 2, sources, lengths);
  glCompileShader (shader);
  glGetShaderiv (shader, GL_COMPILE_STATUS, &ok);
  if (!ok)
    {
      GLint len = 0;
      g_autofree char *log = NULL;
      glGetShaderiv (shader, GL_INFO_LOG_LENGTH, &len);
      log = g_malloc0 (len + 1);
      glGetShaderInfoLog (shader, len, NULL, log);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not compile %s: %s"), resource, log);
      glDeleteShader (shader);
      return 0;
    }
  return shader;
}

static GLuint
link_program (const char  *vertex,
              const char  *fragment,
              gboolean     use_es,
              GError     **error)
{
  GLuint vs, fs, program;
  GLint ok = 0;

  vs = compile (GL_VERTEX_SHADER, vertex, use_es, error);
  if (vs == 0)
    return 0;
  fs = compile (GL_FRAGMENT_SHADER, fragment, use_es, error);
  if (fs == 0)
    {
      glDeleteShader (vs);
      return 0;
    }
  program = glCreateProgram ();
  glAttachShader (program, vs);
  glAttachShader (program, fs);
  glLinkProgram (program);
  glGetProgramiv (program, GL_LINK_STATUS, &ok);
  glDetachShader (program, vs);
  glDetachShader (program, fs);
  glDeleteShader (vs);
  glDeleteShader (fs);
  if (!ok)
    {
      GLint len = 0;
      g_autofree char *log = NULL;
      glGetProgramiv (program, GL_INFO_LOG_LENGTH, &len);
      log = g_malloc0 (len + 1);
      glGetProgramInfoLog (program, len, NULL, log);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not link the shaders: %s"), log);
      glDeleteProgram (program);
      return 0;
    }
  return program;
}

static void
setup_particle_vao (CcParticleRenderer *self)
{
  glGenVertexArrays (1, &self->particle_vao);
  glGenBuffers (1, &self->particle_vbo);
  glBindVertexArray (self->particle_vao);
  glBindBuffer (GL_ARRAY_BUFFER, self->particle_vbo);
  glEnableVertexAttribArray (0);
  glVertexAttribPointer (0, 3, GL_FLOAT, GL_FALSE, sizeof (CcParticle),
                         (void *) offsetof (CcParticle, x));
  glEnableVertexAttribArray (1);
  glVertexAttribPointer (1, 1, GL_FLOAT, GL_FALSE, sizeof (CcParticle),
                         (void *) offsetof (CcParticle, radius));
  glEnableVertexAttribArray (2);
  glVertexAttribIPointer (2, 1, GL_UNSIGNED_SHORT, sizeof (CcParticle),
                          (void *) offsetof (CcParticle, species));
  glEnableVertexAttribArray (3);
  glVertexAttribIPointer (3, 2, GL_UNSIGNED_BYTE, sizeof (CcParticle),
                          (void *) offsetof (CcParticle, role));
  for (guint i = 0; i < 4; i++)
    glVertexAttribDivisor (i, 1);
  glBindVertexArray (0);
}

static void
setup_line_vao (CcParticleRenderer *self)
{
  glGenVertexArrays (1, &self->line_vao);
  glGenBuffers (1, &self->line_vbo);
  glBindVertexArray (self->line_vao);
  glBindBuffer (GL_ARRAY_BUFFER, self->line_vbo);
  glEnableVertexAttribArray (0);
  glVertexAttribPointer (0, 3, GL_FLOAT, GL_FALSE, 3 * sizeof (float), NULL);
  glBindVertexArray (0);
}

CcParticleRenderer *
cc_particle_renderer_new (gboolean   use_es,
                          GError   **error)
{
  CcParticleRenderer *self = g_new0 (CcParticleRenderer, 1);

  self->particle_program = link_program (SHADER_PATH "particles.vert", SHADER_PATH "particles.frag",
                                         use_es, error);
  if (self->particle_program == 0)
    {
      g_free (self);
      return NULL;
    }
  self->line_program = link_program (SHADER_PATH "lines.vert", SHADER_PATH "lines.frag", use_es, error);
  if (self->line_program == 0)
    {
      glDeleteProgram (self->particle_program);
      g_free (self);
      return NULL;
    }

#define LOC(field, program, name) self->field = glGetUniformLocation (self->program, name)
  LOC (u_view, particle_program, "u_view");
  LOC (u_proj, particle_program, "u_proj");
  LOC (u_color_mode, particle_program, "u_color_mode");
  LOC (u_species, particle_program, "u_species_colors");
  LOC (u_states, particle_program, "u_state_colors");
  LOC (u_cut_world, particle_program, "u_cut_world");
  LOC (u_cut_view, particle_program, "u_cut_view");
  LOC (u_cut_enabled, particle_program, "u_cut_enabled");
  LOC (u_highlight, particle_program, "u_highlight");
  LOC (u_line_mvp, line_program, "u_mvp");
  LOC (u_line_color, line_program, "u_color");
#undef LOC

  setup_particle_vao (self);
  setup_line_vao (self);
  return self;
}

void
cc_particle_renderer_free (CcParticleRenderer *self)
{
  if (self == NULL)
    return;
  if (self->particle_vbo != 0)
    glDeleteBuffers (1, &self->particle_vbo);
  if (self->line_vbo != 0)
    glDeleteBuffers (1, &self->line_vbo);
  if (self->particle_vao != 0)
    glDeleteVertexArrays (1, &self->particle_vao);
  if (self->line_vao != 0)
    glDeleteVertexArrays (1, &self->line_vao);
  if (self->particle_program != 0)
    glDeleteProgram (self->particle_program);
  if (self->line_program != 0)
    glDeleteProgram (self->line_program);
  g_free (self);
}

void
cc_particle_renderer_upload (CcParticleRenderer *self,
                             const CcParticle   *particles,
                             guint               n)
{
  glBindBuffer (GL_ARRAY_BUFFER, self->particle_vbo);
  glBufferData (GL_ARRAY_BUFFER, (GLsizeiptr) n * sizeof (CcParticle), particles, GL_DYNAMIC_DRAW);
  glBindBuffer (GL_ARRAY_BUFFER, 0);
  self->n_particles = n;
}

/* Geometry of the frame, in draw order: collector quad (6), separator quad
 * (6), box edges (24), cut outline (8). */
#define N_FRAME_VERTICES 44

static void
vertex (float *v, guint i, double x, double y, double z)
{
  v[3 * i] = x;
  v[3 * i + 1] = y;
  v[3 * i + 2] = z;
}

static void
quad_z (float *v, guint first, const double *b, double z)
{
  vertex (v, first + 0, 0, 0, z);
  vertex (v, first + 1, b[0], 0, z);
  vertex (v, first + 2, b[0], b[1], z);
  vertex (v, first + 3, 0, 0, z);
  vertex (v, first + 4, b[0], b[1], z);
  vertex (v, first + 5, 0, b[1], z);
}

static void
build_frame (float                *v,
             const CcRenderParams *p)
{
  const double *b = p->box;
  guint i = 12;

  quad_z (v, 0, b, 0);
  quad_z (v, 6, b, b[2]);
  /* 12 box edges: 4 along each axis. */
  for (guint axis = 0; axis < 3; axis++)
    for (guint k = 0; k < 4; k++)
      {
        double a[3], c[3];
        guint u = (axis + 1) % 3, w = (axis + 2) % 3;
        a[axis] = 0;
        c[axis] = b[axis];
        a[u] = c[u] = (k & 1) ? b[u] : 0;
        a[w] = c[w] = (k & 2) ? b[w] : 0;
        vertex (v, i++, a[0], a[1], a[2]);
        vertex (v, i++, c[0], c[1], c[2]);
      }
  /* The cut outline: a rectangle in the plane coordinate[axis] = position. */
  {
    guint axis = p->cut.axis % 3, u = (axis + 1) % 3, w = (axis + 2) % 3;
    double corners[4][3];
    for (guint k = 0; k < 4; k++)
      {
        corners[k][axis] = p->cut.position;
        corners[k][u] = (k == 1 || k == 2) ? b[u] : 0;
        corners[k][w] = (k >= 2) ? b[w] : 0;
      }
    for (guint k = 0; k < 4; k++)
      {
        const double *s = corners[k], *e = corners[(k + 1) % 4];
        vertex (v, i++, s[0], s[1], s[2]);
        vertex (v, i++, e[0], e[1], e[2]);
      }
  }
  g_assert (i == N_FRAME_VERTICES);
}

static void
draw_frame_part (CcParticleRenderer *self,
                 GLenum              mode,
                 guint               first,
                 guint               count,
                 CcRgb               color,
                 float               alpha)
{
  glUniform4f (self->u_line_color, color.r, color.g, color.b, alpha);
  glDrawArrays (mode, first, count);
}

static void
set_particle_uniforms (CcParticleRenderer   *self,
                       const CcRenderParams *p)
{
  float states[5 * 3];
  float cut_world[4] = { 0, 0, 0, 0 };
  float cut_view[4] = { 0, 0, 0, 0 };

  for (guint s = 0; s < 5; s++)
    {
      CcRgb c = cc_colors_for_state (s);
      states[3 * s] = c.r;
      states[3 * s + 1] = c.g;
      states[3 * s + 2] = c.b;
    }
  if (p->cut.enabled)
    {
      const float *m = p->view;
      guint a = p->cut.axis % 3;
      /* n = e_axis: in view space n_v = R e_axis, w_v = w + n_v · t. */
      cut_world[a] = 1;
      cut_world[3] = p->cut.position;
      cut_view[0] = m[4 * a + 0];
      cut_view[1] = m[4 * a + 1];
      cut_view[2] = m[4 * a + 2];
      cut_view[3] = p->cut.position + cut_view[0] * m[12] + cut_view[1] * m[13] + cut_view[2] * m[14];
    }
  glUniformMatrix4fv (self->u_view, 1, GL_FALSE, p->view);
  glUniformMatrix4fv (self->u_proj, 1, GL_FALSE, p->proj);
  glUniform1i (self->u_color_mode, p->color_mode);
  glUniform3fv (self->u_species, 16, (const float *) p->species);
  glUniform3fv (self->u_states, 5, states);
  glUniform4fv (self->u_cut_world, 1, cut_world);
  glUniform4fv (self->u_cut_view, 1, cut_view);
  glUniform1i (self->u_cut_enabled, p->cut.enabled);
  glUniform1i (self->u_highlight, p->highlight);
}

void
cc_particle_renderer_draw (CcParticleRenderer   *self,
                           const CcRenderParams *p,
                           int                   width,
                           int                   height)
{
  float frame[N_FRAME_VERTICES * 3];
  float mvp[16];
  CcRgb edge = { 0.78f, 0.80f, 0.84f };
  CcRgb cut_color = { 1.0f, 0.85f, 0.35f };

  G_STATIC_ASSERT (sizeof (CcRgb) == 3 * sizeof (float));

  glViewport (0, 0, width, height);
  glClearColor (0.16f, 0.17f, 0.19f, 1.0f);
  glClear (GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
  glEnable (GL_DEPTH_TEST);
  glDepthFunc (GL_LEQUAL);
  glDisable (GL_CULL_FACE);

  build_frame (frame, p);
  cc_mat4_multiply (p->proj, p->view, mvp);
  glBindBuffer (GL_ARRAY_BUFFER, self->line_vbo);
  glBufferData (GL_ARRAY_BUFFER, sizeof frame, frame, GL_DYNAMIC_DRAW);
  glBindBuffer (GL_ARRAY_BUFFER, 0);

  /* The current collector, opaque, under everything. */
  glUseProgram (self->line_program);
  glUniformMatrix4fv (self->u_line_mvp, 1, GL_FALSE, mvp);
  glBindVertexArray (self->line_vao);
  draw_frame_part (self, GL_TRIANGLES, 0, 6, cc_colors_collector (), 1.0f);

  /* All particles in one instanced draw. */
  if (self->n_particles > 0)
    {
      glUseProgram (self->particle_program);
      set_particle_uniforms (self, p);
      glBindVertexArray (self->particle_vao);
      glDrawArraysInstanced (GL_TRIANGLE_STRIP, 0, 4, self->n_particles);
    }

  /* Box edges, cut outline, then the translucent separator plane last. */
  glUseProgram (self->line_program);
  glBindVertexArray (self->line_vao);
  if (p->show_box)
    draw_frame_part (self, GL_LINES, 12, 24, edge, 0.55f);
  glEnable (GL_BLEND);
  glBlendFunc (GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
  if (p->cut.enabled)
    draw_frame_part (self, GL_LINES, 36, 8, cut_color, 0.9f);
  glDepthMask (GL_FALSE);
  draw_frame_part (self, GL_TRIANGLES, 6, 6, cc_colors_separator (), 0.2f);
  glDepthMask (GL_TRUE);
  glDisable (GL_BLEND);

  glBindVertexArray (0);
  glUseProgram (0);
}
