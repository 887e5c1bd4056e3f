/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Moving around the 3D view: drag to orbit (primary button), to pan (middle
 * or secondary button, or Shift); wheel, touchpad scroll and pinch to zoom;
 * arrows, Shift+arrows, +/- and Home from the keyboard; a click without
 * movement picks a particle.
 */
#include "cc-particle-view-private.h"

#include <math.h>

#define ORBIT_RADIANS_PER_PX 0.008
#define KEY_STEP (5.0 * G_PI / 180.0)

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               CcParticleView *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType mods = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  self->drag_start = self->camera;
  self->drag_pan = button == GDK_BUTTON_MIDDLE || button == GDK_BUTTON_SECONDARY
                   || (mods & GDK_SHIFT_MASK) != 0;
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                CcParticleView *self)
{
  double h = MAX (gtk_widget_get_height (GTK_WIDGET (self)), 1);

  self->camera = self->drag_start;
  if (self->drag_pan)
    cc_camera_pan (&self->camera, -dx / h, dy / h);
  else
    cc_camera_orbit (&self->camera, -dx * ORBIT_RADIANS_PER_PX, dy * ORBIT_RADIANS_PER_PX);
  gtk_gl_area_queue_render (GTK_GL_AREA (self));
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             CcParticleView *self)
{
  double x, y;

  /* A press without movement is a click: pick. */
  if (hypot (dx, dy) > 4 || self->drag_pan)
    return;
  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  cc_particle_view_pick (self, x, y);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           CcParticleView           *self)
{
  cc_camera_zoom (&self->camera, exp (0.12 * dy));
  gtk_gl_area_queue_render (GTK_GL_AREA (self));
  return TRUE;
}

static void
on_zoom_begin (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               CcParticleView   *self)
{
  self->zoom_start_distance = self->camera.distance;
}

static void
on_zoom_changed (GtkGestureZoom *gesture,
                 double          scale,
                 CcParticleView *self)
{
  if (!(scale > 0))
    return;
  self->camera.distance = self->zoom_start_distance;
  cc_camera_zoom (&self->camera, 1.0 / scale);
  gtk_gl_area_queue_render (GTK_GL_AREA (self));
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                CcParticleView        *self)
{
  gboolean pan = (state & GDK_SHIFT_MASK) != 0;
  double dx = 0, dy = 0;

  switch (keyval)
    {
    case GDK_KEY_Left: dx = -1; break;
    case GDK_KEY_Right: dx = 1; break;
    case GDK_KEY_Up: dy = 1; break;
    case GDK_KEY_Down: dy = -1; break;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      cc_camera_zoom (&self->camera, 1 / 1.15);
      break;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      cc_camera_zoom (&self->camera, 1.15);
      break;
    case GDK_KEY_Home:
    case GDK_KEY_r:
      cc_particle_view_reset_camera (self);
      return TRUE;
    default:
      return FALSE;
    }
  if (pan)
    cc_camera_pan (&self->camera, -0.05 * dx, -0.05 * dy);
  else
    cc_camera_orbit (&self->camera, -dx * KEY_STEP, -dy * KEY_STEP);
  gtk_gl_area_queue_render (GTK_GL_AREA (self));
  return TRUE;
}

void
cc_particle_view_setup_input (CcParticleView *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *zoom = gtk_gesture_zoom_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  GtkEventController *key = gtk_event_controller_key_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), 0);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  g_signal_connect (zoom, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_zoom_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));
  /* A pinch must not also orbit. */
  gtk_gesture_group (zoom, drag);

  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  g_signal_connect (key, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), key);
}

