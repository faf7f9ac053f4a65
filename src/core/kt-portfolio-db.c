/* kt-portfolio-db.c — the appraiser's portfolio database (SQLite): schema, safe opening, imports
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Rules kept throughout: every statement is a constant string with bound
 * parameters (never SQL built from data); every change is one IMMEDIATE
 * transaction that also appends its audit entry, so a crash leaves each
 * import, score or decision fully recorded or absent.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "kt-claims.h"
#include "kt-model.h"
#include "kt-portfolio-db.h"
#include "kt-portfolio-private.h"
#include "kt-problem.h"
#include "kt-project-file.h"
#include "kt-rules.h"
#include "kt-validate.h"
#include "kt-vfm.h"

/* 'KTHP': tells a portfolio from any other SQLite file. */
#define APPLICATION_ID 0x4B544850
#define BUSY_TIMEOUT_MS 10000

G_DEFINE_QUARK (kt-portfolio-error-quark, kt_portfolio_error)

/* ---- schema ---- */

/* Migration i brings the schema from version i to i + 1.  Append only: a
 * released migration is never edited. */
static const char * const migrations[] = {
  /* 0 → 1 */
  "CREATE TABLE submission ("
  "  id INTEGER PRIMARY KEY,"
  "  project_id TEXT NOT NULL,"
  "  version INTEGER NOT NULL CHECK (version >= 1),"
  "  previous_id INTEGER REFERENCES submission (id),"
  "  file_name TEXT NOT NULL,"
  "  sha256 TEXT NOT NULL CHECK (length (sha256) = 64),"
  "  size INTEGER NOT NULL,"
  "  imported_at TEXT NOT NULL,"
  "  imported_by TEXT NOT NULL,"
  "  name_vi TEXT NOT NULL, name_en TEXT NOT NULL, name_sort TEXT NOT NULL,"
  "  proposer TEXT NOT NULL, province TEXT NOT NULL, field TEXT NOT NULL,"
  "  domain TEXT NOT NULL, form TEXT NOT NULL, rule_set TEXT NOT NULL, rubric_id TEXT NOT NULL,"
  "  total_investment REAL, project_npv REAL, project_irr REAL, equity_irr REAL,"
  "  dscr_min REAL, payback REAL, discounted_payback REAL, bcr REAL,"
  "  fiscal_npv REAL, peak_commitment REAL, enpv REAL, eirr REAL, ebcr REAL, psc REAL, vfm REAL,"
  "  wacc REAL, hurdle_rate REAL, social_rate REAL, min_dscr REAL,"
  "  n_errors INTEGER NOT NULL, n_legal_failed INTEGER NOT NULL,"
  "  summary BLOB NOT NULL,"      /* the same fields packed for fast lists (kt-portfolio-summary.c) */
  "  UNIQUE (project_id, version));"
  "CREATE INDEX submission_sha256 ON submission (sha256);"
  "CREATE INDEX submission_previous ON submission (previous_id);"
  /* Large values live apart, so listing reads small rows only. */
  "CREATE TABLE submission_file ("
  "  submission_id INTEGER PRIMARY KEY REFERENCES submission (id),"
  "  data BLOB NOT NULL);"
  "CREATE TABLE submission_result ("
  "  submission_id INTEGER PRIMARY KEY REFERENCES submission (id),"
  "  results TEXT NOT NULL);"
  "CREATE TABLE auto_score ("
  "  submission_id INTEGER NOT NULL REFERENCES submission (id),"
  "  criterion TEXT NOT NULL, score REAL, detail TEXT NOT NULL,"
  "  PRIMARY KEY (submission_id, criterion)) WITHOUT ROWID;"
  "CREATE TABLE legal_check ("
  "  submission_id INTEGER NOT NULL REFERENCES submission (id),"
  "  position INTEGER NOT NULL, code TEXT NOT NULL, passed INTEGER NOT NULL,"
  "  citation TEXT NOT NULL,"
  "  PRIMARY KEY (submission_id, position)) WITHOUT ROWID;"
  "CREATE TABLE score ("
  "  submission_id INTEGER NOT NULL REFERENCES submission (id),"
  "  appraiser TEXT NOT NULL CHECK (length (trim (appraiser)) > 0),"
  "  criterion TEXT NOT NULL,"
  "  score REAL NOT NULL,"
  "  comment TEXT NOT NULL CHECK (length (trim (comment)) > 0),"
  "  scored_at TEXT NOT NULL,"
  "  PRIMARY KEY (submission_id, appraiser, criterion)) WITHOUT ROWID;"
  "CREATE TABLE decision ("
  "  submission_id INTEGER PRIMARY KEY REFERENCES submission (id),"
  "  decision TEXT NOT NULL CHECK (decision IN ('approve', 'return', 'reject')),"
  "  appraiser TEXT NOT NULL, note TEXT NOT NULL, decided_at TEXT NOT NULL, total REAL);"
  "CREATE TABLE audit ("
  "  seq INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL, actor TEXT NOT NULL,"
  "  action TEXT NOT NULL CHECK (action IN ('import', 'score', 'decide', 'export')),"
  "  submission_id INTEGER, subject TEXT NOT NULL, value TEXT NOT NULL, detail TEXT NOT NULL,"
  "  prev_hash TEXT NOT NULL, hash TEXT NOT NULL);"
  "CREATE INDEX audit_submission ON audit (submission_id, action);"
  /* Append-only and final: enforced in the file itself, for every program. */
  "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit"
  "  BEGIN SELECT RAISE (ABORT, 'the audit log is append-only'); END;"
  "CREATE TRIGGER submission_no_update BEFORE UPDATE ON submission"
  "  BEGIN SELECT RAISE (ABORT, 'submissions are kept as imported'); END;"
  "CREATE TRIGGER submission_no_delete BEFORE DELETE ON submission"
  "  BEGIN SELECT RAISE (ABORT, 'submissions are kept as imported'); END;"
  "CREATE TRIGGER file_no_update BEFORE UPDATE ON submission_file"
  "  BEGIN SELECT RAISE (ABORT, 'submissions are kept as imported'); END;"
  "CREATE TRIGGER file_no_delete BEFORE DELETE ON submission_file"
  "  BEGIN SELECT RAISE (ABORT, 'submissions are kept as imported'); END;"
  "CREATE TRIGGER result_no_update BEFORE UPDATE ON submission_result"
  "  BEGIN SELECT RAISE (ABORT, 'results are kept as computed'); END;"
  "CREATE TRIGGER result_no_delete BEFORE DELETE ON submission_result"
  "  BEGIN SELECT RAISE (ABORT, 'results are kept as computed'); END;"
  "CREATE TRIGGER auto_score_no_update BEFORE UPDATE ON auto_score"
  "  BEGIN SELECT RAISE (ABORT, 'automatic scores are kept as computed'); END;"
  "CREATE TRIGGER auto_score_no_delete BEFORE DELETE ON auto_score"
  "  BEGIN SELECT RAISE (ABORT, 'automatic scores are kept as computed'); END;"
  "CREATE TRIGGER score_locked_insert BEFORE INSERT ON score"
  "  WHEN EXISTS (SELECT 1 FROM decision WHERE submission_id = NEW.submission_id)"
  "  BEGIN SELECT RAISE (ABORT, 'scores are locked: a decision was made'); END;"
  "CREATE TRIGGER score_locked_update BEFORE UPDATE ON score"
  "  WHEN EXISTS (SELECT 1 FROM decision WHERE submission_id = OLD.submission_id)"
  "  BEGIN SELECT RAISE (ABORT, 'scores are locked: a decision was made'); END;"
  "CREATE TRIGGER score_locked_delete BEFORE DELETE ON score"
  "  WHEN EXISTS (SELECT 1 FROM decision WHERE submission_id = OLD.submission_id)"
  "  BEGIN SELECT RAISE (ABORT, 'scores are locked: a decision was made'); END;"
  "CREATE TRIGGER decision_no_update BEFORE UPDATE ON decision"
  "  BEGIN SELECT RAISE (ABORT, 'a decision is final'); END;"
  "CREATE TRIGGER decision_no_delete BEFORE DELETE ON decision"
  "  BEGIN SELECT RAISE (ABORT, 'a decision is final'); END;"
  /* Contentless: only rowids (= submission ids) come back.  đ is folded to d
   * before indexing and searching (kt_portfolio_fold), as unicode61 keeps it. */
  "CREATE VIRTUAL TABLE submission_fts USING fts5 ("
  "  name_vi, name_en, proposer, narrative,"
  "  content = '', tokenize = 'unicode61 remove_diacritics 2');",

  /* 1 → 2: an appraiser's work (scores given, files imported). */
  "CREATE INDEX score_appraiser ON score (appraiser);"
  "CREATE INDEX submission_imported_by ON submission (imported_by);",

  /* 2 → 3: the figures the proposer claimed, checked against the
   * recomputation.  Older rows claimed nothing (the file format had no place
   * for claims), hence the default 0. */
  "ALTER TABLE submission ADD COLUMN claims_mismatched INTEGER NOT NULL DEFAULT 0;"
  "CREATE TABLE claim_check ("
  "  submission_id INTEGER NOT NULL REFERENCES submission (id),"
  "  position INTEGER NOT NULL, key TEXT NOT NULL,"
  "  claimed REAL NOT NULL, recomputed REAL, matches INTEGER NOT NULL,"
  "  PRIMARY KEY (submission_id, position)) WITHOUT ROWID;"
  "CREATE TRIGGER claim_check_no_update BEFORE UPDATE ON claim_check"
  "  BEGIN SELECT RAISE (ABORT, 'claim checks are kept as computed'); END;"
  "CREATE TRIGGER claim_check_no_delete BEFORE DELETE ON claim_check"
  "  BEGIN SELECT RAISE (ABORT, 'claim checks are kept as computed'); END;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == KT_PORTFOLIO_SCHEMA_VERSION);

/* Triggers verify expects to find. */
const char * const kt_portfolio_protecting_triggers[] = {
  "audit_no_update", "audit_no_delete", "submission_no_update", "submission_no_delete",
  "file_no_update", "file_no_delete", "result_no_update", "result_no_delete",
  "auto_score_no_update", "auto_score_no_delete",
  "score_locked_insert", "score_locked_update", "score_locked_delete",
  "decision_no_update", "decision_no_delete", "claim_check_no_update", "claim_check_no_delete", NULL
};

/* ---- errors ---- */

gboolean
kt_portfolio_set_error (KtPortfolioDb *self,
                        int            rc,
                        const char    *doing,
                        GError       **error)
{
  const char *msg = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_FULL,
                   _("The disk is full (or the portfolio reached its size limit) while %s; "
                     "the change was rolled back and nothing already stored was lost"), doing);
      break;
    case SQLITE_READONLY:
      g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_READ_ONLY,
                   _("The portfolio %s cannot be written (%s) while %s; nothing was changed"),
                   self->path, msg, doing);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_BUSY,
                   _("Another program kept the portfolio %s locked for too long while %s; "
                     "try again"), self->path, doing);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_DAMAGED,
                   _("The portfolio %s is damaged (%s) while %s"), self->path, msg, doing);
      break;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
      g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_IO,
                   _("Input/output error on the portfolio %s while %s: %s"), self->path, doing, msg);
      break;
    case SQLITE_CONSTRAINT:
      if (strstr (msg, "locked") != NULL || strstr (msg, "final") != NULL)
        g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_LOCKED,
                     _("Refused while %s: %s"), doing, msg);
      else
        g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_INVALID,
                     _("Refused while %s: %s"), doing, msg);
      break;
    default:
      g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_SQL,
                   _("Database error while %s: %s"), doing, msg);
      break;
    }
  return FALSE;
}

