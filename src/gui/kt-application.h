/* kt-application.h — the Khả Thi application: actions, windows, opening files
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-format.h"

G_BEGIN_DECLS

#define KT_TYPE_APPLICATION (kt_application_get_type ())
G_DECLARE_FINAL_TYPE (KtApplication, kt_application, KT, APPLICATION, AdwApplication)

KtApplication *kt_application_new          (void);
/* The app's settings (io.github.khathi.Khathi), shared by its windows. */
GSettings     *kt_application_get_settings (KtApplication *self);
/* Shows `file` in a window: the one that already has it, else the active
 * window if it is empty, else a new one.  Load errors appear in that window. */
void           kt_application_open_file    (KtApplication *self,
                                            GFile         *file);
/* The "money-unit" preference of `settings`; billions when NULL. */
KtMoneyUnit    kt_money_unit_from_settings (GSettings     *settings);

G_END_DECLS
