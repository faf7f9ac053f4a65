/* cmd-portfolio.c — khathi-cli portfolio: the appraiser's portfolio of submissions
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   khathi-cli portfolio [--db DB] [--rubric FILE] COMMAND …
 *     import FILE… [--appraiser NAME] [--rule-set ID]
 *     list [--json] [--filter KEY=VALUE]… [--sort KEY[:desc]] [--search WORDS] [--latest] [--limit N]
 *     show ID [--json]
 *     score ID --appraiser NAME --criterion KEY --score X --comment TEXT
 *     decide ID --decision approve|return|reject --appraiser NAME --note TEXT
 *     rank [--json]
 *     catalogue -o OUT.{csv,xlsx,pdf}
 *     report ID -o OUT.pdf
 *     verify
 *     audit [ID]
 *
 * Exit status: 0 success; 1 some submission could not be imported, or verify
 * found the portfolio altered; 2 usage, database or I/O error.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kt-appraisal-report.h"
#include "kt-catalogue.h"
#include "kt-claims.h"
#include "kt-cli.h"
#include "kt-format.h"
#include "kt-pdf.h"
#include "kt-portfolio-db.h"
#include "kt-project-file.h"
#include "kt-rubric.h"

#define CMD "portfolio"

typedef struct {
  const char *db_path;
  const char *rubric_path;
} Globals;

/* ---- helpers ---- */

static int
fail (GError *error)
{
  g_printerr ("khathi-cli %s: %s\n", CMD, error->message);
  return KT_CLI_USAGE;
}

static KtPortfolioDb *
open_portfolio (const Globals *g,
                gboolean       quiet)
{
  g_autofree char *def = NULL;
  g_autoptr (GError) error = NULL;
  KtPortfolioDb *db;
  const char *path = g->db_path;

  if (path == NULL)
    path = def = kt_portfolio_db_default_path ();
  db = kt_portfolio_db_open (path, KT_PORTFOLIO_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      fail (error);
      return NULL;
    }
  if (kt_portfolio_db_get_warning (db) != NULL && !quiet)
    g_printerr (_("khathi-cli %s: warning: %s is open read-only: %s\n"), CMD, path,
                kt_portfolio_db_get_warning (db));
  if (g->rubric_path != NULL)
    {
      KtRubric *rubric = kt_rubric_load (g->rubric_path, &error);

      if (rubric == NULL)
        {
          fail (error);
          kt_portfolio_db_free (db);
          return NULL;
        }
      kt_portfolio_db_set_rubric (db, rubric);
    }
  else if (kt_portfolio_db_get_rubric (db, &error) == NULL)
    {
      fail (error);
      kt_portfolio_db_free (db);
      return NULL;
    }
  return db;
}

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  gint64 v;

  if (text == NULL || !g_ascii_string_to_signed (g_str_has_prefix (text, "#") ? text + 1 : text,
                                                 10, 1, G_MAXINT64, &v, NULL))
    return FALSE;
  *id = v;
  return TRUE;
}



/* Cuts to `width` characters (not bytes) with an ellipsis. */
static char *
fit (const char *text,
     glong       width)
{
  glong n = g_utf8_strlen (text ? text : "", -1);
  g_autofree char *cut = NULL;

  if (n <= width)
    return g_strdup_printf ("%s%*s", text ? text : "", (int) (width - n), "");
  cut = g_utf8_substring (text, 0, width - 1);
  return g_strconcat (cut, "…", NULL);
}

static char *
money (double vnd)
{
  return kt_format_money (vnd, KT_MONEY_BILLION, FALSE, kt_lang_current ());
}

static char *
percent (double x)
{
  return kt_format_percent (x, 2, kt_lang_current ());
}

static char *
number (double x,
        int    decimals)
{
  return kt_format_number (x, decimals, kt_lang_current ());
}

static void
row (const char *label,
     const char *value)
{
  long width = g_utf8_strlen (label, -1);

  printf ("  %s%*s %s\n", label, (int) MAX (0, 30 - width), "", value ? value : "");
}

static void
json_number (JsonBuilder *b,
             const char  *name,
             double       x)
{
  json_builder_set_member_name (b, name);
  if (isfinite (x))
    json_builder_add_double_value (b, x);
  else
    json_builder_add_null_value (b);
}

static void
json_string (JsonBuilder *b,
             const char  *name,
             const char  *s)
{
  json_builder_set_member_name (b, name);
  if (s != NULL)
    json_builder_add_string_value (b, s);
  else
    json_builder_add_null_value (b);
}

static void
print_json (JsonBuilder *b)
{
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = json_builder_get_root (b);
  g_autofree char *text = NULL;

  json_generator_set_pretty (gen, TRUE);
  json_generator_set_root (gen, root);
  text = json_generator_to_data (gen, NULL);
  printf ("%s\n", text);
}

