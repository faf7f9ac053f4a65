/* bench-portfolio.c — timing the portfolio: imports, and list/filter/sort/search over many rows
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-portfolio [--imports N] [--list N] [--db PATH] [--repeat N]
 *
 * Imports N submissions from files (the samples with fresh project ids), one
 * transaction each as `khathi-cli portfolio import` does; then, to reach the
 * --list row count without recomputing thousands of files, clones the
 * imported rows with raw SQL (no audit entries: the database is throwaway)
 * and times the listing API, which builds every KtSubmission.  Not a test.
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <gsl/gsl_errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kt-portfolio-db.h"

static const char * const samples[] = {
  "can-tho-smart-traffic.khathi", "can-tho-health-records.khathi", "can-tho-agri-uav.khathi",
};

static char *
with_fresh_id (const char *xml)
{
  g_autofree char *uuid = g_uuid_string_random ();
  const char *a = strstr (xml, "<id>");
  const char *b = a != NULL ? strstr (a, "</id>") : NULL;

  if (b == NULL)
    return g_strdup (xml);
  return g_strdup_printf ("%.*s<id>%s%s", (int) (a - xml), xml, uuid, b);
}

/* CPU time of this process, to tell its own cost from waiting on a busy machine. */
static double
cpu_seconds (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

typedef struct {
  const char       *label;
  KtPortfolioQuery  query;
  gboolean          rank;
} Case;

int
main (int    argc,
      char **argv)
{
  int imports = 1000, list = 10000, repeat = 7;
  g_autofree char *db_path = NULL;
  GOptionEntry entries[] = {
    { "imports", 0, 0, G_OPTION_ARG_INT, &imports, "Submissions to import (default 1000)", "N" },
    { "list", 0, 0, G_OPTION_ARG_INT, &list, "Rows to list (default 10000)", "N" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "Database (default: a temporary file)", "PATH" },
    { "repeat", 0, 0, G_OPTION_ARG_INT, &repeat, "Runs per listing case (median reported)", "N" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("— portfolio benchmark");
  g_autoptr (GError) error = NULL;
  g_autoptr (KtPortfolioDb) db = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *data_dir = NULL;
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  gint64 t0, t1;
  double c0, c1;
  int failed = 0;
  sqlite3 *raw;
  Case cases[8];
  int n_cases = 0;

  gsl_set_error_handler_off ();
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (g_getenv ("KHATHI_DATA_DIR") == NULL)
    g_setenv ("KHATHI_DATA_DIR", SOURCE_DATADIR, TRUE);
  data_dir = g_strdup (g_getenv ("KHATHI_DATA_DIR"));
  dir = g_dir_make_tmp ("kt-bench-portfolio-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (db_path == NULL)
    db_path = g_build_filename (dir, "portfolio.sqlite", NULL);

  /* The files, written first so their creation is not timed. */
  for (int i = 0; i < imports; i++)
    {
      g_autofree char *src = g_build_filename (data_dir, "samples", samples[i % 3], NULL);
      g_autofree char *xml = NULL;
      g_autofree char *out = NULL;
      char *path = g_strdup_printf ("%s/s%05d.khathi", dir, i);

      if (!g_file_get_contents (src, &xml, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 2;
        }
      out = with_fresh_id (xml);
      g_file_set_contents (path, out, -1, NULL);
      g_ptr_array_add (paths, path);
    }

  db = kt_portfolio_db_open (db_path, KT_PORTFOLIO_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  raw = kt_portfolio_db_get_handle (db);

  c0 = cpu_seconds ();
  t0 = g_get_monotonic_time ();
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr (GError) e = NULL;

      if (!kt_portfolio_db_import_file (db, paths->pdata[i], "bench", NULL, NULL, &e))
        {
          if (failed++ < 3)
            g_printerr ("%s\n", e->message);
        }
    }
  t1 = g_get_monotonic_time ();
  c1 = cpu_seconds ();
  printf ("import: %d files in %.2f s wall, %.2f s CPU (%.1f ms per file, one transaction each), "
          "%d failed\n", imports, (t1 - t0) / 1e6, c1 - c0,
          imports > 0 ? (t1 - t0) / 1e3 / imports : 0.0, failed);

  /* Clone rows up to --list (raw SQL; see the file comment). */
  {
    int have = 0;
    sqlite3_stmt *stmt = NULL;

    sqlite3_prepare_v2 (raw, "SELECT count(*), coalesce (max (id), 0) FROM submission", -1, &stmt, NULL);
    if (sqlite3_step (stmt) == SQLITE_ROW)
      have = sqlite3_column_int (stmt, 0);
    sqlite3_finalize (stmt);
    if (have == 0)
      {
        g_printerr ("nothing imported\n");
        return 2;
      }
    t0 = g_get_monotonic_time ();
    sqlite3_exec (raw, "BEGIN", NULL, NULL, NULL);
    while (have < list)
      {
        char sql[2048];
        int batch = MIN (have, list - have);

        g_snprintf (sql, sizeof sql,
          "INSERT INTO submission (project_id, version, file_name, sha256, size, imported_at,"
          " imported_by, name_vi, name_en, name_sort, proposer, province, field, domain, form,"
          " rule_set, rubric_id, total_investment, project_npv, project_irr, equity_irr, dscr_min,"
          " payback, discounted_payback, bcr, fiscal_npv, peak_commitment, enpv, eirr, ebcr, wacc,"
          " hurdle_rate, social_rate, min_dscr, n_errors, n_legal_failed, psc, vfm, summary)"
          " SELECT lower (hex (randomblob (16))), 1, file_name, lower (hex (randomblob (32))), size,"
          " imported_at, imported_by, name_vi || ' ' || id, name_en, name_sort || id, proposer,"
          " province, field, domain, form, rule_set, rubric_id,"
          " total_investment * (0.5 + abs (random () %% 1000) / 1000.0), project_npv,"
          " project_irr + (abs (random () %% 100) - 50) / 10000.0, equity_irr, dscr_min, payback,"
          " discounted_payback, bcr, fiscal_npv, peak_commitment, enpv, eirr, ebcr, wacc,"
          " hurdle_rate, social_rate, min_dscr, n_errors, n_legal_failed, psc, vfm,"
          /* The packed row (kt-portfolio-summary.c): the low mantissa bytes of
           * total investment (bytes 33–40) and project IRR (49–56) randomised,
           * so sorting sees distinct keys in random order. */
          " CAST (substr (summary, 1, 32) || randomblob (3) || substr (summary, 36, 13)"
          " || randomblob (3) || substr (summary, 52) AS BLOB)"
          " FROM submission ORDER BY id LIMIT %d", batch);
        if (sqlite3_exec (raw, sql, NULL, NULL, NULL) != SQLITE_OK)
          {
            g_printerr ("clone: %s\n", sqlite3_errmsg (raw));
            return 2;
          }
        have += batch;
      }
    sqlite3_exec (raw, "INSERT INTO submission_fts (rowid, name_vi, name_en, proposer, narrative)"
                       " SELECT id, name_vi, name_en, proposer, '' FROM submission"
                       " WHERE id NOT IN (SELECT submission_id FROM submission_file)", NULL, NULL, NULL);
    sqlite3_exec (raw, "INSERT INTO submission_result (submission_id, results)"
                       " SELECT s.id, (SELECT results FROM submission_result ORDER BY submission_id"
                       " LIMIT 1) FROM submission s WHERE s.id NOT IN"
                       " (SELECT submission_id FROM submission_result)", NULL, NULL, NULL);
    sqlite3_exec (raw, "COMMIT", NULL, NULL, NULL);
    sqlite3_exec (raw, "ANALYZE", NULL, NULL, NULL);
    t1 = g_get_monotonic_time ();
    printf ("rows: %d (cloned to reach --list in %.2f s)\n", have, (t1 - t0) / 1e6);
  }

#define CASE(l) (cases[n_cases].label = (l), kt_portfolio_query_init (&cases[n_cases].query), \
                 cases[n_cases].rank = FALSE, &cases[n_cases++].query)
  {
    KtPortfolioQuery *q;

    CASE ("list all, by id");
    q = CASE ("list all, by name (Vietnamese order)");
    q->sort = KT_PORTFOLIO_SORT_NAME;
    q = CASE ("list all, by investment descending");
    q->sort = KT_PORTFOLIO_SORT_INVESTMENT;
    q->descending = TRUE;
    q = CASE ("filter form=bto, by IRR descending");
    q->form = "bto";
    q->sort = KT_PORTFOLIO_SORT_IRR;
    q->descending = TRUE;
    q = CASE ("filter pending + latest, by name");
    q->decision = "pending";
    q->latest_only = TRUE;
    q->sort = KT_PORTFOLIO_SORT_NAME;
    q = CASE ("search \"giao thông\" (FTS), by investment");
    q->search = "giao thông";
    q->sort = KT_PORTFOLIO_SORT_INVESTMENT;
    q = CASE ("search \"can tho\" (FTS, every row)");
    q->search = "can tho";
    CASE ("rank (aggregate scores)");
    cases[n_cases - 1].rank = TRUE;
  }
#undef CASE

  for (int c = 0; c < n_cases; c++)
    {
      g_autofree double *times = g_new (double, MAX (repeat, 1));
      g_autofree double *cpu = g_new (double, MAX (repeat, 1));
      guint rows = 0;

      for (int r = 0; r < MAX (repeat, 1); r++)
        {
          GPtrArray *out;

          c0 = cpu_seconds ();
          t0 = g_get_monotonic_time ();
          out = cases[c].rank ? kt_portfolio_db_rank (db, &error)
                              : kt_portfolio_db_list (db, &cases[c].query, &error);
          t1 = g_get_monotonic_time ();
          if (out == NULL)
            {
              g_printerr ("%s: %s\n", cases[c].label, error->message);
              return 2;
            }
          rows = out->len;
          g_ptr_array_unref (out);
          times[r] = (t1 - t0) / 1e3;
          cpu[r] = (cpu_seconds () - c0) * 1e3;
        }
      qsort (times, MAX (repeat, 1), sizeof (double), compare_double);
      qsort (cpu, MAX (repeat, 1), sizeof (double), compare_double);
      printf ("%-42s %6u rows  median %7.2f ms wall, %7.2f ms CPU  (wall min %.2f, max %.2f)\n",
              cases[c].label, rows, times[MAX (repeat, 1) / 2], cpu[MAX (repeat, 1) / 2], times[0],
              times[MAX (repeat, 1) - 1]);
    }

  g_clear_pointer (&db, kt_portfolio_db_free);
  for (guint i = 0; i < paths->len; i++)
    g_remove (paths->pdata[i]);
  g_ptr_array_unref (paths);
  if (strstr (db_path, dir) == db_path)
    {
      g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

      g_remove (db_path);
      g_remove (wal);
      g_remove (shm);
    }
  g_rmdir (dir);
  return 0;
}
