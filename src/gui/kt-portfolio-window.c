/* kt-portfolio-window.c — the appraiser's window: submissions, ranking, chart, one submission, compare
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window holds one KtPortfolioDb for the main thread.  Imports and
 * exports run in GTask threads that open their own handle on the same file
 * (a handle belongs to one thread; SQLite's locks share the file).
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "kt-appraisal-report.h"
#include "kt-catalogue.h"
#include "kt-portfolio-chart.h"
#include "kt-portfolio-compare.h"
#include "kt-portfolio-ranking.h"
#include "kt-portfolio-window.h"
#include "kt-window.h"

struct _KtPortfolioWindow
{
  AdwApplicationWindow  parent_instance;

  KtPortfolioDb        *db;
  GSettings            *settings;      /* the app's; NULL without an app (tests) */

  GtkStack             *title_stack;
  AdwWindowTitle       *page_title;
  GtkWidget            *back_button;
  GtkWidget            *import_button;
  GtkRevealer          *warning_revealer;
  GtkLabel             *warning_label;
  GtkRevealer          *progress_revealer;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  GtkWidget            *cancel_button;
  guint                 pulse_id;
  AdwToastOverlay      *toasts;
  GtkStack             *pages;
  AdwViewStack         *views;
  KtPortfolioList      *list;
  GtkWidget            *ranking;
  GtkWidget            *chart;
  GtkWidget            *compare;
  KtSubmissionPage     *page;

  GCancellable         *cancellable;
  KtImportSummary      *summary;
  GError               *export_error;
  guint                 busy;
};

G_DEFINE_FINAL_TYPE (KtPortfolioWindow, kt_portfolio_window, ADW_TYPE_APPLICATION_WINDOW)

/* ---- helpers ---- */

static KtMoneyUnit
money_unit (KtPortfolioWindow *self)
{
  g_autofree char *unit = self->settings != NULL ? g_settings_get_string (self->settings, "money-unit") : NULL;

  if (g_strcmp0 (unit, "dong") == 0)
    return KT_MONEY_DONG;
  if (g_strcmp0 (unit, "million") == 0)
    return KT_MONEY_MILLION;
  return KT_MONEY_BILLION;
}

static void
toast (KtPortfolioWindow *self,
       const char        *message)
{
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

static void
error_dialog (KtPortfolioWindow *self,
              const char        *heading,
              const char        *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_actions (KtPortfolioWindow *self)
{
  gboolean writable = self->db != NULL && !kt_portfolio_db_is_read_only (self->db);
  gboolean idle = self->busy == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", writable && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-folder", writable && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-catalogue", self->db != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.verify", self->db != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-portfolio", idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-portfolio", idle);
}

/* The views read the portfolio again (after an import, a score, a decision). */
static void
reload_views (KtPortfolioWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (!kt_portfolio_list_reload (self->list, &error))
    toast (self, error->message);
  if (self->db == NULL)
    return;
  g_clear_error (&error);
  if (!kt_portfolio_ranking_reload (KT_PORTFOLIO_RANKING (self->ranking), self->db, &error))
    g_debug ("ranking: %s", error->message);
  g_clear_error (&error);
  if (!kt_portfolio_chart_reload (KT_PORTFOLIO_CHART (self->chart), self->db, &error))
    g_debug ("chart: %s", error->message);
}

static void
update_title (KtPortfolioWindow *self)
{
  g_autofree char *base = self->db != NULL ? g_path_get_basename (kt_portfolio_db_get_path (self->db)) : NULL;
  const char *visible = gtk_stack_get_visible_child_name (self->pages);

  gtk_window_set_title (GTK_WINDOW (self), _("Appraiser’s Portfolio"));
  if (g_strcmp0 (visible, "views") == 0)
    {
      gtk_stack_set_visible_child_name (self->title_stack, "switcher");
      gtk_widget_set_visible (self->back_button, FALSE);
      gtk_widget_set_visible (self->import_button, TRUE);
    }
  else
    {
      adw_window_title_set_title (self->page_title,
                                  g_strcmp0 (visible, "compare") == 0 ? _("Compare Submissions")
                                  : kt_submission_page_get_title (self->page));
      adw_window_title_set_subtitle (self->page_title, base);
      gtk_stack_set_visible_child_name (self->title_stack, "title");
      gtk_widget_set_visible (self->back_button, TRUE);
      gtk_widget_set_visible (self->import_button, FALSE);
    }
}

static char **
file_list (GListModel *files)
{
  GPtrArray *paths = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (files);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GFile) file = g_list_model_get_item (files, i);
      char *path = g_file_get_path (file);

      if (path != NULL)
        g_ptr_array_add (paths, path);
    }
  g_ptr_array_add (paths, NULL);
  return (char **) g_ptr_array_free (paths, FALSE);
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  /* g_ptr_array_sort passes pointers to the elements. */
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The .khathi files directly in `folder`, sorted by name. */
static char **
folder_files (GFile   *folder,
              GError **error)
{
  g_autoptr (GFileEnumerator) e = g_file_enumerate_children (folder,
                                                             G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                                             G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                                             G_FILE_QUERY_INFO_NONE, NULL, error);
  g_autoptr (GPtrArray) paths = NULL;

  if (e == NULL)
    return NULL;
  paths = g_ptr_array_new ();
  for (;;)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;

      if (!g_file_enumerator_iterate (e, &info, &child, NULL, error))
        {
          g_ptr_array_set_free_func (paths, g_free);
          return NULL;
        }
      if (info == NULL)
        break;
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR
          && g_str_has_suffix (g_file_info_get_name (info), ".khathi"))
        g_ptr_array_add (paths, g_file_get_path (child));
    }
  g_ptr_array_sort (paths, compare_paths);
  g_ptr_array_add (paths, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&paths), FALSE);
}

