/* cmd-compute.c — khathi-cli compute FILE: indicators, checks and statements (MODEL.md §8, §12)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kt-cli.h"
#include "kt-format.h"
#include "kt-model.h"
#include "kt-project-file.h"
#include "kt-validate.h"
#include "kt-vfm.h"

KtProject *
kt_cli_load_for_model (const char *command,
                       const char *path,
                       KtRuleSet **rule_set,
                       KtRules    *rules,
                       GPtrArray  *problems)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr (KtProject) project = NULL;
  g_autoptr (KtRuleSet) set = NULL;
  g_autoptr (GError) error = NULL;
  const KtProjectData *data;
  const char *id;

  project = kt_project_load (file, NULL, &error);
  if (project == NULL)
    {
      /* The message already reads "FILE:LINE: …". */
      g_printerr ("khathi-cli %s: %s\n", command, error->message);
      return NULL;
    }
  data = kt_project_get_data (project);
  id = data->rule_set != NULL && *data->rule_set ? data->rule_set : kt_rule_set_default_id ();
  set = kt_rule_set_load_by_id (id, &error);
  if (set == NULL)
    {
      g_printerr ("khathi-cli %s: %s\n", command, error->message);
      return NULL;
    }
  kt_rules_resolve (set, data, rules, problems);
  if (rule_set != NULL)
    *rule_set = g_steal_pointer (&set);
  return g_steal_pointer (&project);
}

/* ---- checks ---- */

typedef struct {
  const char *severity;   /* "pass", "info", "warning", "error" */
  const char *code;
  const char *where;
  const char *message;
  int         year;
} CheckLine;

static CheckLine
problem_line (const KtProblem *p)
{
  CheckLine line = { kt_severity_key (p->severity), p->code, p->where, p->message, p->year };

  return line;
}

static gboolean
is_engine_code (const char *code)
{
  for (int c = 0; c < KT_N_CHECKS; c++)
    if (strcmp (code, kt_check_code (c)) == 0)
      return TRUE;
  return FALSE;
}

/* Every check the engine ran, in order: a "pass" line for each that passed,
 * its problems for each that failed; then the rule set's and the
 * validator's problems that the engine does not repeat. */
static GArray *
collect_checks (const KtModel *model,
                GPtrArray     *engine,
                GPtrArray     *others)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (CheckLine));

  for (int c = 0; c < KT_N_CHECKS; c++)
    {
      if (!model->check_run[c])
        continue;
      if (kt_model_check_passed (model, c))
        {
          CheckLine line = { "pass", kt_check_code (c), "", kt_check_description (c), 0 };

          g_array_append_val (lines, line);
          continue;
        }
      for (guint i = 0; i < engine->len; i++)
        {
          const KtProblem *p = engine->pdata[i];

          if (strcmp (p->code, kt_check_code (c)) == 0)
            {
              CheckLine line = problem_line (p);

              g_array_append_val (lines, line);
            }
        }
    }
  for (guint i = 0; i < engine->len; i++)
    {
      const KtProblem *p = engine->pdata[i];

      if (!is_engine_code (p->code))
        {
          CheckLine line = problem_line (p);

          g_array_append_val (lines, line);
        }
    }
  for (guint i = 0; i < others->len; i++)
    {
      const KtProblem *p = others->pdata[i];

      if (!is_engine_code (p->code))
        {
          CheckLine line = problem_line (p);

          g_array_append_val (lines, line);
        }
    }
  return lines;
}

/* ---- JSON ---- */

