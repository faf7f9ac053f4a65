/* cmd-flows.c — khathi-cli flows: NPV, IRR, MIRR and payback of a bare cash-flow series
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kt-cli.h"
#include "kt-format.h"
#include "kt-metrics.h"

#define COMMAND "flows"

typedef struct {
  gboolean    has_rate;
  double      rate;
  gboolean    has_mirr_rates;
  double      finance_rate;
  double      reinvest_rate;
  const double *flows;
  gsize       n;
  /* results; NAN when undefined */
  double      npv;
  KtIrrResult irr;
  double      mirr;
  double      payback;
  double      discounted_payback;
} Flows;

/* Numbers on the command line are read the C way (g_ascii_strtod), whatever
 * the locale: scripts call this tool.  A rate may end in "%" ("10%" = 0.1). */
static gboolean
parse_number (const char *text,
              gboolean    percent_allowed,
              double     *value)
{
  char *end = NULL;
  double parsed;

  /* g_ascii_strtod would also skip leading blanks and read hexadecimal. */
  if (text == NULL || *text == '\0' || g_ascii_isspace (*text) || strpbrk (text, "xX") != NULL)
    return FALSE;
  parsed = g_ascii_strtod (text, &end);
  if (end == text)
    return FALSE;
  if (percent_allowed && *end == '%')
    {
      parsed /= 100.0;
      end++;
    }
  if (*end != '\0' || !isfinite (parsed))
    return FALSE;
  *value = parsed;
  return TRUE;
}

/* A discount rate must keep 1 + r > 0 (MODEL.md §1). */
static gboolean
parse_rate (const char *option,
            const char *text,
            double     *value,
            int        *status)
{
  if (!parse_number (text, TRUE, value))
    {
      *status = kt_cli_usage_error (COMMAND, _("%s: “%s” is not a rate (write 0.1 or 10%%)"),
                                    option, text);
      return FALSE;
    }
  if (!(*value > -1.0))
    {
      *status = kt_cli_usage_error (COMMAND, _("%s: the rate must be above -100%%"), option);
      return FALSE;
    }
  return TRUE;
}

static void
compute (Flows *f)
{
  /* Without a rate, 0 ranks several IRRs: the one nearest 0 %. */
  kt_irr (f->flows, f->n, f->has_rate ? f->rate : 0.0, &f->irr);
  f->npv = f->has_rate ? kt_npv (f->flows, f->n, f->rate) : NAN;
  f->mirr = f->has_mirr_rates ? kt_mirr (f->flows, f->n, f->finance_rate, f->reinvest_rate) : NAN;
  f->payback = kt_payback (f->flows, f->n);
  f->discounted_payback = f->has_rate ? kt_discounted_payback (f->flows, f->n, f->rate) : NAN;
}

