/* kt-vfm.h — value for money: public sector comparator against the PPP (MODEL.md §11)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kt-model.h"

G_BEGIN_DECLS

/* Present values at the social rate, end of year 0 (real flows when the
 * project's rates are real).  Costs are positive. */
typedef struct {
  /* PSC: the state delivers the same output itself */
  double psc_capex;          /* construction capex + contingency, with optimism bias,
                              * financed at the state borrowing rate (annuity over O) */
  double psc_replacement;    /* replacement capex with optimism bias, paid in cash */
  double psc_opex;           /* opex less land rent and concession fees, with bias */
  double psc_transferred_risks; /* expected cost of the risks the PPP transfers */
  double psc_revenue;        /* user revenue the state would collect (subtracted) */
  double psc_residual;       /* NBV of the state's own assets in year N−1 (subtracted) */
  double psc;                /* the sum, revenue and residual subtracted */

  /* PPP: the state's side of the contract */
  double ppp_net_fiscal_cost;  /* −fiscal NPV (§8) */
  double ppp_retained_risks;   /* expected cost of the risks the state keeps */
  double ppp_cost;

  double vfm;                  /* psc − ppp_cost; > 0: the PPP gives value for money */

  double risks_transferred;    /* = psc_transferred_risks */
  double public_assets;        /* contributed at valuation; in both, so not in vfm */
} KtVfm;

/* From a model evaluated on `data`. */
void kt_vfm_compute (const KtModel       *model,
                     const KtProjectData *data,
                     KtVfm               *vfm);

/* Expected cost of the register's risks the investor bears (owner investor,
 * and its share of shared ones) and that the state keeps. */
void kt_vfm_risk_split (const KtProjectData *data,
                        double              *transferred,
                        double              *retained);

/* MODEL.md §9 technology risk, expected-value view: the project evaluated
 * with the R&D phase succeeding and failing (rd_failed off and on), weighted
 * by the success probability p. */
typedef struct {
  double probability;
  double fiscal_npv_success, fiscal_npv_failure, fiscal_npv_expected;
  double equity_npv_success, equity_npv_failure, equity_npv_expected;
  double project_npv_success, project_npv_failure, project_npv_expected;
  double sunk_cost;                 /* construction need of the phase */
  double state_compensation;        /* paid on failure, nominal */
} KtRdExpected;

/* FALSE when the project has no R&D phase the engine can stop after
 * (rd_enabled off, or a phase of no year or longer than construction). */
gboolean kt_rd_expected (const KtProjectData *data,
                         const KtRules       *rules,
                         KtRdExpected        *out);

G_END_DECLS
