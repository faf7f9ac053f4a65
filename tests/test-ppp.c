/* test-ppp.c — PPP mechanics and the state's side, worked by hand (MODEL.md §4, §8, §9, §11)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected figure is written out so that a reader can check it with a
 * calculator.  Unless a test says otherwise: CIT 20 % flat, no incentive,
 * every rate 10 %, no inflation, equity share 1 (no debt), BOT.
 */
#include "config.h"

#include <gsl/gsl_errno.h>
#include <math.h>

#include "kt-forms-compare.h"
#include "kt-vfm.h"
#include "kt-viability.h"
#include "model-fixture.h"

static void
allow_all_sides (KtRules *rules)
{
  for (int f = 0; f < KT_N_FORMS; f++)
    rules->downside_allowed[f] = rules->upside_allowed[f] = TRUE;
  rules->band_lower_min = 0.75, rules->band_lower_max = 0.90;
  rules->band_upper_min = 1.10, rules->band_upper_max = 1.25;
  rules->st_first_years = 3;
  rules->st_first_years_share_down = 1.0;
}

static void
set_doubles (GArray       *array,
             const double *values,
             int           n)
{
  g_array_set_size (array, 0);
  g_array_append_vals (array, values, n);
}

/* Each year's fiscal flow is the sum of its items, and every state payout
 * is an investor inflow in the same year (MODEL.md §9, last line). */
static void
assert_conservation (const KtModel *m)
{
  const KtModelYears *y = &m->y;

  for (int t = 0; t < m->n_years; t++)
    {
      double items = -y->support[t] - y->state_payments[t] - y->guarantees[t]
                     - y->sharing_receipts[t] + y->sharing_payments[t] + y->benefit_state[t]
                     + y->tax[t] + y->duty[t] + y->replacement_duty[t] + y->land_rent[t]
                     + y->concession_fees[t]
                     + (m->r.rd_stopped ? 0.0 : y->writeoff[t]) - y->transfer_price[t];
      /* The investor side: the same payouts reach its EBITDA. */
      double investor_in = y->ebitda[t] - y->revenue[t] - y->state_payments[t] + y->opex[t]
                           + y->benefit_state[t] + y->benefit_institute[t];

      assert_money (y->fiscal_flow[t], items);
      assert_money (investor_in, y->guarantees[t] + y->sharing_receipts[t]
                                 - y->sharing_payments[t]);
      assert_money (y->guarantees[t], y->mrg[t] + y->fx_payout[t] + y->rd_compensation[t]);
      assert_money (y->fiscal_outlay[t], y->support[t] + y->state_payments[t] + y->guarantees[t]
                                         + y->sharing_receipts[t]);
    }
}

/* Band crossing both thresholds, both caps binding.  O = 5, C = 0, plan
 * P = 100 every year, actual-to-plan 0.5, 0.6, 1.0, 1.3, 1.5 → A = 50, 60,
 * 100, 130, 150.  L = 0.8, U = 1.2, shares 0.5, annual cap 12, total cap 20.
 *   year 1: 0.5 (80 − 50) = 15 → annual cap 12 (left of the total: 8)
 *   year 2: 0.5 (80 − 60) = 10 → total cap left 8 → 8
 *   year 3: nothing;  year 4: investor pays 0.5 (130 − 120) = 5;
 *   year 5: 0.5 (150 − 120) = 15.
 * Taxable = A + D − U = 62, 68, 100, 125, 135 → CIT 12.4, 13.6, 20, 25, 27.
 * Fiscal flow = −12 + 12.4 = 0.4, −8 + 13.6 = 5.6, 20, 5 + 25 = 30, 15 + 27 = 42.
 * Equity flow = A + D − U − CIT = 49.6, 54.4, 80, 100, 108. */
