/* kt-pdf-private.h — KtPdfTable's fields for the layout in kt-pdf.c
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "kt-pdf-table.h"

G_BEGIN_DECLS

typedef struct {
  char      *title;
  KtPdfAlign align;
} KtPdfColumn;

typedef struct {
  KtPdfRowStyle style;
  char        **cells;    /* n_columns strings, never NULL */
} KtPdfRow;

struct _KtPdfTable {
  grefcount  ref_count;
  GArray    *columns;     /* KtPdfColumn */
  GPtrArray *rows;        /* KtPdfRow * */
  char      *caption;
  char      *unit;
  char      *note;
  guint      repeat_columns;
  double     font_size;
  gboolean   landscape;
  gboolean   show_header;
  gboolean   plain;
};

G_END_DECLS
