/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The packing engine: from a recipe to a jammed, compacted 3D packing of
 * spheres in a box periodic in x and y, with walls at z = 0 (current
 * collector) and z = H (separator side). This header is the contract the
 * app, the CLI and the electrochemistry rely on.
 */
#pragma once

#include <gio/gio.h>
#include "cc-design.h"
#include "cc-microstructure.h"

G_BEGIN_DECLS

#define CC_PACKING_ERROR (cc_packing_error_quark ())

typedef enum {
  CC_PACKING_ERROR_INVALID,     /* bad parameters (names the field) */
  CC_PACKING_ERROR_CANCELLED,
  CC_PACKING_ERROR_FAILED,      /* e.g. could not reach a valid packing */
} CcPackingError;

typedef enum {
  CC_ROLE_CAM,
  CC_ROLE_SE,
  CC_ROLE_CARBON,
  CC_ROLE_BINDER,
  CC_ROLE_OTHER,     /* interlayer material used as a composite additive */
  CC_N_ROLES
} CcRole;

typedef enum {
  CC_PARTICLE_STATE_NONE = 0,              /* not a CAM particle */
  CC_PARTICLE_STATE_ACTIVE,                /* CAM reached by both networks */
  CC_PARTICLE_STATE_IONICALLY_ISOLATED,
  CC_PARTICLE_STATE_ELECTRONICALLY_ISOLATED,
  CC_PARTICLE_STATE_ISOLATED,              /* reached by neither */
} CcParticleState;

/* One particle, compact so 200,000 fit in a GL buffer as they are. */
typedef struct {
  float   x, y, z;       /* centre, µm */
  float   radius;        /* µm */
  guint16 species;       /* index into CcPackingParams.species */
  guint8  role;          /* CcRole */
  guint8  state;         /* CcParticleState, after analysis */
} CcParticle;

/* One population of particles (one component of the design). */
typedef struct {
  char    *name;                 /* material id or role name */
  CcRole   role;
  double   volume_fraction;      /* of the solid volume, sums to 1 over species */
  double   d50_um;
  double   spread;               /* log-normal sigma of ln d */
  double   density_g_cm3;
  double   young_modulus_GPa;
  double   poisson_ratio;
  double   hardness_GPa;         /* for plastic contacts; <= 0 if unknown */
  gboolean plastic;              /* soft phase that flows under pressure */
  double   sigma_ion_S_cm;       /* bulk ionic conductivity at the cell temperature */
  double   sigma_e_S_cm;         /* bulk electronic conductivity */
} CcSpecies;

typedef struct {
  CcSpecies *species;
  guint      n_species;
  guint      n_particles;
  guint64    seed;
  double     pressure_MPa;        /* fabrication pressure (compaction) */
  double     temperature_C;       /* fabrication temperature (hot press softens) */
  double     stack_pressure_MPa;
  guint      threads;             /* 0 = all cores */
} CcPackingParams;

typedef struct _CcPacking CcPacking;
typedef struct _CcPackingMonitor CcPackingMonitor;

GQuark            cc_packing_error_quark          (void);

const char       *cc_role_to_string               (CcRole role);
gboolean          cc_role_from_string             (const char *str,
                                                   CcRole     *out);

/* Recipe -> species: mass fractions to volume fractions through densities. */
CcPackingParams  *cc_packing_params_from_design   (const CcDesign  *design,
                                                   CcMaterialDb    *db,
                                                   GError         **error);
/* "ROLE:DIAMETER_UM:VOLUME_FRACTION[:SIGMA],..." (ROLE: cam, se, carbon, binder). */
CcPackingParams  *cc_packing_params_from_spheres  (const char      *spec,
                                                   guint            n_particles,
                                                   guint64          seed,
                                                   GError         **error);
CcPackingParams  *cc_packing_params_copy          (const CcPackingParams *self);
void              cc_packing_params_free          (CcPackingParams *self);

/* Thread-safe progress and snapshots of a running packing, for the app. */
CcPackingMonitor *cc_packing_monitor_new          (double snapshot_interval_s);
CcPackingMonitor *cc_packing_monitor_ref          (CcPackingMonitor *self);
void              cc_packing_monitor_unref        (CcPackingMonitor *self);
/* fraction in [0, 1]; stage is a short static string ("jamming", "compaction"). */
void              cc_packing_monitor_get_progress (CcPackingMonitor *self,
                                                   double           *fraction,
                                                   const char      **stage);
/* The newest snapshot (CcParticle array) and a serial that increases with each
 * new one; NULL before the first. */
GBytes           *cc_packing_monitor_dup_snapshot (CcPackingMonitor *self,
                                                   guint            *serial,
                                                   double           *box_um /* [3], nullable */);

/* Runs the whole packing (jamming + compaction); blocks; call from a worker.
 * monitor may be NULL. Deterministic for a given seed and thread count. */
CcPacking        *cc_packing_run                  (const CcPackingParams *params,
                                                   CcPackingMonitor      *monitor,
                                                   GCancellable          *cancellable,
                                                   GError               **error);
void              cc_packing_free                 (CcPacking *self);

const CcParticle *cc_packing_get_particles        (const CcPacking *self,
                                                   guint           *n);
void              cc_packing_get_box              (const CcPacking *self,
                                                   double          *lx_um,
                                                   double          *ly_um,
                                                   double          *lz_um);
const CcPackingParams *cc_packing_get_params      (const CcPacking *self);
double            cc_packing_get_seconds          (const CcPacking *self);

/* Analysis: contacts, percolation, per-CAM state (written into the packing's
 * particles), effective conductivities, interface areas. */
gboolean          cc_packing_analyze              (CcPacking        *self,
                                                   CcMicrostructure *out,
                                                   GCancellable     *cancellable,
                                                   GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcPacking, cc_packing_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcPackingParams, cc_packing_params_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcPackingMonitor, cc_packing_monitor_unref)

G_END_DECLS
