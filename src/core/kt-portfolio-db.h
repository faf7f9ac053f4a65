/* kt-portfolio-db.h — the appraiser's portfolio: submissions, scores, decisions and audit log (SQLite)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One SQLite file holds every submission as imported (original bytes and
 * their SHA-256), the appraiser's own recomputation of it, appraisers' scores
 * against a rubric (kt-rubric.h), final decisions and an append-only audit log
 * whose entries are chained by SHA-256.  Any file can be opened: a damaged or
 * foreign database is refused or opened read-only, never trusted.
 *
 * A KtPortfolioDb is used by one thread at a time; other threads (a GTask)
 * open their own handle on the same file — SQLite's locks and the busy
 * timeout let several handles and processes share it.
 */
#pragma once

#include <gio/gio.h>

#include "kt-project.h"
#include "kt-rubric.h"

G_BEGIN_DECLS

#define KT_PORTFOLIO_ERROR (kt_portfolio_error_quark ())
GQuark kt_portfolio_error_quark (void);

typedef enum {
  KT_PORTFOLIO_ERROR_OPEN,           /* cannot open or create the file */
  KT_PORTFOLIO_ERROR_NOT_PORTFOLIO,  /* not an SQLite file, or another program's database */
  KT_PORTFOLIO_ERROR_DAMAGED,        /* the integrity check failed */
  KT_PORTFOLIO_ERROR_TOO_NEW,        /* written by a newer version of Khả Thi */
  KT_PORTFOLIO_ERROR_READ_ONLY,      /* a change was asked of a read-only portfolio */
  KT_PORTFOLIO_ERROR_FULL,           /* disk full: the change was rolled back */
  KT_PORTFOLIO_ERROR_BUSY,           /* another program holds the lock too long */
  KT_PORTFOLIO_ERROR_IO,
  KT_PORTFOLIO_ERROR_SQL,            /* any other SQLite failure */
  KT_PORTFOLIO_ERROR_INVALID_FILE,   /* the submission cannot be loaded */
  KT_PORTFOLIO_ERROR_NOT_FOUND,
  KT_PORTFOLIO_ERROR_LOCKED,         /* a decision was made: scores and decision are final */
  KT_PORTFOLIO_ERROR_INVALID,        /* bad argument: empty comment, unknown criterion, … */
} KtPortfolioError;

typedef enum {
  KT_PORTFOLIO_OPEN_DEFAULT    = 0,
  KT_PORTFOLIO_OPEN_READ_ONLY  = 1 << 0,  /* never write, never create */
  KT_PORTFOLIO_OPEN_NO_CHECK   = 1 << 1,  /* skip PRAGMA quick_check on open */
} KtPortfolioOpenFlags;

/* Schema version written by this build (PRAGMA user_version). */
#define KT_PORTFOLIO_SCHEMA_VERSION 3

typedef struct _KtPortfolioDb KtPortfolioDb;

/* Read-only: the strings share the struct's allocation; free with kt_submission_free(). */
typedef struct {
  gint64       id;
  char        *project_id;      /* the document's UUID */
  int          version;         /* 1, 2, … per project id, in import order */
  gint64       previous_id;     /* the version this one resubmits; 0 when none */
  gint64       next_id;         /* a later resubmission; 0 when this is the latest */
  char        *file_name;
  char        *sha256;
  gint64       size;
  char        *imported_at;     /* ISO 8601 UTC */
  char        *imported_by;
  char        *name_vi;
  char        *name_en;
  char        *proposer;
  char        *province;
  char        *field;           /* file keywords (kt-enums.h) */
  char        *domain;
  char        *form;
  char        *rule_set;        /* rule set of the recomputation */
  char        *rubric_id;
  KtIndicators ind;             /* recomputed; NAN when undefined */
  int          n_errors;        /* errors of the recomputation and validation */
  int          n_legal_failed;  /* legal checks of the rubric that failed */
  int          n_claims_mismatched; /* figures the proposer claimed that the recomputation does not confirm */
  char        *decision;        /* "approve", "return", "reject"; NULL: pending */
  char        *sort_key;        /* Vietnamese collation key of the name */
} KtSubmission;

void kt_submission_free (KtSubmission *submission);

