/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the echem test programs: a materials database fixture (entries
 * copied from data/materials so these tests do not depend on the shipped
 * database being complete), small designs, and hand-made microstructures
 * standing in for the packing engine's output.
 */
#pragma once

#include <math.h>
#include <glib.h>
#include "cc-cell.h"
#include "cc-design.h"
#include "cc-material-db.h"
#include "cc-microstructure.h"

static inline CcMaterialDb *
echem_test_db (void)
{
  static CcMaterialDb *db;

  if (db == NULL)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "echem", "echem-test-materials.json", NULL);

      db = cc_material_db_new ();
      if (!cc_material_db_load_file (db, path, &error))
        g_error ("fixture %s: %s", path, error->message);
    }
  return db;
}

/* CAM | electrolyte | carbon composite (carbon may be NULL), cold-pressed,
 * 10 mg/cm2, with a separator of the same electrolyte and a Na-Sn anode. */
static inline CcDesign *
echem_test_design (const char *cam,
                   const char *electrolyte,
                   const char *carbon)
{
  CcDesign *d = cc_design_new ();

  g_ptr_array_add (d->components, cc_component_new (cam, carbon ? 0.60 : 0.65, 5.0, 0.3));
  if (electrolyte != NULL)
    g_ptr_array_add (d->components, cc_component_new (electrolyte, 0.35, 2.0, 0.3));
  if (carbon != NULL)
    g_ptr_array_add (d->components, cc_component_new (carbon, 0.05, 0.05, 0.3));
  g_free (d->cell.separator_id);
  d->cell.separator_id = g_strdup (electrolyte != NULL ? electrolyte : "na3ps4-cubic");
  d->protocol.cycles = 20;
  return d;
}

/* A well-connected packed composite: what the packing engine reports for a
 * cold-pressed sulfide composite (volume fractions, percolating networks,
 * contact statistics), hand-made so these tests do not depend on it. */
static inline void
echem_test_micro (CcMicrostructure *m,
                  double            cam_radius_um)
{
  memset (m, 0, sizeof *m);
  m->particles = 10000;
  m->thickness_um = 50;
  m->solid_fraction = m->bulk_solid_fraction = 0.88;
  m->porosity = 0.12;
  m->cam_volume_fraction = 0.45;
  m->se_volume_fraction = 0.37;
  m->carbon_volume_fraction = 0.06;
  m->ionic_percolation = TRUE;
  m->electronic_percolation = TRUE;
  m->active_cam_fraction = 0.92;
  m->ionically_connected_cam_fraction = 0.95;
  m->electronically_connected_cam_fraction = 0.96;
  m->tortuosity_ion = 2.5;
  m->sigma_ion_eff_S_per_cm = 0.37 * 4.6e-4 / 2.5;
  m->sigma_e_eff_S_per_cm = 0.05;
  m->tortuosity_e = 3;
  m->cam_se_contact_area_fraction = 0.35;
  m->cam_se_area_per_volume_cm2_cm3 = 3 * 0.45 * 0.92 / (cam_radius_um * 1e-4) * 0.35;
  m->carbon_se_area_per_volume_cm2_cm3 = 3 * 0.06 / (0.025e-4) * 0.1;
  m->cam_carbon_area_per_volume_cm2_cm3 = 2000;
  m->mean_cam_se_contact_radius_um = 0.3 * cam_radius_um;
  m->n_size_classes = 3;
  m->size_class_radius_um[0] = 0.7 * cam_radius_um;
  m->size_class_radius_um[1] = cam_radius_um;
  m->size_class_radius_um[2] = 1.3 * cam_radius_um;
  m->size_class_volume_weight[0] = 0.25;
  m->size_class_volume_weight[1] = 0.5;
  m->size_class_volume_weight[2] = 0.25;
}

/* Inputs for a design with the hand-made microstructure. */
static inline CcCellInputs *
echem_test_inputs (const CcDesign *d,
                   double          cam_radius_um)
{
  g_autoptr(GError) error = NULL;
  CcMicrostructure m;
  CcCellInputs *in;

  echem_test_micro (&m, cam_radius_um);
  in = cc_cell_inputs_from_design (d, echem_test_db (), &m, &error);
  g_assert_no_error (error);
  g_assert_nonnull (in);
  return in;
}

static inline CcCellResult *
echem_test_run (const CcCellInputs *in,
                CcCellOptions      *opts)
{
  g_autoptr(GError) error = NULL;
  CcCellResult *r = cc_cell_simulate (in, opts, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (r);
  return r;
}

/* Every number in a result is finite; capacities within theory; every
 * cycle's Coulombic efficiency at most one. */
static inline void
echem_assert_sane (const CcCellResult *r)
{
  double theo = r->theoretical_mAh_g;

  g_assert_true (isfinite (r->ice) && r->ice >= 0 && r->ice <= 1 + 1e-9);
  for (guint i = 0; i < r->profiles->len; i++)
    {
      const CcVoltageProfile *p = g_ptr_array_index (r->profiles, i);
      for (guint k = 0; k < p->capacity_mAh_g->len; k++)
        {
          g_assert_true (isfinite (g_array_index (p->capacity_mAh_g, double, k)));
          g_assert_true (isfinite (g_array_index (p->voltage_V, double, k)));
          g_assert_cmpfloat (g_array_index (p->capacity_mAh_g, double, k), <=, theo + 1e-9);
        }
    }
  for (guint i = 0; i < r->rates->len; i++)
    {
      const CcRatePoint *p = &g_array_index (r->rates, CcRatePoint, i);
      g_assert_true (isfinite (p->capacity_mAh_g) && isfinite (p->energy_Wh_kg_cam) && isfinite (p->power_W_kg_cam));
      g_assert_cmpfloat (p->capacity_mAh_g, <=, theo + 1e-9);
    }
  for (guint i = 0; i < r->cycles->len; i++)
    {
      const CcCycleRecord *c = &g_array_index (r->cycles, CcCycleRecord, i);
      g_assert_true (isfinite (c->discharge_mAh_g) && isfinite (c->charge_mAh_g));
      g_assert_true (isfinite (c->coulombic_efficiency) && isfinite (c->resistance_ohm_cm2));
      g_assert_true (isfinite (c->interphase_nm) && isfinite (c->active_cam_fraction));
      g_assert_cmpfloat (c->discharge_mAh_g, <=, theo + 1e-9);
      g_assert_cmpfloat (c->coulombic_efficiency, <=, 1 + 1e-9);
      g_assert_cmpfloat (c->coulombic_efficiency, >=, 0);
      g_assert_cmpuint (c->cycle, ==, i + 1);
    }
}
