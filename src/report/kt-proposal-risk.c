/* kt-proposal-risk.c — risks, sensitivity, scenarios, Monte Carlo, economics (MODEL.md §9–11)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kt-proposal-private.h"
#include "kt-scenarios.h"
#include "kt-sensitivity.h"
#include "kt-vfm.h"

/* ---- risk register ---- */

void
kt_proposal_add_risks (KtProposal *p)
{
  const KtProjectData *d = p->data;
  double counts[25] = { 0 };

  kt_pdf_add_heading (p->pdf, 1, kt_proposal_enum (p, &kt_chapter_info, KT_CHAPTER_RISK_ANALYSIS));
  kt_proposal_add_text (p, &d->chapters[KT_CHAPTER_RISK_ANALYSIS]);
  if (d->risks->len == 0)
    {
      kt_pdf_add_styled_paragraph (p->pdf, KT_PDF_PARA_NOTE,
                                   PT (p, N_("The study has no risk register.")));
      return;
    }

  /* The register is a wide table: its heading goes on the landscape page with it. */
  kt_pdf_set_orientation (p->pdf, KT_PDF_LANDSCAPE);
  kt_pdf_add_heading (p->pdf, 2, PT (p, N_("Risk allocation matrix")));
  {
    g_autoptr (KtPdfTable) table = kt_pdf_table_new ();
    g_autofree char *unit = kt_proposal_unit_line (p);

    kt_pdf_table_add_column (table, PT (p, N_("Code")), KT_PDF_ALIGN_LEFT);
    kt_pdf_table_add_column (table, PT (p, N_("Risk")), KT_PDF_ALIGN_LEFT);
    kt_pdf_table_add_column (table, PT (p, N_("L×I")), KT_PDF_ALIGN_CENTER);
    kt_pdf_table_add_column (table, PT (p, N_("Owner")), KT_PDF_ALIGN_LEFT);
    kt_pdf_table_add_column (table, PT (p, N_("Expected cost")), KT_PDF_ALIGN_RIGHT);
    kt_pdf_table_add_column (table, PT (p, N_("Mitigation")), KT_PDF_ALIGN_LEFT);
    kt_pdf_table_set_caption (table, PT (p, N_("Risk register and allocation")));
    kt_pdf_table_set_unit (table, unit);
    kt_pdf_table_set_font_size (table, 10);
    kt_pdf_table_set_note (table, PT (p, N_("L×I: likelihood and impact on scales of 1 to 5. "
                                            "Expected cost: present value at the social rate.")));
    for (guint i = 0; i < d->risks->len; i++)
      {
        const KtRisk *risk = &g_array_index (d->risks, KtRisk, i);
        g_autofree char *what = g_strdup_printf ("%s: %s",
                                                 kt_proposal_enum (p, &kt_risk_category_info,
                                                                   risk->category),
                                                 kt_proposal_text (p, &risk->description));
        g_autofree char *li = g_strdup_printf ("%d×%d", risk->likelihood, risk->impact);
        g_autofree char *owner = NULL;
        g_autofree char *cost = kt_proposal_money_cell (p, risk->expected_cost);

        if (risk->owner == KT_OWNER_SHARED)
          {
            g_autofree char *share = kt_format_percent (risk->state_share, 0, p->lang);

            owner = g_strdup_printf (PT (p, N_("Shared (state %s)")), share);
          }
        else
          owner = g_strdup (kt_proposal_enum (p, &kt_owner_info, risk->owner));
        kt_pdf_table_add_cells (table, KT_PDF_ROW_NORMAL, risk->id != NULL ? risk->id : "", what,
                                li, owner, cost, kt_proposal_text (p, &risk->mitigation), NULL);
        if (risk->likelihood >= 1 && risk->likelihood <= 5 && risk->impact >= 1 &&
            risk->impact <= 5)
          counts[(risk->likelihood - 1) * 5 + risk->impact - 1] += 1;
      }
    kt_pdf_add_table (p->pdf, table);
  }
  kt_pdf_set_orientation (p->pdf, KT_PDF_PORTRAIT);
  {
    g_autoptr (KtChart) chart = kt_chart_new (KT_CHART_HEATMAP, p->lang);
    const char *levels[] = { "1", "2", "3", "4", "5" };

    kt_chart_set_matrix (chart, 5, 5, counts, NULL);
    kt_chart_set_row_labels (chart, levels, 5);
    kt_chart_set_column_labels (chart, levels, 5);
    kt_chart_set_axis_titles (chart, PT (p, N_("Impact")), PT (p, N_("Likelihood")));
    kt_pdf_add_chart (p->pdf, chart, 220, PT (p, N_("Number of risks by likelihood and impact")));
  }
}

