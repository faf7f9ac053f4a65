/* test-model.c — the engine against hand-computed examples, one per MODEL.md rule
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test writes its arithmetic out so that a reader can redo it with a
 * calculator.  Unless a test says otherwise: start 2026 = price base, no
 * inflation, CIT 20 %, all discount rates 10 %, all equity (fixture-model.c).
 */
#include "config.h"

#include <gsl/gsl_errno.h>
#include <math.h>
#include <string.h>

#include "kt-model-private.h"
#include "model-fixture.h"

typedef struct {
  KtProjectData data;
  KtRules       rules;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  user_data)
{
  fixture_project (&f->data);
  fixture_rules (&f->rules);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  user_data)
{
  kt_project_data_clear (&f->data);
}

/* The fixture's standard CIT rate in every year, for kt_model_cit (). */
static const double flat_20[] = { 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2 };

static KtModel *
evaluate (Fixture         *f,
          const KtDrivers *drivers)
{
  KtModel *model = kt_model_new (&f->data, drivers != NULL ? drivers->delay : 0);

  fixture_evaluate (model, &f->data, &f->rules, drivers);
  return model;
}

/* §2 escalation: base year 2025 for a 2026 start, so t_base = −1 and
 * value_t = base · (1 + e)^(t + 1).  C = 1, O = 3.
 *   capex 1 000 at 5 %, year 0: 1 000 · 1.05 = 1 050
 *   stream 1: 1 000 units × 100 ₫ at 10 %: t=1 1e5 · 1.1² = 121 000,
 *             t=2 133 100, t=3 146 410
 *   stream 2: capacity 10, ramp [0.5, 0.8] (0.8 repeats), growth 5 % from COD,
 *             tariff 10 flat: t=1 10·0.5·1 ·10 = 50, t=2 10·0.8·1.05·10 = 84,
 *             t=3 10·0.8·1.1025·10 = 88.2
 *   opex 500 at 2 %: t=1 500·1.02² = 520.2, t=2 530.604, t=3 541.21608
 *   inflation 4 %: deflator_2 = 1/1.04² = 1/1.0816 */
static void
test_escalation (Fixture       *f,
                 gconstpointer  user_data)
{
  const double amounts[] = { 1000 };
  KtRevenueStream *rs;
  KtOpexLine *opex;
  g_autoptr (KtModel) model = NULL;
  double ramp[] = { 0.5, 0.8 };

  f->data.price_base_year = 2025;
  f->data.construction_years = 1;
  f->data.operation_years = 3;
  f->data.inflation = 0.04;
  fixture_add_capex (&f->data, KT_CAPEX_CONSTRUCTION, 0, amounts, 1)->escalation = 0.05;
  rs = fixture_add_revenue (&f->data, 100);
  rs->capacity = 1000;
  rs->escalation = 0.10;
  rs = fixture_add_revenue (&f->data, 10);
  rs->capacity = 10;
  rs->growth = 0.05;
  g_array_append_vals (rs->ramp, ramp, 2);
  opex = fixture_add_opex (&f->data, 500);
  opex->escalation = 0.02;

  model = evaluate (f, NULL);
  assert_money (model->y.capex[0], 1050);
  assert_money (model->r.total_investment, 1050);
  assert_money (model->y.revenue[1], 121000 + 50);
  assert_money (model->y.revenue[2], 133100 + 84);
  assert_money (model->y.revenue[3], 146410 + 88.2);
  assert_money (model->y.opex[1], 520.2);
  assert_money (model->y.opex[2], 530.604);
  assert_money (model->y.opex[3], 541.21608);
  assert_ratio (model->y.deflator[2], 1 / 1.0816);
}

/* §3 contingency and duty.  C = 2, O = 5, project contingency 10 %, duty 20 %.
 *   A equipment [1 000, 2 000], 50 % imported, project contingency, life 5:
 *     contingency [100, 200], duty 0.2·0.5·[1 000, 2 000] = [100, 200]
 *   B construction [0, 500], own contingency 0, 100 % imported, life 0:
 *     duty 0.2·500 = 100 in year 1
 *   capex [1 000, 2 500], contingency [100, 200], duty [100, 300]
 *   total investment 3 500 + 300 + 400 = 4 200 (all equity: no IDC)
 *   A depreciates 3 000·1.2 = 3 600 over 5 years: 720 in t = 2 … 6;
 *   B (600, land-like) is written off in N−1 = 6.
 *   Duty exempt: duty 0, total investment 3 800. */
static void
test_contingency_duty (Fixture       *f,
                       gconstpointer  user_data)
{
  const double a[] = { 1000, 2000 }, b[] = { 0, 500 };
  KtCapexLine *line;
  g_autoptr (KtModel) model = NULL;

  f->data.construction_years = 2;
  f->data.operation_years = 5;
  f->data.contingency_rate = 0.10;
  f->data.duty_rate = 0.20;
  line = fixture_add_capex (&f->data, KT_CAPEX_EQUIPMENT, 5, a, 2);
  line->share_imported = 0.5;
  line = fixture_add_capex (&f->data, KT_CAPEX_CONSTRUCTION, 0, b, 2);
  line->share_imported = 1.0;
  line->contingency_rate = 0.0;

  model = evaluate (f, NULL);
  assert_money (model->y.capex[0], 1000);
  assert_money (model->y.capex[1], 2500);
  assert_money (model->y.contingency[0], 100);
  assert_money (model->y.contingency[1], 200);
  assert_money (model->y.duty[0], 100);
  assert_money (model->y.duty[1], 300);
  assert_money (model->r.total_investment, 4200);
  for (int t = 2; t <= 6; t++)
    assert_money (model->y.depreciation[t], 720);
  assert_money (model->y.writeoff[6], 600);
  /* The duty is the state's (§8 fiscal flow) in the year it is paid. */
  assert_money (model->y.fiscal_flow[1], 300);

  f->data.duty_exempt = TRUE;
  fixture_evaluate (model, &f->data, &f->rules, NULL);
  assert_money (model->y.duty[1], 0);
  assert_money (model->r.total_investment, 3800);
}

/* §6 IDC circularity, C = 2: base [1 000, 1 000], equity share g = 0.3, one
 * loan at 10 % with a 1 % fee, a = (1 − g) = 0.7, first draw in year 0:
 *   D0 = 0.7 (1 000 + 0.05 D0 + 0.01 (D0 + D1))  →  0.958 D0 − 0.007 D1 = 700
 *   D1 = 0.7 (1 000 + 0.1 D0 + 0.05 D1)          → −0.07 D0 + 0.965 D1 = 700
 *   det = 0.958·0.965 − 0.007·0.07 = 0.92398
 *   D0 = (700·0.965 + 0.007·700) / det = 680.4 / 0.92398 = 736.3795753…
 *   D1 = (0.958·700 + 0.07·700) / det  = 719.6 / 0.92398 = 778.8047360…
 *   IDC0 = 0.05 D0, IDC1 = 0.1 D0 + 0.05 D1, fees0 = 0.01 (D0 + D1)
 * and the draws are 70 % of total investment, equity 30 %. */
static void
test_idc_two_years (Fixture       *f,
                    gconstpointer  user_data)
{
  const double amounts[] = { 1000, 1000 };
  const double det = 0.958 * 0.965 - 0.007 * 0.07;
  const double d0 = 680.4 / det, d1 = 719.6 / det;
  g_autoptr (KtModel) model = NULL;

  f->data.construction_years = 2;
  f->data.operation_years = 5;
  f->data.equity_share = 0.3;
  fixture_add_capex (&f->data, KT_CAPEX_EQUIPMENT, 10, amounts, 2);
  fixture_add_loan (&f->data, 1.0, 0.10, 0, 5, KT_REPAYMENT_EQUAL_PRINCIPAL)->fee_rate = 0.01;
  fixture_add_revenue (&f->data, 1000);

  model = evaluate (f, NULL);
  assert_money (d0, 736.37957531548302);
  assert_money (model->y.draws[0], d0);
  assert_money (model->y.draws[1], d1);
  assert_money (model->y.idc[0], 0.05 * d0);
  assert_money (model->y.idc[1], 0.1 * d0 + 0.05 * d1);
  assert_money (model->y.fees[0], 0.01 * (d0 + d1));
  assert_money (model->y.fees[1], 0);
  assert_money (model->r.total_investment,
                2000 + 0.05 * d0 + 0.1 * d0 + 0.05 * d1 + 0.01 * (d0 + d1));
  assert_money (model->r.debt_total, 0.7 * model->r.total_investment);
  assert_money (model->r.equity_total, 0.3 * model->r.total_investment);
  assert_money (model->loans[0].cod_balance, d0 + d1);
}

