/* kt-model.h — the financial engine: statements and indicators of a project (MODEL.md §1–8, §12)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A KtModel is a workspace sized for one project shape (years, lines, loans).
 * kt_model_evaluate() fills it from a document, the resolved rules and optional
 * drivers without allocating memory, so that the editor recomputes on every
 * keystroke and Monte Carlo reuses one workspace per thread.  The workspace is
 * plain data: every per-year series is a `double *` of `n_years` values (index
 * t = 0 … n_years − 1, calendar year start_year + t), read-only for callers.
 * Money is nominal VND, never rounded (MODEL.md, preamble).
 */
#pragma once

#include <glib.h>

#include "kt-metrics.h"
#include "kt-problem.h"
#include "kt-project.h"
#include "kt-rules.h"

G_BEGIN_DECLS

/* Multipliers the sensitivity, scenario and Monte Carlo layers move (MODEL.md
 * §10).  kt_drivers_init() gives the base case; a NULL KtDrivers means the same. */
typedef struct {
  double capex;          /* initial and replacement capex at base prices */
  double demand;         /* volumes of every revenue stream */
  double tariff;         /* tariffs of every revenue stream */
  double opex;           /* fixed and variable opex and major maintenance */
  double interest_rate;  /* every loan's rate, construction and operation */
  double state_payment;  /* state service payments (and the BT payment) */
  double inflation;      /* the general inflation rate of MODEL.md §2 (deflates only) */
  int    delay;          /* whole years added at the end of construction: capex keeps its
                          * years, loans accrue IDC through the idle years, operation
                          * moves later with O unchanged (N grows); none when C = 0 */
} KtDrivers;

void kt_drivers_init (KtDrivers *drivers);

