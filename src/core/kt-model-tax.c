/* kt-model-tax.c — corporate income tax with losses and incentives (MODEL.md §7, §8)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kt-model-private.h"

double
kt_model_standard_rate (const KtRules *rules,
                        double         revenue)
{
  double rate = rules->cit_standard_rate;
  double limit = G_MAXDOUBLE;

  /* §7: the narrowest small-company band that holds the year's revenue; the
   * bands need not be listed in order. */
  for (int i = 0; i < rules->n_cit_bands && i < KT_MAX_CIT_BANDS; i++)
    if (revenue <= rules->cit_band_revenue[i] && rules->cit_band_revenue[i] < limit)
      {
        limit = rules->cit_band_revenue[i];
        rate = rules->cit_band_rate[i];
      }
  return rate;
}

int
kt_model_first_revenue_year (const double *revenue,
                             const double *state_payments,
                             int           n)
{
  for (int t = 0; t < n; t++)
    if (revenue[t] + (state_payments != NULL ? state_payments[t] : 0.0) > 0.0)
      return t;
  return -1;
}

void
kt_model_standard_rates (const KtRules *rules,
                         const double  *band_base,
                         int            n,
                         double        *rates)
{
  double limit[KT_MAX_CIT_BANDS], rate[KT_MAX_CIT_BANDS];
  int n_bands = 0;

  /* The bands from the narrowest, each once (the first listed of equal
   * limits, as kt_model_standard_rate () picks): then a year's band is the
   * first that holds its revenue. */
  for (int i = 0; i < rules->n_cit_bands && i < KT_MAX_CIT_BANDS; i++)
    {
      int k = n_bands;

      if (rules->cit_band_revenue[i] == G_MAXDOUBLE)
        continue;
      for (int j = 0; j < n_bands; j++)
        if (limit[j] == rules->cit_band_revenue[i])
          k = -1;
      if (k < 0)
        continue;
      while (k > 0 && limit[k - 1] > rules->cit_band_revenue[i])
        {
          limit[k] = limit[k - 1];
          rate[k] = rate[k - 1];
          k--;
        }
      limit[k] = rules->cit_band_revenue[i];
      rate[k] = rules->cit_band_rate[i];
      n_bands++;
    }
  for (int t = 0; t < n; t++)
    {
      int b = 0;

      while (b < n_bands && !(band_base[t] <= limit[b]))
        b++;
      rates[t] = b < n_bands ? rate[b] : rules->cit_standard_rate;
    }
}

