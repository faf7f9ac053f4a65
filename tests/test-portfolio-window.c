/* test-portfolio-window.c — the appraiser's window: import, list, search, sort, score, decide, export
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under Xvfb (exit 77 without a display).  KT_SCREENSHOT_DIR=dir also saves
 * the list and the submission page as PNG (KHATHI_DARK=1: the dark style).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <gsl/gsl_errno.h>
#include <locale.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "kt-application.h"
#include "kt-portfolio-window.h"
#include "kt-decision-dialog.h"
#include "kt-score-dialog.h"
#include "kt-window.h"

static KtApplication *app;

static char *
sample (const char *name)
{
  return g_build_filename (g_getenv ("KHATHI_DATA_DIR"), "samples", name, NULL);
}

static void
wait_idle (KtPortfolioWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (kt_portfolio_window_is_busy (window))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  const char *dir = g_getenv ("KT_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  GskRenderer *renderer;
  int width, height;

  if (dir == NULL)
    return;
  /* Let the page transition end. */
  {
    gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

    while (g_get_monotonic_time () < until)
      g_main_context_iteration (NULL, FALSE);
  }
  if (GTK_IS_ROOT (widget))
    gtk_test_widget_wait_for_draw (widget);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  path = g_build_filename (dir, name, NULL);
  paintable = gtk_widget_paintable_new (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* Finds the dialog of `type`, waits until it is on screen, saves it, closes it. */
static void
dialog_shows (GType       type,
              const char *shot)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWindow *dialog = NULL;
  gint64 until = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type))
        dialog = w;
    }
  g_assert_nonnull (dialog);
  while (!gtk_widget_get_mapped (GTK_WIDGET (dialog)) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  screenshot (GTK_WIDGET (dialog), shot);
  gtk_window_destroy (dialog);
}

static const char *
manual_criterion (KtPortfolioDb *db)
{
  const KtRubric *rubric = kt_portfolio_db_get_rubric (db, NULL);

  g_assert_nonnull (rubric);
  for (guint i = 0; i < rubric->criteria->len; i++)
    {
      const KtRubricCriterion *c = rubric->criteria->pdata[i];

      if (!c->automatic)
        return c->key;
    }
  g_assert_not_reached ();
  return NULL;
}

