/* kt-outcomes.c — what uncertainty analyses move (drivers) and watch (indicators) (MODEL.md §10)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "kt-outcomes.h"

/* Construction delays are whole years (the engine's timeline, §1). */
#define MAX_DELAY_YEARS 50

static const struct {
  const char    *key;
  const char    *label;
  KtOutcomeKind  kind;
} outcomes[KT_N_OUTCOMES] = {
  { "project_npv", N_("Project NPV"), KT_OUTCOME_KIND_MONEY },
  { "project_irr", N_("Project IRR (FIRR)"), KT_OUTCOME_KIND_RATE },
  { "equity_irr", N_("Equity IRR"), KT_OUTCOME_KIND_RATE },
  { "dscr_min", N_("Minimum DSCR"), KT_OUTCOME_KIND_RATIO },
  { "fiscal_cost", N_("Net fiscal cost to the state"), KT_OUTCOME_KIND_MONEY },
  { "state_payouts", N_("State payouts under guarantees"), KT_OUTCOME_KIND_MONEY },
};

const char *
kt_outcome_key (KtOutcome outcome)
{
  g_return_val_if_fail (outcome < KT_N_OUTCOMES, NULL);
  return outcomes[outcome].key;
}

const char *
kt_outcome_label (KtOutcome outcome)
{
  g_return_val_if_fail (outcome < KT_N_OUTCOMES, NULL);
  return _(outcomes[outcome].label);
}

KtOutcomeKind
kt_outcome_kind (KtOutcome outcome)
{
  g_return_val_if_fail (outcome < KT_N_OUTCOMES, KT_OUTCOME_KIND_MONEY);
  return outcomes[outcome].kind;
}

double
kt_outcome_state_payout (const KtModel *model,
                         int            t)
{
  return model->y.guarantees[t] + model->y.sharing_receipts[t];
}

static inline double
irr_value (const KtIrrResult *irr)
{
  return irr->status == KT_IRR_NONE ? NAN : irr->irr;
}

static inline void
read_indicators (const KtModel *model,
                 double        *out)
{
  out[KT_OUTCOME_PROJECT_NPV] = model->r.project_npv;
  out[KT_OUTCOME_PROJECT_IRR] = irr_value (&model->r.project_irr);
  out[KT_OUTCOME_EQUITY_IRR] = irr_value (&model->r.equity_irr);
  out[KT_OUTCOME_DSCR_MIN] = model->r.dscr_min;
  out[KT_OUTCOME_FISCAL_COST] = -model->r.fiscal_npv;
}

void
kt_outcomes_discounts (const KtProjectData *data,
                       int                  n,
                       double              *discounts)
{
  double d = 1.0;

  /* The recurrence of kt_outcomes_read, so that the factors are its doubles. */
  for (int t = 0; t < n; t++)
    {
      discounts[t] = d;
      d /= 1.0 + data->social_rate;
    }
}

void
kt_outcomes_read_with (const KtModel *model,
                       const double  *discounts,
                       double        *payouts,
                       double        *out)
{
  double pv = 0.0;

  read_indicators (model, out);
  for (int t = 0; t < model->n_years; t++)
    {
      double payout = kt_outcome_state_payout (model, t);

      payouts[t] = payout;
      if (payout != 0.0)
        pv += payout * discounts[t] * (model->real ? model->y.deflator[t] : 1.0);
    }
  out[KT_OUTCOME_STATE_PAYOUTS] = pv;
}

void
kt_outcomes_read (const KtModel       *model,
                  const KtProjectData *data,
                  double              *out)
{
  double pv = 0.0, d = 1.0;

  read_indicators (model, out);
  /* Discounted like the fiscal flow (§8): at the social rate, deflated
   * first when the project's rates are real (§2). */
  for (int t = 0; t < model->n_years; t++)
    {
      double payout = kt_outcome_state_payout (model, t);

      if (payout != 0.0)
        pv += payout * d * (model->real ? model->y.deflator[t] : 1.0);
      d /= 1.0 + data->social_rate;
    }
  out[KT_OUTCOME_STATE_PAYOUTS] = pv;
}