/* ---- statements ---- */

sqlite3_stmt *
kt_portfolio_prepare (KtPortfolioDb *self,
                      const char    *sql,
                      GError       **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->stmts, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      kt_portfolio_set_error (self, rc, _("preparing a query"), error);
      return NULL;
    }
  g_hash_table_insert (self->stmts, (gpointer) sql, stmt);
  return stmt;
}

GPtrArray *
kt_portfolio_collect_rows (KtPortfolioDb        *self,
                           const char           *sql,
                           gint64                id,
                           KtPortfolioRowReader  read_row,
                           GDestroyNotify        free_row,
                           const char           *reading,
                           GError              **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (free_row);
  sqlite3_stmt *stmt = kt_portfolio_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, read_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      kt_portfolio_set_error (self, rc, reading, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

void
kt_portfolio_bind_text (sqlite3_stmt *stmt,
                        int           index,
                        const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
kt_portfolio_bind_double (sqlite3_stmt *stmt,
                          int           index,
                          double        x)
{
  if (isfinite (x))
    sqlite3_bind_double (stmt, index, x);
  else
    sqlite3_bind_null (stmt, index);
}

char *
kt_portfolio_column_text (sqlite3_stmt *stmt,
                          int           column)
{
  const unsigned char *s = sqlite3_column_text (stmt, column);

  return s != NULL ? g_strdup ((const char *) s) : NULL;
}

double
kt_portfolio_column_double (sqlite3_stmt *stmt,
                            int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, column);
}

gboolean
kt_portfolio_exec (KtPortfolioDb *self,
                   const char    *sql,
                   const char    *doing,
                   GError       **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return kt_portfolio_set_error (self, rc, doing, error);
  return TRUE;
}

gboolean
kt_portfolio_begin (KtPortfolioDb *self,
                    const char    *doing,
                    GError       **error)
{
  if (self->read_only)
    {
      g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_READ_ONLY,
                   _("The portfolio %s is open read-only (%s); nothing was changed"), self->path,
                   self->warning != NULL ? self->warning : _("as asked"));
      return FALSE;
    }
  /* IMMEDIATE takes the write lock now, so two instances wait (busy_timeout)
   * instead of failing halfway. */
  return kt_portfolio_exec (self, "BEGIN IMMEDIATE", doing, error);
}

gboolean
kt_portfolio_commit (KtPortfolioDb *self,
                     const char    *doing,
                     GError       **error)
{
  if (!kt_portfolio_exec (self, "COMMIT", doing, error))
    {
      kt_portfolio_rollback (self);
      return FALSE;
    }
  return TRUE;
}

void
kt_portfolio_rollback (KtPortfolioDb *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* ---- time, names, text ---- */

char *
kt_portfolio_now (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format_iso8601 (now);
}

const char *
kt_portfolio_default_appraiser (void)
{
  const char *real = g_get_real_name ();

  if (real != NULL && *real && strcmp (real, "Unknown") != 0)
    return real;
  return g_get_user_name ();
}

/* đ/Đ → d/D: unicode61 removes combining marks but keeps đ.  `text` is NFC
 * (the project loader normalises every text; g_utf8_normalize is slow on
 * long narratives, so it is not repeated here). */
static char *
fold_nfc (const char *text)
{
  GString *s = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x0111)
        g_string_append_c (s, 'd');
      else if (c == 0x0110)
        g_string_append_c (s, 'D');
      else
        g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

/* NFC, then folded as the index is (user input for searches). */
char *
kt_portfolio_fold (const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_NFC);

  return fold_nfc (nfc != NULL ? nfc : "");
}

/* Sort key in Vietnamese alphabetical order (a ă â b c d đ e ê … ơ … ư …),
 * tones only breaking ties, case ignored.  Stored at import, so sorting needs
 * no collation function. */
static char *
vi_sort_key (const char *text)
{
  /* Rank of each letter with its vowel modifier; tones go to the second level. */
  static const char * const letters =
    "a\0ă\0â\0b\0c\0d\0đ\0e\0ê\0f\0g\0h\0i\0j\0k\0l\0m\0n\0o\0ô\0ơ\0p\0q\0r\0s\0t\0u\0ư\0v\0w\0x\0y\0z\0";
  g_autofree char *lower = g_utf8_strdown (text != NULL ? text : "", -1);
  g_autofree char *nfd = g_utf8_normalize (lower, -1, G_NORMALIZE_NFD);
  GString *primary = g_string_new (NULL);
  GString *tones = g_string_new (NULL);

  for (const char *p = nfd ? nfd : ""; *p; )
    {
      gunichar c = g_utf8_get_char (p);
      gunichar modifier = 0, tone = 0;
      const char *q = g_utf8_next_char (p);

      /* Combining marks following the base letter. */
      while (*q)
        {
          gunichar m = g_utf8_get_char (q);

          if (m == 0x0306 || m == 0x0302 || m == 0x031B)
            modifier = m;
          else if (m == 0x0300 || m == 0x0301 || m == 0x0303 || m == 0x0309 || m == 0x0323)
            tone = m;
          else if (g_unichar_type (m) != G_UNICODE_NON_SPACING_MARK)
            break;
          q = g_utf8_next_char (q);
        }
      if ((c < 0x80 && g_ascii_isalpha (c)) || c == 0x0111)
        {
          char letter[8] = { 0 };
          int rank = 0, i = 0;

          g_unichar_to_utf8 (c, letter);
          if (modifier)
            g_unichar_to_utf8 (modifier, letter + strlen (letter));
          {
            /* Recompose "a"+breve etc. to look the letter up. */
            g_autofree char *composed = g_utf8_normalize (letter, -1, G_NORMALIZE_NFC);

            for (const char *l = letters; *l; l += strlen (l) + 1, i++)
              if (strcmp (l, composed) == 0)
                {
                  rank = i + 1;
                  break;
                }
          }
          g_string_append_printf (primary, "%c%c", 'B' + rank / 26, 'a' + rank % 26);
        }
      else if (c < 0x80)
        g_string_append_printf (primary, "A%c", g_ascii_isdigit (c) ? (char) c : ' ');
      else
        g_string_append_unichar (primary, c);
      /* Tone order: none, grave, hook, tilde, acute, dot (Vietnamese dictionaries). */
      g_string_append_c (tones, tone == 0 ? '0' : tone == 0x0300 ? '1' : tone == 0x0309 ? '2'
                                : tone == 0x0303 ? '3' : tone == 0x0301 ? '4' : '5');
      p = q;
    }
  g_string_append_c (primary, '\1');
  g_string_append (primary, tones->str);
  g_string_free (tones, TRUE);
  return g_string_free (primary, FALSE);
}

/* ---- opening ---- */

static void
stmt_finalize (gpointer p)
{
  sqlite3_finalize (p);
}

void
kt_portfolio_db_free (KtPortfolioDb *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->stmts, g_hash_table_unref);  /* finalizes before close */
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->rubric, kt_rubric_free);
  g_clear_pointer (&self->rule_sets, g_hash_table_unref);
  g_free (self->path);
  g_free (self->warning);
  g_free (self);
}