int
kt_model_cit (const KtRules *rules,
              KtIncentive    incentive,
              int            n,
              int            first_revenue_year,
              const double  *assessable,
              const double  *standard_rate,
              double        *pool,
              double        *loss_used,
              double        *loss_expired,
              double        *loss_pool,
              double        *taxable,
              double        *rate,
              double        *tax)
{
  const KtCitSchedule *schedule = &rules->cit[CLAMP ((int) incentive, 0, KT_N_INCENTIVES - 1)];
  int carry = MAX (rules->loss_carry_years, 0);
  int r0 = first_revenue_year;
  int exempt = MAX (schedule->exempt_years, 0);
  int reduced = MAX (schedule->reduced_years, 0);
  int holiday = -1, preferential_end = -1, exempt_end = -1, reduced_end = -1;
  double carried = 0.0;   /* Σ pool[y] over the years still usable */
  int open = 0;           /* how many of those pools are not empty */

  /* §7: the holiday runs from the first year with positive assessable income
   * (before losses), but starts no later than the given revenue year. */
  if (r0 >= 0 && exempt + reduced > 0)
    {
      int latest = schedule->holiday_latest_start > 0 ? r0 + schedule->holiday_latest_start - 1
                                                      : n;
      int t = r0;

      while (t < latest && t < n && assessable[t] <= 0.0)
        t++;
      holiday = MIN (t, latest);
      if (holiday >= n)
        holiday = -1;
    }
  if (holiday >= 0)
    {
      exempt_end = holiday + exempt;
      reduced_end = exempt_end + reduced;
    }
  /* §7: the preferential rate for its years from the first revenue year. */
  if (schedule->rate >= 0.0 && r0 >= 0)
    preferential_end = r0 + schedule->rate_years;

  for (int t = 0; t < n; t++)
    {
      double income = assessable[t];
      double used = 0.0, year_rate, factor = 1.0, expired = 0.0, taxable_t, rate_t;

      pool[t] = 0.0;
      /* §7: a loss of year y offsets years y+1 … y+carry, oldest first, also
       * in exempt years. */
      /* Counting the open pools, not testing `carried`, which rounding may
       * leave a hair above or below 0. */
      if (income > 0.0 && open > 0)
        for (int y = MAX (0, t - carry); y < t && used < income; y++)
          {
            double take;

            /* An empty year (pools are never −0) would take 0 and change
             * nothing: skipped, it stays off the chain of `used`. */
            if (pool[y] == 0.0)
              continue;
            take = MIN (pool[y], income - used);
            pool[y] -= take;
            used += take;
            open -= pool[y] == 0.0;
          }
      carried -= used;
      if (income < 0.0)
        {
          pool[t] = -income;
          carried += pool[t];
          open++;
        }
      /* What is left of year t − carry's loss expires at the end of year t. */
      if (t - carry >= 0)
        {
          expired = pool[t - carry];
          carried -= expired;
          open -= expired != 0.0;
          pool[t - carry] = 0.0;
        }

      year_rate = t >= r0 && t < preferential_end ? schedule->rate : standard_rate[t];
      if (t >= holiday && t < exempt_end)
        factor = 0.0;
      else if (t >= exempt_end && t < reduced_end)
        factor = 0.5;

      /* Through locals: the stores might alias, and reading them back would
       * wait on each store. */
      taxable_t = income > 0.0 ? income - used : 0.0;
      rate_t = year_rate * factor;
      loss_used[t] = used;
      taxable[t] = taxable_t;
      rate[t] = rate_t;
      tax[t] = taxable_t * rate_t;
      if (loss_expired != NULL)
        loss_expired[t] = expired;
      if (loss_pool != NULL)
        loss_pool[t] = carried;
    }
  return holiday;
}

/* §8: tax as if there were no debt: no interest, no depreciation or
 * write-off of capitalised IDC and fees, its own losses and holiday. */
void
kt_model_tax_no_debt (KtModel *model)
{
  KtModelPrivate *priv = model->priv;
  const KtModelCtx *ctx = &priv->ctx;
  KtModelYears *y = &model->y;
  gboolean deductible = ctx->rules->transfer_writeoff_deductible;

  for (int t = 0; t < ctx->n; t++)
    {
      /* §7: R&D opex deducted at the rule-set multiple; the extra part. */
      y->rd_extra[t] = (ctx->rules->rd_deduction_multiple - 1.0) * y->opex_rd[t];
      priv->band[t] = y->revenue[t] + y->state_payments[t];
    }
  /* The bands read revenue only, so one lookup serves every pass. */
  kt_model_standard_rates (ctx->rules, priv->band, ctx->n, priv->standard_rate);
  for (int t = 0; t < ctx->n; t++)
    {
      double transfer = deductible ? y->writeoff[t] - y->writeoff_idc[t] - y->transfer_price[t]
                                   : 0.0;

      /* The FX payout is financing (§9): not in tax as if there were no debt. */
      y->assessable_nd[t] = kt_model_operating_income (y, t) - y->fx_payout[t]
                            - (y->depreciation[t] - y->depreciation_idc[t]) - transfer;
    }
  model->r.first_revenue_year = kt_model_first_revenue_year (y->revenue, y->state_payments,
                                                             ctx->n);
  model->r.holiday_start_nd = kt_model_cit (ctx->rules, ctx->data->incentive, ctx->n,
                                            model->r.first_revenue_year, y->assessable_nd,
                                            priv->standard_rate, priv->pool, y->loss_used_nd,
                                            NULL, NULL, y->taxable_nd, y->cit_rate_nd, y->tax_nd);
}

/* §7 on the actual assessable income already in y.assessable. */
void
kt_model_cit_actual (KtModel *model)
{
  KtModelPrivate *priv = model->priv;
  const KtModelCtx *ctx = &priv->ctx;
  KtModelYears *y = &model->y;

  model->r.holiday_start = kt_model_cit (ctx->rules, ctx->data->incentive, ctx->n,
                                         model->r.first_revenue_year, y->assessable,
                                         priv->standard_rate, priv->pool, y->loss_used,
                                         y->loss_expired, y->loss_pool, y->taxable, y->cit_rate,
                                         y->tax);
}