static void
test_band (void)
{
  KtProjectData d;
  KtRules rules;
  g_autoptr (KtModel) m = NULL;
  const double path[] = { 0.5, 0.6, 1.0, 1.3, 1.5 };
  const double down[] = { 12, 8, 0, 0, 0 }, up[] = { 0, 0, 0, 5, 15 };
  const double fiscal[] = { 0.4, 5.6, 20, 30, 42 }, equity[] = { 49.6, 54.4, 80, 100, 108 };
  KtDrivers drivers;

  fixture_rules (&rules);
  allow_all_sides (&rules);
  fixture_project (&d);
  d.operation_years = 5;
  fixture_add_revenue (&d, 100);
  d.sharing.band_enabled = TRUE;
  d.sharing.lower = 0.8, d.sharing.upper = 1.2;
  d.sharing.share_down = 0.5, d.sharing.share_up = 0.5;
  d.sharing.annual_cap = 12, d.sharing.total_cap = 20;
  set_doubles (d.sharing.actual_to_plan, path, 5);

  /* No stored plan: P is the base case without the path, 100 a year. */
  m = kt_model_new (&d, 0);
  fixture_evaluate (m, &d, &rules, NULL);
  for (int t = 0; t < 5; t++)
    {
      assert_money (m->y.plan_revenue[t], 100);
      assert_money (m->y.revenue[t], 100 * path[t]);
      assert_money (m->y.sharing_receipts[t], down[t]);
      assert_money (m->y.sharing_payments[t], up[t]);
      assert_money (m->y.fiscal_flow[t], fiscal[t]);
      assert_money (m->y.equity_flow[t], equity[t]);
    }
  assert_money (m->r.sharing_receipts_total, 20);
  assert_money (m->r.sharing_payments_total, 20);
  g_assert_true (kt_model_check_passed (m, KT_CHECK_BAND_RANGE));
  assert_conservation (m);

  /* A stored plan is used as it is: P = 100 except 200 in year 3, where
   * the state pays 0.5 (160 − 100) = 30, but the total cap is spent: 0. */
  {
    const double plan[] = { 100, 100, 200, 100, 100 };

    set_doubles (d.sharing.plan_revenue, plan, 5);
    fixture_evaluate (m, &d, &rules, NULL);
    assert_money (m->y.sharing_receipts[2], 0);
    d.sharing.total_cap = 0;
    fixture_evaluate (m, &d, &rules, NULL);
    assert_money (m->y.sharing_receipts[2], 12);   /* 30 → annual cap 12 */
    d.sharing.total_cap = 20;
    g_array_set_size (d.sharing.plan_revenue, 0);
  }

  /* A scenario (demand × 2) never moves P: A = 200 · path, so year 3
   * A = 200 > 120 → investor pays 0.5 × 80 = 40; year 1 A = 100: none. */
  kt_drivers_init (&drivers);
  drivers.demand = 2.0;
  fixture_evaluate (m, &d, &rules, &drivers);
  assert_money (m->y.plan_revenue[2], 100);
  assert_money (m->y.sharing_payments[2], 40);
  assert_money (m->y.sharing_receipts[0], 0);
  assert_conservation (m);

  /* BTL: the rules allow no downside; the state's share is ignored and
   * reported.  L = 0.5 is outside [0.75, 0.90]. */
  rules.downside_allowed[KT_FORM_BTL] = FALSE;
  d.form = KT_FORM_BTL;
  d.sharing.lower = 0.5;
  fixture_evaluate (m, &d, &rules, NULL);
  for (int t = 0; t < 5; t++)
    assert_money (m->y.sharing_receipts[t], 0);
  assert_money (m->y.sharing_payments[4], 15);
  g_assert_cmpint (fixture_count (m, KT_CHECK_SHARING_FORM), ==, 1);
  g_assert_cmpint (fixture_count (m, KT_CHECK_BAND_RANGE), ==, 1);
  kt_project_data_clear (&d);
}

/* S&T projects, operation years 1–3: L = 1, the rules' share (1.0), no
 * upside.  Path 0.9 every year, P = 100, L = 0.8, s_dn = 0.5:
 * years 1–3 the state pays 1.0 × (100 − 90) = 10; years 4–5 nothing
 * (90 ≥ 80).  Path 1.5: years 1–3 no upside, years 4–5 0.5 (150 − 120) = 15. */
static void
test_st_first_years (void)
{
  KtProjectData d;
  KtRules rules;
  g_autoptr (KtModel) m = NULL;
  const double low[] = { 0.9 }, high[] = { 1.5 };

  fixture_rules (&rules);
  allow_all_sides (&rules);
  fixture_project (&d);
  d.st_project = TRUE;
  d.operation_years = 5;
  fixture_add_revenue (&d, 100);
  d.sharing.band_enabled = TRUE;
  d.sharing.st_first_years = TRUE;
  d.sharing.lower = 0.8, d.sharing.upper = 1.2;
  d.sharing.share_down = 0.5, d.sharing.share_up = 0.5;
  set_doubles (d.sharing.actual_to_plan, low, 1);
  m = kt_model_new (&d, 0);
  fixture_evaluate (m, &d, &rules, NULL);
  for (int t = 0; t < 5; t++)
    assert_money (m->y.sharing_receipts[t], t < 3 ? 10 : 0);
  set_doubles (d.sharing.actual_to_plan, high, 1);
  fixture_evaluate (m, &d, &rules, NULL);
  for (int t = 0; t < 5; t++)
    assert_money (m->y.sharing_payments[t], t < 3 ? 0 : 15);
  kt_project_data_clear (&d);
}

