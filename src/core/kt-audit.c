/* kt-audit.c — the portfolio's append-only audit log, chained by SHA-256, and its verification
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * hash(n) = SHA-256 (hash(n−1) in hex || canonical text of entry n), with 64
 * zeros before the first entry.  Triggers refuse UPDATE and DELETE; someone
 * who bypasses them (another SQLite client dropping the triggers) breaks the
 * chain, unless they rewrite every later hash too — so `verify` prints the
 * head hash, to be recorded outside the file (minutes, e-mail), and checks
 * that every stored row still agrees with its entry.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kt-portfolio-db.h"
#include "kt-portfolio-private.h"

#define GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

void
kt_audit_entry_free (KtAuditEntry *e)
{
  if (e == NULL)
    return;
  g_free (e->at);
  g_free (e->actor);
  g_free (e->action);
  g_free (e->subject);
  g_free (e->value);
  g_free (e->detail);
  g_free (e->prev_hash);
  g_free (e->hash);
  g_free (e);
}

static void
field (GString    *s,
       const char *name,
       const char *value)
{
  /* Length-prefixed, so no value can fake a field boundary. */
  g_string_append_printf (s, "%s:%" G_GSIZE_FORMAT ":%s\n", name, strlen (value ? value : ""),
                          value ? value : "");
}

char *
kt_audit_canonical (gint64      seq,
                    const char *at,
                    const char *actor,
                    const char *action,
                    gint64      submission_id,
                    const char *subject,
                    const char *value,
                    const char *detail)
{
  GString *s = g_string_new ("khathi-audit-1\n");
  char num[32];

  g_snprintf (num, sizeof num, "%" G_GINT64_FORMAT, seq);
  field (s, "seq", num);
  field (s, "at", at);
  field (s, "actor", actor);
  field (s, "action", action);
  g_snprintf (num, sizeof num, "%" G_GINT64_FORMAT, submission_id);
  field (s, "submission", num);
  field (s, "subject", subject);
  field (s, "value", value);
  field (s, "detail", detail);
  return g_string_free (s, FALSE);
}

static char *
chain_hash (const char *prev_hash,
            const char *canonical)
{
  GChecksum *c = g_checksum_new (G_CHECKSUM_SHA256);
  char *hex;

  g_checksum_update (c, (const guchar *) prev_hash, (gssize) strlen (prev_hash));
  g_checksum_update (c, (const guchar *) canonical, (gssize) strlen (canonical));
  hex = g_strdup (g_checksum_get_string (c));
  g_checksum_free (c);
  return hex;
}

