/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-explore-around.h"
#include "cc-chart-sweep.h"
#include "cc-json-util.h"

#include <glib/gi18n.h>
#include <math.h>

#define N_AXES 2
#define MAX_STEPS 25
#define MAX_REPLICATES 20

static void
field_free (gpointer data)
{
  CcExploreField *f = data;

  g_free (f->path);
  g_free (f->title);
  g_free (f);
}

/* 1, 2, 2.5 or 5 × 10^k, the nearest at or below @x. */
static double
nice_step (double x)
{
  double p = pow (10, floor (log10 (x))), m = x / p;

  return p * (m >= 5 ? 5 : m >= 2.5 ? 2.5 : m >= 2 ? 2 : 1);
}

/* Round values that include @value itself, so the map holds the design
 * being explored: linear steps of a round size, or factors of two. */
static void
snap_range (CcExploreField *f)
{
  double v = f->value, n;

  if (!(v > 0 || (!f->log && isfinite (v))) || !(f->to > f->from))
    {
      f->steps = 5;
      return;
    }
  if (f->log)
    {
      double down = floor (log2 (v / f->from) + 1e-9), up = floor (log2 (f->to / v) + 1e-9);

      f->from = v / exp2 (MAX (down, 0));
      f->to = v * exp2 (MAX (up, 0));
      n = MAX (down, 0) + MAX (up, 0) + 1;
    }
  else
    {
      double step = nice_step ((f->to - f->from) / 6);
      double down = floor ((v - f->from) / step + 1e-9), up = floor ((f->to - v) / step + 1e-9);

      f->from = v - MAX (down, 0) * step;
      f->to = v + MAX (up, 0) * step;
      n = MAX (down, 0) + MAX (up, 0) + 1;
    }
  f->steps = (guint) CLAMP (n, 2, MAX_STEPS);
}

static void
add_field (GPtrArray      *out,
           const CcDesign *design,
           CcMaterialDb   *db,
           char           *path,
           double          value,
           double          from,
           double          to,
           gboolean        log_scale,
           gboolean        integer)
{
  CcExploreField *f = g_new0 (CcExploreField, 1);

  f->path = path;
  f->title = cc_sweep_path_title (path, design, db);
  f->value = value;
  f->from = integer ? round (from) : from;
  f->to = integer ? round (to) : to;
  f->log = log_scale;
  f->integer = integer;
  snap_range (f);
  g_ptr_array_add (out, f);
}

/* components[material=ID] when the material is there once: the address
 * still names the component when an axis changes another one's fraction. */
static char *
component_path (const CcDesign *design,
                guint           i,
                const char     *field)
{
  const CcComponent *c = g_ptr_array_index (design->components, i);
  guint same = 0;

  for (guint k = 0; k < design->components->len; k++)
    same += g_strcmp0 (((CcComponent *) g_ptr_array_index (design->components, k))->material_id, c->material_id) == 0;
  if (same == 1)
    return g_strdup_printf ("components[material=%s].%s", c->material_id, field);
  return g_strdup_printf ("components[%u].%s", i, field);
}

static void
add_component_fields (GPtrArray      *out,
                      const CcDesign *d,
                      CcMaterialDb   *db)
{
  for (guint i = 0; i < d->components->len; i++)
    {
      const CcComponent *c = g_ptr_array_index (d->components, i);
      double w = c->mass_fraction;

      add_field (out, d, db, component_path (d, i, "mass_fraction"), w, MAX (0.02, w - 0.2), MIN (0.95, w + 0.15),
                 FALSE, FALSE);
      if (c->d50_um > 0)
        add_field (out, d, db, component_path (d, i, "d50_um"), c->d50_um, c->d50_um / 4, c->d50_um * 4, TRUE, FALSE);
      if (c->coating_id != NULL && c->coating_thickness_nm > 0)
        add_field (out, d, db, component_path (d, i, "coating.thickness_nm"), c->coating_thickness_nm,
                   MAX (1, c->coating_thickness_nm / 4), c->coating_thickness_nm * 4, TRUE, FALSE);
      if (c->agglomerate_d_um > 0)
        add_field (out, d, db, component_path (d, i, "agglomerate_d_um"), c->agglomerate_d_um,
                   MAX (c->d50_um, c->agglomerate_d_um / 4), c->agglomerate_d_um * 4, TRUE, FALSE);
    }
}

