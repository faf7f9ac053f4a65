/* kt-xlsx.c — XLSX export of the statements, indicators, inputs and simulation summary
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#if HAVE_XLSXWRITER
#include <xlsxwriter.h>
#endif

#include "kt-model.h"
#include "kt-proposal-private.h"
#include "kt-report-i18n.h"
#include "kt-xlsx.h"

gboolean
kt_xlsx_available (void)
{
  return HAVE_XLSXWRITER;
}

#if HAVE_XLSXWRITER

/* Short sheet names (Excel allows 31 characters). */
static const struct { const char *table; const char *sheet; } sheet_names[] = {
  { "income", N_("Income") },
  { "cashflow", N_("Cash flow") },
  { "balance", N_("Balance sheet") },
  { "equity", N_("Equity flow") },
  { "debt", N_("Debt") },
  { "sources-uses", N_("Sources and uses") },
  { "tax", N_("Tax") },
  { "depreciation", N_("Depreciation") },
  { "flows", N_("Flows") },
};

typedef struct {
  lxw_workbook *wb;
  KtLang        lang;
  lxw_format   *money;
  lxw_format   *money_bold;
  lxw_format   *percent;
  lxw_format   *ratio;
  lxw_format   *header;
  lxw_format   *bold;
} Book;

static const char *
tr (Book       *b,
    const char *msgid)
{
  return kt_report_gettext (b->lang, msgid);
}

static void
number (lxw_worksheet *ws,
        int            row,
        int            col,
        double         value,
        lxw_format    *format)
{
  /* Spreadsheets have no NAN: leave the cell empty. */
  if (isfinite (value))
    worksheet_write_number (ws, row, col, value, format);
}

static char *
sheet_name (Book       *b,
            const char *msgid)
{
  /* Excel's limit is 31 characters and no []:*?/\ */
  g_autofree char *name = g_strdup (tr (b, msgid));

  g_strdelimit (name, "[]:*?/\\", '-');
  if (g_utf8_strlen (name, -1) > 31)
    {
      char *end = g_utf8_offset_to_pointer (name, 31);

      *end = '\0';
    }
  return g_steal_pointer (&name);
}

static void
add_statement (Book                *b,
               const KtModel       *model,
               const KtProjectData *data,
               const char          *table_name,
               const char          *sheet_msgid)
{
  g_autoptr (KtModelTable) table = kt_proposal_table_new (model, data, table_name);
  g_autofree char *name = sheet_name (b, sheet_msgid);
  lxw_worksheet *ws;

  if (table == NULL)
    return;
  ws = workbook_add_worksheet (b->wb, name);
  worksheet_write_string (ws, 0, 0, tr (b, N_("Item (VND)")), b->header);
  for (int t = 0; t < table->n_years; t++)
    worksheet_write_number (ws, 0, t + 1, table->start_year + t, b->header);
  for (guint i = 0; i < table->rows->len; i++)
    {
      const KtModelRow *row = table->rows->pdata[i];
      g_autofree char *label = kt_proposal_row_label (b->lang, data, row);
      lxw_format *format = row->kind == KT_MODEL_ROW_RATE ? b->percent
                           : row->kind == KT_MODEL_ROW_RATIO ? b->ratio
                           : row->total ? b->money_bold : b->money;

      worksheet_write_string (ws, i + 1, 0, label, row->total ? b->bold : NULL);
      for (int t = 0; t < table->n_years; t++)
        number (ws, i + 1, t + 1, row->values[t], format);
    }
  worksheet_set_column (ws, 0, 0, 48, NULL);
  worksheet_set_column (ws, 1, table->n_years, 17, NULL);
  worksheet_freeze_panes (ws, 1, 1);
}

static int
pair (Book          *b,
      lxw_worksheet *ws,
      int            row,
      const char    *label_msgid,
      double         value,
      lxw_format    *format)
{
  worksheet_write_string (ws, row, 0, tr (b, label_msgid), NULL);
  number (ws, row, 1, value, format);
  return row + 1;
}

static double
irr_value (const KtIrrResult *irr)
{
  return irr->status == KT_IRR_NONE ? NAN : irr->irr;
}

