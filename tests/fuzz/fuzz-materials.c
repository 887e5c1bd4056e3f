/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fuzz target: the materials-database loader (one file of data/materials/),
 * then every accessor on what it accepted, and the all-or-nothing promise:
 * a refused file adds nothing, a second load of an accepted one is refused
 * for its duplicated ids.
 */
#include "fuzz-oracles.h"

#include <math.h>

static void
exercise_material (const CcMaterial *m)
{
  g_autoptr(GList) facts = cc_material_get_fact_keys (m);
  const CcCurve *ocv = cc_material_get_ocv (m);
  static const double probes[] = { -1.0, 0.0, 0.25, 0.5, 1.0, 2.0 };

  g_assert_nonnull (cc_material_get_id (m));
  g_assert_nonnull (cc_material_get_name (m));
  g_assert_nonnull (cc_material_get_formula (m));
  g_assert_nonnull (cc_material_get_markup (m));
  g_assert_nonnull (cc_material_get_family (m));
  g_assert_nonnull (cc_material_get_description (m));
  g_assert_nonnull (cc_material_class_to_string (cc_material_get_class (m)));

  for (guint i = 0; i < cc_material_get_n_properties (m); i++)
    {
      const CcProperty *p = cc_material_get_property_at (m, i);

      g_assert_true (isfinite (p->value));
      g_assert_true (cc_material_get_property (m, p->key) != NULL);
      g_assert_nonnull (p->source);
    }
  for (GList *l = facts; l != NULL; l = l->next)
    {
      (void) cc_material_get_string (m, l->data);
      (void) cc_material_get_strv (m, l->data);
      (void) cc_material_get_flag (m, l->data, FALSE);
    }
  if (ocv != NULL)
    {
      g_assert_cmpuint (ocv->n, >=, 2);
      for (guint i = 0; i < G_N_ELEMENTS (probes); i++)
        {
          double lo = ocv->y[0], hi = ocv->y[0];
          double v = cc_curve_eval (ocv, probes[i]);

          /* Linear interpolation never leaves the range of the table. */
          for (guint k = 1; k < ocv->n; k++)
            {
              lo = MIN (lo, ocv->y[k]);
              hi = MAX (hi, ocv->y[k]);
            }
          g_assert_true (v >= lo && v <= hi);
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = fuzz_exact_copy (data, size);
  g_autoptr(CcMaterialDb) db = cc_material_db_new ();
  g_autoptr(GError) error = NULL;
  guint n;

  if (!cc_material_db_load_data (db, text, (gssize) size, "fuzz.json", &error))
    {
      fuzz_check_error (error);
      g_assert_cmpuint (cc_material_db_get_n (db), ==, 0);
      return 0;
    }

  n = cc_material_db_get_n (db);
  for (guint i = 0; i < n; i++)
    {
      const CcMaterial *m = cc_material_db_get_nth (db, i);

      g_assert_true (cc_material_db_lookup (db, cc_material_get_id (m)) == m);
      exercise_material (m);
    }

  if (n > 0)
    {
      g_assert_false (cc_material_db_load_data (db, text, (gssize) size, "fuzz.json", &error));
      fuzz_check_error (error);
      g_assert_cmpuint (cc_material_db_get_n (db), ==, n);
    }
  return 0;
}
