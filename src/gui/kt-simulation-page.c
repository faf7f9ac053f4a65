/* kt-simulation-page.c — Monte Carlo settings, run with progress and Cancel, and its results
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs go through kt_simulation_run_async () on a copy of the document.  Each
 * run has its own record: the worker thread writes its progress there, the
 * page polls it on the main loop, and the completion callback compares the
 * record with the page's current one, so that a run cancelled or superseded
 * by an edit never shows its figures (MODEL.md §10: results carry their seed).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "kt-chart-view.h"
#include "kt-format.h"
#include "kt-simulation-page.h"

typedef struct {
  GWeakRef      page;
  GCancellable *cancellable;
  gint          done_permille;   /* written by the worker thread */
} Run;

struct _KtSimulationPage
{
  GtkWidget           parent_instance;

  KtProject          *project;
  KtRules             rules;
  gboolean            have_rules;

  GtkWidget          *box;
  GtkSpinButton      *iterations;
  GtkSpinButton      *seed;
  GtkSwitch          *lhs;
  GtkWidget          *run_button;
  GtkWidget          *cancel_button;
  GtkProgressBar     *progress;
  GtkLabel           *status;
  GtkLabel           *provenance;
  GtkGrid            *grid;
  KtChartView        *histogram;

  Run                *run;          /* the current one, or NULL */
  guint               poll_id;
  KtSimulationResult *result;
  char               *status_text;
  guint               n_started;
  guint               n_shown;
};

G_DEFINE_FINAL_TYPE (KtSimulationPage, kt_simulation_page, GTK_TYPE_WIDGET)

enum { RESULT_CHANGED, STATE_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
run_free (Run *run)
{
  g_weak_ref_clear (&run->page);
  g_clear_object (&run->cancellable);
  g_free (run);
}

static void
set_status (KtSimulationPage *self,
            const char       *text)
{
  g_free (self->status_text);
  self->status_text = g_strdup (text);
  gtk_label_set_label (self->status, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status), text != NULL && *text);
}

static void
progress_cb (guint64  done,
             guint64  total,
             gpointer user_data)
{
  Run *run = user_data;

  g_atomic_int_set (&run->done_permille, total > 0 ? (gint) (done * 1000 / total) : 0);
}

static gboolean
poll_cb (gpointer user_data)
{
  KtSimulationPage *self = user_data;

  if (self->run == NULL)
    {
      self->poll_id = 0;
      return G_SOURCE_REMOVE;
    }
  gtk_progress_bar_set_fraction (self->progress,
                                 g_atomic_int_get (&self->run->done_permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
update_sensitivity (KtSimulationPage *self)
{
  gboolean running = self->run != NULL;

  gtk_widget_set_sensitive (self->run_button, !running);
  gtk_widget_set_sensitive (self->cancel_button, running);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), running);
}

static void
clear_grid (KtSimulationPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
}

static void
grid_cell (KtSimulationPage *self,
           int               col,
           int               row,
           const char       *text,
           gboolean          header)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), col == 0 ? 0.0 : 1.0);
  if (header)
    gtk_widget_add_css_class (label, "heading");
  else if (col > 0)
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (self->grid, label, col, row, 1, 1);
}

static char *
outcome_value (KtOutcome outcome,
               double    value)
{
  KtLang lang = kt_lang_current ();

  switch (kt_outcome_kind (outcome))
    {
    case KT_OUTCOME_KIND_MONEY:
      return kt_format_money (value, KT_MONEY_BILLION, TRUE, lang);
    case KT_OUTCOME_KIND_RATE:
      return kt_format_percent (value, 2, lang);
    case KT_OUTCOME_KIND_RATIO:
    default:
      return kt_format_number (value, 2, lang);
    }
}

