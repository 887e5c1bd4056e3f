/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Compaction: uniaxial die pressing of the jammed powder. The box keeps its
 * width (periodic x, y: the die walls are far away) and the piston at
 * z = H moves down in strain increments; after each increment the spheres
 * find force balance under the elastic–plastic contact law (cc-packing-law.h)
 * and the wall pressure is read from the forces on the two walls, until it
 * equals the pressing pressure.
 *
 * Plastic phases conserve volume as they flatten (Arzt, Acta Metall. 30,
 * 1883 (1982); Fischmeister and Arzt, Powder Metall. 26, 82 (1983)): the lens
 * where a soft sphere overlaps a neighbour or a wall is material that has
 * flowed aside, so its radius grows until 4/3 π r³ - Σ lenses equals its
 * original volume. That growth is what fills the pores and creates the
 * contacts the hard-sphere packing lacks. Elastic phases keep their radius:
 * their overlap is recoverable strain.
 */
#pragma once

#include <gio/gio.h>
#include "cc-packing-law.h"
#include "cc-packing-pool.h"

G_BEGIN_DECLS

typedef void (*CcCompactReport) (gpointer      data,
                                 double        fraction,
                                 const double *pos,
                                 const double *rad,
                                 const double  box[3]);

typedef struct {
  /* in */
  guint               n;
  double             *pos;           /* 3 n, µm; updated */
  double             *rad;           /* n, µm; plastic spheres grow */
  const double       *rad0;          /* n, µm: the volume each sphere keeps */
  const guint16      *species;
  const CcContactLaw *law;
  double              box[3];        /* µm; box[2] shrinks */
  double              pressure_MPa;
  CcPool             *pool;
  GCancellable       *cancellable;
  CcCompactReport     report;
  gpointer            report_data;
  /* out */
  double              pressure_reached_MPa;
  guint               steps;
  guint               increments;
} CcCompact;

gboolean  cc_compact_run      (CcCompact  *job,
                               GError    **error);

G_END_DECLS
