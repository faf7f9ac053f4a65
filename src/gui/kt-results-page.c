/* kt-results-page.c — results of a study that update as it is edited
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Live recalculation: KtProject::changed schedules one evaluation at
 * G_PRIORITY_HIGH_IDLE, before GTK's layout and paint (GDK_PRIORITY_REDRAW),
 * so a burst of edits costs one evaluation and the next frame shows it.  One
 * KtModel is reused (kt_model_evaluate allocates nothing once sized, ~10 µs).
 * The analyses that evaluate the model hundreds of times (sensitivity,
 * scenarios, forms) and the Monte Carlo run wait until the edits settle.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kt-chart-view.h"
#include "kt-forms-compare.h"
#include "kt-format.h"
#include "kt-results-page.h"
#include "kt-risk.h"
#include "kt-rules.h"
#include "kt-scenarios.h"
#include "kt-sensitivity.h"
#include "kt-validate.h"
#include "kt-vfm.h"

#define SETTLE_MS 500

typedef enum {
  CHART_CASHFLOW,
  CHART_FUNDING,
  CHART_DEBT_SERVICE,
  CHART_DSCR,
  CHART_BAND,
  CHART_FISCAL,
  CHART_TORNADO,
  CHART_SCENARIOS,
  CHART_MC_HISTOGRAM,
  CHART_MC_CDF,
  CHART_RISK_MATRIX,
  CHART_FORMS,
  N_CHARTS
} ChartId;

static const char * const chart_keys[N_CHARTS + 1] = {
  "cashflow", "funding", "debt-service", "dscr", "band", "fiscal", "tornado", "scenarios",
  "mc-histogram", "mc-cdf", "risk-matrix", "forms", NULL
};

static const char * const chart_titles[N_CHARTS] = {
  N_("Annual project cash flow and cumulative"),
  N_("Funding sources during construction"),
  N_("Debt service"),
  N_("Debt service cover ratio against the lender's minimum"),
  N_("Revenue sharing band"),
  N_("State fiscal flows by year"),
  N_("Sensitivity of project NPV (±20 %)"),
  N_("Scenarios: project NPV"),
  N_("Monte Carlo: project NPV histogram"),
  N_("Monte Carlo: cumulative distribution of project NPV"),
  N_("Risk matrix: number of risks by likelihood and impact"),
  N_("Contract forms compared: IRRs"),
};

typedef struct _Analyses Analyses;

struct _KtResultsPage
{
  AdwBin            parent_instance;

  /* template */
  GtkStack         *stack;
  AdwViewStack     *views;
  GtkBox           *dashboard_box;
  GtkBox           *statements_box;
  GtkBox           *charts_box;
  GtkBox           *simulation_box;
  GtkLabel         *summary_label;
  AdwStatusPage    *status_page;

  KtDashboard      *dashboard;
  AdwPreferencesGroup *checks_group;
  GPtrArray        *check_rows;
  char             *checks_signature;
  KtStatementView  *statements;
  KtSimulationPage *simulation;
  GtkWidget        *charts[N_CHARTS];
  GtkWidget        *chart_cards[N_CHARTS];

  KtProject        *project;
  KtRuleSet        *rule_set;
  char             *rule_set_id;
  KtRiskBenchmarks *benchmarks;
  KtRules           rules;
  KtModel          *model;
  gboolean          computed;
  char             *blocking;

  guint             recalc_id;
  guint             settle_id;
  gint64            changed_at;     /* µs, first edit not yet on screen; 0: none */
  gulong            after_paint_id;
  GdkFrameClock    *frame_clock;
  double            last_timing;
  guint             n_recalcs;
  gboolean          timing_log;
  double            compute_ms;     /* of the last recalc, for the log */
  Analyses         *analyses;       /* running, or NULL */
  gint64            analyses_started;
};

G_DEFINE_FINAL_TYPE (KtResultsPage, kt_results_page, ADW_TYPE_BIN)

/* ---- helpers ---- */

static GStrv
year_labels (const KtModel *m,
             int            first,
             int            n)
{
  GStrv labels = g_new0 (char *, n + 1);

  for (int i = 0; i < n; i++)
    labels[i] = g_strdup_printf ("%d", m->start_year + first + i);
  return labels;
}

static KtChart *
year_chart (const KtModel *m,
            KtChartKind    kind,
            int            first,
            int            n)
{
  KtChart *chart = kt_chart_new (kind, kt_lang_current ());
  g_auto (GStrv) years = year_labels (m, first, n);

  kt_chart_set_categories (chart, (const char * const *) years, n);
  kt_chart_set_value_format (chart, KT_VALUE_COMPACT, -1);
  return chart;
}

static void
set_chart (KtResultsPage *self,
           ChartId        id,
           KtChart       *chart)   /* transfer full, may be NULL */
{
  kt_chart_view_set_chart (KT_CHART_VIEW (self->charts[id]), chart);
  gtk_widget_set_visible (self->chart_cards[id], chart != NULL);
  if (chart != NULL)
    kt_chart_unref (chart);
}

