/* test-report-page.c — the Report section: PDF and XLSX export, printing to a PDF file, errors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under Xvfb (exit 77 without a display).  A sample is opened in a window and
 * the Report section shown; exports go through the page's API (not the file
 * chooser).  KHATHI_SCREENSHOT_DIR=dir also writes the page as PNG there, in
 * the current theme and language (KHATHI_DARK=1 for the dark style).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gsl/gsl_errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "kt-application.h"
#include "kt-print.h"
#include "kt-report-font.h"
#include "kt-report-page.h"
#include "kt-rules.h"
#include "kt-window.h"

static KtApplication *app;

typedef struct {
  KtWindow     *window;
  KtReportPage *page;
  char         *tmp;
} Fixture;

static char *
sample_path (const char *name)
{
  return g_build_filename (kt_data_dir (), "samples", name, NULL);
}

static void
iterate (void)
{
  for (int i = 0; i < 200 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

static void
wait_for (gboolean (*done) (gpointer data),
          gpointer   data,
          double     seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static gboolean
not_loading (gpointer data)
{
  return !kt_window_is_loading (data);
}

static gboolean
preview_shown (gpointer data)
{
  return kt_report_page_get_preview_pages (data) > 0;
}

static gboolean
result_set (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
save_widget_png (GtkWidget  *widget,
                 const char *path)
{
  GdkPaintable *paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_object_unref (paintable);
}

/* Copies the sample to a temporary folder (the test may save it) and opens it. */
static void
fixture_open (Fixture    *f,
              const char *sample)
{
  g_autofree char *source = sample_path (sample);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  GtkStack *pages;
  gsize length;

  f->tmp = g_dir_make_tmp ("khathi-report-page-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->tmp, sample, NULL);
  g_assert_true (g_file_get_contents (source, &contents, &length, &error));
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  file = g_file_new_for_path (path);

  f->window = kt_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 820);
  gtk_window_present (GTK_WINDOW (f->window));
  kt_window_open_file (f->window, file);
  wait_for (not_loading, f->window, 30);
  g_assert_nonnull (kt_window_get_project (f->window));

  kt_window_show_section (f->window, "report");
  g_assert_cmpstr (kt_window_get_section (f->window), ==, "report");
  pages = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (f->window), KT_TYPE_WINDOW,
                                                    "pages"));
  f->page = KT_REPORT_PAGE (gtk_stack_get_child_by_name (pages, "report"));
  g_assert_true (KT_IS_REPORT_PAGE (f->page));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static void
fixture_close (Fixture *f)
{
  g_autoptr (GDir) dir = g_dir_open (f->tmp, 0, NULL);
  const char *name;

  /* Unsaved edits would ask before closing: the test never saves them. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate ();
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->tmp, name, NULL);
      g_remove (path);
    }
  g_rmdir (f->tmp);
  g_free (f->tmp);
}

static gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

/* pdfinfo's page count and landscape pages. */
static void
pdfinfo_pages (const char *pdf,
               guint      *n_pages,
               guint      *n_landscape)
{
  const char *argv[] = { "pdfinfo", "-f", "1", "-l", "9999", pdf, NULL };
  g_autofree char *out = NULL;
  g_auto (GStrv) lines = NULL;
  int status = 0;
  g_autoptr (GError) error = NULL;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  *n_pages = *n_landscape = 0;
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      double w, h;
      unsigned page;

      if (sscanf (lines[i], "Page %u size: %lf x %lf", &page, &w, &h) == 3)
        {
          (*n_pages)++;
          if (w > h)
            (*n_landscape)++;
          g_assert_cmpfloat_with_epsilon (MIN (w, h), 595.276, 0.5);
          g_assert_cmpfloat_with_epsilon (MAX (w, h), 841.89, 0.5);
        }
    }
}

static char *
pdftotext_page (const char *pdf,
                int         page)
{
  g_autofree char *number = g_strdup_printf ("%d", page);
  const char *argv[] = { "pdftotext", "-f", number, "-l", number, pdf, "-", NULL };
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, NULL));
  return out;
}