static int
pragma_int (sqlite3    *db,
            const char *sql,
            int        *value)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  return rc;
}

/* Runs quick_check or integrity_check; NULL when "ok", else the first lines. */
char *
kt_portfolio_check_integrity (sqlite3 *db,
                              gboolean full,
                              int     *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  GString *out = NULL;
  int rc, n = 0;

  rc = sqlite3_prepare_v2 (db, full ? "PRAGMA integrity_check (20)" : "PRAGMA quick_check (20)",
                           -1, &stmt, NULL);
  while (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (stmt, 0);

      rc = SQLITE_OK;
      if (line != NULL && strcmp (line, "ok") == 0)
        continue;
      if (out == NULL)
        out = g_string_new (NULL);
      if (n++ < 5)
        {
          g_autofree char *flat = g_strdup (line ? line : "?");

          g_strdelimit (flat, "\n", ' ');
          g_string_append_printf (out, "%s%s", out->len ? "; " : "", flat);
        }
    }
  if (rc == SQLITE_DONE)
    rc = SQLITE_OK;
  sqlite3_finalize (stmt);
  *rc_out = rc;
  if (rc != SQLITE_OK && out == NULL)
    out = g_string_new (sqlite3_errstr (rc));
  return out != NULL ? g_string_free (out, FALSE) : NULL;
}

static int
connect (const char *path,
         gboolean    read_only,
         gboolean    create,
         sqlite3   **db_out)
{
  sqlite3 *db = NULL;
  int flags = read_only ? SQLITE_OPEN_READONLY
                        : SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
  int rc;

  rc = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      sqlite3_close_v2 (db);
      *db_out = NULL;
      return rc;
    }
  /* Untrusted files: no schema-level functions or virtual tables with side
   * effects, no writable_schema tricks, bounded sizes. */
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_limit (db, SQLITE_LIMIT_LENGTH, 256 * 1024 * 1024);
  sqlite3_limit (db, SQLITE_LIMIT_ATTACHED, 0);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  sqlite3_exec (db, "PRAGMA trusted_schema = OFF", NULL, NULL, NULL);
  *db_out = db;
  return SQLITE_OK;
}

