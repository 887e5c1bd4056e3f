/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Literature cells: a full design plus what the paper reported, so every
 * preset doubles as a validation case for the models.
 */
#pragma once

#include <glib.h>
#include "cc-design.h"

G_BEGIN_DECLS

/* What the source reported. NAN where the source gives no number. */
typedef struct {
  double  capacity_mAh_g;       /* discharge capacity at the stated rate/cycle */
  double  c_rate;               /* rate of that figure (C); NAN if given as current */
  double  current_mA_g;         /* rate given as specific current, else NAN */
  guint   cycles;               /* cycles of the reported figure; 0 if none */
  double  retention;            /* capacity retention over those cycles, 0..1 */
  double  initial_coulombic_efficiency; /* 0..1 */
  double  temperature_C;
  double  voltage_min_V;
  double  voltage_max_V;
  char   *voltage_reference;    /* "Na+/Na", "Na15Sn4", ... */
  char   *notes;
} CcReported;

typedef struct {
  char       *id;
  char       *title;
  char       *reference;    /* review reference number and/or citation */
  char       *explanation;  /* why it works or fails, after the review */
  CcDesign   *design;
  CcReported  reported;
} CcPreset;

typedef struct _CcPresetList CcPresetList;

CcPresetList   *cc_preset_list_new          (void);
CcPresetList   *cc_preset_list_ref          (CcPresetList *self);
void            cc_preset_list_unref        (CcPresetList *self);
/* The presets shipped in the binary; shared, never NULL. */
CcPresetList   *cc_preset_list_get_default  (void);
gboolean        cc_preset_list_load_data    (CcPresetList *self,
                                             const char   *data,
                                             gssize        length,
                                             const char   *origin,
                                             GError      **error);
gboolean        cc_preset_list_load_builtin (CcPresetList *self,
                                             GError      **error);
guint           cc_preset_list_get_n        (CcPresetList *self);
const CcPreset *cc_preset_list_get_nth      (CcPresetList *self,
                                             guint         index);
const CcPreset *cc_preset_list_lookup       (CcPresetList *self,
                                             const char   *id);

/* "preset:ID" or a path: the design a command-line argument names. */
CcDesign       *cc_design_load_from_argument (const char  *argument,
                                              GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcPresetList, cc_preset_list_unref)

G_END_DECLS
