/* test-simulation.c — Monte Carlo, sensitivity, switching values and scenarios (MODEL.md §10)
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "kt-problem.h"
#include "kt-project-file.h"
#include "kt-scenarios.h"
#include "kt-sensitivity.h"
#include "kt-simulation.h"
#include "model-fixture.h"

#define BENCH_FILE "simulate-25y.khathi"

static KtProject *
load_project (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", name, NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  KtProject *project = kt_project_load (file, NULL, &error);

  g_assert_no_error (error);
  return project;
}

static void
resolve_rules (const KtProjectData *data,
               KtRules             *rules)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KtRuleSet) set = kt_rule_set_load_by_id (data->rule_set, &error);
  g_autoptr (GPtrArray) problems = kt_problems_new ();

  g_assert_no_error (error);
  kt_rules_resolve (set, data, rules, problems);
}

static KtUncertainty *
add_dist (KtProjectData *data,
          KtDriver       driver,
          KtDist         dist,
          double         a,
          double         b,
          double         c)
{
  KtUncertainty *u = fixture_append_row (data->uncertainties, "uncertainty/distributions");

  u->driver = driver;
  u->dist = dist;
  u->mode = KT_DIST_MODE_MULTIPLIER;
  u->a = a;
  u->b = b;
  u->c = c;
  return u;
}

/* One construction year of capex 100 bn, ten operation years of 30 bn
 * revenue and 2 bn fixed opex, no tax, no debt: project NPV is exactly linear
 * in the demand multiplier, and opex (NPV = 0 at ×6.86) cannot sink it
 * within ×5. */
static void
linear_project (KtProjectData *data,
                KtRules       *rules)
{
  const double capex[] = { 100e9 };
  KtRevenueStream *rs;

  fixture_rules (rules);
  rules->cit_standard_rate = 0.0;
  fixture_project (data);
  data->construction_years = 1;
  data->operation_years = 10;
  data->hurdle_rate = 0.12;
  fixture_add_capex (data, KT_CAPEX_EQUIPMENT, 10, capex, 1);
  rs = fixture_add_revenue (data, 30e9);
  rs->variable_cost_share = 0.0;
  fixture_add_opex (data, 2e9);
}

static double
npv_at_demand (const KtProjectData *data,
               const KtRules       *rules,
               double               demand)
{
  g_autoptr (KtModel) model = kt_model_new (data, 0);
  KtDrivers drivers;

  kt_drivers_init (&drivers);
  drivers.demand = demand;
  g_assert_true (kt_model_evaluate (model, data, rules, &drivers));
  return model->r.project_npv;
}

static void
test_linear_npv (void)
{
  KtProjectData data;
  KtRules rules;
  double npv0, npv1, npv2, slope, mu, sigma, sd = 0.3;

  linear_project (&data, &rules);
  add_dist (&data, KT_DRIVER_DEMAND, KT_DIST_NORMAL, 1.0, sd, 0.0);
  npv0 = npv_at_demand (&data, &rules, 0.0);
  npv1 = npv_at_demand (&data, &rules, 1.0);
  npv2 = npv_at_demand (&data, &rules, 2.0);
  slope = npv1 - npv0;
  assert_money (npv2, npv0 + 2.0 * slope);   /* the line */
  mu = npv1;
  sigma = fabs (slope) * sd;

  for (int lhs = 0; lhs <= 1; lhs++)
    {
      KtSimulationOptions options;
      g_autoptr (KtSimulationResult) r = NULL;
      g_autoptr (GError) error = NULL;
      const KtSummary *s;

      kt_simulation_options_init (&options, &data);
      options.iterations = 100000;
      options.seed = 314159;
      options.lhs = lhs;
      r = kt_simulation_run (&data, &rules, &options, NULL, &error);
      g_assert_no_error (error);
      s = &r->outcomes[KT_OUTCOME_PROJECT_NPV].summary;
      g_test_message ("%s: mean %.6g (%.6g), sd %.6g (%.6g), P(NPV<0) %.4f (%.4f)",
                      lhs ? "LHS" : "plain", s->mean, mu, s->sd, sigma, r->prob_npv_negative,
                      gsl_cdf_ugaussian_P (-mu / sigma));
      g_assert_cmpuint (s->n, ==, 100000);
      g_assert_cmpfloat (fabs (s->mean - mu), <=, lhs ? 1e-3 * sigma : 4.0 * s->se);
      g_assert_cmpfloat (fabs (s->sd / sigma - 1.0), <=, lhs ? 0.005 : 0.02);
      g_assert_cmpfloat (fabs (s->se - s->sd / sqrt (100000.0)), <=, 1e-9 * s->se);
      g_assert_cmpfloat (fabs (s->p5 - (mu - 1.644854 * sigma)), <=, 0.03 * sigma);
      g_assert_cmpfloat (fabs (s->p50 - mu), <=, 0.03 * sigma);
      g_assert_cmpfloat (fabs (s->p95 - (mu + 1.644854 * sigma)), <=, 0.03 * sigma);
      g_assert_cmpfloat (fabs (r->prob_npv_negative - gsl_cdf_ugaussian_P (-mu / sigma)), <=,
                         0.005);
      /* no debt: no DSCR; demand is the only driver and ranks NPV perfectly */
      g_assert_true (isnan (r->prob_dscr_below_1));
      g_assert_cmpuint (r->outcomes[KT_OUTCOME_DSCR_MIN].summary.n_undefined, ==, 100000);
      g_assert_cmpint (r->n_drivers, ==, 1);
      g_assert_cmpfloat (r->drivers[0].spearman_npv, >, 0.99999);
      g_assert_cmpint (r->seed, ==, 314159);
    }
  kt_project_data_clear (&data);
}

