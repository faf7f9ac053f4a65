/* kt-window.h — a study window: the empty state, then the study's overview
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-application.h"
#include "kt-project.h"

G_BEGIN_DECLS

#define KT_TYPE_WINDOW (kt_window_get_type ())
G_DECLARE_FINAL_TYPE (KtWindow, kt_window, KT, WINDOW, AdwApplicationWindow)

KtWindow  *kt_window_new       (KtApplication *application);
/* Loads `file` in a worker thread; on success the window shows it (and
 * notifies "project"), on failure an error dialog names the file and the
 * problem, and the window keeps what it showed. */
void       kt_window_open_file (KtWindow      *self,
                                GFile         *file);
/* The study shown, NULL while the window is empty. */
KtProject *kt_window_get_project (KtWindow    *self);
/* The file being loaded, else the file shown ("file" property), NULL if none. */
GFile     *kt_window_get_file  (KtWindow      *self);
/* Shows a short message over the window's content; takes `toast`. */
void       kt_window_add_toast (KtWindow      *self,
                                AdwToast      *toast);
/* TRUE while a file loads ("loading" property). */
gboolean   kt_window_is_loading (KtWindow     *self);
/* TRUE when the window shows no study and loads none, so it can take one. */
gboolean   kt_window_is_empty  (KtWindow      *self);

G_END_DECLS
