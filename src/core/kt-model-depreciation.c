/* kt-model-depreciation.c — depreciation, book value and the end of the contract (MODEL.md §4)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kt-model-private.h"

double
kt_model_db_coefficient (const KtRules *rules,
                         int            life)
{
  /* Circular 45 (DOMAIN.md §8): ≤ 4 years, > 4 to ≤ 6, > 6. */
  if (life <= 4)
    return rules->db_coefficient_short;
  if (life <= 6)
    return rules->db_coefficient_medium;
  return rules->db_coefficient_long;
}

void
kt_model_depreciation_profile (KtDepreciationMethod method,
                               int                  life,
                               double               coefficient,
                               double               cost,
                               double              *out,
                               int                  n_out)
{
  double nbv = cost;
  gboolean straight = method != KT_DEPRECIATION_DECLINING_BALANCE;

  for (int j = 0; j < life && j < n_out; j++)
    {
      int remaining = life - j;   /* this year included */
      double amount;

      if (remaining == 1)
        amount = nbv;             /* the last year takes what is left */
      else if (method != KT_DEPRECIATION_DECLINING_BALANCE)
        amount = cost / life;
      else
        {
          /* §4: opening NBV × coefficient / life until the first year in
           * which that is ≤ opening NBV / remaining years; from then on
           * NBV / remaining years. */
          double declining = nbv * coefficient / life;
          double even = nbv / remaining;

          if (!straight && declining <= even)
            straight = TRUE;
          amount = straight ? even : declining;
        }
      out[j] = amount;
      nbv -= amount;
    }
}

static void
depreciate (KtModel              *model,
            KtModelAsset         *asset,
            KtDepreciationMethod  method,
            int                   useful_life)
{
  const KtModelCtx *ctx = &model->priv->ctx;
  int life = useful_life;

  /* §4: lives are not capped by the term unless the rule set says so. */
  if (ctx->rules->depreciate_over_term)
    life = MIN (life, ctx->n - asset->start);
  asset->life = MAX (life, 0);
  if (asset->life == 0 || asset->depreciable == 0.0 || asset->start >= ctx->n)
    return;
  kt_model_depreciation_profile (method, asset->life,
                                 kt_model_db_coefficient (ctx->rules, asset->life),
                                 asset->depreciable, asset->depreciation + asset->start,
                                 ctx->n - asset->start);
}

static void
accumulate (KtModel      *model,
            KtModelAsset *asset,
            double        idc_share)
{
  const KtModelCtx *ctx = &model->priv->ctx;

  for (int t = asset->start; t < ctx->n; t++)
    {
      model->y.depreciation[t] += asset->depreciation[t];
      model->y.depreciation_idc[t] += asset->depreciation[t] * idc_share;
    }
}

