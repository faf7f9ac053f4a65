/* kt-preferences.h — the preferences window: report language, money unit, default rates
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* An AdwPreferencesWindow over the app's GSettings, transient for `parent`. */
GtkWidget *kt_preferences_window_new (GtkWindow *parent,
                                      GSettings *settings);

G_END_DECLS
