/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every field of the design format × every kind of bad value.
 *
 * The fields are found by walking a valid document that has every optional
 * part, so a field added to the format is covered without editing this
 * file. Each (field, fault) pair must either be refused with one clear
 * error that names the field's JSON path (by the loader or by validation),
 * or be listed in accepted[] below, which is therefore the format's list of
 * legitimate defaults and edge values. An accepted case must load, validate
 * and hold no NaN; a listed case that is refused fails too, so the list
 * cannot rot.
 */
#include "cc-design.h"
#include "cc-json-util.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "robust-common.h"

typedef enum {
  F_WRONG_TYPE   = 1 << 0,   /* a string for a number, a number for a string, ... */
  F_BOOLEAN      = 1 << 1,   /* true */
  F_NAN          = 1 << 2,   /* the token NaN (not JSON) */
  F_INFINITY     = 1 << 3,   /* 1e999, which overflows to infinity */
  F_NEGATIVE     = 1 << 4,   /* -1 */
  F_ZERO         = 1 << 5,   /* 0 */
  F_HUGE         = 1 << 6,   /* 1e300; a 100 000-character string; a 10 000-element array */
  F_EMPTY        = 1 << 7,   /* "" */
  F_UNKNOWN_ID   = 1 << 8,   /* a material id that does not exist */
  F_OTHER_TEXT   = 1 << 9,   /* a word that is no allowed value (enumerations, format) */
  F_MISSING      = 1 << 10,  /* the member removed */
  F_NULL         = 1 << 11,  /* null */
  F_DUPLICATE    = 1 << 12,  /* the member written twice */
  F_DEEP         = 1 << 13,  /* 200 nested arrays */
  F_LATIN1       = 1 << 14,  /* text in ISO-8859-1, not UTF-8 */
  F_N_FAULTS     = 15
} Fault;

static const char * const fault_names[F_N_FAULTS] = {
  "wrong type", "boolean", "NaN", "infinity", "negative", "zero", "huge", "empty string",
  "unknown material id", "unknown word", "missing", "null", "duplicated key",
  "deeply nested", "Latin-1 text",
};

typedef struct {
  const char *path;      /* g_pattern_match_simple() pattern */
  guint       faults;
  const char *why;
} Accepted;

/* What the format legitimately accepts. Everything else must be refused. */
static const Accepted accepted[] = {
  { "name",                       F_MISSING | F_NULL | F_EMPTY | F_HUGE | F_OTHER_TEXT, "optional free text" },
  { "description",                F_MISSING | F_NULL | F_EMPTY | F_HUGE | F_OTHER_TEXT, "optional free text" },
  { "components[*].spread",       F_MISSING | F_NULL | F_ZERO, "optional; 0 = monodisperse" },
  { "components[*].morphology",   F_MISSING | F_NULL, "optional; default sphere" },
  { "components[*].coating",      F_MISSING | F_NULL, "optional: an uncoated particle" },
  { "process.pressure_MPa",       F_ZERO, "0 = not pressed (slurry casting, infiltration)" },
  { "process.temperature_C",      F_MISSING | F_NULL | F_ZERO | F_NEGATIVE, "optional, default 25 °C; valid from −50 °C" },
  { "process.stack_pressure_MPa", F_MISSING | F_NULL | F_ZERO, "optional; 0 = cycled without stack pressure" },
  { "cell.thickness_um",          F_MISSING | F_NULL | F_ZERO, "0 or absent: the areal loading sets the thickness" },
  { "cell.area_cm2",              F_MISSING | F_NULL, "optional, default 0.785 cm² (10 mm die)" },
  { "cell.interlayer",            F_MISSING | F_NULL, "optional layer" },
  { "protocol.voltage_min_V",     F_ZERO, "a 0 V discharge cut-off is legal" },
  { "protocol.c_rates",           F_MISSING | F_NULL, "optional, default rates" },
  { "protocol.cycling_c_rate",    F_MISSING | F_NULL, "optional, default 0.2 C" },
  { "protocol.temperature_C",     F_MISSING | F_NULL | F_ZERO | F_NEGATIVE, "optional, default 25 °C; valid from −40 °C" },
  { "protocol.cycles",            F_MISSING | F_NULL, "optional, default 500" },
  { "simulation",                 F_MISSING | F_NULL, "optional, default settings" },
  { "simulation.particles",       F_MISSING | F_NULL, "optional, default 10 000" },
  { "simulation.seed",            F_MISSING | F_NULL | F_ZERO, "optional; any seed" },
};

