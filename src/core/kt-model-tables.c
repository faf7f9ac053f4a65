/* kt-model-tables.c — the engine's statements as tables for screens, reports and the CLI
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Costs and cash going out are negative in these tables, so that every
 * subtotal is the sum of the rows above it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kt-model-private.h"

typedef double (*RowFunc) (const KtModel *model,
                           int            t);

typedef struct {
  const char    *key;
  const char    *label;   /* N_() */
  gssize         offset;  /* in KtModelYears; −1 with `func` */
  double         sign;
  gboolean       total;
  RowFunc        func;
  KtModelRowKind kind;
} RowSpec;

#define S(k, l, field, sign, total) \
  { k, l, G_STRUCT_OFFSET (KtModelYears, field), sign, total, NULL, KT_MODEL_ROW_MONEY }
#define F(k, l, fn, total) { k, l, -1, 1.0, total, fn, KT_MODEL_ROW_MONEY }
#define R(k, l, field, kind) { k, l, G_STRUCT_OFFSET (KtModelYears, field), 1.0, FALSE, NULL, kind }

static double
injection (const KtModel *model,
           int            t)
{
  return MAX (0.0, -model->y.distributions[t]);
}

static double
payout (const KtModel *model,
        int            t)
{
  return -MAX (0.0, model->y.distributions[t]);
}

static double
construction (const KtModel *model,
              int            t)
{
  return -model->y.need[t];
}

static double
band_revenue (const KtModel *model,
              int            t)
{
  return model->y.revenue[t] + model->y.state_payments[t];
}

static double
cumulative_equity (const KtModel *model,
                   int            t)
{
  double sum = 0.0;

  for (int u = 0; u <= t; u++)
    sum += model->y.equity_flow[u];
  return sum;
}

static double
cumulative_project (const KtModel *model,
                    int            t)
{
  double sum = 0.0;

  for (int u = 0; u <= t; u++)
    sum += model->y.project_flow[u];
  return sum;
}

static double
institute_account (const KtModel *model,
                   int            t)
{
  double sum = 0.0;

  for (int u = 0; u <= t; u++)
    sum += model->y.institute[u];
  return sum;
}

/* Non-cash: the public assets contributed, at valuation, in year 0 (§9). */
static double
public_assets (const KtModel *model,
               int            t)
{
  return t == 0 ? model->r.public_assets_total : 0.0;
}

/* Assets the state receives at transfer: NBV written off (none after a
 * failed R&D phase). */
static double
assets_received (const KtModel *model,
                 int            t)
{
  return model->r.rd_stopped ? 0.0 : model->y.writeoff[t];
}

static double
taxes_and_fees (const KtModel *model,
                int            t)
{
  const KtModelYears *y = &model->y;

  return y->duty[t] + y->replacement_duty[t] + y->land_rent[t] + y->concession_fees[t];
}

static const RowSpec income_rows[] = {
  S ("revenue", N_("User revenue"), revenue, 1, FALSE),
  S ("state-payments", N_("State service payments"), state_payments, 1, FALSE),
  S ("sharing-receipts", N_("Revenue sharing received"), sharing_receipts, 1, FALSE),
  S ("sharing-payments", N_("Revenue sharing paid"), sharing_payments, -1, FALSE),
  S ("guarantees", N_("Guarantee payouts"), guarantees, 1, FALSE),
  S ("benefit-state", N_("Benefit sharing paid to the state"), benefit_state, -1, FALSE),
  S ("benefit-institute", N_("Benefit sharing paid to the institute"), benefit_institute, -1,
     FALSE),
  S ("opex-fixed", N_("Fixed operating costs"), opex_fixed, -1, FALSE),
  S ("opex-variable", N_("Variable operating costs"), opex_variable, -1, FALSE),
  S ("maintenance", N_("Major maintenance"), maintenance, -1, FALSE),
  S ("land-rent", N_("Land rent"), land_rent, -1, FALSE),
  S ("concession-fees", N_("Concession fees"), concession_fees, -1, FALSE),
  S ("ebitda", N_("EBITDA"), ebitda, 1, TRUE),
  S ("depreciation", N_("Depreciation"), depreciation, -1, FALSE),
  S ("loss-on-transfer", N_("Loss on transfer"), loss_on_transfer, -1, FALSE),
  S ("ebit", N_("Operating profit (EBIT)"), ebit, 1, TRUE),
  S ("interest", N_("Interest"), interest, -1, FALSE),
  S ("fx-loss", N_("Foreign-exchange loss on debt service"), fx_loss, -1, FALSE),
  S ("ebt", N_("Profit before tax"), ebt, 1, TRUE),
  S ("tax", N_("Corporate income tax"), tax, -1, FALSE),
  S ("net-income", N_("Net income"), net_income, 1, TRUE),
};

