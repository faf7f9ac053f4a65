/* kt-schema.c — the field tables of the document and generic record operations
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stddef.h>
#include <string.h>

#include "kt-project.h"
#include "kt-schema.h"

#define INF G_MAXDOUBLE
#define M   1e18   /* bound on any money amount: far above any real project, below overflow */

#define STR(st, f, nm, fl, lbl) \
  { nm, KT_FT_STRING, offsetof (st, f), NULL, NULL, 0, 0, 0, KT_UNIT_NONE, fl, lbl }
#define TXT(st, f, nm, fl, lbl) \
  { nm, KT_FT_TEXT, offsetof (st, f), NULL, NULL, 0, 0, 0, KT_UNIT_NONE, fl, lbl }
#define DBL(st, f, nm, unit, lo, hi, d, lbl) \
  { nm, KT_FT_DOUBLE, offsetof (st, f), NULL, NULL, lo, hi, d, unit, 0, lbl }
#define INT(st, f, nm, unit, lo, hi, d, lbl) \
  { nm, KT_FT_INT, offsetof (st, f), NULL, NULL, lo, hi, d, unit, 0, lbl }
#define U64(st, f, nm, d, lbl) \
  { nm, KT_FT_UINT64, offsetof (st, f), NULL, NULL, 0, 0, d, KT_UNIT_NONE, 0, lbl }
#define BOOL(st, f, nm, d, lbl) \
  { nm, KT_FT_BOOL, offsetof (st, f), NULL, NULL, 0, 1, d, KT_UNIT_NONE, 0, lbl }
#define ENUM(st, f, nm, info, d, lbl) \
  { nm, KT_FT_ENUM, offsetof (st, f), &info, NULL, 0, 0, d, KT_UNIT_NONE, 0, lbl }
/* Optional: absent while NAN (kt_field_present). */
#define OPT_DBL(st, f, nm, unit, lo, hi, lbl) \
  { nm, KT_FT_DOUBLE, offsetof (st, f), NULL, NULL, lo, hi, NAN, unit, KT_FIELD_OPTIONAL, lbl }
#define ATTR(st, f, nm, lbl) \
  { nm, KT_FT_STRING, offsetof (st, f), NULL, NULL, 0, 0, 0, KT_UNIT_NONE, KT_FIELD_ATTRIBUTE, lbl }
#define DBLS(st, f, nm, unit, lo, hi, lbl) \
  { nm, KT_FT_DOUBLES, offsetof (st, f), NULL, NULL, lo, hi, 0, unit, 0, lbl }
#define INTS(st, f, nm, unit, lo, hi, lbl) \
  { nm, KT_FT_INTS, offsetof (st, f), NULL, NULL, lo, hi, 0, unit, 0, lbl }
#define GROUP(nm, rec, lbl) \
  { nm, KT_FT_GROUP, 0, NULL, &rec, 0, 0, 0, KT_UNIT_NONE, 0, lbl }
#define REC(st, f, nm, rec, lbl) \
  { nm, KT_FT_RECORD, offsetof (st, f), NULL, &rec, 0, 0, 0, KT_UNIT_NONE, 0, lbl }
#define LIST(st, f, nm, rec, lbl) \
  { nm, KT_FT_LIST, offsetof (st, f), NULL, &rec, 0, 0, 0, KT_UNIT_NONE, 0, lbl }
