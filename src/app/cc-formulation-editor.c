/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-formulation-editor-private.h"
#include "cc-colors.h"
#include "cc-component-card.h"
#include "cc-form.h"
#include "cc-material-item.h"

#include <glib/gi18n.h>
#include <math.h>

G_DEFINE_FINAL_TYPE (CcFormulationEditor, cc_formulation_editor, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_FRACTION_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void sync_all (CcFormulationEditor *self);

void
cc_formulation_editor_register_field (CcFormulationEditor *self,
                                      const char          *path,
                                      GtkWidget           *widget,
                                      GtkWidget           *error_label)
{
  CcField *field = g_new0 (CcField, 1);

  field->widget = widget;
  field->error_label = error_label;
  g_hash_table_replace (self->fields, g_strdup (path), field);
}

void
cc_formulation_editor_commit (CcFormulationEditor *self,
                              CcDesign            *design,
                              const char          *coalesce_key)
{
  if (self->document == NULL)
    {
      cc_design_free (design);
      return;
    }
  cc_document_edit (self->document, design, coalesce_key);
}

/* ---- notices and validation ------------------------------------------------ */

static gboolean
hide_notice (gpointer data)
{
  CcFormulationEditor *self = data;

  self->notice_timeout = 0;
  gtk_revealer_set_reveal_child (self->notice_revealer, FALSE);
  return G_SOURCE_REMOVE;
}

static void
show_notice (CcFormulationEditor *self,
             const char          *message)
{
  gtk_label_set_text (self->notice_label, message);
  gtk_revealer_set_reveal_child (self->notice_revealer, TRUE);
  g_clear_handle_id (&self->notice_timeout, g_source_remove);
  self->notice_timeout = g_timeout_add_seconds (5, hide_notice, self);
}

static CcField *
find_field (CcFormulationEditor *self,
            const char          *path)
{
  g_autofree char *p = g_strdup (path);

  while (p != NULL)
    {
      CcField *field = g_hash_table_lookup (self->fields, p);
      char *parent;

      if (field != NULL)
        return field;
      parent = cc_design_edit_parent_path (p);
      g_free (p);
      p = parent;
    }
  return NULL;
}

static void
show_validation (CcFormulationEditor *self)
{
  const char *message = self->document ? cc_document_get_validation_error (self->document) : NULL;
  g_autofree char *path = NULL;
  CcField *field = NULL;

  cc_form_show_error (self->error_widget, self->error_label, NULL);
  self->error_widget = NULL;
  self->error_label = NULL;
  g_clear_pointer (&self->shown_error, g_free);

  if (message == NULL)
    {
      gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
      return;
    }
  path = cc_design_edit_error_path (message);
  if (path != NULL)
    field = find_field (self, path);
  if (field == NULL)
    field = g_hash_table_lookup (self->fields, "components");
  self->error_widget = field->widget;
  self->error_label = field->error_label;
  self->shown_error = g_strdup (message);
  cc_form_show_error (self->error_widget, self->error_label, message);
  gtk_label_set_text (self->banner_label, message);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

static void
on_banner_show (CcFormulationEditor *self)
{
  if (self->error_widget != NULL)
    gtk_widget_grab_focus (self->error_widget);
}

/* ---- components ------------------------------------------------------------ */

static void
on_card_fraction (CcComponentCard     *card,
                  double               value,
                  CcFormulationEditor *self)
{
  g_autofree char *key = NULL;
  CcDesign *design;
  guint i = cc_component_card_get_index (card);

  if (self->updating || self->document == NULL)
    return;
  design = cc_document_dup_design (self->document);
  if (i >= design->components->len
      || !cc_design_edit_set_fraction (design, self->db, self->mode, i, value))
    {
      cc_design_free (design);
      sync_all (self);
      return;
    }
  key = g_strdup_printf ("components[%u].mass_fraction", i);
  cc_formulation_editor_commit (self, design, key);
}

static void
on_card_changed (CcComponentCard     *card,
                 const char          *field,
                 CcFormulationEditor *self)
{
  g_autofree char *key = NULL;
  CcDesign *design;
  guint i = cc_component_card_get_index (card);

  if (self->updating || self->document == NULL)
    return;
  design = cc_document_dup_design (self->document);
  if (i < design->components->len)
    cc_component_card_apply (card, g_ptr_array_index (design->components, i));
  key = g_strdup_printf ("components[%u].%s", i, field);
  cc_formulation_editor_commit (self, design, key);
}

static void
on_card_remove (CcComponentCard     *card,
                CcFormulationEditor *self)
{
  CcDesign *design;
  guint i = cc_component_card_get_index (card);

  if (self->document == NULL)
    return;
  design = cc_document_dup_design (self->document);
  if (i < design->components->len)
    cc_design_edit_remove_component (design, i);
  cc_formulation_editor_commit (self, design, NULL);
}

static gboolean
remove_component_fields (gpointer key,
                         gpointer value,
                         gpointer data)
{
  return g_str_has_prefix (key, "components[") && !g_str_has_prefix (key, "components[]");
}

static void
register_card_fields (CcFormulationEditor *self,
                      CcComponentCard     *card,
                      guint                i)
{
  static const char * const names[] = {
    "material", "mass_fraction", "d50_um", "spread", "morphology",
    "coating.material", "coating.thickness_nm", "agglomerate_d_um", NULL
  };
  GtkWidget *error = cc_component_card_get_error_label (card);
  g_autofree char *base = g_strdup_printf ("components[%u]", i);

  cc_formulation_editor_register_field (self, base, cc_component_card_get_field (card, "material"), error);
  for (guint k = 0; names[k]; k++)
    {
      g_autofree char *path = g_strdup_printf ("%s.%s", base, names[k]);
      cc_formulation_editor_register_field (self, path, cc_component_card_get_field (card, names[k]), error);
    }
}

static void
rebuild_cards (CcFormulationEditor *self)
{
  const CcDesign *design = cc_document_get_design (self->document);
  g_autofree CcRgb *colors = g_new0 (CcRgb, MAX (design->components->len, 1));

  /* The error shown may point into a card that is about to go. */
  cc_form_show_error (self->error_widget, self->error_label, NULL);
  self->error_widget = NULL;
  self->error_label = NULL;

  for (guint i = 0; i < self->cards->len; i++)
    gtk_box_remove (self->components_box, g_ptr_array_index (self->cards, i));
  g_ptr_array_set_size (self->cards, 0);
  g_hash_table_foreach_remove (self->fields, remove_component_fields, NULL);

  cc_colors_for_design (design, self->db, colors);
  for (guint i = 0; i < design->components->len; i++)
    {
      CcComponentCard *card = cc_component_card_new (self->db, i, g_ptr_array_index (design->components, i),
                                                     colors[i]);
      g_signal_connect (card, "fraction-changed", G_CALLBACK (on_card_fraction), self);
      g_signal_connect (card, "changed", G_CALLBACK (on_card_changed), self);
      g_signal_connect (card, "remove", G_CALLBACK (on_card_remove), self);
      gtk_box_insert_child_after (self->components_box, GTK_WIDGET (card),
                                  i == 0 ? NULL : g_ptr_array_index (self->cards, i - 1));
      g_ptr_array_add (self->cards, card);
      register_card_fields (self, card, i);
    }
  gtk_widget_set_visible (self->drop_hint, design->components->len < 3);
}

static void
sync_components (CcFormulationEditor *self,
                 const CcDesign      *design)
{
  guint n = design->components->len;
  g_autofree double *f = g_new0 (double, MAX (n, 1));
  gboolean volume_ok = cc_design_edit_can_use_volume (design, self->db);
  CcFractionMode mode = volume_ok ? self->mode : CC_FRACTION_MASS;
  double sum = 0;
  g_autofree char *total = NULL;

  cc_design_edit_get_fractions (design, self->db, mode, f);
  for (guint i = 0; i < n && i < self->cards->len; i++)
    {
      CcComponentCard *card = g_ptr_array_index (self->cards, i);
      cc_component_card_set_fraction_label (card, mode == CC_FRACTION_MASS ? _("Mass") : _("Volume"));
      cc_component_card_sync (card, g_ptr_array_index (design->components, i), f[i]);
      sum += ((CcComponent *) g_ptr_array_index (design->components, i))->mass_fraction;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->volume_toggle), volume_ok);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->volume_toggle),
                               volume_ok ? _("Edit volume fractions of the solid (through the densities)")
                                         : _("Volume fractions need the density of every component"));
  total = g_strdup_printf (_("%u components · mass fractions total %.1f %%"), n, 100 * sum);
  gtk_label_set_text (self->total_label, total);
}

