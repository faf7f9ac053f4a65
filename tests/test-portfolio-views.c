/* test-portfolio-views.c — the portfolio's comparison, ranking and two-axis chart widgets
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under Xvfb (exit 77 without a display).  A temporary portfolio holds the
 * three samples; two get socio-economic scores, the third does not.
 * KHATHI_SCREENSHOT_DIR=dir also writes each widget as PNG there, in the
 * current language and theme (KHATHI_DARK=1 for the dark style).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>
#include <gsl/gsl_errno.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "kt-chart-view.h"
#include "kt-format.h"
#include "kt-portfolio-chart.h"
#include "kt-portfolio-compare.h"
#include "kt-portfolio-db.h"
#include "kt-portfolio-ranking.h"

static const char * const samples[] = {
  "can-tho-agri-uav.khathi",
  "can-tho-health-records.khathi",
  "can-tho-smart-traffic.khathi",
};

typedef struct {
  char          *dir;
  char          *path;
  KtPortfolioDb *db;
  gint64         ids[G_N_ELEMENTS (samples)];
} Fixture;

static char *
sample_path (const char *name)
{
  const char *data_dir = g_getenv ("KHATHI_DATA_DIR");

  if (data_dir != NULL && *data_dir != '\0')
    return g_build_filename (data_dir, "samples", name, NULL);
  return g_test_build_filename (G_TEST_DIST, "..", "data", "samples", name, NULL);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("kt-portfolio-views-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "portfolio.sqlite", NULL);
  f->db = kt_portfolio_db_open (f->path, KT_PORTFOLIO_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *sample = sample_path (samples[i]);
      KtImportResult result;

      g_assert_true (kt_portfolio_db_import_file (f->db, sample, "Test", NULL, &result, &error));
      g_assert_no_error (error);
      f->ids[i] = result.id;
    }
  /* Two appraisers score the socio-economic criterion of the first two; the
   * third sample keeps only its automatic scores: "not yet scored" on the chart. */
  g_assert_true (kt_portfolio_db_score (f->db, f->ids[0], "An", "socio-economic", 4,
                                        "Farm data benefits", &error));
  g_assert_true (kt_portfolio_db_score (f->db, f->ids[0], "Bình", "socio-economic", 3,
                                        "Fewer users than claimed", &error));
  g_assert_true (kt_portfolio_db_score (f->db, f->ids[1], "An", "socio-economic", 2.5,
                                        "Health records: modest", &error));
  g_assert_true (kt_portfolio_db_score (f->db, f->ids[1], "An", "risk", 3,
                                        "Usual allocation", &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->db, kt_portfolio_db_free);
  g_unlink (f->path);
  /* SQLite's journal files are gone once the handle is closed. */
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_type (GtkWidget *root,
           GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type (child, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The text of a comparison cell (its label, whatever icons surround it). */
static const char *
cell_text (GtkWidget *root,
           const char *key,
           guint       column)
{
  g_autofree char *name = g_strdup_printf ("compare-%s-%u", key, column);
  GtkWidget *cell = find_named (root, name);
  GtkWidget *label;

  g_assert_nonnull (cell);
  label = find_type (cell, GTK_TYPE_LABEL);
  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static gboolean
cell_is_best (GtkWidget  *root,
              const char *key,
              guint       column)
{
  g_autofree char *name = g_strdup_printf ("compare-%s-%u", key, column);
  GtkWidget *cell = find_named (root, name);

  g_assert_nonnull (cell);
  return gtk_widget_has_css_class (cell, "kt-best") &&
         find_type (cell, GTK_TYPE_IMAGE) != NULL;   /* the star: not colour alone */
}

static GtkWindow *
present (GtkWidget *child,
         int        width,
         int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static void
save_widget_png (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("KHATHI_SCREENSHOT_DIR");
  g_autofree char *path = NULL;
  GdkPaintable *paintable;
  GtkSnapshot *snapshot;
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  if (dir == NULL || *dir == '\0')
    return;
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_object_unref (paintable);
}

static void
test_compare (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *compare = kt_portfolio_compare_new ();
  GtkWindow *window = present (compare, 1100, 900);
  g_autoptr (GError) error = NULL;
  KtLang lang = kt_lang_current ();
  double best_npv = -INFINITY;
  guint best = 0;
  gint64 five[5] = { f->ids[0], f->ids[1], f->ids[2], f->ids[0], f->ids[1] };

  g_assert_true (kt_portfolio_compare_show (KT_PORTFOLIO_COMPARE (compare), f->db, f->ids,
                                            G_N_ELEMENTS (f->ids), &error));
  g_assert_no_error (error);
  gtk_test_widget_wait_for_draw (compare);

  /* Three columns, in the order given. */
  g_assert_nonnull (find_named (compare, "compare-name-2"));
  g_assert_null (find_named (compare, "compare-name-3"));
  for (guint i = 0; i < G_N_ELEMENTS (f->ids); i++)
    {
      g_autoptr (KtSubmission) s = kt_portfolio_db_get (f->db, f->ids[i], &error);
      g_autofree char *npv = NULL;
      g_autofree char *id = NULL;

      g_assert_no_error (error);
      npv = kt_format_money (s->ind.project_npv, KT_MONEY_BILLION, TRUE, lang);
      g_assert_cmpstr (cell_text (compare, "npv", i), ==, npv);
      id = g_strdup_printf ("#%" G_GINT64_FORMAT " ", s->id);
      g_assert_true (g_str_has_prefix (cell_text (compare, "name", i), id));
      g_assert_cmpstr (cell_text (compare, "proposer", i), ==, s->proposer);
      if (s->ind.project_npv > best_npv)
        {
          best_npv = s->ind.project_npv;
          best = i;
        }
    }
  /* The best NPV is marked on its own column, and only there. */
  for (guint i = 0; i < G_N_ELEMENTS (f->ids); i++)
    g_assert_true (cell_is_best (compare, "npv", i) == (i == best));
  /* Names and proposers are not compared. */
  for (guint i = 0; i < G_N_ELEMENTS (f->ids); i++)
    g_assert_false (cell_is_best (compare, "proposer", i));
  /* The socio-economic score: 3,5 (two appraisers) beats 2,5; the third is unscored. */
  g_assert_true (cell_is_best (compare, "criterion-socio-economic", 0));
  g_assert_false (cell_is_best (compare, "criterion-socio-economic", 1));
  g_assert_false (cell_is_best (compare, "criterion-socio-economic", 2));
  {
    g_autofree char *mean = kt_format_number (3.5, 2, lang);
    g_assert_true (g_str_has_prefix (cell_text (compare, "criterion-socio-economic", 0), mean));
  }
  save_widget_png (GTK_WIDGET (window), "portfolio-compare.png");

  /* 1 and 5 are refused with a message, and the three columns stay. */
  g_assert_false (kt_portfolio_compare_show (KT_PORTFOLIO_COMPARE (compare), f->db, f->ids, 1,
                                             &error));
  g_assert_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_INVALID);
  g_assert_cmpuint (strlen (error->message), >, 10);
  g_clear_error (&error);
  g_assert_false (kt_portfolio_compare_show (KT_PORTFOLIO_COMPARE (compare), f->db, five, 5,
                                             &error));
  g_assert_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_nonnull (find_named (compare, "compare-name-2"));

  /* Two columns; an unknown id is an error. */
  g_assert_true (kt_portfolio_compare_show (KT_PORTFOLIO_COMPARE (compare), f->db, f->ids, 2,
                                            &error));
  g_assert_null (find_named (compare, "compare-name-2"));
  {
    gint64 bad[2] = { f->ids[0], 9999 };
    g_assert_false (kt_portfolio_compare_show (KT_PORTFOLIO_COMPARE (compare), f->db, bad, 2,
                                               &error));
    g_assert_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_NOT_FOUND);
  }
  gtk_window_destroy (window);
}

static void
activated_cb (GtkWidget *widget,
              gint64     id,
              gint64    *out)
{
  *out = id;
}

static void
test_ranking (Fixture       *f,
              gconstpointer  data)
{
  GtkWidget *ranking = kt_portfolio_ranking_new ();
  GtkWindow *window = present (ranking, 1100, 400);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = kt_portfolio_db_rank (f->db, &error);
  GtkColumnView *view;
  GListModel *model;
  gint64 activated = 0;

  g_assert_no_error (error);
  g_assert_true (kt_portfolio_ranking_reload (KT_PORTFOLIO_RANKING (ranking), f->db, &error));
  g_assert_no_error (error);
  gtk_test_widget_wait_for_draw (ranking);

  view = GTK_COLUMN_VIEW (find_type (ranking, GTK_TYPE_COLUMN_VIEW));
  g_assert_nonnull (view);
  model = G_LIST_MODEL (gtk_column_view_get_model (view));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, rows->len);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (samples));
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr (GObject) item = g_list_model_get_item (model, i);
      const KtRankRow *row = rows->pdata[i];
      gint64 id = 0;
      guint rank = 0;

      g_object_get (item, "id", &id, "rank", &rank, NULL);
      g_assert_cmpint (id, ==, row->submission->id);
      g_assert_cmpuint (rank, ==, i + 1);
    }
  save_widget_png (GTK_WIDGET (window), "portfolio-ranking.png");

  /* Activating the second row names its submission. */
  g_signal_connect (ranking, "submission-activated", G_CALLBACK (activated_cb), &activated);
  g_signal_emit_by_name (view, "activate", 1);
  g_assert_cmpint (activated, ==, ((KtRankRow *) rows->pdata[1])->submission->id);
  gtk_window_destroy (window);
}

