/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The formulation editor's fixed sections: process, cell, test protocol and
 * simulation. Each input carries the JSON path of its field; the path is
 * the undo coalescing key and where validation messages are shown.
 *
 * Spin ranges are wider than the valid ranges on purpose: an out-of-range
 * number is accepted, then flagged with the validator's reason, instead of
 * being silently clamped.
 */
#include "cc-formulation-editor-private.h"
#include "cc-form.h"
#include "cc-material-dropdown.h"

#include <glib/gi18n.h>
#include <math.h>

#define PATH_KEY "cc-json-path"

static const char *
path_of (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), PATH_KEY);
}

/* Writes `value` into the field named by `path`. */
static gboolean
set_number (CcDesign   *d,
            const char *path,
            double      value)
{
  static const struct {
    const char *path;
    gsize       offset;
  } doubles[] = {
    { "process.pressure_MPa", G_STRUCT_OFFSET (CcDesign, process.pressure_MPa) },
    { "process.temperature_C", G_STRUCT_OFFSET (CcDesign, process.temperature_C) },
    { "process.stack_pressure_MPa", G_STRUCT_OFFSET (CcDesign, process.stack_pressure_MPa) },
    { "cell.area_cm2", G_STRUCT_OFFSET (CcDesign, cell.area_cm2) },
    { "cell.separator.thickness_um", G_STRUCT_OFFSET (CcDesign, cell.separator_thickness_um) },
    { "cell.interlayer.thickness_um", G_STRUCT_OFFSET (CcDesign, cell.interlayer_thickness_um) },
    { "protocol.voltage_min_V", G_STRUCT_OFFSET (CcDesign, protocol.voltage_min_V) },
    { "protocol.voltage_max_V", G_STRUCT_OFFSET (CcDesign, protocol.voltage_max_V) },
    { "protocol.cycling_c_rate", G_STRUCT_OFFSET (CcDesign, protocol.cycling_c_rate) },
    { "protocol.temperature_C", G_STRUCT_OFFSET (CcDesign, protocol.temperature_C) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (doubles); i++)
    if (g_str_equal (path, doubles[i].path))
      {
        G_STRUCT_MEMBER (double, d, doubles[i].offset) = value;
        return TRUE;
      }
  if (g_str_equal (path, "cell.areal_loading_mg_cm2"))
    {
      /* One of loading and thickness is given, the other is 0. */
      d->cell.areal_loading_mg_cm2 = value;
      d->cell.thickness_um = 0;
    }
  else if (g_str_equal (path, "cell.thickness_um"))
    {
      d->cell.thickness_um = value;
      d->cell.areal_loading_mg_cm2 = 0;
    }
  else if (g_str_equal (path, "protocol.cycles"))
    d->protocol.cycles = (guint) CLAMP (value, 0, G_MAXUINT);
  else if (g_str_equal (path, "simulation.particles"))
    d->simulation.particles = (guint) CLAMP (value, 0, G_MAXUINT);
  else if (g_str_equal (path, "simulation.seed"))
    d->simulation.seed = (guint64) MAX (value, 0);
  else
    return FALSE;
  return TRUE;
}

static void
on_spin_changed (GtkSpinButton       *spin,
                 CcFormulationEditor *self)
{
  CcDesign *design;
  const char *path = path_of (GTK_WIDGET (spin));

  if (self->updating || self->document == NULL)
    return;
  design = cc_document_dup_design (self->document);
  if (!set_number (design, path, gtk_spin_button_get_value (spin)))
    g_warning ("No design field for %s", path);
  cc_formulation_editor_commit (self, design, path);
}

static GtkWidget *
add_spin (CcFormulationEditor *self,
          GtkGrid             *grid,
          int                 *row,
          const char          *label,
          const char          *unit,
          const char          *path,
          double               min,
          double               max,
          double               step,
          guint                digits)
{
  GtkWidget *spin = cc_form_spin_new (min, max, step, digits);
  GtkWidget *error = cc_form_add_row (grid, row, label, spin, unit);

  g_object_set_data (G_OBJECT (spin), PATH_KEY, (gpointer) path);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_spin_changed), self);
  cc_formulation_editor_register_field (self, path, spin, error);
  return spin;
}

