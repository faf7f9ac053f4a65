/* test-proposal.c — the proposal report of every sample in vi and en, checked with poppler and qpdf
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each sample and language: the chapter titles of the report's language
 * are in the text and in the outline (and the other language's are not), the
 * indicators appear exactly as kt-format writes the engine's values, the
 * SHA-256 of the sample file is printed, every font is embedded, qpdf finds
 * no damage, the page count is sensible, and the file is small and quick to
 * make.  Tools that are missing skip their checks.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <gsl/gsl_errno.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "kt-model.h"
#include "kt-project-file.h"
#include "kt-proposal.h"
#include "kt-report-i18n.h"
#include "kt-rules.h"


/* Whether a tool is on PATH (the path itself is not needed). */
static gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);
  return path != NULL;
}

static char *output_dir;

typedef struct {
  const char *sample;
  KtLang      lang;
  gboolean    simulate;
} Case;

/* Top-level outline entries after "Contents": the chapters, then the appendices. */
static const char * const chapter_msgids[] = {
  "Rationale and advantage of PPP",
  "Objectives, scale, location, schedule, term",
  "Technical and technology solution",
  "Data access, security and intellectual property",
  "Contract form and why",
  "Total investment and financing structure",
  "Operations and revenue",
  "Financial analysis",
  "Incentives and investment guarantees",
  "Risk analysis and sharing",
  "Sensitivity, scenarios and Monte Carlo simulation",
  "Socio-economic efficiency and value for money",
  "Implementation plan",
  "Conclusions and recommendations",
};
static const char * const appendix_msgids[] = {
  "Financial statements year by year",
  "Assumptions and sources",
  "Methodology",
};

static char *
tool_output (const char * const *argv,
             int                 *status)
{
  g_autoptr (GError) error = NULL;
  char *out = NULL;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, status, &error))
    g_error ("%s: %s", argv[0], error->message);
  return out;
}

/* pdftotext output with every run of white space (NBSP included) as one space. */
static char *
normalise (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *c = text; *c; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);

      if (g_unichar_isspace (u) || u == 0x00A0 || u == 0x202F)
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, u);
        }
    }
  return g_string_free (out, FALSE);
}

static void
assert_contains (const char *text,
                 const char *needle,
                 const char *what)
{
  g_autofree char *n = normalise (needle);

  if (strstr (text, n) == NULL)
    g_error ("%s “%s” is not in the report text", what, n);
}

static KtMoneyUnit
report_unit (const KtModel *model)
{
  double m = fabs (model->r.total_investment > 0 ? model->r.total_investment
                                                  : model->y.revenue[model->n_years - 1]);

  return m >= 1e10 ? KT_MONEY_BILLION : m >= 1e7 ? KT_MONEY_MILLION : KT_MONEY_DONG;
}

static void
check_text (const char    *pdf,
            const Case    *c,
            const KtModel *model,
            const char    *sha)
{
  const char *argv[] = { "pdftotext", pdf, "-", NULL };
  KtLang other = c->lang == KT_LANG_VI ? KT_LANG_EN : KT_LANG_VI;
  KtMoneyUnit unit = report_unit (model);
  const KtModelResults *r = &model->r;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  int status;

  raw = tool_output (argv, &status);
  g_assert_cmpint (status, ==, 0);
  text = normalise (raw);

  for (gsize i = 0; i < G_N_ELEMENTS (chapter_msgids); i++)
    {
      const char *mine = kt_report_gettext (c->lang, chapter_msgids[i]);
      const char *theirs = kt_report_gettext (other, chapter_msgids[i]);

      assert_contains (text, mine, "chapter title");
      /* Untranslated titles read the same in both. */
      if (strcmp (mine, theirs) != 0)
        g_assert_null (strstr (text, theirs));
    }

  {
    g_autofree char *ti = kt_format_money (r->total_investment, unit, FALSE, c->lang);
    g_autofree char *npv = kt_format_money (r->project_npv, unit, FALSE, c->lang);
    g_autofree char *enpv = kt_format_money (r->enpv, unit, FALSE, c->lang);
    g_autofree char *words = kt_format_amount_in_words (r->total_investment, c->lang);

    assert_contains (text, ti, "total investment");
    assert_contains (text, npv, "project NPV");
    assert_contains (text, enpv, "ENPV");
    /* pdftotext joins "ninety-" and "seven" at a line break as "ninetyseven". */
    {
      g_autofree char *bare_text = g_strdup (text);
      g_autofree char *bare_words = normalise (words);

      g_strdelimit (bare_text, "-", ' ');
      g_strdelimit (bare_words, "-", ' ');
      {
        g_autofree char *a = normalise (bare_text);
        g_autofree char *b = normalise (bare_words);
        g_auto (GStrv) wa = g_strsplit (a, " ", -1);
        g_autofree char *ja = g_strjoinv ("", wa);
        g_auto (GStrv) wb = g_strsplit (b, " ", -1);
        g_autofree char *jb = g_strjoinv ("", wb);

        if (strstr (ja, jb) == NULL)
          g_error ("total investment in words “%s” is not in the report text", words);
      }
    }
  }
  if (r->project_irr.status != KT_IRR_NONE)
    {
      g_autofree char *firr = kt_format_percent (r->project_irr.irr, 2, c->lang);

      assert_contains (text, firr, "FIRR");
    }
  if (r->equity_irr.status != KT_IRR_NONE)
    {
      g_autofree char *eirr = kt_format_percent (r->equity_irr.irr, 2, c->lang);

      assert_contains (text, eirr, "equity IRR");
    }
  if (isfinite (r->dscr_min))
    {
      g_autofree char *dscr = kt_format_number (r->dscr_min, 2, c->lang);
      g_autofree char *llcr = kt_format_number (r->llcr, 2, c->lang);

      assert_contains (text, dscr, "minimum DSCR");
      assert_contains (text, llcr, "LLCR");
    }
  assert_contains (text, sha, "SHA-256");
  assert_contains (text, "MODEL.md", "reproducibility line");
}