/* The name in the UI language (kt_lang_current ()), else the other one. */
const char *kt_submission_name (const KtSubmission *submission);
/* A decision key ("approve", "return", "reject"; NULL: pending), translated:
 * in running text or a table cell ("approved") and as a title ("Approved"). */
const char *kt_decision_label  (const char *decision);
const char *kt_decision_title  (const char *decision);

typedef enum {
  KT_PORTFOLIO_SORT_ID,
  KT_PORTFOLIO_SORT_NAME,        /* Vietnamese alphabetical order */
  KT_PORTFOLIO_SORT_IMPORTED,
  KT_PORTFOLIO_SORT_INVESTMENT,
  KT_PORTFOLIO_SORT_NPV,
  KT_PORTFOLIO_SORT_IRR,
  KT_PORTFOLIO_SORT_EQUITY_IRR,
  KT_PORTFOLIO_SORT_DSCR,
  KT_PORTFOLIO_SORT_FISCAL,
  KT_PORTFOLIO_SORT_PROPOSER,
  KT_PORTFOLIO_N_SORTS
} KtPortfolioSort;

/* "id", "name", "imported", "investment", "npv", "irr", "equity-irr", "dscr",
 * "fiscal", "proposer". */
gboolean    kt_portfolio_sort_from_key (const char      *key,
                                        KtPortfolioSort *sort);
const char *kt_portfolio_sort_key      (KtPortfolioSort  sort);

typedef struct {
  const char      *search;       /* full-text words (names, proposer, narratives); NULL: all */
  const char      *form;         /* equality filters on file keywords; NULL: any */
  const char      *province;
  const char      *field;
  const char      *domain;
  const char      *decision;     /* "pending", "approve", "return", "reject" */
  const char      *project_id;
  gboolean         latest_only;  /* hide versions that were resubmitted */
  KtPortfolioSort  sort;
  gboolean         descending;
  int              limit;        /* 0: no limit */
} KtPortfolioQuery;

void kt_portfolio_query_init (KtPortfolioQuery *query);

typedef struct {
  gint64   id;
  gint64   previous_id;
  int      version;
  gboolean duplicate;   /* the same bytes were already imported as `id` */
} KtImportResult;

typedef struct {
  char   *appraiser;
  char   *criterion;
  double  score;
  char   *comment;
  char   *scored_at;
} KtScore;

typedef struct {
  const KtRubricCriterion *criterion;
  double   mean;         /* on the criterion's scale; NAN: not scored */
  double   min;
  double   max;
  int      n;            /* scores (1 for automatic criteria) */
  gboolean disagreement; /* max − min above the rubric's threshold */
} KtCriterionResult;

typedef struct {
  double   total;         /* 0–100: weighted mean of the criteria means; NAN: nothing scored */
  double   spread;        /* max − min of the appraisers' own totals (0–100); NAN: < 2 appraisers */
  int      n_appraisers;
  int      n_unscored;    /* criteria with no score yet */
  int      n_legal_failed;
  gboolean disagreement;  /* some criterion is flagged */
  GArray  *criteria;      /* KtCriterionResult, rubric order */
} KtAggregate;

void kt_aggregate_clear (KtAggregate *aggregate);

typedef struct {
  KtSubmission *submission;
  KtAggregate   aggregate;
} KtRankRow;

typedef struct {
  char   *code;
  char   *citation;
  gboolean passed;
} KtLegalResult;

typedef struct {
  gint64  seq;
  char   *at;
  char   *actor;
  char   *action;         /* "import", "score", "decide", "export" */
  gint64  submission_id;  /* 0 when none */
  char   *subject;
  char   *value;
  char   *detail;
  char   *prev_hash;
  char   *hash;
} KtAuditEntry;

/* g_get_user_data_dir()/khathi/portfolio.sqlite */
char          *kt_portfolio_db_default_path   (void);
/* Opens or creates the portfolio at `path` and migrates its schema.  A file
 * that fails its integrity check, is write-protected or was written by a
 * newer version is opened read-only: see kt_portfolio_db_get_warning(). */
KtPortfolioDb *kt_portfolio_db_open           (const char            *path,
                                               KtPortfolioOpenFlags   flags,
                                               GError               **error);
