/* kt-score-dialog.h — the Score… dialog: one appraiser's score of a manual criterion, with a comment
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-rubric.h"
#include "kt-submission-page.h"

G_BEGIN_DECLS

#define KT_TYPE_SCORE_DIALOG (kt_score_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KtScoreDialog, kt_score_dialog, KT, SCORE_DIALOG, AdwWindow)

/* Modal over `parent`; records through kt_submission_page_score () and stays
 * open with the engine's message when the score is refused. */
GtkWidget *kt_score_dialog_new (GtkWindow        *parent,
                                KtSubmissionPage *page,
                                const KtRubric   *rubric);

G_END_DECLS