static void
add_number (JsonBuilder *b,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (b, name);
  if (isfinite (value))
    json_builder_add_double_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_year (JsonBuilder   *b,
          const char    *name,
          const KtModel *model,
          int            index)
{
  json_builder_set_member_name (b, name);
  if (index >= 0)
    json_builder_add_int_value (b, model->start_year + index);
  else
    json_builder_add_null_value (b);
}

static void
add_irr (JsonBuilder       *b,
         const char        *prefix,
         const KtIrrResult *irr)
{
  g_autofree char *irrs = g_strconcat (prefix, "s", NULL);
  g_autofree char *status = g_strconcat (prefix, "_status", NULL);

  add_number (b, prefix, irr->status == KT_IRR_NONE ? NAN : irr->irr);
  json_builder_set_member_name (b, irrs);
  json_builder_begin_array (b);
  for (int i = 0; i < irr->n_roots; i++)
    json_builder_add_double_value (b, irr->roots[i]);
  json_builder_end_array (b);
  json_builder_set_member_name (b, status);
  json_builder_add_string_value (b, kt_irr_status_key (irr->status));
}

static void
add_series (JsonBuilder  *b,
            const char   *name,
            const double *values,
            int           n)
{
  json_builder_set_member_name (b, name);
  json_builder_begin_array (b);
  for (int t = 0; t < n; t++)
    if (isfinite (values[t]))
      json_builder_add_double_value (b, values[t]);
    else
      json_builder_add_null_value (b);
  json_builder_end_array (b);
}

/* The state's flow item by item (MODEL.md §8, §9): outlays negative. */
static void
add_state_items (JsonBuilder   *b,
                 const KtModel *model)
{
  const KtModelYears *y = &model->y;
  int n = model->n_years;
  g_autofree double *taxes = g_new0 (double, n);
  g_autofree double *assets = g_new0 (double, n);
  g_autofree double *neg = g_new0 (double, 4 * n);

  for (int t = 0; t < n; t++)
    {
      taxes[t] = y->tax[t] + y->duty[t] + y->replacement_duty[t] + y->land_rent[t]
                 + y->concession_fees[t];
      assets[t] = y->fiscal_receipts[t] - y->sharing_payments[t] - y->benefit_state[t] - taxes[t];
      neg[t] = -y->support[t];
      neg[n + t] = -y->state_payments[t];
      neg[2 * n + t] = -y->guarantees[t];
      neg[3 * n + t] = -y->sharing_receipts[t];
    }
  json_builder_set_member_name (b, "items");
  json_builder_begin_object (b);
  add_series (b, "support", neg, n);
  add_series (b, "service_payments", neg + n, n);
  add_series (b, "guarantees", neg + 2 * n, n);
  add_series (b, "sharing_downside", neg + 3 * n, n);
  add_series (b, "sharing_upside", y->sharing_payments, n);
  add_series (b, "benefit_sharing", y->benefit_state, n);
  add_series (b, "taxes_and_fees", taxes, n);
  add_series (b, "assets_received", assets, n);
  json_builder_end_object (b);
}

static void
add_sharing (JsonBuilder   *b,
             const KtModel *model)
{
  const KtModelYears *y = &model->y;
  const KtModelResults *r = &model->r;
  int n = model->n_years;

  json_builder_set_member_name (b, "sharing");
  json_builder_begin_object (b);
  add_number (b, "downside_total", r->sharing_receipts_total);
  add_number (b, "upside_total", r->sharing_payments_total);
  add_number (b, "guarantees_total", r->guarantees_total);
  add_number (b, "benefit_total", r->benefit_total);
  add_number (b, "rd_sunk_cost", r->rd_sunk_cost);
  json_builder_set_member_name (b, "rd_stopped");
  json_builder_add_boolean_value (b, r->rd_stopped);
  add_series (b, "plan_revenue", y->plan_revenue, n);
  add_series (b, "downside", y->sharing_receipts, n);
  add_series (b, "upside", y->sharing_payments, n);
  add_series (b, "mrg", y->mrg, n);
  add_series (b, "fx_payout", y->fx_payout, n);
  add_series (b, "fx_loss", y->fx_loss, n);
  add_series (b, "rd_compensation", y->rd_compensation, n);
  add_series (b, "benefit_state", y->benefit_state, n);
  add_series (b, "benefit_institute", y->benefit_institute, n);
  json_builder_end_object (b);
}

static char *
to_json (const KtModel       *model,
         const KtProjectData *data,
         const KtRules       *rules,
         GArray              *checks)
{
  KtVfm vfm;
  KtRdExpected rd;
  const KtModelResults *r = &model->r;
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "start_year");
  json_builder_add_int_value (b, model->start_year);
  json_builder_set_member_name (b, "construction_years");
  json_builder_add_int_value (b, model->construction_years);
  json_builder_set_member_name (b, "operation_years");
  json_builder_add_int_value (b, model->operation_years);
  add_number (b, "total_investment", r->total_investment);

  json_builder_set_member_name (b, "investment");
  json_builder_begin_object (b);
  add_number (b, "capex", r->capex_total);
  add_number (b, "contingency", r->contingency_total);
  add_number (b, "duty", r->duty_total);
  add_number (b, "idc", r->idc_total);
  add_number (b, "fees", r->fees_total);
  add_number (b, "state_support", r->support_total);
  add_number (b, "equity", r->equity_total);
  add_number (b, "debt", r->debt_total);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "project");
  json_builder_begin_object (b);
  add_number (b, "npv", r->project_npv);
  add_irr (b, "irr", &r->project_irr);
  add_number (b, "mirr", r->project_mirr);
  add_number (b, "payback", r->payback);
  add_number (b, "discounted_payback", r->discounted_payback);
  add_number (b, "bcr", r->bcr);
  add_number (b, "break_even_volume", r->break_even_volume);
  add_series (b, "flows", model->y.project_flow, model->n_years);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "equity");
  json_builder_begin_object (b);
  add_number (b, "npv", r->equity_npv);
  add_irr (b, "irr", &r->equity_irr);
  add_number (b, "mirr", r->equity_mirr);
  add_series (b, "flows", model->y.equity_flow, model->n_years);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "debt");
  json_builder_begin_object (b);
  add_number (b, "dscr_min", r->dscr_min);
  add_year (b, "dscr_min_year", model, r->dscr_min_year);
  add_number (b, "dscr_avg", r->dscr_avg);
  add_number (b, "llcr", r->llcr);
  add_series (b, "dscr", model->y.dscr, model->n_years);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "tax");
  json_builder_begin_object (b);
  add_year (b, "first_revenue_year", model, r->first_revenue_year);
  add_year (b, "holiday_start", model, r->holiday_start);
  add_year (b, "holiday_start_no_debt", model, r->holiday_start_nd);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "state");
  json_builder_begin_object (b);
  add_number (b, "fiscal_npv", r->fiscal_npv);
  add_number (b, "peak_commitment", r->peak_commitment);
  add_year (b, "peak_commitment_year", model, r->peak_commitment_year);
  add_series (b, "flows", model->y.fiscal_flow, model->n_years);
  add_number (b, "outlays_pv", r->fiscal_outlay_pv);
  add_number (b, "receipts_pv", r->fiscal_receipts_pv);
  add_number (b, "public_assets", r->public_assets_total);
  add_number (b, "institute_contribution", r->institute_total);
  add_state_items (b, model);
  json_builder_end_object (b);

  add_sharing (b, model);

  json_builder_set_member_name (b, "economic");
  json_builder_begin_object (b);
  add_number (b, "enpv", r->enpv);
  add_irr (b, "eirr", &r->eirr);
  add_number (b, "bcr", r->ebcr);
  add_series (b, "flows", model->y.economic_flow, model->n_years);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "rd_risk");
  if (rules != NULL && kt_rd_expected (data, rules, &rd))
    {
      json_builder_begin_object (b);
      add_number (b, "success_probability", rd.probability);
      add_number (b, "sunk_cost", rd.sunk_cost);
      add_number (b, "state_compensation", rd.state_compensation);
      add_number (b, "fiscal_npv_success", rd.fiscal_npv_success);
      add_number (b, "fiscal_npv_failure", rd.fiscal_npv_failure);
      add_number (b, "fiscal_npv_expected", rd.fiscal_npv_expected);
      add_number (b, "equity_npv_success", rd.equity_npv_success);
      add_number (b, "equity_npv_failure", rd.equity_npv_failure);
      add_number (b, "equity_npv_expected", rd.equity_npv_expected);
      add_number (b, "project_npv_expected", rd.project_npv_expected);
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);

  kt_vfm_compute (model, data, &vfm);
  json_builder_set_member_name (b, "vfm");
  json_builder_begin_object (b);
  add_number (b, "psc", vfm.psc);
  add_number (b, "ppp_cost", vfm.ppp_cost);
  add_number (b, "vfm", vfm.vfm);
  add_number (b, "psc_capex", vfm.psc_capex);
  add_number (b, "psc_replacement", vfm.psc_replacement);
  add_number (b, "psc_opex", vfm.psc_opex);
  add_number (b, "psc_transferred_risks", vfm.psc_transferred_risks);
  add_number (b, "psc_revenue", vfm.psc_revenue);
  add_number (b, "psc_residual", vfm.psc_residual);
  add_number (b, "ppp_net_fiscal_cost", vfm.ppp_net_fiscal_cost);
  add_number (b, "ppp_retained_risks", vfm.ppp_retained_risks);
  add_number (b, "public_assets", vfm.public_assets);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "checks");
  json_builder_begin_array (b);
  for (guint i = 0; i < checks->len; i++)
    {
      const CheckLine *c = &g_array_index (checks, CheckLine, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "severity");
      json_builder_add_string_value (b, c->severity);
      json_builder_set_member_name (b, "code");
      json_builder_add_string_value (b, c->code);
      json_builder_set_member_name (b, "where");
      json_builder_add_string_value (b, c->where);
      json_builder_set_member_name (b, "year");
      if (c->year > 0)
        json_builder_add_int_value (b, c->year);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "message");
      json_builder_add_string_value (b, c->message);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/* ---- readable output ---- */

