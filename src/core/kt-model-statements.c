/* kt-model-statements.c — income, cash flow, balance sheet, sources and uses, flows (MODEL.md §8)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kt-model-private.h"

/* §8 cash flows only, as kt_model_statements() computes them: what Monte
 * Carlo summarises (kt_model_set_outcomes_only) needs nothing else. */
static void
flows_only (KtModel *model)
{
  const KtModelCtx *ctx = &model->priv->ctx;
  KtModelYears *y = &model->y;

  for (int t = 0; t < ctx->n; t++)
    {
      double replacement = y->replacement[t] + y->replacement_duty[t];
      double distribution = 0.0;

      if (t >= ctx->c)
        distribution = y->cfads[t] - y->debt_service[t] + y->transfer_price[t];
      y->distributions[t] = distribution;
      y->equity_flow[t] = -y->equity[t] + distribution + y->terminal_equity[t];
      y->project_flow[t] = y->revenue[t] + y->state_payments[t] + y->sharing_receipts[t]
                           - y->sharing_payments[t] + y->guarantees[t] - y->fx_payout[t]
                           - y->benefit_state[t] - y->benefit_institute[t] - y->opex[t]
                           - y->capex[t] - y->contingency[t] - y->duty[t] - replacement
                           - y->delta_nwc[t] - y->tax_nd[t] + y->terminal_project[t]
                           + y->transfer_price[t];
    }
}

void
kt_model_statements (KtModel *model)
{
  KtModelPrivate *priv = model->priv;
  const KtModelCtx *ctx = &priv->ctx;
  const KtProjectData *data = ctx->data;
  KtModelYears *y = &model->y;
  double paid_in = 0.0, state = 0.0, institute = 0.0, retained = 0.0;
  int last = ctx->n - 1;

  /* §4: in the equity flow BOO keeps book NBV (or salvage) less the debt
   * still outstanding. */
  if (model->boo && !ctx->rd_stopped)
    y->terminal_equity[last] = (data->terms.salvage_value >= 0.0 ? data->terms.salvage_value
                                                                 : priv->nbv_end)
                               - y->debt_balance[last];
  if (priv->outcomes_only)
    {
      flows_only (model);
      return;
    }

  for (int t = 0; t < ctx->n; t++)
    {
      double construction = y->capex[t] + y->contingency[t] + y->duty[t] + y->idc[t] + y->fees[t];
      double replacement = y->replacement[t] + y->replacement_duty[t];
      double distribution = 0.0, injection, payout;

      /* Income statement; construction interest is capitalised (idc). */
      y->ebitda[t] = y->revenue[t] + y->state_payments[t] + y->sharing_receipts[t]
                     - y->sharing_payments[t] + y->guarantees[t] - y->benefit_state[t]
                     - y->benefit_institute[t] - y->opex[t];
      y->ebit[t] = y->ebitda[t] - y->depreciation[t] - y->loss_on_transfer[t];
      /* §9: the FX conversion loss is a financing cost, next to interest. */
      y->ebt[t] = y->ebit[t] - y->interest[t] - y->fx_loss[t];
      y->net_income[t] = y->ebt[t] - y->tax[t];

      /* §8: everything is distributed; a negative distribution is an equity
       * injection, booked as paid-in equity. */
      if (t >= ctx->c)
        distribution = y->cfads[t] - y->debt_service[t] + y->transfer_price[t];
      injection = MAX (0.0, -distribution);
      payout = MAX (0.0, distribution);
      y->distributions[t] = distribution;

      y->cfo[t] = y->net_income[t] + y->depreciation[t] + y->loss_on_transfer[t] - y->delta_nwc[t];
      y->cfi[t] = -construction - replacement + y->transfer_price[t];
      y->cff[t] = y->support[t] + y->institute[t] + y->equity[t] + y->draws[t] - y->principal[t]
                  - distribution;
      y->net_cash[t] = y->cfo[t] + y->cfi[t] + y->cff[t];

      /* Balance sheet: cash is nil. */
      paid_in += y->equity[t] + injection;
      state += y->support[t];
      /* Three-party: the institute's contribution is its own account (§4). */
      institute += y->institute[t];
      retained += y->net_income[t] - payout;
      y->paid_in[t] = paid_in;
      y->state_capital[t] = state;
      y->retained[t] = retained;
      y->total_assets[t] = y->fixed_assets[t] + y->receivables[t];
      y->total_liabilities[t] = y->payables[t] + y->debt_balance[t] + paid_in + state + institute
                                + retained;
      y->bs_difference[t] = y->total_assets[t] - y->total_liabilities[t];

      /* §12: construction: state + equity + debt vs need; operation:
       * EBITDA vs tax, ΔNWC, replacement, debt service, distributions. */
      if (t < ctx->c)
        {
          y->sources[t] = y->support[t] + y->institute[t] + y->equity[t] + y->draws[t];
          y->uses[t] = construction;
        }
      else
        {
          y->sources[t] = y->ebitda[t] + y->transfer_price[t] + injection;
          y->uses[t] = y->tax[t] + y->delta_nwc[t] + replacement + y->interest[t]
                       + y->fx_loss[t] + y->principal[t] + payout;
        }

      y->equity_flow[t] = -y->equity[t] + distribution + y->terminal_equity[t];
      /* §8: the project flow is investor-independent: no IDC or fees, tax as
       * if there were no debt. */
      /* The FX payout and loss are financing (§9): not in the project flow. */
      y->project_flow[t] = y->revenue[t] + y->state_payments[t] + y->sharing_receipts[t]
                           - y->sharing_payments[t] + y->guarantees[t] - y->fx_payout[t]
                           - y->benefit_state[t] - y->benefit_institute[t] - y->opex[t]
                           - y->capex[t] - y->contingency[t] - y->duty[t] - replacement
                           - y->delta_nwc[t] - y->tax_nd[t] + y->terminal_project[t]
                           + y->transfer_price[t];
    }
}
