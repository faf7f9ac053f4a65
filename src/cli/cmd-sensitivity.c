/* cmd-sensitivity.c — khathi-cli sensitivity FILE: tornado data and switching values (MODEL.md §10)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * JSON: base (one number per indicator), hurdle, steps, drivers (each with
 * its values, outcomes per indicator at each step, low, high, swing, and the
 * switching values npv_zero and equity_irr_hurdle: status "found",
 * "none_in_range" or "not_applicable", value, change, check, unit
 * "multiplier" or "years"), tornado (driver keys by swing, per indicator).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>

#include "kt-cli.h"
#include "kt-cli-table.h"
#include "kt-sensitivity.h"

#define LABEL_WIDTH 24
#define CELL_WIDTH  12

static const char *
status_key (KtSwitchStatus status)
{
  switch (status)
    {
    case KT_SWITCH_FOUND:
      return "found";
    case KT_SWITCH_NONE_IN_RANGE:
      return "none_in_range";
    case KT_SWITCH_NOT_APPLICABLE:
    default:
      return "not_applicable";
    }
}

static void
json_switch (JsonBuilder            *b,
             const char             *name,
             KtDriver                driver,
             const KtSwitchingValue *sv)
{
  gboolean years = driver == KT_DRIVER_DELAY;

  json_builder_set_member_name (b, name);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, status_key (sv->status));
  json_builder_set_member_name (b, "unit");
  json_builder_add_string_value (b, years ? "years" : "multiplier");
  kt_cli_json_number (b, "value", sv->value);
  kt_cli_json_number (b, "change", years ? sv->value : sv->value - 1.0);
  kt_cli_json_number (b, "check", sv->check);
  json_builder_end_object (b);
}

static void
print_json (const KtSensitivity *s)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "base");
  json_builder_begin_object (b);
  for (int k = 0; k < KT_N_OUTCOMES; k++)
    kt_cli_json_number (b, kt_outcome_key (k), s->base[k]);
  json_builder_end_object (b);
  kt_cli_json_number (b, "hurdle", s->hurdle);
  json_builder_set_member_name (b, "steps");
  json_builder_begin_array (b);
  for (int i = 0; i < KT_SENSITIVITY_N_STEPS; i++)
    json_builder_add_double_value (b, kt_sensitivity_steps[i]);
  json_builder_end_array (b);

  json_builder_set_member_name (b, "drivers");
  json_builder_begin_array (b);
  for (int r = 0; r < s->n_rows; r++)
    {
      const KtSensitivityRow *row = &s->rows[r];

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "driver");
      json_builder_add_string_value (b, kt_enum_key (&kt_driver_info, row->driver));
      json_builder_set_member_name (b, "has_effect");
      json_builder_add_boolean_value (b, row->has_effect);
      json_builder_set_member_name (b, "values");
      json_builder_begin_array (b);
      for (int i = 0; i < KT_SENSITIVITY_N_STEPS; i++)
        json_builder_add_double_value (b, row->values[i]);
      json_builder_end_array (b);
      json_builder_set_member_name (b, "outcomes");
      json_builder_begin_object (b);
      for (int k = 0; k < KT_N_OUTCOMES; k++)
        {
          json_builder_set_member_name (b, kt_outcome_key (k));
          json_builder_begin_array (b);
          for (int i = 0; i < KT_SENSITIVITY_N_STEPS; i++)
            if (isfinite (row->outcomes[i][k]))
              json_builder_add_double_value (b, row->outcomes[i][k]);
            else
              json_builder_add_null_value (b);
          json_builder_end_array (b);
        }
      json_builder_end_object (b);
      for (int pass = 0; pass < 3; pass++)
        {
          const double *v = pass == 0 ? row->low : pass == 1 ? row->high : row->swing;

          json_builder_set_member_name (b, pass == 0 ? "low" : pass == 1 ? "high" : "swing");
          json_builder_begin_object (b);
          for (int k = 0; k < KT_N_OUTCOMES; k++)
            kt_cli_json_number (b, kt_outcome_key (k), v[k]);
          json_builder_end_object (b);
        }
      json_builder_set_member_name (b, "switching");
      json_builder_begin_object (b);
      json_switch (b, "npv_zero", row->driver, &row->npv_zero);
      json_switch (b, "equity_irr_hurdle", row->driver, &row->irr_hurdle);
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "tornado");
  json_builder_begin_object (b);
  for (int k = 0; k < KT_N_OUTCOMES; k++)
    {
      int order[KT_N_DRIVERS];
      int n = kt_sensitivity_tornado (s, k, order);

      json_builder_set_member_name (b, kt_outcome_key (k));
      json_builder_begin_array (b);
      for (int i = 0; i < n; i++)
        json_builder_add_string_value (b, kt_enum_key (&kt_driver_info, s->rows[order[i]].driver));
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);
  kt_cli_json_print (b);
}

static char *
format_switch (const KtSwitchingValue *sv,
               KtDriver                driver,
               KtLang                  lang)
{
  g_autofree char *change = NULL;

  switch (sv->status)
    {
    case KT_SWITCH_FOUND:
      if (driver == KT_DRIVER_DELAY)
        return kt_cli_format_delay ((int) sv->value);
      change = kt_format_percent (sv->value - 1.0, 1, lang);
      return g_strdup_printf ("%s%s", sv->value >= 1.0 ? "+" : "", change);
    case KT_SWITCH_NONE_IN_RANGE:
      return g_strdup (_("none in range"));
    case KT_SWITCH_NOT_APPLICABLE:
    default:
      return g_strdup (_("not applicable"));
    }
}

static void
print_human (const KtSensitivity *s)
{
  KtLang lang = kt_lang_current ();
  char *cells[KT_SENSITIVITY_N_STEPS + 2];
  gboolean any_payout = s->base[KT_OUTCOME_STATE_PAYOUTS] != 0.0;

  for (int r = 0; r < s->n_rows; r++)
    for (int i = 0; i < KT_SENSITIVITY_N_STEPS; i++)
      any_payout |= isfinite (s->rows[r].outcomes[i][KT_OUTCOME_STATE_PAYOUTS])
                    && s->rows[r].outcomes[i][KT_OUTCOME_STATE_PAYOUTS] != 0.0;

  for (int k = 0; k < KT_N_OUTCOMES; k++)
    {
      int order[KT_N_DRIVERS];
      double largest = fabs (s->base[k]);
      KtMoneyUnit unit;
      g_autofree char *base = NULL;

      if (k == KT_OUTCOME_STATE_PAYOUTS && !any_payout)
        continue;
      for (int r = 0; r < s->n_rows; r++)
        for (int i = 0; i < KT_SENSITIVITY_N_STEPS; i++)
          if (isfinite (s->rows[r].outcomes[i][k]))
            largest = MAX (largest, fabs (s->rows[r].outcomes[i][k]));
      unit = kt_cli_money_unit (largest);
      base = kt_cli_format_outcome (k, s->base[k], unit, lang);
      if (kt_outcome_kind (k) == KT_OUTCOME_KIND_MONEY)
        printf (_("%s (%s), base case %s\n"), kt_outcome_label (k), kt_cli_money_unit_name (unit),
                base);
      else
        printf (_("%s, base case %s\n"), kt_outcome_label (k), base);

      cells[0] = (char *) "−20 %";
      cells[1] = (char *) "−10 %";
      cells[2] = (char *) "+10 %";
      cells[3] = (char *) "+20 %";
      cells[4] = (char *) _("Swing");
      kt_cli_print_row ("", LABEL_WIDTH, cells, KT_SENSITIVITY_N_STEPS + 1, CELL_WIDTH);
      kt_sensitivity_tornado (s, k, order);
      for (int i = 0; i < s->n_rows; i++)
        {
          const KtSensitivityRow *row = &s->rows[order[i]];
          double swing = row->swing[k];

          for (int j = 0; j < KT_SENSITIVITY_N_STEPS; j++)
            cells[j] = kt_cli_format_outcome (k, row->outcomes[j][k], unit, lang);
          cells[KT_SENSITIVITY_N_STEPS] = kt_cli_format_outcome (k, swing, unit, lang);
          kt_cli_print_row (kt_enum_label (&kt_driver_info, row->driver), LABEL_WIDTH, cells,
                            KT_SENSITIVITY_N_STEPS + 1, CELL_WIDTH);
          for (int j = 0; j <= KT_SENSITIVITY_N_STEPS; j++)
            g_free (cells[j]);
        }
      putchar ('\n');
    }
  for (int r = 0; r < s->n_rows; r++)
    if (s->rows[r].driver == KT_DRIVER_DELAY)
      printf ("%s\n", _("Construction cannot be shortened: the delay's two minus columns are the "
                        "base case, its plus columns one and two years of delay."));

  {
    g_autofree char *hurdle = kt_format_percent (s->hurdle, 2, lang);
    g_autofree char *irr_header = g_strdup_printf (_("Equity IRR = %s"), hurdle);

    printf ("\n%s\n", _("Switching values (change of one driver, the others at base)"));
    cells[0] = (char *) _("NPV = 0");
    cells[1] = irr_header;
    kt_cli_print_row ("", LABEL_WIDTH, cells, 2, 20);
    for (int r = 0; r < s->n_rows; r++)
      {
        const KtSensitivityRow *row = &s->rows[r];

        cells[0] = format_switch (&row->npv_zero, row->driver, lang);
        cells[1] = format_switch (&row->irr_hurdle, row->driver, lang);
        kt_cli_print_row (kt_enum_label (&kt_driver_info, row->driver), LABEL_WIDTH, cells, 2, 20);
        g_free (cells[0]);
        g_free (cells[1]);
      }
  }
}

int
kt_cli_sensitivity (int    argc,
                    char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the results as JSON"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    g_option_context_new (_("FILE — sensitivity of the indicators and switching values"));
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = kt_problems_new ();
  g_autoptr (KtProject) project = NULL;
  g_autoptr (KtSensitivity) sensitivity = NULL;
  KtRules rules;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return kt_cli_usage_error ("sensitivity", "%s", error->message);
  if (argc != 2)
    return kt_cli_usage_error ("sensitivity", "%s", _("give exactly one project file"));

  project = kt_cli_load_for_model ("sensitivity", argv[1], NULL, &rules, problems);
  if (project == NULL)
    return KT_CLI_USAGE;
  sensitivity = kt_sensitivity_compute (kt_project_get_data (project), &rules, &error);
  if (sensitivity == NULL)
    {
      g_printerr ("khathi-cli sensitivity: %s\n", error->message);
      return KT_CLI_INVALID;
    }
  if (json)
    print_json (sensitivity);
  else
    print_human (sensitivity);
  return KT_CLI_OK;
}