static const RowSpec cashflow_rows[] = {
  S ("net-income", N_("Net income"), net_income, 1, FALSE),
  S ("depreciation", N_("Depreciation"), depreciation, 1, FALSE),
  S ("loss-on-transfer", N_("Loss on transfer"), loss_on_transfer, 1, FALSE),
  S ("working-capital", N_("Increase in working capital"), delta_nwc, -1, FALSE),
  S ("cfo", N_("Cash flow from operations"), cfo, 1, TRUE),
  F ("construction", N_("Construction (capex, contingency, duty, IDC, fees)"), construction, FALSE),
  S ("replacement", N_("Replacement capex"), replacement, -1, FALSE),
  S ("replacement-duty", N_("Import duty on replacement"), replacement_duty, -1, FALSE),
  S ("transfer-price", N_("Transfer price received"), transfer_price, 1, FALSE),
  S ("cfi", N_("Cash flow from investment"), cfi, 1, TRUE),
  S ("state-capital", N_("State capital support"), support, 1, FALSE),
  S ("institute", N_("Institute contribution"), institute, 1, FALSE),
  S ("equity-contributions", N_("Equity contributions"), equity, 1, FALSE),
  S ("loan-draws", N_("Loan draws"), draws, 1, FALSE),
  S ("principal", N_("Principal repaid"), principal, -1, FALSE),
  S ("distributions", N_("Distributions (negative: injections)"), distributions, -1, FALSE),
  S ("cff", N_("Cash flow from financing"), cff, 1, TRUE),
  S ("net-cash", N_("Change in cash"), net_cash, 1, TRUE),
};

static const RowSpec balance_rows[] = {
  S ("fixed-assets", N_("Net fixed assets (incl. construction in progress)"), fixed_assets, 1,
     FALSE),
  S ("receivables", N_("Receivables"), receivables, 1, FALSE),
  S ("total-assets", N_("Total assets"), total_assets, 1, TRUE),
  S ("payables", N_("Payables"), payables, 1, FALSE),
  S ("loans", N_("Loans"), debt_balance, 1, FALSE),
  S ("paid-in-equity", N_("Investor paid-in equity"), paid_in, 1, FALSE),
  S ("state-capital", N_("State capital support"), state_capital, 1, FALSE),
  F ("institute", N_("Institute contribution"), institute_account, FALSE),
  S ("retained-earnings", N_("Retained earnings"), retained, 1, FALSE),
  S ("total-liabilities", N_("Total liabilities and equity"), total_liabilities, 1, TRUE),
  S ("difference", N_("Difference"), bs_difference, 1, FALSE),
};

static const RowSpec equity_rows[] = {
  S ("contributions", N_("Equity contributions"), equity, -1, FALSE),
  S ("cfads", N_("Cash flow available for debt service"), cfads, 1, FALSE),
  S ("debt-service", N_("Debt service"), debt_service, -1, FALSE),
  S ("transfer-price", N_("Transfer price"), transfer_price, 1, FALSE),
  S ("distributions", N_("Distributions (negative: injections)"), distributions, 1, FALSE),
  F ("injections", N_("Of which equity injections"), injection, FALSE),
  S ("terminal-value", N_("Terminal value less debt (BOO)"), terminal_equity, 1, FALSE),
  S ("equity-flow", N_("Equity cash flow"), equity_flow, 1, TRUE),
  F ("cumulative", N_("Cumulative equity cash flow"), cumulative_equity, FALSE),
};

static const RowSpec debt_rows[] = {
  S ("draws", N_("Loan draws"), draws, 1, FALSE),
  S ("idc", N_("Interest during construction"), idc, 1, FALSE),
  S ("fees", N_("Fees"), fees, 1, FALSE),
  S ("interest", N_("Interest"), interest, 1, FALSE),
  S ("principal", N_("Principal"), principal, 1, FALSE),
  S ("debt-service", N_("Debt service"), debt_service, 1, TRUE),
  S ("balance", N_("Loans outstanding"), debt_balance, 1, TRUE),
  S ("cfads", N_("Cash flow available for debt service"), cfads, 1, FALSE),
  R ("dscr", N_("DSCR"), dscr, KT_MODEL_ROW_RATIO),
};

