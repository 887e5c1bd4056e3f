/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Undo/redo of design edits by snapshots. A design is small (a few kB of
 * JSON), so copying the whole CcDesign per committed edit is simpler and
 * safer than inverting each edit. Edits that carry the same coalescing key
 * within a short window (a slider drag, arrow-key repeats on a spin button)
 * merge into one undo step. No GTK.
 */
#pragma once

#include "cc-design.h"

G_BEGIN_DECLS

/* Two edits of the same field closer than this merge into one undo step. */
#define CC_HISTORY_COALESCE_US (G_USEC_PER_SEC)
#define CC_HISTORY_DEFAULT_LIMIT 200

typedef struct _CcHistory CcHistory;

CcHistory *cc_history_new      (guint             limit);
void       cc_history_free     (CcHistory        *self);

/* Records `before`, the design as it was before an edit. With a key equal to
 * the previous record's key, less than CC_HISTORY_COALESCE_US after it, the
 * older snapshot is kept instead (the merged step undoes the whole drag).
 * Any record clears the redo stack. Returns TRUE when a new step was added. */
gboolean   cc_history_record   (CcHistory        *self,
                                const CcDesign   *before,
                                const char       *coalesce_key,
                                gint64            now_us);
/* Ends coalescing: the next record starts a new step whatever its key. */
void       cc_history_break    (CcHistory        *self);

gboolean   cc_history_can_undo (const CcHistory  *self);
gboolean   cc_history_can_redo (const CcHistory  *self);
/* Given the current design, returns the design to restore (owned), or NULL
 * when there is nothing to undo/redo. */
CcDesign  *cc_history_undo     (CcHistory        *self,
                                const CcDesign   *current);
CcDesign  *cc_history_redo     (CcHistory        *self,
                                const CcDesign   *current);
void       cc_history_clear    (CcHistory        *self);
guint      cc_history_get_n_undo (const CcHistory *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcHistory, cc_history_free)

G_END_DECLS
