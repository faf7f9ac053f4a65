/* test-rules.c — the legal rule set: DOMAIN.md §3 defaults, overrides, malformed files
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "kt-problem.h"
#include "kt-project.h"
#include "kt-rules.h"

#define RULES_ID "vn-2025-11"

static char *
rules_path (void)
{
  const char *dir = g_getenv ("KHATHI_DATA_DIR");

  if (dir != NULL && *dir != '\0')
    return g_build_filename (dir, "rules", RULES_ID ".xml", NULL);
  return g_test_build_filename (G_TEST_DIST, "..", "data", "rules", RULES_ID ".xml", NULL);
}

static char *
rules_text (void)
{
  g_autofree char *path = rules_path ();
  g_autoptr (GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static KtRuleSet *
load_rules (void)
{
  g_autofree char *path = rules_path ();
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  KtRuleSet *set = kt_rule_set_load (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (set);
  return set;
}

static int
line_of (const char *text,
         const char *needle)
{
  const char *p = strstr (text, needle);
  int line = 1;

  g_assert_nonnull (p);
  for (const char *c = text; c < p; c++)
    if (*c == '\n')
      line++;
  return line;
}

/* The <param> block of `key`, from its indentation to the line after </param>. */
static char *
param_block (const char *text,
             const char *key)
{
  g_autofree char *open = g_strdup_printf ("  <param key=\"%s\"", key);
  const char *start = strstr (text, open);
  const char *end;

  g_assert_nonnull (start);
  end = strstr (start, "</param>\n");
  g_assert_nonnull (end);
  return g_strndup (start, end + strlen ("</param>\n") - start);
}

