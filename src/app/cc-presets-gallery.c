/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-presets-gallery.h"
#include "cc-units.h"

#include <glib/gi18n.h>
#include <math.h>

typedef enum {
  FIGURE_CAPACITY,
  FIGURE_RETENTION,
  FIGURE_ICE,
  FIGURE_TEMPERATURE,
  FIGURE_WINDOW,
  N_FIGURES
} Figure;

static const struct {
  const char *id;
  const char *label;
} figures[N_FIGURES] = {
  [FIGURE_CAPACITY] = { "capacity", N_("Capacity") },
  [FIGURE_RETENTION] = { "retention", N_("Cycling") },
  [FIGURE_ICE] = { "ice", N_("First-cycle efficiency") },
  [FIGURE_TEMPERATURE] = { "temperature", N_("Temperature") },
  [FIGURE_WINDOW] = { "window", N_("Voltage window") },
};

typedef struct {
  char      *id;
  GtkWidget *reported[N_FIGURES];
  GtkWidget *predicted[N_FIGURES];
  gboolean   has_prediction;
} Card;

struct _CcPresetsGallery {
  GtkBox      parent_instance;

  GtkStack   *stack;
  GtkBox     *list;

  GHashTable *cards;      /* id -> Card* */
  GPtrArray  *widgets;    /* card widgets, to remove on refill */
  char       *status;
};

G_DEFINE_FINAL_TYPE (CcPresetsGallery, cc_presets_gallery, GTK_TYPE_BOX)

enum {
  PRESET_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
card_free (Card *card)
{
  g_free (card->id);
  g_free (card);
}

/* One figure as text, NULL when the source gives no number. */
static char *
format_figure (const CcReported *r,
               Figure            figure)
{
  switch (figure)
    {
    case FIGURE_CAPACITY:
      if (isnan (r->capacity_mAh_g))
        return NULL;
      if (!isnan (r->c_rate))
        return g_strdup_printf (_("%.0f mAh/g at %g C"), r->capacity_mAh_g, r->c_rate);
      if (!isnan (r->current_mA_g))
        return g_strdup_printf (_("%.0f mAh/g at %g mA/g"), r->capacity_mAh_g, r->current_mA_g);
      return g_strdup_printf (_("%.0f mAh/g"), r->capacity_mAh_g);
    case FIGURE_RETENTION:
      if (r->cycles == 0)
        return NULL;
      if (!isnan (r->retention))
        return g_strdup_printf (_("%.0f %% after %u cycles"), 100 * r->retention, r->cycles);
      return g_strdup_printf (ngettext ("%u cycle", "%u cycles", r->cycles), r->cycles);
    case FIGURE_ICE:
      return isnan (r->initial_coulombic_efficiency) ? NULL
             : g_strdup_printf ("%.1f %%", 100 * r->initial_coulombic_efficiency);
    case FIGURE_TEMPERATURE:
      return isnan (r->temperature_C) ? NULL : g_strdup_printf ("%.0f °C", r->temperature_C);
    case FIGURE_WINDOW:
      if (isnan (r->voltage_min_V) || isnan (r->voltage_max_V))
        return NULL;
      return g_strdup_printf (_("%.2f–%.2f V vs %s"), r->voltage_min_V, r->voltage_max_V,
                              r->voltage_reference && *r->voltage_reference ? r->voltage_reference : "Na⁺/Na");
    case N_FIGURES:
    default:
      return NULL;
    }
}

static GtkWidget *
value_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text ? text : "—");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "numeric");
  if (text == NULL)
    gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
show_prediction (CcPresetsGallery *self,
                 Card             *card,
                 const CcReported *predicted)
{
  card->has_prediction = predicted != NULL;
  for (guint f = 0; f < N_FIGURES; f++)
    {
      g_autofree char *text = predicted ? format_figure (predicted, f) : NULL;
      GtkLabel *label = GTK_LABEL (card->predicted[f]);

      gtk_label_set_text (label, text ? text : "—");
      gtk_widget_set_tooltip_text (GTK_WIDGET (label),
                                   predicted ? _("Model prediction, not data") : self->status);
      if (text == NULL)
        gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
    }
}

