/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "robust-common.h"

#include <string.h>

/* "components[2].coating.material" -> "components[].coating.material" */
static char *
without_indices (const char *path)
{
  GString *out = g_string_new (NULL);

  for (const char *p = path; *p != '\0'; p++)
    {
      g_string_append_c (out, *p);
      if (*p == '[')
        while (g_ascii_isdigit (p[1]))
          p++;
    }
  return g_string_free (out, FALSE);
}

void
robust_assert_clear_error (const GError *error,
                           const char   *path)
{
  g_autofree char *generic = NULL;

  g_assert_nonnull (error);
  g_assert_nonnull (error->message);
  if (error->message[0] == '\0')
    g_error ("empty error message (domain %s, code %d)", g_quark_to_string (error->domain), error->code);
  if (!g_utf8_validate (error->message, -1, NULL))
    g_error ("error message is not valid UTF-8: %s", error->message);
  if (strchr (error->message, '\n') != NULL)
    g_error ("error message spans several lines: %s", error->message);
  if (strlen (error->message) > ROBUST_MAX_MESSAGE)
    g_error ("error message of %" G_GSIZE_FORMAT " bytes: %.200s…", strlen (error->message), error->message);
  if (path == NULL || strstr (error->message, path) != NULL)
    return;
  generic = without_indices (path);
  if (strstr (error->message, generic) == NULL)
    g_error ("the error does not name %s: %s", path, error->message);
}

void
robust_assert_design_finite (const CcDesign *design)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CcDesign) back = NULL;
  g_autofree char *text = cc_design_to_data (design, NULL);

  /* json-glib writes NaN and infinity as tokens no parser reads. */
  back = cc_design_load_from_data (text, -1, &error);
  if (back == NULL)
    g_error ("an accepted design does not save and reload: %s", error->message);
  g_assert_true (cc_design_equal (design, back));
}

CcDesign *
robust_big_design (guint which)
{
  CcDesign *d = cc_design_new_default ();
  /* About a third of the size limit, so a save spends real time writing. */
  gsize size = CC_DESIGN_MAX_FILE_BYTES / 3;
  CcComponent *cam = g_ptr_array_index (d->components, 0);
  CcComponent *se = g_ptr_array_index (d->components, 1);

  g_free (d->name);
  d->name = g_strdup_printf ("Big design %c", which ? 'B' : 'A');
  g_free (d->description);
  d->description = g_strnfill (size, which ? 'b' : 'a');
  cam->mass_fraction += which ? 0.05 : 0.0;
  se->mass_fraction -= which ? 0.05 : 0.0;
  d->simulation.seed = which ? 2 : 1;
  return d;
}
