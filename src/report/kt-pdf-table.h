/* kt-pdf-table.h — a data table for KtPdf: columns, rows, header repeated on page breaks
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table holds text only; numbers are formatted by the caller (kt-format)
 * or by kt_pdf_table_add_number_row ().  Layout happens in kt_pdf_finish ():
 * columns shrink (wrapping text columns) to the page width, and when even that
 * is too wide — thirty year columns — the table is cut into parts of whole
 * columns, each repeating the first `repeat_columns` columns (the row labels)
 * and the header.  Rows never split; a page break repeats the header row.
 */
#pragma once

#include <glib-object.h>

#include "kt-format.h"

G_BEGIN_DECLS

typedef enum {
  KT_PDF_ALIGN_LEFT,
  KT_PDF_ALIGN_CENTER,
  KT_PDF_ALIGN_RIGHT,      /* numbers */
} KtPdfAlign;

typedef enum {
  KT_PDF_ROW_NORMAL,
  KT_PDF_ROW_BOLD,         /* totals, key results */
  KT_PDF_ROW_ITALIC,       /* "of which" rows */
  KT_PDF_ROW_SECTION,      /* first cell spans the row, bold on a light shade */
} KtPdfRowStyle;

typedef struct _KtPdfTable KtPdfTable;

#define KT_TYPE_PDF_TABLE (kt_pdf_table_get_type ())
GType        kt_pdf_table_get_type            (void) G_GNUC_CONST;

KtPdfTable  *kt_pdf_table_new                 (void);
KtPdfTable  *kt_pdf_table_ref                 (KtPdfTable         *table);
void         kt_pdf_table_unref               (KtPdfTable         *table);

/* Columns come before rows.  Returns the column index. */
guint        kt_pdf_table_add_column          (KtPdfTable         *table,
                                               const char         *title,
                                               KtPdfAlign          align);
/* "Bảng 3. <caption>" above the table (the number is added by KtPdf). */
void         kt_pdf_table_set_caption         (KtPdfTable         *table,
                                               const char         *caption);
/* The unit line above the table, right-aligned in italics: the text is
 * printed as given ("Đơn vị: triệu đồng"). */
void         kt_pdf_table_set_unit            (KtPdfTable         *table,
                                               const char         *unit);
/* A note under the table (source, assumptions), italic. */
void         kt_pdf_table_set_note            (KtPdfTable         *table,
                                               const char         *note);
/* Leading columns repeated in every part when the table is cut by columns
 * (default 1, the row labels). */
void         kt_pdf_table_set_repeat_columns  (KtPdfTable         *table,
                                               guint               n_columns);
/* Cell text size in points (default 11; 9–10 suits year tables). */
void         kt_pdf_table_set_font_size       (KtPdfTable         *table,
                                               double              size);
/* Print the table on landscape pages of its own. */
void         kt_pdf_table_set_landscape       (KtPdfTable         *table,
                                               gboolean            landscape);
/* FALSE: no header row (key–value lists). */
void         kt_pdf_table_set_show_header     (KtPdfTable         *table,
                                               gboolean            show);
/* No vertical rules and no header shade: a quiet list. */
void         kt_pdf_table_set_plain           (KtPdfTable         *table,
                                               gboolean            plain);

/* One text per column (NULL cells are empty); SECTION rows use cells[0] only. */
void         kt_pdf_table_add_row             (KtPdfTable         *table,
                                               KtPdfRowStyle       style,
                                               const char * const *cells);
/* The same with the cells as arguments, NULL-terminated. */
void         kt_pdf_table_add_cells           (KtPdfTable         *table,
                                               KtPdfRowStyle       style,
                                               const char         *first,
                                               ...) G_GNUC_NULL_TERMINATED;
/* A label in column 0 and values in the next columns, formatted with
 * kt_format_number (decimals, lang); NAN prints KT_FORMAT_NO_VALUE. */
void         kt_pdf_table_add_number_row      (KtPdfTable         *table,
                                               KtPdfRowStyle       style,
                                               const char         *label,
                                               const double       *values,
                                               guint               n_values,
                                               int                 decimals,
                                               KtLang              lang);

guint        kt_pdf_table_get_n_columns       (KtPdfTable         *table);
guint        kt_pdf_table_get_n_rows          (KtPdfTable         *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtPdfTable, kt_pdf_table_unref)

G_END_DECLS
