/* test-model-props.c — properties of the engine on randomized projects (MODEL.md §6, §8)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shapes are drawn from a fixed seed so that a failure is reproducible:
 * C = 0 … 3, O = 1 … 25, every repayment type, grace and tenors beyond the
 * term, NWC on and off, every incentive class, state support by share and
 * by schedule, BOT/BOO/BTL/BT/three-party, real and nominal rates, and the
 * §9 mechanisms (band, MRG, FX, R&D failure, benefit sharing) at random.
 */
#include "config.h"

#include <gsl/gsl_errno.h>
#include <math.h>
#include <string.h>

#include "model-fixture.h"

#define SEED 20251001
#define N_PROJECTS 400

static double
uniform (GRand  *rand,
         double  lo,
         double  hi)
{
  return g_rand_double_range (rand, lo, hi);
}

static int
pick (GRand *rand,
      int    lo,
      int    hi_inclusive)
{
  return g_rand_int_range (rand, lo, hi_inclusive + 1);
}

static void
random_project (GRand         *rand,
                KtProjectData *d)
{
  static const KtForm forms[] = { KT_FORM_BOT, KT_FORM_BOO, KT_FORM_BTL, KT_FORM_BTO, KT_FORM_BT };
  int c, o, n_loans;
  double shares[4], sum = 0;

  fixture_project (d);
  c = pick (rand, 0, 3);
  o = pick (rand, 1, 25);
  d->construction_years = c;
  d->operation_years = o;
  d->form = forms[pick (rand, 0, G_N_ELEMENTS (forms) - 1)];
  d->price_base_year = d->start_year + pick (rand, -2, 1);
  d->inflation = uniform (rand, 0, 0.08);
  d->real_rates = pick (rand, 0, 1);
  d->wacc = uniform (rand, 0.04, 0.14);
  d->cost_of_equity = uniform (rand, 0.06, 0.2);
  d->social_rate = uniform (rand, 0.03, 0.12);
  d->min_dscr = 1.2;
  d->contingency_rate = uniform (rand, 0, 0.15);
  d->duty_rate = uniform (rand, 0, 0.2);
  d->duty_exempt = pick (rand, 0, 4) == 0;
  d->incentive = pick (rand, 0, KT_N_INCENTIVES - 1);
  d->st_project = pick (rand, 0, 1);

  for (int l = pick (rand, c > 0 ? 1 : 0, 4); l > 0; l--)
    {
      double amounts[3];
      KtCapexLine *line;

      for (int t = 0; t < c; t++)
        amounts[t] = pick (rand, 0, 5) == 0 ? 0 : uniform (rand, 1e9, 8e10);
      line = fixture_add_capex (d, pick (rand, 0, KT_N_CAPEX_CATEGORIES - 1), pick (rand, 0, 30),
                                amounts, c);
      line->escalation = uniform (rand, -0.02, 0.08);
      line->method = pick (rand, 0, 2) == 0 ? KT_DEPRECIATION_DECLINING_BALANCE
                                            : KT_DEPRECIATION_STRAIGHT_LINE;
      line->share_imported = uniform (rand, 0, 1);
      line->contingency_rate = pick (rand, 0, 1) ? -1.0 : uniform (rand, 0, 0.2);
    }
  for (int r = pick (rand, 0, 3); r > 0; r--)
    {
      KtReplacement *rep = fixture_add_replacement (d, pick (rand, 1, o + 1),
                                                    uniform (rand, 1e8, 2e10), pick (rand, 0, 12));
      rep->method = pick (rand, 0, 1);
      rep->share_imported = uniform (rand, 0, 1);
      rep->escalation = uniform (rand, 0, 0.05);
    }

  for (int s = pick (rand, 0, 3); s > 0; s--)
    {
      KtRevenueStream *rs = fixture_add_revenue (d, uniform (rand, 1e4, 1e6));

      rs->capacity = uniform (rand, 1e3, 1e5);
      rs->growth = uniform (rand, -0.02, 0.06);
      rs->escalation = uniform (rand, 0, 0.06);
      rs->variable_cost_share = uniform (rand, 0, 0.5);
      rs->exempt_years = pick (rand, 0, 3);
      for (int k = pick (rand, 0, 4); k > 0; k--)
        {
          double ramp = uniform (rand, 0, 1.2);

          g_array_append_val (rs->ramp, ramp);
        }
    }
  for (int p = pick (rand, 0, 2); p > 0; p--)
    {
      KtStatePayment *sp = fixture_add_payment (d, uniform (rand, 1e9, 2e10));

      sp->first_year = pick (rand, 1, 3);
      sp->last_year = pick (rand, 0, o);
      sp->performance_deduction = uniform (rand, 0, 0.1);
      sp->escalation = uniform (rand, 0, 0.04);
    }
  for (int l = pick (rand, 0, 3); l > 0; l--)
    {
      KtOpexLine *line = fixture_add_opex (d, uniform (rand, 1e8, 5e9));

      line->escalation = uniform (rand, 0, 0.06);
      line->rd = pick (rand, 0, 2) == 0;
    }
  if (pick (rand, 0, 1))
    {
      KtMaintenance *m = fixture_append_row (d->maintenance, "operations/maintenance");
      int year = pick (rand, 1, o + 2);

      m->amount = uniform (rand, 1e8, 5e9);
      m->escalation = 0.03;
      g_array_append_val (m->years, year);
    }
  d->land_rent = pick (rand, 0, 1) ? uniform (rand, 1e7, 1e9) : 0;
  d->land_rent_escalation = uniform (rand, 0, 0.05);
  d->land_rent_exempt_years = pick (rand, 0, 3);
  d->concession_fee = pick (rand, 0, 2) == 0 ? uniform (rand, 1e7, 5e8) : 0;
  d->nwc_enabled = pick (rand, 0, 1);
  d->receivable_days = uniform (rand, 0, 90);
  d->payable_days = uniform (rand, 0, 90);

  d->equity_share = uniform (rand, 0.1, 1.0);
  d->support_mode = pick (rand, 0, KT_N_SUPPORT_MODES - 1);
  d->support_share = uniform (rand, 0, 0.6);
  for (int t = 0; t < c; t++)
    {
      double amount = uniform (rand, 0, 2e10);

      g_array_append_val (d->support_schedule, amount);
    }

  n_loans = c > 0 ? pick (rand, 1, 4) : pick (rand, 0, 1);
  for (int j = 0; j < n_loans; j++)
    sum += shares[j] = uniform (rand, 0.1, 1);
  for (int j = 0; j < n_loans; j++)
    {
      int grace = pick (rand, 0, 3);
      KtLoan *loan = fixture_add_loan (d, shares[j] / sum, uniform (rand, 0.04, 0.14), grace,
                                       grace + pick (rand, 1, o + 2), pick (rand, 0, 2));

      loan->fee_rate = uniform (rand, 0, 0.02);
      loan->target_dscr = 1.3;
    }

  d->terms.transfer_price = pick (rand, 0, 2) == 0 ? uniform (rand, 0, 5e10) : 0;
  d->terms.salvage_value = pick (rand, 0, 2) == 0 ? uniform (rand, 0, 5e10) : -1;
  d->terms.bt_settled_value = uniform (rand, 0, 1e11);
  d->terms.bt_interest = uniform (rand, 0, 1e10);
  d->terms.bt_profit = uniform (rand, 0, 1e10);

  /* MODEL.md §9: band, guarantees, R&D risk, benefit sharing; three-party. */
  {
    KtRiskSharing *sh = &d->sharing;

    sh->band_enabled = pick (rand, 0, 1);
    sh->lower = uniform (rand, 0.6, 1.0);
    sh->upper = uniform (rand, 1.0, 1.5);
    sh->share_down = uniform (rand, 0, 1);
    sh->share_up = uniform (rand, 0, 1);
    sh->annual_cap = pick (rand, 0, 1) ? uniform (rand, 1e8, 1e10) : 0;
    sh->total_cap = pick (rand, 0, 1) ? uniform (rand, 1e9, 5e10) : 0;
    sh->st_first_years = pick (rand, 0, 1);
    if (pick (rand, 0, 2) == 0)
      for (int t = 0; t < c + o; t++)
        {
          double p = uniform (rand, 0, 5e10);

          g_array_append_val (sh->plan_revenue, p);
        }
    for (int k = pick (rand, 0, 4); k > 0; k--)
      {
        double a = uniform (rand, 0.3, 1.6);

        g_array_append_val (sh->actual_to_plan, a);
      }
    sh->mrg_enabled = pick (rand, 0, 1);
    sh->mrg_share = uniform (rand, 0.3, 0.9);
    sh->fx_enabled = pick (rand, 0, 1);
    sh->fx_share = uniform (rand, 0, 1);
    sh->fx_base_rate = 26000;
    sh->fx_depreciation = uniform (rand, -0.02, 0.1);
    sh->fx_band = uniform (rand, 0, 0.3);
    for (guint j = 0; j < d->loans->len; j++)
      g_array_index (d->loans, KtLoan, j).foreign_currency = pick (rand, 0, 1);
    sh->rd_enabled = pick (rand, 0, 1);
    sh->rd_phase_years = pick (rand, 0, MAX (c, 0));
    sh->rd_success_probability = uniform (rand, 0, 1);
    sh->rd_state_share = uniform (rand, 0, 1);
    sh->rd_failed = pick (rand, 0, 2) == 0;
    sh->benefit_share_state = uniform (rand, 0, 0.2);
    sh->benefit_share_institute = uniform (rand, 0, 0.1);
    for (guint s = 0; s < d->revenues->len; s++)
      g_array_index (d->revenues, KtRevenueStream, s).commercialisation_share
        = uniform (rand, 0, 1);
    if (pick (rand, 0, 5) == 0)
      {
        d->form = KT_FORM_THREE_PARTY;
        d->terms.three_party_state = uniform (rand, 0, 0.5);
        d->terms.three_party_institute = uniform (rand, 0, 0.3);
        d->terms.three_party_enterprise = 1.0 - d->terms.three_party_state
                                          - d->terms.three_party_institute;
      }
  }
}

