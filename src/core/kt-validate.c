/* kt-validate.c — the validation pass over a project document
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Checks what can be known without computing: ranges, required text,
 * consistent lengths and references.  Nothing is fixed silently.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kt-correlation.h"
#include "kt-format.h"
#include "kt-problem.h"
#include "kt-risk.h"
#include "kt-schema.h"
#include "kt-validate.h"

typedef struct {
  GPtrArray           *problems;
  const KtProjectData *d;
  const KtRules       *rules;    /* NULL when the rule set could not be loaded */
} Validator;

#define ERR(v, code, where, ...) kt_problems_add ((v)->problems, KT_SEVERITY_ERROR, code, where, 0, __VA_ARGS__)
#define WARN(v, code, where, ...) kt_problems_add ((v)->problems, KT_SEVERITY_WARNING, code, where, 0, __VA_ARGS__)

/* ---- numbers in messages: the UI's convention (DOMAIN.md §9) ---- */

/* The decimals %g keeps (10 significant digits), never an exponent. */
char *
kt_validate_format_number (double x)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  const char *dot, *e;
  int frac = 0, exp = 0;

  g_ascii_formatd (buf, sizeof buf, "%.10g", x);
  e = strchr (buf, 'e');
  dot = strchr (buf, '.');
  if (e != NULL)
    exp = atoi (e + 1);
  if (dot != NULL)
    frac = (int) ((e != NULL ? e : buf + strlen (buf)) - dot - 1);
  return kt_format_number (x, CLAMP (frac - exp, 0, 15), kt_lang_current ());
}

static char *
percent_text (double fraction)
{
  return kt_format_percent (fraction, 4, kt_lang_current ());
}

/* A value of `f` as the editor shows it: rates and shares as percentages,
 * money in đồng, calendar years without grouping. */
static char *
field_value_text (const KtFieldDesc *f,
                  double             x)
{
  switch (f->unit)
    {
    case KT_UNIT_RATE:
    case KT_UNIT_SHARE:
      return percent_text (x);
    case KT_UNIT_VND:
      return kt_format_money (x, KT_MONEY_DONG, TRUE, kt_lang_current ());
    case KT_UNIT_YEAR:
      return isfinite (x) ? g_strdup_printf ("%.0f", x) : g_strdup (KT_FORMAT_NO_VALUE);
    default:
      return kt_validate_format_number (x);
    }
}

/* "Label is X; allowed MIN … MAX" (`index` 0) or "Label: value INDEX is X; …". */
static void
out_of_range (Validator         *v,
              const KtFieldDesc *f,
              const char        *where,
              guint              index,
              double             x)
{
  g_autofree char *value = field_value_text (f, x);
  g_autofree char *lo = field_value_text (f, f->min);
  g_autofree char *hi = field_value_text (f, f->max);

  if (index == 0)
    ERR (v, "out_of_range", where, _("%s is %s; allowed %s … %s"), _(f->label), value, lo, hi);
  else
    ERR (v, "out_of_range", where, _("%s: value %u is %s; allowed %s … %s"),
         _(f->label), index, value, lo, hi);
}

/* ---- generic: ranges and required text, from the schema ---- */

static void check_record (Validator *v, const KtRecordDesc *desc, gconstpointer base, const char *path);

