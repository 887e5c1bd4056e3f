/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-stability.h"

#include <math.h>
#include "cc-cell-inputs.h"
#include "cc-chemistry.h"

const char *
cc_verdict_to_string (CcVerdict v)
{
  switch (v)
    {
    case CC_VERDICT_STABLE:      return "stable";
    case CC_VERDICT_PASSIVATING: return "passivating";
    case CC_VERDICT_CONTINUOUS:  return "continuous";
    default:                     return "unknown";
    }
}

static void
interface_free (gpointer data)
{
  CcInterfaceStability *s = data;

  g_free (s->pair);
  g_free (s->kind);
  g_free (s->electronic_side);
  g_free (s->electrolyte);
  g_ptr_array_unref (s->products);
  g_free (s->explanation);
  g_free (s);
}

static void
window_free (gpointer data)
{
  CcWindowBar *w = data;

  g_free (w->id);
  g_free (w->role);
  g_free (w);
}

void
cc_stability_report_free (CcStabilityReport *r)
{
  if (r == NULL)
    return;
  g_ptr_array_unref (r->interfaces);
  g_ptr_array_unref (r->windows);
  g_free (r->cam_id);
  g_free (r->anode_id);
  g_free (r);
}

static double
limit_of (const CcMaterial *m,
          const char       *key,
          double            none)
{
  double v = cc_material_get (m, key, NAN);
  return isnan (v) ? none : v;
}

/* The window of `el` against potentials [pmin, pmax] reached by electrons
 * from `electronic` (an id or "current-collector"). */
static CcInterfaceStability *
test_window (const char       *kind,
             const char       *electronic,
             const CcMaterial *el,
             double            pmin,
             double            pmax)
{
  CcInterfaceStability *s = g_new0 (CcInterfaceStability, 1);
  const char *el_id = cc_material_get_id (el);
  double lo = limit_of (el, "reduction_limit_V", -INFINITY);
  double hi = limit_of (el, "oxidation_limit_V", INFINITY);
  double alo = limit_of (el, "apparent_reduction_limit_V", lo);
  double ahi = limit_of (el, "apparent_oxidation_limit_V", hi);
  double m_ox = hi - pmax, m_red = pmin - lo;

  s->pair = g_strdup_printf ("%s | %s", electronic, el_id);
  s->kind = g_strdup (kind);
  s->electronic_side = g_strdup (electronic);
  s->electrolyte = g_strdup (el_id);
  s->potential_min_V = pmin;
  s->potential_max_V = pmax;
  s->reduction_limit_V = lo;
  s->oxidation_limit_V = hi;
  s->products = g_ptr_array_new_with_free_func (g_free);
  s->margin_V = MIN (m_ox, m_red);
  s->apparent_margin_V = MIN (ahi - pmax, pmin - alo);
  if (isinf (s->margin_V))
    s->margin_V = s->margin_V > 0 ? 10.0 : -10.0;   /* no limit known on either side */
  if (isinf (s->apparent_margin_V))
    s->apparent_margin_V = s->apparent_margin_V > 0 ? 10.0 : -10.0;

  if (s->margin_V >= 0)
    {
      s->verdict = CC_VERDICT_STABLE;
      s->explanation = g_strdup_printf ("%s stays inside the %s window (%.2f-%.2f V vs Na) with %.2f V to spare",
                                        electronic, el_id, lo, hi, s->margin_V);
    }
  else
    {
      const char * const *prod;
      gboolean electronic_products;

      s->oxidation = m_ox < m_red;
      prod = cc_material_get_strv (el, s->oxidation ? "oxidation_products" : "reduction_products");
      for (guint i = 0; prod != NULL && prod[i] != NULL; i++)
        g_ptr_array_add (s->products, g_strdup (prod[i]));
      electronic_products = cc_products_electronic (el, s->oxidation);
      s->verdict = electronic_products ? CC_VERDICT_CONTINUOUS : CC_VERDICT_PASSIVATING;
      s->explanation = g_strdup_printf ("%s %s %s at %.2f V vs Na, %.2f V past its %s limit of %.2f V; the "
                                        "products %s electrons, so the interphase %s",
                                        electronic, s->oxidation ? "oxidises" : "reduces", el_id,
                                        s->oxidation ? pmax : pmin, -s->margin_V,
                                        s->oxidation ? "oxidation" : "reduction", s->oxidation ? hi : lo,
                                        electronic_products ? "conduct" : "do not conduct",
                                        electronic_products ? "keeps growing" : "passivates");
    }
  return s;
}

/* An interface where no electrons reach the electrolyte (behind an
 * electronically insulating coating). */
static CcInterfaceStability *
insulated (const char       *kind,
           const char       *side,
           const CcMaterial *el,
           double            pmin,
           double            pmax,
           const char       *why)
{
  CcInterfaceStability *s = test_window (kind, side, el, pmin, pmax);

  if (s->verdict != CC_VERDICT_STABLE)
    {
      g_free (s->explanation);
      s->explanation = g_strdup_printf ("%s; the potential lies outside the window but %s", s->pair, why);
      s->verdict = CC_VERDICT_STABLE;
      g_ptr_array_set_size (s->products, 0);
    }
  return s;
}

