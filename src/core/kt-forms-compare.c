/* kt-forms-compare.c — the same project under every contract form that fits it (DOMAIN.md §2, §4)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which forms (DOMAIN.md §2, Decree 180 Art. 3(4)): a project that builds
 * (C > 0) is compared under BOT, BTO, BOO, BTL, BLT and BT; one that does
 * not (C = 0) under O&M; three-party cooperation when the document gives
 * the three shares (summing to 1) and has R&D or public assets; a
 * public-asset JV when public assets are contributed.  Ordering is listed,
 * not modelled, for projects with an R&D phase (its results belong to the
 * state).  The current form always comes first, as it stands.
 *
 * Transformations (help's methodology page):
 * - User-pay → BOT, BTO, BOO: the form only; the engine applies its
 *   effects (BOO terminal value, the band sides the rules allow).
 * - User-pay → BTL, BLT ("same revenue"): the base-case user revenue of each
 *   year becomes an availability payment of the same nominal amount, the
 *   state collects the user revenue itself (subtracted from its net cost)
 *   and bears the demand risk; variable opex stays the same nominal cost.
 *   Benefit sharing, the band and the MRG lapse with the user revenue.
 * - State-pay (BTL, BLT) → BOT, BTO, BOO: the state payments stay, as
 *   payments for ordered services; the form changes.
 * - → BT: O = 1 with no operation; loans are repaid in year C; the state
 *   pays the settled value (total investment less IDC, fees and its own
 *   capital support) + interest
 *   (IDC, fees and a year's interest on the debt at COD) + a reasonable
 *   profit sized so that equity IRR = hurdle (0 if even none exceeds it).
 *   The state then operates the assets for the original term itself: its
 *   net cost adds the PV of that opex and replacement (with the PSC's
 *   optimism bias) less user revenue; it keeps the demand, operation and
 *   obsolescence risks.
 * - VfM of every variant uses the project's PSC without its transferred
 *   risks, plus the variant's transferred risks (MODEL.md §11).
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kt-forms-compare.h"
#include "kt-vfm.h"
#include "kt-viability.h"

static gboolean
state_pay (KtForm form)
{
  return form == KT_FORM_BTL || form == KT_FORM_BLT || form == KT_FORM_BT;
}

static double
pv (const KtModel *model,
    const double  *flow,
    double         rate)
{
  double sum = 0.0, d = 1.0;

  for (int t = 0; t < model->n_years; t++)
    {
      sum += flow[t] * d * (model->real ? model->y.deflator[t] : 1.0);
      d /= 1.0 + rate;
    }
  return sum;
}

static void
zero_operations (KtProjectData *v)
{
  for (guint s = 0; s < v->revenues->len; s++)
    g_array_index (v->revenues, KtRevenueStream, s).capacity = 0.0;
  for (guint l = 0; l < v->opex->len; l++)
    g_array_index (v->opex, KtOpexLine, l).amount = 0.0;
  for (guint m = 0; m < v->maintenance->len; m++)
    g_array_index (v->maintenance, KtMaintenance, m).amount = 0.0;
  for (guint p = 0; p < v->state_payments->len; p++)
    g_array_index (v->state_payments, KtStatePayment, p).amount = 0.0;
  for (guint r = 0; r < v->replacements->len; r++)
    g_array_index (v->replacements, KtReplacement, r).amount = 0.0;
  v->land_rent = 0.0;
  v->concession_fee = 0.0;
  v->sharing.band_enabled = FALSE;
  v->sharing.mrg_enabled = FALSE;
}

static void
move_risks_to_state (KtProjectData *v,
                     gboolean       operations)
{
  for (guint i = 0; v->risks != NULL && i < v->risks->len; i++)
    {
      KtRisk *risk = &g_array_index (v->risks, KtRisk, i);

      if (risk->category == KT_RISK_DEMAND
          || (operations && (risk->category == KT_RISK_OPERATIONS
                             || risk->category == KT_RISK_OBSOLESCENCE)))
        risk->owner = KT_OWNER_STATE;
    }
}

static void
set_bt_profit (KtProjectData *data,
               KtDrivers     *drivers,
               double         x,
               gpointer       user_data)
{
  data->terms.bt_profit = x;
}

/* User revenue → availability payment of the same nominal amount. */
static void
to_availability (KtProjectData *v,
                 const KtModel *base)
{
  int c = base->construction_years;

  for (int t = c; t < base->n_years; t++)
    {
      KtStatePayment payment = { 0 };
      KtMaintenance cost = { 0 };
      int k = t - c + 1;

      if (base->y.revenue[t] != 0.0)
        {
          payment.name = g_strdup_printf ("availability-%d", k);
          payment.amount = base->y.revenue[t];
          payment.first_year = payment.last_year = k;
          g_array_append_val (v->state_payments, payment);
        }
      if (base->y.opex_variable[t] != 0.0)
        {
          cost.name = g_strdup_printf ("variable-%d", k);
          cost.amount = base->y.opex_variable[t];
          cost.years = g_array_new (FALSE, TRUE, sizeof (int));
          g_array_append_val (cost.years, k);
          g_array_append_val (v->maintenance, cost);
        }
    }
  for (guint s = 0; s < v->revenues->len; s++)
    g_array_index (v->revenues, KtRevenueStream, s).capacity = 0.0;
  v->sharing.band_enabled = FALSE;
  v->sharing.mrg_enabled = FALSE;
}