static void
add_indicators (Book          *b,
                const KtModel *model)
{
  const KtModelResults *r = &model->r;
  g_autofree char *name = sheet_name (b, N_("Indicators"));
  lxw_worksheet *ws = workbook_add_worksheet (b->wb, name);
  int row = 1;

  worksheet_write_string (ws, 0, 0, tr (b, N_("Indicator")), b->header);
  worksheet_write_string (ws, 0, 1, tr (b, N_("Value")), b->header);
  row = pair (b, ws, row, N_("Total investment"), r->total_investment, b->money);
  row = pair (b, ws, row, N_("Capex"), r->capex_total, b->money);
  row = pair (b, ws, row, N_("Contingency"), r->contingency_total, b->money);
  row = pair (b, ws, row, N_("Import duty"), r->duty_total, b->money);
  row = pair (b, ws, row, N_("Interest during construction"), r->idc_total, b->money);
  row = pair (b, ws, row, N_("Financing fees"), r->fees_total, b->money);
  row = pair (b, ws, row, N_("State capital support"), r->support_total, b->money);
  row = pair (b, ws, row, N_("Investor equity"), r->equity_total, b->money);
  row = pair (b, ws, row, N_("Loans"), r->debt_total, b->money);
  row = pair (b, ws, row, N_("NPV at WACC"), r->project_npv, b->money);
  row = pair (b, ws, row, N_("FIRR"), irr_value (&r->project_irr), b->percent);
  row = pair (b, ws, row, N_("MIRR"), r->project_mirr, b->percent);
  row = pair (b, ws, row, N_("Payback"), r->payback, b->ratio);
  row = pair (b, ws, row, N_("Discounted payback"), r->discounted_payback, b->ratio);
  row = pair (b, ws, row, N_("B/C"), r->bcr, b->ratio);
  row = pair (b, ws, row, N_("Break-even volume"), r->break_even_volume, b->percent);
  row = pair (b, ws, row, N_("NPV at the cost of equity"), r->equity_npv, b->money);
  row = pair (b, ws, row, N_("Equity IRR"), irr_value (&r->equity_irr), b->percent);
  row = pair (b, ws, row, N_("Equity MIRR"), r->equity_mirr, b->percent);
  row = pair (b, ws, row, N_("Minimum DSCR"), r->dscr_min, b->ratio);
  row = pair (b, ws, row, N_("Average DSCR"), r->dscr_avg, b->ratio);
  row = pair (b, ws, row, N_("LLCR"), r->llcr, b->ratio);
  row = pair (b, ws, row, N_("Fiscal NPV at the social rate"), r->fiscal_npv, b->money);
  row = pair (b, ws, row, N_("Peak annual commitment"), r->peak_commitment, b->money);
  row = pair (b, ws, row, N_("ENPV"), r->enpv, b->money);
  row = pair (b, ws, row, N_("EIRR"), irr_value (&r->eirr), b->percent);
  pair (b, ws, row, N_("Economic B/C"), r->ebcr, b->ratio);
  worksheet_set_column (ws, 0, 0, 40, NULL);
  worksheet_set_column (ws, 1, 1, 22, NULL);
  worksheet_freeze_panes (ws, 1, 1);
}