gboolean
kt_portfolio_audit_append (KtPortfolioDb *self,
                           const char    *at,
                           const char    *actor,
                           const char    *action,
                           gint64         submission_id,
                           const char    *subject,
                           const char    *value,
                           const char    *detail,
                           GError       **error)
{
  g_autofree char *prev = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *hash = NULL;
  sqlite3_stmt *stmt;
  gint64 seq = 1;
  int rc;

  stmt = kt_portfolio_prepare (self, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      seq = sqlite3_column_int64 (stmt, 0) + 1;
      prev = kt_portfolio_column_text (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return kt_portfolio_set_error (self, rc, _("writing the audit log"), error);
  if (prev == NULL)
    prev = g_strdup (GENESIS);

  canonical = kt_audit_canonical (seq, at, actor, action, submission_id, subject, value, detail);
  hash = chain_hash (prev, canonical);
  stmt = kt_portfolio_prepare (self, "INSERT INTO audit (seq, at, actor, action, submission_id, "
                                     "subject, value, detail, prev_hash, hash) VALUES "
                                     "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, seq);
  kt_portfolio_bind_text (stmt, 2, at);
  kt_portfolio_bind_text (stmt, 3, actor);
  kt_portfolio_bind_text (stmt, 4, action);
  if (submission_id > 0)
    sqlite3_bind_int64 (stmt, 5, submission_id);
  else
    sqlite3_bind_null (stmt, 5);
  kt_portfolio_bind_text (stmt, 6, subject ? subject : "");
  kt_portfolio_bind_text (stmt, 7, value ? value : "");
  kt_portfolio_bind_text (stmt, 8, detail ? detail : "");
  kt_portfolio_bind_text (stmt, 9, prev);
  kt_portfolio_bind_text (stmt, 10, hash);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return kt_portfolio_set_error (self, rc, _("writing the audit log"), error);
  return TRUE;
}

gboolean
kt_portfolio_db_log_export (KtPortfolioDb *self,
                            const char    *format,
                            const char    *path,
                            const char    *sha256,
                            const char    *actor,
                            gint64         submission_id,
                            GError       **error)
{
  g_autofree char *now = kt_portfolio_now ();
  const char *doing = _("logging an export");

  if (actor == NULL || *actor == '\0')
    actor = kt_portfolio_default_appraiser ();
  if (!kt_portfolio_begin (self, doing, error))
    return FALSE;
  if (!kt_portfolio_audit_append (self, now, actor, "export", submission_id, format, path,
                                  sha256, error))
    {
      kt_portfolio_rollback (self);
      return FALSE;
    }
  return kt_portfolio_commit (self, doing, error);
}

static KtAuditEntry *
read_entry (sqlite3_stmt *stmt)
{
  KtAuditEntry *e = g_new0 (KtAuditEntry, 1);

  e->seq = sqlite3_column_int64 (stmt, 0);
  e->at = kt_portfolio_column_text (stmt, 1);
  e->actor = kt_portfolio_column_text (stmt, 2);
  e->action = kt_portfolio_column_text (stmt, 3);
  e->submission_id = sqlite3_column_int64 (stmt, 4);
  e->subject = kt_portfolio_column_text (stmt, 5);
  e->value = kt_portfolio_column_text (stmt, 6);
  e->detail = kt_portfolio_column_text (stmt, 7);
  e->prev_hash = kt_portfolio_column_text (stmt, 8);
  e->hash = kt_portfolio_column_text (stmt, 9);
  return e;
}

GPtrArray *
kt_portfolio_db_get_audit (KtPortfolioDb *self,
                           gint64         submission_id,
                           GError       **error)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) kt_audit_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = kt_portfolio_prepare (self, "SELECT seq, at, actor, action, submission_id, subject, value, "
                                     "detail, prev_hash, hash FROM audit WHERE ?1 = 0 OR "
                                     "submission_id = ?1 ORDER BY seq", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, submission_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, read_entry (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      kt_portfolio_set_error (self, rc, _("reading the audit log"), error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

static void
problem (GPtrArray  *problems,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static void
problem (GPtrArray  *problems,
         const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (problems, g_strdup_vprintf (format, args));
  va_end (args);
}

/* Latest audit entry for (submission, action, actor, subject); NULL when none. */
static const KtAuditEntry *
latest_entry (GPtrArray  *entries,
              gint64      submission_id,
              const char *action,
              const char *actor,
              const char *subject)
{
  for (guint i = entries->len; i-- > 0; )
    {
      const KtAuditEntry *e = entries->pdata[i];

      if (e->submission_id == submission_id && strcmp (e->action, action) == 0
          && (actor == NULL || g_strcmp0 (e->actor, actor) == 0)
          && (subject == NULL || g_strcmp0 (e->subject, subject) == 0))
        return e;
    }
  return NULL;
}

static gboolean
same_number (double a,
             double b)
{
  return a == b || (isnan (a) && isnan (b));
}

gboolean
kt_portfolio_db_verify (KtPortfolioDb *self,
                        GPtrArray     *problems,
                        gint64        *n_entries,
                        char         **head,
                        GError       **error)
{
  g_autoptr (GPtrArray) entries = NULL;
  g_autofree char *integrity = NULL;
  g_autofree char *prev = g_strdup (GENESIS);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (problems != NULL, FALSE);

  integrity = kt_portfolio_check_integrity (self->db, TRUE, &rc);
  if (integrity != NULL)
    problem (problems, _("The database integrity check failed: %s"), integrity);

  for (int i = 0; kt_portfolio_protecting_triggers[i] != NULL; i++)
    {
      int found = 0;

      stmt = kt_portfolio_prepare (self, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' "
                                         "AND name = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, kt_portfolio_protecting_triggers[i], -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        found = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
      if (!found)
        problem (problems, _("The protecting trigger “%s” was removed"),
                 kt_portfolio_protecting_triggers[i]);
    }

  entries = kt_portfolio_db_get_audit (self, 0, error);
  if (entries == NULL)
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    {
      const KtAuditEntry *e = entries->pdata[i];
      g_autofree char *canonical = NULL;
      g_autofree char *hash = NULL;

      if (e->seq != (gint64) i + 1)
        problem (problems, _("Audit entry %lld is out of sequence (expected %u): "
                             "entries were removed or inserted"), (long long) e->seq, i + 1);
      if (g_strcmp0 (e->prev_hash, prev) != 0)
        problem (problems, _("Audit entry %lld does not follow the previous "
                             "entry's hash: the chain is broken"), (long long) e->seq);
      canonical = kt_audit_canonical (e->seq, e->at, e->actor, e->action, e->submission_id,
                                      e->subject, e->value, e->detail);
      hash = chain_hash (e->prev_hash ? e->prev_hash : "", canonical);
      if (g_strcmp0 (hash, e->hash) != 0)
        problem (problems, _("Audit entry %lld (%s) was altered: its hash does "
                             "not match its content"), (long long) e->seq, e->action);
      g_free (prev);
      prev = g_strdup (e->hash ? e->hash : "");
    }

  /* Every stored row must agree with what the log says was done, and its
   * packed list row (kt-portfolio-summary.c) with its columns. */
  stmt = kt_portfolio_prepare (self, "SELECT s.id, s.sha256, f.submission_id IS NOT NULL, s.summary,"
                                     " s.project_id, s.version, s.form, s.name_vi, s.total_investment,"
                                     " s.project_irr, s.n_legal_failed FROM submission s"
                                     " LEFT JOIN submission_file f ON f.submission_id = s.id"
                                     " ORDER BY s.id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *sha = (const char *) sqlite3_column_text (stmt, 1);
      const KtAuditEntry *e = latest_entry (entries, id, "import", NULL, NULL);
      g_autoptr (KtSubmission) row = NULL;

      if (!sqlite3_column_int (stmt, 2))
        problem (problems, _("Submission %lld has lost its file"), (long long) id);
      if (e == NULL)
        problem (problems, _("Submission %lld has no import entry in the audit log"), (long long) id);
      else if (g_strcmp0 (e->subject, sha) != 0
               || g_strcmp0 (e->detail, (const char *) sqlite3_column_text (stmt, 4)) != 0)
        problem (problems, _("Submission %lld's recorded SHA-256 or project id differs from its "
                             "import entry"), (long long) id);
      row = kt_submission_unpack (id, sqlite3_column_blob (stmt, 3),
                                  (gsize) MAX (sqlite3_column_bytes (stmt, 3), 0), NULL, 0);
      if (row == NULL
          || g_strcmp0 (row->sha256, sha) != 0
          || g_strcmp0 (row->project_id, (const char *) sqlite3_column_text (stmt, 4)) != 0
          || row->version != sqlite3_column_int (stmt, 5)
          || g_strcmp0 (row->form, (const char *) sqlite3_column_text (stmt, 6)) != 0
          || g_strcmp0 (row->name_vi, (const char *) sqlite3_column_text (stmt, 7)) != 0
          || !same_number (row->ind.total_investment, kt_portfolio_column_double (stmt, 8))
          || !same_number (row->ind.project_irr, kt_portfolio_column_double (stmt, 9))
          || row->n_legal_failed != sqlite3_column_int (stmt, 10))
        problem (problems, _("The list row of submission %lld disagrees with its columns: "
                             "the portfolio was altered"), (long long) id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return kt_portfolio_set_error (self, rc, _("verifying the portfolio"), error);

  /* The bytes themselves, hashed again (one blob at a time). */
  stmt = kt_portfolio_prepare (self, "SELECT s.id, s.sha256, f.data FROM submission s "
                                     "JOIN submission_file f ON f.submission_id = s.id ORDER BY s.id",
                               error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const void *blob = sqlite3_column_blob (stmt, 2);
      int len = sqlite3_column_bytes (stmt, 2);
      g_autofree char *sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, blob ? blob : "",
                                                          (gsize) len);

      if (g_strcmp0 (sha, (const char *) sqlite3_column_text (stmt, 1)) != 0)
        problem (problems, _("The file of submission %lld was altered: its "
                             "SHA-256 does not match"), (long long) sqlite3_column_int64 (stmt, 0));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return kt_portfolio_set_error (self, rc, _("verifying the portfolio"), error);

  for (guint i = 0; i < entries->len; i++)
    {
      const KtAuditEntry *e = entries->pdata[i];
      int found = 0;

      if (strcmp (e->action, "import") != 0)
        continue;
      stmt = kt_portfolio_prepare (self, "SELECT count(*) FROM submission WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, e->submission_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        found = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
      if (!found)
        problem (problems, _("Submission %lld was removed (audit entry %lld)"),
                 (long long) e->submission_id, (long long) e->seq);
    }

  stmt = kt_portfolio_prepare (self, "SELECT submission_id, appraiser, criterion, score, comment "
                                     "FROM score ORDER BY submission_id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *appraiser = (const char *) sqlite3_column_text (stmt, 1);
      const char *criterion = (const char *) sqlite3_column_text (stmt, 2);
      char value[G_ASCII_DTOSTR_BUF_SIZE];
      const KtAuditEntry *e = latest_entry (entries, id, "score", appraiser, criterion);

      g_ascii_dtostr (value, sizeof value, sqlite3_column_double (stmt, 3));
      if (e == NULL || g_strcmp0 (e->value, value) != 0
          || g_strcmp0 (e->detail, (const char *) sqlite3_column_text (stmt, 4)) != 0)
        problem (problems, _("The score of “%s” by %s on submission %lld"
                             " differs from the audit log"), criterion, appraiser, (long long) id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return kt_portfolio_set_error (self, rc, _("verifying the portfolio"), error);

  stmt = kt_portfolio_prepare (self, "SELECT submission_id, decision, appraiser, note FROM decision",
                               error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const KtAuditEntry *e = latest_entry (entries, id, "decide", NULL, NULL);

      if (e == NULL || g_strcmp0 (e->subject, (const char *) sqlite3_column_text (stmt, 1)) != 0
          || g_strcmp0 (e->actor, (const char *) sqlite3_column_text (stmt, 2)) != 0
          || g_strcmp0 (e->detail, (const char *) sqlite3_column_text (stmt, 3)) != 0)
        problem (problems, _("The decision on submission %lld"
                             " differs from the audit log"), (long long) id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return kt_portfolio_set_error (self, rc, _("verifying the portfolio"), error);

  if (n_entries != NULL)
    *n_entries = entries->len;
  if (head != NULL)
    *head = g_strdup (entries->len > 0 ? prev : GENESIS);
  return TRUE;
}