void           kt_portfolio_db_free           (KtPortfolioDb         *self);
gboolean       kt_portfolio_db_is_read_only   (KtPortfolioDb         *self);
/* Why the portfolio is read-only (translated), or NULL. */
const char    *kt_portfolio_db_get_warning    (KtPortfolioDb         *self);
const char    *kt_portfolio_db_get_path       (KtPortfolioDb         *self);
int            kt_portfolio_db_get_schema_version (KtPortfolioDb     *self);
/* The rubric scores are checked and aggregated against (default: data/rubrics/default.xml). */
const KtRubric *kt_portfolio_db_get_rubric    (KtPortfolioDb         *self,
                                               GError               **error);
void           kt_portfolio_db_set_rubric     (KtPortfolioDb         *self,
                                               KtRubric              *rubric);
/* The raw connection, for tests and tools only. */
gpointer       kt_portfolio_db_get_handle     (KtPortfolioDb         *self);

/* The user's real name, else the login name. */
const char    *kt_portfolio_default_appraiser (void);

/* Imports one submission in one transaction: loads it with the safe loader,
 * recomputes it with the engine and the rule set it names (or `rule_set`),
 * scores the automatic criteria, links it to the previous version of the
 * same project id and logs it.  Identical bytes are not imported twice. */
gboolean       kt_portfolio_db_import_data    (KtPortfolioDb         *self,
                                               const char            *data,
                                               gsize                  length,
                                               const char            *file_name,
                                               const char            *appraiser,
                                               const char            *rule_set,
                                               KtImportResult        *result,
                                               GError               **error);
gboolean       kt_portfolio_db_import_file    (KtPortfolioDb         *self,
                                               const char            *path,
                                               const char            *appraiser,
                                               const char            *rule_set,
                                               KtImportResult        *result,
                                               GError               **error);

/* KtSubmission*, owned. */
GPtrArray     *kt_portfolio_db_list           (KtPortfolioDb         *self,
                                               const KtPortfolioQuery *query,
                                               GError               **error);
KtSubmission  *kt_portfolio_db_get            (KtPortfolioDb         *self,
                                               gint64                 id,
                                               GError               **error);
GBytes        *kt_portfolio_db_get_file       (KtPortfolioDb         *self,
                                               gint64                 id,
                                               GError               **error);
/* The recomputed results as JSON text (indicators, checks, legal gate, automatic scores). */
char          *kt_portfolio_db_get_results    (KtPortfolioDb         *self,
                                               gint64                 id,
                                               GError               **error);
/* The submission loaded again from its stored bytes. */
KtProject     *kt_portfolio_db_load_project   (KtPortfolioDb         *self,
                                               gint64                 id,
                                               GError               **error);
/* KtLegalResult*, rubric order. */
GPtrArray     *kt_portfolio_db_get_legal      (KtPortfolioDb         *self,
                                               gint64                 id,
                                               GError               **error);

/* One figure the proposer claimed in the file (<claimed-figures>) set against
 * the appraiser's own recomputation.  The claims are never used for anything
 * else: they only flag a proposer whose figures do not come from the inputs. */
typedef struct {
  char     *key;         /* "project-npv", "equity-irr", … (the file's element name) */
  char     *label;       /* translated: "Project NPV" */
  double    claimed;
  double    recomputed;  /* NAN when the recomputation leaves it undefined */
  gboolean  matches;     /* within the tolerance (kt_claims_match()) */
} KtClaimCheck;

/* KtClaimCheck*, in the file's order; empty when the file claims nothing. */
GPtrArray     *kt_portfolio_db_get_claims     (KtPortfolioDb         *self,
                                               gint64                 id,
                                               GError               **error);
void           kt_claim_check_free            (KtClaimCheck          *c);

/* Appraisers' scores; then automatic ones with appraiser "auto". KtScore*. */
GPtrArray     *kt_portfolio_db_get_scores     (KtPortfolioDb         *self,
                                               gint64                 id,
                                               GError               **error);
/* Records or replaces `appraiser`'s score of a manual criterion.  The comment
 * is required; the score must lie on the criterion's scale; refused once a
 * decision was made (KT_PORTFOLIO_ERROR_LOCKED). */
