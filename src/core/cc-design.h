/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A design document: what the researcher builds. Components of the composite,
 * process, cell, test protocol and simulation settings. Versioned JSON on disk.
 */
#pragma once

#include <glib.h>
#include "cc-material-db.h"

G_BEGIN_DECLS

#define CC_DESIGN_FORMAT          "cathode-composer-design"
#define CC_DESIGN_FORMAT_VERSION  1
/* Mass fractions must sum to 1 within this tolerance. */
#define CC_DESIGN_FRACTION_TOLERANCE 1e-3
/* Resource limits enforced by validation. */
#define CC_DESIGN_MAX_PARTICLES   500000
#define CC_DESIGN_MIN_PARTICLES   50
#define CC_DESIGN_MAX_CYCLES      20000
#define CC_DESIGN_MAX_COMPONENTS  12
#define CC_DESIGN_MAX_C_RATES     16
#define CC_DESIGN_MAX_FILE_BYTES  (4 * 1024 * 1024)

#define CC_DESIGN_ERROR (cc_design_error_quark ())

typedef enum {
  CC_DESIGN_ERROR_PARSE,            /* not JSON, truncated, wrong encoding */
  CC_DESIGN_ERROR_INVALID,          /* a field has a bad type or value */
  CC_DESIGN_ERROR_MISSING,          /* a required field is absent */
  CC_DESIGN_ERROR_UNKNOWN_MATERIAL,
  CC_DESIGN_ERROR_VERSION,          /* written by a newer format version */
  CC_DESIGN_ERROR_TOO_LARGE,
  CC_DESIGN_ERROR_IO,
} CcDesignError;

typedef enum {
  CC_PROCESS_COLD_PRESS,
  CC_PROCESS_HOT_PRESS,
  CC_PROCESS_CO_SINTERING,
  CC_PROCESS_INFILTRATION,
  CC_PROCESS_SLURRY,          /* solution/slurry casting with a binder */
  CC_PROCESS_N_METHODS
} CcProcessMethod;

typedef struct {
  char   *material_id;
  double  mass_fraction;          /* of the composite cathode, 0..1 */
  double  d50_um;                 /* median particle diameter */
  double  spread;                 /* log-normal sigma of ln(d), 0 = monodisperse */
  char   *morphology;             /* "sphere", "fiber", "flake", "irregular" */
  char   *coating_id;             /* NULL when uncoated */
  double  coating_thickness_nm;
  double  agglomerate_d_um;       /* CAM agglomerates left by mixing; 0 = dispersed */
} CcComponent;

typedef struct {
  CcProcessMethod method;
  double          pressure_MPa;       /* fabrication (pressing) pressure */
  double          temperature_C;      /* fabrication temperature */
  double          stack_pressure_MPa; /* pressure held during cycling */
} CcProcess;

typedef struct {
  double  areal_loading_mg_cm2;   /* composite mass per area; 0 = use thickness */
  double  thickness_um;           /* composite thickness; 0 = use loading */
  double  area_cm2;
  char   *separator_id;           /* solid electrolyte of the separator layer */
  double  separator_thickness_um;
  char   *anode_id;
  char   *interlayer_id;          /* optional layer between cathode and separator */
  double  interlayer_thickness_um;
} CcCell;

typedef struct {
  double  voltage_min_V;          /* cell voltage (cathode vs the anode) */
  double  voltage_max_V;
  GArray *c_rates;                /* double; rates for voltage curves */
  double  cycling_c_rate;
  double  temperature_C;
  guint   cycles;
} CcProtocol;

typedef struct {
  guint   particles;
  guint64 seed;
} CcSimulationSettings;

typedef struct {
  char                 *name;
  char                 *description;
  GPtrArray            *components;   /* CcComponent* */
  CcProcess             process;
  CcCell                cell;
  CcProtocol            protocol;
  CcSimulationSettings  simulation;
} CcDesign;

GQuark        cc_design_error_quark      (void);

const char   *cc_process_method_to_string   (CcProcessMethod method);
gboolean      cc_process_method_from_string (const char      *str,
                                             CcProcessMethod *out);

CcComponent  *cc_component_new           (const char *material_id,
                                          double      mass_fraction,
                                          double      d50_um,
                                          double      spread);
CcComponent  *cc_component_copy          (const CcComponent *self);
void          cc_component_free          (CcComponent *self);

/* An empty design with defaults for process, cell, protocol, simulation. */
CcDesign     *cc_design_new              (void);
/* The design the app opens with: a NaCrO2 | Na3PS4 composite with a halide
 * buffer (a well-behaved literature system). */
CcDesign     *cc_design_new_default      (void);
CcDesign     *cc_design_copy             (const CcDesign *self);
void          cc_design_free             (CcDesign *self);
gboolean      cc_design_equal            (const CcDesign *a,
                                          const CcDesign *b);

/* Parsing checks structure and types (naming the JSON path of any bad field);
 * cc_design_validate checks values and material ids against a database. */
CcDesign     *cc_design_load_from_data   (const char  *data,
                                          gssize       length,
                                          GError     **error);
CcDesign     *cc_design_load_from_file   (const char  *path,
                                          GError     **error);
gpointer      cc_design_to_json_node     (const CcDesign *self); /* JsonNode* */
CcDesign     *cc_design_from_json_node   (gpointer     node,     /* JsonNode* */
                                          GError     **error);
char         *cc_design_to_data          (const CcDesign *self,
                                          gsize          *length);
/* Atomic: writes a temporary file, syncs, renames. */
gboolean      cc_design_save_to_file     (const CcDesign *self,
                                          const char     *path,
                                          GError        **error);

gboolean      cc_design_validate         (const CcDesign *self,
                                          CcMaterialDb   *db,
                                          GError        **error);

/* Whether the component's coating joins touching particles into an ion
 * path: at least 5 nm of a material with σ_ion >= 1e-7 S/cm. */
gboolean cc_component_coating_connects_ions (const CcComponent *component,
                                             CcMaterialDb      *db);

/* Lookups of the components by material class (first match), NULL if none. */
const CcComponent *cc_design_find_component (const CcDesign  *self,
                                             CcMaterialDb    *db,
                                             CcMaterialClass  klass);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcDesign, cc_design_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcComponent, cc_component_free)

G_END_DECLS