static gboolean
any_nonzero (const double *values,
             int           first,
             int           n)
{
  for (int t = first; t < first + n; t++)
    if (values[t] != 0 && isfinite (values[t]))
      return TRUE;
  return FALSE;
}

/* ---- charts that follow every edit ---- */

static void
update_live_charts (KtResultsPage       *self,
                    const KtProjectData *data)
{
  const KtModel *m = self->model;
  int n = m->n_years, c = m->construction_years;
  g_autofree double *buf = g_new (double, n);
  g_autofree double *buf2 = g_new (double, n);
  KtChart *chart;
  double cum = 0;

  /* Annual project cash flow with the cumulative line (MODEL.md §8). */
  chart = year_chart (m, KT_CHART_BAR_LINE, 0, n);
  for (int t = 0; t < n; t++)
    buf[t] = (cum += m->y.project_flow[t]);
  kt_chart_add_series (chart, KT_SERIES_BAR, _("Project cash flow"), m->y.project_flow, n);
  kt_chart_add_series (chart, KT_SERIES_LINE, _("Cumulative"), buf, n);
  set_chart (self, CHART_CASHFLOW, chart);

  /* Funding sources in the construction years (§6). */
  if (c > 0)
    {
      chart = year_chart (m, KT_CHART_STACKED_BAR, 0, c);
      kt_chart_add_series (chart, KT_SERIES_BAR, _("State capital support"), m->y.support, c);
      kt_chart_add_series (chart, KT_SERIES_BAR, _("Investor equity"), m->y.equity, c);
      kt_chart_add_series (chart, KT_SERIES_BAR, _("Loans"), m->y.draws, c);
      set_chart (self, CHART_FUNDING, chart);
    }
  else
    set_chart (self, CHART_FUNDING, NULL);

  /* Debt service and DSCR against the lender's minimum. */
  if (any_nonzero (m->y.debt_service, 0, n))
    {
      chart = year_chart (m, KT_CHART_STACKED_BAR, c, n - c);
      kt_chart_add_series (chart, KT_SERIES_BAR, _("Interest"), m->y.interest + c, n - c);
      kt_chart_add_series (chart, KT_SERIES_BAR, _("Principal"), m->y.principal + c, n - c);
      kt_chart_add_series (chart, KT_SERIES_LINE, _("CFADS"), m->y.cfads + c, n - c);
      set_chart (self, CHART_DEBT_SERVICE, chart);

      chart = year_chart (m, KT_CHART_THRESHOLD_BAR, c, n - c);
      kt_chart_set_value_format (chart, KT_VALUE_NUMBER, -1);
      kt_chart_add_series (chart, KT_SERIES_BAR, _("DSCR"), m->y.dscr + c, n - c);
      kt_chart_add_threshold (chart, data->min_dscr, _("Lender's minimum"));
      kt_chart_set_threshold_rule (chart, KT_THRESHOLD_BELOW_IS_BAD);
      set_chart (self, CHART_DSCR, chart);
    }
  else
    {
      set_chart (self, CHART_DEBT_SERVICE, NULL);
      set_chart (self, CHART_DSCR, NULL);
    }

  /* Revenue sharing band (§9): actual user revenue against L·P and U·P. */
  if (data->sharing.band_enabled && n > c)
    {
      chart = year_chart (m, KT_CHART_BAR_LINE, c, n - c);
      for (int t = c; t < n; t++)
        {
          buf[t - c] = data->sharing.lower * m->y.plan_revenue[t];
          buf2[t - c] = data->sharing.upper * m->y.plan_revenue[t];
        }
      kt_chart_add_series (chart, KT_SERIES_BAR, _("User revenue"), m->y.revenue + c, n - c);
      kt_chart_add_series (chart, KT_SERIES_BAR, _("State pays (downside)"),
                           m->y.sharing_receipts + c, n - c);
      kt_chart_add_series (chart, KT_SERIES_BAR, _("Investor pays (upside)"),
                           m->y.sharing_payments + c, n - c);
      kt_chart_add_series (chart, KT_SERIES_LINE, _("Lower threshold"), buf, n - c);
      kt_chart_add_series (chart, KT_SERIES_LINE, _("Upper threshold"), buf2, n - c);
      set_chart (self, CHART_BAND, chart);
    }
  else
    set_chart (self, CHART_BAND, NULL);

  /* The state's flows (§8): outlays down, receipts up, net line. */
  chart = year_chart (m, KT_CHART_STACKED_BAR, 0, n);
  for (int t = 0; t < n; t++)
    buf[t] = -m->y.fiscal_outlay[t];
  kt_chart_add_series (chart, KT_SERIES_BAR, _("State outlays"), buf, n);
  kt_chart_add_series (chart, KT_SERIES_BAR, _("State receipts"), m->y.fiscal_receipts, n);
  kt_chart_add_series (chart, KT_SERIES_LINE, _("Net fiscal flow"), m->y.fiscal_flow, n);
  set_chart (self, CHART_FISCAL, chart);
}