/* Per-year series.  Investor's view unless stated; all nominal. */
typedef struct {
  /* §2 */
  double *deflator;          /* (1 + i)^-t */

  /* §3 investment */
  double *capex;             /* initial lines, escalated */
  double *contingency;
  double *duty;              /* import duty of initial lines */
  double *replacement;       /* replacement capex, escalated, without duty */
  double *replacement_duty;
  double *idc;               /* interest during construction (§6) */
  double *fees;              /* loan fees (§6) */
  double *need;              /* construction need: all of the above */

  /* §6 construction sources */
  double *support;           /* state capital support */
  double *equity;            /* investor contributions in construction */
  double *draws;             /* loan draws, all loans */

  /* §5 operations */
  double *revenue;           /* user revenue (revenue streams) */
  double *state_payments;    /* state service payments (BT payment included) */
  /* §9, written by kt-model-sharing.c (band and MRG after the operations,
   * R&D compensation after the investment, the FX guarantee inside the
   * sculpting loop).  They reach assessable income, CFADS, the project,
   * equity and fiscal flows and the statements (the FX payout only the
   * financing side: not the project flow nor tax as if no debt).  The
   * break-even probe holds them fixed at the run's values. */
  double *sharing_receipts;  /* revenue sharing paid by the state to the investor */
  double *sharing_payments;  /* revenue sharing paid by the investor to the state */
  double *guarantees;        /* guarantee and risk-sharing payouts to the investor */
  double *opex_fixed;
  double *opex_variable;
  double *maintenance;
  double *land_rent;
  double *concession_fees;
  double *opex;              /* total of the five above */
  double *opex_rd;           /* R&D opex lines (part of opex_fixed) */
  double *st_exempt;         /* exempt S&T income: revenue less variable opex (§7) */
  double *receivables;
  double *payables;
  double *nwc;
  double *delta_nwc;         /* cash outflow when positive */

  /* §4 depreciation and the end of the contract */
  double *depreciation;
  double *depreciation_idc;  /* part of it on capitalised IDC and fees */
  double *fixed_assets;      /* net book value at year end, construction in progress included */
  double *fixed_assets_idc;  /* part of it from capitalised IDC and fees */
  double *writeoff;          /* NBV leaving the investor in year N−1 (not BOO) */
  double *writeoff_idc;
  double *transfer_price;    /* cash in year N−1 (not BOO) */
  double *loss_on_transfer;  /* writeoff − transfer price */
  double *terminal_project;  /* BOO terminal value in the project flow */
  double *terminal_equity;   /* BOO terminal value less debt outstanding */

  /* §6 loans in operation, all loans */
  double *interest;          /* operation years; construction interest is idc */
  double *principal;
  double *debt_service;
  double *debt_balance;      /* year end */

  /* §7 tax, actual */
  double *rd_extra;          /* extra R&D deduction */
  double *assessable;
  double *loss_used;
  double *loss_expired;
  double *loss_pool;         /* losses still carried at year end */
  double *taxable;
  double *cit_rate;          /* rate applied: the year's rate × (0, 0.5 or 1) */
  double *tax;
  /* §8 tax as if there were no debt */
  double *assessable_nd;
  double *loss_used_nd;
  double *taxable_nd;
  double *cit_rate_nd;
  double *tax_nd;

  /* §8 statements */
  double *ebitda;            /* revenue + state payments + sharing net + guarantees − opex */
  double *ebit;
  double *ebt;
  double *net_income;
  double *cfo;
  double *cfi;
  double *cff;
  double *net_cash;          /* cash is nil: must be 0 */
  double *paid_in;           /* investor paid-in equity, year end */
  double *state_capital;     /* state capital support, year end */
  double *retained;          /* cumulative net income − cumulative distributions */
  double *total_assets;
  double *total_liabilities; /* payables + loans + paid-in + state capital + retained */
  double *bs_difference;     /* total_assets − total_liabilities */
  double *sources;           /* sources of funds (§12) */
  double *uses;              /* uses of funds (§12) */

  /* §8 cash flows */
  double *cfads;
  double *distributions;     /* CFADS − debt service (+ transfer price); < 0 an injection */
  double *equity_flow;       /* investor's: − contributions + distributions (+ BOO value) */
  double *project_flow;
  double *dscr;              /* NAN where there is no debt service */
  double *fiscal_flow;       /* the state's (§8) */
  double *economic_flow;
  double *economic_benefits; /* gross, for the economic B/C */
  double *economic_costs;

  /* §9 in detail (kt-model-sharing.c).  sharing_receipts is the band's
   * downside (state → investor), sharing_payments its upside (investor →
   * state); guarantees = mrg + fx_payout + rd_compensation. */
  double *plan_revenue;      /* P_t: stored plan, else the undriven base case */
  double *mrg;               /* minimum revenue guarantee payout */
  double *fx_payout;         /* FX guarantee payout (a financing flow: not in the project flow) */
  double *fx_loss;           /* investor's conversion loss on FX debt service (financing cost) */
  double *rd_compensation;   /* state's share of the sunk R&D cost beyond its support */
  double *benefit_state;     /* commercialisation benefit sharing paid to the state */
  double *benefit_institute; /* … paid to the research institute (three-party) */
  double *institute;         /* institute's construction contribution (three-party, §4) */
  double *fiscal_outlay;     /* support + service payments + payouts + downside sharing */
  double *fiscal_receipts;   /* upside sharing + benefits + CIT + duty + rent + fees + assets */
} KtModelYears;

typedef struct {
  double *draws;
  double *fees;
  double *idc;
  double *interest;          /* operation years */
  double *principal;
  double *balance;           /* year end */
  double  rate;              /* with the driver applied */
  double  cod_balance;
  double  tau;               /* sculpted loans (§6); NAN otherwise */
  int     first_repayment;   /* year index */
  int     maturity;          /* year index of the last instalment, may be ≥ n_years */
} KtModelLoan;

typedef enum {
  KT_MODEL_ASSET_INITIAL,      /* a capex line of the document */
  KT_MODEL_ASSET_REPLACEMENT,  /* a replacement line */
  KT_MODEL_ASSET_FINANCING,    /* IDC and fees no depreciable line could take */
} KtModelAssetKind;

typedef struct {
  KtModelAssetKind kind;
  int     index;             /* row of the document's list, 0-based; −1 for FINANCING */
  int     start;             /* first year of depreciation */
  int     life;              /* years depreciated (after any cap by the term) */
  double  cost;              /* gross cost, allocated IDC and fees included */
  double  cost_idc;          /* allocated IDC and fees */
  double  depreciable;       /* cost depreciated (less the state-funded part, §4) */
  double *depreciation;      /* per year */
} KtModelAsset;

