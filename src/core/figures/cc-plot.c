/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Design → chart. The design-only charts (stability windows, compatibility
 * matrix) are built here from the materials database; the others run the
 * simulation and go through cc-plot-sim.c.
 */
#include "config.h"

#include "cc-plot.h"
#include "cc-chart-kinds.h"
#include "cc-chart-registry.h"
#include "cc-formula.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

/* Beyond the apparent window by more than this, a CAM–SE pair scores 0.
 * A presentation threshold (roughly the overpotential range over which
 * kinetically limited decomposition is still reported as tolerable), not a
 * physical constant. */
#define SCORE_MARGIN_V 0.5

static const char * const score_levels[] = {
  N_("beyond the apparent window by more than 0.5 V"),
  N_("beyond the apparent window by up to 0.5 V"),
  N_("inside the apparent (kinetic) window only"),
  N_("inside the thermodynamic window"),
};

static char *
material_markup (const CcMaterial *m)
{
  const char *markup = cc_material_get_markup (m);
  const char *formula = cc_material_get_formula (m);

  if (markup != NULL && *markup != '\0')
    return g_strdup (markup);
  if (formula != NULL && *formula != '\0')
    return cc_formula_to_markup (formula);
  return g_markup_escape_text (cc_material_get_name (m), -1);
}

int
cc_plot_window_score (double cam_min_V,
                      double cam_max_V,
                      double reduction_V,
                      double oxidation_V,
                      double apparent_reduction_V,
                      double apparent_oxidation_V)
{
  gboolean apparent = isfinite (apparent_reduction_V) || isfinite (apparent_oxidation_V);
  double a_red = isfinite (apparent_reduction_V) ? MIN (apparent_reduction_V, reduction_V) : reduction_V;
  double a_ox = isfinite (apparent_oxidation_V) ? MAX (apparent_oxidation_V, oxidation_V) : oxidation_V;
  double excess;

  if (!isfinite (cam_min_V) || !isfinite (cam_max_V) || !isfinite (reduction_V) || !isfinite (oxidation_V))
    return -1;
  if (cam_max_V <= oxidation_V && cam_min_V >= reduction_V)
    return 3;
  excess = MAX (cam_max_V - a_ox, a_red - cam_min_V);
  if (apparent && excess <= 0)
    return 2;
  return excess <= SCORE_MARGIN_V ? 1 : 0;
}

/* Stability windows. */

typedef struct {
  const CcMaterial *material;
  GString          *roles;
} Row;

static void
add_row (GArray           *rows,
         const CcMaterial *m,
         const char       *role)
{
  Row r;

  if (m == NULL)
    return;
  if (cc_material_get_class (m) != CC_MATERIAL_CLASS_SE &&
      cc_material_get_class (m) != CC_MATERIAL_CLASS_INTERLAYER)
    return;
  for (guint i = 0; i < rows->len; i++)
    {
      Row *o = &g_array_index (rows, Row, i);

      if (o->material == m)
        {
          if (strstr (o->roles->str, role) == NULL)
            g_string_append_printf (o->roles, ", %s", role);
          return;
        }
    }
  r.material = m;
  r.roles = g_string_new (role);
  g_array_append_val (rows, r);
}

static void
add_window (CcStabilityData  *data,
            const Row        *row)
{
  const CcMaterial *m = row->material;
  g_autofree char *markup = material_markup (m);
  g_autofree char *label = g_strdup_printf ("%s (%s)", markup, row->roles->str);
  g_autofree char *red = cc_formulas_to_markup (cc_material_get_strv (m, "reduction_products"));
  g_autofree char *ox = cc_formulas_to_markup (cc_material_get_strv (m, "oxidation_products"));
  CcStabilityWindow *w;

  w = cc_stability_data_add_window (data, label, cc_material_get (m, "reduction_limit_V", NAN),
                                    cc_material_get (m, "oxidation_limit_V", NAN));
  cc_stability_window_set_apparent (w, cc_material_get (m, "apparent_reduction_limit_V", NAN),
                                    cc_material_get (m, "apparent_oxidation_limit_V", NAN));
  cc_stability_window_set_products (w, red, ox);
}

