/* kt-paths.h — where the installed (or uninstalled) data and translations are
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The folder of the message catalogues: $KHATHI_LOCALEDIR, else the installed
 * LOCALEDIR when it holds our catalogue, else the build tree's po/ folder, so
 * that an uninstalled build (build-aux/run) speaks Vietnamese too. */
const char *kt_locale_dir (void);

G_END_DECLS