static void
check_field (Validator         *v,
             const KtFieldDesc *f,
             gconstpointer      base,
             const char        *path)
{
  gconstpointer p = (const char *) base + f->offset;
  g_autofree char *where = *path ? g_strdup_printf ("%s/%s", path, f->name) : g_strdup (f->name);
  const char *label = _(f->label);

  /* An absent optional value (a figure the proposer did not claim) is not an error. */
  if (!kt_field_present (f, base))
    return;
  switch (f->type)
    {
    case KT_FT_STRING:
      if ((f->flags & KT_FIELD_REQUIRED) && (*(char * const *) p == NULL || **(char * const *) p == '\0'))
        ERR (v, "required", where, _("%s must not be empty"), label);
      break;
    case KT_FT_DOUBLE:
      {
        double x = *(const double *) p;
        if (!isfinite (x) || x < f->min || x > f->max)
          out_of_range (v, f, where, 0, x);
      }
      break;
    case KT_FT_INT:
      {
        int x = *(const int *) p;
        if (x < f->min || x > f->max)
          out_of_range (v, f, where, 0, x);
      }
      break;
    case KT_FT_DOUBLES:
      {
        GArray *a = *(GArray * const *) p;
        for (guint i = 0; a && i < a->len; i++)
          {
            double x = g_array_index (a, double, i);
            if (!isfinite (x) || x < f->min || x > f->max)
              {
                out_of_range (v, f, where, i + 1, x);
                break;
              }
          }
      }
      break;
    case KT_FT_INTS:
      {
        GArray *a = *(GArray * const *) p;
        for (guint i = 0; a && i < a->len; i++)
          {
            int x = g_array_index (a, int, i);
            if (x < f->min || x > f->max)
              {
                out_of_range (v, f, where, i + 1, x);
                break;
              }
          }
      }
      break;
    case KT_FT_GROUP:
      check_record (v, f->record, base, where);
      break;
    case KT_FT_RECORD:
      check_record (v, f->record, p, where);
      break;
    case KT_FT_LIST:
      {
        GArray *list = *(GArray * const *) p;
        for (guint i = 0; i < list->len; i++)
          {
            g_autofree char *row = g_strdup_printf ("%s/%u", where, i + 1);
            check_record (v, f->record, list->data + (gsize) i * f->record->size, row);
          }
      }
      break;
    default:
      break;
    }
}

static void
check_record (Validator          *v,
              const KtRecordDesc *desc,
              gconstpointer       base,
              const char         *path)
{
  for (int i = 0; i < desc->n_fields; i++)
    check_field (v, &desc->fields[i], base, path);
}

/* ---- specific rules ---- */

static void
check_identity (Validator *v)
{
  const KtProjectData *d = v->d;

  if (d->id == NULL || !g_uuid_string_is_valid (d->id))
    ERR (v, "bad_id", "identity/id", _("The project id “%s” is not a UUID"), d->id ? d->id : "");
  if ((d->name.vi == NULL || !*d->name.vi) && (d->name.en == NULL || !*d->name.en))
    ERR (v, "required", "identity/name", _("The project needs a name in Vietnamese or English"));
  if (d->province == NULL || !*d->province)
    WARN (v, "missing_province", "identity/province", _("The province or city is not given"));
  if (d->currency != NULL && *d->currency && strcmp (d->currency, "VND") != 0)
    WARN (v, "currency", "identity/currency",
          _("Amounts are in %s; the legal thresholds of the rule set are in VND"), d->currency);
  if (d->price_base_year > d->start_year + d->construction_years + d->operation_years
      || d->price_base_year < d->start_year - 50)
    ERR (v, "price_base_year", "timeline/price-base-year",
         _("The price base year %d is far outside the project period %d–%d"),
         d->price_base_year, d->start_year, d->start_year + d->construction_years + d->operation_years - 1);
}