static void
show_result (KtSimulationPage *self)
{
  const KtSimulationResult *r = self->result;
  const char *headers[] = { N_("Indicator"), N_("Mean"), N_("Standard error"), N_("Standard deviation"),
                            "P5", "P50", "P95" };
  g_autoptr (KtChart) chart = NULL;
  g_autofree char *iterations = NULL;
  g_autofree char *seconds = NULL;
  g_autofree char *prob = NULL;
  g_autofree char *seed = NULL;
  g_autofree char *text = NULL;
  KtLang lang = kt_lang_current ();
  const KtSimulationOutcome *npv;

  clear_grid (self);
  if (r == NULL)
    {
      gtk_label_set_label (self->provenance, "");
      kt_chart_view_set_chart (self->histogram, NULL);
      return;
    }
  iterations = kt_format_number (r->iterations, 0, lang);
  seconds = kt_format_number (r->seconds, 2, lang);
  prob = kt_format_percent (r->prob_npv_negative, 1, lang);
  /* TRANSLATORS: iterations, seed, sampling, seconds; then P(NPV < 0) */
  seed = g_strdup_printf ("%" G_GUINT64_FORMAT, r->seed);
  text = g_strdup_printf (_("%s iterations · seed %s · %s · %s s — P(NPV < 0) = %s"),
                          iterations, seed,
                          r->lhs ? _("Latin hypercube") : _("simple random sampling"),
                          seconds, prob);
  gtk_label_set_label (self->provenance, text);

  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    grid_cell (self, c, 0, c >= 1 && c <= 3 ? _(headers[c]) : c == 0 ? _(headers[0]) : headers[c],
               TRUE);
  for (int o = 0; o < KT_N_OUTCOMES; o++)
    {
      const KtSummary *s = &r->outcomes[o].summary;
      double values[] = { s->mean, s->se, s->sd, s->p5, s->p50, s->p95 };

      grid_cell (self, 0, o + 1, kt_outcome_label (o), FALSE);
      for (guint c = 0; c < G_N_ELEMENTS (values); c++)
        {
          g_autofree char *v = s->n > 0 ? outcome_value (o, values[c]) : g_strdup (KT_FORMAT_NO_VALUE);

          grid_cell (self, c + 1, o + 1, v, FALSE);
        }
    }

  npv = &r->outcomes[KT_OUTCOME_PROJECT_NPV];
  chart = kt_chart_new (KT_CHART_HISTOGRAM, lang);
  kt_chart_set_title (chart, _("Project NPV: distribution and cumulative share"));
  kt_chart_set_value_format (chart, KT_VALUE_COMPACT, -1);
  kt_chart_set_samples (chart, npv->sorted, npv->summary.n, 0);
  kt_chart_add_percentile_marker (chart, 5);
  kt_chart_add_percentile_marker (chart, 50);
  kt_chart_add_percentile_marker (chart, 95);
  kt_chart_view_set_chart (self->histogram, npv->summary.n > 0 ? chart : NULL);
}

static void
set_result (KtSimulationPage   *self,
            KtSimulationResult *result)
{
  g_clear_pointer (&self->result, kt_simulation_result_free);
  self->result = result;
  show_result (self);
  g_signal_emit (self, signals[RESULT_CHANGED], 0);
}

static void
run_finished_cb (GObject      *source,
                 GAsyncResult *res,
                 gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr (KtSimulationPage) self = g_weak_ref_get (&run->page);
  g_autoptr (GError) error = NULL;
  KtSimulationResult *result = kt_simulation_run_finish (res, &error);

  /* Gone, cancelled or superseded: drop it unseen. */
  if (self == NULL || self->run != run || g_cancellable_is_cancelled (run->cancellable))
    {
      g_clear_pointer (&result, kt_simulation_result_free);
      run_free (run);
      return;
    }
  self->run = NULL;
  run_free (run);
  update_sensitivity (self);
  if (result != NULL)
    {
      self->n_shown++;
      set_status (self, "");
      set_result (self, result);
    }
  else
    {
      if (g_error_matches (error, KT_SIMULATION_ERROR, KT_SIMULATION_ERROR_NO_DRIVERS))
        set_status (self, _("No input carries a distribution: add some under Uncertainty"));
      else
        {
          g_autofree char *text = g_strdup_printf (_("The simulation cannot run: %s"),
                                                   error != NULL ? error->message : "");
          set_status (self, text);
        }
      set_result (self, NULL);
    }
  g_signal_emit (self, signals[STATE_CHANGED], 0);
}

