/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Faults of a whole design document rather than of one field: truncation,
 * encodings, size and nesting, versions, several documents in one file,
 * fractions that do not sum to one, and the resource limits. Each must give
 * one clear error (robust_assert_clear_error), never a crash or a hang.
 */
#include "cc-design.h"
#include "cc-eis-csv.h"
#include "cc-measured.h"
#include "cc-json-util.h"
#include "cc-sweep.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>

#include "robust-common.h"

static CcDesign *
full_design (void)
{
  CcDesign *d = cc_design_new_default ();

  d->cell.interlayer_id = g_strdup ("nyzc");
  d->cell.interlayer_thickness_um = 5;
  return d;
}

static char *
full_text (void)
{
  g_autoptr(CcDesign) d = full_design ();
  return cc_design_to_data (d, NULL);
}

/* Loads and validates; returns the error (NULL if the document is fine). */
static GError *
load_error (const char *text,
            gssize      length)
{
  g_autoptr(CcDesign) d = NULL;
  GError *error = NULL;

  d = cc_design_load_from_data (text, length, &error);
  if (d != NULL)
    cc_design_validate (d, cc_material_db_get_default (), &error);
  return error;
}

static void
assert_refused (const char *text,
                gssize      length,
                const char *path,
                const char *fragment)
{
  g_autoptr(GError) error = load_error (text, length);

  if (error == NULL)
    g_error ("accepted: %.300s", text);
  robust_assert_clear_error (error, path);
  if (fragment != NULL && strstr (error->message, fragment) == NULL)
    g_error ("expected \"%s\" in: %s", fragment, error->message);
}

/* The full design with one member of the tree replaced (JSON text). */
static char *
with_member (const char *object_path,
             const char *member,
             const char *json)
{
  g_autofree char *text = full_text ();
  g_autoptr(JsonNode) root = json_from_string (text, NULL);
  JsonObject *obj = json_node_get_object (root);

  if (object_path != NULL)
    obj = json_object_get_object_member (obj, object_path);
  json_object_set_member (obj, member, json_from_string (json, NULL));
  return cc_json_to_data (root, TRUE, NULL);
}

static void
test_fractions (void)
{
  static const double scale[] = { 1.2, 0.5, 0.99, 1.01 };

  for (guint k = 0; k < G_N_ELEMENTS (scale); k++)
    {
      g_autoptr(CcDesign) d = full_design ();
      g_autofree char *text = NULL;

      for (guint i = 0; i < d->components->len; i++)
        ((CcComponent *) g_ptr_array_index (d->components, i))->mass_fraction *= scale[k];
      text = cc_design_to_data (d, NULL);
      assert_refused (text, -1, "components[].mass_fraction", "sum");
    }
  {
    /* Within the tolerance is fine: fractions typed with three decimals. */
    g_autoptr(CcDesign) d = full_design ();
    g_autofree char *text = NULL;
    g_autoptr(GError) error = NULL;

    ((CcComponent *) g_ptr_array_index (d->components, 0))->mass_fraction += 0.0005;
    text = cc_design_to_data (d, NULL);
    error = load_error (text, -1);
    g_assert_no_error (error);
  }
}

static void
test_truncated (void)
{
  g_autofree char *text = full_text ();
  gsize len = strlen (text);

  /* Every prefix, on an exactly-sized buffer so an over-read would show
   * under AddressSanitizer. The last byte is a newline: the prefix without
   * it is still the whole document. */
  for (gsize cut = 0; cut + 1 < len; cut++)
    {
      g_autofree char *copy = g_memdup2 (text, MAX (cut, 1));
      assert_refused (copy, (gssize) cut, NULL, NULL);
    }
}

