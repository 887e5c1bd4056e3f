/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CC_RESOURCE_DATA_PREFIX "/io/github/cathodecomposer/CathodeComposer/data"

/* The data resource lives in a static library: register it explicitly so
 * every program that links the core finds it. Idempotent and thread-safe. */
void cc_resources_ensure_registered (void);

G_END_DECLS
