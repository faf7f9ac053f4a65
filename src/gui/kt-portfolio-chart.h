/* kt-portfolio-chart.h — the portfolio on two axes: financial × socio-economic score, bubble = fiscal cost
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-portfolio-db.h"

G_BEGIN_DECLS

#define KT_TYPE_PORTFOLIO_CHART (kt_portfolio_chart_get_type ())
G_DECLARE_FINAL_TYPE (KtPortfolioChart, kt_portfolio_chart, KT, PORTFOLIO_CHART, AdwBin)

/* Signal "submission-activated" (gint64 id): a bubble was clicked. */
GtkWidget *kt_portfolio_chart_new    (void);
/* Reads the latest versions and their aggregates from `db` (borrowed only
 * during the call). */
gboolean   kt_portfolio_chart_reload (KtPortfolioChart  *self,
                                      KtPortfolioDb     *db,
                                      GError           **error);

G_END_DECLS