static void
random_rules (GRand   *rand,
              KtRules *rules)
{
  fixture_rules (rules);
  rules->n_cit_bands = 2;
  rules->cit_band_revenue[0] = 3e9;
  rules->cit_band_rate[0] = 0.15;
  rules->cit_band_revenue[1] = 50e9;
  rules->cit_band_rate[1] = 0.17;
  rules->state_funded_assets_depreciable = pick (rand, 0, 1);
  rules->transfer_writeoff_deductible = pick (rand, 0, 1);
  rules->depreciate_over_term = pick (rand, 0, 1);
  for (int f = 0; f < KT_N_FORMS; f++)
    {
      rules->downside_allowed[f] = pick (rand, 0, 1);
      rules->upside_allowed[f] = pick (rand, 0, 1);
    }
  rules->st_first_years = 3;
  rules->st_first_years_share_down = 1.0;
}

/* The balance sheet balances and sources equal uses in every year of every
 * shape; loans due within the term are repaid at maturity. */
static void
test_balance_every_year (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (SEED);
  int shapes[4][2] = { { 0 } };

  for (int i = 0; i < N_PROJECTS; i++)
    {
      KtProjectData d;
      KtRules rules;
      g_autoptr (KtModel) model = NULL;

      random_project (rand, &d);
      random_rules (rand, &rules);
      model = kt_model_new (&d, 0);
      g_assert_true (kt_model_evaluate (model, &d, &rules, NULL));
      for (int t = 0; t < model->n_years; t++)
        {
          double scale = MAX (fabs (model->y.total_assets[t]), 1.0);

          if (!(fabs (model->y.bs_difference[t]) <= MAX (1.0, 1e-9 * scale)))
            g_error ("project %d, year %d: balance sheet off by %g", i, t,
                     model->y.bs_difference[t]);
          g_assert_cmpfloat (fabs (model->y.net_cash[t]), <=, MAX (1.0, 1e-9 * scale));
          g_assert_cmpfloat (fabs (model->y.sources[t] - model->y.uses[t]), <=,
                             MAX (1.0, 1e-9 * fabs (model->y.uses[t])));
        }
      g_assert_true (model->r.balance_ok);
      g_assert_true (model->r.sources_uses_ok);
      g_assert_true (kt_model_check_passed (model, KT_CHECK_BALANCE_SHEET));
      g_assert_true (kt_model_check_passed (model, KT_CHECK_SOURCES_USES));
      g_assert_cmpint (fixture_count (model, KT_CHECK_LOAN_SHARES), ==, 0);

      /* §8, §9: the fiscal flow is the sum of its items, and each state
       * payout reaches the investor in the same year. */
      for (int t = 0; t < model->n_years; t++)
        {
          const KtModelYears *y = &model->y;
          double items = -y->support[t] - y->state_payments[t] - y->guarantees[t]
                         - y->sharing_receipts[t] + y->sharing_payments[t] + y->benefit_state[t]
                         + y->tax[t] + y->duty[t] + y->replacement_duty[t] + y->land_rent[t]
                         + y->concession_fees[t] + (model->r.rd_stopped ? 0 : y->writeoff[t])
                         - y->transfer_price[t];
          double payouts = y->ebitda[t] - y->revenue[t] - y->state_payments[t] + y->opex[t]
                           + y->benefit_state[t] + y->benefit_institute[t];
          double scale = MAX (1.0, 1e-9 * (fabs (y->tax[t]) + y->fiscal_outlay[t]
                                           + y->fiscal_receipts[t] + y->writeoff[t]));

          g_assert_cmpfloat (fabs (y->fiscal_flow[t] - items), <=, scale);
          g_assert_cmpfloat (fabs (payouts - (y->guarantees[t] + y->sharing_receipts[t]
                                              - y->sharing_payments[t])), <=,
                             MAX (1.0, 1e-9 * (fabs (y->ebitda[t]) + y->revenue[t]
                                               + y->state_payments[t] + y->opex[t])));
          g_assert_cmpfloat (y->sharing_receipts[t], >=, 0);
          g_assert_cmpfloat (y->sharing_payments[t], >=, 0);
          g_assert_cmpfloat (y->mrg[t], >=, 0);
          g_assert_cmpfloat (y->fx_payout[t], >=, 0);
          if (d.sharing.annual_cap > 0)
            g_assert_cmpfloat (y->sharing_receipts[t], <=, d.sharing.annual_cap);
        }
      if (d.sharing.total_cap > 0)
        g_assert_cmpfloat (model->r.sharing_receipts_total, <=, d.sharing.total_cap * (1 + 1e-12));

      for (int j = 0; j < model->n_loans; j++)
        {
          const KtModelLoan *ml = &model->loans[j];
          const KtLoan *loan = &g_array_index (d.loans, KtLoan, j);

          /* Sculpting with PV(CFADS) ≤ 0 cannot repay; the check reports it. */
          if (ml->cod_balance <= 0 || ml->maturity > model->n_years - 1
              || (loan->repayment == KT_REPAYMENT_SCULPTED && !(ml->tau > 0)))
            continue;
          g_assert_cmpfloat (fabs (ml->balance[ml->maturity]), <=, 1e-6 * ml->cod_balance);
          for (int t = ml->maturity; t < model->n_years; t++)
            g_assert_cmpfloat (fabs (ml->balance[t]), <=, 1e-6 * ml->cod_balance);
          shapes[MIN (model->construction_years, 3)][loan->repayment == KT_REPAYMENT_SCULPTED]++;
        }
      kt_project_data_clear (&d);
    }
  /* The draw covered repaid loans of both kinds over every construction length. */
  for (int c = 1; c <= 3; c++)
    {
      g_assert_cmpint (shapes[c][0], >, 0);
      g_assert_cmpint (shapes[c][1], >, 0);
    }
}

