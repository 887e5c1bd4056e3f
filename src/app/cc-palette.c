/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-palette.h"
#include "cc-material-details.h"
#include "cc-material-item.h"

#include <glib/gi18n.h>
#include <string.h>

struct _CcPalette {
  GtkBox              parent_instance;

  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListView        *list_view;
  GtkLabel           *empty_label;

  CcMaterialDb       *db;
  GListStore         *store;
  GtkFilterListModel *filtered;
  GtkCustomFilter    *filter;
  char               *needle;          /* casefolded, NULL when empty */
  gboolean           *group_matches;   /* [n_groups] */
  guint               n_groups;
};

G_DEFINE_FINAL_TYPE (CcPalette, cc_palette, GTK_TYPE_BOX)

enum {
  MATERIAL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Material classes that can be part of a composite cathode, in palette order. */
static const CcMaterialClass palette_classes[] = {
  CC_MATERIAL_CLASS_CAM,
  CC_MATERIAL_CLASS_SE,
  CC_MATERIAL_CLASS_CARBON,
  CC_MATERIAL_CLASS_BINDER,
  CC_MATERIAL_CLASS_INTERLAYER,
};

static gboolean
filter_func (gpointer object,
             gpointer user_data)
{
  CcPalette *self = user_data;
  CcMaterialItem *item = object;

  if (self->needle == NULL)
    return TRUE;
  if (cc_material_item_get_kind (item) == CC_MATERIAL_ITEM_HEADER)
    return cc_material_item_get_group (item) < self->n_groups
           && self->group_matches[cc_material_item_get_group (item)];
  return cc_material_item_matches (item, self->needle);
}

static void
update_empty_state (CcPalette *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;

  if (empty)
    {
      g_autofree char *text = NULL;
      const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
      text = *query ? g_strdup_printf (_("No material matches “%s”"), query)
                    : g_strdup (_("The materials database is empty"));
      gtk_label_set_text (self->empty_label, text);
    }
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
on_search_changed (CcPalette *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->store));

  g_clear_pointer (&self->needle, g_free);
  if (*stripped)
    self->needle = g_utf8_casefold (stripped, -1);

  memset (self->group_matches, 0, self->n_groups * sizeof (gboolean));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcMaterialItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      if (cc_material_item_get_kind (item) == CC_MATERIAL_ITEM_MATERIAL
          && cc_material_item_matches (item, self->needle))
        self->group_matches[cc_material_item_get_group (item)] = TRUE;
    }
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_empty_state (self);
}

static void
activate_item (CcPalette      *self,
               CcMaterialItem *item)
{
  if (item != NULL && cc_material_item_get_kind (item) == CC_MATERIAL_ITEM_MATERIAL)
    g_signal_emit (self, signals[MATERIAL_ACTIVATED], 0, cc_material_item_get_id (item));
}

static void
on_list_activate (CcPalette *self,
                  guint      position)
{
  g_autoptr(CcMaterialItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  activate_item (self, item);
}

/* Enter in the search field adds the first match. */
static void
on_search_activate (CcPalette *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcMaterialItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);
      if (cc_material_item_get_kind (item) == CC_MATERIAL_ITEM_MATERIAL)
        {
          activate_item (self, item);
          return;
        }
    }
}

/* ---- rows ---------------------------------------------------------------- */

static CcMaterialItem *
row_item (GtkWidget *row)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (row), "list-item");

  return list_item ? gtk_list_item_get_item (list_item) : NULL;
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkWidget     *row)
{
  CcMaterialItem *item = row_item (row);

  if (item == NULL || cc_material_item_get_kind (item) != CC_MATERIAL_ITEM_MATERIAL)
    return NULL;
  return gdk_content_provider_new_typed (CC_TYPE_MATERIAL_ITEM, item);
}

static void
on_drag_begin (GtkDragSource *source,
               GdkDrag       *drag,
               GtkWidget     *row)
{
  CcMaterialItem *item = row_item (row);
  GtkWidget *icon = gtk_label_new (NULL);

  if (item == NULL)
    return;
  gtk_label_set_markup (GTK_LABEL (icon), cc_material_item_get_markup (item));
  gtk_widget_add_css_class (icon, "drag-chip");
  gtk_drag_icon_set_child (GTK_DRAG_ICON (gtk_drag_icon_get_for_drag (drag)), icon);
}

