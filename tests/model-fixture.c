/* model-fixture.c — hand-built projects and rules for the engine's tests
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kt-schema.h"
#include "model-fixture.h"

void
fixture_rules (KtRules *rules)
{
  memset (rules, 0, sizeof *rules);
  rules->cit_standard_rate = 0.20;
  rules->n_cit_bands = 0;
  for (int i = 0; i < KT_N_INCENTIVES; i++)
    rules->cit[i] = (KtCitSchedule) { -1.0, 0, 0, 0, 4 };
  rules->cit[KT_INCENTIVE_HIGH_TECH] = (KtCitSchedule) { 0.10, 15, 4, 9, 4 };
  rules->cit[KT_INCENTIVE_REDUCED_17] = (KtCitSchedule) { 0.17, 10, 2, 4, 4 };
  rules->cit[KT_INCENTIVE_STARTUP] = (KtCitSchedule) { -1.0, 0, 2, 4, 4 };
  rules->loss_carry_years = 5;
  rules->rd_deduction_multiple = 2.0;
  rules->st_income_max_exempt_years = 3;
  rules->db_coefficient_short = 1.5;
  rules->db_coefficient_medium = 2.0;
  rules->db_coefficient_long = 2.5;
  rules->state_funded_assets_depreciable = TRUE;
  rules->transfer_writeoff_deductible = TRUE;
  rules->depreciate_over_term = FALSE;
  rules->state_capital_cap = 0.5;
  rules->state_capital_cap_st = 0.7;
  rules->min_equity_share = 0.15;
  rules->min_equity_base_excludes_state = FALSE;
  rules->max_duration_years = 50;
}

void
fixture_project (KtProjectData *data)
{
  kt_project_data_init (data);
  data->form = KT_FORM_BOT;
  data->st_project = FALSE;
  data->start_year = 2026;
  data->price_base_year = 2026;
  data->construction_years = 0;
  data->operation_years = 1;
  data->inflation = 0.0;
  data->real_rates = FALSE;
  data->wacc = 0.10;
  data->cost_of_equity = 0.10;
  data->hurdle_rate = 0.10;
  data->finance_rate = 0.10;
  data->reinvest_rate = 0.10;
  data->social_rate = 0.10;
  data->min_dscr = 0.0;
  data->contingency_rate = 0.0;
  data->duty_rate = 0.0;
  data->duty_exempt = FALSE;
  data->land_rent = 0.0;
  data->land_rent_exempt_years = 0;
  data->concession_fee = 0.0;
  data->nwc_enabled = FALSE;
  data->equity_share = 1.0;
  data->support_mode = KT_SUPPORT_NONE;
  data->support_share = 0.0;
  data->incentive = KT_INCENTIVE_NONE;
  data->terms.transfer_price = 0.0;
  data->terms.salvage_value = -1.0;
  data->economics.conversion_revenue = 1.0;
  data->economics.conversion_capex = 1.0;
  data->economics.conversion_opex = 1.0;
}

/* `path` is a schema path such as "investment/capex". */
gpointer
fixture_append_row (GArray     *list,
                    const char *path)
{
  g_auto (GStrv) parts = g_strsplit (path, "/", -1);
  const KtRecordDesc *desc = kt_schema_project ();
  const KtFieldDesc *field = NULL;

  for (int i = 0; parts[i] != NULL; i++)
    {
      g_assert_nonnull (desc);
      field = kt_record_find_field (desc, parts[i]);
      g_assert_nonnull (field);
      desc = field->record;
    }
  g_assert_nonnull (field);
  g_assert_cmpint (field->type, ==, KT_FT_LIST);
  return kt_list_append (list, field->record);
}

