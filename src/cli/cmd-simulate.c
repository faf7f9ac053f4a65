/* cmd-simulate.c — khathi-cli simulate FILE: Monte Carlo simulation (MODEL.md §10)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * JSON contract: one object per indicator (project_npv, project_irr,
 * equity_irr, dscr_min, fiscal_cost, state_payouts) with mean, sd, se, p5,
 * p10, p50, p90, p95, min, max, n (values summarised) and n_undefined
 * (iterations without the indicator: no IRR, no debt service), IRRs also
 * n_multiple; top level prob_npv_negative, prob_dscr_below_1,
 * prob_equity_irr_below_hurdle, state_payout_expected, state_payout_p95,
 * seed, iterations, lhs, threads; drivers (by |Spearman| with project NPV),
 * state_payouts_by_year, problems.  Non-finite numbers are null.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kt-cli.h"
#include "kt-cli-table.h"
#include "kt-simulation.h"

#define CELL_WIDTH  12

static void
json_summary (JsonBuilder               *b,
              const KtSimulationOutcome *o,
              KtOutcome                  outcome)
{
  const KtSummary *s = &o->summary;

  json_builder_set_member_name (b, kt_outcome_key (outcome));
  json_builder_begin_object (b);
  kt_cli_json_number (b, "mean", s->mean);
  kt_cli_json_number (b, "sd", s->sd);
  kt_cli_json_number (b, "se", s->se);
  kt_cli_json_number (b, "p5", s->p5);
  kt_cli_json_number (b, "p10", s->p10);
  kt_cli_json_number (b, "p50", s->p50);
  kt_cli_json_number (b, "p90", s->p90);
  kt_cli_json_number (b, "p95", s->p95);
  kt_cli_json_number (b, "min", s->min);
  kt_cli_json_number (b, "max", s->max);
  json_builder_set_member_name (b, "n");
  json_builder_add_int_value (b, (gint64) s->n);
  json_builder_set_member_name (b, "n_undefined");
  json_builder_add_int_value (b, (gint64) s->n_undefined);
  if (kt_outcome_kind (outcome) == KT_OUTCOME_KIND_RATE)
    {
      json_builder_set_member_name (b, "n_multiple");
      json_builder_add_int_value (b, (gint64) o->n_multiple);
    }
  json_builder_end_object (b);
}

static void
print_json (const KtSimulationResult *r)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  int order[KT_N_DRIVERS];

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "seed");
  /* JSON integers are signed 64-bit in json-glib: a larger seed goes as text. */
  if (r->seed <= G_MAXINT64)
    json_builder_add_int_value (b, (gint64) r->seed);
  else
    {
      g_autofree char *text = g_strdup_printf ("%" G_GUINT64_FORMAT, r->seed);

      json_builder_add_string_value (b, text);
    }
  json_builder_set_member_name (b, "iterations");
  json_builder_add_int_value (b, r->iterations);
  json_builder_set_member_name (b, "lhs");
  json_builder_add_boolean_value (b, r->lhs);
  json_builder_set_member_name (b, "threads");
  json_builder_add_int_value (b, r->threads);
  kt_cli_json_number (b, "seconds", r->seconds);
  json_builder_set_member_name (b, "nearest_correlation");
  json_builder_add_boolean_value (b, r->nearest_correlation);

  for (int k = 0; k < KT_N_OUTCOMES; k++)
    json_summary (b, &r->outcomes[k], k);
  kt_cli_json_number (b, "prob_npv_negative", r->prob_npv_negative);
  kt_cli_json_number (b, "prob_dscr_below_1", r->prob_dscr_below_1);
  kt_cli_json_number (b, "prob_equity_irr_below_hurdle", r->prob_equity_irr_below_hurdle);
  kt_cli_json_number (b, "state_payout_expected", r->state_payout_expected);
  kt_cli_json_number (b, "state_payout_p95", r->state_payout_p95);

  json_builder_set_member_name (b, "rank_sample");
  json_builder_add_int_value (b, (gint64) r->rank_sample);
  json_builder_set_member_name (b, "drivers");
  json_builder_begin_array (b);
  kt_simulation_result_rank_drivers (r, order);
  for (int i = 0; i < r->n_drivers; i++)
    {
      const KtSimulationDriver *d = &r->drivers[order[i]];

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "driver");
      json_builder_add_string_value (b, kt_enum_key (&kt_driver_info, d->driver));
      json_builder_set_member_name (b, "distribution");
      json_builder_add_string_value (b, kt_enum_key (&kt_dist_info, d->dist));
      json_builder_set_member_name (b, "mode");
      json_builder_add_string_value (b, kt_enum_key (&kt_dist_mode_info, d->mode));
      json_builder_set_member_name (b, "correlated");
      json_builder_add_boolean_value (b, d->correlated);
      kt_cli_json_number (b, "spearman_npv", d->spearman_npv);
      kt_cli_json_number (b, "mean", d->draws.mean);
      kt_cli_json_number (b, "sd", d->draws.sd);
      kt_cli_json_number (b, "p5", d->draws.p5);
      kt_cli_json_number (b, "p95", d->draws.p95);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  /* The matrix the copula used: the project's, or the nearest fix. */
  json_builder_set_member_name (b, "correlations");
  json_builder_begin_array (b);
  for (int i = 0; i < r->n_correlated; i++)
    for (int j = i + 1; j < r->n_correlated; j++)
      {
        if (r->correlation[i * r->n_correlated + j] == 0.0)
          continue;
        json_builder_begin_object (b);
        json_builder_set_member_name (b, "a");
        json_builder_add_string_value (b, kt_enum_key (&kt_driver_info, r->correlated[i]));
        json_builder_set_member_name (b, "b");
        json_builder_add_string_value (b, kt_enum_key (&kt_driver_info, r->correlated[j]));
        kt_cli_json_number (b, "rho", r->correlation[i * r->n_correlated + j]);
        json_builder_end_object (b);
      }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "state_payouts_by_year");
  json_builder_begin_array (b);
  for (int t = 0; t < r->n_years; t++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "year");
      json_builder_add_int_value (b, r->start_year + t);
      kt_cli_json_number (b, "mean", r->payout_mean[t]);
      kt_cli_json_number (b, "sd", r->payout_sd[t]);
      kt_cli_json_number (b, "p95", r->payout_p95[t]);
      kt_cli_json_number (b, "probability", r->payout_probability[t]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  kt_cli_json_problems (b, "problems", r->problems);
  json_builder_end_object (b);
  kt_cli_json_print (b);
}