static char *
replace_once (const char *text,
              const char *old,
              const char *new)
{
  g_autoptr (GString) s = g_string_new (text);

  g_assert_cmpuint (g_string_replace (s, old, new, 1), ==, 1);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* ---- the shipped rule set ---- */

static void
test_load (void)
{
  g_autoptr (KtRuleSet) set = load_rules ();
  g_autoptr (KtRuleSet) by_id = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_cmpstr (kt_rule_set_get_id (set), ==, RULES_ID);
  g_assert_cmpstr (kt_rule_set_default_id (), ==, RULES_ID);
  g_assert_cmpstr (kt_rule_set_get_valid_from (set), ==, "2025-11-01");
  g_assert_true (g_str_has_prefix (kt_rule_set_get_title (set, "vi"), "Quy định PPP"));
  g_assert_true (g_str_has_prefix (kt_rule_set_get_title (set, "en"), "PPP in science"));
  g_assert_true (g_str_has_prefix (kt_rule_set_get_title (set, NULL), "PPP in science"));

  by_id = kt_rule_set_load_by_id (kt_rule_set_default_id (), &error);
  g_assert_no_error (error);
  g_assert_nonnull (by_id);
  g_assert_cmpuint (kt_rule_set_get_n_params (by_id), ==, kt_rule_set_get_n_params (set));
}

/* Every parameter carries its citation (DOMAIN.md §3). */
static void
test_citations (void)
{
  g_autoptr (KtRuleSet) set = load_rules ();
  static const char * const units[] = { "share", "years", "VND", "switch", "coefficient", NULL };
  guint n = kt_rule_set_get_n_params (set);

  g_assert_cmpuint (n, >=, 40);
  for (guint i = 0; i < n; i++)
    {
      const KtRuleParam *p = kt_rule_set_get_param (set, i);
      GDate date;

      g_test_message ("%s = %g (%s, %s)", p->key, p->value, p->status, p->basis);
      g_assert_nonnull (p->key);
      g_assert_true (kt_rule_set_lookup (set, p->key) == p);
      g_assert_nonnull (p->basis);
      g_assert_cmpstr (p->basis, !=, "");
      g_assert_nonnull (p->status);
      g_assert_cmpuint (strlen (p->status), ==, 1);
      g_assert_nonnull (strchr ("YSDU", p->status[0]));
      g_assert_true (g_strv_contains (units, p->unit));
      g_assert_nonnull (p->valid_from);
      g_date_clear (&date, 1);
      g_date_set_parse (&date, p->valid_from);
      g_assert_true (g_date_valid (&date));
      g_assert_true (p->label_en != NULL && *p->label_en != '\0');
      g_assert_true (p->label_vi != NULL && *p->label_vi != '\0');
    }
  g_assert_null (kt_rule_set_lookup (set, "no.such-key"));
}

typedef struct {
  const char *key;
  double      value;
  gboolean    negotiable;
} Default;

/* DOMAIN.md §3, value by value. */
static const Default defaults[] = {
  { "cit.standard-rate", 0.20, FALSE },
  { "cit.band1.rate", 0.15, FALSE },
  { "cit.band2.rate", 0.17, FALSE },
  { "cit.high-tech.rate", 0.10, FALSE },
  { "cit.high-tech.rate-years", 15, TRUE },
  { "cit.high-tech.exempt-years", 4, FALSE },
  { "cit.high-tech.reduced-years", 9, FALSE },
  { "cit.reduced-17.rate", 0.17, FALSE },
  { "cit.reduced-17.exempt-years", 2, FALSE },
  { "cit.reduced-17.reduced-years", 4, FALSE },
  { "cit.startup.exempt-years", 2, FALSE },
  { "cit.startup.reduced-years", 4, FALSE },
  { "cit.holiday-latest-start", 4, FALSE },
  { "cit.loss-carry-years", 5, FALSE },
  { "cit.rd-deduction-multiple", 2.0, FALSE },
  { "cit.st-income-max-exempt-years", 3, FALSE },
  { "depreciation.db-coefficient-short", 1.5, FALSE },
  { "depreciation.db-coefficient-medium", 2.0, FALSE },
  { "depreciation.db-coefficient-long", 2.5, FALSE },
  { "depreciation.state-funded-assets-depreciable", 1, TRUE },
  { "depreciation.transfer-writeoff-deductible", 1, TRUE },
  { "depreciation.depreciate-over-term", 0, TRUE },
  { "state-capital.cap", 0.5, FALSE },
  { "state-capital.cap-st", 0.7, FALSE },
  { "equity.minimum-share", 0.15, FALSE },
  { "equity.base-excludes-state", 1, TRUE },
  { "duration.max-years", 50, FALSE },
  { "band.lower", 0.75, TRUE },
  { "band.upper", 1.25, TRUE },
  { "band.share-down", 0.5, TRUE },
  { "band.share-up", 0.5, TRUE },
  { "band.lower-min", 0.75, FALSE },
  { "band.lower-max", 0.90, FALSE },
  { "band.upper-min", 1.10, FALSE },
  { "band.upper-max", 1.25, FALSE },
  { "band.st-first-years", 3, FALSE },
  { "band.st-share-down", 1.0, TRUE },
};

static void
test_defaults (void)
{
  g_autoptr (KtRuleSet) set = load_rules ();

  for (gsize i = 0; i < G_N_ELEMENTS (defaults); i++)
    {
      const KtRuleParam *p = kt_rule_set_lookup (set, defaults[i].key);

      g_test_message ("%s", defaults[i].key);
      g_assert_nonnull (p);
      g_assert_cmpfloat_with_epsilon (p->value, defaults[i].value, 1e-12);
      g_assert_cmpint (p->negotiable, ==, defaults[i].negotiable);
      g_assert_cmpstr (p->basis, !=, "");
    }
}

static void
test_resolve_defaults (void)
{
  g_autoptr (KtRuleSet) set = load_rules ();
  KtRules r;

  kt_rules_resolve (set, NULL, &r, NULL);

  g_assert_cmpfloat_with_epsilon (r.cit_standard_rate, 0.20, 1e-12);
  g_assert_cmpint (r.n_cit_bands, ==, 2);
  g_assert_cmpfloat_with_epsilon (r.cit_band_revenue[0], 3e9, 1e-3);
  g_assert_cmpfloat_with_epsilon (r.cit_band_rate[0], 0.15, 1e-12);
  g_assert_cmpfloat_with_epsilon (r.cit_band_revenue[1], 50e9, 1e-3);
  g_assert_cmpfloat_with_epsilon (r.cit_band_rate[1], 0.17, 1e-12);

  /* No incentive: the standard rate, no holiday. */
  g_assert_cmpfloat (r.cit[KT_INCENTIVE_NONE].rate, <, 0);
  g_assert_cmpint (r.cit[KT_INCENTIVE_NONE].exempt_years, ==, 0);
  g_assert_cmpint (r.cit[KT_INCENTIVE_NONE].reduced_years, ==, 0);
  /* 10 % for 15 years, holiday 4 + 9. */
  g_assert_cmpfloat_with_epsilon (r.cit[KT_INCENTIVE_HIGH_TECH].rate, 0.10, 1e-12);
  g_assert_cmpint (r.cit[KT_INCENTIVE_HIGH_TECH].rate_years, ==, 15);
  g_assert_cmpint (r.cit[KT_INCENTIVE_HIGH_TECH].exempt_years, ==, 4);
  g_assert_cmpint (r.cit[KT_INCENTIVE_HIGH_TECH].reduced_years, ==, 9);
  g_assert_cmpint (r.cit[KT_INCENTIVE_HIGH_TECH].holiday_latest_start, ==, 4);
  /* 17 %: 2 + 4. */
  g_assert_cmpfloat_with_epsilon (r.cit[KT_INCENTIVE_REDUCED_17].rate, 0.17, 1e-12);
  g_assert_cmpint (r.cit[KT_INCENTIVE_REDUCED_17].exempt_years, ==, 2);
  g_assert_cmpint (r.cit[KT_INCENTIVE_REDUCED_17].reduced_years, ==, 4);
  /* Innovative start-up: standard rate, 2 + 4. */
  g_assert_cmpfloat (r.cit[KT_INCENTIVE_STARTUP].rate, <, 0);
  g_assert_cmpint (r.cit[KT_INCENTIVE_STARTUP].exempt_years, ==, 2);
  g_assert_cmpint (r.cit[KT_INCENTIVE_STARTUP].reduced_years, ==, 4);

  g_assert_cmpint (r.loss_carry_years, ==, 5);
  g_assert_cmpfloat_with_epsilon (r.rd_deduction_multiple, 2.0, 1e-12);
  g_assert_cmpint (r.st_income_max_exempt_years, ==, 3);

  g_assert_cmpfloat_with_epsilon (r.db_coefficient_short, 1.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (r.db_coefficient_medium, 2.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (r.db_coefficient_long, 2.5, 1e-12);
  g_assert_true (r.state_funded_assets_depreciable);
  g_assert_true (r.transfer_writeoff_deductible);
  g_assert_false (r.depreciate_over_term);

  g_assert_cmpfloat_with_epsilon (r.state_capital_cap, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (r.state_capital_cap_st, 0.7, 1e-12);
  g_assert_cmpfloat_with_epsilon (r.min_equity_share, 0.15, 1e-12);
  g_assert_true (r.min_equity_base_excludes_state);
  g_assert_cmpint (r.max_duration_years, ==, 50);

  g_assert_cmpfloat_with_epsilon (r.band_lower, 0.75, 1e-12);
  g_assert_cmpfloat_with_epsilon (r.band_upper, 1.25, 1e-12);
  g_assert_cmpfloat_with_epsilon (r.band_share_down, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (r.band_share_up, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (r.band_lower_min, 0.75, 1e-12);
  g_assert_cmpfloat_with_epsilon (r.band_lower_max, 0.90, 1e-12);
  g_assert_cmpfloat_with_epsilon (r.band_upper_min, 1.10, 1e-12);
  g_assert_cmpfloat_with_epsilon (r.band_upper_max, 1.25, 1e-12);
  g_assert_cmpint (r.st_first_years, ==, 3);
  g_assert_cmpfloat_with_epsilon (r.st_first_years_share_down, 1.0, 1e-12);

  /* Downside sharing only for BOT, BTO, BOO; upside also for BTL, BLT and O&M. */
  for (int f = 0; f < KT_N_FORMS; f++)
    {
      gboolean down = f == KT_FORM_BOT || f == KT_FORM_BTO || f == KT_FORM_BOO;
      gboolean up = down || f == KT_FORM_BTL || f == KT_FORM_BLT || f == KT_FORM_OM;

      g_test_message ("form %s", kt_enum_key (&kt_form_info, f));
      g_assert_cmpint (r.downside_allowed[f], ==, down);
      g_assert_cmpint (r.upside_allowed[f], ==, up);
    }
}

/* ---- project overrides ---- */

static void
add_override (KtProjectData *d,
              const char    *key,
              double         value)
{
  KtRuleOverride o = { g_strdup (key), value, g_strdup ("Thoả thuận trong hợp đồng") };
  g_array_append_val (d->rule_overrides, o);
}

static const KtProblem *
find_problem (GPtrArray  *problems,
              const char *code,
              const char *where)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const KtProblem *p = problems->pdata[i];
      if (strcmp (p->code, code) == 0 && strcmp (p->where, where) == 0)
        return p;
    }
  return NULL;
}

static void
test_resolve_overrides (void)
{
  g_autoptr (KtRuleSet) set = load_rules ();
  g_autoptr (KtProject) project = kt_project_new ();
  g_autoptr (GPtrArray) problems = kt_problems_new ();
  KtProjectData *d = kt_project_edit_data (project);
  const KtProblem *p;
  KtRules r;

  add_override (d, "band.lower", 0.85);                  /* 1: negotiable */
  add_override (d, "cit.high-tech.rate-years", 20);      /* 2: negotiable */
  add_override (d, "cit.standard-rate", 0.15);           /* 3: fixed by law */
  add_override (d, "cit.no-such-parameter", 1);          /* 4: unknown */
  add_override (d, NULL, 1);                             /* 5: no key */
  add_override (d, "band.share-up", 0.4);                /* 6: negotiable */
  kt_rules_resolve (set, d, &r, problems);

  g_assert_cmpfloat_with_epsilon (r.band_lower, 0.85, 1e-12);
  g_assert_cmpint (r.cit[KT_INCENTIVE_HIGH_TECH].rate_years, ==, 20);
  g_assert_cmpfloat_with_epsilon (r.band_share_up, 0.4, 1e-12);
  /* Refused overrides change nothing. */
  g_assert_cmpfloat_with_epsilon (r.cit_standard_rate, 0.20, 1e-12);
  g_assert_cmpfloat_with_epsilon (r.band_upper, 1.25, 1e-12);

  g_assert_cmpuint (problems->len, ==, 3);
  p = find_problem (problems, "override_not_negotiable", "legal/overrides/3/key");
  g_assert_nonnull (p);
  g_assert_cmpint (p->severity, ==, KT_SEVERITY_ERROR);
  g_assert_nonnull (strstr (p->message, "cit.standard-rate"));
  g_assert_nonnull (strstr (p->message, "CIT Law 67/2025/QH15 Art. 10"));
  p = find_problem (problems, "override_unknown", "legal/overrides/4/key");
  g_assert_nonnull (p);
  g_assert_cmpint (p->severity, ==, KT_SEVERITY_ERROR);
  g_assert_nonnull (strstr (p->message, "cit.no-such-parameter"));
  g_assert_nonnull (strstr (p->message, RULES_ID));
  p = find_problem (problems, "override_unknown", "legal/overrides/5/key");
  g_assert_nonnull (p);

  /* Without a problem list the same figures come out. */
  {
    KtRules again;
    kt_rules_resolve (set, d, &again, NULL);
    g_assert_cmpmem (&again, sizeof again, &r, sizeof r);
  }
}

/* A value no law could mean is refused, not cast: (int) 1e18 is undefined. */
static void
test_resolve_override_range (void)
{
  g_autoptr (KtRuleSet) set = load_rules ();
  g_autoptr (KtProject) project = kt_project_new ();
  g_autoptr (GPtrArray) problems = kt_problems_new ();
  KtProjectData *d = kt_project_edit_data (project);
  const KtProblem *p;
  KtRules r;

  add_override (d, "cit.high-tech.rate-years", 1e18);
  add_override (d, "band.lower", -3);
  kt_rules_resolve (set, d, &r, problems);

  g_assert_cmpint (r.cit[KT_INCENTIVE_HIGH_TECH].rate_years, ==, 15);
  g_assert_cmpfloat_with_epsilon (r.band_lower, 0.75, 1e-12);
  g_assert_cmpuint (problems->len, ==, 2);
  p = find_problem (problems, "override_out_of_range", "legal/overrides/1/value");
  g_assert_nonnull (p);
  g_assert_cmpint (p->severity, ==, KT_SEVERITY_ERROR);
  g_assert_nonnull (strstr (p->message, "cit.high-tech.rate-years"));
  g_assert_nonnull (find_problem (problems, "override_out_of_range", "legal/overrides/2/value"));
}

/* ---- malformed rule sets ---- */

static void
check_malformed (const char *data,
                 int         code,
                 const char *prefix,
                 const char *fragment)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KtRuleSet) set = NULL;

  set = kt_rule_set_load_from_data (data, strlen (data), "bad-rules.xml", &error);

  g_test_message ("→ %s", error ? error->message : "(loaded)");
  g_assert_null (set);
  g_assert_error (error, KT_RULES_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (error->message, fragment));
}

static void
test_malformed (void)
{
  g_autofree char *text = rules_text ();
  g_autofree char *standard = param_block (text, "cit.standard-rate");
  g_autofree char *loss = param_block (text, "cit.loss-carry-years");
  g_autofree char *missing = NULL, *duplicate = NULL, *out_of_range = NULL, *doctype = NULL;
  g_autofree char *namespace = NULL, *no_basis = NULL, *bad_value = NULL, *nan = NULL;
  g_autofree char *no_status = NULL, *unknown = NULL, *broken = NULL, *no_id = NULL;
  g_autofree char *prefix = NULL, *with_duplicate = NULL;
  int line;

  /* The shipped file is good: the cases below differ from it in one place. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (KtRuleSet) set = NULL;

    set = kt_rule_set_load_from_data (text, strlen (text), "good.xml", &error);
    g_assert_no_error (error);
  }

  missing = replace_once (text, loss, "");
  check_malformed (missing, KT_RULES_ERROR_INVALID, "bad-rules.xml: ",
                   "lacks the parameter “cit.loss-carry-years”");

  with_duplicate = g_strconcat (standard, standard, NULL);
  duplicate = replace_once (text, standard, with_duplicate);
  line = line_of (duplicate, with_duplicate) + line_of (standard, "</param>");
  prefix = g_strdup_printf ("bad-rules.xml:%d: ", line);
  check_malformed (duplicate, KT_RULES_ERROR_INVALID, prefix, "“cit.standard-rate” appears twice");
  g_clear_pointer (&prefix, g_free);

  out_of_range = replace_once (text, "<value>0.2</value>", "<value>1.5</value>");
  check_malformed (out_of_range, KT_RULES_ERROR_INVALID, "bad-rules.xml: ",
                   "“cit.standard-rate” = 1.5 is outside 0 … 1");

  doctype = replace_once (text, "<rule-set ",
                          "<!DOCTYPE rule-set [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                          "<rule-set ");
  check_malformed (doctype, KT_RULES_ERROR_INVALID, "bad-rules.xml:1: ", "DOCTYPE");

  namespace = replace_once (text, "ns/rules/1\"", "ns/rules/2\"");
  prefix = g_strdup_printf ("bad-rules.xml:%d: ", line_of (namespace, "<rule-set "));
  check_malformed (namespace, KT_RULES_ERROR_INVALID, prefix, "expected <rule-set> in namespace");
  g_clear_pointer (&prefix, g_free);

  no_basis = replace_once (text, "    <basis>CIT Law 67/2025/QH15 Art. 10</basis>\n", "");
  prefix = g_strdup_printf ("bad-rules.xml:%d: ",
                            line_of (no_basis, "<param key=\"cit.standard-rate\""));
  check_malformed (no_basis, KT_RULES_ERROR_INVALID, prefix,
                   "“cit.standard-rate” needs a numeric <value> and a legal <basis>");

  bad_value = replace_once (text, "<value>0.2</value>", "<value>0.2x</value>");
  check_malformed (bad_value, KT_RULES_ERROR_INVALID, prefix, "needs a numeric <value>");
  nan = replace_once (text, "<value>0.2</value>", "<value>nan</value>");
  check_malformed (nan, KT_RULES_ERROR_INVALID, prefix, "needs a numeric <value>");

  no_status = replace_once (text, "key=\"cit.standard-rate\" unit=\"share\" status=\"S\"",
                            "key=\"cit.standard-rate\" unit=\"share\"");
  check_malformed (no_status, KT_RULES_ERROR_INVALID, prefix,
                   "needs the attributes key, unit and status");
  g_clear_pointer (&prefix, g_free);

  unknown = replace_once (text, "  <title>", "  <formula>x</formula>\n  <title>");
  prefix = g_strdup_printf ("bad-rules.xml:%d: ", line_of (unknown, "<formula>"));
  check_malformed (unknown, KT_RULES_ERROR_INVALID, prefix, "unknown element <formula>");
  g_clear_pointer (&prefix, g_free);

  no_id = replace_once (text, " id=\"vn-2025-11\"", "");
  check_malformed (no_id, KT_RULES_ERROR_INVALID, "bad-rules.xml:",
                   "needs an id and a valid-from date");

  broken = g_strndup (text, strlen (text) / 2);
  check_malformed (broken, KT_RULES_ERROR_PARSE, "bad-rules.xml:", "not well-formed");

  check_malformed ("", KT_RULES_ERROR_INVALID, "bad-rules.xml:1: ", "empty");

  /* A second <basis> or <label> replaces the first (and leaks nothing: run under ASan). */
  {
    const char *basis = "    <basis>CIT Law 67/2025/QH15 Art. 10</basis>\n";
    g_autofree char *two = g_strconcat ("    <basis>first</basis>\n", basis, NULL);
    g_autofree char *twice = replace_once (text, basis, two);
    g_autoptr (GError) error = NULL;
    g_autoptr (KtRuleSet) set = NULL;

    set = kt_rule_set_load_from_data (twice, strlen (twice), "twice.xml", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (kt_rule_set_lookup (set, "cit.standard-rate")->basis, ==,
                     "CIT Law 67/2025/QH15 Art. 10");
  }
}

/* Rule set names never reach outside the rules folder. */
static void
test_load_by_id (void)
{
  static const char * const bad[] = {
    "", "..", "../rules/vn-2025-11", "rules/../vn-2025-11", "vn-2025-11/..", "/etc/passwd",
    "./vn-2025-11", ".hidden", "..\\vn-2025-11", "sub\\vn-2025-11",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (KtRuleSet) set = kt_rule_set_load_by_id (bad[i], &error);

      g_test_message ("“%s” → %s", bad[i], error ? error->message : "(loaded)");
      g_assert_null (set);
      g_assert_error (error, KT_RULES_ERROR, KT_RULES_ERROR_NOT_FOUND);
      g_assert_nonnull (strstr (error->message, "is not a valid rule set name"));
    }
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (KtRuleSet) set = kt_rule_set_load_by_id (NULL, &error);
    g_assert_null (set);
    g_assert_error (error, KT_RULES_ERROR, KT_RULES_ERROR_NOT_FOUND);
  }
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (KtRuleSet) set = kt_rule_set_load_by_id ("vn-1999-01", &error);
    g_assert_null (set);
    g_assert_error (error, KT_RULES_ERROR, KT_RULES_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "“vn-1999-01” is not installed"));
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/rules/load", test_load);
  g_test_add_func ("/core/rules/citations", test_citations);
  g_test_add_func ("/core/rules/defaults", test_defaults);
  g_test_add_func ("/core/rules/resolve/defaults", test_resolve_defaults);
  g_test_add_func ("/core/rules/resolve/overrides", test_resolve_overrides);
  g_test_add_func ("/core/rules/resolve/override-range", test_resolve_override_range);
  g_test_add_func ("/core/rules/malformed", test_malformed);
  g_test_add_func ("/core/rules/load-by-id", test_load_by_id);
  return g_test_run ();
}