/* ---- charts after the edits settle ---- */

/* What the settled analyses compute in a thread, on a copy of the document:
 * together they evaluate the model hundreds of times (~80 ms), too long for
 * the main loop. */
struct _Analyses {
  GWeakRef           page;
  GCancellable      *cancellable;
  KtProject         *copy;
  KtRules            rules;
  KtSensitivity     *sens;
  KtScenarioResults *scen;
  GArray            *forms;
};

static void
analyses_free (Analyses *a)
{
  g_weak_ref_clear (&a->page);
  g_clear_object (&a->cancellable);
  g_clear_pointer (&a->sens, kt_sensitivity_free);
  g_clear_pointer (&a->scen, kt_scenario_results_free);
  g_clear_pointer (&a->forms, g_array_unref);
  g_clear_object (&a->copy);
  g_free (a);
}

static void
analyses_thread (GTask        *task,
                 gpointer      source,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Analyses *a = task_data;
  const KtProjectData *data = kt_project_get_data (a->copy);
  g_autoptr (GPtrArray) problems = kt_problems_new ();

  a->sens = kt_sensitivity_compute (data, &a->rules, NULL);
  if (!g_cancellable_is_cancelled (cancellable))
    a->scen = kt_scenarios_evaluate (data, &a->rules, problems, NULL);
  if (!g_cancellable_is_cancelled (cancellable))
    a->forms = kt_forms_compare (data, &a->rules);
  g_task_return_boolean (task, TRUE);
}

static void
update_settled_charts (KtResultsPage *self,
                       Analyses      *a)
{
  const KtProjectData *data = kt_project_get_data (a->copy);
  KtLang lang = kt_lang_current ();
  KtSensitivity *sens = a->sens;
  KtScenarioResults *scen = a->scen;
  KtChart *chart;

  if (sens != NULL && sens->n_rows > 0)
    {
      int order[KT_N_DRIVERS];
      int n = kt_sensitivity_tornado (sens, KT_OUTCOME_PROJECT_NPV, order);

      chart = kt_chart_new (KT_CHART_TORNADO, lang);
      kt_chart_set_value_format (chart, KT_VALUE_COMPACT, -1);
      kt_chart_set_base (chart, sens->base[KT_OUTCOME_PROJECT_NPV], _("Base case"));
      kt_chart_set_tornado_names (chart, _("Input at −20 %"), _("Input at +20 %"));
      for (int i = 0; i < n; i++)
        {
          const KtSensitivityRow *row = &sens->rows[order[i]];

          if (!row->has_effect)
            continue;
          kt_chart_add_tornado_item (chart, kt_enum_label (&kt_driver_info, row->driver),
                                     row->outcomes[0][KT_OUTCOME_PROJECT_NPV],
                                     row->outcomes[KT_SENSITIVITY_N_STEPS - 1][KT_OUTCOME_PROJECT_NPV]);
        }
      set_chart (self, CHART_TORNADO, chart);
    }
  else
    set_chart (self, CHART_TORNADO, NULL);

  if (scen != NULL && scen->n > 1)
    {
      g_autofree const char **names = g_new0 (const char *, scen->n + 1);
      g_autofree double *npv = g_new (double, scen->n);
      g_autofree double *eq = g_new (double, scen->n);

      for (int i = 0; i < scen->n; i++)
        {
          names[i] = scen->rows[i].name;
          npv[i] = scen->rows[i].outcomes[KT_OUTCOME_PROJECT_NPV];
          eq[i] = scen->rows[i].equity_npv;
        }
      chart = kt_chart_new (KT_CHART_GROUPED_BAR, lang);
      kt_chart_set_value_format (chart, KT_VALUE_COMPACT, -1);
      kt_chart_set_show_values (chart, TRUE);
      kt_chart_set_categories (chart, names, scen->n);
      kt_chart_add_series (chart, KT_SERIES_BAR, _("Project NPV"), npv, scen->n);
      kt_chart_add_series (chart, KT_SERIES_BAR, _("Equity NPV"), eq, scen->n);
      set_chart (self, CHART_SCENARIOS, chart);
    }
  else
    set_chart (self, CHART_SCENARIOS, NULL);

  if (self->benchmarks != NULL)
    {
      g_autoptr (GPtrArray) risk_problems = kt_problems_new ();
      KtRiskRegister *reg = kt_risk_register_analyse (data, self->benchmarks, risk_problems);

      if (reg != NULL && reg->n > 0)
        {
          double values[KT_RISK_SCALE * KT_RISK_SCALE];
          char *texts[KT_RISK_SCALE * KT_RISK_SCALE] = { NULL };
          const char *rows[] = { "1", "2", "3", "4", "5" };
          static const int uppers[] = { 4, 9, 16, 25 };

          for (int l = 0; l < KT_RISK_SCALE; l++)
            for (int i = 0; i < KT_RISK_SCALE; i++)
              {
                values[l * KT_RISK_SCALE + i] = (l + 1) * (i + 1);
                texts[l * KT_RISK_SCALE + i] = reg->counts[l][i] > 0
                                               ? g_strdup_printf ("%d", reg->counts[l][i])
                                               : g_strdup ("");
              }
          chart = kt_chart_new (KT_CHART_HEATMAP, lang);
          kt_chart_set_matrix (chart, KT_RISK_SCALE, KT_RISK_SCALE, values,
                               (const char * const *) texts);
          kt_chart_set_row_labels (chart, rows, KT_RISK_SCALE);
          kt_chart_set_column_labels (chart, rows, KT_RISK_SCALE);
          kt_chart_set_axis_titles (chart, _("Impact"), _("Likelihood"));
          for (int k = 0; k < KT_N_RISK_LEVELS; k++)
            kt_chart_add_heat_level (chart, uppers[k], kt_risk_level_label (k));
          set_chart (self, CHART_RISK_MATRIX, chart);
          for (int k = 0; k < KT_RISK_SCALE * KT_RISK_SCALE; k++)
            g_free (texts[k]);
        }
      else
        set_chart (self, CHART_RISK_MATRIX, NULL);
      g_clear_pointer (&reg, kt_risk_register_free);
    }

  {
    GArray *forms = a->forms;
    guint n = 0;

    if (forms != NULL && forms->len > 1)
      {
        g_autofree const char **names = g_new0 (const char *, forms->len + 1);
        g_autofree double *firr = g_new (double, forms->len);
        g_autofree double *eirr = g_new (double, forms->len);

        for (guint i = 0; i < forms->len; i++)
          {
            const KtFormVariant *v = &g_array_index (forms, KtFormVariant, i);

            if (!v->modelled)
              continue;
            names[n] = kt_enum_label (&kt_form_info, v->form);
            firr[n] = v->project_irr;
            eirr[n] = v->equity_irr;
            n++;
          }
        chart = kt_chart_new (KT_CHART_GROUPED_BAR, lang);
        kt_chart_set_value_format (chart, KT_VALUE_PERCENT, 1);
        kt_chart_set_show_values (chart, TRUE);
        kt_chart_set_categories (chart, names, n);
        kt_chart_add_series (chart, KT_SERIES_BAR, _("Project IRR"), firr, n);
        kt_chart_add_series (chart, KT_SERIES_BAR, _("Equity IRR"), eirr, n);
        kt_chart_add_threshold (chart, data->hurdle_rate, _("Hurdle rate"));
        set_chart (self, CHART_FORMS, n > 1 ? chart : (kt_chart_unref (chart), NULL));
      }
    else
      set_chart (self, CHART_FORMS, NULL);
  }
}

