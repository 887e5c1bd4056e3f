/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Output of a packing: the analysis as JSON, the particles as extended XYZ.
 * Numbers are written locale-independently (json-glib, g_ascii_formatd).
 */
#include "cc-packing-private.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *
state_name (guint8 state)
{
  switch (state)
    {
    case CC_PARTICLE_STATE_ACTIVE: return "active";
    case CC_PARTICLE_STATE_IONICALLY_ISOLATED: return "ionically_isolated";
    case CC_PARTICLE_STATE_ELECTRONICALLY_ISOLATED: return "electronically_isolated";
    case CC_PARTICLE_STATE_ISOLATED: return "isolated";
    case CC_PARTICLE_STATE_NONE:
    default:
      return "none";
    }
}

/* json-glib 1.6 writes a double as "%.17g" and appends ".0" when it sees no
 * '.', which turns 1e-08 into the invalid "1e-08.0". One ulp more gives
 * 1.0000000000000001e-08, which it writes correctly. */
static double
json_safe (double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, "%.17g", v);
  if (strchr (buf, 'e') != NULL && strchr (buf, '.') == NULL)
    return nextafter (v, v > 0 ? G_MAXDOUBLE : -G_MAXDOUBLE);
  return v;
}

/* Infinity (a network that does not conduct) has no JSON number: null. */
static void
add_number (JsonBuilder *b,
            const char  *name,
            double       v)
{
  json_builder_set_member_name (b, name);
  if (isfinite (v))
    json_builder_add_double_value (b, json_safe (v));
  else
    json_builder_add_null_value (b);
}

static void
add_int (JsonBuilder *b,
         const char  *name,
         gint64       v)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, v);
}

static void
add_bool (JsonBuilder *b,
          const char  *name,
          gboolean     v)
{
  json_builder_set_member_name (b, name);
  json_builder_add_boolean_value (b, v);
}

static const char *
species_label (const CcSpecies *sp)
{
  return sp->name ? sp->name : cc_role_to_string (sp->role);
}