static void
add_window (CcStabilityReport *r,
            const CcMaterial  *m,
            const char        *role)
{
  CcWindowBar *w;

  for (guint i = 0; i < r->windows->len; i++)
    if (g_str_equal (((CcWindowBar *) g_ptr_array_index (r->windows, i))->id, cc_material_get_id (m)))
      return;
  w = g_new0 (CcWindowBar, 1);
  w->id = g_strdup (cc_material_get_id (m));
  w->role = g_strdup (role);
  w->reduction_V = limit_of (m, "reduction_limit_V", NAN);
  w->oxidation_V = limit_of (m, "oxidation_limit_V", NAN);
  w->apparent_reduction_V = limit_of (m, "apparent_reduction_limit_V", NAN);
  w->apparent_oxidation_V = limit_of (m, "apparent_oxidation_limit_V", NAN);
  g_ptr_array_add (r->windows, w);
}

static const CcMaterial *
need (CcMaterialDb  *db,
      const char    *id,
      const char    *field,
      GError       **error)
{
  const CcMaterial *m = cc_material_db_lookup (db, id);

  if (m == NULL)
    g_set_error (error, CC_CELL_ERROR, CC_CELL_ERROR_INVALID,
                 "%s names material '%s', which is not in the database", field, id);
  return m;
}

static void
cam_interfaces (CcStabilityReport *r,
                const CcComponent *cc,
                const CcMaterial  *cam,
                const CcMaterial  *el,
                const CcMaterial  *coat,
                double             lo,
                double             hi)
{
  double cov = coat != NULL
               ? 1 - exp (-cc->coating_thickness_nm * 1e-9 / cc_model_constant (CC_K_COATING_COVERAGE_LENGTH)->value)
               : 0;
  const char *why = NULL;
  CcInterfaceStability *s;

  if (coat != NULL && !cc_material_is_wetting (coat, NULL))
    {
      /* The coating sees the CAM's potential; the electrolyte behind it sees
       * no electrons while the coating covers and insulates. */
      s = test_window ("coating-cam", cc_material_get_id (cam), coat, lo, hi);
      s->chemical_mismatch = cc_anion_mismatch (cc_material_anion (cam), cc_material_anion (coat), &why);
      g_ptr_array_add (r->interfaces, s);
      if (el != NULL)
        {
          if (cov >= 0.95 && s->verdict == CC_VERDICT_STABLE
              && cc_material_get (coat, "electronic_conductivity_S_cm", 0) < 1e-6)
            s = insulated ("cam-electrolyte", cc_material_get_id (cam), el, lo, hi,
                           "the coating covers the CAM and blocks electrons");
          else
            s = test_window ("cam-electrolyte", cc_material_get_id (cam), el, lo, hi);
          s->chemical_mismatch = cc_anion_mismatch (cc_material_anion (cam), cc_material_anion (el), &why)
                                 * (1 - cov);
          g_ptr_array_add (r->interfaces, s);
          s = insulated ("coating-electrolyte", cc_material_get_id (coat), el, lo, hi,
                         "the coating conducts no electrons");
          s->chemical_mismatch = cc_anion_mismatch (cc_material_anion (coat), cc_material_anion (el), &why);
          g_ptr_array_add (r->interfaces, s);
        }
    }
  else if (el != NULL)
    {
      s = test_window ("cam-electrolyte", cc_material_get_id (cam), el, lo, hi);
      s->chemical_mismatch = cc_anion_mismatch (cc_material_anion (cam), cc_material_anion (el), &why);
      g_ptr_array_add (r->interfaces, s);
    }
}