/* ---- sensitivity and scenarios (kt-sensitivity.h, kt-scenarios.h) ---- */

static char *
switching_text (KtProposal             *p,
                KtDriver                driver,
                const KtSwitchingValue *sv)
{
  switch (sv->status)
    {
    case KT_SWITCH_FOUND:
      if (driver == KT_DRIVER_DELAY)
        return g_strdup_printf (PT (p, N_("+%d years")), (int) lround (sv->value));
      return kt_format_percent (sv->value - 1.0, 1, p->lang);
    case KT_SWITCH_NONE_IN_RANGE:
      return g_strdup (PT (p, N_("none in range")));
    case KT_SWITCH_NOT_APPLICABLE:
    default:
      return g_strdup (KT_FORMAT_NO_VALUE);
    }
}

static void
add_sensitivity (KtProposal *p)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KtSensitivity) sens = kt_sensitivity_compute (p->data, p->rules, &error);
  g_autoptr (KtPdfTable) table = NULL;
  g_autoptr (KtChart) tornado = NULL;
  g_autofree char *unit = NULL;
  g_autofree int *order = NULL;
  int n;

  kt_pdf_add_heading (p->pdf, 2, PT (p, N_("Sensitivity")));
  if (sens == NULL)
    {
      kt_pdf_add_styled_paragraph (p->pdf, KT_PDF_PARA_NOTE,
                                   PT (p, N_("The sensitivity analysis could not be computed.")));
      return;
    }
  kt_pdf_add_paragraph (p->pdf,
                        PT (p, N_("Each driver is moved by −20 %, −10 %, +10 % and +20 % with the "
                                  "others at the base case (a construction delay by 0, 0, 1 and 2 "
                                  "years), and the engine recomputes the whole model. The "
                                  "switching value is the change of the driver at which project "
                                  "NPV falls to zero (MODEL.md §10).")));
  table = kt_pdf_table_new ();
  unit = kt_proposal_unit_line (p);
  kt_pdf_table_add_column (table, PT (p, N_("Driver")), KT_PDF_ALIGN_LEFT);
  kt_pdf_table_add_column (table, "−20 %", KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_add_column (table, "−10 %", KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_add_column (table, "+10 %", KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_add_column (table, "+20 %", KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_add_column (table, PT (p, N_("Switching value (NPV = 0)")), KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_set_caption (table, PT (p, N_("Project NPV when one driver moves")));
  kt_pdf_table_set_unit (table, unit);
  kt_pdf_table_set_font_size (table, 10);
  {
    g_autofree char *b = kt_proposal_money_cell (p, sens->base[KT_OUTCOME_PROJECT_NPV]);

    kt_pdf_table_add_cells (table, KT_PDF_ROW_BOLD, PT (p, N_("Base case")), b, b, b, b, "",
                            NULL);
  }
  tornado = kt_chart_new (KT_CHART_TORNADO, p->lang);
  order = g_new (int, MAX (sens->n_rows, 1));
  n = kt_sensitivity_tornado (sens, KT_OUTCOME_PROJECT_NPV, order);
  for (int i = 0; i < n; i++)
    {
      const KtSensitivityRow *row = &sens->rows[order[i]];
      g_autofree char *c0 = kt_proposal_money_cell (p, row->outcomes[0][KT_OUTCOME_PROJECT_NPV]);
      g_autofree char *c1 = kt_proposal_money_cell (p, row->outcomes[1][KT_OUTCOME_PROJECT_NPV]);
      g_autofree char *c2 = kt_proposal_money_cell (p, row->outcomes[2][KT_OUTCOME_PROJECT_NPV]);
      g_autofree char *c3 = kt_proposal_money_cell (p, row->outcomes[3][KT_OUTCOME_PROJECT_NPV]);
      g_autofree char *sw = switching_text (p, row->driver, &row->npv_zero);
      const char *label = kt_proposal_enum (p, &kt_driver_info, row->driver);

      kt_pdf_table_add_cells (table, KT_PDF_ROW_NORMAL, label, c0, c1, c2, c3, sw, NULL);
      if (row->has_effect)
        kt_chart_add_tornado_item (tornado, label, row->low[KT_OUTCOME_PROJECT_NPV],
                                   row->high[KT_OUTCOME_PROJECT_NPV]);
    }
  kt_pdf_table_set_note (table, PT (p, N_("Construction delay: the columns are 0, 0, +1 and +2 "
                                          "years; its switching value is in whole years.")));
  kt_pdf_add_table (p->pdf, table);

  kt_chart_set_base (tornado, sens->base[KT_OUTCOME_PROJECT_NPV], PT (p, N_("Base case")));
  kt_chart_set_value_format (tornado, KT_VALUE_COMPACT, -1);
  kt_chart_set_tornado_names (tornado, PT (p, N_("Lower outcome")), PT (p, N_("Higher outcome")));
  kt_pdf_add_chart (p->pdf, tornado, 220,
                    PT (p, N_("Project NPV with each driver moved by up to ±20 % (tornado)")));
}

static void
add_scenarios (KtProposal *p)
{
  g_autoptr (GPtrArray) problems = kt_problems_new ();
  g_autoptr (KtScenarioResults) results = NULL;
  g_autoptr (KtPdfTable) table = NULL;
  g_autofree char *unit = NULL;

  if (p->data->scenarios->len == 0)
    return;
  results = kt_scenarios_evaluate (p->data, p->rules, problems, NULL);
  if (results == NULL)
    return;
  table = kt_pdf_table_new ();
  unit = kt_proposal_unit_line (p);
  kt_pdf_add_heading (p->pdf, 2, PT (p, N_("Scenarios")));
  kt_pdf_table_add_column (table, PT (p, N_("Scenario")), KT_PDF_ALIGN_LEFT);
  kt_pdf_table_add_column (table, PT (p, N_("NPV")), KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_add_column (table, PT (p, N_("FIRR")), KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_add_column (table, PT (p, N_("Equity IRR")), KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_add_column (table, PT (p, N_("Minimum DSCR")), KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_add_column (table, PT (p, N_("State's net fiscal cost")), KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_set_caption (table, PT (p, N_("Indicators of the study's scenarios")));
  kt_pdf_table_set_unit (table, unit);
  kt_pdf_table_set_font_size (table, 10);
  for (int i = 0; i < results->n; i++)
    {
      const KtScenarioResult *r = &results->rows[i];
      g_autofree char *npv = kt_proposal_money_cell (p, r->outcomes[KT_OUTCOME_PROJECT_NPV]);
      g_autofree char *firr = kt_proposal_percent (p, r->outcomes[KT_OUTCOME_PROJECT_IRR]);
      g_autofree char *eirr = kt_proposal_percent (p, r->outcomes[KT_OUTCOME_EQUITY_IRR]);
      g_autofree char *dscr = kt_proposal_ratio (p, r->outcomes[KT_OUTCOME_DSCR_MIN]);
      g_autofree char *fiscal = kt_proposal_money_cell (p, r->outcomes[KT_OUTCOME_FISCAL_COST]);
      const char *name = r->scenario == NULL ? PT (p, N_("Base case"))
                                             : (r->name != NULL ? r->name : "");

      kt_pdf_table_add_cells (table, i == 0 ? KT_PDF_ROW_BOLD : KT_PDF_ROW_NORMAL, name, npv,
                              firr, eirr, dscr, fiscal, NULL);
    }
  kt_pdf_add_table (p->pdf, table);
  for (guint i = 0; i < p->data->scenarios->len; i++)
    {
      const KtScenario *sc = &g_array_index (p->data->scenarios, KtScenario, i);
      const char *text = kt_proposal_text (p, &sc->description);

      if (text != NULL && *text != '\0')
        {
          g_autofree char *item = g_markup_printf_escaped ("<b>%s</b>: %s",
                                                          sc->name != NULL ? sc->name : "", text);
          const char *items[] = { item, NULL };

          kt_pdf_add_bullets (p->pdf, items);
        }
    }
}

/* ---- Monte Carlo ---- */

static const char * const outcome_msgids[KT_N_OUTCOMES] = {
  N_("Project NPV"),
  N_("FIRR"),
  N_("Equity IRR"),
  N_("Minimum DSCR"),
  N_("State's net fiscal cost"),
  N_("State payouts (present value)"),
};

static char *
outcome_value (KtProposal *p,
               KtOutcome   outcome,
               double      value)
{
  switch (outcome)
    {
    case KT_OUTCOME_PROJECT_IRR:
    case KT_OUTCOME_EQUITY_IRR:
      return kt_proposal_percent (p, value);
    case KT_OUTCOME_DSCR_MIN:
      return kt_proposal_ratio (p, value);
    default:
      return kt_proposal_money_cell (p, value);
    }
}

static void
add_distributions (KtProposal *p)
{
  const KtProjectData *d = p->data;
  g_autoptr (KtPdfTable) table = kt_pdf_table_new ();

  kt_pdf_table_add_column (table, PT (p, N_("Driver")), KT_PDF_ALIGN_LEFT);
  kt_pdf_table_add_column (table, PT (p, N_("Distribution")), KT_PDF_ALIGN_LEFT);
  kt_pdf_table_add_column (table, PT (p, N_("Applied as")), KT_PDF_ALIGN_LEFT);
  kt_pdf_table_add_column (table, PT (p, N_("Parameters (a, b, c)")), KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_set_caption (table, PT (p, N_("Distributions of the uncertain drivers")));
  for (guint i = 0; i < d->uncertainties->len; i++)
    {
      const KtUncertainty *u = &g_array_index (d->uncertainties, KtUncertainty, i);
      g_autofree char *a = kt_format_number (u->a, 3, p->lang);
      g_autofree char *b = kt_format_number (u->b, 3, p->lang);
      g_autofree char *c = kt_format_number (u->c, 3, p->lang);
      g_autofree char *params = g_strdup_printf ("%s; %s; %s", a, b, c);

      kt_pdf_table_add_cells (table, KT_PDF_ROW_NORMAL,
                              kt_proposal_enum (p, &kt_driver_info, u->driver),
                              kt_proposal_enum (p, &kt_dist_info, u->dist),
                              kt_proposal_enum (p, &kt_dist_mode_info, u->mode), params, NULL);
    }
  kt_pdf_add_table (p->pdf, table);
}

static void
add_monte_carlo (KtProposal *p)
{
  const KtSimulationResult *sim = p->options->simulation;
  g_autoptr (KtPdfTable) table = NULL;
  g_autofree char *unit = NULL;
  g_autofree char *intro = NULL;
  char seed[32];

  kt_pdf_add_heading (p->pdf, 2, PT (p, N_("Monte Carlo simulation")));
  if (p->data->uncertainties->len > 0)
    add_distributions (p);
  if (sim == NULL)
    {
      kt_pdf_add_paragraph (p->pdf,
                            PT (p, N_("No Monte Carlo simulation was run for this report: its "
                                      "results are not given, and the probabilities of the "
                                      "outcomes are not estimated.")));
      return;
    }

  g_snprintf (seed, sizeof seed, "%" G_GUINT64_FORMAT, sim->seed);
  intro = g_strdup_printf (PT (p, N_("%d iterations with seed %s (%s); the drivers above are "
                                     "drawn jointly and the engine recomputes the whole model "
                                     "for each draw (MODEL.md §10).")),
                           sim->iterations, seed,
                           sim->lhs ? PT (p, N_("Latin hypercube sampling"))
                                    : PT (p, N_("simple random sampling")));
  kt_pdf_add_paragraph (p->pdf, intro);

  table = kt_pdf_table_new ();
  unit = kt_proposal_unit_line (p);
  kt_pdf_table_add_column (table, PT (p, N_("Indicator")), KT_PDF_ALIGN_LEFT);
  kt_pdf_table_add_column (table, PT (p, N_("Mean")), KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_add_column (table, PT (p, N_("Std. dev.")), KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_add_column (table, "P5", KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_add_column (table, "P50", KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_add_column (table, "P95", KT_PDF_ALIGN_RIGHT);
  kt_pdf_table_set_caption (table, PT (p, N_("Distribution of the indicators")));
  kt_pdf_table_set_unit (table, unit);
  kt_pdf_table_set_font_size (table, 10);
  for (int o = 0; o < KT_N_OUTCOMES; o++)
    {
      const KtSummary *s = &sim->outcomes[o].summary;
      g_autofree char *mean = outcome_value (p, o, s->mean);
      g_autofree char *sd = outcome_value (p, o, s->sd);
      g_autofree char *p5 = outcome_value (p, o, s->p5);
      g_autofree char *p50 = outcome_value (p, o, s->p50);
      g_autofree char *p95 = outcome_value (p, o, s->p95);

      kt_pdf_table_add_cells (table, KT_PDF_ROW_NORMAL, PT (p, outcome_msgids[o]), mean, sd, p5,
                              p50, p95, NULL);
    }
  kt_pdf_add_table (p->pdf, table);
  {
    GPtrArray *pairs = g_ptr_array_new_with_free_func (g_free);

    kt_proposal_pair (pairs, PT (p, N_("Probability that project NPV < 0")),
                      kt_proposal_percent (p, sim->prob_npv_negative));
    if (isfinite (sim->prob_dscr_below_1))
      kt_proposal_pair (pairs, PT (p, N_("Probability that the minimum DSCR < 1")),
                        kt_proposal_percent (p, sim->prob_dscr_below_1));
    kt_proposal_pair (pairs, PT (p, N_("Probability that equity IRR < hurdle rate")),
                      kt_proposal_percent (p, sim->prob_equity_irr_below_hurdle));
    kt_proposal_pair (pairs, PT (p, N_("Expected state payouts (present value)")),
                      kt_proposal_money (p, sim->state_payout_expected));
    kt_proposal_pair (pairs, PT (p, N_("State payouts, 95th percentile")),
                      kt_proposal_money (p, sim->state_payout_p95));
    kt_proposal_add_pairs (p, pairs);
  }
  if (sim->n_drivers > 0)
    {
      g_autoptr (KtPdfTable) ranks = kt_pdf_table_new ();
      int order[KT_N_DRIVERS];
      int n = kt_simulation_result_rank_drivers (sim, order);

      kt_pdf_table_add_column (ranks, PT (p, N_("Driver")), KT_PDF_ALIGN_LEFT);
      kt_pdf_table_add_column (ranks, PT (p, N_("Rank correlation with project NPV")),
                               KT_PDF_ALIGN_RIGHT);
      kt_pdf_table_set_caption (ranks, PT (p, N_("Drivers that move project NPV most")));
      kt_pdf_table_set_note (ranks, PT (p, N_("Spearman's rank correlation of each driver's draws "
                                              "with project NPV.")));
      for (int i = 0; i < n; i++)
        {
          const KtSimulationDriver *dr = &sim->drivers[order[i]];
          g_autofree char *rho = kt_format_number (dr->spearman_npv, 3, p->lang);

          kt_pdf_table_add_cells (ranks, KT_PDF_ROW_NORMAL,
                                  kt_proposal_enum (p, &kt_driver_info, dr->driver), rho, NULL);
        }
      kt_pdf_add_table (p->pdf, ranks);
    }
  {
    const KtSimulationOutcome *npv = &sim->outcomes[KT_OUTCOME_PROJECT_NPV];

    if (npv->sorted != NULL && npv->summary.n > 0)
      {
        g_autoptr (KtChart) chart = kt_chart_new (KT_CHART_HISTOGRAM, p->lang);

        kt_chart_set_value_format (chart, KT_VALUE_COMPACT, -1);
        kt_chart_set_samples (chart, npv->sorted, npv->summary.n, 0);
        kt_chart_add_percentile_marker (chart, 5);
        kt_chart_add_percentile_marker (chart, 50);
        kt_chart_add_percentile_marker (chart, 95);
        kt_chart_set_axis_titles (chart, PT (p, N_("Project NPV")), NULL);
        kt_pdf_add_chart (p->pdf, chart, 230,
                          PT (p, N_("Distribution of project NPV (Monte Carlo)")));
      }
  }
}

void
kt_proposal_add_uncertainty (KtProposal *p)
{
  kt_pdf_add_heading (p->pdf, 1, PT (p, N_("Sensitivity, scenarios and Monte Carlo simulation")));
  add_sensitivity (p);
  add_scenarios (p);
  add_monte_carlo (p);
}

/* ---- economic analysis and value for money ---- */

void
kt_proposal_add_economic (KtProposal *p)
{
  const KtProjectData *d = p->data;
  const KtEconomics *e = &d->economics;
  const KtModelResults *r = &p->model->r;
  g_autofree char *social = kt_proposal_percent (p, d->social_rate);
  g_autofree char *intro = g_strdup_printf (PT (p, N_("The economic flow values user revenue, "
                                                      "investment and operating costs at "
                                                      "conversion factors, adds the external "
                                                      "benefits and costs and leaves out "
                                                      "transfers (taxes, state support and "
                                                      "payments); it is discounted at the "
                                                      "social rate of %s (MODEL.md §8).")),
                                            social);
  GPtrArray *pairs;

  kt_pdf_add_heading (p->pdf, 1, PT (p, N_("Socio-economic efficiency and value for money")));
  if (kt_proposal_text (p, &d->chapters[KT_CHAPTER_SOCIAL_ENVIRONMENTAL])[0] != '\0')
    {
      kt_pdf_add_heading (p->pdf, 2, kt_proposal_enum (p, &kt_chapter_info,
                                                       KT_CHAPTER_SOCIAL_ENVIRONMENTAL));
      kt_proposal_add_text (p, &d->chapters[KT_CHAPTER_SOCIAL_ENVIRONMENTAL]);
    }
  kt_pdf_add_heading (p->pdf, 2, PT (p, N_("Economic analysis")));
  kt_pdf_add_paragraph (p->pdf, intro);
  pairs = g_ptr_array_new_with_free_func (g_free);
  kt_proposal_pair (pairs, PT (p, N_("ENPV")), kt_proposal_money (p, r->enpv));
  kt_proposal_pair (pairs, PT (p, N_("EIRR")), kt_proposal_irr (p, &r->eirr));
  kt_proposal_pair (pairs, PT (p, N_("Economic B/C")), kt_proposal_ratio (p, r->ebcr));
  kt_proposal_pair (pairs, PT (p, N_("Conversion factor, revenue")),
                    kt_proposal_ratio (p, e->conversion_revenue));
  kt_proposal_pair (pairs, PT (p, N_("Conversion factor, investment")),
                    kt_proposal_ratio (p, e->conversion_capex));
  kt_proposal_pair (pairs, PT (p, N_("Conversion factor, operating cost")),
                    kt_proposal_ratio (p, e->conversion_opex));
  kt_proposal_add_pairs (p, pairs);
  if (d->form == KT_FORM_BTL || d->form == KT_FORM_OM)
    kt_pdf_add_styled_paragraph (p->pdf, KT_PDF_PARA_NOTE,
                                 PT (p, N_("For BTL and O&amp;M projects the economic result means "
                                           "little without quantified external benefits.")));

  kt_pdf_add_heading (p->pdf, 2, PT (p, N_("Value for money")));
  {
    KtVfm vfm;
    g_autoptr (KtPdfTable) table = kt_pdf_table_new ();
    g_autofree char *unit = kt_proposal_unit_line (p);
    g_autofree char *conclusion = NULL;
    g_autofree char *value = NULL;
    struct { const char *label; double value; KtPdfRowStyle style; } rows[] = {
      { N_("Public sector comparator (PSC)"), 0, KT_PDF_ROW_SECTION },
      { N_("Construction with optimism bias, financed at the state borrowing rate"), 0, 0 },
      { N_("Replacement capex with optimism bias"), 0, 0 },
      { N_("Operating costs with optimism bias"), 0, 0 },
      { N_("Expected cost of the risks transferred to the investor"), 0, 0 },
      { N_("Less user revenue the state would collect"), 0, 0 },
      { N_("Less residual value of the state's assets"), 0, 0 },
      { N_("PSC cost"), 0, KT_PDF_ROW_BOLD },
      { N_("PPP"), 0, KT_PDF_ROW_SECTION },
      { N_("State's net fiscal cost"), 0, 0 },
      { N_("Expected cost of the risks the state retains"), 0, 0 },
      { N_("PPP cost to the state"), 0, KT_PDF_ROW_BOLD },
      { N_("Value for money (PSC − PPP)"), 0, KT_PDF_ROW_BOLD },
    };

    kt_vfm_compute (p->model, d, &vfm);
    rows[1].value = vfm.psc_capex;
    rows[2].value = vfm.psc_replacement;
    rows[3].value = vfm.psc_opex;
    rows[4].value = vfm.psc_transferred_risks;
    rows[5].value = -vfm.psc_revenue;
    rows[6].value = -vfm.psc_residual;
    rows[7].value = vfm.psc;
    rows[9].value = vfm.ppp_net_fiscal_cost;
    rows[10].value = vfm.ppp_retained_risks;
    rows[11].value = vfm.ppp_cost;
    rows[12].value = vfm.vfm;
    kt_pdf_table_add_column (table, PT (p, N_("Item")), KT_PDF_ALIGN_LEFT);
    kt_pdf_table_add_column (table, PT (p, N_("Present value")), KT_PDF_ALIGN_RIGHT);
    kt_pdf_table_set_caption (table, PT (p, N_("Value for money at the social discount rate")));
    kt_pdf_table_set_unit (table, unit);
    for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
      {
        g_autofree char *cell = rows[i].style == KT_PDF_ROW_SECTION
                                ? NULL : kt_proposal_money_cell (p, rows[i].value);

        kt_pdf_table_add_cells (table, rows[i].style, PT (p, rows[i].label), cell, NULL);
      }
    {
      g_autofree char *borrowing = kt_proposal_percent (p, e->state_borrowing_rate);
      g_autofree char *capex_bias = kt_proposal_percent (p, e->psc_capex_overrun);
      g_autofree char *opex_bias = kt_proposal_percent (p, e->psc_opex_overrun);
      g_autofree char *note = g_strdup_printf (PT (p, N_("PSC assumptions: investment overrun "
                                                         "%s, operating cost overrun %s, state "
                                                         "borrowing rate %s (MODEL.md §11).")),
                                               capex_bias, opex_bias, borrowing);

      kt_pdf_table_set_note (table, note);
    }
    kt_pdf_add_table (p->pdf, table);
    value = kt_proposal_money (p, fabs (vfm.vfm));
    conclusion = g_strdup_printf (vfm.vfm > 0
                                  ? PT (p, N_("The PPP costs the state %s less than the public "
                                              "sector comparator in present value: it offers "
                                              "value for money."))
                                  : PT (p, N_("The PPP costs the state %s more than the public "
                                              "sector comparator in present value: it does not "
                                              "offer value for money on these figures.")),
                                  value);
    kt_pdf_add_paragraph (p->pdf, conclusion);
  }
}