static void
add_species (JsonBuilder     *b,
             const CcPacking *self)
{
  const CcPackingParams *p = self->params;
  guint ns = p->n_species;
  g_autofree guint *count = g_new0 (guint, ns);
  g_autofree double *radius_sum = g_new0 (double, (gsize) ns * ns);
  g_autofree guint *radius_n = g_new0 (guint, (gsize) ns * ns);

  for (guint i = 0; i < self->n; i++)
    count[self->species[i]]++;
  /* mean contact radius at the stack pressure per species pair (point
   * contacts count as zero) */
  for (gsize k = 0; k < self->n_contacts; k++)
    {
      const CcContact *c = &self->contacts[k];
      guint a, bb;

      if (c->j >= self->n)
        continue;
      a = self->species[c->i];
      bb = self->species[c->j];
      radius_sum[a * ns + bb] += c->radius_um;
      radius_n[a * ns + bb]++;
      if (a != bb)
        {
          radius_sum[bb * ns + a] += c->radius_um;
          radius_n[bb * ns + a]++;
        }
    }
  json_builder_set_member_name (b, "species");
  json_builder_begin_array (b);
  for (guint s = 0; s < p->n_species; s++)
    {
      const CcSpecies *sp = &p->species[s];

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, sp->name ? sp->name : "");
      json_builder_set_member_name (b, "role");
      json_builder_add_string_value (b, cc_role_to_string (sp->role));
      add_int (b, "particles", count[s]);
      add_number (b, "volume_fraction_of_solid", sp->volume_fraction);
      add_number (b, "d50_um", sp->d50_um);
      add_number (b, "d50_requested_um", sp->d50_requested_um);
      add_bool (b, "coarse_grained", sp->d50_um != sp->d50_requested_um);
      if (sp->d_max_um > 0)
        add_number (b, "d_max_um", sp->d_max_um);
      add_number (b, "spread", sp->spread);
      add_bool (b, "plastic", sp->plastic);
      if (sp->agglomerate_d_um > 0)
        add_number (b, "agglomerate_d_um", sp->agglomerate_d_um);
      add_bool (b, "ion_network", sp->ion_network);
      add_bool (b, "electron_network", sp->electron_network);
      add_number (b, "sigma_ion_S_cm", sp->sigma_ion_S_cm);
      add_number (b, "sigma_e_S_cm", sp->sigma_e_S_cm);
      if (self->coordination != NULL)
        {
          add_number (b, "coordination", cc_packing_get_coordination (self, s, -1));
          json_builder_set_member_name (b, "coordination_with");
          json_builder_begin_object (b);
          for (guint t = 0; t < ns; t++)
            add_number (b, species_label (&p->species[t]), cc_packing_get_coordination (self, s, (int) t));
          json_builder_end_object (b);
          json_builder_set_member_name (b, "mean_contact_radius_um_with");
          json_builder_begin_object (b);
          for (guint t = 0; t < ns; t++)
            add_number (b, species_label (&p->species[t]),
                        radius_n[s * ns + t] > 0 ? radius_sum[s * ns + t] / radius_n[s * ns + t] : 0.0);
          json_builder_end_object (b);
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
add_contacts_summary (JsonBuilder     *b,
                      const CcPacking *self)
{
  guint walls = 0, plastic = 0, zero = 0;

  for (gsize k = 0; k < self->n_contacts; k++)
    {
      const CcContact *c = &self->contacts[k];

      walls += c->j >= self->n;
      plastic += (c->flags & CC_CONTACT_PLASTIC) != 0;
      zero += c->radius_um <= 0;
    }
  add_int (b, "wall_contacts", walls);
  add_int (b, "plastic_contacts", plastic);
  add_int (b, "point_contacts", zero);
  add_int (b, "jammed_contacts", (gint64) self->n_jam_contacts);
}

gpointer
cc_packing_to_json (const CcPacking        *self,
                    const CcMicrostructure *m)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (self != NULL && m != NULL, NULL);

  json_builder_begin_object (b);
  add_int (b, "particles", m->particles);
  add_int (b, "seed", (gint64) self->params->seed);
  add_number (b, "seconds", self->seconds);
  add_number (b, "jamming_seconds", self->jam_seconds);
  add_number (b, "compaction_seconds", self->compact_seconds);
  add_number (b, "analysis_seconds", self->analysis_seconds);
  add_number (b, "box_x_um", m->box_x_um);
  add_number (b, "box_y_um", m->box_y_um);
  add_number (b, "thickness_um", m->thickness_um);
  add_number (b, "design_thickness_um", self->params->design_thickness_um);
  add_number (b, "solid_fraction", m->solid_fraction);
  add_number (b, "bulk_solid_fraction", m->bulk_solid_fraction);
  add_number (b, "porosity", m->porosity);
  add_number (b, "jammed_solid_fraction", self->phi_jammed);
  add_number (b, "jammed_bulk_solid_fraction", self->bulk_phi_jammed);
  add_number (b, "max_overlap_relative", self->max_overlap_relative);
  add_number (b, "pressing_pressure_MPa", self->compaction_pressure_MPa);
  add_number (b, "pressure_reached_MPa", self->pressure_reached_MPa);
  add_number (b, "stack_pressure_MPa", self->params->stack_pressure_MPa);
  add_number (b, "cam_volume_fraction", m->cam_volume_fraction);
  add_number (b, "se_volume_fraction", m->se_volume_fraction);
  add_number (b, "carbon_volume_fraction", m->carbon_volume_fraction);
  add_number (b, "binder_volume_fraction", m->binder_volume_fraction);
  add_bool (b, "ionic_percolation", m->ionic_percolation);
  add_bool (b, "electronic_percolation", m->electronic_percolation);
  add_number (b, "active_cam_fraction", m->active_cam_fraction);
  add_number (b, "ionically_connected_cam_fraction", m->ionically_connected_cam_fraction);
  add_number (b, "electronically_connected_cam_fraction", m->electronically_connected_cam_fraction);
  add_number (b, "agglomerate_interior_cam_fraction", m->agglomerate_interior_cam_fraction);
  add_number (b, "sigma_ion_eff_S_per_cm", m->sigma_ion_eff_S_per_cm);
  add_number (b, "sigma_e_eff_S_per_cm", m->sigma_e_eff_S_per_cm);
  add_number (b, "tortuosity_ion", m->tortuosity_ion);
  add_number (b, "tortuosity_e", m->tortuosity_e);
  add_number (b, "cam_se_contact_area_fraction", m->cam_se_contact_area_fraction);
  add_number (b, "cam_se_area_per_volume_cm2_cm3", m->cam_se_area_per_volume_cm2_cm3);
  add_number (b, "carbon_se_area_per_volume_cm2_cm3", m->carbon_se_area_per_volume_cm2_cm3);
  add_number (b, "cam_carbon_area_per_volume_cm2_cm3", m->cam_carbon_area_per_volume_cm2_cm3);
  add_number (b, "mean_cam_se_contact_radius_um", m->mean_cam_se_contact_radius_um);
  add_int (b, "total_contacts", m->total_contacts);
  add_int (b, "deformation_contacts", m->deformation_contacts);
  add_contacts_summary (b, self);
  json_builder_set_member_name (b, "active_cam_size_classes");
  json_builder_begin_array (b);
  for (guint c = 0; c < m->n_size_classes; c++)
    {
      json_builder_begin_object (b);
      add_number (b, "radius_um", m->size_class_radius_um[c]);
      add_number (b, "volume_weight", m->size_class_volume_weight[c]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  add_species (b, self);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

gboolean
cc_packing_write_xyz (const CcPacking *self,
                      const char      *path,
                      GError         **error)
{
  g_autoptr(GString) s = g_string_new (NULL);
  char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE], c[G_ASCII_DTOSTR_BUF_SIZE];
  char d[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (self != NULL && path != NULL, FALSE);

  g_string_append_printf (s, "%u\n", self->n);
  g_string_append_printf (s, "Lattice=\"%s 0 0 0 %s 0 0 0 %s\" Origin=\"0 0 0\" pbc=\"T T F\" "
                          "Properties=species:S:1:pos:R:3:radius:R:1:state:S:1:role:S:1\n",
                          g_ascii_formatd (a, sizeof a, "%.6f", self->box[0]),
                          g_ascii_formatd (b, sizeof b, "%.6f", self->box[1]),
                          g_ascii_formatd (c, sizeof c, "%.6f", self->box[2]));
  for (guint i = 0; i < self->n; i++)
    {
      const CcParticle *p = &self->particles[i];
      const CcSpecies *sp = &self->params->species[p->species];
      g_autofree char *name = g_strdup (sp->name ? sp->name : cc_role_to_string (sp->role));

      g_strdelimit (name, " \t\n\"", '_');
      g_string_append_printf (s, "%s %s %s %s %s %s %s\n", name,
                              g_ascii_formatd (a, sizeof a, "%.5f", p->x),
                              g_ascii_formatd (b, sizeof b, "%.5f", p->y),
                              g_ascii_formatd (c, sizeof c, "%.5f", p->z),
                              g_ascii_formatd (d, sizeof d, "%.5f", p->radius),
                              state_name (p->state), cc_role_to_string (sp->role));
    }
  return g_file_set_contents (path, s->str, (gssize) s->len, error);
}
