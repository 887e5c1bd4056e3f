/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small table of the plotted data, written out as CSV (RFC 4180 quoting,
 * LF line ends, "." decimal point whatever the locale, UTF-8). Chart builders
 * fill one in the natural shape of their data (one row per point, with
 * units in the column names).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CcTable CcTable;

/* @columns: NULL-terminated column names. */
CcTable    *cc_table_new          (const char * const *columns);
void        cc_table_free         (CcTable            *table);
CcTable    *cc_table_copy         (const CcTable      *table);
const char *cc_table_get_column   (const CcTable      *table,
                                   guint               column);
/* The index of the column named @name, or −1. */
int         cc_table_find_column  (const CcTable      *table,
                                   const char         *name);
/* Appends copies of @src's rows; both must have the same columns. Returns
 * the index of the first new row. */
guint       cc_table_append_rows  (CcTable            *table,
                                   const CcTable      *src);
/* Cells of one table hold the same columns as another's. */
gboolean    cc_table_same_columns (const CcTable      *a,
                                   const CcTable      *b);
guint       cc_table_get_n_columns (const CcTable     *table);
guint       cc_table_get_n_rows   (const CcTable      *table);
/* Appends an empty row and returns its index. */
guint       cc_table_add_row      (CcTable            *table);
/* Markup is reduced to its text ("Na<sub>3</sub>PS<sub>4</sub>" → "Na3PS4"). */
void        cc_table_set_text     (CcTable            *table,
                                   guint               row,
                                   guint               column,
                                   const char         *markup);
/* Plain text, as it is. */
void        cc_table_set_plain    (CcTable            *table,
                                   guint               row,
                                   guint               column,
                                   const char         *text);
/* Non-finite values are written as empty cells. */
void        cc_table_set_double   (CcTable            *table,
                                   guint               row,
                                   guint               column,
                                   double              value);
const char *cc_table_get_cell     (const CcTable      *table,
                                   guint               row,
                                   guint               column);
char       *cc_table_to_csv       (const CcTable      *table);

/* Plain text of Pango markup (invalid markup is returned as it is). */
char       *cc_markup_to_text     (const char         *markup);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcTable, cc_table_free)

G_END_DECLS