static void
assets (KtModel *model)
{
  KtModelPrivate *priv = model->priv;
  const KtModelCtx *ctx = &priv->ctx;
  const KtProjectData *data = ctx->data;
  KtModelYears *y = &model->y;
  guint n_capex = data->capex->len;
  double weight = 0.0, financing = 0.0, financing_funded = 0.0;
  KtModelAsset *pool;

  for (int a = 0; a < model->n_assets; a++)
    {
      model->assets[a].cost = 0.0;
      model->assets[a].cost_idc = 0.0;
      model->assets[a].depreciable = 0.0;
      model->assets[a].life = 0;
    }

  /* §4: the state-funded part of each construction year's need is not the
   * investor's to depreciate when the rule set says so. */
  for (int t = 0; t < ctx->c; t++)
    {
      priv->sigma[t] = 0.0;
      if (!ctx->rules->state_funded_assets_depreciable && y->need[t] > 0.0)
        priv->sigma[t] = y->support[t] / y->need[t];
      financing += y->idc[t] + y->fees[t];
      financing_funded += (y->idc[t] + y->fees[t]) * (1.0 - priv->sigma[t]);
    }

  /* §4: IDC and fees go to the depreciable initial lines in proportion to
   * their capex + contingency + duty. */
  for (guint l = 0; l < n_capex; l++)
    {
      const KtCapexLine *line = &g_array_index (data->capex, KtCapexLine, l);

      if (line->useful_life > 0)
        for (int t = 0; t < ctx->c; t++)
          weight += priv->asset_spend[l][t];
    }

  for (guint l = 0; l < n_capex; l++)
    {
      const KtCapexLine *line = &g_array_index (data->capex, KtCapexLine, l);
      KtModelAsset *asset = &model->assets[l];
      double own = 0.0, own_funded = 0.0, w = 0.0;

      asset->kind = KT_MODEL_ASSET_INITIAL;
      asset->index = (int) l;
      asset->start = ctx->c;
      for (int t = 0; t < ctx->c; t++)
        {
          own += priv->asset_spend[l][t];
          own_funded += priv->asset_spend[l][t] * (1.0 - priv->sigma[t]);
        }
      if (line->useful_life > 0 && weight > 0.0)
        w = own / weight;
      asset->cost_idc = w * financing;
      asset->cost = own + asset->cost_idc;
      asset->depreciable = line->useful_life > 0 ? own_funded + w * financing_funded : 0.0;
      depreciate (model, asset, line->method, line->useful_life);
      accumulate (model, asset,
                  asset->depreciable > 0.0 ? w * financing_funded / asset->depreciable : 0.0);
    }

  for (guint r = 0; r < data->replacements->len; r++)
    {
      const KtReplacement *rep = &g_array_index (data->replacements, KtReplacement, r);
      KtModelAsset *asset = &model->assets[n_capex + r];
      int t = ctx->c + rep->operation_year - 1;

      asset->kind = KT_MODEL_ASSET_REPLACEMENT;
      asset->index = (int) r;
      /* §4: replacement spent in year t is depreciated from year t + 1. */
      asset->start = t + 1;
      if (rep->operation_year < 1 || t >= ctx->n)
        continue;
      asset->cost = priv->asset_spend[n_capex + r][t];
      asset->depreciable = rep->useful_life > 0 ? asset->cost : 0.0;
      depreciate (model, asset, rep->method, rep->useful_life);
      accumulate (model, asset, 0.0);
    }

  /* IDC and fees stay on the books undepreciated when no line can take them. */
  pool = &model->assets[model->n_assets - 1];
  pool->kind = KT_MODEL_ASSET_FINANCING;
  pool->index = -1;
  pool->start = ctx->c;
  pool->cost = weight > 0.0 ? 0.0 : financing;
  pool->cost_idc = pool->cost;
}

/* §4: every form but BOO ends with the assets leaving the investor at the end
 * of year N−1: the NBV left is written off, less any transfer price. */
static void
book_value (KtModel *model)
{
  KtModelPrivate *priv = model->priv;
  const KtModelCtx *ctx = &priv->ctx;
  const KtProjectData *data = ctx->data;
  KtModelYears *y = &model->y;
  double nbv = 0.0, nbv_idc = 0.0;
  int last = ctx->n - 1;

  for (int t = 0; t < ctx->n; t++)
    {
      nbv += y->need[t] + y->replacement[t] + y->replacement_duty[t] - y->depreciation[t];
      nbv_idc += y->idc[t] + y->fees[t] - y->depreciation_idc[t];
      y->fixed_assets[t] = nbv;
      y->fixed_assets_idc[t] = nbv_idc;
    }
  priv->nbv_end = nbv;
  priv->nbv_end_idc = nbv_idc;

  /* A failed R&D phase (§9) leaves nothing of value: written off, whatever
   * the form, with no transfer price. */
  if (model->boo && !ctx->rd_stopped)
    {
      /* §4: the project flow keeps NBV without capitalised IDC and fees, or
       * the stated salvage value. */
      y->terminal_project[last] = data->terms.salvage_value >= 0.0 ? data->terms.salvage_value
                                                                   : nbv - nbv_idc;
      return;
    }
  y->writeoff[last] = nbv;
  y->writeoff_idc[last] = nbv_idc;
  y->transfer_price[last] = ctx->rd_stopped ? 0.0 : data->terms.transfer_price;
  y->loss_on_transfer[last] = nbv - y->transfer_price[last];
  y->fixed_assets[last] = 0.0;
  y->fixed_assets_idc[last] = 0.0;
}

void
kt_model_depreciation (KtModel *model)
{
  assets (model);
  book_value (model);
}
