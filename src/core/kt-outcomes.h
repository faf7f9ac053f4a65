/* kt-outcomes.h — what uncertainty analyses move (drivers) and watch (indicators) (MODEL.md §10)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sensitivity, scenarios and Monte Carlo all do the same thing: set some
 * drivers, evaluate the engine, read a few indicators.  This file is that
 * common step, so that the three agree to the last digit.
 */
#pragma once

#include "kt-model.h"

G_BEGIN_DECLS

/* The indicators watched, in report order. */
typedef enum {
  KT_OUTCOME_PROJECT_NPV,    /* project NPV at WACC (§8), VND */
  KT_OUTCOME_PROJECT_IRR,    /* FIRR; NAN when there is none */
  KT_OUTCOME_EQUITY_IRR,     /* NAN when there is none */
  KT_OUTCOME_DSCR_MIN,       /* NAN without debt service */
  KT_OUTCOME_FISCAL_COST,    /* the state's net fiscal cost: − fiscal NPV at the social rate (§8) */
  KT_OUTCOME_STATE_PAYOUTS,  /* PV at the social rate of the state's §9 payouts */
  KT_N_OUTCOMES
} KtOutcome;

typedef enum {
  KT_OUTCOME_KIND_MONEY,     /* VND */
  KT_OUTCOME_KIND_RATE,      /* a fraction, shown as a percentage */
  KT_OUTCOME_KIND_RATIO,     /* a multiple */
} KtOutcomeKind;

/* Stable ASCII key ("project_npv", …): a JSON contract of khathi-cli. */
const char    *kt_outcome_key          (KtOutcome            outcome);
/* Translated label. */
const char    *kt_outcome_label        (KtOutcome            outcome);
KtOutcomeKind  kt_outcome_kind         (KtOutcome            outcome);

/* The state's payout of year t under the guarantees and revenue sharing of
 * MODEL.md §9 (guarantee payouts + revenue sharing paid by the state), nominal. */
double         kt_outcome_state_payout (const KtModel       *model,
                                        int                  t);
/* Reads every outcome of the last evaluation. */
void           kt_outcomes_read        (const KtModel       *model,
                                        const KtProjectData *data,
                                        double              *outcomes);
/* For many evaluations of one project (Monte Carlo): the factors
 * kt_outcomes_read discounts year t's state payout by, t = 0 … n − 1, once… */
void           kt_outcomes_discounts   (const KtProjectData *data,
                                        int                  n,
                                        double              *discounts);
/* … then kt_outcomes_read with them (n ≥ model->n_years), the same doubles,
 * which also leaves each year's kt_outcome_state_payout in `payouts`
 * (model->n_years values). */
void           kt_outcomes_read_with   (const KtModel       *model,
                                        const double        *discounts,
                                        double              *payouts,
                                        double              *outcomes);

/* The drivers of one evaluation: the engine's multipliers and the two drivers
 * the engine reads from the document (MODEL.md §9). */
typedef struct {
  KtDrivers engine;
  double    fx_rate;     /* multiplier of the FX depreciation path; 1 = as documented */
  double    rd_success;  /* ≥ 0.5: the R&D phase succeeds, < 0.5: it fails; NAN = as documented */
} KtDriverValues;

void           kt_driver_values_init   (KtDriverValues      *values);
/* Sets one driver: a multiplier, or whole years for the delay (rounded,
 * ≥ 0), or a success flag for R&D.  Multipliers of amounts that cannot be
 * negative are floored at 0; inflation at the multiplier that makes the rate
 * −99 % (needs the project's base rate, hence `data`). */
void           kt_driver_values_set    (KtDriverValues      *values,
                                        const KtProjectData *data,
                                        KtDriver             driver,
                                        double               value);
double         kt_driver_values_get    (const KtDriverValues *values,
                                        KtDriver             driver);
/* TRUE when the driver is read from a document copy (fx-rate, rd-success). */
gboolean       kt_driver_needs_scratch (KtDriver             driver);
/* The base quantity an absolute distribution replaces, in the document's
 * units: capex total at base prices, total capacity, capacity-weighted
 * tariff, fixed opex per year, debt-weighted loan rate, state payments per
 * year (BT: the settled payment), inflation rate, FX depreciation; 1 for the
 * delay (years) and R&D success (a flag).  NAN when the project has none. */
double         kt_driver_reference     (const KtProjectData *data,
                                        KtDriver             driver);
/* Evaluates with `values`.  `scratch` is a copy of `data`
 * (kt_project_data_copy) or NULL; it is written only for fx-rate and
 * rd-success values that differ from the document, and must then be given. */
gboolean       kt_driver_evaluate      (KtModel             *model,
                                        const KtProjectData *data,
                                        KtProjectData       *scratch,
                                        const KtRules       *rules,
                                        const KtDriverValues *values);
/* Whether moving `driver` changes any outcome of the project at all (delay:
 * by a year; R&D: failure; others: ×1.2).  Used to warn about a distribution
 * or sensitivity that cannot matter (no loans, no state payments …). */
gboolean       kt_driver_has_effect    (KtModel             *model,
                                        const KtProjectData *data,
                                        const KtRules       *rules,
                                        KtDriver             driver);

G_END_DECLS