static AdwMessageDialog *
find_dialog (GtkWindow *parent)
{
  GListModel *windows = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (windows); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (windows, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == parent)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
test_export_and_print (void)
{
  Fixture f = { 0 };
  g_autofree char *pdf_path = NULL;
  g_autofree char *print_path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GFile) pdf_file = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GtkPrintOperation) operation = NULL;
  g_autoptr (GError) error = NULL;
  gsize length = 0;
  guint preview_pages, n_pages, n_landscape, print_pages, print_landscape;

  fixture_open (&f, "can-tho-smart-traffic.khathi");
  /* The default language is the interface's (C.UTF-8: English). */
  g_assert_cmpint (kt_report_page_get_lang (f.page), ==, kt_lang_current ());
  /* The sample has distributions: Monte Carlo is on by default. */
  g_assert_true (kt_report_page_get_include_simulation (f.page));
  g_assert_false (kt_report_page_is_busy (f.page));

  /* The preview lays the report out once the page shows. */
  kt_report_page_set_include_simulation (f.page, FALSE);
  kt_report_page_set_lang (f.page, KT_LANG_EN);
  wait_for (preview_shown, f.page, 60);
  preview_pages = kt_report_page_get_preview_pages (f.page);
  g_assert_cmpuint (preview_pages, >=, 15);

  /* Export PDF through the page's API. */
  pdf_path = g_build_filename (f.tmp, "report.pdf", NULL);
  pdf_file = g_file_new_for_path (pdf_path);
  kt_report_page_export_pdf_to (f.page, pdf_file, store_result_cb, &result);
  g_assert_true (kt_report_page_is_busy (f.page));
  wait_for (result_set, &result, 120);
  g_assert_true (kt_report_page_export_finish (f.page, result, &error));
  g_assert_no_error (error);
  g_assert_false (kt_report_page_is_busy (f.page));
  g_clear_object (&result);

  g_assert_true (g_file_get_contents (pdf_path, &contents, &length, &error));
  g_assert_cmpuint (length, >, 10000);
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  if (have_program ("pdfinfo"))
    {
      pdfinfo_pages (pdf_path, &n_pages, &n_landscape);
      g_assert_cmpuint (n_pages, ==, preview_pages);
      g_assert_cmpuint (n_landscape, >, 0);
    }
  else
    n_pages = preview_pages, n_landscape = 0;
  if (have_program ("pdftotext"))
    {
      g_autofree char *page2 = pdftotext_page (pdf_path, 2);
      g_autofree char *sha = NULL;
      g_autofree char *study_path = g_build_filename (f.tmp, "can-tho-smart-traffic.khathi",
                                                      NULL);
      g_autoptr (GFile) study = g_file_new_for_path (study_path);
      g_autoptr (GBytes) bytes = g_file_load_bytes (study, NULL, NULL, &error);

      g_assert_no_error (error);
      sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
      /* English, no simulation, and the saved file's fingerprint in the footer. */
      g_assert_nonnull (strstr (page2, "Page 2 of"));
      g_assert_nonnull (strstr (page2, "no Monte Carlo"));
      g_assert_nonnull (strstr (page2, sha));
    }

  /* Printing: the same pages through GtkPrintOperation, exported to PDF. */
  kt_report_page_prepare_print (f.page, store_result_cb, &result);
  wait_for (result_set, &result, 120);
  operation = kt_report_page_prepare_print_finish (f.page, result, &error);
  g_assert_no_error (error);
  g_assert_true (GTK_IS_PRINT_OPERATION (operation));
  g_assert_cmpuint (kt_pdf_get_n_pages (kt_print_operation_get_pdf (operation)), ==, n_pages);
  g_clear_object (&result);
  print_path = g_build_filename (f.tmp, "printed.pdf", NULL);
  gtk_print_operation_set_export_filename (operation, print_path);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            GTK_WINDOW (f.window), &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_true (g_file_test (print_path, G_FILE_TEST_IS_REGULAR));
  if (have_program ("pdfinfo"))
    {
      pdfinfo_pages (print_path, &print_pages, &print_landscape);
      g_assert_cmpuint (print_pages, ==, n_pages);
      g_assert_cmpuint (print_landscape, ==, n_landscape);
    }
  if (have_program ("pdftotext"))
    {
      g_autofree char *printed = pdftotext_page (print_path, 3);
      g_autofree char *exported = pdftotext_page (pdf_path, 3);

      /* The same text on the same page. */
      g_assert_cmpstr (printed, ==, exported);
    }
  if (g_getenv ("KHATHI_KEEP_REPORTS") != NULL)
    {
      g_autofree char *keep = g_build_filename (g_get_tmp_dir (), "khathi-printed.pdf", NULL);
      g_autofree char *keep2 = g_build_filename (g_get_tmp_dir (), "khathi-exported.pdf", NULL);

      g_rename (print_path, keep);
      g_rename (pdf_path, keep2);
    }
  fixture_close (&f);
}

/* Unsaved edits: the page warns, the PDF shows the edit but the fingerprint
 * of the file on disk. */
