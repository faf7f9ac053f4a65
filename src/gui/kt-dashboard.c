/* kt-dashboard.c — the key indicators of a study as large figures against their thresholds
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One card per indicator: title, figure (coloured by its verdict with
 * libadwaita's success/warning/error classes), a one-line explanation naming
 * the threshold, and the MODEL.md definition as the card's tooltip.  Updates
 * touch only the labels whose text changed, so the live recalculation stays
 * within a frame.  Amounts follow the "money-unit" preference of the
 * application the dashboard is shown in, and change with it.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "kt-application.h"
#include "kt-dashboard.h"
#include "kt-format.h"

typedef enum {
  CARD_PROJECT_NPV,
  CARD_PROJECT_IRR,
  CARD_EQUITY_IRR,
  CARD_PAYBACK,
  CARD_DSCR_MIN,
  CARD_BCR,
  CARD_FISCAL_COST,
  CARD_VFM,
  CARD_MONTE_CARLO,
  N_CARDS
} Card;

typedef struct {
  const char *key;
  const char *title;
  const char *definition;   /* MODEL.md, for the tooltip */
} CardInfo;

static const CardInfo cards[N_CARDS] = {
  { "project-npv", N_("Project NPV"),
    N_("Project NPV (MODEL.md §8): the project cash flow — revenue + state service payments + "
       "revenue-sharing net − opex − capex − ΔNWC − tax as if there were no debt + terminal value "
       "or transfer price — discounted at the WACC to the end of year 0: NPV = Σ CFₜ (1 + WACC)⁻ᵗ.") },
  { "project-irr", N_("Project IRR (FIRR)"),
    N_("FIRR (MODEL.md §1, §8): a rate r in (−99 %, 1000 %] at which the NPV of the project cash "
       "flow is 0. With several roots the one nearest the WACC is shown and flagged; with none, "
       "“no IRR” — never 0.") },
  { "equity-irr", N_("Equity IRR"),
    N_("Equity IRR (MODEL.md §8): the IRR of the investor's cash flow — − equity contributions + "
       "(CFADS − debt service) + transfer price or BOO terminal value less debt — against the "
       "investor's hurdle rate.") },
  { "payback", N_("Payback"),
    N_("Payback (MODEL.md §8): with cumulative project cash flow Sₜ, the first year t ≥ 1 with "
       "Sₜ₋₁ < 0 ≤ Sₜ gives (t − 1) + (−Sₜ₋₁) / CFₜ years after the end of year 0; "
       "“not reached” when there is none.") },
  { "dscr-min", N_("Minimum DSCR"),
    N_("DSCR (MODEL.md §8): DSCRₜ = CFADSₜ / (interestₜ + principalₜ) in every year with debt "
       "service; the lowest of them, against the lender's minimum.") },
  { "bcr", N_("Benefit–cost ratio"),
    N_("B/C (MODEL.md §8): PV at the WACC of the inflow lines (revenue, state service payments, "
       "revenue-sharing receipts, terminal value or transfer price, NWC releases) over the PV of "
       "the outflow lines (opex, capex, tax as if no debt, revenue-sharing payments, NWC "
       "increases).") },
  { "fiscal-cost", N_("State fiscal cost"),
    N_("The state's net fiscal cost (MODEL.md §8): minus the NPV at the social discount rate of "
       "the state's cash flow — − capital support − service payments − guarantee payouts + "
       "revenue-sharing receipts + CIT + import duty + land rent + concession fees + assets "
       "received at transfer. State capital support is held to the legal cap on total "
       "investment.") },
  { "vfm", N_("Value for money"),
    N_("VfM (MODEL.md §11) = PV(public sector comparator) − PV(PPP cost to the state), both at "
       "the social discount rate; positive means the PPP offers value for money.") },
  { "prob-npv-negative", N_("Risk of a loss"),
    N_("Monte Carlo (MODEL.md §10): the share of draws with project NPV < 0, and the 5th, 50th "
       "and 95th percentiles of project NPV. The run restarts half a second after the last edit.") },
};

static const char * const verdict_classes[] = { NULL, "success", "warning", "error" };