static void
collect_rows (const CcDesign *design,
              CcMaterialDb   *db,
              GArray         *rows)
{
  for (guint i = 0; i < design->components->len; i++)
    {
      const CcComponent *c = g_ptr_array_index (design->components, i);

      add_row (rows, cc_material_db_lookup (db, c->material_id), "catholyte");
      if (c->coating_id != NULL)
        add_row (rows, cc_material_db_lookup (db, c->coating_id), "coating");
    }
  if (design->cell.separator_id != NULL)
    add_row (rows, cc_material_db_lookup (db, design->cell.separator_id), "separator");
  if (design->cell.interlayer_id != NULL)
    add_row (rows, cc_material_db_lookup (db, design->cell.interlayer_id), "interlayer");
}

/* The cathode sees the cell voltage plus the anode's potential. */
static void
set_cam_and_anode (CcStabilityData *data,
                   const CcDesign  *design,
                   CcMaterialDb    *db)
{
  const CcComponent *cam_c = cc_design_find_component (design, db, CC_MATERIAL_CLASS_CAM);
  const CcMaterial *anode = design->cell.anode_id != NULL ? cc_material_db_lookup (db, design->cell.anode_id) : NULL;
  double e_anode = anode != NULL ? cc_material_get (anode, "potential_vs_na_V", NAN) : NAN;

  if (anode != NULL && isfinite (e_anode))
    {
      g_autofree char *markup = material_markup (anode);

      cc_stability_data_set_anode (data, markup, e_anode);
    }
  if (cam_c != NULL)
    {
      const CcMaterial *cam = cc_material_db_lookup (db, cam_c->material_id);
      const CcProtocol *p = &design->protocol;
      g_autofree char *markup = material_markup (cam);
      double shift = isfinite (e_anode) ? e_anode : 0;

      if (p->voltage_max_V > p->voltage_min_V && p->voltage_min_V > 0)
        cc_stability_data_set_cam (data, markup, p->voltage_min_V + shift, p->voltage_max_V + shift);
      else
        cc_stability_data_set_cam (data, markup, cc_material_get (cam, "voltage_min_V", NAN),
                                   cc_material_get (cam, "voltage_max_V", NAN));
    }
}

CcStabilityData *
cc_plot_stability_data (const CcDesign *design,
                        CcMaterialDb   *db,
                        GError        **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  CcStabilityData *data;

  g_return_val_if_fail (design != NULL && db != NULL, NULL);
  collect_rows (design, db, rows);
  if (rows->len == 0)
    {
      g_set_error (error, CC_CHART_ERROR, CC_CHART_ERROR_DATA,
                   "Chart “stability-window”: design “%s” uses no solid electrolyte or coating",
                   design->name != NULL ? design->name : "");
      return NULL;
    }
  data = cc_stability_data_new ();
  for (guint i = 0; i < rows->len; i++)
    {
      Row *r = &g_array_index (rows, Row, i);

      add_window (data, r);
      g_string_free (r->roles, TRUE);
    }
  set_cam_and_anode (data, design, db);
  return data;
}

/* Compatibility matrix. */

static double
prop (const CcMaterial *m,
      const char       *key)
{
  return cc_material_get (m, key, NAN);
}