/* ---- import ---- */

static gboolean
pulse_cb (gpointer user_data)
{
  gtk_progress_bar_pulse (GTK_PROGRESS_BAR (user_data));
  return G_SOURCE_CONTINUE;
}

static void
set_busy (KtPortfolioWindow *self,
          const char        *message,
          gboolean           cancellable)
{
  if (message != NULL)
    {
      self->busy++;
      gtk_label_set_text (self->progress_label, message);
      gtk_widget_set_visible (self->cancel_button, cancellable);
      gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
      if (self->pulse_id == 0)
        self->pulse_id = g_timeout_add (120, pulse_cb, self->progress_bar);
    }
  else if (self->busy > 0 && --self->busy == 0)
    {
      gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
      g_clear_handle_id (&self->pulse_id, g_source_remove);
    }
  update_actions (self);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (KtPortfolioWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  KtImportSummary *summary = kt_portfolio_import_files_finish (result, &error);
  g_autofree char *line = NULL;

  (void) source;
  g_clear_object (&self->cancellable);
  set_busy (self, NULL, FALSE);
  if (summary == NULL)
    {
      error_dialog (self, _("Import Failed"), error->message);
      return;
    }
  g_clear_pointer (&self->summary, kt_import_summary_free);
  self->summary = summary;
  reload_views (self);
  line = g_strdup_printf (_("%u imported, %u already present, %u failed"),
                          summary->n_imported, summary->n_duplicates, summary->n_failed);
  if (summary->n_failed == 0 && !summary->cancelled)
    {
      toast (self, line);
      return;
    }
  {
    GString *body = g_string_new (line);

    if (summary->cancelled)
      g_string_append_printf (body, "\n%s", _("The import was cancelled; the files imported before "
                                              "stay in the portfolio."));
    for (guint i = 0; i < summary->errors->len; i++)
      g_string_append_printf (body, "\n\n%s", (const char *) summary->errors->pdata[i]);
    error_dialog (self, summary->n_failed > 0 ? _("Some Submissions Were Not Imported") : _("Import Cancelled"),
                  body->str);
    g_string_free (body, TRUE);
  }
}

static void
cancel_clicked_cb (GtkButton         *button,
                   KtPortfolioWindow *self)
{
  (void) button;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

static void
import_files_response_cb (GtkNativeDialog   *dialog,
                          int                response,
                          KtPortfolioWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_auto (GStrv) paths = NULL;
      g_autoptr (GError) error = NULL;

      if (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (dialog)) == GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER)
        {
          g_autoptr (GFile) folder = g_list_model_get_item (files, 0);

          paths = folder != NULL ? folder_files (folder, &error) : NULL;
          if (paths == NULL)
            error_dialog (self, _("The Folder Cannot Be Read"), error != NULL ? error->message : NULL);
          else if (paths[0] == NULL)
            error_dialog (self, _("No Submissions in This Folder"),
                          _("The folder holds no .khathi file."));
        }
      else
        paths = file_list (files);
      if (paths != NULL && paths[0] != NULL)
        kt_portfolio_window_import (self, (const char * const *) paths);
    }
  g_object_unref (dialog);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KtPortfolioWindow *self = KT_PORTFOLIO_WINDOW (widget);
  gboolean folder = g_strcmp0 (action_name, "win.import-folder") == 0;
  GtkFileChooserNative *chooser;

  (void) parameter;
  chooser = gtk_file_chooser_native_new (folder ? _("Import a Folder of Submissions") : _("Import Submissions"),
                                         GTK_WINDOW (self),
                                         folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                                : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  if (!folder)
    {
      gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
      add_filter (GTK_FILE_CHOOSER (chooser), _("Feasibility studies (.khathi)"), "*.khathi");
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_files_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- exports ---- */

typedef struct {
  char             *db_path;
  char             *path;
  gint64            id;          /* > 0: the appraisal report of this submission */
  KtCatalogueFormat format;
  char             *sha;
} ExportJob;

static void
export_job_free (gpointer p)
{
  ExportJob *job = p;

  g_free (job->db_path);
  g_free (job->path);
  g_free (job->sha);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr (KtPortfolioDb) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *bytes = NULL;
  gsize len = 0;
  gboolean ok;

  (void) source;
  (void) cancellable;
  db = kt_portfolio_db_open (job->db_path, KT_PORTFOLIO_OPEN_NO_CHECK, &error);
  if (db == NULL || kt_portfolio_db_get_rubric (db, &error) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  ok = job->id > 0 ? kt_appraisal_report_write (db, job->id, job->path, &error)
                   : kt_catalogue_write (db, NULL, job->format, job->path, &error);
  /* The export is logged with the hash of what was written, as the CLI does. */
  if (ok && g_file_get_contents (job->path, &bytes, &len, &error))
    {
      job->sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) bytes, len);
      if (!kt_portfolio_db_is_read_only (db))
        ok = kt_portfolio_db_log_export (db, job->id > 0 ? "report-pdf" : kt_catalogue_format_key (job->format),
                                         job->path, job->sha, NULL, job->id, &error);
    }
  else
    ok = FALSE;
  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  KtPortfolioWindow *self = KT_PORTFOLIO_WINDOW (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));

  (void) user_data;
  g_clear_error (&self->export_error);
  set_busy (self, NULL, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &self->export_error))
    {
      error_dialog (self, _("The Export Failed"), self->export_error->message);
      return;
    }
  {
    g_autofree char *base = g_path_get_basename (job->path);
    g_autofree char *line = g_strdup_printf (_("“%s” written"), base);

    toast (self, line);
  }
  /* The audit log of the page gained an entry. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->pages), "submission") == 0)
    kt_submission_page_show (self->page, self->db, kt_submission_page_get_id (self->page), NULL);
}

static void
start_export (KtPortfolioWindow *self,
              gint64             id,
              KtCatalogueFormat  format,
              const char        *path)
{
  g_autoptr (GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (self->db != NULL);
  job = g_new0 (ExportJob, 1);
  job->db_path = g_strdup (kt_portfolio_db_get_path (self->db));
  job->path = g_strdup (path);
  job->id = id;
  job->format = format;
  set_busy (self, id > 0 ? _("Writing the appraisal report…") : _("Writing the catalogue…"), FALSE);
  task = g_task_new (self, NULL, export_done_cb, NULL);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
export_response_cb (GtkNativeDialog   *dialog,
                    int                response,
                    KtPortfolioWindow *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "kt-id"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path == NULL)
        ;
      else if (id > 0)
        {
          if (!g_str_has_suffix (path, ".pdf"))
            {
              char *with = g_strconcat (path, ".pdf", NULL);

              g_free (path);
              path = with;
            }
          kt_portfolio_window_export_report (self, id, path);
        }
      else
        {
          KtCatalogueFormat format;
          GtkFileFilter *filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));
          const char *ext = filter != NULL ? g_object_get_data (G_OBJECT (filter), "kt-ext") : NULL;

          /* No known extension typed: the chosen filter's. */
          if (!kt_catalogue_format_from_path (path, &format))
            {
              char *with = g_strconcat (path, ext != NULL ? ext : ".pdf", NULL);

              g_free (path);
              path = with;
            }
          kt_portfolio_window_export_catalogue (self, path);
        }
    }
  g_object_unref (dialog);
}

