/* kt-model-indicators.c — project, equity, debt, state and economic indicators (MODEL.md §8)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gsl/gsl_errno.h>

#include "kt-model-private.h"

#define BREAK_EVEN_MAX_VOLUME 1024.0
#define BREAK_EVEN_MAX_ITERATIONS 100

/* §2: a real rate discounts the deflated flows. */
static const double *
in_basis (const KtModel *model,
          const double  *flow,
          double        *out)
{
  if (!model->real)
    return flow;
  for (int t = 0; t < model->n_years; t++)
    out[t] = flow[t] * model->y.deflator[t];
  return out;
}

static double
ratio_of_pvs (const KtModel *model,
              const double  *in,
              const double  *out,
              double         rate)
{
  double pv_in = 0.0, pv_out = 0.0, d = 1.0;

  for (int t = 0; t < model->n_years; t++)
    {
      double k = d * (model->real ? model->y.deflator[t] : 1.0);

      pv_in += in[t] * k;
      pv_out += out[t] * k;
      d /= 1.0 + rate;
    }
  return pv_out > 0.0 ? pv_in / pv_out : NAN;
}

static void
project (KtModel *model)
{
  KtModelPrivate *priv = model->priv;
  const KtProjectData *data = priv->ctx.data;
  KtModelYears *y = &model->y;
  int n = model->n_years;
  const double *flow = in_basis (model, y->project_flow, priv->flow_a);
  KtModelResults *r = &model->r;

  r->project_npv = kt_npv (flow, n, data->wacc);
  kt_irr (flow, n, data->wacc, &r->project_irr);
  if (priv->outcomes_only)
    {
      r->project_mirr = r->payback = r->discounted_payback = r->bcr = NAN;
      return;
    }
  r->project_mirr = kt_mirr (flow, n, data->finance_rate, data->reinvest_rate);
  r->payback = kt_payback (flow, n);
  r->discounted_payback = kt_discounted_payback (flow, n, data->wacc);

  /* §8 B/C: inflow lines over outflow lines, both at WACC (the metrics
   * above are done with flow_a). */
  for (int t = 0; t < n; t++)
    {
      /* The FX payout is financing: not a project inflow (§9). */
      priv->flow_a[t] = y->revenue[t] + y->state_payments[t] + y->sharing_receipts[t]
                         + y->guarantees[t] - y->fx_payout[t] + y->terminal_project[t]
                         + y->transfer_price[t] + MAX (0.0, -y->delta_nwc[t]);
      priv->flow_b[t] = y->opex[t] + y->capex[t] + y->contingency[t] + y->duty[t]
                            + y->replacement[t] + y->replacement_duty[t] + y->tax_nd[t]
                            + y->sharing_payments[t] + y->benefit_state[t]
                            + y->benefit_institute[t] + MAX (0.0, y->delta_nwc[t]);
    }
  r->bcr = ratio_of_pvs (model, priv->flow_a, priv->flow_b, data->wacc);
}

static void
equity (KtModel *model)
{
  KtModelPrivate *priv = model->priv;
  const KtProjectData *data = priv->ctx.data;
  const double *flow = in_basis (model, model->y.equity_flow, priv->flow_b);
  KtModelResults *r = &model->r;

  r->equity_npv = kt_npv (flow, model->n_years, data->cost_of_equity);
  kt_irr (flow, model->n_years, data->cost_of_equity, &r->equity_irr);
  r->equity_mirr = priv->outcomes_only
                   ? NAN : kt_mirr (flow, model->n_years, data->finance_rate, data->reinvest_rate);
}

