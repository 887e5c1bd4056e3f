/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Never lose work": a document with unsaved changes is written to
 * $XDG_DATA_HOME/cathode-composer/autosave/ after a few seconds without
 * edits. Saving or deliberately discarding removes the copy, so whatever is
 * still there at start-up was left by a crash and is offered for recovery.
 */
#pragma once

#include "cc-document.h"

G_BEGIN_DECLS

typedef struct {
  char     *id;
  CcDesign *design;
  GFile    *original;    /* the file it was opened from, NULL if untitled */
  gint64    saved_unix;  /* when the copy was written */
} CcAutosaveEntry;

void       cc_autosave_entry_free (CcAutosaveEntry *entry);

/* The folder (not created). */
char      *cc_autosave_get_dir    (void);
char      *cc_autosave_new_id     (void);
gboolean   cc_autosave_write      (const char      *id,
                                   const CcDesign  *design,
                                   GFile           *original,
                                   GError         **error);
void       cc_autosave_remove     (const char      *id);
/* The recoverable copies, newest first; unreadable ones are skipped with a
 * warning and left in place. */
GPtrArray *cc_autosave_list       (void);

#define CC_TYPE_AUTOSAVER (cc_autosaver_get_type ())
G_DECLARE_FINAL_TYPE (CcAutosaver, cc_autosaver, CC, AUTOSAVER, GObject)

/* Watches `document`; writes it `delay_s` seconds after the last edit while
 * it is dirty, removes the copy when it is saved. */
CcAutosaver *cc_autosaver_new       (CcDocument  *document,
                                     guint        delay_s);
void         cc_autosaver_set_delay (CcAutosaver *self,
                                     guint        delay_s);
/* Writes now if dirty (used when the app quits with a pending timer). */
void         cc_autosaver_flush     (CcAutosaver *self);
/* The user chose to discard the changes: remove the copy. */
void         cc_autosaver_discard   (CcAutosaver *self);
const char  *cc_autosaver_get_id    (CcAutosaver *self);
/* Continue a recovered copy under its old id, so it is replaced, not duplicated. */
void         cc_autosaver_adopt     (CcAutosaver *self,
                                     const char  *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CcAutosaveEntry, cc_autosave_entry_free)

G_END_DECLS