static gboolean
migrate (KtPortfolioDb *self,
         int            from,
         GError       **error)
{
  char pragma[64];

  if (!kt_portfolio_begin (self, _("updating the database schema"), error))
    return FALSE;
  /* Someone else may have migrated while we waited for the lock. */
  if (pragma_int (self->db, "PRAGMA user_version", &from) != SQLITE_OK)
    {
      kt_portfolio_rollback (self);
      return kt_portfolio_set_error (self, sqlite3_errcode (self->db),
                                     _("updating the database schema"), error);
    }
  for (int v = from; v < KT_PORTFOLIO_SCHEMA_VERSION; v++)
    if (!kt_portfolio_exec (self, migrations[v], _("updating the database schema"), error))
      {
        kt_portfolio_rollback (self);
        return FALSE;
      }
  /* Constant text: the version is ours, not data. */
  g_snprintf (pragma, sizeof pragma, "PRAGMA user_version = %d", KT_PORTFOLIO_SCHEMA_VERSION);
  if (!kt_portfolio_exec (self, pragma, _("updating the database schema"), error)
      || !kt_portfolio_exec (self, "PRAGMA application_id = 1263814736",
                             _("updating the database schema"), error))
    {
      kt_portfolio_rollback (self);
      return FALSE;
    }
  return kt_portfolio_commit (self, _("updating the database schema"), error);
}

static void
fall_back_read_only (KtPortfolioDb *self,
                     char          *warning)
{
  g_free (self->warning);
  self->warning = warning;
  self->read_only = TRUE;
}

KtPortfolioDb *
kt_portfolio_db_open (const char            *path,
                      KtPortfolioOpenFlags   flags,
                      GError               **error)
{
  g_autoptr (KtPortfolioDb) self = NULL;
  gboolean exists, read_only = (flags & KT_PORTFOLIO_OPEN_READ_ONLY) != 0;
  int rc, version = 0, app_id = 0, n_tables = 0;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (KtPortfolioDb, 1);
  self->path = g_strdup (path);
  self->stmts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, stmt_finalize);
  self->rule_sets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) kt_rule_set_free);
  exists = g_file_test (path, G_FILE_TEST_EXISTS);
  if (!exists && read_only)
    {
      g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_OPEN,
                   _("The portfolio %s does not exist"), path);
      return NULL;
    }
  if (!exists)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;

          g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_OPEN,
                       _("Cannot create the folder %s: %s"), dir, g_strerror (saved));
          return NULL;
        }
    }

  rc = connect (path, read_only, TRUE, &self->db);
  if (rc == SQLITE_OK && !read_only && sqlite3_db_readonly (self->db, "main") == 1)
    fall_back_read_only (self, g_strdup (_("the file is write-protected")));
  else if ((rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_PERM
           || (rc & 0xff) == SQLITE_READONLY)
    {
      if (exists && !read_only && connect (path, TRUE, FALSE, &self->db) == SQLITE_OK)
        {
          rc = SQLITE_OK;
          fall_back_read_only (self, g_strdup (_("the file cannot be opened for writing")));
        }
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_OPEN,
                   _("Cannot open the portfolio %s: %s"), path, sqlite3_errstr (rc));
      return NULL;
    }
  self->read_only = self->read_only || read_only;

  /* The first read tells a non-database (garbage, truncated header) at once. */
  rc = pragma_int (self->db, "PRAGMA application_id", &app_id);
  if (rc == SQLITE_OK)
    rc = pragma_int (self->db, "PRAGMA user_version", &version);
  if (rc == SQLITE_OK)
    rc = pragma_int (self->db, "SELECT count(*) FROM sqlite_schema", &n_tables);
  if (rc != SQLITE_OK)
    {
      int code = (rc & 0xff) == SQLITE_NOTADB ? KT_PORTFOLIO_ERROR_NOT_PORTFOLIO
                                              : KT_PORTFOLIO_ERROR_DAMAGED;

      g_set_error (error, KT_PORTFOLIO_ERROR, code,
                   code == KT_PORTFOLIO_ERROR_NOT_PORTFOLIO
                   ? _("%s is not a portfolio database (%s)")
                   : _("The portfolio %s is damaged and cannot be read (%s)"),
                   path, sqlite3_errmsg (self->db));
      return NULL;
    }
  if (n_tables > 0 && app_id != APPLICATION_ID)
    {
      g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_NOT_PORTFOLIO,
                   _("%s is an SQLite database of another program, not a Khả Thi portfolio"), path);
      return NULL;
    }

  if (!(flags & KT_PORTFOLIO_OPEN_NO_CHECK) && n_tables > 0)
    {
      g_autofree char *problem = kt_portfolio_check_integrity (self->db, FALSE, &rc);

      if (problem != NULL)
        {
          if ((rc & 0xff) == SQLITE_NOTADB)
            {
              g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_NOT_PORTFOLIO,
                           _("%s is not a portfolio database (%s)"), path, problem);
              return NULL;
            }
          /* Keep what can still be read; writing would spread the damage. */
          sqlite3_close_v2 (self->db);
          self->db = NULL;
          g_hash_table_remove_all (self->stmts);
          if (connect (path, TRUE, FALSE, &self->db) != SQLITE_OK)
            {
              g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_DAMAGED,
                           _("The portfolio %s is damaged (%s) and cannot be opened"), path, problem);
              return NULL;
            }
          fall_back_read_only (self, g_strdup_printf (_("the integrity check failed: %s; "
                                                        "restore a backup or export what "
                                                        "can be read"), problem));
        }
    }

  if (version > KT_PORTFOLIO_SCHEMA_VERSION)
    {
      fall_back_read_only (self, g_strdup_printf (_("it was written by a newer version of "
                                                    "Khả Thi (schema %d, this one knows %d)"),
                                                  version, KT_PORTFOLIO_SCHEMA_VERSION));
      if (!g_str_equal (path, ":memory:"))
        {
          sqlite3_close_v2 (self->db);
          connect (path, TRUE, FALSE, &self->db);
        }
    }
  else if (version < KT_PORTFOLIO_SCHEMA_VERSION)
    {
      if (self->read_only)
        {
          g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_READ_ONLY,
                       version == 0
                       ? _("The portfolio %s is empty and cannot be created read-only")
                       : _("The portfolio %s needs a schema update but is read-only"), path);
          return NULL;
        }
      if (!migrate (self, version, error))
        return NULL;
    }
  self->schema_version = MAX (version, KT_PORTFOLIO_SCHEMA_VERSION);
  if (version > KT_PORTFOLIO_SCHEMA_VERSION)
    self->schema_version = version;

  if (!self->read_only)
    {
      /* WAL: readers never block the writer; NORMAL is crash-safe in WAL mode
       * (a killed process loses no committed transaction). */
      sqlite3_exec (self->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
      sqlite3_exec (self->db, "PRAGMA synchronous = NORMAL", NULL, NULL, NULL);
    }
  sqlite3_exec (self->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  /* 32 MB of page cache: a list of 10 000 rows is read from memory. */
  sqlite3_exec (self->db, "PRAGMA cache_size = -32768", NULL, NULL, NULL);
  return g_steal_pointer (&self);
}

char *
kt_portfolio_db_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "khathi", "portfolio.sqlite", NULL);
}

gboolean
kt_portfolio_db_is_read_only (KtPortfolioDb *self)
{
  return self->read_only;
}

