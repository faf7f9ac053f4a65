/* cmd-report.c — khathi-cli report FILE -o OUT.pdf: the feasibility-study report (BCNCKT)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Monte Carlo: --iterations N runs N iterations for the report (0 skips the
 * simulation); without it the project's own settings are used (simulation
 * iterations, seed and sampling), and the simulation is skipped when the
 * project has no distribution.  --seed replaces the project's seed.  The
 * seed and iterations are printed in every page's footer.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "kt-cli.h"
#include "kt-format.h"
#include "kt-project-file.h"
#include "kt-proposal.h"
#include "kt-simulation.h"

/* Shared with cmd-export.c: the simulation the options ask for, or NULL
 * (none wanted, or none possible: a note on stderr, the report says so). */
KtSimulationResult *kt_cli_report_simulation (const char          *command,
                                              const KtProjectData *data,
                                              const KtRules       *rules,
                                              int                  iterations,
                                              const char          *seed_text,
                                              gboolean            *failed);

KtSimulationResult *
kt_cli_report_simulation (const char          *command,
                          const KtProjectData *data,
                          const KtRules       *rules,
                          int                  iterations,
                          const char          *seed_text,
                          gboolean            *failed)
{
  KtSimulationOptions options;
  g_autoptr (GError) error = NULL;
  KtSimulationResult *result;

  *failed = FALSE;
  kt_simulation_options_init (&options, data);
  if (iterations >= 0)
    options.iterations = iterations;
  if (seed_text != NULL)
    {
      guint64 seed;

      if (!g_ascii_string_to_unsigned (seed_text, 10, 0, G_MAXUINT64, &seed, NULL))
        {
          kt_cli_usage_error (command, _("--seed must be a whole number, not “%s”"), seed_text);
          *failed = TRUE;
          return NULL;
        }
      options.seed = seed;
    }
  if (options.iterations == 0)
    return NULL;
  if (data->uncertainties->len == 0)
    {
      if (iterations > 0)
        g_printerr ("khathi-cli %s: %s\n", command,
                    _("the project has no distribution; the report is written without "
                      "Monte Carlo"));
      return NULL;
    }
  result = kt_simulation_run (data, rules, &options, NULL, &error);
  if (result == NULL)
    g_printerr ("khathi-cli %s: %s: %s\n", command, _("Monte Carlo left out"), error->message);
  return result;
}

int
kt_cli_report (int    argc,
               char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *lang_text = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *date_text = NULL;
  int iterations = -1;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the PDF to FILE"), N_("FILE") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_text,
      N_("Language of the report: vi or en (default: the interface's)"), N_("LANG") },
    { "iterations", 0, 0, G_OPTION_ARG_INT, &iterations,
      N_("Monte Carlo iterations (default: the project's; 0: no simulation)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text,
      N_("Monte Carlo seed (default: the project's)"), N_("S") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("Issue date YYYY-MM-DD (default: today); a fixed date gives identical files"),
      N_("DATE") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = kt_problems_new ();
  g_autoptr (KtRuleSet) set = NULL;
  g_autoptr (KtProject) project = NULL;
  g_autoptr (KtSimulationResult) simulation = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GDateTime) date = NULL;
  g_autofree char *sha = NULL;
  KtProposalOptions options;
  KtRules rules;
  KtLang lang;
  gboolean failed;

  context = g_option_context_new (_("FILE — write the feasibility-study report as PDF"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Without --iterations the Monte Carlo simulation uses the project's settings and is\n"
      "skipped when the project has no distribution.\n"
      "Exit status: 0 when the report was written, 2 for usage or I/O errors."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return kt_cli_usage_error ("report", "%s", error->message);
  if (argc != 2)
    return kt_cli_usage_error ("report", "%s", _("give exactly one project file"));
  if (output == NULL)
    return kt_cli_usage_error ("report", "%s", _("give the output file with -o FILE"));
  if (lang_text != NULL && strcmp (lang_text, "vi") != 0 && strcmp (lang_text, "en") != 0)
    return kt_cli_usage_error ("report", _("--lang must be vi or en, not “%s”"), lang_text);
  if (iterations < -1 || iterations > KT_SIMULATION_MAX_ITERATIONS)
    return kt_cli_usage_error ("report", _("--iterations must be between 0 and %d"),
                               KT_SIMULATION_MAX_ITERATIONS);
  if (date_text != NULL)
    {
      g_autofree char *iso = g_strconcat (date_text, "T12:00:00Z", NULL);

      date = g_date_time_new_from_iso8601 (iso, NULL);
      if (date == NULL)
        return kt_cli_usage_error ("report", _("--date must be YYYY-MM-DD, not “%s”"), date_text);
    }
  lang = lang_text != NULL ? kt_lang_from_string (lang_text) : kt_lang_current ();

  project = kt_cli_load_for_model ("report", argv[1], &set, &rules, problems);
  if (project == NULL)
    return KT_CLI_USAGE;
  file = g_file_new_for_commandline_arg (argv[1]);
  sha = kt_proposal_file_sha256 (file, &error);
  if (sha == NULL)
    return kt_cli_usage_error ("report", "%s", error->message);

  simulation = kt_cli_report_simulation ("report", kt_project_get_data (project), &rules,
                                         iterations, seed_text, &failed);
  if (failed)
    return KT_CLI_USAGE;

  kt_proposal_options_init (&options, lang);
  options.project_sha256 = sha;
  options.simulation = simulation;
  options.date = date;
  if (!kt_proposal_write (kt_project_get_data (project), set, &rules, &options, output, &error))
    return kt_cli_usage_error ("report", "%s", error->message);
  return KT_CLI_OK;
}
