/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A small modal message dialog with a heading, a body and response buttons
 * (GTK 4.8 has no GtkAlertDialog). Responses are strings; closing the
 * window answers with the close response.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum {
  CC_ALERT_RESPONSE_DEFAULT,
  CC_ALERT_RESPONSE_SUGGESTED,
  CC_ALERT_RESPONSE_DESTRUCTIVE,
} CcAlertAppearance;

#define CC_TYPE_ALERT (cc_alert_get_type ())
G_DECLARE_FINAL_TYPE (CcAlert, cc_alert, CC, ALERT, GtkWindow)

CcAlert    *cc_alert_new                (GtkWindow         *parent,
                                         const char        *heading,
                                         const char        *body);
void        cc_alert_add_response       (CcAlert           *self,
                                         const char        *id,
                                         const char        *label,
                                         CcAlertAppearance  appearance);
/* The response when the dialog is closed without a button (Escape). */
void        cc_alert_set_close_response (CcAlert           *self,
                                         const char        *id);
void        cc_alert_set_default_response (CcAlert         *self,
                                           const char      *id);
/* Shows the dialog; the callback gets the response id. The dialog destroys
 * itself after answering. */
void        cc_alert_choose             (CcAlert           *self,
                                         GCancellable      *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer           user_data);
const char *cc_alert_choose_finish      (CcAlert           *self,
                                         GAsyncResult      *result);
/* Answers as if the button was clicked (keyboard shortcuts, tests). */
void        cc_alert_respond            (CcAlert           *self,
                                         const char        *id);

G_END_DECLS
