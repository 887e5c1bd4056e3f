/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Typed access to JSON members with errors that name the JSON path, shared by
 * the design, preset and materials loaders.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  CC_JSON_OPTIONAL,
  CC_JSON_REQUIRED,
} CcJsonNeed;

/* Each getter returns TRUE when the member is absent and optional (leaving
 * *out untouched) or present with the right type; otherwise sets @error with
 * @domain/@code_type (wrong type/value) or @code_missing, naming
 * "@path.@member". */
typedef struct {
  GQuark  domain;
  int     code_type;
  int     code_missing;
} CcJsonErrors;

gboolean cc_json_get_double (JsonObject         *object,
                             const char         *path,
                             const char         *member,
                             CcJsonNeed          need,
                             const CcJsonErrors *codes,
                             double             *out,
                             GError            **error);
gboolean cc_json_get_uint   (JsonObject         *object,
                             const char         *path,
                             const char         *member,
                             CcJsonNeed          need,
                             guint64             max,
                             const CcJsonErrors *codes,
                             guint64            *out,
                             GError            **error);
gboolean cc_json_get_string (JsonObject         *object,
                             const char         *path,
                             const char         *member,
                             CcJsonNeed          need,
                             const CcJsonErrors *codes,
                             char              **out,
                             GError            **error);
gboolean cc_json_get_object (JsonObject         *object,
                             const char         *path,
                             const char         *member,
                             CcJsonNeed          need,
                             const CcJsonErrors *codes,
                             JsonObject        **out,
                             GError            **error);
gboolean cc_json_get_array  (JsonObject         *object,
                             const char         *path,
                             const char         *member,
                             CcJsonNeed          need,
                             const CcJsonErrors *codes,
                             JsonArray         **out,
                             GError            **error);

char    *cc_json_path_join  (const char *path,
                             const char *member);
/* @text as a short printable quotation for error messages: "\"abc\"", cut
 * after 40 characters ("\"abc…\""), control characters escaped, never
 * invalid UTF-8. Error messages quote input through this, so a 4 MB string
 * in a file does not become a 4 MB message. */
char    *cc_json_quote      (const char *text);
/* A short printable rendering of a node for error messages ("\"abc\"", "1.7",
 * "an object"). */
char    *cc_json_describe   (JsonNode   *node);

/* Parse with duplicate-key and depth checks json-glib does not make. */
JsonNode *cc_json_parse     (const char         *data,
                             gssize              length,
                             gsize               max_bytes,
                             const CcJsonErrors *codes,
                             GError            **error);

/* Serialise a JSON tree. Use this, never JsonGenerator: json-glib 1.6 writes
 * exponent doubles as "1e-10.0", which is not JSON. pretty adds newlines,
 * 2-space indentation and a final newline. */
char     *cc_json_to_data       (JsonNode *root,
                                 gboolean  pretty,
                                 gsize    *length);
/* Shortest round-trip text of a double (null for NaN/Inf). */
void      cc_json_format_double (GString  *out,
                                 double    value);

G_END_DECLS
