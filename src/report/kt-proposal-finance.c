/* kt-proposal-finance.c — investment, financing, operations, finance, state (MODEL.md §3–9)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kt-proposal-private.h"
#include "kt-report-i18n.h"
#include "kt-viability.h"

#define CHART_HEIGHT 230.0

static double
sum (const double *values,
     int           first,
     int           n)
{
  double total = 0;

  for (int t = first; t < first + n; t++)
    total += values[t];
  return total;
}

static KtChart *
year_chart (KtProposal  *p,
            KtChartKind  kind,
            int          first,
            int          n)
{
  KtChart *chart = kt_chart_new (kind, p->lang);
  g_auto (GStrv) years = kt_proposal_year_labels (p, first, n);

  kt_chart_set_categories (chart, (const char * const *) years, n);
  kt_chart_set_value_format (chart, KT_VALUE_COMPACT, -1);
  return chart;
}

/* A row of money cells: label, one value per year of [first, first + n), total. */
static void
money_row (KtProposal    *p,
           KtPdfTable    *table,
           KtPdfRowStyle  style,
           const char    *label,
           const double  *values,
           int            first,
           int            n,
           double         total)
{
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (cells, g_strdup (label));
  for (int t = first; t < first + n; t++)
    g_ptr_array_add (cells, kt_proposal_money_cell (p, values[t]));
  g_ptr_array_add (cells, kt_proposal_money_cell (p, total));
  g_ptr_array_add (cells, NULL);
  kt_pdf_table_add_row (table, style, (const char * const *) cells->pdata);
}