/* MRG 70 % of P = 100; A = 50, 90, 60 → the state pays 20, 0, 10.
 * CIT = 20 % (A + MRG) = 14, 18, 14; fiscal = −20 + 14 = −6, 18, −10 + 14 = 4;
 * fiscal NPV at 10 % = −6 + 18 / 1.1 + 4 / 1.21 = 13.669421487603… */
static void
test_mrg (void)
{
  KtProjectData d;
  KtRules rules;
  g_autoptr (KtModel) m = NULL;
  const double path[] = { 0.5, 0.9, 0.6 };

  fixture_rules (&rules);
  fixture_project (&d);
  d.operation_years = 3;
  fixture_add_revenue (&d, 100);
  d.sharing.mrg_enabled = TRUE;
  d.sharing.mrg_share = 0.7;
  set_doubles (d.sharing.actual_to_plan, path, 3);
  m = kt_model_new (&d, 0);
  fixture_evaluate (m, &d, &rules, NULL);
  assert_money (m->y.mrg[0], 20);
  assert_money (m->y.mrg[1], 0);
  assert_money (m->y.mrg[2], 10);
  assert_money (m->y.tax[0], 14);
  assert_money (m->y.fiscal_flow[0], -6);
  assert_money (m->y.fiscal_flow[2], 4);
  assert_money (m->r.fiscal_npv, -6 + 18 / 1.1 + 4 / 1.21);
  assert_money (m->r.guarantees_total, 30);
  assert_money (m->r.peak_commitment, 20);
  assert_conservation (m);
  kt_project_data_clear (&d);
}

/* FX guarantee.  C = 1, O = 2; land 1000 in year 0 (not depreciated),
 * equity share 0.5, one loan at 0 % (no IDC): draws 500, equal principal
 * 250 in years 1 and 2.  fx_share 0.8, depreciation 10 %/year, band 15 %:
 *   year 1: X/X0 = 1.1:  loss 0.8·250·0.10 = 20,  payout 200·max(0, 1.1 − 1.15) = 0
 *   year 2: X/X0 = 1.21: loss 200·0.21 = 42,     payout 200·(1.21 − 1.15) = 12
 * Revenue 1000 a year.  Actual CIT: year 1 20 % (1000 − 20) = 196; year 2
 * 1000 + 12 − 42 − 1000 (land written off) = −30: none.  Without debt (no FX):
 * year 1 200, year 2 0.  Fiscal: year 1 196; year 2 −12 + 1000 (land
 * received) = 988.  Equity: −500, 1000 − 20 − 196 − 250 = 534,
 * 1000 + 12 − 42 − 250 = 720. */
static void
test_fx (void)
{
  KtProjectData d;
  KtRules rules;
  g_autoptr (KtModel) m = NULL;
  const double capex[] = { 1000 };

  fixture_rules (&rules);
  fixture_project (&d);
  d.construction_years = 1;
  d.operation_years = 2;
  d.equity_share = 0.5;
  fixture_add_capex (&d, KT_CAPEX_LAND, 0, capex, 1);
  fixture_add_revenue (&d, 1000);
  fixture_add_loan (&d, 1.0, 0.0, 0, 2, KT_REPAYMENT_EQUAL_PRINCIPAL);
  d.sharing.fx_enabled = TRUE;
  d.sharing.fx_share = 0.8;
  d.sharing.fx_depreciation = 0.10;
  d.sharing.fx_band = 0.15;
  m = kt_model_new (&d, 0);
  fixture_evaluate (m, &d, &rules, NULL);
  assert_money (m->y.fx_loss[1], 20);
  assert_money (m->y.fx_payout[1], 0);
  assert_money (m->y.fx_loss[2], 42);
  assert_money (m->y.fx_payout[2], 12);
  assert_money (m->y.tax[1], 196);
  assert_money (m->y.tax[2], 0);
  assert_money (m->y.tax_nd[1], 200);
  assert_money (m->y.fiscal_flow[1], 196);
  assert_money (m->y.fiscal_flow[2], 988);
  assert_money (m->y.equity_flow[0], -500);
  assert_money (m->y.equity_flow[1], 534);
  assert_money (m->y.equity_flow[2], 720);
  /* The project flow ignores financing: 1000 − 200 and 1000 − 0. */
  assert_money (m->y.project_flow[1], 800);
  assert_money (m->y.project_flow[2], 1000);
  assert_conservation (m);
  kt_project_data_clear (&d);
}