static GtkWidget *
build_figures (CcPresetsGallery *self,
               Card             *card,
               const CcPreset   *preset)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *h;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 10);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  h = gtk_label_new (_("Reported"));
  gtk_label_set_xalign (GTK_LABEL (h), 0);
  gtk_widget_add_css_class (h, "caption-heading");
  gtk_grid_attach (GTK_GRID (grid), h, 1, 0, 1, 1);
  h = gtk_label_new (_("Predicted"));
  gtk_label_set_xalign (GTK_LABEL (h), 0);
  gtk_widget_add_css_class (h, "caption-heading");
  gtk_grid_attach (GTK_GRID (grid), h, 2, 0, 1, 1);

  for (guint f = 0; f < N_FIGURES; f++)
    {
      g_autofree char *text = format_figure (&preset->reported, f);
      GtkWidget *name = gtk_label_new (_(figures[f].label));

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 10);
      gtk_widget_add_css_class (name, "caption");
      gtk_widget_add_css_class (name, "dim-label");
      card->reported[f] = value_label (text);
      card->predicted[f] = value_label (NULL);
      gtk_widget_set_hexpand (card->reported[f], TRUE);
      gtk_widget_set_hexpand (card->predicted[f], TRUE);
      gtk_grid_attach (GTK_GRID (grid), name, 0, f + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), card->reported[f], 1, f + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), card->predicted[f], 2, f + 1, 1, 1);
    }
  show_prediction (self, card, NULL);
  return grid;
}

static void
on_open_clicked (GtkButton        *button,
                 CcPresetsGallery *self)
{
  g_signal_emit (self, signals[PRESET_ACTIVATED], 0, g_object_get_data (G_OBJECT (button), "preset-id"));
}

static GtkWidget *
wrapped_label (const char *text,
               const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
build_card (CcPresetsGallery *self,
            const CcPreset   *preset)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *open = gtk_button_new_with_mnemonic (_("_Open Design"));
  GtkWidget *reference = wrapped_label (preset->reference, "caption");
  Card *card = g_new0 (Card, 1);

  card->id = g_strdup (preset->id);
  g_hash_table_replace (self->cards, card->id, card);

  gtk_widget_add_css_class (box, "cc-card");
  gtk_widget_add_css_class (box, "preset-card");
  {
    /* Titles are formulas: typeset their subscripts. */
    g_autofree char *typeset = cc_units_formula_markup (preset->title);
    g_autofree char *markup = cc_units_markup_for_labels (typeset);
    GtkWidget *title = wrapped_label (NULL, "heading");
    gtk_label_set_markup (GTK_LABEL (title), markup);
    gtk_box_append (GTK_BOX (box), title);
  }
  gtk_widget_add_css_class (reference, "dim-label");
  gtk_box_append (GTK_BOX (box), reference);
  gtk_box_append (GTK_BOX (box), build_figures (self, card, preset));
  if ((preset->explanation != NULL && *preset->explanation)
      || (preset->reported.notes != NULL && *preset->reported.notes))
    {
      GtkWidget *expander = gtk_expander_new (_("Why it works — or fails"));
      GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

      if (preset->explanation != NULL && *preset->explanation)
        gtk_box_append (GTK_BOX (inner), wrapped_label (preset->explanation, NULL));
      if (preset->reported.notes != NULL && *preset->reported.notes)
        {
          GtkWidget *notes = wrapped_label (preset->reported.notes, "caption");
          gtk_widget_add_css_class (notes, "dim-label");
          gtk_box_append (GTK_BOX (inner), notes);
        }
      gtk_widget_set_margin_top (inner, 4);
      gtk_expander_set_child (GTK_EXPANDER (expander), inner);
      gtk_box_append (GTK_BOX (box), expander);
    }
  gtk_widget_set_halign (open, GTK_ALIGN_END);
  gtk_widget_add_css_class (open, "suggested-action");
  g_object_set_data_full (G_OBJECT (open), "preset-id", g_strdup (preset->id), g_free);
  g_signal_connect (open, "clicked", G_CALLBACK (on_open_clicked), self);
  gtk_box_append (GTK_BOX (box), open);
  return box;
}

