/* kt-table.h — an editable table generated from the schema for a list of records
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "kt-editor.h"

G_BEGIN_DECLS

#define KT_TYPE_TABLE (kt_table_get_type ())
G_DECLARE_FINAL_TYPE (KtTable, kt_table, KT, TABLE, GtkBox)

/* A GtkColumnView over the LIST at `path` ("investment/capex"): a column per
 * scalar field, a column per year for series (capex by construction year,
 * ramp-up by operation year), a nested table for a list inside the rows. */
KtTable    *kt_table_new          (KtEditor   *editor,
                                   const char *path);
const char *kt_table_get_path     (KtTable    *self);
void        kt_table_select_row   (KtTable    *self,
                                   guint       row);
guint       kt_table_get_selected (KtTable    *self);
/* Where the next paste and fill-right start: a row and a column (0-based
 * among the table's columns); set by focusing a cell. */
void        kt_table_set_cursor   (KtTable    *self,
                                   guint       row,
                                   guint       column);
guint       kt_table_get_n_columns (KtTable   *self);
/* Cells as typed (numbers in the UI's convention and the display unit), tabs
 * between columns and newlines between rows, from the cursor on; rows are added
 * as needed.  One undo step. */
gboolean    kt_table_paste_text   (KtTable    *self,
                                   const char *text,
                                   GError    **error);
/* Copies the cursor's value to the following years of its series. */
gboolean    kt_table_fill_right   (KtTable    *self,
                                   GError    **error);
/* CSV with a header of column keys ("name", "amounts/1", "description/vi"),
 * stored values (đồng, fractions, enum keywords): what a spreadsheet reads. */
char       *kt_table_export_csv   (KtTable    *self);
/* Replaces the rows with those of a CSV as written by export (header by key);
 * ',' files read numbers the English way, ';' files the Vietnamese way. */
gboolean    kt_table_import_csv   (KtTable    *self,
                                   const char *text,
                                   GError    **error);

G_END_DECLS