static void
check_investment (Validator *v)
{
  const KtProjectData *d = v->d;
  int C = d->construction_years, O = d->operation_years;

  for (guint i = 0; i < d->capex->len; i++)
    {
      const KtCapexLine *l = &g_array_index (d->capex, KtCapexLine, i);
      g_autofree char *where = g_strdup_printf ("investment/capex/%u", i + 1);
      g_autofree char *amounts = g_strdup_printf ("%s/amounts", where);
      g_autofree char *method = g_strdup_printf ("%s/method", where);
      g_autofree char *life = g_strdup_printf ("%s/useful-life", where);

      if ((int) l->amounts->len != C)
        ERR (v, "capex_years", amounts,
             ngettext ("“%s” has %u amount but the construction period has %d year",
                       "“%s” has %u amounts but the construction period has %d years", C),
             l->name ? l->name : "", l->amounts->len, C);
      if (l->method == KT_DEPRECIATION_DECLINING_BALANCE && l->category != KT_CAPEX_EQUIPMENT)
        WARN (v, "declining_balance_category", method,
              _("Declining balance is for equipment only (Circular 45/2013); “%s” is %s"),
              l->name ? l->name : "", kt_enum_label (&kt_capex_category_info, l->category));
      if (l->method == KT_DEPRECIATION_DECLINING_BALANCE && l->useful_life < 2)
        ERR (v, "declining_balance_life", life,
             _("Declining balance needs a useful life of at least 2 years"));
      if (l->category == KT_CAPEX_LAND && l->useful_life != 0)
        WARN (v, "land_depreciated", life, _("Land is not depreciated; set its useful life to 0"));
    }
  for (guint i = 0; i < d->replacements->len; i++)
    {
      const KtReplacement *r = &g_array_index (d->replacements, KtReplacement, i);
      g_autofree char *where = g_strdup_printf ("investment/replacements/%u/operation-year", i + 1);
      if (r->operation_year > O)
        ERR (v, "replacement_year", where,
             _("“%s” falls in operation year %d, after the last one (%d)"), r->name ? r->name : "",
             r->operation_year, O);
      if (r->method == KT_DEPRECIATION_DECLINING_BALANCE && r->category != KT_CAPEX_EQUIPMENT)
        {
          g_autofree char *m = g_strdup_printf ("investment/replacements/%u/method", i + 1);
          WARN (v, "declining_balance_category", m,
                _("Declining balance is for equipment only (Circular 45/2013); “%s” is %s"),
                r->name ? r->name : "", kt_enum_label (&kt_capex_category_info, r->category));
        }
    }
  if (C > 0 && d->capex->len == 0 && d->form != KT_FORM_OM && d->form != KT_FORM_ORDERING)
    WARN (v, "no_capex", "investment/capex", _("There is a construction period but no capex line"));
}

static void
check_operations (Validator *v)
{
  const KtProjectData *d = v->d;
  int O = d->operation_years;

  for (guint i = 0; i < d->state_payments->len; i++)
    {
      const KtStatePayment *s = &g_array_index (d->state_payments, KtStatePayment, i);
      g_autofree char *where = g_strdup_printf ("operations/state-payments/%u/last-year", i + 1);
      if (s->first_year > O || (s->last_year != 0 && (s->last_year < s->first_year || s->last_year > O)))
        ERR (v, "payment_years", where,
             _("“%s” is paid in operation years %d–%d, outside 1–%d"), s->name ? s->name : "",
             s->first_year, s->last_year ? s->last_year : O, O);
    }
  for (guint i = 0; i < d->maintenance->len; i++)
    {
      const KtMaintenance *m = &g_array_index (d->maintenance, KtMaintenance, i);
      for (guint j = 0; j < m->years->len; j++)
        if (g_array_index (m->years, int, j) > O)
          {
            g_autofree char *where = g_strdup_printf ("operations/maintenance/%u/years", i + 1);
            ERR (v, "maintenance_year", where,
                 _("“%s” falls in operation year %d, after the last one (%d)"), m->name ? m->name : "",
                 g_array_index (m->years, int, j), O);
            break;
          }
    }
  for (guint i = 0; i < d->revenues->len && v->rules; i++)
    {
      const KtRevenueStream *r = &g_array_index (d->revenues, KtRevenueStream, i);
      if (r->exempt_years > v->rules->st_income_max_exempt_years)
        {
          g_autofree char *where = g_strdup_printf ("operations/revenues/%u/exempt-years", i + 1);
          ERR (v, "exempt_years", where, _("S&T income is exempt for at most %d years (rule set)"),
               v->rules->st_income_max_exempt_years);
        }
    }
  if ((d->form == KT_FORM_BTL || d->form == KT_FORM_BLT) && d->state_payments->len == 0)
    WARN (v, "no_availability_payment", "operations/state-payments",
          _("A project under the form “%s” is paid by the state, but no state service payment is given"),
          kt_enum_label (&kt_form_info, d->form));
}

