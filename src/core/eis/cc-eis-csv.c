/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-eis-csv.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

typedef struct {
  const char *origin;
  char        delim;          /* ',', ';', '\t' or ' ' (runs of blanks) */
  gboolean    decimal_comma;
  int         col_f, col_re, col_im;
  gboolean    area_specific;
  GArray     *f, *re, *im;
  CcEisSpectrum *procs;       /* collects cc-process comments */
} Reader;

static gboolean
parse_error (GError **error, const Reader *r, guint line, const char *format, ...) G_GNUC_PRINTF (4, 5);

static gboolean
parse_error (GError **error, const Reader *r, guint line, const char *format, ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_PARSE, "%s:%u: %s", r->origin, line, msg);
  return FALSE;
}

static char **
split_fields (const char *line, char delim)
{
  char **fields;

  if (delim != ' ')
    fields = g_strsplit (line, (char[]) { delim, '\0' }, -1);
  else
    {
      g_autoptr(GPtrArray) parts = g_ptr_array_new ();
      g_auto(GStrv) raw = g_strsplit_set (line, " \t", -1);

      for (guint i = 0; raw[i]; i++)
        if (raw[i][0] != '\0')
          g_ptr_array_add (parts, g_strdup (raw[i]));
      g_ptr_array_add (parts, NULL);
      fields = (char **) g_ptr_array_steal (parts, NULL);
    }
  for (guint i = 0; fields[i]; i++)
    {
      g_strstrip (fields[i]);
      /* Spreadsheet exports quote fields. */
      if (fields[i][0] == '"' && strlen (fields[i]) >= 2 && g_str_has_suffix (fields[i], "\""))
        {
          memmove (fields[i], fields[i] + 1, strlen (fields[i]));
          fields[i][strlen (fields[i]) - 1] = '\0';
        }
    }
  return fields;
}

static gboolean
parse_double (const char *text, gboolean decimal_comma, double *out)
{
  g_autofree char *copy = g_strdup (text);
  char *end = NULL;

  if (decimal_comma)
    g_strdelimit (copy, ",", '.');
  g_strstrip (copy);
  if (copy[0] == '\0')
    return FALSE;
  *out = g_ascii_strtod (copy, &end);
  return end != NULL && *end == '\0' && isfinite (*out);
}

static char
detect_delimiter (const char *line)
{
  if (strchr (line, ';'))
    return ';';
  if (strchr (line, '\t'))
    return '\t';
  if (strchr (line, ','))
    return ',';
  return ' ';
}

typedef enum { COL_OTHER, COL_FREQ, COL_RE, COL_IM } ColKind;

static ColKind
classify_column (const char *name, gboolean *area)
{
  static const char * const skip[] = { "time", "phase", "phi", "|z|", "mod", "abs", "current",
                                       "volt", "ewe", "idc", "cycle", "index", "temp" };
  g_autofree char *n = g_utf8_strdown (name, -1);

  if (strstr (n, "cm2") || strstr (n, "cm^2") || strstr (n, "cm\xc2\xb2"))
    *area = TRUE;
  if (strstr (n, "freq") || g_str_equal (n, "f") || g_str_has_prefix (n, "f/") || g_str_has_prefix (n, "f(")
      || g_str_has_prefix (n, "f_") || g_str_has_prefix (n, "f[") || g_str_has_prefix (n, "f "))
    return COL_FREQ;
  for (guint i = 0; i < G_N_ELEMENTS (skip); i++)
    if (strstr (n, skip[i]))
      return COL_OTHER;
  if (strstr (n, "im") || strstr (n, "''") || strstr (n, "\"") || strstr (n, "\xe2\x80\xb3"))
    return COL_IM;
  if (strstr (n, "re") || strchr (n, '\'') || strstr (n, "\xe2\x80\xb2"))
    return COL_RE;
  return COL_OTHER;
}

static gboolean
read_header (Reader *r, char **fields, guint line, GError **error)
{
  guint n = g_strv_length (fields);

  r->col_f = r->col_re = r->col_im = -1;
  for (guint i = 0; i < n; i++)
    {
      ColKind k = classify_column (fields[i], &r->area_specific);

      if (k == COL_FREQ && r->col_f < 0)
        r->col_f = (int) i;
      else if (k == COL_RE && r->col_re < 0)
        r->col_re = (int) i;
      else if (k == COL_IM && r->col_im < 0)
        r->col_im = (int) i;
    }
  if (r->col_f >= 0 && r->col_re >= 0 && r->col_im >= 0)
    return TRUE;
  if (n == 3)
    {
      r->col_f = 0, r->col_re = 1, r->col_im = 2;
      return TRUE;
    }
  return parse_error (error, r, line, "cannot tell which of the %u columns hold the frequency, "
                      "Z' and Z'' (name them e.g. freq, Z', Z'')", n);
}