static const RowSpec sources_uses_rows[] = {
  S ("state-capital", N_("State capital support"), support, 1, FALSE),
  S ("institute", N_("Institute contribution"), institute, 1, FALSE),
  S ("equity", N_("Equity contributions"), equity, 1, FALSE),
  S ("loan-draws", N_("Loan draws"), draws, 1, FALSE),
  S ("ebitda", N_("EBITDA"), ebitda, 1, FALSE),
  S ("transfer-price", N_("Transfer price"), transfer_price, 1, FALSE),
  F ("injections", N_("Equity injections"), injection, FALSE),
  S ("sources", N_("Total sources"), sources, 1, TRUE),
  S ("capex", N_("Capex"), capex, -1, FALSE),
  S ("contingency", N_("Contingency"), contingency, -1, FALSE),
  S ("duty", N_("Import duty"), duty, -1, FALSE),
  S ("idc", N_("Interest during construction"), idc, -1, FALSE),
  S ("fees", N_("Financing fees"), fees, -1, FALSE),
  S ("tax", N_("Corporate income tax"), tax, -1, FALSE),
  S ("working-capital", N_("Increase in working capital"), delta_nwc, -1, FALSE),
  S ("replacement", N_("Replacement capex"), replacement, -1, FALSE),
  S ("replacement-duty", N_("Import duty on replacement"), replacement_duty, -1, FALSE),
  S ("interest", N_("Interest"), interest, -1, FALSE),
  S ("fx-loss", N_("Foreign-exchange loss on debt service"), fx_loss, -1, FALSE),
  S ("principal", N_("Principal"), principal, -1, FALSE),
  F ("distributions", N_("Distributions"), payout, FALSE),
  S ("uses", N_("Total uses"), uses, -1, TRUE),
  F ("public-assets", N_("Memo: public assets contributed (non-cash, at valuation)"),
     public_assets, FALSE),
};

/* The state's side (MODEL.md §8, §9): outlays negative. */
static const RowSpec state_rows[] = {
  S ("support", N_("State capital support"), support, -1, FALSE),
  S ("state-payments", N_("State service payments"), state_payments, -1, FALSE),
  S ("mrg", N_("Minimum revenue guarantee"), mrg, -1, FALSE),
  S ("fx-payout", N_("Foreign-exchange guarantee"), fx_payout, -1, FALSE),
  S ("rd-compensation", N_("Share of a failed R&D phase"), rd_compensation, -1, FALSE),
  S ("sharing-downside", N_("Revenue shortfall shared"), sharing_receipts, -1, FALSE),
  S ("outlays", N_("State outlays"), fiscal_outlay, -1, TRUE),
  S ("sharing-upside", N_("Revenue excess shared"), sharing_payments, 1, FALSE),
  S ("benefit-state", N_("Benefit sharing received"), benefit_state, 1, FALSE),
  S ("tax", N_("Corporate income tax"), tax, 1, FALSE),
  F ("duty-rent-fees", N_("Import duty, land rent and concession fees"), taxes_and_fees, FALSE),
  F ("assets-received", N_("Assets received at transfer"), assets_received, FALSE),
  S ("transfer-price", N_("Transfer price paid"), transfer_price, -1, FALSE),
  S ("receipts", N_("State receipts"), fiscal_receipts, 1, TRUE),
  S ("fiscal-flow", N_("State fiscal cash flow"), fiscal_flow, 1, TRUE),
  F ("public-assets", N_("Memo: public assets contributed (non-cash, at valuation)"),
     public_assets, FALSE),
};

