/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's comparison verbs: pin the results of a run, import
 * measured data (CSV) to draw over the predictions, and remove either.
 *
 *   win.pin-results              the charts on screen, named after the design
 *   win.import-measured          a file chooser, then as below
 *   win.import-measured-uri(s)   a path or URI; the kind is guessed from the
 *                                column names, or asked for when they say nothing
 *   win.unpin(u), win.remove-measured(u), win.clear-overlays
 */
#include "cc-window-private.h"
#include "cc-alert.h"

#include <glib/gi18n.h>

/* The results page that shows measured data of @kind first. */
static CcChartKind
page_for (CcMeasuredKind kind)
{
  switch (kind)
    {
    case CC_MEASURED_CYCLING:
      return CC_CHART_CYCLING;
    case CC_MEASURED_RATE:
      return CC_CHART_RATE;
    case CC_MEASURED_IMPEDANCE:
      return CC_CHART_NYQUIST;
    default:
      return CC_CHART_VOLTAGE;
    }
}

static void
action_pin (GSimpleAction *action,
            GVariant      *param,
            gpointer       data)
{
  CcWindow *self = data;
  g_autoptr(GHashTable) charts = cc_results_view_dup_run_charts (self->results);
  const CcDesign *design = cc_document_get_design (self->document);
  g_autofree char *name = design->name != NULL && design->name[0] != '\0' ? g_strdup (design->name)
                                                                         : cc_document_dup_title (self->document);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  guint n;

  if (!cc_overlays_add_pin (self->overlays, name, charts, &error))
    {
      cc_window_show_message (self, error->message, TRUE);
      return;
    }
  n = cc_overlays_get_n_pins (self->overlays);
  message = g_strdup_printf (_("Pinned “%s”: change the design to compare with it"),
                             cc_overlays_get_pin_name (self->overlays, n - 1));
  cc_window_show_message (self, message, FALSE);
}

static void import_file (CcWindow *self, GFile *file, CcMeasuredKind kind);

typedef struct {
  CcWindow *window;
  GFile    *file;
} KindQuestion;

static void
on_kind_answer (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  KindQuestion *q = data;
  const char *response = cc_alert_choose_finish (CC_ALERT (source), result);
  CcMeasuredKind kind;

  if (cc_measured_kind_from_string (response, &kind) && kind != CC_MEASURED_AUTO)
    import_file (q->window, q->file, kind);
  g_object_unref (q->window);
  g_object_unref (q->file);
  g_free (q);
}

/* The column names do not say what the file holds: ask. */
static void
ask_kind (CcWindow   *self,
          GFile      *file,
          const char *why)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *heading = g_strdup_printf (_("What does “%s” hold?"), name);
  CcAlert *alert = cc_alert_new (GTK_WINDOW (self), heading, why);
  KindQuestion *q = g_new0 (KindQuestion, 1);

  cc_alert_add_response (alert, "cancel", _("_Cancel"), CC_ALERT_RESPONSE_DEFAULT);
  cc_alert_add_response (alert, "voltage-profile", _("_Voltage Profile"), CC_ALERT_RESPONSE_DEFAULT);
  cc_alert_add_response (alert, "cycling", _("C_ycling"), CC_ALERT_RESPONSE_DEFAULT);
  cc_alert_add_response (alert, "rate-capability", _("_Rate Capability"), CC_ALERT_RESPONSE_DEFAULT);
  cc_alert_add_response (alert, "impedance", _("_Impedance"), CC_ALERT_RESPONSE_DEFAULT);
  cc_alert_set_close_response (alert, "cancel");
  q->window = g_object_ref (self);
  q->file = g_object_ref (file);
  cc_alert_choose (alert, NULL, on_kind_answer, q);
}