static void
to_bt (KtProjectData *v,
       const KtRules *rules,
       const KtModel *base)
{
  const KtModelResults *r = &base->r;
  double interest = 0.0;
  g_autoptr (KtModel) model = NULL;
  double profit;

  zero_operations (v);
  v->operation_years = 1;
  for (guint j = 0; j < v->loans->len; j++)
    {
      KtLoan *loan = &g_array_index (v->loans, KtLoan, j);

      interest += loan->rate * base->loans[j].cod_balance;
      loan->grace_years = 0;
      loan->tenor_years = 1;
      loan->repayment = KT_REPAYMENT_EQUAL_PRINCIPAL;
    }
  /* The state pays only for what it did not fund itself. */
  v->terms.bt_settled_value = r->total_investment - r->idc_total - r->fees_total
                              - r->support_total;
  v->terms.bt_interest = r->idc_total + r->fees_total + interest;
  v->terms.bt_profit = 0.0;
  model = kt_model_new (v, 0);
  if (kt_viability_solve_lever (model, v, rules, set_bt_profit, NULL, 0.0,
                                MAX (r->total_investment, 1.0), v->hurdle_rate, &profit))
    v->terms.bt_profit = profit;
  else
    v->terms.bt_profit = 0.0;
}

void
kt_forms_transform (const KtProjectData *data,
                    const KtRules       *rules,
                    KtForm               form,
                    KtProjectData       *variant)
{
  g_autoptr (KtModel) base = NULL;

  kt_project_data_copy (variant, data);
  if (form == data->form)
    return;
  variant->form = form;
  base = kt_model_new (data, 0);
  kt_model_evaluate (base, data, rules, NULL);
  if (state_pay (form))
    move_risks_to_state (variant, form == KT_FORM_BT);
  if ((form == KT_FORM_BTL || form == KT_FORM_BLT) && !state_pay (data->form))
    to_availability (variant, base);
  else if (form == KT_FORM_BT)
    to_bt (variant, rules, base);
}

static void
fill (KtFormVariant       *row,
      const KtProjectData *v,
      const KtRules       *rules,
      double               psc_raw,
      double               extra_cost)
{
  g_autoptr (KtModel) model = kt_model_new (v, 0);
  KtVfm vfm;

  row->modelled = kt_model_evaluate (model, v, rules, NULL);
  if (!row->modelled)
    return;
  kt_vfm_compute (model, v, &vfm);
  row->equity_irr = model->r.equity_irr.status == KT_IRR_NONE ? NAN : model->r.equity_irr.irr;
  row->project_irr = model->r.project_irr.status == KT_IRR_NONE ? NAN : model->r.project_irr.irr;
  row->dscr_min = model->r.dscr_min;
  row->fiscal_npv = model->r.fiscal_npv;
  row->state_net_cost = -model->r.fiscal_npv + extra_cost;
  row->risks_transferred = vfm.risks_transferred;
  row->vfm = psc_raw + vfm.risks_transferred - (row->state_net_cost + vfm.ppp_retained_risks);
  row->support_total = model->r.support_total;
  for (int t = 0; t < model->n_years; t++)
    row->state_payment_total += model->y.state_payments[t];
  for (int c = 0; c < KT_N_CHECKS; c++)
    if (model->check_run[c])
      {
        row->checks_run++;
        if (!kt_model_check_passed (model, c) && kt_check_severity (c) == KT_SEVERITY_ERROR)
          row->checks_failed++;
      }
  row->legal_ok = row->checks_failed == 0;
}

