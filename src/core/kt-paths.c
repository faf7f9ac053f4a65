/* kt-paths.c — where the installed (or uninstalled) data and translations are
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kt-paths.h"

static gboolean
has_catalogue (const char *dir)
{
  g_autofree char *mo = g_build_filename (dir, "vi", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  return g_file_test (mo, G_FILE_TEST_IS_REGULAR);
}

const char *
kt_locale_dir (void)
{
  static gsize once = 0;
  static char *dir = NULL;

  if (g_once_init_enter (&once))
    {
      const char *env = g_getenv ("KHATHI_LOCALEDIR");

      if (env != NULL && *env != '\0')
        dir = g_strdup (env);
      else if (has_catalogue (LOCALEDIR) || !has_catalogue (BUILD_LOCALEDIR))
        dir = g_strdup (LOCALEDIR);
      else
        dir = g_strdup (BUILD_LOCALEDIR);
      g_once_init_leave (&once, 1);
    }
  return dir;
}