static void
submission_json (JsonBuilder        *b,
                 const KtSubmission *s)
{
  const KtIndicators *ind = &s->ind;

  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, s->id);
  json_string (b, "project_id", s->project_id);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, s->version);
  json_builder_set_member_name (b, "previous_id");
  if (s->previous_id > 0)
    json_builder_add_int_value (b, s->previous_id);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "next_id");
  if (s->next_id > 0)
    json_builder_add_int_value (b, s->next_id);
  else
    json_builder_add_null_value (b);
  json_string (b, "name_vi", s->name_vi);
  json_string (b, "name_en", s->name_en);
  json_string (b, "proposer", s->proposer);
  json_string (b, "province", s->province);
  json_string (b, "field", s->field);
  json_string (b, "domain", s->domain);
  json_string (b, "form", s->form);
  json_string (b, "file_name", s->file_name);
  json_string (b, "sha256", s->sha256);
  json_builder_set_member_name (b, "size");
  json_builder_add_int_value (b, s->size);
  json_string (b, "imported_at", s->imported_at);
  json_string (b, "imported_by", s->imported_by);
  json_string (b, "rule_set", s->rule_set);
  json_string (b, "rubric", s->rubric_id);
  json_string (b, "decision", s->decision);
  json_builder_set_member_name (b, "errors");
  json_builder_add_int_value (b, s->n_errors);
  json_builder_set_member_name (b, "legal_failed");
  json_builder_add_int_value (b, s->n_legal_failed);
  json_builder_set_member_name (b, "claims_mismatched");
  json_builder_add_int_value (b, s->n_claims_mismatched);
  json_builder_set_member_name (b, "indicators");
  json_builder_begin_object (b);
  json_number (b, "total_investment", ind->total_investment);
  json_number (b, "project_npv", ind->project_npv);
  json_number (b, "project_irr", ind->project_irr);
  json_number (b, "equity_irr", ind->equity_irr);
  json_number (b, "dscr_min", ind->dscr_min);
  json_number (b, "payback", ind->payback);
  json_number (b, "fiscal_npv", ind->fiscal_npv);
  json_number (b, "eirr", ind->eirr);
  json_number (b, "psc", ind->psc);
  json_number (b, "vfm", ind->vfm);
  json_number (b, "wacc", ind->wacc);
  json_number (b, "hurdle_rate", ind->hurdle_rate);
  json_builder_end_object (b);
}