static void
test_workflow (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kt-portfolio-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "portfolio.sqlite", NULL);
  g_autofree char *pdf = g_build_filename (dir, "appraisal.pdf", NULL);
  g_autofree char *csv = g_build_filename (dir, "catalogue.csv", NULL);
  g_autofree char *uav = sample ("can-tho-agri-uav.khathi");
  g_autofree char *health = sample ("can-tho-health-records.khathi");
  g_autofree char *traffic = sample ("can-tho-smart-traffic.khathi");
  const char *files[] = { uav, health, traffic, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) engine = NULL;
  g_autofree char *bytes = NULL;
  gsize len = 0;
  KtPortfolioWindow *window;
  KtPortfolioList *list;
  KtSubmissionPage *page;
  KtPortfolioDb *db;
  const KtImportSummary *summary;
  KtPortfolioQuery q;
  const char *criterion;
  gint64 id;

  window = kt_portfolio_window_new (app, path);
  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 800);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  db = kt_portfolio_window_get_db (window);
  list = kt_portfolio_window_get_list (window);
  page = kt_portfolio_window_get_page (window);
  g_assert_nonnull (db);
  g_assert_false (kt_portfolio_db_is_read_only (db));
  g_assert_cmpstr (g_object_get_data (G_OBJECT (window), "kt-help-topic"), ==, "portfolio");
  g_assert_cmpuint (kt_portfolio_list_get_n_rows (list), ==, 0);
  screenshot (GTK_WIDGET (window), "portfolio-empty.png");

  /* Import the three samples through the window (a worker thread). */
  kt_portfolio_window_import (window, files);
  g_assert_true (kt_portfolio_window_is_busy (window));
  wait_idle (window);
  summary = kt_portfolio_window_get_import_summary (window);
  g_assert_nonnull (summary);
  g_assert_cmpuint (summary->n_imported, ==, 3);
  g_assert_cmpuint (summary->n_duplicates, ==, 0);
  g_assert_cmpuint (summary->n_failed, ==, 0);
  g_assert_cmpuint (kt_portfolio_list_get_n_rows (list), ==, 3);

  /* The same files again: duplicates, nothing new. */
  kt_portfolio_window_import (window, files);
  wait_idle (window);
  summary = kt_portfolio_window_get_import_summary (window);
  g_assert_cmpuint (summary->n_imported, ==, 0);
  g_assert_cmpuint (summary->n_duplicates, ==, 3);
  g_assert_cmpuint (kt_portfolio_list_get_n_rows (list), ==, 3);

  /* Full-text search on a word of one name. */
  kt_portfolio_list_set_search (list, "UAV");
  g_assert_cmpuint (kt_portfolio_list_get_n_rows (list), ==, 1);
  g_assert_nonnull (strstr (kt_portfolio_list_get_row (list, 0)->name_vi, "UAV"));
  kt_portfolio_list_set_search (list, "");
  g_assert_cmpuint (kt_portfolio_list_get_n_rows (list), ==, 3);

  /* Sorting by NPV follows the engine's order, both ways. */
  for (int desc = 0; desc <= 1; desc++)
    {
      kt_portfolio_query_init (&q);
      q.sort = KT_PORTFOLIO_SORT_NPV;
      q.descending = desc;
      engine = kt_portfolio_db_list (db, &q, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (engine->len, ==, 3);
      kt_portfolio_list_set_sort (list, KT_PORTFOLIO_SORT_NPV, desc);
      for (guint i = 0; i < 3; i++)
        {
          const KtSubmission *a = engine->pdata[i];
          const KtSubmission *b = kt_portfolio_list_get_row (list, i);

          g_assert_cmpint (a->id, ==, b->id);
          if (i > 0)
            {
              const KtSubmission *p = kt_portfolio_list_get_row (list, i - 1);

              if (desc)
                g_assert_cmpfloat (p->ind.project_npv, >=, b->ind.project_npv);
              else
                g_assert_cmpfloat (p->ind.project_npv, <=, b->ind.project_npv);
            }
        }
      g_clear_pointer (&engine, g_ptr_array_unref);
    }
  screenshot (GTK_WIDGET (window), "portfolio-list.png");
  kt_portfolio_window_set_view (window, "ranking");
  screenshot (GTK_WIDGET (window), "portfolio-ranking.png");
  kt_portfolio_window_set_view (window, "chart");
  screenshot (GTK_WIDGET (window), "portfolio-chart.png");
  kt_portfolio_window_set_view (window, "submissions");

  /* Compare needs 2–4 rows selected. */
  {
    gint64 ids[2] = { kt_portfolio_list_get_row (list, 0)->id, kt_portfolio_list_get_row (list,
                                                                                          1)->id };
    g_autoptr (GArray) selected = NULL;

    kt_portfolio_list_select (list, ids, 2);
    selected = kt_portfolio_list_get_selected_ids (list);
    g_assert_cmpuint (selected->len, ==, 2);
    g_assert_true (kt_portfolio_window_compare (window, ids, 2, &error));
    g_assert_no_error (error);
    screenshot (GTK_WIDGET (window), "portfolio-compare.png");
    kt_portfolio_window_show_views (window);
  }

  /* The submission page: score a manual criterion, refused without a comment. */
  id = kt_portfolio_list_get_row (list, 0)->id;
  g_assert_true (kt_portfolio_window_show_submission (window, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (kt_submission_page_get_id (page), ==, id);
  criterion = manual_criterion (db);
  g_assert_false (kt_submission_page_score (page, "Nguyễn Văn An", criterion, 4.0, "", &error));
  g_assert_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (kt_submission_page_score (page, "Nguyễn Văn An", criterion, 4.0,
                                           "Phương án công nghệ khả thi, đã có thử nghiệm.", &error));
  g_assert_no_error (error);
  {
    g_autoptr (GPtrArray) scores = kt_portfolio_db_get_scores (db, id, &error);
    gboolean found = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < scores->len; i++)
      {
        const KtScore *s = scores->pdata[i];

        if (strcmp (s->appraiser, "Nguyễn Văn An") == 0 && strcmp (s->criterion, criterion) == 0)
          {
            g_assert_cmpfloat (s->score, ==, 4.0);
            found = TRUE;
          }
      }
    g_assert_true (found);
  }
  screenshot (GTK_WIDGET (window), "portfolio-submission.png");
  if (g_getenv ("KT_SCREENSHOT_DIR") != NULL)
    {
      /* The whole page, not only what the window shows. */
      GtkWidget *bin = gtk_widget_get_last_child (GTK_WIDGET (page));
      GtkWidget *scrolled = adw_bin_get_child (ADW_BIN (bin));
      GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));

      screenshot (gtk_viewport_get_child (GTK_VIEWPORT (viewport)),
                  "portfolio-submission-full.png");
    }
  /* The Score… and Decide… dialogs build and map (no template to fail at run time). */
  kt_submission_page_open_score_dialog (page);
  dialog_shows (KT_TYPE_SCORE_DIALOG, "portfolio-score-dialog.png");
  kt_submission_page_open_decide_dialog (page);
  dialog_shows (KT_TYPE_DECISION_DIALOG, "portfolio-decision-dialog.png");

  /* Decide; then scoring is refused with the locked error. */
  g_assert_true (kt_submission_page_decide (page, "approve", "Nguyễn Văn An",
                                            "Đủ điều kiện, đề nghị phê duyệt.", &error));
  g_assert_no_error (error);
  g_assert_false (kt_submission_page_score (page, "Trần Thị Bình", criterion, 3.0, "Muộn.",
                                            &error));
  g_assert_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_cmpstr (kt_portfolio_list_get_row (list, 0)->decision, ==, "approve");

  /* The appraisal report and the catalogue, written in worker threads. */
  kt_portfolio_window_export_report (window, id, pdf);
  wait_idle (window);
  g_assert_null (kt_portfolio_window_get_export_error (window));
  g_assert_true (g_file_get_contents (pdf, &bytes, &len, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (len, >, 10000);
  g_assert_true (memcmp (bytes, "%PDF-", 5) == 0);
  g_clear_pointer (&bytes, g_free);
  kt_portfolio_window_export_catalogue (window, csv);
  wait_idle (window);
  g_assert_null (kt_portfolio_window_get_export_error (window));
  g_assert_true (g_file_get_contents (csv, &bytes, &len, &error));
  {
    g_auto (GStrv) lines = g_strsplit (bytes, "\r\n", -1);

    /* Header, three projects and the empty string after the last CRLF. */
    g_assert_cmpuint (g_strv_length (lines), ==, 5);
  }
  {
    g_autoptr (GPtrArray) audit = kt_portfolio_db_get_audit (db, 0, &error);
    guint exports = 0;

    g_assert_no_error (error);
    for (guint i = 0; i < audit->len; i++)
      exports += strcmp (((KtAuditEntry *) audit->pdata[i])->action, "export") == 0;
    g_assert_cmpuint (exports, ==, 2);
  }
  {
    g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
    g_autofree char *head = NULL;
    gint64 n = 0;

    g_assert_true (kt_portfolio_db_verify (db, problems, &n, &head, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
    g_assert_cmpint (n, >=, 7);
  }

  /* A resubmission: version 2 links to version 1; "latest versions only" hides v1. */
  {
    g_autofree char *xml = NULL;
    g_autofree char *v2 = g_build_filename (dir, "traffic-v2.khathi", NULL);
    const char *v2_files[] = { v2, NULL };
    const KtSubmission *latest = NULL;
    GString *changed;
    char *p;

    g_assert_true (g_file_get_contents (traffic, &xml, NULL, NULL));
    p = strstr (xml, "<inflation>");
    g_assert_nonnull (p);
    changed = g_string_new_len (xml, p - xml);
    g_string_append (changed, "<inflation>0.05");
    g_string_append (changed, strstr (p, "</inflation>"));
    g_assert_true (g_file_set_contents (v2, changed->str, -1, NULL));
    g_string_free (changed, TRUE);
    kt_portfolio_window_import (window, v2_files);
    wait_idle (window);
    g_assert_cmpuint (kt_portfolio_window_get_import_summary (window)->n_imported, ==, 1);
    g_assert_cmpuint (kt_portfolio_list_get_n_rows (list), ==, 4);
    kt_portfolio_list_set_latest_only (list, TRUE);
    g_assert_cmpuint (kt_portfolio_list_get_n_rows (list), ==, 3);
    for (guint i = 0; i < 3; i++)
      if (kt_portfolio_list_get_row (list, i)->version == 2)
        latest = kt_portfolio_list_get_row (list, i);
    g_assert_nonnull (latest);
    g_assert_cmpint (latest->previous_id, >, 0);
    g_assert_true (kt_portfolio_window_show_submission (window, latest->id, &error));
    g_assert_no_error (error);
    if (g_getenv ("KT_SCREENSHOT_DIR") != NULL)
      {
        GtkWidget *bin = gtk_widget_get_last_child (GTK_WIDGET (page));
        GtkWidget *scrolled = adw_bin_get_child (ADW_BIN (bin));
        GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));

        screenshot (gtk_viewport_get_child (GTK_VIEWPORT (viewport)),
                    "portfolio-resubmission-full.png");
      }
    kt_portfolio_list_set_latest_only (list, FALSE);
    g_remove (v2);
  }

  /* Verify Audit Log: a dialog says the log is intact and gives the head hash. */
  {
    g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
    g_autofree char *head = NULL;
    GListModel *toplevels = gtk_window_get_toplevels ();
    AdwMessageDialog *dialog = NULL;
    gint64 n = 0;

    g_assert_true (kt_portfolio_db_verify (db, problems, &n, &head, NULL));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.verify", NULL));
    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (w) == GTK_WINDOW (window))
          dialog = ADW_MESSAGE_DIALOG (w);
      }
    g_assert_nonnull (dialog);
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("Audit Log Intact"));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), head));
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  /* Open in Editor: the stored study as a new unsaved study in an editor window. */
  g_signal_emit_by_name (page, "open-in-editor", id);
  {
    KtWindow *editor = NULL;

    for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
      if (KT_IS_WINDOW (l->data))
        editor = l->data;
    g_assert_nonnull (editor);
    g_assert_nonnull (kt_window_get_project (editor));
    g_assert_null (kt_window_get_file (editor));
    gtk_window_destroy (GTK_WINDOW (editor));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_remove (pdf);
  g_remove (csv);
}