static void
test_unsaved (void)
{
  Fixture f = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *study_path = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  const char *shots = g_getenv ("KHATHI_SCREENSHOT_DIR");

  fixture_open (&f, "can-tho-smart-traffic.khathi");
  g_assert_false (kt_window_is_dirty (f.window));
  g_assert_false (kt_report_page_warns_unsaved (f.page));
  g_assert_true (kt_editor_set (kt_window_get_editor (f.window), "identity/province",
                                g_variant_new_string ("Tỉnh Hậu Giang"), FALSE, &error));
  g_assert_no_error (error);
  iterate ();
  g_assert_true (kt_window_is_dirty (f.window));
  g_assert_true (kt_report_page_warns_unsaved (f.page));

  wait_for (preview_shown, f.page, 60);
  if (shots != NULL)
    {
      g_autofree char *shot = g_build_filename (shots, "report-page.png", NULL);

      gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));
      iterate ();
      save_widget_png (GTK_WIDGET (f.window), shot);
    }
  if (shots != NULL)
    {
      /* Narrow: the sidebar folds away, the page still fits. */
      g_autofree char *shot = g_build_filename (shots, "report-page-narrow.png", NULL);

      gtk_window_set_default_size (GTK_WINDOW (f.window), 420, 820);
      for (int k = 0; k < 5; k++)
        {
          gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));
          iterate ();
        }
      save_widget_png (GTK_WIDGET (f.window), shot);
      gtk_window_set_default_size (GTK_WINDOW (f.window), 1200, 820);
      for (int k = 0; k < 5; k++)
        {
          gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));
          iterate ();
        }
    }
  if (shots != NULL)
    {
      /* The print dialog, then closed (cancels the print). */
      g_autofree char *shot = g_build_filename (shots, "report-print-dialog.png", NULL);
      GtkWindow *dialog = NULL;
      gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

      kt_report_page_print (f.page);
      while (dialog == NULL && g_get_monotonic_time () < deadline)
        {
          GListModel *windows = gtk_window_get_toplevels ();

          g_main_context_iteration (NULL, FALSE);
          g_usleep (2000);
          for (guint i = 0; i < g_list_model_get_n_items (windows); i++)
            {
              g_autoptr (GtkWindow) window = g_list_model_get_item (windows, i);

              if (g_str_equal (G_OBJECT_TYPE_NAME (window), "GtkPrintUnixDialog"))
                dialog = window;
            }
        }
      g_assert_nonnull (dialog);
      for (int k = 0; k < 20; k++)
        {
          gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
          iterate ();
        }
      save_widget_png (GTK_WIDGET (dialog), shot);
      gtk_window_close (dialog);
      iterate ();
      g_assert_false (kt_report_page_is_busy (f.page));
    }
  if (shots != NULL)
    {
      /* The progress of a run with Monte Carlo, then Cancel. */
      g_autofree char *shot = g_build_filename (shots, "report-page-busy.png", NULL);
      g_autofree char *busy_path = g_build_filename (f.tmp, "busy.pdf", NULL);
      g_autoptr (GFile) busy = g_file_new_for_path (busy_path);
      gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 8;

      kt_report_page_export_pdf_to (f.page, busy, store_result_cb, &result);
      while (g_get_monotonic_time () < until)
        {
          g_main_context_iteration (NULL, FALSE);
          g_usleep (2000);
        }
      g_assert_true (kt_report_page_is_busy (f.page));
      gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));
      save_widget_png (GTK_WIDGET (f.window), shot);
      kt_report_page_cancel (f.page);
      wait_for (result_set, &result, 120);
      g_clear_object (&result);
    }

  kt_report_page_set_lang (f.page, KT_LANG_EN);
  kt_report_page_set_include_simulation (f.page, FALSE);
  path = g_build_filename (f.tmp, "edited.pdf", NULL);
  file = g_file_new_for_path (path);
  kt_report_page_export_pdf_to (f.page, file, store_result_cb, &result);
  wait_for (result_set, &result, 120);
  g_assert_true (kt_report_page_export_finish (f.page, result, &error));
  g_assert_no_error (error);
  if (have_program ("pdftotext"))
    {
      g_autofree char *cover = pdftotext_page (path, 1);
      g_autofree char *page2 = pdftotext_page (path, 2);
      g_autofree char *sha = NULL;
      g_autoptr (GFile) study = NULL;
      g_autoptr (GBytes) bytes = NULL;

      study_path = g_build_filename (f.tmp, "can-tho-smart-traffic.khathi", NULL);
      study = g_file_new_for_path (study_path);
      bytes = g_file_load_bytes (study, NULL, NULL, &error);
      g_assert_no_error (error);
      sha = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
      /* The dating line takes the edited province. */
      g_assert_nonnull (strstr (cover, "Hậu Giang"));
      g_assert_nonnull (strstr (page2, sha));
    }
  /* Saving clears the warning. */
  g_assert_true (kt_window_save_to (f.window, kt_window_get_file (f.window), &error));
  g_assert_no_error (error);
  iterate ();
  g_assert_false (kt_report_page_warns_unsaved (f.page));
  fixture_close (&f);
}

