/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-chart-data.h"

#include <math.h>

static double *
copy_array (const double *a,
            guint         n)
{
  return a != NULL ? g_memdup2 (a, n * sizeof (double)) : NULL;
}

char *
cc_c_rate_label (double c_rate)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (c_rate > 0 && c_rate < 1 && fabs (1 / c_rate - round (1 / c_rate)) < 1e-6)
    return g_strdup_printf ("C/%.0f", 1 / c_rate);
  return g_strdup_printf ("%sC", g_ascii_formatd (buf, sizeof buf, "%g", c_rate));
}

/* Curves. */

static void
data_curve_free (gpointer p)
{
  CcDataCurve *c = p;

  g_free (c->label);
  g_free (c->x);
  g_free (c->y);
  g_free (c);
}

static void
data_mark_free (gpointer p)
{
  CcDataMark *m = p;

  g_free (m->label);
  g_free (m);
}

CcCurveSet *
cc_curve_set_new (void)
{
  CcCurveSet *set = g_new0 (CcCurveSet, 1);

  set->curves = g_ptr_array_new_with_free_func (data_curve_free);
  set->marks = g_ptr_array_new_with_free_func (data_mark_free);
  return set;
}

void
cc_curve_set_free (CcCurveSet *set)
{
  if (set == NULL)
    return;
  g_ptr_array_unref (set->curves);
  g_ptr_array_unref (set->marks);
  g_free (set);
}

CcDataCurve *
cc_curve_set_add (CcCurveSet   *set,
                  const char   *label,
                  CcCurveRole   role,
                  const double *x,
                  const double *y,
                  guint         n)
{
  CcDataCurve *c;

  g_return_val_if_fail (set != NULL, NULL);
  g_return_val_if_fail (n == 0 || (x != NULL && y != NULL), NULL);

  c = g_new0 (CcDataCurve, 1);
  c->label = g_strdup (label);
  c->group = -1;
  c->role = role;
  c->n = n;
  c->x = copy_array (x, n);
  c->y = copy_array (y, n);
  g_ptr_array_add (set->curves, c);
  return c;
}

void
cc_data_curve_set_group (CcDataCurve *curve,
                         int          group)
{
  curve->group = group;
}

void
cc_data_curve_set_direction (CcDataCurve      *curve,
                             CcCurveDirection  direction)
{
  curve->direction = direction;
}

void
cc_curve_set_add_mark (CcCurveSet *set,
                       double      x,
                       double      y,
                       const char *label)
{
  CcDataMark *m = g_new0 (CcDataMark, 1);

  m->x = x;
  m->y = y;
  m->label = g_strdup (label);
  g_ptr_array_add (set->marks, m);
}

/* Cycling. */

static void
cycling_run_free (gpointer p)
{
  CcCyclingRun *r = p;

  g_free (r->label);
  g_free (r->cycle);
  g_free (r->capacity_mAh_g);
  g_free (r->efficiency);
  g_free (r);
}

CcCyclingData *
cc_cycling_data_new (void)
{
  CcCyclingData *d = g_new0 (CcCyclingData, 1);

  d->runs = g_ptr_array_new_with_free_func (cycling_run_free);
  return d;
}

void
cc_cycling_data_free (CcCyclingData *data)
{
  if (data == NULL)
    return;
  g_ptr_array_unref (data->runs);
  g_free (data);
}

CcCyclingRun *
cc_cycling_data_add_run (CcCyclingData *data,
                         const char    *label,
                         CcCurveRole    role,
                         const double  *cycle,
                         const double  *capacity_mAh_g,
                         const double  *efficiency,
                         guint          n)
{
  CcCyclingRun *r;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (n == 0 || (cycle != NULL && capacity_mAh_g != NULL), NULL);

  r = g_new0 (CcCyclingRun, 1);
  r->label = g_strdup (label);
  r->role = role;
  r->n = n;
  r->cycle = copy_array (cycle, n);
  r->capacity_mAh_g = copy_array (capacity_mAh_g, n);
  r->efficiency = copy_array (efficiency, n);
  g_ptr_array_add (data->runs, r);
  return r;
}

/* Impedance. */

static void
spectrum_free (gpointer p)
{
  CcSpectrum *s = p;

  g_free (s->label);
  g_free (s->frequency_Hz);
  g_free (s->z_re);
  g_free (s->z_im);
  g_free (s);
}

CcImpedanceData *
cc_impedance_data_new (gboolean area_specific)
{
  CcImpedanceData *d = g_new0 (CcImpedanceData, 1);

  d->spectra = g_ptr_array_new_with_free_func (spectrum_free);
  d->area_specific = area_specific;
  return d;
}

void
cc_impedance_data_free (CcImpedanceData *data)
{
  if (data == NULL)
    return;
  g_ptr_array_unref (data->spectra);
  g_free (data);
}

CcSpectrum *
cc_impedance_data_add_spectrum (CcImpedanceData *data,
                                const char      *label,
                                CcCurveRole      role,
                                const double    *frequency_Hz,
                                const double    *z_re,
                                const double    *z_im,
                                guint            n)
{
  CcSpectrum *s;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (n == 0 || (frequency_Hz != NULL && z_re != NULL && z_im != NULL), NULL);

  s = g_new0 (CcSpectrum, 1);
  s->label = g_strdup (label);
  s->role = role;
  s->n = n;
  s->frequency_Hz = copy_array (frequency_Hz, n);
  s->z_re = copy_array (z_re, n);
  s->z_im = copy_array (z_im, n);
  g_ptr_array_add (data->spectra, s);
  return s;
}

/* Stability windows. */

static void
window_free (gpointer p)
{
  CcStabilityWindow *w = p;

  g_free (w->label);
  g_free (w->reduction_products);
  g_free (w->oxidation_products);
  g_free (w);
}

