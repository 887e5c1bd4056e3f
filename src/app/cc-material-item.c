/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-material-item.h"
#include "cc-units.h"

#include <glib/gi18n.h>
#include <pango/pango.h>
#include <string.h>

struct _CcMaterialItem {
  GObject             parent_instance;
  CcMaterialItemKind  kind;
  const CcMaterial   *material;
  char               *title;
  char               *markup;
  char               *summary;
  char               *haystack;   /* casefolded search text */
  guint               group;
};

G_DEFINE_FINAL_TYPE (CcMaterialItem, cc_material_item, G_TYPE_OBJECT)

static void
cc_material_item_finalize (GObject *object)
{
  CcMaterialItem *self = CC_MATERIAL_ITEM (object);

  g_free (self->title);
  g_free (self->markup);
  g_free (self->summary);
  g_free (self->haystack);
  G_OBJECT_CLASS (cc_material_item_parent_class)->finalize (object);
}

static void
cc_material_item_class_init (CcMaterialItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cc_material_item_finalize;
}

static void
cc_material_item_init (CcMaterialItem *self)
{
}

static const struct {
  const char *family;
  const char *title;
} family_titles[] = {
  { "layered_oxide", N_("Layered oxides") },
  { "tunnel_oxide", N_("Tunnel oxides") },
  { "polyanion", N_("Polyanions") },
  { "prussian_blue", N_("Prussian blue analogues") },
  { "sulfide_insertion", N_("Sulfide insertion hosts") },
  { "sulfide_conversion", N_("Sulfide conversion") },
  { "halide_conversion", N_("Halide conversion") },
  { "conversion", N_("Conversion") },
  { "organic", N_("Organics") },
  { "sulfide", N_("Sulfides") },
  { "oxide", N_("Oxides") },
  { "halide", N_("Halides") },
  { "hydride", N_("Hydrides") },
};

char *
cc_material_group_title (const CcMaterial *material)
{
  CcMaterialClass klass = cc_material_get_class (material);
  const char *family = cc_material_get_family (material);
  g_autofree char *fallback = NULL;
  const char *family_title = NULL;
  const char *prefix;

  switch (klass)
    {
    case CC_MATERIAL_CLASS_CAM:
      prefix = _("Active materials");
      break;
    case CC_MATERIAL_CLASS_SE:
      prefix = _("Solid electrolytes");
      break;
    case CC_MATERIAL_CLASS_CARBON:
      return g_strdup (_("Conductive carbons"));
    case CC_MATERIAL_CLASS_BINDER:
      return g_strdup (_("Binders"));
    case CC_MATERIAL_CLASS_INTERLAYER:
      return g_strdup (_("Coatings and interlayers"));
    case CC_MATERIAL_CLASS_ANODE:
    case CC_MATERIAL_N_CLASSES:
    default:
      return g_strdup (_("Anodes"));
    }

  for (guint i = 0; family != NULL && i < G_N_ELEMENTS (family_titles); i++)
    if (g_str_equal (family, family_titles[i].family))
      family_title = _(family_titles[i].title);
  if (family_title == NULL && family != NULL && *family != '\0')
    {
      fallback = g_strdelimit (g_strdup (family), "_", ' ');
      fallback[0] = g_ascii_toupper (fallback[0]);
      family_title = fallback;
    }
  if (family_title == NULL)
    return g_strdup (prefix);
  return g_strdup_printf ("%s · %s", prefix, family_title);
}

static char *
window_text (const CcMaterial *m)
{
  const char *lo_key = cc_material_has (m, "apparent_reduction_limit_V") ? "apparent_reduction_limit_V"
                                                                          : "reduction_limit_V";
  const char *hi_key = cc_material_has (m, "apparent_oxidation_limit_V") ? "apparent_oxidation_limit_V"
                                                                          : "oxidation_limit_V";
  g_autofree char *lo = NULL;
  g_autofree char *hi = NULL;

  if (!cc_material_has (m, lo_key) || !cc_material_has (m, hi_key))
    return NULL;
  lo = g_strdup_printf ("%.1f", cc_material_get (m, lo_key, 0));
  hi = g_strdup_printf ("%.1f", cc_material_get (m, hi_key, 0));
  return g_strdup_printf ("%s–%s V", lo, hi);
}

