/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's side of the simulation: it submits every valid design to the
 * pipeline (which debounces, cancels and re-runs only the stages the edit
 * invalidated), shows progress in the status bar, polls particle snapshots
 * into the 3D view while a run is in flight (a run that re-used the packing
 * shows the same snapshot serial, so the view is left alone) and presents
 * finished runs.
 */
#include "cc-window-private.h"
#include "cc-pipeline-stages.h"

#include <glib/gi18n.h>

#define POLL_MS 100

/* A run that packs takes seconds: the old charts would pass for its
 * results. One on the cached packing takes a moment: its pages keep the old
 * charts until the new ones replace them, so a slider drag does not flash. */
static gboolean
charts_outdated (CcWindow *self)
{
  CcRun *run = cc_pipeline_get_current_run (self->pipeline);

  return run != NULL && cc_pipeline_get_running (self->pipeline)
         && cc_run_get_stage_ran (run, CC_STAGE_PACKING);
}

static void
update_chart_reasons (CcWindow *self)
{
  const char *invalid = cc_document_get_validation_error (self->document);
  const char *status = cc_pipeline_get_status (self->pipeline);
  gboolean running = cc_pipeline_get_running (self->pipeline);
  gboolean outdated = charts_outdated (self);

  for (guint k = 0; k < CC_N_CHARTS; k++)
    {
      /* Design charts are redrawn on every valid design. */
      gboolean from_design = cc_pipeline_stages_for_chart (k) == CC_N_STAGES;

      if (invalid != NULL)
        cc_results_view_clear (self->results, k, _("Not computed yet"), invalid);
      else if (from_design || (cc_results_view_has_chart (self->results, k) && !outdated))
        continue;
      else
        cc_results_view_clear (self->results, k, running ? _("Computing…") : _("Not computed yet"), status);
    }
}

static void
update_status (CcWindow *self)
{
  const char *invalid = cc_document_get_validation_error (self->document);
  gboolean running = cc_pipeline_get_running (self->pipeline);

  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), running);
  gtk_widget_set_visible (self->cancel_button, running);
  gtk_progress_bar_set_fraction (self->progress_bar, cc_pipeline_get_progress (self->pipeline));

  if (invalid != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Design not valid: %s"), invalid);
      cc_window_show_message (self, text, TRUE);
    }
  else if (cc_pipeline_get_status (self->pipeline) != NULL)
    cc_window_show_message (self, cc_pipeline_get_status (self->pipeline), FALSE);
  else
    cc_window_show_message (self, _("Design valid"), FALSE);
}

static void
poll_particles (CcWindow *self)
{
  double box[3] = { 0, 0, 0 };
  guint serial = 0;
  g_autoptr(GBytes) particles = cc_pipeline_dup_particles (self->pipeline, &serial, box);

  if (particles != NULL && serial != self->last_serial)
    {
      self->last_serial = serial;
      cc_view_panel_set_particles (self->view_panel, particles, box);
    }
}

static gboolean
on_poll (gpointer data)
{
  poll_particles (data);
  return G_SOURCE_CONTINUE;
}

static void
on_run_started (CcWindow *self,
                CcRun    *run)
{
  if (self->poll_id == 0)
    self->poll_id = g_timeout_add (POLL_MS, on_poll, self);
  update_chart_reasons (self);
}

static void
on_run_finished (CcWindow *self,
                 CcRun    *run,
                 GError   *error)
{
  g_clear_handle_id (&self->poll_id, g_source_remove);
  poll_particles (self);
  if (error == NULL)
    cc_pipeline_stages_present (run, self->results, self->presets);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* The old charts are not this design's. */
    for (guint k = 0; k < CC_N_CHARTS; k++)
      if (cc_pipeline_stages_for_chart (k) != CC_N_STAGES)
        cc_results_view_clear (self->results, k, _("Not computed yet"), error->message);
  update_chart_reasons (self);
  update_status (self);
}

static void
on_cancel_clicked (CcWindow *self)
{
  cc_pipeline_cancel (self->pipeline);
}

void
cc_window_pipeline_init (CcWindow *self)
{
  self->pipeline = cc_pipeline_new (cc_document_get_db (self->document));

  g_signal_connect_swapped (self->pipeline, "notify::running", G_CALLBACK (update_status), self);
  g_signal_connect_swapped (self->pipeline, "notify::progress", G_CALLBACK (update_status), self);
  g_signal_connect_swapped (self->pipeline, "notify::status", G_CALLBACK (update_status), self);
  /* The empty chart pages say which stage is running. */
  g_signal_connect_swapped (self->pipeline, "notify::status", G_CALLBACK (update_chart_reasons), self);
  g_signal_connect_swapped (self->pipeline, "run-started", G_CALLBACK (on_run_started), self);
  g_signal_connect_swapped (self->pipeline, "run-finished", G_CALLBACK (on_run_finished), self);
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (on_cancel_clicked), self);

  cc_view_panel_set_status (self->view_panel, _("No packing yet"),
                            _("The packing starts as soon as the design is valid."));
  cc_presets_gallery_set_prediction_status (self->presets, _("Open the design to predict it"));
}

void
cc_window_pipeline_dispose (CcWindow *self)
{
  g_clear_handle_id (&self->poll_id, g_source_remove);
  if (self->pipeline != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->pipeline, self);
      cc_pipeline_cancel (self->pipeline);
    }
  g_clear_object (&self->pipeline);
}

void
cc_window_pipeline_design_changed (CcWindow *self)
{
  const CcDesign *design = cc_document_get_design (self->document);

  cc_view_panel_set_components (self->view_panel, design, cc_document_get_db (self->document));
  if (cc_document_get_validation_error (self->document) == NULL)
    {
      cc_pipeline_stages_present_design (design, cc_document_get_db (self->document), self->results);
      cc_pipeline_submit (self->pipeline, design);
    }
  else
    cc_pipeline_cancel (self->pipeline);
  update_chart_reasons (self);
  update_status (self);
}
