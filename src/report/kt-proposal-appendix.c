/* kt-proposal-appendix.c — appendices: statements, every input, legal parameters, methodology
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kt-proposal-private.h"
#include "kt-report-version.h"

/* ---- statements ---- */

static void
add_statements (KtProposal *p)
{
  const char * const *names = kt_model_table_names ();

  kt_pdf_set_orientation (p->pdf, KT_PDF_LANDSCAPE);
  kt_pdf_add_appendix (p->pdf, PT (p, N_("Financial statements year by year")));
  for (gsize i = 0; names[i] != NULL; i++)
    {
      g_autoptr (KtPdfTable) table = kt_proposal_year_table (p, names[i], TRUE);

      if (table != NULL)
        kt_pdf_add_table (p->pdf, table);
    }
  kt_pdf_set_orientation (p->pdf, KT_PDF_PORTRAIT);
}

/* ---- inputs ---- */

static char *
pct (KtProposal *p,
     double      fraction)
{
  return kt_format_percent (fraction, 2, p->lang);
}

static char *
num (KtProposal *p,
     double      value,
     int         decimals)
{
  return kt_format_number (value, decimals, p->lang);
}

static char *
doubles (KtProposal   *p,
         const GArray *values,
         gboolean      money,
         gboolean      percent)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; values != NULL && i < values->len; i++)
    {
      double v = g_array_index (values, double, i);
      g_autofree char *cell = money ? kt_proposal_money_cell (p, v)
                                    : percent ? pct (p, v) : num (p, v, 2);

      g_string_append_printf (text, "%s%s", i > 0 ? "; " : "", cell);
    }
  return g_string_free (text, FALSE);
}

