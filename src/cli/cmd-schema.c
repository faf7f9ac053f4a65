/* cmd-schema.c — khathi-cli schema: print the RELAX NG schema of project files
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * data/khathi-project.rng is this output; a test keeps the two identical.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "kt-cli.h"
#include "kt-schema.h"

int
kt_cli_schema (int    argc,
               char **argv)
{
  g_autofree char *rng = NULL;

  if (argc > 1)
    return kt_cli_usage_error ("schema", "%s", _("this command takes no argument"));
  rng = kt_schema_to_relaxng ();
  fputs (rng, stdout);
  return KT_CLI_OK;
}
