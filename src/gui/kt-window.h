/* kt-window.h — a study window: the empty state, then the editor of a study
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-application.h"
#include "kt-editor.h"
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

/* The editor of the study shown (undo stack, problems), NULL while empty. */
KtEditor  *kt_window_get_editor (KtWindow     *self);
/* Shows a study that has no file yet (the assistant's): unsaved, with the
 * paths of the defaults it filled in marked as assumptions to review. */
void       kt_window_set_new_project (KtWindow           *self,
                                      KtProject          *project,
                                      const char * const *assumptions);
/* TRUE when the study has changes that are not saved. */
gboolean   kt_window_is_dirty  (KtWindow      *self);
/* Writes the study to `file` (atomically) and makes it the window's file. */
gboolean   kt_window_save_to   (KtWindow      *self,
                                GFile         *file,
                                GError       **error);
/* Shows a section of the sidebar by id ("investment", "chapters", …). */
void       kt_window_show_section (KtWindow   *self,
                                   const char *id);
const char *kt_window_get_section (KtWindow   *self);
/* Shows the section of a schema path and focuses its field or table row. */
gboolean   kt_window_jump_to   (KtWindow      *self,
                                const char    *path);
/* Unsaved work is copied every 30 s and when the window loses focus to
 * g_get_user_state_dir ()/khathi/autosave/, and removed on save or discard. */
char      *kt_window_autosave_dir (void);
gboolean   kt_window_autosave  (KtWindow      *self);
/* Offers to recover an autosaved study that no window shows (after a crash);
 * returns the dialog, or NULL when there is nothing to recover. */
AdwMessageDialog *kt_window_offer_recovery (KtWindow *self);

G_END_DECLS