/* One field of the walked document: its JSON path and how to reach it. */
typedef struct {
  char      *path;
  GStrv      steps;       /* member names, or "#N" for array elements */
  JsonNode  *value;       /* in the base tree */
  gboolean   is_material; /* a string naming a material of the database */
} Field;

static void
field_free (Field *f)
{
  g_free (f->path);
  g_strfreev (f->steps);
  g_free (f);
}

static void
walk (JsonNode   *node,
      const char *path,
      GPtrArray  *steps,
      GPtrArray  *fields)
{
  if (steps->len > 0)
    {
      Field *f = g_new0 (Field, 1);

      f->path = g_strdup (path);
      g_ptr_array_add (steps, NULL);
      f->steps = g_strdupv ((char **) steps->pdata);
      g_ptr_array_remove_index (steps, steps->len - 1);
      f->value = node;
      f->is_material = JSON_NODE_HOLDS_VALUE (node)
                       && json_node_get_value_type (node) == G_TYPE_STRING
                       && cc_material_db_lookup (cc_material_db_get_default (),
                                                 json_node_get_string (node)) != NULL;
      g_ptr_array_add (fields, f);
    }

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(GList) members = json_object_get_members (json_node_get_object (node));

      for (GList *l = members; l != NULL; l = l->next)
        {
          g_autofree char *child = cc_json_path_join (path, l->data);

          g_ptr_array_add (steps, g_strdup (l->data));
          walk (json_object_get_member (json_node_get_object (node), l->data), child, steps, fields);
          g_ptr_array_remove_index (steps, steps->len - 1);
        }
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *child = g_strdup_printf ("%s[%u]", path, i);

          g_ptr_array_add (steps, g_strdup_printf ("#%u", i));
          walk (json_array_get_element (array, i), child, steps, fields);
          g_ptr_array_remove_index (steps, steps->len - 1);
        }
    }
}

/* The base document: the default design with every optional part present. */
static JsonNode *
base_document (void)
{
  g_autoptr(CcDesign) d = cc_design_new_default ();
  g_autoptr(GError) error = NULL;

  d->cell.interlayer_id = g_strdup ("nyzc");
  d->cell.interlayer_thickness_um = 5;
  g_assert_true (cc_design_validate (d, cc_material_db_get_default (), &error));
  g_assert_no_error (error);
  return cc_design_to_json_node (d);
}

/* Sentinel strings are put into the tree and replaced in the text by what
 * json-glib cannot build (NaN, a key twice, bytes that are not UTF-8). */
#define SENTINEL "\"@@robust-sentinel@@\""
#define DUP_KEY  "@@robust-duplicate@@"

static char *
replace_once (const char *text,
              const char *what,
              const char *with)
{
  const char *at = strstr (text, what);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, with, at + strlen (what));
}