typedef struct {
  GtkWidget *box;
  GtkLabel  *figure;
  GtkLabel  *explanation;
  KtVerdict  verdict;
} CardWidgets;

/* The amounts last shown, to show them again in another unit. */
typedef struct {
  gboolean have_model, have_vfm, have_simulation;
  double   project_npv, fiscal_cost;
  double   vfm, psc, ppp;
  double   p5, p50, p95;
} Amounts;

struct _KtDashboard
{
  GtkWidget    parent_instance;

  GtkWidget   *flow;
  CardWidgets  cards[N_CARDS];
  GSettings   *settings;    /* the application's, while rooted in one of its windows */
  KtMoneyUnit  unit;
  Amounts      shown;
};

G_DEFINE_FINAL_TYPE (KtDashboard, kt_dashboard, GTK_TYPE_WIDGET)

static void
set_label (GtkLabel   *label,
           const char *text)
{
  if (g_strcmp0 (gtk_label_get_label (label), text) != 0)
    gtk_label_set_label (label, text);
}

/* Takes ownership of figure and explanation. */
static void
set_card (KtDashboard *self,
          Card         c,
          char        *figure,
          char        *explanation,
          KtVerdict    verdict)
{
  CardWidgets *w = &self->cards[c];

  set_label (w->figure, figure);
  set_label (w->explanation, explanation);
  if (w->verdict != verdict)
    {
      if (verdict_classes[w->verdict] != NULL)
        gtk_widget_remove_css_class (GTK_WIDGET (w->figure), verdict_classes[w->verdict]);
      if (verdict_classes[verdict] != NULL)
        gtk_widget_add_css_class (GTK_WIDGET (w->figure), verdict_classes[verdict]);
      w->verdict = verdict;
    }
  g_free (figure);
  g_free (explanation);
}

static char *
money (KtDashboard *self,
       double       vnd)
{
  return kt_format_money (vnd, self->unit, TRUE, kt_lang_current ());
}

/* The texts that hold amounts; the verdicts do not depend on the unit. */
static char *
vfm_explanation (KtDashboard *self)
{
  g_autofree char *psc = money (self, self->shown.psc);
  g_autofree char *ppp = money (self, self->shown.ppp);

  return g_strdup_printf (_("Comparator %s against the PPP's %s"), psc, ppp);
}

static char *
simulation_explanation (KtDashboard *self)
{
  g_autofree char *p5 = money (self, self->shown.p5);
  g_autofree char *p50 = money (self, self->shown.p50);
  g_autofree char *p95 = money (self, self->shown.p95);

  /* TRANSLATORS: the 5th, 50th and 95th percentiles of NPV */
  return g_strdup_printf (_("NPV P5 %s · P50 %s · P95 %s"), p5, p50, p95);
}

static void
show_amounts (KtDashboard *self)
{
  CardWidgets *w = self->cards;

  if (self->shown.have_model)
    {
      g_autofree char *npv = money (self, self->shown.project_npv);
      g_autofree char *fiscal = money (self, self->shown.fiscal_cost);

      set_label (w[CARD_PROJECT_NPV].figure, npv);
      set_label (w[CARD_FISCAL_COST].figure, fiscal);
    }
  if (self->shown.have_vfm)
    {
      g_autofree char *vfm = money (self, self->shown.vfm);
      g_autofree char *explanation = vfm_explanation (self);

      set_label (w[CARD_VFM].figure, vfm);
      set_label (w[CARD_VFM].explanation, explanation);
    }
  if (self->shown.have_simulation)
    {
      g_autofree char *explanation = simulation_explanation (self);

      set_label (w[CARD_MONTE_CARLO].explanation, explanation);
    }
}

static void
money_unit_changed_cb (GSettings   *settings,
                       const char  *key,
                       KtDashboard *self)
{
  KtMoneyUnit unit = kt_money_unit_from_settings (settings);

  if (unit != self->unit)
    {
      self->unit = unit;
      show_amounts (self);
    }
}

static char *
percent (double fraction)
{
  return kt_format_percent (fraction, 2, kt_lang_current ());
}