typedef struct {
  KtLang      lang;
  KtMoneyUnit unit;
} Style;

static KtMoneyUnit
unit_for (double magnitude)
{
  magnitude = fabs (magnitude);
  if (magnitude >= 1e10)
    return KT_MONEY_BILLION;
  if (magnitude >= 1e7)
    return KT_MONEY_MILLION;
  return KT_MONEY_DONG;
}

static void
print_line (const char *label,
            const char *value)
{
  /* Labels are UTF-8: pad by characters, not bytes. */
  long pad = 34 - (long) g_utf8_strlen (label, -1);

  printf ("  %s%*s %s\n", label, (int) MAX (pad, 1), "", value);
}

static void
print_money (const Style *s,
             const char  *label,
             double       vnd)
{
  g_autofree char *text = kt_format_money (vnd, s->unit, TRUE, s->lang);

  print_line (label, text);
}

static void
print_percent (const Style *s,
               const char  *label,
               double       fraction)
{
  g_autofree char *text = kt_format_percent (fraction, 2, s->lang);

  print_line (label, text);
}

static void
print_ratio (const Style *s,
             const char  *label,
             double       value)
{
  g_autofree char *text = kt_format_number (value, 2, s->lang);

  print_line (label, text);
}

static void
print_years (const Style *s,
             const char  *label,
             double       years)
{
  g_autofree char *text = kt_format_years (years, s->lang);

  print_line (label, text);
}

