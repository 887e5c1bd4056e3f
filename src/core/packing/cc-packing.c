/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cc_packing_run: particles from the recipe, jamming, compaction.
 */
#include "cc-packing-private.h"
#include "cc-packing-compact.h"
#include "cc-packing-jam.h"
#include "cc-packing-rng.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The random start of the jamming protocol (overlapping, see cc-packing-jam.h). */
#define PHI_START 0.9
/* The jamming box is sized so the drawn radii fill this fraction of it. */
#define PHI_BOX   0.64

typedef struct {
  CcPacking        *self;
  CcPackingMonitor *monitor;
  double            stage_from;
  double            stage_to;
} Report;

GBytes *
cc_packing_make_snapshot (guint                  n,
                          const double          *pos,
                          const double          *rad,
                          double                 rad_scale,
                          const double           box[3],
                          const guint16         *species,
                          const CcPackingParams *params)
{
  CcParticle *p = g_new (CcParticle, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      double x = pos[3 * i], y = pos[3 * i + 1];

      x -= box[0] * floor (x / box[0]);
      y -= box[1] * floor (y / box[1]);
      p[i].x = (float) x;
      p[i].y = (float) y;
      p[i].z = (float) pos[3 * i + 2];
      p[i].radius = (float) (rad[i] * rad_scale);
      p[i].species = species[i];
      p[i].role = (guint8) params->species[species[i]].role;
      p[i].state = CC_PARTICLE_STATE_NONE;
    }
  return g_bytes_new_take (p, MAX (n, 1) * sizeof (CcParticle));
}

static void
jam_report (gpointer      data,
            double        fraction,
            const double *pos,
            double        scale)
{
  Report *r = data;
  CcPacking *self = r->self;

  cc_packing_monitor_set_progress (r->monitor, r->stage_from + (r->stage_to - r->stage_from) * fraction,
                                   "jamming");
  if (cc_packing_monitor_snapshot_due (r->monitor))
    cc_packing_monitor_publish (r->monitor,
                                cc_packing_make_snapshot (self->n, pos, self->rad0, scale, self->jam_box,
                                                          self->species, self->params),
                                self->jam_box);
}

static void
compact_report (gpointer      data,
                double        fraction,
                const double *pos,
                const double *rad,
                const double  box[3])
{
  Report *r = data;
  CcPacking *self = r->self;

  cc_packing_monitor_set_progress (r->monitor, r->stage_from + (r->stage_to - r->stage_from) * fraction,
                                   "compaction");
  if (cc_packing_monitor_snapshot_due (r->monitor))
    cc_packing_monitor_publish (r->monitor,
                                cc_packing_make_snapshot (self->n, pos, rad, 1.0, box, self->species,
                                                          self->params),
                                box);
}

/* Applies a permutation (perm[k] = old index of new place k) to the arrays. */
static void
permute (CcPacking   *self,
         const guint *perm)
{
  g_autofree double *pos = g_memdup2 (self->pos, 3 * (gsize) self->n * sizeof (double));
  g_autofree double *rad = g_memdup2 (self->rad0, (gsize) self->n * sizeof (double));
  g_autofree guint16 *sp = g_memdup2 (self->species, (gsize) self->n * sizeof (guint16));

  for (guint k = 0; k < self->n; k++)
    {
      guint o = perm[k];

      memcpy (&self->pos[3 * k], &pos[3 * o], 3 * sizeof (double));
      self->rad0[k] = rad[o];
      self->species[k] = sp[o];
    }
}