/* R&D failure.  C = 2 (phase = year 0), O = 3; capex 1000 + 1000, life 10,
 * support 20 %, no debt, state's share of the sunk cost 50 %.
 * Failed: C = 1, one settlement year; sunk 1000, support 200, so the state
 * pays 0.5 · 1000 − 200 = 300 in year 1.  Depreciation 100 in year 1, the
 * 900 left written off; assessable 300 − 100 − 900 = −700: no CIT.
 * Equity: −800, +300 (IRR −62.5 %).  Fiscal: −200, −300 (no asset of value);
 * NPV −200 − 300 / 1.1 = −472.7272…  Expected fiscal NPV with p = 0.8 is the
 * probability-weighted mean of the two runs. */
static void
test_rd_failure (void)
{
  KtProjectData d;
  KtRules rules;
  g_autoptr (KtModel) m = NULL;
  const double capex[] = { 1000, 1000 };
  double success_npv;

  fixture_rules (&rules);
  fixture_project (&d);
  d.construction_years = 2;
  d.operation_years = 3;
  fixture_add_capex (&d, KT_CAPEX_EQUIPMENT, 10, capex, 2);
  fixture_add_revenue (&d, 1500);
  d.support_mode = KT_SUPPORT_SHARE;
  d.support_share = 0.2;
  d.sharing.rd_enabled = TRUE;
  d.sharing.rd_phase_years = 1;
  d.sharing.rd_state_share = 0.5;
  d.sharing.rd_success_probability = 0.8;

  m = kt_model_new (&d, 0);
  fixture_evaluate (m, &d, &rules, NULL);
  g_assert_cmpint (m->n_years, ==, 5);
  g_assert_false (m->r.rd_stopped);
  assert_money (m->r.rd_sunk_cost, 1000);
  assert_money (m->r.guarantees_total, 0);
  success_npv = m->r.fiscal_npv;

  d.sharing.rd_failed = TRUE;
  fixture_evaluate (m, &d, &rules, NULL);
  g_assert_true (m->r.rd_stopped);
  g_assert_cmpint (m->n_years, ==, 2);
  assert_money (m->y.rd_compensation[1], 300);
  assert_money (m->y.revenue[1], 0);
  assert_money (m->y.tax[1], 0);
  assert_money (m->y.equity_flow[0], -800);
  assert_money (m->y.equity_flow[1], 300);
  assert_ratio (m->r.equity_irr.irr, -0.625);
  assert_money (m->y.fiscal_flow[0], -200);
  assert_money (m->y.fiscal_flow[1], -300);
  assert_money (m->r.fiscal_npv, -200 - 300 / 1.1);
  assert_money (m->r.enpv, -1000);   /* capex of year 0 only, no residual */
  assert_conservation (m);
  g_assert_true (success_npv > m->r.fiscal_npv);

  /* Expected-value view: 0.8 · success + 0.2 · failure. */
  {
    KtRdExpected rd;

    g_assert_true (kt_rd_expected (&d, &rules, &rd));
    assert_money (rd.fiscal_npv_failure, -200 - 300 / 1.1);
    assert_money (rd.fiscal_npv_success, success_npv);
    assert_money (rd.fiscal_npv_expected, 0.8 * success_npv + 0.2 * (-200 - 300 / 1.1));
    assert_money (rd.equity_npv_failure, -800 + 300 / 1.1);
    assert_money (rd.sunk_cost, 1000);
    assert_money (rd.state_compensation, 300);
  }

  /* The state's support above its share is not refunded: share 0.1 →
   * 0.1 · 1000 − 200 < 0 → no payout. */
  d.sharing.rd_state_share = 0.1;
  fixture_evaluate (m, &d, &rules, NULL);
  assert_money (m->y.rd_compensation[1], 0);
  kt_project_data_clear (&d);
}

/* Benefit sharing: revenue 100, 60 % commercialised, 10 % to the state and
 * 5 % to the institute → 6 and 3 a year.  CIT 20 % (100 − 9) = 18.2;
 * fiscal 6 + 18.2 = 24.2; equity 100 − 9 − 18.2 = 72.8. */