static void
aggregate_json (JsonBuilder       *b,
                const KtAggregate *agg)
{
  json_builder_set_member_name (b, "score");
  json_builder_begin_object (b);
  json_number (b, "total", agg->total);
  json_number (b, "spread", agg->spread);
  json_builder_set_member_name (b, "appraisers");
  json_builder_add_int_value (b, agg->n_appraisers);
  json_builder_set_member_name (b, "unscored");
  json_builder_add_int_value (b, agg->n_unscored);
  json_builder_set_member_name (b, "disagreement");
  json_builder_add_boolean_value (b, agg->disagreement);
  json_builder_set_member_name (b, "legal_passed");
  json_builder_add_boolean_value (b, agg->n_legal_failed == 0);
  json_builder_set_member_name (b, "criteria");
  json_builder_begin_array (b);
  for (guint i = 0; i < agg->criteria->len; i++)
    {
      const KtCriterionResult *r = &g_array_index (agg->criteria, KtCriterionResult, i);

      json_builder_begin_object (b);
      json_string (b, "key", r->criterion->key);
      json_number (b, "weight", r->criterion->weight);
      json_builder_set_member_name (b, "automatic");
      json_builder_add_boolean_value (b, r->criterion->automatic);
      json_number (b, "mean", r->mean);
      json_number (b, "min", r->min);
      json_number (b, "max", r->max);
      json_builder_set_member_name (b, "n");
      json_builder_add_int_value (b, r->n);
      json_builder_set_member_name (b, "disagreement");
      json_builder_add_boolean_value (b, r->disagreement);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

/* ---- import ---- */

static int
cmd_import (const Globals *g,
            int            argc,
            char         **argv)
{
  g_autofree char *appraiser = NULL;
  g_autofree char *rule_set = NULL;
  GOptionEntry entries[] = {
    { "appraiser", 0, 0, G_OPTION_ARG_STRING, &appraiser, N_("Who imports (default: your name)"), N_("NAME") },
    { "rule-set", 0, 0, G_OPTION_ARG_STRING, &rule_set, N_("Recompute with this rule set instead of the file’s"), N_("ID") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("FILE… — import submissions"));
  g_autoptr (KtPortfolioDb) db = NULL;
  g_autoptr (GError) error = NULL;
  int failed = 0, imported = 0, duplicates = 0;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return kt_cli_usage_error (CMD, "%s", error->message);
  if (argc < 2)
    return kt_cli_usage_error (CMD, "%s", _("import: give at least one file"));
  db = open_portfolio (g, FALSE);
  if (db == NULL)
    return KT_CLI_USAGE;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr (GError) e = NULL;
      KtImportResult r;

      /* One transaction per file: a failure (or a crash) costs that file only. */
      if (!kt_portfolio_db_import_file (db, argv[i], appraiser, rule_set, &r, &e))
        {
          /* The message names the file already. */
          g_printerr ("%s\n", e->message);
          failed++;
          /* Nothing more can be written: stop rather than repeat the error. */
          if (g_error_matches (e, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_READ_ONLY)
              || g_error_matches (e, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_FULL)
              || g_error_matches (e, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_IO)
              || g_error_matches (e, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_DAMAGED))
            return KT_CLI_USAGE;
          continue;
        }
      if (r.duplicate)
        {
          printf (_("%s: already imported as #%lld\n"), argv[i], (long long) r.id);
          duplicates++;
        }
      else if (r.previous_id > 0)
        printf (_("%s: imported as #%lld, version %d of #%lld\n"),
                argv[i], (long long) r.id, r.version, (long long) r.previous_id);
      else
        printf (_("%s: imported as #%lld\n"), argv[i], (long long) r.id);
      imported += !r.duplicate;
    }
  if (argc > 2)
    printf (_("%d imported, %d already present, %d failed\n"), imported, duplicates, failed);
  return failed > 0 ? KT_CLI_INVALID : KT_CLI_OK;
}

/* ---- list ---- */

static int
cmd_list (const Globals *g,
          int            argc,
          char         **argv)
{
  gboolean json = FALSE, latest = FALSE, desc = FALSE;
  g_auto (GStrv) filters = NULL;
  g_autofree char *sort = NULL;
  g_autofree char *search = NULL;
  int limit = 0;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "filter", 'f', 0, G_OPTION_ARG_STRING_ARRAY, &filters,
      N_("Keep rows where KEY (form, province, field, domain, decision, project) equals VALUE; "
         "decision is pending, approve, return or reject"), N_("KEY=VALUE") },
    { "sort", 's', 0, G_OPTION_ARG_STRING, &sort,
      N_("Sort by id, name, imported, investment, npv, irr, equity-irr, dscr, fiscal or proposer; "
         "append :desc to reverse"), N_("KEY") },
    { "desc", 0, 0, G_OPTION_ARG_NONE, &desc, N_("Sort in descending order"), NULL },
    { "search", 'q', 0, G_OPTION_ARG_STRING, &search,
      N_("Full-text search in names, proposers and narratives (accents optional)"), N_("WORDS") },
    { "latest", 0, 0, G_OPTION_ARG_NONE, &latest, N_("Hide versions that were resubmitted"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit, N_("At most N rows"), N_("N") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("— list submissions"));
  g_autoptr (KtPortfolioDb) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  KtPortfolioQuery q;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return kt_cli_usage_error (CMD, "%s", error->message);
  if (argc > 1)
    return kt_cli_usage_error (CMD, _("list: unexpected argument “%s”"), argv[1]);

  kt_portfolio_query_init (&q);
  q.latest_only = latest;
  q.limit = limit;
  q.search = search;
  q.descending = desc;
  if (sort != NULL)
    {
      char *colon = strchr (sort, ':');

      if (colon != NULL)
        {
          if (strcmp (colon + 1, "desc") == 0)
            q.descending = TRUE;
          else if (strcmp (colon + 1, "asc") != 0)
            return kt_cli_usage_error (CMD, _("list: unknown sort order “%s”"), colon + 1);
          *colon = '\0';
        }
      if (!kt_portfolio_sort_from_key (sort, &q.sort))
        return kt_cli_usage_error (CMD, _("list: unknown sort key “%s”"), sort);
    }
  for (int i = 0; filters != NULL && filters[i] != NULL; i++)
    {
      char *eq = strchr (filters[i], '=');
      const char *value;

      if (eq == NULL)
        return kt_cli_usage_error (CMD, _("list: a filter is KEY=VALUE, not “%s”"), filters[i]);
      *eq = '\0';
      value = eq + 1;
      if (strcmp (filters[i], "form") == 0)
        q.form = value;
      else if (strcmp (filters[i], "province") == 0)
        q.province = value;
      else if (strcmp (filters[i], "field") == 0)
        q.field = value;
      else if (strcmp (filters[i], "domain") == 0)
        q.domain = value;
      else if (strcmp (filters[i], "decision") == 0 || strcmp (filters[i], "status") == 0)
        q.decision = value;
      else if (strcmp (filters[i], "project") == 0)
        q.project_id = value;
      else
        return kt_cli_usage_error (CMD, _("list: unknown filter key “%s”"), filters[i]);
    }

  db = open_portfolio (g, json);
  if (db == NULL)
    return KT_CLI_USAGE;
  rows = kt_portfolio_db_list (db, &q, &error);
  if (rows == NULL)
    return fail (error);

  if (json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < rows->len; i++)
        {
          json_builder_begin_object (b);
          submission_json (b, rows->pdata[i]);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      print_json (b);
      return KT_CLI_OK;
    }

  if (rows->len == 0)
    {
      printf ("%s\n", _("No submission matches."));
      return KT_CLI_OK;
    }
  {
    g_autofree char *h_name = fit (_("Name"), 44);
    g_autofree char *h_ti = fit (_("Inv. (bn ₫)"), 14);
    g_autofree char *h_irr = fit (_("FIRR"), 8);
    g_autofree char *h_dscr = fit (_("DSCR"), 6);

    printf ("%6s %3s  %-4s %s %s %s %s  %s\n", _("ID"), _("v."), _("Form"), h_name, h_ti, h_irr,
            h_dscr, _("Status"));
  }
  for (guint i = 0; i < rows->len; i++)
    {
      const KtSubmission *s = rows->pdata[i];
      g_autofree char *name = fit (kt_submission_name (s), 44);
      g_autofree char *ti = money (s->ind.total_investment);
      g_autofree char *irr = percent (s->ind.project_irr);
      g_autofree char *dscr = number (s->ind.dscr_min, 2);
      g_autofree char *form = g_ascii_strup (s->form, -1);
      g_autofree char *ti_col = fit (ti, 14);
      g_autofree char *irr_col = fit (irr, 8);
      g_autofree char *dscr_col = fit (dscr, 6);

      printf ("%6" G_GINT64_FORMAT " %3d  %-4s %s %s %s %s  %s%s%s%s\n", s->id, s->version, form, name,
              ti_col, irr_col, dscr_col, kt_decision_label (s->decision),
              s->n_legal_failed > 0 ? _(", legal check failed") : "",
              s->n_claims_mismatched > 0 ? _(", claims differ") : "",
              s->next_id > 0 ? _(", superseded") : "");
    }
  return KT_CLI_OK;
}

/* ---- show ---- */

static const char *
criterion_label (const KtRubricCriterion *c)
{
  return kt_rubric_text (c->label_en, c->label_vi);
}

static void
print_indicator_move (const char *label,
                      double      old_value,
                      double      new_value,
                      gboolean    is_rate,
                      gboolean    is_money)
{
  KtLang lang = kt_lang_current ();
  g_autofree char *a = is_rate ? percent (old_value)
                       : is_money ? kt_format_money (old_value, KT_MONEY_BILLION, TRUE, lang)
                                  : number (old_value, 2);
  g_autofree char *b = is_rate ? percent (new_value)
                       : is_money ? kt_format_money (new_value, KT_MONEY_BILLION, TRUE, lang)
                                  : number (new_value, 2);
  g_autofree char *line = NULL;

  if (old_value == new_value || (isnan (old_value) && isnan (new_value)))
    line = g_strdup_printf (_("%s (unchanged)"), b);
  else if (isfinite (old_value) && isfinite (new_value))
    {
      g_autofree char *d = is_rate ? kt_format_number ((new_value - old_value) * 100, 2, kt_lang_current ())
                                   : is_money ? kt_format_money (new_value - old_value, KT_MONEY_BILLION,
                                                                 TRUE, lang)
                                              : number (new_value - old_value, 2);

      line = g_strdup_printf (is_rate ? _("%s → %s (%s%s points)") : _("%s → %s (%s%s)"), a, b,
                              new_value > old_value ? "+" : "", d);
    }
  else
    line = g_strdup_printf ("%s → %s", a, b);
  row (label, line);
}

static int
cmd_show (const Globals *g,
          int            argc,
          char         **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("ID — a submission, its figures, scores and changes"));
  g_autoptr (KtPortfolioDb) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (KtSubmission) s = NULL;
  g_autoptr (KtSubmission) prev = NULL;
  g_autoptr (GPtrArray) legal = NULL;
  g_autoptr (GPtrArray) scores = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  g_autoptr (GPtrArray) claims = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (KtDecision) decision = NULL;
  g_autofree char *results = NULL;
  const KtRubric *rubric;
  KtAggregate agg = { 0 };
  gint64 id;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return kt_cli_usage_error (CMD, "%s", error->message);
  if (argc != 2 || !parse_id (argv[1], &id))
    return kt_cli_usage_error (CMD, "%s", _("show: give one submission ID"));
  db = open_portfolio (g, json);
  if (db == NULL)
    return KT_CLI_USAGE;
  rubric = kt_portfolio_db_get_rubric (db, NULL);
  s = kt_portfolio_db_get (db, id, &error);
  if (s == NULL)
    return fail (error);
  legal = kt_portfolio_db_get_legal (db, id, &error);
  scores = legal != NULL ? kt_portfolio_db_get_scores (db, id, &error) : NULL;
  results = scores != NULL ? kt_portfolio_db_get_results (db, id, &error) : NULL;
  if (results == NULL || !kt_portfolio_db_aggregate (db, id, &agg, &error))
    return fail (error);
  decision = kt_portfolio_db_get_decision (db, id, &error);
  if (error == NULL)
    claims = kt_portfolio_db_get_claims (db, id, &error);
  if (error != NULL)
    {
      kt_aggregate_clear (&agg);
      return fail (error);
    }
  if (s->previous_id > 0)
    {
      g_autoptr (KtProject) a = kt_portfolio_db_load_project (db, s->previous_id, &error);
      g_autoptr (KtProject) b = a != NULL ? kt_portfolio_db_load_project (db, id, &error) : NULL;

      prev = b != NULL ? kt_portfolio_db_get (db, s->previous_id, &error) : NULL;
      if (prev == NULL)
        {
          kt_aggregate_clear (&agg);
          return fail (error);
        }
      changes = kt_project_data_diff (kt_project_get_data (a), kt_project_get_data (b));
    }

  if (json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      submission_json (b, s);
      if (json_parser_load_from_data (parser, results, -1, NULL))
        {
          json_builder_set_member_name (b, "results");
          json_builder_add_value (b, json_node_copy (json_parser_get_root (parser)));
        }
      json_builder_set_member_name (b, "legal");
      json_builder_begin_array (b);
      for (guint i = 0; i < legal->len; i++)
        {
          const KtLegalResult *l = legal->pdata[i];

          json_builder_begin_object (b);
          json_string (b, "code", l->code);
          json_string (b, "citation", l->citation);
          json_builder_set_member_name (b, "passed");
          json_builder_add_boolean_value (b, l->passed);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "claims");
      json_builder_begin_array (b);
      for (guint i = 0; i < claims->len; i++)
        {
          const KtClaimCheck *c = claims->pdata[i];

          json_builder_begin_object (b);
          json_string (b, "key", c->key);
          json_number (b, "claimed", c->claimed);
          json_number (b, "recomputed", c->recomputed);
          json_builder_set_member_name (b, "matches");
          json_builder_add_boolean_value (b, c->matches);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_set_member_name (b, "scores");
      json_builder_begin_array (b);
      for (guint i = 0; i < scores->len; i++)
        {
          const KtScore *sc = scores->pdata[i];

          json_builder_begin_object (b);
          json_string (b, "appraiser", sc->appraiser);
          json_string (b, "criterion", sc->criterion);
          json_number (b, "score", sc->score);
          json_string (b, "comment", sc->comment);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      aggregate_json (b, &agg);
      json_builder_set_member_name (b, "decided");
      if (decision != NULL)
        {
          json_builder_begin_object (b);
          json_string (b, "decision", decision->decision);
          json_string (b, "appraiser", decision->appraiser);
          json_string (b, "note", decision->note);
          json_string (b, "at", decision->decided_at);
          json_number (b, "total", decision->total);
          json_builder_end_object (b);
        }
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "changes");
      if (changes != NULL)
        {
          json_builder_begin_array (b);
          for (guint i = 0; i < changes->len; i++)
            {
              const KtFieldChange *c = changes->pdata[i];

              json_builder_begin_object (b);
              json_string (b, "path", c->path);
              json_string (b, "old", c->old_value);
              json_string (b, "new", c->new_value);
              json_builder_end_object (b);
            }
          json_builder_end_array (b);
        }
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
      print_json (b);
      kt_aggregate_clear (&agg);
      return KT_CLI_OK;
    }

  printf ("#%" G_GINT64_FORMAT "  %s\n", s->id, kt_submission_name (s));
  if (s->name_en != NULL && *s->name_en && strcmp (kt_submission_name (s), s->name_en) != 0)
    printf ("     %s\n", s->name_en);
  printf ("\n%s\n", _("Submission"));
  row (_("Project id"), s->project_id);
  {
    g_autofree char *v = s->previous_id > 0
                         ? g_strdup_printf (_("%d (resubmits #%lld)"), s->version, (long long) s->previous_id)
                         : g_strdup_printf ("%d", s->version);
    row (_("Version"), v);
  }
  if (s->next_id > 0)
    {
      g_autofree char *v = g_strdup_printf (_("by #%lld"), (long long) s->next_id);
      row (_("Superseded"), v);
    }
  row (_("Proposer"), s->proposer);
  row (_("Province or city"), s->province);
  row (_("PPP form"), s->form);
  row (_("File"), s->file_name);
  row (_("SHA-256"), s->sha256);
  {
    g_autofree char *v = g_strdup_printf (_("%s by %s"), s->imported_at, s->imported_by);
    row (_("Imported"), v);
  }
  row (_("Decision"), kt_decision_label (s->decision));
  if (decision != NULL)
    {
      g_autofree char *total = number (decision->total, 1);
      g_autofree char *who = g_strdup_printf (_("%s by %s (aggregate then %s / 100)"), decision->decided_at,
                                              decision->appraiser, total);

      row (_("Decided"), who);
      row (_("Note"), decision->note);
    }

  printf ("\n%s\n", _("Recomputed figures (the appraiser’s own, from the submitted inputs)"));
  row (_("Rule set"), s->rule_set);
  {
    g_autofree char *ti = kt_format_money (s->ind.total_investment, KT_MONEY_BILLION, TRUE, kt_lang_current ());
    g_autofree char *npv = kt_format_money (s->ind.project_npv, KT_MONEY_BILLION, TRUE, kt_lang_current ());
    g_autofree char *irr = percent (s->ind.project_irr);
    g_autofree char *wacc = percent (s->ind.wacc);
    g_autofree char *eirr = percent (s->ind.equity_irr);
    g_autofree char *hurdle = percent (s->ind.hurdle_rate);
    g_autofree char *dscr = number (s->ind.dscr_min, 2);
    g_autofree char *min_dscr = number (s->ind.min_dscr, 2);
    g_autofree char *payback = kt_format_years (s->ind.payback, kt_lang_current ());
    g_autofree char *fiscal = kt_format_money (s->ind.fiscal_npv, KT_MONEY_BILLION, TRUE, kt_lang_current ());
    g_autofree char *econ = percent (s->ind.eirr);
    g_autofree char *irr_line = g_strdup_printf (_("%s (WACC %s)"), irr, wacc);
    g_autofree char *eq_line = g_strdup_printf (_("%s (hurdle %s)"), eirr, hurdle);
    g_autofree char *dscr_line = g_strdup_printf (_("%s (lender's minimum %s)"), dscr, min_dscr);

    row (_("Total investment"), ti);
    row (_("Project NPV"), npv);
    row (_("Project IRR"), irr_line);
    row (_("Equity IRR"), eq_line);
    row (_("Minimum DSCR"), dscr_line);
    row (_("Payback"), payback);
    row (_("Fiscal NPV (state)"), fiscal);
    {
      g_autofree char *vfm = kt_format_money (s->ind.vfm, KT_MONEY_BILLION, TRUE, kt_lang_current ());
      g_autofree char *psc = kt_format_money (s->ind.psc, KT_MONEY_BILLION, TRUE, kt_lang_current ());
      g_autofree char *line = g_strdup_printf (_("%s (PSC %s)"), vfm, psc);

      row (_("Value for money"), line);
    }
    row (_("EIRR"), econ);
  }
  if (claims->len == 0)
    row (_("Claimed figures"), _("none in the file"));
  else
    {
      printf ("\n%s\n", _("Figures the proposer claims (compared only, never used)"));
      for (guint i = 0; i < claims->len; i++)
        {
          const KtClaimCheck *c = claims->pdata[i];
          const KtFieldDesc *f = kt_claims_find (c->key);
          KtUnit unit = f != NULL ? f->unit : KT_UNIT_NONE;
          g_autofree char *claimed = kt_claims_format (unit, c->claimed, kt_lang_current ());
          g_autofree char *own = kt_claims_format (unit, c->recomputed, kt_lang_current ());
          g_autofree char *line = c->matches
                                  ? g_strdup_printf (_("%s — agrees"), claimed)
                                  : g_strdup_printf (_("%s — DIFFERS: recomputed %s"), claimed, own);

          row (c->label, line);
        }
    }

  printf ("\n%s\n", _("Legal checks"));
  for (guint i = 0; i < legal->len; i++)
    {
      const KtLegalResult *l = legal->pdata[i];
      const char *label = l->code;

      for (guint k = 0; rubric != NULL && k < rubric->checks->len; k++)
        {
          const KtRubricCheck *c = rubric->checks->pdata[k];

          if (strcmp (c->code, l->code) == 0)
            label = kt_rubric_text (c->label_en, c->label_vi);
        }
      printf ("  [%s] %s — %s\n", l->passed ? _("pass") : _("FAIL"), label, l->citation);
    }
  if (json_parser_load_from_data (parser, results, -1, NULL))
    {
      JsonObject *o = json_node_get_object (json_parser_get_root (parser));
      JsonArray *problems = json_object_has_member (o, "problems")
                            ? json_object_get_array_member (o, "problems") : NULL;
      guint shown = 0;

      for (guint i = 0; problems != NULL && i < json_array_get_length (problems); i++)
        {
          JsonObject *p = json_array_get_object_element (problems, i);
          const char *sev = json_object_get_string_member (p, "severity");

          if (g_strcmp0 (sev, "info") == 0)
            continue;
          if (shown++ == 0)
            printf ("\n%s\n", _("Problems found by the recomputation and validation"));
          printf ("  %s: %s (%s)\n", g_strcmp0 (sev, "error") == 0 ? _("error") : _("warning"),
                  json_object_get_string_member (p, "message"),
                  json_object_get_string_member (p, "where"));
        }
    }

  printf ("\n%s\n", _("Scores"));
  for (guint i = 0; i < agg.criteria->len; i++)
    {
      const KtCriterionResult *r = &g_array_index (agg.criteria, KtCriterionResult, i);
      g_autofree char *mean = number (r->mean, 2);
      g_autofree char *max = number (r->criterion->scale_max, 0);

      printf ("  %s (%s %g) — %s / %s%s%s\n", criterion_label (r->criterion), _("weight"),
              r->criterion->weight, mean, max,
              r->criterion->automatic ? _(", automatic") : "",
              r->disagreement ? _(", DISAGREEMENT") : "");
      for (guint k = 0; k < scores->len; k++)
        {
          const KtScore *sc = scores->pdata[k];
          g_autofree char *v = number (sc->score, 2);
          g_auto (GStrv) lines = NULL;

          if (strcmp (sc->criterion, r->criterion->key) != 0)
            continue;
          if (strcmp (sc->appraiser, "auto") == 0)
            {
              lines = g_strsplit (sc->comment ? sc->comment : "", "\n", -1);
              for (int l = 0; lines[l] != NULL; l++)
                if (*lines[l])
                  printf ("      %s\n", lines[l]);
            }
          else
            printf ("      %s: %s — %s\n", sc->appraiser, v, sc->comment);
        }
    }
  {
    g_autofree char *total = number (agg.total, 1);
    g_autofree char *spread = number (agg.spread, 1);
    g_autofree char *line = g_strdup_printf (_("%s / 100 (%d appraisers, spread %s, %d criteria unscored)"),
                                             total, agg.n_appraisers, spread, agg.n_unscored);
    row (_("Aggregate"), line);
    if (agg.n_legal_failed > 0)
      row ("", _("a legal check failed: not eligible whatever the score"));
  }

  if (prev != NULL)
    {
      printf ("\n%s\n", _("Changes since the previous version"));
      print_indicator_move (_("Total investment"), prev->ind.total_investment, s->ind.total_investment, FALSE, TRUE);
      print_indicator_move (_("Project NPV"), prev->ind.project_npv, s->ind.project_npv, FALSE, TRUE);
      print_indicator_move (_("Project IRR"), prev->ind.project_irr, s->ind.project_irr, TRUE, FALSE);
      print_indicator_move (_("Equity IRR"), prev->ind.equity_irr, s->ind.equity_irr, TRUE, FALSE);
      print_indicator_move (_("Minimum DSCR"), prev->ind.dscr_min, s->ind.dscr_min, FALSE, FALSE);
      print_indicator_move (_("Payback"), prev->ind.payback, s->ind.payback, FALSE, FALSE);
      print_indicator_move (_("Fiscal NPV (state)"), prev->ind.fiscal_npv, s->ind.fiscal_npv, FALSE, TRUE);
      print_indicator_move (_("Value for money"), prev->ind.vfm, s->ind.vfm, FALSE, TRUE);
      printf (ngettext ("  %u input changed:\n", "  %u inputs changed:\n", changes->len), changes->len);
      for (guint i = 0; i < changes->len; i++)
        {
          const KtFieldChange *c = changes->pdata[i];
          g_autofree char *a = fit (c->old_value ? c->old_value : _("(absent)"), 60);
          g_autofree char *b = fit (c->new_value ? c->new_value : _("(absent)"), 60);

          printf ("    %s: %s → %s\n", c->path, g_strstrip (a), g_strstrip (b));
        }
    }
  kt_aggregate_clear (&agg);
  return KT_CLI_OK;
}

/* ---- score, decide ---- */

static int
cmd_score (const Globals *g,
           int            argc,
           char         **argv)
{
  g_autofree char *appraiser = NULL;
  g_autofree char *criterion = NULL;
  g_autofree char *score_text = NULL;
  g_autofree char *comment = NULL;
  GOptionEntry entries[] = {
    { "appraiser", 0, 0, G_OPTION_ARG_STRING, &appraiser, N_("Who scores"), N_("NAME") },
    { "criterion", 0, 0, G_OPTION_ARG_STRING, &criterion, N_("Criterion key of the rubric"), N_("KEY") },
    { "score", 0, 0, G_OPTION_ARG_STRING, &score_text, N_("Score on the criterion’s scale"), N_("X") },
    { "comment", 0, 0, G_OPTION_ARG_STRING, &comment, N_("Reasons (required)"), N_("TEXT") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("ID — score a criterion of a submission"));
  g_autoptr (KtPortfolioDb) db = NULL;
  g_autoptr (GError) error = NULL;
  double score;
  gint64 id;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return kt_cli_usage_error (CMD, "%s", error->message);
  if (argc != 2 || !parse_id (argv[1], &id))
    return kt_cli_usage_error (CMD, "%s", _("score: give one submission ID"));
  if (criterion == NULL || score_text == NULL)
    return kt_cli_usage_error (CMD, "%s", _("score: --criterion and --score are required"));
  if (!kt_parse_number (score_text, kt_lang_current (), &score))
    return kt_cli_usage_error (CMD, _("score: “%s” is not a number"), score_text);
  if (comment == NULL || *g_strstrip (comment) == '\0')
    return kt_cli_usage_error (CMD, "%s", _("score: a comment is required (--comment TEXT)"));
  db = open_portfolio (g, FALSE);
  if (db == NULL)
    return KT_CLI_USAGE;
  if (!kt_portfolio_db_score (db, id, appraiser ? appraiser : kt_portfolio_default_appraiser (),
                              criterion, score, comment, &error))
    return fail (error);
  return KT_CLI_OK;
}

static int
cmd_decide (const Globals *g,
            int            argc,
            char         **argv)
{
  g_autofree char *appraiser = NULL;
  g_autofree char *decision = NULL;
  g_autofree char *note = NULL;
  GOptionEntry entries[] = {
    { "decision", 0, 0, G_OPTION_ARG_STRING, &decision, N_("approve, return (for revision) or reject"), N_("DECISION") },
    { "appraiser", 0, 0, G_OPTION_ARG_STRING, &appraiser, N_("Who decides"), N_("NAME") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("Reasons (required)"), N_("TEXT") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("ID — record the final decision (locks the scores)"));
  g_autoptr (KtPortfolioDb) db = NULL;
  g_autoptr (GError) error = NULL;
  gint64 id;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return kt_cli_usage_error (CMD, "%s", error->message);
  if (argc != 2 || !parse_id (argv[1], &id))
    return kt_cli_usage_error (CMD, "%s", _("decide: give one submission ID"));
  if (decision == NULL)
    return kt_cli_usage_error (CMD, "%s", _("decide: --decision approve|return|reject is required"));
  db = open_portfolio (g, FALSE);
  if (db == NULL)
    return KT_CLI_USAGE;
  if (!kt_portfolio_db_decide (db, id, decision, appraiser ? appraiser : kt_portfolio_default_appraiser (),
                               note, &error))
    return fail (error);
  return KT_CLI_OK;
}

/* ---- rank ---- */

static int
cmd_rank (const Globals *g,
          int            argc,
          char         **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("— latest versions by aggregate score"));
  g_autoptr (KtPortfolioDb) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return kt_cli_usage_error (CMD, "%s", error->message);
  db = open_portfolio (g, json);
  if (db == NULL)
    return KT_CLI_USAGE;
  rows = kt_portfolio_db_rank (db, &error);
  if (rows == NULL)
    return fail (error);
  if (json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < rows->len; i++)
        {
          const KtRankRow *r = rows->pdata[i];

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "rank");
          json_builder_add_int_value (b, i + 1);
          submission_json (b, r->submission);
          aggregate_json (b, &r->aggregate);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      print_json (b);
      return KT_CLI_OK;
    }
  {
    g_autofree char *h_name = fit (_("Name"), 44);

    printf ("%4s %6s %s %7s %7s  %s\n", _("#"), _("ID"), h_name, _("Score"), _("Spread"), _("Notes"));
  }
  for (guint i = 0; i < rows->len; i++)
    {
      const KtRankRow *r = rows->pdata[i];
      g_autofree char *name = fit (kt_submission_name (r->submission), 44);
      g_autofree char *total = number (r->aggregate.total, 1);
      g_autofree char *spread = number (r->aggregate.spread, 1);
      g_autofree char *t = fit (total, 7);
      g_autofree char *sp = fit (spread, 7);
      GString *notes = g_string_new (kt_decision_label (r->submission->decision));

      if (r->aggregate.n_legal_failed > 0)
        g_string_append (notes, _(", legal check failed"));
      if (r->aggregate.disagreement)
        g_string_append (notes, _(", appraisers disagree"));
      if (r->aggregate.n_unscored > 0)
        g_string_append_printf (notes, ngettext (", %d criterion unscored", ", %d criteria unscored",
                                                 r->aggregate.n_unscored), r->aggregate.n_unscored);
      printf ("%4u %6" G_GINT64_FORMAT " %s %s %s  %s\n", i + 1, r->submission->id, name, t, sp, notes->str);
      g_string_free (notes, TRUE);
    }
  return KT_CLI_OK;
}

/* ---- catalogue ---- */

static int
cmd_catalogue (const Globals *g,
               int            argc,
               char         **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to OUT.csv, OUT.xlsx or OUT.pdf"), N_("OUT") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("— the catalogue of projects, ranked"));
  g_autoptr (KtPortfolioDb) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *bytes = NULL;
  g_autofree char *sha = NULL;
  const char *format;
  gsize len = 0;
  gboolean ok;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return kt_cli_usage_error (CMD, "%s", error->message);
  if (output == NULL)
    return kt_cli_usage_error (CMD, "%s", _("catalogue: -o OUT.csv|OUT.xlsx|OUT.pdf is required"));
  lower = g_ascii_strdown (output, -1);
  if (g_str_has_suffix (lower, ".csv"))
    format = "csv";
  else if (g_str_has_suffix (lower, ".xlsx"))
    format = "xlsx";
  else if (g_str_has_suffix (lower, ".pdf"))
    format = "pdf";
  else
    return kt_cli_usage_error (CMD, "%s", _("catalogue: the output must end in .csv, .xlsx or .pdf"));
#if !HAVE_XLSXWRITER
  if (strcmp (format, "xlsx") == 0)
    return kt_cli_usage_error (CMD, "%s", _("catalogue: this build has no XLSX support (libxlsxwriter)"));
#endif

  db = open_portfolio (g, FALSE);
  if (db == NULL)
    return KT_CLI_USAGE;
  rows = kt_portfolio_db_rank (db, &error);
  if (rows == NULL)
    return fail (error);
  ok = kt_catalogue_write (db, rows, strcmp (format, "pdf") == 0 ? KT_CATALOGUE_PDF
                                     : strcmp (format, "xlsx") == 0 ? KT_CATALOGUE_XLSX
                                                                    : KT_CATALOGUE_CSV,
                           output, &error);
  if (!ok)
    return fail (error);

  /* The export is logged with the hash of what was written. */
  if (!g_file_get_contents (output, &bytes, &len, &error))
    return fail (error);
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) bytes, len);
  if (kt_portfolio_db_is_read_only (db))
    g_printerr (_("khathi-cli %s: warning: the export was not logged: the portfolio is read-only\n"),
                CMD);
  else if (!kt_portfolio_db_log_export (db, format, output, sha, NULL, 0, &error))
    return fail (error);
  printf (_("%s: %u projects (SHA-256 %s)\n"), output, rows->len, sha);
  return KT_CLI_OK;
}


