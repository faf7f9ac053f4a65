/* model-fixture.h — hand-built projects and rules for the engine's tests
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kt-model.h"

G_BEGIN_DECLS

/* Rules with explicit values: CIT 20 % flat (no small-company bands), no
 * incentive, losses 5 years, R&D 200 %, S&T income 3 years, Circular 45
 * coefficients 1.5 / 2.0 / 2.5, state cap 50 % (70 % S&T), equity 15 % of
 * total investment, 50 years. */
void             fixture_rules          (KtRules       *rules);
/* A blank project: start and price base 2026, C = 0, O = 1, no inflation,
 * contingency, duty, NWC, state support or debt (equity share 1), all rates 10 %,
 * minimum DSCR 0 (no check), BOT. */
void             fixture_project        (KtProjectData *data);

/* Appends a row with the schema's defaults to the list at `path`
 * ("investment/capex", "economics/externalities"). */
gpointer         fixture_append_row     (GArray        *list,
                                         const char    *path);
KtCapexLine     *fixture_add_capex      (KtProjectData *data,
                                         KtCapexCategory category,
                                         int            useful_life,
                                         const double  *amounts,
                                         int            n_amounts);
KtReplacement   *fixture_add_replacement (KtProjectData *data,
                                          int            operation_year,
                                          double         amount,
                                          int            useful_life);
/* A stream with capacity 1, tariff = revenue per year, full ramp. */
KtRevenueStream *fixture_add_revenue    (KtProjectData *data,
                                         double         per_year);
KtStatePayment  *fixture_add_payment    (KtProjectData *data,
                                         double         per_year);
KtOpexLine      *fixture_add_opex       (KtProjectData *data,
                                         double         per_year);
KtLoan          *fixture_add_loan       (KtProjectData *data,
                                         double         share,
                                         double         rate,
                                         int            grace,
                                         int            tenor,
                                         KtRepayment    repayment);

/* Asserts |got − expected| ≤ max(1e-9 · |expected|, tolerance floor). */
void             assert_money           (double         got,
                                         double         expected);
void             assert_ratio           (double         got,
                                         double         expected);

/* Evaluates and asserts the balance sheet and sources = uses held. */
void             fixture_evaluate       (KtModel             *model,
                                         const KtProjectData *data,
                                         const KtRules       *rules,
                                         const KtDrivers     *drivers);
/* Number of findings of `check`. */
int              fixture_count          (const KtModel *model,
                                         KtCheck        check);

G_END_DECLS
