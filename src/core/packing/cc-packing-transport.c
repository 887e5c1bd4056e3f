/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Percolation and effective conductivity of the ionic and electronic
 * networks.
 *
 * Members: the ionic network is the solid electrolyte plus any species
 * whose ionic conductivity makes it an ion conductor (CcSpecies.ion_network);
 * the electronic one is the carbon plus the CAMs that conduct electrons well
 * (electron_network). Percolation is topological: union–find over the
 * contacts between members, with the two walls as extra nodes; ions enter
 * at the separator side (z = H), electrons at the current collector (z = 0).
 *
 * A CAM particle is reached by a network when it is a member connected to
 * that network's electrode, touches a member that is, or touches the
 * electrode itself.
 *
 * Conductivity: a resistor network on the contacts between members. Each
 * half of a contact, seen from sphere k (radius r, conductivity σ, contact
 * radius a, centre l from the contact plane), is
 *
 *   R_k = ψ(a/r) / (4 σ a) + max (1, Z/6) l / (σ A),   ψ(x) = (1 - x)^{3/2},
 *   A = min (π r², V0 / 2l),
 *
 * Holm's constriction resistance of a circular spot on a half-space, with
 * Roess's correction for a flux tube of the sphere's radius (so the
 * constriction vanishes when the spot covers the whole section), plus the
 * bulk of the particle from its centre to the contact plane through its mean
 * cross-section, its volume over its extent along the path, V0 / 2l, at
 * most πr² (see half_resistance): a fully pressed lattice of grains then
 * conducts like the dense material, not better.
 * A contact with a wall is one half. The electrodes are ideal (as in a
 * blocking-electrode measurement of the composite alone); the top terminal
 * is held at 1 V, and σ_eff = I H / A. It is intensive: the electrochemistry
 * applies it over the electrode's own thickness.
 */
#include "cc-packing-private.h"
#include "cc-packing-resistor.h"
#include "cc-packing-uf.h"

#include <math.h>

#define PCG_TOLERANCE 1e-10
#define UM_TO_CM      1e-4

static gboolean
is_member (const CcPacking *self,
           guint            i,
           CcNetwork        network)
{
  const CcSpecies *sp = &self->params->species[self->species[i]];

  return network == CC_NETWORK_IONIC ? sp->ion_network : sp->electron_network;
}

static double
member_sigma (const CcPacking *self,
              guint            i,
              CcNetwork        network)
{
  const CcSpecies *sp = &self->params->species[self->species[i]];

  return network == CC_NETWORK_IONIC ? sp->sigma_ion_S_cm : sp->sigma_e_S_cm;
}

/* One half of a contact, in Ω (lengths in µm, σ in S/cm): sphere of radius
 * r (grown) and original radius r0, contact radius a, centre at l from the
 * contact plane, `contacts` conducting contacts in all. The bulk runs
 * through the particle's mean cross-section along the path, its volume over
 * its length, V0 / 2l, at most πr²: 2/3 πr² for an untouched sphere, the
 * face of a cube for a fully pressed grain. A grain with Z > 6 contacts
 * shares its volume among Z/2 directions where a cube has 3: its bulk
 * resistance per contact is Z/6 times larger, so a random network of
 * pressed grains, like the cubic one, conducts at most as the dense phase
 * (mean-field check: σ_eff = Σ G d² / 3V = σ φ for links G = σ V0 / d²). */
static double
half_resistance (double sigma,
                 double r,
                 double r0,
                 double a,
                 double l,
                 guint  contacts)
{
  double psi = pow (MAX (1.0 - a / r, 0.0), 1.5);
  double area, share = MAX (1.0, contacts / 6.0);

  l = CLAMP (l, 1e-3 * r, r);
  area = MIN (G_PI * r * r, 4.0 / 3.0 * G_PI * r0 * r0 * r0 / (2.0 * l));
  return psi / (4.0 * sigma * a * UM_TO_CM) + share * l / (sigma * area * UM_TO_CM);
}

/* Distance from the centre of sphere i to the plane of its contact with j. */
static double
plane_distance (const CcPacking *self,
                guint            i,
                guint            j)
{
  double d2 = 0, d, ri = self->rad[i], rj = self->rad[j];

  for (guint k = 0; k < 3; k++)
    {
      double x = self->pos[3 * j + k] - self->pos[3 * i + k];

      if (k < 2)
        x -= self->box[k] * rint (x / self->box[k]);
      d2 += x * x;
    }
  d = sqrt (d2);
  return d > 0 ? (d2 + ri * ri - rj * rj) / (2 * d) : 0.0;
}

static double
wall_distance (const CcPacking *self,
               guint            i,
               guint            wall)
{
  double z = self->pos[3 * i + 2];

  return wall == CC_CONTACT_WALL_BOTTOM ? z : self->box[2] - z;
}