static void
update_simulation_charts (KtResultsPage *self)
{
  const KtSimulationResult *r = kt_simulation_page_get_result (self->simulation);
  const KtSimulationOutcome *npv;
  KtLang lang = kt_lang_current ();
  KtChart *chart;

  if (r == NULL || r->outcomes[KT_OUTCOME_PROJECT_NPV].summary.n == 0)
    {
      set_chart (self, CHART_MC_HISTOGRAM, NULL);
      set_chart (self, CHART_MC_CDF, NULL);
      kt_dashboard_set_simulation (self->dashboard, NULL,
                                   kt_simulation_page_get_status (self->simulation));
      return;
    }
  kt_dashboard_set_simulation (self->dashboard, r, NULL);
  npv = &r->outcomes[KT_OUTCOME_PROJECT_NPV];

  chart = kt_chart_new (KT_CHART_HISTOGRAM, lang);
  kt_chart_set_value_format (chart, KT_VALUE_COMPACT, -1);
  kt_chart_set_samples (chart, npv->sorted, npv->summary.n, 0);
  kt_chart_add_percentile_marker (chart, 5);
  kt_chart_add_percentile_marker (chart, 50);
  kt_chart_add_percentile_marker (chart, 95);
  kt_chart_add_marker (chart, 0, _("Break-even"));
  set_chart (self, CHART_MC_HISTOGRAM, chart);

  {
    enum { N_POINTS = 41 };
    double x[N_POINTS], p[N_POINTS];
    char *labels[N_POINTS + 1] = { NULL };

    /* Evenly spaced NPVs from P0.5 to P99.5 (kt_simulation_result_cdf
     * spaces probabilities, which would draw a straight line here). */
    const double *sorted = npv->sorted;
    gsize n = npv->summary.n, k = 0;
    double lo = sorted[(gsize) (0.005 * (n - 1))], hi = sorted[(gsize) (0.995 * (n - 1))];

    for (int i = 0; i < N_POINTS; i++)
      {
        x[i] = lo + (hi - lo) * i / (N_POINTS - 1);
        while (k < n && sorted[k] <= x[i])
          k++;
        p[i] = (double) k / n;
        labels[i] = kt_format_number (x[i] / 1e9, 0, lang);
      }
    chart = kt_chart_new (KT_CHART_BAR_LINE, lang);
    kt_chart_set_value_format (chart, KT_VALUE_PERCENT, 0);
    kt_chart_set_axis_titles (chart, _("Project NPV, billion ₫"), "P(NPV ≤ x)");
    kt_chart_set_categories (chart, (const char * const *) labels, N_POINTS);
    kt_chart_add_series (chart, KT_SERIES_LINE, _("Cumulative probability"), p, N_POINTS);
    kt_chart_add_threshold (chart, 0.05, "P5");
    kt_chart_add_threshold (chart, 0.50, "P50");
    kt_chart_add_threshold (chart, 0.95, "P95");
    set_chart (self, CHART_MC_CDF, chart);
    for (int i = 0; i < N_POINTS; i++)
      g_free (labels[i]);
  }
}