static void
check_fonts (const char *pdf)
{
  const char *argv[] = { "pdffonts", pdf, NULL };
  g_autofree char *out = NULL;
  g_auto (GStrv) lines = NULL;
  int status, fonts = 0;

  out = tool_output (argv, &status);
  g_assert_cmpint (status, ==, 0);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto (GStrv) cols = NULL;
      guint n;

      if (*lines[i] == '\0')
        continue;
      /* name type [type] encoding emb sub uni object ID: emb is the 5th from the end. */
      cols = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      {
        g_autoptr (GPtrArray) words = g_ptr_array_new ();

        for (guint k = 0; cols[k] != NULL; k++)
          if (*cols[k])
            g_ptr_array_add (words, cols[k]);
        n = words->len;
        g_assert_cmpuint (n, >=, 7);
        if (strcmp (words->pdata[n - 5], "yes") != 0)
          g_error ("font not embedded: %s", lines[i]);
        g_assert_true (g_str_has_suffix (words->pdata[0], "LiberationSerif") ||
                       strstr (words->pdata[0], "LiberationSerif-") != NULL);
      }
      fonts++;
    }
  g_assert_cmpint (fonts, >, 0);
}

static void
check_qpdf (const char *pdf,
            const Case *c)
{
  const char *check[] = { "qpdf", "--check", pdf, NULL };
  const char *json[] = { "qpdf", "--json", "--json-key=pages", "--json-key=outlines", pdf, NULL };
  g_autofree char *check_out = NULL;
  g_autofree char *json_out = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  JsonObject *root;
  JsonArray *outlines;
  guint pages;
  int status;

  check_out = tool_output (check, &status);
  g_assert_cmpint (status, ==, 0);

  json_out = tool_output (json, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, json_out, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  pages = json_array_get_length (json_object_get_array_member (root, "pages"));
  g_test_message ("%s (%s): %u pages", c->sample, kt_lang_code (c->lang), pages);
  g_assert_cmpuint (pages, >=, 20);
  g_assert_cmpuint (pages, <=, 80);

  /* Contents, the numbered chapters, the appendices — in order. */
  outlines = json_object_get_array_member (root, "outlines");
  g_assert_cmpuint (json_array_get_length (outlines), ==,
                    1 + G_N_ELEMENTS (chapter_msgids) + G_N_ELEMENTS (appendix_msgids));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (outlines, 0),
                                                  "title"),
                   ==, kt_report_gettext (c->lang, "Contents"));
  for (guint i = 0; i < G_N_ELEMENTS (chapter_msgids); i++)
    {
      g_autofree char *want = g_strdup_printf ("%u. %s", i + 1,
                                               kt_report_gettext (c->lang, chapter_msgids[i]));
      const char *got = json_object_get_string_member (json_array_get_object_element (outlines,
                                                                                      i + 1),
                                                       "title");

      g_assert_cmpstr (got, ==, want);
    }
  for (guint i = 0; i < G_N_ELEMENTS (appendix_msgids); i++)
    {
      g_autofree char *head = g_strdup_printf (kt_report_gettext (c->lang, "Appendix %u"), i + 1);
      g_autofree char *want = g_strdup_printf ("%s. %s", head,
                                               kt_report_gettext (c->lang, appendix_msgids[i]));
      const char *got = json_object_get_string_member (
        json_array_get_object_element (outlines, 1 + G_N_ELEMENTS (chapter_msgids) + i), "title");

      g_assert_cmpstr (got, ==, want);
    }
}

