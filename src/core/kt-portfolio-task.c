/* kt-portfolio-task.c — importing many submissions in a worker thread (GTask)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The thread opens its own handle on the portfolio (a KtPortfolioDb belongs
 * to one thread); each file is its own transaction, so cancelling between
 * files keeps everything imported so far.
 */
#include "config.h"

#include <gio/gio.h>

#include "kt-portfolio-db.h"

typedef struct {
  char  *db_path;
  char **files;
  char  *appraiser;
} ImportJob;

static void
import_job_free (gpointer p)
{
  ImportJob *job = p;

  g_free (job->db_path);
  g_strfreev (job->files);
  g_free (job->appraiser);
  g_free (job);
}

void
kt_import_summary_free (KtImportSummary *summary)
{
  if (summary == NULL)
    return;
  g_clear_pointer (&summary->errors, g_ptr_array_unref);
  g_clear_pointer (&summary->ids, g_array_unref);
  g_free (summary);
}

static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr (KtPortfolioDb) db = NULL;
  g_autoptr (GError) error = NULL;
  KtImportSummary *summary;

  db = kt_portfolio_db_open (job->db_path, KT_PORTFOLIO_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  summary = g_new0 (KtImportSummary, 1);
  summary->errors = g_ptr_array_new_with_free_func (g_free);
  summary->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; job->files[i] != NULL; i++)
    {
      g_autoptr (GError) e = NULL;
      KtImportResult r;

      if (g_cancellable_is_cancelled (cancellable))
        {
          summary->cancelled = TRUE;
          break;
        }
      if (!kt_portfolio_db_import_file (db, job->files[i], job->appraiser, NULL, &r, &e))
        {
          summary->n_failed++;
          g_ptr_array_add (summary->errors, g_strdup (e->message));
          /* Nothing more can be written: the remaining files would fail the same way. */
          if (g_error_matches (e, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_READ_ONLY)
              || g_error_matches (e, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_FULL)
              || g_error_matches (e, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_IO))
            break;
          continue;
        }
      if (r.duplicate)
        summary->n_duplicates++;
      else
        summary->n_imported++;
      g_array_append_val (summary->ids, r.id);
    }
  g_task_return_pointer (task, summary, (GDestroyNotify) kt_import_summary_free);
}

void
kt_portfolio_import_files_async (const char          *db_path,
                                 const char * const  *files,
                                 const char          *appraiser,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  ImportJob *job;

  g_return_if_fail (db_path != NULL && files != NULL);
  job = g_new0 (ImportJob, 1);
  job->db_path = g_strdup (db_path);
  job->files = g_strdupv ((char **) files);
  job->appraiser = g_strdup (appraiser);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, kt_portfolio_import_files_async);
  g_task_set_task_data (task, job, import_job_free);
  g_task_run_in_thread (task, import_thread);
}

KtImportSummary *
kt_portfolio_import_files_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
