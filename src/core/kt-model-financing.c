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

/* The discount factors of schedule_sculpted() for loan j, into
 * priv->sculpt_discount: (1 + r)^−(t − first + 1) over the repayment years,
 * by the same divisions in the same order every time, so computed once for
 * all the sculpting iterations (a chain of dependent divisions is slow). */
static void
sculpt_discount (KtModel *model,
                 int      j)
{
  const KtModelCtx *ctx = &model->priv->ctx;
  const KtModelLoan *ml = &model->loans[j];
  double *discount = model->priv->sculpt_discount;
  double d = 1.0;
  int last = MIN (ml->maturity, ctx->n - 1);

  for (int t = ml->first_repayment; t <= last; t++)
    {
      d /= 1.0 + ml->rate;
      discount[t] = d;
    }
}

/* §6: debt service_t = CFADS_t / τ in the repayment years, τ = PV(CFADS over
 * those years at the loan rate, from the start of the first) / balance then,
 * which is the COD balance since grace years pay interest only.  Years past
 * the contract have no CFADS: the window stops at N−1 (the maturity check
 * reports such a loan).  Needs sculpt_discount (j) first.  Returns how far
 * the principal moved. */
static double
schedule_sculpted (KtModel *model,
                   int      j)
{
  const KtModelCtx *ctx = &model->priv->ctx;
  KtModelLoan *ml = &model->loans[j];
  const double *cfads = model->y.cfads;
  const double *discount = model->priv->sculpt_discount;
  double r = ml->rate, balance = ml->cod_balance, pv = 0.0, moved = 0.0;
  int last = MIN (ml->maturity, ctx->n - 1);
  gboolean repay;

  for (int t = ml->first_repayment; t <= last; t++)
    pv += cfads[t] * discount[t];
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

/* §7, §8: the parts of each year's actual assessable income and CFADS that
 * the sculpting iterations do not move, into priv->assess_pre and
 * priv->cfads_pre.  Assessable income is
 *   revenue + state payments + sharing receipts − sharing payments
 *   + guarantees − benefits (state, institute) − opex − R&D extra
 *   − exempt S&T income − depreciation − loss on transfer − interest − FX loss
 * and CFADS (t ≥ C)
 *   revenue + state payments + sharing net + guarantees − benefits − FX loss
 *   − opex − tax − ΔNWC − replacement capex and its duty.
 * Only interest, tax and the FX loss change with the schedule, and the
 * guarantees too when the FX guarantee applies (`fx`): those are added on
 * every pass, the rest once. */
static void
fixed_parts (KtModel  *model,
             gboolean  fx)
{
  const KtModelCtx *ctx = &model->priv->ctx;
  const KtModelYears *y = &model->y;
  double *pre = model->priv->assess_pre, *cfads_pre = model->priv->cfads_pre;
  gboolean deductible = ctx->rules->transfer_writeoff_deductible;

  for (int t = 0; t < ctx->n; t++)
    {
      double operating = y->revenue[t] + y->state_payments[t] + y->sharing_receipts[t]
                         - y->sharing_payments[t] - y->benefit_state[t]
                         - y->benefit_institute[t] - y->opex[t] - y->rd_extra[t]
                         - y->st_exempt[t];

      pre[t] = operating + (fx ? 0.0 : y->guarantees[t] - y->fx_loss[t]) - y->depreciation[t]
               - (deductible ? y->loss_on_transfer[t] : 0.0);
      cfads_pre[t] = y->revenue[t] + y->state_payments[t] + y->sharing_receipts[t]
                     - y->sharing_payments[t] - y->benefit_state[t] - y->benefit_institute[t]
                     - y->opex[t] - y->delta_nwc[t] - y->replacement[t] - y->replacement_duty[t]
                     + (fx ? 0.0 : y->guarantees[t] - y->fx_loss[t]);
    }
}

/* The debt totals of every year, the FX guarantee on them (§9) and the
 * actual assessable income (§7): the sculpting loop runs this on every
 * iteration.  Loan by loan over the years, so that the sums vectorise; each
 * total still adds the loans in order from 0.  Needs fixed_parts() first. */
static void
debt_pass (KtModel *model,
           gboolean fx)
{
  const KtModelPrivate *priv = model->priv;
  const KtModelCtx *ctx = &priv->ctx;
  KtModelYears *y = &model->y;
  const double *pre = priv->assess_pre, *move = priv->fx_move;
  const KtRiskSharing *sh = &ctx->data->sharing;
  double *restrict interest = y->interest, *restrict principal = y->principal;
  double *restrict debt_service = y->debt_service, *restrict debt_balance = y->debt_balance;
  double *restrict assessable = y->assessable, *restrict service = priv->fx_service;
  int n_loans = model->n_loans, n = ctx->n, c = ctx->c;

  for (int t = 0; t < n; t++)
    interest[t] = principal[t] = debt_balance[t] = service[t] = 0.0;
  for (int j = 0; j < n_loans; j++)
    {
      const double *restrict li = model->loans[j].interest;
      const double *restrict lp = model->loans[j].principal;
      const double *restrict lb = model->loans[j].balance;

      for (int t = 0; t < n; t++)
        {
          interest[t] += li[t];
          principal[t] += lp[t];
          debt_balance[t] += lb[t];
        }
      if (fx && priv->fx_loan[j])
        for (int t = 0; t < n; t++)
          service[t] += li[t] + lp[t];
    }
  for (int t = 0; t < n; t++)
    debt_service[t] = interest[t] + principal[t];
  if (!fx)
    {
      for (int t = 0; t < n; t++)
        assessable[t] = pre[t] - interest[t];
      return;
    }
  for (int t = 0; t < n; t++)
    {
      if (t >= c)
        {
          /* A sculpted schedule may redraw (negative principal): only a
           * positive debt service is converted. */
          double converted = sh->fx_share * MAX (0.0, service[t]);

          y->fx_loss[t] = converted * (move[t] - 1.0);
          y->fx_payout[t] = converted * MAX (0.0, move[t] - (1.0 + sh->fx_band));
          y->guarantees[t] = y->mrg[t] + y->fx_payout[t] + y->rd_compensation[t];
        }
      assessable[t] = pre[t] + y->guarantees[t] - interest[t] - y->fx_loss[t];
    }
}

/* §8: CFADS_t for t ≥ C, from the fixed part and what the pass moved. */
static void
cfads (KtModel  *model,
       gboolean  fx)
{
  const KtModelCtx *ctx = &model->priv->ctx;
  KtModelYears *y = &model->y;
  const double *pre = model->priv->cfads_pre, *tax = y->tax;
  double *out = y->cfads;

  if (fx)
    for (int t = ctx->c; t < ctx->n; t++)
      out[t] = pre[t] + y->guarantees[t] - y->fx_loss[t] - tax[t];
  else
    for (int t = ctx->c; t < ctx->n; t++)
      out[t] = pre[t] - tax[t];
}

void
kt_model_financing (KtModel *model)
{
  const KtModelCtx *ctx = &model->priv->ctx;
  gboolean fx = ctx->data->sharing.fx_enabled;
  int n_sculpted = 0;

  kt_model_fx_prepare (model);
  for (int j = 0; j < model->n_loans; j++)
    {
      const KtLoan *loan = &g_array_index (ctx->data->loans, KtLoan, j);

      repayment_window (model, j);
      if (loan->repayment == KT_REPAYMENT_SCULPTED && !ctx->rd_stopped)
        {
          /* First guess: an annuity, what sculpting gives on flat CFADS;
           * CFADS then moves the schedule. */
          n_sculpted++;
          schedule_fixed (model, j, KT_REPAYMENT_ANNUITY);
        }
      else
        schedule_fixed (model, j, ctx->rd_stopped ? KT_REPAYMENT_EQUAL_PRINCIPAL : loan->repayment);
    }

  fixed_parts (model, fx);
  debt_pass (model, fx);
  kt_model_cit_actual (model);
  cfads (model, fx);
  model->priv->sculpt_converged = TRUE;
  if (n_sculpted == 0)
    return;

  /* §6: tax and CFADS are recomputed until the schedule moves < 1 đồng. */
  for (int i = 1; ; i++)
    {
      double moved = 0.0;

      for (int j = 0; j < model->n_loans; j++)
        if (g_array_index (ctx->data->loans, KtLoan, j).repayment == KT_REPAYMENT_SCULPTED
            && !ctx->rd_stopped)
          {
            double by;

            /* One scratch series serves every sculpted loan: refilled when
             * there are several. */
            if (i == 1 || n_sculpted > 1)
              sculpt_discount (model, j);
            /* Not inside MAX (): it would run twice. */
            by = schedule_sculpted (model, j);
            moved = MAX (moved, by);
          }
      debt_pass (model, fx);
      kt_model_cit_actual (model);
      cfads (model, fx);
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
