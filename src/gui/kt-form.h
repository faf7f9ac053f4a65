/* kt-form.h — forms generated from the schema: one row per field of a record or group
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-editor.h"

G_BEGIN_DECLS

/* A vertical box of AdwPreferencesGroups for the GROUP or RECORD at `path`
 * ("investment", "sharing"): the scalar fields as rows, nested records as
 * further groups, lists as KtTables.  Rows follow the document and show its
 * problems; every edit goes through the editor (undoable). */
GtkWidget *kt_form_new             (KtEditor          *editor,
                                    const char        *path,
                                    const char        *title);

/* Shared with tables: a cell or row editing a number or text at `path`. */
char      *kt_form_value_text      (KtEditor          *editor,
                                    const KtFieldDesc *field,
                                    GVariant          *value);
gboolean   kt_form_commit_text     (KtEditor          *editor,
                                    const KtFieldDesc *field,
                                    const char        *path,
                                    gboolean           element,
                                    const char        *text,
                                    GError           **error);
/* Puts the document's value in `editable` unless it already shows it. */
void       kt_form_sync_editable   (KtEditor          *editor,
                                    const KtFieldDesc *field,
                                    const char        *path,
                                    gboolean           element,
                                    GtkEditable       *editable);
/* Error or warning style and tooltip from the problem at `path` or a local error. */
void       kt_form_show_problem    (KtEditor          *editor,
                                    GtkWidget         *widget,
                                    const char        *path,
                                    const char        *local_error);

/* Text that may still become a number ("1.", "-"): no error shown yet. */
gboolean   kt_form_text_is_incomplete (const char *text);
/* Translated labels of an enum, in value order, for combo rows and drop-downs. */
GtkStringList *kt_form_enum_model  (const KtEnumInfo  *info);

G_END_DECLS
