/* kt-portfolio-list.h — the portfolio's submissions: search, filters, sort and a column view
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-format.h"
#include "kt-portfolio-db.h"

G_BEGIN_DECLS

#define KT_TYPE_PORTFOLIO_LIST (kt_portfolio_list_get_type ())
G_DECLARE_FINAL_TYPE (KtPortfolioList, kt_portfolio_list, KT, PORTFOLIO_LIST, GtkBox)

/* Signals: "submission-activated" (gint64 id): a row was activated;
 * "compare" (): the Compare button was clicked with 2–4 rows selected. */
GtkWidget *kt_portfolio_list_new           (void);
/* The portfolio to list (borrowed: the caller keeps it alive or sets NULL). */
void       kt_portfolio_list_set_db        (KtPortfolioList *self,
                                            KtPortfolioDb   *db);
void       kt_portfolio_list_set_money_unit (KtPortfolioList *self,
                                             KtMoneyUnit      unit);
/* Runs the query again (SQLite sorts and filters); FALSE with `error` when it failed. */
gboolean   kt_portfolio_list_reload        (KtPortfolioList *self,
                                            GError         **error);
/* Sets the search text and reloads at once (typing waits for a pause). */
void       kt_portfolio_list_set_search    (KtPortfolioList *self,
                                            const char      *text);
void       kt_portfolio_list_set_sort      (KtPortfolioList *self,
                                            KtPortfolioSort  sort,
                                            gboolean         descending);
void       kt_portfolio_list_set_latest_only (KtPortfolioList *self,
                                              gboolean         latest_only);
guint      kt_portfolio_list_get_n_rows    (KtPortfolioList *self);
/* The submission shown in row `position` (borrowed), NULL past the end. */
const KtSubmission *kt_portfolio_list_get_row (KtPortfolioList *self,
                                               guint            position);
/* Ids of the selected rows, in list order. */
GArray    *kt_portfolio_list_get_selected_ids (KtPortfolioList *self);
void       kt_portfolio_list_select        (KtPortfolioList *self,
                                            const gint64    *ids,
                                            guint            n_ids);

G_END_DECLS
