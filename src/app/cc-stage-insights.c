/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The insights state the main limitation first: a dead cell's explanation,
 * else active material the networks do not reach when much of it is out of
 * reach, else the degradation mechanism that lost the most capacity, then every
 * interface that leaves its stability window, with the margin and a remedy,
 * then the microstructure.
 */
#include "cc-stage-insights.h"

#include <glib/gi18n.h>
#include "cc-degradation.h"

/* Most interfaces listed; the rest are in the stability chart. */
#define MAX_INTERFACES 3

static const char *
mechanism_remedy (guint index)
{
  switch (1u << index)
    {
    case CC_MECH_OXIDATION: return _("add a halide buffer or coating, or lower the charge cut-off");
    case CC_MECH_REDUCTION: return _("use a reduction-stable interlayer or raise the discharge cut-off");
    case CC_MECH_CHEMICAL: return _("coat the active material");
    case CC_MECH_CONTACT_LOSS: return _("use a softer electrolyte, a higher stack pressure or a low-strain cathode");
    case CC_MECH_STRUCTURAL: return _("lower the charge cut-off");
    case CC_MECH_ANODE: return _("add an interlayer between anode and separator");
    default: return "";
    }
}

/* The largest reason why CAM is not active, with its remedy. */
static char *
unreached_line (const CcMicrostructure *m)
{
  double interior = CLAMP (m->agglomerate_interior_cam_fraction, 0, 1);
  double no_ion = CLAMP (1 - m->ionically_connected_cam_fraction - interior, 0, 1);
  double no_e = CLAMP (1 - m->electronically_connected_cam_fraction, 0, 1);
  const char *why;
  double share;

  if (interior >= no_ion && interior >= no_e)
    {
      share = interior;
      why = _("%.0f %% sits inside agglomerates that the electrolyte does not reach: mix the powders more "
              "thoroughly (ball milling) or use smaller agglomerates");
    }
  else if (no_e >= no_ion)
    {
      share = no_e;
      why = _("%.0f %% has no electronic path to the current collector: add carbon");
    }
  else
    {
      share = no_ion;
      why = _("%.0f %% has no ionic path to the separator: add solid electrolyte or make its particles smaller");
    }
  {
    g_autofree char *reason = g_strdup_printf (why, 100 * share);
    return g_strdup_printf (_("<b>Main limitation:</b> only <b>%.0f %%</b> of the active material is reached by "
                              "both ions and electrons; %s."), 100 * m->active_cam_fraction, reason);
  }
}

void
cc_stage_insights_cell (const CcCellResult     *cell,
                        const CcMicrostructure *micro,
                        const char             *cell_error,
                        GPtrArray              *lines)
{
  gboolean unreached_first;

  if (cell == NULL)
    {
      g_ptr_array_add (lines, g_markup_printf_escaped (_("<b>The cell model could not run:</b> %s"),
                                                       cell_error != NULL ? cell_error : ""));
      return;
    }
  if (cell->status != CC_CELL_STATUS_OK && cell->status != CC_CELL_STATUS_PARTIAL)
    {
      g_ptr_array_add (lines, g_markup_printf_escaped (_("<b>This cell does not work (%s):</b> %s"),
                                                       cc_cell_status_to_string (cell->status),
                                                       cell->message ? cell->message : ""));
      return;
    }
  unreached_first = micro != NULL && micro->active_cam_fraction < CC_INSIGHTS_LOW_UTILISATION;
  if (unreached_first)
    g_ptr_array_add (lines, unreached_line (micro));
  if (cell->limiting >= 0 && cell->limiting < CC_N_MECHANISMS && cell->loss[cell->limiting] > 0)
    g_ptr_array_add (lines, g_markup_printf_escaped (unreached_first
                                                     ? _("<b>Largest loss over cycling:</b> %s (%.0f %% of the "
                                                         "capacity lost); %s.")
                                                     : _("<b>Main limitation:</b> %s (%.0f %% of the capacity "
                                                         "lost); %s."),
                                                     _(cc_mechanism_description (cell->limiting)),
                                                     100 * cell->loss[cell->limiting],
                                                     mechanism_remedy (cell->limiting)));
  g_ptr_array_add (lines, g_strdup_printf (_("Predicted first discharge <b>%.0f mAh g⁻¹</b> of %.0f theoretical "
                                             "(%.0f in the voltage window)."),
                                           cell->first_discharge_mAh_g, cell->theoretical_mAh_g,
                                           cell->window_mAh_g));
  if (cell->has_ice)
    g_ptr_array_add (lines, g_strdup_printf (_("Initial Coulombic efficiency <b>%.0f %%</b>."), 100 * cell->ice));
  if (cell->cycles != NULL && cell->cycles->len > 1)
    {
      const CcCycleRecord *last = &g_array_index (cell->cycles, CcCycleRecord, cell->cycles->len - 1);

      g_ptr_array_add (lines, g_strdup_printf (_("<b>%.0f %%</b> of the capacity is left after %u cycles."),
                                               100 * cc_cell_result_retention (cell, last->cycle), last->cycle));
    }
  if (cell->status == CC_CELL_STATUS_PARTIAL)
    g_ptr_array_add (lines, g_markup_printf_escaped (_("<b>Partly converged:</b> %s"),
                                                     cell->warnings && cell->warnings->len
                                                     ? (const char *) g_ptr_array_index (cell->warnings, 0) : ""));
}