static void
scale_money (KtProjectData *d,
             KtRules       *rules,
             double         k)
{
  for (guint i = 0; i < d->capex->len; i++)
    {
      GArray *a = g_array_index (d->capex, KtCapexLine, i).amounts;

      for (guint t = 0; t < a->len; t++)
        g_array_index (a, double, t) *= k;
    }
  for (guint i = 0; i < d->replacements->len; i++)
    g_array_index (d->replacements, KtReplacement, i).amount *= k;
  for (guint i = 0; i < d->revenues->len; i++)
    g_array_index (d->revenues, KtRevenueStream, i).tariff *= k;
  for (guint i = 0; i < d->state_payments->len; i++)
    g_array_index (d->state_payments, KtStatePayment, i).amount *= k;
  for (guint i = 0; i < d->opex->len; i++)
    g_array_index (d->opex, KtOpexLine, i).amount *= k;
  for (guint i = 0; i < d->maintenance->len; i++)
    g_array_index (d->maintenance, KtMaintenance, i).amount *= k;
  for (guint t = 0; t < d->support_schedule->len; t++)
    g_array_index (d->support_schedule, double, t) *= k;
  d->land_rent *= k;
  d->concession_fee *= k;
  d->terms.transfer_price *= k;
  if (d->terms.salvage_value > 0)
    d->terms.salvage_value *= k;
  d->terms.bt_settled_value *= k;
  d->terms.bt_interest *= k;
  d->terms.bt_profit *= k;
  /* §9 caps and a stored plan are money too. */
  d->sharing.annual_cap *= k;
  d->sharing.total_cap *= k;
  for (guint t = 0; t < d->sharing.plan_revenue->len; t++)
    g_array_index (d->sharing.plan_revenue, double, t) *= k;
  /* Revenue bands are money too. */
  for (int b = 0; b < rules->n_cit_bands; b++)
    rules->cit_band_revenue[b] *= k;
}