static void
assert_same_summary (const KtSummary *a,
                     const KtSummary *b)
{
  /* Bit for bit: the same doubles, NANs included. */
  g_assert_cmpmem (a, sizeof *a, b, sizeof *b);
}

static void
assert_same_result (const KtSimulationResult *a,
                    const KtSimulationResult *b)
{
  g_assert_cmpint (a->iterations, ==, b->iterations);
  for (int k = 0; k < KT_N_OUTCOMES; k++)
    {
      assert_same_summary (&a->outcomes[k].summary, &b->outcomes[k].summary);
      g_assert_cmpuint (a->outcomes[k].n_multiple, ==, b->outcomes[k].n_multiple);
      g_assert_cmpmem (a->outcomes[k].sorted, a->outcomes[k].summary.n * sizeof (double),
                       b->outcomes[k].sorted, b->outcomes[k].summary.n * sizeof (double));
    }
  g_assert_cmpint (a->n_drivers, ==, b->n_drivers);
  for (int d = 0; d < a->n_drivers; d++)
    {
      g_assert_cmpint (a->drivers[d].driver, ==, b->drivers[d].driver);
      g_assert_cmpmem (&a->drivers[d].spearman_npv, sizeof (double),
                       &b->drivers[d].spearman_npv, sizeof (double));
      assert_same_summary (&a->drivers[d].draws, &b->drivers[d].draws);
    }
  g_assert_cmpmem (&a->prob_npv_negative, sizeof (double), &b->prob_npv_negative, sizeof (double));
  g_assert_cmpmem (&a->prob_dscr_below_1, sizeof (double), &b->prob_dscr_below_1, sizeof (double));
  g_assert_cmpint (a->n_years, ==, b->n_years);
  g_assert_cmpmem (a->payout_mean, a->n_years * sizeof (double),
                   b->payout_mean, b->n_years * sizeof (double));
  g_assert_cmpmem (a->payout_sd, a->n_years * sizeof (double),
                   b->payout_sd, b->n_years * sizeof (double));
  g_assert_cmpmem (a->payout_p95, a->n_years * sizeof (double),
                   b->payout_p95, b->n_years * sizeof (double));
  g_assert_cmpmem (a->payout_probability, a->n_years * sizeof (double),
                   b->payout_probability, b->n_years * sizeof (double));
}