static void
debt (KtModel *model)
{
  const KtModelCtx *ctx = &model->priv->ctx;
  KtModelYears *y = &model->y;
  KtModelResults *r = &model->r;
  double sum = 0.0, balance = 0.0, weighted = 0.0, rate, d = 1.0, pv = 0.0;
  int count = 0, last = -1;

  /* §8: DSCR in every year with debt service > 0, interest-only included. */
  r->dscr_min = NAN;
  r->dscr_min_year = -1;
  for (int t = 0; t < ctx->n; t++)
    {
      y->dscr[t] = NAN;
      if (t < ctx->c || y->debt_service[t] <= 0.0)
        continue;
      y->dscr[t] = y->cfads[t] / y->debt_service[t];
      sum += y->dscr[t];
      count++;
      if (r->dscr_min_year < 0 || y->dscr[t] < r->dscr_min)
        {
          r->dscr_min = y->dscr[t];
          r->dscr_min_year = t;
        }
    }
  r->dscr_avg = count > 0 ? sum / count : NAN;

  /* §8: LLCR = Σ_{t=C}^{M} CFADS_t (1 + r)^−(t−C+1) / debt at COD, r the
   * rates weighted by COD balances, M the last maturity. */
  for (int j = 0; j < model->n_loans; j++)
    if (model->loans[j].cod_balance > 0.0)
      {
        balance += model->loans[j].cod_balance;
        weighted += model->loans[j].cod_balance * model->loans[j].rate;
        last = MAX (last, model->loans[j].maturity);
      }
  if (balance <= 0.0)
    {
      r->llcr = NAN;
      return;
    }
  rate = weighted / balance;
  for (int t = ctx->c; t <= MIN (last, ctx->n - 1); t++)
    {
      d /= 1.0 + rate;
      pv += y->cfads[t] * d;
    }
  r->llcr = pv / balance;
}

/* §8: economic flow at shadow prices; transfers (state payments and support,
 * CIT, duty, land rent, sharing, NWC) are left out. */
static void
economic (KtModel *model)
{
  KtModelPrivate *priv = model->priv;
  const KtModelCtx *ctx = &priv->ctx;
  const KtEconomics *eco = &ctx->data->economics;
  KtModelYears *y = &model->y;
  KtModelResults *r = &model->r;
  GArray *ext = eco->externalities;
  const double *flow;

  for (int t = 0; t < ctx->n; t++)
    {
      y->economic_benefits[t] = y->revenue[t] * eco->conversion_revenue;
      y->economic_costs[t] = (y->capex[t] + y->contingency[t] + y->replacement[t])
                             * eco->conversion_capex
                             + (y->opex[t] - y->land_rent[t]) * eco->conversion_opex;
    }
  for (guint e = 0; ext != NULL && e < ext->len; e++)
    {
      const KtExternality *x = &g_array_index (ext, KtExternality, e);
      double amount = x->amount * kt_model_escalation_factor (x->escalation, ctx->c, ctx->t_base);

      for (int t = ctx->c; t < ctx->n; t++)
        {
          if (x->cost)
            y->economic_costs[t] += amount;
          else
            y->economic_benefits[t] += amount;
          amount *= 1.0 + x->escalation;
        }
    }
  /* Residual value: NBV without IDC and fees, at the capex factor; none
   * when a failed R&D phase stopped the project (§9). */
  if (!ctx->rd_stopped)
    y->economic_benefits[ctx->n - 1] += (priv->nbv_end - priv->nbv_end_idc)
                                        * eco->conversion_capex;
  for (int t = 0; t < ctx->n; t++)
    y->economic_flow[t] = y->economic_benefits[t] - y->economic_costs[t];

  flow = in_basis (model, y->economic_flow, priv->flow_a);
  r->enpv = kt_npv (flow, ctx->n, ctx->data->social_rate);
  kt_irr (flow, ctx->n, ctx->data->social_rate, &r->eirr);
  r->ebcr = ratio_of_pvs (model, y->economic_benefits, y->economic_costs, ctx->data->social_rate);
}

double
kt_model_project_npv_at_volume (KtModel             *model,
                                const KtProjectData *data,
                                const KtRules       *rules,
                                double               volume)
{
  KtModelPrivate *priv = model->priv;
  KtModelCtx *ctx = &priv->ctx;
  KtModelYears *y = &model->y;
  double previous = 0.0;
  int first;

  g_return_val_if_fail (data == ctx->data && rules == ctx->rules, NAN);

  /* Volume moves user revenue, variable opex and exempt S&T income in
   * proportion (§5, §7); NWC and tax as if no debt follow. */
  for (int t = 0; t < ctx->n; t++)
    {
      double revenue = volume * y->revenue[t];
      double nwc = 0.0;

      priv->be_band[t] = revenue + y->state_payments[t];
      if (data->nwc_enabled && t >= ctx->c && t < ctx->n - 1)
        nwc = data->receivable_days / 365.0 * (revenue + y->state_payments[t])
              - data->payable_days / 365.0 * (y->opex[t] + (volume - 1.0) * y->opex_variable[t]);
      priv->be_nwc[t] = nwc - previous;
      previous = nwc;
      priv->be_assess[t] = y->assessable_nd[t]
                           + (volume - 1.0) * (y->revenue[t] - y->opex_variable[t]
                                               - y->st_exempt[t]);
    }
  first = kt_model_first_revenue_year (priv->be_band, NULL, ctx->n);
  kt_model_standard_rates (rules, priv->be_band, ctx->n, priv->be_standard);
  kt_model_cit (rules, data->incentive, ctx->n, first, priv->be_assess, priv->be_standard,
                priv->pool, priv->be_used, NULL, NULL, priv->be_taxable, priv->be_rate,
                priv->be_tax);
  for (int t = 0; t < ctx->n; t++)
    {
      double flow = y->project_flow[t]
                    + (volume - 1.0) * (y->revenue[t] - y->opex_variable[t])
                    - (priv->be_nwc[t] - y->delta_nwc[t]) - (priv->be_tax[t] - y->tax_nd[t]);

      priv->flow_b[t] = model->real ? flow * y->deflator[t] : flow;
    }
  return kt_npv (priv->flow_b, ctx->n, data->wacc);
}