CcCompatibilityData *
cc_plot_compatibility_data (const CcDesign *design,
                            CcMaterialDb   *db,
                            GError        **error)
{
  g_autoptr(GPtrArray) cams = cc_material_db_list_class (db, CC_MATERIAL_CLASS_CAM);
  g_autoptr(GPtrArray) ses = cc_material_db_list_class (db, CC_MATERIAL_CLASS_SE);
  const CcComponent *dc = design != NULL ? cc_design_find_component (design, db, CC_MATERIAL_CLASS_CAM) : NULL;
  const CcComponent *ds = design != NULL ? cc_design_find_component (design, db, CC_MATERIAL_CLASS_SE) : NULL;
  CcCompatibilityData *d;

  if (cams->len == 0 || ses->len == 0)
    {
      g_set_error (error, CC_CHART_ERROR, CC_CHART_ERROR_DATA,
                   "Chart “compatibility-matrix”: the materials database has %u CAMs and %u solid electrolytes",
                   cams->len, ses->len);
      return NULL;
    }
  d = cc_compatibility_data_new (score_levels, G_N_ELEMENTS (score_levels));
  for (guint r = 0; r < cams->len; r++)
    {
      g_autofree char *markup = material_markup (g_ptr_array_index (cams, r));

      cc_compatibility_data_add_row (d, markup);
    }
  for (guint c = 0; c < ses->len; c++)
    {
      g_autofree char *markup = material_markup (g_ptr_array_index (ses, c));

      cc_compatibility_data_add_col (d, markup);
    }
  for (guint r = 0; r < cams->len; r++)
    for (guint c = 0; c < ses->len; c++)
      {
        const CcMaterial *cam = g_ptr_array_index (cams, r), *se = g_ptr_array_index (ses, c);

        cc_compatibility_data_set_score (d, r, c,
          cc_plot_window_score (prop (cam, "voltage_min_V"), prop (cam, "voltage_max_V"),
                                prop (se, "reduction_limit_V"), prop (se, "oxidation_limit_V"),
                                prop (se, "apparent_reduction_limit_V"), prop (se, "apparent_oxidation_limit_V")));
        if (dc != NULL && ds != NULL &&
            g_strcmp0 (cc_material_get_id (cam), dc->material_id) == 0 &&
            g_strcmp0 (cc_material_get_id (se), ds->material_id) == 0)
          cc_compatibility_data_set_highlight (d, r, c);
      }
  cc_compatibility_data_set_titles (d, _("Cathode active material"), _("Solid electrolyte"));
  return d;
}

/* The microstructure chart needs only the packing; the others the cell model
 * too (which the impedance charts use for the per-cycle interphase). */
static CcChart *
build_from_new_simulation (const CcChartKindInfo *kind,
                           const CcDesign        *design,
                           CcMaterialDb          *db,
                           const CcPlotOptions   *options,
                           GError               **error)
{
  g_autoptr(CcSimulation) sim = cc_simulation_new (db);
  CcSimulationOptions sim_options;

  cc_simulation_options_init (&sim_options);
  sim_options.particles = options != NULL ? options->particles : 0;
  sim_options.skip_cell = kind->source == CC_CHART_SOURCE_PACKING;
  if (!cc_simulation_run (sim, design, &sim_options, NULL, NULL, NULL, error))
    return NULL;
  return cc_plot_build_chart_from_simulation (kind->name, sim, options, error);
}

CcChart *
cc_plot_build_chart (const char          *name,
                     const CcDesign      *design,
                     CcMaterialDb        *db,
                     const CcPlotOptions *options,
                     GError             **error)
{
  const CcChartKindInfo *kind = cc_chart_kinds_lookup (name);

  g_return_val_if_fail (design != NULL && db != NULL, NULL);
  if (kind == NULL)
    {
      g_set_error (error, CC_CHART_ERROR, CC_CHART_ERROR_INVALID,
                   "Unknown chart “%s” (“list” names the charts)", name != NULL ? name : "");
      return NULL;
    }
  if (g_str_equal (kind->name, "stability-window"))
    {
      g_autoptr(CcStabilityData) data = cc_plot_stability_data (design, db, error);

      return data != NULL ? cc_chart_stability_new (data, error) : NULL;
    }
  if (g_str_equal (kind->name, "compatibility-matrix"))
    {
      g_autoptr(CcCompatibilityData) data = cc_plot_compatibility_data (design, db, error);

      return data != NULL ? cc_chart_compatibility_new (data, error) : NULL;
    }
  return build_from_new_simulation (kind, design, db, options, error);
}
