/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-json-util.h"
#include "cc-design.h"

#include <math.h>
#include <string.h>

static const CcJsonErrors *
codes (void)
{
  static CcJsonErrors c;
  c.domain = CC_DESIGN_ERROR;
  c.code_type = CC_DESIGN_ERROR_PARSE;
  c.code_missing = CC_DESIGN_ERROR_MISSING;
  return &c;
}

static void
expect_parse_error (const char *text,
                    gssize      len,
                    const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = cc_json_parse (text, len, 1024, codes (), &error);

  g_assert_null (node);
  g_assert_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_PARSE);
  if (strstr (error->message, fragment) == NULL)
    g_error ("expected \"%s\" in \"%s\"", fragment, error->message);
}

static void
test_duplicate_keys (void)
{
  g_autoptr(JsonNode) ok = NULL;

  expect_parse_error ("{\"a\": 1, \"a\": 2}", -1, "duplicated key \"a\"");
  expect_parse_error ("{\"x\": {\"b\": 1, \"c\": [1, {\"b\": 2, \"b\": 3}]}}", -1, "duplicated key \"b\"");
  /* The same key in sibling objects and a key equal to a string value are fine. */
  ok = cc_json_parse ("{\"a\": {\"b\": 1}, \"c\": {\"b\": \"a\"}, \"d\": [\"a\", \"a\"]}", -1, 1024, codes (), NULL);
  g_assert_nonnull (ok);
}

static void
test_depth_size_encoding (void)
{
  GString *deep = g_string_new (NULL);

  for (int i = 0; i < 200; i++)
    g_string_append_c (deep, '[');
  for (int i = 0; i < 200; i++)
    g_string_append_c (deep, ']');
  expect_parse_error (deep->str, -1, "nested deeper");
  g_string_free (deep, TRUE);

  expect_parse_error ("{\"name\": \"\xff\xfe\"}", -1, "UTF-8");
  expect_parse_error ("", 0, "empty");
  expect_parse_error ("   \n", -1, "empty");
  expect_parse_error ("{\"a\": [1, 2", -1, "not valid JSON");

  {
    g_autofree char *big = g_strnfill (2000, ' ');
    big[0] = '{';
    big[1998] = '}';
    expect_parse_error (big, -1, "larger than the limit");
  }
}

static void
test_typed_getters (void)
{
  g_autoptr(JsonNode) node = cc_json_parse ("{\"n\": \"text\", \"u\": -3, \"f\": 2.5}", -1, 0, codes (), NULL);
  JsonObject *obj = json_node_get_object (node);
  g_autoptr(GError) error = NULL;
  double d = 0;
  guint64 u = 0;

  g_assert_false (cc_json_get_double (obj, "root", "n", CC_JSON_REQUIRED, codes (), &d, &error));
  g_assert_cmpstr (error->message, ==, "root.n = \"text\": must be a number");
  g_clear_error (&error);

  g_assert_false (cc_json_get_uint (obj, "", "u", CC_JSON_REQUIRED, 10, codes (), &u, &error));
  g_assert_cmpstr (error->message, ==, "u = -3: must be a whole number ≥ 0");
  g_clear_error (&error);

  g_assert_false (cc_json_get_double (obj, "root", "missing", CC_JSON_REQUIRED, codes (), &d, &error));
  g_assert_error (error, CC_DESIGN_ERROR, CC_DESIGN_ERROR_MISSING);
  g_clear_error (&error);

  g_assert_true (cc_json_get_double (obj, "root", "missing", CC_JSON_OPTIONAL, codes (), &d, &error));
  g_assert_true (cc_json_get_double (obj, "root", "f", CC_JSON_REQUIRED, codes (), &d, &error));
  g_assert_cmpfloat (d, ==, 2.5);
}

static void
test_writer_numbers (void)
{
  static const double values[] = { 1e-10, 0.1, 1.0, -2.5e300, 3.0e-7, 0.1 + 0.2, 123456789.0, 6.02214076e23 };
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) back = NULL;
  g_autofree char *text = NULL;
  JsonArray *arr;

  json_builder_begin_array (b);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    json_builder_add_double_value (b, values[i]);
  json_builder_add_string_value (b, "quote \" backslash \\ tab \t ü");
  json_builder_add_double_value (b, NAN);
  json_builder_end_array (b);
  root = json_builder_get_root (b);

  text = cc_json_to_data (root, TRUE, NULL);
  g_assert_null (strstr (text, "e-10.0"));
  back = cc_json_parse (text, -1, 0, codes (), NULL);
  g_assert_nonnull (back);
  arr = json_node_get_array (back);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_assert_cmpfloat (json_array_get_double_element (arr, i), ==, values[i]);
  g_assert_cmpstr (json_array_get_string_element (arr, G_N_ELEMENTS (values)), ==, "quote \" backslash \\ tab \t ü");
  /* Non-finite numbers become null rather than invalid JSON. */
  g_assert_true (json_array_get_null_element (arr, G_N_ELEMENTS (values) + 1));
  /* Short forms are used where they round-trip. */
  g_assert_nonnull (strstr (text, "0.1,"));
  g_assert_nonnull (strstr (text, "1e-10"));
  {
    g_autoptr(GString) s50 = g_string_new (NULL);
    g_autoptr(GString) s1e20 = g_string_new (NULL);
    cc_json_format_double (s50, 50.0);
    cc_json_format_double (s1e20, 1e20);
    g_assert_cmpstr (s50->str, ==, "50.0");
    g_assert_cmpstr (s1e20->str, ==, "1e+20");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json/duplicate-keys", test_duplicate_keys);
  g_test_add_func ("/json/depth-size-encoding", test_depth_size_encoding);
  g_test_add_func ("/json/typed-getters", test_typed_getters);
  g_test_add_func ("/json/writer-numbers", test_writer_numbers);
  return g_test_run ();
}
