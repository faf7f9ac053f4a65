/* cmd-show.c — khathi-cli show FILE: a readable summary of a project
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "kt-cli.h"
#include "kt-format.h"
#include "kt-problem.h"
#include "kt-project-file.h"
#include "kt-validate.h"

static void
row (const char *label,
     const char *value)
{
  /* Pad by characters, not bytes, so Vietnamese labels line up. */
  long width = g_utf8_strlen (label, -1);
  printf ("  %s%*s %s\n", label, (int) MAX (0, 34 - width), "", value ? value : "");
}

static void
row_printf (const char *label,
            const char *format,
            ...) G_GNUC_PRINTF (2, 3);

static void
row_printf (const char *label,
            const char *format,
            ...)
{
  g_autofree char *value = NULL;
  va_list args;

  va_start (args, format);
  value = g_strdup_vprintf (format, args);
  va_end (args);
  row (label, value);
}

static double
base_capex (const KtProjectData *d)
{
  double sum = 0;
  for (guint i = 0; i < d->capex->len; i++)
    {
      const KtCapexLine *l = &g_array_index (d->capex, KtCapexLine, i);
      for (guint j = 0; j < l->amounts->len; j++)
        sum += g_array_index (l->amounts, double, j);
    }
  return sum;
}

int
kt_cli_show (int    argc,
             char **argv)
{
  g_autoptr (GOptionContext) context = g_option_context_new (_("FILE — summarise a Khả Thi project"));
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (KtProject) project = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  const KtProjectData *d;
  KtLang lang = kt_lang_current ();
  const char *code = kt_lang_code (lang);
  int chapters = 0, errors = 0, warnings = 0;

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return kt_cli_usage_error ("show", "%s", error->message);
  if (argc != 2)
    return kt_cli_usage_error ("show", "%s", _("give exactly one project file"));

  file = g_file_new_for_commandline_arg (argv[1]);
  project = kt_project_load (file, NULL, &error);
  if (project == NULL)
    {
      g_printerr ("%s\n", error->message);
      return KT_CLI_USAGE;
    }
  d = kt_project_get_data (project);

  printf ("%s\n", kt_text_get (&d->name, code));
  if (d->name.vi && d->name.en)
    printf ("%s\n", kt_text_get (&d->name, lang == KT_LANG_VI ? "en" : "vi"));
  printf ("\n%s\n", _("Project"));
  row (_("Project id"), d->id);
  row (_("Proposer"), d->proposer.name);
  row (_("Tax code"), d->proposer.tax_code);
  row (_("Province or city"), d->province);
  row (_("Eligible field"), kt_enum_label (&kt_field_info, d->field));
  row (_("Application domain"), kt_enum_label (&kt_domain_info, d->domain));
  row (_("PPP form"), kt_enum_label (&kt_form_info, d->form));
  row (_("Status"), kt_enum_label (&kt_status_info, d->status));
  row_printf (_("Version"), "%d", d->version);
  row (_("Rule set"), d->rule_set);

  printf ("\n%s\n", _("Timeline"));
  row_printf (_("Construction"), _("%d years from %d"), d->construction_years, d->start_year);
  row_printf (_("Operation"), _("%d years, %d–%d"), d->operation_years,
              d->start_year + d->construction_years,
              d->start_year + d->construction_years + d->operation_years - 1);
  row_printf (_("Price base year"), "%d", d->price_base_year);

  printf ("\n%s\n", _("Sections"));
  {
    g_autofree char *capex = kt_format_money (base_capex (d), KT_MONEY_BILLION, TRUE, lang);
    row_printf (_("Investment"), _("%u capex lines, %s at base prices; %u replacements"),
                d->capex->len, capex, d->replacements->len);
  }
  row_printf (_("Operations and revenue"), _("%u revenue streams, %u state payments, %u cost lines"),
              d->revenues->len, d->state_payments->len, d->opex->len);
  {
    g_autofree char *equity = kt_format_percent (d->equity_share, 1, lang);
    row_printf (_("Financing"), _("equity %s, %u loans, state capital: %s"), equity, d->loans->len,
                kt_enum_label (&kt_support_mode_info, d->support_mode));
  }
  row (_("Incentives"), kt_enum_label (&kt_incentive_info, d->incentive));
  row_printf (_("Risks"), _("%u in the register"), d->risks->len);
  row_printf (_("Uncertainty"), _("%u distributions, %u correlations"),
              d->uncertainties->len, d->correlations->len);
  row_printf (_("Scenarios"), "%u", d->scenarios->len);
  for (int i = 0; i < KT_N_CHAPTERS; i++)
    if ((d->chapters[i].vi && *d->chapters[i].vi) || (d->chapters[i].en && *d->chapters[i].en))
      chapters++;
  row_printf (_("Narrative chapters"), _("%d of %d written"), chapters, KT_N_CHAPTERS);

  problems = kt_project_validate (project, NULL);
  for (guint i = 0; i < problems->len; i++)
    {
      KtProblem *p = problems->pdata[i];
      if (p->severity == KT_SEVERITY_ERROR)
        errors++;
      else if (p->severity == KT_SEVERITY_WARNING)
        warnings++;
    }
  printf ("\n%s\n", _("Validation"));
  row_printf (_("Problems"), _("%d errors, %d warnings"), errors, warnings);
  for (guint i = 0; i < problems->len; i++)
    {
      KtProblem *p = problems->pdata[i];
      if (p->severity != KT_SEVERITY_INFO)
        printf ("    %s: %s (%s)\n", p->severity == KT_SEVERITY_ERROR ? _("error") : _("warning"),
                p->message, p->where);
    }
  return KT_CLI_OK;
}