void
kt_driver_values_init (KtDriverValues *values)
{
  g_return_if_fail (values != NULL);

  kt_drivers_init (&values->engine);
  values->fx_rate = 1.0;
  values->rd_success = NAN;
}

void
kt_driver_values_set (KtDriverValues      *values,
                      const KtProjectData *data,
                      KtDriver             driver,
                      double               value)
{
  KtDrivers *e = &values->engine;

  if (isnan (value))
    return;
  switch (driver)
    {
    case KT_DRIVER_CAPEX:
      e->capex = MAX (value, 0.0);
      break;
    case KT_DRIVER_DEMAND:
      e->demand = MAX (value, 0.0);
      break;
    case KT_DRIVER_TARIFF:
      e->tariff = MAX (value, 0.0);
      break;
    case KT_DRIVER_OPEX:
      e->opex = MAX (value, 0.0);
      break;
    case KT_DRIVER_INTEREST_RATE:
      e->interest_rate = MAX (value, 0.0);
      break;
    case KT_DRIVER_STATE_PAYMENT:
      e->state_payment = MAX (value, 0.0);
      break;
    case KT_DRIVER_INFLATION:
      /* (1 + i)^-t needs i > −1; −99 % is far beyond any plausible draw. */
      if (data != NULL && data->inflation * value < -0.99)
        value = -0.99 / data->inflation;
      e->inflation = value;
      break;
    case KT_DRIVER_DELAY:
      e->delay = (int) CLAMP (round (value), 0.0, (double) MAX_DELAY_YEARS);
      break;
    case KT_DRIVER_FX_RATE:
      values->fx_rate = MAX (value, 0.0);
      break;
    case KT_DRIVER_RD_SUCCESS:
      values->rd_success = value >= 0.5 ? 1.0 : 0.0;
      break;
    case KT_DRIVER_NONE:
    case KT_N_DRIVERS:
    default:
      break;
    }
}

double
kt_driver_values_get (const KtDriverValues *values,
                      KtDriver              driver)
{
  const KtDrivers *e = &values->engine;

  switch (driver)
    {
    case KT_DRIVER_CAPEX:
      return e->capex;
    case KT_DRIVER_DEMAND:
      return e->demand;
    case KT_DRIVER_TARIFF:
      return e->tariff;
    case KT_DRIVER_OPEX:
      return e->opex;
    case KT_DRIVER_INTEREST_RATE:
      return e->interest_rate;
    case KT_DRIVER_STATE_PAYMENT:
      return e->state_payment;
    case KT_DRIVER_INFLATION:
      return e->inflation;
    case KT_DRIVER_DELAY:
      return e->delay;
    case KT_DRIVER_FX_RATE:
      return values->fx_rate;
    case KT_DRIVER_RD_SUCCESS:
      return values->rd_success;
    case KT_DRIVER_NONE:
    case KT_N_DRIVERS:
    default:
      return NAN;
    }
}

gboolean
kt_driver_needs_scratch (KtDriver driver)
{
  return driver == KT_DRIVER_FX_RATE || driver == KT_DRIVER_RD_SUCCESS;
}