static gboolean
setup (CcPacking  *self,
       GError    **error)
{
  const CcPackingParams *p = self->params;
  g_autofree guint *counts = cc_packing_species_counts (p);
  g_autofree guint *perm = NULL;
  double v = 0, r_max = 0, width, aspect = p->box_aspect > 0 ? p->box_aspect : 1.0, reach;
  CcSpheres spheres;
  CcRng rng;

  self->n = p->n_particles;
  self->pos = g_new (double, 3 * (gsize) self->n);
  self->rad0 = g_new (double, self->n);
  self->rad = g_new (double, self->n);
  self->species = g_new (guint16, self->n);
  cc_packing_draw_radii (p, counts, self->rad0, self->species);
  for (guint i = 0; i < self->n; i++)
    {
      v += 4.0 / 3.0 * G_PI * pow (self->rad0[i], 3);
      r_max = MAX (r_max, self->rad0[i]);
    }
  width = cbrt (v / (PHI_BOX * aspect));
  self->jam_box[0] = self->jam_box[1] = width;
  self->jam_box[2] = aspect * width;

  /* Neighbour searches need the box wider than twice the reach of the
   * largest sphere: 2 r + skin at the overlapping start (radii x 1.12) and
   * during compaction (plastic spheres grow): 2.8 r_max covers both. */
  reach = 2.8 * r_max;
  if (width >= 2.0 * reach && self->jam_box[2] < reach)
    {
      g_set_error (error, CC_PACKING_ERROR, CC_PACKING_ERROR_INVALID,
                   "the layer is %.3g µm high at jamming, too thin for spheres up to %.3g µm across "
                   "(it must be 1.4 times the largest diameter): use smaller particles, a narrower size "
                   "spread or a thicker electrode", self->jam_box[2], 2 * r_max);
      return FALSE;
    }
  if (width < 2.0 * reach)
    {
      g_set_error (error, CC_PACKING_ERROR, CC_PACKING_ERROR_INVALID,
                   "n_particles = %u: too few for the size distribution (the box would be %.3g µm "
                   "wide and %.3g µm high for spheres up to %.3g µm across); use more particles",
                   self->n, width, self->jam_box[2], 2 * r_max);
      return FALSE;
    }

  cc_rng_init (&rng, p->seed, 1);
  for (guint i = 0; i < self->n; i++)
    for (guint k = 0; k < 3; k++)
      self->pos[3 * i + k] = cc_rng_uniform (&rng) * self->jam_box[k];

  spheres.n = self->n;
  memcpy (spheres.box, self->jam_box, sizeof spheres.box);
  spheres.pos = self->pos;
  spheres.rad = self->rad0;
  perm = g_new (guint, self->n);
  cc_spheres_spatial_order (&spheres, perm);
  permute (self, perm);
  return TRUE;
}

static gboolean
jam (CcPacking        *self,
     CcPackingMonitor *monitor,
     GCancellable     *cancellable,
     CcPool           *pool,
     double            progress_to,
     GError          **error)
{
  Report report = { self, monitor, 0.0, progress_to };
  CcJam job = { 0 };
  double d_max = 0;

  job.n = self->n;
  job.pos = self->pos;
  job.radius = self->rad0;
  memcpy (job.box, self->jam_box, sizeof job.box);
  job.phi_start = PHI_START;
  /* a pressed packing only needs a jammed start (cc-packing-jam.h) */
  job.final_overlap = self->compaction_pressure_MPa > 0 ? 1e-4 : 0.0;
  job.rate = self->params->compression_rate > 0 ? self->params->compression_rate
                                                : CC_PACKING_DEFAULT_COMPRESSION_RATE;
  job.pool = pool;
  job.cancellable = cancellable;
  job.report = jam_report;
  job.report_data = &report;
  if (!cc_jam_run (&job, error))
    return FALSE;

  /* Back to physical units: the radii are as drawn, the box and the
   * positions shrink by the jamming scale. */
  for (guint i = 0; i < 3 * self->n; i++)
    self->pos[i] /= job.scale;
  for (guint k = 0; k < 3; k++)
    self->box[k] = self->jam_box[k] = self->jam_box[k] / job.scale;
  memcpy (self->rad, self->rad0, self->n * sizeof (double));
  for (guint i = 0; i < self->n; i++)
    d_max = MAX (d_max, 2 * self->rad0[i]);
  self->phi_jammed = 0;
  for (guint i = 0; i < self->n; i++)
    self->phi_jammed += cc_packing_material_volume (self, i);
  self->phi_jammed /= self->box[0] * self->box[1] * self->box[2];
  self->bulk_phi_jammed = cc_packing_bulk_fraction (self, MIN (d_max, 0.25 * self->box[2]));
  self->max_overlap_relative = MAX (job.max_overlap, 0.0);
  self->jam_steps = job.steps;
  self->n_jam_contacts = job.contacts->len;
  self->jam_contacts = (guint64 *) g_array_free (job.contacts, FALSE);
  return TRUE;
}