static void
cc_presets_gallery_finalize (GObject *object)
{
  CcPresetsGallery *self = CC_PRESETS_GALLERY (object);

  g_hash_table_unref (self->cards);
  g_ptr_array_unref (self->widgets);
  g_free (self->status);
  G_OBJECT_CLASS (cc_presets_gallery_parent_class)->finalize (object);
}

static void
cc_presets_gallery_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CC_TYPE_PRESETS_GALLERY);
  G_OBJECT_CLASS (cc_presets_gallery_parent_class)->dispose (object);
}

static void
cc_presets_gallery_class_init (CcPresetsGalleryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cc_presets_gallery_dispose;
  object_class->finalize = cc_presets_gallery_finalize;

  /* ::preset-activated (const char *preset_id) */
  signals[PRESET_ACTIVATED] =
    g_signal_new ("preset-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cathodecomposer/CathodeComposer/ui/cc-presets-gallery.ui");
  gtk_widget_class_bind_template_child (widget_class, CcPresetsGallery, stack);
  gtk_widget_class_bind_template_child (widget_class, CcPresetsGallery, list);
}

static void
cc_presets_gallery_init (CcPresetsGallery *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cards = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) card_free);
  self->widgets = g_ptr_array_new ();
  self->status = g_strdup (_("Not predicted yet"));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

void
cc_presets_gallery_set_presets (CcPresetsGallery *self,
                                CcPresetList     *presets)
{
  guint n;

  g_return_if_fail (CC_IS_PRESETS_GALLERY (self));

  for (guint i = 0; i < self->widgets->len; i++)
    gtk_box_remove (self->list, g_ptr_array_index (self->widgets, i));
  g_ptr_array_set_size (self->widgets, 0);
  g_hash_table_remove_all (self->cards);

  n = presets ? cc_preset_list_get_n (presets) : 0;
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *card = build_card (self, cc_preset_list_get_nth (presets, i));
      gtk_box_append (self->list, card);
      g_ptr_array_add (self->widgets, card);
    }
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

guint
cc_presets_gallery_get_n_presets (CcPresetsGallery *self)
{
  g_return_val_if_fail (CC_IS_PRESETS_GALLERY (self), 0);
  return g_hash_table_size (self->cards);
}

void
cc_presets_gallery_set_prediction (CcPresetsGallery *self,
                                   const char       *preset_id,
                                   const CcReported *predicted)
{
  Card *card;

  g_return_if_fail (CC_IS_PRESETS_GALLERY (self));

  card = g_hash_table_lookup (self->cards, preset_id);
  if (card != NULL)
    show_prediction (self, card, predicted);
}

void
cc_presets_gallery_set_prediction_status (CcPresetsGallery *self,
                                          const char       *status)
{
  GHashTableIter iter;
  Card *card;

  g_return_if_fail (CC_IS_PRESETS_GALLERY (self));

  g_free (self->status);
  self->status = g_strdup (status);
  g_hash_table_iter_init (&iter, self->cards);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &card))
    if (!card->has_prediction)
      show_prediction (self, card, NULL);
}

const char *
cc_presets_gallery_get_figure (CcPresetsGallery *self,
                               const char       *preset_id,
                               const char       *column,
                               const char       *figure)
{
  Card *card;

  g_return_val_if_fail (CC_IS_PRESETS_GALLERY (self), NULL);

  card = g_hash_table_lookup (self->cards, preset_id);
  if (card == NULL)
    return NULL;
  for (guint f = 0; f < N_FIGURES; f++)
    if (g_strcmp0 (figure, figures[f].id) == 0)
      return gtk_label_get_text (GTK_LABEL (g_str_equal (column, "predicted") ? card->predicted[f]
                                                                              : card->reported[f]));
  return NULL;
}