static void
add_inputs (Book                *b,
            const KtProjectData *d)
{
  g_autofree char *name = sheet_name (b, N_("Inputs"));
  lxw_worksheet *ws = workbook_add_worksheet (b->wb, name);
  int row = 1;

  worksheet_write_string (ws, 0, 0, tr (b, N_("Parameter")), b->header);
  worksheet_write_string (ws, 0, 1, tr (b, N_("Value")), b->header);
  worksheet_write_string (ws, 0, 2, tr (b, N_("Note")), b->header);
  row = pair (b, ws, row, N_("First year"), d->start_year, NULL);
  row = pair (b, ws, row, N_("Construction years"), d->construction_years, NULL);
  row = pair (b, ws, row, N_("Operation years"), d->operation_years, NULL);
  row = pair (b, ws, row, N_("Price base year"), d->price_base_year, NULL);
  row = pair (b, ws, row, N_("General inflation"), d->inflation, b->percent);
  row = pair (b, ws, row, N_("WACC"), d->wacc, b->percent);
  row = pair (b, ws, row, N_("Cost of equity"), d->cost_of_equity, b->percent);
  row = pair (b, ws, row, N_("Investor's hurdle rate"), d->hurdle_rate, b->percent);
  row = pair (b, ws, row, N_("MIRR finance rate"), d->finance_rate, b->percent);
  row = pair (b, ws, row, N_("MIRR reinvestment rate"), d->reinvest_rate, b->percent);
  row = pair (b, ws, row, N_("Social discount rate"), d->social_rate, b->percent);
  row = pair (b, ws, row, N_("Lender's minimum DSCR"), d->min_dscr, b->ratio);
  row = pair (b, ws, row, N_("Contingency rate"), d->contingency_rate, b->percent);
  row = pair (b, ws, row, N_("Import duty rate"), d->duty_rate, b->percent);
  row = pair (b, ws, row, N_("Equity share"), d->equity_share, b->percent);
  row = pair (b, ws, row, N_("State share of each year's need"), d->support_share, b->percent);
  row = pair (b, ws, row, N_("Land rent per year"), d->land_rent, b->money);
  row = pair (b, ws, row, N_("Concession fee per year"), d->concession_fee, b->money);
  for (guint i = 0; i < d->capex->len; i++)
    {
      const KtCapexLine *l = &g_array_index (d->capex, KtCapexLine, i);
      double total = 0;

      for (guint k = 0; l->amounts != NULL && k < l->amounts->len; k++)
        total += g_array_index (l->amounts, double, k);
      worksheet_write_string (ws, row, 0, l->name != NULL ? l->name : "", NULL);
      number (ws, row, 1, total, b->money);
      worksheet_write_string (ws, row++, 2, tr (b, N_("Capex line, all construction years, base "
                                                      "prices")), NULL);
    }
  for (guint i = 0; i < d->revenues->len; i++)
    {
      const KtRevenueStream *s = &g_array_index (d->revenues, KtRevenueStream, i);

      worksheet_write_string (ws, row, 0, s->name != NULL ? s->name : "", NULL);
      number (ws, row, 1, s->tariff, b->money);
      worksheet_write_string (ws, row++, 2, tr (b, N_("Tariff per unit")), NULL);
      worksheet_write_string (ws, row, 0, s->name != NULL ? s->name : "", NULL);
      number (ws, row, 1, s->capacity, b->money);
      worksheet_write_string (ws, row++, 2, tr (b, N_("Volume per year at full ramp")), NULL);
    }
  for (guint i = 0; i < d->opex->len; i++)
    {
      const KtOpexLine *l = &g_array_index (d->opex, KtOpexLine, i);

      worksheet_write_string (ws, row, 0, l->name != NULL ? l->name : "", NULL);
      number (ws, row, 1, l->amount, b->money);
      worksheet_write_string (ws, row++, 2, tr (b, N_("Operating cost line")), NULL);
    }
  for (guint i = 0; i < d->loans->len; i++)
    {
      const KtLoan *l = &g_array_index (d->loans, KtLoan, i);
      const char *lname = l->name != NULL ? l->name : tr (b, N_("Loan"));

      worksheet_write_string (ws, row, 0, lname, NULL);
      number (ws, row, 1, l->rate, b->percent);
      worksheet_write_string (ws, row++, 2, tr (b, N_("Interest rate")), NULL);
      worksheet_write_string (ws, row, 0, lname, NULL);
      number (ws, row, 1, l->share_of_debt, b->percent);
      worksheet_write_string (ws, row++, 2, tr (b, N_("Share of debt")), NULL);
      worksheet_write_string (ws, row, 0, lname, NULL);
      number (ws, row, 1, l->tenor_years, NULL);
      worksheet_write_string (ws, row++, 2, tr (b, N_("Tenor from COD")), NULL);
    }
  worksheet_set_column (ws, 0, 0, 60, NULL);
  worksheet_set_column (ws, 1, 1, 22, NULL);
  worksheet_set_column (ws, 2, 2, 40, NULL);
  worksheet_freeze_panes (ws, 1, 1);
}

