/* kt-csv.h — CSV import/export of tables and numbers pasted from spreadsheets
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "kt-format.h"

G_BEGIN_DECLS

#define KT_CSV_ERROR (kt_csv_error_quark ())
GQuark kt_csv_error_quark (void);

typedef enum {
  KT_CSV_ERROR_SYNTAX,   /* an unterminated quote */
  KT_CSV_ERROR_NUMBER,   /* a cell that is not a number */
  KT_CSV_ERROR_EMPTY,
} KtCsvError;

/* RFC 4180 with quotes ("" inside), CRLF or LF, a final newline optional.
 * `separator` 0 detects it from the first line: tab, else ';' if present
 * (what spreadsheets write where the decimal mark is a comma), else ','.
 * Returns a GPtrArray of GStrv rows (empty lines skipped). */
GPtrArray *kt_csv_parse          (const char  *text,
                                  char         separator,
                                  GError     **error);
/* Rows of GStrv to CSV with `separator`, quoting cells that need it, CRLF. */
char      *kt_csv_format         (GPtrArray   *rows,
                                  char         separator);
/* A block pasted from a spreadsheet: rows by newline, cells by tab (or ';'
 * when a line has no tab).  Each cell goes through kt_parse_number () in
 * `lang`; an empty cell is NAN (leave the value).  Returns a GPtrArray of
 * GArray of double, one per row. */
GPtrArray *kt_paste_parse_grid   (const char  *text,
                                  KtLang       lang,
                                  GError     **error);
/* The same block as one column of numbers, read row by row. */
GArray    *kt_paste_parse_numbers (const char *text,
                                   KtLang      lang,
                                   GError    **error);

G_END_DECLS