#define DESC(var, item, st, lbl) \
  static const KtRecordDesc var = { item, sizeof (st), var##_fields, G_N_ELEMENTS (var##_fields), lbl }

/* ---- list items ---- */

static const KtFieldDesc text_fields[] = {
  STR (KtText, vi, "vi", KT_FIELD_MULTILINE, N_("Vietnamese")),
  STR (KtText, en, "en", KT_FIELD_MULTILINE, N_("English")),
};

static const KtFieldDesc proposer_desc_fields[] = {
  STR (KtProposer, name, "name", KT_FIELD_REQUIRED, N_("Enterprise")),
  STR (KtProposer, tax_code, "tax-code", 0, N_("Tax code")),
  STR (KtProposer, address, "address", 0, N_("Address")),
  STR (KtProposer, representative, "representative", 0, N_("Legal representative")),
  STR (KtProposer, email, "email", 0, N_("Email")),
  STR (KtProposer, phone, "phone", 0, N_("Phone")),
};
DESC (proposer_desc, "proposer", KtProposer, N_("Proposer"));

static const KtFieldDesc capex_desc_fields[] = {
  STR (KtCapexLine, name, "name", KT_FIELD_REQUIRED, N_("Name")),
  ENUM (KtCapexLine, category, "category", kt_capex_category_info, KT_CAPEX_EQUIPMENT, N_("Category")),
  DBLS (KtCapexLine, amounts, "amounts", KT_UNIT_VND, 0, M, N_("Amount by construction year")),
  DBL (KtCapexLine, escalation, "escalation", KT_UNIT_RATE, -0.5, 1, 0, N_("Escalation")),
  INT (KtCapexLine, useful_life, "useful-life", KT_UNIT_YEARS, 0, 100, 5, N_("Useful life")),
  ENUM (KtCapexLine, method, "method", kt_depreciation_method_info, KT_DEPRECIATION_STRAIGHT_LINE, N_("Depreciation method")),
  DBL (KtCapexLine, share_imported, "share-imported", KT_UNIT_SHARE, 0, 1, 0, N_("Share imported")),
  DBL (KtCapexLine, contingency_rate, "contingency-rate", KT_UNIT_RATE, -1, 1, -1, N_("Contingency rate (−1: project rate)")),
  STR (KtCapexLine, note, "note", KT_FIELD_MULTILINE, N_("Note")),
};
DESC (capex_desc, "line", KtCapexLine, N_("Capex line"));

static const KtFieldDesc replacement_desc_fields[] = {
  STR (KtReplacement, name, "name", KT_FIELD_REQUIRED, N_("Name")),
  ENUM (KtReplacement, category, "category", kt_capex_category_info, KT_CAPEX_EQUIPMENT, N_("Category")),
  INT (KtReplacement, operation_year, "operation-year", KT_UNIT_COUNT, 1, 100, 1, N_("Operation year")),
  DBL (KtReplacement, amount, "amount", KT_UNIT_VND, 0, M, 0, N_("Amount")),
  DBL (KtReplacement, escalation, "escalation", KT_UNIT_RATE, -0.5, 1, 0, N_("Escalation")),
  INT (KtReplacement, useful_life, "useful-life", KT_UNIT_YEARS, 0, 100, 5, N_("Useful life")),
  ENUM (KtReplacement, method, "method", kt_depreciation_method_info, KT_DEPRECIATION_STRAIGHT_LINE, N_("Depreciation method")),
  DBL (KtReplacement, share_imported, "share-imported", KT_UNIT_SHARE, 0, 1, 0, N_("Share imported")),
  STR (KtReplacement, note, "note", KT_FIELD_MULTILINE, N_("Note")),
};
DESC (replacement_desc, "replacement", KtReplacement, N_("Replacement"));

static const KtFieldDesc revenue_desc_fields[] = {
  STR (KtRevenueStream, name, "name", KT_FIELD_REQUIRED, N_("Name")),
  STR (KtRevenueStream, unit, "unit", 0, N_("Unit")),
  DBL (KtRevenueStream, capacity, "capacity", KT_UNIT_NONE, 0, M, 0, N_("Volume per year at full ramp")),
  DBLS (KtRevenueStream, ramp, "ramp", KT_UNIT_SHARE, 0, 10, N_("Ramp-up by operation year")),
  DBL (KtRevenueStream, growth, "growth", KT_UNIT_RATE, -0.5, 1, 0, N_("Volume growth")),
  DBL (KtRevenueStream, tariff, "tariff", KT_UNIT_VND, 0, M, 0, N_("Tariff per unit")),
  DBL (KtRevenueStream, escalation, "escalation", KT_UNIT_RATE, -0.5, 1, 0, N_("Tariff escalation")),
  DBL (KtRevenueStream, variable_cost_share, "variable-cost-share", KT_UNIT_SHARE, 0, 1, 0, N_("Variable cost share")),
  INT (KtRevenueStream, exempt_years, "exempt-years", KT_UNIT_YEARS, 0, 3, 0, N_("Exempt S&T income years")),
  DBL (KtRevenueStream, commercialisation_share, "commercialisation-share", KT_UNIT_SHARE, 0, 1, 0, N_("Share from commercialised results")),
  STR (KtRevenueStream, note, "note", KT_FIELD_MULTILINE, N_("Note")),
};
DESC (revenue_desc, "stream", KtRevenueStream, N_("Revenue stream"));

static const KtFieldDesc payment_desc_fields[] = {
  STR (KtStatePayment, name, "name", KT_FIELD_REQUIRED, N_("Name")),
  DBL (KtStatePayment, amount, "amount", KT_UNIT_VND, 0, M, 0, N_("Amount per year")),
  DBL (KtStatePayment, escalation, "escalation", KT_UNIT_RATE, -0.5, 1, 0, N_("Escalation")),
  DBL (KtStatePayment, performance_deduction, "performance-deduction", KT_UNIT_SHARE, 0, 1, 0, N_("Performance deduction")),
  INT (KtStatePayment, first_year, "first-year", KT_UNIT_COUNT, 1, 100, 1, N_("First operation year")),
  INT (KtStatePayment, last_year, "last-year", KT_UNIT_COUNT, 0, 100, 0, N_("Last operation year (0: to the end)")),
  STR (KtStatePayment, note, "note", KT_FIELD_MULTILINE, N_("Note")),
};
DESC (payment_desc, "payment", KtStatePayment, N_("State service payment"));

static const KtFieldDesc opex_desc_fields[] = {
  STR (KtOpexLine, name, "name", KT_FIELD_REQUIRED, N_("Name")),
  DBL (KtOpexLine, amount, "amount", KT_UNIT_VND, 0, M, 0, N_("Amount per year")),
  DBL (KtOpexLine, escalation, "escalation", KT_UNIT_RATE, -0.5, 1, 0, N_("Escalation")),
  BOOL (KtOpexLine, rd, "rd", FALSE, N_("R&D cost")),
  STR (KtOpexLine, note, "note", KT_FIELD_MULTILINE, N_("Note")),
};
DESC (opex_desc, "line", KtOpexLine, N_("Operating cost line"));

static const KtFieldDesc maintenance_desc_fields[] = {
  STR (KtMaintenance, name, "name", KT_FIELD_REQUIRED, N_("Name")),
  DBL (KtMaintenance, amount, "amount", KT_UNIT_VND, 0, M, 0, N_("Amount each time")),
  DBL (KtMaintenance, escalation, "escalation", KT_UNIT_RATE, -0.5, 1, 0, N_("Escalation")),
  INTS (KtMaintenance, years, "years", KT_UNIT_COUNT, 1, 100, N_("Operation years")),
  STR (KtMaintenance, note, "note", KT_FIELD_MULTILINE, N_("Note")),
};
DESC (maintenance_desc, "item", KtMaintenance, N_("Major maintenance"));

static const KtFieldDesc loan_desc_fields[] = {
  STR (KtLoan, name, "name", KT_FIELD_REQUIRED, N_("Name")),
  STR (KtLoan, lender, "lender", 0, N_("Lender")),
  DBL (KtLoan, share_of_debt, "share-of-debt", KT_UNIT_SHARE, 0, 1, 1, N_("Share of debt")),
  DBL (KtLoan, rate, "rate", KT_UNIT_RATE, 0, 1, 0.09, N_("Interest rate")),
  DBL (KtLoan, fee_rate, "fee-rate", KT_UNIT_RATE, 0, 0.2, 0.005, N_("Upfront fee")),
  INT (KtLoan, grace_years, "grace-years", KT_UNIT_YEARS, 0, 50, 1, N_("Grace years after COD")),
  INT (KtLoan, tenor_years, "tenor-years", KT_UNIT_YEARS, 1, 50, 10, N_("Tenor from COD")),
  ENUM (KtLoan, repayment, "repayment", kt_repayment_info, KT_REPAYMENT_EQUAL_PRINCIPAL, N_("Repayment")),
  DBL (KtLoan, target_dscr, "target-dscr", KT_UNIT_FACTOR, 0, 100, 1.3, N_("Target DSCR (sculpted)")),
  BOOL (KtLoan, foreign_currency, "foreign-currency", FALSE, N_("Serviced in foreign currency")),
};
DESC (loan_desc, "loan", KtLoan, N_("Loan"));

static const KtFieldDesc asset_desc_fields[] = {
  STR (KtPublicAsset, name, "name", KT_FIELD_REQUIRED, N_("Name")),
  ENUM (KtPublicAsset, kind, "kind", kt_asset_kind_info, KT_ASSET_LAND, N_("Kind")),
  DBL (KtPublicAsset, value, "value", KT_UNIT_VND, 0, M, 0, N_("Valuation")),
  STR (KtPublicAsset, valuation_basis, "valuation-basis", KT_FIELD_MULTILINE, N_("Valuation basis")),
};
DESC (asset_desc, "asset", KtPublicAsset, N_("Public asset"));

static const KtFieldDesc override_rule_desc_fields[] = {
  STR (KtRuleOverride, key, "key", KT_FIELD_REQUIRED, N_("Parameter")),
  DBL (KtRuleOverride, value, "value", KT_UNIT_NONE, -M, M, 0, N_("Value")),
  STR (KtRuleOverride, justification, "justification", KT_FIELD_MULTILINE, N_("Justification")),
};
DESC (override_rule_desc, "override", KtRuleOverride, N_("Rule override"));

static const KtFieldDesc risk_desc_fields[] = {
  STR (KtRisk, id, "id", KT_FIELD_REQUIRED, N_("Code")),
  ENUM (KtRisk, category, "category", kt_risk_category_info, KT_RISK_OTHER, N_("Category")),
  TXT (KtRisk, description, "description", KT_FIELD_MULTILINE, N_("Description")),
  INT (KtRisk, likelihood, "likelihood", KT_UNIT_SCALE, 1, 5, 3, N_("Likelihood")),
  INT (KtRisk, impact, "impact", KT_UNIT_SCALE, 1, 5, 3, N_("Impact")),
  ENUM (KtRisk, owner, "owner", kt_owner_info, KT_OWNER_INVESTOR, N_("Owner")),
  DBL (KtRisk, state_share, "state-share", KT_UNIT_SHARE, 0, 1, 0, N_("State's share")),
  TXT (KtRisk, mitigation, "mitigation", KT_FIELD_MULTILINE, N_("Mitigation")),
  DBL (KtRisk, expected_cost, "expected-cost", KT_UNIT_VND, 0, M, 0, N_("Expected cost")),
  ENUM (KtRisk, driver, "driver", kt_driver_info, KT_DRIVER_NONE, N_("Model driver")),
  TXT (KtRisk, justification, "justification", KT_FIELD_MULTILINE, N_("Justification of the allocation")),
};
DESC (risk_desc, "risk", KtRisk, N_("Risk"));

static const KtFieldDesc uncertainty_desc_fields[] = {
  ENUM (KtUncertainty, driver, "driver", kt_driver_info, KT_DRIVER_DEMAND, N_("Driver")),
  ENUM (KtUncertainty, dist, "distribution", kt_dist_info, KT_DIST_TRIANGULAR, N_("Distribution")),
  ENUM (KtUncertainty, mode, "mode", kt_dist_mode_info, KT_DIST_MODE_MULTIPLIER, N_("Applied as")),
  DBL (KtUncertainty, a, "a", KT_UNIT_NONE, -M, M, 0.8, N_("Parameter a")),
  DBL (KtUncertainty, b, "b", KT_UNIT_NONE, -M, M, 1.0, N_("Parameter b")),
  DBL (KtUncertainty, c, "c", KT_UNIT_NONE, -M, M, 1.2, N_("Parameter c")),
  DBLS (KtUncertainty, values, "values", KT_UNIT_NONE, -M, M, N_("Discrete values")),
  DBLS (KtUncertainty, probabilities, "probabilities", KT_UNIT_SHARE, 0, 1, N_("Discrete probabilities")),
};
DESC (uncertainty_desc, "distribution", KtUncertainty, N_("Distribution"));

static const KtFieldDesc correlation_desc_fields[] = {
  ENUM (KtCorrelation, a, "a", kt_driver_info, KT_DRIVER_DEMAND, N_("First driver")),
  ENUM (KtCorrelation, b, "b", kt_driver_info, KT_DRIVER_TARIFF, N_("Second driver")),
  DBL (KtCorrelation, rho, "rho", KT_UNIT_FACTOR, -1, 1, 0, N_("Correlation")),
};
DESC (correlation_desc, "correlation", KtCorrelation, N_("Correlation"));

static const KtFieldDesc scenario_override_desc_fields[] = {
  ENUM (KtOverride, driver, "driver", kt_driver_info, KT_DRIVER_DEMAND, N_("Driver")),
  DBL (KtOverride, factor, "factor", KT_UNIT_FACTOR, -100, 100, 1, N_("Factor")),
};
DESC (scenario_override_desc, "override", KtOverride, N_("Override"));

static const KtFieldDesc scenario_desc_fields[] = {
  STR (KtScenario, name, "name", KT_FIELD_REQUIRED, N_("Name")),
  TXT (KtScenario, description, "description", KT_FIELD_MULTILINE, N_("Description")),
  LIST (KtScenario, overrides, "overrides", scenario_override_desc, N_("Overrides")),
};
DESC (scenario_desc, "scenario", KtScenario, N_("Scenario"));

static const KtFieldDesc externality_desc_fields[] = {
  STR (KtExternality, name, "name", KT_FIELD_REQUIRED, N_("Name")),
  DBL (KtExternality, amount, "amount", KT_UNIT_VND, 0, M, 0, N_("Amount per year")),
  DBL (KtExternality, escalation, "escalation", KT_UNIT_RATE, -0.5, 1, 0, N_("Escalation")),
  BOOL (KtExternality, cost, "cost", FALSE, N_("External cost")),
  STR (KtExternality, note, "note", KT_FIELD_MULTILINE, N_("Note")),
};
DESC (externality_desc, "externality", KtExternality, N_("External benefit or cost"));

/* ---- embedded records ---- */

static const KtFieldDesc sharing_desc_fields[] = {
  BOOL (KtRiskSharing, band_enabled, "band-enabled", FALSE, N_("Revenue sharing band")),
  DBL (KtRiskSharing, lower, "lower", KT_UNIT_SHARE, 0, 2, 0.75, N_("Lower threshold")),
  DBL (KtRiskSharing, upper, "upper", KT_UNIT_SHARE, 0, 5, 1.25, N_("Upper threshold")),
  DBL (KtRiskSharing, share_down, "share-down", KT_UNIT_SHARE, 0, 1, 0.5, N_("State's share of a shortfall")),
  DBL (KtRiskSharing, share_up, "share-up", KT_UNIT_SHARE, 0, 1, 0.5, N_("Investor's share of an excess paid to the state")),
  DBL (KtRiskSharing, annual_cap, "annual-cap", KT_UNIT_VND, 0, M, 0, N_("Annual cap on state payments")),
  DBL (KtRiskSharing, total_cap, "total-cap", KT_UNIT_VND, 0, M, 0, N_("Total cap on state payments")),
  BOOL (KtRiskSharing, st_first_years, "st-first-years", FALSE, N_("S&T rule in operation years 1–3")),
  DBLS (KtRiskSharing, plan_revenue, "plan-revenue", KT_UNIT_VND, 0, M, N_("Approved plan revenue by year")),
  DBLS (KtRiskSharing, actual_to_plan, "actual-to-plan", KT_UNIT_FACTOR, 0, 10, N_("Actual-to-plan demand by operation year")),
  BOOL (KtRiskSharing, mrg_enabled, "mrg-enabled", FALSE, N_("Minimum revenue guarantee")),
  DBL (KtRiskSharing, mrg_share, "mrg-share", KT_UNIT_SHARE, 0, 1, 0.7, N_("Guaranteed share of plan revenue")),
  BOOL (KtRiskSharing, fx_enabled, "fx-enabled", FALSE, N_("Foreign-currency guarantee")),
  DBL (KtRiskSharing, fx_share, "fx-share", KT_UNIT_SHARE, 0, 1, 0, N_("Share of debt service in foreign currency")),
  DBL (KtRiskSharing, fx_base_rate, "fx-base-rate", KT_UNIT_NONE, 0, M, 25000, N_("Base exchange rate (VND per unit)")),
  DBL (KtRiskSharing, fx_depreciation, "fx-depreciation", KT_UNIT_RATE, -0.5, 1, 0.03, N_("VND depreciation per year")),
  DBL (KtRiskSharing, fx_band, "fx-band", KT_UNIT_SHARE, 0, 10, 0.1, N_("Depreciation borne by the investor")),
  BOOL (KtRiskSharing, rd_enabled, "rd-enabled", FALSE, N_("R&D risk acceptance")),
  INT (KtRiskSharing, rd_phase_years, "rd-phase-years", KT_UNIT_YEARS, 0, 20, 0, N_("R&D phase years")),
  DBL (KtRiskSharing, rd_success_probability, "rd-success-probability", KT_UNIT_SHARE, 0, 1, 1, N_("Probability of R&D success")),
  DBL (KtRiskSharing, rd_state_share, "rd-state-share", KT_UNIT_SHARE, 0, 1, 0, N_("State's share of sunk cost on failure")),
  BOOL (KtRiskSharing, rd_failed, "rd-failed", FALSE, N_("Evaluate the R&D failure case")),
  DBL (KtRiskSharing, benefit_share_state, "benefit-share-state", KT_UNIT_SHARE, 0, 1, 0, N_("State's share of commercialisation income")),
  DBL (KtRiskSharing, benefit_share_institute, "benefit-share-institute", KT_UNIT_SHARE, 0, 1, 0, N_("Institute's share of commercialisation income")),
};
DESC (sharing_desc, "sharing", KtRiskSharing, N_("State support and guarantees"));

static const KtFieldDesc terms_desc_fields[] = {
  DBL (KtFormTerms, three_party_state, "three-party-state", KT_UNIT_SHARE, 0, 1, 0, N_("Three-party: state's share of funding")),
  DBL (KtFormTerms, three_party_enterprise, "three-party-enterprise", KT_UNIT_SHARE, 0, 1, 0, N_("Three-party: enterprise's share")),
  DBL (KtFormTerms, three_party_institute, "three-party-institute", KT_UNIT_SHARE, 0, 1, 0, N_("Three-party: institute's share")),
  DBL (KtFormTerms, bt_settled_value, "bt-settled-value", KT_UNIT_VND, 0, M, 0, N_("BT: settled value")),
  DBL (KtFormTerms, bt_interest, "bt-interest", KT_UNIT_VND, 0, M, 0, N_("BT: interest")),
  DBL (KtFormTerms, bt_profit, "bt-profit", KT_UNIT_VND, 0, M, 0, N_("BT: reasonable profit")),
  DBL (KtFormTerms, transfer_price, "transfer-price", KT_UNIT_VND, 0, M, 0, N_("Transfer price")),
  DBL (KtFormTerms, salvage_value, "salvage-value", KT_UNIT_VND, -1, M, -1, N_("BOO salvage value (−1: book value)")),
};
DESC (terms_desc, "terms", KtFormTerms, N_("Contract terms"));

static const KtFieldDesc economics_desc_fields[] = {
  DBL (KtEconomics, conversion_revenue, "conversion-revenue", KT_UNIT_FACTOR, 0, 10, 1, N_("Conversion factor, revenue")),
  DBL (KtEconomics, conversion_capex, "conversion-capex", KT_UNIT_FACTOR, 0, 10, 0.9, N_("Conversion factor, investment")),
  DBL (KtEconomics, conversion_opex, "conversion-opex", KT_UNIT_FACTOR, 0, 10, 0.9, N_("Conversion factor, operating cost")),
  LIST (KtEconomics, externalities, "externalities", externality_desc, N_("External benefits and costs")),
  DBL (KtEconomics, psc_capex_overrun, "psc-capex-overrun", KT_UNIT_SHARE, 0, 5, 0.2, N_("PSC investment overrun")),
  DBL (KtEconomics, psc_opex_overrun, "psc-opex-overrun", KT_UNIT_SHARE, 0, 5, 0.1, N_("PSC operating cost overrun")),
  DBL (KtEconomics, state_borrowing_rate, "state-borrowing-rate", KT_UNIT_RATE, 0, 1, 0.05, N_("State borrowing rate")),
};
DESC (economics_desc, "economics", KtEconomics, N_("Economic analysis"));

static const KtFieldDesc simulation_desc_fields[] = {
  INT (KtSimulationSettings, iterations, "iterations", KT_UNIT_COUNT, 100, 100000000, 20000, N_("Iterations")),
  U64 (KtSimulationSettings, seed, "seed", 20251001, N_("Seed")),
  BOOL (KtSimulationSettings, lhs, "lhs", TRUE, N_("Latin hypercube sampling")),
};
DESC (simulation_desc, "simulation", KtSimulationSettings, N_("Simulation"));

/* The proposer's own figures, in the units of the inputs (VND, fractions).
 * Bounds only refuse garbage: a claim is compared, never used. */
static const KtFieldDesc claimed_desc_fields[] = {
  ATTR (KtClaimedFigures, engine, "engine", N_("Computed by")),
  ATTR (KtClaimedFigures, computed_at, "computed-at", N_("Computed at")),
  OPT_DBL (KtClaimedFigures, total_investment, "total-investment", KT_UNIT_VND, -M, M, N_("Total investment")),
  OPT_DBL (KtClaimedFigures, project_npv, "project-npv", KT_UNIT_VND, -M, M, N_("Project NPV")),
  OPT_DBL (KtClaimedFigures, project_irr, "project-irr", KT_UNIT_RATE, -1, 1000, N_("Project IRR")),
  OPT_DBL (KtClaimedFigures, equity_npv, "equity-npv", KT_UNIT_VND, -M, M, N_("Equity NPV")),
  OPT_DBL (KtClaimedFigures, equity_irr, "equity-irr", KT_UNIT_RATE, -1, 1000, N_("Equity IRR")),
  OPT_DBL (KtClaimedFigures, dscr_min, "dscr-min", KT_UNIT_FACTOR, -M, M, N_("Minimum DSCR")),
  OPT_DBL (KtClaimedFigures, llcr, "llcr", KT_UNIT_FACTOR, -M, M, N_("LLCR")),
  OPT_DBL (KtClaimedFigures, fiscal_npv, "fiscal-npv", KT_UNIT_VND, -M, M, N_("Fiscal NPV (state)")),
  OPT_DBL (KtClaimedFigures, enpv, "enpv", KT_UNIT_VND, -M, M, N_("ENPV")),
  OPT_DBL (KtClaimedFigures, eirr, "eirr", KT_UNIT_RATE, -1, 1000, N_("EIRR")),
  OPT_DBL (KtClaimedFigures, vfm, "vfm", KT_UNIT_VND, -M, M, N_("Value for money")),
};
DESC (claimed_desc, "claimed-figures", KtClaimedFigures, N_("Figures claimed by the proposer"));

#define CH(i, nm, lbl) \
  { nm, KT_FT_TEXT, (i) * sizeof (KtText), NULL, NULL, 0, 0, 0, KT_UNIT_NONE, KT_FIELD_MULTILINE, lbl }
/* Offsets relative to KtProjectData.chapters; keep in KtChapter order. */
static const KtFieldDesc chapters_desc_fields[] = {
  CH (KT_CHAPTER_NECESSITY, "necessity", N_("Rationale and advantage of PPP")),
  CH (KT_CHAPTER_OBJECTIVES, "objectives", N_("Objectives, scale, location, schedule, term")),
  CH (KT_CHAPTER_SCOPE, "scope", N_("Scope and component projects")),
  CH (KT_CHAPTER_TECHNOLOGY, "technology", N_("Technical and technology solution")),
  CH (KT_CHAPTER_RD_COMMERCIALISATION, "rd-commercialisation", N_("R&D and commercialisation")),
  CH (KT_CHAPTER_DATA_IP, "data-ip", N_("Data access, security and intellectual property")),
  CH (KT_CHAPTER_FORM_RATIONALE, "form-rationale", N_("Contract form and why")),
  CH (KT_CHAPTER_BENEFIT_SHARING, "benefit-sharing", N_("Benefit sharing")),
  CH (KT_CHAPTER_SANDBOX, "sandbox", N_("Regulatory sandbox")),
  CH (KT_CHAPTER_OPERATION, "operation", N_("Operation and service plan")),
  CH (KT_CHAPTER_SOCIAL_ENVIRONMENTAL, "social-environmental", N_("Social and environmental impact")),
  CH (KT_CHAPTER_IMPLEMENTATION, "implementation", N_("Implementation plan")),
  CH (KT_CHAPTER_CONCLUSION, "conclusion", N_("Conclusions and recommendations")),
  CH (KT_CHAPTER_RISK_ANALYSIS, "risk-analysis", N_("Risk analysis and sharing")),
  CH (KT_CHAPTER_INCENTIVES_GUARANTEES, "incentives-guarantees", N_("Incentives and investment guarantees")),
};
G_STATIC_ASSERT (G_N_ELEMENTS (chapters_desc_fields) == KT_N_CHAPTERS);
static const KtRecordDesc chapters_desc = {
  "chapters", KT_N_CHAPTERS * sizeof (KtText), chapters_desc_fields, KT_N_CHAPTERS, N_("Narrative chapters")
};

/* ---- sections of the project (groups over KtProjectData) ---- */

typedef KtProjectData P;

static const KtFieldDesc identity_desc_fields[] = {
  STR (P, id, "id", KT_FIELD_REQUIRED, N_("Project id")),
  TXT (P, name, "name", 0, N_("Project name")),
  REC (P, proposer, "proposer", proposer_desc, N_("Proposer")),
  STR (P, province, "province", 0, N_("Province or city")),
  ENUM (P, field, "field", kt_field_info, KT_FIELD_SHARED_PLATFORM, N_("Eligible field")),
  ENUM (P, domain, "domain", kt_domain_info, KT_DOMAIN_SMART_CITY, N_("Application domain")),
  ENUM (P, form, "form", kt_form_info, KT_FORM_BOT, N_("PPP form")),
  BOOL (P, st_project, "st-project", TRUE, N_("S&T project under Decree 180")),
  ENUM (P, status, "status", kt_status_info, KT_STATUS_DRAFT, N_("Status")),
  INT (P, version, "version", KT_UNIT_COUNT, 1, 1000000, 1, N_("Version")),
  STR (P, currency, "currency", 0, N_("Currency")),
  STR (P, rule_set, "rule-set", KT_FIELD_REQUIRED, N_("Rule set")),
  STR (P, created, "created", 0, N_("Created")),
  STR (P, modified, "modified", 0, N_("Modified")),
};
DESC (identity_desc, "identity", P, N_("Project"));

static const KtFieldDesc timeline_desc_fields[] = {
  INT (P, start_year, "start-year", KT_UNIT_YEAR, 1990, 2200, 2026, N_("First year")),
  INT (P, construction_years, "construction-years", KT_UNIT_YEARS, 0, 20, 2, N_("Construction years")),
  INT (P, operation_years, "operation-years", KT_UNIT_YEARS, 1, 99, 20, N_("Operation years")),
  INT (P, price_base_year, "price-base-year", KT_UNIT_YEAR, 1990, 2200, 2026, N_("Price base year")),
  DBL (P, inflation, "inflation", KT_UNIT_RATE, -0.5, 1, 0.04, N_("General inflation")),
  BOOL (P, real_rates, "real-rates", FALSE, N_("Discount rates are real")),
};
DESC (timeline_desc, "timeline", P, N_("Timeline"));

static const KtFieldDesc rates_desc_fields[] = {
  DBL (P, wacc, "wacc", KT_UNIT_RATE, -0.5, 1, 0.10, N_("WACC")),
  DBL (P, cost_of_equity, "cost-of-equity", KT_UNIT_RATE, -0.5, 1, 0.14, N_("Cost of equity")),
  DBL (P, hurdle_rate, "hurdle-rate", KT_UNIT_RATE, -0.5, 1, 0.12, N_("Investor's hurdle rate")),
  DBL (P, finance_rate, "finance-rate", KT_UNIT_RATE, -0.5, 1, 0.09, N_("MIRR finance rate")),
  DBL (P, reinvest_rate, "reinvest-rate", KT_UNIT_RATE, -0.5, 1, 0.10, N_("MIRR reinvestment rate")),
  DBL (P, social_rate, "social-rate", KT_UNIT_RATE, -0.5, 1, 0.10, N_("Social discount rate")),
  DBL (P, min_dscr, "min-dscr", KT_UNIT_FACTOR, 0, 100, 1.2, N_("Lender's minimum DSCR")),
};
DESC (rates_desc, "rates", P, N_("Rates"));

static const KtFieldDesc investment_desc_fields[] = {
  DBL (P, contingency_rate, "contingency-rate", KT_UNIT_RATE, 0, 1, 0.05, N_("Contingency rate")),
  DBL (P, duty_rate, "duty-rate", KT_UNIT_RATE, 0, 1, 0, N_("Import duty rate")),
  BOOL (P, duty_exempt, "duty-exempt", FALSE, N_("Import duty exemption")),
  LIST (P, capex, "capex", capex_desc, N_("Capex lines")),
  LIST (P, replacements, "replacements", replacement_desc, N_("Replacement capex")),
};
DESC (investment_desc, "investment", P, N_("Investment"));

static const KtFieldDesc operations_desc_fields[] = {
  LIST (P, revenues, "revenues", revenue_desc, N_("Revenue streams")),
  LIST (P, state_payments, "state-payments", payment_desc, N_("State service payments")),
  LIST (P, opex, "opex", opex_desc, N_("Operating costs")),
  LIST (P, maintenance, "maintenance", maintenance_desc, N_("Major maintenance")),
  DBL (P, land_rent, "land-rent", KT_UNIT_VND, 0, M, 0, N_("Land rent per year")),
  DBL (P, land_rent_escalation, "land-rent-escalation", KT_UNIT_RATE, -0.5, 1, 0, N_("Land rent escalation")),
  INT (P, land_rent_exempt_years, "land-rent-exempt-years", KT_UNIT_YEARS, 0, 100, 0, N_("Land rent exempt years")),
  DBL (P, concession_fee, "concession-fee", KT_UNIT_VND, 0, M, 0, N_("Concession fee per year")),
  DBL (P, concession_fee_escalation, "concession-fee-escalation", KT_UNIT_RATE, -0.5, 1, 0, N_("Concession fee escalation")),
  BOOL (P, nwc_enabled, "nwc-enabled", FALSE, N_("Model working capital")),
  DBL (P, receivable_days, "receivable-days", KT_UNIT_DAYS, 0, 365, 30, N_("Receivable days")),
  DBL (P, payable_days, "payable-days", KT_UNIT_DAYS, 0, 365, 30, N_("Payable days")),
};
DESC (operations_desc, "operations", P, N_("Operations and revenue"));

static const KtFieldDesc financing_desc_fields[] = {
  DBL (P, equity_share, "equity-share", KT_UNIT_SHARE, 0, 1, 0.3, N_("Equity share")),
  ENUM (P, support_mode, "support-mode", kt_support_mode_info, KT_SUPPORT_NONE, N_("State capital support")),
  DBL (P, support_share, "support-share", KT_UNIT_SHARE, 0, 1, 0, N_("State share of each year's need")),
  DBLS (P, support_schedule, "support-schedule", KT_UNIT_VND, 0, M, N_("State support by construction year (nominal)")),
  LIST (P, loans, "loans", loan_desc, N_("Loans")),
  LIST (P, public_assets, "public-assets", asset_desc, N_("Public assets contributed")),
};
DESC (financing_desc, "financing", P, N_("Financing"));

static const KtFieldDesc incentives_desc_fields[] = {
  ENUM (P, incentive, "incentive", kt_incentive_info, KT_INCENTIVE_NONE, N_("CIT incentive")),
};
DESC (incentives_desc, "incentives", P, N_("Incentives"));

static const KtFieldDesc legal_desc_fields[] = {
  LIST (P, rule_overrides, "overrides", override_rule_desc, N_("Negotiated values")),
};
DESC (legal_desc, "legal", P, N_("Legal parameters"));

static const KtFieldDesc uncertainty_group_desc_fields[] = {
  LIST (P, uncertainties, "distributions", uncertainty_desc, N_("Probability distributions")),
  LIST (P, correlations, "correlations", correlation_desc, N_("Correlations")),
  REC (P, simulation, "simulation", simulation_desc, N_("Simulation")),
};
DESC (uncertainty_group_desc, "uncertainty", P, N_("Uncertainty"));

static const KtFieldDesc project_desc_fields[] = {
  GROUP ("identity", identity_desc, N_("Project")),
  GROUP ("timeline", timeline_desc, N_("Timeline")),
  GROUP ("rates", rates_desc, N_("Rates")),
  GROUP ("investment", investment_desc, N_("Investment")),
  GROUP ("operations", operations_desc, N_("Operations and revenue")),
  GROUP ("financing", financing_desc, N_("Financing")),
  GROUP ("incentives", incentives_desc, N_("Incentives")),
  REC (P, sharing, "sharing", sharing_desc, N_("State support and guarantees")),
  REC (P, terms, "terms", terms_desc, N_("Contract terms")),
  GROUP ("legal", legal_desc, N_("Legal parameters")),
  LIST (P, risks, "risks", risk_desc, N_("Risks")),
  GROUP ("uncertainty", uncertainty_group_desc, N_("Uncertainty")),
  LIST (P, scenarios, "scenarios", scenario_desc, N_("Scenarios")),
  REC (P, economics, "economics", economics_desc, N_("Economic analysis")),
  REC (P, chapters, "chapters", chapters_desc, N_("Narrative chapters")),
  STR (P, notes, "notes", KT_FIELD_MULTILINE, N_("Assumptions and sources")),
  /* Not an input, and in no section of the editor.  Optional, so format-version
   * stays 1: files without it stay valid and load → save byte-identical. */
  { "claimed-figures", KT_FT_RECORD, offsetof (P, claimed), NULL, &claimed_desc, 0, 0, 0,
    KT_UNIT_NONE, KT_FIELD_OPTIONAL, N_("Figures claimed by the proposer") },
};
DESC (project_desc, "project", P, N_("Feasibility study"));

const KtRecordDesc *
kt_schema_project (void)
{
  return &project_desc;
}

/* ---- generic operations ---- */

static const KtRecordDesc text_desc = { "text", sizeof (KtText), text_fields, G_N_ELEMENTS (text_fields), NULL };

void
kt_record_init (const KtRecordDesc *desc,
                gpointer            record)
{
  for (int i = 0; i < desc->n_fields; i++)
    {
      const KtFieldDesc *f = &desc->fields[i];
      gpointer p = kt_field_ptr (f, record);

      switch (f->type)
        {
        case KT_FT_STRING:
          *(char **) p = NULL;
          break;
        case KT_FT_TEXT:
          memset (p, 0, sizeof (KtText));
          break;
        case KT_FT_DOUBLE:
          *(double *) p = f->def;
          break;
        case KT_FT_INT:
        case KT_FT_ENUM:
          *(int *) p = (int) f->def;
          break;
        case KT_FT_UINT64:
          *(guint64 *) p = (guint64) f->def;
          break;
        case KT_FT_BOOL:
          *(gboolean *) p = f->def != 0;
          break;
        case KT_FT_DOUBLES:
          *(GArray **) p = g_array_new (FALSE, TRUE, sizeof (double));
          break;
        case KT_FT_INTS:
          *(GArray **) p = g_array_new (FALSE, TRUE, sizeof (int));
          break;
        case KT_FT_GROUP:
        case KT_FT_RECORD:
          kt_record_init (f->record, p);
          break;
        case KT_FT_LIST:
          *(GArray **) p = kt_list_new (f->record);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static void
list_clear_items (GArray             *list,
                  const KtRecordDesc *desc)
{
  for (guint j = 0; j < list->len; j++)
    kt_record_clear (desc, list->data + (gsize) j * desc->size);
  g_array_set_size (list, 0);
}

void
kt_record_clear (const KtRecordDesc *desc,
                 gpointer            record)
{
  for (int i = 0; i < desc->n_fields; i++)
    {
      const KtFieldDesc *f = &desc->fields[i];
      gpointer p = kt_field_ptr (f, record);

      switch (f->type)
        {
        case KT_FT_STRING:
          g_clear_pointer ((char **) p, g_free);
          break;
        case KT_FT_TEXT:
          g_clear_pointer (&((KtText *) p)->vi, g_free);
          g_clear_pointer (&((KtText *) p)->en, g_free);
          break;
        case KT_FT_DOUBLES:
        case KT_FT_INTS:
          g_clear_pointer ((GArray **) p, g_array_unref);
          break;
        case KT_FT_GROUP:
        case KT_FT_RECORD:
          kt_record_clear (f->record, p);
          break;
        case KT_FT_LIST:
          if (*(GArray **) p != NULL)
            {
              list_clear_items (*(GArray **) p, f->record);
              g_clear_pointer ((GArray **) p, g_array_unref);
            }
          break;
        default:
          break;
        }
    }
}

static GArray *
array_dup (GArray *src,
           gsize   element_size)
{
  GArray *dest = g_array_sized_new (FALSE, TRUE, element_size, src ? src->len : 0);
  if (src != NULL && src->len > 0)
    g_array_append_vals (dest, src->data, src->len);
  return dest;
}

/* `dest` must be uninitialised or cleared. */
void
kt_record_copy (const KtRecordDesc *desc,
                gpointer            dest,
                gconstpointer       src)
{
  for (int i = 0; i < desc->n_fields; i++)
    {
      const KtFieldDesc *f = &desc->fields[i];
      gpointer d = kt_field_ptr (f, dest);
      gconstpointer s = (const char *) src + f->offset;

      switch (f->type)
        {
        case KT_FT_STRING:
          *(char **) d = g_strdup (*(char * const *) s);
          break;
        case KT_FT_TEXT:
          ((KtText *) d)->vi = g_strdup (((const KtText *) s)->vi);
          ((KtText *) d)->en = g_strdup (((const KtText *) s)->en);
          break;
        case KT_FT_DOUBLE:
          *(double *) d = *(const double *) s;
          break;
        case KT_FT_INT:
        case KT_FT_ENUM:
          *(int *) d = *(const int *) s;
          break;
        case KT_FT_UINT64:
          *(guint64 *) d = *(const guint64 *) s;
          break;
        case KT_FT_BOOL:
          *(gboolean *) d = *(const gboolean *) s;
          break;
        case KT_FT_DOUBLES:
          *(GArray **) d = array_dup (*(GArray * const *) s, sizeof (double));
          break;
        case KT_FT_INTS:
          *(GArray **) d = array_dup (*(GArray * const *) s, sizeof (int));
          break;
        case KT_FT_GROUP:
        case KT_FT_RECORD:
          kt_record_copy (f->record, d, s);
          break;
        case KT_FT_LIST:
          {
            GArray *from = *(GArray * const *) s;
            GArray *to = kt_list_new (f->record);
            g_array_set_size (to, from->len);
            for (guint j = 0; j < from->len; j++)
              kt_record_copy (f->record, to->data + (gsize) j * f->record->size,
                              from->data + (gsize) j * f->record->size);
            *(GArray **) d = to;
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static gboolean
str_equal0 (const char *a,
            const char *b)
{
  /* NULL and "" are the same document. */
  return g_strcmp0 (a && *a ? a : NULL, b && *b ? b : NULL) == 0;
}

/* The file has one zero ("-0" is written "0"), so -0 and 0 are the same
 * document; bitwise equality keeps NaN equal to itself. */
static gboolean
double_equal (double a,
              double b)
{
  return a == b || memcmp (&a, &b, sizeof a) == 0;
}

static gboolean
array_equal (GArray *a,
             GArray *b,
             gsize   element_size)
{
  guint la = a ? a->len : 0, lb = b ? b->len : 0;
  if (la != lb)
    return FALSE;
  return la == 0 || memcmp (a->data, b->data, la * element_size) == 0;
}

static gboolean
doubles_equal (GArray *a,
               GArray *b)
{
  guint la = a ? a->len : 0, lb = b ? b->len : 0;
  if (la != lb)
    return FALSE;
  for (guint i = 0; i < la; i++)
    if (!double_equal (g_array_index (a, double, i), g_array_index (b, double, i)))
      return FALSE;
  return TRUE;
}

gboolean
kt_record_equal (const KtRecordDesc *desc,
                 gconstpointer       a,
                 gconstpointer       b)
{
  for (int i = 0; i < desc->n_fields; i++)
    {
      const KtFieldDesc *f = &desc->fields[i];
      gconstpointer pa = (const char *) a + f->offset;
      gconstpointer pb = (const char *) b + f->offset;

      switch (f->type)
        {
        case KT_FT_STRING:
          if (!str_equal0 (*(char * const *) pa, *(char * const *) pb))
            return FALSE;
          break;
        case KT_FT_TEXT:
          if (!kt_record_equal (&text_desc, pa, pb))
            return FALSE;
          break;
        case KT_FT_DOUBLE:
          if (!double_equal (*(const double *) pa, *(const double *) pb))
            return FALSE;
          break;
        case KT_FT_INT:
        case KT_FT_ENUM:
          if (*(const int *) pa != *(const int *) pb)
            return FALSE;
          break;
        case KT_FT_UINT64:
          if (*(const guint64 *) pa != *(const guint64 *) pb)
            return FALSE;
          break;
        case KT_FT_BOOL:
          if (!*(const gboolean *) pa != !*(const gboolean *) pb)
            return FALSE;
          break;
        case KT_FT_DOUBLES:
          if (!doubles_equal (*(GArray * const *) pa, *(GArray * const *) pb))
            return FALSE;
          break;
        case KT_FT_INTS:
          if (!array_equal (*(GArray * const *) pa, *(GArray * const *) pb, sizeof (int)))
            return FALSE;
          break;
        case KT_FT_GROUP:
        case KT_FT_RECORD:
          if (!kt_record_equal (f->record, pa, pb))
            return FALSE;
          break;
        case KT_FT_LIST:
          {
            GArray *la = *(GArray * const *) pa, *lb = *(GArray * const *) pb;
            if (la->len != lb->len)
              return FALSE;
            for (guint j = 0; j < la->len; j++)
              if (!kt_record_equal (f->record, la->data + (gsize) j * f->record->size,
                                    lb->data + (gsize) j * f->record->size))
                return FALSE;
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  return TRUE;
}

GArray *
kt_list_new (const KtRecordDesc *desc)
{
  return g_array_new (FALSE, TRUE, desc->size);
}

gpointer
kt_list_append (GArray             *list,
                const KtRecordDesc *desc)
{
  g_array_set_size (list, list->len + 1);
  gpointer row = list->data + (gsize) (list->len - 1) * desc->size;
  kt_record_init (desc, row);
  return row;
}

void
kt_list_remove (GArray             *list,
                const KtRecordDesc *desc,
                guint               index)
{
  g_return_if_fail (index < list->len);
  kt_record_clear (desc, list->data + (gsize) index * desc->size);
  g_array_remove_index (list, index);
}

const KtFieldDesc *
kt_record_find_field (const KtRecordDesc *desc,
                      const char         *name)
{
  for (int i = 0; i < desc->n_fields; i++)
    if (strcmp (desc->fields[i].name, name) == 0)
      return &desc->fields[i];
  return NULL;
}

static gboolean
holds_value (const KtFieldDesc *f,
             gconstpointer      base)
{
  if (f->type == KT_FT_STRING)
    {
      const char *s = *(char * const *) ((const char *) base + f->offset);

      return s != NULL && *s != '\0';
    }
  return kt_field_present (f, base);
}

gboolean
kt_field_present (const KtFieldDesc *f,
                  gconstpointer      base)
{
  gconstpointer p = (const char *) base + f->offset;

  if ((f->flags & KT_FIELD_OPTIONAL) == 0)
    return TRUE;
  if (f->type == KT_FT_DOUBLE && isnan (f->def))
    return !isnan (*(const double *) p);
  if (f->type == KT_FT_RECORD)
    {
      for (int i = 0; i < f->record->n_fields; i++)
        if (holds_value (&f->record->fields[i], p))
          return TRUE;
      return FALSE;
    }
  return TRUE;
}

/* ---- RELAX NG ---- */

static void
rng_record (GString            *out,
            const KtRecordDesc *desc,
            int                 depth);

static void
rng_indent (GString *out,
            int      depth)
{
  for (int i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static gboolean
field_optional (const KtFieldDesc *f)
{
  switch (f->type)
    {
    case KT_FT_STRING:
    case KT_FT_TEXT:
    case KT_FT_DOUBLES:
    case KT_FT_INTS:
    case KT_FT_LIST:
      return TRUE;
    default:
      return (f->flags & KT_FIELD_OPTIONAL) != 0;
    }
}

static void
rng_field (GString           *out,
           const KtFieldDesc *f,
           int                depth)
{
  gboolean optional = field_optional (f);

  rng_indent (out, depth);
  if (f->flags & KT_FIELD_ATTRIBUTE)
    {
      g_string_append_printf (out, "<optional><attribute name=\"%s\"><text/></attribute></optional>\n",
                              f->name);
      return;
    }
  if (optional)
    g_string_append (out, "<optional>\n"), depth++, rng_indent (out, depth);
  g_string_append_printf (out, "<element name=\"%s\">", f->name);
  switch (f->type)
    {
    case KT_FT_STRING:
      g_string_append (out, "<text/>");
      break;
    case KT_FT_TEXT:
      g_string_append (out, "<interleave><optional><element name=\"vi\"><text/></element></optional>"
                            "<optional><element name=\"en\"><text/></element></optional></interleave>");
      break;
    case KT_FT_DOUBLE:
      g_string_append (out, "<data type=\"double\"/>");
      break;
    case KT_FT_INT:
      g_string_append (out, "<data type=\"int\"/>");
      break;
    case KT_FT_UINT64:
      g_string_append (out, "<data type=\"unsignedLong\"/>");
      break;
    case KT_FT_BOOL:
      g_string_append (out, "<choice><value>true</value><value>false</value></choice>");
      break;
    case KT_FT_ENUM:
      g_string_append (out, "<choice>");
      for (int i = 0; i < f->enum_info->n_entries; i++)
        g_string_append_printf (out, "<value>%s</value>", f->enum_info->entries[i].key);
      g_string_append (out, "</choice>");
      break;
    case KT_FT_DOUBLES:
      g_string_append (out, "<list><zeroOrMore><data type=\"double\"/></zeroOrMore></list>");
      break;
    case KT_FT_INTS:
      g_string_append (out, "<list><zeroOrMore><data type=\"int\"/></zeroOrMore></list>");
      break;
    case KT_FT_GROUP:
    case KT_FT_RECORD:
      g_string_append (out, "\n");
      rng_record (out, f->record, depth + 1);
      rng_indent (out, depth);
      break;
    case KT_FT_LIST:
      g_string_append (out, "\n");
      rng_indent (out, depth + 1);
      g_string_append_printf (out, "<zeroOrMore><element name=\"%s\">\n", f->record->name);
      rng_record (out, f->record, depth + 2);
      rng_indent (out, depth + 1);
      g_string_append (out, "</element></zeroOrMore>\n");
      rng_indent (out, depth);
      break;
    default:
      g_assert_not_reached ();
    }
  g_string_append (out, "</element>\n");
  if (optional)
    depth--, rng_indent (out, depth), g_string_append (out, "</optional>\n");
}

static void
rng_record (GString            *out,
            const KtRecordDesc *desc,
            int                 depth)
{
  for (int i = 0; i < desc->n_fields; i++)
    rng_field (out, &desc->fields[i], depth);
}

char *
kt_schema_to_relaxng (void)
{
  GString *out = g_string_new (NULL);

  g_string_append (out,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- The Khả Thi project file (.khathi), format version 1.\n"
    "     Generated from src/core/kt-schema.c by `khathi-cli schema`; do not edit by hand. -->\n"
    "<grammar xmlns=\"http://relaxng.org/ns/structure/1.0\"\n"
    "         ns=\"https://khathi.github.io/ns/project/1\"\n"
    "         datatypeLibrary=\"http://www.w3.org/2001/XMLSchema-datatypes\">\n"
    "  <start>\n"
    "    <element name=\"project\">\n"
    "      <attribute name=\"format-version\"><value>1</value></attribute>\n");
  rng_record (out, &project_desc, 3);
  g_string_append (out, "    </element>\n  </start>\n</grammar>\n");
  return g_string_free (out, FALSE);
}
