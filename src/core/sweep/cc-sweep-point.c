/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The points of a sweep: coordinates of an index, stable ids, and the design
 * a point stands for (axis values applied, mass fractions renormalised).
 */
#include "cc-sweep-private.h"
#include "cc-json-util.h"

#include <math.h>
#include <string.h>

void
cc_sweep_point_decompose (const CcSweep *self,
                          guint64        index,
                          CcSweepValue  *values,
                          guint         *replicate)
{
  guint64 rest;

  g_return_if_fail (index < cc_sweep_get_n_points (self));

  if (replicate != NULL)
    *replicate = (guint) (index % self->replicates);
  rest = index / self->replicates;
  for (guint i = self->axes->len; i-- > 0;)
    {
      guint n = cc_sweep_axis_get_n_values (self, i);

      values[i] = cc_sweep_axis_get_value (self, i, (guint) (rest % n));
      rest /= n;
    }
}

static double
axis_number (const CcSweepAxis *axis,
             double             v)
{
  return axis->integer ? round (v) : v;
}

static void
append_value (GString            *out,
              const CcSweepAxis  *axis,
              const CcSweepValue *v)
{
  if (axis->kind == CC_SWEEP_AXIS_NUMERIC)
    {
      if (axis->integer)
        g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) axis_number (axis, v->number));
      else
        cc_json_format_double (out, v->number);
    }
  else if (v->label == NULL)
    g_string_append (out, "null");
  else
    {
      /* Length-prefixed, so no label can imitate another axis. */
      g_string_append_printf (out, "%" G_GSIZE_FORMAT ":%s", strlen (v->label), v->label);
    }
}

char *
cc_sweep_point_id (const CcSweep      *self,
                   const CcSweepValue *values,
                   guint               replicate)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GString) text = g_string_new (self->digest);

  for (guint i = 0; i < self->axes->len; i++)
    {
      const CcSweepAxis *axis = g_ptr_array_index (self->axes, i);

      g_string_append_printf (text, "\n%s=", cc_design_path_get_canonical (axis->target));
      append_value (text, axis, &values[i]);
    }
  g_string_append_printf (text, "\nreplicate=%u", replicate);
  g_checksum_update (sum, (const guchar *) text->str, (gssize) text->len);
  return g_strndup (g_checksum_get_string (sum), 20);
}

JsonNode *
cc_sweep_values_to_json (const CcSweep      *self,
                         const CcSweepValue *values)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  for (guint i = 0; i < self->axes->len; i++)
    {
      const CcSweepAxis *axis = g_ptr_array_index (self->axes, i);

      json_builder_set_member_name (b, axis->path);
      if (axis->kind == CC_SWEEP_AXIS_CATEGORICAL)
        {
          if (values[i].label == NULL)
            json_builder_add_null_value (b);
          else
            json_builder_add_string_value (b, values[i].label);
        }
      else if (axis->integer)
        json_builder_add_int_value (b, (gint64) axis_number (axis, values[i].number));
      else
        json_builder_add_double_value (b, values[i].number);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static gboolean
is_set_by_axis (const CcSweep *self,
                guint          component)
{
  for (guint i = 0; i < self->mf_components->len; i++)
    if (g_array_index (self->mf_components, guint, i) == component)
      return TRUE;
  return FALSE;
}

static gboolean
composition_error (GError    **error,
                   const char *format,
                   double      value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, "%.4g", value);
  g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID, format, buf);
  return FALSE;
}

/* Mass fractions after the axes set some of them. With a balance component,
 * it alone takes 1 - (all others). Without one, the components no axis sets
 * keep their proportions to one another and scale to fill the rest. */
static gboolean
renormalise (const CcSweep *self,
             CcDesign      *d,
             GError       **error)
{
  GPtrArray *c = d->components;
  double fixed = 0, free_sum = 0;

  if (self->mf_components->len == 0)
    return TRUE;

  for (guint i = 0; i < c->len; i++)
    {
      CcComponent *comp = g_ptr_array_index (c, i);
      if (self->balance >= 0 ? (int) i != self->balance : is_set_by_axis (self, i))
        fixed += comp->mass_fraction;
      else
        free_sum += comp->mass_fraction;
    }
  if (fixed > 1.0 + CC_DESIGN_FRACTION_TOLERANCE)
    return composition_error (error, self->balance >= 0
                              ? "components[].mass_fraction: the components other than the balance sum to %s; nothing is left for the balance"
                              : "components[].mass_fraction: the fractions set by the axes sum to %s, more than 1",
                              fixed);
  if (self->balance >= 0)
    {
      CcComponent *b = g_ptr_array_index (c, self->balance);
      b->mass_fraction = MAX (0.0, 1.0 - fixed);
      return TRUE;
    }
  if (free_sum <= 0)
    {
      if (fabs (fixed - 1.0) <= CC_DESIGN_FRACTION_TOLERANCE)
        return TRUE;
      return composition_error (error, "components[].mass_fraction: the fractions set by the axes sum to %s "
                                "and no other component can take up the rest", fixed);
    }
  for (guint i = 0; i < c->len; i++)
    if (!is_set_by_axis (self, i))
      {
        CcComponent *comp = g_ptr_array_index (c, i);
        comp->mass_fraction *= (1.0 - fixed) / free_sum;
      }
  return TRUE;
}

CcDesign *
cc_sweep_build_design (const CcSweep      *self,
                       const CcSweepValue *values,
                       guint               replicate,
                       GError            **error)
{
  g_autoptr(JsonNode) root = json_from_string (self->base_text, NULL);
  g_autoptr(CcDesign) d = NULL;
  g_autoptr(GError) local = NULL;

  g_assert (root != NULL);
  for (guint i = 0; i < self->axes->len; i++)
    {
      const CcSweepAxis *axis = g_ptr_array_index (self->axes, i);
      gboolean ok = TRUE;

      if (axis->kind == CC_SWEEP_AXIS_NUMERIC)
        ok = cc_design_path_set_number (axis->target, root, axis_number (axis, values[i].number), axis->integer);
      else if (values[i].label != NULL)
        ok = cc_design_path_set_string (axis->target, root, values[i].label);
      g_assert (ok);   /* every path exists in the base; removals come last */
    }
  /* Removing an object (null) after all sets, so an axis on a field inside
   * it still finds it. */
  for (guint i = 0; i < self->axes->len; i++)
    {
      const CcSweepAxis *axis = g_ptr_array_index (self->axes, i);
      if (axis->kind == CC_SWEEP_AXIS_CATEGORICAL && values[i].label == NULL)
        cc_design_path_remove_holder (axis->target, root);
    }

  d = cc_design_from_json_node (root, &local);
  if (d == NULL)
    {
      g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_INVALID, "%s", local->message);
      return NULL;
    }
  if (!renormalise (self, d, error))
    return NULL;
  d->simulation.seed += replicate;
  return g_steal_pointer (&d);
}