static KtSimulationResult *
run_bench_file (const KtProjectData *data,
                const KtRules       *rules,
                int                  iterations,
                guint64              seed,
                gboolean             lhs,
                int                  threads)
{
  KtSimulationOptions options;
  g_autoptr (GError) error = NULL;
  KtSimulationResult *r;

  kt_simulation_options_init (&options, data);
  options.iterations = iterations;
  options.seed = seed;
  options.lhs = lhs;
  options.threads = threads;
  r = kt_simulation_run (data, rules, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (r);
  return r;
}

static void
test_threads (void)
{
  g_autoptr (KtProject) project = load_project (BENCH_FILE);
  const KtProjectData *data = kt_project_get_data (project);
  KtRules rules;

  resolve_rules (data, &rules);
  for (int lhs = 0; lhs <= 1; lhs++)
    {
      /* Not a multiple of the block size: the last block is short. */
      g_autoptr (KtSimulationResult) one = run_bench_file (data, &rules, 4321, 99, lhs, 1);
      g_autoptr (KtSimulationResult) two = run_bench_file (data, &rules, 4321, 99, lhs, 2);
      g_autoptr (KtSimulationResult) four = run_bench_file (data, &rules, 4321, 99, lhs, 4);

      g_assert_cmpint (one->threads, ==, 1);
      g_assert_cmpint (four->threads, ==, 4);
      g_assert_cmpint (one->n_drivers, ==, 10);
      assert_same_result (one, two);
      assert_same_result (one, four);
      /* This project has every §9 payout: the figures are not trivially 0. */
      g_assert_cmpfloat (one->state_payout_expected, >, 0.0);
      g_assert_cmpfloat (one->state_payout_p95, >=,
                         one->outcomes[KT_OUTCOME_STATE_PAYOUTS].summary.p50);
      g_assert_cmpfloat (one->prob_dscr_below_1, >=, 0.0);
    }
}

/* What Monte Carlo reads from an outcomes-only evaluation (which skips the
 * statements but the cash flows) is bit for bit what a full evaluation
 * gives, for draws that move every kind of driver, the FX path and a delay
 * included.  The full evaluation's break-even shortcut is checked too. */
static void
test_outcomes_only (void)
{
  g_autoptr (KtProject) project = load_project (BENCH_FILE);
  const KtProjectData *data = kt_project_get_data (project);
  g_autoptr (KtModel) full = kt_model_new (data, 2);
  g_autoptr (KtModel) only = kt_model_new (data, 2);
  KtProjectData scratch;
  KtRules rules;
  const double moves[][4] = {   /* demand, capex, FX rate, delay */
    { 1.0, 1.0, 1.0, 0 }, { 0.6, 1.3, 1.8, 1 }, { 1.2, 0.95, 0.5, 0 }, { 0.3, 1.1, 2.5, 2 },
  };

  resolve_rules (data, &rules);
  kt_model_set_outcomes_only (only, TRUE);
  kt_project_data_copy (&scratch, data);
  for (gsize i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      KtDriverValues values;
      double a[KT_N_OUTCOMES], b[KT_N_OUTCOMES];

      kt_driver_values_init (&values);
      kt_driver_values_set (&values, data, KT_DRIVER_DEMAND, moves[i][0]);
      kt_driver_values_set (&values, data, KT_DRIVER_CAPEX, moves[i][1]);
      kt_driver_values_set (&values, data, KT_DRIVER_FX_RATE, moves[i][2]);
      kt_driver_values_set (&values, data, KT_DRIVER_DELAY, moves[i][3]);
      g_assert_true (kt_driver_evaluate (full, data, &scratch, &rules, &values));
      g_assert_true (kt_driver_evaluate (only, data, &scratch, &rules, &values));
      kt_outcomes_read (full, data, a);
      kt_outcomes_read (only, data, b);
      for (int k = 0; k < KT_N_OUTCOMES; k++)
        g_assert_true (a[k] == b[k] || (isnan (a[k]) && isnan (b[k])));
      g_assert_cmpint (full->n_years, ==, only->n_years);
      g_assert_cmpint (full->r.project_irr.status, ==, only->r.project_irr.status);
      g_assert_cmpint (full->r.equity_irr.status, ==, only->r.equity_irr.status);
      g_assert_cmpmem (full->y.equity_flow, sizeof (double) * full->n_years,
                       only->y.equity_flow, sizeof (double) * only->n_years);
      g_assert_cmpmem (full->y.project_flow, sizeof (double) * full->n_years,
                       only->y.project_flow, sizeof (double) * only->n_years);
      /* The FX guarantee paid out in this project: the path matters. */
      if (moves[i][2] > 1.0)
        g_assert_cmpfloat (full->r.guarantees_total, >, 0.0);
      /* The break-even solver takes the probe at volume 1 to be the project
       * NPV without computing it: bit for bit. */
      g_assert_true (kt_model_project_npv_at_volume (full, moves[i][2] != 1.0 ? &scratch : data,
                                                     &rules, 1.0)
                     == full->r.project_npv);
      /* Skipped: the balance sheet stays 0, the checks do not run. */
      g_assert_cmpfloat (only->y.total_assets[only->n_years - 1], ==, 0.0);
      g_assert_true (isnan (only->r.break_even_volume));
    }
  kt_project_data_clear (&scratch);
}

static void
test_seed (void)
{
  g_autoptr (KtProject) project = load_project (BENCH_FILE);
  const KtProjectData *data = kt_project_get_data (project);
  KtRules rules;
  g_autoptr (KtSimulationResult) a = NULL;
  g_autoptr (KtSimulationResult) b = NULL;
  g_autoptr (KtSimulationResult) c = NULL;

  resolve_rules (data, &rules);
  a = run_bench_file (data, &rules, 2000, 5, FALSE, 2);
  b = run_bench_file (data, &rules, 2000, 5, FALSE, 2);
  c = run_bench_file (data, &rules, 2000, 6, FALSE, 2);
  assert_same_result (a, b);
  g_assert_cmpfloat (a->outcomes[KT_OUTCOME_PROJECT_NPV].summary.mean, !=,
                     c->outcomes[KT_OUTCOME_PROJECT_NPV].summary.mean);
  /* The same seed with more iterations repeats the first ones exactly
   * (blocks do not depend on how many there are), so the extremes can only
   * widen. */
  {
    g_autoptr (KtSimulationResult) longer = run_bench_file (data, &rules, 3000, 5, FALSE, 2);
    const KtSummary *s2 = &a->outcomes[KT_OUTCOME_PROJECT_NPV].summary;
    const KtSummary *s3 = &longer->outcomes[KT_OUTCOME_PROJECT_NPV].summary;
    gsize found = 0;

    g_assert_cmpfloat (s3->min, <=, s2->min);
    g_assert_cmpfloat (s3->max, >=, s2->max);
    /* every value of the short run is among the long run's */
    for (gsize i = 0, j = 0; i < s2->n && j < s3->n;)
      {
        double x = a->outcomes[KT_OUTCOME_PROJECT_NPV].sorted[i];
        double y = longer->outcomes[KT_OUTCOME_PROJECT_NPV].sorted[j];

        if (x == y)
          found++, i++, j++;
        else if (y < x)
          j++;
        else
          i++;
      }
    g_assert_cmpuint (found, ==, s2->n);
  }
}

typedef struct {
  GCancellable *cancellable;
  guint64       cancelled_at;
  guint64       calls;
  guint64       last_done;
} CancelData;

static void
cancel_progress (guint64  done,
                 guint64  total,
                 gpointer user_data)
{
  CancelData *cd = user_data;

  cd->calls++;
  g_assert_cmpuint (done, >=, cd->last_done);
  g_assert_cmpuint (done, <=, total);
  cd->last_done = done;
  if (cd->cancelled_at == 0 && done * 10 >= total)
    {
      cd->cancelled_at = done;
      g_cancellable_cancel (cd->cancellable);
    }
}

static void
test_cancel (void)
{
  g_autoptr (KtProject) project = load_project (BENCH_FILE);
  const KtProjectData *data = kt_project_get_data (project);
  KtRules rules;

  resolve_rules (data, &rules);
  for (int threads = 1; threads <= 2; threads++)
    {
      g_autoptr (GCancellable) cancellable = g_cancellable_new ();
      g_autoptr (GError) error = NULL;
      g_autoptr (KtSimulationResult) r = NULL;
      CancelData cd = { cancellable, 0, 0, 0 };
      KtSimulationOptions options;

      kt_simulation_options_init (&options, data);
      options.iterations = 200000;
      options.threads = threads;
      options.progress = cancel_progress;
      options.progress_data = &cd;
      r = kt_simulation_run (data, &rules, &options, cancellable, &error);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_assert_null (r);
      g_assert_cmpuint (cd.cancelled_at, >=, 20000);
      g_assert_cmpuint (cd.cancelled_at, <, 40000);
      /* No final call: the run did not complete. */
      g_assert_cmpuint (cd.last_done, <, 200000);
    }
  {
    /* Cancelled before it starts. */
    g_autoptr (GCancellable) cancellable = g_cancellable_new ();
    g_autoptr (GError) error = NULL;
    KtSimulationOptions options;

    kt_simulation_options_init (&options, data);
    g_cancellable_cancel (cancellable);
    g_assert_null (kt_simulation_run (data, &rules, &options, cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }
}

typedef struct {
  GMainLoop          *loop;
  KtSimulationResult *result;
  GError             *error;
} AsyncData;

static void
simulation_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  AsyncData *ad = user_data;

  ad->result = kt_simulation_run_finish (result, &ad->error);
  g_main_loop_quit (ad->loop);
}

static void
test_async (void)
{
  g_autoptr (KtProject) project = load_project (BENCH_FILE);
  const KtProjectData *data = kt_project_get_data (project);
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr (KtSimulationResult) sync = NULL;
  AsyncData ad = { loop, NULL, NULL };
  KtSimulationOptions options;
  KtRules rules;

  resolve_rules (data, &rules);
  kt_simulation_options_init (&options, data);
  options.iterations = 3000;
  kt_simulation_run_async (project, &rules, &options, NULL, simulation_done_cb, &ad);
  /* The run works on a copy: editing the document meanwhile changes nothing. */
  kt_project_edit_data (project)->wacc = 0.5;
  g_main_loop_run (loop);
  g_assert_no_error (ad.error);
  g_assert_nonnull (ad.result);
  kt_project_edit_data (project)->wacc = 0.1;
  sync = run_bench_file (data, &rules, 3000, options.seed, options.lhs, 0);
  assert_same_result (ad.result, sync);
  kt_simulation_result_free (ad.result);
}

static void
test_errors (void)
{
  KtProjectData data;
  KtRules rules;
  KtSimulationOptions options;
  g_autoptr (GError) error = NULL;
  KtCorrelation *c;

  linear_project (&data, &rules);
  kt_simulation_options_init (&options, &data);
  g_assert_null (kt_simulation_run (&data, &rules, &options, NULL, &error));
  g_assert_error (error, KT_SIMULATION_ERROR, KT_SIMULATION_ERROR_NO_DRIVERS);
  g_clear_error (&error);

  options.iterations = 0;
  add_dist (&data, KT_DRIVER_DEMAND, KT_DIST_NORMAL, 1.0, 0.1, 0.0);
  g_assert_null (kt_simulation_run (&data, &rules, &options, NULL, &error));
  g_assert_error (error, KT_SIMULATION_ERROR, KT_SIMULATION_ERROR_INVALID);
  g_clear_error (&error);
  options.iterations = 1000;

  /* Absolute demand needs a base quantity: here capacity 1, so it works;
   * absolute opex on a project without opex lines would not. */
  add_dist (&data, KT_DRIVER_CAPEX, KT_DIST_NORMAL, 1.0, 0.1, 0.0);
  add_dist (&data, KT_DRIVER_TARIFF, KT_DIST_NORMAL, 1.0, 0.1, 0.0);
  c = fixture_append_row (data.correlations, "uncertainty/correlations");
  *c = (KtCorrelation) { KT_DRIVER_CAPEX, KT_DRIVER_DEMAND, 0.9 };
  c = fixture_append_row (data.correlations, "uncertainty/correlations");
  *c = (KtCorrelation) { KT_DRIVER_CAPEX, KT_DRIVER_TARIFF, 0.9 };
  c = fixture_append_row (data.correlations, "uncertainty/correlations");
  *c = (KtCorrelation) { KT_DRIVER_DEMAND, KT_DRIVER_TARIFF, -0.9 };
  g_assert_null (kt_simulation_run (&data, &rules, &options, NULL, &error));
  g_assert_error (error, KT_SIMULATION_ERROR, KT_SIMULATION_ERROR_CORRELATION);
  g_clear_error (&error);

  options.use_nearest_correlation = TRUE;
  {
    g_autoptr (KtSimulationResult) r = kt_simulation_run (&data, &rules, &options, NULL, &error);
    gboolean warned = FALSE;

    g_assert_no_error (error);
    g_assert_true (r->nearest_correlation);
    for (guint i = 0; i < r->problems->len; i++)
      warned |= g_strcmp0 (((KtProblem *) r->problems->pdata[i])->code,
                           "correlation_nearest_used") == 0;
    g_assert_true (warned);
  }
  kt_project_data_clear (&data);
}

static void
test_absolute_and_implicit_rd (void)
{
  g_autoptr (KtProject) project = load_project (BENCH_FILE);
  KtProjectData *data = kt_project_edit_data (project);
  KtRules rules;
  KtSimulationOptions options;
  g_autoptr (KtSimulationResult) r = NULL;
  g_autoptr (GError) error = NULL;
  gboolean implicit = FALSE;
  int rd = -1;

  /* Drop the explicit R&D distribution: the phase's own probability takes over. */
  for (guint i = 0; i < data->uncertainties->len; i++)
    if (g_array_index (data->uncertainties, KtUncertainty, i).driver == KT_DRIVER_RD_SUCCESS)
      {
        KtUncertainty *u = &g_array_index (data->uncertainties, KtUncertainty, i);

        g_clear_pointer (&u->values, g_array_unref);
        g_clear_pointer (&u->probabilities, g_array_unref);
        g_array_remove_index (data->uncertainties, i);
        break;
      }
  resolve_rules (data, &rules);
  kt_simulation_options_init (&options, data);
  options.iterations = 5000;
  r = kt_simulation_run (data, &rules, &options, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < r->problems->len; i++)
    implicit |= g_strcmp0 (((KtProblem *) r->problems->pdata[i])->code, "rd_success_implicit") == 0;
  g_assert_true (implicit);
  for (int d = 0; d < r->n_drivers; d++)
    if (r->drivers[d].driver == KT_DRIVER_RD_SUCCESS)
      rd = d;
  g_assert_cmpint (rd, >=, 0);
  /* success probability 0.9 in the file */
  g_assert_cmpfloat (fabs (r->drivers[rd].draws.mean - 0.9), <, 0.02);
  /* inflation is absolute (2.5 … 7 %) against the project's 4 % */
  for (int d = 0; d < r->n_drivers; d++)
    if (r->drivers[d].driver == KT_DRIVER_INFLATION)
      {
        g_assert_cmpint (r->drivers[d].mode, ==, KT_DIST_MODE_ABSOLUTE);
        g_assert_cmpfloat (r->drivers[d].reference, ==, 0.04);
        g_assert_cmpfloat (fabs (r->drivers[d].draws.mean - 0.045), <, 0.002);
      }
}

static void
test_charts (void)
{
  g_autoptr (KtProject) project = load_project (BENCH_FILE);
  const KtProjectData *data = kt_project_get_data (project);
  g_autoptr (KtSimulationResult) r = NULL;
  KtRules rules;
  double x[21], p[21];
  int order[KT_N_DRIVERS];

  resolve_rules (data, &rules);
  r = run_bench_file (data, &rules, 2500, 1, TRUE, 2);
  for (int k = 0; k < KT_N_OUTCOMES; k++)
    {
      gsl_histogram *h = kt_simulation_result_histogram (r, k, 30);

      if (r->outcomes[k].summary.n == 0)
        {
          g_assert_null (h);
          continue;
        }
      g_assert_cmpfloat (gsl_histogram_sum (h), ==, (double) r->outcomes[k].summary.n);
      g_assert_cmpuint (r->outcomes[k].summary.n + r->outcomes[k].summary.n_undefined, ==, 2500);
      gsl_histogram_free (h);
      kt_simulation_result_cdf (r, k, 21, x, p);
      g_assert_cmpfloat (x[0], ==, r->outcomes[k].summary.min);
      g_assert_cmpfloat (x[20], ==, r->outcomes[k].summary.max);
      g_assert_cmpfloat (x[1], ==, r->outcomes[k].summary.p5);
      for (int i = 1; i < 21; i++)
        g_assert_cmpfloat (x[i], >=, x[i - 1]);
    }
  g_assert_cmpint (kt_simulation_result_rank_drivers (r, order), ==, r->n_drivers);
  for (int i = 1; i < r->n_drivers; i++)
    g_assert_cmpfloat (fabs (r->drivers[order[i]].spearman_npv), <=,
                       fabs (r->drivers[order[i - 1]].spearman_npv));
}

/* ---- sensitivity ---- */

static const KtSensitivityRow *
row_of (const KtSensitivity *s,
        KtDriver             driver)
{
  for (int r = 0; r < s->n_rows; r++)
    if (s->rows[r].driver == driver)
      return &s->rows[r];
  return NULL;
}

static void
test_sensitivity (void)
{
  KtProjectData data;
  KtRules rules;
  g_autoptr (KtSensitivity) s = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (KtModel) model = NULL;
  const KtSensitivityRow *demand, *opex, *delay;
  double npv0, npv1, root;
  int order[KT_N_DRIVERS];

  linear_project (&data, &rules);
  s = kt_sensitivity_compute (&data, &rules, &error);
  g_assert_no_error (error);
  /* capex, demand, tariff, opex, delay (one construction year); no loans,
   * no state payments */
  g_assert_cmpint (s->n_rows, ==, 5);
  g_assert_null (row_of (s, KT_DRIVER_INTEREST_RATE));
  g_assert_null (row_of (s, KT_DRIVER_STATE_PAYMENT));

  demand = row_of (s, KT_DRIVER_DEMAND);
  g_assert_cmpfloat (demand->values[0], ==, 0.8);
  g_assert_cmpfloat (demand->values[3], ==, 1.2);
  npv0 = npv_at_demand (&data, &rules, 0.0);
  npv1 = npv_at_demand (&data, &rules, 1.0);
  assert_money (s->base[KT_OUTCOME_PROJECT_NPV], npv1);
  assert_money (demand->outcomes[3][KT_OUTCOME_PROJECT_NPV], npv_at_demand (&data, &rules, 1.2));
  assert_money (demand->swing[KT_OUTCOME_PROJECT_NPV], 0.4 * (npv1 - npv0));

  /* The analytic switching value of a line, and the engine agrees there. */
  root = -npv0 / (npv1 - npv0);
  g_assert_cmpint (demand->npv_zero.status, ==, KT_SWITCH_FOUND);
  g_assert_cmpfloat (fabs (demand->npv_zero.value - root), <, 1e-9);
  model = kt_model_new (&data, KT_SWITCH_MAX_DELAY);
  g_assert_cmpfloat (fabs (kt_sensitivity_outcome_at (model, &data, &rules, KT_DRIVER_DEMAND,
                                                      demand->npv_zero.value,
                                                      KT_OUTCOME_PROJECT_NPV)),
                     <, 1e-6 * fabs (npv1));
  g_assert_cmpfloat (fabs (demand->npv_zero.check), <, 1e-6 * fabs (npv1));

  /* Every switching value found is verified by re-evaluating. */
  for (int r = 0; r < s->n_rows; r++)
    {
      const KtSensitivityRow *row = &s->rows[r];

      if (row->npv_zero.status == KT_SWITCH_FOUND && row->driver != KT_DRIVER_DELAY)
        g_assert_cmpfloat (fabs (kt_sensitivity_outcome_at (model, &data, &rules, row->driver,
                                                            row->npv_zero.value,
                                                            KT_OUTCOME_PROJECT_NPV)),
                           <, 1e-6 * fabs (npv1));
      if (row->irr_hurdle.status == KT_SWITCH_FOUND && row->driver != KT_DRIVER_DELAY)
        {
          double irr = kt_sensitivity_outcome_at (model, &data, &rules, row->driver,
                                                  row->irr_hurdle.value, KT_OUTCOME_EQUITY_IRR);

          g_assert_cmpfloat (fabs (irr - data.hurdle_rate), <, 1e-9);
          g_assert_cmpfloat (fabs (row->irr_hurdle.check - data.hurdle_rate), <, 1e-9);
        }
    }

  /* Opex is too small to sink this project within ×5. */
  opex = row_of (s, KT_DRIVER_OPEX);
  g_assert_cmpint (opex->npv_zero.status, ==, KT_SWITCH_NONE_IN_RANGE);
  g_assert_true (isnan (opex->npv_zero.value));

  delay = row_of (s, KT_DRIVER_DELAY);
  g_assert_cmpfloat (delay->values[0], ==, 0.0);
  g_assert_cmpfloat (delay->values[1], ==, 0.0);
  g_assert_cmpfloat (delay->values[2], ==, 1.0);
  g_assert_cmpfloat (delay->values[3], ==, 2.0);
  g_assert_cmpfloat (delay->outcomes[0][KT_OUTCOME_PROJECT_NPV], ==,
                     s->base[KT_OUTCOME_PROJECT_NPV]);

  /* Tornado: by swing, largest first; demand and tariff move revenue alike. */
  kt_sensitivity_tornado (s, KT_OUTCOME_PROJECT_NPV, order);
  g_assert_true (s->rows[order[0]].driver == KT_DRIVER_DEMAND
                 || s->rows[order[0]].driver == KT_DRIVER_TARIFF);
  for (int i = 1; i < s->n_rows; i++)
    g_assert_cmpfloat (s->rows[order[i]].swing[KT_OUTCOME_PROJECT_NPV], <=,
                       s->rows[order[i - 1]].swing[KT_OUTCOME_PROJECT_NPV]);
  kt_project_data_clear (&data);
}

static void
test_sensitivity_file (void)
{
  g_autoptr (KtProject) project = load_project (BENCH_FILE);
  const KtProjectData *data = kt_project_get_data (project);
  g_autoptr (KtSensitivity) s = NULL;
  g_autoptr (KtModel) model = kt_model_new (data, KT_SWITCH_MAX_DELAY);
  KtRules rules;

  resolve_rules (data, &rules);
  s = kt_sensitivity_compute (data, &rules, NULL);
  /* loans and state payments: all seven drivers */
  g_assert_cmpint (s->n_rows, ==, 7);
  for (int r = 0; r < s->n_rows; r++)
    {
      const KtSensitivityRow *row = &s->rows[r];

      if (row->npv_zero.status == KT_SWITCH_FOUND && row->driver != KT_DRIVER_DELAY)
        g_assert_cmpfloat (fabs (kt_sensitivity_outcome_at (model, data, &rules, row->driver,
                                                            row->npv_zero.value,
                                                            KT_OUTCOME_PROJECT_NPV)),
                           <, 1e-6 * fabs (s->base[KT_OUTCOME_PROJECT_NPV]) + 1.0);
      if (row->npv_zero.status == KT_SWITCH_FOUND && row->driver == KT_DRIVER_DELAY)
        g_assert_cmpfloat (row->npv_zero.check * s->base[KT_OUTCOME_PROJECT_NPV], <=, 0.0);
    }
}

/* ---- scenarios ---- */

static void
add_override (KtScenario *scenario,
              KtDriver    driver,
              double      factor)
{
  KtOverride *o = fixture_append_row (scenario->overrides, "scenarios/overrides");

  o->driver = driver;
  o->factor = factor;
}

static void
test_scenarios (void)
{
  KtProjectData data;
  KtRules rules;
  KtScenario *pessimistic;
  g_autoptr (GPtrArray) problems = kt_problems_new ();
  g_autoptr (KtScenarioResults) results = NULL;
  g_autoptr (KtModel) model = NULL;
  KtDrivers drivers;

  linear_project (&data, &rules);
  pessimistic = fixture_append_row (data.scenarios, "scenarios");
  pessimistic->name = g_strdup ("Pessimistic");
  add_override (pessimistic, KT_DRIVER_CAPEX, 1.2);
  add_override (pessimistic, KT_DRIVER_DEMAND, 0.8);
  add_override (pessimistic, KT_DRIVER_DELAY, 1.0);

  results = kt_scenarios_evaluate (&data, &rules, problems, NULL);
  g_assert_cmpint (results->n, ==, 2);
  g_assert_null (results->rows[0].scenario);
  g_assert_cmpint (results->rows[0].index, ==, 0);
  assert_money (results->rows[0].outcomes[KT_OUTCOME_PROJECT_NPV],
                npv_at_demand (&data, &rules, 1.0));
  g_assert_cmpstr (results->rows[1].name, ==, "Pessimistic");
  g_assert_cmpint (results->rows[1].index, ==, 1);

  model = kt_model_new (&data, 1);
  kt_drivers_init (&drivers);
  drivers.capex = 1.2;
  drivers.demand = 0.8;
  drivers.delay = 1;
  kt_model_evaluate (model, &data, &rules, &drivers);
  g_assert_cmpfloat (results->rows[1].outcomes[KT_OUTCOME_PROJECT_NPV], ==, model->r.project_npv);
  g_assert_cmpint (results->rows[1].drivers.engine.delay, ==, 1);
  g_clear_pointer (&results, kt_scenario_results_free);

  /* A first scenario without overrides is the base case, name kept. */
  {
    KtScenario base = { 0 };

    base.name = g_strdup ("Cơ sở");
    base.overrides = g_array_new (FALSE, TRUE, sizeof (KtOverride));
    g_array_prepend_val (data.scenarios, base);
  }
  results = kt_scenarios_evaluate (&data, &rules, problems, NULL);
  g_assert_cmpint (results->n, ==, 2);
  g_assert_cmpstr (results->rows[0].name, ==, "Cơ sở");
  g_assert_cmpint (results->rows[0].index, ==, 1);
  g_assert_cmpuint (problems->len, ==, 0);
  kt_project_data_clear (&data);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  gsl_set_error_handler_off ();

  g_test_add_func ("/core/simulation/linear-npv", test_linear_npv);
  g_test_add_func ("/core/simulation/threads", test_threads);
  g_test_add_func ("/core/simulation/outcomes-only", test_outcomes_only);
  g_test_add_func ("/core/simulation/seed", test_seed);
  g_test_add_func ("/core/simulation/cancel", test_cancel);
  g_test_add_func ("/core/simulation/async", test_async);
  g_test_add_func ("/core/simulation/errors", test_errors);
  g_test_add_func ("/core/simulation/absolute-implicit-rd", test_absolute_and_implicit_rd);
  g_test_add_func ("/core/simulation/charts", test_charts);
  g_test_add_func ("/core/sensitivity/linear", test_sensitivity);
  g_test_add_func ("/core/sensitivity/file", test_sensitivity_file);
  g_test_add_func ("/core/scenarios/base-first", test_scenarios);
  return g_test_run ();
}
