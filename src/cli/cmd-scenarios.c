/* cmd-scenarios.c — khathi-cli scenarios FILE: named scenarios side by side (MODEL.md §10)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * JSON: scenarios (the base case first), each with name, index (1-based row
 * of the project's scenarios, 0 for an added base case), base, drivers (the
 * multipliers applied; delay in years), the indicators by key, equity_npv,
 * payback and dscr_breach; problems.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>

#include "kt-cli.h"
#include "kt-cli-table.h"
#include "kt-scenarios.h"

#define CELL_WIDTH  16

static const KtDriver shown_drivers[] = {
  KT_DRIVER_CAPEX, KT_DRIVER_DEMAND, KT_DRIVER_TARIFF, KT_DRIVER_OPEX, KT_DRIVER_INTEREST_RATE,
  KT_DRIVER_DELAY, KT_DRIVER_STATE_PAYMENT, KT_DRIVER_INFLATION, KT_DRIVER_FX_RATE,
  KT_DRIVER_RD_SUCCESS,
};

static void
print_json (const KtScenarioResults *results,
            GPtrArray               *problems)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "scenarios");
  json_builder_begin_array (b);
  for (int i = 0; i < results->n; i++)
    {
      const KtScenarioResult *row = &results->rows[i];

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, row->name);
      json_builder_set_member_name (b, "index");
      json_builder_add_int_value (b, row->index);
      json_builder_set_member_name (b, "base");
      json_builder_add_boolean_value (b, i == 0);
      json_builder_set_member_name (b, "drivers");
      json_builder_begin_object (b);
      for (guint d = 0; d < G_N_ELEMENTS (shown_drivers); d++)
        kt_cli_json_number (b, kt_enum_key (&kt_driver_info, shown_drivers[d]),
                            kt_driver_values_get (&row->drivers, shown_drivers[d]));
      json_builder_end_object (b);
      for (int k = 0; k < KT_N_OUTCOMES; k++)
        kt_cli_json_number (b, kt_outcome_key (k), row->outcomes[k]);
      kt_cli_json_number (b, "equity_npv", row->equity_npv);
      kt_cli_json_number (b, "payback", row->payback);
      json_builder_set_member_name (b, "dscr_breach");
      json_builder_add_boolean_value (b, row->dscr_breach);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  kt_cli_json_problems (b, "problems", problems);
  json_builder_end_object (b);
  kt_cli_json_print (b);
}

static void
print_human (const KtScenarioResults *results,
             GPtrArray               *problems)
{
  KtLang lang = kt_lang_current ();
  g_autofree char **cells = g_new0 (char *, results->n + 1);
  double largest = 0.0;
  KtMoneyUnit unit;
  int width = 0;

  for (int i = 0; i < results->n; i++)
    for (int k = 0; k < KT_N_OUTCOMES; k++)
      if (kt_outcome_kind (k) == KT_OUTCOME_KIND_MONEY && isfinite (results->rows[i].outcomes[k]))
        largest = MAX (largest, fabs (results->rows[i].outcomes[k]));
  unit = kt_cli_money_unit (largest);
  for (int k = 0; k < KT_N_OUTCOMES; k++)
    {
      g_autofree char *label = g_strdup_printf ("%s (%s)", kt_outcome_label (k),
                                                kt_cli_money_unit_name (unit));

      width = MAX (width, (int) g_utf8_strlen (label, -1));
    }

  for (int i = 0; i < results->n; i++)
    cells[i] = kt_cli_ellipsize (results->rows[i].name, CELL_WIDTH);
  kt_cli_print_row ("", width, cells, results->n, CELL_WIDTH);
  for (int i = 0; i < results->n; i++)
    g_free (cells[i]);

  for (int k = 0; k < KT_N_OUTCOMES; k++)
    {
      g_autofree char *label = NULL;

      if (kt_outcome_kind (k) == KT_OUTCOME_KIND_MONEY)
        label = g_strdup_printf ("%s (%s)", kt_outcome_label (k), kt_cli_money_unit_name (unit));
      else
        label = g_strdup (kt_outcome_label (k));
      for (int i = 0; i < results->n; i++)
        cells[i] = kt_cli_format_outcome (k, results->rows[i].outcomes[k], unit, lang);
      kt_cli_print_row (label, width, cells, results->n, CELL_WIDTH);
      for (int i = 0; i < results->n; i++)
        g_free (cells[i]);
    }
  {
    g_autofree char *label = g_strdup_printf ("%s (%s)", _("NPV at the cost of equity"),
                                              kt_cli_money_unit_name (unit));

    for (int i = 0; i < results->n; i++)
      cells[i] = kt_cli_format_outcome (KT_OUTCOME_PROJECT_NPV, results->rows[i].equity_npv, unit,
                                        lang);
    kt_cli_print_row (label, width, cells, results->n, CELL_WIDTH);
    for (int i = 0; i < results->n; i++)
      g_free (cells[i]);
  }
  for (int i = 0; i < results->n; i++)
    cells[i] = kt_format_years (results->rows[i].payback, lang);
  kt_cli_print_row (_("Payback"), width, cells, results->n, CELL_WIDTH);
  for (int i = 0; i < results->n; i++)
    g_free (cells[i]);

  printf ("\n%s\n", _("Drivers of each scenario"));
  for (guint d = 0; d < G_N_ELEMENTS (shown_drivers); d++)
    {
      KtDriver driver = shown_drivers[d];
      gboolean moved = FALSE;

      for (int i = 0; i < results->n; i++)
        {
          double v = kt_driver_values_get (&results->rows[i].drivers, driver);

          moved |= driver == KT_DRIVER_DELAY ? v != 0.0
                   : driver == KT_DRIVER_RD_SUCCESS ? !isnan (v) : v != 1.0;
        }
      if (!moved)
        continue;
      for (int i = 0; i < results->n; i++)
        {
          double v = kt_driver_values_get (&results->rows[i].drivers, driver);

          if (driver == KT_DRIVER_DELAY)
            cells[i] = kt_cli_format_delay ((int) v);
          else if (driver == KT_DRIVER_RD_SUCCESS)
            cells[i] = g_strdup (isnan (v) ? KT_FORMAT_NO_VALUE
                                 : v >= 0.5 ? _("success") : _("failure"));
          else
            {
              g_autofree char *number = kt_format_number (v, 2, lang);

              cells[i] = g_strdup_printf ("×%s", number);
            }
        }
      kt_cli_print_row (kt_enum_label (&kt_driver_info, driver), width, cells, results->n,
                        CELL_WIDTH);
      for (int i = 0; i < results->n; i++)
        g_free (cells[i]);
    }
  if (problems->len > 0)
    {
      printf ("\n%s\n", _("Notes"));
      kt_cli_print_problems (problems);
    }
}

int
kt_cli_scenarios (int    argc,
                  char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the results as JSON"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    g_option_context_new (_("FILE — the project's scenarios side by side"));
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = kt_problems_new ();
  g_autoptr (GPtrArray) rule_problems = kt_problems_new ();
  g_autoptr (KtProject) project = NULL;
  g_autoptr (KtScenarioResults) results = NULL;
  KtRules rules;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return kt_cli_usage_error ("scenarios", "%s", error->message);
  if (argc != 2)
    return kt_cli_usage_error ("scenarios", "%s", _("give exactly one project file"));

  project = kt_cli_load_for_model ("scenarios", argv[1], NULL, &rules, rule_problems);
  if (project == NULL)
    return KT_CLI_USAGE;
  results = kt_scenarios_evaluate (kt_project_get_data (project), &rules, problems, &error);
  if (results == NULL)
    {
      g_printerr ("khathi-cli scenarios: %s\n", error->message);
      return KT_CLI_INVALID;
    }
  if (json)
    print_json (results, problems);
  else
    print_human (results, problems);
  return KT_CLI_OK;
}
