/* test-help.c — F1 opens the help page of what the window shows; the dashboard follows the money unit
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under Xvfb (exit 77 without a display).  The topics are checked against
 * help/C: every page and <section id> they name must exist there.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <string.h>

#include "kt-application.h"
#include "kt-dashboard.h"
#include "kt-format.h"
#include "kt-help.h"
#include "kt-model.h"
#include "kt-portfolio-window.h"
#include "kt-results-page.h"
#include "kt-rules.h"
#include "kt-vfm.h"
#include "kt-window.h"

static KtApplication *app;

static const char * const result_views[] = { "dashboard", "statements", "charts", "simulation" };

/* TRUE when help/C/PAGE.page exists and, for "page#id", has <section id="id">. */
static gboolean
topic_exists (const char *topic)
{
  g_auto(GStrv) parts = g_strsplit (topic, "#", 2);
  g_autofree char *name = g_strconcat (parts[0], ".page", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "help", "C", name, NULL);
  g_autofree char *text = NULL;
  g_autofree char *section = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    {
      g_test_message ("no help page %s", path);
      return FALSE;
    }
  if (parts[1] == NULL)
    return TRUE;
  section = g_strdup_printf ("<section id=\"%s\"", parts[1]);
  if (strstr (text, section) == NULL)
    {
      g_test_message ("%s has no %s", path, section);
      return FALSE;
    }
  return TRUE;
}

static void
test_topics_exist (void)
{
  const char * const *sections = kt_help_sections ();
  guint n = 0;

  for (; sections[n] != NULL; n++)
    {
      const char *topic = kt_help_topic_for_section (sections[n], NULL);

      g_assert_nonnull (topic);
      g_assert_true (topic_exists (topic));
    }
  /* Every section of the study window's sidebar. */
  g_assert_cmpuint (n, ==, 13);
  for (gsize i = 0; i < G_N_ELEMENTS (result_views); i++)
    g_assert_true (topic_exists (kt_help_topic_for_section ("results", result_views[i])));
  g_assert_true (topic_exists ("getting-started"));
  g_assert_true (topic_exists ("portfolio"));
  g_assert_true (topic_exists ("index"));
  g_assert_null (kt_help_topic_for_section ("no-such-section", NULL));
  /* An unknown view of Results falls back to the page. */
  g_assert_cmpstr (kt_help_topic_for_section ("results", "other"), ==, "results");
}

static void
test_uri (void)
{
  g_autofree char *financing = kt_help_uri (kt_help_topic_for_section ("financing", NULL));
  g_autofree char *index = kt_help_uri ("index");
  g_autofree char *none = kt_help_uri (NULL);
  g_autofree char *portfolio = kt_help_uri ("portfolio");

  g_assert_cmpstr (financing, ==, "help:khathi/study-by-section#financing");
  g_assert_cmpstr (index, ==, "help:khathi");
  g_assert_cmpstr (none, ==, "help:khathi");
  g_assert_cmpstr (portfolio, ==, "help:khathi/portfolio");
}

static char *
sample_path (const char *name)
{
  const char *data_dir = g_getenv ("KHATHI_DATA_DIR");

  if (data_dir != NULL && *data_dir != '\0')
    return g_build_filename (data_dir, "samples", name, NULL);
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples", name, NULL);
}