static void
test_xlsx (void)
{
  Fixture f = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  gsize length = 0;

  fixture_open (&f, "can-tho-health-records.khathi");
  path = g_build_filename (f.tmp, "statements.xlsx", NULL);
  file = g_file_new_for_path (path);
  kt_report_page_set_include_simulation (f.page, FALSE);
  kt_report_page_export_xlsx_to (f.page, file, store_result_cb, &result);
  wait_for (result_set, &result, 120);
  if (!kt_report_page_export_finish (f.page, result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
    {
      AdwMessageDialog *dialog = find_dialog (GTK_WINDOW (f.window));

      if (dialog != NULL)
        gtk_window_destroy (GTK_WINDOW (dialog));
      fixture_close (&f);
      g_test_skip ("built without libxlsxwriter");
      return;
    }
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  /* An XLSX is a ZIP archive holding the workbook. */
  g_assert_cmpuint (length, >, 2000);
  g_assert_true (memcmp (contents, "PK\003\004", 4) == 0);
  g_assert_nonnull (memmem (contents, length, "xl/workbook.xml", strlen ("xl/workbook.xml")));
  fixture_close (&f);
}

/* A folder that does not exist: an error dialog names the file. */
static void
test_write_error (void)
{
  Fixture f = { 0 };
  g_autofree char *path = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  AdwMessageDialog *dialog;

  fixture_open (&f, "can-tho-smart-traffic.khathi");
  kt_report_page_set_include_simulation (f.page, FALSE);
  path = g_build_filename (f.tmp, "no-such-folder", "lost-report.pdf", NULL);
  file = g_file_new_for_path (path);
  kt_report_page_export_pdf_to (f.page, file, store_result_cb, &result);
  wait_for (result_set, &result, 120);
  g_assert_false (kt_report_page_export_finish (f.page, result, &error));
  g_assert_error (error, KT_PDF_ERROR, KT_PDF_ERROR_WRITE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  iterate ();
  dialog = find_dialog (GTK_WINDOW (f.window));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "lost-report.pdf"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_clear_object (&result);
  g_clear_error (&error);

  /* The report font missing: the dialog names the package to install. */
  g_setenv ("KHATHI_REPORT_FONT", "No Such Font Family", TRUE);
  g_clear_object (&file);
  g_free (path);
  path = g_build_filename (f.tmp, "no-font.pdf", NULL);
  file = g_file_new_for_path (path);
  kt_report_page_export_pdf_to (f.page, file, store_result_cb, &result);
  wait_for (result_set, &result, 120);
  g_unsetenv ("KHATHI_REPORT_FONT");
  g_assert_false (kt_report_page_export_finish (f.page, result, &error));
  g_assert_error (error, KT_REPORT_FONT_ERROR, KT_REPORT_FONT_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  iterate ();
  dialog = find_dialog (GTK_WINDOW (f.window));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "fonts-liberation2"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  fixture_close (&f);
}

/* Cancel during the Monte Carlo run: no file, no dialog, the page is idle again. */
static void
test_cancel (void)
{
  Fixture f = { 0 };
  g_autofree char *path = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  fixture_open (&f, "can-tho-agri-uav.khathi");
  g_assert_true (kt_report_page_get_include_simulation (f.page));
  path = g_build_filename (f.tmp, "cancelled.pdf", NULL);
  file = g_file_new_for_path (path);
  kt_report_page_export_pdf_to (f.page, file, store_result_cb, &result);
  kt_report_page_cancel (f.page);
  wait_for (result_set, &result, 120);
  g_assert_false (kt_report_page_export_finish (f.page, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (kt_report_page_is_busy (f.page));
  iterate ();
  g_assert_null (find_dialog (GTK_WINDOW (f.window)));
  fixture_close (&f);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr (GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("KHATHI_LOCALEDIR") ? g_getenv ("KHATHI_LOCALEDIR")
                                                                   : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (!gtk_init_check ())
    return 77;
  adw_init ();
  gsl_set_error_handler_off ();
  if (g_strcmp0 (g_getenv ("KHATHI_DARK"), "1") == 0)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);

  app = kt_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/gui/report-page/export-and-print", test_export_and_print);
  g_test_add_func ("/gui/report-page/unsaved", test_unsaved);
  g_test_add_func ("/gui/report-page/xlsx", test_xlsx);
  g_test_add_func ("/gui/report-page/write-error", test_write_error);
  g_test_add_func ("/gui/report-page/cancel", test_cancel);

  status = g_test_run ();
  g_object_unref (app);
  return status;
}
