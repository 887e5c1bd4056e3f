/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Fork-join with claimable slots: a run has n_threads slots, and whichever
 * thread is awake claims the next one. Each slot always computes the same
 * part of the work into the same place, so results do not depend on which
 * thread ran it, and a worker the operating system has not scheduled yet
 * (a busy machine) does not hold up the others: the caller takes its slot.
 */
#include "cc-packing-pool.h"

#include <stdatomic.h>

/* Workers spin this many times before they sleep: a packing step is about
 * 0.1 ms, so a wake-up through a condition variable (tens of µs) would eat
 * the gain of the second core. */
#define SPIN_ITERATIONS 20000

struct _CcPool {
  guint                 n_threads;
  GThread             **threads;
  GMutex                mutex;
  GCond                 wake;
  GCond                 done_cond;
  CcPoolFunc            func;
  gpointer              data;
  /* generation in the high 32 bits, next unclaimed slot in the low 32 */
  _Atomic guint64       claim;
  _Atomic guint         done;       /* slots finished in this generation */
  gboolean              quit;       /* under mutex */
  /* caller side: time spent waiting for other threads, and a count of runs
   * to do alone after waiting too much */
  double                busy_us;
  double                wait_us;
  guint                 runs;
  guint                 alone;
};

static guint
generation_of (guint64 claim)
{
  return (guint) (claim >> 32);
}

/* Claims and runs slots of generation gen until none is left; returns the
 * number run. */
static guint
run_slots (CcPool *self,
           guint   gen)
{
  guint ran = 0;

  for (;;)
    {
      guint64 c = atomic_load_explicit (&self->claim, memory_order_acquire);
      guint slot = (guint) (c & G_MAXUINT32);

      if (generation_of (c) != gen || slot >= self->n_threads)
        break;
      if (!atomic_compare_exchange_weak_explicit (&self->claim, &c, c + 1,
                                                  memory_order_acq_rel, memory_order_acquire))
        continue;
      self->func (self->data, slot, self->n_threads);
      ran++;
      if (atomic_fetch_add_explicit (&self->done, 1, memory_order_acq_rel) + 1 == self->n_threads)
        {
          g_mutex_lock (&self->mutex);
          g_cond_broadcast (&self->done_cond);
          g_mutex_unlock (&self->mutex);
        }
    }
  return ran;
}

static gpointer
worker_main (gpointer data)
{
  CcPool *self = data;
  guint seen = 0;

  for (;;)
    {
      guint gen = seen;

      for (guint spin = 0; spin < SPIN_ITERATIONS && gen == seen; spin++)
        gen = generation_of (atomic_load_explicit (&self->claim, memory_order_acquire));
      if (gen == seen)
        {
          g_mutex_lock (&self->mutex);
          while ((gen = generation_of (atomic_load (&self->claim))) == seen && !self->quit)
            g_cond_wait (&self->wake, &self->mutex);
          if (self->quit)
            {
              g_mutex_unlock (&self->mutex);
              break;
            }
          g_mutex_unlock (&self->mutex);
        }
      seen = gen;
      run_slots (self, gen);
    }
  return NULL;
}

CcPool *
cc_pool_new (guint n_threads)
{
  CcPool *self = g_new0 (CcPool, 1);

  if (n_threads == 0)
    n_threads = g_get_num_processors ();
  self->n_threads = CLAMP (n_threads, 1, 64);
  g_mutex_init (&self->mutex);
  g_cond_init (&self->wake);
  g_cond_init (&self->done_cond);
  atomic_init (&self->claim, 0);
  atomic_init (&self->done, 0);
  self->threads = g_new0 (GThread *, self->n_threads);
  for (guint i = 1; i < self->n_threads; i++)
    self->threads[i] = g_thread_new ("cc-packing", worker_main, self);
  return self;
}

void
cc_pool_free (CcPool *self)
{
  if (self == NULL)
    return;
  g_mutex_lock (&self->mutex);
  self->quit = TRUE;
  g_cond_broadcast (&self->wake);
  g_mutex_unlock (&self->mutex);
  for (guint i = 1; i < self->n_threads; i++)
    g_thread_join (self->threads[i]);
  g_free (self->threads);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->wake);
  g_cond_clear (&self->done_cond);
  g_free (self);
}

guint
cc_pool_get_n (CcPool *self)
{
  return self->n_threads;
}

/* On a machine busier than its cores, a worker can be preempted in the
 * middle of a slot and the caller waits a scheduler quantum for it. When
 * waiting takes over half the time, the caller runs all slots itself for a
 * while (256 runs, about 70 minimiser steps): the same slots, so the same
 * results. Waking a worker that fell asleep during a serial stretch (a list
 * build, a radius update) costs tens of µs, which a third-of-the-time
 * threshold mistook for a busy machine: on an idle 2-core machine half of
 * the default design's packing then ran on one core (2.9 s instead of
 * 2.35 s). Two competing busy processes still leave two threads faster
 * than one (4.0 s against 6.0 s). */
#define ADAPT_WINDOW     64
#define ALONE_RUNS       256
#define MAX_WAIT_SHARE   0.5

static void
account (CcPool *self,
         gint64  t0,
         gint64  t_done,
         gint64  t_end)
{
  self->busy_us += t_done - t0;
  self->wait_us += t_end - t_done;
  if (++self->runs < ADAPT_WINDOW)
    return;
  if (self->wait_us > MAX_WAIT_SHARE * (self->busy_us + self->wait_us))
    self->alone = ALONE_RUNS;
  self->busy_us = self->wait_us = 0;
  self->runs = 0;
}

void
cc_pool_run (CcPool     *self,
             CcPoolFunc  func,
             gpointer    data)
{
  gint64 t0, t_done;
  guint gen;

  if (self->n_threads == 1)
    {
      func (data, 0, 1);
      return;
    }
  if (self->alone > 0)
    {
      self->alone--;
      for (guint slot = 0; slot < self->n_threads; slot++)
        func (data, slot, self->n_threads);
      return;
    }
  t0 = g_get_monotonic_time ();
  /* No slot of the previous generation is running (we waited for all of
   * them), so the work can be replaced before the new generation opens. */
  self->func = func;
  self->data = data;
  atomic_store_explicit (&self->done, 0, memory_order_relaxed);
  gen = generation_of (atomic_load (&self->claim)) + 1;
  g_mutex_lock (&self->mutex);
  atomic_store_explicit (&self->claim, (guint64) gen << 32, memory_order_release);
  g_cond_broadcast (&self->wake);
  g_mutex_unlock (&self->mutex);

  run_slots (self, gen);
  t_done = g_get_monotonic_time ();

  for (guint spin = 0; spin < SPIN_ITERATIONS; spin++)
    if (atomic_load_explicit (&self->done, memory_order_acquire) == self->n_threads)
      {
        account (self, t0, t_done, g_get_monotonic_time ());
        return;
      }
  g_mutex_lock (&self->mutex);
  while (atomic_load (&self->done) != self->n_threads)
    g_cond_wait (&self->done_cond, &self->mutex);
  g_mutex_unlock (&self->mutex);
  account (self, t0, t_done, g_get_monotonic_time ());
}

void
cc_pool_split (guint  n,
               guint  thread,
               guint  n_threads,
               guint *begin,
               guint *end)
{
  *begin = (guint) ((guint64) n * thread / n_threads);
  *end = (guint) ((guint64) n * (thread + 1) / n_threads);
}