static void
sync_all (CcFormulationEditor *self)
{
  const CcDesign *design;

  if (self->document == NULL)
    return;
  design = cc_document_get_design (self->document);
  self->updating = TRUE;
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->name_entry)), design->name) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->name_entry), design->name ? design->name : "");
  sync_components (self, design);
  cc_formulation_settings_sync (self, design);
  self->updating = FALSE;
  show_validation (self);
}

static void
on_document_changed (CcFormulationEditor *self,
                     guint                changes)
{
  if (changes & CC_DOCUMENT_CHANGE_STRUCTURE)
    rebuild_cards (self);
  sync_all (self);
}

static void
on_name_changed (CcFormulationEditor *self)
{
  CcDesign *design;

  if (self->updating || self->document == NULL)
    return;
  design = cc_document_dup_design (self->document);
  g_free (design->name);
  design->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
  cc_formulation_editor_commit (self, design, "name");
}

static void
on_mode_toggled (CcFormulationEditor *self)
{
  cc_formulation_editor_set_fraction_mode (self, gtk_toggle_button_get_active (self->mass_toggle)
                                                 ? CC_FRACTION_MASS : CC_FRACTION_VOLUME);
}

/* ---- drag and drop --------------------------------------------------------- */

static gboolean
on_drop (GtkDropTarget       *target,
         const GValue        *value,
         double               x,
         double               y,
         CcFormulationEditor *self)
{
  CcMaterialItem *item;

  if (!G_VALUE_HOLDS (value, CC_TYPE_MATERIAL_ITEM))
    return FALSE;
  item = g_value_get_object (value);
  if (item == NULL || cc_material_item_get_id (item) == NULL)
    return FALSE;
  cc_formulation_editor_add_material (self, cc_material_item_get_id (item));
  return TRUE;
}