/* A file that is not a portfolio is refused and the window keeps its own. */
static void
test_not_a_portfolio (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kt-portfolio-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "portfolio.sqlite", NULL);
  g_autofree char *junk = g_build_filename (dir, "junk.sqlite", NULL);
  g_autoptr (GError) error = NULL;
  KtPortfolioWindow *window;
  KtPortfolioDb *db;

  g_assert_true (g_file_set_contents (junk, "not a database at all, just text", -1, NULL));
  window = kt_portfolio_window_new (app, path);
  db = kt_portfolio_window_get_db (window);
  g_assert_nonnull (db);
  g_assert_false (kt_portfolio_window_open_path (window, junk, &error));
  g_assert_nonnull (error);
  g_assert_true (kt_portfolio_window_get_db (window) == db);
  gtk_window_destroy (GTK_WINDOW (window));
  g_remove (junk);
}

/* A portfolio written by a newer version opens read-only: the warning shows
 * and nothing can be imported. */
static void
test_read_only (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kt-portfolio-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "newer.sqlite", NULL);
  g_autofree char *uav = sample ("can-tho-agri-uav.khathi");
  const char *files[] = { uav, NULL };
  g_autoptr (GError) error = NULL;
  KtPortfolioWindow *window;
  KtPortfolioDb *db;

  db = kt_portfolio_db_open (path, KT_PORTFOLIO_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (kt_portfolio_db_get_handle (db), "PRAGMA user_version = 99", NULL,
                                 NULL, NULL),
                   ==, SQLITE_OK);
  kt_portfolio_db_free (db);

  window = kt_portfolio_window_new (app, path);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  db = kt_portfolio_window_get_db (window);
  g_assert_nonnull (db);
  g_assert_true (kt_portfolio_db_is_read_only (db));
  g_assert_nonnull (kt_portfolio_db_get_warning (db));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL)
                  && kt_portfolio_window_is_busy (window));
  kt_portfolio_window_import (window, files);
  g_assert_false (kt_portfolio_window_is_busy (window));
  screenshot (GTK_WIDGET (window), "portfolio-read-only.png");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* KT_PORTFOLIO_BENCH_DB=big.sqlite (tests/bench/bench-portfolio --db): how long
 * the list takes to show every row of a large portfolio.  Skipped otherwise. */
