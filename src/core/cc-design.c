/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Design documents: construction, copy, JSON reading and writing. Reading
 * checks structure and types and names the JSON path of a bad field; value
 * checks against the materials database are in cc-design-validate.c.
 */
#include "cc-design.h"
#include "cc-json-util.h"
#include "cc-read-file.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

G_DEFINE_QUARK (cc-design-error-quark, cc_design_error)

static const char * const method_names[CC_PROCESS_N_METHODS] = {
  [CC_PROCESS_COLD_PRESS]   = "cold_press",
  [CC_PROCESS_HOT_PRESS]    = "hot_press",
  [CC_PROCESS_CO_SINTERING] = "co_sintering",
  [CC_PROCESS_INFILTRATION] = "infiltration",
  [CC_PROCESS_SLURRY]       = "slurry",
};

const char *
cc_process_method_to_string (CcProcessMethod method)
{
  g_return_val_if_fail (method < CC_PROCESS_N_METHODS, NULL);
  return method_names[method];
}

gboolean
cc_process_method_from_string (const char      *str,
                               CcProcessMethod *out)
{
  for (guint i = 0; i < CC_PROCESS_N_METHODS; i++)
    if (g_strcmp0 (str, method_names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

CcComponent *
cc_component_new (const char *material_id,
                  double      mass_fraction,
                  double      d50_um,
                  double      spread)
{
  CcComponent *c = g_new0 (CcComponent, 1);

  c->material_id = g_strdup (material_id);
  c->mass_fraction = mass_fraction;
  c->d50_um = d50_um;
  c->spread = spread;
  c->morphology = g_strdup ("sphere");
  return c;
}

CcComponent *
cc_component_copy (const CcComponent *self)
{
  CcComponent *c = g_memdup2 (self, sizeof *self);

  c->material_id = g_strdup (self->material_id);
  c->morphology = g_strdup (self->morphology);
  c->coating_id = g_strdup (self->coating_id);
  return c;
}

void
cc_component_free (CcComponent *self)
{
  if (self == NULL)
    return;
  g_free (self->material_id);
  g_free (self->morphology);
  g_free (self->coating_id);
  g_free (self);
}

CcDesign *
cc_design_new (void)
{
  CcDesign *d = g_new0 (CcDesign, 1);
  static const double default_rates[] = { 0.1, 0.2, 0.5, 1.0, 2.0 };

  d->name = g_strdup ("Untitled design");
  d->description = g_strdup ("");
  d->components = g_ptr_array_new_with_free_func ((GDestroyNotify) cc_component_free);

  d->process.method = CC_PROCESS_COLD_PRESS;
  d->process.pressure_MPa = 375;
  d->process.temperature_C = 25;
  d->process.stack_pressure_MPa = 50;

  d->cell.areal_loading_mg_cm2 = 10;
  d->cell.thickness_um = 0;
  d->cell.area_cm2 = 0.785;
  d->cell.separator_id = g_strdup ("na3ps4-cubic");
  d->cell.separator_thickness_um = 500;
  d->cell.anode_id = g_strdup ("na-sn");

  d->protocol.voltage_min_V = 2.0;
  d->protocol.voltage_max_V = 3.6;
  d->protocol.c_rates = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_append_vals (d->protocol.c_rates, default_rates, G_N_ELEMENTS (default_rates));
  d->protocol.cycling_c_rate = 0.2;
  d->protocol.temperature_C = 25;
  d->protocol.cycles = 500;

  d->simulation.particles = 10000;
  d->simulation.seed = 1;
  return d;
}

CcDesign *
cc_design_new_default (void)
{
  CcDesign *d = cc_design_new ();
  CcComponent *cam;

  g_free (d->name);
  d->name = g_strdup ("NaCrO2 | Na3PS4 with NYZC buffer");
  g_free (d->description);
  d->description = g_strdup ("An O3 NaCrO2 composite with a cubic Na3PS4 catholyte; the CAM "
                             "carries a thin Na2.25Y0.25Zr0.75Cl6 halide buffer that keeps the "
                             "sulfide away from the oxidising cathode surface.");

  cam = cc_component_new ("nacro2", 0.66, 5.0, 0.35);
  cam->coating_id = g_strdup ("nyzc");
  cam->coating_thickness_nm = 50;
  g_ptr_array_add (d->components, cam);
  g_ptr_array_add (d->components, cc_component_new ("na3ps4-cubic", 0.30, 2.0, 0.40));
  g_ptr_array_add (d->components, cc_component_new ("acetylene-black", 0.04, 0.08, 0.30));

  d->protocol.voltage_min_V = 2.0 - 0.4;   /* vs Na-Sn (~0.4 V vs Na) */
  d->protocol.voltage_max_V = 3.4 - 0.4;
  return d;
}

CcDesign *
cc_design_copy (const CcDesign *self)
{
  CcDesign *d = g_memdup2 (self, sizeof *self);

  d->name = g_strdup (self->name);
  d->description = g_strdup (self->description);
  d->components = g_ptr_array_new_with_free_func ((GDestroyNotify) cc_component_free);
  for (guint i = 0; i < self->components->len; i++)
    g_ptr_array_add (d->components, cc_component_copy (g_ptr_array_index (self->components, i)));
  d->cell.separator_id = g_strdup (self->cell.separator_id);
  d->cell.anode_id = g_strdup (self->cell.anode_id);
  d->cell.interlayer_id = g_strdup (self->cell.interlayer_id);
  d->protocol.c_rates = g_array_copy (self->protocol.c_rates);
  return d;
}

void
cc_design_free (CcDesign *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->description);
  g_ptr_array_unref (self->components);
  g_free (self->cell.separator_id);
  g_free (self->cell.anode_id);
  g_free (self->cell.interlayer_id);
  g_array_unref (self->protocol.c_rates);
  g_free (self);
}

gboolean
cc_design_equal (const CcDesign *a,
                 const CcDesign *b)
{
  g_autofree char *ja = cc_design_to_data (a, NULL);
  g_autofree char *jb = cc_design_to_data (b, NULL);

  return g_strcmp0 (ja, jb) == 0;
}

gboolean
cc_component_coating_connects_ions (const CcComponent *component,
                                    CcMaterialDb      *db)
{
  const CcMaterial *coat;

  g_return_val_if_fail (component != NULL, FALSE);
  if (component->coating_id == NULL || db == NULL || component->coating_thickness_nm < 5)
    return FALSE;
  coat = cc_material_db_lookup (db, component->coating_id);
  return coat != NULL && cc_material_get (coat, "ionic_conductivity_S_cm", 0) >= 1e-7;
}

const CcComponent *
cc_design_find_component (const CcDesign  *self,
                          CcMaterialDb    *db,
                          CcMaterialClass  klass)
{
  for (guint i = 0; i < self->components->len; i++)
    {
      const CcComponent *c = g_ptr_array_index (self->components, i);
      const CcMaterial *m = cc_material_db_lookup (db, c->material_id);
      if (m != NULL && cc_material_get_class (m) == klass)
        return c;
    }
  return NULL;
}

/* ---- Reading --------------------------------------------------------- */

static const CcJsonErrors *
design_codes (void)
{
  static CcJsonErrors codes;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      codes.domain = CC_DESIGN_ERROR;
      codes.code_type = CC_DESIGN_ERROR_INVALID;
      codes.code_missing = CC_DESIGN_ERROR_MISSING;
      g_once_init_leave (&initialized, 1);
    }
  return &codes;
}

#define CODES design_codes ()

static gboolean
read_material_ref (JsonObject  *obj,
                   const char  *path,
                   const char  *member,
                   char       **id,
                   double      *thickness,
                   const char  *thickness_key,
                   GError     **error)
{
  JsonObject *ref = NULL;
  g_autofree char *rpath = cc_json_path_join (path, member);

  if (!cc_json_get_object (obj, path, member, CC_JSON_OPTIONAL, CODES, &ref, error))
    return FALSE;
  if (ref == NULL)
    return TRUE;
  return cc_json_get_string (ref, rpath, "material", CC_JSON_REQUIRED, CODES, id, error)
         && cc_json_get_double (ref, rpath, thickness_key, CC_JSON_REQUIRED, CODES, thickness, error);
}

static gboolean
read_component (JsonNode     *node,
                const char   *path,
                CcComponent **out,
                GError      **error)
{
  g_autoptr(CcComponent) c = cc_component_new (NULL, NAN, NAN, 0.0);
  JsonObject *obj;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autofree char *what = cc_json_describe (node);
      g_set_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_INVALID,
                   "%s = %s: must be an object", path, what);
      return FALSE;
    }
  obj = json_node_get_object (node);
  if (!cc_json_get_string (obj, path, "material", CC_JSON_REQUIRED, CODES, &c->material_id, error)
      || !cc_json_get_double (obj, path, "mass_fraction", CC_JSON_REQUIRED, CODES, &c->mass_fraction, error)
      || !cc_json_get_double (obj, path, "d50_um", CC_JSON_REQUIRED, CODES, &c->d50_um, error)
      || !cc_json_get_double (obj, path, "spread", CC_JSON_OPTIONAL, CODES, &c->spread, error)
      || !cc_json_get_string (obj, path, "morphology", CC_JSON_OPTIONAL, CODES, &c->morphology, error)
      || !cc_json_get_double (obj, path, "agglomerate_d_um", CC_JSON_OPTIONAL, CODES, &c->agglomerate_d_um, error)
      || !read_material_ref (obj, path, "coating", &c->coating_id, &c->coating_thickness_nm,
                             "thickness_nm", error))
    return FALSE;
  *out = g_steal_pointer (&c);
  return TRUE;
}

