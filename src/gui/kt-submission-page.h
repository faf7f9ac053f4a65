/* kt-submission-page.h — one submission of the portfolio: figures, checks, scores, decision, history
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-format.h"
#include "kt-portfolio-db.h"

G_BEGIN_DECLS

#define KT_TYPE_SUBMISSION_PAGE (kt_submission_page_get_type ())
G_DECLARE_FINAL_TYPE (KtSubmissionPage, kt_submission_page, KT, SUBMISSION_PAGE, GtkBox)

/* Signals: "submission-activated" (gint64 id): another version was asked for;
 * "changed": a score or the decision was recorded;
 * "export-report", "open-in-editor": the buttons, for the shown submission. */
GtkWidget *kt_submission_page_new            (void);
void       kt_submission_page_set_money_unit (KtSubmissionPage *self,
                                              KtMoneyUnit       unit);
/* Reads submission `id` from `db` (borrowed: kept until the next call or
 * kt_submission_page_set_db (self, NULL)) and shows it. */
gboolean   kt_submission_page_show           (KtSubmissionPage *self,
                                              KtPortfolioDb    *db,
                                              gint64            id,
                                              GError          **error);
void       kt_submission_page_clear          (KtSubmissionPage *self);
gint64     kt_submission_page_get_id         (KtSubmissionPage *self);
/* The portfolio shown (borrowed), NULL when cleared. */
KtPortfolioDb *kt_submission_page_get_db     (KtSubmissionPage *self);
/* The name shown in the header (borrowed). */
const char *kt_submission_page_get_title     (KtSubmissionPage *self);
/* Records `appraiser`'s score of a manual criterion and shows the new figures;
 * the engine's refusals (no comment, off the scale, decided) come back in `error`. */
gboolean   kt_submission_page_score          (KtSubmissionPage *self,
                                              const char       *appraiser,
                                              const char       *criterion,
                                              double            score,
                                              const char       *comment,
                                              GError          **error);
/* "approve", "return" or "reject": final, and it locks the scores. */
gboolean   kt_submission_page_decide         (KtSubmissionPage *self,
                                              const char       *decision,
                                              const char       *appraiser,
                                              const char       *note,
                                              GError          **error);
/* Opens the Score… and Decide… dialogs (as the buttons do). */
void       kt_submission_page_open_score_dialog  (KtSubmissionPage *self);
void       kt_submission_page_open_decide_dialog (KtSubmissionPage *self);

G_END_DECLS
