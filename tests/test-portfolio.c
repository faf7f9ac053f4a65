/* test-portfolio.c — the appraiser's portfolio: schema, imports, search, audit, scoring, crash safety
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kt-claims.h"
#include "kt-portfolio-db.h"
#include "kt-project-file.h"
#include "kt-rubric.h"
#include "kt-schema.h"

static const char * const samples[] = {
  "can-tho-smart-traffic.khathi", "can-tho-health-records.khathi", "can-tho-agri-uav.khathi",
};

typedef struct {
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GError *error = NULL;

  f->dir = g_dir_make_tmp ("kt-portfolio-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "portfolio.sqlite", NULL);
}

static void
remove_tree (const char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);

      if (g_file_test (p, G_FILE_TEST_IS_DIR))
        remove_tree (p);
      else
        g_remove (p);
    }
  if (d != NULL)
    g_dir_close (d);
  g_rmdir (dir);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static char *
read_sample (const char *name,
             gsize      *length)
{
  g_autofree char *path = g_build_filename (g_getenv ("KHATHI_DATA_DIR"), "samples", name, NULL);
  char *data = NULL;
  GError *error = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

/* Replaces the first occurrence of the element's text: <tag>old</tag> → <tag>value</tag>. */
static char *
set_element (const char *xml,
             const char *tag,
             const char *value)
{
  g_autofree char *open = g_strdup_printf ("<%s>", tag);
  g_autofree char *close = g_strdup_printf ("</%s>", tag);
  const char *a = strstr (xml, open);
  const char *b;

  g_assert_nonnull (a);
  b = strstr (a, close);
  g_assert_nonnull (b);
  return g_strdup_printf ("%.*s%s%s%s", (int) (a - xml), xml, open, value, b);
}

/* A sample with a fresh project id: a distinct submission. */
static char *
fresh_sample (guint  i,
              gsize *length)
{
  g_autofree char *data = read_sample (samples[i % G_N_ELEMENTS (samples)], length);
  g_autofree char *uuid = g_uuid_string_random ();
  char *out = set_element (data, "id", uuid);

  *length = strlen (out);
  return out;
}