static void
test_benefit_sharing (void)
{
  KtProjectData d;
  KtRules rules;
  g_autoptr (KtModel) m = NULL;
  KtRevenueStream *rs;

  fixture_rules (&rules);
  fixture_project (&d);
  d.operation_years = 2;
  rs = fixture_add_revenue (&d, 100);
  rs->commercialisation_share = 0.6;
  d.sharing.benefit_share_state = 0.10;
  d.sharing.benefit_share_institute = 0.05;
  m = kt_model_new (&d, 0);
  fixture_evaluate (m, &d, &rules, NULL);
  for (int t = 0; t < 2; t++)
    {
      assert_money (m->y.benefit_state[t], 6);
      assert_money (m->y.benefit_institute[t], 3);
      assert_money (m->y.tax[t], 18.2);
      assert_money (m->y.fiscal_flow[t], 24.2);
      assert_money (m->y.equity_flow[t], 72.8);
      assert_money (m->y.project_flow[t], 72.8);
    }
  assert_money (m->r.benefit_total, 18);
  assert_conservation (m);
  kt_project_data_clear (&d);
}

/* Three-party: C = 1, O = 1, land 1000, shares state 0.3, enterprise 0.5,
 * institute 0.2 → support 300, institute 200, enterprise equity 500; the
 * balance sheet carries the institute's own account. */
static void
test_three_party (void)
{
  KtProjectData d;
  KtRules rules;
  g_autoptr (KtModel) m = NULL;
  const double capex[] = { 1000 };

  fixture_rules (&rules);
  fixture_project (&d);
  d.form = KT_FORM_THREE_PARTY;
  d.construction_years = 1;
  d.operation_years = 1;
  fixture_add_capex (&d, KT_CAPEX_LAND, 0, capex, 1);
  fixture_add_revenue (&d, 800);
  d.terms.three_party_state = 0.3;
  d.terms.three_party_enterprise = 0.5;
  d.terms.three_party_institute = 0.2;
  m = kt_model_new (&d, 0);
  fixture_evaluate (m, &d, &rules, NULL);
  assert_money (m->y.support[0], 300);
  assert_money (m->y.institute[0], 200);
  assert_money (m->y.equity[0], 500);
  assert_money (m->r.institute_total, 200);
  g_assert_true (kt_model_check_passed (m, KT_CHECK_THREE_PARTY_SHARES));
  d.terms.three_party_enterprise = 0.6;
  fixture_evaluate (m, &d, &rules, NULL);
  g_assert_cmpint (fixture_count (m, KT_CHECK_THREE_PARTY_SHARES), ==, 1);
  kt_project_data_clear (&d);
}

/* BT (MODEL.md §4): O = 1, one state payment in year C = settled value +
 * interest + profit; O&M with construction is reported. */
static void
test_forms (void)
{
  KtProjectData d;
  KtRules rules;
  g_autoptr (KtModel) m = NULL;
  const double capex[] = { 1000 };

  fixture_rules (&rules);
  fixture_project (&d);
  d.form = KT_FORM_BT;
  d.construction_years = 1;
  d.operation_years = 1;
  fixture_add_capex (&d, KT_CAPEX_LAND, 0, capex, 1);
  d.terms.bt_settled_value = 1000, d.terms.bt_interest = 50, d.terms.bt_profit = 100;
  m = kt_model_new (&d, 0);
  fixture_evaluate (m, &d, &rules, NULL);
  assert_money (m->y.state_payments[1], 1150);
  /* CIT 20 % (1150 − 1000 written off) = 30; fiscal −1150 + 30 + 1000 = −120. */
  assert_money (m->y.fiscal_flow[1], -120);
  g_assert_true (kt_model_check_passed (m, KT_CHECK_BT_TERM));

  /* §6: the state capital cap (50 %) is checked: 60 % of need is too much. */
  d.form = KT_FORM_BOT;
  d.support_mode = KT_SUPPORT_SHARE;
  d.support_share = 0.6;
  fixture_add_revenue (&d, 1500);
  fixture_evaluate (m, &d, &rules, NULL);
  g_assert_cmpint (fixture_count (m, KT_CHECK_STATE_CAP), ==, 1);
  d.support_share = 0.5;
  fixture_evaluate (m, &d, &rules, NULL);
  g_assert_true (kt_model_check_passed (m, KT_CHECK_STATE_CAP));
  d.support_mode = KT_SUPPORT_NONE;
  g_array_index (d.revenues, KtRevenueStream, 0).capacity = 0.0;

  d.form = KT_FORM_OM;
  fixture_evaluate (m, &d, &rules, NULL);
  g_assert_cmpint (fixture_count (m, KT_CHECK_OM_CONSTRUCTION), ==, 1);

  /* BOO keeps a terminal value (NBV 1000 of land) in the project flow. */
  d.form = KT_FORM_BOO;
  g_array_index (d.revenues, KtRevenueStream, 0).capacity = 1.0;
  fixture_evaluate (m, &d, &rules, NULL);
  assert_money (m->y.terminal_project[1], 1000);
  assert_money (m->y.writeoff[1], 0);
  kt_project_data_clear (&d);
}

