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
  /* Added fields (after the contract's, so existing initialisers stay valid). */
  double   d50_requested_um;     /* d50 of the recipe; d50_um differs when coarse-grained */
  double   mass_fraction;        /* of the solid, 0 when built from volume fractions */
  gboolean ion_network;          /* member of the ionic network */
  gboolean electron_network;     /* member of the electronic network */
  double   solid_content;        /* material volume / sphere volume: 1 for dense
                                  * particles, < 1 for porous agglomerates; 0 = 1 */
  double   d_max_um;             /* upper cut of the size distribution when the layer
                                  * is thinner than its largest particles; 0 = the
                                  * usual cut at d50 e^{2σ} */
  double   agglomerate_d_um;     /* CAM agglomerates left by mixing, 0 = dispersed:
                                  * only their outer shell is reached by the
                                  * electrolyte (sub-grid, cc-agglomerate.c) */
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
  /* Added fields. */
  double     compression_rate;    /* radius change per minimiser step while jamming;
                                   * smaller packs denser and slower; 0 = default */
  double     box_aspect;          /* height / width of the box while jamming; 0 = 1 */
  double     design_thickness_um; /* electrode thickness of the design, 0 = unknown */
} CcPackingParams;

/* Defaults of the added parameters. */
#define CC_PACKING_DEFAULT_COMPRESSION_RATE 2e-4
/* The quench rate of a design that is pressed afterwards: the compaction
 * deforms every contact, and the compacted porosity, conductivities and
 * CAM–SE contact of the default design at 1e-3 lie within the scatter of
 * seeds at 2e-4 (README, "Packing a pressed design"), at two thirds of the
 * cost. */
#define CC_PACKING_PRESSED_COMPRESSION_RATE 1e-3
/* A CAM joins a network when its bulk conductivity reaches these. */
#define CC_PACKING_CAM_ION_THRESHOLD_S_CM   1e-5
#define CC_PACKING_CAM_E_THRESHOLD_S_CM     1e-2
/* Carbon black coarse-grained into agglomerates: material fraction of an
 * agglomerate's volume (README, "Coarse-grained fine components"). */
#define CC_PACKING_AGGLOMERATE_SOLID_CONTENT 0.35
/* Two spheres touch when their gap is below this fraction of r_i + r_j (also
 * the tolerance on overlaps of the hard-sphere packing). */
#define CC_PACKING_CONTACT_TOLERANCE        1e-4

/* One contact of the analysed packing (added to the contract). */
typedef enum {
  CC_CONTACT_DEFORMATION = 1 << 0,  /* absent from the hard-sphere packing: made by compaction */
  CC_CONTACT_PLASTIC     = 1 << 1,  /* yielded during pressing (a permanent junction) */
} CcContactFlags;

#define CC_CONTACT_WALL_BOTTOM G_MAXUINT32          /* j of a contact with z = 0 */
#define CC_CONTACT_WALL_TOP    (G_MAXUINT32 - 1)    /* j of a contact with z = H */

typedef struct {
  guint32 i, j;          /* particles, i < j; or j = CC_CONTACT_WALL_* */
  float   radius_um;     /* contact radius at the stack pressure */
  guint8  flags;         /* CcContactFlags */
} CcContact;

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
/* Checks ranges and consistency (names the field). */
gboolean          cc_packing_params_validate      (const CcPackingParams *self,
                                                   GError         **error);
/* A species with the documented fallback properties of a role. */
void              cc_species_init_for_role        (CcSpecies       *species,
                                                   CcRole           role);
/* solid_content, with 0 read as 1. */
double            cc_species_solid_content        (const CcSpecies *species);

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
/* Called from the packing worker thread (never touch widgets in it: hand the
 * work to the main loop, e.g. with g_main_context_invoke) whenever a new
 * snapshot is published, and once at the end with fraction 1 and stage
 * "done". Added to the contract. */
typedef void (*CcPackingProgressFunc) (CcPackingMonitor *monitor,
                                       double            fraction,
                                       const char       *stage,
                                       gpointer          user_data);
