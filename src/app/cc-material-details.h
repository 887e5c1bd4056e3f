/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every property of a material with its unit, value and source; estimates
 * carry a visible "estimate" tag whose tooltip gives the basis. Used in the
 * palette's details popover.
 */
#pragma once

#include <gtk/gtk.h>
#include "cc-material.h"

G_BEGIN_DECLS

GtkWidget *cc_material_details_new (const CcMaterial *material);
/* The "estimate" pill; its tooltip gives the basis of the number. */
GtkWidget *cc_estimate_tag_new     (const char       *basis);

G_END_DECLS
