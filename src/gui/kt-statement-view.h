/* kt-statement-view.h — the engine's statements year by year, copyable as TSV
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "kt-model.h"

G_BEGIN_DECLS

#define KT_TYPE_STATEMENT_VIEW (kt_statement_view_get_type ())
G_DECLARE_FINAL_TYPE (KtStatementView, kt_statement_view, KT, STATEMENT_VIEW, GtkWidget)

GtkWidget *kt_statement_view_new        (void);
/* The model and document stay the caller's and must outlive the view (or
 * the next call); NULL empties it.  Rebuilds at once when shown, else on map. */
void       kt_statement_view_update     (KtStatementView     *self,
                                         const KtModel       *model,
                                         const KtProjectData *data);
/* Shows one of kt_model_table_names (). */
void       kt_statement_view_set_table  (KtStatementView     *self,
                                         const char          *name);
/* The shown table as tab-separated values (what Copy puts on the clipboard):
 * a header line, then one line per row; money in whole đồng without grouping. */
char      *kt_statement_view_to_tsv     (KtStatementView     *self);
/* The text shown in row `row` (0-based) for the year column `year` (0-based),
 * in the money unit of the preferences; NULL out of range. */
char      *kt_statement_view_get_cell_text (KtStatementView  *self,
                                            guint             row,
                                            int               year);
/* The caption naming the unit of the amounts. */
const char *kt_statement_view_get_unit_text (KtStatementView *self);

G_END_DECLS