static void
test_sample (gconstpointer user_data)
{
  const Case *c = user_data;
  g_autofree char *path = g_build_filename (kt_data_dir (), "samples", c->sample, NULL);
  g_autofree char *pdf = g_strdup_printf ("%s/%s-%s%s.pdf", output_dir, c->sample,
                                          kt_lang_code (c->lang), c->simulate ? "-mc" : "");
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (KtProject) project = NULL;
  g_autoptr (KtRuleSet) set = NULL;
  g_autoptr (GPtrArray) problems = kt_problems_new ();
  g_autoptr (KtModel) model = NULL;
  g_autoptr (KtSimulationResult) sim = NULL;
  g_autoptr (GDateTime) date = g_date_time_new_utc (2026, 11, 20, 9, 0, 0);
  g_autofree char *sha = NULL;
  const KtProjectData *data;
  KtProposalOptions options;
  KtRules rules;
  GStatBuf st;
  gint64 start;
  double seconds;

  project = kt_project_load (file, NULL, &error);
  g_assert_no_error (error);
  data = kt_project_get_data (project);
  set = kt_rule_set_load_by_id (data->rule_set, &error);
  g_assert_no_error (error);
  kt_rules_resolve (set, data, &rules, problems);
  sha = kt_proposal_file_sha256 (file, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (strlen (sha), ==, 64);

  model = kt_model_new (data, 0);
  g_assert_true (kt_model_evaluate (model, data, &rules, NULL));

  kt_proposal_options_init (&options, c->lang);
  options.project_sha256 = sha;
  options.date = date;
  start = g_get_monotonic_time ();
  if (c->simulate)
    {
      KtSimulationOptions so;

      kt_simulation_options_init (&so, data);
      so.iterations = 2000;
      sim = kt_simulation_run (data, &rules, &so, NULL, &error);
      g_assert_no_error (error);
      options.simulation = sim;
    }
  g_assert_true (kt_proposal_write (data, set, &rules, &options, pdf, &error));
  g_assert_no_error (error);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_test_message ("%s (%s%s): %.2f s, %ld bytes", c->sample, kt_lang_code (c->lang),
                  c->simulate ? ", 2000 MC iterations" : "", seconds, (long) st.st_size);
  g_assert_cmpint (st.st_size, <, 2 * 1024 * 1024);
  /* The target is 1 s; leave room for a loaded test machine. */
  g_assert_cmpfloat (seconds, <, 10.0);

  if (have_program ("pdftotext"))
    check_text (pdf, c, model, sha);
  if (have_program ("pdffonts"))
    check_fonts (pdf);
  if (have_program ("qpdf"))
    check_qpdf (pdf, c);
  if (sim != NULL && have_program ("pdftotext"))
    {
      const char *argv[] = { "pdftotext", pdf, "-", NULL };
      g_autofree char *raw = NULL;
      g_autofree char *text = NULL;
      g_autofree char *p50 = NULL;
      int status;

      raw = tool_output (argv, &status);
      text = normalise (raw);
      p50 = kt_format_money (sim->outcomes[KT_OUTCOME_PROJECT_NPV].summary.p50,
                             report_unit (model), FALSE, c->lang);
      assert_contains (text, p50, "Monte Carlo P50 of project NPV");
    }
}

/* A fixed date makes identical bytes: the report is reproducible. */
static void
test_reproducible (void)
{
  g_autofree char *path = g_build_filename (kt_data_dir (), "samples",
                                            "can-tho-smart-traffic.khathi", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (KtProject) project = kt_project_load (file, NULL, &error);
  g_autoptr (KtRuleSet) set = NULL;
  g_autoptr (GPtrArray) problems = kt_problems_new ();
  g_autoptr (GDateTime) date = g_date_time_new_utc (2026, 1, 5, 9, 0, 0);
  g_autoptr (GBytes) a = NULL;
  g_autoptr (GBytes) b = NULL;
  const KtProjectData *data;
  KtProposalOptions options;
  KtRules rules;

  g_assert_no_error (error);
  data = kt_project_get_data (project);
  set = kt_rule_set_load_by_id (data->rule_set, &error);
  g_assert_no_error (error);
  kt_rules_resolve (set, data, &rules, problems);
  kt_proposal_options_init (&options, KT_LANG_VI);
  options.project_sha256 = "0000000000000000000000000000000000000000000000000000000000000000";
  options.date = date;
  a = kt_proposal_render (data, set, &rules, &options, &error);
  g_assert_no_error (error);
  b = kt_proposal_render (data, set, &rules, &options, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (a, b));
}

/* A missing report font is an error, not a crash or a fallback font. */
static void
test_font_missing (void)
{
  g_autoptr (KtProject) project = kt_project_new ();
  g_autoptr (KtRuleSet) set = kt_rule_set_load_by_id (kt_rule_set_default_id (), NULL);
  g_autoptr (GPtrArray) problems = kt_problems_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *pdf = g_build_filename (output_dir, "no-font.pdf", NULL);
  KtProjectData *data = kt_project_edit_data (project);
  KtProposalOptions options;
  KtRules rules;

  data->construction_years = 0;
  data->operation_years = 3;
  kt_rules_resolve (set, data, &rules, problems);
  kt_proposal_options_init (&options, KT_LANG_EN);
  g_setenv ("KHATHI_REPORT_FONT", "No Such Font Family", TRUE);
  g_assert_false (kt_proposal_write (data, set, &rules, &options, pdf, &error));
  g_unsetenv ("KHATHI_REPORT_FONT");
  g_assert_nonnull (error);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* A Vietnamese UI writing an English report: the engine's row labels (made
 * with _()) must come out in the report's language, not the UI's. */
static void
test_ui_language (void)
{
  const char *localedir = g_getenv ("KHATHI_LOCALEDIR");
  g_autofree char *path = g_build_filename (kt_data_dir (), "samples",
                                            "can-tho-smart-traffic.khathi", NULL);
  g_autofree char *pdf = g_build_filename (output_dir, "ui-vi-report-en.pdf", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (KtProject) project = NULL;
  g_autoptr (KtRuleSet) set = NULL;
  g_autoptr (GPtrArray) problems = kt_problems_new ();
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  const char *argv[] = { "pdftotext", pdf, "-", NULL };
  const KtProjectData *data;
  KtProposalOptions options;
  KtRules rules;
  int status;

  if (localedir == NULL || !have_program ("pdftotext"))
    {
      g_test_skip ("needs KHATHI_LOCALEDIR and pdftotext");
      return;
    }
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_setenv ("LANGUAGE", "vi", TRUE);
  if (strcmp (gettext ("Net income"), "Net income") == 0)
    {
      g_unsetenv ("LANGUAGE");
      g_test_skip ("the Vietnamese catalogue is not active in this locale");
      return;
    }

  project = kt_project_load (file, NULL, &error);
  g_assert_no_error (error);
  data = kt_project_get_data (project);
  set = kt_rule_set_load_by_id (data->rule_set, &error);
  g_assert_no_error (error);
  kt_rules_resolve (set, data, &rules, problems);
  kt_proposal_options_init (&options, KT_LANG_EN);
  g_assert_true (kt_proposal_write (data, set, &rules, &options, pdf, &error));
  g_assert_no_error (error);
  /* The UI is still Vietnamese afterwards. */
  g_assert_cmpstr (gettext ("Net income"), !=, "Net income");
  g_unsetenv ("LANGUAGE");

  raw = tool_output (argv, &status);
  text = normalise (raw);
  assert_contains (text, "Net income", "English row label");
  assert_contains (text, "Passed", "English check result");
  g_assert_null (strstr (text, kt_report_gettext (KT_LANG_VI, "Net income")));
}

int
main (int    argc,
      char **argv)
{
  static const char * const samples[] = {
    "can-tho-smart-traffic.khathi", "can-tho-health-records.khathi", "can-tho-agri-uav.khathi",
  };
  GPtrArray *cases = g_ptr_array_new_with_free_func (g_free);
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  gsl_set_error_handler_off ();
  output_dir = g_dir_make_tmp ("khathi-proposal-XXXXXX", NULL);
  g_assert_nonnull (output_dir);

  for (gsize s = 0; s < G_N_ELEMENTS (samples); s++)
    for (int l = 0; l < 2; l++)
      {
        Case *c = g_new0 (Case, 1);
        g_autofree char *name = NULL;

        c->sample = samples[s];
        c->lang = l == 0 ? KT_LANG_VI : KT_LANG_EN;
        name = g_strdup_printf ("/report/proposal/%s/%s", samples[s], kt_lang_code (c->lang));
        g_ptr_array_add (cases, c);
        g_test_add_data_func (name, c, test_sample);
      }
  {
    Case *c = g_new0 (Case, 1);

    c->sample = samples[0];
    c->lang = KT_LANG_EN;
    c->simulate = TRUE;
    g_ptr_array_add (cases, c);
    g_test_add_data_func ("/report/proposal/monte-carlo", c, test_sample);
  }
  g_test_add_func ("/report/proposal/reproducible", test_reproducible);
  g_test_add_func ("/report/proposal/font-missing", test_font_missing);
  g_test_add_func ("/report/proposal/ui-language", test_ui_language);

  status = g_test_run ();
  if (g_getenv ("KHATHI_KEEP_REPORTS") == NULL)
    {
      g_autoptr (GDir) dir = g_dir_open (output_dir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *file = g_build_filename (output_dir, name, NULL);

          g_unlink (file);
        }
      g_rmdir (output_dir);
    }
  else
    g_printerr ("reports kept in %s\n", output_dir);
  g_ptr_array_unref (cases);
  return status;
}