static void
run_clicked_cb (GtkButton        *button,
                KtSimulationPage *self)
{
  kt_simulation_page_run (self);
}

static void
cancel_clicked_cb (GtkButton        *button,
                   KtSimulationPage *self)
{
  kt_simulation_page_cancel (self);
}

static GtkWidget *
setting_row (const char *title,
             const char *subtitle,
             GtkWidget  *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), suffix);
  return row;
}

static void
kt_simulation_page_dispose (GObject *object)
{
  KtSimulationPage *self = KT_SIMULATION_PAGE (object);

  if (self->run != NULL)
    {
      g_cancellable_cancel (self->run->cancellable);
      self->run = NULL;   /* freed by its callback */
    }
  g_clear_handle_id (&self->poll_id, g_source_remove);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->result, kt_simulation_result_free);
  g_clear_object (&self->project);
  G_OBJECT_CLASS (kt_simulation_page_parent_class)->dispose (object);
}

static void
kt_simulation_page_finalize (GObject *object)
{
  KtSimulationPage *self = KT_SIMULATION_PAGE (object);

  g_free (self->status_text);
  G_OBJECT_CLASS (kt_simulation_page_parent_class)->finalize (object);
}

static void
kt_simulation_page_class_init (KtSimulationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kt_simulation_page_dispose;
  object_class->finalize = kt_simulation_page_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ktsimulationpage");
  signals[RESULT_CHANGED] = g_signal_new ("result-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[STATE_CHANGED] = g_signal_new ("state-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kt_simulation_page_init (KtSimulationPage *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *results = adw_preferences_group_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Monte Carlo simulation"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
    _("Draws the inputs that carry a distribution and recomputes the project for each draw. "
      "The same seed gives the same figures."));
  self->iterations = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (100, 1000000, 1000));
  /* Doubles hold every integer up to 2^53 exactly. */
  self->seed = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 9007199254740991.0, 1));
  gtk_editable_set_width_chars (GTK_EDITABLE (self->seed), 12);
  self->lhs = GTK_SWITCH (gtk_switch_new ());
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             setting_row (_("Iterations"), NULL, GTK_WIDGET (self->iterations)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             setting_row (_("Seed"), _("Saved with the results, for reproducibility"),
                                          GTK_WIDGET (self->seed)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             setting_row (_("Latin hypercube sampling"),
                                          _("Stratified draws: steadier results with fewer iterations"),
                                          GTK_WIDGET (self->lhs)));

  self->run_button = gtk_button_new_with_mnemonic (_("_Run"));
  gtk_widget_add_css_class (self->run_button, "suggested-action");
  gtk_widget_add_css_class (self->run_button, "pill");
  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_add_css_class (self->cancel_button, "pill");
  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->progress), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->progress), GTK_ALIGN_CENTER);
  g_signal_connect (self->run_button, "clicked", G_CALLBACK (run_clicked_cb), self);
  g_signal_connect (self->cancel_button, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), self->run_button);
  gtk_box_append (GTK_BOX (buttons), self->cancel_button);
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (self->progress));

  self->status = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_xalign (self->status, 0);
  gtk_label_set_wrap (self->status, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "dim-label");
  self->provenance = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_xalign (self->provenance, 0);
  gtk_label_set_wrap (self->provenance, TRUE);
  gtk_label_set_selectable (self->provenance, TRUE);
  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->grid, 18);
  gtk_grid_set_row_spacing (self->grid, 6);
  self->histogram = KT_CHART_VIEW (kt_chart_view_new ());
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (results), _("Results"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (results),
    _("The standard error of the mean shows convergence: it falls with the square root of the "
      "iterations."));

  gtk_box_append (GTK_BOX (self->box), group);
  gtk_box_append (GTK_BOX (self->box), buttons);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->status));
  gtk_box_append (GTK_BOX (self->box), results);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->provenance));
  {
    /* Seven columns of figures: scroll sideways rather than widen the window. */
    GtkWidget *scroller = gtk_scrolled_window_new ();

    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC,
                                    GTK_POLICY_NEVER);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->grid));
    gtk_box_append (GTK_BOX (self->box), scroller);
  }
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->histogram));
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  update_sensitivity (self);
}

