/* kt-model-checks.c — the checks the engine reports, never silently fixes (MODEL.md §12)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kt-format.h"
#include "kt-model-private.h"

typedef struct {
  const char *code;         /* stable: scripts match it */
  KtSeverity  severity;
  const char *description;  /* N_() */
} CheckInfo;

static const CheckInfo checks[KT_N_CHECKS] = {
  [KT_CHECK_SOURCES_USES] = { "sources_uses", KT_SEVERITY_ERROR,
                              N_("Sources of funds equal uses in every year") },
  [KT_CHECK_BALANCE_SHEET] = { "balance_sheet", KT_SEVERITY_ERROR,
                               N_("The balance sheet balances in every year") },
  [KT_CHECK_EQUITY_MINIMUM] = { "equity_below_minimum", KT_SEVERITY_ERROR,
                                N_("Investor equity reaches the legal minimum") },
  [KT_CHECK_STATE_CAP] = { "state_capital_cap", KT_SEVERITY_ERROR,
                           N_("State capital support is within the legal cap") },
  [KT_CHECK_EQUITY_INJECTION] = { "equity_injection", KT_SEVERITY_WARNING,
                                  N_("Cash available for distribution is never negative") },
  [KT_CHECK_DSCR] = { "dscr_below_minimum", KT_SEVERITY_WARNING,
                      N_("DSCR meets the lender's minimum in every year with debt service") },
  [KT_CHECK_SCULPTING_TAU] = { "sculpting_below_target", KT_SEVERITY_WARNING,
                               N_("The sculpting ratio of each sculpted loan reaches "
                                  "its target DSCR") },
  [KT_CHECK_CONTRACT_TERM] = { "duration", KT_SEVERITY_ERROR,
                               N_("The contract term is within the legal limit") },
  [KT_CHECK_LOAN_REPAID] = { "loan_not_repaid", KT_SEVERITY_ERROR,
                             N_("Every loan is repaid within the contract term") },
  [KT_CHECK_DECLINING_BALANCE] = { "declining_balance_category", KT_SEVERITY_WARNING,
                                   N_("Declining-balance depreciation is used on equipment only") },
  [KT_CHECK_LOAN_SHARES] = { "loan_shares", KT_SEVERITY_ERROR,
                             N_("The loans' shares of debt sum to 1") },
  [KT_CHECK_SUPPORT_NEED] = { "support_exceeds_need", KT_SEVERITY_ERROR,
                              N_("State support does not exceed any construction year's need") },
  [KT_CHECK_SCULPTING_CONVERGED] = { "sculpting_not_converged", KT_SEVERITY_WARNING,
                                     N_("Sculpted loan schedules converged") },
  [KT_CHECK_DEBT_WITHOUT_CONSTRUCTION] = { "loans_without_construction", KT_SEVERITY_WARNING,
                                           N_("No loan is given for a project without "
                                              "construction years") },
  [KT_CHECK_BT_TERM] = { "bt_operation_years", KT_SEVERITY_WARNING,
                         N_("A BT project is modelled with one operation year") },
  [KT_CHECK_BAND_RANGE] = { "band_out_of_range", KT_SEVERITY_ERROR,
                            N_("The revenue-sharing thresholds are within the negotiable "
                               "ranges of the rule set") },
  [KT_CHECK_SHARING_FORM] = { "band_not_allowed", KT_SEVERITY_WARNING,
                              N_("Revenue sharing is only used on the sides the contract form "
                                 "allows") },
  [KT_CHECK_OM_CONSTRUCTION] = { "om_construction", KT_SEVERITY_WARNING,
                                 N_("An O&M project has no construction years") },
  [KT_CHECK_THREE_PARTY_SHARES] = { "three_party_shares", KT_SEVERITY_ERROR,
                                    N_("The three parties' funding shares sum to 1") },
};

const char *
kt_check_code (KtCheck check)
{
  g_return_val_if_fail (check < KT_N_CHECKS, NULL);
  return checks[check].code;
}