static void
open_export_chooser (KtPortfolioWindow *self,
                     gint64             id)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (id > 0 ? _("Export Appraisal Report") : _("Export Catalogue"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  g_object_set_data (G_OBJECT (chooser), "kt-id", GSIZE_TO_POINTER ((gsize) id));
  if (id > 0)
    {
      g_autofree char *name = g_strdup_printf (_("appraisal-%lld.pdf"), (long long) id);

      add_filter (GTK_FILE_CHOOSER (chooser), _("PDF documents"), "*.pdf");
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  else
    {
      const struct { const char *name; const char *pattern; const char *ext; } filters[] = {
        { N_("PDF document"), "*.pdf", ".pdf" },
        { N_("Spreadsheet (XLSX)"), "*.xlsx", ".xlsx" },
        { N_("Comma-separated values (CSV)"), "*.csv", ".csv" },
      };

      for (gsize i = 0; i < G_N_ELEMENTS (filters); i++)
        {
          g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

          if (i == 1 && !kt_catalogue_has_xlsx ())
            continue;
          gtk_file_filter_set_name (filter, _(filters[i].name));
          gtk_file_filter_add_pattern (filter, filters[i].pattern);
          g_object_set_data (G_OBJECT (filter), "kt-ext", (gpointer) filters[i].ext);
          gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
        }
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("catalogue.pdf"));
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_catalogue_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  (void) action_name;
  (void) parameter;
  open_export_chooser (KT_PORTFOLIO_WINDOW (widget), 0);
}

/* ---- open, new, verify ---- */

static void
open_response_cb (GtkNativeDialog   *dialog,
                  int                response,
                  KtPortfolioWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr (GError) error = NULL;

      if (path != NULL && !kt_portfolio_window_open_path (self, path, &error))
        error_dialog (self, _("The Portfolio Cannot Be Opened"), error->message);
    }
  g_object_unref (dialog);
}

static void
open_portfolio_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  KtPortfolioWindow *self = KT_PORTFOLIO_WINDOW (widget);
  gboolean create = g_strcmp0 (action_name, "win.new-portfolio") == 0;
  GtkFileChooserNative *chooser;

  (void) parameter;
  chooser = gtk_file_chooser_native_new (create ? _("New Portfolio") : _("Open Portfolio"), GTK_WINDOW (self),
                                         create ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         create ? _("_Create") : _("_Open"), _("_Cancel"));
  add_filter (GTK_FILE_CHOOSER (chooser), _("Portfolios (.sqlite)"), "*.sqlite");
  if (create)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("portfolio.sqlite"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
verify_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  KtPortfolioWindow *self = KT_PORTFOLIO_WINDOW (widget);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *head = NULL;
  g_autofree char *body = NULL;
  gint64 n = 0;
  GtkWidget *dialog;

  (void) action_name;
  (void) parameter;
  if (self->db == NULL)
    return;
  if (!kt_portfolio_db_verify (self->db, problems, &n, &head, &error))
    {
      error_dialog (self, _("The Audit Log Cannot Be Checked"), error->message);
      return;
    }
  if (kt_portfolio_db_get_warning (self->db) != NULL)
    g_ptr_array_add (problems, g_strdup (kt_portfolio_db_get_warning (self->db)));
  if (problems->len == 0)
    {
      body = g_strdup_printf (_("The log is intact: %lld entries; last hash %s.\n\nRecord the last hash "
                                "outside the portfolio to detect a rewritten log later."),
                              (long long) n, head);
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Audit Log Intact"), body);
    }
  else
    {
      GString *text = g_string_new (NULL);

      for (guint i = 0; i < problems->len; i++)
        g_string_append_printf (text, "%s%s", i ? "\n" : "", (const char *) problems->pdata[i]);
      dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                       ngettext ("The Portfolio Was Altered or Damaged: %u Problem",
                                                 "The Portfolio Was Altered or Damaged: %u Problems",
                                                 problems->len), text->str);
      adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                         ngettext ("The Portfolio Was Altered or Damaged: %u Problem",
                                                   "The Portfolio Was Altered or Damaged: %u Problems",
                                                   problems->len), problems->len);
      g_string_free (text, TRUE);
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  (void) action_name;
  (void) parameter;
  kt_portfolio_window_show_views (KT_PORTFOLIO_WINDOW (widget));
}

