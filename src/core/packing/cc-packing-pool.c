/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "cc-packing-pool.h"

/* Workers spin this many times on the generation counter before they sleep:
 * a packing step is ~0.1 ms, so a wake-up through a condition variable
 * (tens of µs) would eat the gain of the second core. */
#define SPIN_ITERATIONS 20000

struct _CcPool {
  guint       n_threads;
  GThread   **threads;
  GMutex      mutex;
  GCond       wake;
  GCond       done;
  CcPoolFunc  func;
  gpointer    data;
  gint        generation;   /* atomic */
  gint        pending;      /* atomic: workers still running this generation */
  gboolean    quit;
};

typedef struct {
  CcPool *pool;
  guint   index;
} Worker;

static gpointer
worker_main (gpointer user_data)
{
  Worker *w = user_data;
  CcPool *pool = w->pool;
  gint seen = 0;

  for (;;)
    {
      gint gen = 0;

      for (guint spin = 0; spin < SPIN_ITERATIONS; spin++)
        {
          gen = g_atomic_int_get (&pool->generation);
          if (gen != seen)
            break;
        }
      if (gen == seen)
        {
          g_mutex_lock (&pool->mutex);
          while ((gen = g_atomic_int_get (&pool->generation)) == seen && !pool->quit)
            g_cond_wait (&pool->wake, &pool->mutex);
          g_mutex_unlock (&pool->mutex);
        }
      if (pool->quit)
        break;
      seen = gen;
      pool->func (pool->data, w->index, pool->n_threads);
      if (g_atomic_int_dec_and_test (&pool->pending))
        {
          g_mutex_lock (&pool->mutex);
          g_cond_signal (&pool->done);
          g_mutex_unlock (&pool->mutex);
        }
    }
  g_free (w);
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
  g_cond_init (&self->done);
  self->threads = g_new0 (GThread *, self->n_threads);
  for (guint i = 1; i < self->n_threads; i++)
    {
      Worker *w = g_new0 (Worker, 1);

      w->pool = self;
      w->index = i;
      self->threads[i] = g_thread_new ("cc-packing", worker_main, w);
    }
  return self;
}

void
cc_pool_free (CcPool *self)
{
  if (self == NULL)
    return;
  g_mutex_lock (&self->mutex);
  self->quit = TRUE;
  g_atomic_int_inc (&self->generation);
  g_cond_broadcast (&self->wake);
  g_mutex_unlock (&self->mutex);
  for (guint i = 1; i < self->n_threads; i++)
    g_thread_join (self->threads[i]);
  g_free (self->threads);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->wake);
  g_cond_clear (&self->done);
  g_free (self);
}

guint
cc_pool_get_n (CcPool *self)
{
  return self->n_threads;
}

void
cc_pool_run (CcPool     *self,
             CcPoolFunc  func,
             gpointer    data)
{
  if (self->n_threads == 1)
    {
      func (data, 0, 1);
      return;
    }
  self->func = func;
  self->data = data;
  g_atomic_int_set (&self->pending, self->n_threads - 1);
  g_mutex_lock (&self->mutex);
  g_atomic_int_inc (&self->generation);
  g_cond_broadcast (&self->wake);
  g_mutex_unlock (&self->mutex);

  func (data, 0, self->n_threads);

  for (guint spin = 0; spin < SPIN_ITERATIONS; spin++)
    if (g_atomic_int_get (&self->pending) == 0)
      return;
  g_mutex_lock (&self->mutex);
  while (g_atomic_int_get (&self->pending) != 0)
    g_cond_wait (&self->done, &self->mutex);
  g_mutex_unlock (&self->mutex);
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