KtSeverity
kt_check_severity (KtCheck check)
{
  g_return_val_if_fail (check < KT_N_CHECKS, KT_SEVERITY_ERROR);
  return checks[check].severity;
}

const char *
kt_check_description (KtCheck check)
{
  g_return_val_if_fail (check < KT_N_CHECKS, NULL);
  return _(checks[check].description);
}

gboolean
kt_model_check_passed (const KtModel *model,
                       KtCheck        check)
{
  g_return_val_if_fail (check < KT_N_CHECKS, FALSE);
  if (!model->check_run[check])
    return FALSE;
  for (int i = 0; i < model->n_findings; i++)
    if (model->findings[i].check == check)
      return FALSE;
  return TRUE;
}

/* NAN compares false, so a non-finite figure fails every check. */
static gboolean
close_enough (double a,
              double b)
{
  return fabs (a - b) <= kt_model_tolerance (MAX (fabs (a), fabs (b)));
}

static void
check_years (KtModel *model)
{
  const KtModelYears *y = &model->y;
  int n_before;

  model->check_run[KT_CHECK_SOURCES_USES] = TRUE;
  n_before = model->n_findings;
  for (int t = 0; t < model->n_years; t++)
    if (!close_enough (y->sources[t], y->uses[t]))
      kt_model_add_finding (model, KT_CHECK_SOURCES_USES, -1, t, y->sources[t], y->uses[t]);
  model->r.sources_uses_ok = model->n_findings == n_before;

  /* The balance sheet assumes nil cash: a cash flow that does not sum to 0
   * unbalances it as surely as a wrong line. */
  model->check_run[KT_CHECK_BALANCE_SHEET] = TRUE;
  n_before = model->n_findings;
  for (int t = 0; t < model->n_years; t++)
    {
      double scale = MAX (fabs (y->total_assets[t]), fabs (y->total_liabilities[t]));

      if (!close_enough (y->total_assets[t], y->total_liabilities[t]))
        kt_model_add_finding (model, KT_CHECK_BALANCE_SHEET, -1, t, y->bs_difference[t], 0.0);
      else if (!(fabs (y->net_cash[t]) <= kt_model_tolerance (scale)))
        kt_model_add_finding (model, KT_CHECK_BALANCE_SHEET, -1, t, y->net_cash[t], 0.0);
    }
  model->r.balance_ok = model->n_findings == n_before;

  model->check_run[KT_CHECK_EQUITY_INJECTION] = TRUE;
  for (int t = model->construction_years; t < model->n_years; t++)
    if (y->distributions[t] < -kt_model_tolerance (MAX (fabs (y->cfads[t]), y->debt_service[t])))
      kt_model_add_finding (model, KT_CHECK_EQUITY_INJECTION, -1, t, y->distributions[t], 0.0);
}

