/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Series blocks of identical structure (two p(R,Q) arcs, say) can swap
 * their parameters without changing the impedance, so a fit may return
 * them in either order. We report them in the order of their time
 * constants, fastest first, which matches the convention of writing a
 * circuit from high to low frequency. Blocks with fixed parameters or
 * custom bounds keep their labels.
 */
#include "cc-eis-fit-private.h"

#include <math.h>
#include <string.h>

/* 1 / (angular frequency of the largest -Z'') of one block. */
static double
block_tau (const CcEisCircuit *c, const double *p, guint group)
{
  double best = 0, best_w = NAN;

  for (int k = 0; k <= 360; k++)
    {
      double w = pow (10, -8 + k / 20.0);
      double im = -cimag (cc_eis_circuit_eval_group_omega (c, p, group, w));

      if (im > best)
        {
          best = im;
          best_w = w;
        }
    }
  return 1.0 / best_w;
}

static gboolean
movable (const CcEisFitSetup *setup, guint first, guint end, guint ref_first)
{
  for (guint i = first; i < end; i++)
    {
      guint r = ref_first + (i - first);

      if (setup->fixed[i] || setup->lower[i] != setup->lower[r] || setup->upper[i] != setup->upper[r])
        return FALSE;
    }
  return TRUE;
}

static int
compare_tau (gconstpointer a, gconstpointer b, gpointer taus)
{
  double ta = ((double *) taus)[*(const guint *) a], tb = ((double *) taus)[*(const guint *) b];

  return (ta > tb) - (ta < tb);
}

void
cc_eis_fit_canonical_order (const CcEisCircuit  *c,
                            const CcEisFitSetup *setup,
                            double              *p)
{
  guint n_groups = cc_eis_circuit_get_n_groups (c);
  g_autofree gboolean *done = g_new0 (gboolean, n_groups);
  g_autofree double *taus = g_new (double, n_groups);
  g_autofree double *copy = g_memdup2 (p, sizeof (double) * setup->n);

  for (guint g = 0; g < n_groups; g++)
    {
      g_autofree char *sig = cc_eis_circuit_group_signature (c, g);
      g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GArray) sorted = NULL;
      guint f0, e0;

      if (done[g] || strchr (sig, 'p') == NULL)
        continue;
      cc_eis_circuit_group_params (c, g, &f0, &e0);
      for (guint h = g; h < n_groups; h++)
        {
          g_autofree char *sh = cc_eis_circuit_group_signature (c, h);
          guint f, e;

          cc_eis_circuit_group_params (c, h, &f, &e);
          if (done[h] || !g_str_equal (sig, sh) || !movable (setup, f, e, f0))
            continue;
          done[h] = TRUE;
          taus[h] = block_tau (c, copy, h);
          if (isnan (taus[h]))
            return;
          g_array_append_val (members, h);
        }
      if (members->len < 2)
        continue;
      sorted = g_array_copy (members);
      g_array_sort_with_data (sorted, compare_tau, taus);
      for (guint j = 0; j < members->len; j++)
        {
          guint dst_f, dst_e, src_f, src_e;

          cc_eis_circuit_group_params (c, g_array_index (members, guint, j), &dst_f, &dst_e);
          cc_eis_circuit_group_params (c, g_array_index (sorted, guint, j), &src_f, &src_e);
          memcpy (p + dst_f, copy + src_f, sizeof (double) * (dst_e - dst_f));
        }
    }
}