static void
add_form (GArray *rows,
          KtForm  form)
{
  KtFormVariant row = { 0 };

  for (guint i = 0; i < rows->len; i++)
    if (g_array_index (rows, KtFormVariant, i).form == form)
      return;
  row.form = form;
  row.equity_irr = row.project_irr = row.dscr_min = row.fiscal_npv = NAN;
  row.state_net_cost = row.vfm = row.risks_transferred = NAN;
  g_array_append_val (rows, row);
}

GArray *
kt_forms_compare (const KtProjectData *data,
                  const KtRules       *rules)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (KtFormVariant));
  g_autoptr (KtModel) base = NULL;
  const KtFormTerms *terms = &data->terms;
  gboolean has_assets = data->public_assets != NULL && data->public_assets->len > 0;
  gboolean three_given = fabs (terms->three_party_state + terms->three_party_enterprise
                               + terms->three_party_institute - 1.0) <= 1e-9;
  double psc_raw, revenue_pv, own_pv;
  KtVfm vfm;

  g_return_val_if_fail (data != NULL && rules != NULL, rows);

  base = kt_model_new (data, 0);
  if (!kt_model_evaluate (base, data, rules, NULL))
    return rows;
  kt_vfm_compute (base, data, &vfm);
  psc_raw = vfm.psc - vfm.psc_transferred_risks;
  revenue_pv = pv (base, base->y.revenue, data->social_rate);
  /* What the state pays to run the assets itself after a BT. */
  {
    double *own = g_new0 (double, base->n_years);

    /* With the PSC's optimism bias: the state runs them as in the PSC. */
    for (int t = base->construction_years; t < base->n_years; t++)
      own[t] = (base->y.opex[t] - base->y.land_rent[t] - base->y.concession_fees[t])
               * (1.0 + data->economics.psc_opex_overrun)
               + base->y.replacement[t] * (1.0 + data->economics.psc_capex_overrun)
               - base->y.revenue[t];
    own_pv = pv (base, own, data->social_rate);
    g_free (own);
  }

  add_form (rows, data->form);
  g_array_index (rows, KtFormVariant, 0).current = TRUE;
  if (data->construction_years > 0)
    {
      KtForm forms[] = { KT_FORM_BOT, KT_FORM_BTO, KT_FORM_BOO, KT_FORM_BTL, KT_FORM_BLT,
                         KT_FORM_BT };

      for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
        add_form (rows, forms[i]);
    }
  else
    add_form (rows, KT_FORM_OM);
  if (data->sharing.rd_enabled || has_assets)
    add_form (rows, KT_FORM_THREE_PARTY);
  if (has_assets)
    add_form (rows, KT_FORM_PUBLIC_ASSET_JV);
  if (data->sharing.rd_enabled)
    add_form (rows, KT_FORM_ORDERING);

  for (guint i = 0; i < rows->len; i++)
    {
      KtFormVariant *row = &g_array_index (rows, KtFormVariant, i);
      KtProjectData v;
      double extra = 0.0;

      if (!row->current)
        {
          if (row->form == KT_FORM_ORDERING)
            {
              row->note = N_("Not modelled: under ordering the state funds the task by "
                             "milestone and owns the results");
              continue;
            }
          if (row->form == KT_FORM_THREE_PARTY && !three_given)
            {
              row->note = N_("Not modelled: give the three parties' funding shares");
              continue;
            }
          if (row->form == KT_FORM_HYBRID)
            continue;
        }
      kt_forms_transform (data, rules, row->form, &v);
      if (!row->current)
        {
          if ((row->form == KT_FORM_BTL || row->form == KT_FORM_BLT) && !state_pay (data->form))
            {
              extra = -revenue_pv;
              row->note = N_("User revenue becomes an availability payment of the same "
                             "amount; the state collects the user revenue");
            }
          else if (row->form == KT_FORM_BT)
            {
              extra = own_pv;
              row->note = N_("The state pays on completion (profit sized to the hurdle) and "
                             "then operates the assets itself");
            }
          else if (state_pay (data->form))
            row->note = N_("State payments kept as payments for ordered services");
        }
      fill (row, &v, rules, psc_raw, extra);
      kt_project_data_clear (&v);
    }
  return rows;
}
