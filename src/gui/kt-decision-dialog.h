/* kt-decision-dialog.h — the Decide… dialog: approve, return for revision or reject, with a note
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-submission-page.h"

G_BEGIN_DECLS

#define KT_TYPE_DECISION_DIALOG (kt_decision_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KtDecisionDialog, kt_decision_dialog, KT, DECISION_DIALOG, AdwWindow)

/* Modal over `parent`; asks to confirm (the decision is final and locks the
 * scores), then records through kt_submission_page_decide (). */
GtkWidget *kt_decision_dialog_new (GtkWindow        *parent,
                                   KtSubmissionPage *page);

G_END_DECLS