KtCapexLine *
fixture_add_capex (KtProjectData  *data,
                   KtCapexCategory category,
                   int             useful_life,
                   const double   *amounts,
                   int             n_amounts)
{
  KtCapexLine *line = fixture_append_row (data->capex, "investment/capex");

  line->name = g_strdup ("capex");
  line->category = category;
  line->useful_life = useful_life;
  line->method = KT_DEPRECIATION_STRAIGHT_LINE;
  line->escalation = 0.0;
  line->share_imported = 0.0;
  line->contingency_rate = -1.0;
  g_array_set_size (line->amounts, 0);
  g_array_append_vals (line->amounts, amounts, n_amounts);
  return line;
}

KtReplacement *
fixture_add_replacement (KtProjectData *data,
                         int            operation_year,
                         double         amount,
                         int            useful_life)
{
  KtReplacement *rep = fixture_append_row (data->replacements, "investment/replacements");

  rep->name = g_strdup ("replacement");
  rep->category = KT_CAPEX_EQUIPMENT;
  rep->operation_year = operation_year;
  rep->amount = amount;
  rep->escalation = 0.0;
  rep->useful_life = useful_life;
  rep->method = KT_DEPRECIATION_STRAIGHT_LINE;
  rep->share_imported = 0.0;
  return rep;
}

KtRevenueStream *
fixture_add_revenue (KtProjectData *data,
                     double         per_year)
{
  KtRevenueStream *rs = fixture_append_row (data->revenues, "operations/revenues");

  rs->name = g_strdup ("revenue");
  rs->capacity = 1.0;
  g_array_set_size (rs->ramp, 0);
  rs->growth = 0.0;
  rs->tariff = per_year;
  rs->escalation = 0.0;
  rs->variable_cost_share = 0.0;
  rs->exempt_years = 0;
  return rs;
}

KtStatePayment *
fixture_add_payment (KtProjectData *data,
                     double         per_year)
{
  KtStatePayment *sp = fixture_append_row (data->state_payments, "operations/state-payments");

  sp->name = g_strdup ("payment");
  sp->amount = per_year;
  sp->escalation = 0.0;
  sp->performance_deduction = 0.0;
  sp->first_year = 1;
  sp->last_year = 0;
  return sp;
}

KtOpexLine *
fixture_add_opex (KtProjectData *data,
                  double         per_year)
{
  KtOpexLine *line = fixture_append_row (data->opex, "operations/opex");

  line->name = g_strdup ("opex");
  line->amount = per_year;
  line->escalation = 0.0;
  line->rd = FALSE;
  return line;
}

KtLoan *
fixture_add_loan (KtProjectData *data,
                  double         share,
                  double         rate,
                  int            grace,
                  int            tenor,
                  KtRepayment    repayment)
{
  KtLoan *loan = fixture_append_row (data->loans, "financing/loans");

  loan->name = g_strdup ("loan");
  loan->share_of_debt = share;
  loan->rate = rate;
  loan->fee_rate = 0.0;
  loan->grace_years = grace;
  loan->tenor_years = tenor;
  loan->repayment = repayment;
  loan->target_dscr = 1.0;
  return loan;
}

void
assert_money (double got,
              double expected)
{
  double tolerance = MAX (1e-9 * fabs (expected), 1e-6);

  if (!(fabs (got - expected) <= tolerance))
    g_error ("got %.17g, expected %.17g (difference %g)", got, expected, got - expected);
}

void
assert_ratio (double got,
              double expected)
{
  if (!(fabs (got - expected) <= 1e-9 * MAX (1.0, fabs (expected))))
    g_error ("got %.17g, expected %.17g (difference %g)", got, expected, got - expected);
}

void
fixture_evaluate (KtModel             *model,
                  const KtProjectData *data,
                  const KtRules       *rules,
                  const KtDrivers     *drivers)
{
  g_assert_true (kt_model_evaluate (model, data, rules, drivers));
  g_assert_true (model->r.balance_ok);
  g_assert_true (model->r.sources_uses_ok);
  g_assert_true (kt_model_check_passed (model, KT_CHECK_BALANCE_SHEET));
}

int
fixture_count (const KtModel *model,
               KtCheck        check)
{
  int count = 0;

  for (int i = 0; i < model->n_findings; i++)
    count += model->findings[i].check == check;
  return count;
}
