/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-resources.h"

#include <gio/gio.h>

void cc_data_register_resource (void);

void
cc_resources_ensure_registered (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      cc_data_register_resource ();
      g_once_init_leave (&done, 1);
    }
}