static KtPdfTable *
input_table (KtProposal         *p,
             const char         *caption,
             const char * const *columns,
             gboolean            unit)
{
  KtPdfTable *table = kt_pdf_table_new ();

  for (gsize i = 0; columns[i] != NULL; i++)
    kt_pdf_table_add_column (table, PT (p, columns[i]), i == 0 ? KT_PDF_ALIGN_LEFT
                                                               : KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_set_caption (table, caption);
  kt_pdf_table_set_font_size (table, 9);
  if (unit)
    {
      g_autofree char *line = kt_proposal_unit_line (p);

      kt_pdf_table_set_unit (table, line);
    }
  return table;
}

static void
add_general_inputs (KtProposal *p)
{
  const KtProjectData *d = p->data;
  GPtrArray *pairs = g_ptr_array_new_with_free_func (g_free);

  kt_pdf_add_heading (p->pdf, 2, PT (p, N_("Timeline and rates")));
  kt_proposal_pair (pairs, PT (p, N_("First year")), g_strdup_printf ("%d", d->start_year));
  kt_proposal_pair (pairs, PT (p, N_("Construction years")),
                    g_strdup_printf ("%d", d->construction_years));
  kt_proposal_pair (pairs, PT (p, N_("Operation years")),
                    g_strdup_printf ("%d", d->operation_years));
  kt_proposal_pair (pairs, PT (p, N_("Price base year")),
                    g_strdup_printf ("%d", d->price_base_year));
  kt_proposal_pair (pairs, PT (p, N_("General inflation")), pct (p, d->inflation));
  kt_proposal_pair (pairs, PT (p, N_("Discount rates are real")),
                    g_strdup (d->real_rates ? PT (p, N_("Yes")) : PT (p, N_("No"))));
  kt_proposal_pair (pairs, PT (p, N_("WACC")), pct (p, d->wacc));
  kt_proposal_pair (pairs, PT (p, N_("Cost of equity")), pct (p, d->cost_of_equity));
  kt_proposal_pair (pairs, PT (p, N_("Investor's hurdle rate")), pct (p, d->hurdle_rate));
  kt_proposal_pair (pairs, PT (p, N_("MIRR finance rate")), pct (p, d->finance_rate));
  kt_proposal_pair (pairs, PT (p, N_("MIRR reinvestment rate")), pct (p, d->reinvest_rate));
  kt_proposal_pair (pairs, PT (p, N_("Social discount rate")), pct (p, d->social_rate));
  kt_proposal_pair (pairs, PT (p, N_("Lender's minimum DSCR")), num (p, d->min_dscr, 2));
  kt_proposal_pair (pairs, PT (p, N_("Contingency rate")), pct (p, d->contingency_rate));
  kt_proposal_pair (pairs, PT (p, N_("Import duty rate")), pct (p, d->duty_rate));
  kt_proposal_pair (pairs, PT (p, N_("Import duty exemption")),
                    g_strdup (d->duty_exempt ? PT (p, N_("Yes")) : PT (p, N_("No"))));
  kt_proposal_add_pairs (p, pairs);
}

static void
add_investment_inputs (KtProposal *p)
{
  const KtProjectData *d = p->data;

  /* Wide input tables: the section and its heading on landscape pages. */
  kt_pdf_set_orientation (p->pdf, KT_PDF_LANDSCAPE);
  kt_pdf_add_heading (p->pdf, 2, PT (p, N_("Investment")));
  if (d->capex->len > 0)
    {
      const char *cols[] = { N_("Name"), N_("Category"), N_("Amount by construction year"),
                             N_("Escalation"), N_("Useful life"), N_("Depreciation method"),
                             N_("Share imported"), N_("Contingency rate"), NULL };
      g_autoptr (KtPdfTable) t = input_table (p, PT (p, N_("Capex lines at base prices")), cols,
                                              TRUE);


      for (guint i = 0; i < d->capex->len; i++)
        {
          const KtCapexLine *l = &g_array_index (d->capex, KtCapexLine, i);
          g_autofree char *amounts = doubles (p, l->amounts, TRUE, FALSE);
          g_autofree char *esc = pct (p, l->escalation);
          g_autofree char *life = g_strdup_printf ("%d", l->useful_life);
          g_autofree char *imp = pct (p, l->share_imported);
          g_autofree char *cont = l->contingency_rate < 0 ? pct (p, d->contingency_rate)
                                                          : pct (p, l->contingency_rate);

          kt_pdf_table_add_cells (t, KT_PDF_ROW_NORMAL, l->name != NULL ? l->name : "",
                                  kt_proposal_enum (p, &kt_capex_category_info, l->category),
                                  amounts, esc, life,
                                  kt_proposal_enum (p, &kt_depreciation_method_info, l->method),
                                  imp, cont, NULL);
        }
      kt_pdf_add_table (p->pdf, t);
    }
  if (d->replacements->len > 0)
    {
      const char *cols[] = { N_("Name"), N_("Category"), N_("Operation year"), N_("Amount"),
                             N_("Escalation"), N_("Useful life"), N_("Share imported"), NULL };
      g_autoptr (KtPdfTable) t = input_table (p, PT (p, N_("Replacement capex at base prices")),
                                              cols, TRUE);

      for (guint i = 0; i < d->replacements->len; i++)
        {
          const KtReplacement *l = &g_array_index (d->replacements, KtReplacement, i);
          g_autofree char *year = g_strdup_printf ("%d", l->operation_year);
          g_autofree char *amount = kt_proposal_money_cell (p, l->amount);
          g_autofree char *esc = pct (p, l->escalation);
          g_autofree char *life = g_strdup_printf ("%d", l->useful_life);
          g_autofree char *imp = pct (p, l->share_imported);

          kt_pdf_table_add_cells (t, KT_PDF_ROW_NORMAL, l->name != NULL ? l->name : "",
                                  kt_proposal_enum (p, &kt_capex_category_info, l->category),
                                  year, amount, esc, life, imp, NULL);
        }
      kt_pdf_add_table (p->pdf, t);
    }
}

static void
add_operations_inputs (KtProposal *p)
{
  const KtProjectData *d = p->data;
  GPtrArray *pairs;

  kt_pdf_add_heading (p->pdf, 2, PT (p, N_("Operations and revenue")));
  if (d->revenues->len > 0)
    {
      const char *cols[] = { N_("Revenue stream"), N_("Unit"), N_("Volume per year at full ramp"),
                             N_("Ramp-up by operation year"), N_("Volume growth"),
                             N_("Tariff per unit"), N_("Tariff escalation"),
                             N_("Variable cost share"), N_("Exempt S&T income years"), NULL };
      g_autoptr (KtPdfTable) t = input_table (p, PT (p, N_("Revenue streams at base prices "
                                                           "(tariffs in VND)")), cols, FALSE);


      for (guint i = 0; i < d->revenues->len; i++)
        {
          const KtRevenueStream *s = &g_array_index (d->revenues, KtRevenueStream, i);
          g_autofree char *cap = num (p, s->capacity, 0);
          g_autofree char *ramp = doubles (p, s->ramp, FALSE, TRUE);
          g_autofree char *growth = pct (p, s->growth);
          g_autofree char *tariff = num (p, s->tariff, 0);
          g_autofree char *esc = pct (p, s->escalation);
          g_autofree char *var = pct (p, s->variable_cost_share);
          g_autofree char *ex = g_strdup_printf ("%d", s->exempt_years);

          kt_pdf_table_add_cells (t, KT_PDF_ROW_NORMAL, s->name != NULL ? s->name : "",
                                  s->unit != NULL ? s->unit : "", cap, ramp, growth, tariff, esc,
                                  var, ex, NULL);
        }
      kt_pdf_add_table (p->pdf, t);
    }
  if (d->state_payments->len > 0)
    {
      const char *cols[] = { N_("Name"), N_("Amount per year"), N_("Escalation"),
                             N_("Performance deduction"), N_("First operation year"),
                             N_("Last operation year (0: to the end)"), NULL };
      g_autoptr (KtPdfTable) t = input_table (p, PT (p, N_("State service payments at base "
                                                           "prices")),
                                              cols, TRUE);

      for (guint i = 0; i < d->state_payments->len; i++)
        {
          const KtStatePayment *s = &g_array_index (d->state_payments, KtStatePayment, i);
          g_autofree char *amount = kt_proposal_money_cell (p, s->amount);
          g_autofree char *esc = pct (p, s->escalation);
          g_autofree char *ded = pct (p, s->performance_deduction);
          g_autofree char *first = g_strdup_printf ("%d", s->first_year);
          g_autofree char *last = g_strdup_printf ("%d", s->last_year);

          kt_pdf_table_add_cells (t, KT_PDF_ROW_NORMAL, s->name != NULL ? s->name : "", amount,
                                  esc, ded, first, last, NULL);
        }
      kt_pdf_add_table (p->pdf, t);
    }
  if (d->opex->len > 0)
    {
      const char *cols[] = { N_("Operating cost line"), N_("Amount per year"), N_("Escalation"),
                             N_("R&D cost"), NULL };
      g_autoptr (KtPdfTable) t = input_table (p, PT (p, N_("Fixed operating costs at base prices")),
                                              cols, TRUE);

      for (guint i = 0; i < d->opex->len; i++)
        {
          const KtOpexLine *l = &g_array_index (d->opex, KtOpexLine, i);
          g_autofree char *amount = kt_proposal_money_cell (p, l->amount);
          g_autofree char *esc = pct (p, l->escalation);

          kt_pdf_table_add_cells (t, KT_PDF_ROW_NORMAL, l->name != NULL ? l->name : "", amount,
                                  esc, l->rd ? PT (p, N_("Yes")) : PT (p, N_("No")), NULL);
        }
      kt_pdf_add_table (p->pdf, t);
    }
  if (d->maintenance->len > 0)
    {
      const char *cols[] = { N_("Name"), N_("Amount each time"), N_("Escalation"),
                             N_("Operation years"), NULL };
      g_autoptr (KtPdfTable) t = input_table (p, PT (p, N_("Major maintenance at base prices")),
                                              cols, TRUE);

      for (guint i = 0; i < d->maintenance->len; i++)
        {
          const KtMaintenance *l = &g_array_index (d->maintenance, KtMaintenance, i);
          g_autofree char *amount = kt_proposal_money_cell (p, l->amount);
          g_autofree char *esc = pct (p, l->escalation);
          GString *years = g_string_new (NULL);

          for (guint k = 0; l->years != NULL && k < l->years->len; k++)
            g_string_append_printf (years, "%s%d", k > 0 ? ", " : "",
                                    g_array_index (l->years, int, k));
          kt_pdf_table_add_cells (t, KT_PDF_ROW_NORMAL, l->name != NULL ? l->name : "", amount,
                                  esc, years->str, NULL);
          g_string_free (years, TRUE);
        }
      kt_pdf_add_table (p->pdf, t);
    }
  pairs = g_ptr_array_new_with_free_func (g_free);
  kt_pdf_set_orientation (p->pdf, KT_PDF_PORTRAIT);
  kt_proposal_pair (pairs, PT (p, N_("Land rent per year")), kt_proposal_money (p, d->land_rent));
  kt_proposal_pair (pairs, PT (p, N_("Land rent escalation")), pct (p, d->land_rent_escalation));
  kt_proposal_pair (pairs, PT (p, N_("Land rent exempt years")),
                    g_strdup_printf ("%d", d->land_rent_exempt_years));
  kt_proposal_pair (pairs, PT (p, N_("Concession fee per year")),
                    kt_proposal_money (p, d->concession_fee));
  kt_proposal_pair (pairs, PT (p, N_("Concession fee escalation")),
                    pct (p, d->concession_fee_escalation));
  kt_proposal_pair (pairs, PT (p, N_("Model working capital")),
                    g_strdup (d->nwc_enabled ? PT (p, N_("Yes")) : PT (p, N_("No"))));
  if (d->nwc_enabled)
    {
      kt_proposal_pair (pairs, PT (p, N_("Receivable days")), num (p, d->receivable_days, 0));
      kt_proposal_pair (pairs, PT (p, N_("Payable days")), num (p, d->payable_days, 0));
    }
  kt_proposal_add_pairs (p, pairs);
}

static void
add_financing_inputs (KtProposal *p)
{
  const KtProjectData *d = p->data;
  const KtRiskSharing *s = &d->sharing;
  GPtrArray *pairs = g_ptr_array_new_with_free_func (g_free);

  kt_pdf_add_heading (p->pdf, 2, PT (p, N_("Financing, incentives and sharing")));
  kt_proposal_pair (pairs, PT (p, N_("Equity share")), pct (p, d->equity_share));
  kt_proposal_pair (pairs, PT (p, N_("State capital")),
                    g_strdup (kt_proposal_enum (p, &kt_support_mode_info, d->support_mode)));
  if (d->support_mode == KT_SUPPORT_SHARE)
    kt_proposal_pair (pairs, PT (p, N_("State share of each year's need")),
                      pct (p, d->support_share));
  if (d->support_mode == KT_SUPPORT_SCHEDULE)
    kt_proposal_pair (pairs, PT (p, N_("State support by construction year (nominal)")),
                      doubles (p, d->support_schedule, TRUE, FALSE));
  for (guint i = 0; i < d->loans->len; i++)
    {
      const KtLoan *l = &g_array_index (d->loans, KtLoan, i);
      g_autofree char *share = pct (p, l->share_of_debt);
      g_autofree char *rate = pct (p, l->rate);
      g_autofree char *fee = pct (p, l->fee_rate);
      g_autofree char *dscr = num (p, l->target_dscr, 2);

      kt_proposal_pair (pairs, l->name != NULL && *l->name ? l->name : PT (p, N_("Loan")),
                        g_strdup_printf (PT (p, N_("%s of debt at %s, fee %s, %d grace and %d "
                                                   "tenor years from COD, %s%s%s")),
                                         share, rate, fee, l->grace_years, l->tenor_years,
                                         kt_proposal_enum (p, &kt_repayment_info, l->repayment),
                                         l->repayment == KT_REPAYMENT_SCULPTED ? ", DSCR " : "",
                                         l->repayment == KT_REPAYMENT_SCULPTED ? dscr : ""));
    }
  kt_proposal_pair (pairs, PT (p, N_("CIT incentive")),
                    g_strdup (kt_proposal_enum (p, &kt_incentive_info, d->incentive)));
  if (s->band_enabled)
    {
      g_autofree char *lower = pct (p, s->lower), *upper = pct (p, s->upper);
      g_autofree char *down = pct (p, s->share_down), *up = pct (p, s->share_up);

      kt_proposal_pair (pairs, PT (p, N_("Revenue sharing band")),
                        g_strdup_printf ("L = %s, U = %s, s_dn = %s, s_up = %s", lower, upper,
                                         down, up));
    }
  else
    kt_proposal_pair (pairs, PT (p, N_("Revenue sharing band")), g_strdup (PT (p, N_("No"))));
  kt_proposal_pair (pairs, PT (p, N_("S&T rule in operation years 1–3")),
                    g_strdup (s->st_first_years ? PT (p, N_("Yes")) : PT (p, N_("No"))));
  if (s->plan_revenue != NULL && s->plan_revenue->len > 0)
    kt_proposal_pair (pairs, PT (p, N_("Approved plan revenue by year")),
                      doubles (p, s->plan_revenue, TRUE, FALSE));
  kt_proposal_pair (pairs, PT (p, N_("Minimum revenue guarantee")),
                    s->mrg_enabled ? pct (p, s->mrg_share) : g_strdup (PT (p, N_("No"))));
  kt_proposal_pair (pairs, PT (p, N_("Foreign-currency guarantee")),
                    s->fx_enabled ? pct (p, s->fx_share) : g_strdup (PT (p, N_("No"))));
  kt_proposal_pair (pairs, PT (p, N_("R&D risk acceptance")),
                    s->rd_enabled ? pct (p, s->rd_success_probability)
                                  : g_strdup (PT (p, N_("No"))));
  kt_proposal_pair (pairs, PT (p, N_("Transfer price")),
                    kt_proposal_money (p, d->terms.transfer_price));
  if (d->form == KT_FORM_BT)
    kt_proposal_pair (pairs, PT (p, N_("BT: settled value")),
                      kt_proposal_money (p, d->terms.bt_settled_value));
  kt_proposal_pair (pairs, PT (p, N_("Iterations")),
                    g_strdup_printf ("%d", d->simulation.iterations));
  kt_proposal_pair (pairs, PT (p, N_("Seed")),
                    g_strdup_printf ("%" G_GUINT64_FORMAT, d->simulation.seed));
  kt_proposal_add_pairs (p, pairs);

  if (d->economics.externalities->len > 0)
    {
      const char *cols[] = { N_("External benefit or cost"), N_("Amount per year"),
                             N_("Escalation"), N_("External cost"), NULL };
      g_autoptr (KtPdfTable) t = input_table (p, PT (p, N_("External benefits and costs")), cols,
                                              TRUE);

      for (guint i = 0; i < d->economics.externalities->len; i++)
        {
          const KtExternality *x = &g_array_index (d->economics.externalities, KtExternality, i);
          g_autofree char *amount = kt_proposal_money_cell (p, x->amount);
          g_autofree char *esc = pct (p, x->escalation);

          kt_pdf_table_add_cells (t, KT_PDF_ROW_NORMAL, x->name != NULL ? x->name : "", amount,
                                  esc, x->cost ? PT (p, N_("Yes")) : PT (p, N_("No")), NULL);
        }
      kt_pdf_add_table (p->pdf, t);
    }
}

static void
add_legal_parameters (KtProposal *p)
{
  const KtProjectData *d = p->data;
  const char *cols[] = { N_("Parameter"), N_("Value"), N_("Legal basis"), N_("Status"), NULL };
  g_autoptr (KtPdfTable) t = NULL;
  g_autofree char *caption = NULL;

  if (p->set == NULL)
    return;
  caption = g_strdup_printf (PT (p, N_("Legal parameters of rule set %s")),
                             kt_rule_set_get_id (p->set));
  kt_pdf_add_heading (p->pdf, 2, PT (p, N_("Legal parameters")));
  t = input_table (p, caption, cols, FALSE);
  kt_pdf_table_set_note (t, PT (p, N_("Status: Y the legal text was read; S a secondary source; "
                                      "D a draft; U unverified practice (DOMAIN.md §3).")));
  for (guint i = 0; i < kt_rule_set_get_n_params (p->set); i++)
    {
      const KtRuleParam *param = kt_rule_set_get_param (p->set, i);
      const char *label = p->lang == KT_LANG_VI ? param->label_vi : param->label_en;
      g_autofree char *value = num (p, param->value, param->value == floor (param->value) ? 0 : 3);

      kt_pdf_table_add_cells (t, KT_PDF_ROW_NORMAL,
                              label != NULL && *label ? label : param->key, value,
                              param->basis != NULL ? param->basis : "",
                              param->status != NULL ? param->status : "", NULL);
    }
  kt_pdf_add_table (p->pdf, t);

  if (d->rule_overrides->len > 0)
    {
      const char *ocols[] = { N_("Parameter"), N_("Value"), N_("Justification"), NULL };
      g_autoptr (KtPdfTable) o = input_table (p, PT (p, N_("Negotiated values")), ocols, FALSE);

      for (guint i = 0; i < d->rule_overrides->len; i++)
        {
          const KtRuleOverride *ov = &g_array_index (d->rule_overrides, KtRuleOverride, i);
          g_autofree char *value = num (p, ov->value, 3);

          kt_pdf_table_add_cells (o, KT_PDF_ROW_NORMAL, ov->key, value,
                                  ov->justification != NULL ? ov->justification : "", NULL);
        }
      kt_pdf_add_table (p->pdf, o);
    }
}

/* ---- methodology (MODEL.md, briefly) ---- */

static const char * const methodology[] = {
  N_("<b>Timeline and discounting.</b> Years t = 0 … N−1 are calendar years start + t: C "
     "construction years, then O operation years. Every flow of a year sits at the end of that "
     "year and values are measured at the end of year 0: NPV(r) = Σ CF<sub>t</sub> (1 + "
     "r)<sup>−t</sup>, "
     "so the year-0 flow is not discounted (a spreadsheet's CF<sub>0</sub> + NPV(r; "
     "CF<sub>1</sub> … "
     "CF<sub>N−1</sub>))."),
  N_("<b>IRR.</b> NPV is scanned for sign changes on r = −0.99 + k × 0.00005 up to 1, then in "
     "steps of 0.001 up to 10; each sign change is refined to 10<sup>−12</sup>. With several roots "
     "the one nearest the rate that discounts those flows (WACC for the project, cost of equity "
     "for "
     "equity) is reported and flagged; without a root the report says “no IRR”, never 0. MIRR = "
     "(FV of positive flows at the reinvestment rate / −PV of negative flows at the finance "
     "rate)<sup>1/(N−1)</sup> − 1."),
  N_("<b>Prices.</b> Amounts are given at base prices and escalated line by line: "
     "value<sub>t</sub> "
     "= base × (1 + e)<sup>t − t<sub>base</sub></sup>. Figures are nominal; with real rates the "
     "flows are deflated by (1 + i)<sup>t</sup>. Nothing is rounded inside the engine, so printed "
     "rows may differ from a printed total by one unit in the last digit."),
  N_("<b>Total investment.</b> Escalated capex + physical contingency (rate × escalated capex of "
     "the line) + import duty (rate × share imported × escalated capex, contingency excluded) + "
     "interest during construction + financing fees."),
  N_("<b>Financing.</b> Each construction year's need is funded pro rata: state support s × "
     "need (or a fixed schedule), investor equity g × (need − support), loans the rest. Draws are "
     "mid-year: IDC<sub>t</sub> = rate × (opening balance + draw<sub>t</sub> / 2); fees = fee "
     "rate × "
     "total draws, paid in the year of the first draw; IDC and fees are paid from the year's "
     "sources, and the draws of all years are solved exactly as one linear system."),
  N_("<b>Loans.</b> Interest in operation = rate × opening balance. Repayment in the years after "
     "the grace period up to the tenor from COD: equal principal, annuity, or sculpted so that "
     "debt service = CFADS / τ, τ making the present value of CFADS at the loan rate repay the "
     "balance exactly."),
  N_("<b>Depreciation.</b> Whole years, from COD for initial lines and from the year after "
     "purchase for replacements; straight line by default; declining balance (equipment) at "
     "coefficient × 1 / life (1.5 up to 4 years, 2.0 up to 6, 2.5 above) until the amount falls to "
     "or below NBV / remaining years, then straight line. Capitalised IDC and fees are allocated "
     "to the depreciable lines pro rata. Except for BOO, the NBV left at the end of the term is "
     "written off in the last year as a loss on transfer, less any transfer price."),
  N_("<b>Corporate income tax.</b> Assessable income = revenue + state payments + revenue-sharing "
     "net − operating costs − depreciation − loss on transfer − interest − extra R&amp;D "
     "deduction. "
     "Losses are carried forward up to 5 years, oldest first. The preferential rate runs for its "
     "years from the first revenue year; the holiday (exempt years, then years at 50 %) starts in "
     "the first year with positive assessable income, and no later than the fourth revenue year. "
     "Tax is paid in the year it arises."),
  N_("<b>Cash flows.</b> Project flow = revenue + state payments + revenue-sharing net − operating "
     "costs − capex (contingency, duty, replacements) − increase in working capital − tax as if "
     "there were no debt (+ transfer price or BOO terminal value), discounted at WACC. CFADS = "
     "revenue + state payments + sharing net − operating costs − actual tax − increase in working "
     "capital − replacement capex. Equity flow = − contributions + CFADS − debt service (+ "
     "transfer "
     "price or terminal value less debt), discounted at the cost of equity; everything is "
     "distributed each year."),
  N_("<b>Debt ratios.</b> DSCR<sub>t</sub> = CFADS<sub>t</sub> / (interest<sub>t</sub> + "
     "principal<sub>t</sub>) in every year with debt service; the minimum and the arithmetic mean "
     "of those years are reported. LLCR = Σ CFADS<sub>t</sub> (1 + r)<sup>−(t−C+1)</sup> from COD "
     "to the last maturity / debt outstanding at COD, r the loans' rates weighted by their COD "
     "balances."),
  N_("<b>Payback.</b> With the cumulative flow S<sub>t</sub>, the first t ≥ 1 with S<sub>t−1</sub> "
     "&lt; 0 ≤ S<sub>t</sub> gives (t − 1) + (−S<sub>t−1</sub>) / CF<sub>t</sub> years after the "
     "end of year 0, interpolated within the year; discounted payback is the same on discounted "
     "flows. B/C = PV of the inflow lines / PV of the outflow lines at WACC."),
  N_("<b>The state's flow.</b> − capital support − service payments − guarantee and "
     "revenue-sharing payouts + revenue-sharing receipts + CIT + import duty + land rent + "
     "concession fees + the assets received at transfer, discounted at the social rate. Revenue "
     "sharing: the state pays s<sub>dn</sub> × max(0, L × plan − actual), the investor pays "
     "s<sub>up</sub> × max(0, actual − U × plan), within the caps, as if the legal conditions were "
     "met."),
  N_("<b>Economic analysis.</b> Economic flow = user revenue × CF<sub>rev</sub> + external "
     "benefits − (capex + contingency + replacements) × CF<sub>capex</sub> − (operating costs − "
     "land rent) × CF<sub>opex</sub> − external costs + residual value; transfers are left out. "
     "ENPV and EIRR at the social rate."),
  N_("<b>Uncertainty.</b> Sensitivity moves one driver at a time by ±10 % and ±20 %. The Monte "
     "Carlo simulation draws the drivers from their distributions (correlated through a Gaussian "
     "copula) with a seeded generator, so the same seed gives the same figures; percentiles are "
     "interpolated between order statistics (type 7, as PERCENTILE.INC)."),
  NULL,
};

static void
add_methodology (KtProposal *p)
{
  g_autofree char *intro = g_strdup_printf (PT (p, N_("These are the conventions of the Khả Thi "
                                                      "engine %s (MODEL.md). Together with the "
                                                      "inputs of the previous appendix they "
                                                      "let an appraiser recompute every figure "
                                                      "of this report.")),
                                            kt_report_engine_version ());

  kt_pdf_add_appendix (p->pdf, PT (p, N_("Methodology")));
  kt_pdf_add_paragraph (p->pdf, intro);
  for (gsize i = 0; methodology[i] != NULL; i++)
    kt_pdf_add_paragraph (p->pdf, PT (p, methodology[i]));
}

void
kt_proposal_add_appendices (KtProposal *p)
{
  add_statements (p);
  kt_pdf_add_appendix (p->pdf, PT (p, N_("Assumptions and sources")));
  add_general_inputs (p);
  add_investment_inputs (p);
  add_operations_inputs (p);
  add_financing_inputs (p);
  add_legal_parameters (p);
  if (p->data->notes != NULL && *p->data->notes != '\0')
    {
      KtText notes = { p->data->notes, p->data->notes };

      kt_pdf_add_heading (p->pdf, 2, PT (p, N_("Notes")));
      kt_proposal_add_text (p, &notes);
    }
  add_methodology (p);
}