static void
create_popup (GtkMenuButton *button,
              gpointer       user_data)
{
  GtkWidget *row = user_data;
  CcMaterialItem *item = row_item (row);
  GtkWidget *popover = gtk_popover_new ();

  if (item != NULL && cc_material_item_get_material (item) != NULL)
    gtk_popover_set_child (GTK_POPOVER (popover),
                           cc_material_details_new (cc_material_item_get_material (item)));
  gtk_menu_button_set_popover (button, popover);
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *formula = gtk_label_new (NULL);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *summary = gtk_label_new (NULL);
  GtkWidget *info = gtk_menu_button_new ();
  GtkWidget *header = gtk_label_new (NULL);
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkDragSource *drag = gtk_drag_source_new ();

  gtk_label_set_xalign (GTK_LABEL (formula), 0);
  gtk_label_set_ellipsize (GTK_LABEL (formula), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (formula, "formula");
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "caption");
  gtk_widget_add_css_class (name, "dim-label");
  gtk_box_append (GTK_BOX (text), formula);
  gtk_box_append (GTK_BOX (text), name);
  gtk_widget_set_hexpand (text, TRUE);

  gtk_label_set_xalign (GTK_LABEL (summary), 1);
  gtk_label_set_justify (GTK_LABEL (summary), GTK_JUSTIFY_RIGHT);
  gtk_widget_add_css_class (summary, "caption");
  gtk_widget_add_css_class (summary, "numeric");
  gtk_widget_add_css_class (summary, "palette-numbers");

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (info), "help-about-symbolic");
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (info), FALSE);
  gtk_widget_set_valign (info, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (info, _("Properties and sources"));
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (info), create_popup, row, NULL);

  gtk_box_append (GTK_BOX (row), text);
  gtk_box_append (GTK_BOX (row), summary);
  gtk_box_append (GTK_BOX (row), info);
  gtk_widget_add_css_class (row, "palette-row");

  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "palette-header");

  gtk_box_append (GTK_BOX (outer), header);
  gtk_box_append (GTK_BOX (outer), row);

  g_object_set_data (G_OBJECT (row), "list-item", list_item);
  g_object_set_data (G_OBJECT (outer), "row", row);
  g_object_set_data (G_OBJECT (outer), "header", header);
  g_object_set_data (G_OBJECT (outer), "formula", formula);
  g_object_set_data (G_OBJECT (outer), "name", name);
  g_object_set_data (G_OBJECT (outer), "summary", summary);
  g_object_set_data (G_OBJECT (outer), "info", info);

  gtk_drag_source_set_actions (drag, GDK_ACTION_COPY);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare), row);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag));

  gtk_list_item_set_child (list_item, outer);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  GtkWidget *outer = gtk_list_item_get_child (list_item);
  CcMaterialItem *item = gtk_list_item_get_item (list_item);
  gboolean is_header = cc_material_item_get_kind (item) == CC_MATERIAL_ITEM_HEADER;
  GtkWidget *header = g_object_get_data (G_OBJECT (outer), "header");
  GtkWidget *row = g_object_get_data (G_OBJECT (outer), "row");
  const char *summary = cc_material_item_get_summary (item);

  gtk_widget_set_visible (header, is_header);
  gtk_widget_set_visible (row, !is_header);
  gtk_list_item_set_activatable (list_item, !is_header);
  gtk_list_item_set_selectable (list_item, !is_header);
  if (is_header)
    {
      gtk_label_set_text (GTK_LABEL (header), cc_material_item_get_title (item));
      return;
    }
  gtk_label_set_markup (g_object_get_data (G_OBJECT (outer), "formula"),
                        cc_material_item_get_markup (item));
  gtk_label_set_text (g_object_get_data (G_OBJECT (outer), "name"), cc_material_item_get_title (item));
  gtk_label_set_text (g_object_get_data (G_OBJECT (outer), "summary"), summary);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (outer), "summary"), *summary != '\0');
  gtk_widget_set_tooltip_text (row, cc_material_item_get_title (item));
  /* Recycled rows: drop the previous material's details. */
  gtk_menu_button_set_popover (g_object_get_data (G_OBJECT (outer), "info"), NULL);
}