gboolean       kt_portfolio_db_score          (KtPortfolioDb         *self,
                                               gint64                 id,
                                               const char            *appraiser,
                                               const char            *criterion,
                                               double                 score,
                                               const char            *comment,
                                               GError               **error);
gboolean       kt_portfolio_db_aggregate      (KtPortfolioDb         *self,
                                               gint64                 id,
                                               KtAggregate           *aggregate,
                                               GError               **error);
/* "approve", "return" (for revision) or "reject"; final, and it locks the scores. */
gboolean       kt_portfolio_db_decide         (KtPortfolioDb         *self,
                                               gint64                 id,
                                               const char            *decision,
                                               const char            *appraiser,
                                               const char            *note,
                                               GError               **error);
typedef struct {
  char   *decision;     /* "approve", "return", "reject" */
  char   *appraiser;
  char   *note;
  char   *decided_at;
  double  total;        /* the aggregate when decided; NAN: nothing scored */
} KtDecision;

/* NULL with no error when the submission is still pending. */
KtDecision    *kt_portfolio_db_get_decision   (KtPortfolioDb         *self,
                                               gint64                 id,
                                               GError               **error);
void           kt_decision_free               (KtDecision            *decision);
/* Latest versions, legal gate passed first, then by total score. KtRankRow*. */
GPtrArray     *kt_portfolio_db_rank           (KtPortfolioDb         *self,
                                               GError               **error);
void           kt_rank_row_free               (KtRankRow             *row);

/* Logs an export (catalogue, report) of `path` whose bytes hash to `sha256`. */
gboolean       kt_portfolio_db_log_export     (KtPortfolioDb         *self,
                                               const char            *format,
                                               const char            *path,
                                               const char            *sha256,
                                               const char            *actor,
                                               gint64                 submission_id,
                                               GError               **error);
/* KtAuditEntry*, in order; `submission_id` 0 for all. */
GPtrArray     *kt_portfolio_db_get_audit      (KtPortfolioDb         *self,
                                               gint64                 submission_id,
                                               GError               **error);
void           kt_audit_entry_free            (KtAuditEntry          *entry);
/* Checks the database's integrity, the audit chain, that the protecting
 * triggers are in place and that every submission, score and decision agrees
 * with its audit entry.  Appends one translated line per problem to
 * `problems`; returns FALSE (with `error`) only when the check could not run.
 * `head` receives the last hash, to be recorded outside the database. */
gboolean       kt_portfolio_db_verify         (KtPortfolioDb         *self,
                                               GPtrArray             *problems,
                                               gint64                *n_entries,
                                               char                 **head,
                                               GError               **error);

/* Importing many files off the main thread (kt-portfolio-task.c): the worker
 * opens its own handle on `db_path`; each file is one transaction, and
 * cancelling stops between files. */
typedef struct {
  guint      n_imported;
  guint      n_duplicates;
  guint      n_failed;
  gboolean   cancelled;
  GPtrArray *errors;   /* char*, one translated message per failed file */
  GArray    *ids;      /* gint64, submission ids imported or already present */
} KtImportSummary;

void             kt_portfolio_import_files_async  (const char          *db_path,
                                                   const char * const  *files,
                                                   const char          *appraiser,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
KtImportSummary *kt_portfolio_import_files_finish (GAsyncResult        *result,
                                                   GError             **error);
void             kt_import_summary_free           (KtImportSummary     *summary);

/* Changes between two versions of a document, walking the schema (kt-schema.h). */
typedef struct {
  char *path;        /* schema path with 1-based rows: "investment/capex/2/amounts" */
  char *old_value;   /* NULL: absent (a row added) */
  char *new_value;   /* NULL: absent (a row removed) */
} KtFieldChange;

/* KtFieldChange*, in schema order. */
GPtrArray     *kt_project_data_diff           (const KtProjectData   *old_data,
                                               const KtProjectData   *new_data);
void           kt_field_change_free           (KtFieldChange         *change);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtPortfolioDb, kt_portfolio_db_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtSubmission, kt_submission_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtDecision, kt_decision_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtClaimCheck, kt_claim_check_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KtImportSummary, kt_import_summary_free)

G_END_DECLS
