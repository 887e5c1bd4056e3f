/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-eis-csv.h"
#include "cc-csv.h"

#include <math.h>
#include <string.h>

typedef struct {
  const CcCsvTable *table;
  int               col_f, col_re, col_im;
  gboolean          area_specific;
  GArray           *f, *re, *im;
} Reader;

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
read_header (Reader *r, GError **error)
{
  const CcCsvTable *t = r->table;

  r->col_f = r->col_re = r->col_im = -1;
  for (guint i = 0; i < t->n_header; i++)
    {
      ColKind k = classify_column (t->header[i], &r->area_specific);

      if (k == COL_FREQ && r->col_f < 0)
        r->col_f = (int) i;
      else if (k == COL_RE && r->col_re < 0)
        r->col_re = (int) i;
      else if (k == COL_IM && r->col_im < 0)
        r->col_im = (int) i;
    }
  if (r->col_f >= 0 && r->col_re >= 0 && r->col_im >= 0)
    return TRUE;
  if (t->n_header == 3)
    {
      r->col_f = 0, r->col_re = 1, r->col_im = 2;
      return TRUE;
    }
  return cc_csv_error (t, t->header_line, error, "cannot tell which of the %u columns hold the frequency, "
                       "Z' and Z'' (name them e.g. freq, Z', Z'')", t->n_header);
}

static gboolean
read_row (Reader *r, const CcCsvRow *row, GError **error)
{
  int cols[3] = { r->col_f, r->col_re, r->col_im };
  double v[3];

  for (guint k = 0; k < 3; k++)
    if (!cc_csv_row_get_double (r->table, row, cols[k], &v[k], error))
      return FALSE;
  if (v[0] <= 0)
    return cc_csv_error (r->table, row->line, error, "column %d: frequency %g Hz must be positive",
                         cols[0] + 1, v[0]);
  g_array_append_val (r->f, v[0]);
  g_array_append_val (r->re, v[1]);
  g_array_append_val (r->im, v[2]);
  return TRUE;
}

/* "# cc-process: NAME; resistance=R; tau_s=T" as written by the exporter. */
static void
read_process_comment (CcEisSpectrum *procs, const char *text)
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
        cc_csv_parse_double (kv[1], FALSE, &res);
      else if (g_str_equal (kv[0], "tau_s"))
        cc_csv_parse_double (kv[1], FALSE, &tau);
    }
  g_strstrip (parts[0]);
  if (parts[0][0] != '\0' && isfinite (res) && isfinite (tau) && tau > 0)
    cc_eis_spectrum_add_process (procs, parts[0], res, tau);
}

static gboolean
read_table (Reader *r, GError **error)
{
  if (r->table->header != NULL)
    {
      if (!read_header (r, error))
        return FALSE;
    }
  else
    r->col_f = 0, r->col_re = 1, r->col_im = 2;
  for (guint i = 0; i < r->table->rows->len; i++)
    if (!read_row (r, g_ptr_array_index (r->table->rows, i), error))
      return FALSE;
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
  CcCsvOptions opts = { CC_EIS_MAX_FILE_BYTES, CC_EIS_MAX_POINTS, CC_EIS_ERROR, CC_EIS_ERROR_PARSE };
  g_autoptr(CcEisSpectrum) procs = cc_eis_spectrum_new (0);
  g_autoptr(CcCsvTable) table = NULL;
  CcEisSpectrum *s;
  gboolean flip;
  Reader r = { 0 };

  g_return_val_if_fail (data != NULL, NULL);
  table = cc_csv_parse (data, length, origin, &opts, error);
  if (table == NULL)
    return NULL;
  for (guint i = 0; i < table->comments->len; i++)
    {
      const char *line = g_ptr_array_index (table->comments, i);

      if (g_str_has_prefix (line, "# cc-process:"))
        read_process_comment (procs, line + strlen ("# cc-process:"));
    }
  r.table = table;
  r.f = g_array_new (FALSE, FALSE, sizeof (double));
  r.re = g_array_new (FALSE, FALSE, sizeof (double));
  r.im = g_array_new (FALSE, FALSE, sizeof (double));
  if (!read_table (&r, error))
    s = NULL;
  else if (r.f->len < 3)
    {
      g_set_error (error, CC_EIS_ERROR, CC_EIS_ERROR_PARSE,
                   "%s: %u data rows; a spectrum needs at least 3", table->origin, r.f->len);
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
      g_prefix_error (error, "%s: ", table->origin);
      g_clear_pointer (&s, cc_eis_spectrum_free);
    }
  return s;
}

CcEisSpectrum *
cc_eis_spectrum_load_csv (const char  *path,
                          GError     **error)
{
  CcCsvOptions options = { CC_EIS_MAX_FILE_BYTES, CC_EIS_MAX_POINTS, CC_EIS_ERROR, CC_EIS_ERROR_PARSE };
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);
  data = cc_csv_read_file (path, &options, &length, error);
  if (data == NULL)
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
