/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Names of sweep metrics and of design fields, typeset for charts: a path
 * such as components[material=nacro2].mass_fraction reads as
 * "NaCrO₂ mass fraction", process.pressure_MPa as "Fabrication pressure
 * (MPa)". Unknown fields fall back to their key with the unit read off its
 * suffix, so a new field still gets a usable label.
 */
#include "cc-chart-sweep.h"
#include "cc-sweep-metrics.h"
#include "cc-ticks.h"

#include <string.h>

typedef struct {
  const char *key;
  const char *title;
  const char *unit;
  gboolean    log;
} MetricLabel;

static const MetricLabel metric_labels[CC_SWEEP_MAP_N_METRICS] = {
  { "active_cam_fraction", "Active CAM fraction", "", FALSE },
  { "sigma_ion_eff_S_per_cm", "Effective ionic conductivity", "S cm<sup>−1</sup>", TRUE },
  { "sigma_e_eff_S_per_cm", "Effective electronic conductivity", "S cm<sup>−1</sup>", TRUE },
  { "initial_capacity_mAh_g", "Initial discharge capacity", "mAh g<sup>−1</sup><sub>CAM</sub>", FALSE },
  { "energy_Wh_per_kg_composite", "Specific energy of the composite", "Wh kg<sup>−1</sup>", FALSE },
  { "retention_at_n_cycles", NULL, "", FALSE },
  { "limiting_mechanism", "Limiting mechanism", "", FALSE },
};

const char *
cc_sweep_metric_key (guint metric)
{
  g_return_val_if_fail (metric < CC_SWEEP_MAP_N_METRICS, NULL);
  return metric_labels[metric].key;
}

char *
cc_sweep_metric_title (guint metric,
                       guint cycles)
{
  g_return_val_if_fail (metric < CC_SWEEP_MAP_N_METRICS, NULL);
  if (metric_labels[metric].title != NULL)
    return g_strdup (metric_labels[metric].title);
  return cycles > 0 ? g_strdup_printf ("Capacity retention after %u cycles", cycles)
                    : g_strdup ("Capacity retention after N cycles");
}

const char *
cc_sweep_metric_unit (guint metric)
{
  g_return_val_if_fail (metric < CC_SWEEP_MAP_N_METRICS, NULL);
  return metric_labels[metric].unit;
}

static char *
with_unit (char       *title,
           const char *unit)
{
  char *out;

  if (unit == NULL || *unit == '\0')
    return title;
  out = g_strdup_printf ("%s (%s)", title, unit);
  g_free (title);
  return out;
}

char *
cc_sweep_metric_axis_title (guint metric,
                            guint cycles)
{
  return with_unit (cc_sweep_metric_title (metric, cycles), cc_sweep_metric_unit (metric));
}

gboolean
cc_sweep_metric_is_log (guint metric)
{
  g_return_val_if_fail (metric < CC_SWEEP_MAP_N_METRICS, FALSE);
  return metric_labels[metric].log;
}

char *
cc_sweep_mechanism_label (const char *id)
{
  char *out;

  if (id == NULL)
    return g_strdup ("none reported");
  if (g_str_equal (id, "none"))
    return g_strdup ("no limiting mechanism");
  out = g_strdup (id);
  g_strdelimit (out, "-_", ' ');
  return out;
}

/* ---- design fields -------------------------------------------------------- */

typedef struct {
  const char *field;     /* a whole path, or ".leaf" for any holder */
  const char *title;
  const char *unit;
} FieldLabel;

static const FieldLabel field_labels[] = {
  { "process.pressure_MPa", "Fabrication pressure", "MPa" },
  { "process.temperature_C", "Fabrication temperature", "°C" },
  { "process.stack_pressure_MPa", "Stack pressure", "MPa" },
  { "process.method", "Fabrication method", "" },
  { "cell.areal_loading_mg_cm2", "Areal loading", "mg cm<sup>−2</sup>" },
  { "cell.thickness_um", "Cathode thickness", "µm" },
  { "cell.area_cm2", "Cell area", "cm<sup>2</sup>" },
  { "cell.separator.material", "Separator electrolyte", "" },
  { "cell.separator.thickness_um", "Separator thickness", "µm" },
  { "cell.anode", "Anode", "" },
  { "cell.interlayer.material", "Interlayer", "" },
  { "cell.interlayer.thickness_um", "Interlayer thickness", "µm" },
  { "protocol.voltage_min_V", "Lower cut-off voltage", "V" },
  { "protocol.voltage_max_V", "Upper cut-off voltage", "V" },
  { "protocol.cycling_c_rate", "Cycling rate", "C" },
  { "protocol.temperature_C", "Test temperature", "°C" },
  { "protocol.cycles", "Cycles", "" },
  { "simulation.particles", "Particles", "" },
  { "simulation.seed", "Seed", "" },
  { ".mass_fraction", "mass fraction", "" },
  { ".d50_um", "d<sub>50</sub>", "µm" },
  { ".spread", "size spread σ", "" },
  { ".morphology", "shape", "" },
  { ".coating.material", "coating", "" },
  { ".coating.thickness_nm", "coating thickness", "nm" },
  { ".agglomerate_d_um", "agglomerate size", "µm" },
  { ".material", "", "" },
};

/* Unit suffixes of keys without an entry above. */
static const struct {
  const char *suffix;
  const char *unit;
} suffixes[] = {
  { "_um", "µm" }, { "_nm", "nm" }, { "_MPa", "MPa" }, { "_C", "°C" }, { "_V", "V" },
  { "_mg_cm2", "mg cm<sup>−2</sup>" }, { "_cm2", "cm<sup>2</sup>" }, { "_g_cm3", "g cm<sup>−3</sup>" },
};