typedef struct {
  double      total_investment;   /* §3 */
  double      capex_total;        /* initial, construction years */
  double      contingency_total;
  double      duty_total;
  double      idc_total;
  double      fees_total;
  double      support_total;
  double      equity_total;       /* construction contributions */
  double      debt_total;         /* loan draws */

  double      project_npv;        /* at WACC (§8) */
  KtIrrResult project_irr;        /* reference WACC */
  double      project_mirr;
  double      payback;            /* years after the end of year 0; NAN: not reached */
  double      discounted_payback;
  double      bcr;
  double      break_even_volume;  /* volume multiplier with project NPV = 0; NAN: none */

  double      equity_npv;         /* at the cost of equity */
  KtIrrResult equity_irr;
  double      equity_mirr;

  double      dscr_min;           /* NAN without debt service */
  double      dscr_avg;
  int         dscr_min_year;      /* year index, −1 when none */
  double      llcr;

  double      fiscal_npv;         /* the state's flow at the social rate */
  double      peak_commitment;    /* largest annual state outlay (support + payments + payouts) */
  int         peak_commitment_year;

  double      enpv;               /* at the social rate */
  KtIrrResult eirr;
  double      ebcr;

  int         first_revenue_year; /* year index, −1 when none (§7) */
  int         holiday_start;      /* year index of the CIT holiday, −1 when none */
  int         holiday_start_nd;   /* the same for tax as if no debt */
  int         sculpt_iterations;
  gboolean    balance_ok;         /* the balance sheet balances every year */
  gboolean    sources_uses_ok;

  /* §9 and the state's side (kt-model-sharing.c) */
  double      public_assets_total;   /* contributed at valuation: non-cash source of funds */
  double      institute_total;       /* three-party institute contribution */
  double      fiscal_outlay_pv;      /* PV at the social rate of the state's outlays */
  double      fiscal_receipts_pv;    /* … of its receipts; fiscal_npv = receipts − outlays */
  double      sharing_receipts_total;/* nominal sums over the term */
  double      sharing_payments_total;
  double      guarantees_total;
  double      benefit_total;         /* benefit sharing, state + institute */
  double      rd_sunk_cost;          /* construction need of the R&D phase */
  gboolean    rd_stopped;            /* the R&D phase failed: the project stopped after it */
} KtModelResults;

/* The checks of MODEL.md §12 the engine runs, and the model's own. */
typedef enum {
  KT_CHECK_SOURCES_USES,
  KT_CHECK_BALANCE_SHEET,
  KT_CHECK_EQUITY_MINIMUM,
  KT_CHECK_STATE_CAP,
  KT_CHECK_EQUITY_INJECTION,
  KT_CHECK_DSCR,
  KT_CHECK_SCULPTING_TAU,
  KT_CHECK_CONTRACT_TERM,
  KT_CHECK_LOAN_REPAID,
  KT_CHECK_DECLINING_BALANCE,
  KT_CHECK_LOAN_SHARES,
  KT_CHECK_SUPPORT_NEED,
  KT_CHECK_SCULPTING_CONVERGED,
  KT_CHECK_DEBT_WITHOUT_CONSTRUCTION,
  KT_CHECK_BT_TERM,
  KT_CHECK_BAND_RANGE,          /* §9: L, U outside the rule set's negotiable ranges */
  KT_CHECK_SHARING_FORM,        /* §9: band side not allowed for the form (ignored) */
  KT_CHECK_OM_CONSTRUCTION,     /* O&M with construction years */
  KT_CHECK_THREE_PARTY_SHARES,  /* three-party funding shares do not sum to 1 */
  KT_N_CHECKS
} KtCheck;

/* One failed check, recorded during evaluation without allocating. */
typedef struct {
  KtCheck check;
  int     index;     /* 0-based row (loan, capex line …) or −1 */
  int     year;      /* year index or −1 */
  double  value;     /* what was found */
  double  limit;     /* what was required */
} KtFinding;

typedef struct _KtModelPrivate KtModelPrivate;