/* The same with a state share s = 0.2: a = 0.7 · 0.8 = 0.56,
 *   0.9664 D0 − 0.0056 D1 = 560,  −0.056 D0 + 0.972 D1 = 560,
 *   det = 0.9664·0.972 − 0.0056·0.056 = 0.9390272,
 *   D0 = (560·0.972 + 0.0056·560) / det, D1 = (0.9664·560 + 0.056·560) / det;
 * support = 20 % and equity = 0.3·0.8 = 24 % of total investment. */
static void
test_idc_state_share (Fixture       *f,
                      gconstpointer  user_data)
{
  const double amounts[] = { 1000, 1000 };
  const double det = 0.9664 * 0.972 - 0.0056 * 0.056;
  g_autoptr (KtModel) model = NULL;

  f->data.construction_years = 2;
  f->data.operation_years = 5;
  f->data.equity_share = 0.3;
  f->data.support_mode = KT_SUPPORT_SHARE;
  f->data.support_share = 0.2;
  fixture_add_capex (&f->data, KT_CAPEX_EQUIPMENT, 10, amounts, 2);
  fixture_add_loan (&f->data, 1.0, 0.10, 0, 5, KT_REPAYMENT_EQUAL_PRINCIPAL)->fee_rate = 0.01;
  fixture_add_revenue (&f->data, 1000);

  model = evaluate (f, NULL);
  assert_money (model->y.draws[0], (560 * 0.972 + 0.0056 * 560) / det);
  assert_money (model->y.draws[1], (0.9664 * 560 + 0.056 * 560) / det);
  assert_money (model->r.support_total, 0.2 * model->r.total_investment);
  assert_money (model->r.equity_total, 0.24 * model->r.total_investment);
  assert_money (model->r.debt_total, 0.56 * model->r.total_investment);
  g_assert_true (kt_model_check_passed (model, KT_CHECK_STATE_CAP));
  g_assert_true (kt_model_check_passed (model, KT_CHECK_EQUITY_MINIMUM));
}

/* A one-year construction of 1 000 all in debt at 10 %:
 * B = 1 000 + 0.1 · B / 2, so B = 1 000 / 0.95. */
static void
one_year_debt_project (Fixture     *f,
                       int          grace,
                       int          tenor,
                       KtRepayment  repayment)
{
  const double amounts[] = { 1000 };

  f->data.construction_years = 1;
  f->data.operation_years = 5;
  f->data.equity_share = 0.0;
  fixture_add_capex (&f->data, KT_CAPEX_EQUIPMENT, 5, amounts, 1);
  fixture_add_loan (&f->data, 1.0, 0.10, grace, tenor, repayment);
  fixture_add_revenue (&f->data, 1000);
}

/* §6 equal principal, grace 1, tenor 4: interest only in t = 1, then B/3 in
 * t = 2, 3, 4 with interest 0.1 B, 0.1 · 2B/3, 0.1 · B/3; nothing in t = 5. */
static void
test_equal_principal (Fixture       *f,
                      gconstpointer  user_data)
{
  const double b = 1000 / 0.95;
  const KtModelLoan *loan;
  g_autoptr (KtModel) model = NULL;

  one_year_debt_project (f, 1, 4, KT_REPAYMENT_EQUAL_PRINCIPAL);
  model = evaluate (f, NULL);
  loan = &model->loans[0];
  assert_money (loan->cod_balance, b);
  assert_money (loan->interest[1], 0.1 * b);
  assert_money (loan->principal[1], 0);
  assert_money (loan->principal[2], b / 3);
  assert_money (loan->principal[3], b / 3);
  assert_money (loan->principal[4], b / 3);
  assert_money (loan->interest[3], 0.1 * 2 * b / 3);
  assert_money (loan->interest[4], 0.1 * b / 3);
  assert_money (loan->balance[4], 0);
  assert_money (loan->principal[5] + loan->interest[5], 0);
  g_assert_true (kt_model_check_passed (model, KT_CHECK_LOAN_REPAID));
  /* Equity share 0 is below the 15 % minimum: an error, never fixed. */
  g_assert_cmpint (fixture_count (model, KT_CHECK_EQUITY_MINIMUM), ==, 1);
}

/* §6 annuity over n = tenor − grace = 3 years on B: the standard formula
 * A = B · r / (1 − (1 + r)^−n) = B · 0.1 / (1 − 1.1^−3) = 0.4021148… B is the
 * debt service of t = 2, 3, 4, and the last instalment clears the balance. */
static void
test_annuity (Fixture       *f,
              gconstpointer  user_data)
{
  const double b = 1000 / 0.95;
  const double annuity = b * 0.1 / (1 - pow (1.1, -3));
  const KtModelLoan *loan;
  g_autoptr (KtModel) model = NULL;

  one_year_debt_project (f, 1, 4, KT_REPAYMENT_ANNUITY);
  model = evaluate (f, NULL);
  loan = &model->loans[0];
  assert_ratio (annuity / b, 0.40211480362537727);
  assert_money (loan->interest[1], 0.1 * b);
  assert_money (loan->principal[1], 0);
  for (int t = 2; t <= 4; t++)
    {
      double opening = loan->balance[t - 1];

      assert_money (loan->interest[t], 0.1 * opening);
      assert_money (loan->interest[t] + loan->principal[t], annuity);
    }
  assert_money (loan->principal[2], annuity - 0.1 * b);
  assert_money (loan->balance[4], 0);
}

/* §6 sculpting with flat CFADS and no tax: C = 1, B = 1 000/0.95, 10 %,
 * grace 0, tenor 3, revenue 500 so CFADS = 500 in t = 1, 2, 3:
 *   PV = 500 (1/1.1 + 1/1.21 + 1/1.331) = 1 243.4259954921…
 *   τ = PV / B = 1.1812546957…, debt service 500/τ = 423.2786…, DSCR = τ;
 *   τ < target 1.3: a warning (reported, never resized). */
static void
test_sculpting_flat (Fixture       *f,
                     gconstpointer  user_data)
{
  const double amounts[] = { 1000 };
  const double b = 1000 / 0.95;
  const double pv = 500 * (1 / 1.1 + 1 / 1.21 + 1 / 1.331);
  KtLoan *loan;
  g_autoptr (KtModel) model = NULL;

  f->rules.cit_standard_rate = 0.0;
  f->data.construction_years = 1;
  f->data.operation_years = 3;
  f->data.equity_share = 0.0;
  fixture_add_capex (&f->data, KT_CAPEX_LAND, 0, amounts, 1);
  loan = fixture_add_loan (&f->data, 1.0, 0.10, 0, 3, KT_REPAYMENT_SCULPTED);
  loan->target_dscr = 1.3;
  fixture_add_revenue (&f->data, 500);

  model = evaluate (f, NULL);
  assert_money (pv, 1243.4259954921112);
  assert_ratio (model->loans[0].tau, pv / b);
  for (int t = 1; t <= 3; t++)
    {
      assert_money (model->y.debt_service[t], 500 / (pv / b));
      assert_ratio (model->y.dscr[t], pv / b);
    }
  assert_money (model->loans[0].balance[3], 0);
  g_assert_cmpint (fixture_count (model, KT_CHECK_SCULPTING_TAU), ==, 1);
  g_assert_true (kt_model_check_passed (model, KT_CHECK_SCULPTING_CONVERGED));

  loan->target_dscr = 1.1;
  fixture_evaluate (model, &f->data, &f->rules, NULL);
  g_assert_true (kt_model_check_passed (model, KT_CHECK_SCULPTING_TAU));
}

/* §6 sculpting with tax: interest changes tax, tax changes CFADS, so the
 * schedule is iterated until it moves < 1 đồng.  At the fixed point
 * DS_t · τ = CFADS_t (to that đồng), τ = PV(CFADS)/B and the loan is repaid. */