static void
print_irr (const Style       *s,
           const char        *label,
           const KtIrrResult *irr)
{
  g_autoptr (GString) text = g_string_new (NULL);

  if (irr->status == KT_IRR_NONE)
    g_string_append (text, _("no IRR"));
  else
    {
      g_autofree char *value = kt_format_percent (irr->irr, 2, s->lang);

      g_string_append (text, value);
    }
  if (irr->status == KT_IRR_MULTIPLE)
    {
      g_string_append_printf (text, " (%s:", _("multiple IRRs"));
      for (int i = 0; i < irr->n_roots; i++)
        {
          g_autofree char *root = kt_format_percent (irr->roots[i], 2, s->lang);

          g_string_append_printf (text, "%s %s", i > 0 ? ";" : "", root);
        }
      g_string_append (text, ")");
    }
  print_line (label, text->str);
}

static void
print_year_of (const char    *label,
               const KtModel *model,
               int            index)
{
  g_autofree char *text = index >= 0 ? g_strdup_printf ("%d", model->start_year + index)
                                     : g_strdup ("—");

  print_line (label, text);
}

static void
print_human (const KtModel       *model,
             const KtProjectData *data,
             GArray              *checks)
{
  const KtModelResults *r = &model->r;
  double size = MAX (r->total_investment, model->y.revenue[model->n_years - 1]);
  Style s = { kt_lang_current (), unit_for (size) };
  const char *name = kt_text_get (&data->name, kt_lang_code (s.lang));

  printf ("%s\n", name != NULL && *name ? name : _("(untitled project)"));
  printf (_("%d–%d: %d construction and %d operation years\n"), model->start_year,
          model->start_year + model->n_years - 1, model->construction_years,
          model->operation_years);

  printf ("\n%s\n", _("Investment"));
  print_money (&s, _("Total investment"), r->total_investment);
  print_money (&s, _("Capex"), r->capex_total);
  print_money (&s, _("Contingency"), r->contingency_total);
  print_money (&s, _("Import duty"), r->duty_total);
  print_money (&s, _("Interest during construction"), r->idc_total);
  print_money (&s, _("Financing fees"), r->fees_total);
  print_money (&s, _("State capital support"), r->support_total);
  print_money (&s, _("Investor equity"), r->equity_total);
  print_money (&s, _("Loans"), r->debt_total);

  printf ("\n%s\n", model->real ? _("Project (real terms)") : _("Project"));
  print_money (&s, _("NPV at WACC"), r->project_npv);
  print_irr (&s, _("FIRR"), &r->project_irr);
  print_percent (&s, _("MIRR"), r->project_mirr);
  print_years (&s, _("Payback"), r->payback);
  print_years (&s, _("Discounted payback"), r->discounted_payback);
  print_ratio (&s, _("B/C"), r->bcr);
  print_percent (&s, _("Break-even volume"), r->break_even_volume);

  printf ("\n%s\n", _("Equity"));
  print_money (&s, _("NPV at the cost of equity"), r->equity_npv);
  print_irr (&s, _("Equity IRR"), &r->equity_irr);
  print_percent (&s, _("Equity MIRR"), r->equity_mirr);

  printf ("\n%s\n", _("Debt"));
  print_ratio (&s, _("Minimum DSCR"), r->dscr_min);
  print_year_of (_("Year of the minimum"), model, r->dscr_min_year);
  print_ratio (&s, _("Average DSCR"), r->dscr_avg);
  print_ratio (&s, _("LLCR"), r->llcr);

  printf ("\n%s\n", _("State"));
  print_money (&s, _("Fiscal NPV at the social rate"), r->fiscal_npv);
  print_money (&s, _("Peak annual commitment"), r->peak_commitment);
  print_year_of (_("Year of the peak"), model, r->peak_commitment_year);
  {
    KtVfm vfm;

    kt_vfm_compute (model, data, &vfm);
    print_money (&s, _("Public sector comparator (PV)"), vfm.psc);
    print_money (&s, _("PPP cost to the state (PV)"), vfm.ppp_cost);
    print_money (&s, _("Value for money"), vfm.vfm);
  }

  printf ("\n%s\n", _("Economic"));
  print_money (&s, _("ENPV"), r->enpv);
  print_irr (&s, _("EIRR"), &r->eirr);
  print_ratio (&s, _("Economic B/C"), r->ebcr);

  printf ("\n%s\n", _("Checks"));
  for (guint i = 0; i < checks->len; i++)
    {
      const CheckLine *c = &g_array_index (checks, CheckLine, i);

      printf ("  [%s] %s: %s%s%s%s\n", c->severity, c->code, c->message,
              *c->where ? " (" : "", c->where, *c->where ? ")" : "");
    }
}