GPtrArray *
cc_explore_fields (const CcDesign *d,
                   CcMaterialDb   *db)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (field_free);
  const CcProcess *p;
  const CcCell *c;
  const CcProtocol *t;

  g_return_val_if_fail (d != NULL, out);
  p = &d->process;
  c = &d->cell;
  t = &d->protocol;
  add_component_fields (out, d, db);
  add_field (out, d, db, g_strdup ("process.pressure_MPa"), p->pressure_MPa, p->pressure_MPa / 4,
             p->pressure_MPa * 2, FALSE, FALSE);
  add_field (out, d, db, g_strdup ("process.temperature_C"), p->temperature_C, p->temperature_C,
             p->temperature_C + 200, FALSE, FALSE);
  if (p->stack_pressure_MPa > 0)
    add_field (out, d, db, g_strdup ("process.stack_pressure_MPa"), p->stack_pressure_MPa,
               p->stack_pressure_MPa / 5, p->stack_pressure_MPa * 2, FALSE, FALSE);
  if (c->areal_loading_mg_cm2 > 0)
    add_field (out, d, db, g_strdup ("cell.areal_loading_mg_cm2"), c->areal_loading_mg_cm2,
               c->areal_loading_mg_cm2 / 4, c->areal_loading_mg_cm2 * 3, FALSE, FALSE);
  if (c->thickness_um > 0)
    add_field (out, d, db, g_strdup ("cell.thickness_um"), c->thickness_um, c->thickness_um / 4,
               c->thickness_um * 3, FALSE, FALSE);
  add_field (out, d, db, g_strdup ("protocol.voltage_max_V"), t->voltage_max_V, t->voltage_max_V - 0.4,
             t->voltage_max_V + 0.4, FALSE, FALSE);
  add_field (out, d, db, g_strdup ("protocol.voltage_min_V"), t->voltage_min_V, t->voltage_min_V - 0.4,
             t->voltage_min_V + 0.3, FALSE, FALSE);
  add_field (out, d, db, g_strdup ("protocol.cycling_c_rate"), t->cycling_c_rate, t->cycling_c_rate / 5,
             t->cycling_c_rate * 5, TRUE, FALSE);
  add_field (out, d, db, g_strdup ("protocol.temperature_C"), t->temperature_C, t->temperature_C - 20,
             t->temperature_C + 60, FALSE, FALSE);
  add_field (out, d, db, g_strdup ("protocol.cycles"), t->cycles, MAX (1, t->cycles / 5.0), t->cycles * 4.0,
             TRUE, TRUE);
  return out;
}

CcSweep *
cc_explore_sweep_around (const CcDesign          *design,
                         const CcExploreAxisSpec *axes,
                         guint                    n_axes,
                         guint                    replicates,
                         GError                 **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  gsize length;

  g_return_val_if_fail (design != NULL && (axes != NULL || n_axes == 0), NULL);

  name = g_strdup_printf (_("Around “%s”"), design->name != NULL ? design->name : _("the current design"));
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, CC_SWEEP_FORMAT);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, CC_SWEEP_FORMAT_VERSION);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, name);
  json_builder_set_member_name (b, "base");
  json_builder_add_value (b, cc_design_to_json_node (design));
  json_builder_set_member_name (b, "replicates");
  json_builder_add_int_value (b, replicates);
  json_builder_set_member_name (b, "axes");
  json_builder_begin_array (b);
  for (guint i = 0; i < n_axes; i++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "path");
      json_builder_add_string_value (b, axes[i].path);
      json_builder_set_member_name (b, "from");
      json_builder_add_double_value (b, axes[i].from);
      json_builder_set_member_name (b, "to");
      json_builder_add_double_value (b, axes[i].to);
      json_builder_set_member_name (b, "steps");
      json_builder_add_int_value (b, axes[i].steps);
      if (axes[i].log)
        {
          json_builder_set_member_name (b, "scale");
          json_builder_add_string_value (b, "log");
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  text = cc_json_to_data (root, FALSE, &length);
  return cc_sweep_load_from_data (text, (gssize) length, NULL, error);
}

/* ---- the form ------------------------------------------------------------------- */

typedef struct {
  GtkDropDown    *field;
  GtkSpinButton  *from;
  GtkSpinButton  *to;
  GtkSpinButton  *steps;
  GtkCheckButton *log;
} AxisRow;

struct _CcExploreAround {
  GtkBox          parent_instance;

  AxisRow         rows[N_AXES];
  GtkSpinButton  *replicates;
  GtkStringList  *titles;
  GPtrArray      *fields;       /* CcExploreField* */
  CcDesign       *design;
  gboolean        updating;
};

