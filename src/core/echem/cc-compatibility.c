/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The CAM x solid-electrolyte compatibility matrix. Each pair gets a score
 * 0..100, the product of three factors, each with its reason:
 *  - electrochemical: the CAM's usual operating window (voltage_min_V ..
 *    voltage_max_V vs Na) against the electrolyte's thermodynamic window:
 *    1 inside; outside, 0.6 exp(margin / 1 V) when the products passivate
 *    and 0.3 exp(margin / 1 V) when they keep growing;
 *  - chemical: 1 - 0.6 x the anion mismatch (cc_anion_mismatch);
 *  - mechanical: the contact stress E* x (dV/V)/3 against a typical 10 MPa
 *    stack pressure and a 100 MPa interfacial strength,
 *    exp(-0.5 drive), the drive divided by 20 when either side flows.
 * The weights are estimates that rank pairs the way the review does; the
 * score is a screening aid, not a prediction of capacity.
 */
#include "cc-stability.h"

#include <math.h>
#include "cc-chemistry.h"

void
cc_compatibility_free (CcCompatibility *c)
{
  if (c == NULL)
    return;
  g_free (c->cam_id);
  g_free (c->electrolyte_id);
  g_ptr_array_unref (c->reasons);
  g_free (c);
}

static double
electrochemical (CcCompatibility  *c,
                 const CcMaterial *cam,
                 const CcMaterial *el)
{
  double vmin = cc_material_get (cam, "voltage_min_V", cc_material_get (cam, "average_voltage_V", 2.5) - 0.5);
  double vmax = cc_material_get (cam, "voltage_max_V", cc_material_get (cam, "average_voltage_V", 2.5) + 0.5);
  double lo = cc_material_get (el, "reduction_limit_V", -INFINITY);
  double hi = cc_material_get (el, "oxidation_limit_V", INFINITY);
  double m_ox = hi - vmax, m_red = vmin - lo;
  gboolean ox = m_ox < m_red, cont;

  c->margin_V = MIN (m_ox, m_red);
  if (isinf (c->margin_V))
    c->margin_V = 10;
  if (c->margin_V >= 0)
    {
      c->verdict = CC_VERDICT_STABLE;
      g_ptr_array_add (c->reasons, g_strdup_printf ("electrochemical: the CAM's %.2f-%.2f V stays inside the "
                                                    "electrolyte window with %.2f V to spare", vmin, vmax, c->margin_V));
      return 1;
    }
  cont = cc_products_electronic (el, ox);
  c->verdict = cont ? CC_VERDICT_CONTINUOUS : CC_VERDICT_PASSIVATING;
  g_ptr_array_add (c->reasons,
                   g_strdup_printf ("electrochemical: %s at %.2f V, %.2f V past the %.2f V %s limit; %s interphase",
                                    ox ? "oxidised" : "reduced", ox ? vmax : vmin, -c->margin_V, ox ? hi : lo,
                                    ox ? "oxidation" : "reduction",
                                    cont ? "continuously growing (electronically conducting products)"
                                         : "passivating"));
  return (cont ? 0.3 : 0.6) * exp (c->margin_V / 1.0);
}

static double
chemical (CcCompatibility  *c,
          const CcMaterial *cam,
          const CcMaterial *el)
{
  const char *why = NULL;
  double water = cc_material_get (cam, "water_content_wt_percent", 0);
  const char *moist = cc_material_get_string (el, "moisture_sensitivity");

  c->chemical_mismatch = cc_anion_mismatch (cc_material_anion (cam), cc_material_anion (el), &why);
  if (water > 0 && g_strcmp0 (moist, "high") == 0)
    {
      /* Lattice water of Prussian-blue analogues attacks moisture-sensitive
       * electrolytes (Review 3.1.3). */
      c->chemical_mismatch = MIN (1.0, c->chemical_mismatch + water / 30.0);
      g_ptr_array_add (c->reasons, g_strdup_printf ("chemical: %.0f wt%% lattice water against a moisture-"
                                                    "sensitive electrolyte", water));
    }
  g_ptr_array_add (c->reasons, g_strdup_printf ("chemical: mismatch %.2f, %s", c->chemical_mismatch, why));
  return 1 - 0.6 * c->chemical_mismatch;
}