static const FieldLabel *
find_field (const char  *path,
            const char **holder_end)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    {
      const char *f = field_labels[i].field;

      if (f[0] != '.')
        {
          if (g_str_equal (path, f))
            {
              *holder_end = path;
              return &field_labels[i];
            }
        }
      else if (g_str_has_suffix (path, f))
        {
          *holder_end = path + strlen (path) - strlen (f);
          return &field_labels[i];
        }
    }
  return NULL;
}

const char *
cc_sweep_path_unit (const char *path)
{
  const char *end;
  const FieldLabel *f;

  g_return_val_if_fail (path != NULL, "");
  f = find_field (path, &end);
  if (f != NULL)
    return f->unit;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (path, suffixes[i].suffix))
      return suffixes[i].unit;
  return "";
}

static char *
material_markup (const char   *id,
                 CcMaterialDb *db)
{
  const CcMaterial *m = db != NULL && id != NULL ? cc_material_db_lookup (db, id) : NULL;

  return m != NULL ? g_strdup (cc_material_get_markup (m)) : g_markup_escape_text (id ? id : "?", -1);
}

/* "components[material=ID]" or "components[I]" → the component's name. */
static char *
holder_name (const char     *holder,
             gsize           len,
             const CcDesign *base,
             CcMaterialDb   *db)
{
  g_autofree char *h = g_strndup (holder, len);
  guint64 index;

  if (g_str_has_prefix (h, "components[material=") && g_str_has_suffix (h, "]"))
    {
      h[len - 1] = '\0';
      return material_markup (h + strlen ("components[material="), db);
    }
  if (g_str_has_prefix (h, "components[") && g_str_has_suffix (h, "]"))
    {
      h[len - 1] = '\0';
      if (g_ascii_string_to_unsigned (h + strlen ("components["), 10, 0, 1000, &index, NULL))
        {
          if (base != NULL && index < base->components->len)
            return material_markup (((CcComponent *) g_ptr_array_index (base->components, index))->material_id, db);
          return g_strdup_printf ("Component %u", (guint) index + 1);
        }
    }
  return g_markup_escape_text (h, -1);
}

/* An axis over the material of a component names the component's role, not
 * the base design's material (which the axis replaces). */
static char *
material_axis_title (const char     *holder,
                     gsize           len,
                     const CcDesign *base,
                     CcMaterialDb   *db)
{
  static const char * const roles[CC_MATERIAL_N_CLASSES] = {
    [CC_MATERIAL_CLASS_CAM] = "Active material", [CC_MATERIAL_CLASS_SE] = "Solid electrolyte",
    [CC_MATERIAL_CLASS_CARBON] = "Conductive carbon", [CC_MATERIAL_CLASS_BINDER] = "Binder",
    [CC_MATERIAL_CLASS_INTERLAYER] = "Coating", [CC_MATERIAL_CLASS_ANODE] = "Anode",
  };
  g_autofree char *h = g_strndup (holder, len);
  const char *id = NULL;
  const CcMaterial *m;
  guint64 index;

  if (g_str_has_prefix (h, "components[material=") && len > strlen ("components[material=]"))
    {
      h[len - 1] = '\0';
      id = h + strlen ("components[material=");
    }
  else if (g_str_has_prefix (h, "components[") && len > strlen ("components[]") && base != NULL)
    {
      h[len - 1] = '\0';
      if (g_ascii_string_to_unsigned (h + strlen ("components["), 10, 0, 1000, &index, NULL)
          && index < base->components->len)
        id = ((CcComponent *) g_ptr_array_index (base->components, index))->material_id;
    }
  m = id != NULL && db != NULL ? cc_material_db_lookup (db, id) : NULL;
  if (m != NULL && roles[cc_material_get_class (m)] != NULL)
    return g_strdup (roles[cc_material_get_class (m)]);
  return g_strdup ("Material");
}

char *
cc_sweep_path_title (const char     *path,
                     const CcDesign *base,
                     CcMaterialDb   *db)
{
  return with_unit (cc_sweep_path_name (path, base, db), cc_sweep_path_unit (path));
}

char *
cc_sweep_path_name (const char     *path,
                    const CcDesign *base,
                    CcMaterialDb   *db)
{
  const char *end = NULL;
  const FieldLabel *f;
  g_autofree char *title = NULL;
  const char *leaf;

  g_return_val_if_fail (path != NULL, NULL);
  f = find_field (path, &end);
  if (f != NULL && end == path)
    title = g_strdup (f->title);
  else if (f != NULL)
    {
      g_autofree char *holder = holder_name (path, end - path, base, db);

      title = *f->title != '\0' ? g_strdup_printf ("%s %s", holder, f->title)
                                : material_axis_title (path, end - path, base, db);
    }
  else
    {
      leaf = strrchr (path, '.');
      title = g_markup_escape_text (leaf != NULL ? leaf + 1 : path, -1);
      g_strdelimit (title, "_", ' ');
    }
  return g_steal_pointer (&title);
}

char *
cc_sweep_value_markup (const char   *path,
                       gboolean      numeric,
                       double        number,
                       const char   *label,
                       CcMaterialDb *db)
{
  const char *unit;
  g_autofree char *num = NULL;

  if (!numeric)
    return label != NULL ? material_markup (label, db) : g_strdup ("none");
  unit = cc_sweep_path_unit (path);
  num = cc_format_number_markup (number, 4);
  return *unit != '\0' ? g_strdup_printf ("%s %s", num, unit) : g_steal_pointer (&num);
}
