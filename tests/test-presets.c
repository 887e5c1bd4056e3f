/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-preset.h"

#include <math.h>
#include <string.h>

static void
test_all_valid (void)
{
  CcPresetList *list = cc_preset_list_get_default ();

  for (guint i = 0; i < cc_preset_list_get_n (list); i++)
    {
      const CcPreset *p = cc_preset_list_get_nth (list, i);
      g_autoptr(GError) error = NULL;

      if (!cc_design_validate (p->design, cc_material_db_get_default (), &error))
        g_error ("preset %s: %s", p->id, error->message);
      g_assert_cmpuint (strlen (p->reference), >, 5);
      g_assert_cmpuint (strlen (p->explanation), >, 40);
    }
}

static void
test_table1_and_text_cells (void)
{
  CcPresetList *list = cc_preset_list_get_default ();
  guint table1 = 0;
  /* Cells the review discusses in its text, by the CAM and SE they combine. */
  static const char * const pairs[][2] = {
    { "nacro2", "na3ps4-cubic" }, { "nacro2", "nyzc" }, { "tis2", "na3ps4-cubic" },
    { "na4c6o6", "na3ps4-cubic" }, { "pto", "na3ps4-cubic" }, { "nvp", "nzsp" },
    { "fe1-xs", "na29ps395se005" }, { "na2s", NULL },
  };

  for (guint i = 0; i < cc_preset_list_get_n (list); i++)
    {
      const CcPreset *p = cc_preset_list_get_nth (list, i);
      if (p->reported.notes != NULL && strstr (p->reported.notes, "Table 1") != NULL)
        table1++;
    }
  g_test_message ("%u presets, %u from Table 1", cc_preset_list_get_n (list), table1);
  g_assert_cmpuint (table1, >=, 19);

  for (guint k = 0; k < G_N_ELEMENTS (pairs); k++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < cc_preset_list_get_n (list) && !found; i++)
        {
          const CcPreset *p = cc_preset_list_get_nth (list, i);
          gboolean has_cam = FALSE, has_se = pairs[k][1] == NULL;

          for (guint c = 0; c < p->design->components->len; c++)
            {
              const CcComponent *comp = g_ptr_array_index (p->design->components, c);
              has_cam |= g_str_equal (comp->material_id, pairs[k][0]);
              if (pairs[k][1] != NULL)
                has_se |= g_str_equal (comp->material_id, pairs[k][1])
                          || g_strcmp0 (comp->coating_id, pairs[k][1]) == 0;
            }
          if (pairs[k][1] != NULL)
            has_se |= g_strcmp0 (p->design->cell.separator_id, pairs[k][1]) == 0;
          found = has_cam && has_se;
        }
      if (!found)
        g_error ("no preset combines %s with %s", pairs[k][0], pairs[k][1] ? pairs[k][1] : "any SE");
    }
}

static void
test_reported_sane (void)
{
  CcPresetList *list = cc_preset_list_get_default ();

  for (guint i = 0; i < cc_preset_list_get_n (list); i++)
    {
      const CcPreset *p = cc_preset_list_get_nth (list, i);
      const CcReported *r = &p->reported;

      if (!isnan (r->retention) && (r->retention <= 0 || r->retention > 1.05))
        g_error ("%s: retention %g must be a fraction", p->id, r->retention);
      if (!isnan (r->initial_coulombic_efficiency)
          && (r->initial_coulombic_efficiency <= 0 || r->initial_coulombic_efficiency > 1.0))
        g_error ("%s: ICE %g must be a fraction ≤ 1", p->id, r->initial_coulombic_efficiency);
      if (!isnan (r->capacity_mAh_g) && (r->capacity_mAh_g <= 0 || r->capacity_mAh_g > 2000))
        g_error ("%s: capacity %g not plausible", p->id, r->capacity_mAh_g);
      /* Some text cells are only described qualitatively; then the notes must
       * say what was reported. */
      if (r->notes == NULL || strlen (r->notes) < 20)
        g_error ("%s: reported.notes must say what the source reported", p->id);
    }
}

static void
test_argument_lookup (void)
{
  CcPresetList *list = cc_preset_list_get_default ();
  const CcPreset *first = cc_preset_list_get_nth (list, 0);
  g_autofree char *arg = g_strconcat ("preset:", first->id, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CcDesign) d = cc_design_load_from_argument (arg, &error);
  g_autoptr(CcDesign) none = NULL;

  g_assert_no_error (error);
  g_assert_true (cc_design_equal (d, first->design));
  none = cc_design_load_from_argument ("preset:no-such-cell", &error);
  g_assert_null (none);
  g_assert_nonnull (strstr (error->message, "no preset named \"no-such-cell\""));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/presets/all-valid", test_all_valid);
  g_test_add_func ("/presets/table1-and-text-cells", test_table1_and_text_cells);
  g_test_add_func ("/presets/reported-sane", test_reported_sane);
  g_test_add_func ("/presets/argument-lookup", test_argument_lookup);
  return g_test_run ();
}
