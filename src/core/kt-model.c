/* kt-model.c — the engine's workspace and the order of its stages (MODEL.md §1)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gsl/gsl_errno.h>
#include <string.h>

#include "kt-model-private.h"

#define N_SERIES (sizeof (KtModelYears) / sizeof (double *))
#define N_LOAN_SERIES 6
#define N_SCRATCH 20

/* KtModelYears is bound by treating it as an array of pointers. */
G_STATIC_ASSERT (sizeof (KtModelYears) % sizeof (double *) == 0);

void
kt_drivers_init (KtDrivers *drivers)
{
  g_return_if_fail (drivers != NULL);

  drivers->capex = 1.0;
  drivers->demand = 1.0;
  drivers->tariff = 1.0;
  drivers->opex = 1.0;
  drivers->interest_rate = 1.0;
  drivers->state_payment = 1.0;
  drivers->inflation = 1.0;
  drivers->delay = 0;
}

static int
data_n_years (const KtProjectData *data,
              int                  delay)
{
  return MAX (data->construction_years, 0) + MAX (delay, 0) + MAX (data->operation_years, 0);
}

static void
release (KtModel *model)
{
  KtModelPrivate *priv = model->priv;

  g_free (priv->block);
  g_free (priv->asset_spend);
  g_free (priv->pivots);
  g_free (priv->fx_loan);
  g_free (model->loans);
  g_free (model->assets);
  g_free (model->findings);
  priv->block = NULL;
  priv->asset_spend = NULL;
  priv->pivots = NULL;
  priv->fx_loan = NULL;
  model->loans = NULL;
  model->assets = NULL;
  model->findings = NULL;
}

/* One block holds every array, so an evaluation touches contiguous memory and
 * a workspace is freed at once. */
static void
reserve (KtModel *model,
         int      years,
         int      loans,
         int      assets)
{
  KtModelPrivate *priv = model->priv;
  gsize stride, total;
  double *p;
  double **series;

  release (model);
  priv->cap_years = MAX (years, 1);
  priv->cap_loans = loans;
  priv->cap_assets = assets;
  priv->cap_findings = 8 * priv->cap_years + 4 * (loans + assets) + 32;

  stride = (gsize) priv->cap_years;
  total = stride * (N_SERIES + N_LOAN_SERIES * (gsize) loans + 2 * (gsize) assets + N_SCRATCH)
          + 3 * stride * stride;
  priv->block = g_new0 (double, total);
  priv->pivots = g_new0 (guint, stride);
  priv->fx_loan = g_new0 (gboolean, MAX (loans, 1));
  model->loans = g_new0 (KtModelLoan, MAX (loans, 1));
  model->assets = g_new0 (KtModelAsset, MAX (assets, 1));
  priv->asset_spend = g_new0 (double *, MAX (assets, 1));
  model->findings = g_new0 (KtFinding, priv->cap_findings);

  p = priv->block;
  series = (double **) &model->y;
  for (gsize i = 0; i < N_SERIES; i++, p += stride)
    series[i] = p;
  for (int j = 0; j < loans; j++)
    {
      KtModelLoan *loan = &model->loans[j];
      loan->draws = p, p += stride;
      loan->fees = p, p += stride;
      loan->idc = p, p += stride;
      loan->interest = p, p += stride;
      loan->principal = p, p += stride;
      loan->balance = p, p += stride;
    }
  for (int a = 0; a < assets; a++)
    {
      model->assets[a].depreciation = p, p += stride;
      priv->asset_spend[a] = p, p += stride;
    }
  priv->band = p, p += stride;
  priv->standard_rate = p, p += stride;
  priv->be_standard = p, p += stride;
  priv->pool = p, p += stride;
  priv->sigma = p, p += stride;
  priv->flow_a = p, p += stride;
  priv->flow_b = p, p += stride;
  priv->be_band = p, p += stride;
  priv->be_assess = p, p += stride;
  priv->be_tax = p, p += stride;
  priv->be_nwc = p, p += stride;
  priv->be_used = p, p += stride;
  priv->be_taxable = p, p += stride;
  priv->be_rate = p, p += stride;
  priv->fx_move = p, p += stride;
  priv->sculpt_discount = p, p += stride;
  priv->assess_pre = p, p += stride;
  priv->cfads_pre = p, p += stride;
  priv->fx_service = p, p += stride;
  priv->rhs = p, p += stride;
  priv->lu = p, p += 3 * stride * stride;
  g_assert (p == priv->block + total);
}

static int
n_assets_of (const KtProjectData *data)
{
  return (int) (data->capex->len + data->replacements->len) + 1;
}

KtModel *
kt_model_new (const KtProjectData *data,
              int                  extra_years)
{
  KtModel *model;

  g_return_val_if_fail (data != NULL, NULL);

  model = g_new0 (KtModel, 1);
  model->priv = g_new0 (KtModelPrivate, 1);
  model->priv->solver = gsl_root_fsolver_alloc (gsl_root_fsolver_brent);
  reserve (model, data_n_years (data, extra_years), (int) data->loans->len, n_assets_of (data));
  return model;
}