static gboolean
compact (CcPacking        *self,
         CcPackingMonitor *monitor,
         GCancellable     *cancellable,
         CcPool           *pool,
         double            progress_from,
         GError          **error)
{
  Report report = { self, monitor, progress_from, 1.0 };
  CcContactLaw law;
  CcCompact job = { 0 };
  gboolean ok;

  cc_contact_law_init (&law, self->params);
  job.n = self->n;
  job.pos = self->pos;
  job.rad = self->rad;
  job.rad0 = self->rad0;
  job.species = self->species;
  job.law = &law;
  memcpy (job.box, self->box, sizeof job.box);
  job.pressure_MPa = self->compaction_pressure_MPa;
  job.pool = pool;
  job.cancellable = cancellable;
  job.report = compact_report;
  job.report_data = &report;
  ok = cc_compact_run (&job, error);
  cc_contact_law_clear (&law);
  if (!ok)
    return FALSE;
  memcpy (self->box, job.box, sizeof self->box);
  self->compacted = TRUE;
  self->pressure_reached_MPa = job.pressure_reached_MPa;
  self->compaction_steps = job.steps;
  return TRUE;
}

static void
finish (CcPacking        *self,
        CcPackingMonitor *monitor)
{
  GBytes *snap;

  cc_spheres_wrap (&(CcSpheres) { self->n, { self->box[0], self->box[1], self->box[2] }, self->pos, self->rad });
  snap = cc_packing_make_snapshot (self->n, self->pos, self->rad, 1.0, self->box, self->species, self->params);
  self->particles = g_memdup2 (g_bytes_get_data (snap, NULL), MAX (self->n, 1) * sizeof (CcParticle));
  cc_packing_monitor_set_progress (monitor, 1.0, "done");
  cc_packing_monitor_publish (monitor, snap, self->box);
}

CcPacking *
cc_packing_run (const CcPackingParams *params,
                CcPackingMonitor      *monitor,
                GCancellable          *cancellable,
                GError               **error)
{
  g_autoptr(CcPacking) self = NULL;
  g_autoptr(CcPool) pool = NULL;
  gint64 t0 = g_get_monotonic_time (), t1;
  double pressure;

  g_return_val_if_fail (params != NULL, NULL);
  if (!cc_packing_params_validate (params, error))
    return NULL;

  self = g_new0 (CcPacking, 1);
  self->params = cc_packing_params_copy (params);
  pressure = MAX (params->pressure_MPa, params->stack_pressure_MPa);
  self->compaction_pressure_MPa = pressure;
  cc_packing_monitor_set_progress (monitor, 0.0, "jamming");
  if (!setup (self, error))
    return NULL;
  pool = cc_pool_new (params->threads);
  if (!jam (self, monitor, cancellable, pool, pressure > 0 ? 0.6 : 1.0, error))
    return NULL;
  t1 = g_get_monotonic_time ();
  self->jam_seconds = (t1 - t0) / 1e6;
  if (pressure > 0 && !compact (self, monitor, cancellable, pool, 0.6, error))
    return NULL;
  self->compact_seconds = (g_get_monotonic_time () - t1) / 1e6;
  finish (self, monitor);
  self->seconds = (g_get_monotonic_time () - t0) / 1e6;

  return g_steal_pointer (&self);
}