static void
add_simulation (Book                     *b,
                const KtSimulationResult *sim)
{
  static const char * const outcomes[KT_N_OUTCOMES] = {
    N_("Project NPV"), N_("FIRR"), N_("Equity IRR"), N_("Minimum DSCR"),
    N_("State's net fiscal cost"), N_("State payouts (present value)"),
  };
  static const char * const columns[] = {
    N_("Indicator"), N_("Mean"), N_("Std. dev."), "P5", "P10", "P50", "P90", "P95",
  };
  g_autofree char *name = sheet_name (b, N_("Simulation"));
  lxw_worksheet *ws = workbook_add_worksheet (b->wb, name);
  int row = 1;

  for (gsize c = 0; c < G_N_ELEMENTS (columns); c++)
    worksheet_write_string (ws, 0, c, tr (b, columns[c]), b->header);
  for (int o = 0; o < KT_N_OUTCOMES; o++, row++)
    {
      const KtSummary *s = &sim->outcomes[o].summary;
      lxw_format *f = (o == KT_OUTCOME_PROJECT_IRR || o == KT_OUTCOME_EQUITY_IRR) ? b->percent
                      : o == KT_OUTCOME_DSCR_MIN ? b->ratio : b->money;
      const double values[] = { s->mean, s->sd, s->p5, s->p10, s->p50, s->p90, s->p95 };

      worksheet_write_string (ws, row, 0, tr (b, outcomes[o]), NULL);
      for (gsize c = 0; c < G_N_ELEMENTS (values); c++)
        number (ws, row, c + 1, values[c], f);
    }
  row++;
  row = pair (b, ws, row, N_("Probability that project NPV < 0"), sim->prob_npv_negative,
              b->percent);
  row = pair (b, ws, row, N_("Probability that the minimum DSCR < 1"), sim->prob_dscr_below_1,
              b->percent);
  row = pair (b, ws, row, N_("Probability that equity IRR < hurdle rate"),
              sim->prob_equity_irr_below_hurdle, b->percent);
  row = pair (b, ws, row, N_("Expected state payouts (present value)"),
              sim->state_payout_expected, b->money);
  row = pair (b, ws, row, N_("State payouts, 95th percentile"), sim->state_payout_p95, b->money);
  row = pair (b, ws, row, N_("Iterations"), sim->iterations, NULL);
  pair (b, ws, row, N_("Seed"), (double) sim->seed, NULL);
  worksheet_set_column (ws, 0, 0, 44, NULL);
  worksheet_set_column (ws, 1, 7, 18, NULL);
  worksheet_freeze_panes (ws, 1, 1);
}

#endif /* HAVE_XLSXWRITER */

gboolean
kt_xlsx_export (const KtProjectData      *data,
                const KtRules            *rules,
                const KtSimulationResult *simulation,
                KtLang                    lang,
                const char               *path,
                GError                  **error)
{
#if HAVE_XLSXWRITER
  g_autoptr (KtModel) model = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *title = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL };
  lxw_doc_properties props = { 0 };
  lxw_error status;
  Book b = { 0 };

  g_return_val_if_fail (data != NULL && rules != NULL && path != NULL, FALSE);

  model = kt_model_new (data, 0);
  if (!kt_model_evaluate (model, data, rules, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s",
                   kt_report_gettext (lang, N_("the project has no year to compute")));
      return FALSE;
    }

  tmp = g_strdup_printf ("%s.tmp-%u", path, (guint) g_random_int ());
  b.wb = workbook_new_opt (tmp, &options);
  if (b.wb == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   kt_report_gettext (lang, N_("Could not create “%s”")), path);
      return FALSE;
    }
  b.lang = lang;
  b.money = workbook_add_format (b.wb);
  format_set_num_format (b.money, "#,##0");
  b.money_bold = workbook_add_format (b.wb);
  format_set_num_format (b.money_bold, "#,##0");
  format_set_bold (b.money_bold);
  b.percent = workbook_add_format (b.wb);
  format_set_num_format (b.percent, "0.00%");
  b.ratio = workbook_add_format (b.wb);
  format_set_num_format (b.ratio, "0.00");
  b.header = workbook_add_format (b.wb);
  format_set_bold (b.header);
  format_set_bg_color (b.header, 0xE8EEF4);
  format_set_bottom (b.header, LXW_BORDER_THIN);
  b.bold = workbook_add_format (b.wb);
  format_set_bold (b.bold);

  title = g_strdup (kt_text_get (&data->name, kt_lang_code (lang)));
  props.title = title;
  props.author = data->proposer.name;
  props.subject = (char *) kt_report_gettext (lang, N_("Feasibility study"));
  props.comments = (char *) kt_report_gettext (lang, N_("Figures of the Khả Thi engine, MODEL.md "
                                                        "conventions; money in VND"));
  workbook_set_properties (b.wb, &props);

  add_indicators (&b, model);
  for (gsize i = 0; i < G_N_ELEMENTS (sheet_names); i++)
    add_statement (&b, model, data, sheet_names[i].table, sheet_names[i].sheet);
  add_inputs (&b, data);
  if (simulation != NULL)
    add_simulation (&b, simulation);

  status = workbook_close (b.wb);
  if (status != LXW_NO_ERROR)
    {
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   kt_report_gettext (lang, N_("Could not write “%s”: %s")), path,
                   lxw_strerror (status));
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   kt_report_gettext (lang, N_("Could not write “%s”: %s")), path,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
#else
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
               kt_report_gettext (lang, N_("This build has no XLSX support (libxlsxwriter)")));
  return FALSE;
#endif
}
