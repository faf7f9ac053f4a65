/* kt-model-sharing.c — revenue band, guarantees, R&D risk, benefit sharing (MODEL.md §8, §9)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Conventions this file decides where MODEL.md §9 is silent (they are listed
 * on the help's methodology page):
 *
 * - P_t is the stored plan (sharing.plan_revenue, by year index t; years
 *   beyond the list have no plan).  With no stored plan, P_t is the user
 *   revenue of the document without drivers, without the actual-to-plan path
 *   and without delay: the approved base case, computed here from the inputs,
 *   so no scenario, sensitivity or simulation moves it.  A year with P_t ≤ 0
 *   has no band and no MRG.
 * - A_t is the run's user revenue, the actual-to-plan path included (it moves
 *   the volumes in kt-model-operations.c, so variable opex follows).
 * - Band: D_t = s_dn · max(0, L·P_t − A_t) when the form allows the downside,
 *   capped by the annual cap, then by what is left of the total cap;
 *   U_t = s_up · max(0, A_t − U·P_t) when it allows the upside.  S&T projects
 *   in operation years 1 … st_first_years: L = 1, s_dn = the rules' share,
 *   s_up = 0, caps apply; the form must still allow the downside.
 * - MRG: M_t = max(0, m · P_t − A_t − D_t), after the band, not capped.
 * - FX guarantee (operation years; IDC is not covered): with X_t / X_0 =
 *   (1 + dep)^t (t the year index: the base rate is year 0's) and FX debt
 *   service F_t = fx_share × the debt service of the loans flagged foreign
 *   currency (all loans when none is flagged), the investor's conversion loss
 *   is F_t · ((1 + dep)^t − 1), a financing cost (actual tax, CFADS, equity);
 *   the state pays F_t · max(0, (1 + dep)^t − (1 + band)), the loss beyond a
 *   cumulative depreciation `band` of the base rate.  Both stay out of the
 *   project flow and of tax as if there were no debt, as all financing does.
 * - R&D failure (rd_failed): the project stops after the R&D phase (its
 *   first rd_phase_years construction years); one settlement year follows
 *   with no operation, in which every loan is repaid (from equity) and the
 *   state pays its share of the sunk cost (the phase's construction need,
 *   IDC and fees included) beyond the support it already gave:
 *   max(0, rd_state_share · sunk − support).  State support is never
 *   refunded (S&T&I Law Art. 9(3)).  The assets are worthless: no terminal
 *   value, no asset received by the state, no residual economic value.
 * - Benefit sharing: each stream's revenue × commercialisation_share ×
 *   benefit_share_state (to the state) or × benefit_share_institute (to the
 *   institute), a deductible cost of the investor in the year of the revenue.
 */
#include "config.h"

#include "kt-model-private.h"

/* Ramp by operation year (last value repeats), as kt-model-operations.c. */
static double
ramp_at (const GArray *ramp,
         int           k)
{
  if (ramp == NULL || ramp->len == 0)
    return 1.0;
  return g_array_index (ramp, double, MIN ((guint) k, ramp->len) - 1);
}

/* §9: P_t, the approved base case. */
static void
plan_revenue (KtModel *model)
{
  const KtModelCtx *ctx = &model->priv->ctx;
  const KtProjectData *data = ctx->data;
  const GArray *plan = data->sharing.plan_revenue;
  double *p = model->y.plan_revenue;
  int c0 = MAX (data->construction_years, 0);
  int n0 = c0 + MAX (data->operation_years, 0);

  if (plan != NULL && plan->len > 0)
    {
      for (int t = 0; t < ctx->n && (guint) t < plan->len; t++)
        p[t] = g_array_index (plan, double, t);
      return;
    }
  for (guint s = 0; s < data->revenues->len; s++)
    {
      const KtRevenueStream *rs = &g_array_index (data->revenues, KtRevenueStream, s);
      double tariff = rs->tariff * kt_model_escalation_factor (rs->escalation, c0, ctx->t_base);
      double volume = rs->capacity;

      for (int t = c0; t < n0; t++)
        {
          if (t < ctx->n)
            p[t] += volume * ramp_at (rs->ramp, t - c0 + 1) * tariff;
          volume *= 1.0 + rs->growth;
          tariff *= 1.0 + rs->escalation;
        }
    }
}

void
kt_model_sharing (KtModel *model)
{
  const KtModelCtx *ctx = &model->priv->ctx;
  const KtProjectData *data = ctx->data;
  const KtRules *rules = ctx->rules;
  const KtRiskSharing *sh = &data->sharing;
  KtModelYears *y = &model->y;
  int form = CLAMP ((int) data->form, 0, KT_N_FORMS - 1);
  gboolean down_ok = rules->downside_allowed[form];
  gboolean up_ok = rules->upside_allowed[form];
  double paid = 0.0;

  plan_revenue (model);
  if (ctx->rd_stopped)
    return;
  for (int t = ctx->c; t < ctx->n; t++)
    {
      int k = t - ctx->c + 1;
      double p = y->plan_revenue[t], a = y->revenue[t];
      double down = 0.0, up = 0.0;

      if (!(p > 0.0))
        continue;
      if (sh->band_enabled)
        {
          double lower = sh->lower, upper = sh->upper;
          double share_down = sh->share_down, share_up = sh->share_up;

          /* §9: the S&T rule of the first operation years. */
          if (data->st_project && sh->st_first_years && k <= rules->st_first_years)
            {
              lower = 1.0;
              share_down = rules->st_first_years_share_down;
              share_up = 0.0;
            }
          if (down_ok)
            down = share_down * MAX (0.0, lower * p - a);
          if (up_ok)
            up = share_up * MAX (0.0, a - upper * p);
          /* Caps (nominal) on the state's payments only: annual, then what
           * is left of the total. */
          if (sh->annual_cap > 0.0)
            down = MIN (down, sh->annual_cap);
          if (sh->total_cap > 0.0)
            down = MIN (down, MAX (0.0, sh->total_cap - paid));
          paid += down;
        }
      y->sharing_receipts[t] = down;
      y->sharing_payments[t] = up;
      if (sh->mrg_enabled)
        y->mrg[t] = MAX (0.0, sh->mrg_share * p - a - down);
      y->guarantees[t] = y->mrg[t] + y->fx_payout[t] + y->rd_compensation[t];
    }
}