static const KtCriterionResult *
criterion (const KtAggregate *agg,
           const char        *key)
{
  for (guint i = 0; i < agg->criteria->len; i++)
    {
      const KtCriterionResult *r = &g_array_index (agg->criteria, KtCriterionResult, i);
      if (g_str_equal (r->criterion->key, key))
        return r;
    }
  g_assert_not_reached ();
  return NULL;
}

static void
test_chart (Fixture       *f,
            gconstpointer  data)
{
  GtkWidget *widget = kt_portfolio_chart_new ();
  GtkWindow *window = present (widget, 1000, 700);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = kt_portfolio_db_rank (f->db, &error);
  KtChartView *view;
  KtChart *chart;
  double costs[G_N_ELEMENTS (samples)], radii[G_N_ELEMENTS (samples)];
  guint n_scored = 0, n = 0;
  gint64 activated = 0;
  GtkWidget *label;

  g_assert_no_error (error);
  g_assert_true (kt_portfolio_chart_reload (KT_PORTFOLIO_CHART (widget), f->db, &error));
  g_assert_no_error (error);
  gtk_test_widget_wait_for_draw (widget);

  view = KT_CHART_VIEW (find_type (widget, KT_TYPE_CHART_VIEW));
  chart = kt_chart_view_get_chart (view);
  g_assert_nonnull (chart);
  g_assert_cmpint (kt_chart_get_kind (chart), ==, KT_CHART_BUBBLE);

  /* One bubble per submission with both scores, at the aggregate means. */
  for (guint i = 0; i < rows->len; i++)
    {
      const KtRankRow *row = rows->pdata[i];
      const KtCriterionResult *x = criterion (&row->aggregate, "financial");
      const KtCriterionResult *y = criterion (&row->aggregate, "socio-economic");
      gboolean found = FALSE;

      if (!isfinite (x->mean) || !isfinite (y->mean))
        continue;
      n_scored++;
      for (guint b = 0; b < kt_chart_get_n_bubbles (chart); b++)
        {
          double bx, by, size;
          const char *name;

          g_assert_true (kt_chart_get_bubble (chart, b, &bx, &by, &size, &name));
          if (g_strcmp0 (name, row->submission->name_en) != 0 &&
              g_strcmp0 (name, row->submission->name_vi) != 0)
            continue;
          found = TRUE;
          g_assert_cmpfloat_with_epsilon (bx, x->mean, 1e-12);
          g_assert_cmpfloat_with_epsilon (by, y->mean, 1e-12);
          g_assert_cmpfloat_with_epsilon (size, -row->submission->ind.fiscal_npv, 1e-3);
          costs[n] = -row->submission->ind.fiscal_npv;
          radii[n++] = kt_chart_get_bubble_radius (chart, b, 40);
        }
      g_assert_true (found);
    }
  g_assert_cmpuint (n_scored, ==, 2);
  g_assert_cmpuint (kt_chart_get_n_bubbles (chart), ==, n_scored);
  /* Radii follow the fiscal costs; no net cost is the minimal bubble. */
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      {
        if (costs[i] > costs[j])
          g_assert_cmpfloat (radii[i], >=, radii[j]);
        if (!(costs[i] > 0))
          g_assert_cmpfloat (radii[i], ==, kt_chart_bubble_min_radius (40));
      }

  /* The third sample has no socio-economic score: listed under the chart. */
  label = find_named (widget, "portfolio-chart-unscored");
  g_assert_nonnull (label);
  {
    g_autoptr (KtSubmission) third = kt_portfolio_db_get (f->db, f->ids[2], &error);
    const char *text = gtk_label_get_text (GTK_LABEL (label));

    g_assert_true (gtk_widget_get_visible (label));
    g_assert_true (strstr (text, third->name_en) != NULL || strstr (text, third->name_vi) != NULL);
  }
  save_widget_png (GTK_WIDGET (window), "portfolio-chart.png");

  /* A click on bubble 1 names its submission. */
  g_signal_connect (widget, "submission-activated", G_CALLBACK (activated_cb), &activated);
  g_signal_emit_by_name (view, "hit-activated", (int) KT_CHART_HIT_BUBBLE, 0, 1);
  g_assert_cmpint (activated, >, 0);
  {
    g_autoptr (KtSubmission) s = kt_portfolio_db_get (f->db, activated, &error);
    const char *name;

    g_assert_true (kt_chart_get_bubble (chart, 1, NULL, NULL, NULL, &name));
    g_assert_true (g_strcmp0 (name, s->name_en) == 0 || g_strcmp0 (name, s->name_vi) == 0);
  }
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KHATHI_LOCALEDIR") ? g_getenv ("KHATHI_LOCALEDIR")
                                                                   : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (!gtk_init_check ())
    return 77;
  adw_init ();
  gsl_set_error_handler_off ();
  if (g_strcmp0 (g_getenv ("KHATHI_DARK"), "1") == 0)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);

  g_test_add ("/gui/portfolio-views/compare", Fixture, NULL, fixture_setup, test_compare,
              fixture_teardown);
  g_test_add ("/gui/portfolio-views/ranking", Fixture, NULL, fixture_setup, test_ranking,
              fixture_teardown);
  g_test_add ("/gui/portfolio-views/chart", Fixture, NULL, fixture_setup, test_chart,
              fixture_teardown);
  return g_test_run ();
}