static char *
summary_for (const CcMaterial *m)
{
  GPtrArray *parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  const char *cap_key = cc_material_has (m, "practical_capacity_mAh_g") ? "practical_capacity_mAh_g"
                                                                         : "theoretical_capacity_mAh_g";

  switch (cc_material_get_class (m))
    {
    case CC_MATERIAL_CLASS_CAM:
      if (cc_material_has (m, cap_key))
        g_ptr_array_add (parts, cc_units_format_with_unit (cc_material_get (m, cap_key, 0), cap_key, 3));
      if (cc_material_has (m, "average_voltage_V"))
        g_ptr_array_add (parts, g_strdup_printf ("%.1f V", cc_material_get (m, "average_voltage_V", 0)));
      break;
    case CC_MATERIAL_CLASS_SE:
    case CC_MATERIAL_CLASS_INTERLAYER:
      if (cc_material_has (m, "ionic_conductivity_S_cm"))
        g_ptr_array_add (parts, cc_units_format_with_unit (cc_material_get (m, "ionic_conductivity_S_cm", 0),
                                                           "ionic_conductivity_S_cm", 2));
      {
        char *w = window_text (m);
        if (w != NULL)
          g_ptr_array_add (parts, w);
      }
      break;
    case CC_MATERIAL_CLASS_CARBON:
      if (cc_material_has (m, "electronic_conductivity_S_cm"))
        g_ptr_array_add (parts, cc_units_format_with_unit (cc_material_get (m, "electronic_conductivity_S_cm", 0),
                                                           "electronic_conductivity_S_cm", 2));
      break;
    case CC_MATERIAL_CLASS_BINDER:
    case CC_MATERIAL_CLASS_ANODE:
    case CC_MATERIAL_N_CLASSES:
    default:
      if (cc_material_has (m, "density_g_cm3"))
        g_ptr_array_add (parts, cc_units_format_with_unit (cc_material_get (m, "density_g_cm3", 0),
                                                           "density_g_cm3", 3));
      break;
    }
  g_ptr_array_add (parts, NULL);
  /* One number per line: the palette column is narrow. */
  joined = g_strjoinv ("\n", (char **) parts->pdata);
  g_ptr_array_unref (parts);
  return g_steal_pointer (&joined);
}

CcMaterialItem *
cc_material_item_new (const CcMaterial *material,
                      guint             group)
{
  CcMaterialItem *self;
  const char *markup;
  g_autofree char *raw = NULL;

  g_return_val_if_fail (material != NULL, NULL);

  self = g_object_new (CC_TYPE_MATERIAL_ITEM, NULL);
  self->kind = CC_MATERIAL_ITEM_MATERIAL;
  self->material = material;
  self->group = group;
  self->title = g_strdup (cc_material_get_name (material));
  markup = cc_material_get_markup (material);
  /* The loader falls back to the escaped formula: typeset that ourselves. */
  if (markup != NULL && strchr (markup, '<') != NULL
      && pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, NULL))
    self->markup = cc_units_markup_for_labels (markup);
  else
    {
      g_autofree char *typeset = cc_units_formula_markup (cc_material_get_formula (material));
      self->markup = cc_units_markup_for_labels (typeset);
    }
  self->summary = summary_for (material);
  raw = g_strjoin (" ", cc_material_get_id (material), cc_material_get_name (material),
                   cc_material_get_formula (material),
                   cc_material_get_family (material) ? cc_material_get_family (material) : "",
                   NULL);
  self->haystack = g_utf8_casefold (raw, -1);
  return self;
}

CcMaterialItem *
cc_material_item_new_header (const char *title,
                             guint       group)
{
  CcMaterialItem *self = g_object_new (CC_TYPE_MATERIAL_ITEM, NULL);

  self->kind = CC_MATERIAL_ITEM_HEADER;
  self->title = g_strdup (title);
  self->markup = g_markup_escape_text (title, -1);
  self->summary = g_strdup ("");
  self->haystack = g_strdup ("");
  self->group = group;
  return self;
}

CcMaterialItem *
cc_material_item_new_none (const char *title)
{
  CcMaterialItem *self = cc_material_item_new_header (title, 0);

  self->kind = CC_MATERIAL_ITEM_NONE;
  return self;
}

CcMaterialItemKind
cc_material_item_get_kind (CcMaterialItem *self)
{
  g_return_val_if_fail (CC_IS_MATERIAL_ITEM (self), CC_MATERIAL_ITEM_NONE);
  return self->kind;
}

const CcMaterial *
cc_material_item_get_material (CcMaterialItem *self)
{
  g_return_val_if_fail (CC_IS_MATERIAL_ITEM (self), NULL);
  return self->material;
}

const char *
cc_material_item_get_id (CcMaterialItem *self)
{
  g_return_val_if_fail (CC_IS_MATERIAL_ITEM (self), NULL);
  return self->material ? cc_material_get_id (self->material) : NULL;
}

const char *
cc_material_item_get_title (CcMaterialItem *self)
{
  g_return_val_if_fail (CC_IS_MATERIAL_ITEM (self), NULL);
  return self->title;
}

const char *
cc_material_item_get_markup (CcMaterialItem *self)
{
  g_return_val_if_fail (CC_IS_MATERIAL_ITEM (self), NULL);
  return self->markup;
}

guint
cc_material_item_get_group (CcMaterialItem *self)
{
  g_return_val_if_fail (CC_IS_MATERIAL_ITEM (self), 0);
  return self->group;
}

const char *
cc_material_item_get_summary (CcMaterialItem *self)
{
  g_return_val_if_fail (CC_IS_MATERIAL_ITEM (self), NULL);
  return self->summary;
}

gboolean
cc_material_item_matches (CcMaterialItem *self,
                          const char     *needle)
{
  g_return_val_if_fail (CC_IS_MATERIAL_ITEM (self), FALSE);

  if (needle == NULL || *needle == '\0')
    return TRUE;
  return self->kind == CC_MATERIAL_ITEM_MATERIAL && strstr (self->haystack, needle) != NULL;
}