/* ---- signal callbacks ---- */

static void
submission_activated_cb (GtkWidget         *source,
                         gint64             id,
                         KtPortfolioWindow *self)
{
  g_autoptr (GError) error = NULL;

  (void) source;
  if (!kt_portfolio_window_show_submission (self, id, &error))
    error_dialog (self, _("The Submission Cannot Be Shown"), error->message);
}

static void
compare_cb (KtPortfolioList   *list,
            KtPortfolioWindow *self)
{
  g_autoptr (GArray) ids = kt_portfolio_list_get_selected_ids (list);
  g_autoptr (GError) error = NULL;

  if (!kt_portfolio_window_compare (self, (const gint64 *) ids->data, ids->len, &error))
    error_dialog (self, _("The Submissions Cannot Be Compared"), error->message);
}

static void
page_changed_cb (KtSubmissionPage  *page,
                 KtPortfolioWindow *self)
{
  (void) page;
  reload_views (self);
}

static void
export_report_cb (KtSubmissionPage  *page,
                  gint64             id,
                  KtPortfolioWindow *self)
{
  (void) page;
  open_export_chooser (self, id);
}

static void
open_in_editor_cb (KtSubmissionPage  *page,
                   gint64             id,
                   KtPortfolioWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr (GError) error = NULL;
  g_autoptr (KtProject) project = NULL;
  KtWindow *window;

  (void) page;
  if (app == NULL || self->db == NULL)
    return;
  project = kt_portfolio_db_load_project (self->db, id, &error);
  if (project == NULL)
    {
      error_dialog (self, _("The Submission Cannot Be Opened"), error->message);
      return;
    }
  /* A new unsaved study: saving asks for a file, so the stored submission
   * (the bytes its SHA-256 certifies) is never written over. */
  window = kt_window_new (KT_APPLICATION (app));
  kt_window_set_new_project (window, project, NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static void
money_unit_changed_cb (GSettings         *settings,
                       const char        *key,
                       KtPortfolioWindow *self)
{
  (void) settings;
  (void) key;
  kt_portfolio_list_set_money_unit (self->list, money_unit (self));
  kt_submission_page_set_money_unit (self->page, money_unit (self));
}

/* ---- construction ---- */

static void
kt_portfolio_window_dispose (GObject *object)
{
  KtPortfolioWindow *self = KT_PORTFOLIO_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (self->list != NULL)
    kt_portfolio_list_set_db (self->list, NULL);
  if (self->page != NULL)
    kt_submission_page_clear (self->page);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (kt_portfolio_window_parent_class)->dispose (object);
}

static void
kt_portfolio_window_finalize (GObject *object)
{
  KtPortfolioWindow *self = KT_PORTFOLIO_WINDOW (object);

  g_clear_pointer (&self->db, kt_portfolio_db_free);
  g_clear_pointer (&self->summary, kt_import_summary_free);
  g_clear_error (&self->export_error);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (kt_portfolio_window_parent_class)->finalize (object);
}

static void
kt_portfolio_window_class_init (KtPortfolioWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kt_portfolio_window_dispose;
  object_class->finalize = kt_portfolio_window_finalize;
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.import-folder", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.open-portfolio", NULL, open_portfolio_action);
  gtk_widget_class_install_action (widget_class, "win.new-portfolio", NULL, open_portfolio_action);
  gtk_widget_class_install_action (widget_class, "win.export-catalogue", NULL,
                                   export_catalogue_action);
  gtk_widget_class_install_action (widget_class, "win.verify", NULL, verify_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
}

static GMenuModel *
window_menu (void)
{
  GMenu *menu = g_menu_new ();
  GMenu *section = g_menu_new ();

  g_menu_append (section, _("_Open Portfolio…"), "win.open-portfolio");
  g_menu_append (section, _("_New Portfolio…"), "win.new-portfolio");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);
  section = g_menu_new ();
  g_menu_append (section, _("_Import Submissions…"), "win.import");
  g_menu_append (section, _("Import a _Folder…"), "win.import-folder");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);
  section = g_menu_new ();
  g_menu_append (section, _("_Export Catalogue…"), "win.export-catalogue");
  g_menu_append (section, _("_Verify Audit Log"), "win.verify");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);
  section = g_menu_new ();
  g_menu_append (section, _("_Help"), "app.help");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);
  return G_MENU_MODEL (menu);
}

