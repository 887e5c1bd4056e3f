/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-material-dropdown.h"
#include "cc-material-item.h"

#include <glib/gi18n.h>

static void
setup_item (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 34);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_item (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item)
{
  CcMaterialItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  if (cc_material_item_get_kind (item) == CC_MATERIAL_ITEM_MATERIAL)
    {
      const char *title = cc_material_item_get_title (item);
      g_autofree char *name = g_markup_escape_text (title ? title : "", -1);
      g_autofree char *markup = g_strdup_printf ("%s  <span alpha=\"60%%\" size=\"small\">%s</span>",
                                                 cc_material_item_get_markup (item), name);
      gtk_label_set_markup (GTK_LABEL (label), markup);
    }
  else
    gtk_label_set_text (GTK_LABEL (label), cc_material_item_get_title (item));
}

GtkWidget *
cc_material_dropdown_new (CcMaterialDb *db,
                          const int    *classes,
                          const char   *none_label)
{
  GListStore *store = g_list_store_new (CC_TYPE_MATERIAL_ITEM);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *dropdown;

  g_return_val_if_fail (db != NULL, NULL);

  if (none_label != NULL)
    {
      g_autoptr(CcMaterialItem) none = cc_material_item_new_none (none_label);
      g_list_store_append (store, none);
    }
  for (const int *c = classes; c && *c >= 0; c++)
    {
      g_autoptr(GPtrArray) materials = cc_material_db_list_class (db, *c);
      for (guint i = 0; i < materials->len; i++)
        {
          g_autoptr(CcMaterialItem) item = cc_material_item_new (g_ptr_array_index (materials, i), 0);
          g_list_store_append (store, item);
        }
    }
  g_signal_connect (factory, "setup", G_CALLBACK (setup_item), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item), NULL);
  dropdown = gtk_drop_down_new (G_LIST_MODEL (store), NULL);
  gtk_drop_down_set_factory (GTK_DROP_DOWN (dropdown), factory);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), FALSE);
  g_object_unref (factory);
  return dropdown;
}

const char *
cc_material_dropdown_get_id (GtkDropDown *dropdown)
{
  CcMaterialItem *item = gtk_drop_down_get_selected_item (dropdown);

  if (item == NULL)
    return NULL;
  if (cc_material_item_get_kind (item) == CC_MATERIAL_ITEM_MATERIAL)
    return cc_material_item_get_id (item);
  /* Unknown ids kept from a loaded design live in the title. */
  return g_object_get_data (G_OBJECT (item), "unknown-id");
}

void
cc_material_dropdown_set_id (GtkDropDown *dropdown,
                             const char  *id)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(CcMaterialItem) unknown = NULL;
  g_autofree char *title = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CcMaterialItem) item = g_list_model_get_item (model, i);
      const char *item_id = cc_material_item_get_id (item);
      if (item_id == NULL)
        item_id = g_object_get_data (G_OBJECT (item), "unknown-id");
      if (g_strcmp0 (item_id, id) == 0)
        {
          if (gtk_drop_down_get_selected (dropdown) != i)
            gtk_drop_down_set_selected (dropdown, i);
          return;
        }
    }
  if (id == NULL)
    {
      gtk_drop_down_set_selected (dropdown, GTK_INVALID_LIST_POSITION);
      return;
    }
  title = g_strdup_printf (_("%s (not in the database)"), id);
  unknown = cc_material_item_new_header (title, 0);
  g_object_set_data_full (G_OBJECT (unknown), "unknown-id", g_strdup (id), g_free);
  g_list_store_append (G_LIST_STORE (model), unknown);
  gtk_drop_down_set_selected (dropdown, n);
}
