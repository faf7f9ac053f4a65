/* kt-portfolio-chart.c — the portfolio on two axes: financial × socio-economic score, bubble = fiscal cost
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * x is the aggregate mean of the rubric's "financial" criterion, y that of
 * "socio-economic", both on their own scales (0–5 in the default rubric):
 * the two criteria the rubric defines for exactly these questions, so the
 * chart shows what the appraisers scored and nothing recomputed behind their
 * backs.  The bubble's area is the state's net fiscal cost (−fiscal NPV,
 * kt-rubric.h); no net cost is a hollow minimal bubble explained in the
 * legend.  The drawing is the report module's KtChart (KT_CHART_BUBBLE), so
 * the picture is the same vector drawing here and in a PDF.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kt-chart-view.h"
#include "kt-format.h"
#include "kt-portfolio-chart.h"

/* Unscored submissions named under the chart; the rest are counted. */
#define MAX_UNSCORED_NAMED 12

#define X_CRITERION "financial"
#define Y_CRITERION "socio-economic"

/* Colour groups by decision: indices into the chart style's series colours
 * (blue, green, orange, red in kt_chart_style_init ()). */
static const struct {
  const char *decision;   /* NULL: pending */
  const char *label;
  guint       color;
} groups[] = {
  { NULL, N_("Pending"), 0 },
  { "approve", N_("Approved"), 2 },
  { "return", N_("Returned for revision"), 1 },
  { "reject", N_("Rejected"), 7 },
};

struct _KtPortfolioChart
{
  AdwBin         parent_instance;

  GtkStack      *stack;
  AdwStatusPage *empty_page;
  KtChartView   *view;
  GtkLabel      *unscored;
  GArray        *ids;          /* gint64 per bubble, in the chart's bubble order */
};

G_DEFINE_FINAL_TYPE (KtPortfolioChart, kt_portfolio_chart, ADW_TYPE_BIN)

enum { SIGNAL_SUBMISSION_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];


static guint
group_of (const char *decision)
{
  for (guint g = 1; g < G_N_ELEMENTS (groups); g++)
    if (g_strcmp0 (decision, groups[g].decision) == 0)
      return g;
  return 0;
}

static const KtCriterionResult *
find_result (const KtAggregate *agg,
             const char        *key)
{
  for (guint i = 0; agg->criteria != NULL && i < agg->criteria->len; i++)
    {
      const KtCriterionResult *r = &g_array_index (agg->criteria, KtCriterionResult, i);

      if (g_str_equal (r->criterion->key, key))
        return r;
    }
  return NULL;
}

static char *
axis_title (const KtRubricCriterion *c,
            KtLang                   lang)
{
  g_autofree char *lo = kt_format_number (c->scale_min, 0, lang);
  g_autofree char *hi = kt_format_number (c->scale_max, 0, lang);

  /* Translators: an axis title: a criterion and its scale, "Financial viability (0–5)". */
  return g_strdup_printf (_("%s (%s–%s)"), kt_rubric_text (c->label_en, c->label_vi), lo, hi);
}

static void
hit_activated_cb (KtChartView      *view,
                  int               kind,
                  int               series,
                  int               index,
                  KtPortfolioChart *self)
{
  if (kind != KT_CHART_HIT_BUBBLE || index < 0 || (guint) index >= self->ids->len)
    return;
  g_signal_emit (self, signals[SIGNAL_SUBMISSION_ACTIVATED], 0,
                 g_array_index (self->ids, gint64, index));
}

static void
show_empty (KtPortfolioChart *self,
            const char       *title,
            const char       *description)
{
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  kt_chart_view_set_chart (self->view, NULL);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
kt_portfolio_chart_finalize (GObject *object)
{
  KtPortfolioChart *self = KT_PORTFOLIO_CHART (object);

  g_array_unref (self->ids);
  G_OBJECT_CLASS (kt_portfolio_chart_parent_class)->finalize (object);
}

static void
kt_portfolio_chart_class_init (KtPortfolioChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kt_portfolio_chart_finalize;
  signals[SIGNAL_SUBMISSION_ACTIVATED] =
    g_signal_new ("submission-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
kt_portfolio_chart_init (KtPortfolioChart *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->view = KT_CHART_VIEW (kt_chart_view_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->view), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Submissions by financial and socio-economic score"), -1);
  g_signal_connect (self->view, "hit-activated", G_CALLBACK (hit_activated_cb), self);

  self->unscored = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->unscored, TRUE);
  gtk_label_set_xalign (self->unscored, 0.0f);
  gtk_widget_add_css_class (GTK_WIDGET (self->unscored), "dim-label");
  gtk_widget_set_name (GTK_WIDGET (self->unscored), "portfolio-chart-unscored");
  gtk_widget_set_margin_start (GTK_WIDGET (self->unscored), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->unscored), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->unscored), 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->view));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->unscored));

  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_page, "x-office-presentation-symbolic");

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");
  gtk_stack_add_named (self->stack, box, "chart");
  show_empty (self, _("Nothing to Chart Yet"),
              _("Import submissions into the portfolio and score them to see them here."));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
}

GtkWidget *
kt_portfolio_chart_new (void)
{
  return g_object_new (KT_TYPE_PORTFOLIO_CHART, NULL);
}