/* ---- tables ---- */

static void
print_csv_text (const char *text)
{
  putchar ('"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        putchar ('"');
      putchar (*p);
    }
  putchar ('"');
}

static void
print_table_csv (const KtModelTable *table)
{
  printf ("key,label");
  for (int t = 0; t < table->n_years; t++)
    printf (",%d", table->start_year + t);
  putchar ('\n');
  for (guint i = 0; i < table->rows->len; i++)
    {
      const KtModelRow *row = table->rows->pdata[i];

      printf ("%s,", row->key);
      print_csv_text (row->label);
      for (int t = 0; t < table->n_years; t++)
        {
          char buffer[G_ASCII_DTOSTR_BUF_SIZE];

          /* Full precision and '.' whatever the locale; empty for none. */
          putchar (',');
          if (isfinite (row->values[t]))
            fputs (g_ascii_dtostr (buffer, sizeof buffer, row->values[t]), stdout);
        }
      putchar ('\n');
    }
}

static char *
format_cell (const KtModelRow *row,
             double            value,
             KtMoneyUnit       unit,
             KtLang            lang)
{
  switch (row->kind)
    {
    case KT_MODEL_ROW_RATE:
      return kt_format_percent (value, 2, lang);
    case KT_MODEL_ROW_RATIO:
      return kt_format_number (value, 3, lang);
    case KT_MODEL_ROW_MONEY:
    default:
      return kt_format_money (value, unit, FALSE, lang);
    }
}