/* ---- recalculation ---- */

static gboolean
load_rules (KtResultsPage       *self,
            const KtProjectData *data,
            GPtrArray           *problems)
{
  const char *id = data->rule_set != NULL && *data->rule_set ? data->rule_set
                                                               : kt_rule_set_default_id ();

  if (self->rule_set == NULL || g_strcmp0 (id, self->rule_set_id) != 0)
    {
      g_autoptr (GError) error = NULL;

      g_clear_pointer (&self->rule_set, kt_rule_set_free);
      g_free (self->rule_set_id);
      self->rule_set_id = g_strdup (id);
      self->rule_set = kt_rule_set_load_by_id (id, &error);
      if (self->rule_set == NULL)
        {
          kt_problems_add (problems, KT_SEVERITY_ERROR, "rule_set", "rule-set", 0,
                           _("The rule set “%s” cannot be loaded: %s"), id, error->message);
          return FALSE;
        }
    }
  kt_rules_resolve (self->rule_set, data, &self->rules, problems);
  return TRUE;
}

static void
show_blocked (KtResultsPage   *self,
              const KtProblem *problem)
{
  g_autofree char *message = g_markup_escape_text (problem->message, -1);
  g_autofree char *where = g_markup_escape_text (problem->where != NULL ? problem->where : "", -1);
  g_autofree char *text = *where ? g_strdup_printf ("%s\n<small><tt>%s</tt></small>", message, where)
                                 : g_strdup (message);
  g_free (self->blocking);
  self->blocking = g_strdup (problem->message);
  adw_status_page_set_description (self->status_page, text);
  gtk_stack_set_visible_child_name (self->stack, "invalid");
  self->computed = FALSE;
  kt_statement_view_update (self->statements, NULL, NULL);
  kt_simulation_page_invalidate (self->simulation);
}

static void
update_checks (KtResultsPage       *self,
               const KtProjectData *data)
{
  g_autoptr (GPtrArray) problems = kt_problems_new ();
  GString *signature = g_string_new (NULL);

  kt_model_append_problems (self->model, data, problems);
  for (guint i = 0; i < problems->len; i++)
    {
      const KtProblem *p = g_ptr_array_index (problems, i);

      g_string_append_printf (signature, "%d|%s|%s\n", p->severity, p->code, p->message);
    }
  /* Rows are widgets: rebuild them only when the findings change. */
  if (g_strcmp0 (signature->str, self->checks_signature) != 0)
    {
      for (guint i = 0; i < self->check_rows->len; i++)
        adw_preferences_group_remove (self->checks_group, g_ptr_array_index (self->check_rows, i));
      g_ptr_array_set_size (self->check_rows, 0);
      for (guint i = 0; i < problems->len && i < 20; i++)
        {
          const KtProblem *p = g_ptr_array_index (problems, i);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *icon = gtk_image_new_from_icon_name (p->severity == KT_SEVERITY_ERROR
                                                          ? "dialog-error-symbolic"
                                                          : p->severity == KT_SEVERITY_WARNING
                                                          ? "dialog-warning-symbolic"
                                                          : "dialog-information-symbolic");
          g_autofree char *escaped = g_markup_escape_text (p->message, -1);

          gtk_widget_add_css_class (icon, p->severity == KT_SEVERITY_ERROR ? "error" : "warning");
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
          adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
          adw_preferences_group_add (self->checks_group, row);
          g_ptr_array_add (self->check_rows, row);
        }
      if (problems->len == 0)
        {
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

          gtk_widget_add_css_class (icon, "success");
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                         _("Every appraisal check passes"));
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
          adw_preferences_group_add (self->checks_group, row);
          g_ptr_array_add (self->check_rows, row);
        }
      g_free (self->checks_signature);
      self->checks_signature = g_string_free (signature, FALSE);
    }
  else
    g_string_free (signature, TRUE);
}