gboolean
kt_portfolio_chart_reload (KtPortfolioChart  *self,
                           KtPortfolioDb     *db,
                           GError           **error)
{
  KtLang lang = kt_lang_current ();
  const KtRubric *rubric;
  const KtRubricCriterion *xc, *yc;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (KtChart) chart = NULL;
  g_autoptr (GPtrArray) unscored = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *x_title = NULL, *y_title = NULL;

  g_return_val_if_fail (KT_IS_PORTFOLIO_CHART (self), FALSE);
  g_return_val_if_fail (db != NULL, FALSE);

  rubric = kt_portfolio_db_get_rubric (db, error);
  if (rubric == NULL)
    return FALSE;
  rows = kt_portfolio_db_rank (db, error);
  if (rows == NULL)
    return FALSE;
  g_array_set_size (self->ids, 0);

  xc = kt_rubric_find (rubric, X_CRITERION);
  yc = kt_rubric_find (rubric, Y_CRITERION);
  if (xc == NULL || yc == NULL)
    {
      show_empty (self, _("No Chart for This Rubric"),
                  _("The rubric has no “financial” or no “socio-economic” criterion to put on the axes."));
      return TRUE;
    }
  if (rows->len == 0)
    {
      show_empty (self, _("Nothing to Chart Yet"),
                  _("Import submissions into the portfolio and score them to see them here."));
      return TRUE;
    }

  chart = kt_chart_new (KT_CHART_BUBBLE, lang);
  x_title = axis_title (xc, lang);
  y_title = axis_title (yc, lang);
  kt_chart_set_axis_titles (chart, x_title, y_title);
  kt_chart_set_value_format (chart, KT_VALUE_NUMBER, -1);
  kt_chart_set_bubble_range (chart, xc->scale_min, xc->scale_max, yc->scale_min, yc->scale_max);
  kt_chart_set_bubble_sizes (chart, _("Net cost to the state"), KT_VALUE_COMPACT,
                             _("No net cost to the state (hollow, smallest size)"));
  /* Mid-scale lines split the plane into the four quadrants appraisers talk about. */
  kt_chart_add_marker (chart, (xc->scale_min + xc->scale_max) / 2, NULL);
  kt_chart_add_threshold (chart, (yc->scale_min + yc->scale_max) / 2, NULL);
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    kt_chart_add_bubble_group (chart, _(groups[g].label), groups[g].color);

  for (guint i = 0; i < rows->len; i++)
    {
      const KtRankRow *row = rows->pdata[i];
      const KtSubmission *s = row->submission;
      const KtCriterionResult *x = find_result (&row->aggregate, X_CRITERION);
      const KtCriterionResult *y = find_result (&row->aggregate, Y_CRITERION);
      g_autofree char *total = NULL, *detail = NULL;
      guint group = group_of (s->decision);

      if (x == NULL || y == NULL || !isfinite (x->mean) || !isfinite (y->mean))
        {
          g_ptr_array_add (unscored, g_strdup (kt_submission_name (s)));
          continue;
        }
      total = kt_format_number (row->aggregate.total, 1, lang);
      /* Translators: the last lines of a bubble's tooltip: total score and decision. */
      detail = g_strdup_printf (_("Total score: %s / 100\nDecision: %s"), total,
                                _(groups[group].label));
      kt_chart_add_bubble (chart, group, kt_submission_name (s), x->mean, y->mean,
                           -s->ind.fiscal_npv, detail);
      g_array_append_val (self->ids, s->id);
    }

  if (unscored->len > 0)
    {
      g_autofree char *names = NULL;
      g_autofree char *text = NULL;

      guint n_unscored = unscored->len;

      /* A long list would cost seconds of text layout and read as noise:
       * name the first few, count the rest (the list view filters them). */
      if (n_unscored > MAX_UNSCORED_NAMED)
        g_ptr_array_set_size (unscored, MAX_UNSCORED_NAMED);
      g_ptr_array_add (unscored, NULL);
      names = g_strjoinv ("; ", (char **) unscored->pdata);
      if (n_unscored > MAX_UNSCORED_NAMED)
        {
          guint rest = n_unscored - MAX_UNSCORED_NAMED;
          g_autofree char *shown = g_steal_pointer (&names);

          /* Translators: the first names of unscored submissions, then how many more there are. */
          names = g_strdup_printf (ngettext ("%s and %u more", "%s and %u more", rest), shown, rest);
        }
      /* Translators: under the chart: submissions without a financial or socio-economic score. */
      text = g_strdup_printf (_("Not yet scored: %s"), names);
      gtk_label_set_text (self->unscored, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->unscored), unscored->len > 0);

  if (self->ids->len == 0)
    {
      g_autofree char *description = g_strconcat (
        _("A submission appears once both its financial and its socio-economic criteria are scored."),
        "\n\n", gtk_label_get_text (self->unscored), NULL);

      show_empty (self, _("No Submission Is Scored Yet"), description);
      return TRUE;
    }
  kt_chart_view_set_chart (self->view, chart);
  gtk_stack_set_visible_child_name (self->stack, "chart");
  return TRUE;
}
