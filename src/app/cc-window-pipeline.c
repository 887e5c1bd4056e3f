/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's side of the simulation: it submits every valid design to the
 * pipeline (which debounces and cancels), shows progress in the status bar,
 * polls particle snapshots into the 3D view while a run is in flight and
 * presents finished runs. Where an engine is missing it says so.
 */
#include "cc-window-private.h"
#include "cc-pipeline-stages.h"

#include <glib/gi18n.h>

#define POLL_MS 100

static const char *
stage_missing_text (CcStage stage)
{
  switch (stage)
    {
    case CC_STAGE_PACKING: return _("Packing engine not available in this build");
    case CC_STAGE_ANALYSIS: return _("Microstructure analysis not available in this build");
    case CC_STAGE_ELECTROCHEMISTRY: return _("Electrochemistry engine not available in this build");
    case CC_STAGE_IMPEDANCE: return _("Impedance engine not available in this build");
    case CC_N_STAGES:
    default: return NULL;
    }
}

static const char *
missing_text (CcStage stage)
{
  /* Design charts need no stage, only the figure engine. */
  return stage == CC_N_STAGES ? _("The figure engine is not part of this build")
                              : stage_missing_text (stage);
}

static void
update_chart_reasons (CcWindow *self)
{
  const char *invalid = cc_document_get_validation_error (self->document);
  gboolean running = cc_pipeline_get_running (self->pipeline);

  for (guint k = 0; k < CC_N_CHARTS; k++)
    {
      CcStage stage = cc_pipeline_stages_for_chart (k);

      if (cc_results_view_has_chart (self->results, k) && (stage == CC_N_STAGES || !running) && invalid == NULL)
        continue;
      if (stage == CC_N_STAGES || !cc_pipeline_has_stage (self->pipeline, stage))
        cc_results_view_clear (self->results, k, _("Not computed yet"),
                               invalid && stage == CC_N_STAGES ? invalid : missing_text (stage));
      else if (invalid != NULL)
        cc_results_view_clear (self->results, k, _("Not computed yet"), invalid);
      else if (running)
        cc_results_view_clear (self->results, k, _("Computing…"), cc_pipeline_get_status (self->pipeline));
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
  else if (!cc_pipeline_get_available (self->pipeline))
    cc_window_show_message (self, _("Design valid. The simulation engines are not part of this build: "
                                    "designs are edited and checked, nothing is computed."), FALSE);
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
  cc_pipeline_stages_install (self->pipeline);

  g_signal_connect_swapped (self->pipeline, "notify::running", G_CALLBACK (update_status), self);
  g_signal_connect_swapped (self->pipeline, "notify::progress", G_CALLBACK (update_status), self);
  g_signal_connect_swapped (self->pipeline, "notify::status", G_CALLBACK (update_status), self);
  /* The empty chart pages say which stage is running. */
  g_signal_connect_swapped (self->pipeline, "notify::status", G_CALLBACK (update_chart_reasons), self);
  g_signal_connect_swapped (self->pipeline, "run-started", G_CALLBACK (on_run_started), self);
  g_signal_connect_swapped (self->pipeline, "run-finished", G_CALLBACK (on_run_finished), self);
  g_signal_connect_swapped (self->cancel_button, "clicked", G_CALLBACK (on_cancel_clicked), self);

  if (!cc_pipeline_has_stage (self->pipeline, CC_STAGE_PACKING))
    cc_view_panel_set_status (self->view_panel, stage_missing_text (CC_STAGE_PACKING),
                              _("The 3D packing of the particles appears here once the packing engine "
                                "is part of the build."));
  else
    cc_view_panel_set_status (self->view_panel, _("No packing yet"),
                              _("The packing starts as soon as the design is valid."));
  cc_presets_gallery_set_prediction_status (self->presets,
                                            cc_pipeline_has_stage (self->pipeline, CC_STAGE_ELECTROCHEMISTRY)
                                            ? _("Open the design to predict it")
                                            : stage_missing_text (CC_STAGE_ELECTROCHEMISTRY));
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
