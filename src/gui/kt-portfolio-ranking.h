/* kt-portfolio-ranking.h — the portfolio ranked: legal gate first, then total score
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-portfolio-db.h"

G_BEGIN_DECLS

#define KT_TYPE_PORTFOLIO_RANKING (kt_portfolio_ranking_get_type ())
G_DECLARE_FINAL_TYPE (KtPortfolioRanking, kt_portfolio_ranking, KT, PORTFOLIO_RANKING, AdwBin)

/* Signal "submission-activated" (gint64 id): a row was activated. */
GtkWidget *kt_portfolio_ranking_new    (void);
/* Reads kt_portfolio_db_rank () from `db` (borrowed only during the call). */
gboolean   kt_portfolio_ranking_reload (KtPortfolioRanking  *self,
                                        KtPortfolioDb       *db,
                                        GError             **error);

G_END_DECLS
