/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export from the Explore window: the map and the Pareto chart as PNG, SVG
 * or PDF (the figure engine's print theme, a 6.5 × 4.5 inch figure, PNG at
 * 300 dpi), their data as CSV (one row per cell, one per design), and a copy
 * of the results file.
 */
#include "cc-explore-window-private.h"
#include "cc-chart-export.h"

#include <glib/gi18n.h>
#include <string.h>

#define EXPORT_W_PT 468.0
#define EXPORT_H_PT 324.0
#define EXPORT_DPI 300.0

gboolean
cc_explore_window_export (CcExploreWindow  *self,
                          const char       *target,
                          GFile            *file,
                          GError          **error)
{
  g_autofree char *path = g_file_get_path (file);
  gboolean pareto = g_str_has_prefix (target, "pareto-");
  CcChart *chart;
  CcChartFormat format;

  g_return_val_if_fail (CC_IS_EXPLORE_WINDOW (self) && target != NULL && G_IS_FILE (file), FALSE);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Exports can only be saved to local files"));
      return FALSE;
    }
  if (g_str_equal (target, "results"))
    {
      g_autoptr(GFile) source = NULL;

      if (self->results_path == NULL || !g_file_test (self->results_path, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no results file to export yet"));
          return FALSE;
        }
      source = g_file_new_for_path (self->results_path);
      return g_file_copy (source, file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
    }
  chart = cc_explore_window_get_chart (self, pareto);
  if (!cc_chart_format_from_string (strchr (target, '-') != NULL ? strchr (target, '-') + 1 : "", &format)
      || !(pareto || g_str_has_prefix (target, "map-")))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Unknown export “%s”"), target);
      return FALSE;
    }
  if (chart == NULL)
    {
      const char *why = cc_explore_charts_get_message (self, pareto);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, "%s",
                   why != NULL ? why : _("There is no chart to export yet"));
      return FALSE;
    }
  /* Figures use the print theme whatever the screen shows. */
  return cc_chart_export (chart, NULL, format, path, EXPORT_W_PT, EXPORT_H_PT, EXPORT_DPI, error);
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    CcExploreWindow *self)
{
  const char *target = g_object_get_data (G_OBJECT (dialog), "target");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL)
    {
      if (cc_explore_window_export (self, target, file, &error))
        cc_explore_window_status (self, _("Exported"), FALSE);
      else
        cc_explore_window_status (self, error->message, TRUE);
    }
  g_clear_object (&self->file_dialog);
}

static void
action_export (GSimpleAction *action,
               GVariant      *param,
               gpointer       data)
{
  CcExploreWindow *self = data;
  const char *target = g_variant_get_string (param, NULL);
  const char *ext = g_str_equal (target, "results") ? "jsonl" : strchr (target, '-') + 1;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (!g_str_equal (target, "results") && cc_explore_window_get_chart (self, g_str_has_prefix (target, "pareto-")) == NULL)
    {
      cc_explore_window_status (self, _("There is no chart to export yet"), TRUE);
      return;
    }
  name = g_strdup_printf ("%s.%s", g_str_equal (target, "results") ? "sweep-results"
                                   : g_str_has_prefix (target, "pareto-") ? "sweep-pareto" : "sweep-map", ext);
  chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "target", g_strdup (target), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), self);
  g_clear_object (&self->file_dialog);
  self->file_dialog = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->file_dialog);
}

void
cc_explore_export_actions_init (CcExploreWindow *self)
{
  static const GActionEntry entries[] = {
    { "export", action_export, "s", NULL, NULL, { 0 } },
  };

  g_action_map_add_action_entries (G_ACTION_MAP (self), entries, G_N_ELEMENTS (entries), self);
}