static void
print_human (const KtSimulationResult *r)
{
  KtLang lang = kt_lang_current ();
  const char *headers[] = {
    N_("Mean"), N_("SD"), N_("P5"), N_("P10"), N_("P50"), N_("P90"), N_("P95")
  };
  char *cells[G_N_ELEMENTS (headers)];
  g_autofree char *seconds = kt_format_number (r->seconds, 2, lang);
  g_autofree char *iterations = kt_format_number (r->iterations, 0, lang);
  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, r->seed);
  double largest = 0.0;
  KtMoneyUnit unit;
  int order[KT_N_DRIVERS];
  gboolean any_payout = FALSE;
  char *labels[KT_N_OUTCOMES];
  int width = 0, cell_width = CELL_WIDTH;

  printf (_("Monte Carlo simulation: %s iterations, seed %s, %s, %d threads, %s s\n"),
          iterations, seed, r->lhs ? _("Latin hypercube") : _("plain sampling"), r->threads,
          seconds);
  if (r->nearest_correlation)
    printf ("%s\n", _("Correlations: the nearest consistent matrix, not the project's own"));

  for (int k = 0; k < KT_N_OUTCOMES; k++)
    if (kt_outcome_kind (k) == KT_OUTCOME_KIND_MONEY && isfinite (r->outcomes[k].summary.p95))
      largest = MAX (largest, MAX (fabs (r->outcomes[k].summary.p5),
                                   fabs (r->outcomes[k].summary.p95)));
  unit = kt_cli_money_unit (largest);

  for (int k = 0; k < KT_N_OUTCOMES; k++)
    {
      if (kt_outcome_kind (k) == KT_OUTCOME_KIND_MONEY)
        labels[k] = g_strdup_printf ("%s (%s)", kt_outcome_label (k),
                                     kt_cli_money_unit_name (unit));
      else
        labels[k] = g_strdup (kt_outcome_label (k));
      width = MAX (width, (int) g_utf8_strlen (labels[k], -1));
    }
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    cell_width = MAX (cell_width, (int) g_utf8_strlen (_(headers[i]), -1));

  putchar ('\n');
  for (guint i = 0; i < G_N_ELEMENTS (headers); i++)
    cells[i] = (char *) _(headers[i]);
  kt_cli_print_row ("", width, cells, G_N_ELEMENTS (headers), cell_width);
  for (int k = 0; k < KT_N_OUTCOMES; k++)
    {
      const KtSummary *s = &r->outcomes[k].summary;
      double values[] = { s->mean, s->sd, s->p5, s->p10, s->p50, s->p90, s->p95 };

      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        cells[i] = kt_cli_format_outcome (k, values[i], unit, lang);
      kt_cli_print_row (labels[k], width, cells, G_N_ELEMENTS (values), cell_width);
      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        g_free (cells[i]);
      g_free (labels[k]);
    }

  putchar ('\n');
  {
    g_autofree char *npv = kt_format_percent (r->prob_npv_negative, 2, lang);
    g_autofree char *dscr = isfinite (r->prob_dscr_below_1)
                            ? kt_format_percent (r->prob_dscr_below_1, 2, lang)
                            : g_strdup (_("no debt service"));
    g_autofree char *irr = kt_format_percent (r->prob_equity_irr_below_hurdle, 2, lang);
    g_autofree char *expected = kt_format_money (r->state_payout_expected, unit, TRUE, lang);
    g_autofree char *p95 = kt_format_money (r->state_payout_p95, unit, TRUE, lang);

    printf ("  P(NPV < 0): %s\n", npv);
    printf ("  P(DSCR min < 1): %s\n", dscr);
    printf ("  %s: %s\n", _("Probability that equity IRR is below the hurdle"), irr);
    printf ("  %s: %s; P95 %s\n", _("State payouts under guarantees (PV), expected"),
            expected, p95);
  }
  for (int k = KT_OUTCOME_PROJECT_IRR; k <= KT_OUTCOME_EQUITY_IRR; k++)
    if (r->outcomes[k].summary.n_undefined > 0 || r->outcomes[k].n_multiple > 0)
      {
        g_autofree char *none = kt_format_number (r->outcomes[k].summary.n_undefined, 0, lang);
        g_autofree char *multiple = kt_format_number (r->outcomes[k].n_multiple, 0, lang);

        printf (_("  %s: no IRR in %s iterations, several IRRs in %s\n"),
                kt_outcome_label (k), none, multiple);
      }

  printf ("\n%s\n", _("Drivers that matter most (rank correlation with project NPV)"));
  kt_simulation_result_rank_drivers (r, order);
  for (int i = 0; i < r->n_drivers; i++)
    {
      const KtSimulationDriver *d = &r->drivers[order[i]];
      g_autofree char *rho = kt_format_number (d->spearman_npv, 3, lang);
      const char *label = kt_enum_label (&kt_driver_info, d->driver);
      long pad = 34 - (long) g_utf8_strlen (label, -1);

      printf ("  %s%*s %s%s\n", label, (int) MAX (pad, 0), "",
              d->spearman_npv >= 0 ? "+" : "", rho);
    }

  for (int t = 0; t < r->n_years; t++)
    any_payout |= r->payout_mean[t] != 0.0;
  if (any_payout)
    {
      char *row[3];
      KtMoneyUnit payout_unit = kt_cli_money_unit (r->state_payout_p95);

      printf ("\n%s (%s)\n", _("State payouts by year"), kt_cli_money_unit_name (payout_unit));
      row[0] = (char *) _("Mean");
      row[1] = (char *) _("P95");
      row[2] = (char *) _("P(> 0)");
      kt_cli_print_row ("", 8, row, 3, CELL_WIDTH);
      for (int t = 0; t < r->n_years; t++)
        {
          g_autofree char *year = g_strdup_printf ("%d", r->start_year + t);

          row[0] = kt_format_money (r->payout_mean[t], payout_unit, FALSE, lang);
          row[1] = kt_format_money (r->payout_p95[t], payout_unit, FALSE, lang);
          row[2] = kt_format_percent (r->payout_probability[t], 1, lang);
          kt_cli_print_row (year, 8, row, 3, CELL_WIDTH);
          for (int i = 0; i < 3; i++)
            g_free (row[i]);
        }
    }
  if (r->problems != NULL && r->problems->len > 0)
    {
      printf ("\n%s\n", _("Notes"));
      kt_cli_print_problems (r->problems);
    }
}

