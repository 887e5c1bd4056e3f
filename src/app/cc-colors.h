/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Colours of components and particle states, shared by the formulation
 * editor's swatches, the 3D view and its legend so they always agree. Hues
 * come from the Okabe–Ito palette (distinguishable with the common forms of
 * colour blindness); each material class gets its own family so a glance
 * tells active material (warm) from electrolyte (blue) from carbon (dark).
 */
#pragma once

#include "cc-design.h"

G_BEGIN_DECLS

typedef struct {
  float r, g, b;
} CcRgb;

/* nth: how many components of the same class come before this one. */
CcRgb  cc_colors_for_component (CcMaterialClass klass,
                                guint           nth);
/* The colour of each component of a design (out[components->len]); the
 * n-th component of a class gets that class's n-th colour. */
void   cc_colors_for_design    (const CcDesign *design,
                                CcMaterialDb   *db,
                                CcRgb          *out);
/* A CcParticleState (cc-packing.h) value. */
CcRgb  cc_colors_for_state     (guint           state);
CcRgb  cc_colors_collector     (void);
CcRgb  cc_colors_separator     (void);
/* "#rrggbb" for CSS and Pango markup. */
char  *cc_rgb_to_hex           (CcRgb           c);

G_END_DECLS
