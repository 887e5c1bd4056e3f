/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contact network of the final structure.
 *
 * Two spheres (or a sphere and a wall) are in contact when their gap is at
 * most CC_PACKING_CONTACT_TOLERANCE of r_i + r_j (of r for a wall) — the
 * same tolerance as the hard-sphere overlap check, not a loose one.
 *
 * Contact radius, for a compacted packing: the contact law at the pressing
 * pressure (cc-packing-law.h), then unloading to the stack pressure: a
 * contact that yielded keeps its plastic junction (cold-welded, the radius
 * at full load), an elastic one shrinks as a Hertz contact does with its
 * force, a ∝ F^{1/3}, and the forces scale with the applied pressure:
 * a_stack = a_press (P_stack / P_press)^{1/3}. At zero stack pressure
 * elastic contacts close to points (radius 0). For a packing that was not
 * compacted the radius is the geometric radius of the spheres'
 * intersection circle, zero for touching hard spheres.
 *
 * Only contacts with a plastic partner form junctions: between two elastic
 * (brittle) particles the hardness-limited branch of the contact law stands
 * for local crushing, and the contact unloads as an elastic one.
 *
 * The contacts of one particle never cover more than its surface (see
 * limit_contact_area).
 *
 * A contact is a deformation contact when the hard-sphere packing's force
 * network did not have it: compaction made it.
 */
#include "cc-packing-private.h"
#include "cc-packing-law.h"

#include <math.h>
#include <stdlib.h>

static int
compare_u64 (const void *a,
             const void *b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return (x > y) - (x < y);
}

static gboolean
in_jammed_network (const CcPacking *self,
                   guint            i,
                   guint            j)
{
  guint64 key = i < j ? ((guint64) i << 32) | j : ((guint64) j << 32) | i;

  return bsearch (&key, self->jam_contacts, self->n_jam_contacts, sizeof (guint64), compare_u64) != NULL;
}

typedef struct {
  CcPacking    *self;
  CcContactLaw  law;
  double        unload;    /* (P_stack / P_press)^{1/3} */
  GArray       *out;
} Finder;

/* Radius of the circle where spheres r1, r2 at distance d intersect. */
static double
intersection_radius (double r1,
                     double r2,
                     double d)
{
  double x;

  if (d >= r1 + r2 || d <= fabs (r1 - r2))
    return 0;
  x = (d * d + r1 * r1 - r2 * r2) / (2 * d);
  return sqrt (MAX (r1 * r1 - x * x, 0.0));
}

static void
add_contact (Finder          *f,
             guint            i,
             guint            j,
             const CcPairLaw *law,
             double           r_star,
             double           delta,
             double           geometric_a)
{
  CcPacking *self = f->self;
  CcContact c = { i, j, 0, 0 };
  double a = geometric_a;

  if (self->compacted)
    {
      gboolean plastic = FALSE;

      cc_contact_force (law, r_star, delta, &a, NULL, &plastic);
      /* only a plastic phase flows into a junction; a brittle oxide pair
       * beyond its hardness is crushed locally but springs back */
      plastic = plastic && law->junction;
      if (plastic)
        c.flags |= CC_CONTACT_PLASTIC;
      else
        a *= f->unload;
      if (j < self->n && !in_jammed_network (self, i, j))
        c.flags |= CC_CONTACT_DEFORMATION;
    }
  c.radius_um = (float) a;
  g_array_append_val (f->out, c);
}

static void
find_walls (Finder *f,
            guint   i)
{
  CcPacking *self = f->self;
  double r = self->rad[i], z = self->pos[3 * i + 2], h = self->box[2];
  const CcPairLaw *law = f->self->compacted ? &f->law.wall[self->species[i]] : NULL;

  if (z - r <= CC_PACKING_CONTACT_TOLERANCE * r)
    add_contact (f, i, CC_CONTACT_WALL_BOTTOM, law, r, r - z, sqrt (MAX (r * r - z * z, 0.0)));
  if (h - z - r <= CC_PACKING_CONTACT_TOLERANCE * r)
    add_contact (f, i, CC_CONTACT_WALL_TOP, law, r, z + r - h,
                 sqrt (MAX (r * r - (h - z) * (h - z), 0.0)));
}

/* Heavily flattened particles have contact circles whose caps overlap: their
 * sum can exceed the particle's surface, which no real grain can. Each
 * particle's contacts are scaled down so that their total area is at most
 * its surface (a contact takes the stricter of its two particles). */