void              cc_packing_monitor_set_callback (CcPackingMonitor      *self,
                                                   CcPackingProgressFunc  func,
                                                   gpointer               user_data,
                                                   GDestroyNotify         destroy);
/* Seconds between snapshots (0: every opportunity, about every 64 steps). */
void              cc_packing_monitor_set_snapshot_interval (CcPackingMonitor *self,
                                                            double            seconds);
double            cc_packing_monitor_get_snapshot_interval (CcPackingMonitor *self);

/* Runs the whole packing (jamming + compaction); blocks; call from a worker.
 * monitor may be NULL. Deterministic for a given seed and thread count. */
CcPacking        *cc_packing_run                  (const CcPackingParams *params,
                                                   CcPackingMonitor      *monitor,
                                                   GCancellable          *cancellable,
                                                   GError               **error);
void              cc_packing_free                 (CcPacking *self);
/* A packing of given spheres, as they are (hand-built structures, imported
 * packings; added to the contract): positions and radii in µm, species
 * indices into params. Not compacted: contacts are where spheres touch
 * within CC_PACKING_CONTACT_TOLERANCE, with the radius of their
 * intersection circle. */
CcPacking        *cc_packing_new_from_spheres     (const CcPackingParams *params,
                                                   guint                  n,
                                                   const double          *pos_um,
                                                   const double          *radius_um,
                                                   const guint16         *species,
                                                   const double           box_um[3],
                                                   GError               **error);

const CcParticle *cc_packing_get_particles        (const CcPacking *self,
                                                   guint           *n);
void              cc_packing_get_box              (const CcPacking *self,
                                                   double          *lx_um,
                                                   double          *ly_um,
                                                   double          *lz_um);
const CcPackingParams *cc_packing_get_params      (const CcPacking *self);
/* Added to the contract: takes the bulk conductivities, network
 * membership and CAM agglomerate size of each species from @params (they
 * follow the cell temperature or the mixing and enter only the analysis), so
 * the same particles can be analysed again without packing them again. The
 * species must match in number. */
gboolean          cc_packing_set_transport        (CcPacking             *self,
                                                   const CcPackingParams *params,
                                                   GError               **error);
double            cc_packing_get_seconds          (const CcPacking *self);

/* Analysis: contacts, percolation, per-CAM state (written into the packing's
 * particles), effective conductivities, interface areas. */
gboolean          cc_packing_analyze              (CcPacking        *self,
                                                   CcMicrostructure *out,
                                                   GCancellable     *cancellable,
                                                   GError          **error);

/* Added to the contract. */

/* The hard-sphere packing before compaction: its solid fraction (whole box
 * and bulk), the largest relative overlap, and its number of contacts. */
void              cc_packing_get_jammed           (const CcPacking *self,
                                                   double          *solid_fraction,
                                                   double          *bulk_solid_fraction,
                                                   double          *max_overlap_relative,
                                                   guint           *contacts);
/* The pressure the compaction reached (MPa; 0 when not compacted). */
double            cc_packing_get_pressure_reached (const CcPacking *self);
/* After cc_packing_analyze: the contact list, and the mean number of
 * contacts a particle of species s has with particles of species t
 * (t = -1: with all particles, walls excluded). */
const CcContact  *cc_packing_get_contacts         (const CcPacking *self,
                                                   gsize           *n);
double            cc_packing_get_coordination     (const CcPacking *self,
                                                   guint            s,
                                                   int              t);
/* The analysis as JSON (the metrics of the issue and per-species details);
 * returns a JsonNode*. */
gpointer          cc_packing_to_json              (const CcPacking        *self,
                                                   const CcMicrostructure *m);
/* Extended XYZ (OVITO): species, radius, state per particle. */
gboolean          cc_packing_write_xyz            (const CcPacking *self,
                                                   const char      *path,
                                                   GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcPacking, cc_packing_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcPackingParams, cc_packing_params_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcPackingMonitor, cc_packing_monitor_unref)

G_END_DECLS
