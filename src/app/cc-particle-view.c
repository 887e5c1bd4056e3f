/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-particle-view-private.h"

#include <epoxy/gl.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>


G_DEFINE_FINAL_TYPE (CcParticleView, cc_particle_view, GTK_TYPE_GL_AREA)

enum {
  PROP_0,
  PROP_COLOR_MODE,
  PROP_SHOW_BOX,
  N_PROPS
};

enum {
  PARTICLE_PICKED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- GL lifecycle ---------------------------------------------------------- */

static void
cc_particle_view_realize (GtkWidget *widget)
{
  CcParticleView *self = CC_PARTICLE_VIEW (widget);
  GtkGLArea *area = GTK_GL_AREA (widget);
  g_autoptr(GError) error = NULL;

  GTK_WIDGET_CLASS (cc_particle_view_parent_class)->realize (widget);
  gtk_gl_area_make_current (area);
  if (gtk_gl_area_get_error (area) != NULL)
    return;
  self->renderer = cc_particle_renderer_new (gdk_gl_context_get_use_es (gtk_gl_area_get_context (area)),
                                             &error);
  if (self->renderer == NULL)
    {
      gtk_gl_area_set_error (area, error);
      return;
    }
  self->upload_pending = TRUE;
}

static void
cc_particle_view_unrealize (GtkWidget *widget)
{
  CcParticleView *self = CC_PARTICLE_VIEW (widget);

  gtk_gl_area_make_current (GTK_GL_AREA (widget));
  if (gtk_gl_area_get_error (GTK_GL_AREA (widget)) == NULL)
    g_clear_pointer (&self->renderer, cc_particle_renderer_free);
  else
    g_clear_pointer (&self->renderer, g_free);
  GTK_WIDGET_CLASS (cc_particle_view_parent_class)->unrealize (widget);
}

static void
fill_params (CcParticleView *self,
             CcRenderParams *p,
             int             width,
             int             height)
{
  memset (p, 0, sizeof *p);
  cc_camera_view_matrix (&self->camera, p->view);
  cc_camera_projection_matrix (&self->camera, height > 0 ? (double) width / height : 1, p->proj);
  memcpy (p->species, self->species, sizeof p->species);
  p->color_mode = self->color_mode;
  p->cut = self->cut;
  p->show_box = self->show_box;
  p->highlight = self->highlight;
  memcpy (p->box, self->box, sizeof p->box);
}

static void
upload_if_needed (CcParticleView *self)
{
  gsize size = 0;
  const CcParticle *data;

  if (!self->upload_pending || self->renderer == NULL)
    return;
  data = self->particles ? g_bytes_get_data (self->particles, &size) : NULL;
  cc_particle_renderer_upload (self->renderer, data, size / sizeof (CcParticle));
  self->upload_pending = FALSE;
}

static gboolean
cc_particle_view_render (GtkGLArea    *area,
                         GdkGLContext *context)
{
  CcParticleView *self = CC_PARTICLE_VIEW (area);
  CcRenderParams params;
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (area));
  int width = gtk_widget_get_width (GTK_WIDGET (area)) * scale;
  int height = gtk_widget_get_height (GTK_WIDGET (area)) * scale;

  if (self->renderer == NULL)
    return FALSE;
  upload_if_needed (self);
  fill_params (self, &params, width, height);
  cc_particle_renderer_draw (self->renderer, &params, width, height);
  return TRUE;
}

/* Popovers (the pick details) parented to the view need presenting. */
static void
cc_particle_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  GTK_WIDGET_CLASS (cc_particle_view_parent_class)->size_allocate (widget, width, height, baseline);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_present (GTK_POPOVER (child));
}

/* ---- GObject ------------------------------------------------------------ */

static void
cc_particle_view_finalize (GObject *object)
{
  CcParticleView *self = CC_PARTICLE_VIEW (object);

  g_clear_pointer (&self->particles, g_bytes_unref);
  G_OBJECT_CLASS (cc_particle_view_parent_class)->finalize (object);
}

