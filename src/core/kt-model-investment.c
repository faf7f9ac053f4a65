/* kt-model-investment.c — capex, contingency, duty and construction funding (MODEL.md §3, §6)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gsl/gsl_linalg.h>
#include <string.h>

#include "kt-model-private.h"

static void
capex_lines (KtModel *model)
{
  KtModelPrivate *priv = model->priv;
  const KtModelCtx *ctx = &priv->ctx;
  const KtProjectData *data = ctx->data;
  KtModelYears *y = &model->y;
  /* §3: the `duty exempt` switch sets the project's rate to 0. */
  double duty_rate = data->duty_exempt ? 0.0 : data->duty_rate;
  guint n_capex = data->capex->len;

  for (guint l = 0; l < n_capex; l++)
    {
      const KtCapexLine *line = &g_array_index (data->capex, KtCapexLine, l);
      double contingency = line->contingency_rate >= 0.0 ? line->contingency_rate
                                                         : data->contingency_rate;
      double duty = duty_rate * line->share_imported;
      double factor = kt_model_escalation_factor (line->escalation, 0, ctx->t_base);
      int years = MIN ((int) line->amounts->len, ctx->c0);

      for (int t = 0; t < years; t++)
        {
          /* §3: contingency and duty on the escalated amount; no duty on
           * contingency; both belong to the line. */
          double escalated = g_array_index (line->amounts, double, t) * ctx->drv.capex * factor;

          y->capex[t] += escalated;
          y->contingency[t] += contingency * escalated;
          y->duty[t] += duty * escalated;
          priv->asset_spend[l][t] = escalated * (1.0 + contingency + duty);
          factor *= 1.0 + line->escalation;
        }
    }

  for (guint r = 0; r < data->replacements->len; r++)
    {
      const KtReplacement *rep = &g_array_index (data->replacements, KtReplacement, r);
      int t = ctx->c + rep->operation_year - 1;
      double escalated;

      /* Replacement beyond the contract term is not the investor's; none
       * after a failed R&D phase (§9). */
      if (rep->operation_year < 1 || t >= ctx->n || ctx->rd_stopped)
        continue;
      escalated = rep->amount * ctx->drv.capex
                  * kt_model_escalation_factor (rep->escalation, t, ctx->t_base);
      y->replacement[t] += escalated;
      y->replacement_duty[t] += duty_rate * rep->share_imported * escalated;
      priv->asset_spend[n_capex + r][t] = escalated * (1.0 + duty_rate * rep->share_imported);
    }
}

/* §6: with need_t = base_t + IDC_t + fees_t, a state share s or a fixed
 * schedule S_t, and equity share g, the debt of year t is
 *   D_t = (1 − g)((1 − s) need_t − S_t),
 *   IDC_t = ρ (Σ_{u<t} D_u + D_t / 2),      ρ = Σ_j share_j · rate_j,
 *   fees_t = [t = t_f] φ Σ_u D_u,            φ = Σ_j share_j · fee_j,
 * t_f the year of first draw: one C × C linear system in D, solved by LU. */
