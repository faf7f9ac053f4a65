/* cmd-export.c — khathi-cli export FILE -o OUT.xlsx: statements, indicators, inputs
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kt-cli.h"
#include "kt-format.h"
#include "kt-project-file.h"
#include "kt-simulation.h"
#include "kt-xlsx.h"

KtSimulationResult *kt_cli_report_simulation (const char          *command,
                                              const KtProjectData *data,
                                              const KtRules       *rules,
                                              int                  iterations,
                                              const char          *seed_text,
                                              gboolean            *failed);

int
kt_cli_export (int    argc,
               char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *lang_text = NULL;
  g_autofree char *seed_text = NULL;
  int iterations = 0;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the workbook to FILE"),
      N_("FILE") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_text,
      N_("Language of sheet names and labels: vi or en (default: the interface's)"),
      N_("LANG") },
    { "iterations", 0, 0, G_OPTION_ARG_INT, &iterations,
      N_("Add a Monte Carlo summary sheet with N iterations (-1: the project's setting)"),
      N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text,
      N_("Monte Carlo seed (default: the project's)"), N_("S") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = kt_problems_new ();
  g_autoptr (KtProject) project = NULL;
  g_autoptr (KtSimulationResult) simulation = NULL;
  KtRules rules;
  KtLang lang;
  gboolean failed;

  context = g_option_context_new (_("FILE — export statements, indicators and inputs as XLSX"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Exit status: 0 when the workbook was written, 2 for usage or I/O errors."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return kt_cli_usage_error ("export", "%s", error->message);
  if (argc != 2)
    return kt_cli_usage_error ("export", "%s", _("give exactly one project file"));
  if (output == NULL)
    return kt_cli_usage_error ("export", "%s", _("give the output file with -o FILE"));
  if (lang_text != NULL && strcmp (lang_text, "vi") != 0 && strcmp (lang_text, "en") != 0)
    return kt_cli_usage_error ("export", _("--lang must be vi or en, not “%s”"), lang_text);
  if (iterations < -1 || iterations > KT_SIMULATION_MAX_ITERATIONS)
    return kt_cli_usage_error ("export", _("--iterations must be between 0 and %d"),
                               KT_SIMULATION_MAX_ITERATIONS);
  if (!kt_xlsx_available ())
    return kt_cli_usage_error ("export", "%s",
                               _("this build has no XLSX support (libxlsxwriter)"));
  lang = lang_text != NULL ? kt_lang_from_string (lang_text) : kt_lang_current ();

  project = kt_cli_load_for_model ("export", argv[1], NULL, &rules, problems);
  if (project == NULL)
    return KT_CLI_USAGE;
  simulation = kt_cli_report_simulation ("export", kt_project_get_data (project), &rules,
                                         iterations, seed_text, &failed);
  if (failed)
    return KT_CLI_USAGE;
  if (!kt_xlsx_export (kt_project_get_data (project), &rules, simulation, lang, output, &error))
    return kt_cli_usage_error ("export", "%s", error->message);
  return KT_CLI_OK;
}
