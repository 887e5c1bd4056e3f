/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A tiny fork-join pool for the packing loops: persistent threads that run
 * one function for each of n_threads slots and join. The calling thread
 * takes part, so a pool of one thread is a plain function call. Work is
 * split by slot, and any awake thread may run any slot, so results depend on
 * the thread count but never on scheduling, and a descheduled worker does
 * not stall the others.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CcPool CcPool;

/* Runs slot `thread` of n_threads. */
typedef void (*CcPoolFunc) (gpointer data,
                            guint    thread,
                            guint    n_threads);

/* n_threads = 0 picks the number of processors (at most 64). */
CcPool *cc_pool_new        (guint       n_threads);
void    cc_pool_free       (CcPool     *self);
guint   cc_pool_get_n      (CcPool     *self);
void    cc_pool_run        (CcPool     *self,
                            CcPoolFunc  func,
                            gpointer    data);
/* The half-open range [*begin, *end) of n items that a thread owns. */
void    cc_pool_split      (guint       n,
                            guint       thread,
                            guint       n_threads,
                            guint      *begin,
                            guint      *end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcPool, cc_pool_free)

G_END_DECLS
