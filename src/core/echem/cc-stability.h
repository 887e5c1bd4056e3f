/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Interfacial stability of a design: for every interface present, the
 * electrochemical window of the phase that can decompose against the
 * potentials it sees in the protocol (cathode side: protocol cell voltages
 * plus the anode potential; anode side: the anode potential), the margin in
 * volts, a verdict and the expected products from the database; plus the
 * compatibility matrix of every CAM x solid electrolyte in the database and
 * the data of the stability-window chart.
 *
 * Verdicts: "stable" (inside the window, or no electrons reach it),
 * "passivating" (outside; the products do not conduct electrons, so the
 * interphase limits itself), "continuous" (outside; electronically
 * conducting products keep it growing).
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>
#include "cc-design.h"
#include "cc-material-db.h"

G_BEGIN_DECLS

typedef enum {
  CC_VERDICT_STABLE,
  CC_VERDICT_PASSIVATING,
  CC_VERDICT_CONTINUOUS,
} CcVerdict;

const char *cc_verdict_to_string (CcVerdict verdict);

typedef struct {
  char      *pair;               /* "nacro2 | na3ps4-cubic" */
  char      *kind;               /* "cam-electrolyte", "carbon-electrolyte", ... */
  char      *electronic_side;    /* material id, or "current-collector" */
  char      *electrolyte;        /* the material whose window is tested */
  double     potential_min_V, potential_max_V;  /* seen, V vs Na */
  double     reduction_limit_V, oxidation_limit_V;   /* -inf / +inf when unknown */
  double     margin_V;           /* negative: outside the window by that much */
  double     apparent_margin_V;  /* against the kinetic (apparent) window where known */
  CcVerdict  verdict;
  gboolean   oxidation;          /* the violated side, when not stable */
  GPtrArray *products;           /* char* */
  double     chemical_mismatch;  /* 0..1, for CAM/electrolyte pairs */
  char      *explanation;
} CcInterfaceStability;

typedef struct {
  char   *id;
  char   *role;                  /* "catholyte", "separator", "coating", "interlayer" */
  double  reduction_V, oxidation_V;
  double  apparent_reduction_V, apparent_oxidation_V;   /* NAN when unknown */
} CcWindowBar;

typedef struct {
  GPtrArray *interfaces;         /* CcInterfaceStability* */
  GPtrArray *windows;            /* CcWindowBar*: the design's electrolytes */
  char      *cam_id;
  double     cam_min_V, cam_max_V;   /* cathode potential range of the protocol, V vs Na */
  char      *anode_id;
  double     anode_V;
} CcStabilityReport;

CcStabilityReport *cc_stability_analyze           (const CcDesign *design,
                                                   CcMaterialDb   *db,
                                                   GError        **error);
void               cc_stability_report_free       (CcStabilityReport *report);
/* Members "interfaces" and "stability_window" into the open object. */
void               cc_stability_report_to_json    (const CcStabilityReport *report,
                                                   JsonBuilder             *builder);

typedef struct {
  char      *cam_id, *electrolyte_id;
  double     score;              /* 0..100 */
  double     margin_V;           /* CAM operating window vs electrolyte window */
  CcVerdict  verdict;
  double     chemical_mismatch;  /* 0..1 */
  double     mechanical_stress_MPa;   /* E* x linear strain */
  gboolean   plastic;
  GPtrArray *reasons;            /* char* */
} CcCompatibility;

/* Every CAM x solid electrolyte of the database, CAM-major in file order. */
GPtrArray *cc_compatibility_matrix          (CcMaterialDb *db);   /* CcCompatibility* */
CcCompatibility *cc_compatibility_pair      (const CcMaterial *cam,
                                             const CcMaterial *electrolyte);
void       cc_compatibility_free            (CcCompatibility *c);
/* A "compatibility" member: an array of {cam, electrolyte, score, ...}. */
void       cc_compatibility_matrix_to_json  (GPtrArray   *matrix,
                                             JsonBuilder *builder);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcStabilityReport, cc_stability_report_free)

G_END_DECLS