static void
test_sculpting_with_tax (Fixture       *f,
                         gconstpointer  user_data)
{
  const double amounts[] = { 1e12 };
  KtRevenueStream *rs;
  const KtModelLoan *ml;
  double pv = 0, d = 1;
  g_autoptr (KtModel) model = NULL;
  double ramp[] = { 0.4, 0.6, 0.8, 1.0 };

  f->data.construction_years = 1;
  f->data.operation_years = 6;
  f->data.equity_share = 0.3;
  fixture_add_capex (&f->data, KT_CAPEX_EQUIPMENT, 6, amounts, 1);
  fixture_add_loan (&f->data, 1.0, 0.09, 1, 6, KT_REPAYMENT_SCULPTED);
  rs = fixture_add_revenue (&f->data, 5e11);
  g_array_append_vals (rs->ramp, ramp, 4);

  model = evaluate (f, NULL);
  ml = &model->loans[0];
  g_assert_cmpint (model->r.sculpt_iterations, >=, 2);
  g_assert_true (kt_model_check_passed (model, KT_CHECK_SCULPTING_CONVERGED));
  for (int t = 2; t <= 6; t++)
    {
      d /= 1.09;
      pv += model->y.cfads[t] * d;
    }
  assert_ratio (ml->tau, pv / ml->cod_balance);
  g_assert_cmpfloat (fabs (ml->tau - pv / ml->cod_balance) * ml->cod_balance, <, 10.0);
  assert_money (ml->principal[1], 0);
  for (int t = 2; t <= 6; t++)
    g_assert_cmpfloat (fabs (model->y.debt_service[t] * ml->tau - model->y.cfads[t]), <,
                       2.0 * ml->tau);
  assert_money (ml->balance[6], 0);
  g_assert_true (kt_model_check_passed (model, KT_CHECK_LOAN_REPAID));
}

/* DOMAIN.md §8: 50 000 000 ₫, 5 years, coefficient 2.0 (40 %):
 * 20.0, 12.0, 7.2, then 5.4 and 5.4 million (7.2 > 10.8/2 = 5.4 would be
 * 4.32 ≤ 5.4 in year 4, so straight line from there). */
static void
test_declining_balance_domain (Fixture       *f,
                               gconstpointer  user_data)
{
  const double amounts[] = { 50e6 };
  const double expected[] = { 20e6, 12e6, 7.2e6, 5.4e6, 5.4e6, 0 };
  g_autoptr (KtModel) model = NULL;

  f->data.construction_years = 1;
  f->data.operation_years = 6;
  fixture_add_capex (&f->data, KT_CAPEX_EQUIPMENT, 5, amounts, 1)->method =
    KT_DEPRECIATION_DECLINING_BALANCE;
  fixture_add_revenue (&f->data, 1e8);

  model = evaluate (f, NULL);
  for (int t = 1; t <= 6; t++)
    assert_money (model->y.depreciation[t], expected[t - 1]);
  assert_money (model->y.fixed_assets[5], 0);
  g_assert_true (kt_model_check_passed (model, KT_CHECK_DECLINING_BALANCE));
}

/* Life 8 takes coefficient 2.5: 31.25 % of opening NBV (100 million):
 *   31.25, 21.484375, 14.7705078125, 10.154724121094, 6.981372833252 (each
 *   above NBV / remaining years: 12.5, 9.82, 7.88, 6.50, 5.59), then in year 6
 *   15.359020233154 · 0.3125 = 4.7997 ≤ 15.359020233154 / 3 = 5.119673411051:
 *   straight line, 5.119673411051 in years 6, 7 and 8.
 * The same method on software is a warning. */
static void
test_declining_balance_switch (Fixture       *f,
                               gconstpointer  user_data)
{
  const double amounts[] = { 100e6 };
  const double expected[] = { 31.25e6, 21.484375e6, 14.7705078125e6, 10.154724121093750e6,
                              6.9813728332519531e6, 5.1196734110514323e6, 5.1196734110514323e6,
                              5.1196734110514323e6 };
  KtCapexLine *line;
  g_autoptr (KtModel) model = NULL;
  g_autoptr (GPtrArray) problems = kt_problems_new ();

  f->data.construction_years = 1;
  f->data.operation_years = 8;
  fixture_add_capex (&f->data, KT_CAPEX_EQUIPMENT, 8, amounts, 1)->method =
    KT_DEPRECIATION_DECLINING_BALANCE;
  line = fixture_add_capex (&f->data, KT_CAPEX_SOFTWARE, 8, amounts, 1);
  line->method = KT_DEPRECIATION_DECLINING_BALANCE;
  fixture_add_revenue (&f->data, 1e8);

  model = evaluate (f, NULL);
  for (int t = 1; t <= 8; t++)
    assert_money (model->assets[0].depreciation[t], expected[t - 1]);
  g_assert_cmpint (fixture_count (model, KT_CHECK_DECLINING_BALANCE), ==, 1);
  kt_model_append_problems (model, &f->data, problems);
  for (guint i = 0; i < problems->len; i++)
    {
      KtProblem *p = problems->pdata[i];

      if (strcmp (p->code, "declining_balance_category") == 0)
        {
          g_assert_cmpstr (p->where, ==, "investment/capex/2/method");
          g_assert_cmpint (p->severity, ==, KT_SEVERITY_WARNING);
        }
    }
}

/* §7 losses, 5 years, 20 %: assessable [−100, 10, 10, 10, 10, 10, 200]:
 * years 1–5 each offset 10 of the year-0 loss (taxable 0); the 50 left
 * expires at the end of year 5 = 0 + 5; year 6 pays 0.2 · 200 = 40. */
static void
test_loss_carry_forward (Fixture       *f,
                         gconstpointer  user_data)
{
  const double assessable[] = { -100, 10, 10, 10, 10, 10, 200 };
  double pool[7], used[7], expired[7], left[7], taxable[7], rate[7], tax[7];

  kt_model_cit (&f->rules, KT_INCENTIVE_NONE, 7, 0, assessable, flat_20, pool, used, expired, left,
                taxable, rate, tax);
  for (int t = 1; t <= 5; t++)
    {
      assert_money (used[t], 10);
      assert_money (tax[t], 0);
    }
  assert_money (left[4], 60);
  assert_money (expired[5], 50);
  assert_money (left[5], 0);
  assert_money (used[6], 0);
  assert_money (taxable[6], 200);
  assert_money (tax[6], 40);
}

/* Oldest first: [−50, −30, 60, 100]: year 2 takes 50 of year 0 and 10 of
 * year 1 (taxable 0); year 3 takes the 20 left, taxable 80, tax 16. */
static void
test_loss_oldest_first (Fixture       *f,
                        gconstpointer  user_data)
{
  const double assessable[] = { -50, -30, 60, 100 };
  double pool[4], used[4], expired[4], left[4], taxable[4], rate[4], tax[4];

  kt_model_cit (&f->rules, KT_INCENTIVE_NONE, 4, 0, assessable, flat_20, pool, used, expired, left,
                taxable, rate, tax);
  assert_money (used[2], 60);
  assert_money (left[2], 20);
  assert_money (taxable[2], 0);
  assert_money (used[3], 20);
  assert_money (taxable[3], 80);
  assert_money (tax[3], 16);
}

/* §7 holiday from the first positive assessable income.  Class: 10 % for
 * 10 years from the first revenue year r0 = 1, 2 years exempt, 2 at 50 %.
 * Assessable [0, −10, 50, 50, 50, 50, 50, 50]: holiday from t = 2;
 *   t2: loss 10 offset in an exempt year, taxable 40, tax 0; t3: 0;
 *   t4, t5: 50 · 10 % · 0.5 = 2.5; t6, t7: 5. */
static void
test_holiday_first_positive (Fixture       *f,
                             gconstpointer  user_data)
{
  const double assessable[] = { 0, -10, 50, 50, 50, 50, 50, 50 };
  const double expected[] = { 0, 0, 0, 0, 2.5, 2.5, 5, 5 };
  double pool[8], used[8], taxable[8], rate[8], tax[8];
  int start;

  f->rules.cit[KT_INCENTIVE_HIGH_TECH] = (KtCitSchedule) { 0.10, 10, 2, 2, 4 };
  start = kt_model_cit (&f->rules, KT_INCENTIVE_HIGH_TECH, 8, 1, assessable, flat_20, pool, used,
                        NULL, NULL, taxable, rate, tax);
  g_assert_cmpint (start, ==, 2);
  assert_money (used[2], 10);
  assert_money (taxable[2], 40);
  for (int t = 0; t < 8; t++)
    assert_money (tax[t], expected[t]);
}