static void
check_financing (Validator *v)
{
  const KtProjectData *d = v->d;
  double shares = 0;

  for (guint i = 0; i < d->loans->len; i++)
    {
      const KtLoan *l = &g_array_index (d->loans, KtLoan, i);
      shares += l->share_of_debt;
      if (l->grace_years >= l->tenor_years)
        {
          g_autofree char *where = g_strdup_printf ("financing/loans/%u/grace-years", i + 1);
          ERR (v, "loan_grace", where, _("“%s”: the grace period (%d years) must be shorter than the tenor (%d)"),
               l->name ? l->name : "", l->grace_years, l->tenor_years);
        }
      if (l->tenor_years > d->operation_years)
        {
          g_autofree char *where = g_strdup_printf ("financing/loans/%u/tenor-years", i + 1);
          ERR (v, "loan_beyond_term", where,
               _("“%s” is repaid after the contract term (tenor %d years, operation %d years)"),
               l->name ? l->name : "", l->tenor_years, d->operation_years);
        }
    }
  if (d->loans->len > 0 && fabs (shares - 1) > 1e-9)
    {
      g_autofree char *total = percent_text (shares);

      ERR (v, "loan_shares", "financing/loans", _("The loans' shares of debt add up to %s, not 100 %%"),
           total);
    }
  if (d->loans->len == 0 && d->equity_share < 1 && d->construction_years > 0)
    {
      g_autofree char *equity = percent_text (d->equity_share);

      ERR (v, "no_loans", "financing/equity-share",
           _("Equity covers %s of the need, but no loan finances the rest"), equity);
    }
  if (d->loans->len > 0 && d->construction_years == 0)
    ERR (v, "loans_without_construction", "financing/loans",
         _("Loans are only modelled for projects with a construction period"));
  if (d->support_mode == KT_SUPPORT_SCHEDULE && (int) d->support_schedule->len != d->construction_years)
    ERR (v, "support_years", "financing/support-schedule",
         _("The state support schedule has %u amounts but the construction period has %d years"),
         d->support_schedule->len, d->construction_years);
  if (v->rules && d->support_mode == KT_SUPPORT_SHARE)
    {
      double cap = d->st_project ? v->rules->state_capital_cap_st : v->rules->state_capital_cap;
      if (d->support_share > cap + 1e-12)
        {
          g_autofree char *share = percent_text (d->support_share);
          g_autofree char *limit = percent_text (cap);

          ERR (v, "state_capital_cap", "financing/support-share",
               _("State capital of %s exceeds the legal cap of %s of total investment"), share, limit);
        }
    }
}

static void
check_timeline (Validator *v)
{
  const KtProjectData *d = v->d;
  if (v->rules && d->construction_years + d->operation_years > v->rules->max_duration_years)
    ERR (v, "duration", "timeline/operation-years",
         _("The project lasts %d years, beyond the legal limit of %d"),
         d->construction_years + d->operation_years, v->rules->max_duration_years);
}