/* VfM (MODEL.md §11) on a case small enough to do by hand.  C = 1, O = 2,
 * land 1000 in year 0 (no depreciation), revenue 600, opex 100, no tax
 * (CIT 0), social rate 10 %, state borrowing rate 5 %, capex bias 20 %,
 * opex bias 10 %.  Risks: investor 30, shared 40 with state share 0.25,
 * state 20 → transferred 30 + 30 = 60, retained 10 + 20 = 30.
 * PSC: capex 1200 borrowed at 5 % in year 0, annuity over 2 years
 * 1200 · 0.05 / (1 − 1.05^−2) = 645.365853658…; PV = 645.3658… (1/1.1 +
 * 1/1.21); opex 110 a year; revenue 600 a year; residual 1000 · 1.2 = 1200
 * in year 2.  PPP: state receives the land (1000) in year 2: fiscal NPV
 * = 1000 / 1.21; cost = −1000 / 1.21 + 30. */
static void
test_vfm (void)
{
  KtProjectData d;
  KtRules rules;
  g_autoptr (KtModel) m = NULL;
  const double capex[] = { 1000 };
  const KtOwner owners[] = { KT_OWNER_INVESTOR, KT_OWNER_SHARED, KT_OWNER_STATE };
  const double costs[] = { 30, 40, 20 };
  double a = 1.0 / 1.1 + 1.0 / 1.21, annuity = 1200 * 0.05 / (1 - pow (1.05, -2));
  double psc;
  KtVfm vfm;

  fixture_rules (&rules);
  rules.cit_standard_rate = 0.0;
  fixture_project (&d);
  d.construction_years = 1;
  d.operation_years = 2;
  fixture_add_capex (&d, KT_CAPEX_LAND, 0, capex, 1);
  fixture_add_revenue (&d, 600);
  fixture_add_opex (&d, 100);
  d.economics.state_borrowing_rate = 0.05;
  d.economics.psc_capex_overrun = 0.2;
  d.economics.psc_opex_overrun = 0.1;
  for (int i = 0; i < 3; i++)
    {
      KtRisk *risk = fixture_append_row (d.risks, "risks");

      risk->owner = owners[i];
      risk->state_share = 0.25;
      risk->expected_cost = costs[i];
    }
  m = kt_model_new (&d, 0);
  fixture_evaluate (m, &d, &rules, NULL);
  kt_vfm_compute (m, &d, &vfm);
  psc = annuity * a + 110 * a + 60 - 600 * a - 1200 / 1.21;
  assert_money (vfm.psc_capex, annuity * a);
  assert_money (vfm.psc_opex, 110 * a);
  assert_money (vfm.psc_transferred_risks, 60);
  assert_money (vfm.ppp_retained_risks, 30);
  assert_money (vfm.psc, psc);
  assert_money (vfm.ppp_cost, -1000 / 1.21 + 30);
  assert_money (vfm.vfm, psc - (-1000 / 1.21 + 30));
  kt_project_data_clear (&d);
}

/* Viability gap with a known answer.  C = 1, O = 1, land 1000, no CIT, no
 * debt; revenue R in year 1; support share s: equity 1000 (1 − s) in year 0
 * and R in year 1, so IRR = R / (1000 (1 − s)) − 1 and the hurdle 10 % needs
 * s = 1 − R / 1100.  R = 880 → s = 0.2; the state's extra cost is the
 * support, 200 (year 0).  R = 500 → s = 0.5454… > the 50 % cap: unreachable.
 * R = 1200: viable as it stands.  BTL with a payment of 880: multiplier
 * 1100 / 880 = 1.25. */