/* JSON has no NaN or infinity: an undefined indicator is null. */
static void
add_number (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (builder, name);
  if (isfinite (value))
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
print_json (const Flows *f)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  add_number (builder, "npv", f->npv);
  add_number (builder, "irr", f->irr.irr);
  json_builder_set_member_name (builder, "irrs");
  json_builder_begin_array (builder);
  for (int i = 0; i < f->irr.n_roots; i++)
    json_builder_add_double_value (builder, f->irr.roots[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "irr_status");
  json_builder_add_string_value (builder, kt_irr_status_key (f->irr.status));
  add_number (builder, "mirr", f->mirr);
  add_number (builder, "payback", f->payback);
  add_number (builder, "discounted_payback", f->discounted_payback);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  printf ("%s\n", text);
}

static void
row (const char *label,
     const char *value)
{
  /* Pad by characters, not bytes, so Vietnamese labels line up. */
  long width = g_utf8_strlen (label, -1);

  printf ("  %s%*s %s\n", label, (int) MAX (0, 40 - width), "", value);
}

static char *
percent (double   fraction,
         KtLang   lang)
{
  return kt_format_percent (fraction, 2, lang);
}

static void
print_table (const Flows *f)
{
  KtLang lang = kt_lang_current ();
  g_autofree char *rate = f->has_rate ? percent (f->rate, lang) : NULL;
  g_autofree char *npv_label = NULL;
  g_autofree char *npv = NULL;
  g_autofree char *irr = NULL;
  g_autofree char *mirr_label = NULL;
  g_autofree char *mirr = NULL;
  g_autofree char *payback = kt_format_years (f->payback, lang);
  g_autofree char *discounted_label = NULL;
  g_autofree char *discounted = NULL;
  const char *status;

  printf (ngettext ("Cash flows of %d year (year 0 to %d)\n",
                    "Cash flows of %d years (year 0 to %d)\n", (unsigned long) f->n),
          (int) f->n, (int) f->n - 1);

  if (f->has_rate)
    {
      npv_label = g_strdup_printf (_("NPV at %s"), rate);
      npv = kt_format_number (f->npv, 2, lang);
      row (npv_label, npv);
    }
  else
    row (_("NPV"), _("needs --rate"));

  switch (f->irr.status)
    {
    case KT_IRR_NONE:
      status = _("none: NPV does not change sign");
      irr = g_strdup (_("no IRR"));
      break;
    case KT_IRR_UNIQUE:
      status = _("unique");
      irr = percent (f->irr.irr, lang);
      break;
    case KT_IRR_MULTIPLE:
    default:
      {
        g_autofree char *nearest = percent (f->irr.irr, lang);
        g_autofree char *reference = percent (f->has_rate ? f->rate : 0.0, lang);

        status = _("multiple: NPV changes sign more than once");
        irr = g_strdup_printf (_("%s (the one nearest to %s)"), nearest, reference);
      }
      break;
    }
  row (_("IRR"), irr);
  row (_("IRR status"), status);
  if (f->irr.status == KT_IRR_MULTIPLE)
    {
      g_autoptr (GString) all = g_string_new (NULL);

      for (int i = 0; i < f->irr.n_roots; i++)
        {
          g_autofree char *one = percent (f->irr.roots[i], lang);

          g_string_append_printf (all, "%s%s", i > 0 ? "; " : "", one);
        }
      row (_("All IRRs"), all->str);
    }

  if (f->has_mirr_rates)
    {
      g_autofree char *finance = percent (f->finance_rate, lang);
      g_autofree char *reinvest = percent (f->reinvest_rate, lang);

      mirr_label = g_strdup_printf (_("MIRR (finance %s, reinvestment %s)"), finance, reinvest);
      mirr = isfinite (f->mirr) ? percent (f->mirr, lang)
                                : g_strdup (_("undefined: needs positive and negative flows"));
      row (mirr_label, mirr);
    }
  else
    row (_("MIRR"), _("needs --finance-rate and --reinvest-rate"));

  row (_("Payback"), payback);
  if (f->has_rate)
    {
      discounted_label = g_strdup_printf (_("Discounted payback at %s"), rate);
      discounted = kt_format_years (f->discounted_payback, lang);
      row (discounted_label, discounted);
    }
  else
    row (_("Discounted payback"), _("needs --rate"));
}

int
kt_cli_flows (int    argc,
              char **argv)
{
  g_autofree char *rate_text = NULL;
  g_autofree char *finance_text = NULL;
  g_autofree char *reinvest_text = NULL;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "rate", 0, 0, G_OPTION_ARG_STRING, &rate_text,
      N_("Discount rate for NPV and discounted payback, and the rate the reported IRR is "
         "nearest to (0.1 or 10%)"), N_("R") },
    { "finance-rate", 0, 0, G_OPTION_ARG_STRING, &finance_text,
      N_("MIRR: rate of the negative flows"), N_("F") },
    { "reinvest-rate", 0, 0, G_OPTION_ARG_STRING, &reinvest_text,
      N_("MIRR: rate of the positive flows"), N_("G") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print JSON: npv, irr, irrs, irr_status, mirr, payback, discounted_payback"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("[--] CF0 CF1 … — indicators of "
                                                               "a cash-flow series"));
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) flows = g_array_new (FALSE, FALSE, sizeof (double));
  gboolean after_separator = FALSE;
  Flows f = { 0 };
  int status = KT_CLI_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("CF0 is the flow of year 0, which is not discounted; each later flow sits at the end "
      "of its year (MODEL.md §1).  Negative flows may follow “--”.\n"
      "Without --rate there is no NPV and no discounted payback (null in JSON): no rate is "
      "assumed, and 0 ranks several IRRs.  MIRR needs both --finance-rate and "
      "--reinvest-rate.  An indicator that does not exist (no IRR, payback not reached) is "
      "null in JSON.\n"
      "Exit status: 0 done, 2 usage error."));
  /* Unknown options stay in argv, so "-100" reaches the flows below. */
  g_option_context_set_ignore_unknown_options (context, TRUE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return kt_cli_usage_error (COMMAND, "%s", error->message);

  if (rate_text != NULL)
    {
      if (!parse_rate ("--rate", rate_text, &f.rate, &status))
        return status;
      f.has_rate = TRUE;
    }
  if ((finance_text == NULL) != (reinvest_text == NULL))
    return kt_cli_usage_error (COMMAND, "%s",
                               _("--finance-rate and --reinvest-rate go together"));
  if (finance_text != NULL)
    {
      if (!parse_rate ("--finance-rate", finance_text, &f.finance_rate, &status)
          || !parse_rate ("--reinvest-rate", reinvest_text, &f.reinvest_rate, &status))
        return status;
      f.has_mirr_rates = TRUE;
    }

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      double value;

      if (!after_separator && strcmp (arg, "--") == 0)
        {
          after_separator = TRUE;
          continue;
        }
      if (!parse_number (arg, FALSE, &value))
        {
          if (!after_separator && arg[0] == '-')
            return kt_cli_usage_error (COMMAND, _("unknown option “%s”"), arg);
          return kt_cli_usage_error (COMMAND, _("cash flow %u, “%s”, is not a number"),
                                     flows->len, arg);
        }
      g_array_append_val (flows, value);
    }
  if (flows->len == 0)
    return kt_cli_usage_error (COMMAND, "%s", _("give the cash flows: CF0 CF1 …"));

  f.flows = (const double *) flows->data;
  f.n = flows->len;
  compute (&f);
  if (json)
    print_json (&f);
  else
    print_table (&f);
  return KT_CLI_OK;
}
