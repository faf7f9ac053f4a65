/* cmd-bench.c — khathi-cli bench FILE: time one full evaluation of the engine
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One evaluation is everything kt_model_evaluate() does: statements, the
 * project, equity and economic IRRs, break-even and the checks.  The
 * workspace is allocated once, as Monte Carlo does; tests/test-model-alloc.c
 * proves the evaluation itself allocates nothing.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "kt-cli.h"
#include "kt-format.h"
#include "kt-model.h"
#include "kt-project-file.h"

static double
now_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
kt_cli_bench (int    argc,
              char **argv)
{
  gboolean json = FALSE, simulate = FALSE;
  int runs = 0;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the timings as JSON"), NULL },
    { "simulate", 0, 0, G_OPTION_ARG_NONE, &simulate,
      N_("Time a whole Monte Carlo run instead: --runs iterations (default 1 000 000)"), NULL },
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, N_("Number of timed evaluations (default 20000)"),
      N_("N") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("FILE — time one full evaluation"));
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = kt_problems_new ();
  g_autoptr (KtProject) project = NULL;
  g_autoptr (KtModel) model = NULL;
  g_autofree double *times = NULL;
  const KtProjectData *data;
  KtRules rules;
  double total = 0, median;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return kt_cli_usage_error ("bench", "%s", error->message);
  if (argc != 2)
    return kt_cli_usage_error ("bench", "%s", _("give exactly one project file"));
  if (runs == 0)
    runs = simulate ? 1000000 : 20000;
  if (simulate)
    return kt_cli_bench_simulate (argv[1], runs, json);
  if (runs < 1 || runs > 10000000)
    return kt_cli_usage_error ("bench", "%s", _("--runs must be between 1 and 10 000 000"));

  project = kt_cli_load_for_model ("bench", argv[1], NULL, &rules, problems);
  if (project == NULL)
    return KT_CLI_USAGE;
  data = kt_project_get_data (project);
  model = kt_model_new (data, 0);
  times = g_new (double, runs);

  /* Warm caches and branch predictors as a simulation would be. */
  for (int i = 0; i < 200; i++)
    if (!kt_model_evaluate (model, data, &rules, NULL))
      {
        g_printerr ("khathi-cli bench: %s\n", _("the project has no year to compute"));
        return KT_CLI_INVALID;
      }
  for (int i = 0; i < runs; i++)
    {
      double start = now_us ();

      kt_model_evaluate (model, data, &rules, NULL);
      times[i] = now_us () - start;
      total += times[i];
    }
  qsort (times, runs, sizeof (double), compare_doubles);
  median = runs % 2 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;

  if (json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      g_autoptr (JsonGenerator) generator = json_generator_new ();
      g_autoptr (JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "eval_us_median");
      json_builder_add_double_value (b, median);
      json_builder_set_member_name (b, "eval_us_min");
      json_builder_add_double_value (b, times[0]);
      json_builder_set_member_name (b, "eval_us_mean");
      json_builder_add_double_value (b, total / runs);
      json_builder_set_member_name (b, "runs");
      json_builder_add_int_value (b, runs);
      json_builder_set_member_name (b, "years");
      json_builder_add_int_value (b, model->n_years);
      json_builder_set_member_name (b, "loans");
      json_builder_add_int_value (b, model->n_loans);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      text = json_generator_to_data (generator, NULL);
      printf ("%s\n", text);
    }
  else
    {
      KtLang lang = kt_lang_current ();
      g_autofree char *m = kt_format_number (median, 2, lang);
      g_autofree char *lo = kt_format_number (times[0], 2, lang);
      g_autofree char *mean = kt_format_number (total / runs, 2, lang);

      printf (_("One evaluation of %d years (%d loans): median %s µs, minimum %s µs, "
                "mean %s µs over %d runs\n"),
              model->n_years, model->n_loans, m, lo, mean, runs);
    }
  return KT_CLI_OK;
}