static void
set_irr_card (KtDashboard       *self,
              Card               c,
              const KtIrrResult *irr,
              double             reference,
              gboolean           equity)
{
  g_autofree char *ref = percent (reference);

  if (irr->status == KT_IRR_NONE || !isfinite (irr->irr))
    {
      set_card (self, c, g_strdup (_("No IRR")),
                g_strdup (_("The cash flow never changes sign at a rate in (−99 %, 1000 %]")),
                KT_VERDICT_BAD);
      return;
    }
  if (irr->status == KT_IRR_MULTIPLE)
    {
      GString *roots = g_string_new (NULL);
      g_autofree char *value = percent (irr->irr);

      for (int i = 0; i < irr->n_roots; i++)
        {
          g_autofree char *r = percent (irr->roots[i]);

          g_string_append_printf (roots, "%s%s", i > 0 ? "; " : "", r);
        }
      /* TRANSLATORS: %d IRRs, the list of them, and the reference rate */
      set_card (self, c, g_strdup_printf (_("%s (multiple)"), value),
                g_strdup_printf (_("%d IRRs (%s): the one nearest %s is shown"),
                                 irr->n_roots, roots->str, ref),
                KT_VERDICT_CAUTION);
      g_string_free (roots, TRUE);
      return;
    }
  set_card (self, c, percent (irr->irr),
            equity ? g_strdup_printf (_("Against the investor's hurdle rate of %s"), ref)
                   : g_strdup_printf (_("Against the WACC of %s"), ref),
            irr->irr >= reference ? KT_VERDICT_GOOD : KT_VERDICT_BAD);
}

static GtkWidget *
card_new (KtDashboard *self,
          Card         c)
{
  CardWidgets *w = &self->cards[c];
  GtkWidget *title = gtk_label_new (_(cards[c].title));

  w->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (w->box, "card");
  gtk_widget_add_css_class (w->box, "kt-indicator");
  gtk_widget_set_tooltip_text (w->box, _(cards[c].definition));
  gtk_widget_set_name (w->box, cards[c].key);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (title, "dim-label");
  w->figure = GTK_LABEL (gtk_label_new (KT_FORMAT_NO_VALUE));
  gtk_label_set_xalign (w->figure, 0);
  gtk_label_set_selectable (w->figure, FALSE);
  gtk_label_set_ellipsize (w->figure, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (w->figure), "title-2");
  gtk_widget_add_css_class (GTK_WIDGET (w->figure), "numeric");
  w->explanation = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_xalign (w->explanation, 0);
  gtk_label_set_wrap (w->explanation, TRUE);
  gtk_label_set_lines (w->explanation, 2);
  gtk_label_set_ellipsize (w->explanation, PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (w->explanation, 24);
  gtk_label_set_max_width_chars (w->explanation, 34);
  gtk_widget_add_css_class (GTK_WIDGET (w->explanation), "caption");

  {
    GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);

    gtk_widget_set_margin_top (inner, 12);
    gtk_widget_set_margin_bottom (inner, 12);
    gtk_widget_set_margin_start (inner, 15);
    gtk_widget_set_margin_end (inner, 15);
    gtk_box_append (GTK_BOX (inner), title);
    gtk_box_append (GTK_BOX (inner), GTK_WIDGET (w->figure));
    gtk_box_append (GTK_BOX (inner), GTK_WIDGET (w->explanation));
    gtk_box_append (GTK_BOX (w->box), inner);
  }
  return w->box;
}

/* The preference lives in the application's settings: found through the
 * window the dashboard is put in, so its parents need not pass it down. */
static void
kt_dashboard_root (GtkWidget *widget)
{
  KtDashboard *self = KT_DASHBOARD (widget);
  GtkRoot *root;
  GtkApplication *app = NULL;

  GTK_WIDGET_CLASS (kt_dashboard_parent_class)->root (widget);
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    app = gtk_window_get_application (GTK_WINDOW (root));
  if (KT_IS_APPLICATION (app))
    {
      self->settings = g_object_ref (kt_application_get_settings (KT_APPLICATION (app)));
      g_signal_connect (self->settings, "changed::money-unit",
                        G_CALLBACK (money_unit_changed_cb), self);
      money_unit_changed_cb (self->settings, "money-unit", self);
    }
}

