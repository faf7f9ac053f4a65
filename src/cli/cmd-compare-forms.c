/* cmd-compare-forms.c — khathi-cli compare-forms FILE: the project under every form that fits it
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>

#include "kt-cli.h"
#include "kt-format.h"
#include "kt-forms-compare.h"

static void
member (JsonBuilder *b,
        const char  *name,
        double       value)
{
  json_builder_set_member_name (b, name);
  if (isfinite (value))
    json_builder_add_double_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
print_json (GArray *rows)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "forms");
  json_builder_begin_array (b);
  for (guint i = 0; i < rows->len; i++)
    {
      const KtFormVariant *r = &g_array_index (rows, KtFormVariant, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "form");
      json_builder_add_string_value (b, kt_enum_key (&kt_form_info, r->form));
      json_builder_set_member_name (b, "current");
      json_builder_add_boolean_value (b, r->current);
      json_builder_set_member_name (b, "modelled");
      json_builder_add_boolean_value (b, r->modelled);
      json_builder_set_member_name (b, "note");
      if (r->note != NULL)
        json_builder_add_string_value (b, _(r->note));
      else
        json_builder_add_null_value (b);
      member (b, "equity_irr", r->equity_irr);
      member (b, "project_irr", r->project_irr);
      member (b, "dscr_min", r->dscr_min);
      member (b, "fiscal_npv", r->fiscal_npv);
      member (b, "state_net_cost", r->state_net_cost);
      member (b, "vfm", r->vfm);
      member (b, "risks_transferred", r->risks_transferred);
      member (b, "support_total", r->support_total);
      member (b, "state_payment_total", r->state_payment_total);
      json_builder_set_member_name (b, "checks_run");
      json_builder_add_int_value (b, r->checks_run);
      json_builder_set_member_name (b, "checks_failed");
      json_builder_add_int_value (b, r->checks_failed);
      json_builder_set_member_name (b, "legal_ok");
      json_builder_add_boolean_value (b, r->modelled && r->legal_ok);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

static char *
cell_percent (double value,
              KtLang lang)
{
  return isfinite (value) ? kt_format_percent (value, 2, lang) : g_strdup ("—");
}

static char *
cell_number (double value,
             KtLang lang)
{
  return isfinite (value) ? kt_format_number (value, 2, lang) : g_strdup ("—");
}

static char *
cell_money (double value,
            KtLang lang)
{
  return isfinite (value) ? kt_format_money (value, KT_MONEY_BILLION, FALSE, lang)
                          : g_strdup ("—");
}

static void
print_human (GArray *rows)
{
  KtLang lang = kt_lang_current ();

  printf ("%-12s %10s %8s %16s %16s %16s %6s\n", _("Form"), _("Equity IRR"), _("DSCR"),
          _("State cost"), _("VfM"), _("Risk moved"), _("Legal"));
  printf ("%-12s %10s %8s %16s %16s %16s %6s\n", "", "", _("min"), _("billion ₫"),
          _("billion ₫"), _("billion ₫"), "");
  for (guint i = 0; i < rows->len; i++)
    {
      const KtFormVariant *r = &g_array_index (rows, KtFormVariant, i);
      g_autofree char *name = g_strdup_printf ("%s%s", kt_enum_key (&kt_form_info, r->form),
                                               r->current ? "*" : "");

      if (!r->modelled)
        {
          printf ("%-12s %s\n", name, r->note != NULL ? _(r->note) : "");
          continue;
        }
      {
        g_autofree char *irr = cell_percent (r->equity_irr, lang);
        g_autofree char *dscr = cell_number (r->dscr_min, lang);
        g_autofree char *cost = cell_money (r->state_net_cost, lang);
        g_autofree char *vfm = cell_money (r->vfm, lang);
        g_autofree char *risk = cell_money (r->risks_transferred, lang);

        printf ("%-12s %10s %8s %16s %16s %16s %6s\n", name, irr, dscr, cost, vfm, risk,
                r->legal_ok ? _("yes") : _("no"));
        if (r->note != NULL)
          printf ("  %s\n", _(r->note));
      }
    }
  printf ("%s\n", _("* the project's own form"));
}

int
kt_cli_compare_forms (int    argc,
                      char **argv)
{
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the comparison as JSON"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = kt_problems_new ();
  g_autoptr (KtProject) project = NULL;
  g_autoptr (GArray) rows = NULL;
  KtRules rules;

  context = g_option_context_new (_("FILE — the project under every contract form that fits it"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return kt_cli_usage_error ("compare-forms", "%s", error->message);
  if (argc != 2)
    return kt_cli_usage_error ("compare-forms", "%s", _("give exactly one project file"));
  project = kt_cli_load_for_model ("compare-forms", argv[1], NULL, &rules, problems);
  if (project == NULL)
    return KT_CLI_USAGE;
  rows = kt_forms_compare (kt_project_get_data (project), &rules);
  if (json)
    print_json (rows);
  else
    print_human (rows);
  return KT_CLI_OK;
}
