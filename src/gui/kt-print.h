/* kt-print.h — printing a laid-out report through GtkPrintOperation, with the PDF's own renderer
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pages are the PDF's (kt_pdf_draw_page ()): A4, each page portrait or
 * landscape as laid out, drawn on the full sheet in points since the layout
 * already holds the Decree 30 margins (DOMAIN.md §9).  A printer with another
 * paper size gets each page scaled down to fit, never cropped.
 */
#pragma once

#include <gtk/gtk.h>

#include "kt-pdf.h"

G_BEGIN_DECLS

/* A print operation of `pdf` (laid out, kt_proposal_layout ()); takes
 * ownership of `pdf`, which lives as long as the operation.  `job_name`
 * names the print job and the suggested file of "Print to File". */
GtkPrintOperation *kt_print_operation_new (KtPdf      *pdf,
                                           const char *job_name);
/* The document of an operation made by kt_print_operation_new (). */
KtPdf             *kt_print_operation_get_pdf (GtkPrintOperation *operation);

G_END_DECLS