gboolean
cc_formulation_editor_add_material (CcFormulationEditor *self,
                                    const char          *material_id)
{
  g_autoptr(GError) error = NULL;
  CcDesign *design;

  g_return_val_if_fail (CC_IS_FORMULATION_EDITOR (self), FALSE);

  if (self->document == NULL)
    return FALSE;
  design = cc_document_dup_design (self->document);
  if (cc_design_edit_add_component (design, self->db, material_id, &error) < 0)
    {
      cc_design_free (design);
      show_notice (self, error->message);
      return FALSE;
    }
  cc_formulation_editor_commit (self, design, NULL);
  return TRUE;
}

/* ---- GObject ------------------------------------------------------------- */

static void
cc_formulation_editor_dispose (GObject *object)
{
  CcFormulationEditor *self = CC_FORMULATION_EDITOR (object);

  g_clear_handle_id (&self->notice_timeout, g_source_remove);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (object), CC_TYPE_FORMULATION_EDITOR);
  G_OBJECT_CLASS (cc_formulation_editor_parent_class)->dispose (object);
}

static void
cc_formulation_editor_finalize (GObject *object)
{
  CcFormulationEditor *self = CC_FORMULATION_EDITOR (object);

  g_clear_pointer (&self->db, cc_material_db_unref);
  g_ptr_array_unref (self->cards);
  g_hash_table_unref (self->fields);
  g_free (self->shown_error);
  G_OBJECT_CLASS (cc_formulation_editor_parent_class)->finalize (object);
}

static void
cc_formulation_editor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CcFormulationEditor *self = CC_FORMULATION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_FRACTION_MODE:
      g_value_set_string (value, self->mode == CC_FRACTION_VOLUME ? "volume" : "mass");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_formulation_editor_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CcFormulationEditor *self = CC_FORMULATION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_FRACTION_MODE:
      cc_formulation_editor_set_fraction_mode (self, g_strcmp0 (g_value_get_string (value), "volume") == 0
                                                     ? CC_FRACTION_VOLUME : CC_FRACTION_MASS);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cc_formulation_editor_class_init (CcFormulationEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_formulation_editor_dispose;
  object_class->finalize = cc_formulation_editor_finalize;
  object_class->get_property = cc_formulation_editor_get_property;
  object_class->set_property = cc_formulation_editor_set_property;

  /* "mass" or "volume": a string so it binds to the GSettings enum key. */
  properties[PROP_FRACTION_MODE] =
    g_param_spec_string ("fraction-mode", NULL, NULL, "mass",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "formulationeditor");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cathodecomposer/CathodeComposer/ui/cc-formulation-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, CcFormulationEditor, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, CcFormulationEditor, banner_label);
  gtk_widget_class_bind_template_child (widget_class, CcFormulationEditor, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, CcFormulationEditor, notice_label);
  gtk_widget_class_bind_template_child (widget_class, CcFormulationEditor, name_entry);
  gtk_widget_class_bind_template_child (widget_class, CcFormulationEditor, mass_toggle);
  gtk_widget_class_bind_template_child (widget_class, CcFormulationEditor, volume_toggle);
  gtk_widget_class_bind_template_child (widget_class, CcFormulationEditor, components_box);
  gtk_widget_class_bind_template_child (widget_class, CcFormulationEditor, drop_hint);
  gtk_widget_class_bind_template_child (widget_class, CcFormulationEditor, total_label);
  gtk_widget_class_bind_template_child (widget_class, CcFormulationEditor, components_error);
  gtk_widget_class_bind_template_child (widget_class, CcFormulationEditor, sections_box);
  gtk_widget_class_bind_template_callback (widget_class, on_banner_show);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_mode_toggled);
}