static void
check_funding (KtModel             *model,
               const KtProjectData *data,
               const KtRules       *rules)
{
  const KtModelResults *r = &model->r;
  const KtModelYears *y = &model->y;
  double ti = r->total_investment;

  if (model->construction_years == 0 || !(ti > 0.0))
    return;

  /* §6: equity must reach the legal minimum; the base may exclude state capital. */
  model->check_run[KT_CHECK_EQUITY_MINIMUM] = TRUE;
  {
    double base = ti - (rules->min_equity_base_excludes_state ? r->support_total : 0.0);
    double required = rules->min_equity_share * base;

    if (r->equity_total < required - kt_model_tolerance (required))
      kt_model_add_finding (model, KT_CHECK_EQUITY_MINIMUM, -1, -1, r->equity_total, required);
  }

  /* §6: the cap applies to construction support only.  Ordering and
   * sponsorship grants (Decree 180 Ch. IV) are not PPP state capital: the
   * engine models them as a support schedule by milestone (construction)
   * and state payments (operation), outside the cap. */
  model->check_run[KT_CHECK_STATE_CAP] = data->form != KT_FORM_ORDERING;
  if (data->form != KT_FORM_ORDERING)
    {
      double cap = (data->st_project ? rules->state_capital_cap_st : rules->state_capital_cap)
                   * ti;

      if (r->support_total > cap + kt_model_tolerance (cap))
        kt_model_add_finding (model, KT_CHECK_STATE_CAP, -1, -1, r->support_total, cap);
    }

  if (data->support_mode != KT_SUPPORT_NONE)
    {
      model->check_run[KT_CHECK_SUPPORT_NEED] = TRUE;
      for (int t = 0; t < model->construction_years; t++)
        if (y->support[t] > y->need[t] + kt_model_tolerance (y->need[t]))
          kt_model_add_finding (model, KT_CHECK_SUPPORT_NEED, -1, t, y->support[t], y->need[t]);
    }

  if (model->priv->debt_need > kt_model_tolerance (ti) || data->loans->len > 0)
    {
      double sum = 0.0;

      model->check_run[KT_CHECK_LOAN_SHARES] = TRUE;
      for (guint j = 0; j < data->loans->len; j++)
        sum += g_array_index (data->loans, KtLoan, j).share_of_debt;
      if (fabs (sum - 1.0) > 1e-9)
        kt_model_add_finding (model, KT_CHECK_LOAN_SHARES, -1, -1, sum, 1.0);
    }
}

static void
check_loans (KtModel             *model,
             const KtProjectData *data)
{
  int last = model->n_years - 1;
  gboolean sculpted = FALSE;

  if (data->min_dscr > 0.0)
    {
      model->check_run[KT_CHECK_DSCR] = TRUE;
      for (int t = 0; t < model->n_years; t++)
        if (isfinite (model->y.dscr[t]) && model->y.dscr[t] < data->min_dscr)
          kt_model_add_finding (model, KT_CHECK_DSCR, -1, t, model->y.dscr[t], data->min_dscr);
    }

  for (int j = 0; j < model->n_loans; j++)
    {
      const KtLoan *loan = &g_array_index (data->loans, KtLoan, j);
      const KtModelLoan *ml = &model->loans[j];

      if (!(ml->cod_balance > 0.0))
        continue;
      model->check_run[KT_CHECK_LOAN_REPAID] = TRUE;
      if (ml->maturity > last || ml->balance[last] > kt_model_tolerance (ml->cod_balance))
        kt_model_add_finding (model, KT_CHECK_LOAN_REPAID, j, MIN (ml->maturity, last),
                              ml->balance[last], 0.0);
      if (loan->repayment == KT_REPAYMENT_SCULPTED)
        {
          sculpted = TRUE;
          model->check_run[KT_CHECK_SCULPTING_TAU] = TRUE;
          if (!(ml->tau >= loan->target_dscr))
            kt_model_add_finding (model, KT_CHECK_SCULPTING_TAU, j, -1, ml->tau,
                                  loan->target_dscr);
        }
    }
  if (sculpted)
    {
      model->check_run[KT_CHECK_SCULPTING_CONVERGED] = TRUE;
      if (!model->priv->sculpt_converged)
        kt_model_add_finding (model, KT_CHECK_SCULPTING_CONVERGED, -1, -1,
                              model->r.sculpt_iterations, 0.0);
    }
}