static JsonNode *
node_from_text (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

/* The replacement node for a fault, or NULL when the fault is "remove"; sets
 * *text_with to the text that replaces SENTINEL afterwards (or NULL).
 * Returns FALSE if the fault does not apply to this field. */
static gboolean
fault_value (const Field  *f,
             Fault         fault,
             JsonNode    **out,
             char        **text_with)
{
  gboolean is_number = JSON_NODE_HOLDS_VALUE (f->value)
                       && (json_node_get_value_type (f->value) == G_TYPE_DOUBLE
                           || json_node_get_value_type (f->value) == G_TYPE_INT64);
  gboolean is_string = JSON_NODE_HOLDS_VALUE (f->value)
                       && json_node_get_value_type (f->value) == G_TYPE_STRING;

  *out = NULL;
  *text_with = NULL;
  switch (fault)
    {
    case F_WRONG_TYPE:
      *out = node_from_text (is_string ? "42" : JSON_NODE_HOLDS_OBJECT (f->value) ? "[1]"
                             : JSON_NODE_HOLDS_ARRAY (f->value) ? "{\"x\": 1}" : "\"abc\"");
      return TRUE;
    case F_BOOLEAN:
      *out = node_from_text ("true");
      return TRUE;
    case F_NAN:
    case F_INFINITY:
    case F_DEEP:
      *out = node_from_text (SENTINEL);
      if (fault == F_DEEP)
        {
          GString *deep = g_string_new (NULL);
          for (int i = 0; i < 200; i++)
            g_string_append_c (deep, '[');
          for (int i = 0; i < 200; i++)
            g_string_append_c (deep, ']');
          *text_with = g_string_free (deep, FALSE);
        }
      else
        *text_with = g_strdup (fault == F_NAN ? "NaN" : "1e999");
      return TRUE;
    case F_NEGATIVE:
    case F_ZERO:
      if (!is_number)
        return FALSE;
      *out = node_from_text (fault == F_ZERO ? "0" : "-1");
      return TRUE;
    case F_HUGE:
      if (is_number)
        *out = node_from_text ("1e300");
      else if (is_string)
        {
          g_autofree char *s = g_strnfill (100000, 'x');
          *out = json_node_init_string (json_node_alloc (), s);
        }
      else if (JSON_NODE_HOLDS_ARRAY (f->value) && json_array_get_length (json_node_get_array (f->value)) > 0)
        {
          JsonArray *a = json_array_new ();
          JsonNode *first = json_array_get_element (json_node_get_array (f->value), 0);
          for (int i = 0; i < 10000; i++)
            json_array_add_element (a, json_node_copy (first));
          *out = json_node_init_array (json_node_alloc (), a);
          json_array_unref (a);
        }
      else
        return FALSE;
      return TRUE;
    case F_EMPTY:
      *out = json_node_init_string (json_node_alloc (), "");
      return TRUE;
    case F_UNKNOWN_ID:
    case F_OTHER_TEXT:
      if (!is_string || f->is_material != (fault == F_UNKNOWN_ID))
        return FALSE;
      *out = json_node_init_string (json_node_alloc (), fault == F_UNKNOWN_ID ? "unobtainium-42" : "no-such-value");
      return TRUE;
    case F_NULL:
      *out = json_node_init_null (json_node_alloc ());
      return TRUE;
    case F_MISSING:
    case F_DUPLICATE:
      /* Array elements have no key to remove or repeat. */
      return f->steps[g_strv_length (f->steps) - 1][0] != '#';
    case F_LATIN1:
      if (!is_string)
        return FALSE;
      *out = node_from_text (SENTINEL);
      *text_with = g_strdup ("\"caf\xe9\"");
      return TRUE;
    default:
      g_assert_not_reached ();
    }
}

/* The base document's text with one fault applied to one field, or NULL
 * if the fault does not apply. */
static char *
faulty_text (JsonNode    *base,
             const Field *f,
             Fault        fault)
{
  /* json_node_copy() shares objects and arrays: start from a fresh parse. */
  g_autofree char *base_text = cc_json_to_data (base, FALSE, NULL);
  g_autoptr(JsonNode) root = node_from_text (base_text);
  g_autoptr(JsonNode) value = NULL;
  g_autofree char *text_with = NULL;
  g_autofree char *text = NULL;
  JsonNode *parent = root;
  guint n = g_strv_length (f->steps);
  const char *last = f->steps[n - 1];

  if (!fault_value (f, fault, &value, &text_with))
    return NULL;
  for (guint i = 0; i + 1 < n; i++)
    parent = f->steps[i][0] == '#'
             ? json_array_get_element (json_node_get_array (parent), atoi (f->steps[i] + 1))
             : json_object_get_member (json_node_get_object (parent), f->steps[i]);

  if (last[0] == '#')
    {
      JsonArray *a = json_node_get_array (parent);
      guint index = atoi (last + 1);
      GList *elements = json_array_get_elements (a);
      JsonArray *rebuilt = json_array_new ();

      /* JsonArray has no "replace element": rebuild it. */
      for (GList *l = elements; l != NULL; l = l->next)
        json_array_add_element (rebuilt, g_list_position (elements, l) == (int) index
                                         ? json_node_copy (value) : json_node_copy (l->data));
      g_list_free (elements);
      json_node_take_array (parent, rebuilt);
    }
  else if (fault == F_MISSING)
    json_object_remove_member (json_node_get_object (parent), last);
  else if (fault == F_DUPLICATE)
    json_object_set_member (json_node_get_object (parent), DUP_KEY,
                            json_node_copy (json_object_get_member (json_node_get_object (parent), last)));
  else
    json_object_set_member (json_node_get_object (parent), last, json_node_copy (value));

  text = cc_json_to_data (root, TRUE, NULL);
  if (fault == F_DUPLICATE)
    {
      g_autofree char *key = g_strdup_printf ("\"%s\"", last);
      return replace_once (text, "\"" DUP_KEY "\"", key);
    }
  if (text_with != NULL)
    return replace_once (text, SENTINEL, text_with);
  return g_steal_pointer (&text);
}

static const Accepted *
find_accepted (const char *path,
               Fault       fault)
{
  for (guint i = 0; i < G_N_ELEMENTS (accepted); i++)
    if ((accepted[i].faults & fault) && g_pattern_match_simple (accepted[i].path, path))
      return &accepted[i];
  return NULL;
}

static const char *
fault_name (Fault fault)
{
  for (guint i = 0; i < F_N_FAULTS; i++)
    if (fault == (Fault) (1u << i))
      return fault_names[i];
  return "?";
}

static void
check_case (JsonNode    *base,
            const Field *f,
            Fault        fault,
            guint       *n_checked)
{
  g_autofree char *text = faulty_text (base, f, fault);
  g_autoptr(GError) error = NULL;
  g_autoptr(CcDesign) d = NULL;
  const Accepted *ok;
  gboolean valid;

  if (text == NULL)
    return;
  (*n_checked)++;
  ok = find_accepted (f->path, fault);
  d = cc_design_load_from_data (text, -1, &error);
  valid = d != NULL && cc_design_validate (d, cc_material_db_get_default (), &error);

  if (valid && ok == NULL)
    g_error ("%s × %s: accepted, but not listed in accepted[] (if it is legitimate, "
             "list it there with the reason)", f->path, fault_name (fault));
  if (!valid && ok != NULL)
    g_error ("%s × %s: listed in accepted[] (\"%s\") but refused: %s",
             f->path, fault_name (fault), ok->why, error->message);
  if (valid)
    robust_assert_design_finite (d);
  else
    robust_assert_clear_error (error, f->path);
}

static void
test_every_field (void)
{
  g_autoptr(JsonNode) base = base_document ();
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func (g_free);
  guint n_checked = 0;

  walk (base, "", steps, fields);
  /* A sanity floor: the walk must have found the whole format. */
  g_assert_cmpuint (fields->len, >=, 50);

  for (guint i = 0; i < fields->len; i++)
    for (guint k = 0; k < F_N_FAULTS; k++)
      check_case (base, g_ptr_array_index (fields, i), 1u << k, &n_checked);
  g_test_message ("%u fields, %u (field, fault) cases", fields->len, n_checked);
  g_assert_cmpuint (n_checked, >, 10 * fields->len);
}

/* Every entry of accepted[] must match a field of the walked document. */
static void
test_accepted_list_is_live (void)
{
  g_autoptr(JsonNode) base = base_document ();
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func (g_free);

  walk (base, "", steps, fields);
  for (guint a = 0; a < G_N_ELEMENTS (accepted); a++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < fields->len && !found; i++)
        found = g_pattern_match_simple (accepted[a].path, ((Field *) g_ptr_array_index (fields, i))->path);
      if (!found)
        g_error ("accepted[] lists %s, which is no field of the format", accepted[a].path);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/robust/bad-input/every-field", test_every_field);
  g_test_add_func ("/robust/bad-input/accepted-list-is-live", test_accepted_list_is_live);
  return g_test_run ();
}