CcStabilityData *
cc_stability_data_new (void)
{
  CcStabilityData *d = g_new0 (CcStabilityData, 1);

  d->windows = g_ptr_array_new_with_free_func (window_free);
  d->cam_min_V = d->cam_max_V = d->anode_V = NAN;
  return d;
}

void
cc_stability_data_free (CcStabilityData *data)
{
  if (data == NULL)
    return;
  g_ptr_array_unref (data->windows);
  g_free (data->cam_label);
  g_free (data->anode_label);
  g_free (data);
}

CcStabilityWindow *
cc_stability_data_add_window (CcStabilityData *data,
                              const char      *label,
                              double           reduction_V,
                              double           oxidation_V)
{
  CcStabilityWindow *w = g_new0 (CcStabilityWindow, 1);

  w->label = g_strdup (label);
  w->reduction_V = reduction_V;
  w->oxidation_V = oxidation_V;
  w->apparent_reduction_V = w->apparent_oxidation_V = NAN;
  g_ptr_array_add (data->windows, w);
  return w;
}

void
cc_stability_window_set_apparent (CcStabilityWindow *window,
                                  double             reduction_V,
                                  double             oxidation_V)
{
  window->apparent_reduction_V = reduction_V;
  window->apparent_oxidation_V = oxidation_V;
}

void
cc_stability_window_set_products (CcStabilityWindow *window,
                                  const char        *reduction_markup,
                                  const char        *oxidation_markup)
{
  g_free (window->reduction_products);
  g_free (window->oxidation_products);
  window->reduction_products = g_strdup (reduction_markup);
  window->oxidation_products = g_strdup (oxidation_markup);
}

void
cc_stability_data_set_cam (CcStabilityData *data,
                           const char      *label,
                           double           min_V,
                           double           max_V)
{
  g_free (data->cam_label);
  data->cam_label = g_strdup (label);
  data->cam_min_V = min_V;
  data->cam_max_V = max_V;
}

void
cc_stability_data_set_anode (CcStabilityData *data,
                             const char      *label,
                             double           potential_V)
{
  g_free (data->anode_label);
  data->anode_label = g_strdup (label);
  data->anode_V = potential_V;
}

/* Compatibility matrix. */

CcCompatibilityData *
cc_compatibility_data_new (const char * const *level_meanings,
                           guint               n_levels)
{
  CcCompatibilityData *d = g_new0 (CcCompatibilityData, 1);

  d->rows = g_ptr_array_new_with_free_func (g_free);
  d->cols = g_ptr_array_new_with_free_func (g_free);
  d->levels = g_ptr_array_new_with_free_func (g_free);
  d->scores = g_array_new (FALSE, FALSE, sizeof (int));
  d->highlight_row = d->highlight_col = -1;
  for (guint i = 0; i < n_levels; i++)
    g_ptr_array_add (d->levels, g_strdup (level_meanings[i]));
  return d;
}

void
cc_compatibility_data_free (CcCompatibilityData *data)
{
  if (data == NULL)
    return;
  g_ptr_array_unref (data->rows);
  g_ptr_array_unref (data->cols);
  g_ptr_array_unref (data->levels);
  g_array_unref (data->scores);
  g_free (data->row_title);
  g_free (data->col_title);
  g_free (data);
}

/* Re-lays the row-major score table for a new shape, unknown (−1) where new. */
static void
reshape (CcCompatibilityData *d,
         guint                old_rows,
         guint                old_cols)
{
  guint rows = d->rows->len, cols = d->cols->len;
  GArray *s = g_array_sized_new (FALSE, FALSE, sizeof (int), rows * cols);

  for (guint r = 0; r < rows; r++)
    for (guint c = 0; c < cols; c++)
      {
        int v = r < old_rows && c < old_cols ? g_array_index (d->scores, int, r * old_cols + c) : -1;

        g_array_append_val (s, v);
      }
  g_array_unref (d->scores);
  d->scores = s;
}

guint
cc_compatibility_data_add_row (CcCompatibilityData *data,
                               const char          *label)
{
  guint rows = data->rows->len, cols = data->cols->len;

  g_ptr_array_add (data->rows, g_strdup (label));
  reshape (data, rows, cols);
  return data->rows->len - 1;
}

guint
cc_compatibility_data_add_col (CcCompatibilityData *data,
                               const char          *label)
{
  guint rows = data->rows->len, cols = data->cols->len;

  g_ptr_array_add (data->cols, g_strdup (label));
  reshape (data, rows, cols);
  return data->cols->len - 1;
}

void
cc_compatibility_data_set_score (CcCompatibilityData *data,
                                 guint                row,
                                 guint                col,
                                 int                  score)
{
  g_return_if_fail (row < data->rows->len && col < data->cols->len);
  g_return_if_fail (score >= -1 && score < (int) data->levels->len);
  g_array_index (data->scores, int, row * data->cols->len + col) = score;
}

int
cc_compatibility_data_get_score (const CcCompatibilityData *data,
                                 guint                      row,
                                 guint                      col)
{
  g_return_val_if_fail (row < data->rows->len && col < data->cols->len, -1);
  return g_array_index (data->scores, int, row * data->cols->len + col);
}

void
cc_compatibility_data_set_highlight (CcCompatibilityData *data,
                                     int                  row,
                                     int                  col)
{
  data->highlight_row = row;
  data->highlight_col = col;
}

void
cc_compatibility_data_set_titles (CcCompatibilityData *data,
                                  const char          *row_title,
                                  const char          *col_title)
{
  g_free (data->row_title);
  g_free (data->col_title);
  data->row_title = g_strdup (row_title);
  data->col_title = g_strdup (col_title);
}
