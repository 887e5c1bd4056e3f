/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading document files with a size limit that holds for every kind of
 * file, shared by the design and sweep loaders.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The text of a document file of at most @max_bytes. Only that much is
 * ever read: a regular file is refused by its size, anything else (a pipe,
 * /dev/stdin, a device such as /dev/zero) after @max_bytes + 1 bytes, so a
 * file name in a document cannot fill memory; a FIFO without a writer
 * reads as empty instead of blocking. Errors: @too_large_code ("PATH: file
 * is N bytes; @what is at most MAX bytes") or @io_code, in @domain. */
char *cc_read_file_bounded (const char  *path,
                            gsize        max_bytes,
                            const char  *what,
                            GQuark       domain,
                            int          io_code,
                            int          too_large_code,
                            gsize       *length,
                            GError     **error);

G_END_DECLS