/* `size` is the scale of the figures the value sums (Σ|flow|): a sum that
 * cancels to nearly 0 carries their rounding, not its own. */
static void
assert_scaled (double base,
               double scaled,
               double k,
               double size)
{
  if (isnan (base))
    g_assert_true (isnan (scaled));
  else if (!(fabs (scaled - k * base) <= 1e-9 * MAX (MAX (fabs (k * base), k * size), 1.0)))
    g_error ("scaled %.17g, expected %.17g (size %g)", scaled, k * base, size);
}

static double
size_of (const double *flow,
         int           n)
{
  double sum = 0;

  for (int t = 0; t < n; t++)
    sum += fabs (flow[t]);
  return sum;
}

static void
assert_same_irr (const KtIrrResult *a,
                 const KtIrrResult *b)
{
  g_assert_cmpint (a->status, ==, b->status);
  g_assert_cmpint (a->n_roots, ==, b->n_roots);
  for (int i = 0; i < a->n_roots; i++)
    g_assert_cmpfloat (fabs (a->roots[i] - b->roots[i]), <=, 1e-9);
}

/* Scaling every amount of money by k scales NPVs by k and leaves IRRs,
 * DSCRs and the break-even volume unchanged. */
static void
test_scaling (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (SEED + 1);
  const double factors[] = { 1000.0, 7.5 };
  int with_irr = 0;

  for (int i = 0; i < N_PROJECTS / 2; i++)
    for (gsize f = 0; f < G_N_ELEMENTS (factors); f++)
      {
        double k = factors[f];
        KtProjectData d;
        KtRules rules;
        g_autoptr (KtModel) model = NULL;
        KtModelResults base;
        double gross, project, equity, fiscal, economic;

        random_project (rand, &d);
        random_rules (rand, &rules);
        model = kt_model_new (&d, 0);
        g_assert_true (kt_model_evaluate (model, &d, &rules, NULL));
        base = model->r;
        /* Book values and exempt income cancel to rounding noise of the
         * gross amounts. */
        gross = size_of (model->y.need, model->n_years)
                + size_of (model->y.replacement, model->n_years)
                + size_of (model->y.revenue, model->n_years)
                + size_of (model->y.state_payments, model->n_years)
                + size_of (model->y.opex, model->n_years);
        project = gross + size_of (model->y.project_flow, model->n_years);
        equity = gross + size_of (model->y.equity_flow, model->n_years);
        fiscal = gross + size_of (model->y.fiscal_flow, model->n_years);
        economic = gross + size_of (model->y.economic_flow, model->n_years);
        scale_money (&d, &rules, k);
        g_assert_true (kt_model_evaluate (model, &d, &rules, NULL));

        assert_scaled (base.total_investment, model->r.total_investment, k, 0);
        assert_scaled (base.project_npv, model->r.project_npv, k, project);
        assert_scaled (base.equity_npv, model->r.equity_npv, k, equity);
        assert_scaled (base.fiscal_npv, model->r.fiscal_npv, k, fiscal);
        assert_scaled (base.enpv, model->r.enpv, k, economic);
        assert_same_irr (&base.project_irr, &model->r.project_irr);
        assert_same_irr (&base.equity_irr, &model->r.equity_irr);
        with_irr += base.project_irr.status == KT_IRR_UNIQUE;
        assert_scaled (base.dscr_min, model->r.dscr_min, 1.0, 0);
        assert_scaled (base.llcr, model->r.llcr, 1.0, 0);
        assert_scaled (base.bcr, model->r.bcr, 1.0, 0);
        if (!isnan (base.break_even_volume))
          g_assert_cmpfloat (fabs (base.break_even_volume - model->r.break_even_volume), <=,
                             1e-8 * MAX (1.0, base.break_even_volume));
        else
          g_assert_true (isnan (model->r.break_even_volume));
        kt_project_data_clear (&d);
      }
  g_assert_cmpint (with_irr, >, 20);
}