const char *
kt_portfolio_db_get_warning (KtPortfolioDb *self)
{
  return self->warning;
}

const char *
kt_portfolio_db_get_path (KtPortfolioDb *self)
{
  return self->path;
}

int
kt_portfolio_db_get_schema_version (KtPortfolioDb *self)
{
  return self->schema_version;
}

gpointer
kt_portfolio_db_get_handle (KtPortfolioDb *self)
{
  return self->db;
}

const KtRubric *
kt_portfolio_db_get_rubric (KtPortfolioDb *self,
                            GError       **error)
{
  if (self->rubric == NULL)
    self->rubric = kt_rubric_load_default (error);
  return self->rubric;
}

void
kt_portfolio_db_set_rubric (KtPortfolioDb *self,
                            KtRubric      *rubric)
{
  g_clear_pointer (&self->rubric, kt_rubric_free);
  self->rubric = rubric;
}

/* ---- submissions ---- */

void
kt_submission_free (KtSubmission *s)
{
  /* Its strings live in the same allocation (kt-portfolio-appraise.c). */
  g_free (s);
}

static void
json_string (GString    *out,
             const char *s)
{
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) (s ? s : ""); *p; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if (*p == '\n')
        g_string_append (out, "\\n");
      else if (*p < 0x20)
        g_string_append_printf (out, "\\u%04x", *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
json_number (GString *out,
             double   x)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isfinite (x))
    g_string_append (out, g_ascii_dtostr (buf, sizeof buf, x));
  else
    g_string_append (out, "null");
}

static double
irr_value (const KtIrrResult *r)
{
  return r->status == KT_IRR_NONE ? NAN : r->irr;
}

/* Everything computed for one submission before the transaction. */
typedef struct {
  KtIndicators ind;
  int          n_errors;
  int          n_legal_failed;
  GString     *results;       /* JSON */
  GArray      *auto_scores;   /* double, per criterion (NAN for manual) */
  GPtrArray   *auto_details;  /* char* */
  GArray      *legal;         /* gboolean, per rubric check */
  GPtrArray   *claims;        /* KtClaimCheck*, per claimed figure */
  int          n_claims_mismatched;
} Appraisal;

static void
appraisal_clear (Appraisal *a)
{
  if (a->results != NULL)
    g_string_free (a->results, TRUE);
  g_clear_pointer (&a->auto_scores, g_array_unref);
  g_clear_pointer (&a->auto_details, g_ptr_array_unref);
  g_clear_pointer (&a->legal, g_array_unref);
  g_clear_pointer (&a->claims, g_ptr_array_unref);
}

/* The proposer's claims against the recomputation: a warning per mismatch,
 * nothing else.  The claims are never used as figures. */
static void
check_claims (const KtModel       *model,
              const KtProjectData *data,
              Appraisal           *a,
              GPtrArray           *problems)
{
  KtClaimedFigures recomputed = { 0 };
  KtLang lang = kt_lang_current ();

  kt_claims_from_model (model, data, &recomputed);
  a->claims = kt_claims_check (&data->claimed, &recomputed);
  a->n_claims_mismatched = 0;
  for (guint i = 0; i < a->claims->len; i++)
    {
      const KtClaimCheck *c = a->claims->pdata[i];
      const KtFieldDesc *f = kt_claims_find (c->key);
      g_autofree char *where = NULL, *claimed = NULL, *own = NULL;

      if (c->matches)
        continue;
      where = g_strdup_printf ("claimed-figures/%s", c->key);
      claimed = kt_claims_format (f->unit, c->claimed, lang);
      own = kt_claims_format (f->unit, c->recomputed, lang);
      a->n_claims_mismatched++;
      kt_problems_add (problems, KT_SEVERITY_WARNING, "claim_mismatch", where, 0,
                       _("The proposer claims %s of %s, but the inputs give %s"),
                       c->label, claimed, own);
    }
}

/* The appraiser's own recomputation: figures from the submitted inputs only. */
static gboolean
appraise (KtProject      *project,
          KtRuleSet      *set,
          const KtRubric *rubric,
          Appraisal      *a,
          GError        **error)
{
  const KtProjectData *data = kt_project_get_data (project);
  g_autoptr (GPtrArray) problems = kt_problems_new ();
  g_autoptr (GPtrArray) validation = NULL;
  g_autoptr (KtModel) model = NULL;
  KtRules rules;
  KtIndicators *ind = &a->ind;
  GString *j;

  memset (&rules, 0, sizeof rules);
  kt_rules_resolve (set, data, &rules, problems);
  model = kt_model_new (data, 0);
  if (model == NULL || !kt_model_evaluate (model, data, &rules, NULL))
    {
      g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_INVALID_FILE,
                   _("The project has no year to compute (check its timeline)"));
      return FALSE;
    }
  kt_model_append_problems (model, data, problems);
  validation = kt_project_validate (project, set);
  for (guint i = 0; i < validation->len; i++)
    {
      const KtProblem *p = validation->pdata[i];
      gboolean dup = FALSE;

      /* The engine and the validator can report the same finding. */
      for (guint k = 0; k < problems->len && !dup; k++)
        {
          const KtProblem *q = problems->pdata[k];

          dup = strcmp (p->code, q->code) == 0 && strcmp (p->where, q->where) == 0
                && p->year == q->year;
        }
      if (!dup)
        kt_problems_add (problems, p->severity, p->code, p->where, p->year, "%s", p->message);
    }
  kt_rubric_check_content (data, problems);
  check_claims (model, data, a, problems);

  ind->total_investment = model->r.total_investment;
  ind->project_npv = model->r.project_npv;
  ind->project_irr = irr_value (&model->r.project_irr);
  ind->equity_irr = irr_value (&model->r.equity_irr);
  ind->dscr_min = model->r.dscr_min;
  ind->payback = model->r.payback;
  ind->discounted_payback = model->r.discounted_payback;
  ind->bcr = model->r.bcr;
  ind->fiscal_npv = model->r.fiscal_npv;
  ind->peak_commitment = model->r.peak_commitment;
  ind->enpv = model->r.enpv;
  ind->eirr = irr_value (&model->r.eirr);
  ind->ebcr = model->r.ebcr;
  {
    KtVfm vfm;

    kt_vfm_compute (model, data, &vfm);
    ind->psc = vfm.psc;
    ind->vfm = vfm.vfm;
  }
  ind->wacc = data->wacc;
  ind->hurdle_rate = data->hurdle_rate;
  ind->social_rate = data->social_rate;
  ind->min_dscr = data->min_dscr;

  a->n_errors = 0;
  for (guint i = 0; i < problems->len; i++)
    if (((KtProblem *) problems->pdata[i])->severity == KT_SEVERITY_ERROR)
      a->n_errors++;

  a->legal = g_array_new (FALSE, FALSE, sizeof (gboolean));
  a->n_legal_failed = 0;
  for (guint c = 0; c < rubric->checks->len; c++)
    {
      const KtRubricCheck *check = rubric->checks->pdata[c];
      gboolean passed = TRUE;

      for (guint i = 0; i < problems->len && passed; i++)
        {
          const KtProblem *p = problems->pdata[i];

          if (p->severity == KT_SEVERITY_ERROR && strcmp (p->code, check->code) == 0)
            passed = FALSE;
        }
      g_array_append_val (a->legal, passed);
      a->n_legal_failed += !passed;
    }

  a->auto_scores = g_array_new (FALSE, FALSE, sizeof (double));
  a->auto_details = g_ptr_array_new_with_free_func (g_free);
  for (guint c = 0; c < rubric->criteria->len; c++)
    {
      const KtRubricCriterion *crit = rubric->criteria->pdata[c];
      GString *detail = g_string_new (NULL);
      double score = crit->automatic ? kt_rubric_score_auto (crit, ind, detail) : NAN;

      g_array_append_val (a->auto_scores, score);
      g_ptr_array_add (a->auto_details, g_string_free (detail, FALSE));
    }

  /* Results as JSON: what `show` and reports read back. */
  j = a->results = g_string_new ("{\"rule_set\":");
  json_string (j, kt_rule_set_get_id (set));
  g_string_append (j, ",\"rubric\":");
  json_string (j, rubric->id);
  g_string_append (j, ",\"indicators\":{");
