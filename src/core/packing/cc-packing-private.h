/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Internals shared by the packing engine's files.
 */
#pragma once

#include "cc-packing.h"
#include "cc-packing-nlist.h"

G_BEGIN_DECLS

struct _CcPacking {
  CcPackingParams *params;
  guint            n;
  double           box[3];          /* µm, after compaction */
  double          *pos;             /* 3 n, µm */
  double          *rad;             /* n, µm, after compaction (plastic spheres grow) */
  double          *rad0;            /* n, µm, as drawn: each sphere's volume */
  guint16         *species;
  CcParticle      *particles;       /* float copy, state filled by the analysis */
  double           seconds;
  double           jam_seconds;
  double           compact_seconds;

  /* The hard-sphere packing before compaction. */
  double           jam_box[3];
  double           phi_jammed;
  double           bulk_phi_jammed;
  double           max_overlap_relative;
  guint            jam_steps;
  guint64         *jam_contacts;    /* sorted keys (i << 32 | j), i < j */
  gsize            n_jam_contacts;

  /* Compaction. */
  gboolean         compacted;
  double           compaction_pressure_MPa;   /* pressure pressed at */
  double           pressure_reached_MPa;
  guint            compaction_steps;

  /* Analysis. */
  gboolean         analyzed;
  CcContact       *contacts;
  gsize            n_contacts;
  double          *coordination;    /* n_species², mean contacts of s with t per s-particle */
  guint            pcg_iterations[2];
  double           analysis_seconds;
};

/* cc-packing-init.c */
guint     *cc_packing_species_counts  (const CcPackingParams *params);
void       cc_packing_draw_radii      (const CcPackingParams *params,
                                       const guint           *counts,
                                       double                *rad,
                                       guint16               *species);
double     cc_packing_truncated_mean_volume (const CcSpecies *sp);
double     cc_species_upper_z (const CcSpecies *sp);
/* Solid fraction of the slab `margin` away from each wall (one largest
 * diameter; a quarter of the height in a box too thin for that). */
double     cc_packing_bulk_fraction   (const CcPacking *self,
                                       double           margin);
/* Material volume of particle i (sphere volume × solid content), µm³. */
double     cc_packing_material_volume (const CcPacking *self,
                                       guint            i);
guint64    cc_pair_key                (guint i,
                                       guint j);

/* cc-packing-monitor.c, worker side */
void       cc_packing_monitor_set_progress (CcPackingMonitor *self,
                                            double            fraction,
                                            const char       *stage);
gboolean   cc_packing_monitor_snapshot_due (CcPackingMonitor *self);
void       cc_packing_monitor_publish      (CcPackingMonitor *self,
                                            GBytes           *particles,
                                            const double      box[3]);

/* A CcParticle array of spheres (positions in µm, radii as given). */
GBytes    *cc_packing_make_snapshot   (guint          n,
                                       const double  *pos,
                                       const double  *rad,
                                       double         rad_scale,
                                       const double   box[3],
                                       const guint16 *species,
                                       const CcPackingParams *params);

/* cc-packing-contacts.c: the contact list of the final structure (particle
 * pairs and walls) with radii at the stack pressure; coordination numbers. */
void       cc_packing_find_contacts   (CcPacking     *self);

/* cc-packing-transport.c */
typedef struct {
  gboolean percolates;          /* one cluster touches both walls */
  double   sigma_eff_S_cm;      /* through the thickness, 0 when no conducting path */
  double   tortuosity;          /* ε σ_bulk / σ_eff, INFINITY when σ_eff = 0 */
  double   volume_fraction;     /* ε of the member phases in the electrode */
  double   sigma_bulk_S_cm;     /* volume-weighted over the members */
  guint    iterations;
} CcNetworkResult;

typedef enum {
  CC_NETWORK_IONIC,
  CC_NETWORK_ELECTRONIC,
} CcNetwork;

/* Percolation (union–find) and, per CAM particle, whether the network
 * reaches it from its electrode (the separator side for ions, the current
 * collector for electrons); then the resistor network. */
void       cc_packing_network         (CcPacking       *self,
                                       CcNetwork        network,
                                       gboolean        *reached,
                                       CcNetworkResult *result);

G_END_DECLS
