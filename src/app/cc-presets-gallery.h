/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The literature cells: each card shows the figures the source reported
 * next to a "Predicted" column, the reference, and the review's explanation
 * of why the cell works or fails; "Open" emits ::preset-activated.
 *
 * Predictions are plugged in with cc_presets_gallery_set_prediction() using
 * the same CcReported structure as the reported figures, so both columns
 * line up field by field.
 */
#pragma once

#include <gtk/gtk.h>
#include "cc-preset.h"

G_BEGIN_DECLS

#define CC_TYPE_PRESETS_GALLERY (cc_presets_gallery_get_type ())
G_DECLARE_FINAL_TYPE (CcPresetsGallery, cc_presets_gallery, CC, PRESETS_GALLERY, GtkBox)

void   cc_presets_gallery_set_presets           (CcPresetsGallery *self,
                                                 CcPresetList     *presets);
guint  cc_presets_gallery_get_n_presets         (CcPresetsGallery *self);
/* NULL predicted clears the column back to the status text. */
void   cc_presets_gallery_set_prediction        (CcPresetsGallery *self,
                                                 const char       *preset_id,
                                                 const CcReported *predicted);
/* Why a preset has no prediction (tooltip of the empty column). */
void   cc_presets_gallery_set_prediction_status (CcPresetsGallery *self,
                                                 const char       *status);
/* The text of one figure ("capacity", "retention", "ice", "temperature",
 * "window") in a column ("reported" or "predicted"), for tests. */
const char *cc_presets_gallery_get_figure       (CcPresetsGallery *self,
                                                 const char       *preset_id,
                                                 const char       *column,
                                                 const char       *figure);

G_END_DECLS