static gboolean
read_row (Reader *r, char **fields, guint line, GError **error)
{
  guint n = g_strv_length (fields);
  int cols[3] = { r->col_f, r->col_re, r->col_im };
  double v[3];

  for (guint k = 0; k < 3; k++)
    {
      if ((guint) cols[k] >= n)
        return parse_error (error, r, line, "expected at least %d columns, found %u", cols[k] + 1, n);
      if (!parse_double (fields[cols[k]], r->decimal_comma, &v[k]))
        {
          g_autofree char *valid = g_utf8_make_valid (fields[cols[k]], -1);
          g_autofree char *shown = NULL;

          /* Quote at most 40 characters, without control characters. */
          for (char *c = valid; *c; c++)
            if ((guchar) *c < 0x20)
              *c = ' ';
          if (g_utf8_strlen (valid, -1) > 40)
            {
              g_autofree char *head = g_utf8_substring (valid, 0, 40);
              shown = g_strconcat (head, "…", NULL);
            }
          else
            shown = g_strdup (valid);
          return parse_error (error, r, line, "column %d ('%s'): not a number", cols[k] + 1, shown);
        }
    }
  if (v[0] <= 0)
    return parse_error (error, r, line, "column %d: frequency %g Hz must be positive", cols[0] + 1, v[0]);
  if (r->f->len >= CC_EIS_MAX_POINTS)
    return parse_error (error, r, line, "more than %d data rows", CC_EIS_MAX_POINTS);
  g_array_append_val (r->f, v[0]);
  g_array_append_val (r->re, v[1]);
  g_array_append_val (r->im, v[2]);
  return TRUE;
}

/* "# cc-process: NAME; resistance=R; tau_s=T" as written by the exporter. */
static void
read_process_comment (Reader *r, const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ";", -1);
  double res = NAN, tau = NAN;

  if (parts[0] == NULL)
    return;
  for (guint i = 1; parts[i]; i++)
    {
      g_auto(GStrv) kv = g_strsplit (parts[i], "=", 2);

      if (kv[0] == NULL || kv[1] == NULL)
        continue;
      g_strstrip (kv[0]);
      if (g_str_equal (kv[0], "resistance"))
        parse_double (kv[1], FALSE, &res);
      else if (g_str_equal (kv[0], "tau_s"))
        parse_double (kv[1], FALSE, &tau);
    }
  g_strstrip (parts[0]);
  if (parts[0][0] != '\0' && isfinite (res) && isfinite (tau) && tau > 0)
    cc_eis_spectrum_add_process (r->procs, parts[0], res, tau);
}

static gboolean
read_lines (Reader *r, char **lines, GError **error)
{
  gboolean first = TRUE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      g_auto(GStrv) fields = NULL;
      double probe;

      if (line[0] == '\0')
        continue;
      if (line[0] == '#')
        {
          if (g_str_has_prefix (line, "# cc-process:"))
            read_process_comment (r, line + strlen ("# cc-process:"));
          continue;
        }
      if (first)
        {
          r->delim = detect_delimiter (line);
          r->decimal_comma = r->delim != ',';
        }
      fields = split_fields (line, r->delim);
      if (first)
        {
          first = FALSE;
          /* A first field that is not a number makes this a header. */
          if (!parse_double (fields[0], r->decimal_comma, &probe))
            {
              if (!read_header (r, fields, i + 1, error))
                return FALSE;
              continue;
            }
          r->col_f = 0, r->col_re = 1, r->col_im = 2;
        }
      if (!read_row (r, fields, i + 1, error))
        return FALSE;
    }
  return TRUE;
}

/* Most measured points are capacitive (Z'' < 0). A column where most
 * values are positive therefore held -Z''. */
static gboolean
detect_flip (const GArray *re, const GArray *im)
{
  guint pos = 0, neg = 0;

  for (guint i = 0; i < im->len; i++)
    {
      double zi = g_array_index (im, double, i), zr = g_array_index (re, double, i);

      if (fabs (zi) <= 1e-9 * hypot (zr, zi))
        continue;
      if (zi > 0)
        pos++;
      else
        neg++;
    }
  return pos > neg;
}