static void
test_viability (void)
{
  KtProjectData d;
  KtRules rules;
  KtViability v;
  KtRevenueStream *rs;
  const double capex[] = { 1000 };

  fixture_rules (&rules);
  rules.cit_standard_rate = 0.0;
  fixture_project (&d);
  d.construction_years = 1;
  d.operation_years = 1;
  fixture_add_capex (&d, KT_CAPEX_LAND, 0, capex, 1);
  rs = fixture_add_revenue (&d, 880);

  kt_viability_compute (&d, &rules, NAN, &v);
  g_assert_cmpint (v.status, ==, KT_VIABILITY_FOUND);
  g_assert_cmpint (v.lever, ==, KT_LEVER_SUPPORT_SHARE);
  g_assert_cmpfloat_with_epsilon (v.required, 0.2, 1e-9);
  g_assert_cmpfloat_with_epsilon (v.equity_irr_required, 0.10, 1e-9);
  assert_money (v.support_total, 200);
  assert_money (v.extra_state_cost, 200);
  g_assert_true (v.checks_ok);

  rs->tariff = 500;
  kt_viability_compute (&d, &rules, NAN, &v);
  g_assert_cmpint (v.status, ==, KT_VIABILITY_UNREACHABLE);
  g_assert_cmpfloat_with_epsilon (v.limit, 0.5, 1e-15);
  g_assert_true (isnan (v.required));
  /* At the cap: 500 / 500 − 1 = 0. */
  g_assert_cmpfloat_with_epsilon (v.equity_irr_limit, 0.0, 1e-9);

  rs->tariff = 1200;
  kt_viability_compute (&d, &rules, NAN, &v);
  g_assert_cmpint (v.status, ==, KT_VIABILITY_VIABLE);

  /* A target of 15 %: s = 1 − 1200 / 1150 < 0 … still viable; 25 %:
   * s = 1 − 1200 / 1250 = 0.04. */
  kt_viability_compute (&d, &rules, 0.25, &v);
  g_assert_cmpint (v.status, ==, KT_VIABILITY_FOUND);
  g_assert_cmpfloat_with_epsilon (v.required, 0.04, 1e-9);

  rs->capacity = 0.0;
  d.form = KT_FORM_BTL;
  fixture_add_payment (&d, 880);
  kt_viability_compute (&d, &rules, NAN, &v);
  g_assert_cmpint (v.status, ==, KT_VIABILITY_FOUND);
  g_assert_cmpint (v.lever, ==, KT_LEVER_STATE_PAYMENT);
  g_assert_cmpfloat_with_epsilon (v.required, 1.25, 1e-9);
  kt_project_data_clear (&d);
}

/* Form comparison on a small user-pay project: every PPP form is
 * evaluated; the BTL variant keeps the revenue as a payment of the same
 * amount; BT meets the hurdle exactly. */
static void
test_compare (void)
{
  KtProjectData d;
  KtRules rules;
  g_autoptr (GArray) rows = NULL;
  const double capex[] = { 1000, 500 };
  gboolean seen_bt = FALSE;

  fixture_rules (&rules);
  allow_all_sides (&rules);
  fixture_project (&d);
  d.form = KT_FORM_BTO;
  d.construction_years = 2;
  d.operation_years = 8;
  d.equity_share = 0.4;
  fixture_add_capex (&d, KT_CAPEX_EQUIPMENT, 8, capex, 2);
  fixture_add_revenue (&d, 500)->variable_cost_share = 0.1;
  fixture_add_opex (&d, 80);
  fixture_add_loan (&d, 1.0, 0.08, 1, 7, KT_REPAYMENT_ANNUITY);
  rows = kt_forms_compare (&d, &rules);
  g_assert_cmpuint (rows->len, ==, 6);
  g_assert_true (g_array_index (rows, KtFormVariant, 0).current);
  for (guint i = 0; i < rows->len; i++)
    {
      const KtFormVariant *r = &g_array_index (rows, KtFormVariant, i);

      g_assert_true (r->modelled);
      g_assert_true (isfinite (r->equity_irr));
      g_assert_true (isfinite (r->vfm));
      g_assert_true (r->legal_ok);
      if (r->form == KT_FORM_BT)
        {
          g_assert_cmpfloat_with_epsilon (r->equity_irr, d.hurdle_rate, 1e-9);
          seen_bt = TRUE;
        }
      if (r->form == KT_FORM_BTL)
        {
          /* Same revenue as payments: 500 a year for 8 years. */
          assert_money (r->state_payment_total, 4000);
        }
    }
  g_assert_true (seen_bt);
  kt_project_data_clear (&d);

  /* Without construction: the form as it stands and O&M. */
  fixture_project (&d);
  d.operation_years = 5;
  fixture_add_revenue (&d, 300);
  fixture_add_opex (&d, 100);
  g_clear_pointer (&rows, g_array_unref);
  rows = kt_forms_compare (&d, &rules);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (g_array_index (rows, KtFormVariant, 1).form, ==, KT_FORM_OM);
  g_assert_true (g_array_index (rows, KtFormVariant, 1).modelled);
  g_assert_true (g_array_index (rows, KtFormVariant, 1).legal_ok);
  kt_project_data_clear (&d);
}