/* ---- drop-downs ------------------------------------------------------------ */

static void
on_method_changed (CcFormulationEditor *self)
{
  CcDesign *design;
  guint method = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->method));

  if (self->updating || self->document == NULL || method >= CC_PROCESS_N_METHODS)
    return;
  design = cc_document_dup_design (self->document);
  design->process.method = method;
  cc_formulation_editor_commit (self, design, NULL);
}

static void
on_amount_mode_changed (CcFormulationEditor *self)
{
  CcDesign *design;
  gboolean thickness = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->amount_mode)) == 1;

  if (self->updating || self->document == NULL)
    return;
  design = cc_document_dup_design (self->document);
  /* Switching starts the other quantity at a typical value. */
  if (thickness)
    set_number (design, "cell.thickness_um", design->cell.thickness_um > 0 ? design->cell.thickness_um : 60);
  else
    set_number (design, "cell.areal_loading_mg_cm2",
                design->cell.areal_loading_mg_cm2 > 0 ? design->cell.areal_loading_mg_cm2 : 10);
  cc_formulation_editor_commit (self, design, NULL);
}

static void
on_amount_changed (CcFormulationEditor *self)
{
  CcDesign *design;
  gboolean thickness = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->amount_mode)) == 1;
  const char *path = thickness ? "cell.thickness_um" : "cell.areal_loading_mg_cm2";

  if (self->updating || self->document == NULL)
    return;
  design = cc_document_dup_design (self->document);
  set_number (design, path, gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->amount)));
  cc_formulation_editor_commit (self, design, path);
}

static void
on_material_changed (GtkDropDown         *dropdown,
                     GParamSpec          *pspec,
                     CcFormulationEditor *self)
{
  const char *path = path_of (GTK_WIDGET (dropdown));
  const char *id = cc_material_dropdown_get_id (dropdown);
  CcDesign *design;
  char **slot;

  if (self->updating || self->document == NULL)
    return;
  design = cc_document_dup_design (self->document);
  if (g_str_equal (path, "cell.separator.material"))
    slot = &design->cell.separator_id;
  else if (g_str_equal (path, "cell.anode"))
    slot = &design->cell.anode_id;
  else
    slot = &design->cell.interlayer_id;
  g_free (*slot);
  *slot = g_strdup (id);
  if (slot == &design->cell.interlayer_id)
    {
      if (id != NULL && design->cell.interlayer_thickness_um <= 0)
        design->cell.interlayer_thickness_um = 2;
      if (id == NULL)
        design->cell.interlayer_thickness_um = 0;
    }
  cc_formulation_editor_commit (self, design, NULL);
}

static GtkWidget *
add_material (CcFormulationEditor *self,
              GtkGrid             *grid,
              int                 *row,
              const char          *label,
              const char          *path,
              const int           *classes,
              const char          *none_label)
{
  GtkWidget *dropdown = cc_material_dropdown_new (self->db, classes, none_label);
  GtkWidget *error = cc_form_add_row (grid, row, label, dropdown, NULL);

  g_object_set_data (G_OBJECT (dropdown), PATH_KEY, (gpointer) path);
  g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_material_changed), self);
  cc_formulation_editor_register_field (self, path, dropdown, error);
  return dropdown;
}

/* ---- C-rates ------------------------------------------------------------- */