static void
import_file (CcWindow       *self,
             GFile          *file,
             CcMeasuredKind  kind)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  CcMeasuredData *data;
  CcMeasuredKind shown;

  if (path == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be imported"));
      cc_window_show_error (self, _("Could not import the measured data"), error);
      return;
    }
  data = cc_measured_load (path, kind, &error);
  if (data == NULL && kind == CC_MEASURED_AUTO && g_error_matches (error, CC_MEASURED_ERROR, CC_MEASURED_ERROR_KIND))
    {
      ask_kind (self, file, error->message);
      return;
    }
  if (data == NULL)
    {
      cc_window_show_error (self, _("Could not import the measured data"), error);
      return;
    }
  shown = data->kind;
  message = g_strdup_printf (_("Imported %s: measured data drawn as markers"), data->name);
  if (!cc_overlays_add_measured (self->overlays, data, &error))
    {
      cc_window_show_error (self, _("Could not import the measured data"), error);
      return;
    }
  cc_results_view_set_visible (self->results, page_for (shown));
  cc_window_show_message (self, message, FALSE);
}

static void
on_import_response (GtkNativeDialog *dialog,
                    int              response,
                    CcWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (file != NULL)
        import_file (self, file, CC_MEASURED_AUTO);
    }
  g_clear_object (&self->file_dialog);
}

static void
action_import (GSimpleAction *action,
               GVariant      *param,
               gpointer       data)
{
  CcWindow *self = data;
  g_autoptr(GtkFileFilter) tables = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Measured Data"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (tables, _("CSV and text tables"));
  gtk_file_filter_add_mime_type (tables, "text/csv");
  gtk_file_filter_add_mime_type (tables, "text/tab-separated-values");
  gtk_file_filter_add_suffix (tables, "csv");
  gtk_file_filter_add_suffix (tables, "tsv");
  gtk_file_filter_add_suffix (tables, "txt");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), tables);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_response), self);
  g_clear_object (&self->file_dialog);
  self->file_dialog = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->file_dialog);
}

static void
action_import_uri (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       data)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (g_variant_get_string (param, NULL));

  import_file (data, file, CC_MEASURED_AUTO);
}

static void
action_unpin (GSimpleAction *action,
              GVariant      *param,
              gpointer       data)
{
  CcWindow *self = data;
  guint index = g_variant_get_uint32 (param);

  if (index < cc_overlays_get_n_pins (self->overlays))
    cc_overlays_remove_pin (self->overlays, index);
}

static void
action_remove_measured (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       data)
{
  CcWindow *self = data;
  guint index = g_variant_get_uint32 (param);

  if (index < cc_overlays_get_n_measured (self->overlays))
    cc_overlays_remove_measured (self->overlays, index);
}

static void
action_clear (GSimpleAction *action,
              GVariant      *param,
              gpointer       data)
{
  cc_overlays_clear (((CcWindow *) data)->overlays);
}

static const GActionEntry overlay_entries[] = {
  { "pin-results", action_pin, NULL, NULL, NULL, { 0 } },
  { "import-measured", action_import, NULL, NULL, NULL, { 0 } },
  { "import-measured-uri", action_import_uri, "s", NULL, NULL, { 0 } },
  { "unpin", action_unpin, "u", NULL, NULL, { 0 } },
  { "remove-measured", action_remove_measured, "u", NULL, NULL, { 0 } },
  { "clear-overlays", action_clear, NULL, NULL, NULL, { 0 } },
};

static void
on_overlays_changed (CcWindow *self)
{
  GAction *clear = g_action_map_lookup_action (G_ACTION_MAP (self), "clear-overlays");

  g_simple_action_set_enabled (G_SIMPLE_ACTION (clear), !cc_overlays_is_empty (self->overlays));
}

/* Measured spectra in ohm are compared per area of the design's electrode. */
static void
on_design_changed (CcWindow *self)
{
  cc_overlays_set_area (self->overlays, cc_document_get_design (self->document)->cell.area_cm2);
}

void
cc_window_overlays_init (CcWindow *self)
{
  self->overlays = cc_overlays_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self), overlay_entries, G_N_ELEMENTS (overlay_entries), self);
  g_signal_connect_object (self->overlays, "changed", G_CALLBACK (on_overlays_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "changed", G_CALLBACK (on_design_changed), self, G_CONNECT_SWAPPED);
  cc_results_view_set_overlays (self->results, self->overlays);
  on_design_changed (self);
  on_overlays_changed (self);
}