G_DEFINE_FINAL_TYPE (CcExploreAround, cc_explore_around, GTK_TYPE_BOX)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
emit_changed (CcExploreAround *self)
{
  if (!self->updating)
    g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

static void
apply_field (CcExploreAround *self,
             guint            axis)
{
  AxisRow *row = &self->rows[axis];
  guint k = gtk_drop_down_get_selected (row->field);
  const CcExploreField *f;
  gboolean was = self->updating;

  if (self->fields == NULL || k >= self->fields->len)
    return;
  f = g_ptr_array_index (self->fields, k);
  self->updating = TRUE;
  gtk_spin_button_set_digits (row->from, f->integer ? 0 : 3);
  gtk_spin_button_set_digits (row->to, f->integer ? 0 : 3);
  gtk_spin_button_set_value (row->from, f->from);
  gtk_spin_button_set_value (row->to, f->to);
  gtk_spin_button_set_value (row->steps, f->steps);
  gtk_check_button_set_active (row->log, f->log);
  self->updating = was;
}

static void
on_field_selected (CcExploreAround *self,
                   GParamSpec      *pspec,
                   GtkDropDown     *dropdown)
{
  for (guint a = 0; a < N_AXES; a++)
    if (self->rows[a].field == dropdown)
      apply_field (self, a);
  emit_changed (self);
}

static GtkWidget *
spin (double lower,
      double upper,
      double step,
      guint  digits)
{
  GtkWidget *w = gtk_spin_button_new_with_range (lower, upper, step);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (w), digits);
  gtk_editable_set_width_chars (GTK_EDITABLE (w), 5);
  return w;
}

static void
build_row (CcExploreAround *self,
           GtkGrid         *grid,
           guint            axis,
           const char      *label)
{
  AxisRow *row = &self->rows[axis];
  GtkWidget *name = gtk_label_new (label);
  GtkWidget *range = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *count = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *values = gtk_label_new (_("values"));

  row->field = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->titles)), NULL));
  row->from = GTK_SPIN_BUTTON (spin (-1e6, 1e6, 0.01, 3));
  row->to = GTK_SPIN_BUTTON (spin (-1e6, 1e6, 0.01, 3));
  row->steps = GTK_SPIN_BUTTON (spin (2, MAX_STEPS, 1, 0));
  row->log = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (_("log spacing")));
  gtk_spin_button_set_value (row->steps, 7 - 2 * axis);
  gtk_editable_set_width_chars (GTK_EDITABLE (row->steps), 3);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->from), _("From"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->to), _("To"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->steps), _("Values along this axis"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->log), _("Space the values evenly on a log scale"));
  gtk_widget_set_hexpand (GTK_WIDGET (row->field), TRUE);
  gtk_widget_add_css_class (name, "dim-label");
  gtk_widget_add_css_class (values, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (name), 0);

  gtk_box_append (GTK_BOX (range), GTK_WIDGET (row->from));
  gtk_box_append (GTK_BOX (range), gtk_label_new ("–"));
  gtk_box_append (GTK_BOX (range), GTK_WIDGET (row->to));
  gtk_box_append (GTK_BOX (count), GTK_WIDGET (row->steps));
  gtk_box_append (GTK_BOX (count), values);
  gtk_box_append (GTK_BOX (count), GTK_WIDGET (row->log));
  gtk_grid_attach (grid, name, 0, axis * 3, 1, 1);
  gtk_grid_attach (grid, GTK_WIDGET (row->field), 1, axis * 3, 1, 1);
  gtk_grid_attach (grid, range, 1, axis * 3 + 1, 1, 1);
  gtk_grid_attach (grid, count, 1, axis * 3 + 2, 1, 1);

  g_signal_connect_object (row->field, "notify::selected", G_CALLBACK (on_field_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row->from, "value-changed", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row->to, "value-changed", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row->steps, "value-changed", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row->log, "toggled", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
}

static void
cc_explore_around_dispose (GObject *object)
{
  CcExploreAround *self = CC_EXPLORE_AROUND (object);

  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->design, cc_design_free);
  g_clear_object (&self->titles);
  G_OBJECT_CLASS (cc_explore_around_parent_class)->dispose (object);
}

static void
cc_explore_around_class_init (CcExploreAroundClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = cc_explore_around_dispose;
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
cc_explore_around_init (CcExploreAround *self)
{
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  GtkWidget *label = gtk_label_new (_("Replicates"));

  self->titles = gtk_string_list_new (NULL);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 6);
  gtk_grid_set_row_spacing (grid, 4);
  gtk_grid_set_column_spacing (grid, 8);
  build_row (self, grid, 0, _("X"));
  build_row (self, grid, 1, _("Y"));
  self->replicates = GTK_SPIN_BUTTON (spin (1, MAX_REPLICATES, 1, 0));
  gtk_spin_button_set_value (self->replicates, 3);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->replicates),
                               _("Designs repeated with different random seeds: the spread is the error bar"));
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_halign (GTK_WIDGET (self->replicates), GTK_ALIGN_START);
  gtk_grid_attach (grid, label, 0, 6, 1, 1);
  gtk_grid_attach (grid, GTK_WIDGET (self->replicates), 1, 6, 1, 1);
  g_signal_connect_object (self->replicates, "value-changed", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (grid));
}

GtkWidget *
cc_explore_around_new (void)
{
  return g_object_new (CC_TYPE_EXPLORE_AROUND, NULL);
}

