/* kt-report-page.h — the editor's Report section: the proposal as PDF or print, the statements as XLSX
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report's language (default: the interface's) is independent of the
 * interface.  Monte Carlo results come from the Results page's finished run
 * when there is one, else a run with the study's own settings (iterations,
 * seed, sampling) is made while exporting.  The fingerprint on every page is
 * the SHA-256 of the file on disk: with unsaved changes the page says so and
 * offers to save first.  Rendering runs in a thread with progress and Cancel;
 * a toast with "Open" follows success, an error dialog naming the file a
 * failure.
 */
#pragma once

#include <adwaita.h>

#include "kt-format.h"
#include "kt-results-page.h"
#include "kt-window.h"

G_BEGIN_DECLS

#define KT_TYPE_REPORT_PAGE (kt_report_page_get_type ())
G_DECLARE_FINAL_TYPE (KtReportPage, kt_report_page, KT, REPORT_PAGE, AdwBin)

/* `results` (may be NULL) lends its finished Monte Carlo run. */
GtkWidget *kt_report_page_new              (KtWindow      *window,
                                            KtResultsPage *results);

KtLang     kt_report_page_get_lang         (KtReportPage  *self);
void       kt_report_page_set_lang         (KtReportPage  *self,
                                            KtLang         lang);
gboolean   kt_report_page_get_include_simulation (KtReportPage *self);
void       kt_report_page_set_include_simulation (KtReportPage *self,
                                                  gboolean      include);
/* TRUE while an export or a print is being prepared. */
gboolean   kt_report_page_is_busy          (KtReportPage  *self);
void       kt_report_page_cancel           (KtReportPage  *self);

/* With a file chooser (GtkFileChooserNative) or the print dialog. */
void       kt_report_page_export_pdf       (KtReportPage  *self);
void       kt_report_page_export_xlsx      (KtReportPage  *self);
void       kt_report_page_print            (KtReportPage  *self);

/* Without dialogs (tests, scripts): writes to `file` in a thread, with the
 * page's progress and Cancel; `callback` runs after the success toast or the
 * error dialog. */
void       kt_report_page_export_pdf_to    (KtReportPage        *self,
                                            GFile               *file,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
void       kt_report_page_export_xlsx_to   (KtReportPage        *self,
                                            GFile               *file,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean   kt_report_page_export_finish    (KtReportPage        *self,
                                            GAsyncResult        *result,
                                            GError             **error);
/* Lays the report out in a thread and returns a print operation of it
 * (kt-print.h), ready for gtk_print_operation_run (). */
void       kt_report_page_prepare_print    (KtReportPage        *self,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
GtkPrintOperation *kt_report_page_prepare_print_finish (KtReportPage  *self,
                                                        GAsyncResult  *result,
                                                        GError       **error);

/* The preview's page count, 0 until one is laid out; whether the page warns
 * that the study has unsaved changes (for tests). */
guint      kt_report_page_get_preview_pages (KtReportPage *self);
gboolean   kt_report_page_warns_unsaved    (KtReportPage *self);

G_END_DECLS