static void
update_summary (KtResultsPage       *self,
                const KtProjectData *data)
{
  const KtModelResults *r = &self->model->r;
  KtLang lang = kt_lang_current ();
  g_autofree char *ti = kt_format_money (r->total_investment, KT_MONEY_BILLION, TRUE, lang);
  g_autofree char *text = NULL;

  /* TRANSLATORS: form, total investment, first year, last year */
  text = g_strdup_printf (_("%s · total investment %s · %d–%d"),
                          kt_enum_label (&kt_form_info, data->form), ti,
                          self->model->start_year, self->model->start_year + self->model->n_years - 1);
  if (g_strcmp0 (gtk_label_get_label (self->summary_label), text) != 0)
    gtk_label_set_label (self->summary_label, text);
}

static void
after_paint_cb (GdkFrameClock *clock,
                KtResultsPage *self)
{
  if (self->changed_at != 0)
    {
      self->last_timing = (g_get_monotonic_time () - self->changed_at) / 1000.0;
      self->changed_at = 0;
      if (self->timing_log)
        g_printerr ("recalc: %.3f ms (evaluation and widgets %.3f ms)\n",
                    self->last_timing, self->compute_ms);
    }
  g_clear_signal_handler (&self->after_paint_id, clock);
  g_clear_object (&self->frame_clock);
}

/* Measures until the end of the frame that paints the new figures. */
static void
watch_next_frame (KtResultsPage *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->changed_at = 0;   /* not on screen: nothing to time */
      return;
    }
  if (self->after_paint_id == 0)
    {
      self->frame_clock = g_object_ref (clock);
      self->after_paint_id = g_signal_connect (clock, "after-paint",
                                               G_CALLBACK (after_paint_cb), self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self->dashboard));
}

static void
recalc (KtResultsPage *self)
{
  const KtProjectData *data = kt_project_get_data (self->project);
  g_autoptr (GPtrArray) problems = kt_problems_new ();
  g_autoptr (GPtrArray) validation = NULL;
  KtVfm vfm;

  self->n_recalcs++;
  if (!load_rules (self, data, problems) || kt_problems_has_errors (problems))
    {
      for (guint i = 0; i < problems->len; i++)
        if (((KtProblem *) g_ptr_array_index (problems, i))->severity == KT_SEVERITY_ERROR)
          {
            show_blocked (self, g_ptr_array_index (problems, i));
            break;
          }
      watch_next_frame (self);
      return;
    }
  /* Only errors of the document block (the engine's own checks are shown
   * with the results, MODEL.md §12 "never silently fixes"). */
  validation = kt_project_validate (self->project, self->rule_set);
  for (guint i = 0; i < validation->len; i++)
    {
      const KtProblem *p = g_ptr_array_index (validation, i);

      if (p->severity == KT_SEVERITY_ERROR)
        {
          show_blocked (self, p);
          watch_next_frame (self);
          return;
        }
    }
  if (self->model == NULL)
    self->model = kt_model_new (data, 0);
  if (!kt_model_evaluate (self->model, data, &self->rules, NULL))
    {
      KtProblem p = { KT_SEVERITY_ERROR, (char *) "no_years", (char *) "timeline",
                      (char *) _("The timeline has no year: set construction or operation years"),
                      0 };

      show_blocked (self, &p);
      watch_next_frame (self);
      return;
    }
  kt_vfm_compute (self->model, data, &vfm);
  g_clear_pointer (&self->blocking, g_free);
  self->computed = TRUE;
  gtk_stack_set_visible_child_name (self->stack, "results");
  kt_dashboard_update (self->dashboard, self->model, data, &self->rules, &vfm);
  update_summary (self, data);
  update_checks (self, data);
  kt_statement_view_update (self->statements, self->model, data);
  update_live_charts (self, data);
  kt_simulation_page_set_rules (self->simulation, &self->rules);
  watch_next_frame (self);
}

static gboolean
recalc_cb (gpointer user_data)
{
  KtResultsPage *self = user_data;
  gint64 start = g_get_monotonic_time ();

  self->recalc_id = 0;
  recalc (self);
  self->compute_ms = (g_get_monotonic_time () - start) / 1000.0;
  return G_SOURCE_REMOVE;
}

static void
analyses_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Analyses *a = g_task_get_task_data (G_TASK (result));
  g_autoptr (KtResultsPage) self = g_weak_ref_get (&a->page);

  /* Superseded by an edit, or the page is gone: never shown. */
  if (self == NULL || self->analyses != a || g_cancellable_is_cancelled (a->cancellable))
    return;
  self->analyses = NULL;
  update_settled_charts (self, a);
  if (self->timing_log)
    g_printerr ("settled analyses: %.3f ms in a thread\n",
                (g_get_monotonic_time () - self->analyses_started) / 1000.0);
}

static void
cancel_analyses (KtResultsPage *self)
{
  if (self->analyses == NULL)
    return;
  g_cancellable_cancel (self->analyses->cancellable);
  self->analyses = NULL;
}