static int
find_field (CcExploreAround *self,
            const char      *path)
{
  for (guint i = 0; self->fields != NULL && path != NULL && i < self->fields->len; i++)
    if (g_str_equal (((CcExploreField *) g_ptr_array_index (self->fields, i))->path, path))
      return (int) i;
  return -1;
}

void
cc_explore_around_set_design (CcExploreAround *self,
                              const CcDesign  *design)
{
  g_autofree char *keep[N_AXES] = { NULL };
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GStrvBuilder) titles = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  g_return_if_fail (CC_IS_EXPLORE_AROUND (self) && design != NULL);

  for (guint a = 0; a < N_AXES && self->fields != NULL; a++)
    {
      guint k = gtk_drop_down_get_selected (self->rows[a].field);
      if (k < self->fields->len)
        keep[a] = g_strdup (((CcExploreField *) g_ptr_array_index (self->fields, k))->path);
    }
  fields = cc_explore_fields (design, cc_material_db_get_default ());
  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *text = cc_markup_to_text (((CcExploreField *) g_ptr_array_index (fields, i))->title);
      g_strv_builder_add (titles, text);
    }
  strv = g_strv_builder_end (titles);

  self->updating = TRUE;
  g_clear_pointer (&self->design, cc_design_free);
  self->design = cc_design_copy (design);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  self->fields = g_steal_pointer (&fields);
  gtk_string_list_splice (self->titles, 0, g_list_model_get_n_items (G_LIST_MODEL (self->titles)),
                          (const char * const *) strv);
  for (guint a = 0; a < N_AXES; a++)
    {
      int k = find_field (self, keep[a]);

      /* Defaults: the first component's fraction against the second's size
       * (CAM loading against catholyte size: the percolation map). */
      if (k < 0 && self->design->components->len > 1)
        {
          g_autofree char *path = component_path (self->design, a == 0 ? 0 : 1, a == 0 ? "mass_fraction" : "d50_um");
          k = find_field (self, path);
        }
      if (k < 0)
        k = (int) MIN (a, self->fields->len - 1);
      gtk_drop_down_set_selected (self->rows[a].field, (guint) MAX (k, 0));
      apply_field (self, a);
    }
  self->updating = FALSE;
  emit_changed (self);
}

gboolean
cc_explore_around_select (CcExploreAround *self,
                          guint            axis,
                          const char      *path)
{
  int k;

  g_return_val_if_fail (CC_IS_EXPLORE_AROUND (self) && axis < N_AXES, FALSE);
  k = find_field (self, path);
  if (k < 0)
    return FALSE;
  gtk_drop_down_set_selected (self->rows[axis].field, (guint) k);
  apply_field (self, axis);
  emit_changed (self);
  return TRUE;
}

void
cc_explore_around_set_range (CcExploreAround *self,
                             guint            axis,
                             double           from,
                             double           to,
                             guint            steps)
{
  g_return_if_fail (CC_IS_EXPLORE_AROUND (self) && axis < N_AXES);
  self->updating = TRUE;
  gtk_spin_button_set_value (self->rows[axis].from, from);
  gtk_spin_button_set_value (self->rows[axis].to, to);
  gtk_spin_button_set_value (self->rows[axis].steps, steps);
  self->updating = FALSE;
  emit_changed (self);
}

void
cc_explore_around_set_replicates (CcExploreAround *self,
                                  guint            replicates)
{
  g_return_if_fail (CC_IS_EXPLORE_AROUND (self));
  gtk_spin_button_set_value (self->replicates, replicates);
}

CcSweep *
cc_explore_around_build (CcExploreAround *self,
                         GError         **error)
{
  CcExploreAxisSpec spec[N_AXES];

  g_return_val_if_fail (CC_IS_EXPLORE_AROUND (self), NULL);
  if (self->design == NULL || self->fields == NULL || self->fields->len == 0)
    {
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID, _("There is no design to sweep around"));
      return NULL;
    }
  for (guint a = 0; a < N_AXES; a++)
    {
      const AxisRow *row = &self->rows[a];
      guint k = MIN (gtk_drop_down_get_selected (row->field), self->fields->len - 1);

      spec[a].path = ((CcExploreField *) g_ptr_array_index (self->fields, k))->path;
      spec[a].from = gtk_spin_button_get_value (row->from);
      spec[a].to = gtk_spin_button_get_value (row->to);
      spec[a].steps = (guint) gtk_spin_button_get_value_as_int (row->steps);
      spec[a].log = gtk_check_button_get_active (row->log);
    }
  if (g_str_equal (spec[0].path, spec[1].path))
    {
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID, _("Choose two different fields for X and Y"));
      return NULL;
    }
  return cc_explore_sweep_around (self->design, spec, N_AXES,
                                  (guint) gtk_spin_button_get_value_as_int (self->replicates), error);
}