/* The 4th-revenue-year cap: r0 = 1, losses in t = 1 … 4, first positive in
 * t = 5 = the 5th revenue year, so the holiday starts in t = 4 = r0 + 3 (a
 * loss year, which counts): exempt t4, t5; 50 % t6, t7; full t8.
 *   t5: 50 − 40 of losses = 10, exempt; t6, t7: 2.5; t8, t9: 5.
 * Start-up class (standard rate 20 %, 2 + 4, same start rule) on the same
 * series: exempt t4, t5, 50 % t6 … t9: 5 each, full from t10. */
static void
test_holiday_fourth_year_cap (Fixture       *f,
                              gconstpointer  user_data)
{
  const double assessable[] = { 0, -10, -10, -10, -10, 50, 50, 50, 50, 50, 50 };
  const double expected[] = { 0, 0, 0, 0, 0, 0, 2.5, 2.5, 5, 5, 5 };
  const double startup[] = { 0, 0, 0, 0, 0, 0, 5, 5, 5, 5, 10 };
  double pool[11], used[11], taxable[11], rate[11], tax[11];
  int start;

  f->rules.cit[KT_INCENTIVE_HIGH_TECH] = (KtCitSchedule) { 0.10, 10, 2, 2, 4 };
  start = kt_model_cit (&f->rules, KT_INCENTIVE_HIGH_TECH, 11, 1, assessable, flat_20, pool, used,
                        NULL, NULL, taxable, rate, tax);
  g_assert_cmpint (start, ==, 4);
  assert_money (taxable[5], 10);
  for (int t = 0; t < 11; t++)
    assert_money (tax[t], expected[t]);

  start = kt_model_cit (&f->rules, KT_INCENTIVE_STARTUP, 11, 1, assessable, flat_20, pool, used,
                        NULL, NULL, taxable, rate, tax);
  g_assert_cmpint (start, ==, 4);
  for (int t = 0; t < 11; t++)
    assert_money (tax[t], startup[t]);
}

/* The same rule through the model: C = 1, revenue from t = 1 (r0 = 1),
 * holiday start = first year with positive assessable income. */
static void
test_holiday_in_model (Fixture       *f,
                       gconstpointer  user_data)
{
  const double amounts[] = { 3000 };
  KtRevenueStream *rs;
  g_autoptr (KtModel) model = NULL;
  double ramp[] = { 0.2, 0.5, 1.0 };

  /* revenue 1 000·[0.2, 0.5, 1, 1, 1], depreciation 3 000/3 = 1 000 in t = 1 … 3:
   * assessable [−800, −500, 0, 1 000, 1 000]: first positive t = 4 = r0 + 3,
   * also the cap; high-tech class (fixture: 10 %, 4 exempt years). */
  f->data.construction_years = 1;
  f->data.operation_years = 5;
  f->data.incentive = KT_INCENTIVE_HIGH_TECH;
  fixture_add_capex (&f->data, KT_CAPEX_EQUIPMENT, 3, amounts, 1);
  rs = fixture_add_revenue (&f->data, 1000);
  g_array_append_vals (rs->ramp, ramp, 3);

  model = evaluate (f, NULL);
  g_assert_cmpint (model->r.first_revenue_year, ==, 1);
  g_assert_cmpint (model->r.holiday_start, ==, 4);
  assert_money (model->y.assessable[1], -800);
  assert_money (model->y.tax[4], 0);
  assert_money (model->y.tax[5], 0);
  assert_money (model->y.loss_used[4], 1000);
  assert_money (model->y.loss_used[5], 300);
}

/* §7 small-company bands: ≤ 3 billion → 15 %, ≤ 50 billion → 17 %, else 20 %. */
static void
test_cit_bands (Fixture       *f,
                gconstpointer  user_data)
{
  f->rules.n_cit_bands = 2;
  f->rules.cit_band_revenue[0] = 50e9;
  f->rules.cit_band_rate[0] = 0.17;
  f->rules.cit_band_revenue[1] = 3e9;
  f->rules.cit_band_rate[1] = 0.15;
  g_assert_cmpfloat (kt_model_standard_rate (&f->rules, 2e9), ==, 0.15);
  g_assert_cmpfloat (kt_model_standard_rate (&f->rules, 3e9), ==, 0.15);
  g_assert_cmpfloat (kt_model_standard_rate (&f->rules, 10e9), ==, 0.17);
  g_assert_cmpfloat (kt_model_standard_rate (&f->rules, 100e9), ==, 0.20);

  /* The per-year lookup agrees with the single one on random bands (ties,
   * any order) and revenues on and around the limits. */
  {
    g_autoptr (GRand) rand = g_rand_new_with_seed (7);
    double revenue[64], rates[64];

    for (int k = 0; k < 500; k++)
      {
        f->rules.n_cit_bands = g_rand_int_range (rand, 0, KT_MAX_CIT_BANDS + 1);
        for (int i = 0; i < f->rules.n_cit_bands; i++)
          {
            f->rules.cit_band_revenue[i] = 1e9 * g_rand_int_range (rand, 1, 6);
            f->rules.cit_band_rate[i] = 0.01 * g_rand_int_range (rand, 5, 20);
          }
        for (int t = 0; t < 64; t++)
          revenue[t] = 1e9 * g_rand_int_range (rand, 0, 7)
                       + (t % 3 == 0 ? 0.0 : g_rand_double_range (rand, -1.0, 1.0));
        revenue[0] = NAN;
        kt_model_standard_rates (&f->rules, revenue, 64, rates);
        for (int t = 0; t < 64; t++)
          g_assert_cmpfloat (rates[t], ==, kt_model_standard_rate (&f->rules, revenue[t]));
      }
  }
}

/* §7 R&D at 200 %: revenue 1 000, R&D opex 100: assessable 1 000 − 100 − 100
 * = 800, tax 160.  With revenue 150 the extra deduction makes a loss:
 * 150 − 200 = −50 in t = 0 and 1; t = 2 adds a state payment of 500:
 * 650 − 200 = 450, less 100 of losses, tax 0.2 · 350 = 70. */
static void
test_rd_deduction (Fixture       *f,
                   gconstpointer  user_data)
{
  KtStatePayment *sp;
  KtRevenueStream *rs;
  g_autoptr (KtModel) model = NULL;

  f->data.operation_years = 3;
  rs = fixture_add_revenue (&f->data, 1000);
  fixture_add_opex (&f->data, 100)->rd = TRUE;

  model = evaluate (f, NULL);
  assert_money (model->y.rd_extra[0], 100);
  assert_money (model->y.assessable[0], 800);
  assert_money (model->y.tax[0], 160);

  rs->tariff = 150;
  sp = fixture_add_payment (&f->data, 500);
  sp->first_year = 3;
  sp->last_year = 3;
  fixture_evaluate (model, &f->data, &f->rules, NULL);
  assert_money (model->y.assessable[0], -50);
  assert_money (model->y.tax[0], 0);
  assert_money (model->y.assessable[2], 450);
  assert_money (model->y.loss_used[2], 100);
  assert_money (model->y.tax[2], 70);
}

/* §7 exempt S&T income: a stream of 1 000 with 20 % variable cost, exempt
 * for 2 years, ramp [0, 1] so its revenue years start in t = 1: exempt
 * 1 000 − 200 = 800 in t = 1, 2; assessable 0 then 800 (tax 160).  The rule
 * set caps n at st_income_max_exempt_years. */
static void
test_st_exempt_income (Fixture       *f,
                       gconstpointer  user_data)
{
  KtRevenueStream *rs;
  g_autoptr (KtModel) model = NULL;
  double ramp[] = { 0, 1 };

  f->data.operation_years = 4;
  rs = fixture_add_revenue (&f->data, 1000);
  rs->variable_cost_share = 0.2;
  rs->exempt_years = 2;
  g_array_append_vals (rs->ramp, ramp, 2);

  model = evaluate (f, NULL);
  assert_money (model->y.st_exempt[0], 0);
  assert_money (model->y.st_exempt[1], 800);
  assert_money (model->y.st_exempt[2], 800);
  assert_money (model->y.st_exempt[3], 0);
  assert_money (model->y.tax[2], 0);
  assert_money (model->y.tax[3], 160);

  f->rules.st_income_max_exempt_years = 1;
  fixture_evaluate (model, &f->data, &f->rules, NULL);
  assert_money (model->y.st_exempt[2], 0);
  assert_money (model->y.tax[2], 160);
}