/* Economic flow (MODEL.md §8), verified by hand.  C = 1, O = 2; land 1000
 * (not depreciated); revenue 600; opex 100 + land rent 50; CF_rev 1.1,
 * CF_capex 0.9, CF_opex 0.8; an external benefit of 20 and cost of 10 a
 * year.  Benefits: 0, 660 + 20 = 680, 680 + residual 1000 · 0.9 = 1580.
 * Costs: 900, (150 − 50) · 0.8 + 10 = 90, 90.  Flow −900, 590, 1490;
 * ENPV = −900 + 590 / 1.1 + 1490 / 1.21; EBCR = (680 / 1.1 + 1580 / 1.21) /
 * (900 + 90 / 1.1 + 90 / 1.21).  State payments, support, CIT, rent and
 * sharing stay out: a band payment changes nothing. */
static void
test_economic (void)
{
  KtProjectData d;
  KtRules rules;
  g_autoptr (KtModel) m = NULL;
  const double capex[] = { 1000 };
  KtExternality *x;
  double enpv = -900 + 590 / 1.1 + 1490 / 1.21;
  double ebcr = (680 / 1.1 + 1580 / 1.21) / (900 + 90 / 1.1 + 90 / 1.21);

  fixture_rules (&rules);
  allow_all_sides (&rules);
  fixture_project (&d);
  d.construction_years = 1;
  d.operation_years = 2;
  fixture_add_capex (&d, KT_CAPEX_LAND, 0, capex, 1);
  fixture_add_revenue (&d, 600);
  fixture_add_opex (&d, 100);
  d.land_rent = 50;
  d.economics.conversion_revenue = 1.1;
  d.economics.conversion_capex = 0.9;
  d.economics.conversion_opex = 0.8;
  x = fixture_append_row (d.economics.externalities, "economics/externalities");
  x->amount = 20;
  x = fixture_append_row (d.economics.externalities, "economics/externalities");
  x->amount = 10;
  x->cost = TRUE;
  m = kt_model_new (&d, 0);
  fixture_evaluate (m, &d, &rules, NULL);
  assert_money (m->y.economic_flow[0], -900);
  assert_money (m->y.economic_flow[1], 590);
  assert_money (m->y.economic_flow[2], 1490);
  assert_money (m->r.enpv, enpv);
  assert_ratio (m->r.ebcr, ebcr);
  g_assert_cmpint (m->r.eirr.status, ==, KT_IRR_UNIQUE);

  /* A band payment is a transfer: with a plan of 1200 and L = 0.8 the state
   * pays 0.5 (960 − 600) = 180 a year, and the economic flow is unchanged. */
  d.sharing.band_enabled = TRUE;
  d.sharing.lower = 0.8, d.sharing.upper = 1.2;
  d.sharing.share_down = 0.5;
  {
    const double plan[] = { 0, 1200, 1200 };

    set_doubles (d.sharing.plan_revenue, plan, 3);
  }
  fixture_evaluate (m, &d, &rules, NULL);
  assert_money (m->y.sharing_receipts[1], 180);
  assert_money (m->r.enpv, enpv);
  kt_project_data_clear (&d);
}

int
main (int    argc,
      char **argv)
{
  gsl_set_error_handler_off ();
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ppp/band", test_band);
  g_test_add_func ("/ppp/st-first-years", test_st_first_years);
  g_test_add_func ("/ppp/mrg", test_mrg);
  g_test_add_func ("/ppp/fx", test_fx);
  g_test_add_func ("/ppp/rd-failure", test_rd_failure);
  g_test_add_func ("/ppp/benefit-sharing", test_benefit_sharing);
  g_test_add_func ("/ppp/three-party", test_three_party);
  g_test_add_func ("/ppp/forms", test_forms);
  g_test_add_func ("/ppp/vfm", test_vfm);
  g_test_add_func ("/ppp/viability", test_viability);
  g_test_add_func ("/ppp/compare", test_compare);
  g_test_add_func ("/ppp/economic", test_economic);
  return g_test_run ();
}