static gboolean
read_components (JsonObject  *root,
                 CcDesign    *d,
                 GError     **error)
{
  JsonArray *arr = NULL;

  if (!cc_json_get_array (root, "", "components", CC_JSON_REQUIRED, CODES, &arr, error))
    return FALSE;
  if (json_array_get_length (arr) > CC_DESIGN_MAX_COMPONENTS)
    {
      g_set_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_TOO_LARGE,
                   "components: %u components; a design holds at most %d",
                   json_array_get_length (arr), CC_DESIGN_MAX_COMPONENTS);
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (arr); i++)
    {
      g_autofree char *path = g_strdup_printf ("components[%u]", i);
      CcComponent *c = NULL;

      if (!read_component (json_array_get_element (arr, i), path, &c, error))
        return FALSE;
      g_ptr_array_add (d->components, c);
    }
  return TRUE;
}

static gboolean
read_process (JsonObject  *root,
              CcDesign    *d,
              GError     **error)
{
  JsonObject *obj = NULL;
  g_autofree char *method = NULL;

  if (!cc_json_get_object (root, "", "process", CC_JSON_REQUIRED, CODES, &obj, error))
    return FALSE;
  if (!cc_json_get_string (obj, "process", "method", CC_JSON_REQUIRED, CODES, &method, error)
      || !cc_json_get_double (obj, "process", "pressure_MPa", CC_JSON_REQUIRED, CODES, &d->process.pressure_MPa, error)
      || !cc_json_get_double (obj, "process", "temperature_C", CC_JSON_OPTIONAL, CODES, &d->process.temperature_C, error)
      || !cc_json_get_double (obj, "process", "stack_pressure_MPa", CC_JSON_OPTIONAL, CODES, &d->process.stack_pressure_MPa, error))
    return FALSE;
  if (!cc_process_method_from_string (method, &d->process.method))
    {
      g_autofree char *shown = cc_json_quote (method);
      g_set_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_INVALID,
                   "process.method = %s: must be one of cold_press, hot_press, "
                   "co_sintering, infiltration, slurry", shown);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_cell (JsonObject  *root,
           CcDesign    *d,
           GError     **error)
{
  JsonObject *obj = NULL;

  if (!cc_json_get_object (root, "", "cell", CC_JSON_REQUIRED, CODES, &obj, error))
    return FALSE;
  g_clear_pointer (&d->cell.separator_id, g_free);
  g_clear_pointer (&d->cell.anode_id, g_free);
  d->cell.areal_loading_mg_cm2 = 0;
  d->cell.thickness_um = 0;
  if (!cc_json_get_double (obj, "cell", "areal_loading_mg_cm2", CC_JSON_OPTIONAL, CODES, &d->cell.areal_loading_mg_cm2, error)
      || !cc_json_get_double (obj, "cell", "thickness_um", CC_JSON_OPTIONAL, CODES, &d->cell.thickness_um, error)
      || !cc_json_get_double (obj, "cell", "area_cm2", CC_JSON_OPTIONAL, CODES, &d->cell.area_cm2, error)
      || !read_material_ref (obj, "cell", "separator", &d->cell.separator_id,
                             &d->cell.separator_thickness_um, "thickness_um", error)
      || !cc_json_get_string (obj, "cell", "anode", CC_JSON_REQUIRED, CODES, &d->cell.anode_id, error)
      || !read_material_ref (obj, "cell", "interlayer", &d->cell.interlayer_id,
                             &d->cell.interlayer_thickness_um, "thickness_um", error))
    return FALSE;
  if (d->cell.separator_id == NULL)
    {
      g_set_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_MISSING,
                   "cell.separator: required field is missing");
      return FALSE;
    }
  if (!json_object_has_member (obj, "areal_loading_mg_cm2") && !json_object_has_member (obj, "thickness_um"))
    {
      g_set_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_MISSING,
                   "cell: give areal_loading_mg_cm2 or thickness_um");
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_protocol (JsonObject  *root,
               CcDesign    *d,
               GError     **error)
{
  JsonObject *obj = NULL;
  JsonArray *rates = NULL;
  guint64 cycles = d->protocol.cycles;

  if (!cc_json_get_object (root, "", "protocol", CC_JSON_REQUIRED, CODES, &obj, error))
    return FALSE;
  if (!cc_json_get_double (obj, "protocol", "voltage_min_V", CC_JSON_REQUIRED, CODES, &d->protocol.voltage_min_V, error)
      || !cc_json_get_double (obj, "protocol", "voltage_max_V", CC_JSON_REQUIRED, CODES, &d->protocol.voltage_max_V, error)
      || !cc_json_get_array (obj, "protocol", "c_rates", CC_JSON_OPTIONAL, CODES, &rates, error)
      || !cc_json_get_double (obj, "protocol", "cycling_c_rate", CC_JSON_OPTIONAL, CODES, &d->protocol.cycling_c_rate, error)
      || !cc_json_get_double (obj, "protocol", "temperature_C", CC_JSON_OPTIONAL, CODES, &d->protocol.temperature_C, error)
      || !cc_json_get_uint (obj, "protocol", "cycles", CC_JSON_OPTIONAL, G_MAXUINT32, CODES, &cycles, error))
    return FALSE;
  d->protocol.cycles = (guint) cycles;

  if (rates != NULL)
    {
      if (json_array_get_length (rates) > CC_DESIGN_MAX_C_RATES)
        {
          g_set_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_TOO_LARGE,
                       "protocol.c_rates: %u rates; at most %d", json_array_get_length (rates),
                       CC_DESIGN_MAX_C_RATES);
          return FALSE;
        }
      g_array_set_size (d->protocol.c_rates, 0);
      for (guint i = 0; i < json_array_get_length (rates); i++)
        {
          JsonNode *el = json_array_get_element (rates, i);
          double v;

          if (!JSON_NODE_HOLDS_VALUE (el)
              || (json_node_get_value_type (el) != G_TYPE_DOUBLE && json_node_get_value_type (el) != G_TYPE_INT64)
              || !isfinite (v = json_node_get_double (el)))
            {
              g_autofree char *what = cc_json_describe (el);
              g_set_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_INVALID,
                           "protocol.c_rates[%u] = %s: must be a number", i, what);
              return FALSE;
            }
          g_array_append_val (d->protocol.c_rates, v);
        }
    }
  return TRUE;
}