static const RowSpec tax_rows[] = {
  F ("band-revenue", N_("Revenue and state payments (CIT bands)"), band_revenue, FALSE),
  S ("rd-extra", N_("Extra R&D deduction"), rd_extra, 1, FALSE),
  S ("st-exempt", N_("Exempt S&T income"), st_exempt, 1, FALSE),
  S ("assessable", N_("Assessable income"), assessable, 1, TRUE),
  S ("loss-used", N_("Losses offset"), loss_used, 1, FALSE),
  S ("loss-expired", N_("Losses expired"), loss_expired, 1, FALSE),
  S ("loss-pool", N_("Losses carried forward"), loss_pool, 1, FALSE),
  S ("taxable", N_("Taxable income"), taxable, 1, TRUE),
  R ("rate", N_("Effective CIT rate"), cit_rate, KT_MODEL_ROW_RATE),
  S ("tax", N_("Corporate income tax"), tax, 1, TRUE),
  S ("assessable-no-debt", N_("Assessable income as if no debt"), assessable_nd, 1, FALSE),
  S ("loss-used-no-debt", N_("Losses offset as if no debt"), loss_used_nd, 1, FALSE),
  S ("taxable-no-debt", N_("Taxable income as if no debt"), taxable_nd, 1, FALSE),
  R ("rate-no-debt", N_("Effective CIT rate as if no debt"), cit_rate_nd, KT_MODEL_ROW_RATE),
  S ("tax-no-debt", N_("Tax as if no debt"), tax_nd, 1, TRUE),
};

static const RowSpec depreciation_rows[] = {
  S ("depreciation", N_("Total depreciation"), depreciation, 1, TRUE),
  S ("depreciation-idc", N_("Of which on capitalised IDC and fees"), depreciation_idc, 1, FALSE),
  S ("net-book-value", N_("Net book value at year end"), fixed_assets, 1, TRUE),
  S ("writeoff", N_("Book value written off at transfer"), writeoff, 1, FALSE),
  S ("transfer-price", N_("Transfer price"), transfer_price, 1, FALSE),
  S ("loss-on-transfer", N_("Loss on transfer"), loss_on_transfer, 1, FALSE),
};

static const RowSpec flows_rows[] = {
  S ("project-flow", N_("Project cash flow"), project_flow, 1, TRUE),
  F ("project-cumulative", N_("Cumulative project cash flow"), cumulative_project, FALSE),
  S ("equity-flow", N_("Equity cash flow"), equity_flow, 1, TRUE),
  S ("fiscal-flow", N_("State fiscal cash flow"), fiscal_flow, 1, TRUE),
  S ("economic-benefits", N_("Economic benefits"), economic_benefits, 1, FALSE),
  S ("economic-costs", N_("Economic costs"), economic_costs, -1, FALSE),
  S ("economic-flow", N_("Economic flow"), economic_flow, 1, TRUE),
  R ("deflator", N_("Deflator"), deflator, KT_MODEL_ROW_RATIO),
};

typedef struct {
  const char    *name;
  const char    *title;   /* N_() */
  const RowSpec *rows;
  int            n_rows;
} TableSpec;

#define T(n, t, r) { n, t, r, G_N_ELEMENTS (r) }

static const TableSpec tables[] = {
  T ("income", N_("Income statement"), income_rows),
  T ("cashflow", N_("Cash-flow statement"), cashflow_rows),
  T ("balance", N_("Balance sheet"), balance_rows),
  T ("equity", N_("Equity cash flow"), equity_rows),
  T ("debt", N_("Debt"), debt_rows),
  T ("sources-uses", N_("Sources and uses of funds"), sources_uses_rows),
  T ("tax", N_("Corporate income tax"), tax_rows),
  T ("depreciation", N_("Depreciation"), depreciation_rows),
  T ("flows", N_("Project, equity, state and economic flows"), flows_rows),
  T ("state", N_("The state's fiscal flow"), state_rows),
};

static const char * const table_names[] = {
  "income", "cashflow", "balance", "equity", "debt", "sources-uses", "tax", "depreciation",
  "flows", "state", NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (table_names) == G_N_ELEMENTS (tables) + 1);

const char * const *
kt_model_table_names (void)
{
  return table_names;
}

static void
row_free (KtModelRow *row)
{
  g_free (row->key);
  g_free (row->label);
  g_free (row->values);
  g_free (row);
}

static KtModelRow *
row_add (KtModelTable *table,
         char         *key,
         char         *label,
         gboolean      total)
{
  KtModelRow *row = g_new0 (KtModelRow, 1);

  row->key = key;
  row->label = label;
  row->total = total;
  row->values = g_new0 (double, MAX (table->n_years, 1));
  g_ptr_array_add (table->rows, row);
  return row;
}