static void
start_analyses (KtResultsPage *self)
{
  Analyses *a = g_new0 (Analyses, 1);
  g_autoptr (GTask) task = NULL;

  cancel_analyses (self);
  g_weak_ref_init (&a->page, self);
  a->cancellable = g_cancellable_new ();
  a->copy = kt_project_copy (self->project);
  a->rules = self->rules;
  self->analyses = a;
  self->analyses_started = g_get_monotonic_time ();
  task = g_task_new (NULL, a->cancellable, analyses_done_cb, NULL);
  g_task_set_task_data (task, a, (GDestroyNotify) analyses_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, analyses_thread);
}

static gboolean
settle_cb (gpointer user_data)
{
  KtResultsPage *self = user_data;

  self->settle_id = 0;
  if (self->recalc_id != 0)
    {
      g_clear_handle_id (&self->recalc_id, g_source_remove);
      recalc (self);
    }
  if (!self->computed)
    return G_SOURCE_REMOVE;
  start_analyses (self);
  kt_simulation_page_run (self->simulation);
  return G_SOURCE_REMOVE;
}

static void
project_changed_cb (KtProject     *project,
                    const char    *section,
                    KtResultsPage *self)
{
  if (self->changed_at == 0)
    self->changed_at = g_get_monotonic_time ();
  if (self->recalc_id == 0)
    self->recalc_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, recalc_cb, self, NULL);
  /* Runs on the previous document are cancelled and never shown. */
  kt_simulation_page_invalidate (self->simulation);
  cancel_analyses (self);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  self->settle_id = g_timeout_add (SETTLE_MS, settle_cb, self);
}

static void
simulation_result_changed_cb (KtSimulationPage *page,
                              KtResultsPage    *self)
{
  update_simulation_charts (self);
}

static void
simulation_state_changed_cb (KtSimulationPage *page,
                             KtResultsPage    *self)
{
  if (kt_simulation_page_get_result (page) == NULL)
    kt_dashboard_set_simulation (self->dashboard, NULL, kt_simulation_page_get_status (page));
}

static void
export_clicked_cb (GtkButton     *button,
                   KtResultsPage *self)
{
  kt_chart_view_export (KT_CHART_VIEW (g_object_get_data (G_OBJECT (button), "chart")));
}

static GtkWidget *
chart_card_new (KtResultsPage *self,
                ChartId        id)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (_(chart_titles[id]));
  GtkWidget *export = gtk_button_new_from_icon_name ("document-save-as-symbolic");

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (export, "flat");
  gtk_widget_set_tooltip_text (export, _("Export the chart as PNG or SVG"));
  self->charts[id] = kt_chart_view_new ();
  gtk_widget_set_name (self->charts[id], chart_keys[id]);
  g_object_set_data (G_OBJECT (export), "chart", self->charts[id]);
  g_signal_connect (export, "clicked", G_CALLBACK (export_clicked_cb), self);
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), export);
  gtk_box_append (GTK_BOX (card), header);
  gtk_box_append (GTK_BOX (card), self->charts[id]);
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 6);
  gtk_widget_set_margin_top (header, 6);
  gtk_widget_set_margin_start (self->charts[id], 6);
  gtk_widget_set_margin_end (self->charts[id], 6);
  gtk_widget_set_margin_bottom (self->charts[id], 6);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "kt-chart-card");
  gtk_widget_set_visible (card, FALSE);
  self->chart_cards[id] = card;
  return card;
}

/* ---- overrides ---- */

