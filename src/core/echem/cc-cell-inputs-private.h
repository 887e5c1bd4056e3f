/* SPDX-License-Identifier: GPL-3.0-or-later
 * Internal to cc_cell_inputs_from_design (split over two files). */
#pragma once

#include "cc-cell-inputs.h"

G_BEGIN_DECLS

typedef struct {
  CcCellInputs           *in;
  const CcDesign         *design;
  CcMaterialDb           *db;
  const CcMicrostructure *micro;
  const CcComponent      *cam_comp;
  const CcMaterial       *cam, *el, *carbon, *coating, *separator, *interlayer, *anode, *wetting;
  double                  temperature;   /* K */
  gboolean                pore_fill;     /* no solid electrolyte: the wetting agent fills the pores */
  gboolean                shell_network; /* no solid electrolyte: ion-conducting coatings touch */
} CcBuild;

void              cc_build_note          (CcBuild    *b,
                                          const char *format,
                                          ...) G_GNUC_PRINTF (2, 3);
gboolean          cc_build_from_material (CcBuild          *b,
                                          CcParam          *p,
                                          const CcMaterial *m,
                                          const char       *key,
                                          double            scale,
                                          const char       *unit,
                                          double            fallback,
                                          const char       *basis,
                                          GError          **error);
const CcMaterial *cc_build_lookup        (CcBuild     *b,
                                          const char  *id,
                                          const char  *field,
                                          GError     **error);
gboolean          cc_build_ionic_sigma   (CcBuild          *b,
                                          CcParam          *p,
                                          const CcMaterial *m,
                                          double            fallback_S_cm,
                                          GError          **error);
double            cc_build_first_limit   (const CcMaterial *m,
                                          const char       *key,
                                          const char       *apparent_key,
                                          double            none);

gboolean          cc_build_cam           (CcBuild *b, GError **error);
gboolean          cc_build_electrolyte   (CcBuild *b, GError **error);
gboolean          cc_build_coating_wetting (CcBuild *b, GError **error);
gboolean          cc_build_cell_stack    (CcBuild *b, GError **error);

G_END_DECLS