CcStabilityReport *
cc_stability_analyze (const CcDesign *d,
                      CcMaterialDb   *db,
                      GError        **error)
{
  g_autoptr(CcStabilityReport) r = g_new0 (CcStabilityReport, 1);
  const CcComponent *cc = cc_design_find_component (d, db, CC_MATERIAL_CLASS_CAM);
  const CcComponent *ec = cc_design_find_component (d, db, CC_MATERIAL_CLASS_SE);
  const CcMaterial *cam, *el = NULL, *coat = NULL, *sep = NULL, *il = NULL, *anode;
  double u_an, lo, hi;

  r->interfaces = g_ptr_array_new_with_free_func (interface_free);
  r->windows = g_ptr_array_new_with_free_func (window_free);
  if (cc == NULL)
    {
      g_set_error_literal (error, CC_CELL_ERROR, CC_CELL_ERROR_INVALID, "the design has no CAM component");
      return NULL;
    }
  if ((cam = need (db, cc->material_id, "components[].material", error)) == NULL
      || (anode = need (db, d->cell.anode_id, "cell.anode", error)) == NULL)
    return NULL;
  if (ec == NULL)
    ec = cc_design_find_component (d, db, CC_MATERIAL_CLASS_INTERLAYER);
  if ((ec != NULL && (el = need (db, ec->material_id, "components[].material", error)) == NULL)
      || (cc->coating_id != NULL && (coat = need (db, cc->coating_id, "components[].coating", error)) == NULL)
      || (d->cell.separator_id != NULL && (sep = need (db, d->cell.separator_id, "cell.separator", error)) == NULL)
      || (d->cell.interlayer_id != NULL && (il = need (db, d->cell.interlayer_id, "cell.interlayer", error)) == NULL))
    return NULL;

  u_an = cc_material_get (anode, "potential_vs_na_V", 0);
  lo = d->protocol.voltage_min_V + u_an;
  hi = d->protocol.voltage_max_V + u_an;
  r->cam_id = g_strdup (cc_material_get_id (cam));
  r->cam_min_V = lo;
  r->cam_max_V = hi;
  r->anode_id = g_strdup (cc_material_get_id (anode));
  r->anode_V = u_an;

  cam_interfaces (r, cc, cam, el, coat, lo, hi);
  if (el != NULL)
    {
      add_window (r, el, "catholyte");
      for (guint i = 0; i < d->components->len; i++)
        {
          const CcComponent *c = g_ptr_array_index (d->components, i);
          const CcMaterial *m = cc_material_db_lookup (db, c->material_id);
          if (m != NULL && cc_material_get_class (m) == CC_MATERIAL_CLASS_CARBON)
            g_ptr_array_add (r->interfaces, test_window ("carbon-electrolyte", c->material_id, el, lo, hi));
        }
      g_ptr_array_add (r->interfaces, test_window ("collector-electrolyte", "current-collector", el, lo, hi));
    }
  if (coat != NULL)
    add_window (r, coat, "coating");
  if (il != NULL)
    {
      /* The interlayer touches the composite (cathode potentials). */
      g_ptr_array_add (r->interfaces, test_window ("interlayer-cathode", "cathode", il, lo, hi));
      add_window (r, il, "interlayer");
    }
  if (sep != NULL)
    {
      /* A separator that differs from the catholyte meets the composite's
       * carbon and CAM at its surface. */
      if ((el == NULL || sep != el) && il == NULL)
        g_ptr_array_add (r->interfaces, test_window ("separator-cathode", "cathode", sep, lo, hi));
      g_ptr_array_add (r->interfaces, test_window ("anode-separator", cc_material_get_id (anode), sep, u_an, u_an));
      add_window (r, sep, "separator");
    }
  return g_steal_pointer (&r);
}

static void
number (JsonBuilder *b,
        const char  *name,
        double       v)
{
  json_builder_set_member_name (b, name);
  if (isfinite (v))
    json_builder_add_double_value (b, v);
  else
    json_builder_add_null_value (b);
}

static void
string (JsonBuilder *b,
        const char  *name,
        const char  *v)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, v != NULL ? v : "");
}

void
cc_stability_report_to_json (const CcStabilityReport *r,
                             JsonBuilder             *b)
{
  json_builder_set_member_name (b, "interfaces");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->interfaces->len; i++)
    {
      const CcInterfaceStability *s = g_ptr_array_index (r->interfaces, i);

      json_builder_begin_object (b);
      string (b, "pair", s->pair);
      string (b, "kind", s->kind);
      number (b, "potential_min_V", s->potential_min_V);
      number (b, "potential_max_V", s->potential_max_V);
      number (b, "reduction_limit_V", s->reduction_limit_V);
      number (b, "oxidation_limit_V", s->oxidation_limit_V);
      number (b, "margin_V", s->margin_V);
      number (b, "apparent_margin_V", s->apparent_margin_V);
      string (b, "verdict", cc_verdict_to_string (s->verdict));
      json_builder_set_member_name (b, "products");
      json_builder_begin_array (b);
      for (guint k = 0; k < s->products->len; k++)
        json_builder_add_string_value (b, g_ptr_array_index (s->products, k));
      json_builder_end_array (b);
      number (b, "chemical_mismatch", s->chemical_mismatch);
      string (b, "explanation", s->explanation);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "stability_window");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "electrolytes");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->windows->len; i++)
    {
      const CcWindowBar *w = g_ptr_array_index (r->windows, i);
      json_builder_begin_object (b);
      string (b, "id", w->id);
      string (b, "role", w->role);
      number (b, "reduction_V", w->reduction_V);
      number (b, "oxidation_V", w->oxidation_V);
      number (b, "apparent_reduction_V", w->apparent_reduction_V);
      number (b, "apparent_oxidation_V", w->apparent_oxidation_V);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "cam");
  json_builder_begin_object (b);
  string (b, "id", r->cam_id);
  number (b, "min_V", r->cam_min_V);
  number (b, "max_V", r->cam_max_V);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "anode");
  json_builder_begin_object (b);
  string (b, "id", r->anode_id);
  number (b, "potential_V", r->anode_V);
  json_builder_end_object (b);
  json_builder_end_object (b);
}
