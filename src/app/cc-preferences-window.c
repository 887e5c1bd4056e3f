/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-preferences-window.h"

struct _CcPreferencesWindow {
  GtkWindow    parent_instance;

  GtkDropDown *style_dropdown;
  GtkDropDown *color_dropdown;
  GtkSwitch   *box_switch;
  GtkDropDown *fraction_dropdown;
  GtkWidget   *autosave_spin;
  GtkWidget   *no_settings_label;
};

G_DEFINE_FINAL_TYPE (CcPreferencesWindow, cc_preferences_window, GTK_TYPE_WINDOW)

static const char * const style_nicks[] = { "default", "light", "dark", NULL };
static const char * const color_nicks[] = { "component", "state", NULL };
static const char * const fraction_nicks[] = { "mass", "volume", NULL };

/* Enum key (nick) <-> drop-down position. */
static gboolean
nick_to_position (GValue   *value,
                  GVariant *variant,
                  gpointer  nicks)
{
  const char *nick = g_variant_get_string (variant, NULL);
  const char * const *list = nicks;

  for (guint i = 0; list[i]; i++)
    if (g_str_equal (list[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
position_to_nick (const GValue       *value,
                  const GVariantType *type,
                  gpointer            nicks)
{
  const char * const *list = nicks;
  guint position = g_value_get_uint (value);

  if (position >= g_strv_length ((char **) list))
    return NULL;
  return g_variant_new_string (list[position]);
}

static void
bind_dropdown (GSettings          *settings,
               const char         *key,
               GtkDropDown        *dropdown,
               const char * const *nicks)
{
  g_settings_bind_with_mapping (settings, key, dropdown, "selected", G_SETTINGS_BIND_DEFAULT,
                                nick_to_position, position_to_nick, (gpointer) nicks, NULL);
}

static void
cc_preferences_window_class_init (CcPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cathodecomposer/CathodeComposer/ui/cc-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CcPreferencesWindow, style_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CcPreferencesWindow, color_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CcPreferencesWindow, box_switch);
  gtk_widget_class_bind_template_child (widget_class, CcPreferencesWindow, fraction_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CcPreferencesWindow, autosave_spin);
  gtk_widget_class_bind_template_child (widget_class, CcPreferencesWindow, no_settings_label);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cc_preferences_window_init (CcPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWindow *
cc_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  CcPreferencesWindow *self = g_object_new (CC_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);

  if (settings == NULL)
    {
      gtk_widget_set_visible (self->no_settings_label, TRUE);
      return GTK_WINDOW (self);
    }
  bind_dropdown (settings, "style-variant", self->style_dropdown, style_nicks);
  bind_dropdown (settings, "color-mode", self->color_dropdown, color_nicks);
  bind_dropdown (settings, "fraction-mode", self->fraction_dropdown, fraction_nicks);
  g_settings_bind (settings, "show-box", self->box_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "autosave-interval", self->autosave_spin, "value", G_SETTINGS_BIND_DEFAULT);
  return GTK_WINDOW (self);
}