static void
kt_portfolio_window_init (KtPortfolioWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *menu_button = gtk_menu_button_new ();
  GtkWidget *switcher = adw_view_switcher_title_new ();
  GtkWidget *switcher_bar = adw_view_switcher_bar_new ();
  GtkWidget *views_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *warning = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *progress = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autoptr (GMenuModel) menu = window_menu ();
  AdwViewStackPage *vp;

  g_object_set_data_full (G_OBJECT (self), "kt-help-topic", g_strdup ("portfolio"), g_free);
  gtk_window_set_title (GTK_WINDOW (self), _("Appraiser’s Portfolio"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1340, 780);

  /* Header: Back or Import at the start, the view switcher or the page title. */
  self->back_button = gtk_button_new_from_icon_name ("go-previous-symbolic");
  gtk_widget_set_tooltip_text (self->back_button, _("Back"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->back_button), "win.back");
  gtk_widget_set_visible (self->back_button, FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->back_button);
  self->import_button = gtk_button_new_from_icon_name ("document-open-symbolic");
  gtk_widget_set_tooltip_text (self->import_button, _("Import Submissions…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->import_button), "win.import");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->import_button);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "open-menu-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), menu);
  gtk_widget_set_tooltip_text (menu_button, _("Main Menu"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), menu_button);
  self->page_title = ADW_WINDOW_TITLE (adw_window_title_new (NULL, NULL));
  self->title_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->title_stack, switcher, "switcher");
  gtk_stack_add_named (self->title_stack, GTK_WIDGET (self->page_title), "title");
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title_stack));
  gtk_box_append (GTK_BOX (box), header);

  /* The read-only warning: AdwBanner is libadwaita 1.3. */
  self->warning_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->warning_label, TRUE);
  gtk_label_set_xalign (self->warning_label, 0.0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->warning_label), TRUE);
  gtk_box_append (GTK_BOX (warning), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_box_append (GTK_BOX (warning), GTK_WIDGET (self->warning_label));
  gtk_widget_add_css_class (warning, "kt-portfolio-warning");
  self->warning_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->warning_revealer, warning);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->warning_revealer));

  /* Import and export progress: the engine reports no fraction, so it pulses. */
  self->progress_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->progress_label, 0.0);
  self->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->progress_bar), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->progress_bar), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (progress), GTK_WIDGET (self->progress_label));
  gtk_box_append (GTK_BOX (progress), GTK_WIDGET (self->progress_bar));
  self->cancel_button = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_box_append (GTK_BOX (progress), self->cancel_button);
  gtk_widget_set_margin_start (progress, 12);
  gtk_widget_set_margin_end (progress, 12);
  gtk_widget_set_margin_top (progress, 6);
  gtk_widget_set_margin_bottom (progress, 6);
  self->progress_revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->progress_revealer, progress);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress_revealer));

  /* The views, and the pages pushed over them. */
  self->views = ADW_VIEW_STACK (adw_view_stack_new ());
  /* Only the shown view is measured: a reload of one must not lay out the others. */
  adw_view_stack_set_hhomogeneous (self->views, FALSE);
  adw_view_stack_set_vhomogeneous (self->views, FALSE);
  self->list = KT_PORTFOLIO_LIST (kt_portfolio_list_new ());
  vp = adw_view_stack_add_titled (self->views, GTK_WIDGET (self->list), "submissions",
                                  _("Submissions"));
  adw_view_stack_page_set_icon_name (vp, "view-list-symbolic");
  self->ranking = kt_portfolio_ranking_new ();
  vp = adw_view_stack_add_titled (self->views, self->ranking, "ranking", _("Ranking"));
  adw_view_stack_page_set_icon_name (vp, "view-sort-descending-symbolic");
  self->chart = kt_portfolio_chart_new ();
  vp = adw_view_stack_add_titled (self->views, self->chart, "chart", _("Chart"));
  adw_view_stack_page_set_icon_name (vp, "x-office-presentation-symbolic");
  adw_view_switcher_title_set_stack (ADW_VIEW_SWITCHER_TITLE (switcher), self->views);
  adw_view_switcher_bar_set_stack (ADW_VIEW_SWITCHER_BAR (switcher_bar), self->views);
  g_object_bind_property (switcher, "title-visible", switcher_bar, "reveal", G_BINDING_SYNC_CREATE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->views), TRUE);
  gtk_box_append (GTK_BOX (views_box), GTK_WIDGET (self->views));
  gtk_box_append (GTK_BOX (views_box), switcher_bar);

  self->page = KT_SUBMISSION_PAGE (kt_submission_page_new ());
  self->compare = kt_portfolio_compare_new ();
  self->pages = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_hhomogeneous (self->pages, FALSE);
  gtk_stack_set_vhomogeneous (self->pages, FALSE);
  gtk_stack_set_transition_type (self->pages, GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT_RIGHT);
  gtk_stack_add_named (self->pages, views_box, "views");
  gtk_stack_add_named (self->pages, GTK_WIDGET (self->page), "submission");
  gtk_stack_add_named (self->pages, self->compare, "compare");
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, GTK_WIDGET (self->pages));
  gtk_widget_set_vexpand (GTK_WIDGET (self->toasts), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (self), box);

  g_signal_connect (self->cancel_button, "clicked", G_CALLBACK (cancel_clicked_cb), self);
  g_signal_connect (self->list, "submission-activated", G_CALLBACK (submission_activated_cb), self);
  g_signal_connect (self->list, "compare", G_CALLBACK (compare_cb), self);
  g_signal_connect (self->ranking, "submission-activated", G_CALLBACK (submission_activated_cb), self);
  g_signal_connect (self->chart, "submission-activated", G_CALLBACK (submission_activated_cb), self);
  g_signal_connect (self->page, "submission-activated", G_CALLBACK (submission_activated_cb), self);
  g_signal_connect (self->page, "changed", G_CALLBACK (page_changed_cb), self);
  g_signal_connect (self->page, "export-report", G_CALLBACK (export_report_cb), self);
  g_signal_connect (self->page, "open-in-editor", G_CALLBACK (open_in_editor_cb), self);
  update_actions (self);
}

