/* main.c — starts the Khả Thi desktop application
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <gsl/gsl_errno.h>
#include <locale.h>

#include "kt-application.h"
#include "kt-paths.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(KtApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, kt_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* GSL's default handler aborts; the engine turns its status codes into GErrors. */
  gsl_set_error_handler_off ();

  app = kt_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