static void
kt_results_page_dispose (GObject *object)
{
  KtResultsPage *self = KT_RESULTS_PAGE (object);

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_handle_id (&self->recalc_id, g_source_remove);
  g_clear_handle_id (&self->settle_id, g_source_remove);
  cancel_analyses (self);
  if (self->frame_clock != NULL)
    g_clear_signal_handler (&self->after_paint_id, self->frame_clock);
  g_clear_object (&self->frame_clock);
  /* AdwBin holds the template's root: let it go first, or it would be
   * unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KT_TYPE_RESULTS_PAGE);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (kt_results_page_parent_class)->dispose (object);
}

static void
kt_results_page_finalize (GObject *object)
{
  KtResultsPage *self = KT_RESULTS_PAGE (object);

  g_clear_pointer (&self->model, kt_model_free);
  g_clear_pointer (&self->rule_set, kt_rule_set_free);
  g_clear_pointer (&self->benchmarks, kt_risk_benchmarks_free);
  g_clear_pointer (&self->check_rows, g_ptr_array_unref);
  g_free (self->rule_set_id);
  g_free (self->blocking);
  g_free (self->checks_signature);
  G_OBJECT_CLASS (kt_results_page_parent_class)->finalize (object);
}

static void
kt_results_page_class_init (KtResultsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kt_results_page_dispose;
  object_class->finalize = kt_results_page_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/khathi/Khathi/ui/kt-results-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KtResultsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KtResultsPage, views);
  gtk_widget_class_bind_template_child (widget_class, KtResultsPage, dashboard_box);
  gtk_widget_class_bind_template_child (widget_class, KtResultsPage, statements_box);
  gtk_widget_class_bind_template_child (widget_class, KtResultsPage, charts_box);
  gtk_widget_class_bind_template_child (widget_class, KtResultsPage, simulation_box);
  gtk_widget_class_bind_template_child (widget_class, KtResultsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KtResultsPage, status_page);
}

static void
kt_results_page_init (KtResultsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->last_timing = -1;
  self->timing_log = g_strcmp0 (g_getenv ("KHATHI_TIMING"), "1") == 0;
  self->check_rows = g_ptr_array_new ();

  self->dashboard = KT_DASHBOARD (kt_dashboard_new ());
  gtk_box_append (self->dashboard_box, GTK_WIDGET (self->dashboard));
  self->checks_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->checks_group, _("Appraisal checks"));
  gtk_box_append (self->dashboard_box, GTK_WIDGET (self->checks_group));

  self->statements = KT_STATEMENT_VIEW (kt_statement_view_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->statements), TRUE);
  gtk_box_append (self->statements_box, GTK_WIDGET (self->statements));

  for (ChartId id = 0; id < N_CHARTS; id++)
    gtk_box_append (self->charts_box, chart_card_new (self, id));
}

/* ---- public API ---- */

GtkWidget *
kt_results_page_new (KtProject *project)
{
  KtResultsPage *self;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (KT_IS_PROJECT (project), NULL);
  self = g_object_new (KT_TYPE_RESULTS_PAGE, NULL);
  self->project = g_object_ref (project);
  self->benchmarks = kt_risk_benchmarks_load_default (&error);
  if (self->benchmarks == NULL)
    g_debug ("No risk benchmarks: %s", error->message);
  self->simulation = KT_SIMULATION_PAGE (kt_simulation_page_new (project));
  gtk_box_append (self->simulation_box, GTK_WIDGET (self->simulation));
  g_signal_connect (self->simulation, "result-changed",
                    G_CALLBACK (simulation_result_changed_cb), self);
  g_signal_connect (self->simulation, "state-changed",
                    G_CALLBACK (simulation_state_changed_cb), self);
  g_signal_connect (project, "changed", G_CALLBACK (project_changed_cb), self);
  recalc (self);
  self->settle_id = g_timeout_add (SETTLE_MS, settle_cb, self);
  return GTK_WIDGET (self);
}

KtProject *
kt_results_page_get_project (KtResultsPage *self)
{
  g_return_val_if_fail (KT_IS_RESULTS_PAGE (self), NULL);
  return self->project;
}

KtDashboard *
kt_results_page_get_dashboard (KtResultsPage *self)
{
  g_return_val_if_fail (KT_IS_RESULTS_PAGE (self), NULL);
  return self->dashboard;
}

KtStatementView *
kt_results_page_get_statements (KtResultsPage *self)
{
  g_return_val_if_fail (KT_IS_RESULTS_PAGE (self), NULL);
  return self->statements;
}

KtSimulationPage *
kt_results_page_get_simulation (KtResultsPage *self)
{
  g_return_val_if_fail (KT_IS_RESULTS_PAGE (self), NULL);
  return self->simulation;
}

void
kt_results_page_show_view (KtResultsPage *self,
                           const char    *name)
{
  g_return_if_fail (KT_IS_RESULTS_PAGE (self));
  adw_view_stack_set_visible_child_name (self->views, name);
}

gboolean
kt_results_page_can_compute (KtResultsPage *self)
{
  g_return_val_if_fail (KT_IS_RESULTS_PAGE (self), FALSE);
  return self->computed;
}

const char *
kt_results_page_get_blocking_problem (KtResultsPage *self)
{
  g_return_val_if_fail (KT_IS_RESULTS_PAGE (self), NULL);
  return self->blocking;
}

const char * const *
kt_results_page_chart_keys (void)
{
  return chart_keys;
}

GtkWidget *
kt_results_page_get_chart_view (KtResultsPage *self,
                                const char    *key)
{
  g_return_val_if_fail (KT_IS_RESULTS_PAGE (self), NULL);
  for (int i = 0; i < N_CHARTS; i++)
    if (g_str_equal (chart_keys[i], key))
      return self->charts[i];
  return NULL;
}

double
kt_results_page_get_last_timing (KtResultsPage *self)
{
  g_return_val_if_fail (KT_IS_RESULTS_PAGE (self), -1);
  return self->last_timing;
}

guint
kt_results_page_get_n_recalcs (KtResultsPage *self)
{
  g_return_val_if_fail (KT_IS_RESULTS_PAGE (self), 0);
  return self->n_recalcs;
}

gboolean
kt_results_page_is_settling (KtResultsPage *self)
{
  g_return_val_if_fail (KT_IS_RESULTS_PAGE (self), FALSE);
  return self->settle_id != 0 || self->recalc_id != 0 || self->analyses != NULL;
}