/* ---- public API ---- */

KtPortfolioWindow *
kt_portfolio_window_new (KtApplication *application,
                         const char    *path)
{
  KtPortfolioWindow *self = g_object_new (KT_TYPE_PORTFOLIO_WINDOW, "application", application, NULL);
  g_autofree char *def = NULL;
  g_autoptr (GError) error = NULL;

  if (application != NULL)
    {
      self->settings = g_object_ref (kt_application_get_settings (application));
      g_signal_connect_object (self->settings, "changed::money-unit",
                               G_CALLBACK (money_unit_changed_cb),
                               self, 0);
      money_unit_changed_cb (self->settings, "money-unit", self);
    }
  if (path == NULL)
    path = def = kt_portfolio_db_default_path ();
  if (!kt_portfolio_window_open_path (self, path, &error))
    {
      /* The window still opens: Open Portfolio… can pick another file. */
      gtk_label_set_text (self->warning_label, error->message);
      gtk_revealer_set_reveal_child (self->warning_revealer, TRUE);
    }
  return self;
}

gboolean
kt_portfolio_window_open_path (KtPortfolioWindow  *self,
                               const char         *path,
                               GError            **error)
{
  g_autofree char *dir = NULL;
  KtPortfolioDb *db;
  const char *warning;

  g_return_val_if_fail (KT_IS_PORTFOLIO_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  /* The default portfolio's folder may not exist yet. */
  dir = g_path_get_dirname (path);
  g_mkdir_with_parents (dir, 0700);
  db = kt_portfolio_db_open (path, KT_PORTFOLIO_OPEN_DEFAULT, error);
  if (db == NULL)
    return FALSE;
  if (kt_portfolio_db_get_rubric (db, error) == NULL)
    {
      kt_portfolio_db_free (db);
      return FALSE;
    }
  kt_portfolio_window_show_views (self);
  kt_submission_page_clear (self->page);
  kt_portfolio_list_set_db (self->list, NULL);
  g_clear_pointer (&self->db, kt_portfolio_db_free);
  self->db = db;
  kt_portfolio_list_set_db (self->list, db);
  warning = kt_portfolio_db_get_warning (db);
  if (warning != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("This portfolio is open read-only: %s"), warning);

      gtk_label_set_text (self->warning_label, text);
    }
  gtk_revealer_set_reveal_child (self->warning_revealer, warning != NULL);
  reload_views (self);
  update_title (self);
  update_actions (self);
  return TRUE;
}

