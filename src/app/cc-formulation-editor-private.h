/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared between cc-formulation-editor.c (document, components, validation)
 * and cc-formulation-settings.c (process, cell, protocol, simulation).
 */
#pragma once

#include "cc-formulation-editor.h"

G_BEGIN_DECLS

struct _CcFormulationEditor {
  GtkBox           parent_instance;

  /* template */
  GtkRevealer     *banner_revealer;
  GtkLabel        *banner_label;
  GtkRevealer     *notice_revealer;
  GtkLabel        *notice_label;
  GtkEntry        *name_entry;
  GtkToggleButton *mass_toggle;
  GtkToggleButton *volume_toggle;
  GtkBox          *components_box;
  GtkWidget       *drop_hint;
  GtkLabel        *total_label;
  GtkWidget       *components_error;
  GtkBox          *sections_box;

  CcDocument      *document;
  CcMaterialDb    *db;
  CcFractionMode   mode;
  gboolean         updating;
  GPtrArray       *cards;          /* CcComponentCard* (not owned) */
  GHashTable      *fields;         /* JSON path -> CcField* */
  char            *shown_error;
  GtkWidget       *error_widget;   /* flagged input */
  GtkWidget       *error_label;
  guint            notice_timeout;

  /* settings sections */
  GtkWidget       *method;
  GtkWidget       *pressure;
  GtkWidget       *fab_temperature;
  GtkWidget       *stack_pressure;
  GtkWidget       *amount_mode;
  GtkWidget       *amount;
  GtkWidget       *amount_unit;
  GtkWidget       *area;
  GtkWidget       *separator;
  GtkWidget       *separator_thickness;
  GtkWidget       *anode;
  GtkWidget       *interlayer;
  GtkWidget       *interlayer_thickness;
  GtkWidget       *vmin;
  GtkWidget       *vmax;
  GtkWidget       *c_rates;
  GtkWidget       *c_rates_error;
  GtkWidget       *cycling_rate;
  GtkWidget       *protocol_temperature;
  GtkWidget       *cycles;
  GtkWidget       *particles;
  GtkWidget       *seed;
};

typedef struct {
  GtkWidget *widget;
  GtkWidget *error_label;
} CcField;

void cc_formulation_editor_register_field (CcFormulationEditor *self,
                                           const char          *path,
                                           GtkWidget           *widget,
                                           GtkWidget           *error_label);
/* Commits an edited copy of the design (taken) as one undoable step. */
void cc_formulation_editor_commit         (CcFormulationEditor *self,
                                           CcDesign            *design,
                                           const char          *coalesce_key);

void cc_formulation_settings_build        (CcFormulationEditor *self);
void cc_formulation_settings_sync         (CcFormulationEditor *self,
                                           const CcDesign      *design);

G_END_DECLS