/* ---- appraisal report (PDF) ---- */

static int
cmd_report (const Globals *g,
            int            argc,
            char         **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the PDF to OUT"), N_("OUT.pdf") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("ID — the appraisal report of a submission (PDF)"));
  g_autoptr (KtPortfolioDb) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *bytes = NULL;
  g_autofree char *sha = NULL;
  gsize len = 0;
  gint64 id;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return kt_cli_usage_error (CMD, "%s", error->message);
  if (argc != 2 || !parse_id (argv[1], &id))
    return kt_cli_usage_error (CMD, "%s", _("report: give one submission ID"));
  if (output == NULL)
    return kt_cli_usage_error (CMD, "%s", _("report: -o OUT.pdf is required"));
  db = open_portfolio (g, FALSE);
  if (db == NULL)
    return KT_CLI_USAGE;
  if (!kt_appraisal_report_write (db, id, output, &error))
    return fail (error);
  if (!g_file_get_contents (output, &bytes, &len, &error))
    return fail (error);
  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) bytes, len);
  if (!kt_portfolio_db_is_read_only (db)
      && !kt_portfolio_db_log_export (db, "report-pdf", output, sha, NULL, id, &error))
    return fail (error);
  printf (_("%s: appraisal report of #%lld (SHA-256 %s)\n"), output, (long long) id, sha);
  return KT_CLI_OK;
}

