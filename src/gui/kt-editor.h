/* kt-editor.h — what the views of one study share: the edit stack, problems, units, fields
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-edit.h"
#include "kt-problem.h"
#include "kt-project.h"
#include "kt-schema.h"

G_BEGIN_DECLS

#define KT_TYPE_EDITOR (kt_editor_get_type ())
G_DECLARE_FINAL_TYPE (KtEditor, kt_editor, KT, EDITOR, GObject)

/* ::refresh (const char *path) after every change of the document (validated
 * again by then), and with "" when the money unit or the language changes. */
KtEditor          *kt_editor_new            (KtProject   *project,
                                             GSettings   *settings);
KtProject         *kt_editor_get_project    (KtEditor    *self);
KtEditStack       *kt_editor_get_stack      (KtEditor    *self);
GSettings         *kt_editor_get_settings   (KtEditor    *self);
/* Records the edit (coalescing typing when asked) and clears an assumption mark. */
gboolean           kt_editor_set            (KtEditor    *self,
                                             const char  *path,
                                             GVariant    *value,
                                             gboolean     coalesce,
                                             GError     **error);
/* Problems of the last validation (KtProblem*), and the worst one at `path`. */
GPtrArray         *kt_editor_get_problems   (KtEditor    *self);
const KtProblem   *kt_editor_problem_at     (KtEditor    *self,
                                             const char  *path);
/* Numbers as the user sees them: money in the chosen unit, rates in %, grouping
 * of the UI language; parsing accepts both conventions and gives the exact
 * stored value (money rounded to whole đồng). */
char              *kt_editor_format_number  (KtEditor          *self,
                                             const KtFieldDesc *field,
                                             double             value);
gboolean           kt_editor_parse_number   (KtEditor          *self,
                                             const KtFieldDesc *field,
                                             const char        *text,
                                             double            *value);
const char        *kt_editor_unit_label     (KtEditor          *self,
                                             const KtFieldDesc *field);
/* Widgets that edit a path, for jumping to a problem's field. */
void               kt_editor_register_field (KtEditor    *self,
                                             const char  *path,
                                             GtkWidget   *widget);
/* Widgets that go before the window (nested tables) unregister. */
void               kt_editor_unregister_field (KtEditor  *self,
                                               const char *path,
                                               GtkWidget  *widget);
GtkWidget         *kt_editor_lookup_field   (KtEditor    *self,
                                             const char  *path);
/* Defaults the assistant filled in: marked until the user edits them. */
void               kt_editor_add_assumption (KtEditor    *self,
                                             const char  *path);
gboolean           kt_editor_is_assumption  (KtEditor    *self,
                                             const char  *path);
guint              kt_editor_n_assumptions  (KtEditor    *self);

G_END_DECLS