static void
iterate (void)
{
  for (int i = 0; i < 200 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static KtWindow *
open_sample (const char *name)
{
  g_autofree char *path = sample_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  KtWindow *window = kt_window_new (app);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  gtk_window_present (GTK_WINDOW (window));
  kt_window_open_file (window, file);
  while (kt_window_is_loading (window))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  iterate ();
  g_assert_nonnull (kt_window_get_project (window));
  return window;
}

static KtResultsPage *
find_results_page (GtkWidget *widget)
{
  if (KT_IS_RESULTS_PAGE (widget))
    return KT_RESULTS_PAGE (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      KtResultsPage *page = find_results_page (c);

      if (page != NULL)
        return page;
    }
  return NULL;
}

static void
test_window_topics (void)
{
  KtWindow *window = kt_window_new (app);
  KtResultsPage *results;
  GtkStack *pages;
  AdwViewStack *views;
  GtkWindow *dialog;
  GtkWindow *other;
  const char * const *sections = kt_help_sections ();

  /* No study: how to start. */
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (kt_help_topic_for_window (GTK_WINDOW (window)), ==, "getting-started");
  gtk_window_destroy (GTK_WINDOW (window));

  window = open_sample ("can-tho-smart-traffic.khathi");
  for (guint i = 0; sections[i] != NULL; i++)
    {
      const char *expected = kt_help_topic_for_section (sections[i], NULL);

      kt_window_show_section (window, sections[i]);
      iterate ();
      g_assert_cmpstr (kt_window_get_section (window), ==, sections[i]);
      /* Results opens on its dashboard, which has a section of its own. */
      if (g_str_equal (sections[i], "results"))
        expected = "results#dashboard";
      g_assert_cmpstr (kt_help_topic_for_window (GTK_WINDOW (window)), ==, expected);
    }
  /* Each view of Results opens its own section of results.page. */
  kt_window_show_section (window, "results");
  results = find_results_page (GTK_WIDGET (window));
  g_assert_nonnull (results);
  for (gsize v = 0; v < G_N_ELEMENTS (result_views); v++)
    {
      g_autofree char *expected = g_strconcat ("results#", result_views[v], NULL);

      kt_results_page_show_view (results, result_views[v]);
      g_assert_cmpstr (kt_help_topic_for_window (GTK_WINDOW (window)), ==, expected);
    }
  kt_results_page_show_view (results, "dashboard");

  kt_window_show_section (window, "financing");
  g_assert_cmpstr (kt_help_topic_for_window (GTK_WINDOW (window)), ==,
                   "study-by-section#financing");

  /* A dialog without a topic opens its parent's. */
  dialog = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_transient_for (dialog, GTK_WINDOW (window));
  g_assert_cmpstr (kt_help_topic_for_window (dialog), ==, "study-by-section#financing");
  gtk_window_destroy (dialog);

  /* Another window names its own topic (the portfolio window's contract). */
  other = GTK_WINDOW (gtk_window_new ());
  g_object_set_data_full (G_OBJECT (other), KT_HELP_TOPIC_KEY, g_strdup ("portfolio"), g_free);
  g_assert_cmpstr (kt_help_topic_for_window (other), ==, "portfolio");
  dialog = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_transient_for (dialog, other);
  g_assert_cmpstr (kt_help_topic_for_window (dialog), ==, "portfolio");
  gtk_window_destroy (dialog);
  gtk_window_destroy (other);

  /* A bare page gains the section of the view shown: the portfolio window's
   * pages stack holds its views, each named as a section of portfolio.page. */
  other = GTK_WINDOW (gtk_window_new ());
  g_object_set_data_full (G_OBJECT (other), KT_HELP_TOPIC_KEY, g_strdup ("portfolio"), g_free);
  pages = GTK_STACK (gtk_stack_new ());
  views = ADW_VIEW_STACK (adw_view_stack_new ());
  adw_view_stack_add_named (views, gtk_label_new ("list"), "submissions");
  adw_view_stack_add_named (views, gtk_label_new ("ranking"), "ranking");
  gtk_stack_add_named (pages, GTK_WIDGET (views), "views");
  gtk_stack_add_named (pages, gtk_label_new ("compare"), "compare");
  gtk_window_set_child (other, GTK_WIDGET (pages));
  gtk_window_present (other);
  g_assert_cmpstr (kt_help_topic_for_window (other), ==, "portfolio#submissions");
  adw_view_stack_set_visible_child_name (views, "ranking");
  g_assert_cmpstr (kt_help_topic_for_window (other), ==, "portfolio#ranking");
  gtk_stack_set_visible_child_name (pages, "compare");
  g_assert_cmpstr (kt_help_topic_for_window (other), ==, "portfolio#compare");
  g_assert_true (topic_exists ("portfolio#submissions") && topic_exists ("portfolio#ranking")
                 && topic_exists ("portfolio#chart") && topic_exists ("portfolio#submission")
                 && topic_exists ("portfolio#compare"));
  gtk_window_destroy (other);

  /* A window that says nothing opens the front page. */
  other = GTK_WINDOW (gtk_window_new ());
  g_assert_cmpstr (kt_help_topic_for_window (other), ==, "index");
  gtk_window_destroy (other);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The real portfolio window: its views open their sections of portfolio.page. */
static void
test_portfolio_window_topics (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("test-help-XXXXXX", &error);
  g_autofree char *path = NULL;
  KtPortfolioWindow *window;
  const char * const views[] = { "ranking", "chart", "submissions" };

  g_assert_no_error (error);
  path = g_build_filename (folder, "portfolio.sqlite", NULL);
  window = kt_portfolio_window_new (app, path);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  g_assert_cmpstr (kt_help_topic_for_window (GTK_WINDOW (window)), ==, "portfolio#submissions");
  for (gsize i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_autofree char *expected = g_strconcat ("portfolio#", views[i], NULL);

      kt_portfolio_window_set_view (window, views[i]);
      g_assert_cmpstr (kt_help_topic_for_window (GTK_WINDOW (window)), ==, expected);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_unlink (path);
  g_rmdir (folder);
}

static KtDashboard *
find_dashboard (GtkWidget *widget)
{
  if (KT_IS_DASHBOARD (widget))
    return KT_DASHBOARD (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      KtDashboard *dashboard = find_dashboard (c);

      if (dashboard != NULL)
        return dashboard;
    }
  return NULL;
}

static KtModel *
evaluate (KtProject *project,
          KtVfm     *vfm)
{
  const KtProjectData *data = kt_project_get_data (project);
  const char *id = data->rule_set != NULL && *data->rule_set ? data->rule_set
                                                               : kt_rule_set_default_id ();
  g_autoptr(GError) error = NULL;
  g_autoptr(KtRuleSet) set = kt_rule_set_load_by_id (id, &error);
  g_autoptr(GPtrArray) problems = kt_problems_new ();
  KtRules rules;
  KtModel *model;

  g_assert_no_error (error);
  kt_rules_resolve (set, data, &rules, problems);
  model = kt_model_new (data, 0);
  g_assert_true (kt_model_evaluate (model, data, &rules, NULL));
  kt_vfm_compute (model, data, vfm);
  return model;
}

/* KHATHI_SCREENSHOT_DIR=dir: the window in each unit, to look at the fit. */
static void
save_window_png (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("KHATHI_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  GdkPaintable *paintable;
  GtkSnapshot *snapshot;
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  if (dir == NULL)
    return;
  gtk_test_widget_wait_for_draw (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_object_unref (paintable);
}

static void
assert_amounts_in (KtDashboard   *dashboard,
                   const KtModel *model,
                   const KtVfm   *vfm,
                   KtMoneyUnit    unit)
{
  KtLang lang = kt_lang_current ();
  g_autofree char *npv = kt_format_money (model->r.project_npv, unit, TRUE, lang);
  g_autofree char *fiscal = kt_format_money (-model->r.fiscal_npv, unit, TRUE, lang);
  g_autofree char *vfm_text = kt_format_money (vfm->vfm, unit, TRUE, lang);
  g_autofree char *psc = kt_format_money (vfm->psc, unit, TRUE, lang);

  g_assert_cmpstr (kt_dashboard_get_figure (dashboard, "project-npv"), ==, npv);
  g_assert_cmpstr (kt_dashboard_get_figure (dashboard, "fiscal-cost"), ==, fiscal);
  g_assert_cmpstr (kt_dashboard_get_figure (dashboard, "vfm"), ==, vfm_text);
  g_assert_nonnull (strstr (kt_dashboard_get_explanation (dashboard, "vfm"), psc));
}

/* The first money row of the income statement with a non-zero amount in
 * some year: shown in `unit`, and the caption names that unit. */
static void
assert_statement_in (KtStatementView *view,
                     KtMoneyUnit      unit)
{
  g_autofree char *tsv = kt_statement_view_to_tsv (view);
  g_auto(GStrv) lines = g_strsplit (tsv, "\n", -1);
  const char *caption = kt_statement_view_get_unit_text (view);
  gboolean checked = FALSE;

  /* The TSV carries whole đồng: the reference figures. */
  for (guint i = 1; lines[i] != NULL && !checked; i++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[i], "\t", -1);

      for (guint y = 1; cells[y] != NULL && !checked; y++)
        {
          double dong = g_ascii_strtod (cells[y], NULL);
          g_autofree char *shown = NULL, *expected = NULL;

          if (*cells[y] == '\0' || fabs (dong) < 1e9 || strchr (cells[y], '.') != NULL
              || strchr (cells[y], ',') != NULL)
            continue;
          shown = kt_statement_view_get_cell_text (view, i - 1, (int) y - 1);
          expected = kt_format_money (dong, unit, FALSE, kt_lang_current ());
          g_assert_cmpstr (shown, ==, expected);
          checked = TRUE;
        }
    }
  g_assert_true (checked);
  g_assert_cmpstr (caption, ==,
                   g_dgettext (GETTEXT_PACKAGE,
                               unit == KT_MONEY_DONG ? "Đồng; costs and cash going out are negative"
                               : unit == KT_MONEY_MILLION
                               ? "Million ₫; costs and cash going out are negative"
                               : "Billion ₫; costs and cash going out are negative"));
}

/* The dashboard shows amounts in the unit of the preferences, and changes
 * as soon as the preference does. */
static void
test_dashboard_money_unit (void)
{
  GSettings *settings = kt_application_get_settings (app);
  KtWindow *window;
  KtDashboard *dashboard;
  KtStatementView *statements;
  KtVfm vfm;
  g_autoptr(KtModel) model = NULL;
  gint64 deadline;

  g_settings_set_string (settings, "money-unit", "billion");
  window = open_sample ("can-tho-smart-traffic.khathi");
  kt_window_show_section (window, "results");
  dashboard = find_dashboard (GTK_WIDGET (window));
  g_assert_nonnull (dashboard);
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (g_str_equal (kt_dashboard_get_figure (dashboard, "project-npv"), KT_FORMAT_NO_VALUE))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  model = evaluate (kt_window_get_project (window), &vfm);
  assert_amounts_in (dashboard, model, &vfm, KT_MONEY_BILLION);

  statements = kt_results_page_get_statements (
    KT_RESULTS_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (dashboard), KT_TYPE_RESULTS_PAGE)));
  kt_statement_view_set_table (statements, "income");
  assert_statement_in (statements, KT_MONEY_BILLION);

  g_settings_set_string (settings, "money-unit", "million");
  assert_amounts_in (dashboard, model, &vfm, KT_MONEY_MILLION);
  assert_statement_in (statements, KT_MONEY_MILLION);
  save_window_png (GTK_WIDGET (window), "dashboard-million.png");
  g_settings_set_string (settings, "money-unit", "dong");
  assert_amounts_in (dashboard, model, &vfm, KT_MONEY_DONG);
  assert_statement_in (statements, KT_MONEY_DONG);
  save_window_png (GTK_WIDGET (window), "dashboard-dong.png");
  g_settings_set_string (settings, "money-unit", "billion");
  assert_amounts_in (dashboard, model, &vfm, KT_MONEY_BILLION);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    return 77;
  adw_init ();
  gsl_set_error_handler_off ();

  app = kt_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/help/topics-exist", test_topics_exist);
  g_test_add_func ("/help/uri", test_uri);
  g_test_add_func ("/help/window-topics", test_window_topics);
  g_test_add_func ("/help/portfolio-window-topics", test_portfolio_window_topics);
  g_test_add_func ("/gui/dashboard/money-unit", test_dashboard_money_unit);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
