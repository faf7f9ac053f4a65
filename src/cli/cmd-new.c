/* cmd-new.c — khathi-cli new -o FILE: an empty study with the defaults
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kt-claims.h"
#include "kt-cli.h"
#include "kt-project-file.h"

int
kt_cli_new (int    argc,
            char **argv)
{
  g_autofree char *output = NULL, *name_vi = NULL, *name_en = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the project to FILE"), N_("FILE") },
    { "name-vi", 0, 0, G_OPTION_ARG_STRING, &name_vi, N_("Project name in Vietnamese"), N_("NAME") },
    { "name-en", 0, 0, G_OPTION_ARG_STRING, &name_en, N_("Project name in English"), N_("NAME") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("— create an empty feasibility study"));
  g_autoptr (GError) error = NULL;
  g_autoptr (KtProject) project = NULL;
  g_autoptr (GFile) file = NULL;
  KtProjectData *d;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return kt_cli_usage_error ("new", "%s", error->message);
  if (output == NULL || argc != 1)
    return kt_cli_usage_error ("new", "%s", _("give the output file with -o FILE"));

  project = kt_project_new ();
  d = kt_project_edit_data (project);
  d->name.vi = g_strdup (name_vi);
  d->name.en = g_strdup (name_en);
  /* A new study claims what it computes (all zero), like any study its
   * proposer saves; without the rule set it is saved without claims. */
  if (!kt_project_stamp_claims (project, NULL, &error))
    {
      g_printerr ("khathi-cli new: %s\n", error->message);
      g_clear_error (&error);
    }
  file = g_file_new_for_commandline_arg (output);
  if (!kt_project_save (project, file, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return KT_CLI_USAGE;
    }
  return KT_CLI_OK;
}