KtPortfolioDb *
kt_portfolio_window_get_db (KtPortfolioWindow *self)
{
  g_return_val_if_fail (KT_IS_PORTFOLIO_WINDOW (self), NULL);
  return self->db;
}

KtPortfolioList *
kt_portfolio_window_get_list (KtPortfolioWindow *self)
{
  g_return_val_if_fail (KT_IS_PORTFOLIO_WINDOW (self), NULL);
  return self->list;
}

KtSubmissionPage *
kt_portfolio_window_get_page (KtPortfolioWindow *self)
{
  g_return_val_if_fail (KT_IS_PORTFOLIO_WINDOW (self), NULL);
  return self->page;
}

void
kt_portfolio_window_import (KtPortfolioWindow  *self,
                            const char * const *files)
{
  g_autofree char *message = NULL;
  guint n;

  g_return_if_fail (KT_IS_PORTFOLIO_WINDOW (self));
  g_return_if_fail (files != NULL);
  if (self->db == NULL || kt_portfolio_db_is_read_only (self->db))
    {
      toast (self, _("This portfolio is read-only: nothing can be imported"));
      return;
    }
  n = g_strv_length ((char **) files);
  message = g_strdup_printf (ngettext ("Importing %u submission…", "Importing %u submissions…", n), n);
  set_busy (self, message, TRUE);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  kt_portfolio_import_files_async (kt_portfolio_db_get_path (self->db), files,
                                   kt_portfolio_default_appraiser (),
                                   self->cancellable, import_done_cb, g_object_ref (self));
}

