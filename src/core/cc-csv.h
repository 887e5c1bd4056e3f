/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Delimited text as instruments and spreadsheets write it, split into
 * fields; the importers (impedance spectra, measured cycling data) decide
 * what the columns mean.
 *
 * Fields are separated by ';', tab, ',' or runs of blanks, whichever the
 * first line uses (checked in that order). With ';', tab or blanks a
 * decimal comma is accepted ("3,45"); with ',' it cannot be. Lines starting
 * with '#' are comments; empty lines are skipped; a UTF-8 byte-order mark
 * and CR line ends are tolerated; fields in double quotes lose the quotes.
 * The first line is a header when its first field is not a number. Binary
 * data (a NUL byte), files over the size limit and tables over the row
 * limit are refused. Errors read "ORIGIN:LINE: what" so a user can find
 * the place.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  gsize   max_bytes;
  guint   max_rows;
  GQuark  domain;     /* the error domain and code of every failure */
  int     code;
} CcCsvOptions;

typedef struct {
  guint   line;       /* 1-based line number in the file */
  char  **fields;
  guint   n_fields;
} CcCsvRow;

typedef struct {
  char        *origin;
  char         delimiter;      /* ';', '\t', ',' or ' ' (runs of blanks) */
  gboolean     decimal_comma;
  char       **header;         /* NULL: the first line holds data */
  guint        n_header;
  guint        header_line;
  GPtrArray   *rows;           /* CcCsvRow* */
  GPtrArray   *comments;       /* char*: whole comment lines, '#' included */
  CcCsvOptions options;
} CcCsvTable;

/* @origin names the source in errors (a file name); NULL reads "CSV". */
CcCsvTable *cc_csv_parse            (const char          *data,
                                     gssize               length,
                                     const char          *origin,
                                     const CcCsvOptions  *options,
                                     GError             **error);
void        cc_csv_table_free       (CcCsvTable          *table);
/* The contents of @path, never more than the options' limit read
 * (cc_read_file_bounded: a device such as /dev/zero or a FIFO is refused or
 * read as empty, not read forever). */
char       *cc_csv_read_file        (const char          *path,
                                     const CcCsvOptions  *options,
                                     gsize               *length,
                                     GError             **error);

/* A finite number (NaN and infinities are refused); with @decimal_comma
 * "3,45" reads 3.45. Locale-independent. */
gboolean    cc_csv_parse_double     (const char          *text,
                                     gboolean             decimal_comma,
                                     double              *out);
/* The number in column @column (0-based) of @row, or an error that names
 * the line, the column (number and header name) and the value. */
gboolean    cc_csv_row_get_double   (const CcCsvTable    *table,
                                     const CcCsvRow      *row,
                                     guint                column,
                                     double              *out,
                                     GError             **error);
/* "ORIGIN:LINE: message" in the table's error domain. Returns FALSE. */
gboolean    cc_csv_error            (const CcCsvTable    *table,
                                     guint                line,
                                     GError             **error,
                                     const char          *format,
                                     ...) G_GNUC_PRINTF (4, 5);
/* "column 3 “Ewe/V”" (or "column 3" without a header), for messages. */
char       *cc_csv_column_name      (const CcCsvTable    *table,
                                     guint                column);
/* A field as it may be quoted in a message: valid UTF-8, no control
 * characters, at most 40 characters (longer ones end in "…"). */
char       *cc_csv_quote_field      (const char          *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcCsvTable, cc_csv_table_free)

G_END_DECLS