/* ---- verify, audit ---- */

static int
cmd_verify (const Globals *g,
            int            argc,
            char         **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (_("— check the audit chain and the stored submissions"));
  g_autoptr (KtPortfolioDb) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *head = NULL;
  gint64 n = 0;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return kt_cli_usage_error (CMD, "%s", error->message);
  db = open_portfolio (g, FALSE);
  if (db == NULL)
    return KT_CLI_USAGE;
  if (!kt_portfolio_db_verify (db, problems, &n, &head, &error))
    return fail (error);
  if (kt_portfolio_db_get_warning (db) != NULL)
    g_ptr_array_add (problems, g_strdup (kt_portfolio_db_get_warning (db)));
  for (guint i = 0; i < problems->len; i++)
    printf ("%s\n", (char *) problems->pdata[i]);
  if (problems->len > 0)
    {
      printf (ngettext ("The portfolio was altered or damaged: %u problem.\n",
                        "The portfolio was altered or damaged: %u problems.\n", problems->len),
              problems->len);
      return KT_CLI_INVALID;
    }
  printf (_("The audit log is intact: %lld entries; last hash %s\n"), (long long) n, head);
  printf ("%s\n", _("Record the last hash outside the portfolio to detect a rewritten log later."));
  return KT_CLI_OK;
}

