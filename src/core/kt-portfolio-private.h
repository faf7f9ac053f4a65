/* kt-portfolio-private.h — shared internals of the portfolio database files
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "kt-portfolio-db.h"

G_BEGIN_DECLS

struct _KtPortfolioDb {
  sqlite3    *db;
  char       *path;
  gboolean    read_only;
  char       *warning;
  int         schema_version;
  KtRubric   *rubric;
  GHashTable *stmts;   /* constant SQL text → prepared statement */
  GHashTable *rule_sets; /* id → KtRuleSet*, loaded once per handle */
};

extern const char * const kt_portfolio_protecting_triggers[];

gboolean      kt_portfolio_set_error     (KtPortfolioDb *self,
                                          int            rc,
                                          const char    *doing,
                                          GError       **error);
/* A cached statement for constant `sql`, reset and unbound. */
sqlite3_stmt *kt_portfolio_prepare       (KtPortfolioDb *self,
                                          const char    *sql,
                                          GError       **error);
/* Runs constant `sql` with ?1 bound to `id` and turns each row into an
 * element with `read_row`; NULL with an error naming what was `reading`. */
typedef gpointer (*KtPortfolioRowReader) (sqlite3_stmt *stmt);
GPtrArray    *kt_portfolio_collect_rows  (KtPortfolioDb        *self,
                                          const char           *sql,
                                          gint64                id,
                                          KtPortfolioRowReader  read_row,
                                          GDestroyNotify        free_row,
                                          const char           *reading,
                                          GError              **error);
void          kt_portfolio_bind_text     (sqlite3_stmt  *stmt,
                                          int            index,
                                          const char    *text);
void          kt_portfolio_bind_double   (sqlite3_stmt  *stmt,
                                          int            index,
                                          double         x);
char         *kt_portfolio_column_text   (sqlite3_stmt  *stmt,
                                          int            column);
double        kt_portfolio_column_double (sqlite3_stmt  *stmt,
                                          int            column);
gboolean      kt_portfolio_exec          (KtPortfolioDb *self,
                                          const char    *sql,
                                          const char    *doing,
                                          GError       **error);
gboolean      kt_portfolio_begin         (KtPortfolioDb *self,
                                          const char    *doing,
                                          GError       **error);
gboolean      kt_portfolio_commit        (KtPortfolioDb *self,
                                          const char    *doing,
                                          GError       **error);
void          kt_portfolio_rollback      (KtPortfolioDb *self);
char         *kt_portfolio_now           (void);
char         *kt_portfolio_fold          (const char    *text);
char         *kt_portfolio_check_integrity (sqlite3     *db,
                                            gboolean     full,
                                            int         *rc);
/* Appends a chained entry inside the caller's transaction (kt-audit.c). */
gboolean      kt_portfolio_audit_append  (KtPortfolioDb *self,
                                          const char    *at,
                                          const char    *actor,
                                          const char    *action,
                                          gint64         submission_id,
                                          const char    *subject,
                                          const char    *value,
                                          const char    *detail,
                                          GError       **error);
/* A submission's list row as one BLOB, and back (kt-portfolio-summary.c).
 * Unpacking returns NULL for a malformed BLOB. */
GBytes       *kt_submission_pack         (const KtSubmission *s);
KtSubmission *kt_submission_unpack       (gint64         id,
                                          const void    *blob,
                                          gsize          length,
                                          const char    *decision,
                                          gint64         next_id);
/* The canonical text an entry's hash covers. */
char         *kt_audit_canonical         (gint64         seq,
                                          const char    *at,
                                          const char    *actor,
                                          const char    *action,
                                          gint64         submission_id,
                                          const char    *subject,
                                          const char    *value,
                                          const char    *detail);

G_END_DECLS