/* "0.1, 0.2 0.5; 1" -> rates. Decimal point only: a comma separates. */
static GArray *
parse_rates (const char  *text,
             char       **bad)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[,;\\s]+", text, 0, 0);
  GArray *rates = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; parts[i]; i++)
    {
      char *end = NULL;
      double v;

      if (*parts[i] == '\0')
        continue;
      v = g_ascii_strtod (parts[i], &end);
      if (end == parts[i] || *end != '\0' || !isfinite (v))
        {
          *bad = g_strdup (parts[i]);
          g_array_unref (rates);
          return NULL;
        }
      g_array_append_val (rates, v);
    }
  return rates;
}

static char *
format_rates (const GArray *rates)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < rates->len; i++)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];
      if (i > 0)
        g_string_append (s, ", ");
      g_string_append (s, g_ascii_formatd (buf, sizeof buf, "%g", g_array_index (rates, double, i)));
    }
  return g_string_free (s, FALSE);
}

static void
commit_rates (CcFormulationEditor *self)
{
  g_autofree char *bad = NULL;
  g_autoptr(GArray) rates = NULL;
  CcDesign *design;

  if (self->updating || self->document == NULL)
    return;
  rates = parse_rates (gtk_editable_get_text (GTK_EDITABLE (self->c_rates)), &bad);
  if (rates == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("protocol.c_rates: “%s” is not a number; "
                                                    "separate rates with commas, e.g. 0.1, 0.5, 1"), bad);
      cc_form_show_error (self->c_rates, self->c_rates_error, message);
      return;
    }
  cc_form_show_error (self->c_rates, self->c_rates_error, NULL);
  design = cc_document_dup_design (self->document);
  g_array_unref (design->protocol.c_rates);
  design->protocol.c_rates = g_array_ref (rates);
  cc_formulation_editor_commit (self, design, "protocol.c_rates");
}

static void
on_rates_focus_leave (GtkEventControllerFocus *controller,
                      CcFormulationEditor     *self)
{
  commit_rates (self);
}

/* ---- sections ------------------------------------------------------------- */

static void
build_process (CcFormulationEditor *self)
{
  const char *methods[] = { _("Cold pressing"), _("Hot pressing"), _("Co-sintering"),
                            _("Infiltration"), _("Slurry casting"), NULL };
  GtkGrid *grid;
  GtkWidget *section = cc_form_section_new (_("Process"), &grid);
  GtkWidget *error;
  int row = 0;

  G_STATIC_ASSERT (CC_PROCESS_N_METHODS == 5);
  self->method = gtk_drop_down_new_from_strings (methods);
  error = cc_form_add_row (grid, &row, _("Method"), self->method, NULL);
  cc_formulation_editor_register_field (self, "process.method", self->method, error);
  g_signal_connect_swapped (self->method, "notify::selected", G_CALLBACK (on_method_changed), self);
  self->pressure = add_spin (self, grid, &row, _("Pressure"), "MPa", "process.pressure_MPa", 0, 10000, 5, 0);
  gtk_widget_set_tooltip_text (self->pressure, _("Fabrication (densification) pressure"));
  self->fab_temperature = add_spin (self, grid, &row, _("Temperature"), "°C", "process.temperature_C",
                                    -100, 2000, 5, 0);
  self->stack_pressure = add_spin (self, grid, &row, _("Stack pressure"), "MPa",
                                   "process.stack_pressure_MPa", 0, 2000, 1, 1);
  gtk_widget_set_tooltip_text (self->stack_pressure, _("Pressure held on the cell while it cycles"));
  gtk_box_append (self->sections_box, section);
}