static KtPortfolioDb *
open_db (Fixture *f)
{
  GError *error = NULL;
  KtPortfolioDb *db = kt_portfolio_db_open (f->path, KT_PORTFOLIO_OPEN_DEFAULT, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_false (kt_portfolio_db_is_read_only (db));
  return db;
}

static gint64
import_sample (KtPortfolioDb *db,
               const char    *name)
{
  gsize len;
  g_autofree char *data = read_sample (name, &len);
  KtImportResult r;
  GError *error = NULL;

  g_assert_true (kt_portfolio_db_import_data (db, data, len, name, "Tester", NULL, &r, &error));
  g_assert_no_error (error);
  return r.id;
}

static int
raw_int (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int v = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    v = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return v;
}

static void
assert_verifies (KtPortfolioDb *db)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *head = NULL;
  GError *error = NULL;
  gint64 n = 0;

  g_assert_true (kt_portfolio_db_verify (db, problems, &n, &head, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("verify: %s", (char *) problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpint (strlen (head), ==, 64);
}

/* Undoes migration 2 → 3 in a raw connection (the state a version 2 file is in). */
#define DOWNGRADE_TO_V2 \
  "DROP TRIGGER claim_check_no_update; DROP TRIGGER claim_check_no_delete; DROP TABLE claim_check;" \
  "ALTER TABLE submission DROP COLUMN claims_mismatched;"

/* ---- tests ---- */

static void
test_migrate_empty (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (KtPortfolioDb) db = open_db (f);
  sqlite3 *raw = kt_portfolio_db_get_handle (db);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (kt_portfolio_db_get_schema_version (db), ==, KT_PORTFOLIO_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (raw, "PRAGMA user_version"), ==, KT_PORTFOLIO_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (raw, "PRAGMA application_id"), ==, 0x4B544850);
  g_assert_cmpint (raw_int (raw, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (raw_int (raw, "SELECT count(*) FROM sqlite_schema WHERE name = 'submission_fts'"), ==, 1);
  g_assert_cmpint (raw_int (raw, "SELECT count(*) FROM sqlite_schema WHERE name = 'score_appraiser'"), ==, 1);
  sqlite3_prepare_v2 (raw, "PRAGMA journal_mode", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_finalize (stmt);
  g_clear_pointer (&db, kt_portfolio_db_free);

  /* Reopening an up-to-date file changes nothing. */
  db = open_db (f);
  g_assert_cmpint (kt_portfolio_db_get_schema_version (db), ==, KT_PORTFOLIO_SCHEMA_VERSION);
  assert_verifies (db);
}

/* A file left at schema 1 (what version 1 of the app wrote) is brought up to date. */
static void
test_migrate_v1 (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (KtPortfolioDb) db = open_db (f);
  sqlite3 *raw = NULL;

  import_sample (db, samples[0]);
  g_clear_pointer (&db, kt_portfolio_db_free);
  g_assert_cmpint (sqlite3_open (f->path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, DOWNGRADE_TO_V2 "DROP INDEX score_appraiser;"
                                      "DROP INDEX submission_imported_by; PRAGMA user_version = 1",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
  db = open_db (f);
  raw = kt_portfolio_db_get_handle (db);
  g_assert_cmpint (raw_int (raw, "PRAGMA user_version"), ==, KT_PORTFOLIO_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (raw, "SELECT count(*) FROM sqlite_schema WHERE name = 'score_appraiser'"), ==, 1);
  g_assert_cmpint (raw_int (raw, "SELECT count(*) FROM sqlite_schema WHERE name = 'claim_check'"), ==, 1);
  g_assert_cmpint (raw_int (raw, "SELECT count(*) FROM submission"), ==, 1);
}

static char *
read_test_file (const char *name,
                gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", name, NULL);
  char *data = NULL;
  GError *error = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

static gint64
import_test_file (KtPortfolioDb *db,
                  const char    *name)
{
  gsize len;
  g_autofree char *data = read_test_file (name, &len);
  KtImportResult r;
  GError *error = NULL;

  g_assert_true (kt_portfolio_db_import_data (db, data, len, name, "Tester", NULL, &r, &error));
  g_assert_no_error (error);
  return r.id;
}

/* A file left at schema 2 (before claimed figures) keeps its submissions,
 * which claim nothing, and checks the claims of new imports. */
static void
test_migrate_v2 (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (KtPortfolioDb) db = open_db (f);
  g_autoptr (GPtrArray) claims = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (KtSubmission) old = NULL;
  g_autoptr (KtSubmission) wrong = NULL;
  sqlite3 *raw = NULL;
  GError *error = NULL;
  gint64 old_id, wrong_id;

  old_id = import_sample (db, samples[1]);
  g_clear_pointer (&db, kt_portfolio_db_free);
  g_assert_cmpint (sqlite3_open (f->path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, DOWNGRADE_TO_V2 "PRAGMA user_version = 2", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (raw_int (raw, "SELECT count(*) FROM pragma_table_info ('submission')"
                                 " WHERE name = 'claims_mismatched'"), ==, 0);
  sqlite3_close (raw);

  db = open_db (f);
  raw = kt_portfolio_db_get_handle (db);
  g_assert_cmpint (kt_portfolio_db_get_schema_version (db), ==, 3);
  g_assert_cmpint (raw_int (raw, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (raw_int (raw, "SELECT count(*) FROM claim_check"), ==, 0);
  old = kt_portfolio_db_get (db, old_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (old->n_claims_mismatched, ==, 0);
  g_assert_true (old->ind.project_npv > 2.1e10);
  claims = kt_portfolio_db_get_claims (db, old_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (claims->len, ==, 0);

  wrong_id = import_test_file (db, "wrong-claim.khathi");
  wrong = kt_portfolio_db_get (db, wrong_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (wrong->n_claims_mismatched, ==, 1);
  rows = kt_portfolio_db_list (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpint (((KtSubmission *) rows->pdata[0])->n_claims_mismatched, ==, 0);
  g_assert_cmpint (((KtSubmission *) rows->pdata[1])->n_claims_mismatched, ==, 1);
  /* The protecting triggers of the new table are in place and verified. */
  g_assert_cmpint (sqlite3_exec (raw, "DELETE FROM claim_check", NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
  assert_verifies (db);
}

/* The claims are checked against the recomputation and never used: the
 * samples, stamped by this engine, agree; the copy with a wrong NPV is
 * flagged on that figure alone and gets the sample's own figures. */
static void
test_claims_import (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (KtPortfolioDb) db = open_db (f);
  g_autoptr (KtSubmission) sample = NULL;
  g_autoptr (KtSubmission) wrong = NULL;
  g_autoptr (GPtrArray) claims = NULL;
  g_autofree char *results = NULL;
  GError *error = NULL;
  gint64 sample_id = 0, wrong_id;
  double own_npv = NAN;
  guint n_mismatched = 0;

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr (GPtrArray) checks = NULL;
      g_autoptr (KtSubmission) s = NULL;
      gint64 id = import_sample (db, samples[i]);

      if (i == 0)
        sample_id = id;
      checks = kt_portfolio_db_get_claims (db, id, &error);
      g_assert_no_error (error);
      /* Every figure is defined for the samples, so all eleven are claimed. */
      g_assert_cmpuint (checks->len, ==, 11);
      for (guint k = 0; k < checks->len; k++)
        {
          const KtClaimCheck *c = checks->pdata[k];

          if (!c->matches)
            g_test_message ("%s: %s claimed %.17g, recomputed %.17g", samples[i], c->key,
                            c->claimed, c->recomputed);
          g_assert_true (c->matches);
          g_assert_nonnull (c->label);
        }
      s = kt_portfolio_db_get (db, id, &error);
      g_assert_cmpint (s->n_claims_mismatched, ==, 0);
    }

  sample = kt_portfolio_db_get (db, sample_id, &error);
  g_assert_no_error (error);
  own_npv = sample->ind.project_npv;
  wrong_id = import_test_file (db, "wrong-claim.khathi");
  claims = kt_portfolio_db_get_claims (db, wrong_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (claims->len, ==, 11);
  for (guint k = 0; k < claims->len; k++)
    {
      const KtClaimCheck *c = claims->pdata[k];

      if (!c->matches)
        {
          n_mismatched++;
          g_assert_cmpstr (c->key, ==, "project-npv");
          g_assert_cmpstr (c->label, ==, "Project NPV");
          g_assert_cmpfloat (c->claimed, ==, 35283353162.65333);
          g_assert_cmpfloat (c->recomputed, ==, own_npv);
        }
    }
  g_assert_cmpuint (n_mismatched, ==, 1);

  wrong = kt_portfolio_db_get (db, wrong_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (wrong->n_claims_mismatched, ==, 1);
  /* Nothing trusts the claim: same figures, same errors as the honest sample. */
  g_assert_cmpfloat (wrong->ind.project_npv, ==, sample->ind.project_npv);
  g_assert_cmpint (wrong->n_errors, ==, sample->n_errors);
  g_assert_cmpint (wrong->n_legal_failed, ==, sample->n_legal_failed);

  results = kt_portfolio_db_get_results (db, wrong_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (results, "\"code\":\"claim_mismatch\",\"where\":\"claimed-figures/project-npv\""));
  {
    const char *npv = strstr (results, "\"key\":\"project-npv\",\"claimed\":35283353162.65");

    g_assert_nonnull (npv);
    g_assert_true (g_str_has_prefix (strstr (npv, "\"matches\":"), "\"matches\":false}"));
  }
  g_assert_null (strstr (results, "claimed-figures/equity-irr"));
  assert_verifies (db);
}

/* Money within the larger of 0.05 % and 1 000 000 ₫, rates within 0.0001,
 * ratios within 0.005, on either side; undefined never agrees. */
static void
test_claims_tolerance (void)
{
  /* 10 tỷ: 0.05 % is 5 000 000 ₫. */
  g_assert_true (kt_claims_match (KT_UNIT_VND, 1e10 + 5e6, 1e10));
  g_assert_true (kt_claims_match (KT_UNIT_VND, 1e10 - 5e6, 1e10));
  g_assert_false (kt_claims_match (KT_UNIT_VND, 1e10 + 5.001e6, 1e10));
  g_assert_false (kt_claims_match (KT_UNIT_VND, 1e10 - 5.001e6, 1e10));
  /* Near zero the 1 000 000 ₫ floor applies. */
  g_assert_true (kt_claims_match (KT_UNIT_VND, 1e6, 0));
  g_assert_true (kt_claims_match (KT_UNIT_VND, -4e5, 6e5));
  g_assert_false (kt_claims_match (KT_UNIT_VND, 1000001, 0));
  g_assert_false (kt_claims_match (KT_UNIT_VND, -1e6, 1e5));
  /* Rates: 0.01 percentage point. */
  g_assert_true (kt_claims_match (KT_UNIT_RATE, 0.1234, 0.12335));
  g_assert_true (kt_claims_match (KT_UNIT_RATE, 0.1235, 0.1234));
  g_assert_false (kt_claims_match (KT_UNIT_RATE, 0.12351, 0.1234));
  g_assert_false (kt_claims_match (KT_UNIT_RATE, 0.12329, 0.1234));
  /* Ratios: a DSCR quoted to two decimals agrees. */
  g_assert_true (kt_claims_match (KT_UNIT_FACTOR, 1.28, 1.2828837787602982));
  g_assert_true (kt_claims_match (KT_UNIT_FACTOR, 1.2875, 1.2828837787602982));
  g_assert_false (kt_claims_match (KT_UNIT_FACTOR, 1.27, 1.2828837787602982));
  g_assert_false (kt_claims_match (KT_UNIT_FACTOR, 1.29, 1.2828837787602982));
  /* An IRR the recomputation cannot find matches no claim. */
  g_assert_false (kt_claims_match (KT_UNIT_RATE, 0.1, NAN));
  g_assert_false (kt_claims_match (KT_UNIT_VND, INFINITY, INFINITY));
}

static void
test_import_resubmission (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (KtPortfolioDb) db = open_db (f);
  g_autoptr (KtSubmission) first = NULL;
  g_autoptr (KtSubmission) second = NULL;
  g_autoptr (GPtrArray) latest = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *orig = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *results = NULL;
  KtPortfolioQuery q;
  KtImportResult r;
  GError *error = NULL;
  gsize len;
  gint64 id;

  orig = read_sample (samples[0], &len);
  id = import_sample (db, samples[0]);
  g_assert_cmpint (id, >, 0);
  first = kt_portfolio_db_get (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first->version, ==, 1);
  g_assert_cmpint (first->previous_id, ==, 0);
  g_assert_cmpstr (first->imported_by, ==, "Tester");
  g_assert_cmpint (strlen (first->sha256), ==, 64);
  g_assert_true (isfinite (first->ind.total_investment) && first->ind.total_investment > 0);
  g_assert_cmpstr (first->form, ==, "bto");

  /* The original bytes are kept exactly. */
  bytes = kt_portfolio_db_get_file (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), orig, len);
  results = kt_portfolio_db_get_results (db, id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (results, "\"project_irr\":"));

  /* The same bytes again: not a new version. */
  g_assert_true (kt_portfolio_db_import_data (db, orig, len, "again.khathi", "Tester", NULL, &r, &error));
  g_assert_true (r.duplicate);
  g_assert_cmpint (r.id, ==, id);

  /* Same project id, other content: version 2 linked to version 1. */
  changed = set_element (orig, "inflation", "0.045");
  g_assert_true (kt_portfolio_db_import_data (db, changed, strlen (changed), "v2.khathi", NULL, NULL,
                                              &r, &error));
  g_assert_no_error (error);
  g_assert_false (r.duplicate);
  g_assert_cmpint (r.version, ==, 2);
  g_assert_cmpint (r.previous_id, ==, id);
  second = kt_portfolio_db_get (db, r.id, &error);
  g_assert_cmpint (second->previous_id, ==, id);
  g_assert_cmpstr (second->project_id, ==, first->project_id);
  g_assert_cmpstr (second->imported_by, ==, kt_portfolio_default_appraiser ());
  g_clear_pointer (&first, kt_submission_free);
  first = kt_portfolio_db_get (db, id, &error);
  g_assert_cmpint (first->next_id, ==, r.id);

  kt_portfolio_query_init (&q);
  q.latest_only = TRUE;
  latest = kt_portfolio_db_list (db, &q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (latest->len, ==, 1);
  g_assert_cmpint (((KtSubmission *) latest->pdata[0])->id, ==, r.id);

  /* An invalid file is refused and leaves nothing behind. */
  g_assert_false (kt_portfolio_db_import_data (db, "<not-a-project/>", 16, "bad.khathi", NULL, NULL,
                                               &r, &error));
  g_assert_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_INVALID_FILE);
  g_clear_error (&error);
  g_assert_cmpint (raw_int (kt_portfolio_db_get_handle (db), "SELECT count(*) FROM submission"), ==, 2);
  assert_verifies (db);
}

static guint
count_search (KtPortfolioDb *db,
              const char    *words)
{
  g_autoptr (GPtrArray) rows = NULL;
  KtPortfolioQuery q;
  GError *error = NULL;

  kt_portfolio_query_init (&q);
  q.search = words;
  rows = kt_portfolio_db_list (db, &q, &error);
  g_assert_no_error (error);
  return rows->len;
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (KtPortfolioDb) db = open_db (f);
  g_autoptr (GPtrArray) rows = NULL;
  KtPortfolioQuery q;
  GError *error = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (samples); i++)
    import_sample (db, samples[i]);
  g_assert_cmpuint (count_search (db, "Cần Thơ"), ==, 3);
  /* Without diacritics, and đ typed as d. */
  g_assert_cmpuint (count_search (db, "can tho"), ==, 3);
  g_assert_cmpuint (count_search (db, "giao thông"), >=, 1);
  g_assert_cmpuint (count_search (db, "traffic camera"), ==, 1);
  g_assert_cmpuint (count_search (db, "Tây Đô"), >=, 1);
  g_assert_cmpuint (count_search (db, "tay do"), >=, 1);
  g_assert_cmpuint (count_search (db, "zzzqqq"), ==, 0);
  /* FTS syntax in the user's words is taken literally. */
  g_assert_cmpuint (count_search (db, "zzzq\" OR ( NEAR * : -"), ==, 0);
  g_assert_cmpuint (count_search (db, "\"thông\" AND"), >=, 1);

  kt_portfolio_query_init (&q);
  q.form = "bto";
  rows = kt_portfolio_db_list (db, &q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);

  kt_portfolio_query_init (&q);
  q.sort = KT_PORTFOLIO_SORT_INVESTMENT;
  q.descending = TRUE;
  rows = kt_portfolio_db_list (db, &q, &error);
  g_assert_cmpuint (rows->len, ==, 3);
  for (guint i = 1; i < rows->len; i++)
    g_assert_cmpfloat (((KtSubmission *) rows->pdata[i - 1])->ind.total_investment, >=,
                       ((KtSubmission *) rows->pdata[i])->ind.total_investment);
  g_clear_pointer (&rows, g_ptr_array_unref);

  kt_portfolio_query_init (&q);
  q.decision = "pending";
  q.sort = KT_PORTFOLIO_SORT_NAME;
  rows = kt_portfolio_db_list (db, &q, &error);
  g_assert_cmpuint (rows->len, ==, 3);
}

static void
test_audit_triggers (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (KtPortfolioDb) db = open_db (f);
  sqlite3 *raw = kt_portfolio_db_get_handle (db);
  const char * const refused[] = {
    "UPDATE audit SET actor = 'Mallory' WHERE seq = 1",
    "DELETE FROM audit",
    "UPDATE submission SET name_vi = 'x'",
    "DELETE FROM submission",
    "UPDATE submission_file SET data = x'00'",
    "DELETE FROM submission_file",
    "UPDATE auto_score SET score = 5",
  };

  import_sample (db, samples[1]);
  for (gsize i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      int rc = sqlite3_exec (raw, refused[i], NULL, NULL, NULL);

      g_assert_cmpint (rc & 0xff, ==, SQLITE_CONSTRAINT);
    }
  g_assert_cmpint (raw_int (raw, "SELECT count(*) FROM audit"), ==, 1);
  assert_verifies (db);
}

static void
expect_tampering (Fixture    *f,
                  const char *sql,
                  const char *expected)
{
  g_autoptr (KtPortfolioDb) db = NULL;
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  GError *error = NULL;
  sqlite3 *raw = NULL;
  gboolean found = FALSE;

  /* Another SQLite client that ignores the app's rules. */
  g_assert_cmpint (sqlite3_open (f->path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = open_db (f);
  g_assert_true (kt_portfolio_db_verify (db, problems, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, >, 0);
  for (guint i = 0; i < problems->len; i++)
    {
      g_test_message ("%s", (char *) problems->pdata[i]);
      found |= strstr (problems->pdata[i], expected) != NULL;
    }
  g_assert_true (found);
}

static void
test_tampering (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (KtPortfolioDb) db = open_db (f);
  gint64 id;
  GError *error = NULL;
  g_autofree char *backup = g_strconcat (f->path, ".orig", NULL);
  g_autofree char *bytes = NULL;
  gsize len;

  id = import_sample (db, samples[0]);
  import_sample (db, samples[1]);
  g_assert_true (kt_portfolio_db_score (db, id, "An", "risk", 3, "Balanced matrix", &error));
  g_assert_no_error (error);
  assert_verifies (db);
  g_clear_pointer (&db, kt_portfolio_db_free);   /* checkpoints the WAL into the file */
  g_assert_true (g_file_get_contents (f->path, &bytes, &len, NULL));

  /* An altered entry. */
  expect_tampering (f, "DROP TRIGGER audit_no_update;"
                       "UPDATE audit SET actor = 'Mallory' WHERE seq = 1", "altered");
  /* A removed entry. */
  g_assert_true (g_file_set_contents (f->path, bytes, len, NULL));
  expect_tampering (f, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE seq = 2",
                    "out of sequence");
  /* A score changed behind the log's back (allowed by triggers before a decision). */
  g_assert_true (g_file_set_contents (f->path, bytes, len, NULL));
  expect_tampering (f, "UPDATE score SET score = 5", "differs from the audit log");
  /* A submitted file swapped. */
  g_assert_true (g_file_set_contents (f->path, bytes, len, NULL));
  expect_tampering (f, "DROP TRIGGER file_no_update; UPDATE submission_file SET data = x'3c3e'"
                       " WHERE submission_id = 1", "was altered");
  /* The list row changed with the trigger put back: caught by the cross-check. */
  g_assert_true (g_file_set_contents (f->path, bytes, len, NULL));
  expect_tampering (f, "DROP TRIGGER submission_no_update;"
                       "UPDATE submission SET name_vi = 'x', summary = (SELECT summary FROM"
                       " submission WHERE id = 2) WHERE id = 1;"
                       "CREATE TRIGGER submission_no_update BEFORE UPDATE ON submission"
                       " BEGIN SELECT RAISE (ABORT, 'submissions are kept as imported'); END;",
                    "disagrees");
  /* The chain rewritten consistently after an edit is still caught by the
   * missing trigger (and by the head hash recorded elsewhere). */
  g_assert_true (g_file_set_contents (f->path, bytes, len, NULL));
  expect_tampering (f, "DROP TRIGGER audit_no_update", "audit_no_update");
}

static void
test_scoring (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (KtPortfolioDb) db = open_db (f);
  g_autoptr (GPtrArray) scores = NULL;
  GError *error = NULL;
  gint64 id = import_sample (db, samples[2]);
  guint n_auto = 0;

  g_assert_false (kt_portfolio_db_score (db, id, "An", "risk", 3, "  ", &error));
  g_assert_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kt_portfolio_db_score (db, id, "An", "risk", 3, NULL, &error));
  g_assert_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kt_portfolio_db_score (db, id, "An", "financial", 3, "ok", &error));
  g_assert_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kt_portfolio_db_score (db, id, "An", "beauty", 3, "ok", &error));
  g_assert_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kt_portfolio_db_score (db, id, "An", "risk", 6, "too high", &error));
  g_assert_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kt_portfolio_db_score (db, id + 100, "An", "risk", 3, "no such", &error));
  g_assert_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (kt_portfolio_db_score (db, id, "An", "risk", 3, "Hợp lý", &error));
  g_assert_no_error (error);
  /* Re-scoring before the decision replaces the score; both are logged. */
  g_assert_true (kt_portfolio_db_score (db, id, "An", "risk", 3.5, "Revised after hearing", &error));
  scores = kt_portfolio_db_get_scores (db, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < scores->len; i++)
    {
      KtScore *s = scores->pdata[i];

      if (strcmp (s->appraiser, "auto") == 0)
        n_auto++;
      else
        {
          g_assert_cmpstr (s->criterion, ==, "risk");
          g_assert_cmpfloat (s->score, ==, 3.5);
          g_assert_cmpstr (s->comment, ==, "Revised after hearing");
        }
    }
  g_assert_cmpuint (n_auto, ==, 2);
  g_assert_cmpint (raw_int (kt_portfolio_db_get_handle (db),
                            "SELECT count(*) FROM audit WHERE action = 'score'"), ==, 2);
  assert_verifies (db);
}

static void
test_decision_locks (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (KtPortfolioDb) db = open_db (f);
  g_autoptr (KtSubmission) s = NULL;
  sqlite3 *raw = kt_portfolio_db_get_handle (db);
  GError *error = NULL;
  gint64 id = import_sample (db, samples[0]);

  g_assert_true (kt_portfolio_db_score (db, id, "An", "technology", 4, "AI cameras", &error));
  g_assert_false (kt_portfolio_db_decide (db, id, "maybe", "Chair", "x", &error));
  g_assert_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kt_portfolio_db_decide (db, id, "approve", "Chair", "", &error));
  g_assert_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (kt_portfolio_db_decide (db, id, "return", "Chair", "Revise the demand study", &error));
  g_assert_no_error (error);
  s = kt_portfolio_db_get (db, id, &error);
  g_assert_cmpstr (s->decision, ==, "return");
  {
    g_autoptr (KtDecision) d = kt_portfolio_db_get_decision (db, id, &error);
    g_autoptr (KtDecision) none = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (d->appraiser, ==, "Chair");
    g_assert_cmpstr (d->note, ==, "Revise the demand study");
    g_assert_true (isfinite (d->total));
    none = kt_portfolio_db_get_decision (db, import_sample (db, samples[1]), &error);
    g_assert_no_error (error);
    g_assert_null (none);
  }

  g_assert_false (kt_portfolio_db_score (db, id, "An", "technology", 5, "changed my mind", &error));
  g_assert_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (kt_portfolio_db_score (db, id, "Binh", "risk", 2, "late", &error));
  g_assert_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_LOCKED);
  g_clear_error (&error);
  g_assert_false (kt_portfolio_db_decide (db, id, "approve", "Chair", "overrule", &error));
  g_assert_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_LOCKED);
  g_clear_error (&error);

  /* The file itself refuses, whatever the program. */
  g_assert_cmpint (sqlite3_exec (raw, "UPDATE score SET score = 5", NULL, NULL, NULL) & 0xff, ==,
                   SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (raw, "DELETE FROM score", NULL, NULL, NULL) & 0xff, ==,
                   SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (raw, "INSERT INTO score VALUES (1, 'X', 'risk', 1, 'c', 'now')",
                                 NULL, NULL, NULL) & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (raw, "UPDATE decision SET decision = 'approve'", NULL, NULL, NULL)
                   & 0xff, ==, SQLITE_CONSTRAINT);
  g_assert_cmpint (sqlite3_exec (raw, "DELETE FROM decision", NULL, NULL, NULL) & 0xff, ==,
                   SQLITE_CONSTRAINT);
  assert_verifies (db);
}

static void
test_aggregate (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (KtPortfolioDb) db = open_db (f);
  g_autoptr (GPtrArray) scores = NULL;
  g_autoptr (GPtrArray) ranked = NULL;
  const KtRubric *rubric = kt_portfolio_db_get_rubric (db, NULL);
  KtAggregate agg;
  GError *error = NULL;
  gint64 id = import_sample (db, samples[1]);
  double fin = NAN, fis = NAN, expected, a_total, b_total;

  /* Two appraisers: risk 4 vs 1 (spread 3 > 0.3 × 5: flagged), technology
   * 3 vs 4 (spread 1: not flagged), socio-economic by one only, investor none. */
  g_assert_true (kt_portfolio_db_score (db, id, "An", "risk", 4, "c", &error));
  g_assert_true (kt_portfolio_db_score (db, id, "Binh", "risk", 1, "c", &error));
  g_assert_true (kt_portfolio_db_score (db, id, "An", "technology", 3, "c", &error));
  g_assert_true (kt_portfolio_db_score (db, id, "Binh", "technology", 4, "c", &error));
  g_assert_true (kt_portfolio_db_score (db, id, "An", "socio-economic", 5, "c", &error));
  g_assert_no_error (error);

  scores = kt_portfolio_db_get_scores (db, id, &error);
  for (guint i = 0; i < scores->len; i++)
    {
      KtScore *s = scores->pdata[i];

      if (strcmp (s->appraiser, "auto") == 0 && strcmp (s->criterion, "financial") == 0)
        fin = s->score;
      if (strcmp (s->appraiser, "auto") == 0 && strcmp (s->criterion, "fiscal") == 0)
        fis = s->score;
    }
  g_assert_true (isfinite (fin) && isfinite (fis));

  g_assert_true (kt_portfolio_db_aggregate (db, id, &agg, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (agg.criteria->len, ==, rubric->criteria->len);
  g_assert_cmpint (agg.n_appraisers, ==, 2);
  g_assert_cmpint (agg.n_unscored, ==, 1);
  g_assert_true (agg.disagreement);
  for (guint i = 0; i < agg.criteria->len; i++)
    {
      KtCriterionResult *r = &g_array_index (agg.criteria, KtCriterionResult, i);

      if (strcmp (r->criterion->key, "risk") == 0)
        {
          g_assert_cmpfloat_with_epsilon (r->mean, 2.5, 1e-12);
          g_assert_cmpfloat (r->max - r->min, ==, 3);
          g_assert_true (r->disagreement);
        }
      else if (strcmp (r->criterion->key, "technology") == 0)
        {
          g_assert_cmpfloat_with_epsilon (r->mean, 3.5, 1e-12);
          g_assert_false (r->disagreement);
        }
      else if (strcmp (r->criterion->key, "investor") == 0)
        g_assert_cmpint (r->n, ==, 0);
    }
  /* Weighted mean of criteria means on 0–100 (weights 25, 20, 15, 15, 15; investor unscored). */
  expected = (25 * fin * 20 + 20 * fis * 20 + 15 * 2.5 * 20 + 15 * 3.5 * 20 + 15 * 5 * 20) / 90.0;
  g_assert_cmpfloat_with_epsilon (agg.total, expected, 1e-9);
  a_total = (25 * fin * 20 + 20 * fis * 20 + 15 * 4 * 20 + 15 * 3 * 20 + 15 * 5 * 20) / 90.0;
  b_total = (25 * fin * 20 + 20 * fis * 20 + 15 * 1 * 20 + 15 * 4 * 20) / 75.0;
  g_assert_cmpfloat_with_epsilon (agg.spread, fabs (a_total - b_total), 1e-9);
  kt_aggregate_clear (&agg);

  ranked = kt_portfolio_db_rank (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ranked->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (((KtRankRow *) ranked->pdata[0])->aggregate.total, expected, 1e-9);
}

static const KtFieldChange *
find_change (GPtrArray  *changes,
             const char *path)
{
  for (guint i = 0; i < changes->len; i++)
    if (strcmp (((KtFieldChange *) changes->pdata[i])->path, path) == 0)
      return changes->pdata[i];
  return NULL;
}

static void
test_diff (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (KtProject) a = NULL;
  g_autoptr (KtProject) b = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  g_autoptr (GPtrArray) none = NULL;
  g_autofree char *orig = NULL;
  g_autofree char *step = NULL;
  g_autofree char *changed = NULL;
  const KtFieldChange *c;
  GError *error = NULL;
  gsize len;

  orig = read_sample (samples[0], &len);
  step = set_element (orig, "inflation", "0.045");
  changed = set_element (step, "vi", "Tên mới");
  a = kt_project_load_from_data (orig, len, "a", &error);
  g_assert_no_error (error);
  b = kt_project_load_from_data (changed, strlen (changed), "b", &error);
  g_assert_no_error (error);

  none = kt_project_data_diff (kt_project_get_data (a), kt_project_get_data (a));
  g_assert_cmpuint (none->len, ==, 0);
  changes = kt_project_data_diff (kt_project_get_data (a), kt_project_get_data (b));
  for (guint i = 0; i < changes->len; i++)
    g_test_message ("%s: %s → %s", ((KtFieldChange *) changes->pdata[i])->path,
                    ((KtFieldChange *) changes->pdata[i])->old_value,
                    ((KtFieldChange *) changes->pdata[i])->new_value);
  g_assert_cmpuint (changes->len, ==, 2);
  c = find_change (changes, "timeline/inflation");
  g_assert_nonnull (c);
  g_assert_cmpstr (c->old_value, ==, "0.038");
  g_assert_cmpstr (c->new_value, ==, "0.045");
  c = find_change (changes, "identity/name/vi");
  g_assert_nonnull (c);
  g_assert_cmpstr (c->new_value, ==, "Tên mới");

  /* A row removed from a list. */
  {
    KtProjectData *d = kt_project_edit_data (b);
    const KtFieldDesc *investment = kt_record_find_field (kt_schema_project (), "investment");
    const KtFieldDesc *capex = kt_record_find_field (investment->record, "capex");
    g_autoptr (GPtrArray) rows = NULL;
    g_autofree char *last = NULL;
    guint n;

    g_assert_nonnull (capex);
    n = d->capex->len;
    g_assert_cmpuint (n, >, 1);
    kt_list_remove (d->capex, capex->record, n - 1);
    rows = kt_project_data_diff (kt_project_get_data (a), d);
    last = g_strdup_printf ("investment/capex/%u", n);
    c = find_change (rows, last);
    g_assert_nonnull (c);
    g_assert_nonnull (c->old_value);
    g_assert_null (c->new_value);
  }
}

static void
test_damaged (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (KtPortfolioDb) db = NULL;
  g_autofree char *garbage = g_build_filename (f->dir, "garbage.sqlite", NULL);
  g_autofree char *foreign = g_build_filename (f->dir, "foreign.sqlite", NULL);
  g_autofree char *truncated = g_build_filename (f->dir, "truncated.sqlite", NULL);
  g_autofree char *corrupt = g_build_filename (f->dir, "corrupt.sqlite", NULL);
  g_autofree char *bytes = NULL;
  char noise[8192];
  GError *error = NULL;
  sqlite3 *raw = NULL;
  gsize len;

  for (gsize i = 0; i < sizeof noise; i++)
    noise[i] = (char) g_random_int ();
  g_assert_true (g_file_set_contents (garbage, noise, sizeof noise, NULL));
  db = kt_portfolio_db_open (garbage, KT_PORTFOLIO_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_NOT_PORTFOLIO);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_open (foreign, &raw), ==, SQLITE_OK);
  sqlite3_exec (raw, "CREATE TABLE t (x)", NULL, NULL, NULL);
  sqlite3_close (raw);
  db = kt_portfolio_db_open (foreign, KT_PORTFOLIO_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_NOT_PORTFOLIO);
  g_clear_error (&error);

  /* A real portfolio, then damaged copies of it. */
  db = open_db (f);
  for (int i = 0; i < 6; i++)
    {
      gsize n;
      g_autofree char *x = fresh_sample (i, &n);

      g_assert_true (kt_portfolio_db_import_data (db, x, n, "x", "T", NULL, NULL, &error));
    }
  g_clear_pointer (&db, kt_portfolio_db_free);
  g_assert_true (g_file_get_contents (f->path, &bytes, &len, NULL));
  g_assert_cmpuint (len, >, 65536);

  /* Truncated: either refused or opened read-only, always with a message. */
  g_assert_true (g_file_set_contents (truncated, bytes, len / 2, NULL));
  db = kt_portfolio_db_open (truncated, KT_PORTFOLIO_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      g_assert_true (g_error_matches (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_DAMAGED)
                     || g_error_matches (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_NOT_PORTFOLIO));
      g_test_message ("truncated: %s", error->message);
      g_clear_error (&error);
    }
  else
    {
      g_assert_true (kt_portfolio_db_is_read_only (db));
      g_assert_nonnull (kt_portfolio_db_get_warning (db));
      g_test_message ("truncated: read-only: %s", kt_portfolio_db_get_warning (db));
      g_assert_false (kt_portfolio_db_import_data (db, "x", 1, "x", NULL, NULL, NULL, &error));
      g_assert_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_READ_ONLY);
      g_clear_error (&error);
      g_clear_pointer (&db, kt_portfolio_db_free);
    }

  /* Garbage written over pages in the middle (header intact). */
  memcpy (bytes + len / 2, noise, MIN (sizeof noise, len / 2 - 1));
  memcpy (bytes + 2 * 4096, noise, 4096);
  g_assert_true (g_file_set_contents (corrupt, bytes, len, NULL));
  db = kt_portfolio_db_open (corrupt, KT_PORTFOLIO_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      g_assert_nonnull (error);
      g_test_message ("corrupt: %s", error->message);
      g_clear_error (&error);
    }
  else
    {
      g_assert_true (kt_portfolio_db_is_read_only (db));
      g_test_message ("corrupt: read-only: %s", kt_portfolio_db_get_warning (db));
      g_assert_nonnull (kt_portfolio_db_get_warning (db));
    }
}

/* A hostile packed row (kt-portfolio-summary.c) is refused, never trusted. */
static void
test_malformed_row (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (KtPortfolioDb) db = open_db (f);
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (KtSubmission) s = NULL;
  const char * const attacks[] = {
    "UPDATE submission SET summary = x'4b545331'",                       /* header only */
    "UPDATE submission SET summary = x'00'",                             /* no magic */
    "UPDATE submission SET summary = substr (summary, 1, length (summary) - 3)",
    "UPDATE submission SET summary = CAST (substr (summary, 1, 184) || x'ffffff7f'"
    " || substr (summary, 189) AS BLOB)",                                /* huge string length */
  };
  GError *error = NULL;
  gint64 id = import_sample (db, samples[0]);
  sqlite3 *raw = kt_portfolio_db_get_handle (db);

  g_assert_cmpint (sqlite3_exec (raw, "DROP TRIGGER submission_no_update", NULL, NULL, NULL), ==, SQLITE_OK);
  for (gsize i = 0; i < G_N_ELEMENTS (attacks); i++)
    {
      g_assert_cmpint (sqlite3_exec (raw, "SAVEPOINT a", NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (raw, attacks[i], NULL, NULL, NULL), ==, SQLITE_OK);
      rows = kt_portfolio_db_list (db, NULL, &error);
      g_assert_null (rows);
      g_assert_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_DAMAGED);
      g_clear_error (&error);
      s = kt_portfolio_db_get (db, id, &error);
      g_assert_null (s);
      g_assert_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_DAMAGED);
      g_clear_error (&error);
      g_assert_cmpint (sqlite3_exec (raw, "ROLLBACK TO a; RELEASE a", NULL, NULL, NULL), ==, SQLITE_OK);
    }
  rows = kt_portfolio_db_list (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
}

static void
test_too_new (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (KtPortfolioDb) db = open_db (f);
  sqlite3 *raw = NULL;
  GError *error = NULL;

  import_sample (db, samples[0]);
  g_clear_pointer (&db, kt_portfolio_db_free);
  g_assert_cmpint (sqlite3_open (f->path, &raw), ==, SQLITE_OK);
  sqlite3_exec (raw, "PRAGMA user_version = 99", NULL, NULL, NULL);
  sqlite3_close (raw);
  db = kt_portfolio_db_open (f->path, KT_PORTFOLIO_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (kt_portfolio_db_is_read_only (db));
  g_assert_nonnull (strstr (kt_portfolio_db_get_warning (db), "newer"));
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (KtPortfolioDb) db = open_db (f);
  g_autoptr (GPtrArray) rows = NULL;
  GError *error = NULL;
  gsize n;
  g_autofree char *x = fresh_sample (0, &n);

  import_sample (db, samples[0]);
  g_clear_pointer (&db, kt_portfolio_db_free);
  db = kt_portfolio_db_open (f->path, KT_PORTFOLIO_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (kt_portfolio_db_is_read_only (db));
  g_assert_false (kt_portfolio_db_import_data (db, x, n, "x", NULL, NULL, NULL, &error));
  g_assert_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (kt_portfolio_db_score (db, 1, "An", "risk", 1, "c", &error));
  g_assert_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_READ_ONLY);
  g_clear_error (&error);
  rows = kt_portfolio_db_list (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_clear_pointer (&db, kt_portfolio_db_free);

  /* A write-protected file (root ignores permissions: skip then). */
  if (geteuid () != 0)
    {
      g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
      db = kt_portfolio_db_open (f->path, KT_PORTFOLIO_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      g_assert_true (kt_portfolio_db_is_read_only (db));
      g_assert_false (kt_portfolio_db_import_data (db, x, n, "x", NULL, NULL, NULL, &error));
      g_assert_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_READ_ONLY);
      g_clear_error (&error);
      g_chmod (f->path, 0644);
    }
}

static void
test_disk_full (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (KtPortfolioDb) db = open_db (f);
  sqlite3 *raw = kt_portfolio_db_get_handle (db);
  GError *error = NULL;
  char sql[64];
  gsize n;
  g_autofree char *x = fresh_sample (1, &n);
  int pages;

  import_sample (db, samples[0]);
  /* No room for one more file: what a full disk looks like to SQLite. */
  pages = raw_int (raw, "PRAGMA page_count");
  g_snprintf (sql, sizeof sql, "PRAGMA max_page_count = %d", pages + 2);
  sqlite3_exec (raw, sql, NULL, NULL, NULL);
  g_assert_false (kt_portfolio_db_import_data (db, x, n, "big.khathi", NULL, NULL, NULL, &error));
  g_assert_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_FULL);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpint (raw_int (raw, "SELECT count(*) FROM submission"), ==, 1);
  g_assert_cmpint (raw_int (raw, "SELECT count(*) FROM audit"), ==, 1);
  assert_verifies (db);
  sqlite3_exec (raw, "PRAGMA max_page_count = 1073741823", NULL, NULL, NULL);
  g_assert_true (kt_portfolio_db_import_data (db, x, n, "big.khathi", NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Two instances on one file: writes wait for each other (busy_timeout). */
static void
test_two_instances (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (KtPortfolioDb) a = open_db (f);
  g_autoptr (KtPortfolioDb) b = open_db (f);
  g_autoptr (GPtrArray) rows = NULL;
  GError *error = NULL;

  for (int i = 0; i < 6; i++)
    {
      gsize n;
      g_autofree char *x = fresh_sample (i, &n);

      g_assert_true (kt_portfolio_db_import_data (i % 2 ? a : b, x, n, "x", NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  rows = kt_portfolio_db_list (a, NULL, &error);
  g_assert_cmpuint (rows->len, ==, 6);
  assert_verifies (b);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  KtImportSummary **out = user_data;
  GError *error = NULL;

  *out = kt_portfolio_import_files_finish (result, &error);
  g_assert_no_error (error);
}

/* The GTask import the GUI uses: a worker thread with its own handle. */
static void
test_import_async (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (KtPortfolioDb) db = NULL;
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *bad = g_build_filename (f->dir, "bad.khathi", NULL);
  KtImportSummary *summary = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (samples); i++)
    g_ptr_array_add (files, g_build_filename (g_getenv ("KHATHI_DATA_DIR"), "samples", samples[i], NULL));
  g_assert_true (g_file_set_contents (bad, "<x/>", -1, NULL));
  g_ptr_array_add (files, g_strdup (bad));
  g_ptr_array_add (files, g_strdup (files->pdata[0]));
  g_ptr_array_add (files, NULL);
  kt_portfolio_import_files_async (f->path, (const char * const *) files->pdata, "Worker", NULL,
                                   import_done_cb, &summary);
  while (summary == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (summary->n_imported, ==, 3);
  g_assert_cmpuint (summary->n_duplicates, ==, 1);
  g_assert_cmpuint (summary->n_failed, ==, 1);
  g_assert_cmpuint (summary->errors->len, ==, 1);
  g_assert_cmpuint (summary->ids->len, ==, 4);
  g_assert_false (summary->cancelled);
  kt_import_summary_free (summary);
  db = open_db (f);
  g_assert_cmpint (raw_int (kt_portfolio_db_get_handle (db), "SELECT count(*) FROM submission"), ==, 3);
  assert_verifies (db);
}

/* Two processes importing into one file at the same time. */
static void
test_two_processes (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (KtPortfolioDb) db = open_db (f);
  pid_t pids[2];

  g_clear_pointer (&db, kt_portfolio_db_free);
  for (int p = 0; p < 2; p++)
    {
      pids[p] = fork ();
      g_assert_cmpint (pids[p], >=, 0);
      if (pids[p] == 0)
        {
          KtPortfolioDb *child = kt_portfolio_db_open (f->path, KT_PORTFOLIO_OPEN_DEFAULT, NULL);
          int failures = child == NULL;

          g_random_set_seed ((guint32) getpid () ^ (guint32) g_get_real_time ());
          for (int i = 0; child != NULL && i < 12; i++)
            {
              gsize len;
              g_autofree char *x = fresh_sample (i, &len);

              failures += !kt_portfolio_db_import_data (child, x, len, "p.khathi", p ? "B" : "A",
                                                        NULL, NULL, NULL);
            }
          kt_portfolio_db_free (child);
          _exit (failures);
        }
    }
  for (int p = 0; p < 2; p++)
    {
      int status = 0;

      g_assert_cmpint (waitpid (pids[p], &status, 0), ==, pids[p]);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
    }
  db = open_db (f);
  g_assert_cmpint (raw_int (kt_portfolio_db_get_handle (db), "SELECT count(*) FROM submission"), ==, 24);
  g_assert_cmpint (raw_int (kt_portfolio_db_get_handle (db), "SELECT count(DISTINCT imported_by) "
                                                             "FROM submission"), ==, 2);
  assert_verifies (db);
}

/* Killing the process in the middle of imports leaves every file imported
 * completely or not at all.  Two rounds: the second child continues the
 * portfolio the first one left. */
static void
check_after_kill (Fixture *f,
                  int      before)
{
  g_autoptr (KtPortfolioDb) db = open_db (f);
  sqlite3 *raw = kt_portfolio_db_get_handle (db);
  g_autofree char *problem = NULL;
  sqlite3_stmt *stmt = NULL;
  int n;

  g_assert_cmpint (sqlite3_prepare_v2 (raw, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  problem = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpstr (problem, ==, "ok");
  n = raw_int (raw, "SELECT count(*) FROM submission");
  g_test_message ("%d submissions survived the kill (%d seen before it)", n, before);
  g_assert_cmpint (n, >=, before);
  g_assert_cmpint (raw_int (raw, "SELECT count(*) FROM submission s WHERE NOT EXISTS "
                                 "(SELECT 1 FROM submission_file f WHERE f.submission_id = s.id)"), ==, 0);
  g_assert_cmpint (raw_int (raw, "SELECT count(*) FROM submission s WHERE NOT EXISTS "
                                 "(SELECT 1 FROM submission_result r WHERE r.submission_id = s.id)"), ==, 0);
  g_assert_cmpint (raw_int (raw, "SELECT count(*) FROM submission s WHERE NOT EXISTS "
                                 "(SELECT 1 FROM audit a WHERE a.submission_id = s.id AND "
                                 "a.action = 'import')"), ==, 0);
  g_assert_cmpint (raw_int (raw, "SELECT count(*) FROM submission s WHERE (SELECT count(*) FROM "
                                 "legal_check l WHERE l.submission_id = s.id) = 0"), ==, 0);
  g_assert_cmpint (raw_int (raw, "SELECT count(*) FROM audit"), ==, n);
  assert_verifies (db);
}

static void
test_sigkill (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (KtPortfolioDb) db = NULL;
  int before = 0;

  /* Create the schema first, so the children only import. */
  db = open_db (f);
  g_clear_pointer (&db, kt_portfolio_db_free);

  for (int round = 1; round <= 2; round++)
    {
      int status = 0, target = before + 15;
      pid_t pid = fork ();

      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        {
          KtPortfolioDb *child = kt_portfolio_db_open (f->path, KT_PORTFOLIO_OPEN_NO_CHECK, NULL);

          /* Fresh project ids, not the parent's random sequence. */
          g_random_set_seed ((guint32) getpid () ^ (guint32) g_get_real_time ());
          for (int i = 0; child != NULL && i < 100000; i++)
            {
              gsize len;
              char *x = fresh_sample (i, &len);

              kt_portfolio_db_import_data (child, x, len, "child.khathi", "Child", NULL, NULL, NULL);
              g_free (x);
            }
          _exit (0);
        }
      /* Let it import some, then kill it wherever it is. */
      for (int tries = 0; tries < 1200 && before < target; tries++)
        {
          sqlite3 *peek = NULL;

          g_usleep (25000);
          if (sqlite3_open_v2 (f->path, &peek, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK)
            {
              sqlite3_busy_timeout (peek, 1000);
              before = MAX (before, raw_int (peek, "SELECT count(*) FROM submission"));
            }
          sqlite3_close (peek);
        }
      g_usleep (g_random_int_range (0, 30000));
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      g_assert_cmpint (before, >=, target);
      check_after_kill (f, before);
    }
}

static void
test_rubric (void)
{
  g_autoptr (KtRubric) rubric = NULL;
  GError *error = NULL;
  double weights = 0;
  const char *doctype = "<!DOCTYPE r [<!ENTITY x \"y\">]><rubric xmlns=\"" KT_RUBRIC_NAMESPACE
                        "\" id=\"x\"/>";
  const char *bad_metric = "<rubric xmlns=\"" KT_RUBRIC_NAMESPACE "\" id=\"x\"><criterion key=\"a\" "
                           "weight=\"1\" mode=\"auto\"><indicator metric=\"magic\"><band score=\"1\"/>"
                           "</indicator></criterion></rubric>";

  rubric = kt_rubric_load_default (&error);
  g_assert_no_error (error);
  for (guint i = 0; i < rubric->criteria->len; i++)
    weights += ((KtRubricCriterion *) rubric->criteria->pdata[i])->weight;
  g_assert_cmpfloat (weights, ==, 100);
  g_assert_cmpuint (rubric->criteria->len, ==, 6);
  g_assert_cmpuint (rubric->checks->len, >=, 5);
  g_assert_true (kt_rubric_find (rubric, "financial")->automatic);
  g_assert_false (kt_rubric_find (rubric, "risk")->automatic);
  g_assert_cmpfloat (kt_rubric_find (rubric, "fiscal")->weight, ==, 20);

  g_assert_null (kt_rubric_load_from_data (doctype, strlen (doctype), "d.xml", &error));
  g_assert_error (error, KT_RUBRIC_ERROR, KT_RUBRIC_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_null (kt_rubric_load_from_data (bad_metric, strlen (bad_metric), "m.xml", &error));
  g_assert_error (error, KT_RUBRIC_ERROR, KT_RUBRIC_ERROR_INVALID);
  g_clear_error (&error);

  /* Bands: DSCR 1.25 → 3.5, payback not reached → missing-score 0. */
  {
    KtIndicators ind = { 0 };
    const KtRubricCriterion *fin = kt_rubric_find (rubric, "financial");

    ind.project_irr = 0.12;
    ind.wacc = 0.10;          /* +2 points: 4 */
    ind.equity_irr = 0.15;
    ind.hurdle_rate = 0.14;   /* +1: 3 */
    ind.dscr_min = 1.25;      /* 3.5 */
    ind.payback = NAN;        /* 0 */
    g_assert_cmpfloat_with_epsilon (kt_rubric_score_auto (fin, &ind, NULL), (4 + 3 + 3.5 + 0) / 4.0,
                                    1e-12);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  gsl_set_error_handler_off ();

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/portfolio/migrate/empty", test_migrate_empty);
  ADD ("/portfolio/migrate/v1", test_migrate_v1);
  ADD ("/portfolio/migrate/v2", test_migrate_v2);
  ADD ("/portfolio/claims/import", test_claims_import);
  ADD ("/portfolio/import/resubmission", test_import_resubmission);
  ADD ("/portfolio/search", test_search);
  ADD ("/portfolio/audit/triggers", test_audit_triggers);
  ADD ("/portfolio/audit/tampering", test_tampering);
  ADD ("/portfolio/score/comment-required", test_scoring);
  ADD ("/portfolio/score/locked-after-decision", test_decision_locks);
  ADD ("/portfolio/score/aggregate", test_aggregate);
  ADD ("/portfolio/diff", test_diff);
  ADD ("/portfolio/open/damaged", test_damaged);
  ADD ("/portfolio/open/too-new", test_too_new);
  ADD ("/portfolio/open/malformed-row", test_malformed_row);
  ADD ("/portfolio/open/read-only", test_read_only);
  ADD ("/portfolio/disk-full", test_disk_full);
  ADD ("/portfolio/two-instances", test_two_instances);
  ADD ("/portfolio/two-processes", test_two_processes);
  ADD ("/portfolio/import/async", test_import_async);
  ADD ("/portfolio/sigkill", test_sigkill);
#undef ADD
  g_test_add_func ("/portfolio/rubric", test_rubric);
  g_test_add_func ("/portfolio/claims/tolerance", test_claims_tolerance);
  return g_test_run ();
}