static double
mechanical (CcCompatibility  *c,
            const CcMaterial *cam,
            const CcMaterial *el)
{
  double estar = cc_contact_modulus (cam, el);
  double dv = cc_material_get (cam, "volume_change_percent", 2) / 100.0;
  double drive;

  c->plastic = cc_material_is_plastic (cam) || cc_material_is_plastic (el);
  if (!(estar > 0))
    estar = 50e9;
  c->mechanical_stress_MPa = estar * dv / 3.0 / 1e6;
  drive = MAX (0.0, c->mechanical_stress_MPa - 10.0) / 100.0 / (c->plastic ? 20.0 : 1.0);
  g_ptr_array_add (c->reasons,
                   g_strdup_printf ("mechanical: E* %.0f GPa x %.2f %% linear strain = %.0f MPa%s",
                                    estar / 1e9, 100 * dv / 3, c->mechanical_stress_MPa,
                                    c->plastic ? "; a plastic side keeps the contact" : "; both sides rigid"));
  return exp (-0.5 * drive);
}

CcCompatibility *
cc_compatibility_pair (const CcMaterial *cam,
                       const CcMaterial *el)
{
  CcCompatibility *c = g_new0 (CcCompatibility, 1);

  c->cam_id = g_strdup (cc_material_get_id (cam));
  c->electrolyte_id = g_strdup (cc_material_get_id (el));
  c->reasons = g_ptr_array_new_with_free_func (g_free);
  c->score = 100 * electrochemical (c, cam, el) * chemical (c, cam, el) * mechanical (c, cam, el);
  c->score = round (c->score * 10) / 10;
  return c;
}

GPtrArray *
cc_compatibility_matrix (CcMaterialDb *db)
{
  g_autoptr(GPtrArray) cams = cc_material_db_list_class (db, CC_MATERIAL_CLASS_CAM);
  g_autoptr(GPtrArray) ses = cc_material_db_list_class (db, CC_MATERIAL_CLASS_SE);
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) cc_compatibility_free);

  for (guint i = 0; i < cams->len; i++)
    for (guint j = 0; j < ses->len; j++)
      g_ptr_array_add (out, cc_compatibility_pair (g_ptr_array_index (cams, i), g_ptr_array_index (ses, j)));
  return out;
}

void
cc_compatibility_matrix_to_json (GPtrArray   *matrix,
                                 JsonBuilder *b)
{
  json_builder_set_member_name (b, "compatibility");
  json_builder_begin_array (b);
  for (guint i = 0; i < matrix->len; i++)
    {
      const CcCompatibility *c = g_ptr_array_index (matrix, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "cam");
      json_builder_add_string_value (b, c->cam_id);
      json_builder_set_member_name (b, "electrolyte");
      json_builder_add_string_value (b, c->electrolyte_id);
      json_builder_set_member_name (b, "score");
      json_builder_add_double_value (b, c->score);
      json_builder_set_member_name (b, "margin_V");
      json_builder_add_double_value (b, c->margin_V);
      json_builder_set_member_name (b, "verdict");
      json_builder_add_string_value (b, cc_verdict_to_string (c->verdict));
      json_builder_set_member_name (b, "chemical_mismatch");
      json_builder_add_double_value (b, c->chemical_mismatch);
      json_builder_set_member_name (b, "mechanical_stress_MPa");
      json_builder_add_double_value (b, c->mechanical_stress_MPa);
      json_builder_set_member_name (b, "reasons");
      json_builder_begin_array (b);
      for (guint k = 0; k < c->reasons->len; k++)
        json_builder_add_string_value (b, g_ptr_array_index (c->reasons, k));
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}