static void
kt_dashboard_unroot (GtkWidget *widget)
{
  KtDashboard *self = KT_DASHBOARD (widget);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  GTK_WIDGET_CLASS (kt_dashboard_parent_class)->unroot (widget);
}

static void
kt_dashboard_dispose (GObject *object)
{
  KtDashboard *self = KT_DASHBOARD (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->flow, gtk_widget_unparent);
  G_OBJECT_CLASS (kt_dashboard_parent_class)->dispose (object);
}

static void
kt_dashboard_class_init (KtDashboardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kt_dashboard_dispose;
  widget_class->root = kt_dashboard_root;
  widget_class->unroot = kt_dashboard_unroot;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ktdashboard");
}

static void
kt_dashboard_init (KtDashboard *self)
{
  self->unit = KT_MONEY_BILLION;
  self->flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->flow), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->flow), 3);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->flow), 12);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->flow), 12);
  gtk_widget_set_parent (self->flow, GTK_WIDGET (self));
  for (Card c = 0; c < N_CARDS; c++)
    {
      gtk_flow_box_append (GTK_FLOW_BOX (self->flow), card_new (self, c));
      gtk_widget_set_focusable (gtk_widget_get_parent (self->cards[c].box), FALSE);
    }
  kt_dashboard_set_simulation (self, NULL, _("Not simulated yet"));
}

GtkWidget *
kt_dashboard_new (void)
{
  return g_object_new (KT_TYPE_DASHBOARD, NULL);
}

void
kt_dashboard_update (KtDashboard         *self,
                     const KtModel       *model,
                     const KtProjectData *data,
                     const KtRules       *rules,
                     const KtVfm         *vfm)
{
  const KtModelResults *r;
  KtLang lang = kt_lang_current ();

  g_return_if_fail (KT_IS_DASHBOARD (self));
  r = &model->r;

  {
    g_autofree char *wacc = percent (data->wacc);

    self->shown.have_model = TRUE;
    self->shown.project_npv = r->project_npv;
    self->shown.fiscal_cost = -r->fiscal_npv;
    set_card (self, CARD_PROJECT_NPV, money (self, r->project_npv),
              g_strdup_printf (_("At the WACC of %s; viable when ≥ 0"), wacc),
              !isfinite (r->project_npv) ? KT_VERDICT_NEUTRAL
              : r->project_npv >= 0 ? KT_VERDICT_GOOD : KT_VERDICT_BAD);
  }
  set_irr_card (self, CARD_PROJECT_IRR, &r->project_irr, data->wacc, FALSE);
  set_irr_card (self, CARD_EQUITY_IRR, &r->equity_irr, data->hurdle_rate, TRUE);

  if (isfinite (r->payback))
    set_card (self, CARD_PAYBACK, kt_format_years (r->payback, lang),
              g_strdup_printf (_("Within the %d-year contract term"), model->n_years),
              r->payback <= model->n_years ? KT_VERDICT_GOOD : KT_VERDICT_BAD);
  else
    set_card (self, CARD_PAYBACK, kt_format_years (r->payback, lang),
              g_strdup (_("The cumulative cash flow stays below zero")), KT_VERDICT_BAD);

  if (isfinite (r->dscr_min))
    {
      g_autofree char *minimum = kt_format_number (data->min_dscr, 2, lang);

      set_card (self, CARD_DSCR_MIN, kt_format_number (r->dscr_min, 2, lang),
                g_strdup_printf (_("In %d; the lender's minimum is %s"),
                                 model->start_year + MAX (r->dscr_min_year, 0), minimum),
                r->dscr_min >= data->min_dscr ? KT_VERDICT_GOOD : KT_VERDICT_BAD);
    }
  else
    set_card (self, CARD_DSCR_MIN, g_strdup (KT_FORMAT_NO_VALUE),
              g_strdup (_("No debt service")), KT_VERDICT_NEUTRAL);

  set_card (self, CARD_BCR, kt_format_number (r->bcr, 2, lang),
            g_strdup (_("PV of inflows over outflows at the WACC; viable when ≥ 1")),
            !isfinite (r->bcr) ? KT_VERDICT_NEUTRAL
            : r->bcr >= 1 ? KT_VERDICT_GOOD : KT_VERDICT_BAD);

  {
    double cap = data->st_project ? rules->state_capital_cap_st : rules->state_capital_cap;
    double share = r->total_investment > 0 ? r->support_total / r->total_investment : 0;
    g_autofree char *share_text = percent (share);
    g_autofree char *cap_text = percent (cap);
    gboolean capped = data->form != KT_FORM_ORDERING;

    set_card (self, CARD_FISCAL_COST, money (self, -r->fiscal_npv),
              capped ? g_strdup_printf (_("State capital %s of total investment (legal limit %s)"),
                                        share_text, cap_text)
                     : g_strdup (_("At the social discount rate; no capital cap for ordering")),
              !capped ? KT_VERDICT_NEUTRAL
              : share > cap + 1e-9 ? KT_VERDICT_BAD : KT_VERDICT_GOOD);
  }

  self->shown.have_vfm = vfm != NULL;
  if (vfm != NULL)
    {
      self->shown.vfm = vfm->vfm;
      self->shown.psc = vfm->psc;
      self->shown.ppp = vfm->ppp_cost;
      set_card (self, CARD_VFM, money (self, vfm->vfm), vfm_explanation (self),
                !isfinite (vfm->vfm) ? KT_VERDICT_NEUTRAL
                : vfm->vfm > 0 ? KT_VERDICT_GOOD : KT_VERDICT_BAD);
    }
}