/* ---- model ---------------------------------------------------------------- */

/* One class: its families in file order, each a group under a header. */
static void
populate_class (CcPalette       *self,
                CcMaterialClass  klass)
{
  g_autoptr(GPtrArray) materials = cc_material_db_list_class (self->db, klass);
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint *title_of = g_new0 (guint, MAX (materials->len, 1));

  for (guint i = 0; i < materials->len; i++)
    {
      g_autofree char *title = cc_material_group_title (g_ptr_array_index (materials, i));
      guint t;

      if (!g_ptr_array_find_with_equal_func (titles, title, g_str_equal, &t))
        {
          t = titles->len;
          g_ptr_array_add (titles, g_steal_pointer (&title));
        }
      title_of[i] = t;
    }
  for (guint t = 0; t < titles->len; t++)
    {
      guint group = self->n_groups++;
      g_autoptr(CcMaterialItem) header = cc_material_item_new_header (g_ptr_array_index (titles, t), group);

      g_list_store_append (self->store, header);
      for (guint i = 0; i < materials->len; i++)
        if (title_of[i] == t)
          {
            g_autoptr(CcMaterialItem) item = cc_material_item_new (g_ptr_array_index (materials, i), group);
            g_list_store_append (self->store, item);
          }
    }
}

static void
populate (CcPalette *self)
{
  self->n_groups = 0;
  for (guint c = 0; c < G_N_ELEMENTS (palette_classes); c++)
    populate_class (self, palette_classes[c]);
  self->group_matches = g_new0 (gboolean, MAX (self->n_groups, 1));
}

void
cc_palette_set_db (CcPalette    *self,
                   CcMaterialDb *db)
{
  g_return_if_fail (CC_IS_PALETTE (self));
  g_return_if_fail (db != NULL);
  g_return_if_fail (self->db == NULL);

  self->db = cc_material_db_ref (db);
  populate (self);
  on_search_changed (self);
}

static void
cc_palette_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CC_TYPE_PALETTE);
  G_OBJECT_CLASS (cc_palette_parent_class)->dispose (object);
}

static void
cc_palette_finalize (GObject *object)
{
  CcPalette *self = CC_PALETTE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->filtered);
  g_clear_pointer (&self->db, cc_material_db_unref);
  g_free (self->needle);
  g_free (self->group_matches);
  G_OBJECT_CLASS (cc_palette_parent_class)->finalize (object);
}

static void
cc_palette_class_init (CcPaletteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_palette_dispose;
  object_class->finalize = cc_palette_finalize;

  /* ::material-activated (const char *material_id) */
  signals[MATERIAL_ACTIVATED] =
    g_signal_new ("material-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cathodecomposer/CathodeComposer/ui/cc-palette.ui");
  gtk_widget_class_bind_template_child (widget_class, CcPalette, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CcPalette, stack);
  gtk_widget_class_bind_template_child (widget_class, CcPalette, list_view);
  gtk_widget_class_bind_template_child (widget_class, CcPalette, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_list_activate);
}

static void
cc_palette_init (CcPalette *self)
{
  GtkListItemFactory *factory;
  GtkSingleSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (CC_TYPE_MATERIAL_ITEM);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                              GTK_FILTER (self->filter));
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
}

GtkWidget *
cc_palette_new (CcMaterialDb *db)
{
  CcPalette *self = g_object_new (CC_TYPE_PALETTE, NULL);

  cc_palette_set_db (self, db);
  return GTK_WIDGET (self);
}

GListModel *
cc_palette_get_model (CcPalette *self)
{
  g_return_val_if_fail (CC_IS_PALETTE (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

guint
cc_palette_get_n_visible_materials (CcPalette *self)
{
  guint n, count = 0;

  g_return_val_if_fail (CC_IS_PALETTE (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcMaterialItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);
      if (cc_material_item_get_kind (item) == CC_MATERIAL_ITEM_MATERIAL)
        count++;
    }
  return count;
}

void
cc_palette_set_search_text (CcPalette  *self,
                            const char *text)
{
  g_return_if_fail (CC_IS_PALETTE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  /* search-changed is delayed; apply now so callers see the result. */
  on_search_changed (self);
}

void
cc_palette_focus_search (CcPalette *self)
{
  g_return_if_fail (CC_IS_PALETTE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