static double
npv_at_volume (double  volume,
               void   *user_data)
{
  KtModel *model = user_data;
  KtModelPrivate *priv = model->priv;
  int slot = priv->memo_count % G_N_ELEMENTS (priv->memo_volume);
  double npv;

  /* GSL's brent re-evaluates the bracket the search already probed. */
  for (int i = 0; i < MIN (priv->memo_count, (int) G_N_ELEMENTS (priv->memo_volume)); i++)
    if (priv->memo_volume[i] == volume)
      return priv->memo_npv[i];
  npv = kt_model_project_npv_at_volume (model, priv->ctx.data, priv->ctx.rules, volume);
  priv->memo_volume[slot] = volume;
  priv->memo_npv[slot] = npv;
  priv->memo_count++;
  return npv;
}

/* d NPV / d volume near the base case: revenue less variable opex, less
 * the working capital they tie up and the tax (as if no debt) at each year's
 * marginal rate, discounted as the project flow is. */
static double
volume_slope (const KtModel *model)
{
  const KtModelCtx *ctx = &model->priv->ctx;
  const KtProjectData *data = ctx->data;
  const KtModelYears *y = &model->y;
  double slope = 0.0, d = 1.0, previous = 0.0;

  for (int t = 0; t < ctx->n; t++)
    {
      double nwc = 0.0;

      if (data->nwc_enabled && t >= ctx->c && t < ctx->n - 1)
        nwc = data->receivable_days / 365.0 * y->revenue[t]
              - data->payable_days / 365.0 * y->opex_variable[t];
      double margin = y->revenue[t] - y->opex_variable[t];
      double marginal = y->taxable_nd[t] > 0.0 ? y->cit_rate_nd[t] : 0.0;

      slope += (margin - (nwc - previous) - marginal * (margin - y->st_exempt[t]))
               * d * (model->real ? y->deflator[t] : 1.0);
      previous = nwc;
      d /= 1.0 + data->wacc;
    }
  return slope;
}

/* NPV is close to linear in the volume: secant steps from the base case,
 * the first one on the estimated slope, usually bracket the root within a
 * hair, which leaves the bracketing solver one or two probes. */
static gboolean
bracket_near (KtModel *model,
              double   slope,
              double  *lo,
              double  *hi,
              double  *f_lo,
              double  *f_hi)
{
  double x0 = 1.0, f0 = model->r.project_npv, x1;

  if (!(slope > 0.0))
    return FALSE;
  x1 = 1.0 - f0 / slope;
  for (int i = 0; i < 3; i++)
    {
      double f1, x2;

      if (!(x1 >= 0.0 && x1 <= BREAK_EVEN_MAX_VOLUME))
        return FALSE;
      f1 = npv_at_volume (x1, model);
      if (!isfinite (f1))
        return FALSE;
      if (f1 == 0.0 || (f1 > 0.0) != (f0 > 0.0))
        {
          *lo = MIN (x0, x1), *hi = MAX (x0, x1);
          *f_lo = x0 < x1 ? f0 : f1, *f_hi = x0 < x1 ? f1 : f0;
          return TRUE;
        }
      if (f1 == f0)
        return FALSE;
      x2 = x1 - f1 * (x1 - x0) / (f1 - f0);
      x0 = x1, f0 = f1, x1 = x2;
    }
  return FALSE;
}

