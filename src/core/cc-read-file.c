/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-read-file.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

static char *
read_error (const char  *path,
            int          saved_errno,
            GQuark       domain,
            int          io_code,
            GError     **error)
{
  g_set_error (error, domain, io_code, "%s: %s", path, g_strerror (saved_errno));
  return NULL;
}

char *
cc_read_file_bounded (const char  *path,
                      gsize        max_bytes,
                      const char  *what,
                      GQuark       domain,
                      int          io_code,
                      int          too_large_code,
                      gsize       *length,
                      GError     **error)
{
  g_autofree char *buf = NULL;
  gsize got = 0;
  struct stat st;
  int fd, flags;

  /* Non-blocking open: a FIFO opens at once, writer or not. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC, 0);
  if (fd < 0)
    return read_error (path, errno, domain, io_code, error);
  if (fstat (fd, &st) != 0 || S_ISDIR (st.st_mode)
      || (flags = fcntl (fd, F_GETFL)) < 0 || fcntl (fd, F_SETFL, flags & ~O_NONBLOCK) < 0)
    {
      int e = S_ISDIR (st.st_mode) ? EISDIR : errno;
      close (fd);
      return read_error (path, e, domain, io_code, error);
    }
  if (S_ISREG (st.st_mode) && (guint64) st.st_size > max_bytes)
    {
      close (fd);
      g_set_error (error, domain, too_large_code, "%s: file is %" G_GUINT64_FORMAT " bytes; %s is at most %"
                   G_GSIZE_FORMAT " bytes", path, (guint64) st.st_size, what, max_bytes);
      return NULL;
    }

  buf = g_malloc (max_bytes + 2);
  while (got <= max_bytes)
    {
      gssize n = read (fd, buf + got, max_bytes + 1 - got);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int e = errno;
          close (fd);
          return read_error (path, e, domain, io_code, error);
        }
      if (n == 0)
        break;
      got += (gsize) n;
    }
  close (fd);
  if (got > max_bytes)
    {
      g_set_error (error, domain, too_large_code, "%s: more than %" G_GSIZE_FORMAT " bytes; %s is at most %"
                   G_GSIZE_FORMAT " bytes", path, max_bytes, what, max_bytes);
      return NULL;
    }
  buf[got] = '\0';
  if (length != NULL)
    *length = got;
  return g_realloc (g_steal_pointer (&buf), got + 1);
}
