/* kt-portfolio-window.h — the appraiser's window: submissions, ranking, chart, one submission, compare
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-application.h"
#include "kt-portfolio-db.h"
#include "kt-portfolio-list.h"
#include "kt-submission-page.h"

G_BEGIN_DECLS

#define KT_TYPE_PORTFOLIO_WINDOW (kt_portfolio_window_get_type ())
G_DECLARE_FINAL_TYPE (KtPortfolioWindow, kt_portfolio_window, KT, PORTFOLIO_WINDOW, AdwApplicationWindow)

/* Opens `path`, or the default portfolio (kt_portfolio_db_default_path ()) when NULL. */
KtPortfolioWindow *kt_portfolio_window_new          (KtApplication     *application,
                                                     const char        *path);
/* Shows the portfolio at `path` (created when missing).  A read-only or
 * damaged one shows its warning in a bar and refuses changes; one that cannot
 * be opened at all leaves the window as it was and returns FALSE. */
gboolean           kt_portfolio_window_open_path    (KtPortfolioWindow *self,
                                                     const char        *path,
                                                     GError           **error);
KtPortfolioDb     *kt_portfolio_window_get_db       (KtPortfolioWindow *self);
KtPortfolioList   *kt_portfolio_window_get_list     (KtPortfolioWindow *self);
KtSubmissionPage  *kt_portfolio_window_get_page     (KtPortfolioWindow *self);

/* Imports `files` in a worker thread with a progress bar and Cancel; the
 * summary appears when done.  kt_portfolio_window_is_busy () until then. */
void               kt_portfolio_window_import       (KtPortfolioWindow  *self,
                                                     const char * const *files);
/* The last import's summary (borrowed), NULL before the first one ends. */
const KtImportSummary *kt_portfolio_window_get_import_summary (KtPortfolioWindow *self);
/* Writes the appraisal report of `id` / the catalogue (format from the
 * extension) in a worker thread, logs the export, and shows a toast. */
void               kt_portfolio_window_export_report    (KtPortfolioWindow *self,
                                                         gint64             id,
                                                         const char        *path);
void               kt_portfolio_window_export_catalogue (KtPortfolioWindow *self,
                                                         const char        *path);
/* The error of the last export, NULL when it succeeded (borrowed). */
const GError      *kt_portfolio_window_get_export_error (KtPortfolioWindow *self);
gboolean           kt_portfolio_window_is_busy      (KtPortfolioWindow *self);

/* Pushes the submission page of `id` over the views (Back returns). */
gboolean           kt_portfolio_window_show_submission (KtPortfolioWindow *self,
                                                        gint64             id,
                                                        GError           **error);
/* Pushes the comparison of 2–4 submissions. */
gboolean           kt_portfolio_window_compare      (KtPortfolioWindow *self,
                                                     const gint64      *ids,
                                                     guint              n_ids,
                                                     GError           **error);
/* Back to the views. */
void               kt_portfolio_window_show_views   (KtPortfolioWindow *self);
/* Shows the view "submissions", "ranking" or "chart". */
void               kt_portfolio_window_set_view     (KtPortfolioWindow *self,
                                                     const char        *name);

G_END_DECLS