static void
resistor_solve (CcPacking       *self,
                CcNetwork        network,
                CcNetworkResult *res)
{
  g_autofree guint *node = g_new (guint, self->n);
  g_autofree guint *z = g_new0 (guint, self->n);
  CcResistorNetwork net;
  CcResistorResult out;
  guint n_nodes = 0;
  double area_cm2, h_cm;

  for (guint i = 0; i < self->n; i++)
    node[i] = is_member (self, i, network) && member_sigma (self, i, network) > 0 ? n_nodes++ : G_MAXUINT;
  for (gsize k = 0; k < self->n_contacts; k++)
    {
      const CcContact *c = &self->contacts[k];

      if (node[c->i] == G_MAXUINT || c->radius_um <= 0 || (c->j < self->n && node[c->j] == G_MAXUINT))
        continue;
      z[c->i]++;
      if (c->j < self->n)
        z[c->j]++;
    }
  cc_resistor_network_init (&net, n_nodes);
  for (gsize k = 0; k < self->n_contacts; k++)
    {
      const CcContact *c = &self->contacts[k];
      guint i = c->i;
      double a = c->radius_um;

      if (node[i] == G_MAXUINT || a <= 0)
        continue;
      if (c->j < self->n)
        {
          guint j = c->j;
          double r;

          if (node[j] == G_MAXUINT)
            continue;
          r = half_resistance (member_sigma (self, i, network), self->rad[i], self->rad0[i], a,
                               plane_distance (self, i, j), z[i]) +
              half_resistance (member_sigma (self, j, network), self->rad[j], self->rad0[j], a,
                               plane_distance (self, j, i), z[j]);
          cc_resistor_network_add (&net, node[i], node[j], 1.0 / r);
        }
      else
        {
          double g = 1.0 / half_resistance (member_sigma (self, i, network), self->rad[i], self->rad0[i],
                                            a, wall_distance (self, i, c->j), z[i]);

          if (c->j == CC_CONTACT_WALL_TOP)
            net.g_top[node[i]] += g;
          else
            net.g_bottom[node[i]] += g;
        }
    }
  cc_resistor_network_solve (&net, NULL, PCG_TOLERANCE, &out);
  cc_resistor_network_clear (&net);

  area_cm2 = self->box[0] * self->box[1] * UM_TO_CM * UM_TO_CM;
  h_cm = self->box[2] * UM_TO_CM;
  /* the current that reaches the far electrode (equal to the injected
   * current at convergence) */
  res->sigma_eff_S_cm = MAX (0.5 * (out.current_top + out.current_bottom), 0.0) * h_cm / area_cm2;
  res->iterations = out.iterations;
}

void
cc_packing_network (CcPacking       *self,
                    CcNetwork        network,
                    gboolean        *reached,
                    CcNetworkResult *res)
{
  guint top = self->n, bottom = self->n + 1;
  guint home = network == CC_NETWORK_IONIC ? top : bottom;
  guint home_wall = network == CC_NETWORK_IONIC ? CC_CONTACT_WALL_TOP : CC_CONTACT_WALL_BOTTOM;
  double v_members = 0, sigma_v = 0;
  CcUnionFind uf;

  cc_uf_init (&uf, self->n + 2);
  for (gsize k = 0; k < self->n_contacts; k++)
    {
      const CcContact *c = &self->contacts[k];

      if (!is_member (self, c->i, network))
        continue;
      if (c->j == CC_CONTACT_WALL_TOP)
        cc_uf_union (&uf, c->i, top);
      else if (c->j == CC_CONTACT_WALL_BOTTOM)
        cc_uf_union (&uf, c->i, bottom);
      else if (is_member (self, c->j, network))
        cc_uf_union (&uf, c->i, c->j);
    }
  res->percolates = cc_uf_same (&uf, top, bottom);

  for (guint i = 0; i < self->n; i++)
    reached[i] = is_member (self, i, network) && cc_uf_same (&uf, i, home);
  for (gsize k = 0; k < self->n_contacts; k++)
    {
      const CcContact *c = &self->contacts[k];

      if (c->j == home_wall)
        reached[c->i] = TRUE;
      else if (c->j < self->n)
        {
          if (is_member (self, c->j, network) && cc_uf_same (&uf, c->j, home))
            reached[c->i] = TRUE;
          if (is_member (self, c->i, network) && cc_uf_same (&uf, c->i, home))
            reached[c->j] = TRUE;
        }
    }
  cc_uf_clear (&uf);

  for (guint i = 0; i < self->n; i++)
    if (is_member (self, i, network))
      {
        double v = 4.0 / 3.0 * G_PI * pow (self->rad0[i], 3);

        v_members += v;
        sigma_v += v * member_sigma (self, i, network);
      }
  res->volume_fraction = v_members / (self->box[0] * self->box[1] * self->box[2]);
  res->sigma_bulk_S_cm = v_members > 0 ? sigma_v / v_members : 0.0;
  res->sigma_eff_S_cm = 0;
  res->iterations = 0;
  if (res->percolates)
    resistor_solve (self, network, res);
  res->tortuosity = res->sigma_eff_S_cm > 0
                    ? res->volume_fraction * res->sigma_bulk_S_cm / res->sigma_eff_S_cm
                    : INFINITY;
}