static void
test_encodings (void)
{
  g_autofree char *text = full_text ();
  gsize len = strlen (text);
  g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (text, -1, NULL, NULL, NULL);
  g_autofree gunichar *utf32 = g_utf8_to_ucs4 (text, -1, NULL, NULL, NULL);
  g_autofree char *latin1 = g_convert (text, -1, "ISO-8859-1", "UTF-8", NULL, NULL, NULL);
  g_autofree char *bom = g_strconcat ("\xef\xbb\xbf", text, NULL);
  g_autofree char *utf16_bom = g_malloc (2 * len + 2);
  g_autoptr(CcDesign) with_bom = NULL;
  g_autoptr(CcDesign) plain = NULL;
  g_autoptr(GError) error = NULL;
  char *latin_name;

  /* UTF-16 (little-endian, host order here) with and without its BOM. */
  assert_refused ((const char *) utf16, (gssize) (2 * len), NULL, "UTF-16");
  memcpy (utf16_bom, "\xff\xfe", 2);
  memcpy (utf16_bom + 2, utf16, 2 * len);
  assert_refused (utf16_bom, (gssize) (2 * len + 2), NULL, "UTF-16");
  assert_refused ((const char *) utf32, (gssize) (4 * len), NULL, "UTF-8");

  /* A Latin-1 file: the default design's name has no accent, so put one in. */
  g_assert_nonnull (latin1);
  latin_name = strstr (latin1, "NaCrO2 |");
  g_assert_nonnull (latin_name);
  latin_name[0] = (char) 0xe9;
  assert_refused (latin1, -1, "name", "UTF-8");

  /* A UTF-8 byte-order mark is not an error. */
  with_bom = cc_design_load_from_data (bom, -1, &error);
  g_assert_no_error (error);
  plain = cc_design_load_from_data (text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (cc_design_equal (with_bom, plain));
}

static void
test_size_limit (void)
{
  g_autofree char *text = full_text ();
  gsize len = strlen (text);
  g_autofree char *dir = g_dir_make_tmp ("cc-robust-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CcDesign) d = NULL;
  char *at_limit = g_malloc (CC_DESIGN_MAX_FILE_BYTES + 2);

  /* Exactly at the limit (padded with trailing spaces) loads. */
  memcpy (at_limit, text, len);
  memset (at_limit + len, ' ', CC_DESIGN_MAX_FILE_BYTES + 1 - len);
  d = cc_design_load_from_data (at_limit, CC_DESIGN_MAX_FILE_BYTES, &error);
  g_assert_no_error (error);
  g_assert_nonnull (d);

  /* One byte more is refused, from memory and from a file, before parsing. */
  assert_refused (at_limit, CC_DESIGN_MAX_FILE_BYTES + 1, NULL, "limit");
  g_assert_true (g_file_set_contents (path, at_limit, CC_DESIGN_MAX_FILE_BYTES + 1, NULL));
  g_clear_pointer (&d, cc_design_free);
  d = cc_design_load_from_file (path, &error);
  g_assert_null (d);
  g_assert_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_TOO_LARGE);
  robust_assert_clear_error (error, NULL);
  g_assert_nonnull (strstr (error->message, path));

  g_free (at_limit);
  g_unlink (path);
  g_rmdir (dir);
}

/* A design file name can come from someone else's sweep file ("base"): a
 * device, a pipe without a writer or a directory gives one clear error,
 * without filling memory (g_file_get_contents read /dev/zero until
 * allocation failed) or blocking. */
static void
test_special_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("cc-robust-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo", NULL);
  g_autofree char *sweep_text = g_strdup_printf ("{\"format\": \"cathode-composer-sweep\", \"version\": 1, "
                                                 "\"base\": \"/dev/zero\", \"axes\": []}");
  g_autoptr(GError) error = NULL;
  g_autoptr(CcSweep) sweep = NULL;
  CcDesign *d;

  if (g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      d = cc_design_load_from_file ("/dev/zero", &error);
      g_assert_null (d);
      g_assert_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_TOO_LARGE);
      robust_assert_clear_error (error, NULL);
      g_assert_nonnull (strstr (error->message, "/dev/zero"));
      g_clear_error (&error);

      sweep = cc_sweep_load_from_data (sweep_text, -1, NULL, &error);
      g_assert_null (sweep);
      g_assert_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID);
      robust_assert_clear_error (error, "base");
      g_clear_error (&error);

      /* the CSV importers read no more than their limit either */
      g_assert_null (cc_eis_spectrum_load_csv ("/dev/zero", &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "/dev/zero"));
      g_assert_nonnull (strstr (error->message, "at most"));
      g_clear_error (&error);
      g_assert_null (cc_measured_load ("/dev/zero", CC_MEASURED_AUTO, &error));
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, "at most"));
      g_clear_error (&error);
    }

  d = cc_design_load_from_file (dir, &error);
  g_assert_null (d);
  g_assert_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_IO);
  robust_assert_clear_error (error, NULL);
  g_clear_error (&error);

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  d = cc_design_load_from_file (fifo, &error);
  g_assert_null (d);
  g_assert_nonnull (error);
  robust_assert_clear_error (error, NULL);
  g_clear_error (&error);
  /* a FIFO without a writer reads as empty: refused, not waited on */
  g_assert_null (cc_measured_load (fifo, CC_MEASURED_AUTO, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_unlink (fifo);
  g_rmdir (dir);
}

static void
test_deep_nesting (void)
{
  /* A million brackets: refused by the pre-scan, no recursion. */
  gsize n = 1000000;
  char *deep = g_malloc (2 * n);

  memset (deep, '[', n);
  memset (deep + n, ']', n);
  assert_refused (deep, (gssize) (2 * n), NULL, "nested deeper");
  g_free (deep);

  {
    g_autofree char *in_field = with_member ("cell", "area_cm2", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]");
    assert_refused (in_field, -1, "cell.area_cm2", "nested deeper");
  }
}

static void
test_not_a_design (void)
{
  static const char * const roots[] = { "[]", "1", "\"design\"", "null", "true", "{}", "", "   \n\t" };

  for (guint i = 0; i < G_N_ELEMENTS (roots); i++)
    assert_refused (roots[i], -1, NULL, NULL);
  assert_refused ("{\"format\": \"cathode-composer-design\"}", -1, "version", "missing");
  assert_refused ("{\"format\": \"some-other-tool\", \"version\": 1}", -1, "format", "not a Cathode Composer design");
}

static void
test_two_documents (void)
{
  g_autofree char *text = full_text ();
  g_autofree char *twice = g_strconcat (text, text, NULL);
  g_autofree char *trailing = g_strconcat (text, "x", NULL);

  assert_refused (twice, -1, NULL, "after the end of the document");
  assert_refused (trailing, -1, NULL, "after the end of the document");
}

static void
test_newer_version (void)
{
  g_autofree char *v2 = with_member (NULL, "version", "2");
  g_autofree char *huge = with_member (NULL, "version", "4294967296");
  g_autoptr(GError) error = NULL;
  g_autoptr(CcDesign) d = NULL;
  /* A future file may have restructured everything: the version must be
   * checked first, so the user hears "newer version", not "field missing". */
  const char *future = "{\"format\": \"cathode-composer-design\", \"version\": 7, "
                       "\"layers\": [{\"kind\": \"composite\"}]}";

  d = cc_design_load_from_data (v2, -1, &error);
  g_assert_null (d);
  g_assert_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_VERSION);
  robust_assert_clear_error (error, "version");
  g_assert_nonnull (strstr (error->message, "newer"));
  g_clear_error (&error);

  d = cc_design_load_from_data (future, -1, &error);
  g_assert_null (d);
  g_assert_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_VERSION);
  g_assert_nonnull (strstr (error->message, "version = 7"));
  g_clear_error (&error);

  assert_refused (huge, -1, "version", NULL);
}