static int
cmd_audit (const Globals *g,
           int            argc,
           char         **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (_("[ID] — print the audit log"));
  g_autoptr (KtPortfolioDb) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  gint64 id = 0;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return kt_cli_usage_error (CMD, "%s", error->message);
  if (argc > 2 || (argc == 2 && !parse_id (argv[1], &id)))
    return kt_cli_usage_error (CMD, "%s", _("audit: give at most one submission ID"));
  db = open_portfolio (g, FALSE);
  if (db == NULL)
    return KT_CLI_USAGE;
  entries = kt_portfolio_db_get_audit (db, id, &error);
  if (entries == NULL)
    return fail (error);
  for (guint i = 0; i < entries->len; i++)
    {
      const KtAuditEntry *e = entries->pdata[i];
      g_autofree char *detail = fit (e->detail, 50);

      printf ("%5" G_GINT64_FORMAT "  %s  %-7s #%-5" G_GINT64_FORMAT " %s  %s %s  %s  %.12s…\n",
              e->seq, e->at, e->action, e->submission_id, e->actor, e->subject, e->value,
              g_strstrip (detail), e->hash);
    }
  return KT_CLI_OK;
}

/* ---- dispatch ---- */

static const struct {
  const char *name;
  int (*run) (const Globals *, int, char **);
  const char *summary;   /* N_() */
} subcommands[] = {
  { "import", cmd_import, N_("Import submissions (FILE…)") },
  { "list", cmd_list, N_("List submissions (--filter, --sort, --search, --json)") },
  { "show", cmd_show, N_("Show a submission: figures, checks, scores, changes (ID)") },
  { "score", cmd_score, N_("Score a criterion (ID --appraiser --criterion --score --comment)") },
  { "decide", cmd_decide, N_("Final decision (ID --decision --appraiser --note)") },
  { "rank", cmd_rank, N_("Rank the latest versions by aggregate score (--json)") },
  { "catalogue", cmd_catalogue, N_("Write the catalogue (-o OUT.csv|OUT.xlsx|OUT.pdf)") },
  { "report", cmd_report, N_("Write the appraisal report of a submission (ID -o OUT.pdf)") },
  { "verify", cmd_verify, N_("Check the audit chain; exit 1 if broken") },
  { "audit", cmd_audit, N_("Print the audit log ([ID])") },
};

