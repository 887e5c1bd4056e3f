/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything the cell model needs, in SI units, each number with its
 * provenance (database key, design field, packing metric, estimate or fitted
 * constant). Built from a design, the materials database and the packing
 * metrics; tests and the app may change any value before simulating.
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>
#include "cc-design.h"
#include "cc-material-db.h"
#include "cc-microstructure.h"
#include "cc-echem-constants.h"
#include "cc-ocv.h"

G_BEGIN_DECLS

#define CC_CELL_ERROR (cc_cell_error_quark ())

typedef enum {
  CC_CELL_ERROR_INVALID,     /* a missing or bad input (names it) */
  CC_CELL_ERROR_CANCELLED,
} CcCellError;

#define CC_CELL_MAX_CLASSES 4

typedef struct {
  double      value;   /* SI */
  CcOrigin    origin;
  const char *unit;    /* static */
  char       *source;  /* "nacro2: diffusion_coefficient_cm2_s (Review ref. [99])" */
} CcParam;

typedef struct {
  /* Identity of the phases (database ids; NULL where absent). */
  char     *cam_id;
  char     *electrolyte_id;    /* the composite's ionic phase (catholyte) */
  char     *carbon_id;
  char     *coating_id;
  char     *separator_id;
  char     *interlayer_id;
  char     *anode_id;
  char     *wetting_id;        /* liquid / ionic-liquid wetting agent, anywhere */
  char     *cam_anion, *electrolyte_anion;

  gboolean  starts_charged;    /* CAM assembled desodiated (TiS2, FeS2, PTO...) */
  gboolean  ionic_percolation;
  gboolean  electronic_percolation;
  CcOcv     ocv;

  /* Conditions. */
  CcParam   temperature;            /* K */
  CcParam   stack_pressure;         /* Pa */

  /* Electrode (composite) geometry and transport. */
  CcParam   thickness;              /* m */
  CcParam   cam_loading;            /* kg CAM / m2 */
  CcParam   composite_loading;      /* kg composite / m2 */
  CcParam   eps_cam, eps_electrolyte, eps_carbon, porosity;   /* of electrode volume */
  CcParam   active_cam_fraction;    /* CAM reached by both networks */
  CcParam   electronically_connected_fraction;
  CcParam   sigma_ion_eff;          /* S/m at the cell temperature */
  CcParam   sigma_e_eff;            /* S/m */
  CcParam   cam_se_area;            /* m2 contact / m3 electrode (active CAM) */
  CcParam   carbon_se_area;         /* m2 / m3 */
  CcParam   contact_fraction;       /* CAM-SE contact / CAM surface */
  CcParam   contact_fraction_dry;   /* before a wetting agent fills the gaps */
  CcParam   active_cam_fraction_dry;

  guint     n_classes;
  double    class_radius[CC_CELL_MAX_CLASSES];   /* m */
  double    class_weight[CC_CELL_MAX_CLASSES];   /* volume weights, sum 1 */

  /* Cathode active material. */
  CcParam   cam_density;            /* kg/m3 */
  CcParam   capacity_theoretical;   /* C/kg */
  CcParam   capacity_window;        /* C/kg spanned by the OCV curve */
  CcParam   c_max;                  /* mol/m3 of the window */
  CcParam   diffusivity;            /* m2/s at the cell temperature */
  CcParam   exchange_current;       /* A/m2 of contact at soc 0.5, cell temperature */
  CcParam   volume_change;          /* fraction, charged vs discharged */
  CcParam   cam_modulus;            /* Pa */
  CcParam   cam_poisson;
  CcParam   cam_sigma_e;            /* S/m */
  CcParam   structural_limit;       /* V vs Na; +inf when none */
  gboolean  cam_plastic;

  /* Composite electrolyte (catholyte). */
  CcParam   el_oxidation_limit, el_reduction_limit;   /* V vs Na */
  CcParam   el_sigma;               /* S/m at the cell temperature */
  CcParam   el_modulus, el_poisson;
  CcParam   el_molar_volume;        /* m3/mol */
  CcParam   el_na_per_formula;
  gboolean  el_plastic;
  gboolean  el_ox_products_electronic, el_red_products_electronic;
  gboolean  el_ox_products_ionic, el_red_products_ionic;

  /* Coating on the CAM. */
  CcParam   coating_thickness;      /* m; 0 when uncoated */
  CcParam   coating_sigma;          /* S/m */
  CcParam   coating_oxidation_limit, coating_reduction_limit;
  CcParam   coating_coverage;       /* fraction of CAM surface covered */
  gboolean  coating_blocks_oxidation, coating_blocks_reduction;
  gboolean  coating_blocks_chemical, coating_blocks_contact_loss;

  /* Wetting agent. */
  gboolean  wetting_volatile;
  CcParam   wetting_lifetime;       /* cycles; 0 = not volatile */

  /* Chemistry and mechanics of the CAM against what it touches. */
  CcParam   anion_mismatch;         /* 0..1 */
  CcParam   contact_modulus;        /* E* of the CAM-electrolyte pair, Pa */

  /* Separator, interlayer, anode. */
  CcParam   separator_resistance;   /* Ohm m2 */
  CcParam   interlayer_resistance;  /* Ohm m2 */
  CcParam   anode_potential;        /* V vs Na */
  CcParam   anode_resistance;       /* Ohm m2 */
  CcParam   separator_reduction_limit;  /* V vs Na; -inf when none */
  gboolean  separator_red_products_electronic;
  gboolean  separator_red_products_ionic;

  /* Protocol. */
  CcParam   v_min, v_max;           /* cell voltage */
  CcParam   cycling_c_rate;         /* 1/h */
  GArray   *c_rates;                /* double, 1/h */
  guint     cycles;

  /* Derived scales. */
  CcParam   nominal_capacity;       /* C/m2: window capacity of all CAM */
  CcParam   current_1c;             /* A/m2 */

  /* Model constants, copied from cc-echem-constants so they can be varied. */
  CcParam   k[CC_N_MODEL_CONSTANTS];

  GPtrArray *notes;                 /* char*: assumptions made while building */
} CcCellInputs;

GQuark        cc_cell_error_quark       (void);

CcCellInputs *cc_cell_inputs_from_design (const CcDesign         *design,
                                          CcMaterialDb           *db,
                                          const CcMicrostructure *micro,
                                          GError                **error);
CcCellInputs *cc_cell_inputs_copy       (const CcCellInputs *self);
void          cc_cell_inputs_free       (CcCellInputs *self);
/* Sets a parameter's value, origin and source in one go. */
void          cc_param_set              (CcParam     *param,
                                         double       value,
                                         const char  *unit,
                                         CcOrigin     origin,
                                         const char  *source_format,
                                         ...) G_GNUC_PRINTF (5, 6);
/* Writes {"name": {"value", "unit", "origin", "source"}, ...} members. */
void          cc_cell_inputs_to_json    (const CcCellInputs *self,
                                         JsonBuilder        *builder);
/* Checks that every value is finite and in its physical range; names the
 * first bad one. */
gboolean      cc_cell_inputs_check      (const CcCellInputs *self,
                                         GError            **error);

double        cc_arrhenius_factor       (double activation_energy_eV,
                                         double temperature_K);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcCellInputs, cc_cell_inputs_free)

G_END_DECLS