typedef struct {
  const char *object;
  const char *member;
  const char *value;
  gboolean    valid;
  const char *fragment;
} LimitCase;

static void
test_resource_limits (void)
{
  g_autofree char *max_particles = g_strdup_printf ("%d", CC_DESIGN_MAX_PARTICLES);
  g_autofree char *over_particles = g_strdup_printf ("%d", CC_DESIGN_MAX_PARTICLES + 1);
  g_autofree char *under_particles = g_strdup_printf ("%d", CC_DESIGN_MIN_PARTICLES - 1);
  g_autofree char *max_cycles = g_strdup_printf ("%d", CC_DESIGN_MAX_CYCLES);
  g_autofree char *over_cycles = g_strdup_printf ("%d", CC_DESIGN_MAX_CYCLES + 1);
  g_autofree char *limit_particles = g_strdup_printf ("%d", CC_DESIGN_MAX_PARTICLES);
  g_autofree char *limit_cycles = g_strdup_printf ("%d", CC_DESIGN_MAX_CYCLES);
  GString *rates = g_string_new ("[");
  const LimitCase cases[] = {
    { "simulation", "particles", max_particles, TRUE, NULL },
    { "simulation", "particles", over_particles, FALSE, limit_particles },
    { "simulation", "particles", under_particles, FALSE, NULL },
    { "protocol", "cycles", max_cycles, TRUE, NULL },
    { "protocol", "cycles", over_cycles, FALSE, limit_cycles },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = with_member (cases[i].object, cases[i].member, cases[i].value);
      g_autofree char *path = g_strdup_printf ("%s.%s", cases[i].object, cases[i].member);

      if (cases[i].valid)
        {
          g_autoptr(GError) error = load_error (text, -1);
          g_assert_no_error (error);
        }
      else
        assert_refused (text, -1, path, cases[i].fragment);
    }

  for (int i = 0; i <= CC_DESIGN_MAX_C_RATES; i++)
    g_string_append_printf (rates, "%s%d", i ? ", " : "", i + 1);
  g_string_append_c (rates, ']');
  {
    g_autofree char *text = with_member ("protocol", "c_rates", rates->str);
    g_autofree char *limit = g_strdup_printf ("at most %d", CC_DESIGN_MAX_C_RATES);
    assert_refused (text, -1, "protocol.c_rates", limit);
  }
  g_string_free (rates, TRUE);

  {
    g_autoptr(CcDesign) d = full_design ();
    g_autofree char *text = NULL;
    g_autofree char *limit = g_strdup_printf ("at most %d", CC_DESIGN_MAX_COMPONENTS);
    g_autoptr(GError) error = NULL;
    g_autoptr(CcDesign) back = NULL;

    while (d->components->len <= CC_DESIGN_MAX_COMPONENTS)
      g_ptr_array_add (d->components, cc_component_new ("acetylene-black", 0.001, 0.1, 0.3));
    text = cc_design_to_data (d, NULL);
    back = cc_design_load_from_data (text, -1, &error);
    g_assert_null (back);
    g_assert_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_TOO_LARGE);
    robust_assert_clear_error (error, "components");
    g_assert_nonnull (strstr (error->message, limit));
  }
}

