/* cmd-risks.c — khathi-cli risks FILE: the risk register against the usual allocation
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exit status 1 when a deviation from the usual allocation has no written
 * justification (or another register error), like validate.
 *
 * JSON: benchmarks (id), risks (id, category, likelihood, impact, score,
 * level, owner, state_share, usual_owners, deviates, justified, expected_cost,
 * cost_state, cost_investor, driver, has_distribution, basis), matrix (5 × 5
 * counts, [likelihood − 1][impact − 1]) and matrix_ids, totals (expected,
 * retained, transferred), by_owner, n_deviations, n_unjustified, problems.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>

#include "kt-cli.h"
#include "kt-cli-table.h"
#include "kt-project-file.h"
#include "kt-risk.h"

static void
json_owners (JsonBuilder *b,
             guint        owners)
{
  json_builder_begin_array (b);
  for (int o = 0; o < KT_N_OWNERS; o++)
    if (owners & KT_OWNER_BIT (o))
      json_builder_add_string_value (b, kt_enum_key (&kt_owner_info, o));
  json_builder_end_array (b);
}

static void
print_json (const KtRiskRegister   *reg,
            const KtRiskBenchmarks *benchmarks,
            GPtrArray              *problems)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "benchmarks");
  json_builder_add_string_value (b, kt_risk_benchmarks_get_id (benchmarks));
  json_builder_set_member_name (b, "risks");
  json_builder_begin_array (b);
  for (int i = 0; i < reg->n; i++)
    {
      const KtRiskRow *row = &reg->rows[i];
      const KtRisk *risk = row->risk;

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, risk->id ? risk->id : "");
      json_builder_set_member_name (b, "category");
      json_builder_add_string_value (b, kt_enum_key (&kt_risk_category_info, risk->category));
      json_builder_set_member_name (b, "likelihood");
      json_builder_add_int_value (b, risk->likelihood);
      json_builder_set_member_name (b, "impact");
      json_builder_add_int_value (b, risk->impact);
      json_builder_set_member_name (b, "score");
      json_builder_add_int_value (b, row->score);
      json_builder_set_member_name (b, "level");
      if (row->score > 0)
        json_builder_add_string_value (b, kt_risk_level_key (row->level));
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "owner");
      json_builder_add_string_value (b, kt_enum_key (&kt_owner_info, risk->owner));
      kt_cli_json_number (b, "state_share", row->state_share);
      json_builder_set_member_name (b, "usual_owners");
      json_owners (b, row->benchmark.owners);
      json_builder_set_member_name (b, "deviates");
      json_builder_add_boolean_value (b, row->deviates);
      json_builder_set_member_name (b, "justified");
      json_builder_add_boolean_value (b, row->justified);
      kt_cli_json_number (b, "expected_cost", risk->expected_cost);
      kt_cli_json_number (b, "cost_state", row->cost_state);
      kt_cli_json_number (b, "cost_investor", row->cost_investor);
      json_builder_set_member_name (b, "driver");
      json_builder_add_string_value (b, kt_enum_key (&kt_driver_info, risk->driver));
      json_builder_set_member_name (b, "has_distribution");
      json_builder_add_boolean_value (b, row->has_distribution);
      json_builder_set_member_name (b, "basis");
      json_builder_add_string_value (b, row->benchmark.basis);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "matrix");
  json_builder_begin_array (b);
  for (int l = 0; l < KT_RISK_SCALE; l++)
    {
      json_builder_begin_array (b);
      for (int i = 0; i < KT_RISK_SCALE; i++)
        json_builder_add_int_value (b, reg->counts[l][i]);
      json_builder_end_array (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "matrix_ids");
  json_builder_begin_array (b);
  for (int l = 0; l < KT_RISK_SCALE; l++)
    {
      json_builder_begin_array (b);
      for (int i = 0; i < KT_RISK_SCALE; i++)
        {
          GArray *cell = reg->cells[l][i];

          json_builder_begin_array (b);
          for (guint j = 0; j < cell->len; j++)
            {
              const KtRisk *risk = reg->rows[g_array_index (cell, int, j)].risk;

              json_builder_add_string_value (b, risk->id ? risk->id : "");
            }
          json_builder_end_array (b);
        }
      json_builder_end_array (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "totals");
  json_builder_begin_object (b);
  kt_cli_json_number (b, "expected", reg->total_expected);
  kt_cli_json_number (b, "retained", reg->total_retained);
  kt_cli_json_number (b, "transferred", reg->total_transferred);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "by_owner");
  json_builder_begin_object (b);
  for (int o = 0; o < KT_N_OWNERS; o++)
    {
      json_builder_set_member_name (b, kt_enum_key (&kt_owner_info, o));
      json_builder_add_int_value (b, reg->by_owner[o]);
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "n_deviations");
  json_builder_add_int_value (b, reg->n_deviations);
  json_builder_set_member_name (b, "n_unjustified");
  json_builder_add_int_value (b, reg->n_unjustified);
  kt_cli_json_problems (b, "problems", problems);
  json_builder_end_object (b);
  kt_cli_json_print (b);
}

static char *
owners_short (guint owners)
{
  g_autoptr (GString) s = g_string_new (NULL);

  for (int o = 0; o < KT_N_OWNERS; o++)
    if (owners & KT_OWNER_BIT (o))
      g_string_append_printf (s, "%s%s", s->len ? "/" : "", kt_enum_label (&kt_owner_info, o));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
print_human (const KtRiskRegister *reg,
             GPtrArray            *problems)
{
  KtLang lang = kt_lang_current ();
  KtMoneyUnit unit = kt_cli_money_unit (reg->total_expected);
  char *cells[7];

  cells[0] = (char *) _("L×I");
  cells[1] = (char *) _("Owner");
  cells[2] = (char *) _("Usual");
  cells[3] = (char *) _("Deviation");
  cells[4] = (char *) _("State");
  cells[5] = (char *) _("Investor");
  printf ("%s (%s)\n", _("Risk register"), kt_cli_money_unit_name (unit));
  kt_cli_print_row ("", 34, cells, 6, 15);
  for (int i = 0; i < reg->n; i++)
    {
      const KtRiskRow *row = &reg->rows[i];
      const KtRisk *risk = row->risk;
      const char *category = kt_enum_label (&kt_risk_category_info, risk->category);
      g_autofree char *label = g_strdup_printf ("%s %s", risk->id ? risk->id : "", category);
      g_autofree char *shown = kt_cli_ellipsize (label, 34);

      cells[0] = g_strdup_printf ("%d×%d", risk->likelihood, risk->impact);
      cells[1] = g_strdup (kt_enum_label (&kt_owner_info, risk->owner));
      cells[2] = owners_short (row->benchmark.owners);
      cells[3] = g_strdup (!row->deviates ? ""
                           : row->justified ? _("justified") : _("UNJUSTIFIED"));
      cells[4] = kt_format_money (row->cost_state, unit, FALSE, lang);
      cells[5] = kt_format_money (row->cost_investor, unit, FALSE, lang);
      kt_cli_print_row (shown, 34, cells, 6, 15);
      for (int c = 0; c < 6; c++)
        g_free (cells[c]);
    }
  {
    g_autofree char *total = kt_format_money (reg->total_expected, unit, TRUE, lang);
    g_autofree char *retained = kt_format_money (reg->total_retained, unit, TRUE, lang);
    g_autofree char *transferred = kt_format_money (reg->total_transferred, unit, TRUE, lang);

    printf ("\n  %s: %s\n", _("Expected cost of all risks"), total);
    printf ("  %s: %s\n", _("Retained by the state"), retained);
    printf ("  %s: %s\n", _("Transferred to the investor"), transferred);
  }

  printf ("\n%s\n", _("Risk matrix (rows: likelihood 5 … 1, columns: impact 1 … 5)"));
  for (int l = KT_RISK_SCALE - 1; l >= 0; l--)
    {
      printf ("  %d |", l + 1);
      for (int i = 0; i < KT_RISK_SCALE; i++)
        printf (" %3d", reg->counts[l][i]);
      putchar ('\n');
    }
  if (problems->len > 0)
    {
      printf ("\n%s\n", _("Notes"));
      kt_cli_print_problems (problems);
    }
}

int
kt_cli_risks (int    argc,
              char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the results as JSON"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
    g_option_context_new (_("FILE — the risk register against the usual allocation"));
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = kt_problems_new ();
  g_autoptr (KtProject) project = NULL;
  g_autoptr (KtRiskBenchmarks) benchmarks = NULL;
  g_autoptr (KtRiskRegister) reg = NULL;
  g_autoptr (GFile) file = NULL;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return kt_cli_usage_error ("risks", "%s", error->message);
  if (argc != 2)
    return kt_cli_usage_error ("risks", "%s", _("give exactly one project file"));

  file = g_file_new_for_commandline_arg (argv[1]);
  project = kt_project_load (file, NULL, &error);
  if (project == NULL)
    {
      g_printerr ("khathi-cli risks: %s\n", error->message);
      return KT_CLI_USAGE;
    }
  benchmarks = kt_risk_benchmarks_load_default (&error);
  if (benchmarks == NULL)
    {
      g_printerr ("khathi-cli risks: %s\n", error->message);
      return KT_CLI_USAGE;
    }
  reg = kt_risk_register_analyse (kt_project_get_data (project), benchmarks, problems);
  if (json)
    print_json (reg, benchmarks, problems);
  else
    print_human (reg, problems);
  return kt_problems_has_errors (problems) ? KT_CLI_INVALID : KT_CLI_OK;
}
