/* kt-pdf-table.c — a data table for KtPdf: columns, rows, header repeated on page breaks
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdarg.h>

#include "kt-pdf-private.h"

G_DEFINE_BOXED_TYPE (KtPdfTable, kt_pdf_table, kt_pdf_table_ref, kt_pdf_table_unref)

static void
column_clear (gpointer data)
{
  g_free (((KtPdfColumn *) data)->title);
}

static void
row_free (gpointer data)
{
  KtPdfRow *row = data;

  g_strfreev (row->cells);
  g_free (row);
}

KtPdfTable *
kt_pdf_table_new (void)
{
  KtPdfTable *table = g_new0 (KtPdfTable, 1);

  g_ref_count_init (&table->ref_count);
  table->columns = g_array_new (FALSE, TRUE, sizeof (KtPdfColumn));
  g_array_set_clear_func (table->columns, column_clear);
  table->rows = g_ptr_array_new_with_free_func (row_free);
  table->repeat_columns = 1;
  table->font_size = 11.0;
  table->show_header = TRUE;
  return table;
}

KtPdfTable *
kt_pdf_table_ref (KtPdfTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_ref_count_inc (&table->ref_count);
  return table;
}

void
kt_pdf_table_unref (KtPdfTable *table)
{
  g_return_if_fail (table != NULL);
  if (!g_ref_count_dec (&table->ref_count))
    return;
  g_array_unref (table->columns);
  g_ptr_array_unref (table->rows);
  g_free (table->caption);
  g_free (table->unit);
  g_free (table->note);
  g_free (table);
}

guint
kt_pdf_table_add_column (KtPdfTable *table,
                         const char *title,
                         KtPdfAlign  align)
{
  KtPdfColumn column = { g_strdup (title != NULL ? title : ""), align };

  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (table->rows->len == 0, 0);
  g_array_append_val (table->columns, column);
  return table->columns->len - 1;
}

void
kt_pdf_table_set_caption (KtPdfTable *table,
                          const char *caption)
{
  g_return_if_fail (table != NULL);
  g_free (table->caption);
  table->caption = g_strdup (caption);
}

void
kt_pdf_table_set_unit (KtPdfTable *table,
                       const char *unit)
{
  g_return_if_fail (table != NULL);
  g_free (table->unit);
  table->unit = g_strdup (unit);
}

void
kt_pdf_table_set_note (KtPdfTable *table,
                       const char *note)
{
  g_return_if_fail (table != NULL);
  g_free (table->note);
  table->note = g_strdup (note);
}

void
kt_pdf_table_set_repeat_columns (KtPdfTable *table,
                                 guint       n_columns)
{
  g_return_if_fail (table != NULL);
  table->repeat_columns = n_columns;
}

void
kt_pdf_table_set_font_size (KtPdfTable *table,
                            double      size)
{
  g_return_if_fail (table != NULL);
  g_return_if_fail (size >= 5.0 && size <= 20.0);
  table->font_size = size;
}

void
kt_pdf_table_set_landscape (KtPdfTable *table,
                            gboolean    landscape)
{
  g_return_if_fail (table != NULL);
  table->landscape = landscape;
}

void
kt_pdf_table_set_show_header (KtPdfTable *table,
                              gboolean    show)
{
  g_return_if_fail (table != NULL);
  table->show_header = show;
}

void
kt_pdf_table_set_plain (KtPdfTable *table,
                        gboolean    plain)
{
  g_return_if_fail (table != NULL);
  table->plain = plain;
}

void
kt_pdf_table_add_row (KtPdfTable         *table,
                      KtPdfRowStyle       style,
                      const char * const *cells)
{
  KtPdfRow *row;
  guint n;

  g_return_if_fail (table != NULL);
  g_return_if_fail (cells != NULL);
  g_return_if_fail (table->columns->len > 0);

  n = table->columns->len;
  row = g_new0 (KtPdfRow, 1);
  row->style = style;
  row->cells = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    row->cells[i] = g_strdup (style == KT_PDF_ROW_SECTION && i > 0 ? ""
                              : cells[i] != NULL ? cells[i] : "");
  g_ptr_array_add (table->rows, row);
}

void
kt_pdf_table_add_cells (KtPdfTable    *table,
                        KtPdfRowStyle  style,
                        const char    *first,
                        ...)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  va_list args;

  g_return_if_fail (table != NULL);

  va_start (args, first);
  for (const char *cell = first; cell != NULL; cell = va_arg (args, const char *))
    g_ptr_array_add (cells, (gpointer) cell);
  va_end (args);
  /* Missing trailing cells are empty. */
  while (cells->len < table->columns->len)
    g_ptr_array_add (cells, NULL);
  g_return_if_fail (cells->len == table->columns->len);
  kt_pdf_table_add_row (table, style, (const char * const *) cells->pdata);
}

void
kt_pdf_table_add_number_row (KtPdfTable    *table,
                             KtPdfRowStyle  style,
                             const char    *label,
                             const double  *values,
                             guint          n_values,
                             int            decimals,
                             KtLang         lang)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (table != NULL);
  g_return_if_fail (values != NULL || n_values == 0);
  g_return_if_fail (n_values + 1 <= table->columns->len);

  g_ptr_array_add (cells, g_strdup (label));
  for (guint i = 0; i < n_values; i++)
    g_ptr_array_add (cells, kt_format_number (values[i], decimals, lang));
  while (cells->len < table->columns->len)
    g_ptr_array_add (cells, NULL);
  kt_pdf_table_add_row (table, style, (const char * const *) cells->pdata);
}

guint
kt_pdf_table_get_n_columns (KtPdfTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->columns->len;
}

guint
kt_pdf_table_get_n_rows (KtPdfTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->rows->len;
}
