/* kt-model-financing.c — loan schedules in operation, sculpting and CFADS (MODEL.md §6, §8)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kt-model-private.h"

#define MAX_SCULPT_ITERATIONS 100

/* §6: repayments in years C + grace … C + tenor − 1. */
static void
repayment_window (KtModel *model,
                  int      j)
{
  const KtModelCtx *ctx = &model->priv->ctx;
  const KtLoan *loan = &g_array_index (ctx->data->loans, KtLoan, j);
  KtModelLoan *ml = &model->loans[j];

  ml->maturity = ctx->c + MAX (loan->tenor_years, 1) - 1;
  ml->first_repayment = MIN (ctx->c + MAX (loan->grace_years, 0), ml->maturity);
  /* §9: after a failed R&D phase every loan is repaid in the settlement year. */
  if (ctx->rd_stopped)
    ml->first_repayment = ml->maturity = ctx->n - 1;
}

/* §6: equal principal = COD balance / (tenor − grace); annuity = constant
 * interest + principal on the COD balance; the last instalment clears it. */
static void
schedule_fixed (KtModel     *model,
                int          j,
                KtRepayment  repayment)
{
  const KtModelCtx *ctx = &model->priv->ctx;
  KtModelLoan *ml = &model->loans[j];
  double r = ml->rate, balance = ml->cod_balance;
  int n_repayments = ml->maturity - ml->first_repayment + 1;
  double equal = ml->cod_balance / n_repayments;
  double annuity = r != 0.0 ? ml->cod_balance * r / (1.0 - pow (1.0 + r, -n_repayments))
                            : equal;

  for (int t = ctx->c; t < ctx->n; t++)
    {
      double interest = r * balance, principal = 0.0;

      if (t >= ml->first_repayment && balance > 0.0)
        {
          if (t == ml->maturity)
            principal = balance;
          else if (repayment == KT_REPAYMENT_ANNUITY)
            principal = MIN (annuity - interest, balance);
          else
            principal = MIN (equal, balance);
        }
      balance -= principal;
      ml->interest[t] = interest;
      ml->principal[t] = principal;
      ml->balance[t] = balance;
    }
}

/* §6: debt service_t = CFADS_t / τ in the repayment years, τ = PV(CFADS over
 * those years at the loan rate, from the start of the first) / balance then,
 * which is the COD balance since grace years pay interest only.  Years past
 * the contract have no CFADS: the window stops at N−1 (the maturity check
 * reports such a loan).  Returns how far the principal moved. */
static double
schedule_sculpted (KtModel *model,
                   int      j)
{
  const KtModelCtx *ctx = &model->priv->ctx;
  KtModelLoan *ml = &model->loans[j];
  const double *cfads = model->y.cfads;
  double r = ml->rate, balance = ml->cod_balance, pv = 0.0, discount = 1.0, moved = 0.0;
  int last = MIN (ml->maturity, ctx->n - 1);
  gboolean repay;

  for (int t = ml->first_repayment; t <= last; t++)
    {
      discount /= 1.0 + r;
      pv += cfads[t] * discount;
    }
  ml->tau = ml->cod_balance > 0.0 ? pv / ml->cod_balance : NAN;
  /* A τ ≤ 0 cannot repay: nothing is repaid and the checks report it. */
  repay = ml->cod_balance > 0.0 && pv > 0.0;

  for (int t = ctx->c; t < ctx->n; t++)
    {
      double interest = r * balance, principal = 0.0;

      if (repay && t >= ml->first_repayment && t <= last)
        principal = t == last ? balance : cfads[t] / ml->tau - interest;
      balance -= principal;
      moved = MAX (moved, fabs (principal - ml->principal[t]));
      ml->interest[t] = interest;
      ml->principal[t] = principal;
      ml->balance[t] = balance;
    }
  return moved;
}

static void
totals (KtModel *model)
{
  const KtModelCtx *ctx = &model->priv->ctx;
  KtModelYears *y = &model->y;

  for (int t = 0; t < ctx->n; t++)
    {
      double interest = 0.0, principal = 0.0, balance = 0.0;

      for (int j = 0; j < model->n_loans; j++)
        {
          interest += model->loans[j].interest[t];
          principal += model->loans[j].principal[t];
          balance += model->loans[j].balance[t];
        }
      y->interest[t] = interest;
      y->principal[t] = principal;
      y->debt_service[t] = interest + principal;
      y->debt_balance[t] = balance;
    }
}

/* §8: CFADS_t = revenue + state payments + sharing net − opex − actual tax
 * − ΔNWC − replacement capex, for t ≥ C. */
static void
cfads (KtModel *model)
{
  const KtModelCtx *ctx = &model->priv->ctx;
  KtModelYears *y = &model->y;

  for (int t = ctx->c; t < ctx->n; t++)
    y->cfads[t] = y->revenue[t] + y->state_payments[t] + y->sharing_receipts[t]
                  - y->sharing_payments[t] + y->guarantees[t] - y->benefit_state[t]
                  - y->benefit_institute[t] - y->fx_loss[t] - y->opex[t] - y->tax[t]
                  - y->delta_nwc[t] - y->replacement[t] - y->replacement_duty[t];
}

void
kt_model_financing (KtModel *model)
{
  const KtModelCtx *ctx = &model->priv->ctx;
  gboolean sculpted = FALSE;

  for (int j = 0; j < model->n_loans; j++)
    {
      const KtLoan *loan = &g_array_index (ctx->data->loans, KtLoan, j);

      repayment_window (model, j);
      if (loan->repayment == KT_REPAYMENT_SCULPTED && !ctx->rd_stopped)
        {
          /* First guess: an annuity, what sculpting gives on flat CFADS;
           * CFADS then moves the schedule. */
          sculpted = TRUE;
          schedule_fixed (model, j, KT_REPAYMENT_ANNUITY);
        }
      else
        schedule_fixed (model, j, ctx->rd_stopped ? KT_REPAYMENT_EQUAL_PRINCIPAL : loan->repayment);
    }

  totals (model);
  kt_model_fx (model);
  kt_model_tax_actual (model);
  cfads (model);
  model->priv->sculpt_converged = TRUE;
  if (!sculpted)
    return;

  /* §6: tax and CFADS are recomputed until the schedule moves < 1 đồng. */
  for (int i = 1; ; i++)
    {
      double moved = 0.0;

      for (int j = 0; j < model->n_loans; j++)
        if (g_array_index (ctx->data->loans, KtLoan, j).repayment == KT_REPAYMENT_SCULPTED
            && !ctx->rd_stopped)
          {
            /* Not inside MAX (): it would run twice. */
            double by = schedule_sculpted (model, j);

            moved = MAX (moved, by);
          }
      totals (model);
      kt_model_fx (model);
      kt_model_tax_actual (model);
      cfads (model);
      model->r.sculpt_iterations = i;
      if (moved < 1.0)
        break;
      if (i >= MAX_SCULPT_ITERATIONS)
        {
          model->priv->sculpt_converged = FALSE;
          break;
        }
    }
}