CcPacking *
cc_packing_new_from_spheres (const CcPackingParams *params,
                             guint                  n,
                             const double          *pos_um,
                             const double          *radius_um,
                             const guint16         *species,
                             const double           box_um[3],
                             GError               **error)
{
  g_autoptr(CcPacking) self = NULL;
  double v = 0;

  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (n == 0 || (pos_um != NULL && radius_um != NULL && species != NULL), NULL);
  if (!cc_packing_params_validate (params, error))
    return NULL;
  for (guint k = 0; k < 3; k++)
    if (!(isfinite (box_um[k]) && box_um[k] > 0))
      {
        g_set_error (error, CC_PACKING_ERROR, CC_PACKING_ERROR_INVALID,
                     "box[%u] = %g: must be a positive length", k, box_um[k]);
        return NULL;
      }
  for (guint i = 0; i < n; i++)
    if (!(isfinite (radius_um[i]) && radius_um[i] > 0) || species[i] >= params->n_species ||
        !isfinite (pos_um[3 * i]) || !isfinite (pos_um[3 * i + 1]) || !isfinite (pos_um[3 * i + 2]))
      {
        g_set_error (error, CC_PACKING_ERROR, CC_PACKING_ERROR_INVALID,
                     "sphere %u: needs a finite position, a positive radius and a species below %u",
                     i, params->n_species);
        return NULL;
      }

  self = g_new0 (CcPacking, 1);
  self->params = cc_packing_params_copy (params);
  self->n = n;
  self->pos = g_memdup2 (pos_um, 3 * (gsize) MAX (n, 1) * sizeof (double));
  self->rad = g_memdup2 (radius_um, (gsize) MAX (n, 1) * sizeof (double));
  self->rad0 = g_memdup2 (radius_um, (gsize) MAX (n, 1) * sizeof (double));
  self->species = g_memdup2 (species, (gsize) MAX (n, 1) * sizeof (guint16));
  memcpy (self->box, box_um, sizeof self->box);
  memcpy (self->jam_box, box_um, sizeof self->jam_box);
  for (guint i = 0; i < n; i++)
    v += cc_packing_material_volume (self, i);
  self->phi_jammed = v / (box_um[0] * box_um[1] * box_um[2]);
  finish (self, NULL);
  return g_steal_pointer (&self);
}

void
cc_packing_free (CcPacking *self)
{
  if (self == NULL)
    return;
  cc_packing_params_free (self->params);
  g_free (self->pos);
  g_free (self->rad);
  g_free (self->rad0);
  g_free (self->species);
  g_free (self->particles);
  g_free (self->jam_contacts);
  g_free (self->contacts);
  g_free (self->coordination);
  g_free (self);
}

const CcParticle *
cc_packing_get_particles (const CcPacking *self,
                          guint           *n)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (n)
    *n = self->n;
  return self->particles;
}

void
cc_packing_get_box (const CcPacking *self,
                    double          *lx_um,
                    double          *ly_um,
                    double          *lz_um)
{
  g_return_if_fail (self != NULL);
  if (lx_um)
    *lx_um = self->box[0];
  if (ly_um)
    *ly_um = self->box[1];
  if (lz_um)
    *lz_um = self->box[2];
}

const CcPackingParams *
cc_packing_get_params (const CcPacking *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->params;
}

gboolean
cc_packing_set_transport (CcPacking             *self,
                          const CcPackingParams *params,
                          GError               **error)
{
  g_return_val_if_fail (self != NULL && params != NULL, FALSE);

  if (params->n_species != self->params->n_species)
    {
      g_set_error (error, CC_PACKING_ERROR, CC_PACKING_ERROR_INVALID,
                   "n_species = %u: the packing has %u species", params->n_species, self->params->n_species);
      return FALSE;
    }
  for (guint i = 0; i < params->n_species; i++)
    {
      CcSpecies *sp = &self->params->species[i];

      sp->sigma_ion_S_cm = params->species[i].sigma_ion_S_cm;
      sp->sigma_e_S_cm = params->species[i].sigma_e_S_cm;
      sp->ion_network = params->species[i].ion_network;
      sp->electron_network = params->species[i].electron_network;
      sp->agglomerate_d_um = params->species[i].agglomerate_d_um;
    }
  return TRUE;
}

double
cc_packing_get_seconds (const CcPacking *self)
{
  g_return_val_if_fail (self != NULL, 0.0);
  return self->seconds;
}

void
cc_packing_get_jammed (const CcPacking *self,
                       double          *solid_fraction,
                       double          *bulk_solid_fraction,
                       double          *max_overlap_relative,
                       guint           *contacts)
{
  g_return_if_fail (self != NULL);
  if (solid_fraction)
    *solid_fraction = self->phi_jammed;
  if (bulk_solid_fraction)
    *bulk_solid_fraction = self->bulk_phi_jammed;
  if (max_overlap_relative)
    *max_overlap_relative = self->max_overlap_relative;
  if (contacts)
    *contacts = (guint) self->n_jam_contacts;
}

double
cc_packing_get_pressure_reached (const CcPacking *self)
{
  g_return_val_if_fail (self != NULL, 0.0);
  return self->pressure_reached_MPa;
}