/* §5 NWC: receivable days 36.5 (10 % of 1 000 revenue = 100), payable days
 * 73 (20 % of 400 opex = 80): NWC 20 in t = 0 … 2, nil in t = 3 (released):
 * ΔNWC [20, 0, 0, −20].  CIT 0: project flow [580, 600, 600, 620]. */
static void
test_nwc (Fixture       *f,
          gconstpointer  user_data)
{
  const double delta[] = { 20, 0, 0, -20 }, flow[] = { 580, 600, 600, 620 };
  g_autoptr (KtModel) model = NULL;

  f->rules.cit_standard_rate = 0;
  f->data.operation_years = 4;
  f->data.nwc_enabled = TRUE;
  f->data.receivable_days = 36.5;
  f->data.payable_days = 73;
  fixture_add_revenue (&f->data, 1000);
  fixture_add_opex (&f->data, 400);

  model = evaluate (f, NULL);
  assert_money (model->y.receivables[0], 100);
  assert_money (model->y.payables[0], 80);
  for (int t = 0; t < 4; t++)
    {
      assert_money (model->y.delta_nwc[t], delta[t]);
      assert_money (model->y.project_flow[t], flow[t]);
    }
  assert_money (model->y.receivables[3], 0);
}

/* §8 payback: capex 1 000 in t = 0, revenue 300 in t = 1 … 5, no tax:
 * flows [−1 000, 300 × 5]; cumulative −1 000, −700, −400, −100, 200, so
 * payback = 3 + 100/300 = 3.3333.  Discounted at 10 %: Σ_{1..4} 300/1.1^t =
 * 950.9596…, left 49.0404 of 300/1.1^5 = 186.2764: 4.263267…
 * NPV = −1 000 + 300 · 3.7907868 = 137.2360; B/C = 1 137.2360 / 1 000. */
static void
test_payback (Fixture       *f,
              gconstpointer  user_data)
{
  const double amounts[] = { 1000 };
  double annuity = 0, pv4 = 0;
  g_autoptr (KtModel) model = NULL;

  for (int t = 1; t <= 5; t++)
    annuity += pow (1.1, -t);
  for (int t = 1; t <= 4; t++)
    pv4 += 300 * pow (1.1, -t);

  f->rules.cit_standard_rate = 0;
  f->data.construction_years = 1;
  f->data.operation_years = 5;
  fixture_add_capex (&f->data, KT_CAPEX_EQUIPMENT, 5, amounts, 1);
  fixture_add_revenue (&f->data, 300);

  model = evaluate (f, NULL);
  assert_ratio (model->r.payback, 3 + 100.0 / 300);
  assert_ratio (model->r.discounted_payback, 4 + (1000 - pv4) / (300 * pow (1.1, -5)));
  assert_ratio (model->r.discounted_payback, 4.2632666666666667);
  assert_money (model->r.project_npv, -1000 + 300 * annuity);
  assert_ratio (model->r.bcr, 300 * annuity / 1000);
  g_assert_cmpint (model->r.project_irr.status, ==, KT_IRR_UNIQUE);
  g_assert_cmpfloat (fabs (kt_npv (model->y.project_flow, 6, model->r.project_irr.irr)), <, 1e-6);
  /* All equity, no tax: the equity flow is the project flow. */
  assert_money (model->r.equity_npv, model->r.project_npv);
}

/* §8 DSCR and LLCR: B = 1 000/0.95, 10 %, equal principal, grace 0, tenor 2;
 * CFADS 500 in t = 1 … 3 (no tax):
 *   DS1 = B/2 + 0.1 B = 0.6 B, DS2 = B/2 + 0.05 B = 0.55 B,
 *   DSCR1 = 500·0.95/600 = 0.791667, DSCR2 = 500·0.95/550 = 0.863636;
 *   average 0.827652; LLCR = (500/1.1 + 500/1.21) / B = 0.824380;
 *   both years below the lender's 1.2: two warnings. */
static void
test_dscr_llcr (Fixture       *f,
                gconstpointer  user_data)
{
  const double amounts[] = { 1000 };
  const double b = 1000 / 0.95;
  g_autoptr (KtModel) model = NULL;

  f->rules.cit_standard_rate = 0;
  f->data.construction_years = 1;
  f->data.operation_years = 3;
  f->data.equity_share = 0;
  f->data.min_dscr = 1.2;
  fixture_add_capex (&f->data, KT_CAPEX_LAND, 0, amounts, 1);
  fixture_add_loan (&f->data, 1.0, 0.10, 0, 2, KT_REPAYMENT_EQUAL_PRINCIPAL);
  fixture_add_revenue (&f->data, 500);

  model = evaluate (f, NULL);
  assert_money (model->y.debt_service[1], 0.6 * b);
  assert_money (model->y.debt_service[2], 0.55 * b);
  assert_ratio (model->y.dscr[1], 500 * 0.95 / 600);
  assert_ratio (model->y.dscr[2], 500 * 0.95 / 550);
  g_assert_true (isnan (model->y.dscr[3]));
  assert_ratio (model->r.dscr_min, 500 * 0.95 / 600);
  g_assert_cmpint (model->r.dscr_min_year, ==, 1);
  assert_ratio (model->r.dscr_avg, (500 * 0.95 / 600 + 500 * 0.95 / 550) / 2);
  assert_ratio (model->r.llcr, (500 / 1.1 + 500 / 1.21) / b);
  g_assert_cmpint (fixture_count (model, KT_CHECK_DSCR), ==, 2);
}

/* §8 break-even volume: the payback project with volume v has
 * NPV(v) = −1 000 + 300 v · 3.7907868, zero at v = 0.879339…; with 50 %
 * variable cost, 150 v in place of 300 v.  A project whose state payment
 * alone pays back has no break-even (NaN). */
static void
test_break_even (Fixture       *f,
                 gconstpointer  user_data)
{
  const double amounts[] = { 1000 };
  double annuity = 0;
  KtRevenueStream *rs;
  g_autoptr (KtModel) model = NULL;

  for (int t = 1; t <= 5; t++)
    annuity += pow (1.1, -t);
  f->rules.cit_standard_rate = 0;
  f->data.construction_years = 1;
  f->data.operation_years = 5;
  fixture_add_capex (&f->data, KT_CAPEX_EQUIPMENT, 5, amounts, 1);
  rs = fixture_add_revenue (&f->data, 300);

  model = evaluate (f, NULL);
  assert_ratio (model->r.break_even_volume, 1000 / (300 * annuity));
  assert_money (kt_model_project_npv_at_volume (model, &f->data, &f->rules, 1.0),
                model->r.project_npv);

  rs->variable_cost_share = 0.5;
  fixture_evaluate (model, &f->data, &f->rules, NULL);
  assert_ratio (model->r.break_even_volume, 1000 / (150 * annuity));

  fixture_add_payment (&f->data, 400);
  fixture_evaluate (model, &f->data, &f->rules, NULL);
  g_assert_true (isnan (model->r.break_even_volume));
}

/* The break-even volume with tax and NWC is where a full re-evaluation with
 * the demand driver at that volume gives project NPV 0. */
static void
test_break_even_full (Fixture       *f,
                      gconstpointer  user_data)
{
  const double amounts[] = { 5000, 3000 };
  KtRevenueStream *rs;
  KtDrivers drivers;
  g_autoptr (KtModel) model = NULL;

  f->data.construction_years = 2;
  f->data.operation_years = 8;
  f->data.nwc_enabled = TRUE;
  f->data.receivable_days = 45;
  f->data.payable_days = 30;
  f->data.incentive = KT_INCENTIVE_HIGH_TECH;
  fixture_add_capex (&f->data, KT_CAPEX_EQUIPMENT, 6, amounts, 2);
  rs = fixture_add_revenue (&f->data, 2000);
  rs->variable_cost_share = 0.3;
  fixture_add_opex (&f->data, 300);

  model = evaluate (f, NULL);
  g_assert_true (model->r.break_even_volume > 0 && model->r.break_even_volume < 10);
  kt_drivers_init (&drivers);
  drivers.demand = model->r.break_even_volume;
  fixture_evaluate (model, &f->data, &f->rules, &drivers);
  g_assert_cmpfloat (fabs (model->r.project_npv), <, 1e-6);
}