static gboolean
read_simulation (JsonObject  *root,
                 CcDesign    *d,
                 GError     **error)
{
  JsonObject *obj = NULL;
  guint64 particles = d->simulation.particles;
  guint64 seed = d->simulation.seed;

  if (!cc_json_get_object (root, "", "simulation", CC_JSON_OPTIONAL, CODES, &obj, error))
    return FALSE;
  if (obj == NULL)
    return TRUE;
  if (!cc_json_get_uint (obj, "simulation", "particles", CC_JSON_OPTIONAL, G_MAXUINT32, CODES, &particles, error)
      || !cc_json_get_uint (obj, "simulation", "seed", CC_JSON_OPTIONAL, G_MAXINT64, CODES, &seed, error))
    return FALSE;
  d->simulation.particles = (guint) particles;
  d->simulation.seed = seed;
  return TRUE;
}

CcDesign *
cc_design_from_json_node (gpointer     node_ptr,
                          GError     **error)
{
  JsonNode *node = node_ptr;
  g_autoptr(CcDesign) d = cc_design_new ();
  g_autofree char *format = NULL;
  JsonObject *root;
  guint64 version = 0;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_INVALID,
                   "the document must be a JSON object");
      return NULL;
    }
  root = json_node_get_object (node);

  if (!cc_json_get_string (root, "", "format", CC_JSON_REQUIRED, CODES, &format, error))
    return NULL;
  if (!g_str_equal (format, CC_DESIGN_FORMAT))
    {
      g_autofree char *shown = cc_json_quote (format);
      g_set_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_INVALID,
                   "format = %s: not a Cathode Composer design (expected \"%s\")",
                   shown, CC_DESIGN_FORMAT);
      return NULL;
    }
  if (!cc_json_get_uint (root, "", "version", CC_JSON_REQUIRED, G_MAXUINT32, CODES, &version, error))
    return NULL;
  if (version > CC_DESIGN_FORMAT_VERSION)
    {
      g_set_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_VERSION,
                   "version = %" G_GUINT64_FORMAT ": this file was written by a newer Cathode Composer "
                   "(format version %" G_GUINT64_FORMAT "); this version reads up to %d. "
                   "Update the application to open it.",
                   version, version, CC_DESIGN_FORMAT_VERSION);
      return NULL;
    }
  if (version < 1)
    {
      g_set_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_INVALID,
                   "version = %" G_GUINT64_FORMAT ": must be at least 1", version);
      return NULL;
    }

  if (!cc_json_get_string (root, "", "name", CC_JSON_OPTIONAL, CODES, &d->name, error)
      || !cc_json_get_string (root, "", "description", CC_JSON_OPTIONAL, CODES, &d->description, error)
      || !read_components (root, d, error)
      || !read_process (root, d, error)
      || !read_cell (root, d, error)
      || !read_protocol (root, d, error)
      || !read_simulation (root, d, error))
    return NULL;

  return g_steal_pointer (&d);
}