void
kt_model_free (KtModel *model)
{
  if (model == NULL)
    return;
  release (model);
  gsl_root_fsolver_free (model->priv->solver);
  g_free (model->priv);
  g_free (model);
}

void
kt_model_add_finding (KtModel *model,
                      KtCheck  check,
                      int      index,
                      int      year,
                      double   value,
                      double   limit)
{
  KtFinding *f;

  if (model->n_findings >= model->priv->cap_findings)
    {
      model->n_findings_dropped++;
      return;
    }
  f = &model->findings[model->n_findings++];
  f->check = check;
  f->index = index;
  f->year = year;
  f->value = value;
  f->limit = limit;
}

static void
setup_context (KtModel             *model,
               const KtProjectData *data,
               const KtRules       *rules,
               const KtDrivers     *drivers)
{
  KtModelCtx *ctx = &model->priv->ctx;

  ctx->data = data;
  ctx->rules = rules;
  if (drivers != NULL)
    ctx->drv = *drivers;
  else
    kt_drivers_init (&ctx->drv);
  ctx->drv.delay = MAX (ctx->drv.delay, 0);
  /* §1 timeline.  MODEL.md leaves the delay open: it lengthens construction
   * and keeps the operation years, so operation moves later and N grows. */
  ctx->c0 = MAX (data->construction_years, 0);
  ctx->c = ctx->c0 + (ctx->c0 > 0 ? ctx->drv.delay : 0);
  ctx->o = MAX (data->operation_years, 0);
  /* §9: a failed R&D phase stops the project after it; one settlement year
   * without operation follows (kt-model-sharing.c). */
  ctx->rd_stopped = data->sharing.rd_enabled && data->sharing.rd_failed
                    && data->sharing.rd_phase_years > 0
                    && data->sharing.rd_phase_years <= ctx->c0;
  if (ctx->rd_stopped)
    {
      ctx->c0 = ctx->c = data->sharing.rd_phase_years;
      ctx->o = 1;
    }
  ctx->n = ctx->c + ctx->o;
  /* §2: base prices of year t_base, which may lie before year 0. */
  ctx->t_base = data->price_base_year - data->start_year;

  model->n_years = ctx->n;
  model->construction_years = ctx->c;
  model->operation_years = ctx->o;
  model->start_year = data->start_year;
  model->boo = data->form == KT_FORM_BOO;
  model->real = data->real_rates;
  model->n_loans = (int) data->loans->len;
  model->n_assets = n_assets_of (data);
}

gboolean
kt_model_evaluate (KtModel             *model,
                   const KtProjectData *data,
                   const KtRules       *rules,
                   const KtDrivers     *drivers)
{
  KtModelPrivate *priv;
  KtModelCtx *ctx;
  double inflation, d = 1.0;
  int delay;

  g_return_val_if_fail (model != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (rules != NULL, FALSE);

  priv = model->priv;
  delay = drivers != NULL && data->construction_years > 0 ? MAX (drivers->delay, 0) : 0;
  if (data_n_years (data, delay) > priv->cap_years
      || (int) data->loans->len > priv->cap_loans
      || n_assets_of (data) > priv->cap_assets)
    reserve (model,
             MAX (data_n_years (data, delay), priv->cap_years),
             MAX ((int) data->loans->len, priv->cap_loans),
             MAX (n_assets_of (data), priv->cap_assets));

  setup_context (model, data, rules, drivers);
  ctx = &priv->ctx;
  memset (priv->block, 0, sizeof (double) * (gsize) priv->cap_years
                          * (N_SERIES + N_LOAN_SERIES * (gsize) priv->cap_loans
                             + 2 * (gsize) priv->cap_assets));
  memset (&model->r, 0, sizeof model->r);
  model->r.rd_stopped = ctx->rd_stopped;
  model->n_findings = 0;
  model->n_findings_dropped = 0;
  memset (model->check_run, 0, sizeof model->check_run);
  if (ctx->n < 1)
    return FALSE;

  /* §2: real_t = nominal_t / (1 + i)^t. */
  inflation = data->inflation * ctx->drv.inflation;
  for (int t = 0; t < ctx->n; t++)
    {
      model->y.deflator[t] = d;
      d /= 1.0 + inflation;
    }

  kt_model_operations (model);
  kt_model_sharing (model);
  kt_model_investment (model);
  kt_model_rd_compensation (model);
  kt_model_depreciation (model);
  kt_model_tax_no_debt (model);
  kt_model_financing (model);
  kt_model_statements (model);
  kt_model_indicators (model);
  if (!priv->outcomes_only)
    kt_model_run_checks (model, data, rules);
  return TRUE;
}

void
kt_model_set_outcomes_only (KtModel  *model,
                            gboolean  outcomes_only)
{
  g_return_if_fail (model != NULL);
  model->priv->outcomes_only = outcomes_only;
}