static void
limit_contact_area (CcPacking *self)
{
  g_autofree double *area = g_new0 (double, MAX (self->n, 1));

  for (gsize k = 0; k < self->n_contacts; k++)
    {
      const CcContact *c = &self->contacts[k];
      double s = G_PI * c->radius_um * c->radius_um;

      area[c->i] += s;
      if (c->j < self->n)
        area[c->j] += s;
    }
  for (guint i = 0; i < self->n; i++)
    area[i] = MIN (1.0, 4 * G_PI * self->rad[i] * self->rad[i] / MAX (area[i], 1e-300));
  for (gsize k = 0; k < self->n_contacts; k++)
    {
      CcContact *c = &self->contacts[k];
      double f = c->j < self->n ? MIN (area[c->i], area[c->j]) : area[c->i];

      if (f < 1.0)
        c->radius_um = (float) (c->radius_um * sqrt (f));
    }
}

void
cc_packing_find_contacts (CcPacking *self)
{
  CcSpheres s = { self->n, { self->box[0], self->box[1], self->box[2] }, self->pos, self->rad };
  guint ns = self->params->n_species;
  Finder f = { self, { 0 }, 1.0, g_array_new (FALSE, FALSE, sizeof (CcContact)) };
  g_autofree guint *per_species = g_new0 (guint, ns);
  CcNlist nl;
  double r_max = 0;

  if (self->compacted)
    {
      cc_contact_law_init (&f.law, self->params);
      f.unload = cbrt (self->params->stack_pressure_MPa / self->compaction_pressure_MPa);
    }
  for (guint i = 0; i < self->n; i++)
    r_max = MAX (r_max, self->rad[i]);
  cc_spheres_wrap (&s);
  cc_nlist_init (&nl);
  cc_nlist_build (&nl, &s, 2 * CC_PACKING_CONTACT_TOLERANCE * r_max, NULL);
  for (guint i = 0; i < self->n; i++)
    {
      for (guint q = nl.start[i]; q < nl.start[i + 1]; q++)
        {
          guint j = CC_NLIST_J (nl.nbr[q]);
          const double *sh = nl.shift[CC_NLIST_CODE (nl.nbr[q])];
          double dx = self->pos[3 * j] - self->pos[3 * i] + sh[0];
          double dy = self->pos[3 * j + 1] - self->pos[3 * i + 1] + sh[1];
          double dz = self->pos[3 * j + 2] - self->pos[3 * i + 2];
          double ri = self->rad[i], rj = self->rad[j], sum = ri + rj;
          double d = sqrt (dx * dx + dy * dy + dz * dz);
          const CcPairLaw *law = NULL;

          if (d > sum * (1 + CC_PACKING_CONTACT_TOLERANCE))
            continue;
          if (self->compacted)
            law = &f.law.pair[self->species[i] * ns + self->species[j]];
          add_contact (&f, MIN (i, j), MAX (i, j), law, ri * rj / sum, sum - d,
                       intersection_radius (ri, rj, d));
        }
      find_walls (&f, i);
    }
  cc_nlist_clear (&nl);
  if (self->compacted)
    cc_contact_law_clear (&f.law);

  g_free (self->contacts);
  self->n_contacts = f.out->len;
  self->contacts = (CcContact *) g_array_free (f.out, FALSE);
  limit_contact_area (self);

  g_free (self->coordination);
  self->coordination = g_new0 (double, (gsize) ns * ns);
  for (guint i = 0; i < self->n; i++)
    per_species[self->species[i]]++;
  for (gsize k = 0; k < self->n_contacts; k++)
    {
      const CcContact *c = &self->contacts[k];
      guint si, sj;

      if (c->j >= self->n)
        continue;
      si = self->species[c->i];
      sj = self->species[c->j];
      self->coordination[si * ns + sj] += 1;
      self->coordination[sj * ns + si] += 1;
    }
  for (guint a = 0; a < ns; a++)
    for (guint b = 0; b < ns; b++)
      self->coordination[a * ns + b] /= MAX (per_species[a], 1);
}

const CcContact *
cc_packing_get_contacts (const CcPacking *self,
                         gsize           *n)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (n)
    *n = self->n_contacts;
  return self->contacts;
}

double
cc_packing_get_coordination (const CcPacking *self,
                             guint            s,
                             int              t)
{
  guint ns;
  double sum = 0;

  g_return_val_if_fail (self != NULL, 0.0);
  ns = self->params->n_species;
  g_return_val_if_fail (s < ns && t < (int) ns, 0.0);
  if (self->coordination == NULL)
    return 0.0;
  if (t >= 0)
    return self->coordination[s * ns + (guint) t];
  for (guint b = 0; b < ns; b++)
    sum += self->coordination[s * ns + b];
  return sum;
}