static void
build_cell (CcFormulationEditor *self)
{
  static const int se_classes[] = { CC_MATERIAL_CLASS_SE, -1 };
  static const int anode_classes[] = { CC_MATERIAL_CLASS_ANODE, -1 };
  static const int interlayer_classes[] = { CC_MATERIAL_CLASS_INTERLAYER, CC_MATERIAL_CLASS_SE, -1 };
  const char *amount_modes[] = { _("Areal loading"), _("Thickness"), NULL };
  GtkGrid *grid;
  GtkWidget *section = cc_form_section_new (_("Cell"), &grid);
  GtkWidget *amount_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *error;
  int row = 0;

  self->amount_mode = gtk_drop_down_new_from_strings (amount_modes);
  g_signal_connect_swapped (self->amount_mode, "notify::selected", G_CALLBACK (on_amount_mode_changed), self);
  self->amount = cc_form_spin_new (0, 10000, 0.5, 1);
  g_signal_connect_swapped (self->amount, "value-changed", G_CALLBACK (on_amount_changed), self);
  self->amount_unit = gtk_label_new ("mg/cm²");
  gtk_widget_add_css_class (self->amount_unit, "dim-label");
  gtk_box_append (GTK_BOX (amount_box), self->amount_mode);
  gtk_box_append (GTK_BOX (amount_box), self->amount);
  gtk_box_append (GTK_BOX (amount_box), self->amount_unit);
  error = cc_form_add_row (grid, &row, _("Cathode"), amount_box, NULL);
  cc_formulation_editor_register_field (self, "cell.areal_loading_mg_cm2", self->amount, error);
  cc_formulation_editor_register_field (self, "cell.thickness_um", self->amount, error);

  self->area = add_spin (self, grid, &row, _("Area"), "cm²", "cell.area_cm2", 0, 2000, 0.05, 3);
  self->separator = add_material (self, grid, &row, _("Separator"), "cell.separator.material", se_classes, NULL);
  self->separator_thickness = add_spin (self, grid, &row, _("Separator thickness"), "µm",
                                        "cell.separator.thickness_um", 0, 10000, 10, 0);
  self->anode = add_material (self, grid, &row, _("Anode"), "cell.anode", anode_classes, NULL);
  self->interlayer = add_material (self, grid, &row, _("Interlayer"), "cell.interlayer.material",
                                   interlayer_classes, _("None"));
  gtk_widget_set_tooltip_text (self->interlayer, _("Optional layer between the cathode and the separator"));
  self->interlayer_thickness = add_spin (self, grid, &row, _("Interlayer thickness"), "µm",
                                         "cell.interlayer.thickness_um", 0, 2000, 0.5, 1);
  gtk_box_append (self->sections_box, section);
}

static void
build_protocol (CcFormulationEditor *self)
{
  GtkGrid *grid;
  GtkWidget *section = cc_form_section_new (_("Test protocol"), &grid);
  GtkEventController *focus;
  int row = 0;

  self->vmin = add_spin (self, grid, &row, _("Lower cut-off"), "V", "protocol.voltage_min_V", 0, 10, 0.05, 2);
  self->vmax = add_spin (self, grid, &row, _("Upper cut-off"), "V", "protocol.voltage_max_V", 0, 10, 0.05, 2);
  gtk_widget_set_tooltip_text (self->vmin, _("Cell voltage, cathode against the cell’s anode"));
  gtk_widget_set_tooltip_text (self->vmax, _("Cell voltage, cathode against the cell’s anode"));

  self->c_rates = gtk_entry_new ();
  gtk_widget_set_tooltip_text (self->c_rates, _("C-rates of the voltage curves, separated by commas"));
  g_signal_connect_swapped (self->c_rates, "activate", G_CALLBACK (commit_rates), self);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (on_rates_focus_leave), self);
  gtk_widget_add_controller (self->c_rates, focus);
  self->c_rates_error = cc_form_add_row (grid, &row, _("C-rates"), self->c_rates, "C");
  cc_formulation_editor_register_field (self, "protocol.c_rates", self->c_rates, self->c_rates_error);

  self->cycling_rate = add_spin (self, grid, &row, _("Cycling rate"), "C", "protocol.cycling_c_rate",
                                 0, 200, 0.05, 2);
  self->protocol_temperature = add_spin (self, grid, &row, _("Temperature"), "°C", "protocol.temperature_C",
                                         -100, 400, 1, 0);
  self->cycles = add_spin (self, grid, &row, _("Cycles"), NULL, "protocol.cycles", 0, 100000, 10, 0);
  gtk_box_append (self->sections_box, section);
}

