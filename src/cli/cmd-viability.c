/* cmd-viability.c — khathi-cli viability FILE: the least state support that meets the hurdle
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>

#include "kt-cli.h"
#include "kt-format.h"
#include "kt-viability.h"

static const char *
status_key (KtViabilityStatus status)
{
  switch (status)
    {
    case KT_VIABILITY_VIABLE: return "viable";
    case KT_VIABILITY_FOUND: return "found";
    case KT_VIABILITY_UNREACHABLE: return "unreachable";
    case KT_VIABILITY_NOT_APPLICABLE:
    default: return "not_applicable";
    }
}

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
print_json (const KtViability *v)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, status_key (v->status));
  json_builder_set_member_name (b, "lever");
  json_builder_add_string_value (b, v->lever == KT_LEVER_STATE_PAYMENT ? "state_payment_multiplier"
                                                                      : "support_share");
  member (b, "hurdle", v->hurdle);
  member (b, "current", v->current);
  member (b, "limit", v->limit);
  member (b, "required", v->required);
  member (b, "gap", isfinite (v->required) ? v->required - v->current : NAN);
  member (b, "equity_irr_current", v->equity_irr_current);
  member (b, "equity_irr_limit", v->equity_irr_limit);
  member (b, "equity_irr_required", v->equity_irr_required);
  member (b, "support_total", v->support_total);
  member (b, "state_payments_pv", v->state_payments_pv);
  member (b, "fiscal_npv_current", v->fiscal_npv_current);
  member (b, "fiscal_npv", v->fiscal_npv);
  member (b, "extra_state_cost", v->extra_state_cost);
  json_builder_set_member_name (b, "checks_ok");
  json_builder_add_boolean_value (b, v->checks_ok);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

static void
line (const char *label,
      char       *value)
{
  long pad = 40 - (long) g_utf8_strlen (label, -1);

  printf ("  %s%*s %s\n", label, (int) MAX (pad, 1), "", value);
  g_free (value);
}

static char *
share_or_multiple (const KtViability *v,
                   double             x,
                   KtLang             lang)
{
  if (!isfinite (x))
    return g_strdup ("—");
  return v->lever == KT_LEVER_SUPPORT_SHARE ? kt_format_percent (x, 4, lang)
                                            : kt_format_number (x, 6, lang);
}

static void
print_human (const KtViability *v)
{
  KtLang lang = kt_lang_current ();

  switch (v->status)
    {
    case KT_VIABILITY_VIABLE:
      printf ("%s\n", _("The project meets the hurdle without more state support."));
      break;
    case KT_VIABILITY_FOUND:
      printf ("%s\n", _("The hurdle is met with more state support:"));
      break;
    case KT_VIABILITY_UNREACHABLE:
      printf ("%s\n", _("Not reachable: even the legal maximum does not lift equity IRR to "
                        "the hurdle."));
      break;
    case KT_VIABILITY_NOT_APPLICABLE:
    default:
      printf ("%s\n", _("Not applicable: the project has no construction support or "
                        "availability payment to adjust."));
      return;
    }
  printf ("  %s\n", v->lever == KT_LEVER_SUPPORT_SHARE
                    ? _("Lever: state capital support share of total investment")
                    : _("Lever: multiplier of the state service payments"));
  line (_("Hurdle (equity IRR)"), kt_format_percent (v->hurdle, 2, lang));
  line (_("Current"), share_or_multiple (v, v->current, lang));
  line (_("Limit"), share_or_multiple (v, v->limit, lang));
  line (_("Required"), share_or_multiple (v, v->required, lang));
  line (_("Equity IRR now"), isfinite (v->equity_irr_current)
                             ? kt_format_percent (v->equity_irr_current, 2, lang)
                             : g_strdup (_("no IRR")));
  if (v->status == KT_VIABILITY_UNREACHABLE)
    line (_("Equity IRR at the limit"), isfinite (v->equity_irr_limit)
                                        ? kt_format_percent (v->equity_irr_limit, 2, lang)
                                        : g_strdup (_("no IRR")));
  if (isfinite (v->required))
    {
      line (_("Equity IRR at the required level"),
            kt_format_percent (v->equity_irr_required, 4, lang));
      line (_("State capital support"), kt_format_money (v->support_total, KT_MONEY_BILLION,
                                                         TRUE, lang));
      line (_("Extra state cost (PV)"), kt_format_money (v->extra_state_cost, KT_MONEY_BILLION,
                                                         TRUE, lang));
    }
}

int
kt_cli_viability (int    argc,
                  char **argv)
{
  gboolean json = FALSE;
  double target = NAN;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the result as JSON"), NULL },
    { "target-equity-irr", 0, 0, G_OPTION_ARG_DOUBLE, &target,
      N_("Equity IRR to reach, a fraction (default: the project's hurdle rate)"), N_("X") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = kt_problems_new ();
  g_autoptr (KtProject) project = NULL;
  KtRules rules;
  KtViability v;

  context = g_option_context_new (_("FILE — the least state support that lifts equity IRR to "
                                    "the hurdle"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return kt_cli_usage_error ("viability", "%s", error->message);
  if (argc != 2)
    return kt_cli_usage_error ("viability", "%s", _("give exactly one project file"));
  project = kt_cli_load_for_model ("viability", argv[1], NULL, &rules, problems);
  if (project == NULL)
    return KT_CLI_USAGE;
  kt_viability_compute (kt_project_get_data (project), &rules, target, &v);
  if (json)
    print_json (&v);
  else
    print_human (&v);
  return KT_CLI_OK;
}