/* A workspace reused for another project gives the numbers a fresh one
 * gives: no figure of an earlier evaluation leaks into the next. */
static void
test_workspace_reuse (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (SEED + 2);
  KtProjectData d[2];
  KtRules rules;
  g_autoptr (KtModel) shared = NULL;

  random_rules (rand, &rules);
  for (int i = 0; i < 60; i++)
    {
      g_autoptr (KtModel) fresh = NULL;

      random_project (rand, &d[0]);
      random_project (rand, &d[1]);
      if (shared == NULL)
        shared = kt_model_new (&d[0], 0);
      g_assert_true (kt_model_evaluate (shared, &d[1], &rules, NULL));
      g_assert_true (kt_model_evaluate (shared, &d[0], &rules, NULL));
      fresh = kt_model_new (&d[0], 0);
      g_assert_true (kt_model_evaluate (fresh, &d[0], &rules, NULL));

      g_assert_cmpint (shared->n_findings, ==, fresh->n_findings);
      for (int t = 0; t < fresh->n_years; t++)
        {
          g_assert_cmpfloat (shared->y.equity_flow[t], ==, fresh->y.equity_flow[t]);
          g_assert_cmpfloat (shared->y.project_flow[t], ==, fresh->y.project_flow[t]);
          g_assert_cmpfloat (shared->y.tax[t], ==, fresh->y.tax[t]);
          g_assert_cmpfloat (shared->y.fixed_assets[t], ==, fresh->y.fixed_assets[t]);
        }
      g_assert_cmpfloat (shared->r.project_npv, ==, fresh->r.project_npv);
      kt_project_data_clear (&d[0]);
      kt_project_data_clear (&d[1]);
    }
}