double
kt_driver_reference (const KtProjectData *data,
                     KtDriver             driver)
{
  double sum = 0.0, weight = 0.0;

  g_return_val_if_fail (data != NULL, NAN);

  switch (driver)
    {
    case KT_DRIVER_CAPEX:
      for (guint i = 0; i < data->capex->len; i++)
        {
          const KtCapexLine *line = &g_array_index (data->capex, KtCapexLine, i);

          for (guint t = 0; line->amounts != NULL && t < line->amounts->len; t++)
            sum += g_array_index (line->amounts, double, t);
        }
      break;
    case KT_DRIVER_DEMAND:
      for (guint i = 0; i < data->revenues->len; i++)
        sum += g_array_index (data->revenues, KtRevenueStream, i).capacity;
      break;
    case KT_DRIVER_TARIFF:
      for (guint i = 0; i < data->revenues->len; i++)
        {
          const KtRevenueStream *rs = &g_array_index (data->revenues, KtRevenueStream, i);

          sum += rs->capacity * rs->tariff;
          weight += rs->capacity;
        }
      sum = weight > 0.0 ? sum / weight : 0.0;
      break;
    case KT_DRIVER_OPEX:
      for (guint i = 0; i < data->opex->len; i++)
        sum += g_array_index (data->opex, KtOpexLine, i).amount;
      break;
    case KT_DRIVER_INTEREST_RATE:
      for (guint i = 0; i < data->loans->len; i++)
        {
          const KtLoan *loan = &g_array_index (data->loans, KtLoan, i);

          sum += loan->share_of_debt * loan->rate;
          weight += loan->share_of_debt;
        }
      sum = weight > 0.0 ? sum / weight : 0.0;
      break;
    case KT_DRIVER_STATE_PAYMENT:
      for (guint i = 0; i < data->state_payments->len; i++)
        sum += g_array_index (data->state_payments, KtStatePayment, i).amount;
      if (sum == 0.0 && data->form == KT_FORM_BT)
        sum = data->terms.bt_settled_value + data->terms.bt_interest + data->terms.bt_profit;
      break;
    case KT_DRIVER_INFLATION:
      sum = data->inflation;
      break;
    case KT_DRIVER_FX_RATE:
      sum = data->sharing.fx_depreciation;
      break;
    case KT_DRIVER_DELAY:
    case KT_DRIVER_RD_SUCCESS:
      return 1.0;
    case KT_DRIVER_NONE:
    case KT_N_DRIVERS:
    default:
      return NAN;
    }
  return sum != 0.0 && isfinite (sum) ? sum : NAN;
}

gboolean
kt_driver_evaluate (KtModel              *model,
                    const KtProjectData  *data,
                    KtProjectData        *scratch,
                    const KtRules        *rules,
                    const KtDriverValues *values)
{
  gboolean rd_moved = !isnan (values->rd_success)
                      && (values->rd_success < 0.5) != (data->sharing.rd_failed != FALSE);

  if (values->fx_rate == 1.0 && !rd_moved)
    return kt_model_evaluate (model, data, rules, &values->engine);

  g_return_val_if_fail (scratch != NULL, FALSE);
  scratch->sharing.fx_depreciation = data->sharing.fx_depreciation * values->fx_rate;
  scratch->sharing.rd_failed = isnan (values->rd_success) ? data->sharing.rd_failed
                                                          : values->rd_success < 0.5;
  return kt_model_evaluate (model, scratch, rules, &values->engine);
}

static gboolean
same (double a,
      double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b);
  return fabs (a - b) <= 1e-9 * MAX (1.0, MAX (fabs (a), fabs (b)));
}

gboolean
kt_driver_has_effect (KtModel             *model,
                      const KtProjectData *data,
                      const KtRules       *rules,
                      KtDriver             driver)
{
  KtProjectData scratch;
  KtDriverValues values;
  double base[KT_N_OUTCOMES], moved[KT_N_OUTCOMES];
  gboolean effect = FALSE;

  kt_driver_values_init (&values);
  if (!kt_model_evaluate (model, data, rules, NULL))
    return FALSE;
  kt_outcomes_read (model, data, base);

  if (driver == KT_DRIVER_DELAY)
    kt_driver_values_set (&values, data, driver, 1.0);
  else if (driver == KT_DRIVER_RD_SUCCESS)
    kt_driver_values_set (&values, data, driver, data->sharing.rd_failed ? 1.0 : 0.0);
  else
    kt_driver_values_set (&values, data, driver, 1.2);

  kt_project_data_copy (&scratch, data);
  if (kt_driver_evaluate (model, data, &scratch, rules, &values))
    {
      kt_outcomes_read (model, data, moved);
      for (int k = 0; k < KT_N_OUTCOMES && !effect; k++)
        effect = !same (base[k], moved[k]);
    }
  kt_project_data_clear (&scratch);
  return effect;
}