#define NUM(name, x) \
  G_STMT_START { g_string_append (j, "\"" name "\":"); json_number (j, x); } G_STMT_END
  NUM ("total_investment", ind->total_investment); g_string_append_c (j, ',');
  NUM ("project_npv", ind->project_npv); g_string_append_c (j, ',');
  NUM ("project_irr", ind->project_irr); g_string_append_c (j, ',');
  NUM ("project_mirr", model->r.project_mirr); g_string_append_c (j, ',');
  NUM ("equity_npv", model->r.equity_npv); g_string_append_c (j, ',');
  NUM ("equity_irr", ind->equity_irr); g_string_append_c (j, ',');
  NUM ("dscr_min", ind->dscr_min); g_string_append_c (j, ',');
  NUM ("dscr_avg", model->r.dscr_avg); g_string_append_c (j, ',');
  NUM ("llcr", model->r.llcr); g_string_append_c (j, ',');
  NUM ("payback", ind->payback); g_string_append_c (j, ',');
  NUM ("discounted_payback", ind->discounted_payback); g_string_append_c (j, ',');
  NUM ("bcr", ind->bcr); g_string_append_c (j, ',');
  NUM ("fiscal_npv", ind->fiscal_npv); g_string_append_c (j, ',');
  NUM ("peak_commitment", ind->peak_commitment); g_string_append_c (j, ',');
  NUM ("enpv", ind->enpv); g_string_append_c (j, ',');
  NUM ("eirr", ind->eirr); g_string_append_c (j, ',');
  NUM ("ebcr", ind->ebcr); g_string_append_c (j, ',');
  NUM ("psc", ind->psc); g_string_append_c (j, ',');
  NUM ("vfm", ind->vfm); g_string_append_c (j, ',');
  NUM ("wacc", ind->wacc); g_string_append_c (j, ',');
  NUM ("hurdle_rate", ind->hurdle_rate); g_string_append_c (j, ',');
  NUM ("social_rate", ind->social_rate); g_string_append_c (j, ',');
  NUM ("min_dscr", ind->min_dscr);
#undef NUM
  g_string_append (j, "},\"problems\":[");
  for (guint i = 0; i < problems->len; i++)
    {
      const KtProblem *p = problems->pdata[i];

      g_string_append (j, i ? ",{\"severity\":" : "{\"severity\":");
      json_string (j, kt_severity_key (p->severity));
      g_string_append (j, ",\"code\":");
      json_string (j, p->code);
      g_string_append (j, ",\"where\":");
      json_string (j, p->where);
      g_string_append_printf (j, ",\"year\":%d,\"message\":", p->year);
      json_string (j, p->message);
      g_string_append_c (j, '}');
    }
  g_string_append (j, "],\"claimed\":");
  if (!kt_claims_present (&data->claimed))
    g_string_append (j, "null");
  else
    {
      g_string_append (j, "{\"engine\":");
      json_string (j, data->claimed.engine);
      g_string_append (j, ",\"computed_at\":");
      json_string (j, data->claimed.computed_at);
      g_string_append (j, ",\"checks\":[");
      for (guint i = 0; i < a->claims->len; i++)
        {
          const KtClaimCheck *c = a->claims->pdata[i];

          g_string_append (j, i ? ",{\"key\":" : "{\"key\":");
          json_string (j, c->key);
          g_string_append (j, ",\"claimed\":");
          json_number (j, c->claimed);
          g_string_append (j, ",\"recomputed\":");
          json_number (j, c->recomputed);
          g_string_append_printf (j, ",\"matches\":%s}", c->matches ? "true" : "false");
        }
      g_string_append (j, "]}");
    }
  g_string_append_c (j, '}');
  return TRUE;
}

static char *
narrative_text (const KtProjectData *d)
{
  GString *s = g_string_new (NULL);

  for (int c = 0; c < KT_N_CHAPTERS; c++)
    {
      if (d->chapters[c].vi != NULL)
        g_string_append_printf (s, "%s\n", d->chapters[c].vi);
      if (d->chapters[c].en != NULL)
        g_string_append_printf (s, "%s\n", d->chapters[c].en);
    }
  return g_string_free (s, FALSE);
}

gboolean
kt_portfolio_db_import_file (KtPortfolioDb  *self,
                             const char     *path,
                             const char     *appraiser,
                             const char     *rule_set,
                             KtImportResult *result,
                             GError        **error)
{
  g_autofree char *data = NULL;
  g_autofree char *base = g_path_get_basename (path);
  g_autoptr (GError) local = NULL;
  gsize length = 0;
  GStatBuf st;

  if (g_stat (path, &st) == 0 && st.st_size > KT_PROJECT_FILE_MAX_SIZE)
    {
      g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_INVALID_FILE,
                   _("%s is larger than %d MiB"), path, KT_PROJECT_FILE_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }
  if (!g_file_get_contents (path, &data, &length, &local))
    {
      g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_INVALID_FILE, "%s", local->message);
      return FALSE;
    }
  return kt_portfolio_db_import_data (self, data, length, base, appraiser, rule_set, result, error);
}

