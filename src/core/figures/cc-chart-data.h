/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Typed data for the chart kinds, in plain units. The engines' results map
 * onto these (the integrator's job); the builders in cc-chart-kinds.h turn
 * them into charts. Labels are Pango markup; arrays are copied.
 *
 * Measured data (literature points) is drawn as markers, model output as
 * lines, so a figure never passes a prediction off as data.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  CC_CURVE_MODEL,      /* a line */
  CC_CURVE_MEASURED,   /* open markers */
} CcCurveRole;

typedef enum {
  CC_CURVE_NONE,
  CC_CURVE_CHARGE,
  CC_CURVE_DISCHARGE,
} CcCurveDirection;

/* One x–y curve. Curves of one group share colour, dash and marker and take
 * one legend entry per role (charge and discharge at one C-rate, say). */
typedef struct {
  char             *label;
  int               group;      /* ≥ 0; −1: a group of its own */
  CcCurveRole       role;
  CcCurveDirection  direction;
  guint             n;
  double           *x;
  double           *y;
} CcDataCurve;

/* An annotated point (a DRT peak and its process). */
typedef struct {
  double  x, y;
  char   *label;
} CcDataMark;

/* Curves for the voltage-profile, rate-capability, Ragone and DRT charts;
 * what x and y mean is documented at each builder. */
typedef struct {
  GPtrArray *curves;   /* CcDataCurve* */
  GPtrArray *marks;    /* CcDataMark* */
} CcCurveSet;

CcCurveSet  *cc_curve_set_new        (void);
void         cc_curve_set_free       (CcCurveSet       *set);
CcDataCurve *cc_curve_set_add        (CcCurveSet       *set,
                                      const char       *label,
                                      CcCurveRole       role,
                                      const double     *x,
                                      const double     *y,
                                      guint             n);
void         cc_data_curve_set_group (CcDataCurve      *curve,
                                      int               group);
void         cc_data_curve_set_direction (CcDataCurve  *curve,
                                      CcCurveDirection  direction);
void         cc_curve_set_add_mark   (CcCurveSet       *set,
                                      double            x,
                                      double            y,
                                      const char       *label);
/* "C/10", "2C": how a C-rate is labelled on the model's and the measured
 * curves alike, so the two can be matched by label. */
char        *cc_c_rate_label         (double            c_rate);

/* Capacity and Coulombic efficiency against cycle number. */
typedef struct {
  char        *label;
  CcCurveRole  role;
  guint        n;
  double      *cycle;
  double      *capacity_mAh_g;   /* discharge capacity */
  double      *efficiency;       /* Coulombic efficiency as a fraction 0…1; NULL if none */
} CcCyclingRun;

typedef struct {
  GPtrArray *runs;     /* CcCyclingRun* */
} CcCyclingData;

CcCyclingData *cc_cycling_data_new     (void);
void           cc_cycling_data_free    (CcCyclingData *data);
/* @efficiency may be NULL. */
CcCyclingRun  *cc_cycling_data_add_run (CcCyclingData *data,
                                        const char    *label,
                                        CcCurveRole    role,
                                        const double  *cycle,
                                        const double  *capacity_mAh_g,
                                        const double  *efficiency,
                                        guint          n);

/* Impedance spectra Z = Z′ + iZ″ (capacitive: Z″ < 0). */
typedef struct {
  char        *label;
  CcCurveRole  role;
  guint        n;
  double      *frequency_Hz;
  double      *z_re;
  double      *z_im;
} CcSpectrum;

typedef struct {
  GPtrArray *spectra;        /* CcSpectrum* */
  gboolean   area_specific;  /* Ω cm² rather than Ω */
} CcImpedanceData;

CcImpedanceData *cc_impedance_data_new          (gboolean         area_specific);
void             cc_impedance_data_free         (CcImpedanceData *data);
CcSpectrum      *cc_impedance_data_add_spectrum (CcImpedanceData *data,
                                                 const char      *label,
                                                 CcCurveRole      role,
                                                 const double    *frequency_Hz,
                                                 const double    *z_re,
                                                 const double    *z_im,
                                                 guint            n);

/* Electrochemical stability windows vs Na⁺/Na. NAN where unknown. */
typedef struct {
  char   *label;
  double  reduction_V, oxidation_V;                    /* thermodynamic */
  double  apparent_reduction_V, apparent_oxidation_V;  /* kinetic / experimental */
  char   *reduction_products;                          /* markup, NULL if none */
  char   *oxidation_products;
} CcStabilityWindow;

typedef struct {
  GPtrArray *windows;        /* CcStabilityWindow*, drawn top to bottom */
  char      *cam_label;      /* NULL: no CAM range */
  double     cam_min_V, cam_max_V;
  char      *anode_label;    /* NULL: no anode line */
  double     anode_V;
} CcStabilityData;

CcStabilityData   *cc_stability_data_new        (void);
void               cc_stability_data_free       (CcStabilityData   *data);
CcStabilityWindow *cc_stability_data_add_window (CcStabilityData   *data,
                                                 const char        *label,
                                                 double             reduction_V,
                                                 double             oxidation_V);
void               cc_stability_window_set_apparent (CcStabilityWindow *window,
                                                 double             reduction_V,
                                                 double             oxidation_V);
void               cc_stability_window_set_products (CcStabilityWindow *window,
                                                 const char        *reduction_markup,
                                                 const char        *oxidation_markup);
void               cc_stability_data_set_cam    (CcStabilityData   *data,
                                                 const char        *label,
                                                 double             min_V,
                                                 double             max_V);
void               cc_stability_data_set_anode  (CcStabilityData   *data,
                                                 const char        *label,
                                                 double             potential_V);

/* A CAM × SE matrix of ordinal scores 0 … n_levels−1 (higher is better),
 * −1 where unknown; each level has a meaning for the legend. */
typedef struct {
  GPtrArray *rows;           /* char* markup (CAMs) */
  GPtrArray *cols;           /* char* markup (SEs) */
  GPtrArray *levels;         /* char* markup: what each score means */
  GArray    *scores;         /* int, row-major, rows × cols */
  int        highlight_row, highlight_col;   /* −1: none */
  char      *row_title, *col_title;
} CcCompatibilityData;

CcCompatibilityData *cc_compatibility_data_new  (const char * const  *level_meanings,
                                                 guint                n_levels);
void                 cc_compatibility_data_free (CcCompatibilityData *data);
/* Add all rows and columns before setting scores. */
guint                cc_compatibility_data_add_row (CcCompatibilityData *data,
                                                 const char          *label);
guint                cc_compatibility_data_add_col (CcCompatibilityData *data,
                                                 const char          *label);
void                 cc_compatibility_data_set_score (CcCompatibilityData *data,
                                                 guint                row,
                                                 guint                col,
                                                 int                  score);
int                  cc_compatibility_data_get_score (const CcCompatibilityData *data,
                                                 guint                row,
                                                 guint                col);
void                 cc_compatibility_data_set_highlight (CcCompatibilityData *data,
                                                 int                  row,
                                                 int                  col);
void                 cc_compatibility_data_set_titles (CcCompatibilityData *data,
                                                 const char          *row_title,
                                                 const char          *col_title);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcCurveSet, cc_curve_set_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcCyclingData, cc_cycling_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcImpedanceData, cc_impedance_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcStabilityData, cc_stability_data_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcCompatibilityData, cc_compatibility_data_free)

G_END_DECLS