CcEisSpectrum *
cc_eis_spectrum_parse_csv (const char  *data,
                           gssize       length,
                           const char  *origin,
                           GError     **error)
{
  g_autoptr(CcEisSpectrum) procs = cc_eis_spectrum_new (0);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  CcEisSpectrum *s;
  gboolean flip;
  Reader r = { 0 };

  g_return_val_if_fail (data != NULL, NULL);
  if (length < 0)
    length = strlen (data);
  if ((gsize) length > CC_EIS_MAX_FILE_BYTES)
    {
      g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_PARSE, "%s: larger than %d bytes",
                   origin ? origin : "CSV", CC_EIS_MAX_FILE_BYTES);
      return NULL;
    }
  text = g_strndup (data, length);
  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_PARSE,
                   "%s: binary data, not a CSV text file", origin ? origin : "CSV");
      return NULL;
    }
  lines = g_strsplit (g_str_has_prefix (text, "\xef\xbb\xbf") ? text + 3 : text, "\n", -1);
  r.origin = origin ? origin : "CSV";
  r.f = g_array_new (FALSE, FALSE, sizeof (double));
  r.re = g_array_new (FALSE, FALSE, sizeof (double));
  r.im = g_array_new (FALSE, FALSE, sizeof (double));
  r.procs = procs;
  if (!read_lines (&r, lines, error))
    s = NULL;
  else if (r.f->len < 3)
    {
      g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_PARSE,
                   "%s: %u data rows; a spectrum needs at least 3", r.origin, r.f->len);
      s = NULL;
    }
  else
    {
      flip = detect_flip (r.re, r.im);
      s = cc_eis_spectrum_new (r.f->len);
      for (guint i = 0; i < r.f->len; i++)
        {
          s->freq_Hz[i] = g_array_index (r.f, double, i);
          s->z_re[i] = g_array_index (r.re, double, i);
          s->z_im[i] = (flip ? -1 : 1) * g_array_index (r.im, double, i);
        }
      s->imag_sign_flipped = flip;
      s->area_specific = r.area_specific;
      g_ptr_array_extend_and_steal (s->processes, g_steal_pointer (&procs->processes));
      procs->processes = g_ptr_array_new ();
    }
  g_array_unref (r.f);
  g_array_unref (r.re);
  g_array_unref (r.im);
  /* Whatever is read must be a spectrum the analyses accept (finite,
   * positive frequencies, |Z| in range): refuse it here, naming the file,
   * rather than hand out one that fails later (found by fuzzing). */
  if (s != NULL && !cc_eis_spectrum_validate (s, 3, error))
    {
      g_prefix_error (error, "%s: ", r.origin);
      g_clear_pointer (&s, cc_eis_spectrum_free);
    }
  return s;
}

CcEisSpectrum *
cc_eis_spectrum_load_csv (const char  *path,
                          GError     **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);
  if (g_stat (path, &st) == 0 && (gsize) st.st_size > CC_EIS_MAX_FILE_BYTES)
    {
      g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_PARSE, "%s: larger than %d bytes",
                   path, CC_EIS_MAX_FILE_BYTES);
      return NULL;
    }
  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;
  return cc_eis_spectrum_parse_csv (data, length, path, error);
}

static void
append_number (GString *out, double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.12g", v));
}

char *
cc_eis_spectrum_to_csv (const CcEisSpectrum *self,
                        const char          *comment)
{
  const char *unit;
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);
  out = g_string_new (NULL);
  unit = self->area_specific ? "ohm_cm2" : "ohm";
  if (comment != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (comment, "\n", -1);

      for (guint i = 0; lines[i]; i++)
        g_string_append_printf (out, "# %s\n", lines[i]);
    }
  for (guint i = 0; i < self->processes->len; i++)
    {
      const CcEisProcess *p = g_ptr_array_index (self->processes, i);

      g_string_append_printf (out, "# cc-process: %s; resistance=", p->name);
      append_number (out, p->resistance);
      g_string_append (out, "; tau_s=");
      append_number (out, p->tau_s);
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, "frequency_Hz,z_real_%s,z_imag_%s\n", unit, unit);
  for (guint i = 0; i < self->n; i++)
    {
      append_number (out, self->freq_Hz[i]);
      g_string_append_c (out, ',');
      append_number (out, self->z_re[i]);
      g_string_append_c (out, ',');
      append_number (out, self->z_im[i]);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}
