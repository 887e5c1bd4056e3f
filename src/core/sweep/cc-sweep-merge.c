/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * sweep-merge: read the shards, check them, sort, write.
 */
#include "cc-sweep-merge.h"
#include "cc-sweep-run.h"

static gboolean
read_all (const char * const *inputs,
          GPtrArray          *all,
          CcSweep            *sweep,
          GError            **error)
{
  const char *evaluator = NULL;
  const char *evaluator_origin = NULL;

  for (guint i = 0; inputs[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) recs = cc_sweep_read_results (inputs[i], FALSE, NULL, error);

      if (recs == NULL)
        return FALSE;
      if (sweep != NULL && !cc_sweep_check_results (sweep, recs, 0, 1, inputs[i], error))
        return FALSE;
      for (guint k = 0; k < recs->len; k++)
        {
          CcSweepRecord *r = g_ptr_array_index (recs, k);

          if (evaluator == NULL)
            {
              evaluator = r->evaluator;
              evaluator_origin = inputs[i];
            }
          else if (g_strcmp0 (evaluator, r->evaluator) != 0)
            {
              g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_MISMATCH,
                           "%s holds results of evaluator \"%s\" but %s of \"%s\": "
                           "results of different models cannot be merged",
                           inputs[i], r->evaluator, evaluator_origin, evaluator);
              return FALSE;
            }
          /* Move the record; the array keeps a stale pointer we clear. */
          g_ptr_array_add (all, r);
          recs->pdata[k] = NULL;
        }
    }
  return TRUE;
}

static gboolean
check_complete (CcSweep             *sweep,
                GPtrArray           *all,
                CcSweepMergeSummary *s,
                GError             **error)
{
  guint64 n = cc_sweep_get_n_points (sweep);
  guint64 expect = 0, first_missing = G_MAXUINT64;

  /* all is sorted and unique here. */
  for (guint i = 0; i <= all->len; i++)
    {
      guint64 next = i < all->len ? ((CcSweepRecord *) g_ptr_array_index (all, i))->index : n;

      if (next > expect)
        {
          s->n_missing += next - expect;
          first_missing = MIN (first_missing, expect);
        }
      expect = next + 1;
    }
  if (s->n_missing == 0)
    return TRUE;
  g_set_error (error, CC_SWEEP_ERROR, CC_SWEEP_ERROR_MISMATCH,
               "%" G_GUINT64_FORMAT " of the sweep's %" G_GUINT64_FORMAT " points are in no input "
               "(the first is point %" G_GUINT64_FORMAT ", which shard I/N holds when I = point mod N): "
               "finish or add the missing shards",
               s->n_missing, n, first_missing);
  return FALSE;
}

gboolean
cc_sweep_merge (const char * const   *inputs,
                const char           *out_path,
                CcSweep              *sweep,
                CcSweepMergeSummary  *summary,
                GError              **error)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) cc_sweep_record_free);
  CcSweepMergeSummary s = { 0 };
  guint before;

  g_return_val_if_fail (inputs != NULL && out_path != NULL, FALSE);

  if (!read_all (inputs, all, sweep, error))
    return FALSE;
  before = all->len;
  if (!cc_sweep_results_canonicalize (all, error))
    return FALSE;
  s.n_duplicates = before - all->len;
  s.n_points = all->len;
  if (sweep != NULL && !check_complete (sweep, all, &s, error))
    {
      if (summary)
        *summary = s;
      return FALSE;
    }
  if (summary)
    *summary = s;
  return cc_sweep_write_results (out_path, all, error);
}
