/* kt-vfm.c — value for money: public sector comparator against the PPP (MODEL.md §11)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Choices MODEL.md §11 leaves open (listed on the help's methodology page):
 * - PSC capex = (capex + contingency) × (1 + capex optimism bias) in each
 *   construction year; import duty is left out (the state would pay it to
 *   itself).  The state borrows it at its borrowing rate b: the balance at
 *   COD, B = Σ_{t<C} K_t (1 + b)^(C−1−t), is repaid as an annuity
 *   B · b / (1 − (1 + b)^−O) in the O operation years (B / O when b = 0).
 *   With C = 0 there is nothing to finance.  Replacement capex (with the
 *   same bias) is paid in cash in its year.
 * - PSC opex = (opex − land rent − concession fees) × (1 + opex bias): rent
 *   and fees would be paid by the state to itself.
 * - The register's expected costs are already present values at the social
 *   rate: they are added as they are.  Transferred = owner investor + the
 *   investor's share (1 − state share) of shared risks; retained = owner
 *   state + the state's share of shared ones.  MODEL.md §11 puts the
 *   transferred ones in the PSC and the retained ones in the PPP cost only.
 * - Revenue the state would collect = the run's user revenue.
 * - The state keeps its own assets at the end: the PSC subtracts their NBV
 *   without IDC and fees, with the capex bias, in year N−1, as the PPP's
 *   fiscal flow counts the assets received at transfer.
 * - Public assets contributed (land, data centres, systems) are used by
 *   either delivery: they would enter both sides at valuation and cancel, so
 *   VfM leaves them out and reports them apart.
 * - No competitive-neutrality adjustment: the PPP's CIT, duty, rent and fees
 *   reduce the state's net fiscal cost (MODEL.md §8), the PSC pays none.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kt-vfm.h"

void
kt_vfm_risk_split (const KtProjectData *data,
                   double              *transferred,
                   double              *retained)
{
  double to = 0.0, kept = 0.0;

  for (guint i = 0; data->risks != NULL && i < data->risks->len; i++)
    {
      const KtRisk *risk = &g_array_index (data->risks, KtRisk, i);
      double share = risk->owner == KT_OWNER_STATE ? 1.0
                     : risk->owner == KT_OWNER_INVESTOR ? 0.0
                     : CLAMP (risk->state_share, 0.0, 1.0);

      kept += share * risk->expected_cost;
      to += (1.0 - share) * risk->expected_cost;
    }
  if (transferred != NULL)
    *transferred = to;
  if (retained != NULL)
    *retained = kept;
}

void
kt_vfm_compute (const KtModel       *model,
                const KtProjectData *data,
                KtVfm               *vfm)
{
  const KtModelYears *y = &model->y;
  const KtEconomics *eco = &data->economics;
  int c = model->construction_years, o = model->operation_years, n = model->n_years;
  double b = eco->state_borrowing_rate, balance = 0.0, annuity = 0.0, d = 1.0;
  double bias_capex = 1.0 + eco->psc_capex_overrun, bias_opex = 1.0 + eco->psc_opex_overrun;
  double residual;

  g_return_if_fail (model != NULL && data != NULL && vfm != NULL);

  memset (vfm, 0, sizeof *vfm);
  for (int t = 0; t < c; t++)
    balance += (y->capex[t] + y->contingency[t]) * bias_capex * pow (1.0 + b, c - 1 - t);
  if (o > 0 && balance != 0.0)
    annuity = fabs (b) > 1e-15 ? balance * b / (1.0 - pow (1.0 + b, -o)) : balance / o;

  residual = model->r.rd_stopped ? 0.0
             : (model->y.fixed_assets[n - 1] + model->y.writeoff[n - 1]
                - model->y.fixed_assets_idc[n - 1] - model->y.writeoff_idc[n - 1]) * bias_capex;
  for (int t = 0; t < n; t++)
    {
      double k = d * (model->real ? y->deflator[t] : 1.0);

      if (t >= c)
        vfm->psc_capex += annuity * k;
      vfm->psc_replacement += (y->replacement[t]) * bias_capex * k;
      vfm->psc_opex += (y->opex[t] - y->land_rent[t] - y->concession_fees[t]) * bias_opex * k;
      vfm->psc_revenue += y->revenue[t] * k;
      if (t == n - 1)
        vfm->psc_residual = residual * k;
      d /= 1.0 + data->social_rate;
    }
  kt_vfm_risk_split (data, &vfm->psc_transferred_risks, &vfm->ppp_retained_risks);
  vfm->risks_transferred = vfm->psc_transferred_risks;
  vfm->psc = vfm->psc_capex + vfm->psc_replacement + vfm->psc_opex + vfm->psc_transferred_risks
             - vfm->psc_revenue - vfm->psc_residual;
  vfm->ppp_net_fiscal_cost = -model->r.fiscal_npv;
  vfm->ppp_cost = vfm->ppp_net_fiscal_cost + vfm->ppp_retained_risks;
  vfm->vfm = vfm->psc - vfm->ppp_cost;
  vfm->public_assets = model->r.public_assets_total;
}

gboolean
kt_rd_expected (const KtProjectData *data,
                const KtRules       *rules,
                KtRdExpected        *out)
{
  g_autoptr (KtModel) model = NULL;
  KtProjectData copy;
  double p;

  g_return_val_if_fail (data != NULL && rules != NULL && out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  if (!data->sharing.rd_enabled || data->sharing.rd_phase_years <= 0
      || data->sharing.rd_phase_years > data->construction_years)
    return FALSE;
  p = CLAMP (data->sharing.rd_success_probability, 0.0, 1.0);
  out->probability = p;
  kt_project_data_copy (&copy, data);
  model = kt_model_new (&copy, 0);

  copy.sharing.rd_failed = FALSE;
  kt_model_evaluate (model, &copy, rules, NULL);
  out->fiscal_npv_success = model->r.fiscal_npv;
  out->equity_npv_success = model->r.equity_npv;
  out->project_npv_success = model->r.project_npv;
  out->sunk_cost = model->r.rd_sunk_cost;

  copy.sharing.rd_failed = TRUE;
  kt_model_evaluate (model, &copy, rules, NULL);
  out->fiscal_npv_failure = model->r.fiscal_npv;
  out->equity_npv_failure = model->r.equity_npv;
  out->project_npv_failure = model->r.project_npv;
  out->state_compensation = model->r.guarantees_total;
  kt_project_data_clear (&copy);

  out->fiscal_npv_expected = p * out->fiscal_npv_success + (1.0 - p) * out->fiscal_npv_failure;
  out->equity_npv_expected = p * out->equity_npv_success + (1.0 - p) * out->equity_npv_failure;
  out->project_npv_expected = p * out->project_npv_success + (1.0 - p) * out->project_npv_failure;
  return TRUE;
}