gboolean
kt_portfolio_db_import_data (KtPortfolioDb  *self,
                             const char     *data,
                             gsize           length,
                             const char     *file_name,
                             const char     *appraiser,
                             const char     *rule_set,
                             KtImportResult *result,
                             GError        **error)
{
  g_autoptr (KtProject) project = NULL;
  KtRuleSet *set = NULL;
  g_autoptr (GError) local = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *now = NULL;
  g_autofree char *narrative = NULL;
  g_autofree char *name_sort = NULL;
  const KtProjectData *d;
  const KtRubric *rubric;
  Appraisal a = { 0 };
  KtImportResult r = { 0 };
  sqlite3_stmt *stmt;
  const char *doing = _("importing a submission");
  const char *set_id;
  gint64 previous = 0;
  int version = 1, rc;

  g_return_val_if_fail (self != NULL, FALSE);
  if (appraiser == NULL || *appraiser == '\0')
    appraiser = kt_portfolio_default_appraiser ();
  if (self->read_only)
    return kt_portfolio_begin (self, doing, error);
  rubric = kt_portfolio_db_get_rubric (self, error);
  if (rubric == NULL)
    return FALSE;

  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
  project = kt_project_load_from_data (data, length, file_name, &local);
  if (project == NULL)
    {
      g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_INVALID_FILE, "%s", local->message);
      return FALSE;
    }
  d = kt_project_get_data (project);
  if (d->id == NULL || *d->id == '\0')
    {
      g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_INVALID_FILE,
                   _("%s: the study has no project id, so versions cannot be linked"), file_name);
      return FALSE;
    }
  set_id = rule_set != NULL ? rule_set
           : d->rule_set != NULL && *d->rule_set ? d->rule_set : kt_rule_set_default_id ();
  /* Rule sets are installed data, parsed once per handle. */
  set = g_hash_table_lookup (self->rule_sets, set_id);
  if (set == NULL)
    {
      set = kt_rule_set_load_by_id (set_id, &local);
      if (set == NULL)
        {
          g_set_error (error, KT_PORTFOLIO_ERROR, KT_PORTFOLIO_ERROR_INVALID_FILE,
                       "%s: %s", file_name, local->message);
          return FALSE;
        }
      g_hash_table_insert (self->rule_sets, g_strdup (set_id), set);
    }
  if (!appraise (project, set, rubric, &a, error))
    {
      appraisal_clear (&a);
      g_prefix_error (error, "%s: ", file_name);
      return FALSE;
    }
  narrative = narrative_text (d);
  name_sort = vi_sort_key (d->name.vi != NULL && *d->name.vi ? d->name.vi : d->name.en);
  now = kt_portfolio_now ();

  if (!kt_portfolio_begin (self, doing, error))
    goto fail;

  stmt = kt_portfolio_prepare (self, "SELECT id, version, previous_id FROM submission WHERE sha256 = ?1", error);
  if (stmt == NULL)
    goto fail_tx;
  sqlite3_bind_text (stmt, 1, sha, -1, SQLITE_STATIC);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      r.id = sqlite3_column_int64 (stmt, 0);
      r.version = sqlite3_column_int (stmt, 1);
      r.previous_id = sqlite3_column_int64 (stmt, 2);
      r.duplicate = TRUE;
      sqlite3_reset (stmt);
      kt_portfolio_rollback (self);
      appraisal_clear (&a);
      if (result != NULL)
        *result = r;
      return TRUE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto sql_fail;

  stmt = kt_portfolio_prepare (self, "SELECT id, version FROM submission WHERE project_id = ?1 "
                                     "ORDER BY version DESC LIMIT 1", error);
  if (stmt == NULL)
    goto fail_tx;
  sqlite3_bind_text (stmt, 1, d->id, -1, SQLITE_STATIC);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      previous = sqlite3_column_int64 (stmt, 0);
      version = sqlite3_column_int (stmt, 1) + 1;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    goto sql_fail;

  stmt = kt_portfolio_prepare (self,
    "INSERT INTO submission (project_id, version, previous_id, file_name, sha256, size,"
    " imported_at, imported_by, name_vi, name_en, name_sort, proposer, province, field, domain,"
    " form, rule_set, rubric_id, total_investment, project_npv, project_irr, equity_irr,"
    " dscr_min, payback, discounted_payback, bcr, fiscal_npv, peak_commitment, enpv, eirr,"
    " ebcr, wacc, hurdle_rate, social_rate, min_dscr, n_errors, n_legal_failed, psc, vfm, summary,"
    " claims_mismatched)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
    " ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35,"
    " ?36, ?37, ?38, ?39, ?40, ?41)", error);
  if (stmt == NULL)
    goto fail_tx;
  {
    g_autofree char *name_vi = g_utf8_normalize (d->name.vi ? d->name.vi : "", -1, G_NORMALIZE_NFC);
    g_autofree char *name_en = g_utf8_normalize (d->name.en ? d->name.en : "", -1, G_NORMALIZE_NFC);
    g_autofree char *proposer = g_utf8_normalize (d->proposer.name ? d->proposer.name : "", -1,
                                                  G_NORMALIZE_NFC);
    const KtIndicators *ind = &a.ind;

    kt_portfolio_bind_text (stmt, 1, d->id);
    sqlite3_bind_int (stmt, 2, version);
    if (previous > 0)
      sqlite3_bind_int64 (stmt, 3, previous);
    else
      sqlite3_bind_null (stmt, 3);
    kt_portfolio_bind_text (stmt, 4, file_name != NULL ? file_name : "");
    kt_portfolio_bind_text (stmt, 5, sha);
    sqlite3_bind_int64 (stmt, 6, (gint64) length);
    kt_portfolio_bind_text (stmt, 7, now);
    kt_portfolio_bind_text (stmt, 8, appraiser);
    kt_portfolio_bind_text (stmt, 9, name_vi ? name_vi : "");
    kt_portfolio_bind_text (stmt, 10, name_en ? name_en : "");
    kt_portfolio_bind_text (stmt, 11, name_sort);
    kt_portfolio_bind_text (stmt, 12, proposer ? proposer : "");
    kt_portfolio_bind_text (stmt, 13, d->province ? d->province : "");
    kt_portfolio_bind_text (stmt, 14, kt_enum_key (&kt_field_info, d->field));
    kt_portfolio_bind_text (stmt, 15, kt_enum_key (&kt_domain_info, d->domain));
    kt_portfolio_bind_text (stmt, 16, kt_enum_key (&kt_form_info, d->form));
    kt_portfolio_bind_text (stmt, 17, kt_rule_set_get_id (set));
    kt_portfolio_bind_text (stmt, 18, rubric->id);
    kt_portfolio_bind_double (stmt, 19, ind->total_investment);
    kt_portfolio_bind_double (stmt, 20, ind->project_npv);
    kt_portfolio_bind_double (stmt, 21, ind->project_irr);
    kt_portfolio_bind_double (stmt, 22, ind->equity_irr);
    kt_portfolio_bind_double (stmt, 23, ind->dscr_min);
    kt_portfolio_bind_double (stmt, 24, ind->payback);
    kt_portfolio_bind_double (stmt, 25, ind->discounted_payback);
    kt_portfolio_bind_double (stmt, 26, ind->bcr);
    kt_portfolio_bind_double (stmt, 27, ind->fiscal_npv);
    kt_portfolio_bind_double (stmt, 28, ind->peak_commitment);
    kt_portfolio_bind_double (stmt, 29, ind->enpv);
    kt_portfolio_bind_double (stmt, 30, ind->eirr);
    kt_portfolio_bind_double (stmt, 31, ind->ebcr);
    kt_portfolio_bind_double (stmt, 32, ind->wacc);
    kt_portfolio_bind_double (stmt, 33, ind->hurdle_rate);
    kt_portfolio_bind_double (stmt, 34, ind->social_rate);
    kt_portfolio_bind_double (stmt, 35, ind->min_dscr);
    sqlite3_bind_int (stmt, 36, a.n_errors);
    sqlite3_bind_int (stmt, 37, a.n_legal_failed);
    kt_portfolio_bind_double (stmt, 38, ind->psc);
    kt_portfolio_bind_double (stmt, 39, ind->vfm);
    {
      KtSubmission row = { 0 };
      g_autoptr (GBytes) packed = NULL;
      gsize packed_len;
      const void *packed_data;

      row.project_id = d->id;
      row.version = version;
      row.previous_id = previous;
      row.file_name = (char *) (file_name != NULL ? file_name : "");
      row.sha256 = sha;
      row.size = (gint64) length;
      row.imported_at = now;
      row.imported_by = (char *) appraiser;
      row.name_vi = name_vi ? name_vi : (char *) "";
      row.name_en = name_en ? name_en : (char *) "";
      row.proposer = proposer ? proposer : (char *) "";
      row.province = d->province ? d->province : (char *) "";
      row.field = (char *) kt_enum_key (&kt_field_info, d->field);
      row.domain = (char *) kt_enum_key (&kt_domain_info, d->domain);
      row.form = (char *) kt_enum_key (&kt_form_info, d->form);
      row.rule_set = (char *) kt_rule_set_get_id (set);
      row.rubric_id = rubric->id;
      row.sort_key = name_sort;
      row.ind = *ind;
      /* NULL bindings of the REAL columns are NAN in the packed copy too. */
      row.n_errors = a.n_errors;
      row.n_legal_failed = a.n_legal_failed;
      packed = kt_submission_pack (&row);
      packed_data = g_bytes_get_data (packed, &packed_len);
      sqlite3_bind_blob64 (stmt, 40, packed_data, packed_len, SQLITE_TRANSIENT);
    }
    sqlite3_bind_int (stmt, 41, a.n_claims_mismatched);
    rc = sqlite3_step (stmt);
    sqlite3_reset (stmt);
    if (rc != SQLITE_DONE)
      goto sql_fail;
    r.id = sqlite3_last_insert_rowid (self->db);
    r.version = version;
    r.previous_id = previous;

    stmt = kt_portfolio_prepare (self, "INSERT INTO submission_file (submission_id, data) "
                                       "VALUES (?1, ?2)", error);
    if (stmt == NULL)
      goto fail_tx;
    sqlite3_bind_int64 (stmt, 1, r.id);
    sqlite3_bind_blob64 (stmt, 2, data, length, SQLITE_STATIC);
    rc = sqlite3_step (stmt);
    sqlite3_reset (stmt);
    if (rc != SQLITE_DONE)
      goto sql_fail;

    stmt = kt_portfolio_prepare (self, "INSERT INTO submission_result (submission_id, results) "
                                       "VALUES (?1, ?2)", error);
    if (stmt == NULL)
      goto fail_tx;
    sqlite3_bind_int64 (stmt, 1, r.id);
    sqlite3_bind_text (stmt, 2, a.results->str, (int) a.results->len, SQLITE_STATIC);
    rc = sqlite3_step (stmt);
    sqlite3_reset (stmt);
    if (rc != SQLITE_DONE)
      goto sql_fail;

    stmt = kt_portfolio_prepare (self, "INSERT INTO submission_fts (rowid, name_vi, name_en, "
                                       "proposer, narrative) VALUES (?1, ?2, ?3, ?4, ?5)", error);
    if (stmt == NULL)
      goto fail_tx;
    {
      g_autofree char *f1 = fold_nfc (name_vi ? name_vi : "");
      g_autofree char *f2 = fold_nfc (name_en ? name_en : "");
      g_autofree char *f3 = fold_nfc (proposer ? proposer : "");
      g_autofree char *f4 = fold_nfc (narrative);

      sqlite3_bind_int64 (stmt, 1, r.id);
      kt_portfolio_bind_text (stmt, 2, f1);
      kt_portfolio_bind_text (stmt, 3, f2);
      kt_portfolio_bind_text (stmt, 4, f3);
      kt_portfolio_bind_text (stmt, 5, f4);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        goto sql_fail;
    }
  }

  for (guint c = 0; c < rubric->criteria->len; c++)
    {
      const KtRubricCriterion *crit = rubric->criteria->pdata[c];

      if (!crit->automatic)
        continue;
      stmt = kt_portfolio_prepare (self, "INSERT INTO auto_score (submission_id, criterion, score, "
                                         "detail) VALUES (?1, ?2, ?3, ?4)", error);
      if (stmt == NULL)
        goto fail_tx;
      sqlite3_bind_int64 (stmt, 1, r.id);
      kt_portfolio_bind_text (stmt, 2, crit->key);
      kt_portfolio_bind_double (stmt, 3, g_array_index (a.auto_scores, double, c));
      kt_portfolio_bind_text (stmt, 4, a.auto_details->pdata[c]);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        goto sql_fail;
    }
  for (guint c = 0; c < rubric->checks->len; c++)
    {
      const KtRubricCheck *check = rubric->checks->pdata[c];

      stmt = kt_portfolio_prepare (self, "INSERT INTO legal_check (submission_id, position, code, "
                                         "passed, citation) VALUES (?1, ?2, ?3, ?4, ?5)", error);
      if (stmt == NULL)
        goto fail_tx;
      sqlite3_bind_int64 (stmt, 1, r.id);
      sqlite3_bind_int (stmt, 2, (int) c);
      kt_portfolio_bind_text (stmt, 3, check->code);
      sqlite3_bind_int (stmt, 4, g_array_index (a.legal, gboolean, c) ? 1 : 0);
      kt_portfolio_bind_text (stmt, 5, check->citation);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        goto sql_fail;
    }

  for (guint c = 0; c < a.claims->len; c++)
    {
      const KtClaimCheck *check = a.claims->pdata[c];

      stmt = kt_portfolio_prepare (self, "INSERT INTO claim_check (submission_id, position, key, "
                                         "claimed, recomputed, matches) "
                                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      if (stmt == NULL)
        goto fail_tx;
      sqlite3_bind_int64 (stmt, 1, r.id);
      sqlite3_bind_int (stmt, 2, (int) c);
      kt_portfolio_bind_text (stmt, 3, check->key);
      kt_portfolio_bind_double (stmt, 4, check->claimed);
      kt_portfolio_bind_double (stmt, 5, check->recomputed);
      sqlite3_bind_int (stmt, 6, check->matches ? 1 : 0);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        goto sql_fail;
    }

  if (!kt_portfolio_audit_append (self, now, appraiser, "import", r.id, sha,
                                  file_name != NULL ? file_name : "", d->id, error))
    goto fail_tx;
  if (!kt_portfolio_commit (self, doing, error))
    goto fail;
  appraisal_clear (&a);
  if (result != NULL)
    *result = r;
  return TRUE;

sql_fail:
  kt_portfolio_set_error (self, rc, doing, error);
fail_tx:
  kt_portfolio_rollback (self);
fail:
  appraisal_clear (&a);
  g_prefix_error (error, "%s: ", file_name);
  return FALSE;
}