/* §4 end of contract (BOT): land 1 000 (not depreciated), equipment 500 over
 * 10 years (50 a year, 250 left after 5 years); transfer price 300.
 * Write-off 1 250 in N−1, loss on transfer 950, deductible:
 *   assessable t1 … t4 = 1 000 − 50 = 950 (tax 190), t5 = 950 − 950 = 0.
 * The state receives assets worth 1 250 − 300 = 950 in t5 (fiscal flow).
 * When the write-off is not deductible (rule set), t5 pays 190 too. */
static void
test_transfer_writeoff (Fixture       *f,
                        gconstpointer  user_data)
{
  const double land[] = { 1000 }, equipment[] = { 500 };
  g_autoptr (KtModel) model = NULL;

  f->data.construction_years = 1;
  f->data.operation_years = 5;
  f->data.terms.transfer_price = 300;
  fixture_add_capex (&f->data, KT_CAPEX_LAND, 0, land, 1);
  fixture_add_capex (&f->data, KT_CAPEX_EQUIPMENT, 10, equipment, 1);
  fixture_add_revenue (&f->data, 1000);

  model = evaluate (f, NULL);
  assert_money (model->y.writeoff[5], 1250);
  assert_money (model->y.loss_on_transfer[5], 950);
  assert_money (model->y.tax[1], 190);
  assert_money (model->y.tax[5], 0);
  assert_money (model->y.fiscal_flow[5], 950);
  assert_money (model->y.transfer_price[5], 300);
  assert_money (model->y.fixed_assets[5], 0);
  /* Project flow t5: 1 000 + 300 (transfer price) − 0 tax. */
  assert_money (model->y.project_flow[5], 1300);

  f->rules.transfer_writeoff_deductible = FALSE;
  fixture_evaluate (model, &f->data, &f->rules, NULL);
  assert_money (model->y.tax[5], 190);
}

/* §4 BOO with debt: land 1 000, equipment 500 over 10 years; equity 50 %,
 * loan 10 % over 10 years (beyond the term: an error, debt outstanding).
 *   D0 = 0.5 (1 500 + 0.05 D0) → D0 = 750/0.975 = 769.2308, IDC = 0.05 D0,
 *   all IDC on the equipment (land is not depreciable): half left after 5 of
 *   10 years.  Project terminal value = NBV without IDC = 1 000 + 250;
 *   equity terminal value = book NBV − debt outstanding = 1 000 +
 *   (500 + IDC)/2 − D0/2 (5 of 10 equal instalments paid).
 * §8 tax as if no debt: 0.2 (1 000 − 50) = 190 a year; actual tax deducts
 * interest and depreciation of IDC: 0.2 (1 000 − (500 + IDC)/10 − interest). */
static void
test_boo_terminal (Fixture       *f,
                   gconstpointer  user_data)
{
  const double land[] = { 1000 }, equipment[] = { 500 };
  const double d0 = 750 / 0.975, idc = 0.05 * d0;
  g_autoptr (KtModel) model = NULL;

  f->data.form = KT_FORM_BOO;
  f->data.construction_years = 1;
  f->data.operation_years = 5;
  f->data.equity_share = 0.5;
  fixture_add_capex (&f->data, KT_CAPEX_LAND, 0, land, 1);
  fixture_add_capex (&f->data, KT_CAPEX_EQUIPMENT, 10, equipment, 1);
  fixture_add_loan (&f->data, 1.0, 0.10, 0, 10, KT_REPAYMENT_EQUAL_PRINCIPAL);
  fixture_add_revenue (&f->data, 1000);

  model = evaluate (f, NULL);
  assert_money (model->r.idc_total, idc);
  assert_money (model->y.terminal_project[5], 1250);
  assert_money (model->y.debt_balance[5], d0 / 2);
  assert_money (model->y.terminal_equity[5], 1000 + (500 + idc) / 2 - d0 / 2);
  assert_money (model->y.writeoff[5], 0);
  for (int t = 1; t <= 5; t++)
    {
      double interest = 0.1 * d0 * (1 - (t - 1) / 10.0);

      assert_money (model->y.tax_nd[t], 190);
      assert_money (model->y.interest[t], interest);
      assert_money (model->y.tax[t], 0.2 * (1000 - (500 + idc) / 10 - interest));
    }
  g_assert_cmpint (fixture_count (model, KT_CHECK_LOAN_REPAID), ==, 1);

  /* A stated salvage value replaces book value in both flows. */
  f->data.terms.salvage_value = 800;
  fixture_evaluate (model, &f->data, &f->rules, NULL);
  assert_money (model->y.terminal_project[5], 800);
  assert_money (model->y.terminal_equity[5], 800 - d0 / 2);
}

/* §8 state flow: equipment 1 000, all imported, duty 10 % → need 1 100;
 * state share 20 % → support 220.  O = 2: service payment 300, land rent 50
 * after 1 exempt year, concession fee 20; life 2 (550 a year): losses, no CIT.
 *   t0: −220 + 100 (duty) = −120;  t1: −300 + 20 = −280;  t2: −300 + 50 + 20 = −230
 *   NPV at 10 %: −120 − 280/1.1 − 230/1.21 = −564.6280992;
 *   peak commitment: 300 in t1 (first of the two). */
static void
test_fiscal_flow (Fixture       *f,
                  gconstpointer  user_data)
{
  const double amounts[] = { 1000 };
  g_autoptr (KtModel) model = NULL;

  f->data.construction_years = 1;
  f->data.operation_years = 2;
  f->data.duty_rate = 0.1;
  f->data.support_mode = KT_SUPPORT_SHARE;
  f->data.support_share = 0.2;
  f->data.land_rent = 50;
  f->data.land_rent_exempt_years = 1;
  f->data.concession_fee = 20;
  fixture_add_capex (&f->data, KT_CAPEX_EQUIPMENT, 2, amounts, 1)->share_imported = 1.0;
  fixture_add_payment (&f->data, 300);

  model = evaluate (f, NULL);
  assert_money (model->y.support[0], 220);
  assert_money (model->y.fiscal_flow[0], -120);
  assert_money (model->y.fiscal_flow[1], -280);
  assert_money (model->y.fiscal_flow[2], -230);
  assert_money (model->r.fiscal_npv, -120 - 280 / 1.1 - 230 / 1.21);
  assert_money (model->r.peak_commitment, 300);
  g_assert_cmpint (model->r.peak_commitment_year, ==, 1);
}

/* §8 economic flow: capex 1 000 + 10 % contingency, 100 % imported at 10 %
 * duty (left out), life 4 on 1 200; O = 2: revenue 800, opex 100 + land rent 50;
 * CF_rev 1.2, CF_capex 0.9, CF_opex 0.8; external benefit 100, cost 30 a year.
 *   residual: NBV 1 200 − 2 · 300 = 600 (MODEL.md: NBV without IDC and fees)
 *   t0: −1 100 · 0.9 = −990
 *   t1: 800 · 1.2 + 100 − (150 − 50) · 0.8 − 30 = 950
 *   t2: 950 + 600 · 0.9 = 1 490
 *   ENPV = −990 + 950/1.1 + 1 490/1.21 = 1 105.041322
 *   EB/C = (1 060/1.1 + 1 600/1.21) / (990 + 110/1.1 + 110/1.21) */