static void
build_simulation (CcFormulationEditor *self)
{
  GtkGrid *grid;
  GtkWidget *section = cc_form_section_new (_("Simulation"), &grid);
  int row = 0;

  self->particles = add_spin (self, grid, &row, _("Particles"), NULL, "simulation.particles", 0, 1000000, 1000, 0);
  gtk_widget_set_tooltip_text (self->particles, _("Particles in the simulated volume: more is slower and less noisy"));
  self->seed = add_spin (self, grid, &row, _("Random seed"), NULL, "simulation.seed", 0, 4294967295.0, 1, 0);
  gtk_box_append (self->sections_box, section);
}

void
cc_formulation_settings_build (CcFormulationEditor *self)
{
  build_process (self);
  build_cell (self);
  build_protocol (self);
  build_simulation (self);
}

void
cc_formulation_settings_sync (CcFormulationEditor *self,
                              const CcDesign      *d)
{
  gboolean by_thickness = d->cell.areal_loading_mg_cm2 <= 0 && d->cell.thickness_um > 0;
  g_autofree char *rates = format_rates (d->protocol.c_rates);

  if (gtk_drop_down_get_selected (GTK_DROP_DOWN (self->method)) != d->process.method)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->method), d->process.method);
  cc_form_set_spin (GTK_SPIN_BUTTON (self->pressure), d->process.pressure_MPa);
  cc_form_set_spin (GTK_SPIN_BUTTON (self->fab_temperature), d->process.temperature_C);
  cc_form_set_spin (GTK_SPIN_BUTTON (self->stack_pressure), d->process.stack_pressure_MPa);

  if (gtk_drop_down_get_selected (GTK_DROP_DOWN (self->amount_mode)) != (guint) by_thickness)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (self->amount_mode), by_thickness);
  cc_form_set_spin (GTK_SPIN_BUTTON (self->amount),
                    by_thickness ? d->cell.thickness_um : d->cell.areal_loading_mg_cm2);
  gtk_label_set_text (GTK_LABEL (self->amount_unit), by_thickness ? "µm" : "mg/cm²");
  cc_form_set_spin (GTK_SPIN_BUTTON (self->area), d->cell.area_cm2);
  cc_material_dropdown_set_id (GTK_DROP_DOWN (self->separator), d->cell.separator_id);
  cc_form_set_spin (GTK_SPIN_BUTTON (self->separator_thickness), d->cell.separator_thickness_um);
  cc_material_dropdown_set_id (GTK_DROP_DOWN (self->anode), d->cell.anode_id);
  cc_material_dropdown_set_id (GTK_DROP_DOWN (self->interlayer), d->cell.interlayer_id);
  cc_form_set_spin (GTK_SPIN_BUTTON (self->interlayer_thickness), d->cell.interlayer_thickness_um);
  gtk_widget_set_sensitive (self->interlayer_thickness, d->cell.interlayer_id != NULL);

  cc_form_set_spin (GTK_SPIN_BUTTON (self->vmin), d->protocol.voltage_min_V);
  cc_form_set_spin (GTK_SPIN_BUTTON (self->vmax), d->protocol.voltage_max_V);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->c_rates)), rates) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->c_rates), rates);
  cc_form_set_spin (GTK_SPIN_BUTTON (self->cycling_rate), d->protocol.cycling_c_rate);
  cc_form_set_spin (GTK_SPIN_BUTTON (self->protocol_temperature), d->protocol.temperature_C);
  cc_form_set_spin (GTK_SPIN_BUTTON (self->cycles), d->protocol.cycles);
  cc_form_set_spin (GTK_SPIN_BUTTON (self->particles), d->simulation.particles);
  cc_form_set_spin (GTK_SPIN_BUTTON (self->seed), (double) d->simulation.seed);
}