typedef struct {
  int             n_years;
  int             construction_years;  /* delay included */
  int             operation_years;
  int             start_year;
  gboolean        boo;                 /* the investor keeps the assets (§4) */
  gboolean        real;                /* indicators on deflated flows (§2) */
  KtModelYears    y;
  int             n_loans;
  KtModelLoan    *loans;
  int             n_assets;
  KtModelAsset   *assets;
  KtModelResults  r;
  gboolean        check_run[KT_N_CHECKS];
  int             n_findings;
  int             n_findings_dropped;  /* beyond the preallocated capacity */
  KtFinding      *findings;
  KtModelPrivate *priv;
} KtModel;

/* A workspace sized for `data` (and `extra_years` of delay, for Monte Carlo). */
KtModel    *kt_model_new               (const KtProjectData *data,
                                        int                  extra_years);
void        kt_model_free              (KtModel             *model);
/* Computes everything.  Allocates only when `data` (or the delay) needs a
 * larger workspace than the one at hand.  Returns FALSE when the timeline has
 * no year (nothing computed); checks report everything else. */
gboolean    kt_model_evaluate          (KtModel             *model,
                                        const KtProjectData *data,
                                        const KtRules       *rules,
                                        const KtDrivers     *drivers);
/* Monte Carlo needs only the outcomes it summarises: with `outcomes_only`,
 * later evaluations of this workspace skip the economic flow's indicators,
 * break-even, MIRR, the paybacks and the checks (left NAN / not run), and of
 * the statements compute only the cash flows (distributions, equity and
 * project flows); the income statement, cash-flow statement, balance sheet
 * and sources and uses stay 0.  Every other series and the project, equity,
 * debt and fiscal indicators are computed as always. */
void        kt_model_set_outcomes_only (KtModel             *model,
                                        gboolean             outcomes_only);
/* Reruns the checks on the model's figures, e.g. after a caller changed them. */
void        kt_model_run_checks        (KtModel             *model,
                                        const KtProjectData *data,
                                        const KtRules       *rules);
/* Project NPV (§8) with every revenue-stream volume multiplied by `volume`,
 * everything else as last evaluated; `data` and `rules` must be those of the
 * last kt_model_evaluate().  What the break-even solver probes; at volume 1
 * it is r.project_npv.  Allocation-free. */
double      kt_model_project_npv_at_volume (KtModel             *model,
                                            const KtProjectData *data,
                                            const KtRules       *rules,
                                            double               volume);

/* Checks: stable code ("balance_sheet"), severity and whether it failed. */
const char *kt_check_code              (KtCheck              check);
KtSeverity  kt_check_severity          (KtCheck              check);
/* What the check verifies, translated (for passed checks in reports). */
const char *kt_check_description       (KtCheck              check);
gboolean    kt_model_check_passed      (const KtModel       *model,
                                        KtCheck              check);
/* Appends a KtProblem (kt-problem.h) per finding, with its schema path and
 * calendar year and a translated message. */
void        kt_model_append_problems   (const KtModel       *model,
                                        const KtProjectData *data,
                                        GPtrArray           *problems);

/* Statements as tables for display and export (rows = line items).  Costs
 * and cash going out are negative, so subtotals add up down the table. */
typedef enum {
  KT_MODEL_ROW_MONEY,   /* VND */
  KT_MODEL_ROW_RATIO,   /* a multiple or factor (DSCR, deflator); NAN: none */
  KT_MODEL_ROW_RATE,    /* a fraction, shown as a percentage */
} KtModelRowKind;

typedef struct {
  char          *key;     /* stable ASCII id, e.g. "net-income", "loan-2-balance" */
  char          *label;   /* translated */
  double        *values;  /* n_years, owned */
  gboolean       total;   /* a subtotal or total line */
  KtModelRowKind kind;
} KtModelRow;

typedef struct {
  char      *name;    /* "income", … */
  char      *title;   /* translated */
  int        n_years;
  int        start_year;
  GPtrArray *rows;    /* KtModelRow* */
} KtModelTable;

/* NULL-terminated: income, cashflow, balance, equity, debt, sources-uses, tax,
 * depreciation. */
const char * const *kt_model_table_names (void);
/* NULL for an unknown name. */
KtModelTable *kt_model_table_new        (const KtModel       *model,
                                         const KtProjectData *data,
                                         const char          *name);
void          kt_model_table_free       (KtModelTable        *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtModel, kt_model_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtModelTable, kt_model_table_free)

G_END_DECLS