int
kt_cli_simulate (int    argc,
                 char **argv)
{
  gboolean json = FALSE, lhs = FALSE, plain = FALSE, nearest = FALSE;
  int iterations = -1, threads = 0;
  g_autofree char *seed_text = NULL;
  const GOptionEntry entries[] = {
    { "iterations", 'n', 0, G_OPTION_ARG_INT, &iterations,
      N_("Number of iterations (default: the project's)"), N_("N") },
    { "seed", 's', 0, G_OPTION_ARG_STRING, &seed_text,
      N_("Seed of the random streams, 0 … 18446744073709551615 (default: the project's)"),
      N_("S") },
    { "threads", 't', 0, G_OPTION_ARG_INT, &threads,
      N_("Threads (default: one per processor); the results do not depend on it"), N_("T") },
    { "lhs", 0, 0, G_OPTION_ARG_NONE, &lhs, N_("Latin hypercube sampling"), NULL },
    { "plain", 0, 0, G_OPTION_ARG_NONE, &plain,
      N_("Plain Monte Carlo sampling (default: as the project says)"), NULL },
    { "nearest-correlation", 0, 0, G_OPTION_ARG_NONE, &nearest,
      N_("If the correlations contradict each other, use the nearest consistent ones"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the results as JSON"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("FILE — Monte Carlo simulation"));
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = kt_problems_new ();
  g_autoptr (KtProject) project = NULL;
  g_autoptr (KtSimulationResult) result = NULL;
  const KtProjectData *data;
  KtSimulationOptions options;
  KtRules rules;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return kt_cli_usage_error ("simulate", "%s", error->message);
  if (argc != 2)
    return kt_cli_usage_error ("simulate", "%s", _("give exactly one project file"));
  if (lhs && plain)
    return kt_cli_usage_error ("simulate", "%s", _("--lhs and --plain exclude each other"));
  if (threads < 0 || threads > 256)
    return kt_cli_usage_error ("simulate", "%s", _("--threads must be between 1 and 256"));

  project = kt_cli_load_for_model ("simulate", argv[1], NULL, &rules, problems);
  if (project == NULL)
    return KT_CLI_USAGE;
  data = kt_project_get_data (project);
  kt_simulation_options_init (&options, data);
  if (iterations != -1)
    options.iterations = iterations;
  if (options.iterations < 1 || options.iterations > KT_SIMULATION_MAX_ITERATIONS)
    return kt_cli_usage_error ("simulate", _("--iterations must be between 1 and %d"),
                               KT_SIMULATION_MAX_ITERATIONS);
  if (seed_text != NULL
      && !g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT64, &options.seed, NULL))
    return kt_cli_usage_error ("simulate", "%s", _("--seed must be a whole number ≥ 0"));
  if (lhs)
    options.lhs = TRUE;
  if (plain)
    options.lhs = FALSE;
  options.threads = threads;
  options.use_nearest_correlation = nearest;

  result = kt_simulation_run (data, &rules, &options, NULL, &error);
  if (result == NULL)
    {
      g_printerr ("khathi-cli simulate: %s\n", error->message);
      return g_error_matches (error, KT_SIMULATION_ERROR, KT_SIMULATION_ERROR_CORRELATION)
             || g_error_matches (error, KT_SIMULATION_ERROR, KT_SIMULATION_ERROR_INVALID)
             || g_error_matches (error, KT_SIMULATION_ERROR, KT_SIMULATION_ERROR_NO_DRIVERS)
             ? KT_CLI_INVALID : KT_CLI_USAGE;
    }
  if (json)
    print_json (result);
  else
    print_human (result);
  return KT_CLI_OK;
}

int
kt_cli_bench_simulate (const char *path,
                       int         iterations,
                       gboolean    json)
{
  g_autoptr (GPtrArray) problems = kt_problems_new ();
  g_autoptr (KtProject) project = NULL;
  g_autoptr (GError) error = NULL;
  KtSimulationBench bench;
  KtRules rules;

  if (iterations < 1 || iterations > KT_SIMULATION_MAX_ITERATIONS)
    return kt_cli_usage_error ("bench", _("--iterations must be between 1 and %d"),
                               KT_SIMULATION_MAX_ITERATIONS);
  project = kt_cli_load_for_model ("bench", path, NULL, &rules, problems);
  if (project == NULL)
    return KT_CLI_USAGE;
  if (!kt_simulation_bench (kt_project_get_data (project), &rules, iterations, 0, &bench, &error))
    {
      g_printerr ("khathi-cli bench: %s\n", error->message);
      return KT_CLI_INVALID;
    }
  if (json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      kt_cli_json_number (b, "iterations_per_s", bench.iterations_per_s);
      kt_cli_json_number (b, "seconds", bench.seconds);
      json_builder_set_member_name (b, "iterations");
      json_builder_add_int_value (b, bench.iterations);
      json_builder_set_member_name (b, "threads");
      json_builder_add_int_value (b, bench.threads);
      json_builder_set_member_name (b, "drivers");
      json_builder_add_int_value (b, bench.drivers);
      json_builder_set_member_name (b, "years");
      json_builder_add_int_value (b, bench.years);
      json_builder_end_object (b);
      kt_cli_json_print (b);
    }
  else
    {
      KtLang lang = kt_lang_current ();
      g_autofree char *rate = kt_format_number (bench.iterations_per_s, 0, lang);
      g_autofree char *seconds = kt_format_number (bench.seconds, 2, lang);
      g_autofree char *count = kt_format_number (bench.iterations, 0, lang);

      printf (_("Monte Carlo: %s iterations of %d years with %d stochastic drivers on %d threads "
                "in %s s: %s iterations/s\n"),
              count, bench.years, bench.drivers, bench.threads, seconds, rate);
    }
  return KT_CLI_OK;
}