/* §8 break-even: the volume share with project NPV = 0, by a GSL bracketing
 * solver; NAN when no bracket exists in [0, 1024]. */
static void
break_even (KtModel *model)
{
  gsl_function f = { npv_at_volume, model };
  double at_one = model->r.project_npv, lo, hi, f_lo, f_hi, slope;

  model->r.break_even_volume = NAN;
  model->priv->memo_count = 0;
  if (!isfinite (at_one))
    return;
  if (at_one == 0.0)
    {
      model->r.break_even_volume = 1.0;
      return;
    }
  /* The probe at volume 1 is the project NPV itself: every term the volume
   * moves is then added as 0, the working capital and tax as if no debt come
   * out as in the evaluation, and the flows are discounted alike
   * (tests/test-simulation.c checks it bit for bit).  GSL's brent probes the
   * bracket's ends, and 1 is one of them when bracket_near's first step or
   * the bracket [0, 1] holds the root: that saves a whole CIT computation. */
  model->priv->memo_volume[0] = 1.0;
  model->priv->memo_npv[0] = at_one;
  model->priv->memo_count = 1;
  slope = volume_slope (model);
  if (bracket_near (model, slope, &lo, &hi, &f_lo, &f_hi))
    ;
  else if (at_one > 0.0)
    {
      lo = 0.0, hi = 1.0;
      f_lo = npv_at_volume (lo, model);
      f_hi = at_one;
    }
  else
    {
      lo = 1.0, hi = 2.0;
      f_lo = at_one;
      f_hi = npv_at_volume (hi, model);
      while (f_hi < 0.0 && hi < BREAK_EVEN_MAX_VOLUME)
        {
          lo = hi, f_lo = f_hi;
          hi *= 2.0;
          f_hi = npv_at_volume (hi, model);
        }
    }
  if (f_lo == 0.0 || f_hi == 0.0)
    {
      model->r.break_even_volume = f_lo == 0.0 ? lo : hi;
      return;
    }
  if (!isfinite (f_lo) || !isfinite (f_hi) || (f_lo > 0.0) == (f_hi > 0.0))
    return;
  if (gsl_root_fsolver_set (model->priv->solver, &f, lo, hi) != GSL_SUCCESS)
    return;
  for (int i = 0; i < BREAK_EVEN_MAX_ITERATIONS; i++)
    {
      double root, at_root;

      if (gsl_root_fsolver_iterate (model->priv->solver) != GSL_SUCCESS)
        return;
      lo = gsl_root_fsolver_x_lower (model->priv->solver);
      hi = gsl_root_fsolver_x_upper (model->priv->solver);
      if (gsl_root_test_interval (lo, hi, 1e-12, 1e-10) == GSL_SUCCESS)
        break;
      /* Or the residual: NPV within 1e-12 of a unit of volume's worth. */
      root = gsl_root_fsolver_root (model->priv->solver);
      at_root = npv_at_volume (root, model);
      if (slope > 0.0 && fabs (at_root) <= 1e-12 * slope)
        break;
    }
  model->r.break_even_volume = gsl_root_fsolver_root (model->priv->solver);
}

static void
totals (KtModel *model)
{
  KtModelYears *y = &model->y;
  KtModelResults *r = &model->r;

  for (int t = 0; t < model->construction_years; t++)
    {
      r->capex_total += y->capex[t];
      r->contingency_total += y->contingency[t];
      r->duty_total += y->duty[t];
      r->idc_total += y->idc[t];
      r->fees_total += y->fees[t];
      r->support_total += y->support[t];
      r->equity_total += y->equity[t];
      r->debt_total += y->draws[t];
    }
  /* §3: total investment = escalated capex + contingency + duty of the
   * construction years + IDC + fees; none with C = 0. */
  r->total_investment = r->capex_total + r->contingency_total + r->duty_total + r->idc_total
                        + r->fees_total;
}

void
kt_model_indicators (KtModel *model)
{
  totals (model);
  project (model);
  equity (model);
  debt (model);
  kt_model_state (model);
  if (model->priv->outcomes_only)
    {
      /* Monte Carlo summarises none of these (kt_model_set_outcomes_only). */
      model->r.enpv = model->r.ebcr = model->r.break_even_volume = NAN;
      model->r.eirr.status = KT_IRR_NONE;
      model->r.eirr.n_roots = 0;
      model->r.eirr.irr = NAN;
      return;
    }
  economic (model);
  break_even (model);
}