/* Numbers json-glib 1.6 writes in forms no parser reads back ("1e+20.0")
 * and numbers at the edges of double precision must survive save/load. */
static void
test_awkward_numbers_round_trip (void)
{
  static const double values[] = {
    1e17, 1e20, 1e22, -1e20, 3e300, 1.7976931348623157e308, 5e-324, 2.2250738585072014e-308,
    0.1 + 0.2, 1.0 / 3.0, -0.0, 123456789012345678.0,
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(CcDesign) d = full_design ();
      g_autoptr(CcDesign) back = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;
      CcComponent *c = g_ptr_array_index (d->components, 0);

      c->d50_um = values[i];
      d->process.pressure_MPa = values[i];
      g_array_index (d->protocol.c_rates, double, 0) = values[i];
      text = cc_design_to_data (d, NULL);
      back = cc_design_load_from_data (text, -1, &error);
      if (back == NULL)
        g_error ("%.17g does not round-trip: %s", values[i], error->message);
      g_assert_cmpmem (&((CcComponent *) g_ptr_array_index (back->components, 0))->d50_um, sizeof (double),
                       &values[i], sizeof (double));
      g_assert_cmpmem (&back->process.pressure_MPa, sizeof (double), &values[i], sizeof (double));
      g_assert_cmpmem (&g_array_index (back->protocol.c_rates, double, 0), sizeof (double),
                       &values[i], sizeof (double));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/robust/documents/fractions-not-summing-to-one", test_fractions);
  g_test_add_func ("/robust/documents/truncated", test_truncated);
  g_test_add_func ("/robust/documents/encodings", test_encodings);
  g_test_add_func ("/robust/documents/size-limit", test_size_limit);
  g_test_add_func ("/robust/documents/special-files", test_special_files);
  g_test_add_func ("/robust/documents/deep-nesting", test_deep_nesting);
  g_test_add_func ("/robust/documents/not-a-design", test_not_a_design);
  g_test_add_func ("/robust/documents/two-documents", test_two_documents);
  g_test_add_func ("/robust/documents/newer-version", test_newer_version);
  g_test_add_func ("/robust/documents/resource-limits", test_resource_limits);
  g_test_add_func ("/robust/documents/awkward-numbers-round-trip", test_awkward_numbers_round_trip);
  return g_test_run ();
}
