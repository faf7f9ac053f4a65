/* khathi-cli.c — the command-line tool: dispatch to subcommands
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gsl/gsl_errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "kt-cli.h"
#include "kt-paths.h"

typedef struct {
  const char   *name;
  KtCliCommand  run;
  const char   *summary;  /* N_() */
} Command;

static const Command commands[] = {
  { "validate", kt_cli_validate, N_("Check project files; exit 1 if any is invalid") },
  { "show", kt_cli_show, N_("Print a readable summary of a project") },
  { "new", kt_cli_new, N_("Create an empty feasibility study") },
  { "schema", kt_cli_schema, N_("Print the RELAX NG schema of project files") },
  { "flows", kt_cli_flows, N_("Indicators of a bare cash-flow series") },
  { "claims", kt_cli_claims, N_("Compare the figures a project file claims with a recomputation") },
  { "compute", kt_cli_compute, N_("Compute a project's statements, indicators and checks") },
  { "bench", kt_cli_bench, N_("Time one full evaluation of a project") },
  { "report", kt_cli_report, N_("Write a project's feasibility-study report as PDF") },
  { "export", kt_cli_export, N_("Export a project's statements and inputs as XLSX") },
  { "risks", kt_cli_risks, N_("Check a risk register against the usual allocation") },
  { "sensitivity", kt_cli_sensitivity, N_("Sensitivity of the indicators and switching values") },
  { "scenarios", kt_cli_scenarios, N_("Evaluate the project's scenarios side by side") },
  { "simulate", kt_cli_simulate, N_("Monte Carlo simulation of the project's uncertainties") },
  { "viability", kt_cli_viability, N_("Least state support that lifts equity IRR to the hurdle") },
  { "compare-forms", kt_cli_compare_forms, N_("The project under every contract form that fits it") },
  { "portfolio", kt_cli_portfolio, N_("The appraiser’s portfolio: import, score, decide, rank, verify") },
  { NULL, NULL, NULL }
};

int
kt_cli_usage_error (const char *command,
                    const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("khathi-cli %s: %s\n", command, message);
  return KT_CLI_USAGE;
}

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: khathi-cli COMMAND [OPTION…] [ARGUMENT…]"));
  fprintf (out, "%s\n", _("Commands:"));
  for (gsize i = 0; commands[i].name != NULL; i++)
    fprintf (out, "  %-14s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “khathi-cli COMMAND --help” for the options of a command."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, kt_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gsl_set_error_handler_off ();

  if (argc < 2)
    {
      print_help (stderr);
      return KT_CLI_USAGE;
    }
  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      print_help (stdout);
      return KT_CLI_OK;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("khathi-cli %s\n", PACKAGE_VERSION);
      return KT_CLI_OK;
    }
  for (gsize i = 0; commands[i].name != NULL; i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      return commands[i].run (argc - 1, argv + 1);

  g_printerr (_("khathi-cli: unknown command “%s”\n"), argv[1]);
  print_help (stderr);
  return KT_CLI_USAGE;
}