GtkWidget *
kt_simulation_page_new (KtProject *project)
{
  KtSimulationPage *self;
  const KtProjectData *data;

  g_return_val_if_fail (KT_IS_PROJECT (project), NULL);
  self = g_object_new (KT_TYPE_SIMULATION_PAGE, NULL);
  self->project = g_object_ref (project);
  data = kt_project_get_data (project);
  gtk_spin_button_set_value (self->iterations,
                             data->simulation.iterations > 0 ? data->simulation.iterations : 20000);
  gtk_spin_button_set_value (self->seed, (double) MIN (data->simulation.seed, G_GUINT64_CONSTANT (9007199254740991)));
  gtk_switch_set_active (self->lhs, data->simulation.lhs);
  return GTK_WIDGET (self);
}

void
kt_simulation_page_set_rules (KtSimulationPage *self,
                              const KtRules    *rules)
{
  g_return_if_fail (KT_IS_SIMULATION_PAGE (self));
  self->rules = *rules;
  self->have_rules = TRUE;
}

void
kt_simulation_page_run (KtSimulationPage *self)
{
  KtSimulationOptions options;
  Run *run;

  g_return_if_fail (KT_IS_SIMULATION_PAGE (self));
  kt_simulation_page_invalidate (self);
  if (!self->have_rules)
    return;
  kt_simulation_options_init (&options, kt_project_get_data (self->project));
  options.iterations = gtk_spin_button_get_value_as_int (self->iterations);
  options.seed = (guint64) gtk_spin_button_get_value (self->seed);
  options.lhs = gtk_switch_get_active (self->lhs);
  /* Leave a core to the main loop so typing stays smooth while it runs;
   * the figures do not depend on the number of threads. */
  options.threads = MAX (1, (int) g_get_num_processors () - 1);
  run = g_new0 (Run, 1);
  g_weak_ref_init (&run->page, self);
  run->cancellable = g_cancellable_new ();
  options.progress = progress_cb;
  options.progress_data = run;
  self->run = run;
  self->n_started++;
  set_status (self, _("Simulating…"));
  gtk_progress_bar_set_fraction (self->progress, 0);
  if (self->poll_id == 0)
    self->poll_id = g_timeout_add (100, poll_cb, self);
  update_sensitivity (self);
  kt_simulation_run_async (self->project, &self->rules, &options, run->cancellable,
                           run_finished_cb, run);
  g_signal_emit (self, signals[STATE_CHANGED], 0);
}

void
kt_simulation_page_cancel (KtSimulationPage *self)
{
  g_return_if_fail (KT_IS_SIMULATION_PAGE (self));
  if (self->run == NULL)
    return;
  g_cancellable_cancel (self->run->cancellable);
  self->run = NULL;   /* its callback frees it */
  set_status (self, _("Cancelled"));
  update_sensitivity (self);
  g_signal_emit (self, signals[STATE_CHANGED], 0);
}

void
kt_simulation_page_invalidate (KtSimulationPage *self)
{
  g_return_if_fail (KT_IS_SIMULATION_PAGE (self));
  kt_simulation_page_cancel (self);
  set_status (self, _("Waiting for the edits to settle…"));
  if (self->result != NULL)
    set_result (self, NULL);
}

gboolean
kt_simulation_page_is_running (KtSimulationPage *self)
{
  g_return_val_if_fail (KT_IS_SIMULATION_PAGE (self), FALSE);
  return self->run != NULL;
}

const KtSimulationResult *
kt_simulation_page_get_result (KtSimulationPage *self)
{
  g_return_val_if_fail (KT_IS_SIMULATION_PAGE (self), NULL);
  return self->result;
}

const char *
kt_simulation_page_get_status (KtSimulationPage *self)
{
  g_return_val_if_fail (KT_IS_SIMULATION_PAGE (self), NULL);
  return self->status_text != NULL ? self->status_text : "";
}

guint
kt_simulation_page_get_n_started (KtSimulationPage *self)
{
  return self->n_started;
}

guint
kt_simulation_page_get_n_shown (KtSimulationPage *self)
{
  return self->n_shown;
}