static void
test_large (void)
{
  const char *path = g_getenv ("KT_PORTFOLIO_BENCH_DB");
  KtPortfolioWindow *window;
  KtPortfolioList *list;
  gint64 t0, t1, t2;

  if (path == NULL)
    {
      g_test_skip ("KT_PORTFOLIO_BENCH_DB is not set");
      return;
    }
  window = kt_portfolio_window_new (app, path);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  list = kt_portfolio_window_get_list (window);
  {
    KtPortfolioQuery q;
    g_autoptr (GPtrArray) rows = NULL;
    gint64 e0 = g_get_monotonic_time ();

    kt_portfolio_query_init (&q);
    rows = kt_portfolio_db_list (kt_portfolio_window_get_db (window), &q, NULL);
    g_test_message ("engine alone: %u rows in %.1f ms", rows->len, (g_get_monotonic_time () - e0) / 1000.0);
  }
  t0 = g_get_monotonic_time ();
  g_assert_true (kt_portfolio_list_reload (list, NULL));
  t1 = g_get_monotonic_time ();
  kt_portfolio_list_set_sort (list, KT_PORTFOLIO_SORT_NPV, TRUE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  t2 = g_get_monotonic_time ();
  g_test_message ("%u rows: reload %.1f ms; sort by NPV and draw %.1f ms",
                  kt_portfolio_list_get_n_rows (list), (t1 - t0) / 1000.0, (t2 - t1) / 1000.0);
  g_assert_cmpuint (kt_portfolio_list_get_n_rows (list), >, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* app.portfolio opens one appraiser's window on the default portfolio. */
static void
test_app_action (void)
{
  KtPortfolioWindow *found = NULL;
  guint n = 0;

  g_action_group_activate_action (G_ACTION_GROUP (app), "portfolio", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "portfolio", NULL);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (KT_IS_PORTFOLIO_WINDOW (l->data))
      {
        found = l->data;
        n++;
      }
  g_assert_cmpuint (n, ==, 1);
  {
    g_autofree char *def = kt_portfolio_db_default_path ();

    g_assert_cmpstr (kt_portfolio_db_get_path (kt_portfolio_window_get_db (found)), ==, def);
  }
  gtk_window_destroy (GTK_WINDOW (found));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;

  g_autofree char *home = g_dir_make_tmp ("kt-portfolio-home-XXXXXX", NULL);

  /* The default portfolio goes to a temporary data dir, set before GLib
   * caches it.  Not G_TEST_OPTION_ISOLATE_DIRS: it hides the icon theme too. */
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KHATHI_LOCALEDIR") ? g_getenv ("KHATHI_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (!gtk_init_check ())
    return 77;
  adw_init ();
  gsl_set_error_handler_off ();
  /* Pages switch at once: the screenshots show the page, not a transition. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  if (g_strcmp0 (g_getenv ("KHATHI_DARK"), "1") == 0)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);

  app = kt_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/gui/portfolio-window/workflow", test_workflow);
  g_test_add_func ("/gui/portfolio-window/not-a-portfolio", test_not_a_portfolio);
  g_test_add_func ("/gui/portfolio-window/read-only", test_read_only);
  g_test_add_func ("/gui/portfolio-window/large", test_large);
  g_test_add_func ("/gui/portfolio-window/app-action", test_app_action);
  return g_test_run ();
}
