/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cc_packing_analyze: contacts, percolation, per-CAM state, conductivities,
 * interface areas and the active CAM size classes, as the plain
 * CcMicrostructure the electrochemistry consumes.
 */
#include "cc-packing-private.h"
#include "cc-agglomerate.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define UM2_PER_UM3_TO_CM2_PER_CM3 1e4

static CcRole
role_of (const CcPacking *self,
         guint            i)
{
  return self->params->species[self->species[i]].role;
}

static double
volume0 (const CcPacking *self,
         guint            i)
{
  return cc_packing_material_volume (self, i);
}

static void
fill_geometry (CcPacking        *self,
               CcMicrostructure *m)
{
  double v_box = self->box[0] * self->box[1] * self->box[2], v_role[CC_N_ROLES] = { 0 }, v = 0;
  double d_max = 0;

  for (guint i = 0; i < self->n; i++)
    {
      v_role[role_of (self, i)] += volume0 (self, i);
      v += volume0 (self, i);
      d_max = MAX (d_max, 2 * self->rad0[i]);
    }
  m->particles = self->n;
  m->box_x_um = self->box[0];
  m->box_y_um = self->box[1];
  m->thickness_um = self->box[2];
  m->solid_fraction = v / v_box;
  m->bulk_solid_fraction = cc_packing_bulk_fraction (self, MIN (d_max, 0.25 * self->box[2]));
  m->porosity = 1.0 - m->solid_fraction;
  m->cam_volume_fraction = v_role[CC_ROLE_CAM] / v_box;
  m->se_volume_fraction = v_role[CC_ROLE_SE] / v_box;
  m->carbon_volume_fraction = v_role[CC_ROLE_CARBON] / v_box;
  m->binder_volume_fraction = v_role[CC_ROLE_BINDER] / v_box;
}

/* The share of CAM sphere i that the electrolyte can reach: 1 for a
 * dispersed CAM; the agglomerate-shell fraction (cc-agglomerate.c) when the
 * design leaves the CAM agglomerated, the shell one median primary (the
 * recipe's d50) deep for every sphere. The packing keeps the CAM dispersed
 * (agglomerates are larger than the box), so this sub-grid share weights
 * the sphere's volume in the CAM metrics; the sphere's own state in the 3D
 * view is its network reach. */
static double
reached_share (const CcPacking *self,
               guint            i)
{
  const CcSpecies *sp = &self->params->species[self->species[i]];

  if (sp->role != CC_ROLE_CAM || !(sp->agglomerate_d_um > 0))
    return 1.0;
  return cc_agglomerate_reached_fraction (sp->d50_requested_um > 0 ? sp->d50_requested_um : sp->d50_um,
                                          sp->agglomerate_d_um);
}

static void
assign_states (CcPacking        *self,
               const gboolean   *ion,
               const gboolean   *electron,
               CcMicrostructure *m)
{
  double v_cam = 0, v_active = 0, v_ion = 0, v_e = 0, v_interior = 0;

  for (guint i = 0; i < self->n; i++)
    {
      CcParticleState state = CC_PARTICLE_STATE_NONE;

      if (role_of (self, i) == CC_ROLE_CAM)
        {
          double v = volume0 (self, i), reached = v * reached_share (self, i);

          v_cam += v;
          v_interior += v - reached;
          v_ion += ion[i] ? reached : 0;
          v_e += electron[i] ? v : 0;
          if (ion[i] && electron[i])
            {
              state = CC_PARTICLE_STATE_ACTIVE;
              v_active += reached;
            }
          else if (electron[i])
            state = CC_PARTICLE_STATE_IONICALLY_ISOLATED;
          else if (ion[i])
            state = CC_PARTICLE_STATE_ELECTRONICALLY_ISOLATED;
          else
            state = CC_PARTICLE_STATE_ISOLATED;
        }
      self->particles[i].state = (guint8) state;
    }
  m->active_cam_fraction = v_cam > 0 ? v_active / v_cam : 0;
  m->ionically_connected_cam_fraction = v_cam > 0 ? v_ion / v_cam : 0;
  m->electronically_connected_cam_fraction = v_cam > 0 ? v_e / v_cam : 0;
  m->agglomerate_interior_cam_fraction = v_cam > 0 ? v_interior / v_cam : 0;
}

static gboolean
is_active (const CcPacking *self,
           guint            i)
{
  return self->particles[i].state == CC_PARTICLE_STATE_ACTIVE;
}

