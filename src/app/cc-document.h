/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The design a window edits: the current CcDesign, the file it came from,
 * whether it has unsaved changes, its undo history and its validation
 * state. Views hold a document and listen to ::changed; every edit goes
 * through cc_document_edit() so it is undoable and validated.
 */
#pragma once

#include <gio/gio.h>
#include "cc-design.h"

G_BEGIN_DECLS

typedef enum {
  CC_DOCUMENT_CHANGE_VALUES    = 1 << 0,  /* numbers or names changed */
  CC_DOCUMENT_CHANGE_STRUCTURE = 1 << 1,  /* components added, removed or reordered */
  CC_DOCUMENT_CHANGE_REPLACED  = 1 << 2,  /* a new design was loaded */
} CcDocumentChange;

#define CC_TYPE_DOCUMENT (cc_document_get_type ())
G_DECLARE_FINAL_TYPE (CcDocument, cc_document, CC, DOCUMENT, GObject)

CcDocument     *cc_document_new                  (CcMaterialDb    *db);
CcMaterialDb   *cc_document_get_db               (CcDocument      *self);
const CcDesign *cc_document_get_design           (CcDocument      *self);
/* A copy to modify and hand back to cc_document_edit(). */
CcDesign       *cc_document_dup_design           (CcDocument      *self);

/* Takes ownership of `design`. Same coalesce_key within a second: one undo
 * step (slider drags). Returns FALSE (and frees it) when nothing changed. */
gboolean        cc_document_edit                 (CcDocument      *self,
                                                  CcDesign        *design,
                                                  const char      *coalesce_key);
/* Ends a coalesced edit (e.g. when a slider is released). */
void            cc_document_break_coalescing     (CcDocument      *self);

gboolean        cc_document_undo                 (CcDocument      *self);
gboolean        cc_document_redo                 (CcDocument      *self);
gboolean        cc_document_get_can_undo         (CcDocument      *self);
gboolean        cc_document_get_can_redo         (CcDocument      *self);

/* Starts over with `design` (taken) and `file` (nullable); clears history.
 * `dirty`: TRUE for recovered work that has never been saved. */
void            cc_document_replace              (CcDocument      *self,
                                                  CcDesign        *design,
                                                  GFile           *file,
                                                  gboolean         dirty);
gboolean        cc_document_load                 (CcDocument      *self,
                                                  GFile           *file,
                                                  GError         **error);
/* Atomic (cc_design_save_to_file); the document then belongs to `file`. */
gboolean        cc_document_save                 (CcDocument      *self,
                                                  GFile           *file,
                                                  GError         **error);

GFile          *cc_document_get_file             (CcDocument      *self);
gboolean        cc_document_get_dirty            (CcDocument      *self);
/* Untitled, unmodified and without history: may be replaced silently. */
gboolean        cc_document_is_pristine          (CcDocument      *self);
/* "name.ccdesign" or the design's name for untitled documents. */
char           *cc_document_dup_title            (CcDocument      *self);

/* cc_design_validate's message for the current design, NULL when valid. */
const char     *cc_document_get_validation_error (CcDocument      *self);

G_END_DECLS