static void
portfolio_help (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: khathi-cli portfolio [--db DB] [--rubric FILE] COMMAND [OPTION…]"));
  fprintf (out, "%s\n", _("Commands:"));
  for (gsize i = 0; i < G_N_ELEMENTS (subcommands); i++)
    fprintf (out, "  %-10s %s\n", subcommands[i].name, _(subcommands[i].summary));
  {
    g_autofree char *path = kt_portfolio_db_default_path ();
    g_autofree char *line = g_strdup_printf (_("The default database is %s."), path);

    fprintf (out, "\n%s\n", line);
  }
}

int
kt_cli_portfolio (int    argc,
                  char **argv)
{
  Globals g = { NULL, NULL };
  int i = 1;

  while (i < argc && argv[i][0] == '-')
    {
      if (strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0)
        {
          portfolio_help (stdout);
          return KT_CLI_OK;
        }
      if ((strcmp (argv[i], "--db") == 0 || strcmp (argv[i], "--rubric") == 0) && i + 1 < argc)
        {
          if (strcmp (argv[i], "--db") == 0)
            g.db_path = argv[i + 1];
          else
            g.rubric_path = argv[i + 1];
          i += 2;
        }
      else if (g_str_has_prefix (argv[i], "--db="))
        g.db_path = argv[i++] + 5;
      else if (g_str_has_prefix (argv[i], "--rubric="))
        g.rubric_path = argv[i++] + 9;
      else
        return kt_cli_usage_error (CMD, _("unknown option “%s”"), argv[i]);
    }
  if (i >= argc)
    {
      portfolio_help (stderr);
      return KT_CLI_USAGE;
    }
  for (gsize k = 0; k < G_N_ELEMENTS (subcommands); k++)
    if (strcmp (argv[i], subcommands[k].name) == 0)
      return subcommands[k].run (&g, argc - i, argv + i);
  g_printerr (_("khathi-cli portfolio: unknown command “%s”\n"), argv[i]);
  portfolio_help (stderr);
  return KT_CLI_USAGE;
}