void
kt_dashboard_set_simulation (KtDashboard              *self,
                             const KtSimulationResult *result,
                             const char               *status)
{
  const KtSimulationOutcome *npv;
  KtVerdict verdict;
  g_autofree char *prob = NULL;

  g_return_if_fail (KT_IS_DASHBOARD (self));
  self->shown.have_simulation = result != NULL;
  if (result == NULL)
    {
      /* The last figure goes: a stale run is never shown. */
      set_card (self, CARD_MONTE_CARLO, g_strdup (KT_FORMAT_NO_VALUE),
                g_strdup (status != NULL ? status : ""), KT_VERDICT_NEUTRAL);
      return;
    }
  npv = &result->outcomes[KT_OUTCOME_PROJECT_NPV];
  self->shown.p5 = npv->summary.p5;
  self->shown.p50 = npv->summary.p50;
  self->shown.p95 = npv->summary.p95;
  verdict = result->prob_npv_negative <= 0.10 ? KT_VERDICT_GOOD
            : result->prob_npv_negative <= 0.30 ? KT_VERDICT_CAUTION : KT_VERDICT_BAD;
  prob = kt_format_percent (result->prob_npv_negative, 1, kt_lang_current ());
  /* TRANSLATORS: P(NPV < 0) = 12 % */
  set_card (self, CARD_MONTE_CARLO, g_strdup_printf (_("P(NPV < 0) = %s"), prob),
            simulation_explanation (self), verdict);
}

static int
card_index (const char *key)
{
  for (int c = 0; c < N_CARDS; c++)
    if (g_str_equal (cards[c].key, key))
      return c;
  return -1;
}

const char *
kt_dashboard_get_figure (KtDashboard *self,
                         const char  *key)
{
  int c = card_index (key);

  g_return_val_if_fail (KT_IS_DASHBOARD (self) && c >= 0, NULL);
  return gtk_label_get_label (self->cards[c].figure);
}

const char *
kt_dashboard_get_explanation (KtDashboard *self,
                              const char  *key)
{
  int c = card_index (key);

  g_return_val_if_fail (KT_IS_DASHBOARD (self) && c >= 0, NULL);
  return gtk_label_get_label (self->cards[c].explanation);
}

KtVerdict
kt_dashboard_get_verdict (KtDashboard *self,
                          const char  *key)
{
  int c = card_index (key);

  g_return_val_if_fail (KT_IS_DASHBOARD (self) && c >= 0, KT_VERDICT_NEUTRAL);
  return self->cards[c].verdict;
}