static void
test_economic_flow (Fixture       *f,
                    gconstpointer  user_data)
{
  const double amounts[] = { 1000 };
  KtExternality *x;
  g_autoptr (KtModel) model = NULL;

  f->data.construction_years = 1;
  f->data.operation_years = 2;
  f->data.contingency_rate = 0.1;
  f->data.duty_rate = 0.1;
  f->data.land_rent = 50;
  f->data.economics.conversion_revenue = 1.2;
  f->data.economics.conversion_capex = 0.9;
  f->data.economics.conversion_opex = 0.8;
  x = fixture_append_row (f->data.economics.externalities, "economics/externalities");
  x->amount = 100;
  x = fixture_append_row (f->data.economics.externalities, "economics/externalities");
  x->amount = 30;
  x->cost = TRUE;
  fixture_add_capex (&f->data, KT_CAPEX_EQUIPMENT, 4, amounts, 1)->share_imported = 1.0;
  fixture_add_revenue (&f->data, 800);
  fixture_add_opex (&f->data, 100);

  model = evaluate (f, NULL);
  assert_money (model->y.economic_flow[0], -990);
  assert_money (model->y.economic_flow[1], 950);
  assert_money (model->y.economic_flow[2], 1490);
  assert_money (model->r.enpv, -990 + 950 / 1.1 + 1490 / 1.21);
  assert_ratio (model->r.ebcr, (1060 / 1.1 + 1600 / 1.21) / (990 + 110 / 1.1 + 110 / 1.21));
  g_assert_cmpint (model->r.eirr.status, ==, KT_IRR_UNIQUE);
}

/* §12: the balance sheet check fails loudly: an error with code
 * "balance_sheet", the year, and the pass flag down. */
static void
test_balance_sheet_check (Fixture       *f,
                          gconstpointer  user_data)
{
  const double amounts[] = { 1000, 500 };
  g_autoptr (KtModel) model = NULL;
  g_autoptr (GPtrArray) problems = kt_problems_new ();
  gboolean found = FALSE;

  f->data.construction_years = 2;
  f->data.operation_years = 4;
  f->data.equity_share = 0.4;
  fixture_add_capex (&f->data, KT_CAPEX_EQUIPMENT, 4, amounts, 2);
  fixture_add_loan (&f->data, 1.0, 0.08, 0, 4, KT_REPAYMENT_ANNUITY);
  fixture_add_revenue (&f->data, 900);

  model = evaluate (f, NULL);
  model->y.total_assets[3] += 1000;
  kt_model_run_checks (model, &f->data, &f->rules);
  g_assert_false (model->r.balance_ok);
  g_assert_false (kt_model_check_passed (model, KT_CHECK_BALANCE_SHEET));
  kt_model_append_problems (model, &f->data, problems);
  for (guint i = 0; i < problems->len; i++)
    {
      KtProblem *p = problems->pdata[i];

      if (strcmp (p->code, "balance_sheet") == 0)
        {
          g_assert_cmpint (p->severity, ==, KT_SEVERITY_ERROR);
          g_assert_cmpint (p->year, ==, 2029);
          found = TRUE;
        }
    }
  g_assert_true (found);
  g_assert_true (kt_problems_has_errors (problems));
}

/* Loan shares summing to 0.8 leave a fifth of the debt unfunded: the engine
 * reports it and sources ≠ uses, never tops it up. */
static void
test_loan_shares (Fixture       *f,
                  gconstpointer  user_data)
{
  const double amounts[] = { 1000 };
  g_autoptr (KtModel) model = NULL;

  f->data.construction_years = 1;
  f->data.operation_years = 4;
  f->data.equity_share = 0.3;
  fixture_add_capex (&f->data, KT_CAPEX_EQUIPMENT, 4, amounts, 1);
  fixture_add_loan (&f->data, 0.8, 0.08, 0, 4, KT_REPAYMENT_EQUAL_PRINCIPAL);
  fixture_add_revenue (&f->data, 900);

  model = kt_model_new (&f->data, 0);
  g_assert_true (kt_model_evaluate (model, &f->data, &f->rules, NULL));
  g_assert_cmpint (fixture_count (model, KT_CHECK_LOAN_SHARES), ==, 1);
  g_assert_cmpint (fixture_count (model, KT_CHECK_SOURCES_USES), ==, 1);
  g_assert_false (model->r.sources_uses_ok);
}

/* §6 legal limits: equity 10 % < 15 %; state share 60 % above the 50 % cap
 * but within the 70 % cap of S&T projects. */
static void
test_legal_limits (Fixture       *f,
                   gconstpointer  user_data)
{
  const double amounts[] = { 1000 };
  g_autoptr (KtModel) model = NULL;

  f->data.construction_years = 1;
  f->data.operation_years = 4;
  f->data.equity_share = 0.1;
  f->data.support_mode = KT_SUPPORT_SHARE;
  f->data.support_share = 0.6;
  fixture_add_capex (&f->data, KT_CAPEX_EQUIPMENT, 4, amounts, 1);
  fixture_add_loan (&f->data, 1.0, 0.08, 0, 4, KT_REPAYMENT_EQUAL_PRINCIPAL);
  fixture_add_revenue (&f->data, 900);

  model = evaluate (f, NULL);
  /* equity = 0.1 · 0.4 · TI = 4 % of TI < 15 % */
  g_assert_cmpint (fixture_count (model, KT_CHECK_EQUITY_MINIMUM), ==, 1);
  g_assert_cmpint (fixture_count (model, KT_CHECK_STATE_CAP), ==, 1);

  f->data.st_project = TRUE;
  f->rules.min_equity_base_excludes_state = TRUE;
  f->data.equity_share = 0.4;   /* 0.4 · 0.4 TI = 0.16 TI ≥ 0.15 · 0.4 TI */
  fixture_evaluate (model, &f->data, &f->rules, NULL);
  g_assert_true (kt_model_check_passed (model, KT_CHECK_STATE_CAP));
  g_assert_true (kt_model_check_passed (model, KT_CHECK_EQUITY_MINIMUM));

  f->data.operation_years = 60;
  fixture_evaluate (model, &f->data, &f->rules, NULL);
  g_assert_cmpint (fixture_count (model, KT_CHECK_CONTRACT_TERM), ==, 1);
}

/* §4: IDC and fees go to the depreciable initial lines in proportion to
 * capex + contingency + duty: A 1 000 (life 5), B 3 000 (life 10), land
 * 1 000: A takes a quarter, B three quarters, land none. */
static void
test_idc_allocation (Fixture       *f,
                     gconstpointer  user_data)
{
  const double a[] = { 1000 }, b[] = { 3000 }, land[] = { 1000 };
  double financing;
  g_autoptr (KtModel) model = NULL;

  f->data.construction_years = 1;
  f->data.operation_years = 10;
  f->data.equity_share = 0.3;
  fixture_add_capex (&f->data, KT_CAPEX_EQUIPMENT, 5, a, 1);
  fixture_add_capex (&f->data, KT_CAPEX_CONSTRUCTION, 10, b, 1);
  fixture_add_capex (&f->data, KT_CAPEX_LAND, 0, land, 1);
  fixture_add_loan (&f->data, 1.0, 0.08, 1, 8, KT_REPAYMENT_ANNUITY)->fee_rate = 0.01;
  fixture_add_revenue (&f->data, 2000);

  model = evaluate (f, NULL);
  financing = model->r.idc_total + model->r.fees_total;
  g_assert_cmpfloat (financing, >, 0);
  assert_money (model->assets[0].cost_idc, financing / 4);
  assert_money (model->assets[1].cost_idc, 3 * financing / 4);
  assert_money (model->assets[2].cost_idc, 0);
  assert_money (model->assets[0].depreciation[1], (1000 + financing / 4) / 5);
  assert_money (model->y.depreciation_idc[1], financing / 4 / 5 + 3 * financing / 4 / 10);
}

/* §4 rule-set switch: state-funded assets not depreciable.  Line 1 000, life
 * 5, state share 40 %: depreciable 600 (120 a year); the 400 stays on the books
 * and is written off at transfer. */
static void
test_state_funded_assets (Fixture       *f,
                          gconstpointer  user_data)
{
  const double amounts[] = { 1000 };
  g_autoptr (KtModel) model = NULL;

  f->rules.state_funded_assets_depreciable = FALSE;
  f->data.construction_years = 1;
  f->data.operation_years = 5;
  f->data.support_mode = KT_SUPPORT_SHARE;
  f->data.support_share = 0.4;
  fixture_add_capex (&f->data, KT_CAPEX_EQUIPMENT, 5, amounts, 1);
  fixture_add_revenue (&f->data, 500);

  model = evaluate (f, NULL);
  for (int t = 1; t <= 5; t++)
    assert_money (model->y.depreciation[t], 120);
  assert_money (model->y.writeoff[5], 400);
}