static void
check_document (KtModel             *model,
                const KtProjectData *data,
                const KtRules       *rules)
{
  guint n_capex = data->capex->len;

  if (rules->max_duration_years > 0)
    {
      model->check_run[KT_CHECK_CONTRACT_TERM] = TRUE;
      if (model->n_years > rules->max_duration_years)
        kt_model_add_finding (model, KT_CHECK_CONTRACT_TERM, -1, -1, model->n_years,
                              rules->max_duration_years);
    }

  /* §4: declining balance is for equipment. */
  model->check_run[KT_CHECK_DECLINING_BALANCE] = TRUE;
  for (guint l = 0; l < n_capex; l++)
    {
      const KtCapexLine *line = &g_array_index (data->capex, KtCapexLine, l);

      if (line->method == KT_DEPRECIATION_DECLINING_BALANCE && line->category != KT_CAPEX_EQUIPMENT)
        kt_model_add_finding (model, KT_CHECK_DECLINING_BALANCE, (int) l, -1, 0.0, 0.0);
    }
  for (guint r = 0; r < data->replacements->len; r++)
    {
      const KtReplacement *rep = &g_array_index (data->replacements, KtReplacement, r);

      if (rep->method == KT_DEPRECIATION_DECLINING_BALANCE && rep->category != KT_CAPEX_EQUIPMENT)
        kt_model_add_finding (model, KT_CHECK_DECLINING_BALANCE, (int) (n_capex + r), -1, 0.0, 0.0);
    }

  /* §3: debt of projects with C = 0 is not modelled. */
  if (data->construction_years == 0)
    {
      model->check_run[KT_CHECK_DEBT_WITHOUT_CONSTRUCTION] = TRUE;
      if (data->loans->len > 0)
        kt_model_add_finding (model, KT_CHECK_DEBT_WITHOUT_CONSTRUCTION, -1, -1,
                              data->loans->len, 0.0);
    }

  if (data->form == KT_FORM_BT)
    {
      model->check_run[KT_CHECK_BT_TERM] = TRUE;
      if (model->operation_years != 1)
        kt_model_add_finding (model, KT_CHECK_BT_TERM, -1, -1, model->operation_years, 1.0);
    }

  /* §9: thresholds within the rule set's negotiable ranges (Law 90/2025);
   * index 0 = L, 1 = U. */
  if (data->sharing.band_enabled)
    {
      const KtRiskSharing *sh = &data->sharing;
      int form = CLAMP ((int) data->form, 0, KT_N_FORMS - 1);

      model->check_run[KT_CHECK_BAND_RANGE] = TRUE;
      if (sh->lower < rules->band_lower_min - 1e-12 || sh->lower > rules->band_lower_max + 1e-12)
        kt_model_add_finding (model, KT_CHECK_BAND_RANGE, 0, -1, sh->lower,
                              sh->lower < rules->band_lower_min ? rules->band_lower_min
                                                                : rules->band_lower_max);
      if (sh->upper < rules->band_upper_min - 1e-12 || sh->upper > rules->band_upper_max + 1e-12)
        kt_model_add_finding (model, KT_CHECK_BAND_RANGE, 1, -1, sh->upper,
                              sh->upper < rules->band_upper_min ? rules->band_upper_min
                                                                : rules->band_upper_max);
      /* index 0 = downside, 1 = upside asked for but not allowed */
      model->check_run[KT_CHECK_SHARING_FORM] = TRUE;
      if (sh->share_down > 0.0 && !rules->downside_allowed[form])
        kt_model_add_finding (model, KT_CHECK_SHARING_FORM, 0, -1, sh->share_down, 0.0);
      if (sh->share_up > 0.0 && !rules->upside_allowed[form])
        kt_model_add_finding (model, KT_CHECK_SHARING_FORM, 1, -1, sh->share_up, 0.0);
    }

  if (data->form == KT_FORM_OM)
    {
      model->check_run[KT_CHECK_OM_CONSTRUCTION] = TRUE;
      if (data->construction_years > 0)
        kt_model_add_finding (model, KT_CHECK_OM_CONSTRUCTION, -1, -1,
                              data->construction_years, 0.0);
    }

  if (data->form == KT_FORM_THREE_PARTY)
    {
      const KtFormTerms *terms = &data->terms;
      double sum = terms->three_party_state + terms->three_party_enterprise
                   + terms->three_party_institute;

      model->check_run[KT_CHECK_THREE_PARTY_SHARES] = TRUE;
      if (fabs (sum - 1.0) > 1e-9)
        kt_model_add_finding (model, KT_CHECK_THREE_PARTY_SHARES, -1, -1, sum, 1.0);
    }
}