CcDesign *
cc_design_load_from_data (const char  *data,
                          gssize       length,
                          GError     **error)
{
  CcJsonErrors codes = { CC_DESIGN_ERROR, CC_DESIGN_ERROR_PARSE, CC_DESIGN_ERROR_MISSING };
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (data != NULL, NULL);

  root = cc_json_parse (data, length, CC_DESIGN_MAX_FILE_BYTES, &codes, error);
  if (root == NULL)
    return NULL;
  return cc_design_from_json_node (root, error);
}

CcDesign *
cc_design_load_from_file (const char  *path,
                          GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;
  CcDesign *d;

  contents = cc_read_file_bounded (path, CC_DESIGN_MAX_FILE_BYTES, "a design file", CC_DESIGN_ERROR,
                                   CC_DESIGN_ERROR_IO, CC_DESIGN_ERROR_TOO_LARGE, &length, error);
  if (contents == NULL)
    return NULL;
  d = cc_design_load_from_data (contents, (gssize) length, &local_error);
  if (d == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", path, local_error->message);
      return NULL;
    }
  return d;
}

/* ---- Writing --------------------------------------------------------- */

static void
write_material_ref (JsonBuilder *b,
                    const char  *member,
                    const char  *id,
                    const char  *thickness_key,
                    double       thickness)
{
  if (id == NULL)
    return;
  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "material");
  json_builder_add_string_value (b, id);
  json_builder_set_member_name (b, thickness_key);
  json_builder_add_double_value (b, thickness);
  json_builder_end_object (b);
}