const KtImportSummary *
kt_portfolio_window_get_import_summary (KtPortfolioWindow *self)
{
  g_return_val_if_fail (KT_IS_PORTFOLIO_WINDOW (self), NULL);
  return self->summary;
}

void
kt_portfolio_window_export_report (KtPortfolioWindow *self,
                                   gint64             id,
                                   const char        *path)
{
  g_return_if_fail (KT_IS_PORTFOLIO_WINDOW (self));
  g_return_if_fail (id > 0 && path != NULL);
  start_export (self, id, KT_CATALOGUE_PDF, path);
}

void
kt_portfolio_window_export_catalogue (KtPortfolioWindow *self,
                                      const char        *path)
{
  KtCatalogueFormat format;

  g_return_if_fail (KT_IS_PORTFOLIO_WINDOW (self));
  g_return_if_fail (path != NULL);
  if (!kt_catalogue_format_from_path (path, &format))
    {
      g_clear_error (&self->export_error);
      g_set_error_literal (&self->export_error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                           _("The catalogue’s file name must end in .pdf, .xlsx or .csv"));
      error_dialog (self, _("The Export Failed"), self->export_error->message);
      return;
    }
  start_export (self, 0, format, path);
}

const GError *
kt_portfolio_window_get_export_error (KtPortfolioWindow *self)
{
  g_return_val_if_fail (KT_IS_PORTFOLIO_WINDOW (self), NULL);
  return self->export_error;
}

gboolean
kt_portfolio_window_is_busy (KtPortfolioWindow *self)
{
  g_return_val_if_fail (KT_IS_PORTFOLIO_WINDOW (self), FALSE);
  return self->busy > 0;
}

gboolean
kt_portfolio_window_show_submission (KtPortfolioWindow  *self,
                                     gint64              id,
                                     GError            **error)
{
  g_return_val_if_fail (KT_IS_PORTFOLIO_WINDOW (self), FALSE);
  if (self->db == NULL)
    {
      g_set_error_literal (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_NOT_FOUND,
                           _("No portfolio is open"));
      return FALSE;
    }
  if (!kt_submission_page_show (self->page, self->db, id, error))
    return FALSE;
  gtk_stack_set_visible_child_name (self->pages, "submission");
  update_title (self);
  return TRUE;
}

gboolean
kt_portfolio_window_compare (KtPortfolioWindow  *self,
                             const gint64       *ids,
                             guint               n_ids,
                             GError            **error)
{
  g_return_val_if_fail (KT_IS_PORTFOLIO_WINDOW (self), FALSE);
  if (self->db == NULL)
    {
      g_set_error_literal (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_NOT_FOUND,
                           _("No portfolio is open"));
      return FALSE;
    }
  if (!kt_portfolio_compare_show (KT_PORTFOLIO_COMPARE (self->compare), self->db, ids, n_ids, error))
    return FALSE;
  gtk_stack_set_visible_child_name (self->pages, "compare");
  update_title (self);
  return TRUE;
}

void
kt_portfolio_window_show_views (KtPortfolioWindow *self)
{
  g_return_if_fail (KT_IS_PORTFOLIO_WINDOW (self));
  gtk_stack_set_visible_child_name (self->pages, "views");
  update_title (self);
}

void
kt_portfolio_window_set_view (KtPortfolioWindow *self,
                              const char        *name)
{
  g_return_if_fail (KT_IS_PORTFOLIO_WINDOW (self));
  kt_portfolio_window_show_views (self);
  adw_view_stack_set_visible_child_name (self->views, name);
}