static void
cc_formulation_editor_init (CcFormulationEditor *self)
{
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->db = cc_material_db_ref (cc_material_db_get_default ());
  self->cards = g_ptr_array_new ();
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->mode = CC_FRACTION_MASS;

  cc_formulation_editor_register_field (self, "name", GTK_WIDGET (self->name_entry), NULL);
  cc_formulation_editor_register_field (self, "components", GTK_WIDGET (self->components_box),
                                        self->components_error);
  cc_formulation_editor_register_field (self, "components[].mass_fraction", GTK_WIDGET (self->total_label),
                                        self->components_error);
  cc_formulation_settings_build (self);

  target = gtk_drop_target_new (CC_TYPE_MATERIAL_ITEM, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

GtkWidget *
cc_formulation_editor_new (void)
{
  return g_object_new (CC_TYPE_FORMULATION_EDITOR, NULL);
}

void
cc_formulation_editor_set_document (CcFormulationEditor *self,
                                    CcDocument          *document)
{
  g_return_if_fail (CC_IS_FORMULATION_EDITOR (self));
  g_return_if_fail (!document || CC_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  if (document == NULL)
    return;
  g_clear_pointer (&self->db, cc_material_db_unref);
  self->db = cc_material_db_ref (cc_document_get_db (document));
  g_signal_connect_swapped (document, "changed", G_CALLBACK (on_document_changed), self);
  rebuild_cards (self);
  sync_all (self);
}

CcDocument *
cc_formulation_editor_get_document (CcFormulationEditor *self)
{
  g_return_val_if_fail (CC_IS_FORMULATION_EDITOR (self), NULL);
  return self->document;
}

void
cc_formulation_editor_set_fraction_mode (CcFormulationEditor *self,
                                         CcFractionMode       mode)
{
  g_return_if_fail (CC_IS_FORMULATION_EDITOR (self));

  if (self->mode == mode)
    return;
  self->mode = mode;
  gtk_toggle_button_set_active (mode == CC_FRACTION_MASS ? self->mass_toggle : self->volume_toggle, TRUE);
  if (self->document != NULL)
    {
      /* The shown numbers change meaning: a drag in the other mode is a new step. */
      cc_document_break_coalescing (self->document);
      sync_all (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION_MODE]);
}

CcFractionMode
cc_formulation_editor_get_fraction_mode (CcFormulationEditor *self)
{
  g_return_val_if_fail (CC_IS_FORMULATION_EDITOR (self), CC_FRACTION_MASS);
  return self->mode;
}

GtkWidget *
cc_formulation_editor_get_field (CcFormulationEditor *self,
                                 const char          *path)
{
  CcField *field;

  g_return_val_if_fail (CC_IS_FORMULATION_EDITOR (self), NULL);

  field = g_hash_table_lookup (self->fields, path);
  return field ? field->widget : NULL;
}

guint
cc_formulation_editor_get_n_components (CcFormulationEditor *self)
{
  g_return_val_if_fail (CC_IS_FORMULATION_EDITOR (self), 0);
  return self->cards->len;
}

const char *
cc_formulation_editor_get_shown_error (CcFormulationEditor  *self,
                                       GtkWidget           **field)
{
  g_return_val_if_fail (CC_IS_FORMULATION_EDITOR (self), NULL);

  if (field != NULL)
    *field = self->error_widget;
  return self->shown_error;
}