/* §9: sunk cost of a failed R&D phase, in the settlement year. */
void
kt_model_rd_compensation (KtModel *model)
{
  const KtModelCtx *ctx = &model->priv->ctx;
  const KtRiskSharing *sh = &ctx->data->sharing;
  KtModelYears *y = &model->y;
  double sunk = 0.0, support = 0.0;
  int phase;

  if (!sh->rd_enabled)
    return;
  phase = MIN (MAX (sh->rd_phase_years, 0), ctx->c);
  for (int t = 0; t < phase; t++)
    {
      sunk += y->need[t];
      support += y->support[t];
    }
  model->r.rd_sunk_cost = sunk;
  if (!ctx->rd_stopped)
    return;
  y->rd_compensation[ctx->n - 1] = MAX (0.0, sh->rd_state_share * sunk - support);
  y->guarantees[ctx->n - 1] = y->mrg[ctx->n - 1] + y->fx_payout[ctx->n - 1]
                              + y->rd_compensation[ctx->n - 1];
}

/* The exchange-rate path of §9, computed once: the FX guarantee is worked
 * out in every sculpting iteration (debt_pass in kt-model-financing.c), and
 * a pow() per year there cost more than the rest of the guarantee. */
void
kt_model_fx_prepare (KtModel *model)
{
  KtModelPrivate *priv = model->priv;
  const KtModelCtx *ctx = &priv->ctx;
  const KtProjectData *data = ctx->data;
  const KtRiskSharing *sh = &data->sharing;
  gboolean any_flagged = FALSE;

  if (!sh->fx_enabled)
    return;
  /* One pow() and a product per year, as the escalation factors (§2). */
  if (ctx->c < ctx->n)
    priv->fx_move[ctx->c] = pow (1.0 + sh->fx_depreciation, ctx->c);
  for (int t = ctx->c + 1; t < ctx->n; t++)
    priv->fx_move[t] = priv->fx_move[t - 1] * (1.0 + sh->fx_depreciation);
  /* The loans flagged foreign currency, all of them when none is. */
  for (int j = 0; j < model->n_loans; j++)
    any_flagged |= g_array_index (data->loans, KtLoan, j).foreign_currency;
  for (int j = 0; j < model->n_loans; j++)
    priv->fx_loan[j] = !any_flagged || g_array_index (data->loans, KtLoan, j).foreign_currency;
}

/* §8: the state's flow: − support − service payments − payouts − downside
 * sharing − transfer price + upside sharing + benefit sharing + CIT + duty
 * + land rent + concession fees + assets received at transfer (the NBV the
 * investor writes off; none after a failed R&D phase).  Public assets
 * contributed are non-cash and stay out of it (kt-vfm.c counts them). */
void
kt_model_state (KtModel *model)
{
  KtModelPrivate *priv = model->priv;
  const KtProjectData *data = priv->ctx.data;
  KtModelYears *y = &model->y;
  KtModelResults *r = &model->r;
  double d = 1.0;

  r->peak_commitment = 0.0;
  r->peak_commitment_year = -1;
  for (int t = 0; t < model->n_years; t++)
    {
      double outlay = y->support[t] + y->state_payments[t] + y->guarantees[t]
                      + y->sharing_receipts[t];
      double receipts = y->sharing_payments[t] + y->benefit_state[t] + y->tax[t] + y->duty[t]
                        + y->replacement_duty[t] + y->land_rent[t] + y->concession_fees[t]
                        + (priv->ctx.rd_stopped ? 0.0 : y->writeoff[t]);
      double k = d * (model->real ? y->deflator[t] : 1.0);

      /* The transfer price is paid for assets: it nets against them. */
      receipts -= y->transfer_price[t];
      y->fiscal_outlay[t] = outlay;
      y->fiscal_receipts[t] = receipts;
      y->fiscal_flow[t] = receipts - outlay;
      r->fiscal_outlay_pv += outlay * k;
      r->fiscal_receipts_pv += receipts * k;
      r->sharing_receipts_total += y->sharing_receipts[t];
      r->sharing_payments_total += y->sharing_payments[t];
      r->guarantees_total += y->guarantees[t];
      r->benefit_total += y->benefit_state[t] + y->benefit_institute[t];
      r->institute_total += y->institute[t];
      if (outlay > r->peak_commitment)
        {
          r->peak_commitment = outlay;
          r->peak_commitment_year = t;
        }
      d /= 1.0 + data->social_rate;
    }
  r->fiscal_npv = r->fiscal_receipts_pv - r->fiscal_outlay_pv;
  for (guint i = 0; data->public_assets != NULL && i < data->public_assets->len; i++)
    r->public_assets_total += g_array_index (data->public_assets, KtPublicAsset, i).value;
}
