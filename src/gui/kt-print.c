/* kt-print.c — printing a laid-out report through GtkPrintOperation, with the PDF's own renderer
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "kt-print.h"

#define PDF_KEY "kt-print-pdf"

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                KtPdf             *pdf)
{
  gtk_print_operation_set_n_pages (operation, (int) kt_pdf_get_n_pages (pdf));
}

/* Each sheet in the orientation the layout gave its page; A4 unless the
 * user chose another paper in the dialog. */
static void
request_page_setup_cb (GtkPrintOperation *operation,
                       GtkPrintContext   *context,
                       int                page_nr,
                       GtkPageSetup      *setup,
                       KtPdf             *pdf)
{
  if (page_nr < 0 || (guint) page_nr >= kt_pdf_get_n_pages (pdf))
    return;
  gtk_page_setup_set_orientation (setup,
                                  kt_pdf_get_page_orientation (pdf, page_nr) == KT_PDF_LANDSCAPE
                                  ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                  : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              KtPdf             *pdf)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width, height, sheet_w, sheet_h, scale;

  if (page_nr < 0 || (guint) page_nr >= kt_pdf_get_n_pages (pdf))
    return;
  kt_pdf_get_page_size (pdf, page_nr, &width, &height);
  /* GTK_UNIT_POINTS with the full page: the context is the sheet in points. */
  sheet_w = gtk_print_context_get_width (context);
  sheet_h = gtk_print_context_get_height (context);
  scale = MIN (sheet_w / width, sheet_h / height);
  /* A4 on A4 gives 1 up to rounding: keep it exact then. */
  if (scale > 0.995 && scale < 1.005)
    scale = 1.0;
  kt_pdf_draw_page (pdf, cr, page_nr, scale);
}

GtkPrintOperation *
kt_print_operation_new (KtPdf      *pdf,
                        const char *job_name)
{
  GtkPrintOperation *operation;
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  g_return_val_if_fail (pdf != NULL, NULL);
  g_return_val_if_fail (kt_pdf_get_n_pages (pdf) > 0, NULL);

  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), PDF_KEY, pdf, (GDestroyNotify) kt_pdf_free);

  /* The layout already has the Decree 30 margins: no printer margins on top. */
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (operation, (int) kt_pdf_get_n_pages (pdf));
  gtk_print_operation_set_embed_page_setup (operation, FALSE);
  if (job_name != NULL)
    gtk_print_operation_set_job_name (operation, job_name);

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), pdf);
  g_signal_connect (operation, "request-page-setup", G_CALLBACK (request_page_setup_cb), pdf);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), pdf);
  return operation;
}

KtPdf *
kt_print_operation_get_pdf (GtkPrintOperation *operation)
{
  g_return_val_if_fail (GTK_IS_PRINT_OPERATION (operation), NULL);
  return g_object_get_data (G_OBJECT (operation), PDF_KEY);
}