static void
cc_particle_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  CcParticleView *self = CC_PARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_COLOR_MODE:
      g_value_set_string (value, self->color_mode == CC_COLOR_BY_STATE ? "state" : "component");
      break;
    case PROP_SHOW_BOX:
      g_value_set_boolean (value, self->show_box);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_particle_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  CcParticleView *self = CC_PARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_COLOR_MODE:
      cc_particle_view_set_color_mode (self, g_strcmp0 (g_value_get_string (value), "state") == 0
                                             ? CC_COLOR_BY_STATE : CC_COLOR_BY_COMPONENT);
      break;
    case PROP_SHOW_BOX:
      cc_particle_view_set_show_box (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_particle_view_class_init (CcParticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkGLAreaClass *area_class = GTK_GL_AREA_CLASS (klass);

  object_class->finalize = cc_particle_view_finalize;
  object_class->get_property = cc_particle_view_get_property;
  object_class->set_property = cc_particle_view_set_property;
  widget_class->realize = cc_particle_view_realize;
  widget_class->unrealize = cc_particle_view_unrealize;
  widget_class->size_allocate = cc_particle_view_size_allocate;
  area_class->render = cc_particle_view_render;

  /* "component" or "state" (binds to the GSettings enum key). */
  properties[PROP_COLOR_MODE] =
    g_param_spec_string ("color-mode", NULL, NULL, "component",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_BOX] =
    g_param_spec_boolean ("show-box", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* ::particle-picked (int index or -1, double x, double y) */
  signals[PARTICLE_PICKED] =
    g_signal_new ("particle-picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT, G_TYPE_DOUBLE, G_TYPE_DOUBLE);

  gtk_widget_class_set_css_name (widget_class, "particleview");
}

static void
cc_particle_view_init (CcParticleView *self)
{
  static const double unit_box[3] = { 1, 1, 1 };

  gtk_gl_area_set_required_version (GTK_GL_AREA (self), 3, 3);
  gtk_gl_area_set_has_depth_buffer (GTK_GL_AREA (self), TRUE);
  gtk_gl_area_set_auto_render (GTK_GL_AREA (self), FALSE);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  self->show_box = TRUE;
  self->highlight = -1;
  self->cut.axis = 1;
  self->cut_fraction = 1;
  for (guint i = 0; i < CC_PARTICLE_VIEW_MAX_SPECIES; i++)
    self->species[i] = cc_colors_for_component (CC_MATERIAL_N_CLASSES, 0);
  cc_camera_frame (&self->camera, unit_box);
  cc_particle_view_setup_input (self);
}

GtkWidget *
cc_particle_view_new (void)
{
  return g_object_new (CC_TYPE_PARTICLE_VIEW, NULL);
}

/* ---- API ------------------------------------------------------------------ */

static void
update_cut (CcParticleView *self)
{
  self->cut.position = self->cut_fraction * self->box[self->cut.axis % 3];
}

void
cc_particle_view_set_particles (CcParticleView *self,
                                GBytes         *particles,
                                const double    box_um[3])
{
  gboolean new_box = FALSE;

  g_return_if_fail (CC_IS_PARTICLE_VIEW (self));

  if (particles != NULL && g_bytes_get_size (particles) % sizeof (CcParticle) != 0)
    {
      g_warning ("Particle snapshot of %" G_GSIZE_FORMAT " bytes is not a CcParticle array",
                 g_bytes_get_size (particles));
      particles = NULL;
    }
  g_clear_pointer (&self->particles, g_bytes_unref);
  if (particles != NULL)
    self->particles = g_bytes_ref (particles);
  if (box_um != NULL)
    for (guint i = 0; i < 3; i++)
      if (fabs (box_um[i] - self->box[i]) > 1e-6 * MAX (fabs (box_um[i]), 1))
        {
          new_box = TRUE;
          self->box[i] = box_um[i];
        }
  if (new_box)
    cc_camera_frame (&self->camera, self->box);
  update_cut (self);
  self->highlight = -1;
  self->upload_pending = TRUE;
  gtk_gl_area_queue_render (GTK_GL_AREA (self));
}

guint
cc_particle_view_get_n_particles (CcParticleView *self)
{
  g_return_val_if_fail (CC_IS_PARTICLE_VIEW (self), 0);
  return self->particles ? g_bytes_get_size (self->particles) / sizeof (CcParticle) : 0;
}

const CcParticle *
cc_particle_view_get_particle (CcParticleView *self,
                               guint           index)
{
  g_return_val_if_fail (CC_IS_PARTICLE_VIEW (self), NULL);

  if (index >= cc_particle_view_get_n_particles (self))
    return NULL;
  return (const CcParticle *) g_bytes_get_data (self->particles, NULL) + index;
}

void
cc_particle_view_get_box (CcParticleView *self,
                          double          box_um[3])
{
  g_return_if_fail (CC_IS_PARTICLE_VIEW (self));
  memcpy (box_um, self->box, sizeof self->box);
}

void
cc_particle_view_set_species_colors (CcParticleView *self,
                                     const CcRgb    *colors,
                                     guint           n)
{
  g_return_if_fail (CC_IS_PARTICLE_VIEW (self));

  for (guint i = 0; i < CC_PARTICLE_VIEW_MAX_SPECIES; i++)
    self->species[i] = i < n ? colors[i] : cc_colors_for_component (CC_MATERIAL_N_CLASSES, 0);
  gtk_gl_area_queue_render (GTK_GL_AREA (self));
}

void
cc_particle_view_set_color_mode (CcParticleView *self,
                                 CcColorMode     mode)
{
  g_return_if_fail (CC_IS_PARTICLE_VIEW (self));

  if (self->color_mode == mode)
    return;
  self->color_mode = mode;
  gtk_gl_area_queue_render (GTK_GL_AREA (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR_MODE]);
}

CcColorMode
cc_particle_view_get_color_mode (CcParticleView *self)
{
  g_return_val_if_fail (CC_IS_PARTICLE_VIEW (self), CC_COLOR_BY_COMPONENT);
  return self->color_mode;
}

void
cc_particle_view_set_cut (CcParticleView *self,
                          gboolean        enabled,
                          guint           axis,
                          double          fraction)
{
  g_return_if_fail (CC_IS_PARTICLE_VIEW (self));

  self->cut.enabled = enabled;
  self->cut.axis = MIN (axis, 2);
  self->cut_fraction = CLAMP (fraction, 0.0, 1.0);
  update_cut (self);
  gtk_gl_area_queue_render (GTK_GL_AREA (self));
}

void
cc_particle_view_set_show_box (CcParticleView *self,
                               gboolean        show)
{
  g_return_if_fail (CC_IS_PARTICLE_VIEW (self));

  show = !!show;
  if (self->show_box == show)
    return;
  self->show_box = show;
  gtk_gl_area_queue_render (GTK_GL_AREA (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_BOX]);
}

void
cc_particle_view_reset_camera (CcParticleView *self)
{
  static const double unit_box[3] = { 1, 1, 1 };

  g_return_if_fail (CC_IS_PARTICLE_VIEW (self));

  cc_camera_frame (&self->camera, self->box[0] > 0 ? self->box : unit_box);
  gtk_gl_area_queue_render (GTK_GL_AREA (self));
}

CcCamera *
cc_particle_view_get_camera (CcParticleView *self)
{
  g_return_val_if_fail (CC_IS_PARTICLE_VIEW (self), NULL);
  return &self->camera;
}

int
cc_particle_view_pick (CcParticleView *self,
                       double          x,
                       double          y)
{
  double w = MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);
  double h = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 1);
  double origin[3], dir[3];
  int index;

  g_return_val_if_fail (CC_IS_PARTICLE_VIEW (self), -1);

  cc_camera_ray (&self->camera, w / h, 2 * x / w - 1, 1 - 2 * y / h, origin, dir);
  index = cc_particle_pick (self->particles ? g_bytes_get_data (self->particles, NULL) : NULL,
                            cc_particle_view_get_n_particles (self), origin, dir, &self->cut, NULL);
  self->highlight = index;
  gtk_gl_area_queue_render (GTK_GL_AREA (self));
  g_signal_emit (self, signals[PARTICLE_PICKED], 0, index, x, y);
  return index;
}

GBytes *
cc_particle_view_read_pixels (CcParticleView  *self,
                              int              width,
                              int              height,
                              GError         **error)
{
  GtkGLArea *area = GTK_GL_AREA (self);
  GLuint fbo = 0, color = 0, depth = 0;
  CcRenderParams params;
  guint8 *pixels, *flipped;
  gsize stride;

  g_return_val_if_fail (CC_IS_PARTICLE_VIEW (self), NULL);
  g_return_val_if_fail (width > 0 && height > 0, NULL);

  if (!gtk_widget_get_realized (GTK_WIDGET (self)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("The 3D view is not shown"));
      return NULL;
    }
  gtk_gl_area_make_current (area);
  if (gtk_gl_area_get_error (area) != NULL)
    {
      g_propagate_error (error, g_error_copy (gtk_gl_area_get_error (area)));
      return NULL;
    }
  if (self->renderer == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The 3D view has no renderer"));
      return NULL;
    }

  glGenFramebuffers (1, &fbo);
  glBindFramebuffer (GL_FRAMEBUFFER, fbo);
  glGenRenderbuffers (1, &color);
  glBindRenderbuffer (GL_RENDERBUFFER, color);
  glRenderbufferStorage (GL_RENDERBUFFER, GL_RGBA8, width, height);
  glFramebufferRenderbuffer (GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color);
  glGenRenderbuffers (1, &depth);
  glBindRenderbuffer (GL_RENDERBUFFER, depth);
  glRenderbufferStorage (GL_RENDERBUFFER, GL_DEPTH_COMPONENT24, width, height);
  glFramebufferRenderbuffer (GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_RENDERBUFFER, depth);

  pixels = NULL;
  if (glCheckFramebufferStatus (GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE)
    {
      upload_if_needed (self);
      fill_params (self, &params, width, height);
      cc_particle_renderer_draw (self->renderer, &params, width, height);
      stride = (gsize) width * 4;
      pixels = g_malloc ((gsize) height * stride);
      glPixelStorei (GL_PACK_ALIGNMENT, 1);
      glReadPixels (0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    }
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not create an off-screen framebuffer"));

  glBindFramebuffer (GL_FRAMEBUFFER, 0);
  glDeleteRenderbuffers (1, &color);
  glDeleteRenderbuffers (1, &depth);
  glDeleteFramebuffers (1, &fbo);
  if (pixels == NULL)
    return NULL;

  /* GL rows start at the bottom. */
  flipped = g_malloc ((gsize) height * stride);
  for (int row = 0; row < height; row++)
    memcpy (flipped + (gsize) row * stride, pixels + (gsize) (height - 1 - row) * stride, stride);
  g_free (pixels);
  return g_bytes_new_take (flipped, (gsize) height * stride);
}

gboolean
cc_particle_view_export_png (CcParticleView  *self,
                             GFile           *file,
                             int              width,
                             int              height,
                             GError         **error)
{
  g_autoptr(GBytes) pixels = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (CC_IS_PARTICLE_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  pixels = cc_particle_view_read_pixels (self, width, height, error);
  if (pixels == NULL)
    return FALSE;
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_R8G8B8A8, pixels, (gsize) width * 4);
  path = g_file_get_path (file);
  if (path == NULL || !gdk_texture_save_to_png (texture, path))
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write %s"), name);
      return FALSE;
    }
  return TRUE;
}