/* §3 replacement: paid from the year's cash flow, depreciated from the next
 * year; a negative distribution is an equity injection.  C = 0, O = 4, revenue
 * 100, replacement 500 in operation year 2 (t = 1), life 2 (250 in t = 2, 3):
 *   assessable [100, 100, −150, −150], tax [20, 20, 0, 0];
 *   CFADS t1 = 100 − 20 − 500 = −420: an injection of 420. */
static void
test_replacement (Fixture       *f,
                  gconstpointer  user_data)
{
  g_autoptr (KtModel) model = NULL;

  f->data.operation_years = 4;
  fixture_add_revenue (&f->data, 100);
  fixture_add_replacement (&f->data, 2, 500, 2);

  model = evaluate (f, NULL);
  assert_money (model->r.total_investment, 0);
  assert_money (model->y.depreciation[1], 0);
  assert_money (model->y.depreciation[2], 250);
  assert_money (model->y.tax[1], 20);
  assert_money (model->y.tax[2], 0);
  assert_money (model->y.cfads[1], -420);
  assert_money (model->y.distributions[1], -420);
  assert_money (model->y.paid_in[1], 420);
  g_assert_cmpint (fixture_count (model, KT_CHECK_EQUITY_INJECTION), ==, 1);
}

/* Drivers: capex × 1.1, demand × 0.5, tariff × 2 (revenue × 1), opex × 1.5,
 * interest × 2; a delay of 1 year adds a construction year (N grows) and
 * moves revenue one year later; the IDC of the idle year is the loan's rate
 * on the whole balance. */
static void
test_drivers (Fixture       *f,
              gconstpointer  user_data)
{
  const double amounts[] = { 1000 };
  KtDrivers drivers;
  g_autoptr (KtModel) model = NULL;

  f->data.construction_years = 1;
  f->data.operation_years = 3;
  f->data.equity_share = 0.0;
  fixture_add_capex (&f->data, KT_CAPEX_EQUIPMENT, 3, amounts, 1);
  fixture_add_loan (&f->data, 1.0, 0.05, 0, 3, KT_REPAYMENT_EQUAL_PRINCIPAL);
  fixture_add_revenue (&f->data, 1000);
  fixture_add_opex (&f->data, 100);

  kt_drivers_init (&drivers);
  drivers.capex = 1.1;
  drivers.demand = 0.5;
  drivers.tariff = 2.0;
  drivers.opex = 1.5;
  drivers.interest_rate = 2.0;
  model = evaluate (f, &drivers);
  assert_money (model->y.capex[0], 1100);
  /* D = 1 100 + 0.1 D / 2 → D = 1 100 / 0.95 */
  assert_money (model->y.draws[0], 1100 / 0.95);
  assert_money (model->y.revenue[1], 1000);
  assert_money (model->y.opex[1], 150);

  kt_drivers_init (&drivers);
  drivers.delay = 1;
  fixture_evaluate (model, &f->data, &f->rules, &drivers);
  g_assert_cmpint (model->n_years, ==, 5);
  g_assert_cmpint (model->construction_years, ==, 2);
  assert_money (model->y.revenue[1], 0);
  assert_money (model->y.revenue[2], 1000);
  /* D0 = 1 000 / 0.975; D1 = 0.05 (D0 + D1/2) → D1 = 0.05 D0 / 0.975 */
  assert_money (model->y.draws[0], 1000 / 0.975);
  assert_money (model->y.idc[1], 0.05 * (1000 / 0.975) * (1 + 0.025 / 0.975));
}

/* §2 real rates: indicators on flows deflated by (1 + i)^t. */
static void
test_real_rates (Fixture       *f,
                 gconstpointer  user_data)
{
  const double amounts[] = { 1000 };
  double npv = 0;
  g_autoptr (KtModel) model = NULL;

  f->rules.cit_standard_rate = 0;
  f->data.construction_years = 1;
  f->data.operation_years = 5;
  f->data.inflation = 0.05;
  f->data.real_rates = TRUE;
  fixture_add_capex (&f->data, KT_CAPEX_EQUIPMENT, 5, amounts, 1);
  fixture_add_revenue (&f->data, 300)->escalation = 0.05;

  model = evaluate (f, NULL);
  /* Revenue escalates with inflation: 300 real a year. */
  for (int t = 1; t <= 5; t++)
    npv += 300 / pow (1.1, t);
  assert_money (model->r.project_npv, -1000 + npv);
}

/* Every table exists and carries the engine's numbers. */
static void
test_tables (Fixture       *f,
             gconstpointer  user_data)
{
  const double amounts[] = { 1000 };
  const char * const *names = kt_model_table_names ();
  g_autoptr (KtModel) model = NULL;

  f->data.construction_years = 1;
  f->data.operation_years = 3;
  f->data.equity_share = 0.5;
  fixture_add_capex (&f->data, KT_CAPEX_EQUIPMENT, 3, amounts, 1);
  fixture_add_loan (&f->data, 1.0, 0.05, 0, 3, KT_REPAYMENT_EQUAL_PRINCIPAL);
  fixture_add_revenue (&f->data, 1000);
  model = evaluate (f, NULL);

  g_assert_null (kt_model_table_new (model, &f->data, "nonsense"));
  for (int i = 0; names[i] != NULL; i++)
    {
      g_autoptr (KtModelTable) table = kt_model_table_new (model, &f->data, names[i]);

      g_assert_nonnull (table);
      g_assert_cmpint (table->n_years, ==, 4);
      g_assert_cmpuint (table->rows->len, >, 0);
      for (guint r = 0; r < table->rows->len; r++)
        {
          KtModelRow *row = table->rows->pdata[r];

          if (strcmp (names[i], "income") == 0 && strcmp (row->key, "net-income") == 0)
            for (int t = 0; t < 4; t++)
              g_assert_cmpfloat (row->values[t], ==, model->y.net_income[t]);
          if (strcmp (names[i], "debt") == 0 && strcmp (row->key, "loan-1-balance") == 0)
            assert_money (row->values[0], model->loans[0].cod_balance);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gsl_set_error_handler_off ();

#define ADD(path, fn) \
  g_test_add ("/core/model/" path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("escalation", test_escalation);
  ADD ("contingency-duty", test_contingency_duty);
  ADD ("idc-two-years", test_idc_two_years);
  ADD ("idc-state-share", test_idc_state_share);
  ADD ("equal-principal", test_equal_principal);
  ADD ("annuity", test_annuity);
  ADD ("sculpting-flat", test_sculpting_flat);
  ADD ("sculpting-with-tax", test_sculpting_with_tax);
  ADD ("declining-balance-domain", test_declining_balance_domain);
  ADD ("declining-balance-switch", test_declining_balance_switch);
  ADD ("loss-carry-forward", test_loss_carry_forward);
  ADD ("loss-oldest-first", test_loss_oldest_first);
  ADD ("holiday-first-positive", test_holiday_first_positive);
  ADD ("holiday-fourth-year-cap", test_holiday_fourth_year_cap);
  ADD ("holiday-in-model", test_holiday_in_model);
  ADD ("cit-bands", test_cit_bands);
  ADD ("rd-deduction", test_rd_deduction);
  ADD ("st-exempt-income", test_st_exempt_income);
  ADD ("nwc", test_nwc);
  ADD ("payback", test_payback);
  ADD ("dscr-llcr", test_dscr_llcr);
  ADD ("break-even", test_break_even);
  ADD ("break-even-full", test_break_even_full);
  ADD ("transfer-writeoff", test_transfer_writeoff);
  ADD ("boo-terminal", test_boo_terminal);
  ADD ("fiscal-flow", test_fiscal_flow);
  ADD ("economic-flow", test_economic_flow);
  ADD ("balance-sheet-check", test_balance_sheet_check);
  ADD ("loan-shares", test_loan_shares);
  ADD ("legal-limits", test_legal_limits);
  ADD ("idc-allocation", test_idc_allocation);
  ADD ("state-funded-assets", test_state_funded_assets);
  ADD ("replacement", test_replacement);
  ADD ("drivers", test_drivers);
  ADD ("real-rates", test_real_rates);
  ADD ("tables", test_tables);
#undef ADD

  return g_test_run ();
}
