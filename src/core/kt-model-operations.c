/* kt-model-operations.c — revenue, state payments, opex and working capital (MODEL.md §5)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kt-model-private.h"

/* Ramp by operation year k (1-based); the last value repeats and an empty
 * list means full capacity from the first year. */
static double
ramp_at (const GArray *ramp,
         int           k)
{
  if (ramp == NULL || ramp->len == 0)
    return 1.0;
  return g_array_index (ramp, double, MIN ((guint) k, ramp->len) - 1);
}

static void
revenue_streams (KtModel *model)
{
  const KtModelCtx *ctx = &model->priv->ctx;
  const KtProjectData *data = ctx->data;
  KtModelYears *y = &model->y;

  for (guint s = 0; s < data->revenues->len; s++)
    {
      const KtRevenueStream *rs = &g_array_index (data->revenues, KtRevenueStream, s);
      double tariff = rs->tariff * ctx->drv.tariff
                      * kt_model_escalation_factor (rs->escalation, ctx->c, ctx->t_base);
      double volume = rs->capacity * ctx->drv.demand;
      double commercial = rs->commercialisation_share;
      const GArray *path = data->sharing.actual_to_plan;
      int exempt = MIN (rs->exempt_years, ctx->rules->st_income_max_exempt_years);
      int revenue_years = 0;

      for (int t = ctx->c; t < ctx->n; t++)
        {
          /* §5: volume_t = capacity · ramp_k · (1 + growth)^(t − C); §9: the
           * stated actual-to-plan path (last value repeats, empty = 1). */
          double revenue = volume * ramp_at (rs->ramp, t - ctx->c + 1) * tariff
                           * (path != NULL && path->len > 0 ? ramp_at (path, t - ctx->c + 1) : 1.0);
          double variable = rs->variable_cost_share * revenue * ctx->drv.opex;

          y->revenue[t] += revenue;
          y->opex_variable[t] += variable;
          /* §9 benefit sharing of commercialised results. */
          y->benefit_state[t] += revenue * commercial * data->sharing.benefit_share_state;
          y->benefit_institute[t] += revenue * commercial * data->sharing.benefit_share_institute;
          /* §7: exempt S&T income is the stream's first n revenue years. */
          if (revenue > 0.0 && revenue_years < exempt)
            {
              y->st_exempt[t] += revenue - variable;
              revenue_years++;
            }
          volume *= 1.0 + rs->growth;
          tariff *= 1.0 + rs->escalation;
        }
    }
}

static void
state_payments (KtModel *model)
{
  const KtModelCtx *ctx = &model->priv->ctx;
  const KtProjectData *data = ctx->data;
  KtModelYears *y = &model->y;

  for (guint p = 0; p < data->state_payments->len; p++)
    {
      const KtStatePayment *sp = &g_array_index (data->state_payments, KtStatePayment, p);
      int first = ctx->c + MAX (sp->first_year, 1) - 1;
      int last = sp->last_year > 0 ? MIN (ctx->c + sp->last_year - 1, ctx->n - 1) : ctx->n - 1;
      double amount;

      if (first > last)
        continue;
      /* §5: base · (1 + e)^(t − t_base) · (1 − performance deduction). */
      amount = sp->amount * (1.0 - sp->performance_deduction) * ctx->drv.state_payment
               * kt_model_escalation_factor (sp->escalation, first, ctx->t_base);
      for (int t = first; t <= last; t++)
        {
          y->state_payments[t] += amount;
          amount *= 1.0 + sp->escalation;
        }
    }

  /* §4: BT is one nominal state payment in year C. */
  if (data->form == KT_FORM_BT && ctx->o > 0)
    y->state_payments[ctx->c] += (data->terms.bt_settled_value + data->terms.bt_interest
                                  + data->terms.bt_profit) * ctx->drv.state_payment;
}

static void
operating_costs (KtModel *model)
{
  const KtModelCtx *ctx = &model->priv->ctx;
  const KtProjectData *data = ctx->data;
  KtModelYears *y = &model->y;
  double rent, fee;

  for (guint l = 0; l < data->opex->len; l++)
    {
      const KtOpexLine *line = &g_array_index (data->opex, KtOpexLine, l);
      double amount = line->amount * ctx->drv.opex
                      * kt_model_escalation_factor (line->escalation, ctx->c, ctx->t_base);

      for (int t = ctx->c; t < ctx->n; t++)
        {
          y->opex_fixed[t] += amount;
          if (line->rd)
            y->opex_rd[t] += amount;
          amount *= 1.0 + line->escalation;
        }
    }

  for (guint m = 0; m < data->maintenance->len; m++)
    {
      const KtMaintenance *mm = &g_array_index (data->maintenance, KtMaintenance, m);

      for (guint i = 0; mm->years != NULL && i < mm->years->len; i++)
        {
          int t = ctx->c + g_array_index (mm->years, int, i) - 1;

          if (t < ctx->c || t >= ctx->n)
            continue;
          y->maintenance[t] += mm->amount * ctx->drv.opex
                               * kt_model_escalation_factor (mm->escalation, t, ctx->t_base);
        }
    }

  /* §5: land rent in operation years after the exempt ones; during
   * construction it is a capex line.  Land rent and concession fees are
   * contractual payments to the state, so the opex driver leaves them alone. */
  rent = data->land_rent
         * kt_model_escalation_factor (data->land_rent_escalation, ctx->c, ctx->t_base);
  fee = data->concession_fee
        * kt_model_escalation_factor (data->concession_fee_escalation, ctx->c, ctx->t_base);
  for (int t = ctx->c; t < ctx->n; t++)
    {
      if (t - ctx->c + 1 > data->land_rent_exempt_years)
        y->land_rent[t] = rent;
      y->concession_fees[t] = fee;
      rent *= 1.0 + data->land_rent_escalation;
      fee *= 1.0 + data->concession_fee_escalation;
    }

  for (int t = ctx->c; t < ctx->n; t++)
    y->opex[t] = y->opex_fixed[t] + y->opex_variable[t] + y->maintenance[t]
                 + y->land_rent[t] + y->concession_fees[t];
}

/* §5: NWC_t = receivables − payables for t = C … N−2, nil in construction
 * and in the last year (released). */
static void
working_capital (KtModel *model)
{
  const KtModelCtx *ctx = &model->priv->ctx;
  const KtProjectData *data = ctx->data;
  KtModelYears *y = &model->y;
  double previous = 0.0;

  if (!data->nwc_enabled)
    return;
  for (int t = ctx->c; t < ctx->n; t++)
    {
      if (t < ctx->n - 1)
        {
          y->receivables[t] = data->receivable_days / 365.0
                              * (y->revenue[t] + y->state_payments[t]);
          y->payables[t] = data->payable_days / 365.0 * y->opex[t];
        }
      y->nwc[t] = y->receivables[t] - y->payables[t];
      y->delta_nwc[t] = y->nwc[t] - previous;
      previous = y->nwc[t];
    }
}

void
kt_model_operations (KtModel *model)
{
  /* §9: after a failed R&D phase the settlement year has no operation. */
  if (model->priv->ctx.rd_stopped)
    return;
  revenue_streams (model);
  state_payments (model);
  operating_costs (model);
  working_capital (model);
}