static KtPdfTable *
construction_table (KtProposal *p,
                    const char *caption)
{
  KtPdfTable *table = kt_pdf_table_new ();
  g_autofree char *unit = kt_proposal_unit_line (p);

  kt_pdf_table_add_column (table, PT (p, N_("Item")), KT_PDF_ALIGN_LEFT);
  for (int t = 0; t < p->model->construction_years; t++)
    {
      char year[16];

      g_snprintf (year, sizeof year, "%d", p->model->start_year + t);
      kt_pdf_table_add_column (table, year, KT_PDF_ALIGN_RIGHT);
    }
  kt_pdf_table_add_column (table, PT (p, N_("Total")), KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_set_caption (table, caption);
  kt_pdf_table_set_unit (table, unit);
  return table;
}

/* ---- investment and financing ---- */

static void
add_loans_table (KtProposal *p)
{
  g_autoptr (KtPdfTable) table = kt_pdf_table_new ();

  kt_pdf_table_add_column (table, PT (p, N_("Loan")), KT_PDF_ALIGN_LEFT);
  kt_pdf_table_add_column (table, PT (p, N_("Lender")), KT_PDF_ALIGN_LEFT);
  kt_pdf_table_add_column (table, PT (p, N_("Share of debt")), KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_add_column (table, PT (p, N_("Interest rate")), KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_add_column (table, PT (p, N_("Upfront fee")), KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_add_column (table, PT (p, N_("Grace years after COD")), KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_add_column (table, PT (p, N_("Tenor from COD")), KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_add_column (table, PT (p, N_("Repayment")), KT_PDF_ALIGN_LEFT);
  kt_pdf_table_set_caption (table, PT (p, N_("Loans")));
  kt_pdf_table_set_font_size (table, 10);
  for (guint i = 0; i < p->data->loans->len; i++)
    {
      const KtLoan *l = &g_array_index (p->data->loans, KtLoan, i);
      g_autofree char *share = kt_proposal_percent (p, l->share_of_debt);
      g_autofree char *rate = kt_proposal_percent (p, l->rate);
      g_autofree char *fee = kt_proposal_percent (p, l->fee_rate);
      g_autofree char *grace = g_strdup_printf ("%d", l->grace_years);
      g_autofree char *tenor = g_strdup_printf ("%d", l->tenor_years);

      kt_pdf_table_add_cells (table, KT_PDF_ROW_NORMAL, l->name != NULL ? l->name : "",
                              l->lender != NULL ? l->lender : "", share, rate, fee, grace, tenor,
                              kt_proposal_enum (p, &kt_repayment_info, l->repayment), NULL);
    }
  kt_pdf_add_table (p->pdf, table);
}

void
kt_proposal_add_investment (KtProposal *p)
{
  const KtModel *m = p->model;
  const KtModelResults *r = &m->r;
  int c = m->construction_years;
  g_autofree char *total = kt_proposal_money (p, r->total_investment);
  g_autofree char *words = kt_format_amount_in_words (r->total_investment, p->lang);
  g_autofree char *words_para = NULL;
  g_autofree char *intro = NULL;

  kt_pdf_add_heading (p->pdf, 1, PT (p, N_("Total investment and financing structure")));
  kt_pdf_add_heading (p->pdf, 2, PT (p, N_("Total investment")));
  if (c == 0)
    {
      kt_pdf_add_paragraph (p->pdf, PT (p, N_("The project has no construction period, so it "
                                              "has no total investment in the sense of MODEL.md "
                                              "§3; capex in operation years is replacement "
                                              "capex.")));
    }
  else
    {
      g_autoptr (KtPdfTable) table = construction_table (p, PT (p, N_("Total investment by "
                                                                      "construction year")));

      intro = g_strdup_printf (PT (p, N_("The total investment of the project is <b>%s</b>: "
                                         "escalated capex, physical contingency, import duty, "
                                         "interest during construction and financing fees "
                                         "(MODEL.md §3).")), total);
      kt_pdf_add_paragraph (p->pdf, intro);
      money_row (p, table, KT_PDF_ROW_NORMAL, PT (p, N_("Capex")), m->y.capex, 0, c,
                 r->capex_total);
      money_row (p, table, KT_PDF_ROW_NORMAL, PT (p, N_("Contingency")), m->y.contingency, 0, c,
                 r->contingency_total);
      money_row (p, table, KT_PDF_ROW_NORMAL, PT (p, N_("Import duty")), m->y.duty, 0, c,
                 r->duty_total);
      money_row (p, table, KT_PDF_ROW_NORMAL, PT (p, N_("Interest during construction")),
                 m->y.idc, 0, c, r->idc_total);
      money_row (p, table, KT_PDF_ROW_NORMAL, PT (p, N_("Financing fees")), m->y.fees, 0, c,
                 r->fees_total);
      money_row (p, table, KT_PDF_ROW_BOLD, PT (p, N_("Total investment")), m->y.need, 0, c,
                 r->total_investment);
      kt_pdf_add_table (p->pdf, table);
    }
  words_para = g_markup_printf_escaped ("<i>%s</i>", words);
  {
    g_autofree char *line = g_strdup_printf (PT (p, N_("In words: %s.")), words_para);

    kt_pdf_add_styled_paragraph (p->pdf, KT_PDF_PARA_PLAIN, line);
  }

  kt_pdf_add_heading (p->pdf, 2, PT (p, N_("Financing structure")));
  if (c > 0)
    {
      g_autoptr (KtPdfTable) table = construction_table (p, PT (p, N_("Sources of funds in "
                                                                      "construction")));
      g_autoptr (KtChart) chart = year_chart (p, KT_CHART_STACKED_BAR, 0, c);
      double ti = r->total_investment;
      g_autofree char *s_support = kt_proposal_percent (p, ti > 0 ? r->support_total / ti : NAN);
      g_autofree char *s_equity = kt_proposal_percent (p, ti > 0 ? r->equity_total / ti : NAN);
      g_autofree char *s_debt = kt_proposal_percent (p, ti > 0 ? r->debt_total / ti : NAN);
      g_autofree char *para = g_strdup_printf (PT (p, N_("State capital support covers %s of "
                                                         "the total investment, investor equity "
                                                         "%s and loans %s.")),
                                               s_support, s_equity, s_debt);

      kt_pdf_add_paragraph (p->pdf, para);
      money_row (p, table, KT_PDF_ROW_NORMAL, PT (p, N_("State capital support")), m->y.support,
                 0, c, r->support_total);
      money_row (p, table, KT_PDF_ROW_NORMAL, PT (p, N_("Investor equity")), m->y.equity, 0, c,
                 r->equity_total);
      money_row (p, table, KT_PDF_ROW_NORMAL, PT (p, N_("Loans")), m->y.draws, 0, c,
                 r->debt_total);
      money_row (p, table, KT_PDF_ROW_BOLD, PT (p, N_("Total sources")), m->y.need, 0, c,
                 r->support_total + r->equity_total + r->debt_total);
      kt_pdf_add_table (p->pdf, table);

      kt_chart_add_series (chart, KT_SERIES_BAR, PT (p, N_("State capital support")),
                           m->y.support, c);
      kt_chart_add_series (chart, KT_SERIES_BAR, PT (p, N_("Investor equity")), m->y.equity, c);
      kt_chart_add_series (chart, KT_SERIES_BAR, PT (p, N_("Loans")), m->y.draws, c);
      kt_pdf_add_chart (p->pdf, chart, 200, PT (p, N_("Funding sources by construction year")));
    }
  if (p->data->loans->len > 0)
    add_loans_table (p);
}

/* ---- operations ---- */

void
kt_proposal_add_operations (KtProposal *p)
{
  const KtProjectData *d = p->data;
  const KtModel *m = p->model;
  int c = m->construction_years, o = m->operation_years;
  g_autoptr (KtChart) chart = NULL;
  GPtrArray *pairs;

  kt_pdf_add_heading (p->pdf, 1, PT (p, N_("Operations and revenue")));
  if (!kt_proposal_add_text (p, &d->chapters[KT_CHAPTER_OPERATION]))
    kt_pdf_add_styled_paragraph (p->pdf, KT_PDF_PARA_NOTE,
                                 PT (p, N_("The study gives no text for this section.")));
  kt_pdf_add_heading (p->pdf, 2, PT (p, N_("Revenue and operating costs")));
  pairs = g_ptr_array_new_with_free_func (g_free);
  kt_proposal_pair (pairs, PT (p, N_("User revenue over the term")),
                    kt_proposal_money (p, sum (m->y.revenue, 0, m->n_years)));
  kt_proposal_pair (pairs, PT (p, N_("State service payments over the term")),
                    kt_proposal_money (p, sum (m->y.state_payments, 0, m->n_years)));
  kt_proposal_pair (pairs, PT (p, N_("Operating costs over the term")),
                    kt_proposal_money (p, sum (m->y.opex, 0, m->n_years)));
  kt_proposal_pair (pairs, PT (p, N_("First revenue year")),
                    m->r.first_revenue_year >= 0
                    ? g_strdup_printf ("%d", m->start_year + m->r.first_revenue_year)
                    : NULL);
  kt_proposal_pair (pairs, PT (p, N_("Revenue streams")), g_strdup_printf ("%u", d->revenues->len));
  kt_proposal_add_pairs (p, pairs);

  if (o > 0)
    {
      double *ebitda = g_new (double, o);
      double *opex = g_new (double, o);

      for (int k = 0; k < o; k++)
        {
          ebitda[k] = m->y.ebitda[c + k];
          opex[k] = -m->y.opex[c + k];
        }
      chart = year_chart (p, KT_CHART_STACKED_BAR, c, o);
      kt_chart_add_series (chart, KT_SERIES_BAR, PT (p, N_("User revenue")), m->y.revenue + c, o);
      kt_chart_add_series (chart, KT_SERIES_BAR, PT (p, N_("State service payments")),
                           m->y.state_payments + c, o);
      kt_chart_add_series (chart, KT_SERIES_BAR, PT (p, N_("Operating costs")), opex, o);
      kt_chart_add_series (chart, KT_SERIES_LINE, PT (p, N_("EBITDA")), ebitda, o);
      kt_pdf_add_chart (p->pdf, chart, CHART_HEIGHT,
                        PT (p, N_("Revenue, operating costs and EBITDA by year")));
      g_free (ebitda);
      g_free (opex);
    }
}

/* ---- financial analysis ---- */

static void
indicator_row (KtPdfTable *table,
               const char *label,
               char       *value,
               const char *note)
{
  kt_pdf_table_add_cells (table, KT_PDF_ROW_NORMAL, label, value, note != NULL ? note : "", NULL);
  g_free (value);
}

static void
add_checks (KtProposal *p)
{
  g_autoptr (KtPdfTable) table = kt_pdf_table_new ();

  kt_pdf_table_add_column (table, PT (p, N_("Check")), KT_PDF_ALIGN_LEFT);
  kt_pdf_table_add_column (table, PT (p, N_("Result")), KT_PDF_ALIGN_LEFT);
  kt_pdf_table_set_caption (table, PT (p, N_("Checks of the financial model (MODEL.md §12)")));
  kt_pdf_table_set_font_size (table, 10);
  for (int c = 0; c < KT_N_CHECKS; c++)
    {
      GString *result;

      if (!p->model->check_run[c])
        continue;
      if (kt_model_check_passed (p->model, c))
        {
          kt_pdf_table_add_cells (table, KT_PDF_ROW_NORMAL,
                                  kt_proposal_check_description (p->lang, c),
                                  PT (p, N_("Passed")), NULL);
          continue;
        }
      result = g_string_new (NULL);
      for (guint i = 0; i < p->problems->len; i++)
        {
          const KtProblem *pr = p->problems->pdata[i];

          if (g_strcmp0 (pr->code, kt_check_code (c)) == 0)
            g_string_append_printf (result, "%s%s", result->len > 0 ? " " : "", pr->message);
        }
      kt_pdf_table_add_cells (table, KT_PDF_ROW_BOLD,
                              kt_proposal_check_description (p->lang, c),
                              result->len > 0 ? result->str : PT (p, N_("Failed")), NULL);
      g_string_free (result, TRUE);
    }
  kt_pdf_add_table (p->pdf, table);
}

void
kt_proposal_add_financial (KtProposal *p)
{
  const KtProjectData *d = p->data;
  const KtModel *m = p->model;
  const KtModelResults *r = &m->r;
  int n = m->n_years, c = m->construction_years;
  g_autoptr (KtPdfTable) table = kt_pdf_table_new ();
  g_autoptr (KtChart) flows = year_chart (p, KT_CHART_BAR_LINE, 0, n);
  g_autofree double *cumulative = g_new (double, n);
  g_autofree char *wacc = kt_proposal_percent (p, d->wacc);
  g_autofree char *coe = kt_proposal_percent (p, d->cost_of_equity);
  g_autofree char *at_wacc = g_strdup_printf (PT (p, N_("at WACC %s")), wacc);
  g_autofree char *at_coe = g_strdup_printf (PT (p, N_("at cost of equity %s")), coe);
  g_autofree char *hurdle = kt_proposal_percent (p, d->hurdle_rate);
  g_autofree char *hurdle_note = g_strdup_printf (PT (p, N_("hurdle rate %s")), hurdle);
  g_autofree char *covenant = kt_proposal_ratio (p, d->min_dscr);
  g_autofree char *covenant_note = g_strdup_printf (PT (p, N_("lender's minimum %s")), covenant);
  g_autofree char *min_year = r->dscr_min_year >= 0
                              ? g_strdup_printf (PT (p, N_("in %d")),
                                                 m->start_year + r->dscr_min_year)
                              : NULL;
  double running = 0;

  kt_pdf_add_heading (p->pdf, 1, PT (p, N_("Financial analysis")));
  kt_pdf_add_paragraph (p->pdf,
                        PT (p, N_("The figures below are computed by the Khả Thi engine from the "
                                  "inputs listed in the appendices, with the conventions of the "
                                  "methodology appendix: nominal prices, every flow at the end of "
                                  "its year, the project flow after tax as if there were no debt, "
                                  "the equity flow after debt service.")));
  kt_pdf_add_heading (p->pdf, 2, PT (p, N_("Financial indicators")));
  kt_pdf_table_add_column (table, PT (p, N_("Indicator")), KT_PDF_ALIGN_LEFT);
  kt_pdf_table_add_column (table, PT (p, N_("Value")), KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_add_column (table, PT (p, N_("Note")), KT_PDF_ALIGN_LEFT);
  kt_pdf_table_set_caption (table, m->real ? PT (p, N_("Financial indicators (real terms)"))
                                           : PT (p, N_("Financial indicators")));
  kt_pdf_table_add_cells (table, KT_PDF_ROW_SECTION, PT (p, N_("Project")), NULL);
  indicator_row (table, PT (p, N_("NPV")), kt_proposal_money (p, r->project_npv), at_wacc);
  indicator_row (table, PT (p, N_("FIRR")), kt_proposal_irr (p, &r->project_irr), NULL);
  indicator_row (table, PT (p, N_("MIRR")), kt_proposal_percent (p, r->project_mirr), NULL);
  indicator_row (table, PT (p, N_("Payback")), kt_format_years (r->payback, p->lang),
                 PT (p, N_("after the end of the first year")));
  indicator_row (table, PT (p, N_("Discounted payback")),
                 kt_format_years (r->discounted_payback, p->lang), at_wacc);
  indicator_row (table, PT (p, N_("B/C")), kt_proposal_ratio (p, r->bcr), at_wacc);
  indicator_row (table, PT (p, N_("Break-even volume")),
                 kt_proposal_percent (p, r->break_even_volume),
                 PT (p, N_("share of planned volumes with NPV = 0")));
  kt_pdf_table_add_cells (table, KT_PDF_ROW_SECTION, PT (p, N_("Equity")), NULL);
  indicator_row (table, PT (p, N_("NPV")), kt_proposal_money (p, r->equity_npv), at_coe);
  indicator_row (table, PT (p, N_("Equity IRR")), kt_proposal_irr (p, &r->equity_irr),
                 hurdle_note);
  indicator_row (table, PT (p, N_("Equity MIRR")), kt_proposal_percent (p, r->equity_mirr), NULL);
  if (isfinite (r->dscr_min))
    {
      kt_pdf_table_add_cells (table, KT_PDF_ROW_SECTION, PT (p, N_("Debt")), NULL);
      indicator_row (table, PT (p, N_("Minimum DSCR")), kt_proposal_ratio (p, r->dscr_min),
                     min_year);
      indicator_row (table, PT (p, N_("Average DSCR")), kt_proposal_ratio (p, r->dscr_avg),
                     covenant_note);
      indicator_row (table, PT (p, N_("LLCR")), kt_proposal_ratio (p, r->llcr), NULL);
    }
  kt_pdf_add_table (p->pdf, table);

  kt_pdf_add_heading (p->pdf, 2, PT (p, N_("Cash flows")));
  kt_pdf_add_paragraph (p->pdf, PT (p, N_("The project cash flow of each year (bars) and its "
                                          "running total (line); the year the line crosses zero "
                                          "is the payback year.")));
  for (int t = 0; t < n; t++)
    {
      running += m->y.project_flow[t];
      cumulative[t] = running;
    }
  kt_chart_add_series (flows, KT_SERIES_BAR, PT (p, N_("Project cash flow")), m->y.project_flow, n);
  kt_chart_add_series (flows, KT_SERIES_LINE, PT (p, N_("Cumulative project cash flow")),
                       cumulative, n);
  kt_pdf_add_chart (p->pdf, flows, CHART_HEIGHT,
                    PT (p, N_("Annual project cash flow and cumulative cash flow")));

  if (isfinite (r->dscr_min) && m->operation_years > 0)
    {
      int o = m->operation_years, last = c;
      g_autoptr (KtChart) service = NULL;
      g_autoptr (KtChart) dscr = NULL;
      g_autofree double *interest = NULL;
      g_autofree double *principal = NULL;

      /* Up to the last year with debt service. */
      for (int t = c; t < n; t++)
        if (m->y.debt_service[t] > 0)
          last = t;
      o = last - c + 1;
      interest = g_new (double, o);
      principal = g_new (double, o);
      for (int k = 0; k < o; k++)
        {
          interest[k] = m->y.interest[c + k];
          principal[k] = m->y.principal[c + k];
        }
      kt_pdf_add_heading (p->pdf, 2, PT (p, N_("Debt service")));
      service = year_chart (p, KT_CHART_STACKED_BAR, c, o);
      kt_chart_add_series (service, KT_SERIES_BAR, PT (p, N_("Interest")), interest, o);
      kt_chart_add_series (service, KT_SERIES_BAR, PT (p, N_("Principal")), principal, o);
      kt_chart_add_series (service, KT_SERIES_LINE, PT (p, N_("Cash flow available for debt "
                                                              "service")), m->y.cfads + c, o);
      kt_pdf_add_chart (p->pdf, service, CHART_HEIGHT,
                        PT (p, N_("Debt service and cash flow available for it")));
      dscr = year_chart (p, KT_CHART_THRESHOLD_BAR, c, o);
      kt_chart_set_value_format (dscr, KT_VALUE_NUMBER, -1);
      kt_chart_add_series (dscr, KT_SERIES_BAR, PT (p, N_("DSCR")), m->y.dscr + c, o);
      kt_chart_add_threshold (dscr, d->min_dscr, covenant_note);
      kt_chart_set_threshold_rule (dscr, KT_THRESHOLD_BELOW_IS_BAD);
      kt_pdf_add_chart (p->pdf, dscr, 200, PT (p, N_("DSCR by year against the lender's minimum")));
    }

  kt_pdf_add_heading (p->pdf, 2, PT (p, N_("Checks")));
  kt_pdf_add_paragraph (p->pdf, PT (p, N_("The engine checks its own figures and the legal limits "
                                          "of the rule set on every evaluation.")));
  add_checks (p);
}

/* ---- state support and guarantees ---- */

/* The viability gap (kt-viability.h): the least state support lifting the
 * equity IRR to the investor's hurdle rate. */
static void
add_viability (KtProposal *p)
{
  KtViability v;
  g_autofree char *hurdle = NULL;
  g_autofree char *text = NULL;

  kt_viability_compute (p->data, p->rules, NAN, &v);
  if (v.status == KT_VIABILITY_NOT_APPLICABLE)
    return;
  hurdle = kt_proposal_percent (p, v.hurdle);
  switch (v.status)
    {
    case KT_VIABILITY_VIABLE:
      text = g_strdup_printf (PT (p, N_("Viability gap: none. The equity IRR reaches the "
                                        "investor's hurdle rate of %s with the support as "
                                        "proposed.")), hurdle);
      break;
    case KT_VIABILITY_FOUND:
      {
        g_autofree char *required = v.lever == KT_LEVER_SUPPORT_SHARE
                                    ? kt_proposal_percent (p, v.required)
                                    : kt_format_number (v.required, 3, p->lang);
        g_autofree char *extra = kt_proposal_money (p, v.extra_state_cost);

        text = g_strdup_printf (v.lever == KT_LEVER_SUPPORT_SHARE
                                ? PT (p, N_("Viability gap: the equity IRR reaches the hurdle "
                                            "rate of %s with state capital support of %s of "
                                            "each construction year's need; this costs the "
                                            "state %s more in present value."))
                                : PT (p, N_("Viability gap: the equity IRR reaches the hurdle "
                                            "rate of %s with the state service payments "
                                            "multiplied by %s; this costs the state %s more in "
                                            "present value.")),
                                hurdle, required, extra);
      }
      break;
    case KT_VIABILITY_UNREACHABLE:
    default:
      text = g_strdup_printf (PT (p, N_("Viability gap: the equity IRR does not reach the "
                                        "hurdle rate of %s even with state support at its "
                                        "limit.")), hurdle);
      break;
    }
  kt_pdf_add_paragraph (p->pdf, text);
}

void
kt_proposal_add_state (KtProposal *p)
{
  const KtProjectData *d = p->data;
  const KtRiskSharing *s = &d->sharing;
  const KtModel *m = p->model;
  const KtModelResults *r = &m->r;
  int n = m->n_years;
  GPtrArray *pairs;
  g_autoptr (KtChart) chart = year_chart (p, KT_CHART_STACKED_BAR, 0, n);
  g_autofree double *support = g_new (double, n);
  g_autofree double *payments = g_new (double, n);
  g_autofree double *payouts = g_new (double, n);
  g_autofree double *receipts = g_new (double, n);
  g_autofree double *other = g_new (double, n);

  kt_pdf_add_heading (p->pdf, 1, kt_proposal_enum (p, &kt_chapter_info,
                                                   KT_CHAPTER_INCENTIVES_GUARANTEES));
  kt_proposal_add_text (p, &d->chapters[KT_CHAPTER_INCENTIVES_GUARANTEES]);

  kt_pdf_add_heading (p->pdf, 2, PT (p, N_("Incentives")));
  pairs = g_ptr_array_new_with_free_func (g_free);
  kt_proposal_pair (pairs, PT (p, N_("CIT incentive")),
                    g_strdup (kt_proposal_enum (p, &kt_incentive_info, d->incentive)));
  kt_proposal_pair (pairs, PT (p, N_("Import duty exemption")),
                    g_strdup (d->duty_exempt ? PT (p, N_("Yes")) : PT (p, N_("No"))));
  kt_proposal_pair (pairs, PT (p, N_("CIT holiday starts")),
                    r->holiday_start >= 0 ? g_strdup_printf ("%d", m->start_year + r->holiday_start)
                                          : g_strdup (PT (p, N_("none"))));
  kt_proposal_pair (pairs, PT (p, N_("Corporate income tax over the term")),
                    kt_proposal_money (p, sum (m->y.tax, 0, n)));
  kt_proposal_add_pairs (p, pairs);

  kt_pdf_add_heading (p->pdf, 2, PT (p, N_("State support and guarantees")));
  pairs = g_ptr_array_new_with_free_func (g_free);
  kt_proposal_pair (pairs, PT (p, N_("State capital support")),
                    kt_proposal_money (p, r->support_total));
  kt_proposal_pair (pairs, PT (p, N_("State service payments over the term")),
                    kt_proposal_money (p, sum (m->y.state_payments, 0, n)));
  if (s->band_enabled)
    {
      g_autofree char *lower = kt_format_percent (s->lower, 2, p->lang);
      g_autofree char *upper = kt_format_percent (s->upper, 2, p->lang);
      g_autofree char *down = kt_format_percent (s->share_down, 2, p->lang);
      g_autofree char *up = kt_format_percent (s->share_up, 2, p->lang);

      kt_proposal_pair (pairs, PT (p, N_("Revenue sharing band")),
                        g_strdup_printf (PT (p, N_("the state bears %s of a shortfall below %s "
                                                   "of plan revenue; the investor pays %s of an "
                                                   "excess above %s")), down, lower, up, upper));
      if (s->annual_cap > 0)
        kt_proposal_pair (pairs, PT (p, N_("Annual cap on state payments")),
                          kt_proposal_money (p, s->annual_cap));
      if (s->total_cap > 0)
        kt_proposal_pair (pairs, PT (p, N_("Total cap on state payments")),
                          kt_proposal_money (p, s->total_cap));
    }
  if (s->mrg_enabled)
    kt_proposal_pair (pairs, PT (p, N_("Minimum revenue guarantee")),
                      kt_format_percent (s->mrg_share, 2, p->lang));
  if (s->fx_enabled)
    kt_proposal_pair (pairs, PT (p, N_("Foreign-currency guarantee")),
                      kt_format_percent (s->fx_share, 2, p->lang));
  g_autofree char *rd_p = kt_format_percent (s->rd_success_probability, 2, p->lang);
  g_autofree char *rd_s = kt_format_percent (s->rd_state_share, 2, p->lang);

  if (s->rd_enabled)
    kt_proposal_pair (pairs, PT (p, N_("R&D risk acceptance")),
                      g_strdup_printf (PT (p, N_("success probability %s; state's share of sunk "
                                                 "cost on failure %s")), rd_p, rd_s));
  kt_proposal_pair (pairs, PT (p, N_("Revenue sharing and guarantee payouts by the state")),
                    kt_proposal_money (p, sum (m->y.guarantees, 0, n)
                                          + sum (m->y.sharing_receipts, 0, n)));
  kt_proposal_pair (pairs, PT (p, N_("Fiscal NPV at the social rate")),
                    kt_proposal_money (p, r->fiscal_npv));
  {
    g_autofree char *peak = kt_proposal_money (p, r->peak_commitment);

    kt_proposal_pair (pairs, PT (p, N_("Peak annual commitment")),
                      r->peak_commitment_year >= 0
                      ? g_strdup_printf ("%s (%d)", peak, m->start_year + r->peak_commitment_year)
                      : g_strdup (peak));
  }
  kt_proposal_add_pairs (p, pairs);
  if (s->band_enabled)
    kt_pdf_add_styled_paragraph (p->pdf, KT_PDF_PARA_NOTE,
                                 PT (p, N_("The model computes the contractual revenue-sharing "
                                           "mechanism as if its legal conditions were met "
                                           "(MODEL.md §9).")));

  add_viability (p);

  /* The state's flow from its side: outlays down, receipts up; "other" closes
   * the stack on the engine's net fiscal flow (tax, duty, rent, fees, assets
   * received at transfer). */
  for (int t = 0; t < n; t++)
    {
      support[t] = -m->y.support[t];
      payments[t] = -m->y.state_payments[t];
      payouts[t] = -(m->y.guarantees[t] + m->y.sharing_receipts[t]);
      receipts[t] = m->y.sharing_payments[t];
      other[t] = m->y.fiscal_flow[t] - support[t] - payments[t] - payouts[t] - receipts[t];
    }
  kt_chart_add_series (chart, KT_SERIES_BAR, PT (p, N_("State capital support")), support, n);
  kt_chart_add_series (chart, KT_SERIES_BAR, PT (p, N_("State service payments")), payments, n);
  kt_chart_add_series (chart, KT_SERIES_BAR, PT (p, N_("Guarantee and sharing payouts")), payouts,
                       n);
  kt_chart_add_series (chart, KT_SERIES_BAR, PT (p, N_("Revenue sharing received")), receipts, n);
  kt_chart_add_series (chart, KT_SERIES_BAR, PT (p, N_("Taxes, fees and assets received")), other,
                       n);
  kt_chart_add_series (chart, KT_SERIES_LINE, PT (p, N_("State fiscal cash flow")),
                       m->y.fiscal_flow, n);
  kt_pdf_add_chart (p->pdf, chart, CHART_HEIGHT,
                    PT (p, N_("The state's fiscal flows by year")));
}
