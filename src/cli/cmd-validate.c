/* cmd-validate.c — khathi-cli validate FILE…: load and check project files
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "kt-cli.h"
#include "kt-problem.h"
#include "kt-project-file.h"
#include "kt-validate.h"

int
kt_cli_validate (int    argc,
                 char **argv)
{
  gboolean quiet = FALSE;
  const GOptionEntry entries[] = {
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, N_("Print errors only, not warnings"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (_("FILE… — check Khả Thi project files"));
  g_autoptr (GError) error = NULL;
  int status = KT_CLI_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Exit status: 0 if every file is valid, 1 if any is invalid, 2 for usage or I/O errors.\n"
      "Problems are printed to standard error as FILE:LINE: message."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return kt_cli_usage_error ("validate", "%s", error->message);
  if (argc < 2)
    return kt_cli_usage_error ("validate", "%s", _("no file given"));

  gboolean any_io_error = FALSE, any_invalid = FALSE;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autofree char *name = g_file_get_parse_name (file);
      g_autoptr (KtProject) project = NULL;
      g_autoptr (GPtrArray) problems = NULL;
      g_autoptr (GError) load_error = NULL;

      project = kt_project_load (file, NULL, &load_error);
      if (project == NULL)
        {
          /* The message already reads "FILE:LINE: …". */
          g_printerr ("%s\n", load_error->message);
          if (load_error->code == KT_FILE_ERROR_IO)
            any_io_error = TRUE;
          else
            any_invalid = TRUE;
          continue;
        }
      problems = kt_project_validate (project, NULL);
      for (guint j = 0; j < problems->len; j++)
        {
          const KtProblem *p = problems->pdata[j];
          int line = kt_project_get_source_line (project, p->where);

          if (p->severity == KT_SEVERITY_ERROR)
            g_printerr ("%s:%d: %s [%s]\n", name, line, p->message, p->where);
          else if (!quiet)
            g_printerr ("%s:%d: %s: %s [%s]\n", name, line, _("warning"), p->message, p->where);
        }
      if (kt_problems_has_errors (problems))
        any_invalid = TRUE;
    }
  /* I/O errors outrank invalid files whatever the order of the arguments. */
  status = any_io_error ? KT_CLI_USAGE : any_invalid ? KT_CLI_INVALID : KT_CLI_OK;
  return status;
}
