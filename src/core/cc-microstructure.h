/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Microstructure metrics: what the packing/analysis stage hands to the
 * electrochemistry, impedance and figure stages. A plain struct, so later
 * stages depend on numbers, not on the packing engine.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CC_MICRO_MAX_SIZE_CLASSES 8

typedef struct {
  /* Geometry of the representative volume. */
  guint    particles;
  double   box_x_um, box_y_um, thickness_um;
  double   solid_fraction;            /* after compaction */
  double   bulk_solid_fraction;       /* away from the walls */
  double   porosity;

  /* Volume fractions of the electrode (of total volume, pores included). */
  double   cam_volume_fraction;
  double   se_volume_fraction;
  double   carbon_volume_fraction;
  double   binder_volume_fraction;

  /* Connectivity. */
  gboolean ionic_percolation;         /* SE network spans separator -> collector side */
  gboolean electronic_percolation;    /* electron network spans collector -> separator side */
  double   active_cam_fraction;       /* CAM volume reached by both networks, 0..1 */
  double   ionically_connected_cam_fraction;
  double   electronically_connected_cam_fraction;
  double   agglomerate_interior_cam_fraction; /* CAM volume inside agglomerates, out of the
                                               * electrolyte's reach (sub-grid, cc-agglomerate.c) */

  /* Effective transport through the thickness. */
  double   sigma_ion_eff_S_per_cm;
  double   sigma_e_eff_S_per_cm;
  double   tortuosity_ion;            /* tau = eps * sigma_bulk / sigma_eff */
  double   tortuosity_e;

  /* Interfaces. */
  double   cam_se_contact_area_fraction;    /* CAM-SE contact area / CAM surface area (active CAM) */
  double   cam_se_area_per_volume_cm2_cm3;  /* active CAM-SE contact area per electrode volume */
  double   carbon_se_area_per_volume_cm2_cm3;
  double   cam_carbon_area_per_volume_cm2_cm3;
  double   mean_cam_se_contact_radius_um;
  guint    deformation_contacts;            /* contacts that exist only because of compaction */
  guint    total_contacts;

  /* Active CAM particle size classes (volume-weighted), for solid diffusion. */
  guint    n_size_classes;
  double   size_class_radius_um[CC_MICRO_MAX_SIZE_CLASSES];
  double   size_class_volume_weight[CC_MICRO_MAX_SIZE_CLASSES]; /* sums to 1 */
} CcMicrostructure;

G_END_DECLS