static const char *
material_name (CcMaterialDb *db,
               const char   *id)
{
  const CcMaterial *m = id ? cc_material_db_lookup (db, id) : NULL;

  if (g_strcmp0 (id, "current-collector") == 0)
    return _("the current collector");
  return m != NULL ? cc_material_get_name (m) : id;
}

static char *
interface_line (const CcInterfaceStability *s,
                CcMaterialDb               *db)
{
  const char *el = material_name (db, s->electrolyte);
  const char *side = material_name (db, s->electronic_side);
  gboolean cam = g_strcmp0 (s->kind, "cam-electrolyte") == 0;

  if (s->oxidation)
    return g_markup_printf_escaped (cam ? _("<b>%s oxidises above %.2f V</b>; this cathode (%s) charges to %.2f V, "
                                            "%.2f V past the limit: add a halide buffer or coating, or lower the cut-off.")
                                        : _("<b>%s oxidises above %.2f V</b>; at %s it sees %.2f V, %.2f V past the "
                                            "limit: keep that contact away from the electrolyte or lower the cut-off."),
                                    el, s->oxidation_limit_V, side, s->potential_max_V, -s->margin_V);
  return g_markup_printf_escaped (_("<b>%s is reduced below %.2f V</b>; at %s it sees %.2f V, %.2f V past the "
                                    "limit: add a reduction-stable interlayer or raise the discharge cut-off."),
                                  el, s->reduction_limit_V, side, s->potential_min_V, -s->margin_V);
}

void
cc_stage_insights_stability (const CcStabilityReport *report,
                             CcMaterialDb            *db,
                             GPtrArray               *lines)
{
  guint shown = 0, unstable = 0;

  for (guint i = 0; i < report->interfaces->len; i++)
    {
      const CcInterfaceStability *s = g_ptr_array_index (report->interfaces, i);

      if (s->verdict == CC_VERDICT_STABLE)
        continue;
      unstable++;
      if (shown++ < MAX_INTERFACES)
        g_ptr_array_add (lines, interface_line (s, db));
    }
  if (unstable > MAX_INTERFACES)
    g_ptr_array_add (lines, g_strdup_printf (_("%u more interfaces leave their window: see the stability chart."),
                                             unstable - MAX_INTERFACES));
  if (unstable == 0 && report->interfaces->len > 0)
    g_ptr_array_add (lines, g_strdup (_("Every interface stays inside its electrochemical stability window.")));
}

void
cc_stage_insights_micro (const CcMicrostructure *m,
                         GPtrArray              *lines)
{
  g_return_if_fail (m != NULL);

  g_ptr_array_add (lines, g_strdup_printf (_("<b>%.0f %%</b> of the active material is reached by both "
                                             "ions and electrons."), 100 * m->active_cam_fraction));
  if (m->agglomerate_interior_cam_fraction >= 0.005 && m->active_cam_fraction >= CC_INSIGHTS_LOW_UTILISATION)
    g_ptr_array_add (lines, g_strdup_printf (_("<b>%.0f %%</b> of the active material lies inside agglomerates "
                                               "that the electrolyte does not reach: mix the powders more "
                                               "thoroughly (ball milling) or use smaller agglomerates."),
                                             100 * m->agglomerate_interior_cam_fraction));
  if (!m->ionic_percolation)
    g_ptr_array_add (lines, g_strdup (_("<b>No ionic path</b> spans the cathode: add solid electrolyte "
                                        "or make its particles smaller.")));
  if (!m->electronic_percolation)
    g_ptr_array_add (lines, g_strdup (_("<b>No electronic path</b> spans the cathode: the active material "
                                        "alone does not conduct well enough; add carbon.")));
  if (m->ionic_percolation && m->tortuosity_ion > 0)
    g_ptr_array_add (lines, g_strdup_printf (_("Ionic tortuosity <b>%.1f</b> (τ = ε·σ<sub>bulk</sub>/σ<sub>eff</sub>; "
                                               "1 means straight channels)."), m->tortuosity_ion));
  g_ptr_array_add (lines, g_strdup_printf (_("Porosity after pressing: <b>%.1f %%</b>."), 100 * m->porosity));
}