static void
check_uncertainty (Validator *v)
{
  const KtProjectData *d = v->d;

  for (guint i = 0; i < d->uncertainties->len; i++)
    {
      const KtUncertainty *u = &g_array_index (d->uncertainties, KtUncertainty, i);
      g_autofree char *where = g_strdup_printf ("uncertainty/distributions/%u", i + 1);
      switch (u->dist)
        {
        case KT_DIST_NORMAL:
        case KT_DIST_LOGNORMAL:
          if (u->b <= 0)
            ERR (v, "distribution", where, _("The standard deviation (b) must be positive"));
          break;
        case KT_DIST_UNIFORM:
          if (u->a >= u->b)
            ERR (v, "distribution", where, _("The minimum (a) must be below the maximum (b)"));
          break;
        case KT_DIST_TRIANGULAR:
        case KT_DIST_PERT:
          if (!(u->a <= u->b && u->b <= u->c && u->a < u->c))
            ERR (v, "distribution", where, _("Minimum, mode and maximum (a ≤ b ≤ c, a < c) are out of order"));
          break;
        case KT_DIST_DISCRETE:
          {
            double sum = 0;
            for (guint j = 0; j < u->probabilities->len; j++)
              sum += g_array_index (u->probabilities, double, j);
            if (u->values->len == 0 || u->values->len != u->probabilities->len)
              ERR (v, "distribution", where, _("A discrete distribution needs as many probabilities as values"));
            else if (fabs (sum - 1) > 1e-9)
              {
                g_autofree char *total = kt_validate_format_number (sum);

                ERR (v, "distribution", where, _("The probabilities add up to %s, not 1"), total);
              }
          }
          break;
        case KT_DIST_BERNOULLI:
          if (u->a < 0 || u->a > 1)
            ERR (v, "distribution", where, _("The event probability (a) must be between 0 and 1"));
          break;
        default:
          break;
        }
      for (guint j = 0; j < i; j++)
        if (g_array_index (d->uncertainties, KtUncertainty, j).driver == u->driver)
          ERR (v, "distribution_duplicate", where, _("“%s” already has a distribution"),
               kt_enum_label (&kt_driver_info, u->driver));
    }
  for (guint i = 0; i < d->correlations->len; i++)
    {
      const KtCorrelation *c = &g_array_index (d->correlations, KtCorrelation, i);
      if (c->a == c->b)
        {
          g_autofree char *where = g_strdup_printf ("uncertainty/correlations/%u", i + 1);
          ERR (v, "correlation_self", where, _("A driver cannot be correlated with itself"));
        }
    }
}

static void
check_risks (Validator *v)
{
  const KtProjectData *d = v->d;

  for (guint i = 0; i < d->risks->len; i++)
    {
      const KtRisk *r = &g_array_index (d->risks, KtRisk, i);
      if (r->owner == KT_OWNER_SHARED && (r->state_share <= 0 || r->state_share >= 1))
        {
          g_autofree char *where = g_strdup_printf ("risks/%u/state-share", i + 1);
          ERR (v, "risk_share", where, _("Risk %s is shared, so the state's share must be between 0 and 100 %%"),
               r->id ? r->id : "");
        }
      for (guint j = 0; j < i; j++)
        if (g_strcmp0 (g_array_index (d->risks, KtRisk, j).id, r->id) == 0)
          {
            g_autofree char *where = g_strdup_printf ("risks/%u/id", i + 1);
            ERR (v, "risk_id_duplicate", where, _("The risk code %s is used twice"), r->id ? r->id : "");
          }
    }
}

GPtrArray *
kt_project_validate (KtProject *project,
                     KtRuleSet *rule_set)
{
  Validator v = { kt_problems_new (), kt_project_get_data (project), NULL };
  g_autoptr (KtRuleSet) loaded = NULL;
  KtRules rules;

  if (rule_set == NULL)
    {
      g_autoptr (GError) error = NULL;
      loaded = kt_rule_set_load_by_id (v.d->rule_set, &error);
      if (loaded == NULL)
        kt_problems_add (v.problems, KT_SEVERITY_ERROR, "rule_set", "identity/rule-set", 0, "%s", error->message);
      rule_set = loaded;
    }
  if (rule_set != NULL)
    {
      kt_rules_resolve (rule_set, v.d, &rules, v.problems);
      v.rules = &rules;
    }

  check_record (&v, kt_schema_project (), v.d, "");
  check_identity (&v);
  check_timeline (&v);
  check_investment (&v);
  check_operations (&v);
  check_financing (&v);
  check_uncertainty (&v);
  check_risks (&v);

  /* Checks owned by the risk layer: deviations from the benchmark allocation
   * need a written justification; correlations must be consistent (§12). */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (KtRiskBenchmarks) benchmarks = kt_risk_benchmarks_load_default (&error);
    if (benchmarks != NULL)
      kt_risk_register_free (kt_risk_register_analyse (v.d, benchmarks, v.problems));
    else
      kt_problems_add (v.problems, KT_SEVERITY_WARNING, "risk_benchmarks", "risks", 0, "%s", error->message);
    kt_correlation_check (v.d, v.problems);
  }
  return v.problems;
}