void
kt_model_run_checks (KtModel             *model,
                     const KtProjectData *data,
                     const KtRules       *rules)
{
  g_return_if_fail (model != NULL && data != NULL && rules != NULL);

  model->n_findings = 0;
  model->n_findings_dropped = 0;
  memset (model->check_run, 0, sizeof model->check_run);
  if (model->n_years < 1)
    return;
  check_years (model);
  check_funding (model, data, rules);
  check_loans (model, data);
  check_document (model, data, rules);
}

static char *
money (double vnd)
{
  return kt_format_money (vnd, KT_MONEY_DONG, TRUE, kt_lang_current ());
}

static char *
number (double value)
{
  return kt_format_number (value, 2, kt_lang_current ());
}

static const char *
loan_name (const KtProjectData *data,
           int                  j)
{
  const char *name = g_array_index (data->loans, KtLoan, j).name;

  return name != NULL && *name ? name : "—";
}

static void
append_problem (const KtModel       *model,
                const KtProjectData *data,
                const KtFinding     *f,
                GPtrArray           *problems)
{
  KtSeverity severity = checks[f->check].severity;
  const char *code = checks[f->check].code;
  int year = f->year >= 0 ? model->start_year + f->year : 0;
  guint n_capex = data->capex->len;
  g_autofree char *where = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  switch (f->check)
    {
    case KT_CHECK_SOURCES_USES:
      a = money (f->value), b = money (f->limit);
      kt_problems_add (problems, severity, code, "financing", year,
                       _("Sources of funds (%s) differ from uses (%s) in %d."), a, b, year);
      break;
    case KT_CHECK_BALANCE_SHEET:
      a = money (f->value);
      kt_problems_add (problems, severity, code, "", year,
                       _("The balance sheet does not balance in %d: difference %s."), year, a);
      break;
    case KT_CHECK_EQUITY_MINIMUM:
      a = money (f->value), b = money (f->limit);
      kt_problems_add (problems, severity, code, "financing/equity-share", 0,
                       _("Investor equity of %s is below the legal minimum of %s."), a, b);
      break;
    case KT_CHECK_STATE_CAP:
      a = money (f->value), b = money (f->limit);
      kt_problems_add (problems, severity, code,
                       data->support_mode == KT_SUPPORT_SCHEDULE ? "financing/support-schedule"
                                                                 : "financing/support-share",
                       0, _("State capital support of %s is above the legal cap of %s."), a, b);
      break;
    case KT_CHECK_EQUITY_INJECTION:
      a = money (-f->value);
      kt_problems_add (problems, severity, code, "", year,
                       _("Cash available for distribution is negative in %d: "
                         "the investor must inject %s."),
                       year, a);
      break;
    case KT_CHECK_DSCR:
      a = number (f->value), b = number (f->limit);
      kt_problems_add (problems, severity, code, "rates/min-dscr", year,
                       _("DSCR of %s in %d is below the lender's minimum of %s."), a, year, b);
      break;
    case KT_CHECK_SCULPTING_TAU:
      a = number (f->value), b = number (f->limit);
      where = g_strdup_printf ("financing/loans/%d/target-dscr", f->index + 1);
      kt_problems_add (problems, severity, code, where, 0,
                       _("Loan “%s”: the sculpting ratio τ = %s is below the target DSCR of %s."),
                       loan_name (data, f->index), a, b);
      break;
    case KT_CHECK_CONTRACT_TERM:
      kt_problems_add (problems, severity, code, "timeline/operation-years", 0,
                       _("The contract runs %d years, beyond the legal limit of %d years."),
                       (int) f->value, (int) f->limit);
      break;
    case KT_CHECK_LOAN_REPAID:
      a = money (f->value);
      where = g_strdup_printf ("financing/loans/%d/tenor-years", f->index + 1);
      kt_problems_add (problems, severity, code, where, year,
                       _("Loan “%s” is not repaid within the contract term "
                         "(%s outstanding at the end)."),
                       loan_name (data, f->index), a);
      break;
    case KT_CHECK_DECLINING_BALANCE:
      if ((guint) f->index < n_capex)
        where = g_strdup_printf ("investment/capex/%d/method", f->index + 1);
      else
        where = g_strdup_printf ("investment/replacements/%d/method", f->index - (int) n_capex + 1);
      kt_problems_add (problems, severity, code, where, 0,
                       _("Declining-balance depreciation is meant for equipment only."));
      break;
    case KT_CHECK_LOAN_SHARES:
      a = number (f->value);
      kt_problems_add (problems, severity, code, "financing/loans", 0,
                       _("The loans' shares of debt sum to %s instead of 1."), a);
      break;
    case KT_CHECK_SUPPORT_NEED:
      a = money (f->value), b = money (f->limit);
      kt_problems_add (problems, severity, code, "financing/support-schedule", year,
                       _("State support of %s in %d exceeds that year's need of %s."), a, year, b);
      break;
    case KT_CHECK_SCULPTING_CONVERGED:
      kt_problems_add (problems, severity, code, "financing/loans", 0,
                       _("Sculpted schedules did not settle after %d iterations."), (int) f->value);
      break;
    case KT_CHECK_DEBT_WITHOUT_CONSTRUCTION:
      kt_problems_add (problems, severity, code, "financing/loans", 0,
                       _("Loans of a project without construction years are not modelled "
                         "and are ignored."));
      break;
    case KT_CHECK_BT_TERM:
      kt_problems_add (problems, severity, code, "timeline/operation-years", 0,
                       _("A BT project is modelled with one operation year, not %d."),
                       (int) f->value);
      break;
    case KT_CHECK_BAND_RANGE:
      a = number (f->value), b = number (f->limit);
      if (f->index == 0)
        kt_problems_add (problems, severity, code, "sharing/lower", 0,
                         _("The downside threshold %s is outside the negotiable range "
                           "(nearest limit %s)."), a, b);
      else
        kt_problems_add (problems, severity, code, "sharing/upper", 0,
                         _("The upside threshold %s is outside the negotiable range "
                           "(nearest limit %s)."), a, b);
      break;
    case KT_CHECK_SHARING_FORM:
      if (f->index == 0)
        kt_problems_add (problems, severity, code, "sharing/share-down", 0,
                         _("The contract form does not allow downside revenue sharing; "
                           "the state's share is ignored."));
      else
        kt_problems_add (problems, severity, code, "sharing/share-up", 0,
                         _("The contract form does not allow upside revenue sharing; "
                           "the investor's share is ignored."));
      break;
    case KT_CHECK_OM_CONSTRUCTION:
      kt_problems_add (problems, severity, code, "timeline/construction-years", 0,
                       _("An O&M contract has no construction; %d construction years "
                         "are given."), (int) f->value);
      break;
    case KT_CHECK_THREE_PARTY_SHARES:
      a = number (f->value);
      kt_problems_add (problems, severity, code, "terms", 0,
                       _("The three parties' funding shares sum to %s, not 1."), a);
      break;
    case KT_N_CHECKS:
    default:
      g_assert_not_reached ();
    }
}

void
kt_model_append_problems (const KtModel       *model,
                          const KtProjectData *data,
                          GPtrArray           *problems)
{
  g_return_if_fail (model != NULL && data != NULL && problems != NULL);

  for (int i = 0; i < model->n_findings; i++)
    append_problem (model, data, &model->findings[i], problems);
  if (model->n_findings_dropped > 0)
    kt_problems_add (problems, KT_SEVERITY_WARNING, "checks_truncated", "", 0,
                     _("%d more findings were not recorded."), model->n_findings_dropped);
}
