/* kt-portfolio-compare.h — 2 to 4 portfolio submissions side by side, the best of each row marked
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-portfolio-db.h"

G_BEGIN_DECLS

#define KT_TYPE_PORTFOLIO_COMPARE (kt_portfolio_compare_get_type ())
G_DECLARE_FINAL_TYPE (KtPortfolioCompare, kt_portfolio_compare, KT, PORTFOLIO_COMPARE, AdwBin)

GtkWidget *kt_portfolio_compare_new  (void);
/* Reads the submissions from `db` (borrowed only during the call) and shows
 * one column per id, in the order given.  Fewer than 2 or more than 4 ids, or
 * an id that is not in the portfolio, is a translated error and leaves the
 * widget as it was. */
gboolean   kt_portfolio_compare_show (KtPortfolioCompare  *self,
                                      KtPortfolioDb       *db,
                                      const gint64        *ids,
                                      guint                n_ids,
                                      GError             **error);

G_END_DECLS