static void
construction_funding (KtModel *model)
{
  KtModelPrivate *priv = model->priv;
  const KtModelCtx *ctx = &priv->ctx;
  const KtProjectData *data = ctx->data;
  KtModelYears *y = &model->y;
  int c = ctx->c;
  double g = data->equity_share;
  double s = data->support_mode == KT_SUPPORT_SHARE ? data->support_share : 0.0;
  /* Three-party cooperation (DOMAIN.md §4): the state and the institute fund
   * their shares of each year's need; the institute's share is its own
   * contribution, not investor equity; the enterprise funds the rest with
   * equity and debt.  The support mode is not used then. */
  gboolean three = data->form == KT_FORM_THREE_PARTY;
  double k = three ? data->terms.three_party_institute : 0.0;
  double rho = 0.0, phi = 0.0, a, total = 0.0;
  double *band = priv->lu, *d = priv->rhs;
  int first_draw = -1;
  gsize bw, width;
  gsl_matrix_view bv;
  gsl_vector_view dv;
  gsl_vector_uint_view pv;

  for (int j = 0; j < model->n_loans; j++)
    {
      const KtLoan *loan = &g_array_index (data->loans, KtLoan, j);

      model->loans[j].rate = loan->rate * ctx->drv.interest_rate;
      model->loans[j].tau = NAN;
      model->loans[j].cod_balance = 0.0;
      rho += loan->share_of_debt * model->loans[j].rate;
      phi += loan->share_of_debt * loan->fee_rate;
    }
  priv->debt_need = 0.0;
  if (c == 0)
    return;

  if (three)
    s = data->terms.three_party_state;
  a = (1.0 - g) * (1.0 - s - k);
  for (int t = 0; t < c; t++)
    {
      double schedule = 0.0;

      if (!three && data->support_mode == KT_SUPPORT_SCHEDULE
          && (guint) t < data->support_schedule->len)
        schedule = g_array_index (data->support_schedule, double, t);
      d[t] = (1.0 - g) * ((1.0 - s - k) * (y->capex[t] + y->contingency[t] + y->duty[t])
                          - schedule);
      if (first_draw < 0 && d[t] > 0.0)
        first_draw = t;
    }
  /* GSL's dense LU allocates its pivots on every call; its band LU (the
   * same partial pivoting) takes ours, and bandwidths C − 1 hold the full
   * matrix: element (t, u) lives at row u, column 2(C − 1) + t − u. */
  bw = c - 1;
  width = 3 * bw + 1;
  memset (band, 0, sizeof (double) * c * width);
  for (int t = 0; t < c; t++)
    for (int u = 0; u < c; u++)
      {
        double v = u < t ? -a * rho : u == t ? 1.0 - a * rho / 2.0 : 0.0;

        if (t == first_draw)
          v -= a * phi;
        band[u * width + 2 * bw + t - u] = v;
      }
  bv = gsl_matrix_view_array (band, c, width);
  dv = gsl_vector_view_array (d, c);
  pv = gsl_vector_uint_view_array (priv->pivots, c);
  if (gsl_linalg_LU_band_decomp (c, bw, bw, &bv.matrix, &pv.vector) != GSL_SUCCESS
      || gsl_linalg_LU_band_svx (bw, bw, &bv.matrix, &pv.vector, &dv.vector) != GSL_SUCCESS)
    for (int t = 0; t < c; t++)
      d[t] = NAN;

  for (int t = 0; t < c; t++)
    total += d[t];
  priv->debt_need = total;

  for (int j = 0; j < model->n_loans; j++)
    {
      const KtLoan *loan = &g_array_index (data->loans, KtLoan, j);
      KtModelLoan *ml = &model->loans[j];
      double balance = 0.0;

      for (int t = 0; t < c; t++)
        {
          ml->draws[t] = loan->share_of_debt * d[t];
          /* Draws are mid-year for IDC; IDC is paid from the year's sources. */
          ml->idc[t] = ml->rate * (balance + ml->draws[t] / 2.0);
          balance += ml->draws[t];
          ml->balance[t] = balance;
          y->draws[t] += ml->draws[t];
          y->idc[t] += ml->idc[t];
        }
      if (first_draw >= 0)
        {
          ml->fees[first_draw] = loan->fee_rate * balance;
          y->fees[first_draw] += ml->fees[first_draw];
        }
      ml->cod_balance = balance;
    }

  for (int t = 0; t < c; t++)
    {
      double schedule = 0.0;

      if (!three && data->support_mode == KT_SUPPORT_SCHEDULE
          && (guint) t < data->support_schedule->len)
        schedule = g_array_index (data->support_schedule, double, t);
      y->need[t] = y->capex[t] + y->contingency[t] + y->duty[t] + y->idc[t] + y->fees[t];
      y->support[t] = s * y->need[t] + schedule;
      y->institute[t] = k * y->need[t];
      y->equity[t] = g * (y->need[t] - y->support[t] - y->institute[t]);
    }
}

void
kt_model_investment (KtModel *model)
{
  capex_lines (model);
  construction_funding (model);
}