static void
add_spec_rows (KtModelTable  *table,
               const KtModel *model,
               const RowSpec *rows,
               int            n_rows)
{
  for (int i = 0; i < n_rows; i++)
    {
      const RowSpec *spec = &rows[i];
      KtModelRow *row = row_add (table, g_strdup (spec->key), g_strdup (_(spec->label)),
                                 spec->total);

      row->kind = spec->kind;

      for (int t = 0; t < model->n_years; t++)
        {
          if (spec->func != NULL)
            row->values[t] = spec->func (model, t);
          else
            {
              const double *series = G_STRUCT_MEMBER (double *, &model->y, spec->offset);

              /* Keep −0 out of printed tables. */
              row->values[t] = series[t] != 0.0 ? spec->sign * series[t] : 0.0;
            }
        }
    }
}

static const char *
name_or (const char *name,
         const char *fallback)
{
  return name != NULL && *name ? name : fallback;
}

static void
add_loan_rows (KtModelTable        *table,
               const KtModel       *model,
               const KtProjectData *data)
{
  for (int j = 0; j < model->n_loans && (guint) j < data->loans->len; j++)
    {
      const KtModelLoan *ml = &model->loans[j];
      const char *name = name_or (g_array_index (data->loans, KtLoan, j).name, _("Loan"));
      struct { const char *key; const char *label; const double *values; } parts[] = {
        { "draws", N_("draws"), ml->draws },
        { "fees", N_("fees"), ml->fees },
        { "idc", N_("interest during construction"), ml->idc },
        { "interest", N_("interest"), ml->interest },
        { "principal", N_("principal"), ml->principal },
        { "balance", N_("balance"), ml->balance },
      };

      for (gsize p = 0; p < G_N_ELEMENTS (parts); p++)
        {
          KtModelRow *row = row_add (table, g_strdup_printf ("loan-%d-%s", j + 1, parts[p].key),
                                     g_strdup_printf ("%s: %s", name, _(parts[p].label)), FALSE);

          memcpy (row->values, parts[p].values, sizeof (double) * (gsize) model->n_years);
        }
    }
}

static void
add_asset_rows (KtModelTable        *table,
                const KtModel       *model,
                const KtProjectData *data)
{
  for (int a = 0; a < model->n_assets; a++)
    {
      const KtModelAsset *asset = &model->assets[a];
      KtModelRow *row;
      char *key, *label;

      switch (asset->kind)
        {
        case KT_MODEL_ASSET_INITIAL:
          key = g_strdup_printf ("capex-%d", asset->index + 1);
          label = g_strdup (name_or (g_array_index (data->capex, KtCapexLine, asset->index).name,
                                     _("Capex line")));
          break;
        case KT_MODEL_ASSET_REPLACEMENT:
          key = g_strdup_printf ("replacement-%d", asset->index + 1);
          label = g_strdup (name_or (g_array_index (data->replacements, KtReplacement,
                                                    asset->index).name, _("Replacement")));
          break;
        case KT_MODEL_ASSET_FINANCING:
        default:
          if (asset->cost == 0.0)
            continue;
          key = g_strdup ("idc-fees");
          label = g_strdup (_("Capitalised IDC and fees (not depreciated)"));
          break;
        }
      row = row_add (table, key, label, FALSE);
      memcpy (row->values, asset->depreciation, sizeof (double) * (gsize) model->n_years);
    }
}

KtModelTable *
kt_model_table_new (const KtModel       *model,
                    const KtProjectData *data,
                    const char          *name)
{
  const TableSpec *spec = NULL;
  KtModelTable *table;

  g_return_val_if_fail (model != NULL && data != NULL && name != NULL, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (tables); i++)
    if (strcmp (tables[i].name, name) == 0)
      spec = &tables[i];
  if (spec == NULL)
    return NULL;

  table = g_new0 (KtModelTable, 1);
  table->name = g_strdup (spec->name);
  table->title = g_strdup (_(spec->title));
  table->n_years = model->n_years;
  table->start_year = model->start_year;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);

  if (strcmp (name, "debt") == 0)
    add_loan_rows (table, model, data);
  else if (strcmp (name, "depreciation") == 0)
    add_asset_rows (table, model, data);
  add_spec_rows (table, model, spec->rows, spec->n_rows);
  return table;
}

void
kt_model_table_free (KtModelTable *table)
{
  if (table == NULL)
    return;
  g_free (table->name);
  g_free (table->title);
  g_ptr_array_unref (table->rows);
  g_free (table);
}