/* NULL drivers and kt_drivers_init() are the same base case. */
static void
test_base_drivers (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (SEED + 3);
  KtDrivers drivers;

  kt_drivers_init (&drivers);
  for (int i = 0; i < 40; i++)
    {
      KtProjectData d;
      KtRules rules;
      g_autoptr (KtModel) a = NULL;
      g_autoptr (KtModel) b = NULL;

      random_project (rand, &d);
      random_rules (rand, &rules);
      a = kt_model_new (&d, 0);
      b = kt_model_new (&d, 0);
      g_assert_true (kt_model_evaluate (a, &d, &rules, NULL));
      g_assert_true (kt_model_evaluate (b, &d, &rules, &drivers));
      g_assert_cmpfloat (a->r.equity_npv, ==, b->r.equity_npv);
      g_assert_cmpfloat (a->r.project_npv, ==, b->r.project_npv);
      kt_project_data_clear (&d);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gsl_set_error_handler_off ();

  g_test_add_func ("/core/model-props/balance-every-year", test_balance_every_year);
  g_test_add_func ("/core/model-props/scaling", test_scaling);
  g_test_add_func ("/core/model-props/workspace-reuse", test_workspace_reuse);
  g_test_add_func ("/core/model-props/base-drivers", test_base_drivers);
  return g_test_run ();
}