static void
fill_interfaces (CcPacking        *self,
                 CcMicrostructure *m)
{
  double v_box = self->box[0] * self->box[1] * self->box[2];
  double cam_se_active = 0, cam_se_all_radius = 0, carbon_se = 0, cam_carbon = 0, cam_surface = 0;
  guint n_cam_se = 0;

  for (guint i = 0; i < self->n; i++)
    if (is_active (self, i))
      cam_surface += 4 * G_PI * self->rad[i] * self->rad[i] * reached_share (self, i);
  m->deformation_contacts = 0;
  m->total_contacts = 0;
  for (gsize k = 0; k < self->n_contacts; k++)
    {
      const CcContact *c = &self->contacts[k];
      double area = G_PI * c->radius_um * c->radius_um;
      CcRole a, b;
      guint cam;

      if (c->j >= self->n)
        continue;
      m->total_contacts++;
      if (c->flags & CC_CONTACT_DEFORMATION)
        m->deformation_contacts++;
      a = role_of (self, c->i);
      b = role_of (self, c->j);
      cam = a == CC_ROLE_CAM ? c->i : c->j;
      if ((a == CC_ROLE_CAM && b == CC_ROLE_SE) || (a == CC_ROLE_SE && b == CC_ROLE_CAM))
        {
          if (is_active (self, cam))
            {
              cam_se_active += area * reached_share (self, cam);
              if (c->radius_um > 0)
                {
                  cam_se_all_radius += c->radius_um;
                  n_cam_se++;
                }
            }
        }
      else if ((a == CC_ROLE_CARBON && b == CC_ROLE_SE) || (a == CC_ROLE_SE && b == CC_ROLE_CARBON))
        carbon_se += area;
      else if ((a == CC_ROLE_CAM && b == CC_ROLE_CARBON) || (a == CC_ROLE_CARBON && b == CC_ROLE_CAM))
        cam_carbon += area;
    }
  m->cam_se_contact_area_fraction = cam_surface > 0 ? cam_se_active / cam_surface : 0;
  m->cam_se_area_per_volume_cm2_cm3 = cam_se_active / v_box * UM2_PER_UM3_TO_CM2_PER_CM3;
  m->carbon_se_area_per_volume_cm2_cm3 = carbon_se / v_box * UM2_PER_UM3_TO_CM2_PER_CM3;
  m->cam_carbon_area_per_volume_cm2_cm3 = cam_carbon / v_box * UM2_PER_UM3_TO_CM2_PER_CM3;
  m->mean_cam_se_contact_radius_um = n_cam_se > 0 ? cam_se_all_radius / n_cam_se : 0;
}

typedef struct {
  double radius;
  double volume;   /* reached volume, radius^3 times the reached share */
} SizedVolume;

static int
compare_radius (const void *a,
                const void *b)
{
  double x = ((const SizedVolume *) a)->radius, y = ((const SizedVolume *) b)->radius;

  return (x > y) - (x < y);
}

/* Active CAM split into up to CC_MICRO_MAX_SIZE_CLASSES classes of equal
 * (reached) volume; each class is represented by its volume-weighted mean
 * radius. */
static void
fill_size_classes (CcPacking        *self,
                   CcMicrostructure *m)
{
  g_autofree SizedVolume *r = g_new (SizedVolume, MAX (self->n, 1));
  guint n = 0, classes;
  double total = 0, acc = 0, wr = 0, w = 0;
  guint c = 0;

  for (guint i = 0; i < self->n; i++)
    if (is_active (self, i))
      {
        r[n].radius = self->rad0[i];
        r[n].volume = pow (self->rad0[i], 3) * reached_share (self, i);
        n++;
      }
  m->n_size_classes = 0;
  if (n == 0)
    return;
  qsort (r, n, sizeof (SizedVolume), compare_radius);
  for (guint k = 0; k < n; k++)
    total += r[k].volume;
  classes = MIN (n, CC_MICRO_MAX_SIZE_CLASSES);
  for (guint k = 0; k < n; k++)
    {
      double v = r[k].volume;

      acc += v;
      wr += v * r[k].radius;
      w += v;
      if (acc >= total * (c + 1) / classes * (1 - 1e-12) || k == n - 1)
        {
          m->size_class_radius_um[c] = wr / w;
          m->size_class_volume_weight[c] = w / total;
          c++;
          wr = w = 0;
          if (c == classes)
            break;
        }
    }
  m->n_size_classes = c;
}

static gboolean
cancelled (GCancellable  *cancellable,
           GError       **error)
{
  if (!g_cancellable_is_cancelled (cancellable))
    return FALSE;
  g_set_error_literal (error, CC_PACKING_ERROR, CC_PACKING_ERROR_CANCELLED, "analysis cancelled");
  return TRUE;
}

gboolean
cc_packing_analyze (CcPacking        *self,
                    CcMicrostructure *out,
                    GCancellable     *cancellable,
                    GError          **error)
{
  g_autofree gboolean *ion = NULL, *electron = NULL;
  CcNetworkResult ri = { 0 }, re = { 0 };
  gint64 t0 = g_get_monotonic_time ();

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  if (cancelled (cancellable, error))
    return FALSE;
  fill_geometry (self, out);
  cc_packing_find_contacts (self);
  ion = g_new0 (gboolean, MAX (self->n, 1));
  electron = g_new0 (gboolean, MAX (self->n, 1));
  cc_packing_network (self, CC_NETWORK_IONIC, ion, &ri);
  if (cancelled (cancellable, error))
    return FALSE;
  cc_packing_network (self, CC_NETWORK_ELECTRONIC, electron, &re);
  assign_states (self, ion, electron, out);
  out->ionic_percolation = ri.percolates;
  out->electronic_percolation = re.percolates;
  out->sigma_ion_eff_S_per_cm = ri.sigma_eff_S_cm;
  out->sigma_e_eff_S_per_cm = re.sigma_eff_S_cm;
  out->tortuosity_ion = ri.tortuosity;
  out->tortuosity_e = re.tortuosity;
  fill_interfaces (self, out);
  fill_size_classes (self, out);
  self->pcg_iterations[0] = ri.iterations;
  self->pcg_iterations[1] = re.iterations;
  self->analyzed = TRUE;
  self->analysis_seconds = (g_get_monotonic_time () - t0) / 1e6;
  return TRUE;
}