static void
print_table_readable (const KtModelTable *table)
{
  KtLang lang = kt_lang_current ();
  double largest = 0;
  long width = 0;
  KtMoneyUnit unit;
  const char *unit_name;

  for (guint i = 0; i < table->rows->len; i++)
    {
      const KtModelRow *row = table->rows->pdata[i];

      width = MAX (width, (long) g_utf8_strlen (row->label, -1));
      for (int t = 0; row->kind == KT_MODEL_ROW_MONEY && t < table->n_years; t++)
        if (isfinite (row->values[t]))
          largest = MAX (largest, fabs (row->values[t]));
    }
  unit = unit_for (largest);
  unit_name = unit == KT_MONEY_BILLION ? _("billion ₫") : unit == KT_MONEY_MILLION ? _("million ₫")
                                                                                   : _("₫");
  printf ("%s (%s)\n", table->title, unit_name);
  printf ("%*s", (int) width, "");
  for (int t = 0; t < table->n_years; t++)
    printf (" %14d", table->start_year + t);
  putchar ('\n');
  for (guint i = 0; i < table->rows->len; i++)
    {
      const KtModelRow *row = table->rows->pdata[i];
      long pad = width - (long) g_utf8_strlen (row->label, -1);

      printf ("%s%*s", row->label, (int) MAX (pad, 0), "");
      for (int t = 0; t < table->n_years; t++)
        {
          g_autofree char *cell = format_cell (row, row->values[t], unit, lang);
          long cell_pad = 14 - (long) g_utf8_strlen (cell, -1);

          printf (" %*s%s", (int) MAX (cell_pad, 0), "", cell);
        }
      putchar ('\n');
    }
}

int
kt_cli_compute (int    argc,
                char **argv)
{
  gboolean json = FALSE, csv = FALSE;
  g_autofree char *table_name = NULL;
  g_autofree char *names = g_strjoinv (", ", (char **) kt_model_table_names ());
  g_autofree char *table_help = g_strdup_printf (_("Print one statement year by year: %s"), names);
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print indicators and checks as JSON"), NULL },
    { "table", 0, 0, G_OPTION_ARG_STRING, &table_name, table_help, N_("NAME") },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv,
      N_("With --table: comma-separated values, full precision"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  /* The validator repeats the rule set's problems with the document's. */
  g_autoptr (GPtrArray) rule_problems = kt_problems_new ();
  g_autoptr (GPtrArray) engine = kt_problems_new ();
  g_autoptr (GPtrArray) validation = NULL;
  g_autoptr (KtRuleSet) set = NULL;
  g_autoptr (KtProject) project = NULL;
  g_autoptr (KtModel) model = NULL;
  g_autoptr (GArray) checks = NULL;
  const KtProjectData *data;
  KtRules rules;

  context = g_option_context_new (_("FILE — compute statements and indicators"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Exit status: 0 when every check passed or only warned, 1 when a check found an error,\n"
      "2 for usage or I/O errors."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return kt_cli_usage_error ("compute", "%s", error->message);
  if (argc != 2)
    return kt_cli_usage_error ("compute", "%s", _("give exactly one project file"));
  if (csv && table_name == NULL)
    return kt_cli_usage_error ("compute", "%s", _("--csv goes with --table"));

  project = kt_cli_load_for_model ("compute", argv[1], &set, &rules, rule_problems);
  if (project == NULL)
    return KT_CLI_USAGE;
  data = kt_project_get_data (project);
  model = kt_model_new (data, 0);
  if (!kt_model_evaluate (model, data, &rules, NULL))
    {
      g_printerr ("khathi-cli compute: %s\n", _("the project has no year to compute"));
      return KT_CLI_INVALID;
    }

  if (table_name != NULL)
    {
      g_autoptr (KtModelTable) table = kt_model_table_new (model, data, table_name);

      if (table == NULL)
        return kt_cli_usage_error ("compute", _("unknown table “%s”; one of: %s"), table_name,
                                   names);
      if (csv)
        print_table_csv (table);
      else
        print_table_readable (table);
      return KT_CLI_OK;
    }

  kt_model_append_problems (model, data, engine);
  validation = kt_project_validate (project, set);
  checks = collect_checks (model, engine, validation);
  if (json)
    {
      g_autofree char *text = to_json (model, data, &rules, checks);

      printf ("%s\n", text);
    }
  else
    print_human (model, data, checks);

  for (guint i = 0; i < checks->len; i++)
    if (strcmp (g_array_index (checks, CheckLine, i).severity, "error") == 0)
      return KT_CLI_INVALID;
  return KT_CLI_OK;
}