static void
add_double (JsonBuilder *b,
            const char  *member,
            double       value)
{
  json_builder_set_member_name (b, member);
  json_builder_add_double_value (b, value);
}

gpointer
cc_design_to_json_node (const CcDesign *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, CC_DESIGN_FORMAT);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, CC_DESIGN_FORMAT_VERSION);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, self->name ? self->name : "");
  json_builder_set_member_name (b, "description");
  json_builder_add_string_value (b, self->description ? self->description : "");

  json_builder_set_member_name (b, "components");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->components->len; i++)
    {
      const CcComponent *c = g_ptr_array_index (self->components, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "material");
      json_builder_add_string_value (b, c->material_id);
      add_double (b, "mass_fraction", c->mass_fraction);
      add_double (b, "d50_um", c->d50_um);
      add_double (b, "spread", c->spread);
      json_builder_set_member_name (b, "morphology");
      json_builder_add_string_value (b, c->morphology ? c->morphology : "sphere");
      write_material_ref (b, "coating", c->coating_id, "thickness_nm", c->coating_thickness_nm);
      if (c->agglomerate_d_um != 0)
        add_double (b, "agglomerate_d_um", c->agglomerate_d_um);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "process");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "method");
  json_builder_add_string_value (b, cc_process_method_to_string (self->process.method));
  add_double (b, "pressure_MPa", self->process.pressure_MPa);
  add_double (b, "temperature_C", self->process.temperature_C);
  add_double (b, "stack_pressure_MPa", self->process.stack_pressure_MPa);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "cell");
  json_builder_begin_object (b);
  add_double (b, "areal_loading_mg_cm2", self->cell.areal_loading_mg_cm2);
  add_double (b, "thickness_um", self->cell.thickness_um);
  add_double (b, "area_cm2", self->cell.area_cm2);
  write_material_ref (b, "separator", self->cell.separator_id, "thickness_um", self->cell.separator_thickness_um);
  json_builder_set_member_name (b, "anode");
  json_builder_add_string_value (b, self->cell.anode_id ? self->cell.anode_id : "");
  write_material_ref (b, "interlayer", self->cell.interlayer_id, "thickness_um", self->cell.interlayer_thickness_um);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "protocol");
  json_builder_begin_object (b);
  add_double (b, "voltage_min_V", self->protocol.voltage_min_V);
  add_double (b, "voltage_max_V", self->protocol.voltage_max_V);
  json_builder_set_member_name (b, "c_rates");
  json_builder_begin_array (b);
  for (guint i = 0; i < self->protocol.c_rates->len; i++)
    json_builder_add_double_value (b, g_array_index (self->protocol.c_rates, double, i));
  json_builder_end_array (b);
  add_double (b, "cycling_c_rate", self->protocol.cycling_c_rate);
  add_double (b, "temperature_C", self->protocol.temperature_C);
  json_builder_set_member_name (b, "cycles");
  json_builder_add_int_value (b, self->protocol.cycles);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "simulation");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "particles");
  json_builder_add_int_value (b, self->simulation.particles);
  json_builder_set_member_name (b, "seed");
  json_builder_add_int_value (b, (gint64) self->simulation.seed);
  json_builder_end_object (b);

  json_builder_end_object (b);
  return json_builder_get_root (b);
}

char *
cc_design_to_data (const CcDesign *self,
                   gsize          *length)
{
  g_autoptr(JsonNode) root = cc_design_to_json_node (self);

  return cc_json_to_data (root, TRUE, length);
}

gboolean
cc_design_save_to_file (const CcDesign  *self,
                        const char      *path,
                        GError         **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  data = cc_design_to_data (self, &length);
  /* Never replace a good file with one that cannot be opened: a number
   * the format cannot hold (NaN, infinity, set by code rather than read
   * from a file) must fail here, leaving the old file. */
  {
    g_autoptr(CcDesign) check = cc_design_load_from_data (data, (gssize) length, &local_error);

    if (check == NULL)
      {
        g_set_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_INVALID,
                     "%s: not saved, the design would not open again: %s",
                     path, local_error->message);
        return FALSE;
      }
  }
  /* g_file_replace_contents writes a temporary file, fsyncs it and renames it
   * over the target: the file on disk is always the old or the new document. */
  if (!g_file_replace_contents (file, data, length, NULL, FALSE,
                                G_FILE_CREATE_NONE, NULL, NULL, &local_error))
    {
      g_set_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_IO,
                   "%s: could not save: %s", path, local_error->message);
      return FALSE;
    }
  return TRUE;
}
