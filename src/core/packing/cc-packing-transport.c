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
 *   R_k = ψ(a/r) / (4 σ a) + l / (σ π r²),   ψ(x) = (1 - x)^{3/2},
 *
 * Holm's constriction resistance of a circular spot on a half-space, with
 * Roess's correction for a flux tube of the sphere's radius (so the
 * constriction vanishes when the spot covers the whole section), plus the
 * bulk of the particle as a cylinder from its centre to the contact plane.
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

/* One half of a contact, in Ω (lengths in µm, σ in S/cm). */
static double
half_resistance (double sigma,
                 double r,
                 double a,
                 double l)
{
  double psi = pow (MAX (1.0 - a / r, 0.0), 1.5);

  l = CLAMP (l, 0.0, r);
  return psi / (4.0 * sigma * a * UM_TO_CM) + l / (sigma * G_PI * r * r * UM_TO_CM);
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
  CcResistorNetwork net;
  CcResistorResult out;
  guint n_nodes = 0;
  double area_cm2, h_cm;

  for (guint i = 0; i < self->n; i++)
    node[i] = is_member (self, i, network) && member_sigma (self, i, network) > 0 ? n_nodes++ : G_MAXUINT;
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
          r = half_resistance (member_sigma (self, i, network), self->rad[i], a, plane_distance (self, i, j)) +
              half_resistance (member_sigma (self, j, network), self->rad[j], a, plane_distance (self, j, i));
          cc_resistor_network_add (&net, node[i], node[j], 1.0 / r);
        }
      else
        {
          double g = 1.0 / half_resistance (member_sigma (self, i, network), self->rad[i], a,
                                            wall_distance (self, i, c->j));

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
